//! Labour regions: the unit by which slates publish their recommended orders.
//!
//! The table is generated at build time from `data/regions/labour.toml`.

use core::fmt;

/// Index of a region in [`REGIONS`]. Cheap to copy and compare.
///
/// ```
/// use slatecard_core::domain::region::RegionId;
/// let london = RegionId::from_slug("london").unwrap();
/// assert_eq!(london.name(), "London");
/// assert_eq!(RegionId::from_slug("atlantis"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RegionId(pub(crate) u8);

/// One region of the Labour scheme.
#[derive(Debug, PartialEq, Eq)]
pub struct Region {
    /// Stable slug used in URLs and data files, e.g. `north-west`.
    pub slug: &'static str,
    /// Display name, e.g. `North West`.
    pub name: &'static str,
    /// Live postcodes in the region (0 outside the UK).
    pub live_postcodes: u64,
    /// True for Labour International (members registered outside the UK).
    pub outside_uk: bool,
}

include!(concat!(env!("OUT_DIR"), "/regions.rs"));

impl RegionId {
    /// All regions, in display order.
    pub fn all() -> impl Iterator<Item = RegionId> {
        (0..REGIONS.len() as u8).map(RegionId)
    }

    /// The region with this slug.
    pub fn from_slug(slug: &str) -> Option<RegionId> {
        REGIONS
            .iter()
            .position(|r| r.slug == slug)
            .map(|i| RegionId(i as u8))
    }

    /// The region with this display name (as written in the ONS-derived data).
    pub fn from_name(name: &str) -> Option<RegionId> {
        REGIONS
            .iter()
            .position(|r| r.name == name)
            .map(|i| RegionId(i as u8))
    }

    /// The region for members registered outside the UK.
    pub fn international() -> RegionId {
        REGIONS
            .iter()
            .position(|r| r.outside_uk)
            .map(|i| RegionId(i as u8))
            .expect("the scheme has an outside-the-UK region (checked by build.rs)")
    }

    /// Position in [`REGIONS`].
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Builds an id from a position, if there is such a region.
    pub fn from_index(i: usize) -> Option<RegionId> {
        (i < REGIONS.len()).then_some(RegionId(i as u8))
    }

    /// The region's data.
    pub fn region(self) -> &'static Region {
        &REGIONS[self.index()]
    }

    /// Display name.
    pub fn name(self) -> &'static str {
        self.region().name
    }

    /// URL slug.
    pub fn slug(self) -> &'static str {
        self.region().slug
    }
}

impl fmt::Display for RegionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
