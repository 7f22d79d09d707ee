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
/// The preview is a frame of the widget, which loads the blogs' module: it
/// is put in the panel (from the `<template>` after the snippets, by
/// start.js) only once the panel is opened. Not a `loading="lazy"` frame:
/// Safari before 16.4 and Firefox before 121 ignore that on frames (and would
/// load the blogs' module on every page), and browsers without JavaScript
/// load lazy frames at once. Nor a frame without an address: browsers make
/// it an empty page while the page is first drawn (Lighthouse: LCP +4 %).
#[component]
pub fn EmbedPanel(props: &EmbedPanelProps) -> Html {
    let t = catalogue(props.lang);
    let s = embed_snippets(
        &props.base,
        props.link.election,
        props.link.region,
        props.link.lang,
        &t.embed_title(props.link.election),
    );
    // (Its "Copy" is start.js's, as share and copy are: the text is the
    // snippet's own.)
    let snippet = |id: &'static str, label: Label, help: Label, text: String| {
        html! {
            <div class="sc-snippet">
                <label for={id}>{ t.label(label) }</label>
                <p class="sc-hint">{ t.label(help) }</p>
                <textarea id={id} data-testid={id} readonly=true rows="3" value={text} />
                <button type="button" class="sc-link-button" data-sc-copy={id}>{ t.label(Label::Copy) }</button>
            </div>
        }
    };
    html! {
        <details class="sc-embed-panel" data-testid="embed-panel">
            <summary>{ t.label(Label::EmbedThis) }</summary>
            { snippet("embed-loader", Label::EmbedLoader, Label::EmbedLoaderHelp, s.loader) }
            { snippet("embed-iframe", Label::EmbedIframe, Label::EmbedIframeHelp, s.iframe) }
            { snippet("embed-link", Label::EmbedLink, Label::EmbedLinkHelp, s.link) }
            <template data-sc-preview="">
                <div class="sc-preview">
                    <p class="sc-hint">{ t.label(Label::Preview) }</p>
                    <iframe class="sc-embed-preview" data-testid="embed-preview" src={s.widget_url} title={t.label(Label::PreviewTitle)}></iframe>
                </div>
            </template>
        </details>
    }
}
