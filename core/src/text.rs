//! The message catalogue: every word a member, a blogger or a host page's
//! author reads comes from here.
//!
//! The core (`domain`) hands the shells facts and message keys ([`Label`],
//! [`Timing`], [`Answer`], …); a [`Catalogue`] turns them into text. English
//! (`en::English`) and Welsh (`cy::Welsh`) are its languages, each behind a
//! Cargo feature of the same name (`en`, `cy`; both by default): a module
//! built for one language carries only that language's words, so an English
//! page's module carries no Welsh and a Welsh page's no English. The
//! components stay as they are (they ask for the page's catalogue). Every
//! method of the trait and every [`Label`] must have text in each language,
//! so a missing message fails the build.
//!
//! The `Display` impls of the domain's member-facing errors (postcode and
//! lookup errors, `mount()` option errors) are English where English is
//! built, from here.

#[cfg(not(any(feature = "en", feature = "cy")))]
compile_error!("slatecard-core needs a language: the `en` feature, `cy`, or both");

#[cfg(feature = "cy")]
pub mod cy;
#[cfg(feature = "en")]
pub mod en;
mod shared;

use crate::domain::date::{Date, Moment};
use crate::domain::election::{Change, Election, Marking};
use crate::domain::embedding::OptionError;
use crate::domain::link::Unknown;
use crate::domain::lookup::{Answer, LookupError};
use crate::domain::model::Found;
use crate::domain::page::{
    BallotView, Eligibility, Instruction, Outcome, Page, ResultView, ResultsMissing, Timing,
};
use crate::domain::postcode::PostcodeError;
use crate::domain::region::RegionId;
use crate::domain::reminder::ReminderText;
#[cfg(not(target_arch = "wasm32"))]
use crate::domain::simulate::Simulation;
use crate::domain::table::TableError;
use core::fmt;

pub use crate::domain::model::Lang;

/// The catalogue for `lang`.
///
/// Built with one language (a browser module: the `en` feature or `cy`
/// alone), this is that language itself whatever `lang` says, so calls are
/// static and unused messages drop out of the bundle. Built with both (the
/// site builder, the blogs' module, the tests), it is [`Words`], which
/// forwards each message to the language asked for; callers see no
/// difference.
#[cfg(all(feature = "en", not(feature = "cy")))]
#[inline]
pub fn catalogue(_lang: Lang) -> &'static impl Catalogue {
    &en::English
}

/// The catalogue for `lang` (see the English-only build's).
#[cfg(all(feature = "cy", not(feature = "en")))]
#[inline]
pub fn catalogue(_lang: Lang) -> &'static impl Catalogue {
    &cy::Welsh
}

/// The catalogue for `lang` (see the English-only build's).
#[cfg(all(feature = "en", feature = "cy"))]
#[inline]
pub fn catalogue(lang: Lang) -> &'static impl Catalogue {
    match lang {
        Lang::En => &Words::En,
        Lang::Cy => &Words::Cy,
    }
}

/// The language tag for `lang` attributes and `hreflang`: `en-GB`, `cy`.
#[inline]
pub fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-GB",
        Lang::Cy => "cy",
    }
}

/// Declares [`Label`] with its variants listed once, and [`Label::ALL`]
/// from the same list.
macro_rules! labels {
    ($($(#[doc = $doc:literal])* $label:ident,)*) => {
        /// Fixed words of the interface: headings, labels, hints, buttons.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Label {
            $($(#[doc = $doc])* $label,)*
        }

        impl Label {
            /// Every label, in the order declared (for checks that each
            /// language has every one).
            pub const ALL: &'static [Label] = &[$(Label::$label),*];
        }
    };
}

labels! {
    /// The product's name, as the page's main heading.
    Brand,
    /// The language link: the other language's name, in that language
    /// ("Cymraeg" on an English page, "English" on a Welsh one).
    OtherLanguage,
    /// Offered once, at the top of a page in the other language, to a
    /// browser whose first language is this one: "This page is also in
    /// English." (never a redirect).
    LanguageOffer,
    /// Declines [`Label::LanguageOffer`] for good (on this device).
    LanguageOfferNo,
    /// What the page does, under the name.
    Tagline,
    /// The election chooser's label.
    Election,
    /// Before the links to the other elections (where the chooser cannot work).
    OtherElections,
    /// The postcode field's label.
    YourPostcode,
    /// The hint under the postcode field.
    PostcodeHint,
    /// Said where the postcode field cannot work (JavaScript off).
    PostcodeNeedsScript,
    /// Said while a postcode waits for the postcode table to arrive.
    PostcodeLoading,
    /// Said (to screen readers) before an error.
    ErrorPrefix,
    /// The postcode field's button.
    FindMyRegion,
    /// The button offering Labour International after a place outside the UK.
    ShowInternational,
    /// Heading (or label) of the region list.
    OrChooseRegion,
    /// The hint under the region list.
    RegionHint,
    /// The region list's entry for members outside the UK.
    OutsideUk,
    /// The widget's empty choice in its region list.
    ChoosePlaceholder,
    /// The button back to choosing a region.
    ChangeRegion,
    /// Before the source of a published order.
    PublishedOrder,
    /// Before a source, after other text.
    Source,
    /// The plain warning on a generated order.
    GeneratedOrder,
    /// Why an order was generated.
    GeneratedWhy,
    /// Opens the method of a generated order.
    HowOrderMade,
    /// Opens the method of the generated part of an order.
    HowRestMade,
    /// Heading of the other seats.
    OtherSeats,
    /// A seat whose picks we do not have.
    NotPublishedHere,
    /// Opens the election's notes.
    ElectionNotes,
    /// The widget's link to the full page.
    OpenFullPage,
    /// The footer's privacy promise.
    PrivacyPromise,
    /// Opens the election's sources.
    Sources,
    /// That slatecard is not the party's or a slate's.
    Independent,
    /// Opens the embed panel.
    EmbedThis,
    /// The loader snippet's label.
    EmbedLoader,
    /// When to use the loader snippet.
    EmbedLoaderHelp,
    /// The iframe snippet's label.
    EmbedIframe,
    /// When to use the iframe snippet.
    EmbedIframeHelp,
    /// The link snippet's label.
    EmbedLink,
    /// When to use the link snippet.
    EmbedLinkHelp,
    /// The copy buttons.
    Copy,
    /// Before the embed preview.
    Preview,
    /// The embed preview frame's title.
    PreviewTitle,
    /// The widget's switch for what follows the order.
    More,
    /// After "this is the order for …, not your region?": the way back to
    /// the postcode box.
    EnterYourPostcode,
    /// Before links to the regions whose orders the slate published.
    PublishedElsewhere,
    /// Shares the page (the phone's share sheet, or the link copied).
    Share,
    /// Shares the election's page, without the member's region.
    ShareWithoutRegion,
    /// Said once something was copied.
    Copied,
    /// Downloads a calendar reminder of the close.
    AddReminder,
    /// Before the region this device remembers.
    YourRegionHere,
    /// Makes the device forget the member's region.
    Forget,
    /// Beside a slate candidate who was elected.
    Elected,
    /// Heading of what changed after the count (an expulsion, a runner-up
    /// taking the seat), apart from the results.
    AfterTheCount,
    /// Beside a seat's picks that are from the nomination stage only, not
    /// confirmed on the ballot.
    NominationStage,
    /// Beside a slate candidate who was not elected.
    NotElected,
    /// Heading of the results.
    Results,
    /// After a candidate's count that the sources do not give ("—").
    CountUnknown,
    /// No list of everyone on the ballot in our sources.
    BallotUnknown,
    /// Before the seats decided unopposed.
    Unopposed,
    /// Heading of the first-preference counts of a ranked ballot.
    FirstPreferences,
    /// Heading of the vote counts of a cross ballot.
    Votes,
    /// How to mark the other seats (our sources do not say numbers or crosses).
    MarkAsAsked,
    /// Link to the page explaining why orders differ by region.
    WhyDifferent,
    /// Heading of the page shown if the app stops.
    CrashTitle,
    /// Text of the page shown if the app stops.
    CrashBody,
    /// The result card's link to its sheet of small cards to print for a stall.
    PrintCards,
}

/// Words of the build-time outputs for sharing and printing: each page's
/// preview image and each result's sheet of cards for a stall. Used only by
/// the pre-rendering (native), so they never reach the WebAssembly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrintText {
    /// Above a ranked order: `Number them in this order`.
    pub number_them: &'static str,
    /// Above a cross ballot's names.
    pub cross_each: &'static str,
    /// Under an order the slate published.
    pub published: &'static str,
    /// Under an order whose first places the slate published.
    pub partly_published: &'static str,
    /// Under an order slatecard worked out.
    pub generated: &'static str,
    /// An election page's preview: what the member finds there.
    pub each_region: &'static str,
    /// The landing page's preview: what slatecard is.
    pub landing: &'static str,
    /// The stall sheet's title, before the election and region.
    pub stall_title: &'static str,
    /// On screen above the stall sheet: how to print and cut it.
    pub stall_hint: &'static str,
    /// The stall sheet's link back to the page.
    pub back_to_page: &'static str,
    /// Under the QR code on a printed card.
    pub scan: &'static str,
    /// The "not found" page's title and heading (`404.html`).
    pub not_found: &'static str,
    /// What the "not found" page says happened, and what to do.
    pub not_found_body: &'static str,
    /// Its link to the landing page.
    pub not_found_link: &'static str,
}

/// The words of the "Why is my order different?" page
/// (`crate::prerender::why`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhyText {
    /// The page's title and heading.
    pub title: String,
    /// Why the orders differ, in paragraphs.
    pub explanation: Vec<String>,
    /// The chart's heading.
    pub chart_title: String,
    /// "Regional orders" (legend, table column).
    pub regional: String,
    /// "One order for all" (legend, table column).
    pub single: String,
    /// The simulation's heading.
    pub simulation_title: String,
    /// The label saying it is a simulation, not a result.
    pub simulation_label: String,
    /// What the simulation does.
    pub simulation_intro: String,
    /// Table caption under WIGM.
    pub wigm: String,
    /// Table caption under last-parcel Gregory.
    pub last_parcel: String,
    /// Column: the slate's share of the poll.
    pub slate_share: String,
    /// Column: slate voters who mark only a first preference.
    pub plumpers: String,
    /// Heading of the assumptions.
    pub assumptions: String,
    /// Link back to the election's page.
    pub back: String,
}

/// Words of the static files around the app: the page before the app has
/// started (or where it cannot run), the embed loader's frames and the oEmbed
/// answer. Written into those files at build time (the site builder,
/// `site/src/shell_text.rs`), so they never reach the WebAssembly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShellText {
    /// The page's `<title>`.
    pub page_title: &'static str,
    /// The page's meta description (search results, link previews).
    pub description: &'static str,
    /// Shown when JavaScript is off.
    pub no_script: &'static str,
    /// Shown while the app loads.
    pub loading: &'static str,
    /// The title of the embed loader's frames (read by screen readers).
    pub frame_title: &'static str,
    /// The oEmbed answer's title.
    pub oembed_title: &'static str,
    /// Said in the postcode box when the app cannot start (no WebAssembly,
    /// a blocked download, an old browser): the pages still work.
    pub app_failed: &'static str,
    /// Said in the widget when it cannot start.
    pub widget_failed: &'static str,
    /// The button that tries again.
    pub retry: &'static str,
    /// Said at once when a postcode is asked for before the app has loaded
    /// (the app's own first answer, `Label::PostcodeLoading`).
    pub looking_up: &'static str,
    /// Said when a link or the order was copied before the app has loaded
    /// (the app's own word, `Label::Copied`).
    pub copied: &'static str,
    /// Said at the top of a page opened before a release that changed its
    /// election's orders (start.js compares the page with `orders.json`).
    pub corrected: &'static str,
    /// The button that reloads the page for the corrected order.
    pub reload: &'static str,
}

/// A pre-rendered page's title and description (for search results and
/// link previews).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageMeta {
    /// The `<title>` and share title.
    pub title: String,
    /// The meta and share description.
    pub description: String,
}

/// Both languages, for builds with both (`en` and `cy`): each message is the
/// language's own, chosen by the variant.
#[cfg(all(feature = "en", feature = "cy"))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    /// English.
    En,
    /// Welsh.
    Cy,
}

/// Declares [`Catalogue`] from its list of messages and, in builds with both
/// languages, `impl Catalogue for Words` forwarding each message to the
/// variant's language: one list, so the two cannot drift apart.
macro_rules! catalogue {
    ($(#[$trait_attr:meta])* pub trait Catalogue {
        $($(#[$attr:meta])* fn $name:ident(&self $(, $arg:ident: $ty:ty)*) -> $ret:ty;)*
    }) => {
        $(#[$trait_attr])*
        pub trait Catalogue {
            $($(#[$attr])* fn $name(&self $(, $arg: $ty)*) -> $ret;)*
        }

        #[cfg(all(feature = "en", feature = "cy"))]
        impl Catalogue for Words {
            $(
                $(#[$attr])*
                #[inline]
                fn $name(&self $(, $arg: $ty)*) -> $ret {
                    match self {
                        Words::En => en::English.$name($($arg),*),
                        Words::Cy => cy::Welsh.$name($($arg),*),
                    }
                }
            )*
        }
    };
}

catalogue! {
/// Words for every message key and fact the core produces.
pub trait Catalogue {
    /// Words of the static files around the app.
    fn shell(&self) -> ShellText;
    /// A page's title and description, naming the election, the region and
    /// the order.
    fn page_meta(&self, page: &Page) -> PageMeta;
    /// A fixed label.
    fn label(&self, label: Label) -> &'static str;
    /// A region's name: `London`, `Llundain`.
    fn region_name(&self, region: RegionId) -> &'static str;
    /// A calendar date: `30 August 2022`.
    fn date(&self, date: Date) -> String;
    /// A date with an optional time: `12 November 2020, 12:00`.
    fn moment(&self, moment: Moment) -> String;
    /// Where a ballot stands: `Voting closed on 30 August 2022`.
    fn timing(&self, timing: Timing) -> String;
    /// How to mark the ballot.
    fn instruction(&self, instruction: Instruction) -> String;
    /// That voting has closed (or most likely has) and the results are not
    /// in the data yet. (Not a [`Label`]: only whole pages say it, so the
    /// postcode island does not carry it.)
    fn results_missing(&self, missing: ResultsMissing) -> &'static str;
    /// The button that copies the order as plain text for a message; for
    /// a cross ballot (`ranked` false), its names.
    fn copy_button(&self, ranked: bool) -> &'static str;
    /// Places 1 to `positions` were published, the rest generated.
    fn partly_published(&self, positions: u8) -> String;
    /// Who may vote for a group of seats.
    fn eligibility(&self, who: Eligibility) -> String;
    /// What to mark in a section: how (`marking`) and how many (`votes`,
    /// 0: not stated); empty when neither is known. With `Unknown` only the
    /// number is said (`Label::MarkAsAsked` says to follow the paper).
    fn marking(&self, marking: Marking, votes: u8) -> String;
    /// A list of names: `A and B`.
    fn names(&self, names: &[&str]) -> String;
    /// What a postcode lookup found.
    fn answer(&self, answer: &Answer) -> String;
    /// Why a postcode lookup gave no answer.
    fn lookup_error(&self, error: &LookupError) -> String;
    /// Why the input is not a usable postcode.
    fn postcode_error(&self, error: &PostcodeError) -> String;
    /// That the postcode table is broken.
    fn table_error(&self, error: &TableError) -> String;
    /// How the member's region was found.
    fn found(&self, found: &Found, region: RegionId) -> String;
    /// That the link asked for `unknown`, which names nothing we know; the
    /// page shows `shown` instead.
    fn unknown_link(&self, unknown: &Unknown, shown: &Election) -> String;
    /// Announced when the advice appears.
    fn showing(&self, slate: &str, region: RegionId) -> String;
    /// The postcode data's attribution, in full (`year`: the copyright year).
    fn attribution(&self, year: u16) -> String;
    /// The widget's short promise and attribution.
    fn widget_note(&self, year: u16) -> String;
    /// The words of the "Why is my order different?" page for `election`.
    fn why(&self, election: &Election) -> WhyText;
    /// The why page's synthetic poll (`poll` valid votes, `seats`) and its
    /// two counts, in one sentence.
    fn why_poll(&self, poll: u64, seats: usize) -> String;
    /// The chart's description for screen readers: each candidate's share of
    /// first preferences under the regional orders and under one order.
    /// (Native only, as the simulation is: the why pages are drawn at build
    /// time.)
    #[cfg(not(target_arch = "wasm32"))]
    fn why_chart(&self, sim: &Simulation) -> String;
    /// What the simulated counts show, in sentences (each `(simulation,
    /// true for WIGM)`), without claiming more than they do. (Native only.)
    #[cfg(not(target_arch = "wasm32"))]
    fn why_reading(&self, sims: &[(&Simulation, bool)]) -> Vec<String>;
    /// Which release of the election's data this is: "Orders last updated
    /// 30 November 2026 · version 1 · fingerprint 3f9c01ab" (footer and
    /// embeds), so anyone can compare it with the organisers' `check`.
    fn data_version(&self, election: &Election) -> String;
    /// Title of an embed of `election` (or of the app).
    fn embed_title(&self, election: Option<&Election>) -> String;
    /// Why `mount()` refused its options (for the host page's author).
    fn option_error(&self, error: &OptionError) -> String;
    /// The words of a calendar reminder of `election`'s close, with the
    /// member's `order` (as [`Catalogue::order_text`] gives it) in its notes.
    fn reminder(&self, election: &Election, order: &str) -> ReminderText;
    /// What the member may do on the ballot beyond the slate's names.
    fn after_the_slate(&self, instruction: Instruction) -> String;
    /// The page's main heading: what it is for, naming the election and slate.
    fn page_heading(&self, election: &Election) -> String;
    /// Said above an order the member did not choose (it came with the link).
    fn not_your_region(&self, region: RegionId) -> String;
    /// The order as plain text for a message: election, region, numbered
    /// names, whose order it is, and `url`.
    fn order_text(&self, election: &Election, result: &ResultView, url: &str) -> String;
    /// That the slate gave the same list to members in `others` too.
    fn shared_list(&self, others: &[RegionId]) -> String;
    /// Introduces a known list of the ballot's names (complete or not).
    fn ballot_list(&self, ballot: &BallotView) -> String;
    /// How many of the slate were elected, and when that was announced.
    fn outcome(&self, outcome: &Outcome) -> String;
    /// A number of votes, grouped (`4,686`); `quota` as published (`"12954.9"`).
    fn votes_count(&self, votes: u32) -> String;
    /// The Droop quota, as published (a decimal, e.g. `"12954.9"`).
    fn quota(&self, quota: &str) -> String;
    /// Who published a source and when, in brackets: `(LabourList, 28
    /// January 2026)`; `None` when neither is known.
    fn published_by(&self, publisher: &str, date: Option<Date>) -> Option<String>;
    /// Who won another seat, when the data has it.
    fn seat_result(&self, elected: &[&str]) -> String;
    /// Beside one of the elected: the round of the count that elected them
    /// (`elected in round 14`).
    fn elected_round(&self, round: u8) -> String;
    /// A change after the count, with its date where known.
    fn change(&self, change: &Change) -> String;
    /// Words of the preview images and the stall sheet (build time only).
    fn print_text(&self) -> PrintText;
    /// When the ballot closes, for a printed card: `Voting closes Tuesday
    /// 30 August 2022`.
    fn closes_on(&self, closes: Moment) -> String;}
}

/// The English catalogue (or the one language built), for `Display` impls.
#[inline]
fn english() -> &'static impl Catalogue {
    catalogue(Lang::En)
}

impl fmt::Display for PostcodeError {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english().postcode_error(self))
    }
}

impl fmt::Display for TableError {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english().table_error(self))
    }
}

impl fmt::Display for LookupError {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english().lookup_error(self))
    }
}

impl fmt::Display for OptionError {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english().option_error(self))
    }
}
