//! The organisers' workflow (docs/organisers.md): `slatecard new` starts a
//! file that names every field, which `balance` then fills with orders.
#![cfg(not(target_arch = "wasm32"))]

use slatecard_cli::new::template;
use slatecard_data_format::ElectionDef;

fn regions() -> Vec<String> {
    let scheme = slatecard_data_format::parse_scheme(
        "labour.toml",
        include_str!("../data/regions/labour.toml"),
    )
    .unwrap();
    scheme.regions.iter().map(|r| r.id.clone()).collect()
}

/// The new file is valid TOML with every required field present (the
/// organiser fills values in, never adds missing keys), and lists the
/// region ids an order may name.
#[test]
fn a_new_file_has_every_field() {
    let regions = regions();
    let ids: Vec<&str> = regions.iter().map(String::as_str).collect();
    let text = template("nec-2028", 2028, "2026-11-30", "labour", &ids);
    let def: ElectionDef = toml_edit::de::from_str(&text).unwrap();
    assert_eq!(def.id, "nec-2028");
    assert_eq!(def.ballot.held, 2028);
    assert_eq!(def.version, 1);
    assert_eq!(def.updated, "2026-11-30");
    assert!(def.orders.is_empty());
    for id in ids {
        assert!(text.contains(id), "{id}");
    }
}
