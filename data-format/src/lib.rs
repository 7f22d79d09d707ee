//! The format of slatecard's data files (`data/regions/*.toml`,
//! `data/elections/*.toml`): their schema, described once, and every check
//! they must pass before the app is built.
//!
//! `slatecard`'s `build.rs` reads the files with this crate and turns them
//! into static tables, so invalid data cannot ship; the organisers' command
//! line (`slatecard balance`) and the native tests read them with it too. The
//! app itself never depends on it: it ships the generated tables, not a TOML
//! parser.
//!
//! [`check_dir`] (used by the build, `slatecard check` and the tests)
//! reports every problem of every file at once, each at the value at fault,
//! in plain words, with a `help:` line where one helps:
//!
//! ```text
//! data/elections/nec-2022.toml:102:14: error: unknown provenance "publishd" (use "published", "generated" or "partly-published")
//!   help: did you mean "published"?
//! ```

/// Dates and UK time, as the app reads them.
pub use slatecard_calendar as date;

mod check;
mod fingerprint;
mod generate;
pub mod organise;
mod problem;
mod schema;
pub mod text;

pub use check::{
    check_dir, check_election, check_election_with, check_live_postcodes, check_scheme,
    check_sources, count_live_postcodes, current_year, election_files, find_root,
    is_hidden_or_editor_file, is_safe_url, is_valid_id, load_dir, load_sources, Data, OnsCodes,
    Reference, SourceFile, ELECTIONS_PATH, FIRST_YEAR, LAD_REGIONS_PATH, SCHEME_PATH, YEARS_AHEAD,
};
pub use fingerprint::{canonical, content_name, fingerprint};
pub use generate::{generate, region_weights, region_weights_in, too_large};
pub use problem::{line_column, Problem, Seg};
/// How generated orders are made (`balanced-v1`), as the app makes them.
pub use slatecard_balance as balance;

use date::{DateError, Moment};
use serde::Deserialize;
use std::fmt;

/// The problems of a file that could not be read as valid data: at least
/// one, each shown on its own line(s) as `FILE:LINE:COL: error: MESSAGE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// Every problem found, in the order of the checks.
    pub problems: Vec<Problem>,
}

impl DataError {
    /// The first problem (there is always one).
    pub fn first(&self) -> Option<&Problem> {
        self.problems.first()
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
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

/// How the main section's ballot is marked (`ballot.kind`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum BallotKind {
    /// `ranked`: single transferable vote, candidates numbered 1, 2, 3…
    Ranked,
    /// `cross`: a cross next to up to `ballot.seats` names.
    Cross,
}

/// The time zone of a ballot's dates (`ballot.time_zone`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
pub enum TimeZone {
    /// `Europe/London`, UK civil time: the only one supported.
    #[serde(rename = "Europe/London")]
    EuropeLondon,
}

/// How generated orders are made (`generation.method`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum GenerationMethod {
    /// `balanced-v1`: each preference spread as evenly as possible across the
    /// slate, regions weighted by live postcodes (`slatecard::domain::balance`).
    BalancedV1,
}

/// Where a region's recommended order comes from (`orders[].provenance`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    /// `published`: the slate published this order (`source` says where).
    Published,
    /// `generated`: not published, generated by `generation.method`.
    Generated,
    /// `partly-published`: the first `published_positions` places were
    /// published (`source` says where); the rest are generated.
    PartlyPublished,
}

/// Who may vote for another seat (`seats[].electorate`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Electorate {
    /// `all`: every member (possibly limited by `regions`).
    All,
    /// `youth`: members under 27.
    Youth,
    /// `bame`: members who self-define as BAME.
    Bame,
    /// `disabled`: members who self-define as disabled.
    Disabled,
    /// `councillors`: members who are councillors.
    Councillors,
}

/// How the ballot paper asks a section to be marked (`seats[].marking`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Marking {
    /// `numbers`: 1, 2, 3… in order of preference (a preferential count).
    Numbers,
    /// `crosses`: a cross beside each name voted for.
    Crosses,
}

/// An election file, as written by an organiser.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ElectionDef {
    /// Stable id, e.g. `nec-2022`.
    pub id: String,
    /// Full title.
    pub title: String,
    /// `title` in Welsh, where written (Welsh pages show `title` until
    /// then).
    #[serde(default)]
    pub title_cy: String,
    /// Short title for choosers.
    pub short_title: String,
    /// Organisation(s) running the election.
    pub organisation: String,
    /// Name of the slate whose advice this is.
    pub slate: String,
    /// The slate's name in Welsh, where the slate gives one (Welsh pages
    /// show `slate` until then).
    #[serde(default)]
    pub slate_cy: String,
    /// Who backs the slate, in a sentence.
    #[serde(default)]
    pub slate_backers: String,
    /// Region scheme id (must match a scheme file).
    pub region_scheme: String,
    /// The data's version: 1 for a new file, one more at every release of
    /// changed orders or picks, so members and organisers can say which one
    /// they see.
    pub version: u32,
    /// When the orders or picks last changed (`YYYY-MM-DD`): the app shows
    /// "Orders last updated …".
    pub updated: String,
    /// How the ballot works and when.
    pub ballot: BallotDef,
    /// How generated orders were made, when any are.
    #[serde(default)]
    pub generation: Option<GenerationDef>,
    /// The slate's candidates for the main section.
    pub candidates: Vec<CandidateDef>,
    /// Every candidate on the main section's ballot, where a source lists them.
    #[serde(default)]
    pub ballot_list: Option<BallotListDef>,
    /// Who was elected, where sources give it.
    #[serde(default)]
    pub results: Option<ResultsDef>,
    /// Recommended orders for ranked ballots: every region in exactly one
    /// entry (an entry may be a list shared by several regions).
    #[serde(default)]
    pub orders: Vec<OrderDef>,
    /// The slate's picks for the other seats on the same ballot.
    #[serde(default)]
    pub seats: Vec<SeatDef>,
    /// Notes for members and reviewers (discrepancies, caveats).
    #[serde(default)]
    pub notes: Vec<String>,
    /// The notes in Welsh: as many as `notes`, each the Welsh of the note
    /// at its place; `""` for one not yet in Welsh (Welsh pages show the
    /// English one).
    #[serde(default)]
    pub notes_cy: Vec<String>,
    /// Where the facts come from.
    pub sources: Vec<SourceDef>,
}

/// The ballot of the main section.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BallotDef {
    /// `ranked` (STV: number candidates 1, 2, 3…) or `cross` (mark X next to up to `seats` names).
    pub kind: BallotKind,
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
    /// Where no source gives the close: a date by which sources show the
    /// ballot had ended (`YYYY-MM-DD`), so the app does not call it open.
    #[serde(default)]
    pub ended_by: Option<String>,
    /// Time zone of the dates; only `Europe/London` is supported.
    pub time_zone: TimeZone,
    /// Ids of the `[[sources]]` that give `opens` and `closes` (required
    /// when either is set).
    #[serde(default)]
    pub sources: Vec<String>,
}

impl BallotDef {
    /// When voting opens, read from `opens` (checked by [`parse_election`]).
    pub fn opens_moment(&self) -> Result<Option<Moment>, DateError> {
        self.opens.as_deref().map(Moment::parse).transpose()
    }

    /// When voting closes, read from `closes` (checked by [`parse_election`]).
    pub fn closes_moment(&self) -> Result<Option<Moment>, DateError> {
        self.closes.as_deref().map(Moment::parse).transpose()
    }
}

/// How generated orders were made.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GenerationDef {
    /// The method; `balanced-v1` is implemented by `slatecard::domain::balance`.
    pub method: GenerationMethod,
    /// Weight of `outside_uk` regions, which have no postcodes.
    pub international_weight: u64,
    /// The method in words, shown to members.
    pub description: String,
    /// `description` in Welsh, where written.
    #[serde(default)]
    pub description_cy: String,
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
    /// `summary` in Welsh, where written. (A name is never translated.)
    #[serde(default)]
    pub summary_cy: String,
    /// Something members need to know, shown with the name (e.g. removed
    /// from the slate during the campaign).
    #[serde(default)]
    pub note: String,
    /// `note` in Welsh, where written.
    #[serde(default)]
    pub note_cy: String,
}

/// The recommended order for one region.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OrderDef {
    /// Region id, for an order of one region.
    #[serde(default)]
    pub region: Option<String>,
    /// Region ids, for one list shared by a group of regions (a source says
    /// they shared it); instead of `region`.
    #[serde(default)]
    pub regions: Vec<String>,
    /// Candidate ids, first preference first.
    pub order: Vec<String>,
    /// `published`, `generated` or `partly-published`.
    pub provenance: Provenance,
    /// Where a published order (or part) was published.
    #[serde(default)]
    pub source: Option<String>,
    /// For `partly-published`: how many leading positions were published.
    #[serde(default)]
    pub published_positions: Option<u8>,
}

impl OrderDef {
    /// The regions this order is for: `region`, or every one of `regions`.
    pub fn region_ids(&self) -> Vec<&str> {
        self.region
            .iter()
            .chain(&self.regions)
            .map(String::as_str)
            .collect()
    }

    /// How error messages name this entry: `orders[region = "london"]`, or
    /// `orders[regions = ["northern", "south-west"]]` for a shared list.
    pub fn entry(&self) -> String {
        match &self.region {
            Some(r) => format!("orders[region = \"{r}\"]"),
            None => format!("orders[regions = {:?}]", self.regions),
        }
    }
}

/// Another seat on the same ballot.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SeatDef {
    /// Stable id, e.g. `youth`.
    pub id: String,
    /// Seat name, e.g. `Youth representative`.
    pub name: String,
    /// The seat's name in Welsh, where written.
    #[serde(default)]
    pub name_cy: String,
    /// Who may vote: `all`, `youth`, `bame`, `disabled`, `councillors`.
    pub electorate: Electorate,
    /// How many candidates a voter may support (0 or left out: not stated
    /// in our sources).
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
    /// Ids of the `[[sources]]` that give the picks (required when
    /// `published = true`).
    #[serde(default)]
    pub sources: Vec<String>,
    /// A note shown with the seat.
    #[serde(default)]
    pub note: String,
    /// `note` in Welsh, where written.
    #[serde(default)]
    pub note_cy: String,
    /// How the ballot paper asks this section to be marked; left out when
    /// no source says (the card then tells members to mark it as the paper
    /// asks, never guessing).
    #[serde(default)]
    pub marking: Option<Marking>,
    /// Ids of the `[[sources]]` that say how it is marked (required with
    /// `marking`).
    #[serde(default)]
    pub marking_sources: Vec<String>,
    /// When the picks were made: `ballot` (the default) when a source gives
    /// them for the ballot itself, `nomination` when the only source gives
    /// them while nominations were open, so no source confirms the picks (or
    /// the seat) were on the ballot. The card says which.
    #[serde(default)]
    pub picks_stage: PicksStage,
}

/// When a seat's picks were made (`seats[].picks_stage`).
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum PicksStage {
    /// `ballot`: a source gives the picks for the ballot (during or just
    /// before voting).
    #[default]
    Ballot,
    /// `nomination`: the only source is from the nomination stage; the
    /// picks are not confirmed to be on the ballot.
    Nomination,
}

/// A source document.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    /// Id that facts cite it by, e.g. `labourlist-2024-09-results`.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Who published it, e.g. `LabourList`.
    #[serde(default)]
    pub publisher: String,
    /// When it was published, `YYYY-MM-DD`, where known.
    #[serde(default)]
    pub date: Option<String>,
    /// Where it is (URL), if public.
    #[serde(default)]
    pub url: String,
    /// What we took from it.
    #[serde(default)]
    pub used_for: String,
    /// `used_for` in Welsh, where written. (A source's title is its own,
    /// never translated.)
    #[serde(default)]
    pub used_for_cy: String,
}

/// The order in which a ballot lists its candidates (`ballot_list.order`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ListOrder {
    /// `by-surname`: alphabetical by surname, as Labour's ballots list them.
    BySurname,
    /// `as-listed`: the order of `names`, as the source gives it.
    AsListed,
}

/// Every candidate on the main section's ballot (`[ballot_list]`).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BallotListDef {
    /// True when the source gives the whole ballot; false for the names
    /// found so far.
    pub complete: bool,
    /// The ballot's own order of the names.
    pub order: ListOrder,
    /// Names as on the ballot, each written `Surname, Forename` (so that
    /// `Singh Josan, Gurinder` sorts under S); the slate's candidates among them.
    pub names: Vec<String>,
    /// Ids of the `[[sources]]` that list them.
    pub sources: Vec<String>,
}

/// Who was elected (`[results]`).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ResultsDef {
    /// Ids of the `[[sources]]` that give every figure in this table.
    pub sources: Vec<String>,
    /// When the results were announced, `YYYY-MM-DD`.
    #[serde(default)]
    pub announced: Option<String>,
    /// The main section's elected candidates, names as on the ballot: a
    /// **set**, in any order (the source's, say). Its order means nothing:
    /// the app never reads a ranking or an order of election from it. Where
    /// a source gives the round of the count at which one was elected, say
    /// so in `rounds`.
    pub elected: Vec<String>,
    /// The round (stage) of the count at which each of `elected` was
    /// elected, for those a source gives it for: the card says "elected in
    /// round 14".
    #[serde(default)]
    pub rounds: Vec<RoundDef>,
    /// What changed after the count (an expulsion, a resignation, a runner-up
    /// taking the seat): shown to members apart from the results, never as
    /// one of them. `elected` stays who the count elected.
    #[serde(default)]
    pub changes: Vec<ChangeDef>,
    /// The Droop quota of a ranked count, where published (votes, may be
    /// fractional).
    #[serde(default)]
    pub quota: Option<f64>,
    /// First preferences (ranked ballots) or votes (cross ballots), where
    /// published.
    #[serde(default)]
    pub counts: Vec<CountDef>,
    /// Results of other seats on the same ballot.
    #[serde(default)]
    pub seats: Vec<SeatResultDef>,
}

/// The round of the count at which one of the elected was elected
/// (`results.rounds`).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RoundDef {
    /// Name, as in `elected`.
    pub name: String,
    /// The round (some sources say stage), from 1.
    pub round: u8,
}

/// A change to the main section after the count (`[[results.changes]]`).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ChangeDef {
    /// The day it happened (`YYYY-MM-DD`), where a source gives the day
    /// (otherwise the note says "in December 2022").
    #[serde(default)]
    pub date: Option<String>,
    /// Who left the seat (one of `elected`), if anyone did.
    #[serde(default)]
    pub left: String,
    /// Who took the seat (not one of `elected`), if anyone did.
    #[serde(default)]
    pub joined: String,
    /// What happened, in a sentence members read.
    pub note: String,
    /// `note` in Welsh, where written.
    #[serde(default)]
    pub note_cy: String,
    /// Ids of the `[[sources]]` that say so.
    pub sources: Vec<String>,
}

/// One candidate's first preferences or votes (`[[results.counts]]`).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CountDef {
    /// Name as on the ballot.
    pub name: String,
    /// First preferences (ranked) or votes (cross).
    pub votes: u32,
}

/// Who won another seat (`[[results.seats]]`).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SeatResultDef {
    /// The seat's id in `[[seats]]`.
    pub seat: String,
    /// Names of the winners.
    pub elected: Vec<String>,
    /// True when nobody stood against them, so the seat was not on the ballot.
    #[serde(default)]
    pub unopposed: bool,
}

/// The most candidates a slate may have: a ballot order longer than 60 is
/// not one members can copy (and the app's tables number places in a byte).
pub const MAX_CANDIDATES: usize = 60;

/// The most regions a scheme may have: the app keeps a set of regions in
/// one 64-bit number.
pub const MAX_REGIONS: usize = 64;

/// Parses and checks a region scheme file on its own (without the ONS
/// codes: [`check_dir`] checks those).
///
/// # Errors
/// Every problem found, each at its `FILE:LINE:COL`.
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
/// [[regions]]
/// id = "abroad"
/// name = "Abroad"
/// live_postcodes = 0
/// outside_uk = true
/// "#;
/// let s = slatecard_data_format::parse_scheme("x.toml", text).unwrap();
/// assert_eq!(s.regions[0].name, "A");
/// ```
pub fn parse_scheme(file: &str, text: &str) -> Result<SchemeDef, DataError> {
    let reference = Reference {
        current_year: current_year(),
        ons: None,
    };
    let mut problems = Vec::new();
    let scheme = check_scheme(file, text, &reference, &mut problems);
    match scheme {
        Some(s) if problems.is_empty() => Ok(s),
        _ => Err(DataError { problems }),
    }
}

/// Parses and checks an election file against the region scheme it names
/// (the regions file being [`SCHEME_PATH`]).
///
/// # Errors
/// Every problem found, each at its `FILE:LINE:COL`: unknown fields,
/// duplicate ids, impossible dates, a ranked ballot without an order for
/// every region, an order naming a candidate not on the slate or that is not
/// a permutation of the slate, and the rest of [`check_election`]'s checks.
pub fn parse_election(
    file: &str,
    text: &str,
    scheme: &SchemeDef,
) -> Result<ElectionDef, DataError> {
    parse_election_checking(file, text, scheme, true)
}

/// [`parse_election`], but without comparing the `generated` orders with
/// what `balanced-v1` gives: for `slatecard balance`, which is about to
/// write them.
///
/// # Errors
/// Every other problem [`parse_election`] finds.
pub fn parse_election_unbalanced(
    file: &str,
    text: &str,
    scheme: &SchemeDef,
) -> Result<ElectionDef, DataError> {
    parse_election_checking(file, text, scheme, false)
}

/// [`parse_election`], comparing generated orders with `balanced-v1` when
/// `balanced` is true.
fn parse_election_checking(
    file: &str,
    text: &str,
    scheme: &SchemeDef,
    balanced: bool,
) -> Result<ElectionDef, DataError> {
    let reference = Reference {
        current_year: current_year(),
        ons: None,
    };
    let mut problems = Vec::new();
    let e = check_election_with(
        file,
        text,
        Some((SCHEME_PATH, scheme)),
        &reference,
        &mut problems,
        balanced,
    );
    match e {
        Some(e) if problems.is_empty() => Ok(e),
        _ => Err(DataError { problems }),
    }
}

/// Whether two names are the same person, as a reader would judge: case and
/// spacing aside, `Surname, Forename` the same as `Forename Surname`, and a
/// shortened first name the same as the full one (a count sheet's
/// "BARNARD Jessica" is the slate's "Jess Barnard"): the same surname, and
/// one first name starts the other.
///
/// ```
/// use slatecard_data_format::same_person;
/// assert!(same_person("Barnard, Jessica", "Jess Barnard"));
/// assert!(same_person("Singh Josan, Gurinder", "gurinder  singh josan"));
/// assert!(!same_person("Ann Black", "Ann Henderson"));
/// ```
pub fn same_person(a: &str, b: &str) -> bool {
    let (sa, fa) = name_parts(a);
    let (sb, fb) = name_parts(b);
    sa == sb && !fa.is_empty() && !fb.is_empty() && (fa.starts_with(&fb) || fb.starts_with(&fa))
}

/// (last word of the surname, first forename), lower case, from
/// `Surname, Forename` or `Forename … Surname`.
fn name_parts(name: &str) -> (String, String) {
    let lower = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    match name.split_once(", ") {
        Some((surname, forename)) => {
            let surname = lower(surname);
            let first = lower(forename).first().cloned().unwrap_or_default();
            (surname.last().cloned().unwrap_or_default(), first)
        }
        None => {
            let words = lower(name);
            let surname = words.last().cloned().unwrap_or_default();
            (surname, words.first().cloned().unwrap_or_default())
        }
    }
}
