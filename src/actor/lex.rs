//! The word lists actor normalization uses, parsed once from
//! `src/lexicon/*.txt` (general English; see each file's header).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lexicon::entries;
use crate::text::{fold, stem};

const TITLES: &str = include_str!("../lexicon/titles.txt");
const TITLE_MODIFIERS: &str = include_str!("../lexicon/title_modifiers.txt");
const ORG_WORDS: &str = include_str!("../lexicon/org_words.txt");
const ORG_CLASSES: &str = include_str!("../lexicon/org_classes.txt");
const ORG_PARTS: &str = include_str!("../lexicon/org_parts.txt");
const GROUP_NOUNS: &str = include_str!("../lexicon/group_nouns.txt");
const DOCUMENT_NOUNS: &str = include_str!("../lexicon/document_nouns.txt");
const OUTLET_SUFFIXES: &str = include_str!("../lexicon/outlet_suffixes.txt");
const NICKNAMES: &str = include_str!("../lexicon/nicknames.txt");
const NAME_PARTICLES: &str = include_str!("../lexicon/name_particles.txt");
const PRONOUNS: &str = include_str!("../lexicon/pronouns.txt");

/// Words that only mark definiteness; stripped from the front of a mention.
const DETERMINERS: [&str; 4] = ["the", "a", "an", "this"];
/// Words that open a complement after a title ("envoy to the EU").
const CONNECTORS: [&str; 6] = ["of", "to", "for", "at", "in", "on"];
/// Words skipped when taking the initials of a name.
const INITIAL_SKIP: [&str; 7] = ["of", "and", "for", "the", "on", "in", "&"];

/// Parsed actor word lists. Every key is folded (lowercase, no diacritics).
#[derive(Debug)]
pub(crate) struct ActorLexicon {
    /// Title phrase (folded words) → canonical role name.
    titles: HashMap<Vec<String>, String>,
    /// Longest title phrase, in words.
    title_max: usize,
    modifiers: HashSet<String>,
    org_words: HashSet<String>,
    /// Generic noun stem → stems of the organization heads it covers.
    org_classes: HashMap<String, HashSet<String>>,
    org_parts: HashSet<Vec<String>>,
    group_nouns: HashSet<String>,
    document_nouns: HashSet<String>,
    outlet_suffixes: HashSet<String>,
    /// Name → the formal names it may be a form of (a formal name maps to itself).
    nicknames: HashMap<String, Vec<String>>,
    particles: HashSet<String>,
    pronouns: HashSet<String>,
}

fn words_of(line: &str) -> Vec<String> {
    line.split_whitespace()
        .map(|w| fold(w.trim_end_matches('.')))
        .collect()
}

impl ActorLexicon {
    /// Every single word of a title phrase ("president", "secretary"),
    /// plus title modifiers ("former", "deputy"): not proposition content
    /// when written capitalized before a name.
    pub fn title_words(&self) -> HashSet<String> {
        self.titles
            .keys()
            .flatten()
            .chain(self.modifiers.iter())
            .cloned()
            .collect()
    }

    /// The built-in lists, parsed once per process.
    pub fn get() -> &'static ActorLexicon {
        static LEX: OnceLock<ActorLexicon> = OnceLock::new();
        LEX.get_or_init(ActorLexicon::build)
    }

    fn build() -> ActorLexicon {
        let set = |text: &str| -> HashSet<String> { entries(text).map(fold).collect() };
        let mut titles = HashMap::new();
        let mut title_max = 1;
        for line in entries(TITLES) {
            let mut parts = line.split(',').map(str::trim).filter(|p| !p.is_empty());
            let Some(first) = parts.next() else { continue };
            let canon = words_of(first).join(" ");
            for p in std::iter::once(first).chain(parts) {
                let w = words_of(p);
                title_max = title_max.max(w.len());
                titles.entry(w).or_insert_with(|| canon.clone());
            }
        }
        let mut org_classes: HashMap<String, HashSet<String>> = HashMap::new();
        for line in entries(ORG_CLASSES) {
            let mut parts = line.split(',').map(|p| stem(&fold(p.trim())));
            let Some(first) = parts.next() else { continue };
            org_classes.entry(first).or_default().extend(parts);
        }
        let mut nicknames: HashMap<String, Vec<String>> = HashMap::new();
        for line in entries(NICKNAMES) {
            let names: Vec<String> = line.split(',').map(|p| fold(p.trim())).collect();
            let Some(formal) = names.first().cloned() else {
                continue;
            };
            for n in names {
                let e = nicknames.entry(n).or_default();
                if !e.contains(&formal) {
                    e.push(formal.clone());
                }
            }
        }
        ActorLexicon {
            titles,
            title_max,
            modifiers: set(TITLE_MODIFIERS),
            org_words: set(ORG_WORDS),
            org_classes,
            org_parts: entries(ORG_PARTS).map(words_of).collect(),
            group_nouns: set(GROUP_NOUNS),
            document_nouns: set(DOCUMENT_NOUNS),
            outlet_suffixes: set(OUTLET_SUFFIXES),
            nicknames,
            particles: set(NAME_PARTICLES),
            pronouns: set(PRONOUNS),
        }
    }

    /// Length and canonical role of the longest title phrase that ends at
    /// `words[end - 1]` (searching leftwards).
    pub fn title_ending_at(&self, words: &[&str], end: usize) -> Option<(usize, &str)> {
        for len in (1..=self.title_max.min(end)).rev() {
            let key: Vec<String> = words[end - len..end]
                .iter()
                .map(|w| (*w).to_owned())
                .collect();
            if let Some(c) = self.titles.get(&key) {
                return Some((len, c));
            }
        }
        None
    }

    /// Canonical role of a single title word.
    pub fn title(&self, word: &str) -> Option<&str> {
        self.titles.get(&[word.to_owned()][..]).map(String::as_str)
    }

    pub fn is_title(&self, word: &str) -> bool {
        self.title(word).is_some()
    }

    pub fn is_modifier(&self, word: &str) -> bool {
        self.modifiers.contains(word)
    }

    pub fn is_org_word(&self, word: &str) -> bool {
        self.org_words.contains(word)
    }

    /// Heads (stems) a generic organization noun may refer back to.
    pub fn org_class(&self, head_stem: &str) -> Option<&HashSet<String>> {
        self.org_classes.get(head_stem)
    }

    /// Every generic noun (stem) whose class covers the head `head_stem`.
    pub fn classes_of<'s>(&'s self, head_stem: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.org_classes
            .iter()
            .filter(move |(_, heads)| heads.contains(head_stem))
            .map(|(k, _)| k.as_str())
    }

    pub fn is_org_part(&self, words: &[&str]) -> bool {
        let key: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
        self.org_parts.contains(&key)
    }

    pub fn is_group_noun(&self, word: &str) -> bool {
        self.group_nouns.contains(word)
    }

    pub fn is_document_noun(&self, word: &str) -> bool {
        self.document_nouns.contains(word)
    }

    pub fn is_outlet_suffix(&self, word: &str) -> bool {
        self.outlet_suffixes.contains(word)
    }

    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }

    pub fn is_pronoun(&self, word: &str) -> bool {
        self.pronouns.contains(word)
    }

    pub fn is_determiner(word: &str) -> bool {
        DETERMINERS.contains(&word)
    }

    pub fn is_connector(word: &str) -> bool {
        CONNECTORS.contains(&word)
    }

    pub fn skip_in_initials(word: &str) -> bool {
        INITIAL_SKIP.contains(&word)
    }

    /// True when a given name has familiar forms (or is one).
    pub fn has_familiar_forms(&self, name: &str) -> bool {
        self.nicknames.contains_key(name)
    }

    /// True when two given names are the same name or forms of one name.
    pub fn same_given_name(&self, a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        match (self.nicknames.get(a), self.nicknames.get(b)) {
            (Some(x), Some(y)) => x.iter().any(|n| y.contains(n)),
            _ => false,
        }
    }
}
