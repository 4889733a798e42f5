//! The corpus tables actor resolution reads: every distinct actor string
//! parsed once, the records in order, and the tables built from them
//! (names, organizations, groups, role holders, each source's records).
//! Records are added one at a time ([`Corpus::push`]); resolution
//! (`resolve.rs`) is a function of these tables, so a batch run and a live
//! one share it.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::context::{context_clue_cut, ContextClue};
use super::gazetteer::Gazetteer;
use super::lex::ActorLexicon;
use super::parse::{parse, role_key, Mention, Parsed};
use super::persons::{NameId, Persons};
use super::{Actor, ActorInput, ActorKind, Clues};
use crate::text::{fold, stem, FxHashMap, FxHashSet};

/// Index of a distinct actor string.
pub(super) type EntryId = u32;

/// One distinct actor string, parsed, with what it contributes.
pub(super) struct Entry {
    pub parsed: Parsed,
    /// The actor as written (`None`: no actor given).
    pub raw: Option<Arc<str>>,
    /// A gazetteer hit: its identity, whatever the corpus says.
    pub fixed: Option<Actor>,
    /// The mention's display text.
    pub display: Arc<str>,
    /// The mention's folded key words, joined.
    pub key: Arc<str>,
    /// Its full name's id, once seen (persons of two words or more).
    pub name: Option<NameId>,
    /// Its organization, once seen.
    pub org: Option<u32>,
    /// (role bucket, slot) of each role it carries.
    pub roles: Vec<(u32, u32)>,
    /// The role a descriptor looks for in the corpus.
    pub wanted_role: Option<u32>,
    /// May resolve to a person (a pronoun looks back for these).
    pub maybe_person: bool,
    /// The last word of the display, stemmed (an organization's head).
    pub head: String,
}

/// One statement's actor input.
pub(super) struct Rec {
    pub entry: EntryId,
    pub source: u32,
    /// Position among the records of the same source.
    pub pos_in_source: u32,
    /// Day ordinal, or [`NO_DAY`].
    pub date: i64,
    /// No source given (as opposed to an empty one).
    pub source_none: bool,
}

/// No plain name (see [`Corpus::plain_name`]).
pub(super) const NO_NAME: NameId = NameId::MAX;

/// A missing date.
pub(super) const NO_DAY: i64 = i64::MIN;

pub(super) struct Source {
    pub name: Arc<str>,
    /// `source:<name>`.
    pub voice: Arc<str>,
    /// Records whose actor may be a person, in order.
    pub maybe_person: Vec<u32>,
    pub count: u32,
}

/// A named organization (folded key words).
pub(super) struct Org {
    pub key: Arc<str>,
    pub acronym: Option<Box<str>>,
    pub initials: Option<Box<str>>,
    pub words: usize,
    pub count: u32,
    /// The longest display (ties: the smallest).
    pub display: Arc<str>,
    /// The entry whose display gave the last head.
    pub head_entry: EntryId,
}

/// The holders of one role, grouped by actor string.
#[derive(Default)]
pub(super) struct RoleBucket {
    pub profiles: Vec<(EntryId, Vec<u32>)>,
}

/// The tables of a corpus.
#[derive(Default)]
pub(super) struct Corpus {
    pub entries: Vec<Entry>,
    /// Per entry: the full name it always resolves through (a person's
    /// name, not a gazetteer hit nor a document's), once seen; [`NO_NAME`]
    /// otherwise. Compact, so that the most common query reads no entry.
    pub plain_name: Vec<NameId>,
    by_raw: HashMap<Arc<str>, EntryId>,
    no_actor: Option<EntryId>,
    pub recs: Vec<Rec>,
    pub sources: Vec<Source>,
    by_source: HashMap<Arc<str>, u32>,
    pub persons: Persons,
    pub orgs: Vec<Org>,
    pub org_by_key: HashMap<Arc<str>, u32>,
    pub by_initials: HashMap<Box<str>, Vec<u32>>,
    pub by_acronym: HashMap<Box<str>, Vec<u32>>,
    /// Group qualifier words → the groups' keys.
    pub group_by_qual: HashMap<Box<str>, Vec<Arc<str>>>,
    /// Group key → its smallest display.
    pub group_display: HashMap<Arc<str>, Arc<str>>,
    pub roles: Vec<RoleBucket>,
    role_ids: HashMap<Box<str>, u32>,
    /// Context clues of descriptor records.
    pub clues: FxHashMap<u32, ContextClue>,
    /// (entry, source) pairs seen, so that per-record work stays small.
    seen: FxHashSet<(EntryId, u32)>,
}

/// Source names to ids in order of appearance: a short list scanned first
/// (a corpus has few sources), a map past it.
#[derive(Default)]
struct SourceIds<'a> {
    names: Vec<&'a str>,
    map: HashMap<&'a str, u32>,
}

impl<'a> SourceIds<'a> {
    const SCAN: usize = 16;

    fn id(&mut self, name: &'a str) -> u32 {
        if let Some(k) = self.names.iter().take(Self::SCAN).position(|&n| n == name) {
            return k as u32;
        }
        if let Some(&k) = self.map.get(name) {
            return k;
        }
        let k = self.names.len() as u32;
        self.names.push(name);
        if self.names.len() > Self::SCAN {
            self.map.insert(name, k);
        }
        k
    }
}

/// Folded key words of a mention.
pub(super) fn mention_key(m: &Mention) -> Vec<String> {
    match m {
        Mention::Person { name, .. } => name.clone(),
        Mention::Name { word, .. } => vec![word.clone()],
        Mention::Org { key, .. }
        | Mention::Group { key, .. }
        | Mention::Descriptor { key, .. }
        | Mention::Unknown { key, .. } => key.clone(),
        Mention::Empty | Mention::Pronoun => Vec::new(),
    }
}

fn mention_display(m: &Mention) -> &str {
    match m {
        Mention::Person { display, .. }
        | Mention::Name { display, .. }
        | Mention::Org { display, .. }
        | Mention::Group { display, .. }
        | Mention::Descriptor { display, .. }
        | Mention::Unknown { display, .. } => display,
        Mention::Empty | Mention::Pronoun => "",
    }
}

/// `gazetteer_hit`: the identity a gazetteer gives an actor string, by
/// the string itself or its mention's key words ("Mayor Ana Ruiz" by
/// "ana ruiz"), with the kind its canonical name parses to.
fn gazetteer_hit(
    lx: &ActorLexicon,
    gazetteer: Option<&Gazetteer>,
    raw: Option<&str>,
    key: &[String],
) -> Option<Actor> {
    let (g, r) = (gazetteer?, raw?);
    let e = g.lookup(r).or_else(|| g.lookup(&key.join(" ")))?;
    Some(Actor {
        id: fold(&e.name).into(),
        name: e.name.as_str().into(),
        kind: match parse(lx, &e.name).mention {
            Mention::Person { .. } => ActorKind::Person,
            Mention::Group { .. } => ActorKind::Group,
            _ => ActorKind::Organization,
        },
    })
}

/// The last word of a display, its punctuation trimmed, folded and
/// stemmed: an organization's head ("Orsa Rail Agency" → the stem of
/// "agency").
fn head_stem(display: &str) -> String {
    display
        .split_whitespace()
        .last()
        .map(|h| stem(&fold(h.trim_end_matches(|c: char| !c.is_alphanumeric()))))
        .unwrap_or_default()
}

fn org_initials(lx: &ActorLexicon, key: &[String]) -> Option<String> {
    let words: Vec<&String> = key.iter().filter(|w| !lx.skip_in_initials(w)).collect();
    (words.len() >= 2).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

impl Corpus {
    /// Empty tables; the gazetteer's person names join the names.
    pub fn new(lx: &ActorLexicon, gazetteer: Option<&Gazetteer>, deferred: bool) -> Corpus {
        let mut c = Corpus {
            persons: if deferred {
                Persons::deferred()
            } else {
                Persons::default()
            },
            ..Corpus::default()
        };
        if let Some(g) = gazetteer {
            for e in g.entries() {
                if let Mention::Person { name, display } = parse(lx, &e.name).mention {
                    c.persons.add(lx, &name, &display, None, Some(&e.name));
                }
            }
        }
        c
    }

    /// The entry of an actor string, parsing it if new (`parsed` when the
    /// caller parsed it already).
    pub fn entry(
        &mut self,
        lx: &ActorLexicon,
        raw: Option<&str>,
        parsed: Option<Parsed>,
        gazetteer: Option<&Gazetteer>,
    ) -> EntryId {
        let found = match raw {
            Some(r) => self.by_raw.get(r).copied(),
            None => self.no_actor,
        };
        if let Some(e) = found {
            return e;
        }
        let parsed = parsed.unwrap_or_else(|| parse(lx, raw.unwrap_or("")));
        let id = self.entries.len() as EntryId;
        let raw: Option<Arc<str>> = raw.map(Arc::from);
        match &raw {
            Some(r) => {
                self.by_raw.insert(r.clone(), id);
            }
            None => self.no_actor = Some(id),
        }
        let key = mention_key(&parsed.mention);
        let fixed = gazetteer_hit(lx, gazetteer, raw.as_deref(), &key);
        let display = mention_display(&parsed.mention);
        if let Mention::Group { key, display } = &parsed.mention {
            self.add_group(key, display);
        }
        let roles = self.hold_roles(id, &parsed.roles);
        let wanted_role = match &parsed.mention {
            Mention::Descriptor { head, org_role, .. } => Some(self.role(&if *org_role {
                stem(head)
            } else {
                role_key(head)
            })),
            _ => None,
        };
        let maybe_person = match &fixed {
            Some(f) => f.kind == ActorKind::Person,
            None => matches!(
                parsed.mention,
                Mention::Person { .. } | Mention::Name { .. } | Mention::Descriptor { .. }
            ),
        };
        self.plain_name.push(NO_NAME);
        self.entries.push(Entry {
            head: head_stem(display),
            display: display.into(),
            key: key.join(" ").into(),
            parsed,
            raw,
            fixed,
            name: None,
            org: None,
            roles,
            wanted_role,
            maybe_person,
        });
        id
    }

    /// `add_group`: a group joins the groups of its qualifier words
    /// ("Orsa port officials" under "orsa port"), and its display is the
    /// smallest one seen.
    fn add_group(&mut self, key: &[String], display: &str) {
        let gid: Arc<str> = key.join(" ").into();
        if key.len() > 1 {
            let ids = self
                .group_by_qual
                .entry(key[..key.len() - 1].join(" ").into())
                .or_default();
            if !ids.contains(&gid) {
                ids.push(gid.clone());
            }
        }
        let d = self
            .group_display
            .entry(gid)
            .or_insert_with(|| display.into());
        if display < &**d {
            *d = display.into();
        }
    }

    /// Entry `id` becomes a holder of each of its distinct role keys
    /// (sorted): the (role bucket, slot) of each.
    fn hold_roles(&mut self, id: EntryId, role_keys: &[String]) -> Vec<(u32, u32)> {
        let mut keys: Vec<&String> = role_keys.iter().collect();
        keys.sort();
        keys.dedup();
        keys.into_iter()
            .map(|r| {
                let b = self.role(r);
                let bucket = &mut self.roles[b as usize];
                bucket.profiles.push((id, Vec::new()));
                (b, bucket.profiles.len() as u32 - 1)
            })
            .collect()
    }

    fn role(&mut self, role: &str) -> u32 {
        if let Some(&b) = self.role_ids.get(role) {
            return b;
        }
        let b = self.roles.len() as u32;
        self.roles.push(RoleBucket::default());
        self.role_ids.insert(role.into(), b);
        b
    }

    fn source(&mut self, name: &str) -> u32 {
        if let Some(&s) = self.by_source.get(name) {
            return s;
        }
        let s = self.sources.len() as u32;
        let name: Arc<str> = name.into();
        self.by_source.insert(name.clone(), s);
        self.sources.push(Source {
            voice: format!("source:{name}").into(),
            name,
            maybe_person: Vec::new(),
            count: 0,
        });
        s
    }

    /// Adds the next record, of entry `entry`; returns its index. `given`
    /// is its context clue when the caller read it from the context's
    /// tokens; else a descriptor record's context is cut here.
    pub fn push(
        &mut self,
        lx: &ActorLexicon,
        input: &ActorInput<'_>,
        entry: EntryId,
        given: Option<ContextClue>,
    ) -> u32 {
        let i = self.recs.len() as u32;
        let source = self.source(input.source.unwrap_or(""));
        let src = &mut self.sources[source as usize];
        let pos_in_source = src.count;
        src.count += 1;
        let e = &self.entries[entry as usize];
        if e.maybe_person {
            src.maybe_person.push(i);
        }
        self.recs.push(Rec {
            entry,
            source,
            pos_in_source,
            date: input.date.map_or(NO_DAY, |d| d.ordinal()),
            source_none: input.source.is_none(),
        });
        for &(b, slot) in &e.roles {
            self.roles[b as usize].profiles[slot as usize].1.push(i);
        }
        let first_here = self.seen.insert((entry, source));
        let fixed = e.fixed.is_some();
        let clue = match (given, &e.parsed.mention, input.context) {
            (Some(clue), _, _) => Some(clue),
            (None, Mention::Descriptor { .. }, Some(c)) => Some(context_clue_cut(lx, &e.parsed, c)),
            _ => None,
        };
        if !fixed {
            self.count_mention(lx, entry, source, first_here, 1);
            if let Some(o) = self.entries[entry as usize].org {
                self.orgs[o as usize].head_entry = entry;
            }
            if let Some(c) = &clue {
                if let Some(name) = &c.person {
                    self.persons
                        .add(lx, name, &c.person_written, Some(source), None);
                }
            }
        }
        if let Some(c) = clue {
            self.clues.insert(i, c);
        }
        i
    }

    /// Counts `n` non-fixed records' person or organization.
    fn count_mention(
        &mut self,
        lx: &ActorLexicon,
        entry: EntryId,
        source: u32,
        first_here: bool,
        n: u32,
    ) {
        let e = &self.entries[entry as usize];
        match &e.parsed.mention {
            Mention::Person { name, display } => match e.name {
                Some(id) => self.persons.sight(id, first_here.then_some(source), n),
                None => {
                    let plain = !e.parsed.from_document;
                    let id = self.persons.add(lx, name, display, Some(source), None);
                    if let Some(id) = id {
                        self.persons.sight(id, None, n - 1);
                        if plain {
                            self.plain_name[entry as usize] = id;
                        }
                    }
                    self.entries[entry as usize].name = id;
                }
            },
            Mention::Org { .. } => {
                let o = match e.org {
                    Some(o) => Some(o),
                    None => self.join_org(lx, entry),
                };
                if let Some(o) = o {
                    self.orgs[o as usize].count += n;
                }
            }
            _ => {}
        }
    }

    /// `join_org`: the organization of entry `entry`, an organization
    /// mention met for the first time: the one of its key, new when unseen
    /// (then found by its acronym or its initials). Its display is the
    /// longest seen, ties the smallest ("Orsa Rail Agency" over "Orsa
    /// Rail"). `None` for any other mention.
    fn join_org(&mut self, lx: &ActorLexicon, entry: EntryId) -> Option<u32> {
        let e = &self.entries[entry as usize];
        let Mention::Org {
            key,
            display,
            acronym,
        } = &e.parsed.mention
        else {
            return None;
        };
        let joined = e.key.clone();
        let o = match self.org_by_key.get(&joined) {
            Some(&o) => o,
            None => {
                let o = self.orgs.len() as u32;
                let initials = if acronym.is_some() {
                    None
                } else {
                    org_initials(lx, key)
                };
                if let Some(a) = acronym {
                    self.by_acronym
                        .entry(a.as_str().into())
                        .or_default()
                        .push(o);
                }
                if let Some(ini) = &initials {
                    self.by_initials
                        .entry(ini.as_str().into())
                        .or_default()
                        .push(o);
                }
                self.orgs.push(Org {
                    key: joined.clone(),
                    acronym: acronym.as_deref().map(Box::from),
                    initials: initials.map(Box::from),
                    words: key.len(),
                    count: 0,
                    display: display.as_str().into(),
                    head_entry: entry,
                });
                self.org_by_key.insert(joined, o);
                o
            }
        };
        let org = &mut self.orgs[o as usize];
        let d = display.as_str();
        if (d.len(), std::cmp::Reverse(d)) > (org.display.len(), std::cmp::Reverse(&*org.display)) {
            org.display = d.into();
        }
        self.entries[entry as usize].org = Some(o);
        Some(o)
    }

    /// The tables of a whole corpus at once, as pushing each input would
    /// build them, but with the work done once per distinct (actor string,
    /// source) pair: parsing in parallel, counts added per pair, name links
    /// computed at the end. Two live-only tables are left out: each
    /// source's possible persons (the batch reads sources in order) and the
    /// holders of roles no descriptor looks for. Returns the tables, each
    /// record's pair and each pair's first record.
    pub fn build(
        lx: &ActorLexicon,
        inputs: &[ActorInput<'_>],
        gazetteer: Option<&Gazetteer>,
        clues: Clues,
    ) -> (Corpus, Vec<u32>, Vec<u32>) {
        let mut c = Corpus::new(lx, gazetteer, true);
        let Pairs {
            raws,
            sources,
            pair_of,
            stats,
        } = Pairs::of(inputs);
        for name in sources {
            c.source(name);
        }
        // Actor strings repeat heavily: each distinct one is parsed once.
        let parsed: Vec<Parsed> = raws
            .par_iter()
            .map(|r| parse(lx, r.unwrap_or("")))
            .collect();
        let entry_of_raw: Vec<EntryId> = raws
            .iter()
            .zip(parsed)
            .map(|(r, p)| c.entry(lx, *r, Some(p), gazetteer))
            .collect();
        let pair_entry: Vec<EntryId> = stats.iter().map(|s| entry_of_raw[s.raw as usize]).collect();
        let pair_source: Vec<u32> = stats.iter().map(|s| s.source).collect();
        c.add_records(inputs, &pair_of, &pair_entry, &pair_source);
        let clues = match clues {
            Clues::Given(given) => given,
            Clues::Cut => c.cut_clues(lx, inputs, &pair_of, &pair_entry),
        };
        c.add_clues(lx, clues);
        c.count_pairs(lx, &stats, &pair_entry, &pair_source);
        c.persons.link_all(lx);
        let reps = stats.iter().map(|s| s.first).collect();
        (c, pair_of, reps)
    }

    /// The records of a batch, in order, each of its pair's entry and
    /// source; a record joins the holders of the roles descriptors look for.
    fn add_records(
        &mut self,
        inputs: &[ActorInput<'_>],
        pair_of: &[u32],
        pair_entry: &[EntryId],
        pair_source: &[u32],
    ) {
        let mut wanted = vec![false; self.roles.len()];
        for e in &self.entries {
            if let Some(b) = e.wanted_role {
                wanted[b as usize] = true;
            }
        }
        self.recs.reserve_exact(inputs.len());
        for (input, &p) in inputs.iter().zip(pair_of) {
            let i = self.recs.len() as u32;
            let (entry, source) = (pair_entry[p as usize], pair_source[p as usize]);
            let src = &mut self.sources[source as usize];
            self.recs.push(Rec {
                entry,
                source,
                pos_in_source: src.count,
                date: input.date.map_or(NO_DAY, |d| d.ordinal()),
                source_none: input.source.is_none(),
            });
            src.count += 1;
            for &(b, slot) in &self.entries[entry as usize].roles {
                if wanted[b as usize] {
                    self.roles[b as usize].profiles[slot as usize].1.push(i);
                }
            }
        }
    }

    /// The context clues of a batch's descriptor records, each context
    /// cut here ([`Clues::Cut`]), in parallel.
    fn cut_clues(
        &self,
        lx: &ActorLexicon,
        inputs: &[ActorInput<'_>],
        pair_of: &[u32],
        pair_entry: &[EntryId],
    ) -> Vec<(u32, ContextClue)> {
        let entries = &self.entries;
        inputs
            .par_iter()
            .enumerate()
            .filter_map(|(i, input)| {
                let e = &entries[pair_entry[pair_of[i] as usize] as usize];
                match (&e.parsed.mention, input.context) {
                    (Mention::Descriptor { .. }, Some(ctx)) => {
                        Some((i as u32, context_clue_cut(lx, &e.parsed, ctx)))
                    }
                    _ => None,
                }
            })
            .collect()
    }

    /// The context clues of a batch's descriptor records; a person a clue
    /// names joins the names, unless the record is a gazetteer hit.
    fn add_clues(&mut self, lx: &ActorLexicon, clues: Vec<(u32, ContextClue)>) {
        for (i, clue) in clues {
            let r = &self.recs[i as usize];
            if self.entries[r.entry as usize].fixed.is_none() {
                if let Some(name) = &clue.person {
                    self.persons
                        .add(lx, name, &clue.person_written, Some(r.source), None);
                }
            }
            self.clues.insert(i, clue);
        }
    }

    /// Each pair's records counted at once; an organization takes its head
    /// from its last record.
    fn count_pairs(
        &mut self,
        lx: &ActorLexicon,
        stats: &[PairStat],
        pair_entry: &[EntryId],
        pair_source: &[u32],
    ) {
        let mut org_last: Vec<Option<u32>> = Vec::new();
        for (p, st) in stats.iter().enumerate() {
            let entry = pair_entry[p];
            if self.entries[entry as usize].fixed.is_some() {
                continue;
            }
            self.count_mention(lx, entry, pair_source[p], true, st.count);
            if let Some(o) = self.entries[entry as usize].org {
                org_last.resize(self.orgs.len(), None);
                if org_last[o as usize].is_none_or(|l| l < st.last) {
                    org_last[o as usize] = Some(st.last);
                    self.orgs[o as usize].head_entry = entry;
                }
            }
        }
    }
}

/// One (actor string, source) pair of a batch.
struct PairStat {
    /// Index of the actor string in [`Pairs::raws`].
    raw: u32,
    /// Source id.
    source: u32,
    /// The pair's first and last record.
    first: u32,
    last: u32,
    /// How many records.
    count: u32,
}

/// The distinct actor strings, sources and (actor string, source) pairs
/// of a batch, each in order of first appearance.
struct Pairs<'a> {
    raws: Vec<Option<&'a str>>,
    sources: Vec<&'a str>,
    /// Each record's pair.
    pair_of: Vec<u32>,
    stats: Vec<PairStat>,
}

impl<'a> Pairs<'a> {
    /// The pairs of `inputs`, one pass; a missing source is a pair apart
    /// from an empty one.
    fn of(inputs: &[ActorInput<'a>]) -> Pairs<'a> {
        let mut first: HashMap<Option<&str>, u32> = HashMap::new();
        let mut raws: Vec<Option<&str>> = Vec::new();
        let mut sources = SourceIds::default();
        let mut pairs: FxHashMap<(u32, u32, bool), u32> = FxHashMap::default();
        let mut stats: Vec<PairStat> = Vec::new();
        let pair_of: Vec<u32> = inputs
            .iter()
            .enumerate()
            .map(|(i, input)| {
                let raw = *first.entry(input.actor).or_insert_with(|| {
                    raws.push(input.actor);
                    raws.len() as u32 - 1
                });
                let source = sources.id(input.source.unwrap_or(""));
                let key = (raw, source, input.source.is_none());
                let p = *pairs.entry(key).or_insert_with(|| {
                    stats.push(PairStat {
                        raw,
                        source,
                        first: i as u32,
                        last: i as u32,
                        count: 0,
                    });
                    stats.len() as u32 - 1
                });
                let st = &mut stats[p as usize];
                st.last = i as u32;
                st.count += 1;
                p
            })
            .collect();
        Pairs {
            raws,
            sources: sources.names,
            pair_of,
            stats,
        }
    }
}
