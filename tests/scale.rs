//! The bounded index finds what the all-pairs baseline finds on corpora small
//! enough for the bounds not to bite, and the synthetic corpus's planted
//! pairs are found.

use std::collections::BTreeSet;

use gainsay::synth::{generate, SynthConfig};
use gainsay::{Detector, Report};

fn pairs(r: &Report) -> BTreeSet<(String, String)> {
    r.contradictions
        .iter()
        .map(|c| (c.a.clone(), c.b.clone()))
        .collect()
}

#[test]
fn indexed_and_all_pairs_runs_agree_on_small_corpora() {
    for seed in 1..4 {
        let corpus = generate(&SynthConfig {
            statements: 400,
            seed,
            ..SynthConfig::default()
        });
        let indexed = Detector::builder()
            .max_partners(usize::MAX)
            .build()
            .unwrap()
            .detect(&corpus.statements)
            .unwrap();
        assert!(indexed.bounds.is_empty(), "{:?}", indexed.bounds);
        let all = Detector::builder()
            .exhaustive(true)
            .build()
            .unwrap()
            .detect(&corpus.statements)
            .unwrap();
        assert_eq!(pairs(&indexed), pairs(&all), "seed {seed}");
    }
}

#[test]
fn planted_pairs_are_found() {
    let corpus = generate(&SynthConfig {
        statements: 3_000,
        seed: 11,
        ..SynthConfig::default()
    });
    let found = pairs(&Detector::new().detect(&corpus.statements).unwrap());
    let hit = corpus.planted.iter().filter(|p| found.contains(*p)).count();
    assert_eq!(hit, corpus.planted.len());
}

#[test]
fn streamed_json_is_the_report_byte_for_byte() {
    let corpus = generate(&SynthConfig {
        statements: 9_000,
        seed: 5,
        ..SynthConfig::default()
    });
    let mut lines: Vec<String> = corpus
        .statements
        .iter()
        .map(|s| serde_json::to_string(s).unwrap())
        .collect();
    lines.insert(7, "{\"id\": 3}".into());
    let input = lines.join("\n");
    // Small bounds, so the report lists problems and bounds as well.
    let run = Detector::builder()
        .max_postings(50)
        .build()
        .unwrap()
        .detect_records(gainsay::StatementReader::new(input.as_bytes()))
        .unwrap();
    let report = run.report();
    assert!(!report.problems.is_empty() && !report.bounds.is_empty());
    // Bounds are structured: a program can tell which bound, its limit and
    // what it concerned, not only read the prose.
    for b in &report.bounds {
        assert!(
            b.count > b.limit || b.kind != gainsay::BoundKind::MaxPostings,
            "{b:?}"
        );
        if b.kind == gainsay::BoundKind::MaxPostings {
            assert_eq!(b.limit, 50);
            assert!(b.subject.is_some(), "{b:?}");
        }
    }
    assert!(report.statements.len() > 4096 && !report.contradictions.is_empty());
    let mut streamed = Vec::new();
    run.write_json(&mut streamed).unwrap();
    assert_eq!(
        String::from_utf8(streamed).unwrap(),
        serde_json::to_string(&report).unwrap()
    );
}
