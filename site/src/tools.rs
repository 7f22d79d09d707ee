//! The external programs of the build, run from Rust: cargo, wasm-bindgen
//! and wasm-opt for the blogs' wasm module, terser for the JS. They are
//! looked for first where `scripts/setup` installs them (`tools/node_modules/.bin`,
//! `~/.cargo/bin`), then on `PATH`.

use super::{read, rewrite, root, set_attributes, sri, write};
use lol_html::{element, RewriteStrSettings};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Whether this is a release build (`$TRUNK_PROFILE`, release unless said).
pub fn release() -> bool {
    std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release")
}

/// A command for `program`, with `scripts/setup`'s tool folders first on
/// its `PATH`.
pub fn tool(program: &str) -> Command {
    let mut dirs = vec![root().join("tools/node_modules/.bin")];
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    let mut cmd = Command::new(program);
    if let Ok(path) = std::env::join_paths(dirs) {
        cmd.env("PATH", path);
    }
    cmd
}

/// Runs `cmd` (named `what` in errors), its output shown; fails unless it
/// succeeds.
fn run(what: &str, cmd: &mut Command) -> Result<(), String> {
    let status = cmd
        .status()
        .map_err(|e| format!("{what}: cannot run (run scripts/setup): {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// The `.wasm` file cargo says it built for the target `name` (the blogs'
/// module: `embed`), from its JSON messages (`--message-format=json…`, one
/// a line); None if none.
pub fn built_wasm(messages: &str, name: &str) -> Option<String> {
    let mut found = None;
    for line in messages.lines().filter(|l| l.starts_with('{')) {
        let Ok(m) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if m["reason"] == "compiler-artifact" && m["target"]["name"] == name {
            if let Some(files) = m["filenames"].as_array() {
                for f in files.iter().filter_map(|f| f.as_str()) {
                    if f.ends_with(".wasm") {
                        found = Some(f.to_owned());
                    }
                }
            }
        }
    }
    found
}

/// Builds the blogs' wasm module (the UI's `embed` bin: the widget and
/// `mount()`) into `dist` as `slatecard-embed.js` and
/// `slatecard-embed_bg.wasm`, as Trunk builds the member's (the `island`
/// bin): cargo for wasm32 with the same features, so the two share every
/// compiled crate and only the entry is new; `wasm-bindgen --target web`;
/// and on release builds `wasm-opt -Oz --converge`. Returns the wasm's size
/// in bytes.
pub fn embed_module(dist: &Path, release: bool) -> Result<u64, String> {
    let mut cargo = tool("cargo");
    cargo
        .current_dir(root())
        .args(["build", "--target", "wasm32-unknown-unknown", "--locked"])
        .args(["-p", "slatecard", "--features", "csr", "--bin", "embed"])
        .arg("--message-format=json-render-diagnostics")
        .stderr(Stdio::inherit());
    if release {
        cargo.arg("--release");
    }
    let out = cargo
        .output()
        .map_err(|e| format!("cargo: cannot run: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo build of the blogs' module failed ({})",
            out.status
        ));
    }
    let wasm = built_wasm(&String::from_utf8_lossy(&out.stdout), "embed")
        .filter(|w| Path::new(w).is_file())
        .ok_or("cargo built no embed.wasm")?;
    run(
        "wasm-bindgen",
        tool("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(dist)
            .args(["--out-name", "slatecard-embed"])
            .arg(&wasm),
    )?;
    let built = dist.join("slatecard-embed_bg.wasm");
    if release {
        run(
            "wasm-opt",
            tool("wasm-opt")
                .arg(format!("--output={}", built.display()))
                .arg("-Oz")
                .arg(&built)
                .arg("--converge"),
        )?;
    }
    std::fs::metadata(&built)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", built.display()))
}

/// The JS files terser minifies on release builds, each with its options:
/// the member's glue, the blogs' glue, the embed loader (a classic script)
/// and the start-up script.
pub const MINIFIED: [(&str, &[&str]); 4] = [
    ("slatecard.js", &["--module"]),
    ("slatecard-embed.js", &["--module"]),
    ("embed.js", &[]),
    ("start.js", &["--module"]),
];

/// Minifies `dist/name` with terser (`--compress --mangle` and `options`)
/// in place, and puts its new subresource-integrity hash in
/// `dist/index.html` wherever the old one was.
pub fn minify(dist: &Path, name: &str, options: &[&str]) -> Result<(), String> {
    let file = dist.join(name);
    let before =
        sri(&std::fs::read(&file).map_err(|e| format!("{}: is missing: {e}", file.display()))?);
    let min = dist.join(format!("{name}.min"));
    run(
        "terser",
        tool("terser")
            .arg(&file)
            .args(options)
            .args(["--compress", "--mangle", "--output"])
            .arg(&min),
    )?;
    std::fs::rename(&min, &file).map_err(|e| format!("{}: {e}", file.display()))?;
    let after = sri(&std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?);
    let index = dist.join("index.html");
    let page = read(&index)?;
    let page = rewrite(
        &index,
        &page,
        RewriteStrSettings {
            element_content_handlers: vec![element!("[integrity]", |el| {
                if el.get_attribute("integrity").as_deref() == Some(before.as_str()) {
                    set_attributes(el, &[("integrity".to_owned(), after.clone())])?;
                }
                Ok(())
            })],
            ..RewriteStrSettings::default()
        },
    )?;
    write(&index, page)
}

/// Minifies every file of [`MINIFIED`] in `dist`.
pub fn minify_all(dist: &Path) -> Result<(), String> {
    for (name, options) in MINIFIED {
        minify(dist, name, options)?;
    }
    Ok(())
}
