//! When two full names may be forms of one person's name: spelling
//! variants of a surname, familiar forms of a given name, shorter forms.
//! Comparisons allocate nothing; [`Sig`] rules out most pairs of a group
//! before their words are read.

use std::hash::{BuildHasher, BuildHasherDefault};

use super::lex::ActorLexicon;
use crate::text::Fx;

/// The longest words compared, in chars; past it, the rest is ignored.
const MAX_WORD: usize = 64;

/// A word's first [`MAX_WORD`] chars, on the stack.
fn word_chars(w: &str) -> ([char; MAX_WORD], usize) {
    let mut out = ['\0'; MAX_WORD];
    let mut n = 0;
    for (slot, c) in out.iter_mut().zip(w.chars()) {
        *slot = c;
        n += 1;
    }
    (out, n)
}

/// Levenshtein distance on the first [`MAX_WORD`] chars is at most `max`.
/// No allocation; a common prefix and suffix are left out (they do not
/// change the distance), and it stops once a whole row is past `max`.
fn within_edits(a: &str, b: &str, max: usize) -> bool {
    let (a, la) = word_chars(a);
    let (b, lb) = word_chars(b);
    let (mut a, mut b) = (&a[..la], &b[..lb]);
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    (a, b) = (&a[pre..], &b[pre..]);
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    let lb = b.len();
    let mut prev = [0usize; MAX_WORD + 1];
    let mut cur = [0usize; MAX_WORD + 1];
    for (j, p) in prev.iter_mut().enumerate().take(lb + 1) {
        *p = j;
    }
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[lb] <= max
}

/// Shortest surname, in chars, that two edits may separate from its
/// variant ("Abeksenko" ~ "Abiksenka"): in a shorter one two edits change
/// too much of the name.
const TWO_EDIT_CHARS: usize = 8;

/// Shortest surname, in chars, that one edit may separate from its variant
/// ("Orsen" ~ "Orson"); shorter surnames must be spelled alike, since one
/// edit makes another name of them.
const ONE_EDIT_CHARS: usize = 4;

/// The edits two surnames of these lengths may differ by.
fn max_edits(la: usize, lb: usize) -> usize {
    let shorter = la.min(lb);
    if shorter >= TWO_EDIT_CHARS {
        2
    } else if shorter >= ONE_EDIT_CHARS {
        1
    } else {
        0
    }
}

/// Two surnames that are spellings of one name.
pub(super) fn spelling_variant(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let max = max_edits(la, lb);
    // The length difference is a lower bound of the distance.
    max > 0 && la.abs_diff(lb) <= max && within_edits(a, b, max)
}

/// What a group compares of a name, kept beside its id in the group so
/// that most pairs are ruled out without reading the names.
#[derive(Clone, Copy)]
pub(super) struct Sig {
    /// Spelling groups: chars in the last word. Given-name groups: 1 when
    /// the first word has familiar forms.
    n: u32,
    /// Spelling groups: the letters of the last word (of its first
    /// [`MAX_WORD`] chars), a bit each. Given-name groups: a hash of the
    /// first word.
    bits: u32,
}

impl Sig {
    pub fn spelling(last: &str) -> Sig {
        let bits = last.chars().take(MAX_WORD).fold(0u32, |bits, c| {
            let bit = if c.is_ascii_lowercase() {
                c as u32 - 'a' as u32
            } else {
                26 + c as u32 % 6
            };
            bits | 1 << bit
        });
        Sig {
            n: last.chars().count() as u32,
            bits,
        }
    }

    pub fn given(lx: &ActorLexicon, first: &str) -> Sig {
        Sig {
            n: u32::from(lx.has_familiar_forms(first)),
            bits: BuildHasherDefault::<Fx>::default().hash_one(first) as u32,
        }
    }

    /// Names with these signatures may be linked: a necessary condition of
    /// `Persons::linked`. An edit adds or removes at most two letters
    /// from a word's set of letters; one given name is another or both
    /// have familiar forms.
    pub fn may_link(front: bool, a: Sig, b: Sig) -> bool {
        if front {
            let (la, lb) = (a.n as usize, b.n as usize);
            let max = max_edits(la, lb);
            max > 0 && la.abs_diff(lb) <= max && (a.bits ^ b.bits).count_ones() as usize <= 2 * max
        } else {
            a.bits == b.bits || a.n + b.n == 2
        }
    }
}

/// `a` is a shorter form of `b`: a prefix, a suffix, or the same first and
/// last word with `a`'s words in order inside `b`.
pub(super) fn sub_name(a: &[Box<str>], b: &[Box<str>]) -> bool {
    if a.len() >= b.len() || a.is_empty() {
        return false;
    }
    if b.starts_with(a) || b.ends_with(a) {
        return true;
    }
    if a[0] != b[0] || a.last() != b.last() {
        return false;
    }
    let mut it = b.iter();
    a.iter().all(|w| it.any(|x| x == w))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{spelling_variant, within_edits, ActorLexicon, Sig, MAX_WORD};

    /// Levenshtein distance on chars, the plain way.
    fn edit_distance(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().take(MAX_WORD).collect();
        let b: Vec<char> = b.chars().take(MAX_WORD).collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, cb) in b.iter().enumerate() {
                cur[j + 1] = (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn within_edits_cases() {
        for (a, b, max, want) in [
            ("abeksen", "abiksen", 1, true),
            ("abeksen", "ulonsen", 1, false),
            ("abcd", "bcde", 2, true),
            ("abcd", "bcde", 1, false),
            ("riazanov", "ryazanov", 1, true),
            ("", "ab", 2, true),
            ("", "abc", 2, false),
            ("núñez", "nunez", 2, true),
            ("núñez", "nunez", 1, false),
        ] {
            assert_eq!(within_edits(a, b, max), want, "{a:?} {b:?} {max}");
        }
    }

    proptest! {
        #[test]
        fn within_edits_is_the_distance_bound(a in "[abñ]{0,10}", b in "[abñ]{0,10}", max in 0..4usize) {
            prop_assert_eq!(within_edits(&a, &b, max), edit_distance(&a, &b) <= max);
        }

        #[test]
        fn signatures_never_rule_out_a_link(
            a in "[a-zñ]{0,12}",
            edits in proptest::collection::vec((0..3u8, 0..16usize, "[a-zé]"), 0..3),
            g in 0..10usize,
            h in 0..10usize,
        ) {
            // `b` is `a` with up to two edits, so that many pairs are links.
            let mut b: Vec<char> = a.chars().collect();
            for (op, at, c) in edits {
                let at = at.min(b.len());
                let c = c.chars().next().unwrap_or('a');
                match op {
                    0 => b.insert(at, c),
                    1 if at < b.len() => b[at] = c,
                    _ if at < b.len() => {
                        b.remove(at);
                    }
                    _ => {}
                }
            }
            let b: String = b.into_iter().collect();
            if spelling_variant(&a, &b) {
                prop_assert!(Sig::may_link(true, Sig::spelling(&a), Sig::spelling(&b)));
            }
            const GIVEN: [&str; 10] =
                ["stephen", "steve", "steven", "bob", "robert", "rob", "ana", "ann", "liz", "lisa"];
            let (g, h) = (GIVEN[g], GIVEN[h]);
            let lx = ActorLexicon::get();
            if lx.same_given_name(g, h) {
                prop_assert!(Sig::may_link(false, Sig::given(lx, g), Sig::given(lx, h)));
            }
        }

        #[test]
        fn within_edits_caps_long_words(a in "[ab]{60,70}", b in "[ab]{60,70}", max in 0..3usize) {
            prop_assert_eq!(within_edits(&a, &b, max), edit_distance(&a, &b) <= max);
        }
    }
}
