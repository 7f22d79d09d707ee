//! slatecard: your slate's recommended ballot order for your Labour region.
//!
//! One core, many shells (see `docs/architecture.md`):
//! - [`domain`]: the pure core (postcodes, regions, elections, orders, and a
//!   page's model, events and view), tested natively;
//! - [`text`]: the message catalogue that words the core's facts;
//! - `components`: the Yew pieces every shell draws with;
//! - `app` and `widget`: the two shells, the full page and the compact
//!   widget, each only drawing the core's `Page`;
//! - `web`: the browser plumbing the shells call;
//!
//!   (these four are compiled for wasm, and on the host with the
//!   `prerender` feature, which renders every page to static HTML);
//! - `cli` (native only): the organisers' command line.
//!
//! The start functions are here: `start` for our own page, and `mount` for
//! host pages that import `slatecard.js` (in the blogs' module, built with the
//! `embed` feature).

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod domain;
pub mod text;

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod app;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod components;
#[cfg(all(target_arch = "wasm32", feature = "finder"))]
pub mod finder;
#[cfg(all(not(target_arch = "wasm32"), feature = "prerender"))]
pub mod prerender;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod web;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod widget;

#[cfg(all(target_arch = "wasm32", feature = "embed"))]
pub use entry::mount;
#[cfg(target_arch = "wasm32")]
pub use entry::start;

/// The three wasm modules' entries. Trunk builds the full app (the full
/// page); `scripts/embed-module` builds the blogs' module (`--features embed`:
/// the widget and `mount()`), and `scripts/finder-module` the finder
/// (`--features finder`: the postcode box). start.js loads the one its page
/// needs. Each carries only its own shell: the optimiser drops what its entry
/// never calls.
#[cfg(target_arch = "wasm32")]
mod entry {
    #[cfg(not(feature = "finder"))]
    use crate::domain::link::Link;
    #[cfg(not(feature = "finder"))]
    use crate::domain::model::{Mode, Model};
    use crate::web;
    use wasm_bindgen::prelude::*;

    /// Starts the module's shell when the page has an `#app` element (our
    /// `index.html`): the full page in the member's module, the widget (for
    /// `?embed=1`) in the blogs', the postcode box in the finder. A host page
    /// that imports `slatecard.js` to call `mount` has none, so nothing
    /// happens there.
    #[wasm_bindgen(start)]
    pub fn start() {
        web::catch_panics();
        #[cfg(feature = "finder")]
        crate::finder::start();
        #[cfg(not(feature = "finder"))]
        shell();
    }

    /// The full page or the widget, for the address the page is at.
    #[cfg(not(feature = "finder"))]
    fn shell() {
        let Some(root) = web::app_root() else {
            return;
        };
        let (path, search) = web::address();
        let link = Link::parse_address(&path, &search);
        #[cfg(feature = "embed")]
        crate::widget::render(
            root,
            crate::widget::WidgetProps {
                model: Model::new(Mode::Widget, &link),
                page_url: web::page_base().into(),
                report_height: true,
                standalone: true,
            },
        );
        #[cfg(not(feature = "embed"))]
        {
            let mut model = Model::new(Mode::App, &link);
            // A page the finder showed as the member's own step (finder.rs):
            // go on from there.
            if let Some(hint) = root.get_attribute("data-sc-found") {
                let found = crate::domain::model::Found::from_hint(&hint);
                let _ = crate::domain::model::update(
                    &mut model,
                    crate::domain::model::Event::Resumed(found),
                );
            }
            crate::app::render(root, model);
        }
    }

    /// Mounts a widget into `root` with `opts`, a plain object such as
    /// `{region: "wales", theme: "dark"}` (keys: election, region, theme,
    /// accent; all optional), for host pages that load `slatecard.js` as a
    /// module. Bad options are thrown as a JS `Error` that says what is wrong
    /// (from the message catalogue), never a panic.
    #[cfg(feature = "embed")]
    #[wasm_bindgen]
    pub fn mount(root: web_sys::Element, opts: JsValue) -> Result<(), JsValue> {
        let link = web::mount_options(&opts)
            .map_err(|problem| js_sys::Error::new(&format!("slatecard: {problem}")))?;
        crate::widget::render(
            root,
            crate::widget::WidgetProps {
                model: Model::new(Mode::Widget, &link),
                page_url: web::module_base().into(),
                report_height: false,
                standalone: false,
            },
        );
        Ok(())
    }
}
