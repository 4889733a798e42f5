//! Resolution of one record's actor from the corpus tables ([`Corpus`]).
//!
//! Every rule is a function of the record, its entry and the tables, so
//! the batch run ([`resolve`]) builds the tables and resolves each record
//! (each distinct actor string and source once), and the live table
//! (`table.rs`) resolves a record on demand from the tables as they stand.

use std::cmp::Reverse;
use std::collections::BTreeSet;
use std::sync::Arc;

use rayon::prelude::*;

use super::context::{quals_overlap, ContextClue};
use super::corpus::{Corpus, EntryId, NO_DAY, NO_NAME};
use super::gazetteer::Gazetteer;
use super::lex::ActorLexicon;
use super::parse::{Mention, Parsed};
use super::persons::PersonView;
use super::{Actor, ActorInput, ActorKind, Clues};
use crate::text::{fold, stem, FxHashMap};

/// Date distance used when a date is missing: farther than any real one.
const NO_DATE: i64 = 1_000_000;

/// How well a candidate fits a descriptor: qualifier matches, preferred
/// modifier matches, date nearness, same source.
type Score = (usize, usize, Reverse<i64>, bool);

/// How much a mention says about its role: qualifiers and modifiers.
fn specificity(p: &Parsed) -> usize {
    p.quals.len() + p.mods.len()
}

/// Days between two day ordinals, [`NO_DATE`] when either is missing.
fn day_distance(a: i64, b: i64) -> i64 {
    if a != NO_DAY && b != NO_DAY {
        (a - b).abs()
    } else {
        NO_DATE
    }
}

/// `fits_role`: whether the holder `cp` of descriptor `p`'s role may be who
/// it stands for, and then how many of the qualifiers `dq` (the
/// descriptor's and its context's) the holder shares. A past holder fits
/// only a past descriptor ("former Mayor Ana Ruiz" is not "the mayor"),
/// the holder has all the descriptor's modifiers ("the deputy mayor" is
/// not "Mayor Ana Ruiz"), another descriptor fits only when it says more
/// and agrees on all of the qualifiers ("the Orsa mayor" for "the
/// mayor"), and when both have qualifiers, one is shared ("the Orsa mayor"
/// is not "Velmar Mayor Ana Ruiz").
fn fits_role(p: &Parsed, cp: &Parsed, dq: &[String]) -> Option<usize> {
    if cp.former && !p.former {
        return None;
    }
    if !p.mods.iter().all(|m| cp.mods.contains(m)) {
        return None;
    }
    if matches!(cp.mention, Mention::Descriptor { .. }) {
        let more =
            specificity(cp) > specificity(p) && quals_overlap(&p.quals, &cp.quals) == p.quals.len();
        if !more {
            return None;
        }
    }
    let overlap = quals_overlap(dq, &cp.quals);
    if !dq.is_empty() && !cp.quals.is_empty() && overlap == 0 {
        return None;
    }
    Some(overlap)
}

/// Resolves records against the tables of a corpus.
pub(super) struct Resolver<'a> {
    /// The actor lists the corpus was parsed with.
    pub lx: &'a ActorLexicon,
    pub corpus: &'a Corpus,
    pub persons: PersonView<'a>,
}

impl Resolver<'_> {
    fn voice(&self, i: u32) -> Actor {
        let r = &self.corpus.recs[i as usize];
        if r.source_none {
            return Actor {
                id: "source:unknown".into(),
                name: "unknown source".into(),
                kind: ActorKind::Source,
            };
        }
        let s = &self.corpus.sources[r.source as usize];
        Actor {
            id: s.voice.clone(),
            name: s.name.clone(),
            kind: ActorKind::Source,
        }
    }

    fn group(&self, id: &Arc<str>) -> Actor {
        Actor {
            id: id.clone(),
            name: self
                .corpus
                .group_display
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.clone()),
            kind: ActorKind::Group,
        }
    }

    /// The organization an acronym organization joins: the one whose
    /// initials it is, when only one has them.
    fn org_root(&self, o: u32) -> u32 {
        let c = self.corpus;
        if let Some(a) = &c.orgs[o as usize].acronym {
            if let Some([one]) = c.by_initials.get(a).map(Vec::as_slice) {
                return *one;
            }
        }
        o
    }

    fn org_members(&self, root: u32) -> Vec<u32> {
        let c = self.corpus;
        let mut out = vec![root];
        if let Some(ini) = &c.orgs[root as usize].initials {
            if c.by_initials.get(ini).is_some_and(|v| v.len() == 1) {
                out.extend(c.by_acronym.get(ini).into_iter().flatten().copied());
            }
        }
        out
    }

    fn org(&self, o: u32) -> Actor {
        let c = self.corpus;
        let members = self.org_members(self.org_root(o));
        let best = members
            .iter()
            .map(|&m| &c.orgs[m as usize])
            .max_by_key(|m| (m.acronym.is_none(), m.words, m.count, Reverse(&m.key)))
            .unwrap_or(&c.orgs[o as usize]);
        Actor {
            id: best.key.clone(),
            name: best.display.clone(),
            kind: ActorKind::Organization,
        }
    }

    fn org_by_key(&self, key: &str) -> Option<Actor> {
        self.corpus.org_by_key.get(key).map(|&o| self.org(o))
    }

    /// The organization an acronym or key names, if its head is one of `heads`.
    fn org_with_head(&self, key: &str, heads: &BTreeSet<String>) -> Option<Actor> {
        let c = self.corpus;
        let idx: Vec<u32> = match c.org_by_key.get(key) {
            Some(&o) => vec![o],
            None => c.by_initials.get(key).cloned().unwrap_or_default(),
        };
        let roots: BTreeSet<u32> = idx.iter().map(|&o| self.org_root(o)).collect();
        let mut ok = roots.into_iter().filter(|&r| {
            self.org_members(r).iter().any(|&m| {
                let e = c.orgs[m as usize].head_entry;
                heads.contains(&c.entries[e as usize].head)
            })
        });
        match (ok.next(), ok.next()) {
            (Some(r), None) => Some(self.org(r)),
            _ => None,
        }
    }

    /// Record `i`'s identity before descriptors and pronouns are resolved:
    /// `None` for those.
    pub fn base(&self, i: u32) -> Option<Actor> {
        let c = self.corpus;
        let r = &c.recs[i as usize];
        let plain = c.plain_name[r.entry as usize];
        if plain != NO_NAME {
            return Some(self.persons.of(plain));
        }
        let e = &c.entries[r.entry as usize];
        if let Some(f) = &e.fixed {
            return Some(f.clone());
        }
        if e.parsed.from_document {
            if let Some([g]) = c.group_by_qual.get(&*e.key).map(Vec::as_slice) {
                return Some(self.group(g));
            }
        }
        let own = |kind| Actor {
            id: e.key.clone(),
            name: e.display.clone(),
            kind,
        };
        Some(match &e.parsed.mention {
            Mention::Empty => match e.raw.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
                None => self.voice(i),
                Some(a) => Actor {
                    id: fold(a).into(),
                    name: a.into(),
                    kind: ActorKind::Unknown,
                },
            },
            Mention::Pronoun | Mention::Descriptor { .. } => return None,
            Mention::Person { name, .. } => {
                let found = match e.name {
                    Some(id) => Some(self.persons.of(id)),
                    None => self.person_named(name, r.source),
                };
                found.unwrap_or_else(|| own(ActorKind::Person))
            }
            Mention::Name { word, .. } => self
                .persons
                .token(word, r.source)
                .or_else(|| self.org_by_key(&e.key))
                .unwrap_or_else(|| own(ActorKind::Unknown)),
            Mention::Org { .. } => self
                .org_by_key(&e.key)
                .unwrap_or_else(|| own(ActorKind::Organization)),
            Mention::Group { .. } => self.group(&e.key),
            Mention::Unknown { .. } => own(ActorKind::Unknown),
        })
    }

    /// A descriptor's identity: the actor its context names with its role,
    /// else the corpus actor that fits its role best, else its own.
    /// `target_of` gives a candidate record's identity.
    pub fn descriptor(&self, i: u32, target_of: &dyn Fn(u32) -> Option<Actor>) -> Actor {
        let c = self.corpus;
        let r = &c.recs[i as usize];
        let e = &c.entries[r.entry as usize];
        let Mention::Descriptor { head, org_role, .. } = &e.parsed.mention else {
            return self.base(i).unwrap_or_else(|| self.unresolved(i));
        };
        let clue = c.clues.get(&i);
        // (1) Named in the context with this role.
        if let Some(t) = clue.and_then(|clue| self.named_in_context(r.source, head, clue)) {
            return t;
        }
        // (2) A corpus actor carrying the same role.
        if let Some(t) = self.role_holder(i, clue, target_of) {
            return t;
        }
        // (3) Its own actor.
        Actor {
            id: e.key.clone(),
            name: e.display.clone(),
            kind: if *org_role {
                ActorKind::Organization
            } else {
                ActorKind::Unknown
            },
        }
    }

    /// The person a name of source `source` finds: a full name, or a
    /// single word through the persons it may name ("Ruiz").
    fn person_named(&self, name: &[String], source: u32) -> Option<Actor> {
        if name.len() >= 2 {
            self.persons.full(name)
        } else {
            name.first().and_then(|w| self.persons.token(w, source))
        }
    }

    /// `named_in_context`: the actor a descriptor's context names with its
    /// role ("the mayor" beside "…, Mayor Ana Ruiz said": Ana Ruiz), a
    /// person first, then an organization with the descriptor's head.
    fn named_in_context(&self, source: u32, head: &str, clue: &ContextClue) -> Option<Actor> {
        if let Some(t) = clue
            .person
            .as_ref()
            .and_then(|name| self.person_named(name, source))
        {
            return Some(t);
        }
        let okey = clue.org.as_ref()?;
        self.org_in_context(head, okey)
    }

    /// `org_in_context`: the corpus organization a context names for a
    /// descriptor with head `head` ("the agency" beside "the Orsa Rail
    /// Agency"), when its head is the descriptor's or one its class
    /// covers; else the named words themselves when two or more.
    fn org_in_context(&self, head: &str, okey: &[String]) -> Option<Actor> {
        let head_stem = stem(head);
        let mut heads: BTreeSet<String> = self
            .lx
            .org_class(&head_stem)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .collect();
        heads.insert(head_stem);
        let joined = okey.join(" ");
        if let Some(t) = self.org_with_head(&joined, &heads) {
            return Some(t);
        }
        (okey.len() >= 2).then(|| {
            let id: Arc<str> = joined.into();
            Actor {
                id: id.clone(),
                name: id,
                kind: ActorKind::Organization,
            }
        })
    }

    /// `role_holder`: the corpus actor carrying descriptor record `i`'s
    /// role that fits it best ([`fits_role`], then [`Score`]; ties: the
    /// smallest id), with the qualifiers and modifiers its context adds.
    fn role_holder(
        &self,
        i: u32,
        clue: Option<&ContextClue>,
        target_of: &dyn Fn(u32) -> Option<Actor>,
    ) -> Option<Actor> {
        let c = self.corpus;
        let r = &c.recs[i as usize];
        let e = &c.entries[r.entry as usize];
        let bucket = &c.roles[e.wanted_role? as usize];
        let p = &e.parsed;
        let mut dq = p.quals.clone();
        let mut pref_mods: Vec<String> = Vec::new();
        if let Some(clue) = clue {
            dq.extend(clue.quals.iter().cloned());
            pref_mods.extend(clue.mods.iter().cloned());
        }
        let mut best: Option<(Score, Actor)> = None;
        // Records of one non-descriptor actor string and source resolve
        // alike: each is resolved once here.
        let mut alike: FxHashMap<(EntryId, u32, bool), Option<Actor>> = FxHashMap::default();
        for (entry, recs) in &bucket.profiles {
            let cp = &c.entries[*entry as usize].parsed;
            let Some(overlap) = fits_role(p, cp, &dq) else {
                continue;
            };
            let cand_desc = matches!(cp.mention, Mention::Descriptor { .. });
            let mod_hits = pref_mods.iter().filter(|m| cp.mods.contains(m)).count();
            for &j in recs {
                if j == i {
                    continue;
                }
                let rj = &c.recs[j as usize];
                let dist = day_distance(r.date, rj.date);
                let score = (overlap, mod_hits, Reverse(dist), rj.source == r.source);
                if best.as_ref().is_some_and(|(s, _)| score < *s) {
                    continue;
                }
                let t = if cand_desc || c.entries[*entry as usize].fixed.is_some() {
                    target_of(j)
                } else {
                    alike
                        .entry((*entry, rj.source, rj.source_none))
                        .or_insert_with(|| target_of(j))
                        .clone()
                };
                let Some(t) = t else { continue };
                let better = match &best {
                    None => true,
                    Some((s, b)) => score > *s || (score == *s && t.id < b.id),
                };
                if better {
                    best = Some((score, t));
                }
            }
        }
        best.map(|(_, t)| t)
    }

    /// A pronoun with no person before it in its source.
    pub fn unresolved(&self, i: u32) -> Actor {
        let c = self.corpus;
        let r = &c.recs[i as usize];
        let source: &str = if r.source_none {
            "unknown"
        } else {
            &c.sources[r.source as usize].name
        };
        Actor {
            id: format!("unresolved:{source}#{}", r.pos_in_source).into(),
            name: c.entries[r.entry as usize]
                .raw
                .clone()
                .unwrap_or_else(|| "".into()),
            kind: ActorKind::Unknown,
        }
    }

    /// The actor reported for record `i` with identity `t`: an identity with
    /// no name takes the mention's text.
    pub fn finish(&self, i: u32, mut t: Actor) -> Actor {
        if t.name.is_empty() {
            let c = self.corpus;
            t.name = c.entries[c.recs[i as usize].entry as usize].display.clone();
        }
        t
    }

    /// Record `i`'s identity, computed from the tables as they stand:
    /// `None` for a pronoun.
    pub fn identity(&self, i: u32) -> Option<Actor> {
        self.base(i).or_else(|| {
            let c = self.corpus;
            let e = &c.entries[c.recs[i as usize].entry as usize];
            matches!(e.parsed.mention, Mention::Descriptor { .. })
                .then(|| self.descriptor(i, &|j| self.identity(j)))
        })
    }

    /// Record `i`'s actor, computed from the tables as they stand: a
    /// pronoun takes the last person of its source before it.
    pub fn actor(&self, i: u32) -> Actor {
        let t = match self.identity(i) {
            Some(t) => t,
            None => self.person_before(i).unwrap_or_else(|| self.unresolved(i)),
        };
        self.finish(i, t)
    }

    fn person_before(&self, i: u32) -> Option<Actor> {
        let c = self.corpus;
        let list = &c.sources[c.recs[i as usize].source as usize].maybe_person;
        let before = &list[..list.partition_point(|&j| j < i)];
        before
            .iter()
            .rev()
            .filter_map(|&j| self.identity(j))
            .find(|t| t.kind == ActorKind::Person)
    }
}

/// Resolves every input's actor, with the bounds reached on the way; the
/// descriptor records' context clues are `clues`.
pub(super) fn resolve(
    lx: &ActorLexicon,
    inputs: &[ActorInput<'_>],
    gazetteer: Option<&Gazetteer>,
    clues: Clues,
) -> (Vec<Actor>, Vec<crate::Bound>) {
    let (corpus, pair_of, reps) = Corpus::build(lx, inputs, gazetteer, clues);
    let frozen = corpus.persons.freeze();
    let rv = Resolver {
        lx,
        corpus: &corpus,
        persons: PersonView {
            persons: &corpus.persons,
            frozen: Some(&frozen),
        },
    };
    let n = corpus.recs.len();
    let slot = pair_of;
    // Base identities, once per (actor string, source).
    let base: Vec<Option<Actor>> = reps.par_iter().map(|&i| rv.base(i)).collect();
    // Descriptors: most specific first, so that a less specific one may
    // take a more specific one's identity.
    let mut desc: Vec<u32> = (0..n as u32)
        .filter(|&i| {
            base[slot[i as usize] as usize].is_none()
                && matches!(
                    corpus.entries[corpus.recs[i as usize].entry as usize]
                        .parsed
                        .mention,
                    Mention::Descriptor { .. }
                )
        })
        .collect();
    let spec = |i: u32| specificity(&corpus.entries[corpus.recs[i as usize].entry as usize].parsed);
    desc.sort_by_key(|&i| (Reverse(spec(i)), i));
    let mut desc_out: FxHashMap<u32, Actor> = FxHashMap::default();
    for level in desc.chunk_by(|&a, &b| spec(a) == spec(b)) {
        let known = &desc_out;
        let target_of = |j: u32| {
            base[slot[j as usize] as usize]
                .clone()
                .or_else(|| known.get(&j).cloned())
        };
        let done: Vec<(u32, Actor)> = level
            .par_iter()
            .map(|&i| (i, rv.descriptor(i, &target_of)))
            .collect();
        desc_out.extend(done);
    }
    // Pronouns: the last person of the same source before them.
    let mut last_person: Vec<Option<Actor>> = vec![None; corpus.sources.len()];
    let mut actors = Vec::with_capacity(n);
    for (i, r) in corpus.recs.iter().enumerate() {
        let i = i as u32;
        let t = base[slot[i as usize] as usize]
            .clone()
            .or_else(|| desc_out.remove(&i))
            .or_else(|| last_person[r.source as usize].clone())
            .unwrap_or_else(|| rv.unresolved(i));
        if t.kind == ActorKind::Person {
            last_person[r.source as usize] = Some(t.clone());
        }
        actors.push(rv.finish(i, t));
    }
    (actors, corpus.persons.bounds())
}
