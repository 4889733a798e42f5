//! Golden files: the JSON report of each input in `tests/data/golden/`
//! (and of the other data files listed in [`INPUTS`]), byte for byte, so any
//! change of output shows in review. Regenerate after a deliberate change
//! with `GAINSAY_BLESS=1 cargo test --test golden` and read the diff.

use std::path::{Path, PathBuf};

use gainsay::synth::{generate, SynthConfig};
use gainsay::{Detector, Report, Statement, StatementReader};

/// Inputs outside the golden directory whose reports are golden too.
const INPUTS: [&str; 1] = ["tests/data/broken.jsonl"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn golden_dir() -> PathBuf {
    root().join("tests/data/golden")
}

/// The report of `records` as `gainsay detect --json` writes it (less the
/// final newline).
fn report_json(records: Vec<Result<Statement, gainsay::Error>>) -> Vec<u8> {
    let run = Detector::new().detect_records(records).unwrap();
    let mut out = Vec::new();
    run.write_json(&mut out).unwrap();
    out.push(b'\n');
    out
}

/// Compares `got` with the golden file `name`, or writes it when blessing.
fn check(name: &str, got: &[u8]) -> Result<(), String> {
    let path = golden_dir().join(name);
    if std::env::var_os("GAINSAY_BLESS").is_some() {
        std::fs::write(&path, got).unwrap();
        return Ok(());
    }
    let want = std::fs::read(&path)
        .map_err(|e| format!("{}: {e} (bless with GAINSAY_BLESS=1)", path.display()))?;
    if want == got {
        return Ok(());
    }
    let (w, g) = (String::from_utf8_lossy(&want), String::from_utf8_lossy(got));
    let at = w
        .bytes()
        .zip(g.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    let from = at.saturating_sub(120);
    Err(format!(
        "{name} differs at byte {at}:\n want …{}…\n  got …{}…\n(after a deliberate change: GAINSAY_BLESS=1 cargo test --test golden)",
        &w[from..(at + 120).min(w.len())],
        &g[from..(at + 120).min(g.len())],
    ))
}

/// The golden name of an input file: `stances.jsonl` → `stances.report.json`.
fn golden_name(input: &Path) -> String {
    format!(
        "{}.report.json",
        input.file_stem().unwrap().to_string_lossy()
    )
}

fn read(path: &Path) -> Vec<Result<Statement, gainsay::Error>> {
    let bytes = std::fs::read(path).unwrap();
    StatementReader::new(bytes.as_slice()).read_all()
}

#[test]
fn every_input_gives_its_golden_report() {
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(golden_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    inputs.extend(INPUTS.iter().map(|p| root().join(p)));
    inputs.sort();
    assert!(inputs.len() >= 3, "{inputs:?}");
    let faults: Vec<String> = inputs
        .iter()
        .filter_map(|p| check(&golden_name(p), &report_json(read(p))).err())
        .collect();
    assert!(faults.is_empty(), "{}", faults.join("\n\n"));
}

/// The invented fact-check cases (`tests/data/factcheck_figures.jsonl`, each
/// two sentences and whether they clash) as one corpus: case `i` gives
/// records `f{i}a` and `f{i}b`, of two speakers and two sources, so the
/// golden report holds every figure explanation.
#[test]
fn the_factcheck_cases_give_their_golden_report() {
    let cases = std::fs::read_to_string(root().join("tests/data/factcheck_figures.jsonl")).unwrap();
    let mut st = Vec::new();
    for (i, line) in cases.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        for (side, actor, source) in [("a", "Mayor Ann Lee", "one"), ("b", "Health Bureau", "two")]
        {
            let text = case[side].as_str().unwrap();
            st.push(Ok(Statement::new(
                format!("f{i:02}{side}"),
                Some(actor),
                text,
            )
            .with_source(source)));
        }
    }
    let got = report_json(st);
    if let Err(e) = check("factcheck_figures.report.json", &got) {
        panic!("{e}");
    }
}

/// A synthetic corpus (the generator is deterministic): the many-pair case,
/// with actors of many shapes and figures of every kind the generator writes.
#[test]
fn a_synthetic_corpus_gives_its_golden_report() {
    let st = generate(&SynthConfig {
        statements: 400,
        seed: 11,
        ..Default::default()
    })
    .statements;
    let got = report_json(st.into_iter().map(Ok).collect());
    if let Err(e) = check("synthetic-400.report.json", &got) {
        panic!("{e}");
    }
}

/// The README's sample report is the golden report of `readme.jsonl`: the
/// JSON block after "detect --json" in README.md parses to the same value.
#[test]
fn the_readme_sample_is_the_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let marker = "<!-- golden: tests/data/golden/readme.report.json -->";
    let at = readme
        .find(marker)
        .expect("README.md marks its sample report");
    let block = &readme[at..];
    let start = block.find("```json\n").unwrap() + "```json\n".len();
    let end = start + block[start..].find("```").unwrap();
    let sample: serde_json::Value = serde_json::from_str(&block[start..end]).unwrap();
    let golden = report_json(read(&golden_dir().join("readme.jsonl")));
    let golden: serde_json::Value = serde_json::from_slice(&golden).unwrap();
    assert_eq!(
        sample,
        golden,
        "README.md's sample differs from the output; paste:\n{}",
        serde_json::to_string_pretty(&golden).unwrap()
    );
    // And the report reads back as the library's own type.
    let report: Report = serde_json::from_value(golden).unwrap();
    assert_eq!(report.contradictions.len(), 1);
}
