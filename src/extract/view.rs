//! The article scanner's view of the article's word tokens
//! ([`crate::text::words`], cut once per article): the extraction tokens
//! ([`Tok`]) of one line, read in one linear pass over the word tokens and
//! the marks between them ([`crate::text::marks`]).
//!
//! An extraction word is a run of letters and digits that goes on through a
//! joiner with a letter or digit after it (an inner apostrophe, hyphen or
//! dot: "don't", "co-op", "U.S"), and through a comma between ASCII digits
//! ("80,000"). So the view joins two word tokens when the gap between them
//! is one joiner that joins ("co" "-" "op"), and parts a word token at an
//! inner char that joins nothing here ("a:b", "1;2", "e" and a combining
//! mark, a narrow no-break space). A word token of letters and digits only
//! is taken whole, its folded form with it. Every other char that is no
//! white space is a mark token; typewriter quotation marks (``…'') are one.

use super::lex::{class, ExtractLexicon, WordInfo};
use super::scan::{Kind, Mark, Tok};
use crate::text::{self, Token};

/// The extraction word being read: where it starts and ends so far.
#[derive(Debug, Clone, Copy)]
struct Open {
    start: usize,
    end: usize,
    /// A dot joined two of its parts ("U.S").
    dotted: bool,
    /// The word token it is, while it is exactly one clean token (letters
    /// and digits only): its folded form is then that token's.
    single: Option<usize>,
}

/// The view being built over one article, one line at a time.
pub(super) struct View<'v, 'a> {
    lex: &'v ExtractLexicon,
    text: &'a str,
    /// The article's word tokens, cut from `text[base..]`.
    words: &'v [Token<'a>],
    base: usize,
    /// The next word token to read.
    next: usize,
    /// The end of the current line: no char at or past it is looked at.
    to: usize,
    open: Option<Open>,
    /// A mark before this byte was read already (the second of a doubled
    /// typewriter quotation mark).
    skip_to: usize,
    buf: String,
}

/// True for a char that joins the two parts of a word when a letter or a
/// digit follows it (a comma only between ASCII digits).
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '.' | ','
    )
}

/// What the mark `c` (no letter, digit or white space but a line break) is
/// as a token: a line break, a quotation mark (‘ opens one at a word start;
/// ’ there is an apostrophe), other punctuation.
fn mark_kind(c: char) -> Kind {
    match c {
        '\n' => Kind::Newline,
        '\u{201c}' | '\u{201e}' => Kind::Quote(Mark::Open),
        '\u{201d}' => Kind::Quote(Mark::Close),
        '"' => Kind::Quote(Mark::Straight),
        '\u{2018}' => Kind::Quote(Mark::Single),
        _ => Kind::Punct(c),
    }
}

impl<'v, 'a> View<'v, 'a> {
    /// A view of `text` whose word tokens `words` were cut from
    /// `text[base..]`.
    pub fn new(
        lex: &'v ExtractLexicon,
        text: &'a str,
        words: &'v [Token<'a>],
        base: usize,
    ) -> Self {
        View {
            lex,
            text,
            words,
            base,
            next: 0,
            to: 0,
            open: None,
            skip_to: 0,
            buf: String::new(),
        }
    }

    /// Appends the tokens of the line `text[from..to]` to `out`. Lines are
    /// read in order; word tokens before `from` (a skipped line, a
    /// dateline) are passed over.
    pub fn line(&mut self, from: usize, to: usize, out: &mut Vec<Tok>) {
        self.to = to;
        while self.next < self.words.len() && self.end_of(self.next) <= from {
            self.next += 1;
        }
        let mut at = from;
        while self.next < self.words.len() && self.start_of(self.next) < to {
            let w = self.next;
            let start = self.start_of(w).max(from);
            self.gap(at, start, out);
            self.token(w, start, out);
            at = self.end_of(w);
            self.next += 1;
        }
        self.gap(at, to, out);
        self.close(None, out);
    }

    fn start_of(&self, w: usize) -> usize {
        self.base + self.words[w].start
    }

    fn end_of(&self, w: usize) -> usize {
        self.base + self.words[w].end
    }

    /// The marks between two word tokens. Most gaps are one space: they
    /// hold none, and are passed over without reading them as chars.
    fn gap(&mut self, from: usize, to: usize, out: &mut Vec<Tok>) {
        if to <= from || (to == from + 1 && self.text.as_bytes()[from] == b' ') {
            return;
        }
        for m in text::marks(self.text, from, to) {
            self.mark(m.start, m.ch, out);
        }
    }

    /// Word token `w` from byte `from` on: whole when it is letters and
    /// digits only, else char by char (its inner marks may part it).
    fn token(&mut self, w: usize, from: usize, out: &mut Vec<Tok>) {
        let (start, end) = (self.start_of(w), self.end_of(w));
        let clean = self.words[w].class & text::class::INNER_MARK == 0;
        if clean && from == start {
            self.run(start, end, Some(w), out);
            return;
        }
        for (i, c) in self.text[from..end].char_indices() {
            let at = from + i;
            if c.is_alphanumeric() {
                self.run(at, at + c.len_utf8(), None, out);
            } else if !c.is_whitespace() {
                self.mark(at, c, out);
            }
        }
    }

    /// Letters and digits at `start..end` (word token `single` when they
    /// are one whole): they go on with the word that ends at `start`, or
    /// open one.
    fn run(&mut self, start: usize, end: usize, single: Option<usize>, out: &mut Vec<Tok>) {
        if let Some(o) = self.open.as_mut() {
            if o.end == start {
                o.end = end;
                o.single = None;
                return;
            }
        }
        self.close(None, out);
        self.open = Some(Open {
            start,
            end,
            dotted: false,
            single,
        });
    }

    /// The char at byte `k` of the line, if any.
    fn char_at(&self, k: usize) -> Option<char> {
        self.text.get(k..self.to).and_then(|s| s.chars().next())
    }

    /// The mark `c` at byte `at`: it joins the word that ends right before
    /// it, or ends that word (which may keep it, [`View::close`]), or is a
    /// token of its own.
    fn mark(&mut self, at: usize, c: char, out: &mut Vec<Tok>) {
        if at < self.skip_to {
            return;
        }
        let k = at + c.len_utf8();
        match self.open {
            Some(o) if o.end == at => {
                if is_joiner(c) && self.joins(at, c) {
                    let o = self.open.as_mut().expect("open word");
                    o.end = k;
                    o.dotted |= c == '.';
                    o.single = None;
                    return;
                }
                if self.close(Some(c), out) {
                    return;
                }
            }
            _ => {
                self.close(None, out);
            }
        }
        let b = self.text.as_bytes();
        // Typewriter quotation marks: ``…'' (and ''…'').
        let doubled = matches!(c, '`' | '\'') && b.get(k) == Some(&b[at]) && k < self.to;
        if doubled {
            let mark = if c == '`' { Mark::Open } else { Mark::Straight };
            out.push(Tok::mark(at, k + 1, Kind::Quote(mark)));
            self.skip_to = k + 1;
            return;
        }
        out.push(Tok::mark(at, k, mark_kind(c)));
    }

    /// True when the joiner `c` at byte `at`, right after a word, joins it
    /// to what follows: a letter or digit (an ASCII digit on both sides of
    /// a comma).
    fn joins(&self, at: usize, c: char) -> bool {
        let next = self.char_at(at + c.len_utf8());
        match c {
            ',' => {
                self.text.as_bytes()[at - 1].is_ascii_digit()
                    && next.is_some_and(|n| n.is_ascii_digit())
            }
            _ => next.is_some_and(char::is_alphanumeric),
        }
    }

    /// Ends the open word, if any, before the mark `d` right after it
    /// (`None`: white space or the line's end), and pushes it. The word
    /// keeps a final dot when it has inner dots ("U.S.") or is a
    /// capitalized abbreviation or initial inside a name ("Acme Inc.", "Ada
    /// J. Vos": the abbreviation dot, not part of the folded word); a plural
    /// possessive keeps its apostrophe ("the farmers’ union"). True when
    /// the word kept `d`.
    fn close(&mut self, d: Option<char>, out: &mut Vec<Tok>) -> bool {
        let Some(o) = self.open.take() else {
            return false;
        };
        let (j, b) = (o.end, self.text.as_bytes());
        let mut end = j;
        let mut abbr_dot = false;
        if let Some(d) = d {
            let k = j + d.len_utf8();
            if d == '.' && o.dotted {
                end = k;
            } else if d == '.' && name_abbreviation(self.lex, &self.text[o.start..j], &mut self.buf)
            {
                abbr_dot = true;
                end = k;
            }
            let possessive = matches!(d, '\'' | '\u{2019}')
                && b[j - 1] == b's'
                && b.get(k) == Some(&b' ')
                && b.get(k + 1).is_some_and(u8::is_ascii_lowercase)
                && k + 1 < self.to;
            if possessive {
                end = k;
            }
        }
        let tok = self.word(o, end, abbr_dot);
        out.push(tok);
        end > j
    }

    /// The word `o`, ended at byte `end`, read with the lexicon: its folded
    /// form (lowercase, ASCII apostrophes; a single clean token's own) is
    /// looked up, and a pronoun's contraction reads as the pronoun.
    fn word(&mut self, o: Open, end: usize, abbr_dot: bool) -> Tok {
        let raw = &self.text[o.start..end - usize::from(abbr_dot)];
        let own = o.single.map(|w| &self.words[w]).filter(|t| {
            t.raw.len() == raw.len() && t.class & text::class::POSSESSIVE == 0 && raw.is_ascii()
        });
        let folded: &str = match own {
            Some(t) => t.norm(),
            None => {
                fold_word(raw, &mut self.buf);
                &self.buf
            }
        };
        let mut info = self.lex.info(folded);
        if info.class == 0 && info.verb.is_none() {
            info = contraction(self.lex, folded).unwrap_or_default();
        }
        Tok {
            start: o.start,
            end,
            kind: Kind::Word,
            info,
            cap: raw.chars().next().is_some_and(char::is_uppercase),
            ly: folded.len() > 4 && folded.ends_with("ly"),
            dotted: o.dotted,
        }
    }
}

/// `raw` folded as the extraction lexicon holds its words: lowercase, with
/// ASCII apostrophes (diacritics kept).
fn fold_word(raw: &str, buf: &mut String) {
    buf.clear();
    for ch in raw.chars() {
        match ch {
            '\u{2019}' => buf.push('\''),
            _ if ch.is_ascii() => buf.push(ch.to_ascii_lowercase()),
            _ => buf.extend(ch.to_lowercase()),
        }
    }
}

/// A pronoun with a contracted auxiliary ("you'd", "we've", "they're")
/// reads as the pronoun, so it is resolved like one and never output as a
/// name. `folded` is lowercase with ASCII apostrophes.
pub(super) fn contraction(lex: &ExtractLexicon, folded: &str) -> Option<WordInfo> {
    let (head, tail) = folded.split_once('\'')?;
    let info = lex.info(head);
    let clitic = matches!(tail, "d" | "ve" | "re" | "ll" | "m" | "s");
    (clitic && info.class & (class::PRON | class::OPRON) != 0).then_some(info)
}

/// A capitalized abbreviation of the lexicon's `abbr` line ("Inc", "Mr",
/// "Rep") or a single capital letter (an initial, "J"): its period belongs
/// to the word, so a name reads on through it ("Benjamin J. Holm").
pub(super) fn name_abbreviation(lex: &ExtractLexicon, raw: &str, buf: &mut String) -> bool {
    let mut chars = raw.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    if chars.next().is_none() {
        return true;
    }
    buf.clear();
    buf.extend(raw.chars().flat_map(char::to_lowercase));
    lex.is_abbreviation(buf)
}

#[cfg(test)]
mod tests {
    use super::super::scan::{self, Kind, Mark, Tok};
    use super::View;
    use crate::lexicon::Lexicon;

    /// The tokens of `text` as `(slice, kind)`, words as `Kind::Word`:
    /// every line read by the view (no line is left out as a heading).
    fn toks(text: &str) -> Vec<(&str, Kind)> {
        let words = crate::text::words(text);
        let mut view = View::new(&Lexicon::shipped().extract, text, &words, 0);
        let mut out = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            view.line(at, at + line.len(), &mut out);
            at += line.len();
            if at < text.len() {
                out.push(Tok::mark(at, at + 1, Kind::Newline));
                at += 1;
            }
        }
        out.iter()
            .map(|t| (&text[t.start..t.end], t.kind))
            .collect()
    }

    /// `f` of the scan of `text`, lines `skip` holds left out.
    fn with_doc<R>(
        text: &str,
        skip: &dyn Fn(usize, usize) -> bool,
        f: impl FnOnce(&scan::Doc<'_>) -> R,
    ) -> R {
        let lower = scan::lower_from(text, 0);
        f(&scan::scan(Lexicon::shipped(), text, &lower, 0, skip))
    }

    /// The word tokens of `text`, as written.
    fn words(text: &str) -> Vec<&str> {
        toks(text)
            .into_iter()
            .filter(|t| t.1 == Kind::Word)
            .map(|t| t.0)
            .collect()
    }

    #[test]
    fn hyphens_join_the_parts_of_a_word() {
        let w = words("Orla Venn runs a co-op in a well\u{2011}lit hall - for now.");
        assert_eq!(
            w,
            [
                "Orla",
                "Venn",
                "runs",
                "a",
                "co-op",
                "in",
                "a",
                "well\u{2011}lit",
                "hall",
                "for",
                "now"
            ]
        );
        // A hyphen with a space beside it is a mark of its own.
        assert!(toks("hall - for").contains(&("-", Kind::Punct('-'))));
    }

    #[test]
    fn initials_and_abbreviations_keep_their_dot() {
        let t = toks("Ada J. Vos of Brelm Inc. left. She was here.");
        let w = words("Ada J. Vos of Brelm Inc. left. She was here.");
        assert_eq!(
            w,
            ["Ada", "J.", "Vos", "of", "Brelm", "Inc.", "left", "She", "was", "here"]
        );
        // The dot after "left" is a mark; the abbreviation dot is not.
        assert_eq!(t.iter().filter(|t| t.1 == Kind::Punct('.')).count(), 2);
        with_doc("Brelm Inc. left.", &|_, _| false, |doc| {
            assert!(doc.toks[1].is(super::class::ABBR), "{:?}", doc.toks[1]);
            assert_eq!(doc.toks[1].end - doc.toks[1].start, 4);
        });
        // A lowercase word keeps no dot.
        assert_eq!(words("it is fine. Then"), ["it", "is", "fine", "Then"]);
    }

    #[test]
    fn a_dotted_word_keeps_its_final_dot() {
        with_doc("The U.S. envoy left.", &|_, _| false, |doc| {
            let us = doc.toks[1];
            assert_eq!(&doc.text[us.start..us.end], "U.S.");
            assert!(us.dotted && us.cap);
        });
        assert_eq!(
            words("a 3.5 rise, e.g. now"),
            ["a", "3.5", "rise", "e.g.", "now"]
        );
    }

    #[test]
    fn a_plural_possessive_keeps_its_apostrophe() {
        assert_eq!(
            words("the millers\u{2019} guild"),
            ["the", "millers\u{2019}", "guild"]
        );
        assert_eq!(words("the millers' guild"), ["the", "millers'", "guild"]);
        // Before a capital, or with no space after it, it is a mark.
        assert_eq!(words("the millers' Guild"), ["the", "millers", "Guild"]);
        assert_eq!(
            words("Tam's boat, he'd say"),
            ["Tam's", "boat", "he'd", "say"]
        );
    }

    #[test]
    fn a_comma_joins_digits_only() {
        let t = toks("about 12,500 sheep, 3,cows and 4, 5");
        let w = words("about 12,500 sheep, 3,cows and 4, 5");
        assert_eq!(
            w,
            ["about", "12,500", "sheep", "3", "cows", "and", "4", "5"]
        );
        assert_eq!(t.iter().filter(|t| t.1 == Kind::Punct(',')).count(), 3);
    }

    #[test]
    fn typewriter_quotes_are_one_mark() {
        let t = toks("``We will sail,'' said Oren Kalt.");
        assert_eq!(t[0], ("``", Kind::Quote(Mark::Open)));
        assert!(t.contains(&("''", Kind::Quote(Mark::Straight))));
        assert!(t.contains(&("sail", Kind::Word)));
    }

    #[test]
    fn curly_quotes_and_apostrophes() {
        let t =
            toks("\u{201c}No,\u{201d} she said. \u{2018}Maybe\u{2019} \u{201e}ja\u{201d} \"so\"");
        let marks: Vec<_> = t
            .iter()
            .filter(|t| t.1 != Kind::Word)
            .map(|t| t.1)
            .collect();
        assert_eq!(
            marks,
            [
                Kind::Quote(Mark::Open),
                Kind::Punct(','),
                Kind::Quote(Mark::Close),
                Kind::Punct('.'),
                Kind::Quote(Mark::Single),
                Kind::Punct('\u{2019}'),
                Kind::Quote(Mark::Open),
                Kind::Quote(Mark::Close),
                Kind::Quote(Mark::Straight),
                Kind::Quote(Mark::Straight),
            ]
        );
        // Inside a word ’ is an apostrophe.
        assert_eq!(words("it\u{2019}s fine"), ["it\u{2019}s", "fine"]);
    }

    #[test]
    fn line_breaks_are_tokens() {
        let text = "One line.\r\nTwo\n\nthree";
        let t = toks(text);
        let breaks: Vec<_> = t.iter().filter(|t| t.1 == Kind::Newline).collect();
        assert_eq!(breaks.len(), 3);
        assert_eq!(words(text), ["One", "line", "Two", "three"]);
    }

    #[test]
    fn inner_marks_that_join_nothing_part_a_word_token() {
        // One word token each for the tokenizer; two words here.
        assert_eq!(words("ratio a:b"), ["ratio", "a", "b"]);
        assert_eq!(words("1;2 snake_case"), ["1", "2", "snake", "case"]);
        assert_eq!(words("60\u{202f}000 people"), ["60", "000", "people"]);
        // Two word tokens, one word here.
        assert_eq!(words("日本 a3.b"), ["日本", "a3.b"]);
    }

    #[test]
    fn a_dateline_and_left_out_lines_are_passed_over() {
        let text = "HARLOW -- The pier shut.\nBy ANA VOS\n\nIt reopened.";
        let read = |skip: &dyn Fn(usize, usize) -> bool| {
            with_doc(text, skip, |doc| {
                let w = doc.toks.iter().filter(|t| t.is_word());
                w.map(|t| &text[t.start..t.end]).collect::<Vec<_>>()
            })
        };
        assert_eq!(
            read(&|_, _| false),
            ["The", "pier", "shut", "It", "reopened"]
        );
        assert_eq!(read(&|a, _| a == 0), ["It", "reopened"]);
    }

    /// The view's tokens and the reference char tokenizer's
    /// ([`super::super::view_reference`]) for `text`, its words cut from
    /// byte `base` on, with the lines whose bit is set in `skip` left out
    /// and each other line read from `lead` bytes in.
    fn both(text: &str, base: usize, skip: u32, lead: usize) -> (String, String) {
        let lx = &Lexicon::shipped().extract;
        let at_char = |mut k: usize| {
            while !text.is_char_boundary(k) {
                k += 1;
            }
            k
        };
        let base = at_char(base.min(text.len()));
        let words = crate::text::words(&text[base..]);
        let mut view = View::new(lx, text, &words, base);
        let (mut got, mut want, mut buf) = (Vec::new(), Vec::new(), String::new());
        let mut at = 0;
        for (n, line) in text.split('\n').enumerate() {
            let end = at + line.len();
            let from = at_char((at.max(base) + lead).min(end));
            if skip >> (n % 32) & 1 == 0 && from <= end {
                view.line(from, end, &mut got);
                super::super::view_reference::tokenize(lx, text, from, end, &mut want, &mut buf);
            }
            at = end + 1;
        }
        (format!("{got:?}"), format!("{want:?}"))
    }

    proptest::proptest! {
        #[test]
        fn view_matches_char_tokenizer(
            text in "([a-zA-Z0-9 .,;:'_!?()\"`\t\n\r/-]|s |Inc|J|\u{a0}|\u{202f}|\u{2019}|\u{2018}|\u{201c}|\u{201d}|\u{201e}|\u{2010}|\u{2011}|\u{2014}|\u{301}|\u{ad}|\u{200d}|\u{3000}|\u{1f600}|\u{1f1e6}|é|É|ß|日|ｶ|٣|א|\u{5f4}|\u{b7}|\u{2024}|\u{fe0f}){0,48}",
            base in 0usize..4,
            skip in proptest::prelude::any::<u32>(),
            lead in 0usize..3,
        ) {
            let (got, want) = both(&text, base, skip, lead);
            proptest::prop_assert_eq!(got, want, "{:?}", text);
        }
    }

    #[test]
    fn view_matches_char_tokenizer_on_invented_lines() {
        let text = "Ada J. Vos of Brelm Inc. said the U.S. co-op\u{2019}s 12,500 members' \
                    ``votes'' \u{201c}count\u{201d} \u{2018}here\u{2019}, e.g. 3.a a:b 1;2 \
                    60\u{202f}000 \u{65e5}\u{672c} snake_case.\nBy ANA VOS\n\nIt\u{2019}s done.";
        for skip in [0, 1, 2, 5] {
            for lead in [0, 1, 4] {
                let (got, want) = both(text, 0, skip, lead);
                assert_eq!(got, want, "skip {skip} lead {lead}");
            }
        }
    }
}
