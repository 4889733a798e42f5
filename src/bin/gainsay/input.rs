//! Statement records from whatever form a user has: JSON Lines, a JSON
//! array (pretty-printed or not) or CSV with a header, told apart by their
//! first character. Every form goes through [`gainsay::StatementReader`],
//! so each error names the line, record and field of the input as given.

use gainsay::{Error, Location, Statement, StatementReader};
use serde_json::{Map, Value};

/// The forms of input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// One JSON object a line.
    JsonLines,
    /// One JSON array of objects.
    JsonArray,
    /// CSV with a header row (`id,actor,text,context,date,source`).
    Csv,
}

impl Form {
    pub fn name(self) -> &'static str {
        match self {
            Form::JsonLines => "JSON Lines",
            Form::JsonArray => "a JSON array",
            Form::Csv => "CSV",
        }
    }
}

/// The bytes without a UTF-8 byte-order mark.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The form of `bytes` by their first non-blank character: `{` JSON Lines,
/// `[` a JSON array, anything else CSV. `None` when there is nothing.
pub fn sniff(bytes: &[u8]) -> Option<Form> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace())?;
    Some(match first {
        b'{' => Form::JsonLines,
        b'[' => Form::JsonArray,
        _ => Form::Csv,
    })
}

/// Records read from `bytes` (without a BOM), in input order: each good
/// one `Ok`, each bad one an error naming where it is.
pub fn records(bytes: &[u8], form: Form, max_line: Option<usize>) -> Vec<Result<Statement, Error>> {
    match form {
        Form::JsonLines => reader(bytes, max_line).read_all(),
        Form::JsonArray => relined(array_elements(bytes), max_line),
        Form::Csv => relined(csv_rows(bytes), max_line),
    }
}

fn reader(bytes: &[u8], max_line: Option<usize>) -> StatementReader<&[u8]> {
    let r = StatementReader::new(bytes);
    match max_line {
        Some(n) => r.max_line_len(n),
        None => r,
    }
}

/// One record's JSON on one line, with the input line it starts on; or an
/// error for a piece that could not be made into one.
type Piece = Result<(usize, Vec<u8>), Error>;

/// Pieces read as JSON Lines, their errors moved back to the input's lines.
fn relined(pieces: Vec<Piece>, max_line: Option<usize>) -> Vec<Result<Statement, Error>> {
    let mut lines = Vec::new();
    let mut buf = Vec::new();
    let mut out: Vec<Option<Result<Statement, Error>>> = Vec::new();
    for p in pieces {
        match p {
            Ok((line, json)) => {
                lines.push((line, out.len()));
                out.push(None);
                buf.extend_from_slice(&json);
                buf.push(b'\n');
            }
            Err(e) => out.push(Some(Err(e))),
        }
    }
    // Every piece is one non-blank line, so the reader's k-th result is the
    // k-th piece.
    for (r, &(line, slot)) in reader(&buf, max_line).read_all().into_iter().zip(&lines) {
        out[slot] = Some(r.map_err(|e| at_line(e, line)));
    }
    out.into_iter().flatten().collect()
}

/// `e` with its line set to `line`.
fn at_line(e: Error, line: usize) -> Error {
    match e {
        Error::Record { location, message } => Error::Record {
            location: Location {
                line: Some(line),
                ..location
            },
            message,
        },
        e => e,
    }
}

fn record_error(line: usize, message: impl Into<String>) -> Error {
    Error::Record {
        location: Location {
            line: Some(line),
            id: None,
            field: None,
        },
        message: message.into(),
    }
}

/// The top-level elements of a JSON array, each with the line it starts
/// on, made one line each (a raw line break cannot be inside a JSON string,
/// so breaks become spaces). One linear pass that tracks strings and depth.
fn array_elements(bytes: &[u8]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Up to and past the opening bracket.
    while i < bytes.len() && bytes[i] != b'[' {
        line += usize::from(bytes[i] == b'\n');
        i += 1;
    }
    i += 1;
    let mut depth = 0usize;
    let mut in_str = false;
    let mut escaped = false;
    let mut start: Option<(usize, usize)> = None;
    let mut closed = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_str {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_str = false;
            }
        } else {
            match b {
                b'"' => in_str = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' if depth > 0 => depth -= 1,
                b']' => {
                    closed = true;
                }
                _ => {}
            }
            if depth == 0 && (b == b',' || closed) {
                if let Some((s, l)) = start.take() {
                    out.push(element(&bytes[s..i], l));
                }
                if closed {
                    break;
                }
                i += 1;
                continue;
            }
        }
        if start.is_none() && !b.is_ascii_whitespace() {
            start = Some((i, line));
        }
        line += usize::from(b == b'\n');
        i += 1;
    }
    if !closed {
        if let Some((s, l)) = start.take() {
            out.push(element(&bytes[s..], l));
        }
        out.push(Err(record_error(
            line,
            "the JSON array is not closed with `]`",
        )));
    } else if bytes[i + 1..].iter().any(|b| !b.is_ascii_whitespace()) {
        out.push(Err(record_error(
            line,
            "text after the JSON array's closing `]`",
        )));
    }
    out
}

/// One array element made one line.
fn element(raw: &[u8], line: usize) -> Piece {
    let raw = raw.trim_ascii_end();
    if raw.first() != Some(&b'{') {
        return Err(record_error(
            line,
            "an array element that is not a JSON object",
        ));
    }
    Ok((
        line,
        raw.iter()
            .map(|&b| if b == b'\n' || b == b'\r' { b' ' } else { b })
            .collect(),
    ))
}

/// The fields of one CSV row (RFC 4180: quoted fields may hold commas,
/// doubled quotes and line breaks), and the line after it.
fn csv_row(bytes: &[u8], mut i: usize, line: &mut usize) -> (Vec<Vec<u8>>, usize) {
    let mut fields = Vec::new();
    let mut field = Vec::new();
    let mut quoted = false;
    let mut was_quoted = false;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if quoted {
            if b == b'"' {
                if bytes.get(i) == Some(&b'"') {
                    field.push(b'"');
                    i += 1;
                } else {
                    quoted = false;
                }
            } else {
                *line += usize::from(b == b'\n');
                field.push(b);
            }
            continue;
        }
        match b {
            b'"' if field.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
            }
            b',' => {
                fields.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            b'\n' => {
                *line += 1;
                break;
            }
            b'\r' if bytes.get(i) == Some(&b'\n') => {}
            _ => field.push(b),
        }
    }
    fields.push(field);
    (fields, i)
}

/// CSV rows as JSON records: a header row names the columns; an empty
/// value is a missing field (a missing actor is the source's own voice).
fn csv_rows(bytes: &[u8]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut line = 1;
    let (header, mut i) = csv_row(bytes, 0, &mut line);
    let header: Vec<String> = header
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_ascii_lowercase())
        .collect();
    for need in ["id", "text"] {
        if !header.iter().any(|h| h == need) {
            out.push(Err(Error::Record {
                location: Location {
                    line: Some(1),
                    id: None,
                    field: Some(need.to_owned()),
                },
                message: format!(
                    "not JSON Lines, a JSON array or CSV with a header: the first line \
                     has no `{need}` column (expected id,actor,text,context,date,source)"
                ),
            }));
        }
    }
    if !out.is_empty() {
        return out;
    }
    while i < bytes.len() {
        let at = line;
        let (row, next) = csv_row(bytes, i, &mut line);
        i = next;
        if row.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        if row.len() != header.len() {
            out.push(Err(record_error(
                at,
                format!(
                    "{} CSV fields where the header has {}",
                    row.len(),
                    header.len()
                ),
            )));
            continue;
        }
        let mut obj = Map::new();
        let mut bad = None;
        for (name, value) in header.iter().zip(row) {
            let value = match String::from_utf8(value) {
                Ok(v) => v,
                Err(_) => {
                    bad = Some(name.clone());
                    break;
                }
            };
            if value.is_empty() {
                if name == "actor" {
                    obj.insert(name.clone(), Value::Null);
                }
                continue;
            }
            obj.insert(name.clone(), Value::String(value));
        }
        if let Some(field) = bad {
            out.push(Err(Error::Record {
                location: Location {
                    line: Some(at),
                    id: None,
                    field: Some(field),
                },
                message: "not valid UTF-8".to_owned(),
            }));
            continue;
        }
        let json = serde_json::to_vec(&Value::Object(obj)).unwrap_or_default();
        out.push(Ok((at, json)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(input: &str) -> (Vec<String>, Vec<String>) {
        let bytes = strip_bom(input.as_bytes());
        let form = sniff(bytes).unwrap();
        let (mut good, mut bad) = (Vec::new(), Vec::new());
        for r in records(bytes, form, None) {
            match r {
                Ok(s) => good.push(s.id),
                Err(e) => bad.push(e.to_string()),
            }
        }
        (good, bad)
    }

    fn strs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn forms() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("{\"id\":\"a\",\"text\":\"x\"}\n", &["a"], &[]),
            ("\u{feff}{\"id\":\"a\",\"text\":\"x\"}\n", &["a"], &[]),
            ("[\n {\"id\": \"a\",\n  \"text\": \"x, [y]\"},\n {\"id\": \"b\", \"text\": \"}\"}\n]\n", &["a", "b"], &[]),
            ("[{\"id\": \"a\", \"text\": \"x\"}, {\"id\": 3, \"text\": \"y\"},\n{\"id\": \"c\", \"text\": \"z\"}]", &["a", "c"], &["line 1, field `id`: expected a string, found a number"]),
            ("[{\"id\": \"a\", \"text\": \"x\"},\n 7]", &["a"], &["line 2: an array element that is not a JSON object"]),
            ("id,actor,text\na,Ann Poe,\"x, \"\"y\"\"\"\nb,,z\n", &["a", "b"], &[]),
            ("id,text,date\na,x,2024-13-01\nb,y,\n", &["b"], &["line 2, record \"a\", field `date`: month 13 out of range in \"2024-13-01\""]),
            ("id,text\na,\"two\nlines\"\nb,x,extra\nc,y\n", &["a", "c"], &["line 4: 3 CSV fields where the header has 2"]),
            ("name,words\nx,y\n", &[], &["line 1, field `id`: not JSON Lines, a JSON array or CSV with a header: the first line has no `id` column (expected id,actor,text,context,date,source)", "line 1, field `text`: not JSON Lines, a JSON array or CSV with a header: the first line has no `text` column (expected id,actor,text,context,date,source)"]),
        ];
        for (input, good, bad) in cases {
            let (g, b) = ids(input);
            assert_eq!((g, b), (strs(good), strs(bad)), "{input:?}");
        }
    }
}
