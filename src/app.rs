//! The full page: draws the core's [`Page`](crate::domain::page::Page) with
//! the shared components, for the pre-rendered pages (`prerender`).

use crate::components::{
    follow, link_notices, status_line, use_page, Advice, ElectionPicker, EmbedPanel, Footer,
    PostcodeForm, RegionPicker, ShareLinks,
};
use crate::domain::model::{Event, Model};
use crate::domain::page::{Body, Page};
use crate::domain::reminder::{data_url, ics};
use crate::text::{catalogue, tag, Catalogue as _, Label};
use yew::prelude::*;

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The model the page is drawn for (from its link).
    pub model: Model,
    /// The app's address (its base, e.g. `https://example.org/slatecard/`),
    /// for the embed snippets and what share and copy carry.
    pub base: AttrValue,
    /// The clock the page is drawn at (minutes since the Unix epoch, UTC).
    pub now: i64,
    /// The link of the page itself (the landing page's names no election,
    /// though it shows the latest), for the language link.
    pub own: crate::domain::link::Link,
    /// Whether the page's header and main part are landmarks (`<header>`,
    /// `<main id=main>`): a member's page. The organisers' studio draws the
    /// page as a preview inside its own main part, with plain `<div>`s.
    #[prop_or(true)]
    pub landmarks: bool,
}

/// The slatecard page, as pre-rendered for every address a member can
/// reach (`prerender`). Complete as drawn: its controls are HTML (links,
/// `<details>`, the election choice's options with their pages), and the
/// postcode box is run in place by the postcode island (`finder.rs`).
#[component]
pub fn App(props: &AppProps) -> Html {
    let (page, dispatch) = use_page(props.model.clone(), Some(props.now), props.base.clone());
    let take_focus = false;
    let (lang, t) = (page.lang, catalogue(page.lang));
    let on_result = matches!(page.body, Body::Result { .. });
    // A result page opened from a link shows the order within the first
    // screen of a phone: the other elections come after it, and so does
    // the election's status once voting has closed (while it is upcoming
    // or open, the status says when to vote and comes first).
    let closed = page.election.timing.is_closed();
    let election = html! {
        <ElectionPicker {lang} head={page.election} elections={page.elections.clone()} status={!on_result || closed} />
    };
    let (header, main) = if props.landmarks {
        ("header", "main")
    } else {
        ("div", "div")
    };
    html! {
        <>
            <@{header} class="sc-header">
                <p class="sc-brand">{ t.label(Label::Brand) }</p>
                { language_link(&page, &props.own) }
                // Keyed: another election's heading is a new element, never
                // text patched under a translating browser's own elements
                // (it wraps every text in <font>: a patch would leave the
                // old words showing).
                <h1 key={page.election.election.id} data-testid="page-heading">{ crate::components::with_data(t.page_heading(page.election.election), crate::domain::election::DataText::english(page.election.election.short_title), page.lang) }</h1>
                if !on_result {
                    <p class="sc-tagline">{ t.label(Label::Tagline) }</p>
                }
            </@>
            <@{main} id={props.landmarks.then_some("main")} class="sc-main">
                { link_notices(&page) }
                {
                    match &page.body {
                        Body::Result { found, result, back, from_link } => {
                            let path = page.link.to_path();
                            let here = format!("{}{path}", props.base);
                            let share = ShareLinks {
                                text: t.order_text(page.election.election, result, &here).into(),
                                page: here.into(),
                                path: path.into(),
                                election: format!("{}{}", props.base, back).into(),
                            };
                            html! {
                            <>
                                if *from_link {
                                    <p class="sc-notice sc-notice--region" data-testid="from-link">
                                        { t.not_your_region(result.region) }{ " " }
                                        <a href={back.clone()} data-testid="not-my-region" onclick={follow(&dispatch, Event::ChangeRegion)}>{ t.label(Label::EnterYourPostcode) }</a>
                                    </p>
                                }
                                if !closed {
                                    { status_line(lang, page.election) }
                                }
                                { reminder(&page, &share.text, props.now) }
                                <Advice {lang} found={found.clone()} result={result.clone()} back={back.clone()} dispatch={dispatch.clone()} {take_focus} share={share} />
                                { election }
                            </>
                            }
                        },
                        Body::Choose(chooser) => html! {
                            <>
                                // The postcode box, and the place of the
                                // region this device remembers: what the
                                // postcode island (`finder.rs`) runs.
                                <div class="sc-finder" data-election={election_path(&page)}>
                                <div id="sc-remembered"></div>
                                <PostcodeForm {lang} feedback={chooser.feedback.clone()} dispatch={dispatch.clone()} {take_focus} />
                                </div>
                                <RegionPicker {lang} regions={chooser.regions.clone()} dispatch={dispatch.clone()} />
                                { election }
                            </>
                        },
                    }
                }
                <EmbedPanel {lang} base={props.base.clone()} link={page.link.clone()} />
            </@>
            <Footer {lang} election={page.election.election} />
        </>
    }
}

/// The path of the page's election (`nec-2026/`, `cy/nec-2026/`): where
/// start.js finds its pages' bundle.
fn election_path(page: &Page) -> String {
    crate::domain::link::Link {
        election: Some(page.election.election),
        lang: page.lang,
        ..Default::default()
    }
    .to_path()
}

/// The same page in the other language, named in that language and marked
/// as such (`lang`, `hreflang`), so a screen reader says it in its own
/// voice.
fn language_link(page: &Page, own: &crate::domain::link::Link) -> Html {
    let other = page.lang.other();
    let link = crate::domain::link::Link {
        lang: other,
        unknown: Vec::new(),
        ..own.clone()
    };
    let path = link.to_path();
    let href = if path.is_empty() {
        "./".to_owned()
    } else {
        path
    };
    let name = catalogue(page.lang).label(Label::OtherLanguage);
    html! {
        <>
            <p class="sc-language">
                <a {href} lang={tag(other)} hreflang={tag(other)} data-testid="language-link">
                    { name }
                </a>
            </p>
        </>
    }
}

/// While voting is open (and its close known): a calendar reminder of the
/// close, built here on the device and downloaded as a file.
fn reminder(page: &Page, order: &str, now: i64) -> Html {
    let e = page.election.election;
    if page.election.timing.days_left().is_none() {
        return html! {};
    }
    let t = catalogue(page.lang);
    let region = page.link.region.map_or("all", |r| r.slug());
    let Some(file) = ics(e, region, &t.reminder(e, order), now) else {
        return html! {};
    };
    html! {
        <p class="sc-reminder">
            <a href={data_url(&file)} download={format!("{}-closes.ics", e.id)} data-testid="reminder">
                { t.label(Label::AddReminder) }
            </a>
        </p>
    }
}
