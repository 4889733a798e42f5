//! A cheap test run before figure parsing. Most statements hold no figure,
//! and every figure holds a number: ASCII digits, or words read as a number
//! (number words, "a" + a scale word, a vague magnitude). So a text with no
//! ASCII digit and no token that such a number needs holds no figure, and
//! one look at each of its tokens (their class bits, and no allocation for
//! ASCII words) says so, before any figure token is made.
//!
//! The rule holds only while every way `Parser::number` reads a number needs
//! one of the words the lexicon's `Gate::new` gathers: a new way to read a number must
//! add its words there. `may_hold_figure_never_hides_one` checks it.

use super::lex::{letter_bit, Gate, QLex};
use super::scan::is_word_char;
use crate::text::{class, fold, Token};

/// The gate's look-ups; the words are gathered with the quantity lexicon
/// ([`Gate`], in `lexicon/quantity.rs`), so an extended lexicon has its own.
impl Gate {
    /// True when the word-char run `run` (a token of the figure scanner,
    /// or part of one) folds to a gathered word.
    fn holds(&self, run: &str) -> bool {
        if run.is_ascii() {
            self.holds_ascii(run.as_bytes())
        } else {
            self.words.contains(&fold(run))
        }
    }

    /// [`Gate::holds_ascii`] for a run already lowercased.
    fn holds_folded_ascii(&self, run: &str) -> bool {
        let Some(&first) = run.as_bytes().first() else {
            return false;
        };
        run.len() <= self.longest
            && self.firsts[run.len()] & letter_bit(first) != 0
            && self.words.contains(run)
    }

    /// [`Gate::holds`] for a run of ASCII letters and digits.
    fn holds_ascii(&self, run: &[u8]) -> bool {
        let Some(&first) = run.first() else {
            return false;
        };
        if run.len() > self.longest || self.firsts[run.len()] & letter_bit(first) == 0 {
            return false;
        }
        let mut buf = [0u8; 32];
        let Some(buf) = buf.get_mut(..run.len()) else {
            return self
                .words
                .contains(&String::from_utf8_lossy(run).to_ascii_lowercase());
        };
        buf.copy_from_slice(run);
        buf.make_ascii_lowercase();
        std::str::from_utf8(buf).is_ok_and(|w| self.words.contains(w))
    }
}

/// False when the text cut into `words` ([`crate::text::words`]) certainly
/// holds no figure.
///
/// A figure scanner token is a run of word chars, joined across some marks
/// ("60,000", "o'clock"). A joined token holds a digit or a mark that no
/// gathered word has, so looking at the unjoined runs of each text token
/// (every letter and digit of a text is in one) finds every token that
/// matters, and perhaps some that do not (which only costs a parse).
pub(super) fn may_hold_figure(lx: &QLex, words: &[Token<'_>]) -> bool {
    if words.iter().any(|t| t.is(class::HAS_DIGIT)) {
        return true;
    }
    let gate = &lx.gate;
    words.iter().any(|t| {
        if !t.is(class::INNER_MARK) && t.norm().len() == t.raw.len() && t.raw.is_ascii() {
            // An ASCII word that dropped nothing: its folded form is the
            // word lowercased, as the gate's words are.
            gate.holds_folded_ascii(t.norm())
        } else {
            t.raw
                .split(|c: char| !is_word_char(c))
                .any(|run| gate.holds(run))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gate of a text, cut into words as the pipeline cuts it.
    fn may_hold(lx: &QLex, text: &str) -> bool {
        may_hold_figure(lx, &crate::text::words(text))
    }

    /// [`super::super::parse_all`] of a text.
    fn parse_all(lx: &QLex, text: &str) -> Vec<crate::Figure> {
        super::super::parse_all(lx, text, &crate::text::words(text))
    }

    #[test]
    fn texts_without_numbers_are_skipped() {
        for (text, want) in [
            ("We will build the dam on the river.", false),
            ("The plan has been ruled out, entirely ruled out.", false),
            ("Hundreds of thousands marched.", true),
            ("About 60,000 people.", true),
            ("a hundred", true),
            ("A Few Million", true),
            ("half a million euros", true),
            ("Núñez said the Façade stays.", false),
            ("DOZENS were hurt", true),
        ] {
            assert_eq!(may_hold(QLex::get(), text), want, "{text:?}");
        }
    }

    /// Every text of one to three words of the figure lexicons (and a few
    /// others) that the gate skips has no figure.
    #[test]
    fn no_short_phrase_of_lexicon_words_is_hidden() {
        let lx = QLex::get();
        let mut vocab: Vec<String> = ["a", "an", "and", "of", "the", "people", "per", "cent"]
            .map(String::from)
            .to_vec();
        vocab.extend(lx.numbers.keys().cloned());
        vocab.extend(lx.scales.keys().cloned());
        for phrases in [
            lx.vague.iter().map(|p| &p.words).collect::<Vec<_>>(),
            lx.qualifiers.iter().map(|p| &p.words).collect(),
            lx.units.iter().map(|p| &p.words).collect(),
        ] {
            vocab.extend(phrases.into_iter().flatten().cloned());
        }
        vocab.sort();
        vocab.dedup();
        let check = |text: &str| {
            if !may_hold(lx, text) {
                assert!(parse_all(lx, text).is_empty(), "{text:?}");
            }
        };
        for a in &vocab {
            for b in &vocab {
                check(&format!("{a} {b}"));
                check(&format!("{} {}", a.to_uppercase(), b));
            }
        }
        let small: Vec<&String> = vocab.iter().filter(|w| w.len() <= 8).step_by(5).collect();
        for a in &small {
            for b in &small {
                for c in &small {
                    check(&format!("{a} {b} {c}"));
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn may_hold_figure_never_hides_one(
            words in proptest::collection::vec(
                "(a|an|one|Two|twenty|half|quarter|third|dozen|dozens|Hundred|hundreds|thousand|\
                 million|millions|bn|mn|k|m|several|few|couple|of|tens|and|about|over|nearly|\
                 up|to|from|between|by|per|cent|percent|points|people|euros|USD|US|the|o'clock|\
                 dozen's|él|ﬁve|ＯＮＥ|e\u{301}|—|-|’|'|\\$|€|%|,|\\.|\u{a0})",
                0..12,
            ),
            seps in proptest::collection::vec("( |-|\u{a0}|/|, |: |'|_)", 12),
        ) {
            let mut text = String::new();
            for (w, s) in words.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(s);
            }
            if !may_hold(QLex::get(), &text) {
                proptest::prop_assert!(parse_all(QLex::get(), &text).is_empty(), "{:?}", text);
            }
        }
    }
}
