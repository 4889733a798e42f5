//! The word lists of figure parsing, loaded once from `src/lexicon/*.txt`.

use std::sync::OnceLock;

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

fn parse_f64(s: &str) -> f64 {
    s.parse()
        .unwrap_or_else(|_| panic!("bad number in a lexicon: {s}"))
}

impl QLex {
    pub fn get() -> &'static QLex {
        static LEX: OnceLock<QLex> = OnceLock::new();
        LEX.get_or_init(QLex::load)
    }

    fn load() -> QLex {
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
        for line in entries(NUMBER_WORDS) {
            let f: Vec<&str> = line.split_whitespace().collect();
            let kind = match f[2] {
                "unit" => WordKind::Unit,
                "teen" => WordKind::Teen,
                "ten" => WordKind::Ten,
                _ => WordKind::Frac,
            };
            lx.numbers.insert(fold(f[0]), (parse_f64(f[1]), kind));
        }
        for line in entries(SCALE_WORDS) {
            let f: Vec<&str> = line.split_whitespace().collect();
            let usage = ScaleUse {
                word: f[2] != "suffix",
                suffix: f[2] != "word",
            };
            lx.scales.insert(fold(f[0]), (parse_f64(f[1]), usage));
        }
        for line in entries(VAGUE) {
            let f: Vec<&str> = line.split_whitespace().collect();
            let n = f.len();
            let (lo, hi) = (parse_f64(f[n - 2]), parse_f64(f[n - 1]));
            let scaled = f[n - 3] == "<scale>";
            let words = if scaled { &f[..n - 3] } else { &f[..n - 2] };
            lx.vague.insert(&words.join(" "), (lo, hi, scaled));
        }
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
                other => panic!("unknown qualifier rule {other}"),
            };
            lx.qualifiers.insert(phrase, op);
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
                other => panic!("unknown unit {other}"),
            };
            lx.units.insert(phrase, (u, after_pct));
        }
        for line in entries(MEASUREMENT) {
            let Some((head, forms)) = line.split_once('=') else {
                continue;
            };
            let f: Vec<&str> = head.split_whitespace().collect();
            let n = f.len();
            if n < 3 {
                continue;
            }
            let idx = lx.measures.len() as u16;
            let name = f[..n - 2].join(" ");
            lx.measure_by_name.insert(name.clone(), idx);
            lx.measures.push(MeasureUnit {
                name,
                dimension: f[n - 2].to_owned(),
                factor: parse_f64(f[n - 1]),
            });
            for form in forms.split(',') {
                // "µg/dl": the slash is a word of its own, matched on the gap.
                let form = form.trim().replace('/', " / ");
                lx.units.insert(&form, (UnitWord::Measure(idx), false));
            }
        }
        for line in entries(RATES) {
            let f: Vec<&str> = line.split_whitespace().collect();
            match f.as_slice() {
                ["per", w, u] => {
                    lx.rate_per.insert(fold(w), (*u).to_owned());
                }
                ["alone", w, u] => {
                    lx.rate_alone.insert(fold(w), (*u).to_owned());
                }
                ["not", w] => {
                    lx.rate_not.insert(fold(w));
                }
                _ => panic!("bad rate line {line}"),
            }
        }
        for line in entries(CURRENCIES) {
            let Some((form, code)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            let code = code.trim().to_owned();
            if form.chars().any(char::is_alphabetic) && !form.contains('$') {
                lx.currency_words.insert(fold(form), code);
            } else {
                lx.symbols.push((form.to_owned(), code));
            }
        }
        lx.symbols.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        for line in entries(CALENDAR) {
            let Some((word, kind)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            let word = fold(word);
            match kind.trim() {
                "month" => {
                    lx.months.insert(word, false);
                }
                "month!" => {
                    lx.months.insert(word, true);
                }
                "day" => {
                    lx.days.insert(word);
                }
                "named" => {
                    lx.named_days.insert(word);
                }
                "year_opener" => {
                    lx.year_openers.insert(word);
                }
                "year_follow" => {
                    lx.year_follow.insert(word);
                }
                "year_noun" => {
                    lx.year_nouns.insert(word);
                }
                _ => {
                    lx.times.insert(word.replace('.', ""));
                }
            }
        }
        for line in entries(COUNTED) {
            let Some((word, role)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            if role.trim() == "skip" {
                lx.counted_skip.insert(fold(word));
            } else {
                lx.counted_stop.insert(fold(word));
            }
        }
        for line in entries(CHANGE) {
            lx.change_stems.insert(crate::text::stem(&fold(line)));
        }
        for line in entries(RUNNING) {
            lx.running.insert(line, ());
        }
        for line in entries(PRONOUN_ONE) {
            let Some((side, word)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            let set = if side == "before" {
                &mut lx.one_before
            } else {
                &mut lx.one_after
            };
            set.insert(fold(word.trim()));
        }
        let mut starters: HashSet<String> = ["a", "an"].iter().map(|s| s.to_string()).collect();
        starters.extend(lx.numbers.keys().cloned());
        starters.extend(lx.qualifiers.by_first.keys().cloned());
        starters.extend(lx.vague.by_first.keys().cloned());
        starters.extend(lx.currency_words.keys().cloned());
        for (sym, _) in &lx.symbols {
            let letters: String = sym.chars().filter(|c| c.is_alphabetic()).collect();
            if !letters.is_empty() {
                starters.insert(fold(&letters));
            }
        }
        lx.starter_max = starters.iter().map(String::len).max().unwrap_or(0);
        lx.starters = starters;
        lx
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
