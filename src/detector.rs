//! The detector: runs the pipeline records → actors → claims → index →
//! judgement → evidence → report, with its configuration.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::actor::{self, Actor, ActorInput, ActorKind, Gazetteer};
use crate::error::Error;
use crate::evidence::{cover, Evidence, Role};
use crate::index::{ClaimRef, Index};
use crate::judge::{self, JudgeConfig, Kind, Measure, Side, Topic, Verdict};
use crate::lexicon::{Lexicon, LexiconKind};
use crate::record::Statement;
use crate::report::{ClaimSummary, Contradiction, NormalizedStatement, Problem, Report};
use crate::stance::{self, Claim, CueKind, Field, Polarity, StanceContext};
use crate::text::{stem, words, Span};

/// Finds contradictions in a set of statements.
///
/// # Examples
/// ```
/// use gainsay::{Detector, Statement};
/// let statements = vec![
///     Statement::new("s1", Some("Governor Ana Ruiz"), "that's ok with me.")
///         .with_context("Asked about building a new dam on the river, Governor Ana Ruiz replied: \"that's ok with me.\""),
///     Statement::new("s2", Some("Mayor Tom Bell"), "We will never allow a new dam on the river."),
/// ];
/// let report = Detector::new().detect(&statements).unwrap();
/// let pair = &report.contradictions[0];
/// assert_eq!((pair.a.as_str(), pair.b.as_str()), ("s1", "s2"));
/// assert!(pair.evidence.iter().any(|e| e.statement == "s1" && e.text == "ok with"));
/// ```
#[derive(Debug, Clone)]
pub struct Detector {
    lexicon: Arc<Lexicon>,
    gazetteer: Option<Arc<Gazetteer>>,
    title_words: Arc<HashSet<String>>,
    judge: JudgeConfig,
    max_postings: usize,
}

impl Default for Detector {
    fn default() -> Detector {
        Detector::new()
    }
}

/// Builds a [`Detector`] with non-default options.
///
/// # Examples
/// ```
/// let detector = gainsay::Detector::builder()
///     .min_score(0.5)
///     .max_postings(1_000)
///     .build()
///     .unwrap();
/// # let _ = detector;
/// ```
#[derive(Debug, Clone)]
pub struct DetectorBuilder {
    extra: Vec<(LexiconKind, String)>,
    gazetteer: Option<Arc<Gazetteer>>,
    judge: JudgeConfig,
    max_postings: usize,
}

impl DetectorBuilder {
    /// Pairs scoring below `score` (0..1) are not reported. Default 0.30.
    pub fn min_score(&mut self, score: f64) -> &mut DetectorBuilder {
        self.judge.min_score = score;
        self
    }

    /// The most claims one concept may pair before it is left out of
    /// candidate generation (and the report says so). Default 10,000.
    pub fn max_postings(&mut self, n: usize) -> &mut DetectorBuilder {
        self.max_postings = n;
        self
    }

    /// Adds entries (lexicon file syntax: one a line, `#` comments) to one of
    /// the built-in word lists.
    pub fn lexicon(&mut self, kind: LexiconKind, entries: &str) -> &mut DetectorBuilder {
        self.extra.push((kind, entries.to_owned()));
        self
    }

    /// Adds a gazetteer: canonical names with aliases for what the rules
    /// cannot know ("the Bureau" is the National Statistics Bureau).
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut DetectorBuilder {
        self.gazetteer = Some(Arc::new(gazetteer));
        self
    }

    /// Builds the detector.
    pub fn build(&self) -> Result<Detector, Error> {
        if !(0.0..=1.0).contains(&self.judge.min_score) {
            return Err(Error::Config {
                what: "min_score".into(),
                message: format!("{} is not in 0..=1", self.judge.min_score),
            });
        }
        let lexicon = if self.extra.is_empty() {
            Lexicon::builtin()
        } else {
            let mut lx = (*Lexicon::builtin()).clone();
            for (kind, text) in &self.extra {
                lx.extend(*kind, text);
            }
            Arc::new(lx)
        };
        Ok(Detector {
            lexicon,
            gazetteer: self.gazetteer.clone(),
            title_words: Arc::new(actor::title_words()),
            judge: self.judge,
            max_postings: self.max_postings.max(2),
        })
    }
}

/// What the pipeline knows of one statement.
struct Analysis {
    actor: Actor,
    claims: Vec<Claim>,
    /// Per claim, per figure: the concepts of what the figure measures.
    measures: Vec<Vec<Measure>>,
}

impl Detector {
    /// A detector with the default lexicons and thresholds.
    pub fn new() -> Detector {
        Detector::builder()
            .build()
            .expect("default configuration is valid")
    }

    /// A builder for options.
    pub fn builder() -> DetectorBuilder {
        DetectorBuilder {
            extra: Vec::new(),
            gazetteer: None,
            judge: JudgeConfig::default(),
            max_postings: 10_000,
        }
    }

    /// Runs the whole pipeline over `statements`. Invalid records (empty id
    /// or text, span out of order, duplicate id) are left out and listed in
    /// [`Report::problems`]; the others are processed.
    pub fn detect(&self, statements: &[Statement]) -> Result<Report, Error> {
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        let mut good: Vec<&Statement> = Vec::with_capacity(statements.len());
        for s in statements {
            if let Err(e) = s.validate(None) {
                problems.push(problem(e));
            } else if !seen.insert(s.id.as_str()) {
                problems.push(problem(Error::record(
                    None,
                    Some(&s.id),
                    Some("id"),
                    "duplicate id",
                )));
            } else {
                good.push(s);
            }
        }
        let (analyses, actor_bounds) = self.analyse(&good);
        let claims: Vec<Vec<Claim>> = analyses.iter().map(|a| a.claims.clone()).collect();
        let index = Index::build(&claims);
        let claim = |r: ClaimRef| &analyses[r.stmt as usize].claims[r.claim as usize];
        let cands = index.candidates(self.max_postings, |a, b| {
            let (ca, cb) = (claim(a), claim(b));
            ca.polarity.is_positive() != cb.polarity.is_positive()
                || (!ca.figures.is_empty() && !cb.figures.is_empty())
        });
        // Judge candidates in parallel; keep, per statement pair, the best
        // verdict (quantity before stance, then score, then claim order), so
        // the result is the same on any number of threads.
        let verdicts: Vec<(Verdict, ClaimRef, ClaimRef)> = cands
            .pairs
            .par_iter()
            .flat_map_iter(|&(ra, rb)| {
                let (aa, ab) = (&analyses[ra.stmt as usize], &analyses[rb.stmt as usize]);
                let side_a = Side {
                    actor: &aa.actor.id,
                    date: good[ra.stmt as usize].date,
                    claim: claim(ra),
                };
                let side_b = Side {
                    actor: &ab.actor.id,
                    date: good[rb.stmt as usize].date,
                    claim: claim(rb),
                };
                let verdicts = [
                    judge::quantity(
                        &index,
                        &side_a,
                        &side_b,
                        &aa.measures[ra.claim as usize],
                        &ab.measures[rb.claim as usize],
                    ),
                    judge::stance(&index, &self.judge, &side_a, &side_b),
                ];
                verdicts.into_iter().flatten().map(move |v| (v, ra, rb))
            })
            .collect();
        let mut best: HashMap<(u32, u32), (Verdict, ClaimRef, ClaimRef)> = HashMap::new();
        for (v, ra, rb) in verdicts {
            let key = (ra.stmt, rb.stmt);
            let better = best.get(&key).is_none_or(|(old, oa, ob)| {
                (v.kind == Kind::Quantity && old.kind == Kind::Stance)
                    || (v.kind == old.kind
                        && (v.score > old.score || (v.score == old.score && (ra, rb) < (*oa, *ob))))
            });
            if better {
                best.insert(key, (v, ra, rb));
            }
        }
        let mut contradictions: Vec<Contradiction> = best
            .into_values()
            .filter_map(|(v, ra, rb)| self.explain(&good, &analyses, v, ra, rb))
            .collect();
        contradictions.sort_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then_with(|| x.a.cmp(&y.a))
                .then_with(|| x.b.cmp(&y.b))
        });
        let bounds = cands
            .capped
            .iter()
            .map(|(k, n)| {
                format!(
                    "concept {k:?} is held by {n} claims, over the bound of {}: its pairs were not compared",
                    self.max_postings
                )
            })
            .chain(actor_bounds)
            .collect();
        let statements = good
            .iter()
            .zip(&analyses)
            .map(|(s, a)| NormalizedStatement {
                id: s.id.clone(),
                actor: a.actor.id.clone(),
                actor_name: a.actor.name.clone(),
                actor_kind: a.actor.kind,
                claims: a
                    .claims
                    .iter()
                    .map(|c| ClaimSummary {
                        proposition: c.terms.iter().map(|t| t.key.clone()).collect(),
                        polarity: c.polarity,
                        modality: c.modality,
                        hedges: c.hedges.clone(),
                    })
                    .collect(),
            })
            .collect();
        Ok(Report {
            statements,
            contradictions,
            problems,
            bounds,
        })
    }

    /// Actors and claims of every statement.
    /// Also returns the bounds reached in actor resolution.
    fn analyse(&self, good: &[&Statement]) -> (Vec<Analysis>, Vec<String>) {
        let inputs: Vec<ActorInput<'_>> = good
            .iter()
            .map(|s| ActorInput {
                actor: s.actor.as_deref(),
                source: s.source.as_deref(),
                context: s.context.as_deref(),
                text: &s.text,
                date: s.date,
            })
            .collect();
        let (actors, bounds) = actor::resolve(&inputs, self.gazetteer.as_deref());
        let mut name_tokens: HashSet<String> = HashSet::new();
        for a in &actors {
            if a.kind == ActorKind::Person {
                for w in words(&a.name) {
                    name_tokens.insert(w.norm);
                }
            }
        }
        let cx = StanceContext {
            lexicon: &self.lexicon,
            name_tokens: &name_tokens,
            title_words: &self.title_words,
        };
        let analyses = good
            .par_iter()
            .zip(actors)
            .map(|(s, actor)| {
                let claims = stance::claims(&cx, &s.text, s.context.as_deref());
                let with_figures = claims.iter().any(|c| !c.figures.is_empty());
                let context_topic = Arc::new(match &s.context {
                    Some(ctx) if with_figures => Topic::new(
                        stance::claims(&cx, ctx, None)
                            .into_iter()
                            .flat_map(|c| c.terms.into_iter().map(|t| t.key)),
                    ),
                    _ => Topic::default(),
                });
                // Tokens once per statement, clause work once per claim: a
                // text with many figures stays linear.
                let toks = if with_figures {
                    words(&s.text)
                } else {
                    Vec::new()
                };
                let measures = claims
                    .iter()
                    .map(|c| {
                        if c.figures.is_empty() {
                            return Vec::new();
                        }
                        let cm = ClaimMeasure::new(&self.lexicon, &toks, c);
                        c.figures
                            .iter()
                            .map(|f| cm.measure(f, &context_topic))
                            .collect()
                    })
                    .collect();
                Analysis {
                    actor,
                    claims,
                    measures,
                }
            })
            .collect();
        (analyses, bounds)
    }

    /// Turns a verdict into a reported pair with evidence and explanation;
    /// `None` when a side would have no valid span (never reported then).
    fn explain(
        &self,
        good: &[&Statement],
        analyses: &[Analysis],
        v: Verdict,
        ra: ClaimRef,
        rb: ClaimRef,
    ) -> Option<Contradiction> {
        // Orient the pair by id so the output does not depend on input order.
        let (ra, rb, figs) = if good[ra.stmt as usize].id <= good[rb.stmt as usize].id {
            (ra, rb, v.figures.clone())
        } else {
            (rb, ra, v.figures.clone().map(|(x, y)| (y, x)))
        };
        let (sa, sb) = (good[ra.stmt as usize], good[rb.stmt as usize]);
        let (aa, ab) = (&analyses[ra.stmt as usize], &analyses[rb.stmt as usize]);
        let (ca, cb) = (&aa.claims[ra.claim as usize], &ab.claims[rb.claim as usize]);
        let mut evidence = Vec::new();
        match &figs {
            Some((fa, fb)) => {
                for (s, c, f) in [(sa, ca, fa), (sb, cb, fb)] {
                    evidence.extend(Evidence::new(s, Field::Text, f.span, Role::Quantity));
                    if let Some(counted) = f.counted {
                        evidence.extend(Evidence::new(s, Field::Text, counted, Role::Target));
                    }
                    if !c.polarity.is_positive() {
                        evidence.extend(cue_evidence(s, c));
                    }
                }
            }
            None => {
                for (s, c) in [(sa, ca), (sb, cb)] {
                    evidence.extend(cue_evidence(s, c));
                    evidence.extend(target_evidence(s, c, &v.shared));
                }
            }
        }
        if !evidence.iter().any(|e| e.statement == sa.id)
            || !evidence.iter().any(|e| e.statement == sb.id)
        {
            return None;
        }
        let proposition = proposition_words(sa, ca, &v.shared);
        let explanation = match &figs {
            Some((fa, fb)) => format!(
                "{} gives {} ({}); {} gives {} ({}): {}",
                aa.actor.name,
                fa_text(sa, fa.span),
                interval_text(&fa.interval),
                ab.actor.name,
                fa_text(sb, fb.span),
                interval_text(&fb.interval),
                if ca.polarity.is_positive() && cb.polarity.is_positive() {
                    "the intervals do not overlap"
                } else {
                    "one side denies the figure the other states"
                }
            ),
            None => {
                let mut e = format!(
                    "{} {} and {} {} \"{}\"",
                    aa.actor.name,
                    verb(ca.polarity),
                    ab.actor.name,
                    verb(cb.polarity),
                    proposition
                );
                if aa.actor.id == ab.actor.id {
                    e.push_str(&format!(
                        " (same actor, on {} and on {})",
                        sa.date.map(|d| d.to_string()).unwrap_or_default(),
                        sb.date.map(|d| d.to_string()).unwrap_or_default()
                    ));
                }
                e
            }
        };
        Some(Contradiction {
            a: sa.id.clone(),
            b: sb.id.clone(),
            kind: v.kind,
            score: (v.score * 1000.0).round() / 1000.0,
            proposition,
            explanation,
            evidence,
        })
    }
}

fn problem(e: Error) -> Problem {
    let location = e.location().cloned().unwrap_or_default();
    let message = match e {
        Error::Record { message, .. } => message,
        other => other.to_string(),
    };
    Problem { location, message }
}

fn verb(p: Polarity) -> &'static str {
    match p {
        Polarity::Supports => "supports",
        Polarity::Rejects => "rejects",
        Polarity::Asserts => "asserts",
        Polarity::Denies => "denies",
    }
}

fn fa_text(s: &Statement, span: Span) -> String {
    span.slice(&s.text).unwrap_or("").to_owned()
}

fn interval_text(i: &crate::quantity::Interval) -> String {
    let num = |x: f64| {
        if x.is_infinite() {
            "∞".to_owned()
        } else if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            format!("{x}")
        }
    };
    format!(
        "{}{}, {}{}",
        if i.lo_open { "(" } else { "[" },
        num(i.lo),
        num(i.hi),
        if i.hi_open || i.hi.is_infinite() {
            ")"
        } else {
            "]"
        }
    )
}

/// The main cue of a claim: a stance cue if any, else the first negation.
fn cue_evidence(s: &Statement, c: &Claim) -> Option<Evidence> {
    let cue = c
        .cues
        .iter()
        .find(|q| {
            matches!(
                q.kind,
                CueKind::Reject | CueKind::Support | CueKind::Antonym
            )
        })
        .or_else(|| c.cues.first())?;
    // Extend a negation to the cue right after it ("not" + "ruled out").
    let mut span = cue.span;
    for q in &c.cues {
        if q.field == cue.field && q.span.start >= span.end {
            let gap = s_field(s, cue.field).and_then(|f| f.get(span.end..q.span.start));
            if gap.is_some_and(|g| g.len() <= 12 && !g.contains(['.', ';'])) {
                span.end = q.span.end;
            }
        }
        if q.field == cue.field && q.span.end <= span.start {
            let gap = s_field(s, cue.field).and_then(|f| f.get(q.span.end..span.start));
            if gap.is_some_and(|g| g.len() <= 12 && !g.contains(['.', ';'])) {
                span.start = q.span.start;
            }
        }
    }
    Evidence::new(s, cue.field, span, Role::Cue)
}

fn s_field(s: &Statement, f: Field) -> Option<&str> {
    match f {
        Field::Text => Some(&s.text),
        Field::Context => s.context.as_deref(),
    }
}

/// The target: the words of the shared proposition, as one span when they
/// stand close together, else the most telling word alone.
fn target_evidence(s: &Statement, c: &Claim, shared: &[String]) -> Option<Evidence> {
    let terms: Vec<_> = c.terms.iter().filter(|t| shared.contains(&t.key)).collect();
    let field = terms.first()?.field;
    let spans: Vec<Span> = terms
        .iter()
        .filter(|t| t.field == field)
        .map(|t| t.span)
        .collect();
    let span = cover(spans.iter().copied())?;
    let span = if span.len() <= 90 {
        span
    } else {
        // The rarest shared concept comes first in `shared`.
        c.terms
            .iter()
            .find(|t| Some(&t.key) == shared.first() && t.field == field)
            .map(|t| t.span)
            .unwrap_or(spans[0])
    };
    Evidence::new(s, field, span, Role::Target)
}

/// The shared proposition in the words of statement `s`.
fn proposition_words(s: &Statement, c: &Claim, shared: &[String]) -> String {
    let mut terms: Vec<_> = c.terms.iter().filter(|t| shared.contains(&t.key)).collect();
    terms.sort_by_key(|t| (t.field, t.span.start));
    let words: Vec<&str> = terms
        .iter()
        .filter_map(|t| s_field(s, t.field).and_then(|f| t.span.slice(f)))
        .collect();
    if words.is_empty() {
        shared.join(" ")
    } else {
        words.join(" ")
    }
}

/// Content words this many tokens either side of a figure form its topic.
const LOCAL_WINDOW: usize = 6;
/// A measure verb this many content words from a figure says what it counts.
const HEAD_WINDOW: usize = 5;

/// What a figure counts (its counted noun and the measure verbs next to it),
/// the words around it, and whether it is a sum over several events.
///
/// Built once per claim: the claim's tokens that may stand around a figure
/// (content words of its clause outside every figure) are found in one pass,
/// so each figure then costs a binary search and a few window steps.
struct ClaimMeasure<'a> {
    lx: &'a Lexicon,
    toks: &'a [crate::text::Token<'a>],
    /// Indices into `toks`: content words of the clause outside the figures,
    /// in text order.
    eligible: Vec<usize>,
    /// True for a sum over several events.
    aggregate: bool,
}

impl<'a> ClaimMeasure<'a> {
    fn new(lx: &'a Lexicon, toks: &'a [crate::text::Token<'a>], claim: &Claim) -> Self {
        let clause = claim.clause;
        // Tokens are in text order and do not overlap, so the tokens inside
        // the clause are one run.
        let first = toks.partition_point(|t| t.start < clause.start);
        let run = toks[first..]
            .iter()
            .take_while(|t| t.end <= clause.end)
            .count();
        let clause_toks = &toks[first..first + run];
        // A token is covered by a figure when some figure starts at or
        // before it and ends at or after it: sweep figures by start, keeping
        // the furthest end seen.
        let mut figs: Vec<(usize, usize)> = claim
            .figures
            .iter()
            .map(|g| (g.span.start, g.span.end))
            .collect();
        figs.sort_unstable();
        let mut next_fig = 0;
        let mut reach: Option<usize> = None;
        let mut eligible = Vec::new();
        for (k, t) in clause_toks.iter().enumerate() {
            while next_fig < figs.len() && figs[next_fig].0 <= t.start {
                reach = Some(reach.map_or(figs[next_fig].1, |r| r.max(figs[next_fig].1)));
                next_fig += 1;
            }
            let covered = reach.is_some_and(|r| t.end <= r);
            if !covered && content(lx, t) {
                eligible.push(first + k);
            }
        }
        let stems: Vec<String> = clause_toks.iter().map(|t| stem(&t.norm)).collect();
        let norms: Vec<&str> = clause_toks.iter().map(|t| t.norm.as_str()).collect();
        let aggregate =
            (0..stems.len()).any(|i| lx.aggregate.match_at(&stems, &norms, i, &lx.stop).is_some());
        ClaimMeasure {
            lx,
            toks,
            eligible,
            aggregate,
        }
    }

    fn concept(&self, norm: &str) -> String {
        let st = stem(norm);
        self.lx.synonyms.get(&st).cloned().unwrap_or(st)
    }

    fn measure(&self, f: &crate::quantity::Figure, context_topic: &Arc<Topic>) -> Measure {
        let (lx, toks) = (self.lx, self.toks);
        let push = |v: &mut Vec<String>, k: String| {
            if !v.contains(&k) {
                v.push(k);
            }
        };
        let mut head: Vec<String> = Vec::new();
        let end = f.counted.map_or(f.span.end, |c| c.end);
        if let Some(c) = f.counted {
            let from = toks.partition_point(|t| t.start < c.start);
            for t in toks[from..].iter().take_while(|t| t.end <= c.end) {
                if content(lx, t) {
                    push(&mut head, self.concept(&t.norm));
                }
            }
        }
        let split_after = self.eligible.partition_point(|&i| toks[i].start < end);
        let split_before = self
            .eligible
            .partition_point(|&i| toks[i].end <= f.span.start);
        let after = self.eligible[split_after..].iter().map(|&i| &toks[i]);
        let before = self.eligible[..split_before]
            .iter()
            .rev()
            .map(|&i| &toks[i]);
        for t in after.clone().take(HEAD_WINDOW) {
            let k = self.concept(&t.norm);
            if lx.measure_verbs.contains(&k) {
                push(&mut head, k);
            }
        }
        // Before the figure, a measure verb takes what lies between it and the
        // figure as what is measured ("raise the key interest rates by 25").
        let near: Vec<_> = before.clone().take(HEAD_WINDOW).collect();
        if let Some(p) = near
            .iter()
            .position(|t| lx.measure_verbs.contains(&self.concept(&t.norm)))
        {
            for t in &near[..=p] {
                push(&mut head, self.concept(&t.norm));
            }
        }
        let mut local: Vec<String> = Vec::new();
        for t in after.take(LOCAL_WINDOW).chain(before.take(LOCAL_WINDOW)) {
            push(&mut local, self.concept(&t.norm));
        }
        Measure {
            head,
            local,
            // The record's context says what the statement is about.
            topic: Arc::clone(context_topic),
            aggregate: self.aggregate,
        }
    }
}

/// A word that may say what a figure measures: not a number, a stop word, a
/// negation or a frame word.
fn content(lx: &Lexicon, t: &crate::text::Token<'_>) -> bool {
    !t.is_numeric()
        && !lx.stop.contains(&t.norm)
        && !lx.negation.contains_word(&stem(&t.norm))
        && !lx.frame.contains(&stem(&t.norm))
}
