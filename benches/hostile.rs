//! Hostile inputs at full size: 1 MB statements of each hostile kind, and
//! 100,000-statement corpora (one proposition, one actor, all identical)
//! under the default `max_postings` bound. Each bench asserts what it must
//! find (a bound in the report, the statement count), so a broken pipeline
//! cannot look fast. The small versions run in `tests/hostile_input.rs`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use gainsay::{Detector, Statement};

const MB: usize = 1 << 20;

fn repeat(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len() + 1);
    while !s.is_char_boundary(bytes.min(s.len())) {
        s.pop();
    }
    s.truncate(bytes);
    s
}

/// The hostile texts, each about 1 MB.
fn texts() -> Vec<(&'static str, String)> {
    vec![
        (
            "plain",
            repeat("The council will not build the new dam on the river. ", MB),
        ),
        ("negations", repeat("not ", MB)),
        ("nested quotes", {
            let half = MB / 2 / 12;
            format!("{}dam{}", "(\"[«".repeat(half), "»]\")".repeat(half))
        }),
        ("control chars", repeat("a\u{0}\u{7}\u{1b}[0m\r\u{8} ", MB)),
        (
            "bidi",
            repeat("\u{202e}dam\u{202c} \u{2066}not\u{2069} river ", MB),
        ),
        ("combining marks", format!("e{}", "\u{301}".repeat(MB / 2))),
        ("emoji", repeat("👩‍👩‍👧‍👦🇫🇷 not 🙂 80,000 ", MB)),
        (
            "mixed scripts",
            repeat("Мэр said سد не будет построен 水坝 not dam ", MB),
        ),
        ("rtl", repeat("הסכר לא ייבנה. السد لن يبنى ", MB)),
        (
            "figures",
            repeat(
                "about 80,000 people, at least 83 and hundreds of thousands of ",
                MB,
            ),
        ),
        ("clauses", repeat("; but ", MB)),
    ]
}

fn one_mb_statements(c: &mut Criterion) {
    let d = Detector::new();
    let mut g = c.benchmark_group("hostile_1mb");
    g.sample_size(10);
    for (name, text) in texts() {
        let st = vec![
            Statement::new("h", Some("Mayor Ann Lee"), text.as_str()),
            Statement::new(
                "o",
                Some("Governor Bo Park"),
                "The council will build the new dam on the river.",
            ),
        ];
        assert_eq!(d.detect(&st).unwrap().statements.len(), 2);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| d.detect(black_box(&st)).unwrap()));
    }
    g.finish();
}

const N: usize = 100_000;

fn corpora() -> Vec<(&'static str, Vec<Statement>)> {
    let side = |i: usize| {
        if i % 2 == 0 {
            "The council will build the new dam on the river."
        } else {
            "The council will never build the new dam on the river."
        }
    };
    let one_proposition = (0..N)
        .map(|i| {
            Statement::new(
                format!("p{i:06}"),
                Some(&format!("Speaker Number{i}")),
                side(i),
            )
            .with_source(format!("src{}", i % 97))
        })
        .collect();
    let one_actor = (0..N)
        .map(|i| {
            Statement::new(format!("a{i:06}"), Some("Mayor Ann Lee"), side(i))
                .with_source(format!("src{}", i % 97))
        })
        .collect();
    let identical = (0..N)
        .map(|i| {
            Statement::new(
                format!("i{i:06}"),
                Some("Mayor Ann Lee"),
                "We will not build the dam.",
            )
        })
        .collect();
    vec![
        ("one proposition", one_proposition),
        ("one actor", one_actor),
        ("all identical", identical),
    ]
}

fn hundred_thousand_statements(c: &mut Criterion) {
    let d = Detector::new();
    let mut g = c.benchmark_group("hostile_100k");
    g.sample_size(10);
    for (name, st) in corpora() {
        let report = d.detect(&st).unwrap();
        assert_eq!(report.statements.len(), N);
        assert!(
            !report.bounds.is_empty(),
            "{name}: the bound must be reported"
        );
        g.throughput(Throughput::Elements(N as u64));
        g.bench_function(name, |b| b.iter(|| d.detect(black_box(&st)).unwrap()));
    }
    g.finish();
}

criterion_group!(benches, one_mb_statements, hundred_thousand_statements);
criterion_main!(benches);
