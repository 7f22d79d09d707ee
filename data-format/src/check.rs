//! `check`: every problem in the data files at once, each at its value's
//! `FILE:LINE:COL`. The build, `slatecard check` and the tests all use it.

use crate::generate::{generate, too_large};
use crate::problem::{keys, keys_at, Locator, Problem, Seg};
use crate::schema::{self, did_you_mean};
use crate::text::{how_alike, likeness, markup_in_text, name_problem, text_problem};
use crate::{
    BallotKind, ElectionDef, OrderDef, PicksStage, Provenance, SchemeDef, MAX_CANDIDATES,
    MAX_REGIONS,
};
use slatecard_calendar::{Date, Moment};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml_edit::ImDocument;

/// The first year slatecard has data for: earlier NEC ballots are out of
/// scope, so an earlier `held` is a typing mistake.
pub const FIRST_YEAR: u16 = 2018;

/// How many years ahead an election may be entered: NEC ballots are
/// planned at most a term (two years) ahead, four leaves room. A later
/// year would become every embed's default election.
pub const YEARS_AHEAD: u16 = 4;

/// The regions file, relative to the repository.
pub const SCHEME_PATH: &str = "data/regions/labour.toml";
/// The election files' folder, relative to the repository.
pub const ELECTIONS_PATH: &str = "data/elections";
/// The ONS council-area (LAD) → region table the project bundles.
pub const LAD_REGIONS_PATH: &str = "data/postcodes/lad-regions.csv";

/// The ONS council areas and regions a regions file may name, from
/// `lad-regions.csv` (`lad_code,lad_name,region_code,region,live_postcodes`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OnsCodes {
    /// Council area (LAD) code → its ONS region or country code.
    pub lads: BTreeMap<String, String>,
}

impl OnsCodes {
    /// Reads `lad-regions.csv`'s text.
    ///
    /// # Errors
    /// A row without a code in its first and third columns (line number).
    pub fn parse(text: &str) -> Result<OnsCodes, String> {
        let mut lads = BTreeMap::new();
        for (i, line) in text.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let fields = csv_fields(line);
            match (fields.first(), fields.get(2)) {
                (Some(lad), Some(region)) if !lad.is_empty() && !region.is_empty() => {
                    lads.insert(lad.clone(), region.clone());
                }
                _ => {
                    return Err(format!(
                        "line {}: not `lad_code,lad_name,region_code,…`",
                        i + 1
                    ))
                }
            }
        }
        Ok(OnsCodes { lads })
    }

    /// Whether `code` is an ONS region or country with council areas.
    pub fn has_region(&self, code: &str) -> bool {
        self.lads.values().any(|r| r == code)
    }
}

/// The fields of one CSV line (`"…"` quoting, `""` for a quote).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().map(|f| f.push('"')).unwrap_or_default();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().map(|f| f.push(c)).unwrap_or_default(),
        }
    }
    fields
}

/// What the checks compare the files with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// This year (UTC): `held` may be at most [`YEARS_AHEAD`] later.
    pub current_year: u16,
    /// The ONS codes; `None` skips the code checks (no table found).
    pub ons: Option<OnsCodes>,
}

impl Reference {
    /// This year from the system clock, and the ONS table under `root`
    /// (`data/postcodes/lad-regions.csv`) when it can be read.
    pub fn load(root: &Path) -> Reference {
        let ons = std::fs::read_to_string(root.join(LAD_REGIONS_PATH))
            .ok()
            .and_then(|t| OnsCodes::parse(&t).ok());
        Reference {
            current_year: current_year(),
            ons,
        }
    }
}

/// This year, UTC, from the system clock (in the browser, where Rust's
/// clock panics, JavaScript's `Date`).
pub fn current_year() -> u16 {
    #[cfg(not(target_arch = "wasm32"))]
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    #[cfg(target_arch = "wasm32")]
    let secs = (js_sys::Date::now() / 1000.0) as u64;
    Date::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap_or(0)).year
}

/// A data file's name and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// The path shown in messages.
    pub file: String,
    /// Its contents.
    pub text: String,
}

/// Whether `id` is a valid id (of an election, region, candidate, seat or
/// source): lower-case letters, digits and inner hyphens, e.g. `nec-2028`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Whether a file in a data folder is an editor's or the system's, not
/// data: dotfiles (`.#x.toml` lock files, macOS `._x.toml`, `.DS_Store`),
/// backups ending in `~`, `#x#` autosaves.
pub fn is_hidden_or_editor_file(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || (name.starts_with('#') && name.ends_with('#'))
}

/// The election files of a folder, sorted, and a problem for each file
/// that looks like one but will not be read (`x.TOML`). Hidden and editor
/// files are skipped.
pub fn election_files(dir: &Path) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Problem::new(
                &dir.display().to_string(),
                1,
                1,
                format!("cannot read the folder: {e}"),
            ));
            return (files, problems);
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if is_hidden_or_editor_file(name) || !path.is_file() {
            continue;
        }
        match path.extension().and_then(|x| x.to_str()) {
            Some("toml") => files.push(path),
            Some(x) if x.eq_ignore_ascii_case("toml") => {
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                let mut p = Problem::new(
                    &path.display().to_string(),
                    1,
                    1,
                    format!("this file is not read: its name ends in `.{x}`, not `.toml`"),
                );
                p.help = Some(format!("rename it to `{stem}.toml`"));
                problems.push(p);
            }
            _ => {}
        }
    }
    files.sort();
    (files, problems)
}

/// Walks up from `start` to the folder holding `data/regions/labour.toml`.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    start
        .ancestors()
        .find(|d| d.join(SCHEME_PATH).is_file())
        .map(Path::to_path_buf)
}

/// Everything read from the data folder when it is valid: the regions
/// file's scheme and each election with its file name, sorted by file.
pub type Data = (SchemeDef, Vec<(String, ElectionDef)>);

/// Checks every data file under `root` (`data/regions/labour.toml`, every
/// `data/elections/*.toml`); file names in messages are relative to `root`.
pub fn check_dir(root: &Path, reference: &Reference) -> Vec<Problem> {
    match load_dir(root, reference) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

/// Reads and checks every data file under `root`, as [`check_dir`].
///
/// # Errors
/// Every problem of every file (never empty).
pub fn load_dir(root: &Path, reference: &Reference) -> Result<Data, Vec<Problem>> {
    let (files, mut problems) = election_files(&root.join(ELECTIONS_PATH));
    for p in &mut problems {
        if let Ok(rel) = Path::new(&p.file).strip_prefix(root) {
            p.file = rel.display().to_string();
        }
    }
    let read = |path: &Path, problems: &mut Vec<Problem>| {
        let shown = path
            .strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => Some(SourceFile { file: shown, text }),
            Err(e) => {
                problems.push(Problem::new(
                    &shown,
                    1,
                    1,
                    format!("cannot read the file: {e}"),
                ));
                None
            }
        }
    };
    let scheme = read(&root.join(SCHEME_PATH), &mut problems);
    let elections: Vec<SourceFile> = files
        .iter()
        .filter_map(|f| read(f, &mut problems))
        .collect();
    if files.is_empty() {
        problems.push(Problem::new(
            ELECTIONS_PATH,
            1,
            1,
            "there are no election files (`*.toml`)",
        ));
    }
    let Some(scheme) = scheme else {
        return Err(problems);
    };
    match load_sources(&scheme, &elections, reference) {
        Ok(data) if problems.is_empty() => Ok(data),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more);
            Err(problems)
        }
    }
}

/// Checks a regions file and election files together: each file on its
/// own, every election against the regions, and election ids across files.
pub fn check_sources(
    scheme: &SourceFile,
    elections: &[SourceFile],
    reference: &Reference,
) -> Vec<Problem> {
    match load_sources(scheme, elections, reference) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

/// Reads and checks a regions file and election files, as [`check_sources`].
///
/// # Errors
/// Every problem of every file (never empty).
pub fn load_sources(
    scheme: &SourceFile,
    elections: &[SourceFile],
    reference: &Reference,
) -> Result<Data, Vec<Problem>> {
    let mut out = Vec::new();
    let parsed_scheme = check_scheme(&scheme.file, &scheme.text, reference, &mut out);
    // A regions file with problems weighs regions wrongly: generated orders
    // are compared with balance only once it has none.
    let scheme_ok = out.is_empty();
    let mut parsed = Vec::new();
    for e in elections {
        if let Some(def) = check_election_with(
            &e.file,
            &e.text,
            parsed_scheme.as_ref().map(|s| (scheme.file.as_str(), s)),
            reference,
            &mut out,
            scheme_ok,
        ) {
            parsed.push((e, def));
        }
    }
    // An id used twice: blame the file whose name does not match it (the
    // one edited), else the second; point at the other.
    let mut first: BTreeMap<&str, &SourceFile> = BTreeMap::new();
    for (src, def) in &parsed {
        match first.get(def.id.as_str()) {
            None => {
                first.insert(def.id.as_str(), src);
            }
            Some(other) => {
                let (blamed, kept) = if file_stem(&other.file) != def.id {
                    (*other, *src)
                } else {
                    (*src, *other)
                };
                let (bl, bc) = Locator::new(&blamed.text).at(&keys_at!["id"]);
                let (kl, kc) = Locator::new(&kept.text).at(&keys_at!["id"]);
                let mut p = Problem::new(
                    &blamed.file,
                    bl,
                    bc,
                    format!(
                        "election id \"{}\" is already used by {}",
                        def.id, kept.file
                    ),
                );
                p.help = Some(format!("the other is at {}:{kl}:{kc}", kept.file));
                out.push(p);
            }
        }
    }
    match parsed_scheme {
        Some(s) if out.is_empty() => Ok((
            s,
            parsed
                .into_iter()
                .map(|(src, def)| (src.file.clone(), def))
                .collect(),
        )),
        _ => Err(out),
    }
}

fn file_stem(file: &str) -> &str {
    Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file)
}

/// Parses `text`; a TOML syntax error or a problem of shape (unknown,
/// missing or mistyped fields) is pushed and gives `None`.
fn parse<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    shape: &schema::Schema,
    out: &mut Vec<Problem>,
) -> Option<T> {
    let doc = match ImDocument::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            let (line, column) = e
                .span()
                .map_or((1, 1), |s| crate::problem::line_column(text, s.start));
            out.push(Problem::new(
                file,
                line,
                column,
                syntax_message(e.message()),
            ));
            return None;
        }
    };
    let loc = Locator::new(text);
    let before = out.len();
    schema::check(file, &doc, &loc, shape, out);
    if out.len() > before {
        return None;
    }
    match toml::from_str(text) {
        Ok(v) => Some(v),
        Err(e) => {
            // The shape check above should have caught it; say it plainly anyway.
            let (line, column) = e
                .span()
                .map_or((1, 1), |s| crate::problem::line_column(text, s.start));
            out.push(Problem::new(file, line, column, e.message().trim()));
            None
        }
    }
}

/// A TOML syntax error, in words.
fn syntax_message(message: &str) -> String {
    let m = message.trim();
    if m.contains("duplicate key") {
        format!("{m}: each field may be given once")
    } else if m.contains("invalid string") || m.contains("unexpected end of input") {
        format!("{m}: is a closing quote or bracket missing?")
    } else {
        format!("this is not valid TOML: {m}")
    }
}

/// Collects the problems of one file.
struct Cx<'a> {
    file: &'a str,
    loc: Locator<'a>,
    out: &'a mut Vec<Problem>,
}

impl Cx<'_> {
    fn err(&mut self, path: Vec<Seg>, message: impl Into<String>) -> &mut Problem {
        let (line, column) = self.loc.at(&path);
        self.out
            .push(Problem::new(self.file, line, column, message));
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    fn err_help(&mut self, path: Vec<Seg>, message: impl Into<String>, help: impl Into<String>) {
        self.err(path, message).help = Some(help.into());
    }

    /// `FILE:LINE:COL` of `path`, for a help line.
    fn place(&self, path: &[Seg]) -> String {
        let (l, c) = self.loc.at(path);
        format!("{}:{l}:{c}", self.file)
    }

    fn text(&mut self, path: Vec<Seg>, field: &str, text: &str, required: bool) {
        if required && text.trim().is_empty() {
            self.err(path, format!("`{field}` must not be empty"));
            return;
        }
        if let Some((message, help)) = text_problem(text) {
            let p = self.err(path, format!("`{field}` {message}"));
            p.help = help;
        } else if let Some(what) = markup_in_text(text) {
            self.err_help(
                path,
                format!("`{field}` contains {what}: members would see it as code, or a browser could run it"),
                "write it in plain words; if it was copied from a web page, type it again",
            );
        } else if text.trim() != text {
            self.err_help(
                path,
                format!("`{field}` has a space or line break at its start or end"),
                "delete it",
            );
        }
    }

    /// A Welsh form of free text (`summary_cy`, the Welsh of `summary`):
    /// checked as text, and never without the English it is the Welsh of,
    /// which English pages show and Welsh pages fall back on. Empty is the
    /// same as left out.
    fn welsh(&mut self, path: Vec<Seg>, field: &str, welsh: &str, english: &str) {
        if welsh.is_empty() {
            return;
        }
        let of = field.strip_suffix("_cy").unwrap_or(field);
        if english.trim().is_empty() {
            self.err_help(
                path,
                format!("`{field}` is the Welsh of `{of}`, but there is no `{of}` here"),
                format!("write `{of}` in English as well: English pages show it, and so do Welsh pages wherever the data has no Welsh"),
            );
            return;
        }
        self.text(path, field, welsh, false);
    }

    fn name(&mut self, path: Vec<Seg>, name: &str) -> bool {
        match name_problem(name) {
            Some((message, help)) => {
                let p = self.err(path, format!("\"{}\": {message}", shown(name)));
                p.help = help;
                false
            }
            None => true,
        }
    }

    /// Names that read the same (case, look-alike letters, hidden
    /// characters, `Surname, Forename` order): the second is reported,
    /// pointing at the first.
    fn distinct_names<'n>(&mut self, items: impl IntoIterator<Item = (Vec<Seg>, &'n str)>) {
        let mut seen: BTreeMap<String, (Vec<Seg>, &str)> = BTreeMap::new();
        for (path, name) in items {
            let key = likeness(name);
            if key.is_empty() {
                continue;
            }
            match seen.get(&key) {
                Some((first_path, first)) => {
                    let first = *first;
                    let help = format!("the first is at {}", self.place(first_path));
                    self.err_help(
                        path,
                        format!(
                            "\"{}\" is listed twice: {}",
                            shown(name),
                            how_alike(first, name)
                        ),
                        help,
                    );
                }
                None => {
                    seen.insert(key, (path, name));
                }
            }
        }
    }

    fn id(&mut self, path: Vec<Seg>, id: &str) {
        if !is_valid_id(id) {
            self.err_help(
                path,
                format!(
                    "id \"{}\" must be lower-case letters, digits and inner hyphens",
                    shown(id)
                ),
                format!("e.g. \"{}\"", suggest_id(id)),
            );
        }
    }

    /// Ids given twice in a list: the second, pointing at the first.
    fn unique_ids<'n>(&mut self, what: &str, items: impl IntoIterator<Item = (Vec<Seg>, &'n str)>) {
        let mut seen: BTreeMap<&str, Vec<Seg>> = BTreeMap::new();
        for (path, id) in items {
            match seen.get(id) {
                Some(first) => {
                    let help = format!("the first is at {}", self.place(first));
                    self.err_help(path, format!("{what} id \"{id}\" is used twice"), help);
                }
                None => {
                    seen.insert(id, path);
                }
            }
        }
    }

    fn cites(&mut self, path: Vec<Seg>, what: &str, cited: &[String], e: &ElectionDef) {
        if cited.is_empty() {
            let key = match path.last() {
                Some(Seg::Key(k)) => k.clone(),
                _ => "sources".to_owned(),
            };
            self.err(
                path,
                format!("{what} needs `{key} = [\"…\"]`: the ids of the [[sources]] that give it"),
            );
            return;
        }
        let known: Vec<&str> = e.sources.iter().map(|s| s.id.as_str()).collect();
        for (i, id) in cited.iter().enumerate() {
            if !known.contains(&id.as_str()) {
                let mut p = path.clone();
                p.push(Seg::Index(i));
                let help = match did_you_mean(id, &known) {
                    Some(m) => format!("did you mean \"{m}\"?"),
                    None => format!("the sources are: {}", known.join(", ")),
                };
                self.err_help(
                    p,
                    format!("source \"{id}\" is not in this file's [[sources]]"),
                    help,
                );
            }
        }
    }
}

/// A name as messages show it: hidden characters made visible, long names cut.
fn shown(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == 60 {
            out.push('…');
            break;
        }
        if crate::text::hidden_char(c).is_some() {
            out += &format!("<U+{:04X}>", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

fn suggest_id(id: &str) -> String {
    let s: String = id
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let words: Vec<&str> = s.split('-').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        "nec-2026".to_owned()
    } else {
        words.join("-")
    }
}

/// Checks a regions file; its problems are pushed. The scheme is returned
/// when it could be read (even with problems, so elections can be checked
/// against it).
pub fn check_scheme(
    file: &str,
    text: &str,
    reference: &Reference,
    out: &mut Vec<Problem>,
) -> Option<SchemeDef> {
    let scheme: SchemeDef = parse(file, text, &schema::SCHEME, out)?;
    let mut cx = Cx {
        file,
        loc: Locator::new(text),
        out,
    };
    cx.id(keys!["scheme"], &scheme.scheme);
    cx.text(keys!["title"], "title", &scheme.title, true);
    cx.text(keys!["source"], "source", &scheme.source, true);
    if scheme.regions.is_empty() {
        cx.err(
            keys!["regions"],
            "a regions file needs at least one [[regions]] entry",
        );
    }
    if scheme.regions.len() > MAX_REGIONS {
        cx.err_help(
            keys!["regions", MAX_REGIONS],
            format!(
                "there are {} regions; the limit is {MAX_REGIONS}",
                scheme.regions.len()
            ),
            "the app stores a set of regions in one 64-bit number",
        );
    }
    let outside: Vec<usize> = (0..scheme.regions.len())
        .filter(|&i| scheme.regions[i].outside_uk)
        .collect();
    match outside.as_slice() {
        [_] => {}
        [] => cx.err_help(
            keys!["regions"],
            "no region is `outside_uk = true`",
            "members registered outside the UK need a region (Labour International)",
        ),
        [first, rest @ ..] => {
            for &i in rest {
                let help = format!(
                    "the first is at {}",
                    cx.place(&keys_at!["regions", *first, "outside_uk"])
                );
                cx.err_help(
                    keys!["regions", i, "outside_uk"],
                    "only one region can be `outside_uk = true`",
                    help,
                );
            }
        }
    }
    for (i, r) in scheme.regions.iter().enumerate() {
        cx.id(keys!["regions", i, "id"], &r.id);
        cx.name(keys!["regions", i, "name"], &r.name);
        if r.outside_uk && !r.ons_codes.is_empty() {
            cx.err(
                keys!["regions", i, "ons_codes"],
                "a region outside the UK has no ONS codes: use `ons_codes = []`",
            );
        }
        if !r.outside_uk && r.ons_codes.is_empty() {
            cx.err_help(
                keys!["regions", i, "ons_codes"],
                format!("region \"{}\" has no ONS region or country codes", r.id),
                "give its codes, e.g. ons_codes = [\"E12000007\"], or mark it `outside_uk = true`",
            );
        }
        if r.outside_uk && (!r.add_lads.is_empty() || !r.remove_lads.is_empty()) {
            cx.err(
                keys!["regions", i, "add_lads"],
                "a region outside the UK has no council areas",
            );
        }
        if r.outside_uk && r.live_postcodes != 0 {
            cx.err(
                keys!["regions", i, "live_postcodes"],
                "a region outside the UK has no postcodes: use `live_postcodes = 0`",
            );
        }
        if !r.outside_uk && r.live_postcodes == 0 {
            cx.err_help(
                keys!["regions", i, "live_postcodes"],
                "`live_postcodes` must be at least 1 for a region in the UK",
                "it weighs the region in generated orders; `slatecard check` re-counts it from the ONS postcode table",
            );
        }
    }
    cx.unique_ids(
        "region",
        scheme
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (keys!["regions", i, "id"], r.id.as_str())),
    );
    cx.distinct_names(
        scheme
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (keys!["regions", i, "name"], r.name.as_str())),
    );
    check_codes(&mut cx, &scheme, reference.ons.as_ref());
    Some(scheme)
}

/// Every ONS code exists, and no region or council area is claimed twice.
fn check_codes(cx: &mut Cx<'_>, scheme: &SchemeDef, ons: Option<&OnsCodes>) {
    let mut claimed: BTreeMap<&str, Vec<Seg>> = BTreeMap::new();
    let mut added: BTreeMap<&str, Vec<Seg>> = BTreeMap::new();
    let mut removed: BTreeMap<&str, Vec<Seg>> = BTreeMap::new();
    for (i, r) in scheme.regions.iter().enumerate() {
        for (field, codes, seen) in [
            ("ons_codes", &r.ons_codes, &mut claimed),
            ("add_lads", &r.add_lads, &mut added),
            ("remove_lads", &r.remove_lads, &mut removed),
        ] {
            for (j, code) in codes.iter().enumerate() {
                let at = keys!["regions", i, field, j];
                if let Some(ons) = ons {
                    let known = if field == "ons_codes" {
                        ons.has_region(code)
                    } else {
                        ons.lads.contains_key(code)
                    };
                    if !known {
                        let what = if field == "ons_codes" {
                            "an ONS region or country"
                        } else {
                            "an ONS council area (LAD)"
                        };
                        cx.err_help(
                            at.clone(),
                            format!("\"{code}\" is not {what} code"),
                            format!("the codes are in {LAD_REGIONS_PATH}"),
                        );
                        continue;
                    }
                }
                match seen.get(code.as_str()) {
                    Some(first) => {
                        let help = format!("the first is at {}", cx.place(first));
                        cx.err_help(at, format!("\"{code}\" is claimed twice"), help);
                    }
                    None => {
                        seen.insert(code, at);
                    }
                }
            }
        }
        if let Some(ons) = ons {
            for (j, lad) in r.remove_lads.iter().enumerate() {
                if ons
                    .lads
                    .get(lad)
                    .is_some_and(|reg| !r.ons_codes.contains(reg))
                {
                    cx.err(
                        keys!["regions", i, "remove_lads", j],
                        format!("council area \"{lad}\" is not in this region's ONS codes, so it cannot be taken out"),
                    );
                }
            }
            for (j, lad) in r.add_lads.iter().enumerate() {
                if ons
                    .lads
                    .get(lad)
                    .is_some_and(|reg| r.ons_codes.contains(reg))
                {
                    cx.err(
                        keys!["regions", i, "add_lads", j],
                        format!("council area \"{lad}\" is already in this region's ONS codes"),
                    );
                }
            }
        }
    }
    // A council area added to one region must be taken out of the region its
    // ONS region belongs to, or two regions claim it.
    if let Some(ons) = ons {
        for (lad, at) in &added {
            let Some(region) = ons.lads.get(*lad) else {
                continue;
            };
            if claimed.contains_key(region.as_str()) && !removed.contains_key(lad) {
                let first = claimed[region.as_str()].clone();
                let help = format!(
                    "its ONS region \"{region}\" is claimed at {}: add it to that region's `remove_lads`",
                    cx.place(&first)
                );
                cx.err_help(
                    at.clone(),
                    format!("council area \"{lad}\" is claimed twice"),
                    help,
                );
            }
        }
    }
}

/// Each region's live postcodes counted from a table of every live
/// postcode's council area (`postcode,lad_code` rows; the count per LAD is
/// given), by the regions' codes. Regions outside the UK count 0.
pub fn count_live_postcodes(
    scheme: &SchemeDef,
    ons: &OnsCodes,
    per_lad: &BTreeMap<String, u64>,
) -> Vec<u64> {
    scheme
        .regions
        .iter()
        .map(|r| {
            per_lad
                .iter()
                .filter(|(lad, _)| {
                    let in_ons = ons
                        .lads
                        .get(*lad)
                        .is_some_and(|reg| r.ons_codes.contains(reg));
                    (in_ons && !r.remove_lads.contains(lad)) || r.add_lads.contains(lad)
                })
                .map(|(_, n)| n)
                .sum()
        })
        .collect()
}

/// The regions whose `live_postcodes` differs from `counts` (from
/// [`count_live_postcodes`]), as problems at the value. The build does not
/// run this (the postcode table is 1.8 million rows and not in the
/// repository); `slatecard check` and the tests do when it is present.
pub fn check_live_postcodes(
    file: &str,
    text: &str,
    scheme: &SchemeDef,
    counts: &[u64],
) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut cx = Cx {
        file,
        loc: Locator::new(text),
        out: &mut out,
    };
    for (i, (r, &n)) in scheme.regions.iter().zip(counts).enumerate() {
        if r.live_postcodes != n {
            cx.err_help(
                keys!["regions", i, "live_postcodes"],
                format!(
                    "region \"{}\" has {n} live postcodes in the ONS postcode table, not {}",
                    r.id, r.live_postcodes
                ),
                format!("write live_postcodes = {n}"),
            );
        }
    }
    out
}

/// Checks an election file, against the regions file (`(its path, its
/// scheme)`) when that could be read; its problems are pushed. The
/// election is returned when it could be read.
///
/// Every `generated` order is compared with what `balanced-v1` gives (when
/// the rest of the slate and its orders are valid).
pub fn check_election(
    file: &str,
    text: &str,
    scheme: Option<(&str, &SchemeDef)>,
    reference: &Reference,
    out: &mut Vec<Problem>,
) -> Option<ElectionDef> {
    check_election_with(file, text, scheme, reference, out, true)
}

/// [`check_election`], comparing generated orders with `balanced-v1` only
/// when `balanced` is true: `slatecard balance` reads a file whose generated
/// orders it is about to rewrite, and a regions file with problems gives no
/// weights to balance with.
pub fn check_election_with(
    file: &str,
    text: &str,
    scheme: Option<(&str, &SchemeDef)>,
    reference: &Reference,
    out: &mut Vec<Problem>,
    balanced: bool,
) -> Option<ElectionDef> {
    let e: ElectionDef = parse(file, text, &schema::ELECTION, out)?;
    let mut cx = Cx {
        file,
        loc: Locator::new(text),
        out,
    };
    cx.id(keys!["id"], &e.id);
    let stem = file_stem(file);
    if e.id != stem && !stem.is_empty() {
        cx.err_help(
            keys!["id"],
            format!(
                "election id \"{}\" does not match the file name \"{stem}.toml\"",
                e.id
            ),
            format!(
                "write id = \"{stem}\", or rename the file to \"{}.toml\"",
                e.id
            ),
        );
    }
    for (field, text) in [
        ("title", &e.title),
        ("short_title", &e.short_title),
        ("organisation", &e.organisation),
        ("slate", &e.slate),
    ] {
        cx.text(keys![field], field, text, true);
    }
    cx.welsh(keys!["title_cy"], "title_cy", &e.title_cy, &e.title);
    cx.text(
        keys!["slate_backers"],
        "slate_backers",
        &e.slate_backers,
        false,
    );
    cx.welsh(keys!["slate_cy"], "slate_cy", &e.slate_cy, &e.slate);
    for (i, n) in e.notes.iter().enumerate() {
        cx.text(keys!["notes", i], "a note", n, true);
    }
    welsh_notes(&mut cx, &e);
    if let Some((scheme_file, scheme)) = scheme {
        if e.region_scheme != scheme.scheme {
            cx.err_help(
                keys!["region_scheme"],
                format!("unknown region scheme \"{}\"", e.region_scheme),
                format!("{scheme_file} defines \"{}\"", scheme.scheme),
            );
        }
    }
    if let Err(err) = Date::parse(&e.updated) {
        cx.err(keys!["updated"], format!("`updated`: {err}"));
    } else if Date::parse(&e.updated).is_ok_and(|d| d.year < FIRST_YEAR) {
        cx.err(
            keys!["updated"],
            format!(
                "`updated = \"{}\"` is before {FIRST_YEAR}, the first election slatecard covers",
                e.updated
            ),
        );
    }
    let before = cx.out.len();
    ballot(&mut cx, &e, reference);
    candidates(&mut cx, &e);
    let slate_problems = cx.out.len() - before;
    sources(&mut cx, &e);
    if let Some((scheme_file, scheme)) = scheme {
        let before_orders = cx.out.len();
        orders(&mut cx, &e, scheme_file, scheme);
        if balanced && slate_problems == 0 && cx.out.len() == before_orders {
            generated_orders(&mut cx, &e, scheme);
        }
        seats(&mut cx, &e, scheme_file, scheme);
    }
    ballot_list(&mut cx, &e);
    results(&mut cx, &e);
    Some(e)
}

/// `notes_cy`: the Welsh of `notes`, note for note (`""` for one not yet in
/// Welsh), so that each Welsh note stands where its English one would.
fn welsh_notes(cx: &mut Cx<'_>, e: &ElectionDef) {
    if e.notes_cy.is_empty() {
        return;
    }
    let (cy, en) = (e.notes_cy.len(), e.notes.len());
    let notes = |n: usize| format!("{n} note{}", if n == 1 { "" } else { "s" });
    if en == 0 {
        cx.err_help(
            keys!["notes_cy"],
            "`notes_cy` is the Welsh of `notes`, but there are no `notes` here",
            "write `notes` in English as well: English pages show them, and so do Welsh pages wherever the data has no Welsh",
        );
        return;
    }
    if cy != en {
        cx.err_help(
            keys!["notes_cy"],
            format!(
                "`notes_cy` has {} and `notes` has {}: each Welsh note goes at the place of the English one it translates",
                notes(cy),
                notes(en)
            ),
            "write \"\" for a note not yet in Welsh: Welsh pages show that one in English",
        );
    }
    for (i, n) in e.notes_cy.iter().enumerate() {
        if !n.is_empty() {
            cx.text(keys!["notes_cy", i], "a Welsh note", n, false);
        }
    }
}

fn ballot(cx: &mut Cx<'_>, e: &ElectionDef, reference: &Reference) {
    let b = &e.ballot;
    let last = reference.current_year.saturating_add(YEARS_AHEAD);
    if !(FIRST_YEAR..=last).contains(&b.held) {
        cx.err_help(
            keys!["ballot", "held"],
            format!("`held = {}` is not a plausible year: it must be from {FIRST_YEAR} to {last}", b.held),
            format!(
                "slatecard's data starts in {FIRST_YEAR}, and a ballot is not planned more than {YEARS_AHEAD} years ahead; the most recent year becomes every embed's default election"
            ),
        );
    }
    let moment = |cx: &mut Cx<'_>, field: &str, value: &Option<String>| -> Option<Moment> {
        let v = value.as_deref()?;
        match Moment::parse(v) {
            Ok(m) => Some(m),
            Err(d) => {
                cx.err(keys!["ballot", field], format!("`{field}`: {d}"));
                None
            }
        }
    };
    let opens = moment(cx, "opens", &b.opens);
    let closes = moment(cx, "closes", &b.closes);
    if let (Some(o), Some(c)) = (opens, closes) {
        if c.deadline_utc_minutes() <= o.start_utc_minutes() {
            cx.err(
                keys!["ballot", "closes"],
                format!("voting closes ({c}) before it opens ({o})"),
            );
        }
    }
    let ended_by = b.ended_by.as_deref().and_then(|d| match Date::parse(d) {
        Ok(d) => Some(d),
        Err(err) => {
            cx.err(keys!["ballot", "ended_by"], format!("`ended_by`: {err}"));
            None
        }
    });
    if b.ended_by.is_some() && b.closes.is_some() {
        cx.err(
            keys!["ballot", "ended_by"],
            "`ended_by` is for a ballot whose close is not known: remove it, `closes` says when",
        );
    }
    if let Some(d) = ended_by {
        if d.year != b.held && d.year != b.held.saturating_add(1) {
            cx.err(
                keys!["ballot", "ended_by"],
                format!("{d} is not in or just after the year held ({})", b.held),
            );
        }
    }
    if b.opens.is_some() || b.closes.is_some() || b.ended_by.is_some() {
        cx.cites(keys!["ballot", "sources"], "a date", &b.sources, e);
    }
    for (field, m) in [("opens", opens), ("closes", closes)] {
        if let Some(m) = m.filter(|m| m.date.year != b.held) {
            cx.err(
                keys!["ballot", field],
                format!("{} is not in the year held ({})", m.date, b.held),
            );
        }
    }
    if let Some(g) = &e.generation {
        if g.international_weight == 0 {
            cx.err_help(
                keys!["generation", "international_weight"],
                "`international_weight` must be at least 1",
                "it stands in for Labour International's members, who have no postcodes: 0 would leave them out of the balance (the bundled files use the smallest region's live postcodes)",
            );
        }
        cx.text(
            keys!["generation", "description"],
            "description",
            &g.description,
            true,
        );
        cx.welsh(
            keys!["generation", "description_cy"],
            "description_cy",
            &g.description_cy,
            &g.description,
        );
    }
}

fn candidates(cx: &mut Cx<'_>, e: &ElectionDef) {
    if e.candidates.is_empty() {
        cx.err(keys!["candidates"], "the slate has no candidates");
    }
    if e.candidates.len() > MAX_CANDIDATES {
        cx.err_help(
            keys!["candidates", MAX_CANDIDATES],
            format!(
                "the slate has {} candidates; the limit is {MAX_CANDIDATES}",
                e.candidates.len()
            ),
            format!("a ballot order longer than {MAX_CANDIDATES} is not one members can copy"),
        );
    }
    for (i, c) in e.candidates.iter().enumerate() {
        cx.id(keys!["candidates", i, "id"], &c.id);
        cx.name(keys!["candidates", i, "name"], &c.name);
        cx.text(
            keys!["candidates", i, "summary"],
            "summary",
            &c.summary,
            false,
        );
        cx.text(keys!["candidates", i, "note"], "note", &c.note, false);
        cx.welsh(
            keys!["candidates", i, "summary_cy"],
            "summary_cy",
            &c.summary_cy,
            &c.summary,
        );
        cx.welsh(
            keys!["candidates", i, "note_cy"],
            "note_cy",
            &c.note_cy,
            &c.note,
        );
    }
    cx.unique_ids(
        "candidate",
        e.candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (keys!["candidates", i, "id"], c.id.as_str())),
    );
    cx.distinct_names(
        e.candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (keys!["candidates", i, "name"], c.name.as_str())),
    );
    if e.ballot.kind == BallotKind::Cross && e.candidates.len() > usize::from(e.ballot.seats) {
        cx.err(
            keys!["candidates", usize::from(e.ballot.seats)],
            format!(
                "a cross ballot allows {} crosses but the slate has {} candidates",
                e.ballot.seats,
                e.candidates.len()
            ),
        );
    }
}

/// Whether `url` is a web address a member can safely follow: `https:`,
/// a host with a dot, no spaces or hidden characters.
pub fn is_safe_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == ':');
    host_ok
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

fn sources(cx: &mut Cx<'_>, e: &ElectionDef) {
    if e.sources.is_empty() {
        cx.err(
            keys!["sources"],
            "every election needs at least one [[sources]] entry",
        );
    }
    for (i, s) in e.sources.iter().enumerate() {
        cx.id(keys!["sources", i, "id"], &s.id);
        cx.text(keys!["sources", i, "title"], "title", &s.title, true);
        cx.text(
            keys!["sources", i, "publisher"],
            "publisher",
            &s.publisher,
            false,
        );
        cx.text(
            keys!["sources", i, "used_for"],
            "used_for",
            &s.used_for,
            false,
        );
        cx.welsh(
            keys!["sources", i, "used_for_cy"],
            "used_for_cy",
            &s.used_for_cy,
            &s.used_for,
        );
        if !s.url.is_empty() && !is_safe_url(&s.url) {
            let why = if s.url.starts_with("http://") {
                "it starts with http://, which is not secure"
            } else if !s.url.contains(':') {
                "it is not a web address"
            } else if !s.url.starts_with("https://") {
                "it does not start with https://"
            } else if s.url.contains(char::is_whitespace) {
                "it has a space in it"
            } else {
                "its site name is not a web address"
            };
            cx.err_help(
                keys!["sources", i, "url"],
                format!("`url` \"{}\" cannot be linked: {why}", shown(&s.url)),
                "give the address starting with https://, as the browser shows it, or leave `url` out",
            );
        }
        if let Some(date) = &s.date {
            if let Err(d) = Date::parse(date) {
                cx.err(keys!["sources", i, "date"], format!("`date`: {d}"));
            }
        }
    }
    cx.unique_ids(
        "source",
        e.sources
            .iter()
            .enumerate()
            .map(|(i, s)| (keys!["sources", i, "id"], s.id.as_str())),
    );
}

fn orders(cx: &mut Cx<'_>, e: &ElectionDef, scheme_file: &str, scheme: &SchemeDef) {
    if e.ballot.kind == BallotKind::Cross {
        if !e.orders.is_empty() {
            cx.err(
                keys!["orders", 0],
                "a cross ballot has no preference order: remove the [[orders]] entries",
            );
        }
        return;
    }
    let slate: Vec<&str> = e.candidates.iter().map(|c| c.id.as_str()).collect();
    let mut seen_regions: BTreeMap<&str, Vec<Seg>> = BTreeMap::new();
    let mut any_generated = false;
    for (i, o) in e.orders.iter().enumerate() {
        if o.region.is_some() != o.regions.is_empty() {
            cx.err(
                keys!["orders", i],
                "give either `region = \"…\"` or, for a list shared by several regions, `regions = [\"…\", \"…\"]`",
            );
        } else if o.region.is_none() && o.regions.len() < 2 {
            cx.err(
                keys!["orders", i, "regions"],
                "`regions` is for a list shared by two regions or more: use `region` for one",
            );
        }
        let region_paths: Vec<(Vec<Seg>, &str)> = match &o.region {
            Some(r) => vec![(keys!["orders", i, "region"], r.as_str())],
            None => o
                .regions
                .iter()
                .enumerate()
                .map(|(j, r)| (keys!["orders", i, "regions", j], r.as_str()))
                .collect(),
        };
        for (at, region) in region_paths {
            if !scheme.regions.iter().any(|r| r.id == region) {
                let ids: Vec<&str> = scheme.regions.iter().map(|r| r.id.as_str()).collect();
                let help = match did_you_mean(region, &ids) {
                    Some(m) => format!("did you mean \"{m}\"?"),
                    None => format!(
                        "if it was taken out of {scheme_file}, put it back there or remove this order; the regions are: {}",
                        ids.join(", ")
                    ),
                };
                cx.err_help(
                    at,
                    format!("there is no region \"{region}\" in {scheme_file}"),
                    help,
                );
                continue;
            }
            match seen_regions.get(region) {
                Some(first) => {
                    let help = format!("the first is at {}", cx.place(first));
                    cx.err_help(
                        at,
                        format!("region \"{region}\" has more than one order"),
                        help,
                    );
                }
                None => {
                    seen_regions.insert(region, at);
                }
            }
        }
        order_list(cx, i, o, &slate);
        any_generated |= provenance(cx, i, o);
    }
    for r in &scheme.regions {
        if !seen_regions.contains_key(r.id.as_str()) {
            cx.err_help(
                keys!["orders"],
                format!("region \"{}\" ({}) has no order", r.id, r.name),
                format!("add an [[orders]] entry with region = \"{}\" (every region in {scheme_file} needs one)", r.id),
            );
        }
    }
    // (A slate over the limit of MAX_CANDIDATES is said once, above.)
    if let (Some(&first), Some(why), true) = (
        balanced_entries(e).first(),
        too_large(e.candidates.len()),
        e.candidates.len() <= MAX_CANDIDATES,
    ) {
        cx.err_help(
            keys!["orders", first, "provenance"],
            format!("{why}, so it cannot make this order"),
            "give every region's order as the slate published it (provenance = \"published\", with its `source`), or check that the slate really has this many candidates",
        );
    }
    if any_generated && e.generation.is_none() {
        cx.err(
            keys!["orders"],
            "some orders are generated: say how in a [generation] table",
        );
    }
}

/// An order lists every slate candidate exactly once.
fn order_list(cx: &mut Cx<'_>, i: usize, o: &OrderDef, slate: &[&str]) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (j, id) in o.order.iter().enumerate() {
        if !slate.contains(&id.as_str()) {
            let help = match did_you_mean(id, slate) {
                Some(m) => format!("did you mean \"{m}\"?"),
                None => format!("the slate is: {}", slate.join(", ")),
            };
            cx.err_help(
                keys!["orders", i, "order", j],
                format!("candidate \"{id}\" is not on the slate"),
                help,
            );
            continue;
        }
        match seen.get(id.as_str()) {
            Some(&first) => {
                let help = format!(
                    "the first is at {}",
                    cx.place(&keys_at!["orders", i, "order", first])
                );
                cx.err_help(
                    keys!["orders", i, "order", j],
                    format!("candidate \"{id}\" appears twice: an order lists every slate candidate exactly once"),
                    help,
                );
            }
            None => {
                seen.insert(id, j);
            }
        }
    }
    let missing: Vec<&str> = slate
        .iter()
        .filter(|id| !seen.contains_key(*id))
        .copied()
        .collect();
    if !missing.is_empty() && slate.len() <= MAX_CANDIDATES {
        let missing = match missing.len() {
            0..=5 => missing.join(", "),
            n => format!("{} and {} more", missing[..4].join(", "), n - 4),
        };
        cx.err(
            keys!["orders", i, "order"],
            format!("the order leaves out {missing}: it must list every slate candidate"),
        );
    }
}

/// An order's `source`: a web address (the whole of it, or one within its
/// words) is one a member can safely follow, `https:`; the words are plain.
fn order_source(cx: &mut Cx<'_>, i: usize, source: &str) {
    let at = keys!["orders", i, "source"];
    // A word that starts with a scheme (`javascript:`, `http://`), or holds `://`.
    let trim = |w: &'_ str| -> String {
        let w = w.trim_start_matches(|c: char| "\"'(<[".contains(c));
        let w = w.trim_end_matches(|c: char| "\"',;.>]".contains(c));
        // A closing bracket is the word's own only when it opens one too.
        match w.strip_suffix(')') {
            Some(inner) if !inner.contains('(') => inner.to_owned(),
            _ => w.to_owned(),
        }
    };
    let words: Vec<String> = source.split_whitespace().map(trim).collect();
    let address = words.iter().map(String::as_str).find(|w| {
        let scheme: String = w
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || "+.-".contains(*c))
            .collect();
        w.contains("://")
            || (!scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && w[scheme.len()..].starts_with(':')
                && w.len() > scheme.len() + 1)
    });
    if let Some(url) = address.filter(|u| !is_safe_url(u)) {
        let why = if url.to_lowercase().starts_with("http://") {
            "it starts with http://, which is not secure".to_owned()
        } else if url.to_lowercase().starts_with("https://") {
            "its site name is not a web address".to_owned()
        } else {
            let scheme = url.split(':').next().unwrap_or(url);
            format!("a `{scheme}:` address is not a web page (only https:// addresses are linked)")
        };
        cx.err_help(
            at,
            format!("`source` holds the address \"{}\", which cannot be shown to members: {why}", shown(url)),
            "give where the order was published: its https:// address as the browser shows it, or the publication's name and date in words",
        );
        return;
    }
    cx.text(at, "source", source, true);
}

/// Checks `provenance` with `source` and `published_positions`; true when
/// some of the order is generated.
fn provenance(cx: &mut Cx<'_>, i: usize, o: &OrderDef) -> bool {
    let has_source = o.source.as_deref().is_some_and(|s| !s.trim().is_empty());
    if let Some(source) = o.source.as_deref().filter(|_| has_source) {
        order_source(cx, i, source);
    }
    match o.provenance {
        Provenance::Published => {
            if !has_source {
                cx.err(
                    keys!["orders", i, "provenance"],
                    "a published order needs a `source`: where it was published",
                );
            }
            if o.published_positions.is_some() {
                cx.err(
                    keys!["orders", i, "published_positions"],
                    "a published order has no `published_positions`: use provenance = \"partly-published\"",
                );
            }
            false
        }
        Provenance::Generated => {
            if o.source.is_some() {
                cx.err(
                    keys!["orders", i, "source"],
                    "a generated order has no `source`",
                );
            }
            if o.published_positions.is_some() {
                cx.err(
                    keys!["orders", i, "published_positions"],
                    "a generated order has no `published_positions`",
                );
            }
            true
        }
        Provenance::PartlyPublished => {
            if !has_source {
                cx.err(
                    keys!["orders", i, "provenance"],
                    "a partly-published order needs a `source`: where its first places were published",
                );
            }
            match o.published_positions {
                Some(n) if n >= 1 && usize::from(n) < o.order.len() => {}
                Some(n) => {
                    cx.err(
                        keys!["orders", i, "published_positions"],
                        format!(
                            "`published_positions` must be from 1 to {}, one less than the slate, not {n}",
                            o.order.len().saturating_sub(1)
                        ),
                    );
                }
                None => {
                    cx.err(
                        keys!["orders", i],
                        "`published_positions` is missing from this [[orders]] entry: how many leading places were published",
                    );
                }
            }
            true
        }
    }
}

/// `[[orders]]` entries (by index) that are `generated` or
/// `partly-published`: made by balance, in whole or in part.
fn balanced_entries(e: &ElectionDef) -> Vec<usize> {
    (0..e.orders.len())
        .filter(|&i| e.orders[i].provenance != Provenance::Published)
        .collect()
}

/// Each order made by balance is what `balanced-v1` gives now; the slate
/// is one balance can handle. Run only when the slate and the orders are
/// otherwise valid.
fn generated_orders(cx: &mut Cx<'_>, e: &ElectionDef, scheme: &SchemeDef) {
    let made = balanced_entries(e);
    let Some(&first) = made.first() else { return };
    if e.generation.is_none() {
        return; // said above: "some orders are generated: say how…"
    }
    if too_large(e.candidates.len()).is_some() {
        return; // said by `orders`
    }
    let given = match generate(e, scheme) {
        Ok(given) => given,
        Err(why) => {
            cx.err(
                keys!["orders", first],
                format!("balance cannot make the orders: {why}"),
            );
            return;
        }
    };
    let file = cx.file.to_owned();
    let quoted = |ids: &[String]| -> String {
        let q: Vec<String> = ids.iter().map(|id| format!("\"{id}\"")).collect();
        format!("[{}]", q.join(", "))
    };
    for i in made {
        let o = &e.orders[i];
        let regions = o.region_ids();
        let Some((_, want)) = regions
            .first()
            .and_then(|r| given.iter().find(|(id, _)| id == r))
        else {
            continue;
        };
        if &o.order == want {
            continue;
        }
        let whose = match regions.as_slice() {
            [one] => format!("region \"{one}\""),
            many => format!(
                "regions {}",
                quoted(&many.iter().map(|r| (*r).to_owned()).collect::<Vec<_>>())
            ),
        };
        let what = if o.provenance == Provenance::Generated {
            "this order is marked `generated` but is"
        } else {
            "the generated places of this order are"
        };
        cx.err_help(
            keys!["orders", i, "order"],
            format!(
                "{what} not what `slatecard balance` gives {whose}: balance gives order = {}",
                quoted(want)
            ),
            format!(
                "if the slate published this order, keep it by writing provenance = \"published\" with its `source`; otherwise run `slatecard balance {file} --write` to write the order balance gives (after a published order or a region's weight changes, every generated order may change)"
            ),
        );
    }
}

fn seats(cx: &mut Cx<'_>, e: &ElectionDef, scheme_file: &str, scheme: &SchemeDef) {
    for (i, s) in e.seats.iter().enumerate() {
        cx.id(keys!["seats", i, "id"], &s.id);
        cx.text(keys!["seats", i, "name"], "name", &s.name, true);
        cx.text(keys!["seats", i, "note"], "note", &s.note, false);
        cx.welsh(keys!["seats", i, "name_cy"], "name_cy", &s.name_cy, &s.name);
        cx.welsh(keys!["seats", i, "note_cy"], "note_cy", &s.note_cy, &s.note);
        if s.votes > 0 && s.picks.len() > usize::from(s.votes) {
            cx.err(
                keys!["seats", i, "picks"],
                format!(
                    "{} picks, but a voter has only {} vote{}",
                    s.picks.len(),
                    s.votes,
                    if s.votes == 1 { "" } else { "s" }
                ),
            );
        }
        if s.published && s.picks.is_empty() {
            cx.err(
                keys!["seats", i, "published"],
                "list the picks when `published = true`",
            );
        }
        if s.picks_stage == PicksStage::Nomination && s.picks.is_empty() {
            cx.err_help(
                keys!["seats", i, "picks_stage"],
                "`picks_stage` says when the picks were made, but this seat has no picks",
                "leave `picks_stage` out, or list the picks the source gives",
            );
        }
        if !s.published && !s.picks.is_empty() {
            cx.err(
                keys!["seats", i, "picks"],
                "leave the picks out (never guess) when `published = false`",
            );
        }
        if s.published {
            cx.cites(
                keys!["seats", i, "sources"],
                "a seat's picks",
                &s.sources,
                e,
            );
        }
        // The card tells members exactly what to write from `marking`, so
        // it must come from a source, as the picks do.
        if s.marking.is_some() {
            cx.cites(
                keys!["seats", i, "marking_sources"],
                "how a section is marked",
                &s.marking_sources,
                e,
            );
        } else if !s.marking_sources.is_empty() {
            cx.err(
                keys!["seats", i, "marking_sources"],
                "`marking_sources` without `marking`: say how the section is marked (`marking = \"numbers\"` or `\"crosses\"`), or leave both out",
            );
        }
        let mut ok = Vec::new();
        for (j, p) in s.picks.iter().enumerate() {
            if cx.name(keys!["seats", i, "picks", j], p) {
                ok.push((keys!["seats", i, "picks", j], p.as_str()));
            }
        }
        cx.distinct_names(ok);
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (j, r) in s.regions.iter().enumerate() {
            if !scheme.regions.iter().any(|x| &x.id == r) {
                cx.err(
                    keys!["seats", i, "regions", j],
                    format!("there is no region \"{r}\" in {scheme_file}"),
                );
            }
            match seen.get(r.as_str()) {
                Some(&first) => {
                    let help = format!(
                        "the first is at {}",
                        cx.place(&keys_at!["seats", i, "regions", first])
                    );
                    cx.err_help(
                        keys!["seats", i, "regions", j],
                        format!("region \"{r}\" is listed twice in this seat's `regions`"),
                        help,
                    );
                }
                None => {
                    seen.insert(r, j);
                }
            }
        }
    }
    picks_elsewhere(cx, e);
    cx.unique_ids(
        "seat",
        e.seats
            .iter()
            .enumerate()
            .map(|(i, s)| (keys!["seats", i, "id"], s.id.as_str())),
    );
}

/// A seat's pick who is also a candidate of the main section, or a pick of
/// another seat: a member can stand for one place on the ballot, so one of
/// the two is a mistake. Both places are named.
fn picks_elsewhere(cx: &mut Cx<'_>, e: &ElectionDef) {
    let same = |a: &str, b: &str| likeness(a) == likeness(b) || crate::same_person(a, b);
    let mut earlier: Vec<(Vec<Seg>, &str, &str)> = Vec::new(); // (place, name, seat)
    for (i, s) in e.seats.iter().enumerate() {
        for (j, pick) in s.picks.iter().enumerate() {
            let at = keys!["seats", i, "picks", j];
            if let Some(k) = e.candidates.iter().position(|c| same(&c.name, pick)) {
                let help = format!(
                    "the slate's candidate is at {}: a member stands for one place on the ballot, so take the name out of one of the two",
                    cx.place(&keys_at!["candidates", k, "name"])
                );
                cx.err_help(
                    at.clone(),
                    format!(
                        "\"{}\", a pick for the {} seat, is also a candidate of the slate's main section",
                        shown(pick),
                        s.name
                    ),
                    help,
                );
            } else if let Some((place, _, seat)) = earlier
                .iter()
                .find(|(_, name, seat)| *seat != s.id.as_str() && same(name, pick))
            {
                let help = format!(
                    "the other is at {} ({seat}): a member stands for one place on the ballot, so take the name out of one of the two",
                    cx.place(place)
                );
                cx.err_help(
                    at.clone(),
                    format!(
                        "\"{}\" is picked for two seats, {} and another",
                        shown(pick),
                        s.name
                    ),
                    help,
                );
            }
            earlier.push((at, pick.as_str(), s.id.as_str()));
        }
    }
}

fn names_checked(cx: &mut Cx<'_>, base: Vec<Seg>, names: &[String]) {
    let mut ok = Vec::new();
    for (j, n) in names.iter().enumerate() {
        let mut p = base.clone();
        p.push(Seg::Index(j));
        if cx.name(p.clone(), n) {
            ok.push((p, n.as_str()));
        }
    }
    cx.distinct_names(ok);
}

fn ballot_list(cx: &mut Cx<'_>, e: &ElectionDef) {
    let Some(list) = &e.ballot_list else { return };
    cx.cites(
        keys!["ballot_list", "sources"],
        "the ballot list",
        &list.sources,
        e,
    );
    names_checked(cx, keys!["ballot_list", "names"], &list.names);
    for (j, n) in list.names.iter().enumerate() {
        if n.matches(", ").count() != 1 {
            cx.err(
                keys!["ballot_list", "names", j],
                format!(
                    "write \"{}\" as `Surname, Forename`, with one comma",
                    shown(n)
                ),
            );
        }
    }
    for (i, c) in e.candidates.iter().enumerate() {
        if !list.names.iter().any(|n| likeness(n) == likeness(&c.name)) {
            cx.err_help(
                keys!["ballot_list", "names"],
                format!("slate candidate \"{}\" is not in `names`", shown(&c.name)),
                format!(
                    "every slate candidate is on the ballot; the candidate is at {}",
                    cx.place(&keys_at!["candidates", i, "name"])
                ),
            );
        }
    }
    if list.complete && list.names.len() < usize::from(e.ballot.seats) {
        cx.err(
            keys!["ballot_list", "names"],
            format!(
                "a complete ballot list has at least as many names as seats ({}), not {}",
                e.ballot.seats,
                list.names.len()
            ),
        );
    }
}

/// Whether `name` is one of `elected` (as a reader would judge).
fn among(name: &str, elected: &[String]) -> bool {
    elected
        .iter()
        .any(|n| likeness(n) == likeness(name) || crate::same_person(n, name))
}

/// `results.rounds`: each one of the elected, once, in a round from 1.
fn rounds(cx: &mut Cx<'_>, e: &ElectionDef, r: &crate::ResultsDef) {
    if !r.rounds.is_empty() && e.ballot.kind == BallotKind::Cross {
        cx.err(
            keys!["results", "rounds"],
            "a cross ballot is counted at once: it has no rounds",
        );
        return;
    }
    let mut ok = Vec::new();
    for (j, x) in r.rounds.iter().enumerate() {
        let at = keys!["results", "rounds", j, "name"];
        if !cx.name(at.clone(), &x.name) {
            continue;
        }
        if !among(&x.name, &r.elected) {
            cx.err_help(
                at.clone(),
                format!("\"{}\" has a round but is not in `elected`", shown(&x.name)),
                "give the round of those `elected` lists, with their names as written there",
            );
        }
        ok.push((at, x.name.as_str()));
    }
    cx.distinct_names(ok);
}

/// `results.changes`: what happened after the count, with sources; who
/// left was elected, who joined was not.
fn changes(cx: &mut Cx<'_>, e: &ElectionDef, r: &crate::ResultsDef) {
    for (j, c) in r.changes.iter().enumerate() {
        cx.text(
            keys!["results", "changes", j, "note"],
            "note",
            &c.note,
            true,
        );
        cx.welsh(
            keys!["results", "changes", j, "note_cy"],
            "note_cy",
            &c.note_cy,
            &c.note,
        );
        cx.cites(
            keys!["results", "changes", j, "sources"],
            "a change after the count",
            &c.sources,
            e,
        );
        if let Some(date) = &c.date {
            if let Err(d) = Date::parse(date) {
                cx.err(
                    keys!["results", "changes", j, "date"],
                    format!("`date`: {d}"),
                );
            }
        }
        if c.left.is_empty() && c.joined.is_empty() {
            cx.err_help(
                keys!["results", "changes", j],
                "a change after the count names who left the seat (`left`), who took it (`joined`), or both",
                "e.g. left = \"…\", joined = \"…\"",
            );
        }
        if !c.left.is_empty()
            && cx.name(keys!["results", "changes", j, "left"], &c.left)
            && !among(&c.left, &r.elected)
        {
            cx.err_help(
                keys!["results", "changes", j, "left"],
                format!("\"{}\" left a seat but is not in `elected`", shown(&c.left)),
                "`left` is one of those the count elected, as `elected` writes the name",
            );
        }
        if !c.joined.is_empty()
            && cx.name(keys!["results", "changes", j, "joined"], &c.joined)
            && among(&c.joined, &r.elected)
        {
            cx.err_help(
                keys!["results", "changes", j, "joined"],
                format!("\"{}\" took a seat after the count but is already in `elected`", shown(&c.joined)),
                "`elected` is who the count elected; someone who took a seat later is only in `joined`",
            );
        }
    }
}

fn results(cx: &mut Cx<'_>, e: &ElectionDef) {
    let Some(r) = &e.results else { return };
    cx.cites(keys!["results", "sources"], "the results", &r.sources, e);
    if let Some(announced) = &r.announced {
        match Date::parse(announced) {
            Err(d) => {
                cx.err(keys!["results", "announced"], format!("`announced`: {d}"));
            }
            Ok(date) => {
                let closes = e.ballot.closes_moment().ok().flatten();
                if closes.is_some_and(|c| date < c.date) {
                    cx.err(
                        keys!["results", "announced"],
                        format!("results announced ({date}) before voting closed"),
                    );
                }
            }
        }
    }
    names_checked(cx, keys!["results", "elected"], &r.elected);
    if r.elected.is_empty() || r.elected.len() > usize::from(e.ballot.seats) {
        cx.err(
            keys!["results", "elected"],
            format!(
                "`elected` lists {} names; the section has {} seats",
                r.elected.len(),
                e.ballot.seats
            ),
        );
    }
    rounds(cx, e, r);
    changes(cx, e, r);
    if let Some(list) = e.ballot_list.as_ref().filter(|l| l.complete) {
        let elected = r
            .elected
            .iter()
            .enumerate()
            .map(|(j, n)| (keys!["results", "elected", j], n));
        let counted = r
            .counts
            .iter()
            .enumerate()
            .map(|(j, c)| (keys!["results", "counts", j, "name"], &c.name));
        for (at, name) in elected.chain(counted).collect::<Vec<_>>() {
            if !list.names.iter().any(|n| likeness(n) == likeness(name)) {
                cx.err(
                    at,
                    format!("\"{}\" is not in the complete `ballot_list`", shown(name)),
                );
            }
        }
    }
    if let Some(q) = r.quota {
        if !(q.is_finite() && q >= 1.0) {
            cx.err(
                keys!["results", "quota"],
                format!("quota {q} is not a number of votes"),
            );
        }
        if e.ballot.kind == BallotKind::Cross {
            cx.err(keys!["results", "quota"], "a cross ballot has no quota");
        }
    }
    let mut ok = Vec::new();
    for (j, c) in r.counts.iter().enumerate() {
        if cx.name(keys!["results", "counts", j, "name"], &c.name) {
            ok.push((keys!["results", "counts", j, "name"], c.name.as_str()));
        }
        if c.votes == 0 {
            cx.err(
                keys!["results", "counts", j, "votes"],
                format!(
                    "\"{}\" has 0 votes: leave out counts that are not published",
                    shown(&c.name)
                ),
            );
        }
    }
    cx.distinct_names(ok);
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (j, s) in r.seats.iter().enumerate() {
        if !e.seats.iter().any(|x| x.id == s.seat) {
            cx.err(
                keys!["results", "seats", j, "seat"],
                format!("there is no seat \"{}\" in [[seats]]", s.seat),
            );
        }
        if s.elected.is_empty() {
            cx.err(
                keys!["results", "seats", j, "elected"],
                "say who was elected in `elected`",
            );
        }
        names_checked(cx, keys!["results", "seats", j, "elected"], &s.elected);
        match seen.get(s.seat.as_str()) {
            Some(&first) => {
                let help = format!(
                    "the first is at {}",
                    cx.place(&keys_at!["results", "seats", first, "seat"])
                );
                cx.err_help(
                    keys!["results", "seats", j, "seat"],
                    format!("seat \"{}\" has two results", s.seat),
                    help,
                );
            }
            None => {
                seen.insert(&s.seat, j);
            }
        }
    }
}
