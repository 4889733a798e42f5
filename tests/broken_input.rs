//! A file of deliberately broken records (`tests/data/broken.jsonl`): one bad
//! line of each kind mixed with good ones. Each bad line gets one error that
//! names its line, its id when known, and the field; the good lines are still
//! processed and reported.

use std::process::Command;

use gainsay::{ContradictionKind, Detector, StatementReader};

const BROKEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/broken.jsonl");
/// Lines of the file longer than this are errors (line 12 is 318 bytes).
const MAX_LINE: usize = 256;

/// (line, record id, field, message start), one row per bad line.
const EXPECTED: &[(usize, Option<&str>, Option<&str>, &str)] = &[
    (
        2,
        None,
        None,
        "malformed JSON: EOF while parsing an object at column 51",
    ),
    (3, None, Some("id"), "missing"),
    (4, Some("m2"), Some("text"), "missing"),
    (5, None, Some("id"), "expected a string, found a number"),
    (7, Some("g1"), Some("id"), "duplicate id"),
    (8, Some("m3"), Some("text"), "empty text"),
    (
        9,
        Some("m4"),
        Some("date"),
        "day 30 out of range in \"2024-02-30\"",
    ),
    (
        10,
        Some("m5"),
        Some("span"),
        "span [40, 12] is out of order",
    ),
    (
        11,
        Some("m6"),
        Some("text"),
        "not valid UTF-8 (byte 41 of the line)",
    ),
    (12, None, None, "line longer than 256 bytes"),
];

fn read() -> (Vec<gainsay::Statement>, Vec<gainsay::Error>) {
    let file = std::io::BufReader::new(std::fs::File::open(BROKEN).unwrap());
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for r in StatementReader::new(file).max_line_len(MAX_LINE) {
        match r {
            Ok(s) => good.push(s),
            Err(e) => bad.push(e),
        }
    }
    (good, bad)
}

#[test]
fn one_clear_error_per_bad_line() {
    let (_, errors) = read();
    let got: Vec<_> = errors
        .iter()
        .map(|e| {
            let loc = e.location().expect("a record error");
            (
                loc.line,
                loc.id.as_deref(),
                loc.field.as_deref(),
                e.to_string(),
            )
        })
        .collect();
    assert_eq!(got.len(), EXPECTED.len(), "{got:#?}");
    for (g, want) in got.iter().zip(EXPECTED) {
        assert_eq!((g.0, g.1, g.2), (Some(want.0), want.1, want.2), "{g:?}");
        assert!(
            g.3.ends_with(want.3),
            "{:?} should end with {:?}",
            g.3,
            want.3
        );
        assert!(g.3.starts_with(&format!("line {}", want.0)), "{}", g.3);
    }
}

#[test]
fn good_lines_are_still_read_and_reported() {
    let (good, _) = read();
    let ids: Vec<_> = good.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["g1", "g2", "g3", "g4"]);
    let report = Detector::new().detect(&good).unwrap();
    assert!(report.problems.is_empty());
    assert_eq!(report.statements.len(), 4);
    let pairs: Vec<_> = report
        .contradictions
        .iter()
        .map(|c| (c.a.as_str(), c.b.as_str(), c.kind))
        .collect();
    assert!(
        pairs.contains(&("g1", "g2", ContradictionKind::Stance)),
        "{pairs:?}"
    );
}

#[test]
fn read_jsonl_lists_the_same_errors() {
    // The default line limit (16 MiB) lets line 12 through as a good record.
    let out = gainsay::read_jsonl(std::io::BufReader::new(
        std::fs::File::open(BROKEN).unwrap(),
    ));
    assert_eq!(out.errors.len(), EXPECTED.len() - 1);
    assert_eq!(out.statements.len(), 5);
}

/// The example binary: the report for the good lines on stdout, one line per
/// bad record on stderr, exit code 1.
#[test]
fn detect_binary_reports_good_lines_and_exits_1() {
    let out = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "detect", "--", "--json"])
        .args(["--max-line-len", &MAX_LINE.to_string(), BROKEN])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines: Vec<_> = stderr
        .lines()
        .filter(|l| l.starts_with("detect: line "))
        .collect();
    assert_eq!(lines.len(), EXPECTED.len(), "{stderr}");
    for (l, want) in lines.iter().zip(EXPECTED) {
        assert!(l.starts_with(&format!("detect: line {}", want.0)), "{l}");
        assert!(l.ends_with(want.3), "{l}");
    }
    let report: gainsay::Report = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report.statements.len(), 4);
    assert!(report
        .contradictions
        .iter()
        .any(|c| c.a == "g1" && c.b == "g2"));

    // --strict stops at the first bad record, before any report.
    let strict = Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--example",
            "detect",
            "--",
            "--strict",
            BROKEN,
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(1));
    assert!(strict.stdout.is_empty());
    assert_eq!(String::from_utf8_lossy(&strict.stderr).lines().count(), 1);
}
