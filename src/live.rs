//! The live index: statements arrive one at a time, and each insert returns
//! the contradictions the new statement forms with everything seen so far.
//!
//! Every insert gives what the batch run over the statements inserted so far
//! ([`Detector::detect`] on that prefix) reports for the new statement: the
//! corpus-level knowledge the batch run draws on is kept up to date as
//! statements arrive, not frozen.
//!
//! - **Concept weights**: document frequencies are counted as statements
//!   arrive, and the mean idf is recomputed from a histogram of them
//!   whenever the judge asks for it after a change.
//! - **Actors**: the new statement's partners get their actors as the
//!   resolver sees the corpus now (a surname met before its full name is the
//!   same person once the full name arrives).
//! - **Person names** are not proposition words. When a new person name
//!   arrives, the earlier statements that hold its words are read again and
//!   re-indexed (found through an index of the words of every record,
//!   stop words aside: being a name changes nothing for them).
//! - **Names mentioned together** (for figures) only grow.
//!
//! Like the batch run against the all-pairs baseline, the equality holds
//! while no bound of candidate generation is reached (a concept held by too
//! many claims, a claim's posting budget or partner cap): past them, each
//! run keeps the candidates its bounds allow.

use crate::actor::{ActorInput, ActorTable};
use crate::analysis::Corpus;
use crate::corpus::{ClaimRef, Claims, Concepts, Flags, NameLinks, Store};
use crate::detector::Detector;
use crate::error::Error;
use crate::explain::{explain, Contradiction};
use crate::ids::{id_hash, Ids};
use crate::index::Index;
use crate::pairing::{better, judge_pair};
use crate::reading::{normalize, Normalized};
use crate::record::Statement;
use crate::report::{order, Found};
use crate::text::{FxHashMap, FxHashSet};

/// An index that takes statements one at a time: see the [module
/// docs](crate::LiveIndex) for what "the same as the batch run" means.
///
/// # Examples
/// ```
/// use gainsay::{Detector, Statement};
/// let mut live = Detector::new().live();
/// let first = live.insert(&Statement::new("a", Some("Mayor Ann Lee"),
///     "We will build the new dam on the river.")).unwrap();
/// assert!(first.is_empty());
/// let pairs = live.insert(&Statement::new("b", Some("Governor Bo Park"),
///     "We will not build the new dam on the river.")).unwrap();
/// assert_eq!((pairs[0].a.as_str(), pairs[0].b.as_str()), ("a", "b"));
/// assert!(live.insert(&Statement::new("a", None, "Again.")).is_err());
/// assert_eq!(live.len(), 2);
/// ```
pub struct LiveIndex {
    detector: Detector,
    corpus: Corpus,
    table: ActorTable,
    ids: Ids,
    /// Statement → the hash of its id that breaks ties among partners
    /// (kept, as the batch run keeps it, not computed per partner met).
    id_hashes: Vec<u64>,
    /// Person-name words so far (not proposition words).
    names: FxHashSet<String>,
    /// Word (folded) → the records whose text or context holds it, for
    /// every word a person's name could change the reading of. A stop
    /// word need not be listed: it is never content, name or not.
    words: FxHashMap<Box<str>, Vec<u32>>,
}

impl std::fmt::Debug for LiveIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiveIndex")
            .field("statements", &self.len())
            .finish()
    }
}

impl Detector {
    /// An empty live index with this detector's configuration.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Statement};
    /// let mut live = Detector::new().live();
    /// assert!(live.insert(&Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river.")).unwrap().is_empty());
    /// let new = live.insert(&Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river.")).unwrap();
    /// assert_eq!((new[0].a.as_str(), new[0].b.as_str()), ("a", "b"));
    /// assert_eq!(live.len(), 2);
    /// ```
    pub fn live(&self) -> LiveIndex {
        LiveIndex {
            detector: self.clone(),
            corpus: Corpus {
                store: Store::default(),
                actors: Vec::new(),
                claims: Claims::default(),
                index: Index::build(Concepts::default(), &Claims::default()),
                links: NameLinks::default(),
            },
            table: ActorTable::new(self.lexicon.clone(), self.gazetteer.clone()),
            ids: Ids::default(),
            id_hashes: Vec::new(),
            names: FxHashSet::default(),
            words: FxHashMap::default(),
        }
    }
}

impl LiveIndex {
    /// Number of statements inserted.
    ///
    /// # Examples
    /// ```
    /// let mut live = gainsay::Detector::new().live();
    /// live.insert(&gainsay::Statement::new("a", None, "The dam will open.")).unwrap();
    /// assert_eq!(live.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.corpus.store.len()
    }

    /// True before the first insert.
    ///
    /// # Examples
    /// ```
    /// assert!(gainsay::Detector::new().live().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a statement and returns the contradictions it forms with the
    /// statements inserted before, best first. An invalid record or a
    /// duplicate id is an error and changes nothing.
    ///
    /// # Examples
    /// ```
    /// use gainsay::Statement;
    /// let mut live = gainsay::Detector::new().live();
    /// live.insert(&Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river.")).unwrap();
    /// let pairs = live.insert(&Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river.")).unwrap();
    /// assert_eq!(pairs.len(), 1);
    /// // A duplicate id is an error, and the index is unchanged.
    /// assert!(live.insert(&Statement::new("a", None, "Again.")).is_err());
    /// assert_eq!(live.len(), 2);
    /// ```
    pub fn insert(&mut self, s: &Statement) -> Result<Vec<Contradiction>, Error> {
        s.validate(None)?;
        if !self.ids.insert(&s.id) {
            return Err(Error::record(None, Some(&s.id), Some("id"), "duplicate id"));
        }
        // (A record too long to store keeps its id taken.)
        let i =
            self.corpus.store.push(s).map_err(|field| {
                Error::record(None, Some(&s.id), Some(field), "longer than 4 GiB")
            })?;
        self.id_hashes.push(id_hash(&s.id));
        // The actor string's entry first (its person names change how the
        // records are read); the record joins the actor table once it is
        // read, with the clue its context's words give a descriptor.
        let known = self.table.actor_strings();
        let entry = self.table.entry(s.actor.as_deref());
        self.learn_names(entry, known);
        // The new record: its claims, postings, names, words and its
        // actor's context clue, all from the one reading of its text and
        // context.
        let clue = {
            let read = read(&self.detector, &self.names, &self.corpus.store, i);
            let at = i as u32;
            for w in read.name_words() {
                // Lists grow in record order: a record already listed is last.
                match self.words.get_mut(w.norm()) {
                    Some(list) if list.last() == Some(&at) => {}
                    Some(list) => list.push(at),
                    None => {
                        self.words.insert(w.norm().into(), vec![at]);
                    }
                }
            }
            let clue = read
                .context_words()
                .and_then(|(c, toks)| self.table.clue(entry, c, toks));
            self.corpus.links.add(&read.names());
            self.corpus.claims.push(
                read.claims,
                read.measures,
                self.corpus.index.concepts_mut(),
                &mut self.corpus.links,
            );
            clue
        };
        self.table.push_entry(&ActorInput::from(s), entry, clue);
        let actor = self.table.actor(i).expect("just pushed");
        self.corpus.actors.push(actor);
        let keyed: Vec<_> = self.corpus.claims.keyed(i).collect();
        self.corpus.index.push(keyed);
        Ok(self.pairs_of(i))
    }

    /// The person names of entry `entry`'s actor string, when the table
    /// met it for the first time (it held `known` strings before): the
    /// earlier records holding their words read differently now, and are
    /// read again. Only a new actor string can bring a new name (the words
    /// of those met before are all in `names`), and the table parsed it
    /// when it met it.
    fn learn_names(&mut self, entry: u32, known: usize) {
        if self.table.actor_strings() == known {
            return;
        }
        let fresh: Vec<String> = self
            .table
            .entry_person_tokens(entry)
            .iter()
            .filter(|t| !self.names.contains(*t))
            .cloned()
            .collect();
        if fresh.is_empty() {
            return;
        }
        let mut again: Vec<u32> = fresh
            .iter()
            .flat_map(|t| self.words.get(t.as_str()).into_iter().flatten().copied())
            .collect();
        again.sort_unstable();
        again.dedup();
        self.names.extend(fresh);
        for j in again {
            self.reanalyse(j as usize);
        }
    }

    /// Reads record `j` again, with the person names known now, and
    /// re-indexes it.
    fn reanalyse(&mut self, j: usize) {
        let read = read(&self.detector, &self.names, &self.corpus.store, j);
        let (claims, measures) = (read.claims, read.measures);
        self.corpus.index.remove(j as u32);
        self.corpus.claims.replace(
            j,
            claims,
            measures,
            self.corpus.index.concepts_mut(),
            &mut self.corpus.links,
        );
        let keyed: Vec<_> = self.corpus.claims.keyed(j).collect();
        self.corpus.index.readd(j as u32, keyed);
    }

    /// The pairs record `i` forms with the records before it.
    fn pairs_of(&mut self, i: usize) -> Vec<Contradiction> {
        let d = &self.detector;
        let bounds = d.bounds();
        // Partners first, so their actors can be brought up to date.
        let mut candidates: Vec<(ClaimRef, ClaimRef)> = Vec::new();
        {
            let corpus = &self.corpus;
            let from = corpus.index.claims_of(i as u32);
            for g in from.0..from.1 {
                let a = corpus.index.claim_ref(g);
                let fa = corpus.claims.flags(a);
                let found = corpus.index.search(
                    g,
                    bounds,
                    |fb| {
                        (fa.source() && Flags::keep(fa, fb)) || (fb.source() && Flags::keep(fb, fa))
                    },
                    |r| self.id_hashes[r.stmt as usize],
                );
                for h in found.partners {
                    let b = corpus.index.claim_ref(h);
                    candidates.push(if a < b { (a, b) } else { (b, a) });
                }
            }
        }
        if candidates.is_empty() {
            return Vec::new();
        }
        // (The new statement's actor was read at insert, from the tables
        // as they still are.)
        let mut stmts: Vec<u32> = candidates
            .iter()
            .flat_map(|(a, b)| [a.stmt, b.stmt])
            .filter(|&j| j as usize != i)
            .collect();
        stmts.sort_unstable();
        stmts.dedup();
        for j in stmts {
            if let Some(actor) = self.table.actor(j as usize) {
                self.corpus.actors[j as usize] = actor;
            }
        }
        let corpus = &self.corpus;
        let mut best: FxHashMap<(u32, u32), Found> = FxHashMap::default();
        for (a, b) in candidates {
            let Some(f) = judge_pair(corpus, &d.judge, a, b) else {
                continue;
            };
            match best.get_mut(&(a.stmt, b.stmt)) {
                Some(old) if !better(&f, old) => {}
                Some(old) => *old = f,
                None => {
                    best.insert((a.stmt, b.stmt), f);
                }
            }
        }
        let mut found: Vec<Found> = best.into_values().collect();
        order(corpus, &mut found);
        found
            .iter()
            .filter_map(|f| {
                explain(
                    &corpus.index,
                    &f.verdict,
                    corpus.party(f.a),
                    corpus.party(f.b),
                )
            })
            .collect()
    }
}

/// Record `i` as the normalizer reads it with the person names known now:
/// it borrows only what it reads, so the index's other fields stay free to
/// change while the reading is used.
fn read<'a>(
    detector: &'a Detector,
    names: &'a FxHashSet<String>,
    store: &'a Store,
    i: usize,
) -> Normalized<'a> {
    let doc = store.doc(i);
    normalize(&detector.stance_context(names), doc.text, doc.context)
}

#[cfg(test)]
mod tests {
    use crate::text::cuts;
    use crate::{Detector, Statement};

    /// Invariant 10 in the live index: a new descriptor record's context is
    /// cut once, by its reading, and its actor's clue read from those words.
    #[test]
    fn a_descriptor_context_is_cut_once() {
        let d = Detector::new();
        let mut live = d.live();
        let mut warm = Statement::new("0", Some("the mayor"), "The ferry will run.");
        warm.context = Some("Asked, Mayor Dara Quill said:".into());
        live.insert(&warm).unwrap();
        let mut s = Statement::new("1", Some("the port director"), "The dock will not open.");
        s.context = Some("Asked about the dock, Port Director Ivo Brandt said:".into());
        let (words, _) = cuts::count();
        live.insert(&s).unwrap();
        let (after, _) = cuts::count();
        // The new actor string, the text and the context: once each.
        assert_eq!(after - words, 3);
    }
}
