//! The live actor table: statements arrive one at a time, and a statement's
//! actor is always what the batch run over the statements seen so far
//! would give it.

use std::sync::Arc;

use super::context::{context_clue, ContextClue};
use super::corpus::Corpus;
use super::gazetteer::Gazetteer;
use super::parse::Mention;
use super::persons::PersonView;
use super::resolve::Resolver;
use super::{Actor, ActorInput};
use crate::lexicon::Lexicon;
use crate::text::Token;

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
    /// of what it needs); returns its index. A descriptor record's context
    /// is cut here for its clue.
    pub fn push(&mut self, input: &ActorInput<'_>) -> usize {
        let entry = self.entry(input.actor);
        self.push_entry(input, entry, None)
    }

    /// The entry of an actor string, parsing it if new: the first half of
    /// [`push`](ActorTable::push), for a caller that reads the record
    /// between the two (its person names, its context's clue).
    pub fn entry(&mut self, actor: Option<&str>) -> u32 {
        let lx = &self.lexicon.actor;
        self.corpus
            .entry(lx, actor, None, self.gazetteer.as_deref())
    }

    /// The words of the personal name of entry `entry`'s actor string
    /// (empty for an entry not made).
    pub fn entry_person_tokens(&self, entry: u32) -> &[String] {
        match self.corpus.entries.get(entry as usize) {
            Some(e) => super::name_words(&e.parsed.mention),
            None => &[],
        }
    }

    /// The context clue of a record of entry `entry` whose context is
    /// `context`, cut into `toks` (`text::words(context)`) by the caller's
    /// own reading; `None` unless the entry is a descriptor.
    pub fn clue(&self, entry: u32, context: &str, toks: &[Token<'_>]) -> Option<ContextClue> {
        let e = self.corpus.entries.get(entry as usize)?;
        matches!(e.parsed.mention, Mention::Descriptor { .. })
            .then(|| context_clue(&self.lexicon.actor, &e.parsed, context, toks))
    }

    /// Adds the next statement's actor input, of entry `entry` (from
    /// [`entry`](ActorTable::entry)), with its context clue when the caller
    /// read it ([`clue`](ActorTable::clue)); returns its index.
    pub fn push_entry(
        &mut self,
        input: &ActorInput<'_>,
        entry: u32,
        clue: Option<ContextClue>,
    ) -> usize {
        self.corpus.push(&self.lexicon.actor, input, entry, clue) as usize
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

    /// The bounds the batch run over everything pushed so far would report.
    pub fn bounds(&self) -> Vec<crate::Bound> {
        self.corpus.persons.bounds()
    }
}
