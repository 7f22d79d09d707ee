//! The orders `balanced-v1` gives an election file (`slatecard balance`
//! writes them; `check` compares each `generated` order with them).

use crate::{ElectionDef, GenerationMethod, Provenance, SchemeDef};
use slatecard_balance::{balance, RegionSlot, MAX_SLATE};

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

/// Why `balanced-v1` cannot make a slate's orders: it has more than
/// [`MAX_SLATE`] candidates.
pub fn too_large(n: usize) -> Option<String> {
    (n > MAX_SLATE).then(|| {
        format!(
            "the slate has {n} candidates; balanced-v1 handles up to {MAX_SLATE}, because it tries \
             every order of the slate in each region (8 candidates: 40,320 orders per region; \
             9: 362,880)"
        )
    })
}

/// The orders `balanced-v1` gives an election: one per region of the scheme,
/// in scheme order, as candidate ids. Published orders and published leading
/// places are kept; regions that share one list (`regions = [...]`) are
/// balanced as one unit weighing as much as all of them, and get the same order.
///
/// # Errors
/// No `[generation]` table, an empty slate or one larger than `balanced-v1`
/// handles, or an order naming a candidate twice or not on the slate.
pub fn generate(e: &ElectionDef, scheme: &SchemeDef) -> Result<Vec<(String, Vec<String>)>, String> {
    let Some(generation) = &e.generation else {
        return Err("the file has no [generation] table".to_owned());
    };
    let n = e.candidates.len();
    if let Some(why) = too_large(n) {
        return Err(format!(
            "{why}. Publish an order for every region by hand instead (provenance = \"published\")"
        ));
    }
    if n == 0 {
        return Err("the slate has no candidates".to_owned());
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
        let mut fixed_prefix: Vec<usize> = Vec::new();
        for id in fixed {
            let i = index(id).ok_or_else(|| format!("unknown candidate \"{id}\""))?;
            if fixed_prefix.contains(&i) {
                return Err(format!("candidate \"{id}\" is in an order twice"));
            }
            fixed_prefix.push(i);
        }
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

/// Each region's weight for `balanced-v1` (as [`region_weights`]) for the
/// election `id`, read from the data folder under `root` (the repository:
/// `data/regions.toml` and `data/elections/<id>.toml`).
///
/// # Errors
/// A file that cannot be read, or does not pass the checks, as
/// `FILE: what is wrong`.
pub fn region_weights_in(root: &std::path::Path, id: &str) -> Result<Vec<u64>, String> {
    let read = |file: &str| {
        std::fs::read_to_string(root.join(file)).map_err(|err| format!("{file}: {err}"))
    };
    let scheme = crate::parse_scheme(crate::SCHEME_PATH, &read(crate::SCHEME_PATH)?)
        .map_err(|err| err.to_string())?;
    let file = format!("data/elections/{id}.toml");
    let def =
        crate::parse_election(&file, &read(&file)?, &scheme).map_err(|err| err.to_string())?;
    Ok(region_weights(&def, &scheme))
}
