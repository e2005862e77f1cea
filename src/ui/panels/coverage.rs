//! The coverage view, beside the grid and the list: what the search found, counted per day,
//! week or month and stacked by country, topic, event, outlet or kind, with the top groups as
//! bars. Hovering shows the numbers; a click narrows the search to the group (and the period).
//! Drawn with egui's painter; the counts are the core's (`archive::coverage`), the same as
//! `clippings stats`.

use std::sync::Arc;

use chrono::NaiveDate;
use egui::{Color32, Rect, Sense, Vec2};

use crate::archive::catalog::Entry;
use crate::archive::coverage::{self, Coverage, GroupBy, Per};
use crate::t;
use crate::ui::Action;
use crate::ui::state::AppState;

/// How many groups are drawn in colour; the rest are stacked as "other".
const SHOWN_GROUPS: usize = coverage::PALETTE.len();

fn palette(i: usize) -> Color32 {
    let [r, g, b] = coverage::PALETTE[i % coverage::PALETTE.len()];
    Color32::from_rgb(r, g, b)
}

const OTHER: Color32 = Color32::from_rgb(coverage::OTHER_RGB[0], coverage::OTHER_RGB[1], coverage::OTHER_RGB[2]);

/// The view's own state: its choices, and the counts of the results they were made for.
pub struct CoverageView {
    pub by: GroupBy,
    pub per: Per,
    /// The results (by their allocation) and choices the counts were made for.
    counted: Option<((usize, GroupBy, Per), Coverage)>,
}

impl Default for CoverageView {
    /// By country, per month: a press office's usual report.
    fn default() -> Self {
        CoverageView { by: GroupBy::Country, per: Per::Month, counted: None }
    }
}

impl CoverageView {
    /// The counts of these results, made again only when they or the choices change.
    fn coverage(&mut self, results: &Arc<Vec<Arc<Entry>>>) -> &Coverage {
        let key = (Arc::as_ptr(results) as usize, self.by, self.per);
        if self.counted.as_ref().is_none_or(|(k, _)| *k != key) {
            let counted = coverage::count(results.iter().map(|e| (&e.card, e.tags())), self.by, self.per, None, None);
            self.counted = Some((key, counted));
        }
        &self.counted.get_or_insert_with(|| (key, Coverage::default())).1
    }
}

/// The words a group is shown by: a country's name, a kind's; others as they are.
fn group_label(by: GroupBy, group: &str) -> String {
    match by {
        GroupBy::Country => match crate::i18n::country_name(group) {
            Some(name) => format!("{group} {name}"),
            None => group.to_owned(),
        },
        GroupBy::Kind => match group {
            "photo" => crate::ui::kind_label(crate::archive::Kind::Photo),
            _ => crate::ui::kind_label(crate::archive::Kind::Article),
        },
        _ => group.to_owned(),
    }
}

/// The query words that find a group's clippings.
fn group_filter(by: GroupBy, group: &str) -> String {
    let quoted = group.replace('\u{22}', "");
    match by {
        GroupBy::Country => format!("country:{quoted}"),
        GroupBy::Topic => format!("topic:\"{quoted}\""),
        GroupBy::Event => format!("event:\"{quoted}\""),
        GroupBy::Outlet => format!("source:\"{quoted}\""),
        GroupBy::Kind => format!("kind:{quoted}"),
    }
}

fn by_label(by: GroupBy) -> String {
    crate::i18n::tr(match by {
        GroupBy::Country => "coverage-by-country",
        GroupBy::Topic => "coverage-by-topic",
        GroupBy::Event => "coverage-by-event",
        GroupBy::Outlet => "coverage-by-outlet",
        GroupBy::Kind => "coverage-by-kind",
    })
}

fn per_label(per: Per) -> String {
    crate::i18n::tr(match per {
        Per::Day => "coverage-per-day",
        Per::Week => "coverage-per-week",
        Per::Month => "coverage-per-month",
    })
}

/// A period as the chart's axis and tooltips name it.
fn period_label(per: Per, start: NaiveDate) -> String {
    let lang = crate::i18n::language();
    match per {
        Per::Month => crate::i18n::format_month(start, lang),
        _ => crate::i18n::format_date(start, lang),
    }
}

/// Adds words to the search: a click on a bar narrows what is shown to it.
fn narrow_to(app: &AppState, words: &str) -> Action {
    let typed = app.search_text.trim();
    Action::SetSearchText(if typed.is_empty() { words.to_owned() } else { format!("{typed} {words}") })
}

pub fn coverage_ui(ui: &mut egui::Ui, app: &AppState, view: &mut CoverageView, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        choice_ui(ui, "coverage-by", &t!("coverage-by-label"), &mut view.by, &GroupBy::ALL, by_label);
        choice_ui(ui, "coverage-per", &t!("coverage-per-label"), &mut view.per, &Per::ALL, per_label);
    });
    let (by, per) = (view.by, view.per);
    let counted = view.coverage(&app.results).clone();
    if counted.n_dated_by_import > 0 {
        ui.weak(t!("coverage-dated-by-import", n = counted.n_dated_by_import));
    }
    if counted.n_ungrouped > 0 && !counted.buckets.is_empty() {
        ui.weak(t!("coverage-ungrouped", n = counted.n_ungrouped, by = by_label(by)));
    }
    if counted.buckets.is_empty() {
        ui.add_space(12.0);
        ui.label(t!("coverage-nothing", by = by_label(by)));
        return;
    }
    let totals = counted.totals();
    let top: Vec<&str> = totals.iter().take(SHOWN_GROUPS).map(|(g, _)| g.as_str()).collect();
    let colour = |group: &str| top.iter().position(|g| *g == group).map_or(OTHER, palette);
    ui.add_space(6.0);
    let chart_h = (ui.available_height() * 0.55).clamp(140.0, 420.0);
    stacked_bars_ui(ui, app, &counted, per, by, chart_h, &top, actions);
    ui.add_space(10.0);
    ui.strong(t!("coverage-top", by = by_label(by)));
    egui::ScrollArea::vertical().id_salt("coverage-top").show(ui, |ui| {
        top_bars_ui(ui, app, &totals, by, &colour, actions);
    });
}

/// A label and a menu of choices, the one chosen shown.
fn choice_ui<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    id: &str,
    label: &str,
    value: &mut T,
    choices: &[T],
    name: fn(T) -> String,
) {
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(name(*value))
        .show_ui(ui, |ui| {
            for choice in choices {
                ui.selectable_value(value, *choice, name(*choice));
            }
        })
        .response
        .labelled_by(label.id);
}

/// Clippings per period, each period's bar stacked by group.
#[allow(clippy::too_many_arguments)]
fn stacked_bars_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    counted: &Coverage,
    per: Per,
    by: GroupBy,
    height: f32,
    top: &[&str],
    actions: &mut Vec<Action>,
) {
    let periods = counted.periods(per);
    let highest = periods
        .iter()
        .map(|p| counted.buckets.iter().filter(|b| b.period == *p).map(|b| b.count).sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    // The axis goes up to the round number above the highest stack, with a line at each step.
    let step = coverage::axis_step(highest);
    let max = highest.div_ceil(step) * step;
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    let painter = ui.painter_at(rect);
    let axis = ui.visuals().weak_text_color();
    let grid = ui.visuals().widgets.noninteractive.bg_stroke.color;
    let plot = Rect::from_min_max(rect.min + Vec2::new(36.0, 8.0), rect.max - Vec2::new(4.0, 18.0));
    for value in (0..=max).step_by(step) {
        let y = plot.bottom() - plot.height() * value as f32 / max as f32;
        let colour = if value == 0 { axis } else { grid };
        painter.line_segment([egui::pos2(plot.left(), y), egui::pos2(plot.right(), y)], (1.0, colour));
        painter.text(
            egui::pos2(plot.left() - 4.0, y),
            egui::Align2::RIGHT_CENTER,
            crate::i18n::format_number(value as i64, crate::i18n::language()),
            egui::FontId::proportional(11.0),
            axis,
        );
    }
    let slot = plot.width() / periods.len().max(1) as f32;
    let bar_w = (slot * 0.8).max(1.0);
    // Labels under the axis: as many as fit.
    let every = ((60.0 / slot).ceil() as usize).max(1);
    for (i, period) in periods.iter().enumerate() {
        let x = plot.left() + slot * i as f32 + (slot - bar_w) / 2.0;
        if i % every == 0 {
            painter.text(
                egui::pos2(x, plot.bottom() + 3.0),
                egui::Align2::LEFT_TOP,
                period_label(per, *period),
                egui::FontId::proportional(10.5),
                axis,
            );
        }
        // Stacked in the same order in every period: the top groups from the bottom, largest
        // first, and the rest together as one "other" on top.
        let in_period: Vec<&coverage::Bucket> = counted.buckets.iter().filter(|b| b.period == *period).collect();
        let mut segments: Vec<(Option<&str>, usize, Color32)> = top
            .iter()
            .enumerate()
            .filter_map(|(g, group)| {
                let n = in_period.iter().find(|b| b.group == *group)?.count;
                Some((Some(*group), n, palette(g)))
            })
            .collect();
        let rest: Vec<&&coverage::Bucket> = in_period.iter().filter(|b| !top.contains(&b.group.as_str())).collect();
        let n_rest: usize = rest.iter().map(|b| b.count).sum();
        if n_rest > 0 {
            segments.push((None, n_rest, OTHER));
        }
        let end = per.end(*period);
        let mut y = plot.bottom();
        for (group, count, colour) in segments {
            let h = plot.height() * count as f32 / max as f32;
            let segment = Rect::from_min_max(egui::pos2(x, y - h), egui::pos2(x + bar_w, y));
            y -= h;
            painter.rect_filled(segment, 1.0, colour);
            let id = ui.scope_id().with(("coverage-bar", i, group));
            let response = ui.interact(segment, id, Sense::click());
            let (label, words) = match group {
                Some(group) => (group_label(by, group), format!("{} date:{period}..{end}", group_filter(by, group))),
                None => {
                    let named: Vec<String> =
                        rest.iter().take(5).map(|b| format!("{} {}", group_label(by, &b.group), b.count)).collect();
                    let more = if rest.len() > 5 { ", …" } else { "" };
                    (
                        format!("{} ({}{more})", t!("review-coverage-other"), named.join(", ")),
                        format!("date:{period}..{end}"),
                    )
                }
            };
            let response = response.on_hover_text(format!("{} · {label}: {count}", period_label(per, *period)));
            if response.clicked() {
                actions.push(narrow_to(app, &words));
            }
        }
    }
}

/// The groups with the most clippings, as horizontal bars with their counts.
fn top_bars_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    totals: &[(String, usize)],
    by: GroupBy,
    colour: &dyn Fn(&str) -> Color32,
    actions: &mut Vec<Action>,
) {
    let most = totals.first().map_or(1, |(_, n)| *n).max(1);
    let label_w = (ui.available_width() * 0.35).clamp(90.0, 240.0);
    for (group, n) in totals.iter().take(20) {
        ui.horizontal(|ui| {
            let label = group_label(by, group);
            // Names right-aligned against their bars.
            let name = ui
                .allocate_ui_with_layout(
                    Vec2::new(label_w, 18.0),
                    egui::Layout::right_to_left(egui::Align::Center),
                    |ui| {
                        ui.set_min_width(label_w);
                        ui.add(egui::Label::new(label.clone()).truncate().sense(Sense::click()))
                    },
                )
                .inner;
            let bar_w = ((ui.available_width() - 48.0) * *n as f32 / most as f32).max(2.0);
            let (rect, bar) = ui.allocate_exact_size(Vec2::new(bar_w, 14.0), Sense::click());
            ui.painter().rect_filled(rect, 2.0, colour(group));
            ui.label(n.to_string());
            if name.clicked() || bar.on_hover_text(format!("{label}: {n}")).clicked() {
                actions.push(narrow_to(app, &group_filter(by, group)));
            }
        });
    }
}
