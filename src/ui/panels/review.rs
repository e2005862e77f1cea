//! The press review dialog: what goes in (the selection, the results or a saved search), the
//! cover's words, the period, the sections and their order, the text's length, paper,
//! pictures, format and file; a preview of the first pages as they will be laid out; progress
//! and cancel while the review is made; Open and Show in folder at the end.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use chrono::{Datelike, NaiveDate};
use egui::{Align2, Color32, Vec2};

use crate::review::layout::{Item, Page};
use crate::review::{Format, GroupBy, Paper, ReviewOptions};
use crate::t;
use crate::ui::worker::{ReviewPreview, ReviewSource};
use crate::ui::{Action, ReviewAction};

/// The dialog as it is being filled in.
pub struct ReviewDialog {
    source: ReviewSource,
    /// What the review is made of, as said at the top ("24 clippings").
    describe: String,
    /// What it can be made of (the selection, all the results, each saved search), each
    /// named with its count; and which is chosen.
    scopes: Vec<(String, ReviewSource)>,
    scope: usize,
    options: ReviewOptions,
    from_text: String,
    to_text: String,
    words_on: bool,
    words: usize,
    format: Format,
    path: String,
    /// The preview asked for, and since when the fields have been as they are now.
    preview_generation: u64,
    changed_at: Option<Instant>,
    preview_cancel: Option<Arc<AtomicBool>>,
    preview: Option<ReviewPreview>,
    preview_error: Option<String>,
    preview_page: usize,
    /// A preview has been asked for and not yet come.
    waiting: bool,
    /// While the review is being made: done, total, and its cancel flag.
    running: Option<(usize, usize, Arc<AtomicBool>)>,
    /// The file written, and how many stories it has.
    finished: Option<(PathBuf, usize)>,
    error: Option<String>,
}

impl ReviewDialog {
    /// A preview came: shown if it is of the dialog's fields as they are now.
    pub fn preview_came(&mut self, preview: ReviewPreview) {
        if preview.generation == self.preview_generation {
            self.preview_page = self.preview_page.min(preview.pages.len().saturating_sub(1));
            self.preview = Some(preview);
            self.preview_error = None;
            self.waiting = false;
        }
    }

    /// The preview of the fields as they are now could not be made.
    pub fn preview_failed(&mut self, generation: u64, message: String) {
        if generation == self.preview_generation {
            self.preview = None;
            self.preview_error = Some(message);
            self.waiting = false;
        }
    }

    /// How far the review being made has got.
    pub fn progress(&mut self, n_done: usize, n_total: usize) {
        if let Some((done, total, _)) = &mut self.running {
            *done = n_done;
            *total = n_total;
        }
    }

    /// The review was written.
    pub fn finished(&mut self, path: PathBuf, n_stories: usize) {
        self.running = None;
        self.finished = Some((path, n_stories));
    }

    /// A file was chosen in the system's dialog: the format follows its name, when it names one.
    pub fn file_chosen(&mut self, path: &std::path::Path) {
        if let Some(format) = Format::of_path(path) {
            self.format = format;
        }
        self.path = path.display().to_string();
        self.finished = None;
    }

    /// Where the review goes, as typed (with the format's extension where it has none), and
    /// in what format.
    pub fn target(&mut self) -> (PathBuf, Format) {
        let path = PathBuf::from(self.path.trim());
        let path = if path.extension().is_none() { path.with_extension(self.format.extension()) } else { path };
        self.path = path.display().to_string();
        (path, self.format)
    }

    /// The review is being made; `cancel` stops it.
    pub fn started(&mut self, cancel: Arc<AtomicBool>) {
        self.running = Some((0, 0, cancel));
        self.finished = None;
        self.error = None;
    }

    /// Stops the review being made, if one is.
    pub fn cancel_run(&self) {
        if let Some((_, _, cancel)) = &self.running {
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// Stops whatever the dialog has running, as it closes.
    pub fn cancel_all(&self) {
        for cancel in self.preview_cancel.iter().chain(self.running.as_ref().map(|r| &r.2)) {
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// A new preview is asked for with `cancel`: the one asked before is cancelled. Its
    /// generation, which the preview comes back with.
    pub fn preview_asked(&mut self, cancel: Arc<AtomicBool>) -> u64 {
        if let Some(old) = self.preview_cancel.replace(cancel) {
            old.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        self.preview_generation += 1;
        self.changed_at = None;
        self.waiting = true;
        self.preview_generation
    }

    /// The fields as they are make no review (a date not understood): no preview is asked
    /// for until they change.
    pub fn settle(&mut self) {
        self.changed_at = None;
    }

    /// When the fields last changed, while no preview of them has been asked for.
    pub fn changed_at(&self) -> Option<Instant> {
        self.changed_at
    }

    /// What the review is of.
    pub fn source(&self) -> &ReviewSource {
        &self.source
    }

    /// The file as typed, and its format.
    pub fn file(&self) -> (PathBuf, Format) {
        (PathBuf::from(self.path.trim()), self.format)
    }

    /// The review could not be made.
    pub fn failed(&mut self, message: String) {
        self.running = None;
        self.error = Some(message);
    }

    pub fn new(source: ReviewSource, describe: String, options: ReviewOptions, format: Format, path: String) -> Self {
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        ReviewDialog {
            scopes: vec![(describe.clone(), source.clone())],
            scope: 0,
            source,
            describe,
            from_text: date(options.from),
            to_text: date(options.to),
            words_on: options.words.is_some(),
            words: options.words.unwrap_or(120),
            options,
            format,
            path,
            preview_generation: 0,
            changed_at: Some(Instant::now()),
            preview_cancel: None,
            preview: None,
            preview_error: None,
            preview_page: 0,
            waiting: false,
            running: None,
            finished: None,
            error: None,
        }
    }

    /// Offers these scopes, `chosen` first shown.
    pub fn with_scopes(mut self, scopes: Vec<(String, ReviewSource)>, chosen: usize) -> Self {
        if let Some((describe, source)) = scopes.get(chosen).cloned() {
            self.describe = describe;
            self.source = source;
            self.scope = chosen;
            self.scopes = scopes;
        }
        self
    }

    /// Nothing is being laid out or written, nor waiting to be.
    pub fn is_idle(&self) -> bool {
        !self.waiting && self.running.is_none() && (self.changed_at.is_none() || self.current_options().is_none())
    }

    /// The options as the fields now say; `None` while a date cannot be read.
    pub fn current_options(&self) -> Option<ReviewOptions> {
        let date = |s: &str| -> Option<Option<NaiveDate>> {
            let s = s.trim();
            if s.is_empty() { Some(None) } else { NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(Some) }
        };
        Some(ReviewOptions {
            from: date(&self.from_text)?,
            to: date(&self.to_text)?,
            words: self.words_on.then_some(self.words.max(1)),
            ..self.options.clone()
        })
    }

    fn changed(&mut self) {
        self.changed_at = Some(Instant::now());
        self.finished = None;
        self.error = None;
    }

    /// The file name with the format's extension.
    fn set_format(&mut self, format: Format) {
        self.format = format;
        let path = PathBuf::from(self.path.trim());
        if !self.path.trim().is_empty() {
            self.path = path.with_extension(format.extension()).display().to_string();
        }
    }
}

pub fn group_label(g: GroupBy) -> String {
    match g {
        GroupBy::Country => t!("review-group-country"),
        GroupBy::Topic => t!("review-group-topic"),
        GroupBy::Event => t!("review-group-event"),
        GroupBy::Outlet => t!("review-group-outlet"),
        GroupBy::Day => t!("review-group-day"),
    }
}

fn format_label(f: Format) -> String {
    match f {
        Format::Pdf => t!("review-format-pdf"),
        Format::Docx => t!("review-format-docx"),
        Format::Html => t!("review-format-html"),
    }
}

const DIALOG_W: f32 = 700.0;
const LABEL_W: f32 = 96.0;
const PREVIEW_W: f32 = 210.0;

pub fn review_dialog_ui(ctx: &egui::Context, dialog: &mut ReviewDialog, actions: &mut Vec<Action>) {
    let mut open = true;
    let mut close = false;
    let screen = ctx.content_rect();
    let width = DIALOG_W.min(screen.width() - 24.0);
    let shown = egui::Window::new(t!("review-dialog-title"))
        .id(egui::Id::unique("review-dialog"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .fixed_size([width, 0.0])
        .anchor(Align2::CENTER_TOP, super::overlays::dialog_offset(ctx))
        .show(ctx, |ui| {
            scope_ui(ui, dialog);
            ui.add_space(4.0);
            let busy = dialog.running.is_some();
            let wide = width >= 640.0;
            let max_h = (screen.height() - 160.0 - super::overlays::dialog_offset(ctx).y).max(200.0);
            ui.horizontal_top(|ui| {
                let fields_w = if wide { width - PREVIEW_W - 24.0 } else { width - 8.0 };
                let top_down = egui::Layout::top_down(egui::Align::LEFT);
                ui.allocate_ui_with_layout(Vec2::new(fields_w, max_h), top_down, |ui| {
                    egui::ScrollArea::vertical().id_salt("review-fields").max_height(max_h).show(ui, |ui| {
                        ui.set_width(fields_w - 12.0);
                        ui.add_enabled_ui(!busy, |ui| fields_ui(ui, dialog, fields_w - 12.0, actions));
                    });
                });
                if wide {
                    ui.separator();
                    ui.allocate_ui_with_layout(Vec2::new(PREVIEW_W, max_h), top_down, |ui| preview_ui(ui, dialog));
                }
            });
            ui.separator();
            close = end_ui(ui, dialog, actions);
        });
    super::overlays::hold_the_keyboard(ctx, shown.map(|s| s.response.layer_id));
    if !open || close {
        actions.push(Action::Review(ReviewAction::CloseDialog));
    }
}

/// What the review is of: a choice where there is more than one (the selection, all the
/// results, a saved search), each with its count.
fn scope_ui(ui: &mut egui::Ui, dialog: &mut ReviewDialog) {
    if dialog.scopes.len() < 2 {
        ui.label(&dialog.describe);
        return;
    }
    let busy = dialog.running.is_some();
    let mut chosen = dialog.scope;
    ui.add_enabled_ui(!busy, |ui| {
        row(ui, &t!("review-scope-label"), |ui, label| {
            egui::ComboBox::from_id_salt("review-scope")
                .selected_text(&dialog.describe)
                .width(LABEL_W * 4.0)
                .show_ui(ui, |ui| {
                    for (i, (name, _)) in dialog.scopes.iter().enumerate() {
                        ui.selectable_value(&mut chosen, i, name);
                    }
                })
                .response
                .labelled_by(label);
        });
    });
    if chosen != dialog.scope
        && let Some((describe, source)) = dialog.scopes.get(chosen).cloned()
    {
        dialog.scope = chosen;
        dialog.describe = describe;
        dialog.source = source;
        dialog.finished = None;
        dialog.changed_at = Some(Instant::now());
    }
}

/// A row with a label of fixed width before its field, so the fields line up.
fn row<R>(ui: &mut egui::Ui, label: &str, add: impl FnOnce(&mut egui::Ui, egui::Id) -> R) -> R {
    ui.horizontal(|ui| {
        let label = ui.add_sized([LABEL_W, 20.0], egui::Label::new(label).truncate());
        add(ui, label.id)
    })
    .inner
}

/// What goes in besides the stories: pictures, the coverage page. Whether one changed.
fn include_ui(ui: &mut egui::Ui, dialog: &mut ReviewDialog) -> bool {
    row(ui, &t!("review-include-label"), |ui, label| {
        let pictures = ui.checkbox(&mut dialog.options.pictures, t!("review-pictures")).labelled_by(label);
        let coverage = ui
            .checkbox(&mut dialog.options.coverage, t!("review-coverage-page"))
            .on_hover_text(t!("review-coverage-page-hover"));
        pictures.changed() || coverage.changed()
    })
}

fn fields_ui(ui: &mut egui::Ui, dialog: &mut ReviewDialog, width: f32, actions: &mut Vec<Action>) {
    let field_w = (width - LABEL_W - 16.0).max(120.0);
    let mut changed = false;
    row(ui, &t!("review-title-label"), |ui, label| {
        let edit = egui::TextEdit::singleline(&mut dialog.options.title)
            .desired_width(field_w)
            .hint_text(t!("review-default-title"));
        changed |= ui.add(edit).labelled_by(label).changed();
    });
    row(ui, &t!("review-organisation-label"), |ui, label| {
        let edit = egui::TextEdit::singleline(&mut dialog.options.organisation)
            .desired_width(field_w)
            .hint_text(t!("review-organisation-hint"));
        changed |= ui.add(edit).labelled_by(label).changed();
    });
    row(ui, &t!("review-period-label"), |ui, label| {
        let date_w = ((field_w - 30.0) / 2.0).clamp(80.0, 110.0);
        let from =
            egui::TextEdit::singleline(&mut dialog.from_text).desired_width(date_w).hint_text(t!("review-date-hint"));
        changed |= ui.add(from).labelled_by(label).changed();
        ui.label("–");
        let to =
            egui::TextEdit::singleline(&mut dialog.to_text).desired_width(date_w).hint_text(t!("review-date-hint"));
        let to = ui.add(to);
        changed |= to.labelled_by(label).changed();
    });
    changed |= period_presets_ui(ui, dialog);
    if dialog.current_options().is_none() {
        ui.horizontal(|ui| {
            ui.add_space(LABEL_W + ui.spacing().item_spacing.x);
            ui.colored_label(ui.visuals().error_fg_color, t!("review-date-invalid"));
        });
    }
    row(ui, &t!("review-group-label"), |ui, label| {
        let before = dialog.options.group_by;
        egui::ComboBox::from_id_salt("review-group")
            .selected_text(group_label(dialog.options.group_by))
            .width(field_w)
            .show_ui(ui, |ui| {
                for g in GroupBy::ALL {
                    ui.selectable_value(&mut dialog.options.group_by, g, group_label(g));
                }
            })
            .response
            .labelled_by(label);
        if dialog.options.group_by != before {
            dialog.options.section_order.clear();
            changed = true;
        }
    });
    changed |= section_order_ui(ui, dialog);
    row(ui, &t!("review-text-label"), |ui, label| {
        let full = ui.radio(!dialog.words_on, t!("review-text-full")).labelled_by(label);
        if full.clicked() && dialog.words_on {
            dialog.words_on = false;
            changed = true;
        }
        if ui.radio(dialog.words_on, t!("review-text-words")).clicked() && !dialog.words_on {
            dialog.words_on = true;
            changed = true;
        }
        let words = ui.add_enabled(dialog.words_on, egui::DragValue::new(&mut dialog.words).range(10..=2000).speed(5));
        changed |= words.changed();
    });
    // The whole text, but a long one cut (a note says where): a script or a report would
    // otherwise fill dozens of pages.
    if !dialog.words_on {
        ui.horizontal(|ui| {
            ui.add_space(LABEL_W + ui.spacing().item_spacing.x);
            let mut capped = dialog.options.full_text_words.is_some();
            if ui.checkbox(&mut capped, t!("review-text-cap")).changed() {
                dialog.options.full_text_words = capped.then_some(crate::review::DEFAULT_FULL_TEXT_WORDS);
                changed = true;
            }
            if let Some(limit) = &mut dialog.options.full_text_words {
                changed |= ui.add(egui::DragValue::new(limit).range(100..=50_000).speed(50)).changed();
                ui.label(t!("review-text-cap-words"));
            }
        });
    }
    row(ui, &t!("review-paper-label"), |ui, label| {
        let before = dialog.options.paper;
        ui.radio_value(&mut dialog.options.paper, Paper::A4, "A4").labelled_by(label);
        ui.radio_value(&mut dialog.options.paper, Paper::Letter, t!("review-paper-letter"));
        changed |= dialog.options.paper != before;
    });
    changed |= include_ui(ui, dialog);
    row(ui, &t!("review-format-label"), |ui, label| {
        let mut format = dialog.format;
        egui::ComboBox::from_id_salt("review-format")
            .selected_text(format_label(format))
            .width(field_w)
            .show_ui(ui, |ui| {
                for f in Format::ALL {
                    ui.selectable_value(&mut format, f, format_label(f));
                }
            })
            .response
            .labelled_by(label);
        if format != dialog.format {
            dialog.set_format(format);
            dialog.finished = None;
        }
    });
    row(ui, &t!("review-file-label"), |ui, label| {
        let edit = egui::TextEdit::singleline(&mut dialog.path).desired_width((field_w - 90.0).max(80.0));
        if ui.add(edit).labelled_by(label).changed() {
            dialog.finished = None;
        }
        if ui.button(t!("review-choose")).clicked() {
            actions.push(Action::Review(ReviewAction::PickFile));
        }
    });
    if changed {
        dialog.changed();
    }
}

/// The sections as the preview found them, to put in order; whether the order changed.
fn section_order_ui(ui: &mut egui::Ui, dialog: &mut ReviewDialog) -> bool {
    let mut changed = false;
    if let Some(preview) = &dialog.preview
        && preview.sections.len() > 1
    {
        let sections = preview.sections.clone();
        ui.horizontal(|ui| {
            ui.add_space(LABEL_W + ui.spacing().item_spacing.x);
            ui.weak(t!("review-order-hint"));
        });
        // "No country" (no key) stays last: only the others move.
        let n_keyed = sections.iter().filter(|s| !s.0.is_empty()).count();
        egui::ScrollArea::vertical().id_salt("review-sections").max_height(120.0).show(ui, |ui| {
            for (i, (key, heading, count)) in sections.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.add_space(LABEL_W + ui.spacing().item_spacing.x);
                    let keyed = !key.is_empty();
                    let up = arrow_button(ui, keyed && i > 0, Arrow::Up, &t!("review-move-up"));
                    let down = arrow_button(ui, keyed && i + 1 < n_keyed, Arrow::Down, &t!("review-move-down"));
                    ui.add(egui::Label::new(format!("{heading} ({count})")).truncate());
                    let to = if up.clicked() {
                        Some(i - 1)
                    } else if down.clicked() {
                        Some(i + 1)
                    } else {
                        None
                    };
                    if let Some(to) = to {
                        let mut keys: Vec<String> =
                            sections.iter().map(|s| s.0.clone()).filter(|k| !k.is_empty()).collect();
                        if to < keys.len() && i < keys.len() {
                            keys.swap(i, to);
                            dialog.options.section_order = keys;
                            changed = true;
                        }
                    }
                });
            }
        });
    }
    changed
}

/// Today, this week, this month, all: the periods a review is usually of; whether one was
/// chosen.
fn period_presets_ui(ui: &mut egui::Ui, dialog: &mut ReviewDialog) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.add_space(LABEL_W + ui.spacing().item_spacing.x);
        let today = chrono::Local::now().date_naive();
        let presets: [(String, Option<NaiveDate>, Option<NaiveDate>); 4] = [
            (t!("review-period-today"), Some(today), Some(today)),
            (t!("review-period-week"), Some(today - chrono::Days::new(6)), Some(today)),
            (t!("review-period-month"), today.with_day(1), Some(today)),
            (t!("review-period-all"), None, None),
        ];
        for (label, from, to) in presets {
            if ui.small_button(label).clicked() {
                dialog.from_text = from.map(|d| d.to_string()).unwrap_or_default();
                dialog.to_text = to.map(|d| d.to_string()).unwrap_or_default();
                changed = true;
            }
        }
    });
    changed
}

fn preview_ui(ui: &mut egui::Ui, dialog: &mut ReviewDialog) {
    ui.set_width(PREVIEW_W);
    let Some(preview) = &dialog.preview else {
        match &dialog.preview_error {
            Some(message) => {
                ui.colored_label(ui.visuals().warn_fg_color, message);
            }
            None => {
                ui.spinner();
            }
        }
        return;
    };
    let page_i = dialog.preview_page.min(preview.pages.len().saturating_sub(1));
    let scale = PREVIEW_W / preview.width;
    let size = Vec2::new(PREVIEW_W, preview.height * scale);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    if let Some(page) = preview.pages.get(page_i) {
        paint_page(ui, rect, scale, page);
    }
    response.on_hover_text(t!("review-preview-hover"));
    ui.horizontal(|ui| {
        if arrow_button(ui, page_i > 0, Arrow::Left, &t!("review-preview-previous")).clicked() {
            dialog.preview_page = page_i - 1;
        }
        ui.label(format!("{} / {}", page_i + 1, preview.n_pages));
        let more = page_i + 1 < preview.pages.len();
        if arrow_button(ui, more, Arrow::Right, &t!("review-preview-next")).clicked() {
            dialog.preview_page = page_i + 1;
        }
    });
    ui.weak(t!("review-preview-summary", pages = preview.n_pages, stories = preview.n_stories));
    if dialog.changed_at.is_some() || dialog.waiting {
        ui.spinner();
    }
}

#[derive(Clone, Copy)]
enum Arrow {
    Up,
    Down,
    Left,
    Right,
}

/// A small button with a painted arrow (the default fonts have no arrow glyphs), named by
/// `label` for screen readers and shown as its tooltip.
fn arrow_button(ui: &mut egui::Ui, enabled: bool, arrow: Arrow, label: &str) -> egui::Response {
    let size = Vec2::splat(ui.spacing().interact_size.y * 0.9);
    let sense = if enabled { egui::Sense::click() } else { egui::Sense::hover() };
    let (rect, response) = ui.allocate_exact_size(size, sense);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, label));
    let visuals = if enabled { ui.style().interact(&response) } else { &ui.visuals().widgets.noninteractive };
    let color = if enabled { visuals.fg_stroke.color } else { ui.visuals().weak_text_color() };
    ui.painter().rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
    let c = rect.center();
    let r = rect.width() * 0.22;
    let points = match arrow {
        Arrow::Up => [c + Vec2::new(0.0, -r), c + Vec2::new(r, r * 0.7), c + Vec2::new(-r, r * 0.7)],
        Arrow::Down => [c + Vec2::new(0.0, r), c + Vec2::new(-r, -r * 0.7), c + Vec2::new(r, -r * 0.7)],
        Arrow::Left => [c + Vec2::new(-r, 0.0), c + Vec2::new(r * 0.7, -r), c + Vec2::new(r * 0.7, r)],
        Arrow::Right => [c + Vec2::new(r, 0.0), c + Vec2::new(-r * 0.7, r), c + Vec2::new(-r * 0.7, -r)],
    };
    ui.painter().add(egui::Shape::convex_polygon(points.to_vec(), color, egui::Stroke::NONE));
    response.on_hover_text(label)
}

/// Paints a laid-out page: text large enough to read as text, smaller text as grey lines
/// where it will stand, pictures as grey blocks, rules as rules, a chart's bars in colour.
pub fn paint_page(ui: &egui::Ui, rect: egui::Rect, scale: f32, page: &Page) {
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    painter.rect_stroke(rect, 0.0, egui::Stroke::new(1.0, Color32::from_gray(150)), egui::StrokeKind::Outside);
    let at = |x: f32, y: f32| rect.min + Vec2::new(x * scale, y * scale);
    for item in &page.items {
        match item {
            Item::Text { x, y, size, gray, width, .. } => {
                let px = size * scale;
                let shade = (gray * 255.0) as u8;
                if px >= 6.0 {
                    let text = item.text().unwrap_or_default();
                    painter.text(
                        at(*x, *y),
                        Align2::LEFT_BOTTOM,
                        text,
                        egui::FontId::proportional(px),
                        Color32::from_gray(shade),
                    );
                } else {
                    let top = at(*x, y - size * 0.7);
                    let bar = egui::Rect::from_min_size(top, Vec2::new(width * scale, (px * 0.6).max(1.0)));
                    painter.rect_filled(bar, 0.0, Color32::from_gray(shade.max(120)));
                }
            }
            Item::Picture { x, y, w, h, .. } => {
                let r = egui::Rect::from_min_size(at(*x, *y), Vec2::new(w * scale, h * scale));
                painter.rect_filled(r, 0.0, Color32::from_gray(200));
            }
            Item::Rule { x, y, w, gray } => {
                let shade = Color32::from_gray((gray * 255.0) as u8);
                painter.line_segment([at(*x, *y), at(x + w, *y)], egui::Stroke::new(1.0, shade));
            }
            Item::Fill { x, y, w, h, rgb } => {
                let r = egui::Rect::from_min_size(at(*x, *y), Vec2::new(w * scale, h * scale));
                painter.rect_filled(r, 0.0, Color32::from_rgb(rgb[0], rgb[1], rgb[2]));
            }
            Item::Link { .. } => {}
        }
    }
}

/// The buttons at the bottom, and progress or the result; returns whether to close.
fn end_ui(ui: &mut egui::Ui, dialog: &mut ReviewDialog, actions: &mut Vec<Action>) -> bool {
    let mut close = false;
    if let Some((done, total, _)) = &dialog.running {
        ui.horizontal(|ui| {
            ui.label(t!("review-making", done = *done, total = *total));
            let fraction = if *total == 0 { 0.0 } else { *done as f32 / *total as f32 };
            ui.add(egui::ProgressBar::new(fraction).desired_width(180.0));
            if ui.button(t!("cancel")).clicked() {
                actions.push(Action::Review(ReviewAction::Cancel));
            }
        });
        return false;
    }
    if let Some(message) = &dialog.error {
        ui.colored_label(ui.visuals().error_fg_color, message);
    }
    if let Some((path, n_stories)) = &dialog.finished {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        ui.label(t!("review-finished", name = name, stories = *n_stories));
        ui.horizontal(|ui| {
            if ui.button(t!("review-open")).clicked() {
                actions.push(Action::OpenFolder(path.clone()));
            }
            if let Some(dir) = path.parent()
                && ui.button(t!("review-show-folder")).clicked()
            {
                actions.push(Action::OpenFolder(dir.to_path_buf()));
            }
            if ui.button(t!("review-close")).clicked() {
                close = true;
            }
        });
        return close;
    }
    ui.horizontal(|ui| {
        let ready = !dialog.path.trim().is_empty() && dialog.current_options().is_some();
        if ui.add_enabled(ready, egui::Button::new(t!("review-make"))).clicked() {
            actions.push(Action::Review(ReviewAction::Start));
        }
        if ui.button(t!("cancel")).clicked() {
            close = true;
        }
    });
    close
}
