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
/// places are kept.
pub fn generate(e: &ElectionDef, scheme: &SchemeDef) -> Result<Vec<(String, Vec<String>)>, String> {
    let Some(generation) = &e.generation else {
        return Err("the file has no [generation] table".to_owned());
    };
    let n = e.candidates.len();
    if n > 8 {
        return Err(format!("balanced-v1 handles slates of up to 8, not {n}"));
    }
    let index = |id: &str| e.candidates.iter().position(|c| c.id == id);
    let mut slots = Vec::new();
    for (r, weight) in scheme.regions.iter().zip(region_weights(e, scheme)) {
        let def = e.orders.iter().find(|o| o.region == r.id);
        let fixed: &[String] = match def.map(|o| (o, o.provenance)) {
            Some((o, Provenance::Published)) => &o.order,
            Some((o, Provenance::PartlyPublished)) => {
                let positions = o.published_positions.ok_or_else(|| {
                    format!(
                        "region \"{}\": a partly-published order needs `published_positions`",
                        r.id
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
        .zip(orders)
        .map(|(r, o)| {
            (
                r.id.clone(),
                o.into_iter().map(|i| e.candidates[i].id.clone()).collect(),
            )
        })
        .collect())
}

fn order_line(ids: &[String]) -> String {
    let quoted: Vec<String> = ids.iter().map(|id| format!("\"{id}\"")).collect();
    format!("order = [{}]", quoted.join(", "))
}

/// Rewrites the `order = [...]` line of each `[[orders]]` table in `text`
/// whose region is in `orders`. Other lines, comments included, are kept.
pub fn rewrite(text: &str, orders: &[(String, Vec<String>)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut region: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            region = None;
        }
        if let Some(rest) = trimmed.strip_prefix("region = \"") {
            region = rest.strip_suffix('"');
        }
        let replacement = region
            .filter(|_| trimmed.starts_with("order = ["))
            .and_then(|r| orders.iter().find(|(id, _)| id == r));
        match replacement {
            Some((_, ids)) => {
                out.push_str(&order_line(ids));
                out.push('\n');
            }
            None => out.push_str(line),
        }
    }
    out
}

/// The `balance` subcommand.
pub fn command(args: &[String], out: &mut dyn Write) -> Result<(), String> {
    let file = args.first().ok_or("balance needs an election file")?;
    let write = args.iter().any(|a| a == "--write");
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
        let new = rewrite(&text, &orders);
        // Never write a file that would not pass the build's checks.
        data::parse_election(file, &new, &scheme).map_err(|e| e.to_string())?;
        std::fs::write(file, new).map_err(|e| format!("{file}: {e}"))?;
        w(writeln!(out, "wrote {file}"))?;
    }
    Ok(())
}
