//! Bounds a run reached: where candidate generation or actor resolution
//! stopped short so that a huge or hostile input still runs in bounded
//! time. A report lists them so that a reader (or a program) knows which
//! part of the result may be incomplete, and why.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Which bound was reached.
///
/// # Examples
/// ```
/// use gainsay::{BoundKind, Detector, Statement};
/// let st: Vec<Statement> = (0..5)
///     .map(|i| Statement::new(format!("s{i}"), Some("Mayor Ann Lee"), "The dam on the river will open."))
///     .collect();
/// let report = Detector::builder().max_postings(3).build().unwrap().detect(&st).unwrap();
/// assert!(report.bounds.iter().any(|b| b.kind == BoundKind::MaxPostings));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BoundKind {
    /// A concept was held by more claims than `max_postings`: it paired
    /// only claims whose every concept is common, through their two rarest.
    MaxPostings,
    /// Claims reached the candidate budget of postings visited.
    CandidateBudget,
    /// Claims had more candidate partners than `max_partners`.
    MaxPartners,
    /// Too many names start with the same words to compare spellings.
    NamesStarting,
    /// Too many names end with the same words to compare given names.
    NamesEnding,
    /// Short names each had too many fuller names to join.
    ShortNames,
}

impl BoundKind {
    /// The kind's name as it is written in JSON (`max_postings`…).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(gainsay::BoundKind::CandidateBudget.as_str(), "candidate_budget");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            BoundKind::MaxPostings => "max_postings",
            BoundKind::CandidateBudget => "candidate_budget",
            BoundKind::MaxPartners => "max_partners",
            BoundKind::NamesStarting => "names_starting",
            BoundKind::NamesEnding => "names_ending",
            BoundKind::ShortNames => "short_names",
        }
    }
}

impl fmt::Display for BoundKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One bound a run reached: which, its limit, how many went over it, what
/// it concerned, and the same in words.
///
/// # Examples
/// ```
/// use gainsay::{Bound, BoundKind};
/// let b = Bound::new(BoundKind::MaxPostings, 1000, 4321, Some("harbour"));
/// assert_eq!(b.kind, BoundKind::MaxPostings);
/// assert_eq!(b.subject.as_deref(), Some("harbour"));
/// assert!(b.message.contains("4321 claims"));
/// let json = serde_json::to_value(&b).unwrap();
/// assert_eq!(json["kind"], "max_postings");
/// assert_eq!(json["limit"], 1000);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Bound {
    /// Which bound.
    pub kind: BoundKind,
    /// The bound's value.
    pub limit: usize,
    /// How many went over it: claims holding the concept, names in the
    /// group, or claims (or names) that reached it.
    pub count: usize,
    /// What it concerned: the concept or the shared name words; `None` for
    /// a count over the whole run.
    pub subject: Option<String>,
    /// The bound in words, for a human reader.
    pub message: String,
}

impl Bound {
    /// A bound of `kind` with its message written from the figures.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Bound, BoundKind};
    /// let b = Bound::new(BoundKind::MaxPartners, 200, 7, None);
    /// assert_eq!((b.limit, b.count), (200, 7));
    /// assert!(b.message.contains("200"));
    /// ```
    pub fn new(kind: BoundKind, limit: usize, count: usize, subject: Option<&str>) -> Bound {
        let about = subject.unwrap_or("");
        let message = match kind {
            BoundKind::MaxPostings => format!(
                "concept {about:?} is held by {count} claims, over the bound of {limit}: it paired only claims whose every concept is common, through their two rarest"
            ),
            BoundKind::CandidateBudget => format!(
                "{count} claims reached the budget of {limit} postings: they were paired through their rarest concepts only, or not at all when even the rarest was held by more claims"
            ),
            BoundKind::MaxPartners => format!(
                "{count} claims had more than {limit} candidate partners; those sharing the rarest concepts were kept"
            ),
            BoundKind::NamesStarting => format!(
                "{count} names start {about:?}, over the bound of {limit}: their spellings were not compared"
            ),
            BoundKind::NamesEnding => format!(
                "{count} names end {about:?}, over the bound of {limit}: their given names were not compared"
            ),
            BoundKind::ShortNames => format!(
                "{count} short names each had over {limit} fuller names to join: they were left as they are"
            ),
        };
        Bound {
            kind,
            limit,
            count,
            subject: subject.map(str::to_owned),
            message,
        }
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_json() {
        for kind in [
            BoundKind::MaxPostings,
            BoundKind::CandidateBudget,
            BoundKind::MaxPartners,
            BoundKind::NamesStarting,
            BoundKind::NamesEnding,
            BoundKind::ShortNames,
        ] {
            let b = Bound::new(kind, 10, 12, Some("x"));
            let json = serde_json::to_string(&b).unwrap();
            assert!(json.contains(&format!("\"kind\":\"{kind}\"")), "{json}");
            assert_eq!(serde_json::from_str::<Bound>(&json).unwrap(), b);
            assert!(b.message.contains("12"), "{}", b.message);
        }
    }
}
