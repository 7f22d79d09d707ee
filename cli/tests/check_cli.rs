//! `slatecard check`, the built command line, on a copy of the data with
//! faults: its output format, its exit status, the same lines as the build
//! prints (`load_dir`, which `build.rs` calls), and the `live_postcodes`
//! recount against the ONS postcode table when it is there.
#![cfg(not(target_arch = "wasm32"))]

use slatecard_data_format::{self as data, Reference};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository (the folder above this crate's).
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A copy of `data/` (regions, elections, the ONS table) in a temporary
/// folder, removed when dropped.
struct Copy(PathBuf);

impl Copy {
    fn new(name: &str) -> Copy {
        let dir = std::env::temp_dir().join(format!("slatecard-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for sub in [
            "data/regions",
            "data/elections",
            "data/postcodes",
            "sub/folder",
        ] {
            std::fs::create_dir_all(dir.join(sub)).expect("temp folder");
        }
        let (files, _) = data::election_files(&repo().join(data::ELECTIONS_PATH));
        for f in files {
            std::fs::copy(
                &f,
                dir.join(data::ELECTIONS_PATH)
                    .join(f.file_name().expect("name")),
            )
            .expect("copy");
        }
        for f in [data::SCHEME_PATH, data::LAD_REGIONS_PATH] {
            std::fs::copy(repo().join(f), dir.join(f)).expect("copy");
        }
        Copy(dir)
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn slatecard(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_slatecard"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs");
    (
        out.status.code().expect("an exit status"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The first election file (by name) that has `needle`.
fn file_with(copy: &Copy, needle: &str) -> (String, String) {
    let (files, _) = data::election_files(&copy.0.join(data::ELECTIONS_PATH));
    files
        .iter()
        .find_map(|f| {
            let text = std::fs::read_to_string(f).ok()?;
            let rel = f.strip_prefix(&copy.0).ok()?.display().to_string();
            text.contains(needle).then_some((rel, text))
        })
        .expect("a file")
}

#[test]
fn check_passes_the_bundled_data_from_a_subfolder() {
    let (code, out, err) = slatecard(&repo().join("cli/src"), &["check"]);
    assert_eq!(code, 0, "{out}{err}");
    let (files, _) = data::election_files(&repo().join(data::ELECTIONS_PATH));
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(format!("ok: {} data files checked, no problems", files.len() + 1).as_str())
    );
    // Then each election's release and fingerprint.
    let releases: Vec<&str> = lines.collect();
    assert_eq!(releases.len(), files.len(), "{out}");
    assert!(
        releases
            .iter()
            .all(|l| l.contains(": version ") && l.contains(", fingerprint ")),
        "{out}"
    );
}

#[test]
fn check_prints_every_fault_as_file_line_col_and_fails() {
    let copy = Copy::new("faults");
    let (file, text) = file_with(&copy, "name = \"Jess Barnard\"");
    let bad = text
        .replacen("name = \"Jess Barnard\"", "name = \"Jess Barnard \"", 1)
        .replacen("international_weight = ", "international_weight = 0 #", 1)
        .replacen("url = \"https://", "url = \"javascript:alert(1)//", 1);
    std::fs::write(copy.0.join(&file), &bad).expect("write");
    let (code, out, err) = slatecard(&copy.0.join("sub/folder"), &["check"]);
    assert_eq!(code, 1, "{out}{err}");
    // The same lines as the build prints.
    let expected: Vec<String> = data::check_dir(&copy.0, &Reference::load(&copy.0))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(expected.len(), 3, "{expected:?}");
    assert_eq!(
        out,
        format!(
            "{}\n3 problems found in {} data files checked\n",
            expected.join("\n"),
            {
                let (files, _) = data::election_files(&copy.0.join(data::ELECTIONS_PATH));
                files.len() + 1
            }
        )
    );
    // Each line: FILE:LINE:COL: error: MESSAGE, then an indented help.
    let errors: Vec<&str> = out.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 3);
    for line in &errors {
        let mut parts = line.splitn(4, ':');
        assert_eq!(parts.next(), Some(file.as_str()));
        let l: usize = parts.next().and_then(|x| x.parse().ok()).expect("a line");
        let c: usize = parts.next().and_then(|x| x.parse().ok()).expect("a column");
        assert!(l > 1 && c > 1, "{line}");
    }
    assert_eq!(
        out.lines().filter(|l| l.starts_with("  help: ")).count(),
        3,
        "{out}"
    );
    // A path given: only that file (and the regions file) are read.
    let (code, out, _) = slatecard(&copy.0, &["check", &file]);
    assert_eq!(code, 1);
    assert!(
        out.ends_with("3 problems found in 1 data files checked\n"),
        "{out}"
    );
}

#[test]
fn unknown_options_are_errors_with_a_suggestion() {
    let (code, _, err) = slatecard(&repo(), &["balance", "data/elections/x.toml", "--wirte"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "slatecard: unknown option `--wirte` for `slatecard balance`; did you mean `--write`?"
        ),
        "{err}"
    );
    let (code, _, err) = slatecard(&repo(), &["check", "--verbose"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown option `--verbose` for `slatecard check`; `check` takes no options"),
        "{err}"
    );
    let (code, _, err) = slatecard(&repo(), &["chek"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown command \"chek\" (did you mean `check`?)"),
        "{err}"
    );
    let (code, _, err) = slatecard(&repo(), &["export", "extra"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`slatecard export` takes no file names"),
        "{err}"
    );
}

#[test]
fn balance_takes_its_file_after_write() {
    let copy = Copy::new("balance");
    let (file, _) = file_with(&copy, "provenance = \"generated\"");
    let (code, out, err) = slatecard(&copy.0, &["balance", "--write", &file]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains(&file), "{out}");
}

#[test]
fn live_postcodes_are_recounted_from_the_ons_table() {
    let table = repo().join(slatecard_cli::check::POSTCODE_LADS);
    if !table.is_file() {
        eprintln!("skipped: {} is not here", table.display());
        return;
    }
    let text = std::fs::read_to_string(repo().join(data::SCHEME_PATH)).expect("regions");
    let scheme = data::parse_scheme(data::SCHEME_PATH, &text).expect("valid");
    let ons = slatecard_cli::check::ons_codes(&repo()).expect("ONS codes");
    let per_lad = slatecard_cli::check::live_postcodes_per_lad(&table.display().to_string())
        .expect("the table");
    let counts = data::count_live_postcodes(&scheme, &ons, &per_lad);
    let problems = data::check_live_postcodes(data::SCHEME_PATH, &text, &scheme, &counts);
    assert!(problems.is_empty(), "{problems:?}");
    // A region's count changed by one is found, at its value.
    let london = scheme
        .regions
        .iter()
        .position(|r| r.id == "london")
        .expect("london");
    let old = format!("live_postcodes = {}", scheme.regions[london].live_postcodes);
    let new = format!(
        "live_postcodes = {}",
        scheme.regions[london].live_postcodes + 1
    );
    let bad = text.replacen(&old, &new, 1);
    let bad_scheme = data::parse_scheme(data::SCHEME_PATH, &bad).expect("still valid");
    let problems = data::check_live_postcodes(data::SCHEME_PATH, &bad, &bad_scheme, &counts);
    let at = bad.find(&new).expect("the edit") + "live_postcodes = ".len();
    let (line, column) = data::line_column(&bad, at);
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].line, problems[0].column), (line, column));
    assert_eq!(
        problems[0].message,
        format!(
            "region \"london\" has {} live postcodes in the ONS postcode table, not {}",
            counts[london],
            counts[london] + 1
        )
    );
}
