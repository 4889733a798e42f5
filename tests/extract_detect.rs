//! End-to-end from article text: extract statement records, detect, and
//! check that every evidence span slices the extracted record it names.

use gainsay::{extract, ContradictionKind, Detector};

const ARTICLE: &str = " date 2031-03-04 Governor Ana Ruiz said she would be \"ok\" with building a new dam on the river, \
contradicting Mayor Tom Bell who last week saying such a project would not take place.\n\
Asked about building a new dam on the river, Ruiz replied: \u{201c}that's ok with me.\u{201d}\n\
Bell, however, has repeatedly rejected building a new dam on the river. Last week he reiterated \
that a new dam is \"ruled out,\" citing an \"agreement\" with farmers.\n\
Ana Ruiz at the river bank. Kim Roe/Pressfoto Images\n";

#[test]
fn article_to_contradictions_with_valid_spans() {
    let st = extract(ARTICLE, "river.txt");
    for s in &st {
        let [a, b] = s.span.unwrap();
        assert_eq!(&ARTICLE[a..b], s.text);
        assert_eq!(s.date.unwrap().to_string(), "2031-03-04");
        assert!(!s.text.contains("Pressfoto"));
    }
    let actor = |text: &str| {
        st.iter()
            .find(|s| s.text == text)
            .and_then(|s| s.actor.clone())
            .unwrap_or_else(|| panic!("no record {text:?} in {st:#?}"))
    };
    assert_eq!(actor("that's ok with me."), "Ruiz");
    assert_eq!(
        actor("such a project would not take place"),
        "Mayor Tom Bell"
    );
    assert_eq!(
        actor("a new dam is \"ruled out,\" citing an \"agreement\" with farmers"),
        "Bell"
    );
    let report = Detector::new().detect(&st).unwrap();
    assert!(report
        .contradictions
        .iter()
        .any(|c| c.kind == ContradictionKind::Stance));
    report.check_evidence(&st).unwrap();
    let pairs: Vec<_> = report
        .contradictions
        .iter()
        .map(|c| {
            let who = |id: &str| {
                st.iter()
                    .find(|s| s.id == id)
                    .unwrap()
                    .actor
                    .clone()
                    .unwrap()
            };
            (who(&c.a), who(&c.b))
        })
        .collect();
    assert!(
        pairs
            .iter()
            .any(|(a, b)| (a.contains("Ruiz") && b.contains("Bell"))
                || (a.contains("Bell") && b.contains("Ruiz"))),
        "{pairs:?}"
    );
}
