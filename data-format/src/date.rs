//! Dates as the data files write them: `YYYY-MM-DD`, optionally followed by
//! `THH:MM`, in UK time.
//!
//! This module reads and checks that text, nothing more. The app's calendar
//! (deadlines in UTC, British Summer Time, dates the way a member reads them)
//! is `slatecard::domain::date`; `build.rs` fills its `Date` and `Moment` with
//! the numbers read here. A native test checks that both accept and reject
//! the same texts.

use std::fmt;

/// A calendar date read from a data file.
///
/// ```
/// use slatecard_data_format::date::Date;
/// let d = Date::parse("2022-08-30").unwrap();
/// assert_eq!((d.year, d.month, d.day), (2022, 8, 30));
/// assert_eq!(d.to_string(), "2022-08-30");
/// assert!(Date::parse("2022-02-30").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1900 to 2200.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

/// A date with an optional time of day (UK time), read from a data file.
///
/// ```
/// use slatecard_data_format::date::Moment;
/// let m = Moment::parse("2020-11-12T12:00").unwrap();
/// assert_eq!(m.time, Some((12, 0)));
/// assert_eq!(m.to_string(), "2020-11-12T12:00");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment {
    /// The calendar date.
    pub date: Date,
    /// Hours and minutes, when the file gives a time. Without one a deadline
    /// means the end of that day.
    pub time: Option<(u8, u8)>,
}

/// Why a date in a data file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not in the form `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    Format(String),
    /// Well formed, but no such day or time exists (e.g. 30 February).
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

fn days_in_month(year: u16, month: u8) -> u8 {
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
    /// Builds a date, checking that it exists and that its year is plausible
    /// (1900 to 2200).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1900..=2200).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD`.
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
}

/// Prints the date as the files write it, `YYYY-MM-DD`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Moment {
    /// Reads `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
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

    /// When this moment begins, in UK time: its date and the minutes into
    /// that day (00:00 when the file gives no time).
    pub fn start(self) -> (Date, u16) {
        let (h, m) = self.time.unwrap_or((0, 0));
        (self.date, u16::from(h) * 60 + u16::from(m))
    }

    /// When a deadline on this moment passes, in UK time: its time, or the
    /// end of the day (24:00) when the file gives none.
    ///
    /// ```
    /// use slatecard_data_format::date::Moment;
    /// let day = Moment::parse("2022-07-25").unwrap();
    /// assert!(day.deadline() > day.start()); // a ballot open all day
    /// let noon = Moment::parse("2022-07-25T12:00").unwrap();
    /// assert_eq!(noon.deadline(), noon.start());
    /// ```
    pub fn deadline(self) -> (Date, u16) {
        match self.time {
            Some(_) => self.start(),
            None => (self.date, 24 * 60),
        }
    }
}

/// Prints the moment as the files write it, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.time {
            None => write!(f, "{}", self.date),
            Some((h, m)) => write!(f, "{}T{h:02}:{m:02}", self.date),
        }
    }
}
