//! The detector: runs the pipeline records → actors → claims → index →
//! judgement → evidence → report, with its configuration.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::actor::{self, Actor, ActorInput, ActorKind, Gazetteer};
use crate::error::Error;
use crate::evidence::{cover, Evidence, Role};
use crate::index::{Bounds, Candidates, ClaimRef, Index};
use crate::judge::{self, JudgeConfig, Kind, Measure, NameLinks, QuantityVerdict, Side, Verdict};
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
    budget: usize,
    max_partners: usize,
    exhaustive: bool,
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
    budget: usize,
    max_partners: usize,
    exhaustive: bool,
}

impl DetectorBuilder {
    /// Pairs scoring below `score` (0..1) are not reported. Default 0.30.
    pub fn min_score(&mut self, score: f64) -> &mut DetectorBuilder {
        self.judge.min_score = score;
        self
    }

    /// The most claims one concept may pair before it is left out of
    /// candidate generation (and the report says so). Default 5,000.
    pub fn max_postings(&mut self, n: usize) -> &mut DetectorBuilder {
        self.max_postings = n;
        self
    }

    /// The most postings one claim visits when looking for partners, rarest
    /// concepts first. Default 20,000.
    pub fn candidate_budget(&mut self, n: usize) -> &mut DetectorBuilder {
        self.budget = n;
        self
    }

    /// The most candidate partners one claim keeps, those sharing the most
    /// concepts first. Default 200.
    pub fn max_partners(&mut self, n: usize) -> &mut DetectorBuilder {
        self.max_partners = n;
        self
    }

    /// Judges every pair of claims instead of the indexed candidates: the
    /// quadratic baseline, for tests and benchmarks on small corpora.
    pub fn exhaustive(&mut self, yes: bool) -> &mut DetectorBuilder {
        self.exhaustive = yes;
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
            budget: self.budget.max(1),
            max_partners: self.max_partners.max(1),
            exhaustive: self.exhaustive,
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
            max_postings: 1000,
            budget: 4000,
            max_partners: 200,
            exhaustive: false,
        }
    }

    /// The claims of one statement, as the stance stage reads them (without
    /// corpus context: person names are not known, so they may count as
    /// proposition words).
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Polarity, Statement};
    /// let s = Statement::new("a", Some("Mayor Ann Lee"), "The new dam is ruled out.");
    /// let claims = Detector::new().claims(&s);
    /// assert_eq!(claims[0].polarity, Polarity::Rejects);
    /// ```
    pub fn claims(&self, statement: &Statement) -> Vec<Claim> {
        let none = HashSet::new();
        let cx = StanceContext {
            lexicon: &self.lexicon,
            name_tokens: &none,
            title_words: &self.title_words,
        };
        stance::claims(&cx, &statement.text, statement.context.as_deref())
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
        let claims: Vec<&[Claim]> = analyses.iter().map(|a| a.claims.as_slice()).collect();
        let index = Index::build(&claims);
        let claim = |r: ClaimRef| &analyses[r.stmt as usize].claims[r.claim as usize];
        let links = name_links(&good, &analyses);
        let negative = |r: ClaimRef| !claim(r).polarity.is_positive();
        let figures = |r: ClaimRef| !claim(r).figures.is_empty();
        let bounds = Bounds {
            max_postings: self.max_postings,
            budget: self.budget,
            max_partners: self.max_partners,
        };
        let superlative = |r: ClaimRef| claim(r).superlative.is_some();
        let source = |r: ClaimRef| negative(r) || figures(r) || superlative(r);
        let keep = |a: ClaimRef, b: ClaimRef| {
            (negative(a) && !negative(b))
                || (figures(a) && figures(b))
                || (superlative(a) && figures(b))
                || (figures(a) && superlative(b))
        };
        // Judge each candidate pair as the search finds it: the pairs are
        // never all held at once. Per statement pair, the best verdict is kept
        // below (quantity before stance, then score, then claim order), so
        // the result is the same on any number of threads.
        let judge_pair = |ra: ClaimRef, rb: ClaimRef| -> Vec<(Verdict, ClaimRef, ClaimRef)> {
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
            let quantity = judge::quantity(
                &index,
                &side_a,
                &side_b,
                &aa.measures[ra.claim as usize],
                &ab.measures[rb.claim as usize],
                &links,
            );
            let verdicts = match quantity {
                QuantityVerdict::Clash(v) => [Some(*v), None],
                // Agreeing figures decide: no stance clash over them.
                QuantityVerdict::Compatible => [None, None],
                QuantityVerdict::Incomparable => [
                    judge::superlative(
                        &side_a,
                        &side_b,
                        &aa.measures[ra.claim as usize],
                        &ab.measures[rb.claim as usize],
                    ),
                    judge::stance(&index, &self.judge, &side_a, &side_b),
                ],
            };
            verdicts
                .into_iter()
                .flatten()
                .map(|v| (v, ra, rb))
                .collect()
        };
        let mut cands = if self.exhaustive {
            let pairs = index.all_pairs(source, keep);
            Candidates {
                found: pairs
                    .par_iter()
                    .flat_map_iter(|&(a, b)| judge_pair(a, b))
                    .collect(),
                capped: Vec::new(),
                budget_reached: 0,
                partners_capped: 0,
            }
        } else {
            index.candidates(
                bounds,
                source,
                keep,
                |r| id_hash(&good[r.stmt as usize].id),
                judge_pair,
            )
        };
        let verdicts = std::mem::take(&mut cands.found);
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
        let mut bounds: Vec<String> = cands
            .capped
            .iter()
            .map(|(k, n)| {
                format!(
                    "concept {k:?} is held by {n} claims, over the bound of {}: it was not used to pair claims",
                    self.max_postings
                )
            })
            .collect();
        bounds.extend(actor_bounds);
        if cands.partners_capped > 0 {
            bounds.push(format!(
                "{} claims had more than {} candidate partners; those sharing the most concepts were kept",
                cands.partners_capped, self.max_partners
            ));
        }
        if cands.budget_reached > 0 {
            bounds.push(format!(
                "{} claims reached the budget of {} postings and were paired through their rarest concepts only",
                cands.budget_reached, self.budget
            ));
        }
        drop(index);
        // The analyses are done with: move their words into the report.
        let statements = good
            .iter()
            .zip(analyses)
            .map(|(s, a)| NormalizedStatement {
                id: s.id.clone(),
                actor: a.actor.id.to_string(),
                actor_name: a.actor.name.to_string(),
                actor_kind: a.actor.kind,
                claims: a
                    .claims
                    .into_iter()
                    .map(|c| ClaimSummary {
                        proposition: c.terms.into_iter().map(|t| t.key).collect(),
                        polarity: c.polarity,
                        modality: c.modality,
                        hedges: c.hedges,
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
    fn analyse(&self, good: &[&Statement]) -> (Vec<Analysis>, Vec<String>) {
        let inputs: Vec<ActorInput<'_>> = good.iter().map(|s| ActorInput::from(*s)).collect();
        let (actors, actor_bounds) = actor::resolve(&inputs, self.gazetteer.as_deref());
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
                let context_topic: Vec<String> = match &s.context {
                    Some(ctx) if claims.iter().any(|c| !c.figures.is_empty()) => {
                        // Compound names count by their words too, as the
                        // words around a figure are single words.
                        let mut keys = Vec::new();
                        for t in stance::claims(&cx, ctx, None)
                            .into_iter()
                            .flat_map(|c| c.terms)
                        {
                            if t.key.contains('_') {
                                keys.extend(t.key.split('_').map(str::to_owned));
                            }
                            keys.push(t.key);
                        }
                        // Every figure copies this topic: a bound keeps a
                        // long context from costing per figure.
                        keys.sort_unstable();
                        keys.dedup();
                        keys.truncate(CONTEXT_TOPIC_MAX);
                        keys
                    }
                    _ => Vec::new(),
                };
                let toks = if claims.iter().any(|c| !c.figures.is_empty()) {
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
                        let view = ClauseView::new(&self.lexicon, &toks, c);
                        c.figures
                            .iter()
                            .map(|f| view.measure(&self.lexicon, f, &context_topic))
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
        (analyses, actor_bounds)
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
        let swap = good[ra.stmt as usize].id > good[rb.stmt as usize].id;
        let (ra, rb, figs, sup) = if !swap {
            (ra, rb, v.figures.clone(), v.superlative.clone())
        } else {
            (
                rb,
                ra,
                v.figures.clone().map(|(x, y)| (y, x)),
                v.superlative.clone().map(|(first, f, g)| (!first, f, g)),
            )
        };
        let (sa, sb) = (good[ra.stmt as usize], good[rb.stmt as usize]);
        let (aa, ab) = (&analyses[ra.stmt as usize], &analyses[rb.stmt as usize]);
        let (ca, cb) = (&aa.claims[ra.claim as usize], &ab.claims[rb.claim as usize]);
        let mut evidence = Vec::new();
        if let Some((first, subject, larger)) = &sup {
            let (ss, sc, fs) = if *first { (sa, ca, sb) } else { (sb, cb, sa) };
            if let Some((span, head)) = &sc.superlative {
                evidence.extend(Evidence::new(ss, Field::Text, *span, Role::Cue));
                if let Some(t) = sc.terms.iter().find(|t| &t.key == head) {
                    evidence.extend(Evidence::new(ss, t.field, t.span, Role::Target));
                }
            }
            evidence.extend(Evidence::new(fs, Field::Text, subject.span, Role::Quantity));
            evidence.extend(Evidence::new(fs, Field::Text, larger.span, Role::Quantity));
        }
        match &figs {
            _ if sup.is_some() => {}
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
            _ if sup.is_some() => {
                let (first, subject, larger) = sup.as_ref().expect("checked");
                let (sup_name, fig_name, fig_stmt) = if *first {
                    (&aa.actor.name, &ab.actor.name, sb)
                } else {
                    (&ab.actor.name, &aa.actor.name, sa)
                };
                format!(
                    "{sup_name} calls it the largest; {fig_name} gives {} against a larger {}",
                    fa_text(fig_stmt, subject.span),
                    fa_text(fig_stmt, larger.span)
                )
            }
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

/// A hash of a statement id that does not change between runs or builds.
fn id_hash(id: &str) -> u64 {
    // FNV-1a: tiny, stable, good enough for tie-breaking.
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Names that the corpus mentions together, from every record that states a
/// figure or is about one (text and context).
fn name_links(good: &[&Statement], analyses: &[Analysis]) -> NameLinks {
    let mut links = NameLinks::default();
    if analyses
        .iter()
        .all(|a| a.claims.iter().all(|c| c.figures.is_empty()))
    {
        return links;
    }
    let per: Vec<Vec<String>> = good
        .par_iter()
        .map(|s| {
            let mut n = names_of(&s.text);
            if let Some(c) = &s.context {
                for x in names_of(c) {
                    if !n.contains(&x) {
                        n.push(x);
                    }
                }
            }
            n
        })
        .collect();
    for n in &per {
        links.add(n);
    }
    links
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
/// A proper name: a capitalized word that does not open its sentence and is
/// not all capitals (an acronym) or a month or day name.
fn is_name(t: &crate::text::Token<'_>, opens: bool) -> bool {
    let caps = t
        .raw
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    t.is_capitalized() && !opens && !caps && !MONTHS.contains(&t.norm.as_str())
}

/// The proper names of a text, sentence openers aside.
fn names_of(text: &str) -> Vec<String> {
    let toks = words(text);
    let openers: Vec<usize> = crate::text::sentences(text).iter().map(|s| s.0).collect();
    let mut out: Vec<String> = Vec::new();
    for t in &toks {
        let opens = openers.iter().any(|&o| {
            text.get(o..t.start)
                .is_some_and(|gap| !gap.chars().any(char::is_alphanumeric))
        });
        if is_name(t, opens) && !out.contains(&t.norm) {
            out.push(t.norm.clone());
        }
    }
    out
}

/// The most context concepts a figure takes as its topic.
const CONTEXT_TOPIC_MAX: usize = 64;

/// Month and day names: capitalized, but not names of things.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Present-tense words that make a figure a state ("there are", "has").
const STATE_WORDS: &[&str] = &[
    "is",
    "are",
    "has",
    "have",
    "remains",
    "remain",
    "now",
    "currently",
];
/// A state word this many tokens before a figure makes it a state.
const STATE_WINDOW: usize = 4;
/// "The two nations": a figure up to this after "the" is a reference.
const REFERENCE_MAX: f64 = 12.0;
/// A measure verb this many content words from a figure says what it counts.
const HEAD_WINDOW: usize = 5;

/// What a figure counts (its counted noun and the measure verbs next to it),
/// the words around it, and whether it is a sum over several events.
/// What one claim's clause offers its figures, computed once per claim so
/// that each figure costs binary searches and short window walks: a text
/// with thousands of figures stays linear.
struct ClauseView<'t, 'a> {
    /// The clause's tokens (a run of the statement's tokens).
    toks: &'t [crate::text::Token<'a>],
    /// Indices into `toks` of content words outside every figure.
    eligible: Vec<usize>,
    /// Starts and ends of the figures that bound a window, sorted.
    bound_starts: Vec<usize>,
    bound_ends: Vec<usize>,
    aggregate: bool,
    scope: Option<String>,
}

impl<'t, 'a> ClauseView<'t, 'a> {
    fn new(lx: &Lexicon, all: &'t [crate::text::Token<'a>], claim: &Claim) -> ClauseView<'t, 'a> {
        let first = all.partition_point(|t| t.start < claim.clause.start);
        let run = all[first..]
            .iter()
            .take_while(|t| t.end <= claim.clause.end)
            .count();
        let toks = &all[first..first + run];
        // Tokens covered by a figure: sweep the figures by start.
        let mut figs: Vec<(usize, usize)> = claim
            .figures
            .iter()
            .map(|g| (g.span.start, g.span.end))
            .collect();
        figs.sort_unstable();
        let (mut next, mut reach) = (0, 0usize);
        let mut eligible = Vec::new();
        for (k, t) in toks.iter().enumerate() {
            while next < figs.len() && figs[next].0 <= t.start {
                reach = reach.max(figs[next].1);
                next += 1;
            }
            if t.end > reach && content(lx, t) {
                eligible.push(k);
            }
        }
        // Small reference figures ("the three key rates") and the old value
        // of a change ("from 64 to 2,975") do not bound a window.
        let bounding: Vec<&crate::quantity::Figure> = claim
            .figures
            .iter()
            .filter(|g| g.value > REFERENCE_MAX && g.qualifier != crate::quantity::Qualifier::From)
            .collect();
        let mut bound_starts: Vec<usize> = bounding.iter().map(|g| g.span.start).collect();
        let mut bound_ends: Vec<usize> = bounding.iter().map(|g| g.span.end).collect();
        bound_starts.sort_unstable();
        bound_ends.sort_unstable();
        let stems: Vec<String> = toks.iter().map(|t| stem(&t.norm)).collect();
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        let aggregate =
            (0..stems.len()).any(|i| lx.aggregate.match_at(&stems, &norms, i, &lx.stop).is_some());
        // The time the count covers: a scope phrase of the clause, else a year.
        let scope = (0..stems.len())
            .find_map(|i| {
                let n = lx.time_scopes.match_at(&stems, &norms, i, &lx.stop)?;
                lx.time_scope_of.get(&stems[i..i + n]).cloned()
            })
            .or_else(|| {
                toks.iter()
                    .find(|t| {
                        t.raw.len() == 4
                            && t.raw.bytes().all(|b| b.is_ascii_digit())
                            && (1900..=2100).contains(&t.raw.parse::<u32>().unwrap_or(0))
                    })
                    .map(|t| t.raw.to_owned())
            });
        ClauseView {
            toks,
            eligible,
            bound_starts,
            bound_ends,
            aggregate,
            scope,
        }
    }

    /// What one figure measures.
    fn measure(
        &self,
        lx: &Lexicon,
        f: &crate::quantity::Figure,
        context_topic: &[String],
    ) -> Measure {
        let toks = self.toks;
        let concept = |norm: &str| {
            let st = stem(norm);
            lx.synonyms.get(&st).cloned().unwrap_or(st)
        };
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
                    push(&mut head, concept(&t.norm));
                }
            }
        }
        // The words around a figure reach to its neighbouring figures, not
        // past them: "30.6 million viewers, compared with 37.8 million for X".
        let next_fig = self
            .bound_starts
            .get(self.bound_starts.partition_point(|&s| s < end))
            .copied()
            .unwrap_or(usize::MAX);
        let prev_fig = self
            .bound_ends
            .partition_point(|&e| e <= f.span.start)
            .checked_sub(1)
            .map_or(0, |i| self.bound_ends[i]);
        let split_after = self.eligible.partition_point(|&i| toks[i].start < end);
        let split_before = self
            .eligible
            .partition_point(|&i| toks[i].end <= f.span.start);
        let after: Vec<&crate::text::Token<'_>> = self.eligible[split_after..]
            .iter()
            .map(|&i| &toks[i])
            .take_while(|t| t.end <= next_fig)
            .take(LOCAL_WINDOW.max(HEAD_WINDOW))
            .collect();
        let before: Vec<&crate::text::Token<'_>> = self.eligible[..split_before]
            .iter()
            .rev()
            .map(|&i| &toks[i])
            .take_while(|t| t.start >= prev_fig)
            .take(LOCAL_WINDOW.max(HEAD_WINDOW))
            .collect();
        for t in after.iter().take(HEAD_WINDOW) {
            let k = concept(&t.norm);
            if lx.measure_verbs.contains(&k) {
                push(&mut head, k);
            }
        }
        // Before the figure, a measure verb takes what lies between it and
        // the figure as what is measured ("raise the key interest rates by 25").
        let near: Vec<_> = before.iter().take(HEAD_WINDOW).collect();
        if let Some(p) = near
            .iter()
            .position(|t| lx.measure_verbs.contains(&concept(&t.norm)))
        {
            for t in &near[..=p] {
                push(&mut head, concept(&t.norm));
            }
        }
        let mut local: Vec<String> = Vec::new();
        for t in after
            .iter()
            .take(LOCAL_WINDOW)
            .chain(before.iter().take(LOCAL_WINDOW))
        {
            push(&mut local, concept(&t.norm));
        }
        // The record's context says what the statement is about.
        for k in context_topic {
            push(&mut local, k.clone());
        }
        let at = toks.partition_point(|t| t.end <= f.span.start);
        // "There are 100,000 troops", "has 150,000": a present state, which
        // may change between two dates.
        let state = toks[..at]
            .iter()
            .rev()
            .take(STATE_WINDOW)
            .any(|t| STATE_WORDS.contains(&t.norm.as_str()));
        // Proper names in the window.
        let opener = toks.first().map(|t| t.start);
        let mut names: Vec<String> = Vec::new();
        for t in after
            .iter()
            .take(LOCAL_WINDOW)
            .chain(before.iter().take(LOCAL_WINDOW))
        {
            if is_name(t, opener == Some(t.start)) {
                push(&mut names, t.norm.clone());
            }
        }
        let reference = f.value <= REFERENCE_MAX && at > 0 && toks[at - 1].norm == "the";
        Measure {
            head,
            local,
            aggregate: self.aggregate,
            reference,
            state,
            scope: self.scope.clone(),
            names,
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
