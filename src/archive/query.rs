//! The simple query language and its evaluation over the store: words (substrings of the text,
//! case-insensitive, ANDed), "phrases", -exclusions, and filters: `country:BE`, `topic:energy`,
//! `event:"..."`, `kind:photo`, `source:dknews`, `date:2024`, `date:2024-01..2024-03`,
//! `imported:today|this-week|last-30-days`. Parsing never fails: what is not understood is
//! searched as words, so a half-typed query still matches what it can.

use std::collections::HashSet;

use chrono::{Datelike, Duration, Local, NaiveDate};

use crate::archive::error::Result;
use crate::archive::model::{Clipping, ClippingId, Kind, TagKind};
use crate::archive::{Archive, tags};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Lower-cased words and phrases that must all occur.
    pub words: Vec<String>,
    /// Lower-cased words and phrases that must not occur.
    pub excluded: Vec<String>,
    pub tags: Vec<(TagKind, String)>,
    pub kind: Option<Kind>,
    pub sources: Vec<String>,
    /// Inclusive range of the clipping's date (published, taken, else imported).
    pub date: Option<DateRange>,
    /// Inclusive range of the day it was imported, in local time.
    pub imported: Option<DateRange>,
    /// Search the trash instead of the archive (`in:trash`).
    pub in_trash: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    fn contains(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }
}

/// Splits a query into tokens, keeping "quoted phrases" (also after `field:` or `-`) whole.
fn tokenize(q: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut in_quotes = false;
    for ch in q.chars() {
        match ch {
            '"' | '“' | '”' | '«' | '»' => in_quotes = !in_quotes,
            c if c.is_whitespace() && !in_quotes => {
                if !current.is_empty() {
                    tokens.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// The first and last day of a date written as `2024`, `2024-03` or `2024-03-05`.
fn parse_period(s: &str) -> Option<(NaiveDate, NaiveDate)> {
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

fn parse_date_range(s: &str) -> Option<DateRange> {
    if let Some((a, b)) = s.split_once("..") {
        let from = if a.is_empty() { None } else { Some(parse_period(a)?.0) };
        let to = if b.is_empty() { None } else { Some(parse_period(b)?.1) };
        return Some(DateRange { from, to });
    }
    let (from, to) = parse_period(s)?;
    Some(DateRange { from: Some(from), to: Some(to) })
}

fn parse_relative(s: &str, today: NaiveDate) -> Option<DateRange> {
    let since = |d: NaiveDate| Some(DateRange { from: Some(d), to: Some(today) });
    match s {
        "today" => since(today),
        "yesterday" => {
            let y = today.pred_opt()?;
            Some(DateRange { from: Some(y), to: Some(y) })
        }
        "this-week" | "week" => since(today - Duration::days(i64::from(today.weekday().num_days_from_monday()))),
        "this-month" | "month" => since(today.with_day(1)?),
        _ => {
            let n: i64 = s.strip_prefix("last-")?.strip_suffix("-days")?.parse().ok()?;
            since(today - Duration::days(n.saturating_sub(1).max(0)))
        }
    }
    .or_else(|| parse_date_range(s))
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let today = Local::now().date_naive();
        let mut query = Query::default();
        for token in tokenize(q) {
            if let Some(word) = token.strip_prefix('-').filter(|w| !w.is_empty()) {
                query.excluded.push(word.to_lowercase());
                continue;
            }
            let Some((field, value)) = token.split_once(':').filter(|(_, v)| !v.is_empty()) else {
                query.words.push(token.to_lowercase());
                continue;
            };
            let understood = match field.to_lowercase().as_str() {
                "country" | "topic" | "event" => {
                    let kind = field.parse().unwrap_or(TagKind::Topic);
                    query.tags.push((kind, value.to_owned()));
                    true
                }
                "kind" | "type" => {
                    query.kind = match value.to_lowercase().as_str() {
                        "photo" | "photos" | "image" => Some(Kind::Photo),
                        "article" | "articles" | "text" => Some(Kind::Article),
                        _ => None,
                    };
                    query.kind.is_some()
                }
                "source" => {
                    query.sources.push(value.to_lowercase());
                    true
                }
                "date" => {
                    query.date = parse_date_range(value);
                    query.date.is_some()
                }
                "in" if value.eq_ignore_ascii_case("trash") => {
                    query.in_trash = true;
                    true
                }
                "imported" => {
                    query.imported = parse_relative(&value.to_lowercase(), today);
                    query.imported.is_some()
                }
                _ => false,
            };
            if !understood {
                query.words.push(token.to_lowercase());
            }
        }
        query
    }

    fn matches_text(&self, clipping: &Clipping) -> bool {
        if self.words.is_empty() && self.excluded.is_empty() && self.sources.is_empty() {
            return true;
        }
        self.matches_folded(&searchable_text(clipping), &clipping.source.to_lowercase())
    }

    /// Matches the words against text already folded by [`searchable_text`].
    pub(crate) fn matches_folded(&self, haystack: &str, source_lower: &str) -> bool {
        self.words.iter().all(|w| haystack.contains(w.as_str()))
            && !self.excluded.iter().any(|w| haystack.contains(w.as_str()))
            && self.sources.iter().all(|s| source_lower.contains(s.as_str()))
    }

    /// Whether the query has words, exclusions or source filters (anything textual).
    pub fn has_text(&self) -> bool {
        !(self.words.is_empty() && self.excluded.is_empty() && self.sources.is_empty())
    }

    /// The tag keys the query requires; `None` for a value that names no possible tag (an
    /// unknown country), which no clipping can match.
    pub(crate) fn tag_keys(&self) -> Vec<Option<String>> {
        self.tags.iter().map(|(kind, value)| tags::resolve(*kind, value).ok().map(|t| t.key())).collect()
    }

    pub(crate) fn matches_fields(&self, clipping: &Clipping) -> bool {
        self.in_trash == clipping.trashed_at.is_some()
            && self.kind.is_none_or(|k| clipping.kind == k)
            && self.date.is_none_or(|r| r.contains(clipping.date()))
            && self.imported.is_none_or(|r| r.contains(clipping.imported_at.with_timezone(&Local).date_naive()))
    }
}

/// Everything a word may match in, folded to lower case, one field a line.
pub(crate) fn searchable_text(clipping: &Clipping) -> String {
    [
        &clipping.title,
        &clipping.body,
        &clipping.caption,
        &clipping.credit,
        &clipping.source,
        &clipping.author,
        &clipping.notes,
        &clipping.original_name,
    ]
    .iter()
    .map(|s| s.to_lowercase())
    .collect::<Vec<_>>()
    .join("\n")
}

impl Archive {
    /// The clippings that match a query, newest first: those in the archive, or with
    /// `in:trash` those in the trash.
    pub fn search(&self, query: &Query) -> Result<Vec<Clipping>> {
        let mut allowed: Option<HashSet<ClippingId>> = None;
        for (kind, value) in &query.tags {
            let ids: HashSet<ClippingId> = match tags::resolve(*kind, value) {
                Ok(tag) => self.clippings_with_tag(&tag)?.into_iter().collect(),
                // An unknown country or an empty value matches nothing, as a search would.
                Err(_) => HashSet::new(),
            };
            allowed = Some(match allowed {
                Some(prev) => prev.intersection(&ids).copied().collect(),
                None => ids,
            });
        }
        let candidates = match &allowed {
            Some(ids) => {
                let mut ids: Vec<ClippingId> = ids.iter().copied().collect();
                ids.sort_unstable();
                let mut out = Vec::with_capacity(ids.len());
                for id in ids {
                    out.push(self.get(id)?);
                }
                out
            }
            None => self.all_clippings_and_trash()?,
        };
        let mut found: Vec<Clipping> =
            candidates.into_iter().filter(|c| query.matches_fields(c) && query.matches_text(c)).collect();
        found.sort_by_key(|c| std::cmp::Reverse((c.date(), c.id)));
        Ok(found)
    }

    /// The clippings that match a query string; see [`Query::parse`].
    pub fn search_str(&self, query: &str) -> Result<Vec<Clipping>> {
        self.search(&Query::parse(query))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn parses_every_form() {
        let q = Query::parse(
            r#"Middle corridor -oil "green hydrogen" country:BE topic:energy event:"Astana International Forum" kind:photo source:DKNews date:2024-01..2024-03"#,
        );
        assert_eq!(q.words, vec!["middle", "corridor", "green hydrogen"]);
        assert_eq!(q.excluded, vec!["oil"]);
        assert_eq!(
            q.tags,
            vec![
                (TagKind::Country, "BE".to_owned()),
                (TagKind::Topic, "energy".to_owned()),
                (TagKind::Event, "Astana International Forum".to_owned())
            ]
        );
        assert_eq!(q.kind, Some(Kind::Photo));
        assert_eq!(q.sources, vec!["dknews"]);
        assert_eq!(q.date, Some(DateRange { from: d("2024-01-01"), to: d("2024-03-31") }));
    }

    #[test]
    fn dates() {
        let check = |s: &str, from: &str, to: &str| {
            assert_eq!(parse_date_range(s), Some(DateRange { from: d(from), to: d(to) }), "{s}");
        };
        check("2024", "2024-01-01", "2024-12-31");
        check("2024-02", "2024-02-01", "2024-02-29");
        check("2024-02-10", "2024-02-10", "2024-02-10");
        check("2023-12..2024-01-15", "2023-12-01", "2024-01-15");
        assert_eq!(parse_date_range("2024.."), Some(DateRange { from: d("2024-01-01"), to: None }));
        assert_eq!(parse_date_range("soon"), None);
    }

    #[test]
    fn relative_imported_dates() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(); // a Saturday
        let range = |s| parse_relative(s, today).unwrap();
        assert_eq!(range("today"), DateRange { from: Some(today), to: Some(today) });
        assert_eq!(range("this-week").from, d("2026-11-23"));
        assert_eq!(range("last-30-days").from, d("2026-10-30"));
    }

    #[test]
    fn half_typed_queries_are_words() {
        let q = Query::parse("country: date:20 kaz -");
        assert_eq!(q.words, vec!["country:", "date:20", "kaz", "-"]);
        assert!(q.tags.is_empty() && q.date.is_none());
    }
}
