//! A simulation, on a synthetic poll, of what regional orders are worth to a
//! slate: how many slate candidates an STV count ([`crate`]) elects when
//! the slate's voters follow their region's order, against all of them
//! following one order.
//!
//! # Assumptions (also listed in [`Simulation::assumptions`])
//!
//! - The valid poll is [`Params::poll`] votes (default 129,549: the 2020
//!   CLP poll implied by its published quota, see `tests/stv.rs`); nine seats.
//! - The slate's voters are `S`% of the poll, split between regions in
//!   proportion to the region weights given (slatecard weighs regions by live
//!   postcodes, as [`crate::domain::balance`] does; Labour does not publish
//!   membership by region), by largest remainders.
//! - A share `P`% of them (the "plumpers") mark only their first preference;
//!   the rest follow the order in full and mark nobody else.
//! - "One order" is the order of the heaviest region, used everywhere.
//! - The other voters rank only rival candidates ([`Params::rivals`] of
//!   them, each with a random popularity from 1 to 10), in
//!   [`Params::rival_kinds`] equal groups, each group marking a random number
//!   of rivals drawn by popularity. The random numbers come from SplitMix64
//!   with [`Params::seed`], so the same input always gives the same output,
//!   and the rival ballots are the same in both arms of a scenario.
//! - The data files do not record candidates' gender, so the women's
//!   minimum is not applied.
//!
//! It is a model: real voters leak preferences across slates, and the
//! slate's share of the poll is not known; the point is the difference
//! between the two arms, with everything else held equal.

use crate::domain::balance::shares_at;
use crate::domain::election::{BallotKind, Election};
pub use crate::domain::simulate::{Scenario, Simulation};
use crate::{count, splitmix64, Candidate, Rules, StvError};

/// The simulation's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    /// Valid votes in the synthetic poll.
    pub poll: u64,
    /// Seats to fill.
    pub seats: usize,
    /// Rival candidates on the ballot.
    pub rivals: usize,
    /// Distinct groups of rival ballots.
    pub rival_kinds: usize,
    /// Seed of the random rival ballots.
    pub seed: u64,
    /// Slate shares of the poll to try, in percent.
    pub slate_percents: Vec<u32>,
    /// Shares of slate voters who mark only a first preference, in percent.
    pub plump_percents: Vec<u32>,
    /// The count's rules.
    pub rules: Rules,
}

impl Default for Params {
    /// 129,549 votes, 9 seats, 16 rivals in 300 groups, seed 2020; slate
    /// shares 15–50% by 5; plumpers 0%, 20% and 40%; Scottish rules (WIGM).
    fn default() -> Params {
        Params {
            poll: 129_549,
            seats: 9,
            rivals: 16,
            rival_kinds: 300,
            seed: 2020,
            slate_percents: (3..=10).map(|k| k * 5).collect(),
            plump_percents: vec![0, 20, 40],
            rules: Rules::scottish(),
        }
    }
}

/// Splits `total` in proportion to `weights` by largest remainders (ties to
/// the earlier entry); all-zero weights split evenly.
pub fn apportion(total: u64, weights: &[u64]) -> Vec<u64> {
    if weights.is_empty() {
        return Vec::new();
    }
    let even = weights.iter().all(|&w| w == 0);
    let w: Vec<u128> = weights
        .iter()
        .map(|&x| if even { 1 } else { u128::from(x) })
        .collect();
    let sum: u128 = w.iter().sum();
    let t = u128::from(total);
    let mut out: Vec<u64> = w.iter().map(|&x| (t * x / sum) as u64).collect();
    let mut rem: Vec<(u128, usize)> = w
        .iter()
        .enumerate()
        .map(|(i, &x)| (t * x % sum, i))
        .collect();
    rem.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let given: u64 = out.iter().sum();
    for &(_, i) in rem.iter().take((total - given) as usize) {
        out[i] += 1;
    }
    out
}

/// `pct`% of `x` (at most 100%), rounded down, without overflow.
fn percent_of(x: u64, pct: u32) -> u64 {
    (u128::from(x) * u128::from(pct.min(100)) / 100) as u64
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(1);
        splitmix64(self.0)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Rival ballots: (votes, preferences as indices from `first_rival`).
fn rival_ballots(params: &Params, votes: u64, first_rival: usize) -> Vec<(u64, Vec<usize>)> {
    let mut rng = Rng(params.seed);
    let popularity: Vec<u64> = (0..params.rivals).map(|_| 1 + rng.below(10)).collect();
    let kinds = params.rival_kinds.max(1);
    let sizes = apportion(votes, &vec![1; kinds]);
    sizes
        .into_iter()
        .map(|size| {
            let len = 1 + rng.below(params.rivals as u64) as usize;
            let mut left: Vec<usize> = (0..params.rivals).collect();
            let mut prefs = Vec::new();
            while prefs.len() < len && !left.is_empty() {
                let total: u64 = left.iter().map(|&r| popularity[r]).sum();
                let mut pick = rng.below(total);
                let mut k = 0;
                while pick >= popularity[left[k]] {
                    pick -= popularity[left[k]];
                    k += 1;
                }
                prefs.push(first_rival + left.remove(k));
            }
            (size, prefs)
        })
        .collect()
}

/// Runs the simulation for a slate of `names` whose regions (weights
/// `weights`) follow `orders` (indices into `names`, one per region).
///
/// # Errors
/// [`StvError`] if the count rejects the ballots (an order naming a
/// candidate outside the slate, or twice) or there are no seats.
pub fn simulate(
    names: &[&str],
    orders: &[Vec<usize>],
    weights: &[u64],
    params: &Params,
) -> Result<Simulation, StvError> {
    let n = names.len();
    let regions = orders.len().min(weights.len());
    let (orders, weights) = (&orders[..regions], &weights[..regions]);
    let heaviest = (0..regions)
        .max_by(|&a, &b| weights[a].cmp(&weights[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let single_order = orders.get(heaviest).cloned().unwrap_or_default();
    let mut first_weight = vec![0u64; n];
    for (o, &w) in orders.iter().zip(weights) {
        if let Some(&c) = o.first() {
            if c < n {
                first_weight[c] = first_weight[c].saturating_add(w);
            }
        }
    }
    let sum = weights.iter().try_fold(0u64, |a, &b| a.checked_add(b));
    let total_weight = sum.unwrap_or(u64::MAX);
    // balance.rs's shares where its sums cannot overflow and every order is
    // a whole permutation; otherwise the same shares from our own sums.
    let whole = orders
        .iter()
        .all(|o| o.len() == n && o.iter().all(|&c| c < n));
    let first_share = if regions > 0 && whole && sum.is_some() {
        shares_at(n, weights, orders, 0)
    } else {
        first_weight
            .iter()
            .map(|&x| x as f64 / total_weight.max(1) as f64)
            .collect()
    };
    let mut candidates: Vec<Candidate> = names.iter().map(|s| Candidate::new(s, false)).collect();
    candidates.extend((1..=params.rivals).map(|i| Candidate::new(&format!("Rival {i}"), false)));
    let mut scenarios = Vec::new();
    for &share in &params.slate_percents {
        let slate_votes = percent_of(params.poll, share);
        let per_region = apportion(slate_votes, weights);
        let rivals = rival_ballots(params, params.poll - slate_votes, n);
        for &plump in &params.plump_percents {
            let arm =
                |order_of: &dyn Fn(usize) -> Vec<usize>| -> Result<(usize, Vec<u64>), StvError> {
                    let mut ballots = rivals.clone();
                    let mut first = vec![0u64; n];
                    for (r, &votes) in per_region.iter().enumerate() {
                        let order = order_of(r);
                        let plumpers = percent_of(votes, plump);
                        if let Some(&c) = order.first() {
                            if c < n {
                                first[c] += votes;
                            }
                            ballots.push((plumpers, vec![c]));
                        }
                        ballots.push((votes - plumpers, order));
                    }
                    let result = count(&candidates, params.seats, &ballots, &params.rules)?;
                    Ok((result.elected.iter().filter(|&&e| e < n).count(), first))
                };
            let (elected_regional, first_regional) = arm(&|r| orders[r].clone())?;
            let (elected_single, first_single) = arm(&|_| single_order.clone())?;
            scenarios.push(Scenario {
                slate_percent: share,
                plump_percent: plump,
                elected_regional,
                elected_single,
                first_regional,
                first_single,
            });
        }
    }
    let assumptions = vec![
        "The slate's voters are S% of the poll, split between regions in proportion to the region weights (live postcodes; Labour International as in the election's data), by largest remainders.".to_owned(),
        "P% of them mark only their first preference; the rest follow the slate's order in full and mark nobody else.".to_owned(),
        "\"One order\" is the heaviest region's order, used in every region.".to_owned(),
        format!(
            "The other voters rank only {} rival candidates (random popularity 1–10), in {} equal groups each marking a random number of rivals drawn by popularity; SplitMix64, seed {}: the same rival ballots in both arms.",
            params.rivals, params.rival_kinds, params.seed
        ),
        "Candidates' gender is not in slatecard's data, so the women's minimum is not applied.".to_owned(),
    ];
    Ok(Simulation {
        candidates: names.iter().map(|s| (*s).to_owned()).collect(),
        single_order,
        first_weight,
        total_weight,
        first_share,
        scenarios,
        assumptions,
    })
}

/// [`simulate`] for a bundled election, with one weight per region in
/// region order; `None` for a cross ballot (no orders, no STV).
///
/// # Errors
/// As [`simulate`].
pub fn simulate_election(
    e: &Election,
    weights: &[u64],
    params: &Params,
) -> Option<Result<Simulation, StvError>> {
    if !matches!(e.kind, BallotKind::Ranked) || e.orders.is_empty() {
        return None;
    }
    let names: Vec<&str> = e.candidates.iter().map(|c| c.name).collect();
    let mut orders = Vec::new();
    let mut w = Vec::new();
    for o in e.orders {
        orders.push(o.order.iter().map(|&i| usize::from(i)).collect());
        w.push(weights.get(o.region.index()).copied().unwrap_or(0));
    }
    Some(simulate(&names, &orders, &w, params))
}
