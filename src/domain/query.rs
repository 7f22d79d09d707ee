//! The app's state as carried in a shared link: `?election=nec-2022&region=london`.
//!
//! The postcode is never part of it. Decoding is total: unknown keys, unknown
//! values and malformed escapes are ignored, so any URL opens the app.

use super::election::Election;
use super::region::RegionId;

/// Display theme for the embedded widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's system setting.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// The theme a name stands for: `light`, `dark`, or `auto` (also empty).
    ///
    /// ```
    /// use slatecard::domain::query::Theme;
    /// assert_eq!(Theme::from_name("dark"), Some(Theme::Dark));
    /// assert_eq!(Theme::from_name("pink"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Theme> {
        match name {
            "auto" | "" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The theme's name, as [`Theme::from_name`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// What a link asks the app to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppQuery {
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

/// Decodes `%XX` escapes and `+`; invalid escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn valid_accent(s: &str) -> bool {
    let hex = s.strip_prefix('#').unwrap_or("");
    (hex.len() == 3 || hex.len() == 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

impl AppQuery {
    /// Decodes a query string, with or without its leading `?`.
    ///
    /// ```
    /// use slatecard::domain::query::AppQuery;
    /// let q = AppQuery::parse("?election=nec-2020&region=south-west&x=%ZZ");
    /// assert_eq!(q.election.unwrap().id, "nec-2020");
    /// assert_eq!(q.region.unwrap().name(), "South West");
    /// assert_eq!(AppQuery::parse("region=atlantis").region, None);
    /// ```
    pub fn parse(search: &str) -> AppQuery {
        let mut q = AppQuery::default();
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

    /// Encodes the shareable part (election and region) as a query string.
    ///
    /// ```
    /// use slatecard::domain::{election::Election, query::AppQuery, region::RegionId};
    /// let q = AppQuery {
    ///     election: Election::by_id("nec-2022"),
    ///     region: RegionId::from_slug("london"),
    ///     ..Default::default()
    /// };
    /// assert_eq!(q.to_query(), "?election=nec-2022&region=london");
    /// ```
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(e) = self.election {
            parts.push(format!("election={}", e.id));
        }
        if let Some(r) = self.region {
            parts.push(format!("region={}", r.slug()));
        }
        if self.embed {
            parts.push("embed=1".to_owned());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// Decodes the options a host page passes to `mount()` as name/value pairs
/// (`election`, `region`, `theme`, `accent`). Unlike a link, which must always
/// open the app, a host page's author wants to hear about a typo, so anything
/// unknown is refused with a message that says what would be accepted.
///
/// ```
/// use slatecard::domain::query::{widget_options, Theme};
/// let q = widget_options([("region", "wales"), ("theme", "dark")]).unwrap();
/// assert_eq!(q.region.unwrap().name(), "Wales");
/// assert_eq!(q.theme, Theme::Dark);
/// assert!(widget_options([("region", "atlantis")]).unwrap_err().contains("\"atlantis\""));
/// ```
pub fn widget_options<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<AppQuery, String> {
    let mut q = AppQuery::default();
    for (key, value) in pairs {
        let value = value.trim();
        match key {
            "election" => {
                q.election = Some(Election::by_id(value).ok_or_else(|| {
                    let ids: Vec<&str> = Election::all().iter().map(|e| e.id).collect();
                    format!(
                        "no election \"{value}\": use one of {}",
                        ids.join(", ")
                    )
                })?)
            }
            "region" => {
                q.region = Some(RegionId::from_slug(value).ok_or_else(|| {
                    format!(
                        "no region \"{value}\": use a region's slug, such as \"wales\" or \"north-west\""
                    )
                })?)
            }
            "theme" => {
                q.theme = Theme::from_name(value).ok_or_else(|| {
                    format!("theme \"{value}\" is not \"light\", \"dark\" or \"auto\"")
                })?
            }
            "accent" if valid_accent(value) => q.accent = Some(value.to_owned()),
            "accent" => {
                return Err(format!(
                    "accent \"{value}\" is not a colour like \"#c00\" or \"#cc0000\""
                ))
            }
            _ => {
                return Err(format!(
                    "unknown option \"{key}\": the options are election, region, theme and accent"
                ))
            }
        }
    }
    Ok(q)
}

/// The wp-embed secret that WordPress appends to an oEmbed iframe's URL as
/// `#?secret=…`; only short alphanumeric secrets are accepted.
///
/// ```
/// use slatecard::domain::query::wp_embed_secret;
/// assert_eq!(wp_embed_secret("#?secret=Ab12Cd34Ef").as_deref(), Some("Ab12Cd34Ef"));
/// assert_eq!(wp_embed_secret("#?secret=<script>"), None);
/// assert_eq!(wp_embed_secret(""), None);
/// ```
pub fn wp_embed_secret(hash: &str) -> Option<String> {
    let rest = hash.trim_start_matches('#').trim_start_matches('?');
    rest.split('&')
        .filter_map(|p| p.strip_prefix("secret="))
        .find(|s| !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric()))
        .map(str::to_owned)
}

/// The three ways to put the widget on another site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedSnippets {
    /// Loader script plus placeholder (resizes itself; needs scripts allowed).
    pub loader: String,
    /// A plain iframe (no script on the host; fixed height).
    pub iframe: String,
    /// A link, for sites that allow neither.
    pub link: String,
    /// The widget's own URL.
    pub widget_url: String,
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Builds the embed snippets for the app at `base` (e.g.
/// `https://example.org/slatecard/`), preset to an election and region.
///
/// ```
/// use slatecard::domain::{election::Election, query::embed_snippets};
/// let s = embed_snippets("https://example.org/", Election::by_id("nec-2022"), None);
/// assert!(s.loader.contains(r#"<script async src="https://example.org/embed.js"></script>"#));
/// assert!(s.loader.contains(r#"data-election="nec-2022""#));
/// assert_eq!(s.widget_url, "https://example.org/?election=nec-2022&embed=1");
/// ```
pub fn embed_snippets(
    base: &str,
    election: Option<&'static Election>,
    region: Option<RegionId>,
) -> EmbedSnippets {
    let base = if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    };
    let q = AppQuery {
        election,
        region,
        embed: true,
        ..Default::default()
    };
    let widget_url = format!("{base}{}", q.to_query());
    let page_url = format!(
        "{base}{}",
        AppQuery {
            embed: false,
            ..q.clone()
        }
        .to_query()
    );
    let title = match election {
        Some(e) => format!("{} — how to vote", e.short_title),
        None => "slatecard — how to vote".to_owned(),
    };
    let mut attrs = String::new();
    if let Some(e) = election {
        attrs.push_str(&format!(" data-election=\"{}\"", e.id));
    }
    if let Some(r) = region {
        attrs.push_str(&format!(" data-region=\"{}\"", r.slug()));
    }
    EmbedSnippets {
        loader: format!(
            "<div data-slatecard{attrs}><a href=\"{}\">{}</a></div>\n<script async src=\"{base}embed.js\"></script>",
            html_escape(&page_url),
            html_escape(&title)
        ),
        iframe: format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"640\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>",
            html_escape(&widget_url),
            html_escape(&title)
        ),
        link: format!("<a href=\"{}\">{}</a>", html_escape(&page_url), html_escape(&title)),
        widget_url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_leniently() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%E2%9C%93"), "✓");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn round_trips() {
        for e in Election::all() {
            for r in RegionId::all() {
                let q = AppQuery {
                    election: Some(e),
                    region: Some(r),
                    ..Default::default()
                };
                assert_eq!(AppQuery::parse(&q.to_query()), q);
            }
        }
    }

    #[test]
    fn mount_options_are_strict_and_say_what_is_wrong() {
        let q = super::widget_options([
            ("election", "nec-2020"),
            ("region", " south-west "),
            ("theme", "light"),
            ("accent", "#0a7"),
        ])
        .unwrap();
        assert_eq!(q.election.unwrap().id, "nec-2020");
        assert_eq!(q.region.unwrap().name(), "South West");
        assert_eq!((q.theme, q.accent.as_deref()), (Theme::Light, Some("#0a7")));
        assert_eq!(super::widget_options([]).unwrap(), AppQuery::default());
        let err = |k, v| super::widget_options([(k, v)]).unwrap_err();
        assert_eq!(
            err("election", "nec-2019"),
            "no election \"nec-2019\": use one of nec-2022, nec-2020, nec-2018"
        );
        assert!(err("region", "Atlantis").starts_with("no region \"Atlantis\""));
        assert_eq!(
            err("theme", "pink"),
            "theme \"pink\" is not \"light\", \"dark\" or \"auto\""
        );
        assert!(err("accent", "red;}body{").starts_with("accent \"red;}body{\" is not a colour"));
        assert!(err("colour", "#c00").starts_with("unknown option \"colour\""));
    }

    #[test]
    fn links_carry_widget_options() {
        let q = AppQuery::parse("embed=1&theme=dark&accent=%23c00");
        assert!(q.embed);
        assert_eq!(q.theme, Theme::Dark);
        assert_eq!(q.accent.as_deref(), Some("#c00"));
        assert_eq!(AppQuery::parse("accent=red;}body{").accent, None);
    }
}
