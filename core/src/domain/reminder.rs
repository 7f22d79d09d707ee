//! A calendar reminder of a ballot's close, built on the member's device as
//! an iCalendar file (RFC 5545) and offered as a `data:` link to download:
//! nothing is sent anywhere.
//!
//! The event is at the closing moment, in UTC (`…Z`), so every calendar
//! shows it in its own zone without a time-zone table; a close given as a
//! date alone is the end of that day (23:59 UK time). An alarm fires a day
//! before.

use super::date::{Date, Moment};
use super::election::Election;

/// `YYYYMMDDTHHMMSSZ` for `utc_minutes` (minutes since the Unix epoch, UTC).
fn utc_stamp(utc_minutes: i64) -> String {
    let date = Date::from_days_since_epoch(utc_minutes.div_euclid(1440));
    let minute = utc_minutes.rem_euclid(1440);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}00Z",
        date.year,
        date.month,
        date.day,
        minute / 60,
        minute % 60
    )
}

/// Escapes iCalendar TEXT (`\`, `;`, `,`, newlines).
fn text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets, as RFC 5545 §3.1 asks (never inside
/// a UTF-8 character), ending it with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// The words of a reminder, from the message catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderText {
    /// The event's title, e.g. "Labour NEC ballot closes".
    pub summary: String,
    /// The event's notes: the member's order and its link.
    pub description: String,
    /// What the alarm a day before says.
    pub alarm: String,
}

/// The iCalendar file for `election`'s close, or `None` when its close is
/// not known. `now_utc_minutes` stamps the file; `uid_part` (e.g. the
/// region's slug) keeps one reminder per election and region.
///
/// ```
/// use slatecard_core::domain::{election::Election, reminder::{ics, ReminderText}};
/// let e = Election::by_id("nec-2024").unwrap();
/// let words = ReminderText { summary: "Closes".into(), description: "Order".into(), alarm: "Tomorrow".into() };
/// let file = ics(e, "wales", &words, 0).unwrap();
/// assert!(file.contains("DTSTART:20240917T110000Z\r\n")); // midday BST
/// ```
pub fn ics(
    election: &Election,
    uid_part: &str,
    words: &ReminderText,
    now_utc_minutes: i64,
) -> Option<String> {
    let close: Moment = election.closes?;
    // A close without a time is the end of that day.
    let at = match close.time {
        Some(_) => close.start_utc_minutes(),
        None => close.deadline_utc_minutes() - 1,
    };
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//slatecard//ballot reminder//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}-{uid_part}-close@slatecard", election.id),
        format!("DTSTAMP:{}", utc_stamp(now_utc_minutes)),
        format!("DTSTART:{}", utc_stamp(at)),
        format!("DTEND:{}", utc_stamp(at)),
        format!("SUMMARY:{}", text(&words.summary)),
        format!("DESCRIPTION:{}", text(&words.description)),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        format!("DESCRIPTION:{}", text(&words.alarm)),
        "TRIGGER:-P1D".to_owned(),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    Some(lines.iter().map(|l| fold(l)).collect())
}

/// `data:text/calendar` link for an iCalendar file: every byte but
/// unreserved ASCII percent-encoded.
pub fn data_url(ics: &str) -> String {
    let mut out = String::from("data:text/calendar;charset=utf-8,");
    for b in ics.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_without_splitting_characters() {
        let long = format!("DESCRIPTION:{}", "é".repeat(60));
        let folded = fold(&long);
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), long);
    }

    #[test]
    fn a_date_alone_closes_at_the_end_of_the_day() {
        let e = Election::by_id("nec-2022").unwrap();
        let words = ReminderText {
            summary: "s".into(),
            description: "d".into(),
            alarm: "a".into(),
        };
        let file = ics(e, "london", &words, 0).unwrap();
        // 30 August 2022, 23:59 BST is 22:59 UTC.
        assert!(file.contains("DTSTART:20220830T225900Z\r\n"), "{file}");
        assert!(ics(Election::by_id("nec-2026").unwrap(), "x", &words, 0).is_none());
    }
}
