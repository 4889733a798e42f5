//! Full personal names of a corpus and the people they cluster into.
//!
//! Names (two words or more, folded) are added one at a time. Two names are
//! linked when they are spellings of one surname with the same other words,
//! familiar forms of one given name with the same other words, or when one
//! is a shorter form of the other and of no third person (the comparisons
//! are in `variants.rs`). A cluster is the connected set of names under
//! those links; its canonical name is the gazetteer's, else its fullest and
//! most frequent name.
//!
//! Links of the first two kinds chain: in a crowd of similar names,
//! "Wen Onisberg" reaches "Wen Ululberg" through names each one or two
//! letters from the next. So a connected set of such names is one person
//! only when it has a *centre*, a name linked to every other (the true
//! spelling, with its variants around it). A set without one is a crowd of
//! different people, and each of its names stands alone. Whether a set has
//! a centre depends only on its names, not on the order they came in.
//!
//! The first two kinds of link only grow as names arrive (until a group
//! passes [`MAX_NAME_GROUP`]), so they are kept in a union-find, whose
//! sets lose their centres for good as they grow (a centre of the union of
//! two sets is a centre of one of them linked to all of the other). The third
//! depends on the names present ("of no third person"), so clusters are
//! computed on demand from the tables ([`Persons::target`]); a batch run
//! computes each one once ([`Persons::freeze`]).
//!
//! Live queries stay cheap because each union-find set keeps what a cluster
//! needs up to date as names arrive ([`Set`]): its best name, gazetteer
//! name and sources (counts only grow, so the best is compared on each
//! sighting and when sets merge), and its names that have a shorter or
//! fuller form. A set with no such name is a whole cluster, answered at
//! once; only the others walk the shorter-form links.

use crate::bound::{Bound, BoundKind};
use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::Arc;

use super::lex::ActorLexicon;
use super::variants::{spelling_variant, sub_name, Sig};
use super::{Actor, ActorKind};
use crate::text::fold;

/// Index of a distinct full name.
pub(super) type NameId = u32;

/// The most names compared pair by pair in one group (same given name and
/// length, same surname and length, or the fuller names a short form may
/// join). A larger group is left unmerged, and the report's bounds say so:
/// this keeps a corpus of many people sharing a name linear in its size.
pub(super) const MAX_NAME_GROUP: usize = 1_000;

struct Name {
    toks: Vec<Box<str>>,
    key: Arc<str>,
    count: u32,
    /// The smallest display seen.
    display: Arc<str>,
    /// Sorted source ids it was seen in.
    sources: Vec<u32>,
    /// Gazetteer canonical name, folded and as written.
    gazetteer: Option<(Arc<str>, Arc<str>)>,
}

/// Names sharing every word but the last (or the first), compared pair by
/// pair while there are at most [`MAX_NAME_GROUP`] of them.
#[derive(Default)]
struct Bucket {
    label: Vec<Box<str>>,
    len: usize,
    members: Vec<NameId>,
    /// Each member's signature, in the same order.
    sigs: Vec<Sig>,
    edges: Vec<(NameId, NameId)>,
}

impl Bucket {
    fn over(&self) -> bool {
        self.len > MAX_NAME_GROUP
    }
}

/// The clusters of a corpus, computed once (a batch run).
pub(super) struct Frozen {
    of: Vec<u32>,
    clusters: Vec<Cluster>,
}

/// One person: its canonical actor and sources.
pub(super) struct Cluster {
    pub target: Actor,
    sources: Vec<u32>,
}

/// What one union-find set's names share, kept up to date as names and
/// sightings arrive.
struct Set {
    /// The fullest, most frequent name (ties: the smallest key).
    best: NameId,
    /// The name with a gazetteer entry and the smallest key, if any.
    gazetteer: Option<NameId>,
    /// The canonical actor of these names, from the two above.
    target: Actor,
    /// Sorted source ids of the names.
    sources: Vec<u32>,
    /// The names with a shorter or fuller form among all names: through
    /// them a cluster may reach past this set.
    related: Vec<NameId>,
}

/// A person found by a single word: its union-find sets (or frozen
/// cluster), actor and sources.
struct Found<'a> {
    key: FoundKey,
    target: Actor,
    sources: Cow<'a, [u32]>,
}

enum FoundKey {
    Frozen(u32),
    Roots(Vec<NameId>),
}

/// Whether a short name joins a fuller one.
#[derive(PartialEq, Eq)]
enum Up {
    /// Too many fuller names to compare (a bound).
    Over,
    /// No fuller name, or several people's.
    No,
    /// The fuller names are all of this union-find root.
    One(NameId),
}

/// The full names of a corpus.
#[derive(Default)]
pub(super) struct Persons {
    names: Vec<Name>,
    by_key: HashMap<Arc<str>, NameId>,
    /// First and last words → names, sorted by (length, id).
    by_first: HashMap<Box<str>, Vec<NameId>>,
    by_last: HashMap<Box<str>, Vec<NameId>>,
    /// Last words with doubled letters written once ([`fold_doubled`]) →
    /// names: where a lone surname is sought when no name ends in it.
    by_last_single: HashMap<Box<str>, Vec<NameId>>,
    fronts: HashMap<Box<str>, usize>,
    backs: HashMap<Box<str>, usize>,
    buckets: Vec<Bucket>,
    /// Which front and back bucket each name is in.
    name_buckets: Vec<(usize, usize)>,
    /// Union-find over spelling and given-name links.
    parent: Vec<NameId>,
    /// Per root: its members.
    members: Vec<Vec<NameId>>,
    /// Per root: what its members share.
    sets: Vec<Set>,
    /// Per root: its centres, the members linked to every other member.
    centres: Vec<Vec<NameId>>,
    /// Per name: its linked set had no centre, so it stands alone.
    loose: Vec<bool>,
    /// Per name: it has a shorter or fuller form among the names.
    related: Vec<bool>,
    /// Links are computed by [`Persons::link_all`] at the end (batch).
    deferred: bool,
}

/// `fold_doubled`: a surname with each doubled letter written once, when
/// it has one and is long enough to tell ("Hassan" → "hasan", "Ferrari"
/// → "ferari"). Transliterated names gain or lose a doubled letter from
/// one outlet to the next, so a lone "Hasan" finds "Omar Hassan" when no
/// name ends in "hasan" itself. `None` for a word with no doubled letter
/// or shorter than [`MIN_FOLDED`] letters.
pub(super) fn fold_doubled(word: &str) -> Option<String> {
    if word.chars().count() < MIN_FOLDED {
        return None;
    }
    let mut out = String::with_capacity(word.len());
    let mut prev = None;
    let mut doubled = false;
    for c in word.chars() {
        if Some(c) == prev && c.is_alphabetic() {
            doubled = true;
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    doubled.then_some(out)
}

/// Surnames shorter than this are not folded: "Li" and "Lee" stay apart.
const MIN_FOLDED: usize = 4;

/// The sorted union of two sorted lists.
fn merge_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        out.push(x.min(y));
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

impl Set {
    /// What a merged-away set leaves behind.
    fn empty() -> Set {
        Set {
            best: 0,
            gazetteer: None,
            target: Actor {
                id: "".into(),
                name: "".into(),
                kind: ActorKind::Person,
            },
            sources: Vec::new(),
            related: Vec::new(),
        }
    }
}

fn insert_sorted(list: &mut Vec<NameId>, id: NameId, len_of: impl Fn(NameId) -> usize) {
    let key = (len_of(id), id);
    let at = list.partition_point(|&j| (len_of(j), j) < key);
    list.insert(at, id);
}

impl Persons {
    /// Tables whose links are computed only by [`Persons::link_all`].
    pub fn deferred() -> Persons {
        Persons {
            deferred: true,
            ..Persons::default()
        }
    }

    /// Adds one sighting of a name (two words or more; shorter is ignored)
    /// and returns its id.
    pub fn add(
        &mut self,
        lx: &ActorLexicon,
        toks: &[String],
        display: &str,
        source: Option<u32>,
        gazetteer: Option<&str>,
    ) -> Option<NameId> {
        if toks.len() < 2 {
            return None;
        }
        let key = toks.join(" ");
        let id = match self.by_key.get(key.as_str()) {
            Some(&id) => id,
            None => self.insert(lx, toks, key),
        };
        let n = &mut self.names[id as usize];
        n.count += 1;
        if n.count == 1 || display < &*n.display {
            n.display = display.into();
        }
        if let Some(s) = source {
            if let Err(at) = n.sources.binary_search(&s) {
                n.sources.insert(at, s);
            }
        }
        if let (Some(g), None) = (gazetteer, &n.gazetteer) {
            n.gazetteer = Some((fold(g).into(), g.into()));
        }
        self.touch(id, source);
        Some(id)
    }

    /// One more sighting of a known name with a display already counted
    /// (and a source, when new for it).
    pub fn sight(&mut self, id: NameId, source: Option<u32>, times: u32) {
        let n = &mut self.names[id as usize];
        n.count += times;
        if let Some(s) = source {
            if let Err(at) = n.sources.binary_search(&s) {
                n.sources.insert(at, s);
            }
        }
        self.touch(id, source);
    }

    /// Brings the set of name `id` up to date after a sighting of it: only
    /// its count, source and gazetteer name may have changed.
    fn touch(&mut self, id: NameId, source: Option<u32>) {
        let r = self.find(id) as usize;
        let best = self.sets[r].best;
        if self.outranks(id, best) {
            self.sets[r].best = id;
        }
        if self.names[id as usize].gazetteer.is_some()
            && self.sets[r]
                .gazetteer
                .is_none_or(|g| self.names[id as usize].key < self.names[g as usize].key)
        {
            self.sets[r].gazetteer = Some(id);
        }
        // The actor reads only the best and gazetteer names: it changes when
        // one of them is `id` (its display may have changed too).
        let stale = self.sets[r].best == id || self.sets[r].gazetteer == Some(id);
        if let Some(s) = source {
            let sources = &mut self.sets[r].sources;
            if let Err(at) = sources.binary_search(&s) {
                sources.insert(at, s);
            }
        }
        if stale {
            self.sets[r].target = self.actor_of(self.sets[r].best, self.sets[r].gazetteer);
        }
    }

    /// The canonical actor of names whose best name and first gazetteer
    /// name are these.
    fn actor_of(&self, best: NameId, gazetteer: Option<NameId>) -> Actor {
        let (id, name) = match gazetteer.and_then(|g| self.names[g as usize].gazetteer.as_ref()) {
            Some((id, name)) => (id, name),
            None => {
                let n = &self.names[best as usize];
                (&n.key, &n.display)
            }
        };
        Actor {
            id: id.clone(),
            name: name.clone(),
            kind: ActorKind::Person,
        }
    }

    /// `a` is a better canonical name than `b`: fuller, then more frequent,
    /// then the smaller key.
    fn outranks(&self, a: NameId, b: NameId) -> bool {
        let rank = |i: NameId| {
            let n = &self.names[i as usize];
            (n.toks.len(), n.count, Reverse(&n.key))
        };
        rank(a) > rank(b)
    }

    /// The set of one name on its own.
    fn singleton(&self, id: NameId) -> Set {
        let n = &self.names[id as usize];
        let gazetteer = n.gazetteer.is_some().then_some(id);
        Set {
            best: id,
            gazetteer,
            target: self.actor_of(id, gazetteer),
            sources: n.sources.clone(),
            related: if self.related[id as usize] {
                vec![id]
            } else {
                Vec::new()
            },
        }
    }

    /// Marks the shorter and fuller forms of the new name `id`, and `id`
    /// itself when it has one.
    fn mark_related(&mut self, id: NameId) {
        let t = &self.names[id as usize].toks;
        let (first, last) = (self.by_first.get(&t[0]), self.by_last.get(&t[t.len() - 1]));
        let mut forms: Vec<NameId> = Vec::new();
        for &j in self
            .longer(first, t.len())
            .iter()
            .chain(self.longer(last, t.len()))
        {
            if sub_name(t, &self.names[j as usize].toks) {
                forms.push(j);
            }
        }
        for &q in self
            .shorter(first, t.len())
            .iter()
            .chain(self.shorter(last, t.len()))
        {
            if sub_name(&self.names[q as usize].toks, t) {
                forms.push(q);
            }
        }
        if forms.is_empty() {
            return;
        }
        forms.push(id);
        for j in forms {
            if !self.related[j as usize] {
                self.related[j as usize] = true;
                let r = self.find(j) as usize;
                self.sets[r].related.push(j);
            }
        }
    }

    fn insert(&mut self, lx: &ActorLexicon, toks: &[String], key: String) -> NameId {
        let id = self.names.len() as NameId;
        let key: Arc<str> = key.into();
        let toks: Vec<Box<str>> = toks.iter().map(|t| t.as_str().into()).collect();
        let n = toks.len();
        let sigs = (Sig::spelling(&toks[n - 1]), Sig::given(lx, &toks[0]));
        let front = self.bucket(true, &toks[..n - 1]);
        let back = self.bucket(false, &toks[1..]);
        self.by_key.insert(key.clone(), id);
        self.names.push(Name {
            toks,
            key: key.clone(),
            count: 0,
            display: key,
            sources: Vec::new(),
            gazetteer: None,
        });
        self.name_buckets.push((front, back));
        self.parent.push(id);
        self.members.push(vec![id]);
        self.centres.push(vec![id]);
        self.loose.push(false);
        self.related.push(false);
        self.sets.push(self.singleton(id));
        let names = &self.names;
        let len_of = |j: NameId| names[j as usize].toks.len();
        let t = &names[id as usize].toks;
        insert_sorted(self.by_first.entry(t[0].clone()).or_default(), id, len_of);
        insert_sorted(
            self.by_last.entry(t[n - 1].clone()).or_default(),
            id,
            len_of,
        );
        let single = fold_doubled(&t[n - 1]).unwrap_or_else(|| t[n - 1].to_string());
        insert_sorted(
            self.by_last_single.entry(single.into()).or_default(),
            id,
            len_of,
        );
        self.mark_related(id);
        let mut rebuild = false;
        for (b, front, sig) in [(front, true, sigs.0), (back, false, sigs.1)] {
            let bucket = &mut self.buckets[b];
            bucket.len += 1;
            if bucket.over() {
                rebuild |= !bucket.edges.is_empty();
                bucket.members = Vec::new();
                bucket.sigs = Vec::new();
                bucket.edges = Vec::new();
                continue;
            }
            if !self.deferred {
                let others = std::mem::take(&mut bucket.members);
                let other_sigs = std::mem::take(&mut bucket.sigs);
                for (&o, &os) in others.iter().zip(&other_sigs) {
                    if Sig::may_link(front, os, sig) && self.linked(lx, front, o, id) {
                        self.buckets[b].edges.push((o, id));
                        self.union(lx, o, id);
                    }
                }
                self.buckets[b].members = others;
                self.buckets[b].sigs = other_sigs;
            }
            self.buckets[b].members.push(id);
            self.buckets[b].sigs.push(sig);
        }
        if rebuild {
            self.relink(lx);
        }
        id
    }

    fn bucket(&mut self, front: bool, label: &[Box<str>]) -> usize {
        let joined = label.join(" ");
        let map = if front {
            &mut self.fronts
        } else {
            &mut self.backs
        };
        if let Some(&b) = map.get(joined.as_str()) {
            return b;
        }
        let b = self.buckets.len();
        map.insert(joined.into(), b);
        self.buckets.push(Bucket {
            label: label.to_vec(),
            ..Bucket::default()
        });
        b
    }

    /// Spelling variants of the last word (`front`), or forms of the first.
    fn linked(&self, lx: &ActorLexicon, front: bool, a: NameId, b: NameId) -> bool {
        let (a, b) = (&self.names[a as usize].toks, &self.names[b as usize].toks);
        if front {
            spelling_variant(&a[a.len() - 1], &b[b.len() - 1])
        } else {
            lx.same_given_name(&a[0], &b[0])
        }
    }

    /// The root of name `i` (every name points at its root directly).
    fn find(&self, mut i: NameId) -> NameId {
        while self.parent[i as usize] != i {
            i = self.parent[i as usize];
        }
        i
    }

    /// Two names are linked directly: the same words but for a spelling of
    /// the last, or but for a form of the first.
    fn direct(&self, lx: &ActorLexicon, a: NameId, b: NameId) -> bool {
        let (ba, bb) = (self.name_buckets[a as usize], self.name_buckets[b as usize]);
        (ba.0 == bb.0 && self.linked(lx, true, a, b))
            || (ba.1 == bb.1 && self.linked(lx, false, a, b))
    }

    /// The centres of the union of sets `a` and `b` (roots).
    fn union_centres(&self, lx: &ActorLexicon, a: NameId, b: NameId) -> Vec<NameId> {
        let mut out = Vec::new();
        for (x, y) in [(a, b), (b, a)] {
            let others = &self.members[y as usize];
            for &c in &self.centres[x as usize] {
                if others.iter().all(|&m| self.direct(lx, c, m)) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// Every name of set `r` (a root) stands alone from now on.
    fn dissolve(&mut self, r: NameId) {
        self.centres[r as usize] = Vec::new();
        for m in std::mem::take(&mut self.members[r as usize]) {
            self.parent[m as usize] = m;
            self.members[m as usize] = vec![m];
            self.loose[m as usize] = true;
            self.sets[m as usize] = self.singleton(m);
        }
    }

    fn union(&mut self, lx: &ActorLexicon, a: NameId, b: NameId) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let centres = if self.loose[a as usize] || self.loose[b as usize] {
            Vec::new()
        } else {
            self.union_centres(lx, a, b)
        };
        if centres.is_empty() {
            self.dissolve(a);
            self.dissolve(b);
            return;
        }
        let (big, small) = if self.members[a as usize].len() >= self.members[b as usize].len() {
            (a, b)
        } else {
            (b, a)
        };
        // Every name points at its root: finding one is a single step.
        let moved = std::mem::take(&mut self.members[small as usize]);
        for &m in &moved {
            self.parent[m as usize] = big;
        }
        self.members[big as usize].extend(moved);
        self.centres[small as usize] = Vec::new();
        self.centres[big as usize] = centres;
        let small = std::mem::replace(&mut self.sets[small as usize], Set::empty());
        let (b, s) = (self.sets[big as usize].best, small.best);
        let best = if self.outranks(s, b) { s } else { b };
        let gazetteer = match (self.sets[big as usize].gazetteer, small.gazetteer) {
            (Some(a), Some(b)) => {
                Some(if self.names[b as usize].key < self.names[a as usize].key {
                    b
                } else {
                    a
                })
            }
            (a, b) => a.or(b),
        };
        let target = self.actor_of(best, gazetteer);
        let set = &mut self.sets[big as usize];
        set.best = best;
        set.gazetteer = gazetteer;
        set.target = target;
        set.sources = merge_sorted(&set.sources, &small.sources);
        set.related.extend(small.related);
    }

    /// Rebuilds the union-find from the links of groups within the bound.
    fn relink(&mut self, lx: &ActorLexicon) {
        for i in 0..self.names.len() {
            self.parent[i] = i as NameId;
            self.members[i] = vec![i as NameId];
            self.centres[i] = vec![i as NameId];
            self.loose[i] = false;
            self.sets[i] = self.singleton(i as NameId);
        }
        let edges: Vec<(NameId, NameId)> = self
            .buckets
            .iter()
            .flat_map(|b| b.edges.iter().copied())
            .collect();
        for (a, b) in edges {
            self.union(lx, a, b);
        }
    }

    /// Computes every link of a deferred table (pairs within each group).
    pub fn link_all(&mut self, lx: &ActorLexicon) {
        for b in 0..self.buckets.len() {
            let front = self.fronts.get(&*self.buckets[b].label.join(" ")) == Some(&b);
            let ms = std::mem::take(&mut self.buckets[b].members);
            let sigs = std::mem::take(&mut self.buckets[b].sigs);
            for (x, (&i, &si)) in ms.iter().zip(&sigs).enumerate() {
                for (&j, &sj) in ms[x + 1..].iter().zip(&sigs[x + 1..]) {
                    if Sig::may_link(front, si, sj) && self.linked(lx, front, i, j) {
                        self.buckets[b].edges.push((i, j));
                        self.union(lx, i, j);
                    }
                }
            }
            self.buckets[b].members = ms;
            self.buckets[b].sigs = sigs;
        }
        self.deferred = false;
    }

    /// Names of `list` longer (or shorter) than `len` words.
    fn longer<'s>(&'s self, list: Option<&'s Vec<NameId>>, len: usize) -> &'s [NameId] {
        let list = list.map_or(&[][..], Vec::as_slice);
        &list[list.partition_point(|&j| self.names[j as usize].toks.len() <= len)..]
    }

    fn shorter<'s>(&'s self, list: Option<&'s Vec<NameId>>, len: usize) -> &'s [NameId] {
        let list = list.map_or(&[][..], Vec::as_slice);
        &list[..list.partition_point(|&j| self.names[j as usize].toks.len() < len)]
    }

    /// The union-find root the fuller forms of `p` belong to, if one.
    fn up(&self, p: NameId) -> Up {
        let t = &self.names[p as usize].toks;
        let a = self.longer(self.by_first.get(&t[0]), t.len());
        let b = self.longer(self.by_last.get(&t[t.len() - 1]), t.len());
        if a.len() + b.len() > MAX_NAME_GROUP {
            return Up::Over;
        }
        let mut root = None;
        for &j in a.iter().chain(b) {
            if sub_name(t, &self.names[j as usize].toks) {
                let r = self.find(j);
                match root {
                    None => root = Some(r),
                    Some(x) if x != r => return Up::No,
                    Some(_) => {}
                }
            }
        }
        root.map_or(Up::No, Up::One)
    }

    /// Every name of the person `p` belongs to, sorted.
    fn cluster_members(&self, p: NameId) -> Vec<NameId> {
        let roots = self.walk(p, |r| &self.members[r as usize]);
        let mut out: Vec<NameId> = roots
            .iter()
            .flat_map(|&r| self.members[r as usize].iter().copied())
            .collect();
        out.sort_unstable();
        out
    }

    /// The union-find roots linked to `p`'s set: through each set's names
    /// that `names_of` gives, a name's unique fuller form and the shorter
    /// forms whose unique fuller form is in the set.
    fn walk<'s>(&'s self, p: NameId, names_of: impl Fn(NameId) -> &'s [NameId]) -> Vec<NameId> {
        let mut roots = vec![self.find(p)];
        let mut k = 0;
        while k < roots.len() {
            let r = roots[k];
            k += 1;
            for &m in names_of(r) {
                if let Up::One(up) = self.up(m) {
                    if !roots.contains(&up) {
                        roots.push(up);
                    }
                }
                let t = &self.names[m as usize].toks;
                let shorter = self
                    .shorter(self.by_first.get(&t[0]), t.len())
                    .iter()
                    .chain(self.shorter(self.by_last.get(&t[t.len() - 1]), t.len()));
                for &q in shorter {
                    let rq = self.find(q);
                    if !roots.contains(&rq)
                        && sub_name(&self.names[q as usize].toks, t)
                        && self.up(q) == Up::One(r)
                    {
                        roots.push(rq);
                    }
                }
            }
        }
        roots
    }

    /// The person made of these names, from the names themselves (the
    /// batch run's reference; live queries read the sets instead).
    fn make_cluster(&self, mut ms: Vec<NameId>) -> Cluster {
        let names = &self.names;
        ms.sort_by(|&a, &b| names[a as usize].key.cmp(&names[b as usize].key));
        let target = match ms.iter().find_map(|&m| names[m as usize].gazetteer.clone()) {
            Some((id, name)) => Actor {
                id,
                name,
                kind: ActorKind::Person,
            },
            None => {
                let best = ms
                    .iter()
                    .map(|&m| &names[m as usize])
                    .max_by_key(|n| (n.toks.len(), n.count, Reverse(&n.key)));
                match best {
                    Some(n) => Actor {
                        id: n.key.clone(),
                        name: n.display.clone(),
                        kind: ActorKind::Person,
                    },
                    None => Actor {
                        id: "".into(),
                        name: "".into(),
                        kind: ActorKind::Person,
                    },
                }
            }
        };
        let mut sources: Vec<u32> = ms
            .iter()
            .flat_map(|&m| names[m as usize].sources.iter().copied())
            .collect();
        sources.sort_unstable();
        sources.dedup();
        Cluster { target, sources }
    }

    /// The union-find roots of the person `p` belongs to, sorted: the walk
    /// of [`Persons::cluster_members`], through the names that have shorter
    /// or fuller forms only (no other name links two sets).
    fn cluster_roots(&self, p: NameId) -> Vec<NameId> {
        let mut roots = self.walk(p, |r| &self.sets[r as usize].related);
        roots.sort_unstable();
        roots
    }

    /// The roots of the person `p` belongs to: its own set alone when no
    /// name of it has a shorter or fuller form.
    fn roots(&self, p: NameId) -> Vec<NameId> {
        let r = self.find(p);
        if self.sets[r as usize].related.is_empty() {
            vec![r]
        } else {
            self.cluster_roots(p)
        }
    }

    /// The canonical actor of the person made of these sets (never
    /// empty), as [`Persons::make_cluster`] gives it from their names.
    fn roots_target(&self, roots: &[NameId]) -> Actor {
        if let [r] = roots {
            return self.sets[*r as usize].target.clone();
        }
        let sets = roots.iter().map(|&r| &self.sets[r as usize]);
        let key = |i: NameId| &self.names[i as usize].key;
        let gazetteer = sets
            .clone()
            .filter_map(|s| s.gazetteer)
            .min_by_key(|&g| key(g));
        let best = sets
            .map(|s| s.best)
            .reduce(|a, b| if self.outranks(b, a) { b } else { a })
            .unwrap_or_default();
        self.actor_of(best, gazetteer)
    }

    /// The canonical actor of the person name `p` belongs to, from the
    /// tables as they stand.
    pub fn target(&self, p: NameId) -> Actor {
        let r = self.find(p);
        if self.sets[r as usize].related.is_empty() {
            self.roots_target(&[r])
        } else {
            self.roots_target(&self.cluster_roots(p))
        }
    }

    /// The person name `p` belongs to, from the tables as they stand.
    fn found(&self, p: NameId) -> Found<'_> {
        let roots = self.roots(p);
        let target = self.roots_target(&roots);
        let sources = match roots.as_slice() {
            [r] => Cow::Borrowed(self.sets[*r as usize].sources.as_slice()),
            _ => Cow::Owned(roots.iter().fold(Vec::new(), |acc, &r| {
                merge_sorted(&acc, &self.sets[r as usize].sources)
            })),
        };
        Found {
            key: FoundKey::Roots(roots),
            target,
            sources,
        }
    }

    /// Every cluster computed once, for a table that no longer changes.
    pub fn freeze(&self) -> Frozen {
        let mut of = vec![u32::MAX; self.names.len()];
        let mut clusters = Vec::new();
        for p in 0..self.names.len() {
            if of[p] != u32::MAX {
                continue;
            }
            let ms = self.cluster_members(p as NameId);
            for &m in &ms {
                of[m as usize] = clusters.len() as u32;
            }
            clusters.push(self.make_cluster(ms));
        }
        Frozen { of, clusters }
    }

    /// The id of a full name, if it was added.
    pub fn id(&self, toks: &[String]) -> Option<NameId> {
        self.by_key.get(toks.join(" ").as_str()).copied()
    }

    /// Names to report as bounds: groups too large to compare.
    pub fn bounds(&self) -> Vec<Bound> {
        let mut out = Vec::new();
        for (front, map) in [(true, &self.fronts), (false, &self.backs)] {
            let mut over: Vec<&Bucket> = map
                .values()
                .map(|&b| &self.buckets[b])
                .filter(|b| b.over())
                .collect();
            over.sort_by(|a, b| a.label.cmp(&b.label));
            for b in over {
                let kind = if front {
                    BoundKind::NamesStarting
                } else {
                    BoundKind::NamesEnding
                };
                let label = b.label.join(" ");
                out.push(Bound::new(kind, MAX_NAME_GROUP, b.len, Some(&label)));
            }
        }
        let over = (0..self.names.len())
            .filter(|&p| self.up(p as NameId) == Up::Over)
            .count();
        if over > 0 {
            out.push(Bound::new(
                BoundKind::ShortNames,
                MAX_NAME_GROUP,
                over,
                None,
            ));
        }
        out
    }
}

/// Person lookups, live from the tables or from a frozen copy.
pub(super) struct PersonView<'a> {
    pub persons: &'a Persons,
    pub frozen: Option<&'a Frozen>,
}

impl PersonView<'_> {
    fn found(&self, p: NameId) -> Found<'_> {
        match self.frozen {
            Some(f) => {
                let k = f.of[p as usize];
                let c = &f.clusters[k as usize];
                Found {
                    key: FoundKey::Frozen(k),
                    target: c.target.clone(),
                    sources: Cow::Borrowed(&c.sources),
                }
            }
            None => self.persons.found(p),
        }
    }

    /// Name `p` belongs to the person found.
    fn holds(&self, found: &Found<'_>, p: NameId) -> bool {
        match &found.key {
            FoundKey::Frozen(k) => self.frozen.is_some_and(|f| f.of[p as usize] == *k),
            FoundKey::Roots(roots) => roots.binary_search(&self.persons.find(p)).is_ok(),
        }
    }

    /// The canonical actor of the name with this id.
    pub fn of(&self, id: NameId) -> Actor {
        match self.frozen {
            Some(f) => f.clusters[f.of[id as usize] as usize].target.clone(),
            None => self.persons.target(id),
        }
    }

    /// The canonical actor of a full name.
    pub fn full(&self, toks: &[String]) -> Option<Actor> {
        let id = self.persons.id(toks)?;
        Some(self.of(id))
    }

    /// The person a single word names: the unique cluster whose name starts
    /// or ends with it, else the unique one seen in the same source.
    pub fn token(&self, word: &str, source: u32) -> Option<Actor> {
        let p = self.persons;
        let exact = p.by_first.get(word).into_iter().chain(p.by_last.get(word));
        let single = fold_doubled(word).unwrap_or_else(|| word.to_owned());
        let names = if p.by_first.contains_key(word) || p.by_last.contains_key(word) {
            exact.flatten().collect::<Vec<_>>()
        } else {
            p.by_last_single
                .get(single.as_str())
                .into_iter()
                .flatten()
                .collect()
        };
        let mut found: Vec<Found<'_>> = Vec::new();
        for n in names.into_iter().copied() {
            if !found.iter().any(|c| self.holds(c, n)) {
                found.push(self.found(n));
            }
        }
        if found.len() == 1 {
            return found.pop().map(|c| c.target.clone());
        }
        let mut local = found
            .into_iter()
            .filter(|c| c.sources.binary_search(&source).is_ok());
        match (local.next(), local.next()) {
            (Some(c), None) => Some(c.target.clone()),
            _ => None,
        }
    }
}
