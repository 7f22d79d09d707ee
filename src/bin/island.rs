//! The member's module: the postcode island (`slatecard::finder`), the one
//! module a member's page runs. Trunk builds it (index.html's `data-bin`),
//! for wasm32 with `--features csr`.

use wasm_bindgen::prelude::wasm_bindgen;

/// The island's allocator: lol_alloc's free list, smaller than the standard
/// one by about 2.5 KB of the first load's brotli (reports/size-analysis.md).
/// Its operations take time in proportion to the free list's length, which
/// stays short in a module that draws a box's answer; the blogs' module and
/// the studio, which draw whole pages, keep the standard allocator.
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

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
