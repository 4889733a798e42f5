//! Table-driven tests for figure parsing: one line per case, invented
//! sentences only.

use super::*;

const INF: f64 = f64::INFINITY;

fn money(code: &str) -> Unit {
    Unit::Money(code.into())
}

fn measure(name: &str) -> Unit {
    Unit::Measure(name.into())
}

/// The figures of `text` as (span text, lo, hi, unit, qualifier).
fn figs(text: &str) -> Vec<(String, f64, f64, Unit, Qualifier)> {
    parse_figures(text)
        .into_iter()
        .map(|f| {
            (
                f.span
                    .slice(text)
                    .expect("span on char boundaries")
                    .to_owned(),
                f.interval.lo,
                f.interval.hi,
                f.unit,
                f.qualifier,
            )
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// `t!(input => (span, lo, hi, unit, qualifier), ...)`: the figures of the
/// input, in order; `t!(input => none)`: no figure.
macro_rules! t {
    ($name:ident, $text:expr => none) => {
        #[test]
        fn $name() {
            let got = figs($text);
            assert!(got.is_empty(), "{:?}: expected no figure, got {:?}", $text, got);
        }
    };
    ($name:ident, $text:expr => $(($span:expr, $lo:expr, $hi:expr, $unit:expr, $q:ident)),+ $(,)?) => {
        #[test]
        fn $name() {
            #[allow(unused_imports)]
            use Qualifier::*;
            #[allow(unused_imports)]
            use Unit::*;
            let got = figs($text);
            let want: Vec<(&str, f64, f64, Unit, Qualifier)> =
                vec![$(($span, $lo as f64, $hi as f64, $unit, $q)),+];
            assert_eq!(got.len(), want.len(), "{:?}: got {:?}", $text, got);
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(g.0, w.0, "{:?}: span; got {:?}", $text, got);
                assert!(close(g.1, w.1), "{:?}: lo {} != {}; got {:?}", $text, g.1, w.1, got);
                assert!(close(g.2, w.2), "{:?}: hi {} != {}; got {:?}", $text, g.2, w.2, got);
                assert_eq!(g.3, w.3, "{:?}: unit; got {:?}", $text, got);
                assert_eq!(g.4, w.4, "{:?}: qualifier; got {:?}", $text, got);
            }
        }
    };
}

// Digits, separators, decimals.
t!(digits_exact, "The club counted 3,412 members." => ("3,412", 3412, 3412, Count, Bare));
t!(digits_round, "The fair drew 60,000 visitors." => ("60,000", 58800, 61200, Count, Bare));
t!(digits_decimal, "Inflation hit 1.5 on the index." => ("1.5", 1.45, 1.55, Count, Bare));
t!(digits_nbsp, "The fair drew 60\u{a0}000 visitors." => ("60\u{a0}000", 58800, 61200, Count, Bare));
t!(digits_nnbsp, "Some 60\u{202f}000 came." => ("Some 60\u{202f}000", 54000, 66000, Count, Approximately));
t!(digits_small, "We saw 16 boats." => ("16", 16, 16, Count, Bare));

// Number words.
t!(word_eleven, "Eleven ferries sailed." => ("Eleven", 11, 11, Count, Bare));
t!(word_twelve_alone, "Twelve, signed." => ("Twelve", 12, 12, Count, Bare));
t!(word_hyphen, "They planted twenty-five trees." => ("twenty-five", 25, 25, Count, Bare));
t!(word_two_dozen, "She baked two dozen pies." => ("two dozen", 23.52, 24.48, Count, Bare));
t!(word_a_hundred, "About a hundred kites flew." => ("About a hundred", 90, 110, Count, Approximately));
t!(word_million_half, "A crowd of a billion and a half gathered." => ("a billion and a half", 1470000000, 1530000000, Count, Bare));
t!(word_compound, "It cost three million two hundred thousand." => ("three million two hundred thousand", 3136000, 3264000, Count, Bare));
t!(word_one_hundred_and_five, "one hundred and five runners" => ("one hundred and five", 102.9, 107.1, Count, Bare));
t!(word_one_count, "Only one goat escaped." => ("one", 1, 1, Count, Bare));

// Scales.
t!(scale_million, "The region has 6.3 million residents." => ("6.3 million", 6174000, 6426000, Count, Bare));
t!(scale_bn, "The port handled 3bn crates." => ("3bn", 2.94e9, 3.06e9, Count, Bare));
t!(scale_k, "The video got 60k views and 176k likes." =>
    ("60k", 58800, 61200, Count, Bare), ("176k", 172480, 179520, Count, Bare));
t!(scale_thousand_word, "There were 60 thousand fans." => ("60 thousand", 58800, 61200, Count, Bare));

// Vague magnitudes.
t!(vague_hundreds_of_thousands, "hundreds of thousands of fans marched" =>
    ("hundreds of thousands", 200000, 999999, Count, Vague));
t!(vague_tens_of_thousands, "Tens of thousands fled the floods." => ("Tens of thousands", 20000, 99999, Count, Vague));
t!(vague_dozens, "Dozens of kites" => ("Dozens", 24, 99, Count, Vague));
t!(vague_thousands, "thousands of volunteers" => ("thousands", 2000, 9999, Count, Vague));
t!(vague_millions_money, "It cost millions of dollars." => ("millions of dollars", 2e6, 999999999, money("USD"), Vague));
t!(vague_several_thousand, "several thousand fans" => ("several thousand", 3000, 9000, Count, Vague));

// Percentages, points.
t!(pct_sign, "Turnout was 12%." => ("12%", 11.5, 12.5, Percent, Bare));
t!(pct_word, "Turnout was 12 percent." => ("12 percent", 11.5, 12.5, Percent, Bare));
t!(pct_per_cent, "Turnout was 12.5 per cent." => ("12.5 per cent", 12.45, 12.55, Percent, Bare));
t!(pp_fraction, "Rates rose 1/4 percentage point." => ("1/4 percentage point", 0.25, 0.25, PercentagePoint, Bare));
t!(pp_half, "The rate moved half a percentage point." => ("half a percentage point", 0.5, 0.5, PercentagePoint, Bare));
t!(bp_words, "A 50 basis point increase" => ("50 basis point", 49.5, 50.5, BasisPoint, Bare));
t!(bp_abbrev, "They added 50 bp." => ("50 bp", 49.5, 50.5, BasisPoint, Bare));
t!(bp_hyphenated, "a 25-basis-point move" => ("25-basis-point", 24.5, 25.5, BasisPoint, Bare));
t!(pct_point_after_sign, "a 0.5% point gap" => ("0.5% point", 0.45, 0.55, PercentagePoint, Bare));

// Money.
t!(money_dollar, "The bridge cost $5 billion." => ("$5 billion", 4.9e9, 5.1e9, money("USD"), Bare));
t!(money_euro_bn, "a €3.2bn grant" => ("€3.2bn", 3.136e9, 3.264e9, money("EUR"), Bare));
t!(money_pound, "a £40 ticket" => ("£40", 40, 40, money("GBP"), Bare));
t!(money_code_before, "a USD 5 million loan" => ("USD 5 million", 4.9e6, 5.1e6, money("USD"), Bare));
t!(money_words_after, "five billion dollars in aid" => ("five billion dollars", 4.9e9, 5.1e9, money("USD"), Bare));
t!(money_prefixed_symbol, "a US$300 fee" => ("US$300", 294, 306, money("USD"), Bare));
t!(money_qualified, "more than $2 million" => ("more than $2 million", 2e6, INF, money("USD"), MoreThan));

// Ranges.
t!(range_between, "between 10 and 20 stalls" => ("between 10 and 20", 10, 20, Count, Range));
t!(range_hyphen, "10-20 stalls" => ("10-20", 10, 20, Count, Range));
t!(range_nb_hyphen, "10\u{2011}20 stalls" => ("10\u{2011}20", 10, 20, Count, Range));
t!(range_en_dash, "10 – 20 stalls" => ("10 – 20", 10, 20, Count, Range));
t!(range_to, "10 to 20 stalls" => ("10 to 20", 10, 20, Count, Range));
t!(range_anywhere, "anywhere from 4 to 9 months" => ("anywhere from 4 to 9 months", 4, 9, measure("month"), Range));
t!(range_from_to, "from 3 to 11 kites" => ("from 3 to 11", 3, 11, Count, Range));
t!(range_grouped, "154,000-176,000 visitors" => ("154,000-176,000", 150920, 179520, Count, Range));
// A range's first end takes the second's thousands: "30-40,000".
t!(range_shared_thousands, "30-40,000 hikers came" => ("30-40,000", 29400, 40800, Count, Range));
t!(range_shared_thousands_to, "5 to 10,000 kites" => ("5 to 10,000", 4900, 10200, Count, Range));
t!(range_small_first_kept, "100-20,000 kites" => ("100-20,000", 98, 20400, Count, Range));
t!(range_grouped_to, "60,000 to 80,000 hikers" => ("60,000 to 80,000", 58800, 81600, Count, Range));
t!(range_between_grouped, "between 2,000 and 7,000 kites" => ("between 2,000 and 7,000", 1960, 7140, Count, Range));
t!(range_from_grouped, "from 1,000 to 5,000 kites" => ("from 1,000 to 5,000", 980, 5100, Count, Range));
// Margins: "give or take", "±", "plus or minus".
t!(margin_give_or_take, "The herd is 100,000, give or take 15 percent." =>
    ("100,000, give or take 15 percent", 85000, 115000, Count, Range));
t!(margin_plus_minus_sign, "a reading of 40 \u{b1} 5 units" => ("40 \u{b1} 5", 35, 45, Count, Range));
t!(margin_plus_or_minus, "some 12 plus or minus 3 kites" => ("some 12 plus or minus 3", 9, 15, Count, Range));

// Magnitudes of South Asian usage.
t!(scale_lakh, "The fair drew 47 lakh visitors." => ("47 lakh", 4606000, 4794000, Count, Bare));
t!(scale_crore, "a grant of 3 crore rupees" => ("3 crore rupees", 2.94e7, 3.06e7, money("INR"), Bare));

// Currency names after a figure.
t!(money_won, "a 1.9 trillion won budget" => ("1.9 trillion won", 1.85e12, 1.95e12, money("KRW"), Bare));
t!(money_yen_names, "fines of 300 million yen" => ("300 million yen", 2.94e8, 3.06e8, money("JPY"), Bare));
t!(money_pounds_scaled, "a 500 million pounds deal" => ("500 million pounds", 4.9e8, 5.1e8, money("GBP"), Bare));

// Units of measurement.
t!(unit_barrels, "The well spills 900 barrels of brine." => ("900 barrels", 882, 918, measure("barrel"), Bare));
t!(unit_ppb, "The tap showed 25 ppb of lead." => ("25 ppb", 25, 25, measure("part per billion"), Bare));
t!(unit_slash, "levels of 5 µg/dL in blood" => ("5 µg/dL", 5, 5, measure("microgram per decilitre"), Bare));
t!(unit_words_per, "7 micrograms per deciliter of zinc" =>
    ("7 micrograms per deciliter", 7, 7, measure("microgram per decilitre"), Bare));
t!(unit_tonnes, "They shipped 12 tonnes of grain." => ("12 tonnes", 12, 12, measure("tonne"), Bare));
t!(unit_pounds_weight, "a 500 pound bell" => ("500 pound", 490, 510, measure("pound"), Bare));
t!(unit_kwh, "It used 300 kWh." => ("300 kWh", 294, 306, measure("kilowatt hour"), Bare));

// Not figures: years after any apostrophe, decades, model designations,
// ordinals.
t!(year_after_curly_possessive, "the mayor\u{2019}s 2013 parade" => none);
t!(year_after_left_quote_possessive, "the mayor\u{2018}s 2013 parade" => none);
t!(year_after_grave_possessive, "the mayor`s 2013 parade" => none);
t!(decade_after_apostrophe, "music of the \u{2019}90s" => none);
t!(short_year_after_apostrophe, "the \u{2019}08 crash" => none);
t!(model_designation, "trucks with Type QX 240 engines" => none);
t!(ordinal_compound, "the second-busiest port" => none);

t!(range_scale_shared, "10 to 20 million bees" => ("10 to 20 million", 9.8e6, 20.4e6, Count, Range));
t!(range_pct, "between 3 and 5 percent" => ("between 3 and 5 percent", 2.5, 5.5, Percent, Range));
t!(range_money, "$10-$20 a ticket" => ("$10-$20", 10, 20, money("USD"), Range));

// Qualifiers.
t!(q_at_least, "at least 47 people" => ("at least 47", 47, INF, Count, AtLeast));
t!(q_no_fewer, "no fewer than 47 people" => ("no fewer than 47", 47, INF, Count, AtLeast));
t!(q_more_than, "more than 45 arrivals" => ("more than 45", 45, INF, Count, MoreThan));
t!(q_over, "over 300 lambs" => ("over 300", 300, INF, Count, MoreThan));
t!(q_upwards, "upwards of 40 boats" => ("upwards of 40", 40, INF, Count, MoreThan));
t!(q_fewer, "fewer than 20 chairs" => ("fewer than 20", 0, 20, Count, LessThan));
t!(q_under, "under 18 riders" => ("under 18", 0, 18, Count, LessThan));
t!(q_up_to, "up to 500 guests" => ("up to 500", 0, 500, Count, AtMost));
t!(q_no_more, "no more than 500 guests" => ("no more than 500", 0, 500, Count, AtMost));
t!(q_as_many_as, "as many as 70 stalls" => ("as many as 70", 0, 70, Count, AtMost));
t!(q_about, "about 60,000 fans" => ("about 60,000", 54000, 66000, Count, Approximately));
t!(q_roughly, "roughly 200 dogs" => ("roughly 200", 180, 220, Count, Approximately));
t!(q_estimated, "an estimated 4,000 geese" => ("an estimated 4,000", 3600, 4400, Count, Approximately));
t!(q_nearly, "nearly 300 lambs" => ("nearly 300", 270, 300, Count, Nearly));
t!(q_almost, "almost 1,000 hives" => ("almost 1,000", 900, 1000, Count, Nearly));
t!(q_just_under, "just under 50 boats" => ("just under 50", 45, 50, Count, Nearly));
t!(q_just_over, "just over 50 boats" => ("just over 50", 50, 55, Count, JustOver));
t!(q_exactly, "exactly 300 seats" => ("exactly 300", 300, 300, Count, Exactly));
t!(q_capitalized, "At least 12 kites fell." => ("At least 12", 12, INF, Count, AtLeast));
t!(q_pct, "more than 40% of voters" => ("more than 40%", 40, INF, Percent, MoreThan));
t!(q_vague, "at least hundreds of geese" => ("at least hundreds", 200, INF, Count, AtLeast));

// Running counts.
t!(run_so_far, "The storm has flooded 47 homes so far." => ("47", 47, INF, Count, RunningTotal));
t!(run_already, "Organisers have already sold about 900 tickets." => ("about 900", 810, INF, Count, RunningTotal));
t!(run_to_date, "To date, 12 bridges have reopened." => ("12", 12, INF, Count, RunningTotal));
t!(run_other_clause, "It rained already. Then 47 boats left." => ("47", 47, 47, Count, Bare));

// Change verbs.
t!(change_from_to, "The club raised its fee from 52 to 3,412 crowns." =>
    ("from 52", 52, 52, Count, From), ("to 3,412", 3412, 3412, Count, To));
t!(change_by_to, "The board voted to increase the rate by 15 basis points to 40 basis points." =>
    ("by 15 basis points", 14.5, 15.5, BasisPoint, By), ("to 40 basis points", 39.5, 40.5, BasisPoint, To));
t!(change_rose_to, "Membership rose to 400." => ("to 400", 392, 408, Count, To));

// Not figures.
t!(not_year, "In 2031 the fair reopened; it began in 1974." => none);
t!(not_since_year, "It has grown since 2017." => none);
t!(qualified_change, "The army increased its presence by as many as 900 soldiers." => ("as many as 900", 0, 900, Count, By));
t!(four_digit_count, "She said 3000 sheep did not drown." => ("3000", 2940, 3060, Count, Bare));
t!(year_before_function_word, "In 2031 the fair reopened." => none);
t!(not_dates, "It opens on October 3 and on 3/14/12 and April 9." => none);
t!(not_date_day_first, "It opened on 16 February." => none);
t!(not_clock, "The gates open at 10am, or 9 a.m., or 10:30." => none);
t!(not_ordinals, "She came first, then 21st, then 3rd." => none);
t!(not_one_of, "It is one of the oldest fairs." => none);
t!(not_no_one, "No one came." => none);
t!(not_hyphen_code, "Members of the band XR-13 played." => none);
t!(not_model_before_caps, "They flew the 550 VTX to the show." => none);
t!(not_flight, "Passengers on QX 418 waited." => none);
t!(not_share, "Half of them left, and 2/3 of us stayed." => none);
t!(not_compound_modifier, "A 13-year-old rider won the twenty-first race." => none);
t!(not_decade, "Fashion of the 1990s returned." => none);
t!(not_year_after_curly_possessive, "The governor’s 2027 gala drew praise." => none);
t!(not_year_after_straight_possessive, "The governor's 2027 gala drew praise." => none);
t!(not_decade_after_curly_apostrophe, "Songs of the ’70s and the '80s returned." => none);
t!(not_model_designation, "Trucks with Series QZ 418 motors were recalled." => none);
t!(not_ordinal_compound, "It is the second-busiest port and the third-largest mall." => none);
t!(count_before_year_noun_compound, "The town hired 1500 election workers." => ("1500", 1470, 1530, Count, Bare));
t!(year_before_year_noun, "Turnout fell in the 2027 election." => none);
t!(count_after_possessive_round, "The firm's 2000 employees went home." => ("2000", 1960, 2040, Count, Bare));

// Mixed sentences.
t!(mixed_sentence, "Organisers expected about 60,000 fans, but 3,412 came on 3/14/12 at 10am." =>
    ("about 60,000", 54000, 66000, Count, Approximately), ("3,412", 3412, 3412, Count, Bare));
t!(mixed_ci, "The survey found an estimated 2,000 nests (95% CI, 612 to 7,305) on the island." =>
    ("an estimated 2,000", 612, 7305, Count, Approximately));

fn counted_of(text: &str) -> Vec<Option<String>> {
    parse_figures(text)
        .iter()
        .map(|f| f.counted.map(|c| c.slice(text).unwrap().to_owned()))
        .collect()
}

#[test]
fn counted_noun_phrases() {
    for (text, want) in [
        (
            "They reported 19 painted boats near the pier.",
            Some("painted boats"),
        ),
        ("At least 47 people were hurt.", Some("people")),
        ("hundreds of thousands of fans marched", Some("fans")),
        ("a 50 basis point increase in rates", Some("increase")),
        ("more than 45 arrivals", Some("arrivals")),
        ("6,000 sheep kept near the port", Some("sheep")),
        ("Twelve, signed.", None),
        ("12% of the vote", Some("vote")),
        ("47 injured people", Some("injured people")),
        ("47 people killed in the flood", Some("people")),
        ("800 people used the ferry line", Some("people")),
        ("5 used barges were sold", Some("used barges")),
    ] {
        assert_eq!(counted_of(text), vec![want.map(str::to_owned)], "{text}");
    }
}

#[test]
fn spans_cover_qualifier_and_figure() {
    let text = "Officials said at least 47 people and about 60,000 others.";
    let spans: Vec<_> = parse_figures(text)
        .iter()
        .map(|f| f.span.slice(text).unwrap().to_owned())
        .collect();
    assert_eq!(spans, ["at least 47", "about 60,000"]);
}

fn one(s: &str) -> Figure {
    Figure::parse(s).unwrap_or_else(|| panic!("no figure in {s:?}"))
}

#[test]
fn disjointness_rules() {
    let d = |a: &str, b: &str| one(a).disjoint_from(&one(b));
    assert_eq!(d("at least 47", "more than 45"), Some(false));
    assert_eq!(d("hundreds of thousands", "about 60,000"), Some(true));
    assert_eq!(d("19", "at least 19"), Some(false));
    assert_eq!(d("1/4 percentage point", "25 basis points"), Some(false));
    assert_eq!(d("half a percentage point", "50 bp"), Some(false));
    assert_eq!(d("41.2 million", "41.3 million"), Some(false));
    assert_eq!(d("16", "17"), Some(true));
    assert_eq!(d("12%", "13%"), Some(true));
    assert_eq!(d("fewer than 20", "more than 30"), Some(true));
    assert_eq!(d("about 60,000", "60,000"), Some(false));
    assert_eq!(d("nearly 300", "exactly 300"), Some(false));
    assert_eq!(d("12%", "12 people"), None);
    assert_eq!(d("$5", "€5"), None);
}

/// The per-unit of the first figure of `text`.
fn per_of(text: &str) -> Option<String> {
    parse_figures(text).into_iter().next().and_then(|f| f.per)
}

#[test]
fn rates_name_their_per_unit() {
    let cases: &[(&str, Option<&str>)] = &[
        ("The well spills 900 barrels a day.", Some("day")),
        ("between 300 and 700 barrels per day", Some("day")),
        (
            "1.2 million to 1.9 million litres of brine a day",
            Some("day"),
        ),
        ("It pays $12 an hour.", Some("hour")),
        ("12 deaths per 100,000 residents", Some("100000")),
        ("prices rose 3% annually", Some("year")),
        ("output of 40 tonnes/day", Some("day")),
        ("up from 52,000 a year earlier", None),
        ("They fled 20 kites a day after the storm.", None),
        ("The well spilled 900 barrels.", None),
    ];
    for (text, want) in cases {
        assert_eq!(per_of(text).as_deref(), *want, "{text}");
    }
    // "per 100,000" is the rate's base, not a figure of its own.
    assert_eq!(parse_figures("12 deaths per 100,000 residents").len(), 1);
}

#[test]
fn units_convert_within_a_dimension() {
    let d = |a: &str, b: &str| one(a).disjoint_from(&one(b));
    // 1 barrel = 42 US gallons.
    assert_eq!(d("900 barrels a day", "37,800 gallons a day"), Some(false));
    assert_eq!(
        d("900 barrels a day", "2.5 million gallons a day"),
        Some(true)
    );
    assert_eq!(d("900 barrels a day", "900 barrels a year"), None);
    assert_eq!(d("900 barrels a day", "900 barrels"), None);
    assert_eq!(d("2 tonnes", "2,000 kg"), Some(false));
    assert_eq!(d("1 kg", "2.2 pounds"), Some(false));
    assert_eq!(d("15 ppb", "15 µg/L"), Some(false));
    assert_eq!(d("25 ppb", "15 ppb"), Some(true));
    assert_eq!(d("3 km", "3 kg"), None);
    assert_eq!(d("1.9 trillion won", "$1.9 trillion"), None);
}

#[test]
fn comparable_values_share_a_base() {
    assert_eq!(one("25 basis points").comparable_value(), 0.25);
    assert_eq!(one("1/4 percentage point").comparable_value(), 0.25);
    assert_eq!(one("12%").comparable_value(), 12.0);
}

#[test]
fn figure_parse_single_phrases() {
    assert_eq!(one("hundreds of thousands").qualifier, Qualifier::Vague);
    assert_eq!(one("about 60,000").value, 60_000.0);
    assert_eq!(one("a billion and a half").value, 1_500_000_000.0);
    assert!(Figure::parse("").is_none());
    assert!(Figure::parse("in 2031").is_none());
}

#[test]
fn read_digits_shapes() {
    let d = read_digits("60,000").unwrap();
    assert_eq!((d.value, d.trailing_zeros, d.grouped), (60000.0, 4, true));
    let d = read_digits("1.50").unwrap();
    assert_eq!((d.value, d.decimals), (1.5, 2));
    assert!(read_digits("1.2.3").is_none());
    assert_eq!(read_digits("1.000.000").unwrap().value, 1e6);
}

mod props {
    use super::super::*;
    use proptest::prelude::*;

    fn pieces() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "1",
            "0",
            "80",
            ",",
            "000",
            ".",
            "5",
            " ",
            "\u{a0}",
            "\u{202f}",
            "\u{2011}",
            "-",
            "%",
            "$",
            "€",
            "US",
            "/",
            "about",
            "at least",
            "more than",
            "hundreds",
            "of",
            "thousands",
            "a",
            "half",
            "million",
            "and",
            "between",
            "to",
            "from",
            "raised",
            "so far",
            "bn",
            "k",
            "percentage point",
            "basis points",
            "CI",
            "(",
            ")",
            "one",
            "twenty",
            "dozen",
            "é",
            "May",
            "Acme",
            "GTX",
            "am",
            ":",
            "é\u{301}",
            "\u{1F600}",
        ]);
        prop::collection::vec(atoms, 0..24).prop_map(|v| v.concat())
    }

    fn check(text: &str) {
        for f in parse_figures(text) {
            assert!(f.span.start < f.span.end, "{text:?}: empty span");
            assert!(f.span.slice(text).is_some(), "{text:?}: bad span");
            if let Some(c) = f.counted {
                assert!(
                    c.start < c.end && c.slice(text).is_some(),
                    "{text:?}: bad counted"
                );
            }
            assert!(
                !f.interval.disjoint(&f.interval),
                "{text:?}: empty interval {f:?}"
            );
            assert!(!f.interval.lo.is_nan() && !f.interval.hi.is_nan());
        }
    }

    fn interval() -> impl Strategy<Value = Interval> {
        (
            0.0f64..1e6,
            0.0f64..1e6,
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(a, b, lo_open, hi_open, inf)| {
                let hi = if inf { f64::INFINITY } else { a.max(b) };
                Interval::new(a.min(b), hi, lo_open, hi_open)
            })
    }

    proptest! {
        #[test]
        fn never_panics_on_unicode(s in "\\PC{0,64}") {
            check(&s);
        }

        #[test]
        fn never_panics_on_figure_like_text(s in pieces()) {
            check(&s);
        }

        #[test]
        fn disjoint_is_symmetric(a in interval(), b in interval()) {
            prop_assert_eq!(a.disjoint(&b), b.disjoint(&a));
            prop_assert!(!a.disjoint(&a));
        }

        #[test]
        fn at_least_never_disjoint_from_more_than(n in 0u32..10_000_000, m in 0u32..10_000_000) {
            let a = Figure::parse(&format!("at least {n}"));
            let b = Figure::parse(&format!("more than {m}"));
            if let (Some(a), Some(b)) = (a, b) {
                prop_assert_eq!(a.disjoint_from(&b), Some(false));
            }
        }

        #[test]
        fn at_least_always_parses(n in 0u32..10_000_000) {
            let f = Figure::parse(&format!("at least {n}")).unwrap();
            prop_assert_eq!(f.qualifier, Qualifier::AtLeast);
            prop_assert_eq!(f.interval.lo, n as f64);
        }
    }
}

t!(not_model_after_name, "The Zephyr 300 and the Comet 12 are kites." => none);
t!(not_model_sentence_start, "Apollo 11 is a name." => none);
t!(sentence_start_function_word, "Another 12 kites fell." => ("12", 12, 12, Count, Bare));
t!(not_name_number_word, "They met the Group of Seven." => none);
t!(weekday_not_model, "They said Tuesday 40 boats sank." => ("40", 40, 40, Count, Bare));
t!(year_range_not_figure, "It ran from 2017 to 2021 and in the 2017-2018 season." => none);
t!(money_range_scaled, "$5 million-$10 million" => ("$5 million-$10 million", 4.9e6, 10.2e6, money("USD"), Range));
t!(pct_space, "12 % of them" => ("12 %", 11.5, 12.5, Percent, Bare));
t!(ci_level_is_not_a_figure, "(95% CI, 612 to 7,305)" => ("612 to 7,305", 612, 7305, Count, Range));

#[test]
fn public_types_are_send_sync_and_serde() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Figure>();
    assert_send_sync::<Interval>();
    assert_send_sync::<Unit>();
    assert_send_sync::<Qualifier>();
    let f = one("more than $2 million");
    let json = serde_json::to_string(&f).unwrap();
    assert!(json.contains("\"more_than\""), "{json}");
    assert!(json.contains("\"hi\":null"), "{json}");
    let back: Figure = serde_json::from_str(&json).unwrap();
    assert_eq!(back, f);
}

#[test]
fn offsets_index_the_original_text() {
    let text = "Then 300 Gäste — etwa 60\u{a0}000 — kamen; “about 1,200” said Zoë.";
    for f in parse_figures(text) {
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
    }
    let spans: Vec<_> = parse_figures(text)
        .iter()
        .map(|f| f.span.slice(text).unwrap().to_owned())
        .collect();
    assert_eq!(spans, ["300", "60\u{a0}000", "about 1,200"]);
}

/// The figure parser's lexicon paths read the lexicon they are given: a
/// unit of measurement and a day's name a user adds reach what a figure
/// measures and the names beside it, which the built-in lexicon leaves out.
#[test]
fn user_words_reach_measure_key_and_day_names() {
    use crate::lexicon::{Lexicon, LexiconKind};
    let mut user = Lexicon::clone(Lexicon::shipped());
    user.extend(
        LexiconKind::MeasurementUnit,
        "flagon volume 2 = flagon, flagons",
    )
    .expect("a good unit line");
    user.extend(LexiconKind::CalendarWord, "jubilee named")
        .expect("a good calendar line");
    let lx = &user.quantity;
    let text = "The brewery filled 30 flagons of ale a day.";
    let f = &figures(lx, text)[0];
    assert_eq!(f.unit, measure("flagon"));
    assert_eq!(f.measure_key(lx).as_deref(), Some("volume/day"));
    assert_eq!(f.measure_key(QLex::get()).as_deref(), Some("flagon/day"));
    assert!(names_a_day(lx, "jubilee") && !names_a_day(QLex::get(), "jubilee"));
    assert!(is_calendar_name(lx, "march"));
}

// The named rules of `Parser::figure_at`, one invented case each.
t!(rule_borrow_scale, "The plan costs 3 to 5 million euros." => ("3 to 5 million euros", 2.94e6, 5.1e6, money("EUR"), Range));
t!(rule_percentile_rank, "It sits at the 90%'ile mark." => none);
t!(rule_hyphen_duration, "They held a five-day regatta." => none);
t!(rule_margin_after_counted, "The tank leaks about 900 litres of brine per day, plus or minus 15 percent." => ("about 900 litres", 765, 1035, measure("litre"), Range));
