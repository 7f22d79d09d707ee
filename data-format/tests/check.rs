//! `check` on the bundled data, and on one fault at a time made in a copy of
//! a real bundled file: each kind of bad data gives its exact message at the
//! value at fault (`FILE:LINE:COL`).
//!
//! A case names the text to replace; it is made in the first election file
//! (in file-name order, whatever files exist) that contains it, or in the
//! regions file. The replacement marks with `‸` where the problem must be
//! reported (or a case's `at` text, found in the edited file, does).

use slatecard_data_format::{
    check_dir, check_election, check_scheme, check_sources, current_year, election_files,
    line_column, Problem, Reference, SourceFile, ELECTIONS_PATH, SCHEME_PATH,
};
use std::path::{Path, PathBuf};

const MARK: char = '‸';

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn reference() -> Reference {
    Reference::load(&root())
}

fn scheme() -> SourceFile {
    SourceFile {
        file: SCHEME_PATH.to_owned(),
        text: std::fs::read_to_string(root().join(SCHEME_PATH)).expect("regions file"),
    }
}

/// Every bundled election file, in file-name order.
fn elections() -> Vec<SourceFile> {
    let (files, problems) = election_files(&root().join(ELECTIONS_PATH));
    assert!(problems.is_empty(), "{problems:?}");
    assert!(!files.is_empty());
    files
        .iter()
        .map(|f| SourceFile {
            file: format!(
                "{ELECTIONS_PATH}/{}",
                f.file_name().and_then(|n| n.to_str()).expect("a name")
            ),
            text: std::fs::read_to_string(f).expect("readable"),
        })
        .collect()
}

fn shown(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// One kind of bad data.
struct Case {
    kind: &'static str,
    from: String,
    to: String,
    message: String,
    help: Option<String>,
    /// Where the problem is, when not in `to`: a text of the edited file
    /// holding the mark.
    at: Option<String>,
    /// Edit the regions file, not an election file.
    regions: bool,
    /// Other problems follow from this one (they are not checked).
    loose: bool,
    /// For a duplicate: the first one's text, marked.
    first: Option<String>,
    /// A help line naming another place: `{place}` in the template is the
    /// `FILE:LINE:COL` of the marked text (in the edited file).
    help_at: Option<(String, String)>,
}

fn case(kind: &'static str, from: &str, to: &str, message: &str) -> Case {
    Case {
        kind,
        from: from.to_owned(),
        to: to.to_owned(),
        message: message.to_owned(),
        help: None,
        at: None,
        regions: false,
        loose: false,
        first: None,
        help_at: None,
    }
}

impl Case {
    fn help(mut self, help: &str) -> Case {
        self.help = Some(help.to_owned());
        self
    }
    fn at(mut self, at: &str) -> Case {
        self.at = Some(at.to_owned());
        self
    }
    /// The help line points at the first of a duplicate: the first place
    /// of this text (marked) in the edited file.
    fn first(mut self, needle: &str) -> Case {
        self.first = Some(needle.to_owned());
        self
    }
    /// The help line names the place of `needle` (marked) in the edited
    /// file, as `{place}` in `template`.
    fn help_at(mut self, needle: &str, template: &str) -> Case {
        self.help_at = Some((needle.to_owned(), template.to_owned()));
        self
    }
    fn regions(mut self) -> Case {
        self.regions = true;
        self
    }
    fn loose(mut self) -> Case {
        self.loose = true;
        self
    }
}

/// The position of the mark of `needle` (which holds one `‸`) at its first
/// place in `text`.
fn position(text: &str, needle: &str) -> (usize, usize) {
    let (before, _) = needle.split_once(MARK).expect("a mark");
    let plain = needle.replace(MARK, "");
    let start = text.find(&plain).unwrap_or_else(|| panic!("no {plain:?}"));
    line_column(text, start + before.len())
}

/// Applies `case` to a copy of the data and checks that `check` reports it
/// (alone, unless the case is loose) at the marked place.
fn run(case: &Case) {
    let mut scheme = scheme();
    let mut elections = elections();
    let target: &mut SourceFile = if case.regions {
        &mut scheme
    } else {
        elections
            .iter_mut()
            .find(|e| {
                e.text.contains(&case.from)
                    && case
                        .first
                        .as_ref()
                        .is_none_or(|f| e.text.contains(&f.replace(MARK, "")))
            })
            .unwrap_or_else(|| panic!("{}: no election file contains {:?}", case.kind, case.from))
    };
    assert!(
        target.text.contains(&case.from),
        "{}: {:?} not found",
        case.kind,
        case.from
    );
    let marked = target.text.replacen(&case.from, &case.to, 1);
    let at_text = case.at.clone().unwrap_or_else(|| case.to.clone());
    assert!(at_text.contains(MARK), "{}: no mark", case.kind);
    let edited = marked.replace(MARK, "");
    // Where the mark is in the edited text.
    let (before_mark, _) = at_text.split_once(MARK).expect("a mark");
    let anchor = at_text.replace(MARK, "");
    let start = match &case.at {
        None => marked.find(&case.to).expect("the replacement"),
        Some(_) => edited
            .find(&anchor)
            .unwrap_or_else(|| panic!("{}: no {anchor:?}", case.kind)),
    };
    let offset = if case.at.is_none() {
        // `marked` has the mark; the edited text lacks it (and any marks before).
        start - marked[..start].matches(MARK).count() * MARK.len_utf8() + before_mark.len()
    } else {
        start + before_mark.len()
    };
    let (line, column) = line_column(&edited, offset);
    target.text = edited;
    let file = target.file.clone();
    let help = match (&case.first, &case.help_at) {
        (Some(needle), _) => {
            let (l, c) = position(&target.text, needle);
            Some(format!("the first is at {file}:{l}:{c}"))
        }
        (None, Some((needle, template))) => {
            let (l, c) = position(&target.text, needle);
            Some(template.replace("{place}", &format!("{file}:{l}:{c}")))
        }
        (None, None) => case.help.clone(),
    };
    let problems = check_sources(&scheme, &elections, &reference());
    let expected = Problem {
        file: file.clone(),
        line,
        column,
        message: case.message.clone(),
        help,
    };
    if case.loose {
        assert!(
            problems.contains(&expected),
            "{}: expected\n{expected}\ngot\n{}",
            case.kind,
            shown(&problems)
        );
    } else {
        assert_eq!(
            shown(&problems),
            expected.to_string(),
            "{}: one problem, at {file}:{line}:{column}",
            case.kind
        );
    }
}

fn long_name() -> String {
    format!("Jess {}", "a".repeat(4995))
}

fn cases() -> Vec<Case> {
    let long = long_name();
    let long_message = format!(
        "\"Jess {}…\": the name is 5000 characters long; the limit is 100",
        "a".repeat(55)
    );
    let sixty_one: String = (0..56)
        .map(|i| format!("[[candidates]]\nid = \"extra-{i}\"\nname = \"Extra Candidate {i}\"\n\n"))
        .collect();
    vec![
        // Names.
        case("leading space", r#"name = "Jess Barnard""#, r#"name = ‸" Jess Barnard""#,
            r#"" Jess Barnard": the name starts with a space"#).help(r#"write "Jess Barnard""#),
        case("trailing space", r#"name = "Jess Barnard""#, r#"name = ‸"Jess Barnard ""#,
            r#""Jess Barnard ": the name ends with a space"#).help(r#"write "Jess Barnard""#),
        case("double space", r#"name = "Jess Barnard""#, r#"name = ‸"Jess  Barnard""#,
            r#""Jess  Barnard": the name has two spaces in a row"#).help(r#"write "Jess Barnard""#),
        case("newline", r#"name = "Jess Barnard""#, r#"name = ‸"Jess\nBarnard""#,
            r#""Jess<U+000A>Barnard": contains a line break (U+000A), which members cannot see"#)
            .help("retype the text, or delete the character and its neighbours and type them again"),
        case("zero-width space", r#"name = "Jess Barnard""#, r#"name = ‸"Jess Barn\u200Bard""#,
            r#""Jess Barn<U+200B>ard": contains a zero-width space (U+200B), which members cannot see"#)
            .help("retype the text, or delete the character and its neighbours and type them again"),
        case("soft hyphen", r#"name = "Jess Barnard""#, r#"name = ‸"Jess Barn\u00ADard""#,
            r#""Jess Barn<U+00AD>ard": contains a soft hyphen (U+00AD), which members cannot see"#)
            .help("retype the text, or delete the character and its neighbours and type them again"),
        case("right-to-left override", r#"name = "Jess Barnard""#, r#"name = ‸"Jess \u202EBarnard""#,
            r#""Jess <U+202E>Barnard": contains a right-to-left override (U+202E), which members cannot see"#)
            .help("retype the text, or delete the character and its neighbours and type them again"),
        case("not NFC", r#"name = "Jess Barnard""#, r#"name = ‸"Jess Barna\u0301rd""#,
            "\"Jess Barna\u{301}rd\": is not in Unicode's standard (NFC) form: an accent is typed as a separate mark")
            .help("write it as \"Jess Barn\u{e1}rd\""),
        case("empty name", r#"name = "Jess Barnard""#, r#"name = ‸"""#, r#""": the name is empty"#),
        case("5,000-character name", r#"name = "Jess Barnard""#, &format!("name = ‸\"{long}\""), &long_message)
            .help("a name on a ballot paper is far shorter: check that nothing was pasted by mistake"),
        case("two candidates with one name", r#"name = "Gemma Bolton""#, r#"name = ‸"Jess Barnard""#,
            r#""Jess Barnard" is listed twice: the same name is given twice"#)
            .first("name = ‸\"Jess Barnard\""),
        case("names differing only by case", r#"name = "Gemma Bolton""#, r#"name = ‸"JESS BARNARD""#,
            r#""JESS BARNARD" is listed twice: the names differ only in capital letters"#)
            .first("name = ‸\"Jess Barnard\""),
        case("Cyrillic look-alike", r#"name = "Gemma Bolton""#, r#"name = ‸"Jess B\u0430rnard""#,
            "\"Jess B\u{430}rnard\" is listed twice: the names look the same but \"\u{430}\" (U+0430) is a different letter that looks alike")
            .first("name = ‸\"Jess Barnard\"").loose(),
        case("same pick twice in a seat", r#"picks = ["Cllr Matt White", "Cllr Aneesa Akbar"]"#,
            r#"picks = ["Cllr Matt White", ‸"Cllr Matt White"]"#,
            r#""Cllr Matt White" is listed twice: the same name is given twice"#)
            .first("picks = [‸\"Cllr Matt White\""),
        case("title with a trailing line break", r#"short_title = "NEC 2022 — Grassroots 5""#,
            r#"short_title = ‸"NEC 2022 — Grassroots 5\n""#,
            "`short_title` contains a line break (U+000A), which members cannot see")
            .help("retype the text, or delete the character and its neighbours and type them again"),
        // Letters from two scripts (as a PDF can paste them).
        case("Cyrillic letter in a Latin name", r#"name = "Jess Barnard""#, r#"name = ‸"Jess B\u0430rnard""#,
            "\"Jess B\u{430}rnard\": mixes scripts: \"\u{430}\" (U+0430) is a Cyrillic letter in a name written in Latin letters")
            .help("it may look like a Latin letter but is not (a name copied from a PDF or another document can carry one): type the name again"),
        case("Greek letter in a Latin name", r#"name = "Gemma Bolton""#, r#"name = ‸"Gemm\u03B1 Bolton""#,
            "\"Gemm\u{3b1} Bolton\": mixes scripts: \"\u{3b1}\" (U+03B1) is a Greek letter in a name written in Latin letters")
            .help("it may look like a Latin letter but is not (a name copied from a PDF or another document can carry one): type the name again"),
        case("Cyrillic letter in a seat's pick", r#"picks = ["Lara McNeill"]"#, r#"picks = [‸"Lara McN\u0435ill"]"#,
            "\"Lara McN\u{435}ill\": mixes scripts: \"\u{435}\" (U+0435) is a Cyrillic letter in a name written in Latin letters")
            .help("it may look like a Latin letter but is not (a name copied from a PDF or another document can carry one): type the name again"),
        // Markup where members read plain words.
        case("HTML in a name", r#"name = "Jess Barnard""#, r#"name = ‸"<img src=x onerror=alert(1)>""#,
            "\"<img src=x onerror=alert(1)>\": contains \"<\", a character of web-page markup that no name on a ballot paper has")
            .help("write the name as it is on the ballot paper, in letters only; if it was copied from a web page, type it again"),
        case("template braces in a pick", r#"picks = ["Lara McNeill"]"#, r#"picks = [‸"Lara {{McNeill}}"]"#,
            "\"Lara {{McNeill}}\": contains \"{\", a character of web-page markup that no name on a ballot paper has")
            .help("write the name as it is on the ballot paper, in letters only; if it was copied from a web page, type it again"),
        case("script tag in a title", r#"short_title = "NEC 2022 — Grassroots 5""#,
            r#"short_title = ‸"NEC 2022 <script>alert(1)</script>""#,
            "`short_title` contains an HTML tag (\"<script…\"): members would see it as code, or a browser could run it")
            .help("write it in plain words; if it was copied from a web page, type it again"),
        case("HTML entity in a source's title", r#"title = "Labour internal elections alert""#,
            r#"title = ‸"Labour internal elections &amp; alert""#,
            "`title` contains an HTML entity (\"&amp;\"): members would see it as code, or a browser could run it")
            .help("write it in plain words; if it was copied from a web page, type it again"),
        // Where an order was published.
        case("javascript: address as an order's source",
            r#"source = "https://nell.network/news/labour-internal-elections-alert/""#,
            r#"source = ‸"javascript:alert(1)""#,
            "`source` holds the address \"javascript:alert(1)\", which cannot be shown to members: a `javascript:` address is not a web page (only https:// addresses are linked)")
            .help("give where the order was published: its https:// address as the browser shows it, or the publication's name and date in words"),
        case("http: address in an order's source words",
            r#"source = "https://nell.network/news/labour-internal-elections-alert/""#,
            r#"source = ‸"Northern England Labour Left (http://nell.network/news/)""#,
            "`source` holds the address \"http://nell.network/news/\", which cannot be shown to members: it starts with http://, which is not secure")
            .help("give where the order was published: its https:// address as the browser shows it, or the publication's name and date in words"),
        // Orders balance makes.
        case("generated order edited by hand",
            "region = \"north-west\"\norder = [\"dar\", \"rahman\", \"wimborne-idrissi\", \"barnard\", \"bolton\"]",
            "region = \"north-west\"\norder = ‸[\"rahman\", \"dar\", \"wimborne-idrissi\", \"barnard\", \"bolton\"]",
            "this order is marked `generated` but is not what `slatecard balance` gives region \"north-west\": balance gives order = [\"dar\", \"rahman\", \"wimborne-idrissi\", \"barnard\", \"bolton\"]")
            .help("if the slate published this order, keep it by writing provenance = \"published\" with its `source`; otherwise run `slatecard balance data/elections/nec-2022.toml --write` to write the order balance gives (after a published order or a region's weight changes, every generated order may change)"),
        case("slate too large for balance", "[[candidates]]\nid = \"barnard\"",
            "[[candidates]]\nid = \"extra-0\"\nname = \"Extra Candidate One\"\n\n[[candidates]]\nid = \"extra-1\"\nname = \"Extra Candidate Two\"\n\n[[candidates]]\nid = \"extra-2\"\nname = \"Extra Candidate Three\"\n\n[[candidates]]\nid = \"extra-3\"\nname = \"Extra Candidate Four\"\n\n[[candidates]]\nid = \"barnard\"",
            "the slate has 9 candidates; balanced-v1 handles up to 8, because it tries every order of the slate in each region (8 candidates: 40,320 orders per region; 9: 362,880), so it cannot make this order")
            .help("give every region's order as the slate published it (provenance = \"published\", with its `source`), or check that the slate really has this many candidates")
            .at("region = \"north-west\"\norder = [\"dar\", \"rahman\", \"wimborne-idrissi\", \"barnard\", \"bolton\"]\nprovenance = ‸\"generated\"")
            .loose(),
        // Seats.
        case("a seat lists a region twice", r#"regions = ["north-west", "yorkshire","#,
            r#"regions = ["north-west", ‸"north-west","#,
            "region \"north-west\" is listed twice in this seat's `regions`")
            .first("regions = [‸\"north-west\""),
        case("a seat's pick on the main slate", r#"picks = ["Lara McNeill"]"#, r#"picks = [‸"Gemma Bolton"]"#,
            "\"Gemma Bolton\", a pick for the Youth representative seat, is also a candidate of the slate's main section")
            .help_at("name = ‸\"Gemma Bolton\"", "the slate's candidate is at {place}: a member stands for one place on the ballot, so take the name out of one of the two"),
        case("one person picked for two seats", r#"picks = ["Ankunda Matsiko"]"#, r#"picks = [‸"Lara McNeill"]"#,
            "\"Lara McNeill\" is picked for two seats, BAME representative and another")
            .help_at("picks = [‸\"Lara McNeill\"]", "the other is at {place} (youth): a member stands for one place on the ballot, so take the name out of one of the two"),
        // Rounds, changes after the count, nomination-stage picks.
        case("a round for someone not elected", r#"rounds = [{ name = "Naomi Wimborne-Idrissi", round = 14 }]"#,
            r#"rounds = [{ name = ‸"Mish Rahman", round = 14 }]"#,
            "\"Mish Rahman\" has a round but is not in `elected`")
            .help("give the round of those `elected` lists, with their names as written there"),
        case("a runner-up who took a seat listed as elected", r#"joined = "Mish Rahman""#,
            r#"joined = ‸"Ann Black""#,
            "\"Ann Black\" took a seat after the count but is already in `elected`")
            .help("`elected` is who the count elected; someone who took a seat later is only in `joined`"),
        case("picks_stage without picks", "electorate = \"bame\"\npublished = false\n",
            "electorate = \"bame\"\npublished = false\npicks_stage = ‸\"nomination\"\n",
            "`picks_stage` says when the picks were made, but this seat has no picks")
            .help("leave `picks_stage` out, or list the picks the source gives"),
        // Web addresses.
        case("javascript: url", r#"url = "https://nell.network/news/labour-internal-elections-alert/""#,
            r#"url = ‸"javascript:alert(1)""#,
            r#"`url` "javascript:alert(1)" cannot be linked: it does not start with https://"#)
            .help("give the address starting with https://, as the browser shows it, or leave `url` out"),
        case("http: url", r#"url = "https://nell.network/news/labour-internal-elections-alert/""#,
            r#"url = ‸"http://nell.network/news/labour-internal-elections-alert/""#,
            r#"`url` "http://nell.network/news/labour-internal-elections-alert/" cannot be linked: it starts with http://, which is not secure"#)
            .help("give the address starting with https://, as the browser shows it, or leave `url` out"),
        case("url with spaces", r#"url = "https://nell.network/news/labour-internal-elections-alert/""#,
            r#"url = ‸"https://nell.network/news/labour internal elections alert/""#,
            r#"`url` "https://nell.network/news/labour internal elections alert/" cannot be linked: it has a space in it"#)
            .help("give the address starting with https://, as the browser shows it, or leave `url` out"),
        case("not a url", r#"url = "https://nell.network/news/labour-internal-elections-alert/""#,
            r#"url = ‸"Northern England Labour Left website""#,
            r#"`url` "Northern England Labour Left website" cannot be linked: it is not a web address"#)
            .help("give the address starting with https://, as the browser shows it, or leave `url` out"),
        case("url without a host", r#"url = "https://nell.network/news/labour-internal-elections-alert/""#,
            r#"url = ‸"https:///news/""#,
            r#"`url` "https:///news/" cannot be linked: its site name is not a web address"#)
            .help("give the address starting with https://, as the browser shows it, or leave `url` out"),
        // Ids.
        case("election id not the file name", r#"id = "nec-2022""#, r#"id = ‸"nec-2023""#,
            r#"election id "nec-2023" does not match the file name "nec-2022.toml""#)
            .help(r#"write id = "nec-2022", or rename the file to "nec-2023.toml""#),
        case("id with capitals", r#"id = "bolton""#, r#"id = ‸"Bolton""#,
            r#"id "Bolton" must be lower-case letters, digits and inner hyphens"#)
            .help(r#"e.g. "bolton""#).loose(),
        case("two candidates with one id", r#"id = "bolton""#, r#"id = ‸"barnard""#,
            r#"candidate id "barnard" is used twice"#).first("id = ‸\"barnard\"").loose(),
        case("two seats with one id", r#"id = "bame""#, r#"id = ‸"youth""#,
            r#"seat id "youth" is used twice"#).first("id = ‸\"youth\"").loose(),
        // Years and weights.
        case("held in 2199", "held = 2022", "held = ‸2199",
            &format!("`held = 2199` is not a plausible year: it must be from 2018 to {}", current_year() + 4))
            .help("slatecard's data starts in 2018, and a ballot is not planned more than 4 years ahead; the most recent year becomes every embed's default election")
            .loose(),
        case("international weight 0", "international_weight = 50420", "international_weight = ‸0",
            "`international_weight` must be at least 1")
            .help("it stands in for Labour International's members, who have no postcodes: 0 would leave them out of the balance (the bundled files use the smallest region's live postcodes)"),
        // Versions.
        case("version 0", "version = 1", "version = ‸0",
            "`version` must be a whole number from 1 to 4294967295, not 0"),
        case("updated not a date", r#"updated = "2026-11-30""#, r#"updated = ‸"30/11/2026""#,
            r#"`updated`: "30/11/2026" is not a date in the form YYYY-MM-DD (optionally followed by THH:MM)"#),
        // Dates.
        case("impossible date", r#"closes = "2022-08-30""#, r#"closes = ‸"2022-02-30""#,
            r#"`closes`: "2022-02-30" is not a real date or time"#),
        case("closes before it opens", r#"closes = "2022-08-30""#, r#"closes = ‸"2022-07-01""#,
            "voting closes (2022-07-01) before it opens (2022-07-25)"),
        case("bare TOML date", r#"closes = "2022-08-30""#, "closes = ‸2022-08-30",
            r#"write the date in quotes, e.g. `closes = "2022-08-30"`"#),
        // Shape.
        case("unknown field", r#"name = "Jess Barnard""#, r#"‸nmae = "Jess Barnard""#,
            "unknown field `nmae` in this [[candidates]] entry").help("did you mean `name`?")
            .at("‸nmae = \"Jess Barnard\"").loose(),
        // Welsh forms of free text (`…_cy`).
        case("Welsh field misspelt", r#"summary = "CLP representative on the NEC since 2018.""#,
            "summary = \"CLP representative on the NEC since 2018.\"\n‸sumary_cy = \"Cynrychiolydd CLP ar y Pwyllgor Gwaith Cenedlaethol ers 2018.\"",
            "unknown field `sumary_cy` in this [[candidates]] entry").help("did you mean `summary_cy`?"),
        case("Welsh form of a person's name", r#"name = "Minesh Parekh""#,
            "name = \"Minesh Parekh\"\n‸name_cy = \"Minesh Parekh\"",
            "unknown field `name_cy` in this [[candidates]] entry")
            .help("a person's name is never translated: Welsh pages show `name` as on the ballot paper"),
        case("Welsh form of a field that has none", r#"short_title = "NEC 2026 — Centre Left Grassroots Alliance""#,
            "short_title = \"NEC 2026 — Centre Left Grassroots Alliance\"\n‸organisation_cy = \"Y Blaid Lafur\"",
            "unknown field `organisation_cy` in the file")
            .help("`organisation` has no Welsh form: Welsh pages show it as written"),
        case("Welsh text not in quotes", r#"slate = "Centre Left Grassroots Alliance""#,
            "slate = \"Centre Left Grassroots Alliance\"\nslate_cy = ‸[\"Cynghrair\"]",
            "`slate_cy` must be text in quotes, e.g. slate_cy = \"…\""),
        case("Welsh notes not a list", r#"slate = "Centre Left Grassroots Alliance""#,
            "slate = \"Centre Left Grassroots Alliance\"\nnotes_cy = ‸\"Nodyn.\"",
            "`notes_cy` must be a list in square brackets, e.g. notes_cy = [\"…\", \"…\"]"),
        case("Welsh summary without the English", "summary = \"CLP representative on the NEC since 2018.\"\nsummary_cy = \"Cynrychiolydd etholaethol (CLP) ar NEC Llafur ers 2018.\"",
            "summary_cy = ‸\"Cynrychiolydd CLP ar y Pwyllgor Gwaith Cenedlaethol ers 2018.\"",
            "`summary_cy` is the Welsh of `summary`, but there is no `summary` here")
            .help("write `summary` in English as well: English pages show it, and so do Welsh pages wherever the data has no Welsh"),
        case("Welsh notes, one too few", "notes = [\n  \"Every source we have was written before the ballot",
            "notes_cy = ‸[\"Nodyn.\"]\nnotes = [\n  \"Every source we have was written before the ballot",
            "`notes_cy` has 1 note and `notes` has 7 notes: each Welsh note goes at the place of the English one it translates")
            .help("write \"\" for a note not yet in Welsh: Welsh pages show that one in English"),
        case("Welsh text with a space at its end", r#"slate = "Centre Left Grassroots Alliance""#,
            "slate = \"Centre Left Grassroots Alliance\"\nslate_cy = ‸\"Cynghrair \"",
            "`slate_cy` has a space or line break at its start or end").help("delete it"),
        // The election's title in Welsh (`title_cy`).
        case("Welsh title without the English",
            "title = \"Labour NEC elections 2018: constituency (CLP) section\"\ntitle_cy = \"Etholiadau",
            "title = \"\"\ntitle_cy = ‸\"Etholiadau",
            "`title_cy` is the Welsh of `title`, but there is no `title` here")
            .help("write `title` in English as well: English pages show it, and so do Welsh pages wherever the data has no Welsh").loose(),
        case("Welsh title misspelt", "title_cy = \"Etholiadau NEC Llafur 2018",
            "‸titel_cy = \"Etholiadau NEC Llafur 2018",
            "unknown field `titel_cy` in the file").help("did you mean `title_cy`?"),
        case("Welsh title with markup", "title_cy = \"Etholiadau NEC Llafur 2018",
            "title_cy = ‸\"<b>Etholiadau</b> NEC Llafur 2018",
            "`title_cy` contains an HTML tag (\"<b\u{2026}\"): members would see it as code, or a browser could run it")
            .help("write it in plain words; if it was copied from a web page, type it again"),
        case("Welsh form of the short title", r#"short_title = "NEC 2018 — Momentum's nine""#,
            "short_title = \"NEC 2018 — Momentum's nine\"\n‸short_title_cy = \"NEC 2018 — naw Momentum\"",
            "unknown field `short_title_cy` in the file")
            .help("`short_title` has no Welsh form: Welsh pages show it as written"),
        case("missing field", "provenance = \"published\"\nsource = \"https://nell.network/",
            "source = \"https://nell.network/",
            "`provenance` is missing from this [[orders]] entry")
            .at("‸[[orders]]\nregion = \"northern\""),
        case("number too big", "seats = 9", "seats = ‸300",
            "`seats` must be a whole number from 1 to 255, not 300"),
        case("number in quotes", "seats = 9", "seats = ‸\"9\"",
            "`seats` must be a whole number from 1 to 255").help("leave out the quotes"),
        case("true in quotes", "published = false", "published = ‸\"false\"",
            "`published` must be true or false, without quotes"),
        case("misspelt provenance", r#"provenance = "generated""#, r#"provenance = ‸"generatd""#,
            r#"unknown provenance "generatd" (use "published", "generated" or "partly-published")"#)
            .help(r#"did you mean "generated"?"#),
        case("unknown ballot kind", r#"kind = "ranked""#, r#"kind = ‸"approval""#,
            r#"unknown ballot kind "approval" (use "ranked" or "cross")"#),
        case("TOML syntax error", r#"name = "Jess Barnard""#, r#"name = "Jess Barnard‸"#,
            "this is not valid TOML: invalid basic string"),
        // Orders and picks.
        case("unknown candidate in an order",
            r#"order = ["dar", "wimborne-idrissi", "rahman", "barnard", "bolton"]"#,
            r#"order = ["dar", "wimborne-idrissi", "rahman", "barnard", ‸"corbyn"]"#,
            r#"candidate "corbyn" is not on the slate"#)
            .help("the slate is: barnard, bolton, dar, rahman, wimborne-idrissi").loose(),
        case("candidate twice in an order",
            r#"order = ["dar", "wimborne-idrissi", "rahman", "barnard", "bolton"]"#,
            r#"order = ["dar", "wimborne-idrissi", "rahman", "barnard", ‸"dar"]"#,
            r#"candidate "dar" appears twice: an order lists every slate candidate exactly once"#)
            .first("order = [‸\"dar\"").loose(),
        case("candidate left out of an order",
            r#"order = ["dar", "wimborne-idrissi", "rahman", "barnard", "bolton"]"#,
            r#"order = ‸["dar", "wimborne-idrissi", "rahman", "barnard"]"#,
            "the order leaves out bolton: it must list every slate candidate"),
        case("misspelt region in an order", r#"region = "northern""#, r#"region = ‸"nothern""#,
            r#"there is no region "nothern" in data/regions/labour.toml"#)
            .help(r#"did you mean "northern"?"#).loose(),
        case("two orders for a region", r#"region = "wales""#, r#"region = ‸"london""#,
            r#"region "london" has more than one order"#).first("region = ‸\"london\"").loose(),
        case("published order without a source",
            "provenance = \"published\"\nsource = \"https://nell.network/news/labour-internal-elections-alert/\"\n",
            "provenance = ‸\"published\"\n",
            "a published order needs a `source`: where it was published"),
        case("picks but not published", "picks = [\"Lara McNeill\"]\npublished = true",
            "picks = ‸[\"Lara McNeill\"]\npublished = false",
            "leave the picks out (never guess) when `published = false`"),
        case("more picks than votes", "votes = 2\npicks = [\"Cllr Matt White\"", "votes = 1\npicks = [\"Cllr Matt White\"",
            "2 picks, but a voter has only 1 vote").at("picks = ‸[\"Cllr Matt White\""),
        case("source cited that is not in the file", r#"sources = ["nell-2022-alert"]"#,
            r#"sources = [‸"nell"]"#, r#"source "nell" is not in this file's [[sources]]"#)
            .help(r#"did you mean "nell-2022-alert"?"#),
        // How a section is marked: sourced, or left out.
        case("marking neither numbers nor crosses", "electorate = \"youth\"\nvotes = 1\n",
            "electorate = \"youth\"\nvotes = 1\nmarking = ‸\"ticks\"\n",
            r#"unknown marking "ticks" (use "numbers" or "crosses")"#),
        case("marking without a source", "electorate = \"youth\"\nvotes = 1\n",
            "electorate = \"youth\"\nvotes = 1\nmarking = \"crosses\"\n",
            r#"how a section is marked needs `marking_sources = ["…"]`: the ids of the [[sources]] that give it"#)
            .at("‸[[seats]]\nid = \"youth\""),
        case("marking source not in the file", "electorate = \"youth\"\nvotes = 1\n",
            "electorate = \"youth\"\nvotes = 1\nmarking = \"numbers\"\nmarking_sources = [‸\"united-lef\"]\n",
            r#"source "united-lef" is not in this file's [[sources]]"#)
            .help(r#"did you mean "united-left-2020"?"#),
        case("marking sources without marking", "electorate = \"youth\"\nvotes = 1\n",
            "electorate = \"youth\"\nvotes = 1\nmarking_sources = ‸[\"united-left-2020\"]\n",
            r#"`marking_sources` without `marking`: say how the section is marked (`marking = "numbers"` or `"crosses"`), or leave both out"#),
        case("cross ballot with orders", r#"kind = "ranked""#, r#"kind = "cross""#,
            "a cross ballot has no preference order: remove the [[orders]] entries")
            .at("‸[[orders]]").loose(),
        case("more than 60 candidates", "[[candidates]]\nid = \"barnard\"",
            &format!("{sixty_one}[[candidates]]\nid = \"barnard\""),
            "the slate has 61 candidates; the limit is 60")
            .help("a ballot order longer than 60 is not one members can copy")
            .at("‸[[candidates]]\nid = \"wimborne-idrissi\""),
        // The regions file.
        case("two regions claim one ONS region", r#"ons_codes = ["E12000007"]"#,
            r#"ons_codes = [‸"E12000001"]"#, r#""E12000001" is claimed twice"#)
            .first("ons_codes = [‸\"E12000001\"]").regions(),
        case("two regions add one council area", r#"ons_codes = ["W92000004"]"#,
            "ons_codes = [\"W92000004\"]\nadd_lads = [‸\"E06000063\"]",
            r#""E06000063" is claimed twice"#)
            .first("add_lads = [‸\"E06000063\"").regions(),
        case("unknown ONS region", r#"ons_codes = ["E12000007"]"#, r#"ons_codes = [‸"E12000099"]"#,
            r#""E12000099" is not an ONS region or country code"#)
            .help("the codes are in data/postcodes/lad-regions.csv").regions(),
        case("unknown council area", r#"add_lads = ["E06000063", "E06000064"]"#,
            r#"add_lads = ["E06000063", ‸"E06099999"]"#,
            r#""E06099999" is not an ONS council area (LAD) code"#)
            .help("the codes are in data/postcodes/lad-regions.csv").regions(),
        case("live_postcodes 0", "live_postcodes = 180886", "live_postcodes = ‸0",
            "`live_postcodes` must be at least 1 for a region in the UK")
            .help("it weighs the region in generated orders; `slatecard check` re-counts it from the ONS postcode table")
            .regions(),
        case("two regions with one id", r#"id = "wales""#, r#"id = ‸"london""#,
            r#"region id "london" is used twice"#).first("id = ‸\"london\"").regions().loose(),
        case("two regions outside the UK", "live_postcodes = 50420\n",
            "live_postcodes = 50420\noutside_uk = ‸true\n",
            "a region outside the UK has no ONS codes: use `ons_codes = []`")
            .at("ons_codes = ‸[\"N92000002\"]").regions().loose(),
    ]
}

#[test]
fn the_bundled_data_has_no_problems() {
    let root = root();
    let problems = check_dir(&root, &Reference::load(&root));
    assert!(problems.is_empty(), "{}", shown(&problems));
}

#[test]
fn each_kind_of_bad_data_is_reported_at_its_value() {
    let cases = cases();
    let kinds: std::collections::BTreeSet<&str> = cases.iter().map(|c| c.kind).collect();
    assert_eq!(kinds.len(), cases.len(), "kinds are distinct");
    assert!(cases.len() >= 40, "{} kinds", cases.len());
    for c in &cases {
        run(c);
    }
}

/// A copy of the data (`data/regions`, `data/elections`, the ONS table) in
/// a fresh temporary folder; removed when dropped.
struct Copy(PathBuf);

impl Copy {
    fn new(name: &str) -> Copy {
        let dir =
            std::env::temp_dir().join(format!("slatecard-check-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for sub in ["data/regions", "data/elections", "data/postcodes"] {
            std::fs::create_dir_all(dir.join(sub)).expect("temp folder");
        }
        let (files, _) = election_files(&root().join(ELECTIONS_PATH));
        for f in files {
            let name = f.file_name().expect("a name");
            std::fs::copy(&f, dir.join(ELECTIONS_PATH).join(name)).expect("copy");
        }
        for f in [SCHEME_PATH, slatecard_data_format::LAD_REGIONS_PATH] {
            std::fs::copy(root().join(f), dir.join(f)).expect("copy");
        }
        Copy(dir)
    }

    fn write(&self, file: &str, text: &str) {
        std::fs::write(self.0.join(file), text).expect("write");
    }

    fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.0.join(file)).expect("read")
    }

    fn check(&self) -> Vec<Problem> {
        check_dir(&self.0, &reference())
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The last election file of the copy (by name), as `data/elections/NAME`.
fn last_election(copy: &Copy) -> String {
    let (files, _) = election_files(&copy.0.join(ELECTIONS_PATH));
    let name = files
        .last()
        .and_then(|f| f.file_name())
        .expect("an election file");
    format!("{ELECTIONS_PATH}/{}", name.to_string_lossy())
}

#[test]
fn editor_and_system_files_beside_the_data_are_skipped() {
    let copy = Copy::new("hidden");
    let last = last_election(&copy);
    let name = last.rsplit('/').next().expect("a name");
    for hidden in [
        format!(".#{name}"),
        format!("._{name}"),
        format!("{name}~"),
        ".DS_Store".to_owned(),
    ] {
        copy.write(&format!("{ELECTIONS_PATH}/{hidden}"), "not = [valid");
    }
    let problems = copy.check();
    assert!(problems.is_empty(), "{}", shown(&problems));
}

#[test]
fn an_election_file_saved_as_upper_case_toml_is_reported() {
    let copy = Copy::new("upper");
    let last = last_election(&copy);
    let text = copy.read(&last);
    std::fs::remove_file(copy.0.join(&last)).expect("remove");
    let upper = last.replace(".toml", ".TOML");
    copy.write(&upper, &text);
    let problems = copy.check();
    let stem = last
        .rsplit('/')
        .next()
        .expect("a name")
        .trim_end_matches(".toml");
    assert_eq!(
        shown(&problems),
        format!("{upper}:1:1: error: this file is not read: its name ends in `.TOML`, not `.toml`\n  help: rename it to `{stem}.toml`")
    );
}

#[test]
fn a_duplicate_election_id_blames_the_file_edited() {
    let copy = Copy::new("dupid");
    let (files, _) = election_files(&copy.0.join(ELECTIONS_PATH));
    assert!(files.len() >= 2);
    // Give the first file (by name) the second's id: the first is blamed
    // although it sorts first, and the help points at the second.
    let first = format!(
        "{ELECTIONS_PATH}/{}",
        files[0].file_name().expect("name").to_string_lossy()
    );
    let second = format!(
        "{ELECTIONS_PATH}/{}",
        files[1].file_name().expect("name").to_string_lossy()
    );
    let first_id = first
        .rsplit('/')
        .next()
        .expect("name")
        .trim_end_matches(".toml")
        .to_owned();
    let second_id = second
        .rsplit('/')
        .next()
        .expect("name")
        .trim_end_matches(".toml")
        .to_owned();
    let text = copy.read(&first).replacen(
        &format!("id = \"{first_id}\""),
        &format!("id = \"{second_id}\""),
        1,
    );
    copy.write(&first, &text);
    let problems = copy.check();
    let at = |file: &str, id: &str| {
        let (l, c) = position(&copy.read(file), &format!("id = ‸\"{id}\""));
        format!("{file}:{l}:{c}")
    };
    let dup = problems
        .iter()
        .find(|p| p.message.contains("already used"))
        .unwrap_or_else(|| panic!("{}", shown(&problems)));
    assert_eq!(
        dup.to_string(),
        format!(
            "{}: error: election id \"{second_id}\" is already used by {second}\n  help: the other is at {}",
            at(&first, &second_id),
            at(&second, &second_id)
        )
    );
    assert_eq!(problems.len(), 2, "{}", shown(&problems));
}

#[test]
fn a_region_deleted_from_the_regions_file_is_said_in_terms_of_the_region() {
    let copy = Copy::new("noregion");
    let regions = copy.read(SCHEME_PATH);
    let start = regions.find("[[regions]]\nid = \"wales\"").expect("wales");
    let end = start + regions[start..].find("\n\n").expect("blank line") + 2;
    copy.write(
        SCHEME_PATH,
        &format!("{}{}", &regions[..start], &regions[end..]),
    );
    let problems = copy.check();
    assert!(!problems.is_empty());
    for p in &problems {
        assert!(p.file.starts_with(ELECTIONS_PATH), "{p}");
        assert!(
            p.message == "there is no region \"wales\" in data/regions/labour.toml",
            "{p}"
        );
        let text = copy.read(&p.file);
        let line = text.lines().nth(p.line - 1).expect("the line");
        assert_eq!(&line[p.column - 1..p.column + 6], "\"wales\"", "{p}");
    }
}

#[test]
fn several_faults_in_one_file_are_all_reported_at_once() {
    let mut elections = elections();
    let e = elections
        .iter_mut()
        .find(|e| e.text.contains("name = \"Jess Barnard\"") && e.text.contains("held = 2022"))
        .expect("a file with both");
    e.text = e
        .text
        .replacen("name = \"Jess Barnard\"", "name = \"Jess  Barnard\"", 1)
        .replacen("held = 2022", "held = 2199", 1)
        .replacen("url = \"https://", "url = \"http://", 1);
    let problems = check_sources(&scheme(), &elections, &reference());
    let kinds: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        kinds.iter().any(|m| m.contains("two spaces in a row")),
        "{kinds:?}"
    );
    assert!(
        kinds.iter().any(|m| m.contains("`held = 2199`")),
        "{kinds:?}"
    );
    assert!(
        kinds
            .iter()
            .any(|m| m.contains("http://, which is not secure")),
        "{kinds:?}"
    );
    let mut lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
    lines.dedup();
    assert!(lines.len() >= 3, "{}", shown(&problems));
}

#[test]
fn no_mutation_of_a_file_makes_check_panic() {
    // Every election file, and the regions file, with bytes removed,
    // doubled or replaced throughout (a deterministic sweep).
    let scheme = scheme();
    let reference = reference();
    let parsed = slatecard_data_format::parse_scheme(&scheme.file, &scheme.text).expect("valid");
    let elections = elections();
    let mut sources: Vec<(bool, SourceFile)> =
        elections.iter().map(|e| (false, e.clone())).collect();
    sources.push((true, scheme.clone()));
    let replacements: [&[u8]; 8] = [b"", b"\"", b"[", b"]", b"=", b"\n", b"\xC3", b"#"];
    for (is_scheme, src) in sources {
        let bytes = src.text.as_bytes();
        let step = (bytes.len() / 40).max(1);
        for (k, at) in (0..bytes.len()).step_by(step).enumerate() {
            let mut mutated = bytes[..at].to_vec();
            mutated.extend_from_slice(replacements[k % replacements.len()]);
            mutated.extend_from_slice(&bytes[(at + 1).min(bytes.len())..]);
            let text = String::from_utf8_lossy(&mutated).into_owned();
            let file = SourceFile {
                file: src.file.clone(),
                text,
            };
            let mut problems = Vec::new();
            if is_scheme {
                check_scheme(&file.file, &file.text, &reference, &mut problems);
            } else {
                check_election(
                    &file.file,
                    &file.text,
                    Some((SCHEME_PATH, &parsed)),
                    &reference,
                    &mut problems,
                );
            }
            for p in &problems {
                assert!(p.line >= 1 && p.column >= 1, "{p}");
                assert!(!p.message.is_empty());
            }
        }
    }
}
