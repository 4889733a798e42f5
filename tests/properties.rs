//! Properties that must always hold: no panic on any Unicode, spans valid and
//! on char boundaries, pairs independent of input order and symmetric,
//! records and reports that survive a JSON round trip, and output that is
//! byte-identical across runs and thread counts.

use std::collections::BTreeSet;

use gainsay::{Detector, Report, Statement};
use proptest::prelude::*;

mod common;
use common::check_spans;

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

/// A sentence of a generated corpus: random words, or a stance on one of a
/// two shared predicates (or a figure), so that corpora hold candidates.
fn corpus_sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => sentence(),
        3 => (0..2usize, prop::sample::select(vec![0u8, 1, 3, 4, 5, 7]))
            .prop_map(|(p, form)| side(p, form, Vec::new())),
    ]
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
            corpus_sentence(),
            prop::option::of(sentence()),
            0..3u8,
            0..3u8,
        ),
        2..12,
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
}

/// Predicates with their objects: both sides of a generated pair mostly
/// share one, so the judge has something to decide.
const PREDICATES: &[(&str, &str)] = &[
    ("build", "the new dam on the river"),
    ("raise", "the tax on fuel"),
    ("send", "troops to the border"),
    ("close", "the old mine in the valley"),
];

/// Figures of one event, some clashing with each other, some agreeing.
const FIGURES: &[&str] = &[
    "about 80,000 people died in the flood",
    "only 12 people died in the flood",
    "at least 83 people died in the flood",
    "hundreds of thousands of people died in the flood",
    "more than 80 people died in the flood",
];

/// Words that, after a sentence, leave its stance as it was.
const NEUTRAL: &[&str] = &[
    "Today", "This", "year", "as", "planned", "says", "the", "mayor", "again", "soon",
];

/// One side of a pair: a stance on predicate `p` (plain, negated, a cue
/// before it, or a question), or a figure, with a few random words after.
fn side(p: usize, form: u8, tail: Vec<&'static str>) -> String {
    let (verb, object) = PREDICATES[p % PREDICATES.len()];
    let core = match form {
        0 => format!("We will {verb} {object}."),
        1 => format!("We will not {verb} {object}."),
        2 => format!("We will never {verb} {object}."),
        3 => format!("To {verb} {object} has been ruled out."),
        4 => format!("That we {verb} {object} is ok with me."),
        5 => format!("Will they {verb} {object}?"),
        6 => format!("We might {verb} {object} if asked."),
        _ => format!("{}.", FIGURES[p % FIGURES.len()]),
    };
    if tail.is_empty() {
        core
    } else {
        format!("{core} {}", tail.join(" "))
    }
}

/// Two sentences that share a predicate (or a figure's event) seven times in
/// eight, mostly in opposed forms (a positive against a negative stance),
/// sometimes in agreeing, hedged or questioning ones; either may come first.
fn candidate_pair() -> impl Strategy<Value = (String, String)> {
    // Mostly words that leave the stance alone; sometimes any word of the
    // vocabulary (a stray "not" or "?" may change the verdict).
    let tail = || {
        prop_oneof![
            3 => prop::collection::vec(prop::sample::select(NEUTRAL), 0..4),
            1 => prop::collection::vec(prop::sample::select(VOCAB), 0..3),
        ]
    };
    let forms = prop_oneof![
        8 => (prop::sample::select(vec![0u8, 4]), prop::sample::select(vec![1u8, 2, 3])),
        2 => (0..7u8, 0..7u8),
        2 => Just((7u8, 7u8)),
    ];
    (0..20usize, forms, 0..8usize, any::<bool>(), tail(), tail()).prop_map(
        |(p, (fx, fy), other, swap, tx, ty)| {
            // One pair in eight is about different things.
            let q = if other == 0 { p + 1 } else { p };
            let (x, y) = (side(p, fx, tx), side(q, fy, ty));
            if swap {
                (y, x)
            } else {
                (x, y)
            }
        },
    )
}

/// Symmetric judgement: two statements give the same pairs and scores in
/// either order. The generated pairs are mostly candidates (a shared
/// predicate or event in clashing or agreeing forms), and the test checks
/// that at least half of them are reported, so symmetry is tested on real
/// verdicts, not on empty reports.
#[test]
fn judgement_is_symmetric() {
    const CASES: u32 = 400;
    let d = Detector::new();
    let n = count_cases(CASES, candidate_pair(), |(x, y)| {
        let a = Statement::new("a", Some("Mayor Ann Lee"), x).with_source("one");
        let b = Statement::new("b", Some("Governor Bo Park"), y).with_source("two");
        let ab = d.detect(&[a.clone(), b.clone()]).unwrap();
        let ba = d.detect(&[b, a]).unwrap();
        prop_assert_eq!(pairs(&ab), pairs(&ba));
        let scores = |r: &Report| {
            r.contradictions
                .iter()
                .map(|c| c.score.to_bits())
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(scores(&ab), scores(&ba));
        Ok(!ab.contradictions.is_empty())
    });
    assert!(
        n * 2 >= CASES as usize,
        "only {n} of {CASES} generated pairs were reported: the generator no longer makes candidates"
    );
    eprintln!("judgement_is_symmetric: {n} of {CASES} generated pairs reported");
}

/// Runs `check` on `cases` values of `strategy` (failing as a property
/// test fails) and counts the cases for which it returned true: how a test
/// shows that its generator makes the cases it claims to test.
fn count_cases<S: Strategy>(
    cases: u32,
    strategy: S,
    check: impl Fn(S::Value) -> Result<bool, TestCaseError>,
) -> usize {
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let counted = AtomicUsize::new(0);
    // A fixed seed: the fraction is a property of the generator, measured
    // on the same cases each run, not a coin flip near its bound.
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases,
            ..Config::default()
        },
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    runner
        .run(&strategy, |v| {
            if check(v)? {
                counted.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        })
        .unwrap();
    counted.load(Ordering::Relaxed)
}

/// The report as `detect --json` writes it, on a rayon pool of `threads`.
fn json_on(threads: usize, st: &[Statement]) -> String {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| serde_json::to_string(&Detector::new().detect(st).unwrap()).unwrap())
}

/// Unknown fields: any JSON scalar or small array under names that are not
/// record fields.
fn extra() -> impl Strategy<Value = serde_json::Map<String, serde_json::Value>> {
    use serde_json::Value;
    let value = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "\\PC{0,20}".prop_map(Value::String),
        prop::collection::vec(any::<u16>().prop_map(Value::from), 0..4).prop_map(Value::Array),
    ];
    prop::collection::btree_map("x_[a-z]{1,8}", value, 0..4).prop_map(|m| m.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn records_round_trip_through_json_lines(
        st in corpus(),
        extras in prop::collection::vec(extra(), 12),
        spans in prop::collection::vec(prop::option::of((0..1000usize, 0..1000usize)), 12),
    ) {
        let st: Vec<Statement> = st
            .into_iter()
            .zip(extras)
            .zip(spans)
            .map(|((mut s, x), sp)| {
                s.extra = x;
                s.span = sp.map(|(a, b)| [a.min(b), a.max(b)]);
                s
            })
            .collect();
        let mut lines = String::new();
        for s in &st {
            lines.push_str(&serde_json::to_string(s).unwrap());
            lines.push('\n');
        }
        let back = gainsay::read_jsonl(lines.as_bytes());
        prop_assert!(back.errors.is_empty(), "{:?}", back.errors);
        prop_assert_eq!(&back.statements, &st);
        // And written again, byte for byte.
        let again: String = back
            .statements
            .iter()
            .map(|s| serde_json::to_string(s).unwrap() + "\n")
            .collect();
        prop_assert_eq!(again, lines);
    }

    #[test]
    fn reports_round_trip_through_json(st in corpus()) {
        let report = Detector::new().detect(&st).unwrap();
        let json = serde_json::to_string(&report).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &report);
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }

    #[test]
    fn output_does_not_depend_on_thread_count_or_run(st in corpus()) {
        let one = json_on(1, &st);
        prop_assert_eq!(&json_on(2, &st), &one);
        prop_assert_eq!(&json_on(4, &st), &one);
        prop_assert_eq!(&json_on(2, &st), &one);
    }
}
/// The corpora the order and thread-count properties run on hold pairs in
/// most cases, so those properties are tested on real verdicts.
#[test]
fn generated_corpora_mostly_hold_pairs() {
    const CASES: u32 = 300;
    let d = Detector::new();
    let n = count_cases(CASES, corpus(), |st| {
        Ok(!d.detect(&st).unwrap().contradictions.is_empty())
    });
    assert!(
        n * 2 >= CASES as usize,
        "only {n} of {CASES} generated corpora hold a pair"
    );
    eprintln!("generated_corpora_mostly_hold_pairs: {n} of {CASES}");
}
