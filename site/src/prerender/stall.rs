//! Each result's sheet of cards for a stall (`cards.html` next to the result
//! page): four identical A6 cards on one A4 page with cut lines, each with
//! the election, region, numbered order, other seats, the deadline and the
//! page's QR code. Plain HTML and print CSS (`styles/cards.css`, written
//! into `dist/` as `cards.<hash>.css`): no script, no WebAssembly. Drawn from the
//! same [`Page`] and catalogue as the result page.

use super::data_lang_attr;
use crate::domain::election::{DataText, Status};
use crate::domain::escape::html_escape;
use crate::domain::page::{Body, OrderSource, Page, ResultView};
use crate::text::{catalogue, tag, Catalogue, Label};
use std::fmt::Write as _;

/// The sheet's stylesheet, written once into `dist/` as [`css_name`].
pub const CSS: &str = include_str!("../../../styles/cards.css");

/// The stylesheet's published name, `cards.<first 8 hex of its SHA-256>.css`
/// (`slatecard_data_format::content_name`): cacheable for a year, and a
/// release's sheets never get another release's rules.
pub fn css_name() -> String {
    slatecard_data_format::content_name("cards.css", CSS.as_bytes())
}

/// The sheet's file name, next to the result page's `index.html`.
pub const FILE: &str = "cards.html";

/// How many identical cards a sheet holds (A6 on A4).
pub const CARDS: usize = 4;

/// One card.
fn card(t: &impl Catalogue, page: &Page, v: &ResultView) -> String {
    let p = t.print_text();
    let e = page.election.election;
    let mut out = String::new();
    let esc = |s: &str| html_escape(s);
    let _ = write!(
        out,
        "<article class=card><header><figure><img src=qr.svg alt=\"\" width=80 height=80>\
         <figcaption>{}</figcaption></figure><p class=brand>{}</p><p class=election{}>{}</p>\
         <h2>{}</h2></header><p class=how>{}</p>",
        esc(p.scan),
        esc(t.label(Label::Brand)),
        data_lang_attr(DataText::english(e.short_title), page.lang),
        esc(e.short_title),
        esc(t.region_name(v.region)),
        esc(&t.instruction(v.instruction)),
    );
    let ranked = v.entries.iter().any(|x| x.preference.is_some());
    out.push_str(if ranked {
        "<ol class=order>"
    } else {
        "<ul class=\"order cross\">"
    });
    for x in &v.entries {
        let mark = x.preference.map_or("X".to_owned(), |n| n.to_string());
        let _ = write!(
            out,
            "<li><span class=mark>{mark}</span> {}</li>",
            esc(x.name)
        );
    }
    out.push_str(if ranked { "</ol>" } else { "</ul>" });
    let whose = match v.source {
        OrderSource::Published { .. } => Some(p.published),
        OrderSource::PartlyPublished { .. } => Some(p.partly_published),
        OrderSource::Generated { .. } => Some(p.generated),
        OrderSource::NoOrder => None,
    };
    if let Some(whose) = whose {
        let _ = write!(out, "<p class=whose>{}</p>", esc(whose));
    }
    if !v.seat_groups.is_empty() {
        let _ = write!(
            out,
            "<section class=seats><h3>{}</h3>",
            esc(t.label(Label::OtherSeats))
        );
        for g in &v.seat_groups {
            let _ = write!(out, "<p class=who>{}:</p><ul>", esc(&t.eligibility(g.who)));
            for s in &g.seats {
                let picks = if s.published {
                    t.names(s.picks)
                } else {
                    t.label(Label::NotPublishedHere).to_owned()
                };
                let marking = t.marking(s.marking, s.votes);
                let mut votes = if marking.is_empty() {
                    String::new()
                } else {
                    format!(" ({marking})")
                };
                // As the card says it: picks not confirmed on the ballot.
                if s.nomination_stage {
                    votes = format!("{votes}. {}", t.label(Label::NominationStage));
                }
                let _ = write!(
                    out,
                    "<li><b{}>{}</b>: {}{}</li>",
                    data_lang_attr(s.name, page.lang),
                    esc(s.name.text),
                    esc(&picks),
                    esc(&votes)
                );
            }
            out.push_str("</ul>");
        }
        out.push_str("</section>");
    }
    let deadline = match (page.election.timing.status, e.closes) {
        (Status::Closed { .. }, _) | (_, None) => t.timing(page.election.timing),
        (_, Some(closes)) => t.closes_on(closes),
    };
    let _ = write!(out, "<p class=deadline>{}</p></article>", esc(&deadline));
    out
}

/// The stall sheet of a result page (`None` for other pages), as a complete
/// HTML document to write next to the page's `index.html`.
pub fn stall_sheet(page: &Page) -> Option<String> {
    let Body::Result { result: v, .. } = &page.body else {
        return None;
    };
    let t = catalogue(page.lang);
    let p = t.print_text();
    let title = format!(
        "{}: {}, {} — {}",
        p.stall_title,
        page.election.election.short_title,
        t.region_name(v.region),
        t.label(Label::Brand)
    );
    let card = card(t, page, v);
    let mut out = format!(
        "<!doctype html><html lang={lang}><head><meta charset=utf-8>\
         <meta http-equiv=Content-Security-Policy content=\"default-src 'none'; img-src 'self'; style-src 'self'\">\
         <meta name=viewport content=\"width=device-width, initial-scale=1\">\
         <meta name=robots content=noindex><title>{title}</title>\
         <link rel=icon href={up}favicon.svg type=image/svg+xml>\
         <link rel=stylesheet href={up}{css}></head><body>\
         <p class=hint>{hint} <a href=./>{back}</a></p><main class=sheet>",
        lang = tag(page.lang),
        title = html_escape(&title),
        hint = html_escape(p.stall_hint),
        back = html_escape(p.back_to_page),
        css = css_name(),
        // From the page's folder to the site's: `nec-2026/wales/`, or a
        // level deeper for a Welsh page (`cy/nec-2026/wales/`).
        up = "../".repeat(page.link.to_path().matches('/').count()),
    );
    for _ in 0..CARDS {
        out.push_str(&card);
    }
    out.push_str("</main></body></html>\n");
    Some(out)
}
