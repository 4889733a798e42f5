//! gainsay finds who contradicts whom in news statements.
#![deny(missing_docs)]

mod actor;
mod error;
mod lexicon;
mod quantity;
mod record;
mod text;

pub use actor::{normalize_actors, Actor, ActorKind, Gazetteer, GazetteerEntry};
pub use error::{Error, Location};
pub use lexicon::LexiconKind;
pub use quantity::{parse_figures, Figure, Interval, Qualifier, Unit};
pub use record::{read_jsonl, Date, ReadOutcome, Statement, StatementReader};
pub use text::Span;
