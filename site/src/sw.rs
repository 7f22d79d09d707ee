//! The service worker (`static/sw.js`) written into a built app, with a
//! version that changes whenever any file does and the list of the app's
//! own files to fetch at install ([`SHELL`], by their published names, and
//! each election's region bundle, `*/regions.html`). Not the pre-rendered
//! pages, preview images, QR codes or stall sheets: those are kept as they
//! are visited.

use super::{files, json_ascii, read, root, write};
use sha2::{Digest, Sha256};
use slatecard_data_format::content_name;
use std::path::Path;

/// What the landing page needs to run, by the names the build starts with,
/// and the Welsh manifest (a few hundred bytes), so that a Welsh page can be
/// installed as the Welsh app offline as an English one can. Not the blogs'
/// module nor the Welsh island (kept once used), nor `print.css` (inline).
pub const SHELL: [&str; 11] = [
    "./",
    "slatecard.js",
    "slatecard_bg.wasm",
    "labour.bin",
    "app.css",
    "widget.css",
    "manifest.webmanifest",
    super::shell_text::WELSH_MANIFEST,
    "favicon.svg",
    "icon-192.png",
    "icon-512.png",
];

/// `name` as published in `dist`: the one file there named
/// [`content_name`] of `name` and its own bytes (`slatecard.<hash>.js`;
/// `slatecard.js` itself stays, for host pages), else `name` if it is there
/// unrenamed; None if neither.
pub fn published(dist: &Path, name: &str) -> Result<Option<String>, String> {
    let (stem, ext) = name.split_once('.').unwrap_or((name, ""));
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let shaped = file.len() == stem.len() + ext.len() + 10
            && file.starts_with(&format!("{stem}."))
            && file.ends_with(&format!(".{ext}"));
        if shaped && entry.path().is_file() {
            let bytes = std::fs::read(entry.path()).map_err(|e| format!("{file}: {e}"))?;
            if content_name(name, &bytes) == file {
                found.push(file);
            }
        }
    }
    Ok(match found.len() {
        1 => found.pop(),
        0 if dist.join(name).is_file() => Some(name.to_owned()),
        _ => None,
    })
}

/// The version: the first 16 hex digits of the SHA-256 of every file under
/// `dist` but `sw.js` (its path, then its bytes, in path order).
pub fn version(dist: &Path) -> Result<String, String> {
    let mut digest = Sha256::new();
    for file in files(dist)? {
        if file.file_name().is_some_and(|n| n == "sw.js") {
            continue;
        }
        let rel = file.strip_prefix(dist).map_err(|e| e.to_string())?;
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        digest.update(rel.join("/").as_bytes());
        digest.update(std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?);
    }
    Ok(digest
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Writes `dist/sw.js`; returns its version and how many files it fetches
/// at install. Errors name the shell's files missing from `dist`.
pub fn run(dist: &Path) -> Result<(String, usize), String> {
    let mut shell = vec!["./".to_owned()];
    let mut missing = Vec::new();
    for name in &SHELL[1..] {
        match published(dist, name)? {
            Some(p) => shell.push(p),
            None => missing.push(*name),
        }
    }
    if !missing.is_empty() {
        return Err(format!("not in {}: {}", dist.display(), missing.join(", ")));
    }
    let mut bundles: Vec<String> = Vec::new();
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        if entry.path().join("regions.html").is_file() {
            bundles.push(format!(
                "{}/regions.html",
                entry.file_name().to_string_lossy()
            ));
        }
    }
    bundles.sort();
    shell.extend(bundles);
    let version = version(dist)?;
    let list = shell
        .iter()
        .map(|s| json_ascii(s, false))
        .collect::<Result<Vec<_>, _>>()?
        .join(", ");
    let template = read(&root().join("static/sw.js"))?;
    let text = template
        .replace("{{sc:version}}", &version)
        .replace("{{sc:shell}}", &format!("[{list}]"));
    write(&dist.join("sw.js"), text)?;
    Ok((version, shell.len()))
}
