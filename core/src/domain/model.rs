//! What a page knows and how it changes: [`Model`], [`Event`] and [`update`].
//!
//! Every shell (the full app, the compact widget, the postcode island of a
//! pre-rendered page) holds a `Model`, turns what the member does and what
//! arrives into an [`Event`], calls [`update`], performs the [`Effect`]s it
//! returns and draws [`super::page::view`] of the result. Nothing here knows
//! about the browser or about words: it is plain data, tested natively.

use super::election::Election;
use super::embedding::Theme;
use super::link::{Link, Unknown};
use super::lookup::{resolve, Answer, LookupError, Resolution};
use super::region::RegionId;
use super::table::TableError;

/// Which shell draws the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The full page: pickers, the embed panel, the footer.
    #[default]
    App,
    /// The compact widget for blogs (`?embed=1` or `mount()`).
    Widget,
}

/// The interface's language. Only the tag: the words are in `crate::text`.
/// A page's language is in its address (`/cy/…` is Welsh; see
/// [`crate::domain::link::Link`]), never guessed from the browser.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English (United Kingdom).
    #[default]
    En,
    /// Welsh (Cymraeg).
    Cy,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cy];

    /// The address's word for the language (`cy`), or none for English,
    /// whose pages are at the top.
    #[inline]
    pub fn prefix(self) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::Cy => Some("cy"),
        }
    }

    /// The language a value names (`cy`, `CY`, `en`), if any.
    pub fn from_name(value: &str) -> Option<Lang> {
        match value.to_ascii_lowercase().as_str() {
            "cy" => Some(Lang::Cy),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language: the one the language link offers.
    #[inline]
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Cy,
            Lang::Cy => Lang::En,
        }
    }
}

/// How the member's region was found, said back to them above the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// From a postcode (or part of one), as understood: `SW1A 1AA`.
    Postcode {
        /// The input as understood.
        understood: String,
        /// True when an O/0 or I/1 slip was corrected.
        repaired: bool,
    },
    /// Picked by the member after a postcode that spans regions or lies
    /// outside the UK.
    Chosen,
}

/// Where the shell gets the page it shows for a region.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pages {
    /// The shell draws every page itself (the full app, the widget).
    #[default]
    Drawn,
    /// The postcode island of a pre-rendered page: the election's
    /// pre-rendered pages (its bundle) are on their way.
    Fetching,
    /// The island has the election's pre-rendered pages: a region's is put
    /// in place of the page shown.
    Ready,
    /// The election's pages could not be fetched: a region's page is loaded
    /// from the host ([`Effect::Load`]).
    Unavailable,
}

/// Where the focus goes after a step the member took.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The heading of the region's order.
    Result,
    /// The postcode field.
    Postcode,
}

/// Something the core asks its shell to do, returned by [`update`]. The
/// shell performs each in order and reports what came of it as an [`Event`]
/// where one is named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Fetch the postcode table; then send [`Event::PostcodeTableReady`]
    /// (whether or not it arrived).
    FetchTable,
    /// Fetch this election's pre-rendered pages (its bundle); then send
    /// [`Event::PagesArrived`].
    FetchPages(&'static Election),
    /// A new history entry for this link: a step the member took, which
    /// Back undoes.
    PushLink(Link),
    /// Remember this region on the device (`None`: forget it), where
    /// storage allows.
    Remember(Option<RegionId>),
    /// Move the focus (only ever after the member did something).
    Focus(Focus),
    /// Load this link's page from the host: the shell cannot show it in
    /// place (the election's pages did not arrive).
    Load(Link),
}

/// A step the member took (or a move through history) while the
/// election's pages were on their way: taken when they arrive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    /// The page to show.
    pub link: Link,
    /// How its region was found, for a step the member took.
    pub found: Option<Found>,
    /// Why it is shown.
    pub why: Why,
}

/// Why a page is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// A step the member took: a history entry, the focus moved to it, the
    /// region remembered.
    Step,
    /// Back or Forward to a step the member took: theirs, as before.
    Back,
    /// The address the page was served for: as a link opens it.
    Link,
}

/// What the page knows. The postcode the member typed lives here only, in
/// memory: never in the URL, storage or a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Model {
    /// Which shell draws it.
    pub mode: Mode,
    /// The interface's language.
    pub lang: Lang,
    /// The election shown (defaults to the most recent).
    pub election: &'static Election,
    /// The member's region, once chosen.
    pub region: Option<RegionId>,
    /// How the region was found from a postcode, if it was.
    pub found: Option<Found>,
    /// The answer to the last postcode typed, while it did not settle the
    /// region (an error, a split district, a place outside the UK).
    pub lookup: Option<Result<Answer, LookupError>>,
    /// A postcode typed before the postcode table arrived: looked up as soon
    /// as it does ([`Event::PostcodeTableReady`]).
    pub pending: Option<String>,
    /// True once the member has done something on this page (rather than
    /// arriving by a link): only then does focus move.
    pub interacted: bool,
    /// What the link that opened the page asked for but names nothing we
    /// know: said at the top of the page until the member chooses.
    pub unknown: Vec<Unknown>,
    /// The widget's theme.
    pub theme: Theme,
    /// The widget's accent colour, `#rgb` or `#rrggbb`.
    pub accent: Option<String>,
    /// The region this device remembers for the member (full page only, and
    /// only where storage works), offered when choosing a region.
    pub remembered: Option<RegionId>,
    /// Where the shell gets a region's page.
    pub pages: Pages,
    /// A page to show once the election's pages arrive.
    pub held: Option<Held>,
    /// The island's own page (the landing page or an election's): with the
    /// regions' pages of its election, what it can show in place.
    pub home: Option<Link>,
}

/// Something that happened: what the member did, or where they arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The member asked to look up what they typed in the postcode field.
    PostcodeEntered(String),
    /// The member picked a region from the list of regions.
    RegionPicked(RegionId),
    /// The member picked one of the regions a postcode's answer offered (a
    /// split district, or Labour International for a place outside the UK).
    AnswerPicked(RegionId),
    /// The member wants to choose their region again.
    ChangeRegion,
    /// The member went Back (or Forward) to a step they took: the page shows
    /// that step's link again, as their own choice.
    WentBack(Link),
    /// The device remembers this region for the member (read from storage
    /// when the page opens).
    Remembered(RegionId),
    /// The member asked the device to forget their region.
    Forget,
    /// The postcode table arrived (or failed to): a waiting postcode is
    /// looked up now.
    PostcodeTableReady,
    /// The shell started: it fetches what the page needs
    /// ([`Effect::FetchTable`], and [`Effect::FetchPages`] for the island).
    Started,
    /// The election's pre-rendered pages arrived (`true`) or could not be
    /// fetched (`false`): a page held meanwhile is shown, or loaded.
    PagesArrived(bool),
    /// The page was served for another address (offline, the service
    /// worker's copy of the landing page for a region's page never
    /// visited): show that address's page, as a link opens it.
    ServedFor(Link),
}

impl Model {
    /// The model a link opens, for a shell in `mode`.
    ///
    /// ```
    /// use slatecard_core::domain::{link::Link, model::{Mode, Model}};
    /// let m = Model::new(Mode::App, &Link::parse("?region=wales"));
    /// assert_eq!(m.region.unwrap().name(), "Wales");
    /// assert!(!m.interacted);
    /// ```
    pub fn new(mode: Mode, link: &Link) -> Model {
        Model {
            mode,
            lang: link.lang,
            election: link.election_or_latest(),
            region: link.region,
            found: None,
            lookup: None,
            pending: None,
            interacted: false,
            unknown: link.unknown.clone(),
            theme: link.theme,
            accent: link.accent.clone(),
            remembered: None,
            pages: Pages::Drawn,
            held: None,
            home: None,
        }
    }

    /// The model of a pre-rendered page's postcode island: the page a link
    /// opens, whose regions' pages come from the election's bundle.
    pub fn island(link: &Link) -> Model {
        Model {
            pages: Pages::Fetching,
            home: Some(Link {
                election: link.election,
                lang: link.lang,
                ..Link::default()
            }),
            ..Model::new(Mode::App, link)
        }
    }

    /// The region to remember on this device: one the member found or chose
    /// themselves (never one that only came with a link).
    pub fn to_remember(&self) -> Option<RegionId> {
        self.region
            .filter(|_| self.interacted && self.mode == Mode::App)
    }

    /// The link that shows this page to someone else: election and region
    /// only, never a postcode. On the island's own page, that page's link
    /// (the landing page's names no election).
    pub fn link(&self) -> Link {
        match &self.home {
            Some(home) if self.region.is_none() && self.is_home_election() => home.clone(),
            _ => self.link_to(Some(self.election), self.region),
        }
    }

    /// A link to `election`'s page for `region`, in the page's language.
    pub fn link_to(&self, election: Option<&'static Election>, region: Option<RegionId>) -> Link {
        Link {
            election,
            region,
            lang: self.lang,
            ..Link::default()
        }
    }

    fn is_home_election(&self) -> bool {
        self.home
            .as_ref()
            .is_some_and(|h| h.election_or_latest().id == self.election.id)
    }

    fn settle(&mut self, region: Option<RegionId>, found: Option<Found>) {
        self.region = region;
        self.found = found;
        self.lookup = None;
        self.pending = None;
        self.unknown.clear();
        self.interacted = true;
    }
}

/// Applies `event` to `model`, and returns what the shell must do for it,
/// in order.
///
/// ```
/// use slatecard_core::domain::model::{update, Effect, Event, Found, Mode, Model};
/// let mut m = Model::new(Mode::App, &Default::default());
/// let effects = update(&mut m, Event::PostcodeEntered("ne1 4st".into()));
/// assert_eq!(m.region.unwrap().name(), "Northern");
/// assert!(matches!(m.found, Some(Found::Postcode { .. })));
/// assert!(effects.contains(&Effect::PushLink(m.link())));
/// ```
#[must_use = "the shell performs the effects the core asks for"]
pub fn update(model: &mut Model, event: Event) -> Vec<Effect> {
    match event {
        Event::Started => {
            let mut effects = vec![Effect::FetchTable];
            if model.pages == Pages::Fetching {
                effects.push(Effect::FetchPages(model.election));
            }
            effects
        }
        Event::PostcodeEntered(text) => {
            let answer = resolve(&text);
            looked_up(model, text, answer)
        }
        Event::PostcodeTableReady => match model.pending.take() {
            Some(text) => update(model, Event::PostcodeEntered(text)),
            None => Vec::new(),
        },
        Event::PagesArrived(arrived) => {
            if model.pages != Pages::Fetching {
                return Vec::new();
            }
            model.pages = if arrived {
                Pages::Ready
            } else {
                Pages::Unavailable
            };
            match model.held.take() {
                Some(held) => take(model, held),
                None => Vec::new(),
            }
        }
        Event::RegionPicked(r) => step(model, Some(r), None),
        Event::AnswerPicked(r) => step(model, Some(r), Some(Found::Chosen)),
        Event::ChangeRegion => step(model, None, None),
        Event::ServedFor(link) => take(
            model,
            Held {
                link,
                found: None,
                why: Why::Link,
            },
        ),
        Event::Remembered(r) => {
            model.remembered = Some(r);
            Vec::new()
        }
        Event::Forget => {
            model.remembered = None;
            // The notice and its button go: the focus goes on to the box,
            // never back to the page's start.
            vec![Effect::Remember(None), Effect::Focus(Focus::Postcode)]
        }
        Event::WentBack(link) => take(
            model,
            Held {
                link,
                found: None,
                why: Why::Back,
            },
        ),
    }
}

/// Opens `link` as a link opens a page, keeping what belongs to the
/// device and the shell (language, look, remembered region, pages).
fn open(model: &mut Model, link: &Link) {
    *model = Model {
        lang: model.lang,
        theme: model.theme,
        accent: model.accent.take(),
        remembered: model.remembered,
        pages: model.pages,
        held: None,
        home: model.home.take(),
        ..Model::new(model.mode, link)
    };
}

/// The member settled their region (`None`: asked to choose again), found
/// as said: the page shows it, a history entry records it, the focus moves
/// to it and the device remembers it. While the election's pages are on
/// their way, it waits for them.
fn step(model: &mut Model, region: Option<RegionId>, found: Option<Found>) -> Vec<Effect> {
    let link = match region {
        Some(_) => model.link_to(Some(model.election), region),
        None => model
            .home
            .clone()
            .unwrap_or_else(|| model.link_to(Some(model.election), None)),
    };
    take(
        model,
        Held {
            link,
            found,
            why: Why::Step,
        },
    )
}

/// Shows the page `held` names, or holds it until the election's pages
/// arrive, or asks for it to be loaded when they cannot.
fn take(model: &mut Model, held: Held) -> Vec<Effect> {
    match model.in_place(&held.link) {
        InPlace::Yes => {}
        InPlace::Later => {
            // Said while they arrive ("Looking it up…").
            model.lookup = None;
            model.pending = None;
            model.interacted |= held.why == Why::Step;
            model.held = Some(held);
            return Vec::new();
        }
        InPlace::No => {
            model.held = None;
            return vec![Effect::Load(held.link)];
        }
    }
    let Held { link, found, why } = held;
    if why != Why::Step {
        open(model, &link);
        model.interacted = why == Why::Back;
        return Vec::new();
    }
    if let Some(e) = link.election {
        model.election = e;
    }
    model.settle(link.region, found);
    let mut effects = vec![Effect::PushLink(model.link())];
    if let Some(r) = model.to_remember() {
        effects.push(Effect::Remember(Some(r)));
    }
    effects.push(Effect::Focus(match model.region {
        Some(_) => Focus::Result,
        None => Focus::Postcode,
    }));
    effects
}

/// Whether the shell can show a link's page where the member is.
enum InPlace {
    Yes,
    /// Once the election's pages arrive.
    Later,
    /// Only by loading it.
    No,
}

impl Model {
    fn in_place(&self, link: &Link) -> InPlace {
        let Some(home) = &self.home else {
            return InPlace::Yes; // The shell draws every page.
        };
        if link.election_or_latest().id != home.election_or_latest().id {
            return InPlace::No;
        }
        if link.region == home.region {
            return InPlace::Yes;
        }
        if link.region.is_none() {
            return InPlace::No;
        }
        match self.pages {
            Pages::Drawn | Pages::Ready => InPlace::Yes,
            Pages::Fetching => InPlace::Later,
            Pages::Unavailable => InPlace::No,
        }
    }
}

/// Applies the answer to a postcode lookup of `text`.
fn looked_up(model: &mut Model, text: String, answer: Result<Answer, LookupError>) -> Vec<Effect> {
    match answer {
        Ok(Answer {
            understood,
            repaired,
            resolution: Resolution::Region(r),
            ..
        }) => step(
            model,
            Some(r),
            Some(Found::Postcode {
                understood,
                repaired,
            }),
        ),
        // The table is still downloading: answer as soon as it is here.
        Err(LookupError::Table(TableError::NotLoaded)) => {
            model.lookup = None;
            model.pending = Some(text);
            model.interacted = true;
            Vec::new()
        }
        other => {
            model.lookup = Some(other);
            model.pending = None;
            model.interacted = true;
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_postcode_typed_before_the_table_arrives_is_answered_when_it_does() {
        let mut m = Model::new(Mode::App, &Link::default());
        let _ = looked_up(
            &mut m,
            "NE1 4ST".to_owned(),
            Err(LookupError::Table(TableError::NotLoaded)),
        );
        assert_eq!(m.pending.as_deref(), Some("NE1 4ST"));
        assert_eq!((m.lookup.clone(), m.region), (None, None));
        // Natively the table is built in, so the answer comes at once.
        let _ = update(&mut m, Event::PostcodeTableReady);
        assert_eq!(m.pending, None);
        assert_eq!(m.region.map(|r| r.slug()), Some("northern"));
        // Nothing waiting: the table arriving changes nothing.
        let before = m.clone();
        assert_eq!(update(&mut m, Event::PostcodeTableReady), vec![]);
        assert_eq!(m, before);
    }

    #[test]
    fn choosing_a_region_forgets_a_waiting_postcode() {
        let mut m = Model::new(Mode::App, &Link::default());
        let _ = looked_up(
            &mut m,
            "NE1 4ST".to_owned(),
            Err(LookupError::Table(TableError::NotLoaded)),
        );
        let _ = update(
            &mut m,
            Event::RegionPicked(RegionId::from_slug("wales").unwrap()),
        );
        assert_eq!(m.pending, None);
        let _ = update(&mut m, Event::PostcodeTableReady);
        assert_eq!(m.region.map(|r| r.slug()), Some("wales"));
    }
}
