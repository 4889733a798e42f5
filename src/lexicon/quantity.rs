//! The quantity section of the lexicon: the word lists of figure parsing
//! and of the quantity marks, built from the lines [`Lists`] read.

use super::lists::{Entry, Lists};
use super::{Lexicon, LexiconKind as K};
use crate::error::Error;
use crate::text::fold;

pub(crate) type HashMap<K, V> = crate::text::FxHashMap<K, V>;
pub(crate) type HashSet<K> = crate::text::FxHashSet<K>;

/// The kind of a cardinal number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordKind {
    Unit,
    Teen,
    Ten,
    Frac,
}

/// Where a scale word may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ScaleUse {
    pub word: bool,
    pub suffix: bool,
}

/// The interval rule of a qualifier phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Ge,
    Gt,
    Le,
    Lt,
    Approx,
    Below,
    Above,
    Exact,
    Range,
    From,
    To,
    By,
}

/// Unit named by a unit phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitWord {
    Percent,
    Pp,
    Bp,
    /// A unit of measurement: its index in [`QLex::measures`].
    Measure(u16),
}

/// A unit of measurement: its name, dimension and factor to the
/// dimension's base unit ("barrel", "volume", 158.99 litres).
#[derive(Debug, Clone)]
pub(crate) struct MeasureUnit {
    pub name: String,
    pub dimension: String,
    pub factor: f64,
}

/// A multi-word phrase of folded words, with a payload.
#[derive(Debug, Clone)]
pub(crate) struct Phrase<T> {
    pub words: Vec<String>,
    pub val: T,
}

/// Phrases indexed by their first word, longest first.
#[derive(Debug, Clone)]
pub(crate) struct Phrases<T> {
    by_first: HashMap<String, Vec<Phrase<T>>>,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            by_first: HashMap::default(),
        }
    }
}

impl<T> Phrases<T> {
    fn insert(&mut self, phrase: &str, val: T) {
        let words: Vec<String> = phrase.split_whitespace().map(fold).collect();
        if words.is_empty() {
            return;
        }
        let list = self.by_first.entry(words[0].clone()).or_default();
        list.push(Phrase { words, val });
        list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }

    /// Candidate phrases starting with `first`, longest first.
    pub fn starting(&self, first: &str) -> &[Phrase<T>] {
        self.by_first.get(first).map_or(&[], Vec::as_slice)
    }

    /// Every phrase.
    pub fn iter(&self) -> impl Iterator<Item = &Phrase<T>> {
        self.by_first.values().flatten()
    }
}

/// Every list figure parsing uses.
#[derive(Debug, Clone)]
pub(crate) struct QLex {
    pub numbers: HashMap<String, (f64, WordKind)>,
    pub scales: HashMap<String, (f64, ScaleUse)>,
    /// Vague phrases: (lo, hi, takes a scale after it).
    pub vague: Phrases<(f64, f64, bool)>,
    pub qualifiers: Phrases<Op>,
    pub units: Phrases<(UnitWord, bool)>,
    /// Symbol forms, longest first.
    pub symbols: Vec<(String, String)>,
    pub currency_words: HashMap<String, String>,
    /// month name → must be capitalized.
    pub months: HashMap<String, bool>,
    pub days: HashSet<String>,
    /// Nouns that make the capitalized words before them a day's name.
    pub named_days: HashSet<String>,
    pub times: HashSet<String>,
    /// Words before a four-digit number that make it a year: "since".
    pub year_openers: HashSet<String>,
    /// Function words after a four-digit number that leave it a year.
    pub year_follow: HashSet<String>,
    /// Nouns of dated events after a year: "the 2027 election".
    pub year_nouns: HashSet<String>,
    pub counted_skip: HashSet<String>,
    pub counted_stop: HashSet<String>,
    pub change_stems: HashSet<String>,
    pub running: Phrases<()>,
    pub one_before: HashSet<String>,
    pub one_after: HashSet<String>,
    /// Every word that can open a figure, other than digits.
    pub starters: HashSet<String>,
    /// Length in bytes of the longest starter.
    pub starter_max: usize,
    /// Units of measurement, by index ([`UnitWord::Measure`]).
    pub measures: Vec<MeasureUnit>,
    /// The index of a unit by its name.
    pub measure_by_name: HashMap<String, u16>,
    /// Words after "a", "per", "each" or `/` that make a rate, with the
    /// per-unit ("day" → "day", "capita" → "person").
    pub rate_per: HashMap<String, String>,
    /// Words that make a rate on their own ("daily").
    pub rate_alone: HashMap<String, String>,
    /// Words after a per-word that make it a time ("a year earlier").
    pub rate_not: HashSet<String>,
    /// The per-words: before a word of `rate_per` they make a rate ("a",
    /// "per", "each").
    pub rate_openers: HashSet<String>,
    /// Indefinite articles, read as "one" before a scale or a fraction
    /// ("a million", "a quarter"): `indefinite_article` in
    /// `grammar_words.txt`.
    pub articles: HashSet<String>,
    /// The kind bits of each word of the quantity marks ([`level`]).
    pub levels: HashMap<String, u16>,
    /// The words without which no number is read (`quantity/gate.rs`).
    pub gate: Gate,
}

/// The folded words without which no number is read, gathered from the
/// number, scale and vague-magnitude lists for the cheap test run before
/// figure parsing (`quantity/gate.rs`, which says why the rule holds).
#[derive(Debug, Clone, Default)]
pub(crate) struct Gate {
    pub words: HashSet<String>,
    /// Length in bytes of the longest.
    pub longest: usize,
    /// Per length in bytes, the ASCII first letters of the words of that
    /// length (bit 0 for `a`): most runs are turned away by this alone.
    pub firsts: Vec<u32>,
}

impl Gate {
    fn new(lx: &QLex) -> Gate {
        // Number words (fractions included); scale words, which make a
        // number after "a" or "several"; and for each vague magnitude read
        // without a scale, its last word: the phrase matches only whole.
        let mut words: HashSet<String> = lx.numbers.keys().cloned().collect();
        words.extend(
            lx.scales
                .iter()
                .filter(|(_, (_, usage))| usage.word)
                .map(|(w, _)| w.clone()),
        );
        words.extend(
            lx.vague
                .iter()
                .filter(|p| !p.val.2)
                .filter_map(|p| p.words.last().cloned()),
        );
        let longest = words.iter().map(String::len).max().unwrap_or(0);
        let mut firsts = vec![0u32; longest + 1];
        for w in &words {
            firsts[w.len()] |= letter_bit(w.as_bytes()[0]);
        }
        Gate {
            words,
            longest,
            firsts,
        }
    }
}

/// A bit per ASCII letter, either case (all bits for any other byte, so
/// that a word that does not start with an ASCII letter is always looked
/// up).
pub(crate) fn letter_bit(b: u8) -> u32 {
    if b.is_ascii_alphabetic() {
        1 << (b.to_ascii_lowercase() - b'a')
    } else {
        u32::MAX
    }
}

/// Word kinds of `level_words.txt`, as bits (read by `quantity::marks`).
pub(crate) mod level {
    pub const LEVEL: u16 = 1;
    pub const UNDER: u16 = 1 << 1;
    pub const OVER: u16 = 1 << 2;
    pub const STAY: u16 = 1 << 3;
    pub const STEADY: u16 = 1 << 4;
    pub const SOFT: u16 = 1 << 5;
    pub const MOVE: u16 = 1 << 6;
    pub const TIMES: u16 = 1 << 7;
    pub const ANAPHOR: u16 = 1 << 8;
    pub const BETWEEN: u16 = 1 << 9;
    pub const NEGATION: u16 = 1 << 10;
    pub const BY_HALF: u16 = 1 << 11;
}

fn parse_f64(kind: K, line: &Entry, s: &str) -> Result<f64, Error> {
    s.parse().map_err(|_| line.bad(kind, "not a number"))
}

/// The whitespace-separated fields of `line`, at least `n` of them.
fn fields(kind: K, line: &Entry, n: usize) -> Result<Vec<&str>, Error> {
    let f: Vec<&str> = line.as_str().split_whitespace().collect();
    if f.len() < n {
        return Err(line.bad(kind, &format!("expected {n} fields")));
    }
    Ok(f)
}

/// The two parts of `line` around its first space: `key rest`.
fn key_rest(kind: K, line: &Entry) -> Result<(&str, &str), Error> {
    line.as_str()
        .split_once(char::is_whitespace)
        .map(|(k, r)| (k, r.trim()))
        .ok_or_else(|| line.bad(kind, "expected two fields"))
}

impl QLex {
    /// The built-in section, parsed once per process.
    pub fn get() -> &'static QLex {
        &Lexicon::shipped().quantity
    }

    /// Every list, a section at a time; a bad line is an
    /// [`Error::Config`] naming its list and line, never a panic.
    pub(crate) fn parse(lists: &Lists) -> Result<QLex, Error> {
        let mut lx = QLex {
            numbers: HashMap::default(),
            scales: HashMap::default(),
            vague: Phrases::default(),
            qualifiers: Phrases::default(),
            units: Phrases::default(),
            symbols: Vec::new(),
            currency_words: HashMap::default(),
            months: HashMap::default(),
            days: HashSet::default(),
            named_days: HashSet::default(),
            times: HashSet::default(),
            year_openers: HashSet::default(),
            year_follow: HashSet::default(),
            year_nouns: HashSet::default(),
            counted_skip: HashSet::default(),
            counted_stop: HashSet::default(),
            change_stems: HashSet::default(),
            running: Phrases::default(),
            one_before: HashSet::default(),
            one_after: HashSet::default(),
            starters: HashSet::default(),
            starter_max: 0,
            measures: Vec::new(),
            measure_by_name: HashMap::default(),
            rate_per: HashMap::default(),
            rate_alone: HashMap::default(),
            rate_not: HashSet::default(),
            rate_openers: HashSet::default(),
            articles: HashSet::default(),
            levels: HashMap::default(),
            gate: Gate::default(),
        };
        lx.numbers_and_scales(lists)?;
        lx.qualifiers_and_units(lists)?;
        lx.measurement_units(lists)?;
        lx.rates(lists)?;
        lx.currencies(lists)?;
        lx.calendar(lists)?;
        lx.words(lists)?;
        lx.levels(lists)?;
        lx.articles(lists);
        lx.starters();
        lx.gate = Gate::new(&lx);
        Ok(lx)
    }

    /// `number_words.txt` (`word value kind`), `scale_words.txt` (`word
    /// factor use`) and `vague_magnitudes.txt` (`phrase [<scale>] lo hi`).
    fn numbers_and_scales(&mut self, lists: &Lists) -> Result<(), Error> {
        for line in lists.get(K::NumberWord) {
            let f = fields(K::NumberWord, line, 3)?;
            let kind = match f[2] {
                "unit" => WordKind::Unit,
                "teen" => WordKind::Teen,
                "ten" => WordKind::Ten,
                "frac" => WordKind::Frac,
                _ => return Err(line.bad(K::NumberWord, "unknown kind")),
            };
            let value = parse_f64(K::NumberWord, line, f[1])?;
            self.numbers.insert(fold(f[0]), (value, kind));
        }
        for line in lists.get(K::ScaleWord) {
            let f = fields(K::ScaleWord, line, 3)?;
            if !matches!(f[2], "word" | "suffix" | "both") {
                return Err(line.bad(K::ScaleWord, "unknown use"));
            }
            let usage = ScaleUse {
                word: f[2] != "suffix",
                suffix: f[2] != "word",
            };
            let factor = parse_f64(K::ScaleWord, line, f[1])?;
            self.scales.insert(fold(f[0]), (factor, usage));
        }
        for line in lists.get(K::VagueMagnitude) {
            let f = fields(K::VagueMagnitude, line, 3)?;
            let n = f.len();
            let lo = parse_f64(K::VagueMagnitude, line, f[n - 2])?;
            let hi = parse_f64(K::VagueMagnitude, line, f[n - 1])?;
            let scaled = f[n - 3] == "<scale>";
            let words = if scaled { &f[..n - 3] } else { &f[..n - 2] };
            if words.is_empty() {
                return Err(line.bad(K::VagueMagnitude, "no phrase"));
            }
            self.vague.insert(&words.join(" "), (lo, hi, scaled));
        }
        Ok(())
    }

    /// `quantity_qualifiers.txt` (`phrase rule`) and `quantity_units.txt`
    /// (`unit phrase`, for %, pp and bp).
    fn qualifiers_and_units(&mut self, lists: &Lists) -> Result<(), Error> {
        for line in lists.get(K::QuantityQualifier) {
            let Some((phrase, rule)) = line.as_str().rsplit_once(char::is_whitespace) else {
                return Err(line.bad(K::QuantityQualifier, "expected a phrase and its rule"));
            };
            let op = match rule {
                ">=" => Op::Ge,
                ">" => Op::Gt,
                "<=" => Op::Le,
                "<" => Op::Lt,
                "~" => Op::Approx,
                "~-" => Op::Below,
                "~+" => Op::Above,
                "=" => Op::Exact,
                "range" => Op::Range,
                "from" => Op::From,
                "to" => Op::To,
                "by" => Op::By,
                _ => return Err(line.bad(K::QuantityQualifier, "unknown rule")),
            };
            self.qualifiers.insert(phrase, op);
        }
        for line in lists.get(K::QuantityUnit) {
            let (unit, phrase) = key_rest(K::QuantityUnit, line)?;
            let (u, after_pct) = match unit {
                "%" => (UnitWord::Percent, false),
                "pp" => (UnitWord::Pp, false),
                "bp" => (UnitWord::Bp, false),
                "pp%" => (UnitWord::Pp, true),
                _ => return Err(line.bad(K::QuantityUnit, "unknown unit")),
            };
            self.units.insert(phrase, (u, after_pct));
        }
        Ok(())
    }

    /// `measurement_units.txt`: `name dimension factor = form, form…`; each
    /// form is a unit phrase of that measure.
    fn measurement_units(&mut self, lists: &Lists) -> Result<(), Error> {
        for line in lists.get(K::MeasurementUnit) {
            let Some((head, forms)) = line.as_str().split_once('=') else {
                return Err(line.bad(
                    K::MeasurementUnit,
                    "expected `unit dimension factor = forms`",
                ));
            };
            let f: Vec<&str> = head.split_whitespace().collect();
            let n = f.len();
            if n < 3 {
                return Err(line.bad(
                    K::MeasurementUnit,
                    "expected `unit dimension factor` before `=`",
                ));
            }
            let idx = self.measures.len() as u16;
            let name = f[..n - 2].join(" ");
            self.measure_by_name.insert(name.clone(), idx);
            self.measures.push(MeasureUnit {
                name,
                dimension: f[n - 2].to_owned(),
                factor: parse_f64(K::MeasurementUnit, line, f[n - 1])?,
            });
            for form in forms.split(',') {
                // "µg/dl": the slash is a word of its own, matched on the gap.
                let form = form.trim().replace('/', " / ");
                self.units.insert(&form, (UnitWord::Measure(idx), false));
            }
        }
        Ok(())
    }

    /// `rate_units.txt`: `per word unit`, `alone word unit`, `not word`.
    fn rates(&mut self, lists: &Lists) -> Result<(), Error> {
        for line in lists.get(K::RateUnit) {
            let f: Vec<&str> = line.as_str().split_whitespace().collect();
            match f.as_slice() {
                ["per", w, u] => {
                    self.rate_per.insert(fold(w), (*u).to_owned());
                }
                ["alone", w, u] => {
                    self.rate_alone.insert(fold(w), (*u).to_owned());
                }
                ["not", w] => {
                    self.rate_not.insert(fold(w));
                }
                ["opener", w] => {
                    self.rate_openers.insert(fold(w));
                }
                _ => {
                    return Err(line.bad(K::RateUnit, "expected per/alone/not/opener and its words"))
                }
            }
        }
        Ok(())
    }

    /// `currencies.txt` (`form CODE`): symbols longest first, word forms.
    fn currencies(&mut self, lists: &Lists) -> Result<(), Error> {
        for line in lists.get(K::Currency) {
            let (form, code) = key_rest(K::Currency, line)?;
            let code = code.to_owned();
            if form.chars().any(char::is_alphabetic) && !form.contains('$') {
                self.currency_words.insert(fold(form), code);
            } else {
                self.symbols.push((form.to_owned(), code));
            }
        }
        self.symbols
            .sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        Ok(())
    }

    /// `calendar_words.txt` (`word kind`): months, days, clock words and
    /// the words around a year.
    fn calendar(&mut self, lists: &Lists) -> Result<(), Error> {
        for line in lists.get(K::CalendarWord) {
            let (word, kind) = key_rest(K::CalendarWord, line)?;
            let word = fold(word);
            let set = match kind {
                "month" | "month!" => {
                    self.months.insert(word, kind == "month!");
                    continue;
                }
                "day" => &mut self.days,
                "named" => &mut self.named_days,
                "year_opener" => &mut self.year_openers,
                "year_follow" => &mut self.year_follow,
                "year_noun" => &mut self.year_nouns,
                "time" => {
                    self.times.insert(word.replace('.', ""));
                    continue;
                }
                _ => return Err(line.bad(K::CalendarWord, "unknown kind")),
            };
            set.insert(word);
        }
        Ok(())
    }

    /// The lists of words with a role: counted-noun roles, change verbs
    /// (stems), running-count markers and the words around "one".
    fn words(&mut self, lists: &Lists) -> Result<(), Error> {
        for line in lists.get(K::CountedWord) {
            let (word, role) = key_rest(K::CountedWord, line)?;
            let set = match role {
                "skip" => &mut self.counted_skip,
                "stop" => &mut self.counted_stop,
                _ => return Err(line.bad(K::CountedWord, "unknown role")),
            };
            set.insert(fold(word));
        }
        for line in lists.get(K::ChangeVerb) {
            self.change_stems
                .insert(crate::text::stem(&fold(line.as_str())));
        }
        for line in lists.get(K::RunningCount) {
            self.running.insert(line.as_str(), ());
        }
        for line in lists.get(K::PronounOne) {
            let (side, word) = key_rest(K::PronounOne, line)?;
            let set = match side {
                "before" => &mut self.one_before,
                "after" => &mut self.one_after,
                _ => return Err(line.bad(K::PronounOne, "expected before or after")),
            };
            set.insert(fold(word));
        }
        Ok(())
    }

    /// `level_words.txt` (`KIND word`): the kind bits of each word
    /// ([`level`]).
    fn levels(&mut self, lists: &Lists) -> Result<(), Error> {
        for line in lists.get(K::LevelWord) {
            let Some((kind, word)) = line.as_str().split_once(' ') else {
                return Err(line.bad(K::LevelWord, "expected `kind word`"));
            };
            let bit = match kind {
                "level" => level::LEVEL,
                "under" => level::UNDER,
                "over" => level::OVER,
                "stay" => level::STAY,
                "steady" => level::STEADY,
                "soft" => level::SOFT,
                "move" => level::MOVE,
                "times" => level::TIMES,
                "anaphor" => level::ANAPHOR,
                "between" => level::BETWEEN,
                "negation" => level::NEGATION,
                "by_half" => level::BY_HALF,
                _ => return Err(line.bad(K::LevelWord, "unknown kind")),
            };
            *self.levels.entry(word.trim().to_owned()).or_default() |= bit;
        }
        Ok(())
    }

    /// The words a figure may start with, for the scanner's first check.
    /// The `indefinite_article` line of `grammar_words.txt` (its other
    /// kinds are read, and checked, by [`super::GrammarWords`]).
    fn articles(&mut self, lists: &Lists) {
        for line in lists.get(K::GrammarWord) {
            let mut parts = line.as_str().split_whitespace();
            if parts.next() == Some("indefinite_article") {
                self.articles.extend(parts.map(fold));
            }
        }
    }

    fn starters(&mut self) {
        let mut starters: HashSet<String> = self.articles.clone();
        starters.extend(self.numbers.keys().cloned());
        starters.extend(self.qualifiers.by_first.keys().cloned());
        starters.extend(self.vague.by_first.keys().cloned());
        starters.extend(self.currency_words.keys().cloned());
        for (sym, _) in &self.symbols {
            let letters: String = sym.chars().filter(|c| c.is_alphabetic()).collect();
            if !letters.is_empty() {
                starters.insert(fold(&letters));
            }
        }
        self.starter_max = starters.iter().map(String::len).max().unwrap_or(0);
        self.starters = starters;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bad line is an error naming its list and the line, not a panic.
    #[test]
    fn a_bad_line_is_an_error_naming_its_list() {
        assert!(QLex::parse(&Lists::builtin()).is_ok());
        for (kind, text, what) in [
            (K::ScaleWord, "lakh 100000", "expected 3 fields"),
            (K::NumberWord, "eleven x teen", "not a number"),
            (K::QuantityUnit, "pp", "expected two fields"),
            (K::QuantityUnit, "px pixels", "unknown unit"),
            (K::MeasurementUnit, "barrel volume = bbl", "before `=`"),
            (K::CountedWord, "people maybe", "unknown role"),
            (K::LevelWord, "plateau flat", "unknown kind"),
        ] {
            let mut lists = Lists::builtin();
            lists.push(kind, text);
            let e = QLex::parse(&lists).unwrap_err().to_string();
            assert!(
                e.contains(&kind.name()) && e.contains("line 1") && e.contains(what),
                "{e}"
            );
        }
    }

    #[test]
    fn lists_load() {
        let lx = QLex::get();
        assert_eq!(lx.numbers["eleven"], (11.0, WordKind::Teen));
        assert_eq!(lx.scales["bn"].0, 1e9);
        assert!(lx.scales["k"].1.suffix && !lx.scales["k"].1.word);
        assert_eq!(lx.qualifiers.starting("no")[0].words.len(), 3);
        assert!(lx.symbols.iter().any(|(s, c)| s == "US$" && c == "USD"));
        assert_eq!(lx.currency_words["dollars"], "USD");
        assert_eq!(lx.months.get("may"), Some(&true));
        assert!(lx.times.contains("am"));
        assert!(lx.counted_stop.contains("were"));
        assert!(lx.change_stems.contains(&crate::text::stem("raised")));
        assert!(lx.vague.starting("several").iter().any(|p| p.val.2));
    }
}
