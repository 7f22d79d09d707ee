//! oEmbed discovery: pasting any page's address into WordPress (or another
//! oEmbed consumer) embeds the widget preset to what the page shows. No
//! server needed: an `oembed.json` beside every `index.html` under the
//! built app, linked from the page (`<link rel="alternate"
//! type="application/json+oembed">`, replacing any earlier one).

use super::{html_escape, html_unescape, json_ascii, pages, read, rewrite, write};
use lol_html::html_content::ContentType;
use lol_html::{doc_comments, element, text, RewriteStrSettings};
use std::cell::RefCell;
use std::path::Path;

/// The frame's width and height in CSS pixels (3:4: taller than wide, and
/// far from the ratios block themes box embeds into; WordPress then takes
/// the height the widget reports). The frame itself is `width="100%"`.
pub const SIZE: (u32, u32) = (600, 800);

/// One page's oEmbed answer (fields in the order written).
#[derive(serde::Serialize)]
pub struct Answer {
    /// Always `1.0`.
    pub version: &'static str,
    /// Always `rich`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// `slatecard`.
    pub provider_name: &'static str,
    /// The app's address.
    pub provider_url: String,
    /// The page's title.
    pub title: String,
    /// What WordPress keeps: a link to the page (a blockquote) and the frame.
    pub html: String,
    /// [`SIZE`]'s width, pixels.
    pub width: u32,
    /// [`SIZE`]'s height, pixels.
    pub height: u32,
    /// How long consumers may keep it, seconds.
    pub cache_age: u32,
}

/// The answer for the page at `path` (`""`, `nec-2026/` or
/// `nec-2026/london/`) of the app at `base` (ending in `/`), titled
/// `page_title`, its frame titled `frame_title`.
pub fn answer(base: &str, path: &str, page_title: &str, frame_title: &str) -> Answer {
    let link = crate::domain::link::Link::from_path(path);
    let presets: String = [
        ("election", link.election.map(|e| e.id)),
        ("region", link.region.map(|r| r.slug())),
        ("lang", link.lang.prefix()),
    ]
    .iter()
    .filter_map(|(k, v)| v.map(|v| format!("&{k}={v}")))
    .collect();
    let widget = format!("{base}?embed=1{presets}");
    let page_url = format!("{base}{path}");
    let (width, height) = SIZE;
    let html = format!(
        r#"<blockquote class="wp-embedded-content"><a href="{}">{}</a></blockquote><iframe class="wp-embedded-content" src="{}" title="{}" width="100%" height="{height}" frameborder="0"></iframe>"#,
        html_escape(&page_url),
        html_escape(page_title),
        html_escape(&widget),
        html_escape(frame_title)
    );
    Answer {
        version: "1.0",
        kind: "rich",
        provider_name: "slatecard",
        provider_url: base.to_owned(),
        title: page_title.to_owned(),
        html,
        width,
        height,
        cache_age: 86400,
    }
}

/// Adds the discovery link to `page` (a file named in errors) at the end of
/// its head: after the page's tags (`<!--/sc:page-->`, the head's last
/// node, written by the pre-rendering), else before `<body>`; any earlier
/// oEmbed link goes. Also returns the page's `<title>`, if any.
pub fn link_page(file: &Path, page: &str, link: &str) -> Result<(String, Option<String>), String> {
    let title = RefCell::new(None::<String>);
    let in_title = RefCell::new(false);
    let placed = RefCell::new(false);
    let out = rewrite(
        file,
        page,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("link[type]", |el| {
                    if el.get_attribute("type").as_deref() == Some("application/json+oembed") {
                        el.remove();
                    }
                    Ok(())
                }),
                element!("title", |_| {
                    let first = title.borrow().is_none();
                    if first {
                        *title.borrow_mut() = Some(String::new());
                    }
                    *in_title.borrow_mut() = first;
                    Ok(())
                }),
                text!("title", |chunk| {
                    if *in_title.borrow() {
                        if let Some(t) = title.borrow_mut().as_mut() {
                            t.push_str(chunk.as_str());
                        }
                    }
                    Ok(())
                }),
                element!("body", |el| {
                    if !*placed.borrow() {
                        el.before(link, ContentType::Html);
                        *placed.borrow_mut() = true;
                    }
                    Ok(())
                }),
            ],
            document_content_handlers: vec![doc_comments!(|c| {
                if c.text() == "/sc:page" && !*placed.borrow() {
                    c.after(link, ContentType::Html);
                    *placed.borrow_mut() = true;
                }
                Ok(())
            })],
            ..RewriteStrSettings::default()
        },
    )?;
    if !placed.into_inner() {
        return Err(format!(
            "{}: no end of <head> to put the oEmbed link at",
            file.display()
        ));
    }
    Ok((out, title.into_inner().map(|t| html_unescape(&t))))
}

/// Writes an `oembed.json` beside every `index.html` under `dist` for the
/// app published at `base` (a `/` is added if missing), and links it from
/// the page. Returns how many pages.
pub fn run(dist: &Path, base: &str) -> Result<usize, String> {
    let mut base = base.to_owned();
    if !base.ends_with('/') {
        base.push('/');
    }
    let index = dist.join("index.html");
    if !index.is_file() {
        return Err(format!("{} not found", index.display()));
    }
    // Every member's page; not the organisers' studio, which is not for
    // embedding (nor in search engines).
    let studio = dist.join(crate::organise::DIR).join("index.html");
    let pages: Vec<_> = pages(dist)?.into_iter().filter(|p| *p != studio).collect();
    for file in &pages {
        let folder = file
            .parent()
            .and_then(|p| p.strip_prefix(dist).ok())
            .ok_or_else(|| file.display().to_string())?;
        let folder: Vec<String> = folder
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let path = if folder.is_empty() {
            String::new()
        } else {
            format!("{}/", folder.join("/"))
        };
        // In the page's language (a Welsh page's address is under `cy/`).
        let lang = crate::domain::link::Link::from_path(&path).lang;
        let frame_title = super::shell_text::words_in(lang)
            .get("oembed_title")
            .cloned()
            .ok_or("the catalogue has no oembed_title")?;
        let link = format!(
            r#"<link rel="alternate" type="application/json+oembed" href="{}oembed.json" title="{}">"#,
            html_escape(&format!("{base}{path}")),
            html_escape(&frame_title)
        );
        let (page, title) = link_page(file, &read(file)?, &link)?;
        let title = title.unwrap_or_else(|| frame_title.clone());
        let data = answer(&base, &path, &title, &frame_title);
        let json = json_ascii(&data, true)? + "\n";
        write(&file.with_file_name("oembed.json"), json)?;
        write(file, page)?;
    }
    Ok(pages.len())
}
