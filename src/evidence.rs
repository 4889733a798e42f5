//! Evidence spans: the exact words of each statement that show a clash.
//!
//! An [`Evidence`] is only ever built from a span that slices its field
//! cleanly, so `text == field[start..end]` holds for every one produced.

use serde::{Deserialize, Serialize};

use crate::corpus::Doc;
use crate::error::Error;
use crate::record::Statement;
use crate::stance::Field;
use crate::text::Span;

/// What an evidence span shows.
///
/// # Examples
/// ```
/// use gainsay::{Detector, Statement};
/// let st = [
///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
/// ];
/// let report = Detector::new().detect(&st).unwrap();
/// let roles: Vec<_> = report.contradictions[0].evidence.iter().map(|e| e.role).collect();
/// assert!(roles.contains(&gainsay::Role::Cue) && roles.contains(&gainsay::Role::Target));
/// ```
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

impl Role {
    /// The name the JSON report gives it.
    ///
    /// ```
    /// assert_eq!(gainsay::Role::Target.to_string(), "target");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Role::Cue => "cue",
            Role::Target => "target",
            Role::Quantity => "quantity",
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
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
#[non_exhaustive]
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

    /// Checks this span against `statement`, the record it cites: the
    /// statement's id, a field the record has, a non-empty range in bounds
    /// on char boundaries, `text` equal to that slice, and char offsets
    /// that count its chars. The one span check of the tests, the fuzz
    /// targets and the examples; useful to a reader of a stored report.
    ///
    /// # Errors
    /// [`Error::Record`] naming the statement and field, with what is wrong.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Statement};
    /// let st = [
    ///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
    ///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
    /// ];
    /// let report = Detector::new().detect(&st).unwrap();
    /// let mut ev = report.contradictions[0].evidence[0].clone();
    /// let cited = st.iter().find(|s| s.id == ev.statement).unwrap();
    /// assert!(ev.check(cited).is_ok());
    /// ev.end += 100;
    /// assert!(ev.check(cited).unwrap_err().to_string().contains("out of bounds"));
    /// ```
    pub fn check(&self, statement: &Statement) -> Result<(), Error> {
        let fail = |message: String| {
            Err(Error::record(
                None,
                Some(&self.statement),
                Some(self.field.name()),
                message,
            ))
        };
        if statement.id != self.statement {
            return fail(format!(
                "evidence cites another statement ({:?})",
                statement.id
            ));
        }
        let Some(value) = statement.field(self.field) else {
            return fail(format!(
                "evidence in a {} the record does not have",
                self.field
            ));
        };
        let (start, end) = (self.start, self.end);
        if start >= end || end > value.len() {
            return fail(format!(
                "evidence span {start}..{end} is empty or out of bounds (field of {} bytes)",
                value.len()
            ));
        }
        if !value.is_char_boundary(start) || !value.is_char_boundary(end) {
            return fail(format!(
                "evidence span {start}..{end} is not on char boundaries"
            ));
        }
        if value[start..end] != self.text {
            return fail(format!(
                "evidence text {:?} is not the field's {:?}",
                self.text,
                &value[start..end]
            ));
        }
        let char_start = value[..start].chars().count();
        let char_end = char_start + value[start..end].chars().count();
        if (self.char_start, self.char_end) != (char_start, char_end) {
            return fail(format!(
                "evidence char offsets {}..{} should be {char_start}..{char_end}",
                self.char_start, self.char_end
            ));
        }
        Ok(())
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

    /// The names `Display` gives are the JSON report's, for every variant.
    #[test]
    fn display_names_are_the_json_names() {
        use crate::judge::Kind;
        use crate::stance::{Modality, Polarity};
        fn same<T: serde::Serialize + std::fmt::Display>(v: T) {
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{v}\""));
        }
        [Role::Cue, Role::Target, Role::Quantity]
            .into_iter()
            .for_each(same);
        [Field::Text, Field::Context].into_iter().for_each(same);
        [Kind::Stance, Kind::Quantity].into_iter().for_each(same);
        [
            Polarity::Supports,
            Polarity::Rejects,
            Polarity::Asserts,
            Polarity::Denies,
        ]
        .into_iter()
        .for_each(same);
        [
            Modality::Asserted,
            Modality::Hypothetical,
            Modality::Conditional,
            Modality::Question,
        ]
        .into_iter()
        .for_each(same);
    }

    #[test]
    fn check_names_what_is_wrong() {
        let s = Statement::new("x", None, "Él dijo «no»");
        let ev = Evidence::new(&Doc::from(&s), Field::Text, Span::new(11, 13), Role::Cue).unwrap();
        assert!(ev.check(&s).is_ok());
        let fault = |e: Evidence| e.check(&s).unwrap_err().to_string();
        assert!(fault(Evidence {
            start: 10,
            ..ev.clone()
        })
        .contains("char boundaries"));
        assert!(fault(Evidence {
            text: "No".into(),
            ..ev.clone()
        })
        .contains("is not the field's"));
        assert!(fault(Evidence {
            char_start: 10,
            ..ev.clone()
        })
        .contains("char offsets"));
        assert!(fault(Evidence {
            field: Field::Context,
            ..ev.clone()
        })
        .contains("context"));
        assert!(fault(Evidence {
            statement: "y".into(),
            ..ev
        })
        .contains("another statement"));
    }
}
