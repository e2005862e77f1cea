//! How much was written, when, and by whom or about what: clippings counted per day, week or
//! month, in groups (a country, a topic, an event, an outlet, a kind). The window's coverage
//! view, `clippings stats` and the press review's coverage page count with this, over what a
//! search found. A clipping with two countries counts once in each; its date is the one a
//! person sorts by (published, taken, else imported: those are counted apart, to be said).

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

use crate::archive::card::Card;
use crate::vocab::model::{Clipping, Kind, Tag, TagKind};

/// What counting reads of a clipping: a whole record or a browser's card.
pub trait Counted {
    /// The date a person sorts by (published, taken, else imported).
    fn day(&self) -> NaiveDate;
    /// Whether that date is only the import's.
    fn dated_by_import(&self) -> bool;
    fn outlet(&self) -> &str;
    fn kind(&self) -> Kind;
}

impl Counted for Clipping {
    fn day(&self) -> NaiveDate {
        self.date()
    }
    fn dated_by_import(&self) -> bool {
        self.published.is_none() && self.captured_at.is_none()
    }
    fn outlet(&self) -> &str {
        &self.source
    }
    fn kind(&self) -> Kind {
        self.kind
    }
}

impl Counted for Card {
    fn day(&self) -> NaiveDate {
        self.date()
    }
    fn dated_by_import(&self) -> bool {
        self.published.is_none() && self.captured_at().is_none()
    }
    fn outlet(&self) -> &str {
        self.source()
    }
    fn kind(&self) -> Kind {
        self.kind
    }
}

/// The colours of the groups drawn, largest first, in the window and the press review: told
/// apart in colour and, by their lightness, in grey.
pub const PALETTE: [[u8; 3]; 8] = [
    [0x4e, 0x79, 0xa7],
    [0xf2, 0x8e, 0x2b],
    [0x59, 0xa1, 0x4f],
    [0xe1, 0x57, 0x59],
    [0x76, 0xb7, 0xb2],
    [0xed, 0xc9, 0x48],
    [0xb0, 0x7a, 0xa1],
    [0x9c, 0x75, 0x5f],
];

/// The colour of the groups stacked together as "other".
pub const OTHER_RGB: [u8; 3] = [0x79, 0x79, 0x79];

/// What clippings are grouped by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum GroupBy {
    #[default]
    Country,
    Topic,
    Event,
    Outlet,
    Kind,
}

impl GroupBy {
    pub const ALL: [GroupBy; 5] = [GroupBy::Country, GroupBy::Topic, GroupBy::Event, GroupBy::Outlet, GroupBy::Kind];

    /// The groups a clipping falls in: its tags of the kind (their values, the ISO code for a
    /// country), its outlet, or its kind. None where it has none (no country, no outlet).
    pub fn groups_of(self, clipping: &impl Counted, tags: &[Tag]) -> Vec<String> {
        let of_kind = |kind: TagKind| tags.iter().filter(|t| t.kind == kind).map(|t| t.value.clone()).collect();
        match self {
            GroupBy::Country => of_kind(TagKind::Country),
            GroupBy::Topic => of_kind(TagKind::Topic),
            GroupBy::Event => of_kind(TagKind::Event),
            GroupBy::Outlet => {
                let outlet = clipping.outlet().trim();
                if outlet.is_empty() { Vec::new() } else { vec![outlet.to_owned()] }
            }
            GroupBy::Kind => vec![clipping.kind().as_str().to_owned()],
        }
    }
}

impl std::str::FromStr for GroupBy {
    type Err = String;
    fn from_str(s: &str) -> Result<GroupBy, String> {
        match s.trim().to_lowercase().as_str() {
            "country" | "countries" => Ok(GroupBy::Country),
            "topic" | "topics" => Ok(GroupBy::Topic),
            "event" | "events" => Ok(GroupBy::Event),
            "outlet" | "outlets" | "source" => Ok(GroupBy::Outlet),
            "kind" => Ok(GroupBy::Kind),
            other => Err(format!("cannot group by {other:?}: country, topic, event, outlet or kind")),
        }
    }
}

/// How long a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Per {
    Day,
    #[default]
    Week,
    Month,
}

impl Per {
    pub const ALL: [Per; 3] = [Per::Day, Per::Week, Per::Month];

    /// The first day of the period a day falls in (weeks begin on Monday).
    pub fn start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Per::Day => day,
            Per::Week => day - Duration::days(i64::from(day.weekday().num_days_from_monday())),
            Per::Month => day.with_day(1).unwrap_or(day),
        }
    }

    /// The last day of the period that begins on `start`.
    pub fn end(self, start: NaiveDate) -> NaiveDate {
        match self {
            Per::Day => start,
            Per::Week => start + Duration::days(6),
            Per::Month => {
                start.checked_add_months(chrono::Months::new(1)).and_then(|next| next.pred_opt()).unwrap_or(start)
            }
        }
    }
}

impl std::str::FromStr for Per {
    type Err = String;
    fn from_str(s: &str) -> Result<Per, String> {
        match s.trim().to_lowercase().as_str() {
            "day" | "days" => Ok(Per::Day),
            "week" | "weeks" => Ok(Per::Week),
            "month" | "months" => Ok(Per::Month),
            other => Err(format!("unknown period {other:?}: day, week or month")),
        }
    }
}

/// One period's count for one group.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Bucket {
    /// The period's first day.
    pub period: NaiveDate,
    pub group: String,
    pub count: usize,
}

/// Clippings counted per period and group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// By period, then by count (largest first), then by group.
    pub buckets: Vec<Bucket>,
    /// The clippings counted (once each, in however many groups).
    pub n_clippings: usize,
    /// Of those, how many are dated by the day they were imported (no published or taken date).
    pub n_dated_by_import: usize,
    /// The clippings in the range that fall in no group (no country, no outlet).
    pub n_ungrouped: usize,
}

impl Coverage {
    /// Each group's total over every period, largest first: the bars of "top outlets".
    pub fn totals(&self) -> Vec<(String, usize)> {
        let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
        for b in &self.buckets {
            *totals.entry(b.group.as_str()).or_default() += b.count;
        }
        let mut out: Vec<(String, usize)> = totals.into_iter().map(|(g, n)| (g.to_owned(), n)).collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// The periods, in order, from the first to the last with a clipping (empty ones too).
    pub fn periods(&self, per: Per) -> Vec<NaiveDate> {
        let (Some(first), Some(last)) = (self.buckets.first(), self.buckets.last()) else { return Vec::new() };
        let mut out = vec![first.period];
        while let Some(&at) = out.last() {
            let next = per.start(per.end(at) + Duration::days(1));
            if next > last.period || out.len() > 100_000 {
                break;
            }
            out.push(next);
        }
        out
    }
}

/// A round step for a chart's lines across: 1, 2 or 5 times a power of ten, about four of them
/// up to `highest`.
pub fn axis_step(highest: usize) -> usize {
    let rough = (highest as f64 / 4.0).max(1.0);
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * power).find(|s| *s >= rough).unwrap_or(rough);
    step.round().max(1.0) as usize
}

/// Counts clippings (each with its tags) per period and group, those dated within `from..=to`.
pub fn count<'a, C: Counted + 'a>(
    clippings: impl IntoIterator<Item = (&'a C, &'a [Tag])>,
    by: GroupBy,
    per: Per,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Coverage {
    let mut counts: BTreeMap<(NaiveDate, String), usize> = BTreeMap::new();
    let mut coverage = Coverage::default();
    for (clipping, tags) in clippings {
        let day = clipping.day();
        if from.is_some_and(|f| day < f) || to.is_some_and(|t| day > t) {
            continue;
        }
        let groups = by.groups_of(clipping, tags);
        if groups.is_empty() {
            coverage.n_ungrouped += 1;
            continue;
        }
        coverage.n_clippings += 1;
        if clipping.dated_by_import() {
            coverage.n_dated_by_import += 1;
        }
        let period = per.start(day);
        for group in groups {
            *counts.entry((period, group)).or_default() += 1;
        }
    }
    coverage.buckets = counts.into_iter().map(|((period, group), count)| Bucket { period, group, count }).collect();
    coverage.buckets.sort_by(|a, b| a.period.cmp(&b.period).then(b.count.cmp(&a.count)).then(a.group.cmp(&b.group)));
    coverage
}

/// `coverage.csv`: the counts per month by every grouping, a row each (`grouping,period,group,
/// count`), for a spreadsheet beside `clippings.csv`.
pub fn csv<'a>(clippings: &[(&'a Clipping, &'a [Tag])]) -> String {
    let mut out = String::from("grouping,period,group,count\r\n");
    for by in GroupBy::ALL {
        let name = match by {
            GroupBy::Country => "country",
            GroupBy::Topic => "topic",
            GroupBy::Event => "event",
            GroupBy::Outlet => "outlet",
            GroupBy::Kind => "kind",
        };
        for b in count(clippings.iter().copied(), by, Per::Month, None, None).buckets {
            let group = if b.group.contains([',', '\u{22}', '\n']) {
                format!("\u{22}{}\u{22}", b.group.replace('\u{22}', "\u{22}\u{22}"))
            } else {
                b.group
            };
            out.push_str(&format!("{name},{},{group},{}\r\n", b.period, b.count));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::model::Kind;
    use crate::vocab::tags;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn the_axis_steps_are_round() {
        assert_eq!(axis_step(1), 1);
        assert_eq!(axis_step(7), 2);
        assert_eq!(axis_step(19), 5);
        assert_eq!(axis_step(40), 10);
        assert_eq!(axis_step(130), 50);
    }

    #[test]
    fn periods_begin_on_their_first_day() {
        assert_eq!(Per::Week.start(day("2024-03-07")), day("2024-03-04"));
        assert_eq!(Per::Month.start(day("2024-02-29")), day("2024-02-01"));
        assert_eq!(Per::Month.end(day("2024-02-01")), day("2024-02-29"));
        assert_eq!(Per::Week.end(day("2024-03-04")), day("2024-03-10"));
    }

    #[test]
    fn a_clipping_counts_once_in_each_of_its_groups() {
        let tag = |code: &str| tags::resolve(TagKind::Country, code).expect("a country");
        let a = Clipping { published: Some(day("2024-03-05")), source: "Le Soir".into(), ..Clipping::default() };
        let b = Clipping { published: Some(day("2024-03-20")), ..Clipping::default() };
        let c = Clipping { kind: Kind::Photo, ..Clipping::default() };
        let (ta, tb, tc) = (vec![tag("BE"), tag("KZ")], vec![tag("BE")], Vec::new());
        let items = [(&a, &ta[..]), (&b, &tb[..]), (&c, &tc[..])];
        let by_country = count(items, GroupBy::Country, Per::Month, None, None);
        let march = day("2024-03-01");
        assert_eq!(
            by_country.buckets,
            [
                Bucket { period: march, group: "BE".into(), count: 2 },
                Bucket { period: march, group: "KZ".into(), count: 1 },
            ]
        );
        assert_eq!((by_country.n_clippings, by_country.n_ungrouped), (2, 1));
        assert_eq!(by_country.totals(), [("BE".to_owned(), 2), ("KZ".to_owned(), 1)]);
        // The photo has no date of its own: the import's day, counted apart.
        let by_kind = count(items, GroupBy::Kind, Per::Week, None, None);
        assert_eq!(by_kind.n_dated_by_import, 1);
        let by_outlet = count(items, GroupBy::Outlet, Per::Week, Some(day("2024-03-01")), Some(day("2024-03-31")));
        assert_eq!(by_outlet.buckets, [Bucket { period: day("2024-03-04"), group: "Le Soir".into(), count: 1 }]);
        assert_eq!(by_country.periods(Per::Month), [march]);
    }
}
