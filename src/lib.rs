//! gainsay finds who contradicts whom in news statements: it normalizes the
//! actors and stances of statement records and returns contradiction pairs
//! with evidence spans (exact byte ranges of the words that clash).
//!
//! ```
//! use gainsay::{Detector, Statement};
//!
//! let statements = vec![
//!     Statement::new("a", Some("Governor Ana Ruiz"), "that's fine with me.")
//!         .with_context("Asked about building a new dam on the river, Ruiz replied: \"that's fine with me.\""),
//!     Statement::new("b", Some("Mayor Tom Bell"), "The new dam on the river has been ruled out by the council."),
//! ];
//! let report = Detector::new().detect(&statements).unwrap();
//! assert_eq!(report.contradictions.len(), 1);
//! let cues: Vec<_> = report.contradictions[0].evidence.iter().map(|e| e.text.as_str()).collect();
//! assert!(cues.contains(&"fine with") && cues.contains(&"ruled out"));
//! ```
//!
//! Articles become statement records with [`extract`]: every record's
//! `span` slices the article to its text.
//!
//! See `DESIGN.md` for the pipeline and its invariants.
#![deny(missing_docs)]

mod actor;
mod analysis;
mod bound;
mod corpus;
mod detector;
mod error;
mod evidence;
mod explain;
mod extract;
mod ids;
mod index;
mod judge;
mod knowledge;
mod lexicon;
mod live;
mod measure;
mod pairing;
mod quantity;
mod reading;
mod record;
mod report;
mod stance;
#[cfg(any(test, feature = "testkit"))]
pub mod synth;
mod text;

#[cfg(feature = "testkit")]
#[doc(hidden)]
pub use actor::live as __live;
pub use actor::{normalize_actors, Actor, ActorKind, Gazetteer, GazetteerEntry};
pub use bound::{Bound, BoundKind};
pub use detector::{Detector, DetectorBuilder};
pub use error::{Error, Location};
pub use evidence::{Evidence, Role};
pub use explain::Contradiction;
pub use extract::{extract, Extractor};
pub use judge::Kind as ContradictionKind;
pub use lexicon::LexiconKind;
pub use live::LiveIndex;
pub use quantity::{parse_figures, Figure, Interval, Qualifier, Unit};
pub use record::{read_jsonl, Date, Field, ReadOutcome, Statement, StatementReader};
pub use report::{ClaimSummary, Detection, NormalizedStatement, Problem, Report};
pub use stance::{Modality, Polarity};
pub use text::Span;

/// How many times this thread has cut a text into words and into
/// sentences: the test of DESIGN.md's invariant 10 (each field is read once).
#[cfg(feature = "testkit")]
#[doc(hidden)]
pub fn __cuts() -> (usize, usize) {
    text::cuts::count()
}

/// Parses the WordNet and GloVe tables afresh (the knowledge load bench).
#[cfg(feature = "testkit")]
#[doc(hidden)]
pub fn __knowledge_parse() -> usize {
    knowledge::parse_all()
}

/// The README's examples run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// Every public type can cross threads: a detector is built once and shared,
/// reports are sent to writer threads (checked at compile time, as
/// aho-corasick does).
#[allow(dead_code)]
fn assert_public_types_are_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<Actor>();
    is::<ActorKind>();
    is::<Gazetteer>();
    is::<GazetteerEntry>();
    is::<Detector>();
    is::<DetectorBuilder>();
    is::<Error>();
    is::<Location>();
    is::<Evidence>();
    is::<Role>();
    is::<Extractor>();
    is::<ContradictionKind>();
    is::<LexiconKind>();
    is::<LiveIndex>();
    is::<Figure>();
    is::<Interval>();
    is::<Qualifier>();
    is::<Unit>();
    is::<Date>();
    is::<ReadOutcome>();
    is::<Statement>();
    is::<ClaimSummary>();
    is::<Contradiction>();
    is::<Detection>();
    is::<NormalizedStatement>();
    is::<Problem>();
    is::<Report>();
    is::<Field>();
    is::<Modality>();
    is::<Polarity>();
    is::<Span>();
}
