//! Properties that must always hold: no panic on any Unicode, spans valid and
//! on char boundaries, pairs independent of input order and symmetric.

use std::collections::BTreeSet;

use gainsay::{Detector, Field, Report, Statement};
use proptest::prelude::*;

fn check_spans(report: &Report, st: &[Statement]) {
    for c in &report.contradictions {
        assert!(c.evidence.iter().any(|e| e.statement == c.a));
        assert!(c.evidence.iter().any(|e| e.statement == c.b));
        for e in &c.evidence {
            let s = st.iter().find(|s| s.id == e.statement).unwrap();
            let f = match e.field {
                Field::Text => s.text.as_str(),
                Field::Context => s.context.as_deref().unwrap(),
            };
            assert!(f.is_char_boundary(e.start) && f.is_char_boundary(e.end));
            assert!(e.start < e.end && e.end <= f.len());
            assert_eq!(&f[e.start..e.end], e.text);
        }
    }
}

fn pairs(report: &Report) -> BTreeSet<(String, String, String)> {
    report
        .contradictions
        .iter()
        .map(|c| (c.a.clone(), c.b.clone(), format!("{:?}", c.kind)))
        .collect()
}

/// Words that make stance clashes likely, so the order tests see pairs.
const VOCAB: &[&str] = &[
    "we",
    "will",
    "not",
    "never",
    "send",
    "troops",
    "soldiers",
    "build",
    "the",
    "dam",
    "river",
    "ruled",
    "out",
    "ok",
    "with",
    "me",
    "reject",
    "strikes",
    "he",
    "she",
    "illegal",
    "legal",
    "tax",
    "raise",
    "about",
    "80,000",
    "hundreds",
    "of",
    "thousands",
    "people",
    "died",
    "at",
    "least",
    "83",
    "that's",
    "don't",
    "agree",
    ".",
    "?",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 1..14).prop_map(|w| w.join(" "))
}

fn actor() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop::sample::select(vec![
        "Mayor Ann Lee",
        "Lee",
        "he",
        "she",
        "Governor Bo Park",
        "Park",
        "the council",
        "City officials",
    ]))
    .prop_map(|a| a.map(str::to_owned))
}

/// Statements spread over up to three sources, ids unique.
fn corpus() -> impl Strategy<Value = Vec<Statement>> {
    prop::collection::vec(
        (
            actor(),
            sentence(),
            prop::option::of(sentence()),
            0..3u8,
            0..3u8,
        ),
        1..12,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (a, t, c, src, day))| {
                let mut s = Statement::new(format!("r{i:02}"), a.as_deref(), t)
                    .with_source(format!("src{src}"))
                    .with_date(format!("2024-05-0{}", day + 1).parse().unwrap());
                s.context = c;
                s
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn no_panic_on_any_unicode(
        rows in prop::collection::vec(
            (prop::option::of("\\PC{0,40}"), "\\PC{0,120}", prop::option::of("\\PC{0,120}")),
            1..6,
        )
    ) {
        let st: Vec<Statement> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (a, t, c))| {
                let mut s = Statement::new(format!("u{i}"), a.as_deref(), t);
                s.context = c;
                s
            })
            .collect();
        let report = Detector::new().detect(&st).unwrap();
        check_spans(&report, &st);
    }

    #[test]
    fn spans_valid_on_wordy_corpora(st in corpus()) {
        let report = Detector::new().detect(&st).unwrap();
        check_spans(&report, &st);
    }

    #[test]
    fn pairs_do_not_depend_on_the_order_of_sources(st in corpus(), rot in 0..3usize) {
        let d = Detector::new();
        let base = pairs(&d.detect(&st).unwrap());
        // Regroup by source (each source keeps its own order), sources rotated.
        let mut order: Vec<String> = st.iter().filter_map(|s| s.source.clone()).collect();
        order.sort();
        order.dedup();
        let k = rot % order.len().max(1);
        order.rotate_left(k);
        let moved: Vec<Statement> = order
            .iter()
            .flat_map(|src| st.iter().filter(move |s| s.source.as_ref() == Some(src)).cloned())
            .collect();
        prop_assert_eq!(pairs(&d.detect(&moved).unwrap()), base);
    }

    #[test]
    fn judgement_is_symmetric(x in sentence(), y in sentence()) {
        let a = Statement::new("a", Some("Mayor Ann Lee"), x).with_source("one");
        let b = Statement::new("b", Some("Governor Bo Park"), y).with_source("two");
        let d = Detector::new();
        let ab = d.detect(&[a.clone(), b.clone()]).unwrap();
        let ba = d.detect(&[b, a]).unwrap();
        prop_assert_eq!(pairs(&ab), pairs(&ba));
        let scores = |r: &Report| r.contradictions.iter().map(|c| c.score.to_bits()).collect::<Vec<_>>();
        prop_assert_eq!(scores(&ab), scores(&ba));
    }
}
