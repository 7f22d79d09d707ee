//! slatecard-core: slatecard's pure core and its words, with no UI.
//!
//! - [`domain`]: postcodes, regions, elections, orders, and a page's model,
//!   events and view (`Page`), tested natively;
//! - [`text`]: the message catalogue that words the core's facts.
//!
//! `build.rs` turns `data/` (at the repository's root) into the elections'
//! and regions' static tables (`domain::election`, `domain::region`). The
//! root crate (`slatecard`) re-exports both modules, so `slatecard::domain`
//! and `slatecard::text` are these; it adds the shells (Yew), the
//! pre-rendering, the site builder and the command line. See
//! `docs/architecture.md`, "Crates".

pub mod domain;
pub mod text;
