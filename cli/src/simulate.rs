//! `slatecard simulate [ELECTION]`: a markdown report of
//! [`slatecard_stv::simulate`] for one bundled election, or for every one
//! (most recent first) when none is named. `reports/stv.md` is its output.

use super::balance::region_weights_of;
use crate::domain::election::{BallotKind, Election};
use slatecard_stv::simulate::{simulate_election, Params, Simulation};
use slatecard_stv::{Quota, Rules, SurplusRule};
use std::fmt::Write as _;
use std::io::Write;

/// Runs the subcommand: `args` is `[]` or `[ELECTION-ID]`.
///
/// # Errors
/// An unknown election id, or a data file that cannot be read.
pub fn command(args: &[String], out: &mut dyn Write) -> Result<(), String> {
    let parsed = super::args::parse("simulate", args, &[], &[], 0..=1)
        .map_err(|e| format!("{e}\nusage: slatecard simulate [ELECTION]"))?;
    let elections: Vec<&Election> = match parsed.positional.first() {
        Some(id) => vec![Election::by_id(id).ok_or_else(|| format!("no election \"{id}\""))?],
        None => Election::all().iter().collect(),
    };
    let text = report(&elections)?;
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

/// `num / den` as a percentage to one decimal place (integer arithmetic).
fn percent(num: u64, den: u64) -> String {
    let tenths = (u128::from(num) * 1000 + u128::from(den.max(1)) / 2) / u128::from(den.max(1));
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// The markdown report for `elections`.
///
/// # Errors
/// A data file that cannot be read.
pub fn report(elections: &[&Election]) -> Result<String, String> {
    let mut s = String::new();
    let w = &mut s;
    let _ = writeln!(w, "# STV simulation: regional orders against one order\n");
    let _ = writeln!(
        w,
        "**This is a simulation on a synthetic poll, not a result.** Written by \
         `cargo slatecard simulate` (code: `stv/src/simulate.rs`, \
         count: `stv/`). Same input, same output.\n"
    );
    let rules = [
        (
            "WIGM, whole Droop quota (Scottish rules)",
            Rules::scottish(),
        ),
        (
            "last-parcel Gregory, ERS97 quota",
            Rules {
                quota: Quota::Ers97,
                surplus: SurplusRule::LastParcel,
                ..Rules::ers97()
            },
        ),
    ];
    let _ = writeln!(w, "## What Labour's count used, as far as sources say\n");
    let _ = writeln!(
        w,
        "- The 2020 CLP quota was published as 12,954.9, \"a tenth of the total votes\" \
         (James McAsh, LabourList, November 2020). A fraction rules out the whole-number \
         Droop quota (which would be 12,955); V/10 = 12,954.9 means a valid poll of \
         exactly 129,549, the poll used below. ERS97's quota (V/(s+1), rounded up to \
         0.01 only when inexact) and the exact Droop quota both give 12,954.90.\n\
         - The ballot was run by Civica Election Services (LabourList, February 2022). \
         We found no source naming the surplus rule, so both rules are shown.\n\
         - At least four of the nine seats go to women; candidates' gender is not in \
         slatecard's data, so the simulation does not apply it (the count supports it).\n"
    );
    let _ = writeln!(w, "## Assumptions\n");
    let params = Params::default();
    let mut listed = false;
    for e in elections {
        if !matches!(e.kind, BallotKind::Ranked) {
            continue;
        }
        let weights = region_weights_of(e)?;
        let _ = writeln!(w);
        for (label, r) in &rules {
            let p = Params {
                rules: r.clone(),
                ..params.clone()
            };
            let sim = match simulate_election(e, &weights, &p) {
                Some(Ok(sim)) => sim,
                Some(Err(err)) => return Err(format!("{}: {err}", e.id)),
                None => continue,
            };
            if !listed {
                // The assumptions are the same for every election.
                let mut a = String::new();
                for line in &sim.assumptions {
                    let _ = writeln!(a, "- {line}");
                }
                let _ = writeln!(
                    a,
                    "- A poll of {} votes, {} seats; slate shares {:?}%, plumpers {:?}%.",
                    p.poll, p.seats, p.slate_percents, p.plump_percents
                );
                let at = w.rfind("## Assumptions\n\n").map_or(w.len(), |i| i + 16);
                w.insert_str(at, &a);
                listed = true;
            }
            if label == &rules[0].0 {
                election_header(w, e, &sim);
            }
            scenario_table(w, label, &sim);
        }
    }
    for e in elections {
        if !matches!(e.kind, BallotKind::Ranked) {
            let _ = writeln!(
                w,
                "\n## {}\n\nA cross ballot (first past the post): no orders, no STV count to simulate.",
                e.title
            );
        }
    }
    Ok(s)
}

fn election_header(w: &mut String, e: &Election, sim: &Simulation) {
    let _ = writeln!(w, "## {}\n", e.title);
    let one: Vec<&str> = sim
        .single_order
        .iter()
        .map(|&i| sim.candidates[i].as_str())
        .collect();
    let _ = writeln!(
        w,
        "Slate: {} ({} candidates). One order (the heaviest region's): {}.\n",
        e.slate,
        sim.candidates.len(),
        one.join(", ")
    );
    let _ = writeln!(
        w,
        "First preferences under the regional orders, as a share of region weight:\n"
    );
    let _ = writeln!(w, "| Candidate | Weight placing them first | Share |");
    let _ = writeln!(w, "|---|---:|---:|");
    for (i, name) in sim.candidates.iter().enumerate() {
        let _ = writeln!(
            w,
            "| {name} | {} | {} |",
            sim.first_weight[i],
            percent(sim.first_weight[i], sim.total_weight)
        );
    }
    let _ = writeln!(w);
}

fn scenario_table(w: &mut String, label: &str, sim: &Simulation) {
    let _ = writeln!(w, "Slate candidates elected, {label}:\n");
    let _ = writeln!(
        w,
        "| Slate share | Plumpers | Regional orders | One order | First preferences, regional | First preferences, one order |"
    );
    let _ = writeln!(w, "|---:|---:|---:|---:|---|---|");
    for s in &sim.scenarios {
        let list = |v: &[u64]| v.iter().map(u64::to_string).collect::<Vec<_>>().join(" / ");
        let _ = writeln!(
            w,
            "| {}% | {}% | {} | {} | {} | {} |",
            s.slate_percent,
            s.plump_percent,
            s.elected_regional,
            s.elected_single,
            list(&s.first_regional),
            list(&s.first_single)
        );
    }
    let more = sim
        .scenarios
        .iter()
        .filter(|s| s.elected_regional > s.elected_single)
        .count();
    let fewer = sim
        .scenarios
        .iter()
        .filter(|s| s.elected_regional < s.elected_single)
        .count();
    let _ = writeln!(
        w,
        "\n(First preferences per candidate in the order {}.) Regional orders elected \
         more slate candidates than one order in {more} of {} scenarios, fewer in {fewer}, \
         the same in the rest.\n",
        sim.candidates.join(" / "),
        sim.scenarios.len()
    );
}
