//! Checks of the words in data files: names a member reads and copies onto
//! a ballot paper must be exactly what they look like.

use unicode_general_category::{get_general_category, GeneralCategory};
use unicode_normalization::{is_nfc, UnicodeNormalization};
use unicode_script::{Script, UnicodeScript};
use unicode_security::MixedScript;

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

/// The characters of markup (HTML, Markdown, templates) that no name on a
/// ballot paper has: a name holding one was pasted from a web page or
/// typed to be run by a browser.
pub const NAME_MARKUP: &[char] = &['<', '>', '&', '"', '`', '{', '}', '[', ']', '\\', '|', '='];

/// Markup in a text members read (a title, a note): an HTML tag (`<` then a
/// letter, `/`, `!` or `?`), an HTML entity (`&amp;`, `&#60;`), or an address
/// that runs code (`javascript:`, `vbscript:`, `data:`). Its first one, in words.
pub fn markup_in_text(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        if c == '<' && next.is_some_and(|n| n.is_alphabetic() || matches!(n, '/' | '!' | '?')) {
            let tag: String = chars[i..]
                .iter()
                .take_while(|&&c| c != '>')
                .take(24)
                .collect();
            return Some(format!("an HTML tag (\"{tag}…\")"));
        }
        if c == '&' {
            let rest: String = chars[i + 1..].iter().take(12).collect();
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
                .collect();
            if !name.is_empty() && rest[name.len()..].starts_with(';') {
                return Some(format!("an HTML entity (\"&{name};\")"));
            }
        }
    }
    let lower = text.to_lowercase();
    let squeezed: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    ["javascript:", "vbscript:", "data:text", "data:image"]
        .iter()
        .find(|scheme| squeezed.contains(*scheme))
        .map(|scheme| format!("an address that runs code (\"{scheme}\")"))
}

/// A name's letters from more than one script (a Latin name with a Cyrillic
/// `а`, as a PDF can paste it): the odd letter out and both scripts' names,
/// as `("а", "U+0430", "Cyrillic", "Latin")`. Scripts used together in one
/// language (Japanese kanji and kana, Korean hangul and hanja) are one.
pub fn mixed_script(name: &str) -> Option<(char, &'static str, &'static str)> {
    if name.is_single_script() {
        return None;
    }
    let script_of = |c: char| match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => None,
        s => Some(s),
    };
    // The name's main script: the one most of its letters are in.
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for s in name.chars().filter_map(script_of) {
        match counts.iter_mut().find(|(x, _)| *x == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    let main = counts
        .iter()
        .enumerate()
        .max_by(|(i, (_, a)), (j, (_, b))| a.cmp(b).then(j.cmp(i)))
        .map(|(_, (s, _))| *s)?;
    let odd = name
        .chars()
        .find(|&c| script_of(c).is_some_and(|s| s != main))?;
    Some((odd, odd.script().full_name(), main.full_name()))
}

/// What is wrong with a name (of a candidate, a pick, a region): every
/// problem of [`text_problem`], spaces at either end or two in a row, more
/// than [`MAX_NAME_CHARS`] characters, markup ([`NAME_MARKUP`]), or letters
/// of two scripts ([`mixed_script`]).
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
    if let Some(c) = name.chars().find(|c| NAME_MARKUP.contains(c)) {
        return Some((
            format!("contains \"{c}\", a character of web-page markup that no name on a ballot paper has"),
            Some(
                "write the name as it is on the ballot paper, in letters only; if it was copied from a web page, type it again"
                    .to_owned(),
            ),
        ));
    }
    if let Some(what) = markup_in_text(name) {
        return Some((
            format!("contains {what}, which no name on a ballot paper has"),
            Some("write the name as it is on the ballot paper, in letters only".to_owned()),
        ));
    }
    if let Some((c, script, main)) = mixed_script(name) {
        return Some((
            format!(
                "mixes scripts: \"{c}\" (U+{:04X}) is a {script} letter in a name written in {main} letters",
                u32::from(c)
            ),
            Some(format!(
                "it may look like a {main} letter but is not (a name copied from a PDF or another document can carry one): type the name again"
            )),
        ));
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
    fn the_odd_letter_of_a_mixed_script_name_is_named() {
        assert_eq!(
            mixed_script("Jess B\u{0430}rnard"),
            Some(('\u{0430}', "Cyrillic", "Latin"))
        );
        assert_eq!(
            mixed_script("Gemm\u{03B1} Bolton"),
            Some(('\u{03B1}', "Greek", "Latin"))
        );
        // Mostly Cyrillic, one Latin letter: the Latin one is odd.
        assert_eq!(
            mixed_script("\u{0410}\u{043D}\u{043D}a"),
            Some(('a', "Latin", "Cyrillic"))
        );
        for fine in [
            "Naomi Wimborne-Idrissi",
            "Zo\u{eb} O'Brien",
            "\u{5C71}\u{7530} \u{305F}\u{308D}\u{3046}",
            "\u{0410}\u{043D}\u{043D}\u{0430}",
        ] {
            assert_eq!(mixed_script(fine), None, "{fine}");
        }
    }

    #[test]
    fn markup_is_found_in_texts_but_not_in_plain_words() {
        assert!(markup_in_text("<img src=x onerror=alert(1)>").is_some());
        assert!(markup_in_text("a </b> tag").is_some());
        assert!(markup_in_text("AT&amp;T").is_some());
        assert!(markup_in_text("see java script:alert(1)").is_some());
        for fine in ["5 < 6 and 7 > 3", "Labour & Co", "Note: the list", "12:00"] {
            assert_eq!(markup_in_text(fine), None, "{fine}");
        }
    }

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
