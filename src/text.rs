//! Text primitives shared by every stage: word tokens with their byte offsets
//! into the original string, case and diacritic folding, and a cached stemmer.
//!
//! Invariant: a [`Token`]'s `start..end` always indexes the string it was cut
//! from and lies on `char` boundaries; the folded form lives beside the
//! offsets, never instead of them.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hasher;
use std::rc::Rc;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// A small multiplicative hasher (FxHash): the keys are short words looked
/// up once per token, where SipHash dominated the profile. Not for keys an
/// attacker picks to collide (lexicon and stem caches only).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with the [`Fx`] hasher.
pub(crate) type FxHashMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fx>>;
/// A `HashSet` with the [`Fx`] hasher.
pub(crate) type FxHashSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<Fx>>;

/// A word of the original text: its byte range there, the text as written,
/// its folded form (lowercase, no diacritics, straight apostrophes) and its
/// class bits ([`class`]), all set in the tokenizer's one pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// Byte offset of the first byte in the original string.
    pub start: usize,
    /// Byte offset one past the last byte in the original string.
    pub end: usize,
    /// The slice of the original string.
    pub raw: &'a str,
    /// Folded form: lowercase, diacritics removed, `’` → `'`. Borrowed from
    /// the text when it is already folded (most words), so that a token
    /// costs no allocation.
    pub norm: Cow<'a, str>,
    /// What the token is made of: the bits of [`class`].
    pub class: u8,
}

/// The class bits of a [`Token`]: what later stages ask of a word's chars
/// without reading them again.
pub(crate) mod class {
    /// Its first char is an ASCII digit ("60,000", "3bn").
    pub const DIGIT: u8 = 1;
    /// Its first char is uppercase.
    pub const CAP: u8 = 2;
    /// At least two letters, all uppercase ("NATO", "U.S").
    pub const ALL_CAPS: u8 = 4;
    /// It holds an ASCII digit somewhere.
    pub const HAS_DIGIT: u8 = 8;
    /// It holds a char that is not a letter or a digit: a joining mark
    /// ("80,000", "U.S", "don't"), `_`, a combining mark.
    pub const INNER_MARK: u8 = 16;
    /// Its folded form dropped a possessive `'s` ("mayor's" → "mayor").
    pub const POSSESSIVE: u8 = 32;
}

impl Token<'_> {
    /// The folded form.
    pub fn norm(&self) -> &str {
        &self.norm
    }

    /// True when the token has every bit of `bits` ([`class`]).
    pub fn is(&self, bits: u8) -> bool {
        self.class & bits == bits
    }

    /// True when the token starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.is(class::CAP)
    }

    /// True when every char is a digit or a digit separator.
    pub fn is_numeric(&self) -> bool {
        self.is(class::HAS_DIGIT)
            && self
                .raw
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '\u{a0}' | '\u{202f}'))
    }
}

/// The class bits of a word from its chars (the tokenizer's slow path; the
/// ASCII path sets the same bits from its byte classes).
fn class_of(raw: &str) -> u8 {
    let mut bits = 0;
    let mut chars = raw.chars();
    if let Some(c) = chars.clone().next() {
        if c.is_ascii_digit() {
            bits |= class::DIGIT;
        }
        if c.is_uppercase() {
            bits |= class::CAP;
        }
    }
    let (mut letters, mut upper) = (0usize, true);
    for c in chars.by_ref() {
        if c.is_ascii_digit() {
            bits |= class::HAS_DIGIT;
        }
        if !c.is_alphanumeric() {
            bits |= class::INNER_MARK;
        }
        if c.is_alphabetic() {
            letters += 1;
            upper &= c.is_uppercase();
        }
    }
    if upper && letters >= 2 {
        bits |= class::ALL_CAPS;
    }
    bits
}

/// Folds text for matching: lowercase, diacritics stripped, curly apostrophes
/// and quotes made straight, exotic hyphens made `-`. ASCII takes a fast path.
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{2032}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' => out.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
                out.push('-')
            }
            '\u{a0}' | '\u{202f}' | '\u{2009}' => out.push(' '),
            // Letters that do not decompose but fold by convention.
            'ß' => out.push_str("ss"),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Splits `text` into word tokens (Unicode UAX #29 word boundaries), keeping
/// only segments that hold a letter or a digit. Linear in the input.
///
/// This is the crate's one tokenizer: every stage reads a field through
/// the tokens it gives (the figure parser and the article scanner through
/// views over them), and a statement's fields are each cut once
/// ([`cuts`] counts the calls in tests).
pub(crate) fn words(text: &str) -> Vec<Token<'_>> {
    cut_words(text, None)
}

/// [`words`] with the folded forms of ASCII words borrowed from `lower`,
/// the text's ASCII-lowercased copy ([`lower_ascii`]), so a capitalized
/// word costs no allocation of its own. The tokens are the same.
pub(crate) fn words_lowered<'a>(text: &'a str, lower: &'a str) -> Vec<Token<'a>> {
    debug_assert_eq!(text.len(), lower.len());
    cut_words(text, Some(lower))
}

/// The copy of `text` that [`words_lowered`] borrows from: ASCII letters
/// lowercased, every other byte as it was (so every offset and `char`
/// boundary is the text's own).
pub(crate) fn lower_ascii(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// [`words`] and [`words_lowered`]: one tokenizer, `lower` the optional
/// lowercased copy.
fn cut_words<'a>(text: &'a str, lower: Option<&'a str>) -> Vec<Token<'a>> {
    #[cfg(any(test, feature = "testkit"))]
    cuts::WORDS.with(|n| n.set(n.get() + 1));
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let b = text.as_bytes();
    let mut from = 0;
    // ASCII stretches take the byte path; UAX #29 reads only the stretch
    // between two cuts ([`cut_at`]) that holds a non-ASCII char, unless
    // that char is a plain mark ([`plain_mark_at`]): a cut either side.
    while let Some(k) = b[from..].iter().position(|&c| !c.is_ascii()) {
        let k = from + k;
        if let Some(len) = plain_mark_at(text, k) {
            ascii_words_into(text, lower, from, k, &mut out);
            from = k + len;
            continue;
        }
        let lo = (from + 1..=k).rev().find(|&p| cut_at(b, p)).unwrap_or(from);
        let hi = (k + 1..b.len()).find(|&p| cut_at(b, p)).unwrap_or(b.len());
        ascii_words_into(text, lower, from, lo, &mut out);
        uax29_words_into(text, lower, lo, hi, &mut out);
        from = hi;
    }
    ascii_words_into(text, lower, from, b.len(), &mut out);
    out
}

/// A mark of a text: a char that is no white space (or a line break), with
/// its byte offset. Between two word tokens ([`words`]) it is punctuation,
/// a quotation mark, a symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    /// Byte offset of the char in the text.
    pub start: usize,
    /// The char.
    pub ch: char,
}

/// The marks of `text[from..to]` in order: every char that is no white
/// space, and every line break (`\n`). Read over the gaps between the word
/// tokens of [`words`] (which hold no letter or digit), they are what a
/// reader of the tokens needs besides the words: punctuation, quotation
/// marks, paragraph ends. Linear; `from..to` lies on `char` boundaries.
pub(crate) fn marks(text: &str, from: usize, to: usize) -> impl Iterator<Item = Mark> + '_ {
    text[from..to]
        .char_indices()
        .filter(|&(_, c)| c == '\n' || !c.is_whitespace())
        .map(move |(i, ch)| Mark {
            start: from + i,
            ch,
        })
}

/// The byte length of the char at `k` when it is a plain mark with an
/// ASCII char (or the text's end) after it: a quotation mark, guillemet,
/// dash, ellipsis or no-break space, whose UAX #29 word break class is
/// Other. No rule joins Other to an ASCII neighbour, and none looks across
/// it (each joining rule needs a letter, digit or mid mark there), so the
/// text breaks on both sides of it and either side segments alone, as at
/// a [`cut_at`]. News text holds these far more than any other non-ASCII
/// char; `tests` hold the cut to UAX #29 over the whole text.
fn plain_mark_at(text: &str, k: usize) -> Option<usize> {
    let c = text[k..].chars().next()?;
    let plain = matches!(
        c,
        '\u{201c}'
            | '\u{201d}'
            | '\u{201e}'
            | '\u{ab}'
            | '\u{bb}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2026}'
            | '\u{a0}'
    );
    let end = k + c.len_utf8();
    (plain && text.as_bytes().get(end).is_none_or(u8::is_ascii)).then_some(c.len_utf8())
}

/// True when byte `p` of `b` opens a stretch that UAX #29 segments alone:
/// an ASCII char that is not white space, after a space, tab or line feed.
/// Every UAX #29 rule that joins two chars needs them to be letters,
/// digits, marks or white space on both sides, and looks at most two chars
/// across, none of them white space: so a segment never spans `p`, and
/// segmenting the text either side of it alone gives the same segments.
fn cut_at(b: &[u8], p: usize) -> bool {
    matches!(b[p - 1], b' ' | b'\t' | b'\n') && b[p].is_ascii() && !b[p].is_ascii_whitespace()
}

/// How many times this thread cut a text into words ([`words`]) and into
/// sentences ([`sentences`]): the test of "each field is read once".
#[cfg(any(test, feature = "testkit"))]
pub(crate) mod cuts {
    use std::cell::Cell;

    thread_local! {
        pub(super) static WORDS: Cell<usize> = const { Cell::new(0) };
        pub(super) static SENTENCES: Cell<usize> = const { Cell::new(0) };
        static CLAUSE_SCANS: Cell<usize> = const { Cell::new(0) };
    }

    /// (word cuts, sentence cuts) made on this thread so far.
    pub(crate) fn count() -> (usize, usize) {
        (WORDS.with(Cell::get), SENTENCES.with(Cell::get))
    }

    /// Notes that a field was cut into clauses and each clause scanned
    /// (the stance stage calls it).
    pub(crate) fn note_clause_scan() {
        CLAUSE_SCANS.with(|n| n.set(n.get() + 1));
    }

    /// Whole-field clause scans made on this thread so far.
    #[cfg(test)]
    pub(crate) fn clause_scans() -> usize {
        CLAUSE_SCANS.with(Cell::get)
    }
}

/// The folded form of an ASCII word, possessive `'s` dropped: a slice of
/// the word itself unless it holds an uppercase letter (`upper`: it may).
/// `marked` says it may hold a mark (an apostrophe): a word with none has
/// no possessive to drop. `lowered` is the word's slice of the text's
/// lowercased copy, when there is one: the folded form is borrowed from it.
fn fold_ascii<'a>(
    raw: &'a str,
    upper: bool,
    marked: bool,
    lowered: Option<&'a str>,
) -> Cow<'a, str> {
    let possessive = || raw.strip_suffix("'s").or_else(|| raw.strip_suffix("'S"));
    let word = match marked.then(possessive).flatten() {
        Some(stem) if raw.len() > 3 => stem,
        _ => raw,
    };
    // `upper` holds of the whole word: only a dropped "'S" may have held
    // its one uppercase letter.
    let upper = upper && (word.len() == raw.len() || word.bytes().any(|b| b.is_ascii_uppercase()));
    if upper {
        match lowered {
            Some(l) => Cow::Borrowed(&l[..word.len()]),
            None => Cow::Owned(word.to_ascii_lowercase()),
        }
    } else {
        Cow::Borrowed(word)
    }
}

/// Byte classes of the ASCII tokenizer, one table lookup per byte.
const WORD: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const DIGIT: u8 = 8;
/// `_`: a word byte that is neither a letter nor a digit.
const SCORE: u8 = 16;
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() || b == b'_' {
            table[i] |= WORD;
        }
        if b.is_ascii_uppercase() {
            table[i] |= UPPER;
        }
        if b.is_ascii_lowercase() {
            table[i] |= LOWER;
        }
        if b.is_ascii_digit() {
            table[i] |= DIGIT;
        }
        if b == b'_' {
            table[i] |= SCORE;
        }
        i += 1;
    }
    table
};

/// UAX #29 word segmentation (any text).
#[cfg(test)]
fn uax29_words(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    uax29_words_into(text, None, 0, text.len(), &mut out);
    out
}

/// The UAX #29 words of `text[from..to]`, pushed onto `out`.
fn uax29_words_into<'a>(
    text: &'a str,
    lower: Option<&'a str>,
    from: usize,
    to: usize,
    out: &mut Vec<Token<'a>>,
) {
    for (at, seg) in text[from..to].split_word_bound_indices() {
        let start = from + at;
        if !seg.chars().any(char::is_alphanumeric) {
            continue;
        }
        let mut class = class_of(seg);
        let norm = if seg.is_ascii() {
            fold_ascii(seg, true, true, lower.map(|l| &l[start..start + seg.len()]))
        } else {
            let mut norm = fold(seg);
            // The possessive is not part of the word: "Moreau’s" matches "Moreau".
            if norm.len() > 3 && norm.ends_with("'s") {
                norm.truncate(norm.len() - 2);
                class |= class::POSSESSIVE;
            }
            Cow::Owned(norm)
        };
        if seg.is_ascii() && norm.len() < seg.len() {
            class |= class::POSSESSIVE;
        }
        out.push(Token {
            start,
            end: start + seg.len(),
            raw: seg,
            norm,
            class,
        });
    }
}

/// The same segmentation as UAX #29 for ASCII text, in one byte pass: a word
/// is a run of letters, digits and `_`, joined across a `'` or `.` between
/// letters ("don't", "U.S"), a `.`, `,`, `;` or `'` between digits ("80,000",
/// "3.5"), and a `:` between letters. (`tests` check it against UAX #29.)
#[cfg(test)]
fn ascii_words(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    ascii_words_into(text, None, 0, text.len(), &mut out);
    out
}

/// The words of the ASCII stretch `text[from..to]`, pushed onto `out`.
fn ascii_words_into<'a>(
    text: &'a str,
    lower: Option<&'a str>,
    from: usize,
    to: usize,
    out: &mut Vec<Token<'a>>,
) {
    let b = &text.as_bytes()[..to];
    let class = |c: u8| ASCII_CLASS[usize::from(c)];
    let letter = |c: u8| c.is_ascii_alphabetic();
    let digit = |c: u8| c.is_ascii_digit();
    let mut i = from;
    while i < b.len() {
        if class(b[i]) & WORD == 0 {
            i += 1;
            continue;
        }
        let start = i;
        // The classes of the word's bytes, or-ed, and whether a mark joined
        // two of its parts.
        let mut seen = class(b[i]);
        let mut joined = false;
        i += 1;
        loop {
            if i < b.len() && class(b[i]) & WORD != 0 {
                seen |= class(b[i]);
                i += 1;
                continue;
            }
            if i + 1 < b.len() && i > start {
                let (prev, mid, next) = (b[i - 1], b[i], b[i + 1]);
                let joins = (letter(prev) && letter(next) && matches!(mid, b'\'' | b'.' | b':'))
                    || (digit(prev) && digit(next) && matches!(mid, b'.' | b',' | b';' | b'\''));
                if joins {
                    seen |= class(next);
                    joined = true;
                    i += 2;
                    continue;
                }
            }
            break;
        }
        let raw = &text[start..i];
        if seen & (UPPER | LOWER | DIGIT) == 0 {
            continue;
        }
        let norm = fold_ascii(raw, seen & UPPER != 0, joined, lower.map(|l| &l[start..i]));
        out.push(Token {
            start,
            end: i,
            raw,
            class: ascii_class(raw, seen, joined, norm.len() < raw.len()),
            norm,
        });
    }
}

/// The [`class`] bits of an ASCII word from its bytes' classes or-ed
/// (`seen`): `joined` when a mark joins two of its parts, `possessive` when
/// its folded form dropped an `'s`.
fn ascii_class(raw: &str, seen: u8, joined: bool, possessive: bool) -> u8 {
    let first = raw.as_bytes()[0];
    let mut bits = 0;
    if first.is_ascii_digit() {
        bits |= class::DIGIT;
    }
    if first.is_ascii_uppercase() {
        bits |= class::CAP;
    }
    if seen & DIGIT != 0 {
        bits |= class::HAS_DIGIT;
    }
    if joined || seen & SCORE != 0 {
        bits |= class::INNER_MARK;
    }
    if possessive {
        bits |= class::POSSESSIVE;
    }
    // All capitals: no lowercase letter and at least two uppercase ones.
    if seen & UPPER != 0
        && seen & LOWER == 0
        && raw.bytes().filter(u8::is_ascii_uppercase).count() >= 2
    {
        bits |= class::ALL_CAPS;
    }
    bits
}

/// The bytes that may end a sentence: `.`, `!`, `?` and `\n`.
static ENDS_SENTENCE: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b'\n' as usize] = true;
    table
};

/// The abbreviations whose period does not end a sentence
/// (`src/lexicon/abbreviations.txt`), parsed once.
pub(crate) fn abbreviations() -> &'static std::collections::HashSet<&'static str> {
    static LIST: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("lexicon/abbreviations.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// True for an abbreviation whose period does not end a sentence ("dr",
/// "gov"), given lowercase without its period.
pub(crate) fn is_abbreviation(folded: &str) -> bool {
    abbreviations().contains(folded)
}

/// The period at byte `dot` of `text` closes an initial or an abbreviation,
/// not a sentence: the word before it is one capital letter ("D.C. Metro",
/// "J. Smith") or a newswire abbreviation ("Dr. Lee"), from the same list
/// the article extractor reads.
fn abbreviation_at(text: &str, dot: usize) -> bool {
    let head = &text[..dot];
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &head[start..];
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        (Some(c), None) => c.is_uppercase(),
        _ => word.len() <= 5 && is_abbreviation(&word.to_ascii_lowercase()),
    }
}

/// Byte ranges of sentences in `text`, trailing whitespace excluded. Every
/// range lies on `char` boundaries.
///
/// A hand-written single pass (UAX #29 sentence segmentation costs more than
/// all the rest of normalization): a sentence ends at `.`, `!` or `?` (with
/// any closing quotes or brackets after it) followed by white space and then
/// an uppercase letter, a digit, an opening quote or the end; or at a blank
/// line. "U.S. troops", "waterways... there", and a lone period after an
/// initial or an abbreviation ("D.C. Metro", "Dr. Lee") do not end a
/// sentence.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    #[cfg(any(test, feature = "testkit"))]
    cuts::SENTENCES.with(|n| n.set(n.get() + 1));
    let mut out = Vec::new();
    let mut start = 0;
    let push = |out: &mut Vec<(usize, usize)>, a: usize, b: usize| {
        let piece = &text[a..b];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push((a + lead, a + lead + trimmed.len()));
        }
    };
    // Every byte that can end a sentence is ASCII, and an ASCII byte is
    // always a whole char in UTF-8: the scan goes byte by byte and decodes
    // chars only after a terminator.
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !ENDS_SENTENCE[usize::from(b[i])] {
            i += 1;
            continue;
        }
        match b[i] {
            b'\n' => {
                if b.get(i + 1) == Some(&b'\n') {
                    push(&mut out, start, i);
                    start = i;
                }
                i += 1;
                continue;
            }
            b'.' | b'!' | b'?' => {}
            _ => {
                i += 1;
                continue;
            }
        }
        // Closing marks after the terminator belong to the sentence.
        let mut end = i + 1;
        for d in text[end..].chars() {
            if !matches!(
                d,
                '.' | '!' | '?' | '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']'
            ) {
                break;
            }
            end += d.len_utf8();
        }
        let lone_period = b[i] == b'.' && end == i + 1;
        let dot = i;
        i = end;
        let rest = &text[end..];
        let after = rest.trim_start();
        if after.len() == rest.len() && !after.is_empty() {
            continue; // no white space: "U.S.A", "3.5"
        }
        if lone_period && !after.is_empty() && abbreviation_at(text, dot) {
            continue;
        }
        let next = after.chars().next();
        let opens = next.is_none_or(|n| {
            n.is_uppercase()
                || n.is_ascii_digit()
                || matches!(n, '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '[')
        });
        if opens {
            push(&mut out, start, end);
            start = end;
        }
    }
    push(&mut out, start, text.len());
    out
}

/// English stemmer with a per-thread cache: stemming is the costly part of
/// normalization and news vocabulary repeats heavily.
pub(crate) fn stem(word: &str) -> String {
    stem_shared(word).to_string()
}

/// [`stem`] as a shared string: a cache hit costs no allocation, only a
/// reference count, which matters at one stem per token.
pub(crate) fn stem_shared(word: &str) -> Rc<str> {
    thread_local! {
        static STEMMER: rust_stemmers::Stemmer =
            rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        static CACHE: RefCell<FxHashMap<Box<str>, Rc<str>>> = RefCell::new(FxHashMap::default());
    }
    CACHE.with(|cache| {
        if let Some(hit) = cache.borrow().get(word) {
            return Rc::clone(hit);
        }
        let stemmed: Rc<str> = STEMMER.with(|s| Rc::from(s.stem(word).as_ref()));
        let mut cache = cache.borrow_mut();
        if cache.len() > 200_000 {
            cache.clear();
        }
        cache.insert(word.into(), Rc::clone(&stemmed));
        stemmed
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_case_diacritics_and_curly_marks() {
        for (input, want) in [
            ("Nicolás", "nicolas"),
            ("Dvořák", "dvorak"),
            ("hasn’t", "hasn't"),
            ("well‑known", "well-known"),
            ("ZOLA", "zola"),
            ("Zoë Núñez", "zoe nunez"),
        ] {
            assert_eq!(fold(input), want, "{input}");
        }
    }

    #[test]
    fn words_keep_offsets_into_the_original() {
        let text = "He hasn’t excluded “raids” in Málaga, 80,000 people.";
        let toks = words(text);
        let raws: Vec<_> = toks.iter().map(|t| t.raw).collect();
        assert_eq!(
            raws,
            ["He", "hasn’t", "excluded", "raids", "in", "Málaga", "80,000", "people"]
        );
        for t in &toks {
            assert_eq!(&text[t.start..t.end], t.raw);
        }
        assert_eq!(toks[1].norm, "hasn't");
        assert_eq!(words("the mayor’s plan")[1].norm, "mayor");
        assert_eq!(toks[5].norm, "malaga");
        assert!(toks[6].is_numeric());
        assert_eq!(toks[0].class, class::CAP);
        assert_eq!(toks[1].class, class::INNER_MARK);
        let digits = class::DIGIT | class::HAS_DIGIT | class::INNER_MARK;
        assert_eq!(toks[6].class, digits);
        let caps = words("NATO's U.S plan");
        assert_eq!(
            caps[0].class,
            class::CAP | class::INNER_MARK | class::POSSESSIVE
        );
        assert_eq!(
            caps[1].class,
            class::CAP | class::ALL_CAPS | class::INNER_MARK
        );
    }

    /// What the tokenizer tests compare of a token: where it is, its folded
    /// form and its class bits.
    fn compared(t: Token<'_>) -> (usize, usize, String, u8) {
        (t.start, t.end, t.norm.into_owned(), t.class)
    }

    /// [`words`] cuts `text` as UAX #29 does over the whole text.
    fn words_match_uax29(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let got: Vec<_> = words(text).into_iter().map(compared).collect();
        let whole: Vec<_> = uax29_words(text).into_iter().map(compared).collect();
        proptest::prop_assert_eq!(got, whole, "{:?}", text);
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn ascii_fast_path_matches_uax29(text in "[a-zA-Z0-9 .,;:'_!?()\"@#%&/\t\n\r-]{0,40}") {
            let fast: Vec<_> = ascii_words(&text).into_iter().map(compared).collect();
            let slow: Vec<_> = uax29_words(&text).into_iter().map(compared).collect();
            proptest::prop_assert_eq!(fast, slow, "{:?}", text);
        }
    }

    proptest::proptest! {
        #[test]
        fn stretches_match_uax29_over_the_whole_text(
            text in "([a-zA-Z0-9 .,;:'_!?()\"\t\n\r-]|\u{a0}|\u{2019}|\u{201c}|\u{201d}|\u{201e}|\u{ab}|\u{bb}|\u{2013}|\u{2014}|\u{2026}|\u{301}|\u{ad}|\u{200d}|\u{3000}|\u{1f600}|\u{1f1e6}|é|É|ß|日|ｶ|٣|א){0,40}"
        ) {
            words_match_uax29(&text)?;
        }
    }

    proptest::proptest! {
        /// The cut at a plain mark ([`plain_mark_at`]) beside what UAX #29
        /// joins or attaches: mid marks, an underscore, combining and
        /// format chars, a curly apostrophe. Five of the eighteen choices
        /// are plain marks, so nearly every case has several.
        #[test]
        fn plain_mark_cuts_match_uax29(
            text in "([ab1'.,:;_ ]|\u{201c}|\u{201d}|\u{2014}|\u{2026}|\u{a0}|\u{301}|\u{ad}|\u{200d}|\u{2019}|é){0,24}"
        ) {
            words_match_uax29(&text)?;
        }
    }

    proptest::proptest! {
        /// Folded forms borrowed from the lowercased copy are the folded
        /// forms: the same tokens, capitals, possessives and non-ASCII
        /// words included.
        #[test]
        fn lowered_words_are_the_words(
            text in "([a-zA-Z0-9 .,;:'_!?()\"\t\n-]|[A-Z]{2,5}|[A-Z][a-z]{1,6}'s|\u{2019}|É|ß|日|Ærø){0,40}"
        ) {
            let lower = lower_ascii(&text);
            let key = |t: Token<'_>| (t.start, t.end, t.norm.into_owned(), t.class);
            let plain: Vec<_> = words(&text).into_iter().map(key).collect();
            let lowered: Vec<_> = words_lowered(&text, &lower).into_iter().map(key).collect();
            proptest::prop_assert_eq!(plain, lowered, "{:?}", text);
        }
    }

    /// The char-by-char sentence scan the byte scan replaced: the reference
    /// the property below holds it to.
    fn sentences_by_char(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut chars = text.char_indices().peekable();
        let push = |out: &mut Vec<(usize, usize)>, a: usize, b: usize| {
            let piece = &text[a..b];
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                out.push((a + lead, a + lead + trimmed.len()));
            }
        };
        while let Some((i, c)) = chars.next() {
            if c == '\n' {
                if let Some(&(_, '\n')) = chars.peek() {
                    push(&mut out, start, i);
                    start = i;
                }
                continue;
            }
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            // Closing marks after the terminator belong to the sentence.
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if matches!(
                    d,
                    '.' | '!' | '?' | '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']'
                ) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let rest = &text[end..];
            let after = rest.trim_start();
            if after.len() == rest.len() && !after.is_empty() {
                continue; // no white space: "U.S.A", "3.5"
            }
            if c == '.' && end == i + 1 && !after.is_empty() && abbreviation_at(text, i) {
                continue;
            }
            let next = after.chars().next();
            let opens = next.is_none_or(|n| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '[')
            });
            if opens {
                push(&mut out, start, end);
                start = end;
            }
        }
        push(&mut out, start, text.len());
        out
    }

    proptest::proptest! {
        #[test]
        fn byte_sentence_scan_matches_char_scan(
            text in "([a-zA-Z0-9 .!?\"'()\\[\\]\n,;:-]|\u{201c}|\u{201d}|\u{2018}|\u{2019}|\u{a0}|\u{3000}|é|É|Ω|ß|…){0,60}"
        ) {
            proptest::prop_assert_eq!(sentences(&text), sentences_by_char(&text), "{:?}", text);
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_norm_is_lowercase_without_possessive(raw in "[a-zA-Z0-9_.:']{1,12}") {
            let mut want = raw.to_ascii_lowercase();
            if want.len() > 3 && want.ends_with("'s") {
                want.truncate(want.len() - 2);
            }
            proptest::prop_assert_eq!(fold_ascii(&raw, true, true, None), want.as_str());
        }
    }

    #[test]
    fn sentence_table() {
        for (text, want) in [
            (
                "We don't agree. It is not necessary.",
                vec!["We don't agree.", "It is not necessary."],
            ),
            (
                "U.S. guards will stay. No.",
                vec!["U.S. guards will stay.", "No."],
            ),
            (
                "We rode the L.A. tram. Dr. Lee and Gov. Ode met J. Smith. Then A.",
                vec![
                    "We rode the L.A. tram.",
                    "Dr. Lee and Gov. Ode met J. Smith.",
                    "Then A.",
                ],
            ),
            (
                "the canals... there are none? \"Yes,\" he said.",
                vec!["the canals... there are none?", "\"Yes,\" he said."],
            ),
            (
                "It rose 3.5 percent. Then it fell",
                vec!["It rose 3.5 percent.", "Then it fell"],
            ),
            ("one\n\ntwo", vec!["one", "two"]),
            (
                "Done!\u{201d} She left.",
                vec!["Done!\u{201d}", "She left."],
            ),
        ] {
            let got: Vec<&str> = sentences(text).iter().map(|&(a, b)| &text[a..b]).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn sentences_cover_text() {
        let text = "We don't like the plan. Mainly because it's not needed.  ";
        let s = sentences(text);
        assert_eq!(s.len(), 2);
        assert_eq!(&text[s[0].0..s[0].1], "We don't like the plan.");
    }

    #[test]
    fn marks_are_the_chars_but_white_space() {
        let text = "\u{201c}Yes,\u{201d} she said \u{2014}\tno.\r\n(ok)\u{a0}!";
        let got: Vec<_> = marks(text, 0, text.len()).map(|m| m.ch).collect();
        let want = "\u{201c}Yes,\u{201d}shesaid\u{2014}no.\n(ok)!";
        assert_eq!(got.into_iter().collect::<String>(), want);
        // Offsets count from the text's start, the range's start skipped to.
        let dash = text.find('\u{2014}').unwrap_or(0);
        let m: Vec<_> = marks(text, dash - 1, text.len()).take(2).collect();
        assert_eq!(
            m[0],
            Mark {
                start: dash,
                ch: '\u{2014}'
            }
        );
        assert_eq!(
            m[1],
            Mark {
                start: dash + 4,
                ch: 'n'
            }
        );
    }

    proptest::proptest! {
        /// Word tokens and the marks between them hold every char of the
        /// text that is no white space, each once, in order (so a gap
        /// holds no letter or digit).
        #[test]
        fn words_and_gap_marks_cover_the_text(
            text in "([a-zA-Z0-9 .,;:'_!?()\"\t\n-]|\u{a0}|\u{202f}|\u{2019}|\u{201c}|\u{301}|\u{ad}|\u{200d}|\u{3000}|\u{1f600}|é|日|٣|א){0,40}"
        ) {
            let mut got = String::new();
            let mut at = 0;
            for t in words(&text) {
                got.extend(marks(&text, at, t.start).map(|m| m.ch));
                proptest::prop_assert!(!text[at..t.start].chars().any(char::is_alphanumeric));
                got.extend(t.raw.chars().filter(|c| !c.is_whitespace()));
                at = t.end;
            }
            got.extend(marks(&text, at, text.len()).map(|m| m.ch));
            let want: String = text.chars().filter(|&c| c == '\n' || !c.is_whitespace()).collect();
            proptest::prop_assert_eq!(got, want, "{:?}", text);
        }
    }

    #[test]
    fn stem_is_cached_and_stable() {
        assert_eq!(stem("strikes"), "strike");
        assert_eq!(stem("strikes"), "strike");
        assert_eq!(stem("troops"), "troop");
    }
}

/// A byte range `start..end` into one field of a statement, always on `char`
/// boundaries of that field.
///
/// # Examples
/// ```
/// use gainsay::Span;
/// let text = "ruled out, entirely ruled out";
/// let span = Span::new(0, 9);
/// assert_eq!(span.slice(text), Some("ruled out"));
/// assert_eq!(Span::new(3, 99).slice(text), None);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    ///
    /// # Examples
    /// ```
    /// let s = gainsay::Span::new(4, 7);
    /// assert_eq!((s.start, s.end, s.len()), (4, 7, 3));
    /// ```
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The slice of `s` this span covers, or `None` when it does not fit `s`
    /// or cuts a character.
    ///
    /// # Examples
    /// ```
    /// use gainsay::Span;
    /// assert_eq!(Span::new(0, 3).slice("Él"), Some("Él"));
    /// assert_eq!(Span::new(0, 1).slice("Él"), None); // not on a char boundary
    /// assert_eq!(Span::new(2, 9).slice("Él"), None); // out of bounds
    /// ```
    pub fn slice<'s>(&self, s: &'s str) -> Option<&'s str> {
        if self.start > self.end {
            return None;
        }
        s.get(self.start..self.end)
    }

    /// Length in bytes.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(gainsay::Span::new(2, 5).len(), 3);
    /// ```
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    ///
    /// # Examples
    /// ```
    /// assert!(gainsay::Span::new(3, 3).is_empty() && !gainsay::Span::new(3, 4).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
