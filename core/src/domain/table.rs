//! The compiled postcode → region table, and lookups in it.
//!
//! The table is exact for every live postcode in its source: a postcode is
//! looked up as (1) an individual exception, else (2) its sector's majority
//! region where its district straddles regions, else (3) its district's
//! majority region. Partial input gets every region its district or sector
//! spans, largest share first.
//!
//! # Format (version 1)
//!
//! Little, column-wise streams of LEB128 varints, so brotli (on the wasm as a
//! whole) compresses each kind of value with its own kind:
//!
//! ```text
//! "SCPT" 1 scheme_len scheme region_count
//! len(A) A: area_count, then per area: name_len name district_count
//! len(D) D: per district, code delta within its area (code = number*27 + letter)
//! len(R) R: per district, majority region | 0x80 if it straddles
//! len(S) S: per straddling district: n regions…; sector_count;
//!           per sector: digit n regions…
//! len(X) X: per straddling sector (in S order): exception count, then per
//!           exception: unit delta, and its region when the sector spans > 2
//! ```
//!
//! Regions are indices into the scheme (`data/regions/labour.toml`), listed
//! largest share first; the first is the majority.

use super::region::RegionId;

/// Letters allowed in the last two places of a postcode, in order.
pub const UNIT_LETTERS: &[u8; 20] = b"ABDEFGHJLNPQRSTUWXYZ";

/// The file's magic bytes.
pub const MAGIC: &[u8; 4] = b"SCPT";
/// The format version this code reads and writes.
pub const VERSION: u8 = 1;

/// A problem decoding a table (a corrupt or foreign file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// Not a slatecard table, or another version.
    BadHeader,
    /// The bytes end early or a number is out of range.
    Corrupt(&'static str),
    /// The app has not received the table yet (it is downloading).
    NotLoaded,
    /// The app could not download the table.
    Unavailable,
}

impl std::error::Error for TableError {}

/// Index of a unit (`AB` in `SW1A 1AB`) among the 400 possible, if valid.
pub fn unit_index(a: u8, b: u8) -> Option<u16> {
    let pos = |c: u8| UNIT_LETTERS.iter().position(|&x| x == c);
    Some(pos(a)? as u16 * 20 + pos(b)? as u16)
}

/// The code of a district within its area: `SW1A` → 1*27 + 1; `M60` → 60*27.
pub fn district_code(number: u8, letter: Option<u8>) -> u16 {
    u16::from(number) * 27 + letter.map_or(0, |l| u16::from(l - b'A') + 1)
}

/// The outward code's text from its area and district code.
pub fn district_name(area: &str, code: u16) -> String {
    let number = code / 27;
    let letter = code % 27;
    if letter == 0 {
        format!("{area}{number}")
    } else {
        format!("{area}{number}{}", char::from(b'A' + letter as u8 - 1))
    }
}

/// Regions of a district or sector, largest share first (never empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spread(Vec<RegionId>);

impl Spread {
    /// The regions, largest share first.
    pub fn regions(&self) -> &[RegionId] {
        &self.0
    }
    /// The majority region.
    pub fn majority(&self) -> RegionId {
        self.0[0]
    }
}

#[derive(Clone, Debug)]
struct Sector {
    digit: u8,
    spread: Spread,
    /// (unit index, region), sorted by unit.
    exceptions: Vec<(u16, RegionId)>,
}

#[derive(Clone, Debug)]
struct District {
    /// Area index.
    area: u16,
    code: u16,
    majority: RegionId,
    /// Only for districts that straddle regions.
    straddle: Option<(Spread, Vec<Sector>)>,
}

/// A decoded table, ready for lookups.
#[derive(Clone, Debug)]
pub struct Table {
    scheme: String,
    areas: Vec<String>,
    /// Sorted by (area, code).
    districts: Vec<District>,
}

/// What the table knows about an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegionMatch {
    /// Exactly one region.
    One(RegionId),
    /// The input spans several regions, largest share first.
    Several(Vec<RegionId>),
    /// The table has no live postcodes there.
    Unknown,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }
    fn done(&self) -> bool {
        self.pos >= self.bytes.len()
    }
    fn byte(&mut self, what: &'static str) -> Result<u8, TableError> {
        let b = *self.bytes.get(self.pos).ok_or(TableError::Corrupt(what))?;
        self.pos += 1;
        Ok(b)
    }
    fn varint(&mut self, what: &'static str) -> Result<u32, TableError> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.byte(what)?;
            value |= u32::from(b & 0x7f)
                .checked_shl(shift)
                .ok_or(TableError::Corrupt(what))?;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(TableError::Corrupt(what))
    }
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], TableError> {
        let end = self.pos.checked_add(n).ok_or(TableError::Corrupt(what))?;
        let s = self
            .bytes
            .get(self.pos..end)
            .ok_or(TableError::Corrupt(what))?;
        self.pos = end;
        Ok(s)
    }
    fn stream(&mut self, what: &'static str) -> Result<Reader<'a>, TableError> {
        let n = self.varint(what)? as usize;
        Ok(Reader::new(self.take(n, what)?))
    }
}

fn region(byte: u8, region_count: u8) -> Result<RegionId, TableError> {
    if byte < region_count {
        RegionId::from_index(usize::from(byte)).ok_or(TableError::Corrupt("region out of range"))
    } else {
        Err(TableError::Corrupt("region out of range"))
    }
}

fn read_spread(r: &mut Reader<'_>, region_count: u8) -> Result<Spread, TableError> {
    let n = r.byte("spread size")?;
    if n == 0 {
        return Err(TableError::Corrupt("empty spread"));
    }
    let regions = (0..n)
        .map(|_| region(r.byte("spread")?, region_count))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Spread(regions))
}

impl Table {
    /// Decodes a table; any malformed input is an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<Table, TableError> {
        let mut r = Reader::new(bytes);
        if r.take(4, "magic").ok() != Some(MAGIC.as_slice()) || r.byte("version")? != VERSION {
            return Err(TableError::BadHeader);
        }
        let scheme_len = r.byte("scheme")?;
        let scheme = String::from_utf8(r.take(usize::from(scheme_len), "scheme")?.to_vec())
            .map_err(|_| TableError::Corrupt("scheme name"))?;
        let region_count = r.byte("region count")?;
        if usize::from(region_count) > RegionId::all().count() {
            return Err(TableError::Corrupt("more regions than the scheme has"));
        }
        let mut a = r.stream("area stream")?;
        let mut d = r.stream("district stream")?;
        let mut g = r.stream("region stream")?;
        let mut s = r.stream("straddle stream")?;
        let mut x = r.stream("exception stream")?;

        let area_count = a.varint("area count")?;
        let mut areas = Vec::new();
        let mut districts = Vec::new();
        for area in 0..area_count {
            let len = a.byte("area name")?;
            let name = a.take(usize::from(len), "area name")?;
            if name.is_empty() || name.len() > 2 || !name.iter().all(u8::is_ascii_uppercase) {
                return Err(TableError::Corrupt("area name"));
            }
            areas.push(String::from_utf8_lossy(name).into_owned());
            let count = a.varint("district count")?;
            let mut code: u32 = 0;
            for _ in 0..count {
                code = code
                    .checked_add(d.varint("district code")?)
                    .filter(|&c| c < 100 * 27)
                    .ok_or(TableError::Corrupt("district code"))?;
                let rb = g.byte("district region")?;
                let majority = region(rb & 0x7f, region_count)?;
                let straddle = if rb & 0x80 != 0 {
                    let spread = read_spread(&mut s, region_count)?;
                    let n = s.byte("sector count")?;
                    let mut sectors = Vec::with_capacity(usize::from(n));
                    for _ in 0..n {
                        let digit = s.byte("sector digit")?;
                        if digit > 9 {
                            return Err(TableError::Corrupt("sector digit"));
                        }
                        let spread = read_spread(&mut s, region_count)?;
                        let mut exceptions = Vec::new();
                        if spread.0.len() > 1 {
                            let count = x.varint("exception count")?;
                            let mut unit: i32 = -1;
                            for _ in 0..count {
                                unit += x.varint("exception unit")? as i32;
                                if !(0..400).contains(&unit) {
                                    return Err(TableError::Corrupt("exception unit"));
                                }
                                let reg = if spread.0.len() > 2 {
                                    let k = x.byte("exception region")?;
                                    *spread
                                        .0
                                        .get(usize::from(k))
                                        .ok_or(TableError::Corrupt("exception region"))?
                                } else {
                                    spread.0[1]
                                };
                                exceptions.push((unit as u16, reg));
                            }
                        }
                        sectors.push(Sector {
                            digit,
                            spread,
                            exceptions,
                        });
                    }
                    Some((spread, sectors))
                } else {
                    None
                };
                districts.push(District {
                    area: area as u16,
                    code: code as u16,
                    majority,
                    straddle,
                });
            }
        }
        if !(a.done() && d.done() && g.done() && s.done() && x.done() && r.done()) {
            return Err(TableError::Corrupt("trailing bytes"));
        }
        Ok(Table {
            scheme,
            areas,
            districts,
        })
    }

    /// The region scheme the table was compiled for.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// Number of districts.
    pub fn district_count(&self) -> usize {
        self.districts.len()
    }

    fn district(&self, area: &str, code: u16) -> Option<&District> {
        let ai = self.areas.iter().position(|a| a == area)? as u16;
        self.districts
            .binary_search_by(|d| (d.area, d.code).cmp(&(ai, code)))
            .ok()
            .map(|i| &self.districts[i])
    }

    /// True when the district exists in the table.
    pub fn has_district(&self, area: &str, code: u16) -> bool {
        self.district(area, code).is_some()
    }

    /// Regions of a district.
    pub fn district_match(&self, area: &str, code: u16) -> RegionMatch {
        match self.district(area, code) {
            None => RegionMatch::Unknown,
            Some(District {
                straddle: Some((s, _)),
                ..
            }) => RegionMatch::Several(s.0.clone()),
            Some(d) => RegionMatch::One(d.majority),
        }
    }

    /// Regions of a sector (`digit` is the first character of the inward code).
    pub fn sector_match(&self, area: &str, code: u16, digit: u8) -> RegionMatch {
        match self.district(area, code) {
            None => RegionMatch::Unknown,
            Some(District {
                straddle: None,
                majority,
                ..
            }) => RegionMatch::One(*majority),
            Some(District {
                straddle: Some((spread, sectors)),
                ..
            }) => {
                match sectors.iter().find(|s| s.digit == digit) {
                    Some(s) if s.spread.0.len() == 1 => RegionMatch::One(s.spread.0[0]),
                    Some(s) => RegionMatch::Several(s.spread.0.clone()),
                    // No live postcodes in that sector: all we know is the district.
                    None => RegionMatch::Several(spread.0.clone()),
                }
            }
        }
    }

    /// Regions of an area (e.g. `SY`): every region its districts span, those
    /// that are the majority of more districts first.
    pub fn area_match(&self, area: &str) -> RegionMatch {
        let Some(ai) = self.areas.iter().position(|a| a == area) else {
            return RegionMatch::Unknown;
        };
        self.spread(|d| usize::from(d.area) == ai)
    }

    /// Regions of a district written without its final letter, as members
    /// often write central-London districts (`SW1` for SW1A, SW1E, … SW1Y;
    /// `W1` for W1A … W1W): every region its lettered districts span, those
    /// that are the majority of more of them first. `Unknown` when the area
    /// has no lettered districts with that number.
    ///
    /// ```
    /// use slatecard_core::domain::{lookup::table, table::RegionMatch};
    /// let t = table().unwrap();
    /// assert!(matches!(t.short_district_match("SW", 1), RegionMatch::One(r) if r.name() == "London"));
    /// assert_eq!(t.short_district_match("SW", 99), RegionMatch::Unknown);
    /// ```
    pub fn short_district_match(&self, area: &str, number: u8) -> RegionMatch {
        let Some(ai) = self.areas.iter().position(|a| a == area) else {
            return RegionMatch::Unknown;
        };
        let plain = district_code(number, None);
        let lettered = plain + 1..=plain + 26;
        self.spread(|d| usize::from(d.area) == ai && lettered.contains(&d.code))
    }

    /// Every region the districts chosen by `take` span, those that are the
    /// majority of more of them first.
    fn spread(&self, take: impl Fn(&District) -> bool) -> RegionMatch {
        let mut tally: Vec<(RegionId, usize)> = Vec::new();
        for d in self.districts.iter().filter(|d| take(d)) {
            let regions = match &d.straddle {
                Some((s, _)) => s.regions(),
                None => core::slice::from_ref(&d.majority),
            };
            for (k, &r) in regions.iter().enumerate() {
                let weight = if k == 0 { 1000 } else { 1 };
                match tally.iter_mut().find(|(x, _)| *x == r) {
                    Some((_, n)) => *n += weight,
                    None => tally.push((r, weight)),
                }
            }
        }
        super::sort_small_by(&mut tally, |a, b| (b.1, a.0) < (a.1, b.0));
        match tally.as_slice() {
            [] => RegionMatch::Unknown,
            [(one, _)] => RegionMatch::One(*one),
            many => RegionMatch::Several(many.iter().map(|(r, _)| *r).collect()),
        }
    }

    /// The region of a full postcode. A postcode the source did not list as
    /// live gets its sector's or district's majority region.
    pub fn postcode_region(&self, area: &str, code: u16, digit: u8, unit: u16) -> Option<RegionId> {
        let d = self.district(area, code)?;
        let Some((_, sectors)) = &d.straddle else {
            return Some(d.majority);
        };
        let Some(s) = sectors.iter().find(|s| s.digit == digit) else {
            return Some(d.majority);
        };
        match s.exceptions.binary_search_by_key(&unit, |e| e.0) {
            Ok(i) => Some(s.exceptions[i].1),
            Err(_) => Some(s.spread.majority()),
        }
    }

    /// Counts for reports: (districts, straddling districts, sector overrides, exceptions).
    pub fn stats(&self) -> (usize, usize, usize, usize) {
        let straddling: Vec<_> = self
            .districts
            .iter()
            .filter(|d| d.straddle.is_some())
            .collect();
        let mut overrides = 0;
        let mut exceptions = 0;
        for d in &straddling {
            if let Some((_, sectors)) = &d.straddle {
                overrides += sectors
                    .iter()
                    .filter(|s| s.spread.majority() != d.majority)
                    .count();
                exceptions += sectors.iter().map(|s| s.exceptions.len()).sum::<usize>();
            }
        }
        (
            self.districts.len(),
            straddling.len(),
            overrides,
            exceptions,
        )
    }
}
