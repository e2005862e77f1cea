//! The periods a query names: `date:2024-01..2024-03` (fixed days) and `imported:today`,
//! `this-week`, `last-30-days` (counted back from the day the query is read on, and read again
//! on another day: [`Relative`]).

use chrono::{Datelike, Duration, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Written relative to the day it was read on (`today`, `this-week`): a query kept open
    /// past midnight reads it again ([`Query::on`]).
    pub relative: Option<Relative>,
}

impl DateRange {
    pub fn between(from: Option<NaiveDate>, to: Option<NaiveDate>) -> DateRange {
        DateRange { from, to, relative: None }
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }
}

/// A period counted back from today, as `imported:` takes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Relative {
    Today,
    Yesterday,
    ThisWeek,
    ThisMonth,
    /// The last n days, today among them.
    LastDays(u32),
}

impl Relative {
    fn read(s: &str) -> Option<Relative> {
        Some(match s {
            "today" => Relative::Today,
            "yesterday" => Relative::Yesterday,
            "this-week" | "week" => Relative::ThisWeek,
            "this-month" | "month" => Relative::ThisMonth,
            _ => Relative::LastDays(s.strip_prefix("last-")?.strip_suffix("-days")?.parse().ok()?),
        })
    }

    /// As it is typed after `imported:`.
    pub fn as_text(self) -> String {
        match self {
            Relative::Today => "today".to_owned(),
            Relative::Yesterday => "yesterday".to_owned(),
            Relative::ThisWeek => "this-week".to_owned(),
            Relative::ThisMonth => "this-month".to_owned(),
            Relative::LastDays(n) => format!("last-{n}-days"),
        }
    }

    /// The days it means when today is `today`.
    pub fn on(self, today: NaiveDate) -> DateRange {
        let since = |d: NaiveDate| DateRange { from: Some(d), to: Some(today), relative: Some(self) };
        match self {
            Relative::Today => since(today),
            Relative::Yesterday => {
                let y = today.pred_opt().unwrap_or(today);
                DateRange { from: Some(y), to: Some(y), relative: Some(self) }
            }
            Relative::ThisWeek => since(today - Duration::days(i64::from(today.weekday().num_days_from_monday()))),
            Relative::ThisMonth => since(today.with_day(1).unwrap_or(today)),
            Relative::LastDays(n) => {
                // More days than the calendar holds reach back to its first day.
                let back = Duration::try_days(i64::from(n).saturating_sub(1).max(0)).unwrap_or(Duration::MAX);
                since(today.checked_sub_signed(back).unwrap_or(NaiveDate::MIN))
            }
        }
    }
}

/// The first and last day of a date written as `2024`, `2024-03` or `2024-03-05`.
pub(super) fn parse_period(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    match parts.len() {
        1 if s.len() == 4 => {
            let y = i32::try_from(num(0)?).ok()?;
            Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?))
        }
        2 => {
            let y = i32::try_from(num(0)?).ok()?;
            let first = NaiveDate::from_ymd_opt(y, num(1)?, 1)?;
            let next = first.checked_add_months(chrono::Months::new(1))?;
            Some((first, next.pred_opt()?))
        }
        3 => {
            let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
            Some((d, d))
        }
        _ => None,
    }
}

pub(super) fn parse_date_range(s: &str) -> Option<DateRange> {
    if let Some((a, b)) = s.split_once("..") {
        let from = if a.is_empty() { None } else { Some(parse_period(a)?.0) };
        let to = if b.is_empty() { None } else { Some(parse_period(b)?.1) };
        // `..` alone bounds nothing: it is no filter (and the index needs one bound).
        return (from.is_some() || to.is_some()).then_some(DateRange::between(from, to));
    }
    let (from, to) = parse_period(s)?;
    Some(DateRange::between(Some(from), Some(to)))
}

pub(super) fn parse_relative(s: &str, today: NaiveDate) -> Option<DateRange> {
    Relative::read(s).map(|r| r.on(today)).or_else(|| parse_date_range(s))
}
