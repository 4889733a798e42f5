//! The figure parser's view of a text's tokens ([`crate::text::words`]):
//! one linear pass over them, no allocation per token (folded forms are
//! borrowed from the text's tokens, or share one buffer).
//!
//! A figure token is a run of letters and digits (with combining marks).
//! Inside a run a digit may be followed by `,` or a no-break / thin space
//! and exactly three digits (a thousands group: "60,000", "60 000"), by `.`
//! and a digit (a decimal: "1.5"), and a letter by an apostrophe and a
//! letter ("o'clock"). Everything else (spaces, hyphens, `%`, `$`, `/`)
//! separates tokens and is read back from the gaps between them. So the
//! view groups the text's tokens across a thousands space ("60", "000") and
//! parts a token at a mark it does not join ("U.S" → "U", "S"; "1,2"); a
//! token of letters and digits only, between gaps that join nothing, is
//! taken whole, its folded form with it.

use unicode_normalization::char::is_combining_mark;

use crate::text::{class, Token};

/// One token: byte range in the text, its folded form (a text token's, or
/// a range of the view's own buffer) and its classes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    /// The text token whose folded form this is, or `NONE`: then `ns..ne`
    /// in the view's buffer.
    word: u32,
    ns: u32,
    ne: u32,
    /// Starts with an ASCII digit.
    pub digit: bool,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// At least two letters, all uppercase.
    pub upper: bool,
}

/// `Tok::word` of a token folded into the view's buffer.
const NONE: u32 = u32::MAX;

/// The figure tokens of a text.
#[derive(Debug)]
pub(super) struct Toks<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    words: &'a [Token<'a>],
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

/// The figure token being read: where it started, its last char, and the
/// text token it is, while it is exactly one.
struct Open {
    start: usize,
    prev: char,
    word: Option<usize>,
}

/// The view being built, one text token and one gap at a time.
struct Grouper<'a> {
    text: &'a str,
    words: &'a [Token<'a>],
    toks: Vec<Tok>,
    folded: String,
    open: Option<Open>,
}

impl<'a> Grouper<'a> {
    /// True when the mark `c` at byte `j`, after `prev`, joins the token
    /// being read to what follows.
    fn joins(&self, prev: char, c: char, j: usize) -> bool {
        let b = self.text.as_bytes();
        let after = j + c.len_utf8();
        let next = if after < b.len() {
            decode(self.text, after).0
        } else {
            ' '
        };
        if prev.is_ascii_digit() {
            (c == ',' || is_group_space(c)) && three_digits_at(b, after)
                || c == '.' && next.is_ascii_digit()
        } else {
            matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
                && prev.is_alphabetic()
                && next.is_alphabetic()
        }
    }

    /// Reads the chars of `from..to` one by one: a gap, or a text token
    /// that holds a mark.
    fn chars(&mut self, from: usize, to: usize) {
        let mut i = from;
        while i < to {
            let (c, w) = decode(self.text, i);
            let word_char = is_word_char(c);
            match self.open.as_ref().map(|o| o.prev) {
                Some(prev) if word_char || self.joins(prev, c, i) => {
                    if let Some(open) = self.open.as_mut() {
                        open.prev = c;
                        if !word_char {
                            open.word = None;
                        }
                    }
                }
                Some(_) => self.close(i),
                None if word_char => {
                    self.open = Some(Open {
                        start: i,
                        prev: c,
                        word: None,
                    });
                }
                None => {}
            }
            i += w;
        }
    }

    /// Reads text token `k`: whole when it holds letters and digits only,
    /// else char by char.
    fn word(&mut self, k: usize) {
        let t = &self.words[k];
        if t.is(class::INNER_MARK) {
            let starts = self.open.is_none();
            self.chars(t.start, t.end);
            // A token read whole from its first char is still that token.
            if let Some(open) = self.open.as_mut().filter(|o| starts && o.start == t.start) {
                open.word = Some(k);
            }
            return;
        }
        let last = t.raw.chars().next_back().unwrap_or(' ');
        match &mut self.open {
            Some(open) => {
                open.prev = last;
                open.word = None;
            }
            None => {
                self.open = Some(Open {
                    start: t.start,
                    prev: last,
                    word: Some(k),
                });
            }
        }
    }

    /// Ends the token being read at byte `end`.
    fn close(&mut self, end: usize) {
        let Some(open) = self.open.take() else {
            return;
        };
        let whole = open
            .word
            .filter(|&k| self.words[k].end == end && !self.words[k].is(class::POSSESSIVE));
        let tok = match whole {
            Some(k) => {
                let t = &self.words[k];
                Tok {
                    start: open.start,
                    end,
                    word: k as u32,
                    ns: 0,
                    ne: 0,
                    digit: t.is(class::DIGIT),
                    cap: t.is(class::CAP),
                    upper: t.is(class::ALL_CAPS),
                }
            }
            None => self.folded_tok(open.start, end),
        };
        self.toks.push(tok);
    }

    /// A token that is not one text token: folded into the buffer, its
    /// classes read from its chars.
    fn folded_tok(&mut self, start: usize, end: usize) -> Tok {
        let raw = &self.text[start..end];
        let ns = self.folded.len() as u32;
        let upper = push_folded(&mut self.folded, raw);
        let first = raw.chars().next().unwrap_or(' ');
        Tok {
            start,
            end,
            word: NONE,
            ns,
            ne: self.folded.len() as u32,
            digit: first.is_ascii_digit(),
            cap: first.is_uppercase(),
            upper,
        }
    }
}

/// Appends `raw` folded to `folded`; true when it has two letters or more,
/// all upper case (an all-caps word).
fn push_folded(folded: &mut String, raw: &str) -> bool {
    let ns = folded.len();
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
        folded[ns..].make_ascii_lowercase();
    } else {
        for ch in raw.chars() {
            if ch.is_alphabetic() {
                letters += 1;
                upper &= ch.is_uppercase();
            }
        }
        folded.push_str(&crate::text::fold(raw));
    }
    upper && letters >= 2
}

/// The figure tokens of `text`, read from its tokens `words` (as
/// [`crate::text::words`] cut them) in one pass: each gap between two
/// tokens is read for the marks that join a number across it.
pub(super) fn view<'a>(text: &'a str, words: &'a [Token<'a>]) -> Toks<'a> {
    let mut g = Grouper {
        text,
        words,
        toks: Vec::with_capacity(words.len() + 1),
        folded: String::new(),
        open: None,
    };
    let mut at = 0;
    for (k, t) in words.iter().enumerate() {
        g.chars(at, t.start);
        g.word(k);
        at = t.end;
    }
    g.chars(at, text.len());
    g.close(text.len());
    Toks {
        text,
        toks: g.toks,
        words,
        folded: g.folded,
    }
}

impl<'a> Toks<'a> {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The folded form of token `i` ("" past the end).
    pub fn norm(&self, i: usize) -> &str {
        match self.toks.get(i) {
            None => "",
            Some(t) if t.word == NONE => &self.folded[t.ns as usize..t.ne as usize],
            Some(t) => self.words[t.word as usize].norm(),
        }
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
        let words = crate::text::words(text);
        let t = view(text, &words);
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

    /// The char scanner the view replaced, kept as the reference the
    /// property below holds the view to.
    fn reference(text: &str) -> Vec<(usize, usize, String, bool, bool, bool)> {
        let b = text.as_bytes();
        let mut toks = Vec::new();
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
            let upper = push_folded(&mut folded, raw);
            let ne = folded.len() as u32;
            toks.push((
                start,
                j,
                folded[ns as usize..ne as usize].to_owned(),
                c.is_ascii_digit(),
                c.is_uppercase(),
                upper,
            ));
            i = j;
        }
        toks
    }

    proptest::proptest! {
        #[test]
        fn view_matches_char_scanner(
            text in "([a-zA-Z0-9 .,;:'_%$/()-]|\u{a0}|\u{202f}|\u{2009}|\u{2019}|\u{2011}|\u{301}|\u{ad}|\u{200d}|é|É|ß|Ω|日|本|ｶ|٣|½|²|’s|ʼ){0,40}"
        ) {
            let words = crate::text::words(&text);
            let t = view(&text, &words);
            let got: Vec<_> = t
                .toks
                .iter()
                .enumerate()
                .map(|(i, k)| (k.start, k.end, t.norm(i).to_owned(), k.digit, k.cap, k.upper))
                .collect();
            proptest::prop_assert_eq!(got, reference(&text), "{:?}", text);
        }
    }
}
