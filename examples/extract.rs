//! `extract`: news article text files in, statement records (JSON Lines) out.
//!
//! ```text
//! cargo run --release --example extract -- ARTICLE.txt … > statements.jsonl
//! ```
//! Each record has an `id` (`<path without extension>-NN`), `source` (the path),
//! `span` (byte offsets of `text` in the article), `actor`, `text`, and
//! `context` and `date` when known.

use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: extract ARTICLE.txt …");
        return ExitCode::from(2);
    }
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    let mut failed = false;
    for path in &files {
        let statements = match gainsay::Extractor::new().extract_file(path) {
            Ok(st) => st,
            Err(e) => {
                eprintln!("extract: {path}: {e}");
                failed = true;
                continue;
            }
        };
        for st in statements {
            let line = serde_json::to_string(&st).expect("a statement serializes");
            if writeln!(out, "{line}").is_err() {
                return ExitCode::FAILURE;
            }
        }
    }
    if out.flush().is_err() || failed {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
