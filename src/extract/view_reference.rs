//! The char tokenizer the article scanner's view ([`super::view`])
//! replaced, kept as the reference the view's property test holds it to:
//! the view must give the same tokens, char for char.

use super::lex::ExtractLexicon;
use super::scan::{Kind, Mark, Tok};
use super::view::{contraction, name_abbreviation};

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Cuts `text[from..to]` into tokens, appended to `out`: words
/// ([`word_token`]), typewriter quotation marks (``…''), and one token per
/// other mark; spaces are dropped.
pub(super) fn tokenize(
    lex: &ExtractLexicon,
    text: &str,
    from: usize,
    to: usize,
    out: &mut Vec<Tok>,
    buf: &mut String,
) {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < to {
        let b = bytes[i];
        if b == b' ' || b == b'\t' || b == b'\r' {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if is_word_char(c) {
            let tok = word_token(lex, text, i, to, buf);
            i = tok.end;
            out.push(tok);
            continue;
        }
        // Typewriter quotation marks: ``…'' (and ''…'').
        let doubled = matches!(b, b'`' | b'\'') && bytes.get(i + 1) == Some(&b) && i + 1 < to;
        if doubled {
            let mark = if b == b'`' {
                Mark::Open
            } else {
                Mark::Straight
            };
            out.push(Tok::mark(i, i + 2, Kind::Quote(mark)));
            i += 2;
            continue;
        }
        let len = c.len_utf8();
        if let Some(kind) = mark_kind(c) {
            out.push(Tok::mark(i, i + len, kind));
        }
        i += len;
    }
}

/// What the char `c` (no word char, no space or tab) is as a token: a line
/// break, a quotation mark (‘ opens one at a word start; ’ there is an
/// apostrophe), other punctuation; `None` for other whitespace.
fn mark_kind(c: char) -> Option<Kind> {
    Some(match c {
        '\n' => Kind::Newline,
        '\u{201c}' | '\u{201e}' => Kind::Quote(Mark::Open),
        '\u{201d}' => Kind::Quote(Mark::Close),
        '"' => Kind::Quote(Mark::Straight),
        '\u{2018}' => Kind::Quote(Mark::Single),
        _ if c.is_whitespace() => return None,
        _ => Kind::Punct(c),
    })
}

/// The word starting at byte `start` (a word char) and ending by `to`, read
/// with the lexicon: [`word_end`] finds where it stops, its folded form is
/// looked up (a pronoun's contraction reads as the pronoun).
fn word_token(lex: &ExtractLexicon, text: &str, start: usize, to: usize, buf: &mut String) -> Tok {
    let (j, dotted, abbr_dot) = word_end(lex, text, start, to, buf);
    let raw = &text[start..j - usize::from(abbr_dot)];
    buf.clear();
    for ch in raw.chars() {
        match ch {
            '\u{2019}' => buf.push('\''),
            _ if ch.is_ascii() => buf.push(ch.to_ascii_lowercase()),
            _ => buf.extend(ch.to_lowercase()),
        }
    }
    let mut info = lex.info(buf);
    if info.class == 0 && info.verb.is_none() {
        info = contraction(lex, buf).unwrap_or_default();
    }
    Tok {
        start,
        end: j,
        kind: Kind::Word,
        info,
        cap: raw.chars().next().is_some_and(char::is_uppercase),
        ly: buf.len() > 4 && buf.ends_with("ly"),
        dotted,
    }
}

/// Where the word at `start` ends: `(end, dotted, abbreviation dot)`. Word
/// chars run on through a joiner with a word char after it (an inner
/// apostrophe, hyphen or dot: "don't", "co-op", "U.S"), and through a comma
/// between digits ("80,000"). A word with inner dots keeps its final dot
/// ("U.S."), and so does a capitalized abbreviation or initial inside a
/// name ("Acme Inc.", "Ada J. Vos": the abbreviation dot, not part of the
/// folded word); a plural possessive keeps its apostrophe ("the farmers’
/// union").
fn word_end(
    lex: &ExtractLexicon,
    text: &str,
    start: usize,
    to: usize,
    buf: &mut String,
) -> (usize, bool, bool) {
    let bytes = text.as_bytes();
    let first = text[start..].chars().next().map_or(1, char::len_utf8);
    let (mut j, mut dotted, mut abbr_dot) = (start + first, false, false);
    while j < to {
        let d = text[j..].chars().next().unwrap_or(' ');
        if is_word_char(d) {
            j += d.len_utf8();
            continue;
        }
        let joiner = matches!(
            d,
            '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '.' | ','
        );
        if !joiner {
            break;
        }
        let k = j + d.len_utf8();
        let next = text[k..to].chars().next();
        let ok = match d {
            ',' => bytes[j - 1].is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
            _ => next.is_some_and(is_word_char),
        };
        if ok {
            dotted |= d == '.';
            j = k;
            continue;
        }
        if d == '.' && dotted {
            j = k;
        } else if d == '.' && name_abbreviation(lex, &text[start..j], buf) {
            abbr_dot = true;
            j = k;
        }
        let possessive = matches!(d, '\'' | '\u{2019}')
            && bytes[j - 1] == b's'
            && bytes.get(k) == Some(&b' ')
            && bytes.get(k + 1).is_some_and(u8::is_ascii_lowercase)
            && k + 1 < to;
        if possessive {
            j = k;
        }
        break;
    }
    (j, dotted, abbr_dot)
}
