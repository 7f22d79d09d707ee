//! The pieces every shell draws with. Each renders part of the core's
//! [`Page`], words it with the catalogue of the page's language (the `lang`
//! prop every component takes) and reports what the member does as one
//! [`Event`] through `dispatch`. No component decides anything:
//! `domain::model::update` and `domain::page::view` do.
//!
//! Small pieces that hold no state are plain functions returning `Html`
//! rather than components: each Yew component costs bytes in the bundle.

mod advice;
mod election_picker;
mod embed_panel;
mod footer;
mod postcode_form;
mod region_picker;

pub use advice::{found_by, Advice, AdviceProps, ShareLinks};
pub use election_picker::{election_status, status_line, ElectionPicker, ElectionPickerProps};
pub use embed_panel::{EmbedPanel, EmbedPanelProps};
pub use footer::{Footer, FooterProps};
pub use postcode_form::{
    field_marks, PostcodeAnswer, PostcodeAnswerProps, PostcodeError, PostcodeForm,
    PostcodeFormProps,
};
pub use region_picker::{region_select, RegionPicker, RegionPickerProps};

use crate::domain::election::DataText;
use crate::domain::model::{update, Event, Model};
use crate::domain::page::{view, Page};
use crate::text::{Catalogue as _, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// The `lang` attribute of an element holding only `text`, free text of
/// the data, on a page in `page`: its language's tag where that is not the
/// page's (English data text on a Welsh page, where the data has no
/// Welsh), so screen readers change voice; none otherwise (Welsh text is
/// never marked English).
pub fn data_lang(text: DataText, page: Lang) -> Option<AttrValue> {
    text.foreign_on(page)
        .map(|lang| AttrValue::Static(crate::text::tag(lang)))
}

/// `text`, free text of the data, as it stands in a sentence: in a `<span>`
/// marked with its language where that is not the page's ([`data_lang`]),
/// else as it is (no element an English page would not need).
pub fn data_text(text: DataText, page: Lang) -> Html {
    match data_lang(text, page) {
        Some(lang) => html! { <span {lang}>{ text.text }</span> },
        None => html! { text.text },
    }
}

/// A sentence of the catalogue (`sentence`) that holds `data`, free text
/// of the data, as written: `data` in its own element marked with its
/// language where that is not the page's ([`data_lang`]), the rest as it is.
pub fn with_data(sentence: String, data: DataText, page: Lang) -> Html {
    match (data_lang(data, page), sentence.find(data.text)) {
        (Some(lang), Some(at)) if !data.is_empty() => {
            let (before, rest) = sentence.split_at(at);
            let after = &rest[data.text.len()..];
            html! {
                <>{ before.to_owned() }<span {lang}>{ data.text }</span>{ after.to_owned() }</>
            }
        }
        _ => html! { sentence },
    }
}

/// What the link asked for but names nothing we know, said before anything
/// else on the page.
pub fn link_notices(page: &Page) -> Html {
    let t = crate::text::catalogue(page.lang);
    html! {
        for u in &page.unknown {
            <p class="sc-notice" role="status" data-testid="link-notice">{ with_data(t.unknown_link(u, page.election.election), DataText::english(page.election.election.short_title), page.lang) }</p>
        }
    }
}

/// "Your region, remembered on this device: London. Forget it", above the
/// postcode box: the region's page at `href` (`onclick`: what the shell does
/// instead of loading it, if anything) and the button that forgets it.
/// Drawn alike by the full app and the finder, whose box takes this one's
/// place.
pub fn remembered_notice(
    lang: crate::text::Lang,
    region: crate::domain::region::RegionId,
    href: String,
    onclick: Option<Callback<MouseEvent>>,
    forget: Callback<MouseEvent>,
) -> Html {
    let t = crate::text::catalogue(lang);
    html! {
        <p class="sc-notice sc-notice--region" data-testid="remembered">
            <span>
                { t.label(crate::text::Label::YourRegionHere) }
                <a {href} data-testid="remembered-region" {onclick}>{ t.region_name(region) }</a>
            </span>
            { " " }
            <button type="button" class="sc-link-button" data-testid="forget-region" onclick={forget}>{ t.label(crate::text::Label::Forget) }</button>
        </p>
    }
}

/// A click handler for a link that also works without the app: with it, the
/// click becomes `event` and the browser does not navigate.
pub fn follow(dispatch: &Callback<Event>, event: Event) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: MouseEvent| {
        // Let the browser open a new tab as usual (other buttons than the
        // main one fire `auxclick`, not `click`).
        if e.ctrl_key() || e.meta_key() {
            return;
        }
        e.prevent_default();
        dispatch.emit(event.clone());
    })
}

/// A shell's model, as Yew state: each [`Event`] goes through
/// [`update`], and an event that changes nothing re-renders nothing.
#[derive(PartialEq)]
struct Core(Model);

impl Reducible for Core {
    type Action = Event;

    fn reduce(self: Rc<Self>, event: Event) -> Rc<Self> {
        let mut next = self.0.clone();
        // The full app draws every page itself and derives the address,
        // focus and remembered region from the `Page` it draws.
        let _effects = update(&mut next, event);
        if next == self.0 {
            self
        } else {
            Rc::new(Core(next))
        }
    }
}

/// The postcode table's published name, content-addressed
/// ([`crate::domain::lookup::PUBLISHED_TABLE_FILE`], from `core/build.rs`):
/// hosts may cache it for a year.
pub const PUBLISHED_TABLE: &str = crate::domain::lookup::PUBLISHED_TABLE_FILE;

/// Each election's bundle of region pages, in its folder
/// (`nec-2026/regions.html`): every region's page as pre-rendered (the
/// content of `#app`), each in a `<template data-path=… data-title=…>`.
/// Written by `prerender`; the finder shows a region it finds from it.
pub const REGION_BUNDLE: &str = "regions.html";

/// The page for `initial` as it changes, with the callback that sends it
/// events. The clock is read once per render: the device's, or `now`
/// (minutes since the Unix epoch, UTC) when pre-rendering. Once the page is
/// on screen, the postcode table is fetched from `base` (`labour.<hash>.bin`,
/// [`PUBLISHED_TABLE`], kept out of the first load) and the core told when it is
/// there.
#[hook]
pub fn use_page(initial: Model, now: Option<i64>, base: AttrValue) -> (Page, Callback<Event>) {
    let core = use_reducer(move || Core(initial));
    let page = view(&core.0, now.unwrap_or_else(crate::web::now_utc_minutes));
    let dispatch = core.dispatcher().to_callback();
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            crate::web::load_postcode_table(format!("{base}{PUBLISHED_TABLE}"), move || {
                dispatch.emit(Event::PostcodeTableReady)
            })
        });
    }
    (page, dispatch)
}
