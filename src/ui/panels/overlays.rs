//! What floats over the panels: the status bar with import and export progress, the import
//! report, the export dialog and report, toasts with Undo, the drop overlay, and the message
//! shown when the archive cannot be opened.

use egui::{Align2, Color32, Id, Order, Vec2};

use crate::export::Layout;
use crate::import::{FolderCount, ImportReport, Outcome};
use crate::t;

use crate::archive::ClippingId;
use crate::ui::state::{AppState, Status};
use crate::ui::{Action, ExportAction, ImportAction};

/// The export dialog's fields, as being filled in.
pub struct ExportDialog {
    pub ids: Vec<ClippingId>,
    pub dest: String,
    pub options: crate::ui::state::ExportOptions,
}

impl ExportDialog {
    /// A folder was chosen in the system's dialog.
    pub fn folder_chosen(&mut self, dir: &std::path::Path) {
        self.dest = dir.display().to_string();
    }
}

/// What the last check of a mailbox came to: checking (a spinner), how many clippings came
/// and when, or why it could not be read.
fn mail_status_ui(ui: &mut egui::Ui, status: &crate::ui::worker::mail::MailStatus) {
    use crate::ui::worker::mail::MailStatus;
    match status {
        MailStatus::Checking { name } => {
            ui.spinner();
            ui.label(t!("status-mail-checking", name = name.as_str()));
        }
        MailStatus::Checked { name, n_new, at } => {
            let time = at.format("%H:%M").to_string();
            ui.weak(t!("status-mail-checked", name = name.as_str(), n = *n_new, time = time));
        }
        MailStatus::Failed { name, message } => {
            ui.colored_label(ui.visuals().warn_fg_color, t!("status-mail-failed", name = name.as_str()))
                .on_hover_text(message.as_str());
        }
    }
    ui.separator();
}

/// How the import report names what it read: a file by its name, a page by its address
/// (without the scheme, cut where it is long), a part of an e-mail by the message and the part.
fn outcome_name(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    let address = text.split_once(" › ").map_or(&*text, |(_, part)| part);
    if let Some(rest) = address.strip_prefix("https://").or_else(|| address.strip_prefix("http://")) {
        let rest = rest.trim_start_matches("www.");
        return if rest.chars().count() > 60 {
            rest.chars().take(59).chain(['…']).collect()
        } else {
            rest.to_owned()
        };
    }
    path.file_name().map_or_else(|| text.into_owned(), |n| n.to_string_lossy().into_owned())
}

/// A team archive's server that cannot be reached, said across the top of the window.
pub fn team_banner_ui(ui: &mut egui::Ui, app: &AppState) {
    let Some(why) = &app.team_unreachable else { return };
    egui::Panel::top("team-banner").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, "⚠");
            ui.colored_label(ui.visuals().warn_fg_color, why);
        });
    });
}

pub fn status_bar_ui(ui: &mut egui::Ui, app: &AppState, actions: &mut Vec<Action>) {
    egui::Panel::bottom("status-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some(run) = &app.import {
                let fraction = if run.n_files == 0 { 0.0 } else { run.n_done as f32 / run.n_files as f32 };
                let current = run.current.as_deref().map(outcome_name);
                ui.label(t!("status-importing", done = run.n_done, total = run.n_files));
                ui.add(egui::ProgressBar::new(fraction).desired_width(200.0));
                if let Some(name) = current {
                    ui.weak(name);
                }
                if ui.button(t!("cancel")).clicked() {
                    actions.push(Action::Import(ImportAction::Cancel));
                }
                ui.separator();
            }
            if let Some(run) = &app.export {
                let fraction = if run.n_total == 0 { 0.0 } else { run.n_done as f32 / run.n_total as f32 };
                ui.label(t!("status-exporting", done = run.n_done, total = run.n_total));
                ui.add(egui::ProgressBar::new(fraction).desired_width(160.0));
                if ui.button(t!("status-cancel-export")).clicked() {
                    actions.push(Action::Export(ExportAction::Cancel));
                }
                ui.separator();
            }
            if let Some(run) = &app.scans {
                let fraction = if run.n_total == 0 { 0.0 } else { run.n_done as f32 / run.n_total as f32 };
                ui.spinner();
                ui.label(t!("status-reading-scans", done = run.n_done, total = run.n_total))
                    .on_hover_text(t!("status-reading-scans-hover"));
                ui.add(egui::ProgressBar::new(fraction).desired_width(120.0));
                if ui.button(t!("cancel")).on_hover_text(t!("status-reading-scans-cancel")).clicked() {
                    actions.push(Action::Import(ImportAction::CancelScans));
                }
                ui.separator();
            }
            if let Some(status) = &app.mail {
                mail_status_ui(ui, status);
            }
            if let Some(what) = &app.large_edit {
                ui.spinner();
                ui.label(what);
                ui.separator();
            }
            if let Some((n_done, n_total)) = app.indexing {
                let fraction = if n_total == 0 { 0.0 } else { n_done as f32 / n_total as f32 };
                ui.label(t!("status-indexing", done = n_done, total = n_total))
                    .on_hover_text(t!("status-indexing-hover"));
                ui.add(egui::ProgressBar::new(fraction).desired_width(120.0));
                ui.separator();
            }
            if let Status::Ready { root } = &app.status {
                // Clippings are counted with those folded into a story's card, then the cards.
                let n_cards = app.results.len();
                let found = n_cards + app.folded.len();
                let text = if found == app.n_total {
                    crate::ui::n_clippings(found)
                } else {
                    t!("status-shown-of", shown = found, n = app.n_total)
                };
                ui.label(text);
                if !app.folded.is_empty() {
                    ui.label(t!("status-cards", n = n_cards));
                }
                if !app.selection.is_empty() {
                    ui.label(t!("status-selected", n = app.n_selected()));
                }
                let mut label = if app.archive_label.is_empty() {
                    crate::vocab::paths::shown(root)
                } else {
                    app.archive_label.clone()
                };
                if !app.may_change {
                    label = format!("{label} · {}", t!("status-read-only"));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    // A long path is cut, not run over the counts beside it.
                    ui.add(egui::Label::new(egui::RichText::new(&label).weak()).truncate()).on_hover_text(&label);
                });
            }
        });
    });
}

/// Why the archive did not open, with a way on: try again, or for a team archive that wants a
/// password, the password (`password` holds what is typed; it is used once, never kept).
pub fn failure_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    password: &mut String,
    remember: &mut bool,
    actions: &mut Vec<Action>,
) {
    let Status::Failed { message, locked, asks_password } = &app.status else { return };
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() / 3.0);
            ui.heading(if *locked { t!("open-locked") } else { t!("open-failed") });
            ui.add_space(6.0);
            ui.label(message);
            if *locked {
                ui.label(t!("open-locked-explained"));
            }
            ui.add_space(10.0);
            if *asks_password {
                let label = ui.label(t!("open-password"));
                let field = ui
                    .add(egui::TextEdit::singleline(password).password(true).desired_width(240.0))
                    .labelled_by(label.id);
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.checkbox(remember, t!("open-remember-password"));
                if (ui.button(t!("open-connect")).clicked() || entered) && !password.is_empty() {
                    actions.push(Action::Connect { password: std::mem::take(password), remember: *remember });
                }
            } else if ui.button(t!("try-again")).clicked() {
                actions.push(Action::Retry);
            }
        });
    });
}

pub fn windows_ui(
    ctx: &egui::Context,
    app: &AppState,
    export_dialog: &mut Option<ExportDialog>,
    actions: &mut Vec<Action>,
) {
    import_report_ui(ctx, app, actions);
    if let Some(dialog) = export_dialog {
        export_dialog_ui(ctx, dialog, actions);
    }
    export_report_ui(ctx, app, actions);
}

fn import_report_ui(ctx: &egui::Context, app: &AppState, actions: &mut Vec<Action>) {
    let Some(report) = &app.import_report else { return };
    let mut open = true;
    let mut close = false;
    egui::Window::new(t!("import-finished"))
        .open(&mut open)
        .collapsible(false)
        .default_width(520.0)
        .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(import_summary(report));
            // What was taken from where: a folder that gave nothing is seen at once.
            let folders = report.by_folder();
            if folders.len() > 1 || folders.iter().any(|f| f.n_imported == 0) {
                ui.add_space(4.0);
                egui::ScrollArea::vertical().id_salt("import-folders").max_height(140.0).show(ui, |ui| {
                    egui::Grid::new("import-folders").num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
                        for f in &folders {
                            ui.label(short_folder(&f.folder)).on_hover_text(f.folder.display().to_string());
                            ui.weak(folder_counts(f));
                            ui.end_row();
                        }
                    });
                });
            }
            let notes: Vec<_> =
                report.outcomes.iter().filter(|o| !matches!(o.outcome, Outcome::Imported { .. })).collect();
            if !notes.is_empty() {
                ui.separator();
                egui::ScrollArea::vertical().max_height(280.0).show(ui, |ui| {
                    egui::Grid::new("import-notes").striped(true).num_columns(2).show(ui, |ui| {
                        for o in notes {
                            ui.label(outcome_name(&o.path)).on_hover_text(o.path.display().to_string());
                            match &o.outcome {
                                Outcome::Skipped { reason } => {
                                    ui.weak(t!(
                                        "import-skipped-because",
                                        reason = crate::ui::import_error_text(reason)
                                    ));
                                }
                                Outcome::Failed { reason } => {
                                    ui.colored_label(ui.visuals().error_fg_color, crate::ui::import_error_text(reason));
                                }
                                Outcome::Duplicate { id, title } => {
                                    ui.weak(t!("import-duplicate-of", id = id.to_string(), title = title.as_str()));
                                }
                                Outcome::Restored { id, title } => {
                                    ui.label(t!("import-restored", id = id.to_string(), title = title.as_str()));
                                }
                                Outcome::Cancelled => {
                                    ui.weak(t!("import-cancelled"));
                                }
                                Outcome::Imported { .. } => {}
                            }
                            ui.end_row();
                        }
                    });
                });
            }
            ui.add_space(6.0);
            if ui.button(t!("close")).clicked() {
                close = true;
            }
        });
    if !open || close {
        actions.push(Action::Import(ImportAction::CloseReport));
    }
}

/// The import in one line: "12 imported, 0 duplicates, 1 failed", then the other counts that
/// are not zero.
fn import_summary(report: &ImportReport) -> String {
    let always = [
        (report.n_imported(), "import-count-imported"),
        (report.n_duplicates(), "import-count-duplicates"),
        (report.n_failed(), "import-count-failed"),
    ];
    let mut words: Vec<String> = always.iter().map(|(n, id)| count_text(*n, id)).collect();
    let counts = [
        (report.n_skipped(), "import-count-skipped"),
        (report.n_restored(), "import-count-restored"),
        (report.n_cancelled(), "import-count-cancelled"),
    ];
    words.extend(counts.iter().filter(|(n, _)| *n > 0).map(|(n, id)| count_text(*n, id)));
    words.join(", ")
}

/// A count by its message ("3 duplicates").
fn count_text(n: usize, id: &str) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("n", crate::i18n::Arg::from(n).0);
    crate::i18n::tr_args(id, Some(&args))
}

/// What one folder gave: "5 imported, 2 duplicates".
fn folder_counts(f: &FolderCount) -> String {
    let counts = [
        (f.n_imported, "import-count-imported"),
        (f.n_duplicates, "import-count-duplicates"),
        (f.n_failed, "import-count-failed"),
        (f.n_skipped, "import-count-skipped"),
    ];
    join_counts(&counts)
}

/// Counts that are not zero, each by its message, joined with commas.
fn join_counts(counts: &[(usize, &str)]) -> String {
    let words: Vec<String> = counts.iter().filter(|(n, _)| *n > 0).map(|(n, id)| count_text(*n, id)).collect();
    if words.is_empty() { t!("import-nothing") } else { words.join(", ") }
}

/// A folder by its last two names ("inbox/photos"), which tell folders of one batch apart.
fn short_folder(folder: &std::path::Path) -> String {
    let names: Vec<String> =
        folder.components().rev().take(2).map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    let short: Vec<&str> = names.iter().rev().map(String::as_str).filter(|n| *n != "/").collect();
    if short.is_empty() { folder.display().to_string() } else { short.join("/") }
}

fn export_dialog_ui(ctx: &egui::Context, dialog: &mut ExportDialog, actions: &mut Vec<Action>) {
    let mut open = true;
    let mut cancel = false;
    const DIALOG_W: f32 = 480.0;
    let shown = egui::Window::new(t!("export-title"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .fixed_size([DIALOG_W, 0.0])
        .anchor(Align2::CENTER_TOP, dialog_offset(ctx))
        .show(ctx, |ui| {
            ui.label(t!("export-explained", n = dialog.ids.len()));
            ui.add_space(6.0);
            // Rows of fixed widths, not a Grid: a Grid learns its column widths in its first
            // frame, so the dialog would open narrow and then grow.
            const LABEL_W: f32 = 72.0;
            ui.horizontal(|ui| {
                let label = ui.add_sized([LABEL_W, 20.0], egui::Label::new(t!("export-folder")));
                let choose = egui::Button::new(t!("export-choose"));
                let field_w = (DIALOG_W - LABEL_W - 90.0).max(120.0);
                ui.add(
                    egui::TextEdit::singleline(&mut dialog.dest)
                        .desired_width(field_w)
                        .hint_text(t!("export-folder-hint")),
                )
                .labelled_by(label.id);
                if ui.add(choose).clicked() {
                    actions.push(Action::Export(ExportAction::PickFolder));
                }
            });
            ui.horizontal(|ui| {
                let label = ui.add_sized([LABEL_W, 20.0], egui::Label::new(t!("export-layout")));
                egui::ComboBox::from_id_salt("export-layout")
                    .selected_text(crate::ui::layout_label(dialog.options.layout))
                    .width(DIALOG_W - LABEL_W - 16.0)
                    .show_ui(ui, |ui| {
                        for layout in Layout::ALL {
                            ui.selectable_value(&mut dialog.options.layout, layout, crate::ui::layout_label(layout));
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
            // Folder names in the window's language, where that is not English.
            if dialog.options.layout == Layout::Country && crate::i18n::language() != crate::i18n::Lang::En {
                ui.horizontal(|ui| {
                    ui.add_space(LABEL_W + ui.spacing().item_spacing.x);
                    let language = crate::i18n::language().native_name();
                    ui.checkbox(&mut dialog.options.localized, t!("export-localized", language = language));
                });
            }
            ui.horizontal(|ui| {
                ui.add_space(LABEL_W + ui.spacing().item_spacing.x);
                ui.checkbox(&mut dialog.options.coverage, t!("export-coverage"))
                    .on_hover_text(t!("export-coverage-hover"));
            });
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let ready = !dialog.dest.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new(t!("export-start"))).clicked() {
                    actions.push(Action::Export(ExportAction::Start));
                }
                if ui.button(t!("cancel")).clicked() {
                    cancel = true;
                }
            });
        });
    hold_the_keyboard(ctx, shown.map(|s| s.response.layer_id));
    if !open || cancel {
        actions.push(Action::Export(ExportAction::CloseDialog));
    }
}

/// Where a dialog's top edge sits: it grows downwards as options are ticked, and never moves
/// under the pointer.
pub fn dialog_offset(ctx: &egui::Context) -> Vec2 {
    Vec2::new(0.0, (ctx.content_rect().height() / 10.0).clamp(24.0, 90.0))
}

/// Makes a dialog modal: only it takes clicks and the keyboard while it is open (the browser's
/// keys are held back in `shortcuts.rs`).
pub fn hold_the_keyboard(ctx: &egui::Context, layer: Option<egui::LayerId>) {
    if let Some(layer) = layer {
        ctx.memory_mut(|m| m.set_modal_layer(layer));
    }
}

/// Where no file dialog can be shown (no desktop portal, no zenity): what to install, and a
/// field to type or paste the paths to import.
pub fn path_prompt_ui(ctx: &egui::Context, text: &mut String, actions: &mut Vec<Action>) {
    let prompt = LinesPrompt {
        id: "path-prompt",
        width_px: 480.0,
        rows: 3,
        title: t!("path-prompt-title"),
        explained: t!("path-prompt-explained"),
        hint: "/home/…/clippings",
        button: t!("path-prompt-import"),
    };
    prompt.show(ctx, text, actions, ImportAction::TypedPaths, ImportAction::ClosePathPrompt);
}

/// Import › Links…: addresses typed or pasted, a line each, to fetch and import.
pub fn link_prompt_ui(ctx: &egui::Context, text: &mut String, actions: &mut Vec<Action>) {
    let prompt = LinesPrompt {
        id: "link-prompt",
        width_px: 520.0,
        rows: 4,
        title: t!("link-prompt-title"),
        explained: t!("link-prompt-explained"),
        hint: "https://…",
        button: t!("link-prompt-import"),
    };
    prompt.show(ctx, text, actions, ImportAction::TypedLinks, ImportAction::CloseLinkPrompt);
}

/// A modal field for lines to import (paths, addresses), with its button and Cancel.
struct LinesPrompt {
    id: &'static str,
    width_px: f32,
    rows: usize,
    title: String,
    explained: String,
    hint: &'static str,
    button: String,
}

impl LinesPrompt {
    fn show(
        self,
        ctx: &egui::Context,
        text: &mut String,
        actions: &mut Vec<Action>,
        submit: fn(String) -> ImportAction,
        close: ImportAction,
    ) {
        let modal = egui::Modal::new(egui::Id::unique(self.id)).show(ctx, |ui| {
            ui.set_max_width(self.width_px);
            ui.heading(self.title);
            ui.add(egui::Label::new(self.explained).wrap());
            ui.add_space(6.0);
            let field = egui::TextEdit::multiline(text)
                .desired_rows(self.rows)
                .desired_width(f32::INFINITY)
                .hint_text(self.hint);
            let response = ui.add(field);
            if text.is_empty() && !response.has_focus() {
                response.request_focus();
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.add_enabled(!text.trim().is_empty(), egui::Button::new(self.button)).clicked() {
                    actions.push(Action::Import(submit(text.clone())));
                }
                if ui.button(t!("cancel")).clicked() {
                    actions.push(Action::Import(close.clone()));
                }
            });
        });
        if modal.should_close() {
            actions.push(Action::Import(close));
        }
    }
}

/// Asks before moving many clippings to the trash at once (after an import or Ctrl+A, one
/// key would do it).
pub fn confirm_trash_ui(ctx: &egui::Context, n: usize, actions: &mut Vec<Action>) {
    let modal = egui::Modal::new(egui::Id::unique("confirm-trash")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(t!("confirm-trash-title", n = n));
        ui.add_space(4.0);
        ui.label(t!("confirm-trash-explained"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let trash =
                ui.button(egui::RichText::new(t!("confirm-trash-yes", n = n)).color(ui.visuals().error_fg_color));
            if trash.clicked() {
                actions.push(Action::ConfirmTrash(true));
            }
            if ui.button(t!("cancel")).clicked() {
                actions.push(Action::ConfirmTrash(false));
            }
        });
    });
    if modal.should_close() {
        actions.push(Action::ConfirmTrash(false));
    }
}

fn export_report_ui(ctx: &egui::Context, app: &AppState, actions: &mut Vec<Action>) {
    let Some(report) = &app.export_report else { return };
    let mut open = true;
    let mut close = false;
    egui::Window::new(t!("export-finished"))
        .open(&mut open)
        .collapsible(false)
        .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(t!(
                "export-summary",
                n = report.n_clippings,
                files = report.files.len(),
                dest = crate::vocab::paths::shown(&report.dest)
            ));
            if report.cancelled {
                ui.label(t!("export-was-cancelled"));
            }
            if report.n_already_there > 0 {
                ui.label(t!("export-already-there", n = report.n_already_there));
            }
            for (id, reason) in &report.failed {
                let text = t!("export-failed-clipping", id = id.to_string(), reason = reason.to_string());
                ui.colored_label(ui.visuals().error_fg_color, text);
            }
            ui.horizontal(|ui| {
                if ui.button(t!("open-folder")).clicked() {
                    actions.push(Action::OpenFolder(report.dest.clone()));
                }
                if ui.button(t!("close")).clicked() {
                    close = true;
                }
            });
        });
    if !open || close {
        actions.push(Action::Export(ExportAction::CloseReport));
    }
}

/// The toasts, newest last; returns the one under the pointer, which waits to go.
pub fn toasts_ui(ctx: &egui::Context, app: &AppState, actions: &mut Vec<Action>) -> Option<usize> {
    if app.toasts.is_empty() {
        return None;
    }
    let mut dismissed = None;
    let mut hovered = None;
    egui::Area::new(Id::unique("toasts"))
        .order(Order::Foreground)
        .anchor(Align2::RIGHT_BOTTOM, Vec2::new(-16.0, -40.0))
        .show(ctx, |ui| {
            for (i, toast) in app.toasts.iter().enumerate() {
                let frame = egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if toast.is_error {
                            ui.colored_label(ui.visuals().error_fg_color, &toast.message);
                        } else {
                            ui.label(&toast.message);
                        }
                        if let Some(undo) = &toast.undo
                            && ui.button(t!("undo")).clicked()
                        {
                            // Undoing takes the toast away (and no other with it).
                            actions.push(Action::UndoChange(undo.clone()));
                        }
                        if ui.small_button("×").clicked() {
                            dismissed = Some(i);
                        }
                    });
                });
                if frame.response.contains_pointer() {
                    hovered = Some(i);
                }
            }
        });
    if let Some(i) = dismissed {
        actions.push(Action::DismissToast(i));
    }
    hovered
}

/// While files hover over the window: an overlay saying how many will be imported. When they
/// are dropped: the import.
pub fn drop_ui(ctx: &egui::Context, app: &AppState, actions: &mut Vec<Action>) {
    let (n_hovered, dropped) = ctx.input(|i| {
        let dropped: Vec<std::path::PathBuf> = i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect();
        (i.raw.hovered_files.len(), dropped)
    });
    if !dropped.is_empty() {
        actions.push(Action::Import(ImportAction::Files(dropped)));
    }
    if n_hovered == 0 || !matches!(app.status, Status::Ready { .. }) {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(Order::Foreground, Id::unique("drop-overlay")));
    painter.rect_filled(screen, 0.0, Color32::from_black_alpha(170));
    let text = if app.import.is_some() { t!("drop-wait") } else { t!("drop-to-import", n = n_hovered) };
    // A label, not painted text, so that screen readers (and tests) read it too.
    egui::Area::new(Id::unique("drop-overlay-text"))
        .order(Order::Tooltip)
        .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
        .interactable(false)
        .show(ctx, |ui| {
            ui.label(egui::RichText::new(text).size(28.0).color(Color32::WHITE));
        });
}
