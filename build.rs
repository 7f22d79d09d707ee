//! Validates `data/` and turns it into static Rust tables.
//!
//! Invalid data fails the build with the file, the entry and what is wrong,
//! using the same checks as `slatecard::domain::schema` (this script includes
//! that module's source).

#[path = "src/domain/date.rs"]
#[allow(dead_code)]
mod date;
#[path = "src/domain/schema.rs"]
#[allow(dead_code)]
mod schema;

use schema::{ElectionDef, SchemeDef};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

const SCHEME_FILE: &str = "data/regions/labour.toml";
const ELECTIONS_DIR: &str = "data/elections";

fn main() {
    println!("cargo:rerun-if-changed=data/regions");
    println!("cargo:rerun-if-changed=data/elections");
    println!("cargo:rerun-if-changed=src/domain/schema.rs");
    println!("cargo:rerun-if-changed=src/domain/date.rs");
    if let Err(e) = run() {
        eprintln!("error: invalid data: {e}");
        std::process::exit(1);
    }
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

fn run() -> Result<(), String> {
    let out = PathBuf::from(env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let scheme = schema::parse_scheme(SCHEME_FILE, &read(Path::new(SCHEME_FILE))?)
        .map_err(|e| e.to_string())?;
    if scheme.regions.iter().filter(|r| r.outside_uk).count() != 1 {
        return Err(format!(
            "{SCHEME_FILE}: regions: exactly one region must be `outside_uk`"
        ));
    }
    let mut files: Vec<PathBuf> = fs::read_dir(ELECTIONS_DIR)
        .map_err(|e| format!("{ELECTIONS_DIR}: {e}"))?
        .filter_map(|d| d.ok().map(|d| d.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut elections = Vec::new();
    for path in &files {
        let name = path.display().to_string();
        let e = schema::parse_election(&name, &read(path)?, &scheme).map_err(|e| e.to_string())?;
        elections.push((name, e));
    }
    if elections.is_empty() {
        return Err(format!("{ELECTIONS_DIR}: no election files"));
    }
    schema::check_unique_elections(&elections).map_err(|e| e.to_string())?;
    // Most recent first; the app's default is the first.
    elections.sort_by(|a, b| {
        b.1.ballot
            .held
            .cmp(&a.1.ballot.held)
            .then(a.1.id.cmp(&b.1.id))
    });

    fs::write(out.join("regions.rs"), regions_rs(&scheme)).map_err(|e| e.to_string())?;
    let elections: Vec<ElectionDef> = elections.into_iter().map(|(_, e)| e).collect();
    fs::write(out.join("elections.rs"), elections_rs(&scheme, &elections))
        .map_err(|e| e.to_string())?;
    Ok(())
}

fn regions_rs(scheme: &SchemeDef) -> String {
    let mut s = String::from(
        "/// Every region of the scheme, in display order.\npub static REGIONS: &[Region] = &[\n",
    );
    for r in &scheme.regions {
        writeln!(
            s,
            "    Region {{ slug: {:?}, name: {:?}, live_postcodes: {}, outside_uk: {} }},",
            r.id, r.name, r.live_postcodes, r.outside_uk
        )
        .unwrap();
    }
    s.push_str("];\n");
    s
}

fn region_index(scheme: &SchemeDef, id: &str) -> usize {
    scheme
        .regions
        .iter()
        .position(|r| r.id == id)
        .expect("validated by schema")
}

fn moment_rs(m: &Option<String>) -> String {
    match m.as_deref().map(date::Moment::parse) {
        Some(Ok(m)) => format!(
            "Some(Moment {{ date: super::date::Date {{ year: {}, month: {}, day: {} }}, time: {:?} }})",
            m.date.year, m.date.month, m.date.day, m.time
        ),
        _ => "None".to_owned(),
    }
}

fn elections_rs(scheme: &SchemeDef, elections: &[ElectionDef]) -> String {
    let mut s = String::from(
        "/// Every bundled election, most recent first.\npub static ELECTIONS: &[Election] = &[\n",
    );
    for e in elections {
        let kind = match e.ballot.kind.as_str() {
            "cross" => format!("BallotKind::Cross {{ max: {} }}", e.ballot.seats),
            _ => "BallotKind::Ranked".to_owned(),
        };
        let candidate_index = |id: &str| {
            e.candidates
                .iter()
                .position(|c| c.id == id)
                .expect("validated by schema")
        };
        writeln!(s, "  Election {{").unwrap();
        writeln!(
            s,
            "    id: {:?}, title: {:?}, short_title: {:?},",
            e.id, e.title, e.short_title
        )
        .unwrap();
        writeln!(
            s,
            "    organisation: {:?}, slate: {:?}, slate_backers: {:?},",
            e.organisation, e.slate, e.slate_backers
        )
        .unwrap();
        writeln!(
            s,
            "    kind: {kind}, seats: {}, held: {},",
            e.ballot.seats, e.ballot.held
        )
        .unwrap();
        writeln!(
            s,
            "    opens: {}, closes: {},",
            moment_rs(&e.ballot.opens),
            moment_rs(&e.ballot.closes)
        )
        .unwrap();
        let generation = e
            .generation
            .as_ref()
            .map(|g| g.description.as_str())
            .unwrap_or("");
        writeln!(s, "    generation: {generation:?},").unwrap();
        s.push_str("    candidates: &[\n");
        for c in &e.candidates {
            writeln!(
                s,
                "      Candidate {{ id: {:?}, name: {:?}, summary: {:?} }},",
                c.id, c.name, c.summary
            )
            .unwrap();
        }
        s.push_str("    ],\n    orders: &[\n");
        // In region display order, whatever the file's order.
        let mut orders: Vec<_> = e.orders.iter().collect();
        orders.sort_by_key(|o| region_index(scheme, &o.region));
        for o in orders {
            let idx: Vec<usize> = o.order.iter().map(|c| candidate_index(c)).collect();
            let prov = match o.provenance.as_str() {
                "published" => format!(
                    "Provenance::Published {{ source: {:?} }}",
                    o.source.as_deref().unwrap_or("")
                ),
                "partly-published" => format!(
                    "Provenance::PartlyPublished {{ positions: {}, source: {:?} }}",
                    o.published_positions.unwrap_or(0),
                    o.source.as_deref().unwrap_or("")
                ),
                _ => "Provenance::Generated".to_owned(),
            };
            writeln!(
                s,
                "      RegionOrder {{ region: RegionId({}), order: &{:?}, provenance: {prov} }},",
                region_index(scheme, &o.region),
                idx
            )
            .unwrap();
        }
        s.push_str("    ],\n    seats_other: &[\n");
        for seat in &e.seats {
            let electorate = match seat.electorate.as_str() {
                "youth" => "Youth",
                "bame" => "Bame",
                "disabled" => "Disabled",
                "councillors" => "Councillors",
                _ => "All",
            };
            let regions: Vec<String> = seat
                .regions
                .iter()
                .map(|r| format!("RegionId({})", region_index(scheme, r)))
                .collect();
            writeln!(
                s,
                "      Seat {{ id: {:?}, name: {:?}, electorate: Electorate::{electorate}, votes: {}, regions: &[{}], picks: &{:?}, published: {}, note: {:?} }},",
                seat.id, seat.name, seat.votes, regions.join(", "), seat.picks, seat.published, seat.note
            )
            .unwrap();
        }
        s.push_str("    ],\n");
        writeln!(s, "    notes: &{:?},", e.notes).unwrap();
        s.push_str("    sources: &[\n");
        for src in &e.sources {
            writeln!(
                s,
                "      Source {{ title: {:?}, url: {:?}, used_for: {:?} }},",
                src.title, src.url, src.used_for
            )
            .unwrap();
        }
        s.push_str("    ],\n  },\n");
    }
    s.push_str("];\n");
    s
}
