//! The full page shell: draws the core's [`Page`](crate::domain::page::Page)
//! with the shared components and keeps the address bar shareable.

use crate::components::{
    follow, link_notices, remembered_notice, status_line, use_page, Advice, ElectionPicker,
    EmbedPanel, Footer, PostcodeForm, RegionPicker, ShareLinks,
};
use crate::domain::model::{Event, Model};
use crate::domain::page::{Body, Page};
use crate::domain::reminder::{data_url, ics};
use crate::text::{catalogue, Catalogue as _, Label};
use crate::web;
use yew::prelude::*;

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The model the page opens with (from its link).
    pub model: Model,
    /// The app's address (its base, e.g. `https://example.org/slatecard/`),
    /// for the embed snippets.
    pub base: AttrValue,
    /// The clock when pre-rendering (minutes since the Unix epoch, UTC);
    /// `None` reads the device's, and means the app is running.
    #[prop_or_default]
    pub now: Option<i64>,
    /// Called once the page has rendered for the first time (after the DOM
    /// is updated), to put it in place of the pre-rendered page.
    #[prop_or_default]
    pub on_first_render: Option<Callback<()>>,
}

/// The slatecard page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let (page, dispatch) = use_page(props.model.clone(), props.now, props.base.clone());
    // Taking the page over never moves the focus (the member may be in the
    // middle of something): only what they do afterwards does.
    let drawn = use_mut_ref(|| false);
    let take_focus = page.take_focus && *drawn.borrow();
    {
        let drawn = drawn.clone();
        use_effect(move || *drawn.borrow_mut() = true);
    }
    // Keep the address bar shareable (election and region only), a history
    // entry per step the member takes, so Back undoes the last one.
    {
        let step = page.take_focus;
        use_effect_with(page.link.clone(), move |link| web::show_link(link, step));
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            if let Some(r) = web::remembered_region() {
                dispatch.emit(Event::Remembered(r));
            }
            let listener = web::on_back(move |link| dispatch.emit(Event::WentBack(link)));
            move || drop(listener)
        });
    }
    // The tab's title says what is shown, as each pre-rendered page's does.
    use_effect_with(catalogue(page.lang).page_meta(&page).title, |title| {
        gloo::utils::document().set_title(title)
    });
    // The member's own region (found or chosen, never from a link) is
    // remembered on this device, until they say "Forget it".
    use_effect_with(page.remember, |&region| {
        if region.is_some() {
            web::remember_region(region);
        }
    });
    {
        let done = props.on_first_render.clone();
        use_effect_with((), move |_| {
            if let Some(done) = done {
                done.emit(());
            }
        });
    }
    let (lang, t) = (page.lang, catalogue(page.lang));
    let on_result = matches!(page.body, Body::Result { .. });
    // A result page opened from a link shows the order within the first
    // screen of a phone: the other elections come after it, and so does
    // the election's status once voting has closed (while it is upcoming
    // or open, the status says when to vote and comes first).
    let closed = page.election.timing.is_closed();
    let election = html! {
        <ElectionPicker {lang} head={page.election} elections={page.elections.clone()} dispatch={dispatch.clone()} status={!on_result || closed} />
    };
    html! {
        <>
            <header class="sc-header">
                <p class="sc-brand">{ t.label(Label::Brand) }</p>
                // Keyed: another election's heading is a new element, never
                // text patched under a translating browser's own elements
                // (it wraps every text in <font>: a patch would leave the
                // old words showing).
                <h1 key={page.election.election.id} data-testid="page-heading">{ t.page_heading(page.election.election) }</h1>
                if !on_result {
                    <p class="sc-tagline">{ t.label(Label::Tagline) }</p>
                }
            </header>
            <main id="main" class="sc-main">
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
                                { reminder(&page, &share.text, props.now.unwrap_or_else(web::now_utc_minutes)) }
                                <Advice {lang} found={found.clone()} result={result.clone()} back={back.clone()} dispatch={dispatch.clone()} {take_focus} share={share} />
                                { election }
                            </>
                            }
                        },
                        Body::Choose(chooser) => html! {
                            <>
                                // The postcode box and the remembered region:
                                // what the finder (the member's first module,
                                // `finder.rs`) draws in place of this element.
                                <div class="sc-finder" data-election={format!("{}/", page.election.election.id)}>
                                if let Some((region, path)) = &chooser.remembered {
                                    { remembered_notice(lang, *region, path.clone(), Some(follow(&dispatch, Event::RegionPicked(*region))), forget(&dispatch)) }
                                }
                                <PostcodeForm {lang} feedback={chooser.feedback.clone()} dispatch={dispatch.clone()} {take_focus} />
                                </div>
                                <RegionPicker {lang} regions={chooser.regions.clone()} dispatch={dispatch.clone()} />
                                { election }
                            </>
                        },
                    }
                }
                <EmbedPanel {lang} base={props.base.clone()} link={page.link.clone()} />
            </main>
            <Footer {lang} election={page.election.election} />
        </>
    }
}

/// "Forget it": the device forgets the member's region.
fn forget(dispatch: &Callback<Event>) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| {
        web::remember_region(None);
        dispatch.emit(Event::Forget);
    })
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

/// Renders the full page for `model` in place of `root` (the pre-rendered
/// page of the same model, or "Loading…"). The page is rendered into a new,
/// detached element, which replaces `root` only once it is complete: the
/// member never sees a half-built or empty page, whenever the browser paints.
#[cfg(target_arch = "wasm32")]
pub fn render(root: web_sys::Element, model: Model) {
    let Ok(fresh) = gloo::utils::document().create_element("div") else {
        return;
    };
    let swap = {
        let fresh = fresh.clone();
        Callback::from(move |()| web::take_place_of(&fresh, &root))
    };
    let props = AppProps {
        model,
        base: web::page_base().into(),
        now: None,
        on_first_render: Some(swap),
    };
    yew::Renderer::<App>::with_root_and_props(fresh, props).render();
}
