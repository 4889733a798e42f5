//! A synthetic corpus of news-like statements, deterministic from a seed, for
//! scale tests and benchmarks: many actors, topics of Zipf-like sizes (a few
//! huge, a long tail), paraphrases, negations, hedges, figures and dates, and
//! planted contradictions whose ids it lists so a run can check it still
//! finds them at scale.
//!
//! The vocabulary is invented or plain general English; it names no real
//! actor or event.

use crate::record::{Date, Statement};

/// Options of the generator.
///
/// # Examples
/// ```
/// use gainsay::synth::{generate, SynthConfig};
/// let corpus = generate(&SynthConfig { statements: 500, seed: 7, ..SynthConfig::default() });
/// assert_eq!(corpus.statements.len(), 500);
/// assert!(!corpus.planted.is_empty());
/// // Deterministic: the same seed gives the same corpus.
/// let again = generate(&SynthConfig { statements: 500, seed: 7, ..SynthConfig::default() });
/// assert_eq!(corpus.statements, again.statements);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SynthConfig {
    /// How many statements to write.
    pub statements: usize,
    /// Random seed.
    pub seed: u64,
    /// Number of distinct topics (propositions).
    pub topics: usize,
    /// Number of actors (past about 35,000, some share a name under different titles).
    pub actors: usize,
    /// Zipf exponent of topic sizes (1.0 = classic Zipf).
    pub zipf: f64,
    /// One statement in this many starts a planted contradiction pair.
    pub planted_every: usize,
}

impl Default for SynthConfig {
    fn default() -> SynthConfig {
        SynthConfig {
            statements: 10_000,
            seed: 1,
            topics: 0,
            actors: 0,
            zipf: 1.05,
            planted_every: 50,
        }
    }
}

/// A generated corpus and the pairs planted in it.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthCorpus {
    /// The statements, in order.
    pub statements: Vec<Statement>,
    /// Ids of the planted contradiction pairs (smaller id first).
    pub planted: Vec<(String, String)>,
}

/// splitmix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const FIRST: &[&str] = &[
    "Ana", "Bo", "Cai", "Dara", "Eli", "Fen", "Gia", "Hal", "Ivo", "Jun", "Kai", "Lea", "Mio",
    "Nia", "Oto", "Pia", "Quin", "Rae", "Sol", "Tuo", "Uma", "Vik", "Wen", "Xia", "Yul", "Zed",
];
const SYLLABLES: &[&str] = &[
    "mar", "ten", "vol", "dri", "kas", "pel", "run", "sov", "tam", "bex", "lor", "nim", "qua",
    "zet", "hal", "gor", "fin", "dus", "wen", "yot",
];
/// Surname syllables: a set of their own, so that no surname is a topic word.
const SURNAME: &[&str] = &[
    "ab", "ek", "ib", "og", "ul", "ar", "es", "ir", "on", "uz", "am", "et", "is", "ov", "ur",
];
const TITLES: &[&str] = &[
    "Minister",
    "Senator",
    "Governor",
    "Mayor",
    "Director",
    "Spokesperson",
    "Chair",
];
const VERBS: &[(&str, &str)] = &[
    ("send", "dispatch"),
    ("build", "construct"),
    ("close", "shut"),
    ("raise", "increase"),
    ("cut", "reduce"),
    ("ban", "prohibit"),
    ("approve", "endorse"),
    ("fund", "finance"),
    ("open", "launch"),
    ("sell", "privatize"),
];
const OBJECTS: &[&str] = &[
    "troops",
    "bridge",
    "tax",
    "port",
    "school",
    "hospital",
    "pipeline",
    "tariff",
    "railway",
    "dam",
    "mine",
    "airport",
    "factory",
    "reactor",
    "canal",
    "stadium",
    "prison",
    "clinic",
    "museum",
    "library",
    "highway",
    "tunnel",
    "refinery",
    "harbour",
    "market",
    "park",
    "tower",
    "station",
    "reservoir",
    "farm",
    "forest",
    "embassy",
    "festival",
    "levy",
    "subsidy",
    "pension",
    "license",
    "quota",
    "treaty",
    "program",
];
const PLACES: &[&str] = &[
    "north", "coast", "valley", "capital", "border", "delta", "islands", "plateau", "harbour",
];
const HEDGES: &[&str] = &["probably", "possibly", "perhaps"];
const COUNTED: &[(&str, &str)] = &[
    ("people", "died"),
    ("workers", "were hired"),
    ("families", "were evacuated"),
    ("homes", "were damaged"),
];
const SOURCES: &[&str] = &["wire", "gazette", "herald", "courier", "tribune", "ledger"];

/// A pseudo-word from syllables: rare, specific topic words.
fn coin(rng: &mut Rng, parts: usize) -> String {
    (0..parts).map(|_| rng.pick(SYLLABLES)).collect()
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

struct Topic {
    verb: (&'static str, &'static str),
    object: String,
    place: String,
    counted: (&'static str, &'static str),
    figure: u64,
}

/// Generates a corpus.
pub fn generate(cfg: &SynthConfig) -> SynthCorpus {
    let mut rng = Rng(cfg.seed ^ 0x5EED_5EED);
    let n = cfg.statements;
    let n_topics = if cfg.topics > 0 {
        cfg.topics
    } else {
        (n / 20).max(8)
    };
    let n_actors = if cfg.actors > 0 {
        cfg.actors
    } else {
        (n / 10).max(8)
    };
    let actors = make_actors(&mut rng, n_actors);
    let topics = make_topics(&mut rng, n_topics);
    let cdf = zipf_cdf(n_topics, cfg.zipf);
    let mut statements = Vec::with_capacity(n);
    let mut planted = Vec::new();
    let base = Date {
        year: 2024,
        month: 1,
        day: 1,
    }
    .ordinal();
    let mut i = 0;
    while statements.len() < n {
        let u = rng.unit();
        let t = cdf.partition_point(|&c| c < u).min(n_topics - 1);
        let topic = &topics[t];
        let ai = rng.below(n_actors);
        let date = date_from(base + rng.below(700) as i64);
        let source = SOURCES[rng.below(SOURCES.len())];
        let plant =
            cfg.planted_every > 0 && i % cfg.planted_every == 0 && statements.len() + 2 <= n;
        if plant {
            let pair = planted_pair(&mut rng, &actors, ai, topic, date, source, statements.len());
            planted.push((pair[0].id.clone(), pair[1].id.clone()));
            statements.extend(pair);
        } else {
            let id = format!("syn-{:07}", statements.len());
            let text = plain_text(&mut rng, topic);
            statements.push(
                Statement::new(id, Some(&actors[ai]), text)
                    .with_date(date)
                    .with_source(source),
            );
        }
        i += 1;
    }
    SynthCorpus {
        statements,
        planted,
    }
}

/// `n` actors: a title, a given name and a coined surname each.
fn make_actors(rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            format!(
                "{} {} {}",
                TITLES[i % TITLES.len()],
                FIRST[rng.below(FIRST.len())],
                capitalize(&format!(
                    "{}{}{}",
                    rng.pick(SURNAME),
                    rng.pick(SURNAME),
                    rng.pick(&["sen", "dottir", "ova", "ez", "ic", "berg"])
                ))
            )
        })
        .collect()
}

/// `n` topics: a verb pair, a coined object and place, a counted noun and
/// a figure.
fn make_topics(rng: &mut Rng, n: usize) -> Vec<Topic> {
    (0..n)
        .map(|_| Topic {
            verb: VERBS[rng.below(VERBS.len())],
            object: format!("{} {}", coin(rng, 3), rng.pick(OBJECTS)),
            place: format!("{} of {}", rng.pick(PLACES), capitalize(&coin(rng, 3))),
            counted: COUNTED[rng.below(COUNTED.len())],
            figure: 100 + rng.next() % 90_000,
        })
        .collect()
}

/// Zipf-like topic weights as a cumulative distribution, sampled by its
/// inverse.
fn zipf_cdf(n_topics: usize, zipf: f64) -> Vec<f64> {
    let weights: Vec<f64> = (0..n_topics)
        .map(|k| 1.0 / ((k + 1) as f64).powf(zipf))
        .collect();
    let total: f64 = weights.iter().sum();
    let mut cdf = Vec::with_capacity(n_topics);
    let mut acc = 0.0;
    for w in &weights {
        acc += w / total;
        cdf.push(acc);
    }
    cdf
}

/// A planted pair, numbered from `at`: a proposition of its own (a coined
/// object and place), asserted by actor `ai` and rejected by another
/// person (at scale some actors share a name, titles differing, and one
/// name is one person to any reader).
fn planted_pair(
    rng: &mut Rng,
    actors: &[String],
    ai: usize,
    topic: &Topic,
    date: Date,
    source: &str,
    at: usize,
) -> [Statement; 2] {
    fn name(a: &str) -> &str {
        a.split_once(' ').map_or("", |(_, n)| n)
    }
    let n_actors = actors.len();
    let actor = &actors[ai];
    let object = format!("{} {}", coin(rng, 3), rng.pick(OBJECTS));
    let place = format!("{} of {}", rng.pick(PLACES), capitalize(&coin(rng, 3)));
    let mut other = &actors[(ai + 1 + rng.below(n_actors - 1)) % n_actors];
    for _ in 0..8 {
        if name(other) != name(actor) {
            break;
        }
        other = &actors[(ai + 1 + rng.below(n_actors - 1)) % n_actors];
    }
    let (v, v2) = topic.verb;
    let a = Statement::new(
        format!("syn-{at:07}"),
        Some(actor),
        format!("We will {v} the {object} in the {place}."),
    )
    .with_date(date)
    .with_source(source);
    let b = Statement::new(
        format!("syn-{:07}", at + 1),
        Some(other),
        format!("The government will not {v2} the {object} in the {place}, that is ruled out."),
    )
    .with_date(date)
    .with_source(SOURCES[(rng.below(SOURCES.len()) + 1) % SOURCES.len()]);
    [a, b]
}

/// The text of a statement on `topic` that is no planted pair: a figure,
/// a hedge, a rare denial, a report, a conditional, or a plain promise.
fn plain_text(rng: &mut Rng, topic: &Topic) -> String {
    let (v, v2) = topic.verb;
    let verb = if rng.below(3) == 0 { v2 } else { v };
    match rng.below(10) {
        0 => format!(
            "About {} {} {} near the {} {}.",
            topic.figure, topic.counted.0, topic.counted.1, topic.place, topic.object
        ),
        1 => format!(
            "The plan to {verb} the {} in the {} is {} going ahead.",
            topic.object,
            topic.place,
            rng.pick(HEDGES)
        ),
        2 if rng.below(200) == 0 => format!(
            "We have no plans to {verb} the {} in the {}.",
            topic.object, topic.place
        ),
        3 => format!(
            "Officials said they would {verb} the {} in the {} next year.",
            topic.object, topic.place
        ),
        4 => format!(
            "If the budget allows, we could {verb} the {} in the {}.",
            topic.object, topic.place
        ),
        _ => format!(
            "We will {verb} the {} in the {}, and we will do it soon.",
            topic.object, topic.place
        ),
    }
}

fn date_from(ordinal: i64) -> Date {
    // Inverse of Date::ordinal (days since 0000-03-01).
    let z = ordinal;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    Date {
        year: y as u16,
        month: m as u8,
        day: d as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_ordinals() {
        for s in ["2024-01-01", "2024-02-29", "2025-12-31", "2000-03-01"] {
            let d: Date = s.parse().unwrap();
            assert_eq!(date_from(d.ordinal()), d, "{s}");
        }
    }

    #[test]
    fn topic_sizes_are_skewed() {
        let c = generate(&SynthConfig {
            statements: 5_000,
            seed: 3,
            planted_every: 0,
            ..SynthConfig::default()
        });
        let mut counts = std::collections::HashMap::new();
        for s in &c.statements {
            let words: Vec<&str> = s.text.split_whitespace().collect();
            if let Some(i) = words.iter().position(|w| *w == "the") {
                *counts
                    .entry(words.get(i + 1).copied().unwrap_or(""))
                    .or_insert(0) += 1;
            }
        }
        let mut v: Vec<i32> = counts.into_values().collect();
        v.sort_unstable_by(|a, b| b.cmp(a));
        assert!(v[0] > 10 * v[v.len() / 2], "{:?}", &v[..10.min(v.len())]);
    }

    #[test]
    fn planted_pairs_are_listed_and_exist() {
        let c = generate(&SynthConfig {
            statements: 1_000,
            seed: 9,
            ..SynthConfig::default()
        });
        let ids: std::collections::HashSet<&str> =
            c.statements.iter().map(|s| s.id.as_str()).collect();
        assert!(c.planted.len() >= 10);
        for (a, b) in &c.planted {
            assert!(ids.contains(a.as_str()) && ids.contains(b.as_str()));
        }
    }
}
