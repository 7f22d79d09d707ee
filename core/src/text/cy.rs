//! Welsh (Cymraeg): every message of [`super::en`], in the register a Welsh
//! public body uses with the public.
//!
//! The terms, and where each comes from, are in `docs/welsh-glossary.md`.
//! Welsh is not built from English: counted nouns stay singular after a
//! numeral and take the mutation the numeral asks for ("dau ddiwrnod",
//! "tri diwrnod", "pum niwrnod"), ordinals agree with their noun ("y rownd
//! gyntaf", "y drydedd rownd"), and place names mutate after the words that
//! mutate them ("yng Nghymru", "a Chymru", "rhanbarth yr Alban"). Names of
//! people, slates and elections are the data's and are never changed.

use super::shared::{group_digits, numbered, published, quota_figure};
use super::{Catalogue, Label, PageMeta, PrintText, ShellText, WhyText};
use crate::domain::date::{Date, Moment};
use crate::domain::election::{Change, Election, Electorate, Marking, Status};
use crate::domain::embedding::OptionError;
use crate::domain::link::Unknown;
use crate::domain::lookup::{Answer, LookupError, Resolution};
use crate::domain::model::{Found, Lang};
use crate::domain::page::{
    BallotView, Body, Eligibility, Instruction, OrderSource, Outcome, Page, ResultView,
    ResultsMissing, Timing,
};
use crate::domain::postcode::{Elsewhere, PostcodeError, Territory};
use crate::domain::region::RegionId;
use crate::domain::reminder::ReminderText;
#[cfg(not(target_arch = "wasm32"))]
use crate::domain::simulate::Simulation;
use crate::domain::table::TableError;

/// Welsh text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Welsh;

/// The day's name after "dydd" (Sunday first, as [`Date::weekday`] counts).
const WEEKDAYS: [&str; 7] = [
    "Sul", "Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn",
];

const MONTHS: [&str; 12] = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
];

// ----------------------------------------------------------------------
// Mutations
// ----------------------------------------------------------------------

/// The soft mutation (treiglad meddal) of a word's first sound.
const SOFT: [(&str, &str); 9] = [
    ("ll", "l"),
    ("rh", "r"),
    ("c", "g"),
    ("p", "b"),
    ("t", "d"),
    ("g", ""),
    ("b", "f"),
    ("d", "dd"),
    ("m", "f"),
];

/// The nasal mutation (treiglad trwynol).
const NASAL: [(&str, &str); 6] = [
    ("c", "ngh"),
    ("p", "mh"),
    ("t", "nh"),
    ("g", "ng"),
    ("b", "m"),
    ("d", "n"),
];

/// The aspirate mutation (treiglad llaes).
const ASPIRATE: [(&str, &str); 3] = [("c", "ch"), ("p", "ph"), ("t", "th")];

/// Welsh's accented letters, lower case and capital, in the same order.
/// Case is changed only for ASCII and these: `char::to_uppercase` would
/// bring Unicode's case tables (27 KB) into the Welsh island for letters
/// Welsh words never start with.
const ACCENTED: [(char, char); 14] = [
    ('â', 'Â'),
    ('ê', 'Ê'),
    ('î', 'Î'),
    ('ô', 'Ô'),
    ('û', 'Û'),
    ('ŵ', 'Ŵ'),
    ('ŷ', 'Ŷ'),
    ('á', 'Á'),
    ('é', 'É'),
    ('í', 'Í'),
    ('ó', 'Ó'),
    ('ú', 'Ú'),
    ('ï', 'Ï'),
    ('ë', 'Ë'),
];

/// `c` in upper case (ASCII and Welsh's accented letters).
#[inline]
fn upper(c: char) -> char {
    ACCENTED
        .iter()
        .find(|(l, _)| *l == c)
        .map_or(c.to_ascii_uppercase(), |(_, u)| *u)
}

/// `c` in lower case (ASCII and Welsh's accented letters).
#[inline]
fn lower(c: char) -> char {
    ACCENTED
        .iter()
        .find(|(_, u)| *u == c)
        .map_or(c.to_ascii_lowercase(), |(l, _)| *l)
}

/// Whether `c` is a capital (ASCII and Welsh's accented letters).
#[inline]
fn is_capital(c: char) -> bool {
    c.is_ascii_uppercase() || ACCENTED.iter().any(|(_, u)| *u == c)
}

/// `word` with its first letter in upper case.
#[inline]
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => std::iter::once(upper(first)).chain(chars).collect(),
        None => String::new(),
    }
}

/// `word` mutated by `table`, keeping a capital (`Gogledd` → `Ogledd`).
/// `ch`, `ph` and `th` never mutate; digits and vowels are left alone.
#[inline]
fn mutate(word: &str, table: &[(&str, &str)]) -> String {
    let start = word.get(..2).unwrap_or(word).to_ascii_lowercase();
    if ["ch", "ph", "th"].iter().any(|d| start.starts_with(d)) {
        return word.to_owned();
    }
    for (from, to) in table {
        if start.starts_with(from) {
            let mutated = format!("{to}{}", &word[from.len()..]);
            return if word.starts_with(is_capital) {
                capitalise(&mutated)
            } else {
                mutated
            };
        }
    }
    word.to_owned()
}

#[inline]
fn soft(word: &str) -> String {
    mutate(word, &SOFT)
}

#[inline]
fn nasal(word: &str) -> String {
    mutate(word, &NASAL)
}

#[inline]
fn aspirate(word: &str) -> String {
    mutate(word, &ASPIRATE)
}

/// Whether `word` starts with a vowel, for `a`/`ac` and `y`/`yr` ("yr
/// wyth", "ac Ann"). A `y` before another vowel (Yasmine) is a consonant.
#[inline]
fn vowel_start(word: &str) -> bool {
    let mut chars = word.chars().map(lower);
    match (chars.next(), chars.next()) {
        (Some('y'), Some(next)) => !"aeiouâêîôûáéíóú".contains(next),
        (Some(c), _) => "aeiouwyâêîôûŵŷáéíóú".contains(c),
        (None, _) => false,
    }
}

// ----------------------------------------------------------------------
// Counting
// ----------------------------------------------------------------------

/// A noun that can be counted: numerals take the singular, and mutate it
/// according to the noun's gender.
#[derive(Clone, Copy, Debug)]
struct Noun {
    /// The singular.
    word: &'static str,
    /// Feminine nouns take `dwy`, `tair`, `pedair` and mutate after `un`.
    feminine: bool,
    /// `diwrnod` (and `blynedd`, `blwydd`) take the nasal mutation after
    /// `pum`, `saith`, `wyth`, `naw` and `deng`: "pum niwrnod".
    nasal: bool,
}

const DIWRNOD: Noun = Noun {
    word: "diwrnod",
    feminine: false,
    nasal: true,
};
const YMGEISYDD: Noun = Noun {
    word: "ymgeisydd",
    feminine: false,
    nasal: false,
};
const ENW: Noun = Noun {
    word: "enw",
    feminine: false,
    nasal: false,
};
const CROES: Noun = Noun {
    word: "croes",
    feminine: true,
    nasal: false,
};
const SEDD: Noun = Noun {
    word: "sedd",
    feminine: true,
    nasal: false,
};
/// (Only the why pages, drawn natively at build time, count scenarios.)
#[cfg(not(target_arch = "wasm32"))]
const SENARIO: Noun = Noun {
    word: "senario",
    feminine: false,
    nasal: false,
};
const CYNRYCHIOLYDD: Noun = Noun {
    word: "cynrychiolydd",
    feminine: false,
    nasal: false,
};
const NOD: Noun = Noun {
    word: "nod",
    feminine: false,
    nasal: false,
};
const ROWND: Noun = Noun {
    word: "rownd",
    feminine: true,
    nasal: false,
};

/// `n` `noun`s, as a Welsh reader says them: numbers up to ten in words
/// with the mutation each numeral causes, larger ones in figures with the
/// singular ("dau ddiwrnod", "tair croes", "pum niwrnod", "chwe chroes",
/// "14 diwrnod").
#[inline]
fn count(n: u64, noun: Noun) -> String {
    let w = noun.word;
    let nasal_if = |numeral: &str| {
        if noun.nasal {
            format!("{numeral} {}", nasal(w))
        } else {
            format!("{numeral} {w}")
        }
    };
    match (n, noun.feminine) {
        // A feminine noun mutates after "un", except ll- and rh-.
        (1, true) if !(w.starts_with("ll") || w.starts_with("rh")) => format!("un {}", soft(w)),
        (1, _) => format!("un {w}"),
        (2, false) => format!("dau {}", soft(w)),
        (2, true) => format!("dwy {}", soft(w)),
        (3, false) => format!("tri {}", aspirate(w)),
        (3, true) => format!("tair {w}"),
        (4, false) => format!("pedwar {w}"),
        (4, true) => format!("pedair {w}"),
        (5, _) => nasal_if("pum"),
        (6, _) => format!("chwe {}", aspirate(w)),
        (7, _) => nasal_if("saith"),
        (8, _) => nasal_if("wyth"),
        (9, _) => nasal_if("naw"),
        (10, _) if noun.nasal => format!("deng {}", nasal(w)),
        (10, _) => format!("deg {w}"),
        _ => format!("{n} {w}"),
    }
}

/// The numeral on its own ("tri o'r…", "mewn pump o'r…"), in words up to
/// ten, agreeing with the gender of what is counted.
#[inline]
fn numeral(n: u64, feminine: bool) -> String {
    let word = match (n, feminine) {
        (1, _) => "un",
        (2, false) => "dau",
        (2, true) => "dwy",
        (3, false) => "tri",
        (3, true) => "tair",
        (4, false) => "pedwar",
        (4, true) => "pedair",
        (5, _) => "pump",
        (6, _) => "chwech",
        (7, _) => "saith",
        (8, _) => "wyth",
        (9, _) => "naw",
        (10, _) => "deg",
        _ => return n.to_string(),
    };
    word.to_owned()
}

/// A counted phrase after the definite article, which mutates `dau` and
/// `dwy` ("y ddau ymgeisydd"); `yr` before a vowel ("yr wyth ymgeisydd").
#[inline]
fn the(counted: &str) -> String {
    if counted.starts_with("dau ") || counted.starts_with("dwy ") {
        format!("y {}", soft(counted))
    } else if vowel_start(counted) {
        format!("yr {counted}")
    } else {
        format!("y {counted}")
    }
}

/// `the` after a preposition that ends in a vowel (`i`, `o`): "i'r",
/// "o'r".
#[inline]
fn the_after(preposition: &str, counted: &str) -> String {
    let with_article = the(counted);
    let rest = with_article
        .strip_prefix("yr ")
        .or_else(|| with_article.strip_prefix("y "))
        .unwrap_or(&with_article);
    format!("{preposition}'r {rest}")
}

// ----------------------------------------------------------------------
// Ordinals
// ----------------------------------------------------------------------

/// The ordinal `n` (1 to 20) in the gender of its noun, with the part that
/// follows the noun in the compound ordinals 11 to 19 ("unfed … ar ddeg").
/// `cyntaf` follows its noun; every other ordinal precedes it.
#[inline]
fn ordinal_parts(n: u8, feminine: bool) -> Option<(&'static str, &'static str)> {
    let m_f = |m, f| if feminine { f } else { m };
    Some(match n {
        1 => ("cyntaf", ""),
        2 => ("ail", ""),
        3 => (m_f("trydydd", "trydedd"), ""),
        4 => (m_f("pedwerydd", "pedwaredd"), ""),
        5 => ("pumed", ""),
        6 => ("chweched", ""),
        7 => ("seithfed", ""),
        8 => ("wythfed", ""),
        9 => ("nawfed", ""),
        10 => ("degfed", ""),
        11 => ("unfed", " ar ddeg"),
        12 => ("deuddegfed", ""),
        13 => (m_f("trydydd", "trydedd"), " ar ddeg"),
        14 => (m_f("pedwerydd", "pedwaredd"), " ar ddeg"),
        15 => ("pymthegfed", ""),
        16 => ("unfed", " ar bymtheg"),
        17 => ("ail", " ar bymtheg"),
        18 => ("deunawfed", ""),
        19 => (m_f("pedwerydd", "pedwaredd"), " ar bymtheg"),
        20 => ("ugeinfed", ""),
        _ => return None,
    })
}

/// The ordinal `n` on its own (1 to 20): "cyntaf", "trydedd ar ddeg".
///
/// ```
/// use slatecard_core::text::cy::ordinal;
/// assert_eq!(ordinal(3, false).as_deref(), Some("trydydd"));
/// assert_eq!(ordinal(3, true).as_deref(), Some("trydedd"));
/// assert_eq!(ordinal(14, true).as_deref(), Some("pedwaredd ar ddeg"));
/// assert_eq!(ordinal(21, true), None);
/// ```
#[inline]
pub fn ordinal(n: u8, feminine: bool) -> Option<String> {
    ordinal_parts(n, feminine).map(|(word, tail)| format!("{word}{tail}"))
}

/// "The `n`th `noun`", with the article and every mutation: a feminine noun
/// mutates after the article and after its ordinal, the ordinal after the
/// article ("y drydedd rownd"), and every noun after `ail` ("yr ail
/// ddewis"); 11 to 19 put the noun inside ("y bedwaredd rownd ar ddeg").
/// `None` past 20.
#[inline]
fn the_nth(n: u8, noun: Noun) -> Option<String> {
    let (word, tail) = ordinal_parts(n, noun.feminine)?;
    let fem_soft = |w: &str| {
        if noun.feminine && !(w.starts_with("ll") || w.starts_with("rh")) {
            soft(w)
        } else {
            w.to_owned()
        }
    };
    Some(if n == 1 {
        // The noun comes first, after the article; "cyntaf" mutates after a
        // feminine noun.
        let article = if vowel_start(noun.word) { "yr" } else { "y" };
        let first = if noun.feminine {
            soft(word)
        } else {
            word.to_owned()
        };
        format!("{article} {} {first}", fem_soft(noun.word))
    } else {
        let ordinal = if noun.feminine {
            soft(word)
        } else {
            word.to_owned()
        };
        let article = if vowel_start(&ordinal) { "yr" } else { "y" };
        let noun_form = if n == 2 || n == 17 {
            soft(noun.word)
        } else {
            fem_soft(noun.word)
        };
        format!("{article} {ordinal} {noun_form}{tail}")
    })
}

// ----------------------------------------------------------------------
// Places
// ----------------------------------------------------------------------

/// The Welsh name of a Labour region, as a heading or list entry would
/// give it ("Yr Alban"); the Welsh for [`RegionId::name`], which the shells
/// call directly where they list regions (the trait has no method for
/// it). A region the table lacks keeps the data's name (tests make sure
/// every bundled region has a Welsh one).
///
/// ```
/// use slatecard_core::domain::region::RegionId;
/// use slatecard_core::text::cy::region_name;
/// assert_eq!(region_name(RegionId::from_slug("wales").unwrap()), "Cymru");
/// assert_eq!(region_name(RegionId::from_slug("scotland").unwrap()), "Yr Alban");
/// ```
#[inline]
pub fn region_name(region: RegionId) -> &'static str {
    match region.slug() {
        "northern" => "Gogledd Lloegr",
        "north-west" => "Gogledd-orllewin Lloegr",
        "yorkshire" => "Swydd Efrog a'r Humber",
        "east-midlands" => "Dwyrain Canolbarth Lloegr",
        "west-midlands" => "Gorllewin Canolbarth Lloegr",
        "eastern" => "Dwyrain Lloegr",
        "london" => "Llundain",
        "south-east" => "De-ddwyrain Lloegr",
        "south-west" => "De-orllewin Lloegr",
        "scotland" => "Yr Alban",
        "wales" => "Cymru",
        "northern-ireland" => "Gogledd Iwerddon",
        "international" => "Llafur Rhyngwladol",
        _ => region.name(),
    }
}

/// A name inside a sentence: the article of "Yr Alban" is lower case.
#[inline]
fn mid(name: &str) -> String {
    match name.strip_prefix("Yr ") {
        Some(rest) => format!("yr {rest}"),
        None => match name.strip_prefix("Y ") {
            Some(rest) => format!("y {rest}"),
            None => name.to_owned(),
        },
    }
}

/// The region's name inside a sentence ("rhanbarth yr Alban").
#[inline]
fn region_mid(region: RegionId) -> String {
    mid(region_name(region))
}

/// "In `place`": `yn` with the nasal mutation, and `yng`/`ym` before the
/// sounds it makes ("yng Nghymru", "yn Llundain", "yn yr Alban").
#[inline]
fn yn(place: &str) -> String {
    let place = mid(place);
    if place.starts_with("yr ") || place.starts_with("y ") {
        return format!("yn {place}");
    }
    let mutated = nasal(&place);
    let lower = mutated.to_ascii_lowercase();
    if lower.starts_with("ng") {
        format!("yng {mutated}")
    } else if lower.starts_with('m') {
        format!("ym {mutated}")
    } else {
        format!("yn {mutated}")
    }
}

/// Places joined by "a" ("and"): `ac` before a vowel, `a'r` before the
/// article, and the aspirate mutation after `a` ("Llundain a Chymru").
#[inline]
fn and_places(places: &[String]) -> String {
    join(places, |last| {
        if let Some(rest) = last
            .strip_prefix("yr ")
            .or_else(|| last.strip_prefix("Yr "))
        {
            format!(" a'r {rest}")
        } else if vowel_start(last) {
            format!(" ac {last}")
        } else {
            format!(" a {}", aspirate(last))
        }
    })
}

/// People's names joined by "a": names of people are never mutated, so
/// only `ac` before a vowel changes.
#[inline]
fn and_names(names: &[&str]) -> String {
    let owned: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    join(&owned, |last| {
        if vowel_start(last) {
            format!(" ac {last}")
        } else {
            format!(" a {last}")
        }
    })
}

/// `A`, `A a B`, `A, B a C`: commas, then the last item as `last_with`
/// words it (with its joining word).
#[inline]
fn join(items: &[String], last_with: impl Fn(&str) -> String) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{}", init.join(", "), last_with(last)),
    }
}

/// The Welsh name of a British Overseas Territory (Welsh Wikipedia's or
/// CLDR's: the sources are in `docs/welsh-glossary.md`).
#[inline]
fn territory(t: Territory) -> &'static str {
    match t {
        Territory::Ascension => "Ynys Ascension",
        Territory::StHelena => "Saint Helena",
        Territory::TristanDaCunha => "Tristan da Cunha",
        Territory::BritishIndianOcean => "Tiriogaeth Brydeinig Cefnfor India",
        Territory::BritishAntarctic => "Tiriogaeth Antarctig Prydain",
        Territory::Falklands => "Ynysoedd y Falklands",
        Territory::Gibraltar => "Gibraltar",
        Territory::Pitcairn => "Ynysoedd Pitcairn",
        Territory::SouthGeorgia => "De Georgia ac Ynysoedd Sandwich y De",
        Territory::TurksCaicos => "Ynysoedd Turks a Caicos",
        Territory::Cayman => "Ynysoedd Cayman",
        Territory::VirginIslands => "Ynysoedd Gwyryf Prydain",
        Territory::Anguilla => "Anguilla",
        Territory::Montserrat => "Montserrat",
    }
}

// ----------------------------------------------------------------------
// Shared sentences
// ----------------------------------------------------------------------

/// Where a postcode, as understood, lies; a repaired reading is said back.
#[inline]
fn in_region(understood: &str, repaired: bool, region: RegionId) -> String {
    if repaired {
        format!(
            "Rydym wedi darllen hynny fel {understood}, sydd yn rhanbarth {}.",
            region_mid(region)
        )
    } else {
        format!("Mae {understood} yn rhanbarth {}.", region_mid(region))
    }
}

#[inline]
fn crown_dependency(place: &str) -> String {
    format!(
        "Nid yw {place} yn rhan o un o ranbarthau'r DU: mae aelodau Llafur yno yn perthyn i Lafur Rhyngwladol."
    )
}

/// The regions' names, each as a list entry.
#[inline]
fn region_names(regions: &[RegionId]) -> Vec<String> {
    regions.iter().map(|r| region_mid(*r)).collect()
}

/// "dydd Mawrth 17 Medi 2024": the day and the date, as a noun phrase.
#[inline]
fn day_and_date(catalogue: &Welsh, date: Date) -> String {
    let weekday = WEEKDAYS[usize::from(date.weekday() % 7)];
    format!("dydd {weekday} {}", catalogue.date(date))
}

/// When a ballot closes, after "mae'n cau": "ddydd Mawrth 17 Medi 2024,
/// hanner dydd amser y DU" (the adverbial day mutates), or "ar ddiwedd
/// dydd Mawrth 30 Awst 2022, amser y DU" for a date alone.
#[inline]
fn closing(catalogue: &Welsh, closes: Moment, with_zone_for_day: bool) -> String {
    let day = day_and_date(catalogue, closes.date);
    match closes.time {
        None if with_zone_for_day => format!("ar ddiwedd {day}, amser y DU"),
        None => format!("ar ddiwedd {day}"),
        Some(_) => format!(
            "{}{}",
            soft(&day_and_date(catalogue, closes.date)),
            catalogue
                .moment(closes)
                .strip_prefix(&catalogue.date(closes.date))
                .unwrap_or_default()
        ),
    }
}

impl Catalogue for Welsh {
    #[inline]
    fn region_name(&self, region: RegionId) -> &'static str {
        region_name(region)
    }

    #[inline]
    fn shell(&self) -> ShellText {
        ShellText {
            page_title: "slatecard — sut i lenwi eich papur pleidleisio ar gyfer NEC Llafur",
            description: "Y drefn y mae eich tîm yn ei hargymell ar gyfer pleidlais NEC Llafur, yn ôl eich rhanbarth. Mae'n gweithio ar eich ffôn; nid yw eich cod post byth yn gadael y ddyfais.",
            no_script: "Mae angen JavaScript a WebAssembly ar slatecard i gyfrifo trefn eich papur pleidleisio ar eich dyfais.",
            loading: "Wrthi'n llwytho trefn eich tîm…",
            frame_title: "slatecard: sut i lenwi eich papur pleidleisio",
            oembed_title: "slatecard: sut mae eich tîm yn argymell llenwi eich papur pleidleisio Llafur",
            app_failed: "Nid oedd modd i'r chwilio am god post ddechrau yn y porwr hwn (efallai ei fod wedi'i rwystro, all-lein neu'n rhy hen). Dewiswch eich rhanbarth isod: mae trefn pob rhanbarth yn gweithio hebddo.",
            widget_failed: "Nid oedd modd i slatecard ddechrau yn y porwr hwn (efallai ei fod wedi'i rwystro, all-lein neu'n rhy hen).",
            retry: "Rhowch gynnig arall arni",
            looking_up: self.label(Label::PostcodeLoading),
            copied: self.label(Label::Copied),
            corrected: "Mae trefn wedi'i chywiro ar gael.",
            reload: "Ail-lwytho",
        }
    }

    #[inline]
    fn label(&self, label: Label) -> &'static str {
        match label {
            Label::Brand => "slatecard",
            Label::OtherLanguage => "English",
            Label::LanguageOffer => "Mae'r dudalen hon ar gael yn Gymraeg hefyd:",
            Label::LanguageOfferNo => "Dim diolch",
            Label::Tagline => {
                "Sut mae'r tîm rydych chi'n ei gefnogi yn argymell llenwi eich papur pleidleisio Llafur, yn ôl ble rydych chi'n byw."
            }
            Label::Election => "Etholiad",
            Label::OtherElections => "Etholiadau eraill:",
            Label::YourPostcode => "Eich cod post",
            Label::PostcodeHint => "Cod post y cyfeiriad ar eich aelodaeth o'r Blaid Lafur, neu ei ran gyntaf yn unig, fel SW1A. Mae'n aros ar eich dyfais.",
            Label::PostcodeNeedsScript => "Mae angen JavaScript i ddod o hyd i'ch rhanbarth o god post, ac mae JavaScript wedi'i ddiffodd. Dewiswch eich rhanbarth isod yn lle hynny.",
            Label::ErrorPrefix => "Gwall: ",
            Label::PostcodeLoading => "Wrthi'n chwilio am eich cod post…",
            Label::FindMyRegion => "Dod o hyd i fy rhanbarth",
            Label::ShowInternational => "Dangos Llafur Rhyngwladol",
            Label::OrChooseRegion => "Neu, dewiswch eich rhanbarth",
            Label::RegionHint => {
                "Rydych chi'n pleidleisio yn rhanbarth y cyfeiriad sydd ar eich aelodaeth o'r Blaid Lafur."
            }
            Label::OutsideUk => "Rwy'n byw y tu allan i'r DU",
            Label::ChoosePlaceholder => "Dewiswch…",
            Label::ChangeRegion => "Newid rhanbarth",
            Label::PublishedOrder => {
                "Dyma'r drefn a gyhoeddodd y tîm ar gyfer y rhanbarth hwn. Ffynhonnell: "
            }
            Label::Source => " Ffynhonnell: ",
            Label::GeneratedOrder => "Cyfrifwyd gan slatecard, nid gan y tîm.",
            Label::GeneratedWhy => "Nid oes gan ein ffynonellau drefn gan y tîm ar gyfer y rhanbarth hwn: mae hon yn rhannu'r dewisiadau cyntaf rhwng ymgeiswyr y tîm, fel y mae ei drefnau rhanbarthol i fod i'w wneud.",
            Label::HowOrderMade => "Sut y lluniwyd y drefn hon",
            Label::HowRestMade => "Sut y lluniwyd y gweddill",
            Label::OtherSeats => "Seddi eraill ar yr un papur pleidleisio",
            Label::NotPublishedHere => "Heb eu cyhoeddi yma",
            Label::ElectionNotes => "Nodiadau am yr etholiad hwn",
            Label::OpenFullPage => "Agor y dudalen lawn ↗",
            Label::PrivacyPromise => "Mae slatecard yn gweithio ar eich dyfais yn unig: nid oes dim a ddewiswch nac a deipiwch yn cael ei anfon i unman.",
            Label::Sources => "Ffynonellau ar gyfer yr etholiad hwn",
            Label::Independent => "Offeryn annibynnol yw slatecard. Nid y Blaid Lafur nac unrhyw dîm o ymgeiswyr sy'n ei redeg.",
            Label::EmbedThis => "Mewnosod hwn ar eich blog neu'ch gwefan",
            Label::EmbedLoader => "Sgript (yn newid ei maint ei hun)",
            Label::EmbedLoaderHelp => {
                "Ar gyfer gwefannau sy'n caniatáu sgriptiau, e.e. bloc ‘Custom HTML’ yn WordPress."
            }
            Label::EmbedIframe => "Iframe plaen",
            Label::EmbedIframeHelp => "Ar gyfer gwefannau sy'n caniatáu iframes ond nid sgriptiau.",
            Label::EmbedLink => "Dolen",
            Label::EmbedLinkHelp => "Ar gyfer gwefannau nad ydynt yn caniatáu'r naill na'r llall (e.e. cynlluniau am ddim WordPress.com). Mae gludo cyfeiriad y dudalen ar ei linell ei hun hefyd yn ei mewnosod mewn WordPress sy'n cael ei letya gennych chi.",
            Label::Copy => "Copïo",
            Label::Preview => "Rhagolwg:",
            Label::PreviewTitle => "Rhagolwg o'r teclyn wedi'i fewnosod",
            Label::More => "Seddi eraill, canlyniadau a nodiadau",
            Label::EnterYourPostcode => "Rhowch eich cod post",
            Label::PublishedElsewhere => "Trefnau'r tîm ei hun: ",
            Label::Share => "Rhannu",
            Label::ShareWithoutRegion => "Rhannu heb fy rhanbarth",
            Label::Copied => "Wedi'i gopïo",
            Label::AddReminder => "Ychwanegu nodyn atgoffa at fy nghalendr",
            Label::YourRegionHere => "Eich rhanbarth, wedi'i gofio ar y ddyfais hon: ",
            Label::Forget => "Anghofio hwn",
            Label::Elected => "Etholwyd",
            Label::AfterTheCount => "Ar ôl y cyfrif",
            Label::NominationStage => "Heb eu cadarnhau ar y papur pleidleisio: dewiswyd tra oedd yr enwebiadau ar agor",
            Label::NotElected => "Nid etholwyd",
            Label::Results => "Canlyniadau",
            Label::CountUnknown => "(—: nid yw yn ein ffynonellau)",
            Label::BallotUnknown => "Fel y mae eich papur pleidleisio yn eu rhestru (yn nhrefn yr wyddor), gyda marciau'r tîm. Bydd ymgeiswyr eraill rhyngddynt: nid ydym wedi dod o hyd i'r rhestr lawn.",
            Label::Unopposed => "Penderfynwyd yn ddiwrthwynebiad, felly nid ydynt ar y papur pleidleisio:",
            Label::FirstPreferences => "Pleidleisiau dewis cyntaf i ymgeiswyr y tîm",
            Label::Votes => "Pleidleisiau i ymgeiswyr y tîm",
            Label::MarkAsAsked => "Marciwch ddewisiadau'r tîm fel y mae pob adran o'r papur pleidleisio yn gofyn: rhifau (1, 2…) neu groesau.",
            Label::WhyDifferent => "Pam mae fy nhrefn i'n wahanol i drefn ffrind?",
            Label::CrashTitle => "Mae'n ddrwg gennym, aeth rhywbeth o'i le",
            Label::CrashBody => "Cafodd slatecard broblem nad oedd modd iddo ei datrys. Ail-lwythwch y dudalen. Nid oes dim a deipiwyd gennych wedi gadael eich dyfais.",
            Label::PrintCards => "Argraffu cardiau ar gyfer stondin",
        }
    }

    #[inline]
    fn page_meta(&self, page: &Page) -> PageMeta {
        let e = page.election.election;
        match &page.body {
            Body::Result { result, .. } => {
                let region = region_name(result.region);
                let order = numbered(&result.entries, "");
                let whose = match result.source {
                    OrderSource::Published { .. } => "y drefn a gyhoeddodd y tîm",
                    OrderSource::PartlyPublished { .. } => {
                        "y tîm a gyhoeddodd y safleoedd cyntaf, a slatecard a gyfrifodd y gweddill"
                    }
                    OrderSource::Generated { .. } => {
                        "wedi'i chyfrifo gan slatecard: ni chyhoeddodd y tîm drefn ar gyfer y rhanbarth hwn"
                    }
                    OrderSource::NoOrder => "croes wrth bob un; does dim ots am y drefn",
                };
                PageMeta {
                    title: format!("{}, {region}: sut i bleidleisio — slatecard", e.short_title),
                    description: format!("{}, {region}: {} ({whose}).", e.title_in(Lang::Cy), order.join(", ")),
                }
            }
            Body::Choose(_) => PageMeta {
                title: format!(
                    "{}: sut i bleidleisio, fesul rhanbarth — slatecard",
                    e.short_title
                ),
                description: format!(
                    "Sut mae tîm {} yn argymell llenwi eich papur pleidleisio ar gyfer {}, yn ôl eich rhanbarth Llafur. Mae'n gweithio ar eich ffôn; nid yw eich cod post byth yn gadael y ddyfais.",
                    e.slate_in(Lang::Cy), e.title_in(Lang::Cy)
                ),
            },
        }
    }

    #[inline]
    fn date(&self, d: Date) -> String {
        let month = MONTHS[usize::from(d.month.clamp(1, 12) - 1)];
        format!("{} {month} {}", d.day, d.year)
    }

    #[inline]
    fn moment(&self, m: Moment) -> String {
        match m.time {
            None => self.date(m.date),
            // The data's times are the UK's: members abroad (Labour
            // International) would otherwise read them in their own zone.
            Some((12, 0)) => format!("{}, hanner dydd amser y DU", self.date(m.date)),
            Some((h, min)) => format!("{}, {h:02}:{min:02} amser y DU", self.date(m.date)),
        }
    }

    #[inline]
    fn timing(&self, t: Timing) -> String {
        match t.status {
            Status::Upcoming { opens } => {
                format!("Mae'r bleidlais yn agor ar {}", self.moment(opens))
            }
            Status::Open { closes: Some(c) } => {
                // After the dash, the day as a phrase of its own: "dydd
                // Mawrth 30 Awst 2022, hanner dydd amser y DU"; a date alone
                // closes at the end of that day.
                let day = match c.time {
                    None => format!("diwedd {}, amser y DU", day_and_date(self, c.date)),
                    Some(_) => format!(
                        "{}{}",
                        day_and_date(self, c.date),
                        self.moment(c)
                            .strip_prefix(&self.date(c.date))
                            .unwrap_or_default()
                    ),
                };
                match t.days_left() {
                    Some(0) => format!("Mae'r bleidlais yn cau heddiw — {day}"),
                    Some(1) => format!("Mae'r bleidlais yn cau yfory — {day}"),
                    Some(n) => format!(
                        "Mae'r bleidlais yn cau ymhen {} — {day}",
                        count(n.unsigned_abs(), DIWRNOD)
                    ),
                    None => format!(
                        "Mae'r bleidlais ar agor — mae'n cau {}",
                        closing(self, c, true)
                    ),
                }
            }
            Status::Open { closes: None } => "Mae'r bleidlais ar agor".to_owned(),
            Status::Closed { closed: Some(c) } => {
                format!("Caeodd y bleidlais ar {}", self.moment(c))
            }
            Status::Closed { closed: None } => format!(
                "Nid yw dyddiadau pleidlais {} yn ein ffynonellau: mae'n debygol iawn ei bod wedi cau",
                t.held
            ),
        }
    }

    #[inline]
    fn results_missing(&self, missing: ResultsMissing) -> &'static str {
        match missing {
            ResultsMissing::Closed => "Mae'r bleidlais wedi cau. Nid yw'r canlyniadau yn nata slatecard eto.",
            ResultsMissing::LikelyClosed => "Mae'n debygol iawn bod y bleidlais wedi cau: nid yw dyddiadau'r bleidlais hon yn ein ffynonellau. Nid yw'r canlyniadau yn nata slatecard eto.",
        }
    }

    #[inline]
    fn copy_button(&self, ranked: bool) -> &'static str {
        if ranked {
            "Copïo fy nhrefn"
        } else {
            "Copïo'r enwau"
        }
    }

    #[inline]
    fn instruction(&self, i: Instruction) -> String {
        match i {
            Instruction::Rank { count: n } => format!(
                "Ar eich papur pleidleisio, rhowch rif {} hyn, o 1 i {n}, yn y drefn hon.",
                the_after("i", &count(n as u64, YMGEISYDD))
            ),
            Instruction::Cross { count: n, max } => format!(
                "Rhowch groes wrth bob un {} hyn (mae gennych hyd at {}; does dim ots am y drefn).",
                the_after("o", &count(n as u64, ENW)),
                soft(&count(u64::from(max), CROES))
            ),
        }
    }

    #[inline]
    fn partly_published(&self, positions: u8) -> String {
        format!("Y tîm a gyhoeddodd safleoedd 1–{positions}; slatecard a gyfrifodd y gweddill.")
    }

    #[inline]
    fn eligibility(&self, who: Eligibility) -> String {
        let place = match who.region {
            None => String::new(),
            Some(region) => format!(" {}", yn(region_name(region))),
        };
        let and_place = if place.is_empty() {
            String::new()
        } else {
            format!(" ac yn aelod{place}")
        };
        match who.electorate {
            Electorate::All => format!("Gall pob aelod{place} bleidleisio"),
            Electorate::Youth => format!("Dim ond os ydych o dan 27 oed{and_place}"),
            Electorate::Bame => format!(
                "Dim ond os ydych yn eich diffinio eich hun yn berson Du, Asiaidd neu ethnig leiafrifol{and_place}"
            ),
            Electorate::Disabled => format!(
                "Dim ond os ydych yn eich diffinio eich hun yn berson anabl{and_place}"
            ),
            Electorate::Councillors => format!("Dim ond os ydych yn gynghorydd{and_place}"),
        }
    }

    #[inline]
    fn marking(&self, marking: Marking, votes: u8) -> String {
        let votes_n = u64::from(votes);
        match (marking, votes) {
            (Marking::Unknown, 0) => String::new(),
            (Marking::Unknown, 1) => count(1, YMGEISYDD),
            (Marking::Unknown, _) => format!("hyd at {}", soft(&count(votes_n, YMGEISYDD))),
            (Marking::Numbers, 0) => {
                "Rhowch rifau yn nhrefn eich dewis: 1 wrth eich dewis cyntaf, 2 wrth yr un nesaf"
                    .to_owned()
            }
            (Marking::Numbers, 1) => "Rhowch 1 wrth un enw".to_owned(),
            (Marking::Numbers, n) => {
                format!("Rhowch rifau hyd at {n}: 1 wrth eich dewis cyntaf, 2 wrth yr un nesaf")
            }
            (Marking::Crosses, 0) => {
                "Rhowch groes wrth bob enw rydych chi'n pleidleisio drosto".to_owned()
            }
            (Marking::Crosses, 1) => "Rhowch groes wrth un enw".to_owned(),
            (Marking::Crosses, _) => {
                format!("Rhowch groes wrth hyd at {}", soft(&count(votes_n, ENW)))
            }
        }
    }

    #[inline]
    fn names(&self, names: &[&str]) -> String {
        and_names(names)
    }

    #[inline]
    fn answer(&self, a: &Answer) -> String {
        let understood = &a.understood;
        match &a.resolution {
            Resolution::Region(r) => in_region(understood, a.repaired, *r),
            Resolution::Choice(rs) => format!(
                "Mae {understood} wedi'i rannu rhwng {}. Rhowch eich cod post llawn, neu dewiswch:",
                and_places(&region_names(rs))
            ),
            Resolution::NotFound => format!(
                "Nid ydym yn gallu dod o hyd i {understood} yn ein rhestr o godau post. Gwiriwch ef, neu dewiswch eich rhanbarth isod."
            ),
            Resolution::Outside(e) => match e {
                Elsewhere::Jersey => crown_dependency("Jersey"),
                Elsewhere::Guernsey => crown_dependency("Ynys y Garn (Guernsey)"),
                Elsewhere::IsleOfMan => crown_dependency("Ynys Manaw"),
                Elsewhere::Bfpo => "Mae cyfeiriadau BFPO y tu allan i ranbarthau'r DU. Os yw eich aelodaeth wedi'i chofrestru mewn cyfeiriad yn y DU, rhowch y cod post hwnnw; fel arall, rydych chi'n perthyn i Lafur Rhyngwladol.".to_owned(),
                Elsewhere::OverseasTerritory(t) => format!(
                    "Mae {} yn un o diriogaethau tramor y Deyrnas Unedig: mae aelodau sy'n byw yno yn perthyn i Lafur Rhyngwladol.",
                    territory(*t)
                ),
                Elsewhere::NonGeographic => "Mae'r cod post hwnnw'n perthyn i flwch post neu i sefydliad, nid i gartref. Rhowch god post eich cartref, neu dewiswch eich rhanbarth isod.".to_owned(),
                Elsewhere::OtherCountry => "Nid yw hwnnw'n edrych fel cod post yn y DU. Mae aelodau y tu allan i'r DU yn perthyn i Lafur Rhyngwladol.".to_owned(),
            },
        }
    }

    #[inline]
    fn lookup_error(&self, e: &LookupError) -> String {
        match e {
            LookupError::Postcode(e) => self.postcode_error(e),
            LookupError::Table(e) => format!(
                "Nid yw'r chwilio am god post ar gael ({}). Dewiswch eich rhanbarth isod.",
                self.table_error(e)
            ),
        }
    }

    #[inline]
    fn postcode_error(&self, e: &PostcodeError) -> String {
        match e {
            PostcodeError::Empty => "Rhowch god post".to_owned(),
            PostcodeError::TooLong => {
                format!(
                    "Does dim mwy nag {} mewn cod post: rhowch y cod post yn unig, fel SW1A 1AA",
                    count(8, NOD)
                )
            }
            PostcodeError::BadCharacter(c) => format!(
                "Dim ond llythrennau, rhifau a bwlch sydd mewn cod post: ni all \u{201C}{c}\u{201D} fod yn un"
            ),
            PostcodeError::BadFormat => {
                "Rhowch god post go iawn, fel SW1A 1AA, neu ei ran gyntaf, fel SW1A".to_owned()
            }
            PostcodeError::Ambiguous(readings) => {
                let readings: Vec<&str> = readings.iter().map(String::as_str).collect();
                format!(
                    "Gallai hynny fod yn {}. Rhowch yr un rydych chi'n ei olygu, neu eich cod post llawn, neu dewiswch eich rhanbarth isod.",
                    readings.join(" neu ")
                )
            }
            PostcodeError::Word(word) => format!(
                "Nid cod post yw \u{201C}{word}\u{201D}: mae gan god post lythrennau a rhifau, fel SW1A 1AA neu SW1A yn unig. Rhowch eich un chi, neu dewiswch eich rhanbarth isod."
            ),
            PostcodeError::BadInward { outcode, inward } => format!(
                "Mae {outcode} yn ardal cod post go iawn, ond ni all \u{201C}{inward}\u{201D} fod ar ddiwedd cod post: rhif ac yna dwy lythyren yw'r rhan olaf, byth C, I, K, M, O na V. Gwiriwch hi, neu rhowch {outcode} yn unig."
            ),
        }
    }

    #[inline]
    fn table_error(&self, e: &TableError) -> String {
        match e {
            TableError::BadHeader => "nid yw'n dabl codau post slatecard (fersiwn 1)".to_owned(),
            // The detail is the decoder's own (English) words, for a
            // developer rather than a member.
            TableError::Corrupt(what) => format!("tabl codau post llygredig: {what}"),
            TableError::NotLoaded => "mae'n dal i lwytho".to_owned(),
            TableError::Unavailable => "nid oedd modd ei lawrlwytho".to_owned(),
        }
    }

    #[inline]
    fn found(&self, found: &Found, region: RegionId) -> String {
        match found {
            Found::Postcode {
                understood,
                repaired,
            } => in_region(understood, *repaired, region),
            Found::Chosen => format!("Rydych chi wedi dewis {}.", region_mid(region)),
        }
    }

    #[inline]
    fn unknown_link(&self, unknown: &Unknown, shown: &Election) -> String {
        match unknown {
            Unknown::Election(asked) => format!(
                "Mae'r ddolen hon yn gofyn am etholiad o'r enw \u{201C}{asked}\u{201D}, ond nid yw slatecard yn ei adnabod. Rydym yn dangos {} yn lle hynny.",
                shown.short_title
            ),
            Unknown::Region(asked) => format!(
                "Mae'r ddolen hon yn gofyn am ranbarth o'r enw \u{201C}{asked}\u{201D}, ond nid yw slatecard yn ei adnabod. Dewiswch eich rhanbarth isod."
            ),
        }
    }

    #[inline]
    fn showing(&self, slate: &str, region: RegionId) -> String {
        format!(
            "Dyma drefn ymgeiswyr {slate} ar gyfer {}.",
            region_mid(region)
        )
    }

    #[inline]
    fn attribution(&self, year: u16) -> String {
        format!("Data'r rhanbarthau: Ffynhonnell: Y Swyddfa Ystadegau Gwladol wedi'i thrwyddedu o dan y Drwydded Llywodraeth Agored v.3.0. Yn cynnwys data Arolwg Ordnans © Hawlfraint a hawliau cronfa ddata'r Goron {year}. Yn cynnwys data'r Post Brenhinol © Hawlfraint a hawliau cronfa ddata'r Post Brenhinol {year}. Yn cynnwys data Ystadegau Gwladol © Hawlfraint a hawliau cronfa ddata'r Goron {year}.")
    }

    #[inline]
    fn widget_note(&self, year: u16) -> String {
        format!(" · Mae'n gweithio ar eich dyfais; nid oes dim yn cael ei anfon. Data codau post: SYG (OGL v3), Arolwg Ordnans a'r Post Brenhinol © Hawlfraint y Goron {year}.")
    }

    #[inline]
    fn why(&self, e: &Election) -> WhyText {
        // The slate's Welsh name where the data gives one.
        let slate = e.slate_in(Lang::Cy).text;
        let n = e.candidates.len() as u64;
        let seats = u64::from(e.seats);
        WhyText {
            title: self.label(Label::WhyDifferent).to_owned(),
            explanation: vec![
                format!("Caiff {} etholaethol (CLP) Llafur eu hethol drwy'r bleidlais sengl drosglwyddadwy (STV). Caiff ymgeisydd ei ethol pan fydd yn cyrraedd cwota, tua un bleidlais o bob {} (cwota Droop). Ym mhob rownd heb enillydd, caiff yr ymgeisydd sydd â'r lleiaf o bleidleisiau ei fwrw allan, ac mae ei bapurau pleidleisio'n mynd i'r dewis nesaf.", count(seats, CYNRYCHIOLYDD), numeral(seats + 1, true)),
                format!("Pe bai pob aelod sy'n cefnogi {slate} yn rhoi rhif {} yn yr un drefn, byddai'r enw cyntaf yn cael bron pob un o'u dewisiadau cyntaf, a'r lleill bron dim. Byddai'r lleill wedyn yn dibynnu ar drosglwyddiadau, a gallai un ohonynt gael ei fwrw allan cyn i'r trosglwyddiadau ei gyrraedd.", format!("i {} y tîm", soft(&count(n, YMGEISYDD)))),
                match (e.published_orders().count(), e.orders.len()) {
                    (p, all) if p == all => format!("Felly mae'r tîm yn rhoi i bob rhanbarth ei drefn ei hun, fel bod pob ymgeisydd yn dechrau gyda thua'r un gyfran o ddewisiadau cyntaf. Mae gan ffrind mewn rhanbarth arall drefn wahanol am yr un rheswm: cynllun y tîm yw'r ddwy, ac mae'r ddwy yn cyfrif yn llawn i bob un {}.", the_after("o", &count(n, YMGEISYDD))),
                    (0, _) => format!("Dyna pam mae timau'n rhoi i bob rhanbarth ei drefn ei hun, fel bod pob ymgeisydd yn dechrau gyda thua'r un gyfran o ddewisiadau cyntaf. Nid oes yr un o drefnau rhanbarthol {slate} ar gyfer yr etholiad hwn yn ffynonellau slatecard, felly cyfrifwyd pob trefn yma gan slatecard i rannu'r dewisiadau cyntaf yn y ffordd honno: awgrym ydynt, nid cyfarwyddyd gan y tîm. Mae gan ffrind mewn rhanbarth arall drefn wahanol am yr un rheswm, ac mae'r ddwy yn cyfrif yn llawn i bob un {}.", the_after("o", &count(n, YMGEISYDD))),
                    (p, all) => format!("Dyna pam mae timau'n rhoi i bob rhanbarth ei drefn ei hun, fel bod pob ymgeisydd yn dechrau gyda thua'r un gyfran o ddewisiadau cyntaf. Mae trefn {slate} ei hun ar gyfer {p} o'r {all} rhanbarth yn ffynonellau slatecard; cyfrifodd slatecard y lleill i rannu'r dewisiadau cyntaf yn y ffordd honno, ac mae tudalen pob rhanbarth yn dweud pa un y mae'n ei dangos. Mae gan ffrind mewn rhanbarth arall drefn wahanol am yr un rheswm, ac mae'r ddwy yn cyfrif yn llawn i bob un {}.", the_after("o", &count(n, YMGEISYDD))),
                },
                "Yr hyn sy'n bwysig yw rhoi rhif i ymgeiswyr y tîm yn nhrefn eich rhanbarth chi, ac yna, os dymunwch, parhau gydag unrhyw ymgeiswyr eraill rydych chi'n eu cefnogi: nid yw dewis diweddarach byth yn cyfrif yn erbyn dewis cynharach.".to_owned(),
            ],
            chart_title: "Sut mae dewisiadau cyntaf y tîm yn cael eu rhannu".to_owned(),
            regional: "Trefnau rhanbarthol".to_owned(),
            single: "Un drefn i bawb".to_owned(),
            simulation_title: "Beth mae'n ei newid: cyfrif wedi'i efelychu".to_owned(),
            simulation_label: "Efelychiad, nid canlyniad".to_owned(),
            simulation_intro: format!("Cyfrifodd slatecard bleidlais wedi'i hefelychu ddwywaith gyda'r un rheolau STV: unwaith gyda chefnogwyr {slate} yn dilyn trefn eu rhanbarth, ac unwaith gyda phob un ohonynt yn dilyn un drefn. Mae popeth arall yr un fath. Mae'r tablau'n dangos faint o ymgeiswyr y tîm a etholir bob tro, ar gyfer sawl cyfran o'r bleidlais ac o'r aelodau sy'n nodi eu dewis cyntaf yn unig."),
            wigm: "Ymgeiswyr y tîm a etholwyd: pleidleisiau dros ben wedi'u trosglwyddo o bob papur pleidleisio, ar werth llai (fel yn etholiadau cynghorau'r Alban)".to_owned(),
            last_parcel: "Ymgeiswyr y tîm a etholwyd: pleidleisiau dros ben wedi'u trosglwyddo o'r papurau pleidleisio olaf a gafodd yr ymgeisydd yn unig (fel ERS97)".to_owned(),
            slate_share: "Cyfran y tîm o'r bleidlais".to_owned(),
            plumpers: "Rhoi 1 yn unig".to_owned(),
            assumptions: "Sut y lluniwyd yr efelychiad".to_owned(),
            back: "Yn ôl at y trefnau".to_owned(),
        }
    }

    #[inline]
    fn why_poll(&self, poll: u64, seats: usize) -> String {
        format!(
            "Pleidlais wedi'i hefelychu gyda {} o bleidleisiau dilys (cymaint ag yn 2020, wedi'i chyfrifo o'r cwota a gyhoeddwyd bryd hynny) ar gyfer {}, wedi'i chyfrif ddwywaith drwy STV o dan bob un o'r ddwy reol uchod.",
            self.votes_count(u32::try_from(poll).unwrap_or(u32::MAX)),
            count(seats as u64, SEDD)
        )
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[inline]
    fn why_chart(&self, sim: &Simulation) -> String {
        let single = sim
            .single_order
            .first()
            .and_then(|&i| sim.candidates.get(i));
        let shares: Vec<String> = sim
            .candidates
            .iter()
            .zip(&sim.first_share)
            .map(|(c, s)| format!("{c} {:.0}%", s * 100.0))
            .collect();
        let shares: Vec<&str> = shares.iter().map(String::as_str).collect();
        format!(
            "Gyda'r trefnau rhanbarthol, y dewisiadau cyntaf: {}. Gydag un drefn i bawb, byddai {} yn cael y cyfan, a'r lleill ddim un.",
            and_names(&shares),
            single.map_or("yr enw cyntaf", String::as_str)
        )
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[inline]
    fn why_reading(&self, sims: &[(&Simulation, bool)]) -> Vec<String> {
        sims.iter()
            .map(|(sim, wigm)| {
                let more = sim.scenarios.iter().filter(|s| s.elected_regional > s.elected_single).count() as u64;
                let fewer = sim.scenarios.iter().filter(|s| s.elected_regional < s.elected_single).count() as u64;
                let rule = if *wigm {
                    "Wrth drosglwyddo pleidleisiau dros ben o bob papur pleidleisio"
                } else {
                    "Wrth drosglwyddo pleidleisiau dros ben o'r papurau pleidleisio olaf yn unig"
                };
                let total = sim.scenarios.len() as u64;
                let of_all = the_after("o", &count(total, SENARIO));
                let some = |k: u64| format!("mewn {} {of_all}", numeral(k, false));
                match (more, fewer) {
                    (0, 0) => format!("{rule}, etholodd y trefnau rhanbarthol ac un drefn yr un nifer o ymgeiswyr y tîm ym mhob un {of_all}."),
                    (m, 0) => format!("{rule}, etholodd y trefnau rhanbarthol fwy o ymgeiswyr y tîm {}, a byth lai.", some(m)),
                    (0, f) => format!("{rule}, etholodd y trefnau rhanbarthol lai o ymgeiswyr y tîm {}, a byth fwy.", some(f)),
                    (m, f) => format!("{rule}, etholodd y trefnau rhanbarthol fwy o ymgeiswyr y tîm {}, a llai mewn {} ohonynt.", some(m), numeral(f, false)),
                }
            })
            .chain(std::iter::once(
                "Nid yw ffynonellau slatecard yn dweud pa reol y mae cyfrif Llafur yn ei defnyddio, felly dangosir y ddwy. Mae efelychiad yn dangos beth all ddigwydd mewn pleidlais, nid beth fydd yn digwydd.".to_owned(),
            ))
            .collect()
    }

    #[inline]
    fn data_version(&self, e: &Election) -> String {
        format!(
            "Diweddarwyd y trefnau ddiwethaf ar {} · fersiwn {} · ôl bys {}",
            self.date(e.updated),
            e.version,
            e.fingerprint
        )
    }

    #[inline]
    fn embed_title(&self, election: Option<&Election>) -> String {
        match election {
            Some(e) => format!("{} — sut i bleidleisio", e.short_title),
            None => "slatecard — sut i bleidleisio".to_owned(),
        }
    }

    #[inline]
    fn option_error(&self, e: &OptionError) -> String {
        match e {
            OptionError::NotAnObject => {
                "rhaid i'r opsiynau fod yn wrthrych, fel {region: \"wales\"}".to_owned()
            }
            OptionError::NotAString { key } => {
                format!("rhaid i'r opsiwn \"{key}\" fod yn llinyn")
            }
            OptionError::UnknownElection { value } => {
                let ids: Vec<&str> = Election::all().iter().map(|e| e.id).collect();
                format!(
                    "does dim etholiad \"{value}\": defnyddiwch un o'r rhain: {}",
                    ids.join(", ")
                )
            }
            OptionError::UnknownRegion { value } => format!(
                "does dim rhanbarth \"{value}\": defnyddiwch enw rhanbarth fel y mae yn y cyfeiriad gwe, fel \"wales\" neu \"north-west\""
            ),
            OptionError::UnknownTheme { value } => {
                format!("nid yw'r thema \"{value}\" yn \"light\", \"dark\" nac \"auto\"")
            }
            OptionError::BadAccent { value } => format!(
                "nid yw'r lliw acen \"{value}\" yn lliw fel \"#c00\" neu \"#cc0000\""
            ),
            OptionError::UnknownLanguage { value } => format!(
                "nid yw'r iaith \"{value}\" yn \"en\" (Saesneg) nac yn \"cy\" (Cymraeg)"
            ),
            OptionError::UnknownOption { key } => format!(
                "opsiwn anhysbys \"{key}\": yr opsiynau yw election, region, theme, accent a lang"
            ),
        }
    }

    #[inline]
    fn reminder(&self, election: &Election, order: &str) -> ReminderText {
        ReminderText {
            summary: format!("Pleidlais Llafur yn cau: {}", election.short_title),
            description: order.to_owned(),
            alarm: format!("Pleidlais Llafur yn cau yfory: {}", election.short_title),
        }
    }

    #[inline]
    fn after_the_slate(&self, i: Instruction) -> String {
        match i {
            Instruction::Rank { count: n } => format!(
                "Gallwch stopio ar ôl rhif {n}, neu ddal ati i roi rhif i ymgeiswyr eraill rydych chi'n eu cefnogi: o dan STV, nid yw dewis diweddarach byth yn cyfrif yn erbyn dewis cynharach."
            ),
            Instruction::Cross { max, .. } => format!(
                "Gallwch hefyd roi croes wrth ymgeiswyr eraill, hyd at {} i gyd.",
                soft(&count(u64::from(max), CROES))
            ),
        }
    }

    #[inline]
    fn page_heading(&self, election: &Election) -> String {
        format!("Sut i bleidleisio: {}", election.short_title)
    }

    #[inline]
    fn not_your_region(&self, region: RegionId) -> String {
        format!(
            "Dyma drefn {}. Nid dyma'ch rhanbarth chi?",
            region_mid(region)
        )
    }

    #[inline]
    fn order_text(&self, election: &Election, r: &ResultView, url: &str) -> String {
        let names = numbered(&r.entries, "X ");
        let whose = match r.source {
            OrderSource::Published { .. } => "Y drefn a gyhoeddodd y tîm.",
            OrderSource::PartlyPublished { .. } => {
                "Y tîm a gyhoeddodd y safleoedd cyntaf; slatecard a gyfrifodd y gweddill."
            }
            OrderSource::Generated { .. } => {
                "Wedi'i chyfrifo gan slatecard: ni chyhoeddodd y tîm drefn ar gyfer y rhanbarth hwn."
            }
            OrderSource::NoOrder => "Croes wrth bob un; does dim ots am y drefn.",
        };
        format!(
            "{}, {}:\n{}\n{whose}\n{url}",
            election.short_title,
            region_name(r.region),
            names.join("\n")
        )
    }

    #[inline]
    fn shared_list(&self, others: &[RegionId]) -> String {
        let places: Vec<String> = others.iter().map(|r| yn(region_name(*r))).collect();
        format!(
            "Rhoddodd y tîm yr un rhestr i aelodau {} hefyd.",
            and_places(&places)
        )
    }

    #[inline]
    fn ballot_list(&self, ballot: &BallotView) -> String {
        match ballot {
            BallotView::Complete(lines) => format!(
                "Pawb ar y papur pleidleisio ({}), yn nhrefn y papur, gyda marciau'r tîm",
                count(lines.len() as u64, YMGEISYDD)
            ),
            BallotView::Partial(lines) => format!(
                "{} o'r enwau ar y papur pleidleisio, gyda marciau'r tîm (nid yw ein ffynonellau'n eu rhestru i gyd)",
                capitalise(&numeral(lines.len() as u64, false))
            ),
            BallotView::Unknown(_) => self.label(Label::BallotUnknown).to_owned(),
        }
    }

    #[inline]
    fn outcome(&self, o: &Outcome) -> String {
        let when = o
            .announced
            .map(|d| format!(" Cyhoeddwyd ar {}.", self.date(d)))
            .unwrap_or_default();
        let of_slate = format!("o {} y tîm", soft(&count(o.slate_size as u64, YMGEISYDD)));
        let of = if o.slate_elected == o.slate_size {
            format!("Etholwyd pob un {of_slate}.")
        } else if o.slate_elected == 0 {
            format!("Nid etholwyd yr un {of_slate}.")
        } else {
            format!(
                "Etholwyd {} {of_slate}.",
                numeral(o.slate_elected as u64, false)
            )
        };
        format!("{of}{when}")
    }

    #[inline]
    fn votes_count(&self, votes: u32) -> String {
        group_digits(&votes.to_string())
    }

    #[inline]
    fn quota(&self, quota: &str) -> String {
        format!(
            "Y cwota i gael eich ethol: {} pleidlais",
            quota_figure(quota)
        )
    }

    #[inline]
    fn published_by(&self, publisher: &str, date: Option<Date>) -> Option<String> {
        published(publisher, date.map(|d| self.date(d)))
    }

    #[inline]
    fn seat_result(&self, elected: &[&str]) -> String {
        format!("Etholwyd: {}", self.names(elected))
    }

    #[inline]
    fn elected_round(&self, round: u8) -> String {
        match the_nth(round, ROWND) {
            Some(nth) => format!("etholwyd yn {nth}"),
            None => format!("etholwyd yn rownd {round}"),
        }
    }

    #[inline]
    fn change(&self, change: &Change) -> String {
        match change.date {
            Some(d) => format!("{}: {}", self.date(d), change.note_in(Lang::Cy)),
            None => change.note_in(Lang::Cy).text.to_owned(),
        }
    }

    #[inline]
    fn print_text(&self) -> PrintText {
        PrintText {
            number_them: "Rhowch rif iddynt yn y drefn hon",
            cross_each: "Rhowch groes wrth bob un",
            published: "Y drefn a gyhoeddodd y tîm",
            partly_published: "Y tîm a gyhoeddodd y safleoedd cyntaf, a slatecard a gyfrifodd y gweddill",
            generated: "Wedi'i chyfrifo gan slatecard: ni chyhoeddodd y tîm drefn ar gyfer y rhanbarth hwn",
            each_region: "Trefn eich rhanbarth, wedi'i rhifo",
            landing: "Sut i lenwi eich papur pleidleisio ar gyfer NEC Llafur, yn ôl eich rhanbarth",
            stall_title: "Cardiau ar gyfer stondin",
            stall_hint: "Argraffwch y dudalen hon ar bapur A4 (maint gwirioneddol, does dim angen ymylon) a thorrwch ar hyd y llinellau toredig: pedwar cerdyn sydd yr un fath yn union.",
            back_to_page: "Yn ôl at y drefn",
            scan: "Sganiwch i weld y drefn hon ar-lein",
            not_found: "Nid oes tudalen slatecard yn y cyfeiriad hwn",
            not_found_body: "Efallai fod camgymeriad yn y ddolen, neu ei bod yn dod o hen fersiwn o slatecard. Mae trefn pob rhanbarth un tap i ffwrdd o'r hafan.",
            not_found_link: "Dewch o hyd i drefn eich rhanbarth",
        }
    }

    #[inline]
    fn closes_on(&self, closes: Moment) -> String {
        format!("Mae'r bleidlais yn cau {}", closing(self, closes, false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutations_keep_capitals_and_leave_the_rest() {
        assert_eq!(soft("Gogledd"), "Ogledd");
        assert_eq!(soft("Llundain"), "Lundain");
        assert_eq!(soft("cod"), "god");
        assert_eq!(soft("chwe"), "chwe");
        assert_eq!(soft("12 ymgeisydd"), "12 ymgeisydd");
        assert_eq!(nasal("Cymru"), "Nghymru");
        assert_eq!(nasal("Gogledd"), "Ngogledd");
        assert_eq!(aspirate("Cymru"), "Chymru");
        assert_eq!(aspirate("Thomas"), "Thomas");
    }

    #[test]
    fn numerals_take_the_singular_and_mutate_it() {
        let days: Vec<String> = (1..=12).map(|n| count(n, DIWRNOD)).collect();
        assert_eq!(
            days,
            [
                "un diwrnod",
                "dau ddiwrnod",
                "tri diwrnod",
                "pedwar diwrnod",
                "pum niwrnod",
                "chwe diwrnod",
                "saith niwrnod",
                "wyth niwrnod",
                "naw niwrnod",
                "deng niwrnod",
                "11 diwrnod",
                "12 diwrnod",
            ]
        );
        let crosses: Vec<String> = (1..=6).map(|n| count(n, CROES)).collect();
        assert_eq!(
            crosses,
            [
                "un groes",
                "dwy groes",
                "tair croes",
                "pedair croes",
                "pum croes",
                "chwe chroes"
            ]
        );
        assert_eq!(count(2, CYNRYCHIOLYDD), "dau gynrychiolydd");
        assert_eq!(count(3, CYNRYCHIOLYDD), "tri chynrychiolydd");
        assert_eq!(count(9, CYNRYCHIOLYDD), "naw cynrychiolydd");
        assert_eq!(count(2, SEDD), "dwy sedd");
        assert_eq!(count(1, SEDD), "un sedd");
        assert_eq!(count(8, NOD), "wyth nod");
        // After "at" and "o" the numeral itself mutates.
        assert_eq!(soft(&count(5, ENW)), "bum enw");
        assert_eq!(soft(&count(2, CROES)), "ddwy groes");
        assert_eq!(soft(&count(3, CROES)), "dair croes");
        // The article mutates "dau"/"dwy" and is "yr" before a vowel.
        assert_eq!(the(&count(2, YMGEISYDD)), "y ddau ymgeisydd");
        assert_eq!(the(&count(8, YMGEISYDD)), "yr wyth ymgeisydd");
        assert_eq!(the_after("i", &count(5, YMGEISYDD)), "i'r pum ymgeisydd");
        assert_eq!(the_after("o", &count(2, ENW)), "o'r ddau enw");
        assert_eq!(numeral(5, false), "pump");
        assert_eq!(numeral(3, true), "tair");
        assert_eq!(numeral(14, false), "14");
    }

    #[test]
    fn ordinals_agree_with_their_noun() {
        let rounds: Vec<String> = (1..=20).filter_map(|n| the_nth(n, ROWND)).collect();
        assert_eq!(
            rounds,
            [
                "y rownd gyntaf",
                "yr ail rownd",
                "y drydedd rownd",
                "y bedwaredd rownd",
                "y bumed rownd",
                "y chweched rownd",
                "y seithfed rownd",
                "yr wythfed rownd",
                "y nawfed rownd",
                "y ddegfed rownd",
                "yr unfed rownd ar ddeg",
                "y ddeuddegfed rownd",
                "y drydedd rownd ar ddeg",
                "y bedwaredd rownd ar ddeg",
                "y bymthegfed rownd",
                "yr unfed rownd ar bymtheg",
                "yr ail rownd ar bymtheg",
                "y ddeunawfed rownd",
                "y bedwaredd rownd ar bymtheg",
                "yr ugeinfed rownd",
            ]
        );
        assert_eq!(the_nth(21, ROWND), None);
        let choice = Noun {
            word: "dewis",
            feminine: false,
            nasal: false,
        };
        assert_eq!(the_nth(1, choice).as_deref(), Some("y dewis cyntaf"));
        assert_eq!(the_nth(2, choice).as_deref(), Some("yr ail ddewis"));
        assert_eq!(the_nth(3, choice).as_deref(), Some("y trydydd dewis"));
        assert_eq!(the_nth(4, choice).as_deref(), Some("y pedwerydd dewis"));
        let vote = Noun {
            word: "pleidlais",
            feminine: true,
            nasal: false,
        };
        assert_eq!(the_nth(1, vote).as_deref(), Some("y bleidlais gyntaf"));
        assert_eq!(the_nth(3, vote).as_deref(), Some("y drydedd bleidlais"));
    }

    #[test]
    fn places_mutate_after_yn_and_a() {
        assert_eq!(yn("Cymru"), "yng Nghymru");
        assert_eq!(yn("Gogledd Iwerddon"), "yng Ngogledd Iwerddon");
        assert_eq!(yn("Llundain"), "yn Llundain");
        assert_eq!(yn("Yr Alban"), "yn yr Alban");
        assert_eq!(yn("Dwyrain Lloegr"), "yn Nwyrain Lloegr");
        assert_eq!(yn("De-ddwyrain Lloegr"), "yn Ne-ddwyrain Lloegr");
        assert_eq!(yn("Bryste"), "ym Mryste");
        assert_eq!(
            and_places(&["Llundain".into(), "Cymru".into()]),
            "Llundain a Chymru"
        );
        assert_eq!(
            and_places(&["Cymru".into(), "yr Alban".into()]),
            "Cymru a'r Alban"
        );
        assert_eq!(
            and_places(&["yng Nghymru".into(), "yn Llundain".into()]),
            "yng Nghymru ac yn Llundain"
        );
        // People's names never mutate.
        assert_eq!(
            and_names(&["Jess Barnard", "Carwyn Jones"]),
            "Jess Barnard a Carwyn Jones"
        );
        assert_eq!(
            and_names(&["Jess Barnard", "Ann Henderson"]),
            "Jess Barnard ac Ann Henderson"
        );
        assert_eq!(
            and_names(&["Ann Henderson", "Yasmine Dar"]),
            "Ann Henderson a Yasmine Dar"
        );
    }
}
