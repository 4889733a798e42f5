//! Candidate index: an inverted index from proposition concepts to the claims
//! that hold them. Candidate pairs come only from shared postings, never from
//! all pairs of the corpus; a posting list longer than the configured bound
//! is not expanded, and the report says so.

use std::collections::{HashMap, HashSet};

use crate::stance::Claim;

/// A claim's address: statement index and claim index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ClaimRef {
    pub stmt: u32,
    pub claim: u32,
}

/// The index over one corpus.
pub(crate) struct Index {
    postings: HashMap<String, Vec<ClaimRef>>,
    /// Number of statements holding each concept.
    df: HashMap<String, u32>,
    statements: usize,
    mean_idf: f64,
}

/// Candidate pairs and the concepts whose postings were too long to expand.
pub(crate) struct Candidates {
    /// (earlier, later) claim pairs, each once, in a deterministic order.
    pub pairs: Vec<(ClaimRef, ClaimRef)>,
    /// Concepts skipped because their posting list exceeded the bound.
    pub capped: Vec<(String, usize)>,
}

impl Index {
    /// Indexes every claim of every statement (`claims[i]` are statement i's).
    pub fn build(claims: &[Vec<Claim>]) -> Index {
        let mut postings: HashMap<String, Vec<ClaimRef>> = HashMap::new();
        let mut df: HashMap<String, u32> = HashMap::new();
        for (si, cs) in claims.iter().enumerate() {
            // A set, not a list: a statement with many distinct terms must
            // not cost the square of their number.
            let mut seen: HashSet<&str> = HashSet::new();
            for (ci, c) in cs.iter().enumerate() {
                let r = ClaimRef {
                    stmt: si as u32,
                    claim: ci as u32,
                };
                for t in &c.terms {
                    let list = postings.entry(t.key.clone()).or_default();
                    if list.last() != Some(&r) {
                        list.push(r);
                    }
                    if seen.insert(&t.key) {
                        *df.entry(t.key.clone()).or_insert(0) += 1;
                    }
                }
            }
        }
        let mut index = Index {
            postings,
            df,
            statements: claims.len(),
            mean_idf: 1.0,
        };
        let total: u64 = index.df.values().map(|&d| u64::from(d)).sum();
        if total > 0 {
            // Summed in key order: float sums must not depend on hash order.
            let mut keys: Vec<(&String, &u32)> = index.df.iter().collect();
            keys.sort_unstable();
            let sum: f64 = keys.iter().map(|(k, &d)| index.idf(k) * f64::from(d)).sum();
            index.mean_idf = sum / total as f64;
        }
        index
    }

    /// Inverse document frequency of a concept: rare concepts weigh more.
    pub fn idf(&self, key: &str) -> f64 {
        let df = f64::from(self.df.get(key).copied().unwrap_or(0));
        (1.0 + (self.statements as f64 + 1.0) / (df + 1.0)).ln()
    }

    /// Mean idf over concept occurrences: the weight of an average concept.
    pub fn mean_idf(&self) -> f64 {
        self.mean_idf
    }

    /// Pairs of claims of different statements that share at least one
    /// concept and that `keep` accepts. Posting lists longer than
    /// `max_postings` are skipped (and listed in `capped`).
    pub fn candidates(
        &self,
        max_postings: usize,
        keep: impl Fn(ClaimRef, ClaimRef) -> bool,
    ) -> Candidates {
        let mut keys: Vec<&String> = self.postings.keys().collect();
        keys.sort();
        let mut pairs = Vec::new();
        let mut capped = Vec::new();
        for key in keys {
            let list = &self.postings[key];
            if list.len() > max_postings {
                capped.push((key.clone(), list.len()));
                continue;
            }
            // The list is in statement order: the claims of one statement
            // are one run, and a claim pairs only with the runs after its
            // own (many claims of one statement cost nothing among them).
            let mut run_end = 0;
            for (i, &a) in list.iter().enumerate() {
                if run_end <= i {
                    run_end = i + list[i..].iter().take_while(|c| c.stmt == a.stmt).count();
                }
                for &b in &list[run_end..] {
                    if keep(a, b) {
                        pairs.push((a, b));
                    }
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        Candidates { pairs, capped }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::stance::{claims, StanceContext};
    use std::collections::HashSet;

    fn corpus(texts: &[&str]) -> Vec<Vec<Claim>> {
        let lx = Lexicon::builtin();
        let names = HashSet::new();
        let cx = StanceContext {
            lexicon: &lx,
            name_tokens: &names,
            title_words: &names,
        };
        texts.iter().map(|t| claims(&cx, t, None)).collect()
    }

    #[test]
    fn only_pairs_that_share_a_concept() {
        let c = corpus(&[
            "The council will build a dam.",
            "The council will not build a dam.",
            "Bakers sell bread on Sundays.",
        ]);
        let idx = Index::build(&c);
        let cands = idx.candidates(100, |_, _| true);
        let stmts: Vec<_> = cands.pairs.iter().map(|(a, b)| (a.stmt, b.stmt)).collect();
        assert_eq!(stmts, [(0, 1)]);
    }

    #[test]
    fn long_postings_are_capped_and_reported() {
        let texts: Vec<String> = (0..20)
            .map(|i| format!("Dam number {i} leaks water."))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let idx = Index::build(&corpus(&refs));
        let cands = idx.candidates(5, |_, _| true);
        assert!(cands.capped.iter().any(|(k, n)| k == "dam" && *n == 20));
    }

    #[test]
    fn rare_concepts_weigh_more() {
        let idx = Index::build(&corpus(&["dam river", "dam lake", "dam sea"]));
        assert!(idx.idf("river") > idx.idf("dam"));
    }
}
