//! The embeddable widget: a compact slatecard for blogs.
//!
//! Two ways in: our own page with `?embed=1` (what the `embed.js` loader,
//! plain iframes and WordPress's oEmbed frames load), or a host page that
//! imports `slatecard.js` and calls [`mount`]. The widget reports its height to
//! the parent frame on every layout change, both as WordPress's wp-embed
//! message and as our own, and never touches storage, cookies or the URL.

use crate::domain::election::Election;
use crate::domain::query::{widget_options, wp_embed_secret, AppQuery};
use crate::domain::region::RegionId;
use crate::domain::view::ResultView;
use crate::ui::browser;
use crate::ui::components::{PostcodeForm, SlateResult};
use crate::ui::state::{AppState, Dispatchers};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`Widget`].
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// What the widget starts with.
    pub query: AppQuery,
    /// Address of the full page (for "Open full page").
    pub page_url: AttrValue,
    /// Report height to the parent frame.
    #[prop_or(true)]
    pub report_height: bool,
    /// True when the widget is the whole page (in an iframe): it is then the
    /// page's `<main>` with its `<h1>`; mounted into a host page it is a `<section>`.
    #[prop_or(true)]
    pub standalone: bool,
}

/// WordPress's wp-embed height message (`wp-embed.js` checks the secret).
#[derive(Serialize)]
struct WpEmbedHeight<'a> {
    message: &'static str,
    value: f64,
    secret: &'a str,
}

/// Our own height message, for the `embed.js` loader and other hosts.
#[derive(Serialize)]
struct SlatecardHeight {
    #[serde(rename = "type")]
    kind: &'static str,
    height: f64,
}

fn post_height(height: f64, secret: Option<&str>) {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return; // not in a frame
    }
    let height = height.ceil();
    // The height is not sensitive, and the parent's origin is unknown.
    let send = |msg: Result<JsValue, serde_wasm_bindgen::Error>| {
        if let Ok(msg) = msg {
            let _ = parent.post_message(&msg, "*");
        }
    };
    if let Some(secret) = secret {
        send(serde_wasm_bindgen::to_value(&WpEmbedHeight {
            message: "height",
            value: height,
            secret,
        }));
    }
    send(serde_wasm_bindgen::to_value(&SlatecardHeight {
        kind: "slatecard:height",
        height,
    }));
}

/// Reports the element's height to the parent frame whenever it changes.
#[hook]
fn use_auto_height(node: NodeRef, enabled: bool) {
    use_effect_with(enabled, move |&enabled| {
        let observer = enabled.then(|| {
            let secret =
                wp_embed_secret(&gloo::utils::window().location().hash().unwrap_or_default());
            let target = node.cast::<Element>();
            let measure = target.clone();
            let callback = Closure::<dyn FnMut()>::new(move || {
                if let Some(el) = &measure {
                    post_height(el.get_bounding_client_rect().height(), secret.as_deref());
                }
            });
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, &target) {
                o.observe(el);
            }
            (observer, callback)
        });
        move || {
            if let Some((Some(o), _callback)) = observer {
                o.disconnect();
            }
        }
    });
}

/// The compact widget: postcode or region, then the slate's advice.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let state = use_reducer(|| AppState::from_query(&props.query));
    let root = use_node_ref();
    use_auto_height(root.clone(), props.report_height);
    {
        // Accent through the CSSOM (allowed by a strict style-src), not a style attribute.
        let root = root.clone();
        let accent = props.query.accent.clone();
        use_effect_with(accent, move |accent| {
            if let (Some(el), Some(a)) = (root.cast::<web_sys::HtmlElement>(), accent) {
                let _ = el.style().set_property("--sc-accent", a);
            }
        });
    }
    let Dispatchers {
        onpick_region,
        onfound,
        onchange_region,
        ..
    } = Dispatchers::new(&state);
    let onselect = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(r) = RegionId::from_slug(&select.value()) {
            onpick_region.emit(r);
        }
    });
    let page_url = {
        let q = state.to_query();
        format!("{}{}", props.page_url, q.to_query())
    };
    let e: &'static Election = state.election;
    let now = browser::now_utc_minutes();
    let (tag, heading) = if props.standalone {
        ("main", "h1")
    } else {
        ("section", "h2")
    };
    html! {
        <@{tag} class="sc-widget" data-theme={props.query.theme.name()} data-testid="widget" ref={root} aria-labelledby="sc-widget-title">
            <@{heading} id="sc-widget-title" class="sc-widget-title">
                <strong>{ e.short_title }</strong>
                <span class="sc-widget-status">{ crate::domain::view::status_line(e, now).0 }</span>
            </@>
            if let Some(r) = state.region {
                if let Some(how) = &state.found_by {
                    <p class="sc-found" data-testid="found-by">{ how.clone() }</p>
                }
                <SlateResult view={ResultView::build(e, r, now)} onchange_region={onchange_region} take_focus={state.interacted} />
            } else {
                <PostcodeForm {onfound} take_focus={state.interacted} />
                <label for="sc-widget-region" class="sc-widget-label">{ "Or choose your region" }</label>
                <select id="sc-widget-region" data-testid="widget-region" onchange={onselect}>
                    <option value="" selected=true>{ "Choose…" }</option>
                    for r in RegionId::all() {
                        <option value={r.slug()}>{ r.name() }</option>
                    }
                </select>
            }
            <p class="sc-widget-foot">
                <a href={page_url} target="_blank" rel="noopener" data-testid="open-full-page">{ "Open full page ↗" }</a>
                <span>{ " · Works on your device; nothing is sent. Postcode data: ONS (OGL v3), OS and Royal Mail © Crown copyright 2025." }</span>
            </p>
        </@>
    }
}

/// Mounts a widget into `root` with `opts`, a plain object such as
/// `{region: "wales", theme: "dark"}` (keys: election, region, theme, accent;
/// all optional), for host pages that load `slatecard.js` as a module. Bad
/// options are thrown as a JS error that says what is wrong, never a panic.
#[wasm_bindgen]
pub fn mount(root: Element, opts: JsValue) -> Result<(), JsValue> {
    let query = mount_options(&opts)
        .map_err(|problem| js_sys::Error::new(&format!("slatecard: {problem}")))?;
    yew::Renderer::<Widget>::with_root_and_props(
        root,
        WidgetProps {
            query,
            page_url: module_base().into(),
            report_height: false,
            standalone: false,
        },
    )
    .render();
    Ok(())
}

/// Reads `mount()`'s options object into name/value pairs for
/// [`widget_options`], which checks them.
fn mount_options(opts: &JsValue) -> Result<AppQuery, String> {
    if opts.is_undefined() || opts.is_null() {
        return Ok(AppQuery::default());
    }
    if !opts.is_object() || js_sys::Array::is_array(opts) {
        return Err("options must be an object, such as {region: \"wales\"}".to_owned());
    }
    let mut pairs = Vec::new();
    for entry in js_sys::Object::entries(opts.unchecked_ref()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        let value = entry.get(1);
        if value.is_undefined() {
            continue;
        }
        let value = value
            .as_string()
            .ok_or_else(|| format!("option \"{key}\" must be a string"))?;
        pairs.push((key, value));
    }
    widget_options(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

#[wasm_bindgen]
extern "C" {
    /// `import.meta` of our JS module (`slatecard.js`).
    type ImportMeta;
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
}

/// The app's address as seen from a host page that imported `slatecard.js`:
/// the folder the module was loaded from (not the host page's own address),
/// so "Open full page" leads to the app.
fn module_base() -> String {
    let url = IMPORT_META.with(ImportMeta::url);
    match url.rfind('/') {
        Some(i) => url[..=i].to_owned(),
        None => url,
    }
}

/// The address of the app's page (origin and path, no query).
pub fn page_base() -> String {
    let location = gloo::utils::window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}
