//! A user-supplied list of known actors and their aliases.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::text::fold;

/// One known actor: its canonical name, the other names it goes by, and
/// optionally what it belongs to.
///
/// # Examples
/// ```
/// let g = gainsay::Gazetteer::from_json(
///     r#"[{"name": "Alma Reyes", "aliases": ["A. Reyes"], "affiliation": "Ministry of Health"}]"#,
/// ).unwrap();
/// assert_eq!(g.entries()[0].aliases, ["A. Reyes"]);
/// assert_eq!(g.entries()[0].affiliation.as_deref(), Some("Ministry of Health"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GazetteerEntry {
    /// Canonical name.
    pub name: String,
    /// Other names (nicknames, spellings, acronyms).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The organization the actor belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

/// Known actors and their aliases. An actor string equal to an alias (case
/// and diacritics folded, a leading "the" ignored, titles stripped) takes the
/// entry's canonical name; the canonical names also join the corpus, so a
/// surname alone resolves to them.
///
/// # Examples
/// ```
/// use gainsay::{normalize_actors, Gazetteer, Statement};
/// let g = Gazetteer::from_json(
///     r#"[{"name": "Northern Rail Authority", "aliases": ["NoRA", "the rail regulator"]}]"#,
/// ).unwrap();
/// let s = Statement::new("a", Some("the rail regulator"), "Fares will rise.");
/// let actors = normalize_actors(&[s], Some(&g));
/// assert_eq!(&*actors[0].id, "northern rail authority");
/// assert_eq!(&*actors[0].name, "Northern Rail Authority");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<GazetteerEntry>,
    /// Folded alias or canonical name → entry index.
    index: HashMap<String, usize>,
}

impl Gazetteer {
    /// Reads a gazetteer from JSON: a list of
    /// `{"name": canonical, "aliases": [..], "affiliation": optional}`.
    /// An empty name, or an alias claimed by two entries, is an
    /// [`Error::Config`].
    ///
    /// # Examples
    /// ```
    /// use gainsay::Gazetteer;
    /// assert!(Gazetteer::from_json(r#"[{"name": "Alma Reyes"}]"#).is_ok());
    /// assert!(Gazetteer::from_json(r#"[{"name": ""}]"#).is_err());
    /// assert!(Gazetteer::from_json(r#"{"name": "not a list"}"#).is_err());
    /// let dup = r#"[{"name": "A B", "aliases": ["x"]}, {"name": "C D", "aliases": ["X"]}]"#;
    /// assert!(Gazetteer::from_json(dup).is_err());
    /// ```
    pub fn from_json(json: &str) -> Result<Gazetteer, Error> {
        let config = |message: String| Error::Config {
            what: "gazetteer".to_owned(),
            message,
        };
        let entries: Vec<GazetteerEntry> =
            serde_json::from_str(json).map_err(|e| config(format!("malformed JSON: {e}")))?;
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let canon = alias_key(&e.name);
            if canon.is_empty() {
                return Err(config(format!("entry {}: empty name", i + 1)));
            }
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                let key = alias_key(name);
                if key.is_empty() {
                    return Err(config(format!("entry {}: empty alias", i + 1)));
                }
                if let Some(&j) = index.get(&key) {
                    if j != i {
                        return Err(config(format!(
                            "alias {name:?} belongs to both {:?} and {:?}",
                            entries[j].name, e.name
                        )));
                    }
                }
                index.insert(key, i);
            }
        }
        Ok(Gazetteer { entries, index })
    }

    /// The entries, in file order.
    ///
    /// # Examples
    /// ```
    /// let g = gainsay::Gazetteer::from_json(r#"[{"name": "Alma Reyes"}]"#).unwrap();
    /// assert_eq!(g.entries()[0].name, "Alma Reyes");
    /// ```
    pub fn entries(&self) -> &[GazetteerEntry] {
        &self.entries
    }

    /// The entry a name or alias belongs to (folded match).
    pub(crate) fn lookup(&self, name: &str) -> Option<&GazetteerEntry> {
        let key = alias_key(name);
        if key.is_empty() {
            return None;
        }
        self.index.get(&key).map(|&i| &self.entries[i])
    }
}

/// Folded words of a name, a leading determiner dropped, joined by spaces.
/// A gazetteer is built with no detector, so the articles are the built-in
/// list's.
pub(crate) fn alias_key(name: &str) -> String {
    let folded = fold(name);
    let mut words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '@'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && crate::lexicon::actor::ActorLexicon::get().is_alias_article(words[0]) {
        words.remove(0);
    }
    words.join(" ")
}
