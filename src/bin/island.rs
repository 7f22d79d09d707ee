//! The member's module: the postcode island (`slatecard::finder`), the one
//! module a member's page runs. Trunk builds it (index.html's `data-bin`),
//! for wasm32 with `--features csr`.

use wasm_bindgen::prelude::wasm_bindgen;

/// Starts the island on a page with a postcode box; does nothing elsewhere.
fn main() {
    slatecard::web::catch_panics();
    slatecard::finder::start();
}

/// A postcode the member asked for before the island ran: start.js records
/// it and calls this once, after the module has started; it is looked up as
/// if asked in the box.
#[wasm_bindgen]
pub fn asked(postcode: String) {
    slatecard::finder::asked(postcode);
}
