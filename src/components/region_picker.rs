use super::follow;
use crate::domain::model::Event;
use crate::domain::page::RegionChoice;
use crate::domain::region::RegionId;
use crate::text::{catalogue, Catalogue as _, Label, Lang};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`RegionPicker`].
#[derive(Properties, PartialEq)]
pub struct RegionPickerProps {
    /// The language to word it in.
    pub lang: Lang,
    /// The regions, in display order.
    pub regions: Vec<RegionChoice>,
    /// Where the choice goes.
    pub dispatch: Callback<Event>,
}

/// Every Labour region as a link to its page, plus "outside the UK" (the
/// full page). Without the app the links open the pre-rendered pages; with
/// it they send the choice to the core instead.
#[component]
pub fn RegionPicker(props: &RegionPickerProps) -> Html {
    let t = catalogue(props.lang);
    html! {
        <section class="sc-regions" aria-labelledby="sc-regions-heading">
            <h2 id="sc-regions-heading">{ t.label(Label::OrChooseRegion) }</h2>
            <p class="sc-hint">{ t.label(Label::RegionHint) }</p>
            <ul class="sc-region-list" role="list">
                for c in &props.regions {
                    <li>
                        <a
                            class="sc-region"
                            href={c.path.clone()}
                            data-testid={format!("region-{}", c.region.slug())}
                            onclick={follow(&props.dispatch, Event::RegionPicked(c.region))}
                        >
                            if c.outside_uk {
                                { t.label(Label::OutsideUk) }
                                <span class="sc-region-sub">{ t.region_name(c.region) }</span>
                            } else {
                                { t.region_name(c.region) }
                            }
                        </a>
                    </li>
                }
            </ul>
        </section>
    }
}

/// Every Labour region in a drop-down (the compact widget).
pub fn region_select(lang: Lang, regions: &[RegionChoice], dispatch: &Callback<Event>) -> Html {
    let t = catalogue(lang);
    let dispatch = dispatch.clone();
    let onchange = move |e: web_sys::Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(region) = RegionId::from_slug(&select.value()) {
            dispatch.emit(Event::RegionPicked(region));
        }
    };
    html! {
        <>
            <label for="sc-widget-region" class="sc-widget-label">{ t.label(Label::OrChooseRegion) }</label>
            <select id="sc-widget-region" data-testid="widget-region" {onchange}>
                <option value="" selected=true>{ t.label(Label::ChoosePlaceholder) }</option>
                for c in regions {
                    <option value={c.region.slug()}>{ t.region_name(c.region) }</option>
                }
            </select>
        </>
    }
}
