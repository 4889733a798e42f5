//! The word lists of figure parsing, loaded once from `src/lexicon/*.txt`.

use std::sync::OnceLock;

use crate::error::Error;
use crate::lexicon::entries;
use crate::text::fold;

const NUMBER_WORDS: &str = include_str!("../lexicon/number_words.txt");
const SCALE_WORDS: &str = include_str!("../lexicon/scale_words.txt");
const VAGUE: &str = include_str!("../lexicon/vague_magnitudes.txt");
const QUALIFIERS: &str = include_str!("../lexicon/quantity_qualifiers.txt");
const UNITS: &str = include_str!("../lexicon/quantity_units.txt");
const CURRENCIES: &str = include_str!("../lexicon/currencies.txt");
const CALENDAR: &str = include_str!("../lexicon/calendar_words.txt");
const COUNTED: &str = include_str!("../lexicon/counted_words.txt");
const CHANGE: &str = include_str!("../lexicon/change_verbs.txt");
const RUNNING: &str = include_str!("../lexicon/running_count_markers.txt");
const PRONOUN_ONE: &str = include_str!("../lexicon/pronoun_one.txt");
const MEASUREMENT: &str = include_str!("../lexicon/measurement_units.txt");
const RATES: &str = include_str!("../lexicon/rate_units.txt");

pub(super) type HashMap<K, V> = crate::text::FxHashMap<K, V>;
pub(super) type HashSet<K> = crate::text::FxHashSet<K>;

/// The kind of a cardinal number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordKind {
    Unit,
    Teen,
    Ten,
    Frac,
}

/// Where a scale word may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ScaleUse {
    pub word: bool,
    pub suffix: bool,
}

/// The interval rule of a qualifier phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
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
pub(super) enum UnitWord {
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
pub(super) struct Phrase<T> {
    pub words: Vec<String>,
    pub val: T,
}

/// Phrases indexed by their first word, longest first.
#[derive(Debug, Clone)]
pub(super) struct Phrases<T> {
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
#[derive(Debug)]
pub(super) struct QLex {
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
}

/// A bad line of a quantity word list: which file, and what is wrong.
fn bad(file: &str, line: &str, what: &str) -> Error {
    Error::Config {
        what: format!("src/lexicon/{file}"),
        message: format!("{what}: {line:?}"),
    }
}

fn parse_f64(file: &str, line: &str, s: &str) -> Result<f64, Error> {
    s.parse().map_err(|_| bad(file, line, "not a number"))
}

/// The whitespace-separated fields of `line`, at least `n` of them.
fn fields<'l>(file: &str, line: &'l str, n: usize) -> Result<Vec<&'l str>, Error> {
    let f: Vec<&str> = line.split_whitespace().collect();
    if f.len() < n {
        return Err(bad(file, line, &format!("expected {n} fields")));
    }
    Ok(f)
}

impl QLex {
    /// The quantity word lists, parsed once. The shipped lists are valid:
    /// the test `lists_load` parses them, so the `expect` never fires.
    pub fn get() -> &'static QLex {
        static LEX: OnceLock<QLex> = OnceLock::new();
        LEX.get_or_init(|| QLex::parse().expect("the shipped quantity lexicon parses (tested)"))
    }

    /// Every list, a section at a time; a bad line is an
    /// [`Error::Config`] naming its file, never a panic.
    fn parse() -> Result<QLex, Error> {
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
        };
        lx.numbers_and_scales()?;
        lx.qualifiers_and_units()?;
        lx.measurement_units()?;
        lx.rates()?;
        lx.words();
        lx.starters();
        Ok(lx)
    }

    /// `number_words.txt` (`word value kind`), `scale_words.txt` (`word
    /// factor use`) and `vague_magnitudes.txt` (`phrase [<scale>] lo hi`).
    fn numbers_and_scales(&mut self) -> Result<(), Error> {
        for line in entries(NUMBER_WORDS) {
            let f = fields("number_words.txt", line, 3)?;
            let kind = match f[2] {
                "unit" => WordKind::Unit,
                "teen" => WordKind::Teen,
                "ten" => WordKind::Ten,
                _ => WordKind::Frac,
            };
            let value = parse_f64("number_words.txt", line, f[1])?;
            self.numbers.insert(fold(f[0]), (value, kind));
        }
        for line in entries(SCALE_WORDS) {
            let f = fields("scale_words.txt", line, 3)?;
            let usage = ScaleUse {
                word: f[2] != "suffix",
                suffix: f[2] != "word",
            };
            let factor = parse_f64("scale_words.txt", line, f[1])?;
            self.scales.insert(fold(f[0]), (factor, usage));
        }
        for line in entries(VAGUE) {
            let f = fields("vague_magnitudes.txt", line, 3)?;
            let n = f.len();
            let lo = parse_f64("vague_magnitudes.txt", line, f[n - 2])?;
            let hi = parse_f64("vague_magnitudes.txt", line, f[n - 1])?;
            let scaled = f[n - 3] == "<scale>";
            let words = if scaled { &f[..n - 3] } else { &f[..n - 2] };
            self.vague.insert(&words.join(" "), (lo, hi, scaled));
        }
        Ok(())
    }

    /// `quantity_qualifiers.txt` (`phrase rule`) and `quantity_units.txt`
    /// (`unit phrase`, for %, pp and bp).
    fn qualifiers_and_units(&mut self) -> Result<(), Error> {
        for line in entries(QUALIFIERS) {
            let Some((phrase, rule)) = line.rsplit_once(char::is_whitespace) else {
                continue;
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
                _ => return Err(bad("quantity_qualifiers.txt", line, "unknown rule")),
            };
            self.qualifiers.insert(phrase, op);
        }
        for line in entries(UNITS) {
            let Some((unit, phrase)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            let (u, after_pct) = match unit {
                "%" => (UnitWord::Percent, false),
                "pp" => (UnitWord::Pp, false),
                "bp" => (UnitWord::Bp, false),
                "pp%" => (UnitWord::Pp, true),
                _ => return Err(bad("quantity_units.txt", line, "unknown unit")),
            };
            self.units.insert(phrase, (u, after_pct));
        }
        Ok(())
    }

    /// `measurement_units.txt`: `name dimension factor = form, form…`; each
    /// form is a unit phrase of that measure.
    fn measurement_units(&mut self) -> Result<(), Error> {
        for line in entries(MEASUREMENT) {
            let Some((head, forms)) = line.split_once('=') else {
                continue;
            };
            let f: Vec<&str> = head.split_whitespace().collect();
            let n = f.len();
            if n < 3 {
                continue;
            }
            let idx = self.measures.len() as u16;
            let name = f[..n - 2].join(" ");
            self.measure_by_name.insert(name.clone(), idx);
            self.measures.push(MeasureUnit {
                name,
                dimension: f[n - 2].to_owned(),
                factor: parse_f64("measurement_units.txt", line, f[n - 1])?,
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
    fn rates(&mut self) -> Result<(), Error> {
        for line in entries(RATES) {
            let f: Vec<&str> = line.split_whitespace().collect();
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
                _ => {
                    return Err(bad(
                        "rate_units.txt",
                        line,
                        "expected per/alone/not and its words",
                    ))
                }
            }
        }
        Ok(())
    }

    /// The lists of words with a role: currencies (symbols longest
    /// first), calendar words, counted-noun roles, change verbs (stems),
    /// running-count markers and the words around "one".
    fn words(&mut self) {
        for line in entries(CURRENCIES) {
            let Some((form, code)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            let code = code.trim().to_owned();
            if form.chars().any(char::is_alphabetic) && !form.contains('$') {
                self.currency_words.insert(fold(form), code);
            } else {
                self.symbols.push((form.to_owned(), code));
            }
        }
        self.symbols
            .sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        for line in entries(CALENDAR) {
            let Some((word, kind)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            let word = fold(word);
            let set = match kind.trim() {
                "month" | "month!" => {
                    self.months.insert(word, kind.trim() == "month!");
                    continue;
                }
                "day" => &mut self.days,
                "named" => &mut self.named_days,
                "year_opener" => &mut self.year_openers,
                "year_follow" => &mut self.year_follow,
                "year_noun" => &mut self.year_nouns,
                _ => {
                    self.times.insert(word.replace('.', ""));
                    continue;
                }
            };
            set.insert(word);
        }
        for line in entries(COUNTED) {
            let Some((word, role)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            if role.trim() == "skip" {
                self.counted_skip.insert(fold(word));
            } else {
                self.counted_stop.insert(fold(word));
            }
        }
        for line in entries(CHANGE) {
            self.change_stems.insert(crate::text::stem(&fold(line)));
        }
        for line in entries(RUNNING) {
            self.running.insert(line, ());
        }
        for line in entries(PRONOUN_ONE) {
            let Some((side, word)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            let set = if side == "before" {
                &mut self.one_before
            } else {
                &mut self.one_after
            };
            set.insert(fold(word.trim()));
        }
    }

    /// The words a figure may start with, for the scanner's first check.
    fn starters(&mut self) {
        let mut starters: HashSet<String> = ["a", "an"].iter().map(|s| s.to_string()).collect();
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

    /// A bad line is an error naming its file and the line, not a panic.
    #[test]
    fn a_bad_line_is_an_error_naming_its_file() {
        assert!(QLex::parse().is_ok());
        let e = fields("scale_words.txt", "lakh 100000", 3).unwrap_err();
        assert!(e.to_string().contains("scale_words.txt") && e.to_string().contains("lakh"));
        let e = parse_f64("number_words.txt", "eleven x teen", "x").unwrap_err();
        assert!(e.to_string().contains("not a number"));
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
