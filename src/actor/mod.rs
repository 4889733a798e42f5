//! Actor normalization: who is speaking, as one stable id per real speaker.
//!
//! Each actor string is parsed on its own ([`parse`]): titles, role words and
//! their complements are stripped from names, possessive owners and
//! documents are resolved to who speaks, groups and unnamed roles are
//! recognized. The corpus is then resolved as a whole: spelling variants and
//! shorter forms of a name join the fuller name, acronyms join the
//! organization whose initials they are, unnamed roles ("the agency") find
//! the actor named with that role in their context or elsewhere in the
//! corpus, and pronouns take the last named person of the same source.
//!
//! Invariants: one [`Actor`] per input, in input order; the result for a
//! record never depends on the order in which *different* sources appear
//! (cross-source choices use corpus-wide sets and deterministic tie-breaks);
//! no input panics.

mod context;
mod corpus;
mod gazetteer;
use crate::lexicon::actor as lex;
mod parse;
mod persons;
mod resolve;
mod table;
#[cfg(test)]
mod tests;
mod variants;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::record::{Date, Statement};
use crate::text::{FxHashMap, FxHashSet, Token};

pub(crate) use context::ContextClue;
use parse::Parsed;

pub use gazetteer::{Gazetteer, GazetteerEntry};
pub(crate) use table::ActorTable;

/// What kind of speaker an actor is.
///
/// # Examples
/// ```
/// use gainsay::{normalize_actors, ActorKind, Statement};
/// let s = Statement::new("a", Some("Prime Minister Alma Reyes"), "We will not.");
/// assert_eq!(normalize_actors(&[s], None)[0].kind, ActorKind::Person);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActorKind {
    /// A named person.
    Person,
    /// An organization, outlet, government body.
    Organization,
    /// A group of unnamed people ("Sylvanian officials").
    Group,
    /// The publishing source's own voice (no actor given).
    Source,
    /// Nothing could be said.
    Unknown,
}

/// A normalized actor: a stable id shared by every mention of one speaker.
/// The id and name are shared strings: the many statements of one actor
/// hold one copy.
///
/// # Examples
/// ```
/// use gainsay::{normalize_actors, Statement};
/// let a = Statement::new("a", Some("Prime Minister Alma Reyes"), "No.");
/// let b = Statement::new("b", Some("Reyes"), "Never.");
/// let actors = normalize_actors(&[a, b], None);
/// assert_eq!(&*actors[0].id, "alma reyes");
/// assert_eq!(actors[1].id, actors[0].id);
/// assert_eq!(&*actors[1].name, "Alma Reyes");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id: folded canonical name, or `source:<source>`.
    pub id: Arc<str>,
    /// Display name.
    pub name: Arc<str>,
    /// Kind.
    pub kind: ActorKind,
}

/// What the resolver sees of one statement.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ActorInput<'a> {
    pub actor: Option<&'a str>,
    pub source: Option<&'a str>,
    pub context: Option<&'a str>,
    #[allow(dead_code)]
    pub text: &'a str,
    pub date: Option<Date>,
}

impl<'a> From<&'a Statement> for ActorInput<'a> {
    fn from(s: &'a Statement) -> ActorInput<'a> {
        ActorInput {
            actor: s.actor.as_deref(),
            source: s.source.as_deref(),
            context: s.context.as_deref(),
            text: &s.text,
            date: s.date,
        }
    }
}

/// The lower-cased words of the personal name that [`parse`](parse::parse)
/// finds in a raw actor string, titles and roles left out:
/// "Secretary of State Ana Ruiz" → `["ana", "ruiz"]`. A single capitalized
/// word with no title ("Ruiz") counts as a name. Empty for organizations,
/// groups, roles without a name, pronouns and a missing or empty actor.
/// Words are folded as actor ids are (diacritics removed) and one-letter
/// initials are dropped. (The batch run reads them through [`Mentions`],
/// the live table from its own parse.)
#[cfg(test)]
pub(crate) fn person_tokens(lx: &lex::ActorLexicon, raw_actor: &str) -> Vec<String> {
    name_words(&parse::parse(lx, raw_actor).mention).to_vec()
}

/// The kind of speaker a raw actor string names on its own, before any
/// resolution: a person ("Mayor Ana Ruiz"), an organization ("Orsa Rail
/// Co."), a group ("port officials"); a lone surname, a pronoun or a role
/// without a name is `Unknown`. Extraction's own speaker kinds are checked
/// against it.
pub(crate) fn mention_kind(lx: &lex::ActorLexicon, raw_actor: &str) -> ActorKind {
    match parse::parse(lx, raw_actor).mention {
        parse::Mention::Person { .. } => ActorKind::Person,
        parse::Mention::Org { .. } => ActorKind::Organization,
        parse::Mention::Group { .. } => ActorKind::Group,
        parse::Mention::Descriptor { org_role: true, .. } => ActorKind::Organization,
        _ => ActorKind::Unknown,
    }
}

/// The words of a parsed mention's personal name: what `person_tokens`
/// gives for the actor string it was parsed from.
fn name_words(mention: &parse::Mention) -> &[String] {
    match mention {
        parse::Mention::Person { name, .. } => name,
        parse::Mention::Name { word, .. } => std::slice::from_ref(word),
        _ => &[],
    }
}

/// Not part of the API: the live actor table, reachable from the benches
/// (`benches/actors.rs` times the table alone, which the public
/// [`LiveIndex`](crate::LiveIndex) cannot show).
#[cfg(feature = "testkit")]
#[doc(hidden)]
pub mod live {
    use super::{Actor, ActorInput, ActorTable, Statement};
    use crate::lexicon::Lexicon;

    /// A live actor table over statements.
    pub struct LiveActors(ActorTable);

    impl LiveActors {
        /// An empty table, no gazetteer, the built-in lexicon.
        pub fn new() -> LiveActors {
            LiveActors(ActorTable::new(Lexicon::shipped().clone(), None))
        }

        /// Adds a statement; returns its index.
        pub fn push(&mut self, s: &Statement) -> usize {
            self.0.push(&ActorInput::from(s))
        }

        /// Statement `i`'s actor over everything pushed so far.
        pub fn actor(&self, i: usize) -> Option<Actor> {
            self.0.actor(i)
        }
    }

    impl Default for LiveActors {
        fn default() -> LiveActors {
            LiveActors::new()
        }
    }
}

/// Where the context clues of descriptor records come from: a descriptor
/// ("the mayor") looks in its record's context for the actor it stands for
/// ("Mayor Ana Ruiz"), and a record keeps only that small clue.
pub(crate) enum Clues {
    /// Read by the actor stage: each descriptor record's context is cut
    /// here, up to the clue's byte cut (no other stage reads it).
    Cut,
    /// Read where the contexts were cut ([`Mentions::clue`]): a record
    /// and its clue, for every descriptor record with a context.
    Given(Vec<(u32, ContextClue)>),
}

/// Resolves every input's actor with the actor lists `lx`, with the bounds
/// reached on the way (name groups too large to compare pair by pair). The
/// same as pushing every input into an [`ActorTable`] and asking for each
/// actor, done at once. The descriptor records' context clues are `clues`.
pub(crate) fn resolve(
    lx: &lex::ActorLexicon,
    inputs: &[ActorInput<'_>],
    gazetteer: Option<&Gazetteer>,
    clues: Clues,
) -> (Vec<Actor>, Vec<crate::Bound>) {
    resolve::resolve(lx, inputs, gazetteer, clues)
}

/// What the later stages read of a corpus's actor strings, each distinct
/// one parsed once: the words of the person names among them, and which
/// are descriptors, whose records' contexts give a clue.
pub(crate) struct Mentions<'a> {
    /// The words of every person name (`person_tokens` of each string).
    pub names: FxHashSet<String>,
    /// The actor strings that are descriptors, parsed.
    descriptors: FxHashMap<&'a str, Parsed>,
}

impl<'a> Mentions<'a> {
    /// The mentions of the actor strings `raws` (repeats are parsed once).
    pub fn of(lx: &lex::ActorLexicon, raws: impl IntoIterator<Item = &'a str>) -> Mentions<'a> {
        let distinct: FxHashSet<&'a str> = raws.into_iter().collect();
        let mut out = Mentions {
            names: FxHashSet::default(),
            descriptors: FxHashMap::default(),
        };
        for raw in distinct {
            let parsed = parse::parse(lx, raw);
            out.names
                .extend(name_words(&parsed.mention).iter().cloned());
            if matches!(parsed.mention, parse::Mention::Descriptor { .. }) {
                out.descriptors.insert(raw, parsed);
            }
        }
        out
    }

    /// The context clue of a record whose actor is `actor`, when that is a
    /// descriptor: read from its context's tokens `toks`
    /// (`text::words(context)`), which the caller cut for its own reading:
    /// the clue [`Clues::Cut`] would give.
    pub fn clue(
        &self,
        lx: &lex::ActorLexicon,
        actor: Option<&str>,
        context: &str,
        toks: &[Token<'_>],
    ) -> Option<ContextClue> {
        let parsed = self.descriptors.get(actor?)?;
        Some(context::context_clue(lx, parsed, context, toks))
    }
}

/// Normalizes the actors of a corpus of statements: one [`Actor`] per
/// statement, in order. Records of one source are read in order (a pronoun
/// takes the last named person before it); the order of sources does not
/// matter. A statement with no actor is its source's own voice.
///
/// The shorthand for the built-in word lists: it resolves as
/// [`Detector::actors`](crate::Detector::actors) does for a detector
/// without extra words and with `gazetteer`. A
/// [`Detector`](crate::Detector) built with extra title, nickname or
/// organization words resolves with those through its own
/// [`actors`](crate::Detector::actors).
///
/// # Examples
/// ```
/// use gainsay::{normalize_actors, ActorKind, Statement};
/// let mut s1 = Statement::new("1", Some("Health Minister Alma Reyes"), "No cases.");
/// s1.source = Some("Daily".into());
/// let mut s2 = Statement::new("2", Some("she"), "None at all.");
/// s2.source = Some("Daily".into());
/// let mut s3 = Statement::new("3", None, "Cases rose.");
/// s3.source = Some("Daily".into());
/// let actors = normalize_actors(&[s1, s2, s3], None);
/// assert_eq!(&*actors[1].id, "alma reyes");
/// assert_eq!(&*actors[2].id, "source:Daily");
/// assert_eq!(actors[2].kind, ActorKind::Source);
/// ```
pub fn normalize_actors(statements: &[Statement], gazetteer: Option<&Gazetteer>) -> Vec<Actor> {
    let inputs: Vec<ActorInput<'_>> = statements.iter().map(ActorInput::from).collect();
    resolve(lex::ActorLexicon::get(), &inputs, gazetteer, Clues::Cut).0
}
