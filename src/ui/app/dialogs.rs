//! What the app does for the dialogs that move clippings in and out: importing (files,
//! folders, a paste), exporting to a folder, and making a press review.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{ClippingsApp, Picked};
use crate::import::formats;
use crate::review::ReviewOptions;
use crate::t;
use crate::ui::app::actions::{ExportAction, ImportAction, ReviewAction, RulesAction};
use crate::ui::panels::overlays::ExportDialog;
use crate::ui::panels::rules::RulesDialog;
use crate::ui::platform::spawn_dialog;
use crate::ui::state::{ExportRun, ImportRun, ReviewSettings};
use crate::ui::worker::{self, Pasted, Request, RulesRequest};

impl ClippingsApp {
    pub(super) fn apply_import(&mut self, ctx: &egui::Context, action: ImportAction) {
        let imports = !matches!(action, ImportAction::Cancel | ImportAction::CancelScans);
        if let Some(why) = self.read_only_reason().filter(|_| imports) {
            return self.toast(why, None, true);
        }
        match action {
            ImportAction::Files(paths) => {
                if paths.is_empty() || self.state.import.is_some() || !self.state.is_ready() {
                    return;
                }
                // An address given where a file goes (`clippings-window https://…`) is fetched,
                // as the command line's import does.
                let (addresses, paths): (Vec<PathBuf>, Vec<PathBuf>) =
                    paths.into_iter().partition(|p| crate::vocab::address::is_address_argument(p));
                let addresses: Vec<String> = addresses.iter().map(|p| p.to_string_lossy().into_owned()).collect();
                let cancel = Arc::new(AtomicBool::new(false));
                self.start_import(addresses.len(), Arc::clone(&cancel));
                self.send(Request::Import { paths, addresses, cancel });
            }
            ImportAction::CheckMail => self.send(Request::CheckMail),
            ImportAction::Addresses(addresses) => {
                if addresses.is_empty() || !self.state.is_ready() {
                    return;
                }
                if self.state.import.is_some() {
                    return self.toast(t!("paste-wait"), None, true);
                }
                let cancel = Arc::new(AtomicBool::new(false));
                self.start_import(addresses.len(), Arc::clone(&cancel));
                self.send(Request::Import { paths: Vec::new(), addresses, cancel });
            }
            // Pasted links (one a line, nothing else) are pages to fetch, not an article.
            ImportAction::PasteText(text) if addresses_in(&text).is_some() => {
                let addresses = addresses_in(&text).unwrap_or_default();
                self.apply_import(ctx, ImportAction::Addresses(addresses));
            }
            ImportAction::PasteText(_) | ImportAction::PasteImage(_) => self.paste(action),
            ImportAction::PickFiles | ImportAction::PickFolder => {
                let folder = matches!(action, ImportAction::PickFolder);
                let tx = self.picked.0.clone();
                let ctx = ctx.clone();
                let (title, filter, all) =
                    (t!("dialog-import-title"), t!("dialog-filter-supported"), t!("dialog-filter-all"));
                spawn_dialog(move || {
                    if !crate::ui::platform::file_dialog_available() {
                        let _ = tx.send(Picked::NoFileDialog);
                        return ctx.request_repaint();
                    }
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
            ImportAction::Cancel => {
                if let Some(run) = &self.state.import {
                    run.cancel.store(true, Ordering::Relaxed);
                }
            }
            ImportAction::CancelScans => {
                if let Some(run) = &self.state.scans {
                    run.cancel.store(true, Ordering::Relaxed);
                }
            }
            ImportAction::CloseReport => self.state.import_report = None,
            ImportAction::TypedPaths(text) => {
                let paths: Vec<PathBuf> = text
                    .lines()
                    .map(|l| l.trim().trim_matches(|c| matches!(c, '\u{22}' | '\u{27}')))
                    .filter(|l| !l.is_empty())
                    .map(|l| PathBuf::from(l.strip_prefix("file://").unwrap_or(l)))
                    .collect();
                match paths.iter().find(|p| !p.exists()) {
                    Some(missing) => {
                        self.toast(t!("path-prompt-missing", path = missing.display().to_string()), None, true)
                    }
                    None => {
                        self.panels.path_prompt = None;
                        self.apply_import(ctx, ImportAction::Files(paths));
                    }
                }
            }
            ImportAction::ClosePathPrompt => self.panels.path_prompt = None,
            ImportAction::OpenLinkPrompt => self.panels.link_prompt = Some(String::new()),
            ImportAction::CloseLinkPrompt => self.panels.link_prompt = None,
            ImportAction::TypedLinks(text) => {
                let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
                match lines.iter().find(|l| !crate::vocab::address::is_address(l)) {
                    Some(bad) => self.toast(t!("link-prompt-not-an-address", text = (*bad).to_owned()), None, true),
                    None => {
                        self.panels.link_prompt = None;
                        let addresses = lines.into_iter().map(str::to_owned).collect();
                        self.apply_import(ctx, ImportAction::Addresses(addresses));
                    }
                }
            }
        }
    }

    /// A paste is an import of one item, with the same progress and report.
    fn paste(&mut self, action: ImportAction) {
        if self.state.import.is_some() || !self.state.is_ready() {
            self.toast(t!("paste-wait"), None, true);
            return;
        }
        let stamp = chrono::Local::now().format("%Y-%m-%d %H-%M-%S").to_string();
        let name = t!("pasted-name", stamp = stamp);
        let pasted = match action {
            ImportAction::PasteText(text) => Pasted::Text { name: format!("{name}.txt"), text },
            ImportAction::PasteImage(image) => Pasted::Image { name: format!("{name}.png"), image },
            _ => return,
        };
        self.start_import(1, Arc::new(AtomicBool::new(false)));
        self.send(Request::Paste(pasted));
    }

    fn start_import(&mut self, n_files: usize, cancel: Arc<AtomicBool>) {
        self.state.import = Some(ImportRun { n_done: 0, n_files, current: None, cancel });
        self.state.import_report = None;
    }

    pub(super) fn apply_export(&mut self, ctx: &egui::Context, action: ExportAction) {
        match action {
            ExportAction::Open => {
                let ids = self.selection_or_results();
                let settings = &self.state.settings;
                let dest = settings.last_export_dir.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
                self.state.export_report = None;
                self.panels.export_dialog = Some(ExportDialog { ids, dest, options: settings.export });
            }
            ExportAction::PickFolder => {
                let tx = self.picked.0.clone();
                let ctx = ctx.clone();
                let start = self.state.settings.last_export_dir.clone();
                let title = t!("dialog-export-title");
                spawn_dialog(move || {
                    if !crate::ui::platform::file_dialog_available() {
                        let _ = tx.send(Picked::TypeInTheField);
                        return ctx.request_repaint();
                    }
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
            ExportAction::Start => {
                let Some(dialog) = self.panels.export_dialog.take() else { return };
                let dest = PathBuf::from(dialog.dest.trim());
                self.state.settings.last_export_dir = Some(dest.clone());
                self.state.settings.export = dialog.options;
                let cancel = Arc::new(AtomicBool::new(false));
                self.state.export =
                    Some(ExportRun { n_done: 0, n_total: dialog.ids.len(), cancel: Arc::clone(&cancel) });
                self.send(Request::Export { ids: dialog.ids, dest, options: dialog.options, cancel });
            }
            ExportAction::CloseDialog => self.panels.export_dialog = None,
            ExportAction::Cancel => {
                if let Some(run) = &self.state.export {
                    run.cancel.store(true, Ordering::Relaxed);
                }
            }
            ExportAction::CloseReport => self.state.export_report = None,
        }
    }

    pub(super) fn apply_review(&mut self, ctx: &egui::Context, action: ReviewAction) {
        match action {
            ReviewAction::Open(saved) => self.open_review(saved),
            ReviewAction::PickFile => {
                let Some(dialog) = &self.panels.review_dialog else { return };
                let tx = self.picked.0.clone();
                let ctx = ctx.clone();
                let (path, format) = dialog.file();
                let title = t!("dialog-review-title");
                spawn_dialog(move || {
                    if !crate::ui::platform::file_dialog_available() {
                        let _ = tx.send(Picked::TypeInTheField);
                        return ctx.request_repaint();
                    }
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
            ReviewAction::Start => self.start_review(),
            ReviewAction::Cancel => {
                if let Some(dialog) = &self.panels.review_dialog {
                    dialog.cancel_run();
                }
            }
            ReviewAction::CloseDialog => {
                if let Some(dialog) = self.panels.review_dialog.take() {
                    dialog.cancel_all();
                }
            }
        }
    }

    /// Makes the review the dialog describes, and remembers its choices for the next one.
    fn start_review(&mut self) {
        let Some(dialog) = &mut self.panels.review_dialog else { return };
        let Some(options) = dialog.current_options() else { return };
        let (path, format) = dialog.target();
        self.state.settings.review =
            ReviewSettings { options: options.clone(), format, last_dir: path.parent().map(PathBuf::from) };
        let cancel = Arc::new(AtomicBool::new(false));
        dialog.started(Arc::clone(&cancel));
        let request = Request::Review { source: dialog.source().clone(), options, format, path, cancel };
        self.send(request);
    }

    /// Opens the press review dialog with the remembered choices.
    fn open_review(&mut self, saved: Option<String>) {
        let remembered = &self.state.settings.review;
        // The title and the period are each review's own.
        let mut options = ReviewOptions { title: String::new(), from: None, to: None, ..remembered.options.clone() };
        // What the review can be of, each with its count: the selection (of two or more),
        // all the results, and each saved search. One card selected, as after opening a saved
        // search, is no reason to make a review of one: the results come first then.
        let selected = self.state.selected_ids();
        let results = self.state.result_ids();
        let mut scopes = Vec::new();
        if !selected.is_empty() {
            let what = crate::ui::n_clippings(selected.len());
            scopes.push((t!("review-of-selection", what = what), worker::ReviewSource::Ids(selected.clone())));
        }
        let what = crate::ui::n_clippings(results.len());
        scopes.push((t!("review-of-results", what = what), worker::ReviewSource::Ids(results)));
        let n_before_saved = scopes.len();
        for found in &self.state.saved {
            let what = crate::ui::n_clippings(found.n);
            let describe = t!("review-of-saved", name = found.search.name.clone(), what = what);
            scopes.push((describe, worker::ReviewSource::Query(found.search.query.clone())));
        }
        let chosen = match saved.and_then(|name| self.state.saved.iter().position(|s| s.search.name == name)) {
            Some(i) => {
                let name = &self.state.saved[i].search.name;
                options.title = format!("{}: {}", t!("review-default-title"), name);
                n_before_saved + i
            }
            None if selected.len() >= 2 => 0,
            None => n_before_saved - 1,
        };
        let Some((describe, source)) = scopes.get(chosen).cloned() else { return };
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
        let dialog = crate::ui::panels::review::ReviewDialog::new(source, describe, options, format, path);
        self.panels.review_dialog = Some(dialog.with_scopes(scopes, chosen));
    }

    /// Asks for a new preview once the review dialog's fields have rested a moment.
    pub(super) fn review_tick(&mut self, ctx: &egui::Context) {
        const REST: std::time::Duration = std::time::Duration::from_millis(350);
        let Some(dialog) = &mut self.panels.review_dialog else { return };
        let Some(changed_at) = dialog.changed_at() else { return };
        if changed_at.elapsed() < REST {
            ctx.request_repaint_after(REST);
            return;
        }
        let Some(options) = dialog.current_options() else {
            dialog.settle();
            return;
        };
        let cancel = Arc::new(AtomicBool::new(false));
        let generation = dialog.preview_asked(Arc::clone(&cancel));
        let request = Request::ReviewPreview { generation, source: dialog.source().clone(), options, cancel };
        self.send(request);
    }
}

/// The addresses of a text that holds only web addresses, a line each (a link copied from the
/// browser, or several); `None` for any other text.
fn addresses_in(text: &str) -> Option<Vec<String>> {
    let lines: Vec<String> = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
    (!lines.is_empty() && lines.iter().all(|l| crate::vocab::address::is_address(l))).then_some(lines)
}

impl ClippingsApp {
    /// Import › Rules…: opened with the list asked for, closed, or a question sent on.
    pub(super) fn apply_rules(&mut self, action: RulesAction) {
        match action {
            RulesAction::Open => {
                self.panels.rules_dialog = Some(RulesDialog::default());
                self.send(Request::Rules(RulesRequest::List));
            }
            RulesAction::Close => self.panels.rules_dialog = None,
            RulesAction::Ask(request) => {
                let changes = !matches!(request, RulesRequest::List | RulesRequest::Count(_));
                if changes && let Some(why) = self.read_only_reason() {
                    return self.toast(why, None, true);
                }
                self.send(Request::Rules(request));
            }
        }
    }
}
