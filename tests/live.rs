//! The live index agrees with the batch run: each insert returns exactly
//! the pairs that `detect` over the statements inserted so far reports for
//! the new statement.

use gainsay::synth::{generate, SynthConfig};
use gainsay::{read_jsonl, Contradiction, Detector, Statement};

/// Inserts `statements` one by one and checks every insert against the
/// batch run over the prefix.
fn agree(detector: &Detector, statements: &[Statement]) -> usize {
    let mut live = detector.live();
    let mut total = 0;
    for (i, s) in statements.iter().enumerate() {
        let got = live.insert(s).unwrap();
        let batch = detector.detect(&statements[..=i]).unwrap();
        let want: Vec<Contradiction> = batch
            .contradictions
            .into_iter()
            .filter(|c| c.a == s.id || c.b == s.id)
            .collect();
        assert_eq!(got, want, "insert {i} ({})", s.id);
        total += got.len();
    }
    total
}

#[test]
fn inserts_equal_batch_runs_on_the_bundled_seeds() {
    let seeds = read_jsonl(include_str!("../examples/data/seeds.jsonl").as_bytes()).statements;
    assert!(agree(&Detector::new(), &seeds) > 10);
    // In another order, too: actors and names arrive differently.
    let mut reversed = seeds.clone();
    reversed.reverse();
    assert!(agree(&Detector::new(), &reversed) > 10);
}

#[test]
fn inserts_equal_batch_runs_on_synthetic_corpora() {
    for seed in 1..3 {
        let corpus = generate(&SynthConfig {
            statements: 250,
            seed,
            ..SynthConfig::default()
        });
        assert!(
            agree(&Detector::new(), &corpus.statements) > 0,
            "seed {seed}"
        );
    }
}

#[test]
fn a_person_named_later_changes_what_earlier_texts_are_about() {
    // "Lee" is a proposition word until a person of that name speaks.
    let s = |id: &str, actor: &str, text: &str| Statement::new(id, Some(actor), text);
    let statements = [
        s(
            "1",
            "Mayor Tom Bell",
            "Lee will not build the harbour wall.",
        ),
        s("2", "Governor Bo Park", "Lee will build the harbour wall."),
        s("3", "Ann Lee", "The harbour wall is ruled out."),
        s(
            "4",
            "Chair Ida Voss",
            "The harbour wall will be built by Lee.",
        ),
        s("5", "Trade Minister Lee", "No harbour wall."),
    ];
    agree(&Detector::new(), &statements);
}

#[test]
fn a_person_named_like_a_stop_word_changes_no_reading() {
    // "will" is a stop word: that a person bears it changes nothing, and
    // the earlier texts holding it need not be read again.
    let s = |id: &str, actor: &str, text: &str| Statement::new(id, Some(actor), text);
    let statements = [
        s("1", "Mayor Tom Bell", "We will build the harbour wall."),
        s(
            "2",
            "Governor Bo Park",
            "We will not build the harbour wall.",
        ),
        s(
            "3",
            "Will Smith",
            "The harbour wall is ruled out, it will not be built.",
        ),
        s(
            "4",
            "Chair Ida Voss",
            "Will the harbour wall be built? It will.",
        ),
    ];
    assert!(agree(&Detector::new(), &statements) > 0);
}

#[test]
fn a_descriptor_reads_its_context_alike_live_and_in_batch() {
    // "the harbourmaster" finds Ivo Brandt in its context alone (no other
    // record names him): the live index reads that clue from the
    // context's words as it reads the record, the batch run likewise.
    let mut a = Statement::new(
        "1",
        Some("the harbourmaster"),
        "We will not open the ferry dock.",
    );
    a.source = Some("Courier".into());
    a.context = Some("Asked about the dock, Velbury Harbourmaster Ivo Brandt said:".into());
    let mut b = Statement::new(
        "2",
        Some("Governor Tova Lind"),
        "We will open the ferry dock.",
    );
    b.source = Some("Gazette".into());
    let d = Detector::builder()
        .lexicon(gainsay::LexiconKind::Title, "harbourmaster")
        .build()
        .unwrap();
    let statements = [a, b];
    assert_eq!(&*d.actors(&statements)[0].id, "ivo brandt");
    assert!(agree(&d, &statements) > 0);
    // The explanation names the speakers, a clue's name as the context
    // writes it.
    let r = d.detect(&statements).unwrap();
    assert!(
        r.contradictions[0]
            .explanation
            .starts_with("Ivo Brandt denies"),
        "{r:?}"
    );
}
