//! The STV count (`slatecard_stv`) against published worked
//! examples, Labour's published 2020 quota, and properties every count must
//! have. Each source is cited where it is used; figures that a source does
//! not print are worked by hand from the rule's definition and say so.
#![cfg(not(target_arch = "wasm32"))]

use num_rational::BigRational;
use proptest::prelude::*;
use slatecard_stv::{
    count, quota, two_dp, Action, Candidate, CountResult, ExclusionReason, Quota, Rules, Status,
    StvError, SurplusRule, TieBreak,
};

fn q(n: i64, d: i64) -> BigRational {
    BigRational::new(n.into(), d.into())
}

fn int(n: i64) -> BigRational {
    q(n, 1)
}

fn names(list: &[&str]) -> Vec<Candidate> {
    list.iter().map(|n| Candidate::new(n, false)).collect()
}

fn assert_conserved(r: &CountResult) {
    let valid = BigRational::from_integer(r.valid.into());
    for (i, s) in r.stages.iter().enumerate() {
        assert_eq!(s.total(), valid, "stage {}", i + 1);
    }
}

/// Wikipedia, "Single transferable vote", section "Example" (the food
/// election; copy at <https://www.liquisearch.com/single_transferable_vote/example>):
/// 20 guests, 3 places, Droop quota 6. Ballots as in the article's table:
/// 4 Oranges; 2 Pears > Oranges; 8 Chocolate > Strawberries;
/// 4 Chocolate > Sweets; 1 Strawberries; 1 Sweets. The article's rounds:
/// Chocolate elected; its surplus goes to Strawberries and Sweets; Pears
/// eliminated, Oranges reach the quota exactly; Sweets eliminated and
/// Strawberries take the last place.
fn food() -> (Vec<Candidate>, Vec<(u64, Vec<usize>)>) {
    let c = names(&["Oranges", "Pears", "Chocolate", "Strawberries", "Sweets"]);
    let b = vec![
        (4, vec![0]),
        (2, vec![1, 0]),
        (8, vec![2, 3]),
        (4, vec![2, 4]),
        (1, vec![3]),
        (1, vec![4]),
    ];
    (c, b)
}

/// Whole Droop quota with either surplus rule (the worked examples use it).
fn droop_whole_rules() -> [Rules; 2] {
    [
        Rules::scottish(),
        Rules {
            quota: Quota::DroopWhole,
            ..Rules::ers97()
        },
    ]
}

#[test]
fn wikipedia_food_election_stage_by_stage() {
    let (c, b) = food();
    for rules in droop_whole_rules() {
        let r = count(&c, 3, &b, &rules).unwrap();
        assert_eq!(r.quota, int(6), "{rules:?}");
        assert_eq!(r.elected, vec![2, 0, 3], "Chocolate, Oranges, Strawberries");
        assert_eq!(r.stages.len(), 4);
        // Round 1: first preferences; Chocolate over the quota.
        let s1 = &r.stages[0];
        assert_eq!(s1.tallies, [4, 2, 12, 1, 1].map(int));
        assert_eq!(s1.elected, [2]);
        // Round 2: Chocolate's surplus of 6 at 6/12: 4 to Strawberries, 2 to Sweets.
        let s2 = &r.stages[1];
        assert_eq!(s2.action, Action::Surplus { candidate: 2 });
        assert_eq!(s2.tallies, [4, 2, 6, 5, 3].map(int));
        // Round 3: Pears out, Oranges on exactly 6.
        let s3 = &r.stages[2];
        assert!(matches!(&s3.action, Action::Exclusion { candidates, .. } if candidates == &[1]));
        assert_eq!(s3.tallies, [6, 0, 6, 5, 3].map(int));
        assert_eq!(s3.elected, [0]);
        // Round 4: Sweets out (their 3 votes have no next preference);
        // Strawberries, the only one left, take the last place.
        let s4 = &r.stages[3];
        assert!(matches!(&s4.action, Action::Exclusion { candidates, .. } if candidates == &[4]));
        assert_eq!(s4.non_transferable, int(3));
        assert_eq!(s4.elected, [3]);
        assert_conserved(&r);
    }
}

/// Lee Yingtong Li, "A conceptual primer on the single transferable vote",
/// parts 4 and 5 (16 June 2022,
/// <https://yingtongli.me/blog/2022/06/16/stv-primer-5.html>): 100 ballots,
/// quota 26 (three places). The primer prints the standings after Fish
/// Owner's exclusion (Dog Owner 1 35, Dog Owner 2 19, Cat Owner 1 26 elected,
/// Cat Owner 2 20, quota 26), and says Dog Owner 1's surplus of 9 is
/// distributed from the 13 transferable papers of the last parcel (part 4,
/// exclusive Gregory) or from all 35 papers (part 5, WIGM).
fn pets() -> (Vec<Candidate>, Vec<(u64, Vec<usize>)>) {
    // 0 D1, 1 D2, 2 C1, 3 C2, 4 F
    let c = names(&[
        "Dog Owner 1",
        "Dog Owner 2",
        "Cat Owner 1",
        "Cat Owner 2",
        "Fish Owner",
    ]);
    let b = vec![
        (21, vec![0, 1, 4, 2, 3]),
        (19, vec![1, 0, 4, 2, 3]),
        (40, vec![2, 3, 4, 0, 1]),
        (6, vec![3, 2, 4, 0, 1]),
        (7, vec![4, 0, 1, 2, 3]),
        (6, vec![4, 0, 2, 3, 1]),
        (1, vec![4, 0]),
    ];
    (c, b)
}

#[test]
fn primer_standings_after_fish_owner_is_excluded() {
    let (c, b) = pets();
    for rules in droop_whole_rules() {
        let r = count(&c, 3, &b, &rules).unwrap();
        assert_eq!(r.quota, int(26));
        assert_eq!(r.stages[0].tallies, [21, 19, 40, 6, 14].map(int));
        assert_eq!(r.stages[0].elected, [2]);
        // Cat Owner 1's 14 surplus: all 40 papers go on to Cat Owner 2.
        assert_eq!(r.stages[1].tallies, [21, 19, 26, 20, 14].map(int));
        // The primer's table.
        let s3 = &r.stages[2];
        assert!(matches!(&s3.action, Action::Exclusion { candidates, .. } if candidates == &[4]));
        assert_eq!(s3.tallies, [35, 19, 26, 20, 0].map(int));
        assert_eq!(s3.elected, [0]);
        assert_eq!(s3.status[4], Status::Excluded);
        assert_conserved(&r);
    }
}

#[test]
fn primer_surplus_by_wigm_examines_all_35_papers() {
    // Worked by hand from the WIGM definition (the primer's narrative, not
    // its printed figures): 28 papers go on to Dog Owner 2, 6 skip the
    // elected Cat Owner 1 to Cat Owner 2, 1 is exhausted; each moves at 9/35.
    let (c, b) = pets();
    let r = count(&c, 3, &b, &Rules::scottish()).unwrap();
    let s4 = &r.stages[3];
    assert_eq!(s4.action, Action::Surplus { candidate: 0 });
    assert_eq!(s4.tallies[1], int(19) + q(28 * 9, 35));
    assert_eq!(two_dp(&s4.tallies[1]), "26.20");
    assert_eq!(s4.tallies[3], int(20) + q(6 * 9, 35));
    assert_eq!(two_dp(&s4.tallies[3]), "21.54");
    assert_eq!(s4.non_transferable, q(9, 35));
    assert_eq!(r.elected, vec![2, 0, 1]);
}

#[test]
fn primer_surplus_by_last_parcel_examines_13_papers_and_changes_the_winner() {
    // The last parcel is Fish Owner's 14 papers, 13 of them transferable
    // (primer, part 4); 13 > 9, so each moves at 9/13. Worked by hand.
    let (c, b) = pets();
    let [_, last_parcel] = droop_whole_rules();
    let r = count(&c, 3, &b, &last_parcel).unwrap();
    let s4 = &r.stages[3];
    assert_eq!(s4.tallies[1], int(19) + q(7 * 9, 13));
    assert_eq!(s4.tallies[3], int(20) + q(6 * 9, 13));
    assert_eq!(two_dp(&s4.tallies[1]), "23.84");
    assert_eq!(two_dp(&s4.tallies[3]), "24.15");
    assert_eq!(s4.non_transferable, int(0));
    // Dog Owner 2 is then lowest and excluded; Cat Owner 2 wins the seat
    // that WIGM gave Dog Owner 2.
    assert_eq!(r.elected, vec![2, 0, 3]);
    assert_conserved(&r);
}

#[test]
fn bbc_scottish_quota_rule() {
    // BBC News, "How the Scottish council election votes are counted" (2017,
    // https://feeds.bbci.co.uk/news/uk-scotland-39738347): "The number of
    // valid votes cast is divided by the number of seats to be filled plus
    // one. Then one is added". For its example, 5,000 votes and 4
    // councillors, that rule gives 1,001; the article prints 1,251, which is
    // 5,000/4 + 1 (it divides by the seats, not the seats plus one), so we
    // check the rule as worded, not the article's figure.
    assert_eq!(quota(Quota::DroopWhole, 5000, 4), Some((int(1001), false)));
    assert_ne!(quota(Quota::DroopWhole, 5000, 4).unwrap().0, int(1251));
    // The same rule on the Wikipedia and primer examples below: 20 votes,
    // 3 seats → 6; 100 votes, 3 seats → 26.
    assert_eq!(quota(Quota::DroopWhole, 20, 3).unwrap().0, int(6));
    assert_eq!(quota(Quota::DroopWhole, 100, 3).unwrap().0, int(26));
    // ERS97 on the same polls: exactly 5.00 and 25.00 (no rounding needed).
    assert_eq!(quota(Quota::Ers97, 20, 3).unwrap().0, int(5));
    assert_eq!(quota(Quota::Ers97, 100, 3).unwrap().0, int(25));
    assert_eq!(quota(Quota::Ers97, 10, 2).unwrap().0, q(334, 100));
}

#[test]
fn labours_2020_quota_implies_a_valid_poll_of_129549() {
    // James McAsh, LabourList, November 2020: nine seats, "the quota was a
    // tenth of the total votes: 12,954.9"; the same figure is
    // data/elections/nec-2020.toml's [results] quota.
    let published = slatecard::domain::election::Election::by_id("nec-2020")
        .and_then(|e| e.results.as_ref())
        .and_then(|r| r.quota)
        .unwrap();
    assert_eq!(published, "12954.9");
    let target = q(129_549, 10);
    // Every whole valid poll near ten quotas that gives the published quota.
    for rule in [Quota::DroopExact, Quota::Ers97] {
        let polls: Vec<u128> = (125_000..135_000u128)
            .filter(|&v| quota(rule, v, 9).unwrap().0 == target)
            .collect();
        assert_eq!(polls, vec![129_549], "{rule:?}");
        assert_eq!(two_dp(&quota(rule, 129_549, 9).unwrap().0), "12954.90");
    }
    // The whole-number Droop quota cannot give a fraction: 129,549 → 12,955.
    assert_eq!(quota(Quota::DroopWhole, 129_549, 9).unwrap().0, int(12_955));
    assert!((125_000..135_000u128).all(|v| quota(Quota::DroopWhole, v, 9).unwrap().0 != target));
}

#[test]
fn droop_exact_needs_more_than_the_quota() {
    // 2 seats, 9 votes: exact quota 3. A, on exactly 3, is not elected at
    // stage 1 under DroopExact (it must be exceeded) but is under ERS97
    // (3.00, reached).
    let c = names(&["A", "B", "C"]);
    let b = vec![(3, vec![0]), (4, vec![1]), (2, vec![2, 0])];
    let exact = Rules {
        quota: Quota::DroopExact,
        ..Rules::scottish()
    };
    let r = count(&c, 2, &b, &exact).unwrap();
    assert_eq!(r.quota, int(3));
    assert_eq!(r.stages[0].elected, [1]);
    let r = count(&c, 2, &b, &Rules::ers97()).unwrap();
    assert_eq!(r.stages[0].elected, [1, 0]);
}

#[test]
fn bad_input_is_an_error_with_a_message() {
    let c = names(&["A", "B"]);
    assert_eq!(
        count(&c, 0, &[(1, vec![0])], &Rules::scottish()),
        Err(StvError::NoSeats)
    );
    let e = count(&c, 1, &[(1, vec![0]), (1, vec![1, 2])], &Rules::scottish()).unwrap_err();
    assert_eq!(
        e,
        StvError::UnknownCandidate {
            ballot: 1,
            candidate: 2
        }
    );
    assert_eq!(
        e.to_string(),
        "ballot 2 names candidate 3, who is not on the ballot"
    );
    let e = count(&c, 1, &[(1, vec![1, 0, 1])], &Rules::scottish()).unwrap_err();
    assert_eq!(e.to_string(), "ballot 1 ranks candidate 2 more than once");
    let e = count(&c, 1, &[(1, vec![0])], &Rules::scottish().with_min_women(2)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "2 seats are reserved for women but only 1 are to be filled"
    );
}

#[test]
fn empty_ballots_are_invalid_and_no_ballots_elect_by_lot_without_panicking() {
    let c = names(&["A", "B", "C"]);
    let r = count(&c, 2, &[(3, vec![]), (2, vec![1])], &Rules::scottish()).unwrap();
    assert_eq!((r.valid, r.invalid), (2, 3));
    assert_eq!(r.elected[0], 1);
    assert_eq!(r.elected.len(), 2);
    let r = count(&c, 2, &[], &Rules::scottish()).unwrap();
    assert_eq!(r.elected.len(), 2);
    assert!(r.lots > 0);
    // Same seed, same lots.
    assert_eq!(count(&c, 2, &[], &Rules::scottish()).unwrap(), r);
}

#[test]
fn ties_go_to_earlier_stages_before_the_lot() {
    // 18 votes, 2 seats, quota 7. A is elected and their surplus is
    // non-transferable; D is excluded and C draws level with B on 4. B had
    // more at stage 1, so C is excluded without drawing a lot.
    let c = names(&["A", "B", "C", "D"]);
    let b = vec![(10, vec![0]), (4, vec![1]), (3, vec![2]), (1, vec![3, 2])];
    for tie_break in [TieBreak::Backwards, TieBreak::Forwards] {
        let rules = Rules {
            tie_break,
            ..Rules::scottish()
        };
        let r = count(&c, 2, &b, &rules).unwrap();
        assert_eq!(r.quota, int(7));
        assert_eq!(r.stages[2].tallies, [7, 4, 4, 0].map(int));
        assert!(
            matches!(&r.stages[3].action, Action::Exclusion { candidates, .. } if candidates == &[2]),
            "{tie_break:?}"
        );
        assert_eq!(r.elected, vec![0, 1]);
        assert_eq!(r.lots, 0);
        assert_conserved(&r);
    }
}

/// The women's minimum: five candidates for three seats, at least one woman.
/// Three men have the most votes; without the rule they take all three seats.
#[test]
fn the_women_minimum_changes_the_outcome() {
    let c = vec![
        Candidate::new("M1", false),
        Candidate::new("M2", false),
        Candidate::new("M3", false),
        Candidate::new("W1", true),
        Candidate::new("W2", true),
    ];
    let b = vec![
        (30, vec![0, 1]),
        (25, vec![1, 2]),
        (22, vec![2, 0]),
        (12, vec![3, 4]),
        (11, vec![4, 2]),
    ];
    for base in [Rules::scottish(), Rules::ers97()] {
        let free = count(&c, 3, &b, &base).unwrap();
        let mut free_elected = free.elected.clone();
        free_elected.sort_unstable();
        assert_eq!(free_elected, vec![0, 1, 2]);
        let with = count(&c, 3, &b, &base.clone().with_min_women(1)).unwrap();
        assert!(with.women_minimum_met);
        assert_eq!(
            with.elected.iter().filter(|&&e| c[e].woman).count(),
            1,
            "{:?}",
            with.elected
        );
        // The men not elected when two are in were excluded for the rule.
        assert!(with.stages.iter().any(|s| matches!(
            &s.action,
            Action::Exclusion {
                reason: ExclusionReason::MenOverMaximum,
                ..
            }
        )));
        // W2's votes passed to W1, who is elected.
        assert!(with.elected.contains(&3));
        assert_conserved(&with);
    }
}

#[test]
fn protected_women_are_not_excluded_as_lowest() {
    // Two seats, one for a woman; the only woman is lowest at stage 1 but a
    // man is excluded instead, and she takes the second seat.
    let c = vec![
        Candidate::new("M1", false),
        Candidate::new("M2", false),
        Candidate::new("M3", false),
        Candidate::new("W", true),
    ];
    let b = vec![
        (40, vec![0]),
        (25, vec![1]),
        (20, vec![2, 1]),
        (15, vec![3]),
    ];
    let r = count(&c, 2, &b, &Rules::scottish().with_min_women(1)).unwrap();
    assert!(r.elected.contains(&3));
    assert!(r.women_minimum_met);
    let lowest: Vec<_> = r
        .stages
        .iter()
        .filter_map(|s| match &s.action {
            Action::Exclusion {
                candidates,
                reason: ExclusionReason::Lowest,
            } => Some(candidates.clone()),
            _ => None,
        })
        .collect();
    assert!(lowest.iter().all(|l| !l.contains(&3)), "{lowest:?}");
}

#[test]
fn too_few_women_leave_the_seats_to_men() {
    let c = vec![
        Candidate::new("M1", false),
        Candidate::new("M2", false),
        Candidate::new("W", true),
    ];
    let b = vec![(5, vec![0]), (4, vec![1]), (1, vec![2])];
    let r = count(&c, 3, &b, &Rules::scottish().with_min_women(2)).unwrap();
    assert_eq!(r.elected.len(), 3);
    assert!(!r.women_minimum_met);
}

#[test]
fn the_markdown_table_shows_every_stage() {
    let (c, b) = food();
    let r = count(&c, 3, &b, &Rules::scottish()).unwrap();
    let md = r.to_markdown(&c);
    assert_eq!(md.lines().count(), 2 + 4);
    assert!(md.contains("| 2 | Surplus of Chocolate | 4.00 | 2.00 | 6.00 | 5.00 | 3.00 | 0.00 |"));
    assert!(md.contains("| 1 | First preferences | 4.00 | 2.00 | 12.00 * |"));
}

/// Candidates, seats, which candidates are women, and weighted ballots.
type Case = (usize, usize, Vec<bool>, Vec<(u64, Vec<usize>)>);

fn ballots_strategy() -> impl Strategy<Value = Case> {
    (2usize..8, 1usize..5).prop_flat_map(|(n, seats)| {
        let ballot = (
            0u64..40,
            Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
            0..=n,
        )
            .prop_map(|(w, order, len)| (w, order[..len].to_vec()));
        (
            Just(n),
            Just(seats),
            proptest::collection::vec(any::<bool>(), n),
            proptest::collection::vec(ballot, 0..25),
        )
    })
}

fn all_rules(min_women: usize) -> Vec<Rules> {
    let mut out = Vec::new();
    for quota in [Quota::DroopWhole, Quota::DroopExact, Quota::Ers97] {
        for surplus in [SurplusRule::Wigm, SurplusRule::LastParcel] {
            out.push(Rules {
                quota,
                surplus,
                tie_break: TieBreak::Backwards,
                min_women,
                seed: 7,
            });
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Elected + continuing + excluded (0) + non-transferable = the valid
    /// poll at every stage, and exactly `seats` are elected when there are
    /// enough candidates.
    #[test]
    fn votes_are_conserved_and_seats_filled((n, seats, women, ballots) in ballots_strategy(), min_women in 0usize..3) {
        let c: Vec<Candidate> = women.iter().enumerate().map(|(i, &w)| Candidate::new(&format!("C{i}"), w)).collect();
        let min_women = min_women.min(seats);
        for rules in all_rules(min_women) {
            let r = count(&c, seats, &ballots, &rules).unwrap();
            assert_conserved(&r);
            prop_assert_eq!(r.elected.len(), seats.min(n));
            let mut e = r.elected.clone();
            e.sort_unstable();
            e.dedup();
            prop_assert_eq!(e.len(), r.elected.len());
            let women_standing = women.iter().filter(|&&w| w).count();
            if women_standing >= min_women {
                prop_assert!(r.women_minimum_met, "{:?} {:?}", rules, r.elected);
            }
            // No elected candidate is ever above the quota once settled, and
            // nobody's votes go negative.
            for s in &r.stages {
                prop_assert!(s.tallies.iter().all(|t| *t >= int(0)));
            }
        }
    }

    /// Shuffling the ballots, or splitting a group of identical ballots,
    /// changes nothing.
    #[test]
    fn identical_ballots_commute((n, seats, women, ballots) in ballots_strategy(), rot in 0usize..25) {
        let c: Vec<Candidate> = women.iter().enumerate().map(|(i, &w)| Candidate::new(&format!("C{i}"), w)).collect();
        let _ = n;
        for rules in all_rules(0) {
            let a = count(&c, seats, &ballots, &rules).unwrap();
            let mut shuffled = ballots.clone();
            if !shuffled.is_empty() {
                let k = rot % shuffled.len();
                shuffled.rotate_left(k);
                shuffled.reverse();
            }
            let mut split = Vec::new();
            for (w, p) in &shuffled {
                split.push((w / 2, p.clone()));
                split.push((w - w / 2, p.clone()));
            }
            let b = count(&c, seats, &split, &rules).unwrap();
            prop_assert_eq!(&a.elected, &b.elected);
            prop_assert_eq!(a.stages.len(), b.stages.len());
            for (x, y) in a.stages.iter().zip(&b.stages) {
                prop_assert_eq!(&x.tallies, &y.tallies);
            }
        }
    }
}

mod simulation {
    use slatecard::domain::election::Election;
    use slatecard::domain::region::RegionId;
    use slatecard_stv::simulate::{apportion, simulate, simulate_election, Params};

    fn live_postcodes() -> Vec<u64> {
        RegionId::all().map(|r| r.region().live_postcodes).collect()
    }

    #[test]
    fn apportion_is_exact_and_proportional() {
        assert_eq!(apportion(10, &[1, 1, 1]), vec![4, 3, 3]);
        assert_eq!(apportion(100, &[3, 1]), vec![75, 25]);
        assert_eq!(apportion(7, &[0, 0]), vec![4, 3]);
        assert_eq!(apportion(5, &[]), Vec::<u64>::new());
        let w = live_postcodes();
        assert_eq!(apportion(129_549, &w).iter().sum::<u64>(), 129_549);
    }

    /// The mechanism the regional orders are for: a slate whose voters give
    /// only a first preference elects one candidate with one order (the
    /// surplus has nowhere to go) and two with split orders.
    #[test]
    fn split_orders_win_a_second_seat_for_plumpers() {
        let params = Params {
            poll: 1000,
            seats: 2,
            rivals: 2,
            rival_kinds: 4,
            slate_percents: vec![70],
            plump_percents: vec![0, 100],
            ..Params::default()
        };
        let sim = simulate(&["A", "B"], &[vec![0, 1], vec![1, 0]], &[1, 1], &params).unwrap();
        assert_eq!(sim.single_order, vec![0, 1]);
        let full = &sim.scenarios[0];
        assert_eq!((full.elected_regional, full.elected_single), (2, 2));
        let plump = &sim.scenarios[1];
        assert_eq!(plump.first_regional, vec![350, 350]);
        assert_eq!(plump.first_single, vec![700, 0]);
        assert_eq!((plump.elected_regional, plump.elected_single), (2, 1));
    }

    #[test]
    fn bundled_elections_simulate_deterministically() {
        let w = live_postcodes();
        let params = Params {
            slate_percents: vec![20, 35],
            plump_percents: vec![0, 30],
            rival_kinds: 60,
            ..Params::default()
        };
        for e in Election::all() {
            let Some(sim) = simulate_election(e, &w, &params) else {
                assert_eq!(e.id, "nec-2018", "only the cross ballot has no simulation");
                continue;
            };
            let sim = sim.unwrap();
            assert_eq!(sim.scenarios.len(), 4);
            let n = e.candidates.len();
            for s in &sim.scenarios {
                let slate_votes = params.poll * u64::from(s.slate_percent) / 100;
                assert_eq!(s.first_regional.iter().sum::<u64>(), slate_votes);
                assert_eq!(s.first_single[sim.single_order[0]], slate_votes);
                assert!(s.elected_regional <= n && s.elected_single <= n);
            }
            assert_eq!(sim.first_weight.iter().sum::<u64>(), sim.total_weight);
            // Every candidate leads somewhere under the balanced regional orders.
            assert!(sim.first_weight.iter().all(|&x| x > 0), "{}", e.id);
            assert_eq!(simulate_election(e, &w, &params).unwrap().unwrap(), sim);
        }
    }

    /// Odd inputs give an answer, not a panic: no rivals, zero or huge
    /// weights, an empty order, a share above 100%.
    #[test]
    fn odd_inputs_do_not_panic() {
        let params = Params {
            poll: u64::MAX / 2,
            rivals: 0,
            rival_kinds: 0,
            slate_percents: vec![0, 150],
            plump_percents: vec![100],
            ..Params::default()
        };
        let orders = [vec![0, 1], vec![], vec![1, 0]];
        for weights in [vec![0, 0, 0], vec![u64::MAX, u64::MAX, 3]] {
            let sim = simulate(&["A", "B"], &orders, &weights, &params).unwrap();
            assert_eq!(sim.scenarios.len(), 2);
        }
        let bad = simulate(&["A"], &[vec![0, 0]], &[1], &params);
        assert!(bad.is_err());
    }
}
