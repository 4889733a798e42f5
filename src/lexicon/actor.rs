//! The actor section of the lexicon: the word lists actor normalization
//! uses (general English; see each file's header), built from the lines
//! [`Lists`] read.

use std::collections::{HashMap, HashSet};

use super::lists::{Entry, Lists};
use super::{Lexicon, LexiconKind as K};
use crate::error::Error;
use crate::text::{fold, stem};

/// Parsed actor word lists. Every key is folded (lowercase, no diacritics).
#[derive(Debug, Clone)]
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
    /// Words that only mark definiteness ("the"); a short list, searched.
    determiners: Vec<String>,
    /// Words that open a complement after a title ("to").
    connectors: Vec<String>,
    /// Words skipped when taking the initials of a name ("of").
    initial_skip: Vec<String>,
    /// Words that put a title in the past ("former"); a word opening
    /// with "ex-" does too, by rule.
    tenure_past: Vec<String>,
    /// Articles dropped from the front of a gazetteer name ("the").
    alias_articles: Vec<String>,
    /// Words that open a group noun's complement besides the connectors
    /// ("officials from the port", "residents and traders").
    group_links: Vec<String>,
}

fn words_of(line: &str) -> Vec<String> {
    line.split_whitespace()
        .map(|w| fold(w.trim_end_matches('.')))
        .collect()
}

/// `titles.txt`: comma-separated groups, the first names the role. Also
/// the longest title phrase, in words.
fn titles(lines: &[Entry]) -> Result<(HashMap<Vec<String>, String>, usize), Error> {
    let mut titles = HashMap::new();
    let mut title_max = 1;
    for line in lines {
        let mut parts = line
            .as_str()
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let Some(first) = parts.next() else {
            return Err(line.bad(K::Title, "no title"));
        };
        let canon = words_of(first).join(" ");
        for p in std::iter::once(first).chain(parts) {
            let w = words_of(p);
            title_max = title_max.max(w.len());
            titles.entry(w).or_insert_with(|| canon.clone());
        }
    }
    Ok((titles, title_max))
}

/// `org_classes.txt`: a generic noun, then the heads it covers (stems).
fn org_classes(lines: &[Entry]) -> HashMap<String, HashSet<String>> {
    let mut org_classes: HashMap<String, HashSet<String>> = HashMap::new();
    for line in lines {
        let mut parts = line.as_str().split(',').map(|p| stem(&fold(p.trim())));
        if let Some(first) = parts.next() {
            org_classes.entry(first).or_default().extend(parts);
        }
    }
    org_classes
}

/// `nicknames.txt`: a formal name, then its familiar forms.
fn nicknames(lines: &[Entry]) -> HashMap<String, Vec<String>> {
    let mut nicknames: HashMap<String, Vec<String>> = HashMap::new();
    for line in lines {
        let names: Vec<String> = line.as_str().split(',').map(|p| fold(p.trim())).collect();
        let formal = names[0].clone();
        for n in names {
            let e = nicknames.entry(n).or_default();
            if !e.contains(&formal) {
                e.push(formal.clone());
            }
        }
    }
    nicknames
}

/// `actor_function_words.txt`: determiners, connectors, initial skips,
/// past-tenure words, alias articles, group links.
fn function_words(lines: &[Entry]) -> Result<[Vec<String>; 6], Error> {
    let mut function: [Vec<String>; 6] = Default::default();
    for line in lines {
        let mut parts = line.as_str().split_whitespace();
        let i = match parts.next() {
            Some("determiner") => 0,
            Some("connector") => 1,
            Some("initial_skip") => 2,
            Some("tenure_past") => 3,
            Some("alias_article") => 4,
            Some("group_link") => 5,
            _ => return Err(line.bad(K::ActorFunctionWord, "unknown kind")),
        };
        function[i].extend(parts.map(fold));
    }
    Ok(function)
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

    /// The built-in section, parsed once per process: for the public
    /// entry points that take no detector ([`normalize_actors`], a
    /// [`Gazetteer`]'s alias keys) and tests. A detector's actor stage reads
    /// its own lexicon's section instead, builder extensions included.
    ///
    /// [`normalize_actors`]: crate::normalize_actors
    /// [`Gazetteer`]: crate::Gazetteer
    pub fn get() -> &'static ActorLexicon {
        &Lexicon::shipped().actor
    }

    /// The section from the lists' lines; a bad line is an
    /// [`Error::Config`] naming its list and line.
    pub(crate) fn parse(lists: &Lists) -> Result<ActorLexicon, Error> {
        let set = |kind: K| -> HashSet<String> {
            lists.get(kind).iter().map(|e| fold(e.as_str())).collect()
        };
        let (titles, title_max) = titles(lists.get(K::Title))?;
        let [determiners, connectors, initial_skip, tenure_past, alias_articles, group_links] =
            function_words(lists.get(K::ActorFunctionWord))?;
        Ok(ActorLexicon {
            group_links,
            determiners,
            connectors,
            initial_skip,
            tenure_past,
            alias_articles,
            titles,
            title_max,
            modifiers: set(K::TitleModifier),
            org_words: set(K::OrgWord),
            org_classes: org_classes(lists.get(K::OrgClass)),
            org_parts: lists
                .get(K::OrgPart)
                .iter()
                .map(|e| words_of(e.as_str()))
                .collect(),
            group_nouns: set(K::GroupNoun),
            document_nouns: set(K::DocumentNoun),
            outlet_suffixes: set(K::OutletSuffix),
            nicknames: nicknames(lists.get(K::Nickname)),
            particles: set(K::NameParticle),
            pronouns: set(K::Pronoun),
        })
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

    pub fn is_determiner(&self, word: &str) -> bool {
        self.determiners.iter().any(|w| w == word)
    }

    pub fn is_connector(&self, word: &str) -> bool {
        self.connectors.iter().any(|w| w == word)
    }

    /// True for a word that may open a group noun's complement: a
    /// connector or a group link ("from", "and").
    pub fn opens_group_complement(&self, word: &str) -> bool {
        self.is_connector(word) || self.group_links.iter().any(|w| w == word)
    }

    pub fn skip_in_initials(&self, word: &str) -> bool {
        self.initial_skip.iter().any(|w| w == word)
    }

    /// True for a word that puts a title in the past ("former", "ex-").
    pub fn is_tenure_past(&self, word: &str) -> bool {
        self.tenure_past.iter().any(|w| w == word) || word.starts_with("ex-")
    }

    /// True for an article dropped from the front of a gazetteer name.
    pub fn is_alias_article(&self, word: &str) -> bool {
        self.alias_articles.iter().any(|w| w == word)
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
