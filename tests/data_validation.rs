//! The checks of cross-references inside an election file (ballot lists,
//! results, shared lists) fire, through the API the build's callers use
//! (`parse_election`). Each case edits a real file minimally; the kinds of
//! bad data with their exact positions are in `data-format/tests/check.rs`.
#![cfg(not(target_arch = "wasm32"))]

use slatecard_data_format::{parse_election, parse_scheme, Problem, SchemeDef};

const SCHEME: &str = include_str!("../data/regions/labour.toml");
const NEC_2022: &str = include_str!("../data/elections/nec-2022.toml");
const FILE: &str = "data/elections/nec-2022.toml";

fn scheme() -> SchemeDef {
    parse_scheme("data/regions/labour.toml", SCHEME).expect("bundled scheme is valid")
}

/// Parses `text`, which must fail; returns the first problem. The file
/// name is the one whose id the text has.
fn rejected(text: &str) -> Problem {
    let id = text
        .lines()
        .find_map(|l| l.strip_prefix("id = \""))
        .and_then(|rest| rest.split('"').next())
        .expect("an election id");
    let file = format!("data/elections/{id}.toml");
    match parse_election(&file, text, &scheme()) {
        Ok(_) => panic!("expected a rejection"),
        Err(e) => e.problems[0].clone(),
    }
}

/// `(line, column)` of the value of the first `key = value` line that
/// starts with `needle` in `text` (the value starts after `key = `).
fn value_position(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
    let line = text[..at].matches('\n').count() + 1;
    let column = needle.find("= ").expect("a key = value needle") + 3;
    (line, column)
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
fn rejects_unknown_time_zone_and_method() {
    let text = replace_once(
        NEC_2022,
        "time_zone = \"Europe/London\"",
        "time_zone = \"Europe/Paris\"",
    );
    let e = rejected(&text);
    assert_eq!(
        e.message,
        r#"unknown ballot time zone "Europe/Paris" (use "Europe/London")"#
    );
    assert_eq!(e.file, FILE);
    assert_eq!((e.line, e.column), value_position(&text, "time_zone = "));
    let text = replace_once(
        NEC_2022,
        "method = \"balanced-v1\"",
        "method = \"balanced\"",
    );
    assert_eq!(
        rejected(&text).message,
        r#"unknown generation method "balanced" (use "balanced-v1")"#
    );
}

#[test]
fn rejects_bad_scheme() {
    let text = SCHEME.replacen("id = \"london\"", "id = \"wales\"", 1);
    let e = parse_scheme("labour.toml", &text).unwrap_err();
    assert_eq!(e.problems[0].message, r#"region id "wales" is used twice"#);
    let text = SCHEME.replacen("id = \"london\"", "id = \"London\"", 1);
    assert!(parse_scheme("labour.toml", &text).unwrap_err().problems[0]
        .message
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
    assert_eq!(
        e.message,
        r#"a seat's picks needs `sources = ["…"]`: the ids of the [[sources]] that give it"#
    );
    // Dates with no source.
    let text = replace_once(
        NEC_2022,
        "sources = [\"labour-briefing-2022-07-19\", \"clpd-2022-grassroots5\"]\n",
        "",
    );
    let e = rejected(&text);
    assert!(e.message.starts_with("a date needs `sources"), "{e}");
    // A source id that is not in the file.
    let text = replace_once(
        NEC_2022,
        "sources = [\"nell-2022-alert\"]",
        "sources = [\"nell\"]",
    );
    let e = rejected(&text);
    assert_eq!(
        e.message,
        r#"source "nell" is not in this file's [[sources]]"#
    );
    assert_eq!(
        e.help.as_deref(),
        Some(r#"did you mean "nell-2022-alert"?"#)
    );
    // Results with no source.
    let text = replace_once(
        NEC_2022,
        "sources = [\"labourlist-2022-09-results\", \"jewish-news-2022-09\", \"labourlist-2022-09-suspended\"]",
        "sources = []",
    );
    let e = rejected(&text);
    assert!(e.message.starts_with("the results needs `sources"), "{e}");
}

#[test]
fn rejects_bad_ballot_lists() {
    let text = replace_once(NEC_2024, "\"Rahman, Mish\", ", "");
    let e = rejected(&text);
    assert_eq!(
        e.message,
        r#"slate candidate "Mish Rahman" is not in `names`"#
    );
    let text = replace_once(NEC_2024, "\"Rahman, Mish\"", "\"Mish Rahman\"");
    assert_eq!(
        rejected(&text).message,
        r#"write "Mish Rahman" as `Surname, Forename`, with one comma"#
    );
    let text = replace_once(NEC_2024, "\"Thomas, Jane\"", "\"Black, Ann\"");
    assert_eq!(
        rejected(&text).message,
        r#""Black, Ann" is listed twice: the same name is given twice"#
    );
    // A complete list must hold everyone elected.
    let text = replace_once(NEC_2024, "complete = false", "complete = true");
    let text = replace_once(&text, "\"Arnold, Cat\", ", "");
    let e = rejected(&text);
    assert_eq!(
        e.message,
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
        rejected(&text).message,
        "`elected` lists 10 names; the section has 9 seats"
    );
    let text = replace_once(
        NEC_2024,
        "\"Jane Thomas\"",
        "\"jane  thomas\", \"Jane Thomas\"",
    );
    assert_eq!(
        rejected(&text).message,
        r#""jane  thomas": the name has two spaces in a row"#
    );
    let text = replace_once(
        NEC_2024,
        "announced = \"2024-09-18\"",
        "announced = \"2024-09-01\"",
    );
    assert_eq!(
        rejected(&text).message,
        "results announced (2024-09-01) before voting closed"
    );
    let text = replace_once(NEC_2024, "{ seat = \"bame\"", "{ seat = \"bme\"");
    let e = rejected(&text);
    assert_eq!(e.message, r#"there is no seat "bme" in [[seats]]"#);
    let text = replace_once(NEC_2022, "votes = 4686", "votes = 0");
    assert!(rejected(&text).message.contains("has 0 votes"));
    let text = replace_once(NEC_2022, "counts = [", "quota = 0.5\ncounts = [");
    assert_eq!(
        rejected(&text).message,
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
        rejected(&text).message,
        "`regions` is for a list shared by two regions or more: use `region` for one"
    );
    let text = replace_once(
        NEC_2020,
        "regions = [\"northern\", \"south-west\"]",
        "region = \"northern\"\nregions = [\"northern\", \"south-west\"]",
    );
    assert!(rejected(&text).message.starts_with("give either `region"));
    let text = replace_once(
        NEC_2020,
        "regions = [\"northern\", \"south-west\"]",
        "regions = [\"northern\", \"south-west\", \"london\"]",
    );
    let e = rejected(&text);
    assert_eq!(e.message, r#"region "london" has more than one order"#);
}

#[test]
fn rejects_ended_by_beside_a_close() {
    let text = replace_once(
        NEC_2024,
        "closes = \"2024-09-17T12:00\"",
        "closes = \"2024-09-17T12:00\"\nended_by = \"2024-09-20\"",
    );
    let e = rejected(&text);
    assert!(e.message.contains("remove it"), "{e}");
}
