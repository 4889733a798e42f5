//! The crate's one error type. Every record-level error names where it was
//! found: the line (for JSON Lines), the record id when known, and the field.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Where in the input an error was found.
///
/// # Examples
/// ```
/// use gainsay::Location;
/// let loc = Location { line: Some(3), id: Some("s1".into()), field: Some("date".into()) };
/// assert_eq!(loc.to_string(), "line 3, record \"s1\", field `date`");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// 1-based line number in a JSON Lines input.
    pub line: Option<usize>,
    /// The record's `id`, when it could be read.
    pub id: Option<String>,
    /// The field at fault.
    pub field: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(line) = self.line {
            parts.push(format!("line {line}"));
        }
        if let Some(id) = &self.id {
            parts.push(format!("record {id:?}"));
        }
        if let Some(field) = &self.field {
            parts.push(format!("field `{field}`"));
        }
        if parts.is_empty() {
            parts.push("input".to_owned());
        }
        f.write_str(&parts.join(", "))
    }
}

/// Everything that can go wrong in gainsay.
///
/// # Examples
/// ```
/// let err = gainsay::read_jsonl("{\"id\": 1, \"text\": \"x\"}\n".as_bytes())
///     .errors
///     .remove(0);
/// assert_eq!(err.to_string(), "line 1, field `id`: expected a string, found a number");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A record that cannot be used as it is.
    #[error("{location}: {message}")]
    Record {
        /// Where.
        location: Location,
        /// What is wrong, in words.
        message: String,
    },
    /// Reading the input failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// A gazetteer or lexicon file could not be used.
    #[error("{what}: {message}")]
    Config {
        /// Which file or option.
        what: String,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// Builds a record error.
    pub(crate) fn record(
        line: Option<usize>,
        id: Option<&str>,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Error {
        Error::Record {
            location: Location {
                line,
                id: id.map(str::to_owned),
                field: field.map(str::to_owned),
            },
            message: message.into(),
        }
    }

    /// The location of a record error, if this is one.
    ///
    /// # Examples
    /// ```
    /// let out = gainsay::read_jsonl("{\"id\": \"a\"}\n".as_bytes());
    /// let loc = out.errors[0].location().unwrap();
    /// assert_eq!(loc.field.as_deref(), Some("text"));
    /// ```
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Record { location, .. } => Some(location),
            _ => None,
        }
    }
}
