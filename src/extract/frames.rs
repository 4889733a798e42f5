//! Speech frames: who says what, found around reporting verbs, quotation
//! marks and "according to". Each search looks at a bounded window of tokens
//! around its anchor, so the whole pass stays linear in the article.

use super::lex::{class, VerbKind};
use super::scan::{Doc, Kind, Mark, Tok};

/// A speaker phrase: a token range `[a, b)` of the article, or a pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Speaker {
    pub a: usize,
    pub b: usize,
}

/// A found statement before pronouns are resolved.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// Byte range of the statement text.
    pub span: (usize, usize),
    /// The speaker phrase as a byte range, if any.
    pub speaker: Option<(usize, usize)>,
    /// True when the speaker is a lone pronoun.
    pub pronoun: bool,
    /// Sentence index.
    pub sentence: usize,
    /// A direct quotation (not reported speech).
    pub quote: bool,
    /// Token index of the anchor (verb or opening mark), for ordering.
    pub anchor: usize,
    /// Token index where the speaker phrase starts (for nested cuts).
    pub speaker_tok: Option<usize>,
}

const WINDOW: usize = 16;
const MAX_NAME: usize = 8;
/// Fewest words of a clause after "told" and its addressee.
const MIN_TOLD_WORDS: usize = 3;
/// Most tokens of an appositive name between commas ("grandmaster Ana Vos").
const MAX_APPOSED: usize = 6;

/// "and" or "&".
fn and_word(text: &str, t: &Tok) -> bool {
    t.raw_is(text, "and") || (t.kind == Kind::Punct('&'))
}

/// A question word opening what follows a verb: "did not say how", "had
/// not shown why". What follows is an indirect question, not a statement.
fn wh_word(text: &str, t: &Tok) -> bool {
    ["how", "why", "whether", "what", "where", "which"]
        .iter()
        .any(|w| t.raw_is(text, w))
}

/// May stand inside a speaker phrase.
fn np_word(t: &Tok) -> bool {
    t.is_word()
        && t.info.verb.is_none_or(|_| t.cap)
        && (t.info.class & (class::STOP | class::AUX | class::CONJ | class::REL | class::PRON) == 0
            || t.is(class::DET)
            || t.cap && !t.is(class::PRON | class::REL | class::CONJ | class::STOP))
        && (!t.ly || t.cap)
}

/// True for a word that may stand between a speaker and the verb.
fn skippable(t: &Tok) -> bool {
    t.is_word() && !t.cap && (t.is(class::AUX) || t.ly)
}

pub(crate) struct Frames<'d, 'a> {
    doc: &'d Doc<'a>,
    direct: Vec<bool>,
}

impl<'d, 'a> Frames<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>) -> Self {
        let mut f = Frames {
            doc,
            direct: vec![false; doc.regions.len()],
        };
        for r in 0..doc.regions.len() {
            f.direct[r] = f.is_direct(r);
        }
        f
    }

    fn toks(&self) -> &[Tok] {
        &self.doc.toks
    }

    /// True when token `i` is inside a direct quotation.
    pub fn in_direct(&self, i: usize) -> bool {
        self.doc.region_of[i].is_some_and(|r| self.direct[r as usize])
    }

    /// Leftward speaker phrase ending at token `end` (inclusive), within `lo..`.
    fn name_left(&self, end: usize, lo: usize) -> Option<Speaker> {
        let t = self.toks();
        if t[end].is(class::PRON) && t[end].is_word() {
            return Some(Speaker { a: end, b: end + 1 });
        }
        let mut a = end + 1;
        let mut k = end as isize;
        let mut seen_cap = false;
        while k >= lo as isize && end + 1 - (k as usize) <= MAX_NAME {
            let tk = &t[k as usize];
            let link = tk.is(class::LINK)
                && !tk.cap
                && k as usize > lo
                && (t[k as usize - 1].cap || t[k as usize - 1].is(class::GROUP | class::TITLE))
                && t[k as usize + 1].cap;
            // "and" between capitals inside an organisation's name: "the
            // Bakers and Allied Workers Union".
            let link = link
                || (and_word(self.doc.text, tk)
                    && k as usize > lo
                    && t[k as usize - 1].cap
                    && t[k as usize + 1].cap
                    && t[end].is(class::ORG));
            let plain = !tk.cap && !tk.is(class::DET | class::GROUP | class::TITLE | class::ORG);
            let at_end = k as usize == end;
            // Lowercase words only as the head, or as modifiers of a
            // role head ("a senior official"), never before a name.
            let head_role = t[end].is(class::GROUP | class::TITLE | class::ORG);
            if plain && !link && !at_end && (seen_cap || !head_role) {
                break;
            }
            seen_cap |= tk.cap;
            // A document noun spelled like a verb heads the phrase: "the report said".
            let doc_noun =
                at_end && tk.info.verb.is_some() && !tk.info.participle && k as usize > lo && {
                    let p = &t[k as usize - 1];
                    p.is(class::DET) || (p.cap && !p.is(class::STOP))
                };
            if np_word(tk) || link || doc_noun {
                a = k as usize;
                k -= 1;
            } else {
                break;
            }
        }
        // A phrase does not start with a link word.
        while a <= end && t[a].is(class::LINK) && !t[a].cap {
            a += 1;
        }
        (a <= end && self.has_head(a, end + 1)).then_some(Speaker { a, b: end + 1 })
    }

    /// A phrase needs a capitalized word, a group noun, a title word or a
    /// document noun after a determiner ("a new report").
    fn has_head(&self, a: usize, b: usize) -> bool {
        let t = &self.toks()[a..b];
        t.iter()
            .any(|t| (t.cap && !t.is(class::DET)) || t.is(class::GROUP | class::TITLE | class::ORG))
            || (t.len() >= 2 && t[0].is(class::DET) && t[t.len() - 1].info.verb.is_some())
    }

    /// Rightward speaker phrase from token `a`, up to `hi`.
    fn name_right(&self, a: usize, hi: usize) -> Option<Speaker> {
        self.name_right_tail(a, hi, false)
    }

    /// Like [`Self::name_right`]; with `tail`, one lowercase noun may close
    /// the phrase before a comma or the end ("according to city data, …").
    fn name_right_tail(&self, a: usize, hi: usize, tail: bool) -> Option<Speaker> {
        let t = self.toks();
        if a >= hi {
            return None;
        }
        if t[a].is(class::PRON) {
            return Some(Speaker { a, b: a + 1 });
        }
        let mut b = a;
        let mut seen_cap = false;
        while b < hi && b - a < MAX_NAME {
            let tk = &t[b];
            let link = tk.is(class::LINK)
                && !tk.cap
                && b > a
                && (t[b - 1].cap || t[b - 1].is(class::GROUP | class::TITLE))
                && b + 1 < hi
                && t[b + 1].cap;
            let plain = !tk.cap && !tk.is(class::DET | class::GROUP | class::TITLE | class::ORG);
            // One lowercase noun may close a phrase of names before a comma
            // or the end: "according to the city data, …".
            let closes = b + 1 >= hi
                || matches!(t[b + 1].kind, Kind::Punct(',' | '.' | ';') | Kind::Newline);
            if tail
                && seen_cap
                && plain
                && !link
                && closes
                && tk.info.verb.is_none()
                && !tk.ly
                && np_word(tk)
            {
                b += 1;
                break;
            }
            if seen_cap && plain && !link {
                break;
            }
            if np_word(tk) || link {
                seen_cap |= tk.cap;
                b += 1;
            } else if tk.info.verb.is_some()
                && !tk.info.participle
                && b > a
                && !seen_cap
                && !t[b - 1].is(class::GROUP | class::TITLE | class::ORG)
            {
                // "a new report": a document noun ends the phrase.
                b += 1;
                break;
            } else {
                break;
            }
        }
        (b > a && self.has_head(a, b)).then_some(Speaker { a, b })
    }

    /// A role phrase and the name after its comma are one speaker when the
    /// name closes the sentence: "said the company's chief, Ana Vos."
    fn apposed_right(&self, sp: Speaker) -> Speaker {
        let t = self.toks();
        if sp.b + 1 >= t.len() || !t[sp.b].punct(',') {
            return sp;
        }
        let hi = (sp.b + 1 + MAX_APPOSED).min(t.len());
        let Some(name) = self.name_right(sp.b + 1, hi) else {
            return sp;
        };
        let caps = t[name.a..name.b].iter().all(|x| x.cap);
        let closes = t
            .get(name.b)
            .is_none_or(|x| x.terminal() || x.kind == Kind::Newline || x.punct(','));
        if caps && closes {
            Speaker { a: sp.a, b: name.b }
        } else {
            sp
        }
    }

    /// The speaker of a reporting verb at `v`: (speaker, first token of the
    /// words between speaker and verb). `s0` is the sentence start.
    fn subject(&self, v: usize, s0: usize, subj: Option<Speaker>) -> Option<(Speaker, usize)> {
        let t = self.toks();
        let mut j = v;
        loop {
            while j > s0 && skippable(&t[j - 1]) {
                j -= 1;
            }
            // A time phrase between speaker and verb: "X on Thursday said".
            let mut k = j;
            while k > s0 && t[k - 1].is(class::TIME) {
                k -= 1;
            }
            // … and the preposition before it ("on", "in", "at").
            if k < j
                && k > s0
                && !t[k - 1].cap
                && (t[k - 1].is(class::LINK) || t[k - 1].raw_is(self.doc.text, "on"))
            {
                k -= 1;
            }
            if k == j || k == s0 {
                break;
            }
            j = k;
        }
        let first_between = j;
        if j == s0 {
            return None;
        }
        let p = j - 1;
        let pt = &t[p];
        if pt.is(class::CONJ) {
            return subj.map(|s| (s, first_between));
        }
        if pt.punct(',') {
            // "Name, an appositive, said" / "Name, however, has said".
            let lo = p.saturating_sub(WINDOW).max(s0);
            let prev = (lo..p).rev().find(|&k| t[k].punct(','))?;
            if prev == s0 {
                return None;
            }
            // "The promoter, Ana Diaz, said", "A spokesman for the insurer,
            // Calder Mutual, said": a role phrase without a name of its
            // own, and the name beside it, which is the speaker.
            let Some(head) = self.name_left(prev - 1, s0) else {
                let name = self.name_left(p - 1, prev + 1)?;
                let named = t[name.a..name.b].iter().any(|x| x.cap && !x.is(class::DET))
                    && p - prev <= MAX_APPOSED;
                return named.then_some((name, first_between));
            };
            // "Ambassador to Ruritania, Ana Diaz, said": a title phrase and
            // the name it stands beside are one speaker.
            let apposed = &t[prev + 1..p];
            let name = !apposed.is_empty()
                && apposed.len() <= 4
                && apposed
                    .iter()
                    .all(|x| x.is_word() && x.cap && !x.is(class::STOP));
            if name && t[head.a..head.b].iter().any(|x| x.is(class::TITLE)) {
                return Some((Speaker { a: head.a, b: p }, first_between));
            }
            return Some((head, first_between));
        }
        if pt.is(class::REL) && !pt.cap {
            let mut q = p;
            if q > s0 && t[q - 1].punct(',') {
                q -= 1;
            }
            if q == s0 {
                return None;
            }
            return self.name_left(q - 1, s0).map(|s| (s, first_between));
        }
        self.name_left(p, s0).map(|s| (s, first_between))
    }

    /// The first name phrase in tokens `[s0, s1)` that `fits` (a person,
    /// for an unframed quotation that follows the sentence).
    pub fn name_in(&self, s0: usize, s1: usize, fits: impl Fn(Speaker) -> bool) -> Option<Speaker> {
        let t = self.toks();
        let mut k = s0;
        while k < s1 {
            if t[k].is_word() && t[k].cap && !t[k].is(class::STOP | class::DET | class::PRON) {
                if let Some(sp) = self.name_right(k, s1) {
                    if fits(sp) {
                        return Some(sp);
                    }
                    k = sp.b.max(k + 1);
                    continue;
                }
            }
            k += 1;
        }
        None
    }

    /// The subject phrase opening sentence `[s0, s1)`, skipping a leading
    /// conjunction.
    pub fn opening_subject(&self, s0: usize, s1: usize) -> Option<Speaker> {
        let t = self.toks();
        let mut a = s0;
        while a < s1 && (t[a].is(class::CONJ) || t[a].kind == Kind::Newline) {
            a += 1;
        }
        self.name_right(a, s1)
    }

    /// Is quotation `r` a statement of its own (not a scare quote inside
    /// reported speech)?
    fn is_direct(&self, r: usize) -> bool {
        let reg = self.doc.regions[r];
        let t = self.toks();
        let words = t[reg.open..=reg.last]
            .iter()
            .filter(|x| x.is_word())
            .count();
        if words == 0 {
            return false;
        }
        let before = (reg.open > 0).then(|| &t[reg.open - 1]);
        let starts = match before {
            None => true,
            Some(p) => {
                p.kind == Kind::Newline
                    || p.terminal()
                    || p.punct(':')
                    || (r > 0 && self.doc.regions[r - 1].close == Some(reg.open - 1))
            }
        };
        if starts {
            return true;
        }
        let comma = before.is_some_and(|p| p.punct(',') || p.punct('\u{2014}') || p.punct('('));
        words >= 3 && (comma || self.after_quote(r).is_some())
    }

    /// `"…," NAME said` or `"…," said NAME` after quotation `r`.
    fn after_quote(&self, r: usize) -> Option<Speaker> {
        let t = self.toks();
        let close = self.doc.regions[r].close?;
        let mut k = close + 1;
        if k < t.len() && t[k].punct(',') {
            k += 1;
        }
        let hi = (k + MAX_NAME + 3).min(t.len());
        if k >= hi {
            return None;
        }
        // Inverted: said NAME, or said ROLE, NAME.
        if t[k].info.verb.is_some() && !t[k].info.participle && !t[k].cap {
            let sp = self.name_right(k + 1, hi)?;
            return Some(self.apposed_right(sp));
        }
        let sp = self.name_right(k, hi)?;
        let mut v = sp.b;
        while v < hi && skippable(&t[v]) {
            v += 1;
        }
        (v < hi && t[v].is_word() && t[v].info.verb.is_some() && !t[v].info.participle)
            .then_some(sp)
    }

    /// The end of the addressee of "told" at `c`: one noun phrase, which
    /// stops before a determiner or pronoun that opens the clause, or
    /// where capitals begin or end ("told reporters the port …", "told the
    /// Daily Courier it …").
    fn addressee_end(&self, c: usize, s1: usize) -> usize {
        let t = self.toks();
        let mut k = c;
        while k < s1 && t[k].is_word() && !t[k].is(class::PRON) {
            if k > c {
                let p = &t[k - 1];
                let after_det = k - 1 == c && p.is(class::DET | class::OPRON);
                if t[k].is(class::DET) || (t[k].cap != p.cap && !after_det) {
                    break;
                }
            }
            k += 1;
        }
        k
    }

    /// Tokens `[c, s1)` after a reporting verb are only where, when and how
    /// it was said, never what: "… said in a statement on Tuesday.", "…
    /// told reporters at the port." Each group opens with a preposition or a
    /// time word and holds a few plain words.
    fn frame_adjunct(&self, c: usize, s1: usize, tell: bool) -> bool {
        const GROUP_WORDS: usize = 4;
        let t = self.toks();
        let mut k = c;
        if tell {
            // The addressee: "told reporters", "told the Daily Courier".
            let mut n = 0;
            while k < s1 && n < GROUP_WORDS && t[k].is_word() && !t[k].is(class::PREP) {
                if t[k].is(class::AUX | class::PRON | class::REL | class::CONJ) {
                    return false;
                }
                k += 1;
                n += 1;
            }
        }
        let mut words = 0;
        let mut in_group = 0;
        for x in &t[k..s1] {
            if !x.is_word() {
                if matches!(x.kind, Kind::Punct('.' | '?' | '!' | ',')) {
                    continue;
                }
                return false;
            }
            words += 1;
            if x.is(class::PREP) && !x.cap || x.is(class::TIME) {
                in_group = 1;
                continue;
            }
            let plain = !x.is(class::AUX | class::PRON | class::OPRON | class::REL | class::CONJ)
                && !x.raw_is(self.doc.text, "that");
            if in_group == 0 || in_group > GROUP_WORDS || !plain {
                return false;
            }
            in_group += 1;
        }
        words > 0 || tell
    }

    /// Every statement of sentence `si`.
    pub fn sentence(&self, si: usize, out: &mut Vec<Found>) {
        let (s0, s1) = self.doc.sentences[si];
        let t = self.toks();
        let opening = self.opening_subject(s0, s1);
        let mut subj: Option<Speaker> = None;
        let bytes = |a: usize, b: usize| (t[a].start, t[b - 1].end);
        // Reported speech.
        let mut reported: Vec<Found> = Vec::new();
        let mut consumed_until = s0;
        for v in s0..s1 {
            let tv = &t[v];
            let Some(kind) = tv.info.verb else { continue };
            if !tv.is_word() || tv.cap || self.doc.region_of[v].is_some() || v < consumed_until {
                continue;
            }
            if v > s0
                && (t[v - 1].is(class::DET)
                    || t[v - 1].is_word() && t[v - 1].raw_is(self.doc.text, "to"))
            {
                continue;
            }
            if v + 1 < s1 && t[v + 1].is_word() && t[v + 1].raw_is(self.doc.text, "by") {
                continue;
            }
            // A noun before a verb: "the report said", "a report detailing"
            // (a past form is a verb: "who she claimed were").
            let word = &self.doc.text[tv.start..tv.end];
            let past = word.ends_with("ed") || ["said", "told", "wrote", "thought"].contains(&word);
            if !past
                && v + 1 < s1
                && t[v + 1].is_word()
                && !t[v + 1].cap
                && (t[v + 1].info.verb.is_some() || t[v + 1].is(class::AUX) && !t[v + 1].ly)
                && !t[v + 1].raw_is(self.doc.text, "that")
            {
                continue;
            }
            // A passive: "was informed of".
            if (s0..v).rev().take_while(|&k| skippable(&t[k])).any(|k| {
                ["was", "were", "is", "are", "be", "been", "being"]
                    .iter()
                    .any(|w| t[k].raw_is(self.doc.text, w))
            }) {
                continue;
            }
            if kind == VerbKind::Out && !(v + 1 < s1 && t[v + 1].raw_is(self.doc.text, "out")) {
                continue;
            }
            // Who speaks.
            let (speaker, between) = if tv.info.participle {
                let p = (s0..v)
                    .rev()
                    .find(|&k| !skippable(&t[k]) && !t[k].is(class::TIME));
                match p {
                    Some(p) if t[p].punct(',') => match subj.or(opening) {
                        Some(s) => (s, v),
                        None => continue,
                    },
                    Some(p) if t[p].is(class::REL) && !t[p].cap => {
                        match self.subject(p + 1, s0, subj) {
                            Some((s, _)) => (s, v),
                            None => continue,
                        }
                    }
                    _ => continue,
                }
            } else {
                match self.subject(v, s0, subj.or(opening)) {
                    Some(x) => x,
                    None => continue,
                }
            };
            if speaker.a > s0 && t[speaker.a - 1].raw_is(self.doc.text, "as") {
                continue;
            }
            // What is said.
            let mut c = v + 1;
            if kind == VerbKind::Out {
                c += 1;
            }
            let object = matches!(kind, VerbKind::Object | VerbKind::Out);
            let that = (c..(c + WINDOW).min(s1))
                .filter(|_| !object)
                .take_while(|&k| {
                    let x = &t[k];
                    // A finite verb means the clause began: no "that" to come.
                    let aux =
                        x.is(class::AUX) && x.is(class::STOP) && !x.raw_is(self.doc.text, "that");
                    let subject_first = x.is(class::PRON) && k == c;
                    !(x.punct(';') || self.in_direct(k) || aux || subject_first)
                })
                .find(|&k| t[k].raw_is(self.doc.text, "that"));
            let start = if let Some(k) = that {
                k + 1
            } else if object {
                between.min(v)
            } else {
                let mut k = c;
                if kind == VerbKind::Tell {
                    k = self.addressee_end(c, s1);
                }
                while k < s1
                    && (t[k].is(class::TIME)
                        || (t[k].ly && !t[k].cap)
                        || (t[k].raw_is(self.doc.text, "on")
                            && k + 1 < s1
                            && t[k + 1].is(class::TIME)))
                {
                    k += 1;
                }
                k
            };
            // "…, who NAME claimed were …": the statement is the clause the
            // relative pronoun belongs to.
            let start = if that.is_none()
                && !object
                && speaker.a > s0 + 1
                && t[speaker.a - 1].is(class::REL)
                && !t[speaker.a - 1].cap
                && t[speaker.a - 2].punct(',')
            {
                let q = speaker.a - 2;
                let mut st = (s0..q)
                    .rev()
                    .take(WINDOW)
                    .find(|&k| t[k].punct(',') || self.in_direct(k))
                    .map_or(s0, |k| k + 1);
                while st < q && t[st].is(class::STOP | class::CONJ) && !t[st].is(class::DET) {
                    st += 1;
                }
                st
            } else {
                start
            };
            subj = Some(speaker);
            // A reported statement of this speaker and verb.
            let said = |span| Found {
                span,
                speaker: Some(bytes(speaker.a, speaker.b)),
                pronoun: t[speaker.a].is(class::PRON) && speaker.b == speaker.a + 1,
                sentence: si,
                quote: false,
                anchor: v,
                speaker_tok: Some(speaker.a),
            };
            // Postposed: "…, NAME said."
            let rest_empty = (c..s1).all(|k| !t[k].is_word() || t[k].is(class::TIME))
                || self.frame_adjunct(c, s1, kind == VerbKind::Tell)
                || (kind == VerbKind::Tell
                    && (c..s1).all(|k| t[k].kind != Kind::Quote(Mark::Open))
                    && (c..s1).all(|k| t[k].kind != Kind::Quote(Mark::Single))
                    && that.is_none()
                    && start >= s1);
            if rest_empty && speaker.a > s0 && t[speaker.a - 1].punct(',') && !self.in_direct(s0) {
                let mut e = speaker.a - 1;
                while e > s0 && matches!(t[e - 1].kind, Kind::Punct(',' | ';' | ':')) {
                    e -= 1;
                }
                if e > s0 && !(s0..e).any(|k| self.in_direct(k)) {
                    reported.push(said(bytes(s0, e)));
                }
                continue;
            }
            // A frame between commas inside the sentence: "The board, Vos
            // said, will meet in May." One statement from the first word to
            // the last, frame included (as for a split quotation), or, when
            // a participle follows ("…, Vos said, adding that …"), the part
            // before the frame; the participle reports the rest.
            let mut d = c;
            while d < s1
                && (t[d].is(class::TIME)
                    || (t[d].is(class::PREP) && d + 1 < s1 && t[d + 1].is(class::TIME)))
            {
                d += 1;
            }
            if speaker.a > s0
                && t[speaker.a - 1].punct(',')
                && d + 1 < s1
                && t[d].punct(',')
                && t[d + 1].is_word()
                && !(s0..s1).any(|k| self.in_direct(k))
            {
                let before = speaker.a - 1;
                let participle = t[d + 1].info.verb.is_some() && t[d + 1].info.participle;
                let mut e = if participle { before } else { s1 };
                while e > s0 && matches!(t[e - 1].kind, Kind::Punct(_)) {
                    e -= 1;
                }
                if e > s0 {
                    reported.push(said(bytes(s0, e)));
                }
                if !participle {
                    consumed_until = s1;
                }
                continue;
            }
            if start >= s1
                || t[start].punct(',')
                || t[start].punct(':')
                || (that.is_none() && !object && wh_word(self.doc.text, &t[start]))
                || self.in_direct(start)
                || (!object && self.frame_adjunct(c, s1, kind == VerbKind::Tell))
            {
                continue;
            }
            let mut end = start;
            while end < s1 {
                let x = &t[end];
                if x.punct(';') || x.punct('(') || self.in_direct(end) {
                    break;
                }
                if x.punct(',') && end + 2 < s1 && t[end + 1].raw_is(self.doc.text, "according") {
                    break;
                }
                end += 1;
            }
            let stop = end;
            // Trim the frame of a quotation that follows: ", adding,".
            while end > start
                && (matches!(
                    t[end - 1].kind,
                    Kind::Punct(',' | ':' | ';' | '\u{2014}' | '.')
                ) || t[end - 1].is(class::CONJ)
                    || (t[end - 1].info.participle && t[end - 1].is_word()))
            {
                end -= 1;
            }
            if end <= start {
                continue;
            }
            let words = (start..end).filter(|&k| t[k].is_word()).count();
            // After an addressee, a clause has a few words at least: "told
            // the outlet when asked about the story" says nothing.
            if kind == VerbKind::Tell && that.is_none() && words < MIN_TOLD_WORDS {
                continue;
            }
            if stop < s1 && self.in_direct(stop) && that.is_none() && words <= 4 {
                continue; // "said in a statement: “…”" introduces the quotation
            }
            if that.is_none() && words <= 4 && introduces(t, start, stop) {
                continue; // "said the following:" introduces the next paragraph
            }
            consumed_until = consumed_until.max(start);
            reported.push(said(bytes(start, end)));
        }
        // "according to NAME, …" and "…, according to NAME."
        for k in s0..s1.saturating_sub(2) {
            if !(t[k].raw_is_ci(self.doc.text, "according") && t[k + 1].raw_is(self.doc.text, "to"))
            {
                continue;
            }
            if self.doc.region_of[k].is_some() {
                continue;
            }
            let Some(sp) = self.name_right_tail(k + 2, s1, true) else {
                continue;
            };
            let (a, b) = if k == s0 || (k > s0 && !t[k - 1].punct(',')) {
                // Opening: the statement follows the comma after the name.
                let Some(comma) = (sp.b..s1).find(|&j| t[j].punct(',')) else {
                    continue;
                };
                let mut e = s1;
                while e > comma + 1
                    && matches!(t[e - 1].kind, Kind::Punct(_))
                    && !matches!(t[e - 1].kind, Kind::Punct(')'))
                {
                    e -= 1;
                }
                (comma + 1, e)
            } else {
                if !reported.is_empty() {
                    continue;
                }
                (s0, k - 1)
            };
            if a >= b || (a..b).any(|j| self.in_direct(j)) {
                continue;
            }
            reported.push(Found {
                span: bytes(a, b),
                speaker: Some(bytes(sp.a, sp.b)),
                pronoun: false,
                sentence: si,
                quote: false,
                anchor: k,
                speaker_tok: Some(sp.a),
            });
        }
        // A report inside another with a speaker of its own cuts the outer
        // one short: "X said A, contradicting Y who said B".
        let n = reported.len();
        let mut content = vec![false; n];
        for i in 0..n {
            for j in 0..n {
                if i == j {
                    continue;
                }
                let (fi, fj) = (&reported[i], &reported[j]);
                if t[fi.anchor].start >= fi.span.1 {
                    continue; // postposed: the inner report is its content
                }
                let Some(st) = fj.speaker_tok else { continue };
                let sb = t[st].start;
                if sb < fi.span.0 || sb >= fi.span.1 || fj.speaker == fi.speaker {
                    continue;
                }
                if sb == fi.span.0 && !self.clause_at(fj.span.0) {
                    // "Officials said 37 people had reported illness": what
                    // the inner verb takes is no clause, so the inner report
                    // is what the outer speaker said, not a report of its
                    // own ("X reported that he would …" is one).
                    content[j] = true;
                    continue;
                }
                let cut = (0..st)
                    .rev()
                    .take_while(|&k| t[k].start >= fi.span.0)
                    .find(|&k| t[k].punct(','))
                    .map_or(fi.span.0, |k| t[k].start);
                let e = self.doc.text[fi.span.0..cut].trim_end().len() + fi.span.0;
                reported[i].span.1 = e;
            }
        }
        out.extend(
            reported
                .into_iter()
                .zip(content)
                .filter(|(f, c)| !c && f.span.1 > f.span.0)
                .map(|(f, _)| f),
        );
    }

    /// The statement starting at byte `start` is a clause: it follows
    /// "that", or a pronoun or an auxiliary comes within its first words
    /// ("he would be willing …"), not a bare object ("stomach illness").
    fn clause_at(&self, start: usize) -> bool {
        const CLAUSE_REACH: usize = 4;
        let t = self.toks();
        let k = t.partition_point(|x| x.start < start);
        (k > 0 && t[k - 1].raw_is(self.doc.text, "that"))
            || t[k..]
                .iter()
                .take_while(|x| x.is_word())
                .take(CLAUSE_REACH)
                .any(|x| x.is(class::PRON | class::AUX))
    }

    /// Every direct quotation of the article, in order, with its speaker
    /// phrase when one is found around it.
    pub fn quotes(&self, out: &mut Vec<Found>) {
        let t = self.toks();
        let sentence_of = |tok: usize| -> usize {
            self.doc
                .sentences
                .partition_point(|&(_, b)| b <= tok)
                .min(self.doc.sentences.len().saturating_sub(1))
        };
        for (r, reg) in self.doc.regions.iter().enumerate() {
            if !self.direct[r] || reg.text.1 <= reg.text.0 {
                continue;
            }
            let si = sentence_of(reg.open);
            let mut s0 = self.doc.sentences.get(si).map_or(0, |s| s.0);
            let mut speaker = self.after_quote(r);
            if speaker.is_none() && reg.open >= 2 {
                // NAME said: "…"  /  …, adding, "…"
                let mut p = reg.open - 1;
                // "… who said the following:" closing the paragraph before.
                let mut q = p;
                while q > 0 && t[q].kind == Kind::Newline {
                    q -= 1;
                }
                if q < p && t[q].punct(':') {
                    p = q;
                    s0 = self.doc.sentences.get(sentence_of(q)).map_or(0, |s| s.0);
                }
                if t[p].punct(':') || t[p].punct(',') {
                    let mut v = p;
                    while v > s0
                        && (t[v - 1].is(class::TIME) || t[v - 1].punct(','))
                        && !t[v - 1].is_word()
                    {
                        v -= 1;
                    }
                    let mut v = v.saturating_sub(1);
                    while v > s0 && t[v].is(class::TIME) {
                        v -= 1;
                    }
                    // "said in a statement:" — the verb a few words back.
                    if t[v].info.verb.is_none() {
                        if let Some(k) = (v.saturating_sub(5).max(s0)..v)
                            .rev()
                            .take_while(|&k| t[k].is_word())
                            .find(|&k| t[k].info.verb.is_some() && !t[k].cap)
                        {
                            v = k;
                        }
                    }
                    if t[v].is_word() && t[v].info.verb.is_some() && !t[v].cap {
                        if t[v].info.participle {
                            let verb = (s0..v).rev().find(|&k| {
                                t[k].is_word()
                                    && !t[k].cap
                                    && t[k].info.verb.is_some()
                                    && !t[k].info.participle
                            });
                            let subj = verb
                                .and_then(|k| self.subject(k, s0, None).map(|x| x.0))
                                .or_else(|| self.last_subject(out, si));
                            speaker = subj.or_else(|| self.opening_subject(s0, v));
                        } else {
                            speaker = self
                                .subject(
                                    v,
                                    s0,
                                    self.last_subject(out, si)
                                        .or_else(|| self.opening_subject(s0, v)),
                                )
                                .map(|x| x.0);
                        }
                    }
                }
            }
            let pronoun = speaker.is_some_and(|s| t[s.a].is(class::PRON) && s.b == s.a + 1);
            out.push(Found {
                span: reg.text,
                speaker: speaker.map(|s| (t[s.a].start, t[s.b - 1].end)),
                pronoun,
                sentence: si,
                quote: true,
                anchor: reg.open,
                speaker_tok: speaker.map(|s| s.a),
            });
        }
    }

    /// The speaker token range of the last reported statement in sentence `si`.
    fn last_subject(&self, found: &[Found], si: usize) -> Option<Speaker> {
        // `found` holds reported statements in sentence order, then quotes
        // in article order: look at the last quote, then the reported ones.
        let reported = found.partition_point(|f| !f.quote && f.sentence <= si);
        let last_quote = found
            .last()
            .filter(|f| f.quote && f.sentence == si && f.speaker_tok.is_some());
        let f = last_quote.or_else(|| {
            found[..reported]
                .iter()
                .rev()
                .take_while(|f| f.sentence == si)
                .find(|f| f.speaker_tok.is_some())
        })?;
        let a = f.speaker_tok?;
        let end = f.speaker?.1;
        let toks = self.toks();
        let b = a + toks[a..].partition_point(|t| t.end < end) + 1;
        if b > toks.len() {
            return None;
        }
        Some(Speaker { a, b })
    }
}

/// Reported words `[start, stop)` that end in a colon introduce a quotation
/// to come: "… who said the following:".
fn introduces(t: &[Tok], start: usize, stop: usize) -> bool {
    t[start..stop]
        .iter()
        .rev()
        .find(|x| x.kind != Kind::Newline)
        .is_some_and(|x| x.punct(':'))
}

impl Tok {
    /// The token's text equals `w` (ASCII, case-sensitive: lowercase function words).
    pub fn raw_is(&self, text: &str, w: &str) -> bool {
        self.kind == Kind::Word && &text[self.start..self.end] == w
    }
    /// The token's text equals `w`, ASCII case-insensitively.
    pub fn raw_is_ci(&self, text: &str, w: &str) -> bool {
        self.kind == Kind::Word && text[self.start..self.end].eq_ignore_ascii_case(w)
    }
}
