//! What each figure measures: the counted noun and the measure verbs next to
//! it, the words around it (bounded by the neighbouring figures), the time
//! scope, whether it is a sum, a reference or a present state, and the
//! proper names beside it. The quantity judge compares figures only when
//! their measures match.

use crate::judge::Measure;
use crate::lexicon::Lexicon;
use crate::stance::{self, Claim, StanceContext};
use crate::text::{stem, words, Token};

/// The measures of every figure of every claim of one record (empty for a
/// claim without figures).
pub(crate) fn measures(
    cx: &StanceContext<'_>,
    text: &str,
    context: Option<&str>,
    claims: &[Claim],
) -> Vec<Vec<Measure>> {
    if claims.iter().all(|c| c.figures.is_empty()) {
        return claims.iter().map(|_| Vec::new()).collect();
    }
    let lx = cx.lexicon;
    let context_topic: Vec<String> = match context {
        Some(ctx) => {
            // Compound names count by their words too, as the words around
            // a figure are single words.
            let mut keys = Vec::new();
            for t in stance::claims(cx, ctx, None)
                .into_iter()
                .flat_map(|c| c.terms)
            {
                if t.key.contains('_') {
                    keys.extend(t.key.split('_').map(str::to_owned));
                }
                keys.push(t.key);
            }
            // Every figure copies this topic: a bound keeps a long context
            // from costing per figure.
            keys.sort_unstable();
            keys.dedup();
            keys.truncate(CONTEXT_TOPIC_MAX);
            keys
        }
        None => Vec::new(),
    };
    let toks = words(text);
    claims
        .iter()
        .map(|c| {
            if c.figures.is_empty() {
                return Vec::new();
            }
            let view = ClauseView::new(lx, &toks, c);
            c.figures
                .iter()
                .map(|f| view.measure(lx, f, &context_topic))
                .collect()
        })
        .collect()
}

/// Content words this many tokens either side of a figure form its topic.
const LOCAL_WINDOW: usize = 6;
/// A proper name: a capitalized word that does not open its sentence and is
/// not all capitals (an acronym) or a month or day name.
fn is_name(t: &Token<'_>, opens: bool) -> bool {
    let caps = t
        .raw
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    t.is_capitalized() && !opens && !caps && !MONTHS.contains(&t.norm.as_str())
}

/// The proper names a record mentions, in its text then its context, each
/// once: the names its figures may be linked through.
pub(crate) fn names_mentioned(text: &str, context: Option<&str>) -> Vec<String> {
    let mut names = names_of(text);
    if let Some(c) = context {
        for x in names_of(c) {
            if !names.contains(&x) {
                names.push(x);
            }
        }
    }
    names
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

/// What one claim's clause offers its figures, computed once per claim so
/// that each figure costs binary searches and short window walks: a text
/// with thousands of figures stays linear.
struct ClauseView<'t, 'a> {
    /// The clause's tokens (a run of the statement's tokens).
    toks: &'t [Token<'a>],
    /// Indices into `toks` of content words outside every figure.
    eligible: Vec<usize>,
    /// Starts and ends of the figures that bound a window, sorted.
    bound_starts: Vec<usize>,
    bound_ends: Vec<usize>,
    /// (end, end of what it counts) of the bounding figures, sorted.
    counted_ends: Vec<(usize, usize)>,
    aggregate: bool,
    /// The time the clause's counts cover, from a scope phrase.
    scope: Option<String>,
    /// Four-digit years of the clause: (byte start, year).
    years: Vec<(usize, String)>,
}

impl<'t, 'a> ClauseView<'t, 'a> {
    fn new(lx: &Lexicon, all: &'t [Token<'a>], claim: &Claim) -> ClauseView<'t, 'a> {
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
        let mut counted_ends: Vec<(usize, usize)> = bounding
            .iter()
            .map(|g| (g.span.end, g.counted.map_or(g.span.end, |c| c.end)))
            .collect();
        bound_starts.sort_unstable();
        bound_ends.sort_unstable();
        counted_ends.sort_unstable();
        let stems: Vec<String> = toks.iter().map(|t| stem(&t.norm)).collect();
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        let aggregate =
            (0..stems.len()).any(|i| lx.aggregate.match_at(&stems, &norms, i, &lx.stop).is_some());
        // The time the count covers: a scope phrase of the clause, else a
        // year (placed per figure in `measure`).
        let scope = (0..stems.len()).find_map(|i| {
            let n = lx.time_scopes.match_at(&stems, &norms, i, &lx.stop)?;
            lx.time_scope_of.get(&stems[i..i + n]).cloned()
        });
        let years = toks
            .iter()
            .filter(|t| {
                t.raw.len() == 4
                    && t.raw.bytes().all(|b| b.is_ascii_digit())
                    && (1900..=2100).contains(&t.raw.parse::<u32>().unwrap_or(0))
            })
            .map(|t| (t.start, t.raw.to_owned()))
            .collect();
        ClauseView {
            toks,
            eligible,
            bound_starts,
            bound_ends,
            counted_ends,
            aggregate,
            scope,
            years,
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
        // What is counted, as one measured concept ("trips" and "used" both
        // count rides).
        let measured = |k: String| lx.measure_group.get(&k).cloned().unwrap_or(k);
        let mut head: Vec<String> = Vec::new();
        let end = f.counted.map_or(f.span.end, |c| c.end);
        if let Some(c) = f.counted {
            let from = toks.partition_point(|t| t.start < c.start);
            for t in toks[from..].iter().take_while(|t| t.end <= c.end) {
                if content(lx, t) {
                    push(&mut head, measured(concept(&t.norm)));
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
        let after: Vec<&Token<'_>> = self.eligible[split_after..]
            .iter()
            .map(|&i| &toks[i])
            .take_while(|t| t.end <= next_fig)
            .take(LOCAL_WINDOW.max(HEAD_WINDOW))
            .collect();
        let before: Vec<&Token<'_>> = self.eligible[..split_before]
            .iter()
            .rev()
            .map(|&i| &toks[i])
            .take_while(|t| t.start >= prev_fig)
            .take(LOCAL_WINDOW.max(HEAD_WINDOW))
            .collect();
        for t in after.iter().take(HEAD_WINDOW) {
            let k = concept(&t.norm);
            if lx.measure_verbs.contains(&k) {
                push(&mut head, measured(k));
            }
        }
        // Before the figure, a measure verb takes what lies between it and
        // the figure as what is measured ("raise the key interest rates by 25"),
        // but not the noun the figure before counts ("150 trips, compared
        // with 90 in 2019": "trips" is not 90's verb).
        let prev_counted = self
            .counted_ends
            .partition_point(|&(e, _)| e <= f.span.start)
            .checked_sub(1)
            .map_or(0, |i| self.counted_ends[i].1);
        let near: Vec<_> = before
            .iter()
            .take(HEAD_WINDOW)
            .take_while(|t| t.start >= prev_counted)
            .collect();
        if let Some(p) = near
            .iter()
            .position(|t| lx.measure_verbs.contains(&concept(&t.norm)))
        {
            for t in &near[..=p] {
                push(&mut head, measured(concept(&t.norm)));
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
        // A year after a figure, before the next one, is that figure's ("1.1
        // million in 2009 and 782,000 in 2013"); a year before the first
        // figure ("In 2020, …") is the whole clause's.
        let year = self
            .years
            .iter()
            .find(|&&(s, _)| s >= end && s < next_fig)
            .or_else(|| {
                let first = self.bound_starts.first().copied().unwrap_or(usize::MAX);
                self.years.iter().find(|&&(s, _)| s < first)
            })
            .map(|(_, y)| y.clone());
        let reference = f.value <= REFERENCE_MAX && at > 0 && toks[at - 1].norm == "the";
        Measure {
            head,
            local,
            aggregate: self.aggregate,
            reference,
            state,
            scope: self.scope.clone().or(year),
            names,
        }
    }
}

/// A word that may say what a figure measures: not a number, a stop word, a
/// negation or a frame word.
fn content(lx: &Lexicon, t: &Token<'_>) -> bool {
    !t.is_numeric()
        && !lx.stop.contains(&t.norm)
        && !lx.negation.contains_word(&stem(&t.norm))
        && !lx.frame.contains(&stem(&t.norm))
}
