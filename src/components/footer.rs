use super::{data_lang, data_text};
use crate::domain::election::{DataText, Election};
use crate::domain::lookup::POSTCODE_DATA_YEAR;
use crate::text::{catalogue, Catalogue as _, Label, Lang};
use yew::prelude::*;

/// Props of [`Footer`].
#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The language to word it in.
    pub lang: Lang,
    /// The election shown: its sources and its data's version.
    pub election: &'static Election,
}

/// Privacy promise, sources and data attribution.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let t = catalogue(props.lang);
    html! {
        <footer class="sc-footer">
            <p>{ t.label(Label::PrivacyPromise) }</p>
            <details>
                <summary>{ t.label(Label::Sources) }</summary>
                <ul>
                    for s in props.election.sources {
                        <li>
                            // A source's title is its own, as published.
                            if s.url.is_empty() {
                                { data_text(DataText::english(s.title), props.lang) }
                            } else {
                                <a href={s.url} rel="noopener noreferrer" lang={data_lang(DataText::english(s.title), props.lang)}>{ s.title }</a>
                            }
                            if let Some(by) = t.published_by(s.publisher, s.date) {
                                { " " }{ by }
                            }
                            if !s.used_for.is_empty() {
                                { " — " }{ data_text(s.used_for_in(props.lang), props.lang) }
                            }
                        </li>
                    }
                </ul>
            </details>
            <p class="sc-small" data-testid="data-version">{ t.data_version(props.election) }</p>
            <p class="sc-attribution">{ t.attribution(POSTCODE_DATA_YEAR) }</p>
            <p class="sc-small">{ t.label(Label::Independent) }</p>
        </footer>
    }
}
