//! The result card's decisions (issue #13), made in the core and worded by
//! the catalogue: whose order it is and where the slate's own are, whether
//! the region came with someone else's link, the deadline line, the text a
//! member copies, and Back.
#![cfg(not(target_arch = "wasm32"))]

use slatecard::domain::date::Moment;
use slatecard::domain::election::{Election, Marking};
use slatecard::domain::link::Link;
use slatecard::domain::model::{update, Event, Mode, Model};
use slatecard::domain::page::{view, Body, OrderSource, Page, ResultView};
use slatecard::domain::region::RegionId;
use slatecard::text::{catalogue, Catalogue, Lang};

fn en() -> &'static impl Catalogue {
    catalogue(Lang::En)
}

fn region(slug: &str) -> RegionId {
    RegionId::from_slug(slug).unwrap()
}

fn at(s: &str) -> i64 {
    Moment::parse(s).unwrap().start_utc_minutes()
}

fn result(page: &Page) -> (&ResultView, bool) {
    match &page.body {
        Body::Result {
            result, from_link, ..
        } => (result, *from_link),
        Body::Choose(_) => panic!("no result"),
    }
}

#[test]
fn a_region_that_came_with_a_link_is_questioned_until_the_member_acts() {
    let mut m = Model::new(Mode::App, &Link::parse("?election=nec-2022&region=london"));
    let page = view(&m, at("2026-11-30"));
    let (r, from_link) = result(&page);
    assert!(from_link);
    assert_eq!(
        en().not_your_region(r.region),
        "This is the order for London. Not your region?"
    );
    // Their own choice, or their postcode: no question.
    let _ = update(&mut m, Event::RegionPicked(region("wales")));
    assert!(!result(&view(&m, 0)).1);
    let mut m = Model::new(Mode::App, &Link::parse("?election=nec-2022"));
    let _ = update(&mut m, Event::PostcodeEntered("CF10 1EP".into()));
    assert!(!result(&view(&m, 0)).1);
    // Back to a step they took is still theirs.
    let _ = update(
        &mut m,
        Event::WentBack(Link::parse("?election=nec-2022&region=london")),
    );
    let page = view(&m, 0);
    assert_eq!(result(&page).0.region, region("london"));
    assert!(!result(&page).1);
}

#[test]
fn a_worked_out_order_points_to_what_the_slate_published() {
    let e = Election::by_id("nec-2022").unwrap();
    // London's order is slatecard's; Northern's is the slate's.
    let london = ResultView::build(e, region("london"));
    assert!(matches!(london.source, OrderSource::Generated { .. }));
    assert_eq!(
        london.published_elsewhere,
        [(region("northern"), "nec-2022/northern/".to_owned())]
    );
    let northern = ResultView::build(e, region("northern"));
    assert!(matches!(northern.source, OrderSource::Published { .. }));
    assert!(northern.published_elsewhere.is_empty());
    // 2020: both regions of the shared, partly published list.
    let e = Election::by_id("nec-2020").unwrap();
    let wales = ResultView::build(e, region("wales"));
    let regions: Vec<RegionId> = wales.published_elsewhere.iter().map(|(r, _)| *r).collect();
    assert_eq!(regions, [region("northern"), region("south-west")]);
    // Where the slate published nothing, there is nothing to point to.
    let e = Election::by_id("nec-2024").unwrap();
    assert!(ResultView::build(e, region("wales"))
        .published_elsewhere
        .is_empty());
}

#[test]
fn the_page_says_what_it_is() {
    let e = Election::by_id("nec-2022").unwrap();
    assert_eq!(en().page_heading(e), "How to vote: NEC 2022 — Grassroots 5");
}

#[test]
fn the_copied_order_is_plain_text_with_whose_it_is() {
    let e = Election::by_id("nec-2022").unwrap();
    let v = ResultView::build(e, region("northern"));
    assert_eq!(
        en().order_text(e, &v, "https://x.org/nec-2022/northern/"),
        "NEC 2022 — Grassroots 5, Northern:\n1 Yasmine Dar\n2 Naomi Wimborne-Idrissi\n3 Mish Rahman\n4 Jess Barnard\n5 Gemma Bolton\nThe slate's published order.\nhttps://x.org/nec-2022/northern/"
    );
    let v = ResultView::build(e, region("london"));
    assert!(en()
        .order_text(e, &v, "u")
        .contains("Worked out by slatecard: the slate did not publish an order for this region."));
    // A cross ballot says X, the mark the ballot wants.
    let e = Election::by_id("nec-2018").unwrap();
    let v = ResultView::build(e, region("wales"));
    assert!(en().order_text(e, &v, "u").contains("\nX Yasmine Dar\n"));
}

#[test]
fn the_deadline_counts_down_in_uk_days() {
    let e = Election::by_id("nec-2024").unwrap();
    let days = |when| {
        view(
            &Model::new(Mode::App, &Link::parse("?election=nec-2024")),
            at(when),
        )
        .election
        .timing
        .days_left()
    };
    assert_eq!(days("2024-09-11T09:00"), Some(6));
    assert_eq!(days("2024-09-16T23:59"), Some(1));
    assert_eq!(days("2024-09-17T11:59"), Some(0));
    assert_eq!(days("2024-09-17T12:00"), None); // closed at midday
    assert_eq!(days("2024-08-01"), None); // not open yet
    assert!(e.closes.is_some());
}

#[test]
fn the_card_says_what_to_do_after_the_slates_names() {
    use slatecard::domain::page::Instruction;
    assert_eq!(
        en().after_the_slate(Instruction::Rank { count: 5 }),
        "After number 5 you may stop, or go on numbering other candidates you support: under STV a later preference never counts against an earlier one."
    );
    assert_eq!(
        en().after_the_slate(Instruction::Cross { count: 9, max: 9 }),
        "You may also put crosses next to other candidates, up to 9 in all."
    );
}

#[test]
fn the_reminder_is_a_calendar_that_calendars_read_right() {
    use icalendar::parser::{read_calendar, unfold};
    use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};
    use slatecard::domain::reminder::ics;
    let e = Election::by_id("nec-2024").unwrap();
    let v = ResultView::build(e, region("london"));
    let order = en().order_text(e, &v, "https://x.org/nec-2024/london/");
    let file = ics(
        e,
        "london",
        &en().reminder(e, &order),
        at("2024-09-11T09:00"),
    )
    .unwrap();
    assert!(file.ends_with("END:VCALENDAR\r\n"));
    // Read back with a maintained iCalendar parser.
    let unfolded = unfold(&file);
    let parsed = read_calendar(&unfolded).unwrap();
    let calendar: icalendar::Calendar = parsed.into();
    let event = calendar
        .components
        .iter()
        .find_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .expect("one event");
    // Midday on 17 September 2024, BST: 11:00 UTC.
    let start = event.get_start().unwrap();
    let DatePerhapsTime::DateTime(CalendarDateTime::Utc(utc)) = start else {
        panic!("{start:?}")
    };
    assert_eq!(utc.to_rfc3339(), "2024-09-17T11:00:00+00:00");
    assert_eq!(
        event.get_summary(),
        Some("Labour ballot closes: NEC 2024 — Centre Left Grassroots Alliance")
    );
    assert_eq!(event.get_description(), Some(order.as_str()));
    // The alarm fires a day before.
    let parsed = read_calendar(&unfolded).unwrap();
    let alarm = &parsed.components[0].components[0];
    assert_eq!(alarm.name.as_str(), "VALARM");
    assert_eq!(alarm.find_prop("TRIGGER").unwrap().val.as_str(), "-P1D");
    assert_eq!(alarm.find_prop("ACTION").unwrap().val.as_str(), "DISPLAY");
}

#[test]
fn the_device_remembers_only_the_members_own_region_until_told_to_forget() {
    use slatecard::domain::page::Chooser;
    let chooser = |m: &Model| match view(m, 0).body {
        Body::Choose(Chooser { remembered, .. }) => remembered,
        Body::Result { .. } => panic!("a result"),
    };
    // A region that came with a link is not theirs to remember.
    let m = Model::new(Mode::App, &Link::parse("?election=nec-2022&region=london"));
    assert_eq!(view(&m, 0).remember, None);
    // One they chose is; the widget never remembers.
    let mut m = Model::new(Mode::App, &Link::parse("?election=nec-2022"));
    let _ = update(&mut m, Event::RegionPicked(region("wales")));
    assert_eq!(view(&m, 0).remember, Some(region("wales")));
    let mut w = Model::new(Mode::Widget, &Link::parse("?election=nec-2022"));
    let _ = update(&mut w, Event::RegionPicked(region("wales")));
    assert_eq!(view(&w, 0).remember, None);
    // Next visit: offered on the page for choosing, with its page's path.
    let mut m = Model::new(Mode::App, &Link::parse("?election=nec-2020"));
    let _ = update(&mut m, Event::Remembered(region("wales")));
    assert_eq!(
        chooser(&m),
        Some((region("wales"), "nec-2020/wales/".to_owned()))
    );
    // Another election's page offers it with that election's path;
    // "Forget it" drops it.
    let mut m = Model::new(Mode::App, &Link::parse("?election=nec-2022"));
    let _ = update(&mut m, Event::Remembered(region("wales")));
    assert_eq!(
        chooser(&m),
        Some((region("wales"), "nec-2022/wales/".to_owned()))
    );
    let _ = update(&mut m, Event::Forget);
    assert_eq!(chooser(&m), None);
}

/// The footer's release line names the day in words, the version and the
/// fingerprint, for every election.
#[test]
fn data_version_line_names_day_version_and_fingerprint() {
    for e in slatecard::domain::election::ELECTIONS {
        let line = en().data_version(e);
        assert!(line.starts_with("Orders last updated "), "{line}");
        assert!(line.contains(&en().date(e.updated)), "{line}");
        assert!(line.contains(&format!("version {}", e.version)), "{line}");
        assert!(
            line.ends_with(&format!("fingerprint {}", e.fingerprint)),
            "{line}"
        );
        assert_eq!(e.fingerprint.len(), 8);
        assert!(e.fingerprint.bytes().all(|b| b.is_ascii_hexdigit()));
    }
}

/// Every result of a ranked election with regional orders links the page
/// explaining why orders differ; a cross ballot's does not.
#[test]
fn ranked_results_link_why_orders_differ() {
    use slatecard::domain::election::{BallotKind, ELECTIONS};
    use slatecard::domain::page::ResultView;
    for e in ELECTIONS {
        let v = ResultView::build(e, region("wales"));
        if e.kind == BallotKind::Ranked && !e.orders.is_empty() {
            assert_eq!(
                v.why.as_deref(),
                Some(format!("{}/why.html", e.id).as_str())
            );
        } else {
            assert_eq!(v.why, None, "{}", e.id);
        }
    }
}

/// "Mark as each section asks" shows exactly when some seat on the member's
/// ballot has no sourced marking; a seat whose marking the data gives says
/// what to write instead (its words: tests/catalogue.rs).
#[test]
fn mark_as_asked_only_while_a_seat_marking_is_unknown() {
    let e = Election::by_id("nec-2022").expect("bundled");
    let mut v = ResultView::build(e, RegionId::from_slug("wales").expect("a region"));
    // No source gives how the bundled elections' other sections are marked.
    assert!(!v.seat_groups.is_empty());
    assert!(v.mark_as_asked());
    let seats = || v.seat_groups.iter().flat_map(|g| &g.seats);
    assert!(seats().all(|s| s.marking == Marking::Unknown));
    for s in v.seat_groups.iter_mut().flat_map(|g| &mut g.seats) {
        s.marking = Marking::Crosses;
    }
    assert!(!v.mark_as_asked());
    v.seat_groups[0].seats[0].marking = Marking::Unknown;
    assert!(v.mark_as_asked());
}

/// Picks a source gives only from the nomination stage are shown as such,
/// in the card's words for unconfirmed picks; picks given for the ballot
/// are not (issue #28).
#[test]
fn nomination_stage_picks_are_not_shown_as_confirmed() {
    use slatecard::text::Label;
    let e = Election::by_id("nec-2024").expect("bundled");
    let v = ResultView::build(e, region("wales"));
    let seats: Vec<_> = v.seat_groups.iter().flat_map(|g| &g.seats).collect();
    let wales = seats
        .iter()
        .find(|s| s.name == "Welsh representative")
        .expect("the Welsh seat, for a member in Wales");
    assert_eq!(wales.picks, ["Sam Swash"]);
    assert!(wales.nomination_stage);
    assert!(
        wales.note.contains("no Welsh representative"),
        "{}",
        wales.note
    );
    assert!(seats
        .iter()
        .filter(|s| s.published)
        .all(|s| s.nomination_stage));
    assert_eq!(
        en().label(Label::NominationStage),
        "Not confirmed on the ballot: picked while nominations were open"
    );
    // 2022's picks are the ballot's (Labour Briefing, NELL): confirmed.
    let v = ResultView::build(
        Election::by_id("nec-2022").expect("bundled"),
        region("wales"),
    );
    assert!(v
        .seat_groups
        .iter()
        .flat_map(|g| &g.seats)
        .all(|s| !s.nomination_stage));
}

/// What changed after the count is shown apart from the result: the count
/// still elected Wimborne-Idrissi (in round 14), and Rahman, who took her
/// seat, is not listed among the elected (issue #28).
#[test]
fn changes_after_the_count_are_not_results() {
    use slatecard::text::Label;
    let e = Election::by_id("nec-2022").expect("bundled");
    let v = ResultView::build(e, region("northern"));
    let o = v.outcome.as_ref().expect("2022's results");
    assert!(o.elected.contains(&("Naomi Wimborne-Idrissi", true)));
    assert!(!o.elected.iter().any(|(n, _)| *n == "Mish Rahman"));
    assert_eq!(o.round_of("Naomi Wimborne-Idrissi"), Some(14));
    assert_eq!(o.round_of("Ann Black"), None);
    assert_eq!(en().elected_round(14), "elected in round 14");
    assert_eq!(o.changes.len(), 1);
    let c = &o.changes[0];
    assert_eq!(
        (c.left, c.joined),
        ("Naomi Wimborne-Idrissi", "Mish Rahman")
    );
    assert!(en()
        .change(c)
        .starts_with("Naomi Wimborne-Idrissi was suspended"));
    assert_eq!(en().label(Label::AfterTheCount), "After the count");
    // The slate's lines: elected by the count, as the count said.
    let line = |name: &str| {
        v.entries
            .iter()
            .find(|x| x.name == name)
            .expect("on the slate")
    };
    assert_eq!(line("Naomi Wimborne-Idrissi").elected, Some(true));
    assert_eq!(line("Mish Rahman").elected, Some(false));
    // 2024: every winner's stage, from Labour Hub.
    let v = ResultView::build(
        Election::by_id("nec-2024").expect("bundled"),
        region("wales"),
    );
    let o = v.outcome.as_ref().expect("2024's results");
    assert_eq!(o.round_of("Gemma Bolton"), Some(18));
    assert_eq!(o.round_of("Cat Arnold"), Some(21));
    assert_eq!(o.rounds.len(), 9);
    assert!(o.changes.is_empty());
}

/// The card as members see it, drawn by the app's own components (the
/// pre-rendered page): the words for unconfirmed picks and for changes
/// after the count are on it. With `SLATECARD_SHOTS=DIR`, each page is
/// also written as a static HTML file with the app's styles, for a
/// screenshot (`chromium --headless --screenshot`).
#[test]
fn the_drawn_card_shows_unconfirmed_picks_and_changes_after_the_count() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/styles/app.css"))
        .expect("styles/app.css");
    for (name, query, must) in [
        (
            "unconfirmed-picks",
            "?election=nec-2024&region=wales",
            &[
                "Not confirmed on the ballot: picked while nominations were open",
                "elected in round 18",
            ][..],
        ),
        (
            "after-the-count",
            "?election=nec-2022&region=northern",
            &[
                "After the count",
                "Mish Rahman, the next runner-up, took the seat",
                "elected in round 14",
            ][..],
        ),
    ] {
        let html =
            slatecard_site::prerender::render_app(&Link::parse(query), "/", at("2026-12-06"));
        for text in must {
            assert!(html.contains(text), "{name}: no {text:?}");
        }
        if let Ok(dir) = std::env::var("SLATECARD_SHOTS") {
            // Every <details> open, so the screenshot shows what a tap shows.
            let open = html.replace("<details", "<details open");
            let page = format!(
                "<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content=\"width=device-width\"><style>{css}</style></head><body>{open}</body></html>"
            );
            std::fs::write(format!("{dir}/{name}.html"), page).expect("write");
        }
    }
}
