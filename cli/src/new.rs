//! `slatecard new ID`: starts an election file with every field there,
//! explained in comments, so an organiser can fill it in from the file alone.
//!
//! The file it writes does not pass `slatecard check` until the organiser
//! fills in the names, dates and sources: each empty field is reported by
//! name and line, which is the to-do list.

use std::io::Write;

/// The text of a new election file: the data format's, which the
/// organisers' studio starts from too.
pub use slatecard_data_format::organise::template;

/// Today's date, `YYYY-MM-DD` (UTC), from the system clock.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let d = slatecard_data_format::date::Date::from_days_since_epoch((secs / 86_400) as i64);
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// The `new` subcommand: `slatecard new ID [--held YEAR]` writes
/// `data/elections/ID.toml` in the repository (found from the current
/// folder up), never over an existing file, and says what to do next.
///
/// # Errors
/// Bad arguments, a bad id, an existing file, or a file that cannot be written.
pub fn command(args: &[String], out: &mut dyn Write) -> Result<(), String> {
    let parsed = super::args::parse("new", args, &[], &["--held"], 1..=1)
        .map_err(|e| format!("{e}\nusage: slatecard new ID [--held YEAR]"))?;
    let id = &parsed.positional[0];
    if !slatecard_data_format::is_valid_id(id) {
        return Err(format!(
            "\"{id}\" cannot be an election id: use lower-case letters, digits and inner hyphens, e.g. nec-2028"
        ));
    }
    let year = match parsed.option("--held") {
        Some(y) => y
            .parse::<u16>()
            .map_err(|_| format!("--held needs a year, e.g. --held 2028, not \"{y}\""))?,
        None => id
            .rsplit('-')
            .next()
            .and_then(|y| y.parse::<u16>().ok())
            .filter(|y| (2018..=2100).contains(y))
            .ok_or_else(|| format!("say which year \"{id}\" is held: --held 2028"))?,
    };
    let root = super::data_root()?;
    let scheme = super::load_scheme()?;
    let regions: Vec<&str> = scheme.regions.iter().map(|r| r.id.as_str()).collect();
    let shown = format!("data/elections/{id}.toml");
    let path = root.join(&shown);
    if path.exists() {
        return Err(format!(
            "{shown} already exists: edit it, or choose another id"
        ));
    }
    let text = template(id, year, &today(), &scheme.scheme, &regions);
    std::fs::write(&path, text).map_err(|e| format!("{shown}: {e}"))?;
    writeln!(
        out,
        "wrote {shown}: fill in its empty fields, then `slatecard balance {shown} --write` and `slatecard check`"
    )
    .map_err(|e| e.to_string())
}
