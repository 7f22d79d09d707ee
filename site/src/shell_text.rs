//! The words of the static files around the app (page title, description,
//! no-script and loading text, the embed loader's frame title), written into
//! the built files from the message catalogue ([`words`]), so no English is
//! kept outside it.
//!
//! The web app manifest is written twice from one template: in English
//! (`manifest.webmanifest`, linked by English pages) and in Welsh
//! ([`WELSH_MANIFEST`], linked by Welsh pages: `static/start.js`), each
//! with its language's name, description, `lang` and home (`{{sc:home}}`).
//!
//! Placeholders are `{{sc:NAME}}` (NAME: `a`–`z` and `_`). In `index.html`
//! they become HTML-escaped text (attribute values quoted); in `embed.js`
//! and `manifest.webmanifest` a placeholder (with the quotes around it, if
//! any) becomes a JSON string. A placeholder the catalogue has no words for,
//! or one left over, is an error naming the file.

use super::{html_escape, json_ascii, read, rewrite, set_attributes, write};
use lol_html::html_content::ContentType;
use lol_html::{doc_text, element, RewriteStrSettings};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::Path;

/// The Welsh web app manifest, written beside the English one
/// (`manifest.webmanifest`) from the same template with the Welsh words;
/// content-named by `hash_names` as the English one is.
pub const WELSH_MANIFEST: &str = "manifest-cy.webmanifest";

/// The catalogue's words by placeholder name (`lang`, `page_title`, …):
/// the words of the static files around the app (see
/// [`crate::text::ShellText`]), with the language tag and `home`, the
/// language's home page from the site's top (`./`, `cy/`: the manifest's
/// `start_url` and `scope`).
pub fn words() -> BTreeMap<String, String> {
    words_in(crate::text::Lang::default())
}

/// [`words`] in `lang`.
pub fn words_in(lang: crate::text::Lang) -> BTreeMap<String, String> {
    use crate::text::{catalogue, tag, Catalogue as _};
    let t = catalogue(lang).shell();
    [
        ("lang", tag(lang)),
        ("page_title", t.page_title),
        ("description", t.description),
        ("no_script", t.no_script),
        ("loading", t.loading),
        ("frame_title", t.frame_title),
        ("oembed_title", t.oembed_title),
        ("app_failed", t.app_failed),
        ("widget_failed", t.widget_failed),
        ("retry", t.retry),
        ("looking_up", t.looking_up),
        ("copied", t.copied),
        ("corrected", t.corrected),
        ("reload", t.reload),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .chain([(
        "home".to_owned(),
        lang.prefix()
            .map_or_else(|| "./".to_owned(), |p| format!("{p}/")),
    )])
    .collect()
}

/// The next placeholder in `text` at or after `from`: its byte range and name.
pub fn next_placeholder(text: &str, from: usize) -> Option<(usize, usize, &str)> {
    let mut at = from;
    while let Some(i) = text.get(at..)?.find("{{sc:") {
        let start = at + i;
        let name_start = start + 5;
        let name_len = text[name_start..]
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
            .count();
        let name_end = name_start + name_len;
        if name_len > 0 && text[name_end..].starts_with("}}") {
            return Some((start, name_end + 2, &text[name_start..name_end]));
        }
        at = start + 1;
    }
    None
}

/// `text` with each placeholder replaced by `quote` of its words. With
/// `json`, a placeholder between matching quotes (`'…'` or `"…"`) is
/// replaced with its quotes. Errors name `file` and the placeholder.
pub fn fill(
    file: &Path,
    text: &str,
    words: &BTreeMap<String, String>,
    quote: &dyn Fn(&str) -> Result<String, String>,
    json: bool,
) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    while let Some((mut start, mut end, name)) = next_placeholder(text, done) {
        let said = words.get(name).ok_or_else(|| {
            format!(
                "{}: no words for {{{{sc:{name}}}}} in the catalogue",
                file.display()
            )
        })?;
        if json && start > done {
            let before = text.as_bytes()[start - 1];
            if (before == b'\'' || before == b'"') && text.as_bytes().get(end) == Some(&before) {
                start -= 1;
                end += 1;
            }
        }
        out.push_str(&text[done..start]);
        out.push_str(&quote(said)?);
        done = end;
    }
    out.push_str(&text[done..]);
    Ok(out)
}

/// Fills the placeholders of an HTML page (text and attribute values).
pub fn fill_html(
    file: &Path,
    page: &str,
    words: &BTreeMap<String, String>,
) -> Result<String, String> {
    let escape = |s: &str| Ok(html_escape(s));
    let problem: RefCell<Option<String>> = RefCell::new(None);
    let buffer = RefCell::new(String::new());
    let out = rewrite(
        file,
        page,
        RewriteStrSettings {
            element_content_handlers: vec![element!("*", |el| {
                let mut changes = Vec::new();
                for attr in el.attributes() {
                    let value = attr.value();
                    if next_placeholder(&value, 0).is_some() {
                        match fill(file, &value, words, &escape, false) {
                            Ok(v) => changes.push((attr.name(), v)),
                            Err(e) => *problem.borrow_mut() = Some(e),
                        }
                    }
                }
                set_attributes(el, &changes)?;
                Ok(())
            })],
            document_content_handlers: vec![doc_text!(|chunk| {
                buffer.borrow_mut().push_str(chunk.as_str());
                if !chunk.last_in_text_node() {
                    chunk.remove();
                    return Ok(());
                }
                let text = std::mem::take(&mut *buffer.borrow_mut());
                match fill(file, &text, words, &escape, false) {
                    Ok(t) => chunk.replace(&t, ContentType::Html),
                    Err(e) => {
                        *problem.borrow_mut() = Some(e);
                        chunk.replace(&text, ContentType::Html);
                    }
                }
                Ok(())
            })],
            ..RewriteStrSettings::default()
        },
    )?;
    match problem.into_inner() {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// Writes the catalogue's words into `dist`'s `index.html`, `embed.js` (its
/// frame's title in English and, for `lang=cy`, Welsh:
/// `{{sc:frame_title_cy}}`) and `manifest.webmanifest`, and writes the Welsh
/// pages' template, `cy/index.html`, and the Welsh manifest,
/// [`WELSH_MANIFEST`], from the same files with the Welsh words; returns
/// the language tag.
pub fn run(dist: &Path) -> Result<String, String> {
    let words = words();
    let json = |s: &str| json_ascii(&s, false);
    let index = dist.join("index.html");
    let welsh_index = dist.join("cy").join("index.html");
    let welsh = fill_html(
        &welsh_index,
        &read(&index)?,
        &words_in(crate::text::Lang::Cy),
    )?;
    if next_placeholder(&welsh, 0).is_some() {
        return Err(format!("{}: a placeholder is left", welsh_index.display()));
    }
    std::fs::create_dir_all(dist.join("cy")).map_err(|e| format!("{}: {e}", dist.display()))?;
    write(&welsh_index, welsh)?;
    // The Welsh manifest: Welsh pages install the Welsh app, at cy/.
    let welsh_manifest = dist.join(WELSH_MANIFEST);
    let filled = fill(
        &welsh_manifest,
        &read(&dist.join("manifest.webmanifest"))?,
        &words_in(crate::text::Lang::Cy),
        &json,
        true,
    )?;
    if next_placeholder(&filled, 0).is_some() {
        return Err(format!(
            "{}: a placeholder is left",
            welsh_manifest.display()
        ));
    }
    write(&welsh_manifest, filled)?;
    // The embed loader titles a Welsh widget's frame in Welsh.
    let mut loader_words = words.clone();
    if let Some(title) = words_in(crate::text::Lang::Cy).remove("frame_title") {
        loader_words.insert("frame_title_cy".to_owned(), title);
    }
    for name in ["index.html", "embed.js", "manifest.webmanifest"] {
        let file = dist.join(name);
        let text = read(&file)?;
        let filled = if name.ends_with(".html") {
            fill_html(&file, &text, &words)?
        } else if name == "embed.js" {
            fill(&file, &text, &loader_words, &json, true)?
        } else {
            fill(&file, &text, &words, &json, true)?
        };
        if next_placeholder(&filled, 0).is_some() {
            return Err(format!("{}: a placeholder is left", file.display()));
        }
        write(&file, filled)?;
    }
    Ok(words.get("lang").cloned().unwrap_or_default())
}
