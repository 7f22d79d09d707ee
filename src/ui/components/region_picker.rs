use crate::domain::region::RegionId;
use yew::prelude::*;

/// Props of [`RegionPicker`].
#[derive(Properties, PartialEq)]
pub struct RegionPickerProps {
    /// The region chosen, if any.
    pub selected: Option<RegionId>,
    /// Called with the region the member picks.
    pub onpick: Callback<RegionId>,
}

/// Every Labour region as a button, plus "outside the UK".
#[component]
pub fn RegionPicker(props: &RegionPickerProps) -> Html {
    html! {
        <section class="sc-regions" aria-labelledby="sc-regions-heading">
            <h2 id="sc-regions-heading">{ "Or choose your region" }</h2>
            <p class="sc-hint">{ "You vote with the region of the address on your Labour membership." }</p>
            <ul class="sc-region-list" role="list">
                for r in RegionId::all() {
                    <li>
                        <button
                            type="button"
                            class="sc-region"
                            data-testid={format!("region-{}", r.slug())}
                            aria-pressed={(props.selected == Some(r)).to_string()}
                            onclick={let onpick = props.onpick.clone(); move |_| onpick.emit(r)}
                        >
                            if r.region().outside_uk {
                                { "I live outside the UK" }
                                <span class="sc-region-sub">{ r.name() }</span>
                            } else {
                                { r.name() }
                            }
                        </button>
                    </li>
                }
            </ul>
        </section>
    }
}
