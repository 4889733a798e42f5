//! Speech frames: who says what, found around reporting verbs, quotation
//! marks and "according to". Each search looks at a bounded window of tokens
//! around its anchor, so the whole pass stays linear in the article.

use super::lex::{class, VerbKind};
use super::scan::{Doc, Kind, Mark, Tok};

/// A frame's speech verb stands at most this many words before its colon
/// ("said in a brief statement:").
const FRAME_VERB_REACH: usize = 5;

/// A speaker phrase: a token range `[a, b)` of the article, or a pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Speaker {
    pub a: usize,
    pub b: usize,
}

/// A reporting verb of one sentence with its speaker: what the steps of
/// [`Frames::sentence`] pass along.
#[derive(Debug, Clone, Copy)]
struct Report {
    /// Sentence index.
    si: usize,
    /// Token index of the verb.
    v: usize,
    kind: VerbKind,
    speaker: Speaker,
    /// Where what stands between speaker and verb ends (for an object verb,
    /// where its object starts).
    between: usize,
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

    /// Every statement of sentence `si`: reported speech around each
    /// reporting verb, then "according to NAME", then reports nested in
    /// others are cut or merged.
    pub fn sentence(&self, si: usize, out: &mut Vec<Found>) {
        let mut reported = self.reported_speech(si);
        self.according_to(si, &mut reported);
        let content = self.nest_reports(&mut reported);
        out.extend(
            reported
                .into_iter()
                .zip(content)
                .filter(|(f, c)| !c && f.span.1 > f.span.0)
                .map(|(f, _)| f),
        );
    }

    /// The reported statements of sentence `si`, one per reporting verb at
    /// most: who speaks (the subject, or the sentence's opening subject for
    /// a participle) and what they say. A speaker found is the subject of
    /// the verbs after it ("Vos said …, adding …").
    fn reported_speech(&self, si: usize) -> Vec<Found> {
        let (s0, s1) = self.doc.sentences[si];
        let t = self.toks();
        let opening = self.opening_subject(s0, s1);
        let mut subj: Option<Speaker> = None;
        let mut reported: Vec<Found> = Vec::new();
        let mut consumed_until = s0;
        for v in s0..s1 {
            if v < consumed_until {
                continue;
            }
            let Some(kind) = self.reporting_verb(v, s0, s1) else {
                continue;
            };
            let Some((speaker, between)) = self.speaker_of(v, s0, subj, opening) else {
                continue;
            };
            if speaker.a > s0 && t[speaker.a - 1].raw_is(self.doc.text, "as") {
                continue;
            }
            subj = Some(speaker);
            let report = Report {
                si,
                v,
                kind,
                speaker,
                between,
            };
            if let Some(f) = self.statement_of(&report, &mut consumed_until) {
                reported.push(f);
            }
        }
        reported
    }

    /// The kind of the reporting verb at token `v` of sentence `s0..s1`, when
    /// it frames speech there: not capitalized, not in a quotation, not a
    /// noun ("the report said" is; "a report detailing" is not), not after
    /// a determiner or "to", not passive ("was informed of", "said by").
    fn reporting_verb(&self, v: usize, s0: usize, s1: usize) -> Option<VerbKind> {
        let t = self.toks();
        let tv = &t[v];
        let kind = tv.info.verb?;
        if !tv.is_word() || tv.cap || self.doc.region_of[v].is_some() {
            return None;
        }
        if v > s0
            && (t[v - 1].is(class::DET)
                || t[v - 1].is_word() && t[v - 1].raw_is(self.doc.text, "to"))
        {
            return None;
        }
        if v + 1 < s1 && t[v + 1].is_word() && t[v + 1].raw_is(self.doc.text, "by") {
            return None;
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
            return None;
        }
        // A passive: "was informed of".
        if (s0..v).rev().take_while(|&k| skippable(&t[k])).any(|k| {
            ["was", "were", "is", "are", "be", "been", "being"]
                .iter()
                .any(|w| t[k].raw_is(self.doc.text, w))
        }) {
            return None;
        }
        if kind == VerbKind::Out && !(v + 1 < s1 && t[v + 1].raw_is(self.doc.text, "out")) {
            return None;
        }
        Some(kind)
    }

    /// Who speaks through the verb at `v`, and the token where what lies
    /// between speaker and verb ends: the subject before the verb, or for a
    /// participle ("…, adding that") the subject of the sentence so far, or
    /// of the relative clause it opens ("who, speaking on Monday, …").
    fn speaker_of(
        &self,
        v: usize,
        s0: usize,
        subj: Option<Speaker>,
        opening: Option<Speaker>,
    ) -> Option<(Speaker, usize)> {
        let t = self.toks();
        if !t[v].info.participle {
            return self.subject(v, s0, subj.or(opening));
        }
        let p = (s0..v)
            .rev()
            .find(|&k| !skippable(&t[k]) && !t[k].is(class::TIME))?;
        if t[p].punct(',') {
            return subj.or(opening).map(|s| (s, v));
        }
        if t[p].is(class::REL) && !t[p].cap {
            return self.subject(p + 1, s0, subj).map(|(s, _)| (s, v));
        }
        None
    }

    /// Where the statement framed by `r` starts: after "that", at the
    /// object of an object verb ("rejected the plan"), after an addressee
    /// and time words ("told reporters on Monday …"), or, for "…, who NAME
    /// claimed were …", at the clause the relative pronoun belongs to.
    /// Also gives the first token after the verb (`c`) and the "that".
    fn statement_start(&self, r: &Report) -> (usize, Option<usize>, usize) {
        let (s0, s1) = self.doc.sentences[r.si];
        let t = self.toks();
        let (kind, speaker) = (r.kind, r.speaker);
        let mut c = r.v + 1;
        if kind == VerbKind::Out {
            c += 1;
        }
        let object = matches!(kind, VerbKind::Object | VerbKind::Out);
        let that = (c..(c + WINDOW).min(s1))
            .filter(|_| !object)
            .take_while(|&k| {
                let x = &t[k];
                // A finite verb means the clause began: no "that" to come.
                let aux = x.is(class::AUX) && x.is(class::STOP) && !x.raw_is(self.doc.text, "that");
                let subject_first = x.is(class::PRON) && k == c;
                !(x.punct(';') || self.in_direct(k) || aux || subject_first)
            })
            .find(|&k| t[k].raw_is(self.doc.text, "that"));
        let start = if let Some(k) = that {
            k + 1
        } else if object {
            r.between.min(r.v)
        } else {
            let mut k = c;
            if kind == VerbKind::Tell {
                k = self.addressee_end(c, s1);
            }
            while k < s1
                && (t[k].is(class::TIME)
                    || (t[k].ly && !t[k].cap)
                    || (t[k].raw_is(self.doc.text, "on") && k + 1 < s1 && t[k + 1].is(class::TIME)))
            {
                k += 1;
            }
            k
        };
        if that.is_some()
            || object
            || speaker.a <= s0 + 1
            || !t[speaker.a - 1].is(class::REL)
            || t[speaker.a - 1].cap
            || !t[speaker.a - 2].punct(',')
        {
            return (c, that, start);
        }
        // "…, who NAME claimed were …".
        let q = speaker.a - 2;
        let mut st = (s0..q)
            .rev()
            .take(WINDOW)
            .find(|&k| t[k].punct(',') || self.in_direct(k))
            .map_or(s0, |k| k + 1);
        while st < q && t[st].is(class::STOP | class::CONJ) && !t[st].is(class::DET) {
            st += 1;
        }
        (c, that, st)
    }

    /// A found statement of `r`'s speaker and verb over tokens `a..b`.
    fn said(&self, r: &Report, a: usize, b: usize) -> Found {
        let t = self.toks();
        let sp = r.speaker;
        Found {
            span: (t[a].start, t[b - 1].end),
            speaker: Some((t[sp.a].start, t[sp.b - 1].end)),
            pronoun: t[sp.a].is(class::PRON) && sp.b == sp.a + 1,
            sentence: r.si,
            quote: false,
            anchor: r.v,
            speaker_tok: Some(sp.a),
        }
    }

    /// What the speaker of `r` says, if anything: the sentence before a
    /// postposed frame ("…, NAME said."), the sentence around a frame
    /// between commas ("The board, Vos said, will meet in May."), or the
    /// clause after the verb. `consumed_until` moves past what a statement
    /// took, so a verb inside it frames nothing.
    fn statement_of(&self, r: &Report, consumed_until: &mut usize) -> Option<Found> {
        let (s0, s1) = self.doc.sentences[r.si];
        let t = self.toks();
        let (kind, speaker) = (r.kind, r.speaker);
        let object = matches!(kind, VerbKind::Object | VerbKind::Out);
        let (c, that, start) = self.statement_start(r);
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
            return (e > s0 && !(s0..e).any(|k| self.in_direct(k))).then(|| self.said(r, s0, e));
        }
        if let Some(found) = self.mid_frame(r, c, consumed_until) {
            return found;
        }
        if start >= s1
            || t[start].punct(',')
            || t[start].punct(':')
            || (that.is_none() && !object && wh_word(self.doc.text, &t[start]))
            || self.in_direct(start)
            || (!object && self.frame_adjunct(c, s1, kind == VerbKind::Tell))
        {
            return None;
        }
        let (end, stop) = self.clause_end(start, s1);
        if end <= start {
            return None;
        }
        let words = (start..end).filter(|&k| t[k].is_word()).count();
        // After an addressee, a clause has a few words at least: "told
        // the outlet when asked about the story" says nothing.
        if kind == VerbKind::Tell && that.is_none() && words < MIN_TOLD_WORDS {
            return None;
        }
        if stop < s1 && self.in_direct(stop) && that.is_none() && words <= 4 {
            return None; // "said in a statement: “…”" introduces the quotation
        }
        if that.is_none() && words <= 4 && introduces(t, start, stop) {
            return None; // "said the following:" introduces the next paragraph
        }
        *consumed_until = (*consumed_until).max(start);
        Some(self.said(r, start, end))
    }

    /// A frame between commas inside the sentence: "The board, Vos said,
    /// will meet in May." One statement from the first word to the last,
    /// frame included (as for a split quotation), or, when a participle
    /// follows ("…, Vos said, adding that …"), the part before the frame;
    /// the participle reports the rest. `None` when `r` is no such frame;
    /// `Some(None)` when it is one that frames nothing.
    fn mid_frame(&self, r: &Report, c: usize, consumed_until: &mut usize) -> Option<Option<Found>> {
        let (s0, s1) = self.doc.sentences[r.si];
        let t = self.toks();
        let speaker = r.speaker;
        let mut d = c;
        while d < s1
            && (t[d].is(class::TIME)
                || (t[d].is(class::PREP) && d + 1 < s1 && t[d + 1].is(class::TIME)))
        {
            d += 1;
        }
        let framed = speaker.a > s0
            && t[speaker.a - 1].punct(',')
            && d + 1 < s1
            && t[d].punct(',')
            && t[d + 1].is_word()
            && !(s0..s1).any(|k| self.in_direct(k));
        if !framed {
            return None;
        }
        let before = speaker.a - 1;
        let participle = t[d + 1].info.verb.is_some() && t[d + 1].info.participle;
        let mut e = if participle { before } else { s1 };
        while e > s0 && matches!(t[e - 1].kind, Kind::Punct(_)) {
            e -= 1;
        }
        if !participle {
            *consumed_until = s1;
        }
        Some((e > s0).then(|| self.said(r, s0, e)))
    }

    /// The end of a reported clause starting at `start`: before a
    /// semicolon, a parenthesis, a quotation or ", according to", with the
    /// frame of a quotation that follows trimmed (", adding,"). Gives that
    /// end and the token where the clause stopped.
    fn clause_end(&self, start: usize, s1: usize) -> (usize, usize) {
        let t = self.toks();
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
        while end > start
            && (matches!(
                t[end - 1].kind,
                Kind::Punct(',' | ':' | ';' | '\u{2014}' | '.')
            ) || t[end - 1].is(class::CONJ)
                || (t[end - 1].info.participle && t[end - 1].is_word()))
        {
            end -= 1;
        }
        (end, stop)
    }

    /// "according to NAME, …" and "…, according to NAME." in sentence
    /// `si`; the closing form only when no verb reported the sentence.
    fn according_to(&self, si: usize, reported: &mut Vec<Found>) {
        let (s0, s1) = self.doc.sentences[si];
        let t = self.toks();
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
                span: (t[a].start, t[b - 1].end),
                speaker: Some((t[sp.a].start, t[sp.b - 1].end)),
                pronoun: false,
                sentence: si,
                quote: false,
                anchor: k,
                speaker_tok: Some(sp.a),
            });
        }
    }

    /// A report inside another with a speaker of its own cuts the outer
    /// one short: "X said A, contradicting Y who said B". Gives, per
    /// report, whether it is only the content of another ("Officials said
    /// 37 people had reported illness": the inner verb takes no clause).
    fn nest_reports(&self, reported: &mut [Found]) -> Vec<bool> {
        let t = self.toks();
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
                    // What the inner verb takes is no clause, so the inner
                    // report is what the outer speaker said, not a report of
                    // its own ("X reported that he would …" is one).
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
        content
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

    /// The sentence index of token `tok`.
    fn sentence_of(&self, tok: usize) -> usize {
        self.doc
            .sentences
            .partition_point(|&(_, b)| b <= tok)
            .min(self.doc.sentences.len().saturating_sub(1))
    }

    /// Every direct quotation of the article, in order, with its speaker
    /// phrase when one is found around it: after it ("…," Lee said), else
    /// before it ([`Frames::before_quote`]).
    pub fn quotes(&self, out: &mut Vec<Found>) {
        let t = self.toks();
        for (r, reg) in self.doc.regions.iter().enumerate() {
            if !self.direct[r] || reg.text.1 <= reg.text.0 {
                continue;
            }
            let si = self.sentence_of(reg.open);
            let speaker = self
                .after_quote(r)
                .or_else(|| self.before_quote(reg.open, si, out));
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

    /// The speaker of a quotation opened at token `open` (in sentence
    /// `si`), from the frame before it: "Lee said: '…'", "…, adding,
    /// '…'", or "… who said the following:" closing the paragraph before.
    /// The frame's verb stands a few words before the colon or comma ("said
    /// in a statement:"); a participle ("adding") takes the subject of the
    /// sentence's verb, else of the last statement found.
    fn before_quote(&self, open: usize, si: usize, out: &[Found]) -> Option<Speaker> {
        let t = self.toks();
        if open < 2 {
            return None;
        }
        let mut s0 = self.doc.sentences.get(si).map_or(0, |s| s.0);
        let mut p = open - 1;
        let mut q = p;
        while q > 0 && t[q].kind == Kind::Newline {
            q -= 1;
        }
        if q < p && t[q].punct(':') {
            p = q;
            s0 = self
                .doc
                .sentences
                .get(self.sentence_of(q))
                .map_or(0, |s| s.0);
        }
        if !(t[p].punct(':') || t[p].punct(',')) {
            return None;
        }
        let v = self.frame_verb_before(p, s0)?;
        if t[v].info.participle {
            let verb = (s0..v).rev().find(|&k| {
                t[k].is_word() && !t[k].cap && t[k].info.verb.is_some() && !t[k].info.participle
            });
            let subj = verb
                .and_then(|k| self.subject(k, s0, None).map(|x| x.0))
                .or_else(|| self.last_subject(out, si));
            subj.or_else(|| self.opening_subject(s0, v))
        } else {
            let fallback = self
                .last_subject(out, si)
                .or_else(|| self.opening_subject(s0, v));
            self.subject(v, s0, fallback).map(|x| x.0)
        }
    }

    /// The lower-case speech verb of a frame ending at the mark `p` (not
    /// before the sentence start `s0`): the word before the mark, past
    /// time words ("said on Monday:"), or a verb up to five words back
    /// ("said in a statement:").
    fn frame_verb_before(&self, p: usize, s0: usize) -> Option<usize> {
        let t = self.toks();
        let mut v = p;
        while v > s0 && (t[v - 1].is(class::TIME) || t[v - 1].punct(',')) && !t[v - 1].is_word() {
            v -= 1;
        }
        let mut v = v.saturating_sub(1);
        while v > s0 && t[v].is(class::TIME) {
            v -= 1;
        }
        if t[v].info.verb.is_none() {
            if let Some(k) = (v.saturating_sub(FRAME_VERB_REACH).max(s0)..v)
                .rev()
                .take_while(|&k| t[k].is_word())
                .find(|&k| t[k].info.verb.is_some() && !t[k].cap)
            {
                v = k;
            }
        }
        (t[v].is_word() && t[v].info.verb.is_some() && !t[v].cap).then_some(v)
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
