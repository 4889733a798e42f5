//! Full personal names of a corpus and the people they cluster into.
//!
//! Names (two words or more, folded) are added one at a time. Two names are
//! linked when they are spellings of one surname with the same other words,
//! familiar forms of one given name with the same other words, or when one
//! is a shorter form of the other and of no third person. A cluster is the
//! connected set of names under those links; its canonical name is the
//! gazetteer's, else its fullest and most frequent name.
//!
//! The first two kinds of link only grow as names arrive (until a group
//! passes [`MAX_NAME_GROUP`]), so they are kept in a union-find. The third
//! depends on the names present ("of no third person"), so clusters are
//! computed on demand from the tables ([`Persons::cluster`]); a batch run
//! computes each one once ([`Persons::freeze`]).

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::Arc;

use super::lex::ActorLexicon;
use super::{Actor, ActorKind};
use crate::text::fold;

/// Index of a distinct full name.
pub(super) type NameId = u32;

/// The most names compared pair by pair in one group (same given name and
/// length, same surname and length, or the fuller names a short form may
/// join). A larger group is left unmerged, and the report's bounds say so:
/// this keeps a corpus of many people sharing a name linear in its size.
pub(super) const MAX_NAME_GROUP: usize = 1_000;

/// Levenshtein distance on chars, capped inputs.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Two surnames that are spellings of one name.
fn spelling_variant(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let short = la.min(lb);
    let max = if short >= 8 {
        2
    } else if short >= 4 {
        1
    } else {
        0
    };
    // The length difference is a lower bound of the distance.
    max > 0 && la.abs_diff(lb) <= max && edit_distance(a, b) <= max
}

/// `a` is a shorter form of `b`: a prefix, a suffix, or the same first and
/// last word with `a`'s words in order inside `b`.
fn sub_name(a: &[Box<str>], b: &[Box<str>]) -> bool {
    if a.len() >= b.len() || a.is_empty() {
        return false;
    }
    if b.starts_with(a) || b.ends_with(a) {
        return true;
    }
    if a[0] != b[0] || a.last() != b.last() {
        return false;
    }
    let mut it = b.iter();
    a.iter().all(|w| it.any(|x| x == w))
}

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

/// One person: its canonical actor, sources and names.
#[derive(Clone)]
pub(super) struct Cluster {
    pub target: Actor,
    sources: Vec<u32>,
    /// Sorted name ids.
    members: Vec<NameId>,
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
    fronts: HashMap<Box<str>, usize>,
    backs: HashMap<Box<str>, usize>,
    buckets: Vec<Bucket>,
    /// Which front and back bucket each name is in.
    name_buckets: Vec<(usize, usize)>,
    /// Union-find over spelling and given-name links.
    parent: Vec<NameId>,
    /// Per root: its members.
    members: Vec<Vec<NameId>>,
    /// Links are computed by [`Persons::link_all`] at the end (batch).
    deferred: bool,
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
            None => self.insert(toks, key),
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
    }

    fn insert(&mut self, toks: &[String], key: String) -> NameId {
        let id = self.names.len() as NameId;
        let key: Arc<str> = key.into();
        let toks: Vec<Box<str>> = toks.iter().map(|t| t.as_str().into()).collect();
        let n = toks.len();
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
        let names = &self.names;
        let len_of = |j: NameId| names[j as usize].toks.len();
        let t = &names[id as usize].toks;
        insert_sorted(self.by_first.entry(t[0].clone()).or_default(), id, len_of);
        insert_sorted(
            self.by_last.entry(t[n - 1].clone()).or_default(),
            id,
            len_of,
        );
        let mut rebuild = false;
        for (b, front) in [(front, true), (back, false)] {
            let bucket = &mut self.buckets[b];
            bucket.len += 1;
            if bucket.over() {
                rebuild |= !bucket.edges.is_empty();
                bucket.members = Vec::new();
                bucket.edges = Vec::new();
                continue;
            }
            if !self.deferred {
                let others = std::mem::take(&mut bucket.members);
                for &o in &others {
                    if self.linked(front, o, id) {
                        self.buckets[b].edges.push((o, id));
                        self.union(o, id);
                    }
                }
                self.buckets[b].members = others;
            }
            self.buckets[b].members.push(id);
        }
        if rebuild {
            self.relink();
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
    fn linked(&self, front: bool, a: NameId, b: NameId) -> bool {
        let (a, b) = (&self.names[a as usize].toks, &self.names[b as usize].toks);
        if front {
            spelling_variant(&a[a.len() - 1], &b[b.len() - 1])
        } else {
            ActorLexicon::get().same_given_name(&a[0], &b[0])
        }
    }

    fn find(&self, mut i: NameId) -> NameId {
        while self.parent[i as usize] != i {
            i = self.parent[i as usize];
        }
        i
    }

    fn union(&mut self, a: NameId, b: NameId) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let (big, small) = if self.members[a as usize].len() >= self.members[b as usize].len() {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[small as usize] = big;
        let moved = std::mem::take(&mut self.members[small as usize]);
        self.members[big as usize].extend(moved);
    }

    /// Rebuilds the union-find from the links of groups within the bound.
    fn relink(&mut self) {
        for i in 0..self.names.len() {
            self.parent[i] = i as NameId;
            self.members[i] = vec![i as NameId];
        }
        let edges: Vec<(NameId, NameId)> = self
            .buckets
            .iter()
            .flat_map(|b| b.edges.iter().copied())
            .collect();
        for (a, b) in edges {
            self.union(a, b);
        }
    }

    /// Computes every link of a deferred table (pairs within each group).
    pub fn link_all(&mut self) {
        for b in 0..self.buckets.len() {
            let front = self.fronts.get(&*self.buckets[b].label.join(" ")) == Some(&b);
            let ms = std::mem::take(&mut self.buckets[b].members);
            for (x, &i) in ms.iter().enumerate() {
                for &j in &ms[x + 1..] {
                    if self.linked(front, i, j) {
                        self.buckets[b].edges.push((i, j));
                        self.union(i, j);
                    }
                }
            }
            self.buckets[b].members = ms;
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
        let mut roots = vec![self.find(p)];
        let mut k = 0;
        while k < roots.len() {
            let r = roots[k];
            k += 1;
            for &m in &self.members[r as usize] {
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
        let mut out: Vec<NameId> = roots
            .iter()
            .flat_map(|&r| self.members[r as usize].iter().copied())
            .collect();
        out.sort_unstable();
        out
    }

    fn make_cluster(&self, members: Vec<NameId>) -> Cluster {
        let names = &self.names;
        let mut ms = members.clone();
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
        Cluster {
            target,
            sources,
            members,
        }
    }

    /// The person name `p` belongs to, computed from the tables.
    pub fn cluster(&self, p: NameId) -> Cluster {
        self.make_cluster(self.cluster_members(p))
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
    pub fn bounds(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (front, map) in [(true, &self.fronts), (false, &self.backs)] {
            let mut over: Vec<&Bucket> = map
                .values()
                .map(|&b| &self.buckets[b])
                .filter(|b| b.over())
                .collect();
            over.sort_by(|a, b| a.label.cmp(&b.label));
            for b in over {
                out.push(if front {
                    format!(
                        "{} names start {:?}, over the bound of {MAX_NAME_GROUP}: their spellings were not compared",
                        b.len,
                        b.label.join(" ")
                    )
                } else {
                    format!(
                        "{} names end {:?}, over the bound of {MAX_NAME_GROUP}: their given names were not compared",
                        b.len,
                        b.label.join(" ")
                    )
                });
            }
        }
        let over = (0..self.names.len())
            .filter(|&p| self.up(p as NameId) == Up::Over)
            .count();
        if over > 0 {
            out.push(format!(
                "{over} short names each had over {MAX_NAME_GROUP} fuller names to join: they were left as they are"
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
    fn cluster(&self, p: NameId) -> Cow<'_, Cluster> {
        match self.frozen {
            Some(f) => Cow::Borrowed(&f.clusters[f.of[p as usize] as usize]),
            None => Cow::Owned(self.persons.cluster(p)),
        }
    }

    /// The canonical actor of the name with this id.
    pub fn of(&self, id: NameId) -> Actor {
        self.cluster(id).target.clone()
    }

    /// The canonical actor of a full name.
    pub fn full(&self, toks: &[String]) -> Option<Actor> {
        let id = self.persons.id(toks)?;
        Some(self.cluster(id).target.clone())
    }

    /// The person a single word names: the unique cluster whose name starts
    /// or ends with it, else the unique one seen in the same source.
    pub fn token(&self, word: &str, source: u32) -> Option<Actor> {
        let p = self.persons;
        let names = p
            .by_first
            .get(word)
            .into_iter()
            .chain(p.by_last.get(word))
            .flatten();
        let mut found: Vec<Cow<'_, Cluster>> = Vec::new();
        for &n in names {
            if !found.iter().any(|c| c.members.binary_search(&n).is_ok()) {
                found.push(self.cluster(n));
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
