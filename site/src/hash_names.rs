//! Content-addressed names for the app's files, so hosts can keep them for
//! a year (`Cache-Control: immutable`) and a release never mixes with the
//! last. A name is [`slatecard_data_format::content_name`]'s:
//! `STEM.<first 8 hex digits of the SHA-256 of the bytes>.EXT`, the rule by
//! which the app asks for the postcode table (`labour.bin`, `build.rs`).
//!
//! Renamed, in [`RENAMED`]'s order: the three wasm modules (the English and
//! Welsh postcode islands, the blogs'), their JS glue
//! (after the wasm's name is put in it), the postcode table, the PNG icons
//! and the manifests, English and Welsh (after the icons' names are put in
//! them). Kept: the HTML,
//! `favicon.svg`, `embed.js`, `app.css`, `widget.css`, `sw.js`, and
//! `slatecard.js`, the `mount()` module other sites import, which becomes
//! two lines re-exporting the blogs' renamed glue. Every new name is put in
//! the page templates, `index.html` and `cy/index.html` (their text and
//! attribute values), and `start.js`.

use super::{read, rewrite, set_attributes, write};
use lol_html::html_content::ContentType;
use lol_html::{doc_comments, doc_text, element, RewriteStrSettings};
use slatecard_data_format::content_name;
use std::cell::RefCell;
use std::path::Path;

/// The files renamed, in order: a file's new name is put into the files
/// after it before they are hashed.
pub const RENAMED: [&str; 11] = [
    "slatecard_bg.wasm",
    "slatecard.js",
    "slatecard-embed_bg.wasm",
    "slatecard-embed.js",
    "slatecard-cy_bg.wasm",
    "slatecard-cy.js",
    "labour.bin",
    "icon-192.png",
    "icon-512.png",
    "manifest.webmanifest",
    super::shell_text::WELSH_MANIFEST,
];

/// The renamed files that name others (the new names are put in them).
pub const NAMING: [&str; 5] = [
    "slatecard.js",
    "slatecard-embed.js",
    "slatecard-cy.js",
    "manifest.webmanifest",
    super::shell_text::WELSH_MANIFEST,
];

fn word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `text` with each old name of `names` (old, new), as a whole file name,
/// replaced by its new one: not after a letter, digit, `_`, `.` or `-`, nor
/// before a letter, digit, `_` or `-` (so `slatecard.js` is not found in
/// `my-slatecard.js` or `slatecard.json`... nor in `slatecard.js-x`).
pub fn replace_names(text: &str, names: &[(String, String)]) -> String {
    let mut text = text.to_owned();
    for (old, new) in names {
        let mut out = String::with_capacity(text.len());
        let mut done = 0;
        let mut from = 0;
        while let Some(i) = text[from..].find(old.as_str()) {
            let start = from + i;
            let end = start + old.len();
            let before_ok = text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !(word(c) || c == '.' || c == '-'));
            let after_ok = text[end..]
                .chars()
                .next()
                .is_none_or(|c| !(word(c) || c == '-'));
            if before_ok && after_ok {
                out.push_str(&text[done..start]);
                out.push_str(new);
                done = end;
                from = end;
            } else {
                from = start + old.chars().next().map_or(1, char::len_utf8);
            }
        }
        out.push_str(&text[done..]);
        text = out;
    }
    text
}

/// [`replace_names`] over an HTML page: its text (scripts' too), comments
/// and attribute values.
pub fn replace_names_html(
    file: &Path,
    page: &str,
    names: &[(String, String)],
) -> Result<String, String> {
    let buffer = RefCell::new(String::new());
    rewrite(
        file,
        page,
        RewriteStrSettings {
            element_content_handlers: vec![element!("*", |el| {
                let changes: Vec<(String, String)> = el
                    .attributes()
                    .iter()
                    .filter_map(|a| {
                        let v = a.value();
                        let n = replace_names(&v, names);
                        (n != v).then(|| (a.name(), n))
                    })
                    .collect();
                set_attributes(el, &changes)?;
                Ok(())
            })],
            document_content_handlers: vec![
                doc_text!(|chunk| {
                    buffer.borrow_mut().push_str(chunk.as_str());
                    if chunk.last_in_text_node() {
                        let text = std::mem::take(&mut *buffer.borrow_mut());
                        chunk.replace(&replace_names(&text, names), ContentType::Html);
                    } else {
                        chunk.remove();
                    }
                    Ok(())
                }),
                doc_comments!(|c| {
                    let text = c.text();
                    let new = replace_names(&text, names);
                    if new != text {
                        c.set_text(&new).map_err(|e| e.to_string())?;
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )
}

/// Renames [`RENAMED`] in `dist` and puts the new names in; returns each
/// (old, new) name. Errors name any file missing.
pub fn run(dist: &Path) -> Result<Vec<(String, String)>, String> {
    let missing: Vec<&str> = RENAMED
        .iter()
        .chain(&["index.html", "start.js"])
        .copied()
        .filter(|f| !dist.join(f).is_file())
        .collect();
    if !missing.is_empty() {
        return Err(format!("not in {}: {}", dist.display(), missing.join(", ")));
    }
    let mut names: Vec<(String, String)> = Vec::new();
    for name in RENAMED {
        let path = dist.join(name);
        if NAMING.contains(&name) {
            write(&path, replace_names(&read(&path)?, &names))?;
        }
        let data = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let new = content_name(name, &data);
        std::fs::rename(&path, dist.join(&new)).map_err(|e| format!("{}: {e}", path.display()))?;
        names.push((name.to_owned(), new));
    }
    // The page templates: English (`index.html`) and Welsh (`cy/index.html`).
    for index in super::pages(dist)? {
        write(&index, replace_names_html(&index, &read(&index)?, &names)?)?;
    }
    let start = dist.join("start.js");
    write(&start, replace_names(&read(&start)?, &names))?;
    // The `mount()` module keeps its address: it hands on the renamed
    // glue, which finds its wasm beside itself.
    let glue = &names[3].1;
    write(
        &dist.join("slatecard.js"),
        format!("export * from \"./{glue}\";\nexport {{ default }} from \"./{glue}\";\n"),
    )?;
    Ok(names)
}
