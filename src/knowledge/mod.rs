//! General English knowledge from WordNet 3.0 and GloVe 6B 50-d: lemmas,
//! synonyms, hypernyms, antonyms, derivations, pertainyms and relatedness.
//!
//! The tables are derived by `scripts/knowledge/build.py` into
//! `data/knowledge/` (formats in its README), compiled in with
//! `include_str!`/`include_bytes!` and parsed lazily, once per process. The
//! GloVe vectors are read in place from the compiled bytes.
//!
//! Relatedness never decides polarity: GloVe scores antonyms as high as
//! synonyms; WordNet's named relations and the stance rules decide.

// The relation look-ups are the crate-internal API; not all have a caller yet.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

use crate::text::FxHashMap;

mod kin;
mod switch;
pub(crate) use kin::{Kin, Link};
pub(crate) use switch::{on, Switch};

const EXCEPTIONS: &str = include_str!("../../data/knowledge/exceptions.tsv");
const LEMMAS: &str = include_str!("../../data/knowledge/lemmas.tsv");
const WORDNET: &str = include_str!("../../data/knowledge/wordnet.tsv");
const GLOVE_VOCAB: &str = include_str!("../../data/knowledge/glove-vocab.txt");
const GLOVE: &[u8] = include_bytes!("../../data/knowledge/glove-50d-int8.bin");

/// A WordNet part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    Noun,
    Verb,
    Adj,
    Adv,
}

impl Pos {
    const ALL: [Pos; 4] = [Pos::Noun, Pos::Verb, Pos::Adj, Pos::Adv];

    fn bit(self) -> u8 {
        1 << self as u8
    }

    fn from_tag(c: char) -> Option<Pos> {
        match c {
            'n' => Some(Pos::Noun),
            'v' => Some(Pos::Verb),
            'a' => Some(Pos::Adj),
            'r' => Some(Pos::Adv),
            _ => None,
        }
    }

    /// WordNet's detachment rules (morphy): suffix and its replacement.
    fn rules(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Pos::Noun => &[
                ("s", ""),
                ("ses", "s"),
                ("xes", "x"),
                ("zes", "z"),
                ("ches", "ch"),
                ("shes", "sh"),
                ("men", "man"),
                ("ies", "y"),
            ],
            Pos::Verb => &[
                ("s", ""),
                ("ies", "y"),
                ("es", "e"),
                ("es", ""),
                ("ed", "e"),
                ("ed", ""),
                ("ing", "e"),
                ("ing", ""),
            ],
            Pos::Adj => &[("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
            Pos::Adv => &[],
        }
    }
}

/// What WordNet says of one lemma (first two senses of each part of
/// speech): its lines of `wordnet.tsv`, read on demand.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Relations(&'static str);

impl Relations {
    /// The words of relation `kind` (`s`, `h1`, `h2`, `a`, `ai`, `d`, `p`,
    /// `k`; see scripts/knowledge/README.md).
    fn of(self, kind: &str) -> impl Iterator<Item = &'static str> + '_ {
        self.0
            .lines()
            .filter_map(move |line| {
                let mut f = line.split('\t');
                f.next()?;
                (f.next()? == kind).then(|| f.next()).flatten()
            })
            .flat_map(|ws| ws.split(' ').filter(|w| !w.is_empty()))
    }

    /// The name of the lemma's first synset, when not the lemma itself.
    fn key(self) -> Option<&'static str> {
        self.of("k").next()
    }
}

/// The parsed WordNet tables.
pub(crate) struct WordNet {
    /// lemma → parts of speech (bit set).
    lemmas: FxHashMap<&'static str, u8>,
    /// (inflected form, pos) → lemma; the first listed lemma wins.
    exceptions: FxHashMap<(&'static str, u8), &'static str>,
    relations: FxHashMap<&'static str, Relations>,
}

/// The int8 GloVe vectors, read in place.
pub(crate) struct Glove {
    index: FxHashMap<&'static str, u32>,
    dim: usize,
    rows: &'static [u8],
    /// Per row, the inverse of its vector's length: a cosine between rows
    /// is then one integer dot product.
    inv_norms: Vec<f32>,
}

impl WordNet {
    /// Parses the compiled tables (the lazy [`wordnet`] calls it once).
    pub(crate) fn parse() -> WordNet {
        let mut lemmas = FxHashMap::default();
        lemmas.reserve(160_000);
        for line in LEMMAS.lines() {
            if let Some((w, tags)) = line.split_once('\t') {
                let bits = tags
                    .chars()
                    .filter_map(Pos::from_tag)
                    .fold(0, |b, p| b | p.bit());
                lemmas.insert(w, bits);
            }
        }
        let mut exceptions = FxHashMap::default();
        exceptions.reserve(6_000);
        for line in EXCEPTIONS.lines() {
            let mut f = line.split('\t');
            if let (Some(p), Some(form), Some(lemma)) = (f.next(), f.next(), f.next()) {
                if let Some(p) = p.chars().next().and_then(Pos::from_tag) {
                    exceptions.entry((form, p.bit())).or_insert(lemma);
                }
            }
        }
        // The lines are sorted by lemma: each lemma's lines are one block.
        let mut relations: FxHashMap<&'static str, Relations> = FxHashMap::default();
        relations.reserve(30_000);
        let mut block: Option<(&'static str, usize)> = None;
        let mut at = 0;
        for line in WORDNET.split_inclusive('\n') {
            let w = line.split('\t').next().unwrap_or("");
            match block {
                Some((cur, _)) if cur == w => {}
                Some((cur, from)) => {
                    relations.insert(cur, Relations(&WORDNET[from..at]));
                    block = Some((w, at));
                }
                None => block = Some((w, at)),
            }
            at += line.len();
        }
        if let Some((cur, from)) = block {
            relations.insert(cur, Relations(&WORDNET[from..]));
        }
        WordNet {
            lemmas,
            exceptions,
            relations,
        }
    }

    fn is_lemma(&self, w: &str, pos: Pos) -> bool {
        self.lemmas.get(w).is_some_and(|b| b & pos.bit() != 0)
    }

    /// The base form of `word` in `pos`, if WordNet knows one (morphy: the
    /// exception lists, then the word itself, then the detachment rules).
    fn morphy<'a>(&'a self, word: &'a str, pos: Pos, own_first: bool) -> Option<&'a str> {
        if let Some(l) = self.exceptions.get(&(word, pos.bit())) {
            return Some(l);
        }
        if own_first && self.is_lemma(word, pos) {
            return Some(word);
        }
        for &(suffix, repl) in pos.rules() {
            if let Some(base) = word.strip_suffix(suffix) {
                if base.len() < 2 {
                    continue;
                }
                let cand = format!("{base}{repl}");
                if let Some((&k, _)) = self.lemmas.get_key_value(cand.as_str()) {
                    if self.is_lemma(k, pos) {
                        return Some(k);
                    }
                }
            }
        }
        None
    }

    /// The lemma of the folded word `word`. With a part of speech, WordNet's
    /// morphy for it; without, an irregular form's lemma ("rose" → "rise"),
    /// then a regular inflection's base ("rising" → "rise"), else the word.
    pub(crate) fn lemma<'a>(&'a self, word: &'a str, pos: Option<Pos>) -> &'a str {
        if !on(Switch::Lemmatizer) {
            return word;
        }
        if let Some(p) = pos {
            return self.morphy(word, p, true).unwrap_or(word);
        }
        for p in Pos::ALL {
            if let Some(l) = self.exceptions.get(&(word, p.bit())) {
                return l;
            }
        }
        if !self.lemmas.contains_key(word) || looks_inflected(word) {
            // Verbs first: "does" is "do", not the noun "doe".
            for p in [Pos::Verb, Pos::Noun, Pos::Adj, Pos::Adv] {
                if let Some(l) = self.morphy(word, p, false) {
                    return l;
                }
            }
        }
        word
    }

    /// What WordNet says of `lemma`, if it is among the frequent words.
    pub(crate) fn relations(&self, lemma: &str) -> Option<Relations> {
        self.relations.get(lemma).copied()
    }

    /// The concept name of a folded word: its lemma's first synset's name.
    /// Two words share a name only when their first senses are one synset
    /// ("nation" → "country").
    pub(crate) fn concept<'a>(&'a self, word: &'a str) -> &'a str {
        let l = self.lemma(word, None);
        if !on(Switch::Synonyms) {
            return l;
        }
        self.relations(l).and_then(Relations::key).unwrap_or(l)
    }
}

/// True for a word whose ending is a regular inflection ("-ing", "-ed",
/// "-s"), whose base form is preferred over the word's own entry
/// ("rising" is a noun, but a rise matches it).
fn looks_inflected(word: &str) -> bool {
    word.len() > 4
        && (word.ends_with("ing")
            || word.ends_with("ed")
            || (word.ends_with('s') && !word.ends_with("ss")))
}

impl Glove {
    /// Parses the vocabulary and checks the vector block's header.
    pub(crate) fn parse() -> Glove {
        let header = |at: usize| {
            GLOVE
                .get(at..at + 4)
                .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        let (n, dim) = if GLOVE.starts_with(b"GLV1") {
            (header(4), header(8))
        } else {
            (0, 0)
        };
        let rows = GLOVE.get(12..12 + n * (dim + 4)).unwrap_or(&[]);
        let mut index = FxHashMap::default();
        index.reserve(n);
        for (i, w) in GLOVE_VOCAB.lines().take(n).enumerate() {
            index.insert(w, i as u32);
        }
        let stride = dim + 4;
        let inv_norms = (0..n)
            .map(|i| {
                let v = rows.get(i * stride + 4..(i + 1) * stride).unwrap_or(&[]);
                let sq: i32 = v.iter().map(|&x| i32::from(x as i8).pow(2)).sum();
                if sq == 0 {
                    0.0
                } else {
                    1.0 / (sq as f32).sqrt()
                }
            })
            .collect();
        Glove {
            index,
            dim,
            rows,
            inv_norms,
        }
    }

    /// The row of `word`'s vector, if it is among the frequent words.
    pub(crate) fn row(&self, word: &str) -> Option<u32> {
        self.index.get(word).copied()
    }

    fn row_vector(&self, i: u32) -> &[u8] {
        let (i, stride) = (i as usize, self.dim + 4);
        self.rows
            .get(i * stride + 4..(i + 1) * stride)
            .unwrap_or(&[])
    }

    fn vector(&self, word: &str) -> Option<&[u8]> {
        Some(self.row_vector(self.row(word)?))
    }

    /// Cosine of the vectors of rows `a` and `b` ([`Glove::row`]).
    pub(crate) fn cosine_rows(&self, a: u32, b: u32) -> f32 {
        let (va, vb) = (self.row_vector(a), self.row_vector(b));
        let dot: i32 = va
            .iter()
            .zip(vb)
            .map(|(&x, &y)| i32::from(x as i8) * i32::from(y as i8))
            .sum();
        let norm = |i: u32| self.inv_norms.get(i as usize).copied().unwrap_or(0.0);
        // One product of the two norms: the same whichever row comes first.
        dot as f32 * (norm(a) * norm(b))
    }

    /// Cosine of two words' vectors; `None` when either is not among the
    /// 50,000 frequent words. The per-vector scale cancels in a cosine.
    pub(crate) fn cosine(&self, a: &str, b: &str) -> Option<f32> {
        Some(Self::cosine_of(self.vector(a)?, self.vector(b)?))
    }

    fn cosine_of(va: &[u8], vb: &[u8]) -> f32 {
        let (mut dot, mut na, mut nb) = (0i64, 0i64, 0i64);
        for (&x, &y) in va.iter().zip(vb) {
            let (x, y) = (i64::from(x as i8), i64::from(y as i8));
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        if na == 0 || nb == 0 {
            return 0.0;
        }
        (dot as f64 / ((na as f64).sqrt() * (nb as f64).sqrt())) as f32
    }
}

/// The WordNet tables, parsed on first use.
pub(crate) fn wordnet() -> &'static WordNet {
    static WN: OnceLock<WordNet> = OnceLock::new();
    WN.get_or_init(WordNet::parse)
}

/// The GloVe vectors, indexed on first use.
pub(crate) fn glove() -> &'static Glove {
    static GV: OnceLock<Glove> = OnceLock::new();
    GV.get_or_init(Glove::parse)
}

/// The lemma of a folded word ("rose" → "rise", "children" → "child").
pub(crate) fn lemma(word: &str, pos: Option<Pos>) -> &str {
    wordnet().lemma(word, pos)
}

/// The concept name of a folded word ([`WordNet::concept`]).
pub(crate) fn concept(word: &str) -> &str {
    wordnet().concept(word)
}

fn relation(word: &str, kind: &str) -> Vec<&'static str> {
    let wn = wordnet();
    wn.relations(wn.lemma(word, None))
        .map_or_else(Vec::new, |r| r.of(kind).collect())
}

/// [`concept`] as a shared string with a per-thread cache: one look-up
/// per content token, and news vocabulary repeats heavily.
pub(crate) fn concept_shared(word: &str) -> Rc<str> {
    thread_local! {
        static CACHE: RefCell<FxHashMap<Box<str>, Rc<str>>> = RefCell::new(FxHashMap::default());
    }
    CACHE.with(|cache| cached(cache, word, concept))
}

/// [`lemma`] (no part of speech) as a shared string, cached per thread as
/// [`concept_shared`] is.
pub(crate) fn lemma_shared(word: &str) -> Rc<str> {
    thread_local! {
        static CACHE: RefCell<FxHashMap<Box<str>, Rc<str>>> = RefCell::new(FxHashMap::default());
    }
    CACHE.with(|cache| cached(cache, word, |w| lemma(w, None)))
}

/// Most words a per-thread cache keeps; it starts over when full, so a
/// stream of novel words holds memory bounded.
const CACHE_LIMIT: usize = 200_000;

/// `f(word)` from `cache`, computed and kept on a miss.
fn cached(
    cache: &RefCell<FxHashMap<Box<str>, Rc<str>>>,
    word: &str,
    f: impl Fn(&str) -> &str,
) -> Rc<str> {
    if let Some(hit) = cache.borrow().get(word) {
        return Rc::clone(hit);
    }
    let name: Rc<str> = Rc::from(f(word));
    let mut cache = cache.borrow_mut();
    if cache.len() > CACHE_LIMIT {
        cache.clear();
    }
    cache.insert(word.into(), Rc::clone(&name));
    name
}

/// True when the folded word may be an adjective before a noun: WordNet
/// lists it as one, and it is not an inflected verb ("fake", "false",
/// "unlawful" may; "rejected", "denies" are verbs first).
pub(crate) fn may_be_modifier(word: &str) -> bool {
    let wn = wordnet();
    wn.is_lemma(word, Pos::Adj) && wn.morphy(word, Pos::Verb, false).is_none_or(|v| v == word)
}

/// True when the folded word may be a noun: WordNet lists it (or its
/// base form) as one, or does not know it at all (a name, a code such as
/// "co2"). "tickets", "claims", "figures" may; "under", "quickly" may not.
pub(crate) fn may_be_noun(word: &str) -> bool {
    let wn = wordnet();
    wn.morphy(word, Pos::Noun, true).is_some()
        || !(wn.lemmas.contains_key(word) || wn.lemma(word, None) != word)
}

/// Words sharing a first-sense synset with `word`'s lemma.
pub(crate) fn synonyms(word: &str) -> Vec<&'static str> {
    relation(word, "s")
}

/// Direct antonyms of `word`'s lemma ("unlawful" → "lawful").
pub(crate) fn antonyms(word: &str) -> Vec<&'static str> {
    relation(word, "a")
}

/// Antonyms through "similar to": the antonym of the head adjective a
/// satellite is similar to.
pub(crate) fn indirect_antonyms(word: &str) -> Vec<&'static str> {
    relation(word, "ai")
}

/// Hypernym names of `word`'s lemma at `level` 1 or 2 (`_` joins words).
pub(crate) fn hypernyms(word: &str, level: usize) -> Vec<&'static str> {
    match level {
        1 => relation(word, "h1"),
        2 => relation(word, "h2"),
        _ => Vec::new(),
    }
}

/// Derivationally related forms ("deny" → "denial").
pub(crate) fn derived(word: &str) -> Vec<&'static str> {
    relation(word, "d")
}

/// [`derived`], cached per thread as [`concept_shared`] is: a figure's
/// measure reads the derivations of every word around it.
pub(crate) fn derived_shared(word: &str) -> Rc<[&'static str]> {
    thread_local! {
        static CACHE: RefCell<FxHashMap<Box<str>, Rc<[&'static str]>>> =
            RefCell::new(FxHashMap::default());
    }
    CACHE.with(|cache| {
        if let Some(hit) = cache.borrow().get(word) {
            return Rc::clone(hit);
        }
        let list: Rc<[&'static str]> = derived(word).into();
        let mut cache = cache.borrow_mut();
        if cache.len() > CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(word.into(), Rc::clone(&list));
        list
    })
}

/// Pertainyms ("american" → "america").
pub(crate) fn pertainyms(word: &str) -> Vec<&'static str> {
    relation(word, "p")
}

/// GloVe cosine of two folded words, 0 when either is unknown.
pub(crate) fn relatedness(a: &str, b: &str) -> f32 {
    glove().cosine(a, b).unwrap_or(0.0)
}

/// Parses every table afresh and returns a count (for the load bench).
#[cfg(feature = "testkit")]
pub(crate) fn parse_all() -> usize {
    let wn = WordNet::parse();
    let gv = Glove::parse();
    wn.lemmas.len() + wn.exceptions.len() + wn.relations.len() + gv.index.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_of_general_english() {
        for (word, pos, want) in [
            ("rose", None, "rise"),
            ("went", None, "go"),
            ("children", None, "child"),
            ("countries", None, "country"),
            ("rising", None, "rise"),
            ("increased", None, "increase"),
            ("balloons", None, "balloon"),
            ("glass", None, "glass"),
            ("rose", Some(Pos::Noun), "rose"),
            ("rose", Some(Pos::Verb), "rise"),
            ("bigger", Some(Pos::Adj), "big"),
            ("zorblaxes", None, "zorblaxes"),
            ("does", None, "do"),
            ("", None, ""),
        ] {
            assert_eq!(lemma(word, pos), want, "{word}");
        }
    }

    #[test]
    fn named_relations() {
        for (got, want) in [
            (antonyms("unlawful"), "lawful"),
            (antonyms("deny"), "admit"),
            (pertainyms("american"), "america"),
            (derived("denial"), "deny"),
            (synonyms("airship"), "dirigible"),
            (hypernyms("airship", 1), "lighter-than-air_craft"),
            (hypernyms("airship", 2), "aircraft"),
        ] {
            assert!(got.contains(&want), "{want} not in {got:?}");
        }
        assert!(antonyms("zorblax").is_empty());
        assert!(hypernyms("airship", 3).is_empty());
    }

    #[test]
    fn concepts_join_first_senses_only() {
        assert_eq!(concept("nations"), concept("country"));
        assert_eq!(concept("largest"), concept("big"));
        assert_ne!(concept("job"), concept("business"));
    }

    #[test]
    fn relatedness_ranks_related_words_higher() {
        assert!(relatedness("airship", "balloon") > relatedness("airship", "tax"));
        assert!((relatedness("balloon", "balloon") - 1.0).abs() < 1e-4);
        assert_eq!(relatedness("zorblax", "balloon"), 0.0);
    }
}
