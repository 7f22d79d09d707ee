//! `slatecard new ID`: starts an election file with every field there,
//! explained in comments, so an organiser can fill it in from the file alone.
//!
//! The file it writes does not pass `slatecard check` until the organiser
//! fills in the names, dates and sources: each empty field is reported by
//! name and line, which is the to-do list.

use std::io::Write;

/// The text of a new election file with id `id`, held in `year`, dated
/// `today` (`YYYY-MM-DD`), for the region scheme `scheme` whose region ids
/// are `regions` (listed in a comment, for `[[orders]]`).
pub fn template(id: &str, year: u16, today: &str, scheme: &str, regions: &[&str]) -> String {
    let regions = regions.join(", ");
    format!(
        r#"# {id}: a new election file, written by `slatecard new`.
# Fill in every empty "" below, then:
#   slatecard balance data/elections/{id}.toml --write   (the regional orders)
#   slatecard check                                       (every problem at once)
# docs/organisers.md explains each field and the whole workflow.

# The election's id: lower-case letters, digits and hyphens; the file's name
# without ".toml". It appears in addresses (/{id}/london/): never change it
# once the site is published.
id = "{id}"
# The full title, shown as the page's heading.
title = ""
# A short title for the election chooser, e.g. "NEC {year} — Grassroots 5".
short_title = ""
# Who runs the election.
organisation = "Labour Party"
# The slate's name, and who backs it in one sentence (may stay empty).
slate = ""
slate_backers = ""
# The region scheme (data/regions/{scheme}.toml).
region_scheme = "{scheme}"
# The data's release: 1 now, one more each time you publish changed orders or
# picks, with the day of the change. Members see both, and the fingerprint
# `slatecard check` prints, in the page's footer.
version = 1
updated = "{today}"
# Anything members or reviewers need to know, one sentence per entry.
notes = []

[ballot]
# "ranked" (STV: number the candidates 1, 2, 3…) or "cross" (a cross next to
# up to `seats` names).
kind = "ranked"
# Places to fill in the constituency (CLP) section.
seats = 9
# The year of the ballot.
held = {year}
# When voting opens and closes, UK time: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
# (a date alone closes at the end of that day; "T12:00" shows as "midday").
# Leave both out while they are not announced.
# opens = "{year}-08-01"
# closes = "{year}-08-30T12:00"
time_zone = "Europe/London"
# The ids of the [[sources]] below that give the dates (needed with dates).
sources = []

# How the orders you do not publish yourselves are worked out: spread every
# preference evenly across the slate, regions weighted by their live
# postcodes; members outside the UK (no postcodes) weigh
# `international_weight`. `description` is shown to members.
[generation]
method = "balanced-v1"
international_weight = 50420
description = "The slate did not publish an order for every region, so slatecard worked them out: each region is weighted by its number of live postcodes (ONS) as a stand-in for membership, and the orders are chosen so that at every preference, and most of all the first, each candidate gets as near an equal share as possible."

# One [[candidates]] table per slate candidate, in any order.
# id: lower-case letters, digits and hyphens (used in [[orders]]);
# name: exactly as on the ballot paper; summary: one or two sentences;
# note: something members must know (e.g. withdrew), else leave it out.
[[candidates]]
id = ""
name = ""
summary = ""

# Orders. Write the ones the slate published, e.g.
#   [[orders]]
#   region = "london"
#   order = ["first-id", "second-id", "third-id"]
#   provenance = "published"
#   source = "id-of-a-source-below"
# (`regions = ["northern", "south-west"]` instead of `region` for one list
# shared by several regions). `slatecard balance --write` adds every other
# region, marked "generated". Region ids: {regions}.

# Other seats on the same ballot: one [[seats]] table each, e.g.
#   [[seats]]
#   id = "youth"
#   name = "Youth representative"
#   electorate = "youth"    # all, youth, bame, disabled or councillors
#   votes = 1               # how many a member may vote for, if known
#   regions = []            # only members in these regions; [] for all
#   picks = ["Name As On Ballot"]
#   published = true        # false: the slate made picks we do not have
#   sources = ["id-of-a-source-below"]
#   marking = "crosses"     # or "numbers"; only if a source says how the
#   marking_sources = ["id-of-a-source-below"]   # section is marked

# Where every fact comes from: one [[sources]] table each. Addresses must
# start with https://.
[[sources]]
id = ""
title = ""
publisher = ""
date = "{today}"
url = ""
used_for = ""
"#
    )
}

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
