use crate::domain::election::Election;
use yew::prelude::*;

/// Props of [`Footer`].
#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The election shown, for its sources.
    pub election: &'static Election,
}

/// Privacy promise, sources and data attribution.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    html! {
        <footer class="sc-footer">
            <p>{ "slatecard works entirely on your device: nothing you choose or type is sent anywhere." }</p>
            <details>
                <summary>{ "Sources for this election" }</summary>
                <ul>
                    for s in props.election.sources {
                        <li>
                            if s.url.is_empty() {
                                { s.title }
                            } else {
                                <a href={s.url} rel="noopener noreferrer">{ s.title }</a>
                            }
                            if !s.used_for.is_empty() {
                                { format!(" — {}", s.used_for) }
                            }
                        </li>
                    }
                </ul>
            </details>
            <p class="sc-attribution">
                { "Region data: Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025. Contains National Statistics data © Crown copyright and database right 2025." }
            </p>
            <p class="sc-small">{ "slatecard is an independent tool. It is not run by the Labour Party or by any slate." }</p>
        </footer>
    }
}
