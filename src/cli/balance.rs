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
        return Err(format!("balanced-v1 handles slates of up to 8, not {n}"));
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
    /// No `[[orders]]` entry for this region: add one (`order = []` will do).
    NoEntry(String),
}

impl std::fmt::Display for RewriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RewriteError::NotToml(e) => write!(f, "not valid TOML: {e}"),
            RewriteError::NoEntry(r) => write!(
                f,
                "no [[orders]] entry for region \"{r}\": add one with `region = \"{r}\"`"
            ),
        }
    }
}

/// Sets the `order` of each `[[orders]]` entry of `text` to the order
/// `orders` gives its (first) region, with a format-preserving TOML editor:
/// keys in any order or spacing, comments (an inline one on the `order` line
/// included), quotes and line endings are kept. Returns the new text and the
/// regions whose order changed.
///
/// # Errors
/// [`RewriteError`] when the text is not TOML or an entry lacks for a region.
pub fn rewrite(
    text: &str,
    orders: &[(String, Vec<String>)],
) -> Result<(String, Vec<String>), RewriteError> {
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| RewriteError::NotToml(e.to_string()))?;
    let mut changed = Vec::new();
    if let Some(entries) = doc
        .get_mut("orders")
        .and_then(toml_edit::Item::as_array_of_tables_mut)
    {
        for entry in entries.iter_mut() {
            let regions: Vec<String> = match (entry.get("region"), entry.get("regions")) {
                (Some(r), _) => r.as_str().into_iter().map(str::to_owned).collect(),
                (None, Some(rs)) => rs
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
                (None, None) => Vec::new(),
            };
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
    }
    let mut out = doc.to_string();
    if text.contains("\r\n") {
        out = out.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    for (region, _) in orders {
        let covered = doc
            .get("orders")
            .and_then(toml_edit::Item::as_array_of_tables)
            .is_some_and(|t| {
                t.iter().any(|entry| {
                    entry.get("region").and_then(|r| r.as_str()) == Some(region)
                        || entry
                            .get("regions")
                            .and_then(|r| r.as_array())
                            .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(region)))
                })
            });
        if !covered {
            return Err(RewriteError::NoEntry(region.clone()));
        }
    }
    Ok((out, changed))
}

/// The `balance` subcommand.
pub fn command(args: &[String], out: &mut dyn Write) -> Result<(), String> {
    let parsed = super::args::parse("balance", args, &["--write"], &[], 1..=1)
        .map_err(|e| format!("{e}\nusage: slatecard balance FILE.toml [--write]"))?;
    let file = &parsed.positional[0];
    let write = parsed.switch("--write");
    let scheme = load_scheme()?;
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let e = data::parse_election(file, &text, &scheme).map_err(|e| e.to_string())?;
    let orders = generate(&e, &scheme)?;
    let w = |r: std::io::Result<()>| r.map_err(|e| e.to_string());
    for (region, ids) in &orders {
        w(writeln!(out, "{region:>18}: {}", ids.join(", ")))?;
    }
    let weights = region_weights(&e, &scheme);
    let idx: Vec<Vec<usize>> = orders
        .iter()
        .map(|(_, ids)| {
            ids.iter()
                .filter_map(|id| e.candidates.iter().position(|c| &c.id == id))
                .collect()
        })
        .collect();
    for p in 0..e.candidates.len() {
        let shares = shares_at(e.candidates.len(), &weights, &idx, p);
        let parts: Vec<String> = e
            .candidates
            .iter()
            .zip(shares)
            .map(|(c, s)| format!("{} {:.1}%", c.id, s * 100.0))
            .collect();
        w(writeln!(out, "preference {}: {}", p + 1, parts.join(", ")))?;
    }
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
