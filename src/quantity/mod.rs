//! Figures as intervals: "at least 47 people", "about 60,000", "hundreds of
//! thousands", "between 10 and 20", "12%", "25 basis points", "$3bn".
//!
//! One linear pass over the text's tokens ([`scan`]), no regex and no
//! backtracking. Every word list (number words, scales, vague magnitudes,
//! qualifier phrases and their interval rule, units, currencies, calendar
//! words, counted-noun stop words, change verbs, running-count markers) is a
//! data file in `src/lexicon/`.
//!
//! # Interval rules
//! With `n` the written value and `t` = [`APPROX`] (10%):
//!
//! | qualifier | interval |
//! |---|---|
//! | bare, precise count ("47", "3,412") | `[n, n]` |
//! | bare, round ("60,000", "300", "6.3 million", "3bn", "a hundred") | `n ± max(2% · n, half a unit of the last digit)` |
//! | bare decimal ("1.5") | `[n − h, n + h)`, `h` half a unit of the last digit |
//! | bare percent, pp, bp ("12%") | `[n − h, n + h)`, at least `h` = 0.5 |
//! | at least, no fewer than | `[n, ∞)` |
//! | more than, over, above | `(n, ∞)` |
//! | up to, at most, as many as | `[0, n]` |
//! | fewer than, less than, under | `[0, n)` |
//! | about, around, some, an estimated | `[n·(1−t), n·(1+t)]` (never narrower than bare) |
//! | nearly, almost, close to, just under | `[n·(1−t), n]` |
//! | just over | `[n, n·(1+t)]` |
//! | exactly, precisely | `[n, n]` |
//! | range ("10-20", "between 10 and 20") | `[lo, hi]` of the two bare ends |
//! | vague ("hundreds of thousands") | its listed range, `[200000, 999999]` |
//! | running count ("so far", "to date", "already" in the clause) | `[lo, ∞)` |
//! | from / to / by after a change verb | bare |

mod gate;
use crate::lexicon::quantity as lex;
pub(crate) mod marks;
mod scan;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::text::Span;
use crate::text::Token;
use lex::{Op, QLex, UnitWord, WordKind};
pub(crate) use marks::Marks;
use scan::{is_dash, Toks};

/// Relative tolerance of "about", "nearly", "just over" (10%).
const APPROX: f64 = 0.10;
/// Relative tolerance of a bare round figure (2%).
const ROUND: f64 = 0.02;
/// How far (in tokens) a change verb or a running-count marker may stand
/// from the figure.
const WINDOW: usize = 12;
/// A bare whole share ("12%") stands for half a point either side: it was
/// rounded to a whole percent.
const SHARE_HALF_WIDTH: f64 = 0.5;
/// A range this many tokens after a confidence level ("90% CI 10-20")
/// is that level's interval, folded into the figure before it.
const CI_RANGE_REACH: usize = 3;
/// A whole number with this many trailing zeros ("300", "60,000") is
/// round, from [`ROUND_MIN`] up: "20" and "50" are as likely exact counts.
const ROUND_ZEROS: u32 = 2;
/// See [`ROUND_ZEROS`].
const ROUND_MIN: f64 = 100.0;
/// A plain four-digit number in this range may be a year ("in 1974");
/// outside it, it is a count. The one year range of the crate: the
/// measure stage reads a clause's years with it too.
pub(crate) const YEARS: std::ops::RangeInclusive<u32> = 1000..=2100;
/// True when `value` is a whole number in [`YEARS`].
fn is_year(value: f64) -> bool {
    value.fract() == 0.0 && YEARS.contains(&(value as u32))
}

/// The most characters a clock word after a number has ("o'clock",
/// "a.m."): the scan for one stops there.
const TIME_WORD_CHARS: usize = 12;
/// An all-caps word after a number names a model or a code ("418 QXR")
/// from this many letters; shorter ones are often units or currencies.
const MODEL_CODE_LETTERS: usize = 3;
/// A word longer than this is also looked up by its stem among the change
/// verbs ("raising" → "rais"); shorter ones only as written.
const CHANGE_STEM_MIN: usize = 3;
/// The most skip words ("of", "the") read after a figure before what it
/// counts.
const COUNTED_SKIP: usize = 3;
/// The most words of what a figure counts ("painted wooden fishing boats").
const COUNTED_WORDS: usize = 4;

/// What a figure is measured in.
///
/// # Examples
/// ```
/// use gainsay::{parse_figures, Unit};
/// let figs = parse_figures("Turnout was 61% and tickets cost €40.");
/// assert_eq!(figs[0].unit, Unit::Percent);
/// assert_eq!(figs[1].unit, Unit::Money("EUR".into()));
/// assert!(Unit::BasisPoint.comparable_with(&Unit::PercentagePoint));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Unit {
    /// A plain count of things.
    Count,
    /// A percentage (`12%`).
    Percent,
    /// Percentage points.
    PercentagePoint,
    /// Basis points (1/100 of a percentage point).
    BasisPoint,
    /// Money, with an ISO-like currency code ("USD", "EUR").
    Money(String),
    /// A unit of measurement, by name ("barrel", "part per billion"): it
    /// compares with the units of its dimension after conversion to the
    /// dimension's base (`src/lexicon/measurement_units.txt`).
    Measure(String),
}

impl Unit {
    /// True when figures in `self` and `other` can be compared: the same
    /// unit, or basis points against percentage points (both are compared in
    /// percentage points, see [`Figure::comparable_value`]).
    ///
    /// # Examples
    /// ```
    /// use gainsay::Unit;
    /// assert!(Unit::PercentagePoint.comparable_with(&Unit::BasisPoint));
    /// assert!(!Unit::Percent.comparable_with(&Unit::Count));
    /// assert!(!Unit::Money("USD".into()).comparable_with(&Unit::Money("EUR".into())));
    /// ```
    pub fn comparable_with(&self, other: &Unit) -> bool {
        self.dimension() == other.dimension()
    }

    /// What the unit measures: figures of one dimension compare. Read in
    /// the built-in lexicon: [`Unit`] is plain data, and the public
    /// comparisons that ask ([`Unit::comparable_with`]) have no other.
    fn dimension(&self) -> (u8, &str) {
        self.dimension_in(QLex::get())
    }

    /// [`Unit::dimension`] in the quantity section `lx` of a lexicon: a
    /// unit a user adds is known there.
    fn dimension_in<'s>(&'s self, lx: &'s QLex) -> (u8, &'s str) {
        match self {
            Unit::Count => (0, ""),
            Unit::Percent => (1, ""),
            Unit::PercentagePoint | Unit::BasisPoint => (2, ""),
            Unit::Money(code) => (3, code),
            Unit::Measure(name) => {
                let dim = lx
                    .measure_by_name
                    .get(name.as_str())
                    .map_or(name.as_str(), |&i| {
                        lx.measures[i as usize].dimension.as_str()
                    });
                (4, dim)
            }
        }
    }

    /// The factor that turns a value in this unit into its dimension's base
    /// (basis points into percentage points, barrels into litres), read in
    /// the built-in lexicon as [`Unit::dimension`] is.
    fn factor(&self) -> f64 {
        match self {
            Unit::BasisPoint => 0.01,
            Unit::Measure(name) => {
                let lx = QLex::get();
                lx.measure_by_name
                    .get(name.as_str())
                    .map_or(1.0, |&i| lx.measures[i as usize].factor)
            }
            _ => 1.0,
        }
    }

    /// The factor that turns a value in this unit into `other`, a unit of
    /// the same dimension ("barrel" into "gallon": 42).
    ///
    /// # Examples
    /// ```
    /// use gainsay::Unit;
    /// let k = Unit::Measure("barrel".into()).factor_to(&Unit::Measure("gallon".into()));
    /// assert!((k - 42.0).abs() < 1e-9);
    /// ```
    pub fn factor_to(&self, other: &Unit) -> f64 {
        self.factor() / other.factor()
    }
}

/// A closed or half-open interval of values; `hi` may be infinite.
///
/// # Examples
/// ```
/// use gainsay::Interval;
/// let at_least_47 = Interval { lo: 47.0, hi: f64::INFINITY, lo_open: false, hi_open: false };
/// let more_than_45 = Interval { lo: 45.0, hi: f64::INFINITY, lo_open: true, hi_open: false };
/// assert!(!at_least_47.disjoint(&more_than_45));
/// assert!(Interval::exact(19.0).contains(19.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower bound.
    pub lo: f64,
    /// Upper bound (`f64::INFINITY` when unbounded; `null` in JSON).
    #[serde(with = "inf_as_null")]
    pub hi: f64,
    /// True when `lo` itself is excluded ("more than").
    pub lo_open: bool,
    /// True when `hi` itself is excluded ("fewer than").
    pub hi_open: bool,
}

impl Interval {
    /// True when no value lies in both intervals.
    ///
    /// # Examples
    /// ```
    /// use gainsay::Figure;
    /// let vague = Figure::parse("hundreds of thousands").unwrap();
    /// let about = Figure::parse("about 60,000").unwrap();
    /// assert!(vague.interval.disjoint(&about.interval));
    /// assert!(!vague.interval.disjoint(&vague.interval));
    /// ```
    pub fn disjoint(&self, other: &Interval) -> bool {
        let below =
            |a: &Interval, b: &Interval| a.hi < b.lo || (a.hi == b.lo && (a.hi_open || b.lo_open));
        below(self, other) || below(other, self)
    }

    /// The one-point interval `[v, v]`.
    ///
    /// # Examples
    /// ```
    /// use gainsay::Interval;
    /// let i = Interval::exact(16.0);
    /// assert!(i.disjoint(&Interval::exact(17.0)));
    /// ```
    pub fn exact(v: f64) -> Interval {
        Interval::new(v, v, false, false)
    }

    /// True when `v` lies in the interval.
    ///
    /// # Examples
    /// ```
    /// use gainsay::Figure;
    /// let f = Figure::parse("more than 45").unwrap();
    /// assert!(f.interval.contains(46.0));
    /// assert!(!f.interval.contains(45.0));
    /// ```
    pub fn contains(&self, v: f64) -> bool {
        (v > self.lo || (v == self.lo && !self.lo_open))
            && (v < self.hi || (v == self.hi && !self.hi_open))
    }

    /// An interval that is never empty: a degenerate one is made closed.
    fn new(lo: f64, hi: f64, lo_open: bool, hi_open: bool) -> Interval {
        let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
        if lo == hi {
            Interval {
                lo,
                hi,
                lo_open: false,
                hi_open: false,
            }
        } else {
            Interval {
                lo,
                hi,
                lo_open,
                hi_open,
            }
        }
    }

    fn scaled(&self, k: f64) -> Interval {
        Interval {
            lo: self.lo * k,
            hi: self.hi * k,
            ..*self
        }
    }

    fn hull(&self, o: &Interval) -> Interval {
        let (lo, lo_open) = if self.lo < o.lo || (self.lo == o.lo && !self.lo_open) {
            (self.lo, self.lo_open)
        } else {
            (o.lo, o.lo_open)
        };
        let (hi, hi_open) = if self.hi > o.hi || (self.hi == o.hi && !self.hi_open) {
            (self.hi, self.hi_open)
        } else {
            (o.hi, o.hi_open)
        };
        Interval::new(lo, hi, lo_open, hi_open)
    }
}

/// JSON has no infinity: an unbounded `hi` is written `null` and read back.
mod inf_as_null {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if v.is_finite() {
            s.serialize_f64(*v)
        } else {
            s.serialize_none()
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::INFINITY))
    }
}

/// How the figure was qualified in the text.
///
/// # Examples
/// ```
/// use gainsay::{Figure, Qualifier};
/// assert_eq!(Figure::parse("at least 47").unwrap().qualifier, Qualifier::AtLeast);
/// assert_eq!(Figure::parse("nearly 300").unwrap().qualifier, Qualifier::Nearly);
/// assert_eq!(Figure::parse("dozens").unwrap().qualifier, Qualifier::Vague);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// A bare figure.
    Bare,
    /// "about", "around", "roughly", "some", "an estimated".
    Approximately,
    /// "at least", "no fewer than".
    AtLeast,
    /// "more than", "over", "above", "upwards of".
    MoreThan,
    /// "up to", "at most", "no more than", "as many as".
    AtMost,
    /// "fewer than", "less than", "under", "below".
    LessThan,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
    /// "just over", "just above".
    JustOver,
    /// "exactly", "precisely".
    Exactly,
    /// A range: "10-20", "between 10 and 20", "from 4 to 9".
    Range,
    /// A vague magnitude: "dozens", "hundreds of thousands".
    Vague,
    /// A running count ("so far", "to date", "already"): a lower bound.
    RunningTotal,
    /// The start value of a change ("raised from 52").
    From,
    /// The end value of a change ("raised ... to 90").
    To,
    /// The size of a change ("cut by 15 basis points").
    By,
}

/// One figure found in a text.
///
/// # Examples
/// ```
/// use gainsay::{parse_figures, Qualifier, Unit};
/// let text = "Officials said at least 47 people were hurt.";
/// let f = &parse_figures(text)[0];
/// assert_eq!(f.span.slice(text), Some("at least 47"));
/// assert_eq!(f.counted.unwrap().slice(text), Some("people"));
/// assert_eq!((f.value, f.interval.lo, f.interval.hi), (47.0, 47.0, f64::INFINITY));
/// assert_eq!((f.unit.clone(), f.qualifier), (Unit::Count, Qualifier::AtLeast));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Where the figure (with its qualifier and unit) stands in the text.
    pub span: Span,
    /// The central value as written, in the figure's unit (a percentage as
    /// 12.0, basis points as basis points); the midpoint for a range or a
    /// vague magnitude.
    pub value: f64,
    /// The values the figure allows, in the figure's unit.
    pub interval: Interval,
    /// The unit.
    pub unit: Unit,
    /// The qualifier.
    pub qualifier: Qualifier,
    /// What is counted ("people", "painted boats"), when found.
    pub counted: Option<Span>,
    /// For a rate, what it is per: "day" ("900 barrels a day"), "year",
    /// "person", "100000" ("12 deaths per 100,000").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
}

impl Figure {
    /// Parses a single figure phrase ("about 60,000", "hundreds of
    /// thousands", "1/4 percentage point"): the first figure found in `s`.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Figure, Qualifier};
    /// let f = Figure::parse("about 60,000").unwrap();
    /// assert_eq!(f.qualifier, Qualifier::Approximately);
    /// assert_eq!((f.interval.lo, f.interval.hi), (54_000.0, 66_000.0));
    /// assert!(Figure::parse("no figure here").is_none());
    /// ```
    pub fn parse(s: &str) -> Option<Figure> {
        parse_figures(s).into_iter().next()
    }

    /// The value in the unit comparisons are made in: basis points are turned
    /// into percentage points (× 0.01), every other unit is kept.
    ///
    /// # Examples
    /// ```
    /// use gainsay::Figure;
    /// assert_eq!(Figure::parse("25 basis points").unwrap().comparable_value(), 0.25);
    /// assert_eq!(Figure::parse("1/4 percentage point").unwrap().comparable_value(), 0.25);
    /// ```
    pub fn comparable_value(&self) -> f64 {
        self.value * self.unit.factor()
    }

    /// The interval in the unit comparisons are made in (see
    /// [`Figure::comparable_value`]).
    ///
    /// # Examples
    /// ```
    /// use gainsay::Figure;
    /// let bp = Figure::parse("50 bp").unwrap().comparable_interval();
    /// assert!(bp.contains(0.5));
    /// ```
    pub fn comparable_interval(&self) -> Interval {
        self.interval.scaled(self.unit.factor())
    }

    /// This figure's interval in the unit of `other` (a figure of the same
    /// dimension): "2.1 million gallons" as barrels beside a figure in
    /// barrels. The interval is kept when the units do not compare.
    ///
    /// # Examples
    /// ```
    /// use gainsay::Figure;
    /// let gal = Figure::parse("42,000 gallons").unwrap();
    /// let bbl = Figure::parse("1,000 barrels").unwrap();
    /// assert!((gal.comparable_interval_in(&bbl).lo - 980.0).abs() < 1e-6);
    /// ```
    pub fn comparable_interval_in(&self, other: &Figure) -> Interval {
        if self.unit.comparable_with(&other.unit) {
            self.interval.scaled(self.unit.factor_to(&other.unit))
        } else {
            self.interval
        }
    }

    /// Whether the two figures allow no common value: `None` when their
    /// units cannot be compared.
    ///
    /// # Examples
    /// ```
    /// use gainsay::Figure;
    /// let pp = Figure::parse("1/4 percentage point").unwrap();
    /// let bp = Figure::parse("25 basis points").unwrap();
    /// assert_eq!(pp.disjoint_from(&bp), Some(false));
    /// let big = Figure::parse("hundreds of thousands").unwrap();
    /// assert_eq!(big.disjoint_from(&Figure::parse("about 60,000").unwrap()), Some(true));
    /// assert_eq!(big.disjoint_from(&pp), None);
    /// ```
    pub fn disjoint_from(&self, other: &Figure) -> Option<bool> {
        self.comparable_with(other).then(|| {
            self.comparable_interval()
                .disjoint(&other.comparable_interval())
        })
    }
}

impl Figure {
    /// What a figure in a unit of measurement measures, as one key: its
    /// dimension and, for a rate, its per-unit ("volume/day"); `None` for
    /// counts, shares and money. `lx`: the quantity section of the
    /// detector's lexicon, which knows the units a user adds.
    pub(crate) fn measure_key(&self, lx: &QLex) -> Option<String> {
        let Unit::Measure(_) = &self.unit else {
            return None;
        };
        let dim = self.unit.dimension_in(lx).1;
        Some(match &self.per {
            Some(p) => format!("{dim}/{p}"),
            None => dim.to_owned(),
        })
    }

    /// True when the figure is a rate in a unit of measurement ("5,000
    /// barrels a day"): the unit and the rate say what is measured.
    pub(crate) fn physical_rate(&self) -> bool {
        matches!(self.unit, Unit::Measure(_)) && self.per.is_some()
    }

    /// True when the figure is a duration or an age ("5 years", "under 3
    /// months"), not a rate: such figures are incidental to a claim.
    pub(crate) fn duration(&self) -> bool {
        matches!(self.unit, Unit::Measure(_))
            && self.per.is_none()
            && self.unit.dimension().1 == "time"
    }

    /// True when the two figures can be compared: units of one dimension
    /// (one currency for money) and, for rates, the same per-unit ("a day"
    /// against "per day", never against "a year" or a plain total).
    ///
    /// # Examples
    /// ```
    /// use gainsay::Figure;
    /// let a = Figure::parse("900 barrels a day").unwrap();
    /// let b = Figure::parse("200,000 gallons per day").unwrap();
    /// let c = Figure::parse("5,000 barrels").unwrap();
    /// assert!(a.comparable_with(&b) && !a.comparable_with(&c));
    /// ```
    pub fn comparable_with(&self, other: &Figure) -> bool {
        self.per == other.per && self.unit.comparable_with(&other.unit)
    }
}

/// A noun that makes the capitalized words before it the name of a day
/// ("Election Day"): those words name a date, not a thing. `lx`: the
/// quantity section of the lexicon in use.
pub(crate) fn names_a_day(lx: &QLex, norm: &str) -> bool {
    lx.named_days.contains(norm)
}

/// True for a month or weekday name, folded ("march", "friday"): from
/// `calendar_words.txt`, the one list of them, in the lexicon `lx`.
pub(crate) fn is_calendar_name(lx: &QLex, norm: &str) -> bool {
    lx.months.contains_key(norm) || lx.days.contains(norm)
}

/// Finds the figures of a text, in order, with byte spans into `text`.
///
/// Years, dates, clock times, ordinals, model and flight numbers, "one of"
/// and bare shares ("half of them") are not figures.
///
/// # Examples
/// ```
/// use gainsay::{parse_figures, Qualifier};
/// let text = "In 2023 the fair drew about 60,000 visitors, up from 52,000, \
///             and hundreds of thousands of fans watched online.";
/// let figs = parse_figures(text);
/// let spans: Vec<_> = figs.iter().map(|f| f.span.slice(text).unwrap()).collect();
/// assert_eq!(spans, ["about 60,000", "from 52,000", "hundreds of thousands"]);
/// assert_eq!(figs[1].qualifier, Qualifier::From); // "up" is a change verb
/// assert_eq!(figs[2].qualifier, Qualifier::Vague);
/// assert_eq!(figs[2].counted.unwrap().slice(text), Some("fans"));
/// ```
pub fn parse_figures(text: &str) -> Vec<Figure> {
    figures(QLex::get(), text)
}

/// [`parse_figures`] with the quantity section of a detector's lexicon, for
/// a text that nothing has cut into tokens yet.
pub(crate) fn figures(lx: &QLex, text: &str) -> Vec<Figure> {
    parse_figures_in(lx, text, &crate::text::words(text))
}

/// [`parse_figures`] of a text already cut into its tokens `words`
/// ([`crate::text::words`]), with the quantity section of a detector's
/// lexicon: the pipeline's way in, which does not cut the text again.
pub(crate) fn parse_figures_in(lx: &QLex, text: &str, words: &[Token<'_>]) -> Vec<Figure> {
    if !gate::may_hold_figure(lx, words) {
        return Vec::new();
    }
    parse_all(lx, text, words)
}

/// [`parse_figures_in`] without the gate.
fn parse_all(lx: &QLex, text: &str, words: &[Token<'_>]) -> Vec<Figure> {
    let p = Parser {
        t: scan::view(text, words),
        lx,
    };
    let mut out: Vec<Figure> = Vec::new();
    let mut ci_pending: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < p.t.len() {
        match p.try_at(i) {
            Step::Fig(f, first, next) => {
                if let Some((ci_tok, ci_start)) = ci_pending.take() {
                    if f.qualifier == Qualifier::Range && first <= ci_tok + CI_RANGE_REACH {
                        if let Some(prev) = out.last_mut() {
                            let prev_end = prev.counted.map_or(prev.span.end, |c| c.end);
                            let between = text.get(prev_end..ci_start).unwrap_or("x").trim();
                            if matches!(between, "(" | "[") {
                                prev.interval = prev.interval.hull(&f.interval);
                                i = next;
                                continue;
                            }
                        }
                    }
                }
                out.push(f);
                i = next;
            }
            Step::Ci(tok, start, next) => {
                ci_pending = Some((tok, start));
                i = next;
            }
            Step::Skip(next) => i = next.max(i + 1),
            Step::None => i += 1,
        }
    }
    out
}

/// What a parsed number looked like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumKind {
    Digits,
    Words,
    Vague,
    Fraction,
}

/// A number read from tokens `first..next`, ending at byte `end`.
#[derive(Debug, Clone, Copy)]
struct Num {
    first: usize,
    next: usize,
    end: usize,
    value: f64,
    /// The range of a vague magnitude (`value` otherwise).
    lo: f64,
    hi: f64,
    kind: NumKind,
    /// The factor of a scale word or suffix (1 without).
    scale: f64,
    /// Half a unit of the last written digit (0 for an integer).
    prec: f64,
    /// A round figure: trailing zeros, or a scale.
    round: bool,
    /// Digits only: no separator, decimal or scale.
    plain: bool,
}

enum Parsed {
    Num(Num),
    /// Not a figure; resume at this token.
    Reject(usize),
    No,
}

/// The unit found after (or before) a number.
#[derive(Debug, Clone, PartialEq)]
enum U {
    None,
    Word(UnitWord),
    Money(String),
}

enum Step {
    /// A figure, its first number token, the token to resume at.
    Fig(Figure, usize, usize),
    /// A confidence level ("95% CI"): the CI token, the level's start byte,
    /// the token to resume at.
    Ci(usize, usize, usize),
    Skip(usize),
    None,
}

struct Parser<'a> {
    t: Toks<'a>,
    lx: &'a QLex,
}

impl Parser<'_> {
    fn norm(&self, i: usize) -> &str {
        self.t.norm(i)
    }

    fn tok(&self, i: usize) -> &scan::Tok {
        &self.t.toks[i]
    }

    fn is_number_word(&self, i: usize) -> bool {
        self.lx
            .numbers
            .get(self.norm(i))
            .is_some_and(|(_, k)| *k != WordKind::Frac)
    }

    fn scale_word(&self, i: usize) -> Option<f64> {
        self.lx
            .scales
            .get(self.norm(i))
            .filter(|(_, u)| u.word)
            .map(|(v, _)| *v)
    }

    /// Length of a unit phrase at `i` (`after_pct`: the ones after a `%`).
    fn unit_phrase(&self, i: usize, after_pct: bool) -> Option<(UnitWord, usize)> {
        self.lx.units.starting(self.norm(i)).iter().find_map(|p| {
            if p.val.1 != after_pct {
                return None;
            }
            self.unit_words_at(i, &p.words).map(|l| (p.val.0, l))
        })
    }

    /// The number of tokens a unit phrase's `words` span from token `i`:
    /// words run across soft gaps, and a `/` word stands for a gap that is
    /// only a slash ("µg/dl").
    fn unit_words_at(&self, i: usize, words: &[String]) -> Option<usize> {
        let mut j = i;
        let mut slash = false;
        for w in words {
            if w == "/" {
                slash = true;
                continue;
            }
            if j >= self.t.len() || self.norm(j) != w {
                return None;
            }
            if j > i {
                let gap_ok = if slash {
                    self.t.gap_before(j) == "/"
                } else {
                    self.t.soft_gap(j)
                };
                if !gap_ok {
                    return None;
                }
            }
            slash = false;
            j += 1;
        }
        (j > i).then_some(j - i)
    }

    /// The per-unit of a rate at token `k`, the figure ending at byte
    /// `from`: "a day", "per day", "/day", "daily", "per 100,000"; the
    /// per-unit, the token after the phrase and its end byte. "A year
    /// earlier" is a time, not a rate.
    fn rate_at(&self, k: usize, from: usize) -> Option<(String, usize, usize)> {
        let len = self.t.len();
        if k >= len || from > self.tok(k).start {
            return None;
        }
        let lx = self.lx;
        let w = self.norm(k);
        // Most figures are followed by a word no rate starts with.
        if !lx.rate_openers.contains(w)
            && !lx.rate_alone.contains_key(w)
            && !lx.rate_per.contains_key(w)
        {
            return None;
        }
        let gap = &self.t.text[from..self.tok(k).start];
        if gap == "/" {
            return lx
                .rate_per
                .get(w)
                .map(|u| (u.clone(), k + 1, self.tok(k).end));
        }
        if !gap.chars().all(char::is_whitespace) || gap.is_empty() {
            return None;
        }
        if let Some(u) = lx.rate_alone.get(w) {
            return Some((u.clone(), k + 1, self.tok(k).end));
        }
        let p = k + 1;
        if !lx.rate_openers.contains(w) || !self.t.space_gap(p) {
            return None;
        }
        if let Some(u) = lx.rate_per.get(self.norm(p)) {
            if self.t.space_gap(p + 1) && lx.rate_not.contains(self.norm(p + 1)) {
                return None;
            }
            return Some((u.clone(), p + 1, self.tok(p).end));
        }
        if w == "per" && self.tok(p).digit {
            if let Parsed::Num(n) = self.number(p) {
                return Some((format!("{}", n.value), n.next, n.end));
            }
        }
        None
    }

    /// A margin after a figure worth `v`: "± 5", "plus or minus 5", "give or
    /// take 20 percent" (a share of `v`); the half-width, the token after it
    /// and its end byte.
    fn margin_after(&self, k: usize, from: usize, v: f64) -> Option<(f64, usize, usize)> {
        let len = self.t.len();
        if k >= len || from > self.tok(k).start {
            return None;
        }
        let gap = self.t.text[from..self.tok(k).start].trim();
        let gap = gap.strip_prefix(',').unwrap_or(gap).trim();
        let at = if gap == "\u{b1}" || gap == "+/-" {
            k
        } else if gap.is_empty() || gap == "(" {
            let words = ["plus", "or", "minus"];
            let give = ["give", "or", "take"];
            let n = |i: usize| self.norm(k + i);
            let phrase = |ws: &[&str; 3]| {
                (0..3).all(|i| n(i) == ws[i] && (i == 0 || self.t.soft_gap(k + i)))
            };
            if phrase(&words) || phrase(&give) {
                k + 3
            } else {
                return None;
            }
        } else {
            return None;
        };
        if at >= len || !self.tok(at).digit && !self.is_number_word(at) {
            return None;
        }
        let Parsed::Num(d) = self.number(at) else {
            return None;
        };
        let (u, n2, e2) = self.unit_after(&d);
        let half = match u {
            U::Word(UnitWord::Percent) => v * d.value / 100.0,
            U::None => d.value,
            _ => d.value,
        };
        (half.is_finite() && half >= 0.0).then_some((half, n2, e2))
    }

    fn try_at(&self, i: usize) -> Step {
        let tok = self.tok(i);
        if !tok.digit && !self.is_starter(i) {
            return Step::None;
        }
        let qual = self
            .lx
            .qualifiers
            .starting(self.norm(i))
            .iter()
            .find(|p| self.t.matches(i, &p.words));
        if let Some(ph) = qual {
            let p = i + ph.words.len();
            if p < self.t.len() && self.qual_gap_ok(p) {
                if let Some(step) = self.figure_at(i, Some(ph.val), p) {
                    return step;
                }
            }
        }
        self.figure_at(i, None, i).unwrap_or(Step::None)
    }

    /// True for a token that can open a figure (besides digits).
    fn is_starter(&self, i: usize) -> bool {
        let w = self.norm(i);
        w.len() <= self.lx.starter_max && self.lx.starters.contains(w)
    }

    /// The gap between a qualifier and its number: space, or a currency
    /// symbol.
    fn qual_gap_ok(&self, p: usize) -> bool {
        let g = self.t.gap_before(p).trim();
        g.is_empty() || self.lx.symbols.iter().any(|(s, _)| s == g)
    }

    /// True when token `i` is a currency code written before a number
    /// ("USD 5") or the letters of a prefixed symbol ("US$5").
    fn currency_token(&self, i: usize) -> bool {
        let tok = self.tok(i);
        if !tok.cap {
            return false;
        }
        if tok.upper && self.lx.currency_words.contains_key(self.norm(i)) {
            return true;
        }
        let gap = self.t.gap_before(i + 1);
        !gap.is_empty()
            && !gap.starts_with(char::is_whitespace)
            && self
                .prefixed_symbol(self.t.raw(i), gap.trim_end())
                .is_some()
    }

    /// The code of a symbol written as letters then a sign ("US" + "$").
    fn prefixed_symbol(&self, letters: &str, sign: &str) -> Option<&str> {
        self.lx
            .symbols
            .iter()
            .find(|(s, _)| {
                s.len() == letters.len() + sign.len() && s.starts_with(letters) && s.ends_with(sign)
            })
            .map(|(_, c)| c.as_str())
    }

    /// The currency written just before the number at token `first`, with
    /// its start byte.
    fn currency_before(&self, first: usize) -> Option<(String, usize)> {
        let gap = self.t.gap_before(first);
        let gap_start = self.tok(first).start - gap.len();
        let g = gap.trim_end();
        if first > 0 && !g.is_empty() && !g.starts_with(char::is_whitespace) {
            if let Some(code) = self.prefixed_symbol(self.t.raw(first - 1), g) {
                return Some((code.to_owned(), self.tok(first - 1).start));
            }
        }
        for (sym, code) in &self.lx.symbols {
            if g.ends_with(sym.as_str()) {
                return Some((code.clone(), gap_start + g.len() - sym.len()));
            }
        }
        if first > 0 && self.t.space_gap(first) && self.tok(first - 1).upper {
            if let Some(code) = self.lx.currency_words.get(self.norm(first - 1)) {
                return Some((code.clone(), self.tok(first - 1).start));
            }
        }
        None
    }

    /// A figure whose qualifier (if any) starts at token `qstart` and whose
    /// number starts at token `p`: the number, what rules it out, a second
    /// end, the unit, the qualifier's interval, then what follows it (a
    /// rate, what it counts, a margin), each a named step below.
    fn figure_at(&self, qstart: usize, op: Option<Op>, p: usize) -> Option<Step> {
        let num = match self.lead_number(p) {
            Ok(n) => n,
            Err(skip) => return skip.map(Step::Skip),
        };
        let op = self.change_op(qstart, op)?;
        let mut d = self.draft(qstart, op, num);
        if let Some(step) = self.not_a_figure(&d) {
            return Some(step);
        }
        self.read_range(&mut d);
        let unit = self.unit_of(&d);
        self.read_margin(&mut d);
        let (qualifier, interval) = qualified(&d, &unit);
        let qualifier = self.qualified_change(&d, qualifier);
        let (qualifier, interval) = self.running_total(&d, &unit, qualifier, interval);
        let start = self.start_of(&d);
        let value = d.value();
        let tail = self.tail(&mut d);
        let (qualifier, interval, resume) =
            self.margin_after_counted(&d, &tail, qualifier, interval);
        let fig = Figure {
            span: Span::new(start, d.end),
            value,
            interval,
            unit,
            qualifier,
            counted: tail.counted,
            per: tail.per,
        };
        Some(Step::Fig(fig, d.num.first, resume))
    }

    /// The number a figure opens with at token `p`, past a currency code or
    /// the letters of a prefixed symbol ("USD 40", "US$40"); `Err` when
    /// there is none, with the token to resume at when the words there are
    /// no figure at all.
    fn lead_number(&self, p: usize) -> Result<Num, Option<usize>> {
        match self.number(p) {
            Parsed::Num(n) => Ok(n),
            Parsed::Reject(next) => Err(Some(next)),
            Parsed::No if p + 1 < self.t.len() && self.currency_token(p) => {
                match self.number(p + 1) {
                    Parsed::Num(n) => Ok(n),
                    Parsed::Reject(next) => Err(Some(next)),
                    Parsed::No => Err(None),
                }
            }
            Parsed::No => Err(None),
        }
    }

    /// Rule `change_needs_verb`: "from", "to" and "by" read a change only
    /// after a change verb ("fares rose from 2 to 3"); without one, "from 4
    /// to 9" is a range and "to 9", "by 5" are no qualifier (`None`: read
    /// the figure without it).
    fn change_op(&self, qstart: usize, op: Option<Op>) -> Option<Option<Op>> {
        if matches!(op, Some(Op::From | Op::To | Op::By)) && !self.change_context(qstart) {
            return (op == Some(Op::From)).then_some(Some(Op::Range));
        }
        Some(op)
    }

    /// The figure as first read: its number with the unit after it, or the
    /// currency written before it ("€40", "40 euros").
    fn draft(&self, qstart: usize, op: Option<Op>, num: Num) -> Draft {
        let comparative = op.is_some_and(|o| !matches!(o, Op::Range | Op::From | Op::To | Op::By));
        let pre_cur = self.currency_before(num.first);
        let (mut unit, next, end) = self.unit_after(&num);
        if unit == U::None {
            if let Some((code, _)) = &pre_cur {
                unit = U::Money(code.clone());
            }
        }
        Draft {
            qstart,
            op,
            comparative,
            num,
            second: None,
            pre_cur,
            unit,
            next,
            end,
            margin: None,
        }
    }

    /// The rules that make the number no figure, in order: the step to
    /// return, if one applies.
    fn not_a_figure(&self, d: &Draft) -> Option<Step> {
        let num = &d.num;
        // Rule `percentile_rank`: "the 90%'ile mark" is a rank, written short.
        if let Some(rest) = self.t.gap_before(num.next).strip_prefix('%') {
            if rest.chars().next().is_some_and(is_apostrophe) {
                return Some(Step::Skip(num.next));
            }
        }
        // Rule `confidence_level`: "a 90% CI" is a level, not a figure.
        if d.unit == U::Word(UnitWord::Percent) && self.confidence_note(d.next) {
            return Some(Step::Ci(d.next, self.tok(num.first).start, d.next + 1));
        }
        if self.hyphen_duration(d) {
            return Some(Step::Skip(d.next));
        }
        let (currency, unit) = (d.pre_cur.is_some(), d.unit != U::None);
        self.excluded(num, d.comparative, currency, unit)
            .map(Step::Skip)
    }

    /// Rule `hyphen_duration`: "a 13-year-old", "a five-day strike": a
    /// duration glued by a hyphen modifies a noun, it claims nothing.
    fn hyphen_duration(&self, d: &Draft) -> bool {
        let U::Word(UnitWord::Measure(m)) = d.unit else {
            return false;
        };
        let g = self.t.gap_before(d.num.next);
        self.lx.measures[m as usize].dimension == "time"
            && g.chars().count() == 1
            && g.chars().all(is_dash)
    }

    /// A range: "10-20", "10 to 20", "between 10 and 20". The first end
    /// may take the second's scale first (rule [`borrow_scale`]); the second
    /// end is kept when the units agree and it is the larger.
    fn read_range(&self, d: &mut Draft) {
        if d.num.kind == NumKind::Vague || matches!(d.op, Some(Op::From | Op::To | Op::By)) {
            return;
        }
        let between = d.op == Some(Op::Range);
        let Some((mut b, u2, n2, e2)) = self.range_after(&d.num, d.next, d.end, between) else {
            return;
        };
        let units_ok = d.unit == U::None || u2 == U::None || d.unit == u2;
        borrow_scale(&mut d.num, &b);
        if units_ok && d.num.value < b.value {
            if d.unit == U::None {
                d.unit = u2;
            }
            b.first = b.first.max(d.num.first);
            d.second = Some(b);
            d.next = n2;
            d.end = e2;
        }
    }

    /// The figure's [`Unit`]. Rule `pounds_as_money`: "500 million pounds"
    /// is money, "500 pounds" a weight ([`POUNDS_AS_MONEY`]).
    fn unit_of(&self, d: &Draft) -> Unit {
        match &d.unit {
            U::None => Unit::Count,
            U::Word(UnitWord::Percent) => Unit::Percent,
            U::Word(UnitWord::Pp) => Unit::PercentagePoint,
            U::Word(UnitWord::Bp) => Unit::BasisPoint,
            U::Word(UnitWord::Measure(i)) => {
                let name = &self.lx.measures[*i as usize].name;
                if name == "pound" && d.num.scale >= POUNDS_AS_MONEY {
                    Unit::Money("GBP".into())
                } else {
                    Unit::Measure(name.clone())
                }
            }
            U::Money(code) => Unit::Money(code.clone()),
        }
    }

    /// Rule `margin`: "100,000, give or take 15 percent", "40 ± 5": a
    /// margin right after a single figure makes it a range around it.
    fn read_margin(&self, d: &mut Draft) {
        if d.second.is_some() || d.num.kind == NumKind::Vague {
            return;
        }
        if let Some((half, n2, e2)) = self.margin_after(d.next, d.end, d.num.value) {
            d.margin = Some(half);
            d.next = n2;
            d.end = e2;
        }
    }

    /// Rule `qualified_change`: "grew … by as many as 400": a qualified
    /// amount after "by" and a change verb is the size of the change.
    fn qualified_change(&self, d: &Draft, qualifier: Qualifier) -> Qualifier {
        let q = d.qstart;
        if d.comparative && q > 0 && self.norm(q - 1) == "by" && self.change_context(q) {
            Qualifier::By
        } else {
            qualifier
        }
    }

    /// Rule `running_total`: a count said to run "so far", "to date" or
    /// "already" ("some 300 homes have been lost so far") is a lower bound.
    fn running_total(
        &self,
        d: &Draft,
        unit: &Unit,
        qualifier: Qualifier,
        interval: Interval,
    ) -> (Qualifier, Interval) {
        if matches!(
            qualifier,
            Qualifier::Bare | Qualifier::Approximately | Qualifier::Vague
        ) && matches!(unit, Unit::Count | Unit::Money(_))
            && self.running_count_near(d.num.first, d.next)
        {
            let open = Interval::new(interval.lo, f64::INFINITY, interval.lo_open, false);
            return (Qualifier::RunningTotal, open);
        }
        (qualifier, interval)
    }

    /// Where the figure's span starts: at its qualifier, at the number for
    /// a bare figure or a lone "from 4", and never after a currency written
    /// before it.
    fn start_of(&self, d: &Draft) -> usize {
        let start = match d.op {
            Some(Op::Range) if d.second.is_none() => self.tok(d.num.first).start,
            Some(_) => self.tok(d.qstart).start,
            None => self.tok(d.num.first).start,
        };
        match &d.pre_cur {
            Some((_, s)) => start.min(*s),
            None => start,
        }
    }

    /// What follows a figure: a rate ("barrels a day", "per 100,000") right
    /// after it, which the span takes in, or after what it counts ("litres
    /// of brine a day"); and what it counts.
    fn tail(&self, d: &mut Draft) -> Tail {
        let mut per = None;
        if let Some((p, n2, e2)) = self.rate_at(d.next, d.end) {
            per = Some(p);
            d.next = n2;
            d.end = e2;
        }
        let counted = self.counted(d.next, d.end);
        let mut tail = Tail {
            per,
            counted,
            resume: d.next,
            end: d.end,
        };
        if let (None, Some(c)) = (&tail.per, counted) {
            tail.resume = self.t.toks.partition_point(|t| t.start < c.end);
            tail.end = c.end;
            if let Some((p, n2, e2)) = self.rate_at(tail.resume, c.end) {
                tail.per = Some(p);
                tail.resume = n2;
                tail.end = e2;
            }
        }
        tail
    }

    /// Rule `margin_after_counted`: "about 900 litres of brine per day,
    /// plus or minus 15 percent": a margin after what the figure counts.
    /// Gives the qualifier, the interval and the token to resume at.
    fn margin_after_counted(
        &self,
        d: &Draft,
        tail: &Tail,
        qualifier: Qualifier,
        interval: Interval,
    ) -> (Qualifier, Interval, usize) {
        let single = d.margin.is_none() && d.second.is_none() && d.num.kind != NumKind::Vague;
        if single && tail.resume > d.next {
            if let Some((half, n2, _)) = self.margin_after(tail.resume, tail.end, d.num.value) {
                let around = margin_interval(d.num.value, half);
                return (Qualifier::Range, around, n2.max(d.next));
            }
        }
        (qualifier, interval, tail.resume.max(d.next))
    }

    /// Any number at token `i`: a vague magnitude, a fraction, number words
    /// or digits.
    fn number(&self, i: usize) -> Parsed {
        if i >= self.t.len() {
            return Parsed::No;
        }
        if self.tok(i).digit {
            return self.digits(i);
        }
        if let Some(n) = self.vague(i) {
            return Parsed::Num(n);
        }
        if let Some(n) = self.fraction(i) {
            return Parsed::Num(n);
        }
        match self.words(i) {
            Some(n) => Parsed::Num(n),
            None => Parsed::No,
        }
    }

    fn num(&self, first: usize, next: usize, value: f64, kind: NumKind) -> Num {
        Num {
            first,
            next,
            end: self.tok(next - 1).end,
            value,
            lo: value,
            hi: value,
            kind,
            scale: 1.0,
            prec: 0.0,
            round: false,
            plain: false,
        }
    }

    fn digits(&self, i: usize) -> Parsed {
        let raw = self.t.raw(i);
        let split = raw.find(|c: char| c.is_alphabetic()).unwrap_or(raw.len());
        let (digits, suffix) = raw.split_at(split);
        let mut scale = 1.0;
        if !suffix.is_empty() {
            match self.lx.scales.get(&suffix.to_lowercase()) {
                Some((v, u)) if u.suffix => scale = *v,
                _ => return Parsed::Reject(i + 1),
            }
        }
        let Some(d) = read_digits(digits) else {
            return Parsed::Reject(i + 1);
        };
        let mut n = self.num(i, i + 1, d.value, NumKind::Digits);
        n.prec = d.prec;
        n.plain = !d.grouped && d.decimals == 0 && suffix.is_empty();

        // "1/4" is a fraction before a unit or a scale; "3/14/12" a date.
        if self.t.gap_before(i + 1) == "/" && i + 1 < self.t.len() && self.tok(i + 1).digit {
            if self.t.gap_before(i + 2) == "/" && i + 2 < self.t.len() && self.tok(i + 2).digit {
                return Parsed::Reject(i + 3);
            }
            let den = read_digits(self.t.raw(i + 1));
            let unit_follows = i + 2 < self.t.len()
                && self.t.soft_gap(i + 2)
                && (self.unit_phrase(i + 2, false).is_some() || self.scale_word(i + 2).is_some());
            return match den {
                Some(den) if n.plain && den.value > 0.0 && den.decimals == 0 && unit_follows => {
                    let mut f = self.num(i, i + 2, d.value / den.value, NumKind::Fraction);
                    f.prec = 0.0;
                    self.apply_scale_word(&mut f);
                    Parsed::Num(f)
                }
                _ => Parsed::Reject(i + 2),
            };
        }
        if scale > 1.0 {
            n.value *= scale;
            n.prec *= scale;
            n.scale = scale;
            n.round = true;
        } else {
            self.apply_scale_word(&mut n);
        }
        if !n.round {
            n.round = d.decimals == 0 && d.trailing_zeros >= ROUND_ZEROS && n.value >= ROUND_MIN;
        }
        if !n.value.is_finite() {
            return Parsed::Reject(i + 1);
        }
        n.lo = n.value;
        n.hi = n.value;
        Parsed::Num(n)
    }

    /// "6.3 million", "60 thousand", "3 dozen".
    fn apply_scale_word(&self, n: &mut Num) {
        let k = n.next;
        if k < self.t.len() && self.t.soft_gap(k) {
            if let Some(s) = self.scale_word(k) {
                n.value *= s;
                n.prec *= s;
                n.scale = s;
                n.round = true;
                n.next = k + 1;
                n.end = self.tok(k).end;
                n.plain = false;
            }
        }
        n.lo = n.value;
        n.hi = n.value;
    }

    fn vague(&self, i: usize) -> Option<Num> {
        for ph in self.lx.vague.starting(self.norm(i)) {
            if !self.t.matches(i, &ph.words) {
                continue;
            }
            let (mut lo, mut hi, scaled) = ph.val;
            let mut next = i + ph.words.len();
            if scaled {
                match self.scale_word(next) {
                    Some(s) if self.t.soft_gap(next) => {
                        lo *= s;
                        hi *= s;
                        next += 1;
                    }
                    _ => continue,
                }
            }
            let mut n = self.num(i, next, (lo + hi) / 2.0, NumKind::Vague);
            n.lo = lo;
            n.hi = hi;
            n.round = true;
            return Some(n);
        }
        None
    }

    /// "half a million", "a quarter of a percentage point", "three quarters
    /// of a point": a fraction only counts before a scale or a unit.
    fn fraction(&self, i: usize) -> Option<Num> {
        let lx = self.lx;
        let mut j = i;
        let mut mult = 1.0;
        if lx.articles.contains(self.norm(j)) {
            j += 1;
        } else if let Some((v, WordKind::Unit | WordKind::Teen | WordKind::Ten)) =
            lx.numbers.get(self.norm(j))
        {
            mult = *v;
            j += 1;
        }
        if j > i && !self.t.soft_gap(j) {
            return None;
        }
        let frac = match lx.numbers.get(self.norm(j)) {
            Some((v, WordKind::Frac)) => *v,
            _ => return None,
        };
        j += 1;
        for skip in ["of", "a"] {
            if self.t.soft_gap(j) && (self.norm(j) == skip || skip == "a" && self.norm(j) == "an") {
                j += 1;
            }
        }
        if !self.t.soft_gap(j) {
            return None;
        }
        if let Some(s) = self.scale_word(j) {
            let mut n = self.num(i, j + 1, mult * frac * s, NumKind::Fraction);
            n.scale = s;
            n.round = true;
            return Some(n);
        }
        if self.unit_phrase(j, false).is_some() {
            return Some(self.num(i, j, mult * frac, NumKind::Fraction));
        }
        None
    }

    /// Number words: "eleven", "twenty-five", "a hundred", "two dozen",
    /// "three million two hundred thousand", "two million and a half": a
    /// run of words, each read by the first step that takes it (a number
    /// word, a scale word, "and"), up to the first it ends at.
    fn words(&self, i: usize) -> Option<Num> {
        let mut run = self.words_opening(i)?;
        while run.j < self.t.len() {
            if run.j > i && !self.t.soft_gap(run.j) {
                break;
            }
            let goes_on = self
                .number_word_step(&mut run)
                .or_else(|| self.scale_word_step(&mut run))
                .unwrap_or_else(|| self.and_step(&mut run));
            if !goes_on {
                break;
            }
        }
        if run.last == Last::None || run.j == i {
            return None;
        }
        let mut n = self.num(i, run.j, run.total + run.current, NumKind::Words);
        n.round = run.has_scale;
        if run.big_last.is_finite() {
            n.scale = run.big_last;
        }
        Some(n)
    }

    /// The run of number words at `i`: an article counts as "one" before a
    /// scale word ("a hundred"), and opens nothing else.
    fn words_opening(&self, i: usize) -> Option<WordRun> {
        let mut run = WordRun {
            total: 0.0,
            current: 0.0,
            last_mult: 1.0,
            big_last: f64::INFINITY,
            last: Last::None,
            has_scale: false,
            j: i,
        };
        if self.lx.articles.contains(self.norm(i)) {
            let len = self.t.len();
            if !(i + 1 < len && self.t.soft_gap(i + 1) && self.scale_word(i + 1).is_some()) {
                return None;
            }
            run.current = 1.0;
            run.last = Last::Unit;
            run.j += 1;
        }
        Some(run)
    }

    /// A number word ("twenty", "five"): `None` when the word is none;
    /// else whether it continues the run ("twenty-five", "hundred five"),
    /// which it then takes. A fraction or a second zero ends it.
    fn number_word_step(&self, run: &mut WordRun) -> Option<bool> {
        let &(v, kind) = self.lx.numbers.get(self.norm(run.j))?;
        let ok = match (run.last, kind) {
            (_, WordKind::Frac) => false,
            _ if v == 0.0 => run.last == Last::None,
            (Last::None, _) => true,
            (Last::Ten, WordKind::Unit) => true,
            (Last::Hundred | Last::Scale, _) => true,
            _ => false,
        };
        if !ok {
            return Some(false);
        }
        run.current += v;
        run.last = match kind {
            WordKind::Unit => Last::Unit,
            WordKind::Teen => Last::Teen,
            _ => Last::Ten,
        };
        run.last_mult = 1.0;
        run.j += 1;
        Some(true)
    }

    /// A scale word ("hundred", "million"): `None` when the word is none;
    /// else whether it continues the run. A scale below [`BIG_SCALE`]
    /// multiplies the last number ("two hundred"), a big one all before it
    /// ("two hundred thousand"); big scales only fall ("a million
    /// thousand" stops).
    fn scale_word_step(&self, run: &mut WordRun) -> Option<bool> {
        let s = self.scale_word(run.j)?;
        if !matches!(
            run.last,
            Last::Unit | Last::Teen | Last::Ten | Last::Hundred
        ) {
            return Some(false);
        }
        if s < BIG_SCALE {
            if run.last == Last::Hundred {
                return Some(false);
            }
            run.current *= s;
            run.last = Last::Hundred;
        } else {
            if s >= run.big_last {
                return Some(false);
            }
            run.total += run.current * s;
            run.current = 0.0;
            run.big_last = s;
            run.last = Last::Scale;
        }
        run.has_scale = true;
        run.last_mult = s;
        run.j += 1;
        Some(true)
    }

    /// "And" inside a number: "two million and a half" adds half the last
    /// scale (and ends the run after a scale), "three hundred and five"
    /// goes on to the number word. True when the run goes on.
    fn and_step(&self, run: &mut WordRun) -> bool {
        let (j, len) = (run.j, self.t.len());
        if self.norm(j) != "and"
            || run.last == Last::None
            || j + 1 >= len
            || !self.t.soft_gap(j + 1)
        {
            return false;
        }
        let half = j + 2 < len
            && self.norm(j + 1) == "a"
            && self.norm(j + 2) == "half"
            && self.t.soft_gap(j + 2);
        if half {
            run.current += 0.5 * run.last_mult;
            run.j += 3;
            if run.last == Last::Scale || run.last == Last::Hundred {
                return false;
            }
            run.last = Last::Ten;
            return true;
        }
        if matches!(run.last, Last::Hundred | Last::Scale) && self.is_number_word(j + 1) {
            run.j += 1;
            return true;
        }
        false
    }

    /// The unit after a number: `%`, a unit phrase, a currency.
    fn unit_after(&self, n: &Num) -> (U, usize, usize) {
        let k = n.next;
        let gap = self.t.gap_before(k);
        let g = gap.trim_start();
        let g_at = n.end + gap.len() - g.len();
        if let Some(rest) = g.strip_prefix('%') {
            let end = g_at + 1;
            if k < self.t.len() && rest.chars().all(|c| c.is_whitespace() || is_dash(c)) {
                if let Some((u, l)) = self.unit_phrase(k, true) {
                    return (U::Word(u), k + l, self.tok(k + l - 1).end);
                }
            }
            return (U::Word(UnitWord::Percent), k, end);
        }
        for (sym, code) in &self.lx.symbols {
            if g.starts_with(sym.as_str()) && !sym.contains('$') {
                return (U::Money(code.clone()), k, g_at + sym.len());
            }
        }
        if k < self.t.len() && self.t.soft_gap(k) {
            if let Some((u, l)) = self.unit_phrase(k, false) {
                return (U::Word(u), k + l, self.tok(k + l - 1).end);
            }
            if let Some(code) = self.lx.currency_words.get(self.norm(k)) {
                return (U::Money(code.clone()), k + 1, self.tok(k).end);
            }
            if (n.kind == NumKind::Vague || n.scale > 1.0)
                && self.norm(k) == "of"
                && self.t.soft_gap(k + 1)
            {
                if let Some(code) = self.lx.currency_words.get(self.norm(k + 1)) {
                    return (U::Money(code.clone()), k + 2, self.tok(k + 1).end);
                }
            }
        }
        (U::None, k, n.end)
    }

    /// "95% CI", "95% confidence interval".
    fn confidence_note(&self, k: usize) -> bool {
        k < self.t.len()
            && (self.t.raw(k) == "CI"
                || self.norm(k) == "confidence" && matches!(self.norm(k + 1), "interval" | "level"))
    }

    /// Tokens that make the number not a figure: the token to resume at.
    fn excluded(&self, n: &Num, comparative: bool, currency: bool, unit: bool) -> Option<usize> {
        let (i, nx) = (n.first, n.next);
        let len = self.t.len();
        let after = self.t.gap_before(nx);
        let before = self.t.gap_before(i);
        let one_dash = |g: &str| g.chars().count() == 1 && g.chars().all(is_dash);
        let word_after = nx < len && !self.tok(nx).digit;
        // A compound modifier: "13-year-old", "twenty-first", "five-year".
        if one_dash(after) && word_after && !unit && self.scale_word(nx).is_none() {
            return Some(nx + 1);
        }
        if self.is_month(i.wrapping_sub(1)) && (before.trim().is_empty() || before.trim() == ".")
            || self.is_month(nx) && self.t.space_gap(nx)
        {
            return Some(nx);
        }
        match n.kind {
            NumKind::Digits => {
                // Clock times: "11:30", "10am", "9 a.m.".
                if after == ":" && nx < len && self.tok(nx).digit
                    || before == ":" && i > 0 && self.tok(i - 1).digit
                {
                    return Some(nx + 1);
                }
                if self.time_word_after(n.end) {
                    return Some(nx + 1);
                }
                // Codes glued by a hyphen: "MS-13", "F-16".
                if one_dash(before) && i > 0 && !self.tok(i - 1).digit {
                    return Some(nx);
                }
                if n.plain && self.apostrophe_year(i) {
                    return Some(nx);
                }
                if !n.plain || comparative || currency || unit {
                    return None;
                }
                let raw = self.t.raw(i);
                if raw.len() == 4 && is_year(n.value) && !self.count_not_year(i, nx) {
                    return Some(nx); // a year
                }
                if self.model_number(i, nx) {
                    return Some(nx + 1);
                }
                None
            }
            NumKind::Words => {
                if nx == i + 1 && self.norm(i) == "one" {
                    let after_w = if self.t.space_gap(nx) {
                        self.norm(nx)
                    } else {
                        ""
                    };
                    let before_w = if i > 0 && self.t.soft_gap(i) {
                        self.norm(i - 1)
                    } else {
                        ""
                    };
                    if self.lx.one_after.contains(after_w) || self.lx.one_before.contains(before_w)
                    {
                        return Some(nx);
                    }
                }
                // A capitalized number word inside a text is a name: "the
                // Big Four", "the Group of Seven".
                if self.tok(i).cap && !self.t.sentence_start(i) && !comparative {
                    return Some(nx);
                }
                None
            }
            _ => None,
        }
    }

    fn is_month(&self, i: usize) -> bool {
        i < self.t.len()
            && self
                .lx
                .months
                .get(self.norm(i))
                .is_some_and(|cap| !cap || self.tok(i).cap)
    }

    fn is_calendar(&self, i: usize) -> bool {
        self.is_month(i) || self.lx.days.contains(self.norm(i))
    }

    /// "10am", "11 a.m.", "9 pm", "10 o'clock".
    fn time_word_after(&self, end: usize) -> bool {
        let rest = &self.t.text[end..];
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        let mut word = String::new();
        for c in rest.chars().take(TIME_WORD_CHARS) {
            if c.is_alphabetic() || c == '\'' {
                word.push(c.to_ascii_lowercase());
            } else if c != '.' {
                break;
            }
        }
        !word.is_empty() && self.lx.times.contains(&word)
    }

    /// "Zephyr 550 VTX", "QX 418", "Flight 418", "Chapter 11": a plain
    /// number after a capitalized word (not a sentence-opening function word,
    /// not a month or weekday), or before an all-caps word.
    /// A four-digit number that counts something rather than naming a year:
    /// "3000 people", not "in 2024" or "2017 the fair". It is followed by a
    /// lowercase word that is not a function word, and not preceded by a
    /// word that introduces a year.
    fn count_not_year(&self, i: usize, nx: usize) -> bool {
        if i > 0 && self.lx.year_openers.contains(self.norm(i - 1)) {
            return false;
        }
        if self.after_possessive(i) {
            return false;
        }
        if nx >= self.t.len() || !self.t.space_gap(nx) {
            return false;
        }
        let raw = self.t.raw(nx);
        let word = self.norm(nx);
        let lower_word = |raw: &str| {
            raw.chars().all(|c| c.is_alphabetic())
                && raw.chars().next().is_some_and(char::is_lowercase)
        };
        if !lower_word(raw) || self.lx.year_follow.contains(word) || self.is_month(nx) {
            return false;
        }
        !self.lx.year_nouns.contains(word) || self.compound_after(nx)
    }

    /// The year-range number at `i` follows a possessive and is not a round
    /// hundred: "the governor's 2027 gala", not "the firm's 2000 employees".
    fn after_possessive(&self, i: usize) -> bool {
        if i == 0 || !self.t.space_gap(i) || self.t.raw(i).ends_with("00") {
            return false;
        }
        let prev = self.t.raw(i - 1);
        let mut tail = prev.chars().rev();
        match (tail.next(), tail.next()) {
            (Some('s'), Some(q)) => is_apostrophe(q),
            (Some(q), Some('s')) => is_apostrophe(q),
            // "mayor‘s", "mayor`s": a mark the scanner does not join, so
            // "s" is a token of its own after the mark.
            (Some('s' | 'S'), None) => {
                i >= 2 && {
                    let g = self.t.gap_before(i - 1);
                    g.chars().count() == 1 && g.chars().all(is_apostrophe)
                }
            }
            _ => false,
        }
    }

    /// "the ’90s", "’08": two digits right after an apostrophe name a year.
    fn apostrophe_year(&self, i: usize) -> bool {
        let g = self.t.gap_before(i);
        let raw = self.t.raw(i);
        raw.len() == 2
            && g.chars().last().is_some_and(is_apostrophe)
            && g.chars().rev().nth(1).is_none_or(|c| !c.is_alphanumeric())
    }

    /// The noun at `k` starts a compound with a lowercase noun after it:
    /// "election workers", "census takers".
    fn compound_after(&self, k: usize) -> bool {
        let nx = k + 1;
        nx < self.t.len()
            && self.t.space_gap(nx)
            && self.t.raw(nx).chars().all(char::is_alphabetic)
            && self
                .t
                .raw(nx)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && !self.lx.year_follow.contains(self.norm(nx))
            && !self.lx.counted_stop.contains(self.norm(nx))
    }

    fn model_number(&self, i: usize, nx: usize) -> bool {
        let len = self.t.len();
        if nx < len
            && self.t.space_gap(nx)
            && self.tok(nx).upper
            && self.t.raw(nx).chars().filter(|c| c.is_alphabetic()).count() >= MODEL_CODE_LETTERS
            && !self.lx.currency_words.contains_key(self.norm(nx))
        {
            return true;
        }
        if i == 0 || !self.t.space_gap(i) {
            return false;
        }
        let prev = self.tok(i - 1);
        if !prev.cap || prev.digit || self.is_calendar(i - 1) {
            return false;
        }
        if self.t.sentence_start(i - 1) {
            // "Only 5", "Another 12": a function word opening the sentence.
            let w = self.norm(i - 1);
            let lx = self.lx;
            return !(lx.counted_stop.contains(w)
                || lx.counted_skip.contains(w)
                || lx.starters.contains(w));
        }
        true
    }

    /// "from 4 to 9", "10-20", "between 10 and 20": the second number, its
    /// unit, the token after it and its end byte.
    fn range_after(
        &self,
        first: &Num,
        next: usize,
        end: usize,
        between: bool,
    ) -> Option<(Num, U, usize, usize)> {
        let len = self.t.len();
        if next >= len {
            return None;
        }
        let gap = &self.t.text[end..self.tok(next).start];
        let g = gap.trim();
        let gap_ok = |k: usize| {
            let g = self.t.gap_before(k).trim();
            g.is_empty() || self.lx.symbols.iter().any(|(s, _)| s == g)
        };
        let at = if !g.is_empty() && g.chars().next().is_some_and(is_dash) && {
            let rest = g[g.chars().next().map_or(0, char::len_utf8)..].trim();
            rest.is_empty() || self.lx.symbols.iter().any(|(s, _)| s == rest)
        } {
            next
        } else if g.is_empty() && self.norm(next) == "to" && next + 1 < len && gap_ok(next + 1) {
            if self.change_context(first.first) {
                return None;
            }
            next + 1
        } else if between
            && g.is_empty()
            && self.norm(next) == "and"
            && next + 1 < len
            && gap_ok(next + 1)
        {
            next + 1
        } else {
            return None;
        };
        let b = match self.number(at) {
            Parsed::Num(b) if b.kind != NumKind::Vague => b,
            _ => return None,
        };
        let pre = self.currency_before(b.first);
        let (mut u, n2, e2) = self.unit_after(&b);
        if u == U::None {
            if let Some((code, _)) = pre {
                u = U::Money(code);
            }
        }
        if self.excluded(&b, true, false, true).is_some() {
            return None;
        }
        Some((b, u, n2, e2))
    }

    /// True when a change verb ("raised", "cut", "increase") stands before
    /// token `i` in the same clause.
    fn change_context(&self, i: usize) -> bool {
        let mut j = i;
        for _ in 0..WINDOW {
            if j == 0 || self.t.clause_break(j) {
                return false;
            }
            j -= 1;
            let w = self.norm(j);
            if self.tok(j).digit {
                continue;
            }
            if self.lx.change_stems.contains(w)
                || w.len() > CHANGE_STEM_MIN && self.lx.change_stems.contains(&crate::text::stem(w))
            {
                return true;
            }
        }
        false
    }

    /// True when a running-count marker ("so far", "to date", "already")
    /// stands near tokens `first..next` in the same clause.
    fn running_count_near(&self, first: usize, next: usize) -> bool {
        let hit = |j: usize| {
            self.lx
                .running
                .starting(self.norm(j))
                .iter()
                .any(|p| self.t.matches(j, &p.words))
        };
        let mut j = first;
        for _ in 0..WINDOW / 2 {
            if j == 0 || self.t.clause_break(j) {
                break;
            }
            j -= 1;
            if hit(j) {
                return true;
            }
        }
        (next..self.t.len().min(next + WINDOW / 2))
            .take_while(|&j| !self.t.clause_break(j))
            .any(hit)
    }

    /// The noun phrase a figure counts: up to four words after it, past
    /// "of" and "the", stopping at function words, verbs and punctuation.
    fn counted(&self, k: usize, end: usize) -> Option<Span> {
        let len = self.t.len();
        let lx = self.lx;
        // The gap after the figure (past a `%` or a symbol) must be soft.
        let soft = |j: usize| {
            if j == k {
                j < len
                    && self.t.text[end..self.tok(j).start]
                        .chars()
                        .all(|c| c.is_whitespace() || is_dash(c))
            } else {
                self.t.soft_gap(j)
            }
        };
        let mut j = k;
        while j < len && j < k + COUNTED_SKIP && soft(j) && lx.counted_skip.contains(self.norm(j)) {
            j += 1;
        }
        let start = j;
        let mut last = None;
        while j < len && j < start + COUNTED_WORDS && soft(j) {
            let w = self.norm(j);
            if self.tok(j).digit || lx.counted_stop.contains(w) || lx.numbers.contains_key(w) {
                break;
            }
            // Four letters suffice for -ed ("used", "owed"); "-ly" needs five
            // ("July", "only" are no adverbs of manner).
            let verbish = (w.len() >= 4 && w.ends_with("ed")) || (w.len() > 4 && w.ends_with("ly"));
            if verbish {
                let goes_on = j + 1 < len
                    && self.t.soft_gap(j + 1)
                    && !self.tok(j + 1).digit
                    && !lx.counted_stop.contains(self.norm(j + 1));
                // After a noun an -ed word is a verb ("people watched").
                if last.is_some() || !goes_on || j + 1 >= start + COUNTED_WORDS {
                    break;
                }
            }
            last = Some(j);
            j += 1;
        }
        last.map(|l| Span::new(self.tok(start).start, self.tok(l).end))
    }
}

/// The marks written for an apostrophe: straight, curly either way, the
/// modifier letter, prime, grave and acute accents.
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{2032}' | '`' | '\u{b4}'
    )
}

/// What the last word of a run of number words was ([`Parser::words`]).
#[derive(Clone, Copy, PartialEq)]
enum Last {
    None,
    Unit,
    Teen,
    Ten,
    Hundred,
    Scale,
}

/// A run of number words being read: the sum of the finished big-scale
/// groups, the group being read, and where the run stands.
struct WordRun {
    /// The groups closed by a big scale ("three million").
    total: f64,
    /// The group being read ("two hundred").
    current: f64,
    /// The scale of the last word (1 after a number word): what "and a
    /// half" halves.
    last_mult: f64,
    /// The last big scale read: the next must be smaller.
    big_last: f64,
    last: Last,
    has_scale: bool,
    /// The token to read next.
    j: usize,
}

/// From this scale up ("thousand", "million"), a scale word multiplies
/// every group before it; below ("hundred", "dozen"), only the last.
const BIG_SCALE: f64 = 1000.0;

/// A figure being read by [`Parser::figure_at`]: what its steps have found
/// so far and where the reading stands.
struct Draft {
    /// The token its qualifier phrase starts at (its number's without one).
    qstart: usize,
    /// The qualifier's interval rule.
    op: Option<Op>,
    /// True for a comparing qualifier ("at least", "about", not "from").
    comparative: bool,
    /// The number (the first end of a range).
    num: Num,
    /// The second end of a range.
    second: Option<Num>,
    /// A currency written before the number, with its start byte.
    pre_cur: Option<(String, usize)>,
    /// The unit read so far.
    unit: U,
    /// The token after what has been read, and its end byte.
    next: usize,
    end: usize,
    /// The half-width of a margin right after the figure ("± 5").
    margin: Option<f64>,
}

impl Draft {
    /// How the figure was written, before its qualifier: a range, a vague
    /// magnitude or a bare figure.
    fn shape(&self) -> Qualifier {
        if self.second.is_some() {
            Qualifier::Range
        } else if self.num.kind == NumKind::Vague {
            Qualifier::Vague
        } else {
            Qualifier::Bare
        }
    }

    /// The central value: the midpoint of a range or a vague magnitude.
    fn value(&self) -> f64 {
        match (&self.second, self.num.kind) {
            (Some(b), _) => (self.num.value + b.value) / 2.0,
            (None, NumKind::Vague) => (self.num.lo + self.num.hi) / 2.0,
            _ => self.num.value,
        }
    }

    /// The lowest and highest value as written ("10" and "20" of "10-20")
    /// and the interval the figure allows without its qualifier.
    fn written(&self, unit: &Unit) -> (f64, f64, Interval) {
        let num = &self.num;
        let bare = bare_interval(num, unit);
        match &self.second {
            Some(b) => {
                let b_bare = bare_interval(b, unit);
                (
                    num.value,
                    b.value,
                    Interval::new(bare.lo, b_bare.hi, bare.lo_open, b_bare.hi_open),
                )
            }
            None if num.kind == NumKind::Vague => (num.lo, num.hi, bare),
            None => (num.value, num.value, bare),
        }
    }
}

/// What follows a figure ([`Parser::tail`]): its rate, what it counts, the
/// token to resume at and the end byte of the whole.
struct Tail {
    per: Option<String>,
    counted: Option<Span>,
    resume: usize,
    end: usize,
}

/// The qualifier and interval a figure's qualifier phrase gives it (the
/// table in the module docs); a margin makes it a range around the value.
fn qualified(d: &Draft, unit: &Unit) -> (Qualifier, Interval) {
    if let Some(half) = d.margin {
        return (Qualifier::Range, margin_interval(d.num.value, half));
    }
    let (l, h, bare) = d.written(unit);
    let inf = f64::INFINITY;
    match d.op {
        None | Some(Op::Range) => (d.shape(), bare),
        Some(Op::Ge) => (Qualifier::AtLeast, Interval::new(l, inf, false, false)),
        Some(Op::Gt) => (Qualifier::MoreThan, Interval::new(l, inf, true, false)),
        Some(Op::Le) => (Qualifier::AtMost, Interval::new(0.0, h, false, false)),
        Some(Op::Lt) => (Qualifier::LessThan, Interval::new(0.0, h, false, true)),
        Some(Op::Approx) => (
            Qualifier::Approximately,
            Interval::new(l * (1.0 - APPROX), h * (1.0 + APPROX), false, false).hull(&bare),
        ),
        Some(Op::Below) => (
            Qualifier::Nearly,
            Interval::new(l * (1.0 - APPROX), h, false, false),
        ),
        Some(Op::Above) => (
            Qualifier::JustOver,
            Interval::new(l, h * (1.0 + APPROX), false, false),
        ),
        Some(Op::Exact) => (Qualifier::Exactly, Interval::new(l, h, false, false)),
        Some(Op::From) => (Qualifier::From, bare),
        Some(Op::To) => (Qualifier::To, bare),
        Some(Op::By) => (Qualifier::By, bare),
    }
}

/// The interval of a value `v` give or take `half` ("40 ± 5": 35 to 45),
/// never below zero.
fn margin_interval(v: f64, half: f64) -> Interval {
    Interval::new((v - half).max(0.0), v + half, false, false)
}

/// Rule `borrow_scale`: the first end of a range takes the second end's
/// scale when it is written without one and is no larger ("3 to 5
/// million": 3 million), or its thousands ("60-80,000", [`shared_thousands`]).
fn borrow_scale(num: &mut Num, b: &Num) {
    if num.scale == 1.0 && b.scale > 1.0 && num.value <= b.value / b.scale {
        num.value *= b.scale;
        num.prec *= b.scale;
        num.round = true;
    } else if let Some(k) = shared_thousands(num, b) {
        num.value *= k;
        num.round = true;
    }
}

/// A figure in pounds from this scale up is money ("£"), not a weight.
const POUNDS_AS_MONEY: f64 = 1e6;

/// "30-40,000": the factor (a power of 1,000) by which a plain small first
/// end takes the second end's thousands, when that makes it the same order
/// of magnitude as the second; `None` otherwise ("100-20,000" stays).
fn shared_thousands(a: &Num, b: &Num) -> Option<f64> {
    if !a.plain || a.kind != NumKind::Digits || b.kind != NumKind::Digits || b.scale != 1.0 {
        return None;
    }
    if a.value <= 0.0 || a.value >= 1000.0 || b.value < 1000.0 || b.value % 1000.0 != 0.0 {
        return None;
    }
    let mut k = 1000.0;
    while a.value * k * 1000.0 <= b.value {
        k *= 1000.0;
    }
    let scaled = a.value * k;
    (scaled <= b.value && scaled * 10.0 > b.value).then_some(k)
}

/// Digits as written: value, precision and shape.
struct Digits {
    value: f64,
    prec: f64,
    decimals: u32,
    trailing_zeros: u32,
    grouped: bool,
}

/// Reads "60,000", "1.5", "60 000" (no-break space), "1.000.000".
fn read_digits(s: &str) -> Option<Digits> {
    let mut buf = String::with_capacity(s.len());
    let dots = s.matches('.').count();
    let mut grouped = false;
    if dots > 1 {
        // Dots as thousands separators, or a version number.
        let mut parts = s.split('.');
        parts.next();
        if !parts.all(|p| p.len() == 3) {
            return None;
        }
        grouped = true;
    }
    let mut decimals = 0u32;
    let mut in_frac = false;
    for c in s.chars() {
        match c {
            '0'..='9' => {
                buf.push(c);
                if in_frac {
                    decimals += 1;
                }
            }
            '.' if dots == 1 => {
                buf.push('.');
                in_frac = true;
            }
            _ => grouped = true,
        }
    }
    if buf.is_empty() || buf == "." {
        return None;
    }
    let value: f64 = buf.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    let int_part = buf.split('.').next().unwrap_or("");
    let trailing_zeros = if value == 0.0 {
        0
    } else {
        (int_part.len() - int_part.trim_end_matches('0').len()) as u32
    };
    let prec = if decimals > 0 {
        0.5 * 10f64.powi(-(decimals as i32))
    } else {
        0.0
    };
    Some(Digits {
        value,
        prec,
        decimals,
        trailing_zeros,
        grouped,
    })
}

/// The interval of a figure as written, before its qualifier.
fn bare_interval(n: &Num, unit: &Unit) -> Interval {
    if n.kind == NumKind::Vague {
        return Interval::new(n.lo, n.hi, false, false);
    }
    let v = n.value;
    let share = matches!(
        unit,
        Unit::Percent | Unit::PercentagePoint | Unit::BasisPoint
    );
    let prec = if share && n.kind != NumKind::Fraction && n.prec == 0.0 && n.scale == 1.0 {
        SHARE_HALF_WIDTH
    } else {
        n.prec
    };
    let round = if n.round { ROUND * v } else { 0.0 };
    if round > 0.0 && round >= prec {
        Interval::new(v - round, v + round, false, false)
    } else if prec > 0.0 {
        Interval::new(v - prec, v + prec, false, true)
    } else {
        Interval::exact(v)
    }
}
