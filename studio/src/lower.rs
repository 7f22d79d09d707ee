//! An election file, once checked, as the app's tables hold it: the
//! [`ElectionData`] the core's `view` and the UI's components draw, made at
//! run time. `core/build.rs` makes the same tables at build time as Rust
//! source, by the same rules (`slatecard_data_format::organise::tables`:
//! which order each region gets, the ballot list's order, the slate's
//! counts and rounds); `tests` below check, for every bundled election,
//! that the two agree field for field, so the preview is what members
//! will see.
//!
//! The text is leaked (`&'static`, as the core's tables are): tens of KB
//! per preview drawn, for the life of the studio's tab.

use slatecard_core::domain::date::Date;
use slatecard_core::domain::election::{
    BallotKind, BallotList, Candidate, Change, Count, Election, ElectionData, Electorate, Marking,
    Named, Provenance, RegionOrder, Results, Seat, Source,
};
use slatecard_core::domain::region::RegionId;
use slatecard_data_format::organise::tables;
use slatecard_data_format::{self as data, ElectionDef, OrderDef, SchemeDef};

fn text(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

fn list<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

/// A Welsh form the data gives (`summary_cy`), or `None` when it leaves it
/// out (or empty), as build.rs.
fn welsh(s: &str) -> Option<&'static str> {
    (!s.is_empty()).then(|| text(s))
}

fn texts(items: &[String]) -> &'static [&'static str] {
    list(items.iter().map(|s| text(s)).collect())
}

/// A `YYYY-MM-DD` the format has checked (`None` if it is not one).
fn date(s: &str) -> Option<Date> {
    Date::parse(s).ok()
}

fn region(id: &str) -> Option<RegionId> {
    RegionId::from_slug(id)
}

/// `def` (checked by `slatecard_data_format::parse_election` against the
/// bundled regions), as the app's [`Election`], with `fingerprint` as
/// `slatecard check` prints it.
///
/// # Errors
/// A region id the bundled regions do not have, or a candidate id the
/// slate does not have: things the checks rule out, said in words rather
/// than a panic.
pub fn election(
    def: &ElectionDef,
    scheme: &SchemeDef,
    fingerprint: &str,
) -> Result<&'static Election, String> {
    let data: &'static ElectionData = Box::leak(Box::new(election_data(def, scheme)?));
    Ok(Box::leak(Box::new(Election::given(
        (text(&def.id), text(&def.title), text(&def.short_title)),
        def.ballot.held,
        text(fingerprint),
        data,
    ))))
}

/// Everything but the names: what [`Election`] derefs to.
///
/// # Errors
/// As [`election`].
pub fn election_data(e: &ElectionDef, scheme: &SchemeDef) -> Result<ElectionData, String> {
    let b = &e.ballot;
    let candidate = |id: &str| {
        e.candidates
            .iter()
            .position(|c| c.id == id)
            .and_then(|i| u8::try_from(i).ok())
            .ok_or_else(|| format!("the slate has no candidate \"{id}\""))
    };
    let orders = tables::region_orders(e, scheme)
        .into_iter()
        .map(|(id, o)| order(id, o, &candidate))
        .collect::<Result<Vec<_>, String>>()?;
    Ok(ElectionData {
        title_cy: welsh(&e.title_cy),
        organisation: text(&e.organisation),
        slate: text(&e.slate),
        slate_cy: welsh(&e.slate_cy),
        slate_backers: text(&e.slate_backers),
        version: e.version,
        updated: date(&e.updated).ok_or("`updated` is not a date")?,
        kind: match b.kind {
            data::BallotKind::Ranked => BallotKind::Ranked,
            data::BallotKind::Cross => BallotKind::Cross { max: b.seats },
        },
        seats: b.seats,
        opens: b.opens_moment().ok().flatten(),
        closes: b.closes_moment().ok().flatten(),
        ended_by: b.ended_by.as_deref().and_then(date),
        generation: e.generation.as_ref().map_or("", |g| text(&g.description)),
        generation_cy: e.generation.as_ref().and_then(|g| welsh(&g.description_cy)),
        candidates: list(
            e.candidates
                .iter()
                .map(|c| Candidate {
                    id: text(&c.id),
                    name: text(&c.name),
                    summary: text(&c.summary),
                    summary_cy: welsh(&c.summary_cy),
                    note: text(&c.note),
                    note_cy: welsh(&c.note_cy),
                })
                .collect(),
        ),
        ballot_list: e.ballot_list.as_ref().map(|l| ballot_list(e, l)),
        results: e.results.as_ref().map(|r| results(e, r)),
        orders: list(orders),
        seats_other: list(
            e.seats
                .iter()
                .map(|s| seat(e, s))
                .collect::<Result<Vec<_>, String>>()?,
        ),
        notes: texts(&e.notes),
        notes_cy: texts(&e.notes_cy),
        sources: list(
            e.sources
                .iter()
                .map(|s| Source {
                    title: text(&s.title),
                    publisher: text(&s.publisher),
                    date: s.date.as_deref().and_then(date),
                    url: text(&s.url),
                    used_for: text(&s.used_for),
                    used_for_cy: welsh(&s.used_for_cy),
                })
                .collect(),
        ),
    })
}

fn order(
    id: &str,
    o: &OrderDef,
    candidate: &dyn Fn(&str) -> Result<u8, String>,
) -> Result<RegionOrder, String> {
    let source = || text(o.source.as_deref().unwrap_or(""));
    Ok(RegionOrder {
        region: region(id).ok_or_else(|| format!("no region \"{id}\""))?,
        order: list(
            o.order
                .iter()
                .map(|c| candidate(c))
                .collect::<Result<Vec<_>, _>>()?,
        ),
        provenance: match o.provenance {
            data::Provenance::Published => Provenance::Published { source: source() },
            data::Provenance::Generated => Provenance::Generated,
            data::Provenance::PartlyPublished => Provenance::PartlyPublished {
                positions: o.published_positions.unwrap_or(0),
                source: source(),
            },
        },
        shared_with: list(
            o.region_ids()
                .into_iter()
                .filter(|r| *r != id)
                .filter_map(region)
                .collect(),
        ),
    })
}

/// The slate candidate a ballot-list or result name is.
fn named(e: &ElectionDef, name: &str) -> Named {
    Named {
        name: text(name),
        candidate: tables::candidate_named(e, name).and_then(|i| u8::try_from(i).ok()),
    }
}

fn ballot_list(e: &ElectionDef, l: &data::BallotListDef) -> BallotList {
    BallotList {
        complete: l.complete,
        names: list(
            tables::ballot_names(l)
                .into_iter()
                .map(|n| named(e, n))
                .collect(),
        ),
    }
}

fn results(e: &ElectionDef, r: &data::ResultsDef) -> Results {
    let counts = tables::slate_counts(e, r);
    let rounds = tables::elected_rounds(r)
        .into_iter()
        .filter_map(|(i, round)| Some((u8::try_from(i).ok()?, round)))
        .collect();
    Results {
        announced: r.announced.as_deref().and_then(date),
        elected: list(r.elected.iter().map(|n| named(e, n)).collect()),
        quota: r.quota.map(|q| text(&q.to_string())),
        counts: list(
            counts
                .into_iter()
                .filter_map(|(i, votes)| {
                    Some(Count {
                        candidate: u8::try_from(i).ok()?,
                        votes,
                    })
                })
                .collect(),
        ),
        rounds: list(rounds),
        changes: list(
            r.changes
                .iter()
                .map(|c| Change {
                    date: c.date.as_deref().and_then(date),
                    left: text(&c.left),
                    joined: text(&c.joined),
                    note: text(&c.note),
                    note_cy: welsh(&c.note_cy),
                })
                .collect(),
        ),
    }
}

fn seat(e: &ElectionDef, s: &data::SeatDef) -> Result<Seat, String> {
    let result = e
        .results
        .iter()
        .flat_map(|r| &r.seats)
        .find(|r| r.seat == s.id);
    Ok(Seat {
        id: text(&s.id),
        name: text(&s.name),
        name_cy: welsh(&s.name_cy),
        electorate: match s.electorate {
            data::Electorate::All => Electorate::All,
            data::Electorate::Youth => Electorate::Youth,
            data::Electorate::Bame => Electorate::Bame,
            data::Electorate::Disabled => Electorate::Disabled,
            data::Electorate::Councillors => Electorate::Councillors,
        },
        votes: s.votes,
        marking: match s.marking {
            None => Marking::Unknown,
            Some(data::Marking::Numbers) => Marking::Numbers,
            Some(data::Marking::Crosses) => Marking::Crosses,
        },
        regions: list(
            s.regions
                .iter()
                .map(|r| region(r).ok_or_else(|| format!("no region \"{r}\"")))
                .collect::<Result<Vec<_>, _>>()?,
        ),
        picks: texts(&s.picks),
        published: s.published,
        note: text(&s.note),
        note_cy: welsh(&s.note_cy),
        elected: result.map_or(&[][..], |r| texts(&r.elected)),
        unopposed: result.is_some_and(|r| r.unopposed),
        nomination_stage: s.picks_stage == data::PicksStage::Nomination,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bundled election, made at run time from its file, equals the
    /// table build.rs made from the same file.
    #[test]
    fn every_bundled_election_lowers_to_its_table() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let scheme_text =
            std::fs::read_to_string(root.join(data::SCHEME_PATH)).expect("regions file");
        let scheme = data::parse_scheme(data::SCHEME_PATH, &scheme_text).expect("regions");
        let (files, _) = data::election_files(&root.join(data::ELECTIONS_PATH));
        assert!(files.len() >= 5, "{files:?}");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("election file");
            let def = data::parse_election(&file.display().to_string(), &text, &scheme)
                .expect("a bundled file passes its checks");
            let bundled = Election::by_id(&def.id).expect("bundled");
            let made = election(&def, &scheme, bundled.fingerprint).expect("lowers");
            assert_eq!(made.title, bundled.title, "{}", def.id);
            assert_eq!(made.held, bundled.held, "{}", def.id);
            assert_eq!(**made, **bundled, "{}", def.id);
        }
    }
}
