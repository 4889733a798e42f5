//! Normalizes the actors of a JSON Lines file of statements and prints them
//! as a report: `cargo run --example actors -- statements.jsonl`.
//!
//! `--time` prints only the resolve step's wall time and memory (resident
//! set growth, and peak growth over the start) to stderr, for scale runs:
//! `cargo run --release --example actors -- --time corpus.jsonl`.

use std::fs::File;
use std::io::BufReader;
use std::time::Instant;

/// A field of `/proc/self/status` in kB (0 where there is none).
fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let mut time = false;
    let mut path = None;
    for a in std::env::args().skip(1) {
        if a == "--time" {
            time = true;
        } else {
            path = Some(a);
        }
    }
    let Some(path) = path else {
        eprintln!("usage: actors [--time] STATEMENTS.jsonl");
        std::process::exit(2);
    };
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let read = gainsay::read_jsonl(BufReader::new(file));
    for e in &read.errors {
        eprintln!("{e}");
    }
    if time {
        // Reset the peak so that it measures the resolve step alone.
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        let before = status_kb("VmRSS:");
        let start = Instant::now();
        let actors = gainsay::normalize_actors(&read.statements, None);
        let wall = start.elapsed();
        let (after, peak) = (status_kb("VmRSS:"), status_kb("VmHWM:"));
        let distinct: std::collections::HashSet<&str> = actors.iter().map(|a| &*a.id).collect();
        eprintln!(
            "{} statements, {} actors: resolve {:.3} s, RSS +{} MB (peak +{} MB)",
            actors.len(),
            distinct.len(),
            wall.as_secs_f64(),
            after.saturating_sub(before) / 1024,
            peak.saturating_sub(before) / 1024
        );
        return;
    }
    let actors = gainsay::normalize_actors(&read.statements, None);
    let statements: Vec<serde_json::Value> = read
        .statements
        .iter()
        .zip(&actors)
        .map(|(s, a)| serde_json::json!({"id": s.id, "actor": a.id, "name": a.name}))
        .collect();
    let report = serde_json::json!({"statements": statements, "contradictions": []});
    println!("{report}");
}
