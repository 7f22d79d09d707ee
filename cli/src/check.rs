//! `slatecard check [PATH…]`: every problem in the data files at once, as
//! `FILE:LINE:COL: error: MESSAGE` (and `  help: …`), with the checks the
//! build runs ([`slatecard_data_format::load_sources`]) plus, when the ONS
//! postcode table is there, a re-count of each region's `live_postcodes`.

use super::args;
use super::postcodes;
use slatecard_data_format::{self as data, OnsCodes, Problem, Reference, SourceFile};
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// The ONS table of every live postcode's council area, relative to the
/// repository (not bundled: 4.5 MB).
pub const POSTCODE_LADS: &str = "../shared/data/postcode-regions/postcodes-lad.csv.gz";

/// The `check` subcommand; returns the exit status (0: no problems, 1:
/// problems found).
///
/// # Errors
/// Bad arguments, or no repository found to check.
pub fn command(argv: &[String], out: &mut dyn Write) -> Result<i32, String> {
    let parsed = args::parse("check", argv, &[], &[], 0..=usize::MAX)?;
    let here = std::env::current_dir().map_err(|e| e.to_string())?;
    let root = match parsed.positional.first() {
        Some(first) => data::find_root(Path::new(first).parent().unwrap_or(Path::new(".")))
            .or_else(|| data::find_root(&here)),
        None => data::find_root(&here),
    }
    .ok_or_else(|| {
        format!(
            "no {} in {} or any folder above it: run slatecard check inside the slatecard repository",
            data::SCHEME_PATH,
            here.display()
        )
    })?;
    let reference = Reference::load(&root);
    let (problems, files) = if parsed.positional.is_empty() {
        check_repository(&root, &reference)
    } else {
        check_paths(&root, &parsed.positional, &reference)
    };
    let w = |r: std::io::Result<()>| r.map_err(|e| e.to_string());
    for p in &problems {
        w(writeln!(out, "{p}"))?;
    }
    if problems.is_empty() {
        w(writeln!(out, "ok: {files} data files checked, no problems"))?;
        for line in releases(&root, &reference) {
            w(writeln!(out, "{line}"))?;
        }
        Ok(0)
    } else {
        let n = problems.len();
        w(writeln!(
            out,
            "{n} problem{} found in {files} data files checked",
            if n == 1 { "" } else { "s" }
        ))?;
        Ok(1)
    }
}

/// One line per election of the repository: its file, version, day of
/// update and fingerprint, the same the app shows in its footer, so anyone
/// can confirm which release a site shows.
pub fn releases(root: &Path, reference: &Reference) -> Vec<String> {
    let Ok((_, elections)) = data::load_dir(root, reference) else {
        return Vec::new();
    };
    let Ok(scheme) = std::fs::read_to_string(root.join(data::SCHEME_PATH)) else {
        return Vec::new();
    };
    elections
        .iter()
        .filter_map(|(file, e)| {
            let text = std::fs::read_to_string(root.join(file)).ok()?;
            let print = data::fingerprint(&text, &scheme).ok()?;
            Some(format!(
                "{file}: version {}, updated {}, fingerprint {print}",
                e.version, e.updated
            ))
        })
        .collect()
}

/// Checks all of `data/` under `root`, and re-counts `live_postcodes`;
/// returns the problems and how many files were read.
pub fn check_repository(root: &Path, reference: &Reference) -> (Vec<Problem>, usize) {
    let (files, _) = data::election_files(&root.join(data::ELECTIONS_PATH));
    let mut problems = data::check_dir(root, reference);
    problems.extend(recount(root, reference));
    (problems, files.len() + 1)
}

/// Checks the files and folders named (an election folder: its election
/// files); elections are checked against the repository's regions file
/// unless a regions file is named. Returns the problems and the number of
/// files read.
pub fn check_paths(root: &Path, paths: &[String], reference: &Reference) -> (Vec<Problem>, usize) {
    let mut problems = Vec::new();
    let mut scheme: Option<SourceFile> = None;
    let mut elections = Vec::new();
    let mut named: Vec<PathBuf> = Vec::new();
    for p in paths {
        let path = PathBuf::from(p);
        if path.is_dir() {
            let dir = if path.join(data::SCHEME_PATH).is_file() {
                path.join(data::ELECTIONS_PATH)
            } else {
                path.clone()
            };
            if path.join(data::SCHEME_PATH).is_file() {
                named.push(path.join(data::SCHEME_PATH));
            }
            let (files, bad) = data::election_files(&dir);
            problems.extend(bad);
            named.extend(files);
        } else {
            named.push(path);
        }
    }
    let mut count = 0;
    for path in named {
        let shown = path.display().to_string();
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                problems.push(Problem::new(
                    &shown,
                    1,
                    1,
                    format!("cannot read the file: {e}"),
                ));
                continue;
            }
        };
        count += 1;
        let is_scheme = path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|d| d == "regions");
        let source = SourceFile { file: shown, text };
        if is_scheme {
            scheme = Some(source);
        } else {
            if path.extension().is_none_or(|x| x != "toml") {
                let mut p = Problem::new(
                    &source.file,
                    1,
                    1,
                    "this file is not read by the build: an election file's name ends in `.toml`",
                );
                p.help = Some("rename it".to_owned());
                problems.push(p);
            }
            elections.push(source);
        }
    }
    let scheme = match scheme {
        Some(s) => s,
        None => {
            let path = root.join(data::SCHEME_PATH);
            match std::fs::read_to_string(&path) {
                // Named as the repository names it, as `check` with no
                // paths names it (and the studio, which checks against it).
                Ok(text) => SourceFile {
                    file: data::SCHEME_PATH.to_owned(),
                    text,
                },
                Err(e) => {
                    problems.push(Problem::new(
                        &path.display().to_string(),
                        1,
                        1,
                        format!("cannot read the file: {e}"),
                    ));
                    return (problems, count);
                }
            }
        }
    };
    problems.extend(data::check_sources(&scheme, &elections, reference));
    if problems.is_empty() {
        problems.extend(recount_file(root, &scheme, reference));
    }
    (problems, count)
}

/// The `live_postcodes` recount for the repository's regions file.
fn recount(root: &Path, reference: &Reference) -> Vec<Problem> {
    let path = root.join(data::SCHEME_PATH);
    match std::fs::read_to_string(&path) {
        Ok(text) => recount_file(
            root,
            &SourceFile {
                file: data::SCHEME_PATH.to_owned(),
                text,
            },
            reference,
        ),
        Err(_) => Vec::new(),
    }
}

/// Re-counts each region's live postcodes from [`POSTCODE_LADS`] (skipped
/// when the table or the ONS codes are missing, or the file does not parse:
/// its other problems are reported first).
pub fn recount_file(root: &Path, scheme: &SourceFile, reference: &Reference) -> Vec<Problem> {
    let Some(ons) = reference.ons.as_ref() else {
        return Vec::new();
    };
    let Ok(def) = data::parse_scheme(&scheme.file, &scheme.text) else {
        return Vec::new();
    };
    let table = root.join(POSTCODE_LADS);
    if !table.is_file() {
        return Vec::new();
    }
    match live_postcodes_per_lad(&table.display().to_string()) {
        Ok(per_lad) => {
            let counts = data::count_live_postcodes(&def, ons, &per_lad);
            data::check_live_postcodes(&scheme.file, &scheme.text, &def, &counts)
        }
        Err(e) => vec![Problem::new(&table.display().to_string(), 1, 1, e)],
    }
}

/// Live postcodes per council area (LAD code) in a `postcode,lad_code`
/// table (gzip or plain).
///
/// # Errors
/// The file cannot be read.
pub fn live_postcodes_per_lad(path: &str) -> Result<BTreeMap<String, u64>, String> {
    let mut per_lad: BTreeMap<String, u64> = BTreeMap::new();
    let reader = postcodes::open(path)?;
    for line in reader.lines().skip(1) {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        if let Some((_, lad)) = line.trim_end().split_once(',') {
            match per_lad.get_mut(lad) {
                Some(n) => *n += 1,
                None => {
                    per_lad.insert(lad.to_owned(), 1);
                }
            }
        }
    }
    Ok(per_lad)
}

/// Reads the ONS codes the project bundles under `root`.
///
/// # Errors
/// The table is missing or malformed.
pub fn ons_codes(root: &Path) -> Result<OnsCodes, String> {
    let path = root.join(data::LAD_REGIONS_PATH);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    OnsCodes::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}
