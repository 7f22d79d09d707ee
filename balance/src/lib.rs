//! Generating regional orders where the slate's own are not available
//! (method `balanced-v1`).
//!
//! Under STV a slate wants its first preferences spread evenly, so that no
//! slate candidate falls to the bottom early and is eliminated while others
//! hold surpluses. Slates do this by publishing a different order per region.
//! Where we lack the published orders we generate them: weight each region by
//! its size, and choose the orders so that, at every preference position, each
//! candidate receives as close as possible to an equal share of the weight.
//! Earlier positions count more (position 1 weighs `n`, the last weighs 1).
//! Published orders, and published leading places, are kept fixed.
//!
//! The search is coordinate descent: starting from rotations, each free region
//! in turn takes the best of all permutations consistent with what is fixed,
//! until a whole round changes nothing. It is exact integer arithmetic and
//! fully deterministic, so anyone can reproduce the data files' orders.

/// The largest slate `balanced-v1` handles: it tries every order of the
/// slate in each region (8 candidates: 40,320 orders per region; 9 would be
/// 362,880, too slow to run in the build).
pub const MAX_SLATE: usize = 8;

/// What is fixed about one region's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionSlot {
    /// Weight of the region (e.g. live postcodes).
    pub weight: u64,
    /// Leading candidates (indices) that are fixed; the whole order if all of it is.
    pub fixed_prefix: Vec<usize>,
}

/// The imbalance of a set of orders: the sum over positions `p` of
/// `(n - p) * Σ_c (n·W[p][c] − total)²`, where `W[p][c]` is the weight of the
/// regions putting candidate `c` at position `p`. 0 means perfectly even.
///
/// ```
/// use slatecard_balance::imbalance;
/// // Two equal regions, two candidates, opposite orders: perfectly even.
/// assert_eq!(imbalance(2, &[1, 1], &[vec![0, 1], vec![1, 0]]), 0);
/// assert!(imbalance(2, &[1, 1], &[vec![0, 1], vec![0, 1]]) > 0);
/// ```
pub fn imbalance(n: usize, weights: &[u64], orders: &[Vec<usize>]) -> u128 {
    let total: u64 = weights.iter().sum();
    let mut w = vec![vec![0u64; n]; n];
    for (order, &weight) in orders.iter().zip(weights) {
        for (p, &c) in order.iter().enumerate() {
            w[p][c] += weight;
        }
    }
    let mut score = 0u128;
    for (p, row) in w.iter().enumerate() {
        let importance = (n - p) as u128;
        for &x in row {
            let d = i128::from(x) * n as i128 - i128::from(total);
            score += importance * (d * d) as u128;
        }
    }
    score
}

/// Every permutation of `0..n` that starts with `prefix`, in lexicographic order.
fn completions(n: usize, prefix: &[usize]) -> Vec<Vec<usize>> {
    let rest: Vec<usize> = (0..n).filter(|c| !prefix.contains(c)).collect();
    let mut out = Vec::new();
    permute(
        &rest,
        &mut Vec::new(),
        &mut vec![false; rest.len()],
        &mut |tail| {
            let mut full = prefix.to_vec();
            full.extend_from_slice(tail);
            out.push(full);
        },
    );
    out
}

fn permute(items: &[usize], cur: &mut Vec<usize>, used: &mut [bool], f: &mut dyn FnMut(&[usize])) {
    if cur.len() == items.len() {
        f(cur);
        return;
    }
    for i in 0..items.len() {
        if !used[i] {
            used[i] = true;
            cur.push(items[i]);
            permute(items, cur, used, f);
            cur.pop();
            used[i] = false;
        }
    }
}

/// Generates one order per slot for a slate of `n` candidates (1 to
/// [`MAX_SLATE`]); each slot's `fixed_prefix` holds distinct indices below `n`.
///
/// # Panics
/// A slate of 0 or more than [`MAX_SLATE`] candidates (callers check first:
/// `slatecard check` reports such a file instead).
///
/// ```
/// use slatecard_balance::{balance, RegionSlot};
/// let slots = vec![
///     RegionSlot { weight: 10, fixed_prefix: vec![0, 1, 2] },
///     RegionSlot { weight: 10, fixed_prefix: vec![] },
///     RegionSlot { weight: 10, fixed_prefix: vec![] },
/// ];
/// let orders = balance(3, &slots);
/// assert_eq!(orders[0], vec![0, 1, 2]);
/// // Each candidate is first somewhere.
/// let mut firsts: Vec<usize> = orders.iter().map(|o| o[0]).collect();
/// firsts.sort();
/// assert_eq!(firsts, vec![0, 1, 2]);
/// ```
pub fn balance(n: usize, slots: &[RegionSlot]) -> Vec<Vec<usize>> {
    assert!(
        (1..=MAX_SLATE).contains(&n),
        "balance supports slates of 1 to {MAX_SLATE}"
    );
    let weights: Vec<u64> = slots.iter().map(|s| s.weight).collect();
    // Start: the fixed prefix, then the remaining candidates rotated so that
    // successive free regions (largest first) lead with different candidates.
    let mut by_size: Vec<usize> = (0..slots.len()).collect();
    by_size.sort_by(|&a, &b| slots[b].weight.cmp(&slots[a].weight).then(a.cmp(&b)));
    let mut orders: Vec<Vec<usize>> = vec![Vec::new(); slots.len()];
    for (k, &i) in by_size.iter().enumerate() {
        let prefix = &slots[i].fixed_prefix;
        let rest: Vec<usize> = (0..n).filter(|c| !prefix.contains(c)).collect();
        let mut order = prefix.clone();
        if !rest.is_empty() {
            let shift = k % rest.len();
            order.extend(rest[shift..].iter().chain(&rest[..shift]));
        }
        orders[i] = order;
    }
    let options: Vec<Vec<Vec<usize>>> = slots
        .iter()
        .map(|s| completions(n, &s.fixed_prefix))
        .collect();
    let mut best = imbalance(n, &weights, &orders);
    loop {
        let mut improved = false;
        // Move 1: each region in turn takes its best permutation.
        for &i in &by_size {
            if options[i].len() < 2 {
                continue;
            }
            let current = orders[i].clone();
            let mut best_here = current.clone();
            for candidate in &options[i] {
                orders[i] = candidate.clone();
                let score = imbalance(n, &weights, &orders);
                if score < best {
                    best = score;
                    best_here = candidate.clone();
                }
            }
            orders[i] = best_here.clone();
            improved |= best_here != current;
        }
        // Move 2: two regions exchange their whole orders (where both are
        // free to take the other's), which single-region moves cannot reach.
        for a in 0..slots.len() {
            for b in a + 1..slots.len() {
                let fits =
                    |region: usize, order: &[usize]| order.starts_with(&slots[region].fixed_prefix);
                if orders[a] == orders[b] || !fits(a, &orders[b]) || !fits(b, &orders[a]) {
                    continue;
                }
                orders.swap(a, b);
                let score = imbalance(n, &weights, &orders);
                if score < best {
                    best = score;
                    improved = true;
                } else {
                    orders.swap(a, b);
                }
            }
        }
        if !improved {
            return orders;
        }
    }
}

/// Share of the total weight each candidate receives at `position`, in
/// candidate order (for reports).
pub fn shares_at(n: usize, weights: &[u64], orders: &[Vec<usize>], position: usize) -> Vec<f64> {
    let total: u64 = weights.iter().sum();
    let mut w = vec![0u64; n];
    for (order, &weight) in orders.iter().zip(weights) {
        w[order[position]] += weight;
    }
    w.iter().map(|&x| x as f64 / total.max(1) as f64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completions_respect_prefix() {
        let all = completions(4, &[2]);
        assert_eq!(all.len(), 6);
        assert!(all.iter().all(|o| o[0] == 2 && o.len() == 4));
        assert_eq!(completions(3, &[0, 1, 2]), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn fixed_orders_stay_and_result_is_permutations() {
        let slots: Vec<RegionSlot> = (0..13)
            .map(|i| RegionSlot {
                weight: 50 + 17 * i as u64,
                fixed_prefix: if i == 0 {
                    vec![4, 3, 2, 1, 0]
                } else if i == 5 {
                    vec![1]
                } else {
                    vec![]
                },
            })
            .collect();
        let orders = balance(5, &slots);
        assert_eq!(orders[0], vec![4, 3, 2, 1, 0]);
        assert_eq!(orders[5][0], 1);
        for o in &orders {
            let mut s = o.clone();
            s.sort();
            assert_eq!(s, vec![0, 1, 2, 3, 4]);
        }
        // Better than the naive "everyone uses the same order".
        let weights: Vec<u64> = slots.iter().map(|s| s.weight).collect();
        let same = vec![vec![0, 1, 2, 3, 4]; 13];
        assert!(imbalance(5, &weights, &orders) < imbalance(5, &weights, &same));
        // Deterministic.
        assert_eq!(balance(5, &slots), orders);
    }

    #[test]
    fn first_preferences_even_when_possible() {
        // Four equal regions, two candidates: each candidate first in two.
        let slots = vec![
            RegionSlot {
                weight: 1,
                fixed_prefix: vec![]
            };
            4
        ];
        let orders = balance(2, &slots);
        let shares = shares_at(2, &[1, 1, 1, 1], &orders, 0);
        assert_eq!(shares, vec![0.5, 0.5]);
    }
}
