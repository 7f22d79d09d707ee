//! View models: everything the UI shows, worked out in plain Rust so it can be
//! tested natively. The Yew components only render these.

use super::election::{BallotKind, Election, Electorate, Provenance, Status};
use super::region::RegionId;

/// One line of the recommended ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryView {
    /// 1-based preference for ranked ballots; `None` for a cross.
    pub preference: Option<u8>,
    /// Candidate's name.
    pub name: &'static str,
    /// Short description (may be empty).
    pub summary: &'static str,
}

/// Where the order shown comes from, for the member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrderSource {
    /// The slate published it.
    Published {
        /// Where.
        source: &'static str,
    },
    /// slatecard generated it.
    Generated {
        /// The method, in words.
        method: &'static str,
    },
    /// The first `positions` places were published, the rest generated.
    Partly {
        /// Published leading places.
        positions: u8,
        /// Where.
        source: &'static str,
        /// The method, in words.
        method: &'static str,
    },
    /// A cross ballot: no order.
    NoOrder,
}

/// A seat the member may be able to vote for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatView {
    /// Seat name.
    pub name: &'static str,
    /// The slate's picks (empty when not published).
    pub picks: &'static [&'static str],
    /// e.g. "Vote for 2" (empty when not stated).
    pub votes: String,
    /// False when the picks are not in our sources.
    pub published: bool,
    /// Note for the member.
    pub note: &'static str,
}

/// Seats grouped by who may vote for them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatGroup {
    /// Plain statement of eligibility, e.g. "If you are under 27".
    pub who: String,
    /// The seats.
    pub seats: Vec<SeatView>,
}

/// Everything shown for one election and one region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultView {
    /// Election id.
    pub election_id: &'static str,
    /// Election title.
    pub title: &'static str,
    /// Slate name.
    pub slate: &'static str,
    /// Region name.
    pub region: &'static str,
    /// Status line, e.g. "Voting closed on 30 August 2022".
    pub status: String,
    /// True while voting is open.
    pub open: bool,
    /// How to mark the ballot, in one line.
    pub instruction: String,
    /// The candidates, in the order to use.
    pub entries: Vec<EntryView>,
    /// Where the order comes from.
    pub source: OrderSource,
    /// Other seats, grouped by who may vote.
    pub seat_groups: Vec<SeatGroup>,
    /// Notes.
    pub notes: &'static [&'static str],
}

/// The status line for an election at `now_utc_minutes`.
///
/// ```
/// use slatecard::domain::{election::Election, view::status_line};
/// let e = Election::by_id("nec-2020").unwrap();
/// assert_eq!(status_line(e, i64::MAX / 2).0, "Voting closed on 12 November 2020, 12:00");
/// ```
pub fn status_line(e: &Election, now_utc_minutes: i64) -> (String, bool) {
    match e.status_at(now_utc_minutes) {
        Status::Upcoming { opens } => (format!("Voting opens {opens}"), false),
        Status::Open { closes: Some(c) } => (format!("Voting open — closes {c}"), true),
        Status::Open { closes: None } => ("Voting open".to_owned(), true),
        Status::Closed { closed: Some(c) } => (format!("Voting closed on {c}"), false),
        Status::Closed { closed: None } => (format!("Voting closed ({})", e.held), false),
    }
}

fn who_may_vote(electorate: Electorate, regions: &[RegionId]) -> String {
    let place = match regions {
        [] => String::new(),
        [one] => format!(" in {}", one.name()),
        many => {
            let names: Vec<&str> = many.iter().map(|r| r.name()).collect();
            format!(" in {}", names.join(" or "))
        }
    };
    match electorate {
        Electorate::All if place.is_empty() => "Every member can vote".to_owned(),
        Electorate::All => format!("Every member{place} can vote"),
        Electorate::Youth => format!("Only if you are under 27{}", with_place(&place)),
        Electorate::Bame => format!(
            "Only if you self-define as Black, Asian or minority ethnic (BAME){}",
            with_place(&place)
        ),
        Electorate::Disabled => {
            format!("Only if you self-define as disabled{}", with_place(&place))
        }
        Electorate::Councillors => format!("Only if you are a councillor{}", with_place(&place)),
    }
}

fn with_place(place: &str) -> String {
    if place.is_empty() {
        String::new()
    } else {
        format!(" and a member{place}")
    }
}

impl ResultView {
    /// Builds the view for `election` and `region` at `now_utc_minutes`.
    ///
    /// Seats limited to other regions are left out: the member cannot vote for them.
    ///
    /// ```
    /// use slatecard::domain::{election::Election, region::RegionId, view::ResultView};
    /// let e = Election::by_id("nec-2022").unwrap();
    /// let v = ResultView::build(e, RegionId::from_slug("northern").unwrap(), 0);
    /// assert_eq!(v.entries[0].name, "Yasmine Dar");
    /// assert_eq!(v.entries[0].preference, Some(1));
    /// ```
    pub fn build(election: &'static Election, region: RegionId, now_utc_minutes: i64) -> Self {
        let (status, open) = status_line(election, now_utc_minutes);
        let candidates = election.candidates_for(region);
        let ranked = matches!(election.kind, BallotKind::Ranked);
        let entries = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| EntryView {
                preference: ranked.then_some(i as u8 + 1),
                name: c.name,
                summary: c.summary,
            })
            .collect::<Vec<_>>();
        let instruction = match election.kind {
            BallotKind::Ranked => format!(
                "Number these {} candidates 1 to {} on your ballot, in this order.",
                entries.len(),
                entries.len()
            ),
            BallotKind::Cross { max } => format!(
                "Put a cross next to each of these {} names (you have up to {max} crosses; order does not matter).",
                entries.len()
            ),
        };
        let source = match (
            election.kind,
            election.order_for(region).map(|o| o.provenance),
        ) {
            (BallotKind::Cross { .. }, _) | (_, None) => OrderSource::NoOrder,
            (_, Some(Provenance::Published { source })) => OrderSource::Published { source },
            (_, Some(Provenance::Generated)) => OrderSource::Generated {
                method: election.generation,
            },
            (_, Some(Provenance::PartlyPublished { positions, source })) => OrderSource::Partly {
                positions,
                source,
                method: election.generation,
            },
        };
        let mut seat_groups: Vec<SeatGroup> = Vec::new();
        // Seats every member can vote for first, then the narrower ones.
        let (everyone, narrower): (Vec<_>, Vec<_>) = election
            .seats_other
            .iter()
            .partition(|s| s.electorate == Electorate::All);
        for seat in everyone.into_iter().chain(narrower) {
            if !seat.regions.is_empty() && !seat.regions.contains(&region) {
                continue;
            }
            let who = who_may_vote(seat.electorate, seat.regions);
            let view = SeatView {
                name: seat.name,
                picks: seat.picks,
                votes: match seat.votes {
                    0 => String::new(),
                    1 => "Vote for 1".to_owned(),
                    n => format!("Vote for {n}"),
                },
                published: seat.published,
                note: seat.note,
            };
            match seat_groups.iter_mut().find(|g| g.who == who) {
                Some(g) => g.seats.push(view),
                None => seat_groups.push(SeatGroup {
                    who,
                    seats: vec![view],
                }),
            }
        }
        ResultView {
            election_id: election.id,
            title: election.title,
            slate: election.slate,
            region: region.name(),
            status,
            open,
            instruction,
            entries,
            source,
            seat_groups,
            notes: election.notes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Moment;

    fn at(s: &str) -> i64 {
        Moment::parse(s).unwrap().start_utc_minutes()
    }

    #[test]
    fn status_by_date() {
        let e = Election::by_id("nec-2022").unwrap();
        assert_eq!(
            status_line(e, at("2022-07-01")).0,
            "Voting opens 25 July 2022"
        );
        assert_eq!(
            status_line(e, at("2022-08-01")),
            ("Voting open — closes 30 August 2022".to_owned(), true)
        );
        // Open all of 30 August, UK time (BST), closed from midnight.
        assert!(status_line(e, at("2022-08-30T23:59")).1);
        assert_eq!(
            status_line(e, at("2022-08-31")).0,
            "Voting closed on 30 August 2022"
        );
        let e2020 = Election::by_id("nec-2020").unwrap();
        assert!(status_line(e2020, at("2020-11-12T11:59")).1);
        assert!(!status_line(e2020, at("2020-11-12T12:00")).1);
        let e2018 = Election::by_id("nec-2018").unwrap();
        assert_eq!(
            status_line(e2018, at("2026-11-23")).0,
            "Voting closed (2018)"
        );
    }

    #[test]
    fn seats_are_filtered_by_region_and_grouped() {
        let e = Election::by_id("nec-2022").unwrap();
        let wales = ResultView::build(e, RegionId::from_slug("wales").unwrap(), 0);
        let london = ResultView::build(e, RegionId::from_slug("london").unwrap(), 0);
        let names = |v: &ResultView| -> Vec<&str> {
            v.seat_groups
                .iter()
                .flat_map(|g| g.seats.iter().map(|s| s.name))
                .collect()
        };
        assert!(names(&wales).contains(&"Welsh representative"));
        assert!(!names(&london).contains(&"Welsh representative"));
        assert_eq!(london.seat_groups[0].who, "Every member can vote");
        let councillors = london
            .seat_groups
            .iter()
            .find(|g| g.who == "Only if you are a councillor")
            .unwrap();
        assert_eq!(
            councillors.seats[0].picks,
            ["Cllr Matt White", "Cllr Aneesa Akbar"]
        );
        assert_eq!(councillors.seats[0].votes, "Vote for 2");
    }

    #[test]
    fn cross_ballot_has_no_numbers() {
        let e = Election::by_id("nec-2018").unwrap();
        let v = ResultView::build(e, RegionId::from_slug("scotland").unwrap(), 0);
        assert_eq!(v.entries.len(), 9);
        assert!(v.entries.iter().all(|x| x.preference.is_none()));
        assert_eq!(v.source, OrderSource::NoOrder);
        assert!(v
            .instruction
            .starts_with("Put a cross next to each of these 9 names"));
        let names: Vec<&str> = v.entries.iter().map(|x| x.name).collect();
        assert_eq!(names[0], "Yasmine Dar");
        assert_eq!(names[8], "Peter Willsman");
    }
}
