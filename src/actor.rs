//! Actor normalization (placeholder interface; replaced by the full module).

use serde::{Deserialize, Serialize};

use crate::record::Date;

/// What kind of speaker an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActorKind {
    /// A named person.
    Person,
    /// An organization, outlet, government body.
    Organization,
    /// A group of unnamed people ("Mexican officials").
    Group,
    /// The publishing source's own voice (no actor given).
    Source,
    /// Nothing could be said.
    Unknown,
}

/// A normalized actor.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id: folded canonical name, or `source:<source>`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: ActorKind,
}

/// What the resolver sees of one statement.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ActorInput<'a> {
    pub actor: Option<&'a str>,
    pub source: Option<&'a str>,
    pub context: Option<&'a str>,
    pub text: &'a str,
    pub date: Option<Date>,
}

/// Resolves every input's actor; one output per input, same order.
pub(crate) fn resolve(inputs: &[ActorInput<'_>]) -> Vec<Actor> {
    inputs
        .iter()
        .map(|i| match i.actor {
            None => Actor {
                id: format!("source:{}", i.source.unwrap_or("")),
                name: i.source.unwrap_or("").to_owned(),
                kind: ActorKind::Source,
            },
            Some(a) => Actor {
                id: crate::text::fold(a),
                name: a.to_owned(),
                kind: ActorKind::Unknown,
            },
        })
        .collect()
}
