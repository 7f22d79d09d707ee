//! `slatecard compile-postcodes`: build the compact postcode → region table
//! from a postcode → council-area file and the region scheme.
//!
//! Accepted inputs (plain or `.gz`):
//! - the simple `postcode,lad_code` file, with `--lad-regions` giving each
//!   council area's ONS region (`lad_code,…,region_code,…`);
//! - ONSPD or NSPL CSVs (`pcds`/`pcd`, a LAD column such as `lad25cd`,
//!   `laua` or `oslaua`, `rgn`, `ctry`, and `doterm`: terminated rows are skipped).

use crate::domain::postcode::parse_outcode;
use crate::domain::table::{unit_index, MAGIC, VERSION};
use slatecard_data_format::SchemeDef;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read};

/// Splits one CSV line, honouring double quotes.
pub fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

/// Opens a file, decompressing `.gz`.
pub fn open(path: &str) -> Result<Box<dyn BufRead>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let reader: Box<dyn Read> = if path.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    Ok(Box::new(BufReader::with_capacity(1 << 16, reader)))
}

/// A postcode split for the table: area, district code, sector digit, unit index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PostcodeKey {
    /// Area letters, e.g. `SW` (second byte 0 for one-letter areas).
    pub area: [u8; 2],
    /// District code within the area (see [`crate::domain::table::district_code`]).
    pub code: u16,
    /// Sector digit.
    pub digit: u8,
    /// Unit index (see [`unit_index`]).
    pub unit: u16,
}

impl PostcodeKey {
    /// Splits a postcode in standard form (`SW1A 1AA`, any spacing, upper case).
    pub fn parse(pc: &str) -> Option<PostcodeKey> {
        let s: Vec<u8> = pc.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
        if !(5..=7).contains(&s.len()) {
            return None;
        }
        let (outward, inward) = s.split_at(s.len() - 3);
        let o = parse_outcode(outward)?;
        if !inward[0].is_ascii_digit() {
            return None;
        }
        let area = [outward[0], if o.area.len() == 2 { outward[1] } else { 0 }];
        Some(PostcodeKey {
            area,
            code: o.code(),
            digit: inward[0] - b'0',
            unit: unit_index(inward[1], inward[2])?,
        })
    }

    /// The area as text.
    pub fn area_str(&self) -> String {
        self.area
            .iter()
            .filter(|&&b| b != 0)
            .map(|&b| char::from(b))
            .collect()
    }
}

/// Maps council areas to scheme regions.
pub struct SchemeMapper<'a> {
    scheme: &'a SchemeDef,
}

impl<'a> SchemeMapper<'a> {
    /// A mapper for `scheme`.
    pub fn new(scheme: &'a SchemeDef) -> Self {
        SchemeMapper { scheme }
    }

    /// The scheme region (index) of a council area in an ONS region or country.
    pub fn region(&self, lad: &str, ons_region: &str) -> Option<u8> {
        let regions = &self.scheme.regions;
        if let Some(i) = regions
            .iter()
            .position(|r| r.add_lads.iter().any(|l| l == lad))
        {
            return Some(i as u8);
        }
        regions
            .iter()
            .position(|r| {
                r.ons_codes.iter().any(|c| c == ons_region)
                    && !r.remove_lads.iter().any(|l| l == lad)
            })
            .map(|i| i as u8)
    }
}

/// Reads `lad_code → ONS region code` from `lad-regions.csv`.
pub fn read_lad_regions(path: &str) -> Result<HashMap<String, String>, String> {
    let mut map = HashMap::new();
    let mut lines = open(path)?.lines();
    let header = csv_fields(
        &lines
            .next()
            .ok_or(format!("{path}: empty"))?
            .map_err(|e| e.to_string())?,
    );
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or(format!("{path}: no `{name}` column"))
    };
    let (lad, region) = (col("lad_code")?, col("region_code")?);
    for (n, line) in lines.enumerate() {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        let f = csv_fields(&line);
        let (Some(l), Some(r)) = (f.get(lad), f.get(region)) else {
            return Err(format!("{path}: line {}: too few fields", n + 2));
        };
        map.insert(l.clone(), r.clone());
    }
    Ok(map)
}

/// Every live postcode's key and scheme region, read from `input`.
pub fn read_postcodes(
    input: &str,
    lad_regions: Option<&HashMap<String, String>>,
    scheme: &SchemeDef,
) -> Result<Vec<(PostcodeKey, u8)>, String> {
    let mapper = SchemeMapper::new(scheme);
    let mut lines = open(input)?.lines();
    let header: Vec<String> = csv_fields(
        &lines
            .next()
            .ok_or(format!("{input}: empty"))?
            .map_err(|e| e.to_string())?,
    )
    .into_iter()
    .map(|h| h.trim().to_ascii_lowercase())
    .collect();
    let find = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let pc_col = find(&["postcode", "pcds", "pcd", "pcd7", "pcd8"])
        .ok_or(format!("{input}: no postcode column"))?;
    let lad_col = find(&["lad_code", "laua", "oslaua"])
        .or_else(|| {
            header
                .iter()
                .position(|h| h.starts_with("lad") && h.ends_with("cd"))
        })
        .ok_or(format!("{input}: no council-area (LAD) column"))?;
    let rgn_col = header
        .iter()
        .position(|h| h == "rgn" || (h.starts_with("rgn") && h.ends_with("cd")));
    let ctry_col = header
        .iter()
        .position(|h| h == "ctry" || (h.starts_with("ctry") && h.ends_with("cd")));
    let doterm_col = find(&["doterm"]);
    if rgn_col.is_none() && lad_regions.is_none() {
        return Err(format!("{input}: no region column: pass --lad-regions"));
    }
    let mut out = Vec::with_capacity(1 << 21);
    for (n, line) in lines.enumerate() {
        let line = line.map_err(|e| format!("{input}: {e}"))?;
        if line.is_empty() {
            continue;
        }
        let f = csv_fields(&line);
        let get = |i: usize| f.get(i).map(|s| s.trim()).unwrap_or("");
        let lineno = n + 2;
        if doterm_col.is_some_and(|i| !get(i).is_empty()) {
            continue; // terminated
        }
        let lad = get(lad_col);
        if lad.is_empty() || lad.starts_with("L99") || lad.starts_with("M99") {
            continue; // no council area, or Channel Islands / Isle of Man
        }
        let ons_region = match (rgn_col, lad_regions) {
            (Some(i), _) if !get(i).is_empty() && !get(i).ends_with("99999999") => {
                get(i).to_owned()
            }
            (Some(_), _) => ctry_col.map(|i| get(i).to_owned()).unwrap_or_default(),
            (None, Some(map)) => map.get(lad).cloned().ok_or(format!(
                "{input}: line {lineno}: council area {lad} is not in the LAD → region file"
            ))?,
            (None, None) => unreachable!("checked above"),
        };
        let region = mapper.region(lad, &ons_region).ok_or(format!(
            "{input}: line {lineno}: no region of scheme \"{}\" holds council area {lad} (ONS {ons_region})",
            scheme.scheme
        ))?;
        let pc = get(pc_col);
        let key = PostcodeKey::parse(&pc.to_ascii_uppercase()).ok_or(format!(
            "{input}: line {lineno}: \"{pc}\" is not a postcode"
        ))?;
        out.push((key, region));
    }
    Ok(out)
}

fn varint(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Regions by count, largest first (ties by region index).
fn spread(counts: &BTreeMap<u8, u32>) -> Vec<u8> {
    let mut v: Vec<(u8, u32)> = counts.iter().map(|(&r, &c)| (r, c)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().map(|(r, _)| r).collect()
}

/// What a compile produced, for the report.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct CompileStats {
    /// Live postcodes read.
    pub postcodes: usize,
    /// Districts.
    pub districts: usize,
    /// Districts spanning more than one region.
    pub straddling: usize,
    /// Sectors whose majority differs from their district's.
    pub sector_overrides: usize,
    /// Postcodes whose region differs from their sector's majority.
    pub exceptions: usize,
}

/// Encodes the table (format version 1, see `domain::table`).
pub fn encode(scheme: &SchemeDef, postcodes: &[(PostcodeKey, u8)]) -> (Vec<u8>, CompileStats) {
    type Sectors = BTreeMap<u8, Vec<(u16, u8)>>;
    let mut tree: BTreeMap<([u8; 2], u16), Sectors> = BTreeMap::new();
    for &(k, r) in postcodes {
        tree.entry((k.area, k.code))
            .or_default()
            .entry(k.digit)
            .or_default()
            .push((k.unit, r));
    }
    let mut stats = CompileStats {
        postcodes: postcodes.len(),
        districts: tree.len(),
        ..Default::default()
    };
    let (mut a, mut d, mut g, mut s, mut x) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut areas: BTreeMap<[u8; 2], Vec<(u16, &Sectors)>> = BTreeMap::new();
    for ((area, code), sectors) in &tree {
        areas.entry(*area).or_default().push((*code, sectors));
    }
    varint(&mut a, areas.len() as u32);
    for (area, districts) in &areas {
        let name: Vec<u8> = area.iter().copied().filter(|&b| b != 0).collect();
        a.push(name.len() as u8);
        a.extend_from_slice(&name);
        varint(&mut a, districts.len() as u32);
        let mut prev = 0u16;
        for (code, sectors) in districts {
            varint(&mut d, u32::from(code - prev));
            prev = *code;
            let mut counts = BTreeMap::new();
            for units in sectors.values() {
                for &(_, r) in units {
                    *counts.entry(r).or_insert(0u32) += 1;
                }
            }
            let regions = spread(&counts);
            let straddles = regions.len() > 1;
            g.push(regions[0] | if straddles { 0x80 } else { 0 });
            if !straddles {
                continue;
            }
            stats.straddling += 1;
            s.push(regions.len() as u8);
            s.extend_from_slice(&regions);
            s.push(sectors.len() as u8);
            for (digit, units) in sectors.iter() {
                let mut counts = BTreeMap::new();
                for &(_, r) in units {
                    *counts.entry(r).or_insert(0u32) += 1;
                }
                let sr = spread(&counts);
                if sr[0] != regions[0] {
                    stats.sector_overrides += 1;
                }
                s.push(*digit);
                s.push(sr.len() as u8);
                s.extend_from_slice(&sr);
                if sr.len() < 2 {
                    continue;
                }
                let mut exceptions: Vec<(u16, u8)> =
                    units.iter().copied().filter(|&(_, r)| r != sr[0]).collect();
                exceptions.sort();
                stats.exceptions += exceptions.len();
                varint(&mut x, exceptions.len() as u32);
                let mut prev: i32 = -1;
                for (unit, r) in exceptions {
                    varint(&mut x, (i32::from(unit) - prev) as u32);
                    prev = i32::from(unit);
                    if sr.len() > 2 {
                        x.push(sr.iter().position(|&q| q == r).unwrap_or(0) as u8);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    out.push(scheme.scheme.len() as u8);
    out.extend_from_slice(scheme.scheme.as_bytes());
    out.push(scheme.regions.len() as u8);
    for stream in [a, d, g, s, x] {
        varint(&mut out, stream.len() as u32);
        out.extend_from_slice(&stream);
    }
    (out, stats)
}
