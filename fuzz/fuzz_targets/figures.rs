//! Figure parsing over arbitrary text: never panics, spans slice the text on
//! char boundaries, intervals are ordered.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for f in gainsay::parse_figures(text) {
        assert!(f.span.start <= f.span.end && f.span.end <= text.len());
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
    }
});
