//! `slatecard balance --write` edits the `order` of each entry whatever the
//! file's layout, keeping everything else (comments, quotes, line endings).
#![cfg(not(target_arch = "wasm32"))]

use slatecard::cli::balance::{rewrite, RewriteError};

fn orders() -> Vec<(String, Vec<String>)> {
    vec![
        ("wales".to_owned(), vec!["b".to_owned(), "a".to_owned()]),
        ("northern".to_owned(), vec!["a".to_owned(), "b".to_owned()]),
        (
            "south-west".to_owned(),
            vec!["a".to_owned(), "b".to_owned()],
        ),
    ]
}

/// The `order` array of the entry for `region` in `text`, as strings.
fn order_of(text: &str, region: &str) -> Vec<String> {
    let doc: toml_edit::DocumentMut = text.parse().unwrap();
    let entries = doc["orders"].as_array_of_tables().unwrap();
    let entry = entries
        .iter()
        .find(|t| {
            t.get("region").and_then(|r| r.as_str()) == Some(region)
                || t.get("regions")
                    .and_then(|r| r.as_array())
                    .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(region)))
        })
        .unwrap();
    entry["order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_layout_is_rewritten() {
    let layouts = [
        "[[orders]]\nregion = \"wales\" # Cymru\norder = [\"a\", \"b\"]\n",
        "[[orders]]\nregion=\"wales\"\norder=[\"a\",\"b\"]\n",
        "[[orders]]\nregion = 'wales'\norder = ['a', 'b']\n",
        "[[orders]]\nregion\t= \"wales\"\norder\t= [\"a\", \"b\"]\n",
        "[[orders]]\norder = [\"a\", \"b\"]\nregion = \"wales\"\n",
        "[[orders]]\nregion = \"wales\"\norder = [\n  \"a\",\n  \"b\",\n]\n",
    ];
    for text in layouts {
        let (new, changed) = rewrite(text, &orders()[..1]).unwrap();
        assert_eq!(order_of(&new, "wales"), ["b", "a"], "{text}");
        assert_eq!(changed, ["wales"], "{text}");
    }
}

#[test]
fn comments_and_line_endings_are_kept() {
    let text = "# top\n[[orders]]\nregion = \"wales\" # Cymru\norder = [\"a\", \"b\"] # keep me\nprovenance = \"generated\"\n";
    let (new, _) = rewrite(text, &orders()[..1]).unwrap();
    assert!(new.starts_with("# top\n"));
    assert!(new.contains("region = \"wales\" # Cymru\n"), "{new}");
    assert!(new.contains("# keep me"), "{new}");
    let crlf = text.replace('\n', "\r\n");
    let (new, _) = rewrite(&crlf, &orders()[..1]).unwrap();
    assert!(
        !new.replace("\r\n", "").contains('\n'),
        "mixed line endings: {new:?}"
    );
    assert_eq!(order_of(&new, "wales"), ["b", "a"]);
}

#[test]
fn shared_lists_and_unchanged_orders() {
    let text = "[[orders]]\nregions = [\"northern\", \"south-west\"]\norder = [\"b\", \"a\"]\n";
    let (new, changed) = rewrite(text, &orders()[1..]).unwrap();
    assert_eq!(order_of(&new, "south-west"), ["a", "b"]);
    assert_eq!(changed, ["northern", "south-west"]);
    let (again, changed) = rewrite(&new, &orders()[1..]).unwrap();
    assert_eq!(again, new);
    assert!(changed.is_empty());
}

#[test]
fn a_region_without_an_entry_is_said() {
    let text = "[[orders]]\nregion = \"northern\"\norder = [\"a\", \"b\"]\n";
    assert_eq!(
        rewrite(text, &orders()[..1]).unwrap_err(),
        RewriteError::NoEntry("wales".to_owned())
    );
    assert!(matches!(
        rewrite("order = [", &orders()),
        Err(RewriteError::NotToml(_))
    ));
}
