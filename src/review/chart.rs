//! The review's coverage page: the clippings per day, week or month, stacked by the review's
//! grouping (country, topic, event or outlet), and the top outlets as bars. Counted by the
//! core (`archive::coverage`), as the window's chart and `clippings stats` count. Laid out as
//! vector shapes on a page of the PDF; drawn to a PNG (the same shapes, rendered) for DOCX and
//! HTML. Its words and dates are in the review's language.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::fonts::{FontSet, Shaper};
use super::layout::{Document, Flow, Item, Line, MARGIN, META, Page, SMALL, Style};
use super::{GroupBy, Review, ReviewError};
use crate::archive::ClippingWithTags;
use crate::archive::coverage::{self, OTHER_RGB, PALETTE, Per};
use crate::i18n::{self, Lang};
use crate::t;

/// How many outlets are drawn as bars; the rest are counted in a line under them.
const TOP_OUTLETS: usize = 10;

/// The chart of a review's clippings, in words and numbers ready to draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chart {
    /// "Coverage".
    pub heading: String,
    /// "Clippings a week, by country · 15 clippings".
    pub caption: String,
    /// The axis's labels, one a period, in order (empty periods too).
    pub periods: Vec<String>,
    /// Stacked from the bottom: the largest group first, "other" last.
    pub series: Vec<Series>,
    /// "Top outlets".
    pub outlets_heading: String,
    /// The outlets with the most clippings, and how many each.
    pub outlets: Vec<(String, usize)>,
    /// "and 12 more outlets", or empty.
    pub more_outlets: String,
    /// Said when some clippings are dated by the day they were imported.
    pub note: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    pub label: String,
    pub rgb: [u8; 3],
    /// One count a period.
    pub counts: Vec<usize>,
}

impl Chart {
    /// The clippings in the highest period's stack.
    pub fn highest(&self) -> usize {
        (0..self.periods.len()).map(|i| self.series.iter().map(|s| s.counts[i]).sum()).max().unwrap_or(0)
    }
}

/// The period a chart of `first..=last` counts in: days for a month, weeks for half a year,
/// else months.
fn per_for(first: NaiveDate, last: NaiveDate) -> Per {
    let days = (last - first).num_days();
    if days <= 31 {
        Per::Day
    } else if days <= 183 {
        Per::Week
    } else {
        Per::Month
    }
}

/// The label of a period on the axis.
fn period_label(per: Per, start: NaiveDate, lang: Lang) -> String {
    match per {
        Per::Month => i18n::format_month(start, lang),
        _ => i18n::format_day_month(start, lang),
    }
}

/// The chart of `clippings` (every clipping of the review, reprints too: each is coverage),
/// over `from..=to` where given, else over their dates. None when there are none.
pub fn chart_of(
    clippings: &[ClippingWithTags],
    group_by: GroupBy,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Option<Chart> {
    let lang = i18n::language();
    let first = from.or_else(|| clippings.iter().map(|c| c.clipping.date()).min())?;
    let last = to.or_else(|| clippings.iter().map(|c| c.clipping.date()).max())?;
    let per = per_for(first, last);
    let items = || clippings.iter().map(|c| (&c.clipping, &c.tags[..]));
    let mut by = match group_by {
        GroupBy::Country | GroupBy::Day => coverage::GroupBy::Country,
        GroupBy::Topic => coverage::GroupBy::Topic,
        GroupBy::Event => coverage::GroupBy::Event,
        GroupBy::Outlet => coverage::GroupBy::Outlet,
    };
    let mut counted = coverage::count(items(), by, per, Some(first), Some(last));
    if counted.buckets.is_empty() {
        // None has a country (or topic…): stacked by kind, which every clipping has.
        by = coverage::GroupBy::Kind;
        counted = coverage::count(items(), by, per, Some(first), Some(last));
    }
    if counted.n_clippings == 0 {
        return None;
    }

    // Every period from the first day asked to the last, empty ones too.
    let mut starts = vec![per.start(first)];
    while let Some(&at) = starts.last() {
        let next = per.end(at) + chrono::Duration::days(1);
        if next > last || starts.len() >= 400 {
            break;
        }
        starts.push(next);
    }
    let index: HashMap<NaiveDate, usize> = starts.iter().enumerate().map(|(i, d)| (*d, i)).collect();
    let names = group_names(clippings, by);
    let totals = counted.totals();
    let shown: Vec<&str> = totals.iter().take(PALETTE.len()).map(|(g, _)| g.as_str()).collect();
    let mut series: Vec<Series> = shown
        .iter()
        .enumerate()
        .map(|(i, group)| Series {
            label: names.get(*group).cloned().unwrap_or_else(|| (*group).to_owned()),
            rgb: PALETTE[i],
            counts: vec![0; starts.len()],
        })
        .collect();
    let mut other = Series { label: t!("review-coverage-other"), rgb: OTHER_RGB, counts: vec![0; starts.len()] };
    for bucket in &counted.buckets {
        let Some(&i) = index.get(&bucket.period) else { continue };
        match shown.iter().position(|g| *g == bucket.group) {
            Some(s) => series[s].counts[i] += bucket.count,
            None => other.counts[i] += bucket.count,
        }
    }
    if other.counts.iter().any(|&n| n > 0) {
        series.push(other);
    }

    let outlets = coverage::count(items(), coverage::GroupBy::Outlet, per, Some(first), Some(last)).totals();
    let by_words = i18n::tr(match by {
        coverage::GroupBy::Country => "coverage-by-country",
        coverage::GroupBy::Topic => "coverage-by-topic",
        coverage::GroupBy::Event => "coverage-by-event",
        coverage::GroupBy::Outlet => "coverage-by-outlet",
        coverage::GroupBy::Kind => "coverage-by-kind",
    });
    let per_caption = match per {
        Per::Day => t!("review-coverage-per-day", by = by_words.as_str()),
        Per::Week => t!("review-coverage-per-week", by = by_words.as_str()),
        Per::Month => t!("review-coverage-per-month", by = by_words.as_str()),
    };
    let n_dated = clippings.iter().filter(|c| (first..=last).contains(&c.clipping.date())).count();
    Some(Chart {
        heading: t!("review-coverage"),
        caption: format!("{per_caption} · {}", t!("review-coverage-total", clippings = n_dated as i64)),
        periods: starts.iter().map(|d| period_label(per, *d, lang)).collect(),
        series,
        outlets_heading: t!("review-coverage-outlets"),
        more_outlets: match outlets.len().saturating_sub(TOP_OUTLETS) {
            0 => String::new(),
            n => t!("review-coverage-more-outlets", n = n as i64),
        },
        outlets: outlets.into_iter().take(TOP_OUTLETS).collect(),
        note: [
            (counted.n_dated_by_import > 0)
                .then(|| t!("coverage-dated-by-import", n = counted.n_dated_by_import as i64)),
            (counted.n_ungrouped > 0)
                .then(|| t!("coverage-ungrouped", n = counted.n_ungrouped as i64, by = by_words.as_str())),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" "),
    })
}

/// How each group is named in the review: a country by its name in the review's language, a
/// topic or event as tagged, a kind in words.
fn group_names(clippings: &[ClippingWithTags], by: coverage::GroupBy) -> HashMap<String, String> {
    let mut names = HashMap::new();
    if by == coverage::GroupBy::Kind {
        names.insert("article".to_owned(), t!("kind-article"));
        names.insert("photo".to_owned(), t!("kind-photo"));
        return names;
    }
    for c in clippings {
        for tag in &c.tags {
            names.entry(tag.value.clone()).or_insert_with(|| super::tag_text(tag));
        }
    }
    names
}

const PLOT_HEIGHT: f32 = 190.0;
const AXIS: Style = Style { size: 7.5, bold: false, gray: 0.35, leading: 1.3, indent: 0.0 };
const SUBHEADING: Style = Style { size: 12.0, bold: true, gray: 0.0, leading: 1.3, indent: 0.0 };
const GRID_GRAY: f32 = 0.85;

/// Sets the chart in the flow, from its current height: the caption, the legend, the stacked
/// bars with their axis, the top outlets and the note.
pub(super) fn chart_flow(flow: &mut Flow<'_, '_>, chart: &Chart) {
    flow.paragraph(&chart.caption, META);
    flow.y += 6.0;
    legend(flow, chart);
    flow.y += 10.0;
    bars(flow, chart);
    flow.y += 26.0;
    if !chart.outlets.is_empty() {
        flow.keep(SUBHEADING.size * 2.0 + 16.0 * chart.outlets.len().min(3) as f32);
        flow.paragraph(&chart.outlets_heading, SUBHEADING);
        flow.y += 6.0;
        outlet_bars(flow, chart);
        if !chart.more_outlets.is_empty() {
            flow.paragraph(&chart.more_outlets, SMALL);
        }
        flow.y += 10.0;
    }
    if !chart.note.is_empty() {
        flow.paragraph(&chart.note, SMALL);
    }
}

/// A swatch and a label a group, wrapped over as many lines as they need.
fn legend(flow: &mut Flow<'_, '_>, chart: &Chart) {
    let style = Style { gray: 0.1, ..META };
    let line_h = 14.0;
    let right = flow.width - MARGIN;
    let mut x = MARGIN;
    for series in &chart.series {
        let label = flow.fitted(&series.label, style, 180.0);
        let w = 12.0 + label.width;
        if x > MARGIN && x + w > right {
            x = MARGIN;
            flow.y += line_h;
        }
        flow.keep(line_h);
        let y = flow.y;
        flow.page().items.push(Item::Fill { x, y: y + 2.0, w: 8.0, h: 8.0, rgb: series.rgb });
        flow.put_line(x + 12.0, y + style.size, &label, style);
        x += w + 14.0;
    }
    flow.y += line_h;
}

/// The stacked bars, a light line at each round number, the periods under them.
fn bars(flow: &mut Flow<'_, '_>, chart: &Chart) {
    let highest = chart.highest().max(1);
    let step = coverage::axis_step(highest);
    let top = highest.div_ceil(step) * step;
    let label_w = flow.shaper.width(&top.to_string(), AXIS.size, false) + 6.0;
    flow.keep(PLOT_HEIGHT + 24.0);
    let (left, right) = (MARGIN + label_w, flow.width - MARGIN);
    let (y0, base) = (flow.y, flow.y + PLOT_HEIGHT);
    let scale = PLOT_HEIGHT / top as f32;
    for value in (0..=top).step_by(step) {
        let y = base - value as f32 * scale;
        let gray = if value == 0 { 0.3 } else { GRID_GRAY };
        flow.page().items.push(Item::Rule { x: left, y, w: right - left, gray });
        let text = value.to_string();
        let line = Line { width: flow.shaper.width(&text, AXIS.size, false), text };
        flow.put_line(left - 4.0 - line.width, y + AXIS.size * 0.35, &line, AXIS);
    }
    let n = chart.periods.len().max(1);
    let slot = (right - left) / n as f32;
    let bar_w = (slot * 0.72).max(0.5);
    let widest = chart.periods.iter().map(|p| flow.shaper.width(p, AXIS.size, false)).fold(0.0, f32::max);
    let every = ((widest + 6.0) / slot).ceil().max(1.0) as usize;
    for i in 0..n {
        let x = left + slot * i as f32 + (slot - bar_w) / 2.0;
        let mut y = base;
        for series in &chart.series {
            let count = series.counts.get(i).copied().unwrap_or(0);
            if count == 0 {
                continue;
            }
            let h = count as f32 * scale;
            y -= h;
            flow.page().items.push(Item::Fill { x, y, w: bar_w, h, rgb: series.rgb });
        }
        if i % every == 0
            && let Some(label) = chart.periods.get(i)
        {
            let line = Line { width: flow.shaper.width(label, AXIS.size, false), text: label.clone() };
            let lx = (x + bar_w / 2.0 - line.width / 2.0).clamp(left, right - line.width);
            flow.put_line(lx, base + 4.0 + AXIS.size, &line, AXIS);
        }
    }
    debug_assert!(y0 <= base);
    flow.y = base + 6.0 + AXIS.size * AXIS.leading;
}

/// One bar an outlet, with its name before it and its count after.
fn outlet_bars(flow: &mut Flow<'_, '_>, chart: &Chart) {
    let style = Style { gray: 0.1, ..META };
    let most = chart.outlets.first().map_or(1, |(_, n)| *n).max(1);
    let name_w = (flow.width - 2.0 * MARGIN) * 0.34;
    let bar_left = MARGIN + name_w + 8.0;
    let bar_room = flow.width - MARGIN - bar_left - 30.0;
    let row_h = 16.0;
    for (outlet, n) in &chart.outlets {
        flow.keep(row_h);
        let y = flow.y;
        let name = flow.fitted(outlet, style, name_w);
        flow.put_line(MARGIN, y + style.size + 2.0, &name, style);
        let w = (bar_room * *n as f32 / most as f32).max(1.5);
        flow.page().items.push(Item::Fill { x: bar_left, y: y + 2.0, w, h: row_h - 6.0, rgb: PALETTE[0] });
        let text = n.to_string();
        let count = Line { width: flow.shaper.width(&text, style.size, false), text };
        flow.put_line(bar_left + w + 5.0, y + style.size + 2.0, &count, style);
        flow.y += row_h;
    }
}

/// The chart's picture in DOCX and HTML: pixels a point (2.5 gives 180 dpi, sharp in print).
pub const PNG_SCALE: f32 = 2.5;

/// The chart drawn as a picture.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartImage {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// Pixels a point.
    pub scale: f32,
}

impl ChartImage {
    /// Its size on the page, in points.
    pub fn size_pt(&self) -> (f32, f32) {
        (self.width as f32 / self.scale, self.height as f32 / self.scale)
    }
}

/// The chart as a picture for DOCX and HTML: laid out as on the PDF's page, cut to what is
/// drawn, and rendered at `scale` pixels a point (2 gives 144 dpi). A PNG, with its size in
/// pixels.
pub fn png(review: &Review, chart: &Chart, fonts: &FontSet, scale: f32) -> Result<ChartImage, ReviewError> {
    let mut shaper = Shaper::new(fonts).map_err(|e| ReviewError::Font(e.to_string()))?;
    let (width, _) = review.paper.size_pt();
    // A page tall enough that nothing breaks: the chart is drawn in one piece.
    let mut flow = Flow { shaper: &mut shaper, width, height: 10_000.0, pages: Vec::new(), y: 0.0 };
    flow.page();
    chart_flow(&mut flow, chart);
    let pad = 6.0;
    let height = flow.y + pad;
    let items: Vec<Item> = flow.pages.into_iter().flat_map(|p| p.items).map(|i| i.shifted(pad - MARGIN, pad)).collect();
    let doc =
        Document { width: width - 2.0 * MARGIN + 2.0 * pad, height, pages: vec![Page { items }], outline: Vec::new() };
    let pdf = super::pdf::write_document(review, &doc, fonts)?;
    let (png, width, height) = render_png(pdf, scale).ok_or(ReviewError::Chart)?;
    Ok(ChartImage { png, width, height, scale })
}

/// The first page of a PDF as a PNG.
fn render_png(pdf: Vec<u8>, scale: f32) -> Option<(Vec<u8>, u32, u32)> {
    let pdf = hayro::hayro_syntax::Pdf::new(std::sync::Arc::new(pdf)).ok()?;
    let page = pdf.pages().first()?;
    let (w, h, rgba) = crate::import::formats::pdf::draw_page(page, &hayro::RenderCache::new(), scale);
    let rgb: Vec<u8> = rgba.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    let image = image::RgbImage::from_raw(w, h, rgb)?;
    let mut png = Vec::new();
    image.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).ok()?;
    Some((png, w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_period_follows_the_span() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        assert_eq!(per_for(d("2026-03-01"), d("2026-03-31")), Per::Day);
        assert_eq!(per_for(d("2026-01-01"), d("2026-03-31")), Per::Week);
        assert_eq!(per_for(d("2025-01-01"), d("2026-03-31")), Per::Month);
    }
}
