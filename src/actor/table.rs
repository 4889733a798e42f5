//! The live actor table: statements arrive one at a time, and a statement's
//! actor is always what the batch run over the statements seen so far
//! would give it.

use std::sync::Arc;

use super::corpus::Corpus;
use super::gazetteer::Gazetteer;
use super::persons::PersonView;
use super::resolve::Resolver;
use super::{Actor, ActorInput};
use crate::lexicon::Lexicon;

/// Actors of a growing corpus.
///
/// Guarantee: after pushing inputs `0..=k`, for every `i <= k`,
/// `table.actor(i) == resolve(&inputs[..=k], gazetteer).0[i]` (id, name and
/// kind), and `table.bounds()` equals the batch bounds. The tables are
/// updated on [`push`](ActorTable::push); an actor is computed on demand
/// from them by the same rules the batch run applies.
pub(crate) struct ActorTable {
    /// The lexicon whose actor lists parse and resolve the statements.
    lexicon: Arc<Lexicon>,
    gazetteer: Option<Arc<Gazetteer>>,
    corpus: Corpus,
}

#[allow(dead_code)]
impl ActorTable {
    /// An empty table, reading the actor lists of `lexicon`.
    pub fn new(lexicon: Arc<Lexicon>, gazetteer: Option<Arc<Gazetteer>>) -> ActorTable {
        let corpus = Corpus::new(&lexicon.actor, gazetteer.as_deref(), false);
        ActorTable {
            lexicon,
            gazetteer,
            corpus,
        }
    }

    /// Adds the next statement's actor input (the table keeps owned copies
    /// of what it needs); returns its index.
    pub fn push(&mut self, input: &ActorInput<'_>) -> usize {
        let lx = &self.lexicon.actor;
        let entry = self
            .corpus
            .entry(lx, input.actor, None, self.gazetteer.as_deref());
        self.corpus.push(lx, input, entry) as usize
    }

    /// How many statements were pushed.
    pub fn len(&self) -> usize {
        self.corpus.recs.len()
    }

    /// True when nothing was pushed.
    pub fn is_empty(&self) -> bool {
        self.corpus.recs.is_empty()
    }

    /// Statement `i`'s actor as the batch run over everything pushed so far
    /// would give it; `None` when `i` was not pushed.
    pub fn actor(&self, i: usize) -> Option<Actor> {
        let i = u32::try_from(i)
            .ok()
            .filter(|&i| (i as usize) < self.len())?;
        let rv = Resolver {
            lx: &self.lexicon.actor,
            corpus: &self.corpus,
            persons: PersonView {
                persons: &self.corpus.persons,
                frozen: None,
            },
        };
        Some(rv.actor(i))
    }

    /// How many distinct actor strings (a missing actor counts as one)
    /// were pushed.
    pub fn actor_strings(&self) -> usize {
        self.corpus.entries.len()
    }

    /// The words of statement `i`'s personal name: `person_tokens` of
    /// its actor string, read from the parse the table made when it first
    /// met that string. Empty when `i` was not pushed.
    pub fn person_tokens(&self, i: usize) -> &[String] {
        match self.corpus.recs.get(i) {
            Some(rec) => super::name_words(&self.corpus.entries[rec.entry as usize].parsed.mention),
            None => &[],
        }
    }

    /// The bounds the batch run over everything pushed so far would report.
    pub fn bounds(&self) -> Vec<crate::Bound> {
        self.corpus.persons.bounds()
    }
}
