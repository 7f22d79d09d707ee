//! Browser access in one place: the clock, the URL and the panic page.

use crate::domain::query::AppQuery;

/// Now, in minutes since the Unix epoch (UTC), from the device's clock.
pub fn now_utc_minutes() -> i64 {
    (js_sys::Date::now() / 60_000.0) as i64
}

/// The query string of the current page (`?…`), or empty.
pub fn location_search() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
}

/// Replaces the page URL's query with `query`, without reloading or adding a
/// history entry. Only the election and region are ever written: never a postcode.
pub fn replace_query(query: &AppQuery) {
    let window = gloo::utils::window();
    let Ok(path) = window.location().pathname() else {
        return;
    };
    if let Ok(history) = window.history() {
        let url = format!("{path}{}", query.to_query());
        // Fails harmlessly in sandboxed frames; the page works without it.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Replaces the page with a readable message if the app ever panics.
pub fn show_panic(info: &std::panic::PanicHookInfo<'_>) {
    gloo::console::error!(format!("slatecard stopped: {info}"));
    if let Some(root) = gloo::utils::document().get_element_by_id("app") {
        root.set_inner_html(
            "<div class=\"sc-panic\" role=\"alert\"><h2>Sorry, something went wrong</h2>\
             <p>slatecard hit a problem it could not recover from. Please reload the page. \
             Nothing you typed has left your device.</p></div>",
        );
    }
}
