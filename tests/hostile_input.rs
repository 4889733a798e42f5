//! Hostile text and hostile corpora: no panic, valid spans, time linear in
//! length, bounded candidate generation. Sizes are kept so that each test
//! runs well under two seconds in a debug build; the full-size cases (1 MB
//! statements, 100,000 statements) are in `benches/hostile.rs`.
//!
//! Several of these inputs were quadratic before (a 40 KB text of number
//! words took 42 s in release, 400 KB of "; but" 13.5 s); the time guard
//! below is loose on purpose, to catch a return to that, not to benchmark.

use std::time::{Duration, Instant};

use gainsay::{BoundKind, Detector, Report, Statement};

/// Bytes of each repeated hostile text (the 1 MB versions are benched).
const SIZE: usize = 24_000;

/// Far above what these sizes take when linear (under 6 s for the whole
/// file in a debug build), far below quadratic (minutes in debug): loose
/// enough for a loaded 2-core machine, where 20 s was once exceeded.
const GUARD: Duration = Duration::from_secs(60);

mod common;
use common::check_spans;

/// Runs the hostile `text` as the text and the context of one statement,
/// beside an ordinary one, through detection, figure parsing and the reader.
fn survive(name: &str, text: &str) -> Report {
    let t0 = Instant::now();
    let st = vec![
        Statement::new("h", Some("Mayor Ann Lee"), text).with_context(text),
        Statement::new(
            "o",
            Some("Governor Bo Park"),
            "The council will build the new dam on the river, about 80,000 people said.",
        ),
    ];
    let report = Detector::new().detect(&st).unwrap();
    check_spans(&report, &st);
    for f in gainsay::parse_figures(text) {
        assert!(f.span.slice(text).is_some(), "{name}: {f:?}");
        if let Some(c) = f.counted {
            assert!(c.slice(text).is_some(), "{name}: {f:?}");
        }
    }
    let line = serde_json::to_string(&st[0]).unwrap() + "\n";
    let back = gainsay::read_jsonl(line.as_bytes());
    assert_eq!(back.statements, &st[..1], "{name}");
    let took = t0.elapsed();
    assert!(took < GUARD, "{name}: {} bytes took {took:?}", text.len());
    report
}

fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

#[test]
fn ten_thousand_negations() {
    survive("not", &"not ".repeat(10_000));
    survive(
        "not + cue",
        &format!("{}ruled out the new dam.", "not ".repeat(10_000)),
    );
    survive("never no", &repeat("never no n't not ", SIZE));
}

#[test]
fn nested_and_unbalanced_quotes_and_brackets() {
    let deep = format!("{}dam{}", "(\"[«‘“".repeat(4_000), "”’»]\")".repeat(4_000));
    survive("nested", &deep);
    survive("open only", &repeat("((( \"\"\" [[[ «« “ ‘", SIZE));
    survive("close only", &repeat(")]}»”’\" ", SIZE));
    survive(
        "quoted answer",
        &repeat("He said: \"We will not \"build\" the dam\" ", SIZE),
    );
}

#[test]
fn control_characters() {
    survive("c0", &repeat("a\u{0}\u{7}\u{1b}[0m\r\u{8}\u{c} ", SIZE));
    survive(
        "c1 and separators",
        &repeat("dam\u{85}river\u{2028}not\u{2029}\u{9c}", SIZE),
    );
}

#[test]
fn bidi_overrides_and_rtl_text() {
    survive(
        "bidi",
        &repeat(
            "\u{202e}dam\u{202c} \u{2066}not\u{2069} \u{200f}river ",
            40_000,
        ),
    );
    survive("rtl", &repeat("הסכר לא ייבנה. السد لن يبنى ", SIZE));
}

#[test]
fn combining_marks_emoji_and_mixed_scripts() {
    survive(
        "one base, many marks",
        &format!("e{}", "\u{301}".repeat(20_000)),
    );
    survive("marked words", &repeat("é̀̂ ñ̃ ", SIZE));
    survive("emoji", &repeat("👩‍👩‍👧‍👦🇫🇷 not 🙂 80,000 ", SIZE));
    survive(
        "mixed",
        &repeat("Мэр said سد не будет построен 水坝 not dam ", SIZE),
    );
}

#[test]
fn many_figures_and_many_clauses() {
    survive(
        "number words",
        &repeat("one two three hundred thousand million ", SIZE),
    );
    survive(
        "figures",
        &repeat(
            "about 80,000 people, at least 83 and hundreds of thousands of ",
            40_000,
        ),
    );
    survive("digit groups", &repeat("1,000,", SIZE));
}

#[test]
fn many_clauses_and_long_words() {
    survive("clauses", &repeat("; but ", SIZE));
    survive("sentences", &repeat("No. ", SIZE));
    survive("one long word", &"a".repeat(40_000));
}

/// `n` statements on one proposition, alternating sides.
fn one_proposition(n: usize) -> Vec<Statement> {
    (0..n)
        .map(|i| {
            let text = if i % 2 == 0 {
                "The council will build the new dam on the river."
            } else {
                "The council will never build the new dam on the river."
            };
            Statement::new(
                format!("p{i:05}"),
                Some(&format!("Speaker Number{i}")),
                text,
            )
            .with_source(format!("src{}", i % 7))
        })
        .collect()
}

#[test]
fn many_statements_on_one_proposition_hit_the_bound() {
    let st = one_proposition(3_000);
    let t0 = Instant::now();
    let report = Detector::builder()
        .max_postings(500)
        .build()
        .unwrap()
        .detect(&st)
        .unwrap();
    assert!(t0.elapsed() < GUARD);
    assert_eq!(report.statements.len(), 3_000);
    assert!(
        !report.bounds.is_empty(),
        "a bound was reached and is reported"
    );
    assert!(
        report
            .bounds
            .iter()
            .any(|b| b.kind == BoundKind::MaxPostings
                && b.count == 3000
                && b.message.contains("3000 claims")),
        "{:?}",
        report.bounds
    );
    check_spans(&report, &st);
}

fn bounded(st: &[Statement]) {
    let t0 = Instant::now();
    let d = Detector::builder().max_postings(500).build().unwrap();
    let report = d.detect(st).unwrap();
    assert!(t0.elapsed() < GUARD);
    assert_eq!(report.statements.len(), st.len());
    assert!(
        !report.bounds.is_empty(),
        "a bound was reached and is reported"
    );
    check_spans(&report, st);
}

#[test]
fn many_statements_by_one_actor() {
    let by_one: Vec<Statement> = one_proposition(3_000)
        .into_iter()
        .map(|mut s| {
            s.actor = Some("Mayor Ann Lee".into());
            s
        })
        .collect();
    bounded(&by_one);
}

#[test]
fn many_identical_statements() {
    let same: Vec<Statement> = (0..3_000)
        .map(|i| {
            Statement::new(
                format!("i{i:05}"),
                Some("Mayor Ann Lee"),
                "We will not build the dam.",
            )
        })
        .collect();
    bounded(&same);
}

/// The one input the `detect` fuzz target reported (a 10 s timeout while the
/// machine was also building and benchmarking): three short records cut from
/// "e2\n\x02e2\n\x02\0χL\0χL2". Replayed alone with the same fuzz build it
/// took 0.09 s, so it was the load, not a hang; kept so it stays quick.
#[test]
fn fuzz_timeout_input_is_quick() {
    let t0 = Instant::now();
    let st: Vec<Statement> = ["e2\n", "e2\n", "\u{0}χL\u{0}χL2"]
        .iter()
        .enumerate()
        .map(|(i, t)| Statement::new(format!("f{i}"), None, *t))
        .collect();
    let report = Detector::new().detect(&st).unwrap();
    assert_eq!(report.statements.len(), 3);
    // The first detector of the process loads the knowledge tables, which a
    // debug build on a loaded machine takes seconds to do: the loose guard.
    assert!(t0.elapsed() < GUARD);
}

/// Thousands of distinct words: the index counted each statement's distinct
/// terms with a linear search (20,000 words took 3.1 s in release).
#[test]
fn thousands_of_distinct_words() {
    let words: String = (0..4_000)
        .map(|i| format!("zorb{} ", i * 7919 % 100_003))
        .collect();
    survive("distinct words", &words);
}

/// Thousands of short answers under a long context: each answer borrowed
/// every context term, and the index paired the answers of one statement
/// among themselves (5,000 answers took 6 s in release, more grew without
/// bound in memory). Borrowing is capped and same-statement runs skipped.
#[test]
fn many_short_answers_under_a_long_context() {
    let ctx: String = (0..1_000).map(|i| format!("about dam{i} ")).collect();
    let st = vec![
        Statement::new(
            "a",
            Some("Mayor Ann Lee"),
            "That's ok with me. ".repeat(1_000),
        )
        .with_context(format!("Asked {ctx}, she replied")),
        Statement::new(
            "b",
            Some("Governor Bo Park"),
            "We will never allow dam7 or dam8.",
        ),
    ];
    let t0 = Instant::now();
    let report = Detector::new().detect(&st).unwrap();
    assert!(t0.elapsed() < GUARD);
    check_spans(&report, &st);
    let most = report.statements[0]
        .claims
        .iter()
        .map(|c| c.proposition.len())
        .max();
    assert!(most <= Some(65), "borrowed terms are bounded: {most:?}");
}

/// A record nested 100,000 levels deep, a line of only a quote, and a line
/// of NULs: errors with their line numbers, no stack overflow, and the good
/// record after them is still read.
#[test]
fn deeply_nested_and_junk_lines_are_errors() {
    let mut input = format!(
        "{{\"id\":\"n\",\"text\":\"x\",\"deep\":{}{}}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    input.push_str("\"\n");
    input.push_str(&"\0".repeat(1_000));
    input.push_str("\n{\"id\":\"ok\",\"text\":\"We will not build the dam.\"}\n");
    let out = gainsay::read_jsonl(input.as_bytes());
    let lines: Vec<_> = out
        .errors
        .iter()
        .map(|e| e.location().unwrap().line)
        .collect();
    assert_eq!(lines, [Some(1), Some(2), Some(3)]);
    assert!(
        out.errors[0].to_string().contains("recursion limit"),
        "{}",
        out.errors[0]
    );
    assert_eq!(out.statements.len(), 1);
    assert_eq!(out.statements[0].id, "ok");
}
