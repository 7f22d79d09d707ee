//! `slatecard balance`: generate the orders an election file marks `generated`
//! or `partly-published`, with [`crate::domain::balance`].

use super::load_scheme;
use crate::domain::balance::{balance, shares_at, RegionSlot};
use slatecard_data_format::{self as data, ElectionDef, GenerationMethod, Provenance, SchemeDef};
use std::io::Write;

/// Each region's weight for `balanced-v1`, in scheme order: its live
/// postcodes, or the election's `international_weight` outside the UK.
pub fn region_weights(e: &ElectionDef, scheme: &SchemeDef) -> Vec<u64> {
    scheme
        .regions
        .iter()
        .map(|r| match (&e.generation, r.outside_uk) {
            (Some(g), true) => g.international_weight,
            _ => r.live_postcodes,
        })
        .collect()
}

/// [`region_weights`] of a bundled election, read from its file
/// (`data/elections/ID.toml`) and the region scheme.
///
/// # Errors
/// A data file that cannot be found, read or checked.
pub fn region_weights_of(e: &crate::domain::election::Election) -> Result<Vec<u64>, String> {
    let scheme = load_scheme()?;
    let file = format!("data/elections/{}.toml", e.id);
    let text = std::fs::read_to_string(super::data_root()?.join(&file))
        .map_err(|err| format!("{file}: {err}"))?;
    let def = data::parse_election(&file, &text, &scheme).map_err(|err| err.to_string())?;
    Ok(region_weights(&def, &scheme))
}

/// The orders `balanced-v1` gives an election: one per region of the scheme,
/// in scheme order, as candidate ids. Published orders and published leading
/// places are kept; regions that share one list (`regions = [...]`) are
/// balanced as one unit weighing as much as all of them, and get the same order.
///
/// # Errors
/// No `[generation]` table, or a slate larger than `balanced-v1` handles.
pub fn generate(e: &ElectionDef, scheme: &SchemeDef) -> Result<Vec<(String, Vec<String>)>, String> {
    let Some(generation) = &e.generation else {
        return Err("the file has no [generation] table".to_owned());
    };
    let n = e.candidates.len();
    if n > 8 {
        return Err(format!(
            "the slate has {n} candidates; balanced-v1 handles up to 8, because it tries every \
             order of the slate in each region (8 candidates: 40,320 orders per region; 9: \
             362,880). Publish an order for every region by hand instead (provenance = \"published\")"
        ));
    }
    let index = |id: &str| e.candidates.iter().position(|c| c.id == id);
    // One unit per order entry that names regions, and one per region without
    // an entry; `unit_of[r]` is region r's unit.
    let mut slots: Vec<RegionSlot> = Vec::new();
    let mut entry_unit: Vec<(usize, usize)> = Vec::new(); // (entry, unit)
    let mut unit_of = Vec::new();
    for (r, weight) in scheme.regions.iter().zip(region_weights(e, scheme)) {
        let entry = e
            .orders
            .iter()
            .position(|o| o.region_ids().contains(&r.id.as_str()));
        if let Some(&(_, unit)) = entry.and_then(|i| entry_unit.iter().find(|(x, _)| *x == i)) {
            slots[unit].weight += weight;
            unit_of.push(unit);
            continue;
        }
        let def = entry.map(|i| &e.orders[i]);
        let fixed: &[String] = match def.map(|o| (o, o.provenance)) {
            Some((o, Provenance::Published)) => &o.order,
            Some((o, Provenance::PartlyPublished)) => {
                let positions = o.published_positions.ok_or_else(|| {
                    format!(
                        "{}: a partly-published order needs `published_positions`",
                        o.entry()
                    )
                })?;
                &o.order[..usize::from(positions).min(o.order.len())]
            }
            Some((_, Provenance::Generated)) | None => &[],
        };
        let fixed_prefix = fixed
            .iter()
            .map(|id| index(id).ok_or_else(|| format!("unknown candidate \"{id}\"")))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(i) = entry {
            entry_unit.push((i, slots.len()));
        }
        unit_of.push(slots.len());
        slots.push(RegionSlot {
            weight,
            fixed_prefix,
        });
    }
    let orders = match generation.method {
        GenerationMethod::BalancedV1 => balance(n, &slots),
    };
    Ok(scheme
        .regions
        .iter()
        .zip(unit_of)
        .map(|(r, unit)| {
            let ids = orders[unit].iter().map(|&i| e.candidates[i].id.clone());
            (r.id.clone(), ids.collect())
        })
        .collect())
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
    let shares: Vec<Vec<f64>> = (0..n).map(|p| shares_at(n, &weights, &idx, p)).collect();
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
    let e = data::parse_election(file, &filled, scheme).map_err(|e| e.to_string())?;
    // The orders as the file has them (placeholders left out).
    let mut e = e;
    let unfinished: Vec<&str> = placeholders.iter().map(|(r, _)| r.as_str()).collect();
    e.orders
        .retain(|o| !o.region_ids().iter().all(|r| unfinished.contains(r)));
    Ok(e)
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
