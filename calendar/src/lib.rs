//! Calendar dates and UK civil time, without a date library.
//!
//! Ballots open and close on dates in UK time (`Europe/London`). slatecard
//! needs only three things: to reject impossible dates in the data files, to
//! compare a deadline with "now", and to hand dates to its message catalogue,
//! which writes them the way a member reads them. One crate does all three
//! for the app (wasm), `build.rs` (through `slatecard-data-format`) and the
//! native tools, so a date is read one way everywhere.
//!
//! `Display` writes dates as the data files do (ISO 8601): `2022-08-30`,
//! `2020-11-12T12:00`. Members' words for dates are the catalogue's.

use core::fmt;

/// A calendar date in the proleptic Gregorian calendar.
///
/// ```
/// use slatecard_calendar::Date;
/// let d = Date::parse("2022-08-30").unwrap();
/// assert_eq!(d.to_string(), "2022-08-30");
/// assert!(Date::parse("2022-02-30").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2022.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

/// A date with an optional time of day, in UK civil time.
///
/// ```
/// use slatecard_calendar::Moment;
/// let m = Moment::parse("2020-11-12T12:00").unwrap();
/// assert_eq!(m.to_string(), "2020-11-12T12:00");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment {
    /// The calendar date.
    pub date: Date,
    /// Hours and minutes, when the source gives a time. Without one a deadline
    /// means the end of that day.
    pub time: Option<(u8, u8)>,
}

/// Why a date could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not in the form `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    Format(String),
    /// Well formed, but no such day exists (e.g. 30 February).
    Impossible(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(s) => write!(
                f,
                "\"{s}\" is not a date in the form YYYY-MM-DD (optionally followed by THH:MM)"
            ),
            DateError::Impossible(s) => write!(f, "\"{s}\" is not a real date or time"),
        }
    }
}

impl std::error::Error for DateError {}

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` of `year` (0 for a month outside 1–12).
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(s: &str) -> Option<u16> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Date {
    /// Builds a date, checking that it exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1900..=2200).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(DateError::Format(s.to_owned()));
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(DateError::Format(s.to_owned()));
        }
        let (Some(y), Some(m), Some(d)) = (digits(y), digits(m), digits(d)) else {
            return Err(DateError::Format(s.to_owned()));
        };
        Date::new(y, m as u8, d as u8).ok_or_else(|| DateError::Impossible(s.to_owned()))
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil, in integer arithmetic.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }

    /// Day of the week, 0 = Sunday.
    pub fn weekday(self) -> u8 {
        (self.days_since_epoch() + 4).rem_euclid(7) as u8
    }

    /// The last Sunday of a month (used for the start and end of British Summer Time).
    fn last_sunday(year: u16, month: u8) -> Date {
        let last = Date {
            year,
            month,
            day: days_in_month(year, month),
        };
        Date {
            day: last.day - last.weekday(),
            ..last
        }
    }
}

/// Writes the date as the data files do: `2022-08-30`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Minutes east of UTC of UK civil time at a UTC instant (0 in GMT, 60 in BST).
///
/// BST runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
/// last Sunday of October.
pub fn london_offset_minutes(utc_minutes: i64) -> i64 {
    let date = Date::from_days_since_epoch(utc_minutes.div_euclid(1440));
    let start = Date::last_sunday(date.year, 3).days_since_epoch() * 1440 + 60;
    let end = Date::last_sunday(date.year, 10).days_since_epoch() * 1440 + 60;
    if (start..end).contains(&utc_minutes) {
        60
    } else {
        0
    }
}

/// The UK calendar date at a UTC instant (minutes since the Unix epoch).
///
/// ```
/// use slatecard_calendar::{london_date, Date};
/// // 23:30 UTC on 1 July 2024 is already 2 July in London (BST).
/// let t = Date::new(2024, 7, 1).unwrap().days_since_epoch() * 1440 + 23 * 60 + 30;
/// assert_eq!(london_date(t), Date::new(2024, 7, 2).unwrap());
/// ```
pub fn london_date(utc_minutes: i64) -> Date {
    let uk = utc_minutes + london_offset_minutes(utc_minutes);
    Date::from_days_since_epoch(uk.div_euclid(1440))
}

impl Moment {
    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub fn parse(s: &str) -> Result<Moment, DateError> {
        let (date, time) = match s.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (s, None),
        };
        let date = Date::parse(date).map_err(|e| match e {
            DateError::Format(_) => DateError::Format(s.to_owned()),
            DateError::Impossible(_) => DateError::Impossible(s.to_owned()),
        })?;
        let time = match time {
            None => None,
            Some(t) => {
                let (h, m) = t
                    .split_once(':')
                    .filter(|(h, m)| h.len() == 2 && m.len() == 2)
                    .ok_or_else(|| DateError::Format(s.to_owned()))?;
                let (Some(h), Some(m)) = (digits(h), digits(m)) else {
                    return Err(DateError::Format(s.to_owned()));
                };
                if h > 23 || m > 59 {
                    return Err(DateError::Impossible(s.to_owned()));
                }
                Some((h as u8, m as u8))
            }
        };
        Ok(Moment { date, time })
    }

    /// The UTC instant (minutes since the epoch) at which this UK-time moment
    /// begins. A date without a time begins at 00:00.
    pub fn start_utc_minutes(self) -> i64 {
        let (h, m) = self.time.unwrap_or((0, 0));
        self.local_to_utc(i64::from(h) * 60 + i64::from(m))
    }

    /// The UTC instant at which a deadline on this moment passes: its time, or
    /// the end of the day (24:00 UK time) when no time is given.
    pub fn deadline_utc_minutes(self) -> i64 {
        match self.time {
            Some((h, m)) => self.local_to_utc(i64::from(h) * 60 + i64::from(m)),
            None => self.local_to_utc(24 * 60),
        }
    }

    fn local_to_utc(self, minutes_into_day: i64) -> i64 {
        let local = self.date.days_since_epoch() * 1440 + minutes_into_day;
        // The offset at the local instant read as UTC is right except within the
        // hour of a clock change, where either answer is defensible.
        local - london_offset_minutes(local)
    }
}

/// Writes the moment as the data files do: `2022-08-30` or `2020-11-12T12:00`.
impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.time {
            None => write!(f, "{}", self.date),
            Some((h, m)) => write!(f, "{}T{h:02}:{m:02}", self.date),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        for bad in [
            "2023-02-29",
            "2022-13-01",
            "2022-00-10",
            "2022-04-31",
            "2022-01-00",
        ] {
            assert!(
                matches!(Date::parse(bad), Err(DateError::Impossible(_))),
                "{bad}"
            );
        }
        for bad in [
            "",
            "2022",
            "22-01-01",
            "2022-1-01",
            "2022-01-01-01",
            "2022-+1-01",
            "x",
        ] {
            assert!(
                matches!(Date::parse(bad), Err(DateError::Format(_))),
                "{bad}"
            );
        }
        assert!(matches!(
            Moment::parse("2020-11-12T24:00"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            Moment::parse("2020-11-12T9:00"),
            Err(DateError::Format(_))
        ));
    }

    #[test]
    fn epoch_round_trip() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(
            Date::parse("2000-03-01").unwrap().days_since_epoch(),
            11_017
        );
        for days in (-20_000..40_000).step_by(97) {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(Date::parse("2026-11-23").unwrap().weekday(), 1); // a Monday
    }

    #[test]
    fn british_summer_time() {
        // 2022: BST from 27 March to 30 October.
        let noon = |s: &str| Date::parse(s).unwrap().days_since_epoch() * 1440 + 12 * 60;
        assert_eq!(london_offset_minutes(noon("2022-03-26")), 0);
        assert_eq!(london_offset_minutes(noon("2022-03-27")), 60);
        assert_eq!(london_offset_minutes(noon("2022-08-30")), 60);
        assert_eq!(london_offset_minutes(noon("2022-10-30")), 0);
        // Noon on 12 November 2020 is GMT: the deadline is 12:00 UTC.
        let m = Moment::parse("2020-11-12T12:00").unwrap();
        assert_eq!(m.deadline_utc_minutes(), noon("2020-11-12"));
        // A date-only deadline in summer ends at 23:00 UTC.
        let d = Moment::parse("2022-08-30").unwrap();
        assert_eq!(d.deadline_utc_minutes(), noon("2022-08-30") + 11 * 60);
    }
}
