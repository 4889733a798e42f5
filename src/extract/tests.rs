//! Table-driven cases (one line each, invented names) and property tests.

use super::*;
use proptest::prelude::*;

/// Every record's span slices the article to its text.
fn spans_hold(article: &str, st: &[Statement]) {
    for s in st {
        let [a, b] = s.span.expect("every record has a span");
        assert!(a <= b && b <= article.len(), "{s:?}");
        assert!(article.is_char_boundary(a) && article.is_char_boundary(b));
        assert_eq!(&article[a..b], s.text);
    }
}

/// `article` must yield a record with `text` said by `actor`.
fn has(article: &str, text: &str, actor: Option<&str>) {
    let st = extract(article, "t.txt");
    spans_hold(article, &st);
    assert!(
        st.iter()
            .any(|s| s.text == text && s.actor.as_deref() == actor),
        "want {text:?} by {actor:?} in {article:?}, got {:#?}",
        st.iter().map(|s| (&s.text, &s.actor)).collect::<Vec<_>>()
    );
}

/// `article` must yield no record whose text contains `text`.
fn lacks(article: &str, text: &str) {
    let st = extract(article, "t.txt");
    spans_hold(article, &st);
    assert!(
        !st.iter().any(|s| s.text.contains(text)),
        "unwanted {text:?} in {:#?}",
        st.iter().map(|s| (&s.text, &s.actor)).collect::<Vec<_>>()
    );
}

macro_rules! t {
    ($article:expr, $text:expr, $actor:expr) => {
        has($article, $text, $actor)
    };
}

#[test]
#[rustfmt::skip]
fn direct_quotes() {
    t!("\u{201c}We will win,\u{201d} he said. Mayor Ivo Lind spoke.", "We will win,", None);
    t!("Mayor Ivo Lind arrived. \u{201c}We will win,\u{201d} he said.", "We will win,", Some("Mayor Ivo Lind"));
    t!("\"We will win the vote,\" Lind said.", "We will win the vote,", Some("Lind"));
    t!("\"We will win the vote,\" said Ivo Lind.", "We will win the vote,", Some("Ivo Lind"));
    t!("Lind replied: \u{201c}that's fine with me.\u{201d}", "that's fine with me.", Some("Lind"));
    t!("Ivo Lind said, \"The port stays open.\"", "The port stays open.", Some("Ivo Lind"));
    t!("\u{201c}It is over. We lost,\u{201d} Senator Ada Vos told reporters.", "It is over. We lost,", Some("Senator Ada Vos"));
    t!("\u{201c}Is it true? No,\u{201d} Vos added.", "Is it true? No,", Some("Vos"));
    t!("The port closed, Vos said, stating, \"We had no choice here.\"", "We had no choice here.", Some("Vos"));
}

#[test]
#[rustfmt::skip]
fn single_quotation_marks() {
    t!("\u{2018}We won\u{2019}t give up,\u{2019} Ada Vos said.", "We won\u{2019}t give up,", Some("Ada Vos"));
    t!("Ada Vos said: \u{2018}The \u{201c}plan\u{201d} is dead.\u{2019}", "The \u{201c}plan\u{201d} is dead.", Some("Ada Vos"));
    t!("Ada Vos said the vote was \u{2018}rigged\u{2019} and unfair.", "the vote was \u{2018}rigged\u{2019} and unfair", Some("Ada Vos"));
    t!("The farmers\u{2019} union said prices would rise.", "prices would rise", Some("The farmers\u{2019} union"));
}

#[test]
#[rustfmt::skip]
fn split_and_running_quotes() {
    // One quotation split around its frame is one statement (issue 14).
    t!("\u{201c}We tried,\u{201d} Ada Vos said, \u{201c}and we will try again.\u{201d}", "We tried,\u{201d} Ada Vos said, \u{201c}and we will try again.", Some("Ada Vos"));
    t!("Ada Vos spoke.\n\u{201c}We tried hard,\u{201d} she said.\n\u{201c}Nothing worked.\u{201d}", "Nothing worked.", Some("Ada Vos"));
    t!("Ada Vos said: \u{201c}First part.\n\u{201c}Second part.\u{201d}", "First part.\n\u{201c}Second part.", Some("Ada Vos"));
}

#[test]
#[rustfmt::skip]
fn scare_quotes_stay_inside_reported_speech() {
    t!("Ada Vos said the plan is \"ruled out\" for now.", "the plan is \"ruled out\" for now", Some("Ada Vos"));
    t!("Ada Vos said he would be \u{201c}ok\u{201d} with new tolls.", "he would be \u{201c}ok\u{201d} with new tolls", Some("Ada Vos"));
    let st = extract("Ada Vos said the plan is \"ruled out\" for now.", "t.txt");
    assert_eq!(st.len(), 1, "{st:?}");
}

#[test]
fn odd_quote_marks_never_fail() {
    for a in [
        "\"",
        "\u{201c}",
        "\u{201d}",
        "\"\"\"",
        "a \" b said \u{201c} c",
        "X said \u{201d}\u{201c}\u{201d}\"",
        "\u{201c}\n\u{201c}\n",
    ] {
        spans_hold(a, &extract(a, "t.txt"));
    }
}

#[test]
#[rustfmt::skip]
fn reported_speech() {
    t!("Mayor Ivo Lind said that the bridge would reopen.", "the bridge would reopen", Some("Mayor Ivo Lind"));
    t!("Ivo Lind said Monday the bridge would reopen.", "the bridge would reopen", Some("Ivo Lind"));
    t!("The bridge would reopen in May, Ivo Lind said.", "The bridge would reopen in May", Some("Ivo Lind"));
    t!("Ivo Lind told reporters that the bridge would reopen.", "the bridge would reopen", Some("Ivo Lind"));
    t!("Ivo Lind told reporters on Friday, that the bridge would reopen.", "the bridge would reopen", Some("Ivo Lind"));
    t!("According to Ivo Lind, the bridge would reopen.", "the bridge would reopen", Some("Ivo Lind"));
    t!("The bridge would reopen, according to the Port Authority.", "The bridge would reopen", Some("the Port Authority"));
    t!("Ivo Lind has repeatedly rejected the toll plan.", "has repeatedly rejected the toll plan", Some("Ivo Lind"));
    t!("Ivo Lind reiterated that the toll was fair.", "the toll was fair", Some("Ivo Lind"));
    t!("Ivo Lind claimed the toll was fair.", "the toll was fair", Some("Ivo Lind"));
    t!("Ivo Lind has ruled out new tolls.", "has ruled out new tolls", Some("Ivo Lind"));
    t!("Ivo Lind insisted the toll was fair; critics disagreed.", "the toll was fair", Some("Ivo Lind"));
}

#[test]
#[rustfmt::skip]
fn speakers() {
    t!("Minister of Transport Ivo Lind said the toll was fair.", "the toll was fair", Some("Minister of Transport Ivo Lind"));
    t!("Borduria, the region's largest partner, has rejected the toll plan.", "has rejected the toll plan", Some("Borduria"));
    t!("Lind, who chairs the board, said the toll was fair.", "the toll was fair", Some("Lind"));
    t!("Port officials said the toll was fair.", "the toll was fair", Some("Port officials"));
    t!("A senior official said the toll was fair.", "the toll was fair", Some("A senior official"));
    t!("Harbor workers, on their part, were calm, saying the toll was fair.", "the toll was fair", Some("Harbor workers"));
    t!("The Daily Courier News detailed that the toll was fair.", "the toll was fair", Some("The Daily Courier News"));
    t!("Mayor Ivo Lind spoke on Friday. He said the toll was fair.", "the toll was fair", Some("Mayor Ivo Lind"));
    t!("Mayor Ivo Lind arrived. Later she said the toll was fair.", "the toll was fair", Some("Mayor Ivo Lind"));
    t!("Dock workers struck. They said the toll was unfair.", "the toll was unfair", Some("Dock workers"));
    t!("Ivo Lind said taxes would fall, contradicting Ada Vos who last week saying taxes would rise.", "taxes would fall", Some("Ivo Lind"));
    t!("Ivo Lind said taxes would fall, contradicting Ada Vos who last week saying taxes would rise.", "taxes would rise", Some("Ada Vos"));
}

#[test]
#[rustfmt::skip]
fn frames_with_phrases_between() {
    t!("The ministry said in a statement: \u{201c}The border stays open.\u{201d}", "The border stays open.", Some("The ministry"));
    lacks("The ministry said in a statement: \u{201c}The border stays open.\u{201d}", "in a statement");
    t!("Bell has said repeatedly that he will not resign.", "he will not resign", Some("Bell"));
    t!("Health Minister Rosa Vey on Thursday insisted the supply was secure.", "the supply was secure", Some("Health Minister Rosa Vey"));
    t!("Its president, Karl Ode, said 120 clinics had run out.", "120 clinics had run out", Some("Its president, Karl Ode"));
    t!("Officials in Ruritania said they had not been consulted.", "they had not been consulted", Some("Officials in Ruritania"));
    t!("A spokesperson for the ministry told the Daily Courier that talks would resume.", "talks would resume", Some("A spokesperson for the ministry"));
    t!("\u{201c}We will fight,\u{201d} said Prime Minister Ana Diaz, \u{201c}and we will win.\u{201d}", "We will fight,\u{201d} said Prime Minister Ana Diaz, \u{201c}and we will win.", Some("Prime Minister Ana Diaz"));
    t!("\u{201c}I stay,\u{201d} Bell told supporters on Tuesday, adding that he expected to win.", "he expected to win", Some("Bell"));
}

#[test]
#[rustfmt::skip]
fn titles_beside_names_and_data_sources() {
    t!("Envoy to Ruritania, Ana Diaz, praised the toll plan.", "praised the toll plan", Some("Envoy to Ruritania, Ana Diaz"));
    t!("According to provisional Port Authority data, 40 ships docked.", "40 ships docked", Some("provisional Port Authority data"));
}

#[test]
fn a_report_inside_one_of_the_same_speaker_is_not_repeated() {
    let a = "Ada Vos rejected the toll, saying that it was unfair.";
    let st = extract(a, "t.txt");
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].text, "rejected the toll, saying that it was unfair");
}

#[test]
#[rustfmt::skip]
fn pronouns_are_never_output() {
    for a in [
        "He said the toll was fair.",
        "\u{201c}Fine,\u{201d} she said.",
        "They claimed it was fine.",
    ] {
        let st = extract(a, "t.txt");
        for s in &st {
            let actor = s.actor.as_deref().unwrap_or("").to_ascii_lowercase();
            assert!(
                !["he", "she", "they", "it", "i", "we"].contains(&actor.as_str()),
                "{s:?}"
            );
        }
    }
}

#[test]
fn context_of_an_answer() {
    let a = "Asked about the new dam, Ada Vos replied: \"that's fine with me.\"";
    let st = extract(a, "t.txt");
    assert_eq!(st[0].text, "that's fine with me.");
    assert_eq!(st[0].context.as_deref(), Some(a));
}

#[test]
fn an_anaphoric_answer_gets_the_question_before_it() {
    let a = "Ada Vos was asked whether the dam would be built. \u{201c}No, absolutely not,\u{201d} she said.";
    let st = extract(a, "t.txt");
    let s = st.iter().find(|s| s.text == "No, absolutely not,").unwrap();
    assert_eq!(s.context.as_deref(), Some(a));
    assert_eq!(s.actor.as_deref(), Some("Ada Vos"));
}

#[test]
fn noise_is_dropped() {
    lacks(
        "Ada Vos said the toll was fair.\nAda Vos at the port. Kim Roe/Pressfoto Images\n",
        "Pressfoto",
    );
    lacks(
        "\u{a9} 2031 Daily Courier. All rights reserved. Ada Vos said so.",
        "rights",
    );
    let a = "Ships were seized at dawn, and\u{2026} pic.example.org/xYz12 \u{2014} Harbor Master Ada Vos (@harbor) May 3, 2031\n";
    let st = extract(a, "t.txt");
    spans_hold(a, &st);
    assert_eq!(st.len(), 1);
    assert_eq!(st[0].actor.as_deref(), Some("Harbor Master Ada Vos"));
    assert_eq!(st[0].text, "Ships were seized at dawn, and\u{2026}");
}

#[test]
fn ids_sources_and_dates() {
    let st = extract(
        " date 2031-05-02 Ada Vos said the toll was fair.",
        "dir/wire.txt",
    );
    assert_eq!(st[0].id, "wire-01");
    assert_eq!(st[0].source.as_deref(), Some("wire.txt"));
    assert_eq!(
        st[0].date.map(|d| d.to_string()).as_deref(),
        Some("2031-05-02")
    );
}

fn quote_heavy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\u{201c}".to_owned()),
        Just("\u{201d}".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("\u{2019}".to_owned()),
        Just("\u{2018}".to_owned()),
        Just("\n".to_owned()),
        Just(", ".to_owned()),
        Just(". ".to_owned()),
        Just(" said ".to_owned()),
        Just(" according to ".to_owned()),
        Just(" he ".to_owned()),
        Just("Ada Vos".to_owned()),
        Just(" (@x) ".to_owned()),
        Just(" \u{2014} ".to_owned()),
        "[a-zA-Z ]{0,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn spans_are_exact_on_quote_heavy_text(a in quote_heavy()) {
        let st = extract(&a, "p.txt");
        spans_hold(&a, &st);
        for s in &st {
            prop_assert!(!s.text.trim().is_empty());
        }
    }

    #[test]
    fn no_panic_on_any_unicode(a in "\\PC{0,200}") {
        let st = extract(&a, "p.txt");
        spans_hold(&a, &st);
    }

    #[test]
    fn actors_are_never_bare_pronouns(a in quote_heavy()) {
        for s in extract(&a, "p.txt") {
            let actor = s.actor.unwrap_or_default().to_lowercase();
            prop_assert!(!["he", "she", "they", "it", "i", "we", "him", "her", "them"].contains(&actor.trim()));
        }
    }

    #[test]
    fn a_repeated_paragraph_repeats_its_records(n in 1usize..6) {
        let p = "Ada Vos said the toll was fair. \u{201c}Fine,\u{201d} she told reporters.\n";
        let one = extract(p, "p.txt").len();
        prop_assert_eq!(extract(&p.repeat(n), "p.txt").len(), one * n);
    }
}

#[test]
#[rustfmt::skip]
fn relative_reports_and_narrator_figures() {
    t!("The ferry sank on May 2, when the storm hit 40 boats, who Lind also claimed were unsafe.", "the storm hit 40 boats, who Lind also claimed were unsafe", Some("Lind"));
    t!("At least 40 people died in the flood, as the agency claims.", "At least 40 people died in the flood, as the agency claims", None);
    lacks("The ferry sank near the old harbor on a calm day.", "ferry");
    let st = Extractor::new()
        .narrator(false)
        .extract("At least 40 people died in the flood.", "t.txt");
    assert!(st.is_empty());
}

#[test]
#[rustfmt::skip]
fn every_record_has_its_source_and_order() {
    let a = "Ana Diaz said taxes would fall. \u{201c}Trust us,\u{201d} Diaz added. Ivo Lind said taxes would rise.";
    let st = extract(a, "x/y.txt");
    spans_hold(a, &st);
    let ids: Vec<_> = st.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["y-01", "y-02", "y-03"]);
    assert!(st
        .windows(2)
        .all(|w| w[0].span.unwrap()[0] <= w[1].span.unwrap()[0]));
}

#[test]
fn long_runs_without_sentence_ends_stay_exact() {
    // Sentences are cut at a bounded length, so each search stays bounded.
    for unit in [
        "Ada Vos said Bell said ",
        "\u{201c}x\u{201d}, adding, ",
        "Ada said, \u{201c}a ",
        "according to Ada, ",
    ] {
        let text = unit.repeat(4000);
        spans_hold(&text, &extract(&text, "t.txt"));
    }
}

#[test]
fn extractor_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Extractor>();
}

#[test]
#[rustfmt::skip]
fn headings_and_datelines_are_no_sentence() {
    // A headline or byline standing alone is left out, so it never opens
    // the first sentence or becomes a speaker.
    t!("Ferry strike ends\n\nThe strike is over, the union said.", "The strike is over", Some("the union"));
    lacks("Regulator rejects mine plan\n\nThe board met on Monday.", "rejects");
    lacks("Bakery chain closes 40 shops\n\nBy IVO LIND\n\nThe shops shut today.", "40 shops");
    // A heading is short, unclosed and alone in its paragraph.
    for (line, next_blank, heading) in [
        ("Ferry strike ends", true, true),
        ("By IVO LIND", true, true),
        ("Ferry strike ends", false, false),
        ("The strike ended on Monday.", true, false),
        ("\u{201c}We won,\u{201d}", true, false),
        ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen", true, false),
    ] {
        assert_eq!(scan::is_heading(line, next_blank), heading, "{line:?}");
    }
    // The dateline names where the story was filed, not what was said.
    t!("KESTREL BAY, Norvania (Northwire) - The strike is over, the union said.", "The strike is over", Some("the union"));
    t!("HARLOW -- The strike is over, the union said.", "The strike is over", Some("the union"));
    t!("PORT VELL (Wire) \u{2014} The strike is over, the union said.", "The strike is over", Some("the union"));
}

#[test]
#[rustfmt::skip]
fn dateline_lengths() {
    let cases: &[(&str, &str)] = &[
        // line, what follows the dateline ("" for no dateline)
        ("LORVIK, Estmark (Continental Press) -- The tunnel", "The tunnel"),
        ("MIREFIELD (Northwire) - St. Agnes", "St. Agnes"),
        ("ST. VELL, Orsa - A fire", "A fire"),
        ("HOST: Minister, is it true?", ""),
        ("A - B", ""),
        ("US-led talks resumed.", ""),
        ("The port - closed", ""),
        ("LORVIK, Estmark. The port - closed", ""),
        ("LONDONers - all", ""),
        ("ORSA, \u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9} (X) - y", ""),
    ];
    for (line, rest) in cases {
        let n = scan::dateline_len(line);
        let want = if rest.is_empty() { 0 } else { line.len() - rest.len() };
        assert_eq!(n, want, "{line:?}");
    }
}

#[test]
#[rustfmt::skip]
fn role_phrases_names_and_addressees() {
    // A role phrase with no name of its own: the name beside it speaks.
    t!("The promoter, Ivo Lind, wrote that he had not been told.", "he had not been told", Some("Ivo Lind"));
    t!("Another parent, Beth Arno, said her children were happier.", "her children were happier", Some("Beth Arno"));
    t!("A spokesman for the insurer, Velmar Mutual, said the firm would appeal.", "the firm would appeal", Some("Velmar Mutual"));
    t!("His rival, grandmaster Ada Vos, said the vote was split.", "the vote was split", Some("Ada Vos"));
    // Inverted: "said ROLE, NAME."
    t!("\u{201c}We will appeal,\u{201d} said the firm's chief operating officer, Ada Vos.", "We will appeal,", Some("the firm's chief operating officer, Ada Vos"));
    // The addressee of "told" is one noun phrase.
    t!("Director Ana Vos told reporters the terminal would stay open.", "the terminal would stay open", Some("Director Ana Vos"));
    t!("Ana Vos told the Harbor Courier the terminal would stay open.", "the terminal would stay open", Some("Ana Vos"));
    // "and" inside an organisation's name.
    t!("The Bakers and Allied Workers Union said the plan was unfair.", "the plan was unfair", Some("The Bakers and Allied Workers Union"));
    // Organisation words without a capital: railway, regulator, utility.
    t!("The ferry would stop at night, the national railway said.", "The ferry would stop at night", Some("the national railway"));
    t!("According to the regulator, the plan needs a new permit.", "the plan needs a new permit", Some("the regulator"));
    t!("The utility has rejected criticism of its response.", "has rejected criticism of its response", Some("The utility"));
    // "Co." is a corporate suffix: "the company" finds it.
    t!("Holm Water Co. said the main broke. The company said it had replaced the pipe.", "it had replaced the pipe", Some("Holm Water Co."));
}

#[test]
#[rustfmt::skip]
fn what_a_verb_takes_must_be_a_statement() {
    // An indirect question is no statement.
    let a = "The board said the firm had not shown how it would protect the river.";
    assert!(extract(a, "t.txt").iter().all(|s| s.actor.as_deref() != Some("the firm")));
    t!("The board said the firm had not shown how it would protect the river.", "the firm had not shown how it would protect the river", Some("The board"));
    // An inner report whose verb takes no clause is what the outer speaker said.
    t!("Health officials said 37 people had reported illness this week.", "37 people had reported illness this week", Some("Health officials"));
    t!("The ministry said engineers had found cracks in the bridge.", "engineers had found cracks in the bridge", Some("The ministry"));
    // With a clause, it is a report of its own.
    t!("The agency reported that Ada Vos said she would resign.", "she would resign", Some("Ada Vos"));
}

#[test]
#[rustfmt::skip]
fn a_quotation_split_around_its_frame_is_one_statement() {
    // One record from the first word to the last, frame included; the span
    // still slices the article (checked in `has`).
    let a = "\u{201c}We will not,\u{201d} she said, \u{201c}sign this deal.\u{201d}";
    t!(a, "We will not,\u{201d} she said, \u{201c}sign this deal.", None);
    assert_eq!(extract(a, "t.txt").len(), 1);
    t!("Ana Vos arrived. \"We have no choice,\" she added on Monday, \"and we never did.\"", "We have no choice,\" she added on Monday, \"and we never did.", Some("Ana Vos"));
    t!("\"Half of this room,\" said Ivo Lind, \"wants a change.\"", "Half of this room,\" said Ivo Lind, \"wants a change.", Some("Ivo Lind"));
    // Two sentences stay two statements.
    t!("\"I congratulate him,\" Ada Vos said. \"But I will be back.\"", "I congratulate him,", Some("Ada Vos"));
    t!("\"I congratulate him,\" Ada Vos said. \"But I will be back.\"", "But I will be back.", Some("Ada Vos"));
    // A first part that ends its sentence is a statement of its own.
    t!("\"We lost.\" Ada Vos said, \"Next year we win.\"", "We lost.", Some("Ada Vos"));
    t!("\"We lost.\" Ada Vos said, \"Next year we win.\"", "Next year we win.", Some("Ada Vos"));
}

#[test]
#[rustfmt::skip]
fn unframed_quotations_go_on_with_the_last_speaker() {
    // The last speaker, whether quoted or reported.
    t!("The ministry said, \"Nobody will lose a job.\" Ana Vos said the port would close. \"It is over.\"", "It is over.", Some("Ana Vos"));
    // No one has spoken yet: the person named in the sentence before a
    // quotation that opens a paragraph.
    t!("Chief Justice Ana Vos spoke at length.\n\n\"Trials take four years.\"", "Trials take four years.", Some("Chief Justice Ana Vos"));
    t!("The Port Board met at length.\n\n\"Trials take four years.\"", "Trials take four years.", None);
}

#[test]
#[rustfmt::skip]
fn possessive_determiners_and_titles_of_offices() {
    t!("The tour is off, his management said.", "The tour is off", Some("his management"));
    t!("Their union said the strike would go on.", "the strike would go on", Some("Their union"));
    // A title after an organisation word names a person: "he" finds them.
    t!("Justice Minister Ivo Brand said the plan works. He told reporters that the backlog would fall.", "the backlog would fall", Some("Justice Minister Ivo Brand"));
    t!("Bank of Orsa Governor Ivo Brand said rates would hold. He said that cuts would come.", "cuts would come", Some("Bank of Orsa Governor Ivo Brand"));
}

/// The kind each record's `actor_kind` field gives.
fn kind_of(article: &str, text: &str) -> String {
    let st = extract(article, "t.txt");
    let s = st
        .iter()
        .find(|s| s.text == text)
        .unwrap_or_else(|| panic!("no {text:?} in {st:#?}"));
    s.extra["actor_kind"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
#[rustfmt::skip]
fn speaker_kinds() {
    let cases: &[(&str, &str, &str)] = &[
        // article, statement, kind
        ("Mayor Ana Vos said the port would close.", "the port would close", "person"),
        ("Ana Vos said the port would close.", "the port would close", "person"),
        ("Orsa Rail Co. said the port would close.", "the port would close", "organization"),
        ("The regulator said the port would close.", "the port would close", "organization"),
        ("The Bank of Orsa said the port would close.", "the port would close", "organization"),
        ("Port officials said the port would close.", "the port would close", "group"),
        ("Hauliers say the closure is costing them.", "the closure is costing them", "group"),
        ("At least 40 people died in the flood.", "At least 40 people died in the flood", "source"),
        ("Mayor Ana Vos arrived. \"We won,\" she said.", "We won,", "person"),
        ("Orsa Rail Co. said it won. The company said the port would close.", "the port would close", "organization"),
        ("ANA VOS: The port stays open.", "The port stays open.", "person"),
        // An unframed quotation takes its speaker's kind with its name.
        ("Mayor Ana Vos said the port would close. \"It is over.\"", "It is over.", "person"),
        ("Orsa Rail Co. said the port would close. \"It is over.\"", "It is over.", "organization"),
    ];
    for (article, text, kind) in cases {
        assert_eq!(kind_of(article, text), *kind, "{article:?}");
    }
}

#[test]
fn speaker_kinds_agree_with_the_actor_layer() {
    // Where the actor layer can tell from the name alone, extraction says
    // the same.
    for name in [
        "Mayor Ana Vos",
        "Ana Vos",
        "Orsa Rail Co.",
        "Bank of Orsa",
        "Port officials",
        "Velmar Dairies Inc.",
        "Senator Ivo Lind",
    ] {
        let actor = crate::actor::mention_kind(crate::lexicon::actor::ActorLexicon::get(), name);
        let article = format!("{name} said the port would close.");
        let got = kind_of(&article, "the port would close");
        let want = serde_json::to_value(actor).unwrap();
        assert_eq!(got, want.as_str().unwrap(), "{name}");
    }
}

#[test]
#[rustfmt::skip]
fn one_sentence_with_a_frame_inside_is_one_statement() {
    // A frame between commas: one record from the first word to the last.
    t!("The board, Ana Vos said, will meet in May.", "The board, Ana Vos said, will meet in May", Some("Ana Vos"));
    t!("The port will close, Ana Vos said on Monday, and workers will be paid.", "The port will close, Ana Vos said on Monday, and workers will be paid", Some("Ana Vos"));
    assert_eq!(extract("The board, Ana Vos said, will meet in May.", "t.txt").len(), 1);
    // A participle after the frame reports the rest on its own.
    t!("Workers would be paid, Vos said, adding that the port would close.", "Workers would be paid", Some("Vos"));
    t!("Workers would be paid, Vos said, adding that the port would close.", "the port would close", Some("Vos"));
    // After "told" and its addressee, two words say nothing.
    lacks("\"We are ready,\" an aide told the outlet when asked about the story.", "the story");
}

/// Rule `short_org_name`: an organization named in full once ("Corvel
/// Freight Co.") and then by all but its organization word speaks as the
/// organization; a single word stays a name of its own.
#[test]
fn a_short_name_of_an_organization_named_before_is_that_organization() {
    let article = "The dock union said talks with its contractor, Corvel Freight Co., had \
                   stalled.\n\nCorvel Freight said it had offered a 4 percent rise.\n";
    has(
        article,
        "it had offered a 4 percent rise",
        Some("Corvel Freight Co."),
    );
    let article = "The Lund Administration will review the levy.\n\nLund said the levy \
                   would stay.\n";
    has(article, "the levy would stay", Some("Lund"));
}

/// An article is cut into words once ([`crate::text::words`]): the
/// scanner's tokens and the narrator's figures read the same cut.
#[test]
fn an_article_is_cut_once() {
    let article = "At least 40 people died in the flood on Monday, the mayor said.\n\n\
                   Some 300 homes along the river were damaged by the water.\n\n\
                   \u{201c}We will start again,\u{201d} Mayor Ilse Brant told reporters.\n";
    let st = extract(article, "t.txt");
    assert!(st.iter().any(|s| s.actor.is_none()), "{st:#?}");
    let (before, _) = crate::text::cuts::count();
    drop(extract(article, "t.txt"));
    let (after, _) = crate::text::cuts::count();
    assert_eq!(after - before, 1);
}
