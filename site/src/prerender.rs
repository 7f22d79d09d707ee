//! Pre-rendering: every page a member can reach without typing, written to
//! static HTML at build time by the same shell, components and core as the
//! app (Yew's server-side renderer), so the order shows before, and without,
//! the WebAssembly.
//!
//! The pages: the landing page, each election's page (`nec-2022/`) and each
//! election and region (`nec-2022/london/`). Each is the built `index.html`
//! with the page's content in `#app` and its own title, description,
//! canonical address and Open Graph tags. When the app starts it renders the
//! same page in place (`app::render`), with the device's clock.
//!
//! Next to each page's `index.html` go its preview image for link previews
//! ([`preview`], `preview.<hash>.png`, named by its content: [`preview_name`])
//! and, for a result, its QR code ([`qr`], `qr.svg`) and its sheet of cards
//! for a stall ([`stall`], `cards.html`).

pub mod not_found;
pub mod preview;
pub mod qr;
pub mod stall;

pub mod why;

use crate::app::{App, AppProps};
use crate::domain::election::{DataText, Election};
use crate::domain::escape::html_escape;
use crate::domain::link::Link;
use crate::domain::model::{Mode, Model};
use crate::domain::page::{view, Timing};
use crate::domain::region::RegionId;
use crate::text::{catalogue, tag, Catalogue as _, Lang};

const APP_START: &str = "<!--sc:app-->";
const APP_END: &str = "<!--/sc:app-->";
const TAGS_START: &str = "<!--sc:page-->";
const TAGS_END: &str = "<!--/sc:page-->";
/// How far ahead a page's freshness is looked for: a year, in minutes.
const FRESH_HORIZON: i64 = 366 * 24 * 60;

/// The file name of a page's preview image, `png` (its bytes), next to the
/// page's `index.html`: `preview.<first 8 hex digits of its SHA-256>.png`
/// (`slatecard_data_format::content_name`, the rule of the app's other
/// content-addressed files). Link-preview crawlers (WhatsApp, Facebook, X)
/// keep an image by its address, so a changed order gets a new address
/// rather than an old picture, and hosts may cache each one for a year.
pub fn preview_name(png: &[u8]) -> String {
    slatecard_data_format::content_name("preview.png", png)
}

/// ` lang=…` for an element holding only `text`, free text of the data, on a
/// page in `page`: where its language is not the page's (English data text
/// on a Welsh page); empty otherwise. As `components::data_lang`.
pub(crate) fn data_lang_attr(text: DataText, page: Lang) -> String {
    text.foreign_on(page)
        .map_or(String::new(), |lang| format!(" lang={}", tag(lang)))
}

/// `sentence`, HTML-escaped, with `data` (free text of the data it holds
/// as written) in a `<span>` marked with its language where that is not
/// the page's. As `components::with_data`.
pub(crate) fn escape_with_data(sentence: &str, data: DataText, page: Lang) -> String {
    match (data.foreign_on(page), sentence.find(data.text)) {
        (Some(lang), Some(at)) if !data.is_empty() => {
            let (before, rest) = sentence.split_at(at);
            format!(
                "{}<span lang={}>{}</span>{}",
                html_escape(before),
                tag(lang),
                html_escape(data.text),
                html_escape(&rest[data.text.len()..])
            )
        }
        _ => html_escape(sentence),
    }
}

/// The QR code's file name, next to each result page's `index.html`. It is
/// not content-addressed: it draws the page's own address, so it changes
/// only when the app's published address does, and the app names it for
/// any region it shows without a list of names.
pub const QR: &str = "qr.svg";

/// Every page to pre-render, as the link that opens it: the landing page
/// first, then each election's page followed by its regions' pages.
pub fn pages() -> Vec<Link> {
    let mut links = Vec::new();
    for lang in Lang::ALL {
        let home = Link {
            lang,
            ..Link::default()
        };
        links.push(home.clone());
        for e in Election::all() {
            let election = Link {
                election: Some(e),
                ..home.clone()
            };
            links.push(election.clone());
            for r in RegionId::all() {
                links.push(Link {
                    region: Some(r),
                    ..election.clone()
                });
            }
        }
    }
    links
}

/// Why a page could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrerenderError {
    /// The built `index.html` has no `<div id=app>…</div>` to fill.
    NoAppElement,
    /// The built `index.html` has no `<title>` or description to replace.
    NoHead(&'static str),
}

impl std::fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrerenderError::NoAppElement => {
                f.write_str("index.html has no <div id=app>…</div> to fill")
            }
            PrerenderError::NoHead(what) => write!(f, "index.html has no {what} to replace"),
        }
    }
}

impl std::error::Error for PrerenderError {}

/// The content of `#app` for `link`: the full page as the app renders it at
/// `now_utc_minutes`, with `base` (the app's address) in its embed snippets.
pub fn render_app(link: &Link, base: &str, now_utc_minutes: i64) -> String {
    let model = Model::new(Mode::App, link);
    let base = base.to_owned();
    let own = Link {
        unknown: Vec::new(),
        ..link.clone()
    };
    let renderer = yew::ServerRenderer::<App>::with_props(move || AppProps {
        model,
        own,
        base: base.into(),
        now: now_utc_minutes,
        landmarks: true,
    })
    .hydratable(false);
    futures_executor::block_on(renderer.render())
}

/// Every region's page of `election` at `now_utc_minutes`, as [`render_app`]
/// draws it, each in a `<template>` naming its path and its tab's title:
/// the election's bundle (`components::REGION_BUNDLE`), from which the
/// member's first module (`finder.rs`) shows the region a postcode finds.
/// Brotli makes the bundle small (about 3–5 KB), as the pages differ little.
pub fn region_bundle(
    election: &'static Election,
    lang: Lang,
    base: &str,
    now_utc_minutes: i64,
) -> String {
    let t = catalogue(lang);
    let mut out = String::new();
    for region in RegionId::all() {
        let link = Link {
            election: Some(election),
            region: Some(region),
            lang,
            ..Link::default()
        };
        let meta = t.page_meta(&view(&Model::new(Mode::App, &link), now_utc_minutes));
        out += &format!(
            "<template data-path=\"{}\" data-title=\"{}\" data-orders=\"{}\">{}</template>\n",
            html_escape(&link.to_path()),
            html_escape(&meta.title),
            orders_tag(election),
            render_app(&link, base, now_utc_minutes)
        );
    }
    out
}

/// What a page's orders are, as start.js and the island compare them with
/// a later release's: `ELECTION:FINGERPRINT` (`nec-2026:3f9c01ab`, the
/// election data's fingerprint, `Election::fingerprint`).
pub fn orders_tag(election: &Election) -> String {
    format!("{}:{}", election.id, election.fingerprint)
}

/// A page's `data-orders`: the [`orders_tag`] of its own election, then
/// those of the others, space-separated (the island shows a region's page
/// from any election's bundle of the same release: offline, the landing
/// page shows a region of another election).
pub fn page_orders(own: &Election) -> String {
    let others = Election::all().iter().filter(|e| e.id != own.id);
    std::iter::once(own)
        .chain(others)
        .map(orders_tag)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `orders.json`: each election's [`orders_tag`] by its id, fetched by
/// start.js (past any cache) to tell a page opened before a release that
/// changed its orders. Written at the site's root.
pub fn orders_json() -> String {
    let entries: Vec<String> = Election::all()
        .iter()
        .map(|e| format!("\"{}\":\"{}\"", e.id, orders_tag(e)))
        .collect();
    format!("{{{}}}\n", entries.join(","))
}

/// The file [`orders_json`] is written to, at the site's root.
pub const ORDERS: &str = "orders.json";

/// Replaces the first match of `start…end` in `html` (both kept) with
/// `inner`; `None` when there is none.
fn replace_between(html: &str, start: &str, end: &str, inner: &str) -> Option<String> {
    let a = html.find(start)? + start.len();
    let b = a + html[a..].find(end)?;
    Some(format!("{}{inner}{}", &html[..a], &html[b..]))
}

/// Replaces the `<meta>` tag whose `name` is `name` (written `name=NAME` or
/// `name="NAME"`, in any attribute order, as Trunk's minifier leaves it) with
/// `<meta name=NAME content="CONTENT">`; `content` must be escaped already.
/// Only that tag changes: the tags around it (the viewport's, whose content
/// comes first in minified HTML too) are kept. `None` when there is none.
fn replace_meta(html: &str, name: &str, content: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = html[from..].find("<meta ") {
        let start = from + at;
        let end = start + html[start..].find('>')? + 1;
        let tag = &html[start..end];
        let named = [format!(" name={name}"), format!(" name=\"{name}\"")]
            .iter()
            .any(|attr| {
                tag.match_indices(attr.as_str()).any(|(i, _)| {
                    matches!(tag[i + attr.len()..].chars().next(), Some(' ' | '>' | '/'))
                })
            });
        if named {
            return Some(format!(
                "{}<meta name={name} content=\"{content}\">{}",
                &html[..start],
                &html[end..]
            ));
        }
        from = end;
    }
    None
}

/// Replaces the first `start…end` in `html`, both included, with `with`.
fn replace_span(html: &str, start: &str, end: &str, with: &str) -> Option<String> {
    let a = html.find(start)?;
    let b = a + html[a..].find(end)? + end.len();
    Some(format!("{}{with}{}", &html[..a], &html[b..]))
}

/// What `election`'s status will say after `now_utc_minutes` (within
/// [`FRESH_HORIZON`]), as start.js reads it from `#sc-later`: a JSON array
/// of `[minute since the Unix epoch (UTC), words, voting open]`, with `<`
/// escaped so the block cannot end early.
pub fn later_json(election: &Election, lang: Lang, now_utc_minutes: i64) -> String {
    let t = catalogue(lang);
    let later: Vec<(i64, String, bool)> = Timing::later(election, now_utc_minutes, FRESH_HORIZON)
        .into_iter()
        .map(|(at, timing)| (at, t.timing(timing), timing.is_open()))
        .collect();
    serde_json::to_string(&later)
        .unwrap_or_else(|_| "[]".to_owned())
        .replace('<', "\\u003c")
}

/// What start.js says at the top of a page an old-style link with a name we
/// do not know was sent to (the head redirect, site/src/csp.rs, passes it on as
/// `unknown-election` or `unknown-region`): `<template
/// id=sc-unknown-election>` and `id=sc-unknown-region`, the catalogue's
/// notice with an empty `<span data-sc-name>` where the name goes. As
/// `link_notices` draws it, for a page showing `shown`.
pub fn unknown_templates(shown: &Election, lang: Lang) -> String {
    use crate::domain::link::Unknown;
    const MARK: &str = "\u{1}";
    let t = catalogue(lang);
    [
        ("election", Unknown::Election(MARK.into())),
        ("region", Unknown::Region(MARK.into())),
    ]
    .iter()
    .map(|(kind, unknown)| {
        let words = html_escape(&t.unknown_link(unknown, shown))
            .replace(MARK, "<span data-sc-name></span>");
        format!(
            "<template id=sc-unknown-{kind}><p class=sc-notice role=status data-testid=link-notice>{words}</p></template>"
        )
    })
    .collect()
}

/// The page for `link`: `template` (the built `index.html`) with the page's
/// content, title, description, canonical address and share tags.
/// `base` is where the app is published, ending in `/`; `preview` is the
/// file name of the page's preview image beside it ([`preview_name`]).
pub fn render_page(
    template: &str,
    link: &Link,
    base: &str,
    now_utc_minutes: i64,
    preview: &str,
) -> Result<String, PrerenderError> {
    let t = catalogue(link.lang);
    let page = view(&Model::new(Mode::App, link), now_utc_minutes);
    let meta = t.page_meta(&page);
    let body = render_app(link, base, now_utc_minutes);
    // The built page's `<div id=app>` holds only the loading text and the
    // no-script note (no inner `div`), which the page's content replaces,
    // marked so that pre-rendering the page again replaces it again.
    let body = format!("{APP_START}{body}{APP_END}");
    let html = match replace_span(template, APP_START, APP_END, &body) {
        Some(again) => again,
        None => ["<div id=app>", "<div id=\"app\">"]
            .iter()
            .find_map(|open| replace_between(template, open, "</div>", &body))
            .ok_or(PrerenderError::NoAppElement)?,
    };
    let html = replace_between(&html, "<title>", "</title>", &html_escape(&meta.title))
        .ok_or(PrerenderError::NoHead("<title>"))?;
    let description = html_escape(&meta.description);
    let html = replace_meta(&html, "description", &description)
        .ok_or(PrerenderError::NoHead("meta description"))?;
    let url = html_escape(&format!("{base}{}", link.to_path()));
    let title = html_escape(&meta.title);
    // Marked, so that pre-rendering an already pre-rendered page replaces them.
    let html = replace_span(&html, TAGS_START, TAGS_END, "").unwrap_or(html);
    // For start.js: the page's path under the app's address (the island
    // starts at once on a page served for another address), the orders it
    // shows (a corrected order is said), and what its ballot's status will
    // say later (a copy read after a change says what is true then).
    let later = later_json(page.election.election, link.lang, now_utc_minutes);
    let unknown = unknown_templates(page.election.election, link.lang);
    // On an English page, the offer of the Welsh page, in Welsh, which
    // start.js shows once at the top to a browser whose first language is
    // Welsh (never a redirect). Not on Welsh pages: most Welsh speakers'
    // phones are set to English, and would be offered English on each.
    let offer = match link.lang {
        Lang::En => {
            let cy = catalogue(Lang::Cy);
            let welsh = Link {
                lang: Lang::Cy,
                unknown: Vec::new(),
                ..link.clone()
            };
            format!(
                "<template id=sc-language-offer data-lang=cy><p class=\"sc-notice sc-language-offer\" lang=cy role=status data-testid=language-offer>{} <a href=\"{}\" hreflang=cy data-sc-offer=take>{}</a> <button type=button class=sc-link-button data-sc-offer=no>{}</button></p></template>",
                html_escape(cy.label(crate::text::Label::LanguageOffer)),
                html_escape(&welsh.to_path()),
                html_escape(t.label(crate::text::Label::OtherLanguage)),
                html_escape(cy.label(crate::text::Label::LanguageOfferNo)),
            )
        }
        Lang::Cy => String::new(),
    };
    // The same page in each language, for search engines and link previews.
    let alternates: String = Lang::ALL
        .iter()
        .map(|&lang| {
            let other = Link {
                lang,
                unknown: Vec::new(),
                ..link.clone()
            };
            format!(
                "<link rel=alternate hreflang={} href=\"{}\">",
                tag(lang),
                html_escape(&format!("{base}{}", other.to_path()))
            )
        })
        .collect();
    let tags = format!(
        "{TAGS_START}<link rel=canonical href=\"{url}\">{alternates}\
         <meta property=og:type content=website>\
         <meta property=og:locale content={locale}>\
         <meta property=og:site_name content=\"{site}\">\
         <meta property=og:url content=\"{url}\">\
         <meta property=og:title content=\"{title}\">\
         <meta property=og:description content=\"{description}\">\
         <meta property=og:image content=\"{url}{image}\">\
         <meta property=og:image:width content={width}>\
         <meta property=og:image:height content={height}>\
         <meta property=og:image:alt content=\"{description}\">\
         <meta name=twitter:card content=summary_large_image>\
         <meta name=twitter:image content=\"{url}{image}\">\
         <meta name=sc-page content=\"{path}\" data-orders=\"{orders}\">\
         <script type=application/json id=sc-later data-sc-build>{later}</script>\
         {unknown}{offer}{TAGS_END}",
        path = html_escape(&link.to_path()),
        locale = match link.lang {
            Lang::En => "en_GB",
            Lang::Cy => "cy_GB",
        },
        orders = page_orders(page.election.election),
        image = html_escape(preview),
        site = html_escape(t.label(crate::text::Label::Brand)),
        width = preview::WIDTH,
        height = preview::HEIGHT,
    );
    let at = html
        .find("</head>")
        .or_else(|| html.find("<body"))
        .ok_or(PrerenderError::NoHead("<body>"))?;
    Ok(format!("{}{tags}{}", &html[..at], &html[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::page::ResultView;
    use slatecard::components::{Advice, AdviceProps};
    use yew::Callback;

    /// `result` drawn by the advice component on a page in `lang`.
    fn advice(result: ResultView, lang: Lang) -> String {
        let renderer = yew::ServerRenderer::<Advice>::with_props(move || AdviceProps {
            lang,
            found: None,
            result,
            back: "./".into(),
            dispatch: Callback::noop(),
            take_focus: false,
            compact: false,
            share: None,
        })
        .hydratable(false);
        futures_executor::block_on(renderer.render())
    }

    /// The opening tag of the element holding exactly `text`.
    fn tag_of<'h>(html: &'h str, text: &str) -> &'h str {
        let end = html
            .find(&format!(">{text}<"))
            .unwrap_or_else(|| panic!("no element holds {text:?}"));
        &html[html[..end].rfind('<').expect("a tag")..=end]
    }

    fn welsh(text: &'static str) -> DataText {
        DataText {
            text,
            lang: Lang::Cy,
        }
    }

    #[test]
    fn a_welsh_page_draws_the_datas_welsh_unmarked_and_its_english_marked() {
        let e = Election::by_id("nec-2022").expect("bundled");
        let wales = RegionId::from_slug("wales").expect("a region");
        // What the data gives in Welsh (a fixture: the bundled data has none).
        let mut v = ResultView::build_in(e, wales, Lang::Cy);
        v.slate = welsh("Llawr Gwlad 5");
        v.entries[0].summary = welsh("Cynghorydd ym Manceinion.");
        v.notes[0] = welsh("Nodyn cyntaf.");
        v.seat_groups[0].seats[0].name = welsh("Sedd brawf");
        let html = advice(v.clone(), Lang::Cy);
        for text in [
            "Llawr Gwlad 5",
            "Cynghorydd ym Manceinion.",
            "Nodyn cyntaf.",
            "Sedd brawf",
        ] {
            assert!(!tag_of(&html, text).contains("lang="), "{text}: {html}");
        }
        // The screen readers' sentence names the slate in Welsh, unmarked.
        assert!(
            html.contains("Dyma drefn ymgeiswyr Llawr Gwlad 5 ar gyfer"),
            "{html}"
        );
        // Where the data has no Welsh: its English, marked as English.
        let english: Vec<&str> = v.entries[1..]
            .iter()
            .map(|x| x.summary.text)
            .chain(v.notes[1..].iter().map(|n| n.text))
            .filter(|t| !t.is_empty() && !t.contains(['&', '<', '>', '"', '\'']))
            .collect();
        assert!(english.len() > 2, "{english:?}");
        for text in english {
            assert!(
                tag_of(&html, text).contains("lang=\"en-GB\""),
                "{text}: {html}"
            );
        }
        // Names of people are the data's, never marked.
        assert!(!tag_of(&html, v.entries[0].name).contains("lang="));
        // All in English: the slate's name marked, in the sentence too.
        let html = advice(ResultView::build_in(e, wales, Lang::Cy), Lang::Cy);
        assert!(tag_of(&html, e.slate).contains("lang=\"en-GB\""), "{html}");
        assert!(html.contains(&format!(
            "Dyma drefn ymgeiswyr <span lang=\"en-GB\">{}</span> ar gyfer",
            e.slate
        )));
        // An English page marks nothing.
        let html = advice(ResultView::build(e, wales), Lang::En);
        assert!(!html.contains("lang="), "{html}");
    }
}
