//! Stance normalization: the claims a statement makes.
//!
//! A statement is cut into clauses (sentences, then `;` and contrastive
//! conjunctions). Each clause becomes a [`Claim`]: its proposition terms
//! (stemmed content words mapped through the synonym lexicon), its polarity
//! (supports / rejects / asserts / denies), its modality and hedges, and the
//! span of the cue that decided the polarity. A clause too poor in content to
//! say what it is about ("fine by us", "Certainly not.") takes its
//! proposition from the question before it or from the record's `context`.
//!
//! Every span points into the original `text` or `context` field.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::rc::Rc;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::knowledge::{on, Switch};
use crate::lexicon::{
    has, Gram, GrammarWords, Lexicon, Opens, PhraseSet, StemEntry, WordEntry, WordRead,
};
use crate::quantity::{parse_figures_in, Figure};
pub(crate) use crate::record::Field;
use crate::text::{class, fold, sentences, words, FxHashSet, Span, Token};

impl std::fmt::Display for Polarity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a claim stands on its proposition.
///
/// # Examples
/// ```
/// use gainsay::{Detector, Polarity, Statement};
/// let d = Detector::new();
/// let no = d.claims(&Statement::new("a", None, "The council will not build the dam."));
/// assert_eq!(no[0].polarity, Polarity::Denies);
/// let yes = d.claims(&Statement::new("b", None, "The council will build the dam."));
/// assert_eq!(yes[0].polarity, Polarity::Asserts);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Polarity {
    /// An explicit stance for it ("ok with", "open to", "has not ruled out").
    Supports,
    /// An explicit stance against it ("ruled out", "rejects", "we don't agree").
    Rejects,
    /// A plain affirmative statement of it.
    Asserts,
    /// A plain negated statement of it ("will not send troops").
    Denies,
}

impl Polarity {
    /// The name the JSON report gives it.
    ///
    /// ```
    /// assert_eq!(gainsay::Polarity::Denies.to_string(), "denies");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Polarity::Supports => "supports",
            Polarity::Rejects => "rejects",
            Polarity::Asserts => "asserts",
            Polarity::Denies => "denies",
        }
    }

    /// True for the positive side (supports, asserts).
    ///
    /// # Examples
    /// ```
    /// use gainsay::Polarity;
    /// assert!(Polarity::Supports.is_positive() && Polarity::Asserts.is_positive());
    /// assert!(!Polarity::Rejects.is_positive() && !Polarity::Denies.is_positive());
    /// ```
    pub fn is_positive(self) -> bool {
        matches!(self, Polarity::Supports | Polarity::Asserts)
    }

    /// True when an explicit stance cue (not bare grammar) decided it.
    ///
    /// # Examples
    /// ```
    /// use gainsay::Polarity;
    /// assert!(Polarity::Supports.is_explicit() && Polarity::Rejects.is_explicit());
    /// assert!(!Polarity::Asserts.is_explicit());
    /// ```
    pub fn is_explicit(self) -> bool {
        matches!(self, Polarity::Supports | Polarity::Rejects)
    }
}

/// How firmly a claim is put.
///
/// # Examples
/// ```
/// use gainsay::{Detector, Modality, Statement};
/// let d = Detector::new();
/// let q = d.claims(&Statement::new("a", None, "Will the council build the new dam?"));
/// assert_eq!(q[0].modality, Modality::Question);
/// let c = d.claims(&Statement::new("b", None, "If the river floods, the council will build the dam."));
/// assert_eq!(c[0].modality, Modality::Conditional);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Modality {
    /// Stated as fact or intention.
    Asserted,
    /// Hypothetical ("would", "could").
    Hypothetical,
    /// Conditional ("if they ask for it").
    Conditional,
    /// A question, not a claim.
    Question,
}

impl Modality {
    /// The name the JSON report gives it.
    ///
    /// ```
    /// assert_eq!(gainsay::Modality::Conditional.to_string(), "conditional");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Hypothetical => "hypothetical",
            Modality::Conditional => "conditional",
            Modality::Question => "question",
        }
    }
}

impl std::fmt::Display for Modality {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What a cue does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// A negation ("not", "no", "never", "don't").
    Negation,
    /// A rejecting verb or phrase ("ruled out").
    Reject,
    /// A supporting phrase ("ok with").
    Support,
    /// A word that negates another ("illegal").
    Antonym,
}

/// A stance cue: its kind and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cue {
    /// What it does.
    pub kind: CueKind,
    /// Which field it is in.
    pub field: Field,
    /// Where.
    pub span: Span,
    /// A negation that is a preposition ("without"): it negates its
    /// object, never a figure.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub preposition: bool,
    /// A rejecting word of attitude ("oppose"), not of fact.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub attitude: bool,
}

/// One proposition term: a concept key and where its word stands.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Term {
    /// The concept: a stem, or the synonym group's name.
    pub key: CompactString,
    /// Which field the word is in.
    pub field: Field,
    /// Where.
    pub span: Span,
}

/// A claim: what a clause says and where it stands on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Proposition terms, in text order, one per concept.
    pub terms: Vec<Term>,
    /// Stance on the proposition.
    pub polarity: Polarity,
    /// How firmly.
    pub modality: Modality,
    /// Hedge words found ("probably", "possibility").
    pub hedges: Vec<String>,
    /// The cues that decided the polarity.
    pub cues: Vec<Cue>,
    /// Concepts that narrow a negation ("sustained"): a rejection of a
    /// narrowed proposition only clashes with a claim of the same narrowing.
    pub restrictors: Vec<String>,
    /// The clause's own span in `text` (the claim's words may come from context).
    pub clause: Span,
    /// Figures stated in the clause.
    pub figures: Vec<Figure>,
    /// True when the proposition was taken from the question or context.
    pub borrowed: bool,
    /// For a plain negation: where its scope starts (the first free
    /// negation cue, in `text`). What comes before it is presupposed
    /// ("the crews on duty are not to blame" denies only "blame").
    pub scope: Option<usize>,
    /// True for a temporal negation ("is not yet open"): it does not
    /// clash with the same claim made later.
    pub not_yet: bool,
    /// A superlative of size and the concept it qualifies ("the largest
    /// audience": span of "largest", concept of "audience").
    pub superlative: Option<(Span, String)>,
    /// True when the clause sets figures against each other ("compared with").
    pub compares: bool,
    /// True when what is negated is the evidence ("no clear evidence of X"):
    /// compatible with a hedged "X is possible".
    pub evidential: bool,
    /// Rule `negated_report`: the negation falls on a reporting word ("the
    /// memo made no mention of a leak", "the port did not report a leak"):
    /// the clause denies that the matter was said, not the matter.
    #[serde(skip)]
    pub(crate) denied_report: bool,
    /// The clause holds a reporting word outside any negation ("the memo
    /// told the port of a leak"): it says what was said.
    #[serde(skip)]
    pub(crate) reports: bool,
    /// What the clause marks of a measured variable beside its figures (a
    /// level held steady, a change, a reading under or over a limit): set
    /// with the figure measures.
    #[serde(skip)]
    pub(crate) marks: crate::quantity::Marks,
}

/// The most terms one clause borrows from a question or a context. Real
/// questions hold a handful; the bound keeps a text of thousands of short
/// answers under a huge context linear, not answers x context terms.
const MAX_BORROWED: usize = 64;
/// Up to this many terms, a clause finds a repeated concept by looking
/// through its terms; past it, through a hash set.
const FEW_TERMS: usize = 16;
/// Clauses with no more content terms than this borrow their proposition.
const POOR_CLAUSE: usize = 1;
/// A negation this many tokens before a stance cue negates the cue itself.
const NEGATED_CUE_WINDOW: usize = 3;

/// One field read once: its tokens, each stemmed once and looked up once in
/// the lexicon, and its figures. Every later step (clauses, cues, terms, the
/// detector's figure measures) reads these instead of the text.
pub(crate) struct Scanned<'a> {
    pub text: &'a str,
    field: Field,
    pub toks: Vec<Token<'a>>,
    /// Per token: its stem and what the lexicon says of its stem and of
    /// its folded word.
    pub reads: Vec<WordRead<'a>>,
    /// Figures: compared as quantities, not as words.
    pub figures: Vec<Figure>,
    /// Per token: true when the token lies inside a figure; empty when the
    /// field has no figure (most have none).
    in_figure: Vec<bool>,
    /// Its sentence ranges, cut the first time a step needs them.
    sentences: OnceCell<Vec<(usize, usize)>>,
    /// The closed-class words the rules read (`grammar_words.txt`).
    pub grammar: &'a GrammarWords,
}

impl<'a> Scanned<'a> {
    pub fn new(lx: &'a Lexicon, text: &'a str, field: Field) -> Scanned<'a> {
        Scanned::of_words(lx, text, field, words(text))
    }

    /// The scan of `text` whose words (`words(text)`) were cut already.
    fn of_words(lx: &'a Lexicon, text: &'a str, field: Field, toks: Vec<Token<'a>>) -> Scanned<'a> {
        Scanned::of_cut(lx, text, field, toks, OnceCell::new())
    }

    /// [`Scanned::of_words`] with its sentences, when they were cut already.
    fn of_cut(
        lx: &'a Lexicon,
        text: &'a str,
        field: Field,
        toks: Vec<Token<'a>>,
        sentences: OnceCell<Vec<(usize, usize)>>,
    ) -> Scanned<'a> {
        let reads = toks.iter().map(|t| lx.read_word(t.norm())).collect();
        // The figure parser reads these same tokens.
        let figures = parse_figures_in(&lx.quantity, text, &toks);
        let in_figure = if figures.is_empty() {
            Vec::new()
        } else {
            let spans: Vec<Span> = figures.iter().map(|f| f.span).collect();
            covered_tokens(&toks, &spans)
        };
        Scanned {
            text,
            field,
            toks,
            reads,
            figures,
            in_figure,
            sentences,
            grammar: &lx.grammar,
        }
    }

    /// Its sentence ranges (`sentences(text)`), cut once.
    pub fn sentences(&self) -> &[(usize, usize)] {
        self.sentences.get_or_init(|| sentences(self.text))
    }

    /// True when token `i` lies inside a figure.
    fn in_figure(&self, i: usize) -> bool {
        self.in_figure.get(i) == Some(&true)
    }

    /// The stem of token `i`.
    pub fn stem(&self, i: usize) -> &str {
        &self.reads[i].stem
    }

    /// What the lexicon says of token `i`'s stem.
    pub fn stem_entry(&self, i: usize) -> Option<&'a StemEntry> {
        self.reads[i].entry
    }

    /// What the lexicon says of token `i`'s folded word.
    pub fn word_entry(&self, i: usize) -> Option<&'a WordEntry> {
        self.reads[i].word
    }

    /// True when token `i` is a stop word.
    pub fn is_stop(&self, i: usize) -> bool {
        self.word_entry(i).is_some_and(|w| w.stop)
    }

    /// The level-word kind bits of token `i` (`level_words.txt`: "steady",
    /// "exceed", "limit"); 0 for other words.
    pub fn level(&self, i: usize) -> u16 {
        self.word_entry(i).map_or(0, |w| w.level)
    }

    /// True when token `i` is a title word ("minister", "deputy").
    pub fn is_title(&self, i: usize) -> bool {
        self.word_entry(i).is_some_and(|w| w.title)
    }

    /// The grammar lists token `i` is in.
    pub fn gram(&self, i: usize) -> Gram {
        Gram::of(self.word_entry(i))
    }

    /// Its words but the stop words.
    pub fn words_but_stop(&self) -> impl Iterator<Item = &Token<'a>> {
        self.toks
            .iter()
            .enumerate()
            .filter(|&(i, _)| !self.is_stop(i))
            .map(|(_, t)| t)
    }

    /// Clause ranges as token index ranges, with a question flag.
    fn clauses(&self) -> Vec<(usize, usize, bool)> {
        let mut out = Vec::new();
        let mut ti = 0;
        for &(s, e) in self.sentences() {
            let question = self.text[s..e]
                .trim_end_matches(['"', '\'', '”', '’', ')'])
                .ends_with('?');
            let first = ti;
            while ti < self.toks.len() && self.toks[ti].start < e {
                ti += 1;
            }
            // Split further at ';' or ':' gaps and at contrastive conjunctions.
            let mut start = first;
            for k in first..ti {
                if k == start {
                    continue;
                }
                let gap = &self.text.as_bytes()[self.toks[k - 1].end..self.toks[k].start];
                // The marks are ASCII: a byte test finds them.
                let (mut semi, mut colon, mut quote, mut comma) = (false, false, false, false);
                for &c in gap {
                    match c {
                        b';' => semi = true,
                        b':' => colon = true,
                        b'"' => quote = true,
                        b',' => comma = true,
                        _ => {}
                    }
                }
                let word = self.toks[k].norm();
                let next = self.toks.get(k + 1).map_or("", Token::norm);
                // "Yet" after a negation or at a sentence's end is the
                // adverb ("has not yet", "no word yet"), not "but".
                let prev = self.toks[k - 1].norm();
                let adverb = word == "yet"
                    && (k + 1 == ti
                        || self.gram(k - 1).is(Gram::YET_NEGATION)
                        || prev.ends_with("n't"));
                let gram = self.gram(k);
                let breaks = semi
                    || (colon && !quote)
                    || (gram.is(Gram::CLAUSE_BREAK) && next != "also" && !adverb)
                    || (comma && gram.is(Gram::CLAUSE_SUBJECT) && k - start > 2);
                if breaks {
                    out.push((start, k, question));
                    start = k;
                }
            }
            if start < ti {
                out.push((start, ti, question));
            }
        }
        out
    }
}

/// Per token (in text order): true when some span holds it whole. One sweep
/// over spans sorted by start, keeping the furthest end seen, so the cost is
/// linear in tokens plus spans rather than their product.
pub(crate) fn covered_tokens(toks: &[Token<'_>], spans: &[Span]) -> Vec<bool> {
    let mut spans: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
    spans.sort_unstable();
    let mut next = 0;
    let mut reach: Option<usize> = None;
    toks.iter()
        .map(|t| {
            while next < spans.len() && spans[next].0 <= t.start {
                reach = Some(reach.map_or(spans[next].1, |r| r.max(spans[next].1)));
                next += 1;
            }
            reach.is_some_and(|r| t.end <= r)
        })
        .collect()
}

/// Concept key of a single stem: its synonym group's name, else the stem
/// (what a count measures is still matched on stems).
pub(crate) fn stem_concept<'s>(entry: Option<&'s StemEntry>, stem: &'s str) -> &'s str {
    entry.and_then(|e| e.synonym.as_deref()).unwrap_or(stem)
}

/// What a scan of one clause found.
#[derive(Default, Clone)]
struct ClauseScan {
    terms: Vec<Term>,
    cues: Vec<Cue>,
    hedges: Vec<String>,
    restrictors: Vec<String>,
    /// Negation token indices.
    negations: Vec<usize>,
    /// (token index, kind) of reject/support/antonym cues.
    stance: Vec<(usize, CueKind)>,
    anaphoric: bool,
    /// A bare answer word stands in the clause ("yes").
    answers: bool,
    conditional: bool,
    hypothetical: bool,
    not_yet: bool,
    evidential: bool,
    /// `negated_report`: a negation falls on a reporting word.
    denied_report: bool,
    /// A reporting word stands outside any negation.
    reports: bool,
    /// A negation falls on a knowledge word ("nobody can know").
    unknowing: bool,
    superlative: Option<(Span, String)>,
    compares: bool,
}

/// Options of the stance stage that do not live in the lexicon.
pub(crate) struct StanceContext<'a> {
    pub lexicon: &'a Lexicon,
    /// Folded tokens of person names: never proposition content.
    pub name_tokens: &'a FxHashSet<String>,
}

/// A statement's context: cut into words, or read whole (as a [`Scanned`]
/// field), the first time a step needs it, then shared by every step that
/// does: the words are cut once either way.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    /// Its words, when a step needed only them before any scan.
    toks: OnceCell<Vec<Token<'a>>>,
    /// Its sentences, when a step needed them before any scan.
    sentences: OnceCell<Vec<(usize, usize)>>,
    scanned: OnceCell<Scanned<'a>>,
    /// Its clauses and their scans: the terms a text borrows and the
    /// context's own claims (the figures' topic) both read these.
    clause_scans: OnceCell<Vec<ScannedClause>>,
}

/// One clause of a scanned field: its token range, whether it asks, and
/// its scan.
#[derive(Clone)]
struct ScannedClause {
    from: usize,
    to: usize,
    question: bool,
    scan: ClauseScan,
}

/// The clauses of `sc` and their scans.
fn scan_clauses(cx: &StanceContext<'_>, sc: &Scanned<'_>) -> Vec<ScannedClause> {
    #[cfg(any(test, feature = "testkit"))]
    crate::text::cuts::note_clause_scan();
    sc.clauses()
        .into_iter()
        .map(|(from, to, question)| ScannedClause {
            from,
            to,
            question,
            scan: scan_clause(cx, sc, from, to),
        })
        .collect()
}

impl<'a> Context<'a> {
    pub fn new(text: &'a str) -> Context<'a> {
        Context {
            text,
            toks: OnceCell::new(),
            sentences: OnceCell::new(),
            scanned: OnceCell::new(),
            clause_scans: OnceCell::new(),
        }
    }

    /// Its words (`words(text)`).
    pub fn tokens(&self) -> &[Token<'a>] {
        match self.scanned.get() {
            Some(sc) => &sc.toks,
            None => self.toks.get_or_init(|| words(self.text)),
        }
    }

    /// Its words but the stop words, when it was scanned; else all its
    /// words (which are stop words is not known without a scan).
    pub fn words_but_known_stop(&self) -> Vec<&Token<'a>> {
        match self.scanned.get() {
            Some(sc) => sc.words_but_stop().collect(),
            None => self.tokens().iter().collect(),
        }
    }

    /// Its sentence ranges, cut once (by its scan, if it was scanned).
    pub fn sentences(&self) -> &[(usize, usize)] {
        match self.scanned.get() {
            Some(sc) => sc.sentences(),
            None => self.sentences.get_or_init(|| sentences(self.text)),
        }
    }

    pub fn scanned(&self, lx: &'a Lexicon) -> &Scanned<'a> {
        self.scanned.get_or_init(|| {
            let toks = match self.toks.get() {
                Some(toks) => toks.clone(),
                None => words(self.text),
            };
            let sentences = self
                .sentences
                .get()
                .cloned()
                .map_or_else(OnceCell::new, OnceCell::from);
            Scanned::of_cut(lx, self.text, Field::Context, toks, sentences)
        })
    }

    /// Its clauses and their scans, scanned once.
    fn clause_scans(&self, cx: &StanceContext<'a>) -> &[ScannedClause] {
        self.clause_scans
            .get_or_init(|| scan_clauses(cx, self.scanned(cx.lexicon)))
    }

    /// Its own claims, read as a text with no context: from its clause
    /// scans, so a context whose terms were borrowed is not scanned again.
    pub fn claims(&self, cx: &StanceContext<'a>) -> Vec<Claim> {
        let sc = self.scanned(cx.lexicon);
        claims_from(cx, sc, self.clause_scans(cx).to_vec(), None)
    }
}

/// One clause's scan (tokens `from..to` of `sc`): its cues, its content
/// terms and its marks, in one pass over its tokens.
fn scan_clause(cx: &StanceContext<'_>, sc: &Scanned<'_>, from: usize, to: usize) -> ClauseScan {
    let mut scanner = ClauseScanner::new(cx, sc, from, to);
    let mut i = from;
    while i < to {
        scanner.marks(i);
        i = match scanner.cue_at(i) {
            Some(next) => next,
            None => scanner.content_at(i),
        };
    }
    scanner.out
}

/// The state of one clause's scan: the clause's own word reads and tokens
/// (phrase matching looks only forward from a token, so it is given the
/// clause alone and the cost stays per clause), the scan so far, and the
/// keys of its terms.
struct ClauseScanner<'c, 'a> {
    cx: &'c StanceContext<'c>,
    sc: &'c Scanned<'a>,
    from: usize,
    to: usize,
    cstems: &'c [WordRead<'a>],
    /// In a headline-cased clause capitals say nothing of names or titles.
    headline: bool,
    out: ClauseScan,
    /// Keys of `out.terms`, kept only once the clause has many terms (a
    /// linear look is cheaper below that, a set keeps long clauses linear).
    seen: FxHashSet<CompactString>,
    /// A superlative waiting for the content word it qualifies.
    pending_superlative: Option<(Span, usize)>,
}

impl<'c, 'a> ClauseScanner<'c, 'a> {
    fn new(
        cx: &'c StanceContext<'c>,
        sc: &'c Scanned<'a>,
        from: usize,
        to: usize,
    ) -> ClauseScanner<'c, 'a> {
        ClauseScanner {
            cx,
            sc,
            from,
            to,
            cstems: &sc.reads[from..to],
            headline: headline_case(&sc.toks[from..to]),
            out: ClauseScan::default(),
            seen: FxHashSet::default(),
            pending_superlative: None,
        }
    }

    /// True when `t` is capitalized in a clause not cased as a headline.
    fn capitalized(&self, t: &Token<'_>) -> bool {
        !self.headline && t.is_capitalized()
    }

    /// The length of the entry of `set` that token `i` opens; a phrase list
    /// is searched only where the stem opens an entry (`open`).
    fn phrase(&self, set: &PhraseSet, open: bool, i: usize) -> Option<usize> {
        open.then(|| {
            set.match_at(
                self.cstems,
                &self.sc.toks[self.from..self.to],
                i - self.from,
                &self.cx.lexicon.stop,
            )
        })
        .flatten()
    }

    /// The span of the `n` tokens from `a`.
    fn span(&self, a: usize, n: usize) -> Span {
        Span::new(self.sc.toks[a].start, self.sc.toks[a + n - 1].end)
    }

    /// True when the last negation stands at most [`NEGATED_CUE_WINDOW`]
    /// words before token `i`.
    fn negated_at(&self, i: usize) -> bool {
        self.out
            .negations
            .last()
            .is_some_and(|&n| i - n <= NEGATED_CUE_WINDOW)
    }

    /// Adds the term `key` of tokens `a..b`, once per key.
    fn push_term(&mut self, key: &str, a: usize, b: usize) {
        let known = if self.out.terms.len() <= FEW_TERMS {
            self.out.terms.iter().any(|t| t.key == key)
        } else {
            self.seen.contains(key)
        };
        if known {
            return;
        }
        let span = self.span(a, b - a);
        self.out.terms.push(Term {
            key: key.into(),
            field: self.sc.field,
            span,
        });
        if self.out.terms.len() > FEW_TERMS {
            if self.seen.is_empty() {
                self.seen
                    .extend(self.out.terms.iter().map(|t| t.key.clone()));
            } else {
                self.seen.insert(key.into());
            }
        }
    }

    /// Adds a cue of `kind` on the `n` tokens from `i`.
    fn push_cue(&mut self, kind: CueKind, i: usize, n: usize) {
        let span = self.span(i, n);
        let preposition =
            kind == CueKind::Negation && n == 1 && self.sc.gram(i).is(Gram::PREPOSITION_NEGATION);
        let attitude = kind == CueKind::Reject && self.sc.stem_entry(i).is_some_and(|e| e.attitude);
        self.out.cues.push(Cue {
            kind,
            field: self.sc.field,
            span,
            preposition,
            attitude,
        });
    }

    /// The clause marks token `i` sets, whatever else it is: a pointing
    /// word, a bare answer, a conditional or hypothetical word, "yet" after
    /// a negation, a comparison, a superlative waiting for its noun, a
    /// negated evidential or knowledge word, a reporting word (negated or
    /// not).
    fn marks(&mut self, i: usize) {
        let (sc, lx) = (self.sc, self.cx.lexicon);
        let entry = sc.stem_entry(i);
        let opens = entry.map_or(Opens::default(), |e| e.opens);
        let gram = sc.gram(i);
        let out = &mut self.out;
        out.anaphoric |= gram.is(Gram::ANAPHOR);
        out.answers |= on(Switch::BareAnswer) && gram.is(Gram::ANSWER);
        out.conditional |= gram.is(Gram::CONDITIONAL);
        out.hypothetical |= gram.is(Gram::HYPOTHETICAL);
        out.not_yet |= sc.toks[i].norm() == "yet" && !out.negations.is_empty();
        if !self.out.compares && self.phrase(&lx.comparison, opens.comparison, i).is_some() {
            self.out.compares = true;
        }
        if self.out.superlative.is_none() && sc.word_entry(i).is_some_and(|w| w.superlative) {
            let tok = &sc.toks[i];
            self.pending_superlative = Some((Span::new(tok.start, tok.end), i));
        }
        let negated = self.negated_at(i);
        if entry.is_some_and(|e| e.evidential) && negated {
            self.out.evidential = true;
        }
        if entry.is_some_and(|e| e.reporting) && on(Switch::NegatedReport) {
            if negated {
                self.out.denied_report = true;
            } else {
                self.out.reports = true;
            }
        }
        if negated_knowledge(&self.out, i, entry) {
            self.out.unknowing = true;
        }
    }

    /// The cue or phrase token `i` opens, read in this order: an idiom
    /// with a negation word that does not negate ("make no mistake"), a
    /// synonym phrase (one term), a support or reject cue, a negation, a
    /// hedge, an antonym. Returns the token after it, or `None` when token
    /// `i` opens none of them.
    fn cue_at(&mut self, i: usize) -> Option<usize> {
        let (sc, lx) = (self.sc, self.cx.lexicon);
        let opens = sc.stem_entry(i).map_or(Opens::default(), |e| e.opens);
        // An idiom that does not negate: neither cue nor content.
        if let Some(n) = self.phrase(&lx.not_negation, opens.not_negation, i) {
            return Some(i + n);
        }
        if let Some(next) = self.synonym_phrase(i, opens) {
            return Some(next);
        }
        let stance_cue = [
            (&lx.support, opens.support, CueKind::Support),
            (&lx.reject, opens.reject, CueKind::Reject),
        ]
        .into_iter()
        .find_map(|(set, open, kind)| Some((self.phrase(set, open, i)?, kind)));
        if let Some((n, kind)) = stance_cue {
            return Some(self.stance_cue(i, n, kind));
        }
        let negation = self
            .phrase(&lx.negation, opens.negation, i)
            .or_else(|| lx.is_negation_token(&sc.toks[i]).then_some(1));
        if let Some(n) = negation {
            if n == 1 && on(Switch::PhraseNegation) && phrase_negation(sc, i, self.from) {
                return Some(i + 1);
            }
            self.push_cue(CueKind::Negation, i, n);
            self.out.negations.push(i);
            return Some(i + n);
        }
        if let Some(n) = self.phrase(&lx.hedge, opens.hedge, i) {
            let denied = n == 1
                && on(Switch::DeniedHedge)
                && denied_hedge(self.cx, sc, &self.out, i, self.from, self.to);
            if !denied {
                let span = self.span(i, n);
                self.out.hedges.push(fold(&sc.text[span.start..span.end]));
            }
            return Some(i + if denied { 1 } else { n });
        }
        let antonym = sc.word_entry(i).and_then(|w| w.antonym_concept.as_ref());
        antonym.map(|key| self.antonym_cue(i, key))
    }

    /// A synonym phrase at token `i` is one term, its group's concept or
    /// its own words ("pull out" with "withdraw"); the token after it.
    fn synonym_phrase(&mut self, i: usize, opens: Opens) -> Option<usize> {
        let lx = self.cx.lexicon;
        if !opens.synonym_phrase {
            return None;
        }
        let p = lx.synonym_phrases.phrase_at(
            self.cstems,
            &self.sc.toks[self.from..self.to],
            i - self.from,
            &lx.stop,
        )?;
        let n = p.len();
        match lx.synonym_phrase_concept.get(p) {
            Some(key) => self.push_term(key, i, i + n),
            None => self.push_term(&p.join(" "), i, i + n),
        }
        Some(i + n)
    }

    /// A support or reject cue of `n` tokens at `i`, unless a one-word cue
    /// is a modifier or a derived noun (then it is content: "a false
    /// alarm", "the supporters"); the token after it.
    fn stance_cue(&mut self, i: usize, n: usize, kind: CueKind) -> usize {
        let sc = self.sc;
        if n == 1
            && ((on(Switch::ModifierCue) && modifier_cue(self.cx, sc, i, self.from, self.to))
                || (on(Switch::DerivedNoun) && derived_noun(sc, i, self.from)))
        {
            let key = crate::knowledge::concept_shared(sc.toks[i].norm());
            self.push_term(&key, i, i + 1);
            return i + 1;
        }
        self.push_cue(kind, i, n);
        self.out.stance.push((i, kind));
        i + n
    }

    /// A word that negates another ("illegal"): a cue, and the concept of
    /// the word it negates as a term, unless it modifies a noun ("an
    /// illegal parking fine"); the token after it.
    fn antonym_cue(&mut self, i: usize, key: &str) -> usize {
        let sc = self.sc;
        if on(Switch::ModifierCue) && modifier_cue(self.cx, sc, i, self.from, self.to) {
            let own = crate::knowledge::concept_shared(sc.toks[i].norm());
            self.push_term(&own, i, i + 1);
            return i + 1;
        }
        self.push_cue(CueKind::Antonym, i, 1);
        self.out.stance.push((i, CueKind::Antonym));
        self.push_term(key, i, i + 1);
        i + 1
    }

    /// True when token `i` is no content: inside a figure, a stop word, a
    /// reporting or frame word outside a synonym group, a number, a bare
    /// answer, a person's name, a title, a single letter.
    fn is_skipped(&self, i: usize) -> bool {
        let (cx, sc) = (self.cx, self.sc);
        let tok = &sc.toks[i];
        let norm = tok.norm();
        let entry = sc.stem_entry(i);
        // A word of a synonym group is content even when its stem is also a
        // reporting or frame word ("declarations" / "declare").
        let grouped = entry.is_some_and(|e| e.synonym.is_some());
        sc.in_figure(i)
            || sc.is_stop(i)
            || (!grouped && entry.is_some_and(|e| e.reporting))
            || (!grouped && entry.is_some_and(|e| e.frame))
            || tok.is_numeric()
            || (tok.is(class::HAS_DIGIT)
                && tok
                    .raw
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b',' || b == b'.'))
            || (on(Switch::BareAnswer) && sc.gram(i).is(Gram::ANSWER))
            || cx.name_tokens.contains(norm)
            || (self.capitalized(tok) && sc.is_title(i))
            || (on(Switch::TitleBeforeName)
                && !self.headline
                && title_before_name(cx, sc, i, self.to))
            || norm.chars().nth(1).is_none()
    }

    /// The end of the name a capitalized word at `i` opens: a run of
    /// capitalized words is one name ("United States"), linked by "of"
    /// ("Bay of Lorn"), unless it opens the sentence.
    fn name_end(&self, i: usize) -> usize {
        let (cx, sc, to) = (self.cx, self.sc, self.to);
        let mut j = i + 1;
        if !(self.capitalized(&sc.toks[i]) && i > self.from) {
            return j;
        }
        let joins = |j: usize| {
            j < to
                && self.capitalized(&sc.toks[j])
                && sc.text[sc.toks[j - 1].end..sc.toks[j].start]
                    .trim()
                    .is_empty()
                && !sc.is_stop(j)
                && !cx.name_tokens.contains(sc.toks[j].norm())
        };
        loop {
            if joins(j) {
                j += 1;
            } else if let Some(n) = name_link(sc, j, to).filter(|&n| joins(j + n)) {
                j += n;
            } else {
                return j;
            }
        }
    }

    /// Rule `function_concept`: a word that WordNet makes a synonym of a
    /// function word (a stop word or a negation) carries no content of its
    /// own: in "no reason whatsoever", "whatsoever" is "any"; the "non" of
    /// "non-payment" is "not". A word that is only an inflection of one
    /// ("wells", "cans") is a content word of its own sense.
    fn is_function_concept(&self, norm: &str, concept: &str) -> bool {
        // Most words are their own concept: no look-up for them.
        concept != norm
            && self.cx.lexicon.is_function_word(concept)
            && *crate::knowledge::lemma_shared(norm) != *concept
    }

    /// The content term token `i` opens, if it is content: a name's joined
    /// words, a synonym group, a name's own lemma, else its concept; it
    /// may be a restrictor or the noun of a pending superlative. Returns
    /// the token after it.
    fn content_at(&mut self, i: usize) -> usize {
        if self.is_skipped(i) {
            return i + 1;
        }
        let sc = self.sc;
        let (tok, entry) = (&sc.toks[i], sc.stem_entry(i));
        let j = self.name_end(i);
        let joined: Rc<str>;
        let key: &str = if j > i + 1 {
            let names: Vec<&str> = sc.toks[i..j].iter().map(|t| t.norm()).collect();
            joined = Rc::from(names.join("_"));
            &joined
        } else if let Some(group) = entry.and_then(|e| e.synonym.as_deref()) {
            group
        } else if on(Switch::IsName) && is_name(tok, i > self.from, self.headline) {
            joined = crate::knowledge::lemma_shared(tok.norm());
            &joined
        } else {
            joined = crate::knowledge::concept_shared(tok.norm());
            if on(Switch::FunctionConcept) && self.is_function_concept(tok.norm(), &joined) {
                return j;
            }
            &joined
        };
        if entry.is_some_and(|e| e.restrictor) {
            self.out.restrictors.push(key.to_owned());
        }
        if let Some((span, at)) = self.pending_superlative {
            if i > at && i - at <= SUPERLATIVE_REACH {
                self.out.superlative = Some((span, key.to_owned()));
                self.pending_superlative = None;
            } else if i - at > SUPERLATIVE_REACH {
                self.pending_superlative = None;
            }
        }
        self.push_term(key, i, j);
        j
    }
}

/// A superlative qualifies a content word at most this many tokens after
/// it ("the largest ever recorded flood").
const SUPERLATIVE_REACH: usize = 3;

/// `phrase_negation`: "without" negates the phrase it governs, not the
/// clause: "hundreds of fans without passes entered the hall" asserts that
/// they entered. Right after a linking verb it is the predicate itself
/// ("the village is without power") and negates the clause.
fn phrase_negation(sc: &Scanned<'_>, i: usize, from: usize) -> bool {
    sc.toks[i].norm() == "without" && !(i > from && sc.gram(i - 1).is(Gram::COPULA))
}

/// `modifier_cue`: a one-word stance or antonym cue written just before a
/// noun qualifies that noun, it does not take a stance on the clause:
/// "the guards seized fake passes at the gate" and "the agency published
/// incorrect tallies" assert what happened. After a linking verb ("the
/// passes were fake", "it is a false claim") the cue is the predicate and
/// keeps its stance.
fn modifier_cue(
    cx: &StanceContext<'_>,
    sc: &Scanned<'_>,
    i: usize,
    from: usize,
    to: usize,
) -> bool {
    let Some(next) = sc.toks.get(i + 1).filter(|_| i + 1 < to) else {
        return false;
    };
    let gap = &sc.text[sc.toks[i].end..next.start];
    if !gap.trim().is_empty() || sc.is_stop(i + 1) || cx.lexicon.is_negation_token(next) {
        return false;
    }
    if !next.raw.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let prev = |k: usize, g: Gram| i >= from + k && sc.gram(i - k).is(g);
    let predicate = prev(1, Gram::COPULA) || (prev(1, Gram::ARTICLE) && prev(2, Gram::COPULA));
    !predicate
        && crate::knowledge::may_be_modifier(sc.toks[i].norm())
        && crate::knowledge::may_be_noun(next.norm())
}

/// `denied_hedge`: a hedge adjective on a noun inside a negated phrase
/// softens nothing: "we found no plausible sign of a leak" and "there is
/// no possible route" deny firmly. A hedge on the clause ("it is not
/// likely", "probably not") still hedges.
fn denied_hedge(
    cx: &StanceContext<'_>,
    sc: &Scanned<'_>,
    scan: &ClauseScan,
    i: usize,
    from: usize,
    to: usize,
) -> bool {
    let negated = scan
        .negations
        .last()
        .is_some_and(|&n| i - n <= NEGATED_CUE_WINDOW);
    negated && modifier_cue(cx, sc, i, from, to)
}

/// `derived_noun`: a word that only shares its stem with a stance verb is
/// a noun, not a stance: the agent nouns "supporters", "opponents",
/// "objectors", and the verb form after an article ("a dispute over
/// fees", "the refuse collection").
fn derived_noun(sc: &Scanned<'_>, i: usize, from: usize) -> bool {
    let (norm, stem) = (sc.toks[i].norm(), sc.stem(i));
    let suffix = norm.strip_prefix(stem.trim_end_matches('e')).unwrap_or("");
    let agent = has(&sc.grammar.agent_suffixes, suffix);
    // After an article the cue word heads the noun phrase only when no
    // noun follows ("a dispute over fees", not "a false claim").
    let head = i > from
        && sc.gram(i - 1).is(Gram::ARTICLE)
        && crate::knowledge::may_be_noun(norm)
        && sc
            .toks
            .get(i + 1)
            .is_none_or(|t| !crate::knowledge::may_be_noun(t.norm()) || sc.is_stop(i + 1));
    agent || head
}

/// `is_name`: a capitalized word inside a sentence (not its first word,
/// not in a headline-cased clause) or an acronym names something; its
/// concept is its own lemma, never a WordNet synonym's: "Kettle AG" is a
/// firm, not silver; "the Lark" is a ship, not a bird's synset.
fn is_name(tok: &Token<'_>, inside: bool, headline: bool) -> bool {
    // Two letters or more, none lowercase: the class bit says it of an
    // ASCII word.
    let acronym = if tok.raw.is_ascii() {
        tok.is(class::ALL_CAPS)
    } else {
        tok.raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !tok.raw.chars().any(char::is_lowercase)
    };
    !headline && (acronym || (inside && tok.is_capitalized()))
}

/// `title_before_name`: a title word, however cased, right before a
/// person's name designates the speaker, it is not what is said: in
/// "the harbour spokesman Ivo Sand called it a rumour", "spokesman" is
/// no content.
fn title_before_name(cx: &StanceContext<'_>, sc: &Scanned<'_>, i: usize, to: usize) -> bool {
    i + 1 < to
        && sc.is_title(i)
        && (sc.toks[i + 1].is_capitalized() || cx.name_tokens.contains(sc.toks[i + 1].norm()))
}

/// `name_link`: "of" or "of the" inside a run of capitalized words keeps
/// the run one name ("Bay of Lorn", "Office of the Mayor"); the number
/// of linking words at token `j`, when they are there. The word after
/// them must join the run too.
fn name_link(sc: &Scanned<'_>, j: usize, to: usize) -> Option<usize> {
    if !on(Switch::NameLink) || j + 1 >= to || sc.toks[j].raw != "of" {
        return None;
    }
    Some(if sc.toks[j + 1].raw == "the" { 2 } else { 1 })
}

/// Headline case: a clause in ALL CAPS (at least [`HEADLINE_MIN_WORDS`]
/// words of two letters or more, none with a lower-case letter), or in
/// Title Case (at least [`TITLE_CASE_MIN_WORDS`] words of four letters or
/// more, every one capitalized). There a capital marks neither a name nor
/// a title: "FLOOD WATER REACHES THE LOWER TOWN" and "Flood Water Reaches
/// The Lower Town" read as "flood water reaches the lower town".
fn headline_case(toks: &[Token<'_>]) -> bool {
    // One pass over the words made of letters only: how many have two
    // chars or more and how many of those hold no lowercase letter; how
    // many have four or more and how many of those are capitalized.
    let (mut caps, mut upper, mut long, mut titled) = (0, 0, 0, 0);
    for t in toks {
        let Some((chars, lower)) = letters_only(t) else {
            continue;
        };
        if chars >= 2 {
            caps += 1;
            upper += usize::from(!lower);
        }
        if chars >= 4 {
            long += 1;
            titled += usize::from(t.is_capitalized());
        }
    }
    (caps >= HEADLINE_MIN_WORDS && upper == caps)
        || (long >= TITLE_CASE_MIN_WORDS && titled == long)
}

/// For a word made of letters only: its char count (counted up to four)
/// and whether it holds a lowercase letter; `None` for any other word. An
/// ASCII word is read from its class bits: no digit and no inner mark is
/// letters only, and a word of two letters or more has no lowercase one
/// when it is all capitals.
fn letters_only(t: &Token<'_>) -> Option<(usize, bool)> {
    if t.class & (class::HAS_DIGIT | class::INNER_MARK) != 0 {
        return None;
    }
    if t.raw.is_ascii() {
        return Some((t.raw.len().min(4), !t.is(class::ALL_CAPS)));
    }
    let (mut n, mut lower) = (0, false);
    for c in t.raw.chars() {
        if !c.is_alphabetic() {
            return None;
        }
        n += 1;
        lower |= c.is_lowercase();
    }
    Some((n.min(4), lower))
}

/// Fewer all-caps words than this are an acronym or a shout, not a
/// headline ("NATO said", "STOP").
const HEADLINE_MIN_WORDS: usize = 3;

/// Fewer capitalized long words than this may all be names ("Mayor Ann
/// Lee said").
const TITLE_CASE_MIN_WORDS: usize = 5;

/// Negated knowledge: a negation within [`NEGATED_CUE_WINDOW`] words before
/// a knowledge word ("nobody can know how many left", "she can't
/// tell whether it works") says the matter is open, an indirect question,
/// not that it is false.
fn negated_knowledge(scan: &ClauseScan, at: usize, entry: Option<&StemEntry>) -> bool {
    entry.is_some_and(|e| e.knowledge)
        && scan
            .negations
            .last()
            .is_some_and(|&n| at - n <= NEGATED_CUE_WINDOW)
}

/// Polarity from the cues of a clause: a negation just before a stance cue
/// negates the cue ("has not ruled out" supports); any other negation, or an
/// un-negated rejecting cue, makes the clause negative.
fn polarity_of(scan: &ClauseScan) -> Polarity {
    // Negations are in token order: those within the window before a cue
    // are one run, found by binary search (no scan of all negations per cue).
    let window = |at: usize| {
        let lo = scan
            .negations
            .partition_point(|&n| n < at.saturating_sub(NEGATED_CUE_WINDOW));
        let hi = scan.negations.partition_point(|&n| n < at);
        &scan.negations[lo..hi.max(lo)]
    };
    let mut used: HashSet<usize> = HashSet::new();
    let mut explicit: Option<bool> = None; // Some(positive?)
    for &(at, kind) in &scan.stance {
        let near = window(at);
        let neg = !near.is_empty();
        used.extend(near.iter().copied());
        let positive = match kind {
            CueKind::Support => !neg,
            CueKind::Reject | CueKind::Antonym => neg,
            CueKind::Negation => false,
        };
        // A negative cue wins over a positive one in the same clause.
        explicit = Some(explicit.map_or(positive, |p| p && positive));
    }
    let free_negation = scan.negations.iter().any(|n| !used.contains(n));
    match explicit {
        Some(true) if free_negation => Polarity::Rejects,
        Some(true) => Polarity::Supports,
        Some(false) => Polarity::Rejects,
        None if free_negation => Polarity::Denies,
        None => Polarity::Asserts,
    }
}

/// `refers_outside`: a clause that only makes sense with its context
/// borrows its antecedent from there, whatever its cue or term count:
/// one with a pointing word or a bare answer and no content of its own
/// ("We know where those are.", "The answer was yes."), or one opened by a demonstrative ("These two lines were
/// never in the draft", "This was the price"). Its own words stay.
fn refers_outside(
    sc: &Scanned<'_>,
    (a, b): (usize, usize),
    scan: &ClauseScan,
    own_terms: usize,
) -> bool {
    let opens_with_demonstrative = sc.gram(a).is(Gram::DEMONSTRATIVE);
    let points =
        || scan.anaphoric || scan.answers || (a..b).any(|k| sc.gram(k).is(Gram::POINTING_PRONOUN));
    opens_with_demonstrative || (own_terms == 0 && points())
}

/// The first colon right after a reporting word ("Lee said:"): the end
/// of a speech frame.
fn frame_colon(sc: &Scanned<'_>, context: &str) -> Option<usize> {
    sc.toks.iter().enumerate().find_map(|(i, t)| {
        let rest = context.get(t.end..)?;
        let gap = rest.len() - rest.trim_start().len();
        let reporting = sc.stem_entry(i).is_some_and(|e| e.reporting);
        (reporting && rest.trim_start().starts_with(':')).then_some(t.end + gap)
    })
}

/// Content terms of `context` that say what an anaphoric text refers to.
///
/// - A question context ("Asked … about/whether Q, she replied: …") gives Q,
///   up to the speech frame ([`frame_colon`]).
/// - A context that holds the text gives the rest of the text's sentence when
///   that has content of its own ("X said she would back the new levy,
///   against Y who said that was out of the question"), else the nearest
///   sentence before it that reports something ("the board said it was
///   closing the line …. Today that claim looks false").
/// - Otherwise the context before its answer part.
fn context_terms<'a>(
    cx: &StanceContext<'a>,
    ctx: &Context<'a>,
    text: &str,
) -> (Vec<Term>, Vec<String>) {
    let (context, sc) = (ctx.text, ctx.scanned(cx.lexicon));
    // The question ends at the speech frame that introduces the answer
    // ("Asked whether the dam was safe, Lee said: 'It is not. …'"): what
    // follows is the speaker's own answer, not what was asked.
    let frame = frame_colon(sc, context);
    let cut = frame.unwrap_or_else(|| {
        context
            .rfind(':')
            .filter(|&i| i > context.len() / 3)
            .unwrap_or(context.len())
    });
    let repeat = find_fold(context, text);
    let asked = sc.toks.iter().position(|t| t.norm.starts_with("ask"));
    let opener = asked.and_then(|i| {
        (i + 1..sc.toks.len())
            .take(12)
            .find(|&k| sc.gram(k).is(Gram::QUESTION_OPENER))
            .map(|k| &sc.toks[k])
    });
    let mut range = (opener.map_or(0, |t| t.end), cut);
    if opener.is_none() {
        if let Some((rs, re)) = repeat {
            let sents = sc.sentences();
            let own = sents.iter().position(|&(a, b)| a <= rs && re <= b.max(re));
            if let Some(own) = own {
                let (a, b) = sents[own];
                let rest = count_terms(cx, sc, a, b, Some((rs, re)));
                range = if rest >= 3 {
                    (a, b)
                } else {
                    let before = sents[..own]
                        .iter()
                        .rev()
                        .find(|&&(a, b)| reports(sc, a, b))
                        .or_else(|| sents[..own].last());
                    before.map_or((0, context.len()), |&(a, b)| (a, b))
                };
            }
        }
    }
    let mut terms = Vec::new();
    let mut restrictors = Vec::new();
    for clause in ctx.clause_scans(cx) {
        let scan = &clause.scan;
        for t in &scan.terms {
            if t.span.start < range.0 || t.span.end > range.1 {
                continue;
            }
            if let Some((rs, re)) = repeat {
                if t.span.start >= rs && t.span.end <= re {
                    continue;
                }
            }
            if !terms.iter().any(|x: &Term| x.key == t.key) {
                terms.push(t.clone());
            }
        }
        restrictors.extend(scan.restrictors.iter().cloned());
    }
    (terms, restrictors)
}

/// Content terms of the tokens within bytes `a..b`, outside `skip`.
fn count_terms(
    cx: &StanceContext<'_>,
    sc: &Scanned<'_>,
    a: usize,
    b: usize,
    skip: Option<(usize, usize)>,
) -> usize {
    let from = sc
        .toks
        .iter()
        .position(|t| t.start >= a)
        .unwrap_or(sc.toks.len());
    let to = sc
        .toks
        .iter()
        .position(|t| t.start >= b)
        .unwrap_or(sc.toks.len());
    if from >= to {
        return 0;
    }
    scan_clause(cx, sc, from, to)
        .terms
        .iter()
        .filter(|t| skip.is_none_or(|(rs, re)| t.span.start < rs || t.span.end > re))
        .count()
}

/// True when the bytes `a..b` hold a reporting verb.
fn reports(sc: &Scanned<'_>, a: usize, b: usize) -> bool {
    sc.toks
        .iter()
        .zip(&sc.reads)
        .any(|(t, r)| t.start >= a && t.end <= b && r.entry.is_some_and(|e| e.reporting))
}

/// True when most words of the text (its tokens `tw`) stand in `hay` (the
/// words of a context quoting it, perhaps with an editor's insertion).
fn contains_most_of(hay: &[Token<'_>], tw: &[Token<'_>]) -> bool {
    if tw.is_empty() {
        return false;
    }
    let hw: FxHashSet<&str> = hay.iter().map(Token::norm).collect();
    let inside = tw.iter().filter(|t| hw.contains(t.norm())).count();
    inside * 10 >= tw.len() * 7
}

/// Polarity cues of the answer part of a question context ("…, she said:
/// “Certainly not.”"), for a text that carries none of its own.
fn context_answer_cues<'a>(
    cx: &StanceContext<'a>,
    ctx: &Context<'a>,
) -> Option<(Polarity, Vec<Cue>)> {
    let context = ctx.text;
    let cut = context.rfind(':').filter(|&i| i > context.len() / 3)?;
    let sc = ctx.scanned(cx.lexicon);
    let from = sc.toks.iter().position(|t| t.start > cut)?;
    let scan = scan_clause(cx, sc, from, sc.toks.len());
    if scan.cues.is_empty() {
        return None;
    }
    Some((polarity_of(&scan), scan.cues))
}

/// Byte range of `needle` inside `hay`, compared on folded text when both are
/// ASCII-compatible; `None` when absent.
fn find_fold(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let n = needle.trim().trim_end_matches(['.', ',', '"', '”']);
    if n.len() < 8 {
        return None;
    }
    hay.find(n).map(|i| (i, i + n.len()))
}

/// The figures that lie whole inside `clause`, in order. When the figures
/// are sorted by start (the parser's order), only those starting inside the
/// clause are looked at, so all clauses together cost one pass.
fn figures_in(figures: &[Figure], sorted: bool, clause: Span) -> Vec<Figure> {
    let inside = |f: &&Figure| f.span.start >= clause.start && f.span.end <= clause.end;
    if !sorted {
        return figures.iter().filter(inside).cloned().collect();
    }
    let from = figures.partition_point(|f| f.span.start < clause.start);
    figures[from..]
        .iter()
        .take_while(|f| f.span.start <= clause.end)
        .filter(inside)
        .cloned()
        .collect()
}

/// The claims of one statement.
pub(crate) fn claims(cx: &StanceContext<'_>, text: &str, context: Option<&str>) -> Vec<Claim> {
    let sc = Scanned::new(cx.lexicon, text, Field::Text);
    let context = context.map(Context::new);
    claims_of(cx, &sc, context.as_ref())
}

/// The claims of a statement whose text is read as `sc`.
pub(crate) fn claims_of<'a>(
    cx: &StanceContext<'a>,
    sc: &Scanned<'a>,
    context: Option<&Context<'a>>,
) -> Vec<Claim> {
    claims_from(cx, sc, scan_clauses(cx, sc), context)
}

/// The modality of a clause: a question (or negated knowledge, an
/// indirect question), a conditional, a hypothetical, else asserted.
fn modality_of(question: bool, scan: &ClauseScan) -> Modality {
    if question || scan.unknowing {
        Modality::Question
    } else if scan.conditional {
        Modality::Conditional
    } else if scan.hypothetical {
        Modality::Hypothetical
    } else {
        Modality::Asserted
    }
}

/// `terms` of `from` that `own` lacks, at most [`MAX_BORROWED`].
fn borrowable(from: &[Term], own: &[Term]) -> Vec<Term> {
    from.iter()
        .filter(|t| !own.iter().any(|x| x.key == t.key))
        .take(MAX_BORROWED)
        .cloned()
        .collect()
}

/// What the clauses of one text borrow: the last question asked in it,
/// else its context's terms, computed the first time a clause needs them.
struct Antecedents<'c, 'a> {
    cx: &'c StanceContext<'a>,
    text: &'c str,
    context: Option<&'c Context<'a>>,
    last_question: Option<Vec<Term>>,
    context_terms: Option<(Vec<Term>, Vec<String>)>,
}

impl<'c, 'a> Antecedents<'c, 'a> {
    /// The context's terms and restrictors, read once per text.
    fn of_context(&mut self) -> Option<&(Vec<Term>, Vec<String>)> {
        let ctx = self.context?;
        let (cx, text) = (self.cx, self.text);
        Some(
            self.context_terms
                .get_or_insert_with(|| context_terms(cx, ctx, text)),
        )
    }

    /// Rule `borrow`: a clause that takes a stance but says little of what
    /// (one term or none, "I am against it"), points outside itself
    /// ([`refers_outside`]), or points back with two terms or fewer,
    /// borrows the last question's terms, else its context's. True when it
    /// borrowed.
    fn borrow(&mut self, terms: &mut Vec<Term>, restrictors: &mut Vec<String>) -> bool {
        if let Some(q) = &self.last_question {
            let extra = borrowable(q, terms);
            terms.extend(extra);
            return true;
        }
        let Some((ct, cr)) = self.of_context() else {
            return false;
        };
        let extra = borrowable(ct, terms);
        let cr: Vec<String> = cr.iter().take(MAX_BORROWED).cloned().collect();
        terms.extend(extra);
        restrictors.extend(cr);
        true
    }

    /// A question is the antecedent of the clauses after it: its own terms,
    /// and when it has few or points back ("Will they?"), its context's.
    fn ask(&mut self, terms: &[Term], scan: &ClauseScan) {
        let mut q = terms.to_vec();
        if (q.len() <= POOR_CLAUSE || scan.anaphoric) && q.len() <= 2 {
            if let Some((ct, _)) = self.of_context() {
                q.extend(borrowable(ct, terms));
            }
        }
        self.last_question = Some(q);
    }
}

/// The claims of the text `sc` from its clause scans.
fn claims_from<'a>(
    cx: &StanceContext<'a>,
    sc: &Scanned<'a>,
    clauses: Vec<ScannedClause>,
    context: Option<&Context<'a>>,
) -> Vec<Claim> {
    let figures = &sc.figures;
    let sorted_figures = figures
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start);
    let mut out: Vec<Claim> = Vec::new();
    let mut antecedents = Antecedents {
        cx,
        text: sc.text,
        context,
        last_question: None,
        context_terms: None,
    };
    let whole_text_has_cue = clauses.iter().any(|c| !c.scan.cues.is_empty());
    for ScannedClause {
        from: a,
        to: b,
        question,
        mut scan,
    } in clauses
    {
        let clause = Span::new(sc.toks[a].start, sc.toks[b - 1].end);
        let polarity = polarity_of(&scan);
        let scope = (polarity == Polarity::Denies)
            .then(|| scan.negations.first().map(|&n| sc.toks[n].start))
            .flatten();
        let mut terms = std::mem::take(&mut scan.terms);
        let mut restrictors = std::mem::take(&mut scan.restrictors);
        // Only a clause that takes a stance borrows what it is about.
        let has_cue = !scan.cues.is_empty();
        let poor = terms.len() <= POOR_CLAUSE && has_cue;
        let refers = on(Switch::RefersOutside) && refers_outside(sc, (a, b), &scan, terms.len());
        let borrows =
            !question && (poor || refers || (has_cue && scan.anaphoric && terms.len() <= 2));
        let borrowed = borrows && antecedents.borrow(&mut terms, &mut restrictors);
        if question {
            // A question borrows nothing above: `terms` are still its own.
            antecedents.ask(&terms, &scan);
        }
        out.push(Claim {
            terms,
            polarity,
            modality: modality_of(question, &scan),
            hedges: scan.hedges,
            cues: scan.cues,
            restrictors,
            clause,
            figures: figures_in(figures, sorted_figures, clause),
            borrowed,
            not_yet: scan.not_yet,
            evidential: scan.evidential,
            denied_report: scan.denied_report,
            reports: scan.reports,
            superlative: scan.superlative.take(),
            compares: scan.compares,
            scope,
            marks: Default::default(),
        });
    }
    if !whole_text_has_cue {
        answer_polarity(cx, sc, context, &mut out);
    }
    out.retain(|c| !c.terms.is_empty() || !c.figures.is_empty());
    out
}

/// Rule `context_answer`: a text with no cue at all that answers a
/// question in its context takes the answer's polarity ("send the letter
/// back" after "You will certainly not."), unless the context only quotes
/// the text.
fn answer_polarity<'a>(
    cx: &StanceContext<'a>,
    sc: &Scanned<'a>,
    context: Option<&Context<'a>>,
    out: &mut [Claim],
) {
    let Some(ctx) = context.filter(|ctx| !contains_most_of(ctx.tokens(), &sc.toks)) else {
        return;
    };
    if let Some((pol, cues)) = context_answer_cues(cx, ctx) {
        for c in out.iter_mut().filter(|c| c.borrowed) {
            c.polarity = pol;
            c.cues = cues.clone();
        }
    }
}

/// The claims of a text with the built-in lexicon and no corpus context:
/// the shared helper of the stage tests.
#[cfg(test)]
pub(crate) fn test_claims(text: &str, context: Option<&str>) -> Vec<Claim> {
    with_test_context(|cx| claims(cx, text, context))
}

/// Runs `f` with the stance context of the stage tests: the built-in
/// lexicon, no corpus names.
#[cfg(test)]
pub(crate) fn with_test_context<R>(f: impl FnOnce(&StanceContext<'_>) -> R) -> R {
    let lx = Lexicon::builtin().unwrap();
    let none = FxHashSet::default();
    f(&StanceContext {
        lexicon: &lx,
        name_tokens: &none,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, context: Option<&str>) -> Vec<Claim> {
        test_claims(text, context)
    }

    fn keys(c: &Claim) -> Vec<&str> {
        c.terms.iter().map(|t| t.key.as_str()).collect()
    }

    macro_rules! pol {
        ($($text:expr => $want:ident),* $(,)?) => {$(
            let cs = run($text, None);
            assert_eq!(cs[0].polarity, Polarity::$want, "{}", $text);
        )*};
    }

    /// Each grammar word, cut as a token, carries its list's bit: the
    /// token-level rules read bits, so a word the index missed would drop
    /// out of its rule unseen.
    #[test]
    fn every_grammar_word_carries_its_bit_as_a_token() {
        let lx = Lexicon::shipped();
        let g = &lx.grammar;
        for (_, bit) in crate::lexicon::GRAMMAR_KINDS {
            let list = g.words(bit);
            assert!(!list.is_empty());
            for word in list {
                let sc = Scanned::new(lx, word, Field::Text);
                assert_eq!(sc.toks.len(), 1, "{word}");
                assert!(sc.gram(0).is(bit), "{word}");
            }
        }
        let sc = Scanned::new(lx, "zorblax", Field::Text);
        assert_eq!(sc.gram(0), Gram::default());
    }

    /// `function_concept`: a word whose concept is a function word is no
    /// term ("whatsoever" is "any", "non" is "not"); its neighbours stay.
    #[test]
    fn a_function_concept_is_no_term() {
        let cs = run("There is no reason whatsoever for the toll.", None);
        let k = keys(&cs[0]);
        assert!(!k.contains(&"any") && !k.contains(&"whatsoever"), "{k:?}");
        assert!(k.iter().any(|t| t.starts_with("toll")), "{k:?}");
        let cs = run("The board blamed the non-payment of fees.", None);
        let k = keys(&cs[0]);
        assert!(!k.contains(&"not") && !k.contains(&"non"), "{k:?}");
        assert!(k.iter().any(|t| t.starts_with("fee")), "{k:?}");
        // An inflection of a function word is a noun of its own.
        let cs = run("The town's wells are unsafe.", None);
        assert!(keys(&cs[0]).contains(&"well"), "{:?}", keys(&cs[0]));
    }

    #[test]
    fn polarity_table() {
        pol! {
            "We will send soldiers to the border." => Asserts,
            "We're not going to send soldiers to the border." => Denies,
            "We won’t send soldiers to the border." => Denies,
            "The minister ruled out sending soldiers." => Rejects,
            "The minister has not ruled out sending soldiers." => Supports,
            "She hasn’t ruled out sending soldiers." => Supports,
            "Sending soldiers is ok with me." => Supports,
            "We don't agree with sending soldiers." => Rejects,
            "The raids are illegal under treaty law." => Rejects,
            "The raids are not illegal under treaty law." => Supports,
            "An invasion would not be tolerated by the council." => Rejects,
            "The mayor did not allow the parade." => Rejects,
            "The mayor dismissed the idea of new taxes." => Rejects,
            "Make no mistake, we will send soldiers to the border." => Asserts,
            "There is no doubt that we will send soldiers." => Asserts,
            "We will not only send soldiers but also ships." => Asserts,
            "No doubt we will not send soldiers." => Denies,
        }
    }

    /// `modifier_cue`, `derived_noun`, `phrase_negation` and the bounds of
    /// `not_negations.txt`: cue words that qualify a phrase leave the
    /// clause positive; the same words as predicates keep their stance.
    #[test]
    fn cue_scope_table() {
        pol! {
            "The guards seized fake passes at the gate." => Asserts,
            "The agency published incorrect tallies of the harvest." => Asserts,
            "The mayor answered false claims about the bridge." => Asserts,
            "The passes at the gate were fake." => Rejects,
            "The tallies of the harvest are incorrect." => Rejects,
            "It is a false claim about the bridge." => Rejects,
            "Supporters of the bridge gathered at the hall." => Asserts,
            "Opponents of the levy marched through the square." => Asserts,
            "A dispute over fees delayed the ferry." => Asserts,
            "The council disputes the fees." => Rejects,
            "Hundreds of fans without passes entered the hall." => Asserts,
            "The village is without power tonight." => Denies,
            "The firm licensed records of no more than 40 farms." => Asserts,
            "The firm did not license records of 40 farms." => Denies,
        }
    }

    /// `denied_hedge`: a hedge adjective on a noun under a negation does not
    /// hedge; a hedge on the clause does.
    #[test]
    fn a_hedge_inside_a_denied_phrase_softens_nothing() {
        for (text, hedged) in [
            ("We found no plausible sign of a leak in the tank.", false),
            ("There is no possible route over the pass.", false),
            ("A leak in the tank is not likely.", true),
            ("There is probably no leak in the tank.", true),
            ("We found a possible leak in the tank.", true),
        ] {
            let cs = run(text, None);
            assert_eq!(
                !cs[0].hedges.is_empty(),
                hedged,
                "{text}: {:?}",
                cs[0].hedges
            );
        }
    }

    /// `refers_outside` and bare answers: a clause that points outside
    /// itself borrows its antecedent from the context.
    #[test]
    fn a_clause_that_points_outside_borrows_its_antecedent() {
        let ctx = "Asked why the rangers had not yet found the stolen canoes, the warden said:";
        let cs = run("We know where those are.", Some(ctx));
        assert!(cs[0].borrowed, "{cs:?}");
        assert!(keys(&cs[0]).contains(&"canoe"), "{cs:?}");
        let ctx = "Pointing to the line of the budget on ferry fares, the treasurer said:";
        let cs = run("These two lines were never in the draft.", Some(ctx));
        assert!(cs[0].borrowed && keys(&cs[0]).contains(&"ferry"), "{cs:?}");
        assert_eq!(cs[0].polarity, Polarity::Denies);
        let ctx = "The mayor was asked whether the council had sold the old mill.";
        let cs = run("The reply should have been yes.", Some(ctx));
        assert!(cs[0].borrowed && keys(&cs[0]).contains(&"mill"), "{cs:?}");
        assert!(!keys(&cs[0]).contains(&"yes"));
        assert_eq!(cs[0].polarity, Polarity::Asserts);
        // A clause with content of its own and no pointing word borrows nothing.
        let cs = run("The council sold the old mill.", Some(ctx));
        assert!(!cs[0].borrowed);
    }

    /// `name_link`: "of" and "of the" inside a capitalized run keep it one
    /// name; a lower-case "of" after a name does not.
    #[test]
    fn of_links_a_capitalized_run_into_one_name() {
        for (text, key) in [
            ("Boats crossed the Bay of Lorn at dawn.", "bay_of_lorn"),
            (
                "He wrote to the Office of the Mayor.",
                "office_of_the_mayor",
            ),
            (
                "She met Tove Lund of Karsby yesterday.",
                "tove_lund_of_karsby",
            ),
        ] {
            let cs = run(text, None);
            assert!(keys(&cs[0]).contains(&key), "{text}: {:?}", keys(&cs[0]));
        }
        let cs = run("The ferry left Port Vella of all places.", None);
        assert!(keys(&cs[0]).contains(&"port_vella"), "{:?}", keys(&cs[0]));
    }

    /// `is_name`: a capitalized word inside a sentence, or an acronym, is
    /// its own concept, not a WordNet synonym's.
    #[test]
    fn a_name_keeps_its_own_concept() {
        let cs = run("The shares of Kettle AG fell sharply.", None);
        let k = keys(&cs[0]);
        assert!(k.contains(&"kettle_ag"), "{k:?}");
        let cs = run("The regulator fined AG for the leak.", None);
        let k = keys(&cs[0]);
        assert!(k.contains(&"ag") && !k.contains(&"silver"), "{k:?}");
        // A common word keeps its WordNet concept.
        let cs = run("The nations signed the treaty.", None);
        assert!(keys(&cs[0]).contains(&"country"), "{:?}", keys(&cs[0]));
    }

    /// `reject.txt` phrases that set one claim against another.
    #[test]
    fn rejecting_phrases() {
        pol! {
            "The tally is inconsistent with the census." => Rejects,
            "The tally is at odds with the census." => Rejects,
            "The tally is contrary to the census." => Rejects,
        }
    }

    /// `empty_phrases.txt`: adverbials with no proposition are not content.
    #[test]
    fn empty_phrases_carry_no_content() {
        for text in [
            "To date the divers found no leak in the tank.",
            "So far we have found no leak in the tank.",
            "In fact we found no leak in the tank.",
        ] {
            let cs = run(text, None);
            let k = keys(&cs[0]);
            assert!(
                k.contains(&"leak") && !k.contains(&"date") && !k.contains(&"fact"),
                "{text}: {k:?}"
            );
            assert_eq!(cs[0].polarity, Polarity::Denies, "{text}");
        }
    }

    /// `stopwords.txt`: quantifier determiners ("several", "various",
    /// "numerous") say how many, not what: like "many" and "some", they
    /// are no concept of the proposition.
    #[test]
    fn quantifier_determiners_carry_no_content() {
        for text in [
            "Several ferries left the harbour.",
            "Various ferries left the harbour.",
            "Numerous ferries left the harbour.",
        ] {
            let cs = run(text, None);
            let k = keys(&cs[0]);
            assert!(k.contains(&"ferry") && k.len() == 3, "{text}: {k:?}");
        }
    }

    #[test]
    fn negated_knowledge_leaves_the_matter_open() {
        for (text, open) in [
            ("Nobody can know how many sheep crossed the pass.", true),
            ("She can't tell whether the bridge will hold.", true),
            ("The mayor was not aware of any leak in the tank.", true),
            ("We are not sure the ferry will sail.", true),
            ("No sheep crossed the pass.", false),
            ("We know the bridge will not hold.", false),
        ] {
            let cs = run(text, None);
            assert_eq!(cs[0].modality == Modality::Question, open, "{text}");
        }
    }

    /// "hit" has many senses (a storm, a record, a song): it is not a
    /// member of the strike group.
    #[test]
    fn a_storm_that_hit_is_not_a_strike() {
        let a = run("The storm hit the island at dawn.", None);
        let b = run("The navy will launch strikes on the island.", None);
        assert!(!keys(&a[0])
            .iter()
            .any(|k| keys(&b[0]).contains(k) && *k != "island"));
    }

    /// Words whose first WordNet senses are one synset share a concept;
    /// no hand-made group is needed.
    #[test]
    fn synonyms_share_a_concept() {
        let a = run("They will rebuild the nation.", None);
        let b = run("They will rebuild the country.", None);
        assert_eq!(keys(&a[0]), keys(&b[0]));
    }

    #[test]
    fn clauses_split_at_but() {
        let cs = run(
            "We will not raise taxes, but we can cut spending on roads.",
            None,
        );
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[0].polarity, Polarity::Denies);
        assert_eq!(cs[1].polarity, Polarity::Asserts);
    }

    #[test]
    fn yet_after_a_negation_is_not_a_clause_break() {
        for text in [
            "But the lake has not yet turned into a reservoir.",
            "The lake hasn't yet become a reservoir.",
            "There is no reservoir yet.",
        ] {
            let cs = run(text, None);
            assert_eq!(cs.len(), 1, "{text}");
            assert_eq!(cs[0].polarity, Polarity::Denies, "{text}");
            assert!(cs[0].not_yet, "{text}");
            assert!(keys(&cs[0]).contains(&"reservoir"), "{text}");
        }
        // The conjunction still splits.
        let cs = run("The lake is not deep, yet it is a reservoir.", None);
        assert_eq!(cs.len(), 2);
        assert!(!cs[0].not_yet);
    }

    #[test]
    fn an_idiom_of_emphasis_borrows_nothing() {
        let ctx = "Announcing that the port would not open, the mayor said:";
        let cs = run("Make no mistake. The port is closed to barges.", Some(ctx));
        assert!(cs
            .iter()
            .all(|c| !c.borrowed && c.polarity == Polarity::Asserts));
    }

    #[test]
    fn anaphoric_text_borrows_from_context() {
        let ctx =
            "Asked about building a dam on the river, the governor replied: \"I'm ok with that.\"";
        let cs = run("I'm ok with that.", Some(ctx));
        assert_eq!(cs[0].polarity, Polarity::Supports);
        assert!(cs[0].borrowed);
        let k = keys(&cs[0]);
        assert!(k.contains(&"dam") && k.contains(&"river"), "{k:?}");
        assert!(cs[0].terms.iter().all(|t| t.field == Field::Context));
    }

    #[test]
    fn answer_to_an_in_text_question() {
        let cs = run("Would I build the dam? Of course not.", None);
        let answer = cs
            .iter()
            .find(|c| c.modality != Modality::Question)
            .unwrap();
        assert_eq!(answer.polarity, Polarity::Denies);
        assert!(keys(answer).contains(&"dam"));
    }

    #[test]
    fn restrictors_are_kept() {
        let cs = run("There was no sustained spread of the disease.", None);
        assert_eq!(cs[0].restrictors, vec!["sustain".to_owned()]);
    }

    #[test]
    fn questions_are_marked() {
        let cs = run("Will taxes rise next year?", None);
        assert_eq!(cs[0].modality, Modality::Question);
    }

    #[test]
    fn spans_point_into_their_field() {
        let text = "Ella dijo: “no habrá invasión” — we reject any invasión.";
        for c in run(text, None) {
            for t in &c.terms {
                assert!(t.span.slice(text).is_some());
            }
            for q in &c.cues {
                assert!(q.span.slice(text).is_some());
            }
        }
    }
}
