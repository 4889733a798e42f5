//! Stance rules shown on invented sentences.

use gainsay::{Detector, Statement};

/// "We believe" attributes a belief to the speaker: the claim is theirs,
/// not hedged. "I believe" stays a hedge (a softened first-person claim).
#[test]
fn we_believe_is_a_claim_not_a_hedge() {
    let claims = Detector::new().claims(&Statement::new(
        "a",
        Some("Minister Dov Sela"),
        "We believe the council has approved the new dam.",
    ));
    assert!(claims.iter().all(|c| c.hedges.is_empty()), "{claims:?}");
    let claims = Detector::new().claims(&Statement::new(
        "b",
        Some("Minister Dov Sela"),
        "I believe the council has approved the new dam.",
    ));
    assert!(claims.iter().any(|c| !c.hedges.is_empty()), "{claims:?}");
}

fn pair_found(texts: [&str; 2]) -> bool {
    let st = vec![
        Statement::new("a", Some("Mayor Ann Lee"), texts[0]),
        Statement::new("b", Some("Governor Bo Park"), texts[1]),
    ];
    !Detector::new()
        .detect(&st)
        .unwrap()
        .contradictions
        .is_empty()
}

/// Headline case: an ALL CAPS or Title Case clause reads as sentence case;
/// its capitals join no names ("FLOOD_WATER") and skip no title words.
#[test]
fn all_caps_and_title_case_read_as_sentence_case() {
    for texts in [
        [
            "THE NEW DAM ON THE RIVER IS NOT SAFE.",
            "The new dam on the river is safe.",
        ],
        [
            "Harbour Council Will Not Approve The Bridge Toll",
            "The harbour council will approve the bridge toll.",
        ],
    ] {
        assert!(pair_found(texts), "{texts:?}");
    }
    // A few capitalized words are still a name.
    let claims = Detector::new().claims(&Statement::new(
        "c",
        None,
        "The dam in Port Vella is not safe.",
    ));
    assert!(
        claims
            .iter()
            .any(|c| c.proposition.iter().any(|k| k == "port_vella")),
        "{claims:?}"
    );
}

/// The question a terse answer borrows ends at the speech frame ("…, Lee
/// said:"): the speaker's own words after it are not part of what was
/// asked, however long the answer runs (the colon here sits in the first
/// third of the context).
#[test]
fn the_borrowed_question_ends_at_the_speech_frame() {
    let s = Statement::new("a", Some("Mayor Ann Lee"), "I don't think they existed.").with_context(
        "Asked whether the city had large reserves of grain when the siege began, Lee said: \
         “I don't think they existed. What everyone was talking about then was the harbour tax, \
         which the council raised twice. It was all the market spoke of that winter, \
         with the ferry fares and the price of bread.”",
    );
    let claims = Detector::new().claims(&s);
    let keys: Vec<&str> = claims
        .iter()
        .flat_map(|c| c.proposition.iter().map(String::as_str))
        .collect();
    assert!(keys.contains(&"grain"), "{keys:?}");
    assert!(!keys.contains(&"harbour"), "{keys:?}");
}

/// `on_antecedent`: a claim that borrows its antecedent is weighed on it,
/// so its own pointing words ("these two lines", "the draft") do not
/// dilute the match with a claim of the antecedent.
#[test]
fn a_pointing_claim_is_weighed_on_its_antecedent() {
    let st = vec![
        Statement::new(
            "a",
            Some("Mayor Ann Lee"),
            "The council quietly sought a large loan from the northern bank.",
        ),
        Statement::new(
            "b",
            Some("Governor Bo Park"),
            "These two lines should never have been included in the printed text the clerks and ushers wrote for the spring session of the hall.",
        )
        .with_context(
            "Referring to the budget passage saying that the council had sought a loan from the northern bank, Park said:",
        ),
    ];
    let report = Detector::new().detect(&st).unwrap();
    assert_eq!(report.contradictions.len(), 1, "{report:?}");
    // Weighed on all its fifteen terms the pair scores about 0.32; on the
    // antecedent's seven, 0.47.
    assert!(report.contradictions[0].score > 0.4, "{report:?}");
}

/// `title_before_name`: a title word right before a person's name (any
/// case) designates the speaker; it is not borrowed as content.
#[test]
fn a_title_before_a_name_is_not_content() {
    let s = Statement::new("a", Some("Ivo Sand"), "This rumour has nothing to rely on.").with_context(
        "Asked about reports that the ferry would stop in May, the harbour spokesman Ivo Sand called it a rumour:",
    );
    let claims = gainsay::Detector::new().claims(&s);
    let keys: Vec<&str> = claims
        .iter()
        .flat_map(|c| c.proposition.iter().map(String::as_str))
        .collect();
    assert!(keys.contains(&"ferry"), "{keys:?}");
    assert!(!keys.contains(&"spokesman"), "{keys:?}");
}
