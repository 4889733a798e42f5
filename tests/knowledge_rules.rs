//! The stance rules that use general knowledge (WordNet and GloVe), each
//! shown on invented sentences: opposed predicates, related terms, a name
//! and its initialism. Every verdict names the relation it used.

use gainsay::{Detector, Report, Statement};

fn run(pairs: &[(&str, &str, &str)]) -> Report {
    let st: Vec<Statement> = pairs
        .iter()
        .map(|(id, actor, text)| Statement::new(*id, Some(*actor), *text))
        .collect();
    Detector::new().detect(&st).unwrap()
}

fn pair<'r>(r: &'r Report, a: &str, b: &str) -> Option<&'r gainsay::Contradiction> {
    r.contradictions
        .iter()
        .find(|c| (c.a == a && c.b == b) || (c.a == b && c.b == a))
}

#[test]
fn opposed_predicates_clash_on_a_shared_subject() {
    for (x, y, relation) in [
        (
            "The damage to the harbour was modest.",
            "The damage to the harbour was massive.",
            "antonym",
        ),
        (
            "The council said the new toll road is a cheap project.",
            "The new toll road is an expensive project.",
            "antonym",
        ),
    ] {
        let r = run(&[("a", "Mayor Ann Lee", x), ("b", "Governor Bo Park", y)]);
        let c = pair(&r, "a", "b").unwrap_or_else(|| panic!("{x} / {y}: {r:?}"));
        assert!(c.explanation.contains(relation), "{}", c.explanation);
        for side in ["a", "b"] {
            assert!(c.evidence.iter().any(|e| e.statement == side), "{c:?}");
        }
    }
}

#[test]
fn opposed_predicates_need_a_shared_subject() {
    let r = run(&[
        (
            "a",
            "Mayor Ann Lee",
            "The damage to the harbour was modest.",
        ),
        (
            "b",
            "Governor Bo Park",
            "The crowd at the festival was massive.",
        ),
    ]);
    assert!(r.contradictions.is_empty(), "{:?}", r.contradictions);
}

#[test]
fn related_terms_join_a_negation_to_its_proposition() {
    let r = run(&[
        (
            "a",
            "Inspector Cy Dunn",
            "The county did not repair the coastal road after the storm.",
        ),
        (
            "b",
            "Director Eve Moss",
            "The county repaired the coastal highway after the storm.",
        ),
    ]);
    let c = pair(&r, "a", "b").unwrap_or_else(|| panic!("{r:?}"));
    assert!(
        c.explanation.contains("road and highway are related"),
        "{}",
        c.explanation
    );
}

#[test]
fn a_name_and_its_initialism_are_one_concept() {
    let r = run(&[
        (
            "a",
            "Minister Dov Sela",
            "There are no United States troops in the Tarn valley.",
        ),
        (
            "b",
            "Reporter Fay Orr",
            "U.S. troops entered the Tarn valley.",
        ),
    ]);
    let c = pair(&r, "a", "b").unwrap_or_else(|| panic!("{r:?}"));
    assert!(c.explanation.contains("WordNet"), "{}", c.explanation);
}

#[test]
fn alternatives_are_not_related() {
    // Two weekdays (sister terms) are not one topic, however close GloVe
    // puts them: no clash through "monday" ~ "tuesday".
    let r = run(&[
        ("a", "Mayor Ann Lee", "The market will not open on Monday."),
        ("b", "Governor Bo Park", "The market will open on Tuesday."),
    ]);
    for c in &r.contradictions {
        assert!(!c.explanation.contains("tuesday"), "{}", c.explanation);
    }
}
