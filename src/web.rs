//! Browser plumbing in one place: the clock, the address bar, the parent
//! frame, the clipboard, `mount()`'s options and the crash page. The shells
//! call these; nothing here decides what a member sees.

use crate::domain::embedding::{widget_options, wp_embed_secret, OptionError};
use crate::domain::link::Link;
use crate::domain::lookup::{provide_table, table};
use crate::domain::table::TableError;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Now, in minutes since the Unix epoch (UTC), from the device's clock.
pub fn now_utc_minutes() -> i64 {
    (js_sys::Date::now() / 60_000.0) as i64
}

/// The page's address as the app reads it: its path under the app's base
/// (`nec-2022/london/`) and its query string (`?…`, or empty).
pub fn address() -> (String, String) {
    let location = gloo::utils::window().location();
    let path = location.pathname().unwrap_or_default();
    let base_path = base_path();
    let under = path.strip_prefix(base_path.as_str()).unwrap_or("");
    (under.to_owned(), location.search().unwrap_or_default())
}

/// The folder of `url` (up to and including its last `/`, before any query).
fn folder(url: &str) -> String {
    let url = url.split(['?', '#']).next().unwrap_or_default();
    match url.rfind('/') {
        Some(i) => url[..=i].to_owned(),
        None => url.to_owned(),
    }
}

/// The path part of [`page_base`], e.g. `/slatecard/`.
fn base_path() -> String {
    let base = page_base();
    // After `scheme://host`: the first `/` past the two of `://`. (Searching
    // for single characters keeps the bundle free of a substring searcher.)
    let host = base.find(':').map_or(0, |i| i + 3).min(base.len());
    match base[host..].find('/') {
        Some(i) => base[host + i..].to_owned(),
        None => "/".to_owned(),
    }
}

/// The element the app renders into: `#app` on our own pages, which say
/// they are ours with `<meta name=sc-page>` (site/src/prerender.rs). Never a host
/// page's own `#app` (a blog theme's, a Vue app's) when it imports
/// `slatecard.js` to call `mount()`.
pub fn app_root() -> Option<Element> {
    page_tag()?;
    gloo::utils::document().get_element_by_id("app")
}

/// The `<meta name=sc-page>` our pre-rendered pages carry: it names the
/// page's own path (`content`) and marks the page as ours.
fn page_tag() -> Option<Element> {
    gloo::utils::document()
        .query_selector("meta[name=sc-page]")
        .ok()
        .flatten()
}

/// Puts whether the `<details>` with id `view` is open into the address's
/// fragment (`#ballot-paper`), in place (no history entry), so a reload or a
/// shared link opens the same view.
pub fn record_view(view: &str) {
    let window = gloo::utils::window();
    let document = gloo::utils::document();
    let open = document
        .get_element_by_id(view)
        .is_some_and(|d| d.has_attribute("open"));
    let hash = window.location().hash().unwrap_or_default();
    let target = if open {
        format!("#{view}")
    } else {
        String::new()
    };
    if hash == target || (!open && hash != format!("#{view}")) {
        return;
    }
    let path = window.location().pathname().unwrap_or_default();
    let search = window.location().search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{path}{search}{target}")),
        );
    }
}

/// Opens `details` (the view with id `view`) when the address's fragment
/// names it. The element may not be in the document yet (the app renders
/// before it takes the pre-rendered page's place).
pub fn restore_view(view: &str, details: Option<Element>) {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    if let Some(d) = details.filter(|_| hash.strip_prefix('#') == Some(view)) {
        let _ = d.set_attribute("open", "");
    }
}

/// The app's address (its base URL, e.g. `https://example.org/slatecard/`):
/// `<base href>`, else the page's folder, whichever of its pages is open.
pub fn page_base() -> String {
    let base = gloo::utils::document().base_uri().ok().flatten();
    folder(&base.unwrap_or_default())
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
pub fn module_base() -> String {
    folder(&IMPORT_META.with(ImportMeta::url))
}

/// Reads `mount()`'s options object into name/value pairs and checks them
/// with [`widget_options`].
pub fn mount_options(opts: &JsValue) -> Result<Link, OptionError> {
    if opts.is_undefined() || opts.is_null() {
        return Ok(Link::default());
    }
    if !opts.is_object() || js_sys::Array::is_array(opts) {
        return Err(OptionError::NotAnObject);
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
            .ok_or(OptionError::NotAString { key: key.clone() })?;
        pairs.push((key, value));
    }
    widget_options(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// Fetches the postcode table from `url`, hands it to the lookup
/// ([`provide_table`]), then calls `done`. A failed download is recorded too,
/// so a waiting postcode gets a plain answer instead of waiting for ever.
pub fn load_postcode_table(url: String, done: impl FnOnce() + 'static) {
    // Another widget on the page (or a test) may have provided it already.
    if !matches!(table(), Err(TableError::NotLoaded)) {
        return done();
    }
    yew::platform::spawn_local(async move {
        let bytes = fetch_bytes(&url).await.map_err(|_| TableError::Unavailable);
        let _ = provide_table(bytes.as_deref().map_err(Clone::clone));
        done();
    });
}

/// The bytes at `url` (same rules as the page's other requests: its CSP, CORS).
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, JsValue> {
    use wasm_bindgen_futures::JsFuture;
    let response: web_sys::Response = JsFuture::from(gloo::utils::window().fetch_with_str(url))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from(response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Fetches the text at `url` and calls `done` with it (`None` if it could
/// not be fetched: offline, blocked, not found).
pub fn fetch_text(url: String, done: impl FnOnce(Option<String>) + 'static) {
    yew::platform::spawn_local(async move {
        let text = fetch_bytes(&url)
            .await
            .ok()
            .and_then(|b| String::from_utf8(b).ok());
        done(text);
    });
}

/// The page's own path under the app's address (`nec-2026/london/`), as
/// pre-rendered (`<meta name=sc-page>`), whatever address it is served at.
pub fn page_path() -> Option<String> {
    page_tag()?.get_attribute("content")
}

/// Whether `tag` (`nec-2026:3f9c01ab`: an election and its data's
/// fingerprint, `prerender::orders_tag`) is of the same release as this
/// page (`<meta name=sc-page data-orders>`, `prerender::page_orders`).
pub fn same_orders(tag: &str) -> bool {
    page_tag()
        .and_then(|t| t.get_attribute("data-orders"))
        .is_some_and(|all| all.split(' ').any(|t| t == tag))
}

/// Makes `path` the page's own path ([`page_path`]): start.js corrects the
/// addresses that share and copy give from it, to where the page is served.
pub fn set_page_path(path: &str) {
    if let Some(tag) = page_tag() {
        let _ = tag.set_attribute("content", path);
    }
}

/// Makes the address bar show `path` (under the app's address) as a new
/// history entry, without loading it.
pub fn push_path(path: &str) {
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.push_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{}{path}", base_path())),
        );
    }
}

/// Where the device keeps the member's region (nothing else is stored).
const REGION_KEY: &str = "slatecard:region";

/// The device's storage, where there is one the page may use (none in
/// private modes that refuse it or in sandboxed frames, where reading it
/// throws).
fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The region this device remembers for the member, if any.
pub fn remembered_region() -> Option<crate::domain::region::RegionId> {
    let slug = storage()?.get_item(REGION_KEY).ok().flatten()?;
    crate::domain::region::RegionId::from_slug(&slug)
}

/// Remembers (`Some`) or forgets (`None`) the member's region on this
/// device; does nothing where storage is unavailable.
pub fn remember_region(region: Option<crate::domain::region::RegionId>) {
    if let Some(s) = storage() {
        let _ = match region {
            Some(r) => s.set_item(REGION_KEY, r.slug()),
            None => s.remove_item(REGION_KEY),
        };
    }
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

/// The parent window, when the page is in a frame.
fn parent_frame() -> Option<web_sys::Window> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// The wp-embed secret WordPress gave this frame (`#?secret=…`), if any.
fn wp_secret() -> Option<String> {
    wp_embed_secret(&gloo::utils::window().location().hash().unwrap_or_default())
}

fn post_to_parent(parent: &web_sys::Window, msg: Result<JsValue, serde_wasm_bindgen::Error>) {
    // Neither message is sensitive, and the parent's origin is unknown.
    if let Ok(msg) = msg {
        let _ = parent.post_message(&msg, "*");
    }
}

/// Tells the parent frame (if any) the page's height in CSS pixels, as
/// WordPress's wp-embed message (when `secret` is known) and as our own.
fn post_height(height: f64, secret: Option<&str>) {
    let Some(parent) = parent_frame() else {
        return;
    };
    let height = height.ceil();
    if let Some(secret) = secret {
        post_to_parent(
            &parent,
            serde_wasm_bindgen::to_value(&WpEmbedHeight {
                message: "height",
                value: height,
                secret,
            }),
        );
    }
    post_to_parent(
        &parent,
        serde_wasm_bindgen::to_value(&SlatecardHeight {
            kind: "slatecard:height",
            height,
        }),
    );
}

/// In a WordPress oEmbed frame, asks WordPress to open `url` in the top
/// window (the frame's sandbox blocks new windows) and returns true; returns
/// false anywhere else, where a normal link works.
pub fn open_through_wordpress(url: &str) -> bool {
    let (Some(parent), Some(secret)) = (parent_frame(), wp_secret()) else {
        return false;
    };
    let message = js_sys::Object::new();
    for (key, value) in [("message", "link"), ("value", url), ("secret", &secret)] {
        let _ = js_sys::Reflect::set(&message, &key.into(), &value.into());
    }
    let _ = parent.post_message(&message, "*");
    true
}

/// True when a message from the parent is WordPress's `ready` (its host
/// script has started, perhaps after this frame loaded): answer with the height.
fn is_wp_ready(data: &JsValue) -> bool {
    js_sys::Reflect::get(data, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .is_some_and(|m| m == "ready")
}

/// Reports an element's height to the parent frame: at once, whenever it
/// changes, and when WordPress's host script says it is ready (it may start
/// after the frame has loaded); until dropped. (The styles use system fonts
/// only, so no font load changes the height unobserved.)
pub struct HeightReporter {
    observer: Option<web_sys::ResizeObserver>,
    _callback: Closure<dyn FnMut()>,
    _ready: gloo::events::EventListener,
}

impl HeightReporter {
    /// Starts reporting `element`'s height.
    pub fn start(element: Option<Element>) -> HeightReporter {
        let secret = wp_secret();
        let observed = element.clone();
        let report = std::rc::Rc::new(move || {
            if let Some(el) = &element {
                post_height(el.get_bounding_client_rect().height(), secret.as_deref());
            }
        });
        let on_resize = report.clone();
        let callback = Closure::<dyn FnMut()>::new(move || on_resize());
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let (Some(o), Some(el)) = (&observer, &observed) {
            o.observe(el);
        }
        let on_ready = report.clone();
        let ready = gloo::events::EventListener::new(&gloo::utils::window(), "message", move |e| {
            if let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() {
                if is_wp_ready(&e.data()) {
                    on_ready();
                }
            }
        });
        report();
        HeightReporter {
            observer,
            _callback: callback,
            _ready: ready,
        }
    }
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}

/// Sets a CSS custom property on an element through the CSSOM (allowed by a
/// strict `style-src`, unlike a `style` attribute).
pub fn set_css_property(element: Option<web_sys::HtmlElement>, name: &str, value: &str) {
    if let Some(el) = element {
        let _ = el.style().set_property(name, value);
    }
}

/// Replaces the page with a readable message if the app ever panics.
///
/// Installed through Yew (`yew::set_custom_panic_hook`): a hook set with
/// `std::panic::set_hook` is replaced by Yew's own the first time a
/// `Renderer` renders, and the member would see a dead page instead.
#[cfg(feature = "csr")]
pub fn catch_panics() {
    yew::set_custom_panic_hook(Box::new(show_panic));
}

#[cfg(feature = "csr")]
fn show_panic(info: &std::panic::PanicHookInfo<'_>) {
    gloo::console::error!(format!("slatecard stopped: {info}"));
    if let Some(root) = app_root() {
        use crate::text::{catalogue, Catalogue as _, Label, Lang};
        let t = catalogue(Lang::default());
        root.set_inner_html(
            &[
                "<div class=\"sc-panic\" role=\"alert\"><h2>",
                t.label(Label::CrashTitle),
                "</h2><p>",
                t.label(Label::CrashBody),
                "</p></div>",
            ]
            .concat(),
        );
    }
}
