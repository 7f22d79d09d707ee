//! The external programs of the build, run from Rust: cargo, wasm-bindgen
//! and wasm-opt for the blogs' wasm module, terser for the JS. They are
//! looked for first where `scripts/setup` installs them (`tools/node_modules/.bin`,
//! `~/.cargo/bin`), then on `PATH`.

use super::{read, rewrite, root, set_attributes, sri, write};
use crate::cache::Cache;
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

/// A browser module the site builder builds beside Trunk's (the English
/// postcode island): its bin, its features and the name of its files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Module {
    /// What it is, for messages: "the blogs' module".
    pub what: &'static str,
    /// The package whose bin it is: the UI (`slatecard`) or the studio.
    pub package: &'static str,
    /// The folder of `dist` its files go in ("": `dist` itself).
    pub dir: &'static str,
    /// The package's bin (`src/bin/`).
    pub bin: &'static str,
    /// The UI's features, beside `csr`, the defaults (`en`) left out when
    /// `english` is false.
    pub features: &'static str,
    /// Whether English (the default feature) is in.
    pub english: bool,
    /// The files' name: `NAME.js` and `NAME_bg.wasm`.
    pub name: &'static str,
    /// Whether release builds run `wasm-opt -Oz` until it converges (the
    /// members' modules: every byte counts) or once (the studio: 40 s
    /// against 16 s for 0.3% of its size, measured 2026-12-07).
    pub converge: bool,
}

/// The blogs' module: the widget on `?embed` pages and `mount()`, in both
/// languages (`lang=cy` picks Welsh).
pub const EMBED: Module = Module {
    what: "the blogs' module",
    package: "slatecard",
    dir: "",
    bin: "embed",
    features: "csr,cy",
    english: true,
    name: "slatecard-embed",
    converge: true,
};

/// The Welsh pages' postcode island: the English island's bin, with Welsh
/// words only.
pub const ISLAND_CY: Module = Module {
    what: "the Welsh postcode island",
    package: "slatecard",
    dir: "",
    bin: "slatecard",
    features: "csr,cy",
    english: false,
    name: "slatecard-cy",
    converge: true,
};

/// The organisers' studio (`/organise/`, `studio/`), in its own folder:
/// members' pages never load it.
pub const STUDIO: Module = Module {
    what: "the organisers' studio",
    package: "slatecard-studio",
    dir: "organise",
    bin: "studio",
    features: "csr",
    english: true,
    name: "slatecard-studio",
    converge: false,
};

/// Builds `module` into `dist` as `NAME.js` and `NAME_bg.wasm`, as Trunk
/// builds the member's English island: cargo for wasm32 (the blogs' module
/// shares Trunk's compiled crates but for the core and the UI, which its
/// languages change); `wasm-bindgen --target web`; and on release builds
/// `wasm-opt -Oz` (with `--converge` when the module asks). Returns the wasm's size in bytes.
pub fn build_module(dist: &Path, release: bool, module: Module) -> Result<u64, String> {
    let dist = &dist.join(module.dir);
    std::fs::create_dir_all(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut cargo = tool("cargo");
    cargo
        .current_dir(root())
        .args(["build", "--target", "wasm32-unknown-unknown", "--locked"])
        .args([
            "-p",
            module.package,
            "--features",
            module.features,
            "--bin",
            module.bin,
        ])
        .arg("--message-format=json-render-diagnostics")
        .stderr(Stdio::inherit());
    if !module.english {
        cargo.arg("--no-default-features");
    }
    if release {
        cargo.arg("--release");
    }
    let out = cargo
        .output()
        .map_err(|e| format!("cargo: cannot run: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo build of {} failed ({})",
            module.what, out.status
        ));
    }
    let wasm = built_wasm(&String::from_utf8_lossy(&out.stdout), module.bin)
        .filter(|w| Path::new(w).is_file())
        .ok_or_else(|| format!("cargo built no {}.wasm", module.bin))?;
    let input = std::fs::read(&wasm).map_err(|e| format!("{wasm}: {e}"))?;
    let js = dist.join(format!("{}.js", module.name));
    let built = dist.join(format!("{}_bg.wasm", module.name));
    // Both tools' outputs depend only on the wasm, the names and the
    // options: a module cargo did not change is not bound or optimised again.
    let cache = Cache::open("modules");
    let key = Cache::key(&[
        &input,
        module.name.as_bytes(),
        &[u8::from(release), u8::from(module.converge)],
        version("wasm-bindgen").as_bytes(),
        if release {
            version("wasm-opt")
        } else {
            String::new()
        }
        .as_bytes(),
    ]);
    if let (Some(glue), Some(bytes)) = (cache.get(&key, "js"), cache.get(&key, "wasm")) {
        write(&js, glue)?;
        write(&built, &bytes)?;
        return Ok(bytes.len() as u64);
    }
    // Built apart, so that the next build of another feature set (which
    // writes the same file name) cannot change it under wasm-bindgen.
    let own = dist.join(format!("{}.wasm", module.name));
    write(&own, &input)?;
    run(
        "wasm-bindgen",
        tool("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(dist)
            .args(["--out-name", module.name])
            .arg(&own),
    )?;
    let _ = std::fs::remove_file(&own);
    if release {
        wasm_opt(&built, module.converge)?;
    }
    let glue = std::fs::read(&js).map_err(|e| format!("{}: {e}", js.display()))?;
    let bytes = std::fs::read(&built).map_err(|e| format!("{}: {e}", built.display()))?;
    cache.put(&key, "js", &glue);
    cache.put(&key, "wasm", &bytes);
    Ok(bytes.len() as u64)
}

/// `PROGRAM --version`'s first line, for cache keys ("" if it cannot run:
/// the step itself then says so).
fn version(program: &str) -> String {
    tool(program)
        .arg("--version")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .unwrap_or("")
                .to_owned()
        })
        .unwrap_or_default()
}

/// Runs `wasm-opt -Oz` (with `--converge` if asked) on `wasm` in place.
fn wasm_opt(wasm: &Path, converge: bool) -> Result<(), String> {
    let mut opt = tool("wasm-opt");
    opt.arg(format!("--output={}", wasm.display()))
        .arg("-Oz")
        .arg(wasm);
    if converge {
        opt.arg("--converge");
    }
    run("wasm-opt", &mut opt)
}

/// The member's English island (`slatecard_bg.wasm`, which Trunk builds and
/// binds) optimised on release builds as the other members' modules are:
/// `wasm-opt -Oz --converge`, here rather than in Trunk so that an
/// unchanged module is taken from the cache. Returns its size in bytes.
pub fn optimise_island(dist: &Path) -> Result<u64, String> {
    let wasm = dist.join("slatecard_bg.wasm");
    let input = std::fs::read(&wasm).map_err(|e| format!("{}: is missing: {e}", wasm.display()))?;
    let cache = Cache::open("modules");
    let key = Cache::key(&[
        &input,
        b"island -Oz --converge",
        version("wasm-opt").as_bytes(),
    ]);
    if let Some(bytes) = cache.get(&key, "wasm") {
        write(&wasm, &bytes)?;
        return Ok(bytes.len() as u64);
    }
    wasm_opt(&wasm, true)?;
    let bytes = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    cache.put(&key, "wasm", &bytes);
    Ok(bytes.len() as u64)
}

/// The JS files terser minifies on release builds, each with its options:
/// the member's glue, the blogs' glue, the Welsh island's, the studio's,
/// the embed loader (a classic script) and the start-up script.
pub const MINIFIED: [(&str, &[&str]); 6] = [
    ("slatecard.js", &["--module"]),
    ("slatecard-embed.js", &["--module"]),
    ("slatecard-cy.js", &["--module"]),
    ("organise/slatecard-studio.js", &["--module"]),
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
    let input = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let cache = Cache::open("terser");
    let key = Cache::key(&[
        &input,
        options.join(" ").as_bytes(),
        terser_version().as_bytes(),
    ]);
    if let Some(out) = cache.get(&key, "js") {
        write(&file, out)?;
    } else {
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
        if let Ok(out) = std::fs::read(&file) {
            cache.put(&key, "js", &out);
        }
    }
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

/// terser's version, from the package `scripts/setup` installs (its
/// `package.json`; read rather than run: terser starts in Node, slowly).
fn terser_version() -> String {
    let json = root().join("tools/node_modules/terser/package.json");
    std::fs::read_to_string(json)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v["version"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Minifies every file of [`MINIFIED`] in `dist`.
pub fn minify_all(dist: &Path) -> Result<(), String> {
    for (name, options) in MINIFIED {
        minify(dist, name, options)?;
    }
    Ok(())
}
