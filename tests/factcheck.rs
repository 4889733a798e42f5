//! Invented fact-check cases (`tests/data/factcheck_figures.jsonl`): rates,
//! money, units, magnitudes, ranges, margins, scope and non-figures, each
//! with whether its two statements clash on their figures, checked through
//! the whole detector in both orders.

use gainsay::{ContradictionKind, Detector, Statement};

const CASES: &str = include_str!("data/factcheck_figures.jsonl");

fn clashes(x: &str, y: &str) -> bool {
    let a = Statement::new("a", Some("Mayor Ann Lee"), x).with_source("one");
    let b = Statement::new("b", Some("Health Bureau"), y).with_source("two");
    let report = Detector::new().detect(&[a, b]).unwrap();
    report
        .contradictions
        .iter()
        .any(|c| c.kind == ContradictionKind::Quantity)
}

#[test]
fn factcheck_cases_end_to_end() {
    let mut failures = Vec::new();
    let mut n = 0;
    for line in CASES.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("a JSON case");
        let (a, b) = (case["a"].as_str().unwrap(), case["b"].as_str().unwrap());
        let want = case["clash"].as_bool().unwrap();
        for (x, y) in [(a, b), (b, a)] {
            if clashes(x, y) != want {
                failures.push(format!("{}: {x} / {y}: want clash={want}", case["rule"]));
            }
        }
        n += 1;
    }
    assert!(n >= 15, "only {n} cases");
    assert!(failures.is_empty(), "{failures:#?}");
}
