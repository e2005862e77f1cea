//! Taking in what the worker and the file dialogs answered since the last frame.

use super::{ClippingsApp, Picked};
use crate::archive::ClippingId;
use crate::t;
use crate::ui::state::Status;
use crate::ui::worker::{Edit, Reply, Request, RequestKind};

impl ClippingsApp {
    /// Takes in what the worker and the dialogs sent since the last frame.
    pub fn handle_replies(&mut self, ctx: &egui::Context) {
        while let Ok(reply) = self.worker.rx.try_recv() {
            self.handle_reply(ctx, reply);
        }
        while let Ok(picked) = self.picked.1.try_recv() {
            match picked {
                Picked::ImportPaths(paths) => self.apply(ctx, super::Action::Import(super::ImportAction::Files(paths))),
                Picked::NoFileDialog => self.panels.path_prompt = Some(String::new()),
                Picked::TypeInTheField => self.toast(t!("path-type-in-field"), None, true),
                Picked::ExportFolder(dir) => {
                    if let Some(dialog) = &mut self.panels.export_dialog {
                        dialog.folder_chosen(&dir);
                    }
                }
                Picked::ReviewFile(path) => {
                    if let Some(dialog) = &mut self.panels.review_dialog {
                        dialog.file_chosen(&path);
                    }
                }
                Picked::NotShown(path, error) => {
                    let message = t!("show-in-folder-failed", path = path.display().to_string(), error = error);
                    self.toast(message, None, true);
                }
            }
        }
    }

    pub fn handle_reply(&mut self, ctx: &egui::Context, reply: Reply) {
        match reply {
            Reply::Handled => self.in_flight = self.in_flight.saturating_sub(1),
            Reply::Opened { root, place, may_change, n_clippings, n_index_pending, accept_countries_on_import } => {
                self.state.archive_label = place;
                self.state.may_change = may_change;
                self.state.accept_countries_on_import = accept_countries_on_import;
                self.state.indexing = (n_index_pending > 0).then_some((0, n_index_pending));
                self.thumbs.set_archive_root(&root);
                self.state.status = Status::Ready { root };
                self.state.n_total = n_clippings;
                self.search();
            }
            Reply::OpenFailed { message, locked, asks_password } => {
                self.state.status = Status::Failed { message, locked, asks_password };
                if self.locked_retry == super::LockedRetry::Trying {
                    self.locked_retry = super::LockedRetry::FailedAt(std::time::Instant::now());
                }
            }
            reply @ Reply::Results { .. } => self.results_came(reply),
            Reply::WholeTexts { ask, clippings } => self.whole_texts_came(ask, clippings),
            Reply::AllTags(tags) => self.state.all_tags = tags,
            Reply::Clipboard { text, n } => {
                ctx.copy_text(text);
                self.toast(t!("copied-text", n = n), None, false);
            }
            Reply::OriginalAt { path, in_folder: false } => self.open_with_system(&path),
            Reply::OriginalAt { path, in_folder: true } => self.show_in_folder(ctx, path),
            Reply::SavedSearches(saved) => self.state.saved = saved,
            Reply::Detail(item) => self.panels.detail.replace(*item),
            Reply::Leads(leads) => self.leads_came(ctx, leads),
            Reply::Suggestions { id, suggestions } => self.panels.detail.set_suggestions(id, suggestions),
            Reply::Image { id, image } => {
                let texture = ctx.load_texture(format!("photo-{id}"), image, egui::TextureOptions::LINEAR);
                self.panels.detail.set_image(id, texture);
            }
            Reply::ImportStarted { n_files } => {
                if let Some(run) = &mut self.state.import {
                    run.n_files = n_files;
                }
            }
            Reply::ImportProgress { n_done, n_files, current } => {
                if let Some(run) = &mut self.state.import {
                    run.n_done = n_done;
                    run.n_files = n_files;
                    run.current = Some(current);
                }
            }
            Reply::ImportFinished(report) => {
                self.state.import = None;
                self.select_when_shown = report.imported_ids();
                self.state.import_report = Some(report);
                self.search();
            }
            Reply::ScansStarted { .. } | Reply::ScanProgress { .. } | Reply::ScansFinished(_) => {
                self.handle_scan_reply(reply)
            }
            Reply::Indexing { n_done, n_total } => self.state.indexing = Some((n_done, n_total)),
            Reply::IndexingFinished => self.state.indexing = None,
            Reply::Mail(status) => self.state.mail = Some(status),
            Reply::Rules(reply) => {
                if let Some(dialog) = &mut self.panels.rules_dialog {
                    dialog.answered(reply);
                }
            }
            Reply::TeamServer(_) | Reply::Stale { .. } | Reply::History { .. } => self.handle_team_reply(reply),
            Reply::LargeEdit(what) => self.state.large_edit = what,
            Reply::ExportProgress { n_done, n_total } => {
                if let Some(run) = &mut self.state.export {
                    run.n_done = n_done;
                    run.n_total = n_total;
                }
            }
            Reply::ExportFinished(report) => {
                self.state.export = None;
                self.state.export_report = Some(report);
            }
            Reply::ReviewPreview(_)
            | Reply::ReviewPreviewFailed { .. }
            | Reply::ReviewProgress { .. }
            | Reply::ReviewFinished { .. } => self.handle_review_reply(reply),
            Reply::Changed { message, undo } => self.changed(message, undo),
            Reply::Failed { request, message } => {
                // Only the import's or the export's own failure ends it: a failed search or
                // edit meanwhile leaves them running.
                match request {
                    RequestKind::Import => self.state.import = None,
                    RequestKind::Export => self.state.export = None,
                    RequestKind::Review => {
                        if let Some(dialog) = &mut self.panels.review_dialog {
                            return dialog.failed(message);
                        }
                    }
                    RequestKind::Image => self.panels.detail.image_failed(),
                    _ => {}
                }
                self.toast(message, None, true);
            }
        }
    }

    /// Keeps the selection to what the results show; after an import, selects what it brought
    /// in once it shows.
    fn select_what_is_shown(&mut self) {
        let state = &mut self.state;
        state.cursor = state.cursor.filter(|&c| c < state.results.len());
        if state.selection.is_empty() && self.select_when_shown.is_empty() {
            return;
        }
        // One bit per id shown: sets of a million selected and shown ids, hashed, took half a
        // second of the window's thread after each search.
        let ids: Vec<u64> = state.results.iter().map(|e| e.id().0).collect();
        let shown = crate::search::tags::IdBits::of(&ids);
        let shown = |id: &ClippingId| shown.contains(id.0);
        if !self.select_when_shown.is_empty() {
            let wanted: Vec<ClippingId> = self.select_when_shown.iter().copied().filter(|id| shown(id)).collect();
            if !wanted.is_empty() {
                // One clipping selected for the user (the next after a Delete) is where the
                // keyboard goes on from.
                if let [one] = wanted.as_slice() {
                    state.cursor = state.results.iter().position(|e| e.id() == *one);
                }
                state.selection = wanted.into_iter().collect();
                self.select_when_shown.retain(|id| !state.selection.contains(id));
            }
        }
        state.selection.retain(shown);
    }
}

impl ClippingsApp {
    /// New results in place of the old, which are let go of on a thread of their own when
    /// they are many, or when the stories were made again (after an edit: the old ones may be
    /// the whole archive's, however few the results).
    fn take_results(
        &mut self,
        entries: std::sync::Arc<Vec<std::sync::Arc<crate::archive::catalog::Entry>>>,
        reprints: std::sync::Arc<crate::ui::worker::Stories>,
        folded: std::sync::Arc<crate::archive::browse::Folded>,
    ) {
        let old = (
            std::mem::replace(&mut self.state.results, entries),
            std::mem::replace(&mut self.state.reprints, reprints),
            std::mem::replace(&mut self.state.folded, folded),
        );
        let stories_made_again = !std::sync::Arc::ptr_eq(&old.1, &self.state.reprints);
        if old.0.len() > LET_GO_APART_ABOVE || stories_made_again {
            let_go_apart(old);
        }
    }

    /// The results of a search, with their tag counts; those of a search overtaken since are
    /// not shown (the counts of the whole archive are taken from them all the same).
    fn results_came(&mut self, reply: Reply) {
        let Reply::Results { generation, entries, reprints, folded, tag_counts, n_total, n_trashed, n_inbox, texts } =
            reply
        else {
            return;
        };
        self.state.n_trashed = n_trashed;
        self.state.n_inbox = n_inbox;
        if generation != self.generation {
            return;
        }
        self.texts_pending = texts;
        self.take_results(entries, reprints, folded);
        self.apply_sort();
        self.state.tag_counts = tag_counts;
        self.state.n_total = n_total;
        self.select_what_is_shown();
        // The pane shows the clipping as the catalog now has it: tags just added or
        // accepted appear at once. (The fields being edited are kept.)
        if let Some(id) = self.panels.detail.shown_id()
            && let Some(entry) = self.state.results.iter().find(|e| e.id() == id)
        {
            self.panels.detail.update_from(&entry.card, entry.tags());
        }
        self.sync_detail();
    }

    /// The whole texts of the first results shown: their entries take them, and their snippets
    /// are made again from them. Those of results shown before are not taken.
    fn whole_texts_came(&mut self, ask: u64, clippings: Vec<crate::vocab::model::Clipping>) {
        if self.texts_pending != Some(ask) {
            return;
        }
        self.texts_pending = None;
        let mut by_id: std::collections::HashMap<ClippingId, crate::vocab::model::Clipping> =
            clippings.into_iter().map(|c| (c.id, c)).collect();
        let results = std::sync::Arc::make_mut(&mut self.state.results);
        // They are the first results, unless the list was sorted by a column since.
        for entry in results.iter_mut() {
            if by_id.is_empty() {
                break;
            }
            if let Some(clipping) = by_id.remove(&entry.id()) {
                self.matches.forget(entry.id());
                *entry = std::sync::Arc::new(entry.completed(clipping));
            }
        }
    }

    fn leads_came(&mut self, ctx: &egui::Context, leads: Vec<(ClippingId, String)>) {
        self.leads.arrived(leads);
        ctx.request_repaint();
    }

    /// A change went through: its toast, and its undo kept.
    fn changed(&mut self, message: String, undo: Option<Edit>) {
        // A text may have been edited: the cards read theirs again.
        self.leads.clear();
        if let Some(u) = &undo {
            self.undo_stack.push(u.clone());
        }
        self.toast(message, undo, false);
    }

    /// The press review dialog's preview and run.
    fn handle_review_reply(&mut self, reply: Reply) {
        match reply {
            Reply::ReviewPreview(preview) => {
                if let Some(dialog) = &mut self.panels.review_dialog {
                    dialog.preview_came(*preview);
                }
            }
            Reply::ReviewPreviewFailed { generation, message } => {
                if let Some(dialog) = &mut self.panels.review_dialog {
                    dialog.preview_failed(generation, message);
                }
            }
            Reply::ReviewProgress { n_done, n_total } => {
                if let Some(dialog) = &mut self.panels.review_dialog {
                    dialog.progress(n_done, n_total);
                }
            }
            Reply::ReviewFinished { path, n_stories } => {
                if let Some(dialog) = &mut self.panels.review_dialog {
                    dialog.finished(path, n_stories);
                }
            }
            _ => {}
        }
    }

    /// What only a team archive answers: its server gone or back, an edit someone else's
    /// overtook, who changed a clipping.
    fn handle_team_reply(&mut self, reply: Reply) {
        match reply {
            Reply::TeamServer(unreachable) => self.state.team_unreachable = unreachable,
            Reply::Stale { mine, newer } => self.panels.detail.stale(*mine, *newer),
            Reply::History { id, changes } => self.panels.detail.set_history(id, changes),
            _ => {}
        }
    }

    /// The reading of scans after an import: its progress in the status bar, a toast at its end
    /// (and, once a run, why pictures stay pictures when tesseract is missing).
    fn handle_scan_reply(&mut self, reply: Reply) {
        // A page read as text has a text now: the cards read theirs again.
        self.leads.clear();
        match reply {
            Reply::ScansStarted { n_total, cancel } => {
                self.state.scans = Some(crate::ui::state::ExportRun { n_done: 0, n_total, cancel });
            }
            Reply::ScanProgress { id, n_done, n_total } => {
                if let Some(run) = &mut self.state.scans {
                    run.n_done = n_done;
                    run.n_total = n_total;
                }
                // The clipping shown was read: its pane shows its text now (after the
                // refresh that went to the worker before this reply).
                if self.panels.detail.shown_id() == Some(id) {
                    self.send(Request::Load(id));
                }
            }
            Reply::ScansFinished(result) => {
                self.state.scans = None;
                match result {
                    Ok(report) if !report.read.is_empty() || !report.failed.is_empty() => {
                        let mut text = t!("scans-read", n = report.read.len());
                        if !report.failed.is_empty() {
                            let (_, why) = &report.failed[0];
                            text = format!(
                                "{text} {}",
                                t!("scans-failed", n = report.failed.len(), reason = why.as_str())
                            );
                        }
                        self.toast(text, None, !report.failed.is_empty());
                    }
                    Ok(_) => {}
                    Err(why) if !self.state.ocr_missing_said => {
                        self.state.ocr_missing_said = true;
                        self.toast(t!("scans-unreadable", reason = why), None, true);
                    }
                    Err(_) => {}
                }
                self.search();
            }
            _ => {}
        }
    }
}

/// Results of more cards than this are let go of on a thread of their own when new ones come,
/// as are stories made again. The window often holds the last reference to them: after a tag
/// put on a million clippings, letting go of the stories made before it took a quarter of a
/// second of the window's thread.
const LET_GO_APART_ABOVE: usize = 10_000;

/// Drops `old` on a thread of its own (here, if no thread can be started).
fn let_go_apart<T: Send + 'static>(old: T) {
    let _ = std::thread::Builder::new().name("let-go".into()).spawn(move || drop(old));
}
