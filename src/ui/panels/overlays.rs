//! What floats over the panels: the status bar with import and export progress, the import
//! report, the export dialog and report, toasts with Undo, the drop overlay, and the message
//! shown when the archive cannot be opened.

use egui::{Align2, Color32, Id, Order, Vec2};

use crate::export::Layout;
use crate::import::Outcome;

use crate::archive::ClippingId;
use crate::ui::Action;
use crate::ui::state::{AppState, Status};

/// The export dialog's fields, as being filled in.
pub struct ExportDialog {
    pub ids: Vec<ClippingId>,
    pub dest: String,
    pub layout: Layout,
}

pub fn status_bar_ui(ui: &mut egui::Ui, app: &AppState, actions: &mut Vec<Action>) {
    egui::Panel::bottom("status-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some(run) = &app.import {
                let fraction = if run.n_files == 0 { 0.0 } else { run.n_done as f32 / run.n_files as f32 };
                let current =
                    run.current.as_ref().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned());
                ui.label(format!("Importing {} of {}", run.n_done, run.n_files));
                ui.add(egui::ProgressBar::new(fraction).desired_width(200.0));
                if let Some(name) = current {
                    ui.weak(name);
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CancelImport);
                }
                ui.separator();
            }
            if let Some(run) = &app.export {
                let fraction = if run.n_total == 0 { 0.0 } else { run.n_done as f32 / run.n_total as f32 };
                ui.label(format!("Exporting {} of {}", run.n_done, run.n_total));
                ui.add(egui::ProgressBar::new(fraction).desired_width(160.0));
                if ui.button("Cancel export").clicked() {
                    actions.push(Action::CancelExport);
                }
                ui.separator();
            }
            if let Some((n_done, n_total)) = app.indexing {
                let fraction = if n_total == 0 { 0.0 } else { n_done as f32 / n_total as f32 };
                ui.label(format!("Indexing for search: {n_done} of {n_total}"))
                    .on_hover_text("Until it is done, searches find only what is indexed so far");
                ui.add(egui::ProgressBar::new(fraction).desired_width(120.0));
                ui.separator();
            }
            if let Status::Ready { root } = &app.status {
                let shown = app.results.len();
                let text = if shown == app.n_total {
                    crate::ui::n_clippings(shown)
                } else {
                    format!("{shown} of {}", crate::ui::n_clippings(app.n_total))
                };
                ui.label(text);
                if !app.selection.is_empty() {
                    ui.label(format!("· {} selected", app.selection.len()));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.weak(root.display().to_string());
                });
            }
        });
    });
}

pub fn failure_ui(ui: &mut egui::Ui, app: &AppState, actions: &mut Vec<Action>) {
    let Status::Failed { message, locked } = &app.status else { return };
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() / 3.0);
            ui.heading(if *locked { "This archive is already open" } else { "The archive cannot be opened" });
            ui.add_space(6.0);
            ui.label(message);
            if *locked {
                ui.label("Close the other Clippings window, then try again.");
            }
            ui.add_space(10.0);
            if ui.button("Try again").clicked() {
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
    egui::Window::new("Import finished")
        .open(&mut open)
        .collapsible(false)
        .default_width(520.0)
        .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(report.summary());
            // What was taken from where: a folder that gave nothing is seen at once.
            let folders = report.by_folder();
            if folders.len() > 1 || folders.iter().any(|f| f.n_imported == 0) {
                ui.add_space(4.0);
                egui::ScrollArea::vertical().id_salt("import-folders").max_height(140.0).show(ui, |ui| {
                    egui::Grid::new("import-folders").num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
                        for f in &folders {
                            ui.label(short_folder(&f.folder)).on_hover_text(f.folder.display().to_string());
                            ui.weak(f.counts());
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
                            let name = o
                                .path
                                .file_name()
                                .map_or_else(|| o.path.display().to_string(), |n| n.to_string_lossy().into_owned());
                            ui.label(name).on_hover_text(o.path.display().to_string());
                            match &o.outcome {
                                Outcome::Skipped { reason } => {
                                    ui.weak(format!("skipped: {reason}"));
                                }
                                Outcome::Failed { reason } => {
                                    ui.colored_label(ui.visuals().error_fg_color, reason.to_string());
                                }
                                Outcome::Duplicate { id, title } => {
                                    ui.weak(format!("duplicate of {id} “{title}”"));
                                }
                                Outcome::Restored { id, title } => {
                                    ui.label(format!("put back the missing files of {id} “{title}”"));
                                }
                                Outcome::Cancelled => {
                                    ui.weak("cancelled");
                                }
                                Outcome::Imported { .. } => {}
                            }
                            ui.end_row();
                        }
                    });
                });
            }
            ui.add_space(6.0);
            if ui.button("Close").clicked() {
                close = true;
            }
        });
    if !open || close {
        actions.push(Action::CloseImportReport);
    }
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
    egui::Window::new("Export clippings")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .fixed_size([DIALOG_W, 0.0])
        .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(format!(
                "Copy {}, each with a .json sidecar, and a clippings.csv listing them.",
                crate::ui::n_clippings(dialog.ids.len())
            ));
            ui.add_space(6.0);
            // Rows of fixed widths, not a Grid: a Grid learns its column widths in its first
            // frame, so the dialog would open narrow and then grow.
            const LABEL_W: f32 = 56.0;
            ui.horizontal(|ui| {
                let label = ui.add_sized([LABEL_W, 20.0], egui::Label::new("Folder"));
                let choose = egui::Button::new("Choose…");
                let field_w = (DIALOG_W - LABEL_W - 90.0).max(120.0);
                ui.add(
                    egui::TextEdit::singleline(&mut dialog.dest).desired_width(field_w).hint_text("where to export"),
                )
                .labelled_by(label.id);
                if ui.add(choose).clicked() {
                    actions.push(Action::PickExportFolder);
                }
            });
            ui.horizontal(|ui| {
                let label = ui.add_sized([LABEL_W, 20.0], egui::Label::new("Layout"));
                egui::ComboBox::from_id_salt("export-layout")
                    .selected_text(dialog.layout.label())
                    .width(DIALOG_W - LABEL_W - 16.0)
                    .show_ui(ui, |ui| {
                        for layout in Layout::ALL {
                            ui.selectable_value(&mut dialog.layout, layout, layout.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let ready = !dialog.dest.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
                    actions.push(Action::StartExport);
                }
                if ui.button("Cancel").clicked() {
                    cancel = true;
                }
            });
        });
    if !open || cancel {
        actions.push(Action::CloseExportDialog);
    }
}

fn export_report_ui(ctx: &egui::Context, app: &AppState, actions: &mut Vec<Action>) {
    let Some(report) = &app.export_report else { return };
    let mut open = true;
    let mut close = false;
    egui::Window::new("Export finished")
        .open(&mut open)
        .collapsible(false)
        .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(report.summary());
            for (id, reason) in &report.failed {
                ui.colored_label(ui.visuals().error_fg_color, format!("clipping {id}: {reason}"));
            }
            ui.horizontal(|ui| {
                if ui.button("Open folder").clicked() {
                    actions.push(Action::OpenFolder(report.dest.clone()));
                }
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
        });
    if !open || close {
        actions.push(Action::CloseExportReport);
    }
}

pub fn toasts_ui(ctx: &egui::Context, app: &AppState, actions: &mut Vec<Action>) {
    if app.toasts.is_empty() {
        return;
    }
    let mut dismissed = None;
    egui::Area::new(Id::unique("toasts"))
        .order(Order::Foreground)
        .anchor(Align2::RIGHT_BOTTOM, Vec2::new(-16.0, -40.0))
        .show(ctx, |ui| {
            for (i, toast) in app.toasts.iter().enumerate() {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if toast.is_error {
                            ui.colored_label(ui.visuals().error_fg_color, &toast.message);
                        } else {
                            ui.label(&toast.message);
                        }
                        if let Some(undo) = &toast.undo
                            && ui.button("Undo").clicked()
                        {
                            actions.push(Action::UndoChange(undo.clone()));
                            dismissed = Some(i);
                        }
                        if ui.small_button("×").clicked() {
                            dismissed = Some(i);
                        }
                    });
                });
            }
        });
    if let Some(i) = dismissed {
        actions.push(Action::DismissToast(i));
    }
}

/// While files hover over the window: an overlay saying how many will be imported. When they
/// are dropped: the import.
pub fn drop_ui(ctx: &egui::Context, app: &AppState, actions: &mut Vec<Action>) {
    let (n_hovered, dropped) = ctx.input(|i| {
        let dropped: Vec<std::path::PathBuf> = i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect();
        (i.raw.hovered_files.len(), dropped)
    });
    if !dropped.is_empty() {
        actions.push(Action::Import(dropped));
    }
    if n_hovered == 0 || !matches!(app.status, Status::Ready { .. }) {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(Order::Foreground, Id::unique("drop-overlay")));
    painter.rect_filled(screen, 0.0, Color32::from_black_alpha(170));
    let text = if app.import.is_some() {
        "An import is running: wait for it to finish".to_owned()
    } else if n_hovered == 1 {
        "Drop to import 1 item".to_owned()
    } else {
        format!("Drop to import {n_hovered} items")
    };
    // A label, not painted text, so that screen readers (and tests) read it too.
    egui::Area::new(Id::unique("drop-overlay-text"))
        .order(Order::Tooltip)
        .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
        .interactable(false)
        .show(ctx, |ui| {
            ui.label(egui::RichText::new(text).size(28.0).color(Color32::WHITE));
        });
}
