//! The extraction section of the lexicon: the word lists article
//! extraction uses (general English; see each file's header), built from
//! the lines [`Lists`] read. Titles, group nouns and organisation words
//! are the lines the actor section reads too.

use crate::text::FxHashMap as HashMap;

use super::lists::{Entry, Lists};
use super::LexiconKind as K;
use crate::error::Error;

/// How a reporting verb takes its statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbKind {
    /// The clause after the verb ("said (that) …").
    Speech,
    /// An addressee, then the clause ("told reporters that …").
    Tell,
    /// The verb and its object ("rejected the plan").
    Object,
    /// An object verb only with "out" after it ("ruled out").
    Out,
}

/// Bit flags of a folded word.
pub(crate) mod class {
    pub const AUX: u16 = 1;
    pub const TIME: u16 = 1 << 1;
    pub const CONJ: u16 = 1 << 2;
    pub const REL: u16 = 1 << 3;
    pub const STOP: u16 = 1 << 4;
    pub const DET: u16 = 1 << 5;
    pub const LINK: u16 = 1 << 6;
    pub const PRON: u16 = 1 << 7;
    pub const ABBR: u16 = 1 << 8;
    pub const TITLE: u16 = 1 << 9;
    pub const GROUP: u16 = 1 << 10;
    pub const ORG: u16 = 1 << 11;
    pub const OPRON: u16 = 1 << 12;
    pub const ANA: u16 = 1 << 13;
    pub const PREP: u16 = 1 << 14;
    pub const NAMED: u16 = 1 << 15;
}

/// What extraction knows about one folded word.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordInfo {
    /// Class bits ([`class`]).
    pub class: u16,
    /// The reporting verb kind, when the word is one.
    pub verb: Option<VerbKind>,
    /// True for the `-ing` form of a reporting verb.
    pub participle: bool,
}

/// `speech_verbs.txt`: `kind word word …`, every inflection of a verb.
fn speech_verbs(words: &mut HashMap<String, WordInfo>, lines: &[Entry]) -> Result<(), Error> {
    for line in lines {
        let mut parts = line.as_str().split_whitespace();
        let kind = match parts.next() {
            Some("speech") => VerbKind::Speech,
            Some("tell") => VerbKind::Tell,
            Some("object") => VerbKind::Object,
            Some("out") => VerbKind::Out,
            _ => return Err(line.bad(K::SpeechVerb, "unknown kind")),
        };
        for w in parts {
            let e = words.entry(w.to_lowercase()).or_default();
            e.verb = Some(kind);
            e.participle = w.ends_with("ing");
        }
    }
    Ok(())
}

/// `clause_words.txt`: `kind word word …`, a class bit per kind.
fn clause_words(words: &mut HashMap<String, WordInfo>, lines: &[Entry]) -> Result<(), Error> {
    for line in lines {
        let mut parts = line.as_str().split_whitespace();
        let bit = match parts.next() {
            Some("aux") => class::AUX,
            Some("time") => class::TIME,
            Some("conj") => class::CONJ,
            Some("rel") => class::REL,
            Some("stop") => class::STOP,
            Some("det") => class::DET,
            Some("link") => class::LINK,
            Some("pron") => class::PRON,
            Some("opron") => class::OPRON,
            Some("ana") => class::ANA,
            Some("role") => class::GROUP,
            Some("prep") => class::PREP,
            Some("named") => class::NAMED,
            _ => return Err(line.bad(K::ClauseWord, "unknown kind")),
        };
        for w in parts {
            words.entry(w.to_lowercase()).or_default().class |= bit;
        }
    }
    Ok(())
}

/// One lookup table from folded word to what it is.
#[derive(Debug, Clone)]
pub(crate) struct ExtractLexicon {
    words: HashMap<String, WordInfo>,
    page_labels: Vec<String>,
    company_nouns: Vec<String>,
}

impl ExtractLexicon {
    /// The section from the lists' lines; a bad line is an
    /// [`Error::Config`] naming its list and line.
    pub(crate) fn parse(lists: &Lists) -> Result<ExtractLexicon, Error> {
        let mut words: HashMap<String, WordInfo> = HashMap::default();
        speech_verbs(&mut words, lists.get(K::SpeechVerb))?;
        clause_words(&mut words, lists.get(K::ClauseWord))?;
        for w in crate::text::abbreviations() {
            words.entry((*w).to_owned()).or_default().class |= class::ABBR;
        }
        for line in lists.get(K::Title) {
            for w in line.as_str().split([',', ' ']).filter(|w| !w.is_empty()) {
                words.entry(w.to_lowercase()).or_default().class |= class::TITLE;
            }
        }
        for (kind, bit) in [(K::GroupNoun, class::GROUP), (K::OrgWord, class::ORG)] {
            for w in lists.get(kind) {
                words.entry(w.as_str().to_lowercase()).or_default().class |= bit;
            }
        }
        let lower = |kind: K| {
            lists
                .get(kind)
                .iter()
                .map(|e| e.as_str().to_lowercase())
                .collect()
        };
        Ok(ExtractLexicon {
            words,
            page_labels: lower(K::PageLabel),
            company_nouns: lower(K::CompanyNoun),
        })
    }

    /// What the folded word is (default: nothing known).
    pub fn info(&self, folded: &str) -> WordInfo {
        self.words.get(folded).copied().unwrap_or_default()
    }

    /// A page label that names a field, not a speaker ("claim", "photo"),
    /// given folded to lowercase with ASCII apostrophes.
    pub fn is_page_label(&self, folded: &str) -> bool {
        self.page_labels.iter().any(|l| l == folded)
    }

    /// A noun that stands for a company named before ("company", "firm").
    pub fn is_company_noun(&self, folded: &str) -> bool {
        self.company_nouns.iter().any(|l| l == folded)
    }

    /// A newswire abbreviation whose period does not end a sentence ("dr",
    /// "gov"): the `abbr` line of `clause_words.txt`.
    pub fn is_abbreviation(&self, folded: &str) -> bool {
        self.info(folded).class & class::ABBR != 0
    }
}
