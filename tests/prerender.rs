//! Pre-rendering (native, `--features prerender`): every page a member can
//! reach without typing is written by the app's own shell, with the order in
//! the HTML and the page's own title and share tags.
#![cfg(not(target_arch = "wasm32"))]

use slatecard::domain::date::Moment;
use slatecard::domain::election::Election;
use slatecard::domain::escape::html_escape;
use slatecard::domain::link::Link;
use slatecard::domain::model::{Mode, Model};
use slatecard::domain::page::{view, Body, Page, ResultView};
use slatecard::domain::region::RegionId;
use slatecard::text::{catalogue, Catalogue as _, Label, Lang};
use slatecard_site::prerender::preview::{self, preview_svg, Rasteriser};
use slatecard_site::prerender::qr::qr_svg;
use slatecard_site::prerender::stall::{self, stall_sheet};
use slatecard_site::prerender::{pages, preview_name, render_page, PrerenderError};

/// The shape of Trunk's minified output around `#app`.
const TEMPLATE: &str = "<!doctype html><html lang=en-GB><meta charset=utf-8>\
<meta content=\"width=device-width, initial-scale=1\" name=viewport>\
<meta content=\"Generic description\" name=description><title>Generic</title></head>\
<body><div id=app><noscript><p>needs JavaScript</p></noscript><p class=sc-loading>Loading</p></div>\
<template id=sc-app-failed><p>could not start</p></template></body></html>";

const BASE: &str = "https://example.org/slatecard/";
/// A preview image's name as the build gives it ([`preview_name`]).
const IMAGE: &str = "preview.0123abcd.png";

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
    // Each page in English and in Welsh (under `cy/`).
    assert_eq!(all.len(), 2 * (1 + Election::all().len() * (1 + regions)));
    for lang in Lang::ALL {
        assert_eq!(all.iter().filter(|l| l.lang == lang).count(), all.len() / 2);
    }
    let mut paths: Vec<String> = all.iter().map(Link::to_path).collect();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), all.len());
}

#[test]
fn a_result_page_carries_its_order_title_and_share_tags() {
    let html = render_page(
        TEMPLATE,
        &link("nec-2022", Some("northern")),
        BASE,
        0,
        IMAGE,
    )
    .unwrap();
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
    let html = render_page(TEMPLATE, &Link::default(), BASE, 0, IMAGE).unwrap();
    let latest = Election::latest().id;
    for r in RegionId::all() {
        assert!(
            html.contains(&format!("href=\"{latest}/{}/\"", r.slug())),
            "{}",
            r.slug()
        );
    }
    // Enabled: the island runs it in place, and start.js records a lookup
    // asked before it runs (it disables the box only if it cannot start).
    let input = &html[html.find("<input").unwrap()..];
    assert!(!input[..input.find('>').unwrap()].contains("disabled"));
    // For start.js: the page's path, and which release's orders it shows
    // (its election's first). And what its status will say later: at 0
    // nothing changes within the year looked at.
    let latest = slatecard::domain::election::Election::latest();
    assert!(html.contains(&format!(
        "<meta name=sc-page content=\"\" data-orders=\"{}:{}",
        latest.id, latest.fingerprint
    )));
    assert!(html.contains("<script type=application/json id=sc-later data-sc-build>[]</script>"));
    let result = render_page(TEMPLATE, &link("nec-2022", Some("wales")), BASE, 0, IMAGE).unwrap();
    assert!(result.contains("<meta name=sc-page content=\"nec-2022/wales/\" data-orders="));
    // Built the month before the 2022 ballot: each later status, worded.
    // (2022-07-01 00:00 UTC, in minutes since the Unix epoch.)
    let later = slatecard_site::prerender::later_json(
        Election::by_id("nec-2022").unwrap(),
        Lang::En,
        27_610_560,
    );
    assert!(later.starts_with("[["), "{later}");
    assert!(later.contains("Voting closes in 2 days"), "{later}");
    assert!(later.contains("Voting closed on"), "{later}");
    assert!(html.contains(
        "<noscript><p class=\"sc-error\">Finding your region from a postcode needs JavaScript"
    ));
}

#[test]
fn rendering_a_page_again_replaces_what_it_wrote() {
    let once = render_page(TEMPLATE, &link("nec-2020", Some("wales")), BASE, 0, IMAGE).unwrap();
    let twice = render_page(&once, &link("nec-2020", Some("wales")), BASE, 0, IMAGE).unwrap();
    assert_eq!(once, twice);
}

#[test]
fn a_template_without_the_app_element_is_refused() {
    let err = render_page(
        "<title>x</title><body></body>",
        &Link::default(),
        BASE,
        0,
        IMAGE,
    )
    .unwrap_err();
    assert_eq!(err, PrerenderError::NoAppElement);
}

/// Each ranked election's "why is my order different?" page: the chart
/// names every slate candidate, the counts are labelled a simulation, with
/// both rules' tables and their assumptions, and the page runs no script.
/// A cross ballot has none.
#[test]
fn why_pages_chart_the_spread_and_label_the_simulation() {
    use slatecard::domain::election::BallotKind;
    use slatecard_site::prerender::why::why_page;
    let mut written = 0;
    for e in Election::all() {
        // Equal weights: the page's shape does not depend on them.
        let weights = vec![1_000; RegionId::all().count()];
        let Some(page) = why_page(e, &weights) else {
            assert!(
                e.kind != BallotKind::Ranked || e.orders.is_empty(),
                "{}",
                e.id
            );
            continue;
        };
        let page = page.unwrap();
        written += 1;
        assert!(page.contains("<svg class=chart"), "{}", e.id);
        for c in e.candidates {
            assert!(page.contains(c.name), "{}: {}", e.id, c.name);
        }
        assert!(page.contains("A simulation, not a result"), "{}", e.id);
        assert_eq!(page.matches("<table>").count(), 2, "{}", e.id);
        assert!(page.contains("How the simulation was made"), "{}", e.id);
        assert!(!page.contains("<script"), "{}", e.id);
        assert!(page.contains("default-src 'none'"), "{}", e.id);
    }
    assert!(written > 0);
}

/// The content of `<meta property|name=KEY content=…>` in `html`.
fn meta<'a>(html: &'a str, key: &str) -> &'a str {
    let at = html
        .find(&format!("={key} content="))
        .unwrap_or_else(|| panic!("no {key}"));
    let rest = &html[at + key.len() + 10..];
    let rest = rest.strip_prefix('"').unwrap_or(rest);
    &rest[..rest.find(['"', '>']).unwrap()]
}

#[test]
fn every_page_names_its_own_preview_image_by_its_absolute_address() {
    for link in pages() {
        let html = render_page(TEMPLATE, &link, BASE, 0, IMAGE).unwrap();
        let image = format!("{BASE}{}{IMAGE}", link.to_path());
        assert_eq!(meta(&html, "og:image"), image);
        assert_eq!(meta(&html, "twitter:image"), image);
        assert_eq!(meta(&html, "twitter:card"), "summary_large_image");
        assert_eq!(meta(&html, "og:image:width"), preview::WIDTH.to_string());
        assert_eq!(meta(&html, "og:image:height"), preview::HEIGHT.to_string());
        assert_eq!(
            meta(&html, "og:image:alt"),
            meta(&html, "og:description"),
            "the image says what the description says"
        );
    }
}

/// The page as the pre-rendering draws its image and sheet.
fn page_of(link: &Link) -> Page {
    view(&Model::new(Mode::App, link), 0)
}

#[test]
fn a_result_preview_shows_the_region_and_the_numbered_order_and_whose_it_is() {
    let northern = ResultView::build(
        Election::by_id("nec-2022").unwrap(),
        RegionId::from_slug("northern").unwrap(),
    );
    let p = catalogue(Lang::En).print_text();
    let text = |s: &str| format!(">{s}</text>");
    let svg = preview_svg(&page_of(&link("nec-2022", Some("northern"))), false);
    assert!(svg.contains(&text("Northern")));
    assert!(svg.contains(&text(p.number_them)));
    let mut at = 0;
    for (i, e) in northern.entries.iter().enumerate() {
        let number = svg[at..]
            .find(&format!(">{}</text>", i + 1))
            .unwrap_or_else(|| panic!("number {}", i + 1));
        let name = svg[at + number..]
            .find(&format!(">{}</text>", e.name))
            .unwrap_or_else(|| panic!("{}", e.name));
        at += number + name;
    }
    // Northern's order is the slate's own; London's slatecard worked out.
    assert!(svg.contains(&text(&html_escape(p.published))));
    let london = preview_svg(&page_of(&link("nec-2022", Some("london"))), false);
    assert!(london.contains(&text(p.generated)));
    // A cross ballot: crosses, no numbers.
    let cross = preview_svg(&page_of(&link("nec-2018", Some("scotland"))), false);
    assert!(cross.contains(&text(p.cross_each)));
    assert!(!cross.contains(">1</text>"));
    assert_eq!(cross.matches(">X</text>").count(), 9);
}

#[test]
fn preview_images_are_1200_by_630_palette_pngs() {
    let raster = Rasteriser::new().unwrap();
    for (link, landing) in [
        (link("nec-2022", Some("yorkshire")), false),
        (link("nec-2022", None), false),
        (Link::default(), true),
    ] {
        let png = raster.png(&preview_svg(&page_of(&link), landing)).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!(
            (width, height, png[25]),
            (1200, 630, 3),
            "{}",
            link.to_path()
        );
    }
    // The names are drawn, not left out for want of a font: the order's
    // rows hold dark (text) pixels.
    let pixels = raster
        .pixels(&preview_svg(
            &page_of(&link("nec-2022", Some("wales"))),
            false,
        ))
        .unwrap();
    let dark = pixels
        .data()
        .chunks_exact(4)
        .skip(1200 * 330)
        .take(1200 * 230)
        .filter(|p| p[0] < 80 && p[1] < 80 && p[2] < 80)
        .count();
    assert!(dark > 5_000, "{dark} dark pixels where the names are");
}

#[test]
fn the_qr_code_reads_back_as_the_address() {
    let raster = Rasteriser::new().unwrap();
    for url in [
        "https://example.org/slatecard/nec-2022/yorkshire/",
        "http://127.0.0.1:8080/nec-2018/international/",
    ] {
        let pixmap = raster.pixels(&qr_svg(url).unwrap()).unwrap();
        let (w, data) = (pixmap.width() as usize, pixmap.data());
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(w, pixmap.height() as usize, |x, y| {
                data[(y * w + x) * 4]
            });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "{url}");
        assert_eq!(grids[0].decode().unwrap().1, url);
    }
}

#[test]
fn a_result_has_a_stall_sheet_of_four_identical_cards_and_other_pages_none() {
    let page = page_of(&link("nec-2022", Some("london")));
    let Body::Result { result, .. } = &page.body else {
        panic!("a result page");
    };
    let sheet = stall_sheet(&page).unwrap();
    let cards: Vec<&str> = sheet.split("<article class=card>").skip(1).collect();
    assert_eq!(cards.len(), 4);
    assert!(cards
        .iter()
        .all(|c| c.split("</article>").next() == cards[0].split("</article>").next()));
    let card = cards[0];
    let mut at = 0;
    for e in &result.entries {
        let mark = format!(
            "<span class=mark>{}</span> {}</li>",
            e.preference.unwrap(),
            e.name
        );
        at += card[at..].find(&mark).unwrap_or_else(|| panic!("{mark}"));
    }
    assert!(card.contains("<h2>London</h2>"));
    assert!(card.contains("<img src=qr.svg"));
    // Its stylesheet by its content's name, written beside the pages.
    assert!(sheet.contains(&format!(
        "<link rel=stylesheet href=../../{}>",
        stall::css_name()
    )));
    assert!(card.contains(catalogue(Lang::En).label(Label::OtherSeats)));
    // The deadline: when voting closes, or that it has.
    let e = Election::by_id("nec-2022").unwrap();
    let t = catalogue(Lang::En);
    assert!(card.contains(&t.closes_on(e.closes.unwrap())));
    let after = Moment::parse("2022-09-01").unwrap().start_utc_minutes();
    let closed = view(
        &Model::new(Mode::App, &link("nec-2022", Some("london"))),
        after,
    );
    let closed_sheet = stall_sheet(&closed).unwrap();
    assert!(closed_sheet.contains(&t.timing(closed.election.timing)));
    assert!(!closed_sheet.contains(&t.closes_on(e.closes.unwrap())));
    assert!(!sheet.contains("<script"), "no script");
    assert_eq!(stall_sheet(&page_of(&link("nec-2022", None))), None);
    assert_eq!(stall_sheet(&page_of(&Link::default())), None);
}

/// A seat whose marking the data gives says exactly what to write on the
/// stall cards; one without says how many places only.
#[test]
fn stall_cards_say_how_a_section_is_marked_when_the_data_does() {
    let mut page = page_of(&link("nec-2022", Some("wales")));
    let sheet = stall_sheet(&page).unwrap();
    assert!(sheet.contains("(1 place)"), "{sheet}");
    assert!(!sheet.contains("Put a cross"));
    let Body::Result { result, .. } = &mut page.body else {
        panic!("a result page");
    };
    for s in result.seat_groups.iter_mut().flat_map(|g| &mut g.seats) {
        s.marking = slatecard::domain::election::Marking::Crosses;
    }
    let sheet = stall_sheet(&page).unwrap();
    assert!(sheet.contains("(Put a cross beside one name)"), "{sheet}");
    assert!(!sheet.contains("(1 place)"));
}

#[test]
fn preview_images_and_the_sheets_stylesheet_are_named_by_their_content() {
    let named = |name: &str, stem: &str, ext: &str| {
        let hash = name
            .strip_prefix(stem)
            .and_then(|rest| rest.strip_suffix(ext))
            .unwrap_or_else(|| panic!("{name}"));
        assert!(
            hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
            "{name}"
        );
    };
    let (a, b) = (preview_name(b"one picture"), preview_name(b"another"));
    named(&a, "preview.", ".png");
    assert_ne!(a, b, "another picture, another address");
    assert_eq!(a, preview_name(b"one picture"));
    named(&stall::css_name(), "cards.", ".css");
}

#[test]
fn the_not_found_page_links_home_by_its_absolute_address_and_runs_only_its_redirect() {
    use slatecard_site::prerender::not_found::not_found_page;
    let page = not_found_page(BASE);
    assert!(page.contains(&format!("<a href=\"{BASE}\">Find your region's order</a>")));
    assert!(page.contains("<h1>There is no slatecard page at this address</h1>"));
    assert!(page.contains("<meta name=robots content=noindex>"));
    assert!(page.contains("default-src 'none'"));
    // One script, allowed by its hash, holding Rust's table of names.
    use base64::Engine as _;
    use sha2::Digest as _;
    assert_eq!(page.matches("<script").count(), 1);
    let script = &page[page.find("<script>").unwrap() + 8..page.find("</script>").unwrap()];
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script));
    assert!(page.contains(&format!("script-src 'sha256-{hash}'")));
    assert!(script.contains(&slatecard::domain::link::address_table()));
    // Both languages' words, each marked with its language: one 404 page
    // is served for every address (docs/deploying.md), and its script
    // shows the Welsh under `cy/`, in any case, keeping `cy/` when it
    // sends a known page to its address.
    let welsh = catalogue(Lang::Cy).print_text();
    assert!(page.contains(&format!(
        "<div class=l-cy lang=cy><h1>{}</h1>",
        html_escape(welsh.not_found)
    )));
    assert!(page.contains(&format!(
        "<a href=\"{BASE}cy/\">{}</a>",
        html_escape(welsh.not_found_link)
    )));
    assert!(page.contains("<div class=l-en lang=en-GB><h1>"));
    assert!(page.contains("[data-l=en] .l-cy,[data-l=cy] .l-en{display:none}"));
    assert!(script.contains("toLowerCase()==='cy'") && script.contains("(c?'cy/':'')"));
    assert!(!script.contains('<'), "{script}");
    // An address with characters HTML gives meaning to is escaped.
    assert!(not_found_page("https://example.org/a\"b/")
        .contains("href=\"https://example.org/a&quot;b/\""));
}

#[test]
fn a_page_keeps_the_templates_other_meta_tags_when_its_description_is_written() {
    // Trunk's minifier writes `content` before `name`: the viewport's tag,
    // just before the description's, once went with it, and phones then
    // laid every page out 980 px wide.
    let html = render_page(TEMPLATE, &link("nec-2022", Some("london")), BASE, 0, IMAGE).unwrap();
    assert!(html.contains("<meta content=\"width=device-width, initial-scale=1\" name=viewport>"));
    assert_eq!(html.matches("name=description").count(), 1);
    assert!(!html.contains("Generic description"));
    // Written the other way round too, and again over its own output.
    let quoted = "<html><meta name=\"viewport\" content=\"width=device-width\">\
        <meta name=\"description\" content=\"x\"><title>t</title><body><div id=app></div></body></html>";
    let once = render_page(quoted, &Link::default(), BASE, 0, IMAGE).unwrap();
    let twice = render_page(&once, &Link::default(), BASE, 0, IMAGE).unwrap();
    for html in [&once, &twice] {
        assert!(html.contains("<meta name=\"viewport\" content=\"width=device-width\">"));
        assert_eq!(html.matches("name=description").count(), 1);
    }
    // A tag whose name only starts the same is not the description's.
    let lookalike =
        "<html><meta name=descriptions content=\"no\"><title>t</title><div id=app></div></html>";
    assert!(render_page(lookalike, &Link::default(), BASE, 0, IMAGE).is_err());
}

#[test]
fn a_first_preference_count_not_in_the_sources_is_explained_where_it_is_shown() {
    let mut explained = 0;
    for link in pages()
        .into_iter()
        .filter(|l| l.region.is_some() && l.lang == Lang::En)
    {
        let Body::Result { result, .. } = &page_of(&link).body else {
            panic!("a result page");
        };
        let missing = result
            .outcome
            .as_ref()
            .is_some_and(|o| o.slate_counts.iter().any(|(_, votes)| votes.is_none()));
        let html = render_page(TEMPLATE, &link, BASE, 0, IMAGE).unwrap();
        assert_eq!(
            html.contains("(—: not in our sources)"),
            missing,
            "{}",
            link.to_path()
        );
        explained += usize::from(missing);
    }
    assert!(
        explained > 0,
        "the bundled data has such counts (NEC 2022, Wales)"
    );
}
