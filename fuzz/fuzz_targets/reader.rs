//! The record reader over arbitrary bytes: never panics, line numbers grow,
//! every good record validates.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A small line limit too, so the overlong-line path is exercised.
    for limit in [usize::MAX >> 1, 64] {
        let mut last = 0;
        for r in gainsay::StatementReader::new(data).max_line_len(limit) {
            match r {
                Ok(s) => assert!(s.validate(None).is_ok()),
                Err(e) => {
                    let loc = e.location().expect("record errors carry a location");
                    let line = loc.line.expect("reader errors name a line");
                    assert!(line > last, "lines go forward");
                    last = line;
                    let _ = e.to_string();
                }
            }
        }
    }
});
