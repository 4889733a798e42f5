//! Pairing: the one rule that turns a candidate pair of claims into a
//! verdict (figures first, then a superlative, then stance, then opposed
//! predicates) and that says which verdict wins for a pair of statements.
//! The batch detector and the live index both pair through it, so a
//! statement gets the same pairs either way.

use crate::analysis::Corpus;
use crate::corpus::ClaimRef;
use crate::judge::{self, JudgeConfig, Kind, QuantityVerdict};
use crate::report::Found;

/// True when `f` is a better verdict for its statement pair than `old`:
/// quantity before stance, then the higher score, then claim order.
pub(crate) fn better(f: &Found, old: &Found) -> bool {
    (f.verdict.kind == Kind::Quantity && old.verdict.kind == Kind::Stance)
        || (f.verdict.kind == old.verdict.kind
            && (f.verdict.score > old.verdict.score
                || (f.verdict.score == old.verdict.score && (f.a, f.b) < (old.a, old.b))))
}

/// Judges one candidate pair of claims: the figures first (agreeing figures
/// decide: no stance clash over them), then a superlative, then stance.
pub(crate) fn judge_pair(
    corpus: &Corpus,
    cfg: &JudgeConfig,
    ra: ClaimRef,
    rb: ClaimRef,
) -> Option<Found> {
    let (a, b) = (corpus.side(ra), corpus.side(rb));
    let verdict = match judge::quantity(&corpus.index, &a, &b, &corpus.links) {
        QuantityVerdict::Clash(v) => Some(*v),
        QuantityVerdict::Compatible => None,
        QuantityVerdict::Incomparable => judge::superlative(&corpus.index, &a, &b)
            .or_else(|| judge::stance(&corpus.index, cfg, &a, &b))
            .or_else(|| judge::opposed(&corpus.index, cfg, &a, &b)),
    }?;
    Some(Found {
        verdict,
        a: ra,
        b: rb,
    })
}
