//! A descriptor ("the company") refers back within its own article only:
//! two articles each saying "the company" give two different actors.

use gainsay::{extract, normalize_actors, Statement};

#[test]
fn descriptors_stay_within_their_article() {
    let a =
        "Vantor Inc. opened a plant in May.\nThe company said the plant would hire 200 workers.\n";
    let b = "Quill Corp. closed a mill in June.\nThe company said the mill would not reopen.\n";
    let mut st: Vec<Statement> = extract(a, "north/a.txt");
    st.extend(extract(b, "south/b.txt"));
    let actors = normalize_actors(&st, None);
    let of = |needle: &str| {
        let i = st
            .iter()
            .position(|s| s.text.contains(needle))
            .unwrap_or_else(|| panic!("{needle}: {st:#?}"));
        actors[i].id.to_string()
    };
    let (x, y) = (of("hire 200"), of("not reopen"));
    assert_ne!(x, y, "{st:#?}\n{actors:#?}");
}
