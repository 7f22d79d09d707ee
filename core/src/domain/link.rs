//! What a shared link asks the app to show. A page's address is a path under
//! the app's base, `nec-2022/london/` (each a pre-rendered page a static host
//! serves); the older query form `?election=nec-2022&region=london` still
//! opens the same page.
//!
//! The postcode is never part of it. Decoding is total: unknown keys, unknown
//! values and malformed escapes are ignored, so any URL opens the app.

use super::election::Election;
use super::embedding::{valid_accent, Theme};
use super::escape::percent_decode;
use super::model::Lang;
use super::region::RegionId;

/// A value in a link that names no election or region we know, so the page
/// shown is not the one the link asked for: the member is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unknown {
    /// No bundled election is called this.
    Election(String),
    /// No region is called this.
    Region(String),
}

/// True when `a` and `b` are the same once case and everything but letters
/// and digits are ignored: `NEC-2020`, `nec 2020` and `nec-2020` are one
/// election; `North West`, `northwest` and `north-west` one region.
fn loosely_equal(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// A name as links are read loosely: its ASCII letters and digits only,
/// lower-cased (`North West`, `north-west` and `NORTHWEST` all fold to
/// `northwest`). The one rule, which [`address_table`]'s readers (the
/// start-up script's redirect, the 404 page) apply before looking a name up.
///
/// ```
/// use slatecard_core::domain::link::fold;
/// assert_eq!(fold("NEC 2026"), "nec2026");
/// assert_eq!(fold("North-West"), "northwest");
/// ```
pub fn fold(value: &str) -> String {
    value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// What an address may call each election and region, as JSON for the
/// scripts that send a member to a page before any module runs:
/// `{"e":{FOLDED:ID,…},"r":{FOLDED:SLUG,…},"l":ID}`, keyed by [`fold`] of
/// each election's id and short title and each region's slug and name, and
/// the latest election's id (`l`: what a link naming no election, or one we
/// do not know, shows). Only this decides what names a page; the scripts
/// fold and look up.
///
/// ```
/// let table = slatecard_core::domain::link::address_table();
/// assert!(table.contains(r#""nec2022":"nec-2022""#));
/// assert!(table.contains(r#""northwest":"north-west""#));
/// assert!(table.ends_with(&format!(r#","l":"{}"}}"#, slatecard_core::domain::election::Election::latest().id)));
/// ```
pub fn address_table() -> String {
    let mut elections: Vec<(String, &str)> = Vec::new();
    for e in Election::all() {
        for name in [e.id, e.short_title] {
            elections.push((fold(name), e.id));
        }
    }
    let mut regions: Vec<(String, &str)> = Vec::new();
    for r in RegionId::all() {
        for name in [r.slug(), r.name()] {
            regions.push((fold(name), r.slug()));
        }
    }
    let json = |pairs: &mut Vec<(String, &str)>| {
        pairs.sort();
        pairs.dedup();
        let entries: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("\"{k}\":\"{v}\""))
            .collect();
        entries.join(",")
    };
    format!(
        "{{\"e\":{{{}}},\"r\":{{{}}},\"l\":\"{}\"}}",
        json(&mut elections),
        json(&mut regions),
        Election::latest().id
    )
}

/// The election a link's value names: its id or short title, read loosely.
fn find_election(value: &str) -> Option<&'static Election> {
    Election::all()
        .iter()
        .find(|e| loosely_equal(e.id, value) || loosely_equal(e.short_title, value))
}

/// The region a link's value names: its slug or name, read loosely.
fn find_region(value: &str) -> Option<RegionId> {
    RegionId::all().find(|r| loosely_equal(r.slug(), value) || loosely_equal(r.name(), value))
}

/// The state a link carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    /// Election, when the link names a known one.
    pub election: Option<&'static Election>,
    /// Region, when the link names a known one.
    pub region: Option<RegionId>,
    /// True for the compact embeddable widget (`embed=1`).
    pub embed: bool,
    /// Widget theme.
    pub theme: Theme,
    /// Widget accent colour as `#rgb` or `#rrggbb`, when valid.
    pub accent: Option<String>,
    /// Values the link gave that name nothing we know (never part of a link
    /// we write).
    pub unknown: Vec<Unknown>,
    /// The page's language: Welsh pages are under `cy/` (`cy/nec-2026/
    /// london/`); a widget's is `lang=cy`.
    pub lang: Lang,
}

/// `path` (a page's path under the app's base, as [`Link::to_path`] writes
/// it) for a page in `lang`: `nec-2026/why.html`, `cy/nec-2026/why.html`.
pub fn lang_path(lang: Lang, path: &str) -> String {
    match lang.prefix() {
        Some(prefix) => format!("{prefix}/{path}"),
        None => path.to_owned(),
    }
}

impl Link {
    /// Decodes a query string, with or without its leading `?`. Election
    /// ids and region slugs are read loosely (any case, by their display
    /// names too), and a link copied from a web page with `&amp;` for `&`
    /// reads the same. A value that names nothing is kept in
    /// [`Link::unknown`], so the member can be told.
    ///
    /// ```
    /// use slatecard_core::domain::link::{Link, Unknown};
    /// let q = Link::parse("?election=NEC-2020&amp;region=South%20West&x=%ZZ");
    /// assert_eq!(q.election.unwrap().id, "nec-2020");
    /// assert_eq!(q.region.unwrap().name(), "South West");
    /// let q = Link::parse("region=atlantis");
    /// assert_eq!((q.region, q.unknown), (None, vec![Unknown::Region("atlantis".into())]));
    /// ```
    pub fn parse(search: &str) -> Link {
        let mut q = Link::default();
        let search = search.strip_prefix('?').unwrap_or(search);
        for pair in search.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            let value = value.trim();
            let key = percent_decode(key);
            match key.strip_prefix("amp;").unwrap_or(&key) {
                "election" if value.is_empty() => {}
                "election" => match find_election(value) {
                    Some(e) => q.election = Some(e),
                    None => q.unknown.push(Unknown::Election(value.to_owned())),
                },
                "region" if value.is_empty() => {}
                "region" => match find_region(value) {
                    Some(r) => q.region = Some(r),
                    None => q.unknown.push(Unknown::Region(value.to_owned())),
                },
                "embed" => q.embed = matches!(value, "1" | "true" | ""),
                "lang" => q.lang = Lang::from_name(value).unwrap_or_default(),
                "theme" => q.theme = Theme::from_name(value).unwrap_or_default(),
                "accent" if valid_accent(value) => q.accent = Some(value.to_owned()),
                _ => {}
            }
        }
        q
    }

    /// Decodes a page's path under the app's base (`nec-2022/london/`,
    /// `nec-2022/`, or empty), then its query string, whose known values win.
    ///
    /// ```
    /// use slatecard_core::domain::link::Link;
    /// let q = Link::parse_address("nec-2020/south-west/", "");
    /// assert_eq!((q.election.unwrap().id, q.region.unwrap().slug()), ("nec-2020", "south-west"));
    /// let old = Link::parse_address("", "?election=nec-2022&region=wales");
    /// assert_eq!(old.region.unwrap().slug(), "wales");
    /// assert_eq!(Link::parse_address("index.html", "").election, None);
    /// ```
    pub fn parse_address(path: &str, search: &str) -> Link {
        let page = Link::from_path(path);
        let mut link = Link::parse(search);
        link.election = link.election.or(page.election);
        link.region = link.region.or(page.region);
        if page.lang != Lang::En {
            link.lang = page.lang;
        }
        link
    }

    /// Decodes a page's path under the app's base alone (`nec-2022/london/`,
    /// `nec-2022/`, or empty; under `cy/` for a Welsh page, in any case),
    /// as [`Link::parse_address`] does before the
    /// query: for code that never reads a query (the postcode island), which
    /// then carries no query parser.
    ///
    /// ```
    /// use slatecard_core::domain::link::Link;
    /// let q = Link::from_path("nec-2020/South-West/");
    /// assert_eq!((q.election.unwrap().id, q.region.unwrap().slug()), ("nec-2020", "south-west"));
    /// assert_eq!(Link::from_path(""), Link::default());
    /// let cy = Link::from_path("CY/nec-2020/wales/");
    /// assert_eq!((cy.lang.prefix(), cy.to_path().as_str()), (Some("cy"), "cy/nec-2020/wales/"));
    /// ```
    pub fn from_path(path: &str) -> Link {
        let mut segments = path.split('/').filter(|s| !s.is_empty()).peekable();
        // Ids and slugs are plain ASCII: a path segment needs no decoding.
        let lang = match segments.peek().and_then(|s| Lang::from_name(s)) {
            Some(lang) if lang.prefix().is_some() => {
                segments.next();
                lang
            }
            _ => Lang::En,
        };
        let election = segments.next().and_then(find_election);
        let region = election.and(segments.next()).and_then(find_region);
        Link {
            election,
            region,
            lang,
            ..Link::default()
        }
    }

    /// The election the link's page shows: the one it names, else the
    /// latest (the landing page's address names none).
    pub fn election_or_latest(&self) -> &'static Election {
        self.election.unwrap_or_else(Election::latest)
    }

    /// The page's path under the app's base: `nec-2022/london/`,
    /// `nec-2022/`, or empty for the landing page; a Welsh page's under
    /// `cy/` (`cy/nec-2022/london/`, `cy/`).
    ///
    /// ```
    /// use slatecard_core::domain::{election::Election, link::Link, region::RegionId};
    /// let q = Link {
    ///     election: Election::by_id("nec-2022"),
    ///     region: RegionId::from_slug("london"),
    ///     ..Default::default()
    /// };
    /// assert_eq!(q.to_path(), "nec-2022/london/");
    /// assert_eq!(Link::default().to_path(), "");
    /// ```
    pub fn to_path(&self) -> String {
        let path = match (self.election, self.region) {
            (Some(e), Some(r)) => format!("{}/{}/", e.id, r.slug()),
            (Some(e), None) => format!("{}/", e.id),
            (None, _) => String::new(),
        };
        lang_path(self.lang, &path)
    }

    /// Encodes the shareable part (election, region, and `embed=1` for the
    /// widget) as a query string: `?election=…&region=…`, or empty.
    ///
    /// ```
    /// use slatecard_core::domain::{election::Election, link::Link, region::RegionId};
    /// let q = Link {
    ///     election: Election::by_id("nec-2022"),
    ///     region: RegionId::from_slug("london"),
    ///     ..Default::default()
    /// };
    /// assert_eq!(q.to_query(), "?election=nec-2022&region=london");
    /// ```
    pub fn to_query(&self) -> String {
        let mut query = String::new();
        let mut add = |key: &str, value: &str| {
            query.push(if query.is_empty() { '?' } else { '&' });
            query.push_str(key);
            query.push('=');
            query.push_str(value);
        };
        if let Some(e) = self.election {
            add("election", e.id);
        }
        if let Some(r) = self.region {
            add("region", r.slug());
        }
        if self.embed {
            add("embed", "1");
        }
        if let Some(prefix) = self.lang.prefix() {
            add("lang", prefix);
        }
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for e in Election::all() {
            for r in RegionId::all() {
                let q = Link {
                    election: Some(e),
                    region: Some(r),
                    ..Default::default()
                };
                assert_eq!(Link::parse(&q.to_query()), q);
            }
        }
    }

    #[test]
    fn paths_round_trip_and_old_links_still_open_their_page() {
        for e in Election::all() {
            let q = Link {
                election: Some(e),
                ..Default::default()
            };
            assert_eq!(Link::parse_address(&q.to_path(), ""), q);
            for r in RegionId::all() {
                let q = Link {
                    election: Some(e),
                    region: Some(r),
                    ..Default::default()
                };
                assert_eq!(Link::parse_address(&q.to_path(), ""), q);
                assert_eq!(Link::parse_address("", &q.to_query()), q);
            }
        }
        // A region without an election, or an unknown election, is no page.
        assert_eq!(Link::parse_address("london/", ""), Link::default());
        assert_eq!(Link::parse_address("nec-1999/london/", ""), Link::default());
    }

    #[test]
    fn links_carry_widget_options() {
        let q = Link::parse("embed=1&theme=dark&accent=%23c00");
        assert!(q.embed);
        assert_eq!(q.theme, Theme::Dark);
        assert_eq!(q.accent.as_deref(), Some("#c00"));
        assert_eq!(Link::parse("accent=red;}body{").accent, None);
    }
}
