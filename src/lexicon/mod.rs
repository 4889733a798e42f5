//! Lexicons as data: general-English word lists kept in `src/lexicon/*.txt`,
//! one entry a line, `#` starts a comment. They are compiled into the crate
//! with `include_str!` and parsed once; a user can add entries of their own
//! through [`crate::DetectorBuilder::lexicon`].
//!
//! Multi-word entries are matched on stemmed tokens, so `rule out` also
//! matches "ruled out" and "rules out".

use crate::text::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::text::{stem, Token};

/// Which word list an entry belongs to. Used to extend the built-in lexicons.
///
/// # Examples
/// ```
/// use gainsay::{Detector, LexiconKind};
/// let detector = Detector::builder()
///     .lexicon(LexiconKind::Reject, "pooh-pooh\nwave off")
///     .build()
///     .unwrap();
/// # let _ = detector;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LexiconKind {
    /// Words that carry no proposition content ("the", "would", "said").
    Stop,
    /// Negation cues ("not", "never", "no longer").
    Negation,
    /// Phrases that hold a negation word but do not negate ("make no
    /// mistake", "no doubt", "not only").
    NotNegation,
    /// Verbs and phrases that reject what follows ("rule out", "deny").
    Reject,
    /// Phrases that support what they refer to ("ok with", "open to").
    Support,
    /// Hedges that weaken a claim ("probably", "possibility").
    Hedge,
    /// Reporting verbs ("say", "claim"): framing, not content.
    Reporting,
    /// Epistemic frame words ("evidence", "clear"): framing, not content.
    Frame,
    /// Synonym groups, comma separated, the first is the concept's name.
    Synonyms,
    /// Lines `negative positive`: a word that negates another ("illegal legal").
    Antonyms,
    /// Qualifiers that narrow what is negated ("sustained", "full-scale").
    Restrictor,
    /// Evidence nouns ("evidence", "sign"): "no evidence of X" is not "not X".
    Evidential,
    /// Knowledge words ("know", "aware"): "no way to know X" leaves X open.
    Knowledge,
    /// Verbs that say what a count measures ("died", "used"). A line of
    /// comma-separated words is one measured concept ("ride, use, trip").
    MeasureVerb,
    /// Words that mark a figure as a sum ("together", "in total").
    Aggregate,
    /// Lines `scope phrase`: the span of time a count covers ("day yesterday").
    TimeScope,
    /// Superlatives of size ("largest", "record").
    Superlative,
    /// Comparison markers ("compared with", "than").
    Comparison,
}

/// Parses a lexicon file: trimmed, non-empty lines with `#` comments removed.
pub(crate) fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter_map(|line| {
        let line = match line.find('#') {
            Some(i) => &line[..i],
            None => line,
        };
        let line = line.trim();
        (!line.is_empty()).then_some(line)
    })
}

/// The closed-class words single rules read (`grammar_words.txt`).
#[derive(Debug, Default)]
pub(crate) struct GrammarWords {
    /// Opens the question an answer borrows ("asked whether …").
    pub question_openers: Vec<String>,
    /// Make a nearby figure a present state ("there are 40").
    pub state: Vec<String>,
    /// Prepositions of holding after a counted noun ("with tickets").
    pub holding: Vec<String>,
    /// Negations that are prepositions ("without").
    pub preposition_negations: Vec<String>,
}

/// The grammar words, parsed once.
///
/// # Panics
/// Never on the shipped file; a test parses it (an unknown kind is a bug
/// of the file, caught there).
pub(crate) fn grammar() -> &'static GrammarWords {
    static WORDS: std::sync::OnceLock<GrammarWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut g = GrammarWords::default();
        for line in entries(include_str!("grammar_words.txt")) {
            let mut parts = line.split_whitespace();
            let list = match parts.next() {
                Some("question_opener") => &mut g.question_openers,
                Some("state") => &mut g.state,
                Some("holding") => &mut g.holding,
                Some("preposition_negation") => &mut g.preposition_negations,
                _ => continue,
            };
            list.extend(parts.map(str::to_owned));
        }
        g
    })
}

/// Stems each folded word of a phrase ("ruled out" → ["rule", "out"]).
pub(crate) fn stem_phrase(phrase: &str) -> Vec<String> {
    crate::text::words(phrase)
        .iter()
        .map(|t| stem(&t.norm))
        .collect()
}

/// The lemmas of a phrase's words joined by spaces: a synonym group's name
/// as the report shows it ("countries" → "country").
pub(crate) fn lemma_phrase(phrase: &str) -> String {
    crate::text::words(phrase)
        .iter()
        .map(|t| crate::knowledge::lemma(&t.norm, None))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A set of multi-word phrases matched on token stems, indexed by first stem.
/// Each phrase keeps its folded surface words too: a function word in the
/// text ("will") only matches an entry spelled the same, never by stem
/// ("willing" stems to "will").
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseSet {
    /// Phrases by first stem, longest first.
    by_first: HashMap<String, Vec<Phrase>>,
}

/// One entry of a [`PhraseSet`].
#[derive(Debug, Clone)]
struct Phrase {
    stems: Vec<String>,
    /// The folded words as written in the list (the last spelling added of
    /// the same stems).
    surface: Vec<String>,
}

impl PhraseSet {
    pub fn insert(&mut self, phrase: &str) {
        let stems = stem_phrase(phrase);
        if stems.is_empty() {
            return;
        }
        let surface: Vec<String> = crate::text::words(phrase)
            .into_iter()
            .map(|t| t.norm.into_owned())
            .collect();
        let list = self.by_first.entry(stems[0].clone()).or_default();
        if let Some(known) = list.iter_mut().find(|p| p.stems == stems) {
            known.surface = surface;
        } else {
            list.push(Phrase { stems, surface });
            // Longest first so that a match is the longest one.
            list.sort_by_key(|p| std::cmp::Reverse(p.stems.len()));
        }
    }

    fn extend(&mut self, text: &str) {
        for e in entries(text) {
            self.insert(e);
        }
    }

    /// Length in tokens of the longest phrase starting at token `i`, if any.
    /// `norms` are the folded tokens, `function` the words matched literally.
    pub fn match_at<S: AsRef<str>>(
        &self,
        stems: &[S],
        norms: &[&str],
        i: usize,
        function: &HashSet<String>,
    ) -> Option<usize> {
        self.phrase_at(stems, norms, i, function)
            .map(<[String]>::len)
    }

    /// The stems of the longest phrase starting at token `i`, if any: the
    /// key of what the lexicon says of that phrase.
    pub fn phrase_at<S: AsRef<str>>(
        &self,
        stems: &[S],
        norms: &[&str],
        i: usize,
        function: &HashSet<String>,
    ) -> Option<&[String]> {
        let cands = self.by_first.get(stems[i].as_ref())?;
        cands
            .iter()
            .find(|p| {
                stems.len() >= i + p.stems.len()
                    && stems[i..]
                        .iter()
                        .zip(&p.stems)
                        .all(|(s, e)| s.as_ref() == e)
                    && p.surface
                        .iter()
                        .zip(&norms[i..])
                        .all(|(s, n)| s == n || !function.contains(*n))
            })
            .map(|p| p.stems.as_slice())
    }

    /// True when `stem` alone is an entry.
    pub fn contains_word(&self, stem: &str) -> bool {
        self.by_first
            .get(stem)
            .is_some_and(|v| v.iter().any(|p| p.stems.len() == 1))
    }

    /// The first stems of the entries.
    fn firsts(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }
}

/// Which phrase lists have an entry that starts with a given stem: a phrase
/// list is only searched at a token whose stem opens one of its entries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Opens {
    pub negation: bool,
    pub not_negation: bool,
    pub reject: bool,
    pub support: bool,
    pub hedge: bool,
    pub synonym_phrase: bool,
    pub aggregate: bool,
    pub comparison: bool,
    pub time_scope: bool,
}

/// What the word lists say of one stem. Gathered once when the lexicon is
/// built, so that reading a token costs one lookup, not one per list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct StemEntry {
    /// The concept of the stem's synonym group, if it is in one.
    pub synonym: Option<String>,
    pub reporting: bool,
    pub frame: bool,
    pub restrictor: bool,
    pub evidential: bool,
    pub knowledge: bool,
    /// The stem alone is a negation entry.
    pub negation_word: bool,
    pub opens: Opens,
    /// Some word with this stem has a [`WordEntry`]: a token whose stem
    /// lacks this flag needs no lookup of its folded word.
    pub has_word_entry: bool,
}

/// What the word lists say of one folded word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct WordEntry {
    pub stop: bool,
    pub superlative: bool,
    /// For a word that negates another ("illegal"), the concept of the
    /// word it negates ("legal").
    pub antonym_concept: Option<String>,
}

/// All word lists the stance stage uses, parsed once.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub stop: HashSet<String>,
    pub negation: PhraseSet,
    /// Idioms with a negation word that do not negate ("no doubt").
    pub not_negation: PhraseSet,
    pub reject: PhraseSet,
    pub support: PhraseSet,
    pub hedge: PhraseSet,
    pub reporting: HashSet<String>,
    pub frame: HashSet<String>,
    /// stem → concept name.
    pub synonyms: HashMap<String, String>,
    /// multi-word synonym phrases → concept name (matched before words).
    pub synonym_phrases: PhraseSet,
    pub synonym_phrase_concept: HashMap<Vec<String>, String>,
    /// folded negative word → folded positive word ("illegal" → "legal").
    pub antonyms: HashMap<String, String>,
    pub restrictors: HashSet<String>,
    /// Evidence nouns: negating them only says "not shown".
    pub evidential: HashSet<String>,
    /// Knowledge words: negating them leaves the question open.
    pub knowledge: HashSet<String>,
    /// Concepts that say what a count measures ("died", "used").
    pub measure_verbs: HashSet<String>,
    /// Measure concept → the measured concept of its group: a count of
    /// people who used a service and a count of trips on it measure one
    /// thing ("use" → "ride", "trip" → "ride").
    pub measure_group: HashMap<String, String>,
    /// Phrases that mark a figure as a sum ("together", "in total").
    pub aggregate: PhraseSet,
    /// Superlatives of size ("largest"), folded.
    pub superlatives: HashSet<String>,
    /// Comparison markers ("compared with", "than").
    pub comparison: PhraseSet,
    /// Time-scope phrases ("yesterday", "since") and their scope names.
    pub time_scopes: PhraseSet,
    pub time_scope_of: HashMap<Vec<String>, String>,
    /// The lists above by stem and by folded word, rebuilt by
    /// [`Lexicon::extend`] (the only writer of the lists).
    by_stem: HashMap<String, StemEntry>,
    by_word: HashMap<String, WordEntry>,
}

const STOP: &str = include_str!("stopwords.txt");
const NEGATION: &str = include_str!("negation.txt");
const NOT_NEGATION: &str = include_str!("not_negations.txt");
/// Phrases with no proposition, read as the not-negations are: skipped.
const EMPTY_PHRASES: &str = include_str!("empty_phrases.txt");
const REJECT: &str = include_str!("reject.txt");
const SUPPORT: &str = include_str!("support.txt");
const HEDGE: &str = include_str!("hedges.txt");
const REPORTING: &str = include_str!("reporting_verbs.txt");
const FRAME: &str = include_str!("frame.txt");
const SYNONYMS: &str = include_str!("synonyms.txt");
const ANTONYMS: &str = include_str!("antonyms.txt");
const RESTRICTORS: &str = include_str!("restrictors.txt");
const EVIDENTIAL: &str = include_str!("evidential.txt");
const KNOWLEDGE: &str = include_str!("knowledge.txt");
const MEASURE_VERBS: &str = include_str!("measure_verbs.txt");
const AGGREGATE: &str = include_str!("aggregate_markers.txt");
const TIME_SCOPES: &str = include_str!("time_scopes.txt");
const SUPERLATIVES: &str = include_str!("superlatives.txt");
const COMPARISON: &str = include_str!("comparison_markers.txt");

impl Lexicon {
    fn empty() -> Lexicon {
        Lexicon {
            stop: HashSet::default(),
            negation: PhraseSet::default(),
            not_negation: PhraseSet::default(),
            reject: PhraseSet::default(),
            support: PhraseSet::default(),
            hedge: PhraseSet::default(),
            reporting: HashSet::default(),
            frame: HashSet::default(),
            synonyms: HashMap::default(),
            synonym_phrases: PhraseSet::default(),
            synonym_phrase_concept: HashMap::default(),
            antonyms: HashMap::default(),
            restrictors: HashSet::default(),
            evidential: HashSet::default(),
            knowledge: HashSet::default(),
            measure_verbs: HashSet::default(),
            measure_group: HashMap::default(),
            aggregate: PhraseSet::default(),
            superlatives: HashSet::default(),
            comparison: PhraseSet::default(),
            time_scopes: PhraseSet::default(),
            time_scope_of: HashMap::default(),
            by_stem: HashMap::default(),
            by_word: HashMap::default(),
        }
    }

    /// The built-in lexicons, parsed once per process.
    pub fn builtin() -> Arc<Lexicon> {
        static BUILTIN: OnceLock<Arc<Lexicon>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let mut lx = Lexicon::empty();
                for (kind, text) in [
                    (LexiconKind::Stop, STOP),
                    (LexiconKind::Negation, NEGATION),
                    (LexiconKind::NotNegation, NOT_NEGATION),
                    (LexiconKind::NotNegation, EMPTY_PHRASES),
                    (LexiconKind::Reject, REJECT),
                    (LexiconKind::Support, SUPPORT),
                    (LexiconKind::Hedge, HEDGE),
                    (LexiconKind::Reporting, REPORTING),
                    (LexiconKind::Frame, FRAME),
                    (LexiconKind::Synonyms, SYNONYMS),
                    (LexiconKind::Antonyms, ANTONYMS),
                    (LexiconKind::Restrictor, RESTRICTORS),
                    (LexiconKind::Evidential, EVIDENTIAL),
                    (LexiconKind::Knowledge, KNOWLEDGE),
                    (LexiconKind::MeasureVerb, MEASURE_VERBS),
                    (LexiconKind::Aggregate, AGGREGATE),
                    (LexiconKind::TimeScope, TIME_SCOPES),
                    (LexiconKind::Superlative, SUPERLATIVES),
                    (LexiconKind::Comparison, COMPARISON),
                ] {
                    lx.add(kind, text);
                }
                lx.reindex();
                Arc::new(lx)
            })
            .clone()
    }

    /// Adds the entries of `text` (lexicon file syntax) to the list `kind`.
    pub fn extend(&mut self, kind: LexiconKind, text: &str) {
        self.add(kind, text);
        self.reindex();
    }

    /// What the lists say of `stem`; `None` when no list holds it.
    pub fn stem_entry(&self, stem: &str) -> Option<&StemEntry> {
        self.by_stem.get(stem)
    }

    /// What the lists say of the folded word `norm`, whose stem has the
    /// entry `entry` ([`Lexicon::stem_entry`]); `None` when no list holds
    /// it. No lookup is made when no listed word has that stem.
    pub fn word_entry(&self, entry: Option<&StemEntry>, norm: &str) -> Option<&WordEntry> {
        if entry.is_some_and(|e| e.has_word_entry) {
            self.by_word.get(norm)
        } else {
            None
        }
    }

    /// Rebuilds the per-stem and per-word views of the lists.
    fn reindex(&mut self) {
        let mut by_stem: HashMap<String, StemEntry> = HashMap::default();
        fn at<'m>(by_stem: &'m mut HashMap<String, StemEntry>, key: &str) -> &'m mut StemEntry {
            by_stem.entry(key.to_owned()).or_default()
        }
        for (stem, concept) in &self.synonyms {
            at(&mut by_stem, stem).synonym = Some(concept.clone());
        }
        for (set, flag) in [
            (
                &self.reporting,
                (|e| &mut e.reporting) as fn(&mut StemEntry) -> &mut bool,
            ),
            (&self.frame, |e| &mut e.frame),
            (&self.restrictors, |e| &mut e.restrictor),
            (&self.evidential, |e| &mut e.evidential),
            (&self.knowledge, |e| &mut e.knowledge),
        ] {
            for stem in set {
                *flag(at(&mut by_stem, stem)) = true;
            }
        }
        for (set, flag) in [
            (
                &self.negation,
                (|o| &mut o.negation) as fn(&mut Opens) -> &mut bool,
            ),
            (&self.not_negation, |o| &mut o.not_negation),
            (&self.reject, |o| &mut o.reject),
            (&self.support, |o| &mut o.support),
            (&self.hedge, |o| &mut o.hedge),
            (&self.synonym_phrases, |o| &mut o.synonym_phrase),
            (&self.aggregate, |o| &mut o.aggregate),
            (&self.comparison, |o| &mut o.comparison),
            (&self.time_scopes, |o| &mut o.time_scope),
        ] {
            for first in set.firsts() {
                *flag(&mut at(&mut by_stem, first).opens) = true;
            }
        }
        for first in self.negation.firsts() {
            if self.negation.contains_word(first) {
                at(&mut by_stem, first).negation_word = true;
            }
        }
        let mut by_word: HashMap<String, WordEntry> = HashMap::default();
        for word in &self.stop {
            by_word.entry(word.clone()).or_default().stop = true;
        }
        for word in &self.superlatives {
            by_word.entry(word.clone()).or_default().superlative = true;
        }
        for (neg, pos) in &self.antonyms {
            let st = stem(pos);
            let concept = self
                .synonyms
                .get(&st)
                .cloned()
                .unwrap_or_else(|| crate::knowledge::concept(pos).to_owned());
            by_word.entry(neg.clone()).or_default().antonym_concept = Some(concept);
        }
        for word in by_word.keys() {
            at(&mut by_stem, &stem(word)).has_word_entry = true;
        }
        self.by_stem = by_stem;
        self.by_word = by_word;
    }

    /// Adds the entries of `text` to the list `kind`, leaving the index.
    fn add(&mut self, kind: LexiconKind, text: &str) {
        let stem_set = |set: &mut HashSet<String>, text: &str| {
            for e in entries(text) {
                set.insert(stem(&crate::text::fold(e)));
            }
        };
        match kind {
            LexiconKind::Stop => {
                for e in entries(text) {
                    self.stop.insert(crate::text::fold(e));
                }
            }
            LexiconKind::Negation => self.negation.extend(text),
            LexiconKind::NotNegation => self.not_negation.extend(text),
            LexiconKind::Reject => self.reject.extend(text),
            LexiconKind::Support => self.support.extend(text),
            LexiconKind::Hedge => self.hedge.extend(text),
            LexiconKind::Reporting => stem_set(&mut self.reporting, text),
            LexiconKind::Frame => stem_set(&mut self.frame, text),
            LexiconKind::Restrictor => stem_set(&mut self.restrictors, text),
            LexiconKind::Evidential => stem_set(&mut self.evidential, text),
            LexiconKind::Knowledge => stem_set(&mut self.knowledge, text),
            LexiconKind::MeasureVerb => {
                for line in entries(text) {
                    let concepts: Vec<String> = line
                        .split(',')
                        .map(|m| stem(&crate::text::fold(m.trim())))
                        .filter(|st| !st.is_empty())
                        .map(|st| self.synonyms.get(&st).cloned().unwrap_or(st))
                        .collect();
                    let Some(name) = concepts.first().cloned() else {
                        continue;
                    };
                    for c in concepts {
                        if c != name {
                            self.measure_group.insert(c.clone(), name.clone());
                        }
                        self.measure_verbs.insert(c);
                    }
                }
            }
            LexiconKind::Aggregate => self.aggregate.extend(text),
            LexiconKind::Superlative => {
                for e in entries(text) {
                    self.superlatives.insert(crate::text::fold(e));
                }
            }
            LexiconKind::Comparison => self.comparison.extend(text),
            LexiconKind::TimeScope => {
                for line in entries(text) {
                    if let Some((scope, phrase)) = line.split_once(char::is_whitespace) {
                        self.time_scopes.insert(phrase.trim());
                        self.time_scope_of
                            .insert(stem_phrase(phrase.trim()), scope.to_owned());
                    }
                }
            }
            LexiconKind::Synonyms => {
                for line in entries(text) {
                    let mut members = line.split(',').map(str::trim).filter(|m| !m.is_empty());
                    let Some(head) = members.next() else { continue };
                    let concept = lemma_phrase(head);
                    for m in std::iter::once(head).chain(members) {
                        let stems = stem_phrase(m);
                        match stems.len() {
                            0 => {}
                            1 => {
                                self.synonyms.insert(stems[0].clone(), concept.clone());
                            }
                            _ => {
                                self.synonym_phrases.insert(m);
                                self.synonym_phrase_concept.insert(stems, concept.clone());
                            }
                        }
                    }
                }
            }
            LexiconKind::Antonyms => {
                for line in entries(text) {
                    let mut it = line.split_whitespace();
                    if let (Some(neg), Some(pos)) = (it.next(), it.next()) {
                        self.antonyms
                            .insert(crate::text::fold(neg), crate::text::fold(pos));
                    }
                }
            }
        }
    }

    /// True for a token that negates: an entry, or a `n't` contraction.
    pub fn is_negation_token(&self, tok: &Token<'_>) -> bool {
        tok.norm.ends_with("n't") || tok.norm == "cannot"
    }
}

#[cfg(test)]
mod tests {

    /// Every kind of grammar_words.txt is read, none left empty.
    #[test]
    fn grammar_words_load_every_kind() {
        let g = grammar();
        for (kind, list) in [
            ("question_opener", &g.question_openers),
            ("state", &g.state),
            ("holding", &g.holding),
            ("preposition_negation", &g.preposition_negations),
        ] {
            assert!(!list.is_empty(), "{kind}");
        }
        assert!(g.question_openers.iter().any(|w| w == "whether"));
        assert!(g.preposition_negations.iter().any(|w| w == "without"));
        let text = include_str!("grammar_words.txt");
        for line in entries(text) {
            let kind = line.split_whitespace().next().unwrap();
            assert!(
                [
                    "question_opener",
                    "state",
                    "holding",
                    "preposition_negation"
                ]
                .contains(&kind),
                "unknown kind {kind:?}"
            );
        }
    }

    use super::*;
    use crate::text::words;

    fn stems(s: &str) -> (Vec<String>, Vec<String>) {
        let w = words(s);
        (
            w.iter().map(|t| stem(&t.norm)).collect(),
            w.iter().map(|t| t.norm().to_owned()).collect(),
        )
    }

    fn m(set: &PhraseSet, s: &str, i: usize) -> Option<usize> {
        let (st, no) = stems(s);
        let no: Vec<&str> = no.iter().map(String::as_str).collect();
        set.match_at(&st, &no, i, &Lexicon::builtin().stop)
    }

    #[test]
    fn entries_skip_comments_and_blanks() {
        let got: Vec<_> = entries("# head\n\nrule out  # verb\n  deny\n").collect();
        assert_eq!(got, ["rule out", "deny"]);
    }

    #[test]
    fn phrases_match_inflections_longest_first() {
        let lx = Lexicon::builtin();
        let s = "this is ruled out, quite ruled out";
        assert_eq!(m(&lx.reject, s, 2), Some(2));
        assert_eq!(m(&lx.reject, s, 0), None);
        // "will" is a function word: it does not match "willing" by stem.
        assert_eq!(m(&lx.support, "we will go", 1), None);
        assert_eq!(m(&lx.support, "we are willing", 2), Some(1));
    }

    #[test]
    fn builtin_lists_are_not_empty() {
        let lx = Lexicon::builtin();
        assert!(lx.stop.contains("the"));
        assert!(lx.negation.contains_word("not"));
        assert_eq!(
            lx.antonyms.get("illegal").map(String::as_str),
            Some("legal")
        );
    }

    #[test]
    fn no_word_is_in_two_synonym_groups() {
        let mut seen = HashMap::default();
        for (n, line) in entries(SYNONYMS).enumerate() {
            for m in line.split(',').map(str::trim).filter(|m| !m.is_empty()) {
                let key = stem_phrase(m);
                if let Some(prev) = seen.insert(key, n) {
                    assert_eq!(prev, n, "{m:?} is in two groups");
                }
            }
        }
    }

    #[test]
    fn every_listed_word_is_found_through_its_stem() {
        let mut lx = (*Lexicon::builtin()).clone();
        lx.extend(LexiconKind::Stop, "zorblax");
        lx.extend(LexiconKind::Antonyms, "unfrobbed frobbed");
        for word in lx.by_word.keys() {
            let entry = lx.stem_entry(&stem(word));
            assert!(lx.word_entry(entry, word).is_some(), "{word}");
        }
        assert!(lx
            .word_entry(lx.stem_entry("zorblax"), "zorblax")
            .is_some_and(|w| w.stop));
    }

    #[test]
    fn user_entries_extend_a_list() {
        let mut lx = (*Lexicon::builtin()).clone();
        lx.extend(LexiconKind::Reject, "wave off");
        assert_eq!(m(&lx.reject, "they waved off the idea", 1), Some(2));
    }
}
