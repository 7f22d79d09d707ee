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
use super::region::RegionId;

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
}

impl Link {
    /// Decodes a query string, with or without its leading `?`.
    ///
    /// ```
    /// use slatecard::domain::link::Link;
    /// let q = Link::parse("?election=nec-2020&region=south-west&x=%ZZ");
    /// assert_eq!(q.election.unwrap().id, "nec-2020");
    /// assert_eq!(q.region.unwrap().name(), "South West");
    /// assert_eq!(Link::parse("region=atlantis").region, None);
    /// ```
    pub fn parse(search: &str) -> Link {
        let mut q = Link::default();
        let search = search.strip_prefix('?').unwrap_or(search);
        for pair in search.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match percent_decode(key).as_str() {
                "election" => q.election = Election::by_id(value.trim()),
                "region" => q.region = RegionId::from_slug(value.trim()),
                "embed" => q.embed = matches!(value.as_str(), "1" | "true" | ""),
                "theme" => q.theme = Theme::from_name(&value).unwrap_or_default(),
                "accent" if valid_accent(&value) => q.accent = Some(value),
                _ => {}
            }
        }
        q
    }

    /// Decodes a page's path under the app's base (`nec-2022/london/`,
    /// `nec-2022/`, or empty), then its query string, whose known values win.
    ///
    /// ```
    /// use slatecard::domain::link::Link;
    /// let q = Link::parse_address("nec-2020/south-west/", "");
    /// assert_eq!((q.election.unwrap().id, q.region.unwrap().slug()), ("nec-2020", "south-west"));
    /// let old = Link::parse_address("", "?election=nec-2022&region=wales");
    /// assert_eq!(old.region.unwrap().slug(), "wales");
    /// assert_eq!(Link::parse_address("index.html", "").election, None);
    /// ```
    pub fn parse_address(path: &str, search: &str) -> Link {
        let mut segments = path.split('/').filter(|s| !s.is_empty());
        // Ids and slugs are plain ASCII: a path segment needs no decoding.
        let election = segments.next().and_then(Election::by_id);
        let region = election.and(segments.next()).and_then(RegionId::from_slug);
        let mut link = Link::parse(search);
        link.election = link.election.or(election);
        link.region = link.region.or(region);
        link
    }

    /// The page's path under the app's base: `nec-2022/london/`,
    /// `nec-2022/`, or empty for the landing page.
    ///
    /// ```
    /// use slatecard::domain::{election::Election, link::Link, region::RegionId};
    /// let q = Link {
    ///     election: Election::by_id("nec-2022"),
    ///     region: RegionId::from_slug("london"),
    ///     ..Default::default()
    /// };
    /// assert_eq!(q.to_path(), "nec-2022/london/");
    /// assert_eq!(Link::default().to_path(), "");
    /// ```
    pub fn to_path(&self) -> String {
        match (self.election, self.region) {
            (Some(e), Some(r)) => format!("{}/{}/", e.id, r.slug()),
            (Some(e), None) => format!("{}/", e.id),
            (None, _) => String::new(),
        }
    }

    /// Encodes the shareable part (election, region, and `embed=1` for the
    /// widget) as a query string: `?election=…&region=…`, or empty.
    ///
    /// ```
    /// use slatecard::domain::{election::Election, link::Link, region::RegionId};
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
