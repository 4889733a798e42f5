//! The detector: runs the pipeline records → actors → claims → index →
//! judgement → evidence → report, with its configuration.

use crate::bound::{Bound, BoundKind};
use std::borrow::Borrow;
use std::sync::Arc;

use rayon::prelude::*;

use crate::actor::{self, Actor, ActorInput, Clues, ContextClue, Gazetteer};
use crate::analysis::Corpus;
use crate::corpus::{ClaimRef, Claims, Concepts, Doc, Flags, NameLinks, Store};
use crate::error::Error;
use crate::ids::{id_hash, Ids};
use crate::index::{Bounds, Candidates, Index};
use crate::judge::JudgeConfig;
use crate::lexicon::{Lexicon, LexiconKind};
use crate::measure::Measure;
use crate::pairing::{better, judge_pair};
use crate::reading::{normalize, Normalized};
use crate::record::Statement;
use crate::report::{ClaimSummary, Detection, Found, Problem, Report};
use crate::stance::{self, Claim, StanceContext};
use crate::text::{FxHashMap, FxHashSet};

/// Finds contradictions in a set of statements.
///
/// # Examples
/// ```
/// use gainsay::{Detector, Statement};
/// let statements = vec![
///     Statement::new("s1", Some("Governor Ana Ruiz"), "that's fine with me.")
///         .with_context("Asked about building a new dam on the river, Governor Ana Ruiz replied: \"that's fine with me.\""),
///     Statement::new("s2", Some("Mayor Tom Bell"), "We will never allow a new dam on the river."),
/// ];
/// let report = Detector::new().detect(&statements).unwrap();
/// let pair = &report.contradictions[0];
/// assert_eq!((pair.a.as_str(), pair.b.as_str()), ("s1", "s2"));
/// assert!(pair.evidence.iter().any(|e| e.statement == "s1" && e.text == "fine with"));
/// ```
#[derive(Debug, Clone)]
pub struct Detector {
    pub(crate) lexicon: Arc<Lexicon>,
    pub(crate) gazetteer: Option<Arc<Gazetteer>>,
    pub(crate) judge: JudgeConfig,
    max_postings: usize,
    budget: usize,
    max_partners: usize,
    exhaustive: bool,
}

impl Default for Detector {
    fn default() -> Detector {
        Detector::new()
    }
}

/// Builds a [`Detector`] with non-default options.
///
/// # Examples
/// ```
/// let detector = gainsay::Detector::builder()
///     .min_score(0.5)
///     .max_postings(1_000)
///     .build()
///     .unwrap();
/// # let _ = detector;
/// ```
#[derive(Debug, Clone)]
pub struct DetectorBuilder {
    extra: Vec<(LexiconKind, String)>,
    gazetteer: Option<Arc<Gazetteer>>,
    judge: JudgeConfig,
    max_postings: usize,
    budget: usize,
    max_partners: usize,
    exhaustive: bool,
}

impl DetectorBuilder {
    /// Pairs scoring below `score` (0..1) are not reported. Default 0.30.
    ///
    /// # Examples
    /// ```
    /// let strict = gainsay::Detector::builder().min_score(0.9).build().unwrap();
    /// let st = [
    ///     gainsay::Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
    ///     gainsay::Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
    /// ];
    /// assert!(strict.detect(&st).unwrap().contradictions.iter().all(|c| c.score >= 0.9));
    /// assert!(gainsay::Detector::builder().min_score(1.5).build().is_err());
    /// ```
    pub fn min_score(&mut self, score: f64) -> &mut DetectorBuilder {
        self.judge.min_score = score;
        self
    }

    /// The most claims one concept may pair on its own: past it, the concept
    /// is common, and it pairs only claims whose every concept is common,
    /// through the two rarest (the report lists such concepts). Default 1,000.
    ///
    /// # Examples
    /// ```
    /// let d = gainsay::Detector::builder().max_postings(50).build().unwrap();
    /// # let _ = d;
    /// ```
    pub fn max_postings(&mut self, n: usize) -> &mut DetectorBuilder {
        self.max_postings = n;
        self
    }

    /// The most postings one claim visits when looking for partners, rarest
    /// concepts first. Default 4,000.
    ///
    /// # Examples
    /// ```
    /// let d = gainsay::Detector::builder().candidate_budget(500).build().unwrap();
    /// # let _ = d;
    /// ```
    pub fn candidate_budget(&mut self, n: usize) -> &mut DetectorBuilder {
        self.budget = n;
        self
    }

    /// The most candidate partners one claim keeps, those sharing the rarest
    /// concepts first. Default 200.
    ///
    /// # Examples
    /// ```
    /// let d = gainsay::Detector::builder().max_partners(20).build().unwrap();
    /// # let _ = d;
    /// ```
    pub fn max_partners(&mut self, n: usize) -> &mut DetectorBuilder {
        self.max_partners = n;
        self
    }

    /// Judges every pair of claims instead of the indexed candidates: the
    /// quadratic baseline, for tests and benchmarks on small corpora.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Statement};
    /// let st = [
    ///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
    ///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
    /// ];
    /// let all_pairs = Detector::builder().exhaustive(true).build().unwrap();
    /// assert_eq!(all_pairs.detect(&st).unwrap(), Detector::new().detect(&st).unwrap());
    /// ```
    pub fn exhaustive(&mut self, yes: bool) -> &mut DetectorBuilder {
        self.exhaustive = yes;
        self
    }

    /// Adds entries (lexicon file syntax: one a line, `#` comments) to one of
    /// the built-in word lists.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, LexiconKind, Polarity, Statement};
    /// let s = Statement::new("a", Some("Mayor Ann Lee"), "The council waved off the new dam.");
    /// let d = Detector::builder().lexicon(LexiconKind::Reject, "waved off").build().unwrap();
    /// assert_eq!(d.claims(&s)[0].polarity, Polarity::Rejects);
    /// ```
    pub fn lexicon(&mut self, kind: LexiconKind, entries: &str) -> &mut DetectorBuilder {
        self.extra.push((kind, entries.to_owned()));
        self
    }

    /// Adds a gazetteer: canonical names with aliases for what the rules
    /// cannot know ("the Bureau" is the National Statistics Bureau).
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Gazetteer, Statement};
    /// let g = Gazetteer::from_json(r#"[{"name": "National Statistics Bureau", "aliases": ["the Bureau"]}]"#).unwrap();
    /// let d = Detector::builder().gazetteer(g).build().unwrap();
    /// let r = d.detect(&[Statement::new("a", Some("the Bureau"), "Unemployment rose.")]).unwrap();
    /// assert_eq!(r.statements[0].actor_name, "National Statistics Bureau");
    /// ```
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut DetectorBuilder {
        self.gazetteer = Some(Arc::new(gazetteer));
        self
    }

    /// Builds the detector.
    ///
    /// # Examples
    /// ```
    /// let d = gainsay::Detector::builder().max_partners(50).build();
    /// assert!(d.is_ok());
    /// let bad = gainsay::Detector::builder().min_score(-1.0).build();
    /// assert!(bad.unwrap_err().to_string().contains("min_score"));
    /// ```
    pub fn build(&self) -> Result<Detector, Error> {
        if !(0.0..=1.0).contains(&self.judge.min_score) {
            return Err(Error::Config {
                what: "min_score".into(),
                message: format!("{} is not in 0..=1", self.judge.min_score),
            });
        }
        let lexicon = if self.extra.is_empty() {
            Lexicon::builtin()?
        } else {
            let mut lx = (*Lexicon::builtin()?).clone();
            for (kind, text) in &self.extra {
                lx.extend(*kind, text)?;
            }
            Arc::new(lx)
        };
        Ok(Detector {
            lexicon,
            gazetteer: self.gazetteer.clone(),
            judge: self.judge,
            max_postings: self.max_postings.max(2),
            budget: self.budget.max(1),
            max_partners: self.max_partners.max(1),
            exhaustive: self.exhaustive,
        })
    }
}

impl Detector {
    /// A detector with the default lexicons and thresholds.
    ///
    /// # Examples
    /// ```
    /// let report = gainsay::Detector::new().detect(&[]).unwrap();
    /// assert!(report.contradictions.is_empty());
    /// ```
    pub fn new() -> Detector {
        Detector::builder()
            .build()
            .expect("default configuration is valid")
    }

    /// A builder for options.
    ///
    /// # Examples
    /// ```
    /// let d = gainsay::Detector::builder().min_score(0.4).build().unwrap();
    /// # let _ = d;
    /// ```
    pub fn builder() -> DetectorBuilder {
        DetectorBuilder {
            extra: Vec::new(),
            gazetteer: None,
            judge: JudgeConfig::default(),
            max_postings: 1000,
            budget: 4000,
            max_partners: 200,
            exhaustive: false,
        }
    }

    /// The claims of one statement, as the stance stage reads them (without
    /// corpus context: person names are not known, so they may count as
    /// proposition words).
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Polarity, Statement};
    /// let s = Statement::new("a", Some("Mayor Ann Lee"), "The new dam is ruled out.");
    /// let claims = Detector::new().claims(&s);
    /// assert_eq!(claims[0].polarity, Polarity::Rejects);
    /// ```
    pub fn claims(&self, statement: &Statement) -> Vec<ClaimSummary> {
        let none = FxHashSet::default();
        let cx = StanceContext {
            lexicon: &self.lexicon,
            name_tokens: &none,
        };
        stance::claims(&cx, &statement.text, statement.context.as_deref())
            .into_iter()
            .map(|c| ClaimSummary {
                proposition: c.terms.into_iter().map(|t| t.key.into_string()).collect(),
                polarity: c.polarity,
                modality: c.modality,
                hedges: c.hedges,
            })
            .collect()
    }

    /// The actors of a corpus of statements, one per statement, in order,
    /// resolved with this detector's word lists (the builder's extra
    /// titles, nicknames and organization words) and its gazetteer: the
    /// actors [`Detector::detect`] reports. (The shorthand
    /// [`normalize_actors`](crate::normalize_actors) reads the built-in
    /// lists.) Records of one source are read in order; the order of
    /// sources does not matter.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{normalize_actors, ActorKind, Detector, LexiconKind, Statement};
    /// let s = [
    ///     Statement::new("a", Some("Quellmaster Ivo Brandt"), "The locks stay shut."),
    ///     Statement::new("b", Some("the quellmaster"), "The locks open today."),
    /// ];
    /// let d = Detector::builder()
    ///     .lexicon(LexiconKind::Title, "quellmaster")
    ///     .build()
    ///     .unwrap();
    /// let actors = d.actors(&s);
    /// // A title the builder added leaves the name, and the role finds it.
    /// assert_eq!(&*actors[0].id, "ivo brandt");
    /// assert_eq!(actors[0].kind, ActorKind::Person);
    /// assert_eq!(actors[1].id, actors[0].id);
    /// // The built-in lists do not know the title: it stays in the name.
    /// assert_eq!(&*normalize_actors(&s, None)[0].id, "quellmaster ivo brandt");
    /// ```
    pub fn actors(&self, statements: &[Statement]) -> Vec<Actor> {
        let inputs: Vec<ActorInput<'_>> = statements.iter().map(ActorInput::from).collect();
        let lx = &self.lexicon.actor;
        actor::resolve(lx, &inputs, self.gazetteer.as_deref(), Clues::Cut).0
    }

    /// What the normalization benchmark measures: the per-statement work of
    /// [`Detector::detect`] before candidate search (claims, and what each
    /// figure measures), without corpus context as in [`Detector::claims`].
    /// Returns the number of claims plus the number of figure measures.
    #[cfg(feature = "testkit")]
    #[doc(hidden)]
    pub fn bench_normalize(&self, statement: &Statement) -> usize {
        let none = FxHashSet::default();
        let cx = self.stance_context(&none);
        let read = normalize(&cx, &statement.text, statement.context.as_deref());
        read.claims.len() + read.measures.iter().map(Vec::len).sum::<usize>()
    }

    /// Runs the whole pipeline over `statements`. Invalid records (empty id
    /// or text, span out of order, duplicate id) are left out and listed in
    /// [`Report::problems`]; the others are processed.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, Statement};
    /// let st = [
    ///     Statement::new("a", Some("Mayor Ann Lee"), "We will build the new dam on the river."),
    ///     Statement::new("a", Some("Mayor Ann Lee"), "A second record with the same id."),
    ///     Statement::new("b", Some("Governor Bo Park"), "We will not build the new dam on the river."),
    /// ];
    /// let report = Detector::new().detect(&st).unwrap();
    /// assert_eq!(report.contradictions.len(), 1);
    /// assert_eq!(report.problems.len(), 1); // the duplicate id is listed, not fatal
    /// ```
    pub fn detect(&self, statements: &[Statement]) -> Result<Report, Error> {
        Ok(self.detect_records(statements.iter().map(Ok))?.report())
    }

    /// Runs the whole pipeline over records as they come, e.g. from a
    /// [`StatementReader`](crate::StatementReader): each record is copied
    /// into a compact store as it is read, so the input is never held whole.
    /// A bad record (an `Err` item, or one that fails
    /// [`Statement::validate`], or a duplicate id) becomes a
    /// [`Problem`] of the result and the others go on; only an I/O error
    /// stops the run.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Detector, StatementReader};
    /// let input = concat!(
    ///     r#"{"id": "a", "actor": "Mayor Ann Lee", "text": "We will build the new dam on the river."}"#, "\n",
    ///     "not json\n",
    ///     r#"{"id": "b", "actor": "Governor Bo Park", "text": "We will not build the new dam on the river."}"#, "\n",
    /// );
    /// let run = Detector::new().detect_records(StatementReader::new(input.as_bytes())).unwrap();
    /// assert_eq!(run.problems()[0].location.line, Some(2));
    /// let mut json = Vec::new();
    /// run.write_json(&mut json).unwrap();
    /// let report = run.report();
    /// assert_eq!(report.contradictions.len(), 1);
    /// assert_eq!(json, serde_json::to_vec(&report).unwrap());
    /// ```
    pub fn detect_records<I, S>(&self, records: I) -> Result<Detection, Error>
    where
        I: IntoIterator<Item = Result<S, Error>>,
        S: Borrow<Statement>,
    {
        let (store, problems) = ingest(records)?;
        let (corpus, actor_bounds) = self.analyse(store);
        let cands = self.candidate_verdicts(&corpus);
        let bounds = self.bounds_reached(&corpus, &cands, actor_bounds);
        let mut found = best_per_pair(cands.found);
        crate::report::order(&corpus, &mut found);
        Ok(Detection {
            corpus,
            found,
            problems,
            bounds,
        })
    }

    /// The verdicts of every candidate pair, judged as the search finds
    /// them (the pairs are never all held at once); every pair of claims
    /// when the builder asked for the exhaustive baseline.
    fn candidate_verdicts(&self, corpus: &Corpus) -> Candidates<Found> {
        let judge_pair = |ra: ClaimRef, rb: ClaimRef| judge_pair(corpus, &self.judge, ra, rb);
        let source = |_: ClaimRef, f: Flags| f.source();
        if self.exhaustive {
            let pairs = corpus.index.all_pairs(source, Flags::keep);
            return Candidates {
                found: pairs
                    .par_iter()
                    .flat_map_iter(|&(a, b)| judge_pair(a, b))
                    .collect(),
                budget_reached: 0,
                partners_capped: 0,
            };
        }
        // The partner cap breaks ties by a hash of the statement id: hashed
        // once per statement, not once per partner met.
        let hashes: Vec<u64> = (0..corpus.store.len())
            .into_par_iter()
            .map(|i| id_hash(corpus.store.id(i)))
            .collect();
        corpus.index.candidates(
            self.bounds(),
            source,
            Flags::keep,
            |r| hashes[r.stmt as usize],
            judge_pair,
        )
    }

    /// The bounds a run reached: concepts over `max_postings`, the actor
    /// stage's, and the partner cap and budget when claims reached them.
    fn bounds_reached(
        &self,
        corpus: &Corpus,
        cands: &Candidates<Found>,
        actor_bounds: Vec<Bound>,
    ) -> Vec<Bound> {
        let mut bounds: Vec<Bound> = corpus
            .index
            .capped(self.max_postings)
            .into_iter()
            .map(|(k, n)| Bound::new(BoundKind::MaxPostings, self.max_postings, n, Some(&k)))
            .chain(actor_bounds)
            .collect();
        if cands.partners_capped > 0 {
            bounds.push(Bound::new(
                BoundKind::MaxPartners,
                self.max_partners,
                cands.partners_capped,
                None,
            ));
        }
        if cands.budget_reached > 0 {
            bounds.push(Bound::new(
                BoundKind::CandidateBudget,
                self.budget,
                cands.budget_reached,
                None,
            ));
        }
        bounds
    }

    /// The bounds of candidate generation.
    pub(crate) fn bounds(&self) -> Bounds {
        Bounds {
            max_postings: self.max_postings,
            budget: self.budget,
            max_partners: self.max_partners,
        }
    }

    /// The stance context for a corpus whose person names are `names`.
    pub(crate) fn stance_context<'a>(&'a self, names: &'a FxHashSet<String>) -> StanceContext<'a> {
        StanceContext {
            lexicon: &self.lexicon,
            name_tokens: names,
        }
    }

    /// Actors, claims, index and name links of every stored record, with the
    /// bounds the actor stage reached.
    ///
    /// Claims are read first: a descriptor record's context clue (what
    /// "the mayor" finds in "…, said Mayor Ana Ruiz") is read from the
    /// context's words as the reading cut them, so actors are resolved
    /// after, with those clues.
    fn analyse(&self, store: Store) -> (Corpus, Vec<Bound>) {
        let docs: Vec<_> = (0..store.len()).map(|i| store.doc(i)).collect();
        let lx = &self.lexicon.actor;
        let mentions = actor::Mentions::of(lx, docs.iter().filter_map(|d| d.actor));
        let cx = self.stance_context(&mentions.names);
        let read = read_claims(&cx, &docs, |d, read| {
            let (context, toks) = read.context_words()?;
            mentions.clue(lx, d.actor, context, toks)
        });
        let ReadAll {
            concepts,
            mut claims,
            mut links,
            any_figures,
            clues,
        } = read;
        claims.shrink();
        // Names mentioned together only matter to figures (and with no
        // figure, no measure holds a name's number).
        if !any_figures {
            links = NameLinks::default();
        }
        let inputs: Vec<ActorInput<'_>> = docs
            .iter()
            .map(|d| ActorInput {
                actor: d.actor,
                source: d.source,
                context: d.context,
                text: d.text,
                date: d.date,
            })
            .collect();
        let (resolved, actor_bounds) =
            actor::resolve(lx, &inputs, self.gazetteer.as_deref(), Clues::Given(clues));
        drop(inputs);
        drop(docs);
        let index = Index::build(concepts, &claims);
        let corpus = Corpus {
            store,
            actors: resolved,
            claims,
            index,
            links,
        };
        (corpus, actor_bounds)
    }
}

/// What reading one record gives: its claims, their figure measures, the
/// proper names it mentions and, for a descriptor record, its context clue.
type Read = (
    Vec<Claim>,
    Vec<Vec<Measure>>,
    Vec<String>,
    Option<ContextClue>,
);

/// What reading every record gives: claims packed with their concepts
/// interned, the proper names mentioned together, whether any claim holds
/// a figure, and the descriptor records' context clues (record, clue).
struct ReadAll {
    concepts: Concepts,
    claims: Claims,
    links: NameLinks,
    any_figures: bool,
    clues: Vec<(u32, ContextClue)>,
}

/// Records analysed together: the unpacked claims of one chunk at a time.
const CHUNK: usize = 8192;

/// Every record read once ([`ReadAll`]); `clue` reads a record's context
/// clue from its reading.
///
/// Claims are read in parallel a chunk at a time and packed in order while
/// the next chunk is read: only two chunks' unpacked claims are ever held.
fn read_claims<F>(cx: &StanceContext<'_>, docs: &[Doc<'_>], clue: F) -> ReadAll
where
    F: Fn(&Doc<'_>, &Normalized<'_>) -> Option<ContextClue> + Sync,
{
    let mut all = ReadAll {
        concepts: Concepts::default(),
        claims: Claims::default(),
        links: NameLinks::default(),
        any_figures: false,
        clues: Vec::new(),
    };
    // Each record's claims, figure measures, proper names and clue.
    let read = |chunk: &[Doc<'_>]| -> Vec<Read> {
        chunk
            .par_iter()
            .map(|d| {
                let read = normalize(cx, d.text, d.context);
                let names = read.names().into_iter().map(str::to_owned).collect();
                let clue = clue(d, &read);
                (read.claims, read.measures, names, clue)
            })
            .collect()
    };
    // Packing (interning concepts) is sequential, in record order.
    let mut record = 0u32;
    let mut pack = |done: Vec<Read>| {
        for (cl, measures, names, clue) in done {
            all.any_figures |= cl.iter().any(|c| !c.figures.is_empty());
            if let Some(clue) = clue {
                all.clues.push((record, clue));
            }
            record += 1;
            all.claims
                .push(cl, measures, &mut all.concepts, &mut all.links);
            all.links.add(&names);
        }
    };
    let mut pending: Option<Vec<Read>> = None;
    for chunk in docs.chunks(CHUNK) {
        let previous = pending.take();
        let (done, ()) = rayon::join(
            || read(chunk),
            || {
                if let Some(p) = previous {
                    pack(p);
                }
            },
        );
        pending = Some(done);
    }
    if let Some(p) = pending {
        pack(p);
    }
    all
}

/// The valid records in one store, and a problem for each record left
/// out (unreadable, invalid, a duplicate id, a field over 4 GiB). An I/O
/// error ends the run: the input is incomplete.
fn ingest<I, S>(records: I) -> Result<(Store, Vec<Problem>), Error>
where
    I: IntoIterator<Item = Result<S, Error>>,
    S: Borrow<Statement>,
{
    let mut problems = Vec::new();
    let mut seen = Ids::default();
    let mut store = Store::default();
    for r in records {
        let s = match r {
            Ok(s) => s,
            Err(Error::Io(e)) => return Err(Error::Io(e)),
            Err(e) => {
                problems.push(problem(e));
                continue;
            }
        };
        let s: &Statement = s.borrow();
        if let Err(e) = s.validate(None) {
            problems.push(problem(e));
        } else if !seen.insert(&s.id) {
            problems.push(problem(Error::record(
                None,
                Some(&s.id),
                Some("id"),
                "duplicate id",
            )));
        } else if let Err(field) = store.push(s) {
            problems.push(problem(Error::record(
                None,
                Some(&s.id),
                Some(field),
                "longer than 4 GiB",
            )));
        }
    }
    // The id set goes before the arena is shrunk (a copy): the two are the
    // run's largest buffers at this point.
    drop(seen);
    store.shrink();
    Ok((store, problems))
}

/// Per statement pair, the best verdict ([`better`]: quantity before
/// stance, then score, then claim order), so the result is the same on any
/// number of threads.
fn best_per_pair(found: Vec<Found>) -> Vec<Found> {
    let mut best: FxHashMap<(u32, u32), Found> = FxHashMap::default();
    for f in found {
        let key = (f.a.stmt, f.b.stmt);
        match best.get_mut(&key) {
            Some(old) if !better(&f, old) => {}
            Some(old) => *old = f,
            None => {
                best.insert(key, f);
            }
        }
    }
    best.into_values().collect()
}

fn problem(e: Error) -> Problem {
    let location = e.location().cloned().unwrap_or_default();
    let message = match e {
        Error::Record { message, .. } => message,
        other => other.to_string(),
    };
    Problem { location, message }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::ActorKind;
    use crate::quantity::{Figure, Unit};

    /// The figures of `text` as detector `d` reads them.
    fn figures(d: &Detector, text: &str) -> Vec<Figure> {
        let none = FxHashSet::default();
        let read = normalize(&d.stance_context(&none), text, None);
        read.claims.into_iter().flat_map(|c| c.figures).collect()
    }

    /// A detector without extensions holds the built-in lexicon itself.
    #[test]
    fn a_plain_detector_shares_the_builtin_lexicon() {
        let builtin = Lexicon::builtin().unwrap();
        assert!(Arc::ptr_eq(&Detector::new().lexicon, &builtin));
        let d = Detector::builder()
            .lexicon(LexiconKind::Hedge, "mayhap")
            .build()
            .unwrap();
        assert!(!Arc::ptr_eq(&d.lexicon, &builtin));
    }

    /// Quantity stage: a user's unit word and scale word change the figure.
    #[test]
    fn user_quantity_words_reach_figure_parsing() {
        let text = "Support for the new dam fell by 5 ptz, to 12 zillo voters.";
        let plain = figures(&Detector::new(), text);
        let d = Detector::builder()
            .lexicon(LexiconKind::QuantityUnit, "pp ptz")
            .lexicon(LexiconKind::ScaleWord, "zillo 1000 word")
            .build()
            .unwrap();
        let read = figures(&d, text);
        assert_ne!(plain[0].unit, Unit::PercentagePoint);
        assert_eq!(read[0].unit, Unit::PercentagePoint);
        assert_eq!(plain[1].value, 12.0);
        assert_eq!(read[1].value, 12_000.0);
    }

    /// Each record's (actor id, kind) as detector `d` resolves them.
    fn actors_of(d: &Detector, actors: &[&str]) -> Vec<(String, ActorKind)> {
        let st: Vec<Statement> = actors
            .iter()
            .enumerate()
            .map(|(i, a)| Statement::new(format!("s{i}"), Some(a), "The ferry will run."))
            .collect();
        let report = d.detect(&st).unwrap();
        report
            .statements
            .iter()
            .map(|s| (s.actor.clone(), s.actor_kind))
            .collect()
    }

    /// Actor stage: a user's title, nickname or organization word changes
    /// how actors are parsed and resolved. One line per case: the list and
    /// its entry, the actor strings, their (id, kind) with the built-in
    /// lists, then with the entry added.
    /// Rule `opposition_to_a_report`: another speaker's opposition does not
    /// deny what is reported; it still clashes with a support, and with
    /// the same speaker's own report.
    #[test]
    fn an_opposition_clashes_with_a_support_not_with_a_report() {
        let st = |id: &str, actor: &str, text: &str| Statement::new(id, Some(actor), text);
        // Two records on other things give the shared words their weight.
        let others = [
            st("x", "Ana Lind", "the ferry to Lorn runs on Sundays"),
            st("y", "Bo Sten", "the market in Tarn opens at nine"),
        ];
        let pairs = |records: &[Statement]| {
            let mut all = records.to_vec();
            all.extend(others.iter().cloned());
            Detector::new().detect(&all).unwrap().contradictions.len()
        };
        let opposed = st(
            "a",
            "Vell Bay fishing groups",
            "they have opposed the new pier at Vell Bay",
        );
        let report = st(
            "b",
            "Vell Bay Port Authority",
            "work on the new pier at Vell Bay began in May",
        );
        assert_eq!(pairs(&[opposed.clone(), report]), 0);
        let backs = st("c", "Mayor Ilse Horn", "I support the new pier at Vell Bay");
        assert_eq!(pairs(&[opposed.clone(), backs]), 1);
        // One speaker on two dates: a change of mind.
        let on = |day| crate::record::Date {
            year: 2025,
            month: 3,
            day,
        };
        let own = st(
            "d",
            "Vell Bay fishing groups",
            "we will build the new pier at Vell Bay",
        );
        assert_eq!(pairs(&[opposed.with_date(on(1)), own.with_date(on(9))]), 1);
    }

    /// Rule `own_figures`: two organizations each giving a figure about
    /// themselves ("it", "its") do not clash; a figure one of them gives
    /// of the other still does.
    #[test]
    fn figures_two_organizations_give_of_themselves_do_not_clash() {
        let st = |id: &str, actor: &str, text: &str| Statement::new(id, Some(actor), text);
        let detect = |records: &[Statement]| {
            let r = Detector::new().detect(records).unwrap();
            r.contradictions.len()
        };
        let own_a = st(
            "a",
            "Korvane Mills Ltd",
            "it would cut about 900 jobs at its Pellin mill",
        );
        let own_b = st(
            "b",
            "Tarrow Foods Inc",
            "about 600 jobs would go at its Pellin mill",
        );
        assert_eq!(detect(&[own_a.clone(), own_b]), 0);
        let of_a = st(
            "c",
            "Tarrow Foods Inc",
            "Korvane Mills will cut about 600 jobs at the Pellin mill",
        );
        assert_eq!(detect(&[own_a, of_a]), 1);
    }

    #[test]
    fn user_actor_words_reach_actor_resolution() {
        use ActorKind::{Organization as O, Person as P};
        type Case<'a> = (
            LexiconKind,
            &'a str,
            &'a [&'a str],
            &'a [(&'a str, ActorKind)],
            &'a [(&'a str, ActorKind)],
        );
        let cases: &[Case<'_>] = &[
            // A title word leaves the name: "Zorbmaster Jane Quill" is Jane Quill.
            (
                LexiconKind::Title,
                "zorbmaster",
                &["Zorbmaster Jane Quill", "Quill"],
                &[("zorbmaster jane quill", P), ("zorbmaster jane quill", P)],
                &[("jane quill", P), ("jane quill", P)],
            ),
            // An unnamed role finds the person named with it.
            (
                LexiconKind::Title,
                "vizier",
                &["Grand Vizier Oda Fenwick", "the vizier"],
                &[
                    ("grand vizier oda fenwick", P),
                    ("vizier", ActorKind::Unknown),
                ],
                &[("oda fenwick", P), ("oda fenwick", P)],
            ),
            // A familiar form of a given name joins the formal one.
            (
                LexiconKind::Nickname,
                "thadderick, tadz",
                &["Thadderick Vornby", "Tadz Vornby"],
                &[("thadderick vornby", P), ("tadz vornby", P)],
                &[("tadz vornby", P), ("tadz vornby", P)],
            ),
            // An organization word makes a name a body's.
            (
                LexiconKind::OrgWord,
                "quorvex",
                &["Velk Quorvex"],
                &[("velk quorvex", P)],
                &[("velk quorvex", O)],
            ),
        ];
        let owned = |v: &[(&str, ActorKind)]| -> Vec<(String, ActorKind)> {
            v.iter().map(|(id, k)| ((*id).to_owned(), *k)).collect()
        };
        for (kind, entry, actors, plain, extended) in cases {
            let d = Detector::builder().lexicon(*kind, entry).build().unwrap();
            assert_eq!(actors_of(&Detector::new(), actors), owned(plain), "{entry}");
            assert_eq!(actors_of(&d, actors), owned(extended), "{entry}");
            // `Detector::actors` resolves as `detect` does.
            let st: Vec<Statement> = actors
                .iter()
                .enumerate()
                .map(|(i, a)| Statement::new(format!("s{i}"), Some(a), "The ferry will run."))
                .collect();
            let direct: Vec<(String, ActorKind)> = d
                .actors(&st)
                .into_iter()
                .map(|a| (a.id.to_string(), a.kind))
                .collect();
            assert_eq!(direct, owned(extended), "{entry}: Detector::actors");
        }
    }

    /// A bad entry makes `build` fail with the list and the line named.
    #[test]
    fn build_names_a_bad_entry() {
        let e = Detector::builder()
            .lexicon(
                LexiconKind::MeasurementUnit,
                "# mine\nfurlong length = furlongs",
            )
            .build()
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "lexicon entries for measurement_unit: line 2: expected `unit dimension \
             factor` before `=`: \"furlong length = furlongs\""
        );
    }

    /// `title_before_name` reads the detector's titles: a builder title
    /// before a name is no proposition content, as a built-in one is.
    #[test]
    fn user_titles_reach_the_stance_stage() {
        let st = Statement::new(
            "a",
            None,
            "The zorbmaster Ana Quill said the ferry will run.",
        );
        let terms = |d: &Detector| -> Vec<String> {
            d.claims(&st)
                .into_iter()
                .flat_map(|c| c.proposition)
                .collect()
        };
        let plain = terms(&Detector::new());
        assert!(plain.iter().any(|t| t.contains("zorbmaster")), "{plain:?}");
        let with = Detector::builder()
            .lexicon(LexiconKind::Title, "zorbmaster")
            .build()
            .unwrap();
        let read = terms(&with);
        assert!(!read.iter().any(|t| t.contains("zorbmaster")), "{read:?}");
        assert!(read.iter().any(|t| t.contains("ferry")), "{read:?}");
    }

    /// A group noun with its complement is a group: after a built-in
    /// group link ("residents from the valley") and after one a user adds
    /// to `group_link` of the actor function words.
    #[test]
    fn group_links_open_a_group_complement() {
        let st = |actor: &str| [Statement::new("a", Some(actor), "The road stays shut.")];
        let kind = |d: &Detector, actor: &str| d.actors(&st(actor))[0].kind;
        let plain = Detector::new();
        assert_eq!(kind(&plain, "residents from the valley"), ActorKind::Group);
        assert_ne!(
            kind(&plain, "residents beside the valley"),
            ActorKind::Group
        );
        let with = Detector::builder()
            .lexicon(LexiconKind::ActorFunctionWord, "group_link beside")
            .build()
            .unwrap();
        assert_eq!(kind(&with, "residents beside the valley"), ActorKind::Group);
    }
}
