//! The English catalogue words every fact the core produces, the way the
//! app has always said it (these sentences are what members read).
#![cfg(not(target_arch = "wasm32"))]

use slatecard::domain::date::{Date, Moment};
use slatecard::domain::election::{Election, Electorate, Marking};
use slatecard::domain::embedding::widget_options;
use slatecard::domain::lookup::resolve;
use slatecard::domain::page::{Eligibility, Instruction, Timing};
use slatecard::domain::region::RegionId;
use slatecard::text::{catalogue, Catalogue, Lang};

fn en() -> &'static impl Catalogue {
    catalogue(Lang::En)
}

fn at(s: &str) -> i64 {
    Moment::parse(s).unwrap().start_utc_minutes()
}

#[test]
fn dates_and_times() {
    assert_eq!(
        en().date(Moment::parse("2024-02-29").unwrap().date),
        "29 February 2024"
    );
    assert_eq!(
        en().moment(Moment::parse("2020-11-12T12:00").unwrap()),
        "12 November 2020, midday UK time"
    );
}

#[test]
fn status_lines() {
    let e = Election::by_id("nec-2022").unwrap();
    let line = |when| en().timing(Timing::of(e, at(when)));
    assert_eq!(line("2022-07-01"), "Voting opens 25 July 2022");
    assert_eq!(
        line("2022-08-01"),
        "Voting closes in 29 days — end of Tuesday 30 August 2022, UK time"
    );
    assert_eq!(
        line("2022-08-29T23:00"),
        "Voting closes tomorrow — end of Tuesday 30 August 2022, UK time"
    );
    assert_eq!(
        line("2022-08-30T09:00"),
        "Voting closes today — end of Tuesday 30 August 2022, UK time"
    );
    // A close at noon is "midday", as members say it, in UK time (members
    // abroad read it too).
    let e2024 = Election::by_id("nec-2024").unwrap();
    assert_eq!(
        en().timing(Timing::of(e2024, at("2024-09-11"))),
        "Voting closes in 6 days — Tuesday 17 September 2024, midday UK time"
    );
    assert_eq!(line("2022-08-31"), "Voting closed on 30 August 2022");
    let e2020 = Election::by_id("nec-2020").unwrap();
    assert_eq!(
        en().timing(Timing::of(e2020, at("2026-01-01"))),
        "Voting closed on 12 November 2020, midday UK time"
    );
    let e2018 = Election::by_id("nec-2018").unwrap();
    assert_eq!(
        en().timing(Timing::of(e2018, at("2026-11-23"))),
        "Voting closed on 30 August 2018, midday UK time"
    );
    let e2026 = Election::by_id("nec-2026").unwrap();
    assert_eq!(
        en().timing(Timing::of(e2026, at("2026-11-23"))),
        "The 2026 ballot's dates are not in our sources: it has most likely closed"
    );
}

#[test]
fn instructions_and_seats() {
    assert_eq!(
        en().instruction(Instruction::Rank { count: 5 }),
        "Number these 5 candidates 1 to 5 on your ballot, in this order."
    );
    assert_eq!(
        en().instruction(Instruction::Cross { count: 9, max: 9 }),
        "Put a cross next to each of these 9 names (you have up to 9 crosses; order does not matter)."
    );
    let who = |electorate, region| en().eligibility(Eligibility { electorate, region });
    assert_eq!(who(Electorate::All, None), "Every member can vote");
    assert_eq!(
        who(Electorate::Councillors, None),
        "Only if you are a councillor"
    );
    let wales = RegionId::from_slug("wales");
    assert_eq!(
        who(Electorate::All, wales),
        "Every member in Wales can vote"
    );
    assert_eq!(
        who(Electorate::Youth, wales),
        "Only if you are under 27 and a member in Wales"
    );
    // What to mark: only the number when no source says how (the card
    // then says to mark as the paper asks), exactly what to write when one does.
    for (marking, votes, words) in [
        (Marking::Unknown, 2, "up to 2 places"),
        (Marking::Unknown, 1, "1 place"),
        (Marking::Unknown, 0, ""),
        (Marking::Crosses, 2, "Put a cross beside up to 2 names"),
        (Marking::Crosses, 1, "Put a cross beside one name"),
        (
            Marking::Crosses,
            0,
            "Put a cross beside each name you vote for",
        ),
        (
            Marking::Numbers,
            2,
            "Number up to 2: 1 beside your first choice, 2 beside the next",
        ),
        (Marking::Numbers, 1, "Write 1 beside one name"),
        (
            Marking::Numbers,
            0,
            "Number them in order of preference: 1 beside your first choice, 2 beside the next",
        ),
    ] {
        assert_eq!(
            en().marking(marking, votes),
            words,
            "{marking:?}, {votes} votes"
        );
    }
    assert_eq!(en().names(&["A", "B"]), "A and B");
    assert_eq!(en().names(&["A", "B", "C"]), "A, B and C");
}

#[test]
fn lookup_answers() {
    let said = |input| en().answer(&resolve(input).unwrap());
    assert_eq!(
        said("SY10"),
        "SY10 is split between West Midlands and Wales. Enter your full postcode, or choose:"
    );
    assert_eq!(said("SW1A 1AA"), "SW1A 1AA is in the London region.");
    assert!(said("ZZ9 9ZZ").starts_with("We can't find ZZ9 9ZZ in our postcode list."));
    assert!(said("IM1 1AA").starts_with("The Isle of Man is not part of a UK region"));
    assert_eq!(
        said("FIQQ 1ZZ"),
        "Members living in the Falkland Islands belong to Labour International."
    );
    assert_eq!(
        said("KY1-1234"),
        "Members living in the Cayman Islands belong to Labour International."
    );
    for input in ["", "SW1A 1AA 1AA 1", "£$%", "12345678901"] {
        let e = resolve(input).unwrap_err();
        assert!(!e.to_string().is_empty());
        assert_eq!(e.to_string(), en().lookup_error(&e));
    }
}

#[test]
fn mount_option_errors_name_what_would_be_accepted() {
    let err = |k, v| widget_options([(k, v)]).unwrap_err().to_string();
    // Whatever elections are bundled, most recent first.
    let ids: Vec<&str> = Election::all().iter().map(|e| e.id).collect();
    assert!(ids.contains(&"nec-2022"));
    assert_eq!(
        err("election", "nec-2019"),
        format!("no election \"nec-2019\": use one of {}", ids.join(", "))
    );
    assert!(err("region", "Atlantis").starts_with("no region \"Atlantis\""));
    assert_eq!(
        err("theme", "pink"),
        "theme \"pink\" is not \"light\", \"dark\" or \"auto\""
    );
    assert!(err("accent", "red;}body{").starts_with("accent \"red;}body{\" is not a colour"));
    assert!(err("colour", "#c00").starts_with("unknown option \"colour\""));
}

#[test]
fn sources_say_who_and_when() {
    let d = Date::parse("2026-01-28").ok();
    assert_eq!(
        en().published_by("LabourList", d).as_deref(),
        Some("(LabourList, 28 January 2026)")
    );
    assert_eq!(
        en().published_by("LabourList", None).as_deref(),
        Some("(LabourList)")
    );
    assert_eq!(en().published_by("", None), None);
}

#[test]
fn a_postcode_that_reads_two_ways_is_a_question() {
    use slatecard::domain::postcode::PostcodeError;
    assert_eq!(
        en().postcode_error(&PostcodeError::Ambiguous(vec!["SO14".into(), "S14".into()])),
        "That could be SO14 or S14. Enter the one you mean, or your full postcode, or choose your region below."
    );
}

#[test]
fn too_long_says_what_to_type() {
    // Most often a postcode with the town after it.
    let said = en().lookup_error(&resolve("SW1A 1AA, London").unwrap_err());
    assert_eq!(
        said,
        "A postcode has at most 8 characters: enter just the postcode, like SW1A 1AA"
    );
}

#[test]
fn why_pages_say_whose_orders_they_are() {
    // Why pages explain regional orders; they never call an order the
    // slate's plan where slatecard worked it out.
    let said = |id: &str| en().why(Election::by_id(id).unwrap()).explanation.join(" ");
    for id in ["nec-2024", "nec-2026"] {
        assert_eq!(
            Election::by_id(id).unwrap().published_orders().count(),
            0,
            "{id}"
        );
        let s = said(id);
        assert!(
            s.contains("every order here was worked out by slatecard"),
            "{id}: {s}"
        );
        assert!(s.contains("not the slate's instruction"), "{id}: {s}");
        assert!(!s.contains("slate's plan"), "{id}: {s}");
    }
    let e = Election::by_id("nec-2022").unwrap();
    let (published, all) = (e.published_orders().count(), e.orders.len());
    assert!(published > 0 && published < all);
    let s = said("nec-2022");
    assert!(
        s.contains(&format!("own order for {published} of the {all} regions")),
        "{s}"
    );
    assert!(!s.contains("slate's plan"), "{s}");
}
