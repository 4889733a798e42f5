//! Corpus-level resolution of parsed mentions into actors.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::gazetteer::Gazetteer;
use super::lex::ActorLexicon;
use super::parse::{self, parse, role_key, split_words, Mention, Parsed, Word};
use super::{Actor, ActorInput, ActorKind};
use crate::text::{fold, stem};

/// Date distance used when a date is missing: farther than any real one.
const NO_DATE: i64 = 1_000_000;
/// Words of a context looked at when resolving a descriptor.
const MAX_CONTEXT_WORDS: usize = 400;

/// A small union-find over indices.
struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // Smaller index as root: deterministic whatever the call order.
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi] = lo;
        }
    }
}

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
    let short = a.chars().count().min(b.chars().count());
    let max = if short >= 8 {
        2
    } else if short >= 4 {
        1
    } else {
        0
    };
    max > 0 && edit_distance(a, b) <= max
}

/// `a` is a shorter form of `b`: a prefix, a suffix, or the same first and
/// last word with `a`'s words in order inside `b`.
fn sub_name(a: &[String], b: &[String]) -> bool {
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

/// Qualifier words that name the same thing: equal, a demonym of a place
/// ("ukrainian" ~ "ukraine"), or initials of a longer qualifier.
fn qual_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    la.min(lb) >= 4 && common >= 4.max(la.min(lb).saturating_sub(2))
}

fn quals_overlap(a: &[String], b: &[String]) -> usize {
    a.iter()
        .filter(|x| b.iter().any(|y| qual_match(x, y)))
        .count()
}

/// How well a candidate fits a descriptor: qualifier matches, preferred
/// modifier matches, date nearness, same source.
type Score = (usize, usize, Reverse<i64>, bool);

/// A resolved identity for one record, before display.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Target {
    id: String,
    name: String,
    kind: ActorKind,
}

struct Rec<'a> {
    input: &'a ActorInput<'a>,
    parsed: Parsed,
    source: &'a str,
    /// Position among the records of the same source.
    pos_in_source: usize,
    date: Option<i64>,
}

struct PersonInfo {
    toks: Vec<String>,
    count: usize,
    display: BTreeSet<String>,
    sources: BTreeSet<String>,
    gazetteer: Option<String>,
}

/// Full personal names of the corpus and their clusters.
struct Persons {
    keys: Vec<String>,
    root: Vec<usize>,
    /// Per root: id and display name.
    canon: HashMap<usize, Target>,
    by_token: HashMap<String, BTreeSet<usize>>,
    /// Per root: the sources its names were seen in.
    sources: HashMap<usize, BTreeSet<String>>,
    /// Name groups too large to compare pair by pair, in words.
    bounds: Vec<String>,
}

/// The most names compared pair by pair in one group (same given name and
/// length, same surname and length, or the fuller names a short form may
/// join). A larger group is left unmerged, and the report's bounds say so:
/// this keeps a corpus of many people sharing a name linear in its size.
const MAX_NAME_GROUP: usize = 1_000;

impl Persons {
    fn build(names: BTreeMap<String, PersonInfo>) -> Persons {
        let lx = ActorLexicon::get();
        let (keys, info): (Vec<String>, Vec<PersonInfo>) = names.into_iter().unzip();
        let n = keys.len();
        let mut uf = UnionFind::new(n);
        let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, p) in info.iter().enumerate() {
            if let (Some(f), Some(l)) = (p.toks.first(), p.toks.last()) {
                by_first.entry(f).or_default().push(i);
                by_last.entry(l).or_default().push(i);
            }
        }
        let mut bounds = Vec::new();
        // Spelling variants of the surname, same given name: only names of
        // one length that share every word but the last can pair, so they
        // are grouped by those words first.
        let mut same_front: BTreeMap<&[String], Vec<usize>> = BTreeMap::new();
        let mut same_back: BTreeMap<&[String], Vec<usize>> = BTreeMap::new();
        for (i, p) in info.iter().enumerate() {
            if p.toks.len() >= 2 {
                same_front
                    .entry(&p.toks[..p.toks.len() - 1])
                    .or_default()
                    .push(i);
                same_back.entry(&p.toks[1..]).or_default().push(i);
            }
        }
        for (front, bucket) in &same_front {
            if bucket.len() > MAX_NAME_GROUP {
                bounds.push(format!(
                    "{} names start {:?}, over the bound of {MAX_NAME_GROUP}: their spellings were not compared",
                    bucket.len(),
                    front.join(" ")
                ));
                continue;
            }
            for (x, &i) in bucket.iter().enumerate() {
                for &j in &bucket[x + 1..] {
                    let (a, b) = (&info[i].toks, &info[j].toks);
                    if spelling_variant(&a[a.len() - 1], &b[b.len() - 1]) {
                        uf.union(i, j);
                    }
                }
            }
        }
        // Familiar forms of the given name, same surname (and the same
        // words after the given name).
        for (back, bucket) in &same_back {
            if bucket.len() > MAX_NAME_GROUP {
                bounds.push(format!(
                    "{} names end {:?}, over the bound of {MAX_NAME_GROUP}: their given names were not compared",
                    bucket.len(),
                    back.join(" ")
                ));
                continue;
            }
            for (x, &i) in bucket.iter().enumerate() {
                for &j in &bucket[x + 1..] {
                    let (a, b) = (&info[i].toks, &info[j].toks);
                    if lx.same_given_name(&a[0], &b[0]) {
                        uf.union(i, j);
                    }
                }
            }
        }
        // Shorter forms join the unique fuller name. Only a longer name can
        // be a fuller form, so each bucket is kept sorted by length and a
        // name looks only at the longer ones.
        let by_len = |m: &mut HashMap<&str, Vec<usize>>| {
            for v in m.values_mut() {
                v.sort_by_key(|&j| (info[j].toks.len(), j));
            }
        };
        by_len(&mut by_first);
        by_len(&mut by_last);
        fn longer<'l>(
            info: &[PersonInfo],
            list: Option<&'l Vec<usize>>,
            len: usize,
        ) -> &'l [usize] {
            let list = list.map_or(&[][..], Vec::as_slice);
            &list[list.partition_point(|&j| info[j].toks.len() <= len)..]
        }
        let mut joins = Vec::new();
        let mut over = 0usize;
        for (i, p) in info.iter().enumerate() {
            let (Some(f), Some(l)) = (p.toks.first(), p.toks.last()) else {
                continue;
            };
            let (a, b) = (
                longer(&info, by_first.get(f.as_str()), p.toks.len()),
                longer(&info, by_last.get(l.as_str()), p.toks.len()),
            );
            if a.len() + b.len() > MAX_NAME_GROUP {
                over += 1;
                continue;
            }
            let mut roots = BTreeSet::new();
            let mut any = None;
            for &j in a.iter().chain(b) {
                if sub_name(&p.toks, &info[j].toks) {
                    roots.insert(uf.find(j));
                    any = Some(j);
                }
            }
            if let (1, Some(j)) = (roots.len(), any) {
                joins.push((i, j));
            }
        }
        if over > 0 {
            bounds.push(format!(
                "{over} short names each had over {MAX_NAME_GROUP} fuller names to join: they were left as they are"
            ));
        }
        for (i, j) in joins {
            uf.union(i, j);
        }
        let root: Vec<usize> = (0..n).map(|i| uf.find(i)).collect();
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, &r) in root.iter().enumerate() {
            members.entry(r).or_default().push(i);
        }
        let mut canon = HashMap::new();
        for (r, ms) in &members {
            let gaz = ms.iter().find_map(|&m| info[m].gazetteer.clone());
            let best = ms
                .iter()
                .copied()
                .max_by_key(|&m| (info[m].toks.len(), info[m].count, Reverse(&keys[m])))
                .unwrap_or(*r);
            let target = match gaz {
                Some(g) => Target {
                    id: fold(&g),
                    name: g,
                    kind: ActorKind::Person,
                },
                None => Target {
                    id: keys[best].clone(),
                    name: info[best]
                        .display
                        .iter()
                        .next()
                        .cloned()
                        .unwrap_or_else(|| keys[best].clone()),
                    kind: ActorKind::Person,
                },
            };
            canon.insert(*r, target);
        }
        let mut by_token: HashMap<String, BTreeSet<usize>> = HashMap::new();
        for (i, p) in info.iter().enumerate() {
            for t in [p.toks.first(), p.toks.last()].into_iter().flatten() {
                by_token.entry(t.clone()).or_default().insert(root[i]);
            }
        }
        let mut sources: HashMap<usize, BTreeSet<String>> = HashMap::new();
        for (i, p) in info.iter().enumerate() {
            sources
                .entry(root[i])
                .or_default()
                .extend(p.sources.iter().cloned());
        }
        Persons {
            bounds,
            keys,
            root,
            canon,
            by_token,
            sources,
        }
    }

    fn full(&self, name: &[String]) -> Option<Target> {
        let key = name.join(" ");
        let i = self.keys.binary_search(&key).ok()?;
        self.canon.get(&self.root[i]).cloned()
    }

    /// The person a single word names: the unique cluster whose name starts
    /// or ends with it, else the unique one seen in the same source.
    fn token(&self, word: &str, source: &str) -> Option<Target> {
        let roots = self.by_token.get(word)?;
        let pick = if roots.len() == 1 {
            roots.iter().next().copied()
        } else {
            let local: Vec<usize> = roots
                .iter()
                .copied()
                .filter(|r| self.sources.get(r).is_some_and(|s| s.contains(source)))
                .collect();
            (local.len() == 1).then(|| local[0])
        }?;
        self.canon.get(&pick).cloned()
    }
}

struct OrgInfo {
    acronym: Option<String>,
    initials: Option<String>,
    words: usize,
    count: usize,
    display: BTreeSet<String>,
    head: String,
}

/// Named organizations of the corpus and their clusters.
struct Orgs {
    keys: Vec<String>,
    root: Vec<usize>,
    canon: HashMap<usize, Target>,
    heads: HashMap<usize, BTreeSet<String>>,
    by_initials: HashMap<String, Vec<usize>>,
}

impl Orgs {
    fn build(orgs: BTreeMap<String, OrgInfo>) -> Orgs {
        let (keys, info): (Vec<String>, Vec<OrgInfo>) = orgs.into_iter().unzip();
        let mut uf = UnionFind::new(keys.len());
        let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, o) in info.iter().enumerate() {
            if let Some(ini) = &o.initials {
                by_initials.entry(ini.clone()).or_default().push(i);
            }
        }
        for (i, o) in info.iter().enumerate() {
            if let Some(a) = &o.acronym {
                if let Some(c) = by_initials.get(a) {
                    if c.len() == 1 {
                        uf.union(i, c[0]);
                    }
                }
            }
        }
        let root: Vec<usize> = (0..keys.len()).map(|i| uf.find(i)).collect();
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, &r) in root.iter().enumerate() {
            members.entry(r).or_default().push(i);
        }
        let mut canon = HashMap::new();
        let mut heads: HashMap<usize, BTreeSet<String>> = HashMap::new();
        for (r, ms) in &members {
            let best = ms
                .iter()
                .copied()
                .max_by_key(|&m| {
                    (
                        info[m].acronym.is_none(),
                        info[m].words,
                        info[m].count,
                        Reverse(&keys[m]),
                    )
                })
                .unwrap_or(*r);
            let name = info[best]
                .display
                .iter()
                .max_by_key(|d| (d.len(), Reverse(*d)))
                .cloned()
                .unwrap_or_else(|| keys[best].clone());
            canon.insert(
                *r,
                Target {
                    id: keys[best].clone(),
                    name,
                    kind: ActorKind::Organization,
                },
            );
            heads
                .entry(*r)
                .or_default()
                .extend(ms.iter().map(|&m| info[m].head.clone()));
        }
        Orgs {
            keys,
            root,
            canon,
            heads,
            by_initials,
        }
    }

    fn get(&self, key: &[String]) -> Option<Target> {
        let i = self.keys.binary_search(&key.join(" ")).ok()?;
        self.canon.get(&self.root[i]).cloned()
    }

    /// The organization an acronym or key names, if its head is one of `heads`.
    fn with_head(&self, key: &str, heads: &BTreeSet<String>) -> Option<Target> {
        let mut idx: Vec<usize> = self
            .keys
            .binary_search(&key.to_owned())
            .ok()
            .into_iter()
            .collect();
        if idx.is_empty() {
            idx = self.by_initials.get(key).cloned().unwrap_or_default();
        }
        let roots: BTreeSet<usize> = idx.iter().map(|&i| self.root[i]).collect();
        let ok: Vec<usize> = roots
            .into_iter()
            .filter(|r| {
                self.heads
                    .get(r)
                    .is_some_and(|h| h.iter().any(|x| heads.contains(x)))
            })
            .collect();
        (ok.len() == 1).then(|| self.canon.get(&ok[0]).cloned())?
    }
}

fn org_initials(key: &[String]) -> Option<String> {
    let words: Vec<&String> = key
        .iter()
        .filter(|w| !ActorLexicon::skip_in_initials(w))
        .collect();
    (words.len() >= 2).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

/// What a descriptor's context says about it.
#[derive(Default)]
struct ContextClue {
    person: Option<Vec<String>>,
    org: Option<Vec<String>>,
    quals: Vec<String>,
    mods: Vec<String>,
}

/// Looks in a context for the actor a descriptor stands for.
fn context_clue(lx: &ActorLexicon, p: &Parsed, context: &str) -> ContextClue {
    let mut clue = ContextClue::default();
    let Mention::Descriptor { head, org_role, .. } = &p.mention else {
        return clue;
    };
    let ws: Vec<Word> = split_words_limited(context);
    let ns: Vec<&str> = ws.iter().map(|w| w.norm.as_str()).collect();
    let enrich = |clue: &mut ContextClue, before: &[Word]| {
        if !clue.quals.is_empty() || !clue.mods.is_empty() {
            return;
        }
        let mut start = before.len();
        while start > 0 && before.len() - start < 3 {
            let w = &before[start - 1];
            if ActorLexicon::is_determiner(&w.norm) || w.punct_after && !w.poss {
                break;
            }
            start -= 1;
        }
        for w in &before[start..] {
            if w.cap || w.poss {
                clue.quals.push(w.norm.clone());
            } else if !ActorLexicon::is_connector(&w.norm) {
                clue.mods.push(stem(&w.norm));
            }
        }
    };
    if !org_role {
        let want = role_key(head);
        for k in 1..=ws.len() {
            let Some((len, canon)) = lx.title_ending_at(&ns, k) else {
                continue;
            };
            if role_key(canon) != want {
                continue;
            }
            let mut e = k;
            while e < ws.len() && is_name_word(lx, &ws[e]) {
                e += 1;
                if ws[e - 1].punct_after {
                    break;
                }
            }
            let before = &ws[..k - len];
            if e > k {
                let ctx_quals: Vec<String> = before
                    .iter()
                    .rev()
                    .take_while(|w| w.cap && !w.punct_after)
                    .take(3)
                    .map(|w| w.norm.clone())
                    .collect();
                if !p.quals.is_empty()
                    && !ctx_quals.is_empty()
                    && quals_overlap(&p.quals, &ctx_quals) == 0
                {
                    continue;
                }
                let name: Vec<String> = ws[k..e]
                    .iter()
                    .filter(|w| w.norm.chars().count() > 1)
                    .map(|w| w.norm.clone())
                    .collect();
                if !name.is_empty() {
                    clue.person = Some(name);
                    return clue;
                }
            } else {
                enrich(&mut clue, before);
            }
        }
        return clue;
    }
    let head_stem = stem(head);
    let mut class: BTreeSet<String> = lx
        .org_class(&head_stem)
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .collect();
    class.insert(head_stem.clone());
    for (k, w) in ws.iter().enumerate() {
        if w.acronym {
            clue.org = Some(vec![w.norm.clone()]);
            return clue;
        }
        let st = stem(&w.norm);
        if w.cap && class.contains(&st) {
            let mut s = k;
            while s > 0 {
                let prev = &ws[s - 1];
                if prev.punct_after && !prev.poss {
                    break;
                }
                let joins = (prev.cap && !ActorLexicon::is_determiner(&prev.norm))
                    || (ActorLexicon::is_connector(&prev.norm) && s >= 2 && ws[s - 2].cap);
                if joins {
                    s -= 1;
                } else {
                    break;
                }
            }
            if k > s {
                clue.org = Some(ws[s..=k].iter().map(|w| w.norm.clone()).collect());
                return clue;
            }
        }
        if !w.cap && st == head_stem {
            enrich(&mut clue, &ws[..k]);
        }
    }
    clue
}

fn split_words_limited(s: &str) -> Vec<Word> {
    let mut end = s.len().min(MAX_CONTEXT_WORDS * 16);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    split_words(&s[..end])
}

fn is_name_word(lx: &ActorLexicon, w: &Word) -> bool {
    w.cap
        && !w.acronym
        && !lx.is_title(&w.norm)
        && !lx.is_org_word(&w.norm)
        && !lx.is_modifier(&w.norm)
        && !ActorLexicon::is_determiner(&w.norm)
        && !ActorLexicon::is_connector(&w.norm)
}

fn specificity(p: &Parsed) -> usize {
    p.quals.len() + p.mods.len()
}

fn mention_key(m: &Mention) -> Vec<String> {
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

fn mention_display(m: &Mention) -> String {
    match m {
        Mention::Person { display, .. }
        | Mention::Name { display, .. }
        | Mention::Org { display, .. }
        | Mention::Group { display, .. }
        | Mention::Descriptor { display, .. }
        | Mention::Unknown { display, .. } => display.clone(),
        Mention::Empty | Mention::Pronoun => String::new(),
    }
}

pub(super) fn resolve(
    inputs: &[ActorInput<'_>],
    gazetteer: Option<&Gazetteer>,
) -> (Vec<Actor>, Vec<String>) {
    let lx = ActorLexicon::get();
    let mut per_source: HashMap<&str, usize> = HashMap::new();
    // Actor strings repeat heavily: parse each distinct one once.
    let mut parsed_cache: HashMap<&str, Parsed> = HashMap::new();
    let recs: Vec<Rec<'_>> = inputs
        .iter()
        .map(|input| {
            let source = input.source.unwrap_or("");
            let n = per_source.entry(source).or_insert(0);
            let pos_in_source = *n;
            *n += 1;
            let raw = input.actor.unwrap_or("");
            let parsed = parsed_cache
                .entry(raw)
                .or_insert_with(|| parse::parse(raw))
                .clone();
            Rec {
                input,
                parsed,
                source,
                pos_in_source,
                date: input.date.map(|d| d.ordinal()),
            }
        })
        .collect();

    // Gazetteer hits are fixed.
    let mut fixed: Vec<Option<Target>> = vec![None; recs.len()];
    if let Some(g) = gazetteer {
        for (i, r) in recs.iter().enumerate() {
            let Some(raw) = r.input.actor else { continue };
            let key = mention_key(&r.parsed.mention).join(" ");
            let hit = g.lookup(raw).or_else(|| g.lookup(&key));
            if let Some(e) = hit {
                let kind = match parse(&e.name).mention {
                    Mention::Person { .. } => ActorKind::Person,
                    Mention::Group { .. } => ActorKind::Group,
                    _ => ActorKind::Organization,
                };
                fixed[i] = Some(Target {
                    id: fold(&e.name),
                    name: e.name.clone(),
                    kind,
                });
            }
        }
    }

    // Context clues of descriptors (they may name people to add).
    let clues: Vec<Option<ContextClue>> = recs
        .iter()
        .map(|r| match (&r.parsed.mention, r.input.context) {
            (Mention::Descriptor { .. }, Some(c)) => Some(context_clue(lx, &r.parsed, c)),
            _ => None,
        })
        .collect();

    // Persons.
    let mut names: BTreeMap<String, PersonInfo> = BTreeMap::new();
    let add_name = |names: &mut BTreeMap<String, PersonInfo>,
                    toks: &[String],
                    display: &str,
                    source: Option<&str>,
                    gaz: Option<&str>| {
        if toks.len() < 2 {
            return;
        }
        let e = names.entry(toks.join(" ")).or_insert_with(|| PersonInfo {
            toks: toks.to_vec(),
            count: 0,
            display: BTreeSet::new(),
            sources: BTreeSet::new(),
            gazetteer: None,
        });
        e.count += 1;
        e.display.insert(display.to_owned());
        if let Some(s) = source {
            e.sources.insert(s.to_owned());
        }
        if let Some(g) = gaz {
            e.gazetteer.get_or_insert_with(|| g.to_owned());
        }
    };
    for (i, r) in recs.iter().enumerate() {
        if fixed[i].is_some() {
            continue;
        }
        if let Mention::Person { name, display } = &r.parsed.mention {
            add_name(&mut names, name, display, Some(r.source), None);
        }
        if let Some(Some(ContextClue {
            person: Some(name), ..
        })) = clues.get(i)
        {
            let display = name.join(" ");
            add_name(&mut names, name, &display, Some(r.source), None);
        }
    }
    if let Some(g) = gazetteer {
        for e in g.entries() {
            if let Mention::Person { name, display } = parse(&e.name).mention {
                add_name(&mut names, &name, &display, None, Some(&e.name));
            }
        }
    }
    let persons = Persons::build(names);

    // Organizations.
    let mut orgs: BTreeMap<String, OrgInfo> = BTreeMap::new();
    for (i, r) in recs.iter().enumerate() {
        if fixed[i].is_some() {
            continue;
        }
        if let Mention::Org {
            key,
            display,
            acronym,
        } = &r.parsed.mention
        {
            let e = orgs.entry(key.join(" ")).or_insert_with(|| OrgInfo {
                acronym: acronym.clone(),
                initials: if acronym.is_some() {
                    None
                } else {
                    org_initials(key)
                },
                words: key.len(),
                count: 0,
                display: BTreeSet::new(),
                head: key.last().map(|k| stem(k)).unwrap_or_default(),
            });
            e.count += 1;
            e.display.insert(display.clone());
            if let Some(h) = display.split_whitespace().last() {
                e.head = stem(&fold(h.trim_end_matches(|c: char| !c.is_alphanumeric())));
            }
        }
    }
    let orgs = Orgs::build(orgs);

    // Groups, indexed by their qualifier words for "the X study".
    let mut group_by_qual: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut group_display: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in &recs {
        if let Mention::Group { key, display } = &r.parsed.mention {
            let id = key.join(" ");
            if key.len() > 1 {
                group_by_qual
                    .entry(key[..key.len() - 1].join(" "))
                    .or_default()
                    .insert(id.clone());
            }
            group_display.entry(id).or_default().insert(display.clone());
        }
    }
    let group_target = |id: &str| Target {
        id: id.to_owned(),
        name: group_display
            .get(id)
            .and_then(|d| d.iter().next().cloned())
            .unwrap_or_else(|| id.to_owned()),
        kind: ActorKind::Group,
    };

    // Base identities of everything but descriptors and pronouns.
    let mut out: Vec<Option<Target>> = fixed;
    for (i, r) in recs.iter().enumerate() {
        if out[i].is_some() {
            continue;
        }
        let m = &r.parsed.mention;
        let key = mention_key(m);
        if r.parsed.from_document {
            if let Some(gs) = group_by_qual.get(&key.join(" ")) {
                if gs.len() == 1 {
                    out[i] = gs.iter().next().map(|g| group_target(g));
                    continue;
                }
            }
        }
        out[i] = match m {
            Mention::Empty => Some(
                match r.input.actor.map(str::trim).filter(|a| !a.is_empty()) {
                    None => source_target(r.input.source),
                    Some(a) => Target {
                        id: fold(a),
                        name: a.to_owned(),
                        kind: ActorKind::Unknown,
                    },
                },
            ),
            Mention::Pronoun | Mention::Descriptor { .. } => None,
            Mention::Person { name, display } => Some(if name.len() >= 2 {
                persons.full(name).unwrap_or_else(|| Target {
                    id: name.join(" "),
                    name: display.clone(),
                    kind: ActorKind::Person,
                })
            } else {
                persons.token(&name[0], r.source).unwrap_or_else(|| Target {
                    id: name.join(" "),
                    name: display.clone(),
                    kind: ActorKind::Person,
                })
            }),
            Mention::Name { word, display } => Some(
                persons
                    .token(word, r.source)
                    .or_else(|| orgs.get(&key))
                    .unwrap_or_else(|| Target {
                        id: word.clone(),
                        name: display.clone(),
                        kind: ActorKind::Unknown,
                    }),
            ),
            Mention::Org { display, .. } => Some(orgs.get(&key).unwrap_or_else(|| Target {
                id: key.join(" "),
                name: display.clone(),
                kind: ActorKind::Organization,
            })),
            Mention::Group { .. } => Some(group_target(&key.join(" "))),
            Mention::Unknown { display, .. } => Some(Target {
                id: key.join(" "),
                name: display.clone(),
                kind: ActorKind::Unknown,
            }),
        };
    }

    // Descriptors: most specific first, so that a less specific one may
    // resolve to a more specific one's final identity.
    let mut by_role: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in recs.iter().enumerate() {
        for role in &r.parsed.roles {
            by_role.entry(role.as_str()).or_default().push(i);
        }
    }
    let mut order: Vec<usize> = (0..recs.len())
        .filter(|&i| {
            out[i].is_none() && matches!(recs[i].parsed.mention, Mention::Descriptor { .. })
        })
        .collect();
    order.sort_by_key(|&i| Reverse(specificity(&recs[i].parsed)));
    for i in order {
        let r = &recs[i];
        let Mention::Descriptor {
            head,
            key,
            display,
            org_role,
        } = &r.parsed.mention
        else {
            continue;
        };
        let clue = clues[i].as_ref();
        // (1) Named in the context with this role.
        if let Some(c) = clue {
            if let Some(name) = &c.person {
                let t = if name.len() >= 2 {
                    persons.full(name)
                } else {
                    persons.token(&name[0], r.source)
                };
                if let Some(t) = t {
                    out[i] = Some(t);
                    continue;
                }
            }
            if let Some(okey) = &c.org {
                let head_stem = stem(head);
                let mut heads: BTreeSet<String> = lx
                    .org_class(&head_stem)
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .collect();
                heads.insert(head_stem);
                if let Some(t) = orgs.with_head(&okey.join(" "), &heads) {
                    out[i] = Some(t);
                    continue;
                }
                if okey.len() >= 2 {
                    out[i] = Some(Target {
                        id: okey.join(" "),
                        name: okey.join(" "),
                        kind: ActorKind::Organization,
                    });
                    continue;
                }
            }
        }
        // (2) A corpus actor carrying the same role.
        let want = if *org_role {
            stem(head)
        } else {
            role_key(head)
        };
        let mut dq = r.parsed.quals.clone();
        let mut pref_mods = Vec::new();
        if let Some(c) = clue {
            dq.extend(c.quals.iter().cloned());
            pref_mods.extend(c.mods.iter().cloned());
        }
        let mut best: Option<(Score, String, Target)> = None;
        for &j in by_role.get(want.as_str()).into_iter().flatten() {
            if j == i {
                continue;
            }
            let c = &recs[j].parsed;
            if c.former && !r.parsed.former {
                continue;
            }
            if !r.parsed.mods.iter().all(|m| c.mods.contains(m)) {
                continue;
            }
            if matches!(c.mention, Mention::Descriptor { .. }) {
                let more = specificity(c) > specificity(&r.parsed)
                    && quals_overlap(&r.parsed.quals, &c.quals) == r.parsed.quals.len();
                if !more {
                    continue;
                }
            }
            let overlap = quals_overlap(&dq, &c.quals);
            if !dq.is_empty() && !c.quals.is_empty() && overlap == 0 {
                continue;
            }
            let Some(t) = out[j].clone() else { continue };
            let dist = match (r.date, recs[j].date) {
                (Some(a), Some(b)) => (a - b).abs(),
                _ => NO_DATE,
            };
            let mod_hits = pref_mods.iter().filter(|m| c.mods.contains(m)).count();
            let score = (overlap, mod_hits, Reverse(dist), recs[j].source == r.source);
            let better = match &best {
                None => true,
                Some((s, id, _)) => score > *s || (score == *s && t.id < *id),
            };
            if better {
                best = Some((score, t.id.clone(), t));
            }
        }
        if let Some((_, _, t)) = best {
            out[i] = Some(t);
            continue;
        }
        // (3) Its own actor.
        out[i] = Some(Target {
            id: key.join(" "),
            name: display.clone(),
            kind: if *org_role {
                ActorKind::Organization
            } else {
                ActorKind::Unknown
            },
        });
    }

    // Pronouns: the last named person of the same source before them.
    let mut last_person: HashMap<&str, Target> = HashMap::new();
    let mut actors = Vec::with_capacity(recs.len());
    for (i, r) in recs.iter().enumerate() {
        let t = match out[i].take() {
            Some(t) => t,
            None => match last_person.get(r.source) {
                Some(t) => t.clone(),
                None => Target {
                    id: format!(
                        "unresolved:{}#{}",
                        r.input.source.unwrap_or("unknown"),
                        r.pos_in_source
                    ),
                    name: r.input.actor.unwrap_or_default().to_owned(),
                    kind: ActorKind::Unknown,
                },
            },
        };
        if t.kind == ActorKind::Person {
            last_person.insert(r.source, t.clone());
        }
        actors.push(Actor {
            id: t.id,
            name: if t.name.is_empty() {
                mention_display(&r.parsed.mention)
            } else {
                t.name
            },
            kind: t.kind,
        });
    }
    (actors, persons.bounds)
}

fn source_target(source: Option<&str>) -> Target {
    match source {
        Some(s) => Target {
            id: format!("source:{s}"),
            name: s.to_owned(),
            kind: ActorKind::Source,
        },
        None => Target {
            id: "source:unknown".to_owned(),
            name: "unknown source".to_owned(),
            kind: ActorKind::Source,
        },
    }
}
