//! The one reader of the word lists: every `src/lexicon/*.txt` file is
//! named here, once, with the [`LexiconKind`] that extends it, and read
//! into its entry lines once per process ([`Lists::builtin`]). The
//! sections of the [`Lexicon`](super::Lexicon) (stance, actor, quantity,
//! extraction) are built from these lines, so a file two stages read
//! (titles, organisation words, group nouns) is read once, and a user's
//! entries ([`Lists::push`]) reach every stage that reads the list.

use crate::error::Error;

use super::LexiconKind;

/// One entry line of a list: comment stripped, trimmed, never empty.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The entry as written.
    pub(super) text: Box<str>,
    /// 1-based line number in its file, or in the text the user gave.
    line: u32,
    /// True for an entry given through the builder.
    user: bool,
}

impl Entry {
    /// The entry as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// An [`Error::Config`] for this line of list `kind`: which list (its
    /// file, or the builder's entries), which line, what is wrong.
    pub fn bad(&self, kind: LexiconKind, what: &str) -> Error {
        let list = if self.user {
            format!("lexicon entries for {}", kind.name())
        } else {
            format!("src/lexicon/{}", kind.file())
        };
        Error::Config {
            what: list,
            message: format!("line {}: {what}: {:?}", self.line, self.text),
        }
    }
}

/// Every list's entry lines, the built-in file first, then the user's.
#[derive(Debug, Clone)]
pub(crate) struct Lists {
    by_kind: Vec<Vec<Entry>>,
}

/// The entry lines of `text` with their 1-based line numbers: `#` starts
/// a comment, blank lines are skipped.
pub(crate) fn numbered(text: &str) -> impl Iterator<Item = (u32, &str)> {
    text.lines().enumerate().filter_map(|(n, line)| {
        let line = match line.find('#') {
            Some(i) => &line[..i],
            None => line,
        };
        let line = line.trim();
        (!line.is_empty()).then_some((n as u32 + 1, line))
    })
}

impl Lists {
    /// No entries at all.
    pub fn empty() -> Lists {
        Lists {
            by_kind: vec![Vec::new(); LexiconKind::ALL.len()],
        }
    }

    /// Every built-in file, each read once.
    pub fn builtin() -> Lists {
        let mut lists = Lists::empty();
        for &kind in LexiconKind::ALL {
            let text = builtin_text(kind);
            lists.by_kind[kind as usize] = numbered(text)
                .map(|(line, e)| Entry {
                    text: e.into(),
                    line,
                    user: false,
                })
                .collect();
        }
        lists
    }

    /// The entries of list `kind`.
    pub fn get(&self, kind: LexiconKind) -> &[Entry] {
        &self.by_kind[kind as usize]
    }

    /// The entries of list `kind`, to edit in a test.
    #[cfg(test)]
    pub fn by_kind_mut(&mut self, kind: LexiconKind) -> &mut Vec<Entry> {
        &mut self.by_kind[kind as usize]
    }

    /// Adds a user's entries (lexicon file syntax) to list `kind`; returns
    /// the index of the first new entry.
    pub fn push(&mut self, kind: LexiconKind, text: &str) -> usize {
        let list = &mut self.by_kind[kind as usize];
        let first = list.len();
        list.extend(numbered(text).map(|(line, e)| Entry {
            text: e.into(),
            line,
            user: true,
        }));
        first
    }
}

/// The list files, each with the kind that extends it: the one place a
/// list file is named.
macro_rules! files {
    ($($kind:ident => $file:literal,)*) => {
        impl LexiconKind {
            /// Every kind, one per list file.
            pub(crate) const ALL: &'static [LexiconKind] = &[$(LexiconKind::$kind),*];

            /// The file under `src/lexicon/` that holds the built-in list.
            pub(crate) fn file(self) -> &'static str {
                match self {
                    $(LexiconKind::$kind => $file,)*
                }
            }
        }

        /// The built-in text of list `kind`.
        fn builtin_text(kind: LexiconKind) -> &'static str {
            match kind {
                $(LexiconKind::$kind => include_str!($file),)*
            }
        }
    };
}

files! {
    Stop => "stopwords.txt",
    Negation => "negation.txt",
    NotNegation => "not_negations.txt",
    EmptyPhrase => "empty_phrases.txt",
    Reject => "reject.txt",
    Support => "support.txt",
    Hedge => "hedges.txt",
    Reporting => "reporting_verbs.txt",
    Frame => "frame.txt",
    Synonyms => "synonyms.txt",
    Antonyms => "antonyms.txt",
    Restrictor => "restrictors.txt",
    Evidential => "evidential.txt",
    Knowledge => "knowledge.txt",
    Attitude => "attitude.txt",
    MeasureVerb => "measure_verbs.txt",
    Aggregate => "aggregate_markers.txt",
    TimeScope => "time_scopes.txt",
    Superlative => "superlatives.txt",
    Comparison => "comparison_markers.txt",
    GrammarWord => "grammar_words.txt",
    Title => "titles.txt",
    TitleModifier => "title_modifiers.txt",
    OrgWord => "org_words.txt",
    OrgClass => "org_classes.txt",
    OrgPart => "org_parts.txt",
    GroupNoun => "group_nouns.txt",
    DocumentNoun => "document_nouns.txt",
    OutletSuffix => "outlet_suffixes.txt",
    Nickname => "nicknames.txt",
    NameParticle => "name_particles.txt",
    Pronoun => "pronouns.txt",
    ActorFunctionWord => "actor_function_words.txt",
    SpeechVerb => "speech_verbs.txt",
    ClauseWord => "clause_words.txt",
    PageLabel => "page_labels.txt",
    CompanyNoun => "company_nouns.txt",
    NumberWord => "number_words.txt",
    ScaleWord => "scale_words.txt",
    VagueMagnitude => "vague_magnitudes.txt",
    QuantityQualifier => "quantity_qualifiers.txt",
    QuantityUnit => "quantity_units.txt",
    MeasurementUnit => "measurement_units.txt",
    RateUnit => "rate_units.txt",
    Currency => "currencies.txt",
    CalendarWord => "calendar_words.txt",
    CountedWord => "counted_words.txt",
    ChangeVerb => "change_verbs.txt",
    RunningCount => "running_count_markers.txt",
    PronounOne => "pronoun_one.txt",
    LevelWord => "level_words.txt",
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list file under `src/lexicon/` has a kind, and every file
    /// opens with a header comment saying what it holds.
    #[test]
    fn every_file_has_a_kind_and_a_header() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lexicon");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|f| f.ends_with(".txt"))
            .collect();
        files.sort();
        // The sentence splitter (`text`, below the lexicon) reads its own list.
        files.retain(|f| f != "abbreviations.txt");
        let mut named: Vec<&str> = LexiconKind::ALL.iter().map(|k| k.file()).collect();
        named.sort_unstable();
        assert_eq!(files, named);
        for &kind in LexiconKind::ALL {
            let text = std::fs::read_to_string(dir.join(kind.file())).unwrap();
            assert!(text.starts_with("# "), "{} has no header", kind.file());
        }
    }

    #[test]
    fn numbered_lines_skip_comments_and_blanks() {
        let got: Vec<_> = numbered("# head\n\nrule out  # verb\n  deny\n").collect();
        assert_eq!(got, [(3, "rule out"), (4, "deny")]);
    }

    #[test]
    fn a_bad_entry_names_its_list_and_line() {
        let mut lists = Lists::builtin();
        let first = lists.push(LexiconKind::Antonyms, "# mine\nunfair\n");
        let e = lists.get(LexiconKind::Antonyms)[first].bad(LexiconKind::Antonyms, "one word");
        assert_eq!(
            e.to_string(),
            "lexicon entries for antonyms: line 2: one word: \"unfair\""
        );
        let e = lists.get(LexiconKind::Antonyms)[0].bad(LexiconKind::Antonyms, "x");
        assert!(e.to_string().starts_with("src/lexicon/antonyms.txt: line "));
    }
}
