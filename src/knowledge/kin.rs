//! How two concepts are related, for the overlap of two claims: the same
//! word family in WordNet (synonyms, derivations, pertainyms), or related
//! in GloVe. Computed once per concept ([`Kin::of`]), so that judging a pair
//! costs a few comparisons and at most one 50-dimension dot product.
//!
//! Relatedness never decides polarity: antonyms (direct or through "similar
//! to") and sister terms (two kinds of one thing: "Monday"/"Tuesday",
//! "week"/"month", two countries) are never related, however close GloVe
//! puts them; they are alternatives, not one topic.

use std::hash::{Hash, Hasher};

use super::{glove, on, wordnet, Switch};
use crate::text::Fx;

/// GloVe cosine at or above which two words are related: "film"/"movie"
/// (0.93), "road"/"highway" (0.83) are; "shop"/"market" (0.54),
/// "school"/"hospital" (0.65), "airport"/"dam" (0.33) are not. Below it,
/// 50 dimensions join words that merely occur together ("move"/"stop").
pub(crate) const RELATED_COSINE: f32 = 0.80;

/// Words more frequent than this (GloVe's vocabulary is in frequency
/// order) do not make a claim opposable: "new" (rank 40), "large" (395)
/// and "open" (287) have antonyms but qualify every other claim; "modest"
/// (4239) and "civilian" (1998) are predicates worth opposing.
pub(crate) const OPPOSABLE_MIN_RANK: u32 = 1000;

/// What one concept brings to a comparison: its GloVe row, and hashes of
/// the names of its WordNet family, hypernyms and antonyms.
#[derive(Debug, Clone, Default)]
pub(crate) struct Kin {
    name: u64,
    row: Option<u32>,
    /// Synonyms, derivations and pertainyms, sorted.
    family: Box<[u64]>,
    /// First-level hypernyms, sorted.
    hypernyms: Box<[u64]>,
    /// Direct and indirect antonyms, sorted.
    antonyms: Box<[u64]>,
    /// What the word may be opposed to: its antonyms, their synonyms, and
    /// the antonyms of its synonyms ("modest" is similar to "small", whose
    /// antonym is "large"), sorted.
    opponents: Box<[u64]>,
    /// Second-level hypernyms, sorted.
    cousins: Box<[u64]>,
    /// A joined or dotted name ("united_states", "u.s"): two names that
    /// share an initialism or a synonym are one name. Common words that
    /// share a synonym are not one concept ("target" and "send" share
    /// "direct").
    named: bool,
}

/// Which relation joins two related concepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Link {
    /// One is a WordNet synonym, derivation or pertainym of the other
    /// ("deny"/"denial", "american"/"america").
    Family,
    /// GloVe puts them close (the cosine), and WordNet does not set them
    /// apart.
    Related(f32),
    /// One is a WordNet antonym of the other, directly or through "similar
    /// to" ([`Kin::opposes`]): the clash itself, not a shared topic.
    Antonym,
}

impl Link {
    /// How much of a shared concept the link is worth.
    pub fn weight(self) -> f64 {
        match self {
            Link::Family | Link::Antonym => 1.0,
            Link::Related(c) => f64::from(c),
        }
    }
}

fn hash(word: &str) -> u64 {
    let mut h = Fx::default();
    word.hash(&mut h);
    h.finish()
}

fn hashes<'a>(words: impl Iterator<Item = &'a str>) -> Box<[u64]> {
    let mut v: Vec<u64> = words.map(hash).collect();
    v.sort_unstable();
    v.dedup();
    v.into_boxed_slice()
}

/// The initialisms of a joined multi-word name, which news writes for the
/// name itself: "united_states" → "us", "u.s.", "u.s"; "european_union" →
/// "eu". Words of one or two letters ("of", "de") are skipped, as
/// initialisms skip them ("nato" aside). None for a single word.
fn initialisms(name: &str) -> Vec<String> {
    if !name.contains('_') {
        return Vec::new();
    }
    let letters: String = name
        .split('_')
        .filter(|w| w.len() > 2 || name.split('_').count() == 2)
        .filter_map(|w| w.chars().next())
        .collect();
    if letters.chars().count() < 2 {
        return Vec::new();
    }
    let dotted: String = letters.chars().flat_map(|c| [c, '.']).collect();
    let short = dotted.trim_end_matches('.').to_owned();
    vec![letters, dotted, short]
}

fn meets(a: &[u64], b: &[u64]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

impl Kin {
    /// The kin of concept `name` (a folded lemma or concept name; a joined
    /// multi-word name has no relations).
    pub fn of(name: &str) -> Kin {
        let wn = wordnet();
        // "u.s" as the tokenizer leaves it is WordNet's "u.s.".
        let rel = wn.relations(name).or_else(|| {
            (name.contains('.') && !name.ends_with('.'))
                .then(|| wn.relations(&format!("{name}.")))?
        });
        // Ablation switches ([`Switch`]): a relation switched off is empty.
        let kept = |k: &&str| match *k {
            "s" => on(Switch::Synonyms),
            "d" | "p" => on(Switch::Derivations),
            "h1" | "h2" => on(Switch::Hypernyms),
            "a" | "ai" => on(Switch::Antonyms),
            _ => true,
        };
        let of = |kinds: &[&str]| match rel {
            Some(r) => hashes(kinds.iter().filter(|k| kept(k)).flat_map(|k| r.of(k))),
            None => Box::default(),
        };
        let opponents = match rel.filter(|_| on(Switch::Antonyms)) {
            Some(r) => {
                let anti: Vec<&str> = r.of("a").chain(r.of("ai")).collect();
                let of_anti = anti
                    .iter()
                    .filter_map(|w| wn.relations(w))
                    .flat_map(|x| x.of("s"));
                let of_syn = r
                    .of("s")
                    .filter_map(|w| wn.relations(w))
                    .flat_map(|x| x.of("a").chain(x.of("ai")));
                hashes(anti.iter().copied().chain(of_anti).chain(of_syn))
            }
            None => Box::default(),
        };
        let mut family = of(&["s", "d", "p"]).into_vec();
        family.extend(initialisms(name).iter().map(|w| hash(w)));
        family.sort_unstable();
        family.dedup();
        Kin {
            name: hash(name),
            row: glove().row(name).filter(|_| on(Switch::Glove)),
            family: family.into_boxed_slice(),
            hypernyms: of(&["h1"]),
            antonyms: of(&["a", "ai"]),
            opponents,
            cousins: of(&["h2"]),
            named: name.contains('_') || name.contains('.'),
        }
    }

    /// How `self` and `other` are related, if they are: WordNet family
    /// first, then GloVe, never for antonyms or sister terms.
    pub fn link(&self, other: &Kin) -> Option<Link> {
        if self.name == other.name {
            return Some(Link::Family);
        }
        // Most pairs are unrelated: the cheap tests that can say so come
        // first, and the exclusions are read only for a pair that would
        // otherwise link.
        let antonyms = || {
            self.antonyms.binary_search(&other.name).is_ok()
                || other.antonyms.binary_search(&self.name).is_ok()
        };
        if self.family.binary_search(&other.name).is_ok()
            || other.family.binary_search(&self.name).is_ok()
            || (self.named || other.named) && meets(&self.family, &other.family)
        {
            return (!antonyms()).then_some(Link::Family);
        }
        let (a, b) = (self.row?, other.row?);
        let c = glove().cosine_rows(a, b);
        if c < RELATED_COSINE || antonyms() {
            return None;
        }
        // Sister and cousin terms (one or two levels up) are alternatives:
        // two countries, two weekdays.
        if meets(&self.hypernyms, &other.hypernyms) || meets(&self.cousins, &other.cousins) {
            return None;
        }
        Some(Link::Related(c))
    }

    /// Hashes of the names the word may be opposed to ([`Kin::opposes`]).
    pub fn opponents(&self) -> &[u64] {
        &self.opponents
    }

    /// The hash of the concept's name, as [`Kin::opponents`] holds them.
    pub fn name_hash(&self) -> u64 {
        self.name
    }

    /// True when WordNet gives the word an antonym and the word is not
    /// among the most frequent ([`OPPOSABLE_MIN_RANK`]): "modest",
    /// "civilian", "cheap" may be the predicate a claim turns on; "new",
    /// "first", "more" qualify almost every claim and decide none.
    pub fn opposable(&self) -> bool {
        !self.antonyms.is_empty() && self.row.is_none_or(|r| r >= OPPOSABLE_MIN_RANK)
    }

    /// True when `other` is an antonym of `self`, directly or through
    /// "similar to" ("modest" and "massive": small against large).
    /// Only an opposable word's own opponents count ([`Kin::opposable`]):
    /// the candidate search looks opponents up from that side.
    pub fn opposes(&self, other: &Kin) -> bool {
        (self.opposable() && self.opponents.binary_search(&other.name).is_ok())
            || (other.opposable() && other.opponents.binary_search(&self.name).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: &str, b: &str) -> Option<Link> {
        Kin::of(a).link(&Kin::of(b))
    }

    #[test]
    fn related_words_of_one_topic() {
        for (a, b) in [
            ("road", "highway"),
            ("lawyer", "attorney"),
            ("deny", "denial"),
            ("american", "america"),
            ("agreement", "deal"),
        ] {
            assert!(link(a, b).is_some(), "{a} ~ {b}");
            assert_eq!(link(a, b), link(b, a), "{a} ~ {b} is symmetric");
        }
    }

    #[test]
    fn a_name_and_its_initialism_are_one_family() {
        for (a, b) in [
            ("united_states", "u.s"),
            ("united_states", "america"),
            ("u.s", "america"),
            ("european_union", "eu"),
            ("world_health_organization", "who"),
        ] {
            assert_eq!(link(a, b), Some(Link::Family), "{a} ~ {b}");
        }
        assert_eq!(link("united_states", "european_union"), None);
        assert_eq!(
            link("target", "send"),
            None,
            "common words sharing a synonym"
        );
        assert_eq!(initialisms("airport"), Vec::<String>::new());
    }

    #[test]
    fn alternatives_and_opposites_are_not_related() {
        for (a, b) in [
            ("monday", "tuesday"),
            ("week", "month"),
            ("iraq", "iran"),
            ("civilian", "military"),
            ("lawful", "unlawful"),
            ("airport", "dam"),
            ("zorblax", "quuxle"),
        ] {
            assert_eq!(link(a, b), None, "{a} ~ {b}");
        }
    }

    #[test]
    fn opposition_through_similar_to() {
        assert!(Kin::of("modest").opposes(&Kin::of("massive")));
        assert!(Kin::of("lawful").opposes(&Kin::of("unlawful")));
        assert!(!Kin::of("modest").opposes(&Kin::of("small")));
        assert!(!Kin::of("road").opposes(&Kin::of("highway")));
        assert!(Kin::of("modest").opposable() && Kin::of("civilian").opposable());
        assert!(!Kin::of("new").opposable() && !Kin::of("road").opposable());
    }
}
