//! Lexicons as data: general-English word lists kept in `src/lexicon/*.txt`,
//! one entry a line, `#` starts a comment. They are compiled into the crate
//! with `include_str!` and parsed once; a user can add entries of their own
//! through [`crate::DetectorBuilder::lexicon`].
//!
//! Multi-word entries are matched on stemmed tokens, so `rule out` also
//! matches "ruled out" and "rules out".

pub(crate) mod actor;
pub(crate) mod extract;
mod lists;
pub(crate) mod quantity;

use crate::text::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::text::{stem, Token};
use lists::{Entry, Lists};

/// Which word list an entry belongs to: one kind per list file under
/// `src/lexicon/`. [`DetectorBuilder::lexicon`](crate::DetectorBuilder::lexicon)
/// adds entries (the file's own syntax, given in each file's header) to
/// the list for one detector, and [`Extractor::lexicon`](crate::Extractor::lexicon)
/// for one extractor: the actor, stance, quantity and extraction stages
/// read the extended lists ([`normalize_actors`](crate::normalize_actors),
/// which takes no detector, reads the built-in ones).
/// A bad entry is an [`Error`](crate::Error) naming the list and the line.
///
/// # Examples
/// ```
/// use gainsay::{Detector, LexiconKind};
/// let detector = Detector::builder()
///     .lexicon(LexiconKind::Reject, "pooh-pooh\nwave off")
///     .lexicon(LexiconKind::Title, "harbourmaster")
///     .lexicon(LexiconKind::CountedWord, "per stop")
///     .build()
///     .unwrap();
/// # let _ = detector;
/// // An antonym line needs two words.
/// let bad = Detector::builder().lexicon(LexiconKind::Antonyms, "unfair").build();
/// assert!(bad.unwrap_err().to_string().contains("line 1"));
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
    /// Phrases with no proposition, skipped like the not-negations ("to
    /// date", "so far").
    EmptyPhrase,
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
    /// Rejecting words that state an attitude, not a fact ("oppose",
    /// "condemn"): they clash with a support, not with a report.
    Attitude,
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
    /// Lines `kind word word …` of closed-class words single rules read
    /// (`question_opener whether`, `preposition_negation without`).
    GrammarWord,
    /// Title groups, comma separated, the first names the role
    /// ("minister, min.").
    Title,
    /// Words that qualify a title without being a name ("former", "deputy").
    TitleModifier,
    /// Words that make a phrase an organisation's name ("ministry", "bank").
    OrgWord,
    /// Lines `generic, head, head …`: a generic noun and the organisation
    /// heads it may stand for ("agency, bureau, service").
    OrgClass,
    /// Internal bodies that speak for their organisation ("governing council").
    OrgPart,
    /// Plural nouns that name an unnamed group of speakers ("officials").
    GroupNoun,
    /// Documents that speak for their author ("report", "study").
    DocumentNoun,
    /// Trailing words of an outlet's name that do not change it ("news").
    OutletSuffix,
    /// Lines `formal, familiar, familiar …` of given names ("robert, bob").
    Nickname,
    /// Lowercase particles inside personal names ("van", "de").
    NameParticle,
    /// Personal pronouns that can stand as a speaker ("he", "they").
    Pronoun,
    /// Lines `kind word word …` of function words inside a speaker's name
    /// or title (`determiner the`, `connector of`, `initial_skip and`).
    ActorFunctionWord,
    /// Lines `kind word word …` of reporting verbs with every inflection,
    /// for article extraction (`speech said says`, `tell told`).
    SpeechVerb,
    /// Lines `kind word word …` of function words article extraction
    /// reads (`aux has`, `time monday`).
    ClauseWord,
    /// Page labels that name a field, never a speaker ("photo", "claim").
    PageLabel,
    /// Nouns that stand for a company named before ("the firm").
    CompanyNoun,
    /// Lines `word value kind` of number words ("eleven 11 teen").
    NumberWord,
    /// Lines `word value use` of scale words ("lakh 100000 word").
    ScaleWord,
    /// Lines `phrase [<scale>] lo hi` of vague magnitudes ("dozens 24 99").
    VagueMagnitude,
    /// Lines `phrase rule` of figure qualifiers ("at least >=").
    QuantityQualifier,
    /// Lines `unit phrase` of percent, point and basis-point words
    /// ("pp percentage points").
    QuantityUnit,
    /// Lines `unit dimension factor = form, form …` of units of
    /// measurement ("barrel volume 158.987 = barrels, bbl").
    MeasurementUnit,
    /// Lines `per word unit`, `alone word unit` or `not word` of what
    /// makes a figure a rate ("per day day", "alone daily day").
    RateUnit,
    /// Lines `form CODE` of currency symbols and names ("rupees INR").
    Currency,
    /// Lines `word kind` of calendar and clock words ("march month").
    CalendarWord,
    /// Lines `word role` around a counted noun (`skip` or `stop`: "of skip").
    CountedWord,
    /// Verbs and nouns of change ("rise", "cut").
    ChangeVerb,
    /// Phrases that mark a running count ("so far", "to date").
    RunningCount,
    /// Lines `before word` or `after word`: where "one" is a pronoun.
    PronounOne,
    /// Lines `kind word` of the quantity marks (`level limit`, `steady flat`).
    LevelWord,
}

impl LexiconKind {
    /// The kind's name as the builder's serde form writes it ("time_scope").
    pub(crate) fn name(self) -> String {
        let mut out = String::new();
        for (i, c) in format!("{self:?}").chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }
}

/// The closed-class lists a word belongs to, as bits: a token's class is
/// looked up once with its [`WordEntry`], and each rule tests a bit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Gram(u32);

impl Gram {
    pub const QUESTION_OPENER: Gram = Gram(1);
    pub const STATE: Gram = Gram(1 << 1);
    pub const HOLDING: Gram = Gram(1 << 2);
    pub const PREPOSITION_NEGATION: Gram = Gram(1 << 3);
    pub const ANAPHOR: Gram = Gram(1 << 4);
    pub const CLAUSE_BREAK: Gram = Gram(1 << 5);
    pub const CLAUSE_SUBJECT: Gram = Gram(1 << 6);
    pub const CONDITIONAL: Gram = Gram(1 << 7);
    pub const HYPOTHETICAL: Gram = Gram(1 << 8);
    pub const COPULA: Gram = Gram(1 << 9);
    pub const ARTICLE: Gram = Gram(1 << 10);
    pub const ANSWER: Gram = Gram(1 << 11);
    pub const DEMONSTRATIVE: Gram = Gram(1 << 12);
    pub const POINTING_PRONOUN: Gram = Gram(1 << 13);
    pub const YET_NEGATION: Gram = Gram(1 << 14);
    pub const ORG_SELF: Gram = Gram(1 << 15);

    /// True when the word is in the list `g`.
    pub fn is(self, g: Gram) -> bool {
        self.0 & g.0 != 0
    }

    /// The lists of a token with the word entry `e` (none without one).
    pub fn of(e: Option<&WordEntry>) -> Gram {
        e.map_or(Gram::default(), |w| w.grammar)
    }
}

/// The kinds of `grammar_words.txt` that are token lists, with their bits.
pub(crate) const GRAMMAR_KINDS: [(&str, Gram); 16] = [
    ("question_opener", Gram::QUESTION_OPENER),
    ("state", Gram::STATE),
    ("holding", Gram::HOLDING),
    ("preposition_negation", Gram::PREPOSITION_NEGATION),
    ("anaphor", Gram::ANAPHOR),
    ("clause_break", Gram::CLAUSE_BREAK),
    ("clause_subject", Gram::CLAUSE_SUBJECT),
    ("conditional", Gram::CONDITIONAL),
    ("hypothetical", Gram::HYPOTHETICAL),
    ("copula", Gram::COPULA),
    ("article", Gram::ARTICLE),
    ("answer", Gram::ANSWER),
    ("demonstrative", Gram::DEMONSTRATIVE),
    ("pointing_pronoun", Gram::POINTING_PRONOUN),
    ("yet_negation", Gram::YET_NEGATION),
    ("org_self", Gram::ORG_SELF),
];

/// The closed-class words single rules read (`grammar_words.txt`), each
/// word once: the token lists as bits per folded word (a token reads them
/// through its [`WordEntry`]), and the agent-noun endings, which are no
/// tokens.
#[derive(Debug, Clone, Default)]
pub(crate) struct GrammarWords {
    /// Endings of an agent noun after a verb's stem ("ers", "ents").
    pub agent_suffixes: Vec<String>,
    /// Folded word → the lists it is in.
    classes: HashMap<String, Gram>,
}

/// True when `w` is one of `list`: the grammar lists hold a handful of
/// words each, so a scan beats a hash. Token-level rules read [`Gram`] bits
/// instead; this serves words that are not tokens (a suffix) or rules run
/// once per claim.
pub(crate) fn has(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x == w)
}

/// The built-in grammar words, parsed once (the tests' view: detection
/// reads the detector's own).
#[cfg(test)]
pub(crate) fn grammar() -> &'static GrammarWords {
    &Lexicon::shipped().grammar
}

impl GrammarWords {
    /// The words of the list `bit`, sorted (the tests' view).
    #[cfg(test)]
    pub fn words(&self, bit: Gram) -> Vec<&str> {
        let mut w: Vec<&str> = (self.classes.iter())
            .filter(|(_, g)| g.is(bit))
            .map(|(w, _)| w.as_str())
            .collect();
        w.sort_unstable();
        w
    }

    /// `grammar_words.txt`: `kind word word …`; an unknown kind is an error.
    fn parse(lists: &Lists) -> Result<GrammarWords, Error> {
        let mut g = GrammarWords::default();
        for line in lists.get(LexiconKind::GrammarWord) {
            let mut parts = line.as_str().split_whitespace();
            let kind = parts.next();
            if kind == Some("agent_suffix") {
                g.agent_suffixes.extend(parts.map(str::to_owned));
                continue;
            }
            // Read by the figure parser's section (`QLex`).
            if kind == Some("indefinite_article") {
                continue;
            }
            let Some(&(_, bit)) = GRAMMAR_KINDS.iter().find(|(k, _)| Some(*k) == kind) else {
                return Err(line.bad(LexiconKind::GrammarWord, "unknown kind"));
            };
            for word in parts {
                g.classes.entry(word.to_owned()).or_default().0 |= bit.0;
            }
        }
        Ok(g)
    }
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

    fn extend(&mut self, lines: &[Entry]) {
        for e in lines {
            self.insert(e.as_str());
        }
    }

    /// Length in tokens of the longest phrase starting at token `i`, if any.
    /// `toks` are the tokens the stems are of, `function` the words matched
    /// literally.
    pub fn match_at<S: AsRef<str>>(
        &self,
        stems: &[S],
        toks: &[Token<'_>],
        i: usize,
        function: &HashSet<String>,
    ) -> Option<usize> {
        self.phrase_at(stems, toks, i, function)
            .map(<[String]>::len)
    }

    /// The stems of the longest phrase starting at token `i`, if any: the
    /// key of what the lexicon says of that phrase.
    pub fn phrase_at<S: AsRef<str>>(
        &self,
        stems: &[S],
        toks: &[Token<'_>],
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
                        .zip(&toks[i..])
                        .all(|(s, t)| s == t.norm() || !function.contains(t.norm()))
            })
            .map(|p| p.stems.as_slice())
    }

    /// True when `stem` alone is an entry.
    pub fn contains_word(&self, stem: &str) -> bool {
        self.by_first
            .get(stem)
            .is_some_and(|v| v.iter().any(|p| p.stems.len() == 1))
    }

    /// The one-word entries as written (folded): "hardly", not every word
    /// of its stem.
    fn single_words(&self) -> impl Iterator<Item = &str> {
        self.by_first
            .values()
            .flatten()
            .filter(|p| p.stems.len() == 1)
            .filter_map(|p| p.surface.first().map(String::as_str))
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

/// What the lexicon says of one token ([`Lexicon::read_word`]): its stem,
/// the entry of its stem and the entry of its folded word. A scan keeps one
/// per token, in one vector: "unions" reads stem "union" with its entry.
#[derive(Debug, Clone)]
pub(crate) struct WordRead<'a> {
    /// The token's stem.
    pub stem: Rc<str>,
    /// What the lists say of the stem.
    pub entry: Option<&'a StemEntry>,
    /// What the lists say of the folded word; `None` too when no listed
    /// word has its stem.
    pub word: Option<&'a WordEntry>,
}

/// Phrase lists match on stems, and take a scan's reads as they are.
impl AsRef<str> for WordRead<'_> {
    fn as_ref(&self) -> &str {
        &self.stem
    }
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
    /// A rejecting word of attitude ("oppose").
    pub attitude: bool,
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
    /// A one-word negation entry as written ("never", "hardly").
    pub negation: bool,
    /// The grammar lists it is in.
    pub grammar: Gram,
    pub superlative: bool,
    /// A word of a title or a title modifier ("minister", "deputy"): the
    /// actor section's title words.
    pub title: bool,
    /// Its kind bits as a level word of the quantity section
    /// (`level_words.txt`), 0 for other words.
    pub level: u16,
    /// For a word that negates another ("illegal"), the concept of the
    /// word it negates ("legal").
    pub antonym_concept: Option<String>,
}

/// The next number a build of a lexicon's views takes ([`Lexicon::read_word`]).
static NEXT_BUILD: AtomicU64 = AtomicU64::new(1);

/// Most words [`Lexicon::read_word`]'s per-thread cache keeps before it
/// starts over.
const READ_CACHE_LIMIT: usize = 200_000;

/// The entries of `map` in a vector, and each key's index there.
fn numbered<E>(map: HashMap<String, E>) -> (HashMap<String, u32>, Vec<E>) {
    let mut ids = HashMap::default();
    let mut entries = Vec::with_capacity(map.len());
    for (key, entry) in map {
        ids.insert(key, entries.len() as u32);
        entries.push(entry);
    }
    (ids, entries)
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
    /// Stems of rejecting words that state an attitude.
    pub attitude: HashSet<String>,
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
    /// The lists above by stem and by folded word (entries in `stems` and
    /// `words`, found through the id maps), rebuilt by [`Lexicon::extend`]
    /// (the only writer of the lists).
    stem_ids: HashMap<String, u32>,
    stems: Vec<StemEntry>,
    word_ids: HashMap<String, u32>,
    words: Vec<WordEntry>,
    /// Names this build of the views: a reader's per-thread cache of
    /// entry ids ([`Lexicon::read_word`]) holds for one build only.
    build: u64,
    /// The closed-class words single rules read.
    pub grammar: GrammarWords,
    /// The sections of the other stages.
    pub actor: actor::ActorLexicon,
    pub quantity: quantity::QLex,
    pub extract: extract::ExtractLexicon,
    /// Every list's lines, which the sections are built from.
    lists: Lists,
}

/// The stance lists in the order they are added: a measure verb is read
/// through the synonyms, so those come first.
const STANCE: [LexiconKind; 20] = [
    LexiconKind::Stop,
    LexiconKind::Negation,
    LexiconKind::NotNegation,
    LexiconKind::EmptyPhrase,
    LexiconKind::Reject,
    LexiconKind::Support,
    LexiconKind::Hedge,
    LexiconKind::Reporting,
    LexiconKind::Frame,
    LexiconKind::Synonyms,
    LexiconKind::Antonyms,
    LexiconKind::Restrictor,
    LexiconKind::Evidential,
    LexiconKind::Knowledge,
    LexiconKind::Attitude,
    LexiconKind::MeasureVerb,
    LexiconKind::Aggregate,
    LexiconKind::TimeScope,
    LexiconKind::Superlative,
    LexiconKind::Comparison,
];

impl Lexicon {
    /// Every list parsed from `lists`; a bad line is an [`Error::Config`]
    /// naming its list and line.
    fn parse(lists: Lists) -> Result<Lexicon, Error> {
        let mut lx = Lexicon {
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
            attitude: HashSet::default(),
            measure_verbs: HashSet::default(),
            measure_group: HashMap::default(),
            aggregate: PhraseSet::default(),
            superlatives: HashSet::default(),
            comparison: PhraseSet::default(),
            time_scopes: PhraseSet::default(),
            time_scope_of: HashMap::default(),
            stem_ids: HashMap::default(),
            stems: Vec::new(),
            word_ids: HashMap::default(),
            words: Vec::new(),
            build: 0,
            grammar: GrammarWords::parse(&lists)?,
            actor: actor::ActorLexicon::parse(&lists)?,
            quantity: quantity::QLex::parse(&lists)?,
            extract: extract::ExtractLexicon::parse(&lists)?,
            lists: Lists::empty(),
        };
        for kind in STANCE {
            lx.add(kind, lists.get(kind))?;
        }
        lx.reindex();
        lx.lists = lists;
        Ok(lx)
    }

    /// The built-in lexicon, parsed once per process and shared: a
    /// detector without extensions holds this `Arc`. A bad line of a
    /// shipped file is an error (the test `builtin_parses` keeps there
    /// being none).
    pub fn builtin() -> Result<Arc<Lexicon>, Error> {
        static BUILTIN: OnceLock<Result<Arc<Lexicon>, String>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                Lexicon::parse(Lists::builtin())
                    .map(Arc::new)
                    .map_err(|e| e.to_string())
            })
            .clone()
            .map_err(|message| Error::Config {
                what: "built-in lexicon".into(),
                message,
            })
    }

    /// The built-in lexicon, for the public functions that take no
    /// detector (`parse_figures`, `extract`).
    ///
    /// # Panics
    /// Only if a shipped list file has a bad line, which the test
    /// `builtin_parses` rules out.
    pub fn shipped() -> &'static Arc<Lexicon> {
        static SHIPPED: OnceLock<Arc<Lexicon>> = OnceLock::new();
        SHIPPED.get_or_init(|| Lexicon::builtin().expect("the shipped lexicon parses (tested)"))
    }

    /// Adds the entries of `text` (lexicon file syntax) to the list `kind`
    /// and rebuilds what reads that list: the stance index, or the
    /// section of the stage (a list two stages read rebuilds both). A bad
    /// entry is an [`Error::Config`] naming the list and the line; the
    /// lexicon is then left part-extended, for the caller to drop.
    pub fn extend(&mut self, kind: LexiconKind, text: &str) -> Result<(), Error> {
        use LexiconKind as K;
        let first = self.lists.push(kind, text);
        match kind {
            K::Stop
            | K::Negation
            | K::NotNegation
            | K::EmptyPhrase
            | K::Reject
            | K::Support
            | K::Hedge
            | K::Reporting
            | K::Frame
            | K::Synonyms
            | K::Antonyms
            | K::Restrictor
            | K::Evidential
            | K::Knowledge
            | K::Attitude
            | K::MeasureVerb
            | K::Aggregate
            | K::TimeScope
            | K::Superlative
            | K::Comparison => {
                let new = self.lists.get(kind)[first..].to_vec();
                self.add(kind, &new)?;
                self.reindex();
            }
            K::GrammarWord => {
                self.grammar = GrammarWords::parse(&self.lists)?;
                self.quantity = quantity::QLex::parse(&self.lists)?;
                self.reindex();
            }
            K::Title => {
                self.actor = actor::ActorLexicon::parse(&self.lists)?;
                self.extract = extract::ExtractLexicon::parse(&self.lists)?;
                self.reindex();
            }
            K::GroupNoun | K::OrgWord => {
                self.actor = actor::ActorLexicon::parse(&self.lists)?;
                self.extract = extract::ExtractLexicon::parse(&self.lists)?;
            }
            K::TitleModifier => {
                self.actor = actor::ActorLexicon::parse(&self.lists)?;
                self.reindex();
            }
            K::OrgClass
            | K::OrgPart
            | K::DocumentNoun
            | K::OutletSuffix
            | K::Nickname
            | K::NameParticle
            | K::Pronoun
            | K::ActorFunctionWord => self.actor = actor::ActorLexicon::parse(&self.lists)?,
            K::SpeechVerb | K::ClauseWord | K::PageLabel | K::CompanyNoun => {
                self.extract = extract::ExtractLexicon::parse(&self.lists)?;
            }
            K::NumberWord
            | K::ScaleWord
            | K::VagueMagnitude
            | K::QuantityQualifier
            | K::QuantityUnit
            | K::MeasurementUnit
            | K::RateUnit
            | K::Currency
            | K::CalendarWord
            | K::CountedWord
            | K::ChangeVerb
            | K::RunningCount
            | K::PronounOne => self.quantity = quantity::QLex::parse(&self.lists)?,
            K::LevelWord => {
                self.quantity = quantity::QLex::parse(&self.lists)?;
                self.reindex();
            }
        }
        Ok(())
    }

    /// What the lists say of `stem`; `None` when no list holds it.
    pub fn stem_entry(&self, stem: &str) -> Option<&StemEntry> {
        self.stem_ids.get(stem).map(|&i| &self.stems[i as usize])
    }

    /// A token's stem, and what the lists say of its stem
    /// ([`Lexicon::stem_entry`]) and of its folded word `norm` (`None` when
    /// no list holds it; looked up only when some listed word has that
    /// stem), from one per-thread look-up: the scan needs all three of
    /// every token, and news vocabulary repeats. The cache holds entry ids
    /// of this build of the lists, and starts over for another.
    pub fn read_word(&self, norm: &str) -> WordRead<'_> {
        type Ids = (Rc<str>, u32, u32);
        thread_local! {
            static CACHE: RefCell<(u64, HashMap<Box<str>, Ids>)> =
                RefCell::new((0, HashMap::default()));
        }
        const NONE: u32 = u32::MAX;
        let (stem, s, w) = CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.0 != self.build {
                *cache = (self.build, HashMap::default());
            }
            if let Some((stem, s, w)) = cache.1.get(norm) {
                return (Rc::clone(stem), *s, *w);
            }
            let stem = crate::text::stem_shared(norm);
            let s = self.stem_ids.get(&*stem).copied().unwrap_or(NONE);
            let w = match self.stems.get(s as usize) {
                Some(e) if e.has_word_entry => self.word_ids.get(norm).copied().unwrap_or(NONE),
                _ => NONE,
            };
            if cache.1.len() > READ_CACHE_LIMIT {
                cache.1.clear();
            }
            cache.1.insert(norm.into(), (Rc::clone(&stem), s, w));
            (stem, s, w)
        });
        WordRead {
            stem,
            entry: self.stems.get(s as usize),
            word: self.words.get(w as usize),
        }
    }

    /// This build of the lexicon's views: a number no other build takes,
    /// so a per-thread cache of what a lexicon says can tell whose it is.
    pub fn build(&self) -> u64 {
        self.build
    }

    /// True when the folded word `w` is a function word: a stop word or a
    /// one-word negation as written (one look-up).
    pub fn is_function_word(&self, w: &str) -> bool {
        self.word_ids
            .get(w)
            .is_some_and(|&i| self.words[i as usize].stop || self.words[i as usize].negation)
    }

    /// Rebuilds the per-stem and per-word views of the lists: a stem has a
    /// word entry when some listed word has that stem.
    fn reindex(&mut self) {
        let mut by_stem = self.stem_entries();
        let by_word = self.word_entries();
        for word in by_word.keys() {
            by_stem.entry(stem(word)).or_default().has_word_entry = true;
        }
        (self.stem_ids, self.stems) = numbered(by_stem);
        (self.word_ids, self.words) = numbered(by_word);
        self.build = NEXT_BUILD.fetch_add(1, Ordering::Relaxed);
    }

    /// What the stem lists say of each stem they hold: "unions" and
    /// "union" share the entry of stem "union".
    fn stem_entries(&self) -> HashMap<String, StemEntry> {
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
            (&self.attitude, |e| &mut e.attitude),
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
        by_stem
    }

    /// What the word lists say of each folded word they hold, as written:
    /// "the" is a stop word, "not" a one-word negation.
    fn word_entries(&self) -> HashMap<String, WordEntry> {
        let mut by_word: HashMap<String, WordEntry> = HashMap::default();
        for word in &self.stop {
            by_word.entry(word.clone()).or_default().stop = true;
        }
        for word in &self.superlatives {
            by_word.entry(word.clone()).or_default().superlative = true;
        }
        for word in self.negation.single_words() {
            by_word.entry(word.to_owned()).or_default().negation = true;
        }
        for (word, &bits) in &self.quantity.levels {
            // The marks read a level word only when it has two chars or
            // more and opens with a letter.
            if word.len() >= 2 && word.as_bytes()[0].is_ascii_alphabetic() {
                by_word.entry(word.clone()).or_default().level = bits;
            }
        }
        for word in self.actor.title_words() {
            by_word.entry(word).or_default().title = true;
        }
        for (word, &class) in &self.grammar.classes {
            by_word.entry(word.clone()).or_default().grammar = class;
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
        by_word
    }

    /// Adds `lines` to the stance list `kind`, leaving the index.
    fn add(&mut self, kind: LexiconKind, lines: &[Entry]) -> Result<(), Error> {
        use LexiconKind as K;
        let stem_set = |set: &mut HashSet<String>| {
            for e in lines {
                set.insert(stem(&crate::text::fold(e.as_str())));
            }
        };
        match kind {
            K::Stop => self
                .stop
                .extend(lines.iter().map(|e| crate::text::fold(e.as_str()))),
            K::Negation => self.negation.extend(lines),
            K::NotNegation | K::EmptyPhrase => self.not_negation.extend(lines),
            K::Reject => self.reject.extend(lines),
            K::Support => self.support.extend(lines),
            K::Hedge => self.hedge.extend(lines),
            K::Reporting => stem_set(&mut self.reporting),
            K::Frame => stem_set(&mut self.frame),
            K::Restrictor => stem_set(&mut self.restrictors),
            K::Evidential => stem_set(&mut self.evidential),
            K::Knowledge => stem_set(&mut self.knowledge),
            K::Attitude => stem_set(&mut self.attitude),
            K::MeasureVerb => self.add_measure_verbs(lines),
            K::Aggregate => self.aggregate.extend(lines),
            K::Superlative => self
                .superlatives
                .extend(lines.iter().map(|e| crate::text::fold(e.as_str()))),
            K::Comparison => self.comparison.extend(lines),
            K::TimeScope => {
                for line in lines {
                    let Some((scope, phrase)) = line.as_str().split_once(char::is_whitespace)
                    else {
                        return Err(line.bad(kind, "expected a scope and its phrase"));
                    };
                    self.time_scopes.insert(phrase.trim());
                    self.time_scope_of
                        .insert(stem_phrase(phrase.trim()), scope.to_owned());
                }
            }
            K::Synonyms => self.add_synonyms(lines),
            K::Antonyms => {
                for line in lines {
                    let w: Vec<&str> = line.as_str().split_whitespace().collect();
                    let [neg, pos] = w[..] else {
                        return Err(line.bad(kind, "expected `negative positive`"));
                    };
                    self.antonyms
                        .insert(crate::text::fold(neg), crate::text::fold(pos));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// `measure_verbs.txt`: a comma-separated line is one measured
    /// concept, named by its first word; words read through the synonyms.
    fn add_measure_verbs(&mut self, lines: &[Entry]) {
        for line in lines {
            let concepts: Vec<String> = line
                .as_str()
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

    /// `synonyms.txt`: a comma-separated group, the first names the concept.
    fn add_synonyms(&mut self, lines: &[Entry]) {
        for line in lines {
            let mut members = line
                .as_str()
                .split(',')
                .map(str::trim)
                .filter(|m| !m.is_empty());
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
        for (kind, bit) in GRAMMAR_KINDS {
            assert!(!g.words(bit).is_empty(), "{kind}");
        }
        assert!(!g.agent_suffixes.is_empty(), "agent_suffix");
        assert!(g.words(Gram::QUESTION_OPENER).contains(&"whether"));
        assert!(g.words(Gram::PREPOSITION_NEGATION).contains(&"without"));
        // The figure parser reads the indefinite articles, and its per-words.
        let q = &Lexicon::shipped().quantity;
        assert!(q.articles.contains("a") && q.articles.contains("an"));
        assert!(q.rate_openers.contains("per") && q.rate_openers.contains("every"));
        let mut lx = (**Lexicon::shipped()).clone();
        lx.extend(LexiconKind::GrammarWord, "indefinite_article one-a")
            .unwrap();
        assert!(lx.quantity.articles.contains("one-a"));
        let mut lists = Lists::builtin();
        lists.push(LexiconKind::GrammarWord, "questioner whether");
        let e = GrammarWords::parse(&lists).unwrap_err().to_string();
        assert!(e.contains("grammar_word: line 1: unknown kind"), "{e}");
    }

    use super::*;
    use crate::text::words;

    fn m(set: &PhraseSet, s: &str, i: usize) -> Option<usize> {
        let toks = words(s);
        let st: Vec<String> = toks.iter().map(|t| stem(&t.norm)).collect();
        set.match_at(&st, &toks, i, &Lexicon::shipped().stop)
    }

    /// Every shipped list parses: [`Lexicon::shipped`] never panics.
    #[test]
    fn builtin_parses() {
        assert!(Lexicon::builtin().is_ok());
    }

    /// The word entries carry the level words' kind bits, so the marks
    /// read them per token from the entry they have; a user's level word
    /// reaches the entries too.
    #[test]
    fn word_entries_hold_the_level_words() {
        let mut lx = (*Lexicon::builtin().unwrap()).clone();
        lx.extend(LexiconKind::LevelWord, "steady unwavering")
            .unwrap();
        assert!(lx.quantity.levels.len() > 20);
        for (word, &bits) in &lx.quantity.levels {
            let entry = lx.read_word(word).word;
            assert_eq!(entry.map_or(0, |e| e.level), bits, "{word}");
        }
        assert!(lx.quantity.levels.contains_key("unwavering"));
    }

    /// A bad line, built-in or the user's, is an error naming its list
    /// and line, never a panic.
    #[test]
    fn a_bad_entry_is_an_error_naming_its_list() {
        for (kind, text, what) in [
            (
                LexiconKind::Antonyms,
                "unfair",
                "antonyms: line 1: expected `negative positive`",
            ),
            (
                LexiconKind::TimeScope,
                "\nday",
                "time_scope: line 2: expected a scope and its phrase",
            ),
            (
                LexiconKind::QuantityUnit,
                "percent",
                "quantity_unit: line 1",
            ),
            (
                LexiconKind::SpeechVerb,
                "shout shouted",
                "speech_verb: line 1: unknown kind",
            ),
            (
                LexiconKind::ActorFunctionWord,
                "article the",
                "actor_function_word: line 1",
            ),
            (LexiconKind::CalendarWord, "noon", "calendar_word: line 1"),
        ] {
            let mut lx = Lexicon::clone(Lexicon::shipped());
            let e = lx.extend(kind, text).unwrap_err().to_string();
            assert!(
                e.starts_with("lexicon entries for ") && e.contains(what),
                "{e}"
            );
        }
        let mut lists = Lists::builtin();
        lists.by_kind_mut(LexiconKind::Antonyms)[0].text = "unlawful".into();
        let e = Lexicon::parse(lists).unwrap_err().to_string();
        assert!(e.starts_with("src/lexicon/antonyms.txt: line "), "{e}");
    }

    #[test]
    fn phrases_match_inflections_longest_first() {
        let lx = Lexicon::shipped();
        let s = "this is ruled out, quite ruled out";
        assert_eq!(m(&lx.reject, s, 2), Some(2));
        assert_eq!(m(&lx.reject, s, 0), None);
        // "will" is a function word: it does not match "willing" by stem.
        assert_eq!(m(&lx.support, "we will go", 1), None);
        assert_eq!(m(&lx.support, "we are willing", 2), Some(1));
    }

    #[test]
    fn builtin_lists_are_not_empty() {
        let lx = Lexicon::shipped();
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
        let lists = Lists::builtin();
        for (n, line) in lists.get(LexiconKind::Synonyms).iter().enumerate() {
            for m in line
                .as_str()
                .split(',')
                .map(str::trim)
                .filter(|m| !m.is_empty())
            {
                let key = stem_phrase(m);
                if let Some(prev) = seen.insert(key, n) {
                    assert_eq!(prev, n, "{m:?} is in two groups");
                }
            }
        }
    }

    /// The per-thread cache of [`Lexicon::read_word`] holds one build of
    /// the lists: a lexicon extended after a read, and the one before it
    /// read again, each answer from their own lists.
    #[test]
    fn read_word_answers_from_the_lexicon_asked() {
        let plain = Lexicon::shipped();
        let mut extended = Lexicon::clone(plain);
        extended.extend(LexiconKind::Stop, "zorblax").unwrap();
        let stop = |lx: &Lexicon| lx.read_word("zorblax").word.is_some_and(|w| w.stop);
        for _ in 0..2 {
            assert!(!stop(plain));
            assert!(stop(&extended));
        }
        let read = plain.read_word("the");
        assert_eq!(&*read.stem, "the");
        assert_eq!(read.entry, plain.stem_entry("the"));
        assert!(read.word.is_some_and(|w| w.stop));
    }

    #[test]
    fn every_listed_word_is_found_through_its_stem() {
        let mut lx = Lexicon::clone(Lexicon::shipped());
        lx.extend(LexiconKind::Stop, "zorblax").unwrap();
        lx.extend(LexiconKind::Antonyms, "unfrobbed frobbed")
            .unwrap();
        for word in lx.word_ids.keys() {
            assert!(lx.read_word(word).word.is_some(), "{word}");
        }
        assert!(lx.read_word("zorblax").word.is_some_and(|w| w.stop));
    }

    /// A list two stages read (titles) is one list: a user's title reaches
    /// both the actor and the extraction section.
    #[test]
    fn a_shared_list_extends_both_sections() {
        let mut lx = Lexicon::clone(Lexicon::shipped());
        assert!(!lx.actor.is_title("wardenmajor"));
        lx.extend(LexiconKind::Title, "wardenmajor").unwrap();
        assert!(lx.actor.is_title("wardenmajor"));
        assert_ne!(
            lx.extract.info("wardenmajor").class & extract::class::TITLE,
            0
        );
    }

    #[test]
    fn user_entries_extend_a_list() {
        let mut lx = Lexicon::clone(Lexicon::shipped());
        lx.extend(LexiconKind::Reject, "wave off").unwrap();
        assert_eq!(m(&lx.reject, "they waved off the idea", 1), Some(2));
    }
}
