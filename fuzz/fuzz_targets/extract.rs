//! Article extraction on arbitrary text: never panics, and every record's
//! span slices the article to its text on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|article: &str| {
    for st in gainsay::extract(article, "dir/fuzz.txt") {
        let [a, b] = st.span.expect("every record has a span");
        assert!(a <= b && b <= article.len());
        assert!(article.is_char_boundary(a) && article.is_char_boundary(b));
        assert_eq!(&article[a..b], st.text);
    }
});
