//! What a descriptor's context says about it ("the ministry" in "…, the
//! Freedonian health ministry said"), and qualifier matching.

use std::collections::BTreeSet;

use super::lex::ActorLexicon;
use super::parse::{possessor, role_key, words_of, Mention, Parsed, Word};
use crate::text::{self, stem, Token};

/// Words of a context looked at when resolving a descriptor.
const MAX_CONTEXT_WORDS: usize = 400;

/// Bytes a context word is allowed on average, so that
/// [`MAX_CONTEXT_WORDS`] becomes a byte cut: the words of the tokens that
/// start before it are read.
const CONTEXT_WORD_BYTES: usize = 16;

/// The byte cut of a context: [`MAX_CONTEXT_WORDS`] words on average.
const MAX_CONTEXT_BYTES: usize = MAX_CONTEXT_WORDS * CONTEXT_WORD_BYTES;

/// Words before a bare role word read as its qualifiers and modifiers:
/// "the Orsa port authority" gives the three before "authority"; farther
/// words describe something else.
const ROLE_PREFIX_WORDS: usize = 3;

/// Capitalized words before a titled name read as its qualifiers: "Orsa
/// Mayor Ana Ruiz" gives "orsa", a run longer than this is a sentence.
const NAME_PREFIX_QUALS: usize = 3;

/// Shortest qualifier a demonym rule compares: shorter words ("eu") must
/// be equal to match.
const MIN_DEMONYM_CHARS: usize = 4;

/// Letters a demonym may differ by at the end of the shorter word
/// ("velmarian" ~ "velmar" share all but the ending).
const DEMONYM_ENDING: usize = 2;

/// Qualifier words that name the same thing: equal, a demonym of a place
/// ("ukrainian" ~ "ukraine"), or initials of a longer qualifier.
pub(super) fn qual_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    la.min(lb) >= MIN_DEMONYM_CHARS
        && common >= MIN_DEMONYM_CHARS.max(la.min(lb).saturating_sub(DEMONYM_ENDING))
}

pub(super) fn quals_overlap(a: &[String], b: &[String]) -> usize {
    a.iter()
        .filter(|x| b.iter().any(|y| qual_match(x, y)))
        .count()
}

/// What a descriptor's context says about it: the person or organization
/// it names for the descriptor's role, or the words around a bare role
/// word there. Small: a record keeps its clue, not its context's tokens.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct ContextClue {
    /// The folded name words of the person the context names.
    pub person: Option<Vec<String>>,
    /// That person's name as the context writes it ("Ana Ruiz"): the
    /// name a report shows when no record names the person itself.
    pub person_written: String,
    pub org: Option<Vec<String>>,
    pub quals: Vec<String>,
    pub mods: Vec<String>,
}

/// Looks in a context for the actor a descriptor stands for (a person's
/// role, or an organization's head noun), reading the context's tokens
/// `toks` (`text::words(context)`, cut where the field is read) up to its
/// byte cut.
pub(crate) fn context_clue(
    lx: &ActorLexicon,
    p: &Parsed,
    context: &str,
    toks: &[Token<'_>],
) -> ContextClue {
    context_clue_within(lx, p, context, toks, MAX_CONTEXT_BYTES)
}

/// [`context_clue`] for a context no one else cuts (the live table, a
/// resolution without a reading): its tokens up to the byte cut, cut here.
pub(super) fn context_clue_cut(lx: &ActorLexicon, p: &Parsed, context: &str) -> ContextClue {
    if !matches!(p.mention, Mention::Descriptor { .. }) {
        return ContextClue::default();
    }
    let head = head_within(context, MAX_CONTEXT_BYTES);
    context_clue_within(lx, p, head, &text::words(head), MAX_CONTEXT_BYTES)
}

/// The start of `context` that holds every token starting before byte
/// `limit`: up to the first white space at or after it that no token
/// crosses (any but a narrow no-break space, which UAX #29 keeps between
/// letters), so these tokens are cut alike from the start and from the
/// whole.
pub(super) fn head_within(context: &str, limit: usize) -> &str {
    let mut from = limit.min(context.len());
    while !context.is_char_boundary(from) {
        from -= 1;
    }
    let end = context[from..]
        .find(|c: char| c.is_whitespace() && c != '\u{202f}')
        .map_or(context.len(), |k| from + k);
    &context[..end]
}

/// [`context_clue`] reading the tokens of `toks` that start before byte
/// `limit`.
pub(super) fn context_clue_within(
    lx: &ActorLexicon,
    p: &Parsed,
    context: &str,
    toks: &[Token<'_>],
    limit: usize,
) -> ContextClue {
    let Mention::Descriptor { head, org_role, .. } = &p.mention else {
        return ContextClue::default();
    };
    let n = toks.partition_point(|t| t.start < limit);
    let ws: Vec<Word> = words_of(lx, context, &toks[..n]);
    if *org_role {
        org_clue(lx, head, &ws)
    } else {
        person_clue(lx, p, head, &ws)
    }
}

/// `person_clue`: the name after the descriptor's role in its context
/// ("the mayor" in "…, said Orsa Mayor Ana Ruiz": Ana Ruiz), unless the
/// qualifiers before the role disagree with the descriptor's; a bare
/// role word there adds the words before it as qualifiers and modifiers.
fn person_clue(lx: &ActorLexicon, p: &Parsed, head: &str, ws: &[Word]) -> ContextClue {
    let mut clue = ContextClue::default();
    let ns: Vec<&str> = ws.iter().map(|w| w.norm.as_str()).collect();
    let want = role_key(head);
    for k in 1..=ws.len() {
        let Some((len, canon)) = lx.title_ending_at(&ns, k) else {
            continue;
        };
        if role_key(canon) != want {
            continue;
        }
        let e = name_end(lx, ws, k);
        let before = &ws[..k - len];
        if e == k {
            enrich(lx, &mut clue, before);
            continue;
        }
        if quals_disagree(p, before) {
            continue;
        }
        let kept: Vec<&Word> = ws[k..e]
            .iter()
            .filter(|w| w.norm.chars().count() > 1)
            .collect();
        if !kept.is_empty() {
            clue.person = Some(kept.iter().map(|w| w.norm.clone()).collect());
            clue.person_written = written_name(&kept);
            return clue;
        }
    }
    clue
}

/// A clue's name words as written, each without a possessive ("Ana
/// Ruiz's" gives "Ana Ruiz").
fn written_name(words: &[&Word]) -> String {
    let mut out = String::new();
    for w in words {
        let raw = if w.poss { possessor(&w.raw) } else { &w.raw };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(raw);
    }
    out
}

/// The end of the run of name words from `ws[k]`, which stops after a word
/// followed by punctuation ("Ana Ruiz, who").
fn name_end(lx: &ActorLexicon, ws: &[Word], k: usize) -> usize {
    let mut e = k;
    while e < ws.len() && is_name_word(lx, &ws[e]) {
        e += 1;
        if ws[e - 1].punct_after {
            break;
        }
    }
    e
}

/// `quals_disagree`: the capitalized words just before a role in a context
/// share no qualifier with the descriptor's ("the Orsa mayor" against
/// "Velmar Mayor Ana Ruiz"); either side without qualifiers agrees.
fn quals_disagree(p: &Parsed, before: &[Word]) -> bool {
    let ctx_quals: Vec<String> = before
        .iter()
        .rev()
        .take_while(|w| w.cap && !w.punct_after)
        .take(NAME_PREFIX_QUALS)
        .map(|w| w.norm.clone())
        .collect();
    !p.quals.is_empty() && !ctx_quals.is_empty() && quals_overlap(&p.quals, &ctx_quals) == 0
}

/// `enrich`: the words just before a bare role word in a context, back to
/// a determiner or punctuation, qualify it (capitalized or possessive) or
/// modify it ("the Orsa port authority": "orsa", "port"). Only the first
/// such role word counts.
fn enrich(lx: &ActorLexicon, clue: &mut ContextClue, before: &[Word]) {
    if !clue.quals.is_empty() || !clue.mods.is_empty() {
        return;
    }
    let mut start = before.len();
    while start > 0 && before.len() - start < ROLE_PREFIX_WORDS {
        let w = &before[start - 1];
        if lx.is_determiner(&w.norm) || w.punct_after && !w.poss {
            break;
        }
        start -= 1;
    }
    for w in &before[start..] {
        if w.cap || w.poss {
            clue.quals.push(w.norm.clone());
        } else if !lx.is_connector(&w.norm) {
            clue.mods.push(stem(&w.norm));
        }
    }
}

/// `org_clue`: the organization a context names for an organization
/// descriptor: the first acronym ("ORB"), or a capitalized run ending in
/// its head or a noun its class covers ("the agency" in "the Orsa Rail
/// Agency said"); a lower-case head there enriches the clue instead.
fn org_clue(lx: &ActorLexicon, head: &str, ws: &[Word]) -> ContextClue {
    let mut clue = ContextClue::default();
    let head_stem = stem(head);
    let mut class: BTreeSet<String> = lx
        .org_class(&head_stem)
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .collect();
    class.insert(head_stem.clone());
    for (k, w) in ws.iter().enumerate() {
        if w.acronym {
            clue.org = Some(vec![w.norm.clone()]);
            return clue;
        }
        let st = stem(&w.norm);
        if w.cap && class.contains(&st) {
            let s = org_name_start(lx, ws, k);
            if k > s {
                clue.org = Some(ws[s..=k].iter().map(|w| w.norm.clone()).collect());
                return clue;
            }
        }
        if !w.cap && st == head_stem {
            enrich(lx, &mut clue, &ws[..k]);
        }
    }
    clue
}

/// Where the organization name ending at `ws[k]` starts: back over
/// capitalized words and connectors between two of them ("Bank of Orsa"),
/// stopping at punctuation and determiners.
fn org_name_start(lx: &ActorLexicon, ws: &[Word], k: usize) -> usize {
    let mut s = k;
    while s > 0 {
        let prev = &ws[s - 1];
        if prev.punct_after && !prev.poss {
            break;
        }
        let joins = (prev.cap && !lx.is_determiner(&prev.norm))
            || (lx.is_connector(&prev.norm) && s >= 2 && ws[s - 2].cap);
        if joins {
            s -= 1;
        } else {
            break;
        }
    }
    s
}

fn is_name_word(lx: &ActorLexicon, w: &Word) -> bool {
    w.cap
        && !w.acronym
        && !lx.is_title(&w.norm)
        && !lx.is_org_word(&w.norm)
        && !lx.is_modifier(&w.norm)
        && !lx.is_determiner(&w.norm)
        && !lx.is_connector(&w.norm)
}
