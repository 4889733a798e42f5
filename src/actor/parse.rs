//! Parses one actor string ("Deputy Foreign Minister Ana Ruiz", "the
//! ministry", "Avalon researchers") into what it names and the role words,
//! qualifiers and modifiers around it. No corpus knowledge here.

use super::lex::ActorLexicon;
use crate::text::{self, class, fold, stem, Token};

/// Longest actor string looked at, in words; the rest is ignored.
const MAX_WORDS: usize = 48;
/// Most comma-separated parts looked at.
const MAX_SEGMENTS: usize = 6;

/// One word of an actor string: a run of [`text::words`] tokens with no
/// white space between them ("al-Noor", "U.N.", "Smith's" are one word
/// each), the marks that join them included. The marks at either end of
/// the run are not part of it: an `@` before it is, any other mark after
/// it sets `punct_after`.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// As written, surrounding punctuation trimmed (a leading `@` kept).
    pub raw: String,
    /// Folded, dots and a possessive `'s` removed.
    pub norm: String,
    /// Its folded form ended in `'s` or `'`.
    pub poss: bool,
    /// Its first letter is uppercase.
    pub cap: bool,
    /// Two or more letters, all uppercase ("NRA", "U.N.").
    pub acronym: bool,
    /// Ends with punctuation in the source (a clause may end here).
    pub punct_after: bool,
}

/// Cuts a string with [`text::words`] and reads its [`Word`]s.
pub(crate) fn split_words(lx: &ActorLexicon, s: &str) -> Vec<Word> {
    words_of(lx, s, &text::words(s))
}

/// The [`Word`]s of `s`, read from its tokens `toks` (`text::words(s)`,
/// or a prefix of them): each run of tokens with no white space between
/// them is one word. A word that is one token as written (most words)
/// takes its folded form, possessive and case from the token; a word
/// whose tokens marks join ("al-Noor") is folded from its chars.
pub(crate) fn words_of(lx: &ActorLexicon, s: &str, toks: &[Token<'_>]) -> Vec<Word> {
    let pieces = pieces(toks);
    let mut out = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let mut j = i + 1;
        while j < pieces.len()
            && !s[pieces[j - 1].end..pieces[j].start].contains(char::is_whitespace)
        {
            j += 1;
        }
        let before = i.checked_sub(1).map_or(0, |p| pieces[p].end);
        let after = pieces.get(j).map_or(s.len(), |p| p.start);
        if let Some(w) = run_word(lx, s, &pieces[i..j], before, after) {
            out.push(w);
        }
        i = j;
    }
    out
}

/// A stretch of a token with no white space in it: the whole token, or,
/// for the rare token that holds white space (UAX #29 joins a combining
/// mark to the space before it, and a narrow no-break space between
/// letters), each part of it between white space.
struct Piece<'t, 'a> {
    start: usize,
    end: usize,
    /// The token, when the piece is all of it.
    token: Option<&'t Token<'a>>,
}

/// The [`Piece`]s of `toks`, in order.
fn pieces<'t, 'a>(toks: &'t [Token<'a>]) -> Vec<Piece<'t, 'a>> {
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        // White space is not alphanumeric: only a token with a mark can hold it.
        if !(t.is(class::INNER_MARK) && t.raw.contains(char::is_whitespace)) {
            out.push(Piece {
                start: t.start,
                end: t.end,
                token: Some(t),
            });
            continue;
        }
        let mut from = 0;
        for (k, c) in t.raw.char_indices().filter(|(_, c)| c.is_whitespace()) {
            if k > from {
                out.push(Piece {
                    start: t.start + from,
                    end: t.start + k,
                    token: None,
                });
            }
            from = k + c.len_utf8();
        }
        if from < t.raw.len() {
            out.push(Piece {
                start: t.start + from,
                end: t.end,
                token: None,
            });
        }
    }
    out
}

/// The [`Word`] of the run `run` of pieces of `s`, `None` when it holds
/// no letter or digit; `before..` and `..after` are the marks between it
/// and the pieces either side.
fn run_word(
    lx: &ActorLexicon,
    s: &str,
    run: &[Piece<'_, '_>],
    before: usize,
    after: usize,
) -> Option<Word> {
    let (first, last) = (&run[0], &run[run.len() - 1]);
    // The marks of its own run of non-space chars either side: an `@`
    // before it belongs to the word, any mark after it is punctuation.
    let gap = &s[before..first.start];
    let lead = gap
        .rfind(char::is_whitespace)
        .map_or(0, |k| k + gap[k..].chars().next().map_or(0, char::len_utf8));
    let from = gap[lead..]
        .find('@')
        .map_or(first.start, |k| before + lead + k);
    let piece_end = s[last.end..after]
        .find(char::is_whitespace)
        .map_or(after, |k| last.end + k);
    let trimmed = s[from..last.end].trim_end_matches(|c: char| !c.is_alphanumeric());
    let raw_end = from + trimmed.len();
    let raw = trimmed.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@');
    if raw.is_empty() {
        return None;
    }
    let punct_after = raw_end < piece_end;
    Some(match run {
        [Piece { token: Some(t), .. }] if t.end == raw_end && raw.len() == t.raw.len() => {
            token_word(lx, t, punct_after)
        }
        _ => marked_word(lx, raw, punct_after),
    })
}

/// A word that is one token as written: its folded form, possessive and
/// case read from the token.
fn token_word(lx: &ActorLexicon, t: &Token<'_>, punct_after: bool) -> Word {
    let folded = t.norm();
    let (base, poss) = if t.is(class::POSSESSIVE) {
        (folded, true)
    } else {
        match folded
            .strip_suffix("'s")
            .or_else(|| folded.strip_suffix('\''))
        {
            Some(b) => (b, true),
            None => (folded, false),
        }
    };
    let acronym = if poss {
        is_acronym(possessor(t.raw))
    } else {
        t.is(class::ALL_CAPS)
    };
    let first_letter = t.raw.chars().next().is_some_and(char::is_alphabetic);
    let cap = if first_letter {
        t.is(class::CAP)
    } else {
        first_upper(t.raw)
    } || particle_joined(lx, t.raw);
    Word {
        raw: t.raw.to_owned(),
        norm: without_dots(base),
        poss,
        cap,
        acronym,
        punct_after,
    }
}

/// A word of several tokens, or one whose token holds a mark at an edge
/// ("al-Noor", "U.N.", "@orsa_rail"): read from its chars as written.
fn marked_word(lx: &ActorLexicon, raw: &str, punct_after: bool) -> Word {
    let folded = fold(raw);
    let (base, poss) = match folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix('\''))
    {
        Some(b) => (b, true),
        None => (folded.as_str(), false),
    };
    let acronym = is_acronym(if poss { possessor(raw) } else { raw });
    Word {
        raw: raw.to_owned(),
        norm: without_dots(base),
        poss,
        cap: first_upper(raw) || particle_joined(lx, raw),
        acronym,
        punct_after,
    }
}

/// `s` with its dots removed ("u.n" → "un").
fn without_dots(s: &str) -> String {
    if s.contains('.') {
        s.chars().filter(|&c| c != '.').collect()
    } else {
        s.to_owned()
    }
}

/// A possessive word as written without its `'s` or `'` ("NRA's" → "NRA").
pub(super) fn possessor(raw: &str) -> &str {
    raw.trim_end_matches(['s', 'S'])
        .trim_end_matches(['\'', '\u{2019}'])
}

/// Two or more letters, all uppercase.
fn is_acronym(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic());
    let all_upper = letters.clone().all(char::is_uppercase);
    all_upper && letters.nth(1).is_some()
}

/// Its first letter is uppercase.
fn first_upper(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// `particle_joined`: a name written with its particle joined by a
/// hyphen, the name part capitalized ("al-Noor", "el-Sayed", "bin-Tariq"),
/// is a capitalized name word, as "Noor" is: "Minister Ana al-Noor" is a
/// title before a name, not an unknown run of words.
fn particle_joined(lx: &ActorLexicon, raw: &str) -> bool {
    let Some((particle, name)) = raw.split_once('-') else {
        return false;
    };
    name.chars().next().is_some_and(char::is_uppercase) && lx.is_particle(&fold(particle))
}

/// What an actor string names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mention {
    /// Nothing usable (no letters or digits).
    Empty,
    /// "he", "she", "they".
    Pronoun,
    /// A personal name (folded words, initials dropped); `display` as written.
    Person { name: Vec<String>, display: String },
    /// A single capitalized word with no title: a surname or a one-word name.
    Name { word: String, display: String },
    /// A named organization: folded key words; `acronym` when it is one.
    Org {
        key: Vec<String>,
        display: String,
        acronym: Option<String>,
    },
    /// An unnamed group of people ("Sylvanian officials"): folded key words.
    Group { key: Vec<String>, display: String },
    /// A role with no name ("the prime minister", "the agency").
    Descriptor {
        /// Canonical role or organization noun.
        head: String,
        /// Folded words, determiners dropped: the fallback identity.
        key: Vec<String>,
        display: String,
        /// The role is an organization noun, not a person's.
        org_role: bool,
    },
    /// Something else; folded words.
    Unknown { key: Vec<String>, display: String },
}

/// A parsed actor string.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    pub mention: Mention,
    /// Role keys (stemmed canonical roles, organization heads and classes)
    /// the mention carries, for descriptor lookup.
    pub roles: Vec<String>,
    /// Folded qualifier words (places, bodies, initials) around the role.
    pub quals: Vec<String>,
    /// Stemmed lowercase modifiers ("senior", "transport").
    pub mods: Vec<String>,
    /// A past holder of the role ("former").
    pub former: bool,
    /// Came from "the X report": X's voice.
    pub from_document: bool,
}

impl Parsed {
    fn new(mention: Mention) -> Parsed {
        Parsed {
            mention,
            roles: Vec::new(),
            quals: Vec::new(),
            mods: Vec::new(),
            former: false,
            from_document: false,
        }
    }
}

/// Stemmed key of a canonical role ("prime minister" → "prime minist").
pub(crate) fn role_key(canon: &str) -> String {
    canon.split(' ').map(stem).collect::<Vec<_>>().join(" ")
}

fn join_raw(ws: &[Word]) -> String {
    ws.iter()
        .map(|w| w.raw.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn norms(ws: &[Word]) -> Vec<String> {
    ws.iter().map(|w| w.norm.clone()).collect()
}

/// Initials of each run of two or more capitalized words (connectors inside a
/// run skipped): "Central Bank of Freedonia" → "cbf".
pub(crate) fn run_initials(lx: &ActorLexicon, ws: &[Word]) -> Vec<String> {
    run_initials_except(lx, ws, &[])
}

/// [`run_initials`], with the words marked in `breaks` ending a run.
fn run_initials_except(lx: &ActorLexicon, ws: &[Word], breaks: &[bool]) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut count = 0;
    let mut flush = |cur: &mut String, count: &mut usize| {
        if *count >= 2 {
            out.push(std::mem::take(cur));
        }
        cur.clear();
        *count = 0;
    };
    for (i, w) in ws.iter().enumerate() {
        if breaks.get(i).copied().unwrap_or(false) {
            flush(&mut cur, &mut count);
        } else if w.cap && !w.acronym {
            if let Some(c) = w.norm.chars().next() {
                cur.push(c);
                count += 1;
            }
            if w.poss {
                flush(&mut cur, &mut count);
            }
        } else if lx.skip_in_initials(&w.norm) && count > 0 {
            continue;
        } else {
            flush(&mut cur, &mut count);
        }
    }
    flush(&mut cur, &mut count);
    out
}

/// Parses an actor string.
pub(crate) fn parse(lx: &ActorLexicon, raw: &str) -> Parsed {
    let segs: Vec<&str> = raw
        .split([',', ';'])
        .map(str::trim)
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .take(MAX_SEGMENTS)
        .collect();
    if segs.len() <= 1 {
        return parse_words(lx, &split_words(lx, raw));
    }
    let parts: Vec<Parsed> = segs
        .iter()
        .map(|s| parse_words(lx, &split_words(lx, s)))
        .collect();
    let is_person = |p: &Parsed| matches!(p.mention, Mention::Person { .. });
    let pick = parts
        .iter()
        .position(|p| is_person(p) && p.roles.is_empty() && p.quals.is_empty())
        .or_else(|| parts.iter().position(is_person));
    let Some(i) = pick else {
        return parts
            .into_iter()
            .next()
            .unwrap_or_else(|| Parsed::new(Mention::Empty));
    };
    let mut out = parts[i].clone();
    for (k, p) in parts.iter().enumerate() {
        if k != i && matches!(p.mention, Mention::Descriptor { .. }) {
            out.roles.extend(p.roles.iter().cloned());
            out.quals.extend(p.quals.iter().cloned());
            out.mods.extend(p.mods.iter().cloned());
            out.former |= p.former;
        }
    }
    out
}

/// True when `w` may be part of a personal name.
fn namey(lx: &ActorLexicon, w: &Word) -> bool {
    if w.cap {
        !w.acronym
            && !w.poss
            && !lx.is_title(&w.norm)
            && !lx.is_org_word(&w.norm)
            && !lx.is_modifier(&w.norm)
            && !lx.is_connector(&w.norm)
            && !lx.is_determiner(&w.norm)
            && w.norm.chars().any(char::is_alphabetic)
    } else {
        lx.is_particle(&w.norm)
    }
}

/// Roles, qualifiers and modifiers of the words before a name or a head.
fn describe_prefix(lx: &ActorLexicon, prefix: &[Word], p: &mut Parsed) {
    let ns: Vec<&str> = prefix.iter().map(|w| w.norm.as_str()).collect();
    let mut in_title = vec![false; prefix.len()];
    let mut k = prefix.len();
    while k > 0 {
        if let Some((len, canon)) = lx.title_ending_at(&ns, k) {
            p.roles.push(role_key(canon));
            for t in in_title.iter_mut().take(k).skip(k - len) {
                *t = true;
            }
            k -= len;
        } else {
            k -= 1;
        }
    }
    for (w, &t) in prefix.iter().zip(&in_title) {
        if lx.is_tenure_past(&w.norm) {
            p.former = true;
        }
        if t || lx.is_determiner(&w.norm) || lx.is_connector(&w.norm) {
            continue;
        }
        if lx.is_modifier(&w.norm) || !w.cap {
            if !lx.is_tenure_past(&w.norm) {
                p.mods.push(stem(&w.norm));
            }
        } else {
            p.quals.push(w.norm.clone());
        }
    }
    p.quals.extend(run_initials_except(lx, prefix, &in_title));
}

fn parse_words(lx: &ActorLexicon, ws: &[Word]) -> Parsed {
    // Names come last: a very long string keeps its last words.
    let ws = &ws[ws.len().saturating_sub(MAX_WORDS)..];
    if ws.is_empty() {
        return Parsed::new(Mention::Empty);
    }
    if ws.len() == 1 && !ws[0].poss && lx.is_pronoun(&ws[0].norm) {
        return Parsed::new(Mention::Pronoun);
    }
    let mut start = 0;
    let mut former = false;
    while start < ws.len() {
        let n = &ws[start].norm;
        if lx.is_determiner(n) {
            start += 1;
        } else if lx.is_tenure_past(n) {
            former = true;
            start += 1;
        } else {
            break;
        }
    }
    let ws = &ws[start..];
    if ws.is_empty() {
        return Parsed::new(Mention::Empty);
    }
    let mut p = parse_core(lx, ws);
    p.former |= former;
    p
}

/// What the words of an actor string name, determiners and past-tenure
/// words already dropped: the first rule that applies, in this order.
fn parse_core(lx: &ActorLexicon, ws: &[Word]) -> Parsed {
    let n = ws.len();
    if let Some(p) = handle(ws) {
        return p;
    }
    if let Some(p) = group(lx, ws) {
        return p;
    }
    if let Some(p) = document_voice(lx, ws) {
        return p;
    }
    if let Some(pos) = ws[..n - 1].iter().position(|w| w.poss) {
        return possessive(lx, ws, pos);
    }
    if let Some(p) = titled_name(lx, ws) {
        return p;
    }
    if let Some(p) = unnamed_role(lx, ws) {
        return p;
    }
    if let Some(p) = organization(lx, ws) {
        return p;
    }
    Parsed::new(Mention::Unknown {
        key: norms(ws),
        display: join_raw(ws),
    })
}

/// `handle`: a lone "@name" is the organization that posts as it
/// ("@orsarail" → the organization `orsarail`, its own acronym).
fn handle(ws: &[Word]) -> Option<Parsed> {
    if ws.len() != 1 || !ws[0].raw.starts_with('@') {
        return None;
    }
    let key = ws[0].norm.trim_start_matches('@').to_owned();
    Some(Parsed::new(Mention::Org {
        key: vec![key.clone()],
        display: join_raw(ws),
        acronym: Some(key),
    }))
}

/// `group`: a plural person noun, lower-case or first, perhaps with a
/// complement after it, is an unnamed group ("Avalon port officials",
/// "officials from the port"); the words before it qualify it.
fn group(lx: &ActorLexicon, ws: &[Word]) -> Option<Parsed> {
    let g = ws
        .iter()
        .enumerate()
        .position(|(i, w)| lx.is_group_noun(&w.norm) && (!w.cap || i == 0) && !w.poss)?;
    let after_ok = g + 1 == ws.len() || {
        let next = &ws[g + 1].norm;
        lx.opens_group_complement(next)
    };
    if !after_ok {
        return None;
    }
    let mut p = Parsed::new(Mention::Group {
        key: norms(&ws[..=g]),
        display: join_raw(&ws[..=g]),
    });
    describe_prefix(lx, &ws[..g], &mut p);
    p.roles.push(stem(&ws[g].norm));
    Some(p)
}

/// `document_voice`: "the Velmar Institute report" speaks for what is
/// named before the document noun (the Velmar Institute).
fn document_voice(lx: &ActorLexicon, ws: &[Word]) -> Option<Parsed> {
    let n = ws.len();
    if n <= 1 || ws[n - 1].cap || !lx.is_document_noun(&ws[n - 1].norm) {
        return None;
    }
    let rest = &ws[..n - 1];
    let first_cap = rest.iter().position(|w| w.cap).unwrap_or(rest.len());
    let mut p = parse_words(lx, &rest[first_cap..]);
    if matches!(p.mention, Mention::Empty) {
        p = Parsed::new(Mention::Unknown {
            key: norms(ws),
            display: join_raw(ws),
        });
    }
    p.from_document = true;
    Some(p)
}

/// `possessive`: words up to the possessive at `pos` own what follows.
/// An organization part is its owner ("Orsa Bank's board" → Orsa Bank);
/// a person, role or group keeps the owner as qualifiers ("Orsa's
/// president", "Velmar's Jane Roe"); an organization joins its owner's
/// name ("Orsa's rail agency").
fn possessive(lx: &ActorLexicon, ws: &[Word], pos: usize) -> Parsed {
    let possessor = &ws[..=pos];
    let rest = &ws[pos + 1..];
    let pq: Vec<String> = possessor
        .iter()
        .filter(|w| w.cap)
        .map(|w| w.norm.clone())
        .chain(run_initials(lx, possessor))
        .collect();
    let rest_norms: Vec<&str> = rest.iter().map(|w| w.norm.as_str()).collect();
    if lx.is_org_part(&rest_norms) {
        return part_owner(possessor);
    }
    let mut r = parse_core(lx, rest);
    match &mut r.mention {
        Mention::Person { .. } | Mention::Descriptor { .. } | Mention::Group { .. } => {
            r.quals.extend(pq);
            r
        }
        Mention::Name { word, display } => {
            let mut out = Parsed::new(Mention::Person {
                name: vec![word.clone()],
                display: display.clone(),
            });
            out.quals = pq;
            out.former = r.former;
            out
        }
        Mention::Org { key, .. } => {
            let mut full = norms(possessor);
            full.extend(key.iter().cloned());
            let head = rest.last().map(|w| stem(&w.norm)).unwrap_or_default();
            let mut out = Parsed::new(Mention::Org {
                key: full,
                display: join_raw(ws),
                acronym: None,
            });
            out.roles = org_roles(lx, &head);
            out.quals = pq;
            out
        }
        _ => Parsed::new(Mention::Unknown {
            key: norms(ws),
            display: join_raw(ws),
        }),
    }
}

/// `part_owner`: the organization that owns a part ("Orsa Bank's board",
/// "ORB's board"): the possessor, its possessive mark dropped.
fn part_owner(possessor: &[Word]) -> Parsed {
    let mut owner: Vec<Word> = possessor.to_vec();
    if let Some(last) = owner.last_mut() {
        last.poss = false;
        last.raw = last
            .raw
            .trim_end_matches(['s', 'S'])
            .trim_end_matches(['\'', '\u{2019}'])
            .to_owned();
    }
    let acronym = (owner.len() == 1 && owner[0].acronym).then(|| owner[0].norm.clone());
    Parsed::new(Mention::Org {
        key: norms(&owner),
        display: join_raw(&owner),
        acronym,
    })
}

/// `titled_name`: a name at the end, after any titles and qualifiers
/// ("Deputy Mayor Ana Ruiz"); a single word with no title is a bare
/// [`Mention::Name`] ("Ruiz").
fn titled_name(lx: &ActorLexicon, ws: &[Word]) -> Option<Parsed> {
    let j = name_start(lx, ws)?;
    let prefix = &ws[..j];
    let name_ws = &ws[j..];
    let mut name: Vec<String> = name_ws
        .iter()
        .filter(|w| w.norm.chars().count() > 1)
        .map(|w| w.norm.clone())
        .collect();
    if name.is_empty() {
        name = norms(name_ws);
    }
    let mut p = Parsed::new(Mention::Empty);
    describe_prefix(lx, prefix, &mut p);
    let has_title = !p.roles.is_empty();
    p.mention = if name.len() >= 2 || has_title {
        Mention::Person {
            name,
            display: join_raw(name_ws),
        }
    } else {
        Mention::Name {
            word: name.remove(0),
            display: join_raw(name_ws),
        }
    };
    Some(p)
}

/// `name_start`: where the trailing run of name words begins, its
/// lower-case particles at the front skipped ("Minister Ana al-Noor" → 1);
/// `None` when there is none, or a connector precedes it ("envoy to
/// Orsa" names a place, not a person).
fn name_start(lx: &ActorLexicon, ws: &[Word]) -> Option<usize> {
    let n = ws.len();
    let mut j = n;
    while j > 0 && namey(lx, &ws[j - 1]) {
        j -= 1;
    }
    j = after_title_phrase(lx, ws, j);
    while j < n && !ws[j].cap {
        j += 1;
    }
    if j > 0 && j < n && lx.is_connector(&ws[j - 1].norm) {
        j = n;
    }
    (j < n).then_some(j)
}

/// `after_title_phrase`: a run of name-like words `ws[from..]` may hold a
/// title phrase none of whose words is a title alone (a listed "harbour
/// master" in "Harbour Master Ada Vos"); the name starts after the last
/// such phrase, as it does after a one-word title (none is left when the
/// phrase ends the run: "Harbour Master" is a role).
fn after_title_phrase(lx: &ActorLexicon, ws: &[Word], from: usize) -> usize {
    let ns: Vec<&str> = ws.iter().map(|w| w.norm.as_str()).collect();
    for k in (from + 2..=ns.len()).rev() {
        match lx.title_ending_at(&ns, k) {
            Some((len, _)) if len >= 2 && k - len >= from => return k,
            _ => {}
        }
    }
    from
}

/// `unnamed_role`: a role with no name, perhaps with a complement ("the
/// envoy to the bloc"); the capitalized complement words qualify it.
fn unnamed_role(lx: &ActorLexicon, ws: &[Word]) -> Option<Parsed> {
    let n = ws.len();
    let ns: Vec<&str> = ws.iter().map(|w| w.norm.as_str()).collect();
    for k in (1..=n).rev() {
        if let Some((len, canon)) = lx.title_ending_at(&ns, k) {
            if k == n || lx.is_connector(ns[k]) {
                let mut p = Parsed::new(Mention::Descriptor {
                    head: canon.to_owned(),
                    key: norms(ws),
                    display: join_raw(ws),
                    org_role: false,
                });
                describe_prefix(lx, &ws[..k - len], &mut p);
                p.roles = vec![role_key(canon)];
                p.quals
                    .extend(ws[k..].iter().filter(|w| w.cap).map(|w| w.norm.clone()));
                return Some(p);
            }
        }
    }
    None
}

/// `organization`: an organization word at the end, an acronym, or a
/// capitalized run holding an organization word ("Bank of Freedonia")
/// names an organization from its first capital on; lower-case, it is an
/// unnamed organization role ("the agency").
fn organization(lx: &ActorLexicon, ws: &[Word]) -> Option<Parsed> {
    let n = ws.len();
    let last = &ws[n - 1];
    let any_acronym = ws.iter().any(|w| w.acronym);
    let named_org = named_org(lx, ws);
    if !(lx.is_org_word(&last.norm) || any_acronym || named_org) {
        return None;
    }
    let first_cap = ws.iter().position(|w| w.cap);
    if let (Some(fc), true) = (first_cap, last.cap || any_acronym || named_org) {
        let org_ws = &ws[fc..];
        let mut key = norms(org_ws);
        if key.len() > 1 && key.last().is_some_and(|k| lx.is_outlet_suffix(k)) {
            key.pop();
        }
        let acronym = (key.len() == 1 && org_ws[0].acronym).then(|| key[0].clone());
        let mut p = Parsed::new(Mention::Org {
            key,
            display: join_raw(org_ws),
            acronym,
        });
        p.roles = org_roles(lx, &stem(&last.norm));
        p.quals = norms(org_ws);
        p.quals.extend(run_initials(lx, org_ws));
        return Some(p);
    }
    let head = last.norm.clone();
    let mut p = Parsed::new(Mention::Descriptor {
        head: head.clone(),
        key: norms(ws),
        display: join_raw(ws),
        org_role: true,
    });
    describe_prefix(lx, &ws[..n - 1], &mut p);
    p.roles = org_roles(lx, &stem(&head));
    Some(p)
}

/// `named_org`: a capitalized organization word, and every word after the
/// first capital capitalized or a connector ("Bank of Freedonia", not
/// "Freedonia's bank board").
fn named_org(lx: &ActorLexicon, ws: &[Word]) -> bool {
    ws.iter().any(|w| w.cap && lx.is_org_word(&w.norm))
        && ws
            .iter()
            .skip_while(|w| !w.cap)
            .all(|w| w.cap || lx.is_connector(&w.norm))
}

/// Role keys of an organization whose head noun has stem `head`: the head
/// and every generic noun ("agency") that covers it.
pub(crate) fn org_roles(lx: &ActorLexicon, head: &str) -> Vec<String> {
    let mut out = vec![head.to_owned()];
    for c in lx.classes_of(head) {
        if !out.iter().any(|o| o == c) {
            out.push(c.to_owned());
        }
    }
    out.sort();
    out
}
