//! The postcode island: the member's first module, which runs the postcode
//! box of a pre-rendered landing or election page, and nothing else that
//! draws.
//!
//! Every page a member can reach is pre-rendered (`prerender`), drawn by
//! the full [`App`](crate::app::App) at build time. On the landing page and
//! each election's page the only thing the member needs a module for is the
//! postcode box. This shell holds the page's [`Model`] (built by
//! [`Model::island`]) and sends everything that happens to the core's
//! [`update`]: what the member does in the box, a click on a region's link,
//! Back and Forward, the postcode table and the election's pages arriving.
//! It performs the [`Effect`]s `update` returns and makes the page show what
//! [`view`] says: the box's answer (drawn by the same [`PostcodeForm`]), and
//! the page of the region found, put in place of this one from the
//! election's bundle (`nec-2026/regions.html`, every region's page of one
//! election: the request names the election, never the region or the
//! postcode). Nothing here decides.
//!
//! Anything else (the election drop-down, the embed panel, the controls of
//! a result page) starts the full app (start.js), which takes the page over:
//! this module then stands aside (`stood_aside`).

use crate::components::{remembered_notice, PostcodeForm, PUBLISHED_TABLE, REGION_BUNDLE};
use crate::domain::link::Link;
use crate::domain::model::{update, Effect, Event, Focus, Found, Model};
use crate::domain::page::{chooser, Chooser};
use crate::domain::region::RegionId;
use crate::text::{catalogue, Catalogue as _, Lang};
use crate::web;
use gloo::events::EventListenerOptions;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, Element, HtmlElement, HtmlTemplateElement};
use yew::prelude::*;

/// The island: the core's model, and what the page holds for it.
struct Island {
    /// The page's model: the core decides every change to it.
    model: Model,
    /// `#app` when the module started: once the full app has replaced it,
    /// this module does nothing more.
    app: Element,
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
    /// Redraws the box (the [`Finder`] component) with the chooser's state.
    redraw: Option<Callback<Chooser>>,
}

thread_local! {
    static ISLAND: RefCell<Option<Island>> = const { RefCell::new(None) };
}

/// True once the full app has taken the page over (or the module never
/// started): the island then leaves everything to it.
fn stood_aside() -> bool {
    ISLAND.with(|i| {
        i.borrow().as_ref().is_none_or(|i| {
            gloo::utils::document().get_element_by_id("app").as_ref() != Some(&i.app)
        })
    })
}

/// Sends `event` to the core, draws what it now says, and performs the
/// effects it asked for.
fn send(event: Event) {
    if stood_aside() {
        return;
    }
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
        if page.chooser.is_none() {
            said_how_found(page.found.as_ref(), page.from_link, page.link.region);
        }
        // For the full app, should it take the page over (lib.rs): the
        // member's own step, and how it was found.
        hint_for_the_full_app(&page);
    }
    if let Some(chooser) = page.chooser {
        let redraw = ISLAND.with(|i| i.borrow().as_ref().and_then(|i| i.redraw.clone()));
        if let Some(redraw) = redraw {
            redraw.emit(chooser);
        }
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

/// As the full app draws a region the member chose: no "not your region?"
/// (they just said it is), and how it was found, before the order.
fn said_how_found(found: Option<&Found>, from_link: bool, region: Option<RegionId>) {
    let document = gloo::utils::document();
    if !from_link {
        if let Ok(Some(note)) = document.query_selector("#app [data-testid=from-link]") {
            note.remove();
        }
    }
    if let (Some(found), Some(region), Ok(Some(result))) = (
        found,
        region,
        document.query_selector("#app [data-testid=result]"),
    ) {
        if let Ok(p) = document.create_element("p") {
            p.set_class_name("sc-found");
            let _ = p.set_attribute("data-testid", "found-by");
            p.set_text_content(Some(&catalogue(Lang::En).found(found, region)));
            let _ = result.before_with_node_1(&p);
        }
    }
}

/// `#app`'s `data-sc-found`, read by the full app when it takes over
/// (`Event::Resumed`): how the member's own step found the region shown.
fn hint_for_the_full_app(page: &Shown) {
    let hint = (page.chooser.is_none() && !page.from_link)
        .then(|| page.found.as_ref().map(Found::to_hint).unwrap_or_default());
    if let Some(app) = gloo::utils::document().get_element_by_id("app") {
        let _ = match hint {
            Some(hint) => app.set_attribute("data-sc-found", &hint),
            None => app.remove_attribute("data-sc-found"),
        };
    }
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
            format!("{}{}/{REGION_BUNDLE}", web::page_base(), election.id),
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
                // never fetched: loading it would serve this page again. The
                // full app shows any page (start.js starts it).
                web::tell_start_script("sc-finder-cannot");
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
    if stood_aside() || e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
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

/// Props of [`Finder`].
#[derive(Properties, PartialEq)]
pub struct FinderProps {
    /// The box's state when first drawn.
    pub chooser: Chooser,
    /// Called once the box is drawn, to put it in place of the pre-rendered one.
    pub drawn: Callback<()>,
}

/// The postcode box, with the remembered region above it: what the
/// landing page's `div.sc-finder` holds, drawn by the same pieces as the
/// full app's, from the core's [`Chooser`].
#[component]
pub fn Finder(props: &FinderProps) -> Html {
    let chooser = use_state(|| props.chooser.clone());
    {
        let drawn = props.drawn.clone();
        let setter = chooser.setter();
        use_effect_with((), move |_| {
            ISLAND.with(|i| {
                if let Some(i) = i.borrow_mut().as_mut() {
                    i.redraw = Some(Callback::from(move |c| setter.set(c)));
                }
            });
            drawn.emit(());
        });
    }
    let dispatch = Callback::from(send);
    let forget = Callback::from(|_| send(Event::Forget));
    html! {
        <>
            if let Some((region, path)) = &chooser.remembered {
                // (A click on it is the island's: `clicked`.)
                { remembered_notice(Lang::En, *region, path.clone(), None, forget) }
            }
            <PostcodeForm lang={Lang::En} feedback={chooser.feedback.clone()} {dispatch} />
        </>
    }
}

/// Starts the island on a page with a postcode box (`div.sc-finder` in
/// `#app`): builds the page's model, draws the box in a detached element
/// and puts it in place of the pre-rendered one once drawn (start.js
/// carries over what the member typed meanwhile), and tells the core it
/// started. Does nothing elsewhere.
pub fn start() {
    let document = gloo::utils::document();
    let (Some(app), Ok(Some(old))) = (web::app_root(), document.query_selector("#app .sc-finder"))
    else {
        return;
    };
    let home = Link::from_path(&web::page_path().unwrap_or_default());
    // Served for another address: a region's page (start.js starts the
    // full app for any other).
    let here = Link::from_path(&web::address().0);
    let arrived = (here != home && here.region.is_some()).then_some(here);
    let mut model = Model::island(&Link {
        election: arrived.as_ref().map_or(home.election, |a| a.election),
        ..home.clone()
    });
    if let Some(r) = web::remembered_region() {
        let _ = update(&mut model, Event::Remembered(r));
    }
    let chooser = chooser(&model);
    ISLAND.with(|i| {
        *i.borrow_mut() = Some(Island {
            shown: model.link(),
            model,
            app: app.clone(),
            title: document.title(),
            bundle: None,
            saved: None,
            arrived: arrived.is_some(),
            redraw: None,
        })
    });
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
    );
    std::mem::forget(listeners); // for the page's lifetime
    send(Event::Started);
    if let Some(link) = arrived {
        send(Event::ServedFor(link));
    }
    let Ok(fresh) = document.create_element("div") else {
        return;
    };
    fresh.set_class_name("sc-finder");
    if let Some(election) = old.get_attribute("data-election") {
        let _ = fresh.set_attribute("data-election", &election);
    }
    let drawn = {
        let fresh = fresh.clone();
        Callback::from(move |()| {
            let _ = old.replace_with_with_node_1(&fresh);
        })
    };
    let props = FinderProps { chooser, drawn };
    yew::Renderer::<Finder>::with_root_and_props(fresh, props).render();
}
