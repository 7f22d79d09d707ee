//! Checks of the words in data files: names a member reads and copies onto
//! a ballot paper must be exactly what they look like.

use unicode_general_category::{get_general_category, GeneralCategory};
use unicode_normalization::{is_nfc, UnicodeNormalization};

/// The longest name accepted, in characters: the longest on any NEC ballot
/// so far is under 40; 100 leaves room and still fits a phone screen.
pub const MAX_NAME_CHARS: usize = 100;

/// A character no one can see or that changes how text around it is shown
/// (controls, line breaks, zero-width and bidirectional marks, soft
/// hyphens, unusual spaces): its name in words, with its code point.
pub fn hidden_char(c: char) -> Option<String> {
    let known = match c {
        '\n' => Some("a line break"),
        '\r' => Some("a carriage return"),
        '\t' => Some("a tab"),
        '\u{00A0}' => Some("a non-breaking space"),
        '\u{00AD}' => Some("a soft hyphen"),
        '\u{034F}' => Some("a combining grapheme joiner"),
        '\u{061C}' => Some("an Arabic letter mark"),
        '\u{180E}' => Some("a Mongolian vowel separator"),
        '\u{200B}' => Some("a zero-width space"),
        '\u{200C}' => Some("a zero-width non-joiner"),
        '\u{200D}' => Some("a zero-width joiner"),
        '\u{200E}' => Some("a left-to-right mark"),
        '\u{200F}' => Some("a right-to-left mark"),
        '\u{202A}' => Some("a left-to-right embedding"),
        '\u{202B}' => Some("a right-to-left embedding"),
        '\u{202C}' => Some("a pop directional formatting"),
        '\u{202D}' => Some("a left-to-right override"),
        '\u{202E}' => Some("a right-to-left override"),
        '\u{2060}' => Some("a word joiner"),
        '\u{2066}' => Some("a left-to-right isolate"),
        '\u{2067}' => Some("a right-to-left isolate"),
        '\u{2068}' => Some("a first strong isolate"),
        '\u{2069}' => Some("a pop directional isolate"),
        '\u{FEFF}' => Some("a zero-width no-break space (byte order mark)"),
        '\u{FFFC}' | '\u{FFFD}' => Some("a replacement character"),
        _ => None,
    };
    let hidden = known.is_some()
        || matches!(
            get_general_category(c),
            GeneralCategory::Control
                | GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
                | GeneralCategory::PrivateUse
                | GeneralCategory::Unassigned
                | GeneralCategory::Surrogate
        )
        || (c.is_whitespace() && c != ' ');
    hidden.then(|| {
        format!(
            "{} (U+{:04X})",
            known.unwrap_or("an invisible or control character"),
            u32::from(c)
        )
    })
}

/// What is wrong with a piece of text every member reads (a title, a note,
/// a name): hidden characters or a form that is not Unicode's standard one
/// (NFC). `None` when it is fine.
pub fn text_problem(text: &str) -> Option<(String, Option<String>)> {
    if let Some(c) = text.chars().find_map(hidden_char) {
        return Some((
            format!("contains {c}, which members cannot see"),
            Some(
                "retype the text, or delete the character and its neighbours and type them again"
                    .to_owned(),
            ),
        ));
    }
    if !is_nfc(text) {
        let fixed: String = text.nfc().collect();
        return Some((
            "is not in Unicode's standard (NFC) form: an accent is typed as a separate mark"
                .to_owned(),
            Some(format!("write it as \"{fixed}\"")),
        ));
    }
    None
}

/// What is wrong with a name (of a candidate, a pick, a region): every
/// problem of [`text_problem`], spaces at either end or two in a row, or
/// more than [`MAX_NAME_CHARS`] characters.
pub fn name_problem(name: &str) -> Option<(String, Option<String>)> {
    if name.trim().is_empty() {
        return Some(("the name is empty".to_owned(), None));
    }
    if let Some(p) = text_problem(name) {
        return Some(p);
    }
    let fix = || {
        Some(format!(
            "write \"{}\"",
            name.split_whitespace().collect::<Vec<_>>().join(" ")
        ))
    };
    if name.starts_with(char::is_whitespace) {
        return Some(("the name starts with a space".to_owned(), fix()));
    }
    if name.ends_with(char::is_whitespace) {
        return Some(("the name ends with a space".to_owned(), fix()));
    }
    if name.contains("  ") {
        return Some(("the name has two spaces in a row".to_owned(), fix()));
    }
    let n = name.chars().count();
    if n > MAX_NAME_CHARS {
        return Some((
            format!("the name is {n} characters long; the limit is {MAX_NAME_CHARS}"),
            Some(
                "a name on a ballot paper is far shorter: check that nothing was pasted by mistake"
                    .to_owned(),
            ),
        ));
    }
    None
}

/// A name as a reader sees it: hidden characters dropped, case ignored,
/// `Surname, Forename` read as `Forename Surname`, and letters that look
/// alike (Cyrillic `а`, Latin `a`) made the same with Unicode's confusables
/// table (`unicode-security`'s skeleton).
pub fn likeness(name: &str) -> String {
    let visible: String = name
        .chars()
        .filter(|&c| hidden_char(c).is_none() || c.is_whitespace())
        .collect();
    let reordered = match visible.split_once(',') {
        Some((surname, forename)) => format!("{forename} {surname}"),
        None => visible,
    };
    let words: Vec<String> = reordered
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    unicode_security::skeleton(&words.join(" "))
        .collect::<String>()
        .to_lowercase()
}

/// How two names that read the same differ, in words.
pub fn how_alike(first: &str, second: &str) -> String {
    if first == second {
        return "the same name is given twice".to_owned();
    }
    let visible = |s: &str| -> String { s.chars().filter(|&c| hidden_char(c).is_none()).collect() };
    if visible(first) == visible(second) {
        return "the names differ only by a character no one can see".to_owned();
    }
    if first.to_lowercase() == second.to_lowercase() {
        return "the names differ only in capital letters".to_owned();
    }
    if let Some(c) = second
        .chars()
        .find(|c| !c.is_ascii() && !first.contains(*c))
    {
        return format!(
            "the names look the same but \"{c}\" (U+{:04X}) is a different letter that looks alike",
            u32::from(c)
        );
    }
    "the names read the same".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_share_a_likeness() {
        assert_eq!(likeness("Jess Barnard"), likeness("Jess B\u{0430}rnard"));
        assert_eq!(likeness("Barnard, Jess"), likeness("jess  barnard"));
        assert_ne!(likeness("Ann Black"), likeness("Ann Henderson"));
    }

    #[test]
    fn hidden_characters_are_named() {
        assert_eq!(
            hidden_char('\u{200B}').as_deref(),
            Some("a zero-width space (U+200B)")
        );
        assert!(hidden_char('a').is_none());
        assert!(hidden_char(' ').is_none());
    }
}
