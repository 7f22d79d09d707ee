//! Validates `data/` and turns it into static Rust tables.
//!
//! The files are read and checked by the `slatecard-data-format` crate (the
//! data format, described once); invalid data fails the build with every
//! problem, each as `FILE:LINE:COL: error: MESSAGE`, as `slatecard check`
//! prints them. The tables are the types of
//! `core/src/domain/region.rs` and `core/src/domain/election.rs`, written out by an
//! exhaustive `match` on each of the format's enums.

use slatecard_data_format::date::Moment;
use slatecard_data_format::{
    self as data, BallotDef, BallotListDef, CandidateDef, ElectionDef, OrderDef, ResultsDef,
    SchemeDef, SeatDef, SourceDef,
};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::{env, fs};

fn main() {
    if let Err(e) = run() {
        // The same lines as `slatecard check`. `cargo::error` makes Cargo
        // show each first, as `error: FILE:LINE:COL: …`, before its own
        // "failed to run custom build command" block, which repeats them
        // (from stderr) in full.
        let mut shown: Vec<String> = Vec::new();
        for line in e.lines() {
            match (line.strip_prefix("  help: "), shown.last_mut()) {
                (Some(help), Some(last)) => *last += &format!(" (help: {help})"),
                _ => shown.push(line.replacen(": error: ", ": ", 1)),
            }
        }
        for line in shown {
            println!("cargo::error={line}");
        }
        eprintln!("{e}");
        eprintln!("(`slatecard check` lists the same problems)");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let out = PathBuf::from(env::var("OUT_DIR").map_err(|e| e.to_string())?);
    // The repository's root, where `data/` is: this crate is `core/`.
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let root = manifest
        .parent()
        .ok_or("core/ has no parent folder")?
        .to_path_buf();
    for path in ["data/regions", "data/elections", data::LAD_REGIONS_PATH] {
        println!("cargo:rerun-if-changed={}", root.join(path).display());
    }
    // The postcode table's published name (`labour.<hash>.bin`, as
    // site/src/hash_names.rs names it): the app fetches it by that name.
    println!(
        "cargo:rerun-if-changed={}",
        root.join("data/postcodes/labour.bin").display()
    );
    let table = fs::read(root.join("data/postcodes/labour.bin"))
        .map_err(|e| format!("data/postcodes/labour.bin: {e}"))?;
    println!(
        "cargo:rustc-env=SLATECARD_TABLE_FILE={}",
        data::content_name("labour.bin", &table)
    );
    // Every check of `slatecard check` but the postcode recount (the ONS
    // postcode table is not in the repository, and reading it takes seconds).
    let reference = data::Reference::load(&root);
    let shown = |problems: &[data::Problem]| {
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (scheme, elections) = match data::load_dir(&root, &reference) {
        Ok(data) => data,
        // The app (wasm32) is never built with a file that fails a check.
        Err(problems) if env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32")) => {
            return Err(shown(&problems));
        }
        // Native builds (the organisers' command line, the tests) leave out
        // the election files that fail, so that `slatecard new`, `balance`
        // and `check` run while a file is being written; the tests that
        // read data/ directly fail on it, as `check` does.
        Err(problems) => {
            without_failing_files(&root, &reference, &problems).map_err(|more| shown(&more))?
        }
    };
    // Each election's fingerprint, from its file and the scheme's as they
    // are (`slatecard check` prints the same).
    let read = |path: &str| {
        fs::read_to_string(root.join(path)).map_err(|e| format!("{path}: cannot read: {e}"))
    };
    let scheme_text = read(data::SCHEME_PATH)?;
    let mut fingerprints = BTreeMap::new();
    for (file, e) in &elections {
        let print =
            data::fingerprint(&read(file)?, &scheme_text).map_err(|e| format!("{file}: {e}"))?;
        fingerprints.insert(e.id.clone(), print);
    }
    let mut elections: Vec<ElectionDef> = elections.into_iter().map(|(_, e)| e).collect();
    // Most recent first; the app's default is the first.
    elections.sort_by(|a, b| b.ballot.held.cmp(&a.ballot.held).then(a.id.cmp(&b.id)));

    fs::write(out.join("regions.rs"), regions_rs(&scheme)).map_err(|e| e.to_string())?;
    fs::write(
        out.join("elections.rs"),
        elections_rs(&scheme, &elections, &fingerprints),
    )
    .map_err(|e| e.to_string())?;
    Ok(())
}

/// The data without the election files that have `problems`, each left
/// out with a warning; fails when the regions file has problems, or the
/// remaining files still do.
fn without_failing_files(
    root: &std::path::Path,
    reference: &data::Reference,
    problems: &[data::Problem],
) -> Result<data::Data, Vec<data::Problem>> {
    if problems.iter().any(|p| p.file == data::SCHEME_PATH) {
        return Err(problems.to_vec());
    }
    let read = |path: &std::path::Path| -> Option<data::SourceFile> {
        let file = path
            .strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string();
        let text = fs::read_to_string(path).ok()?;
        Some(data::SourceFile { file, text })
    };
    let scheme = read(&root.join(data::SCHEME_PATH)).ok_or_else(|| problems.to_vec())?;
    let (paths, _) = data::election_files(&root.join(data::ELECTIONS_PATH));
    let mut kept = Vec::new();
    for path in &paths {
        let Some(source) = read(path) else { continue };
        let n = problems.iter().filter(|p| p.file == source.file).count();
        if n == 0 {
            kept.push(source);
        } else {
            println!(
                "cargo::warning={} is left out of this native build: {n} problem{} \
                 (`slatecard check` lists them); the app is never built with it",
                source.file,
                if n == 1 { "" } else { "s" }
            );
        }
    }
    data::load_sources(&scheme, &kept, reference)
}

/// `&[a, b, c]` with each item on its own line, indented by `indent`.
fn slice_rs(indent: &str, items: impl IntoIterator<Item = String>) -> String {
    let mut s = String::from("&[\n");
    for item in items {
        s += &format!("{indent}  {item},\n");
    }
    s + indent + "]"
}

fn regions_rs(scheme: &SchemeDef) -> String {
    let regions = scheme.regions.iter().map(|r| {
        format!(
            "Region {{ slug: {:?}, name: {:?}, live_postcodes: {}, outside_uk: {} }}",
            r.id, r.name, r.live_postcodes, r.outside_uk
        )
    });
    format!(
        "/// Every region of the scheme, in display order.\npub static REGIONS: &[Region] = {};\n",
        slice_rs("", regions)
    )
}

/// `RegionId(i)` for a region id, `i` being its place in the scheme.
fn region_rs(scheme: &SchemeDef, id: &str) -> String {
    let index = scheme
        .regions
        .iter()
        .position(|r| r.id == id)
        .expect("region ids checked by parse_election");
    format!("RegionId({index})")
}

fn elections_rs(
    scheme: &SchemeDef,
    elections: &[ElectionDef],
    fingerprints: &BTreeMap<String, String>,
) -> String {
    let heads = elections.iter().enumerate().map(|(i, e)| {
        format!(
            "Election {{ id: {:?}, title: {:?}, short_title: {:?}, held: {}, fingerprint: {:?}, data: DataAt::Bundled({i}) }}",
            e.id, e.title, e.short_title, e.ballot.held, fingerprints[&e.id]
        )
    });
    let data = elections.iter().map(|e| election_rs(scheme, e));
    format!(
        "/// Every bundled election, most recent first.\npub static ELECTIONS: &[Election] = {};\n\
         /// What the data says of each, in the same order (`Election` derefs to it).\nstatic ELECTION_DATA: &[ElectionData] = {};\n",
        slice_rs("", heads),
        slice_rs("", data)
    )
}

fn election_rs(scheme: &SchemeDef, e: &ElectionDef) -> String {
    let orders = data::organise::tables::region_orders(e, scheme);
    let generation = e.generation.as_ref().map_or("", |g| g.description.as_str());
    let generation_cy = e
        .generation
        .as_ref()
        .map_or("", |g| g.description_cy.as_str());
    let b = &e.ballot;
    // The app reads every date as UK time (`domain::date`): a new time zone
    // in the format needs the app to learn it first.
    match b.time_zone {
        data::TimeZone::EuropeLondon => {}
    }
    let when =
        |m: Result<Option<Moment>, _>| moment_rs(m.expect("dates checked by parse_election"));
    let fields = [
        format!("title_cy: {}", welsh_rs(&e.title_cy)),
        format!("organisation: {:?}", e.organisation),
        format!("slate: {:?}", e.slate),
        format!("slate_cy: {}", welsh_rs(&e.slate_cy)),
        format!("slate_backers: {:?}", e.slate_backers),
        format!("version: {}", e.version),
        format!(
            "updated: {}",
            date_rs(&e.updated)
                .trim_start_matches("Some(")
                .trim_end_matches(')')
        ),
        format!("kind: {}", ballot_kind_rs(b)),
        format!("seats: {}", b.seats),
        format!("opens: {}", when(b.opens_moment())),
        format!("closes: {}", when(b.closes_moment())),
        format!(
            "ended_by: {}",
            b.ended_by.as_deref().map_or("None".to_owned(), date_rs)
        ),
        format!("generation: {generation:?}"),
        format!("generation_cy: {}", welsh_rs(generation_cy)),
        format!(
            "candidates: {}",
            slice_rs("    ", e.candidates.iter().map(candidate_rs))
        ),
        format!(
            "ballot_list: {}",
            e.ballot_list
                .as_ref()
                .map_or("None".to_owned(), |l| ballot_list_rs(e, l))
        ),
        format!(
            "results: {}",
            e.results
                .as_ref()
                .map_or("None".to_owned(), |r| results_rs(e, r))
        ),
        format!(
            "orders: {}",
            slice_rs(
                "    ",
                orders.iter().map(|(r, o)| order_rs(scheme, e, r, o))
            )
        ),
        format!(
            "seats_other: {}",
            slice_rs("    ", e.seats.iter().map(|s| seat_rs(scheme, e, s)))
        ),
        format!("notes: &{:?}", e.notes),
        format!("notes_cy: &{:?}", e.notes_cy),
        format!(
            "sources: {}",
            slice_rs("    ", e.sources.iter().map(source_rs))
        ),
    ];
    format!("ElectionData {{\n    {},\n  }}", fields.join(",\n    "))
}

fn ballot_kind_rs(ballot: &BallotDef) -> String {
    match ballot.kind {
        data::BallotKind::Ranked => "BallotKind::Ranked".to_owned(),
        data::BallotKind::Cross => format!("BallotKind::Cross {{ max: {} }}", ballot.seats),
    }
}

fn moment_rs(moment: Option<Moment>) -> String {
    match moment {
        Some(Moment { date, time }) => format!(
            "Some(Moment {{ date: super::date::Date {{ year: {}, month: {}, day: {} }}, time: {time:?} }})",
            date.year, date.month, date.day
        ),
        None => "None".to_owned(),
    }
}

/// `Some("…")` for a Welsh form the data gives (`summary_cy`), `None` for
/// one it leaves out (or empty).
fn welsh_rs(text: &str) -> String {
    if text.is_empty() {
        "None".to_owned()
    } else {
        format!("Some({text:?})")
    }
}

fn candidate_rs(c: &CandidateDef) -> String {
    format!(
        "Candidate {{ id: {:?}, name: {:?}, summary: {:?}, summary_cy: {}, note: {:?}, note_cy: {} }}",
        c.id,
        c.name,
        c.summary,
        welsh_rs(&c.summary_cy),
        c.note,
        welsh_rs(&c.note_cy)
    )
}

/// `Named { name, candidate }`: the slate candidate a name is, if any.
fn named_rs(e: &ElectionDef, name: &str) -> String {
    let candidate = data::organise::tables::candidate_named(e, name);
    format!("Named {{ name: {name:?}, candidate: {candidate:?} }}")
}

fn ballot_list_rs(e: &ElectionDef, list: &BallotListDef) -> String {
    let names = data::organise::tables::ballot_names(list);
    format!(
        "Some(BallotList {{ complete: {}, names: {} }})",
        list.complete,
        slice_rs("      ", names.iter().map(|n| named_rs(e, n)))
    )
}

/// `Some(Date { … })` for a `YYYY-MM-DD` the format has checked.
fn date_rs(text: &str) -> String {
    let d = data::date::Date::parse(text).expect("dates checked by parse_election");
    format!(
        "Some(super::date::Date {{ year: {}, month: {}, day: {} }})",
        d.year, d.month, d.day
    )
}

/// The results as the app needs them: the counts of the slate's candidates
/// only (the app shows no others; the file keeps them all for reviewers).
fn results_rs(e: &ElectionDef, r: &ResultsDef) -> String {
    let announced = r.announced.as_deref().map_or("None".to_owned(), date_rs);
    let counts = data::organise::tables::slate_counts(e, r)
        .into_iter()
        .map(|(i, votes)| format!("Count {{ candidate: {i}, votes: {votes} }}"));
    let rounds = data::organise::tables::elected_rounds(r)
        .into_iter()
        .map(|(i, round)| format!("({i}, {round})"));
    let changes = r.changes.iter().map(|c| {
        format!(
            "Change {{ date: {}, left: {:?}, joined: {:?}, note: {:?}, note_cy: {} }}",
            c.date.as_deref().map_or("None".to_owned(), date_rs),
            c.left,
            c.joined,
            c.note,
            welsh_rs(&c.note_cy)
        )
    });
    format!(
        "Some(Results {{ announced: {announced}, elected: {}, quota: {:?}, counts: {}, rounds: {}, changes: {} }})",
        slice_rs("      ", r.elected.iter().map(|n| named_rs(e, n))),
        r.quota.map(|q| q.to_string()),
        slice_rs("      ", counts),
        slice_rs("      ", rounds),
        slice_rs("      ", changes)
    )
}

fn order_rs(scheme: &SchemeDef, e: &ElectionDef, region: &str, o: &OrderDef) -> String {
    let order: Vec<usize> = o
        .order
        .iter()
        .map(|id| {
            e.candidates
                .iter()
                .position(|c| &c.id == id)
                .expect("candidate ids checked by parse_election")
        })
        .collect();
    let shared_with: Vec<String> = o
        .region_ids()
        .into_iter()
        .filter(|r| *r != region)
        .map(|r| region_rs(scheme, r))
        .collect();
    format!(
        "RegionOrder {{ region: {}, order: &{order:?}, provenance: {}, shared_with: &[{}] }}",
        region_rs(scheme, region),
        provenance_rs(o),
        shared_with.join(", ")
    )
}

fn provenance_rs(o: &OrderDef) -> String {
    let source = || {
        o.source
            .as_deref()
            .expect("parse_election checks a published order has a source")
    };
    match o.provenance {
        data::Provenance::Published => {
            format!("Provenance::Published {{ source: {:?} }}", source())
        }
        data::Provenance::Generated => "Provenance::Generated".to_owned(),
        data::Provenance::PartlyPublished => format!(
            "Provenance::PartlyPublished {{ positions: {}, source: {:?} }}",
            o.published_positions
                .expect("parse_election checks a partly-published order has published_positions"),
            source()
        ),
    }
}

fn electorate_rs(electorate: data::Electorate) -> &'static str {
    match electorate {
        data::Electorate::All => "Electorate::All",
        data::Electorate::Youth => "Electorate::Youth",
        data::Electorate::Bame => "Electorate::Bame",
        data::Electorate::Disabled => "Electorate::Disabled",
        data::Electorate::Councillors => "Electorate::Councillors",
    }
}

fn seat_rs(scheme: &SchemeDef, e: &ElectionDef, seat: &SeatDef) -> String {
    let regions: Vec<String> = seat.regions.iter().map(|r| region_rs(scheme, r)).collect();
    let result = e
        .results
        .iter()
        .flat_map(|r| &r.seats)
        .find(|r| r.seat == seat.id);
    format!(
        "Seat {{ id: {:?}, name: {:?}, name_cy: {}, electorate: {}, votes: {}, marking: {}, regions: &[{}], picks: &{:?}, published: {}, note: {:?}, note_cy: {}, elected: &{:?}, unopposed: {}, nomination_stage: {} }}",
        seat.id,
        seat.name,
        welsh_rs(&seat.name_cy),
        electorate_rs(seat.electorate),
        seat.votes,
        match seat.marking {
            None => "Marking::Unknown",
            Some(data::Marking::Numbers) => "Marking::Numbers",
            Some(data::Marking::Crosses) => "Marking::Crosses",
        },
        regions.join(", "),
        seat.picks,
        seat.published,
        seat.note,
        welsh_rs(&seat.note_cy),
        result.map_or(&[][..], |r| &r.elected[..]),
        result.is_some_and(|r| r.unopposed),
        seat.picks_stage == data::PicksStage::Nomination
    )
}

fn source_rs(src: &SourceDef) -> String {
    format!(
        "Source {{ title: {:?}, publisher: {:?}, date: {}, url: {:?}, used_for: {:?}, used_for_cy: {} }}",
        src.title,
        src.publisher,
        src.date.as_deref().map_or("None".to_owned(), date_rs),
        src.url,
        src.used_for,
        welsh_rs(&src.used_for_cy)
    )
}
