use crate::domain::election::Election;
use crate::domain::model::Event;
use crate::domain::page::{ElectionChoice, ElectionHead};
use crate::text::{catalogue, Catalogue as _, Label, Lang};
use web_sys::HtmlSelectElement;
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
    /// Where the choice goes.
    pub dispatch: Callback<Event>,
    /// Whether to say where voting stands under the choice (a result page
    /// says it above the order instead while the ballot is not closed).
    #[prop_or(true)]
    pub status: bool,
}

/// Chooses the election, and says whether voting is open.
#[component]
pub fn ElectionPicker(props: &ElectionPickerProps) -> Html {
    let t = catalogue(props.lang);
    let dispatch = props.dispatch.clone();
    let onchange = move |e: web_sys::Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(election) = Election::by_id(&select.value()) {
            dispatch.emit(Event::ElectionPicked(election));
        }
    };
    html! {
        <section class="sc-election" aria-labelledby="sc-election-label">
            <label id="sc-election-label" for="sc-election">{ t.label(Label::Election) }</label>
            <select id="sc-election" data-testid="election-select" {onchange}>
                for c in &props.elections {
                    <option value={c.election.id} selected={c.selected}>{ c.election.short_title }</option>
                }
            </select>
            // Without the app the drop-down cannot change the page: links can.
            <noscript>
                <p class="sc-hint">
                    { t.label(Label::OtherElections) }
                    for c in props.elections.iter().filter(|c| !c.selected) {
                        { " " }<a href={c.path.clone()}>{ c.election.short_title }</a>
                    }
                </p>
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
            <strong>{ head.election.short_title }</strong>
            <span class="sc-widget-status">{ catalogue(lang).timing(head.timing) }</span>
        </>
    }
}
