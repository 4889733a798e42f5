//! Statement records: the input of the pipeline, read from JSON Lines.
//!
//! Each line is validated field by field so that an error names the line, the
//! record id when it is known, and the field. A bad line never stops the
//! reader: the good records are returned with the errors beside them.

use std::fmt;
use std::io::BufRead;

use rayon::prelude::*;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::error::Error;

/// A calendar date, `YYYY-MM-DD` on the wire.
///
/// # Examples
/// ```
/// use gainsay::Date;
/// let d: Date = "2025-11-18".parse().unwrap();
/// assert_eq!((d.year, d.month, d.day), (2025, 11, 18));
/// assert_eq!(d.to_string(), "2025-11-18");
/// assert!("2025-02-30".parse::<Date>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2025.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl Date {
    /// Days since 0000-03-01 (a proleptic Gregorian day count), for distances.
    ///
    /// # Examples
    /// ```
    /// let a: gainsay::Date = "2024-02-28".parse().unwrap();
    /// let b: gainsay::Date = "2024-03-01".parse().unwrap();
    /// assert_eq!(b.ordinal() - a.ordinal(), 2); // 2024 is a leap year
    /// ```
    pub fn ordinal(&self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (i64::from(self.year) - 1, i64::from(self.month) + 9)
        } else {
            (i64::from(self.year), i64::from(self.month) - 3)
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + i64::from(self.day) - 1
    }
}

impl std::str::FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("expected a date YYYY-MM-DD, found {s:?}");
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, String> {
            let part = &s[r];
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(bad());
            }
            part.parse::<u16>().map_err(|_| bad())
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(format!("month {month} out of range in {s:?}")),
        };
        if day == 0 || day > days {
            return Err(format!("day {day} out of range in {s:?}"));
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Which field of a statement a span points into.
///
/// # Examples
/// ```
/// use gainsay::{Field, Statement};
/// let s = Statement::new("a", None, "No.").with_context("Will they build it?");
/// assert_eq!(s.field(Field::Text), Some("No."));
/// assert_eq!(Field::Context.to_string(), "context");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Field {
    /// The statement's `text`.
    Text,
    /// The statement's `context`.
    Context,
}

impl Field {
    /// The name the JSON report gives it.
    ///
    /// ```
    /// assert_eq!(gainsay::Field::Context.to_string(), "context");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Field::Text => "text",
            Field::Context => "context",
        }
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One statement record: who said what, when, where.
///
/// Unknown fields are kept in `extra` and written back on serialization, so
/// a round trip loses nothing.
///
/// # Examples
/// ```
/// use gainsay::Statement;
/// let s = Statement::new("s1", Some("Secretary of State Ines Moreau"), "We will not send troops.");
/// assert_eq!(s.actor.as_deref(), Some("Secretary of State Ines Moreau"));
/// let json = serde_json::to_string(&s).unwrap();
/// let back: Statement = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, s);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Unique id of the record.
    pub id: String,
    /// The speaker as written; `None` means the source's own voice.
    #[serde(default)]
    pub actor: Option<String>,
    /// What was said.
    pub text: String,
    /// The sentence around it, e.g. the question that the text answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// When it was said or published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where it was published (a file name, an outlet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `[start, end]` byte offsets of `text` in the source article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    /// Every other field of the record, kept as it came.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Statement {
    /// A statement with only an id, an actor and a text.
    ///
    /// # Examples
    /// ```
    /// let s = gainsay::Statement::new("a", None, "No troops will enter.");
    /// assert!(s.actor.is_none());
    /// ```
    pub fn new(id: impl Into<String>, actor: Option<&str>, text: impl Into<String>) -> Statement {
        Statement {
            id: id.into(),
            actor: actor.map(str::to_owned),
            text: text.into(),
            context: None,
            date: None,
            source: None,
            span: None,
            extra: Map::new(),
        }
    }

    /// The value of `field`, if the record has it: what an evidence span's
    /// `start`/`end` index.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Field, Statement};
    /// let s = Statement::new("a", None, "No.").with_context("Will they build it?");
    /// assert_eq!(s.field(Field::Context), Some("Will they build it?"));
    /// assert_eq!(Statement::new("b", None, "No.").field(Field::Context), None);
    /// ```
    pub fn field(&self, field: Field) -> Option<&str> {
        match field {
            Field::Text => Some(&self.text),
            Field::Context => self.context.as_deref(),
        }
    }

    /// Sets the context (builder style).
    ///
    /// # Examples
    /// ```
    /// let s = gainsay::Statement::new("a", Some("Moreau"), "that's fine with me.")
    ///     .with_context("Asked about a new dam on the river, Moreau replied: \"that's fine with me.\"");
    /// assert!(s.context.is_some());
    /// ```
    pub fn with_context(mut self, context: impl Into<String>) -> Statement {
        self.context = Some(context.into());
        self
    }

    /// Sets the date (builder style). Panics never: an invalid date is ignored
    /// by returning the statement unchanged and is reported by [`Statement::validate`]
    /// only when set through deserialization.
    ///
    /// # Examples
    /// ```
    /// let s = gainsay::Statement::new("a", None, "x").with_date("2024-01-31".parse().unwrap());
    /// assert_eq!(s.date.unwrap().to_string(), "2024-01-31");
    /// ```
    pub fn with_date(mut self, date: Date) -> Statement {
        self.date = Some(date);
        self
    }

    /// Sets the source (builder style).
    ///
    /// # Examples
    /// ```
    /// let s = gainsay::Statement::new("a", None, "x").with_source("wire.txt");
    /// assert_eq!(s.source.as_deref(), Some("wire.txt"));
    /// ```
    pub fn with_source(mut self, source: impl Into<String>) -> Statement {
        self.source = Some(source.into());
        self
    }

    /// Checks the invariants a record must hold: a non-empty id, a text that
    /// is not blank, a span in order.
    ///
    /// # Examples
    /// ```
    /// let s = gainsay::Statement::new("a", None, "   ");
    /// assert!(s.validate(None).is_err());
    /// ```
    pub fn validate(&self, line: Option<usize>) -> Result<(), Error> {
        let id = Some(self.id.as_str());
        if self.id.trim().is_empty() {
            return Err(Error::record(line, None, Some("id"), "empty id"));
        }
        if self.text.trim().is_empty() {
            return Err(Error::record(line, id, Some("text"), "empty text"));
        }
        if let Some([a, b]) = self.span {
            if a > b {
                return Err(Error::record(
                    line,
                    id,
                    Some("span"),
                    format!("span [{a}, {b}] is out of order"),
                ));
            }
        }
        Ok(())
    }

    /// Reads one record from a parsed JSON value, checking each field.
    fn from_value(value: Value, line: Option<usize>) -> Result<Statement, Error> {
        let Value::Object(map) = value else {
            return Err(Error::record(
                line,
                None,
                None,
                format!("expected a JSON object, found {}", type_name(&value)),
            ));
        };
        let mut f = Fields {
            map,
            line,
            id: None,
        };
        let id = f.required_str("id")?;
        f.id = Some(id);
        let text = f.required_str("text")?;
        let actor = f.optional_str("actor")?;
        let context = f.optional_str("context")?;
        let source = f.optional_str("source")?;
        let date = f.date()?;
        let span = f.span()?;
        let s = Statement {
            id: f.id.take().unwrap_or_default(),
            actor,
            text,
            context,
            date,
            source,
            span,
            extra: f.map,
        };
        s.validate(line)?;
        Ok(s)
    }
}

/// The fields of one JSON record being read: each is taken out of the map
/// as it is checked (what remains is the record's unknown fields), and an
/// error names the line, the record's id once known, and the field.
struct Fields {
    map: Map<String, Value>,
    line: Option<usize>,
    id: Option<String>,
}

impl Fields {
    fn error(&self, field: &str, message: impl Into<String>) -> Error {
        Error::record(self.line, self.id.as_deref(), Some(field), message)
    }

    /// A field that must be a string: `{"id": 1}` is "expected a string,
    /// found a number"; no field is "missing".
    fn required_str(&mut self, field: &str) -> Result<String, Error> {
        match self.map.remove(field) {
            Some(Value::String(s)) => Ok(s),
            Some(other) => Err(self.error(
                field,
                format!("expected a string, found {}", type_name(&other)),
            )),
            None => Err(self.error(field, "missing")),
        }
    }

    /// A field that may be absent or null: `{"actor": null}` is the
    /// source's own voice.
    fn optional_str(&mut self, field: &str) -> Result<Option<String>, Error> {
        match self.map.remove(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.error(
                field,
                format!("expected a string or null, found {}", type_name(&other)),
            )),
        }
    }

    /// `date`, YYYY-MM-DD: "2025-02-30" is an error naming the field.
    fn date(&mut self) -> Result<Option<Date>, Error> {
        match self.optional_str("date")? {
            None => Ok(None),
            Some(s) => s
                .parse::<Date>()
                .map(Some)
                .map_err(|m| self.error("date", m)),
        }
    }

    /// `span`, `[start, end]` of two non-negative integers, or null.
    fn span(&mut self) -> Result<Option<[usize; 2]>, Error> {
        match self.map.remove("span") {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(a)) if a.len() == 2 => {
                let num = |v: &Value| v.as_u64().and_then(|n| usize::try_from(n).ok());
                match (num(&a[0]), num(&a[1])) {
                    (Some(x), Some(y)) => Ok(Some([x, y])),
                    _ => Err(self.error("span", "expected two non-negative integers")),
                }
            }
            Some(_) => Err(self.error("span", "expected [start, end]")),
        }
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads JSON Lines statement records one at a time, without holding the
/// whole input. Yields `Err` for a bad line and goes on with the next one.
///
/// # Examples
/// ```
/// use gainsay::StatementReader;
/// let input = "{\"id\": \"a\", \"text\": \"ok\"}\nnot json\n{\"id\": \"b\", \"text\": \"no\"}\n";
/// let results: Vec<_> = StatementReader::new(input.as_bytes()).collect();
/// assert_eq!(results.len(), 3);
/// assert!(results[1].is_err());
/// ```
pub struct StatementReader<R> {
    reader: R,
    line: usize,
    buf: Vec<u8>,
    max_line: usize,
    seen: crate::ids::Ids,
    done: bool,
}

impl<R: BufRead> StatementReader<R> {
    /// A reader with the default line limit (16 MiB).
    ///
    /// # Examples
    /// ```
    /// let input = "{\"id\": \"a\", \"text\": \"Yes.\"}\n";
    /// let records: Vec<_> = gainsay::StatementReader::new(input.as_bytes()).collect();
    /// assert_eq!(records[0].as_ref().unwrap().id, "a");
    /// ```
    pub fn new(reader: R) -> StatementReader<R> {
        StatementReader {
            reader,
            line: 0,
            buf: Vec::new(),
            max_line: 16 << 20,
            seen: crate::ids::Ids::default(),
            done: false,
        }
    }

    /// Sets the longest line accepted, in bytes; longer lines are errors.
    ///
    /// # Examples
    /// ```
    /// let input = "{\"id\": \"a\", \"text\": \"a long enough text\"}\n";
    /// let mut r = gainsay::StatementReader::new(input.as_bytes()).max_line_len(10);
    /// assert!(r.next().unwrap().is_err());
    /// ```
    pub fn max_line_len(mut self, bytes: usize) -> StatementReader<R> {
        self.max_line = bytes;
        self
    }

    /// Reads the next line into `self.buf`, stopping at `max_line + 1` bytes
    /// kept (the rest of an overlong line is skipped). Returns false at EOF.
    fn fill_line(&mut self) -> std::io::Result<(bool, bool)> {
        self.buf.clear();
        let mut too_long = false;
        let mut any = false;
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                return Ok((any, too_long));
            }
            any = true;
            let (take, newline) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let room = (self.max_line + 1).saturating_sub(self.buf.len());
            if take > room {
                too_long = true;
            }
            self.buf.extend_from_slice(&chunk[..take.min(room)]);
            self.reader.consume(take);
            if newline {
                return Ok((true, too_long));
            }
        }
    }
}

impl<R: BufRead> StatementReader<R> {
    /// The next non-blank line's record and its line number, before the
    /// duplicate check; `None` at the end.
    fn read_one(&mut self) -> Option<(usize, Result<Statement, Error>)> {
        loop {
            if self.done {
                return None;
            }
            let (any, too_long) = match self.fill_line() {
                Ok(x) => x,
                Err(e) => {
                    self.done = true;
                    return Some((self.line, Err(Error::Io(e))));
                }
            };
            if !any {
                self.done = true;
                return None;
            }
            self.line += 1;
            let line = Some(self.line);
            if too_long {
                let message = format!("line longer than {} bytes", self.max_line);
                return Some((self.line, Err(Error::record(line, None, None, message))));
            }
            let text = match std::str::from_utf8(&self.buf) {
                Ok(text) => text,
                Err(e) => return Some((self.line, Err(not_utf8(&self.buf, e, line)))),
            };
            if text.trim().is_empty() {
                continue;
            }
            // Without its line break, so that serde's position is this line's.
            let text = text.trim_end_matches(['\n', '\r']);
            let stmt = match Plain::read(text, line) {
                Some(s) => s,
                None => match serde_json::from_str::<Value>(text) {
                    Ok(value) => Statement::from_value(value, line),
                    Err(e) => Err(Error::record(
                        line,
                        None,
                        None,
                        format!("malformed JSON: {}", json_message(&e)),
                    )),
                },
            };
            return Some((self.line, stmt));
        }
    }

    /// `read` unless its id was seen before in this input.
    fn unique(&mut self, line: usize, read: Result<Statement, Error>) -> Result<Statement, Error> {
        let stmt = read?;
        if !self.seen.insert(&stmt.id) {
            return Err(Error::record(
                Some(line),
                Some(&stmt.id),
                Some("id"),
                "duplicate id",
            ));
        }
        Ok(stmt)
    }
}

/// The input a parallel read hands each thread at a time, cut at a line
/// break after this many bytes.
const READ_PIECE: usize = 1 << 20;

impl StatementReader<&[u8]> {
    /// Reads every remaining record of an input held in memory, parsing
    /// pieces of it on all threads: the same results, in the same order
    /// and with the same line numbers, as the reader gives one at a time.
    ///
    /// # Examples
    /// ```
    /// use gainsay::StatementReader;
    /// let input = "{\"id\": \"a\", \"text\": \"ok\"}\n\n{\"id\": \"a\", \"text\": \"again\"}\n";
    /// let all = StatementReader::new(input.as_bytes()).read_all();
    /// assert_eq!(all.len(), 2);
    /// let e = all[1].as_ref().unwrap_err();
    /// assert_eq!(e.location().unwrap().line, Some(3));
    /// ```
    pub fn read_all(self) -> Vec<Result<Statement, Error>> {
        self.read_in_pieces(READ_PIECE)
    }

    /// [`StatementReader::read_all`] with pieces of about `size` bytes.
    fn read_in_pieces(mut self, size: usize) -> Vec<Result<Statement, Error>> {
        // Pieces end just after a line break (the last one at the end), so
        // no line is split; each knows the number of the line before it.
        let mut pieces: Vec<(usize, &[u8])> = Vec::new();
        let mut rest = self.reader;
        while !rest.is_empty() {
            let cut = match rest.get(size..) {
                None => rest.len(),
                Some(after) => after
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(rest.len(), |i| size + i + 1),
            };
            let (piece, tail) = rest.split_at(cut);
            pieces.push((0, piece));
            rest = tail;
        }
        let mut line = self.line;
        for p in &mut pieces {
            p.0 = line;
            line += p.1.iter().filter(|&&b| b == b'\n').count();
            // A last line without a break is a line too.
            line += usize::from(!p.1.ends_with(b"\n"));
        }
        let max_line = self.max_line;
        let read: Vec<Vec<(usize, Result<Statement, Error>)>> = pieces
            .into_par_iter()
            .map(|(first, piece)| {
                let mut r = StatementReader::new(piece).max_line_len(max_line);
                r.line = first;
                std::iter::from_fn(|| r.read_one()).collect()
            })
            .collect();
        self.reader = &[];
        self.line = line;
        read.into_iter()
            .flatten()
            .map(|(line, r)| self.unique(line, r))
            .collect()
    }
}

impl<R: BufRead> Iterator for StatementReader<R> {
    type Item = Result<Statement, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let (line, read) = self.read_one()?;
        Some(self.unique(line, read))
    }
}

/// A record with only the known fields, each of its usual type: most lines
/// are one, and reading them straight into their fields skips building a
/// JSON tree. Anything else (unknown fields, wrong types, duplicate keys)
/// goes the careful way, which names the field at fault.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Plain {
    id: String,
    #[serde(default)]
    actor: Option<String>,
    text: String,
    #[serde(default)]
    context: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    span: Option<[u64; 2]>,
}

impl Plain {
    /// The record on `line`, or `None` when it needs the careful reading.
    fn read(text: &str, line: Option<usize>) -> Option<Result<Statement, Error>> {
        let p: Plain = serde_json::from_str(text).ok()?;
        let date = match p.date {
            None => None,
            Some(d) => Some(d.parse::<Date>().ok()?),
        };
        let span = match p.span {
            None => None,
            Some([a, b]) => Some([usize::try_from(a).ok()?, usize::try_from(b).ok()?]),
        };
        let s = Statement {
            id: p.id,
            actor: p.actor,
            text: p.text,
            context: p.context,
            date,
            source: p.source,
            span,
            extra: Map::new(),
        };
        Some(s.validate(line).map(|()| s))
    }
}

/// serde's message with its position given as a column of the line (the
/// line number is the reader's, not serde's).
fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let bare = match msg.rfind(" at line ") {
        Some(i) if e.line() > 0 => &msg[..i],
        _ => msg.as_str(),
    };
    if e.column() > 0 {
        format!("{bare} at column {}", e.column())
    } else {
        bare.to_owned()
    }
}

/// The error for a line that is not UTF-8: the byte where it goes wrong and,
/// when the rest of the line can still be read as a record, its id and the
/// field that holds the bad bytes.
fn not_utf8(buf: &[u8], e: std::str::Utf8Error, line: Option<usize>) -> Error {
    let message = format!("not valid UTF-8 (byte {} of the line)", e.valid_up_to() + 1);
    let lossy = String::from_utf8_lossy(buf);
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(lossy.trim_end()) else {
        return Error::record(line, None, None, message);
    };
    fn bad(v: &Value) -> bool {
        match v {
            Value::String(s) => s.contains('\u{fffd}'),
            Value::Array(a) => a.iter().any(bad),
            Value::Object(m) => m.iter().any(|(k, v)| k.contains('\u{fffd}') || bad(v)),
            _ => false,
        }
    }
    let id = map
        .get("id")
        .and_then(Value::as_str)
        .filter(|s| !s.contains('\u{fffd}'));
    let field = map.iter().find(|(_, v)| bad(v)).map(|(k, _)| k.as_str());
    Error::record(line, id, field, message)
}

/// The good records of an input and the errors of the bad ones.
///
/// # Examples
/// ```
/// let out = gainsay::read_jsonl("{\"id\": \"a\", \"text\": \"Yes.\"}\nnot json\n".as_bytes());
/// assert_eq!((out.statements.len(), out.errors.len()), (1, 1));
/// ```
#[derive(Debug, Default)]
pub struct ReadOutcome {
    /// Records that passed every check, in input order.
    pub statements: Vec<Statement>,
    /// One error per bad line, in input order.
    pub errors: Vec<Error>,
}

/// Reads a whole JSON Lines input, keeping the good records and the errors.
///
/// # Examples
/// ```
/// let input = r#"{"id": "s1", "actor": "Moreau", "text": "We will not send troops.", "date": "2025-11-10", "note": "kept"}
/// {"id": "s2", "text": "x", "date": "2025-13-01"}
/// "#;
/// let out = gainsay::read_jsonl(input.as_bytes());
/// assert_eq!(out.statements.len(), 1);
/// assert_eq!(out.statements[0].extra["note"], "kept");
/// assert_eq!(
///     out.errors[0].to_string(),
///     "line 2, record \"s2\", field `date`: month 13 out of range in \"2025-13-01\""
/// );
/// ```
pub fn read_jsonl<R: BufRead>(reader: R) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    for r in StatementReader::new(reader) {
        match r {
            Ok(s) => out.statements.push(s),
            Err(e) => out.errors.push(e),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! bad {
        ($($line:expr => $msg:expr),* $(,)?) => {$(
            let out = read_jsonl($line.as_bytes());
            assert_eq!(out.statements.len(), 0, "{}", $line);
            assert_eq!(out.errors[0].to_string(), $msg, "{}", $line);
        )*};
    }

    #[test]
    fn each_bad_field_is_named() {
        bad! {
            r#"{"text": "x"}"# => "line 1, field `id`: missing",
            r#"{"id": "a"}"# => "line 1, record \"a\", field `text`: missing",
            r#"{"id": "a", "text": 3}"# => "line 1, record \"a\", field `text`: expected a string, found a number",
            r#"{"id": "a", "text": "  "}"# => "line 1, record \"a\", field `text`: empty text",
            r#"{"id": "a", "text": "x", "date": "18/11/2025"}"# => "line 1, record \"a\", field `date`: expected a date YYYY-MM-DD, found \"18/11/2025\"",
            r#"{"id": "a", "text": "x", "span": [9, 2]}"# => "line 1, record \"a\", field `span`: span [9, 2] is out of order",
            r#"{"id": "a", "text": "x", "actor": ["x"]}"# => "line 1, record \"a\", field `actor`: expected a string or null, found an array",
            "[1, 2]" => "line 1: expected a JSON object, found an array",
        }
    }

    #[test]
    fn bad_lines_do_not_lose_good_ones() {
        let input = b"{\"id\":\"a\",\"text\":\"one\"}\n{oops\n\xff\xfe\n{\"id\":\"a\",\"text\":\"dup\"}\n{\"id\":\"b\",\"text\":\"two\"}\n";
        let out = read_jsonl(&input[..]);
        let ids: Vec<_> = out.statements.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        let msgs: Vec<_> = out.errors.iter().map(|e| e.to_string()).collect();
        assert!(msgs[0].starts_with("line 2: malformed JSON"), "{msgs:?}");
        assert_eq!(msgs[1], "line 3: not valid UTF-8 (byte 1 of the line)");
        assert_eq!(msgs[2], "line 4, record \"a\", field `id`: duplicate id");
    }

    #[test]
    fn overlong_lines_are_errors_and_reading_goes_on() {
        let long = format!(
            "{{\"id\":\"a\",\"text\":\"{}\"}}\n{{\"id\":\"b\",\"text\":\"t\"}}\n",
            "x".repeat(100)
        );
        let out: Vec<_> = StatementReader::new(long.as_bytes())
            .max_line_len(50)
            .collect();
        assert!(out[0].is_err());
        assert_eq!(out[1].as_ref().unwrap().id, "b");
    }

    #[test]
    fn unknown_fields_round_trip() {
        let line = r#"{"id":"a","actor":null,"text":"t","lang":"en","tags":[1,2]}"#;
        let s = read_jsonl(line.as_bytes()).statements.remove(0);
        let v: Value = serde_json::to_value(&s).unwrap();
        assert_eq!(v["lang"], "en");
        assert_eq!(v["tags"][1], 2);
    }

    #[test]
    fn date_ordinal_counts_days() {
        let a: Date = "2022-02-15".parse().unwrap();
        let b: Date = "2022-02-24".parse().unwrap();
        assert_eq!(b.ordinal() - a.ordinal(), 9);
        let c: Date = "2024-03-01".parse().unwrap();
        let d: Date = "2024-02-28".parse().unwrap();
        assert_eq!(c.ordinal() - d.ordinal(), 2);
    }

    /// One input line of the kinds a reader meets.
    fn line_kinds() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            (0u8..6, "[a-z é]{1,12}")
                .prop_map(|(id, t)| format!("{{\"id\": \"s{id}\", \"text\": \"x{t}\"}}")),
            Just(String::new()),
            Just("   ".to_owned()),
            Just("not json".to_owned()),
            Just("{\"id\": \"k\"}".to_owned()),
            "\\PC{0,20}",
        ]
    }

    proptest::proptest! {
        /// The parallel read gives what the line-by-line read gives, with
        /// pieces small enough that most inputs are cut in several.
        #[test]
        fn the_parallel_read_is_the_sequential_read(
            lines in proptest::collection::vec(line_kinds(), 0..30),
            size in 1usize..64,
            final_break in proptest::bool::ANY,
        ) {
            let mut input = lines.join("\n");
            if final_break {
                input.push('\n');
            }
            let show = |v: Vec<Result<Statement, Error>>| -> Vec<String> {
                v.into_iter()
                    .map(|r| match r {
                        Ok(s) => format!("ok {} {}", s.id, s.text),
                        Err(e) => format!("err {e}"),
                    })
                    .collect()
            };
            let one_by_one = show(StatementReader::new(input.as_bytes()).collect());
            let r = StatementReader::new(input.as_bytes()).max_line_len(40);
            let limited: Vec<Result<Statement, Error>> =
                StatementReader::new(input.as_bytes()).max_line_len(40).collect();
            proptest::prop_assert_eq!(show(r.read_in_pieces(size)), show(limited));
            let pieces = StatementReader::new(input.as_bytes()).read_in_pieces(size);
            proptest::prop_assert_eq!(show(pieces), one_by_one);
        }
    }
}
