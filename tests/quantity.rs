//! Figures that clash and figures that agree, through the whole detector.

use gainsay::{ContradictionKind, Detector, Statement};
use proptest::prelude::*;

fn kind_of(x: &str, y: &str) -> Option<ContradictionKind> {
    let a = Statement::new("a", Some("Mayor Ann Lee"), x).with_source("one");
    let b = Statement::new("b", Some("Health Bureau"), y).with_source("two");
    let report = Detector::new().detect(&[a, b]).unwrap();
    report.contradictions.first().map(|c| c.kind)
}

macro_rules! clash {
    ($($x:expr, $y:expr => $want:expr;)*) => {$(
        assert_eq!(kind_of($x, $y), $want, "{} / {}", $x, $y);
        assert_eq!(kind_of($y, $x), $want, "{} / {} (swapped)", $y, $x);
    )*};
}

#[test]
fn figures_as_intervals() {
    clash! {
        "The region has lost hundreds of thousands of people to overdoses.",
        "About 80,000 people died from overdoses in the region in 2024." => Some(ContradictionKind::Quantity);
        "At least 83 people have died in the floods in the valley.",
        "The floods in the valley caused more than 80 deaths." => None;
        "There were at least 21 raids on the harbour so far.",
        "The navy has carried out at least 21 raids on the harbour." => None;
        "Exactly 12 ferries sank in the bay last winter.",
        "About 400 ferries sank in the bay last winter." => Some(ContradictionKind::Quantity);
        "The two crashes together killed 346 passengers on the coast.",
        "The crash on the coast killed 157 passengers." => None;
        "Two raids hit the harbour of the valley yesterday.",
        "At least 21 raids have hit the harbour of the valley since March." => None;
        "The first flood in the valley killed 11 residents.",
        "At least 83 residents died in the floods in the valley." => None;
        "Nearly 3,000 residents died in the storm on the island.",
        "An estimated 2,975 residents died in the storm on the island." => None;
    }
}

/// Rule `derived_measure`: a verb and the noun WordNet derives from it
/// count one thing ("arrested" / "arrests", "died" / "deaths").
#[test]
fn a_verb_and_its_derived_noun_measure_one_thing() {
    clash! {
        "Police arrested some 60 people at the harbour march on Sunday.",
        "Police made 200 arrests at the harbour march on Sunday." => Some(ContradictionKind::Quantity);
        "About 40 people died in the harbour fire last week.",
        "The harbour fire last week caused 400 deaths." => Some(ContradictionKind::Quantity);
        // Agreeing figures do not clash.
        "Police arrested some 200 people at the harbour march on Sunday.",
        "Police made 200 arrests at the harbour march on Sunday." => None;
    }
}

#[test]
fn a_year_scopes_the_figure_before_it() {
    clash! {
        "Riders took 150,000 trips on the ferry line at the festival in 2023, compared with 90,000 trips in 2019.",
        "Riders took 40,000 trips on the ferry line at the festival in 2019." => Some(ContradictionKind::Quantity);
        "Riders took 150,000 trips on the ferry line at the festival in 2023, compared with 90,000 trips in 2019.",
        "Riders took about 90,000 trips on the ferry line at the festival in 2019." => None;
        "In 2019, riders took 150,000 trips on the ferry line at the festival and 9,000 trips on the tram.",
        "In 2023, riders took 40,000 trips on the ferry line at the festival." => None;
    }
}

#[test]
fn a_denied_figure_clashes_with_the_same_figure_stated() {
    clash! {
        "3000 residents did not die in the storm on the island.",
        "An estimated 2,975 residents died in the storm on the island." => Some(ContradictionKind::Quantity);
        "3000 residents did not die in the storm on the island.",
        "Some 40 residents died in the storm on the island." => None;
    }
}

#[test]
fn evidence_shows_both_figures_and_what_they_count() {
    let a = Statement::new(
        "a",
        Some("Mayor Ann Lee"),
        "About 80,000 people died from overdoses in 2024.",
    );
    let b = Statement::new(
        "b",
        Some("Senator Bo Park"),
        "We lost hundreds of thousands of people to overdoses.",
    );
    let report = Detector::new().detect(&[a, b]).unwrap();
    let c = &report.contradictions[0];
    let figs: Vec<&str> = c
        .evidence
        .iter()
        .filter(|e| e.role == gainsay::Role::Quantity)
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(figs, ["About 80,000", "hundreds of thousands"]);
    assert!(
        c.explanation.contains("[72000, 88000]"),
        "{}",
        c.explanation
    );
    assert!(
        c.explanation.contains("[200000, 999999]"),
        "{}",
        c.explanation
    );
}

#[test]
fn the_largest_against_a_larger_figure() {
    clash! {
        "These were the most tourists ever to see the harbour festival.",
        "The harbour festival drew 41,000 tourists, compared with 52,000 at the festival a year before." => Some(ContradictionKind::Quantity);
        "These were the most tourists ever to see the harbour festival.",
        "The harbour festival drew 61,000 tourists, compared with 52,000 at the festival a year before." => None;
        // Rule `related_superlative`: the figure may count a related word
        // (road ~ highway in GloVe), never a sister or cousin term (cat ~
        // dog: GloVe 0.92, both carnivores in WordNet).
        "These were the most roads ever paved in the county.",
        "The county paved 40 highways, compared with 52 the year before." => Some(ContradictionKind::Quantity);
        "These were the most dogs ever adopted from the shelter.",
        "The shelter saw 40 dogs adopted, compared with 52 the year before." => Some(ContradictionKind::Quantity);
        "These were the most dogs ever adopted from the shelter.",
        "The shelter saw 40 cats adopted, compared with 52 the year before." => None;
    }
}

const PHRASES: &[&str] = &[
    "at least 83",
    "more than 80",
    "about 80,000",
    "hundreds of thousands",
    "nearly 3,000",
    "exactly 12",
    "between 10 and 20",
    "up to 500",
    "fewer than 50",
    "dozens of",
    "21",
    "2,975",
];

proptest! {
    #[test]
    fn quantity_judgement_is_symmetric(i in 0..PHRASES.len(), j in 0..PHRASES.len()) {
        let x = format!("{} people died in the floods in the valley.", PHRASES[i]);
        let y = format!("{} people died in the floods in the valley.", PHRASES[j]);
        prop_assert_eq!(kind_of(&x, &y), kind_of(&y, &x));
    }

    #[test]
    fn a_figure_never_contradicts_itself(i in 0..PHRASES.len()) {
        let x = format!("{} people died in the floods in the valley.", PHRASES[i]);
        prop_assert_eq!(kind_of(&x, &x), None);
    }

    #[test]
    fn at_least_never_clashes_with_more_than_below_it(n in 1u32..100_000, d in 0u32..1000) {
        let m = n.saturating_sub(d);
        let x = format!("At least {n} people died in the floods in the valley.");
        let y = format!("More than {m} people died in the floods in the valley.");
        prop_assert_eq!(kind_of(&x, &y), None);
    }
}

/// Units, rates, holders and denials (issue 13), on invented sentences.
#[test]
fn figures_as_fact_checkers_read_them() {
    clash! {
        // Rates in one dimension compare after conversion (1 barrel = 42 gallons).
        "The broken pipe near Tarn leaks between 1,000 and 5,000 barrels a day.",
        "The broken pipe near Tarn leaks 2.1 million gallons of brine a day." => Some(ContradictionKind::Quantity);
        "The broken pipe near Tarn leaks about 5,000 barrels a day.",
        "The broken pipe near Tarn leaks 210,000 gallons of brine a day." => None;
        // A rate never meets a total, nor a rate per another unit.
        "The broken pipe near Tarn leaks about 5,000 barrels a day.",
        "The broken pipe near Tarn has leaked about 90,000 barrels." => None;
        // Money compares only within one currency.
        "The new bridge at Tarn will cost 1.9 trillion won.",
        "The new bridge at Tarn will cost $40 million." => None;
        // A holder counts what it holds: one pass per holder.
        "There were 30,000 to 40,000 riders with forged passes at the depot.",
        "We counted around 2,600 passes at the depot that were forged." => Some(ContradictionKind::Quantity);
        // "Without" and an antonym qualify what is counted; they deny no figure.
        "Some 30,000 riders reached the depot without passes.",
        "Some 30,000 riders reached the depot yesterday." => None;
    }
}
