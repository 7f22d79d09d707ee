//! From what the member typed to their Labour region, using the bundled table.

use super::postcode::{parse, Elsewhere, Outcode, Place, PostcodeError, PostcodeInput};
use super::region::RegionId;
use super::table::{unit_index, RegionMatch, Table, TableError};
use std::sync::OnceLock;

/// The copyright year of the postcode data the table was compiled from (ONS
/// Postcode Directory, November 2025; see `data/postcodes/SOURCES.md`), for
/// the attribution the licences ask for.
pub const POSTCODE_DATA_YEAR: u16 = 2025;

/// The compiled table for the Labour scheme (see `data/postcodes/SOURCES.md`),
/// built into native builds (the command line, tests, benchmarks). The app
/// leaves it out of its first load: it fetches the same file (`labour.bin`,
/// copied into `dist/`) once it runs, and hands it over with [`provide_table`].
#[cfg(not(target_arch = "wasm32"))]
pub static TABLE_BYTES: &[u8] = include_bytes!("../../../data/postcodes/labour.bin");

/// The postcode table's published name, content-addressed
/// (`labour.<first 8 hex digits of its SHA-256>.bin`, from `core/build.rs` by
/// `slatecard_data_format::content_name`, as `site/src/hash_names.rs` names
/// the file): the app fetches it by that name, and hosts may cache it for a
/// year.
pub const PUBLISHED_TABLE_FILE: &str = env!("SLATECARD_TABLE_FILE");

static TABLE: OnceLock<Result<Table, TableError>> = OnceLock::new();

/// The postcode table: built in (native), or as the app was given it
/// ([`TableError::NotLoaded`] until then).
pub fn table() -> Result<&'static Table, TableError> {
    #[cfg(not(target_arch = "wasm32"))]
    let table = TABLE.get_or_init(|| Table::decode(TABLE_BYTES));
    #[cfg(target_arch = "wasm32")]
    let Some(table) = TABLE.get() else {
        return Err(TableError::NotLoaded);
    };
    table.as_ref().map_err(Clone::clone)
}

/// Gives the lookup its table: the bytes of `labour.bin`, or why they could
/// not be had (a failed download is [`TableError::Unavailable`]). The first
/// call wins; it answers whether the table is usable.
pub fn provide_table(bytes: Result<&[u8], TableError>) -> Result<(), TableError> {
    TABLE
        .get_or_init(|| bytes.and_then(Table::decode))
        .as_ref()
        .map(|_| ())
        .map_err(Clone::clone)
}

/// What a member's input resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// One region.
    Region(RegionId),
    /// The input spans these regions (largest share first): ask the member.
    Choice(Vec<RegionId>),
    /// A place outside the UK's regions.
    Outside(Elsewhere),
    /// Well formed, but no live postcodes there.
    NotFound,
}

/// The answer to a lookup, with what we understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The input as understood, e.g. `SW1A 1AA` (empty for places outside the UK).
    pub understood: String,
    /// True when an O/0 or I/1 slip was corrected.
    pub repaired: bool,
    /// The parsed input.
    pub input: PostcodeInput,
    /// The result.
    pub resolution: Resolution,
}

/// Districts whose live postcodes are all non-geographic (PO boxes, large
/// users), so they have no region (shared/data/postcode-regions/README.md).
const NON_GEOGRAPHIC_DISTRICTS: [&str; 7] = ["BN91", "EN77", "LS78", "PO24", "S94", "SR43", "TW98"];

fn from_match(m: RegionMatch) -> Resolution {
    match m {
        RegionMatch::One(r) => Resolution::Region(r),
        RegionMatch::Several(rs) => Resolution::Choice(rs),
        RegionMatch::Unknown => Resolution::NotFound,
    }
}

/// Resolves input against `table`.
///
/// ```
/// use slatecard_core::domain::lookup::{resolve_in, table, Resolution};
/// let t = table().unwrap();
/// let a = resolve_in(t, "sw1a 1aa").unwrap();
/// assert_eq!(a.understood, "SW1A 1AA");
/// assert!(matches!(a.resolution, Resolution::Region(r) if r.name() == "London"));
/// ```
pub fn resolve_in(t: &Table, raw: &str) -> Result<Answer, PostcodeError> {
    // A district is known when the table has it, or, written without its
    // final letter (`SW1`), when it has lettered districts of that number.
    let short = |o: &Outcode| {
        o.letter.is_none()
            && !t.has_district(&o.area, o.code())
            && t.short_district_match(&o.area, o.number) != RegionMatch::Unknown
    };
    let known = |p: Place<'_>| match p {
        Place::Area(a) => t.area_match(a) != RegionMatch::Unknown,
        Place::District(o) => t.has_district(&o.area, o.code()) || short(o),
    };
    let parsed = parse(raw, known)?;
    let resolution = match &parsed.input {
        PostcodeInput::Elsewhere(e) => Resolution::Outside(e.clone()),
        PostcodeInput::Full(o, d, [a, b]) => match unit_index(*a, *b) {
            Some(u) => t
                .postcode_region(&o.area, o.code(), *d, u)
                .map_or(Resolution::NotFound, Resolution::Region),
            None => Resolution::NotFound,
        },
        PostcodeInput::Sector(o, d) => from_match(t.sector_match(&o.area, o.code(), *d)),
        PostcodeInput::District(o) if short(o) => {
            from_match(t.short_district_match(&o.area, o.number))
        }
        PostcodeInput::District(o) => from_match(t.district_match(&o.area, o.code())),
        PostcodeInput::Area(a) => from_match(t.area_match(a)),
    };
    // Districts with no region in the table: some are known PO-box districts.
    let resolution = match (&resolution, parsed.input.outcode()) {
        (Resolution::NotFound, Some(o))
            if NON_GEOGRAPHIC_DISTRICTS.contains(&o.to_string().as_str()) =>
        {
            Resolution::Outside(Elsewhere::NonGeographic)
        }
        _ => resolution,
    };
    Ok(Answer {
        understood: parsed.input.to_string(),
        repaired: parsed.repaired,
        input: parsed.input,
        resolution,
    })
}

/// Resolves input against the bundled table.
pub fn resolve(raw: &str) -> Result<Answer, LookupError> {
    let t = table().map_err(LookupError::Table)?;
    resolve_in(t, raw).map_err(LookupError::Postcode)
}

/// Why a lookup gave no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LookupError {
    /// The input is not a usable postcode.
    Postcode(PostcodeError),
    /// The bundled table is broken (a build problem, never the member's).
    Table(TableError),
}

impl std::error::Error for LookupError {}
