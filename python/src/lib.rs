//! Python bindings for gainsay: a thin shell over the library.
//!
//! Records cross the boundary as JSON: each Python dict is written with
//! `json.dumps` and read back by the library's own JSON Lines reader, so a
//! bad record gets the very message (line, record, field) that the `detect`
//! tool gives for the same line of a file. Reports come back through the
//! library's JSON writer and `json.loads`, so Python sees the report's JSON
//! shape exactly. The GIL is released while records are read and detected.

use std::path::PathBuf;

use pyo3::exceptions::{PyException, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

pyo3::create_exception!(
    gainsay,
    Error,
    PyException,
    "A record or an option gainsay cannot use. The message names where; \
     the attributes `line` (1-based position in the input), `record` (the \
     record's id) and `field` hold the same, or None when not known."
);

/// A `gainsay.Error` with its location as attributes.
fn py_error(
    py: Python<'_>,
    message: String,
    line: Option<usize>,
    record: Option<String>,
    field: Option<String>,
) -> PyErr {
    let err = Error::new_err(message);
    let value = err.value(py);
    // Setting an attribute on a fresh exception object cannot fail in
    // practice; if it ever does, the message still says it all.
    let _ = value.setattr("line", line);
    let _ = value.setattr("record", record);
    let _ = value.setattr("field", field);
    err
}

/// The library's error as a `gainsay.Error`. `keep_line` is false where the
/// reader's line number means nothing to the caller (one record at a time).
fn to_py(py: Python<'_>, e: gainsay::Error, keep_line: bool) -> PyErr {
    match e {
        gainsay::Error::Record { location, message } => {
            let mut loc = location;
            if !keep_line {
                loc.line = None;
            }
            let text = format!("{loc}: {message}");
            py_error(py, text, loc.line, loc.id, loc.field)
        }
        gainsay::Error::Config { what, message } => {
            py_error(py, format!("{what}: {message}"), None, None, Some(what))
        }
        other => py_error(py, other.to_string(), None, None, None),
    }
}

/// Writes Python values `json.dumps` cannot: a `datetime.date` (or
/// `datetime.datetime`, its day) as `YYYY-MM-DD`, the form `date` takes.
#[pyfunction]
fn _json_default(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    let datetime = py.import("datetime")?;
    if obj.is_instance(&datetime.getattr("datetime")?)? {
        return obj
            .call_method0("date")?
            .call_method0("isoformat")?
            .extract();
    }
    if obj.is_instance(&datetime.getattr("date")?)? {
        return obj.call_method0("isoformat")?.extract();
    }
    let name = obj.get_type().name()?;
    Err(PyTypeError::new_err(format!(
        "a {name} cannot be a record field (use str, int, float, bool, None, list or dict)"
    )))
}

/// One record as a JSON line (no newline inside: `json.dumps` escapes it).
fn record_line(
    py: Python<'_>,
    dumps: &Bound<'_, PyAny>,
    default: &Bound<'_, PyAny>,
    record: &Bound<'_, PyAny>,
    line: Option<usize>,
) -> PyResult<String> {
    let kwargs = PyDict::new(py);
    kwargs.set_item("default", default)?;
    kwargs.set_item("ensure_ascii", false)?;
    match dumps.call((record,), Some(&kwargs)) {
        Ok(s) => s.extract(),
        Err(e) => {
            let id = record
                .get_item("id")
                .ok()
                .and_then(|v| v.extract::<String>().ok());
            // The field at fault: the first whose value cannot be written.
            let field = record.cast::<PyDict>().ok().and_then(|d| {
                d.iter().find_map(|(k, v)| {
                    dumps
                        .call((v,), Some(&kwargs))
                        .is_err()
                        .then(|| k.str().map(|k| k.to_string()).ok())
                        .flatten()
                })
            });
            let loc = gainsay::Location {
                line,
                id: id.clone(),
                field: field.clone(),
            };
            Err(py_error(
                py,
                format!("{loc}: {}", e.value(py)),
                line,
                id,
                field,
            ))
        }
    }
}

/// The records of a Python iterable as JSON Lines.
fn records_jsonl(py: Python<'_>, records: &Bound<'_, PyAny>) -> PyResult<String> {
    if records.is_instance_of::<PyString>() || records.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(
            "records must be a list (or iterable) of dicts, not a single str or dict",
        ));
    }
    let dumps = py.import("json")?.getattr("dumps")?;
    let default = wrap_pyfunction!(_json_default, py)?;
    let mut out = String::new();
    for (i, record) in records.try_iter()?.enumerate() {
        let line = record_line(py, &dumps, default.as_any(), &record?, Some(i + 1))?;
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}

/// Bytes of JSON as Python objects.
fn loads<'py>(py: Python<'py>, json: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

/// Serializes a value for Python through `json.loads`.
fn to_python<'py, T: serde::Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_vec(value).map_err(|e| Error::new_err(e.to_string()))?;
    loads(py, &json)
}

/// Builder options, as the keyword arguments of `Detector`, `LiveIndex` and
/// `detect` take them.
#[allow(clippy::too_many_arguments)]
fn build_detector(
    py: Python<'_>,
    min_score: Option<f64>,
    max_postings: Option<usize>,
    candidate_budget: Option<usize>,
    max_partners: Option<usize>,
    exhaustive: bool,
    lexicon: Option<&Bound<'_, PyDict>>,
    gazetteer: Option<&Bound<'_, PyAny>>,
) -> PyResult<gainsay::Detector> {
    let mut b = gainsay::Detector::builder();
    if let Some(x) = min_score {
        b.min_score(x);
    }
    if let Some(n) = max_postings {
        b.max_postings(n);
    }
    if let Some(n) = candidate_budget {
        b.candidate_budget(n);
    }
    if let Some(n) = max_partners {
        b.max_partners(n);
    }
    b.exhaustive(exhaustive);
    if let Some(lexicon) = lexicon {
        for (kind, entries) in lexicon.iter() {
            let name: String = kind.extract()?;
            let kind: gainsay::LexiconKind =
                serde_json::from_value(name.clone().into()).map_err(|_| {
                    py_error(
                        py,
                        format!("lexicon: unknown word list {name:?}"),
                        None,
                        None,
                        Some("lexicon".into()),
                    )
                })?;
            let text = match entries.extract::<String>() {
                Ok(s) => s,
                Err(_) => entries.extract::<Vec<String>>()?.join("\n"),
            };
            b.lexicon(kind, &text);
        }
    }
    if let Some(g) = gazetteer {
        let json = if g.is_instance_of::<PyList>() {
            py.import("json")?
                .call_method1("dumps", (g,))?
                .extract::<String>()?
        } else {
            let path: PathBuf = g.extract()?;
            std::fs::read_to_string(&path).map_err(|e| {
                py_error(
                    py,
                    format!("gazetteer: {}: {e}", path.display()),
                    None,
                    None,
                    Some("gazetteer".into()),
                )
            })?
        };
        let gz = gainsay::Gazetteer::from_json(&json).map_err(|e| to_py(py, e, false))?;
        b.gazetteer(gz);
    }
    b.build().map_err(|e| to_py(py, e, false))
}

/// Runs `detector` over Python records and returns the report as a dict.
fn run_detect<'py>(
    py: Python<'py>,
    detector: &gainsay::Detector,
    records: &Bound<'py, PyAny>,
    errors: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let strict = match errors {
        "raise" => true,
        "report" => false,
        other => {
            return Err(py_error(
                py,
                format!("errors: expected \"raise\" or \"report\", found {other:?}"),
                None,
                None,
                Some("errors".into()),
            ))
        }
    };
    let input = records_jsonl(py, records)?;
    let out: Result<Vec<u8>, gainsay::Error> = py.detach(|| {
        let read: Vec<Result<gainsay::Statement, gainsay::Error>> =
            gainsay::StatementReader::new(input.as_bytes()).collect();
        if strict {
            if let Some(pos) = read.iter().position(Result::is_err) {
                let mut read = read;
                return Err(read.swap_remove(pos).unwrap_err());
            }
        }
        let run = detector.detect_records(read)?;
        let mut json = Vec::new();
        run.write_json(&mut json)?;
        Ok(json)
    });
    let json = out.map_err(|e| to_py(py, e, true))?;
    let report = loads(py, &json)?;
    // Keys always present, as empty lists when empty.
    if let Ok(d) = report.cast::<PyDict>() {
        for key in ["statements", "contradictions", "problems", "bounds"] {
            d.set_default(key, PyList::empty(py))?;
        }
    }
    Ok(report)
}

/// A configured detector: build once, run on many record lists.
#[pyclass(frozen, module = "gainsay")]
struct Detector {
    inner: gainsay::Detector,
}

#[pymethods]
impl Detector {
    #[new]
    #[pyo3(signature = (*, min_score=None, max_postings=None, candidate_budget=None, max_partners=None, exhaustive=false, lexicon=None, gazetteer=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        min_score: Option<f64>,
        max_postings: Option<usize>,
        candidate_budget: Option<usize>,
        max_partners: Option<usize>,
        exhaustive: bool,
        lexicon: Option<&Bound<'_, PyDict>>,
        gazetteer: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Detector> {
        let inner = build_detector(
            py,
            min_score,
            max_postings,
            candidate_budget,
            max_partners,
            exhaustive,
            lexicon,
            gazetteer,
        )?;
        Ok(Detector { inner })
    }

    /// The report (a dict) for a list of records.
    #[pyo3(signature = (records, *, errors="raise"))]
    fn detect<'py>(
        &self,
        py: Python<'py>,
        records: &Bound<'py, PyAny>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        run_detect(py, &self.inner, records, errors)
    }

    /// An empty live index with this detector's options.
    fn live(&self) -> LiveIndex {
        LiveIndex {
            inner: self.inner.live(),
        }
    }

    fn __repr__(&self) -> String {
        "gainsay.Detector()".to_owned()
    }
}

/// Statements added one at a time; each insert returns the contradictions
/// the new statement forms with those before it.
#[pyclass(module = "gainsay")]
struct LiveIndex {
    inner: gainsay::LiveIndex,
}

#[pymethods]
impl LiveIndex {
    #[new]
    #[pyo3(signature = (*, min_score=None, max_postings=None, candidate_budget=None, max_partners=None, exhaustive=false, lexicon=None, gazetteer=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        min_score: Option<f64>,
        max_postings: Option<usize>,
        candidate_budget: Option<usize>,
        max_partners: Option<usize>,
        exhaustive: bool,
        lexicon: Option<&Bound<'_, PyDict>>,
        gazetteer: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<LiveIndex> {
        let d = build_detector(
            py,
            min_score,
            max_postings,
            candidate_budget,
            max_partners,
            exhaustive,
            lexicon,
            gazetteer,
        )?;
        Ok(LiveIndex { inner: d.live() })
    }

    /// Adds one record; returns the contradictions it forms, best first.
    fn insert<'py>(
        &mut self,
        py: Python<'py>,
        record: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let dumps = py.import("json")?.getattr("dumps")?;
        let default = wrap_pyfunction!(_json_default, py)?;
        let line = record_line(py, &dumps, default.as_any(), record, None)?;
        let inner = &mut self.inner;
        let found = py.detach(|| {
            let s = gainsay::StatementReader::new(line.as_bytes())
                .next()
                .unwrap_or_else(|| {
                    Err(gainsay::Error::Record {
                        location: gainsay::Location::default(),
                        message: "empty record".into(),
                    })
                })?;
            inner.insert(&s)
        });
        let found = found.map_err(|e| to_py(py, e, false))?;
        to_python(py, &found)
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!("gainsay.LiveIndex(<{} statements>)", self.inner.len())
    }
}

/// Finds the contradictions in a list of records; returns the report.
#[pyfunction]
#[pyo3(signature = (records, *, errors="raise", min_score=None, max_postings=None, candidate_budget=None, max_partners=None, exhaustive=false, lexicon=None, gazetteer=None))]
#[allow(clippy::too_many_arguments)]
fn detect<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    errors: &str,
    min_score: Option<f64>,
    max_postings: Option<usize>,
    candidate_budget: Option<usize>,
    max_partners: Option<usize>,
    exhaustive: bool,
    lexicon: Option<&Bound<'py, PyDict>>,
    gazetteer: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let d = build_detector(
        py,
        min_score,
        max_postings,
        candidate_budget,
        max_partners,
        exhaustive,
        lexicon,
        gazetteer,
    )?;
    run_detect(py, &d, records, errors)
}

/// The statement records of one article.
#[pyfunction]
#[pyo3(signature = (text, source=""))]
fn extract<'py>(py: Python<'py>, text: &str, source: &str) -> PyResult<Bound<'py, PyAny>> {
    let found = py.detach(|| gainsay::extract(text, source));
    to_python(py, &found)
}

/// gainsay: who contradicts whom in news statements.
#[pymodule]
#[pyo3(name = "gainsay")]
fn gainsay_py(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("Error", m.py().get_type::<Error>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Detector>()?;
    m.add_class::<LiveIndex>()?;
    m.add_function(wrap_pyfunction!(detect, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    Ok(())
}
