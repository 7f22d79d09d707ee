use crate::domain::embedding::embed_snippets;
use crate::domain::link::Link;
use crate::text::{catalogue, Catalogue as _, Label, Lang};
use yew::prelude::*;

/// Props of [`EmbedPanel`].
#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    /// The language to word it in.
    pub lang: Lang,
    /// Address of this page (origin and path).
    pub base: AttrValue,
    /// What the snippets preset (election and region).
    pub link: Link,
}

/// "Embed this": snippets for blogs, with a live preview.
///
/// The preview is a frame of the widget (which loads the blogs' module),
/// lazy, so browsers load it only once the panel is opened. Without
/// JavaScript they load lazy frames at once, so the pre-rendered page's frame
/// has no address (and is hidden by the page's no-script style): the app's
/// gives it one when it takes the page over.
#[component]
pub fn EmbedPanel(props: &EmbedPanelProps) -> Html {
    let t = catalogue(props.lang);
    let s = embed_snippets(
        &props.base,
        props.link.election,
        props.link.region,
        &t.embed_title(props.link.election),
    );
    let snippet = |id: &'static str, label: Label, help: Label, text: String| {
        let copy = text.clone();
        html! {
            <div class="sc-snippet">
                <label for={id}>{ t.label(label) }</label>
                <p class="sc-hint">{ t.label(help) }</p>
                <textarea id={id} data-testid={id} readonly=true rows="3" value={text} />
                <button type="button" class="sc-link-button" onclick={move |_| crate::web::copy_text(&copy)}>{ t.label(Label::Copy) }</button>
            </div>
        }
    };
    html! {
        <details class="sc-embed-panel" data-testid="embed-panel">
            <summary>{ t.label(Label::EmbedThis) }</summary>
            { snippet("embed-loader", Label::EmbedLoader, Label::EmbedLoaderHelp, s.loader) }
            { snippet("embed-iframe", Label::EmbedIframe, Label::EmbedIframeHelp, s.iframe) }
            { snippet("embed-link", Label::EmbedLink, Label::EmbedLinkHelp, s.link) }
            <div class="sc-preview">
                <p class="sc-hint">{ t.label(Label::Preview) }</p>
                <iframe class="sc-embed-preview" data-testid="embed-preview" src={cfg!(target_arch = "wasm32").then_some(s.widget_url)} title={t.label(Label::PreviewTitle)} loading="lazy"></iframe>
            </div>
        </details>
    }
}
