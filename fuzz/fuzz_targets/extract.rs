//! Article extraction on arbitrary text: never panics, and every record's
//! span slices the article to its text on char boundaries.
//!
//! Run (issue 14), seeded with the annotated articles:
//! `cp tests/data/articles/*.txt /tmp/fuzz_corpus/ && cd fuzz &&
//! cargo +nightly fuzz run extract /tmp/fuzz_corpus -- -max_total_time=660 -max_len=4096`
//! — 538,500 runs in 661 s, no crash (on the tree of 4d0a506 plus the
//! actor_kind work of d900fa4 in progress; the frame rules of 7e7f3cf came
//! after and were not fuzzed).
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
