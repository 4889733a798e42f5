//! Quantity marks: what a clause says of a measured variable without (or
//! beside) a figure. A level held steady ("remained fairly steady", "has
//! not increased"), a change ("rose from 2.1 to 4 percent", "doubled"), a
//! reading under a limit ("within allowable levels") or over one ("25 ppb,
//! over the 15 ppb limit"). The judge sets a steady level against a change
//! and a reading under a limit against one over it.
//!
//! One walk over the clause's tokens, one hash look-up per word-like
//! token; the words are data (`src/lexicon/level_words.txt`).

use super::lex::level::{
    ANAPHOR, BETWEEN, BY_HALF, LEVEL, MOVE, NEGATION, OVER, SOFT, STAY, STEADY, TIMES, UNDER,
};
#[cfg(test)]
use super::lex::QLex;
use super::{Figure, Qualifier};
use crate::text::{Span, Token};

/// How many words after "within", "above" … the level noun may stand
/// ("below the 15 ppb action level": five).
const LEVEL_REACH: usize = 5;
/// How many words after a negation its verb of change may stand ("has not
/// really increased": two).
const MOVE_REACH: usize = 3;
/// How many words before a marking word a negation flips it ("did not
/// exceed the limit", "has not remained steady").
const NEGATION_REACH: usize = 2;

/// What a clause marks, with where the first mark stands.
///
/// # Examples
/// ```ignore
/// let toks = words("Lead levels remained fairly steady.");
/// let kinds = kinds_of(lx, &toks);
/// let m = marks::read(&toks, |j| kinds[j]);
/// assert!(m.steady());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marks {
    bits: u8,
    /// The span of the first mark found (the words that mark it).
    pub span: Span,
}

impl Default for Marks {
    fn default() -> Marks {
        Marks {
            bits: 0,
            span: Span { start: 0, end: 0 },
        }
    }
}

/// The kinds of word one of the rules of [`read`] starts from (a verb of
/// staying, of change, a factor, a word of under or over): a clause with
/// none of them marks nothing.
const MARKING: u16 = STAY | MOVE | TIMES | UNDER | OVER;

const M_STEADY: u8 = 1;
const M_CHANGE: u8 = 1 << 1;
const M_UNDER: u8 = 1 << 2;
const M_OVER: u8 = 1 << 3;

impl Marks {
    /// True when any mark was found.
    pub fn any(self) -> bool {
        self.bits != 0
    }
    /// "remained steady", "has not increased".
    pub fn steady(self) -> bool {
        self.bits & M_STEADY != 0
    }
    /// "rose from 2.1 to 4 percent", "doubled".
    pub fn change(self) -> bool {
        self.bits & M_CHANGE != 0
    }
    /// "within allowable levels", "below the action level".
    pub fn under_limit(self) -> bool {
        self.bits & M_UNDER != 0
    }
    /// "over the allowed level of 40 ppm", "exceeds the limit".
    pub fn over_limit(self) -> bool {
        self.bits & M_OVER != 0
    }

    fn add(&mut self, bit: u8, span: Span) {
        if self.bits == 0 {
            self.span = span;
        }
        self.bits |= bit;
    }

    /// Adds the limit marks of `other` (a clause that points back to this
    /// one: "40 ppm. That is above the limit").
    pub fn take_limits(&mut self, other: Marks) {
        for bit in [M_UNDER, M_OVER] {
            if other.bits & bit != 0 {
                self.add(bit, other.span);
            }
        }
    }
}

/// The kind bits of a token (0 for a word not listed), looked up in the
/// level words.
#[cfg(test)]
fn kind_of(lx: &QLex, t: &Token<'_>) -> u16 {
    let n = t.norm();
    if n.len() < 2 || !n.as_bytes()[0].is_ascii_alphabetic() {
        return 0;
    }
    lx.levels.get(n).copied().unwrap_or(0)
}

/// The kind bits of each of `toks` ([`read`] takes them), looked up in the
/// level words. The measure stage reads them from the lexicon's word
/// entries instead, which hold them too.
#[cfg(test)]
pub(crate) fn kinds_of(lx: &QLex, toks: &[Token<'_>]) -> Vec<u16> {
    toks.iter().map(|t| kind_of(lx, t)).collect()
}

/// True for a negation word (`negation` in `level_words.txt`: "not",
/// "never", "no") or a contraction ("hasn't"), from the token's kind bits.
fn negation(kind: u16, t: &Token<'_>) -> bool {
    kind & NEGATION != 0 || t.norm().ends_with("n't")
}

fn join(a: &Token<'_>, b: &Token<'_>) -> Span {
    Span {
        start: a.start,
        end: b.end,
    }
}

/// The marks of one clause, from its tokens.
///
/// Rules (each with an invented example):
/// - `steady_level`: a verb of staying and a word of no change, a soft
///   adverb between ("the fare has remained fairly steady");
/// - `negated_change`: a negation before a verb of change ("ferry traffic has
///   not increased");
/// - `change_by_factor`: "the toll doubled", "the backlog fell by half";
/// - `under_limit` / `over_limit`: "within", "above" … a level noun a few
///   words on ("nitrate within the allowed limit", "30 ppm, above the 10
///   ppm standard"); a negation just before flips it ("did not exceed the
///   limit" is under).
///
/// `kinds(j)` gives token `j`'s level-word kind bits, read once (from the
/// lexicon's word entries).
pub(crate) fn read(toks: &[Token<'_>], kinds: impl Fn(usize) -> u16) -> Marks {
    let mut m = Marks::default();
    // Every rule needs a word of one of these kinds: most clauses have
    // none, and are read no further.
    if !(0..toks.len()).any(|i| kinds(i) & MARKING != 0) {
        return m;
    }
    let negated_before =
        |i: usize| (i.saturating_sub(NEGATION_REACH)..i).any(|j| negation(kinds(j), &toks[j]));
    for i in 0..toks.len() {
        let k = kinds(i);
        if k & STAY != 0 && !negated_before(i) {
            // "remained fairly steady": soft adverbs may stand between.
            let mut j = i + 1;
            while j < toks.len() && kinds(j) & SOFT != 0 && j <= i + 2 {
                j += 1;
            }
            if j < toks.len() && kinds(j) & STEADY != 0 {
                m.add(M_STEADY, join(&toks[i], &toks[j]));
            }
        }
        if negation(k, &toks[i]) {
            // Only auxiliaries and soft adverbs between ("has not been
            // rising", "hasn't really risen"): "did not warrant an
            // increase" negates another verb.
            let j = (i + 1..toks.len().min(i + 1 + MOVE_REACH))
                .find(|&j| kinds(j) & (SOFT | BETWEEN) == 0);
            if let Some(j) = j.filter(|&j| kinds(j) & MOVE != 0) {
                m.add(M_STEADY, join(&toks[i], &toks[j]));
            }
        }
        if k & TIMES != 0 && !negated_before(i) {
            m.add(M_CHANGE, join(&toks[i], &toks[i]));
        }
        if k & MOVE != 0
            && !negated_before(i)
            && i + 1 < toks.len()
            && kinds(i + 1) & BY_HALF != 0
            && toks.get(i + 2).is_some_and(|t| t.norm() == "half")
        {
            m.add(M_CHANGE, join(&toks[i], &toks[i + 2]));
        }
        if k & (UNDER | OVER) != 0 {
            let level =
                (i + 1..toks.len().min(i + 1 + LEVEL_REACH)).find(|&j| kinds(j) & LEVEL != 0);
            if let Some(j) = level {
                let over = k & OVER != 0 && k & UNDER == 0;
                let over = over != negated_before(i);
                m.add(
                    if over { M_OVER } else { M_UNDER },
                    join(&toks[i], &toks[j]),
                );
            }
        }
    }
    m
}

/// True when a clause opens with a word pointing back ("This is over the
/// limit"): `first` is the kind bits of its first token.
pub(crate) fn opens_with_anaphor(first: u16) -> bool {
    first & ANAPHOR != 0
}

/// Rule `change_in_figures`: a clause's figures state a change when an old
/// and a new value differ ("rose from 3.2 percent to 5 percent") or a
/// change has a size ("fell by 15%"). Returns the span of the new value or
/// the size.
pub(crate) fn change_in(figures: &[Figure]) -> Option<Span> {
    let from = figures.iter().find(|f| f.qualifier == Qualifier::From);
    let to = figures.iter().find(|f| f.qualifier == Qualifier::To);
    if let (Some(a), Some(b)) = (from, to) {
        if a.comparable_with(b) && a.interval.disjoint(&b.interval) {
            return Some(Span {
                start: a.span.start,
                end: b.span.end,
            });
        }
    }
    figures
        .iter()
        .find(|f| f.qualifier == Qualifier::By && f.value > 0.0)
        .map(|f| f.span)
}

impl Marks {
    /// Adds the change the figures state ([`change_in`]).
    pub fn add_change(&mut self, figures: &[Figure]) {
        if let Some(span) = change_in(figures) {
            self.add(M_CHANGE, span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::parse_figures;
    use crate::text::words;

    /// (steady, change, under, over).
    type Four = (bool, bool, bool, bool);

    /// The marks of a text.
    fn marks(text: &str) -> Four {
        let toks = words(text);
        let kinds = kinds_of(QLex::get(), &toks);
        let mut m = read(&toks, |j| kinds[j]);
        m.add_change(&parse_figures(text));
        (m.steady(), m.change(), m.under_limit(), m.over_limit())
    }

    #[test]
    fn marks_of_invented_clauses() {
        const F: bool = false;
        const T: bool = true;
        #[rustfmt::skip]
        let cases: &[(&str, Four)] = &[
            // steady_level
            ("Bus fares have stayed roughly steady since spring.", (T, F, F, F)),
            ("The harbour toll held steady at its old rate.", (T, F, F, F)),
            ("Enrolment was flat this term.", (T, F, F, F)),
            ("Enrolment has not remained steady.", (F, F, F, F)),
            // negated_change
            ("Ferry traffic has not increased in the valley.", (T, F, F, F)),
            ("The toll hasn't really risen.", (T, F, F, F)),
            ("The toll has not been rising.", (T, F, F, F)),
            ("The figures did not justify an increase.", (F, F, F, F)),
            // change_in_figures
            ("Ferry traffic rose from 3.2 percent to 5 percent.", (F, T, F, F)),
            ("Ferry traffic went from 40 percent to 40 percent.", (F, F, F, F)),
            ("The mill cut output by 15%.", (F, T, F, F)),
            // change_by_factor
            ("The backlog doubled over the winter.", (F, T, F, F)),
            ("The backlog fell by half.", (F, T, F, F)),
            // under_limit / over_limit
            ("Nitrate in the wells is within the allowed limit.", (F, F, T, F)),
            ("Nitrate is below the 10 ppm action level.", (F, F, T, F)),
            ("Nitrate reached 30 ppm, above the 10 ppm standard.", (F, F, F, T)),
            ("The wells did not exceed the limit.", (F, F, T, F)),
            ("Children under 5 were tested.", (F, F, F, F)),
            ("Prices rose over the past year.", (F, F, F, F)),
        ];
        for (text, want) in cases {
            assert_eq!(marks(text), *want, "{text}");
        }
    }

    #[test]
    fn an_anaphor_opens_a_clause() {
        let opens = |text| {
            let kinds = kinds_of(QLex::get(), &words(text));
            kinds.first().is_some_and(|&k| opens_with_anaphor(k))
        };
        assert!(opens("This is above the limit."));
        assert!(!opens("Lead is over the limit."));
    }
}
