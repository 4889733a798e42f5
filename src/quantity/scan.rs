//! A byte-level word scanner for figure parsing: one linear pass, no
//! allocation per token (folded forms share one buffer).
//!
//! A token is a run of letters and digits (with combining marks). Inside a run
//! a digit may be followed by `,` or a no-break / thin space and exactly three
//! digits (a thousands group: "60,000", "60 000"), by `.` and a digit (a
//! decimal: "1.5"), and a letter by an apostrophe and a letter ("o'clock").
//! Everything else (spaces, hyphens, `%`, `$`, `/`) separates tokens and is
//! read back from the gaps between them.

use unicode_normalization::char::is_combining_mark;

/// One token: byte range in the text and range of its folded form.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    ns: u32,
    ne: u32,
    /// Starts with an ASCII digit.
    pub digit: bool,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// At least two letters, all uppercase.
    pub upper: bool,
}

/// The tokens of a text.
#[derive(Debug)]
pub(super) struct Toks<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    folded: String,
}

#[inline]
fn decode(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        // `i` is always on a char boundary here.
        let c = text[i..].chars().next().unwrap_or('\u{fffd}');
        (c, c.len_utf8())
    }
}

#[inline]
pub(super) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

/// True when the three chars at `i` are ASCII digits and the fourth is not.
fn three_digits_at(b: &[u8], i: usize) -> bool {
    b.len() >= i + 3
        && b[i..i + 3].iter().all(u8::is_ascii_digit)
        && b.get(i + 3).is_none_or(|c| !c.is_ascii_digit())
}

/// True for the spaces used as thousands separators.
pub(super) fn is_group_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Splits `text` into tokens.
pub(super) fn tokenize(text: &str) -> Toks<'_> {
    let b = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 6 + 1);
    let mut folded = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let (c, w) = decode(text, i);
        if !is_word_char(c) {
            i += w;
            continue;
        }
        let start = i;
        let mut prev = c;
        let mut j = i + w;
        while j < b.len() {
            let (c, w) = decode(text, j);
            if is_word_char(c) {
                prev = c;
                j += w;
                continue;
            }
            let next = if j + w < b.len() {
                decode(text, j + w).0
            } else {
                ' '
            };
            let joins = if prev.is_ascii_digit() {
                (c == ',' || is_group_space(c)) && three_digits_at(b, j + w)
                    || c == '.' && next.is_ascii_digit()
            } else {
                matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
                    && prev.is_alphabetic()
                    && next.is_alphabetic()
            };
            if !joins {
                break;
            }
            prev = c;
            j += w;
        }
        let raw = &text[start..j];
        let ns = folded.len() as u32;
        let mut letters = 0usize;
        let mut upper = true;
        if raw.is_ascii() {
            for &ch in raw.as_bytes() {
                if ch.is_ascii_alphabetic() {
                    letters += 1;
                    upper &= ch.is_ascii_uppercase();
                }
            }
            folded.push_str(raw);
            folded[ns as usize..].make_ascii_lowercase();
        } else {
            for ch in raw.chars() {
                if ch.is_alphabetic() {
                    letters += 1;
                    upper &= ch.is_uppercase();
                }
            }
            folded.push_str(&crate::text::fold(raw));
        }
        let ne = folded.len() as u32;
        toks.push(Tok {
            start,
            end: j,
            ns,
            ne,
            digit: c.is_ascii_digit(),
            cap: c.is_uppercase(),
            upper: upper && letters >= 2,
        });
        i = j;
    }
    Toks { text, toks, folded }
}

impl<'a> Toks<'a> {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The folded form of token `i` ("" past the end).
    pub fn norm(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &self.folded[t.ns as usize..t.ne as usize])
    }

    /// The text of token `i` ("" past the end).
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The text between token `i - 1` and token `i` (from the start of the
    /// text for `i == 0`, to its end for `i == len`).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let from = if i == 0 { 0 } else { self.toks[i - 1].end };
        let to = self.toks.get(i).map_or(self.text.len(), |t| t.start);
        &self.text[from..to]
    }

    /// True when the gap before token `i` is only white space and hyphens
    /// (a phrase may run across it).
    pub fn soft_gap(&self, i: usize) -> bool {
        i < self.len()
            && self
                .gap_before(i)
                .chars()
                .all(|c| c.is_whitespace() || is_dash(c))
    }

    /// True when the gap before token `i` is only white space.
    pub fn space_gap(&self, i: usize) -> bool {
        i < self.len() && self.gap_before(i).chars().all(char::is_whitespace)
    }

    /// True when the gap before token `i` ends a clause.
    pub fn clause_break(&self, i: usize) -> bool {
        self.gap_before(i)
            .chars()
            .any(|c| matches!(c, '.' | '!' | '?' | ';' | '\n'))
    }

    /// True when token `i` opens a sentence (or a quotation, or the text).
    pub fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self.gap_before(i).chars().any(|c| {
                matches!(
                    c,
                    '.' | '!' | '?' | ':' | ';' | '\n' | '"' | '\u{201c}' | '(' | '\u{2018}'
                )
            })
    }

    /// True when tokens `i..i + words.len()` spell `words`, running across
    /// soft gaps only.
    pub fn matches(&self, i: usize, words: &[String]) -> bool {
        i + words.len() <= self.len()
            && words
                .iter()
                .enumerate()
                .all(|(k, w)| self.norm(i + k) == w && (k == 0 || self.soft_gap(i + k)))
    }
}

/// True for the hyphens and dashes that may join a range or a compound.
pub(super) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_groups_and_decimals() {
        let text = "Some 60,000 (1.5%) and 60\u{a0}000 o'clock, 3bn; 1,2 U.S. 10\u{2011}20 café";
        let t = tokenize(text);
        let raws: Vec<_> = (0..t.len()).map(|i| t.raw(i)).collect();
        assert_eq!(
            raws,
            [
                "Some",
                "60,000",
                "1.5",
                "and",
                "60\u{a0}000",
                "o'clock",
                "3bn",
                "1",
                "2",
                "U",
                "S",
                "10",
                "20",
                "café"
            ]
        );
        assert_eq!(t.norm(0), "some");
        assert_eq!(t.gap_before(3), "%) ");
        assert!(t.toks[0].cap && !t.toks[0].upper);
        assert!(t.toks[1].digit);
        assert_eq!(t.norm(13), "cafe");
    }
}
