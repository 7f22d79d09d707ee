use crate::domain::election::Election;
use crate::domain::view::status_line;
use crate::ui::browser;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`ElectionPicker`].
#[derive(Properties, PartialEq)]
pub struct ElectionPickerProps {
    /// The election shown.
    pub election: &'static Election,
    /// Called with the election the member picks.
    pub onpick: Callback<&'static Election>,
}

/// Chooses the election, and says whether voting is open.
#[component]
pub fn ElectionPicker(props: &ElectionPickerProps) -> Html {
    let onchange = {
        let onpick = props.onpick.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(election) = Election::by_id(&select.value()) {
                onpick.emit(election);
            }
        })
    };
    let (status, open) = status_line(props.election, browser::now_utc_minutes());
    html! {
        <section class="sc-election" aria-labelledby="sc-election-label">
            <label id="sc-election-label" for="sc-election">{ "Election" }</label>
            <select id="sc-election" data-testid="election-select" {onchange}>
                for e in Election::all() {
                    <option value={e.id} selected={e.id == props.election.id}>{ e.short_title }</option>
                }
            </select>
            <p class={classes!("sc-status", open.then_some("sc-status--open"))} data-testid="election-status">
                { status }
            </p>
        </section>
    }
}
