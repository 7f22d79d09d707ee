use super::data_lang;
use crate::domain::election::DataText;
use crate::domain::page::{ElectionChoice, ElectionHead};
use crate::text::{catalogue, Catalogue as _, Label, Lang};
use yew::prelude::*;

/// Props of [`ElectionPicker`].
#[derive(Properties, PartialEq)]
pub struct ElectionPickerProps {
    /// The language to word it in.
    pub lang: Lang,
    /// The election shown and where its ballot stands.
    pub head: ElectionHead,
    /// The elections to choose from.
    pub elections: Vec<ElectionChoice>,
    /// Whether to say where voting stands under the choice (a result page
    /// says it above the order instead while the ballot is not closed).
    #[prop_or(true)]
    pub status: bool,
}

/// Chooses the election, and says whether voting is open.
///
/// The choice opens that election's pre-rendered page for the same region
/// (each option's `data-path`, relative to the page's `<base>`): start.js
/// goes there on a choice made with a pointer at once, and on one made with
/// the arrow keys once it is confirmed (Enter, or leaving the field), so
/// that stepping through the list does not leave the page. Without script,
/// the links under it do the same. `autocomplete="off"`: a page come back
/// to (Back) shows its own election, never the one chosen to leave it.
#[component]
pub fn ElectionPicker(props: &ElectionPickerProps) -> Html {
    let t = catalogue(props.lang);
    html! {
        <section class="sc-election" aria-labelledby="sc-election-label">
            <label id="sc-election-label" for="sc-election">{ t.label(Label::Election) }</label>
            <select id="sc-election" data-testid="election-select" autocomplete="off">
                for c in &props.elections {
                    <option value={c.election.id} selected={c.selected} data-path={c.path.clone()} lang={data_lang(DataText::english(c.election.short_title), props.lang)}>{ c.election.short_title }</option>
                }
            </select>
            // Without the app the drop-down cannot change the page: links can.
            <noscript>
                <p class="sc-hint" id="sc-other-elections">{ t.label(Label::OtherElections) }</p>
                <ul class="sc-other-elections" role="list" aria-labelledby="sc-other-elections">
                    for c in props.elections.iter().filter(|c| !c.selected) {
                        <li><a href={c.path.clone()} lang={data_lang(DataText::english(c.election.short_title), props.lang)}>{ c.election.short_title }</a></li>
                    }
                </ul>
            </noscript>
            if props.status {
                { status_line(props.lang, props.head) }
            }
        </section>
    }
}

/// Where voting stands in `head`'s election ("Voting closes in 3 days…").
pub fn status_line(lang: Lang, head: ElectionHead) -> Html {
    html! {
        <p key={head.election.id} class={classes!("sc-status", head.timing.is_open().then_some("sc-status--open"))} data-testid="election-status">
            { catalogue(lang).timing(head.timing) }
        </p>
    }
}

/// The election's short title and status, as the widget's heading text.
pub fn election_status(lang: Lang, head: ElectionHead) -> Html {
    html! {
        <>
            <strong lang={data_lang(DataText::english(head.election.short_title), lang)}>{ head.election.short_title }</strong>
            <span class="sc-widget-status">{ catalogue(lang).timing(head.timing) }</span>
        </>
    }
}
