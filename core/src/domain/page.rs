//! What a page shows, as facts: [`view`] turns a [`Model`] into a [`Page`].
//!
//! A `Page` holds data and message keys, never sentences: the shells draw it
//! and the message catalogue (`crate::text`) words it. Everything that decides
//! what a member sees is here, so it is tested natively.

use super::date::{london_date, Date};
use super::election::{
    BallotKind, Change, DataText, Election, Electorate, Marking, Provenance, Results, Status,
};
use super::embedding::Theme;
use super::link::{lang_path, Link, Unknown};
use super::lookup::{Answer, LookupError, Resolution};
use super::model::{Found, Lang, Mode, Model};
use super::postcode::Elsewhere;
use super::region::RegionId;

/// Everything one page shows at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// Which shell draws it.
    pub mode: Mode,
    /// The language to word it in.
    pub lang: Lang,
    /// The election shown, and whether voting is open.
    pub election: ElectionHead,
    /// The elections a member can switch to, most recent first.
    pub elections: Vec<ElectionChoice>,
    /// The main part: choosing a region, or the slate's advice.
    pub body: Body,
    /// What the address bar (or "Open full page") carries.
    pub link: Link,
    /// Move keyboard focus to what appeared (after the member did
    /// something, not when the page opened from a link).
    pub take_focus: bool,
    /// What the link asked for but names nothing we know (say so first).
    pub unknown: Vec<Unknown>,
    /// A region the member found or chose, for the device to remember.
    pub remember: Option<RegionId>,
    /// The widget's theme.
    pub theme: Theme,
    /// The widget's accent colour.
    pub accent: Option<String>,
}

/// The election shown at the top of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ElectionHead {
    /// The election.
    pub election: &'static Election,
    /// Where its ballot stands now.
    pub timing: Timing,
}

/// Where a ballot stands: the status, the year for ballots without dates,
/// and today's date (for "closes in 6 days").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// Upcoming, open or closed, with the dates known.
    pub status: Status,
    /// The year the election was held.
    pub held: u16,
    /// Today in the UK, when the timing was taken.
    pub today: Date,
}

impl Timing {
    /// Where `election`'s ballot stands at `now_utc_minutes` (minutes since
    /// the Unix epoch, UTC).
    pub fn of(election: &Election, now_utc_minutes: i64) -> Timing {
        Timing {
            status: election.status_at(now_utc_minutes),
            held: election.held,
            today: london_date(now_utc_minutes),
        }
    }

    /// Whole days from today to the closing day (0: it closes today), while
    /// voting is open and the close is known.
    pub fn days_left(self) -> Option<i64> {
        match self.status {
            Status::Open { closes: Some(c) } => {
                Some(c.date.days_since_epoch() - self.today.days_since_epoch())
            }
            _ => None,
        }
    }

    /// True while voting is open.
    pub fn is_open(self) -> bool {
        matches!(self.status, Status::Open { .. })
    }

    /// True once voting has closed. A result page then puts the election's
    /// status after the order, with the other elections: while voting is
    /// upcoming or open it comes first, since it says when to vote.
    pub fn is_closed(self) -> bool {
        matches!(self.status, Status::Closed { .. })
    }

    /// Each change in what a page says of `election`'s ballot after
    /// `now_utc_minutes`, up to `horizon` minutes ahead: the minute it
    /// happens (since the Unix epoch, UTC) and the timing from then, in
    /// order. A pre-rendered page carries them (`#sc-later`, worded by the
    /// catalogue), so that a copy read later says what is true then.
    /// Empty for a ballot whose status no longer changes.
    pub fn later(election: &Election, now_utc_minutes: i64, horizon: i64) -> Vec<(i64, Timing)> {
        let end = now_utc_minutes + horizon.max(1);
        let mut out = Vec::new();
        let mut at = now_utc_minutes;
        loop {
            let next = Timing::fresh_until(election, at, end - at);
            if next >= end {
                return out;
            }
            out.push((next, Timing::of(election, next)));
            at = next;
        }
    }

    /// The first minute after `now_utc_minutes` at which what a page says of
    /// `election`'s ballot changes (its status, or the days left to vote),
    /// looking at most `horizon` minutes ahead (`now_utc_minutes + horizon`
    /// when nothing changes before): a page rendered at `now_utc_minutes` is
    /// up to date until then.
    pub fn fresh_until(election: &Election, now_utc_minutes: i64, horizon: i64) -> i64 {
        const DAY: i64 = 24 * 60;
        let shown = |m| {
            let t = Timing::of(election, m);
            (t.status, t.days_left())
        };
        let here = shown(now_utc_minutes);
        let end = now_utc_minutes + horizon.max(1);
        // What is shown only moves on (upcoming, open, closed; fewer days
        // left), so once it differs it stays different: a day at a time,
        // then halving to the minute.
        let mut from = now_utc_minutes;
        while from < end {
            let to = (from + DAY).min(end);
            if shown(to) != here {
                let (mut same, mut changed) = (from, to);
                while changed - same > 1 {
                    let mid = same + (changed - same) / 2;
                    if shown(mid) == here {
                        same = mid;
                    } else {
                        changed = mid;
                    }
                }
                return changed;
            }
            from = to;
        }
        end
    }
}

/// One entry of the election chooser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionChoice {
    /// The election.
    pub election: &'static Election,
    /// True for the one shown.
    pub selected: bool,
    /// The path of its page for the same region (`nec-2020/wales/`), for a
    /// plain link.
    pub path: String,
}

/// The main part of a page.
// One `Page` is built per render and then dropped: boxing the larger
// variant would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// No region yet: the postcode field and the regions.
    Choose(Chooser),
    /// The slate's advice for the member's region.
    Result {
        /// How the region was found, when from a postcode.
        found: Option<Found>,
        /// The region came with the link the member opened (someone else's,
        /// perhaps), not from anything they did: ask whether it is theirs.
        from_link: bool,
        /// The advice.
        result: ResultView,
        /// The path of the page for choosing a region again (this election's).
        back: String,
    },
}

/// The ways to choose a region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chooser {
    /// What the postcode field says under it, after a lookup.
    pub feedback: Option<Feedback>,
    /// The region this device remembers for the member, with its page's path
    /// in this election.
    pub remembered: Option<(RegionId, String)>,
    /// Every region, in display order.
    pub regions: Vec<RegionChoice>,
}

/// What the postcode field says after a lookup that did not settle the region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Feedback {
    /// The postcode is waiting for the postcode table to arrive.
    Waiting,
    /// The input could not be looked up.
    Problem(LookupError),
    /// An answer to say, with the regions the member may pick from it.
    Answer {
        /// The answer.
        answer: Answer,
        /// Regions to choose between (a split district), largest share first.
        choices: Vec<RegionId>,
        /// Labour International, offered for places outside the UK's regions.
        international: Option<RegionId>,
    },
}

/// One region in the list of regions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionChoice {
    /// The region.
    pub region: RegionId,
    /// The path of its page (`nec-2022/london/`), for a plain link.
    pub path: String,
    /// True for the region of members outside the UK.
    pub outside_uk: bool,
}

/// One line of the recommended ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryView {
    /// 1-based preference for ranked ballots; `None` for a cross.
    pub preference: Option<u8>,
    /// Candidate's name.
    pub name: &'static str,
    /// Short description (may be empty), in the page's language where the
    /// data gives it.
    pub summary: DataText,
    /// Something members need to know about them (may be empty).
    pub note: DataText,
    /// Whether they were elected, once the results are in the data.
    pub elected: Option<bool>,
}

/// How to mark the ballot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instruction {
    /// Number `count` candidates 1 to `count`, in the order shown.
    Rank {
        /// Candidates to number.
        count: usize,
    },
    /// A cross next to each of `count` names; up to `max` crosses allowed.
    Cross {
        /// Names to mark.
        count: usize,
        /// Most crosses the ballot allows.
        max: u8,
    },
}

/// Where the order shown comes from, for the member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrderSource {
    /// The slate published it.
    Published {
        /// Where.
        source: &'static str,
    },
    /// slatecard generated it.
    Generated {
        /// The method, in the data's words.
        method: DataText,
    },
    /// The first `positions` places were published, the rest generated.
    PartlyPublished {
        /// Published leading places.
        positions: u8,
        /// Where.
        source: &'static str,
        /// The method, in the data's words.
        method: DataText,
    },
    /// A cross ballot: no order.
    NoOrder,
}

/// A seat the member may be able to vote for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatView {
    /// Seat name, in the page's language where the data gives it.
    pub name: DataText,
    /// The slate's picks (empty when not published).
    pub picks: &'static [&'static str],
    /// How many candidates a voter may support (0: not stated).
    pub votes: u8,
    /// How the section is marked (`Unknown`: as the paper asks).
    pub marking: Marking,
    /// False when the picks are not in our sources.
    pub published: bool,
    /// Note for the member (may be empty).
    pub note: DataText,
    /// Who won it, once the results are in the data (empty otherwise).
    pub elected: &'static [&'static str],
    /// The picks are from the nomination stage only: not confirmed to be
    /// on the ballot (the card says so).
    pub nomination_stage: bool,
}

/// What the data knows of everyone on the ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BallotView {
    /// Every name on the ballot, in the ballot's order.
    Complete(Vec<BallotLine>),
    /// Some of the names (the slate's among them); others will be there too.
    Partial(Vec<BallotLine>),
    /// No list of the ballot in our sources: the slate's names in the
    /// ballot's order (alphabetical by surname), other names between them.
    Unknown(Vec<BallotLine>),
}

/// One name on the ballot paper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BallotLine {
    /// Name as on the ballot.
    pub name: &'static str,
    /// The number to write beside it (ranked), or `Some(0)` for a cross;
    /// `None` for a candidate not on the slate.
    pub mark: Option<u8>,
}

/// The published outcome of the main section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// When it was announced, if known.
    pub announced: Option<Date>,
    /// Everyone elected, in the source's order, each with whether they were
    /// on the slate.
    pub elected: Vec<(&'static str, bool)>,
    /// How many of the slate were elected.
    pub slate_elected: usize,
    /// The slate's size.
    pub slate_size: usize,
    /// The Droop quota as published (a decimal, e.g. `"12954.9"`).
    pub quota: Option<&'static str>,
    /// Each slate candidate's first preferences (ranked) or votes (cross),
    /// as published, most first; `None` where not published; empty when
    /// none was.
    pub slate_counts: Vec<(&'static str, Option<u32>)>,
    /// The round of the count at which each was elected, where a source
    /// gives it (in the order of `elected`).
    pub rounds: Vec<(&'static str, u8)>,
    /// What changed after the count: shown apart from the result.
    pub changes: &'static [Change],
}

impl Outcome {
    /// The round of the count at which `name` was elected, if known.
    pub fn round_of(&self, name: &str) -> Option<u8> {
        self.rounds
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, r)| *r)
    }
}

/// Who may vote for a group of seats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Eligibility {
    /// Which members.
    pub electorate: Electorate,
    /// Only members in this region (the member's own, for a seat limited
    /// to some regions); `None`: members in every region.
    pub region: Option<RegionId>,
}

/// Seats grouped by who may vote for them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatGroup {
    /// Who may vote.
    pub who: Eligibility,
    /// The seats.
    pub seats: Vec<SeatView>,
}

/// The slate's advice for one election and one region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultView {
    /// Election id.
    pub election_id: &'static str,
    /// Slate name, in the page's language where the data gives it.
    pub slate: DataText,
    /// The region.
    pub region: RegionId,
    /// How to mark the ballot.
    pub instruction: Instruction,
    /// The candidates, in the order to use.
    pub entries: Vec<EntryView>,
    /// Where the order comes from.
    pub source: OrderSource,
    /// The other regions the slate gave the same list (empty: this region's own).
    pub shared_with: &'static [RegionId],
    /// Regions whose order (or its first places) the slate published, with
    /// their pages' paths, when this region's is not among them: so a member
    /// can see what the slate itself said.
    pub published_elsewhere: Vec<(RegionId, String)>,
    /// Everyone on the ballot, as far as the data knows.
    pub ballot: BallotView,
    /// Who was elected, when the results are in the data.
    pub outcome: Option<Outcome>,
    /// Voting has closed, or most likely has, but the results are not in
    /// the data (say so, as surely as the data allows).
    pub results_missing: Option<ResultsMissing>,
    /// Other seats, grouped by who may vote: everyone first.
    pub seat_groups: Vec<SeatGroup>,
    /// Seats decided unopposed, so not on the ballot (with who won them).
    pub unopposed: Vec<SeatView>,
    /// Notes, each in the page's language where the data gives it.
    pub notes: Vec<DataText>,
    /// The address (under the app's base) of the page explaining why orders
    /// differ by region, with a simulated count (`nec-2022/why.html`,
    /// written at build time by `prerender::why`): ranked ballots with
    /// regional orders only.
    pub why: Option<String>,
}

impl ResultView {
    /// Whether the card must say "mark as each section asks": some seat on
    /// the member's ballot has no source in the data for how it is marked
    /// ([`Marking::Unknown`]); when every one has, each says exactly what to
    /// write instead.
    pub fn mark_as_asked(&self) -> bool {
        self.seat_groups
            .iter()
            .flat_map(|g| &g.seats)
            .any(|s| s.marking == Marking::Unknown)
    }

    /// Builds the advice for `election` and `region`.
    ///
    /// Seats limited to other regions are left out: the member cannot vote for them.
    ///
    /// ```
    /// use slatecard_core::domain::{election::Election, region::RegionId, page::ResultView};
    /// let e = Election::by_id("nec-2022").unwrap();
    /// let v = ResultView::build(e, RegionId::from_slug("northern").unwrap());
    /// assert_eq!(v.entries[0].name, "Yasmine Dar");
    /// assert_eq!(v.entries[0].preference, Some(1));
    /// ```
    pub fn build(election: &'static Election, region: RegionId) -> Self {
        Self::build_in(election, region, Lang::En)
    }

    /// [`ResultView::build`] for a page in `lang`: the data's free text
    /// (the slate's name, summaries, notes) in Welsh on a Welsh page where
    /// the data gives it, else in its own words ([`DataText`]).
    ///
    /// ```
    /// use slatecard_core::domain::{election::Election, model::Lang, page::ResultView, region::RegionId};
    /// let e = Election::by_id("nec-2022").unwrap();
    /// let v = ResultView::build_in(e, RegionId::from_slug("wales").unwrap(), Lang::Cy);
    /// // No Welsh in the data: its English, marked as English.
    /// assert_eq!(v.slate.text, e.slate);
    /// assert_eq!(v.slate.foreign_on(Lang::Cy), Some(Lang::En));
    /// ```
    pub fn build_in(election: &'static Election, region: RegionId, lang: Lang) -> Self {
        let ranked = matches!(election.kind, BallotKind::Ranked);
        let entries = election
            .candidates_for(region)
            .iter()
            .enumerate()
            .map(|(i, c)| EntryView {
                preference: ranked.then_some(i as u8 + 1),
                name: c.name,
                summary: c.summary_in(lang),
                note: c.note_in(lang),
                elected: election.results.as_ref().map(|r| {
                    r.elected
                        .iter()
                        .filter_map(|n| n.candidate)
                        .any(|i| election.candidates[usize::from(i)].id == c.id)
                }),
            })
            .collect::<Vec<_>>();
        let instruction = match election.kind {
            BallotKind::Ranked => Instruction::Rank {
                count: entries.len(),
            },
            BallotKind::Cross { max } => Instruction::Cross {
                count: entries.len(),
                max,
            },
        };
        let source = match (
            election.kind,
            election.order_for(region).map(|o| o.provenance),
        ) {
            (BallotKind::Cross { .. }, _) | (_, None) => OrderSource::NoOrder,
            (_, Some(Provenance::Published { source })) => OrderSource::Published { source },
            (_, Some(Provenance::Generated)) => OrderSource::Generated {
                method: election.generation_in(lang),
            },
            (_, Some(Provenance::PartlyPublished { positions, source })) => {
                OrderSource::PartlyPublished {
                    positions,
                    source,
                    method: election.generation_in(lang),
                }
            }
        };
        let mut seat_groups: Vec<SeatGroup> = Vec::new();
        let mut unopposed = Vec::new();
        // Seats every member can vote for first, then the narrower ones.
        let (everyone, narrower): (Vec<_>, Vec<_>) = election
            .seats_other
            .iter()
            .partition(|s| s.electorate == Electorate::All);
        for seat in everyone.into_iter().chain(narrower) {
            if !seat.regions.is_empty() && !seat.regions.contains(&region) {
                continue;
            }
            let who = Eligibility {
                electorate: seat.electorate,
                region: (!seat.regions.is_empty()).then_some(region),
            };
            let view = SeatView {
                name: seat.name_in(lang),
                picks: seat.picks,
                votes: seat.votes,
                marking: seat.marking,
                published: seat.published,
                note: seat.note_in(lang),
                elected: seat.elected,
                nomination_stage: seat.nomination_stage,
            };
            if seat.unopposed {
                unopposed.push(view);
                continue;
            }
            match seat_groups.iter_mut().find(|g| g.who == who) {
                Some(g) => g.seats.push(view),
                None => seat_groups.push(SeatGroup {
                    who,
                    seats: vec![view],
                }),
            }
        }
        let ballot = ballot_view(election, &entries);
        ResultView {
            election_id: election.id,
            slate: election.slate_in(lang),
            region,
            instruction,
            shared_with: election.order_for(region).map_or(&[], |o| o.shared_with),
            published_elsewhere: if matches!(source, OrderSource::Generated { .. }) {
                published_orders(election)
            } else {
                Vec::new()
            },
            ballot,
            outcome: election.results.as_ref().map(|r| outcome(election, r)),
            results_missing: None,
            entries,
            source,
            seat_groups,
            unopposed,
            notes: election.notes_in(lang),
            why: (election.kind == BallotKind::Ranked && !election.orders.is_empty())
                .then(|| format!("{}/why.html", election.id)),
        }
    }
}

/// Why a result page has no results to show after its ballot: voting has
/// closed and the data has no results yet. How sure that it has closed
/// depends on the dates the data gives ([`Status::Closed`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultsMissing {
    /// Voting closed at a moment the data gives.
    Closed,
    /// The data gives no dates; by the year it was held, the ballot has
    /// most likely closed.
    LikelyClosed,
}

/// The regions whose order the slate published (in full or its first
/// places), with their pages' paths.
fn published_orders(election: &'static Election) -> Vec<(RegionId, String)> {
    election
        .published_orders()
        .map(|o| {
            let link = Link {
                election: Some(election),
                region: Some(o.region),
                ..Link::default()
            };
            (o.region, link.to_path())
        })
        .collect()
}

/// The ballot paper as far as the data knows it: each name with the mark
/// the slate asks for beside it.
fn ballot_view(election: &Election, entries: &[EntryView]) -> BallotView {
    let Some(list) = &election.ballot_list else {
        // Labour's ballots list candidates by surname.
        let mut lines: Vec<BallotLine> = entries
            .iter()
            .map(|e| BallotLine {
                name: e.name,
                mark: Some(e.preference.unwrap_or(0)),
            })
            .collect();
        let surname = super::election::surname;
        super::sort_small_by(&mut lines, |a, b| {
            (surname(a.name), a.name) < (surname(b.name), b.name)
        });
        return BallotView::Unknown(lines);
    };
    let lines = list
        .names
        .iter()
        .map(|n| BallotLine {
            name: n.name,
            mark: n.candidate.map(|i| {
                let name = election.candidates[usize::from(i)].name;
                entries
                    .iter()
                    .find(|e| e.name == name)
                    .and_then(|e| e.preference)
                    .unwrap_or(0)
            }),
        })
        .collect();
    if list.complete {
        BallotView::Complete(lines)
    } else {
        BallotView::Partial(lines)
    }
}

fn outcome(election: &Election, r: &'static Results) -> Outcome {
    let elected: Vec<(&'static str, bool)> = r
        .elected
        .iter()
        .map(|n| (n.name, n.candidate.is_some()))
        .collect();
    Outcome {
        announced: r.announced,
        slate_elected: elected.iter().filter(|(_, slate)| *slate).count(),
        elected,
        slate_size: election.candidates.len(),
        quota: r.quota,
        slate_counts: slate_counts(election, r),
        rounds: r
            .rounds
            .iter()
            .filter_map(|&(i, round)| Some((r.elected.get(usize::from(i))?.name, round)))
            .collect(),
        changes: r.changes,
    }
}

/// Each slate candidate's published first preferences or votes, most first,
/// those not published last; empty when none of theirs was published.
fn slate_counts(election: &Election, r: &Results) -> Vec<(&'static str, Option<u32>)> {
    if r.counts.is_empty() {
        return Vec::new();
    }
    let published = r.counts.iter().map(|c| {
        (
            election.candidates[usize::from(c.candidate)].name,
            Some(c.votes),
        )
    });
    let missing = election
        .candidates
        .iter()
        .enumerate()
        .filter(|(i, _)| !r.counts.iter().any(|c| usize::from(c.candidate) == *i))
        .map(|(_, c)| (c.name, None));
    published.chain(missing).collect()
}

/// What the postcode field says about a lookup that did not settle the region.
pub fn feedback(lookup: &Result<Answer, LookupError>) -> Feedback {
    match lookup {
        Err(e) => Feedback::Problem(e.clone()),
        Ok(answer) => Feedback::Answer {
            choices: match &answer.resolution {
                Resolution::Choice(regions) => regions.clone(),
                _ => Vec::new(),
            },
            // Not for PO boxes: those members live somewhere in the UK.
            international: matches!(
                &answer.resolution,
                Resolution::Outside(e) if *e != Elsewhere::NonGeographic
            )
            .then(RegionId::international),
            answer: answer.clone(),
        },
    }
}

/// The ways to choose a region on `model`'s page (its postcode box, the
/// remembered region, the list of regions). Reads no election's data (only
/// its id, for the paths), so the postcode island can draw its box from it
/// without carrying the elections' text.
pub fn chooser(model: &Model) -> Chooser {
    Chooser {
        // (A postcode waiting for the table, or a region found waiting
        // for the election's pages.)
        feedback: if model.pending.is_some() || model.held.is_some() {
            Some(Feedback::Waiting)
        } else {
            model.lookup.as_ref().map(feedback)
        },
        remembered: model
            .remembered
            .map(|r| (r, model.link_to(Some(model.election), Some(r)).to_path())),
        regions: RegionId::all()
            .map(|r| RegionChoice {
                region: r,
                path: model.link_to(Some(model.election), Some(r)).to_path(),
                outside_uk: r.region().outside_uk,
            })
            .collect(),
    }
}

/// What `model` shows at `now_utc_minutes` (minutes since the Unix epoch, UTC).
///
/// ```
/// use slatecard_core::domain::{link::Link, model::{Mode, Model}, page::{view, Body}};
/// let m = Model::new(Mode::App, &Link::parse("?election=nec-2022&region=london"));
/// let page = view(&m, 0);
/// assert!(matches!(page.body, Body::Result { ref result, .. } if result.region.name() == "London"));
/// assert_eq!(page.link.to_query(), "?election=nec-2022&region=london");
/// ```
pub fn view(model: &Model, now_utc_minutes: i64) -> Page {
    let timing = Timing::of(model.election, now_utc_minutes);
    let body = match model.region {
        Some(region) => Body::Result {
            found: model.found.clone(),
            from_link: !model.interacted,
            result: {
                let built = ResultView::build_in(model.election, region, model.lang);
                ResultView {
                    results_missing: match timing.status {
                        _ if model.election.results.is_some() => None,
                        Status::Closed { closed: Some(_) } => Some(ResultsMissing::Closed),
                        Status::Closed { closed: None } => Some(ResultsMissing::LikelyClosed),
                        Status::Upcoming { .. } | Status::Open { .. } => None,
                    },
                    published_elsewhere: built
                        .published_elsewhere
                        .iter()
                        .map(|(r, path)| (*r, lang_path(model.lang, path)))
                        .collect(),
                    why: built.why.as_deref().map(|p| lang_path(model.lang, p)),
                    ..built
                }
            },
            back: model.link_to(Some(model.election), None).to_path(),
        },
        None => Body::Choose(chooser(model)),
    };
    Page {
        mode: model.mode,
        lang: model.lang,
        election: ElectionHead {
            election: model.election,
            timing,
        },
        // The bundled elections; an election that is not bundled (the
        // organisers' studio's preview of a file) comes first.
        elections: std::iter::once(model.election)
            .filter(|shown| Election::by_id(shown.id).is_none())
            .chain(Election::all())
            .map(|e| ElectionChoice {
                election: e,
                selected: e.id == model.election.id,
                path: model.link_to(Some(e), model.region).to_path(),
            })
            .collect(),
        body,
        link: model.link(),
        take_focus: model.interacted,
        unknown: model.unknown.clone(),
        remember: model.to_remember(),
        theme: model.theme,
        accent: model.accent.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Moment;

    fn at(s: &str) -> i64 {
        Moment::parse(s).unwrap().start_utc_minutes()
    }

    fn region(slug: &str) -> RegionId {
        RegionId::from_slug(slug).unwrap()
    }

    #[test]
    fn timing_by_date() {
        let e = Election::by_id("nec-2022").unwrap();
        let opens = e.opens.unwrap();
        let closes = e.closes.unwrap();
        assert_eq!(
            Timing::of(e, at("2022-07-01")).status,
            Status::Upcoming { opens }
        );
        let open = Timing::of(e, at("2022-08-01"));
        assert_eq!(
            open.status,
            Status::Open {
                closes: Some(closes)
            }
        );
        assert!(open.is_open());
        // Open all of 30 August, UK time (BST), closed from midnight.
        assert!(Timing::of(e, at("2022-08-30T23:59")).is_open());
        assert_eq!(
            Timing::of(e, at("2022-08-31")).status,
            Status::Closed {
                closed: Some(closes)
            }
        );
        let e2020 = Election::by_id("nec-2020").unwrap();
        assert!(Timing::of(e2020, at("2020-11-12T11:59")).is_open());
        assert!(!Timing::of(e2020, at("2020-11-12T12:00")).is_open());
        // No close in the sources: open until the day they show it had ended.
        let e2026 = Election::by_id("nec-2026").unwrap();
        let ended_by = e2026.ended_by.unwrap();
        assert_eq!(
            Timing::of(e2026, at(&ended_by.to_string())),
            Timing {
                status: Status::Closed { closed: None },
                held: 2026,
                today: ended_by,
            }
        );
        assert!(Timing::of(e2026, at("2026-08-01")).is_open());
    }

    #[test]
    fn a_page_is_fresh_until_its_timing_text_changes() {
        let year = 366 * 24 * 60;
        let e = Election::by_id("nec-2022").unwrap();
        // Upcoming: until voting opens.
        let opens = e.opens.unwrap().start_utc_minutes();
        assert_eq!(Timing::fresh_until(e, at("2022-07-01"), year), opens);
        // Open: "closes in 2 days" lasts until midnight, UK time (BST).
        assert_eq!(
            Timing::fresh_until(e, at("2022-08-28T15:30"), year),
            at("2022-08-29")
        );
        // The last day, until the end of it, when voting closes.
        assert_eq!(
            Timing::fresh_until(e, at("2022-08-30T09:00"), year),
            at("2022-08-31")
        );
        // Closed: nothing changes any more, so up to the horizon.
        let now = at("2023-01-01");
        assert_eq!(Timing::fresh_until(e, now, year), now + year);
        // 2020 closed at midday.
        let e2020 = Election::by_id("nec-2020").unwrap();
        assert_eq!(
            Timing::fresh_until(e2020, at("2020-11-12T08:00"), year),
            at("2020-11-12T12:00")
        );
    }

    #[test]
    fn a_page_carries_each_later_change_of_its_status() {
        let year = 366 * 24 * 60;
        let e = Election::by_id("nec-2022").unwrap();
        let later = Timing::later(e, at("2022-07-01"), year);
        // Opens, then a day less to go each midnight (UK time), then closed.
        let opens = e.opens.unwrap().start_utc_minutes();
        assert_eq!(later[0], (opens, Timing::of(e, opens)));
        assert!(later[0].1.is_open());
        assert!(later
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[0].1 != w[1].1));
        assert!(later.iter().any(|(m, _)| *m == at("2022-08-29")));
        assert!(later.last().unwrap().1.is_closed());
        // Each is when the page would stop being fresh.
        let mut now = at("2022-07-01");
        for (m, _) in &later {
            assert_eq!(
                Timing::fresh_until(e, now, year - (now - at("2022-07-01"))),
                *m
            );
            now = *m;
        }
        // Closed: nothing more to say.
        assert!(Timing::later(e, at("2023-01-01"), year).is_empty());
    }

    #[test]
    fn seats_are_filtered_by_region_and_grouped() {
        let e = Election::by_id("nec-2022").unwrap();
        let wales = ResultView::build(e, region("wales"));
        let london = ResultView::build(e, region("london"));
        let names = |v: &ResultView| -> Vec<&str> {
            v.seat_groups
                .iter()
                .flat_map(|g| g.seats.iter().map(|s| s.name.text))
                .collect()
        };
        assert!(names(&wales).contains(&"Welsh representative"));
        assert!(!names(&london).contains(&"Welsh representative"));
        // Seats every member (of the region) votes for come first; a seat
        // limited to some regions names the member's own.
        assert_eq!(
            london.seat_groups[0].who,
            Eligibility {
                electorate: Electorate::All,
                region: Some(region("london"))
            }
        );
        assert!(names(&london).contains(&"National Policy Forum representatives for your region"));
        let northern = ResultView::build(e, region("northern"));
        assert!(names(&northern)
            .contains(&"National Policy Forum representatives for the Northern region"));
        assert!(
            !names(&northern).contains(&"National Policy Forum representatives for your region")
        );
        let treasurer = ResultView::build(Election::by_id("nec-2020").unwrap(), region("london"));
        assert_eq!(
            treasurer.seat_groups[0].who,
            Eligibility {
                electorate: Electorate::All,
                region: None
            }
        );
        let councillors = london
            .seat_groups
            .iter()
            .find(|g| g.who.electorate == Electorate::Councillors)
            .unwrap();
        assert_eq!(
            councillors.seats[0].picks,
            ["Cllr Matt White", "Cllr Aneesa Akbar"]
        );
        assert_eq!(councillors.seats[0].votes, 2);
        // Every group says who may vote once: no two groups share eligibility.
        for v in [&wales, &london] {
            for (i, g) in v.seat_groups.iter().enumerate() {
                assert!(v.seat_groups[i + 1..].iter().all(|h| h.who != g.who));
            }
        }
    }

    #[test]
    fn cross_ballot_has_no_numbers() {
        let e = Election::by_id("nec-2018").unwrap();
        let v = ResultView::build(e, region("scotland"));
        assert_eq!(v.entries.len(), 9);
        assert!(v.entries.iter().all(|x| x.preference.is_none()));
        assert_eq!(v.source, OrderSource::NoOrder);
        assert_eq!(v.instruction, Instruction::Cross { count: 9, max: 9 });
        let names: Vec<&str> = v.entries.iter().map(|x| x.name).collect();
        assert_eq!(names[0], "Yasmine Dar");
        assert_eq!(names[8], "Peter Willsman");
    }

    #[test]
    fn ranked_ballot_numbers_every_candidate() {
        let e = Election::by_id("nec-2022").unwrap();
        for r in RegionId::all() {
            let v = ResultView::build(e, r);
            assert_eq!(v.instruction, Instruction::Rank { count: 5 });
            let prefs: Vec<Option<u8>> = v.entries.iter().map(|x| x.preference).collect();
            assert_eq!(prefs, [1, 2, 3, 4, 5].map(Some));
            assert_ne!(v.source, OrderSource::NoOrder);
        }
    }
}
