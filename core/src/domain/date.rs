//! Calendar dates and UK civil time: the `slatecard-calendar` crate, which
//! the data format (`build.rs`) and the app share, so a date is read one way.
//! Members' words for dates are the message catalogue's (`crate::text`).

pub use slatecard_calendar::{
    days_in_month, london_date, london_offset_minutes, Date, DateError, Moment,
};
