//! Normalization and detection on a few records built from arbitrary strings:
//! never panics, every evidence span passes the library's span check.
#![no_main]

use std::sync::OnceLock;

use gainsay::{Detector, Statement};
use libfuzzer_sys::fuzz_target;

/// One detector for the whole run: building one per input would spend the
/// fuzzer's time on lexicon setup.
fn detector() -> &'static Detector {
    static D: OnceLock<Detector> = OnceLock::new();
    D.get_or_init(Detector::new)
}

fuzz_target!(|data: &str| {
    // Fields are separated by U+0001, records by U+0002:
    // actor \x01 text \x01 context \x01 source \x02 ...
    let statements: Vec<Statement> = data
        .split('\u{2}')
        .take(8)
        .enumerate()
        .map(|(i, rec)| {
            let mut f = rec.split('\u{1}');
            let actor = f.next().filter(|a| !a.is_empty());
            let text = f.next().unwrap_or(rec);
            let mut s = Statement::new(format!("f{i}"), actor, text);
            s.context = f.next().map(str::to_owned);
            s.source = f.next().map(str::to_owned);
            s
        })
        .collect();
    let Ok(report) = detector().detect(&statements) else {
        return;
    };
    if let Err(e) = report.check_evidence(&statements) {
        panic!("{e}");
    }
});
