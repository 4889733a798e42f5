//! The report as people read it: a plain table, or a fact-checker's report
//! in Markdown or self-contained HTML, pairs grouped by actor pair. Each is
//! one pass over the pairs, statements found through an id map.

use std::collections::HashMap;
use std::io::{self, Write};

use gainsay::{Contradiction, Evidence, Field, NormalizedStatement, Report, Role};

/// `n thing` or `n things`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Statements by id, built once so each pair finds its two in O(1).
pub struct Lookup<'a> {
    by_id: HashMap<&'a str, &'a NormalizedStatement>,
}

impl<'a> Lookup<'a> {
    pub fn new(report: &'a Report) -> Lookup<'a> {
        Lookup {
            by_id: report
                .statements
                .iter()
                .map(|s| (s.id.as_str(), s))
                .collect(),
        }
    }

    pub fn get(&self, id: &str) -> Option<&'a NormalizedStatement> {
        self.by_id.get(id).copied()
    }

    /// The speaker's display name: the source's own voice says so.
    pub fn speaker(&self, id: &str) -> String {
        match self.get(id) {
            Some(s) if s.actor.starts_with("source:") => match &s.source {
                Some(src) => format!("{src} (own voice)"),
                None => "the source (own voice)".to_owned(),
            },
            Some(s) => s.actor_name.clone(),
            None => id.to_owned(),
        }
    }
}

/// One piece of a field's text: plain, or the words of one evidence role.
enum Piece<'a> {
    Plain(&'a str),
    Mark(Role, &'a str),
}

/// `value` cut into plain and marked pieces by the evidence spans of one
/// field (overlapping spans: the first kept; spans not on char boundaries
/// are skipped, never sliced).
fn pieces<'a>(value: &'a str, spans: &[&Evidence]) -> Vec<Piece<'a>> {
    let mut marks: Vec<(usize, usize, Role)> =
        spans.iter().map(|e| (e.start, e.end, e.role)).collect();
    marks.sort_by_key(|&(s, e, _)| (s, e));
    let mut out = Vec::new();
    let mut at = 0;
    for (s, e, role) in marks {
        if s < at || value.get(at..s).is_none() || value.get(s..e).is_none() {
            continue;
        }
        out.push(Piece::Plain(&value[at..s]));
        out.push(Piece::Mark(role, &value[s..e]));
        at = e;
    }
    out.push(Piece::Plain(&value[at..]));
    out
}

/// The fields of statement `id` that hold evidence of `c`, with their spans.
fn fields<'a>(
    c: &'a Contradiction,
    s: &'a NormalizedStatement,
) -> Vec<(Field, &'a str, Vec<&'a Evidence>)> {
    let mut out = Vec::new();
    for field in [Field::Context, Field::Text] {
        let spans: Vec<&Evidence> = c
            .evidence
            .iter()
            .filter(|e| e.statement == s.id && e.field == field)
            .collect();
        let value = s.field(field).unwrap_or("");
        if !spans.is_empty() || (field == Field::Text && !value.is_empty()) {
            out.push((field, value, spans));
        }
    }
    out
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn kind(c: &Contradiction) -> String {
    format!("{:?}", c.kind).to_lowercase()
}

/// Marks for the table and Markdown: brackets that news text rarely holds.
fn marks(role: Role) -> (&'static str, &'static str) {
    match role {
        Role::Cue => ("⟦", "⟧"),
        Role::Target => ("⟨", "⟩"),
        _ => ("⟪", "⟫"),
    }
}

const LEGEND: &str = "evidence: ⟦stance cue⟧ ⟨what it is about⟩ ⟪figure⟫";

fn marked(value: &str, spans: &[&Evidence]) -> String {
    let mut out = String::new();
    for p in pieces(value, spans) {
        match p {
            Piece::Plain(t) => out.push_str(t),
            Piece::Mark(role, t) => {
                let (open, close) = marks(role);
                out.push_str(open);
                out.push_str(t);
                out.push_str(close);
            }
        }
    }
    flat(&out)
}

fn when_where(s: &NormalizedStatement) -> String {
    let mut parts = Vec::new();
    if let Some(d) = s.date {
        parts.push(d.to_string());
    }
    if let Some(src) = &s.source {
        parts.push(src.clone());
    }
    parts.join(", ")
}

/// Contradiction indices grouped by unordered actor pair, groups in the
/// order of their best pair.
fn groups(report: &Report, look: &Lookup) -> Vec<((String, String), Vec<usize>)> {
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    let mut out: Vec<((String, String), Vec<usize>)> = Vec::new();
    for (i, c) in report.contradictions.iter().enumerate() {
        let (x, y) = (look.speaker(&c.a), look.speaker(&c.b));
        let key = if x <= y { (x, y) } else { (y, x) };
        let g = *at.entry(key.clone()).or_insert_with(|| {
            out.push((key, Vec::new()));
            out.len() - 1
        });
        out[g].1.push(i);
    }
    out
}

fn summary(report: &Report) -> String {
    format!(
        "{}, {}",
        count(report.statements.len(), "statement", "statements"),
        count(
            report.contradictions.len(),
            "contradiction",
            "contradictions"
        )
    )
}

/// The plain table: one block a pair, both statements with marked evidence.
pub fn table(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let look = Lookup::new(report);
    writeln!(out, "{}", summary(report))?;
    if !report.contradictions.is_empty() {
        writeln!(out, "{LEGEND}")?;
    }
    writeln!(out)?;
    for (n, c) in report.contradictions.iter().enumerate() {
        writeln!(
            out,
            "{:>3}. {} vs {}  [{}, score {:.2}]",
            n + 1,
            look.speaker(&c.a),
            look.speaker(&c.b),
            kind(c),
            c.score
        )?;
        writeln!(out, "     on: {}", c.proposition)?;
        for id in [&c.a, &c.b] {
            let Some(s) = look.get(id) else { continue };
            for (field, value, spans) in fields(c, s) {
                let label = if field == Field::Text {
                    "text"
                } else {
                    "context"
                };
                writeln!(out, "     {id} ({label}): {}", marked(value, &spans))?;
            }
        }
        writeln!(out, "     why: {}\n", c.explanation)?;
    }
    notes(out, report)
}

fn notes(out: &mut impl Write, report: &Report) -> io::Result<()> {
    for b in &report.bounds {
        writeln!(out, "note: {b}")?;
    }
    for p in &report.problems {
        writeln!(out, "left out: {}: {}", p.location, p.message)?;
    }
    Ok(())
}

/// `s` safe in Markdown text: its markup characters escaped.
fn md(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '<' | '>' | '#' | '|' | '[' | ']'
        ) {
            o.push('\\');
        }
        o.push(ch);
    }
    o
}

/// Markdown: a heading per actor pair, a section per pair with both quotes.
pub fn markdown(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let look = Lookup::new(report);
    writeln!(out, "# Contradictions\n\n{}.\n", summary(report))?;
    if !report.contradictions.is_empty() {
        writeln!(
            out,
            "Evidence: **stance cue**, _what it is about_, `figure`.\n"
        )?;
    }
    for ((x, y), members) in groups(report, &look) {
        writeln!(
            out,
            "## {} vs {} ({})\n",
            md(&x),
            md(&y),
            count(members.len(), "contradiction", "contradictions")
        )?;
        for i in members {
            let c = &report.contradictions[i];
            writeln!(
                out,
                "### {}. On {} ({}, score {:.2})\n",
                i + 1,
                md(&c.proposition),
                kind(c),
                c.score
            )?;
            for id in [&c.a, &c.b] {
                markdown_side(out, &look, c, id)?;
            }
            writeln!(out, "Why: {}\n", md(&c.explanation))?;
        }
    }
    markdown_notes(out, report)
}

/// One side of a pair in Markdown: the speaker, when and where, and each
/// field quoted with its evidence marked.
fn markdown_side(
    out: &mut impl Write,
    look: &Lookup<'_>,
    c: &Contradiction,
    id: &str,
) -> io::Result<()> {
    let Some(s) = look.get(id) else {
        return Ok(());
    };
    let ww = when_where(s);
    writeln!(
        out,
        "**{}**{} — `{}`\n",
        md(&look.speaker(id)),
        if ww.is_empty() {
            String::new()
        } else {
            format!(", {}", md(&ww))
        },
        id.replace('`', "'")
    )?;
    for (field, value, spans) in fields(c, s) {
        let mut line = String::new();
        for p in pieces(value, &spans) {
            match p {
                Piece::Plain(t) => line.push_str(&md(t)),
                Piece::Mark(Role::Cue, t) => line.push_str(&format!("**{}**", md(t))),
                Piece::Mark(Role::Target, t) => line.push_str(&format!("_{}_", md(t))),
                Piece::Mark(_, t) => line.push_str(&format!("`{}`", t.replace('`', "'"))),
            }
        }
        let label = if field == Field::Text {
            ""
        } else {
            "(context) "
        };
        writeln!(out, "> {label}{}\n", flat(&line))?;
    }
    Ok(())
}

/// The bounds reached and the records left out, as a Markdown list.
fn markdown_notes(out: &mut impl Write, report: &Report) -> io::Result<()> {
    if !report.bounds.is_empty() || !report.problems.is_empty() {
        writeln!(out, "## Notes\n")?;
        for b in &report.bounds {
            writeln!(out, "- {}", md(&b.message))?;
        }
        for p in &report.problems {
            writeln!(
                out,
                "- left out: {}: {}",
                md(&p.location.to_string()),
                md(&p.message)
            )?;
        }
    }
    Ok(())
}

/// `s` safe inside HTML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(ch),
        }
    }
    o
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
h2{border-bottom:2px solid #ccc;margin-top:2.5rem}\
.pair{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}\
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem}\
blockquote{margin:.3rem 0;padding:.3rem .8rem;border-left:4px solid #999;background:#fafafa}\
.meta{color:#555;font-size:.9em}\
mark.cue{background:#ffd86b}mark.target{background:#bfe3ff}mark.quantity{background:#c8f0c0}\
.why{font-style:italic}";

/// One self-contained HTML file: styles inline, no scripts, no links out.
pub fn html(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let look = Lookup::new(report);
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>gainsay report</title><style>{STYLE}</style></head><body>"
    )?;
    writeln!(
        out,
        "<h1>Contradictions</h1><p>{}.</p>",
        escape(&summary(report))
    )?;
    if !report.contradictions.is_empty() {
        writeln!(
            out,
            "<p class=\"meta\">Evidence: <mark class=\"cue\">stance cue</mark> \
             <mark class=\"target\">what it is about</mark> \
             <mark class=\"quantity\">figure</mark></p>"
        )?;
    }
    for ((x, y), members) in groups(report, &look) {
        writeln!(
            out,
            "<h2>{} vs {} <small>({})</small></h2>",
            escape(&x),
            escape(&y),
            count(members.len(), "contradiction", "contradictions")
        )?;
        for i in members {
            let c = &report.contradictions[i];
            writeln!(
                out,
                "<div class=\"pair\"><h3>{}. On {} <small>({}, score {:.2})</small></h3><div class=\"sides\">",
                i + 1,
                escape(&c.proposition),
                kind(c),
                c.score
            )?;
            for id in [&c.a, &c.b] {
                html_side(out, &look, c, id)?;
            }
            writeln!(
                out,
                "</div><p class=\"why\">{}</p></div>",
                escape(&c.explanation)
            )?;
        }
    }
    html_notes(out, report)?;
    writeln!(out, "</body></html>")
}

/// One side of a pair in HTML: the speaker, when and where, and each field
/// quoted with its evidence marked.
fn html_side(
    out: &mut impl Write,
    look: &Lookup<'_>,
    c: &Contradiction,
    id: &str,
) -> io::Result<()> {
    let Some(s) = look.get(id) else {
        return Ok(());
    };
    write!(
        out,
        "<div><strong>{}</strong><div class=\"meta\">{} <code>{}</code></div>",
        escape(&look.speaker(id)),
        escape(&when_where(s)),
        escape(id)
    )?;
    for (field, value, spans) in fields(c, s) {
        let mut q = String::new();
        for p in pieces(value, &spans) {
            match p {
                Piece::Plain(t) => q.push_str(&escape(t)),
                Piece::Mark(role, t) => {
                    let class = match role {
                        Role::Cue => "cue",
                        Role::Target => "target",
                        _ => "quantity",
                    };
                    q.push_str(&format!("<mark class=\"{class}\">{}</mark>", escape(t)));
                }
            }
        }
        let label = if field == Field::Text {
            ""
        } else {
            "<span class=\"meta\">context:</span> "
        };
        write!(out, "<blockquote>{label}{q}</blockquote>")?;
    }
    writeln!(out, "</div>")
}

/// The bounds reached and the records left out, as an HTML list.
fn html_notes(out: &mut impl Write, report: &Report) -> io::Result<()> {
    if !report.bounds.is_empty() || !report.problems.is_empty() {
        writeln!(out, "<h2>Notes</h2><ul>")?;
        for b in &report.bounds {
            writeln!(out, "<li>{}</li>", escape(&b.message))?;
        }
        for p in &report.problems {
            writeln!(
                out,
                "<li>left out: {}: {}</li>",
                escape(&p.location.to_string()),
                escape(&p.message)
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    Ok(())
}
