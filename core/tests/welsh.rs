//! The Welsh catalogue is complete: every label and every message has Welsh
//! words, none empty, none left in English (except where the same words are
//! right in both languages, listed below with why), and the grammar that
//! cannot be had by swapping words (dates, counted nouns, ordinals,
//! mutations of place names) says what a Welsh reader expects.
//!
//! The trait already makes a missing message fail the build; these tests
//! catch a message that exists but was left in English, or came out empty.
#![cfg(all(feature = "en", feature = "cy"))]
#![cfg(not(target_arch = "wasm32"))]

use slatecard_core::domain::date::{Date, Moment};
use slatecard_core::domain::election::{
    Candidate, Change, DataText, Election, Electorate, Marking, Seat,
};
use slatecard_core::domain::embedding::OptionError;
use slatecard_core::domain::link::{Link, Unknown};
use slatecard_core::domain::lookup::{resolve, LookupError};
use slatecard_core::domain::model::{Found, Lang, Mode, Model};
use slatecard_core::domain::page::{
    view, BallotLine, BallotView, Eligibility, Instruction, Outcome, ResultView, Timing,
};
use slatecard_core::domain::postcode::PostcodeError;
use slatecard_core::domain::region::RegionId;
use slatecard_core::domain::simulate::{Scenario, Simulation};
use slatecard_core::domain::table::TableError;
use slatecard_core::text::cy::Welsh;
use slatecard_core::text::en::English;
use slatecard_core::text::{Catalogue, Label};

/// Messages whose Welsh is rightly the same as the English, and why. Any
/// other message identical to the English fails the test.
const SAME_IN_BOTH: &[(&str, &str)] = &[
    // The product's name is a name.
    ("label Brand", "slatecard is the product's name"),
    // Figures are written the same way (the comma groups thousands in
    // Welsh too).
    ("votes_count", "a number"),
    // A publisher without a date is only its name, in brackets.
    (
        "published_by without a date",
        "the publisher's name, as the source gives it",
    ),
    // A change without a date is only the data's note (the data's language
    // until the data carries Welsh).
    ("change without a date", "the data's own words"),
    // One person's name is the name, never translated.
    ("names: one", "a person's name"),
    // The calendar reminder's notes are the order the caller passes in.
    ("reminder description", "the order text passed in"),
];

/// Checks one message: Welsh words exist, and differ from the English
/// unless [`SAME_IN_BOTH`] says why they should not.
fn check(what: &str, en: &str, cy: &str) {
    if en.is_empty() {
        // An empty English message means "say nothing" (marking with
        // neither a method nor a number): Welsh says nothing too.
        assert!(
            cy.is_empty(),
            "{what}: English says nothing, Welsh says {cy:?}"
        );
        return;
    }
    assert!(!cy.trim().is_empty(), "{what}: no Welsh");
    if SAME_IN_BOTH.iter().any(|(w, _)| *w == what) {
        return;
    }
    assert_ne!(en, cy, "{what}: the Welsh is the English");
}

fn at(s: &str) -> i64 {
    Moment::parse(s).unwrap().start_utc_minutes()
}

fn region(slug: &str) -> RegionId {
    RegionId::from_slug(slug).unwrap_or_else(|| panic!("no region {slug}"))
}

fn moment(s: &str) -> Moment {
    Moment::parse(s).unwrap()
}

/// A small simulation, shaped as `slatecard::simulate` returns them.
fn simulation(regional: [usize; 3], single: [usize; 3]) -> Simulation {
    Simulation {
        candidates: vec![
            "Yasmine Dar".into(),
            "Ann Henderson".into(),
            "Mish Rahman".into(),
        ],
        single_order: vec![0, 1, 2],
        first_weight: vec![1, 1, 1],
        total_weight: 3,
        first_share: vec![0.34, 0.33, 0.33],
        scenarios: regional
            .iter()
            .zip(single)
            .map(|(&r, s)| Scenario {
                slate_percent: 40,
                plump_percent: 10,
                elected_regional: r,
                elected_single: s,
                first_regional: vec![1, 1, 1],
                first_single: vec![3, 0, 0],
            })
            .collect(),
        assumptions: vec![],
    }
}

#[test]
fn every_label_has_welsh() {
    for &label in Label::ALL {
        check(
            &format!("label {label:?}"),
            English.label(label),
            Welsh.label(label),
        );
    }
}

#[test]
fn every_fixed_text_has_welsh() {
    let (en, cy) = (English.shell(), Welsh.shell());
    for (what, e, c) in [
        ("shell page_title", en.page_title, cy.page_title),
        ("shell description", en.description, cy.description),
        ("shell no_script", en.no_script, cy.no_script),
        ("shell loading", en.loading, cy.loading),
        ("shell frame_title", en.frame_title, cy.frame_title),
        ("shell oembed_title", en.oembed_title, cy.oembed_title),
        ("shell app_failed", en.app_failed, cy.app_failed),
        ("shell widget_failed", en.widget_failed, cy.widget_failed),
        ("shell retry", en.retry, cy.retry),
        ("shell looking_up", en.looking_up, cy.looking_up),
        ("shell copied", en.copied, cy.copied),
        ("shell corrected", en.corrected, cy.corrected),
        ("shell reload", en.reload, cy.reload),
    ] {
        check(what, e, c);
    }
    let (en, cy) = (English.print_text(), Welsh.print_text());
    for (what, e, c) in [
        ("print number_them", en.number_them, cy.number_them),
        ("print cross_each", en.cross_each, cy.cross_each),
        ("print published", en.published, cy.published),
        (
            "print partly_published",
            en.partly_published,
            cy.partly_published,
        ),
        ("print generated", en.generated, cy.generated),
        ("print each_region", en.each_region, cy.each_region),
        ("print landing", en.landing, cy.landing),
        ("print stall_title", en.stall_title, cy.stall_title),
        ("print stall_hint", en.stall_hint, cy.stall_hint),
        ("print back_to_page", en.back_to_page, cy.back_to_page),
        ("print scan", en.scan, cy.scan),
        ("print not_found", en.not_found, cy.not_found),
        ("print not_found_body", en.not_found_body, cy.not_found_body),
        ("print not_found_link", en.not_found_link, cy.not_found_link),
    ] {
        check(what, e, c);
    }
}

#[test]
fn every_region_has_a_welsh_name() {
    for r in RegionId::all() {
        assert_ne!(
            slatecard_core::text::cy::region_name(r),
            r.name(),
            "{}: no Welsh name",
            r.slug()
        );
        let cy = Welsh.not_your_region(r);
        check(
            &format!("region {}", r.slug()),
            &English.not_your_region(r),
            &cy,
        );
        assert!(
            !cy.contains(r.name()),
            "{}: the Welsh still names the region in English: {cy}",
            r.slug()
        );
    }
}

#[test]
fn every_message_about_every_election_has_welsh() {
    let times = [
        "2018-01-01",
        "2020-10-20",
        "2022-07-01",
        "2022-08-01",
        "2022-08-29T23:00",
        "2022-08-30T09:00",
        "2024-09-11",
        "2024-09-17T11:00",
        "2026-11-23",
    ];
    for e in Election::all() {
        let id = e.id;
        for when in times {
            let t = Timing::of(e, at(when));
            check(
                &format!("timing {id} {when}"),
                &English.timing(t),
                &Welsh.timing(t),
            );
        }
        if let Some(c) = e.closes {
            check(
                &format!("closes_on {id}"),
                &English.closes_on(c),
                &Welsh.closes_on(c),
            );
        }
        check(
            &format!("page_heading {id}"),
            &English.page_heading(e),
            &Welsh.page_heading(e),
        );
        check(
            &format!("data_version {id}"),
            &English.data_version(e),
            &Welsh.data_version(e),
        );
        check(
            &format!("embed_title {id}"),
            &English.embed_title(Some(e)),
            &Welsh.embed_title(Some(e)),
        );
        let (en, cy) = (English.reminder(e, "1 A"), Welsh.reminder(e, "1 A"));
        check("reminder summary", &en.summary, &cy.summary);
        check("reminder description", &en.description, &cy.description);
        check("reminder alarm", &en.alarm, &cy.alarm);
        let (en, cy) = (English.why(e), Welsh.why(e));
        assert_eq!(en.explanation.len(), cy.explanation.len());
        for (i, (e_, c)) in en.explanation.iter().zip(&cy.explanation).enumerate() {
            check(&format!("why {id} explanation {i}"), e_, c);
        }
        for (what, e_, c) in [
            ("title", &en.title, &cy.title),
            ("chart_title", &en.chart_title, &cy.chart_title),
            ("regional", &en.regional, &cy.regional),
            ("single", &en.single, &cy.single),
            (
                "simulation_title",
                &en.simulation_title,
                &cy.simulation_title,
            ),
            (
                "simulation_label",
                &en.simulation_label,
                &cy.simulation_label,
            ),
            (
                "simulation_intro",
                &en.simulation_intro,
                &cy.simulation_intro,
            ),
            ("wigm", &en.wigm, &cy.wigm),
            ("last_parcel", &en.last_parcel, &cy.last_parcel),
            ("slate_share", &en.slate_share, &cy.slate_share),
            ("plumpers", &en.plumpers, &cy.plumpers),
            ("assumptions", &en.assumptions, &cy.assumptions),
            ("back", &en.back, &cy.back),
        ] {
            check(&format!("why {id} {what}"), e_, c);
        }
        for r in RegionId::all() {
            let slug = r.slug();
            let v = ResultView::build(e, r);
            check(
                &format!("order_text {id} {slug}"),
                &English.order_text(e, &v, "https://example.org/"),
                &Welsh.order_text(e, &v, "https://example.org/"),
            );
            check(
                &format!("instruction {id} {slug}"),
                &English.instruction(v.instruction),
                &Welsh.instruction(v.instruction),
            );
            check(
                &format!("after_the_slate {id} {slug}"),
                &English.after_the_slate(v.instruction),
                &Welsh.after_the_slate(v.instruction),
            );
            check(
                &format!("ballot_list {id} {slug}"),
                &English.ballot_list(&v.ballot),
                &Welsh.ballot_list(&v.ballot),
            );
            if !v.shared_with.is_empty() {
                check(
                    &format!("shared_list {id} {slug}"),
                    &English.shared_list(v.shared_with),
                    &Welsh.shared_list(v.shared_with),
                );
            }
            if let Some(o) = &v.outcome {
                check(
                    &format!("outcome {id}"),
                    &English.outcome(o),
                    &Welsh.outcome(o),
                );
                if let Some(q) = o.quota {
                    check("quota", &English.quota(q), &Welsh.quota(q));
                }
                for change in o.changes {
                    let what = match change.date {
                        Some(_) => format!("change {id}"),
                        None => "change without a date".to_owned(),
                    };
                    check(&what, &English.change(change), &Welsh.change(change));
                }
                for (_, round) in &o.rounds {
                    check(
                        &format!("elected_round {round}"),
                        &English.elected_round(*round),
                        &Welsh.elected_round(*round),
                    );
                }
            }
            for group in &v.seat_groups {
                check(
                    &format!("eligibility {id} {slug}"),
                    &English.eligibility(group.who),
                    &Welsh.eligibility(group.who),
                );
                for seat in &group.seats {
                    check(
                        &format!("marking {id} {}", seat.name),
                        &English.marking(seat.marking, seat.votes),
                        &Welsh.marking(seat.marking, seat.votes),
                    );
                    if !seat.elected.is_empty() {
                        check(
                            &format!("seat_result {id} {}", seat.name),
                            &English.seat_result(seat.elected),
                            &Welsh.seat_result(seat.elected),
                        );
                    }
                }
            }
            for query in [
                format!("?election={id}"),
                format!("?election={id}&region={slug}"),
            ] {
                let page = view(
                    &Model::new(Mode::App, &Link::parse(&query)),
                    at("2026-11-30"),
                );
                let (en, cy) = (English.page_meta(&page), Welsh.page_meta(&page));
                check(&format!("page_meta title {query}"), &en.title, &cy.title);
                check(
                    &format!("page_meta description {query}"),
                    &en.description,
                    &cy.description,
                );
            }
            check(
                &format!("showing {slug}"),
                &English.showing(e.slate, r),
                &Welsh.showing(e.slate, r),
            );
            check(
                &format!("found chosen {slug}"),
                &English.found(&Found::Chosen, r),
                &Welsh.found(&Found::Chosen, r),
            );
        }
    }
    check(
        "embed_title app",
        &English.embed_title(None),
        &Welsh.embed_title(None),
    );
}

#[test]
fn every_other_message_has_welsh() {
    for electorate in [
        Electorate::All,
        Electorate::Youth,
        Electorate::Bame,
        Electorate::Disabled,
        Electorate::Councillors,
    ] {
        for r in [None, Some(region("wales")), Some(region("scotland"))] {
            let who = Eligibility {
                electorate,
                region: r,
            };
            check(
                &format!("eligibility {electorate:?} {r:?}"),
                &English.eligibility(who),
                &Welsh.eligibility(who),
            );
        }
    }
    for marking in [Marking::Unknown, Marking::Numbers, Marking::Crosses] {
        for votes in 0..=12 {
            check(
                &format!("marking {marking:?} {votes}"),
                &English.marking(marking, votes),
                &Welsh.marking(marking, votes),
            );
        }
    }
    for count in 1..=12 {
        for i in [
            Instruction::Rank { count },
            Instruction::Cross { count, max: 12 },
        ] {
            check(
                &format!("{i:?}"),
                &English.instruction(i),
                &Welsh.instruction(i),
            );
            check(
                &format!("after {i:?}"),
                &English.after_the_slate(i),
                &Welsh.after_the_slate(i),
            );
        }
        let lines = vec![
            BallotLine {
                name: "A",
                mark: None
            };
            count
        ];
        for b in [
            BallotView::Complete(lines.clone()),
            BallotView::Partial(lines),
        ] {
            check(
                &format!("{b:?}"),
                &English.ballot_list(&b),
                &Welsh.ballot_list(&b),
            );
        }
    }
    for positions in 1..=5 {
        check(
            "partly_published",
            &English.partly_published(positions),
            &Welsh.partly_published(positions),
        );
    }
    check(
        "names: one",
        &English.names(&["Yasmine Dar"]),
        &Welsh.names(&["Yasmine Dar"]),
    );
    check(
        "names: three",
        &English.names(&["A", "B", "C"]),
        &Welsh.names(&["A", "B", "C"]),
    );
    for input in [
        "SY10", "SW1A 1AA", "SW1A 1OA", "ZZ9 9ZZ", "IM1 1AA", "JE2 3AB", "GY1 1AA", "BFPO 1",
        "FIQQ 1ZZ", "KY1-1234", "GIR 0AA", "75001",
    ] {
        match resolve(input) {
            Ok(a) => check(
                &format!("answer {input}"),
                &English.answer(&a),
                &Welsh.answer(&a),
            ),
            Err(e) => check(
                &format!("lookup_error {input}"),
                &English.lookup_error(&e),
                &Welsh.lookup_error(&e),
            ),
        }
    }
    for e in [
        PostcodeError::Empty,
        PostcodeError::TooLong,
        PostcodeError::BadCharacter('£'),
        PostcodeError::BadFormat,
        PostcodeError::Word("MANCHESTER".into()),
        PostcodeError::Ambiguous(vec!["SO14".into(), "S14".into()]),
        PostcodeError::BadInward {
            outcode: "SW1A".into(),
            inward: "1OA".into(),
        },
    ] {
        check(
            &format!("{e:?}"),
            &English.postcode_error(&e),
            &Welsh.postcode_error(&e),
        );
    }
    for e in [
        TableError::BadHeader,
        TableError::Corrupt("units"),
        TableError::NotLoaded,
        TableError::Unavailable,
    ] {
        check(
            &format!("{e:?}"),
            &English.table_error(&e),
            &Welsh.table_error(&e),
        );
        let e = LookupError::Table(e);
        check(
            &format!("{e:?}"),
            &English.lookup_error(&e),
            &Welsh.lookup_error(&e),
        );
    }
    let found = Found::Postcode {
        understood: "SW1A 1OA".into(),
        repaired: true,
    };
    check(
        "found repaired",
        &English.found(&found, region("london")),
        &Welsh.found(&found, region("london")),
    );
    let e = Election::latest();
    for u in [
        Unknown::Election("nec-1999".into()),
        Unknown::Region("atlantis".into()),
    ] {
        check(
            &format!("{u:?}"),
            &English.unknown_link(&u, e),
            &Welsh.unknown_link(&u, e),
        );
    }
    check(
        "attribution",
        &English.attribution(2025),
        &Welsh.attribution(2025),
    );
    check(
        "widget_note",
        &English.widget_note(2025),
        &Welsh.widget_note(2025),
    );
    check(
        "why_poll",
        &English.why_poll(241_000, 9),
        &Welsh.why_poll(241_000, 9),
    );
    let sims = [
        simulation([3, 2, 2], [2, 2, 2]),
        simulation([2, 2, 2], [2, 2, 2]),
        simulation([1, 2, 2], [2, 2, 2]),
        simulation([3, 1, 2], [2, 2, 2]),
    ];
    check(
        "why_chart",
        &English.why_chart(&sims[0]),
        &Welsh.why_chart(&sims[0]),
    );
    let pairs: Vec<(&Simulation, bool)> = sims.iter().map(|s| (s, true)).collect();
    for (i, (en, cy)) in English
        .why_reading(&pairs)
        .iter()
        .zip(Welsh.why_reading(&pairs))
        .enumerate()
    {
        check(&format!("why_reading {i}"), en, &cy);
    }
    for e in [
        OptionError::NotAnObject,
        OptionError::NotAString {
            key: "region".into(),
        },
        OptionError::UnknownElection {
            value: "nec-1999".into(),
        },
        OptionError::UnknownRegion {
            value: "atlantis".into(),
        },
        OptionError::UnknownTheme {
            value: "pink".into(),
        },
        OptionError::BadAccent {
            value: "red".into(),
        },
        OptionError::UnknownOption {
            key: "colour".into(),
        },
    ] {
        check(
            &format!("{e:?}"),
            &English.option_error(&e),
            &Welsh.option_error(&e),
        );
    }
    check(
        "votes_count",
        &English.votes_count(4686),
        &Welsh.votes_count(4686),
    );
    let d = Date::parse("2026-01-28").ok();
    check(
        "published_by",
        &English.published_by("LabourList", d).unwrap(),
        &Welsh.published_by("LabourList", d).unwrap(),
    );
    check(
        "published_by without a date",
        &English.published_by("LabourList", None).unwrap(),
        &Welsh.published_by("LabourList", None).unwrap(),
    );
    assert_eq!(Welsh.published_by("", None), None);
    let change = Change {
        date: None,
        left: "",
        joined: "",
        note: "Laura Pidcock resigned.",
        note_cy: None,
    };
    check(
        "change without a date",
        &English.change(&change),
        &Welsh.change(&change),
    );
    for round in 1..=30 {
        check(
            &format!("elected_round {round}"),
            &English.elected_round(round),
            &Welsh.elected_round(round),
        );
    }
}

// ------------------------------------------------------------------------
// What a Welsh reader sees
// ------------------------------------------------------------------------

#[test]
fn dates_and_times() {
    assert_eq!(Welsh.date(moment("2024-02-29").date), "29 Chwefror 2024");
    assert_eq!(
        Welsh.moment(moment("2020-11-12T12:00")),
        "12 Tachwedd 2020, hanner dydd amser y DU"
    );
    assert_eq!(
        Welsh.moment(moment("2020-11-12T17:00")),
        "12 Tachwedd 2020, 17:00 amser y DU"
    );
    let months: Vec<String> = (1..=12)
        .map(|m| Welsh.date(Date::new(2025, m, 1).unwrap()))
        .collect();
    assert_eq!(
        months.join(" / "),
        "1 Ionawr 2025 / 1 Chwefror 2025 / 1 Mawrth 2025 / 1 Ebrill 2025 / 1 Mai 2025 / 1 Mehefin 2025 / 1 Gorffennaf 2025 / 1 Awst 2025 / 1 Medi 2025 / 1 Hydref 2025 / 1 Tachwedd 2025 / 1 Rhagfyr 2025"
    );
}

#[test]
fn status_lines_count_days_the_welsh_way() {
    let e2022 = Election::by_id("nec-2022").unwrap();
    let line = |e, when| Welsh.timing(Timing::of(e, at(when)));
    assert_eq!(
        line(e2022, "2022-07-01"),
        "Mae'r bleidlais yn agor ar 25 Gorffennaf 2022"
    );
    assert_eq!(
        line(e2022, "2022-08-01"),
        "Mae'r bleidlais yn cau ymhen 29 diwrnod — diwedd dydd Mawrth 30 Awst 2022, amser y DU"
    );
    assert_eq!(
        line(e2022, "2022-08-29T23:00"),
        "Mae'r bleidlais yn cau yfory — diwedd dydd Mawrth 30 Awst 2022, amser y DU"
    );
    assert_eq!(
        line(e2022, "2022-08-30T09:00"),
        "Mae'r bleidlais yn cau heddiw — diwedd dydd Mawrth 30 Awst 2022, amser y DU"
    );
    assert_eq!(
        line(e2022, "2022-08-31"),
        "Caeodd y bleidlais ar 30 Awst 2022"
    );
    // A noon close: "hanner dydd", in UK time.
    let e2024 = Election::by_id("nec-2024").unwrap();
    for (when, days) in [
        ("2024-09-15", "dau ddiwrnod"),
        ("2024-09-14", "tri diwrnod"),
        ("2024-09-13", "pedwar diwrnod"),
        ("2024-09-12", "pum niwrnod"),
        ("2024-09-11", "chwe diwrnod"),
        ("2024-09-10", "saith niwrnod"),
        ("2024-09-07", "deng niwrnod"),
        ("2024-09-05", "12 diwrnod"),
    ] {
        assert_eq!(
            line(e2024, when),
            format!(
                "Mae'r bleidlais yn cau ymhen {days} — dydd Mawrth 17 Medi 2024, hanner dydd amser y DU"
            )
        );
    }
    let e2020 = Election::by_id("nec-2020").unwrap();
    assert_eq!(
        line(e2020, "2026-01-01"),
        "Caeodd y bleidlais ar 12 Tachwedd 2020, hanner dydd amser y DU"
    );
    let e2026 = Election::by_id("nec-2026").unwrap();
    assert_eq!(
        line(e2026, "2026-11-23"),
        "Nid yw dyddiadau pleidlais 2026 yn ein ffynonellau: mae'n debygol iawn ei bod wedi cau"
    );
    // On a printed card the day is adverbial, so it mutates: "ddydd".
    assert_eq!(
        Welsh.closes_on(moment("2024-09-17T12:00")),
        "Mae'r bleidlais yn cau ddydd Mawrth 17 Medi 2024, hanner dydd amser y DU"
    );
    assert_eq!(
        Welsh.closes_on(moment("2022-08-30")),
        "Mae'r bleidlais yn cau ar ddiwedd dydd Mawrth 30 Awst 2022"
    );
}

#[test]
fn rounds_are_ordinals_that_agree_with_rownd() {
    for (round, words) in [
        (1, "etholwyd yn y rownd gyntaf"),
        (2, "etholwyd yn yr ail rownd"),
        (3, "etholwyd yn y drydedd rownd"),
        (4, "etholwyd yn y bedwaredd rownd"),
        (8, "etholwyd yn yr wythfed rownd"),
        (10, "etholwyd yn y ddegfed rownd"),
        (14, "etholwyd yn y bedwaredd rownd ar ddeg"),
        (20, "etholwyd yn yr ugeinfed rownd"),
        (25, "etholwyd yn rownd 25"),
    ] {
        assert_eq!(Welsh.elected_round(round), words);
    }
}

#[test]
fn counted_things_stay_singular() {
    assert_eq!(
        Welsh.instruction(Instruction::Rank { count: 5 }),
        "Ar eich papur pleidleisio, rhowch rif i'r pum ymgeisydd hyn, o 1 i 5, yn y drefn hon."
    );
    assert_eq!(
        Welsh.instruction(Instruction::Rank { count: 2 }),
        "Ar eich papur pleidleisio, rhowch rif i'r ddau ymgeisydd hyn, o 1 i 2, yn y drefn hon."
    );
    assert_eq!(
        Welsh.instruction(Instruction::Cross { count: 9, max: 9 }),
        "Rhowch groes wrth bob un o'r naw enw hyn (mae gennych hyd at naw croes; does dim ots am y drefn)."
    );
    assert_eq!(
        Welsh.after_the_slate(Instruction::Cross { count: 2, max: 2 }),
        "Gallwch hefyd roi croes wrth ymgeiswyr eraill, hyd at ddwy groes i gyd."
    );
    for (marking, votes, words) in [
        (Marking::Unknown, 2, "hyd at ddau ymgeisydd"),
        (Marking::Unknown, 1, "un ymgeisydd"),
        (Marking::Unknown, 0, ""),
        (Marking::Crosses, 2, "Rhowch groes wrth hyd at ddau enw"),
        (Marking::Crosses, 5, "Rhowch groes wrth hyd at bum enw"),
        (Marking::Crosses, 1, "Rhowch groes wrth un enw"),
        (
            Marking::Numbers,
            3,
            "Rhowch rifau hyd at 3: 1 wrth eich dewis cyntaf, 2 wrth yr un nesaf",
        ),
        (Marking::Numbers, 1, "Rhowch 1 wrth un enw"),
    ] {
        assert_eq!(Welsh.marking(marking, votes), words, "{marking:?}, {votes}");
    }
    let outcome = |elected, size| Outcome {
        announced: Date::parse("2022-09-13").ok(),
        elected: vec![],
        slate_elected: elected,
        slate_size: size,
        quota: None,
        slate_counts: vec![],
        rounds: vec![],
        changes: &[],
    };
    assert_eq!(
        Welsh.outcome(&outcome(3, 5)),
        "Etholwyd tri o bum ymgeisydd y tîm. Cyhoeddwyd ar 13 Medi 2022."
    );
    assert_eq!(
        Welsh.outcome(&outcome(2, 2)),
        "Etholwyd pob un o ddau ymgeisydd y tîm. Cyhoeddwyd ar 13 Medi 2022."
    );
    assert_eq!(
        Welsh.outcome(&outcome(0, 6)),
        "Nid etholwyd yr un o chwe ymgeisydd y tîm. Cyhoeddwyd ar 13 Medi 2022."
    );
    assert_eq!(
        Welsh.ballot_list(&BallotView::Complete(vec![
            BallotLine {
                name: "A",
                mark: None
            };
            3
        ])),
        "Pawb ar y papur pleidleisio (tri ymgeisydd), yn nhrefn y papur, gyda marciau'r tîm"
    );
    assert_eq!(
        Welsh.postcode_error(&PostcodeError::TooLong),
        "Does dim mwy nag wyth nod mewn cod post: rhowch y cod post yn unig, fel SW1A 1AA"
    );
    assert_eq!(Welsh.votes_count(4686), "4,686");
    assert_eq!(
        Welsh.quota("12954.9"),
        "Y cwota i gael eich ethol: 12,954.9 pleidlais"
    );
}

#[test]
fn places_mutate_where_welsh_mutates_them() {
    let who = |electorate, slug| {
        Welsh.eligibility(Eligibility {
            electorate,
            region: Some(region(slug)),
        })
    };
    assert_eq!(
        who(Electorate::All, "wales"),
        "Gall pob aelod yng Nghymru bleidleisio"
    );
    assert_eq!(
        who(Electorate::Youth, "scotland"),
        "Dim ond os ydych o dan 27 oed ac yn aelod yn yr Alban"
    );
    assert_eq!(
        who(Electorate::Councillors, "northern-ireland"),
        "Dim ond os ydych yn gynghorydd ac yn aelod yng Ngogledd Iwerddon"
    );
    assert_eq!(
        Welsh.shared_list(&[region("wales"), region("london"), region("scotland")]),
        "Rhoddodd y tîm yr un rhestr i aelodau yng Nghymru, yn Llundain ac yn yr Alban hefyd."
    );
    assert_eq!(
        Welsh.not_your_region(region("scotland")),
        "Dyma drefn yr Alban. Nid dyma'ch rhanbarth chi?"
    );
    assert_eq!(
        Welsh.found(&Found::Chosen, region("north-west")),
        "Rydych chi wedi dewis Gogledd-orllewin Lloegr."
    );
}

#[test]
fn lookup_answers() {
    let said = |input| Welsh.answer(&resolve(input).unwrap());
    assert_eq!(
        said("SY10"),
        "Mae SY10 wedi'i rannu rhwng Gorllewin Canolbarth Lloegr a Chymru. Rhowch eich cod post llawn, neu dewiswch:"
    );
    assert_eq!(said("SW1A 1AA"), "Mae SW1A 1AA yn rhanbarth Llundain.");
    assert!(said("ZZ9 9ZZ")
        .starts_with("Nid ydym yn gallu dod o hyd i ZZ9 9ZZ yn ein rhestr o godau post."));
    assert!(said("IM1 1AA").starts_with("Nid yw Ynys Manaw yn rhan o un o ranbarthau'r DU"));
    assert_eq!(
        said("FIQQ 1ZZ"),
        "Mae Ynysoedd y Falklands yn un o diriogaethau tramor y Deyrnas Unedig: mae aelodau sy'n byw yno yn perthyn i Lafur Rhyngwladol."
    );
    assert_eq!(
        Welsh.postcode_error(&PostcodeError::Ambiguous(vec!["SO14".into(), "S14".into()])),
        "Gallai hynny fod yn SO14 neu S14. Rhowch yr un rydych chi'n ei olygu, neu eich cod post llawn, neu dewiswch eich rhanbarth isod."
    );
    for input in ["", "SW1A 1AA 1AA 1", "£$%", "12345678901"] {
        let e = resolve(input).unwrap_err();
        let cy = Welsh.lookup_error(&e);
        assert!(!cy.is_empty());
        assert_ne!(cy, e.to_string(), "{input:?}: the Welsh is the English");
    }
}

#[test]
fn names_of_people_are_never_changed() {
    assert_eq!(
        Welsh.names(&["Jess Barnard", "Gemma Bolton", "Ann Henderson"]),
        "Jess Barnard, Gemma Bolton ac Ann Henderson"
    );
    assert_eq!(
        Welsh.seat_result(&["Carwyn Jones", "Pat Walsh"]),
        "Etholwyd: Carwyn Jones a Pat Walsh"
    );
    let e = Election::by_id("nec-2022").unwrap();
    let text = Welsh.order_text(
        e,
        &ResultView::build(e, region("wales")),
        "https://example.org/",
    );
    for c in e.candidates {
        assert!(text.contains(c.name), "{} is missing from {text}", c.name);
    }
    assert!(
        text.starts_with(&format!("{}, Cymru:\n1 ", e.short_title)),
        "{text}"
    );
}

// ------------------------------------------------------------------------
// The data's own words (`…_cy` in the data files)
// ------------------------------------------------------------------------

#[test]
fn a_welsh_page_shows_the_datas_welsh_where_given_and_its_english_marked_otherwise() {
    // A fixture: the bundled data has no Welsh forms yet.
    let candidate = Candidate {
        id: "dar",
        name: "Yasmine Dar",
        summary: "CLP representative on the NEC since 2018.",
        summary_cy: Some("Cynrychiolydd yr etholaethau ers 2018."),
        note: "Withdrew.",
        note_cy: None,
    };
    let welsh = DataText {
        text: "Cynrychiolydd yr etholaethau ers 2018.",
        lang: Lang::Cy,
    };
    assert_eq!(candidate.summary_in(Lang::Cy), welsh);
    assert_eq!(welsh.foreign_on(Lang::Cy), None, "Welsh is never marked");
    // No Welsh: the English, which a Welsh page marks as English.
    let note = candidate.note_in(Lang::Cy);
    assert_eq!(note, DataText::english("Withdrew."));
    assert_eq!(note.foreign_on(Lang::Cy), Some(Lang::En));
    // An English page never shows the Welsh.
    assert_eq!(
        candidate.summary_in(Lang::En),
        DataText::english(candidate.summary)
    );
    assert_eq!(candidate.summary_in(Lang::En).foreign_on(Lang::En), None);
    let seat = Seat {
        id: "youth",
        name: "Youth representative",
        name_cy: Some("Cynrychiolydd ieuenctid"),
        electorate: Electorate::Youth,
        votes: 1,
        marking: Marking::Unknown,
        regions: &[],
        picks: &[],
        published: false,
        note: "",
        note_cy: None,
        elected: &[],
        unopposed: false,
        nomination_stage: false,
    };
    assert_eq!(seat.name_in(Lang::Cy).text, "Cynrychiolydd ieuenctid");
    assert_eq!(seat.name_in(Lang::En).text, "Youth representative");
    assert!(seat.note_in(Lang::Cy).is_empty());
    // The catalogue words a change with its Welsh note on a Welsh page.
    let change = Change {
        date: Some(Date {
            year: 2022,
            month: 12,
            day: 1,
        }),
        left: "",
        joined: "",
        note: "Laura Pidcock resigned.",
        note_cy: Some("Ymddiswyddodd Laura Pidcock."),
    };
    assert_eq!(
        Welsh.change(&change),
        "1 Rhagfyr 2022: Ymddiswyddodd Laura Pidcock."
    );
    assert_eq!(
        English.change(&change),
        "1 December 2022: Laura Pidcock resigned."
    );
}

#[test]
fn a_welsh_result_carries_the_bundled_english_data_text_marked_as_english() {
    for e in Election::all() {
        for r in RegionId::all() {
            let cy = ResultView::build_in(e, r, Lang::Cy);
            let en = ResultView::build_in(e, r, Lang::En);
            assert_eq!(en, ResultView::build(e, r));
            // Where the bundled data has no Welsh: the same words, in English.
            assert_eq!(cy.slate, en.slate);
            assert_eq!(cy.slate.foreign_on(Lang::Cy), Some(Lang::En));
            assert_eq!(en.slate.foreign_on(Lang::En), None);
            // A summary the data gives in Welsh (`summary_cy`: NEC 2024
            // and 2026) is in Welsh, and only then.
            for (x, c) in cy.entries.iter().zip(e.candidates_for(r)) {
                match c.summary_cy {
                    Some(w) => assert_eq!((x.summary.text, x.summary.lang), (w, Lang::Cy)),
                    None => assert_eq!((x.summary.text, x.summary.lang), (c.summary, Lang::En)),
                }
            }
            // Everything else the data gives only in English.
            let texts = cy
                .entries
                .iter()
                .map(|x| x.note)
                .chain(cy.notes.iter().copied())
                .chain(cy.seat_groups.iter().flat_map(|g| &g.seats).map(|s| s.name));
            for t in texts {
                assert_eq!(t.lang, Lang::En, "{t}");
            }
            // Names of people are the data's, in both.
            let names = |v: &ResultView| v.entries.iter().map(|x| x.name).collect::<Vec<_>>();
            assert_eq!(names(&cy), names(&en));
        }
    }
}

#[test]
fn welsh_pages_describe_each_election_by_its_welsh_title() {
    for e in Election::all() {
        let welsh = e
            .title_cy
            .unwrap_or_else(|| panic!("{}: every bundled election has title_cy", e.id));
        assert_eq!(
            e.title_in(Lang::Cy),
            DataText {
                text: welsh,
                lang: Lang::Cy
            }
        );
        assert_eq!(e.title_in(Lang::En), DataText::english(e.title));
        assert_ne!(welsh, e.title, "{}", e.id);
        for query in [
            format!("?election={}", e.id),
            format!("?election={}&region=wales", e.id),
        ] {
            let page = view(
                &Model::new(Mode::App, &Link::parse(&query)),
                at("2026-11-30"),
            );
            let cy = Welsh.page_meta(&page).description;
            assert!(cy.contains(welsh), "{query}: {cy}");
            assert!(!cy.contains(e.title), "{query}: {cy}");
            let en = English.page_meta(&page).description;
            assert!(en.contains(e.title), "{query}: {en}");
            assert!(!en.contains(welsh), "{query}: {en}");
        }
    }
}

/// `docs/welsh-glossary.md` gives a source for every term (issue #29): each
/// row of its term tables names at least one key of its Sources table (or
/// keeps an English acronym as it is, and says why), and every key it
/// defines has an address.
#[test]
fn the_glossary_gives_a_source_for_every_term() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/welsh-glossary.md");
    let text = std::fs::read_to_string(path).expect("docs/welsh-glossary.md is readable");
    let cells = |line: &str| -> Vec<String> {
        line.trim()
            .trim_start_matches('|')
            .trim_end_matches('|')
            .split(" | ")
            .map(|c| c.trim().to_owned())
            .collect()
    };
    let mut section = "";
    let mut keys = Vec::new();
    let mut terms = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if let Some(heading) = line.strip_prefix("## ") {
            section = if heading == "Sources" {
                "sources"
            } else if heading == "Terms" {
                "terms"
            } else {
                ""
            };
            continue;
        }
        let is_row = line.starts_with("| ") && !line.starts_with("|---");
        if !is_row {
            continue;
        }
        let row = cells(line);
        match section {
            "sources" if row[0] != "key" => {
                assert!(
                    row.len() == 3 && !row[2].is_empty(),
                    "welsh-glossary.md:{}: source {} has no address",
                    n + 1,
                    row[0]
                );
                keys.push(row[0].clone());
            }
            "terms" if !row[0].starts_with("English") => terms.push((n + 1, row)),
            _ => {}
        }
    }
    assert!(
        keys.len() > 20 && terms.len() > 50,
        "the glossary's tables were not found"
    );
    let cites = |source: &str| {
        keys.iter().any(|k| {
            source.match_indices(k.as_str()).any(|(i, _)| {
                let after = source[i + k.len()..].chars().next();
                !matches!(after, Some(c) if c.is_ascii_alphanumeric() || c == '-')
            })
        })
    };
    let seen: Vec<&str> = terms.iter().map(|(_, row)| row[0].as_str()).collect();
    for (line, row) in &terms {
        assert!(
            row.len() == 4,
            "welsh-glossary.md:{line}: a term row has four cells"
        );
        let source = &row[2];
        let see_above =
            source.starts_with("See above") && seen.iter().filter(|t| **t == row[0]).count() > 1;
        // An acronym kept as it is (BFPO) is not a Welsh term: its note says why.
        let kept = row[1] == row[0] && !row[3].is_empty();
        assert!(
            cites(source) || see_above || kept,
            "welsh-glossary.md:{line}: \"{}\" cites no source of the Sources table",
            row[0]
        );
    }
}
