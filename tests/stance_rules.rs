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
