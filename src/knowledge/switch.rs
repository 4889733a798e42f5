//! Switches for ablation: `GAINSAY_OFF=modifier_cue,glove` turns named
//! rules and resources off, to measure what each one contributes (the
//! ablation table in DESIGN.md). Read once per process; every switch is on
//! unless named there. A check is one atomic load and a bit test.

use std::sync::OnceLock;

/// A rule or resource that can be switched off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum Switch {
    /// WordNet synonyms: concept names from first-sense synsets, and the
    /// synonym part of a word's family.
    Synonyms,
    /// WordNet derivations and pertainyms in a word's family.
    Derivations,
    /// WordNet hypernyms: sister terms kept apart, and [`Link::Sister`](super::Link).
    Hypernyms,
    /// WordNet antonyms: opposed predicates.
    Antonyms,
    /// GloVe relatedness.
    Glove,
    /// The WordNet lemmatizer (off: a word is its own concept).
    Lemmatizer,
    /// Stance rule `modifier_cue`.
    ModifierCue,
    /// Stance rule `derived_noun`.
    DerivedNoun,
    /// Stance rule `phrase_negation`.
    PhraseNegation,
    /// Stance rule `refers_outside`.
    RefersOutside,
    /// Stance rule `is_answer_word` (bare answers).
    BareAnswer,
    /// Judge rule: an anaphoric claim is scored on its antecedent.
    OnAntecedent,
    /// Stance rule `name_link` ("Bay of Lorn" is one name).
    NameLink,
    /// Stance rule `denied_hedge`.
    DeniedHedge,
    /// Stance rule `is_name`.
    IsName,
    /// Stance rule `negated_report`.
    NegatedReport,
    /// Stance rule `title_before_name`.
    TitleBeforeName,
    /// `function_concept` (stance.rs).
    FunctionConcept,
    /// Quantity rule `own_figures` (judge.rs).
    OwnFigures,
    /// Stance rule `opposition_to_a_report` (judge.rs).
    OppositionToReport,
}

const NAMES: &[(&str, Switch)] = &[
    ("synonyms", Switch::Synonyms),
    ("derivations", Switch::Derivations),
    ("hypernyms", Switch::Hypernyms),
    ("antonyms", Switch::Antonyms),
    ("glove", Switch::Glove),
    ("lemmatizer", Switch::Lemmatizer),
    ("modifier_cue", Switch::ModifierCue),
    ("derived_noun", Switch::DerivedNoun),
    ("phrase_negation", Switch::PhraseNegation),
    ("refers_outside", Switch::RefersOutside),
    ("bare_answer", Switch::BareAnswer),
    ("on_antecedent", Switch::OnAntecedent),
    ("name_link", Switch::NameLink),
    ("denied_hedge", Switch::DeniedHedge),
    ("is_name", Switch::IsName),
    ("negated_report", Switch::NegatedReport),
    ("title_before_name", Switch::TitleBeforeName),
    ("function_concept", Switch::FunctionConcept),
    ("own_figures", Switch::OwnFigures),
    ("opposition_to_a_report", Switch::OppositionToReport),
];

/// The bits of the switches named off in `spec` (comma-separated names;
/// unknown names are ignored).
fn parse(spec: &str) -> u32 {
    spec.split(',')
        .map(str::trim)
        .filter_map(|n| NAMES.iter().find(|(name, _)| *name == n))
        .fold(0, |bits, (_, s)| bits | 1 << *s as u32)
}

/// True unless `GAINSAY_OFF` names the switch.
pub(crate) fn on(s: Switch) -> bool {
    static OFF: OnceLock<u32> = OnceLock::new();
    let off = *OFF.get_or_init(|| std::env::var("GAINSAY_OFF").map_or(0, |v| parse(&v)));
    off & (1 << s as u32) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_to_their_bits() {
        assert_eq!(parse(""), 0);
        assert_eq!(parse("glove"), 1 << Switch::Glove as u32);
        assert_eq!(
            parse("glove, antonyms,zorblax"),
            1 << Switch::Glove as u32 | 1 << Switch::Antonyms as u32
        );
        assert!(on(Switch::Synonyms) || std::env::var("GAINSAY_OFF").is_ok());
    }
}
