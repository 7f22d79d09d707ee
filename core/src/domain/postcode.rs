//! Reading what a member types as a postcode: normalise, classify, validate.
//!
//! Accepts any case and spacing, punctuation, URL-encoding and full-width
//! characters; classifies the input as a full postcode, a sector (`SW1A 1`),
//! a district (`SW1A`) or an area (`SW`); and recognises places that are not
//! in any UK region (Crown Dependencies, BFPO, overseas territories, other
//! countries' postcodes). Parsing never panics.

use super::escape::percent_decode;
use core::fmt;

/// Why the input is not a postcode we can use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostcodeError {
    /// Nothing typed.
    Empty,
    /// Far too long to be a postcode.
    TooLong,
    /// A character that never occurs in postcodes (the first one found).
    BadCharacter(char),
    /// Not in the UK postcode format.
    BadFormat,
    /// Letters only, longer than any postcode area, with no reading as a
    /// postcode: a word, most often a town (`Manchester`), as typed
    /// (normalised).
    Word(String),
    /// Reads as more than one real postcode once an O/0 or I/1 slip is
    /// allowed for: the readings, to ask which one is meant.
    Ambiguous(Vec<String>),
    /// A real district (`SW1A`) followed by three characters that cannot
    /// end a postcode (`1OA`: an inward code is a digit and two of the
    /// letters [`UNIT_LETTERS`](super::table::UNIT_LETTERS)), as typed
    /// (normalised). Said as such, so the member knows which part to check.
    BadInward {
        /// The district, written as postcodes write it.
        outcode: String,
        /// The last three characters.
        inward: String,
    },
}

impl std::error::Error for PostcodeError {}

impl PostcodeError {
    /// A short machine-readable code (used by the batch lookup).
    pub fn code(&self) -> &'static str {
        match self {
            PostcodeError::Empty => "empty",
            PostcodeError::TooLong => "too-long",
            PostcodeError::BadCharacter(_) => "bad-characters",
            PostcodeError::BadFormat => "bad-format",
            PostcodeError::Word(_) => "word",
            PostcodeError::Ambiguous(_) => "ambiguous",
            PostcodeError::BadInward { .. } => "bad-inward",
        }
    }
}

/// Places a postcode can point to that are outside the UK's regions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// Jersey (JE).
    Jersey,
    /// Guernsey (GY).
    Guernsey,
    /// Isle of Man (IM).
    IsleOfMan,
    /// British Forces Post Office.
    Bfpo,
    /// A British Overseas Territory.
    OverseasTerritory(Territory),
    /// Girobank's `GIR 0AA` and other non-geographic codes.
    NonGeographic,
    /// Looks like another country's postal code.
    OtherCountry,
}

impl Elsewhere {
    /// Short code for the batch lookup.
    pub fn code(&self) -> &'static str {
        match self {
            Elsewhere::Jersey => "jersey",
            Elsewhere::Guernsey => "guernsey",
            Elsewhere::IsleOfMan => "isle-of-man",
            Elsewhere::Bfpo => "bfpo",
            Elsewhere::OverseasTerritory(_) => "overseas-territory",
            Elsewhere::NonGeographic => "non-geographic",
            Elsewhere::OtherCountry => "not-uk",
        }
    }
}

/// A parsed outward code (postcode district), e.g. `SW1A`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Outcode {
    /// Area letters, e.g. `SW`.
    pub area: String,
    /// District number, 0–99.
    pub number: u8,
    /// Optional trailing letter (`A` in `SW1A`).
    pub letter: Option<u8>,
}

impl Outcode {
    /// The district code used by the postcode table.
    pub fn code(&self) -> u16 {
        super::table::district_code(self.number, self.letter)
    }
}

impl fmt::Display for Outcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.area, self.number)?;
        if let Some(l) = self.letter {
            write!(f, "{}", char::from(l))?;
        }
        Ok(())
    }
}

/// What the member typed, understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostcodeInput {
    /// A whole postcode: outward code, sector digit, unit letters.
    Full(Outcode, u8, [u8; 2]),
    /// A sector, e.g. `SW1A 1`.
    Sector(Outcode, u8),
    /// A district (outward code), e.g. `SW1A`.
    District(Outcode),
    /// An area, e.g. `SW`.
    Area(String),
    /// Somewhere outside the UK's regions.
    Elsewhere(Elsewhere),
}

impl PostcodeInput {
    /// The outward code of a full postcode, sector or district.
    ///
    /// ```
    /// use slatecard_core::domain::postcode::parse;
    /// let p = parse("SW1A 1", |_| true).unwrap();
    /// assert_eq!(p.input.outcode().unwrap().to_string(), "SW1A");
    /// assert!(parse("SW", |_| true).unwrap().input.outcode().is_none());
    /// ```
    pub fn outcode(&self) -> Option<&Outcode> {
        match self {
            PostcodeInput::Full(o, ..)
            | PostcodeInput::Sector(o, _)
            | PostcodeInput::District(o) => Some(o),
            PostcodeInput::Area(_) | PostcodeInput::Elsewhere(_) => None,
        }
    }
}

impl fmt::Display for PostcodeInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PostcodeInput::Full(o, d, [a, b]) => {
                write!(f, "{o} {d}{}{}", char::from(*a), char::from(*b))
            }
            PostcodeInput::Sector(o, d) => write!(f, "{o} {d}"),
            PostcodeInput::District(o) => write!(f, "{o}"),
            PostcodeInput::Area(a) => f.write_str(a),
            PostcodeInput::Elsewhere(_) => Ok(()),
        }
    }
}

/// Normalises raw input: decodes URL escapes, folds full-width characters,
/// upper-cases, turns punctuation and odd spaces into single spaces, trims.
///
/// ```
/// use slatecard_core::domain::postcode::normalise;
/// assert_eq!(normalise("  sw1a%201aa "), "SW1A 1AA");
/// assert_eq!(normalise("ＳＷ１Ａ　１ＡＡ"), "SW1A 1AA");
/// assert_eq!(normalise("sw1a-1aa."), "SW1A 1AA");
/// ```
pub fn normalise(raw: &str) -> String {
    let decoded = if raw.contains('%') || raw.contains('+') {
        percent_decode(raw)
    } else {
        raw.to_owned()
    };
    let mut out = String::with_capacity(decoded.len());
    let mut pending_space = false;
    for c in decoded.chars() {
        // Full-width forms (U+FF01–U+FF5E) are ASCII shifted by 0xFEE0.
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        // Invisible format characters that copying from phones, PDFs and
        // messaging apps brings in (direction marks, joiners, soft hyphens):
        // dropped, so `SW1A\u{200E}1AA` is `SW1A1AA`.
        if is_format_char(c) {
            continue;
        }
        let separator = matches!(
            c,
            ' ' | '\t' | '\n' | '\r' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
                | '-' | '\u{2010}'..='\u{2015}' | '.' | ',' | '_' | '/' | '\'' | '"' | '(' | ')'
                // Left over from URL-decoding; never in a postcode. Treating
                // them as separators keeps normalising idempotent.
                | '%' | '+'
        );
        if separator {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        // Only ASCII letters and digits occur in postcodes; anything else is
        // kept as it is so validation can reject it clearly.
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// True for the characters of Unicode general category Cf ("format"):
/// invisible characters such as U+200E LEFT-TO-RIGHT MARK, U+00AD SOFT
/// HYPHEN, U+200D ZERO WIDTH JOINER, bidi embeddings and isolates, U+FEFF.
/// They never belong in a postcode, and text copied from phones, PDFs and
/// messaging apps often carries them. The list is Unicode 16's; a native
/// test checks it against the `unicode-general-category` crate.
pub fn is_format_char(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{600}'..='\u{605}'
            | '\u{61C}'
            | '\u{6DD}'
            | '\u{70F}'
            | '\u{890}'..='\u{891}'
            | '\u{8E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// The British Overseas Territories with a postcode of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Territory {
    /// Ascension Island (`ASCN 1ZZ`).
    Ascension,
    /// St Helena (`STHL 1ZZ`).
    StHelena,
    /// Tristan da Cunha (`TDCU 1ZZ`).
    TristanDaCunha,
    /// The British Indian Ocean Territory (`BBND 1ZZ`).
    BritishIndianOcean,
    /// The British Antarctic Territory (`BIQQ 1ZZ`).
    BritishAntarctic,
    /// The Falkland Islands (`FIQQ 1ZZ`).
    Falklands,
    /// Gibraltar (`GX11 1AA`).
    Gibraltar,
    /// The Pitcairn Islands (`PCRN 1ZZ`).
    Pitcairn,
    /// South Georgia and the South Sandwich Islands (`SIQQ 1ZZ`).
    SouthGeorgia,
    /// The Turks and Caicos Islands (`TKCA 1ZZ`).
    TurksCaicos,
    /// The Cayman Islands (`KY1-1234`).
    Cayman,
    /// The British Virgin Islands (`VG1110`).
    VirginIslands,
    /// Anguilla (`AI-2640`).
    Anguilla,
    /// Montserrat (`MSR 1110`).
    Montserrat,
}

/// The overseas territories' UK-style postcodes: outward, inward, territory.
const OVERSEAS: [(&str, &str, Territory); 10] = [
    ("ASCN", "1ZZ", Territory::Ascension),
    ("STHL", "1ZZ", Territory::StHelena),
    ("TDCU", "1ZZ", Territory::TristanDaCunha),
    ("BBND", "1ZZ", Territory::BritishIndianOcean),
    ("BIQQ", "1ZZ", Territory::BritishAntarctic),
    ("FIQQ", "1ZZ", Territory::Falklands),
    ("GX11", "1AA", Territory::Gibraltar),
    ("PCRN", "1ZZ", Territory::Pitcairn),
    ("SIQQ", "1ZZ", Territory::SouthGeorgia),
    ("TKCA", "1ZZ", Territory::TurksCaicos),
];

fn compact(s: &str) -> String {
    s.chars().filter(|c| *c != ' ').collect()
}

fn elsewhere(n: &str) -> Option<Elsewhere> {
    let c = compact(n);
    for (outward, inward, territory) in OVERSEAS {
        // The whole code, or just its outward part (e.g. "STHL").
        if c.strip_prefix(outward)
            .is_some_and(|rest| rest.is_empty() || rest == inward)
        {
            return Some(Elsewhere::OverseasTerritory(territory));
        }
    }
    if c.starts_with("BFPO") && c[4..].bytes().all(|b| b.is_ascii_digit()) {
        return Some(Elsewhere::Bfpo);
    }
    // British Forces addresses also have postcodes of the form `BF1 3AA`:
    // the same addresses as `BFPO …` numbers.
    if let Some(rest) = c.strip_prefix("BF1") {
        let b = rest.as_bytes();
        if b.is_empty()
            || (b.len() == 3 && b[0].is_ascii_digit() && b[1..].iter().all(u8::is_ascii_alphabetic))
        {
            return Some(Elsewhere::Bfpo);
        }
    }
    if c == "GIR0AA" || c == "GIR" {
        return Some(Elsewhere::NonGeographic);
    }
    let letters: String = c.chars().take_while(|x| x.is_ascii_alphabetic()).collect();
    match letters.as_str() {
        "JE" => return Some(Elsewhere::Jersey),
        "GY" => return Some(Elsewhere::Guernsey),
        "IM" => return Some(Elsewhere::IsleOfMan),
        _ => {}
    }
    // Other territories' own formats: Cayman KY1-1234, BVI VG1110, Anguilla
    // AI-2640, Montserrat MSR 1110, Bermuda "HM 12".
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let territory = if c.starts_with("KY") && c.len() == 7 && is_digits(&c[2..]) {
        Some(Territory::Cayman)
    } else if c.starts_with("VG") && c.len() == 6 && is_digits(&c[2..]) {
        Some(Territory::VirginIslands)
    } else if c == "AI2640" {
        Some(Territory::Anguilla)
    } else if c.starts_with("MSR") && c.len() == 7 && is_digits(&c[3..]) {
        Some(Territory::Montserrat)
    } else {
        None
    };
    if let Some(t) = territory {
        return Some(Elsewhere::OverseasTerritory(t));
    }
    // Digits only (US ZIP, most of Europe), or Canada's A9A 9A9.
    let b = c.as_bytes();
    let canada = b.len() == 6
        && b.iter().enumerate().all(|(i, x)| {
            if i % 2 == 0 {
                x.is_ascii_uppercase()
            } else {
                x.is_ascii_digit()
            }
        });
    if (is_digits(&c) && (4..=6).contains(&c.len()))
        || (c.len() == 9 && is_digits(&c[..5]) && n.contains(' '))
        || canada
    {
        return Some(Elsewhere::OtherCountry);
    }
    None
}

/// Parses an outward code (`SW1A`, `M1`, `DN55`) from upper-case bytes.
///
/// ```
/// use slatecard_core::domain::postcode::parse_outcode;
/// let o = parse_outcode(b"SW1A").unwrap();
/// assert_eq!((o.area.as_str(), o.number, o.letter), ("SW", 1, Some(b'A')));
/// assert_eq!(parse_outcode(b"1SW"), None);
/// ```
pub fn parse_outcode(s: &[u8]) -> Option<Outcode> {
    let letters = s.iter().take_while(|b| b.is_ascii_uppercase()).count();
    if !(1..=2).contains(&letters) {
        return None;
    }
    let area = String::from_utf8(s[..letters].to_vec()).ok()?;
    let (number, letter) = match &s[letters..] {
        [d] if d.is_ascii_digit() => (d - b'0', None),
        // No district number is written with a leading zero (`S01` is no
        // district; `CR0` and `BL0` are): a zero there is most often the
        // letter O typed as a digit (`S014` for SO14), which the repairs
        // then find and say back, instead of reading `S01 4` as `S1 4`.
        [d, e] if d.is_ascii_digit() && *d != b'0' && e.is_ascii_digit() => {
            ((d - b'0') * 10 + (e - b'0'), None)
        }
        [d, l] if d.is_ascii_digit() && l.is_ascii_uppercase() => (d - b'0', Some(*l)),
        _ => return None,
    };
    Some(Outcode {
        area,
        number,
        letter,
    })
}

fn is_unit_letter(b: u8) -> bool {
    super::table::UNIT_LETTERS.contains(&b)
}

/// Parses normalised input strictly (no repairs).
fn parse_strict(n: &str) -> Option<PostcodeInput> {
    let parts: Vec<&str> = n.split(' ').collect();
    let (out, inward): (String, Option<&str>) = match parts.as_slice() {
        [one] => {
            let b = one.as_bytes();
            // A whole postcode typed without its space: the inward code is the last three.
            if b.len() >= 5
                && b[b.len() - 3].is_ascii_digit()
                && b[b.len() - 2..].iter().all(|&x| is_unit_letter(x))
            {
                (one[..one.len() - 3].to_owned(), Some(&one[one.len() - 3..]))
            } else {
                ((*one).to_owned(), None)
            }
        }
        [o, i] => ((*o).to_owned(), Some(*i)),
        _ => return None,
    };
    let ob = out.as_bytes();
    match inward {
        None if !ob.is_empty() && ob.len() <= 2 && ob.iter().all(u8::is_ascii_uppercase) => {
            Some(PostcodeInput::Area(out))
        }
        None => {
            if let Some(o) = parse_outcode(ob) {
                return Some(PostcodeInput::District(o));
            }
            // A sector typed without its space, e.g. "SW1A1": outward + one digit.
            let (last, rest) = ob.split_last()?;
            let o = parse_outcode(rest)?;
            last.is_ascii_digit()
                .then(|| PostcodeInput::Sector(o, last - b'0'))
        }
        Some(i) => {
            let o = parse_outcode(ob)?;
            match i.as_bytes() {
                [d] if d.is_ascii_digit() => Some(PostcodeInput::Sector(o, d - b'0')),
                [d, a, b] if d.is_ascii_digit() && is_unit_letter(*a) && is_unit_letter(*b) => {
                    Some(PostcodeInput::Full(o, d - b'0', [*a, *b]))
                }
                _ => None,
            }
        }
    }
}

/// Every way of writing `s` with O and 0, or I and 1, swapped in any of
/// their places: `s` itself first. Empty when `s` has more than six such
/// places (no postcode does; the count doubles with each).
///
/// ```
/// use slatecard_core::domain::postcode::slips;
/// assert_eq!(slips("CR0"), ["CR0", "CRO"]);
/// assert_eq!(slips("SW1A").len(), 2);
/// ```
pub fn slips(s: &str) -> Vec<String> {
    let b = s.as_bytes();
    let slots: Vec<usize> = (0..b.len())
        .filter(|&i| matches!(b[i], b'O' | b'0' | b'I' | b'1'))
        .collect();
    if slots.len() > 6 {
        return Vec::new();
    }
    (0u32..1 << slots.len())
        .map(|mask| {
            let mut v = b.to_vec();
            for (k, &i) in slots.iter().enumerate() {
                if mask & (1 << k) != 0 {
                    v[i] = match v[i] {
                        b'O' => b'0',
                        b'0' => b'O',
                        b'I' => b'1',
                        _ => b'I',
                    };
                }
            }
            // Only ASCII bytes were swapped for ASCII bytes.
            String::from_utf8_lossy(&v).into_owned()
        })
        .collect()
}

/// The result of reading what the member typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// What we understood.
    pub input: PostcodeInput,
    /// True when we corrected an O/0 or I/1 slip.
    pub repaired: bool,
}

/// What [`parse`] asks its caller's postcode table: does this exist?
#[derive(Clone, Copy, Debug)]
pub enum Place<'a> {
    /// A postcode area, e.g. `SW`.
    Area(&'a str),
    /// An outward code (area and district), e.g. `SW1A`.
    District(&'a Outcode),
}

/// Reads a member's input. `known` says whether an area or a district exists
/// (so slips are repaired only into real places, and a reading that names
/// nothing real gives way to one that does); pass `|_| true` to accept any
/// well-formed code.
///
/// ```
/// use slatecard_core::domain::postcode::{parse, PostcodeInput, PostcodeError};
/// let p = parse("sw1a1aa", |_| true).unwrap();
/// assert_eq!(p.input.to_string(), "SW1A 1AA");
/// assert!(matches!(parse("SW1A 1", |_| true).unwrap().input, PostcodeInput::Sector(..)));
/// assert_eq!(parse("", |_| true), Err(PostcodeError::Empty));
/// ```
pub fn parse(raw: &str, known: impl Fn(Place<'_>) -> bool) -> Result<Parsed, PostcodeError> {
    if raw.chars().count() > 64 {
        return Err(PostcodeError::TooLong);
    }
    let n = normalise(raw);
    if n.is_empty() {
        return Err(PostcodeError::Empty);
    }
    // Postcode areas have one or two letters, and every postcode has a
    // digit: three or more letters alone are a word, most likely a town
    // (`Manchester`, `Ynys Môn`). Letters-only codes of places outside the
    // UK's regions (`BFPO`, `STHL`) are read first, below.
    // (Any non-ASCII character counts as a letter here: Unicode's letter
    // tables would cost the bundle more than a kinder message is worth.)
    let word = n
        .chars()
        .all(|c| c == ' ' || c.is_ascii_alphabetic() || !c.is_ascii())
        && compact(&n).chars().count() >= 3;
    if word && !n.is_ascii() {
        return Err(PostcodeError::Word(n));
    }
    if let Some(c) = n.chars().find(|c| !c.is_ascii_alphanumeric() && *c != ' ') {
        return Err(PostcodeError::BadCharacter(c));
    }
    if let Some(e) = elsewhere(&n) {
        return Ok(Parsed {
            input: PostcodeInput::Elsewhere(e),
            repaired: false,
        });
    }
    // Longer than any postcode written without its space: a word. Shorter
    // letters-only input may be a postcode with letters for its digits
    // (`CRO` for CR0, `SWIA` for SW1A): the repairs below decide.
    if word && compact(&n).len() > 7 {
        return Err(PostcodeError::Word(n));
    }
    if compact(&n).len() > 8 {
        return Err(PostcodeError::TooLong);
    }
    let accept = |p: &PostcodeInput| match p {
        PostcodeInput::Area(a) => known(Place::Area(a)),
        p => p.outcode().is_none_or(|o| known(Place::District(o))),
    };
    let strict = parse_strict(&n);
    if let Some(p) = strict.as_ref().filter(|p| accept(p)) {
        return Ok(Parsed {
            input: p.clone(),
            repaired: false,
        });
    }
    // Repairs: O↔0 and I↔1 anywhere, kept only when exactly one reading is a
    // known place and said back to the member (`Parsed::repaired`); two or
    // more known readings are a question; the unrepaired reading, if well
    // formed, wins otherwise.
    let slipped = slips(&n);
    if !slipped.is_empty() {
        let mut found: Vec<PostcodeInput> = Vec::new();
        for text in slipped.iter().skip(1) {
            if let Some(p) = parse_strict(text).filter(|p| accept(p)) {
                if !found.contains(&p) {
                    found.push(p);
                }
            }
        }
        match found.as_slice() {
            [only] => {
                return Ok(Parsed {
                    input: only.clone(),
                    repaired: true,
                })
            }
            // Two real places: ask, never pick one in silence. (With the
            // ONS table of November 2025 no district or sector input reads
            // two ways; `tests/postcodes.rs` checks every one.)
            [_, _, ..] if strict.is_none() => {
                return Err(PostcodeError::Ambiguous(
                    found.iter().map(ToString::to_string).collect(),
                ))
            }
            _ => {}
        }
    }
    if word {
        return Err(PostcodeError::Word(n));
    }
    match strict {
        Some(p) => Ok(Parsed {
            input: p,
            repaired: false,
        }),
        None => Err(bad_inward(&n, &known).unwrap_or(PostcodeError::BadFormat)),
    }
}

/// A real district before three characters that cannot end a postcode
/// (`SW1A 1OA`, `SW1A1OA`), as [`PostcodeError::BadInward`]; `None` for
/// anything else.
fn bad_inward(n: &str, known: &impl Fn(Place<'_>) -> bool) -> Option<PostcodeError> {
    let (out, inward) = match n.split_once(' ') {
        Some((o, i)) => (o, i),
        None if n.len() >= 5 && n.is_char_boundary(n.len() - 3) => n.split_at(n.len() - 3),
        None => return None,
    };
    let o = parse_outcode(out.as_bytes())?;
    (inward.len() == 3 && known(Place::District(&o))).then(|| PostcodeError::BadInward {
        outcode: o.to_string(),
        inward: inward.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(raw: &str) -> String {
        match parse(raw, |_| true) {
            Ok(Parsed { input, .. }) => match &input {
                PostcodeInput::Elsewhere(e) => format!("elsewhere:{}", e.code()),
                PostcodeInput::Full(..) => format!("full:{input}"),
                PostcodeInput::Sector(..) => format!("sector:{input}"),
                PostcodeInput::District(o) => format!("district:{o}"),
                PostcodeInput::Area(a) => format!("area:{a}"),
            },
            Err(e) => format!("error:{}", e.code()),
        }
    }

    #[test]
    fn table_of_inputs() {
        let cases = [
            ("SW1A 1AA", "full:SW1A 1AA"),
            ("sw1a1aa", "full:SW1A 1AA"),
            ("  Sw1A   1aA ", "full:SW1A 1AA"),
            ("SW1A%201AA", "full:SW1A 1AA"),
            ("SW1A+1AA", "full:SW1A 1AA"),
            ("ＳＷ１Ａ　１ＡＡ", "full:SW1A 1AA"),
            ("M1 1AE", "full:M1 1AE"),
            ("M11AE", "full:M1 1AE"),
            ("B33 8TH", "full:B33 8TH"),
            ("CR2 6XH", "full:CR2 6XH"),
            ("DN55 1PT", "full:DN55 1PT"),
            ("W1A 0AX", "full:W1A 0AX"),
            ("EC1A 1BB", "full:EC1A 1BB"),
            ("BT1 5GS", "full:BT1 5GS"),
            ("SW1A 1", "sector:SW1A 1"),
            ("SW1A", "district:SW1A"),
            ("M1", "district:M1"),
            ("SY10", "district:SY10"),
            ("M", "area:M"),
            ("sw", "area:SW"),
            ("JE2 3AB", "elsewhere:jersey"),
            ("GY1 1AA", "elsewhere:guernsey"),
            ("IM1 1AA", "elsewhere:isle-of-man"),
            ("IM", "elsewhere:isle-of-man"),
            ("BFPO 123", "elsewhere:bfpo"),
            ("GIR 0AA", "elsewhere:non-geographic"),
            ("STHL 1ZZ", "elsewhere:overseas-territory"),
            ("GX11 1AA", "elsewhere:overseas-territory"),
            ("FIQQ 1ZZ", "elsewhere:overseas-territory"),
            ("sthl", "elsewhere:overseas-territory"),
            ("ASCN1ZZ", "elsewhere:overseas-territory"),
            ("STHL 1ZY", "error:bad-format"),
            ("KY1-1234", "elsewhere:overseas-territory"),
            ("10001", "elsewhere:not-uk"),
            ("75008", "elsewhere:not-uk"),
            ("H3Z 2Y7", "elsewhere:not-uk"),
            ("", "error:empty"),
            ("   ", "error:empty"),
            ("SW1A 1AA 1AA", "error:too-long"),
            ("SW1 A1 AA", "error:bad-format"),
            ("SW1A!1AA", "error:bad-characters"),
            ("1AA", "error:bad-format"),
            ("SW1A 1AAA", "error:bad-format"),
            ("SW1A 1AA 1AA 1", "error:too-long"),
            // Letters only: a word (most often a town), not a bad postcode.
            ("nonsense", "error:word"),
            ("Milton Keynes", "error:word"),
            ("BF1 3AA", "elsewhere:bfpo"),
            ("SW1A\u{200E}1AA", "full:SW1A 1AA"),
            ("ABC123", "error:bad-format"),
            // A real district, and an end no postcode has: said as such.
            ("SW1A 1CC", "error:bad-inward"),
            ("SW1A 1OA", "error:bad-inward"),
            ("sw1a1oa", "error:bad-inward"),
            ("M1 ABC", "error:bad-inward"),
            ("SW1A 1A", "error:bad-format"),
        ];
        for (raw, want) in cases {
            assert_eq!(show(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn normalising_is_idempotent_on_fuzz_finds() {
        // Found by `cargo fuzz run postcode`: "%2B" decodes to "+", which a
        // second pass used to decode again, as a space.
        for raw in ["E%F%2BC%\u{1c}3W1+", "%2541", "SW1A%2B1AA", "%252B"] {
            let once = normalise(raw);
            assert_eq!(normalise(&once), once, "{raw:?}");
        }
    }

    #[test]
    fn repairs_only_unambiguous_slips() {
        // "SW1A lAA"? No: L is a real unit letter. O/0 and I/1 only.
        let known = |p: Place<'_>| matches!(p, Place::District(o) if o.to_string() == "SW1A" || o.to_string() == "M1");
        let p = parse("SWIA 1AA", known).unwrap();
        assert!(p.repaired);
        assert_eq!(p.input.to_string(), "SW1A 1AA");
        let p = parse("SW1A IAA", known).unwrap();
        assert_eq!(p.input.to_string(), "SW1A 1AA");
        let p = parse("MI 1AE", known).unwrap();
        assert_eq!(p.input.to_string(), "M1 1AE");
        // Letters for digits in a first part alone: read, not taken for a word.
        let p = parse("SWIA", known).unwrap();
        assert_eq!((p.input.to_string(), p.repaired), ("SW1A".to_owned(), true));
        // Two real readings: asked, never picked.
        let both = |p: Place<'_>| matches!(p, Place::District(o) if ["BO1", "B0I"].contains(&o.to_string().as_str()));
        assert_eq!(
            parse("BOI", both),
            Err(PostcodeError::Ambiguous(vec![
                "B0I".to_owned(),
                "BO1".to_owned()
            ]))
        );
        // Nothing to repair: a well-formed unknown district stays as typed.
        let p = parse("ZZ9 9ZZ", known).unwrap();
        assert!(!p.repaired);
    }
}
