//! The report: normalized statements and contradiction pairs, plain data
//! that serializes to the JSON contract of `detect --json`.

use crate::bound::Bound;
use std::fmt;
use std::io::{self, Write};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::actor::ActorKind;
use crate::analysis::Corpus;
use crate::corpus::ClaimRef;
use crate::error::{Error, Location};
use crate::explain::{explain, rounded, Contradiction};
use crate::judge::Verdict;
use crate::record::{Date, Field, Statement};
use crate::stance::{Modality, Polarity};

/// A claim as the report shows it.
///
/// # Examples
/// ```
/// use gainsay::{Detector, Polarity, Statement};
/// let s = Statement::new("a", None, "We might build the new dam.");
/// let c = &Detector::new().claims(&s)[0];
/// assert!(c.proposition.iter().any(|k| k == "dam"));
/// assert_eq!(c.polarity, Polarity::Asserts);
/// assert!(!c.hedges.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClaimSummary {
    /// Proposition terms (concepts).
    pub proposition: Vec<String>,
    /// Stance on it.
    pub polarity: Polarity,
    /// How firmly.
    pub modality: Modality,
    /// Hedge words.
    pub hedges: Vec<String>,
}

/// A statement after normalization.
///
/// # Examples
/// ```
/// use gainsay::{ActorKind, Detector, Statement};
/// let report = Detector::new().detect(&[Statement::new("a", Some("Mayor Ann Lee"), "The dam will open.")]).unwrap();
/// let s = &report.statements[0];
/// assert_eq!((s.actor.as_str(), s.actor_name.as_str(), s.actor_kind), ("ann lee", "Ann Lee", ActorKind::Person));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NormalizedStatement {
    /// The record's id.
    pub id: String,
    /// The normalized actor id.
    pub actor: String,
    /// The actor's display name.
    pub actor_name: String,
    /// The actor's kind.
    pub actor_kind: ActorKind,
    /// What was said, as in the record, so the report stands alone.
    pub text: String,
    /// The sentence around it (`null` when the record has none).
    pub context: Option<String>,
    /// When it was said (`null` when unknown).
    pub date: Option<Date>,
    /// Where it was published (`null` when unknown).
    pub source: Option<String>,
    /// The claims found.
    pub claims: Vec<ClaimSummary>,
}

/// A record that was left out, and why.
///
/// # Examples
/// ```
/// use gainsay::{Detector, Statement};
/// let report = Detector::new().detect(&[Statement::new("a", None, "")]).unwrap();
/// assert_eq!(report.problems[0].location.field.as_deref(), Some("text"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Problem {
    /// Where.
    pub location: Location,
    /// What is wrong.
    pub message: String,
}

/// What a run found.
///
/// # Examples
/// ```
/// use gainsay::{Detector, Statement};
/// let st = [
///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
/// ];
/// let report = Detector::new().detect(&st).unwrap();
/// assert_eq!((report.statements.len(), report.contradictions.len()), (2, 1));
/// let json = serde_json::to_string(&report).unwrap();
/// assert_eq!(serde_json::from_str::<gainsay::Report>(&json).unwrap(), report);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// Every statement processed, in input order.
    pub statements: Vec<NormalizedStatement>,
    /// Contradiction pairs, best first, then by ids.
    pub contradictions: Vec<Contradiction>,
    /// Records left out (invalid or duplicate), with the reason; always
    /// written, `[]` when none.
    #[serde(default)]
    pub problems: Vec<Problem>,
    /// Bounds that were reached (e.g. a concept held by too many claims to
    /// pair them all), so a reader knows the result may be incomplete;
    /// always written, `[]` when none.
    #[serde(default)]
    pub bounds: Vec<Bound>,
}

impl NormalizedStatement {
    /// The value of `field`, if the statement has it (what its evidence
    /// spans index), as [`Statement::field`].
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Field, Statement};
    /// let report = Detector::new().detect(&[Statement::new("a", None, "No.")]).unwrap();
    /// assert_eq!(report.statements[0].field(Field::Text), Some("No."));
    /// assert_eq!(report.statements[0].field(Field::Context), None);
    /// ```
    pub fn field(&self, field: Field) -> Option<&str> {
        match field {
            Field::Text => Some(&self.text),
            Field::Context => self.context.as_deref(),
        }
    }
}

impl Report {
    /// Checks every contradiction against the records it cites: each has
    /// evidence on both sides (`a` and `b`), and every span passes
    /// [`Evidence::check`](crate::Evidence::check) against its statement in `statements`.
    ///
    /// # Errors
    /// The first fault found, as [`Error::Record`] naming the statement and
    /// the field.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Statement};
    /// let st = [
    ///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
    ///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
    /// ];
    /// let report = Detector::new().detect(&st).unwrap();
    /// assert!(report.check_evidence(&st).is_ok());
    /// assert!(report.check_evidence(&st[..1]).is_err());
    /// ```
    pub fn check_evidence(&self, statements: &[Statement]) -> Result<(), Error> {
        let by_id: std::collections::HashMap<&str, &Statement> =
            statements.iter().map(|s| (s.id.as_str(), s)).collect();
        for c in &self.contradictions {
            for side in [&c.a, &c.b] {
                if !c.evidence.iter().any(|e| &e.statement == side) {
                    return Err(Error::record(
                        None,
                        Some(side),
                        None,
                        format!(
                            "the pair {:?}/{:?} has no evidence in this statement",
                            c.a, c.b
                        ),
                    ));
                }
            }
            for e in &c.evidence {
                let Some(s) = by_id.get(e.statement.as_str()) else {
                    return Err(Error::record(
                        None,
                        Some(&e.statement),
                        None,
                        "evidence cites a statement that is not in the input",
                    ));
                };
                e.check(s)?;
            }
        }
        Ok(())
    }
}

/// Statement `i` serialized as its [`NormalizedStatement`] would be,
/// borrowing its strings instead of copying them.
struct StatementOut<'a> {
    run: &'a Detection,
    i: usize,
}

impl Serialize for StatementOut<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let c = &self.run.corpus;
        let actor = &c.actors[self.i];
        let doc = c.store.doc(self.i);
        let mut st = ser.serialize_struct("NormalizedStatement", 9)?;
        st.serialize_field("id", doc.id)?;
        st.serialize_field("actor", &actor.id)?;
        st.serialize_field("actor_name", &actor.name)?;
        st.serialize_field("actor_kind", &actor.kind)?;
        st.serialize_field("text", doc.text)?;
        st.serialize_field("context", &doc.context)?;
        st.serialize_field("date", &doc.date)?;
        st.serialize_field("source", &doc.source)?;
        st.serialize_field("claims", &ClaimsOut(self))?;
        st.end()
    }
}

struct ClaimsOut<'a, 'b>(&'b StatementOut<'a>);

impl Serialize for ClaimsOut<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let c = &self.0.run.corpus;
        ser.collect_seq(c.claims.of(self.0.i).map(|p| ClaimOut(c, p)))
    }
}

struct ClaimOut<'a>(&'a Corpus, crate::corpus::Packed<'a>);

impl Serialize for ClaimOut<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (c, p) = (self.0, &self.1);
        let mut st = ser.serialize_struct("ClaimSummary", 4)?;
        st.serialize_field("proposition", &Names(c, p.terms))?;
        st.serialize_field("polarity", &p.polarity)?;
        st.serialize_field("modality", &p.modality)?;
        st.serialize_field("hedges", p.hedges)?;
        st.end()
    }
}

struct Names<'a>(&'a Corpus, &'a [crate::corpus::PTerm]);

impl Serialize for Names<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.1.iter().map(|t| self.0.index.name(t.key)))
    }
}

/// A verdict on a pair of claims, before it is explained.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub verdict: Verdict,
    pub a: ClaimRef,
    pub b: ClaimRef,
}

/// Puts verdicts in report order: best score first (as reported, to three
/// decimals), then by the two ids.
pub(crate) fn order(corpus: &Corpus, found: &mut Vec<Found>) {
    // Keys computed once per verdict, not in every comparison.
    let mut keyed: Vec<((f64, &str, &str), Found)> = std::mem::take(found)
        .into_iter()
        .map(|f| {
            let (x, y) = (
                corpus.store.id(f.a.stmt as usize),
                corpus.store.id(f.b.stmt as usize),
            );
            let (a, b) = if x <= y { (x, y) } else { (y, x) };
            ((rounded(f.verdict.score), a, b), f)
        })
        .collect();
    keyed.par_sort_unstable_by(|(f, _), (g, _)| {
        g.0.total_cmp(&f.0)
            .then_with(|| f.1.cmp(g.1))
            .then_with(|| f.2.cmp(g.2))
    });
    *found = keyed.into_iter().map(|(_, f)| f).collect();
}

/// What a run found, held compactly: the records, their claims and the
/// verdicts, explained only when they are read. [`Detection::report`]
/// builds the whole [`Report`]; [`Detection::write_json`] writes the same
/// JSON without ever holding it, for corpora of millions of statements.
///
/// # Examples
/// ```
/// use gainsay::{Detector, Statement};
/// let st = [
///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
/// ];
/// let run = Detector::new().detect_records(st.iter().cloned().map(Ok)).unwrap();
/// assert_eq!(run.statement_count(), 2);
/// assert_eq!(run.contradictions().count(), 1);
/// ```
pub struct Detection {
    pub(crate) corpus: Corpus,
    pub(crate) found: Vec<Found>,
    pub(crate) problems: Vec<Problem>,
    pub(crate) bounds: Vec<Bound>,
}

impl fmt::Debug for Detection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Detection")
            .field("statements", &self.corpus.store.len())
            .field("verdicts", &self.found.len())
            .field("problems", &self.problems.len())
            .field("bounds", &self.bounds)
            .finish()
    }
}

/// Verdicts explained together when writing: enough to keep the cores busy,
/// few enough to hold.
const WRITE_CHUNK: usize = 4096;

/// Items serialized together by one thread while writing.
const PIECE: usize = 256;

/// Writes serialized pieces in order. Each item in a piece comes with a
/// leading comma; the first item of the array goes without.
fn write_pieces(
    w: &mut impl Write,
    pieces: Vec<io::Result<Vec<u8>>>,
    first: &mut bool,
) -> io::Result<()> {
    for piece in pieces {
        let piece = piece?;
        if piece.is_empty() {
            continue;
        }
        if *first {
            w.write_all(&piece[1..])?;
            *first = false;
        } else {
            w.write_all(&piece)?;
        }
    }
    Ok(())
}

impl Detection {
    /// Records left out (invalid or duplicate), with the reason.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Statement};
    /// let records = vec![Ok(Statement::new("a", None, "One.")), Ok(Statement::new("a", None, "Two."))];
    /// let run = Detector::new().detect_records(records).unwrap();
    /// assert!(run.problems()[0].message.contains("duplicate"));
    /// ```
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Bounds that were reached (see [`Report::bounds`]).
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Statement};
    /// let st = [
    ///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
    ///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
    /// ];
    /// let run = Detector::new().detect_records(st.iter().cloned().map(Ok)).unwrap();
    /// assert!(run.bounds().is_empty());
    /// ```
    pub fn bounds(&self) -> &[Bound] {
        &self.bounds
    }

    /// Number of statements processed.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Statement};
    /// let st = [
    ///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
    ///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
    /// ];
    /// let run = Detector::new().detect_records(st.iter().cloned().map(Ok)).unwrap();
    /// assert_eq!(run.statement_count(), 2);
    /// ```
    pub fn statement_count(&self) -> usize {
        self.corpus.store.len()
    }

    /// Statement `i` (input order) as the report shows it.
    fn statement(&self, i: usize) -> NormalizedStatement {
        let c = &self.corpus;
        let actor = &c.actors[i];
        let doc = c.store.doc(i);
        NormalizedStatement {
            id: doc.id.to_owned(),
            actor: actor.id.to_string(),
            actor_name: actor.name.to_string(),
            actor_kind: actor.kind,
            text: doc.text.to_owned(),
            context: doc.context.map(str::to_owned),
            date: doc.date,
            source: doc.source.map(str::to_owned),
            claims: c
                .claims
                .of(i)
                .map(|p| ClaimSummary {
                    proposition: p
                        .terms
                        .iter()
                        .map(|t| c.index.name(t.key).to_owned())
                        .collect(),
                    polarity: p.polarity,
                    modality: p.modality,
                    hedges: p.hedges.iter().map(|h| h.to_string()).collect(),
                })
                .collect(),
        }
    }

    /// Every statement processed, in input order, as the report shows it.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Statement};
    /// let st = [
    ///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
    ///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
    /// ];
    /// let run = Detector::new().detect_records(st.iter().cloned().map(Ok)).unwrap();
    /// let ids: Vec<String> = run.statements().map(|s| s.id).collect();
    /// assert_eq!(ids, ["a", "b"]);
    /// ```
    pub fn statements(&self) -> impl ExactSizeIterator<Item = NormalizedStatement> + '_ {
        (0..self.corpus.store.len()).map(|i| self.statement(i))
    }

    /// The verdict `f` explained, or `None` when a side has no valid span.
    fn explain(&self, f: &Found) -> Option<Contradiction> {
        let c = &self.corpus;
        explain(&c.index, &f.verdict, c.party(f.a), c.party(f.b))
    }

    /// The contradiction pairs, best first, then by ids, explained one at a
    /// time.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Statement};
    /// let st = [
    ///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
    ///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
    /// ];
    /// let run = Detector::new().detect_records(st.iter().cloned().map(Ok)).unwrap();
    /// assert_eq!(run.contradictions().next().unwrap().b, "b");
    /// ```
    pub fn contradictions(&self) -> impl Iterator<Item = Contradiction> + '_ {
        self.found.iter().filter_map(|f| self.explain(f))
    }

    /// The whole report.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Statement};
    /// let st = [
    ///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
    ///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
    /// ];
    /// let run = Detector::new().detect_records(st.iter().cloned().map(Ok)).unwrap();
    /// assert_eq!(run.report(), Detector::new().detect(&st).unwrap());
    /// ```
    pub fn report(&self) -> Report {
        Report {
            statements: (0..self.corpus.store.len())
                .into_par_iter()
                .map(|i| self.statement(i))
                .collect(),
            contradictions: self
                .found
                .par_iter()
                .filter_map(|f| self.explain(f))
                .collect(),
            problems: self.problems.clone(),
            bounds: self.bounds.clone(),
        }
    }

    /// Writes the report as JSON, byte for byte what `serde_json` writes for
    /// [`Detection::report`], a statement and a pair at a time.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Statement};
    /// let st = [
    ///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
    ///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
    /// ];
    /// let run = Detector::new().detect_records(st.iter().cloned().map(Ok)).unwrap();
    /// let mut out = Vec::new();
    /// run.write_json(&mut out).unwrap();
    /// assert_eq!(out, serde_json::to_vec(&run.report()).unwrap());
    /// ```
    pub fn write_json<W: Write>(&self, w: W) -> io::Result<()> {
        let mut w = io::BufWriter::with_capacity(1 << 16, w);
        w.write_all(b"{\"statements\":[")?;
        let n = self.corpus.store.len();
        let mut first = true;
        for from in (0..n).step_by(WRITE_CHUNK) {
            let pieces: Vec<io::Result<Vec<u8>>> = (from..n.min(from + WRITE_CHUNK))
                .step_by(PIECE)
                .collect::<Vec<_>>()
                .into_par_iter()
                .map(|at| {
                    let mut buf = Vec::new();
                    for i in at..n.min(at + PIECE).min(from + WRITE_CHUNK) {
                        buf.push(b',');
                        serde_json::to_writer(&mut buf, &StatementOut { run: self, i })?;
                    }
                    Ok(buf)
                })
                .collect();
            write_pieces(&mut w, pieces, &mut first)?;
        }
        w.write_all(b"],\"contradictions\":[")?;
        let mut first = true;
        for chunk in self.found.chunks(WRITE_CHUNK) {
            let pieces: Vec<io::Result<Vec<u8>>> = chunk
                .par_chunks(PIECE)
                .map(|piece| {
                    let mut buf = Vec::new();
                    for c in piece.iter().filter_map(|f| self.explain(f)) {
                        buf.push(b',');
                        serde_json::to_writer(&mut buf, &c)?;
                    }
                    Ok(buf)
                })
                .collect();
            write_pieces(&mut w, pieces, &mut first)?;
        }
        // Both keys always, `[]` when empty: a reader need not test for them.
        w.write_all(b"],\"problems\":")?;
        serde_json::to_writer(&mut w, &self.problems)?;
        w.write_all(b",\"bounds\":")?;
        serde_json::to_writer(&mut w, &self.bounds)?;
        w.write_all(b"}")?;
        w.flush()
    }
}
