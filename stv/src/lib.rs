//! A count by single transferable vote (STV) for multi-seat elections, in
//! exact arithmetic, with the women's minimum of Labour's NEC CLP section.
//!
//! # The count
//!
//! Ballots are `(weight, preferences)`: `weight` identical ballot papers
//! ranking candidates (indices into the candidate list) first preference
//! first. A ballot with no preference is invalid and left out of the valid
//! poll. Each paper carries a value, 1 at the start; every figure is an exact
//! rational ([`BigRational`]), so no vote is lost or made by rounding, and
//! [`two_dp`] writes a figure to two decimal places (truncated, as count
//! sheets do) only for display.
//!
//! Stage 1 gives every paper to its first preference. Each later stage either
//! transfers one elected candidate's surplus (largest first) or, when no
//! surplus is waiting, excludes the lowest continuing candidate, moving their
//! papers at their current value to each paper's next *continuing*
//! preference (elected and excluded candidates are skipped); a paper with no
//! such preference is non-transferable. After each stage every continuing
//! candidate who reaches the quota is elected, highest first. When the
//! continuing candidates are no more than the seats left, they are all
//! elected. Surpluses are never deferred (ERS97 defers a surplus too small to
//! change the order at the bottom; we transfer it: it changes stage numbers,
//! not who is elected unless a tie or the last parcel is affected).
//!
//! # Quotas ([`Quota`])
//!
//! - [`Quota::DroopWhole`]: ⌊V/(s+1)⌋ + 1 for V valid votes and s seats,
//!   elected on reaching it: the Scottish local government rule (The Scottish
//!   Local Government Elections Order 2007, SSI 2007/42, Schedule 1; worded
//!   by BBC News, "How the Scottish council election votes are counted",
//!   <https://feeds.bbci.co.uk/news/uk-scotland-39738347>, 2017, though its
//!   example figure, 1,251 for 5,000 votes and 4 seats, divides by the seats
//!   alone: the rule gives 1,001).
//! - [`Quota::DroopExact`]: exactly V/(s+1), elected only on *exceeding* it
//!   (the "+ε" convention; Meek-style counts start from it).
//! - [`Quota::Ers97`]: V/(s+1) rounded up to the next 0.01 when not exact,
//!   elected on reaching it: the Electoral Reform Society's 1997 rules, 5.1.6
//!   (text at OpaVote, <https://www.opavote.com/methods/ers97-stv-rules>; the
//!   wording "If the result is not exact, round up to the nearest 0.01" is
//!   quoted from it by J. Otten, *Voting matters* 9, May 1998,
//!   <https://www.votingmatters.org.uk/ISSUE9/P5.HTM>).
//!
//! Labour's 2020 NEC CLP count had a published quota of 12,954.9, "a tenth of
//! the total votes" (James McAsh, LabourList, November 2020,
//! <https://labourlist.org/2020/11/how-the-labour-left-won-a-majority-of-member-reps-in-the-nec-elections/>).
//! A fractional quota rules out the whole-number Droop quota; V/10 = 12,954.9
//! gives a valid poll of exactly 129,549 whole votes, and both `DroopExact`
//! and `Ers97` give that figure (tested in `tests/stv.rs`). The count was run
//! by Civica Election Services (LabourList, February 2022,
//! <https://labourlist.org/2022/02/ann-henderson-set-to-join-labour-nec-after-laura-pidcock-resignation>),
//! the former Electoral Reform Services; a fractional Droop quota is what
//! ERS97 gives, but we found no source that names the rules Labour's count
//! used, so this module offers both surplus rules and calls neither Labour's.
//!
//! # Surpluses ([`SurplusRule`])
//!
//! - [`SurplusRule::Wigm`], the weighted inclusive Gregory method (Scottish
//!   local government, SSI 2007/42): *every* paper the elected candidate
//!   holds moves on, each at `value × surplus ÷ total`; the share of
//!   non-transferable papers is set aside. (The Order truncates transfer
//!   values to five decimal places; we keep them exact, so a hand count's
//!   figures can differ in the fifth decimal.) Explained with worked figures
//!   by Lee Yingtong Li, "A conceptual primer on the single transferable vote
//!   – 5: Weighted inclusive Gregory method", 16 June 2022,
//!   <https://yingtongli.me/blog/2022/06/16/stv-primer-5.html>.
//! - [`SurplusRule::LastParcel`], the "last parcel" Gregory method of ERS97
//!   and Northern Ireland: only the papers received at the stage the
//!   candidate was elected (all of them if elected on first preferences) are
//!   examined. If their transferable value exceeds the surplus, each moves at
//!   `value × surplus ÷ transferable value`; otherwise each moves at its own
//!   value and the rest of the surplus is non-transferable. ERS97 rounds
//!   transfer values down to 0.01 and transfers an excluded candidate's papers
//!   one value-parcel at a time; we keep values exact and move all of an
//!   excluded candidate's papers in one stage.
//!
//! # Ties ([`TieBreak`])
//!
//! Who is excluded (or whose surplus goes first) among equal candidates is
//! decided by their totals at earlier stages, either looking back from the
//! most recent ([`TieBreak::Backwards`]) or forward from the first
//! ([`TieBreak::Forwards`]); if they were equal at every stage, by lot, drawn
//! here by a deterministic generator seeded with [`Rules::seed`] (counted in
//! [`CountResult::lots`]). Statutory rules draw real lots; we have not
//! checked in our sources which direction SSI 2007/42 or ERS97 looks, so the
//! direction is a parameter.
//!
//! # The women's minimum
//!
//! Since 2017 at least four of the nine CLP seats on Labour's NEC go to women
//! (slatecard's `data/elections/nec-2026.toml` notes; sources there). We
//! found no published account of how the returning officer applies it inside
//! an STV count, so this module applies the common constrained-STV practice,
//! as in the Commons' 2010 deputy-speaker election (S. Sosnick,
//! election-methods list, 5 February 2013,
//! <http://lists.electorama.com/pipermail/election-methods-electorama.com/2013-February/096841.html>:
//! men were "excluded … in order to save a seat for a woman"):
//! with `w` more women needed (no more than the women still continuing),
//! - a man is not elected, even at the quota, if that would leave fewer than
//!   `w` seats; when the seats left equal `w`, every continuing man is
//!   excluded in one stage ([`ExclusionReason::MenOverMaximum`]);
//! - while the continuing women are no more than `w`, none of them is
//!   excluded as lowest: the lowest man goes instead.
//!
//! If too few women stand, the seats they cannot fill go to men
//! ([`CountResult::women_minimum_met`] says whether the minimum was met).
//! Candidates' `woman` flag is as they self-define.

pub mod simulate;

use core::fmt;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
/// The pure core's elections and regions (`slatecard-core`), for [`simulate`].
use slatecard_core::domain;

/// A candidate in a count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Name, for reports.
    pub name: String,
    /// True if the candidate self-defines as a woman (for the women's minimum).
    pub woman: bool,
}

impl Candidate {
    /// A candidate called `name`.
    pub fn new(name: &str, woman: bool) -> Candidate {
        Candidate {
            name: name.to_owned(),
            woman,
        }
    }
}

/// How the quota is worked out from the valid poll (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quota {
    /// ⌊V/(s+1)⌋ + 1, reached to be elected (Scottish local government).
    DroopWhole,
    /// Exactly V/(s+1), exceeded to be elected (the "+ε" convention).
    DroopExact,
    /// V/(s+1) rounded up to 0.01 when not exact, reached to be elected (ERS97).
    Ers97,
}

/// How an elected candidate's surplus is transferred (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SurplusRule {
    /// Weighted inclusive Gregory method: all papers, at reduced values.
    Wigm,
    /// Gregory method on the last parcel received (ERS97).
    LastParcel,
}

/// Which earlier stage decides between equal candidates first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TieBreak {
    /// The most recent earlier stage at which they differed.
    Backwards,
    /// The first stage at which they differed.
    Forwards,
}

/// The rules of a count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rules {
    /// The quota.
    pub quota: Quota,
    /// The surplus rule.
    pub surplus: SurplusRule,
    /// How ties are broken before lots are drawn.
    pub tie_break: TieBreak,
    /// Seats that must go to women (0: no minimum).
    pub min_women: usize,
    /// Seed of the deterministic "lot" for ties that earlier stages do not break.
    pub seed: u64,
}

impl Rules {
    /// Scottish local government STV: whole Droop quota, WIGM.
    pub fn scottish() -> Rules {
        Rules {
            quota: Quota::DroopWhole,
            surplus: SurplusRule::Wigm,
            tie_break: TieBreak::Forwards,
            min_women: 0,
            seed: 0,
        }
    }

    /// ERS97-style STV: quota to 0.01, last-parcel Gregory surpluses.
    pub fn ers97() -> Rules {
        Rules {
            quota: Quota::Ers97,
            surplus: SurplusRule::LastParcel,
            tie_break: TieBreak::Backwards,
            min_women: 0,
            seed: 0,
        }
    }

    /// These rules with at least `n` seats for women.
    pub fn with_min_women(mut self, n: usize) -> Rules {
        self.min_women = n;
        self
    }
}

/// Why a count could not be run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StvError {
    /// No seats to fill.
    NoSeats,
    /// A ballot (index into the ballots) names a candidate index that does not exist.
    UnknownCandidate {
        /// The ballot.
        ballot: usize,
        /// The index it names.
        candidate: usize,
    },
    /// A ballot ranks the same candidate twice.
    DuplicatePreference {
        /// The ballot.
        ballot: usize,
        /// The candidate ranked twice.
        candidate: usize,
    },
    /// More seats reserved for women than there are seats.
    MinWomenAboveSeats {
        /// Seats reserved for women.
        min_women: usize,
        /// Seats.
        seats: usize,
    },
}

impl fmt::Display for StvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StvError::NoSeats => f.write_str("there are no seats to fill"),
            StvError::UnknownCandidate { ballot, candidate } => write!(
                f,
                "ballot {} names candidate {}, who is not on the ballot",
                ballot + 1,
                candidate + 1
            ),
            StvError::DuplicatePreference { ballot, candidate } => write!(
                f,
                "ballot {} ranks candidate {} more than once",
                ballot + 1,
                candidate + 1
            ),
            StvError::MinWomenAboveSeats { min_women, seats } => write!(
                f,
                "{min_women} seats are reserved for women but only {seats} are to be filled"
            ),
        }
    }
}

/// A candidate's standing at the end of a stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Still in the count.
    Continuing,
    /// Elected.
    Elected,
    /// Excluded.
    Excluded,
}

/// Why candidates were excluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExclusionReason {
    /// The lowest continuing candidate (with the women's minimum respected).
    Lowest,
    /// Men excluded because the seats left must go to women.
    MenOverMaximum,
}

/// What a stage did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Stage 1: first preferences.
    FirstPreferences,
    /// An elected candidate's surplus was transferred.
    Surplus {
        /// Whose.
        candidate: usize,
    },
    /// Candidates were excluded and their papers transferred.
    Exclusion {
        /// Who.
        candidates: Vec<usize>,
        /// Why.
        reason: ExclusionReason,
    },
}

/// The state of the count after one stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    /// What the stage did.
    pub action: Action,
    /// Votes per candidate (in candidate order) at the end of the stage; an
    /// elected candidate whose surplus has gone keeps exactly the quota.
    pub tallies: Vec<BigRational>,
    /// Votes set aside as non-transferable so far.
    pub non_transferable: BigRational,
    /// Each candidate's status at the end of the stage.
    pub status: Vec<Status>,
    /// Who was elected at this stage, in order.
    pub elected: Vec<usize>,
}

impl Stage {
    /// Sum of every candidate's votes and the non-transferable votes: equal
    /// to the valid poll at every stage.
    pub fn total(&self) -> BigRational {
        self.tallies
            .iter()
            .fold(self.non_transferable.clone(), |a, b| a + b)
    }
}

/// The outcome of a count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountResult {
    /// The quota (votes).
    pub quota: BigRational,
    /// The valid poll: papers with at least one preference.
    pub valid: u128,
    /// Papers with no preference (left out).
    pub invalid: u128,
    /// The elected, in order of election.
    pub elected: Vec<usize>,
    /// Every stage, first preferences first.
    pub stages: Vec<Stage>,
    /// Ties settled by the deterministic lot.
    pub lots: usize,
    /// True when at least `min_women` of the elected are women.
    pub women_minimum_met: bool,
}

/// `v` to two decimal places, truncated toward zero (e.g. `12954.90`).
///
/// ```
/// use num_rational::BigRational;
/// use slatecard_stv::two_dp;
/// let v = BigRational::new(129549.into(), 10.into());
/// assert_eq!(two_dp(&v), "12954.90");
/// assert_eq!(two_dp(&BigRational::new(2.into(), 3.into())), "0.66");
/// ```
pub fn two_dp(v: &BigRational) -> String {
    let hundredths = (v.abs() * BigInt::from(100)).to_integer();
    let whole = &hundredths / BigInt::from(100);
    let frac = &hundredths % BigInt::from(100);
    let sign = if v.is_negative() && !hundredths.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{whole}.{frac:0>2}")
}

/// The quota for `valid` votes and `seats` seats under `rule`, and whether
/// a candidate must exceed it (true) or only reach it (false); `None` for no seats.
///
/// ```
/// use num_rational::BigRational;
/// use slatecard_stv::{quota, Quota};
/// let whole = |n: i64| BigRational::from_integer(n.into());
/// assert_eq!(quota(Quota::DroopWhole, 5000, 4), Some((whole(1001), false)));
/// assert_eq!(quota(Quota::DroopExact, 5000, 4), Some((whole(1000), true)));
/// ```
pub fn quota(rule: Quota, valid: u128, seats: usize) -> Option<(BigRational, bool)> {
    if seats == 0 {
        return None;
    }
    let v = BigInt::from(valid);
    let d = BigInt::from(seats) + 1;
    Some(match rule {
        Quota::DroopWhole => (BigRational::from_integer(&v / &d + 1), false),
        Quota::DroopExact => (BigRational::new(v, d), true),
        Quota::Ers97 => {
            let exact = BigRational::new(v * 100, d);
            (
                BigRational::new(exact.ceil().to_integer(), 100.into()),
                false,
            )
        }
    })
}

struct Paper {
    weight: BigInt,
    prefs: Vec<usize>,
    pos: usize,
    value: BigRational,
    /// The candidate holding it, if any.
    holder: Option<usize>,
    /// The stage at which the holder received it.
    parcel: usize,
    /// Stays with an elected candidate whose surplus has gone.
    frozen: bool,
}

struct Counter<'a> {
    candidates: &'a [Candidate],
    seats: usize,
    rules: &'a Rules,
    quota: BigRational,
    strict: bool,
    papers: Vec<Paper>,
    status: Vec<Status>,
    /// Surplus transferred (or none to transfer): counts as exactly the quota.
    settled: Vec<bool>,
    /// Stage at which each candidate was elected.
    elected_at: Vec<usize>,
    elected: Vec<usize>,
    non_transferable: BigRational,
    stages: Vec<Stage>,
    lots: usize,
}

/// Runs an STV count of `ballots` for `seats` seats among `candidates`.
///
/// # Errors
/// [`StvError`] for no seats, a women's minimum above the seats, or a ballot
/// naming an unknown candidate or one candidate twice.
///
/// ```
/// use slatecard_stv::{count, Candidate, Rules};
/// let cands = [Candidate::new("A", true), Candidate::new("B", false), Candidate::new("C", true)];
/// let ballots = [(5, vec![0, 2]), (4, vec![1]), (2, vec![2, 1])];
/// let result = count(&cands, 2, &ballots, &Rules::scottish()).unwrap();
/// assert_eq!(result.elected, vec![0, 1]);
/// ```
pub fn count(
    candidates: &[Candidate],
    seats: usize,
    ballots: &[(u64, Vec<usize>)],
    rules: &Rules,
) -> Result<CountResult, StvError> {
    if seats == 0 {
        return Err(StvError::NoSeats);
    }
    if rules.min_women > seats {
        return Err(StvError::MinWomenAboveSeats {
            min_women: rules.min_women,
            seats,
        });
    }
    let n = candidates.len();
    let mut valid: u128 = 0;
    let mut invalid: u128 = 0;
    let mut papers = Vec::new();
    for (i, (weight, prefs)) in ballots.iter().enumerate() {
        let mut seen = vec![false; n];
        for &c in prefs {
            if c >= n {
                return Err(StvError::UnknownCandidate {
                    ballot: i,
                    candidate: c,
                });
            }
            if seen[c] {
                return Err(StvError::DuplicatePreference {
                    ballot: i,
                    candidate: c,
                });
            }
            seen[c] = true;
        }
        if prefs.is_empty() {
            invalid += u128::from(*weight);
            continue;
        }
        valid += u128::from(*weight);
        papers.push(Paper {
            weight: BigInt::from(*weight),
            prefs: prefs.clone(),
            pos: 0,
            value: BigRational::one(),
            holder: Some(prefs[0]),
            parcel: 0,
            frozen: false,
        });
    }
    let (quota, strict) = quota(rules.quota, valid, seats).ok_or(StvError::NoSeats)?;
    let mut c = Counter {
        candidates,
        seats,
        rules,
        quota,
        strict,
        papers,
        status: vec![Status::Continuing; n],
        settled: vec![false; n],
        elected_at: vec![0; n],
        elected: Vec::new(),
        non_transferable: BigRational::zero(),
        stages: Vec::new(),
        lots: 0,
    };
    c.run();
    let women = c.elected.iter().filter(|&&e| candidates[e].woman).count();
    Ok(CountResult {
        quota: c.quota,
        valid,
        invalid,
        women_minimum_met: women >= rules.min_women,
        elected: c.elected,
        stages: c.stages,
        lots: c.lots,
    })
}

impl Counter<'_> {
    fn continuing(&self) -> Vec<usize> {
        (0..self.status.len())
            .filter(|&c| self.status[c] == Status::Continuing)
            .collect()
    }

    fn tallies(&self) -> Vec<BigRational> {
        let mut t = vec![BigRational::zero(); self.status.len()];
        for p in &self.papers {
            if let (Some(h), false) = (p.holder, p.frozen) {
                t[h] += BigRational::from_integer(p.weight.clone()) * &p.value;
            }
        }
        for (c, s) in self.settled.iter().enumerate() {
            if *s {
                t[c] = self.quota.clone();
            }
        }
        t
    }

    /// More women needed, capped by the women still continuing.
    fn women_reserve(&self) -> usize {
        let elected_women = self
            .elected
            .iter()
            .filter(|&&e| self.candidates[e].woman)
            .count();
        let continuing_women = self
            .continuing()
            .into_iter()
            .filter(|&c| self.candidates[c].woman)
            .count();
        self.rules
            .min_women
            .saturating_sub(elected_women)
            .min(continuing_women)
    }

    fn seats_left(&self) -> usize {
        self.seats - self.elected.len()
    }

    fn run(&mut self) {
        self.finish_stage(Action::FirstPreferences);
        loop {
            if self.elected.len() >= self.seats {
                return;
            }
            let continuing = self.continuing();
            if continuing.is_empty() {
                return;
            }
            let reserve = self.women_reserve();
            let men: Vec<usize> = continuing
                .iter()
                .copied()
                .filter(|&c| !self.candidates[c].woman)
                .collect();
            if reserve > 0 && self.seats_left() <= reserve && !men.is_empty() {
                self.exclude(men, ExclusionReason::MenOverMaximum);
                continue;
            }
            if continuing.len() <= self.seats_left() {
                let tallies = self.tallies();
                let order = self.ranked(&continuing, &tallies);
                let last = self.stages.len() - 1;
                for e in order {
                    self.status[e] = Status::Elected;
                    self.elected_at[e] = last;
                    self.elected.push(e);
                    self.stages[last].elected.push(e);
                    self.stages[last].status[e] = Status::Elected;
                }
                return;
            }
            if let Some(s) = self.next_surplus() {
                self.transfer_surplus(s);
                continue;
            }
            let tallies = self.tallies();
            let protect_women = continuing
                .iter()
                .filter(|&&c| self.candidates[c].woman)
                .count()
                <= self.women_reserve_uncapped();
            let mut pool: Vec<usize> = continuing
                .iter()
                .copied()
                .filter(|&c| !(protect_women && self.candidates[c].woman))
                .collect();
            if pool.is_empty() {
                pool = continuing;
            }
            let lowest = self.extreme(&pool, &tallies, false);
            self.exclude(vec![lowest], ExclusionReason::Lowest);
        }
    }

    fn women_reserve_uncapped(&self) -> usize {
        let elected_women = self
            .elected
            .iter()
            .filter(|&&e| self.candidates[e].woman)
            .count();
        self.rules.min_women.saturating_sub(elected_women)
    }

    /// `cands` by votes, most first, ties broken by [`Counter::extreme`].
    fn ranked(&mut self, cands: &[usize], tallies: &[BigRational]) -> Vec<usize> {
        let mut rest = cands.to_vec();
        let mut out = Vec::new();
        while !rest.is_empty() {
            let top = self.extreme(&rest, tallies, true);
            rest.retain(|&c| c != top);
            out.push(top);
        }
        out
    }

    /// The highest (`highest`) or lowest of `cands`: ties go to earlier
    /// stages, then to the lot.
    fn extreme(&mut self, cands: &[usize], tallies: &[BigRational], highest: bool) -> usize {
        let pick = |set: &[usize], t: &[BigRational]| -> Vec<usize> {
            let mut best: Option<&BigRational> = None;
            for &c in set {
                let better = match best {
                    None => true,
                    Some(b) => {
                        if highest {
                            t[c] > *b
                        } else {
                            t[c] < *b
                        }
                    }
                };
                if better {
                    best = Some(&t[c]);
                }
            }
            set.iter()
                .copied()
                .filter(|&c| Some(&t[c]) == best)
                .collect()
        };
        let mut tied = pick(cands, tallies);
        let n = self.stages.len();
        let order: Vec<usize> = match self.rules.tie_break {
            TieBreak::Backwards => (0..n).rev().collect(),
            TieBreak::Forwards => (0..n).collect(),
        };
        for s in order {
            if tied.len() < 2 {
                break;
            }
            tied = pick(&tied, &self.stages[s].tallies);
        }
        if tied.len() < 2 {
            return tied.first().copied().unwrap_or(0);
        }
        self.lots += 1;
        let r = splitmix64(self.rules.seed ^ (self.lots as u64).wrapping_mul(0x9E37_79B9));
        tied[(r % tied.len() as u64) as usize]
    }

    fn next_surplus(&mut self) -> Option<usize> {
        let tallies = self.tallies();
        let waiting: Vec<usize> = self
            .elected
            .iter()
            .copied()
            .filter(|&e| !self.settled[e] && tallies[e] > self.quota)
            .collect();
        if waiting.is_empty() {
            return None;
        }
        Some(self.extreme(&waiting, &tallies, true))
    }

    /// Next continuing preference on paper `i` after its current one.
    fn next_continuing(&self, i: usize) -> Option<(usize, usize)> {
        let p = &self.papers[i];
        (p.pos + 1..p.prefs.len())
            .map(|k| (k, p.prefs[k]))
            .find(|&(_, c)| self.status[c] == Status::Continuing)
    }

    fn transfer_surplus(&mut self, e: usize) {
        let stage = self.stages.len();
        let tallies = self.tallies();
        let total = tallies[e].clone();
        let surplus = &total - &self.quota;
        let held: Vec<usize> = (0..self.papers.len())
            .filter(|&i| self.papers[i].holder == Some(e) && !self.papers[i].frozen)
            .collect();
        match self.rules.surplus {
            SurplusRule::Wigm => {
                let ratio = &surplus / &total;
                for i in held {
                    match self.next_continuing(i) {
                        Some((k, c)) => {
                            let p = &mut self.papers[i];
                            p.value = &p.value * &ratio;
                            p.pos = k;
                            p.holder = Some(c);
                            p.parcel = stage;
                        }
                        None => {
                            let p = &mut self.papers[i];
                            self.non_transferable +=
                                BigRational::from_integer(p.weight.clone()) * &p.value * &ratio;
                            p.frozen = true;
                        }
                    }
                }
            }
            SurplusRule::LastParcel => {
                let parcel = self.elected_at[e];
                let mut moves = Vec::new();
                let mut transferable = BigRational::zero();
                for &i in &held {
                    if self.papers[i].parcel != parcel {
                        continue;
                    }
                    if let Some(to) = self.next_continuing(i) {
                        let p = &self.papers[i];
                        transferable += BigRational::from_integer(p.weight.clone()) * &p.value;
                        moves.push((i, to));
                    }
                }
                let ratio = if transferable > surplus {
                    &surplus / &transferable
                } else {
                    self.non_transferable += &surplus - &transferable;
                    BigRational::one()
                };
                for (i, (k, c)) in moves {
                    let p = &mut self.papers[i];
                    p.value = &p.value * &ratio;
                    p.pos = k;
                    p.holder = Some(c);
                    p.parcel = stage;
                }
                for i in held {
                    if self.papers[i].holder == Some(e) {
                        self.papers[i].frozen = true;
                    }
                }
            }
        }
        self.settled[e] = true;
        self.finish_stage(Action::Surplus { candidate: e });
    }

    fn exclude(&mut self, who: Vec<usize>, reason: ExclusionReason) {
        let stage = self.stages.len();
        for &c in &who {
            self.status[c] = Status::Excluded;
        }
        for i in 0..self.papers.len() {
            let Some(h) = self.papers[i].holder else {
                continue;
            };
            if !who.contains(&h) {
                continue;
            }
            match self.next_continuing(i) {
                Some((k, c)) => {
                    let p = &mut self.papers[i];
                    p.pos = k;
                    p.holder = Some(c);
                    p.parcel = stage;
                }
                None => {
                    let p = &mut self.papers[i];
                    self.non_transferable += BigRational::from_integer(p.weight.clone()) * &p.value;
                    p.holder = None;
                }
            }
        }
        self.finish_stage(Action::Exclusion {
            candidates: who,
            reason,
        });
    }

    /// Elects whoever reached the quota and records the stage.
    fn finish_stage(&mut self, action: Action) {
        let stage = self.stages.len();
        let tallies = self.tallies();
        let reached: Vec<usize> = self
            .continuing()
            .into_iter()
            .filter(|&c| {
                if self.strict {
                    tallies[c] > self.quota
                } else {
                    tallies[c] >= self.quota
                }
            })
            .collect();
        let mut elected_now = Vec::new();
        for c in self.ranked(&reached, &tallies) {
            if self.elected.len() >= self.seats {
                break;
            }
            if !self.candidates[c].woman && self.seats_left() <= self.women_reserve() {
                continue;
            }
            self.status[c] = Status::Elected;
            self.elected_at[c] = stage;
            self.elected.push(c);
            elected_now.push(c);
            if tallies[c] == self.quota {
                // Nothing to transfer: the papers stay as the quota.
                self.settled[c] = true;
                for p in &mut self.papers {
                    if p.holder == Some(c) {
                        p.frozen = true;
                    }
                }
            }
        }
        self.stages.push(Stage {
            action,
            tallies,
            non_transferable: self.non_transferable.clone(),
            status: self.status.clone(),
            elected: elected_now,
        });
    }
}

/// A step of the SplitMix64 generator (public domain algorithm by Sebastiano
/// Vigna): deterministic, so the same seed always draws the same lot.
pub fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

impl CountResult {
    /// The count as a markdown table: one row per stage, votes to two
    /// decimal places, `*` after a candidate elected at that stage.
    pub fn to_markdown(&self, candidates: &[Candidate]) -> String {
        let mut s = String::from("| Stage | Action |");
        for c in candidates {
            s.push_str(&format!(" {} |", c.name));
        }
        s.push_str(" Non-transferable |\n|---|---|");
        for _ in candidates {
            s.push_str("---:|");
        }
        s.push_str("---:|\n");
        for (i, st) in self.stages.iter().enumerate() {
            let action = match &st.action {
                Action::FirstPreferences => "First preferences".to_owned(),
                Action::Surplus { candidate } => format!(
                    "Surplus of {}",
                    candidates.get(*candidate).map_or("?", |c| &c.name)
                ),
                Action::Exclusion {
                    candidates: who,
                    reason,
                } => {
                    let names: Vec<&str> = who
                        .iter()
                        .map(|&w| candidates.get(w).map_or("?", |c| c.name.as_str()))
                        .collect();
                    match reason {
                        ExclusionReason::Lowest => format!("Exclude {}", names.join(", ")),
                        ExclusionReason::MenOverMaximum => {
                            format!("Exclude {} (seats left are for women)", names.join(", "))
                        }
                    }
                }
            };
            s.push_str(&format!("| {} | {action} |", i + 1));
            for (c, t) in st.tallies.iter().enumerate() {
                let mark = if st.elected.contains(&c) { " *" } else { "" };
                let shown = if st.status[c] == Status::Excluded {
                    "–".to_owned()
                } else {
                    two_dp(t)
                };
                s.push_str(&format!(" {shown}{mark} |"));
            }
            s.push_str(&format!(" {} |\n", two_dp(&st.non_transferable)));
        }
        s
    }
}
