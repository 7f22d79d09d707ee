//! Native tools behind the `slatecard` command line: data checks, order
//! generation and (later) postcode table compilation and batch lookup.

pub mod orders;

use crate::domain::election::Election;
use crate::domain::region::RegionId;
use crate::domain::view::ResultView;

use std::io::Write;

/// Runs the command line with `args` (without the program name); returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("balance") => orders::command(&args[1..], out),
        Some("export") => export(out),
        Some("help") | Some("--help") | Some("-h") | None => {
            let _ = writeln!(out, "{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command \"{other}\"\n\n{USAGE}")),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "slatecard: {e}");
            2
        }
    }
}

const USAGE: &str = "usage: slatecard <command>

commands:
  balance FILE.toml [--write]   generate the orders marked `generated` (method balanced-v1);
                                prints them, or rewrites them in FILE with --write
  export                        print, as JSON, what the app shows for every election and
                                region (candidates in order, seats): for checks and review";

/// What the app shows for every election and region, as JSON.
pub fn export_json() -> serde_json::Value {
    use serde_json::json;
    let elections: Vec<_> = Election::all()
        .iter()
        .map(|e| {
            let regions: serde_json::Map<String, serde_json::Value> = RegionId::all()
                .map(|r| {
                    let v = ResultView::build(e, r, 0);
                    let seats: Vec<_> = v
                        .seat_groups
                        .iter()
                        .flat_map(|g| g.seats.iter())
                        .map(|s| json!({ "name": s.name, "picks": s.picks }))
                        .collect();
                    let names: Vec<_> = v.entries.iter().map(|c| c.name).collect();
                    (
                        r.slug().to_owned(),
                        json!({ "name": r.name(), "candidates": names, "seats": seats }),
                    )
                })
                .collect();
            json!({
                "id": e.id,
                "title": e.title,
                "ranked": matches!(e.kind, crate::domain::election::BallotKind::Ranked),
                "regions": regions,
            })
        })
        .collect();
    json!({ "elections": elections })
}

fn export(out: &mut dyn Write) -> Result<(), String> {
    writeln!(out, "{}", export_json()).map_err(|e| e.to_string())
}
