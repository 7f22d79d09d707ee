use crate::domain::election::Election;
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
                            if s.url.is_empty() {
                                { s.title }
                            } else {
                                <a href={s.url} rel="noopener noreferrer">{ s.title }</a>
                            }
                            if let Some(by) = t.published_by(s.publisher, s.date) {
                                { " " }{ by }
                            }
                            if !s.used_for.is_empty() {
                                { " — " }{ s.used_for }
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
