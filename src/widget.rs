//! The compact widget shell for blogs: draws the core's
//! [`Page`](crate::domain::page::Page) with the shared components.
//!
//! Two ways in: our own page with `?embed=1` (what the `embed.js` loader,
//! plain iframes and WordPress's oEmbed frames load), or a host page that
//! imports `slatecard.js` and calls `mount()`. In a frame the widget reports
//! its height to the parent on every layout change, both as WordPress's
//! wp-embed message and as our own; it never touches storage, cookies or the URL.

use crate::components::{
    election_status, link_notices, region_select, use_page, Advice, PostcodeForm,
};
use crate::domain::lookup::POSTCODE_DATA_YEAR;
use crate::domain::model::Model;
use crate::domain::page::Body;
use crate::text::{catalogue, Catalogue as _, Label};
use crate::web;
use web_sys::Element;
use yew::prelude::*;

/// Props of [`Widget`].
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// The model the widget opens with.
    pub model: Model,
    /// Address of the full page (for "Open full page").
    pub page_url: AttrValue,
    /// Report height to the parent frame.
    #[prop_or(true)]
    pub report_height: bool,
    /// True when the widget is the whole page (in an iframe): it is then the
    /// page's `<main>` with its `<h1>`; mounted into a host page it is a `<section>`.
    #[prop_or(true)]
    pub standalone: bool,
}

/// Reports the element's height to the parent frame whenever it changes.
#[hook]
fn use_auto_height(node: NodeRef, enabled: bool) {
    use_effect_with(enabled, move |&enabled| {
        let reporter = enabled.then(|| web::HeightReporter::start(node.cast::<Element>()));
        move || drop(reporter)
    });
}

/// The compact widget: postcode or region, then the slate's advice.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let (page, dispatch) = use_page(props.model.clone(), None, props.page_url.clone());
    let root = use_node_ref();
    use_auto_height(root.clone(), props.report_height);
    {
        let root = root.clone();
        use_effect_with(page.accent.clone(), move |accent| {
            if let Some(a) = accent {
                web::set_css_property(root.cast(), "--sc-accent", a);
            }
        });
    }
    let (lang, t) = (page.lang, catalogue(page.lang));
    let page_url = format!("{}{}", props.page_url, page.link.to_path());
    let (tag, heading) = if props.standalone {
        ("main", "h1")
    } else {
        ("section", "h2")
    };
    html! {
        <@{tag} class="sc-widget" lang={crate::text::tag(page.lang)} data-theme={page.theme.name()} data-testid="widget" ref={root} aria-labelledby="sc-widget-title">
            <@{heading} id="sc-widget-title" class="sc-widget-title">{ election_status(lang, page.election) }</@>
            { link_notices(&page) }
            {
                match &page.body {
                    Body::Result { found, result, back, .. } => html! {
                        <Advice {lang} found={found.clone()} result={result.clone()} back={back.clone()} dispatch={dispatch.clone()} take_focus={page.take_focus} compact=true />
                    },
                    Body::Choose(chooser) => html! {
                        <>
                            <PostcodeForm {lang} feedback={chooser.feedback.clone()} dispatch={dispatch.clone()} take_focus={page.take_focus} />
                            { region_select(lang, &chooser.regions, &dispatch) }
                        </>
                    },
                }
            }
            <p class="sc-widget-foot">
                <a href={page_url.clone()} target="_blank" rel="noopener" data-testid="open-full-page" onclick={open_full_page(page_url)}>{ t.label(Label::OpenFullPage) }</a>
                <span>{ t.widget_note(POSTCODE_DATA_YEAR) }</span>
                <span class="sc-widget-version" data-testid="data-version">{ " · " }{ t.data_version(page.election.election) }</span>
            </p>
        </@>
    }
}

/// "Open full page": inside a WordPress oEmbed frame (sandboxed, no new
/// windows) WordPress opens it in the top window; elsewhere it is a normal
/// link to a new tab.
fn open_full_page(url: String) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        if web::open_through_wordpress(&url) {
            e.prevent_default();
        }
    })
}

/// Renders a widget with `props` into `root`.
#[cfg(feature = "csr")]
pub fn render(root: Element, props: WidgetProps) {
    yew::Renderer::<Widget>::with_root_and_props(root, props).render();
}

/// Mounts a widget into `root` with `opts`, a plain object such as
/// `{region: "wales", theme: "dark"}` (keys: election, region, theme,
/// accent; all optional): the blogs' module's `mount()` export
/// (`src/bin/embed.rs`).
///
/// # Errors
/// Bad options, as a JS `Error` that says what is wrong (from the message
/// catalogue), never a panic.
#[cfg(feature = "csr")]
pub fn mount(root: Element, opts: wasm_bindgen::JsValue) -> Result<(), wasm_bindgen::JsValue> {
    use crate::domain::model::Mode;
    let link = web::mount_options(&opts)
        .map_err(|problem| js_sys::Error::new(&format!("slatecard: {problem}")))?;
    render(
        root,
        WidgetProps {
            model: Model::new(Mode::Widget, &link),
            page_url: web::module_base().into(),
            report_height: false,
            standalone: false,
        },
    );
    Ok(())
}
