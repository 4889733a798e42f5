//! The corpus: what the pipeline keeps of each statement, compactly.
//!
//! A million statements must fit in a laptop's memory beside their claims,
//! so the corpus holds no `Statement` values: the strings of every record
//! live in one arena ([`Store`]), claims are packed with their concepts
//! interned as numbers ([`Concepts`], [`Packed`]), and each statement's actor
//! shares its strings with every other record naming it. Each stage borrows
//! a [`Doc`], a view of one record.

use crate::knowledge::{Kin, Link};
use std::sync::Arc;

use crate::actor::{Actor, ActorKind};
use crate::measure::{Measure, SelfReference};
use crate::quantity::{Figure, Marks};
use crate::record::{Date, Statement};
use crate::stance::{Claim, Cue, Field, Modality, Polarity};
use crate::text::{FxHashMap, FxHashSet, Span};

/// A view of one stored record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Doc<'a> {
    pub id: &'a str,
    pub actor: Option<&'a str>,
    pub text: &'a str,
    pub context: Option<&'a str>,
    pub source: Option<&'a str>,
    pub date: Option<Date>,
}

impl<'a> Doc<'a> {
    /// The field's value, if the record has it.
    pub fn field(&self, f: Field) -> Option<&'a str> {
        match f {
            Field::Text => Some(self.text),
            Field::Context => self.context,
        }
    }
}

impl<'a> From<&'a Statement> for Doc<'a> {
    fn from(s: &'a Statement) -> Doc<'a> {
        Doc {
            id: &s.id,
            actor: s.actor.as_deref(),
            text: &s.text,
            context: s.context.as_deref(),
            source: s.source.as_deref(),
            date: s.date,
        }
    }
}

/// Where one record's strings lie in the arena: lengths, in field order
/// (id, actor, text, context, source), `NONE` for a missing field.
#[derive(Debug, Clone, Copy)]
struct Slot {
    at: usize,
    lens: [u32; 5],
    date: Option<Date>,
}

const NONE: u32 = u32::MAX;

/// Every record's strings in one arena, in the order they were added.
#[derive(Debug, Default)]
pub(crate) struct Store {
    buf: String,
    slots: Vec<Slot>,
}

impl Store {
    /// Adds a record; `Err` names the field that is too long to store
    /// (4 GiB and more: no JSON line gets there).
    pub fn push(&mut self, s: &Statement) -> Result<usize, &'static str> {
        let fields: [(Option<&str>, &'static str); 5] = [
            (Some(&s.id), "id"),
            (s.actor.as_deref(), "actor"),
            (Some(&s.text), "text"),
            (s.context.as_deref(), "context"),
            (s.source.as_deref(), "source"),
        ];
        let mut lens = [NONE; 5];
        for (len, (value, name)) in lens.iter_mut().zip(fields) {
            if let Some(v) = value {
                *len = u32::try_from(v.len())
                    .ok()
                    .filter(|&n| n != NONE)
                    .ok_or(name)?;
            }
        }
        let at = self.buf.len();
        for v in fields.iter().filter_map(|f| f.0) {
            self.buf.push_str(v);
        }
        self.slots.push(Slot {
            at,
            lens,
            date: s.date,
        });
        Ok(self.slots.len() - 1)
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Record `i`.
    pub fn doc(&self, i: usize) -> Doc<'_> {
        let slot = &self.slots[i];
        let mut at = slot.at;
        let mut parts = [None; 5];
        for (part, &len) in parts.iter_mut().zip(&slot.lens) {
            if len != NONE {
                let end = at + len as usize;
                *part = Some(&self.buf[at..end]);
                at = end;
            }
        }
        Doc {
            id: parts[0].unwrap_or(""),
            actor: parts[1],
            text: parts[2].unwrap_or(""),
            context: parts[3],
            source: parts[4],
            date: slot.date,
        }
    }

    /// Record `i`'s id.
    pub fn id(&self, i: usize) -> &str {
        let slot = &self.slots[i];
        &self.buf[slot.at..slot.at + slot.lens[0] as usize]
    }

    /// Record `i`'s date.
    pub fn date(&self, i: usize) -> Option<Date> {
        self.slots[i].date
    }

    /// Frees what growing left unused.
    pub fn shrink(&mut self) {
        self.buf.shrink_to_fit();
        self.slots.shrink_to_fit();
    }
}

/// Concept names interned as numbers: claims, the index and the judge
/// compare numbers, and each name is held once.
#[derive(Debug, Default)]
pub(crate) struct Concepts {
    ids: FxHashMap<Arc<str>, u32>,
    names: Vec<Arc<str>>,
    /// Per concept, what WordNet and GloVe say of it (computed once, at
    /// interning).
    kin: Vec<Kin>,
    /// Concept numbers by the hash of their name, to find a concept's
    /// opponents ([`Kin::opponents`]) among the corpus's concepts.
    by_hash: FxHashMap<u64, u32>,
}

impl Concepts {
    /// The number of `name`, added if new.
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        let kin = Kin::of(name);
        self.by_hash.entry(kin.name_hash()).or_insert(id);
        self.kin.push(kin);
        let name: Arc<str> = Arc::from(name);
        self.names.push(name.clone());
        self.ids.insert(name, id);
        id
    }

    /// The number of `name`, if known.
    #[cfg(test)]
    pub fn get(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }

    /// The name of concept `id`.
    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    /// How concepts `a` and `b` are related, if they are ([`Kin::link`]).
    pub fn link(&self, a: u32, b: u32) -> Option<Link> {
        if a == b {
            return Some(Link::Family);
        }
        self.kin[a as usize].link(&self.kin[b as usize])
    }

    /// True when concept `a` may be the predicate of an opposed-predicates
    /// clash ([`Kin::opposable`]).
    pub fn opposable(&self, a: u32) -> bool {
        self.kin[a as usize].opposable()
    }

    /// The corpus's concepts that concept `a` may be opposed to, added to
    /// `out`.
    pub fn opponents_of(&self, a: u32, out: &mut Vec<u32>) {
        let kin = &self.kin[a as usize];
        if kin.opposable() {
            out.extend(kin.opponents().iter().filter_map(|h| self.by_hash.get(h)));
        }
    }

    /// True when concepts `a` and `b` are antonyms ([`Kin::opposes`]).
    pub fn opposes(&self, a: u32, b: u32) -> bool {
        a != b && self.kin[a as usize].opposes(&self.kin[b as usize])
    }
}

/// A proposition term with its concept interned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PTerm {
    pub key: u32,
    pub field: Field,
    pub span: Span,
}

/// A claim as the corpus keeps it: a view of [`Claim`] with its concepts
/// interned, its lists slices of the corpus-wide arenas of [`Claims`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Packed<'a> {
    pub terms: &'a [PTerm],
    pub polarity: Polarity,
    pub modality: Modality,
    pub hedges: &'a [Box<str>],
    pub cues: &'a [Cue],
    pub restrictors: &'a [u32],
    pub figures: &'a [Figure],
    /// Per figure: what it measures.
    pub measures: &'a [PMeasure],
    pub scope: Option<usize>,
    pub not_yet: bool,
    pub superlative: Option<(Span, u32)>,
    pub compares: bool,
    pub evidential: bool,
    pub denied_report: bool,
    pub reports: bool,
    /// What the clause marks of a measured variable ([`Marks`]).
    pub marks: Marks,
}

impl Packed<'_> {
    /// True when the claim carries a hedge.
    pub fn is_hedged(&self) -> bool {
        !self.hedges.is_empty()
    }
}

/// What candidate generation asks of a claim: whether it negates, states
/// figures, holds a superlative.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Flags {
    pub negative: bool,
    pub figures: bool,
    pub superlative: bool,
    pub opposable: bool,
}

impl Flags {
    /// True when a search for partners may start from such a claim.
    pub fn source(self) -> bool {
        self.negative || self.figures || self.superlative || self.opposable
    }

    /// True when a pair of such claims may clash at all, searched from `a`:
    /// a negation against a positive claim, figures (or a superlative) on
    /// both sides, or a positive claim holding a rare antonym against a
    /// positive claim (which may hold a frequent one: "modest" / "large").
    pub fn keep(a: Flags, b: Flags) -> bool {
        Flags::keep_plain(a, b) || (a.opposable && !b.negative)
    }

    /// True when only opposed predicates could make the pair clash: the
    /// partner must then hold one of the opponents of `a`'s words.
    pub fn opposed_only(a: Flags, b: Flags) -> bool {
        !Flags::keep_plain(a, b) && a.opposable && !b.negative
    }

    fn keep_plain(a: Flags, b: Flags) -> bool {
        (a.negative && !b.negative)
            || (a.figures && b.figures)
            || (a.superlative && b.figures)
            || (a.figures && b.superlative)
    }
}

/// One claim's place in the arenas.
#[derive(Debug, Clone, Copy)]
struct Row {
    terms: (u32, u32),
    cues: (u32, u32),
    figures: (u32, u32),
    hedges: (u32, u32),
    restrictors: (u32, u32),
    superlative: u32,
    scope: u32,
    polarity: Polarity,
    modality: Modality,
    not_yet: bool,
    compares: bool,
    evidential: bool,
    denied_report: bool,
    reports: bool,
    marks: Marks,
    /// A positive claim holding a word with a WordNet antonym that is not
    /// among the most frequent words ("modest", "lawful"): it may clash with
    /// a positive claim holding the antonym.
    opposable: bool,
}

/// Every claim of a corpus, packed: a few large arenas instead of many small
/// allocations, which a million statements would scatter over the heap.
#[derive(Debug, Default)]
pub(crate) struct Claims {
    rows: Vec<Row>,
    /// Statement i's claims are `rows[at[i].0..at[i].1]`.
    at: Vec<(u32, u32)>,
    terms: Vec<PTerm>,
    cues: Vec<Cue>,
    figures: Vec<Figure>,
    measures: Vec<PMeasure>,
    hedges: Vec<Box<str>>,
    restrictors: Vec<u32>,
    superlatives: Vec<(Span, u32)>,
}

/// Appends `items` to `arena`, returning their range.
fn extend<T>(arena: &mut Vec<T>, items: impl IntoIterator<Item = T>) -> (u32, u32) {
    let from = arena.len() as u32;
    arena.extend(items);
    (from, arena.len() as u32)
}

fn slice<T>(arena: &[T], (from, to): (u32, u32)) -> &[T] {
    &arena[from as usize..to as usize]
}

impl Claims {
    /// Packs the next statement's claims and the measures of their figures
    /// (concepts numbered by `cs`, names by `links`).
    pub fn push(
        &mut self,
        claims: Vec<Claim>,
        measures: Vec<Vec<Measure>>,
        cs: &mut Concepts,
        links: &mut NameLinks,
    ) {
        let rows = self.pack(claims, measures, cs, links);
        self.at.push(rows);
    }

    /// Packs statement `i`'s claims anew (its words were read again): the
    /// old rows are left unused.
    pub fn replace(
        &mut self,
        i: usize,
        claims: Vec<Claim>,
        measures: Vec<Vec<Measure>>,
        cs: &mut Concepts,
        links: &mut NameLinks,
    ) {
        self.at[i] = self.pack(claims, measures, cs, links);
    }

    fn pack(
        &mut self,
        claims: Vec<Claim>,
        measures: Vec<Vec<Measure>>,
        cs: &mut Concepts,
        links: &mut NameLinks,
    ) -> (u32, u32) {
        let from = self.rows.len() as u32;
        for (c, ms) in claims.into_iter().zip(measures) {
            let terms = extend(
                &mut self.terms,
                c.terms.iter().map(|t| PTerm {
                    key: cs.intern(&t.key),
                    field: t.field,
                    span: t.span,
                }),
            );
            let superlative = match c.superlative {
                Some((span, k)) => {
                    let k = cs.intern(&k);
                    extend(&mut self.superlatives, [(span, k)]).0
                }
                None => NONE,
            };
            let measured = extend(
                &mut self.measures,
                ms.into_iter().map(|m| PMeasure::new(m, cs, links)),
            );
            let figures = extend(&mut self.figures, c.figures);
            debug_assert_eq!(measured, figures);
            let restrictors = extend(
                &mut self.restrictors,
                c.restrictors.iter().map(|r| cs.intern(r)),
            );
            let opposable = c.polarity.is_positive()
                && c.modality != Modality::Question
                && self.terms[terms.0 as usize..terms.1 as usize]
                    .iter()
                    .any(|t| cs.opposable(t.key));
            self.rows.push(Row {
                opposable,
                terms,
                cues: extend(&mut self.cues, c.cues),
                figures,
                hedges: extend(
                    &mut self.hedges,
                    c.hedges.into_iter().map(String::into_boxed_str),
                ),
                restrictors,
                superlative,
                scope: c.scope.and_then(|s| u32::try_from(s).ok()).unwrap_or(NONE),
                polarity: c.polarity,
                modality: c.modality,
                not_yet: c.not_yet,
                compares: c.compares,
                evidential: c.evidential,
                denied_report: c.denied_report,
                reports: c.reports,
                marks: c.marks,
            });
        }
        (from, self.rows.len() as u32)
    }

    /// Number of statements packed.
    pub fn statements(&self) -> usize {
        self.at.len()
    }

    /// Number of claims of statement `i`.
    pub fn count(&self, i: usize) -> usize {
        (self.at[i].1 - self.at[i].0) as usize
    }

    /// Claim `k` of statement `i`.
    pub fn get(&self, i: usize, k: usize) -> Packed<'_> {
        self.row(self.at[i].0 as usize + k)
    }

    /// The claim at `r`.
    pub fn claim(&self, r: ClaimRef) -> Packed<'_> {
        self.row(r.row as usize)
    }

    /// The claim packed in row `at`.
    fn row(&self, at: usize) -> Packed<'_> {
        let r = &self.rows[at];
        Packed {
            terms: slice(&self.terms, r.terms),
            polarity: r.polarity,
            modality: r.modality,
            hedges: slice(&self.hedges, r.hedges),
            cues: slice(&self.cues, r.cues),
            restrictors: slice(&self.restrictors, r.restrictors),
            figures: slice(&self.figures, r.figures),
            measures: slice(&self.measures, r.figures),
            scope: (r.scope != NONE).then_some(r.scope as usize),
            not_yet: r.not_yet,
            superlative: (r.superlative != NONE).then(|| self.superlatives[r.superlative as usize]),
            compares: r.compares,
            evidential: r.evidential,
            denied_report: r.denied_report,
            reports: r.reports,
            marks: r.marks,
        }
    }

    /// What decides whether claim `r` is searched from and kept as a
    /// candidate, read without building the claim's view.
    pub fn flags(&self, r: ClaimRef) -> Flags {
        let row = &self.rows[r.row as usize];
        Flags {
            negative: !row.polarity.is_positive(),
            // A claim with quantity marks ("remained steady", "within the
            // allowed limit") is searched like one with figures.
            figures: row.figures.0 != row.figures.1 || row.marks.any(),
            superlative: row.superlative != NONE,
            opposable: row.opposable,
        }
    }

    /// The claims of statement `i`.
    pub fn of(&self, i: usize) -> impl Iterator<Item = Packed<'_>> {
        (0..self.count(i)).map(move |k| self.get(i, k))
    }

    /// The rows, terms and flags of statement `i`'s claims, for the index.
    pub fn keyed(&self, i: usize) -> impl Iterator<Item = (u32, &[PTerm], Flags)> {
        let (from, to) = self.at[i];
        (from..to).map(move |row| {
            let r = ClaimRef {
                stmt: i as u32,
                row,
            };
            (row, self.claim(r).terms, self.flags(r))
        })
    }

    /// Frees what growing left unused.
    pub fn shrink(&mut self) {
        self.rows.shrink_to_fit();
        self.at.shrink_to_fit();
        self.terms.shrink_to_fit();
        self.cues.shrink_to_fit();
        self.figures.shrink_to_fit();
        self.measures.shrink_to_fit();
        self.hedges.shrink_to_fit();
        self.restrictors.shrink_to_fit();
        self.superlatives.shrink_to_fit();
    }
}

/// A [`Measure`] with its concepts interned.
#[derive(Debug, Clone)]
pub(crate) struct PMeasure {
    pub head: Box<[u32]>,
    pub local: Box<[u32]>,
    pub aggregate: bool,
    pub reference: bool,
    pub state: bool,
    pub scope: Option<Box<str>>,
    /// The proper names next to the figure, numbered by the corpus's
    /// [`NameLinks`].
    pub names: Box<[u32]>,
    /// True when `head` names the variable the figure is predicated of.
    pub subject: bool,
    /// How the statement refers to its own speaker.
    pub speaker: SelfReference,
}

impl PMeasure {
    fn new(m: Measure, cs: &mut Concepts, links: &mut NameLinks) -> PMeasure {
        PMeasure {
            head: m.head.iter().map(|k| cs.intern(k)).collect(),
            local: m.local.iter().map(|k| cs.intern(k)).collect(),
            aggregate: m.aggregate,
            reference: m.reference,
            state: m.state,
            scope: m.scope.map(String::into_boxed_str),
            names: m.names.iter().map(|n| links.intern(n)).collect(),
            subject: m.subject,
            speaker: m.speaker,
        }
    }
}

/// A claim's address: its statement, and its row in the corpus's packed
/// claims ([`Claims`]), so that reading it needs no look-up by statement.
/// A statement's rows follow the order of its claims: addresses compare as
/// (statement, place of the claim in it) would.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ClaimRef {
    pub stmt: u32,
    pub row: u32,
}

/// One side of a candidate pair, as the judge sees it.
#[derive(Clone, Copy)]
pub(crate) struct Side<'a> {
    pub actor: &'a str,
    /// What the actor is (a person, an organization …).
    pub kind: ActorKind,
    /// The statement's record, `stmt` of `store`: its date is read only
    /// when a rule asks (most pairs are settled before any does, and the
    /// record lies elsewhere in memory).
    pub store: &'a Store,
    pub stmt: u32,
    pub claim: Packed<'a>,
}

impl Side<'_> {
    /// The date the statement was made, if it has one.
    pub fn date(&self) -> Option<Date> {
        self.store.date(self.stmt as usize)
    }
}

/// Which proper names the corpus mentions together: "the valley of Tarn"
/// and "the storm Lila" are related when some record names both.
#[derive(Debug, Default)]
pub(crate) struct NameLinks {
    ids: FxHashMap<Box<str>, u32>,
    pairs: FxHashSet<(u32, u32)>,
}

impl NameLinks {
    /// The number of `name`, added if new: measures hold their names as
    /// these numbers, so the judge compares numbers.
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(name.into(), id);
        id
    }

    /// Records that the names of one record go together.
    pub fn add<S: AsRef<str>>(&mut self, names: &[S]) {
        let ids: Vec<u32> = names.iter().map(|n| self.intern(n.as_ref())).collect();
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                if a != b {
                    self.pairs.insert((a.min(b), a.max(b)));
                }
            }
        }
    }

    /// True when the two sets of names (numbered by [`NameLinks::intern`])
    /// share a name or some record names one of each.
    pub fn related(&self, a: &[u32], b: &[u32]) -> bool {
        a.iter().any(|&x| {
            b.iter()
                .any(|&y| x == y || self.pairs.contains(&(x.min(y), x.max(y))))
        })
    }
}

/// One side of a reported pair: the record, its actor and the claim.
#[derive(Clone, Copy)]
pub(crate) struct Party<'a> {
    pub doc: Doc<'a>,
    pub actor: &'a Actor,
    pub claim: Packed<'a>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_gives_back_each_field() {
        let mut store = Store::default();
        let mut s = Statement::new("a1", Some("Mayor Ann Lee"), "We will build it.")
            .with_context("Asked about the dam, she said:")
            .with_source("herald");
        s.date = Some("2025-01-02".parse().unwrap());
        store.push(&s).unwrap();
        store
            .push(&Statement::new("b2", None, "No dam. Ünïcode — ok"))
            .unwrap();
        let d = store.doc(0);
        assert_eq!(
            (d.id, d.actor, d.text, d.context, d.source),
            (
                "a1",
                Some("Mayor Ann Lee"),
                "We will build it.",
                Some("Asked about the dam, she said:"),
                Some("herald")
            )
        );
        assert_eq!(d.date, s.date);
        let d = store.doc(1);
        assert_eq!(
            (d.id, d.actor, d.text, d.context),
            ("b2", None, "No dam. Ünïcode — ok", None)
        );
        assert_eq!(store.len(), 2);
    }

    #[test]
    fn concepts_are_interned_once() {
        let mut cs = Concepts::default();
        let a = cs.intern("dam");
        assert_eq!(cs.intern("river"), a + 1);
        assert_eq!(cs.intern("dam"), a);
        assert_eq!(cs.name(a), "dam");
        assert_eq!(cs.get("lake"), None);
    }
}
