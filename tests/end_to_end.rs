//! End-to-end: the bundled seed statements through the whole pipeline.

use gainsay::{read_jsonl, ContradictionKind, Detector, Field, Report, Role, Statement};

fn seeds() -> Vec<Statement> {
    let out = read_jsonl(include_str!("../examples/data/seeds.jsonl").as_bytes());
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    out.statements
}

fn field(s: &Statement, f: Field) -> &str {
    s.field(f).unwrap()
}

fn pair<'r>(r: &'r Report, a: &str, b: &str) -> Option<&'r gainsay::Contradiction> {
    r.contradictions
        .iter()
        .find(|c| (c.a == a && c.b == b) || (c.a == b && c.b == a))
}

#[test]
fn ok_with_me_against_not_going_to() {
    let st = seeds();
    let report = Detector::new().detect(&st).unwrap();
    let c = pair(&report, "s000-03", "s000-09").expect("the founding pair is reported");
    assert_eq!(c.kind, ContradictionKind::Stance);
    let cue = |id: &str| {
        c.evidence
            .iter()
            .find(|e| e.statement == id && e.role == Role::Cue)
            .map(|e| e.text.clone())
    };
    assert!(cue("s000-03").unwrap().starts_with("ok"));
    assert!(cue("s000-09").unwrap().contains("not going to"));
}

#[test]
fn every_evidence_span_slices_its_field() {
    let st = seeds();
    let report = Detector::new().detect(&st).unwrap();
    assert!(!report.contradictions.is_empty());
    for c in &report.contradictions {
        for side in [&c.a, &c.b] {
            assert!(c.evidence.iter().any(|e| &e.statement == side), "{c:?}");
        }
        for e in &c.evidence {
            let s = st.iter().find(|s| s.id == e.statement).unwrap();
            let f = field(s, e.field);
            assert_eq!(&f[e.start..e.end], e.text);
            assert_eq!(f[..e.start].chars().count(), e.char_start);
            assert_eq!(f[..e.end].chars().count(), e.char_end);
        }
    }
}

#[test]
fn same_actor_same_position_never_pairs_with_itself() {
    let st = seeds();
    let report = Detector::new().detect(&st).unwrap();
    let actor = |id: &str| {
        report
            .statements
            .iter()
            .find(|s| s.id == id)
            .unwrap()
            .actor
            .clone()
    };
    let date = |id: &str| st.iter().find(|s| s.id == id).unwrap().date;
    for c in &report.contradictions {
        if actor(&c.a) == actor(&c.b) {
            assert!(date(&c.a).is_some() && date(&c.a) != date(&c.b), "{c:?}");
        }
    }
}

#[test]
fn report_round_trips_through_json() {
    let report = Detector::new().detect(&seeds()).unwrap();
    let json = serde_json::to_string(&report).unwrap();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}

#[test]
fn bad_records_are_listed_and_the_rest_processed() {
    let mut st = seeds();
    st.push(Statement::new("", Some("X"), "text"));
    st.push(Statement::new("s000-01", Some("X"), "a duplicate id"));
    let report = Detector::new().detect(&st).unwrap();
    assert_eq!(report.problems.len(), 2);
    assert_eq!(report.statements.len(), st.len() - 2);
}
