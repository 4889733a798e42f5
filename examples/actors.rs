//! Normalizes the actors of a JSON Lines file of statements and prints them
//! as a report: `cargo run --example actors -- statements.jsonl`.
//!
//! `--time` prints only the resolve step's time (the fastest of three runs,
//! wall and CPU) and memory (resident set growth, and peak growth over the
//! start) to stderr, for scale runs:
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

/// CPU time of this process so far, user and system (in seconds, at the
/// kernel's tick resolution): a busy machine inflates wall time, not this.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which ends with ')'.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |k: usize| f.get(k).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
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
        // Three runs, the fastest reported (a busy machine slows some);
        // memory of the first, the peak reset so that it is this step's.
        let mut best: Option<(f64, f64)> = None;
        let mut mem = None;
        let mut actors = Vec::new();
        for _ in 0..3 {
            drop(std::mem::take(&mut actors));
            let _ = std::fs::write("/proc/self/clear_refs", "5");
            let before = status_kb("VmRSS:");
            let (start, cpu) = (Instant::now(), cpu_seconds());
            actors = gainsay::normalize_actors(&read.statements, None);
            let (wall, cpu) = (start.elapsed().as_secs_f64(), cpu_seconds() - cpu);
            let (after, peak) = (status_kb("VmRSS:"), status_kb("VmHWM:"));
            mem.get_or_insert((after.saturating_sub(before), peak.saturating_sub(before)));
            if best.is_none_or(|(w, _)| wall < w) {
                best = Some((wall, cpu));
            }
        }
        let (wall, cpu) = best.unwrap_or_default();
        let (grew, peak) = mem.unwrap_or_default();
        let distinct: std::collections::HashSet<&str> = actors.iter().map(|a| &*a.id).collect();
        eprintln!(
            "{} statements, {} actors: resolve {:.3} s wall, {cpu:.2} s CPU, RSS +{} MB (peak +{} MB)",
            actors.len(),
            distinct.len(),
            wall,
            grew / 1024,
            peak / 1024
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
