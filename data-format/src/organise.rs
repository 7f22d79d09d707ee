//! What the organisers' tools do to an election file's text, shared by the
//! command line (`slatecard new`, `slatecard balance`) and the organisers'
//! studio in the browser, so that both give the same file, byte for byte:
//! the template a new file starts from ([`template`]), reading a file whose
//! orders are still to make ([`read_for_balance`]), writing the orders
//! `balanced-v1` gives into it ([`rewrite`]) and the evenness report
//! ([`report`]). Nothing here reads or writes files.

use crate::{generate::region_weights, ElectionDef, Provenance, SchemeDef};

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

/// What `rewrite` could not do.
#[derive(Debug, PartialEq, Eq)]
pub enum RewriteError {
    /// The text is not valid TOML (the build's checks say more).
    NotToml(String),
    /// `orders` is in the file but is not a list of `[[orders]]` tables.
    NotOrderTables,
}

impl std::fmt::Display for RewriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RewriteError::NotToml(e) => write!(f, "not valid TOML: {e}"),
            RewriteError::NotOrderTables => write!(
                f,
                "`orders` must be written as [[orders]] tables, one per region or group of regions"
            ),
        }
    }
}

/// The regions an `[[orders]]` entry is for: its `region`, or its `regions`.
fn entry_regions(entry: &toml_edit::Table) -> Vec<String> {
    match (entry.get("region"), entry.get("regions")) {
        (Some(r), _) => r.as_str().into_iter().map(str::to_owned).collect(),
        (None, Some(rs)) => rs
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        (None, None) => Vec::new(),
    }
}

/// Sets the `order` of each `[[orders]]` entry of `text` to the order
/// `orders` gives its (first) region, with a format-preserving TOML editor:
/// keys in any order or spacing, comments (an inline one on the `order` line
/// included), quotes and line endings are kept. A region with no entry gets
/// one, added after the file's last table, marked `provenance = "generated"`:
/// so a new election needs no placeholder orders. Returns the new text and
/// the regions whose order changed or was added.
///
/// # Errors
/// [`RewriteError`] when the text is not TOML or `orders` is not a list of tables.
pub fn rewrite(
    text: &str,
    orders: &[(String, Vec<String>)],
) -> Result<(String, Vec<String>), RewriteError> {
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| RewriteError::NotToml(e.to_string()))?;
    let mut changed = Vec::new();
    let entries = doc
        .entry("orders")
        .or_insert_with(|| toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()))
        .as_array_of_tables_mut()
        .ok_or(RewriteError::NotOrderTables)?;
    let mut covered = Vec::new();
    for entry in entries.iter_mut() {
        let regions = entry_regions(entry);
        covered.extend(regions.iter().cloned());
        let Some((_, ids)) = regions
            .first()
            .and_then(|first| orders.iter().find(|(r, _)| r == first))
        else {
            continue;
        };
        let mut new: toml_edit::Array = ids.iter().map(String::as_str).collect();
        let old = entry.get("order").and_then(toml_edit::Item::as_value);
        if let Some(old) = old {
            let same = old.as_array().is_some_and(|a| {
                a.iter()
                    .map(|v| v.as_str())
                    .eq(ids.iter().map(|s| Some(s.as_str())))
            });
            if same {
                continue;
            }
            *new.decor_mut() = old.decor().clone();
        }
        entry["order"] = toml_edit::value(new);
        changed.extend(regions);
    }
    for (region, ids) in orders {
        if covered.contains(region) {
            continue;
        }
        let mut entry = toml_edit::Table::new();
        entry
            .decor_mut()
            .set_prefix("\n# Not published by the slate: generated by `slatecard balance`.\n");
        entry["region"] = toml_edit::value(region.as_str());
        entry["order"] =
            toml_edit::value(ids.iter().map(String::as_str).collect::<toml_edit::Array>());
        entry["provenance"] = toml_edit::value("generated");
        entries.push(entry);
        changed.push(region.clone());
    }
    if entries.is_empty() {
        doc.remove("orders");
    }
    let mut out = doc.to_string();
    if text.contains("\r\n") {
        out = out.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    Ok((out, changed))
}

/// The balance report of an election's orders (Markdown): each region's
/// order, then each candidate's expected share of 1st, 2nd, … preferences
/// (regions weighted as `balanced-v1` weighs them: live postcodes, or
/// `international_weight`) and the worst deviation from an even split, in
/// percentage points. `orders` as [`generate`] gives them.
pub fn report(e: &ElectionDef, scheme: &SchemeDef, orders: &[(String, Vec<String>)]) -> String {
    use std::fmt::Write as _;
    let n = e.candidates.len();
    let weights = region_weights(e, scheme);
    let idx: Vec<Vec<usize>> = orders
        .iter()
        .map(|(_, ids)| {
            ids.iter()
                .filter_map(|id| e.candidates.iter().position(|c| &c.id == id))
                .collect()
        })
        .collect();
    let mut s = String::new();
    let _ = writeln!(s, "# Balance report: {}\n", e.title);
    let _ = writeln!(
        s,
        "Made by `slatecard balance data/elections/{}.toml` (method balanced-v1). \
         Regions are weighted by their live postcodes (ONS), members outside the UK by \
         `international_weight`; a share is the weight of the regions whose order puts \
         that candidate at that preference.\n",
        e.id
    );
    let _ = writeln!(s, "| region | provenance | order |\n| --- | --- | --- |");
    for (region, ids) in orders {
        let provenance = e
            .orders
            .iter()
            .find(|o| o.region_ids().contains(&region.as_str()))
            .map_or("generated", |o| match o.provenance {
                Provenance::Published => "published",
                Provenance::PartlyPublished => "partly published",
                Provenance::Generated => "generated",
            });
        let _ = writeln!(s, "| {region} | {provenance} | {} |", ids.join(", "));
    }
    let _ = write!(s, "\n| candidate |");
    for p in 1..=n {
        let _ = write!(s, " pref. {p} |");
    }
    let _ = write!(s, "\n| --- |");
    for _ in 0..n {
        let _ = write!(s, " ---: |");
    }
    let shares: Vec<Vec<f64>> = (0..n)
        .map(|p| slatecard_balance::shares_at(n, &weights, &idx, p))
        .collect();
    for (c, candidate) in e.candidates.iter().enumerate() {
        let _ = write!(s, "\n| {} |", candidate.name);
        for at in &shares {
            let _ = write!(s, " {:.1}% |", at[c] * 100.0);
        }
    }
    let even = 1.0 / n.max(1) as f64;
    let worst = shares
        .iter()
        .enumerate()
        .flat_map(|(p, at)| at.iter().enumerate().map(move |(c, x)| (p, c, x - even)))
        .max_by(|a, b| a.2.abs().total_cmp(&b.2.abs()));
    if let Some((p, c, d)) = worst {
        let _ = writeln!(
            s,
            "\n\nAn even split is {:.1}% each. Worst deviation: {:+.1} percentage points \
             ({}, preference {}).",
            even * 100.0,
            d * 100.0,
            e.candidates[c].name,
            p + 1
        );
        let first = shares[0]
            .iter()
            .map(|x| (x - even).abs())
            .fold(0.0, f64::max);
        let _ = writeln!(
            s,
            "Worst deviation at first preferences, which decide who is eliminated first: {:.1} points.",
            first * 100.0
        );
    }
    s
}

/// Reads an election file for `balance`: every check of the build, except
/// that regions may lack an order (a new file) or have an `order` still
/// empty, since `balance` is what fills them in.
///
/// # Errors
/// The checks' messages (`FILE:LINE:COL: error: …`) for anything else wrong.
pub fn read_for_balance(file: &str, text: &str, scheme: &SchemeDef) -> Result<ElectionDef, String> {
    // Orders still to make get a placeholder (the slate in file order), so
    // the checks see a complete file; the placeholders are never written.
    let placeholders = match toml_edit::de::from_str::<ElectionDef>(text) {
        Ok(e) => {
            let ids: Vec<String> = e.candidates.iter().map(|c| c.id.clone()).collect();
            scheme
                .regions
                .iter()
                .filter(|r| {
                    e.orders
                        .iter()
                        .find(|o| o.region_ids().contains(&r.id.as_str()))
                        .is_none_or(|o| o.order.is_empty() && o.provenance == Provenance::Generated)
                })
                .map(|r| (r.id.clone(), ids.clone()))
                .collect()
        }
        // The checks below say what is wrong, at its place.
        Err(_) => Vec::new(),
    };
    let filled = match rewrite(text, &placeholders) {
        Ok((filled, _)) => filled,
        Err(_) => text.to_owned(),
    };
    let e = crate::parse_election_unbalanced(file, &filled, scheme).map_err(|e| e.to_string())?;
    // The orders as the file has them (placeholders left out).
    let mut e = e;
    let unfinished: Vec<&str> = placeholders.iter().map(|(r, _)| r.as_str()).collect();
    e.orders
        .retain(|o| !o.region_ids().iter().all(|r| unfinished.contains(r)));
    Ok(e)
}

/// The rules that turn a checked file into the app's tables, in one place:
/// `core/build.rs` writes the tables with them at build time, and the
/// studio's preview (`studio/src/lower.rs`) makes them at run time.
pub mod tables {
    use crate::{BallotListDef, ElectionDef, ListOrder, OrderDef, ResultsDef, SchemeDef};

    /// The surname of a ballot-list name, written `Surname, Forename`
    /// (checked by the format): Labour's ballots list candidates by it.
    pub fn surname(name: &str) -> &str {
        name.split_once(", ").map_or(name, |(surname, _)| surname)
    }

    /// The slate candidate (index) a ballot-list or result name is, if any
    /// ([`crate::same_person`]).
    pub fn candidate_named(e: &ElectionDef, name: &str) -> Option<usize> {
        e.candidates
            .iter()
            .position(|c| crate::same_person(&c.name, name))
    }

    /// The ballot list's names in the ballot's order: by surname (then the
    /// whole name, case aside) unless the source gives another.
    pub fn ballot_names(list: &BallotListDef) -> Vec<&str> {
        let mut names: Vec<&str> = list.names.iter().map(String::as_str).collect();
        match list.order {
            ListOrder::BySurname => {
                names.sort_by_key(|n| (surname(n).to_lowercase(), n.to_lowercase()))
            }
            ListOrder::AsListed => {}
        }
        names
    }

    /// The slate's counts as published: (candidate index, votes), most
    /// votes first (then slate order); other candidates' counts left out.
    pub fn slate_counts(e: &ElectionDef, r: &ResultsDef) -> Vec<(usize, u32)> {
        let mut counts: Vec<(usize, u32)> = r
            .counts
            .iter()
            .filter_map(|c| Some((candidate_named(e, &c.name)?, c.votes)))
            .collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counts
    }

    /// The round each of the elected won at, where a source gives it:
    /// (index into `elected`, round).
    pub fn elected_rounds(r: &ResultsDef) -> Vec<(usize, u8)> {
        r.rounds
            .iter()
            .filter_map(|x| {
                let i = r.elected.iter().position(|n| {
                    crate::text::likeness(n) == crate::text::likeness(&x.name)
                        || crate::same_person(n, &x.name)
                })?;
                Some((i, x.round))
            })
            .collect()
    }

    /// One `(region id, order entry)` per region of the scheme that has an
    /// order, in the regions' display order, whatever the file's order; a
    /// list shared by a group of regions gives each of them one.
    pub fn region_orders<'a>(
        e: &'a ElectionDef,
        scheme: &'a SchemeDef,
    ) -> Vec<(&'a str, &'a OrderDef)> {
        scheme
            .regions
            .iter()
            .filter_map(|r| {
                let o = e
                    .orders
                    .iter()
                    .find(|o| o.region_ids().contains(&r.id.as_str()))?;
                Some((r.id.as_str(), o))
            })
            .collect()
    }
}
