//! What a panel may ask for, and how the app does it. Panels record [`Action`]s while they draw;
//! the app applies them after the frame is drawn. Changes to the archive are [`Edit`]s, sent
//! to the worker as they are.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use egui::Modifiers;

use super::ClippingsApp;
use crate::archive::{ClippingId, Kind, Tag};
use crate::i18n::Lang;
use crate::search::query::Sort;
use crate::search::query::{Query, Relative};
use crate::t;
use crate::ui::state::{SortColumn, Status, View};
use crate::ui::worker::{self, Edit, Request};

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
    /// The original of this clipping, in the program the system opens it with.
    OpenOriginalOf(ClippingId),
    /// The original of this clipping, shown in the system's file manager.
    ShowInFolder(ClippingId),
    /// The selection's whole text to the clipboard.
    CopyText,
    /// The selection's headlines, outlets and dates to the clipboard, a line each.
    CopyReferences,
    /// Reads the text of these photos and scans (again): those imported before tesseract was
    /// installed, or read in other languages.
    ReadText(Vec<ClippingId>),
    /// A clipping's web address to the clipboard.
    CopyAddress(String),
    /// The keyboard to the pane's tag field (for the selection).
    FocusTagField,
    /// The search box's text set from elsewhere (a click on the coverage view), and searched.
    SetSearchText(String),
    /// A list column dragged to a width, kept for the next runs.
    SetListWidth(SortColumn, f32),
    /// A language for the window, or `None` for the system's.
    SetLanguage(Option<Lang>),
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
    /// A change of the sidebar's filters.
    Filter(FilterAction),
    /// A change to the archive: tags, fields, suggestions, restoring.
    Edit(Edit),
    /// Move the selection to the trash (asking first when it is more than a few).
    Trash,
    /// Take the selection out of the inbox: looked at (D).
    MarkDone,
    /// The answer to "move these to the trash?".
    ConfirmTrash(bool),
    EmptyTrash,
    Undo,
    /// Undo one particular change (from its toast), wherever it is in the undo stack: the
    /// edit that takes it back.
    UndoChange(Edit),
    Import(ImportAction),
    Export(ExportAction),
    Review(ReviewAction),
    /// Open a file or folder with the desktop's application for it.
    OpenFolder(PathBuf),
    Sort(SortColumn),
    Retry,
    /// Connect to a team archive with this password, typed when it asked for one, and keep it in
    /// the system keyring if `remember`.
    Connect {
        password: String,
        remember: bool,
    },
    LoadImage(ClippingId, u32),
    DismissToast(usize),
    /// Tell the user something went wrong (a tag that cannot be made, say).
    ShowError(String),
    Rules(RulesAction),
}

/// The sidebar's filters, on top of what is typed.
#[derive(Debug, Clone)]
pub enum FilterAction {
    ToggleTag(Tag),
    SetKind(Option<Kind>),
    SetImported(Option<Relative>),
    ShowTrash(bool),
    /// Only the inbox (on), or everything again.
    ShowInbox(bool),
    Clear,
}

/// Bringing clippings in: files, folders, a paste.
#[derive(Debug, Clone)]
pub enum ImportAction {
    Files(Vec<PathBuf>),
    /// Pages by their addresses (a pasted link, a line each): fetched and imported.
    Addresses(Vec<String>),
    /// Checks the archive's mailboxes now.
    CheckMail,
    /// Opens the field where addresses are typed or pasted (Import › Links…).
    OpenLinkPrompt,
    /// The addresses typed there, a line each.
    TypedLinks(String),
    CloseLinkPrompt,
    /// Stops reading the scans just imported as text; those read so far keep their text.
    CancelScans,
    PickFiles,
    PickFolder,
    /// Paths typed where no file dialog could be shown, a line each.
    TypedPaths(String),
    ClosePathPrompt,
    PasteText(String),
    PasteImage(Arc<egui::ColorImage>),
    Cancel,
    CloseReport,
}

/// The export dialog and its run.
#[derive(Debug, Clone)]
pub enum ExportAction {
    Open,
    PickFolder,
    Start,
    CloseDialog,
    Cancel,
    CloseReport,
}

/// The Rules dialog (Import › Rules…).
#[derive(Debug, Clone)]
pub enum RulesAction {
    Open,
    Close,
    /// Asks the worker: the list, a count as a query is typed, a rule saved, removed or run.
    Ask(crate::ui::worker::RulesRequest),
}

/// The press review dialog and its run.
#[derive(Debug, Clone)]
pub enum ReviewAction {
    /// Open the dialog for the selection (or the results), or for what a saved search finds
    /// (by name).
    Open(Option<String>),
    PickFile,
    Start,
    Cancel,
    CloseDialog,
}

/// A clipping as one line of a list of references: headline — outlet, date.
fn reference_line(c: &crate::archive::card::Card) -> String {
    let by = crate::ui::byline(c.source(), c.published.or_else(|| c.captured_at().map(|t| t.date())));
    if by.is_empty() { c.title().to_owned() } else { format!("{} — {by}", c.title()) }
}

/// How many clippings go to the trash without a question.
const TRASH_WITHOUT_ASKING: usize = 5;

impl ClippingsApp {
    /// Opens a file or folder with the desktop's program for it, or says why it cannot.
    pub(super) fn open_with_system(&mut self, path: &std::path::Path) {
        if let Err(e) = crate::ui::platform::open_with_system(path) {
            let message = t!("open-with-system-failed", path = path.display().to_string(), error = e.to_string());
            self.toast(message, None, true);
        }
    }

    /// Shows a file selected in the system's file manager, or says why it cannot.
    pub(super) fn show_in_folder(&mut self, ctx: &egui::Context, path: PathBuf) {
        let (tx, ctx) = (self.picked.0.clone(), ctx.clone());
        let shown = path.clone();
        crate::ui::platform::show_in_folder(path, move |e| {
            let _ = tx.send(super::Picked::NotShown(shown, e.to_string()));
            ctx.request_repaint();
        });
    }

    /// Moves clippings to the trash and selects the one after them (or before, at the end), as
    /// a file manager does: Delete, Delete, Delete clears several in a row.
    fn trash(&mut self, ids: Vec<crate::archive::ClippingId>) {
        self.select_next_after(&ids);
        self.edit(Edit::Trash(ids), false);
    }

    /// Selects, once the results come again, the clipping after these (or before them, at the
    /// end): they are leaving the view.
    fn select_next_after(&mut self, ids: &[crate::archive::ClippingId]) {
        let results = &self.state.results;
        let gone: std::collections::BTreeSet<_> = ids.iter().copied().collect();
        let last = results.iter().rposition(|e| gone.contains(&e.id()));
        let first = results.iter().position(|e| gone.contains(&e.id()));
        let after = last.and_then(|l| results.iter().skip(l + 1).find(|e| !gone.contains(&e.id())));
        let before = first.and_then(|f| results.iter().take(f).rev().find(|e| !gone.contains(&e.id())));
        self.select_when_shown = after.or(before).map(|e| vec![e.id()]).unwrap_or_default();
    }

    /// Applies an action recorded during the frame.
    /// What a card's menu, Delete and the clipboard do with a clipping or the selection.
    fn apply_to_items(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::OpenOriginalOf(id) => self.send(Request::Original { id, in_folder: false }),
            Action::ShowInFolder(id) => self.send(Request::Original { id, in_folder: true }),
            Action::CopyText => {
                let ids = self.state.selected_ids();
                if !ids.is_empty() {
                    self.send(Request::CopyText(ids));
                }
            }
            Action::CopyReferences => {
                let lines: Vec<String> =
                    self.state.selected_entries().iter().map(|e| reference_line(&e.card)).collect();
                ctx.copy_text(lines.join("\n"));
                self.toast(t!("copied-references", n = lines.len()), None, false);
            }
            Action::FocusTagField => self.panels.detail.focus_tag_field(),
            Action::ReadText(ids) => {
                // Asked for: why it cannot be done is said again.
                self.state.ocr_missing_said = false;
                if self.state.scans.is_none() && !ids.is_empty() {
                    self.send(Request::ReadScans(ids));
                }
            }
            Action::CopyAddress(url) => {
                ctx.copy_text(url);
                self.toast(t!("copied-address"), None, false);
            }
            Action::MarkDone => {
                let ids: Vec<_> =
                    self.state.selected_entries().iter().filter(|e| e.card.inbox()).map(|e| e.id()).collect();
                if !ids.is_empty() {
                    if self.state.filters.in_inbox {
                        // They leave the inbox's view: the next one is selected, as after Delete.
                        self.select_next_after(&ids);
                    }
                    self.edit(Edit::MarkDone(ids), false);
                }
            }
            Action::Trash => {
                let ids = self.state.selected_ids();
                if ids.len() > TRASH_WITHOUT_ASKING {
                    self.panels.confirm_trash = Some(ids);
                } else if !ids.is_empty() && !self.state.filters.in_trash {
                    self.trash(ids);
                }
            }
            Action::ConfirmTrash(yes) => {
                if let Some(ids) = self.panels.confirm_trash.take()
                    && yes
                    && !self.state.filters.in_trash
                {
                    self.trash(ids);
                }
            }
            _ => {}
        }
    }

    /// What is searched for, and in which order.
    fn apply_search(&mut self, action: Action) {
        match action {
            Action::Search => self.search(),
            Action::SetSearch(text) => {
                self.state.search_text = text;
                self.search();
            }
            Action::SetSearchText(text) => {
                self.panels.top_bar.set_text(&text);
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
            _ => {}
        }
    }

    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            action @ (Action::Search
            | Action::SetSearch(_)
            | Action::SetSearchText(_)
            | Action::ClearSearch
            | Action::SetOrder(_)) => self.apply_search(action),
            Action::SetView(view) => self.state.settings.view = view,
            action @ (Action::OpenOriginalOf(_)
            | Action::ShowInFolder(_)
            | Action::CopyText
            | Action::CopyReferences
            | Action::ReadText(_)
            | Action::CopyAddress(_)
            | Action::FocusTagField
            | Action::Trash
            | Action::MarkDone
            | Action::ConfirmTrash(_)) => self.apply_to_items(ctx, action),
            Action::SetListWidth(column, px) => {
                self.state.settings.list_widths.insert(column, px.round());
            }
            Action::SetLanguage(chosen) => {
                self.state.settings.language = chosen;
                self.use_language(chosen.unwrap_or_else(Lang::from_system));
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
                if let Some(id) = self.panels.detail.shown_id() {
                    self.send(Request::Original { id, in_folder: false });
                }
            }
            Action::Filter(filter) => self.apply_filter(filter),
            Action::SaveSearch(name) => {
                let query = self.query_text();
                let sort = self.state.settings.order;
                self.edit(Edit::SaveSearch { name, query, sort }, false);
            }
            Action::OpenSavedSearch(i) => {
                let Some(saved) = self.state.saved.get(i).map(|s| s.search.clone()) else { return };
                self.state.filters = Query::default();
                self.panels.top_bar.set_text(&saved.query);
                self.state.search_text = saved.query;
                self.state.settings.order = saved.sort;
                self.state.sort = None;
                self.search();
                self.edit(Edit::SeenSavedSearch(saved.name), false);
            }
            Action::Edit(edit) => self.edit(edit, false),
            Action::EmptyTrash => self.edit(Edit::EmptyTrash, false),
            Action::Undo => match self.undo_stack.pop() {
                Some(undo) => {
                    // The toast that offered this undo has nothing left to offer.
                    self.state.toasts.retain(|t| t.undo.as_ref() != Some(&undo));
                    self.edit(undo, true);
                }
                None => self.toast(t!("nothing-to-undo"), None, false),
            },
            Action::UndoChange(undo) => {
                if let Some(i) = self.undo_stack.iter().rposition(|u| *u == undo) {
                    self.undo_stack.remove(i);
                }
                self.state.toasts.retain(|t| t.undo.as_ref() != Some(&undo));
                self.edit(undo, true);
            }
            Action::Import(import) => self.apply_import(ctx, import),
            Action::Export(export) => self.apply_export(ctx, export),
            Action::Review(review) => self.apply_review(ctx, review),
            Action::Rules(rules) => self.apply_rules(rules),
            Action::SetCollapseReprints(on) => {
                self.state.settings.collapse_reprints = on;
                self.send(Request::SetCollapseReprints(on));
            }
            Action::OpenFolder(dir) => self.open_with_system(&dir),
            Action::Sort(column) => self.sort_by_column(column),
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
                self.worker = worker::spawn(self.archive.clone(), ctx.clone(), false);
            }
            Action::Connect { password, remember } => {
                self.archive = self.archive.with_password(&password);
                self.state.status = Status::Opening;
                self.in_flight = 0;
                self.worker = worker::spawn(self.archive.clone(), ctx.clone(), remember);
            }
        }
    }

    /// Why nothing may be changed now, if so: a team archive's reader, or a server that cannot
    /// be reached (the window shows what this desktop last saw, read-only).
    pub(super) fn read_only_reason(&self) -> Option<String> {
        if !self.state.may_change {
            Some(t!("read-only-reader"))
        } else {
            self.state.team_unreachable.as_ref().map(|_| t!("read-only-unreachable"))
        }
    }

    fn apply_filter(&mut self, filter: FilterAction) {
        let filters = &mut self.state.filters;
        match filter {
            FilterAction::ToggleTag(tag) => filters.toggle_tag(&tag),
            FilterAction::SetKind(kind) => filters.kind = kind,
            FilterAction::SetImported(imported) => {
                filters.imported = imported.map(|r| r.on(chrono::Local::now().date_naive()));
            }
            FilterAction::ShowTrash(on) => {
                *filters = Query { in_trash: on, ..Query::default() };
                self.state.selection.clear();
                self.sync_detail();
            }
            FilterAction::ShowInbox(on) => {
                filters.in_trash = false;
                filters.in_inbox = on;
            }
            FilterAction::Clear => *filters = Query::default(),
        }
        self.search();
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
            **selection = BTreeSet::from([id]);
            self.anchor = Some(index);
        }
        self.state.cursor = Some(index);
        self.sync_detail();
    }

    /// Sends a change to the worker. Changes that take clippings out of view clear the
    /// selection first.
    fn edit(&mut self, edit: Edit, is_undo: bool) {
        if let Some(why) = self.read_only_reason() {
            return self.toast(why, None, true);
        }
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
}
