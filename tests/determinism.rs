//! The same input gives byte-identical `--json` output across runs and
//! thread counts: the example binary on its bundled statements under
//! `RAYON_NUM_THREADS` 1, 2 and 4, and the library on an invented corpus
//! large enough that rayon splits the work.

use std::process::Command;

use gainsay::{Detector, Statement};

fn detect_json(threads: &str) -> Vec<u8> {
    let out = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "detect", "--", "--json"])
        .env("RAYON_NUM_THREADS", threads)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.is_empty());
    out.stdout
}

#[test]
fn detect_json_is_byte_identical_across_runs_and_threads() {
    let first = detect_json("1");
    for threads in ["1", "2", "4", "2"] {
        assert!(
            detect_json(threads) == first,
            "output differs on {threads} threads"
        );
    }
}

/// Invented statements: several actors, sources and dates, stance and
/// figure clashes.
fn corpus() -> Vec<Statement> {
    let texts = [
        "The council will build the new footbridge over the canal.",
        "We will never allow a new footbridge over the canal.",
        "About 1,200 barges used the canal last year, the harbour office said.",
        "Hundreds of thousands of barges used the canal last year.",
        "The ferry fare will not rise this spring.",
        "The ferry fare will rise by 2 crowns this spring.",
        "Nobody has ruled out closing the old lock.",
        "Closing the old lock is ruled out, absolutely ruled out.",
    ];
    let actors = [
        "Mayor Orla Fenwick",
        "Councillor Bram Oduya",
        "Harbour master Ines Calloway",
        "Fenwick",
        "she",
        "the canal authority",
    ];
    (0..240)
        .map(|i| {
            let day = 1 + i % 27;
            Statement::new(
                format!("d{i:03}"),
                Some(actors[(i * 7) % actors.len()]),
                texts[(i * 5 + i / 8) % texts.len()],
            )
            .with_source(format!("paper{}", i % 5))
            .with_date(format!("2024-04-{day:02}").parse().unwrap())
        })
        .collect()
}

#[test]
fn library_output_is_byte_identical_across_thread_counts() {
    let st = corpus();
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| serde_json::to_string(&Detector::new().detect(&st).unwrap()).unwrap())
    };
    let one = run(1);
    assert!(
        one.contains("\"contradictions\":[{"),
        "the corpus must yield pairs"
    );
    for threads in [2, 3, 4, 2, 1] {
        assert!(run(threads) == one, "output differs on {threads} threads");
    }
}
