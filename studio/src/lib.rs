//! The organisers' studio (`/organise/`): open, start or paste an election
//! file, see every problem `slatecard check` would print at its line and
//! column, work out the missing orders as `slatecard balance --write` does,
//! preview the card members will see, and save the file. Everything runs on
//! the organiser's device; nothing is sent anywhere.
//!
//! - [`model`]: the studio's core (`Studio`, `Event`, `update` returning
//!   effects), over the data format's own checks, balance and template;
//! - [`lower`]: a checked file as the app's tables, for the preview, drawn
//!   by the UI's own page component;
//! - `shell` (feature `csr`): draws the studio and performs its effects.

pub mod lower;
pub mod model;
#[cfg(feature = "csr")]
pub mod shell;
