//! Every member flow the end-to-end tests cover, driven through the core
//! (`Event` → `update` → `Model` → `view` → `Page`) without a browser, with
//! the words checked through the English catalogue. The browser tests then
//! only have to show that the shells draw the `Page` and send the events.
#![cfg(not(target_arch = "wasm32"))]

use slatecard::domain::date::Moment;
use slatecard::domain::election::Election;
use slatecard::domain::link::Link;
use slatecard::domain::lookup::LookupError;
use slatecard::domain::model::{
    update, Effect, Event, Focus, Found, Held, Mode, Model, Pages, Why,
};
use slatecard::domain::page::{view, Body, Chooser, Feedback, OrderSource, Page, ResultView};
use slatecard::domain::postcode::PostcodeError;
use slatecard::domain::region::RegionId;
use slatecard::text::{catalogue, Catalogue, Lang};

fn en() -> &'static impl Catalogue {
    catalogue(Lang::En)
}

/// A date well after every bundled election closed.
fn later() -> i64 {
    Moment::parse("2026-11-30").unwrap().start_utc_minutes()
}

fn region(slug: &str) -> RegionId {
    RegionId::from_slug(slug).unwrap_or_else(|| panic!("no region {slug}"))
}

/// One member on one page: what they see after each thing they do.
struct Member {
    model: Model,
}

impl Member {
    fn opens(mode: Mode, query: &str) -> Member {
        Member {
            model: Model::new(mode, &Link::parse(query)),
        }
    }

    fn does(&mut self, event: Event) -> Page {
        self.asks(event);
        self.sees()
    }

    /// What the core asks the shell to do for `event`.
    fn asks(&mut self, event: Event) -> Vec<Effect> {
        update(&mut self.model, event)
    }

    fn types(&mut self, postcode: &str) -> Page {
        self.does(Event::PostcodeEntered(postcode.to_owned()))
    }

    fn sees(&self) -> Page {
        view(&self.model, later())
    }
}

fn result(page: &Page) -> (&Option<Found>, &ResultView) {
    match &page.body {
        Body::Result { found, result, .. } => (found, result),
        Body::Choose(_) => panic!("expected the advice, got the chooser"),
    }
}

fn chooser(page: &Page) -> &Chooser {
    match &page.body {
        Body::Choose(c) => c,
        Body::Result { .. } => panic!("expected the chooser, got the advice"),
    }
}

fn names(v: &ResultView) -> Vec<&'static str> {
    v.entries.iter().map(|e| e.name).collect()
}

/// The sentence under the found region, as a member reads it.
fn found_line(page: &Page) -> String {
    let (found, v) = result(page);
    en().found(found.as_ref().expect("found by a postcode"), v.region)
}

/// What the postcode field says, as a member reads it.
fn feedback_line(page: &Page) -> String {
    match chooser(page).feedback.as_ref().expect("feedback") {
        Feedback::Waiting => en()
            .label(slatecard::text::Label::PostcodeLoading)
            .to_owned(),
        Feedback::Problem(e) => en().lookup_error(e),
        Feedback::Answer { answer, .. } => en().answer(answer),
    }
}

#[test]
fn a_new_member_sees_the_latest_election_and_every_region() {
    let m = Member::opens(Mode::App, "");
    let page = m.sees();
    assert_eq!(page.election.election.id, Election::latest().id);
    let c = chooser(&page);
    assert_eq!(c.feedback, None);
    assert_eq!(c.regions.len(), RegionId::all().count());
    assert_eq!(c.regions.iter().filter(|r| r.outside_uk).count(), 1);
    // Without the app, each region is a link to its pre-rendered page.
    let latest = Election::latest().id;
    assert!(c
        .regions
        .iter()
        .all(|r| r.path == format!("{latest}/{}/", r.region.slug())));
    assert!(!page.take_focus, "nothing moves focus on arrival");
    assert_eq!(
        page.link.to_query(),
        format!("?election={}", Election::latest().id)
    );
}

#[test]
fn a_full_postcode_typed_carelessly_shows_its_region() {
    let mut m = Member::opens(Mode::App, "");
    let page = m.types("  sw1a1aa ");
    assert_eq!(result(&page).1.region.name(), "London");
    assert_eq!(found_line(&page), "SW1A 1AA is in the London region.");
    assert!(page.take_focus, "focus moves to the advice after a lookup");
    // The link carries the region, never the postcode.
    assert_eq!(page.link.region, Some(region("london")));
    assert!(!page.link.to_query().to_uppercase().contains("SW1A"));
}

#[test]
fn a_slip_is_repaired_and_said_back() {
    let mut m = Member::opens(Mode::App, "");
    let page = m.types("CAI 1RR");
    assert_eq!(result(&page).1.region.name(), "Northern");
    assert_eq!(
        found_line(&page),
        "We read that as CA1 1RR, which is in the Northern region."
    );
}

#[test]
fn a_straddling_district_asks_and_the_choice_shows_the_order() {
    let mut m = Member::opens(Mode::App, "");
    let page = m.types("SY10");
    let Some(Feedback::Answer {
        choices,
        international,
        ..
    }) = &chooser(&page).feedback
    else {
        panic!("expected an answer");
    };
    assert_eq!(choices, &[region("west-midlands"), region("wales")]);
    assert_eq!(*international, None);
    assert!(feedback_line(&page).starts_with("SY10 is split between West Midlands and Wales."));

    let page = m.does(Event::AnswerPicked(region("wales")));
    assert_eq!(result(&page).1.region.name(), "Wales");
    assert_eq!(found_line(&page), "You chose Wales.");
}

#[test]
fn a_district_wholly_in_one_region_answers_at_once() {
    let mut m = Member::opens(Mode::App, "");
    assert_eq!(result(&m.types("M1")).1.region.name(), "North West");
}

#[test]
fn bad_input_gets_a_plain_error_and_the_member_stays_put() {
    let mut m = Member::opens(Mode::App, "");
    let page = m.types("1SW");
    assert_eq!(
        chooser(&page).feedback,
        Some(Feedback::Problem(LookupError::Postcode(
            PostcodeError::BadFormat
        )))
    );
    assert!(feedback_line(&page).starts_with("Enter a real postcode"));
    // A real district with an end that no postcode has (the letter O for
    // a zero, or a letter never used there): which part to check, and
    // that the district alone would do.
    let page = m.types("SW1A 1OA");
    assert_eq!(
        chooser(&page).feedback,
        Some(Feedback::Problem(LookupError::Postcode(
            PostcodeError::BadInward {
                outcode: "SW1A".into(),
                inward: "1OA".into()
            }
        )))
    );
    assert!(
        feedback_line(&page).starts_with(
            "SW1A is a real postcode district, but \u{201C}1OA\u{201D} cannot end a postcode"
        ),
        "{}",
        feedback_line(&page)
    );
    assert_eq!(m.model.region, None);
    let page = m.types("   ");
    assert_eq!(feedback_line(&page), "Enter a postcode");
    // A good postcode afterwards clears the error.
    let page = m.types("CF10 1EP");
    assert_eq!(result(&page).1.region.name(), "Wales");
    assert_eq!(m.model.lookup, None);
}

#[test]
fn outside_the_uk_offers_labour_international() {
    let mut m = Member::opens(Mode::App, "");
    let page = m.types("JE2 3AB");
    let Some(Feedback::Answer { international, .. }) = &chooser(&page).feedback else {
        panic!("expected an answer");
    };
    assert_eq!(*international, Some(RegionId::international()));
    assert!(feedback_line(&page).contains("Labour International"));
    let page = m.does(Event::AnswerPicked(RegionId::international()));
    assert_eq!(result(&page).1.region.name(), "Labour International");
    assert_eq!(found_line(&page), "You chose Labour International.");
    // PO boxes are in the UK: no Labour International button.
    let mut m = Member::opens(Mode::App, "");
    let page = m.types("TW98 1AA");
    let Some(Feedback::Answer { international, .. }) = &chooser(&page).feedback else {
        panic!("expected an answer");
    };
    assert_eq!(*international, None);
    assert!(feedback_line(&page).contains("not a home"));
}

#[test]
fn picking_a_region_shows_its_order_and_change_region_goes_back() {
    let mut m = Member::opens(Mode::App, "?election=nec-2022");
    let page = m.does(Event::RegionPicked(region("wales")));
    let (found, v) = result(&page);
    assert_eq!(*found, None, "a picked region needs no explanation");
    assert_eq!(v.entries.len(), 5);
    assert!(matches!(v.source, OrderSource::Generated { .. }));
    assert!(v
        .seat_groups
        .iter()
        .flat_map(|g| &g.seats)
        .any(|s| s.picks.contains(&"Lynne Jones")));
    assert_eq!(page.link.to_query(), "?election=nec-2022&region=wales");
    assert_eq!(page.link.to_path(), "nec-2022/wales/");
    // Without the app, "Change region" is a link to the election's page.
    assert!(matches!(&page.body, Body::Result { back, .. } if back == "nec-2022/"));

    let page = m.does(Event::ChangeRegion);
    let c = chooser(&page);
    assert_eq!(c.feedback, None, "the field starts empty again");
    assert!(page.take_focus, "focus goes back to the postcode field");
    assert_eq!(page.link.to_query(), "?election=nec-2022");
}

#[test]
fn change_region_forgets_the_last_answer() {
    let mut m = Member::opens(Mode::App, "");
    m.types("SY10");
    m.does(Event::AnswerPicked(region("wales")));
    let page = m.does(Event::ChangeRegion);
    assert_eq!(chooser(&page).feedback, None);
    assert_eq!(m.model.found, None);
}

#[test]
fn the_election_choice_links_the_same_region_in_each_election() {
    // Changing election is a link to that election's pre-rendered page of
    // the region shown: no event, no module.
    let mut m = Member::opens(Mode::App, "");
    let page = m.types("NE1 4ST");
    let (_, v) = result(&page);
    assert_eq!(v.region.name(), "Northern");
    assert!(page
        .elections
        .iter()
        .all(|c| c.selected == (c.election.id == page.election.election.id)));
    assert!(page
        .elections
        .iter()
        .all(|c| c.path == format!("{}/northern/", c.election.id)));
}

#[test]
fn a_deep_link_opens_the_published_northern_order() {
    let m = Member::opens(Mode::App, "?election=nec-2022&region=northern");
    let page = m.sees();
    let (found, v) = result(&page);
    assert_eq!(*found, None);
    assert_eq!(
        names(v),
        [
            "Yasmine Dar",
            "Naomi Wimborne-Idrissi",
            "Mish Rahman",
            "Jess Barnard",
            "Gemma Bolton"
        ]
    );
    assert!(matches!(v.source, OrderSource::Published { .. }));
    assert_eq!(
        en().timing(page.election.timing),
        "Voting closed on 30 August 2022"
    );
    assert!(!page.take_focus, "a link does not move focus");
}

#[test]
fn a_pre_rendered_page_address_and_an_old_query_link_open_the_same_page() {
    let by_path = Member {
        model: Model::new(Mode::App, &Link::parse_address("nec-2022/northern/", "")),
    };
    let by_query = Member::opens(Mode::App, "?election=nec-2022&region=northern");
    assert_eq!(by_path.sees(), by_query.sees());
    assert_eq!(by_path.sees().link.to_path(), "nec-2022/northern/");
    // A shared link's tracking parameters change nothing.
    let tracked = Member {
        model: Model::new(
            Mode::App,
            &Link::parse_address("nec-2022/northern/", "?fbclid=abc&utm_source=x"),
        ),
    };
    assert_eq!(tracked.sees(), by_path.sees());
}

#[test]
fn a_link_with_unknown_values_says_so_before_anything_else() {
    use slatecard::domain::link::Unknown;
    let mut m = Member::opens(Mode::App, "?election=nec-2099&region=atlantis&x=%ZZ");
    let page = m.sees();
    assert_eq!(page.election.election.id, Election::latest().id);
    chooser(&page);
    assert_eq!(
        page.unknown,
        [
            Unknown::Election("nec-2099".into()),
            Unknown::Region("atlantis".into())
        ]
    );
    let said: Vec<String> = page
        .unknown
        .iter()
        .map(|u| en().unknown_link(u, page.election.election))
        .collect();
    assert!(said[0].contains("\u{201C}nec-2099\u{201D}"), "{}", said[0]);
    assert!(
        said[0].contains(Election::latest().short_title),
        "{}",
        said[0]
    );
    assert!(said[1].contains("Choose your region below"), "{}", said[1]);
    // The address bar shows what is displayed, and choosing ends the notice.
    assert_eq!(page.link.to_path(), format!("{}/", Election::latest().id));
    let page = m.does(Event::RegionPicked(region("london")));
    assert!(page.unknown.is_empty());
    // A known election with an unknown region: the order of no region is
    // shown, and the member is told why they must choose.
    let m = Member::opens(Mode::App, "?election=nec-2020&region=Middle%20Earth");
    let page = m.sees();
    assert_eq!(page.election.election.id, "nec-2020");
    chooser(&page);
    assert_eq!(page.unknown, [Unknown::Region("Middle Earth".into())]);
}

#[test]
fn link_values_are_read_as_people_write_them() {
    for (query, election, slug) in [
        ("?election=NEC-2020&region=London", "nec-2020", "london"),
        ("?election=nec-2022&amp;region=london", "nec-2022", "london"),
        (
            "?election=nec%202018&region=North%20West",
            "nec-2018",
            "north-west",
        ),
        (
            "?region=northwest&election=Nec2022",
            "nec-2022",
            "north-west",
        ),
        ("?region=YORKSHIRE", Election::latest().id, "yorkshire"),
        (
            "?region=Yorkshire%20and%20the%20Humber",
            Election::latest().id,
            "yorkshire",
        ),
        (
            "?election=NEC%202020%20%E2%80%94%20%23GrassrootsVoice",
            "nec-2020",
            "",
        ),
    ] {
        let m = Member::opens(Mode::App, query);
        let page = m.sees();
        assert!(page.unknown.is_empty(), "{query}: {:?}", page.unknown);
        assert_eq!(page.election.election.id, election, "{query}");
        match &page.body {
            Body::Result { result, .. } => assert_eq!(result.region.slug(), slug, "{query}"),
            Body::Choose(_) => assert_eq!(slug, "", "{query}"),
        }
    }
    // Paths are read the same way.
    let link = Link::parse_address("NEC-2022/London/", "");
    assert_eq!(link.to_path(), "nec-2022/london/");
}

#[test]
fn the_2018_cross_ballot_is_alphabetical_without_numbers() {
    let m = Member::opens(Mode::App, "?election=nec-2018&region=london");
    let page = m.sees();
    let (_, v) = result(&page);
    assert_eq!(v.entries.len(), 9);
    assert!(v.entries.iter().all(|e| e.preference.is_none()));
    assert!(en()
        .instruction(v.instruction)
        .starts_with("Put a cross next to each of these 9 names"));
}

#[test]
fn every_region_of_every_election_shows_its_order_and_seats() {
    for e in Election::all() {
        for r in RegionId::all() {
            let mut m = Member::opens(Mode::App, &format!("?election={}", e.id));
            let page = m.does(Event::RegionPicked(r));
            let (_, v) = result(&page);
            assert_eq!(v.region, r);
            let want: Vec<&str> = e.candidates_for(r).iter().map(|c| c.name).collect();
            assert_eq!(names(v), want, "{} {}", e.id, r.slug());
            for g in &v.seat_groups {
                assert!(g.who.region.is_none() || g.who.region == Some(r));
            }
        }
    }
}

#[test]
fn the_widget_follows_the_same_flows_and_keeps_its_look() {
    let mut m = Member::opens(Mode::Widget, "?embed=1&theme=dark&accent=%23c00");
    let page = m.types("SY10");
    assert_eq!(page.mode, Mode::Widget);
    assert_eq!(
        (page.theme.name(), page.accent.as_deref()),
        ("dark", Some("#c00"))
    );
    let page = m.does(Event::AnswerPicked(region("west-midlands")));
    assert_eq!(result(&page).1.region.name(), "West Midlands");
    // "Open full page" carries election and region, not the widget's flag.
    assert_eq!(
        page.link.to_query(),
        format!("?election={}&region=west-midlands", Election::latest().id)
    );
    assert_eq!(page.theme.name(), "dark");
}

#[test]
fn an_event_that_changes_nothing_leaves_the_model_equal() {
    let mut m = Member::opens(Mode::App, "?region=wales");
    m.does(Event::RegionPicked(region("wales")));
    let before = m.model.clone();
    m.does(Event::RegionPicked(region("wales")));
    assert_eq!(m.model, before);
}

// The postcode island of a pre-rendered page: the same core, whose region
// pages come from the election's bundle.

/// A member on the landing page (or an election's), run by the island.
fn island(query: &str) -> Member {
    Member {
        model: Model::island(&Link::parse(query)),
    }
}

fn at(query: &str) -> Link {
    Link::parse(query)
}

#[test]
fn the_island_fetches_the_table_and_the_elections_pages_when_it_starts() {
    let mut m = island("?election=nec-2022");
    assert_eq!(
        m.asks(Event::Started),
        vec![
            Effect::FetchTable,
            Effect::FetchPages(Election::by_id("nec-2022").unwrap())
        ]
    );
    // The full app draws its pages itself: the table alone.
    let mut m = Member::opens(Mode::App, "");
    assert_eq!(m.asks(Event::Started), vec![Effect::FetchTable]);
}

#[test]
fn a_postcode_found_before_the_pages_arrive_is_shown_when_they_do() {
    let mut m = island("?election=nec-2022");
    let _ = m.asks(Event::Started);
    // Found, but the election's pages are on their way: nothing moves yet,
    // and the box says it is looking.
    assert_eq!(m.asks(Event::PostcodeEntered("NE1 4ST".into())), vec![]);
    let page = m.sees();
    assert_eq!(chooser(&page).feedback, Some(Feedback::Waiting));
    assert_eq!(page.link.to_path(), "nec-2022/", "the address stays put");
    // They arrive: the page is shown, as its own step, once.
    let effects = m.asks(Event::PagesArrived(true));
    let northern = at("?election=nec-2022&region=northern");
    assert_eq!(
        effects,
        vec![
            Effect::PushLink(northern.clone()),
            Effect::Remember(Some(region("northern"))),
            Effect::Focus(Focus::Result),
        ]
    );
    let page = m.sees();
    assert_eq!(page.link, northern);
    assert_eq!(found_line(&page), "NE1 4ST is in the Northern region.");
    // Never answered twice.
    assert_eq!(m.asks(Event::PagesArrived(true)), vec![]);
    assert_eq!(m.model.held, None);
}

#[test]
fn once_the_pages_are_there_a_postcode_is_shown_at_once() {
    // (A postcode typed before the table arrived is kept and answered when
    // it does: model.rs's unit test, as natively the table is built in.)
    let mut m = island("");
    let _ = m.asks(Event::Started);
    assert_eq!(m.asks(Event::PagesArrived(true)), vec![]);
    let effects = m.asks(Event::PostcodeEntered("cf10 1ep".into()));
    assert_eq!(effects.len(), 3);
    assert_eq!(m.model.region, Some(region("wales")));
}

#[test]
fn when_the_pages_cannot_be_fetched_a_region_is_loaded_as_a_page() {
    let mut m = island("?election=nec-2024");
    let _ = m.asks(Event::Started);
    let _ = m.asks(Event::PostcodeEntered("SW1A 1AA".into()));
    assert_eq!(
        m.asks(Event::PagesArrived(false)),
        vec![Effect::Load(at("?election=nec-2024&region=london"))]
    );
    assert_eq!(m.model.pages, Pages::Unavailable);
    // And so is every later one.
    assert_eq!(
        m.asks(Event::RegionPicked(region("wales"))),
        vec![Effect::Load(at("?election=nec-2024&region=wales"))]
    );
    // Going back to the postcode box needs no page.
    let effects = m.asks(Event::ChangeRegion);
    assert_eq!(effects.last(), Some(&Effect::Focus(Focus::Postcode)));
}

#[test]
fn back_and_forward_on_the_island_show_the_page_the_address_names() {
    let mut m = island("?election=nec-2022");
    let _ = m.asks(Event::Started);
    let _ = m.asks(Event::PagesArrived(true));
    let _ = m.asks(Event::PostcodeEntered("SW1A 1AA".into()));
    // Back: the election's page, no new history entry, no focus moved.
    assert_eq!(m.asks(Event::WentBack(at("?election=nec-2022"))), vec![]);
    assert_eq!(m.sees().link, at("?election=nec-2022"));
    assert!(matches!(m.sees().body, Body::Choose(_)));
    // Forward: London again, as the member's own page.
    assert_eq!(
        m.asks(Event::WentBack(at("?election=nec-2022&region=london"))),
        vec![]
    );
    let page = m.sees();
    assert!(matches!(
        page.body,
        Body::Result {
            from_link: false,
            ..
        }
    ));
    // Back before the pages arrive: held, and shown when they do.
    let mut m = island("?election=nec-2022");
    let _ = m.asks(Event::Started);
    let _ = m.asks(Event::WentBack(at("?election=nec-2022&region=wales")));
    assert_eq!(m.sees().link, at("?election=nec-2022"));
    assert_eq!(m.asks(Event::PagesArrived(true)), vec![]);
    assert_eq!(m.sees().link, at("?election=nec-2022&region=wales"));
}

#[test]
fn change_region_remember_and_forget_on_the_island() {
    let mut m = island("");
    let _ = m.asks(Event::Started);
    let _ = m.asks(Event::PagesArrived(true));
    let _ = m.asks(Event::Remembered(region("london")));
    assert_eq!(
        chooser(&m.sees()).remembered.as_ref().map(|r| r.0),
        Some(region("london"))
    );
    // The remembered region's link is a step of the member's own.
    let effects = m.asks(Event::RegionPicked(region("london")));
    assert_eq!(effects[1], Effect::Remember(Some(region("london"))));
    let effects = m.asks(Event::ChangeRegion);
    assert_eq!(
        effects,
        vec![Effect::PushLink(at("")), Effect::Focus(Focus::Postcode)]
    );
    assert_eq!(
        m.asks(Event::Forget),
        vec![Effect::Remember(None), Effect::Focus(Focus::Postcode)]
    );
    assert_eq!(chooser(&m.sees()).remembered, None);
}

#[test]
fn the_island_loads_what_its_election_s_pages_do_not_hold() {
    let mut m = island("?election=nec-2022");
    let _ = m.asks(Event::Started);
    let _ = m.asks(Event::PagesArrived(true));
    // Back to another election's page (history from before): loaded.
    let other = at("?election=nec-2020&region=wales");
    assert_eq!(
        m.asks(Event::WentBack(other.clone())),
        vec![Effect::Load(other)]
    );
    let landing = at("?election=nec-2020");
    assert_eq!(
        m.asks(Event::WentBack(landing.clone())),
        vec![Effect::Load(landing)]
    );
    assert_eq!(m.sees().link, at("?election=nec-2022"));
    // The landing page's own address names no election: it is the latest.
    let mut m = island("");
    let _ = m.asks(Event::Started);
    let _ = m.asks(Event::PagesArrived(true));
    let _ = m.asks(Event::RegionPicked(region("wales")));
    assert_eq!(m.asks(Event::WentBack(at(""))), vec![]);
    assert!(matches!(m.sees().body, Body::Choose(_)));
}

#[test]
fn a_page_served_for_another_address_shows_that_address() {
    // Offline, the service worker serves the landing page for a region's
    // page never visited: the island shows the address's page once the
    // pages are there, as a link opens it (no step, no focus).
    let mut m = island("?election=nec-2022");
    let _ = m.asks(Event::Started);
    let london = at("?election=nec-2022&region=london");
    assert_eq!(m.asks(Event::ServedFor(london.clone())), vec![]);
    assert_eq!(
        m.model.held,
        Some(Held {
            link: london.clone(),
            found: None,
            why: Why::Link
        })
    );
    assert_eq!(m.asks(Event::PagesArrived(true)), vec![]);
    assert_eq!(m.sees().link, london);
    // As a link opens it: "not your region?" is asked.
    assert!(matches!(
        m.sees().body,
        Body::Result {
            from_link: true,
            ..
        }
    ));
}

#[test]
fn the_widget_and_the_full_app_are_never_asked_to_load_a_page() {
    for mode in [Mode::App, Mode::Widget] {
        let mut m = Member::opens(mode, "");
        let effects = m.asks(Event::PostcodeEntered("NE1 4ST".into()));
        assert!(!effects.iter().any(|e| matches!(e, Effect::Load(_))));
        assert_eq!(effects.last(), Some(&Effect::Focus(Focus::Result)));
        // The widget remembers nothing.
        assert_eq!(
            effects.contains(&Effect::Remember(Some(region("northern")))),
            mode == Mode::App
        );
    }
}
