//! Pre-rendering (native, `--features prerender`): every page a member can
//! reach without typing is written by the app's own shell, with the order in
//! the HTML and the page's own title and share tags.
#![cfg(all(not(target_arch = "wasm32"), feature = "prerender"))]

use slatecard::domain::election::Election;
use slatecard::domain::link::Link;
use slatecard::domain::region::RegionId;
use slatecard::prerender::{pages, render_page, PrerenderError};

/// The shape of Trunk's minified output around `#app`.
const TEMPLATE: &str = "<!doctype html><html lang=en-GB><meta charset=utf-8>\
<meta content=\"Generic description\" name=description><title>Generic</title></head>\
<body><div id=app><noscript><p>needs JavaScript</p></noscript><p class=sc-loading>Loading</p></div>\
<template id=sc-app-failed><p>could not start</p></template></body></html>";

const BASE: &str = "https://example.org/slatecard/";

fn link(election: &str, region: Option<&str>) -> Link {
    Link {
        election: Election::by_id(election),
        region: region.and_then(RegionId::from_slug),
        ..Link::default()
    }
}

#[test]
fn every_reachable_page_is_listed_once() {
    let all = pages();
    let regions = RegionId::all().count();
    assert_eq!(all.len(), 1 + Election::all().len() * (1 + regions));
    let mut paths: Vec<String> = all.iter().map(Link::to_path).collect();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), all.len());
}

#[test]
fn a_result_page_carries_its_order_title_and_share_tags() {
    let html = render_page(TEMPLATE, &link("nec-2022", Some("northern")), BASE, 0).unwrap();
    let names: Vec<&str> = html
        .split("data-testid=\"candidate-name\" class=\"sc-name\">")
        .skip(1)
        .map(|rest| &rest[..rest.find('<').unwrap()])
        .collect();
    assert_eq!(
        names,
        [
            "Yasmine Dar",
            "Naomi Wimborne-Idrissi",
            "Mish Rahman",
            "Jess Barnard",
            "Gemma Bolton"
        ]
    );
    assert!(
        html.contains("<title>NEC 2022 — Grassroots 5, Northern: how to vote — slatecard</title>")
    );
    assert!(html.contains(
        "<link rel=canonical href=\"https://example.org/slatecard/nec-2022/northern/\">"
    ));
    assert!(html.contains("property=og:description content=\"Labour NEC elections 2022: constituency (CLP) section, Northern: 1 Yasmine Dar,"));
    // The loading text and the no-script note are replaced; the templates stay.
    assert!(!html.contains("sc-loading"));
    assert!(!html.contains("needs JavaScript</p></noscript><p class=sc-loading"));
    assert!(html.contains("<template id=sc-app-failed>"));
    // Pre-rendered, the postcode box is not there (a result page) and the
    // links back lead to the election's page.
    assert!(html.contains("href=\"nec-2022/\""));
}

#[test]
fn the_landing_page_links_every_region_and_its_postcode_box_works_before_the_app_runs() {
    let html = render_page(TEMPLATE, &Link::default(), BASE, 0).unwrap();
    let latest = Election::latest().id;
    for r in RegionId::all() {
        assert!(
            html.contains(&format!("href=\"{latest}/{}/\"", r.slug())),
            "{}",
            r.slug()
        );
    }
    // Enabled: reaching for it starts the app, which keeps what was typed
    // (start.js; it disables the box only if the app cannot start).
    let input = &html[html.find("<input").unwrap()..];
    assert!(!input[..input.find('>').unwrap()].contains("disabled"));
    // For start.js: the page's path, and until when (minutes since the
    // epoch) it is up to date; at 0 nothing changes within the year looked at.
    assert!(html.contains("<meta name=sc-page content=\"\" data-until=527040>"));
    let result = render_page(TEMPLATE, &link("nec-2022", Some("wales")), BASE, 0).unwrap();
    assert!(result.contains("<meta name=sc-page content=\"nec-2022/wales/\" data-until="));
    assert!(html.contains(
        "<noscript><p class=\"sc-error\">Finding your region from a postcode needs JavaScript"
    ));
}

#[test]
fn rendering_a_page_again_replaces_what_it_wrote() {
    let once = render_page(TEMPLATE, &link("nec-2020", Some("wales")), BASE, 0).unwrap();
    let twice = render_page(&once, &link("nec-2020", Some("wales")), BASE, 0).unwrap();
    assert_eq!(once, twice);
}

#[test]
fn a_template_without_the_app_element_is_refused() {
    let err = render_page("<title>x</title><body></body>", &Link::default(), BASE, 0).unwrap_err();
    assert_eq!(err, PrerenderError::NoAppElement);
}
