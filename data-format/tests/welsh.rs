//! The optional Welsh forms of the data's free text (`slate_cy`,
//! `notes_cy`, `summary_cy`…): read beside the English they translate, and
//! optional. (Each way of getting one wrong is a case of `tests/check.rs`.)
//! The Welsh here is a test fixture's, not a slate's.

use slatecard_data_format::{parse_election, parse_scheme, SCHEME_PATH};
use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path))
        .expect("a bundled file")
}

/// `text` with `with` put after the first line that is `after`.
fn after(text: &str, after: &str, with: &str) -> String {
    assert!(text.contains(after), "{after}");
    text.replacen(after, &format!("{after}\n{with}"), 1)
}

#[test]
fn welsh_forms_are_read_beside_the_english() {
    let scheme = parse_scheme(SCHEME_PATH, &read(SCHEME_PATH)).expect("the regions file");
    let file = "data/elections/nec-2026.toml";
    let text = read(file);
    let plain = parse_election(file, &text, &scheme).expect("the bundled file");
    // The bundled data gives the titles in Welsh.
    assert!(plain.title_cy.starts_with("Etholiadau NEC Llafur 2026"));
    // ... and every candidate's summary (data/CHANGELOG.md, 2026-12-07).
    assert!(plain.candidates.iter().all(|c| !c.summary_cy.is_empty()));
    // Left out (the bundled data): empty, as every optional text.
    assert_eq!(plain.slate_cy, "");
    assert!(plain.notes_cy.is_empty());
    assert!(plain.candidates.iter().all(|c| c.note_cy.is_empty()));
    let notes_cy: Vec<String> = (0..plain.notes.len())
        .map(|i| {
            if i == 1 {
                String::new()
            } else {
                format!("Nodyn {i}.")
            }
        })
        .collect();
    let text = after(
        &text,
        r#"slate = "Centre Left Grassroots Alliance""#,
        &format!("slate_cy = \"Cynghrair Llawr Gwlad y Chwith Ganol\"\nnotes_cy = {notes_cy:?}"),
    );
    let text = after(
        &text,
        "method = \"balanced-v1\"",
        "description_cy = \"Cyfrifodd slatecard y trefnau.\"",
    );
    let text = after(
        &text,
        "used_for = \"The three candidates.\"",
        "used_for_cy = \"Y tri ymgeisydd.\"",
    );
    let e = parse_election(file, &text, &scheme).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(e.slate, plain.slate);
    assert_eq!(e.slate_cy, "Cynghrair Llawr Gwlad y Chwith Ganol");
    assert_eq!(e.notes, plain.notes);
    assert_eq!(e.notes_cy, notes_cy);
    let dar = e.candidates.iter().find(|c| c.id == "dar").expect("dar");
    assert_eq!(dar.summary, "CLP representative on the NEC since 2018.");
    assert_eq!(
        dar.summary_cy,
        "Cynrychiolydd etholaethol (CLP) ar NEC Llafur ers 2018."
    );
    assert_eq!(dar.name, "Yasmine Dar");
    let g = e.generation.as_ref().expect("generation");
    assert_eq!(g.description_cy, "Cyfrifodd slatecard y trefnau.");
    assert_eq!(e.sources[0].used_for_cy, "Y tri ymgeisydd.");
}
