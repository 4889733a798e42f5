//! Newswire shapes of reported speech (issue 14), one invented case a line:
//! each failure class has its own table.

use gainsay::{extract, Statement};

/// Every record's span slices the article to its text.
fn spans_hold(article: &str, st: &[Statement]) {
    for s in st {
        let [a, b] = s.span.expect("every record has a span");
        assert!(a <= b && b <= article.len(), "{s:?}");
        assert_eq!(&article[a..b], s.text);
    }
}

fn shown(st: &[Statement]) -> Vec<(&str, Option<&str>)> {
    st.iter()
        .map(|s| (s.text.as_str(), s.actor.as_deref()))
        .collect()
}

/// `article` yields a record with `text` said by `actor`.
fn has(article: &str, text: &str, actor: Option<&str>) {
    let st = extract(article, "t.txt");
    spans_hold(article, &st);
    if !st
        .iter()
        .any(|s| s.text == text && s.actor.as_deref() == actor)
    {
        FAILS.with(|f| {
            f.borrow_mut().push(format!(
                "want {text:?} by {actor:?} in {article:?}, got {:?}",
                shown(&st)
            ))
        });
    }
}

thread_local! {
    static FAILS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Fails the test with every case that went wrong, not only the first.
fn done() {
    let f = FAILS.with(|f| std::mem::take(&mut *f.borrow_mut()));
    assert!(f.is_empty(), "{} failed:\n{}", f.len(), f.join("\n"));
}

/// `article` yields exactly `n` records.
fn count(article: &str, n: usize) {
    let st = extract(article, "t.txt");
    spans_hold(article, &st);
    assert_eq!(st.len(), n, "{article:?}: {:#?}", shown(&st));
}

/// No record of `article` has `actor` as its speaker.
fn not_speaker(article: &str, actor: &str) {
    let st = extract(article, "t.txt");
    spans_hold(article, &st);
    if st.iter().any(|s| s.actor.as_deref() == Some(actor)) {
        FAILS.with(|f| {
            f.borrow_mut().push(format!(
                "unwanted speaker {actor:?} in {article:?}: {:?}",
                shown(&st)
            ))
        });
    }
}

#[test]
#[rustfmt::skip]
fn corporate_suffixes_and_initials_do_not_end_a_name() {
    has("Acme Inc. said it did not break any rules.", "it did not break any rules", Some("Acme Inc."));
    has("Borlo Ltd. said prices would rise.", "prices would rise", Some("Borlo Ltd."));
    has("Vantor Co. said the plant would close.", "the plant would close", Some("Vantor Co."));
    has("Quill Corp. denied that it had paid the fine.", "it had paid the fine", Some("Quill Corp."));
    has("Mr. Ode said the toll was fair.", "the toll was fair", Some("Mr. Ode"));
    has("Mr Ode said the toll was fair.", "the toll was fair", Some("Mr Ode"));
    has("Rep. Ada Vos said the bill would fail.", "the bill would fail", Some("Rep. Ada Vos"));
    has("Benjamin J. Holm said the bill would fail.", "the bill would fail", Some("Benjamin J. Holm"));
    has("Representative Charles B. Ranel said the bill would fail.", "the bill would fail", Some("Representative Charles B. Ranel"));
    done();
    count("Acme Inc. said it did not break any rules.", 1);
}

#[test]
#[rustfmt::skip]
fn a_statement_phrase_after_the_verb_is_no_statement() {
    has("No troops will be sent, the ministry said in a statement.", "No troops will be sent", Some("the ministry"));
    has("The plant will stay open, the company said in a statement on Tuesday.", "The plant will stay open", Some("the company"));
    has("Prices will not rise, Ada Vos told reporters on Monday.", "Prices will not rise", Some("Ada Vos"));
    done();
    count("No troops will be sent, the ministry said in a statement.", 1);
    count("\u{201c}We will appeal,\u{201d} the company said in a statement on Tuesday.", 1);
    count("The plant will stay open, the company said in a statement on Tuesday.", 1);
}

#[test]
#[rustfmt::skip]
fn labels_contractions_and_possessives() {
    has("HOST: What happens to the port?\nVOS: The port will stay open all year.\n", "The port will stay open all year.", Some("VOS"));
    has("MS. RANEL: We never approved the toll.\n", "We never approved the toll.", Some("MS. RANEL"));
    not_speaker("Claim: The toll was doubled last year.\n", "Claim");
    not_speaker("Origin: The rumor began on a forum in May.\n", "Origin");
    not_speaker("Photo: Ada Vos at the port in May.\n", "Photo");
    not_speaker("You\u{2019}d said the toll would fall.", "You\u{2019}d");
    not_speaker("We\u{2019}ve said the toll would fall.", "We\u{2019}ve");
    has("Metro\u{2019}s said the line would reopen.", "the line would reopen", Some("Metro"));
    has("Ada Vos said the toll was fair. Vantor\u{2019}s said it would appeal.", "it would appeal", Some("Vantor"));
    done();
}

#[test]
#[rustfmt::skip]
fn according_to_reports_and_following_quotes() {
    has("According to the agency\u{2019}s report, 40 wells ran dry.", "40 wells ran dry", Some("the agency\u{2019}s report"));
    has("The commission said Thursday it has concluded that the merger was legal.", "the merger was legal", Some("The commission"));
    has("The port is run by Ada Vos, who said the following:\n\u{201c}We will not close the port this year.\u{201d}\n", "We will not close the port this year.", Some("Ada Vos"));
    has("``We will not close the port,'' Ada Vos said.", "We will not close the port,", Some("Ada Vos"));
    has("''We will not close the port,'' Ada Vos said.", "We will not close the port,", Some("Ada Vos"));
    done();
}
