//! The postcode island: the one module a member's page loads. It runs the
//! postcode box of a pre-rendered landing or election page, in place, and
//! nothing else that draws.
//!
//! Every page a member can reach is pre-rendered (`prerender`) and complete:
//! its other controls are HTML (links, `<details>`, the election choice with
//! its pages, share and copy in start.js). On the landing page and each
//! election's page the postcode box needs a module. This shell holds the
//! page's [`Model`] (built by [`Model::island`]) and sends everything that
//! happens to the core's [`update`]: a postcode asked for (in the field, or
//! recorded by start.js before the island ran: [`asked`]), a click on a
//! region's link, Back and Forward, the postcode table and the election's
//! pages arriving. It performs the [`Effect`]s `update` returns and makes
//! the page show what [`view`](crate::domain::page::view) says, with the
//! same components as every page: the box's problem and answer
//! ([`PostcodeError`], [`PostcodeAnswer`], drawn into their places in the
//! pre-rendered box, whose field and button are never replaced, so what was
//! typed and the focus stay), the remembered region, and the page of the
//! region found, put in place of this one from the election's bundle
//! (`nec-2026/regions.html`, every region's page of one election: the
//! request names the election, never the region or the postcode), with how
//! it was found ([`found_by`]). Nothing here decides.

use crate::components::{
    field_marks, found_by, remembered_notice, PostcodeAnswer, PostcodeError, PUBLISHED_TABLE,
    REGION_BUNDLE,
};
use crate::domain::link::Link;
use crate::domain::model::{update, Effect, Event, Focus, Found, Model};
use crate::domain::page::{chooser, Chooser};
use crate::domain::region::RegionId;
use crate::text::Lang;
use crate::web;
use gloo::events::EventListenerOptions;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, Element, HtmlElement, HtmlInputElement, HtmlTemplateElement};
use yew::prelude::*;

/// The island: the core's model, and what the page holds for it.
struct Island {
    /// The page's model: the core decides every change to it.
    model: Model,
    /// `#app`, where the page's content is.
    app: Element,
    /// The pre-rendered postcode field, marked as the answer says.
    field: HtmlInputElement,
    /// The page's title, for its tab when it is back.
    title: String,
    /// The page the DOM shows (its link), as last drawn.
    shown: Link,
    /// The election's bundle, parsed, once it has arrived.
    bundle: Option<DocumentFragment>,
    /// The home page's content while a region's page is shown.
    saved: Option<DocumentFragment>,
    /// The page was served for another address (a region's page not yet
    /// visited, offline: the service worker's copy of the landing page).
    arrived: bool,
    /// What the island draws, as last drawn.
    drawn: Drawn,
    /// Redraws the [`IslandBox`] with it.
    redraw: Option<Callback<Drawn>>,
}

/// What the island draws with components: the box's state, and how the
/// region of the page shown was found, with the place to say it (the
/// region page's `.sc-found-by`).
#[derive(Clone, PartialEq)]
struct Drawn {
    chooser: Chooser,
    found: Option<(Found, RegionId, Element)>,
}

thread_local! {
    static ISLAND: RefCell<Option<Island>> = const { RefCell::new(None) };
}

/// Sends `event` to the core, draws what it now says, and performs the
/// effects it asked for.
fn send(event: Event) {
    let effects = ISLAND.with(|i| {
        let mut i = i.borrow_mut();
        i.as_mut()
            .map(|i| update(&mut i.model, event))
            .unwrap_or_default()
    });
    draw();
    for effect in effects {
        perform(effect);
    }
}

/// What the island draws of the core's state: the page's link, and either
/// the box (its [`Chooser`]) or a region's page with how it was found and
/// whether it came with a link. The parts of `page::view` the island needs,
/// without the advice itself (its words are in the pre-rendered page), so
/// the module carries none of the elections' text.
struct Shown {
    link: Link,
    chooser: Option<Chooser>,
    found: Option<Found>,
    from_link: bool,
}

fn shown(model: &Model) -> Shown {
    Shown {
        link: model.link(),
        chooser: model.region.is_none().then(|| chooser(model)),
        found: model.found.clone(),
        from_link: !model.interacted,
    }
}

/// Makes the page show what the core says: the page of its link (the home
/// page, or a region's from the bundle) and the box's answer.
fn draw() {
    let Some(page) = ISLAND.with(|i| i.borrow().as_ref().map(|i| shown(&i.model))) else {
        return;
    };
    let mut missing = false;
    let moved = ISLAND.with(|i| {
        let mut i = i.borrow_mut();
        let i = i.as_mut()?;
        if i.shown == page.link {
            return None;
        }
        let title = match page.chooser {
            Some(_) => put_home(i),
            None => put_region(i, &page.link),
        };
        missing = title.is_none() && page.chooser.is_none();
        if title.is_some() {
            i.shown = page.link.clone();
        }
        title
    });
    if missing {
        // The bundle lacks the page, or is of another release: load it.
        perform(Effect::Load(page.link.clone()));
    }
    if let Some(title) = moved {
        web::set_page_path(&page.link.to_path());
        gloo::utils::document().set_title(&title);
        if page.chooser.is_none() && !page.from_link {
            // The member's own step: no "not your region?" (they just
            // said it is).
            if let Ok(Some(note)) =
                gloo::utils::document().query_selector("#app [data-testid=from-link]")
            {
                note.remove();
            }
        }
    }
    let redraw = ISLAND.with(|i| {
        let mut i = i.borrow_mut();
        let i = i.as_mut()?;
        let mut drawn = i.drawn.clone();
        if let Some(chooser) = page.chooser {
            let (invalid, described) = field_marks(chooser.feedback.as_ref());
            let _ = i.field.set_attribute("aria-invalid", invalid);
            let _ = i.field.set_attribute("aria-describedby", described);
            drawn.chooser = chooser;
        }
        drawn.found = match (page.found, page.link.region) {
            (Some(found), Some(region)) => i
                .app
                .query_selector(".sc-found-by")
                .ok()
                .flatten()
                .map(|host| (found, region, host)),
            _ => None,
        };
        if drawn == i.drawn {
            return None;
        }
        i.drawn = drawn.clone();
        i.redraw.clone().map(|r| (r, drawn))
    });
    if let Some((redraw, drawn)) = redraw {
        redraw.emit(drawn);
    }
}

/// Puts the home page back in `#app` and returns its tab's title; `None`
/// when it is there already.
fn put_home(i: &mut Island) -> Option<String> {
    let saved = i.saved.take()?;
    while let Some(child) = i.app.first_child() {
        let _ = i.app.remove_child(&child);
    }
    let _ = i.app.append_child(&saved);
    Some(i.title.clone())
}

/// The bundle's page for `path` (`nec-2026/london/`).
fn template(bundle: &DocumentFragment, path: &str) -> Option<HtmlTemplateElement> {
    bundle
        .query_selector(&format!("template[data-path=\"{path}\"]"))
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Puts the pre-rendered page of `link` in `#app`, from the bundle, the
/// home page aside (kept for Back), and returns its tab's title; `None` when
/// the bundle has no such page of this release.
fn put_region(i: &mut Island, link: &Link) -> Option<String> {
    let template = template(i.bundle.as_ref()?, &link.to_path())?;
    // A bundle of another release (fetched after this page was opened)
    // whose orders differ: never a mix of two releases on one page. The
    // region's page is loaded instead, whole.
    if !web::same_orders(&template.get_attribute("data-orders").unwrap_or_default()) {
        return None;
    }
    let fresh = template.content().clone_node_with_deep(true).ok()?;
    let document = gloo::utils::document();
    let title = template
        .get_attribute("data-title")
        .unwrap_or_else(|| document.title());
    let out = document.create_document_fragment();
    while let Some(child) = i.app.first_child() {
        let _ = out.append_child(&child);
    }
    if i.saved.is_none() {
        i.saved = Some(out);
    }
    let _ = i.app.append_child(&fresh);
    Some(title)
}

/// Does what the core asked for.
fn perform(effect: Effect) {
    match effect {
        Effect::FetchTable => {
            web::load_postcode_table(format!("{}{PUBLISHED_TABLE}", web::page_base()), || {
                send(Event::PostcodeTableReady)
            })
        }
        Effect::FetchPages(election) => web::fetch_text(
            format!(
                "{}{}{REGION_BUNDLE}",
                web::page_base(),
                ISLAND
                    .with(|i| i
                        .borrow()
                        .as_ref()
                        .map(|i| i.model.link_to(Some(election), None).to_path()))
                    .unwrap_or_default()
            ),
            |text| {
                let parsed = text.and_then(|text| {
                    let holder: HtmlTemplateElement = gloo::utils::document()
                        .create_element("template")
                        .ok()?
                        .dyn_into()
                        .ok()?;
                    holder.set_inner_html(&text);
                    Some(holder.content())
                });
                let arrived = parsed.is_some();
                ISLAND.with(|i| {
                    if let Some(i) = i.borrow_mut().as_mut() {
                        i.bundle = parsed;
                    }
                });
                send(Event::PagesArrived(arrived));
            },
        ),
        Effect::PushLink(link) => web::push_path(&link.to_path()),
        Effect::Remember(region) => web::remember_region(region),
        Effect::Focus(Focus::Result) => focus("sc-result-heading"),
        Effect::Focus(Focus::Postcode) => focus("sc-postcode"),
        Effect::Load(link) => {
            let path = link.to_path();
            let arrived = ISLAND.with(|i| i.borrow().as_ref().is_some_and(|i| i.arrived));
            if arrived && web::address().0 == path {
                // Served for this address offline, and its election's pages
                // cannot be fetched (they are in the service worker's
                // precache, so hardly ever): loading it would serve this
                // page again. The member stays on it, with the box and the
                // list of regions.
            } else if web::address().0 == path {
                // Back or Forward to a page this one cannot show: load it.
                let _ = gloo::utils::window().location().reload();
            } else {
                let _ = gloo::utils::window()
                    .location()
                    .assign(&format!("{}{path}", web::page_base()));
            }
        }
    }
}

fn focus(id: &str) {
    if let Some(el) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A click on the page: a link to one of the election's region pages (the
/// list of regions, the remembered region) is the member picking it;
/// "Change region" and "not your region?" are asking to choose again. Any
/// other click is left to the browser and start.js.
fn clicked(e: &MouseEvent) {
    if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
        return;
    }
    let Some(link) = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("a[href]").ok().flatten())
    else {
        return;
    };
    let testid = link.get_attribute("data-testid").unwrap_or_default();
    let href = link.get_attribute("href").unwrap_or_default();
    let to = Link::from_path(&href);
    let arrived = ISLAND.with(|i| i.borrow().as_ref().is_some_and(|i| i.arrived));
    let event = if matches!(testid.as_str(), "change-region" | "not-my-region") {
        // (Not on a page served for another address: its home page is the
        // landing page, not the election's, which the link opens.)
        (!arrived).then_some(Event::ChangeRegion)
    } else {
        // A region of the page's election: the core says whether it is
        // shown here or loaded.
        let election = ISLAND.with(|i| i.borrow().as_ref().map(|i| i.model.election.id));
        to.region
            .filter(|_| to.election.map(|e| e.id) == election)
            .map(Event::RegionPicked)
    };
    if let Some(event) = event {
        e.prevent_default();
        send(event);
    }
}

/// Props of [`IslandBox`].
#[derive(Properties, PartialEq)]
struct IslandBoxProps {
    /// The page's language (its address's: `cy/…` is Welsh).
    lang: Lang,
    /// What to draw first.
    first: Drawn,
    /// `#sc-postcode-said`, the place of the problem with a postcode.
    said: Element,
    /// `#sc-remembered`, the place of the region this device remembers.
    remembered: Element,
}

/// What the island draws, rendered into the box's answer
/// (`#sc-postcode-answer`), with the rest in their places in the page.
#[component]
fn IslandBox(props: &IslandBoxProps) -> Html {
    let drawn = use_state(|| props.first.clone());
    {
        let setter = drawn.setter();
        use_effect_with((), move |_| {
            let latest = ISLAND.with(|i| {
                let mut i = i.borrow_mut();
                let i = i.as_mut()?;
                i.redraw = Some(Callback::from(move |d| setter.set(d)));
                Some((i.redraw.clone()?, i.drawn.clone()))
            });
            if let Some((redraw, latest)) = latest {
                redraw.emit(latest);
            }
        });
    }
    let dispatch = Callback::from(send);
    let forget = Callback::from(|_| send(Event::Forget));
    let feedback = drawn.chooser.feedback.clone();
    let lang = props.lang;
    html! {
        <>
            { create_portal(html! { <PostcodeError {lang} feedback={feedback.clone()} dispatch={dispatch.clone()} /> }, props.said.clone()) }
            if let Some((region, path)) = &drawn.chooser.remembered {
                // (A click on it is the island's: `clicked`.)
                { create_portal(remembered_notice(lang, *region, path.clone(), None, forget), props.remembered.clone()) }
            }
            if let Some((found, region, host)) = &drawn.found {
                { create_portal(found_by(lang, found, *region), host.clone()) }
            }
            <PostcodeAnswer {lang} {feedback} {dispatch} />
        </>
    }
}

/// A postcode the member asked for before the island ran (recorded by
/// start.js, which calls the module's `asked` export once, after the
/// module has started: `src/bin/island.rs`): looked up now, as if asked in
/// the box.
pub fn asked(postcode: String) {
    send(Event::PostcodeEntered(postcode));
}

/// An element of the page by its id.
fn by_id<T: JsCast>(id: &str) -> Option<T> {
    gloo::utils::document()
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// Starts the island on a page with a postcode box (`div.sc-finder` in
/// `#app`): builds the page's model, listens to the box's field and button
/// and to the page's links and history, tells the core it started, and
/// draws into the box's places. Does nothing elsewhere.
pub fn start() {
    let document = gloo::utils::document();
    let (Some(app), Ok(Some(_))) = (web::app_root(), document.query_selector("#app .sc-finder"))
    else {
        return;
    };
    let (Some(field), Some(button), Some(answer), Some(said), Some(remembered)) = (
        by_id::<HtmlInputElement>("sc-postcode"),
        by_id::<Element>("sc-postcode-submit"),
        by_id::<Element>("sc-postcode-answer"),
        by_id::<Element>("sc-postcode-said"),
        by_id::<Element>("sc-remembered"),
    ) else {
        return;
    };
    let home = Link::from_path(&web::page_path().unwrap_or_default());
    // Served for another address: a region's page, offline.
    let here = Link::from_path(&web::address().0);
    let arrived = (here != home && here.region.is_some()).then_some(here);
    let mut model = Model::island(&Link {
        election: arrived.as_ref().map_or(home.election, |a| a.election),
        ..home.clone()
    });
    if let Some(r) = web::remembered_region() {
        let _ = update(&mut model, Event::Remembered(r));
    }
    let first = Drawn {
        chooser: chooser(&model),
        found: None,
    };
    ISLAND.with(|i| {
        *i.borrow_mut() = Some(Island {
            shown: model.link(),
            model,
            app: app.clone(),
            field: field.clone(),
            title: document.title(),
            bundle: None,
            saved: None,
            arrived: arrived.is_some(),
            drawn: first.clone(),
            redraw: None,
        })
    });
    let ask = {
        let field = field.clone();
        move || send(Event::PostcodeEntered(field.value()))
    };
    let listeners = (
        gloo::events::EventListener::new_with_options(
            &app,
            "click",
            EventListenerOptions::enable_prevent_default(),
            |e| {
                if let Some(e) = e.dyn_ref::<MouseEvent>() {
                    clicked(e)
                }
            },
        ),
        gloo::events::EventListener::new(&gloo::utils::window(), "popstate", |_| {
            // (An old-style query never reaches here: the page's head sends
            // it to its page before anything runs.)
            send(Event::WentBack(Link::from_path(&web::address().0)))
        }),
        gloo::events::EventListener::new_with_options(
            &field,
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            {
                let ask = ask.clone();
                move |e| {
                    if let Some(e) = e.dyn_ref::<KeyboardEvent>().filter(|e| e.key() == "Enter") {
                        e.prevent_default();
                        ask();
                    }
                }
            },
        ),
        gloo::events::EventListener::new(&button, "click", move |_| ask()),
    );
    std::mem::forget(listeners); // for the page's lifetime
    send(Event::Started);
    if let Some(link) = arrived {
        send(Event::ServedFor(link));
    }
    let lang = ISLAND
        .with(|i| i.borrow().as_ref().map(|i| i.model.lang))
        .unwrap_or_default();
    let props = IslandBoxProps {
        lang,
        first,
        said,
        remembered,
    };
    // (Yew empties the answer first: start.js may have said "Looking up…".)
    yew::Renderer::<IslandBox>::with_root_and_props(answer, props).render();
}
