//! The site builder (`slatecard-site`): the post-build step (`cargo run -p
//! slatecard-site -- post-build`, Trunk's one `post_build` hook): turns Trunk's staging
//! directory into the published site, in order:
//!
//! 1. [`shell_text`]: the words of `index.html`, `embed.js` and the web app
//!    manifest, from the message catalogue;
//! 2. [`tools::optimise_island`] (release builds): `wasm-opt` on the
//!    member's island Trunk built; [`tools::build_module`]: the blogs'
//!    wasm module, the Welsh pages' postcode island and the organisers'
//!    studio (cargo, wasm-bindgen and, on release builds, wasm-opt);
//! 3. [`csp::secure_all`]: Trunk's inline loader swapped for `start.js` and
//!    the modules' JSON block, the stylesheets and icon put inline, a strict
//!    Content-Security-Policy;
//! 4. [`tools::minify_all`]: the JS minified by terser (release builds);
//! 5. [`hash_names`]: content-addressed names for the app's files;
//! 6. [`csp::inline_start`]: the start-up script and the old-link redirect
//!    put inline, each allowed by its hash;
//! 7. [`render`]: the pre-rendered pages (drawn by [`prerender`]);
//! 8. [`oembed`]: oEmbed discovery for every page;
//! 9. [`organise`]: the organisers' studio's page (its module is built in
//!    step 2, [`tools::STUDIO`]);
//! 10. [`sw`]: the service worker, versioned by every file's content.
//!
//! HTML is only ever edited with `lol_html` (a streaming rewriter that keeps
//! every byte it is not asked to change); JSON is written with `serde_json`;
//! files' content names come from [`slatecard_data_format::content_name`].
//! terser, wasm-bindgen and wasm-opt are the only other programs run; their
//! outputs, and the preview images, are kept in a content-addressed
//! [`cache`], so that an unchanged input is not processed again.
//!
//! Every error is a `String` naming the file (or tool) at fault; nothing
//! here panics on bad input.

pub mod cache;
pub mod csp;
pub mod hash_names;
pub mod oembed;
pub mod organise;
pub mod prerender;
pub mod render;
pub mod shell_text;
pub mod sw;
pub mod tools;

/// The UI (`slatecard`, with Yew's server-side renderer) and the pure core
/// it draws, as `crate::app`, `crate::domain`, …
use slatecard::{app, domain, text};

use base64::Engine as _;
use lol_html::html_content::{ContentType, Element};
use sha2::{Digest, Sha256, Sha384};
use std::path::{Path, PathBuf};

/// The repository's root (where `static/` and the workspace's `Cargo.toml`
/// are): the folder above this crate's.
pub fn root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// Reads a text file, or says which one could not be read.
pub fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

/// Writes a file, or says which one could not be written.
pub fn write(path: &Path, data: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(path, data).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Runs `lol_html` over `html` (the contents of `file`, named in errors).
pub fn rewrite(
    file: &Path,
    html: &str,
    settings: lol_html::RewriteStrSettings<'_, '_>,
) -> Result<String, String> {
    lol_html::rewrite_str(html, settings).map_err(|e| format!("{}: {e}", file.display()))
}

/// `text` escaped for HTML text or a quoted attribute value: `&`, `<`, `>`,
/// `"` and `'` (as Python's `html.escape`, which the build used to use, so
/// the bytes stay the same).
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// The text of HTML-escaped `text`: the named escapes `&amp;`, `&lt;`,
/// `&gt;`, `&quot;`, `&apos;` and numeric ones (`&#39;`, `&#x27;`); any
/// other `&` is kept as it is.
pub fn html_unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let entity = &rest[1..end];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `value` as JSON in ASCII: every character past `~` as `\uXXXX` (a
/// surrogate pair past U+FFFF), as Python's `json.dumps` wrote it.
/// `pretty`: two-space indentation, one member a line.
pub fn json_ascii(value: &impl serde::Serialize, pretty: bool) -> Result<String, String> {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .map_err(|e| e.to_string())?;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if (c as u32) < 0x7f {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    Ok(out)
}

/// A CSP source allowing an inline script or style whose text is `text`:
/// `'sha256-<base64 of its SHA-256>'`.
pub fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// A subresource-integrity value for `bytes`: `sha384-<base64>`.
pub fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// Whether an attribute value can be written without quotes (what Trunk's
/// minifier does wherever it can).
fn unquotable(value: &str) -> bool {
    !value.is_empty()
        && !value
            .chars()
            .any(|c| c.is_ascii_whitespace() || "\"'=<>`".contains(c))
}

/// Sets attributes of `el` to new values (`changes`: name, value as raw
/// HTML, already escaped). A void element (`<link>`, `<meta>`) is written
/// again in full with each value quoted only where it must be, as Trunk's
/// minifier writes them, so that only the values change; any other element
/// gets double-quoted values from `lol_html`.
pub fn set_attributes(
    el: &mut Element<'_, '_>,
    changes: &[(String, String)],
) -> Result<(), String> {
    if changes.is_empty() {
        return Ok(());
    }
    if el.can_have_content() {
        for (name, value) in changes {
            el.set_attribute(name, value).map_err(|e| e.to_string())?;
        }
        return Ok(());
    }
    let mut tag = format!("<{}", el.tag_name());
    for attr in el.attributes() {
        let name = attr.name();
        let value = changes
            .iter()
            .find(|(n, _)| *n == name)
            .map_or_else(|| attr.value(), |(_, v)| v.clone());
        if unquotable(&value) {
            tag += &format!(" {name}={value}");
        } else if value.is_empty() && !changes.iter().any(|(n, _)| *n == name) {
            tag += &format!(" {name}");
        } else {
            tag += &format!(" {name}=\"{}\"", value.replace('"', "&quot;"));
        }
    }
    tag.push('>');
    el.replace(&tag, ContentType::Html);
    Ok(())
}

/// Every `index.html` under `dist`, in path order (the app's and each
/// pre-rendered page's).
pub fn pages(dist: &Path) -> Result<Vec<PathBuf>, String> {
    Ok(files(dist)?
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "index.html"))
        .collect())
}

/// Every file under `dir`, sorted by their paths' components.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {e}", d.display()))?;
            let kind = entry
                .file_type()
                .map_err(|e| format!("{}: {e}", entry.path().display()))?;
            if kind.is_dir() {
                todo.push(entry.path());
            } else if kind.is_file() {
                out.push(entry.path());
            }
        }
    }
    out.sort_by(|a, b| a.components().cmp(b.components()));
    Ok(out)
}
