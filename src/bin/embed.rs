//! The blogs' module: the widget on `?embed` pages, and `mount()` for host
//! pages that import `slatecard-embed.js`. The site builder builds it
//! (`site/src/tools.rs`), for wasm32 with `--features csr`.

use slatecard::domain::link::Link;
use slatecard::domain::model::{Mode, Model};
use slatecard::web;
use slatecard::widget::{render, WidgetProps};
use wasm_bindgen::prelude::*;

/// Starts the widget when the page has an `#app` element (our `index.html`
/// with `?embed=1`), for the address the page is at. A host page that
/// imports the module to call `mount` has none, so nothing happens there.
fn main() {
    web::catch_panics();
    let Some(root) = web::app_root() else {
        return;
    };
    let (path, search) = web::address();
    let link = Link::parse_address(&path, &search);
    render(
        root,
        WidgetProps {
            model: Model::new(Mode::Widget, &link),
            page_url: web::page_base().into(),
            report_height: true,
            standalone: true,
        },
    );
}

/// Mounts a widget into `root` with `opts`, a plain object such as
/// `{region: "wales", theme: "dark"}` (keys: election, region, theme,
/// accent; all optional), for host pages that load the module. Bad options
/// are thrown as a JS `Error` that says what is wrong (from the message
/// catalogue), never a panic.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, opts: JsValue) -> Result<(), JsValue> {
    slatecard::widget::mount(root, opts)
}
