//! What a descriptor's context says about it ("the ministry" in "…, the
//! Freedonian health ministry said"), and qualifier matching.

use std::collections::BTreeSet;

use super::lex::ActorLexicon;
use super::parse::{role_key, split_words, Mention, Parsed, Word};
use crate::text::stem;

/// Words of a context looked at when resolving a descriptor.
const MAX_CONTEXT_WORDS: usize = 400;

/// Qualifier words that name the same thing: equal, a demonym of a place
/// ("ukrainian" ~ "ukraine"), or initials of a longer qualifier.
pub(super) fn qual_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    la.min(lb) >= 4 && common >= 4.max(la.min(lb).saturating_sub(2))
}

pub(super) fn quals_overlap(a: &[String], b: &[String]) -> usize {
    a.iter()
        .filter(|x| b.iter().any(|y| qual_match(x, y)))
        .count()
}

/// What a descriptor's context says about it.
#[derive(Default)]
pub(super) struct ContextClue {
    pub person: Option<Vec<String>>,
    pub org: Option<Vec<String>>,
    pub quals: Vec<String>,
    pub mods: Vec<String>,
}

/// Looks in a context for the actor a descriptor stands for.
pub(super) fn context_clue(lx: &ActorLexicon, p: &Parsed, context: &str) -> ContextClue {
    let mut clue = ContextClue::default();
    let Mention::Descriptor { head, org_role, .. } = &p.mention else {
        return clue;
    };
    let ws: Vec<Word> = split_words_limited(lx, context);
    let ns: Vec<&str> = ws.iter().map(|w| w.norm.as_str()).collect();
    let enrich = |clue: &mut ContextClue, before: &[Word]| {
        if !clue.quals.is_empty() || !clue.mods.is_empty() {
            return;
        }
        let mut start = before.len();
        while start > 0 && before.len() - start < 3 {
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
    };
    if !org_role {
        let want = role_key(head);
        for k in 1..=ws.len() {
            let Some((len, canon)) = lx.title_ending_at(&ns, k) else {
                continue;
            };
            if role_key(canon) != want {
                continue;
            }
            let mut e = k;
            while e < ws.len() && is_name_word(lx, &ws[e]) {
                e += 1;
                if ws[e - 1].punct_after {
                    break;
                }
            }
            let before = &ws[..k - len];
            if e > k {
                let ctx_quals: Vec<String> = before
                    .iter()
                    .rev()
                    .take_while(|w| w.cap && !w.punct_after)
                    .take(3)
                    .map(|w| w.norm.clone())
                    .collect();
                if !p.quals.is_empty()
                    && !ctx_quals.is_empty()
                    && quals_overlap(&p.quals, &ctx_quals) == 0
                {
                    continue;
                }
                let name: Vec<String> = ws[k..e]
                    .iter()
                    .filter(|w| w.norm.chars().count() > 1)
                    .map(|w| w.norm.clone())
                    .collect();
                if !name.is_empty() {
                    clue.person = Some(name);
                    return clue;
                }
            } else {
                enrich(&mut clue, before);
            }
        }
        return clue;
    }
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
            if k > s {
                clue.org = Some(ws[s..=k].iter().map(|w| w.norm.clone()).collect());
                return clue;
            }
        }
        if !w.cap && st == head_stem {
            enrich(&mut clue, &ws[..k]);
        }
    }
    clue
}

fn split_words_limited(lx: &ActorLexicon, s: &str) -> Vec<Word> {
    let mut end = s.len().min(MAX_CONTEXT_WORDS * 16);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    split_words(lx, &s[..end])
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
