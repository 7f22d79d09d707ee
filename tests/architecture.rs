//! Which crate may depend on which (`docs/architecture.md`, "Crates"),
//! checked over `cargo metadata`: the resolved graph, as Cargo builds it.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::process::Command;

/// Every package `package` links through normal (not dev, not build)
/// dependencies when built for `target`, without default features, as
/// `cargo tree` resolves it (procedural macros and what they use run at
/// compile time and are left out).
fn reach(package: &str, target: &str) -> BTreeSet<String> {
    let out = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--locked",
            "--offline",
            "-p",
            package,
            "--target",
            target,
            "--no-default-features",
            "-e",
            "normal,no-proc-macro",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1) // the package itself
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

const HOST: &str = "x86_64-unknown-linux-gnu";

#[test]
fn the_app_in_the_browser_carries_no_organisers_tools() {
    let app = reach("slatecard", "wasm32-unknown-unknown");
    for tool in [
        "slatecard-stv",
        "slatecard-data-format",
        "num-bigint",
        "num-rational",
        "num-traits",
        "resvg",
        "toml_edit",
    ] {
        assert!(!app.contains(tool), "the wasm app depends on {tool}");
    }
}

#[test]
fn the_shared_crates_depend_on_nothing_but_what_they_say() {
    // Pure: dates, and how generated orders are made.
    assert_eq!(reach("slatecard-calendar", HOST), BTreeSet::new());
    assert_eq!(reach("slatecard-balance", HOST), BTreeSet::new());
    // The STV count: exact arithmetic only.
    let stv = reach("slatecard-stv", HOST);
    assert!(stv.iter().all(|d| d.starts_with("num-")), "{stv:?}");
    // The data format never draws: no Yew, no browser crates.
    let format = reach("slatecard-data-format", HOST);
    for ui in ["yew", "web-sys", "wasm-bindgen", "slatecard"] {
        assert!(!format.contains(ui), "the data format depends on {ui}");
    }
}

#[test]
fn the_core_links_no_ui_and_no_organisers_tools() {
    // The pure core and the catalogue (`core/`): dates and generated orders
    // only, on the host and in the browser alike.
    for target in [HOST, "wasm32-unknown-unknown"] {
        let core = reach("slatecard-core", target);
        for dep in &core {
            assert!(
                !dep.starts_with("num-"),
                "the core depends on {dep} ({target})"
            );
        }
        for banned in [
            "yew",
            "web-sys",
            "js-sys",
            "wasm-bindgen",
            "slatecard",
            "slatecard-stv",
            "slatecard-data-format",
        ] {
            assert!(
                !core.contains(banned),
                "the core depends on {banned} ({target})"
            );
        }
        assert_eq!(
            core,
            BTreeSet::from([
                "slatecard-balance".to_owned(),
                "slatecard-calendar".to_owned()
            ]),
            "{target}"
        );
    }
}
