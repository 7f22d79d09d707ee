//! Draws the studio and performs its effects: reads the opened file,
//! offers downloads, moves the caret to a problem's place. It decides
//! nothing: [`crate::model::update`] does.

use crate::lower;
use crate::model::{update, Balanced, Effect, Event, Studio};
use slatecard::app::App;
use slatecard::domain::link::Link;
use slatecard::domain::model::{Mode, Model};
use slatecard::domain::region::RegionId;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Draws the studio into `#studio`; does nothing on a page without one.
pub fn start() {
    if let Some(root) = gloo::utils::document().get_element_by_id("studio") {
        root.set_inner_html("");
        yew::Renderer::<StudioPage>::with_root(root).render();
    }
}

/// Today (UTC), `YYYY-MM-DD`, from the device's clock.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_utc_full_year(),
        d.get_utc_month() + 1,
        d.get_utc_date()
    )
}

#[derive(PartialEq)]
struct Core(Studio);

impl Reducible for Core {
    type Action = Event;

    fn reduce(self: Rc<Self>, event: Event) -> Rc<Self> {
        let mut next = self.0.clone();
        for effect in update(&mut next, event) {
            perform(effect);
        }
        Rc::new(Core(next))
    }
}

/// Performs an effect the core asked for.
fn perform(effect: Effect) {
    match effect {
        Effect::Download { name, text } => download(&name, &text),
    }
}

/// Offers `text` as a file named `name`.
fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/toml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Reads a picked or dropped file and sends it to the core.
fn open(file: web_sys::File, dispatch: Callback<Event>) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(_) => Vec::new(),
        };
        dispatch.emit(Event::Opened { name, bytes });
    });
}

/// The caret to `line`:`column` (counted from 1, columns in characters)
/// of the editor, which takes focus.
fn go_to(editor: &NodeRef, line: usize, column: usize) {
    let Some(area) = editor.cast::<HtmlTextAreaElement>() else {
        return;
    };
    let text = area.value();
    // UTF-16 offset, as the editor counts.
    let mut offset = 0u32;
    for (i, l) in text.split('\n').enumerate() {
        if i + 1 == line {
            offset += l
                .chars()
                .take(column.saturating_sub(1))
                .map(|c| c.len_utf16() as u32)
                .sum::<u32>();
            break;
        }
        offset += l.encode_utf16().count() as u32 + 1;
    }
    let _ = area.focus();
    let _ = area.set_selection_range(offset, offset);
    // Scroll the line into view: a line's height times the lines above.
    let lines_above = line.saturating_sub(3) as f64;
    let height = f64::from(area.scroll_height()) / text.split('\n').count().max(1) as f64;
    area.set_scroll_top((lines_above * height) as i32);
}

#[component]
fn StudioPage() -> Html {
    let core = use_reducer(|| Core(Studio::new(&today())));
    let dispatch = core.dispatcher().to_callback();
    let studio = &core.0;
    let editor = use_node_ref();
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let region = use_state(|| RegionId::from_slug("london").unwrap_or(RegionId::international()));
    let new_id = use_state(String::new);

    let on_pick = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event_| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                open(file, dispatch.clone());
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                open(file, dispatch.clone());
            }
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_input = {
        let dispatch = dispatch.clone();
        let pending = pending.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let dispatch = dispatch.clone();
            // Checked once typing pauses: a check compares every generated
            // order with balance, which takes a moment on a big slate.
            *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(250, move || {
                dispatch.emit(Event::Edited(area.value()));
            }));
        })
    };
    let on_start = {
        let dispatch = dispatch.clone();
        let new_id = new_id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.emit(Event::Started((*new_id).clone()));
        })
    };
    let on_id = {
        let new_id = new_id.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            new_id.set(input.value());
        })
    };
    let on_region = {
        let region = region.clone();
        Callback::from(move |e: Event_| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(r) = RegionId::from_slug(&select.value()) {
                region.set(r);
            }
        })
    };
    let send = |event: Event| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(event.clone()))
    };
    // The editor holds what the organiser types; it is set from the core
    // only when the core's text is another (a file opened, a new file,
    // balance), so the caret never jumps while typing.
    {
        let editor = editor.clone();
        use_effect_with(studio.text.clone(), move |text| {
            if let Some(area) = editor.cast::<HtmlTextAreaElement>() {
                if area.value() != *text {
                    area.set_value(text);
                }
            }
        });
    }
    let n = studio.problems.len();
    let problems = html! {
        <section class="st-problems" aria-labelledby="st-problems-heading">
            <h2 id="st-problems-heading">{ "Problems" }</h2>
            <p role="status" aria-live="polite" data-testid="problem-count">
                {
                    if let Some(why) = &studio.refused {
                        why.clone()
                    } else if studio.file.is_empty() {
                        "Open, paste or start a file: its problems are listed here.".to_owned()
                    } else if n == 0 {
                        format!("No problems: {} passes every check of slatecard check.", studio.file)
                    } else {
                        format!("{n} problem{} found in {}", if n == 1 { "" } else { "s" }, studio.file)
                    }
                }
            </p>
            if n > 0 {
                <ol class="st-problem-list" data-testid="problems">
                    for p in studio.problems.iter() {
                        {{
                            let (line, column) = (p.line, p.column);
                            let editor = editor.clone();
                            let jump = Callback::from(move |e: MouseEvent| {
                                e.prevent_default();
                                go_to(&editor, line, column);
                            });
                            html! {
                                <li data-problem={p.to_string()}>
                                    <a href="#st-editor" onclick={jump}>{ p.place() }</a>
                                    { format!(": {}", p.message) }
                                    if let Some(help) = &p.help {
                                        <br /><span class="st-help">{ format!("help: {help}") }</span>
                                    }
                                </li>
                            }
                        }}
                    }
                </ol>
            }
            if let Some(line) = studio.release() {
                <p data-testid="release">{ line }</p>
            }
        </section>
    };
    let balanced = match &studio.balanced {
        None => html! {},
        Some(Balanced::Failed(why)) => html! {
            <div class="sc-notice" role="alert" data-testid="balance-failed"><pre>{ why.clone() }</pre></div>
        },
        Some(Balanced::Done { report, changed }) => html! {
            <div data-testid="balanced">
                <p role="status">
                    {
                        if changed.is_empty() {
                            "Every order is already as balanced-v1 gives it: nothing changed.".to_owned()
                        } else {
                            format!("New orders written into the file for: {}.", changed.join(", "))
                        }
                    }
                </p>
                <details>
                    <summary>{ "Evenness report (as slatecard balance prints it)" }</summary>
                    <pre class="st-report" data-testid="report">{ report.clone() }</pre>
                </details>
            </div>
        },
    };
    // Made once per text (each is leaked: `lower`), not at every render.
    let lowered = use_memo(studio.passed.clone(), |passed| {
        passed.as_ref().map(|p| {
            lower::election(&p.def, &p.scheme, &p.fingerprint).map(|e| (e, p.fingerprint.clone()))
        })
    });
    let preview = match &*lowered {
        None => html! {
            <p>{ "The preview appears once the file has no problems." }</p>
        },
        Some(lowered) => match lowered.clone() {
            Err(why) => html! { <p role="alert">{ why }</p> },
            Ok((election, print)) => {
                let link = Link {
                    election: Some(election),
                    region: Some(*region),
                    ..Link::default()
                };
                let model = Model::new(Mode::App, &link);
                // Links in the preview lead to pages that do not exist yet:
                // a click on one is kept from leaving the studio.
                let stay = Callback::from(|e: MouseEvent| {
                    let on_link = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|el| el.closest("a").ok().flatten())
                        .is_some();
                    if on_link {
                        e.prevent_default();
                    }
                });
                html! {
                    <>
                        <p>
                            <label for="st-region">{ "Region " }</label>
                            <select id="st-region" data-testid="preview-region" onchange={on_region}>
                                for r in RegionId::all() {
                                    <option value={r.slug()} selected={r == *region}>{ r.name() }</option>
                                }
                            </select>
                        </p>
                        <div class="st-preview" data-testid="preview" onclick={stay} key={format!("{}-{}", print, region.slug())}>
                            <App {model} base={AttrValue::from("../")} now={slatecard::web::now_utc_minutes()} own={link.clone()} landmarks={false} />
                        </div>
                    </>
                }
            }
        },
    };
    html! {
        <>
            <header class="sc-header">
                <p class="sc-brand">{ "slatecard" }</p>
                <h1>{ "Organisers' studio" }</h1>
                <p class="sc-tagline">
                    { "Check, balance and preview an election file. Nothing you open or type here leaves this device: every check runs in your browser." }
                </p>
            </header>
            <main id="main" class="sc-main st-main">
                <section aria-labelledby="st-open-heading">
                    <h2 id="st-open-heading">{ "Open or start a file" }</h2>
                    <p>
                        <label for="st-file">{ "Open an election file (.toml) " }</label>
                        <input id="st-file" type="file" accept=".toml,text/plain" data-testid="open-file" onchange={on_pick} />
                    </p>
                    <form onsubmit={on_start} class="st-start">
                        <label for="st-new-id">{ "Or start a new election, with its id " }</label>
                        <input id="st-new-id" type="text" placeholder="nec-2028" autocomplete="off" spellcheck="false" data-testid="new-id" oninput={on_id} />
                        <button type="submit" class="sc-button" data-testid="start">{ "Start" }</button>
                    </form>
                </section>
                <section aria-labelledby="st-editor-label">
                    <h2><label id="st-editor-label" for="st-editor">{ if studio.file.is_empty() { "The election file (or paste one, or drop it here)".to_owned() } else { studio.file.clone() } }</label></h2>
                    <textarea id="st-editor" ref={editor.clone()} class="st-editor" data-testid="editor" spellcheck="false" rows="24"
                        oninput={on_input} ondrop={on_drop} ondragover={on_drag_over} />
                </section>
                { problems }
                <section aria-labelledby="st-balance-heading">
                    <h2 id="st-balance-heading">{ "Missing orders" }</h2>
                    <p>{ "Works out every region without a published order, as slatecard balance --write does, and writes them into the file, marked generated." }</p>
                    <button type="button" class="sc-button" data-testid="balance" onclick={send(Event::Balance)} disabled={studio.file.is_empty()}>{ "Work out the missing orders" }</button>
                    { balanced }
                </section>
                <section aria-labelledby="st-save-heading">
                    <h2 id="st-save-heading">{ "Save" }</h2>
                    <button type="button" class="sc-button" data-testid="save" onclick={send(Event::Save)} disabled={studio.file.is_empty()}>
                        { if studio.file.is_empty() { "Save the file".to_owned() } else { format!("Save {}", studio.name()) } }
                    </button>
                    <p>
                        { "What next: put the file in data/elections/ of the slatecard repository, commit it, build and deploy, as " }
                        <a href="organise/organisers.txt" data-testid="guide">{ "the organisers' guide (docs/organisers.md)" }</a>
                        { " explains." }
                    </p>
                </section>
                <section aria-labelledby="st-preview-heading">
                    <h2 id="st-preview-heading">{ "Preview: what members will see" }</h2>
                    { preview }
                </section>
            </main>
        </>
    }
}

/// Yew's `Event`, named apart from the studio's.
type Event_ = yew::Event;
