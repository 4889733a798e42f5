//! Article extraction: raw English news text in, statement records out.
//!
//! One linear scan reads the article's tokens (its one cut into word
//! tokens, `text::words`, with the marks between them; byte offsets), pairs
//! quotation marks, drops noise lines (photo credits, copyright lines) and
//! cuts sentences outside quotations. Speech frames are then read around
//! reporting verbs (a word list, `src/lexicon/speech_verbs.txt`), quotation
//! marks and "according to"; speakers are the name phrases next to them, and
//! pronouns take the last named speaker. Every record's `span` slices the
//! article exactly: `article[span.0..span.1] == text`.

mod frames;
use crate::lexicon::extract as lex;
mod scan;
#[cfg(test)]
mod tests;
mod view;
#[cfg(test)]
mod view_reference;

use std::sync::Arc;

use crate::actor::ActorKind;
use crate::lexicon::{Lexicon, LexiconKind};
use crate::record::{Date, Statement};

use frames::{Found, Frames};
use lex::class;

/// Extracts the statements of one article with the default options.
///
/// `source` names the article (a file name): it becomes each record's
/// `source`, and its stem (without directory and extension) prefixes the ids
/// (`stem-01`, `stem-02`, …).
///
/// # Examples
/// ```
/// let article = "Mayor Lena Ortiz said the bridge would reopen in May.\n\
///                \u{201c}We are ready,\u{201d} she told reporters.";
/// let st = gainsay::extract(article, "city.txt");
/// assert_eq!(st.len(), 2);
/// assert_eq!(st[0].text, "the bridge would reopen in May");
/// assert_eq!(st[1].actor.as_deref(), Some("Mayor Lena Ortiz"));
/// let [a, b] = st[1].span.unwrap();
/// assert_eq!(&article[a..b], st[1].text);
/// ```
pub fn extract(article: &str, source: &str) -> Vec<Statement> {
    Extractor::new().extract(article, source)
}

/// Article extraction with options.
///
/// # Examples
/// ```
/// use gainsay::Extractor;
/// let ex = Extractor::new().context(false);
/// let st = ex.extract("Ana Diaz said taxes would fall.", "a.txt");
/// assert_eq!(st[0].actor.as_deref(), Some("Ana Diaz"));
/// assert!(st[0].context.is_none());
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    context: bool,
    date_line: bool,
    narrator: bool,
    lexicon: Arc<Lexicon>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// Default options: contexts on, a leading `date YYYY-MM-DD` line read.
    ///
    /// # Examples
    /// ```
    /// let st = gainsay::Extractor::new().extract(" date 2024-05-02 Ana Diaz said taxes would fall.", "a.txt");
    /// assert_eq!(st[0].date.unwrap().to_string(), "2024-05-02");
    /// ```
    pub fn new() -> Extractor {
        Extractor {
            context: true,
            date_line: true,
            narrator: true,
            lexicon: Lexicon::shipped().clone(),
        }
    }

    /// Adds entries (lexicon file syntax) to one of the word lists for this
    /// extractor, as [`DetectorBuilder::lexicon`](crate::DetectorBuilder::lexicon)
    /// does for a detector: reporting verbs, clause words, titles, page
    /// labels … A bad entry is an error naming the list and the line.
    ///
    /// # Examples
    /// ```
    /// use gainsay::{Extractor, LexiconKind};
    /// let article = "Ana Diaz harrumphed that taxes would fall.";
    /// assert!(Extractor::new().extract(article, "a.txt").is_empty());
    /// let ex = Extractor::new().lexicon(LexiconKind::SpeechVerb, "speech harrumph harrumphed").unwrap();
    /// assert_eq!(ex.extract(article, "a.txt")[0].actor.as_deref(), Some("Ana Diaz"));
    /// assert!(Extractor::new().lexicon(LexiconKind::SpeechVerb, "shout shouted").is_err());
    /// ```
    pub fn lexicon(mut self, kind: LexiconKind, entries: &str) -> Result<Extractor, crate::Error> {
        let mut lx = (*self.lexicon).clone();
        lx.extend(kind, entries)?;
        self.lexicon = Arc::new(lx);
        Ok(self)
    }

    /// Whether a record gets the sentence around it as `context` when the
    /// text is not the whole sentence (default on).
    ///
    /// # Examples
    /// ```
    /// let st = gainsay::Extractor::new().context(true)
    ///     .extract("Asked about the dam, Ana Diaz replied: \"that's fine with me.\"", "a.txt");
    /// assert!(st[0].context.as_deref().unwrap().starts_with("Asked about the dam"));
    /// ```
    pub fn context(mut self, on: bool) -> Extractor {
        self.context = on;
        self
    }

    /// Whether a first line `date YYYY-MM-DD` gives every record its date
    /// (default on).
    ///
    /// # Examples
    /// ```
    /// let st = gainsay::Extractor::new().date_line(false)
    ///     .extract("date 2024-05-02 Ana Diaz said taxes would fall.", "a.txt");
    /// assert!(st[0].date.is_none());
    /// ```
    pub fn date_line(mut self, on: bool) -> Extractor {
        self.date_line = on;
        self
    }

    /// Whether a sentence in the article's own voice that states a counted
    /// figure ("at least 40 people died") becomes a record with no actor
    /// (default on): figures of the source can contradict a speaker's.
    ///
    /// # Examples
    /// ```
    /// let a = "At least 40 people died in the flood.";
    /// let on = gainsay::Extractor::new().extract(a, "a.txt");
    /// assert_eq!((on.len(), on[0].actor.as_deref()), (1, None));
    /// assert!(gainsay::Extractor::new().narrator(false).extract(a, "a.txt").is_empty());
    /// ```
    pub fn narrator(mut self, on: bool) -> Extractor {
        self.narrator = on;
        self
    }

    /// Extracts the statements of `article`; see [`extract`].
    ///
    /// # Examples
    /// ```
    /// let article = "\u{201c}No new taxes,\u{201d} said Governor Ana Diaz.";
    /// let st = gainsay::Extractor::new().extract(article, "dir/wire.txt");
    /// assert_eq!(st[0].id, "wire-01");
    /// assert_eq!(st[0].source.as_deref(), Some("wire.txt"));
    /// assert_eq!(st[0].text, "No new taxes,");
    /// ```
    pub fn extract(&self, article: &str, source: &str) -> Vec<Statement> {
        let file = source.rsplit(['/', '\\']).next().unwrap_or(source);
        let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
        let stem = if stem.is_empty() { file } else { stem };
        self.extract_as(article, file, stem)
    }

    /// Reads the article at `path` and extracts its statements. Each record's
    /// `source` is the path as given, and its ids are the path without its
    /// extension and a number (`news/a/wire-01`), so two articles of the same
    /// file name in different folders never share an id. An article that
    /// cannot be read or is not UTF-8 is an error for that article alone:
    /// report it and go on with the next.
    ///
    /// # Examples
    /// ```
    /// let dir = std::env::temp_dir().join("gainsay-doc-extract-file");
    /// std::fs::create_dir_all(dir.join("a")).unwrap();
    /// let path = dir.join("a").join("wire.txt");
    /// std::fs::write(&path, "Ana Diaz said taxes would fall.").unwrap();
    /// let st = gainsay::Extractor::new().extract_file(&path).unwrap();
    /// assert!(st[0].id.ends_with("wire-01") && st[0].id.contains('a'));
    /// std::fs::write(&path, b"\xff\xfe said").unwrap();
    /// assert!(gainsay::Extractor::new().extract_file(&path).is_err());
    /// ```
    pub fn extract_file(
        &self,
        path: impl AsRef<std::path::Path>,
    ) -> Result<Vec<Statement>, crate::Error> {
        let path = path.as_ref();
        let article = String::from_utf8(std::fs::read(path)?).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("not valid UTF-8 (byte {at})"),
            )
        })?;
        let source = path.to_string_lossy();
        let prefix = path.with_extension("");
        let prefix = prefix.to_string_lossy();
        let prefix = if prefix.is_empty() { &source } else { &prefix };
        Ok(self.extract_as(&article, &source, prefix))
    }

    /// Extraction with the `source` field and id prefix given: statements
    /// found, deduplicated, their speakers resolved in article order, with
    /// embedded posts between them.
    fn extract_as(&self, article: &str, file: &str, stem: &str) -> Vec<Statement> {
        let lx: &Lexicon = &self.lexicon;
        let (date, from) = if self.date_line {
            date_line(article)
        } else {
            (None, 0)
        };
        let mut tweets = tweets(lx, article, from);
        tweets.extend(turns(lx, article, from));
        tweets.sort_by_key(|t| t.line.0);
        let skip = |a: usize, b: usize| {
            let i = tweets.partition_point(|t| t.line.0 < a);
            tweets.get(i).is_some_and(|t| t.line == (a, b))
        };
        let lower = scan::lower_from(article, from);
        let doc = scan::scan(lx, article, &lower, from, &skip);
        let frames = Frames::new(&doc);
        let kept = join_split_quotes(article, distinct(article, self.found(&doc, &frames)));
        let emit = Emit {
            lx,
            article,
            file,
            stem,
            date,
            context: self.context,
        };
        let mut speakers = Speakers::new(&doc, &frames);
        let mut tw = tweets.iter().peekable();
        let mut out: Vec<Statement> = Vec::with_capacity(kept.len() + tweets.len());
        for f in kept {
            while let Some(t) = tw.next_if(|t| t.text.0 < f.span.0) {
                // An embedded post interrupts the article: its author does
                // not become the referent of a later "he".
                emit.push(
                    &mut out,
                    t.text,
                    Some(t.actor.clone()),
                    label_kind(lx, &t.actor),
                    None,
                );
            }
            let (actor, kind) = speakers.of(&f);
            emit.push(&mut out, f.span, actor, kind, statement_context(&doc, &f));
        }
        for t in tw {
            emit.push(
                &mut out,
                t.text,
                Some(t.actor.clone()),
                label_kind(lx, &t.actor),
                None,
            );
        }
        out
    }

    /// Every statement the frames find: reported speech per sentence,
    /// quotations, and (when on) the narrator's own sentences.
    fn found(&self, doc: &scan::Doc<'_>, frames: &Frames<'_, '_>) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        for si in 0..doc.sentences.len() {
            frames.sentence(si, &mut found);
        }
        frames.quotes(&mut found);
        if self.narrator {
            narrator(doc, frames, &mut found);
        }
        found
    }
}

/// The found statements in article order, each span once; a report inside
/// another of the same speaker ("…, saying that X") adds nothing and is
/// dropped. Quotations stay.
fn distinct(article: &str, mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| (f.span.0, f.anchor));
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        let same_speaker = |k: &Found| match (k.speaker, f.speaker) {
            (Some(a), Some(b)) => article[a.0..a.1] == article[b.0..b.1],
            _ => false,
        };
        if kept.iter().rev().take(4).any(|k| {
            k.span == f.span
                || (!f.quote && k.span.0 <= f.span.0 && f.span.1 <= k.span.1 && same_speaker(k))
        }) {
            continue;
        }
        kept.push(f);
    }
    kept
}

/// The sentence around a statement, trailing space trimmed; an anaphoric
/// statement ("That is fine.") nearly alone in its sentence also gets the
/// sentence before, which holds what it answers.
fn statement_context(doc: &scan::Doc<'_>, f: &Found) -> Option<(usize, usize)> {
    /// At most this many words of the sentence lie outside the statement
    /// for it to count as alone there.
    const ALONE_WORDS: usize = 3;
    let &(a, b) = doc.sentences.get(f.sentence)?;
    let mut a = a;
    let first = doc.toks.partition_point(|t| t.start < f.span.0);
    let anaphoric = doc.toks.get(first).is_some_and(|t| t.is(class::ANA));
    let alone = doc.toks[a..b]
        .iter()
        .filter(|t| t.is_word() && (t.end <= f.span.0 || t.start >= f.span.1))
        .count()
        <= ALONE_WORDS;
    if anaphoric && alone && f.sentence > 0 {
        a = doc.sentences[f.sentence - 1].0;
    }
    let (a, b) = (doc.toks[a].start, doc.toks[b - 1].end);
    let s = &doc.text[a..b];
    Some((a, a + s.trim_end().len()))
}

/// What every record of one article shares, and how one is written.
struct Emit<'a> {
    lx: &'a Lexicon,
    article: &'a str,
    file: &'a str,
    stem: &'a str,
    date: Option<Date>,
    /// Whether records get their sentence as `context`.
    context: bool,
}

impl Emit<'_> {
    /// Appends the record of `span` by `actor` (a pronoun left unresolved
    /// is no speaker), numbered in order, with its sentence `ctx` as
    /// context when that differs from the statement.
    fn push(
        &self,
        out: &mut Vec<Statement>,
        span: (usize, usize),
        actor: Option<String>,
        kind: ActorKind,
        ctx: Option<(usize, usize)>,
    ) {
        let text = &self.article[span.0..span.1];
        let actor = actor.filter(|a| !is_pronoun(&self.lx.extract, a));
        if text.trim().is_empty() {
            return;
        }
        let mut s = Statement::new(
            format!("{}-{:02}", self.stem, out.len() + 1),
            actor.as_deref(),
            text,
        );
        s.span = Some([span.0, span.1]);
        let kind = match actor {
            None => ActorKind::Source,
            Some(_) => kind,
        };
        s.extra.insert(
            "actor_kind".to_owned(),
            serde_json::to_value(kind).unwrap_or_default(),
        );
        s.source = Some(self.file.to_owned());
        s.date = self.date;
        if self.context {
            if let Some((a, b)) = ctx {
                if (a, b) != span && b > a {
                    s.context = Some(self.article[a..b].to_owned());
                }
            }
        }
        out.push(s);
    }
}

/// Speakers resolved in article order: names mentioned so far, the last
/// speaker (an unframed quotation that follows goes on with them: "Vos
/// said X. “Y.”"), and pronouns resolved against both.
struct Speakers<'d, 'a> {
    doc: &'d scan::Doc<'a>,
    frames: &'d Frames<'d, 'a>,
    resolver: Resolver,
    quote_speaker: Option<String>,
    quote_kind: ActorKind,
    next_mention: usize,
}

impl<'d, 'a> Speakers<'d, 'a> {
    fn new(doc: &'d scan::Doc<'a>, frames: &'d Frames<'d, 'a>) -> Self {
        Speakers {
            doc,
            frames,
            resolver: Resolver::default(),
            quote_speaker: None,
            quote_kind: ActorKind::Unknown,
            next_mention: 0,
        }
    }

    /// The sentences' subjects up to sentence `upto` become mentions.
    fn mention_upto(&mut self, upto: usize) {
        let doc = self.doc;
        while self.next_mention <= upto && self.next_mention < doc.sentences.len() {
            let (s0, s1) = doc.sentences[self.next_mention];
            if let Some(sp) = self.frames.opening_subject(s0, s1) {
                if !doc.toks[sp.a].is(class::PRON) {
                    let name = &doc.text[doc.toks[sp.a].start..doc.toks[sp.b - 1].end];
                    self.resolver.mention(name, &doc.toks[sp.a..sp.b]);
                }
            }
            for org in full_org_names(doc, s0, s1) {
                if !self.resolver.full_orgs.contains(&org) {
                    self.resolver.full_orgs.push(org);
                }
            }
            self.next_mention += 1;
        }
    }

    /// Who said `f`, and of what kind: a pronoun resolved (a name near it
    /// first), a descriptor ("the company"), a name, or for an unframed
    /// quotation the last speaker or the person named before it.
    fn of(&mut self, f: &Found) -> (Option<String>, ActorKind) {
        self.mention_upto(f.sentence);
        let (doc, article) = (self.doc, self.doc.text);
        let resolver = &mut self.resolver;
        let mut kind = ActorKind::Unknown;
        let actor = match f.speaker {
            Some((a, b)) if f.pronoun || is_pronoun(&doc.lexicon.extract, &article[a..b]) => {
                let s0 = doc.sentences.get(f.sentence).map_or(0, |s| s.0);
                let near = f
                    .speaker_tok
                    .and_then(|st| resolver.named_in(doc, s0, st, &article[a..b]));
                match near {
                    Some(name) => {
                        resolver.named(&name, true);
                        kind = ActorKind::Person;
                        Some(name)
                    }
                    None => {
                        let r = resolver.resolve(&article[a..b]);
                        kind = r.as_deref().map_or(ActorKind::Unknown, |n| {
                            if resolver.person.as_deref() == Some(n) {
                                ActorKind::Person
                            } else {
                                name_kind(doc.lexicon, n, false)
                            }
                        });
                        r
                    }
                }
            }
            Some((a, b))
                if resolver
                    .descriptor(&doc.lexicon.extract, &article[a..b])
                    .is_some() =>
            {
                kind = ActorKind::Organization;
                resolver.descriptor(&doc.lexicon.extract, &article[a..b])
            }
            Some((a, b)) => {
                let name = strip_possessive(&article[a..b]).to_owned();
                match resolver.org_starting_with(&name) {
                    Some(org) => {
                        kind = ActorKind::Organization;
                        Some(org)
                    }
                    None => {
                        let person = resolver.is_person(&name, doc, a, b);
                        resolver.named(&name, person);
                        kind = name_kind(doc.lexicon, &name, person);
                        Some(name)
                    }
                }
            }
            None if f.quote => match self.quote_speaker.clone() {
                Some(a) => {
                    kind = self.quote_kind;
                    Some(a)
                }
                None => {
                    let p = person_before(doc, self.frames, resolver, f);
                    if p.is_some() {
                        kind = ActorKind::Person;
                    }
                    p
                }
            },
            None => None,
        };
        if actor.is_some() {
            self.quote_speaker.clone_from(&actor);
            self.quote_kind = kind;
        }
        (actor, kind)
    }
}

/// The kind of a named speaker from extraction's cues: a person by its
/// title or full name (`person`), a group by a plural group noun at its head
/// ("port officials"), an organisation by an organisation word or a
/// corporate suffix anywhere in it ("Orsa Rail Co.", "the regulator");
/// else what the actor layer reads in the name alone.
fn name_kind(lx: &Lexicon, name: &str, person: bool) -> ActorKind {
    if person {
        return ActorKind::Person;
    }
    let lex = &lx.extract;
    let words = folded_words(name);
    if words
        .last()
        .is_some_and(|w| lex.info(w).class & class::GROUP != 0)
    {
        return ActorKind::Group;
    }
    if words
        .iter()
        .any(|w| lex.info(w).class & class::ORG != 0 || lex.is_company_noun(w))
    {
        return ActorKind::Organization;
    }
    crate::actor::mention_kind(&lx.actor, name)
}

/// The words of a speaker's name, lower-cased, their punctuation trimmed.
fn folded_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect()
}

/// A transcript label or a post's author: a person unless its words say
/// otherwise ("HOST" and "QUESTION" name a role: unknown).
fn label_kind(lx: &Lexicon, label: &str) -> ActorKind {
    // Capitals read as acronyms to the actor layer: the label's words are
    // read here, one word (a surname or a role) telling nothing.
    let lex = &lx.extract;
    let words = folded_words(label);
    let info = |w: &String| lex.info(w).class;
    if words.last().is_some_and(|w| info(w) & class::GROUP != 0) {
        ActorKind::Group
    } else if words.iter().any(|w| info(w) & class::ORG != 0) {
        ActorKind::Organization
    } else if words.len() >= 2 || label.contains('@') {
        ActorKind::Person
    } else {
        ActorKind::Unknown
    }
}

/// The speaker of an unframed quotation that opens a paragraph, when no one
/// has spoken before it: the first person named in the sentence before
/// ("Chief Justice Ana Vos spoke at length.\n\n“When I joined …”").
fn person_before(
    doc: &scan::Doc<'_>,
    frames: &Frames<'_, '_>,
    resolver: &Resolver,
    f: &Found,
) -> Option<String> {
    let opens = f.anchor == 0 || doc.toks[f.anchor - 1].kind == scan::Kind::Newline;
    let prev = doc.sentences.partition_point(|&(_, b)| b <= f.anchor);
    if !opens || prev == 0 {
        return None;
    }
    let (s0, s1) = doc.sentences[prev - 1];
    let sp = frames.name_in(s0, s1, |sp| {
        let (a, b) = (doc.toks[sp.a].start, doc.toks[sp.b - 1].end);
        resolver.is_person(&doc.text[a..b], doc, a, b)
    })?;
    let (a, b) = (doc.toks[sp.a].start, doc.toks[sp.b - 1].end);
    Some(strip_possessive(&doc.text[a..b]).to_owned())
}

/// Most bytes of a speech frame between the two parts of one quotation.
const MAX_SPLIT_FRAME: usize = 120;

/// A quotation split around its speech frame is one statement: “We will
/// not,” she said, “sign this deal.” The first part ends with a comma (or a
/// dash), and the frame between the parts is short, on one line, ends with a
/// comma before the second mark and holds no sentence end. The joined span
/// runs from the first part's first word to the second part's last, frame
/// included, so it still slices the article exactly; a record of the frame
/// itself ("she said") is dropped.
fn join_split_quotes(article: &str, kept: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(kept.len());
    for f in kept {
        if f.quote {
            if let Some(q) = out.iter().rposition(|k| k.quote) {
                let first = out[q].span;
                let between = out[q + 1..]
                    .iter()
                    .all(|k| k.span.0 >= first.1 && k.span.1 <= f.span.0);
                if between && split_quote(article, first, f.span) {
                    out.truncate(q + 1);
                    let k = &mut out[q];
                    k.span.1 = f.span.1;
                    if k.speaker.is_none() {
                        k.speaker = f.speaker;
                        k.pronoun = f.pronoun;
                        k.speaker_tok = f.speaker_tok;
                    }
                    continue;
                }
            }
        }
        out.push(f);
    }
    out
}

/// Quotation texts `a` then `b` are the two parts of one quotation.
fn split_quote(article: &str, a: (usize, usize), b: (usize, usize)) -> bool {
    if a.1 > b.0 || b.0 - a.1 > MAX_SPLIT_FRAME {
        return false;
    }
    let (Some(first), Some(gap)) = (article.get(a.0..a.1), article.get(a.1..b.0)) else {
        return false;
    };
    let open_ends = first.trim_end().ends_with([',', '\u{2014}']);
    // The gap: closing mark, the frame, a comma, the opening mark.
    let frame = gap
        .trim_end()
        .trim_end_matches(['"', '\u{201c}', '`', '\'', '\u{2018}']);
    let frame = frame
        .trim_start()
        .trim_start_matches(['"', '\u{201d}', '\'', '\u{2019}']);
    let words = frame.split_whitespace().count();
    open_ends
        && frame.trim_end().ends_with(',')
        && (2..=12).contains(&words)
        && !gap.contains(['\n', '.', '?', '!', ';', ':'])
}

/// Sentences in the source's own voice that state a counted figure: no
/// statement found in them, no quotation in them.
fn narrator(doc: &scan::Doc<'_>, frames: &Frames<'_, '_>, found: &mut Vec<Found>) {
    let mut covered = vec![false; doc.sentences.len()];
    for f in found.iter() {
        // Statements may reach over several sentences (long quotations).
        let first = doc
            .sentences
            .partition_point(|&(_, b)| doc.toks[b - 1].end <= f.span.0);
        for (si, &(a, _)) in doc.sentences.iter().enumerate().skip(first) {
            if doc.toks[a].start >= f.span.1 {
                break;
            }
            covered[si] = true;
        }
    }
    for (si, &(a, b)) in doc.sentences.iter().enumerate() {
        if covered[si] || (a..b).any(|k| frames.in_direct(k)) {
            continue;
        }
        if doc.toks[a..b].iter().filter(|t| t.is_word()).count() < 6 {
            continue;
        }
        let mut e = b;
        while e > a && matches!(doc.toks[e - 1].kind, scan::Kind::Punct(_)) {
            e -= 1;
        }
        if e <= a {
            continue;
        }
        let span = (doc.toks[a].start, doc.toks[e - 1].end);
        let text = &doc.text[span.0..span.1];
        let lx = &doc.lexicon.quantity;
        // The figures are read from the article's own tokens: the sentence
        // is not cut again.
        let figures = match doc.words_in(span.0, span.1) {
            Some(words) => crate::quantity::parse_figures_in(lx, text, &words),
            None => crate::quantity::figures(lx, text),
        };
        if !figures.iter().any(|f| f.counted.is_some()) {
            continue;
        }
        found.push(Found {
            span,
            speaker: None,
            pronoun: false,
            sentence: si,
            quote: false,
            anchor: a,
            speaker_tok: None,
        });
    }
}

/// A leading `date YYYY-MM-DD`: the date and the byte where the text goes on.
fn date_line(article: &str) -> (Option<Date>, usize) {
    let lead = article.len() - article.trim_start().len();
    let rest = &article[lead..];
    if let Some(after) = rest
        .strip_prefix("date ")
        .or_else(|| rest.strip_prefix("Date: "))
    {
        let after_trim = after.trim_start();
        if let Some(d) = after_trim.get(..10).and_then(|s| s.parse::<Date>().ok()) {
            let at = article.len() - after_trim.len() + 10;
            return (Some(d), at);
        }
    }
    (None, 0)
}

/// A line with its own speaker: an embedded social-media post (`… — Name
/// (@handle) date`) or a transcript turn (`VOS: …`).
#[derive(Debug)]
struct Tweet {
    line: (usize, usize),
    text: (usize, usize),
    actor: String,
}

fn tweets(lx: &Lexicon, article: &str, from: usize) -> Vec<Tweet> {
    let mut out = Vec::new();
    let mut at = from.min(article.len());
    while at < article.len() {
        let end = article[at..].find('\n').map_or(article.len(), |k| at + k);
        let line = &article[at..end];
        if let Some(h) = line.find("(@") {
            let head = &line[..h];
            let dash = head
                .rfind('\u{2014}')
                .map(|d| (d, 3))
                .or_else(|| head.rfind(" - ").map(|d| (d, 3)));
            if let Some((d, w)) = dash {
                let actor = head[d + w..].trim();
                // The post's text ends before its first link ("host.tld/path").
                let mut body_end = d;
                let mut pos = 0;
                for w in head[..d].split(' ') {
                    if w.contains('/') && w.contains('.') {
                        body_end = pos;
                        break;
                    }
                    pos += w.len() + 1;
                }
                let body = &line[..body_end];
                let lead = body.len() - body.trim_start().len();
                let text = (at + lead, at + body.trim_end().len());
                if !actor.is_empty() && !is_pronoun(&lx.extract, actor) && text.1 > text.0 {
                    out.push(Tweet {
                        line: (at, end),
                        text,
                        actor: actor.to_owned(),
                    });
                }
            }
        }
        at = end + 1;
    }
    out
}

/// A transcript turn: a line opened by a speaker label in capitals,
/// `VOS: The port stays open.` or `MS. RANEL: …`. A page label (`Claim:`,
/// `PHOTO:`, `src/lexicon/page_labels.txt`) is no speaker.
fn turns(lx: &Lexicon, article: &str, from: usize) -> Vec<Tweet> {
    /// Longest label in bytes: a speaker label is a name, not a sentence.
    const MAX_LABEL: usize = 40;
    let lex = &lx.extract;
    let mut out = Vec::new();
    let mut at = from.min(article.len());
    while at < article.len() {
        let end = article[at..].find('\n').map_or(article.len(), |k| at + k);
        let line = &article[at..end];
        let lead = line.len() - line.trim_start().len();
        let head = &line[lead..];
        let window = head.char_indices().take_while(|&(i, _)| i < MAX_LABEL);
        if let Some((colon, _)) = window.into_iter().find(|&(_, c)| c == ':') {
            let label = head[..colon].trim_end();
            let body = &head[colon + 1..];
            let body_lead = body.len() - body.trim_start().len();
            let body_trim = body.trim();
            if speaker_label(lex, label) && !body_trim.is_empty() {
                let a = at + lead + colon + 1 + body_lead;
                out.push(Tweet {
                    line: (at, end),
                    text: (a, a + body_trim.len()),
                    actor: label.to_owned(),
                });
            }
        }
        at = end + 1;
    }
    out
}

/// A transcript speaker label: one to four words in capitals ("WALLACE",
/// "MS. SMITH"), no digit, not a page label.
fn speaker_label(lex: &lex::ExtractLexicon, label: &str) -> bool {
    const MAX_WORDS: usize = 4;
    let words = label.split_whitespace().count();
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let shape = label
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '\u{2019}' | '-'));
    if !(1..=MAX_WORDS).contains(&words) || letters < 2 || !shape {
        return false;
    }
    let folded: String = label
        .trim_end_matches('.')
        .chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    !lex.is_page_label(&folded) && !is_pronoun(lex, &folded)
}

/// A speaker written with a possessive or a contracted "has" loses it:
/// "Metro’s said" is Metro.
fn strip_possessive(name: &str) -> &str {
    name.strip_suffix("\u{2019}s")
        .or_else(|| name.strip_suffix("'s"))
        .filter(|n| !n.is_empty())
        .unwrap_or(name)
}

/// The organization names of tokens `s0..s1`: runs of two or more
/// capitalized words ending in an organization word ("Corvel Freight
/// Co."), read in one pass.
fn full_org_names(doc: &scan::Doc<'_>, s0: usize, s1: usize) -> Vec<String> {
    let t = &doc.toks[s0..s1];
    let mut out = Vec::new();
    let mut run = 0;
    for (k, tok) in t.iter().enumerate() {
        if !(tok.is_word() && tok.cap && !tok.is(class::DET)) {
            run = 0;
            continue;
        }
        run += 1;
        if run >= 2 && tok.is(class::ORG) {
            let (a, b) = (t[k + 1 - run].start, tok.end);
            out.push(doc.text[a..b].to_owned());
        }
    }
    out
}

/// How many named organizations back a descriptor may reach.
const DESCRIPTOR_REACH: usize = 4;

/// Pronoun resolution: he/she take the last named person, they/it the last
/// named group or organization.
#[derive(Debug, Default)]
struct Resolver {
    person: Option<String>,
    /// Organizations named in this article, in order.
    orgs: Vec<String>,
    group: Option<String>,
    surnames: Vec<String>,
    /// Organization names written anywhere in the sentences read so far
    /// with their organization word ("Corvel Freight Co."), for
    /// [`Resolver::org_starting_with`].
    full_orgs: Vec<String>,
}

impl Resolver {
    fn is_person(&self, name: &str, doc: &scan::Doc<'_>, a: usize, b: usize) -> bool {
        let lo = doc.toks.partition_point(|t| t.start < a);
        let hi = doc.toks.partition_point(|t| t.end <= b).max(lo);
        let toks: Vec<&scan::Tok> = doc.toks[lo..hi].iter().collect();
        person_like(name, &toks, &self.surnames)
    }

    fn mention(&mut self, name: &str, toks: &[scan::Tok]) {
        let refs: Vec<&scan::Tok> = toks.iter().collect();
        if toks.iter().any(|t| t.cap && !t.is(class::DET))
            && toks.last().is_some_and(|t| t.is(class::ORG))
        {
            self.orgs.push(name.to_owned());
        }
        if person_like(name, &refs, &self.surnames) {
            self.named(name, true);
        } else if refs.last().is_some_and(|t| t.is(class::GROUP | class::ORG)) {
            self.named(name, false);
        }
    }

    /// A descriptor speaker ("the company", "The ministry") names the last
    /// organization of this article it fits: one whose name holds the head
    /// noun ("the ministry" → "Ministry of Ports"), or for a company noun
    /// one with a corporate suffix ("the firm" → "Vantor Inc."). Never an
    /// organization of another article: each article has its own resolver.
    fn descriptor(&self, lex: &lex::ExtractLexicon, phrase: &str) -> Option<String> {
        let (det, head) = phrase.split_once(' ')?;
        if !det.eq_ignore_ascii_case("the") || head.contains(' ') {
            return None;
        }
        let head = head.to_lowercase();
        if lex.info(&head).class & (class::ORG | class::GROUP) == 0 && !lex.is_company_noun(&head) {
            return None;
        }
        self.orgs
            .iter()
            .rev()
            .take(DESCRIPTOR_REACH)
            .find_map(|org| {
                let lower = org.to_lowercase();
                let holds = lower.split_whitespace().any(|w| w == head);
                let corporate = lex.is_company_noun(&head)
                    && org.split_whitespace().last().is_some_and(|w| {
                        lex.is_abbreviation(&w.trim_end_matches('.').to_lowercase())
                            && lex.info(&w.trim_end_matches('.').to_lowercase()).class & class::ORG
                                != 0
                    });
                (holds || corporate).then(|| org.clone())
            })
    }

    /// Rule `short_org_name`: a speaker named by the start of an
    /// organization the article named before, all but its last word (its
    /// organization word: "Corvel Freight Co." then "Corvel Freight said"),
    /// is that organization, written in full. A single word is a surname
    /// as often as not ("Lund said" after "the Lund Administration"): it
    /// is not read so.
    fn org_starting_with(&self, name: &str) -> Option<String> {
        name.split_whitespace().nth(1)?;
        self.full_orgs
            .iter()
            .chain(&self.orgs)
            .rev()
            .find(|org| {
                org.strip_prefix(name)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .is_some_and(|last| !last.is_empty() && !last.contains(' '))
            })
            .cloned()
    }

    fn named(&mut self, name: &str, person: bool) {
        if person {
            self.person = Some(name.to_owned());
            if let Some(last) = name.split_whitespace().last() {
                let last = last.trim_end_matches(['.', ',']).to_owned();
                if !self.surnames.contains(&last) {
                    self.surnames.push(last);
                }
            }
        } else {
            self.group = Some(name.to_owned());
        }
    }

    /// A known person's name written in tokens `[s0, end)` of the same
    /// sentence, for he/she: the nearest one.
    fn named_in(
        &self,
        doc: &scan::Doc<'_>,
        s0: usize,
        end: usize,
        pronoun: &str,
    ) -> Option<String> {
        let folded = pronoun.to_ascii_lowercase();
        if doc.lexicon.extract.info(&folded).class & lex::class::NAMED == 0 {
            return None;
        }
        doc.toks[s0..end.min(doc.toks.len())]
            .iter()
            .rev()
            .filter(|t| t.cap && t.is_word())
            .map(|t| {
                let w = &doc.text[t.start..t.end];
                w.strip_suffix("\u{2019}s")
                    .or_else(|| w.strip_suffix("'s"))
                    .unwrap_or(w)
            })
            .find(|w| self.surnames.iter().any(|s| s == w))
            .map(str::to_owned)
    }

    fn resolve(&self, pronoun: &str) -> Option<String> {
        match pronoun.to_ascii_lowercase().as_str() {
            "he" | "she" | "i" => self.person.clone(),
            _ => self.group.clone(),
        }
    }
}

/// A lone personal pronoun ("he", "They"): never output as an actor.
fn is_pronoun(lex: &lex::ExtractLexicon, name: &str) -> bool {
    let w = name.trim().to_lowercase();
    !w.contains(' ') && lex.info(&w).class & (class::PRON | class::OPRON) != 0
}

fn person_like(name: &str, toks: &[&scan::Tok], surnames: &[String]) -> bool {
    let Some(last) = toks.last() else {
        return false;
    };
    if last.is(class::GROUP | class::ORG) {
        return false;
    }
    // A title after the last organisation word names its holder: "Justice
    // Minister Ana Vos", "Bank of Orsa Governor Ivo Lind".
    let last_org = toks
        .iter()
        .rposition(|t| t.is(class::ORG) && !t.is(class::TITLE));
    if let Some(o) = last_org {
        if !toks[o + 1..].iter().any(|t| t.is(class::TITLE)) {
            return false;
        }
    }
    if toks.iter().any(|t| t.is(class::TITLE)) {
        return true;
    }
    let caps = toks.iter().filter(|t| t.cap && !t.dotted).count();
    let last_word = name.split_whitespace().last().unwrap_or("");
    caps >= 2 || surnames.iter().any(|s| s == last_word)
}
