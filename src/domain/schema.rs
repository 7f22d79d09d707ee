//! The reviewable data files (`data/regions/*.toml`, `data/elections/*.toml`):
//! their schema and every check they must pass before the app is built.
//!
//! `build.rs` includes this file (and `date.rs`) to validate the data and
//! generate static tables, so invalid data cannot ship; native tests use it to
//! prove each check fires. It depends on `serde` and `toml` only, never on the
//! rest of the crate.

use super::date::{Date, Moment};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt;

/// A problem in a data file: which file, which entry, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// Path of the file, as given to the parser.
    pub file: String,
    /// The entry at fault, e.g. `orders[region = "london"]`.
    pub entry: String,
    /// What is wrong, in plain words.
    pub problem: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.entry, self.problem)
    }
}

impl std::error::Error for DataError {}

/// A region scheme: the regions a member can belong to.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SchemeDef {
    /// Scheme id, e.g. `labour`.
    pub scheme: String,
    /// Human title.
    pub title: String,
    /// Where the definition comes from.
    pub source: String,
    /// The regions, in display order.
    pub regions: Vec<RegionDef>,
}

/// One region of a scheme.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RegionDef {
    /// Stable id used in URLs and data files, e.g. `north-west`.
    pub id: String,
    /// Display name, e.g. `North West`.
    pub name: String,
    /// ONS region or country codes making up the region.
    #[serde(default)]
    pub ons_codes: Vec<String>,
    /// Council areas (LAD codes) added to the region.
    #[serde(default)]
    pub add_lads: Vec<String>,
    /// Council areas (LAD codes) taken out of the region.
    #[serde(default)]
    pub remove_lads: Vec<String>,
    /// Live postcodes in the region: the size proxy for generated orders.
    pub live_postcodes: u64,
    /// True for the region of members registered outside the UK.
    #[serde(default)]
    pub outside_uk: bool,
}

/// An election file, as written by an organiser.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ElectionDef {
    /// Stable id, e.g. `nec-2022`.
    pub id: String,
    /// Full title.
    pub title: String,
    /// Short title for choosers.
    pub short_title: String,
    /// Organisation(s) running the election.
    pub organisation: String,
    /// Name of the slate whose advice this is.
    pub slate: String,
    /// Who backs the slate, in a sentence.
    #[serde(default)]
    pub slate_backers: String,
    /// Region scheme id (must match a scheme file).
    pub region_scheme: String,
    /// How the ballot works and when.
    pub ballot: BallotDef,
    /// How generated orders were made, when any are.
    #[serde(default)]
    pub generation: Option<GenerationDef>,
    /// The slate's candidates for the main section.
    pub candidates: Vec<CandidateDef>,
    /// Recommended orders, one per region, for ranked ballots.
    #[serde(default)]
    pub orders: Vec<OrderDef>,
    /// The slate's picks for the other seats on the same ballot.
    #[serde(default)]
    pub seats: Vec<SeatDef>,
    /// Notes for members and reviewers (discrepancies, caveats).
    #[serde(default)]
    pub notes: Vec<String>,
    /// Where the facts come from.
    pub sources: Vec<SourceDef>,
}

/// The ballot of the main section.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BallotDef {
    /// `ranked` (STV: number candidates 1, 2, 3…) or `cross` (mark X next to up to `seats` names).
    pub kind: String,
    /// Places to fill.
    pub seats: u8,
    /// The year the ballot took place.
    pub held: u16,
    /// When voting opens, `YYYY-MM-DD[THH:MM]` in `time_zone`.
    #[serde(default)]
    pub opens: Option<String>,
    /// When voting closes, `YYYY-MM-DD[THH:MM]`; a date alone means the end of that day.
    #[serde(default)]
    pub closes: Option<String>,
    /// Time zone of the dates; only `Europe/London` is supported.
    pub time_zone: String,
}

/// How generated orders were made.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GenerationDef {
    /// Method id; `balanced-v1` is implemented by `slatecard::domain::balance`.
    pub method: String,
    /// Weight of `outside_uk` regions, which have no postcodes.
    pub international_weight: u64,
    /// The method in words, shown to members.
    pub description: String,
}

/// A candidate on the slate.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CandidateDef {
    /// Stable id, e.g. `bolton`.
    pub id: String,
    /// Name as on the ballot paper.
    pub name: String,
    /// One or two sentences about the candidate, in our words or attributed quotes.
    #[serde(default)]
    pub summary: String,
}

/// The recommended order for one region.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OrderDef {
    /// Region id.
    pub region: String,
    /// Candidate ids, first preference first.
    pub order: Vec<String>,
    /// `published`, `generated` or `partly-published`.
    pub provenance: String,
    /// Where a published order (or part) was published.
    #[serde(default)]
    pub source: Option<String>,
    /// For `partly-published`: how many leading positions were published.
    #[serde(default)]
    pub published_positions: Option<u8>,
}

/// Another seat on the same ballot.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SeatDef {
    /// Stable id, e.g. `youth`.
    pub id: String,
    /// Seat name, e.g. `Youth representative`.
    pub name: String,
    /// Who may vote: `all`, `youth`, `bame`, `disabled`, `councillors`.
    pub electorate: String,
    /// How many candidates a voter may support (0: not stated in our sources).
    #[serde(default)]
    pub votes: u8,
    /// Only members in these regions may vote (empty: every region).
    #[serde(default)]
    pub regions: Vec<String>,
    /// The slate's picks (names as on the ballot).
    #[serde(default)]
    pub picks: Vec<String>,
    /// False when the slate published picks we do not have.
    pub published: bool,
    /// A note shown with the seat.
    #[serde(default)]
    pub note: String,
}

/// A source document.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    /// What it is.
    pub title: String,
    /// Where it is (URL), if public.
    #[serde(default)]
    pub url: String,
    /// What we took from it.
    #[serde(default)]
    pub used_for: String,
}

/// Electorate codes accepted in `seats[].electorate`.
pub const ELECTORATES: [&str; 5] = ["all", "youth", "bame", "disabled", "councillors"];

fn err(file: &str, entry: impl Into<String>, problem: impl Into<String>) -> DataError {
    DataError {
        file: file.to_owned(),
        entry: entry.into(),
        problem: problem.into(),
    }
}

fn toml_error(file: &str, text: &str, e: toml::de::Error) -> DataError {
    let entry = match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            format!("line {line}, column {column}")
        }
        None => "file".to_owned(),
    };
    err(file, entry, e.message().trim().to_owned())
}

fn check_id(file: &str, entry: &str, id: &str) -> Result<(), DataError> {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(err(
            file,
            entry,
            format!("id \"{id}\" must be lower-case letters, digits and inner hyphens"),
        ))
    }
}

fn check_text(file: &str, entry: &str, field: &str, text: &str) -> Result<(), DataError> {
    if text.trim().is_empty() {
        Err(err(file, entry, format!("`{field}` must not be empty")))
    } else {
        Ok(())
    }
}

fn unique<'a>(
    file: &str,
    what: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<(), DataError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(err(
                file,
                format!("{what}[id = \"{id}\"]"),
                format!("duplicate id \"{id}\""),
            ));
        }
    }
    Ok(())
}

/// Parses and checks a region scheme file.
///
/// ```
/// let text = r#"
/// scheme = "x"
/// title = "X"
/// source = "s"
/// [[regions]]
/// id = "a"
/// name = "A"
/// ons_codes = ["E12000007"]
/// live_postcodes = 1
/// "#;
/// let s = slatecard::domain::schema::parse_scheme("x.toml", text).unwrap();
/// assert_eq!(s.regions[0].name, "A");
/// ```
pub fn parse_scheme(file: &str, text: &str) -> Result<SchemeDef, DataError> {
    let scheme: SchemeDef = toml::from_str(text).map_err(|e| toml_error(file, text, e))?;
    check_id(file, "scheme", &scheme.scheme)?;
    if scheme.regions.is_empty() {
        return Err(err(file, "regions", "a scheme needs at least one region"));
    }
    if scheme.regions.len() > 64 {
        return Err(err(file, "regions", "at most 64 regions are supported"));
    }
    for r in &scheme.regions {
        let entry = format!("regions[id = \"{}\"]", r.id);
        check_id(file, &entry, &r.id)?;
        check_text(file, &entry, "name", &r.name)?;
        if r.outside_uk != r.ons_codes.is_empty() {
            return Err(err(
                file,
                entry,
                "a region has ONS codes exactly when it is not `outside_uk`",
            ));
        }
    }
    unique(
        file,
        "regions",
        scheme.regions.iter().map(|r| r.id.as_str()),
    )?;
    let mut names = BTreeSet::new();
    for r in &scheme.regions {
        if !names.insert(r.name.as_str()) {
            return Err(err(
                file,
                format!("regions[id = \"{}\"]", r.id),
                format!("duplicate name \"{}\"", r.name),
            ));
        }
    }
    Ok(scheme)
}

/// Parses and checks an election file against the region scheme it names.
///
/// Rejects, among others: unknown fields, duplicate ids, impossible dates, a
/// ranked ballot without an order for every region, an order naming a
/// candidate not on the slate or that is not a permutation of the slate.
pub fn parse_election(
    file: &str,
    text: &str,
    scheme: &SchemeDef,
) -> Result<ElectionDef, DataError> {
    let e: ElectionDef = toml::from_str(text).map_err(|e| toml_error(file, text, e))?;
    validate_election(file, &e, scheme)?;
    Ok(e)
}

fn parse_moment(
    file: &str,
    field: &str,
    value: &Option<String>,
) -> Result<Option<Moment>, DataError> {
    value
        .as_deref()
        .map(|s| Moment::parse(s).map_err(|e| err(file, format!("ballot.{field}"), e.to_string())))
        .transpose()
}

fn validate_election(file: &str, e: &ElectionDef, scheme: &SchemeDef) -> Result<(), DataError> {
    check_id(file, "id", &e.id)?;
    for (field, text) in [
        ("title", &e.title),
        ("short_title", &e.short_title),
        ("organisation", &e.organisation),
        ("slate", &e.slate),
    ] {
        check_text(file, field, field, text)?;
    }
    if e.region_scheme != scheme.scheme {
        return Err(err(
            file,
            "region_scheme",
            format!(
                "unknown region scheme \"{}\" (known: \"{}\")",
                e.region_scheme, scheme.scheme
            ),
        ));
    }
    validate_ballot(file, e)?;

    if e.candidates.is_empty() {
        return Err(err(file, "candidates", "the slate has no candidates"));
    }
    for c in &e.candidates {
        let entry = format!("candidates[id = \"{}\"]", c.id);
        check_id(file, &entry, &c.id)?;
        check_text(file, &entry, "name", &c.name)?;
    }
    unique(
        file,
        "candidates",
        e.candidates.iter().map(|c| c.id.as_str()),
    )?;
    if e.candidates.len() > usize::from(e.ballot.seats) && e.ballot.kind == "cross" {
        return Err(err(
            file,
            "candidates",
            format!(
                "a cross ballot allows {} crosses but the slate has {} candidates",
                e.ballot.seats,
                e.candidates.len()
            ),
        ));
    }
    validate_orders(file, e, scheme)?;
    validate_seats(file, e, scheme)?;
    if e.sources.is_empty() {
        return Err(err(
            file,
            "sources",
            "every election needs at least one source",
        ));
    }
    for (i, s) in e.sources.iter().enumerate() {
        check_text(file, &format!("sources[{i}]"), "title", &s.title)?;
    }
    Ok(())
}

fn validate_ballot(file: &str, e: &ElectionDef) -> Result<(), DataError> {
    let b = &e.ballot;
    if b.kind != "ranked" && b.kind != "cross" {
        return Err(err(
            file,
            "ballot.kind",
            format!(
                "unknown ballot kind \"{}\" (use \"ranked\" or \"cross\")",
                b.kind
            ),
        ));
    }
    if b.seats == 0 {
        return Err(err(file, "ballot.seats", "must be at least 1"));
    }
    if b.time_zone != "Europe/London" {
        return Err(err(
            file,
            "ballot.time_zone",
            format!(
                "unsupported time zone \"{}\" (only Europe/London)",
                b.time_zone
            ),
        ));
    }
    if Date::new(b.held, 1, 1).is_none() {
        return Err(err(
            file,
            "ballot.held",
            format!("{} is not a plausible year", b.held),
        ));
    }
    let opens = parse_moment(file, "opens", &b.opens)?;
    let closes = parse_moment(file, "closes", &b.closes)?;
    if let (Some(o), Some(c)) = (opens, closes) {
        if c.deadline_utc_minutes() <= o.start_utc_minutes() {
            return Err(err(
                file,
                "ballot.closes",
                format!("closes ({}) before it opens ({})", c.iso(), o.iso()),
            ));
        }
    }
    for m in [opens, closes].into_iter().flatten() {
        if m.date.year != b.held {
            return Err(err(
                file,
                "ballot",
                format!("date {} is not in the year held ({})", m.date.iso(), b.held),
            ));
        }
    }
    Ok(())
}

fn validate_orders(file: &str, e: &ElectionDef, scheme: &SchemeDef) -> Result<(), DataError> {
    if e.ballot.kind == "cross" {
        if !e.orders.is_empty() {
            return Err(err(
                file,
                "orders",
                "a cross ballot has no preference order: remove the orders",
            ));
        }
        return Ok(());
    }
    let slate: BTreeSet<&str> = e.candidates.iter().map(|c| c.id.as_str()).collect();
    let mut seen_regions = BTreeSet::new();
    let mut any_generated = false;
    for o in &e.orders {
        let entry = format!("orders[region = \"{}\"]", o.region);
        if !scheme.regions.iter().any(|r| r.id == o.region) {
            return Err(err(
                file,
                entry,
                format!(
                    "unknown region \"{}\" in scheme \"{}\"",
                    o.region, scheme.scheme
                ),
            ));
        }
        if !seen_regions.insert(o.region.as_str()) {
            return Err(err(file, entry, "duplicate order for this region"));
        }
        let mut in_order = BTreeSet::new();
        for id in &o.order {
            if !slate.contains(id.as_str()) {
                return Err(err(
                    file,
                    entry,
                    format!("candidate \"{id}\" is not on the slate"),
                ));
            }
            if !in_order.insert(id.as_str()) {
                return Err(err(
                    file,
                    entry,
                    format!("candidate \"{id}\" appears twice: an order must list every slate candidate exactly once"),
                ));
            }
        }
        if in_order.len() != slate.len() {
            let missing: Vec<&str> = slate.difference(&in_order).copied().collect();
            return Err(err(
                file,
                entry,
                format!(
                    "not a permutation of the slate: missing {}",
                    missing.join(", ")
                ),
            ));
        }
        match (o.provenance.as_str(), &o.source, o.published_positions) {
            ("published", Some(s), None) if !s.trim().is_empty() => {}
            ("published", _, _) => {
                return Err(err(
                    file,
                    entry,
                    "a published order needs a `source` and no `published_positions`",
                ))
            }
            ("generated", None, None) => any_generated = true,
            ("generated", _, _) => {
                return Err(err(
                    file,
                    entry,
                    "a generated order has no `source` or `published_positions`",
                ))
            }
            ("partly-published", Some(s), Some(n))
                if !s.trim().is_empty() && n >= 1 && usize::from(n) < o.order.len() =>
            {
                any_generated = true
            }
            ("partly-published", _, _) => {
                return Err(err(
                    file,
                    entry,
                    "a partly-published order needs a `source` and `published_positions` between 1 and the slate size less one",
                ))
            }
            (p, _, _) => {
                return Err(err(
                    file,
                    entry,
                    format!("unknown provenance \"{p}\" (use published, generated or partly-published)"),
                ))
            }
        }
    }
    for r in &scheme.regions {
        if !seen_regions.contains(r.id.as_str()) {
            return Err(err(
                file,
                "orders",
                format!("region \"{}\" ({}) has no order", r.id, r.name),
            ));
        }
    }
    match (&e.generation, any_generated) {
        (None, true) => Err(err(
            file,
            "generation",
            "some orders are generated: say how in a [generation] table",
        )),
        (Some(g), _) if g.method != "balanced-v1" => Err(err(
            file,
            "generation.method",
            format!("unknown method \"{}\" (known: balanced-v1)", g.method),
        )),
        (Some(g), _) if g.description.trim().is_empty() => Err(err(
            file,
            "generation.description",
            "describe the method for members",
        )),
        _ => Ok(()),
    }
}

fn validate_seats(file: &str, e: &ElectionDef, scheme: &SchemeDef) -> Result<(), DataError> {
    for s in &e.seats {
        let entry = format!("seats[id = \"{}\"]", s.id);
        check_id(file, &entry, &s.id)?;
        check_text(file, &entry, "name", &s.name)?;
        if !ELECTORATES.contains(&s.electorate.as_str()) {
            return Err(err(
                file,
                entry,
                format!(
                    "unknown electorate \"{}\" (use one of {})",
                    s.electorate,
                    ELECTORATES.join(", ")
                ),
            ));
        }
        if s.picks.len() > usize::from(s.votes) {
            return Err(err(
                file,
                entry,
                format!(
                    "{} picks but a voter has only {} votes",
                    s.picks.len(),
                    s.votes
                ),
            ));
        }
        if s.published == s.picks.is_empty() {
            return Err(err(
                file,
                entry,
                "list the picks when `published = true`; leave them out (never guess) when false",
            ));
        }
        if s.published && s.votes == 0 {
            return Err(err(
                file,
                entry,
                "`votes` must be at least 1 for a published seat",
            ));
        }
        if s.picks.iter().any(|p| p.trim().is_empty()) {
            return Err(err(file, entry, "a pick has an empty name"));
        }
        for r in &s.regions {
            if !scheme.regions.iter().any(|x| &x.id == r) {
                return Err(err(file, entry, format!("unknown region \"{r}\"")));
            }
        }
    }
    unique(file, "seats", e.seats.iter().map(|s| s.id.as_str()))
}

/// Checks that election ids are unique across files.
pub fn check_unique_elections(elections: &[(String, ElectionDef)]) -> Result<(), DataError> {
    let mut seen = BTreeSet::new();
    for (file, e) in elections {
        if !seen.insert(e.id.as_str()) {
            return Err(err(
                file,
                "id",
                format!("duplicate election id \"{}\" (used by another file)", e.id),
            ));
        }
    }
    Ok(())
}
