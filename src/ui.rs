//! The Yew front end: a thin layer that renders the domain's view models.
//!
//! - [`state`]: the app's state and actions (`Reducible`).
//! - [`app`]: the full page.
//! - [`components`]: the pieces of the page.
//! - [`browser`]: the few browser calls we make (clock, URL).

pub mod app;
pub mod browser;
pub mod components;
pub mod state;

use wasm_bindgen::prelude::*;

/// Starts the app when the page has an `#app` element (our `index.html`).
/// A host page that imports the module to call `mount` has none, so nothing
/// happens there.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(browser::show_panic));
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    let query = crate::domain::query::AppQuery::parse(&browser::location_search());
    if query.embed {
        if let Some(body) = document.body() {
            let _ = body.class_list().add_1("sc-embed");
        }
        yew::Renderer::<crate::embed::Widget>::with_root_and_props(
            root,
            crate::embed::WidgetProps {
                query,
                page_url: crate::embed::page_base().into(),
                report_height: true,
                standalone: true,
            },
        )
        .render();
    } else {
        yew::Renderer::<app::App>::with_root(root).render();
    }
}
