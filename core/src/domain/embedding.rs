//! Putting slatecard on other sites: the widget's look (theme, accent), the
//! options a host page passes to `mount()`, WordPress's wp-embed secret and
//! the snippets bloggers copy.

use super::election::Election;
use super::escape::html_escape;
use super::link::Link;
use super::model::Lang;
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
    /// use slatecard_core::domain::embedding::Theme;
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

/// True for an accent colour written `#rgb` or `#rrggbb`.
pub fn valid_accent(s: &str) -> bool {
    let hex = s.strip_prefix('#').unwrap_or("");
    (hex.len() == 3 || hex.len() == 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Why `mount()` refused its options. The text for the host page's author is
/// in the message catalogue (`crate::text`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionError {
    /// The options are not a plain object.
    NotAnObject,
    /// The option `key` has a value that is not a string.
    NotAString {
        /// The option's name.
        key: String,
    },
    /// No bundled election has this id.
    UnknownElection {
        /// What was given.
        value: String,
    },
    /// No region has this slug.
    UnknownRegion {
        /// What was given.
        value: String,
    },
    /// Not `light`, `dark` or `auto`.
    UnknownTheme {
        /// What was given.
        value: String,
    },
    /// Not `en` or `cy`.
    UnknownLanguage {
        /// What was given.
        value: String,
    },
    /// Not a `#rgb` or `#rrggbb` colour.
    BadAccent {
        /// What was given.
        value: String,
    },
    /// Not one of election, region, theme, accent, lang.
    UnknownOption {
        /// The option's name.
        key: String,
    },
}

impl std::error::Error for OptionError {}

/// Decodes the options a host page passes to `mount()` as name/value pairs
/// (`election`, `region`, `theme`, `accent`, `lang`). Unlike a link, which must always
/// open the app, a host page's author wants to hear about a typo, so anything
/// unknown is refused, saying what would be accepted.
///
/// ```
/// use slatecard_core::domain::embedding::{widget_options, OptionError, Theme};
/// let q = widget_options([("region", "wales"), ("theme", "dark")]).unwrap();
/// assert_eq!(q.region.unwrap().name(), "Wales");
/// assert_eq!(q.theme, Theme::Dark);
/// assert_eq!(
///     widget_options([("region", "atlantis")]),
///     Err(OptionError::UnknownRegion { value: "atlantis".into() })
/// );
/// ```
pub fn widget_options<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Link, OptionError> {
    let mut q = Link::default();
    for (key, value) in pairs {
        let value = value.trim();
        let owned = || value.to_owned();
        match key {
            "election" => {
                q.election = Some(
                    Election::by_id(value)
                        .ok_or_else(|| OptionError::UnknownElection { value: owned() })?,
                )
            }
            "region" => {
                q.region = Some(
                    RegionId::from_slug(value)
                        .ok_or_else(|| OptionError::UnknownRegion { value: owned() })?,
                )
            }
            "theme" => {
                q.theme = Theme::from_name(value)
                    .ok_or_else(|| OptionError::UnknownTheme { value: owned() })?
            }
            "lang" => {
                q.lang = Lang::from_name(value)
                    .ok_or_else(|| OptionError::UnknownLanguage { value: owned() })?
            }
            "accent" if valid_accent(value) => q.accent = Some(owned()),
            "accent" => return Err(OptionError::BadAccent { value: owned() }),
            _ => {
                return Err(OptionError::UnknownOption {
                    key: key.to_owned(),
                })
            }
        }
    }
    Ok(q)
}

/// The wp-embed secret that WordPress appends to an oEmbed iframe's URL as
/// `#?secret=…`; only short alphanumeric secrets are accepted.
///
/// ```
/// use slatecard_core::domain::embedding::wp_embed_secret;
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

/// Builds the embed snippets for the app at `base` (e.g.
/// `https://example.org/slatecard/`), preset to an election, a region and a
/// language (`lang=cy`, `data-lang="cy"` for Welsh), with
/// `title` as the link text and the iframe's title (from the catalogue).
///
/// ```
/// use slatecard_core::domain::{election::Election, embedding::embed_snippets, model::Lang};
/// let s = embed_snippets("https://example.org/", Election::by_id("nec-2022"), None, Lang::En, "How to vote");
/// assert!(s.loader.contains(r#"<script async src="https://example.org/embed.js"></script>"#));
/// assert!(s.loader.contains(r#"data-election="nec-2022""#));
/// assert_eq!(s.widget_url, "https://example.org/?election=nec-2022&embed=1");
/// ```
pub fn embed_snippets(
    base: &str,
    election: Option<&'static Election>,
    region: Option<RegionId>,
    lang: Lang,
    title: &str,
) -> EmbedSnippets {
    let base = if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    };
    let q = Link {
        election,
        region,
        embed: true,
        lang,
        ..Default::default()
    };
    let widget_url = format!("{base}{}", q.to_query());
    // The page's own address (`nec-2022/wales/`): pasted into WordPress it
    // embeds the widget preset to it (each page has its own oEmbed answer).
    let page_url = format!(
        "{base}{}",
        Link {
            embed: false,
            ..q.clone()
        }
        .to_path()
    );
    let mut attrs = String::new();
    if let Some(e) = election {
        attrs.push_str(&format!(" data-election=\"{}\"", e.id));
    }
    if let Some(r) = region {
        attrs.push_str(&format!(" data-region=\"{}\"", r.slug()));
    }
    if let Some(prefix) = lang.prefix() {
        attrs.push_str(&format!(" data-lang=\"{prefix}\""));
    }
    let (page_url, title) = (html_escape(&page_url), html_escape(title));
    EmbedSnippets {
        loader: format!(
            "<div data-slatecard{attrs}><a href=\"{page_url}\">{title}</a></div>\n<script async src=\"{base}embed.js\"></script>"
        ),
        iframe: format!(
            "<iframe src=\"{}\" title=\"{title}\" width=\"100%\" height=\"800\" style=\"border:0\" loading=\"lazy\"></iframe>",
            html_escape(&widget_url),
        ),
        link: format!("<a href=\"{page_url}\">{title}</a>"),
        widget_url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mount_options_are_strict_and_say_what_is_wrong() {
        let q = widget_options([
            ("election", "nec-2020"),
            ("region", " south-west "),
            ("theme", "light"),
            ("accent", "#0a7"),
        ])
        .unwrap();
        assert_eq!(q.election.unwrap().id, "nec-2020");
        assert_eq!(q.region.unwrap().name(), "South West");
        assert_eq!((q.theme, q.accent.as_deref()), (Theme::Light, Some("#0a7")));
        assert_eq!(widget_options([]).unwrap(), Link::default());
        let err = |k, v| widget_options([(k, v)]).unwrap_err();
        let value = |v: &str| v.to_owned();
        assert_eq!(
            err("election", "nec-2019"),
            OptionError::UnknownElection {
                value: value("nec-2019")
            }
        );
        assert_eq!(
            err("region", "Atlantis"),
            OptionError::UnknownRegion {
                value: value("Atlantis")
            }
        );
        assert_eq!(
            err("theme", "pink"),
            OptionError::UnknownTheme {
                value: value("pink")
            }
        );
        assert_eq!(
            err("accent", "red;}body{"),
            OptionError::BadAccent {
                value: value("red;}body{")
            }
        );
        assert_eq!(
            err("colour", "#c00"),
            OptionError::UnknownOption {
                key: value("colour")
            }
        );
    }
}
