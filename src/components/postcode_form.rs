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
/// On a pre-rendered page the postcode island (`finder.rs`) takes this
/// box as it is: it draws [`PostcodeError`] and [`PostcodeAnswer`] into
/// their places and marks the field with [`field_marks`], so the field, what
/// was typed and the focus are never replaced. A lookup asked before the
/// island runs is recorded by start.js and answered once it runs.
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
    let error = feedback_error(props.lang, props.feedback.as_ref());
    let (invalid, described) = field_marks(props.feedback.as_ref());
    html! {
        <section class="sc-postcode" role="search" aria-labelledby="sc-postcode-label">
            <label id="sc-postcode-label" for="sc-postcode" class="sc-postcode-label">{ t.label(Label::YourPostcode) }</label>
            <p id="sc-postcode-hint" class="sc-hint">{ t.label(Label::PostcodeHint) }</p>
            <noscript><p class="sc-error">{ t.label(Label::PostcodeNeedsScript) }</p></noscript>
            // A live region from the first paint, so a problem put in it is
            // read out whether the member pressed Enter in the field or the
            // button (whose focus stays where it is).
            <div id="sc-postcode-said" aria-live="polite">{ postcode_error(props.lang, error) }</div>
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
                    aria-invalid={invalid}
                    {onkeydown}
                />
                <button type="button" id="sc-postcode-submit" class="sc-button" data-testid="postcode-submit" {onclick}>{ t.label(Label::FindMyRegion) }</button>
            </div>
            <div aria-live="polite" id="sc-postcode-answer" data-testid="postcode-answer">
                <PostcodeAnswer lang={props.lang} feedback={props.feedback.clone()} dispatch={props.dispatch.clone()} />
            </div>
        </section>
    }
}

/// The words of the problem with the postcode in `feedback`, if any.
fn feedback_error(lang: Lang, feedback: Option<&Feedback>) -> Option<String> {
    match feedback {
        Some(Feedback::Problem(e)) => Some(catalogue(lang).lookup_error(e)),
        _ => None,
    }
}

/// How the field marks itself for `feedback`: its `aria-invalid` and its
/// `aria-describedby` (the hint, and the error when there is one). Its
/// red edge follows `aria-invalid` (styles/app.css).
pub fn field_marks(feedback: Option<&Feedback>) -> (&'static str, &'static str) {
    match feedback {
        Some(Feedback::Problem(_)) => ("true", "sc-postcode-hint sc-postcode-error"),
        _ => ("false", "sc-postcode-hint"),
    }
}

/// The problem with the postcode, above the field (`#sc-postcode-said`).
///
/// Keyed by its words: a new answer is a new element, never old text
/// patched (a translating browser wraps the text in its own elements, and a
/// patch would leave the first answer's words).
fn postcode_error(lang: Lang, error: Option<String>) -> Html {
    let Some(e) = error else {
        return html! {};
    };
    html! {
        <p key={e.clone()} id="sc-postcode-error" class="sc-error" data-testid="postcode-error">
            <span class="sc-visually-hidden">{ catalogue(lang).label(Label::ErrorPrefix) }</span>{ e }
        </p>
    }
}

/// Props of [`PostcodeError`] and [`PostcodeAnswer`].
#[derive(Properties, PartialEq)]
pub struct PostcodeAnswerProps {
    /// The language to word it in.
    pub lang: Lang,
    /// What to say after a lookup.
    pub feedback: Option<Feedback>,
    /// Where a region picked from the answer goes.
    pub dispatch: Callback<Event>,
}

/// What goes in `#sc-postcode-said`: the problem with the postcode, if any.
#[component]
pub fn PostcodeError(props: &PostcodeAnswerProps) -> Html {
    postcode_error(
        props.lang,
        feedback_error(props.lang, props.feedback.as_ref()),
    )
}

/// What goes in `#sc-postcode-answer` (a live region): "Looking up…", or
/// the answer, with the regions to choose from when a postcode district
/// straddles regions.
#[component]
pub fn PostcodeAnswer(props: &PostcodeAnswerProps) -> Html {
    let t = catalogue(props.lang);
    let pick = |r| props.dispatch.reform(move |_| Event::AnswerPicked(r));
    html! {
        <>
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
                                    { t.region_name(r) }
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
        </>
    }
}
