//! The pure core of slatecard: no web APIs, no UI state, all natively testable.
//!
//! - [`date`]: calendar dates and UK time for ballot deadlines.
//! - [`region`]: the Labour regions.
//! - [`election`]: bundled elections, slates and per-region orders.
//! - [`view`]: what the UI shows for an election and a region.
//! - [`balance`]: how missing regional orders are generated.
//! - [`schema`] (native only): the data files' schema and checks.

pub mod balance;
pub mod date;
pub mod election;
pub mod lookup;
pub mod postcode;
pub mod query;
pub mod region;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod table;
pub mod view;
