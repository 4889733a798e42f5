//! `synth`: writes a synthetic statement corpus (JSON Lines) for scale runs.
//!
//! ```text
//! cargo run --release --example synth -- --statements 1000000 --seed 1 \
//!     --planted planted.jsonl > corpus.jsonl
//! ```
//! `--planted FILE` writes the planted contradiction pairs, one `{"a", "b"}` a
//! line, so a run can check it still finds them.

use std::io::{self, BufWriter, Write};

use gainsay::synth::{generate, SynthConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut cfg = SynthConfig::default();
    let mut planted_path = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--statements" => cfg.statements = value()?.parse()?,
            "--seed" => cfg.seed = value()?.parse()?,
            "--topics" => cfg.topics = value()?.parse()?,
            "--actors" => cfg.actors = value()?.parse()?,
            "--planted" => planted_path = Some(value()?),
            _ => return Err(format!("usage: synth --statements N [--seed S] [--topics T] [--actors A] [--planted FILE]; unexpected {a:?}").into()),
        }
    }
    let corpus = generate(&cfg);
    let mut out = BufWriter::new(io::stdout().lock());
    for s in &corpus.statements {
        serde_json::to_writer(&mut out, s)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    if let Some(path) = planted_path {
        let mut f = BufWriter::new(std::fs::File::create(path)?);
        for (a, b) in &corpus.planted {
            writeln!(f, "{}", serde_json::json!({"a": a, "b": b}))?;
        }
    }
    Ok(())
}
