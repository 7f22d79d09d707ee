use crate::domain::model::Event;
use crate::domain::page::Feedback;
use crate::text::{catalogue, Catalogue as _, Label, Lang};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`PostcodeForm`].
#[derive(Properties, PartialEq)]
pub struct PostcodeFormProps {
    /// The language to word it in.
    pub lang: Lang,
    /// What to say under the field after a lookup.
    pub feedback: Option<Feedback>,
    /// Where lookups and picks go.
    pub dispatch: Callback<Event>,
    /// Focus the field when it appears (after "Change region", not on page load).
    #[prop_or_default]
    pub take_focus: bool,
}

/// The postcode field: full or partial postcodes, looked up on the device.
///
/// On a pre-rendered page it works before the app runs: reaching for it
/// starts the app (start.js), which keeps what was typed, the focus and an
/// Enter pressed meanwhile.
///
/// Works without a `<form>` submit (blocked in sandboxed embeds): Enter in the
/// field and the button both look up. The text typed goes to the core as an
/// event and stays in memory: never in the URL, storage or a request.
#[component]
pub fn PostcodeForm(props: &PostcodeFormProps) -> Html {
    let t = catalogue(props.lang);
    let input = use_node_ref();
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
        let dispatch = props.dispatch.clone();
        Callback::from(move |()| {
            if let Some(el) = input.cast::<HtmlInputElement>() {
                dispatch.emit(Event::PostcodeEntered(el.value()));
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
    let onclick = lookup.reform(|_| ());
    let pick = |r| props.dispatch.reform(move |_| Event::AnswerPicked(r));

    let error = match &props.feedback {
        Some(Feedback::Problem(e)) => Some(t.lookup_error(e)),
        _ => None,
    };
    let described = if error.is_some() {
        "sc-postcode-hint sc-postcode-error"
    } else {
        "sc-postcode-hint"
    };
    html! {
        <section class={classes!("sc-postcode", error.is_some().then_some("sc-postcode--error"))} role="search" aria-labelledby="sc-postcode-label">
            <label id="sc-postcode-label" for="sc-postcode" class="sc-postcode-label">{ t.label(Label::YourPostcode) }</label>
            <p id="sc-postcode-hint" class="sc-hint">{ t.label(Label::PostcodeHint) }</p>
            <noscript><p class="sc-error">{ t.label(Label::PostcodeNeedsScript) }</p></noscript>
            // Keyed by its words: a new answer is a new element, never old
            // text patched (a translating browser wraps the text in its own
            // elements, and a patch would leave the first answer's words).
            if let Some(e) = &error {
                <p key={e.clone()} id="sc-postcode-error" class="sc-error" data-testid="postcode-error">
                    <span class="sc-visually-hidden">{ t.label(Label::ErrorPrefix) }</span>{ e.clone() }
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
                <button type="button" class="sc-button" data-testid="postcode-submit" {onclick}>{ t.label(Label::FindMyRegion) }</button>
            </div>
            <div aria-live="polite" data-testid="postcode-answer">
                if let Some(Feedback::Waiting) = &props.feedback {
                    <p class="sc-answer">{ t.label(Label::PostcodeLoading) }</p>
                }
                if let Some(Feedback::Answer { answer, choices, international }) = &props.feedback {
                    <p key={t.answer(answer)} class="sc-answer">{ t.answer(answer) }</p>
                    if !choices.is_empty() {
                        <ul class="sc-choice" role="list">
                            for r in choices.iter().copied() {
                                <li>
                                    <button type="button" class="sc-region" data-testid={format!("choice-{}", r.slug())}
                                        onclick={pick(r)}>
                                        { r.name() }
                                    </button>
                                </li>
                            }
                        </ul>
                    }
                    if let Some(r) = *international {
                        <button type="button" class="sc-button" data-testid="choose-international" onclick={pick(r)}>
                            { t.label(Label::ShowInternational) }
                        </button>
                    }
                }
            </div>
        </section>
    }
}
