//! The `slatecard` command line for organisers and checks (`slatecard-cli`;
//! `cargo install --path cli`):
//! order generation, postcode table compilation, batch lookup and the JSON
//! export.

pub mod args;
pub mod balance;
pub mod check;
pub mod new;
pub mod postcodes;
pub mod simulate;

use crate::domain::election::Election;
use crate::domain::page::ResultView;
use crate::domain::region::RegionId;
/// The pure core (`slatecard-core`), as `crate::domain`.
use slatecard_core::domain;
use slatecard_data_format::{self as data, SchemeDef};

use std::io::Write;

/// Runs the command line with `args` (without the program name); returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let rest = args.get(1..).unwrap_or(&[]);
    let none = |name: &str| args::parse(name, rest, &[], &[], 0..=0).map(|_| ());
    let result = match args.first().map(String::as_str) {
        Some("check") => match check::command(rest, out) {
            Ok(code) => return code,
            Err(e) => Err(e),
        },
        Some("balance") => balance::command(rest, out),
        Some("new") => new::command(rest, out),
        Some("simulate") => simulate::command(rest, out),
        Some("export") => none("export").and_then(|()| export(out)),
        Some("addresses") => none("addresses").and_then(|()| {
            writeln!(out, "{}", crate::domain::link::address_table()).map_err(|e| e.to_string())
        }),
        Some("compile-postcodes") => compile_postcodes(rest, out),
        Some("lookup") => none("lookup").and_then(|()| lookup(&mut std::io::stdin().lock(), out)),
        Some("help") | Some("--help") | Some("-h") | None => {
            let _ = writeln!(out, "{USAGE}");
            Ok(())
        }
        Some(other) => {
            let hint = args::did_you_mean(other, COMMANDS)
                .map_or(String::new(), |c| format!(" (did you mean `{c}`?)"));
            Err(format!("unknown command \"{other}\"{hint}\n\n{USAGE}"))
        }
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "slatecard: {e}");
            2
        }
    }
}

/// The subcommands, for suggestions.
const COMMANDS: &[&str] = &[
    "check",
    "new",
    "simulate",
    "balance",
    "compile-postcodes",
    "lookup",
    "export",
    "addresses",
    "help",
];

const USAGE: &str = "usage: slatecard <command>

Run it anywhere inside the repository: it finds data/ in the folder or above.

commands:
  check [PATH...]               check the data files (default: all of data/) and print every
                                problem as FILE:LINE:COL: error: MESSAGE; exit status 1 if any.
                                Re-counts live_postcodes when ../shared/data/postcode-regions/
                                postcodes-lad.csv.gz is there
  new ID [--held YEAR]          start data/elections/ID.toml with every field there, explained
  balance FILE.toml [--write]   generate the orders marked `generated` (method balanced-v1,
                                slates of up to 8 candidates); prints them, or rewrites them
                                in FILE with --write
  simulate [ELECTION]           a simulated STV count (src/simulate.rs): seats the slate
                                wins with its regional orders against one order for all, on
                                a synthetic poll; prints the markdown of reports/stv.md
  compile-postcodes [--input F] [--lad-regions F] [--out F]
                                build the postcode table (defaults: ../shared/data/postcode-regions/
                                postcodes-lad.csv.gz and lad-regions.csv → data/postcodes/labour.bin);
                                ONSPD/NSPL CSVs work too (then --lad-regions is not needed)
  lookup                        read one postcode (full or partial) per line on stdin, print
                                `INPUT,REGION`; `INPUT,?A|B` when it spans regions; `INPUT,!code`
                                when invalid; `INPUT,Labour International` outside the UK
  export                        print, as JSON, what the app shows for every election and
                                region (candidates in order, seats): for checks and review
  addresses                     print, as JSON, every name an address may give an election
                                or a region (folded: letters and digits, lower case), and the
                                page it means; the old-link redirect and the 404 page read it";

/// What the app shows for every election and region, as JSON.
pub fn export_json() -> serde_json::Value {
    use serde_json::json;
    let elections: Vec<_> = Election::all()
        .iter()
        .map(|e| {
            let regions: serde_json::Map<String, serde_json::Value> = RegionId::all()
                .map(|r| {
                    let v = ResultView::build(e, r);
                    let seats: Vec<_> = v
                        .seat_groups
                        .iter()
                        .flat_map(|g| g.seats.iter())
                        .map(|s| json!({ "name": s.name.text, "picks": s.picks }))
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
                // Its Welsh form, where the data gives one (else null).
                "title_cy": e.title_cy,
                "short_title": e.short_title,
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

/// Path of the region scheme, relative to the repository.
pub const SCHEME_FILE: &str = data::SCHEME_PATH;

/// The repository's folder: the current folder or the nearest above it
/// holding `data/regions/labour.toml`.
///
/// # Errors
/// When there is none: the command is run outside the repository.
pub fn data_root() -> Result<std::path::PathBuf, String> {
    let here =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    data::find_root(&here).ok_or_else(|| {
        format!(
            "no {SCHEME_FILE} in {} or any folder above it: run slatecard inside the slatecard repository",
            here.display()
        )
    })
}

/// Reads and checks the region scheme (`SCHEME_FILE` in [`data_root`]).
pub fn load_scheme() -> Result<SchemeDef, String> {
    let path = data_root()?.join(SCHEME_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    data::parse_scheme(SCHEME_FILE, &text).map_err(|e| e.to_string())
}

/// Default input of `compile-postcodes` (the shared ONS-derived data).
pub const DEFAULT_POSTCODES: &str = "../shared/data/postcode-regions/postcodes-lad.csv.gz";
/// Default LAD → region file.
pub const DEFAULT_LAD_REGIONS: &str = "../shared/data/postcode-regions/lad-regions.csv";
/// Where the compiled table lives.
pub const TABLE_FILE: &str = "data/postcodes/labour.bin";

fn compile_postcodes(args: &[String], out: &mut dyn Write) -> Result<(), String> {
    let parsed = args::parse(
        "compile-postcodes",
        args,
        &[],
        &["--input", "--lad-regions", "--out"],
        0..=0,
    )?;
    let root = data_root()?;
    let in_root = |p: &str| root.join(p).display().to_string();
    let default_input = in_root(DEFAULT_POSTCODES);
    let input = parsed
        .option("--input")
        .map_or(default_input.clone(), str::to_owned);
    let lad_path = parsed
        .option("--lad-regions")
        .map(str::to_owned)
        .or((input == default_input).then(|| in_root(DEFAULT_LAD_REGIONS)));
    let target = parsed
        .option("--out")
        .map_or(in_root(TABLE_FILE), str::to_owned);
    let (input, lad_path, target) = (input.as_str(), lad_path.as_deref(), target.as_str());
    let scheme = load_scheme()?;
    let lad = lad_path.map(postcodes::read_lad_regions).transpose()?;
    let rows = postcodes::read_postcodes(input, lad.as_ref(), &scheme)?;
    let (bytes, stats) = postcodes::encode(&scheme, &rows);
    std::fs::write(target, &bytes).map_err(|e| format!("{target}: {e}"))?;
    let mut per_region = vec![0usize; scheme.regions.len()];
    for (_, r) in &rows {
        per_region[usize::from(*r)] += 1;
    }
    let w = |r: std::io::Result<()>| r.map_err(|e| e.to_string());
    w(writeln!(
        out,
        "read {} live postcodes from {input}",
        stats.postcodes
    ))?;
    w(writeln!(
        out,
        "{} districts, {} straddle regions; {} sector overrides; {} postcode exceptions",
        stats.districts, stats.straddling, stats.sector_overrides, stats.exceptions
    ))?;
    for (r, n) in scheme.regions.iter().zip(per_region) {
        w(writeln!(out, "  {:<26} {n:>7}", r.name))?;
    }
    w(writeln!(out, "wrote {target}: {} bytes", bytes.len()))
}

/// One line of batch lookup output for `input`.
///
/// ```
/// assert_eq!(slatecard_cli::lookup_line("sw1a 1aa"), "sw1a 1aa,London");
/// assert_eq!(slatecard_cli::lookup_line("SY10"), "SY10,?West Midlands|Wales");
/// assert_eq!(slatecard_cli::lookup_line("JE2 3AB"), "JE2 3AB,Labour International");
/// assert_eq!(slatecard_cli::lookup_line("1SW"), "1SW,!bad-format");
/// assert_eq!(slatecard_cli::lookup_line("hello"), "hello,!word");
/// ```
pub fn lookup_line(input: &str) -> String {
    use crate::domain::lookup::{resolve, LookupError, Resolution};
    let answer = match resolve(input) {
        Ok(a) => match a.resolution {
            Resolution::Region(r) => r.name().to_owned(),
            Resolution::Choice(rs) => {
                let names: Vec<&str> = rs.iter().map(|r| r.name()).collect();
                format!("?{}", names.join("|"))
            }
            Resolution::Outside(crate::domain::postcode::Elsewhere::NonGeographic) => {
                "!non-geographic".to_owned()
            }
            Resolution::Outside(_) => RegionId::international().name().to_owned(),
            Resolution::NotFound => "!not-found".to_owned(),
        },
        Err(LookupError::Postcode(e)) => format!("!{}", e.code()),
        Err(LookupError::Table(_)) => "!table".to_owned(),
    };
    format!("{input},{answer}")
}

fn lookup(input: &mut dyn std::io::BufRead, out: &mut dyn Write) -> Result<(), String> {
    let mut line = String::new();
    loop {
        line.clear();
        let n = input.read_line(&mut line).map_err(|e| e.to_string())?;
        if n == 0 {
            return Ok(());
        }
        let text = line.trim_end_matches(['\n', '\r']);
        writeln!(out, "{}", lookup_line(text)).map_err(|e| e.to_string())?;
    }
}
