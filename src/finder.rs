//! The member's first module: the postcode box, and nothing else that draws.
//!
//! Every page a member can reach is pre-rendered (`prerender`), drawn by
//! the full [`App`](crate::app::App) at build time. On the landing page and
//! each election's page the only thing the member needs the app for is the
//! postcode box: this module runs it (the same [`PostcodeForm`], the same
//! lookup and words) and shows the region it finds by putting that region's
//! pre-rendered page in place of this one, from the election's bundle
//! (`nec-2026/regions.html`, every region's page of one election: the
//! request names the election, never the region or the postcode). Back and
//! "Change region" bring the page back as it was.
//!
//! Anything else (the election drop-down, the embed panel, the controls of
//! a result page) starts the full app as before (start.js), which takes the
//! page over: this module then stands aside (`stood_aside`). Splitting it
//! from the full app keeps the member's first load under 96 KB brotli
//! (`reports/size-analysis.md`).

use crate::components::{remembered_notice, PostcodeForm, PUBLISHED_TABLE, REGION_BUNDLE};
use crate::domain::lookup::{resolve, LookupError, Resolution};
use crate::domain::model::{Event, Found};
use crate::domain::page::{feedback, Feedback};
use crate::domain::region::RegionId;
use crate::domain::table::TableError;
use crate::text::{catalogue, Catalogue as _, Lang};
use crate::web;
use gloo::events::EventListenerOptions;
use std::cell::RefCell;
use std::ops::Not as _;
use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, Element, HtmlElement, HtmlTemplateElement};
use yew::prelude::*;

/// What the module keeps between events: the page it started on, the
/// election's bundle once fetched, and the page taken out while a region's
/// is shown (put back by Back or "Change region").
struct Pages {
    /// `#app` when the module started: once the full app has replaced it,
    /// this module does nothing more.
    app: Element,
    /// The page's path under the app's address (`""`, `nec-2022/`).
    home: String,
    /// The page's title, for its tab when it is back.
    title: String,
    /// The election's folder (`nec-2026/`): its bundle and its region pages.
    election: String,
    /// The bundle, parsed, once it has arrived (`None` while on its way).
    bundle: Option<DocumentFragment>,
    /// The bundle could not be fetched: regions open as ordinary pages.
    unavailable: bool,
    /// A region found before the bundle arrived, shown when it does.
    waiting: Option<(RegionId, How)>,
    /// The page was served for another address (a region's page not yet
    /// visited, offline: the service worker's copy of the landing page):
    /// that region's page is shown from the bundle, or else the full app
    /// is asked to show it.
    arrived: bool,
    /// The home page's content while a region's page is shown.
    saved: Option<DocumentFragment>,
}

thread_local! {
    static PAGES: RefCell<Option<Pages>> = const { RefCell::new(None) };
}

/// True once the full app has taken the page over (or the module never
/// started): the finder then leaves everything to it.
fn stood_aside() -> bool {
    PAGES.with(|p| {
        p.borrow().as_ref().is_none_or(|p| {
            gloo::utils::document().get_element_by_id("app").as_ref() != Some(&p.app)
        })
    })
}

/// Why a region's page is shown.
#[derive(Clone, Debug, PartialEq)]
enum How {
    /// The member found or chose it (a new history entry, the focus on it,
    /// remembered), with how it was found (a postcode, a choice).
    Step(Option<Found>),
    /// Back or Forward moved to it.
    History,
    /// It is the page's own address: as the page a link opens.
    Link,
}

/// Puts the pre-rendered page of `region` in place of the page shown, and
/// words and records it as `how` says; while the bundle is on its way, as
/// soon as it arrives. False when the bundle has no such page.
fn show_region(region: RegionId, how: How) -> bool {
    let document = gloo::utils::document();
    // None: not in the bundle; Some(None): handled otherwise (later, by a
    // page load or by the full app); Some(Some(path)): shown.
    let shown = PAGES.with(|p| {
        let mut p = p.borrow_mut();
        let p = p.as_mut()?;
        let path = format!("{}{}/", p.election, region.slug());
        let Some(bundle) = p.bundle.as_ref() else {
            if p.arrived && p.unavailable {
                // The full app shows any page (start.js starts it).
                web::tell_start_script("sc-finder-cannot");
            } else if p.unavailable {
                // Offline before the bundle was ever fetched, or a host
                // without it: the region's own page (the service worker's
                // copy when it has one).
                let _ = gloo::utils::window()
                    .location()
                    .assign(&format!("{}{path}", web::page_base()));
            } else {
                p.waiting = Some((region, how.clone()));
            }
            return Some(None);
        };
        let template: HtmlTemplateElement = bundle
            .query_selector(&format!("template[data-path=\"{path}\"]"))
            .ok()
            .flatten()?
            .dyn_into()
            .ok()?;
        let fresh = template.content().clone_node_with_deep(true).ok()?;
        // The page shown goes aside (the home page: kept for Back).
        let out = document.create_document_fragment();
        while let Some(child) = p.app.first_child() {
            let _ = out.append_child(&child);
        }
        if p.saved.is_none() {
            p.saved = Some(out);
        }
        let _ = p.app.append_child(&fresh);
        if let Some(title) = template.get_attribute("data-title") {
            document.set_title(&title);
        }
        Some(Some(path))
    });
    let Some(path) = shown else { return false };
    let Some(path) = path else { return true };
    // As the full app draws a region the member chose: no "not your region?"
    // (they just said it is), and how it was found, before the order.
    if how != How::Link {
        if let Ok(Some(note)) = document.query_selector("#app [data-testid=from-link]") {
            note.remove();
        }
    }
    if let (How::Step(Some(found)), Ok(Some(result))) =
        (&how, document.query_selector("#app [data-testid=result]"))
    {
        if let Ok(p) = document.create_element("p") {
            p.set_class_name("sc-found");
            let _ = p.set_attribute("data-testid", "found-by");
            p.set_text_content(Some(&catalogue(Lang::En).found(found, region)));
            let _ = result.before_with_node_1(&p);
        }
    }
    web::set_page_path(&path);
    // For the full app, should it take the page over (lib.rs): the member's
    // own step, and how it was found.
    let hint = match &how {
        How::Step(found) => Some(found.as_ref().map(Found::to_hint).unwrap_or_default()),
        How::History => Some(String::new()),
        How::Link => None,
    };
    if let Some(app) = document.get_element_by_id("app") {
        let _ = match hint {
            Some(hint) => app.set_attribute("data-sc-found", &hint),
            None => app.remove_attribute("data-sc-found"),
        };
    }
    if let How::Step(_) = how {
        web::push_path(&path);
        web::remember_region(Some(region));
        focus("sc-result-heading");
    }
    true
}

/// True once the election's bundle has arrived.
fn bundle_ready() -> bool {
    PAGES.with(|p| p.borrow().as_ref().is_some_and(|p| p.bundle.is_some()))
}

/// Puts the home page back (Back, or "Change region"); `push` as for
/// [`show_region`]. False when there is none to put back.
fn show_home(push: bool) -> bool {
    let document = gloo::utils::document();
    let home = PAGES.with(|p| {
        let mut p = p.borrow_mut();
        let p = p.as_mut()?;
        let saved = p.saved.take()?;
        while let Some(child) = p.app.first_child() {
            let _ = p.app.remove_child(&child);
        }
        let _ = p.app.append_child(&saved);
        Some((p.home.clone(), p.title.clone()))
    });
    let Some((home, title)) = home else {
        return false;
    };
    document.set_title(&title);
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.remove_attribute("data-sc-found");
    }
    web::set_page_path(&home);
    if push {
        web::push_path(&home);
        focus("sc-postcode");
    }
    true
}

fn focus(id: &str) {
    if let Some(el) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The region whose page `path` (under the app's address) is, in this
/// election.
fn region_at(path: &str) -> Option<RegionId> {
    let election = PAGES.with(|p| p.borrow().as_ref().map(|p| p.election.clone()))?;
    let slug = path.strip_prefix(&election)?.strip_suffix('/')?;
    RegionId::from_slug(slug)
}

/// Back or Forward, between the home page and its regions' pages.
fn went_to(path: &str) {
    if stood_aside() {
        return;
    }
    let home = PAGES.with(|p| p.borrow().as_ref().map(|p| p.home.clone()));
    let moved = if home.as_deref() == Some(path) {
        show_home(false)
    } else {
        region_at(path).is_some_and(|r| show_region(r, How::History))
    };
    if !moved {
        let _ = gloo::utils::window().location().reload();
    }
}

/// A click on the page: a link to one of this election's region pages (the
/// list of regions, the remembered region) shows it here; "Change region" and
/// "not your region?" bring the home page back. Any other click is left to
/// the browser and start.js.
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
    let done = if matches!(testid.as_str(), "change-region" | "not-my-region") {
        // (Not on a page served for another address: its home page is the
        // landing page, not the election's, which the link opens.)
        let arrived = PAGES.with(|p| p.borrow().as_ref().is_some_and(|p| p.arrived));
        !arrived && show_home(true)
    } else {
        let href = link.get_attribute("href").unwrap_or_default();
        region_at(&href).is_some_and(|r| show_region(r, How::Step(None)))
    };
    if done {
        e.prevent_default();
    }
}

/// Props of [`Finder`].
#[derive(Properties, PartialEq)]
pub struct FinderProps {
    /// The postcode table's address.
    pub table: AttrValue,
    /// Called once the box is drawn, to put it in place of the pre-rendered one.
    pub drawn: Callback<()>,
}

/// The postcode box, with the remembered region above it: what the
/// landing page's `div.sc-finder` holds, drawn by the same pieces as the
/// full app's.
#[component]
pub fn Finder(props: &FinderProps) -> Html {
    let answer = use_state(|| None::<Feedback>);
    let pending = use_mut_ref(|| None::<String>);
    let remembered = use_state(web::remembered_region);
    let look_up = {
        let answer = answer.clone();
        let pending = pending.clone();
        move |text: String| {
            let result = resolve(&text);
            match &result {
                Err(LookupError::Table(TableError::NotLoaded)) => {
                    *pending.borrow_mut() = Some(text);
                    answer.set(Some(Feedback::Waiting));
                }
                Ok(a) => match a.resolution {
                    Resolution::Region(r) => {
                        let found = Found::Postcode {
                            understood: a.understood.clone(),
                            repaired: a.repaired,
                        };
                        // (Said while the election's pages are on their way.)
                        answer.set(bundle_ready().not().then_some(Feedback::Waiting));
                        show_region(r, How::Step(Some(found)));
                    }
                    _ => answer.set(Some(feedback(&result))),
                },
                Err(_) => answer.set(Some(feedback(&result))),
            }
        }
    };
    {
        let drawn = props.drawn.clone();
        use_effect_with((), move |_| drawn.emit(()));
    }
    {
        let table = props.table.to_string();
        let look_up = look_up.clone();
        let pending = pending.clone();
        use_effect_with((), move |_| {
            web::load_postcode_table(table, move || {
                let waiting = pending.borrow_mut().take();
                if let Some(text) = waiting {
                    look_up(text);
                }
            })
        });
    }
    let dispatch = {
        let answer = answer.clone();
        Callback::from(move |e: Event| match e {
            Event::PostcodeEntered(text) => look_up(text),
            Event::AnswerPicked(r) => {
                answer.set(None);
                show_region(r, How::Step(Some(Found::Chosen)));
            }
            _ => {}
        })
    };
    let forget = {
        let remembered = remembered.clone();
        Callback::from(move |_| {
            web::remember_region(None);
            remembered.set(None);
        })
    };
    let election = PAGES.with(|p| p.borrow().as_ref().map(|p| p.election.clone()));
    html! {
        <>
            if let (Some(region), Some(election)) = (*remembered, election) {
                // (A click on it is the finder's: `clicked`.)
                { remembered_notice(Lang::En, region, format!("{election}{}/", region.slug()), None, forget) }
            }
            <PostcodeForm lang={Lang::En} feedback={(*answer).clone()} {dispatch} />
        </>
    }
}

/// Starts the finder on a page with a postcode box (`div.sc-finder` in
/// `#app`): fetches the election's bundle, draws the box in a detached
/// element and puts it in place of the pre-rendered one once drawn (start.js
/// carries over what the member typed meanwhile). Does nothing elsewhere.
pub fn start() {
    let document = gloo::utils::document();
    let (Some(app), Ok(Some(old))) = (web::app_root(), document.query_selector("#app .sc-finder"))
    else {
        return;
    };
    let Some(mut election) = old.get_attribute("data-election") else {
        return;
    };
    let base = web::page_base();
    let home = web::page_path().unwrap_or_default();
    // Served for another address: a region's page (start.js starts the
    // full app for any other).
    let here = web::address().0;
    let arrived = (here != home)
        .then(|| {
            let (folder, slug) = here.strip_suffix('/')?.split_once('/')?;
            Some((format!("{folder}/"), RegionId::from_slug(slug)?))
        })
        .flatten();
    if let Some((folder, _)) = &arrived {
        election = folder.clone();
    }
    PAGES.with(|p| {
        *p.borrow_mut() = Some(Pages {
            app: app.clone(),
            home,
            title: document.title(),
            election: election.clone(),
            bundle: None,
            unavailable: false,
            arrived: arrived.is_some(),
            waiting: arrived.map(|(_, region)| (region, How::Link)),
            saved: None,
        })
    });
    web::fetch_text(format!("{base}{election}{REGION_BUNDLE}"), |text| {
        let parsed = text.and_then(|text| {
            let holder: HtmlTemplateElement = gloo::utils::document()
                .create_element("template")
                .ok()?
                .dyn_into()
                .ok()?;
            holder.set_inner_html(&text);
            Some(holder.content())
        });
        let (waiting, arrived) = PAGES.with(|p| {
            let mut p = p.borrow_mut();
            let Some(p) = p.as_mut() else {
                return (None, false);
            };
            p.unavailable = parsed.is_none();
            p.bundle = parsed;
            (p.waiting.take(), p.arrived)
        });
        if let Some((region, how)) = waiting {
            if !show_region(region, how) && arrived {
                // Not in the bundle either: the full app shows it.
                web::tell_start_script("sc-finder-cannot");
            }
        }
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
            went_to(&web::address().0)
        }),
    );
    std::mem::forget(listeners); // for the page's lifetime
    let Ok(fresh) = document.create_element("div") else {
        return;
    };
    fresh.set_class_name("sc-finder");
    let _ = fresh.set_attribute("data-election", &election);
    let drawn = {
        let fresh = fresh.clone();
        Callback::from(move |()| {
            let _ = old.replace_with_with_node_1(&fresh);
        })
    };
    let props = FinderProps {
        table: format!("{base}{PUBLISHED_TABLE}").into(),
        drawn,
    };
    yew::Renderer::<Finder>::with_root_and_props(fresh, props).render();
}
