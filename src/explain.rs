//! Explanation: a verdict on two claims becomes a reported pair, with the
//! evidence spans of both statements (cue, target, figures) and a sentence
//! a reader can check.

use serde::{Deserialize, Serialize};

use crate::actor::{Actor, ActorKind};
use crate::corpus::{Doc, Packed, Party};
use crate::evidence::{cover, Evidence, Role};
use crate::index::Index;
use crate::judge::{Kind, Verdict};
use crate::knowledge::Link;
use crate::quantity::Figure;
use crate::stance::{CueKind, Field, Polarity};
use crate::text::Span;

/// Two statements that cannot both hold, with the words that show it.
///
/// # Examples
/// ```
/// use gainsay::{Detector, Statement};
/// let st = [
///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
/// ];
/// let report = Detector::new().detect(&st).unwrap();
/// let c = &report.contradictions[0];
/// assert_eq!((c.a.as_str(), c.b.as_str()), ("a", "b"));
/// assert!(c.score > 0.0 && c.score <= 1.0);
/// assert!(c.explanation.contains("denies"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Contradiction {
    /// Id of one statement (the smaller id).
    pub a: String,
    /// Id of the other statement.
    pub b: String,
    /// Stance or quantity.
    pub kind: Kind,
    /// Confidence, 0..1.
    pub score: f64,
    /// The shared proposition, in words.
    pub proposition: String,
    /// A short human explanation.
    pub explanation: String,
    /// Spans of both statements (at least one on each side).
    pub evidence: Vec<Evidence>,
}

/// A score as reported: three decimals.
pub(crate) fn rounded(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}

/// Turns a verdict into a reported pair with evidence and explanation;
/// `None` when a side would have no valid span (never reported then).
pub(crate) fn explain(
    idx: &Index,
    v: &Verdict,
    a: Party<'_>,
    b: Party<'_>,
) -> Option<Contradiction> {
    // Orient the pair by id so the output does not depend on input order.
    let swap = a.doc.id > b.doc.id;
    let (a, b) = if swap { (b, a) } else { (a, b) };
    let clash = Clash::of(v, swap);
    let evidence = evidence_of(&clash, &a, &b, &v.shared);
    if !evidence.iter().any(|e| e.statement == a.doc.id)
        || !evidence.iter().any(|e| e.statement == b.doc.id)
    {
        return None;
    }
    let proposition = proposition_words(idx, &a.doc, &a.claim, &v.shared);
    let explanation = match &clash {
        Clash::Superlative(first, subject, larger) => {
            let mut e = superlative_text(*first, subject, larger, &a, &b);
            push_links(&mut e, idx, v);
            e
        }
        Clash::Figures(fa, fb) => figures_text(fa, fb, &a, &b, &proposition),
        Clash::Marks => marks_text(&a, &b, &proposition),
        Clash::Stance => stance_text(idx, v, &a, &b, &proposition),
    };
    Some(Contradiction {
        a: a.doc.id.to_owned(),
        b: b.doc.id.to_owned(),
        kind: v.kind,
        score: rounded(v.score),
        proposition,
        explanation,
        evidence,
    })
}

/// What a verdict sets against what, with its figures oriented as the pair
/// is (`a` the smaller id).
enum Clash {
    /// "The largest": `true` when side `a` holds the superlative; the
    /// other side's figure and the larger one it gives.
    Superlative(bool, Figure, Figure),
    /// Two figures of one measure, `a`'s first.
    Figures(Figure, Figure),
    /// Quantity marks: a level held steady against a change, a reading
    /// within a limit against one over it.
    Marks,
    /// Opposite stances on one proposition.
    Stance,
}

impl Clash {
    fn of(v: &Verdict, swap: bool) -> Clash {
        if let Some(s) = v.superlative.as_deref() {
            let (first, subject, larger) = s.clone();
            return Clash::Superlative(first != swap, subject, larger);
        }
        match v.figures.as_deref().cloned() {
            Some((fa, fb)) if swap => Clash::Figures(fb, fa),
            Some((fa, fb)) => Clash::Figures(fa, fb),
            None if v.kind == Kind::Quantity => Clash::Marks,
            None => Clash::Stance,
        }
    }
}

/// The evidence spans of both sides: the superlative and the figures it
/// is set against; each figure with what it counts (and a cue of a
/// denying side); the words that mark each side; or each side's cue and
/// the target, the words of the shared proposition.
fn evidence_of(clash: &Clash, a: &Party<'_>, b: &Party<'_>, shared: &[u32]) -> Vec<Evidence> {
    let (sa, sb) = (&a.doc, &b.doc);
    let (ca, cb) = (&a.claim, &b.claim);
    let mut evidence = Vec::new();
    match clash {
        Clash::Superlative(first, subject, larger) => {
            let (ss, sc, fs) = if *first { (sa, ca, sb) } else { (sb, cb, sa) };
            if let Some((span, head)) = &sc.superlative {
                evidence.extend(Evidence::new(ss, Field::Text, *span, Role::Cue));
                if let Some(t) = sc.terms.iter().find(|t| t.key == *head) {
                    evidence.extend(Evidence::new(ss, t.field, t.span, Role::Target));
                }
            }
            evidence.extend(Evidence::new(fs, Field::Text, subject.span, Role::Quantity));
            // What the figure counts: the superlative's noun or a word
            // related to it ("viewers" beside "the largest audience").
            if let Some(counted) = subject.counted {
                evidence.extend(Evidence::new(fs, Field::Text, counted, Role::Target));
            }
            evidence.extend(Evidence::new(fs, Field::Text, larger.span, Role::Quantity));
        }
        Clash::Figures(fa, fb) => {
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
        Clash::Marks => {
            for (s, c) in [(sa, ca), (sb, cb)] {
                evidence.extend(Evidence::new(s, Field::Text, c.marks.span, Role::Cue));
                evidence.extend(target_evidence(s, c, shared));
            }
        }
        Clash::Stance => {
            for (s, c) in [(sa, ca), (sb, cb)] {
                evidence.extend(cue_evidence(s, c));
                evidence.extend(target_evidence(s, c, shared));
            }
        }
    }
    evidence
}

/// "Ann Lee calls it the largest; Bo Park gives 300 against a larger 900".
fn superlative_text(
    first: bool,
    subject: &Figure,
    larger: &Figure,
    a: &Party<'_>,
    b: &Party<'_>,
) -> String {
    let (sup, fig, fig_stmt) = if first {
        (a.actor, b.actor, &b.doc)
    } else {
        (b.actor, a.actor, &a.doc)
    };
    format!(
        "{} it the largest; {} {} against a larger {}",
        subject_verb(sup, "call"),
        subject_verb(fig, "give"),
        fa_text(fig_stmt, subject.span),
        fa_text(fig_stmt, larger.span)
    )
}

/// "visa backlog (2015): [313600, 326400] vs [40180, 41820]; …": the
/// variable, its scope, both intervals in the first figure's unit ("2.1
/// million gallons a day" as barrels beside "900 barrels a day"), who
/// gives what, and whether the intervals miss or one side denies.
fn figures_text(
    fa: &Figure,
    fb: &Figure,
    a: &Party<'_>,
    b: &Party<'_>,
    proposition: &str,
) -> String {
    let ib = fb.comparable_interval_in(fa);
    let unit = unit_text(fa);
    let scope = figure_scope(&a.claim, fa)
        .or_else(|| figure_scope(&b.claim, fb))
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    let variable = if proposition.is_empty() {
        "figure"
    } else {
        proposition
    };
    // A side denies the figure when the judge found no disjoint
    // intervals: the figures overlap.
    let denied = !fa.interval.disjoint(&fb.comparable_interval_in(fa));
    format!(
        "{variable}{scope}: {} vs {}{unit}; {} {}, {} {}: {}",
        interval_text(&fa.interval),
        interval_text(&ib),
        subject_verb(a.actor, "give"),
        fa_text(&a.doc, fa.span),
        subject_verb(b.actor, "give"),
        fa_text(&b.doc, fb.span),
        if denied {
            "one side denies the figure the other states"
        } else {
            "the intervals do not overlap"
        }
    )
}

/// "bus fares: Ann Lee says it held steady (\"remained steady\"), Bo Park
/// says it changed (\"rose from 2 to 3 dollars\")".
fn marks_text(a: &Party<'_>, b: &Party<'_>, proposition: &str) -> String {
    let says = |c: &Packed<'_>| {
        if c.marks.steady() {
            "it held steady"
        } else if c.marks.change() {
            "it changed"
        } else if c.marks.under_limit() {
            "it is within the limit"
        } else {
            "it is over the limit"
        }
    };
    format!(
        "{proposition}: {} {} (\"{}\"), {} {} (\"{}\")",
        subject_verb(a.actor, "say"),
        says(&a.claim),
        fa_text(&a.doc, a.claim.marks.span),
        subject_verb(b.actor, "say"),
        says(&b.claim),
        fa_text(&b.doc, b.claim.marks.span)
    )
}

/// "Ann Lee asserts and Bo Park denies \"build new dam\"", the dates when
/// one actor contradicts themself, and every relation the verdict used.
fn stance_text(
    idx: &Index,
    v: &Verdict,
    a: &Party<'_>,
    b: &Party<'_>,
    proposition: &str,
) -> String {
    let mut e = format!(
        "{} and {} \"{}\"",
        subject_verb(a.actor, verb(a.claim.polarity)),
        subject_verb(b.actor, verb(b.claim.polarity)),
        proposition
    );
    if a.actor.id == b.actor.id {
        e.push_str(&format!(
            " (same actor, on {} and on {})",
            a.doc.date.map(|d| d.to_string()).unwrap_or_default(),
            b.doc.date.map(|d| d.to_string()).unwrap_or_default()
        ));
    }
    push_links(&mut e, idx, v);
    e
}

/// Appends every relation verdict `v` used, each after "; ".
fn push_links(e: &mut String, idx: &Index, v: &Verdict) {
    for &(n, p, link) in &v.links {
        e.push_str("; ");
        e.push_str(&link_text(idx.name(n), idx.name(p), link));
    }
}

/// The relation a verdict used, in words: "road and highway are related
/// (GloVe cosine 0.83)".
fn link_text(a: &str, b: &str, link: Link) -> String {
    let (a, b) = (a.replace('_', " "), b.replace('_', " "));
    match link {
        Link::Family => format!("{a} and {b} are one word family in WordNet"),
        Link::Related(c) => format!("{a} and {b} are related (GloVe cosine {c:.2})"),
        Link::Antonym => format!("{a} is an antonym of {b} in WordNet"),
    }
}

/// The verb of a polarity, in its base form.
fn verb(p: Polarity) -> &'static str {
    match p {
        Polarity::Supports => "support",
        Polarity::Rejects => "reject",
        Polarity::Asserts => "assert",
        Polarity::Denies => "deny",
    }
}

/// `actor` and the present tense of `base` agreeing with it: "Ann Lee
/// denies", "dock workers deny", "Bo Park gives".
fn subject_verb(actor: &Actor, base: &str) -> String {
    if plural(actor) {
        format!("{} {base}", actor.name)
    } else if let Some(stem) = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u']))
    {
        format!("{} {stem}ies", actor.name)
    } else {
        format!("{} {base}s", actor.name)
    }
}

/// True when the actor's name is a plural noun phrase: a group of people
/// whose last word is a plural ("harbour officials", "experts"). A named
/// organization takes a singular verb whatever its last word ("Acme
/// Holdings says").
fn plural(actor: &Actor) -> bool {
    actor.kind == ActorKind::Group
        && actor.name.rsplit(' ').next().is_some_and(|w| {
            w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
        })
}

fn fa_text(s: &Doc<'_>, span: Span) -> String {
    span.slice(s.text).unwrap_or("").to_owned()
}

/// The unit of a figure as an explanation writes it after the intervals:
/// " barrel a day", "%", " USD", "" for a count.
fn unit_text(f: &crate::quantity::Figure) -> String {
    use crate::quantity::Unit;
    let unit = match &f.unit {
        Unit::Percent => "%".to_owned(),
        Unit::PercentagePoint => " percentage points".to_owned(),
        Unit::BasisPoint => " basis points".to_owned(),
        Unit::Money(code) => format!(" {code}"),
        Unit::Measure(name) => format!(" {name}"),
        _ => String::new(),
    };
    match &f.per {
        Some(p) if p.chars().all(|c| c.is_ascii_digit()) => format!("{unit} per {p}"),
        Some(p) => format!("{unit} a {p}"),
        None => unit,
    }
}

/// The time scope the judge compared a figure in ("2015", "day"), when
/// its claim states one.
fn figure_scope<'c>(c: &'c Packed<'_>, f: &crate::quantity::Figure) -> Option<&'c str> {
    let i = c.figures.iter().position(|g| g.span == f.span)?;
    c.measures.get(i)?.scope.as_deref()
}

fn interval_text(i: &crate::quantity::Interval) -> String {
    let num = |x: f64| {
        if x.is_infinite() {
            "∞".to_owned()
        } else if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            // Six decimals at most, trailing zeros dropped: "125.1", not the
            // float's "125.10000000000001".
            let s = format!("{x:.6}");
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
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
fn cue_evidence(s: &Doc<'_>, c: &Packed<'_>) -> Option<Evidence> {
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
    for q in c.cues.iter() {
        if q.field == cue.field && q.span.start >= span.end {
            let gap = s
                .field(cue.field)
                .and_then(|f| f.get(span.end..q.span.start));
            if gap.is_some_and(|g| g.len() <= CUE_JOIN_GAP && !g.contains(['.', ';'])) {
                span.end = q.span.end;
            }
        }
        if q.field == cue.field && q.span.end <= span.start {
            let gap = s
                .field(cue.field)
                .and_then(|f| f.get(q.span.end..span.start));
            if gap.is_some_and(|g| g.len() <= CUE_JOIN_GAP && !g.contains(['.', ';'])) {
                span.start = q.span.start;
            }
        }
    }
    Evidence::new(s, cue.field, span, Role::Cue)
}

/// Two cues with at most this many bytes between them (and no sentence
/// break) show as one span: "not" + "ruled out" in "not yet ruled out".
const CUE_JOIN_GAP: usize = 12;

/// A target span longer than this (bytes) would quote half a sentence: the
/// rarest shared word stands alone instead.
const TARGET_SPAN_MAX: usize = 90;

/// The target: the words of the shared proposition, as one span when they
/// stand close together, else the most telling word alone.
fn target_evidence(s: &Doc<'_>, c: &Packed<'_>, shared: &[u32]) -> Option<Evidence> {
    let terms: Vec<_> = c.terms.iter().filter(|t| shared.contains(&t.key)).collect();
    let field = terms.first()?.field;
    let spans: Vec<Span> = terms
        .iter()
        .filter(|t| t.field == field)
        .map(|t| t.span)
        .collect();
    let span = cover(spans.iter().copied())?;
    let span = if span.len() <= TARGET_SPAN_MAX {
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
fn proposition_words(idx: &Index, s: &Doc<'_>, c: &Packed<'_>, shared: &[u32]) -> String {
    let mut terms: Vec<_> = c.terms.iter().filter(|t| shared.contains(&t.key)).collect();
    terms.sort_by_key(|t| (t.field, t.span.start));
    // A rate's measure term (`measure::add_rate_terms`) spans its figure:
    // it is named by what it measures ("volume a day"), not the figure.
    let words: Vec<String> = terms
        .iter()
        .filter_map(|t| match idx.name(t.key).split_once('/') {
            Some((dim, per)) => Some(format!("{dim} a {per}")),
            None => s
                .field(t.field)
                .and_then(|f| t.span.slice(f))
                .map(str::to_owned),
        })
        .collect();
    if words.is_empty() {
        let names: Vec<&str> = shared.iter().map(|&k| idx.name(k)).collect();
        names.join(" ")
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::Interval;

    #[test]
    fn intervals_read_as_a_person_would_write_them() {
        let i = |lo: f64, hi: f64| Interval {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        };
        assert_eq!(
            interval_text(&i(125.10000000000001, 152.9)),
            "[125.1, 152.9]"
        );
        assert_eq!(interval_text(&i(72000.0, 88000.0)), "[72000, 88000]");
        assert_eq!(interval_text(&i(0.00025, 0.5)), "[0.00025, 0.5]");
        let open = Interval {
            lo_open: true,
            ..i(80.0, f64::INFINITY)
        };
        assert_eq!(interval_text(&open), "(80, ∞)");
    }

    /// A group of people with a plural name takes a plural verb; a person
    /// or an organization a singular one, whatever its last word.
    #[test]
    fn the_verb_agrees_with_the_actor() {
        let actor = |name: &str| {
            let st = crate::Statement::new("x", Some(name), "No.");
            crate::normalize_actors(&[st], None).remove(0)
        };
        let officials = actor("harbour officials");
        assert_eq!(officials.kind, ActorKind::Group, "{officials:?}");
        assert_eq!(subject_verb(&officials, "deny"), "harbour officials deny");
        let lee = actor("Ann Lee");
        assert_eq!(subject_verb(&lee, "deny"), "Ann Lee denies");
        assert_eq!(subject_verb(&lee, "say"), "Ann Lee says");
        assert_eq!(subject_verb(&lee, "give"), "Ann Lee gives");
    }
}
