//! `slatecard balance --write` edits the `order` of each entry whatever the
//! file's layout, keeping everything else (comments, quotes, line endings).
#![cfg(not(target_arch = "wasm32"))]

use slatecard_cli::balance::{generate, read_for_balance, rewrite, RewriteError};

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
fn a_region_without_an_entry_gets_one() {
    let text =
        "[[orders]]\nregion = \"northern\"\norder = [\"a\", \"b\"]\n\n[[sources]]\nid = \"s\"\n";
    let (new, changed) = rewrite(text, &orders()[..2]).unwrap();
    assert_eq!(changed, ["wales"]);
    assert_eq!(order_of(&new, "wales"), ["b", "a"]);
    assert_eq!(order_of(&new, "northern"), ["a", "b"]);
    let doc: toml_edit::DocumentMut = new.parse().unwrap();
    let added = doc["orders"]
        .as_array_of_tables()
        .unwrap()
        .iter()
        .find(|t| t.get("region").and_then(|r| r.as_str()) == Some("wales"))
        .unwrap();
    assert_eq!(added["provenance"].as_str(), Some("generated"));
    assert_eq!(doc["sources"].as_array_of_tables().unwrap().len(), 1);
    // No `orders` at all (a new file): every region gets an entry.
    let (new, changed) = rewrite("id = \"x\"\n", &orders()).unwrap();
    assert_eq!(changed, ["wales", "northern", "south-west"]);
    assert_eq!(order_of(&new, "south-west"), ["a", "b"]);
    assert!(matches!(
        rewrite("order = [", &orders()),
        Err(RewriteError::NotToml(_))
    ));
    assert_eq!(
        rewrite("orders = [1]", &orders()).unwrap_err(),
        RewriteError::NotOrderTables
    );
}

/// Every bundled election with generated orders, its generated entries
/// deleted, gets them back from `balance` exactly as bundled: a new election
/// needs no placeholder orders.
#[test]
fn generated_orders_come_back_from_nothing() {
    let scheme_text = include_str!("../data/regions/labour.toml");
    let scheme = slatecard_data_format::parse_scheme("labour.toml", scheme_text).unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/elections");
    let mut checked = 0;
    for path in std::fs::read_dir(dir).unwrap().map(|d| d.unwrap().path()) {
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        let file = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let bundled = slatecard_data_format::parse_election(&file, &text, &scheme).unwrap();
        if bundled.generation.is_none() {
            continue;
        }
        let mut doc: toml_edit::DocumentMut = text.parse().unwrap();
        let entries = doc["orders"].as_array_of_tables_mut().unwrap();
        entries.retain(|t| t.get("provenance").and_then(|p| p.as_str()) != Some("generated"));
        let bare = doc.to_string();
        let def = read_for_balance(&file, &bare, &scheme).unwrap();
        let orders = generate(&def, &scheme).unwrap();
        let (filled, _) = rewrite(&bare, &orders).unwrap();
        let back = slatecard_data_format::parse_election(&file, &filled, &scheme)
            .unwrap_or_else(|e| panic!("{e}\n{filled}"));
        for r in &scheme.regions {
            let order = |e: &slatecard_data_format::ElectionDef| {
                e.orders
                    .iter()
                    .find(|o| o.region_ids().contains(&r.id.as_str()))
                    .map(|o| o.order.clone())
            };
            assert_eq!(order(&back), order(&bundled), "{file}: {}", r.id);
        }
        checked += 1;
    }
    assert!(checked > 0);
}

/// `reports/balance/ID.md` is what `slatecard balance` reports for each
/// election with generated orders, and there is one for each of them.
#[test]
fn committed_balance_reports_are_current() {
    let scheme_text = include_str!("../data/regions/labour.toml");
    let scheme = slatecard_data_format::parse_scheme("labour.toml", scheme_text).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    for path in std::fs::read_dir(format!("{root}/data/elections"))
        .unwrap()
        .map(|d| d.unwrap().path())
    {
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        let file = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let def = slatecard_data_format::parse_election(&file, &text, &scheme).unwrap();
        let committed = std::fs::read_to_string(format!("{root}/reports/balance/{}.md", def.id));
        if def.generation.is_none() {
            assert!(
                committed.is_err(),
                "{}: no generated orders, no report",
                def.id
            );
            continue;
        }
        let orders = generate(&def, &scheme).unwrap();
        assert_eq!(
            committed.unwrap_or_default(),
            slatecard_cli::balance::report(&def, &scheme, &orders),
            "reports/balance/{}.md is out of date: run `cargo slatecard balance {file} > reports/balance/{}.md`",
            def.id,
            def.id
        );
    }
}
