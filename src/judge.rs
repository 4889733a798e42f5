//! Judgement: is a candidate pair of claims a contradiction, and why.
//!
//! Stance: the two claims share their proposition (weighted by concept
//! rarity) and their polarities clash. Quantity: two figures measure the
//! same thing and their intervals are disjoint, or one side denies a figure
//! the other asserts. The same actor contradicts itself only across dates.
//! Judgement is symmetric: `judge(a, b)` and `judge(b, a)` agree.

use serde::{Deserialize, Serialize};

use crate::actor::ActorKind;
use crate::corpus::{Concepts, NameLinks, PMeasure, PTerm, Packed, Side};
use crate::index::Index;
use crate::knowledge::{on, Link, Switch};
use crate::quantity::{Figure, Interval, Marks, Qualifier};
use crate::stance::{CueKind, Field, Modality, Polarity};

/// What kind of contradiction a pair is.
///
/// # Examples
/// ```
/// use gainsay::{Detector, Statement};
/// let st = [
///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
/// ];
/// let report = Detector::new().detect(&st).unwrap();
/// assert_eq!(report.contradictions[0].kind, gainsay::ContradictionKind::Stance);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// Opposite stances on one proposition.
    Stance,
    /// Figures of one measure that cannot both be true.
    Quantity,
}

impl Kind {
    /// The name the JSON report gives it.
    ///
    /// ```
    /// assert_eq!(gainsay::ContradictionKind::Quantity.to_string(), "quantity");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Kind::Stance => "stance",
            Kind::Quantity => "quantity",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Tunable thresholds of the judge (set through [`crate::DetectorBuilder`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct JudgeConfig {
    /// Pairs scoring below this are not reported (0..1).
    pub min_score: f64,
    /// Fewest shared concepts for a stance clash between claims that both
    /// hold more than two concepts.
    pub min_shared: usize,
}

/// Pairs scoring below this are not reported by default: under it, most
/// pairs share a topic word or two and no proposition.
const MIN_SCORE: f64 = 0.30;
/// Two claims that both hold more than two concepts clash on stance only
/// when they share at least this many: one shared word is a topic.
const MIN_SHARED: usize = 2;
/// A claim holding more than this many concepts is long enough for
/// [`MIN_SHARED`] to apply: a short one may share its one telling word.
const LONG_CLAIM: usize = 2;

impl Default for JudgeConfig {
    fn default() -> JudgeConfig {
        JudgeConfig {
            min_score: MIN_SCORE,
            min_shared: MIN_SHARED,
        }
    }
}

/// The time scope of a single event ("the first operation").
const EVENT: &str = "event";

/// A figure's topic word weighs at least this share of an average concept.
const TOPIC_IDF_FLOOR: f64 = 0.5;

/// Claims are weighed as if they held at least this many average concepts.
const MIN_CLAIM_TERMS: f64 = 2.5;

/// The judge's verdict on a pair of claims.
#[derive(Debug, Clone)]
pub(crate) struct Verdict {
    pub kind: Kind,
    pub score: f64,
    /// Shared concepts, most telling first.
    pub shared: Vec<u32>,
    /// For quantity verdicts, the clashing figure of each side.
    pub figures: Option<Box<(Figure, Figure)>>,
    /// For a superlative clash: which side holds the superlative (true for
    /// the first), and the other side's subject figure and larger figure.
    pub superlative: Option<Box<(bool, Figure, Figure)>>,
    /// Related concepts counted as shared ([`related_terms`]): the
    /// negative side's concept, the positive side's, and the relation.
    pub links: Vec<(u32, u32, Link)>,
}

/// True when the two sides may contradict each other at all: different
/// actors, or the same actor on two different dates.
pub(crate) fn may_clash(a: &Side<'_>, b: &Side<'_>) -> bool {
    if a.actor != b.actor {
        return true;
    }
    matches!((a.date(), b.date()), (Some(x), Some(y)) if x != y)
}

/// The concepts of a claim, for membership tests: a claim holds a handful,
/// scanned in place; a hostile one thousands, sorted once so that the
/// binary search keeps a pair linear-logarithmic.
enum KeySet<'a> {
    Few(&'a [PTerm]),
    Many(Vec<u32>),
}

/// Up to this many concepts, a linear scan beats sorting.
const FEW_KEYS: usize = 24;

impl<'a> KeySet<'a> {
    fn new(terms: &'a [PTerm]) -> KeySet<'a> {
        if terms.len() <= FEW_KEYS {
            return KeySet::Few(terms);
        }
        let mut keys: Vec<u32> = terms.iter().map(|t| t.key).collect();
        keys.sort_unstable();
        KeySet::Many(keys)
    }

    fn contains(&self, k: u32) -> bool {
        match self {
            KeySet::Few(terms) => terms.iter().any(|t| t.key == k),
            KeySet::Many(keys) => keys.binary_search(&k).is_ok(),
        }
    }
}

/// How firmly a claim takes its stance, by polarity: an explicit cue
/// ("ruled out", "ok with") is a stance itself; a plain negation is nearly
/// one; a plain affirmative is the weakest, since it may only mention what
/// it does not argue for.
const EXPLICIT_CUE: f64 = 1.0;
/// See [`EXPLICIT_CUE`]: "we will not build it".
const PLAIN_DENIAL: f64 = 0.9;
/// See [`EXPLICIT_CUE`]: "we will build it".
const PLAIN_ASSERTION: f64 = 0.8;
/// By modality: stated as fact or intention counts in full.
const ASSERTED: f64 = 1.0;
/// "We would build it": a stance on a case, slightly weaker.
const HYPOTHETICAL: f64 = 0.9;
/// "If they ask, we will build it": holds only under its condition.
const CONDITIONAL: f64 = 0.7;
/// A question takes no stance: it never clashes.
const QUESTION: f64 = 0.0;
/// A hedged claim ("we might", "probably") is softened by this factor.
const HEDGED: f64 = 0.8;

/// How firmly claim `c` takes its stance (0..1): polarity × modality ×
/// hedge, from the named weights above.
fn strength(c: &Packed<'_>) -> f64 {
    let cue = match c.polarity {
        Polarity::Supports | Polarity::Rejects => EXPLICIT_CUE,
        Polarity::Denies => PLAIN_DENIAL,
        Polarity::Asserts => PLAIN_ASSERTION,
    };
    let modality = match c.modality {
        Modality::Asserted => ASSERTED,
        Modality::Hypothetical => HYPOTHETICAL,
        Modality::Conditional => CONDITIONAL,
        Modality::Question => QUESTION,
    };
    let hedge = if c.is_hedged() { HEDGED } else { 1.0 };
    cue * modality * hedge
}

/// The overlap of two claims: the mean of how much of the larger (or
/// rejected) one the shared weight covers and how much of the smaller.
const COVER_SHARE: f64 = 0.5;

fn weight<'t>(idx: &Index, terms: impl IntoIterator<Item = &'t PTerm>) -> f64 {
    terms.into_iter().map(|t| idx.idf(t.key)).sum()
}

/// `on_antecedent`: the weight a claim's proposition is measured by. A
/// claim that borrowed its antecedent from the context ("These two lines
/// were never in the draft", after "Pointing to the budget line on ferry
/// fares") is about the antecedent: its own pointing words ("lines",
/// "draft") do not dilute how much of it the other side states. Any
/// other claim weighs all its terms.
fn claim_weight(idx: &Index, c: &Packed<'_>) -> f64 {
    let borrowed = c.terms.iter().filter(|t| t.field == Field::Context);
    let mixed = c.terms.iter().any(|t| t.field == Field::Text);
    if mixed && on(Switch::OnAntecedent) {
        let w = weight(idx, borrowed);
        if w > 0.0 {
            return w;
        }
    }
    weight(idx, c.terms.iter())
}

/// Polarity hits the shared predicate: a claim negative only through an
/// antonym ("the dam is unsafe") clashes with a claim on the antonym's
/// positive ("the dam is safe"), not with every claim that shares its
/// subject ("the dam was built in May").
fn antonym_hits_shared(
    concepts: &Concepts,
    neg: &Packed<'_>,
    pos: &Packed<'_>,
    pos_keys: &KeySet<'_>,
) -> bool {
    let only_antonyms = !neg.cues.is_empty() && neg.cues.iter().all(|c| c.kind == CueKind::Antonym);
    if !only_antonyms {
        return true;
    }
    neg.cues.iter().any(|c| {
        neg.terms.iter().any(|t| {
            t.field == c.field
                && t.span == c.span
                && (pos_keys.contains(t.key)
                    || pos
                        .terms
                        .iter()
                        .any(|p| concepts.link(t.key, p.key).is_some()))
        })
    })
}

/// Related terms: a concept of the negative claim that the positive claim
/// lacks still counts as shared, at its link's weight, when the positive
/// claim holds a related one ([`Link`]): "the county did not repair the
/// coastal road" meets "the county repaired the coastal highway" through
/// road ~ highway.
/// Each positive concept serves one negative concept, the best linked
/// first; antonyms and sister terms are never linked, so relatedness never
/// decides polarity. Returns (negative term, positive term, link).
fn related_terms<'t>(
    concepts: &Concepts,
    neg: &'t [PTerm],
    pos: &'t [PTerm],
    neg_keys: &KeySet<'_>,
    pos_keys: &KeySet<'_>,
) -> Vec<(&'t PTerm, &'t PTerm, Link)> {
    let free_pos: Vec<&PTerm> = pos.iter().filter(|t| !neg_keys.contains(t.key)).collect();
    let mut taken = vec![false; free_pos.len()];
    let mut out = Vec::new();
    for n in neg.iter().filter(|t| !pos_keys.contains(t.key)) {
        let best = free_pos
            .iter()
            .enumerate()
            .filter(|(i, _)| !taken[*i])
            .filter_map(|(i, p)| Some((i, concepts.link(n.key, p.key)?)))
            .max_by(|x, y| x.1.weight().total_cmp(&y.1.weight()).then(y.0.cmp(&x.0)));
        if let Some((i, link)) = best {
            taken[i] = true;
            out.push((n, free_pos[i], link));
        }
    }
    out
}

/// Judges a stance clash between two claims.
pub(crate) fn stance(
    idx: &Index,
    cfg: &JudgeConfig,
    a: &Side<'_>,
    b: &Side<'_>,
) -> Option<Verdict> {
    let (neg, pos) = opposed_stances(a, b)?;
    let pos_keys = KeySet::new(pos.terms);
    if !proposition_may_clash(idx, &neg, &pos, &pos_keys) {
        return None;
    }
    let mut shared: Vec<&PTerm> = neg
        .terms
        .iter()
        .filter(|t| pos_keys.contains(t.key))
        .collect();
    if shared.is_empty() {
        return None;
    }
    let ws_exact = weight(idx, shared.iter().copied());
    let overlap = Overlap::of(idx, &neg, &pos);
    // Related terms are sought only when they could lift the pair over
    // the bound: with every unshared concept linked at full weight.
    let links = if overlap.score(overlap.wn, 0.0) >= cfg.min_score {
        related_terms(
            idx.concepts(),
            neg.terms,
            pos.terms,
            &KeySet::new(neg.terms),
            &pos_keys,
        )
    } else {
        Vec::new()
    };
    let ws = ws_exact
        + links
            .iter()
            .map(|(n, p, l)| idx.idf(n.key).min(idx.idf(p.key)) * l.weight())
            .sum::<f64>();
    shared.extend(links.iter().map(|(n, _, _)| *n));
    if !touches_negation_scope(&neg, &shared) {
        return None;
    }
    let both_long = neg.terms.len() > LONG_CLAIM && pos.terms.len() > LONG_CLAIM;
    if both_long && shared.len() < cfg.min_shared {
        return None;
    }
    // The floor only lowers the score (every step is monotonic, rounding
    // included): a pair below the bound without it is below it with it,
    // and needs no mean idf, the one figure of the whole corpus here.
    if overlap.score(ws, 0.0) < cfg.min_score {
        return None;
    }
    let score = overlap.score(ws, MIN_CLAIM_TERMS * idx.mean_idf());
    if score < cfg.min_score {
        return None;
    }
    rarest_first(idx, &mut shared);
    let mut keys: Vec<u32> = shared.iter().map(|t| t.key).collect();
    keys.extend(links.iter().map(|(_, p, _)| p.key));
    Some(Verdict {
        kind: Kind::Stance,
        score,
        shared: keys,
        figures: None,
        superlative: None,
        links: links.iter().map(|(n, p, l)| (n.key, p.key, *l)).collect(),
    })
}

/// The negative and the positive claim of a pair that may clash on stance:
/// opposite polarities, neither a question, and `may_clash`. Two rules
/// keep a pair apart: "not yet X" is not contradicted by X said later, and
/// "no clear evidence of X" does not clash with "X is possible".
fn opposed_stances<'a>(a: &Side<'a>, b: &Side<'a>) -> Option<(Packed<'a>, Packed<'a>)> {
    if a.claim.polarity.is_positive() == b.claim.polarity.is_positive() {
        return None;
    }
    if a.claim.modality == Modality::Question || b.claim.modality == Modality::Question {
        return None;
    }
    if !may_clash(a, b) {
        return None;
    }
    let (neg_side, pos_side) = if a.claim.polarity.is_positive() {
        (b, a)
    } else {
        (a, b)
    };
    let (neg, pos) = (neg_side.claim, pos_side.claim);
    if neg.not_yet && matches!((neg_side.date(), pos_side.date()), (Some(n), Some(p)) if p > n) {
        return None;
    }
    if neg.evidential && pos.is_hedged() {
        return None;
    }
    // Rule `negated_report`: "the memo made no mention of a leak" denies
    // that a leak was reported, which "the tank leaked" does not say; "the
    // memo told the port of a leak" does.
    if neg.denied_report && !pos.reports {
        return None;
    }
    if opposition_to_a_report(neg_side, pos_side) {
        return None;
    }
    Some((neg, pos))
}

/// Rule `opposition_to_a_report`: opposing something is an attitude, not
/// a denial that it is so: "fishing groups opposed the new pier" and "the
/// port said work on the new pier began in May" do not clash. An
/// opposition clashes with a support ("the mayor backs the pier"), with
/// a negation or another rejection beside it ("opposed the pier, which
/// will not be built"), and with the same speaker's own report ("we will
/// build the pier").
fn opposition_to_a_report(neg: &Side<'_>, pos: &Side<'_>) -> bool {
    let attitude_only = !neg.claim.cues.is_empty()
        && neg
            .claim
            .cues
            .iter()
            .all(|c| c.kind == CueKind::Reject && c.attitude);
    on(Switch::OppositionToReport)
        && attitude_only
        && pos.claim.polarity == Polarity::Asserts
        && neg.actor != pos.actor
}

/// The negative claim's polarity can fall on what the positive one says:
/// an antonym cue hits a shared concept (`antonym_hits_shared`), and a
/// rejection of a narrowed proposition ("no sustained spread") meets only
/// a claim that has the narrowing.
fn proposition_may_clash(
    idx: &Index,
    neg: &Packed<'_>,
    pos: &Packed<'_>,
    pos_keys: &KeySet<'_>,
) -> bool {
    antonym_hits_shared(idx.concepts(), neg, pos, pos_keys)
        && neg.restrictors.iter().all(|&r| pos_keys.contains(r))
}

/// A plain negation denies what follows it: a clash must touch that (a
/// shared term after the negation, or in the context).
fn touches_negation_scope(neg: &Packed<'_>, shared: &[&PTerm]) -> bool {
    neg.scope.is_none_or(|scope| {
        shared
            .iter()
            .any(|t| t.field != Field::Text || t.span.start >= scope)
    })
}

/// How two opposed claims overlap: their weights and how firmly each takes
/// its stance ([`strength`]).
struct Overlap {
    wn: f64,
    wp: f64,
    neg_strength: f64,
    pos_strength: f64,
}

impl Overlap {
    fn of(idx: &Index, neg: &Packed<'_>, pos: &Packed<'_>) -> Overlap {
        Overlap {
            wn: claim_weight(idx, neg),
            wp: claim_weight(idx, pos),
            neg_strength: strength(neg),
            pos_strength: strength(pos),
        }
    }

    /// The stance score of shared weight `ws`: how much of the rejected
    /// proposition the other side states and how much of the shorter claim
    /// is shared, times both strengths. A floor on the denominators keeps
    /// a one-word claim ("an invasion") from matching every claim that
    /// holds its word.
    fn score(&self, ws: f64, floor: f64) -> f64 {
        let cover = ws / self.wn.max(floor);
        let smaller = ws / self.wn.min(self.wp).max(floor);
        let overlap = COVER_SHARE * cover + (1.0 - COVER_SHARE) * smaller;
        (overlap * self.neg_strength * self.pos_strength).clamp(0.0, 1.0)
    }
}

/// Shared terms, most telling (rarest) first, ties by name: the order a
/// verdict's `shared` keeps.
fn rarest_first(idx: &Index, shared: &mut [&PTerm]) {
    shared.sort_by(|x, y| {
        idx.idf(y.key)
            .total_cmp(&idx.idf(x.key))
            .then_with(|| idx.name(x.key).cmp(idx.name(y.key)))
    });
}

/// An opposed predicate counts at this share of a plain negation: two
/// positive claims say less plainly that they disagree.
const OPPOSED_WEIGHT: f64 = 0.9;

/// A figure clash scores at least this: two figures of one measure whose
/// intervals do not meet are a contradiction however close they are.
const FIGURE_BASE: f64 = 0.55;
/// Up to this much more as the intervals lie further apart (relative
/// separation 0..1): "80,000" against "hundreds of thousands" is surer
/// than 80 against 95.
const FIGURE_SEPARATION: f64 = 0.25;
/// Per unit of shared topic weight (idf), a figure or mark clash gains
/// this much, up to [`TOPIC_BONUS_CAP`] units: figures that share more of
/// what they are about are surer to measure one thing.
const TOPIC_BONUS: f64 = 0.05;
/// See [`TOPIC_BONUS`].
const TOPIC_BONUS_CAP: f64 = 4.0;
/// "The largest in the country" against a larger one named: a clash of a
/// superlative, as sure as an explicit stance clash of average overlap.
const SUPERLATIVE_SCORE: f64 = 0.7;

/// Opposed predicates: two positive claims clash when a word of one is a
/// WordNet antonym of a word of the other (directly, or through "similar
/// to") and they share at least one other concept, what the predicates
/// are said of: "the new levy is lawful" against "the new levy is
/// unlawful", "the damage to the harbour was modest" against "a massive
/// damage to the harbour". Scored as [`stance`] is, the antonyms counting
/// as shared.
pub(crate) fn opposed(
    idx: &Index,
    cfg: &JudgeConfig,
    a: &Side<'_>,
    b: &Side<'_>,
) -> Option<Verdict> {
    let (ca, cb) = (&a.claim, &b.claim);
    if !ca.polarity.is_positive() || !cb.polarity.is_positive() {
        return None;
    }
    if ca.modality == Modality::Question || cb.modality == Modality::Question {
        return None;
    }
    if !may_clash(a, b) {
        return None;
    }
    let concepts = idx.concepts();
    // Of several antonym pairs, the first by name: the same pair whichever
    // side comes first, in any input order.
    let named = |x: &PTerm, y: &PTerm| {
        let (p, q) = (idx.name(x.key), idx.name(y.key));
        if p <= q {
            (p, q)
        } else {
            (q, p)
        }
    };
    let (x, y) = ca
        .terms
        .iter()
        .flat_map(|x| cb.terms.iter().map(move |y| (x, y)))
        .filter(|(x, y)| concepts.opposes(x.key, y.key))
        .min_by(|(x, y), (p, q)| named(x, y).cmp(&named(p, q)))?;
    let b_keys = KeySet::new(cb.terms);
    let mut shared: Vec<&PTerm> = ca
        .terms
        .iter()
        .filter(|t| t.key != x.key && t.key != y.key && b_keys.contains(t.key))
        .collect();
    if shared.is_empty() {
        return None;
    }
    let ws = weight(idx, shared.iter().copied()) + idx.idf(x.key).min(idx.idf(y.key));
    let (wa, wb) = (weight(idx, ca.terms.iter()), weight(idx, cb.terms.iter()));
    let floor = MIN_CLAIM_TERMS * idx.mean_idf();
    let cover = ws / wa.max(wb).max(floor);
    let smaller = ws / wa.min(wb).max(floor);
    let overlap = COVER_SHARE * cover + (1.0 - COVER_SHARE) * smaller;
    let score = (overlap * strength(ca) * strength(cb) * OPPOSED_WEIGHT).clamp(0.0, 1.0);
    if score < cfg.min_score {
        return None;
    }
    rarest_first(idx, &mut shared);
    let mut keys = vec![x.key, y.key];
    keys.extend(shared.iter().map(|t| t.key));
    Some(Verdict {
        kind: Kind::Stance,
        score,
        shared: keys,
        figures: None,
        superlative: None,
        links: vec![(x.key, y.key, Link::Antonym)],
    })
}

/// What the quantity judge says of two claims.
#[derive(Debug, Clone)]
pub(crate) enum QuantityVerdict {
    /// Their figures clash.
    Clash(Box<Verdict>),
    /// They state comparable figures that agree: the figures, not the
    /// words around them, decide ("3000 did not die" / "some 40 died").
    Compatible,
    /// No comparable figures.
    Incomparable,
}

/// Judges a quantity clash between the figures of two claims: figures of
/// comparable units that count the same thing (a shared head), are both sums
/// or both single counts, both levels or both changes ("by 40 basis points"),
/// and share a topic around them (unless one actor speaks on both sides).
/// Every figure pair is compared ([`QuantityPair::compare`]); the surest
/// clash not explained by a comparing claim's other subject wins.
pub(crate) fn quantity(
    idx: &Index,
    a: &Side<'_>,
    b: &Side<'_>,
    links: &NameLinks,
) -> QuantityVerdict {
    if !may_clash(a, b)
        || a.claim.modality == Modality::Question
        || b.claim.modality == Modality::Question
    {
        return QuantityVerdict::Incomparable;
    }
    if a.claim.marks.any() && b.claim.marks.any() {
        if let Some(v) = marked_clash(idx, a, b) {
            return QuantityVerdict::Clash(Box::new(v));
        }
    }
    if a.claim.figures.is_empty() || b.claim.figures.is_empty() {
        return QuantityVerdict::Incomparable;
    }
    let pair = QuantityPair::new(idx, a, b, links);
    let mut found = Comparison::default();
    for (ia, x) in figures_of(a).enumerate() {
        for (ib, y) in figures_of(b).enumerate() {
            pair.compare(&mut found, (ia, x), (ib, y));
        }
    }
    found.verdict(a, b)
}

/// The figures of a side's claim, each with its measure.
fn figures_of<'c>(s: &'c Side<'_>) -> impl Iterator<Item = (&'c Figure, &'c PMeasure)> {
    s.claim.figures.iter().zip(s.claim.measures.iter())
}

/// A figure of one side with its measure, and its index in its claim.
type Fig<'c> = (usize, (&'c Figure, &'c PMeasure));

/// The two sides of a quantity judgement and what holds for every pair of
/// their figures.
struct QuantityPair<'s, 'a> {
    idx: &'s Index,
    a: &'s Side<'a>,
    b: &'s Side<'a>,
    links: &'s NameLinks,
    /// Each side's claim is negative.
    neg_a: bool,
    neg_b: bool,
    /// Rule `incidental_duration`: ages and durations ("children under 5
    /// years", "for 3 months") are incidental beside a claim's other
    /// figures: they neither clash nor make the pair compatible. Only two
    /// claims of durations alone compare them.
    incidental: bool,
}

/// What comparing every figure pair of two claims found.
#[derive(Default)]
struct Comparison {
    /// Some pair measured one thing ([`QuantityVerdict::Compatible`]).
    compared: bool,
    /// Figures of each side that agree with a figure of the other on one
    /// measure (by index): a comparing claim's other subject
    /// ([`compared_subject`]).
    agree_a: Vec<usize>,
    agree_b: Vec<usize>,
    /// The clashing pairs, by index, with their verdicts.
    clashes: Vec<(usize, usize, Verdict)>,
}

impl<'s, 'a> QuantityPair<'s, 'a> {
    /// The pair of sides `a` and `b`, judged against the index `idx` and
    /// the corpus's name links.
    fn new(
        idx: &'s Index,
        a: &'s Side<'a>,
        b: &'s Side<'a>,
        links: &'s NameLinks,
    ) -> QuantityPair<'s, 'a> {
        let durations_only = |c: &Packed<'_>| c.figures.iter().all(Figure::duration);
        QuantityPair {
            idx,
            a,
            b,
            links,
            neg_a: !a.claim.polarity.is_positive(),
            neg_b: !b.claim.polarity.is_positive(),
            incidental: !(durations_only(&a.claim) && durations_only(&b.claim)),
        }
    }

    /// Compares figure `x` of side a with figure `y` of side b: they must
    /// measure one thing ([`QuantityPair::measures_apart`], a shared head
    /// naming one variable) about one topic; then they clash when their
    /// intervals are disjoint, or when one side denies a figure the other
    /// asserts.
    fn compare(&self, out: &mut Comparison, x: Fig<'_>, y: Fig<'_>) {
        let (ia, (fa, ma)) = x;
        let (ib, (fb, mb)) = y;
        if self.measures_apart(fa, ma, fb, mb) {
            return;
        }
        let Some(disjoint) = fa.disjoint_from(fb) else {
            return;
        };
        let head: Vec<u32> = ma
            .head
            .iter()
            .copied()
            .filter(|k| mb.head.contains(k))
            .collect();
        if head.is_empty() || !same_variable(fa, ma, mb, &head) {
            return;
        }
        // One measure, values in common, asserted by both: the figure
        // of a comparing claim may be about the other side's subject.
        if !disjoint && !self.neg_a && !self.neg_b {
            out.agree_a.push(ia);
            out.agree_b.push(ib);
        }
        let topic = self.shared_topic(ma, mb);
        // Beyond what is counted, the figures must share a topic, unless
        // one actor speaks on both sides.
        if topic.is_empty()
            && self.a.actor != self.b.actor
            && !shares_variable(fa)
            && !named_variable(ma, mb, &head)
        {
            return;
        }
        out.compared = true;
        if !self.clashes(fa, fb, disjoint) {
            return;
        }
        let topic_w: f64 = topic.iter().map(|&k| self.idx.idf(k)).sum();
        let score = figure_score(fa, fb, topic_w);
        let mut shared = head;
        shared.extend(topic);
        out.clashes.push((
            ia,
            ib,
            Verdict {
                kind: Kind::Quantity,
                score,
                shared,
                figures: Some(Box::new((fa.clone(), fb.clone()))),
                superlative: None,
                links: Vec::new(),
            },
        ));
    }

    /// True when the two figures cannot measure one thing, by the first of
    /// the rules below that applies.
    fn measures_apart(&self, fa: &Figure, ma: &PMeasure, fb: &Figure, mb: &PMeasure) -> bool {
        self.incidental && (fa.duration() || fb.duration())
            || change_start(fa, fb)
            || level_vs_change(fa, fb)
            || sum_or_reference(ma, mb)
            || scopes_differ(ma, mb)
            || self.states_on_two_dates(ma, mb)
            || self.unrelated_names(ma, mb)
            || self.own_figures(ma, mb)
    }

    /// Rule `own_figures`: two organizations that each give a figure about
    /// themselves speak of different things: "Acme said it would cut 900
    /// jobs" and "Borvik said 600 jobs would go at its plant". A figure
    /// said of one organization by another ("Acme will cut 600 jobs") still
    /// compares, and so do persons' figures ("our estimate is 500 tons").
    fn own_figures(&self, ma: &PMeasure, mb: &PMeasure) -> bool {
        let own = |side: &Side<'_>, m: &PMeasure| {
            m.speaker.org_self && side.kind == ActorKind::Organization
        };
        on(Switch::OwnFigures) && self.a.actor != self.b.actor && own(self.a, ma) && own(self.b, mb)
    }

    /// Rule `states_on_two_dates`: two present states said on different
    /// dates may both hold ("the depot has 300 tons" in spring and "has
    /// 500 tons" in autumn).
    fn states_on_two_dates(&self, ma: &PMeasure, mb: &PMeasure) -> bool {
        ma.state
            && mb.state
            && matches!((self.a.date(), self.b.date()), (Some(x), Some(y)) if x != y)
    }

    /// Rule `unrelated_names`: figures beside proper names that no record
    /// mentions together ("in the north valley" / "in the south port", each
    /// named) are about different things.
    fn unrelated_names(&self, ma: &PMeasure, mb: &PMeasure) -> bool {
        !ma.names.is_empty() && !mb.names.is_empty() && !self.links.related(&ma.names, &mb.names)
    }

    /// The topic concepts two figures share beyond what they count. A topic
    /// word must say something: [`TOPIC_IDF_FLOOR`] of an average concept's
    /// weight at least ("region" in every report does not count); the mean
    /// idf is read only when there is a word to weigh.
    fn shared_topic(&self, ma: &PMeasure, mb: &PMeasure) -> Vec<u32> {
        let mut topic: Vec<u32> = ma
            .local
            .iter()
            .copied()
            .filter(|k| mb.local.contains(k) && !ma.head.contains(k) && !mb.head.contains(k))
            .collect();
        if !topic.is_empty() {
            let floor = TOPIC_IDF_FLOOR * self.idx.mean_idf();
            topic.retain(|&k| self.idx.idf(k) >= floor);
        }
        topic
    }

    /// Rule `denied_figure`: two figures of one measure clash when their
    /// intervals are disjoint ("40 died" / "90 died"), or, when one side
    /// denies its figure ([`denies_figure`]), when they meet ("40 died" /
    /// "it is false that 40 died"). Two denials never clash.
    fn clashes(&self, fa: &Figure, fb: &Figure, disjoint: bool) -> bool {
        let deny_a = self.neg_a && denies_figure(self.a, fa);
        let deny_b = self.neg_b && denies_figure(self.b, fb);
        if deny_a && deny_b {
            return false;
        }
        if deny_a || deny_b {
            !disjoint
        } else {
            disjoint
        }
    }
}

impl Comparison {
    /// The surest clash that rule [`compared_subject`] leaves, else whether
    /// any pair was compared.
    fn verdict(self, a: &Side<'_>, b: &Side<'_>) -> QuantityVerdict {
        let mut best: Option<Verdict> = None;
        for (ia, ib, v) in self.clashes {
            if compared_subject(a, ib, &self.agree_b) || compared_subject(b, ia, &self.agree_a) {
                continue;
            }
            if best.as_ref().is_none_or(|w| v.score > w.score) {
                best = Some(v);
            }
        }
        match best {
            Some(v) => QuantityVerdict::Clash(Box::new(v)),
            None if self.compared => QuantityVerdict::Compatible,
            None => QuantityVerdict::Incomparable,
        }
    }
}

/// Rule `change_start`: the old value of a change ("up from 52") is
/// compared with nothing; the new value and the change are.
fn change_start(fa: &Figure, fb: &Figure) -> bool {
    fa.qualifier == Qualifier::From || fb.qualifier == Qualifier::From
}

/// Rule `level_vs_change`: the size of a change ("cut by 15 points")
/// compares only with another change, never with a level ("at 15%").
fn level_vs_change(fa: &Figure, fb: &Figure) -> bool {
    (fa.qualifier == Qualifier::By) != (fb.qualifier == Qualifier::By)
}

/// Rule `sum_or_reference`: a sum over several events ("300 in all")
/// against a single count, or a small figure that refers ("the two
/// towns"), compares with nothing.
fn sum_or_reference(ma: &PMeasure, mb: &PMeasure) -> bool {
    ma.aggregate != mb.aggregate || ma.reference || mb.reference
}

/// Rule `scopes_differ`: counts over two stated spans of time ("40 a
/// day" / "300 a week"), or a single event against any other span, do not
/// compare.
fn scopes_differ(ma: &PMeasure, mb: &PMeasure) -> bool {
    ma.scope != mb.scope
        && (ma.scope.is_some() && mb.scope.is_some()
            || ma.scope.as_deref() == Some(EVENT)
            || mb.scope.as_deref() == Some(EVENT))
}

/// The score of a figure clash: [`FIGURE_BASE`], more as the intervals lie
/// further apart, more with the weight of the topic they share (`topic_w`).
fn figure_score(fa: &Figure, fb: &Figure, topic_w: f64) -> f64 {
    let sep = separation(&fa.comparable_interval(), &fb.comparable_interval());
    (FIGURE_BASE + FIGURE_SEPARATION * sep + TOPIC_BONUS * topic_w.min(TOPIC_BONUS_CAP)).min(1.0)
}

/// Two marked claims must share at least this many topic concepts to be
/// about one measured variable ("lead" and "water" of one town).
const MARK_SHARED: usize = 2;

/// Rule `steady_vs_change`: a level said to hold steady against a change of
/// it ("bus fares have stayed roughly steady" / "bus fares rose from 2
/// to 3 dollars", "fares doubled"). Rule `limit_vs_reading`: a reading
/// said to be within a limit against one over it ("nitrate in the wells
/// is within the allowed limit" / "the wells hold 30 ppm of nitrate, above
/// the 10 ppm standard"). Both need the two claims to share
/// [`MARK_SHARED`] telling concepts; the changing side and both limit
/// sides assert (a negation is read into the mark itself: "has not
/// increased" is steady, "did not exceed the limit" is under it).
fn marked_clash(idx: &Index, a: &Side<'_>, b: &Side<'_>) -> Option<Verdict> {
    let (ma, mb) = (a.claim.marks, b.claim.marks);
    let steady_change =
        |s: Marks, c: Marks, cp: bool| s.steady() && !s.change() && c.change() && !c.steady() && cp;
    let (pa, pb) = (
        a.claim.polarity.is_positive(),
        b.claim.polarity.is_positive(),
    );
    let rule = steady_change(ma, mb, pb)
        || steady_change(mb, ma, pa)
        || (pa
            && pb
            && (ma.under_limit() && !ma.over_limit() && mb.over_limit() && !mb.under_limit()
                || mb.under_limit() && !mb.over_limit() && ma.over_limit() && !ma.under_limit()));
    if !rule {
        return None;
    }
    let keys = KeySet::new(b.claim.terms);
    let floor = TOPIC_IDF_FLOOR * idx.mean_idf();
    let mut shared: Vec<u32> = Vec::new();
    for t in a.claim.terms {
        if keys.contains(t.key) && !shared.contains(&t.key) && idx.idf(t.key) >= floor {
            shared.push(t.key);
        }
    }
    if shared.len() < MARK_SHARED {
        return None;
    }
    let w: f64 = shared.iter().map(|&k| idx.idf(k)).sum();
    Some(Verdict {
        kind: Kind::Quantity,
        score: (MARK_SCORE + TOPIC_BONUS * w.min(TOPIC_BONUS_CAP)).min(1.0),
        shared,
        figures: None,
        superlative: None,
        links: Vec::new(),
    })
}

/// The base score of a clash of marks: below two disjoint figures' 0.55
/// plus separation, as no interval is compared.
const MARK_SCORE: f64 = 0.5;

/// A negation this many bytes after a figure still bears on it ("3000
/// sheep did not drown": about six words).
const DENIAL_REACH: usize = 40;

/// True when a negative claim denies figure `f` itself: a negation or a
/// rejecting cue stands before the figure in the text, or just after it
/// ("1200 sheep did not drown", "we do not think it was 6,000 to
/// 8,000"). An antonym ("incorrect CO2 figures") negates a predicate,
/// not the figure; a cue far after it ("40,000 fans came, most without
/// tickets") denies something else, and a rejecting word after it
/// ("2,000 fake tickets") qualifies what is counted.
/// "Without" negates its object ("people without tickets"), never a figure.
fn denies_figure(side: &Side<'_>, f: &Figure) -> bool {
    side.claim.cues.iter().any(|cue| {
        cue.kind != CueKind::Antonym
            && cue.kind != CueKind::Support
            && cue.field == Field::Text
            && !cue.preposition
            && (cue.span.end <= f.span.start
                || cue.kind == CueKind::Negation
                    && cue.span.start >= f.span.end
                    && cue.span.start - f.span.end <= DENIAL_REACH)
    })
}

/// A variable read from the words before a figure is one variable with
/// another only when they share at least this share of the shorter one's
/// concepts ("the jobless rate" and "the state's jobless rate", not "the
/// federal funds rate" and "the key interest rates").
const SUBJECT_OVERLAP: f64 = 0.5;

/// True when two figures' heads (`shared` the concepts both hold) name one
/// variable: always for counted nouns; for a variable read from the words
/// before a figure, a rate in one unit of measurement ("barrels a day",
/// "gallons per day") or [`SUBJECT_OVERLAP`] of the shorter head.
fn same_variable(f: &Figure, ma: &PMeasure, mb: &PMeasure, shared: &[u32]) -> bool {
    if !ma.subject && !mb.subject || f.physical_rate() {
        return true;
    }
    let shorter = ma.head.len().min(mb.head.len()).max(1);
    shared.len() as f64 >= SUBJECT_OVERLAP * shorter as f64
}

/// True when what two comparable figures measure is itself specific enough
/// that no further topic word is needed: a rate in a unit of measurement
/// ("900 barrels a day" against "40,000 gallons per day").
fn shares_variable(f: &Figure) -> bool {
    f.physical_rate()
}

/// Rule `compared_subject`: a claim that sets two figures of one measure
/// against each other ("Tarn drew 500 visitors, compared with 300 in
/// Oster") speaks of two subjects; a figure of the other side (`other`, by
/// index) that agrees with one of them (`agreeing`: the other side's
/// figures that agree with some figure of `side`) is about that subject,
/// and its clash with the other subject's figure is no contradiction
/// ("Oster drew 300 visitors").
fn compared_subject(side: &Side<'_>, other: usize, agreeing: &[usize]) -> bool {
    side.claim.compares && agreeing.contains(&other)
}

/// Rule `named_variable`: two figures predicated of one variable named in
/// several words ("the jobless rate in Tarn is 4%" / "the jobless rate in
/// Tarn is 9%") need no further topic word: the shared words of the
/// variable are the topic. At least this many shared concepts.
const NAMED_VARIABLE_WORDS: usize = 2;

/// See [`NAMED_VARIABLE_WORDS`]: both heads are variables read before the
/// figures and share that many concepts.
fn named_variable(ma: &PMeasure, mb: &PMeasure, shared: &[u32]) -> bool {
    ma.subject && mb.subject && shared.len() >= NAMED_VARIABLE_WORDS
}

/// A superlative's finding: the subject figure, the larger one, the
/// superlative's noun, and the related noun the figure counts, if not the same.
type SuperlativeFound = (Figure, Figure, u32, Option<(u32, Link)>);

/// Judges "the largest X ever" against a claim whose figures show a larger
/// X: the claim sets its first figure (its subject) against others ("30
/// million, compared with 37 million for …") and one of them is larger.
pub(crate) fn superlative(idx: &Index, a: &Side<'_>, b: &Side<'_>) -> Option<Verdict> {
    let concepts = idx.concepts();
    let one_way = |sup: &Side<'_>, fig: &Side<'_>| -> Option<SuperlativeFound> {
        let (_, head) = sup.claim.superlative.as_ref()?;
        if !sup.claim.polarity.is_positive()
            || !fig.claim.polarity.is_positive()
            || !fig.claim.compares
            || fig.claim.figures.len() < 2
        {
            return None;
        }
        let mut figs: Vec<(&Figure, &PMeasure)> = fig
            .claim
            .figures
            .iter()
            .zip(fig.claim.measures.iter())
            .collect();
        figs.sort_by_key(|(f, _)| f.span.start);
        let (subject, sm) = figs[0];
        // Rule `related_superlative`: the figure counts the superlative's
        // noun, or a word WordNet puts in its family or GloVe relates to it
        // ("the largest audience" / "30 million viewers"); never an
        // antonym or a sister term ([`Link`]).
        let related = if sm.head.contains(head) {
            None
        } else {
            let found = sm
                .head
                .iter()
                .find_map(|&h| match concepts.link(*head, h)? {
                    l @ (Link::Family | Link::Related(_)) => Some((h, l)),
                    _ => None,
                });
            Some(found?)
        };
        // Beyond the measure, the claims share a topic ("inauguration").
        let sup_keys = KeySet::new(sup.claim.terms);
        let topic = fig
            .claim
            .terms
            .iter()
            .any(|t| sup_keys.contains(t.key) && t.key != *head && !sm.head.contains(&t.key));
        if !topic {
            return None;
        }
        let larger = figs[1..].iter().find(|(f, _)| {
            f.unit.comparable_with(&subject.unit)
                && f.comparable_interval().lo > subject.comparable_interval().hi
        })?;
        Some((subject.clone(), larger.0.clone(), *head, related))
    };
    if !may_clash(a, b) {
        return None;
    }
    let (first, found) = match one_way(a, b) {
        Some(x) => (true, x),
        None => (false, one_way(b, a)?),
    };
    let (subject, larger, head, related) = found;
    Some(Verdict {
        kind: Kind::Quantity,
        score: SUPERLATIVE_SCORE,
        shared: vec![head],
        figures: None,
        superlative: Some(Box::new((first, subject, larger))),
        links: related.map(|(h, l)| (head, h, l)).into_iter().collect(),
    })
}

/// How far apart two intervals are, 0 (touching or overlapping) to 1.
fn separation(a: &Interval, b: &Interval) -> f64 {
    let (lo, hi) = if a.hi < b.lo {
        (a.hi, b.lo)
    } else if b.hi < a.lo {
        (b.hi, a.lo)
    } else {
        return 0.0;
    };
    if !hi.is_finite() || hi <= 0.0 {
        return 1.0;
    }
    ((hi - lo) / hi).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Store;
    use crate::index::test_index;
    use crate::record::Date;

    /// A store of records dated `dates`, for the sides' dates.
    fn store(dates: &[Option<Date>]) -> Store {
        let mut store = Store::default();
        for (i, &date) in dates.iter().enumerate() {
            let mut s = crate::Statement::new(i.to_string(), None, "-");
            s.date = date;
            store.push(&s).unwrap();
        }
        store
    }

    fn verdict(x: &str, y: &str, same_actor: bool) -> Option<Verdict> {
        let (idx, claims) = test_index(&[x, y, "Bakers sell bread."]);
        let store = store(&[None, None]);
        let a = Side {
            actor: "a",
            kind: ActorKind::Person,
            store: &store,
            stmt: 0,
            claim: claims.get(0, 0),
        };
        let b = Side {
            actor: if same_actor { "a" } else { "b" },
            kind: ActorKind::Person,
            store: &store,
            stmt: 1,
            claim: claims.get(1, 0),
        };
        stance(&idx, &JudgeConfig::default(), &a, &b)
    }

    #[test]
    fn opposite_stances_on_one_proposition_clash() {
        assert!(verdict(
            "We will send troops to the northern border.",
            "We will not send soldiers to the northern border.",
            false
        )
        .is_some());
        assert!(verdict(
            "The council ruled out a new dam on the river.",
            "Building a new dam on the river is ok with me.",
            false
        )
        .is_some());
    }

    #[test]
    fn same_stance_or_other_topic_does_not() {
        assert!(verdict(
            "We will not send troops to the border.",
            "They will not send soldiers to the border.",
            false
        )
        .is_none());
        assert!(verdict(
            "We will send troops to the border.",
            "Bakers will not sell bread on Sundays.",
            false
        )
        .is_none());
    }

    #[test]
    fn an_antonym_clashes_only_on_its_own_predicate() {
        for (neg, pos, clash) in [
            (
                "Storing grain in the old mill is unsafe.",
                "Storing grain in the old mill is safe.",
                true,
            ),
            (
                "Storing grain in the old mill is unsafe.",
                "The farmers stored grain in the old mill.",
                false,
            ),
            (
                "Fishing in the northern lake is illegal.",
                "Fishing in the northern lake is legal.",
                true,
            ),
            (
                "Fishing in the northern lake is illegal.",
                "The villagers went fishing in the northern lake.",
                false,
            ),
        ] {
            assert_eq!(verdict(neg, pos, false).is_some(), clash, "{neg} / {pos}");
        }
    }

    /// Rule `negated_report`: denying that a thing was said clashes with a
    /// claim that it was said, not with the thing itself.
    #[test]
    fn a_denied_report_clashes_only_with_a_report() {
        for (neg, pos, clash) in [
            (
                "The harbour memo made no mention of a leak in the fuel tank.",
                "There was a leak in the fuel tank.",
                false,
            ),
            (
                "The harbour master did not report a leak in the fuel tank.",
                "Divers found a leak in the fuel tank.",
                false,
            ),
            (
                "The harbour master did not report a leak in the fuel tank.",
                "The harbour master reported a leak in the fuel tank.",
                true,
            ),
            (
                "There was no leak in the fuel tank.",
                "Divers found a leak in the fuel tank.",
                true,
            ),
        ] {
            assert_eq!(verdict(neg, pos, false).is_some(), clash, "{neg} / {pos}");
        }
    }

    #[test]
    fn same_actor_same_date_never_clashes() {
        assert!(verdict(
            "We will send troops to the border.",
            "We will not send troops to the border.",
            true
        )
        .is_none());
    }

    #[test]
    fn narrowed_rejection_does_not_clash_with_the_general_claim() {
        assert!(verdict(
            "There is no sustained spread of the virus among people.",
            "There is spread of the virus among people.",
            false
        )
        .is_none());
        assert!(verdict(
            "There is no spread of the virus among people.",
            "There is spread of the virus among people.",
            false
        )
        .is_some());
    }

    #[test]
    fn not_yet_does_not_clash_with_a_later_claim() {
        let date = |s: &str| s.parse::<Date>().ok();
        let (idx, claims) = test_index(&[
            "But the lake has not yet turned into a protected reservoir.",
            "The lake turned into a protected reservoir.",
            "Bakers sell bread.",
        ]);
        let (neg, pos) = (claims.get(0, 0), claims.get(1, 0));
        let (march, may) = (date("2031-03-01"), date("2031-05-01"));
        let store = store(&[march, may]);
        let side = |claim, stmt| Side {
            actor: "a",
            kind: ActorKind::Person,
            store: &store,
            stmt,
            claim,
        };
        let cfg = JudgeConfig::default();
        let (n, p) = (side(neg, 0), side(pos, 1));
        assert!(stance(&idx, &cfg, &n, &p).is_none());
        assert!(stance(&idx, &cfg, &p, &n).is_none());
        // Said the other way round in time, it is a contradiction.
        let (n, p) = (side(neg, 1), side(pos, 0));
        assert!(stance(&idx, &cfg, &n, &p).is_some());
    }

    /// True when the first claims of `x` and `y` clash on their figures or
    /// quantity marks (two actors, no dates).
    fn quantity_clash(x: &str, y: &str) -> bool {
        let (idx, claims) = test_index(&[x, y, "Bakers sell bread."]);
        let store = store(&[None, None]);
        let side = |actor, stmt| Side {
            actor,
            kind: ActorKind::Person,
            store: &store,
            stmt,
            claim: claims.get(stmt as usize, 0),
        };
        let (a, b) = (side("a", 0), side("b", 1));
        let links = NameLinks::default();
        let ab = matches!(quantity(&idx, &a, &b, &links), QuantityVerdict::Clash(_));
        let ba = matches!(quantity(&idx, &b, &a, &links), QuantityVerdict::Clash(_));
        assert_eq!(ab, ba, "{x} / {y}: not symmetric");
        ab
    }

    #[test]
    fn quantity_rules_on_invented_sentences() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, &str, bool)] = &[
            ("steady_vs_change", "Bus fares in Oster have stayed roughly steady since the merger.", "Bus fares in Oster rose from 2 dollars to 3 dollars after the merger.", true),
            ("steady_vs_change", "Bus fares in Oster have not increased since the merger.", "Bus fares in Oster doubled after the merger.", true),
            ("steady_vs_change", "Bus fares in Oster have stayed roughly steady since the merger.", "Bus fares in Oster held steady after the merger.", false),
            ("steady_vs_change", "Bus fares in Oster have remained steady since the merger.", "Tram traffic in Varo doubled.", false),
            ("limit_vs_reading", "Nitrate in the Varo wells is within the allowed limit.", "Nitrate in the Varo wells reached 30 ppm, above the 10 ppm standard.", true),
            ("limit_vs_reading", "Nitrate in the Varo wells is within the allowed limit.", "Nitrate in the Varo wells reached 4 ppm, below the 10 ppm standard.", false),
            ("limit_vs_reading", "Nitrate in the Varo wells did not exceed the allowed limit.", "Nitrate in the Varo wells is within the allowed limit.", false),
            ("limit_vs_reading", "Nitrate in the Varo wells is within the allowed limit.", "Noise at the Oster airport reached 90 decibels, above the 70 decibel limit.", false),
            ("named_variable", "The jobless rate in Oster is 4 percent.", "The jobless rate in Oster is 9 percent.", true),
            ("named_variable", "The jobless rate in Oster is 4 percent.", "The jobless rate in Oster is about 4 percent.", false),
            ("named_variable", "The Oster budget deficit is $3 billion.", "The Oster budget deficit is $9 billion.", true),
            ("filler_count_takes_subject", "The Oster visa backlog stood at 320,000 cases.", "The Oster visa backlog stood at 41,000 cases.", true),
            ("filler_count_takes_subject", "The Oster visa backlog stood at 320,000 cases.", "The Oster visa backlog stood at about 320,000 cases.", false),
            ("rate_measure_terms", "The broken valve spills about 900 barrels of brine a day.", "Some 400,000 gallons per day are escaping, engineers found.", true),
            ("rate_measure_terms", "The broken valve spills about 900 barrels of brine a day.", "Some 38,000 gallons per day are escaping, engineers found.", false),
            ("compared_subject", "Tarn drew 500 visitors this spring, compared with 300 in Oster.", "Oster drew 300 visitors this spring.", false),
            ("compared_subject", "The Tarn fair drew 500 riders this year, which compares to 900 last time.", "The Tarn fair drew 900 riders.", false),
            ("compared_subject", "Tarn drew 500 visitors this spring, compared with 300 in Oster.", "Tarn drew 900 visitors this spring.", true),
        ];
        for (rule, x, y, want) in cases {
            assert_eq!(quantity_clash(x, y), *want, "{rule}: {x} / {y}");
        }
    }

    #[test]
    fn judgement_is_symmetric() {
        let pairs = [
            (
                "We will send troops to the border.",
                "We will not send soldiers to the border.",
            ),
            (
                "The raids are illegal.",
                "The raids are legal under existing authority.",
            ),
        ];
        for (x, y) in pairs {
            let ab = verdict(x, y, false).map(|v| v.score);
            let ba = verdict(y, x, false).map(|v| v.score);
            assert_eq!(ab, ba, "{x} / {y}");
        }
    }
}
