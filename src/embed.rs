//! The embeddable widget: a compact slatecard for blogs.
//!
//! Two ways in: our own page with `?embed=1` (what the `embed.js` loader,
//! plain iframes and WordPress's oEmbed frames load), or a host page that
//! imports `slatecard.js` and calls [`mount`]. The widget reports its height to
//! the parent frame on every layout change, both as WordPress's wp-embed
//! message and as our own, and never touches storage, cookies or the URL.

use crate::domain::election::Election;
use crate::domain::query::{wp_embed_secret, AppQuery, Theme};
use crate::domain::region::RegionId;
use crate::domain::view::ResultView;
use crate::ui::browser;
use crate::ui::components::{PostcodeForm, SlateResult};
use crate::ui::state::{AppState, Dispatchers};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};
use yew::prelude::*;

/// Options for a widget, from a query string or from [`mount`]'s `opts`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct EmbedOptions {
    /// Election id, e.g. `nec-2022` (default: the most recent).
    #[serde(default)]
    pub election: Option<String>,
    /// Preset region slug, e.g. `wales`.
    #[serde(default)]
    pub region: Option<String>,
    /// `light`, `dark` or `auto` (default).
    #[serde(default)]
    pub theme: Option<String>,
    /// Accent colour, `#rgb` or `#rrggbb`.
    #[serde(default)]
    pub accent: Option<String>,
}

impl EmbedOptions {
    fn to_query(&self) -> AppQuery {
        let mut s = String::new();
        for (k, v) in [
            ("election", &self.election),
            ("region", &self.region),
            ("theme", &self.theme),
            ("accent", &self.accent),
        ] {
            if let Some(v) = v {
                s.push_str(&format!("{k}={}&", v.replace('#', "%23")));
            }
        }
        AppQuery::parse(&s)
    }
}

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

fn post_height(height: f64, secret: Option<&str>) {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return; // not in a frame
    }
    let value = JsValue::from_f64(height.ceil());
    let send = |pairs: &[(&str, JsValue)]| {
        let msg = js_sys::Object::new();
        for (k, v) in pairs {
            let _ = js_sys::Reflect::set(&msg, &JsValue::from_str(k), v);
        }
        // The height is not sensitive, and the parent's origin is unknown.
        let _ = parent.post_message(&msg, "*");
    };
    if let Some(secret) = secret {
        send(&[
            ("message", JsValue::from_str("height")),
            ("value", value.clone()),
            ("secret", JsValue::from_str(secret)),
        ]);
    }
    send(&[
        ("type", JsValue::from_str("slatecard:height")),
        ("height", value),
    ]);
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
    let theme = match props.query.theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let page_url = {
        let q = state.to_query();
        format!("{}{}", props.page_url, q.to_query())
    };
    let e: &'static Election = state.election;
    let (tag, heading) = if props.standalone {
        ("main", "h1")
    } else {
        ("section", "h2")
    };
    html! {
        <@{tag} class="sc-widget" data-theme={theme} data-testid="widget" ref={root} aria-labelledby="sc-widget-title">
            <@{heading} id="sc-widget-title" class="sc-widget-title">
                <strong>{ e.short_title }</strong>
                <span class="sc-widget-status">{ crate::domain::view::status_line(e, browser::now_utc_minutes()).0 }</span>
            </@>
            if let Some(r) = state.region {
                if let Some(how) = &state.found_by {
                    <p class="sc-found" data-testid="found-by">{ how.clone() }</p>
                }
                <SlateResult view={ResultView::build(e, r, browser::now_utc_minutes())} onchange_region={onchange_region} take_focus={state.interacted} />
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

/// Mounts a widget into `root` with `opts` (`{election, region, theme, accent}`),
/// for host pages that load `slatecard.js` as a module. Bad options are
/// reported as a JS error, never a panic.
#[wasm_bindgen]
pub fn mount(root: Element, opts: JsValue) -> Result<(), JsValue> {
    let options: EmbedOptions = if opts.is_undefined() || opts.is_null() {
        EmbedOptions::default()
    } else {
        serde_wasm_bindgen::from_value(opts)
            .map_err(|e| JsValue::from_str(&format!("slatecard: bad options: {e}")))?
    };
    let page_url = page_base();
    yew::Renderer::<Widget>::with_root_and_props(
        root,
        WidgetProps {
            query: options.to_query(),
            page_url: page_url.into(),
            report_height: false,
            standalone: false,
        },
    )
    .render();
    Ok(())
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
