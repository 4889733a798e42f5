//! Subcommands, flags (in any order) and their help. The examples
//! `detect`, `extract` and `actors` are shells over [`main_with`].

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use gainsay::{Detector, Error, LexiconKind, Statement};

use crate::input;
use crate::render;

const SEEDS: &str = include_str!("../../../examples/data/seeds.jsonl");

const HELP: &str = "gainsay: finds who contradicts whom in news statements

usage: gainsay [COMMAND] [OPTIONS] [FILE]

commands:
  detect   statement records in, contradiction pairs out (the default)
  extract  news article text files in, statement records out
  actors   statement records in, their normalized actors out

With no command and no file, `gainsay` runs `detect` on the bundled seed
statements. `gainsay COMMAND --help` gives each command's options.

examples:
  gainsay
  gainsay detect statements.jsonl --format html -o report.html
  gainsay extract news/*.txt -o statements.jsonl
";

const DETECT_HELP: &str = "detect: contradiction pairs among statement records

usage: gainsay detect [OPTIONS] [FILE | -]
       gainsay detect [OPTIONS] --articles ARTICLE.txt…

FILE holds statement records as JSON Lines, a JSON array or CSV with a
header (id,actor,text,context,date,source), told apart by content; a UTF-8
byte-order mark is fine. `-` reads stdin; no FILE reads the bundled seeds.
Bad records are listed on stderr (line, record, field) and the exit code is
1 after the report for the good ones is written.

options:
  --format F           table (default), json, jsonl (one pair a line),
                       markdown or html (a fact-checker's report)
  --json               same as --format json
  -o, --output FILE    write the report to FILE instead of stdout
  --articles           the FILE arguments are news articles: statements are
                       extracted first (non-UTF-8 articles are skipped)
  --emit-records FILE  with --articles: write the extracted records
  --gazetteer FILE     known names and aliases, a JSON list of
                       {\"name\", \"aliases\", \"affiliation\"}
  --lexicon KIND=FILE  add FILE's entries to the word list KIND (the
                       list's own syntax; repeatable), e.g. reject=my.txt;
                       KIND is a gainsay::LexiconKind in snake case (reject,
                       support, hedge, title, org_word, synonyms, …)
  --strict             stop at the first bad record, exit 1, no report
  --min-score X        report pairs scoring at least X (0..1)
  --max-line-len N     longer lines are errors (default 16 MiB)
  --max-postings N     candidate bounds (see README: bounds)
  --budget N
  --max-partners N
  -h, --help           this help

examples:
  gainsay detect
  gainsay detect statements.csv --format markdown -o report.md
  gainsay detect --json statements.jsonl > report.json
  gainsay detect --articles a.txt b.txt --format html -o report.html
  gainsay detect statements.jsonl --lexicon title=titles.txt
  cat statements.jsonl | gainsay detect - --format jsonl
";

const EXTRACT_HELP: &str = "gainsay extract: statement records from news articles

usage: gainsay extract [OPTIONS] ARTICLE.txt…

Each record has an `id` (<file stem>-NN), `source` (the file name), `span`
(byte offsets of `text` in the article), `actor`, `text`, and `context` and
`date` when known. An article that is not UTF-8 is reported and skipped.

options:
  --format F         jsonl (default, one record a line) or json (an array)
  --json             same as --format json
  --lexicon KIND=FILE  add FILE's entries to a word list (see detect --help)
  -o, --output FILE  write to FILE instead of stdout
  -h, --help         this help

examples:
  gainsay extract story.txt
  gainsay extract news/*.txt -o statements.jsonl
  gainsay extract news/*.txt | gainsay detect -
";

const ACTORS_HELP: &str = "actors: the normalized actor of each statement

usage: gainsay actors [OPTIONS] [FILE | -]

Reads records as `detect` does and prints, for each, its id, actor id and
display name.

options:
  --format F         json (default: {\"statements\": […]}), jsonl or table
  --json             same as --format json
  --gazetteer FILE   known names and aliases (see detect --help)
  --lexicon KIND=FILE  add FILE's entries to a word list (see detect --help)
  --time             print only the resolve step's time and memory, on
                     stderr (fastest of three runs), for scale runs
  -o, --output FILE  write to FILE instead of stdout
  -h, --help         this help

examples:
  gainsay actors statements.jsonl
  gainsay actors statements.csv --format table
";

/// A run's outcome short of success.
enum Fail {
    /// Wrong usage or an unreadable input: exit 2, message on stderr.
    Usage(String),
    /// Writing the output failed.
    Io(io::Error),
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Fail {
        Fail::Io(e)
    }
}

fn usage(msg: impl Into<String>) -> Fail {
    Fail::Usage(msg.into())
}

/// Runs `gainsay` on `args` (without the program name).
pub fn main_with(mut args: Vec<String>) -> ExitCode {
    // Flags may come before the command too (`gainsay --json detect FILE`).
    let is_cmd = |a: &String| matches!(a.as_str(), "detect" | "extract" | "actors");
    if let Some(k) = args.iter().position(is_cmd) {
        let cmd = args.remove(k);
        args.insert(0, cmd);
    }
    let (cmd, rest) = match args.first().map(String::as_str) {
        Some("detect" | "extract" | "actors") => (args[0].clone(), args[1..].to_vec()),
        Some("-h" | "--help" | "help") => {
            return finish("gainsay", print(HELP).map(|()| true));
        }
        Some("-V" | "--version") => {
            return finish(
                "gainsay",
                print(&format!("gainsay {}\n", env!("CARGO_PKG_VERSION"))).map(|()| true),
            );
        }
        _ => ("detect".to_owned(), args),
    };
    let result = match cmd.as_str() {
        "detect" => detect(rest),
        "extract" => extract(rest),
        _ => actors(rest),
    };
    finish(&cmd, result)
}

fn print(s: &str) -> Result<(), Fail> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The exit code of a run: 0 when all was well, 1 when records were left
/// out, 2 on wrong usage; a closed output pipe is a quiet success.
fn finish(cmd: &str, result: Result<bool, Fail>) -> ExitCode {
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(Fail::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Fail::Io(e)) => {
            eprintln!("{cmd}: {e}");
            ExitCode::from(2)
        }
        Err(Fail::Usage(m)) => {
            eprintln!("{cmd}: {m}");
            ExitCode::from(2)
        }
    }
}

/// Flags and the other arguments, flags in any order.
struct Args {
    flags: Vec<(String, Option<String>)>,
    free: Vec<String>,
}

impl Args {
    /// Splits `args`; flags in `valued` take the next argument.
    fn parse(args: Vec<String>, valued: &[&str], bare: &[&str], help: &str) -> Result<Args, Fail> {
        let mut flags = Vec::new();
        let mut free = Vec::new();
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            let (name, inline) = match a.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
                _ => (a.clone(), None),
            };
            if valued.contains(&name.as_str()) {
                let v = match inline {
                    Some(v) => v,
                    None => it
                        .next()
                        .ok_or_else(|| usage(format!("{name} needs a value\n\n{help}")))?,
                };
                flags.push((name, Some(v)));
            } else if bare.contains(&name.as_str()) && inline.is_none() {
                flags.push((name, None));
            } else if a == "--" {
                free.extend(it.by_ref());
            } else if a.starts_with('-') && a != "-" {
                return Err(usage(format!("unknown option {a:?}\n\n{help}")));
            } else {
                free.push(a);
            }
        }
        Ok(Args { flags, free })
    }

    fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| n == name)
    }

    /// The last value of any of `names`.
    fn value(&self, names: &[&str]) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| names.contains(&n.as_str()))
            .and_then(|(_, v)| v.as_deref())
    }

    /// Every value of `name`, in order (a flag given more than once).
    fn values<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.flags
            .iter()
            .filter(move |(n, _)| n == name)
            .filter_map(|(_, v)| v.as_deref())
    }

    fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, Fail> {
        self.value(&[name])
            .map(|v| v.parse().map_err(|_| usage(format!("bad {name} {v:?}"))))
            .transpose()
    }

    /// The output format: `--format`, or `--json`, or `default`.
    fn format(&self, allowed: &[&str], default: &str) -> Result<String, Fail> {
        let f = match self.value(&["--format"]) {
            Some(f) => f.to_owned(),
            None if self.has("--json") => "json".to_owned(),
            None => default.to_owned(),
        };
        if allowed.contains(&f.as_str()) {
            Ok(f)
        } else {
            Err(usage(format!(
                "unknown format {f:?}: one of {}",
                allowed.join(", ")
            )))
        }
    }
}

/// The output: a file given by `-o`, else stdout, buffered.
fn output(args: &Args) -> Result<Box<dyn Write>, Fail> {
    Ok(match args.value(&["-o", "--output"]) {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| usage(format!("{path}: {e}")))?,
        )),
        None => Box::new(io::BufWriter::with_capacity(1 << 16, io::stdout().lock())),
    })
}

/// A stage of a long run, on stderr when a person is watching it.
fn progress(msg: &str) {
    if io::stderr().is_terminal() {
        eprintln!("gainsay: {msg}");
    }
}

/// Records from the one input argument (`-` stdin, none the seeds): the good
/// ones, and the errors in input order.
fn read_records(
    free: &[String],
    max_line: Option<usize>,
) -> Result<(Vec<Result<Statement, Error>>, String), Fail> {
    if free.len() > 1 {
        return Err(usage(format!(
            "one input file, not {} (use --articles for articles)",
            free.len()
        )));
    }
    let (bytes, name) = match free.first().map(String::as_str) {
        None => (SEEDS.as_bytes().to_vec(), "the bundled seeds".to_owned()),
        Some("-") => {
            let mut b = Vec::new();
            io::Read::read_to_end(&mut io::stdin().lock(), &mut b)
                .map_err(|e| usage(format!("stdin: {e}")))?;
            (b, "stdin".to_owned())
        }
        Some(path) => (
            std::fs::read(path).map_err(|e| usage(format!("{path}: {e}")))?,
            path.to_owned(),
        ),
    };
    let body = input::strip_bom(&bytes);
    let Some(form) = input::sniff(body) else {
        return Ok((Vec::new(), name));
    };
    if body.len() > 1 << 20 {
        progress(&format!("reading {name} as {}", form.name()));
    }
    Ok((input::records(body, form, max_line), name))
}

/// Statements extracted from article files; an unreadable or non-UTF-8
/// article is reported and skipped. Returns whether all were read.
fn extract_articles(
    extractor: &gainsay::Extractor,
    paths: &[String],
    cmd: &str,
) -> (Vec<Statement>, bool) {
    let mut out = Vec::new();
    let mut all = true;
    for path in paths {
        // Ids come from the whole path, so two folders' `story.txt` never
        // share one; a bad article is reported and skipped.
        match extractor.extract_file(path) {
            Ok(statements) => out.extend(statements),
            Err(e) => {
                eprintln!("{cmd}: {path}: {e}, skipped");
                all = false;
            }
        }
    }
    (out, all)
}

fn detect(args: Vec<String>) -> Result<bool, Fail> {
    let args = Args::parse(
        args,
        &[
            "--format",
            "-o",
            "--output",
            "--emit-records",
            "--gazetteer",
            "--lexicon",
            "--min-score",
            "--max-line-len",
            "--max-postings",
            "--budget",
            "--max-partners",
        ],
        &["--json", "--strict", "--articles", "-h", "--help"],
        DETECT_HELP,
    )?;
    if args.has("-h") || args.has("--help") {
        print(DETECT_HELP)?;
        return Ok(true);
    }
    let format = args.format(&["table", "json", "jsonl", "markdown", "html"], "table")?;
    let detector = detector_of(&args)?;
    let Some((records, all_read)) = detect_input(&args)? else {
        return Ok(false);
    };
    if args.has("--strict") {
        if let Some(Err(e)) = records.iter().find(|r| r.is_err()) {
            eprintln!("detect: {e}");
            return Ok(false);
        }
    }
    if records.len() > 100_000 {
        progress(&format!("detecting among {} records", records.len()));
    }
    let run = detector
        .detect_records(records)
        .map_err(|e| usage(e.to_string()))?;
    for p in run.problems() {
        eprintln!("detect: {}: {}", p.location, p.message);
    }
    write_detection(&args, &format, &run)?;
    Ok(all_read && run.problems().is_empty())
}

/// The detector the options ask for (`--min-score`, the candidate bounds,
/// `--gazetteer FILE`).
fn detector_of(args: &Args) -> Result<Detector, Fail> {
    let mut builder = Detector::builder();
    if let Some(x) = args.number("--min-score")? {
        builder.min_score(x);
    }
    if let Some(n) = args.number("--max-postings")? {
        builder.max_postings(n);
    }
    if let Some(n) = args.number("--budget")? {
        builder.candidate_budget(n);
    }
    if let Some(n) = args.number("--max-partners")? {
        builder.max_partners(n);
    }
    if let Some(path) = args.value(&["--gazetteer"]) {
        let json = std::fs::read_to_string(path).map_err(|e| usage(format!("{path}: {e}")))?;
        builder.gazetteer(gainsay::Gazetteer::from_json(&json).map_err(|e| usage(e.to_string()))?);
    }
    for (kind, _, entries) in lexicon_files(args)? {
        builder.lexicon(kind, &entries);
    }
    // A bad entry's error names its list and line.
    builder.build().map_err(|e| usage(e.to_string()))
}

/// The `--lexicon KIND=FILE` options in order: each list kind, its file,
/// and the entries the file holds.
fn lexicon_files(args: &Args) -> Result<Vec<(LexiconKind, String, String)>, Fail> {
    args.values("--lexicon")
        .map(|v| {
            let (kind, path) = v
                .split_once('=')
                .ok_or_else(|| usage(format!("--lexicon {v:?}: want KIND=FILE")))?;
            let kind: LexiconKind = serde_json::from_value(serde_json::Value::from(kind))
                .map_err(|_| usage(format!("--lexicon: no word list named {kind:?}")))?;
            let entries =
                std::fs::read_to_string(path).map_err(|e| usage(format!("{path}: {e}")))?;
            Ok((kind, path.to_owned(), entries))
        })
        .collect()
}

/// The extractor the options ask for (`--lexicon KIND=FILE`).
fn extractor_of(args: &Args) -> Result<gainsay::Extractor, Fail> {
    let mut extractor = gainsay::Extractor::new();
    for (kind, path, entries) in lexicon_files(args)? {
        extractor = extractor
            .lexicon(kind, &entries)
            .map_err(|e| usage(format!("--lexicon {path}: {e}")))?;
    }
    Ok(extractor)
}

/// The records to detect among: read from JSON Lines files (or standard
/// input), or extracted from articles with `--articles` (written out with
/// `--emit-records FILE`). Also whether every article was read; `None`
/// when the input holds no record (a warning says so).
#[allow(clippy::type_complexity)]
fn detect_input(args: &Args) -> Result<Option<(Vec<Result<Statement, Error>>, bool)>, Fail> {
    if args.has("--articles") {
        if args.free.is_empty() {
            return Err(usage(format!(
                "--articles needs article files\n\n{DETECT_HELP}"
            )));
        }
        let (statements, all) = extract_articles(&extractor_of(args)?, &args.free, "detect");
        if let Some(path) = args.value(&["--emit-records"]) {
            write_records(path, &statements)?;
        }
        return Ok(Some((statements.into_iter().map(Ok).collect(), all)));
    }
    let (records, name) = read_records(&args.free, args.number("--max-line-len")?)?;
    if records.is_empty() {
        eprintln!("detect: warning: {name} holds no statement records");
        return Ok(None);
    }
    Ok(Some((records, true)))
}

/// Writes a run in `format`: the JSON report (written a chunk at a time),
/// one contradiction a line, or a table, Markdown or HTML.
fn write_detection(args: &Args, format: &str, run: &gainsay::Detection) -> Result<(), Fail> {
    let mut out = output(args)?;
    match format {
        "json" => {
            run.write_json(&mut out)?;
            writeln!(out)?;
        }
        "jsonl" => {
            for c in run.contradictions() {
                serde_json::to_writer(&mut out, &c).map_err(io::Error::from)?;
                writeln!(out)?;
            }
        }
        f => {
            let report = run.report();
            match f {
                "markdown" => render::markdown(&mut out, &report)?,
                "html" => render::html(&mut out, &report)?,
                _ => render::table(&mut out, &report)?,
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Writes records as JSON Lines, so evidence spans can be checked against them.
fn write_records(path: &str, statements: &[Statement]) -> Result<(), Fail> {
    let file = std::fs::File::create(path).map_err(|e| usage(format!("{path}: {e}")))?;
    let mut w = io::BufWriter::new(file);
    for s in statements {
        serde_json::to_writer(&mut w, s).map_err(io::Error::from)?;
        writeln!(w)?;
    }
    w.flush()?;
    Ok(())
}

fn extract(args: Vec<String>) -> Result<bool, Fail> {
    let args = Args::parse(
        args,
        &["--format", "-o", "--output", "--lexicon"],
        &["--json", "-h", "--help"],
        EXTRACT_HELP,
    )?;
    if args.has("-h") || args.has("--help") {
        print(EXTRACT_HELP)?;
        return Ok(true);
    }
    if args.free.is_empty() {
        return Err(usage(format!("no article files\n\n{EXTRACT_HELP}")));
    }
    let format = args.format(&["jsonl", "json"], "jsonl")?;
    let (statements, all) = extract_articles(&extractor_of(&args)?, &args.free, "extract");
    let mut out = output(&args)?;
    if format == "json" {
        serde_json::to_writer(&mut out, &statements).map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        for s in &statements {
            serde_json::to_writer(&mut out, s).map_err(io::Error::from)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(all)
}

fn actors(args: Vec<String>) -> Result<bool, Fail> {
    let args = Args::parse(
        args,
        &["--format", "-o", "--output", "--gazetteer", "--lexicon"],
        &["--json", "--time", "-h", "--help"],
        ACTORS_HELP,
    )?;
    if args.has("-h") || args.has("--help") {
        print(ACTORS_HELP)?;
        return Ok(true);
    }
    let format = args.format(&["json", "jsonl", "table"], "json")?;
    // The detector's lists and gazetteer: actors as `detect` resolves them.
    let detector = detector_of(&args)?;
    let (records, name) = read_records(&args.free, None)?;
    if records.is_empty() {
        eprintln!("actors: warning: {name} holds no statement records");
        return Ok(false);
    }
    let mut statements = Vec::new();
    let mut all = true;
    for r in records {
        match r {
            Ok(s) => statements.push(s),
            Err(e) => {
                eprintln!("actors: {e}");
                all = false;
            }
        }
    }
    if args.has("--time") {
        time_actors(&detector, &statements);
        return Ok(all);
    }
    let actors = detector.actors(&statements);
    let mut out = output(&args)?;
    let rows = statements.iter().zip(&actors);
    match format.as_str() {
        "table" => {
            for (s, a) in rows {
                writeln!(out, "{}\t{}\t{}", s.id, a.id, a.name)?;
            }
        }
        "jsonl" => {
            for (s, a) in rows {
                let v = serde_json::json!({"id": s.id, "actor": a.id, "name": a.name});
                writeln!(out, "{v}")?;
            }
        }
        _ => {
            let list: Vec<serde_json::Value> = rows
                .map(|(s, a)| serde_json::json!({"id": s.id, "actor": a.id, "name": a.name}))
                .collect();
            let v = serde_json::json!({"statements": list, "contradictions": []});
            writeln!(out, "{v}")?;
        }
    }
    out.flush()?;
    Ok(all)
}

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

/// The resolve step's time (fastest of three runs, wall and CPU) and memory
/// (resident set growth, and peak growth over the start), on stderr.
fn time_actors(detector: &Detector, statements: &[Statement]) {
    let mut best: Option<(f64, f64)> = None;
    let mut mem = None;
    let mut actors = Vec::new();
    for _ in 0..3 {
        drop(std::mem::take(&mut actors));
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        let before = status_kb("VmRSS:");
        let (start, cpu) = (std::time::Instant::now(), cpu_seconds());
        actors = detector.actors(statements);
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
}
