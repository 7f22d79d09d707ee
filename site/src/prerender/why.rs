//! "Why is my order different?": one static page per ranked election
//! (`why.html` next to the election's `index.html`), linked from every
//! result card. Plain HTML with an inline SVG chart and no script, so it
//! costs the app's first load nothing and opens only when a member asks.
//!
//! It explains in plain words why the slate gives each region its own
//! order, charts how the regional orders spread first preferences across
//! the slate, and shows a **simulated** STV count ([`slatecard_stv::simulate`],
//! labelled as a simulation with its assumptions) comparing the slate
//! candidates elected when members follow the regional orders with all of
//! them voting in one order.

use super::{data_lang_attr, escape_with_data};
use crate::domain::election::{BallotKind, DataText, Election};
use crate::domain::escape::html_escape;
use crate::text::{catalogue, tag, Catalogue as _, Lang, WhyText};
use slatecard_stv::simulate::{simulate_election, Params, Simulation};
use slatecard_stv::Rules;
use std::fmt::Write as _;

/// The page's file name, next to the election page's `index.html`.
pub const FILE: &str = "why.html";

/// The scenarios the page shows: the slate's share of the poll (percent)
/// and the share of its voters who mark only a first preference.
pub fn page_params(rules: Rules) -> Params {
    Params {
        slate_percents: vec![20, 30, 40],
        plump_percents: vec![0, 20, 40],
        rules,
        ..Params::default()
    }
}

/// The two counting rules the page compares, with the catalogue's names.
fn rules() -> [(Rules, bool); 2] {
    [(Rules::scottish(), true), (Rules::ers97(), false)]
}

/// The page for `e`, whose regions weigh `weights` (region order, as
/// `balanced-v1` weighs them); `None` for a cross ballot or an election
/// without orders.
///
/// # Errors
/// The count's error, should the election's data be unusable for it.
pub fn why_page(e: &Election, weights: &[u64]) -> Option<Result<String, String>> {
    why_pages_in(e, weights, &[Lang::En]).map(|r| r.map(|mut pages| pages.remove(0)))
}

/// The page of [`why_page`] in each of `langs`, in that order, from one
/// simulation.
///
/// # Errors
/// As [`why_page`].
pub fn why_pages_in(
    e: &Election,
    weights: &[u64],
    langs: &[Lang],
) -> Option<Result<Vec<String>, String>> {
    if e.kind != BallotKind::Ranked || e.orders.is_empty() {
        return None;
    }
    let mut sims = Vec::new();
    for (rules, wigm) in rules() {
        match simulate_election(e, weights, &page_params(rules))? {
            Ok(s) => sims.push((s, wigm)),
            Err(err) => return Some(Err(format!("{}: {err}", e.id))),
        }
    }
    Some(Ok(langs
        .iter()
        .map(|&lang| render(e, &sims, lang))
        .collect()))
}

/// A bar chart, as inline SVG: each candidate's share of the slate's first
/// preferences under the regional orders, beside one order for all.
fn chart(lang: Lang, w: &WhyText, sim: &Simulation) -> String {
    // Each candidate: the name on its own line (long names fit a phone),
    // then the two bars.
    let rows = sim.candidates.len();
    let (bar_w, row_h) = (290.0, 62.0);
    let height = 34.0 + row_h * rows as f64;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=chart viewBox=\"0 0 {} {height}\" role=img aria-labelledby=\"chart-title chart-desc\">\
         <title id=chart-title>{}</title><desc id=chart-desc>{}</desc>",
        bar_w + 56.0,
        html_escape(&w.chart_title),
        html_escape(&catalogue(lang).why_chart(sim)),
    );
    let _ = write!(
        svg,
        "<g class=legend><rect x=0 y=6 width=14 height=14 class=regional></rect>\
         <text x=20 y=19>{}</text><rect x=160 y=6 width=14 height=14 class=single></rect>\
         <text x=180 y=19>{}</text></g>",
        html_escape(&w.regional),
        html_escape(&w.single),
    );
    for (i, name) in sim.candidates.iter().enumerate() {
        let y = 34.0 + row_h * i as f64;
        let regional = sim.first_share.get(i).copied().unwrap_or(0.0);
        let single = if sim.single_order.first() == Some(&i) {
            1.0
        } else {
            0.0
        };
        let _ = write!(
            svg,
            "<text x=0 y={:.1} class=name>{}</text>\
             <rect x=0 y={:.1} width={:.1} height=16 class=regional></rect>\
             <text x={:.1} y={:.1} class=value>{:.0}%</text>\
             <rect x=0 y={:.1} width={:.1} height=10 class=single></rect>\
             <text x={:.1} y={:.1} class=value>{:.0}%</text>",
            y + 14.0,
            html_escape(name),
            y + 20.0,
            bar_w * regional,
            bar_w * regional + 6.0,
            y + 33.0,
            regional * 100.0,
            y + 40.0,
            bar_w * single,
            bar_w * single + 6.0,
            y + 49.0,
            single * 100.0,
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The simulated count's table under one set of rules.
fn table(w: &WhyText, sim: &Simulation, wigm: bool) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<table><caption>{}</caption><thead><tr><th scope=col>{}</th><th scope=col>{}</th>\
         <th scope=col>{}</th><th scope=col>{}</th></tr></thead><tbody>",
        html_escape(if wigm { &w.wigm } else { &w.last_parcel }),
        html_escape(&w.slate_share),
        html_escape(&w.plumpers),
        html_escape(&w.regional),
        html_escape(&w.single),
    );
    for s in &sim.scenarios {
        let _ = write!(
            out,
            "<tr><td>{}%</td><td>{}%</td><td>{}</td><td>{}</td></tr>",
            s.slate_percent, s.plump_percent, s.elected_regional, s.elected_single
        );
    }
    out.push_str("</tbody></table>");
    out
}

fn render(e: &Election, sims: &[(Simulation, bool)], lang: Lang) -> String {
    let t = catalogue(lang);
    let w = t.why(e);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html><html lang={}><meta charset=utf-8>\
         <meta name=viewport content=\"width=device-width, initial-scale=1\">\
         <meta name=color-scheme content=\"light dark\">\
         <meta http-equiv=Content-Security-Policy content=\"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'\">\
         <link rel=icon href={}favicon.svg type=image/svg+xml>\
         <title>{}</title><style>{}</style><main><p class=kicker{}>{}</p><h1>{}</h1>",
        tag(lang),
        // From the election's folder to the site's (a Welsh page's is deeper).
        if lang.prefix().is_some() { "../../" } else { "../" },
        html_escape(&w.title),
        CSS,
        data_lang_attr(DataText::english(e.short_title), lang),
        html_escape(e.short_title),
        html_escape(&w.title),
    );
    // The slate's name, in the sentences that hold it.
    let slate = e.slate_in(lang);
    for p in &w.explanation {
        let _ = write!(out, "<p>{}</p>", escape_with_data(p, slate, lang));
    }
    if let Some((sim, _)) = sims.first() {
        let _ = write!(out, "<h2>{}</h2>", html_escape(&w.chart_title));
        out.push_str(&chart(lang, &w, sim));
    }
    let _ = write!(
        out,
        "<h2>{}</h2><p class=label>{}</p><p>{}</p>",
        html_escape(&w.simulation_title),
        html_escape(&w.simulation_label),
        escape_with_data(&w.simulation_intro, slate, lang),
    );
    for (sim, wigm) in sims {
        out.push_str(&table(&w, sim, *wigm));
    }
    let reading: Vec<(&Simulation, bool)> = sims.iter().map(|(s, wigm)| (s, *wigm)).collect();
    for p in &t.why_reading(&reading) {
        let _ = write!(out, "<p>{}</p>", html_escape(p));
    }
    let _ = write!(out, "<h3>{}</h3><ul>", html_escape(&w.assumptions));
    if let Some((sim, _)) = sims.first() {
        // The poll and the two counts, then the simulation's assumptions.
        let params = page_params(Rules::scottish());
        let _ = write!(
            out,
            "<li>{}</li>",
            html_escape(&t.why_poll(params.poll, params.seats))
        );
        for a in &sim.assumptions {
            let _ = write!(out, "<li>{}</li>", html_escape(a));
        }
    }
    let _ = write!(
        out,
        "</ul><p><a href=./>{}</a></p></main></html>",
        html_escape(&w.back),
    );
    out
}

/// The page's styles (inline: one file, no request; no script at all).
const CSS: &str = "body{font:1rem/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}\
main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;line-height:1.2}\
.kicker{color:#b00d26;font-weight:700;margin:0}.label{display:inline-block;background:#fff3cd;\
border-left:4px solid #c8860d;padding:.25rem .5rem;font-weight:700}\
.chart{width:100%;max-width:26rem;height:auto;font-size:15px}.chart .name{font-weight:700}.chart .regional{fill:#b00d26}.chart .single{fill:#777}\
.chart text{fill:currentColor}table{border-collapse:collapse;width:100%;margin:1rem 0}\
caption{text-align:left;font-weight:700;padding:.25rem 0}th,td{border-bottom:1px solid #ccc;\
padding:.3rem;text-align:right}th{overflow-wrap:anywhere}th:first-child,td:first-child{text-align:left}a{color:#b00d26}\
@media(prefers-color-scheme:dark){body{background:#121212;color:#eee}a,.kicker{color:#ff8a9a}\
.chart .regional{fill:#ff8a9a}.chart .single{fill:#aaa}.label{background:#3a2f0b;color:#fff}}";
