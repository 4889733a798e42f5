//! Scanning an article: lines (paragraphs) with noise dropped, tokens with
//! byte offsets (a view over the article's one cut into word tokens,
//! [`super::view`]), quote regions paired in one pass, sentences cut
//! outside quotes. Every step is a single linear pass; nothing backtracks.

use std::borrow::Cow;

use super::lex::{class, WordInfo};
use super::view::View;
use crate::lexicon::Lexicon;
use crate::text::{self, Token};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits (with inner apostrophes, hyphens, dots, digit commas).
    Word,
    /// One punctuation char.
    Punct(char),
    /// A double quotation mark.
    Quote(Mark),
    /// A line break: paragraphs end here.
    Newline,
}

/// Which double quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// “ or „
    Open,
    /// ”
    Close,
    /// "
    Straight,
    /// ‘ (closed by a ’ that ends a word)
    Single,
}

/// A token of the article.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub info: WordInfo,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// A word that ends in "ly" (an adverb, most of the time).
    pub ly: bool,
    /// A word with an inner dot ("U.S."), its final dot included.
    pub dotted: bool,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is(&self, bits: u16) -> bool {
        self.kind == Kind::Word && self.info.class & bits != 0
    }
    pub fn punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn terminal(&self) -> bool {
        matches!(self.kind, Kind::Punct('.' | '?' | '!'))
    }
}

impl<'a> Doc<'a> {
    /// The article's word tokens inside `text[a..b]`, their offsets counted
    /// from `a`: the tokens [`text::words`] gives for that slice, without
    /// cutting it again (their folded forms borrowed, not copied). `None`
    /// when a token runs across either end.
    pub fn words_in(&self, a: usize, b: usize) -> Option<Vec<Token<'_>>> {
        let (a, b) = (a.checked_sub(self.base)?, b.checked_sub(self.base)?);
        let lo = self.words.partition_point(|t| t.end <= a);
        let hi = self.words.partition_point(|t| t.start < b);
        let inside = &self.words[lo..hi.max(lo)];
        let across =
            inside.first().is_some_and(|t| t.start < a) || inside.last().is_some_and(|t| t.end > b);
        if across {
            return None;
        }
        let mut out = Vec::with_capacity(inside.len());
        for t in inside {
            out.push(Token {
                start: t.start - a,
                end: t.end - a,
                raw: t.raw,
                norm: Cow::Borrowed(t.norm()),
                class: t.class,
            });
        }
        Some(out)
    }
}

/// A quotation: from its opening mark to its closing mark (or the end of the
/// paragraph when none closes it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Region {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, if any.
    pub close: Option<usize>,
    /// Last token index inside the region.
    pub last: usize,
    /// Byte range of the quoted words (marks and outer spaces excluded).
    pub text: (usize, usize),
}

/// The scanned article.
#[derive(Debug)]
pub(crate) struct Doc<'a> {
    /// The lexicon the article is read with.
    pub lexicon: &'a Lexicon,
    pub text: &'a str,
    /// The article's word tokens ([`text::words`]), cut from
    /// `text[base..]`: the one cut of the article.
    words: Vec<Token<'a>>,
    base: usize,
    pub toks: Vec<Tok>,
    pub regions: Vec<Region>,
    /// Region index of each token inside a quotation (marks included).
    pub region_of: Vec<Option<u32>>,
    /// Sentences as token ranges `[a, b)`.
    pub sentences: Vec<(usize, usize)>,
}

impl Tok {
    /// A token that is no word: a mark or a line break.
    pub(super) fn mark(start: usize, end: usize, kind: Kind) -> Tok {
        Tok {
            start,
            end,
            kind,
            info: WordInfo::default(),
            cap: false,
            ly: false,
            dotted: false,
        }
    }
}

/// A line that is no statement: a copyright line, a photo credit or caption
/// (no closing punctuation, a slash between names).
fn is_noise(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    if t.contains('\u{a9}') || contains_ci(t, "all rights reserved") {
        return true;
    }
    let last = t.chars().next_back().unwrap_or('.');
    let closed = matches!(
        last,
        '.' | '?' | '!' | '"' | '\u{201d}' | '\u{2019}' | ')' | ':' | '\u{2026}'
    );
    !closed && t.contains('/')
}

/// Most words a heading has: a longer line without closing punctuation is
/// a paragraph that lost its final period, not a title.
const MAX_HEADING_WORDS: usize = 14;

/// A heading: a headline, a section title or a byline ("Ferry strike ends",
/// "By ANA VOS"). A short line with no closing punctuation that stands alone
/// as a paragraph (a blank line or the article's end after it): no
/// sentence, so it never joins the first sentence of the story.
pub(crate) fn is_heading(line: &str, next_blank: bool) -> bool {
    let t = line.trim();
    if t.is_empty() || !next_blank {
        return false;
    }
    let last = t.chars().next_back().unwrap_or('.');
    let closed = matches!(
        last,
        '.' | '?' | '!' | '"' | '\u{201d}' | '\u{2019}' | '\'' | ':' | ';' | ',' | '\u{2026}'
    );
    !closed && t.split_whitespace().count() <= MAX_HEADING_WORDS
}

/// Longest dateline in bytes ("KESTREL HARBOUR, Norvania (Northwire) - ").
const MAX_DATELINE: usize = 80;

/// The byte length of a wire dateline opening `line`: a place in capitals,
/// an optional region after a comma and an agency in parentheses, then a
/// dash ("LORVIK, Estmark (Continental Press) -- The tunnel …"). The
/// dateline names where the story was filed; it is no part of the first
/// sentence. 0 when the line has none.
pub(crate) fn dateline_len(line: &str) -> usize {
    let b = line.as_bytes();
    let end = b.len().min(MAX_DATELINE);
    let mut i = line.len() - line.trim_start().len();
    // The place: capital letters, with spaces, dots, hyphens and
    // apostrophes inside ("ST. PAUL", "PORT-AU-LAC").
    let mut caps = 0;
    while i < end {
        match b[i] {
            b'A'..=b'Z' => caps += 1,
            b'.' if caps > 0 && b.get(i + 1) == Some(&b' ') => {}
            b'.' | b'\'' | b'-' if caps > 0 && b.get(i + 1).is_some_and(u8::is_ascii_uppercase) => {
            }
            b' ' if caps > 0 && b.get(i + 1).is_some_and(u8::is_ascii_uppercase) => {}
            _ => break,
        }
        i += 1;
    }
    // Two capitals at least, and no lowercase run-on ("LONDONers").
    if caps < 2 || b.get(i).is_some_and(u8::is_ascii_lowercase) {
        return 0;
    }
    let skip_spaces = |mut k: usize| {
        while k < end && b[k] == b' ' {
            k += 1;
        }
        k
    };
    // Byte tests only: `k` may fall inside a multi-byte char of the region.
    let dash_len = |k: usize| {
        let rest = &b[k.min(b.len())..];
        if rest.starts_with(b"--") {
            2
        } else if rest.starts_with(b"-") {
            1
        } else if rest.starts_with("\u{2014}".as_bytes()) || rest.starts_with("\u{2013}".as_bytes())
        {
            3
        } else {
            0
        }
    };
    let is_dash = |k: usize| dash_len(k) > 0;
    // ", Region": a few words without sentence punctuation.
    let mut j = i;
    if b.get(j) == Some(&b',') {
        j += 1;
        while j < end && b[j] != b'(' && !is_dash(j) {
            if matches!(b[j], b'.' | b'!' | b'?' | b'"' | b',' | b':' | b';') {
                return 0;
            }
            j += 1;
        }
    }
    // "(Agency)".
    j = skip_spaces(j);
    if b.get(j) == Some(&b'(') {
        match b[j..end].iter().position(|&c| c == b')') {
            Some(c) => j += c + 1,
            None => return 0,
        }
    }
    // The dash ("-", "--", an en or em dash) and a space after it.
    j = skip_spaces(j);
    if j >= end || !is_dash(j) {
        return 0;
    }
    let mut k = j + dash_len(j);
    if b.get(k) != Some(&b' ') {
        return 0;
    }
    while k < b.len() && b[k] == b' ' {
        k += 1;
    }
    k
}

/// ASCII case-insensitive substring test. A window is compared only where
/// its first byte matches (one byte test per position, not a slice compare:
/// every kept line is tested once).
pub(crate) fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(first) = n.first() else {
        return true;
    };
    h.windows(n.len())
        .any(|w| w[0].eq_ignore_ascii_case(first) && w.eq_ignore_ascii_case(n))
}

/// Scans the article from byte `from`. Lines for which `skip` holds are
/// left out (a newline token still stands in their place). The article is
/// cut into word tokens once ([`text::words_lowered`], with `lower`, the
/// article's lowercased copy from `from` on: [`lower_from`]); each kept
/// line's tokens are read from them ([`View`]).
pub(crate) fn scan<'a>(
    lexicon: &'a Lexicon,
    text: &'a str,
    lower: &'a str,
    from: usize,
    skip: &dyn Fn(usize, usize) -> bool,
) -> Doc<'a> {
    let from = from.min(text.len());
    let words = text::words_lowered(&text[from..], lower);
    let mut toks = Vec::with_capacity(text.len() / 5 + 4);
    let mut view = View::new(&lexicon.extract, text, &words, from);
    let mut at = from;
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |k| at + k);
        let line = &text[at..end];
        let next_blank = text[(end + 1).min(text.len())..]
            .split('\n')
            .next()
            .is_none_or(|l| l.trim().is_empty());
        if !is_noise(line) && !is_heading(line, next_blank) && !skip(at, end) {
            view.line(at + dateline_len(line), end, &mut toks);
        }
        if end < text.len() {
            toks.push(Tok::mark(end, end + 1, Kind::Newline));
        }
        at = end + 1;
    }
    let (regions, region_of) = pair_quotes(text, &toks);
    let mut closes = vec![false; toks.len()];
    for r in &regions {
        if let Some(c) = r.close {
            closes[c] = true;
        }
    }
    let sentences = split_sentences(&toks, &region_of, &closes);
    Doc {
        lexicon,
        text,
        words,
        base: from,
        toks,
        regions,
        region_of,
        sentences,
    }
}

/// The lowercased copy of `text[from..]` that [`scan`] borrows the words'
/// folded forms from: one copy an article instead of one a capitalized word.
pub(crate) fn lower_from(text: &str, from: usize) -> String {
    text::lower_ascii(&text[from.min(text.len())..])
}

/// Pairs quotation marks in one pass. An unclosed quotation ends with its
/// paragraph, unless the next paragraph opens with a mark: then it goes on.
fn pair_quotes(text: &str, toks: &[Tok]) -> (Vec<Region>, Vec<Option<u32>>) {
    let mut regions: Vec<Region> = Vec::new();
    let mut region_of = vec![None; toks.len()];
    let mut open: Option<usize> = None;
    // The open quotation began with ‘: only ’ closes it, double marks inside
    // are nested quotations.
    let mut single = false;
    let finish = |regions: &mut Vec<Region>, o: usize, close: Option<usize>, last: usize| {
        regions.push(region(text, toks, o, close, last));
    };
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        match (t.kind, open) {
            (Kind::Newline, Some(o)) => {
                if let Some(j) = quote_continues(toks, i, single) {
                    i = j + 1;
                    continue;
                }
                let last = prev_non_newline(toks, i).unwrap_or(o);
                finish(&mut regions, o, None, last.max(o));
                open = None;
            }
            (Kind::Quote(m), None) if m != Mark::Close => {
                open = Some(i);
                single = m == Mark::Single;
            }
            (Kind::Punct('\u{2019}'), Some(o)) if single => {
                finish(&mut regions, o, Some(i), i);
                open = None;
            }
            (Kind::Quote(_), Some(_)) if single => {}
            (Kind::Quote(Mark::Close | Mark::Straight), Some(o)) => {
                finish(&mut regions, o, Some(i), i);
                open = None;
            }
            (Kind::Quote(Mark::Open), Some(o)) => {
                // A mark opens while one is open: the first was never closed.
                finish(&mut regions, o, None, i - 1);
                open = Some(i);
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(o) = open {
        let last = toks.len() - 1;
        finish(&mut regions, o, None, last);
    }
    for (n, r) in regions.iter().enumerate() {
        for slot in &mut region_of[r.open..=r.last.max(r.open)] {
            *slot = Some(n as u32);
        }
    }
    (regions, region_of)
}

/// The quotation opened at token `o`, closed at `close` (else running to
/// token `last`): its quoted words' byte range without outer spaces.
fn region(text: &str, toks: &[Tok], o: usize, close: Option<usize>, last: usize) -> Region {
    let a = toks[o].end;
    let b = match close {
        Some(c) => toks[c].start,
        None => toks[last].end,
    };
    let s = &text[a..b.max(a)];
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    Region {
        open: o,
        close,
        last,
        text: (a + lead, a + lead + body.len()),
    }
}

/// A quotation still open at the line break `i` runs on into the next
/// paragraph when that paragraph opens with the same kind of mark (the
/// newswire way of quoting over paragraphs): the index of that mark.
/// Blank lines between are skipped.
fn quote_continues(toks: &[Tok], i: usize, single: bool) -> Option<usize> {
    let j = (i..toks.len()).find(|&j| toks[j].kind != Kind::Newline)?;
    let continues = match toks[j].kind {
        Kind::Quote(Mark::Single) => single,
        Kind::Quote(Mark::Open | Mark::Straight) => !single,
        _ => false,
    };
    continues.then_some(j)
}

fn prev_non_newline(toks: &[Tok], i: usize) -> Option<usize> {
    (0..i).rev().find(|&k| toks[k].kind != Kind::Newline)
}

/// Longest sentence in tokens: a longer run is cut, so that every search
/// within a sentence is bounded and the whole pass stays linear.
const MAX_SENTENCE: usize = 320;

/// Cuts sentences at terminal punctuation outside quotations (or right after
/// a quotation that ends with one) and at paragraph ends outside quotations.
fn split_sentences(
    toks: &[Tok],
    region_of: &[Option<u32>],
    closes: &[bool],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |a: usize, b: usize, out: &mut Vec<(usize, usize)>| {
        let mut a = a;
        while a < b && toks[a].kind == Kind::Newline {
            a += 1;
        }
        if a < b {
            out.push((a, b));
        }
    };
    for i in 0..toks.len() {
        let t = toks[i];
        let inside = region_of[i].is_some();
        let end_here = match t.kind {
            Kind::Newline => !inside,
            Kind::Punct('.' | '?' | '!') if !inside => {
                let abbrev = i > 0
                    && (toks[i - 1].is(class::ABBR)
                        || (toks[i - 1].is_word()
                            && toks[i - 1].end - toks[i - 1].start == 1
                            && toks[i - 1].cap));
                !abbrev || next_is_break(toks, i)
            }
            Kind::Quote(_) | Kind::Punct('\u{2019}') if closes[i] => {
                // A quotation that ends a sentence: `… ready."  Next`.
                i > 0
                    && toks[i - 1].terminal()
                    && region_of[i].is_some()
                    && (i + 1 >= toks.len()
                        || matches!(toks[i + 1].kind, Kind::Newline | Kind::Quote(_))
                        || (toks[i + 1].is_word()
                            && toks[i + 1].cap
                            && !region_continues(region_of, i)))
            }
            Kind::Word if t.dotted && !inside => next_is_break(toks, i),
            _ => false,
        } || i + 1 - start >= MAX_SENTENCE;
        if end_here {
            push(start, i + 1, &mut out);
            start = i + 1;
        }
    }
    push(start, toks.len(), &mut out);
    out
}

fn region_continues(region_of: &[Option<u32>], i: usize) -> bool {
    i + 1 < region_of.len() && region_of[i + 1].is_some() && region_of[i + 1] == region_of[i]
}

fn next_is_break(toks: &[Tok], i: usize) -> bool {
    i + 1 >= toks.len() || toks[i + 1].kind == Kind::Newline
}
