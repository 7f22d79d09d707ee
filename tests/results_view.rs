//! What the card says about an election's data beyond the order: lists that
//! regions share, who else is on the ballot, who was elected and which seats
//! were decided unopposed. Decided in the core, worded by the catalogue.
#![cfg(not(target_arch = "wasm32"))]

use slatecard::domain::date::Moment;
use slatecard::domain::election::Election;
use slatecard::domain::link::Link;
use slatecard::domain::model::{Mode, Model};
use slatecard::domain::page::{view, BallotLine, BallotView, Body, ResultView, ResultsMissing};
use slatecard::domain::region::RegionId;
use slatecard::text::{catalogue, Catalogue, Lang};

fn en() -> &'static impl Catalogue {
    catalogue(Lang::En)
}

fn region(slug: &str) -> RegionId {
    RegionId::from_slug(slug).unwrap()
}

fn card(election: &str, slug: &str) -> ResultView {
    ResultView::build(Election::by_id(election).unwrap(), region(slug))
}

/// The card as a member sees it on `day` (a page's view, not just the build).
fn card_on(election: &str, slug: &str, day: &str) -> ResultView {
    let link = Link::parse(&format!("?election={election}&region={slug}"));
    let now = Moment::parse(day).unwrap().start_utc_minutes();
    match view(&Model::new(Mode::App, &link), now).body {
        Body::Result { result, .. } => result,
        Body::Choose(_) => panic!("no result for {election} {slug}"),
    }
}

#[test]
fn a_shared_list_names_the_other_regions() {
    let sw = card("nec-2020", "south-west");
    assert_eq!(sw.shared_with, [region("northern")]);
    assert_eq!(
        en().shared_list(sw.shared_with),
        "The slate gave members in Northern this same list."
    );
    assert!(card("nec-2020", "london").shared_with.is_empty());
    assert!(card("nec-2022", "northern").shared_with.is_empty());
}

#[test]
fn the_ballot_list_carries_the_slates_marks() {
    let v = card("nec-2024", "london");
    let BallotView::Partial(lines) = &v.ballot else {
        panic!("{:?}", v.ballot)
    };
    assert_eq!(lines.len(), 16);
    // Each slate candidate's line carries the number the card gives them.
    for (i, entry) in v.entries.iter().enumerate() {
        let surname = entry.name.rsplit(' ').next().unwrap();
        let line = lines.iter().find(|l| l.name.starts_with(surname)).unwrap();
        assert_eq!(line.mark, Some(i as u8 + 1), "{}", entry.name);
    }
    assert_eq!(
        lines.iter().filter(|l| l.mark.is_none()).count(),
        16 - v.entries.len()
    );
    assert_eq!(
        lines[0],
        BallotLine {
            name: "Arnold, Cat",
            mark: None
        }
    );
    assert_eq!(
        en().ballot_list(&v.ballot),
        "16 of the names on the ballot, with the slate's marks (our sources do not list them all)"
    );
    // No list at all: the slate's names in the ballot's order (by surname),
    // each with its number, and a word that other names will be between them.
    let v = card("nec-2022", "wales");
    let BallotView::Unknown(lines) = &v.ballot else {
        panic!("{:?}", v.ballot)
    };
    let shown: Vec<(&str, Option<u8>)> = lines.iter().map(|l| (l.name, l.mark)).collect();
    let number = |name: &str| {
        v.entries
            .iter()
            .find(|e| e.name == name)
            .and_then(|e| e.preference)
    };
    assert_eq!(
        shown,
        [
            ("Jess Barnard", number("Jess Barnard")),
            ("Gemma Bolton", number("Gemma Bolton")),
            ("Yasmine Dar", number("Yasmine Dar")),
            ("Mish Rahman", number("Mish Rahman")),
            ("Naomi Wimborne-Idrissi", number("Naomi Wimborne-Idrissi")),
        ]
    );
    assert!(en()
        .ballot_list(&v.ballot)
        .starts_with("As your ballot lists them (alphabetically), with the slate's marks."));
    // A cross ballot: an X beside each.
    let v = card("nec-2018", "wales");
    let BallotView::Unknown(lines) = &v.ballot else {
        panic!()
    };
    assert!(lines.iter().all(|l| l.mark == Some(0)));
}

#[test]
fn results_mark_the_slates_elected() {
    let v = card("nec-2024", "london");
    let o = v.outcome.as_ref().unwrap();
    assert_eq!((o.slate_elected, o.slate_size), (3, 4));
    assert_eq!(o.elected.len(), 9);
    assert_eq!(
        en().outcome(o),
        "3 of the slate's 4 candidates were elected. Announced 18 September 2024."
    );
    let rahman = v.entries.iter().find(|e| e.name == "Mish Rahman").unwrap();
    assert_eq!(rahman.elected, Some(false));
    let dar = v.entries.iter().find(|e| e.name == "Yasmine Dar").unwrap();
    assert_eq!(dar.elected, Some(true));
    // 2018: all nine, with the votes that were published, the rest last.
    let v = card("nec-2018", "wales");
    let o = v.outcome.as_ref().unwrap();
    assert_eq!(
        en().outcome(o),
        "All 9 of the slate's candidates were elected. Announced 3 September 2018."
    );
    assert_eq!(o.slate_counts[0], ("Yasmine Dar", Some(88176)));
    assert_eq!(o.slate_counts.len(), 9);
    assert_eq!(
        o.slate_counts.iter().filter(|(_, v)| v.is_none()).count(),
        3
    );
    assert!(o.slate_counts[6..].iter().all(|(_, v)| v.is_none()));
    assert_eq!(en().votes_count(88176), "88,176");
    assert_eq!(en().quota("12954.9"), "Quota to be elected: 12,954.9 votes");
    // 2020's quota as published.
    let o = card("nec-2020", "london").outcome.unwrap();
    assert_eq!(o.quota, Some("12954.9"));
    assert_eq!((o.slate_elected, o.slate_size), (5, 6));
}

#[test]
fn a_closed_election_without_results_says_so() {
    // 2026's dates are not in the data: by its year it has most likely
    // closed, and the page says no more than that.
    let v = card_on("nec-2026", "wales", "2026-11-30");
    assert!(v.outcome.is_none());
    assert_eq!(v.results_missing, Some(ResultsMissing::LikelyClosed));
    // While voting is open there is nothing to say yet.
    let v = card_on("nec-2026", "wales", "2026-07-01");
    assert_eq!(v.results_missing, None);
    // With results, nothing is missing.
    assert_eq!(
        card_on("nec-2024", "wales", "2026-11-30").results_missing,
        None
    );
}

#[test]
fn unopposed_seats_are_not_offered_for_a_vote() {
    let v = card("nec-2024", "wales");
    let unopposed: Vec<(&str, &[&str])> = v
        .unopposed
        .iter()
        .map(|s| (s.name.text, s.elected))
        .collect();
    assert_eq!(
        unopposed,
        [
            ("Treasurer", &["Mike Payne"][..]),
            ("BAME representative", &["Carol Sewell"][..]),
            ("Disabled members' representative", &["Ellen Morrison"][..]),
        ]
    );
    for g in &v.seat_groups {
        for s in &g.seats {
            assert!(
                !unopposed.iter().any(|(name, _)| *name == s.name.text),
                "{}",
                s.name
            );
        }
    }
    // A contested seat with a result says who won.
    let v = card("nec-2022", "wales");
    let welsh = v
        .seat_groups
        .iter()
        .flat_map(|g| &g.seats)
        .find(|s| s.name == "Welsh representative")
        .unwrap();
    assert_eq!(welsh.picks, ["Lynne Jones"]);
    assert_eq!(en().seat_result(welsh.elected), "Elected: Carwyn Jones");
}

#[test]
fn a_candidates_note_reaches_the_card() {
    let v = card("nec-2018", "london");
    let willsman = v
        .entries
        .iter()
        .find(|e| e.name == "Peter Willsman")
        .unwrap();
    assert!(willsman.note.starts_with("Momentum withdrew its support"));
    assert_eq!(willsman.elected, Some(true));
}
