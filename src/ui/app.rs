//! The full page: choose an election and a region, see the slate's advice.

use super::browser;
use super::components::{
    ElectionPicker, EmbedPanel, Footer, PostcodeForm, RegionPicker, SlateResult,
};
use super::state::{AppState, Dispatchers};
use crate::domain::query::AppQuery;
use crate::domain::view::ResultView;
use yew::prelude::*;

/// The slatecard page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState::from_query(&AppQuery::parse(&browser::location_search())));

    // Keep the address bar shareable: election and region only.
    {
        let query = state.to_query();
        use_effect_with(query, browser::replace_query);
    }

    let Dispatchers {
        onpick_election,
        onpick_region,
        onfound,
        onchange_region,
    } = Dispatchers::new(&state);

    let result = state
        .region
        .map(|r| ResultView::build(state.election, r, browser::now_utc_minutes()));

    html! {
        <>
            <header class="sc-header">
                <h1>{ "slatecard" }</h1>
                <p class="sc-tagline">{ "How your slate recommends you fill in your Labour ballot, for where you live." }</p>
            </header>
            <main id="main" class="sc-main">
                if let Some(view) = result {
                    <ElectionPicker election={state.election} onpick={onpick_election} />
                    if let Some(how) = &state.found_by {
                        <p class="sc-found" data-testid="found-by">{ how.clone() }</p>
                    }
                    <SlateResult view={view} onchange_region={onchange_region} take_focus={state.interacted} />
                } else {
                    <PostcodeForm {onfound} take_focus={state.interacted} />
                    <RegionPicker selected={state.region} onpick={onpick_region} />
                    <ElectionPicker election={state.election} onpick={onpick_election} />
                }
                <EmbedPanel base={crate::embed::page_base()} election={state.election} region={state.region} />
            </main>
            <Footer election={state.election} />
        </>
    }
}
