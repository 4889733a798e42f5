//! Reading: one statement read once. Its text and context are each cut into
//! words once, and those words give its claims (stance) and, per figure,
//! what the figure measures (measure). The batch run, the live index and the
//! normalization bench all read a statement through [`normalize`].

use crate::lexicon::Lexicon;
use crate::measure::{self, Measure};
use crate::stance::{self, Claim, Field, Scanned, StanceContext};

/// One statement as the normalizer read it: its claims, and per claim, per
/// figure, what the figure measures; with its text and context as they
/// were cut into words, so that what else is read from its words (the
/// proper names it mentions, the live index's word table) does not cut
/// them again.
pub(crate) struct Normalized<'a> {
    pub claims: Vec<Claim>,
    pub measures: Vec<Vec<Measure>>,
    text: Scanned<'a>,
    context: Option<stance::Context<'a>>,
    /// The lexicon it was read with: its names are read with it too.
    lexicon: &'a Lexicon,
}

impl<'a> Normalized<'a> {
    /// The proper names the statement mentions, text then context.
    pub fn names(&self) -> Vec<&str> {
        measure::names_mentioned(&self.lexicon.quantity, &self.text, self.context.as_ref())
    }

    /// The context and its words, as it was cut (once, whoever asked
    /// first).
    pub fn context_words(&self) -> Option<(&'a str, &[crate::text::Token<'a>])> {
        self.context.as_ref().map(|c| (c.text, c.tokens()))
    }

    /// The words of the text, then those of the context, that a person's
    /// name could change the reading of: all but the stop words (a stop
    /// word is never content, whoever bears it), which are left out where
    /// the scan knows them (a context read only for its words keeps all).
    pub fn name_words(&self) -> impl Iterator<Item = &crate::text::Token<'a>> {
        let context = self
            .context
            .as_ref()
            .map(stance::Context::words_but_known_stop)
            .unwrap_or_default();
        self.text.words_but_stop().chain(context)
    }
}

/// Normalization of one statement (see [`Normalized`]). The batch run, the
/// live index and the normalization bench all read a statement through
/// this.
pub(crate) fn normalize<'a>(
    cx: &StanceContext<'a>,
    text: &'a str,
    context: Option<&'a str>,
) -> Normalized<'a> {
    // Text and context are each read once, for the claims and for the
    // figure measures alike.
    let text = Scanned::new(cx.lexicon, text, Field::Text);
    let context = context.map(stance::Context::new);
    let mut claims = stance::claims_of(cx, &text, context.as_ref());
    measure::add_rate_terms(&mut claims, cx.lexicon);
    measure::add_marks(&mut claims, &text);
    let measures = measure::measures(cx, &text, context.as_ref(), &claims);
    Normalized {
        claims,
        measures,
        text,
        context,
        lexicon: cx.lexicon,
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;
    use crate::text::cuts;

    /// Invented statements with contexts, each of which needs its context:
    /// an answer with no content of its own, a text with no cue at all,
    /// figures (whose measures read the context's topic).
    const STATEMENTS: &[(&str, &str)] = &[
        (
            "That's fine by us.",
            "Asked whether the county would close the ferry line in May, the clerk said: \"That's fine by us.\"",
        ),
        (
            "Send the grain back to the mill.",
            "The mill's owner wrote to the port board, which said it would not take the grain.",
        ),
        (
            "About 4,000 riders used the ferry on Monday, up from 3,100.",
            "The ferry line reopened after the floods, the county said on Tuesday.",
        ),
        (
            "No, absolutely not. We will not sell the 12 boats.",
            "Asked about selling boats, the ferry chief replied: \"No, absolutely not.\"",
        ),
    ];

    /// Invariant 10: normalization cuts each field into words once and
    /// into sentences at most once, whatever later reads it (claims,
    /// figures, measures, names, the live index's words).
    #[test]
    fn each_field_is_cut_once() {
        crate::stance::with_test_context(|cx| {
            // Lexicons load (and cut their phrases) on first use.
            drop(normalize(cx, STATEMENTS[0].0, Some(STATEMENTS[0].1)));
            let n = 25;
            let (words, sentences) = cuts::count();
            let scans = cuts::clause_scans();
            for _ in 0..n {
                for &(text, context) in STATEMENTS {
                    let read = normalize(cx, text, Some(context));
                    assert!(!read.claims.is_empty(), "{text}");
                    assert!(read.names().len() + read.name_words().count() > 0);
                }
            }
            let (words_after, sentences_after) = cuts::count();
            let fields = 2 * n * STATEMENTS.len();
            assert_eq!(words_after - words, fields, "word cuts");
            assert_eq!(sentences_after - sentences, fields, "sentence cuts");
            // Each field is cut into clauses and scanned at most once: the
            // context's scan serves both the terms a text borrows and its
            // own claims (the figures' topic).
            assert!(cuts::clause_scans() - scans <= fields, "clause scans");
            for &(text, context) in STATEMENTS {
                let before = cuts::clause_scans();
                let read = normalize(cx, text, Some(context));
                let n = cuts::clause_scans() - before;
                let borrows = read.claims.iter().any(|c| c.borrowed);
                let figures = read.claims.iter().any(|c| !c.figures.is_empty());
                let want = 1 + usize::from(borrows || figures);
                assert_eq!(n, want, "{text}: clause scans");
            }
        })
    }
}
