//! Candidate index: an inverted index from proposition concepts to the claims
//! that hold them. Candidate pairs come only from shared postings, never from
//! all pairs of the corpus, and the work is bounded:
//!
//! - a concept held by more than `max_postings` claims is common: alone it
//!   says little about which claims clash ("government", "said"), and it is
//!   not expanded;
//! - each claim visits its concepts rarest first and stops once it has
//!   visited `budget` postings, so a claim on a huge topic still meets the
//!   claims that share its rare words, in bounded time;
//! - a claim whose every concept is common (one of thousands on the same
//!   proposition) meets the claims that share its *two* rarest concepts: the
//!   intersection of their lists, when the rarer is within the budget;
//! - a claim keeps at most `max_partners` partners, those sharing the most
//!   weight first: the idf summed over every concept the two share, common
//!   ones included, so that on a huge topic the claims on the same
//!   proposition come before those that share a word.
//!
//! The bounds depend only on posting-list lengths, concept names and
//! statement ids, never on input order; the report says when one was reached.

use std::cmp::Reverse;
use std::sync::OnceLock;

use rayon::prelude::*;

pub(crate) use crate::corpus::ClaimRef;
use crate::corpus::{Claims, Concepts, Flags, PTerm};

/// The index over one corpus. It grows one statement at a time, and every
/// statistic it gives (idf, mean idf, posting lengths) is that of the
/// statements pushed so far, whatever the order they came in.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// The concept names.
    concepts: Concepts,
    /// Concept → claims (global claim numbers) holding it.
    postings: Vec<Postings>,
    /// Concept → number of statements holding it.
    df: Vec<u32>,
    /// Concept → the last statement counted in `df`.
    last: Vec<u32>,
    /// Document frequency → number of concepts with it (for the mean idf).
    hist: DfHistogram,
    /// Global claim number → address.
    refs: Vec<ClaimRef>,
    /// Global claim number → what it may pair with, beside the postings so
    /// the search reads it without touching the claims.
    flags: Vec<Flags>,
    /// Claim g's concepts are `keys[key_at[g]..key_at[g + 1]]`.
    keys: Vec<u32>,
    key_at: Vec<usize>,
    /// Statement → its claims' global numbers.
    claims_of: Vec<(u32, u32)>,
    statements: usize,
    /// Claims indexed (re-indexed ones count once).
    live_claims: usize,
    /// Document frequency → (statements counted, idf), filled when the
    /// index is built.
    idf_by_df: Vec<(usize, f64)>,
    /// The mean idf, computed the first time it is asked for after a
    /// change: a live insert whose candidates are all turned down before
    /// any weighing does not pay for it.
    mean_idf: OnceLock<f64>,
}

/// The idf of a concept held by `d` of `n` statements.
fn idf_of(n: usize, d: u32) -> f64 {
    (1.0 + (n as f64 + 1.0) / (f64::from(d) + 1.0)).ln()
}

/// The claims holding one concept, negative ones apart: a plain claim only
/// pairs with claims of the other polarity, so its search reads one side.
/// The claims with figures or a superlative are listed once more, of either
/// polarity: a claim with figures meets most of its partners there, and
/// need not read the long lists of plain claims.
#[derive(Debug, Default)]
struct Postings {
    neg: Vec<u32>,
    pos: Vec<u32>,
    figures: Vec<u32>,
}

impl Postings {
    /// The claims holding the concept (those in `figures` are also in one
    /// of the sides).
    fn len(&self) -> usize {
        self.neg.len() + self.pos.len()
    }

    fn side_mut(&mut self, negative: bool) -> &mut Vec<u32> {
        if negative {
            &mut self.neg
        } else {
            &mut self.pos
        }
    }
}

/// Calls `found` with each number in both sorted lists, in order: each
/// number of the shorter list is sought in the rest of the longer one by
/// doubling steps, so the cost is about `short · log(long / short)`.
fn intersect(a: &[u32], b: &[u32], mut found: impl FnMut(u32)) {
    let (short, mut long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    for &x in short {
        let mut step = 1;
        while step < long.len() && long[step - 1] < x {
            step *= 2;
        }
        let end = step.min(long.len());
        let at = long[..end].partition_point(|&y| y < x);
        long = &long[at..];
        match long.first() {
            Some(&y) if y == x => found(x),
            Some(_) => {}
            None => return,
        }
    }
}

/// How many concepts have each document frequency: (frequency, concepts)
/// pairs, ascending, for the frequencies some concept has. They are a few
/// hundred even over a million statements, so the list stays in cache: a
/// change is a binary search, and the mean idf reads it in one sweep.
#[derive(Debug, Default)]
struct DfHistogram(Vec<(u32, u32)>);

impl DfHistogram {
    /// One concept more with frequency `d`.
    fn add(&mut self, d: u32) {
        match self.0.binary_search_by_key(&d, |&(x, _)| x) {
            Ok(at) => self.0[at].1 += 1,
            Err(at) => self.0.insert(at, (d, 1)),
        }
    }

    /// One concept fewer with frequency `d` (nothing when none has it, as
    /// for 0: a concept no statement holds is not counted).
    fn remove(&mut self, d: u32) {
        if let Ok(at) = self.0.binary_search_by_key(&d, |&(x, _)| x) {
            self.0[at].1 -= 1;
            if self.0[at].1 == 0 {
                self.0.remove(at);
            }
        }
    }

    /// (frequency, concepts with it), ascending by frequency.
    fn iter(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.0.iter().copied()
    }
}

/// The bounds on candidate generation.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    /// A concept held by more claims than this is common: not expanded on
    /// its own, only intersected with another (see the module docs).
    pub max_postings: usize,
    /// A claim visits at most this many postings, rarest concepts first.
    pub budget: usize,
    /// A claim keeps at most this many partners, those sharing most first.
    pub max_partners: usize,
}

/// Which posting lists a search reads for a claim, from its flags and what
/// the caller accepts as a partner.
#[derive(Debug, Clone, Copy)]
struct Sides {
    /// No figures, no superlative, no opposable word: the claim pairs only
    /// with claims of the other polarity.
    plain: bool,
    /// Searched from only for its opposable words: it meets the positive
    /// claims that share a concept with it *and* hold an opponent.
    only_opposed: bool,
    /// Read the negative side of each list in full.
    neg: bool,
    /// Read the positive side of each list in full.
    pos: bool,
    /// Read the concept's figure list (claims with figures or a
    /// superlative), for a side not read in full.
    read_figures: bool,
}

impl Sides {
    /// The sides for a claim flagged `fa`. Plain partners of either
    /// polarity (not opposable, no figures, no superlative): when `accept`
    /// turns them all away, a side's list is not read in full. Negative
    /// partners are met from their side in a batch run; a caller that
    /// searches from this side only (the live index) accepts them, and then
    /// they are visited here too.
    fn of(fa: Flags, accept: &impl Fn(Flags) -> bool) -> Sides {
        let plain = !(fa.figures || fa.superlative || fa.opposable);
        let only_opposed = fa.opposable && !(fa.figures || fa.superlative);
        let plain_neg = Flags {
            negative: true,
            ..Flags::default()
        };
        let plain_pos = Flags::default();
        let opposable_pos = Flags {
            opposable: true,
            ..Flags::default()
        };
        let (neg, pos) = if plain {
            (!fa.negative, fa.negative)
        } else if only_opposed {
            (accept(plain_neg), false)
        } else {
            // Figures or a superlative: the partners of a side not read in
            // full are in the concept's figure list, or (for an opposable
            // claim, which needs an opponent in any positive partner
            // without figures) in the intersections with its opponents.
            (
                accept(plain_neg),
                !fa.opposable && (accept(plain_pos) || accept(opposable_pos)),
            )
        };
        let read_figures = (fa.figures || fa.superlative) && !(neg && pos);
        Sides {
            plain,
            only_opposed,
            neg,
            pos,
            read_figures,
        }
    }
}

/// What the candidate pairs gave, and the bounds that were reached.
pub(crate) struct Candidates<T> {
    /// What `judge` returned for the candidate pairs, each judged once.
    pub found: Vec<T>,
    /// Claims that stopped early because they reached the posting budget.
    pub budget_reached: usize,
    /// Claims that had more partners than `max_partners` (the rest dropped).
    pub partners_capped: usize,
}

/// What one claim's search met.
pub(crate) struct Search {
    /// Partner claims (global numbers), most shared concepts first.
    pub partners: Vec<u32>,
    /// True when the posting budget stopped the search.
    pub stopped: bool,
    /// True when there were more partners than the bound.
    pub over: bool,
}

impl Index {
    /// Indexes every claim of every statement (`claims[i]` are statement i's).
    pub fn build(concepts: Concepts, claims: &Claims) -> Index {
        let mut idx = Index {
            concepts,
            ..Index::default()
        };
        for i in 0..claims.statements() {
            idx.push(claims.keyed(i));
        }
        idx.settle();
        idx
    }

    /// Adds the next statement's claims (row, terms and flags of each).
    pub fn push<'t>(&mut self, claims: impl IntoIterator<Item = (u32, &'t [PTerm], Flags)>) {
        let si = self.statements as u32;
        self.statements += 1;
        let range = self.add(si, claims);
        self.claims_of.push(range);
    }

    /// Indexes statement `si`'s claims anew, after [`Index::remove`]: they
    /// get new global numbers.
    pub fn readd<'t>(
        &mut self,
        si: u32,
        claims: impl IntoIterator<Item = (u32, &'t [PTerm], Flags)>,
    ) {
        self.claims_of[si as usize] = self.add(si, claims);
    }

    /// Takes statement `si`'s claims out of the postings and the counts.
    pub fn remove(&mut self, si: u32) {
        let (from, to) = self.claims_of[si as usize];
        let mut held: Vec<u32> = Vec::new();
        for g in from..to {
            for &k in &self.keys[self.key_at[g as usize]..self.key_at[g as usize + 1]] {
                let p = &mut self.postings[k as usize];
                p.neg.retain(|&x| x != g);
                p.pos.retain(|&x| x != g);
                p.figures.retain(|&x| x != g);
                held.push(k);
            }
        }
        held.sort_unstable();
        held.dedup();
        for k in held {
            let k = k as usize;
            if self.last[k] == si {
                self.last[k] = u32::MAX;
            }
            let old = self.df[k];
            self.hist.remove(old);
            self.df[k] = old - 1;
            if old > 1 {
                self.hist.add(old - 1);
            }
        }
        self.live_claims -= (to - from) as usize;
        self.claims_of[si as usize] = (to, to);
        self.mean_idf = OnceLock::new();
    }

    /// Adds statement `si`'s claims; returns their global numbers.
    fn add<'t>(
        &mut self,
        si: u32,
        claims: impl IntoIterator<Item = (u32, &'t [PTerm], Flags)>,
    ) -> (u32, u32) {
        if self.key_at.is_empty() {
            self.key_at.push(0);
        }
        let first = self.refs.len() as u32;
        for (row, terms, flags) in claims {
            let g = self.refs.len() as u32;
            self.refs.push(ClaimRef { stmt: si, row });
            self.flags.push(flags);
            for t in terms {
                let k = t.key as usize;
                if k >= self.postings.len() {
                    self.postings.resize_with(k + 1, Postings::default);
                    self.df.resize(k + 1, 0);
                    self.last.resize(k + 1, u32::MAX);
                }
                // One posting per claim and concept: a per-concept mark, so a
                // claim with many distinct words does not cost their square.
                let p = &mut self.postings[k];
                let list = p.side_mut(flags.negative);
                if list.last() == Some(&g) {
                    continue;
                }
                list.push(g);
                if flags.figures || flags.superlative {
                    p.figures.push(g);
                }
                self.keys.push(t.key);
                if self.last[k] != si {
                    self.last[k] = si;
                    let old = self.df[k];
                    self.hist.remove(old);
                    self.df[k] = old + 1;
                    self.hist.add(old + 1);
                }
            }
            self.key_at.push(self.keys.len());
        }
        self.live_claims += self.refs.len() - first as usize;
        self.mean_idf = OnceLock::new();
        (first, self.refs.len() as u32)
    }

    /// Once every statement is in: keeps the idf of each document frequency
    /// for [`Index::idf`] (the values hold while the count of statements
    /// does not change), and computes the mean idf now.
    fn settle(&mut self) {
        for (d, _) in self.hist.iter() {
            let at = d as usize;
            if at >= self.idf_by_df.len() {
                self.idf_by_df.resize(at + 1, (usize::MAX, 0.0));
            }
            self.idf_by_df[at] = (self.statements, idf_of(self.statements, d));
        }
        self.mean_idf();
    }

    /// The idf of a concept held by `d` statements (kept or computed).
    fn idf_of_df(&self, d: u32) -> f64 {
        match self.idf_by_df.get(d as usize) {
            Some(&(n, idf)) if n == self.statements => idf,
            _ => idf_of(self.statements, d),
        }
    }

    /// Inverse document frequency of a concept: rare concepts weigh more.
    pub fn idf(&self, key: u32) -> f64 {
        match self.df.get(key as usize) {
            Some(&d) if d > 0 => self.idf_of_df(d),
            _ => (1.0 + self.live_claims as f64 + 1.0).ln(),
        }
    }

    /// A concept's weight in ranking partners: its idf in 1/64 steps, so
    /// that sharing a rare concept counts for more than sharing a common one.
    fn weight(&self, key: u32) -> u32 {
        (self.idf(key) * 64.0).clamp(1.0, 1e6) as u32
    }

    /// The concepts of claim `g`.
    fn keys_of(&self, g: u32) -> &[u32] {
        &self.keys[self.key_at[g as usize]..self.key_at[g as usize + 1]]
    }

    /// Mean idf over concept occurrences: the weight of an average concept.
    /// It sums over document frequencies in ascending order, so the value
    /// does not depend on the order the statements came in.
    pub fn mean_idf(&self) -> f64 {
        *self.mean_idf.get_or_init(|| {
            let (mut sum, mut total) = (0.0, 0.0);
            for (d, count) in self.hist.iter() {
                let idf = self.idf_of_df(d);
                let d = f64::from(d);
                let c = f64::from(count);
                sum += c * d * idf;
                total += c * d;
            }
            if total > 0.0 {
                sum / total
            } else {
                1.0
            }
        })
    }

    /// The concept names, and how they are related.
    pub fn concepts(&self) -> &Concepts {
        &self.concepts
    }

    /// The concept names, to add new ones.
    pub fn concepts_mut(&mut self) -> &mut Concepts {
        &mut self.concepts
    }

    /// Global numbers of statement `si`'s claims.
    pub fn claims_of(&self, si: u32) -> (u32, u32) {
        self.claims_of[si as usize]
    }

    /// The address of claim `g`.
    pub fn claim_ref(&self, g: u32) -> ClaimRef {
        self.refs[g as usize]
    }

    /// The name of concept `k`.
    pub fn name(&self, k: u32) -> &str {
        self.concepts.name(k)
    }

    /// Concepts held by more than `max_postings` claims, with their counts,
    /// by name.
    pub fn capped(&self, max_postings: usize) -> Vec<(String, usize)> {
        let mut capped: Vec<(String, usize)> = self
            .postings
            .iter()
            .enumerate()
            .filter(|(_, l)| l.len() > max_postings)
            .map(|(k, l)| (self.name(k as u32).to_owned(), l.len()))
            .collect();
        capped.sort();
        capped
    }

    /// Every pair of claims of different statements that `source` and `keep`
    /// accept, whether they share a concept or not: the all-pairs baseline
    /// that the bounded candidates are measured against. Quadratic.
    pub fn all_pairs(
        &self,
        source: impl Fn(ClaimRef, Flags) -> bool + Sync,
        keep: impl Fn(Flags, Flags) -> bool + Sync,
    ) -> Vec<(ClaimRef, ClaimRef)> {
        let mut pairs: Vec<(ClaimRef, ClaimRef)> = (0..self.refs.len())
            .into_par_iter()
            .filter(|&g| source(self.refs[g], self.flags[g]))
            .flat_map_iter(|g| {
                let (a, fa) = (self.refs[g], self.flags[g]);
                let keep = &keep;
                self.refs
                    .iter()
                    .zip(&self.flags)
                    .filter(move |(b, fb)| b.stmt != a.stmt && keep(fa, **fb))
                    .map(move |(&b, _)| if a < b { (a, b) } else { (b, a) })
            })
            .collect();
        pairs.par_sort_unstable();
        pairs.dedup();
        pairs
    }

    /// The partners of claim `g`: claims of other statements that share a
    /// concept with it and that `accept` takes (given their flags).
    /// Concepts held by more than `max_postings` claims are skipped, unless
    /// all of `g`'s are: then its partners share its two rarest (when the
    /// rarer is within `budget`). The claim visits at most `budget`
    /// postings, rarest concepts first (ties by name); it keeps at most
    /// `max_partners`, those sharing the most weight first (the sum of the
    /// idf of every concept they share with `g`, expanded or not), ties by
    /// `tiebreak` (a hash of the statement id), never by input order.
    ///
    /// A plain claim (no figures, no superlative) reads only the claims of
    /// the other polarity, and any of them may clash with it: `accept` must
    /// take them all (checked in debug builds), and is asked only about the
    /// partners of a claim with figures or a superlative, so that the
    /// common search reads no claim's flags.
    pub fn search(
        &self,
        g: u32,
        bounds: Bounds,
        accept: impl Fn(Flags) -> bool,
        tiebreak: impl Fn(ClaimRef) -> u64,
    ) -> Search {
        let gi = g as usize;
        let mut keys: Vec<u32> = self.keys[self.key_at[gi]..self.key_at[gi + 1]].to_vec();
        let fa = self.flags[gi];
        let sides = Sides::of(fa, &accept);
        // An opposable claim meets a positive claim only when that claim
        // holds an opponent of one of its words.
        let opponents = self.opponents(&keys, fa);
        let holds_opponent = |d: u32| {
            let d = d as usize;
            self.keys[self.key_at[d]..self.key_at[d + 1]]
                .iter()
                .any(|k| opponents.binary_search(k).is_ok())
        };
        // A statement's claims have consecutive numbers: its own are left
        // out by their range.
        let (own_from, own_to) = self.claims_of[self.refs[gi].stmt as usize];
        let take = |d: u32| {
            (d < own_from || d >= own_to)
                && if sides.plain {
                    debug_assert!(accept(self.flags[d as usize]));
                    true
                } else {
                    let fd = self.flags[d as usize];
                    accept(fd) && (!Flags::opposed_only(fa, fd) || holds_opponent(d))
                }
        };
        self.rarest_first(&mut keys);
        // The postings met, at most `budget` of them: sorted, a run of one
        // claim is one partner (no hashing).
        let mut met: Vec<u32> = Vec::new();
        let common = |k: u32| self.postings[k as usize].len() > bounds.max_postings;
        let stopped = match keys.as_slice() {
            [k1, k2, ..] if common(*k1) => {
                self.meet_through_rarest(*k1, *k2, sides, bounds, take, &mut met)
            }
            _ => {
                let rare: Vec<u32> = keys.iter().copied().filter(|&k| !common(k)).collect();
                let mut visited = 0usize;
                let stopped =
                    self.meet_on_rare(&rare, sides, bounds, &mut visited, &take, &mut met);
                if fa.opposable && !sides.pos {
                    stopped
                        | self.meet_opposed(
                            &rare,
                            &opponents,
                            bounds,
                            &mut visited,
                            &take,
                            &mut met,
                        )
                } else {
                    stopped
                }
            }
        };
        met.sort_unstable();
        met.dedup();
        let over = met.len() > bounds.max_partners;
        let partners = if over {
            self.best_partners(&keys, met, bounds.max_partners, tiebreak)
        } else {
            met
        };
        Search {
            partners,
            stopped,
            over,
        }
    }

    /// Sorts concepts by how few claims hold them, ties by name: the order
    /// a search visits them in.
    fn rarest_first(&self, keys: &mut [u32]) {
        keys.sort_unstable_by(|a, b| {
            self.postings[*a as usize]
                .len()
                .cmp(&self.postings[*b as usize].len())
                .then_with(|| self.name(*a).cmp(self.name(*b)))
        });
    }

    /// The opponents (antonyms) of the concepts `keys` of a claim flagged
    /// `fa`, sorted; none for a claim without opposable words.
    fn opponents(&self, keys: &[u32], fa: Flags) -> Vec<u32> {
        let mut opponents = Vec::new();
        if fa.opposable {
            for &k in keys {
                self.concepts.opponents_of(k, &mut opponents);
            }
            opponents.sort_unstable();
            opponents.dedup();
        }
        opponents
    }

    /// Every concept is common: the partners are the claims that share the
    /// two rarest, `k1` and `k2`, when the rarer is within the budget (both
    /// sides for a claim with figures, each partner checked). True when the
    /// budget stopped the search.
    fn meet_through_rarest(
        &self,
        k1: u32,
        k2: u32,
        sides: Sides,
        bounds: Bounds,
        take: impl Fn(u32) -> bool,
        met: &mut Vec<u32>,
    ) -> bool {
        let (p1, p2) = (&self.postings[k1 as usize], &self.postings[k2 as usize]);
        let (neg, pos) = if sides.plain || sides.only_opposed {
            (sides.neg, sides.pos)
        } else {
            (true, true)
        };
        if p1.len() > bounds.budget {
            return true;
        }
        for (on, a, b) in [(neg, &p1.neg, &p2.neg), (pos, &p1.pos, &p2.pos)] {
            if on {
                intersect(a, b, |d| {
                    if take(d) {
                        met.push(d);
                    }
                });
            }
        }
        false
    }

    /// The partners on the claim's rare concepts (rarest first): the sides
    /// of each posting list `sides` reads, and the figure list, until the
    /// budget of postings visited is spent. True when it stopped the search.
    fn meet_on_rare(
        &self,
        rare: &[u32],
        sides: Sides,
        bounds: Bounds,
        visited: &mut usize,
        take: &impl Fn(u32) -> bool,
        met: &mut Vec<u32>,
    ) -> bool {
        for &k in rare {
            let p = &self.postings[k as usize];
            let lists = [
                (sides.neg, &p.neg),
                (sides.pos, &p.pos),
                (sides.read_figures, &p.figures),
            ];
            let len: usize = lists.iter().filter(|l| l.0).map(|l| l.1.len()).sum();
            if *visited + len > bounds.budget {
                return true;
            }
            *visited += len;
            for (_, list) in lists.into_iter().filter(|l| l.0) {
                met.extend(list.iter().copied().filter(|&d| take(d)));
            }
        }
        false
    }

    /// An opposable claim's positive partners without figures: those that
    /// share a rare concept with it *and* hold an opponent of its words, the
    /// intersection of the two posting lists, never the whole list of a
    /// common word. True when the budget stopped the search.
    fn meet_opposed(
        &self,
        rare: &[u32],
        opponents: &[u32],
        bounds: Bounds,
        visited: &mut usize,
        take: &impl Fn(u32) -> bool,
        met: &mut Vec<u32>,
    ) -> bool {
        let mut stopped = false;
        for &k in rare {
            for &o in opponents {
                // An opponent interned only from a context word has no
                // postings yet.
                let Some(b) = self.postings.get(o as usize) else {
                    continue;
                };
                let (a, b) = (&self.postings[k as usize].pos, &b.pos);
                let len = a.len().min(b.len());
                if *visited + len > bounds.budget {
                    stopped = true;
                    break;
                }
                *visited += len;
                intersect(a, b, |d| {
                    if take(d) {
                        met.push(d);
                    }
                });
            }
        }
        stopped
    }

    /// The best `max_partners` of the partners `met` of a claim with
    /// concepts `keys`: ranked by every concept they share with it, common
    /// ones too (those were not expanded, but they still tell the claims on
    /// one proposition from those that only share a word); among those tied
    /// at the cut, the smallest `tiebreak` (computed for them only).
    fn best_partners(
        &self,
        keys: &[u32],
        met: Vec<u32>,
        max_partners: usize,
        tiebreak: impl Fn(ClaimRef) -> u64,
    ) -> Vec<u32> {
        let mut mine: Vec<(u32, u32)> = keys.iter().map(|&k| (k, self.weight(k))).collect();
        mine.sort_unstable();
        // One bit per concept number mod 64: most concepts of a partner
        // are not `g`'s, and the mask turns them away at once.
        let mask = keys.iter().fold(0u64, |m, &k| m | 1 << (k % 64));
        let mut scored: Vec<(Reverse<u32>, u32)> = met
            .into_iter()
            .map(|d| {
                let shared: u32 = self
                    .keys_of(d)
                    .iter()
                    .filter(|&&k| mask & 1 << (k % 64) != 0)
                    .filter_map(|k| mine.binary_search_by_key(k, |m| m.0).ok())
                    .map(|i| mine[i].1)
                    .sum();
                (Reverse(shared), d)
            })
            .collect();
        let m = max_partners.max(1);
        scored.select_nth_unstable(m - 1);
        let cut = scored[m - 1].0;
        let mut kept: Vec<u32> = scored[..m]
            .iter()
            .filter(|x| x.0 < cut)
            .map(|x| x.1)
            .collect();
        let mut ties: Vec<(u64, u32)> = scored
            .iter()
            .filter(|x| x.0 == cut)
            .map(|x| (tiebreak(self.refs[x.1 as usize]), x.1))
            .collect();
        ties.sort_unstable();
        let room = m - kept.len();
        kept.extend(ties.into_iter().take(room).map(|t| t.1));
        kept.sort_unstable();
        kept
    }

    /// Pairs of claims of different statements that share at least one
    /// concept, that `source` accepts as the claim to search from and `keep`
    /// accepts as a pair, within `bounds` (see [`Index::search`]). Each pair
    /// goes to `judge` once, ordered (earlier, later), even when the search
    /// met it from both its claims (two claims with figures meet each
    /// other): the pairs are gathered as two claim numbers in one `u64`,
    /// sorted and deduplicated, then judged in parallel.
    pub fn candidates<T: Send>(
        &self,
        bounds: Bounds,
        source: impl Fn(ClaimRef, Flags) -> bool + Sync,
        keep: impl Fn(Flags, Flags) -> bool + Sync,
        tiebreak: impl Fn(ClaimRef) -> u64 + Sync,
        judge: impl Fn(ClaimRef, ClaimRef) -> Option<T> + Sync,
    ) -> Candidates<T> {
        #[allow(clippy::type_complexity)]
        let per_claim: Vec<(Vec<u64>, bool, bool)> = (0..self.refs.len())
            .into_par_iter()
            .filter(|&g| source(self.refs[g], self.flags[g]))
            .map(|g| {
                let fa = self.flags[g];
                let s = self.search(g as u32, bounds, |fb| keep(fa, fb), &tiebreak);
                let g = g as u64;
                let pairs = s
                    .partners
                    .iter()
                    .map(|&d| {
                        let d = u64::from(d);
                        g.min(d) << 32 | g.max(d)
                    })
                    .collect();
                (pairs, s.stopped, s.over)
            })
            .collect();
        let budget_reached = per_claim.iter().filter(|x| x.1).count();
        let partners_capped = per_claim.iter().filter(|x| x.2).count();
        let mut pairs: Vec<u64> = Vec::with_capacity(per_claim.iter().map(|x| x.0.len()).sum());
        for (p, _, _) in per_claim {
            pairs.extend(p);
        }
        pairs.par_sort_unstable();
        pairs.dedup();
        let found: Vec<T> = pairs
            .par_iter()
            .filter_map(|&p| {
                let (a, b) = (self.refs[(p >> 32) as usize], self.refs[p as u32 as usize]);
                let (x, y) = if a < b { (a, b) } else { (b, a) };
                judge(x, y)
            })
            .collect();
        Candidates {
            found,
            budget_reached,
            partners_capped,
        }
    }
}

/// The packed claims of some texts (no context, no corpus names) and their
/// index: the shared helper of the stage tests.
#[cfg(test)]
pub(crate) fn test_index(texts: &[&str]) -> (Index, Claims) {
    let mut cs = Concepts::default();
    let mut claims = Claims::default();
    crate::stance::with_test_context(|cx| {
        for t in texts {
            let read = crate::reading::normalize(cx, t, None);
            claims.push(
                read.claims,
                read.measures,
                &mut cs,
                &mut crate::corpus::NameLinks::default(),
            );
        }
    });
    (Index::build(cs, &claims), claims)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::test_index;

    fn index(texts: &[&str]) -> Index {
        test_index(texts).0
    }

    fn all(_: ClaimRef, _: Flags) -> bool {
        true
    }

    /// The pairs found, each once, sorted.
    fn pairs(c: Candidates<(ClaimRef, ClaimRef)>) -> Candidates<(ClaimRef, ClaimRef)> {
        let mut found = c.found;
        found.sort_unstable();
        found.dedup();
        Candidates { found, ..c }
    }

    fn b(max_postings: usize, budget: usize) -> Bounds {
        Bounds {
            max_postings,
            budget,
            max_partners: 1000,
        }
    }

    /// The candidate pairs searched from statement `stmt`'s claims alone.
    fn from_statement(idx: &Index, bounds: Bounds, stmt: u32) -> Candidates<(ClaimRef, ClaimRef)> {
        idx.candidates(
            bounds,
            |r, _| r.stmt == stmt,
            |_, _| true,
            |r| u64::from(r.stmt),
            |x, y| Some((x, y)),
        )
    }

    #[test]
    fn only_pairs_that_share_a_concept() {
        let idx = index(&[
            "The council will build a dam.",
            "The council will not build a dam.",
            "Bakers sell bread on Sundays.",
        ]);
        let cands = pairs(idx.candidates(
            b(100, 1000),
            all,
            |_, _| true,
            |r| u64::from(r.stmt),
            |x, y| Some((x, y)),
        ));
        let stmts: Vec<_> = cands.found.iter().map(|(a, b)| (a.stmt, b.stmt)).collect();
        assert_eq!(stmts, [(0, 1)]);
    }

    #[test]
    fn long_postings_are_capped_and_reported() {
        let texts: Vec<String> = (0..20)
            .map(|i| format!("Dam number {i} leaks water."))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let idx = index(&refs);
        assert!(idx.capped(5).iter().any(|(k, n)| k == "dam" && *n == 20));
        // Every concept is common and even the rarest is past the budget.
        let cands = idx.candidates(
            b(5, 10),
            all,
            |_, _| true,
            |r| u64::from(r.stmt),
            |x, y| Some((x, y)),
        );
        assert!(cands.found.is_empty());
    }

    #[test]
    fn the_budget_keeps_the_rare_concepts() {
        // Forty claims share "dam"; two share the rare "sluice" as well, and
        // the one that denies reads the positive side of each list.
        let mut texts: Vec<String> = (0..40).map(|_| "The dam leaks.".to_owned()).collect();
        texts.push("The dam sluice does not leak.".into());
        texts.push("The dam sluice leaks.".into());
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let idx = index(&refs);
        let cands = from_statement(&idx, b(1000, 10), 40);
        let cands = pairs(cands);
        let stmts: Vec<_> = cands.found.iter().map(|(a, b)| (a.stmt, b.stmt)).collect();
        assert_eq!(stmts, [(40, 41)]);
        assert_eq!(cands.budget_reached, 1);
    }

    #[test]
    fn partners_are_capped_most_shared_first() {
        let mut texts: Vec<String> = (0..10).map(|_| "The dam leaks.".to_owned()).collect();
        texts.push("The dam sluice leaks.".into());
        texts.push("The dam sluice does not leak.".into());
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let idx = index(&refs);
        let bounds = Bounds {
            max_postings: 100,
            budget: 1000,
            max_partners: 1,
        };
        let cands = from_statement(&idx, bounds, 11);
        let stmts: Vec<_> = cands.found.iter().map(|(a, b)| (a.stmt, b.stmt)).collect();
        assert_eq!(stmts, [(10, 11)]);
        assert_eq!(cands.partners_capped, 1);
    }

    #[test]
    fn claims_of_common_concepts_pair_through_their_two_rarest() {
        // Every concept is common (over 5 claims): the denial meets the
        // claims that share both "river" and "dam", not those on the lake.
        let mut texts: Vec<String> = Vec::new();
        texts.extend((0..8).map(|_| "The dam on the river leaks.".to_owned()));
        texts.extend((0..8).map(|_| "The dam on the lake leaks.".to_owned()));
        texts.push("The dam on the river does not leak.".into());
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let idx = index(&refs);
        let cands = pairs(from_statement(&idx, b(5, 1000), 16));
        let stmts: Vec<_> = cands.found.iter().map(|(a, _)| a.stmt).collect();
        assert_eq!(stmts, (0..8).collect::<Vec<u32>>());
        // Past the budget, even the rarest list is not read.
        let cands = from_statement(&idx, b(5, 7), 16);
        assert!(cands.found.is_empty());
        assert_eq!(cands.budget_reached, 1);
    }

    #[test]
    fn partners_are_ranked_by_common_concepts_too() {
        // All three share the rare "sluice"; only the last also shares the
        // common "river", and it is kept though the tiebreak favours the
        // others.
        let mut texts: Vec<String> = (0..8).map(|_| "The river dam leaks.".to_owned()).collect();
        texts.push("The sluice leaks.".into());
        texts.push("The sluice leaks.".into());
        texts.push("The river sluice leaks.".into());
        texts.push("The river sluice does not leak.".into());
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let idx = index(&refs);
        let bounds = Bounds {
            max_postings: 5,
            budget: 1000,
            max_partners: 1,
        };
        let cands = from_statement(&idx, bounds, 11);
        let stmts: Vec<_> = cands.found.iter().map(|(a, b)| (a.stmt, b.stmt)).collect();
        assert_eq!(stmts, [(10, 11)]);
    }

    proptest::proptest! {
        #[test]
        fn intersect_finds_the_common_numbers(
            a in proptest::collection::btree_set(0u32..200, 0..60),
            b in proptest::collection::btree_set(0u32..200, 0..60),
        ) {
            let (a, b): (Vec<u32>, Vec<u32>) = (a.into_iter().collect(), b.into_iter().collect());
            let mut got = Vec::new();
            intersect(&a, &b, |x| got.push(x));
            let want: Vec<u32> = a.iter().copied().filter(|x| b.contains(x)).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn a_plain_claim_reads_only_the_other_polarity() {
        let idx = index(&[
            "The dam leaks.",
            "The dam does not leak.",
            "The dam leaks badly.",
        ]);
        let s = idx.search(0, b(1000, 1000), |_| true, |_| 0);
        let partners: Vec<u32> = s.partners.iter().map(|&g| idx.claim_ref(g).stmt).collect();
        assert_eq!(partners, [1]);
    }

    #[test]
    fn the_histogram_lists_the_frequencies_held_in_order() {
        let mut h = DfHistogram::default();
        for d in [3, 1, 3, 2] {
            h.add(d);
        }
        // Removing what is not counted changes nothing.
        for d in [3, 2, 0, 9] {
            h.remove(d);
        }
        assert_eq!(h.iter().collect::<Vec<_>>(), [(1, 1), (3, 1)]);
    }

    #[test]
    fn rare_concepts_weigh_more() {
        let idx = index(&["dam river", "dam lake", "dam sea"]);
        let k = |name| idx.concepts().get(name).unwrap();
        assert!(idx.idf(k("river")) > idx.idf(k("dam")));
    }
}
