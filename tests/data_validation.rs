//! Every check the build applies to data files fires, with the file, the
//! entry and what is wrong. Each case edits the real NEC 2022 file minimally.
#![cfg(not(target_arch = "wasm32"))]

use slatecard_data_format::{parse_election, parse_scheme, DataError, SchemeDef};

const SCHEME: &str = include_str!("../data/regions/labour.toml");
const NEC_2022: &str = include_str!("../data/elections/nec-2022.toml");
const FILE: &str = "data/elections/nec-2022.toml";

fn scheme() -> SchemeDef {
    parse_scheme("data/regions/labour.toml", SCHEME).expect("bundled scheme is valid")
}

/// Parses `text`, which must fail; returns the error.
fn rejected(text: &str) -> DataError {
    match parse_election(FILE, text, &scheme()) {
        Ok(_) => panic!("expected a rejection"),
        Err(e) => e,
    }
}

/// `line L, column C` of the value of the first `key = value` line that
/// starts with `needle` in `text` (the value starts after `key = `).
fn value_position(text: &str, needle: &str) -> String {
    let at = text.find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
    let line = text[..at].matches('\n').count() + 1;
    let column = needle.find("= ").expect("a key = value needle") + 3;
    format!("line {line}, column {column}")
}

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "fixture missing {from:?}");
    text.replacen(from, to, 1)
}

#[test]
fn bundled_files_are_valid() {
    let s = scheme();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/elections");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let file = path.display().to_string();
            parse_election(&file, &text, &s).unwrap_or_else(|e| panic!("{e}"));
            count += 1;
        }
    }
    assert!(count >= 3);
}

#[test]
fn rejects_unknown_candidate_in_order() {
    let text = replace_once(
        NEC_2022,
        r#"order = ["dar", "wimborne-idrissi", "rahman", "barnard", "bolton"]"#,
        r#"order = ["dar", "wimborne-idrissi", "rahman", "barnard", "corbyn"]"#,
    );
    let e = rejected(&text);
    assert_eq!(e.file, FILE);
    assert_eq!(e.entry, r#"orders[region = "northern"]"#);
    assert_eq!(e.problem, r#"candidate "corbyn" is not on the slate"#);
    assert_eq!(
        e.to_string(),
        r#"data/elections/nec-2022.toml: orders[region = "northern"]: candidate "corbyn" is not on the slate"#
    );
}

#[test]
fn rejects_order_that_is_not_a_permutation() {
    let repeated = replace_once(
        NEC_2022,
        r#"order = ["dar", "wimborne-idrissi", "rahman", "barnard", "bolton"]"#,
        r#"order = ["dar", "wimborne-idrissi", "rahman", "barnard", "dar"]"#,
    );
    let e = rejected(&repeated);
    assert_eq!(e.entry, r#"orders[region = "northern"]"#);
    assert!(
        e.problem.contains(r#"candidate "dar" appears twice"#),
        "{e}"
    );

    let short = replace_once(
        NEC_2022,
        r#"order = ["dar", "wimborne-idrissi", "rahman", "barnard", "bolton"]"#,
        r#"order = ["dar", "wimborne-idrissi", "rahman", "barnard"]"#,
    );
    let e = rejected(&short);
    assert_eq!(e.problem, "not a permutation of the slate: missing bolton");
}

#[test]
fn rejects_region_without_order() {
    let start = NEC_2022
        .find("[[orders]]\nregion = \"wales\"")
        .expect("wales order");
    let end = start
        + NEC_2022[start..]
            .find("\n\n")
            .expect("blank line after table")
        + 2;
    let text = format!("{}{}", &NEC_2022[..start], &NEC_2022[end..]);
    let e = rejected(&text);
    assert_eq!(e.entry, "orders");
    assert_eq!(e.problem, r#"region "wales" (Wales) has no order"#);
}

#[test]
fn rejects_duplicate_ids() {
    let text = replace_once(NEC_2022, "id = \"bolton\"", "id = \"barnard\"");
    let e = rejected(&text);
    assert_eq!(e.entry, r#"candidates[id = "barnard"]"#);
    assert_eq!(e.problem, r#"duplicate id "barnard""#);

    let seats = replace_once(NEC_2022, "id = \"bame\"", "id = \"youth\"");
    assert_eq!(rejected(&seats).problem, r#"duplicate id "youth""#);

    let orders = replace_once(NEC_2022, "region = \"wales\"", "region = \"london\"");
    let e = rejected(&orders);
    assert_eq!(e.entry, r#"orders[region = "london"]"#);
    assert_eq!(e.problem, r#"region "london" has more than one order"#);
}

#[test]
fn rejects_impossible_dates() {
    let text = replace_once(
        NEC_2022,
        "closes = \"2022-08-30\"",
        "closes = \"2022-02-30\"",
    );
    let e = rejected(&text);
    assert_eq!(e.entry, "ballot.closes");
    assert_eq!(e.problem, r#""2022-02-30" is not a real date or time"#);

    let text = replace_once(
        NEC_2022,
        "closes = \"2022-08-30\"",
        "closes = \"30/08/2022\"",
    );
    assert!(rejected(&text)
        .problem
        .contains("not a date in the form YYYY-MM-DD"));

    let text = replace_once(
        NEC_2022,
        "closes = \"2022-08-30\"",
        "closes = \"2022-07-01\"",
    );
    let e = rejected(&text);
    assert_eq!(e.entry, "ballot.closes");
    assert_eq!(
        e.problem,
        "closes (2022-07-01) before it opens (2022-07-25)"
    );

    let text = replace_once(
        NEC_2022,
        "closes = \"2022-08-30\"",
        "closes = \"2023-08-30\"",
    );
    assert_eq!(
        rejected(&text).problem,
        "date 2023-08-30 is not in the year held (2022)"
    );
}

#[test]
fn rejects_unknown_fields_with_a_line_number() {
    let text = replace_once(
        NEC_2022,
        "name = \"Jess Barnard\"",
        "nmae = \"Jess Barnard\"",
    );
    let e = rejected(&text);
    assert!(e.entry.starts_with("line "), "{e}");
    assert!(e.problem.contains("unknown field `nmae`"), "{e}");
}

#[test]
fn rejects_bad_provenance_and_seats() {
    let text = replace_once(
        NEC_2022,
        "provenance = \"published\"\nsource = \"https://nell.network/news/labour-internal-elections-alert/\"",
        "provenance = \"published\"",
    );
    assert!(rejected(&text)
        .problem
        .contains("a published order needs a `source`"));

    // Values outside a fixed list are rejected by the parser, on their line,
    // with the values allowed.
    let text = replace_once(
        NEC_2022,
        "provenance = \"generated\"",
        "provenance = \"guessed\"",
    );
    let e = rejected(&text);
    assert_eq!(e.entry, value_position(&text, "provenance = \"guessed\""));
    assert_eq!(
        e.problem,
        r#"unknown provenance "guessed" (use "published", "generated" or "partly-published")"#
    );

    let text = replace_once(NEC_2022, "regions = [\"wales\"]", "regions = [\"cymru\"]");
    let e = rejected(&text);
    assert_eq!(e.entry, r#"seats[id = "wales"]"#);
    assert_eq!(e.problem, r#"unknown region "cymru""#);

    let text = replace_once(NEC_2022, "electorate = \"youth\"", "electorate = \"young\"");
    let e = rejected(&text);
    assert_eq!(e.entry, value_position(&text, "electorate = \"young\""));
    assert_eq!(
        e.problem,
        r#"unknown electorate "young" (use "all", "youth", "bame", "disabled" or "councillors")"#
    );

    let text = replace_once(NEC_2022, "votes = 2\n", "votes = 1\n");
    assert_eq!(
        rejected(&text).problem,
        "2 picks but a voter has only 1 votes"
    );

    let text = replace_once(NEC_2022, "published = false", "published = true");
    assert!(rejected(&text).problem.contains("never guess"));
}

#[test]
fn rejects_orders_on_a_cross_ballot() {
    let text = replace_once(NEC_2022, "kind = \"ranked\"", "kind = \"cross\"");
    assert_eq!(
        rejected(&text).problem,
        "a cross ballot has no preference order: remove the orders"
    );
    let text = replace_once(NEC_2022, "kind = \"ranked\"", "kind = \"approval\"");
    let e = rejected(&text);
    let position = value_position(&text, "kind = \"approval\"");
    assert_eq!(e.entry, position);
    assert_eq!(
        e.problem,
        r#"unknown ballot kind "approval" (use "ranked" or "cross")"#
    );
    assert_eq!(
        e.to_string(),
        format!(
            r#"data/elections/nec-2022.toml: {position}: unknown ballot kind "approval" (use "ranked" or "cross")"#
        )
    );
}

#[test]
fn rejects_unknown_time_zone_and_method() {
    let text = replace_once(
        NEC_2022,
        "time_zone = \"Europe/London\"",
        "time_zone = \"Europe/Paris\"",
    );
    assert_eq!(
        rejected(&text).problem,
        r#"unknown ballot time zone "Europe/Paris" (use "Europe/London")"#
    );
    let text = replace_once(
        NEC_2022,
        "method = \"balanced-v1\"",
        "method = \"balanced\"",
    );
    assert_eq!(
        rejected(&text).problem,
        r#"unknown generation method "balanced" (use "balanced-v1")"#
    );
}

#[test]
fn rejects_bad_scheme() {
    let text = SCHEME.replacen("id = \"london\"", "id = \"wales\"", 1);
    let e = parse_scheme("labour.toml", &text).unwrap_err();
    assert_eq!(e.problem, r#"duplicate id "wales""#);
    let text = SCHEME.replacen("id = \"london\"", "id = \"London\"", 1);
    assert!(parse_scheme("labour.toml", &text)
        .unwrap_err()
        .problem
        .contains("lower-case"));
}

const NEC_2024: &str = include_str!("../data/elections/nec-2024.toml");
const NEC_2020: &str = include_str!("../data/elections/nec-2020.toml");

#[test]
fn rejects_facts_without_a_source() {
    // A pick with no source.
    let text = replace_once(
        NEC_2022,
        "published = true\nsources = [\"labour-briefing-2022-07-19\"]\n",
        "published = true\n",
    );
    let e = rejected(&text);
    assert_eq!(e.entry, r#"seats[id = "youth"]"#);
    assert_eq!(
        e.problem,
        r#"a seat's picks needs `sources = ["…"]`: the ids of the [[sources]] that give it"#
    );
    // Dates with no source.
    let text = replace_once(
        NEC_2022,
        "sources = [\"labour-briefing-2022-07-19\", \"clpd-2022-grassroots5\"]\n",
        "",
    );
    let e = rejected(&text);
    assert_eq!(e.entry, "ballot");
    assert!(e.problem.starts_with("a date needs `sources"), "{e}");
    // A source id that is not in the file.
    let text = replace_once(
        NEC_2022,
        "sources = [\"nell-2022-alert\"]",
        "sources = [\"nell\"]",
    );
    let e = rejected(&text);
    assert!(
        e.problem.starts_with(r#"source "nell" is not in this file's [[sources]] (known: labour-briefing-2022-07-19, "#),
        "{e}"
    );
    // Results with no source.
    let text = replace_once(
        NEC_2022,
        "sources = [\"labourlist-2022-09-results\", \"jewish-news-2022-09\"]",
        "sources = []",
    );
    let e = rejected(&text);
    assert_eq!(e.entry, "results");
    assert!(e.problem.starts_with("the results needs `sources"), "{e}");
}

#[test]
fn rejects_bad_sources() {
    let text = replace_once(
        NEC_2022,
        "url = \"https://nell.network/",
        "url = \"http://nell.network/",
    );
    let e = rejected(&text);
    assert_eq!(e.entry, r#"sources[id = "nell-2022-alert"]"#);
    assert!(
        e.problem
            .contains("must be a web address starting with https://"),
        "{e}"
    );
    let text = replace_once(
        NEC_2022,
        "url = \"https://nell.network/",
        "url = \"javascript:alert(1)//",
    );
    assert!(rejected(&text).problem.contains("https://"));
    let text = replace_once(
        NEC_2022,
        "id = \"nell-2022-alert\"",
        "id = \"labour-briefing-2022-07-19\"",
    );
    assert_eq!(
        rejected(&text).problem,
        r#"duplicate id "labour-briefing-2022-07-19""#
    );
    let text = replace_once(NEC_2022, "date = \"2022-08-03\"", "date = \"2022-02-30\"");
    let e = rejected(&text);
    assert_eq!(e.entry, r#"sources[id = "nell-2022-alert"]"#);
    assert!(e.problem.starts_with("`date`: "), "{e}");
}

#[test]
fn rejects_bad_ballot_lists() {
    let text = replace_once(NEC_2024, "\"Rahman, Mish\", ", "");
    let e = rejected(&text);
    assert_eq!(e.entry, "ballot_list");
    assert_eq!(
        e.problem,
        r#"slate candidate "Mish Rahman" is not in `names`: every slate candidate is on the ballot"#
    );
    let text = replace_once(NEC_2024, "\"Rahman, Mish\"", "\"Mish Rahman\"");
    assert_eq!(
        rejected(&text).problem,
        r#"write "Mish Rahman" as `Surname, Forename`, with one comma"#
    );
    let text = replace_once(NEC_2024, "\"Thomas, Jane\"", "\"Black, Ann\"");
    assert_eq!(rejected(&text).problem, r#""Black, Ann" is listed twice"#);
    // A complete list must hold everyone elected.
    let text = replace_once(NEC_2024, "complete = false", "complete = true");
    let text = replace_once(&text, "\"Arnold, Cat\", ", "");
    let e = rejected(&text);
    assert_eq!(e.entry, "results");
    assert_eq!(
        e.problem,
        r#""Cat Arnold" is not in the complete `ballot_list`"#
    );
}

#[test]
fn rejects_bad_results() {
    let text = replace_once(
        NEC_2024,
        "\"Ann Black\", ",
        "\"Ann Black\", \"Mish Rahman\", ",
    );
    assert_eq!(
        rejected(&text).problem,
        "`elected` lists 10 names; the section has 9 seats"
    );
    let text = replace_once(
        NEC_2024,
        "\"Jane Thomas\"",
        "\"jane  thomas\", \"Jane Thomas\"",
    );
    assert!(rejected(&text).problem.contains("is listed twice"));
    let text = replace_once(
        NEC_2024,
        "announced = \"2024-09-18\"",
        "announced = \"2024-09-01\"",
    );
    assert_eq!(
        rejected(&text).problem,
        "results announced (2024-09-01) before voting closed"
    );
    let text = replace_once(NEC_2024, "{ seat = \"bame\"", "{ seat = \"bme\"");
    let e = rejected(&text);
    assert_eq!(e.entry, r#"results.seats[seat = "bme"]"#);
    assert_eq!(e.problem, r#"no seat "bme" in [[seats]]"#);
    let text = replace_once(NEC_2022, "votes = 4686", "votes = 0");
    assert!(rejected(&text).problem.contains("has 0 votes"));
    let text = replace_once(NEC_2022, "counts = [", "quota = 0.5\ncounts = [");
    assert_eq!(
        rejected(&text).problem,
        "quota 0.5 is not a number of votes"
    );
}

#[test]
fn rejects_bad_shared_lists() {
    let text = replace_once(
        NEC_2020,
        "regions = [\"northern\", \"south-west\"]",
        "regions = [\"northern\"]",
    );
    assert_eq!(
        rejected(&text).problem,
        "`regions` is for a list shared by two regions or more: use `region` for one"
    );
    let text = replace_once(
        NEC_2020,
        "regions = [\"northern\", \"south-west\"]",
        "region = \"northern\"\nregions = [\"northern\", \"south-west\"]",
    );
    assert!(rejected(&text).problem.starts_with("give either `region"));
    let text = replace_once(
        NEC_2020,
        "regions = [\"northern\", \"south-west\"]",
        "regions = [\"northern\", \"south-west\", \"london\"]",
    );
    let e = rejected(&text);
    assert_eq!(e.problem, r#"region "london" has more than one order"#);
}

#[test]
fn rejects_ended_by_beside_a_close() {
    let text = replace_once(
        NEC_2024,
        "closes = \"2024-09-17T12:00\"",
        "closes = \"2024-09-17T12:00\"\nended_by = \"2024-09-20\"",
    );
    let e = rejected(&text);
    assert_eq!(e.entry, "ballot.ended_by");
    assert!(e.problem.contains("remove it"), "{e}");
}
