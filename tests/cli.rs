//! The installed `gainsay` binary over each input case: forms told apart by
//! content, a BOM, empty input, bad records, a closed pipe, bad articles.

use std::io::Write;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gainsay"))
}

/// Runs `gainsay args` with `stdin`; returns exit code, stdout, stderr.
fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const A: &str = r#"{"id": "a", "actor": "Mayor Tom Bell", "text": "The new dam on the river is ruled out, absolutely ruled out.", "date": "2024-05-01", "source": "daily.txt"}"#;
const B: &str = r#"{"id": "b", "actor": "Governor Ana Ruiz", "text": "We fully support the new dam on the river.", "source": "weekly.txt"}"#;

/// Statement ids of a JSON report.
fn ids(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn input_forms_are_read_whole() {
    let jsonl = format!("{A}\n{B}\n");
    let array = format!("[\n  {},\n  {}\n]\n", A.replace(", ", ",\n    "), B);
    let bom = format!("\u{feff}{jsonl}");
    let csv = "id,actor,text,context,date,source\n\
               a,Mayor Tom Bell,\"The new dam on the river is ruled out, absolutely.\",,2024-05-01,daily.txt\n\
               b,,We fully support the new dam.,,,weekly.txt\n";
    let cases: &[(&str, &str)] = &[
        ("jsonl", &jsonl),
        ("array", &array),
        ("bom", &bom),
        ("csv", csv),
    ];
    for (name, input) in cases {
        let (code, out, err) = run(&["detect", "-", "--json"], input.as_bytes());
        assert_eq!((code, err.as_str()), (0, ""), "{name}");
        assert_eq!(ids(&out), ["a", "b"], "{name}");
    }
}

#[test]
fn report_stands_alone() {
    let (code, out, _) = run(&["--json", "detect", "-"], format!("{A}\n{B}\n").as_bytes());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let s = &v["statements"][0];
    assert_eq!(s["actor_name"], "Tom Bell");
    assert_eq!(s["date"], "2024-05-01");
    assert_eq!(s["source"], "daily.txt");
    assert!(s["text"].as_str().unwrap().starts_with("The new dam"));
    assert_eq!(v["problems"], serde_json::json!([]));
    assert_eq!(v["bounds"], serde_json::json!([]));
}

#[test]
fn bad_records_are_named_and_good_ones_kept() {
    let cases: &[(&str, &str)] = &[
        (
            "[{\"id\": \"a\", \"text\": \"x\"},\n {\"id\": 4, \"text\": \"y\"}]",
            "line 2, field `id`",
        ),
        (
            "id,text,date\na,x,2024-13-01\nb,y,\n",
            "line 2, record \"a\", field `date`",
        ),
        (
            "{\"id\": \"a\", \"text\": \"x\"}\nnot json\n",
            "line 2: malformed JSON",
        ),
    ];
    for (input, msg) in cases {
        let (code, out, err) = run(&["detect", "-", "--json"], input.as_bytes());
        assert_eq!(code, 1, "{input:?}");
        assert!(err.contains(msg), "{input:?}: {err}");
        let kept = ids(&out);
        assert_eq!(kept.len(), 1, "{input:?}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["problems"].as_array().unwrap().len(), 1, "{input:?}");
    }
}

#[test]
fn empty_input_warns_and_fails() {
    for input in ["", "\u{feff}", "\n \n"] {
        let (code, out, err) = run(&["detect", "-"], input.as_bytes());
        assert_eq!(code, 1, "{input:?}");
        assert!(
            err.contains("warning") && err.contains("no statement records"),
            "{err}"
        );
        assert_eq!(out, "");
    }
}

#[test]
fn seeds_by_default_in_every_format() {
    let cases: &[(&[&str], &str)] = &[
        (&[], "63 statements, "),
        (&["detect", "--format", "markdown"], "# Contradictions"),
        (&["detect", "--format", "html"], "<!DOCTYPE html>"),
        (&["detect", "--format=jsonl"], "{\"a\":"),
        (&["detect", "--json"], "{\"statements\":"),
        (&["detect", "--help"], "examples:"),
        (&["extract", "--help"], "examples:"),
        (&["actors", "--help"], "examples:"),
    ];
    for (args, start) in cases {
        let (code, out, err) = run(args, b"");
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
        let found = if start.ends_with(':') {
            out.contains(start)
        } else {
            out.starts_with(start)
        };
        let head: String = out.chars().take(80).collect();
        assert!(found, "{args:?}: {head}");
    }
}

#[test]
fn grammar_of_one() {
    let (_, out, _) = run(&["detect", "-"], format!("{A}\n{B}\n").as_bytes());
    assert!(out.starts_with("2 statements, 1 contradiction\n"), "{out}");
}

#[test]
fn html_is_escaped() {
    let a = r#"{"id": "a", "actor": "Mayor <b>Bell</b>", "text": "The new dam on the river is ruled out & <script>x</script>."}"#;
    let (_, out, _) = run(
        &["detect", "-", "--format", "html"],
        format!("{a}\n{B}\n").as_bytes(),
    );
    assert!(
        !out.contains("<script>") && out.contains("&lt;script&gt;"),
        "{out}"
    );
}

#[test]
fn output_file_and_flags_in_any_order() {
    let dir = std::env::temp_dir().join(format!("gainsay-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("r.json");
    let out = out.to_str().unwrap();
    let (code, stdout, _) = run(&["-o", out, "detect", "--json"], b"");
    assert_eq!((code, stdout.as_str()), (0, ""));
    assert_eq!(ids(&std::fs::read_to_string(out).unwrap()).len(), 63);
    // Articles: flags after the files; a non-UTF-8 article is skipped.
    let good = dir.join("good.txt");
    std::fs::write(
        &good,
        "Mayor Tom Bell said the new dam on the river is ruled out.\n",
    )
    .unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"Mayor Tom Bell said \xff\xfe it is ruled out.\n").unwrap();
    let (g, b) = (good.to_str().unwrap(), bad.to_str().unwrap());
    let (code, stdout, err) = run(&["detect", "--articles", b, g, "--json"], b"");
    assert_eq!(code, 1);
    assert!(
        err.contains("not valid UTF-8") && err.contains("skipped"),
        "{err}"
    );
    assert!(stdout.starts_with("{\"statements\":"), "{stdout}");
    let (code, _, err) = run(&["extract", b, g], b"");
    assert_eq!(code, 1);
    assert!(err.contains("skipped"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn closed_pipe_is_quiet() {
    let mut child = bin()
        .args(["detect", "--format", "markdown"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn readme_json_sample_has_the_report_keys() {
    // The README's sample is the contract: every key it shows is in a
    // real report, at the same level.
    let readme = include_str!("../README.md");
    let start = readme.find("## Output: the report").unwrap();
    let block = &readme[start..];
    let block = &block[block.find("```json\n").unwrap() + 8..];
    let sample: serde_json::Value =
        serde_json::from_str(&block[..block.find("```").unwrap()]).unwrap();
    let (_, out, _) = run(&["detect", "--json"], b"");
    let real: serde_json::Value = serde_json::from_str(&out).unwrap();
    fn keys(v: &serde_json::Value) -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    }
    assert_eq!(keys(&sample), keys(&real));
    assert_eq!(keys(&sample["statements"][0]), keys(&real["statements"][0]));
    assert_eq!(
        keys(&sample["contradictions"][0]),
        keys(&real["contradictions"][0])
    );
    assert_eq!(
        keys(&sample["contradictions"][0]["evidence"][0]),
        keys(&real["contradictions"][0]["evidence"][0])
    );
}

/// `--lexicon KIND=FILE` extends a word list for `detect`, `actors` and
/// `extract`, as the builders do; an unknown list, a value without `=` and
/// a bad entry are usage errors (exit 2) that say what is wrong.
#[test]
fn lexicon_files_extend_the_word_lists() {
    let dir = std::env::temp_dir().join(format!("gainsay-cli-lex-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = |name: &str, body: &str| {
        let p = dir.join(name);
        std::fs::write(&p, body).unwrap();
        p.to_str().unwrap().to_owned()
    };
    let reject = format!("reject={}", file("reject.txt", "# invented\nwaved off\n"));
    let title = format!("title={}", file("title.txt", "harbourmaster\n"));
    let verb = format!("speech_verb={}", file("verb.txt", "speech grumbled\n"));
    let bad = format!("antonyms={}", file("bad.txt", "unfair\n"));

    let records = concat!(
        r#"{"id": "a", "actor": "Harbourmaster Ivo Brandt", "text": "I have waved off the new dam on the river."}"#,
        "\n",
        r#"{"id": "b", "actor": "Governor Ana Ruiz", "text": "I fully support the new dam on the river."}"#,
        "\n"
    );
    let pairs = |args: &[&str]| {
        let (code, out, err) = run(args, records.as_bytes());
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["contradictions"].as_array().unwrap().len()
    };
    assert_eq!(pairs(&["detect", "-", "--json"]), 0);
    assert_eq!(pairs(&["detect", "-", "--json", "--lexicon", &reject]), 1);

    let (_, plain, _) = run(&["actors", "-", "--format", "table"], records.as_bytes());
    assert!(plain.contains("harbourmaster ivo brandt"), "{plain}");
    let (code, titled, _) = run(
        &["actors", "-", "--format", "table", "--lexicon", &title],
        records.as_bytes(),
    );
    assert_eq!(code, 0);
    assert!(
        titled.starts_with("a\tivo brandt\tIvo Brandt\n"),
        "{titled}"
    );

    let article = file(
        "story.txt",
        "Ivo Brandt grumbled that the dock would open in May.\n",
    );
    let (_, none, _) = run(&["extract", &article], b"");
    assert_eq!(none, "");
    let (code, one, _) = run(&["extract", &article, "--lexicon", &verb], b"");
    assert_eq!(code, 0);
    assert!(
        one.contains(r#""text":"the dock would open in May""#),
        "{one}"
    );

    let (code, _, err) = run(&["detect", "-", "--lexicon", &bad], records.as_bytes());
    assert_eq!(code, 2);
    assert!(err.contains("antonyms") && err.contains("line 1"), "{err}");
    let (code, _, err) = run(&["actors", "-", "--lexicon", "nosuchlist=x.txt"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("no word list named \"nosuchlist\""), "{err}");
    let (code, _, err) = run(&["extract", &article, "--lexicon", "title.txt"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("want KIND=FILE"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
