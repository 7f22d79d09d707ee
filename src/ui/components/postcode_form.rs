use crate::domain::lookup::{resolve, Answer, LookupError, Resolution};
use crate::domain::postcode::Elsewhere;
use crate::domain::region::RegionId;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`PostcodeForm`].
#[derive(Properties, PartialEq)]
pub struct PostcodeFormProps {
    /// Called with the region found, and a sentence saying how it was found.
    pub onfound: Callback<(RegionId, String)>,
    /// Focus the field when it appears (after "Change region", not on page load).
    #[prop_or_default]
    pub take_focus: bool,
}

/// What the field shows under it.
#[derive(Clone, PartialEq)]
enum Feedback {
    None,
    Error(String),
    Answer(Answer),
}

/// The postcode field: full or partial postcodes, looked up on the device.
///
/// Works without a `<form>` submit (blocked in sandboxed embeds): Enter in the
/// field and the button both look up. The postcode stays in this component's
/// memory only: never in the URL, storage or a request.
#[component]
pub fn PostcodeForm(props: &PostcodeFormProps) -> Html {
    let input = use_node_ref();
    let feedback = use_state(|| Feedback::None);
    {
        let input = input.clone();
        let take_focus = props.take_focus;
        use_effect_with((), move |_| {
            if let Some(el) = input.cast::<HtmlInputElement>().filter(|_| take_focus) {
                let _ = el.focus();
            }
        });
    }

    let lookup = {
        let input = input.clone();
        let feedback = feedback.clone();
        let onfound = props.onfound.clone();
        Callback::from(move |()| {
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            match resolve(&el.value()) {
                Ok(answer) => {
                    if let Resolution::Region(r) = answer.resolution {
                        onfound.emit((r, answer.message()));
                    }
                    feedback.set(Feedback::Answer(answer));
                }
                Err(LookupError::Postcode(e)) => feedback.set(Feedback::Error(e.to_string())),
                Err(LookupError::Table(e)) => feedback.set(Feedback::Error(format!(
                    "Postcode search is unavailable ({e}). Please choose your region below."
                ))),
            }
        })
    };
    let onkeydown = {
        let lookup = lookup.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                lookup.emit(());
            }
        })
    };
    let onclick = {
        let lookup = lookup.clone();
        Callback::from(move |_| lookup.emit(()))
    };
    let pick = |r: RegionId, message: String| {
        let onfound = props.onfound.clone();
        Callback::from(move |_| onfound.emit((r, message.clone())))
    };

    let error = match &*feedback {
        Feedback::Error(e) => Some(e.clone()),
        _ => None,
    };
    let described = if error.is_some() {
        "sc-postcode-hint sc-postcode-error"
    } else {
        "sc-postcode-hint"
    };
    html! {
        <section class={classes!("sc-postcode", error.is_some().then_some("sc-postcode--error"))} role="search" aria-labelledby="sc-postcode-label">
            <label id="sc-postcode-label" for="sc-postcode" class="sc-postcode-label">{ "Your postcode" }</label>
            <p id="sc-postcode-hint" class="sc-hint">
                { "The postcode of the address on your Labour membership, or just its first part, like SW1A. It stays on your device." }
            </p>
            if let Some(e) = &error {
                <p id="sc-postcode-error" class="sc-error" data-testid="postcode-error">
                    <span class="sc-visually-hidden">{ "Error: " }</span>{ e.clone() }
                </p>
            }
            <div class="sc-postcode-row">
                <input
                    ref={input}
                    id="sc-postcode"
                    data-testid="postcode-input"
                    type="text"
                    name="postcode"
                    autocomplete="postal-code"
                    autocapitalize="characters"
                    enterkeyhint="search"
                    spellcheck="false"
                    maxlength="64"
                    aria-describedby={described}
                    aria-invalid={error.is_some().to_string()}
                    {onkeydown}
                />
                <button type="button" class="sc-button" data-testid="postcode-submit" {onclick}>{ "Find my region" }</button>
            </div>
            <div aria-live="polite" data-testid="postcode-answer">
                if let Feedback::Answer(a) = &*feedback {
                    if !matches!(a.resolution, Resolution::Region(_)) {
                        <p class="sc-answer">{ a.message() }</p>
                    }
                    if let Resolution::Choice(regions) = &a.resolution {
                        <ul class="sc-choice" role="list">
                            for r in regions.iter().copied() {
                                <li>
                                    <button type="button" class="sc-region" data-testid={format!("choice-{}", r.slug())}
                                        onclick={pick(r, format!("You chose {}.", r.name()))}>
                                        { r.name() }
                                    </button>
                                </li>
                            }
                        </ul>
                    }
                    if matches!(&a.resolution, Resolution::Outside(e) if *e != Elsewhere::NonGeographic) {
                        <button type="button" class="sc-button" data-testid="choose-international"
                            onclick={pick(RegionId::international(), "You chose Labour International.".to_owned())}>
                            { "Show Labour International" }
                        </button>
                    }
                }
            </div>
        </section>
    }
}
