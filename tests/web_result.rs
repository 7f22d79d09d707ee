//! Browser tests: the advice component, the postcode table and `mount()`,
//! rendered by Yew in a real browser (headless Chromium via
//! wasm-bindgen-test-runner). The island's and the pages' flows are tested
//! end to end (tests/e2e/, tests/webdriver/).
//! What the pages decide is tested natively (`tests/core_flows.rs`); these
//! check that the shells draw it and send the member's actions back.
#![cfg(target_arch = "wasm32")]

use slatecard::components::{Advice, AdviceProps};
use slatecard::domain::election::Election;
use slatecard::domain::link::Link;
use slatecard::domain::model::{Mode, Model};
use slatecard::domain::page::ResultView;
use slatecard::domain::region::RegionId;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// The test page's own path, before any app rewrote the address bar.
static TEST_PAGE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// A fresh element in the page for one test to mount into. Also puts back the
/// test page's address, which an earlier test's app may have changed (the
/// test page has no `<base>`, so the app's base is the page's folder).
fn mount_point() -> Element {
    let window = gloo::utils::window();
    let path = TEST_PAGE.get_or_init(|| window.location().pathname().unwrap());
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

/// The `data-kind` of the order's provenance note (published, generated…).
fn provenance_kind(root: &Element) -> Option<String> {
    root.query_selector("[data-testid=provenance]")
        .unwrap()?
        .get_attribute("data-kind")
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

/// Renders the widget (the shell that runs `update` in the browser with
/// Yew) for NEC 2022, whose orders and seats these tests know, as a blog's
/// host page mounts it.
fn render_widget(root: &Element) {
    slatecard::widget::render(
        root.clone(),
        slatecard::widget::WidgetProps {
            model: Model::new(Mode::Widget, &Link::parse("?election=nec-2022")),
            page_url: slatecard::web::page_base().into(),
            report_height: false,
            standalone: false,
        },
    );
}

#[wasm_bindgen_test]
async fn result_shows_the_published_northern_order() {
    let root = mount_point();
    let election = Election::by_id("nec-2022").unwrap();
    let result = ResultView::build(election, RegionId::from_slug("northern").unwrap());
    yew::Renderer::<Advice>::with_root_and_props(
        root.clone(),
        AdviceProps {
            lang: Default::default(),
            back: "nec-2022/".to_owned(),
            found: None,
            result,
            dispatch: Callback::noop(),
            take_focus: false,
            compact: false,
            share: None,
        },
    )
    .render();
    yew::scheduler::flush().await;

    assert_eq!(
        texts(&root, "[data-testid=candidate-name]"),
        [
            "Yasmine Dar",
            "Naomi Wimborne-Idrissi",
            "Mish Rahman",
            "Jess Barnard",
            "Gemma Bolton"
        ]
    );
    assert_eq!(texts(&root, ".sc-pref"), ["1", "2", "3", "4", "5"]);
    assert_eq!(provenance_kind(&root).as_deref(), Some("published"));
    // Wales-only seat is not offered to a member in the Northern region.
    let seats = texts(&root, "[data-testid=seat]").join("\n");
    assert!(seats.contains("Lara McNeill"));
    assert!(!seats.contains("Lynne Jones"));
}

/// Not a timed test: prints how long decoding the postcode table and one
/// lookup take in this browser (for the report), and checks both work.
#[wasm_bindgen_test]
fn measure_table_decode_and_lookup_in_browser() {
    use slatecard::domain::lookup::{resolve_in, Resolution};
    use slatecard::domain::table::Table;
    let now = || js_sys::Date::now();
    let runs = 20;
    let start = now();
    let mut table = None;
    for _ in 0..runs {
        table = Some(Table::decode(TABLE).expect("bundled table decodes"));
    }
    let decode_ms = (now() - start) / f64::from(runs);
    let table = table.expect("decoded");
    let inputs = ["SW1A 1AA", "CA1 1RR", "SY10 7BG", "M1 1AE", "BT1 5GS"];
    let rounds = 2000;
    let start = now();
    for _ in 0..rounds {
        for pc in inputs {
            let a = resolve_in(&table, pc).expect("valid");
            assert!(matches!(a.resolution, Resolution::Region(_)));
        }
    }
    let per_lookup_us = (now() - start) * 1000.0 / f64::from(rounds * inputs.len() as u32);
    wasm_bindgen_test::console_log!(
        "wasm measurement: table decode {decode_ms:.2} ms; lookup {per_lookup_us:.2} µs per postcode"
    );
}

#[wasm_bindgen_test]
async fn postcode_field_finds_the_region() {
    // The test page has no `labour.bin` to fetch: give the lookup the table.
    slatecard::domain::lookup::provide_table(Ok(TABLE)).expect("the table decodes");
    let root = mount_point();
    render_widget(&root);
    yew::scheduler::flush().await;
    let input: web_sys::HtmlInputElement = root
        .query_selector("[data-testid=postcode-input]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("ne1 4st");
    click(&root, "[data-testid=postcode-submit]");
    yew::scheduler::flush().await;
    assert_eq!(texts(&root, "[data-testid=result-region]"), ["Northern"]);
    assert_eq!(
        texts(&root, "[data-testid=found-by]"),
        ["NE1 4ST is in the Northern region."]
    );
    // (Never in the address.)
    let href = gloo::utils::window().location().href().unwrap();
    assert!(!href.to_uppercase().contains("NE1"), "{href}");
}

/// The postcode table, as the app fetches it (`labour.bin`).
const TABLE: &[u8] = include_bytes!("../data/postcodes/labour.bin");

/// `mount()`, the blogs' module's export (`src/bin/embed.rs`).
mod mount {
    use super::*;

    /// Builds a JS options object for `mount()` from name/value pairs.
    fn options(pairs: &[(&str, wasm_bindgen::JsValue)]) -> wasm_bindgen::JsValue {
        let o = js_sys::Object::new();
        for (k, v) in pairs {
            js_sys::Reflect::set(&o, &(*k).into(), v).unwrap();
        }
        o.into()
    }

    #[wasm_bindgen_test]
    async fn mount_renders_a_preset_widget_in_a_host_page() {
        let root = mount_point();
        slatecard::widget::mount(
            root.clone(),
            options(&[
                ("election", "nec-2020".into()),
                ("region", "south-west".into()),
                ("theme", "dark".into()),
            ]),
        )
        .expect("good options mount");
        yew::scheduler::flush().await;
        assert_eq!(texts(&root, "[data-testid=result-region]"), ["South West"]);
        assert_eq!(texts(&root, "[data-testid=candidate]").len(), 6);
        let widget = root
            .query_selector("[data-testid=widget]")
            .unwrap()
            .unwrap();
        assert_eq!(
            widget.tag_name(),
            "SECTION",
            "a host page keeps its own <main>"
        );
        assert_eq!(widget.get_attribute("data-theme").as_deref(), Some("dark"));
        // "Open full page" leads to where the module was loaded from, with the preset.
        let link = root
            .query_selector("[data-testid=open-full-page]")
            .unwrap()
            .unwrap()
            .get_attribute("href")
            .unwrap();
        let origin = gloo::utils::window().location().origin().unwrap();
        assert!(link.starts_with(&origin), "{link}");
        assert!(link.ends_with("/nec-2020/south-west/"), "{link}");
    }

    #[wasm_bindgen_test]
    fn mount_refuses_bad_options_with_a_readable_error() {
        let message = |opts: wasm_bindgen::JsValue| {
            let err = slatecard::widget::mount(mount_point(), opts).expect_err("refused");
            err.dyn_into::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .expect("a JS Error")
        };
        assert_eq!(
            message(options(&[("region", "atlantis".into())])),
            "slatecard: no region \"atlantis\": use a region's slug, such as \"wales\" or \"north-west\""
        );
        assert_eq!(
            message(options(&[("region", 3.into())])),
            "slatecard: option \"region\" must be a string"
        );
        assert!(
            message(options(&[("colour", "#c00".into())])).contains("unknown option \"colour\"")
        );
        assert!(message("wales".into()).contains("options must be an object"));
        // No options at all is fine: the widget starts at the postcode field.
        let root = mount_point();
        slatecard::widget::mount(root, wasm_bindgen::JsValue::UNDEFINED).expect("no options");
    }
}

/// A panic anywhere, after Yew has rendered (Yew replaces a panic hook set
/// the plain way when it first renders), shows the crash page in `#app`
/// rather than a dead page. The panic is this test's own, on purpose, in a
/// timer callback after a component has rendered.
#[wasm_bindgen_test]
async fn a_panic_shows_the_crash_page() {
    let document = gloo::utils::document();
    let meta = document.create_element("meta").unwrap();
    meta.set_attribute("name", "sc-page").unwrap();
    meta.set_attribute("content", "").unwrap();
    document.head().unwrap().append_child(&meta).unwrap();
    let app = mount_point();
    app.set_id("app");
    slatecard::web::catch_panics();
    let root = mount_point();
    render_widget(&root);
    yew::scheduler::flush().await;
    gloo_timers::callback::Timeout::new(0, || panic!("on purpose, in a test")).forget();
    gloo_timers::future::TimeoutFuture::new(50).await;
    let said = app.text_content().unwrap_or_default();
    meta.remove();
    app.remove();
    assert!(
        said.contains("Sorry, something went wrong"),
        "the crash page says what happened, not {said:?}"
    );
}
