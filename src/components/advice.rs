//! The slate's advice: how the region was found, the ballot, the other seats.

use super::{data_lang, data_text, follow, with_data};
use crate::domain::election::DataText;
use crate::domain::model::{Event, Found};
use crate::domain::page::{BallotView, OrderSource, Outcome, ResultView, ResultsMissing, SeatView};
use crate::domain::region::RegionId;
use crate::text::{catalogue, Catalogue, Label, Lang};
use yew::prelude::*;

/// Props of [`Advice`].
#[derive(Properties, PartialEq)]
pub struct AdviceProps {
    /// The language to word it in.
    pub lang: Lang,
    /// How the region was found, when from a postcode.
    pub found: Option<Found>,
    /// What to show.
    pub result: ResultView,
    /// The path of the page for choosing a region again.
    pub back: String,
    /// Where "Change region" goes.
    pub dispatch: Callback<Event>,
    /// Move keyboard focus to the result when it appears (after a choice,
    /// not when the page opens from a link).
    #[prop_or_default]
    pub take_focus: bool,
    /// The widget's form: names without summaries, and everything after the
    /// order (other seats, results, notes) behind one "more" switch, so the
    /// card fits a blog's frame (WordPress caps it at 1,000 px).
    #[prop_or_default]
    pub compact: bool,
    /// What the share buttons share (the full page only).
    #[prop_or_default]
    pub share: Option<ShareLinks>,
}

/// What the share buttons share.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareLinks {
    /// This page's address (election and region, never a postcode).
    pub page: AttrValue,
    /// The election's page, for friends in other regions.
    pub election: AttrValue,
    /// The order as plain text for a message.
    pub text: AttrValue,
    /// This page's path under the app's base (`nec-2022/london/`): its QR
    /// code (`qr.svg`, printed on the card) and stall sheet (`cards.html`)
    /// are there, written at build time.
    pub path: AttrValue,
}

/// The slate's advice for one region: the ballot, then the other seats.
#[component]
pub fn Advice(props: &AdviceProps) -> Html {
    let t = catalogue(props.lang);
    let v = &props.result;
    let heading = use_node_ref();
    let ballot_view = use_node_ref();
    {
        let ballot_view = ballot_view.clone();
        // Move focus to the result so keyboard and screen-reader users land on it.
        let heading = heading.clone();
        let take_focus = props.take_focus;
        use_effect_with(v.region, move |_| {
            // The view in the address (`#ballot-paper`) is restored on reload.
            crate::web::restore_view(BALLOT_VIEW, ballot_view.cast());
            if let Some(h) = heading
                .cast::<web_sys::HtmlElement>()
                .filter(|_| take_focus)
            {
                let _ = h.focus();
            }
        });
    }
    let onclick = follow(&props.dispatch, Event::ChangeRegion);
    let ranked = v.entries.first().is_some_and(|e| e.preference.is_some());
    let list = html! {
        for e in &v.entries {
            <li class="sc-candidate" data-testid="candidate">
                if let Some(p) = e.preference {
                    <span class="sc-pref" aria-hidden="true">{ p }</span>
                } else {
                    <span class="sc-cross" aria-hidden="true">{ "X" }</span>
                }
                <span class="sc-candidate-text">
                    <span class="sc-name" data-testid="candidate-name">{ e.name }</span>
                    if !e.summary.is_empty() && !props.compact {
                        <span class="sc-summary" lang={data_lang(e.summary, props.lang)}>{ e.summary.text }</span>
                    }
                    if !e.note.is_empty() && !props.compact {
                        <span class="sc-candidate-note" data-testid="candidate-note" lang={data_lang(e.note, props.lang)}>{ e.note.text }</span>
                    }
                    if let Some(elected) = e.elected {
                        <span class={classes!("sc-outcome", elected.then_some("sc-outcome--elected"))} data-testid="candidate-outcome">
                            { t.label(if elected { Label::Elected } else { Label::NotElected }) }
                        </span>
                    }
                </span>
            </li>
        }
    };
    // After the order: what else the data knows, and the other seats.
    let rest = html! {
        <>
            if !v.shared_with.is_empty() {
                <p class="sc-shared" data-testid="shared-list">{ t.shared_list(v.shared_with) }</p>
            }
            { ballot_list(t, &v.ballot, ballot_view.clone()) }
            { outcome(t, v, ranked, props.lang) }
            if !v.seat_groups.is_empty() || !v.unopposed.is_empty() {
                <section class="sc-seats" aria-labelledby="sc-seats-heading">
                    <h3 id="sc-seats-heading">{ t.label(Label::OtherSeats) }</h3>
                    if v.mark_as_asked() {
                        <p class="sc-hint" data-testid="mark-as-asked">{ t.label(Label::MarkAsAsked) }</p>
                    }
                    for g in &v.seat_groups {
                        <div class="sc-seat-group" data-testid="seat-group">
                            <p class="sc-who">{ t.eligibility(g.who) }</p>
                            <ul role="list">
                                for s in &g.seats {
                                    { seat(t, s, props.lang) }
                                }
                            </ul>
                        </div>
                    }
                    if !v.unopposed.is_empty() {
                        <div class="sc-seat-group" data-testid="unopposed">
                            <p class="sc-who">{ t.label(Label::Unopposed) }</p>
                            <ul role="list" class="sc-unopposed">
                                for s in &v.unopposed {
                                    <li>{ data_text(s.name, props.lang) }{ format!(": {}", t.names(s.elected)) }</li>
                                }
                            </ul>
                        </div>
                    }
                </section>
            }
            if !v.notes.is_empty() {
                <details class="sc-notes">
                    <summary>{ t.label(Label::ElectionNotes) }</summary>
                    <ul>
                        for n in &v.notes {
                            <li lang={data_lang(*n, props.lang)}>{ n.text }</li>
                        }
                    </ul>
                </details>
            }
        </>
    };
    html! {
        <>
        // (Its place is there on every page: the postcode island draws
        // in it on a region's page it shows from the election's bundle.)
        <div class="sc-found-by">
            if let Some(found) = &props.found {
                { found_by(props.lang, found, v.region) }
            }
        </div>
        // Keyed by election and region: another order is drawn afresh,
        // never patched into the old one's elements (a translating browser
        // replaces their text with its own elements, and a patched list
        // would show old names under new numbers).
        <section key={format!("{}/{}", v.election_id, v.region.slug())} class="sc-result" data-testid="result" aria-labelledby="sc-result-heading">
            if let Some(share) = &props.share {
                // Lazy: shown (and fetched) only on paper, never a request
                // before the page's first paint.
                <img class="sc-qr" src={format!("{}qr.svg", share.path)} alt="" loading="lazy" />
            }
            <p class="sc-visually-hidden" aria-live="polite">{ with_data(t.showing(v.slate.text, v.region), v.slate, props.lang) }</p>
            // The slate's name above the row of the region and "Change
            // region", which then share a line: on a phone the order starts
            // within the first screen.
            <p class="sc-kicker" lang={data_lang(v.slate, props.lang)}>{ v.slate.text }</p>
            <div class="sc-result-head">
                <h2 id="sc-result-heading" tabindex="-1" ref={heading}>
                    <span data-testid="result-region">{ t.region_name(v.region) }</span>
                </h2>
                <a class="sc-link-button" href={props.back.clone()} data-testid="change-region" {onclick}>
                    { t.label(Label::ChangeRegion) }
                </a>
            </div>
            // Whose order this is comes first, before anyone acts on it.
            { order_note(t, props.lang, &v.source, &v.published_elsewhere, props.dispatch.clone(), props.compact) }
            <p class="sc-instruction" data-testid="instruction">{ t.instruction(v.instruction) }</p>
            if ranked {
                <ol class="sc-ballot" data-testid="ballot">{ list }</ol>
            } else {
                <ul class="sc-ballot sc-ballot--cross" data-testid="ballot">{ list }</ul>
            }
            // Right under the names: a member who opens a closed ballot's
            // page learns it before acting on the order.
            { results_missing(t, v.results_missing) }
            if !props.compact {
                <p class="sc-after" data-testid="after-slate">{ t.after_the_slate(v.instruction) }</p>
                if let Some(why) = &v.why {
                    <p class="sc-why"><a href={why.clone()} data-testid="why-link">{ t.label(Label::WhyDifferent) }</a></p>
                }
            }
            if let Some(share) = &props.share {
                { share_buttons(t, share, ranked) }
            }
            if props.compact {
                <details class="sc-more" data-testid="more">
                    <summary>{ t.label(Label::More) }</summary>
                    { rest }
                </details>
            } else {
                { rest }
            }
        </section>
        </>
    }
}

/// Says where the order comes from, before the order: generated orders are
/// flagged plainly, with links to what the slate itself published.
fn order_note(
    t: &impl Catalogue,
    lang: Lang,
    source: &OrderSource,
    published: &[(RegionId, String)],
    dispatch: Callback<Event>,
    compact: bool,
) -> Html {
    let method = |summary: Label, method: DataText| {
        html! { <details><summary>{ t.label(summary) }</summary><p lang={data_lang(method, lang)}>{ method.text }</p></details> }
    };
    // Where the slate published it: an address, or the data's words.
    let cited = |source: &'static str| {
        html! { <cite lang={data_lang(DataText::english(source), lang)}>{ source }</cite> }
    };
    // Why there is no published order goes with how this one was made,
    // behind the switch: the flag itself stays one short line, so the
    // order starts within a phone's first screen (tests/e2e/prerender.test.mjs).
    let why = html! { <p>{ t.label(Label::GeneratedWhy) }</p> };
    match source {
        OrderSource::Published { source } => html! {
            <p class="sc-provenance" data-testid="provenance" data-kind="published">
                { t.label(Label::PublishedOrder) }
                { cited(source) }
            </p>
        },
        OrderSource::Generated { method: m } => html! {
            <div class="sc-provenance sc-provenance--generated" data-testid="provenance" data-kind="generated">
                <p><strong>{ t.label(Label::GeneratedOrder) }</strong></p>
                if !published.is_empty() && !compact {
                    <p data-testid="published-elsewhere">
                        { t.label(Label::PublishedElsewhere) }
                        for (i, (region, path)) in published.iter().enumerate() {
                            if i > 0 { { ", " } }
                            <a href={path.clone()} onclick={follow(&dispatch, Event::RegionPicked(*region))}>{ t.region_name(*region) }</a>
                        }
                    </p>
                }
                <details><summary>{ t.label(Label::HowOrderMade) }</summary>{ why }<p lang={data_lang(*m, lang)}>{ m.text }</p></details>
            </div>
        },
        OrderSource::PartlyPublished {
            positions,
            source,
            method: m,
        } => html! {
            <div class="sc-provenance sc-provenance--generated" data-testid="provenance" data-kind="partly-published">
                <p><strong>{ t.partly_published(*positions) }</strong>
                { t.label(Label::Source) }{ cited(source) }</p>
                { method(Label::HowRestMade, *m) }
            </div>
        },
        OrderSource::NoOrder => html! {},
    }
}

/// Share this page (the phone's share sheet, else the link copied), share
/// the election's page without the member's region, or copy the order (a
/// cross ballot's names, `ranked` false) as text for a message. "Copied"
/// is said in a live region.
///
/// The buttons carry what they share (`data-url`, and the order as
/// `data-text`), and start.js alone does it, whichever module runs the page
/// (none, the island or the full app): at once, while the tap still counts
/// as the member's (browsers allow sharing and copying only then), and
/// "Copied" only once the clipboard has the text.
fn share_buttons(t: &impl Catalogue, links: &ShareLinks, ranked: bool) -> Html {
    html! {
        <>
        <div class="sc-share" data-testid="share" data-text={links.text.clone()}>
            <button type="button" class="sc-button sc-button--quiet" data-testid="share-page" data-url={links.page.clone()}>
                { t.label(Label::Share) }</button>
            <button type="button" class="sc-button sc-button--quiet" data-testid="share-election" data-url={links.election.clone()}>
                { t.label(Label::ShareWithoutRegion) }</button>
            <button type="button" class="sc-button sc-button--quiet" data-testid="copy-order">
                { t.copy_button(ranked) }</button>
            <span id="sc-share-status" class="sc-hint" role="status" data-testid="share-status"></span>
        </div>
        // A plain link, so outside the buttons that need a script (hidden
        // without one) and off the printed card.
        <p class="sc-print-cards"><a href={format!("{}cards.html", links.path)}>{ t.label(Label::PrintCards) }</a></p>
        </>
    }
}

/// The ballot-paper view's id, which is also its address fragment.
const BALLOT_VIEW: &str = "ballot-paper";

/// Everyone on the ballot with the slate's marks, or that we do not know them.
fn ballot_list(t: &impl Catalogue, ballot: &BallotView, node: NodeRef) -> Html {
    let (lines, kind) = match ballot {
        BallotView::Complete(lines) => (lines, "complete"),
        BallotView::Partial(lines) => (lines, "partial"),
        BallotView::Unknown(lines) => (lines, "unknown"),
    };
    html! {
        <details class="sc-ballot-list" data-testid="ballot-list" data-kind={kind} id={BALLOT_VIEW} ref={node}
            ontoggle={Callback::from(|_: yew::Event| crate::web::record_view(BALLOT_VIEW))}>
            <summary>{ t.ballot_list(ballot) }</summary>
            <ul role="list">
                for line in lines {
                    <li class={classes!(line.mark.is_some().then_some("sc-on-slate"))}>
                        <span class="sc-mark" aria-hidden="true">
                            { match line.mark { Some(0) => "X".to_owned(), Some(n) => n.to_string(), None => String::new() } }
                        </span>
                        { line.name }
                    </li>
                }
            </ul>
        </details>
    }
}

/// That voting has closed (or most likely has) with no results in the data.
fn results_missing(t: &impl Catalogue, missing: Option<ResultsMissing>) -> Html {
    match missing {
        None => html! {},
        Some(m) => {
            html! { <p class="sc-ballot-note" data-testid="results-missing">{ t.results_missing(m) }</p> }
        }
    }
}

/// Who was elected, once the results are in the data.
fn outcome(t: &impl Catalogue, v: &ResultView, ranked: bool, lang: Lang) -> Html {
    let Some(o) = &v.outcome else {
        return html! {};
    };
    html! {
        <section class="sc-results" data-testid="results" aria-labelledby="sc-results-heading">
            <h3 id="sc-results-heading">{ t.label(Label::Results) }</h3>
            <p data-testid="results-summary">{ t.outcome(o) }</p>
            <ul class="sc-elected">
                for (name, slate) in &o.elected {
                    <li class={classes!(slate.then_some("sc-on-slate"))}>
                        { *name }
                        if let Some(round) = o.round_of(name) {
                            <span class="sc-small" data-testid="elected-round">{ format!(" ({})", t.elected_round(round)) }</span>
                        }
                    </li>
                }
            </ul>
            if let Some(q) = o.quota {
                <p class="sc-small">{ t.quota(q) }</p>
            }
            if !o.slate_counts.is_empty() {
                <p class="sc-small" data-testid="results-counts">
                    <strong>{ t.label(if ranked { Label::FirstPreferences } else { Label::Votes }) }</strong>
                    for (name, votes) in &o.slate_counts {
                        <span class="sc-count">{ format!("{name}: {}", votes.map_or("—".to_owned(), |n| t.votes_count(n))) }</span>
                    }
                    if o.slate_counts.iter().any(|(_, votes)| votes.is_none()) {
                        <span class="sc-count">{ t.label(Label::CountUnknown) }</span>
                    }
                </p>
            }
            { after_the_count(t, o, lang) }
        </section>
    }
}

/// What changed after the count (an expulsion, a runner-up taking the
/// seat): under its own heading, apart from who the count elected.
fn after_the_count(t: &impl Catalogue, o: &Outcome, lang: Lang) -> Html {
    if o.changes.is_empty() {
        return html! {};
    }
    html! {
        <div class="sc-after-count" data-testid="after-count">
            <h4>{ t.label(Label::AfterTheCount) }</h4>
            <ul role="list">
                for c in o.changes {
                    <li>{ with_data(t.change(c), c.note_in(lang), lang) }</li>
                }
            </ul>
        </div>
    }
}

/// One other seat: its name, the slate's picks, how many to vote for.
fn seat(t: &impl Catalogue, s: &SeatView, lang: Lang) -> Html {
    // Empty when the data says neither how nor how many (as the stall cards).
    let marking = t.marking(s.marking, s.votes);
    html! {
        <li class="sc-seat" data-testid="seat">
            <span class="sc-seat-name" lang={data_lang(s.name, lang)}>{ s.name.text }</span>
            if s.published {
                <span class="sc-picks" data-testid="seat-picks">{ t.names(s.picks) }</span>
                if s.nomination_stage {
                    <span class="sc-picks sc-picks--missing" data-testid="seat-unconfirmed">{ t.label(Label::NominationStage) }</span>
                }
            } else {
                <span class="sc-picks sc-picks--missing">{ t.label(Label::NotPublishedHere) }</span>
            }
            if !marking.is_empty() {
                <span class="sc-votes" data-testid="seat-marking">{ marking }</span>
            }
            if !s.elected.is_empty() {
                <span class="sc-seat-result" data-testid="seat-result">{ t.seat_result(s.elected) }</span>
            }
            if !s.note.is_empty() {
                <span class="sc-seat-note" lang={data_lang(s.note, lang)}>{ s.note.text }</span>
            }
        </li>
    }
}

/// How the member's own step found `region` ("Found by your postcode SW1A
/// 1AA"), above the order: drawn here, and by the postcode island on a
/// region's page it shows from the election's bundle.
///
/// Keyed by its words, as the order is: another finding is a new element.
pub fn found_by(lang: Lang, found: &Found, region: RegionId) -> Html {
    let words = catalogue(lang).found(found, region);
    html! {
        <p key={words.clone()} class="sc-found" data-testid="found-by">{ words }</p>
    }
}
