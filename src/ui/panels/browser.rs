//! The centre: the results as a grid of thumbnails and article cards, or as a sortable table.
//! Both lay out only the rows on screen, so 100,000 clippings scroll as smoothly as 100.

use std::sync::Arc;

use egui::{Color32, Sense, Vec2};

use crate::archive::catalog::Entry;
use crate::archive::{Kind, TagKind};
use crate::search::query::{Query, Sort};

use super::cell::{Cell, also_in_on_hover, card_lead, cell_ui};
use crate::import::formats;
use crate::t;
use crate::ui::Action;
use crate::ui::leads::Leads;
use crate::ui::matches::{Matches, highlighted};
use crate::ui::state::{AppState, SortColumn, View};
use crate::ui::thumbs::ThumbCache;

/// The browser's own state.
#[derive(Default)]
pub struct Browser {
    /// Columns of the grid as last drawn, for the arrow keys.
    pub grid_columns: usize,
    /// Bring the cursor's row into view on the next frame (after a move with the keyboard).
    pub scroll_to_cursor: bool,
    /// "Empty trash" was clicked once and waits for the confirmation.
    confirm_empty_trash: bool,
    /// The coverage view's choices and counts.
    pub coverage: super::coverage::CoverageView,
}

pub fn browser_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    browser: &mut Browser,
    thumbs: &mut ThumbCache,
    matches: &mut Matches,
    leads: &mut Leads,
    actions: &mut Vec<Action>,
) -> egui::Rect {
    let shown = egui::CentralPanel::default().show(ui, |ui| {
        if app.filters.in_trash {
            trash_bar_ui(ui, app, browser, actions);
        }
        if app.results.is_empty() {
            empty_ui(ui, app);
            return;
        }
        // What the search cannot mean as typed, above what it found.
        for hint in Query::hints(&app.search_text) {
            ui.colored_label(ui.visuals().warn_fg_color, crate::ui::query_hint_text(&hint));
        }
        match app.settings.view {
            View::Grid => grid_ui(ui, app, browser, thumbs, leads, actions),
            View::List => list_ui(ui, app, browser, matches, leads, actions),
            View::Coverage => super::coverage::coverage_ui(ui, app, &mut browser.coverage, actions),
        }
    });
    shown.response.rect
}

/// Sorts entries by a list column.
pub fn sort_entries(entries: &mut [Arc<Entry>], column: SortColumn, ascending: bool) {
    let key = |e: &Arc<Entry>| -> String {
        match column {
            SortColumn::Title => e.card.title().to_lowercase(),
            SortColumn::Source => e.card.source().to_lowercase(),
            SortColumn::Date => e.card.date().to_string(),
            SortColumn::Kind => crate::ui::kind_label(e.card.kind),
            SortColumn::Countries => e.countries().to_owned(),
            SortColumn::Topics => e.topics().to_lowercase(),
            SortColumn::Events => e.events().to_lowercase(),
        }
    };
    entries.sort_by_cached_key(key);
    if !ascending {
        entries.reverse();
    }
}

/// Above the trash: what it is, and the way to empty it (after a confirmation).
fn trash_bar_ui(ui: &mut egui::Ui, app: &AppState, browser: &mut Browser, actions: &mut Vec<Action>) {
    // The title and the buttons on one line, the explanation wrapped below: a narrow centre
    // never lays one over the other.
    ui.horizontal(|ui| {
        ui.strong(t!("trash-title"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if browser.confirm_empty_trash {
                if ui.button(t!("cancel")).clicked() {
                    browser.confirm_empty_trash = false;
                }
                let text = t!("trash-delete-for-good", n = app.n_trashed);
                if ui.button(egui::RichText::new(text).color(ui.visuals().error_fg_color)).clicked() {
                    browser.confirm_empty_trash = false;
                    actions.push(Action::EmptyTrash);
                }
            } else if ui.add_enabled(app.n_trashed > 0, egui::Button::new(t!("trash-empty-button"))).clicked() {
                browser.confirm_empty_trash = true;
            }
        });
    });
    ui.add(egui::Label::new(t!("trash-explained")).wrap());
    ui.separator();
}

fn empty_ui(ui: &mut egui::Ui, app: &AppState) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        if app.filters.in_trash {
            ui.heading(t!("trash-is-empty"));
            ui.label(t!("trash-is-empty-explained"));
        } else if app.n_total == 0 {
            ui.heading(t!("archive-empty"));
            ui.label(t!(
                "archive-empty-explained",
                articles = formats::extensions_summary(false),
                photos = formats::extensions_summary(true)
            ));
        } else {
            ui.heading(t!("no-match"));
            // Say what narrowed the results, where it was set.
            for hint in Query::hints(&app.search_text) {
                ui.label(crate::ui::query_hint_text(&hint));
            }
            let typed = Query::parse(&app.search_text);
            if typed.tags.iter().any(|(kind, _)| *kind == TagKind::Country) && !app.accept_countries_on_import {
                ui.label(t!("no-match-countries-suggested"));
            }
            let f = &app.filters;
            let sidebar_filters = f.kind.is_some() || f.imported.is_some() || !f.tags.is_empty();
            if sidebar_filters {
                ui.label(t!("no-match-sidebar-filters"));
            } else if typed.has_text() {
                ui.label(t!("no-match-fewer-words"));
            }
        }
    });
}

fn click_modifiers(ui: &egui::Ui) -> egui::Modifiers {
    ui.input(|i| i.modifiers)
}

fn grid_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    browser: &mut Browser,
    thumbs: &mut ThumbCache,
    leads: &mut Leads,
    actions: &mut Vec<Action>,
) {
    let spacing = 4.0;
    let width = ui.available_width() - ui.spacing().scroll.bar_width - 4.0;
    let columns = app.grid_columns(width);
    // Cells share out the row's width, so the grid has no ragged gap on the right.
    let cell_w = (width / columns as f32 - spacing).max(64.0);
    let cell = Vec2::new(cell_w, cell_w - 8.0 + 44.0);
    browser.grid_columns = columns;
    let n_rows = app.results.len().div_ceil(columns);
    let row_height = cell.y + spacing;
    let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]).id_salt("grid");
    if browser.scroll_to_cursor
        && let Some(c) = app.cursor
    {
        let row = (c / columns) as f32;
        let viewport_h = ui.available_height();
        let offset = ui.ctx().data(|d| d.get_temp::<f32>(egui::Id::unique("grid-offset"))).unwrap_or(0.0);
        let top = row * row_height;
        if top < offset || top + row_height > offset + viewport_h {
            scroll = scroll.vertical_scroll_offset((top - viewport_h / 2.0 + row_height / 2.0).max(0.0));
        }
        browser.scroll_to_cursor = false;
    }
    let results = std::sync::Arc::clone(&app.results);
    let output = scroll.show_rows(ui, cell.y, n_rows, |ui, rows| {
        ui.spacing_mut().item_spacing = Vec2::splat(spacing);
        for row in rows {
            ui.horizontal(|ui| {
                for col in 0..columns {
                    let index = row * columns + col;
                    let Some(entry) = results.get(index) else { break };
                    let reprints = app.reprints_of(entry.id());
                    let shown = Cell {
                        entry,
                        reprints: reprints.as_deref(),
                        lead: card_lead(entry, leads),
                        selected: app.selection.contains(&entry.id()),
                        has_cursor: app.cursor == Some(index),
                    };
                    let response = cell_ui(ui, thumbs, shown, cell);
                    if response.clicked() {
                        actions.push(Action::Click { index, modifiers: click_modifiers(ui) });
                    }
                    if response.double_clicked() {
                        actions.push(Action::OpenOriginal);
                    }
                    item_menu(&response, app, index, entry.id(), actions);
                }
            });
        }
    });
    ui.ctx().data_mut(|d| d.insert_temp(egui::Id::unique("grid-offset"), output.state.clamped_offset().y));
}

/// The list's columns: name, width unless the user set one, and the least width, in the order
/// they give way when the list is narrow (the first ones stay longest).
const LIST_COLUMNS: [(SortColumn, &str, f32, f32); 7] = [
    (SortColumn::Title, "column-title", 0.0, 120.0),
    (SortColumn::Date, "column-date", 76.0, 60.0),
    (SortColumn::Source, "column-source", 130.0, 64.0),
    (SortColumn::Countries, "column-countries", 80.0, 44.0),
    (SortColumn::Kind, "column-kind", 64.0, 44.0),
    (SortColumn::Topics, "column-topics", 110.0, 50.0),
    (SortColumn::Events, "column-events", 120.0, 50.0),
];

/// A list column as drawn: which, its name's message, its width (none for the title, which
/// takes what the others leave) and its least width.
type ListColumn = (SortColumn, &'static str, Option<f32>, f32);

/// The columns that fit in `width_px` beside the title's least width, each at the width the
/// user gave it (or its own), else at its least; put back in reading order (title, source,
/// date, kind, countries, topics, events).
fn list_columns(
    width_px: f32,
    spacing_px: f32,
    widths: &std::collections::BTreeMap<SortColumn, f32>,
    content: &std::collections::BTreeMap<SortColumn, f32>,
) -> Vec<ListColumn> {
    let [(title, title_key, _, title_min), others @ ..] = LIST_COLUMNS;
    // The title keeps two fifths of the list before another column comes in.
    let title_min = title_min.max(width_px * 0.4);
    let mut left = width_px - title_min - spacing_px;
    let mut shown: Vec<ListColumn> = vec![(title, title_key, None, title_min)];
    for (column, key, default_px, min_px) in others {
        // The user's width, else as wide as what the rows hold (never much past the default).
        let own = content.get(&column).map_or(default_px, |px| px.min(default_px * 1.6));
        let wanted = widths.get(&column).copied().unwrap_or(own).max(min_px);
        let Some(px) = [wanted, min_px].into_iter().find(|px| px + spacing_px <= left) else { break };
        left -= px + spacing_px;
        shown.push((column, key, Some(px), min_px));
    }
    let reading_order = |c: SortColumn| match c {
        SortColumn::Title => 0,
        SortColumn::Source => 1,
        SortColumn::Date => 2,
        SortColumn::Kind => 3,
        SortColumn::Countries => 4,
        SortColumn::Topics => 5,
        SortColumn::Events => 6,
    };
    shown.sort_by_key(|(c, ..)| reading_order(*c));
    shown
}

/// A list column's name, as its header shows it.
fn column_name(column: SortColumn) -> String {
    let key = LIST_COLUMNS.iter().find(|(c, ..)| *c == column).map_or("column-title", |(_, key, ..)| key);
    crate::i18n::tr(key)
}

/// The order a clicked list column gives, as the top bar names it ("Source: sorted ascending").
pub fn column_sort_label(column: SortColumn, ascending: bool) -> String {
    let way = if ascending { t!("sorted-ascending") } else { t!("sorted-descending") };
    format!("{}: {}", column_name(column), way.to_lowercase())
}

/// The arrow a list column's header shows: the column clicked, or the order that sorts by the
/// same thing (newest or oldest first by date, title A to Z).
fn header_arrow(app: &AppState, column: SortColumn) -> Option<bool> {
    match (app.sort, column, app.settings.order) {
        (Some((c, ascending)), ..) => (c == column).then_some(ascending),
        (None, SortColumn::Date, Sort::Newest) => Some(false),
        (None, SortColumn::Date, Sort::Oldest) | (None, SortColumn::Title, Sort::Title) => Some(true),
        _ => None,
    }
}

/// How wide each column's text is in the first rows (their header's name at least), in points:
/// what a column needs to show its content whole.
fn content_widths(ui: &egui::Ui, app: &AppState) -> std::collections::BTreeMap<SortColumn, f32> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width = |text: &str| -> f32 {
        ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE).size().x)
    };
    let mut out = std::collections::BTreeMap::new();
    for (column, ..) in LIST_COLUMNS.iter().skip(1) {
        let mut longest = String::new();
        for entry in app.results.iter().take(200) {
            let c = &entry.card;
            let text = match column {
                SortColumn::Source => c.source(),
                SortColumn::Countries => entry.countries(),
                SortColumn::Topics => entry.topics(),
                SortColumn::Events => entry.events(),
                _ => "",
            };
            if text.chars().count() > longest.chars().count() {
                longest = text.to_owned();
            }
        }
        let header = width(&column_name(*column)) + 16.0;
        let px = match column {
            SortColumn::Date | SortColumn::Kind => continue,
            _ => (width(&longest) + 12.0).max(header),
        };
        out.insert(*column, px);
    }
    out
}

/// A passage cut to start a little before its first marked word, so that the word shows in a
/// cell `visible_chars` wide.
fn centred_on_match(
    text: &str,
    highlights: &[std::ops::Range<usize>],
    visible_chars: usize,
) -> (String, Vec<std::ops::Range<usize>>) {
    let Some(first) = highlights.first().map(|r| r.start) else { return (text.to_owned(), highlights.to_vec()) };
    let lead = (visible_chars / 4).max(4);
    let before = text.get(..first).map_or(0, |t| t.chars().count());
    let through = highlights.first().and_then(|r| text.get(..r.end)).map_or(0, |t| t.chars().count());
    // Shown whole up to the match already: left as it is.
    if before <= lead || through <= visible_chars {
        return (text.to_owned(), highlights.to_vec());
    }
    // Start `lead` letters before the match, at the next word's beginning.
    let mut start = text.char_indices().nth(before - lead).map_or(0, |(i, _)| i);
    if let Some(k) = text.get(start..first).and_then(|t| t.find(char::is_whitespace)) {
        start += k + 1;
    }
    let mut out = String::from("… ");
    let shift = out.len();
    out.push_str(text.get(start..).unwrap_or_default());
    let moved = highlights
        .iter()
        .filter(|r| r.start >= start)
        .map(|r| r.start - start + shift..r.end - start + shift)
        .collect();
    (out, moved)
}

fn list_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    browser: &mut Browser,
    matches: &mut Matches,
    leads: &mut Leads,
    actions: &mut Vec<Action>,
) {
    use egui_extras::{Column, TableBuilder};
    browser.grid_columns = 1;
    let results = std::sync::Arc::clone(&app.results);
    // A narrow list drops its least needed columns rather than run off the window's edge.
    let spacing_px = ui.spacing().item_spacing.x + 8.0;
    let width_px = ui.available_width() - ui.spacing().scroll.bar_width;
    let columns = list_columns(width_px, spacing_px, &app.settings.list_widths, &content_widths(ui, app));
    // The table's own memory of its widths is made anew when the room or the columns change:
    // the title then takes what is left, and the others keep the widths the user gave them.
    let layout_key: Vec<SortColumn> = columns.iter().map(|(c, ..)| *c).collect();
    let mut table = TableBuilder::new(ui)
        .id_salt(("list", layout_key, (width_px / 4.0).round() as i64))
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for (_, _, width_px, min_px) in &columns {
        table = table.column(match width_px {
            Some(px) => Column::initial(*px).at_least(*min_px).clip(true),
            None => Column::remainder().at_least(*min_px).clip(true).resizable(false),
        });
    }
    if browser.scroll_to_cursor
        && let Some(c) = app.cursor
    {
        table = table.scroll_to_row(c, None);
        browser.scroll_to_cursor = false;
    }
    table
        .header(22.0, |mut header| {
            for (column, name, width_px, _) in &columns {
                header.col(|ui| {
                    // A column the user dragged wider or narrower keeps that width.
                    let now = ui.max_rect().width();
                    if let Some(px) = width_px
                        && (now - px).abs() > 1.0
                        && ui.input(|i| i.pointer.any_down())
                    {
                        actions.push(Action::SetListWidth(*column, now));
                    }
                    if ui
                        .add(egui::Button::new(egui::RichText::new(crate::i18n::tr(name)).strong()).frame(false))
                        .clicked()
                    {
                        actions.push(Action::Sort(*column));
                    }
                    if let Some(ascending) = header_arrow(app, *column) {
                        sort_arrow_ui(ui, ascending);
                    }
                });
            }
        })
        .body(|body| {
            // With words searched for, each row shows where they are, on a second line.
            let with_snippets = matches.is_active();
            let row_height = if with_snippets { 44.0 } else { 22.0 };
            body.rows(row_height, results.len(), |mut row| {
                let index = row.index();
                let Some(entry) = results.get(index) else { return };
                let c = &entry.card;
                row.set_selected(app.selection.contains(&c.id));
                // Cells are plain text: a click anywhere on the row selects it.
                let cell = |ui: &mut egui::Ui, text: &str| {
                    ui.add(egui::Label::new(text).selectable(false).truncate());
                };
                for (column, ..) in &columns {
                    row.col(|ui| match column {
                        SortColumn::Title => {
                            let snippet = if with_snippets { matches.snippet(entry, leads) } else { None };
                            match snippet {
                                Some(snippet) => {
                                    ui.vertical(|ui| {
                                        cell(ui, c.title());
                                        // About 7 points a letter: the match shows in the cell.
                                        let visible = (ui.available_width() / 7.0) as usize;
                                        let (text, marks) =
                                            centred_on_match(&snippet.text, &snippet.highlights, visible);
                                        let job = highlighted(ui, &text, &marks, egui::TextStyle::Body, true);
                                        ui.add(egui::Label::new(job).selectable(false).truncate());
                                    });
                                }
                                None => cell(ui, c.title()),
                            }
                        }
                        SortColumn::Source => source_cell_ui(ui, c.source(), app.reprints_of(entry.id()).as_deref()),
                        SortColumn::Date => date_cell_ui(ui, c),
                        SortColumn::Kind => cell(ui, &crate::ui::kind_label(c.kind)),
                        SortColumn::Countries => cell(ui, entry.countries()),
                        SortColumn::Topics => cell(ui, entry.topics()),
                        SortColumn::Events => cell(ui, entry.events()),
                    });
                }
                let response = row.response();
                if response.clicked() {
                    actions.push(Action::Click { index, modifiers: response.ctx.input(|i| i.modifiers) });
                }
                if response.double_clicked() {
                    actions.push(Action::OpenOriginal);
                }
                item_menu(&response, app, index, c.id, actions);
            });
        });
}

/// A card's or a row's menu (right click): what can be done with it, or with the selection it
/// belongs to. A right click outside the selection selects the clipping first, as in a file
/// manager.
fn item_menu(
    response: &egui::Response,
    app: &AppState,
    index: usize,
    id: crate::archive::ClippingId,
    actions: &mut Vec<Action>,
) {
    let in_selection = app.selection.contains(&id);
    if response.secondary_clicked() && !in_selection {
        actions.push(Action::Click { index, modifiers: egui::Modifiers::NONE });
    }
    response.context_menu(|ui| {
        let n = if in_selection { app.n_selected() } else { 1 + app.folded_into(id).count() };
        let mut item = |ui: &mut egui::Ui, enabled: bool, text: String, action: Action| {
            if ui.add_enabled(enabled, egui::Button::new(text)).clicked() {
                actions.push(action);
                ui.close();
            }
        };
        item(ui, true, t!("menu-open-original"), Action::OpenOriginalOf(id));
        item(ui, true, t!("menu-show-in-folder"), Action::ShowInFolder(id));
        ui.separator();
        item(ui, true, t!("menu-copy-text", n = n), Action::CopyText);
        item(ui, true, t!("menu-copy-references", n = n), Action::CopyReferences);
        let url = app.results.iter().find(|e| e.id() == id).map(|e| e.card.url().trim()).unwrap_or_default();
        item(ui, !url.is_empty(), t!("menu-copy-address"), Action::CopyAddress(url.to_owned()));
        // Photos and scans: their text read (again), where tesseract is here.
        let pictures: Vec<crate::archive::ClippingId> = app
            .selected_ids_or(id)
            .into_iter()
            .filter(|id| app.results.iter().any(|e| e.id() == *id && (e.card.kind == Kind::Photo || e.card.is_scan())))
            .collect();
        if !pictures.is_empty() {
            let reading = app.scans.is_some() || !app.may_change;
            item(ui, !reading, t!("menu-read-text", n = pictures.len()), Action::ReadText(pictures));
        }
        ui.separator();
        let changes = app.may_change && !app.filters.in_trash;
        item(ui, changes, t!("menu-tag", n = n), Action::FocusTagField);
        item(ui, true, t!("menu-review", n = n), Action::Review(crate::ui::app::ReviewAction::Open(None)));
        item(ui, true, t!("menu-export", n = n), Action::Export(crate::ui::app::ExportAction::Open));
        ui.separator();
        if app.filters.in_trash {
            let restore = Action::Edit(crate::ui::worker::Edit::Restore(app.selected_ids_or(id)));
            item(ui, app.may_change, t!("menu-restore", n = n), restore);
        } else {
            item(ui, app.may_change, t!("menu-trash", n = n), Action::Trash);
        }
    });
}

/// The list's source cell: the outlet, with "+N" and the other outlets on hover for a story.
fn source_cell_ui(ui: &mut egui::Ui, source: &str, reprints: Option<&[crate::ui::worker::Reprint]>) {
    match reprints {
        Some(reprints) => {
            let text = format!("{source} +{}", reprints.len());
            also_in_on_hover(ui.add(egui::Label::new(text).selectable(false).truncate()), reprints);
        }
        None => {
            ui.add(egui::Label::new(source).selectable(false).truncate());
        }
    }
}

/// The date a row is sorted by, short: published (or taken); else the day it was imported, in
/// italics, with a tooltip saying so.
fn date_cell_ui(ui: &mut egui::Ui, c: &crate::archive::card::Card) {
    let short = |d| crate::i18n::format_date_short(d, crate::i18n::language());
    match c.published.or_else(|| c.captured_at().map(|t| t.date())) {
        Some(date) => {
            ui.add(egui::Label::new(short(date)).selectable(false).truncate())
                .on_hover_text(crate::ui::date_text(date));
        }
        None => {
            let imported = c.imported_at().with_timezone(&chrono::Local).date_naive();
            let text = egui::RichText::new(short(imported)).italics().weak();
            ui.add(egui::Label::new(text).selectable(false).truncate())
                .on_hover_text(t!("imported-on", date = crate::ui::date_text(imported)));
        }
    }
}

/// A small triangle beside a sorted column's name, pointing up when ascending. Drawn, not
/// typed: the fonts egui brings have no arrows.
fn sort_arrow_ui(ui: &mut egui::Ui, ascending: bool) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
    let c = rect.center();
    let (tip, base) = if ascending { (c.y - 3.5, c.y + 3.0) } else { (c.y + 3.5, c.y - 3.0) };
    let points = vec![egui::pos2(c.x, tip), egui::pos2(c.x - 4.0, base), egui::pos2(c.x + 4.0, base)];
    ui.painter().add(egui::Shape::convex_polygon(points, ui.visuals().strong_text_color(), egui::Stroke::NONE));
    response.on_hover_text(if ascending { t!("sorted-ascending") } else { t!("sorted-descending") });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_lists_keep_title_date_and_source_and_give_the_title_the_rest() {
        let names = |width: f32, widths: &std::collections::BTreeMap<SortColumn, f32>| -> Vec<SortColumn> {
            list_columns(width, 16.0, widths, &std::collections::BTreeMap::new()).into_iter().map(|(c, ..)| c).collect()
        };
        let none = std::collections::BTreeMap::new();
        assert_eq!(names(350.0, &none), [SortColumn::Title, SortColumn::Source, SortColumn::Date]);
        assert_eq!(names(100.0, &none), [SortColumn::Title]);
        assert_eq!(names(2000.0, &none).len(), 7);
        // A column the user made wide is shown at its least width where it does not fit.
        let wide = std::collections::BTreeMap::from([(SortColumn::Source, 400.0)]);
        let none = std::collections::BTreeMap::new();
        let columns = list_columns(350.0, 16.0, &wide, &none);
        assert_eq!(columns.iter().find(|(c, ..)| *c == SortColumn::Source).and_then(|c| c.2), Some(64.0));
        assert_eq!(
            list_columns(1200.0, 16.0, &wide, &none).iter().find(|(c, ..)| *c == SortColumn::Source).and_then(|c| c.2),
            Some(400.0)
        );
    }

    #[test]
    fn a_passage_starts_shortly_before_its_match() {
        let text = "… the delegation spent the whole morning discussing tariffs before the Middle Corridor came up";
        let at = text.find("Middle").unwrap_or_default();
        let (cut, marks) = centred_on_match(text, std::slice::from_ref(&(at..at + 6)), 24);
        assert!(cut.starts_with("… "), "{cut}");
        assert_eq!(&cut[marks[0].clone()], "Middle");
        assert!(cut[..marks[0].start].chars().count() <= 12, "{cut}");
        // A match near the start is left as it is.
        assert_eq!(centred_on_match("Middle Corridor", std::slice::from_ref(&(0..6)), 24).0, "Middle Corridor");
    }
}
