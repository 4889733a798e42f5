//! What each figure measures: the counted noun and the measure verbs next to
//! it, the words around it (bounded by the neighbouring figures), the time
//! scope, whether it is a sum, a reference or a present state, and the
//! proper names beside it. The quantity judge compares figures only when
//! their measures match.

use crate::lexicon::quantity::QLex;
use crate::lexicon::{Gram, Lexicon, StemEntry, WordEntry, WordRead};
use crate::quantity::{names_a_day, Figure, Qualifier, YEARS};
use crate::stance::{self, Claim, Context, Field, Scanned, StanceContext, Term};
use crate::text::{stem_shared, FxHashMap, Token};
use std::cell::RefCell;
use std::rc::Rc;

/// What a figure measures and what surrounds it.
pub(crate) struct Measure {
    /// What it counts: the counted noun's concepts and the measure verbs
    /// next to it ("people", "die").
    pub head: Vec<String>,
    /// Concepts of the words around it: the figure's own topic.
    pub local: Vec<String>,
    /// True for a sum over several events ("together", "in total").
    pub aggregate: bool,
    /// True for a small figure after "the" ("the two nations"): it refers
    /// to things already known, it does not claim a count.
    pub reference: bool,
    /// True for a present state ("there are 40,000 guards"): two states
    /// on different dates may both be true.
    pub state: bool,
    /// The span of time counted ("day", "cumulative", a year), when stated.
    pub scope: Option<String>,
    /// Proper names next to the figure ("in the valley of Tarn"): two
    /// figures next to different names are about different things.
    pub names: Vec<String>,
    /// True when `head` holds the variable the figure is predicated of
    /// ("the jobless rate was 5%"), not a counted noun after it.
    pub subject: bool,
    /// How the statement refers to its own speaker, if it does.
    pub speaker: SelfReference,
}

/// How a statement refers to its own speaker: as a report has an
/// organization speak of itself ("the firm said it would cut 900 jobs",
/// "its staff"). Read from the statement's text, for each of its figures.
/// The first person is no such sign: "our estimate", "we counted" give the
/// speaker's measure of the world, not a figure about the speaker.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct SelfReference {
    pub org_self: bool,
}

impl SelfReference {
    /// The references of the text scanned as `sc`.
    fn of(sc: &Scanned<'_>) -> SelfReference {
        SelfReference {
            org_self: (0..sc.toks.len()).any(|i| sc.gram(i).is(Gram::ORG_SELF)),
        }
    }
}

/// The measures of every figure of every claim of one record (empty for a
/// claim without figures): `text` is the record's text as the claims were
/// read from it, `context` its context, scanned at most once for both.
pub(crate) fn measures<'a>(
    cx: &StanceContext<'a>,
    text: &Scanned<'a>,
    context: Option<&Context<'a>>,
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
            for t in ctx.claims(cx).into_iter().flat_map(|c| c.terms) {
                if t.key.contains('_') {
                    keys.extend(t.key.split('_').map(str::to_owned));
                }
                keys.push(t.key.into_string());
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
    let speaker = SelfReference::of(text);
    claims
        .iter()
        .map(|c| {
            if c.figures.is_empty() {
                return Vec::new();
            }
            let view = ClauseView::new(lx, text, c);
            let mut ms: Vec<Measure> = c
                .figures
                .iter()
                .map(|f| Measure {
                    speaker,
                    ..view.measure(lx, f, &context_topic)
                })
                .collect();
            if c.compares {
                elliptic_compared(&c.figures, &mut ms);
            }
            ms
        })
        .collect()
}

/// Rule `rate_measure_terms`: a rate in a unit of measurement ("5,000
/// barrels a day") adds what it measures ("volume/day") to its claim's
/// terms, so that two estimates of one flow meet in the index even when
/// their other words differ ("the pipe leaks 900 barrels a day" / "some
/// 40,000 gallons per day are escaping").
pub(crate) fn add_rate_terms(claims: &mut [Claim], lx: &Lexicon) {
    for c in claims.iter_mut() {
        for f in &c.figures {
            if !f.physical_rate() {
                continue;
            }
            let Some(key) = f.measure_key(&lx.quantity) else {
                continue;
            };
            if c.terms.iter().any(|t| t.key == key) {
                continue;
            }
            let at = c.terms.partition_point(|t| t.span.start <= f.span.start);
            c.terms.insert(
                at,
                Term {
                    key: key.into(),
                    field: Field::Text,
                    span: f.span,
                },
            );
        }
    }
}

/// Reads each claim's quantity marks ([`crate::quantity::marks`]) from its
/// clause's tokens and figures. Rule `anaphoric_limit`: a clause opening
/// with "this" or "it" that sets a reading under or over a limit lends that
/// mark to the clause before it, whose figure it points to ("the well reads
/// 30 ppm. This is above the 10 ppm standard").
pub(crate) fn add_marks(claims: &mut [Claim], text: &Scanned<'_>) {
    use crate::quantity::marks;
    let all = &text.toks;
    for k in 0..claims.len() {
        let c = &claims[k];
        let first = all.partition_point(|t| t.start < c.clause.start);
        let run = all[first..]
            .iter()
            .take_while(|t| t.end <= c.clause.end)
            .count();
        let toks = &all[first..first + run];
        let mut m = marks::read(toks, |j| text.level(first + j));
        m.add_change(&c.figures);
        let anaphor = run > 0 && marks::opens_with_anaphor(text.level(first));
        if k > 0 && (m.under_limit() || m.over_limit()) && anaphor {
            let mut prev = claims[k - 1].marks;
            prev.take_limits(m);
            claims[k - 1].marks = prev;
        }
        claims[k].marks = m;
    }
}

/// Rule `elliptic_compared`: in a clause that compares figures, a figure
/// with nothing counted after the figure before it, in a unit that
/// compares, measures what that one measures ("Tarn drew 500 visitors,
/// compared with 300 in Oster": 300 visitors). Figures are in text order.
fn elliptic_compared(figures: &[Figure], ms: &mut [Measure]) {
    for k in 1..figures.len().min(ms.len()) {
        let (f, prev) = (&figures[k], &figures[k - 1]);
        if f.counted.is_none()
            && prev.counted.is_some()
            && ms[k].subject
            && f.comparable_with(prev)
            && f.span.start >= prev.span.end
        {
            ms[k].head = ms[k - 1].head.clone();
            ms[k].subject = ms[k - 1].subject;
        }
    }
}

/// Content words this many tokens either side of a figure form its topic.
const LOCAL_WINDOW: usize = 6;
/// A proper name: a capitalized word that does not open its sentence and is
/// not all capitals (an acronym), a month or day name, or part of a day's
/// name ("Election Day", "New Year's Eve": `after` are the tokens after it,
/// of which the capitalized run is read, at most [`DAY_NAME_WORDS`]).
fn is_name(lx: &QLex, t: &Token<'_>, after: &[Token<'_>], opens: bool) -> bool {
    let caps = t
        .raw
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let day = |t: &Token<'_>| t.is_capitalized() && names_a_day(lx, t.norm());
    t.is_capitalized()
        && !opens
        && !caps
        && !crate::quantity::is_calendar_name(lx, t.norm())
        && !day(t)
        && !after
            .iter()
            .take(DAY_NAME_WORDS)
            .take_while(|x| x.is_capitalized())
            .any(day)
}

/// The most words a day's name has before its noun ("New Year's Eve").
const DAY_NAME_WORDS: usize = 3;

/// The proper names a record mentions, in its text then its context, each
/// once: the names its figures may be linked through. Read from the words
/// the normalizer cut (`text` as scanned, the context's words).
pub(crate) fn names_mentioned<'t>(
    lx: &QLex,
    text: &'t Scanned<'_>,
    context: Option<&'t Context<'_>>,
) -> Vec<&'t str> {
    let mut names = names_of(lx, text.text, &text.toks, text.sentences());
    if let Some(c) = context {
        for x in names_of(lx, c.text, c.tokens(), c.sentences()) {
            if !names.contains(&x) {
                names.push(x);
            }
        }
    }
    names
}

/// The proper names of a text (its words `toks`, its sentence ranges
/// `sentences`), sentence openers aside.
fn names_of<'t>(
    lx: &QLex,
    text: &str,
    toks: &'t [Token<'_>],
    sentences: &[(usize, usize)],
) -> Vec<&'t str> {
    let openers: Vec<usize> = sentences.iter().map(|s| s.0).collect();
    let mut out: Vec<&str> = Vec::new();
    // Tokens and sentence starts both ascend: one walk over the two.
    let mut o = 0;
    for (k, t) in toks.iter().enumerate() {
        while o < openers.len() && openers[o] <= t.start {
            o += 1;
        }
        // The first word of the sentence that starts last before it.
        let opens = o > 0
            && text
                .get(openers[o - 1]..t.start)
                .is_some_and(|gap| !gap.chars().any(char::is_alphanumeric));
        if is_name(lx, t, &toks[k + 1..], opens) && !out.contains(&t.norm()) {
            out.push(t.norm());
        }
    }
    out
}

/// The most context concepts a figure takes as its topic.
const CONTEXT_TOPIC_MAX: usize = 64;

/// The scope word that, before a state or a rate, means now.
const PRESENT_DAY: &str = "today";
/// A state word this many tokens before a figure makes it a state.
const STATE_WINDOW: usize = 4;
/// "The two nations": a figure up to this after "the" is a reference.
const REFERENCE_MAX: f64 = 12.0;
/// The most words a holding phrase's noun phrase has ("with fake tickets").
const HOLDING_WORDS: usize = 3;
/// A figure with nothing counted after it measures what the last this many
/// content words before it name ("the jobless rate was 5%").
const SUBJECT_WORDS: usize = 4;
/// A measure verb this many content words from a figure says what it counts.
const HEAD_WINDOW: usize = 5;

/// What one claim's clause offers its figures, computed once per claim so
/// that each figure costs binary searches and short window walks: a text
/// with thousands of figures stays linear.
struct ClauseView<'t, 'a> {
    /// The clause's tokens (a run of the statement's tokens), and
    /// what the lexicon says of the stems and of the folded words.
    toks: &'t [Token<'a>],
    reads: &'t [WordRead<'a>],
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
    /// True when that phrase is "today" ([`PRESENT_DAY`]).
    today: bool,
    /// Four-digit years of the clause: (byte start, year).
    years: Vec<(usize, String)>,
    /// Each token's concept, computed on first use: every figure of the
    /// clause reads the tokens around it, and a concept costs WordNet
    /// look-ups ([`ClauseView::concept`]).
    concepts: Vec<std::cell::OnceCell<String>>,
}

impl<'t, 'a> ClauseView<'t, 'a> {
    /// The view of `claim`'s clause of the scanned text `sc`: its tokens,
    /// the content words its figures may read, the figures that bound a
    /// window, and what the clause says of all its figures (a sum, a time
    /// scope, its years).
    fn new(lx: &Lexicon, sc: &'t Scanned<'a>, claim: &Claim) -> ClauseView<'t, 'a> {
        let clause = clause_range(&sc.toks, claim);
        let toks = &sc.toks[clause.clone()];
        let reads = &sc.reads[clause];
        let eligible = eligible_words(toks, reads, &claim.figures);
        let bounds = Bounds::of(&claim.figures);
        let aggregate = is_aggregate(lx, reads, toks);
        let (scope, today) = time_scope(lx, reads, toks);
        ClauseView {
            toks,
            reads,
            eligible,
            bound_starts: bounds.starts,
            bound_ends: bounds.ends,
            counted_ends: bounds.counted_ends,
            aggregate,
            scope,
            today,
            years: years_of(toks),
            concepts: vec![std::cell::OnceCell::new(); toks.len()],
        }
    }

    /// The stem key of clause token `k`, which the measure lists key on.
    fn stem_key(&self, k: usize) -> &str {
        stance::stem_concept(self.reads[k].entry, &self.reads[k].stem)
    }

    /// True when clause token `k` is a measure word ("died", "used").
    fn is_measure(&self, k: usize, lx: &Lexicon) -> bool {
        lx.measure_verbs.contains(self.stem_key(k))
    }

    /// The concept of clause token `k`, named as claim terms are (WordNet
    /// lemmas and synsets, [`crate::knowledge::concept`]), so a figure's
    /// measure meets the terms of a claim: a user's measure or synonym
    /// group first, else rule [`derived_measure`].
    fn concept(&self, k: usize, lx: &Lexicon) -> String {
        self.concepts[k]
            .get_or_init(|| self.concept_of(k, lx))
            .clone()
    }

    /// [`ClauseView::concept`], computed.
    fn concept_of(&self, k: usize, lx: &Lexicon) -> String {
        let key = self.stem_key(k);
        if let Some(group) = lx.measure_group.get(key) {
            return group.clone();
        }
        if let Some(group) = self.reads[k].entry.and_then(|e| e.synonym.clone()) {
            return group;
        }
        derived_measure(lx, self.toks[k].norm(), lx.measure_verbs.contains(key))
    }

    /// True when clause token `k` is a content word.
    /// The grammar lists clause token `k` is in.
    fn gram(&self, k: usize) -> Gram {
        Gram::of(self.reads[k].word)
    }

    fn is_content(&self, k: usize) -> bool {
        content(&self.toks[k], self.reads[k].word, self.reads[k].entry)
    }

    /// What one figure measures: what it counts ([`ClauseView::head`]),
    /// the words around it, whether it is a state, a reference or a sum,
    /// the names beside it and the time it covers.
    fn measure(&self, lx: &Lexicon, f: &Figure, context_topic: &[String]) -> Measure {
        let toks = self.toks;
        let end = f.counted.map_or(f.span.end, |c| c.end);
        let win = self.window(f, end);
        let (head, subject) = self.head(lx, f, &win);
        let mut local: Vec<String> = Vec::new();
        for k in self.near(&win) {
            push_new(&mut local, self.concept(k, lx));
        }
        // The record's context says what the statement is about.
        for k in context_topic {
            push_new(&mut local, k.clone());
        }
        let at = toks.partition_point(|t| t.end <= f.span.start);
        let state = self.is_state(at);
        let reference = f.value <= REFERENCE_MAX && at > 0 && toks[at - 1].norm() == "the";
        let year = self.year_of(end, win.next_fig);
        // Rule `today_is_present`: "today" before a present state or a rate
        // ("the stockpile today holds 300 tons", "the pipe today leaks 900
        // barrels a day") says now, not a count of one day.
        let clause_scope = if self.today && (state || f.per.is_some()) {
            None
        } else {
            self.scope.clone()
        };
        Measure {
            head,
            local,
            aggregate: self.aggregate,
            reference,
            state,
            scope: clause_scope.or(year),
            names: self.names_near(lx, &win),
            subject,
            speaker: SelfReference::default(),
        }
    }

    /// What figure `f` counts: the concepts of its counted noun, its unit
    /// of measurement, and the measure verbs beside it, else the variable
    /// before it; and whether that variable is what it holds (`subject`).
    fn head(&self, lx: &Lexicon, f: &Figure, win: &Window) -> (Vec<String>, bool) {
        let mut head = self.counted_head(lx, f);
        // Rule `filler_count_takes_subject`: a counted noun that says
        // nothing ("the backlog stood at 41,000 cases") leaves what is
        // measured to the words before the figure, as if nothing were counted.
        let counted_says = !head.is_empty();
        // A unit of measurement says what is measured: "barrels a day" and
        // "gallons per day" both measure a volume a day.
        if let Some(k) = f.measure_key(&lx.quantity) {
            push_new(&mut head, k);
        }
        for &k in win.after.iter().take(HEAD_WINDOW) {
            if self.is_measure(k, lx) {
                push_new(&mut head, self.concept(k, lx));
            }
        }
        let near = self.verb_reach(f, win);
        let mut subject = false;
        if let Some(p) = near.iter().position(|&k| self.is_measure(k, lx)) {
            for &k in &near[..=p] {
                push_new(&mut head, self.concept(k, lx));
            }
        } else if (f.counted.is_none() || !counted_says) && !near.is_empty() {
            subject = true;
            // Nothing counted after the figure: it measures the variable it
            // is predicated of, the words before it ("the jobless rate was
            // 5%", "the backlog stood at 41,000").
            for &k in near.iter().take(SUBJECT_WORDS) {
                push_new(&mut head, self.concept(k, lx));
            }
        }
        (head, subject)
    }

    /// The concepts of the content words of what `f` counts. Rule
    /// `holding_counts`: "900 riders with forged passes": one holder per
    /// thing held, so the noun of a with/without phrase is counted too.
    fn counted_head(&self, lx: &Lexicon, f: &Figure) -> Vec<String> {
        let toks = self.toks;
        let mut head = Vec::new();
        let Some(c) = f.counted else {
            return head;
        };
        let from = toks.partition_point(|t| t.start < c.start);
        let run = toks[from..].iter().take_while(|t| t.end <= c.end).count();
        for k in from..from + run {
            if self.is_content(k) {
                push_new(&mut head, self.concept(k, lx));
            }
        }
        let k = from + run;
        if k < toks.len() && self.gram(k).is(Gram::HOLDING) {
            let noun = (k + 1..toks.len().min(k + 1 + HOLDING_WORDS))
                .take_while(|&j| self.is_content(j))
                .last();
            if let Some(j) = noun {
                push_new(&mut head, self.concept(j, lx));
            }
        }
        head
    }

    /// The content words around figure `f` (what it counts ends at `end`):
    /// they reach to its neighbouring figures, not past them ("4.1 million
    /// readers, compared with 5.2 million for the rival").
    fn window(&self, f: &Figure, end: usize) -> Window {
        let toks = self.toks;
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
        let after = self.eligible[split_after..]
            .iter()
            .copied()
            .take_while(|&i| toks[i].end <= next_fig)
            .take(LOCAL_WINDOW.max(HEAD_WINDOW))
            .collect();
        let before = self.eligible[..split_before]
            .iter()
            .rev()
            .copied()
            .take_while(|&i| toks[i].start >= prev_fig)
            .take(LOCAL_WINDOW.max(HEAD_WINDOW))
            .collect();
        Window {
            after,
            before,
            next_fig,
        }
    }

    /// Rule `verb_before_figure`: before the figure, a measure verb takes
    /// what lies between it and the figure as what is measured ("lift the
    /// base lending rates by 40"), but not the noun the figure before
    /// counts ("150 trips, compared with 90 in 2019": "trips" is not 90's
    /// verb). The content words before `f` a verb may reach, nearest first.
    fn verb_reach(&self, f: &Figure, win: &Window) -> Vec<usize> {
        let prev_counted = self
            .counted_ends
            .partition_point(|&(e, _)| e <= f.span.start)
            .checked_sub(1)
            .map_or(0, |i| self.counted_ends[i].1);
        win.before
            .iter()
            .copied()
            .take(HEAD_WINDOW)
            .take_while(|&k| self.toks[k].start >= prev_counted)
            .collect()
    }

    /// The words of a figure's topic: [`LOCAL_WINDOW`] content words after
    /// it, then as many before it.
    fn near<'w>(&self, win: &'w Window) -> impl Iterator<Item = usize> + 'w {
        win.after
            .iter()
            .take(LOCAL_WINDOW)
            .chain(win.before.iter().take(LOCAL_WINDOW))
            .copied()
    }

    /// Rule `present_state`: "there are 40,000 guards", "has 90,000": a
    /// state word up to [`STATE_WINDOW`] tokens before the figure (at
    /// clause token `at`) makes it a present state, which may change
    /// between two dates.
    fn is_state(&self, at: usize) -> bool {
        (0..at)
            .rev()
            .take(STATE_WINDOW)
            .any(|k| self.gram(k).is(Gram::STATE))
    }

    /// The proper names among a figure's topic words.
    fn names_near(&self, lx: &Lexicon, win: &Window) -> Vec<String> {
        let toks = self.toks;
        let opener = toks.first().map(|t| t.start);
        let mut names: Vec<String> = Vec::new();
        for k in self.near(win) {
            let t = &toks[k];
            if is_name(&lx.quantity, t, &toks[k + 1..], opener == Some(t.start)) {
                push_new(&mut names, t.norm().to_owned());
            }
        }
        names
    }

    /// Rule `year_of_figure`: a year after a figure (what it counts ends at
    /// `end`), before the next one, is that figure's ("1.4 million in 2011
    /// and 650,000 in 2015"); a year before the first figure ("In 2020, …")
    /// is the whole clause's.
    fn year_of(&self, end: usize, next_fig: usize) -> Option<String> {
        self.years
            .iter()
            .find(|&&(s, _)| s >= end && s < next_fig)
            .or_else(|| {
                let first = self.bound_starts.first().copied().unwrap_or(usize::MAX);
                self.years.iter().find(|&&(s, _)| s < first)
            })
            .map(|(_, y)| y.clone())
    }
}

/// The indices into `all` (a statement's tokens) of `claim`'s clause.
fn clause_range(all: &[Token<'_>], claim: &Claim) -> std::ops::Range<usize> {
    let first = all.partition_point(|t| t.start < claim.clause.start);
    let run = all[first..]
        .iter()
        .take_while(|t| t.end <= claim.clause.end)
        .count();
    first..first + run
}

/// The clause tokens that may say what a figure measures: content words
/// outside every figure ("40 people": "people", not "40"), found by one
/// sweep of the figures by start.
fn eligible_words(toks: &[Token<'_>], reads: &[WordRead<'_>], figures: &[Figure]) -> Vec<usize> {
    let mut figs: Vec<(usize, usize)> =
        figures.iter().map(|g| (g.span.start, g.span.end)).collect();
    figs.sort_unstable();
    let (mut next, mut reach) = (0, 0usize);
    let mut eligible = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        while next < figs.len() && figs[next].0 <= t.start {
            reach = reach.max(figs[next].1);
            next += 1;
        }
        if t.end > reach && content(t, reads[k].word, reads[k].entry) {
            eligible.push(k);
        }
    }
    eligible
}

/// The figures of a clause that bound the window of words around another,
/// as sorted starts, ends and (end, end of what it counts).
struct Bounds {
    starts: Vec<usize>,
    ends: Vec<usize>,
    counted_ends: Vec<(usize, usize)>,
}

impl Bounds {
    /// Rule `reference_does_not_bound`: small reference figures ("the
    /// three main ports") and the old value of a change ("from 40 to 90")
    /// do not bound a window; every other figure does.
    fn of(figures: &[Figure]) -> Bounds {
        let bounding: Vec<&Figure> = figures
            .iter()
            .filter(|g| g.value > REFERENCE_MAX && g.qualifier != Qualifier::From)
            .collect();
        let mut starts: Vec<usize> = bounding.iter().map(|g| g.span.start).collect();
        let mut ends: Vec<usize> = bounding.iter().map(|g| g.span.end).collect();
        let mut counted_ends: Vec<(usize, usize)> = bounding
            .iter()
            .map(|g| (g.span.end, g.counted.map_or(g.span.end, |c| c.end)))
            .collect();
        starts.sort_unstable();
        ends.sort_unstable();
        counted_ends.sort_unstable();
        Bounds {
            starts,
            ends,
            counted_ends,
        }
    }
}

/// Which phrase lists clause token `i`'s stem opens an entry of: a list is
/// searched only there.
fn opens(reads: &[WordRead<'_>], i: usize) -> crate::lexicon::Opens {
    reads[i].entry.map(|e| e.opens).unwrap_or_default()
}

/// True when the clause counts a sum over several events ("in all", "all
/// told": the aggregate phrase list).
fn is_aggregate(lx: &Lexicon, reads: &[WordRead<'_>], toks: &[Token<'_>]) -> bool {
    (0..reads.len()).any(|i| {
        opens(reads, i).aggregate && lx.aggregate.match_at(reads, toks, i, &lx.stop).is_some()
    })
}

/// The time the clause's counts cover, from its first scope phrase ("per
/// week", "so far this year"), and whether that phrase is "today"
/// ([`PRESENT_DAY`]). A year is placed per figure in `measure`.
fn time_scope(lx: &Lexicon, reads: &[WordRead<'_>], toks: &[Token<'_>]) -> (Option<String>, bool) {
    let scoped = (0..reads.len())
        .filter(|&i| opens(reads, i).time_scope)
        .find_map(|i| {
            let p = lx.time_scopes.phrase_at(reads, toks, i, &lx.stop)?;
            Some((lx.time_scope_of.get(p).cloned()?, i))
        });
    let today = scoped
        .as_ref()
        .is_some_and(|&(_, i)| toks[i].norm() == PRESENT_DAY);
    (scoped.map(|(s, _)| s), today)
}

/// The four-digit years of a clause (the figure parser's year range,
/// [`YEARS`]): (byte start, year).
fn years_of(toks: &[Token<'_>]) -> Vec<(usize, String)> {
    toks.iter()
        .filter(|t| {
            t.raw.len() == 4
                && t.raw.bytes().all(|b| b.is_ascii_digit())
                && YEARS.contains(&t.raw.parse::<u32>().unwrap_or(0))
        })
        .map(|t| (t.start, t.raw.to_owned()))
        .collect()
}

/// Adds `k` to `v` unless it is there.
fn push_new(v: &mut Vec<String>, k: String) {
    if !v.contains(&k) {
        v.push(k);
    }
}

/// The content words around one figure, bounded by its neighbouring
/// figures: clause token indices, nearest first on each side.
struct Window {
    after: Vec<usize>,
    before: Vec<usize>,
    /// The start of the next bounding figure (`usize::MAX` without one).
    next_fig: usize,
}

/// A word that may say what a figure measures: not a number, a stop word, a
/// negation or a frame word (`word` and `entry`: what the lexicon says of
/// the token's folded form and of its stem).
fn content(t: &Token<'_>, word: Option<&WordEntry>, entry: Option<&StemEntry>) -> bool {
    !t.is_numeric()
        && !word.is_some_and(|w| w.stop)
        && !entry.is_some_and(|e| e.negation_word || e.frame)
}

/// Rule `derived_measure`: a word and the measure words WordNet derives
/// from it or it derives count one thing, named by the smallest of their
/// concepts, so both sides of a pair name it alike: "412 deaths" and "412
/// people died" (death ↔ die), "9,000 visitors" and "9,000 people visited"
/// (visitor ↔ visit), "30 injuries" and "30 were injured" (injury ↔
/// injure). One named relation, one hop: a word with no derived measure
/// word keeps its own concept.
fn derived_measure(lx: &Lexicon, norm: &str, is_measure: bool) -> String {
    // Per word: its derived measure as a measure word and as another word.
    type Kept = FxHashMap<Box<str>, [Option<Rc<str>>; 2]>;
    thread_local! {
        static CACHE: RefCell<(u64, Kept)> = RefCell::new((0, Kept::default()));
    }
    // Per thread and per build of the lexicon (the measure words are its
    // own): a word's derived measure is read once.
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.0 != lx.build() || cache.1.len() >= DERIVED_CACHE_LIMIT {
            *cache = (lx.build(), Kept::default());
        }
        let at = usize::from(is_measure);
        if let Some(kept) = cache.1.get(norm).and_then(|k| k[at].as_ref()) {
            return kept.to_string();
        }
        let found = derived_measure_uncached(lx, norm, is_measure);
        cache.1.entry(norm.into()).or_default()[at] = Some(Rc::from(found.as_str()));
        found
    })
}

/// Most words [`derived_measure`]'s per-thread cache keeps before it
/// starts over.
const DERIVED_CACHE_LIMIT: usize = 100_000;

/// [`derived_measure`], computed.
fn derived_measure_uncached(lx: &Lexicon, norm: &str, is_measure: bool) -> String {
    let own = crate::knowledge::concept_shared(norm).to_string();
    if !crate::knowledge::on(crate::knowledge::Switch::Derivations) {
        return own;
    }
    let mut best: Option<String> = is_measure.then(|| own.clone());
    for &d in crate::knowledge::derived_shared(norm).iter() {
        if d.contains('_') {
            continue;
        }
        let stem = stem_shared(d);
        if !lx
            .measure_verbs
            .contains(stance::stem_concept(lx.stem_entry(&stem), &stem))
        {
            continue;
        }
        let c = crate::knowledge::concept_shared(d);
        if best.as_deref().is_none_or(|b| *c < *b) {
            best = Some(c.to_string());
        }
    }
    best.unwrap_or(own)
}

#[cfg(test)]
mod tests {
    use super::names_of;
    use crate::text::words;

    fn names(text: &str) -> Vec<String> {
        let toks = words(text);
        names_of(
            crate::lexicon::quantity::QLex::get(),
            text,
            &toks,
            &crate::text::sentences(text),
        )
        .into_iter()
        .map(str::to_owned)
        .collect()
    }

    /// A text's claims and their figure measures, read as
    /// `reading::normalize` reads them (without corpus names).
    fn read(text: &str) -> (Vec<crate::stance::Claim>, Vec<Vec<super::Measure>>) {
        crate::stance::with_test_context(|cx| {
            let sc = crate::stance::Scanned::new(cx.lexicon, text, crate::stance::Field::Text);
            let mut claims = crate::stance::claims_of(cx, &sc, None);
            super::add_rate_terms(&mut claims, cx.lexicon);
            super::add_marks(&mut claims, &sc);
            let ms = super::measures(cx, &sc, None, &claims);
            (claims, ms)
        })
    }

    /// The terms a text's claims hold after `add_rate_terms`.
    fn rate_terms(text: &str) -> Vec<String> {
        let (claims, _) = read(text);
        claims
            .iter()
            .flat_map(|c| c.terms.iter().map(|t| t.key.to_string()))
            .filter(|k| k.contains('/') || k == "volume")
            .collect()
    }

    #[test]
    fn rate_measure_terms() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            ("The broken valve spills 900 barrels of brine a day.", &["volume/day"]),
            ("Some 40,000 gallons per day are escaping.", &["volume/day"]),
            ("The tank spilled 900 barrels of brine.", &[]),
            ("The mill pays 12 dollars an hour.", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(rate_terms(text), *want, "{text}");
        }
    }

    /// The heads of each figure of a text's first claim.
    fn heads(text: &str) -> Vec<Vec<String>> {
        let (_, measures) = read(text);
        measures[0].iter().map(|m| m.head.clone()).collect()
    }

    /// Rule `derived_measure`: a verb and the noun WordNet derives from it
    /// count one thing; unrelated measure words do not meet.
    #[test]
    fn derived_measure() {
        #[rustfmt::skip]
        let same: &[(&str, &str)] = &[
            ("The flood left 412 deaths in the valley.", "412 people died in the valley flood."),
            ("The fair drew 9,000 visitors.", "9,000 people visited the fair."),
            ("The crash caused 30 injuries.", "30 passengers were injured in the crash."),
            ("Police made 60 arrests at the march.", "Police arrested 60 people at the march."),
        ];
        for (a, b) in same {
            let (ha, hb) = (heads(a), heads(b));
            assert!(
                ha[0].iter().any(|k| hb[0].contains(k)),
                "{a} / {b}: {ha:?} vs {hb:?}"
            );
        }
        let (ha, hb) = (
            heads("412 people died in the flood."),
            heads("412 people were injured in the flood."),
        );
        assert!(
            !ha[0].iter().any(|k| hb[0].contains(k) && k != "people"),
            "{ha:?} vs {hb:?}"
        );
    }

    /// The scope of each figure of a text's first claim.
    fn scopes(text: &str) -> Vec<Option<String>> {
        let (_, measures) = read(text);
        measures[0].iter().map(|m| m.scope.clone()).collect()
    }

    /// A four-digit year of the clause is the time a figure counts, in the
    /// figure parser's one year range (older years too).
    #[test]
    fn a_clause_year_scopes_its_figures() {
        assert_eq!(
            scopes("In 1987 the Varo mill had 300 looms."),
            [Some("1987".into())]
        );
        assert_eq!(
            scopes("In 1850 the Varo mill had 300 looms."),
            [Some("1850".into())]
        );
        // Past the range, a four-digit number is a count, no year.
        let far = scopes("In 2350 the Varo mill will have 300 looms.");
        assert!(far.iter().all(Option::is_none), "{far:?}");
    }

    #[test]
    fn today_is_present() {
        #[rustfmt::skip]
        let cases: &[(&str, &[Option<&str>])] = &[
            ("The Varo pipe today leaks 900 barrels of brine per day.", &[None]),
            ("The Oster depot today has 300 tons of grain.", &[None]),
            ("Two strikes hit the Oster port today.", &[Some("day")]),
            ("Two strikes hit the Oster port yesterday.", &[Some("day")]),
        ];
        for (text, want) in cases {
            let want: Vec<Option<String>> = want.iter().map(|w| w.map(str::to_owned)).collect();
            assert_eq!(scopes(text), want, "{text}");
        }
    }

    #[test]
    fn names_skip_sentence_openers_acronyms_and_dates() {
        assert_eq!(
            names("Turnout in Ohio rose. Voters in NATO states and Tarn came in May."),
            ["ohio", "tarn"]
        );
    }

    #[test]
    fn the_name_of_a_day_is_a_date_not_a_thing() {
        assert_eq!(
            names("Riders took 500 trips on Harvest Day and 300 on New Year's Eve in Tarn."),
            ["tarn"]
        );
    }
}
