//! The pure core of slatecard: no web APIs, no UI, no words; all natively
//! testable.
//!
//! A page's life: what the member does becomes a [`model::Event`];
//! [`model::update`] applies it to the [`model::Model`]; [`page::view`] turns
//! the model into a [`page::Page`] of facts and message keys, which a shell
//! draws with the words of [`crate::text`]. See `docs/architecture.md`.
//!
//! - [`model`]: what a page knows, the events, `update`.
//! - [`page`]: what a page shows (`view`), including the slate's advice.
//! - [`link`]: the state a shared link carries.
//! - [`embedding`]: the widget's look, `mount()` options, embed snippets.
//! - [`lookup`] and [`postcode`]: from what the member typed to a region;
//!   [`table`]: the compiled postcode table.
//! - [`election`]: bundled elections, slates and per-region orders;
//!   [`region`]: the Labour regions; [`date`]: dates and UK time.
//! - [`balance`]: how missing regional orders are generated.
//! - [`simulate`] (native only): a simulated count's results, as the
//!   catalogue words them (the count and the simulation are the root
//!   crate's `slatecard::stv` and `slatecard::simulate`).
//! - [`escape`]: URL and HTML escaping.

pub mod balance;
pub mod date;
pub mod election;
pub mod embedding;
pub mod escape;
pub mod link;
pub mod lookup;
pub mod model;
pub mod page;
pub mod postcode;
pub mod region;
pub mod reminder;
#[cfg(not(target_arch = "wasm32"))]
pub mod simulate;
pub mod table;

/// Sorts `v` in place, stably, by `less`. The lists the app sorts hold a few
/// dozen items at most, and each use of the standard library's sorts adds
/// 2–3 KB to the wasm, so the app uses this insertion sort instead.
///
/// ```
/// let mut v = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
/// slatecard_core::domain::sort_small_by(&mut v, |x, y| x.0 < y.0);
/// assert_eq!(v, [(0, 'd'), (1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_small_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sort_small_matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut ours = v.clone();
            super::sort_small_by(&mut ours, |a, b| a.0 < b.0);
            let mut std = v;
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std);
        }
    }
}
