//! Candidate index: an inverted index from proposition concepts to the claims
//! that hold them. Candidate pairs come only from shared postings, never from
//! all pairs of the corpus, and the work is bounded:
//!
//! - a concept held by more than `max_postings` claims is not expanded (it
//!   says little about which claims clash: "government", "said");
//! - each claim visits its concepts rarest first and stops once it has
//!   visited `budget` postings, so a claim on a huge topic still meets the
//!   claims that share its rare words, in bounded time.
//!
//! Both bounds depend only on posting-list lengths and concept names, never
//! on input order; the report says when either was reached.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::stance::Claim;

/// A claim's address: statement index and claim index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ClaimRef {
    pub stmt: u32,
    pub claim: u32,
}

/// The index over one corpus.
pub(crate) struct Index {
    /// Concept name → concept id.
    ids: HashMap<String, u32>,
    /// Concept id → name.
    names: Vec<String>,
    /// Concept id → claims (global claim numbers) holding it.
    postings: Vec<Vec<u32>>,
    /// Concept id → idf.
    idf: Vec<f64>,
    /// Global claim number → address.
    refs: Vec<ClaimRef>,
    /// Global claim number → its concepts, rarest first.
    keys: Vec<Vec<u32>>,
    mean_idf: f64,
}

/// The bounds on candidate generation.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    /// A concept held by more claims than this is not expanded.
    pub max_postings: usize,
    /// A claim visits at most this many postings, rarest concepts first.
    pub budget: usize,
    /// A claim keeps at most this many partners, those sharing most first.
    pub max_partners: usize,
}

/// What the candidate pairs gave, and the bounds that were reached.
pub(crate) struct Candidates<T> {
    /// What `judge` returned for the candidate pairs (a pair found from
    /// both its sides is judged twice; the caller keeps one verdict).
    pub found: Vec<T>,
    /// Concepts not expanded because too many claims hold them, with counts.
    pub capped: Vec<(String, usize)>,
    /// Claims that stopped early because they reached the posting budget.
    pub budget_reached: usize,
    /// Claims that had more partners than `max_partners` (the rest dropped).
    pub partners_capped: usize,
}

impl Index {
    /// Indexes every claim of every statement (`claims[i]` are statement i's).
    pub fn build<C: AsRef<[Claim]>>(claims: &[C]) -> Index {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut refs = Vec::new();
        let mut keys = Vec::new();
        let mut seen_stmt: Vec<u32> = Vec::new();
        let mut seen_claim: Vec<u32> = Vec::new();
        for (si, cs) in claims.iter().enumerate() {
            for (ci, c) in cs.as_ref().iter().enumerate() {
                let g = refs.len() as u32;
                refs.push(ClaimRef {
                    stmt: si as u32,
                    claim: ci as u32,
                });
                let mut ks: Vec<u32> = Vec::with_capacity(c.terms.len());
                for t in &c.terms {
                    let id = *ids.entry(t.key.clone()).or_insert_with(|| {
                        names.push(t.key.clone());
                        postings.push(Vec::new());
                        df.push(0);
                        seen_stmt.push(u32::MAX);
                        seen_claim.push(u32::MAX);
                        (names.len() - 1) as u32
                    });
                    // A per-concept mark, not a search of `ks`: a claim with
                    // many distinct words must not cost their square.
                    if seen_claim[id as usize] == g {
                        continue;
                    }
                    seen_claim[id as usize] = g;
                    ks.push(id);
                    postings[id as usize].push(g);
                    if seen_stmt[id as usize] != si as u32 {
                        seen_stmt[id as usize] = si as u32;
                        df[id as usize] += 1;
                    }
                }
                keys.push(ks);
            }
        }
        let n = claims.len() as f64;
        let idf: Vec<f64> = df
            .iter()
            .map(|&d| (1.0 + (n + 1.0) / (f64::from(d) + 1.0)).ln())
            .collect();
        // Mean idf over occurrences, summed in name order so that the float
        // sum does not depend on input order.
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_unstable_by(|a, b| names[*a as usize].cmp(&names[*b as usize]));
        let total: f64 = df.iter().map(|&d| f64::from(d)).sum();
        let mean_idf = if total > 0.0 {
            order
                .iter()
                .map(|&k| idf[k as usize] * f64::from(df[k as usize]))
                .sum::<f64>()
                / total
        } else {
            1.0
        };
        // Each claim's concepts, rarest first (ties by name).
        for ks in &mut keys {
            ks.sort_unstable_by(|a, b| {
                postings[*a as usize]
                    .len()
                    .cmp(&postings[*b as usize].len())
                    .then_with(|| names[*a as usize].cmp(&names[*b as usize]))
            });
        }
        Index {
            ids,
            names,
            postings,
            idf,
            refs,
            keys,
            mean_idf,
        }
    }

    /// Inverse document frequency of a concept: rare concepts weigh more.
    pub fn idf(&self, key: &str) -> f64 {
        match self.ids.get(key) {
            Some(&id) => self.idf[id as usize],
            None => (1.0 + self.refs.len() as f64 + 1.0).ln(),
        }
    }

    /// Mean idf over concept occurrences: the weight of an average concept.
    pub fn mean_idf(&self) -> f64 {
        self.mean_idf
    }

    /// Every pair of claims of different statements that `source` and `keep`
    /// accept, whether they share a concept or not: the all-pairs baseline
    /// that the bounded candidates are measured against. Quadratic.
    pub fn all_pairs(
        &self,
        source: impl Fn(ClaimRef) -> bool + Sync,
        keep: impl Fn(ClaimRef, ClaimRef) -> bool + Sync,
    ) -> Vec<(ClaimRef, ClaimRef)> {
        let mut pairs: Vec<(ClaimRef, ClaimRef)> = (0..self.refs.len())
            .into_par_iter()
            .filter(|&g| source(self.refs[g]))
            .flat_map_iter(|g| {
                let a = self.refs[g];
                let keep = &keep;
                self.refs
                    .iter()
                    .filter(move |b| b.stmt != a.stmt && keep(a, **b))
                    .map(move |&b| if a < b { (a, b) } else { (b, a) })
            })
            .collect();
        pairs.par_sort_unstable();
        pairs.dedup();
        pairs
    }

    /// Pairs of claims of different statements that share at least one
    /// concept, that `source` accepts as the claim to search from and `keep`
    /// accepts as a pair. Concepts held by more than `max_postings` claims are
    /// skipped; each claim visits at most `budget` postings, rarest first.
    /// Each pair, ordered (earlier, later), goes straight to `judge` inside
    /// the parallel search: the pairs themselves are never all held at once.
    pub fn candidates<T: Send>(
        &self,
        bounds: Bounds,
        source: impl Fn(ClaimRef) -> bool + Sync,
        keep: impl Fn(ClaimRef, ClaimRef) -> bool + Sync,
        tiebreak: impl Fn(ClaimRef) -> u64 + Sync,
        judge: impl Fn(ClaimRef, ClaimRef) -> Vec<T> + Sync,
    ) -> Candidates<T> {
        let Bounds {
            max_postings,
            budget,
            max_partners,
        } = bounds;
        #[allow(clippy::type_complexity)]
        let per_claim: Vec<(Vec<T>, bool, bool)> = (0..self.refs.len())
            .into_par_iter()
            .filter(|&g| source(self.refs[g]))
            .map(|g| {
                let a = self.refs[g];
                let mut partners: HashMap<u32, u16> = HashMap::new();
                let mut visited = 0usize;
                let mut stopped = false;
                for &k in &self.keys[g] {
                    let list = &self.postings[k as usize];
                    if list.len() > max_postings {
                        continue;
                    }
                    if visited + list.len() > budget {
                        stopped = true;
                        break;
                    }
                    visited += list.len();
                    for &d in list {
                        let b = self.refs[d as usize];
                        if b.stmt != a.stmt && keep(a, b) {
                            *partners.entry(d).or_insert(0) += 1;
                        }
                    }
                }
                // Keep the partners that share the most concepts; ties by a
                // hash of the statement id, not by input order.
                let mut ranked: Vec<(u16, u64, u32)> = partners
                    .into_iter()
                    .map(|(d, n)| (n, tiebreak(self.refs[d as usize]), d))
                    .collect();
                let over = ranked.len() > max_partners;
                if over {
                    ranked.sort_unstable_by(|x, y| {
                        y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
                    });
                    ranked.truncate(max_partners);
                }
                let mut found = Vec::new();
                for (_, _, d) in ranked {
                    let b = self.refs[d as usize];
                    let (x, y) = if a < b { (a, b) } else { (b, a) };
                    found.extend(judge(x, y));
                }
                (found, stopped, over)
            })
            .collect();
        let budget_reached = per_claim.iter().filter(|x| x.1).count();
        let partners_capped = per_claim.iter().filter(|x| x.2).count();
        let found: Vec<T> = per_claim.into_iter().flat_map(|x| x.0).collect();
        let mut capped: Vec<(String, usize)> = self
            .postings
            .iter()
            .enumerate()
            .filter(|(_, l)| l.len() > max_postings)
            .map(|(k, l)| (self.names[k].clone(), l.len()))
            .collect();
        capped.sort();
        Candidates {
            found,
            capped,
            budget_reached,
            partners_capped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stance::test_claims;

    fn corpus(texts: &[&str]) -> Vec<Vec<Claim>> {
        texts.iter().map(|t| test_claims(t, None)).collect()
    }

    fn all(_: ClaimRef) -> bool {
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

    #[test]
    fn only_pairs_that_share_a_concept() {
        let c = corpus(&[
            "The council will build a dam.",
            "The council will not build a dam.",
            "Bakers sell bread on Sundays.",
        ]);
        let idx = Index::build(&c);
        let cands = pairs(idx.candidates(
            b(100, 1000),
            all,
            |_, _| true,
            |r| u64::from(r.stmt),
            |x, y| vec![(x, y)],
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
        let idx = Index::build(&corpus(&refs));
        let cands = idx.candidates(
            b(5, 1000),
            all,
            |_, _| true,
            |r| u64::from(r.stmt),
            |x, y| vec![(x, y)],
        );
        assert!(cands.capped.iter().any(|(k, n)| k == "dam" && *n == 20));
        assert!(cands.found.is_empty());
    }

    #[test]
    fn the_budget_keeps_the_rare_concepts() {
        // Forty claims share "dam"; two share the rare "sluice" as well.
        let mut texts: Vec<String> = (0..40).map(|_| "The dam leaks.".to_owned()).collect();
        texts.push("The dam sluice leaks.".into());
        texts.push("The dam sluice holds.".into());
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let idx = Index::build(&corpus(&refs));
        let cands = idx.candidates(
            b(1000, 10),
            |r| r.stmt >= 40,
            |_, _| true,
            |r| u64::from(r.stmt),
            |x, y| vec![(x, y)],
        );
        let cands = pairs(cands);
        let stmts: Vec<_> = cands.found.iter().map(|(a, b)| (a.stmt, b.stmt)).collect();
        assert_eq!(stmts, [(40, 41)]);
        assert_eq!(cands.budget_reached, 2);
    }

    #[test]
    fn partners_are_capped_most_shared_first() {
        let mut texts: Vec<String> = (0..10).map(|_| "The dam leaks.".to_owned()).collect();
        texts.push("The dam sluice leaks.".into());
        texts.push("The dam sluice holds.".into());
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let idx = Index::build(&corpus(&refs));
        let bounds = Bounds {
            max_postings: 100,
            budget: 1000,
            max_partners: 1,
        };
        let cands = idx.candidates(
            bounds,
            |r| r.stmt == 11,
            |_, _| true,
            |r| u64::from(r.stmt),
            |x, y| vec![(x, y)],
        );
        let stmts: Vec<_> = cands.found.iter().map(|(a, b)| (a.stmt, b.stmt)).collect();
        assert_eq!(stmts, [(10, 11)]);
        assert_eq!(cands.partners_capped, 1);
    }

    #[test]
    fn rare_concepts_weigh_more() {
        let idx = Index::build(&corpus(&["dam river", "dam lake", "dam sea"]));
        assert!(idx.idf("river") > idx.idf("dam"));
    }
}
