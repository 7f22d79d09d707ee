use crate::domain::view::{OrderSource, ResultView, SeatView};
use yew::prelude::*;

/// Props of [`SlateResult`].
#[derive(Properties, PartialEq)]
pub struct SlateResultProps {
    /// What to show.
    pub view: ResultView,
    /// Called when the member wants another region.
    pub onchange_region: Callback<()>,
    /// Move keyboard focus to the result when it appears (after a choice,
    /// not when the page opens from a link).
    #[prop_or_default]
    pub take_focus: bool,
}

/// The slate's advice for one region: the ballot, then the other seats.
#[component]
pub fn SlateResult(props: &SlateResultProps) -> Html {
    let v = &props.view;
    let heading = use_node_ref();
    {
        // Move focus to the result so keyboard and screen-reader users land on it.
        let heading = heading.clone();
        let take_focus = props.take_focus;
        use_effect_with(v.region, move |_| {
            if let Some(h) = heading
                .cast::<web_sys::HtmlElement>()
                .filter(|_| take_focus)
            {
                let _ = h.focus();
            }
        });
    }
    let onclick = {
        let cb = props.onchange_region.clone();
        move |_| cb.emit(())
    };
    let ranked = v.entries.first().is_some_and(|e| e.preference.is_some());
    let list = html! {
        for e in &v.entries {
            <li class="sc-candidate" data-testid="candidate">
                if let Some(p) = e.preference {
                    <span class="sc-pref" aria-hidden="true">{ p }</span>
                } else {
                    <span class="sc-cross" aria-hidden="true">{ "✕" }</span>
                }
                <span class="sc-candidate-text">
                    <span class="sc-name" data-testid="candidate-name">{ e.name }</span>
                    if !e.summary.is_empty() {
                        <span class="sc-summary">{ e.summary }</span>
                    }
                </span>
            </li>
        }
    };
    html! {
        <section class="sc-result" data-testid="result" aria-labelledby="sc-result-heading">
            <p class="sc-visually-hidden" aria-live="polite">
                { format!("Showing the {} advice for {}.", v.slate, v.region) }
            </p>
            <div class="sc-result-head">
                <h2 id="sc-result-heading" tabindex="-1" ref={heading}>
                    <span class="sc-kicker">{ v.slate }</span>
                    <span data-testid="result-region">{ v.region }</span>
                </h2>
                <button type="button" class="sc-link-button" data-testid="change-region" {onclick}>
                    { "Change region" }
                </button>
            </div>
            <p class="sc-instruction" data-testid="instruction">{ &v.instruction }</p>
            if ranked {
                <ol class="sc-ballot" data-testid="ballot">{ list }</ol>
            } else {
                <ul class="sc-ballot sc-ballot--cross" data-testid="ballot">{ list }</ul>
            }
            <OrderNote source={v.source.clone()} />
            if !v.seat_groups.is_empty() {
                <section class="sc-seats" aria-labelledby="sc-seats-heading">
                    <h3 id="sc-seats-heading">{ "Other seats on the same ballot" }</h3>
                    for g in &v.seat_groups {
                        <div class="sc-seat-group" data-testid="seat-group">
                            <p class="sc-who">{ &g.who }</p>
                            <ul role="list">
                                for s in &g.seats {
                                    <Seat seat={s.clone()} />
                                }
                            </ul>
                        </div>
                    }
                </section>
            }
            if !v.notes.is_empty() {
                <details class="sc-notes">
                    <summary>{ "Notes on this election" }</summary>
                    <ul>
                        for n in v.notes {
                            <li>{ *n }</li>
                        }
                    </ul>
                </details>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OrderNoteProps {
    source: OrderSource,
}

/// Says where the order comes from; generated orders are flagged plainly.
#[component]
fn OrderNote(props: &OrderNoteProps) -> Html {
    match &props.source {
        OrderSource::Published { source } => html! {
            <p class="sc-provenance" data-testid="provenance" data-kind="published">
                { "This is the order the slate published for your region. Source: " }
                <cite>{ *source }</cite>
            </p>
        },
        OrderSource::Generated { method } => html! {
            <div class="sc-provenance sc-provenance--generated" data-testid="provenance" data-kind="generated">
                <p><strong>{ "Worked out by slatecard, not published by the slate." }</strong>
                { " We could not find the slate's own order for your region." }</p>
                <details><summary>{ "How this order was made" }</summary><p>{ *method }</p></details>
            </div>
        },
        OrderSource::Partly {
            positions,
            source,
            method,
        } => html! {
            <div class="sc-provenance sc-provenance--generated" data-testid="provenance" data-kind="partly-published">
                <p><strong>{ format!("Places 1–{positions} were published by the slate; the rest were worked out by slatecard.") }</strong>
                { " Source: " }<cite>{ *source }</cite></p>
                <details><summary>{ "How the rest was made" }</summary><p>{ *method }</p></details>
            </div>
        },
        OrderSource::NoOrder => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct SeatProps {
    seat: SeatView,
}

#[component]
fn Seat(props: &SeatProps) -> Html {
    let s = &props.seat;
    html! {
        <li class="sc-seat" data-testid="seat">
            <span class="sc-seat-name">{ s.name }</span>
            if s.published {
                <span class="sc-picks" data-testid="seat-picks">{ s.picks.join(" and ") }</span>
            } else {
                <span class="sc-picks sc-picks--missing">{ "Not published here" }</span>
            }
            if !s.votes.is_empty() {
                <span class="sc-votes">{ &s.votes }</span>
            }
            if !s.note.is_empty() {
                <span class="sc-seat-note">{ s.note }</span>
            }
        </li>
    }
}
