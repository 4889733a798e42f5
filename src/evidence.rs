//! Evidence spans: the exact words of each statement that show a clash.
//!
//! An [`Evidence`] is only ever built from a span that slices its field
//! cleanly, so `text == field[start..end]` holds for every one produced.

use serde::{Deserialize, Serialize};

use crate::corpus::Doc;
use crate::stance::Field;
use crate::text::Span;

/// What an evidence span shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// The stance cue ("ok with me", "not going to", "ruled out").
    Cue,
    /// What the stance is about ("send soldiers to the border").
    Target,
    /// A figure ("about 80,000").
    Quantity,
}

/// A span of one statement's `text` or `context` that supports a verdict.
///
/// # Examples
/// ```
/// use gainsay::{Detector, Statement, Role};
/// let report = Detector::new().detect(&[
///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
/// ]).unwrap();
/// for ev in &report.contradictions[0].evidence {
///     let st = if ev.statement == "a" { "We will build the new dam on the river." }
///              else { "We will not build the new dam on the river." };
///     assert_eq!(&st[ev.start..ev.end], ev.text);
///     assert!(matches!(ev.role, Role::Cue | Role::Target));
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Id of the statement the span belongs to.
    pub statement: String,
    /// Which field of it.
    pub field: Field,
    /// UTF-8 byte offset of the first byte.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub end: usize,
    /// Offset of the first char, in Unicode scalar values.
    pub char_start: usize,
    /// Offset one past the last char, in Unicode scalar values.
    pub char_end: usize,
    /// Exactly `field[start..end]`.
    pub text: String,
    /// What the span shows.
    pub role: Role,
}

impl Evidence {
    /// Builds the evidence for `span` of `field` of `stmt`, or `None` when the
    /// span does not slice that field cleanly (never a wrong span).
    pub(crate) fn new(doc: &Doc<'_>, field: Field, span: Span, role: Role) -> Option<Evidence> {
        let value = doc.field(field)?;
        if span.is_empty() {
            return None;
        }
        let text = span.slice(value)?;
        let char_start = value[..span.start].chars().count();
        Some(Evidence {
            statement: doc.id.to_owned(),
            field,
            start: span.start,
            end: span.end,
            char_start,
            char_end: char_start + text.chars().count(),
            text: text.to_owned(),
            role,
        })
    }
}

/// The smallest span covering all `spans` (all of one field), or `None`.
pub(crate) fn cover(spans: impl IntoIterator<Item = Span>) -> Option<Span> {
    spans
        .into_iter()
        .reduce(|a, b| Span::new(a.start.min(b.start), a.end.max(b.end)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Statement;

    #[test]
    fn char_offsets_count_scalars() {
        let s = Statement::new("x", None, "Él dijo «no»");
        let ev = Evidence::new(&Doc::from(&s), Field::Text, Span::new(11, 13), Role::Cue).unwrap();
        assert_eq!(ev.text, "no");
        assert_eq!((ev.char_start, ev.char_end), (9, 11));
    }

    #[test]
    fn bad_spans_give_no_evidence() {
        let s = Statement::new("x", None, "Él");
        assert!(Evidence::new(&Doc::from(&s), Field::Text, Span::new(1, 2), Role::Cue).is_none());
        assert!(Evidence::new(&Doc::from(&s), Field::Text, Span::new(0, 9), Role::Cue).is_none());
        assert!(
            Evidence::new(&Doc::from(&s), Field::Context, Span::new(0, 1), Role::Cue).is_none()
        );
    }

    #[test]
    fn cover_spans_all() {
        assert_eq!(
            cover([Span::new(5, 8), Span::new(1, 3)]),
            Some(Span::new(1, 8))
        );
        assert_eq!(cover([]), None);
    }
}
