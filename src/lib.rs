//! slatecard: your slate's recommended ballot order for your Labour region.
//!
//! The crate has three layers:
//! - [`domain`]: pure Rust (postcodes, regions, elections, orders), tested natively;
//! - `ui` (wasm only): a thin Yew app that renders the domain's view models;
//! - `embed` (wasm only): the widget entry for blogs.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;
