//! slatecard: your slate's recommended ballot order for your Labour region.
//!
//! One core, many shells (see `docs/architecture.md`):
//! - [`domain`]: the pure core (postcodes, regions, elections, orders, and a
//!   page's model, events and view), tested natively;
//! - [`text`]: the message catalogue that words the core's facts;
//!
//!   (both are the `slatecard-core` crate, `core/`, re-exported);
//! - `stv` and `simulate` (native only): the STV count (`slatecard-stv`)
//!   and a simulated count of regional orders against one order, for the
//!   command line and the why pages;
//! - `components`: the Yew pieces every shell draws with;
//! - `app`: the full page, drawn from the core's `Page` at build time for
//!   every page a member can reach (`prerender`, host only);
//! - `finder`: the postcode island, the one module a member's page runs;
//! - `widget`: the compact widget for blogs, drawing the core's `Page`;
//! - `web`: the browser plumbing the shells call;
//!
//!   (compiled for wasm, and on the host with the `prerender` feature,
//!   which renders every page to static HTML);
//! - `cli` (native only): the organisers' command line.
//!
//! The start functions are here: `start` for our own page (the island in
//! the member's module, the widget in the blogs'), and `mount` for host pages
//! that import `slatecard.js` (in the blogs' module, built with the `embed`
//! feature).

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
/// The pure core and the message catalogue: the `slatecard-core` crate
/// (`core/`), so that `slatecard::domain::…` and `crate::domain::…` name them.
pub use slatecard_core::{domain, text};
/// The STV count: the organisers' tool in `stv/` (`slatecard-stv`), for the
/// simulation and the command line. Native only.
#[cfg(not(target_arch = "wasm32"))]
pub use slatecard_stv as stv;
#[cfg(not(target_arch = "wasm32"))]
pub mod simulate;

#[cfg(all(not(target_arch = "wasm32"), feature = "prerender"))]
pub mod app;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod components;
#[cfg(all(target_arch = "wasm32", not(feature = "embed")))]
pub mod finder;
#[cfg(all(not(target_arch = "wasm32"), feature = "prerender"))]
pub mod prerender;
#[cfg(all(not(target_arch = "wasm32"), feature = "prerender"))]
pub mod site;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod web;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod widget;

#[cfg(all(target_arch = "wasm32", feature = "embed"))]
pub use entry::mount;
#[cfg(target_arch = "wasm32")]
pub use entry::start;

/// The two wasm modules' entries. Trunk builds the member's module, the
/// postcode island (`finder`); `src/site/tools.rs` builds the blogs'
/// (`--features embed`: the widget and `mount()`). start.js loads the one
/// its page needs. Each carries only its own shell: the optimiser drops what
/// its entry never calls.
#[cfg(target_arch = "wasm32")]
mod entry {
    #[cfg(feature = "embed")]
    use crate::domain::link::Link;
    #[cfg(feature = "embed")]
    use crate::domain::model::{Mode, Model};
    use crate::web;
    use wasm_bindgen::prelude::*;

    /// Starts the module's shell when the page has an `#app` element (our
    /// `index.html`): the postcode island in the member's module, the widget
    /// (for `?embed=1`) in the blogs'. A host page that imports
    /// `slatecard.js` to call `mount` has none, so nothing happens there.
    #[wasm_bindgen(start)]
    pub fn start() {
        web::catch_panics();
        #[cfg(not(feature = "embed"))]
        crate::finder::start();
        #[cfg(feature = "embed")]
        widget();
    }

    /// The widget, for the address the page is at.
    #[cfg(feature = "embed")]
    fn widget() {
        let Some(root) = web::app_root() else {
            return;
        };
        let (path, search) = web::address();
        let link = Link::parse_address(&path, &search);
        crate::widget::render(
            root,
            crate::widget::WidgetProps {
                model: Model::new(Mode::Widget, &link),
                page_url: web::page_base().into(),
                report_height: true,
                standalone: true,
            },
        );
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
