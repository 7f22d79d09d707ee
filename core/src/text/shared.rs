//! Helpers both catalogues use: how numbers and lists of names are written
//! is the same in English and Welsh (Welsh groups thousands with a comma, as
//! English does); only the words around them differ.

use crate::domain::page::EntryView;

/// Each name with its number (`1 Yasmine Dar`), or `cross` before it on a
/// cross ballot.
#[inline]
pub(super) fn numbered(entries: &[EntryView], cross: &str) -> Vec<String> {
    entries
        .iter()
        .map(|e| match e.preference {
            Some(p) => format!("{p} {}", e.name),
            None => format!("{cross}{}", e.name),
        })
        .collect()
}

/// `4686` → `4,686`.
#[inline]
pub(super) fn group_digits(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A quota as the count gives it (`4686.27`) with its thousands grouped
/// (`4,686.27`); a whole number keeps no point.
#[inline]
pub(super) fn quota_figure(quota: &str) -> String {
    match quota.split_once('.') {
        Some((whole, fraction)) if !fraction.is_empty() => {
            format!("{}.{fraction}", group_digits(whole))
        }
        Some((whole, _)) => group_digits(whole),
        None => group_digits(quota),
    }
}

/// Who published a source and when, in brackets (`(LabourList, 5 June
/// 2024)`), given the date already in words; `None` when neither is known.
#[inline]
pub(super) fn published(publisher: &str, date: Option<String>) -> Option<String> {
    match (publisher, date) {
        ("", None) => None,
        (p, None) => Some(format!("({p})")),
        ("", Some(d)) => Some(format!("({d})")),
        (p, Some(d)) => Some(format!("({p}, {d})")),
    }
}
