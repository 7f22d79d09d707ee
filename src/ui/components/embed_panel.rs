use crate::domain::election::Election;
use crate::domain::query::embed_snippets;
use crate::domain::region::RegionId;
use yew::prelude::*;

/// Props of [`EmbedPanel`].
#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    /// Address of this page (origin and path).
    pub base: AttrValue,
    /// The election shown.
    pub election: &'static Election,
    /// The region shown, if any (preset in the snippets).
    pub region: Option<RegionId>,
}

/// "Embed this": snippets for blogs, with a live preview.
#[component]
pub fn EmbedPanel(props: &EmbedPanelProps) -> Html {
    let s = embed_snippets(&props.base, Some(props.election), props.region);
    let copy = |text: String| {
        Callback::from(move |_| {
            // Clipboard may be unavailable (old browsers, sandboxed frames):
            // the text stays selectable in the box either way.
            let _ = gloo::utils::window()
                .navigator()
                .clipboard()
                .write_text(&text);
        })
    };
    let snippet = |id: &'static str, label: &'static str, help: &'static str, text: String| {
        html! {
            <div class="sc-snippet">
                <label for={id}>{ label }</label>
                <p class="sc-hint">{ help }</p>
                <textarea id={id} data-testid={id} readonly=true rows="3" value={text.clone()} />
                <button type="button" class="sc-link-button" onclick={copy(text)}>{ "Copy" }</button>
            </div>
        }
    };
    html! {
        <details class="sc-embed-panel" data-testid="embed-panel">
            <summary>{ "Embed this on your blog or website" }</summary>
            { snippet("embed-loader", "Script (resizes itself)", "For sites that allow scripts, e.g. a WordPress Custom HTML block.", s.loader) }
            { snippet("embed-iframe", "Plain iframe", "For sites that allow iframes but not scripts.", s.iframe) }
            { snippet("embed-link", "Link", "For sites that allow neither (e.g. WordPress.com free plans). Pasting the page address on its own line also embeds it in self-hosted WordPress.", s.link) }
            <p class="sc-hint">{ "Preview:" }</p>
            <iframe class="sc-embed-preview" src={s.widget_url} title="Preview of the embedded widget" loading="lazy"></iframe>
        </details>
    }
}
