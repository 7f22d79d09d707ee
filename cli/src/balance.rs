//! `slatecard balance`: generate the orders an election file marks `generated`
//! or `partly-published`, with [`crate::domain::balance`].

use super::load_scheme;
use slatecard_data_format as data;
/// The file's text as `new` and `balance` edit it: the data format's, which
/// the organisers' studio uses too.
pub use slatecard_data_format::organise::{read_for_balance, report, rewrite, RewriteError};
/// The orders `balanced-v1` gives, and each region's weight: the data
/// format's, which `slatecard check` compares every `generated` order with.
pub use slatecard_data_format::{generate, region_weights};
use std::io::Write;

/// [`region_weights`] of a bundled election, read from its file
/// (`data/elections/ID.toml`) and the region scheme.
///
/// # Errors
/// A data file that cannot be found, read or checked.
pub fn region_weights_of(e: &crate::domain::election::Election) -> Result<Vec<u64>, String> {
    data::region_weights_in(&super::data_root()?, e.id)
}

/// The `balance` subcommand.
pub fn command(args: &[String], out: &mut dyn Write) -> Result<(), String> {
    let parsed = super::args::parse("balance", args, &["--write"], &[], 1..=1)
        .map_err(|e| format!("{e}\nusage: slatecard balance FILE.toml [--write]"))?;
    let file = &parsed.positional[0];
    let write = parsed.switch("--write");
    let scheme = load_scheme()?;
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let e = read_for_balance(file, &text, &scheme)?;
    let orders = generate(&e, &scheme)?;
    let w = |r: std::io::Result<()>| r.map_err(|e| e.to_string());
    w(write!(out, "{}", report(&e, &scheme, &orders)))?;
    if write {
        let (new, changed) = rewrite(&text, &orders).map_err(|e| format!("{file}: {e}"))?;
        // Never write a file that would not pass the build's checks.
        data::parse_election(file, &new, &scheme).map_err(|e| e.to_string())?;
        if changed.is_empty() {
            w(writeln!(
                out,
                "{file}: every order is already as balanced-v1 gives it; nothing written"
            ))?;
        } else {
            std::fs::write(file, new).map_err(|e| format!("{file}: {e}"))?;
            w(writeln!(
                out,
                "wrote {file}: new orders for {}",
                changed.join(", ")
            ))?;
        }
    }
    Ok(())
}
