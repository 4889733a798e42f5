//! `detect`: statement records (JSON Lines) in, contradictions out.
//!
//! ```text
//! cargo run --release --example detect                  # the bundled seed statements
//! cargo run --release --example detect -- FILE.jsonl    # or - for stdin
//! cargo run --release --example detect -- --json FILE.jsonl > report.json
//! cargo run --release --example detect -- --articles A.txt B.txt …   # news text
//! cargo run --release --example detect -- --json --emit-records recs.jsonl --articles A.txt
//! ```
//! `--articles` takes every remaining argument as an article file: the
//! statements are extracted ([`gainsay::extract`]) and then detected; the
//! report's evidence spans index the extracted records, which
//! `--emit-records FILE` writes as JSON Lines.
//! `--gazetteer FILE.json` adds known names and aliases
//! (`[{"name": …, "aliases": […], "affiliation": …}]`).
//! Bad records are listed on stderr and the exit code is 1 after the report
//! for the good ones is written; `--strict` stops at the first bad record.
//! `--max-line-len BYTES` makes longer lines errors (default 16 MiB).
//! `--max-postings N`, `--budget N` and `--max-partners N` set the bounds
//! of candidate generation (see [`gainsay::DetectorBuilder`]).

use std::io::{self, BufRead, BufReader, Write};
use std::process::ExitCode;

use gainsay::{Detector, Error, Field, Report, Role, Statement, StatementReader};

const SEEDS: &str = include_str!("data/seeds.jsonl");
const USAGE: &str = "usage: detect [--json] [--strict] [--min-score X] [--max-line-len BYTES] \
     [--gazetteer FILE.json] [--emit-records FILE] [--max-postings N] [--budget N] [--max-partners N] [FILE.jsonl | - | --articles ARTICLE.txt …]";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("detect: {msg}");
            ExitCode::from(2)
        }
    }
}

/// The number a flag takes.
fn count(flag: &str, value: Option<String>) -> Result<usize, String> {
    let v = value.ok_or(USAGE)?;
    v.parse().map_err(|_| format!("bad {flag} {v:?}"))
}

fn run() -> Result<ExitCode, String> {
    let mut json = false;
    let mut strict = false;
    let mut input: Option<String> = None;
    let mut articles: Vec<String> = Vec::new();
    let mut emit: Option<String> = None;
    let mut max_line: Option<usize> = None;
    let mut builder = Detector::builder();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--strict" => strict = true,
            "--min-score" => {
                let v = args.next().ok_or(USAGE)?;
                builder.min_score(v.parse().map_err(|_| format!("bad --min-score {v:?}"))?);
            }
            "--max-line-len" => {
                let v = args.next().ok_or(USAGE)?;
                max_line = Some(v.parse().map_err(|_| format!("bad --max-line-len {v:?}"))?);
            }
            "--gazetteer" => {
                let path = args.next().ok_or(USAGE)?;
                let json = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
                builder.gazetteer(gainsay::Gazetteer::from_json(&json).map_err(|e| e.to_string())?);
            }
            "--articles" => {
                articles.extend(args.by_ref());
                if articles.is_empty() {
                    return Err(USAGE.to_owned());
                }
            }
            "--emit-records" => emit = Some(args.next().ok_or(USAGE)?),
            "--max-postings" => {
                builder.max_postings(count(&arg, args.next())?);
            }
            "--budget" => {
                builder.candidate_budget(count(&arg, args.next())?);
            }
            "--max-partners" => {
                builder.max_partners(count(&arg, args.next())?);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            _ if input.is_none() && (arg == "-" || !arg.starts_with('-')) => input = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}\n{USAGE}")),
        }
    }
    let detector = builder.build().map_err(|e| e.to_string())?;
    if input.is_some() && !articles.is_empty() {
        return Err(format!("give either records or --articles\n{USAGE}"));
    }
    let reader: Box<dyn BufRead> = match input.as_deref() {
        None => Box::new(SEEDS.as_bytes()),
        Some("-") => Box::new(BufReader::new(io::stdin())),
        Some(path) => Box::new(BufReader::new(
            std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?,
        )),
    };
    let out = io::stdout();
    let mut out = out.lock();
    let mut failed: Option<Error> = None;
    let (run, statements) = if !articles.is_empty() || !json {
        // Articles, or a table to print: the statements are held, as the
        // table shows their words.
        let (statements, errors) = if articles.is_empty() {
            read(reader, strict, max_line)
        } else {
            (extract_all(&articles)?, Vec::new())
        };
        if let Some(path) = &emit {
            write_records(path, &statements)?;
        }
        if strict && !errors.is_empty() {
            for e in &errors {
                eprintln!("detect: {e}");
            }
            return Ok(ExitCode::FAILURE);
        }
        let records = errors
            .into_iter()
            .map(Err)
            .chain(statements.iter().cloned().map(Ok));
        let run = detector
            .detect_records(records)
            .map_err(|e| e.to_string())?;
        (run, statements)
    } else {
        // JSON Lines to JSON: records stream through, never held whole.
        let mut records = StatementReader::new(reader);
        if let Some(n) = max_line {
            records = records.max_line_len(n);
        }
        let records = records.map_while(|r| match r {
            Err(e) if strict => {
                failed = Some(e);
                None
            }
            r => Some(r),
        });
        let run = detector
            .detect_records(records)
            .map_err(|e| e.to_string())?;
        if let Some(e) = failed {
            eprintln!("detect: {e}");
            return Ok(ExitCode::FAILURE);
        }
        (run, Vec::new())
    };
    for p in run.problems() {
        eprintln!("detect: {}: {}", p.location, p.message);
    }
    let written = if json {
        run.write_json(&mut out).and_then(|()| writeln!(out))
    } else {
        print_table(&mut out, &run.report(), &statements)
    };
    written.map_err(|e| e.to_string())?;
    Ok(if run.problems().is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Statement records extracted from article files, in argument order.
fn extract_all(paths: &[String]) -> Result<Vec<Statement>, String> {
    let mut out = Vec::new();
    for path in paths {
        // A bad article is reported and skipped, never fatal.
        match gainsay::Extractor::new().extract_file(path) {
            Ok(st) => out.extend(st),
            Err(e) => eprintln!("detect: {path}: {e}, skipped"),
        }
    }
    Ok(out)
}

/// Writes records as JSON Lines, so evidence spans can be checked against them.
fn write_records(path: &str, statements: &[Statement]) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| format!("{path}: {e}"))?;
    let mut w = io::BufWriter::new(file);
    for s in statements {
        serde_json::to_writer(&mut w, s).map_err(|e| format!("{path}: {e}"))?;
        writeln!(w).map_err(|e| format!("{path}: {e}"))?;
    }
    w.flush().map_err(|e| format!("{path}: {e}"))
}

fn read(
    reader: impl BufRead,
    strict: bool,
    max_line: Option<usize>,
) -> (Vec<Statement>, Vec<Error>) {
    let mut statements = Vec::new();
    let mut errors = Vec::new();
    let mut records = StatementReader::new(reader);
    if let Some(n) = max_line {
        records = records.max_line_len(n);
    }
    for r in records {
        match r {
            Ok(s) => statements.push(s),
            Err(e) => {
                errors.push(e);
                if strict {
                    break;
                }
            }
        }
    }
    (statements, errors)
}

/// A readable table: actor against actor, the proposition, and both snippets
/// with the evidence words in [brackets].
fn print_table(out: &mut impl Write, report: &Report, statements: &[Statement]) -> io::Result<()> {
    let name = |id: &str| {
        report
            .statements
            .iter()
            .find(|s| s.id == id)
            .map_or(id.to_owned(), |s| s.actor_name.clone())
    };
    writeln!(
        out,
        "{} statements, {} contradictions\n",
        report.statements.len(),
        report.contradictions.len()
    )?;
    for (n, c) in report.contradictions.iter().enumerate() {
        writeln!(
            out,
            "{:>3}. {} vs {}  [{:?}, score {:.2}]",
            n + 1,
            name(&c.a),
            name(&c.b),
            c.kind,
            c.score
        )?;
        writeln!(out, "     on: {}", c.proposition)?;
        for id in [&c.a, &c.b] {
            let Some(s) = statements.iter().find(|s| &s.id == id) else {
                continue;
            };
            for field in [Field::Context, Field::Text] {
                let spans: Vec<_> = c
                    .evidence
                    .iter()
                    .filter(|e| &e.statement == id && e.field == field)
                    .collect();
                if spans.is_empty() {
                    continue;
                }
                let value = match field {
                    Field::Text => s.text.as_str(),
                    Field::Context => s.context.as_deref().unwrap_or(""),
                };
                writeln!(
                    out,
                    "     {id} ({}): {}",
                    label(field),
                    highlight(value, &spans)
                )?;
            }
        }
        writeln!(out, "     why: {}\n", c.explanation)?;
    }
    if !report.bounds.is_empty() {
        for b in &report.bounds {
            writeln!(out, "note: {b}")?;
        }
    }
    Ok(())
}

fn label(f: Field) -> &'static str {
    match f {
        Field::Text => "text",
        Field::Context => "context",
    }
}

/// Marks each evidence span: [cue], {target}, <figure>.
fn highlight(value: &str, spans: &[&gainsay::Evidence]) -> String {
    let mut marks: Vec<(usize, usize, Role)> =
        spans.iter().map(|e| (e.start, e.end, e.role)).collect();
    marks.sort();
    let mut out = String::new();
    let mut at = 0;
    for (s, e, role) in marks {
        if s < at {
            continue; // overlapping spans: keep the first
        }
        let (open, close) = match role {
            Role::Cue => ("[", "]"),
            Role::Target => ("{", "}"),
            _ => ("<", ">"),
        };
        out.push_str(&value[at..s]);
        out.push_str(open);
        out.push_str(&value[s..e]);
        out.push_str(close);
        at = e;
    }
    out.push_str(&value[at..]);
    let flat: String = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 240 {
        let cut: String = flat.chars().take(237).collect();
        format!("{cut}...")
    } else {
        flat
    }
}
