//! A simulation's results, ready to render: what regional orders are worth
//! to a slate, on a synthetic poll (the catalogue words them, native only).
//!
//! The simulation itself runs the STV count (`slatecard-stv`), which the core
//! does not link: it is the root crate's `slatecard::simulate` (organisers'
//! tools: the command line and the why pages drawn at build time), where its
//! assumptions are listed.

/// One scenario's outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// The slate's share of the poll, in percent.
    pub slate_percent: u32,
    /// Slate voters who mark only a first preference, in percent.
    pub plump_percent: u32,
    /// Slate candidates elected when each region follows its own order.
    pub elected_regional: usize,
    /// Slate candidates elected when every region follows one order.
    pub elected_single: usize,
    /// First preferences per slate candidate (candidate order), regional orders.
    pub first_regional: Vec<u64>,
    /// First preferences per slate candidate (candidate order), one order.
    pub first_single: Vec<u64>,
}

/// A simulation's results, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct Simulation {
    /// The slate's candidates' names, in candidate order.
    pub candidates: Vec<String>,
    /// The one order (indices into `candidates`).
    pub single_order: Vec<usize>,
    /// Region weight putting each candidate first under the regional orders.
    pub first_weight: Vec<u64>,
    /// Total region weight.
    pub total_weight: u64,
    /// `first_weight` as shares of the total (0–1), for charts
    /// (from [`super::balance::shares_at`]).
    pub first_share: Vec<f64>,
    /// One entry per (slate share, plumpers) pair, shares outermost.
    pub scenarios: Vec<Scenario>,
    /// The assumptions about voters, in words, for reports (the poll and
    /// the rules are the caller's to state: they are in the
    /// simulation's parameters).
    pub assumptions: Vec<String>,
}
