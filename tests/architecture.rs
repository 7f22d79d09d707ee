//! Which crate may depend on which (`docs/architecture.md`, "Crates"),
//! checked over `cargo metadata`: the resolved graph, as Cargo builds it.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// Every package `package` links through normal (not dev, not build)
/// dependencies when built for `target`, without default features, as
/// `cargo tree` resolves it (procedural macros and what they use run at
/// compile time and are left out).
fn reach(package: &str, target: &str) -> BTreeSet<String> {
    reach_with(package, target, "")
}

/// As [`reach`], with the package's `features` (comma-separated) on.
fn reach_with(package: &str, target: &str, features: &str) -> BTreeSet<String> {
    let out = cargo_tree(&[
        "-p",
        package,
        "--target",
        target,
        "--no-default-features",
        "--features",
        features,
        "-e",
        "normal,no-proc-macro",
        "--format",
        "{p}",
    ]);
    out.lines()
        .skip(1) // the package itself
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

/// `cargo tree --locked --offline ARGS --prefix none` in the workspace: its
/// output, one package a line. Panics with cargo's own words if it fails.
fn cargo_tree(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO"))
        .args(["tree", "--locked", "--offline"])
        .args(args)
        .args(["--prefix", "none"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const HOST: &str = "x86_64-unknown-linux-gnu";

/// The workspace's crates by directory, with the workspace crates each may
/// depend on (normal dependencies): `docs/architecture.md`, "Crates".
const ALLOWED: &[(&str, &[&str])] = &[
    ("calendar", &[]),
    ("balance", &[]),
    ("data-format", &["slatecard-balance", "slatecard-calendar"]),
    ("core", &["slatecard-balance", "slatecard-calendar"]),
    ("stv", &["slatecard-core"]),
    (".", &["slatecard-core"]),
    (
        "site",
        &[
            "slatecard",
            "slatecard-core",
            "slatecard-stv",
            "slatecard-data-format",
        ],
    ),
    (
        "cli",
        &["slatecard-core", "slatecard-stv", "slatecard-data-format"],
    ),
    (
        "studio",
        &["slatecard", "slatecard-core", "slatecard-data-format"],
    ),
];

#[test]
fn each_crate_depends_only_on_the_crates_it_may() {
    let out = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--locked",
            "--offline",
            "--no-deps",
            "--format-version",
            "1",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("cargo metadata's JSON");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let packages = meta["packages"].as_array().expect("packages");
    assert_eq!(
        packages.len(),
        ALLOWED.len(),
        "a crate is missing from ALLOWED"
    );
    for package in packages {
        let name = package["name"].as_str().unwrap_or_default();
        let manifest = std::path::Path::new(package["manifest_path"].as_str().unwrap_or_default());
        let dir = manifest
            .parent()
            .and_then(|d| d.strip_prefix(root).ok())
            .expect("in the workspace");
        let dir = if dir.as_os_str().is_empty() {
            "."
        } else {
            dir.to_str().unwrap_or_default()
        };
        let allowed = ALLOWED
            .iter()
            .find(|(d, _)| *d == dir)
            .unwrap_or_else(|| panic!("{name} ({dir}/) is not in ALLOWED"))
            .1;
        for dep in package["dependencies"].as_array().into_iter().flatten() {
            let dep_name = dep["name"].as_str().unwrap_or_default();
            let normal = dep["kind"].is_null();
            if normal && dep["path"].is_string() {
                assert!(
                    allowed.contains(&dep_name),
                    "{name} depends on {dep_name}, which it may not"
                );
            }
        }
    }
}

#[test]
fn the_app_in_the_browser_carries_no_organisers_tools() {
    // Each browser module's build (`--features csr`), and the UI as the site
    // builder draws it (`--features ssr`, on the host).
    for (target, features) in [("wasm32-unknown-unknown", "csr"), (HOST, "ssr")] {
        let app = reach_with("slatecard", target, features);
        for tool in [
            "slatecard-stv",
            "slatecard-data-format",
            "slatecard-site",
            "slatecard-cli",
            "num-bigint",
            "num-rational",
            "num-traits",
            "resvg",
            "lol_html",
            "toml_edit",
        ] {
            assert!(!app.contains(tool), "the UI ({features}) depends on {tool}");
        }
    }
}

#[test]
fn the_command_line_draws_nothing() {
    let cli = reach("slatecard-cli", HOST);
    for ui in [
        "slatecard",
        "slatecard-site",
        "yew",
        "web-sys",
        "wasm-bindgen",
        "resvg",
    ] {
        assert!(!cli.contains(ui), "the command line depends on {ui}");
    }
}

#[test]
fn the_shared_crates_depend_on_nothing_but_what_they_say() {
    // Pure: dates, and how generated orders are made.
    assert_eq!(reach("slatecard-calendar", HOST), BTreeSet::new());
    assert_eq!(reach("slatecard-balance", HOST), BTreeSet::new());
    // The STV count and its simulation: exact arithmetic and the core.
    let stv = reach("slatecard-stv", HOST);
    assert!(
        stv.iter()
            .all(|d| d.starts_with("num-") || d.starts_with("slatecard-")),
        "{stv:?}"
    );
    for ui in ["slatecard", "yew", "web-sys", "wasm-bindgen"] {
        assert!(!stv.contains(ui), "the STV count depends on {ui}");
    }
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

/// Each package the workspace builds, with the features `cargo tree`
/// resolves for `selection` on the build machine (over the dependency
/// `edges`, e.g. `normal,build`): `"name vX.Y.Z" → {"feature,feature"}`,
/// one entry per distinct set where cargo builds the package more than once.
fn features(selection: &[&str], edges: &str) -> BTreeMap<String, BTreeSet<String>> {
    let args = [
        selection,
        &["--target", HOST, "-e", edges, "--format", "{p}|{f}"],
    ]
    .concat();
    let mut map = BTreeMap::<String, BTreeSet<String>>::new();
    for line in cargo_tree(&args).lines() {
        let Some((package, features)) = line.split_once('|') else {
            continue;
        };
        // "name v1.2.3 (/path)" or "name v1.2.3 (*)": the name and version.
        let package = package.split(' ').take(2).collect::<Vec<_>>().join(" ");
        let features = features.trim_end_matches(" (*)").to_owned();
        map.entry(package).or_default().insert(features);
    }
    map
}

/// `cargo run -p slatecard-site` (Trunk's hook) and `cargo build -p
/// slatecard-cli` (the e2e tests, the walkthrough, `cargo slatecard`)
/// resolve every dependency with the features the workspace's test build
/// gives it, so they reuse that build's crates instead of compiling serde,
/// web-sys, Yew and the data format a second time (75 s of a fresh CI run,
/// measured 2026-12-07). Fails when a dependency's features drift apart:
/// add the missing features to the crate's own Cargo.toml, as its comments
/// show.
#[test]
fn the_site_builder_and_the_command_line_build_like_the_workspace() {
    let workspace = features(&["--workspace"], "normal,build,dev");
    for package in ["slatecard-site", "slatecard-cli"] {
        let alone = features(&["-p", package], "normal,build");
        let differ: Vec<String> = alone
            .iter()
            .filter(|(name, f)| workspace.get(*name) != Some(f))
            .map(|(name, f)| format!("{name}: {f:?}, the workspace: {:?}", workspace.get(name)))
            .collect();
        assert!(
            differ.is_empty(),
            "{package} alone resolves other features than the workspace:\n{}",
            differ.join("\n")
        );
    }
}
