//! Dates as a person reads them. Imports keep a date as the page gave it, often machine-readable
//! ("2017-03-09T23:16:02+00:00"); the window shows "9 March 2017, 23:16". The time stays in the offset the page
//! gave, which is the article's own: turning it into the reader's zone could move it to another day.

use std::borrow::Cow;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `raw` as "9 March 2017" or "9 March 2017, 23:16" where it is an ISO 8601 / RFC 3339 date or date and time;
/// anything else (a date already in words, "yesterday") as it is.
pub fn readable(raw: &str) -> Cow<'_, str> {
    let text = raw.trim();
    let date_only = text.len() == 10;
    let civil = if date_only {
        text.parse::<jiff::civil::Date>().ok().map(|d| d.to_datetime(jiff::civil::Time::midnight()))
    } else {
        text.parse::<jiff::civil::DateTime>().ok().or_else(|| {
            text.parse::<jiff::Timestamp>().ok().map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).datetime())
        })
    };
    let Some(at) = civil else { return Cow::Borrowed(raw) };
    if date_only { Cow::Owned(day_of(at.date())) } else { Cow::Owned(written(at)) }
}

/// A date and time as a person writes it: "9 March 2017, 23:16".
pub fn written(at: jiff::civil::DateTime) -> String {
    format!("{}, {:02}:{:02}", day_of(at.date()), at.hour(), at.minute())
}

/// "9 March 2017".
fn day_of(date: jiff::civil::Date) -> String {
    let month = MONTHS.get(usize::try_from(date.month() - 1).unwrap_or(0)).copied().unwrap_or_default();
    format!("{} {month} {}", date.day(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_dates_read_as_a_person_writes_them() {
        assert_eq!(readable("2017-03-09T23:16:02+00:00"), "9 March 2017, 23:16");
        assert_eq!(readable("2017-03-09T23:16:02Z"), "9 March 2017, 23:16");
        assert_eq!(readable("2017-03-09T23:16:02.123-05:00"), "9 March 2017, 23:16", "in the page's own offset");
        assert_eq!(readable("2017-03-09 08:05"), "9 March 2017, 08:05");
        assert_eq!(readable("2017-12-01"), "1 December 2017");
        assert_eq!(written(jiff::civil::date(2026, 12, 2).at(1, 35, 9, 0)), "2 December 2026, 01:35");
        for words in ["March 9, 2017", "yesterday", "", "2017-13-45", "12 мая 2021"] {
            assert_eq!(readable(words), words, "left as it is");
        }
    }
}
