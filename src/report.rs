//! The report: normalized statements and contradiction pairs, plain data
//! that serializes to the JSON contract of `detect --json`.

use serde::{Deserialize, Serialize};

use crate::actor::ActorKind;
use crate::error::Location;
use crate::evidence::Evidence;
use crate::judge::Kind;
use crate::stance::{Modality, Polarity};

/// A claim as the report shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimSummary {
    /// Proposition terms (concepts).
    pub proposition: Vec<String>,
    /// Stance on it.
    pub polarity: Polarity,
    /// How firmly.
    pub modality: Modality,
    /// Hedge words.
    pub hedges: Vec<String>,
}

/// A statement after normalization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NormalizedStatement {
    /// The record's id.
    pub id: String,
    /// The normalized actor id.
    pub actor: String,
    /// The actor's display name.
    pub actor_name: String,
    /// The actor's kind.
    pub actor_kind: ActorKind,
    /// The claims found.
    pub claims: Vec<ClaimSummary>,
}

/// Two statements that cannot both hold, with the words that show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    /// Id of one statement (the smaller id).
    pub a: String,
    /// Id of the other statement.
    pub b: String,
    /// Stance or quantity.
    pub kind: Kind,
    /// Confidence, 0..1.
    pub score: f64,
    /// The shared proposition, in words.
    pub proposition: String,
    /// A short human explanation.
    pub explanation: String,
    /// Spans of both statements (at least one on each side).
    pub evidence: Vec<Evidence>,
}

/// A record that was left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Where.
    pub location: Location,
    /// What is wrong.
    pub message: String,
}

/// What a run found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Every statement processed, in input order.
    pub statements: Vec<NormalizedStatement>,
    /// Contradiction pairs, best first, then by ids.
    pub contradictions: Vec<Contradiction>,
    /// Records left out (invalid or duplicate), with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
    /// Bounds that were reached (e.g. a concept held by too many claims to
    /// pair them all), so a reader knows the result may be incomplete.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bounds: Vec<String>,
}
