//! slatecard's UI: your slate's recommended ballot order for your Labour
//! region, drawn in the browser and, at build time, to HTML.
//!
//! One core, many shells (see `docs/architecture.md`):
//! - [`domain`] and [`text`]: the pure core and the message catalogue (the
//!   `slatecard-core` crate, `core/`, re-exported), which decide everything;
//! - [`components`]: the Yew pieces every shell draws with;
//! - `app` (feature `ssr`): the full page, drawn from the core's `Page` at
//!   build time for every page a member can reach (by the site builder,
//!   `site/`);
//! - `finder` (feature `csr`): the postcode island, the one module a
//!   member's page runs;
//! - [`widget`]: the compact widget for blogs, drawing the core's `Page`;
//! - [`web`]: the browser plumbing the shells call.
//!
//! Features are additive: `csr` draws in the browser (Yew's renderer),
//! `ssr` draws to HTML (Yew's server-side renderer). The browser modules are
//! the entries in `src/bin/`: `island` (the member's, built by Trunk) and
//! `embed` (the blogs': the widget and `mount()`), each with `csr`.

/// The pure core and the message catalogue: the `slatecard-core` crate
/// (`core/`), so that `slatecard::domain::…` and `crate::domain::…` name them.
pub use slatecard_core::{domain, text};

#[cfg(any(feature = "ssr", feature = "csr"))]
pub mod app;
pub mod components;
#[cfg(feature = "csr")]
pub mod finder;
pub mod web;
pub mod widget;
