//! Normalizes the actors of a JSON Lines file of statements and prints them
//! as a report: `cargo run --example actors -- statements.jsonl`.

use std::fs::File;
use std::io::BufReader;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: actors STATEMENTS.jsonl");
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
