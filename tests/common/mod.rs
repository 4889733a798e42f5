//! Helpers shared by the integration tests.

use gainsay::{Field, Report, Statement};

/// Every contradiction has a span on each side, and every span is in bounds,
/// on char boundaries, equal to its text, with char offsets that count.
pub fn check_spans(report: &Report, st: &[Statement]) {
    for c in &report.contradictions {
        assert!(c.evidence.iter().any(|e| e.statement == c.a));
        assert!(c.evidence.iter().any(|e| e.statement == c.b));
        for e in &c.evidence {
            let s = st.iter().find(|s| s.id == e.statement).unwrap();
            let f = match e.field {
                Field::Text => s.text.as_str(),
                Field::Context => s.context.as_deref().unwrap(),
            };
            assert!(e.start < e.end && e.end <= f.len());
            assert!(f.is_char_boundary(e.start) && f.is_char_boundary(e.end));
            assert_eq!(&f[e.start..e.end], e.text);
            assert_eq!(f[..e.start].chars().count(), e.char_start);
            assert_eq!(f[..e.end].chars().count(), e.char_end);
        }
    }
}
