//! Helpers shared by the integration tests.

use gainsay::{Report, Statement};

/// Every contradiction has a span on each side, and every span is in bounds,
/// on char boundaries, equal to its text, with char offsets that count: the
/// library's own check ([`Report::check_evidence`]).
pub fn check_spans(report: &Report, st: &[Statement]) {
    if let Err(e) = report.check_evidence(st) {
        panic!("{e}");
    }
}
