//! Tests of actor normalization. Every name here is invented.

use proptest::prelude::*;

use std::sync::Arc;

use super::*;
use crate::lexicon::{Lexicon, LexiconKind};

/// Resolves with the clues cut here ([`Clues::Cut`]), and checks that the
/// clues read from each whole context's tokens, as the detector hands
/// them over ([`Clues::Given`]), resolve alike.
fn resolve(
    lx: &lex::ActorLexicon,
    inputs: &[ActorInput<'_>],
    gazetteer: Option<&Gazetteer>,
) -> (Vec<Actor>, Vec<crate::Bound>) {
    let cut = super::resolve(lx, inputs, gazetteer, Clues::Cut);
    let mentions = Mentions::of(lx, inputs.iter().filter_map(|i| i.actor));
    let given: Vec<(u32, ContextClue)> = inputs
        .iter()
        .enumerate()
        .filter_map(|(k, i)| {
            let c = i.context?;
            let clue = mentions.clue(lx, i.actor, c, &crate::text::words(c))?;
            Some((k as u32, clue))
        })
        .collect();
    let given = super::resolve(lx, inputs, gazetteer, Clues::Given(given));
    assert_eq!(cut, given, "clues given and clues cut");
    cut
}

/// One record: actor, source, context, date.
type R<'a> = (
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

fn run_with(records: &[R<'_>], gazetteer: Option<&Gazetteer>) -> Vec<Actor> {
    let inputs: Vec<ActorInput<'_>> = records
        .iter()
        .map(|&(actor, source, context, date)| ActorInput {
            actor,
            source,
            context,
            text: "",
            date: date.map(|d| d.parse().expect("test date")),
        })
        .collect();
    let out = resolve(lex::ActorLexicon::get(), &inputs, gazetteer).0;
    assert_eq!(out.len(), records.len());
    out
}

fn ids(records: &[R<'_>]) -> Vec<String> {
    run_with(records, None)
        .into_iter()
        .map(|a| a.id.to_string())
        .collect()
}

fn a(actor: &str) -> R<'_> {
    (Some(actor), None, None, None)
}

/// `raw actor => expected id`, each resolved alone.
macro_rules! alone {
    ($($raw:expr => $id:expr),* $(,)?) => {$(
        assert_eq!(ids(&[a($raw)])[0], $id, "actor {:?}", $raw);
    )*};
}

/// Each line: a small corpus of actors, all of one actor (`same`) or all
/// different (`diff`).
macro_rules! corpus {
    (same $($raw:expr),+) => {{
        let got = ids(&[$(a($raw)),+]);
        assert!(got.iter().all(|g| g == &got[0]), "expected one actor: {got:?}");
    }};
    (diff $($raw:expr),+) => {{
        let got = ids(&[$(a($raw)),+]);
        let set: std::collections::HashSet<_> = got.iter().collect();
        assert_eq!(set.len(), got.len(), "expected distinct actors: {got:?}");
    }};
}

#[test]
fn titles_and_roles_are_stripped() {
    alone! {
        "President Alma Reyes" => "alma reyes",
        "former President Alma Reyes" => "alma reyes",
        "Secretary of State Tomas Lind" => "tomas lind",
        "Secretary of War Tomas Lind" => "tomas lind",
        "Freedonian President Alma Reyes" => "alma reyes",
        "Deputy Foreign Minister Ivan Petrov" => "ivan petrov",
        "Palace spokesman Ivan Petrov" => "ivan petrov",
        "Union foreign policy chief Ivan Petrov" => "ivan petrov",
        "GHA Director-General Ivan Petrov" => "ivan petrov",
        "Gov. Ivan Petrov" => "ivan petrov",
        "Dr Ivan Petrov" => "ivan petrov",
        "Treasury Chair Ivan Petrov" => "ivan petrov",
        "Palace press secretary Ivan Petrov" => "ivan petrov",
        "climate expert Ivan Petrov" => "ivan petrov",
        "Central City Bank President Ivan Petrov" => "ivan petrov",
        "Acting Interior Secretary Ivan Petrov" => "ivan petrov",
        "Greta Q. Moss" => "greta moss",
    }
}

#[test]
fn appositives_and_possessives_keep_the_person() {
    alone! {
        "Freedonia’s envoy to the Union, Ivan Petrov" => "ivan petrov",
        "Ivan Petrov, the Freedonian ambassador to the Council" => "ivan petrov",
        "Freedonian Ambassador to Sylvania, Ivan Petrov" => "ivan petrov",
        "Sylvania’s transport minister, Ivan Petrov" => "ivan petrov",
        "GHA’s Greta Van Dijk" => "greta van dijk",
        "Acme’s chief executive Ivan Petrov" => "ivan petrov",
        "Freedonia’s Health Minister Lin Wei-ming" => "lin wei-ming",
    }
}

#[test]
fn organizations_groups_and_documents() {
    alone! {
        "Rosalía Núñez" => "rosalia nunez",
        "Sylvanian officials" => "sylvanian officials",
        "Officials" => "officials",
        "experts" => "experts",
        "critics in Parliament and rights groups" => "critics",
        "A classified Treasury Department memo" => "treasury department",
        "The WBC report" => "wbc",
        "WBC News" => "wbc",
        "the Northern Rail Authority" => "northern rail authority",
        "Acme Airlines" => "acme airlines",
        "the Kingdom of Sylvania" => "kingdom of sylvania",
        "Freedonia’s Defence Ministry" => "freedonia defence ministry",
        "@nra" => "nra",
        "a senior official" => "senior official",
    }
}

#[test]
fn null_actor_is_the_source_voice() {
    let got = run_with(
        &[
            (None, Some("Daily Ledger"), None, None),
            (None, None, None, None),
        ],
        None,
    );
    assert_eq!(&*got[0].id, "source:Daily Ledger");
    assert_eq!(got[0].kind, ActorKind::Source);
    assert_eq!(&*got[1].id, "source:unknown");
}

#[test]
fn short_names_join_the_unique_fuller_name() {
    corpus!(same "President Alma Reyes", "Reyes", "Alma Reyes");
    corpus!(same "Health Minister Lin Wei-ming", "Lin");
    corpus!(same "Dr Tao", "climate expert Tao Jianping");
    corpus!(same "Hadera Abebe Gebremariam", "Hadera Abebe", "Dr Hadera");
    corpus!(same "Mayor Carla Inés Vega", "Ines Vega", "Vega");
    corpus!(diff "Alma Reyes", "Tomas Reyes", "Reyes");
}

#[test]
fn spelling_variants_and_nicknames_merge() {
    corpus!(same "Pavel Ryazanov", "Pavel Riazanov");
    corpus!(same "Marta Kovalenko", "Marta Kovalenkoo");
    corpus!(same "Steve Hollis", "Stephen Hollis");
    corpus!(same "Bill Orton", "William Orton");
    corpus!(same "Tomáš Šedivý", "Tomas Sedivy");
}

/// Spelling variants chain: a linked set of names is one person only when
/// one name is linked to all the others (a centre), whatever the order.
#[test]
fn a_chain_of_spellings_without_a_centre_is_a_crowd() {
    // Each is two letters from the next; Halvarsan is within two of both
    // the others, so the three are one person.
    corpus!(same "Rina Halvorsen", "Rina Halvarsan", "Rina Hulvarsun");
    corpus!(same "Rina Hulvarsun", "Rina Halvorsen", "Rina Halvarsan");
    // A fourth link makes a path with no centre: four people.
    corpus!(diff "Rina Halvorsen", "Rina Halvarsan", "Rina Hulvarsun", "Rina Hulvurzun");
    corpus!(diff "Rina Hulvurzun", "Rina Halvarsan", "Rina Halvorsen", "Rina Hulvarsun");
    // Given names chain with surnames: Bill ~ William, and a centre.
    corpus!(same "Bill Halvorsen", "William Halvorsen", "William Halvorsan");
}

#[test]
fn different_people_and_orgs_stay_apart() {
    corpus!(diff "Pavel Ryazanov", "Pavel Lebedev");
    corpus!(diff "Alma Reyes", "Reyes Group");
    corpus!(diff "Sylvanian officials", "Officials");
    corpus!(diff "Sylvanian officials", "a senior official");
    corpus!(diff "the Northern Rail Authority", "Alma Reyes");
}

#[test]
fn acronyms_and_outlets_merge_with_their_organization() {
    corpus!(same "the NRA", "the Northern Rail Authority", "NRA");
    corpus!(same "WBC", "WBC News", "The WBC report");
    corpus!(same "the CBF’s Executive Board", "the Central Bank of Freedonia");
    corpus!(same "Avalon researchers", "the Avalon study");
    corpus!(same "GHA", "Global Health Assembly");
}

#[test]
fn pronouns_take_the_last_person_of_the_same_source() {
    let got = ids(&[
        (Some("Minister Alma Reyes"), Some("A"), None, None),
        (Some("she"), Some("B"), None, None),
        (Some("She"), Some("A"), None, None),
        (Some("the Northern Rail Authority"), Some("A"), None, None),
        (Some("he"), Some("A"), None, None),
        (Some("they"), Some("C"), None, None),
        (Some("they"), Some("C"), None, None),
    ]);
    assert_eq!(got[2], "alma reyes");
    assert_eq!(got[4], "alma reyes");
    assert!(got[1].starts_with("unresolved:"), "{got:?}");
    assert_ne!(got[5], got[6]);
}

#[test]
fn descriptors_resolve_from_context() {
    let got = ids(&[
        (
            Some("the agency"),
            None,
            Some("The NRA said it would act."),
            None,
        ),
        (Some("the Northern Rail Authority"), None, None, None),
        (
            Some("Sylvania’s president"),
            None,
            Some("Sylvanian President Ivan Petrov told reporters."),
            None,
        ),
        (Some("Ivan Petrov"), None, None, None),
        (
            Some("the ministry"),
            None,
            Some("Freedonia’s health ministry said on Monday."),
            None,
        ),
        (Some("Freedonia’s Health Ministry"), None, None, None),
        (
            Some("the commission"),
            None,
            Some("In a notice, the Avalon City Water Commission said so."),
            None,
        ),
        (Some("Avalon City Water Commission"), None, None, None),
        (
            Some("the government"),
            None,
            Some("the Freedonian government argued it was right."),
            None,
        ),
        (Some("the Freedonian government"), None, None, None),
    ]);
    for pair in got.chunks(2) {
        assert_eq!(pair[0], pair[1], "{got:?}");
    }
}

#[test]
fn descriptors_resolve_from_the_corpus() {
    // Same role, present tense: the former holder is skipped.
    let got = ids(&[
        (
            Some("Prime Minister Alma Reyes"),
            Some("A"),
            None,
            Some("2020-01-01"),
        ),
        (
            Some("former prime minister Tomas Lind"),
            Some("B"),
            None,
            Some("2020-01-03"),
        ),
        (
            Some("the Prime Minister"),
            Some("C"),
            None,
            Some("2020-01-03"),
        ),
    ]);
    assert_eq!(got[2], "alma reyes");
    // A qualifier match (initials) wins over a nearer date.
    let got = ids(&[
        (
            Some("Central Bank of Freedonia Governor Ivan Petrov"),
            None,
            None,
            Some("2021-01-01"),
        ),
        (Some("Gov. Carla Vega"), None, None, Some("2021-01-02")),
        (Some("the CBF governor"), None, None, Some("2021-01-02")),
    ]);
    assert_eq!(got[2], "ivan petrov");
    // Otherwise the nearest date.
    let got = ids(&[
        (Some("Gov. Carla Vega"), None, None, Some("2018-01-01")),
        (Some("Gov. Ivan Petrov"), None, None, Some("2021-01-01")),
        (Some("the governor"), None, None, Some("2018-02-01")),
    ]);
    assert_eq!(got[2], "carla vega");
    corpus!(same "Smuggler operatives", "an operative");
    corpus!(same "a senior ministry official", "the official");
    corpus!(same "the Treasury chair", "Treasury Chair Ivan Petrov");
    // No match: its own actor.
    assert_eq!(ids(&[a("the administration")])[0], "administration");
}

#[test]
fn gazetteer_aliases_win() {
    let g = Gazetteer::from_json(
        r#"[{"name": "Alma Reyes", "aliases": ["The Iron Lady of Avalon"]},
            {"name": "Northern Rail Authority", "aliases": ["the rail regulator"]}]"#,
    )
    .unwrap();
    let got = run_with(
        &[
            a("The Iron Lady of Avalon"),
            a("Reyes"),
            a("the rail regulator"),
        ],
        Some(&g),
    );
    assert_eq!(&*got[0].id, "alma reyes");
    assert_eq!(&*got[1].id, "alma reyes");
    assert_eq!(&*got[2].id, "northern rail authority");
    assert_eq!(got[2].kind, ActorKind::Organization);
}

#[test]
fn odd_inputs_do_not_panic() {
    let long = "Minister ".repeat(5000) + "Alma Reyes";
    let got = ids(&[
        a(""),
        a("   "),
        a("?!,;"),
        a("🙂🙂"),
        a("الرئيس أحمد"),
        a(&long),
        a("’s"),
        a("the"),
        a(",,,Alma Reyes,,,"),
        (Some("the agency"), None, Some("’s ’s , . NRA"), None),
    ]);
    assert_eq!(got[1], "source:unknown");
    assert_eq!(got[5], "alma reyes");
}

const SOURCES: [(&str, &[&str]); 4] = [
    (
        "A",
        &["Prime Minister Alma Reyes", "she", "the agency", "Reyes"],
    ),
    ("B", &["Gov. Carla Vega", "the governor", "he", "the NRA"]),
    (
        "C",
        &[
            "the Northern Rail Authority",
            "Vega",
            "the Prime Minister",
            "they",
        ],
    ),
    (
        "D",
        &[
            "Pavel Riazanov",
            "Pavel Ryazanov",
            "an operative",
            "Smuggler operatives",
        ],
    ),
];

fn blocks(order: &[usize]) -> Vec<(String, String)> {
    let mut recs: Vec<R<'_>> = Vec::new();
    let mut keys = Vec::new();
    for &b in order {
        let (src, actors) = SOURCES[b];
        for (k, actor) in actors.iter().enumerate() {
            recs.push((Some(actor), Some(src), None, Some("2020-05-01")));
            keys.push(format!("{src}{k}"));
        }
    }
    let mut out: Vec<(String, String)> = keys.into_iter().zip(ids(&recs)).collect();
    out.sort();
    out
}

#[test]
fn source_order_does_not_matter() {
    let base = blocks(&[0, 1, 2, 3]);
    for order in [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]] {
        assert_eq!(blocks(&order), base, "order {order:?}");
    }
}

proptest! {
    #[test]
    fn never_panics_and_one_actor_per_input(
        recs in proptest::collection::vec(
            (
                proptest::option::of(any::<String>()),
                proptest::option::of("[A-Za-z]{0,3}"),
                proptest::option::of(any::<String>()),
            ),
            0..12,
        )
    ) {
        let inputs: Vec<ActorInput<'_>> = recs
            .iter()
            .map(|(actor, source, context)| ActorInput {
                actor: actor.as_deref(),
                source: source.as_deref(),
                context: context.as_deref(),
                text: "",
                date: None,
            })
            .collect();
        let out = resolve(lex::ActorLexicon::get(), &inputs, None).0;
        prop_assert_eq!(out.len(), inputs.len());
    }

    #[test]
    fn never_panics_on_name_like_text(
        recs in proptest::collection::vec(
            ("(the |a |former )?([A-Z][a-z’'.]{0,6} ?){0,4}(,? [a-z]{1,8}){0,2}", "[A-Za-z’' .,]{0,40}"),
            0..10,
        )
    ) {
        let inputs: Vec<ActorInput<'_>> = recs
            .iter()
            .map(|(actor, context)| ActorInput {
                actor: Some(actor),
                source: None,
                context: Some(context),
                text: "",
                date: None,
            })
            .collect();
        prop_assert_eq!(resolve(lex::ActorLexicon::get(), &inputs, None).0.len(), inputs.len());
    }
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Actor>();
    check::<Gazetteer>();
}

/// Many people who share a given name: the spelling comparison is bounded
/// (it was all pairs, quadratic), the bound is reported, and names that
/// differ stay apart.
#[test]
fn a_crowd_sharing_a_given_name_is_bounded_and_reported() {
    let names: Vec<String> = (0..1_200).map(|i| format!("Speaker Number{i}")).collect();
    let inputs = one_source(&names);
    let (out, bounds) = resolve(lex::ActorLexicon::get(), &inputs, None);
    assert_eq!(out.len(), 1_200);
    assert!(
        bounds
            .iter()
            .any(|b| b.kind == crate::BoundKind::NamesStarting
                && b.count == 1200
                && b.subject.as_deref() == Some("speaker")),
        "{bounds:?}"
    );
    assert_ne!(out[1].id, out[2].id);
}

/// One input per actor string, all of one source.
fn one_source(names: &[String]) -> Vec<ActorInput<'_>> {
    names
        .iter()
        .map(|n| ActorInput {
            actor: Some(n),
            source: Some("one"),
            context: None,
            text: "x",
            date: None,
        })
        .collect()
}

/// Pushes `inputs` one by one into a live table and, after each push `at`
/// picks, checks every actor so far and the bounds against the batch run
/// over the same prefix. Returns the table.
fn check_live_at(
    lexicon: &Arc<Lexicon>,
    inputs: &[ActorInput<'_>],
    gazetteer: Option<Arc<Gazetteer>>,
    at: impl Fn(usize) -> bool,
) -> ActorTable {
    let mut table = ActorTable::new(lexicon.clone(), gazetteer.clone());
    for (k, input) in inputs.iter().enumerate() {
        assert_eq!(table.push(input), k);
        if at(k) {
            let (batch, bounds) = resolve(&lexicon.actor, &inputs[..=k], gazetteer.as_deref());
            for (i, want) in batch.iter().enumerate() {
                assert_eq!(
                    table.actor(i).as_ref(),
                    Some(want),
                    "statement {i} after {} pushes",
                    k + 1
                );
            }
            assert_eq!(table.bounds(), bounds);
        }
    }
    table
}

/// Pushes `records` one by one into a live table and checks, after each
/// push, every actor so far against the batch run over the same prefix.
fn check_live_against_batch(records: &[R<'_>], gazetteer: Option<Arc<Gazetteer>>) {
    let inputs: Vec<ActorInput<'_>> = records
        .iter()
        .map(|&(actor, source, context, date)| ActorInput {
            actor,
            source,
            context,
            text: "",
            date: date.and_then(|d| d.parse().ok()),
        })
        .collect();
    let table = check_live_at(Lexicon::shipped(), &inputs, gazetteer, |_| true);
    assert_eq!(table.actor(inputs.len()), None);
}

#[test]
fn live_table_matches_batch_on_the_hard_cases() {
    // A surname seen before its full name, then a second full name that
    // shares it.
    check_live_against_batch(
        &[
            a("Reyes"),
            a("President Alma Reyes"),
            a("Reyes"),
            a("Tomas Reyes"),
            a("Dr Reyes"),
        ],
        None,
    );
    // A pronoun before and after the first named person of its source;
    // a surname that becomes a person changes the pronoun after it.
    check_live_against_batch(
        &[
            (Some("she"), Some("A"), None, None),
            (Some("Vega"), Some("A"), None, None),
            (Some("she"), Some("A"), None, None),
            (Some("Minister Carla Vega"), Some("B"), None, None),
            (Some("he"), Some("A"), None, None),
            (Some("Ivan Petrov"), Some("A"), None, None),
            (Some("they"), Some("A"), None, None),
            (Some("the agency"), Some("A"), None, None),
            (Some("he"), Some("A"), None, None),
        ],
        None,
    );
    // Spelling variants and shorter forms arriving in either order.
    check_live_against_batch(
        &[
            a("Hadera Abebe"),
            a("Dr Hadera"),
            a("Hadera Abebe Gebremariam"),
            a("Pavel Riazanov"),
            a("Pavel Ryazanov"),
            a("Steve Hollis"),
            a("Stephen Hollis"),
            a("Hollis"),
        ],
        None,
    );
    // Descriptors: a later, nearer or better qualified holder takes over.
    check_live_against_batch(
        &[
            (Some("the governor"), None, None, Some("2018-02-01")),
            (Some("Gov. Carla Vega"), None, None, Some("2018-01-01")),
            (Some("the CBF governor"), None, None, Some("2021-01-02")),
            (Some("Gov. Ivan Petrov"), None, None, Some("2021-01-01")),
            (
                Some("Central Bank of Freedonia Governor Ivan Petrov"),
                None,
                None,
                Some("2021-01-01"),
            ),
            (
                Some("the agency"),
                None,
                Some("The NRA said it would act."),
                None,
            ),
            (Some("the NRA"), None, None, None),
            (Some("the Northern Rail Authority"), None, None, None),
        ],
        None,
    );
}

#[test]
fn live_table_matches_batch_with_a_gazetteer() {
    let g = Gazetteer::from_json(
        r#"[{"name": "Alma Reyes", "aliases": ["The Iron Lady of Avalon"]},
            {"name": "Northern Rail Authority", "aliases": ["the rail regulator"]}]"#,
    )
    .unwrap();
    check_live_against_batch(
        &[
            a("Reyes"),
            (Some("she"), Some("A"), None, None),
            (Some("The Iron Lady of Avalon"), Some("A"), None, None),
            (Some("she"), Some("A"), None, None),
            a("the rail regulator"),
            a("Tomas Reyes"),
            a("Reyes"),
        ],
        Some(Arc::new(g)),
    );
}

#[test]
fn person_tokens_are_the_name_only() {
    let t = |s: &str| super::person_tokens(lex::ActorLexicon::get(), s);
    assert_eq!(t("Secretary of State Ana Ruiz"), ["ana", "ruiz"]);
    assert_eq!(t("Rosalía Núñez"), ["rosalia", "nunez"]);
    assert_eq!(t("Greta Q. Moss"), ["greta", "moss"]);
    assert_eq!(t("Ruiz"), ["ruiz"]);
    for none in [
        "the Northern Rail Authority",
        "she",
        "",
        "Sylvanian officials",
        "the agency",
    ] {
        assert!(t(none).is_empty(), "{none:?}");
    }
}

/// Actor strings for random corpora: titles, surnames alone, full names,
/// spelling variants, pronouns, organizations, acronyms, groups, roles.
const POOL: &[Option<&str>] = &[
    Some("President Alma Reyes"),
    Some("Alma Reyes"),
    Some("Reyes"),
    Some("Tomas Reyes"),
    Some("Dr Reyes"),
    Some("Alma Maria Reyes"),
    Some("Pavel Ryazanov"),
    Some("Pavel Riazanov"),
    Some("Ryazanov"),
    Some("Steve Hollis"),
    Some("Stephen Hollis"),
    Some("Rina Halvorsen"),
    Some("Rina Halvarsan"),
    Some("Rina Hulvarsun"),
    Some("Rina Hulvurzun"),
    Some("Halvarsan"),
    Some("Gov. Carla Vega"),
    Some("Vega"),
    Some("Carla Vega"),
    Some("she"),
    Some("he"),
    Some("They"),
    Some("the NRA"),
    Some("the Northern Rail Authority"),
    Some("NRA"),
    Some("the agency"),
    Some("the governor"),
    Some("the CBF governor"),
    Some("Central Bank of Freedonia Governor Ivan Petrov"),
    Some("Ivan Petrov"),
    Some("Petrov"),
    Some("Sylvanian officials"),
    Some("Officials"),
    Some("the Sylvanian report"),
    Some("Avalon researchers"),
    Some("the Avalon study"),
    Some("a senior official"),
    Some("the official"),
    Some("former prime minister Tomas Lind"),
    Some("the Prime Minister"),
    Some("Prime Minister Lind"),
    Some("Acme Airlines"),
    Some("Acme"),
    Some("The Iron Lady of Avalon"),
    Some("?!"),
    Some(""),
    None,
];
const SOURCE_POOL: &[Option<&str>] = &[Some("A"), Some("B"), Some(""), None];
const CONTEXT_POOL: &[Option<&str>] = &[
    None,
    Some("The NRA said it would act."),
    Some("Sylvanian President Ivan Petrov told reporters."),
    Some("Governor Carla Vega said so."),
];
const DATE_POOL: &[Option<&str>] = &[
    None,
    Some("2020-01-01"),
    Some("2020-01-05"),
    Some("2021-06-01"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn live_table_matches_batch_after_every_push(
        picks in proptest::collection::vec((0..POOL.len(), 0..SOURCE_POOL.len(), 0..CONTEXT_POOL.len(), 0..DATE_POOL.len()), 1..14),
        gazetteer in any::<bool>(),
    ) {
        let records: Vec<R<'_>> = picks
            .iter()
            .map(|&(a, s, c, d)| (POOL[a], SOURCE_POOL[s], CONTEXT_POOL[c], DATE_POOL[d]))
            .collect();
        let g = gazetteer.then(|| {
            Arc::new(
                Gazetteer::from_json(
                    r#"[{"name": "Alma Reyes", "aliases": ["The Iron Lady of Avalon"]},
                        {"name": "Ivan Petrov"}]"#,
                )
                .unwrap(),
            )
        });
        check_live_against_batch(&records, g);
    }
}

/// A crowd passing the name-group bound while the table is live: the links
/// made before the bound are dropped, as the batch run never makes them.
#[test]
fn live_table_matches_batch_past_the_name_bound() {
    let names: Vec<String> = (0..1_003)
        .map(|i| format!("Speaker Numbr{}", i / 2 * 10 + i % 2))
        .chain(["Speaker".to_owned(), "she".to_owned()])
        .collect();
    let inputs = one_source(&names);
    let table = check_live_at(Lexicon::shipped(), &inputs, None, |k| {
        k == 999 || k + 1 == inputs.len()
    });
    assert!(!table.bounds().is_empty());
}

/// A synthetic crowd whose surnames chain into large spelling-variant sets,
/// mentioned as full names, fuller names with a middle name, surnames
/// alone, titled surnames and pronouns: the live table against the batch
/// run at a few points of its growth.
#[test]
fn live_table_matches_batch_on_a_synthetic_crowd() {
    let st = crate::synth::generate(&crate::synth::SynthConfig {
        statements: 3_000,
        seed: 7,
        ..Default::default()
    })
    .statements;
    const MIDDLE: [&str; 3] = ["Maria", "Jose", "Lee"];
    let actors: Vec<String> = st
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let full = s.actor.as_deref().unwrap_or("");
            let words: Vec<&str> = full.split_whitespace().collect();
            let (first, last) = (words[words.len() - 2], words[words.len() - 1]);
            match k % 9 {
                0 => last.to_owned(),
                1 => "she".to_owned(),
                2 => format!("{first} {} {last}", MIDDLE[k / 9 % 3]),
                3 => format!("Dr {last}"),
                4 => first.to_owned(),
                _ => full.to_owned(),
            }
        })
        .collect();
    let inputs: Vec<ActorInput<'_>> = st
        .iter()
        .zip(&actors)
        .map(|(s, a)| ActorInput {
            actor: Some(a),
            ..ActorInput::from(s)
        })
        .collect();
    let checks = [99, 700, 1_999, inputs.len() - 1];
    check_live_at(Lexicon::shipped(), &inputs, None, |k| checks.contains(&k));
}

/// `particle_joined`: a hyphen-joined particle before a capitalized name
/// ("al-Noor") is a name word, so the title before it is stripped.
#[test]
fn a_hyphen_joined_particle_is_part_of_the_name() {
    alone! {
        "Lunarian Transport Minister Ana Bela al-Noor" => "ana bela al-noor",
        "Minister Ana el-Sayar" => "ana el-sayar",
        "Ana Bela al-Noor" => "ana bela al-noor",
    }
}

/// `fold_doubled`: a lone surname with a doubled letter dropped or added
/// finds the full name; short names and other names stay apart.
#[test]
fn a_lone_surname_finds_its_doubled_letter_spelling() {
    corpus!(same "Lunarian Transport Minister Ana Bela al-Noorri", "al-Noori");
    corpus!(same "Tomas Hasan", "Hassan");
    corpus!(diff "Tomas Hasan", "Hasson");
    corpus!(diff "Ana Lee", "Le");
    assert_eq!(persons::fold_doubled("ferrari").as_deref(), Some("ferari"));
    assert_eq!(persons::fold_doubled("borel"), None);
    assert_eq!(persons::fold_doubled("lee"), None);
}

/// The actor ids of `inputs` inserted one by one into a live table over
/// `lexicon`, each checked against the batch run.
fn live_ids(lexicon: &Arc<Lexicon>, inputs: &[ActorInput<'_>]) -> Vec<String> {
    let table = check_live_at(lexicon, inputs, None, |_| true);
    (0..inputs.len())
        .map(|i| table.actor(i).unwrap().id.to_string())
        .collect()
}

/// The live table reads the lexicon it is given, as the batch run does: a
/// title added to it ("zorbmaster") leaves the name, so the titled name and
/// its surname are one person, in both runs alike.
#[test]
fn live_table_reads_an_extended_lexicon() {
    let mut lx = (**Lexicon::shipped()).clone();
    lx.extend(LexiconKind::Title, "zorbmaster").unwrap();
    let lexicon = Arc::new(lx);
    let names = [
        "Quill".to_owned(),
        "Zorbmaster Jane Quill".to_owned(),
        "the zorbmaster".to_owned(),
    ];
    let inputs = one_source(&names);
    let ids = live_ids(&lexicon, &inputs);
    assert_eq!(ids, ["jane quill"; 3]);
    let plain = resolve(lex::ActorLexicon::get(), &inputs, None).0;
    assert_eq!(&*plain[1].id, "zorbmaster jane quill");
}

/// The actor parser's whitespace splitter as it was before it read
/// `text::words` tokens: the oracle the token view is held to.
fn split_words_by_chars(lx: &lex::ActorLexicon, s: &str) -> Vec<parse::Word> {
    let mut out = Vec::new();
    for piece in s.split_whitespace() {
        let trimmed_end = piece.trim_end_matches(|c: char| !c.is_alphanumeric());
        let punct_after = trimmed_end.len() < piece.len();
        let raw = trimmed_end.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@');
        if !raw.chars().any(char::is_alphanumeric) {
            continue;
        }
        let folded = crate::text::fold(raw);
        let (base_norm, poss) = match folded
            .strip_suffix("'s")
            .or_else(|| folded.strip_suffix('\''))
        {
            Some(b) => (b.to_owned(), true),
            None => (folded.clone(), false),
        };
        let base_raw = if poss {
            raw.trim_end_matches(['s', 'S'])
                .trim_end_matches(['\'', '\u{2019}'])
        } else {
            raw
        };
        let letters: Vec<char> = base_raw.chars().filter(|c| c.is_alphabetic()).collect();
        let particle = raw.split_once('-').is_some_and(|(p, n)| {
            n.chars().next().is_some_and(char::is_uppercase)
                && lx.is_particle(&crate::text::fold(p))
        });
        out.push(parse::Word {
            raw: raw.to_owned(),
            norm: base_norm.chars().filter(|&c| c != '.').collect(),
            poss,
            cap: raw
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
                || particle,
            acronym: letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()),
            punct_after,
        });
    }
    out
}

/// A word as (raw, norm, poss, cap, acronym, punct_after).
type Flat = (String, String, bool, bool, bool, bool);

fn flat(ws: &[parse::Word]) -> Vec<Flat> {
    ws.iter()
        .map(|w| {
            let w = w.clone();
            (w.raw, w.norm, w.poss, w.cap, w.acronym, w.punct_after)
        })
        .collect()
}

fn word_view(s: &str) -> Vec<Flat> {
    flat(&parse::split_words(lex::ActorLexicon::get(), s))
}

fn w(raw: &str, norm: &str, poss: bool, cap: bool, acronym: bool, punct_after: bool) -> Flat {
    (raw.into(), norm.into(), poss, cap, acronym, punct_after)
}

#[test]
fn word_view_keeps_a_hyphenated_particle_one_word() {
    assert_eq!(
        word_view("Minister Dara al-Venn said"),
        vec![
            w("Minister", "minister", false, true, false, false),
            w("Dara", "dara", false, true, false, false),
            w("al-Venn", "al-venn", false, true, false, false),
            w("said", "said", false, false, false, false),
        ]
    );
}

#[test]
fn word_view_reads_a_dotted_acronym_as_one_word() {
    assert_eq!(
        word_view("the Q.R.T. board"),
        vec![
            w("the", "the", false, false, false, false),
            w("Q.R.T", "qrt", false, true, true, true),
            w("board", "board", false, false, false, false),
        ]
    );
}

#[test]
fn word_view_drops_a_possessive() {
    assert_eq!(
        word_view("Velbury's mayor, ORZ's chief"),
        vec![
            w("Velbury's", "velbury", true, true, false, false),
            w("mayor", "mayor", false, false, false, true),
            w("ORZ's", "orz", true, true, true, false),
            w("chief", "chief", false, false, false, false),
        ]
    );
}

#[test]
fn word_view_marks_trailing_punctuation() {
    assert_eq!(
        word_view("Tam Orrin, (aide)."),
        vec![
            w("Tam", "tam", false, true, false, false),
            w("Orrin", "orrin", false, true, false, true),
            w("aide", "aide", false, false, false, true),
        ]
    );
}

#[test]
fn word_view_keeps_a_leading_handle() {
    assert_eq!(
        word_view("(@velrail_news) @Kestrel"),
        vec![
            w("@velrail_news", "@velrail_news", false, false, false, true),
            w("@Kestrel", "@kestrel", false, true, false, false),
        ]
    );
}

#[test]
fn word_view_folds_a_name_with_diacritics() {
    assert_eq!(
        word_view("Žofie Brännström’s aide"),
        vec![
            w("Žofie", "zofie", false, true, false, false),
            w("Brännström’s", "brannstrom", true, true, false, false),
            w("aide", "aide", false, false, false, false),
        ]
    );
}

#[test]
fn word_view_parts_words_at_a_space_inside_a_token() {
    // UAX #29 keeps a narrow no-break space between letters in one token;
    // white space still parts two words.
    assert_eq!(
        word_view("Dara\u{202f}Quill"),
        vec![
            w("Dara", "dara", false, true, false, false),
            w("Quill", "quill", false, true, false, false),
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// The token view gives the words the char splitter gave, on strings
    /// made of the chars actor strings hold (letters with and without
    /// diacritics, marks, apostrophes, dots, hyphens, handles, spaces).
    #[test]
    fn word_view_equals_the_char_splitter(
        s in "([A-Za-z0-9]{1,5}|[ .,:;'’@\\-_()]|é|É|ø|ß|e\u{301}|\u{301}|ʼ|–|\u{ad}|\u{a0}|\u{202f}|\t| ){0,16}"
    ) {
        let lx = lex::ActorLexicon::get();
        prop_assert_eq!(word_view(&s), flat(&split_words_by_chars(lx, &s)));
    }

    #[test]
    fn word_view_equals_the_char_splitter_anywhere(s in any::<String>()) {
        let lx = lex::ActorLexicon::get();
        prop_assert_eq!(word_view(&s), flat(&split_words_by_chars(lx, &s)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A context's clue read from the tokens of the whole context (as the
    /// detector hands them over) equals the one read from the context's
    /// start cut alone, whatever the byte cut.
    #[test]
    fn clue_of_the_whole_context_equals_clue_of_its_start(
        ctx in "((the |, |said )?([A-Z][a-zé’'.\\-]{0,6}[ \u{202f}]?){0,4}(mayor|agency|Mayor|Agency)?[ ,.]{0,2}){0,6}",
        limit in 0usize..120,
        org in any::<bool>(),
    ) {
        let lx = lex::ActorLexicon::get();
        let p = parse::parse(lx, if org { "the agency" } else { "the mayor" });
        let whole = context::context_clue_within(lx, &p, &ctx, &crate::text::words(&ctx), limit);
        let head = context::head_within(&ctx, limit);
        let start = context::context_clue_within(lx, &p, head, &crate::text::words(head), limit);
        prop_assert_eq!(whole, start);
    }
}

/// The clue reads the words whose tokens start before the byte cut, each
/// whole.
#[test]
fn clue_reads_whole_words_up_to_the_cut() {
    let lx = lex::ActorLexicon::get();
    let p = parse::parse(lx, "the mayor");
    let ctx = "the Velbury mayor said, Mayor Dara Quill said";
    let toks = crate::text::words(ctx);
    let named = context::context_clue_within(lx, &p, ctx, &toks, ctx.find("Quill").unwrap() + 1);
    assert_eq!(
        named.person,
        Some(vec!["dara".to_owned(), "quill".to_owned()])
    );
    let short = context::context_clue_within(lx, &p, ctx, &toks, ctx.find("Mayor").unwrap());
    assert_eq!(short.person, None);
    assert_eq!(short.quals, vec!["velbury".to_owned()]);
}

/// A person only a context clue names is shown as the context writes the
/// name, without a possessive; the id stays the folded name.
#[test]
fn a_person_named_only_in_context_keeps_the_written_name() {
    let got = run_with(
        &[
            (
                Some("the minister"),
                Some("courier"),
                Some("Transport Minister Ivo Brandt's office said so on Monday."),
                None,
            ),
            (
                Some("the mayor"),
                Some("herald"),
                Some("The harbor was closed, said Mayor Dara Mendes' deputy."),
                None,
            ),
        ],
        None,
    );
    assert_eq!(&*got[0].name, "Ivo Brandt");
    assert_eq!(&*got[0].id, "ivo brandt");
    assert_eq!(&*got[1].name, "Dara Mendes");
}

/// Rule `after_title_phrase`: a title phrase of two words neither of which
/// is a title alone ("quay warden", added by a user) leaves the name after
/// it, batch and live alike, and alone it is a role; the same words with no
/// such title stay a name.
#[test]
fn a_multi_word_title_leaves_the_name_after_it() {
    let mut lx = (**Lexicon::shipped()).clone();
    lx.extend(LexiconKind::Title, "quay warden").unwrap();
    let lexicon = Arc::new(lx);
    let names = [
        "Quay Warden Jane Quill".to_owned(),
        "Deputy Quay Warden Jane Quill".to_owned(),
        "Jane Quill".to_owned(),
        "the quay warden".to_owned(),
    ];
    let inputs = one_source(&names);
    let ids = live_ids(&lexicon, &inputs);
    assert_eq!(ids, ["jane quill"; 4]);
    let p = parse::parse(&lexicon.actor, "Quay Warden Jane Quill");
    assert_eq!(p.roles, ["quay warden"]);
    // With no name after it, the phrase is a role, as "Prime Minister" is.
    let bare = parse::parse(&lexicon.actor, "Quay Warden");
    assert!(
        matches!(&bare.mention, parse::Mention::Descriptor { head, .. } if head == "quay warden"),
        "{bare:?}"
    );
    let plain = resolve(lex::ActorLexicon::get(), &inputs, None).0;
    assert_eq!(&*plain[0].id, "quay warden jane quill");
}
