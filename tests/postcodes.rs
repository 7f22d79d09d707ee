//! Postcode → region, checked against real ONS data.
//!
//! - every row of the committed sample (3,000 real postcodes, many on borders);
//! - when `../shared/data/postcode-regions/postcodes-lad.csv.gz` is present,
//!   every live postcode (1,793,086) and every district's region set, and that
//!   the committed table is exactly what the compiler makes from it;
//! - property tests of parsing.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use slatecard::domain::lookup::{resolve, resolve_in, table, Resolution};
use slatecard::domain::postcode::{normalise, parse, slips, PostcodeInput};
use slatecard::domain::region::RegionId;
use slatecard::domain::table::{district_code, district_name, RegionMatch};
use slatecard::text::{catalogue, Catalogue, Lang};
use slatecard_cli::postcodes::{
    csv_fields, encode, read_lad_regions, read_postcodes, SchemeMapper,
};
use slatecard_data_format::{parse_scheme, SchemeDef};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The English words for answers (the catalogue).
fn en() -> &'static impl Catalogue {
    catalogue(Lang::En)
}

const FULL: &str = "../shared/data/postcode-regions/postcodes-lad.csv.gz";

fn scheme() -> SchemeDef {
    parse_scheme("labour.toml", include_str!("../data/regions/labour.toml")).unwrap()
}

fn lad_regions() -> HashMap<String, String> {
    read_lad_regions("data/postcodes/lad-regions.csv").unwrap()
}

fn region_of_lad(mapper: &SchemeMapper, lads: &HashMap<String, String>, lad: &str) -> RegionId {
    let ons = &lads[lad];
    RegionId::from_index(usize::from(mapper.region(lad, ons).unwrap())).unwrap()
}

#[test]
fn every_sample_postcode_resolves_to_its_labour_region() {
    let scheme = scheme();
    let mapper = SchemeMapper::new(&scheme);
    let lads = lad_regions();
    let text = include_str!("fixtures/sample-postcodes.csv");
    let mut checked = 0;
    for line in text.lines().skip(1) {
        let f = csv_fields(line);
        let (pc, lad) = (&f[0], &f[2]);
        let want = region_of_lad(&mapper, &lads, lad);
        let got = resolve(pc).unwrap_or_else(|e| panic!("{pc}: {e:?}"));
        assert_eq!(got.resolution, Resolution::Region(want), "{pc} ({lad})");
        checked += 1;
    }
    assert_eq!(checked, 3000);
    println!("sample: {checked} of 3000 postcodes resolve to their Labour region");
}

#[test]
fn cumbria_is_northern_and_lancashire_is_north_west() {
    let region = |pc: &str| match resolve(pc).unwrap().resolution {
        Resolution::Region(r) => r.name(),
        other => panic!("{pc}: {other:?}"),
    };
    assert_eq!(region("CA1 1RR"), "Northern"); // Carlisle (Cumberland)
    assert_eq!(region("LA9 4DQ"), "Northern"); // Kendal (Westmorland and Furness)
    assert_eq!(region("NE1 4ST"), "Northern");
    assert_eq!(region("PR1 2HE"), "North West");
    assert_eq!(region("SW1A 1AA"), "London");
    assert_eq!(region("BT1 5GS"), "Northern Ireland");
    assert_eq!(region("CF10 1EP"), "Wales");
}

#[test]
fn straddling_district_offers_exactly_its_regions() {
    let a = resolve("SY10").unwrap();
    let names: Vec<&str> = match &a.resolution {
        Resolution::Choice(rs) => rs.iter().map(|r| r.name()).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(names, ["West Midlands", "Wales"]);
    assert_eq!(
        en().answer(&a),
        "SY10 is split between West Midlands and Wales. Enter your full postcode, or choose:"
    );
    // A sector wholly inside one region answers at once.
    assert!(
        matches!(resolve("M1").unwrap().resolution, Resolution::Region(r) if r.name() == "North West")
    );
}

#[test]
fn outside_the_uk_and_bad_input_get_kind_answers() {
    for (input, fragment) in [
        ("JE2 3AB", "Labour International"),
        ("GY1 1AA", "Labour International"),
        ("IM1 1AA", "Labour International"),
        ("BFPO 123", "Labour International"),
        ("10001", "Labour International"),
        ("GX11 1AA", "Labour International"),
    ] {
        let a = resolve(input).unwrap();
        assert!(matches!(a.resolution, Resolution::Outside(_)), "{input}");
        assert!(
            en().answer(&a).contains(fragment),
            "{input}: {}",
            en().answer(&a)
        );
    }
    let a = resolve("ZZ9 9ZZ").unwrap();
    assert_eq!(a.resolution, Resolution::NotFound);
    for pc in ["TW98 1AA", "GIR 0AA", "SR43 4AA"] {
        let a = resolve(pc).unwrap();
        assert!(
            en().answer(&a).contains("not a home"),
            "{pc}: {}",
            en().answer(&a)
        );
    }
}

#[test]
fn district_short_forms_answer_like_their_lettered_districts() {
    // Members write central-London districts without their final letter.
    for (typed, region) in [
        ("SW1", "London"),
        ("sw1", "London"),
        ("W1", "London"),
        ("EC1", "London"),
        ("EC2", "London"),
        ("EC4", "London"),
        ("WC1", "London"),
        ("WC2", "London"),
        ("N1", "London"), // N1 is a district of its own (beside N1C and N1P)
        ("E1", "London"), // likewise, beside E1W
    ] {
        let a = resolve(typed).unwrap();
        assert!(
            matches!(a.resolution, Resolution::Region(r) if r.name() == region),
            "{typed}: {:?}",
            a.resolution
        );
    }
    // A number with no districts at all is still not found.
    assert_eq!(resolve("SW99").unwrap().resolution, Resolution::NotFound);
}

/// `typed` is read as `read`, in `region`, and the member is told how.
fn said_back(typed: &str, read: &str, region: &str) {
    let a = resolve(typed).unwrap_or_else(|e| panic!("{typed}: {e}"));
    assert_eq!(a.understood, read, "{typed}");
    assert!(a.repaired, "{typed}");
    assert!(
        matches!(a.resolution, Resolution::Region(r) if r.name() == region),
        "{typed}: {a:?}"
    );
    assert_eq!(
        en().answer(&a),
        format!("We read that as {read}, which is in the {region} region.")
    );
}

#[test]
fn a_zero_for_the_letter_o_in_a_first_part_is_repaired_and_said_back() {
    // District numbers never start with a zero, so `S014` cannot be `S1 4`:
    // it is SO14 (Southampton), and the member is told how it was read.
    for (typed, read, region) in [
        ("S014", "SO14", "South East"),
        ("s015", "SO15", "South East"),
        ("B0l6", "BOL6", ""), // no such district either way: not found, not Sheffield-style guessing
        ("P012", "PO12", "South East"),
        ("C01", "CO1", "Eastern"),
    ] {
        if region.is_empty() {
            let a = resolve(typed).unwrap();
            assert!(
                !matches!(a.resolution, Resolution::Region(_)),
                "{typed}: {a:?}"
            );
            continue;
        }
        said_back(typed, read, region);
    }
    // Real districts numbered 0 are read as they are.
    for (typed, region) in [("CR0", "London"), ("BL0 9AA", "North West")] {
        let a = resolve(typed).unwrap();
        assert!(!a.repaired, "{typed}");
        assert!(
            matches!(a.resolution, Resolution::Region(r) if r.name() == region),
            "{typed}"
        );
    }
}

#[test]
fn letters_typed_for_digits_in_a_first_part_are_repaired_and_said_back() {
    // Letters only, yet a postcode: `CRO` is CR0 (Croydon), not a word.
    for (typed, read, region) in [
        ("CRO", "CR0", "London"),
        ("swia", "SW1A", "London"),
        ("EIW", "E1W", "London"),
        ("ECIA", "EC1A", "London"),
        ("SWI", "SW1", "London"),
        ("BIO", "B10", "West Midlands"),
        ("LSI", "LS1", "Yorkshire and the Humber"),
        ("CRO 1", "CR0 1", "London"),
    ] {
        said_back(typed, read, region);
    }
}

#[test]
fn every_slip_in_every_district_and_sector_reads_one_way_or_asks() {
    // For every district of the table (and a sector of it), every input that
    // differs from it by O/0 or I/1 slips is read as the one real district it
    // can be, and said back; an input that could be two real ones asks which
    // (none can, with this table: district numbers never start with a zero).
    let t = table().unwrap();
    let letters = || (b'A'..=b'Z').map(char::from);
    let areas: Vec<String> = letters()
        .flat_map(|a| {
            std::iter::once(a.to_string()).chain(letters().map(move |b| format!("{a}{b}")))
        })
        .filter(|area| t.area_match(area) != RegionMatch::Unknown)
        .collect();
    let mut districts = Vec::new();
    for area in &areas {
        for n in 0..100u8 {
            for l in std::iter::once(None).chain((b'A'..=b'Z').map(Some)) {
                if t.has_district(area, district_code(n, l)) {
                    districts.push(district_name(area, district_code(n, l)));
                }
            }
        }
    }
    assert_eq!(districts.len(), t.district_count());
    let is_real = |s: &str| {
        resolve_in(t, s).is_ok_and(|a| {
            !a.repaired
                && a.understood == s
                && !matches!(a.input, PostcodeInput::Area(_))
                && a.resolution != Resolution::NotFound
        })
    };
    let (mut repaired, mut asked) = (0, 0);
    let mut seen = std::collections::HashSet::new();
    for d in &districts {
        for input in [d.clone(), format!("{d} 1")] {
            for typed in slips(&input) {
                if !seen.insert(typed.clone()) {
                    continue;
                }
                let readings: Vec<String> =
                    slips(&typed).into_iter().filter(|r| is_real(r)).collect();
                match readings.as_slice() {
                    [] => {}
                    [one] if *one == typed => {}
                    [one] => {
                        let a = resolve_in(t, &typed).unwrap_or_else(|e| panic!("{typed}: {e}"));
                        assert_eq!(&a.understood, one, "{typed}");
                        assert!(a.repaired, "{typed}");
                        repaired += 1;
                    }
                    many => {
                        let e = resolve_in(t, &typed).unwrap_err();
                        assert_eq!(
                            e,
                            slatecard::domain::postcode::PostcodeError::Ambiguous(many.to_vec()),
                            "{typed}"
                        );
                        asked += 1;
                    }
                }
            }
        }
    }
    println!("{repaired} slips repaired and said back, {asked} asked");
    assert!(repaired > 1000);
}

#[test]
fn a_character_that_cannot_be_in_a_postcode_is_named() {
    use slatecard::domain::lookup::LookupError;
    use slatecard::domain::postcode::PostcodeError;
    for (typed, bad) in [
        ("SW1A!1AA", '!'),
        ("£20", '£'),
        ("SW1A 1AÄ", 'Ä'),
        ("ＳＷ１Ａ＃", '#'),
    ] {
        match resolve(typed) {
            Err(LookupError::Postcode(e @ PostcodeError::BadCharacter(c))) => {
                assert_eq!(c, bad, "{typed}");
                assert!(en()
                    .postcode_error(&e)
                    .contains(&format!("\u{201C}{bad}\u{201D}")));
            }
            other => panic!("{typed}: {other:?}"),
        }
    }
}

#[test]
fn invisible_characters_from_copying_are_dropped() {
    for typed in [
        "SW1A\u{200E}1AA",          // left-to-right mark
        "\u{200F}SW1A 1AA",         // right-to-left mark
        "SW1A\u{AD}1AA",            // soft hyphen
        "S\u{200D}W1A 1AA",         // zero width joiner
        "\u{2066}SW1A 1AA\u{2069}", // bidi isolate
        "SW1A\u{202A} 1AA\u{202C}", // bidi embedding
        "\u{FEFF}SW1A 1AA",         // byte order mark
        "SW1A\u{2060}1AA",          // word joiner
        "SW1A\u{205F}1AA",          // medium mathematical space
    ] {
        let a = resolve(typed).unwrap_or_else(|e| panic!("{typed:?}: {e}"));
        assert_eq!(a.understood, "SW1A 1AA", "{typed:?}");
        assert!(matches!(a.resolution, Resolution::Region(r) if r.name() == "London"));
    }
}

#[test]
fn the_list_of_invisible_characters_is_unicode_category_cf() {
    use unicode_general_category::{get_general_category, GeneralCategory};
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        assert_eq!(
            slatecard::domain::postcode::is_format_char(c),
            get_general_category(c) == GeneralCategory::Format,
            "U+{:04X}",
            c as u32
        );
    }
}

#[test]
fn british_forces_postcodes_in_either_form_get_the_forces_answer() {
    use slatecard::domain::postcode::Elsewhere;
    for typed in ["BFPO 61", "bfpo61", "BF1 2AY", "bf1 3aa", "BF1"] {
        let a = resolve(typed).unwrap();
        assert_eq!(
            a.resolution,
            Resolution::Outside(Elsewhere::Bfpo),
            "{typed}"
        );
        assert!(en().answer(&a).starts_with("BFPO addresses"), "{typed}");
    }
}

#[test]
fn a_word_such_as_a_town_is_not_blamed_on_the_typing() {
    use slatecard::domain::lookup::LookupError;
    use slatecard::domain::postcode::PostcodeError;
    for (typed, word) in [
        ("manchester", "MANCHESTER"),
        ("Milton Keynes", "MILTON KEYNES"),
        ("Ynys Môn", "YNYS MôN"),
        ("leeds", "LEEDS"),
        ("Bath", "BATH"),
    ] {
        match resolve(typed) {
            Err(LookupError::Postcode(PostcodeError::Word(w))) => {
                assert_eq!(w, word, "{typed}");
                let said = en().postcode_error(&PostcodeError::Word(w));
                assert!(said.contains("is not a postcode"), "{said}");
            }
            other => panic!("{typed}: {other:?}"),
        }
    }
    // Areas (one or two letters) and the codes of places outside the UK are
    // still read as such.
    assert!(resolve("SW").is_ok());
    assert!(resolve("GIR").is_ok());
    assert!(resolve("STHL").is_ok());
}

#[test]
fn table_has_the_expected_shape() {
    let t = table().unwrap();
    assert_eq!(t.scheme(), "labour");
    assert_eq!(t.stats(), (2944, 192, 48, 6079));
}

/// Runs the exhaustive checks when the full ONS file is present.
#[test]
fn every_live_postcode_maps_exactly() {
    if !Path::new(FULL).exists() {
        println!("skipped: {FULL} is not present (the full check needs the shared ONS data beside the repository)");
        return;
    }
    let scheme = scheme();
    let lads = lad_regions();
    let rows = read_postcodes(FULL, Some(&lads), &scheme).unwrap();
    let t = table().unwrap();

    // 1. Every postcode.
    let mut right = 0usize;
    let mut district_sets: BTreeMap<(String, u16), BTreeMap<u8, u32>> = BTreeMap::new();
    for (k, r) in &rows {
        let area = k.area_str();
        let got = t.postcode_region(&area, k.code, k.digit, k.unit);
        assert_eq!(
            got.map(|g| g.index() as u8),
            Some(*r),
            "{area} {} {} {}",
            k.code,
            k.digit,
            k.unit
        );
        right += 1;
        *district_sets
            .entry((area, k.code))
            .or_default()
            .entry(*r)
            .or_default() += 1;
    }
    println!("{right} of {} live postcodes map exactly", rows.len());
    assert_eq!(right, 1_793_086);

    // 2. Every district answers with exactly its regions, largest first.
    for ((area, code), counts) in &district_sets {
        let mut want: Vec<(u8, u32)> = counts.iter().map(|(&r, &c)| (r, c)).collect();
        want.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let want: Vec<RegionId> = want
            .iter()
            .map(|(r, _)| RegionId::from_index(usize::from(*r)).unwrap())
            .collect();
        let expected = if want.len() == 1 {
            RegionMatch::One(want[0])
        } else {
            RegionMatch::Several(want)
        };
        assert_eq!(
            t.district_match(area, *code),
            expected,
            "{}",
            district_name(area, *code)
        );
    }
    println!(
        "{} of {} districts answer with exactly their regions",
        district_sets.len(),
        t.district_count()
    );
    assert_eq!(district_sets.len(), t.district_count());

    // 3. Every district written without its final letter (`SW1`, `W1`,
    // `EC1`): exactly the regions of its lettered districts' live postcodes.
    let mut short_sets: BTreeMap<(String, u8), Vec<u8>> = BTreeMap::new();
    for ((area, code), counts) in &district_sets {
        if code % 27 != 0 {
            let regions = short_sets
                .entry((area.clone(), (code / 27) as u8))
                .or_default();
            for r in counts.keys() {
                if !regions.contains(r) {
                    regions.push(*r);
                }
            }
        }
    }
    let mut short_forms = Vec::new();
    for ((area, number), want) in &short_sets {
        if t.has_district(area, district_code(*number, None)) {
            continue; // e.g. `E1` is a district of its own, beside `E1W`
        }
        let typed = format!("{area}{number}");
        let got = match resolve_in(t, &typed).unwrap().resolution {
            Resolution::Region(r) => vec![r],
            Resolution::Choice(rs) => rs,
            other => panic!("{typed}: {other:?}"),
        };
        let mut got: Vec<u8> = got.iter().map(|r| r.index() as u8).collect();
        let mut want = want.clone();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "{typed}");
        short_forms.push(typed);
    }
    println!(
        "{} district short forms answer with exactly their regions: {}",
        short_forms.len(),
        short_forms.join(", ")
    );
    // The numbers whose districts all have a letter (central London).
    for typed in ["EC1", "EC2", "EC3", "EC4", "SW1", "W1", "WC1", "WC2"] {
        assert!(short_forms.iter().any(|s| s == typed), "{typed}");
    }

    // 4. The committed table is what the compiler makes.
    let (bytes, _) = encode(&scheme, &rows);
    assert!(
        bytes == include_bytes!("../data/postcodes/labour.bin"),
        "data/postcodes/labour.bin is stale: run `cargo slatecard compile-postcodes`"
    );
}

fn live_sample() -> Vec<String> {
    include_str!("fixtures/sample-postcodes.csv")
        .lines()
        .skip(1)
        .map(|l| csv_fields(l)[0].clone())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn normalising_is_idempotent(s in "\\PC{0,20}") {
        let once = normalise(&s);
        prop_assert_eq!(normalise(&once), once);
    }

    #[test]
    fn parsing_never_panics(s in "\\PC{0,80}") {
        let _ = parse(&s, |_| true);
        let _ = resolve(&s);
    }

    #[test]
    fn postcode_like_strings_never_panic(s in "[A-Z0-9 %+oOiI1-]{0,12}") {
        let _ = resolve(&s);
    }

    #[test]
    fn any_spelling_of_a_live_postcode_gives_its_region(i in 0usize..3000, lower in any::<bool>(), spaces in 0usize..3) {
        let sample = live_sample();
        let pc = &sample[i];
        let t = table().unwrap();
        let want = resolve_in(t, pc).unwrap().resolution;
        prop_assert!(matches!(want, Resolution::Region(_)));
        let compact: String = pc.chars().filter(|c| *c != ' ').collect();
        let (out, inw) = compact.split_at(compact.len() - 3);
        let mut typed = format!("{out}{}{inw}", " ".repeat(spaces));
        if lower { typed = typed.to_lowercase(); }
        let got = resolve_in(t, &typed).unwrap();
        prop_assert_eq!(got.resolution, want);
        prop_assert!(matches!(got.input, PostcodeInput::Full(..)));
    }

    #[test]
    fn well_formed_postcodes_in_known_districts_always_get_a_region(
        i in 0usize..3000, d in 0u8..10, a in 0usize..20, b in 0usize..20
    ) {
        let sample = live_sample();
        let outward = sample[i].split(' ').next().unwrap().to_owned();
        let letters = slatecard::domain::table::UNIT_LETTERS;
        let pc = format!("{outward} {d}{}{}", letters[a] as char, letters[b] as char);
        let got = resolve(&pc).unwrap();
        prop_assert!(matches!(got.resolution, Resolution::Region(_)), "{} → {:?}", pc, got.resolution);
    }
}

#[test]
fn reads_onspd_layout_with_terminated_rows_and_pseudo_regions() {
    // A few ONSPD-style rows (column subset, real codes): a live Carlisle
    // postcode (Cumberland → Northern), a terminated one, a Welsh one whose
    // `rgn` is the pseudo code, and a Jersey row to skip.
    let dir = std::env::temp_dir().join(format!("slatecard-onspd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ONSPD_sample.csv");
    std::fs::write(
        &path,
        "\"pcd\",\"pcd2\",\"pcds\",\"dointr\",\"doterm\",\"oslaua\",\"ctry\",\"rgn\"\n\
         \"CA1 1RR\",\"CA1  1RR\",\"CA1 1RR\",\"198001\",\"\",\"E06000063\",\"E92000001\",\"E12000002\"\n\
         \"CA1 1ZZ\",\"CA1  1ZZ\",\"CA1 1ZZ\",\"198001\",\"200012\",\"E06000063\",\"E92000001\",\"E12000002\"\n\
         \"CF101EP\",\"CF10 1EP\",\"CF10 1EP\",\"198001\",\"\",\"W06000015\",\"W92000004\",\"W99999999\"\n\
         \"JE2 3AB\",\"JE2  3AB\",\"JE2 3AB\",\"198001\",\"\",\"L99999999\",\"L93000001\",\"L99999999\"\n",
    )
    .unwrap();
    let scheme = scheme();
    let rows = read_postcodes(path.to_str().unwrap(), None, &scheme).unwrap();
    let names: Vec<(String, &str)> = rows
        .iter()
        .map(|(k, r)| {
            (
                format!("{}{}", k.area_str(), k.code / 27),
                RegionId::from_index(usize::from(*r)).unwrap().name(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [("CA1".to_owned(), "Northern"), ("CF10".to_owned(), "Wales")]
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unknown_council_area_fails_with_file_and_line() {
    let dir = std::env::temp_dir().join(format!("slatecard-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.csv");
    std::fs::write(
        &path,
        "postcode,lad_code\nSW1A 1AA,E09000033\nSW1A 2AA,X00000000\n",
    )
    .unwrap();
    let err = read_postcodes(path.to_str().unwrap(), Some(&lad_regions()), &scheme()).unwrap_err();
    assert!(
        err.ends_with("bad.csv: line 3: council area X00000000 is not in the LAD → region file"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
