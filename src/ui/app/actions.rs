//! What a panel may ask for, and how the app does it. Panels record [`Action`]s while they draw;
//! the app applies them after the frame is drawn. Changes to the archive are [`Edit`]s, sent
//! to the worker as they are.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use egui::Modifiers;

use super::{ClippingsApp, Picked};
use crate::archive::{ClippingId, Kind, Tag};
use crate::i18n::Lang;
use crate::import::formats;
use crate::search::query::Sort;
use crate::t;
use crate::ui::panels::overlays::ExportDialog;
use crate::ui::platform::{open_with_system, spawn_dialog};
use crate::ui::state::{ExportRun, Filters, ImportRun, ImportedFilter, ReviewSettings, SortColumn, Status, View};
use crate::ui::worker::{self, Edit, Pasted, Request};

/// What the user asked for during a frame, applied after drawing.
#[derive(Debug, Clone)]
pub enum Action {
    /// Run the current search again.
    Search,
    /// The search box's text changed.
    SetSearch(String),
    ClearSearch,
    SetOrder(Sort),
    SetView(View),
    /// The window's language, kept in the settings.
    SetLanguage(Lang),
    /// Save what the search box and the sidebar ask for, and the order, under this name.
    SaveSearch(String),
    /// Show what this saved search finds (by its place in the list).
    OpenSavedSearch(usize),
    SetThumbSize(f32),
    /// Show a story printed by several outlets once, or every clipping of it.
    SetCollapseReprints(bool),
    Click {
        index: usize,
        modifiers: Modifiers,
    },
    SelectAll,
    ClearSelection,
    Move {
        dx: isize,
        dy: isize,
    },
    OpenOriginal,
    ToggleTag(Tag),
    SetKind(Option<Kind>),
    SetImported(Option<ImportedFilter>),
    ShowTrash(bool),
    ClearFilters,
    /// A change to the archive: tags, fields, suggestions, restoring.
    Edit(Edit),
    /// Move the selection to the trash.
    Trash,
    EmptyTrash,
    Undo,
    /// Undo one particular change (from its toast), wherever it is in the undo stack: the
    /// edit that takes it back.
    UndoChange(Edit),
    Import(Vec<PathBuf>),
    PickFiles,
    PickFolder,
    CancelImport,
    CloseImportReport,
    PasteText(String),
    PasteImage(Arc<egui::ColorImage>),
    OpenExport,
    PickExportFolder,
    StartExport,
    CloseExportDialog,
    CancelExport,
    CloseExportReport,
    /// Open the press review dialog for the selection (or the results), or for what a saved
    /// search finds (by name).
    OpenReview(Option<String>),
    PickReviewFile,
    StartReview,
    CancelReview,
    CloseReviewDialog,
    /// Open a file or folder with the desktop's application for it.
    OpenFolder(PathBuf),
    Sort(SortColumn),
    Retry,
    LoadImage(ClippingId, u32),
    DismissToast(usize),
    /// Tell the user something went wrong (a tag that cannot be made, say).
    ShowError(String),
}

impl ClippingsApp {
    /// Applies an action recorded during the frame.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Search => self.search(),
            Action::SetSearch(text) => {
                self.state.search_text = text;
                self.search();
            }
            Action::ClearSearch => {
                self.state.search_text.clear();
                self.panels.top_bar.set_text("");
                self.search();
            }
            Action::SetOrder(order) => {
                self.state.settings.order = order;
                // A clicked list column gives way to the order chosen here.
                self.state.sort = None;
                self.search();
            }
            Action::SetView(view) => self.state.settings.view = view,
            Action::SetLanguage(lang) => {
                self.state.settings.language = Some(lang);
                self.use_language(lang);
            }
            Action::SetThumbSize(px) => self.state.settings.thumb_size_px = px.clamp(96.0, 256.0),
            Action::Click { index, modifiers } => self.click(index, modifiers),
            Action::SelectAll => {
                self.state.selection = self.state.results.iter().map(|e| e.id()).collect();
                self.sync_detail();
            }
            Action::ClearSelection => {
                self.state.selection.clear();
                self.sync_detail();
            }
            Action::Move { dx, dy } => {
                let Some(last) = self.state.results.len().checked_sub(1) else { return };
                let next = self.state.cursor.map_or(0, |c| c.saturating_add_signed(dx + dy).min(last));
                self.click(next, Modifiers::NONE);
                self.panels.browser.scroll_to_cursor = true;
            }
            Action::OpenOriginal => {
                if let (Some(c), Status::Ready { root }) = (self.panels.detail.shown_clipping(), &self.state.status) {
                    open_with_system(crate::archive::original_path_in(root, &c.hash, &c.format));
                }
            }
            Action::ToggleTag(tag) => {
                let tags = &mut self.state.filters.tags;
                if let Some(i) = tags.iter().position(|t| t.key() == tag.key()) {
                    tags.remove(i);
                } else {
                    tags.push(tag);
                }
                self.search();
            }
            Action::SetKind(kind) => {
                self.state.filters.kind = kind;
                self.search();
            }
            Action::SetImported(imported) => {
                self.state.filters.imported = imported;
                self.search();
            }
            Action::ShowTrash(on) => {
                self.state.filters = Filters { in_trash: on, ..Filters::default() };
                self.state.selection.clear();
                self.sync_detail();
                self.search();
            }
            Action::ClearFilters => {
                self.state.filters = Filters::default();
                self.search();
            }
            Action::SaveSearch(name) => {
                let query = self.query_text();
                let sort = self.state.settings.order;
                self.edit(Edit::SaveSearch { name, query, sort }, false);
            }
            Action::OpenSavedSearch(i) => {
                let Some(saved) = self.state.saved.get(i).map(|s| s.search.clone()) else { return };
                self.state.filters = Filters::default();
                self.panels.top_bar.set_text(&saved.query);
                self.state.search_text = saved.query;
                self.state.settings.order = saved.sort;
                self.state.sort = None;
                self.search();
                self.edit(Edit::SeenSavedSearch(saved.name), false);
            }
            Action::Edit(edit) => self.edit(edit, false),
            Action::Trash => {
                let ids = self.state.selected_ids();
                if !ids.is_empty() && !self.state.filters.in_trash {
                    self.edit(Edit::Trash(ids), false);
                }
            }
            Action::EmptyTrash => self.edit(Edit::EmptyTrash, false),
            Action::Undo => match self.undo_stack.pop() {
                Some(undo) => self.edit(undo, true),
                None => self.toast(t!("nothing-to-undo"), None, false),
            },
            Action::UndoChange(undo) => {
                if let Some(i) = self.undo_stack.iter().rposition(|u| *u == undo) {
                    self.undo_stack.remove(i);
                }
                self.edit(undo, true);
            }
            Action::Import(paths) => {
                if paths.is_empty() || self.state.import.is_some() || !self.state.is_ready() {
                    return;
                }
                let cancel = Arc::new(AtomicBool::new(false));
                self.start_import(0, Arc::clone(&cancel));
                self.send(Request::Import { paths, cancel });
            }
            Action::PasteText(_) | Action::PasteImage(_) => {
                if self.state.import.is_some() || !self.state.is_ready() {
                    self.toast(t!("paste-wait"), None, true);
                    return;
                }
                let stamp = chrono::Local::now().format("%Y-%m-%d %H-%M-%S");
                let pasted = match action {
                    Action::PasteText(text) => {
                        Pasted::Text { name: format!("{}.txt", t!("pasted-name", stamp = stamp.to_string())), text }
                    }
                    Action::PasteImage(image) => {
                        Pasted::Image { name: format!("{}.png", t!("pasted-name", stamp = stamp.to_string())), image }
                    }
                    _ => return,
                };
                // A paste is an import of one item, with the same progress and report.
                self.start_import(1, Arc::new(AtomicBool::new(false)));
                self.send(Request::Paste(pasted));
            }
            Action::PickFiles | Action::PickFolder => {
                let folder = matches!(action, Action::PickFolder);
                let tx = self.picked.0.clone();
                let ctx = ctx.clone();
                let (title, filter, all) =
                    (t!("dialog-import-title"), t!("dialog-filter-supported"), t!("dialog-filter-all"));
                spawn_dialog(move || {
                    let dialog = rfd::FileDialog::new().set_title(title);
                    let paths = if folder {
                        dialog.pick_folder().map(|p| vec![p]).unwrap_or_default()
                    } else {
                        dialog
                            .add_filter(filter, &formats::dialog_extensions())
                            .add_filter(all, &["*"])
                            .pick_files()
                            .unwrap_or_default()
                    };
                    let _ = tx.send(Picked::ImportPaths(paths));
                    ctx.request_repaint();
                });
            }
            Action::CancelImport => {
                if let Some(run) = &self.state.import {
                    run.cancel.store(true, Ordering::Relaxed);
                }
            }
            Action::CloseImportReport => self.state.import_report = None,
            Action::OpenExport => {
                let ids = self.selection_or_results();
                let settings = &self.state.settings;
                let dest = settings.last_export_dir.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
                self.state.export_report = None;
                self.panels.export_dialog = Some(ExportDialog {
                    ids,
                    dest,
                    layout: settings.export_layout,
                    localized: settings.export_localized,
                });
            }
            Action::PickExportFolder => {
                let tx = self.picked.0.clone();
                let ctx = ctx.clone();
                let start = self.state.settings.last_export_dir.clone();
                let title = t!("dialog-export-title");
                spawn_dialog(move || {
                    let mut dialog = rfd::FileDialog::new().set_title(title);
                    if let Some(dir) = start {
                        dialog = dialog.set_directory(dir);
                    }
                    if let Some(dir) = dialog.pick_folder() {
                        let _ = tx.send(Picked::ExportFolder(dir));
                        ctx.request_repaint();
                    }
                });
            }
            Action::StartExport => {
                let Some(dialog) = self.panels.export_dialog.take() else { return };
                let dest = PathBuf::from(dialog.dest.trim());
                self.state.settings.last_export_dir = Some(dest.clone());
                self.state.settings.export_layout = dialog.layout;
                self.state.settings.export_localized = dialog.localized;
                let cancel = Arc::new(AtomicBool::new(false));
                self.state.export =
                    Some(ExportRun { n_done: 0, n_total: dialog.ids.len(), cancel: Arc::clone(&cancel) });
                let localized = dialog.localized && crate::i18n::language() != crate::i18n::Lang::En;
                self.send(Request::Export { ids: dialog.ids, dest, layout: dialog.layout, localized, cancel });
            }
            Action::CloseExportDialog => self.panels.export_dialog = None,
            Action::CancelExport => {
                if let Some(run) = &self.state.export {
                    run.cancel.store(true, Ordering::Relaxed);
                }
            }
            Action::CloseExportReport => self.state.export_report = None,
            Action::SetCollapseReprints(on) => {
                self.state.settings.collapse_reprints = on;
                self.send(Request::SetCollapseReprints(on));
            }
            Action::OpenReview(saved) => self.open_review(saved),
            Action::PickReviewFile => {
                let Some(dialog) = &self.panels.review_dialog else { return };
                let tx = self.picked.0.clone();
                let ctx = ctx.clone();
                let path = PathBuf::from(dialog.path.trim());
                let format = dialog.format;
                let title = t!("dialog-review-title");
                spawn_dialog(move || {
                    let mut picker = rfd::FileDialog::new()
                        .set_title(title)
                        .add_filter(format.extension().to_uppercase(), &[format.extension()]);
                    if let Some(dir) = path.parent().filter(|d| d.is_dir()) {
                        picker = picker.set_directory(dir);
                    }
                    if let Some(name) = path.file_name() {
                        picker = picker.set_file_name(name.to_string_lossy());
                    }
                    if let Some(chosen) = picker.save_file() {
                        let _ = tx.send(Picked::ReviewFile(chosen));
                        ctx.request_repaint();
                    }
                });
            }
            Action::StartReview => {
                let Some(dialog) = &mut self.panels.review_dialog else { return };
                let Some(options) = dialog.current_options() else { return };
                let path = PathBuf::from(dialog.path.trim());
                let path =
                    if path.extension().is_none() { path.with_extension(dialog.format.extension()) } else { path };
                dialog.path = path.display().to_string();
                let settings = &mut self.state.settings;
                settings.review = ReviewSettings {
                    organisation: options.organisation.clone(),
                    group_by: options.group_by,
                    words: options.words,
                    paper: options.paper,
                    pictures: options.pictures,
                    format: dialog.format,
                    last_dir: path.parent().map(PathBuf::from),
                };
                let cancel = Arc::new(AtomicBool::new(false));
                dialog.running = Some((0, 0, Arc::clone(&cancel)));
                dialog.finished = None;
                dialog.error = None;
                let request =
                    Request::Review { source: dialog.source.clone(), options, format: dialog.format, path, cancel };
                self.send(request);
            }
            Action::CancelReview => {
                if let Some((_, _, cancel)) = self.panels.review_dialog.as_ref().and_then(|d| d.running.as_ref()) {
                    cancel.store(true, Ordering::Relaxed);
                }
            }
            Action::CloseReviewDialog => {
                if let Some(dialog) = self.panels.review_dialog.take() {
                    for cancel in dialog.preview_cancel.iter().chain(dialog.running.as_ref().map(|r| &r.2)) {
                        cancel.store(true, Ordering::Relaxed);
                    }
                }
            }
            Action::OpenFolder(dir) => open_with_system(dir),
            Action::Sort(column) => {
                self.state.sort = match self.state.sort {
                    Some((c, asc)) if c == column => Some((c, !asc)),
                    _ => Some((column, column != SortColumn::Date)),
                };
                self.apply_sort();
            }
            Action::LoadImage(id, max_side_px) => self.send(Request::LoadImage { id, max_side_px }),
            Action::DismissToast(i) => {
                if i < self.state.toasts.len() {
                    self.state.toasts.remove(i);
                }
            }
            Action::ShowError(message) => self.toast(message, None, true),
            Action::Retry => {
                self.state.status = Status::Opening;
                self.in_flight = 0;
                self.worker = worker::spawn(self.archive_dir.clone(), ctx.clone());
            }
        }
    }

    /// A click on the result at `index`: Shift extends from the anchor, Ctrl (Cmd) toggles.
    fn click(&mut self, index: usize, modifiers: Modifiers) {
        let Some(id) = self.state.results.get(index).map(|e| e.id()) else { return };
        let selection = &mut self.state.selection;
        if modifiers.shift {
            let from = self.anchor.unwrap_or(index);
            let (lo, hi) = (from.min(index), from.max(index));
            if !modifiers.command {
                selection.clear();
            }
            for e in self.state.results.get(lo..=hi).unwrap_or_default() {
                selection.insert(e.id());
            }
        } else if modifiers.command {
            if !selection.remove(&id) {
                selection.insert(id);
            }
            self.anchor = Some(index);
        } else {
            *selection = BTreeSet::from([id]);
            self.anchor = Some(index);
        }
        self.state.cursor = Some(index);
        self.sync_detail();
    }

    /// Sends a change to the worker. Changes that take clippings out of view clear the
    /// selection first.
    fn edit(&mut self, edit: Edit, is_undo: bool) {
        match &edit {
            Edit::Trash(ids) | Edit::Restore(ids) if ids.is_empty() => return,
            Edit::AddTag { ids, .. } | Edit::RemoveTag { ids, .. } if ids.is_empty() => return,
            Edit::Trash(_) | Edit::Restore(_) | Edit::EmptyTrash => {
                self.state.selection.clear();
                self.sync_detail();
            }
            Edit::AcceptCountriesOnImport(on) => self.state.accept_countries_on_import = *on,
            _ => {}
        }
        self.send(Request::Edit { edit, is_undo });
    }

    fn start_import(&mut self, n_files: usize, cancel: Arc<AtomicBool>) {
        self.state.import = Some(ImportRun { n_done: 0, n_files, current: None, cancel });
        self.state.import_report = None;
    }
}

impl ClippingsApp {
    /// Opens the press review dialog with the remembered choices.
    fn open_review(&mut self, saved: Option<String>) {
        let remembered = &self.state.settings.review;
        let mut options = crate::review::ReviewOptions {
            organisation: remembered.organisation.clone(),
            group_by: remembered.group_by,
            words: remembered.words,
            paper: remembered.paper,
            pictures: remembered.pictures,
            ..Default::default()
        };
        let (source, describe) = match saved.and_then(|name| self.state.saved.iter().find(|s| s.search.name == name)) {
            Some(found) => {
                options.title = format!("{}: {}", t!("review-default-title"), found.search.name);
                (
                    worker::ReviewSource::Query(found.search.query.clone()),
                    t!("review-of-saved", name = found.search.name.clone(), what = crate::ui::n_clippings(found.n)),
                )
            }
            None => {
                let ids = self.selection_or_results();
                let what = crate::ui::n_clippings(ids.len());
                (worker::ReviewSource::Ids(ids), t!("review-of-clippings", what = what))
            }
        };
        let format = remembered.format;
        let dir = remembered
            .last_dir
            .clone()
            .or_else(|| directories::UserDirs::new().and_then(|u| u.document_dir().map(PathBuf::from)))
            .or_else(|| directories::UserDirs::new().map(|u| u.home_dir().to_path_buf()))
            .unwrap_or_default();
        let today = chrono::Local::now().date_naive();
        let name = crate::export::sanitize_file_name(&format!("{} {today}", t!("review-default-title")), 80, "review");
        let path = dir.join(format!("{name}.{}", format.extension())).display().to_string();
        self.panels.review_dialog =
            Some(crate::ui::panels::review::ReviewDialog::new(source, describe, options, format, path));
    }

    /// Asks for a new preview once the review dialog's fields have rested a moment.
    pub(super) fn review_tick(&mut self, ctx: &egui::Context) {
        const REST: std::time::Duration = std::time::Duration::from_millis(350);
        let Some(dialog) = &mut self.panels.review_dialog else { return };
        let Some(changed_at) = dialog.changed_at else { return };
        if changed_at.elapsed() < REST {
            ctx.request_repaint_after(REST);
            return;
        }
        let Some(options) = dialog.current_options() else {
            dialog.changed_at = None;
            return;
        };
        if let Some(old) = dialog.preview_cancel.take() {
            old.store(true, Ordering::Relaxed);
        }
        let cancel = Arc::new(AtomicBool::new(false));
        dialog.preview_generation += 1;
        dialog.preview_cancel = Some(Arc::clone(&cancel));
        dialog.changed_at = None;
        dialog.waiting = true;
        let request = Request::ReviewPreview {
            generation: dialog.preview_generation,
            source: dialog.source.clone(),
            options,
            cancel,
        };
        self.send(request);
    }
}
