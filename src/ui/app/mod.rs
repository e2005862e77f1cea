//! The app: the window's state, the frame loop, and the only code that changes the state. Each
//! frame takes in the worker's replies (`replies.rs`), lets the panels draw (they read
//! [`AppState`] and record [`Action`]s), then applies the actions (`actions.rs`). The fields
//! here are private to this module and its children, so no panel can change them directly.

mod actions;
mod dialogs;
mod replies;
mod shortcuts;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

pub use actions::{Action, ExportAction, FilterAction, ImportAction, ReviewAction, RulesAction};

use crate::archive::ClippingId;
use crate::archive::catalog::Entry;
use crate::i18n::Lang;
use crate::search::highlight::Snippet;
use crate::search::query::{Query, Sort};
use crate::ui::leads::Leads;
use crate::ui::matches::Matches;
use crate::ui::panels::{self, PanelRects, Panels};
use crate::ui::platform;
use crate::ui::state::{AppState, Settings, SortColumn, Status, Toast};
use crate::ui::thumbs::ThumbCache;
use crate::ui::worker::{self, Edit, Request, WorkerHandle};

/// Thumbnail textures kept at once; each is at most 256x256 RGBA (256 KiB).
const THUMB_CACHE_CAPACITY: usize = 600;
/// Toasts shown at once; the oldest gives way.
const MAX_TOASTS: usize = 4;

/// How often an archive held by another window, or by one still closing, is tried again.
const LOCKED_RETRY: Duration = Duration::from_secs(1);

/// Where the trying again of a held archive stands.
#[derive(Clone, Copy, PartialEq)]
enum LockedRetry {
    Idle,
    /// The last try failed then.
    FailedAt(Instant),
    /// A try is under way: the next waits for its answer (at a million clippings, an opening
    /// that got the archive may take more than the second between tries).
    Trying,
}

/// The answer of a native file dialog, which runs on a thread of its own.
enum Picked {
    ImportPaths(Vec<PathBuf>),
    /// No file dialog could be shown: the window asks for the path to be typed.
    NoFileDialog,
    /// No file dialog could be shown where the dialog open has a field for the path.
    TypeInTheField,
    ExportFolder(PathBuf),
    ReviewFile(PathBuf),
    /// A file could not be shown in its folder: no program to show it could be started.
    NotShown(PathBuf, String),
}

pub struct ClippingsApp {
    archive: crate::archive::Place,
    worker: WorkerHandle,
    state: AppState,
    /// Each panel's own state: what is being typed, scroll requests, the export dialog.
    panels: Panels,
    thumbs: ThumbCache,
    /// What the current search matched, found as clippings are drawn.
    matches: Matches,
    /// The first lines of the article cards on screen, read as they are drawn.
    leads: Leads,
    /// The number of the newest search; results for an older one are stale.
    generation: u64,
    /// Where a Shift+click range starts.
    anchor: Option<usize>,
    /// Clippings to select once they appear in the results (after an import).
    select_when_shown: Vec<ClippingId>,
    /// Files to import as soon as the archive is open (given on the command line, as a file
    /// manager's "Open with Clippings" does).
    import_when_ready: Vec<PathBuf>,
    /// The window's language: the settings' choice, else the system's.
    lang: Lang,
    /// The edits that take back the changes made, newest last.
    undo_stack: Vec<Edit>,
    /// Requests sent and not yet answered: the window is busy while this is not zero.
    in_flight: usize,
    /// The number of the whole texts that follow the results shown, until they come.
    texts_pending: Option<u64>,
    picked: (Sender<Picked>, Receiver<Picked>),
    /// When the archive, held elsewhere, was last tried, or that a try has not answered yet
    /// (see `retry_while_locked`).
    locked_retry: LockedRetry,
}

impl ClippingsApp {
    /// Starts the app on the archive at `archive` (a folder, or a team archive); the worker opens it in the background.
    pub fn new(ctx: &egui::Context, archive: impl Into<crate::archive::Place>, settings: Settings) -> ClippingsApp {
        let archive = archive.into();
        let lang = settings.language.unwrap_or_else(Lang::from_system);
        // The worker words its messages in the language of the thread that starts it.
        crate::i18n::set_language(lang);
        let worker = worker::spawn(archive.clone(), ctx.clone(), false);
        let collapse_reprints = settings.collapse_reprints;
        let mut app = ClippingsApp {
            archive,
            worker,
            state: AppState::new(settings),
            panels: Panels::default(),
            thumbs: ThumbCache::new(THUMB_CACHE_CAPACITY, ctx),
            matches: Matches::new(&Query::default()),
            leads: Leads::default(),
            generation: 0,
            anchor: None,
            select_when_shown: Vec::new(),
            import_when_ready: Vec::new(),
            lang,
            undo_stack: Vec::new(),
            in_flight: 0,
            texts_pending: None,
            picked: channel(),
            locked_retry: LockedRetry::Idle,
        };
        // The worker collapses reprints unless told otherwise.
        if !collapse_reprints {
            app.send(Request::SetCollapseReprints(false));
        }
        app
    }

    /// Speaks `lang` from now on, in the window and in the worker's messages.
    pub(super) fn use_language(&mut self, lang: Lang) {
        self.lang = lang;
        crate::i18n::set_language(lang);
        self.send(Request::SetLanguage(lang));
    }

    /// Imports these files and folders once the archive is open.
    pub fn import_when_ready(&mut self, paths: Vec<PathBuf>) {
        self.import_when_ready.extend(paths);
    }

    /// What the window shows.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub fn settings(&self) -> &Settings {
        &self.state.settings
    }

    /// The size of the picture the detail pane shows, once loaded (a photo, a scanned page).
    pub fn shown_picture_size(&self) -> Option<[usize; 2]> {
        self.panels.detail.shown_picture_size()
    }

    /// The passage of a clipping's text where the current search matched, as the list shows it.
    pub fn snippet(&mut self, entry: &Entry) -> Option<Snippet> {
        self.matches.snippet(entry, &mut self.leads).cloned()
    }

    /// The lead read for an article's card drawn on screen, once it has come (for tests).
    pub fn card_lead(&self, id: ClippingId) -> Option<Arc<str>> {
        self.leads.peek(id)
    }

    /// The clipping the detail pane shows, as the worker read it.
    pub fn shown_clipping(&self) -> Option<&crate::archive::Clipping> {
        self.panels.detail.shown_clipping()
    }

    /// Where the panels were drawn in the last frame.
    pub fn panel_rects(&self) -> PanelRects {
        self.panels.rects
    }

    /// How many columns the grid had in the last frame (1 for the list).
    pub fn browser_columns(&self) -> usize {
        self.panels.browser.grid_columns
    }

    /// How many clippings the results hold now (for benchmarks that time the first results).
    pub fn n_results(&self) -> usize {
        self.state.results.len()
    }

    /// Thumbnails loaded so far (for tests and benchmarks that wait for them).
    pub fn n_thumbnails_loaded(&self) -> usize {
        self.thumbs.n_loaded()
    }

    /// How many thumbnails on screen are still being decoded.
    pub fn n_thumbnails_waiting(&self) -> usize {
        self.thumbs.n_waiting()
    }

    /// The number of the newest search; a reply with results for another one is stale.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether the worker has answered everything asked of it and no import, export or
    /// indexing runs.
    pub fn is_idle(&self) -> bool {
        self.in_flight == 0
            && self.texts_pending.is_none()
            && self.state.import.is_none()
            && self.state.export.is_none()
            && self.state.scans.is_none()
            && self.state.indexing.is_none()
            && !matches!(self.state.status, Status::Opening)
            && self.panels.review_dialog.as_ref().is_none_or(|d| d.is_idle())
    }

    /// While another window holds the archive (or one just closed still settles it, a few
    /// seconds at a million clippings), it is tried again every second, and the window opens
    /// by itself once the archive is free. The message stays meanwhile: no "Opening" between.
    fn retry_while_locked(&mut self, ctx: &egui::Context) {
        let Status::Failed { locked: true, .. } = &self.state.status else {
            self.locked_retry = LockedRetry::Idle;
            return;
        };
        match self.locked_retry {
            LockedRetry::Idle => self.locked_retry = LockedRetry::FailedAt(Instant::now()),
            LockedRetry::FailedAt(at) if at.elapsed() >= LOCKED_RETRY => {
                self.locked_retry = LockedRetry::Trying;
                self.in_flight = 0;
                self.worker = worker::spawn(self.archive.clone(), ctx.clone(), false);
            }
            LockedRetry::FailedAt(_) | LockedRetry::Trying => {}
        }
        ctx.request_repaint_after(LOCKED_RETRY);
    }

    fn send(&mut self, request: Request) {
        self.in_flight += 1;
        self.worker.send(request);
    }

    /// The query the search box and the sidebar make together, written out as it could be
    /// typed (`country:"BE" kind:photo energy`), for a saved search. The typed words come last,
    /// so that the word being typed keeps matching as a prefix, as in [`ClippingsApp::query`].
    pub fn query_text(&self) -> String {
        let state = &self.state;
        let parts = [state.filters.filters_text(), state.search_text.trim().to_owned()];
        parts.iter().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join(" ")
    }

    /// The query the search box and the sidebar make together.
    pub fn query(&self) -> Query {
        let today = chrono::Local::now().date_naive();
        let state = &self.state;
        Query::parse_on(&state.search_text, today).and(state.filters.clone().on(today))
    }

    fn search(&mut self) {
        self.generation += 1;
        let query = self.query();
        self.matches = Matches::new(&query);
        self.send(Request::Search { generation: self.generation, query, sort: self.state.settings.order });
    }

    /// The selection, or every result when nothing is selected (for export).
    fn selection_or_results(&self) -> Vec<ClippingId> {
        let selected = self.state.selected_ids();
        if selected.is_empty() { self.state.result_ids() } else { selected }
    }

    fn toast(&mut self, message: String, undo: Option<Edit>, is_error: bool) {
        let toasts = &mut self.state.toasts;
        toasts.push(Toast { message, undo, shown_at: Instant::now(), is_error });
        if toasts.len() > MAX_TOASTS {
            toasts.remove(0);
        }
    }

    /// Loads the detail pane for a single selected clipping, or clears it.
    fn sync_detail(&mut self) {
        let single = if self.state.selection.len() == 1 { self.state.selection.first().copied() } else { None };
        let pane = &mut self.panels.detail;
        match single {
            Some(id) if pane.shown_id() != Some(id) => {
                // Show what the catalog has at once; the worker's fresh copy replaces it.
                if let Some(entry) = self.state.results.iter().find(|e| e.id() == id) {
                    let clipping = entry.clipping().cloned().unwrap_or_else(|| entry.card.sketch());
                    pane.show(clipping, entry.tags().to_vec());
                }
                self.send(Request::Load(id));
            }
            Some(_) => {}
            None => pane.clear(),
        }
    }

    /// A list column's header clicked. Date and title are orders the search gives (newest or
    /// oldest first, title A to Z), so the top bar shows the same order; a second click on the
    /// title, and the other columns, sort what is shown.
    fn sort_by_column(&mut self, column: SortColumn) {
        let state = &mut self.state;
        let order = state.settings.order;
        let by_search = match (column, state.sort, order) {
            (SortColumn::Date, None, Sort::Newest) => Some(Sort::Oldest),
            (SortColumn::Date, ..) => Some(Sort::Newest),
            (SortColumn::Title, None, Sort::Title) => None,
            (SortColumn::Title, _, _) => Some(Sort::Title),
            _ => None,
        };
        if let Some(order) = by_search {
            state.settings.order = order;
            state.sort = None;
            self.search();
            return;
        }
        state.sort = match state.sort {
            Some((c, asc)) if c == column => Some((c, !asc)),
            // The title sorted A to Z by the search: the next click turns it round.
            None if column == SortColumn::Title => Some((column, false)),
            _ => Some((column, true)),
        };
        self.apply_sort();
    }

    fn apply_sort(&mut self) {
        let Some((column, ascending)) = self.state.sort else { return };
        let mut entries = self.state.results.as_ref().clone();
        panels::browser::sort_entries(&mut entries, column, ascending);
        self.state.results = Arc::new(entries);
    }

    /// A key for the selection and the results it is drawn from, so that what is derived from
    /// them (the bulk pane's summary) is computed again only when either changes.
    fn selection_key(&self) -> (usize, u64) {
        (Arc::as_ptr(&self.state.results) as usize, self.state.selection.generation())
    }

    /// Draws the whole window. `eframe::App::ui` calls this; tests and benchmarks call it too.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        crate::i18n::set_language(self.lang);
        self.handle_replies(&ctx);
        self.thumbs.begin_frame(&ctx);
        let mut actions = Vec::new();
        if self.state.is_ready() && self.state.import.is_none() && !self.import_when_ready.is_empty() {
            actions.push(Action::Import(ImportAction::Files(std::mem::take(&mut self.import_when_ready))));
        }
        self.shortcuts(&ctx, &mut actions);
        // Only the bulk pane (several selected) uses the key; hashing a large selection is not free.
        let selection_key = if self.state.selection.len() > 1 { self.selection_key() } else { (0, 0) };

        let ClippingsApp { state, panels, thumbs, matches, leads, .. } = self;
        panels::overlays::team_banner_ui(ui, state);
        panels::top_bar::top_bar_ui(ui, state, &mut panels.top_bar, &mut actions);
        panels::overlays::status_bar_ui(ui, state, &mut actions);
        match &state.status {
            Status::Ready { .. } => {
                let sidebar = panels::sidebar::sidebar_ui(ui, state, &mut panels.sidebar, &mut actions);
                let detail = panels::detail::detail_panel_ui(
                    ui,
                    state,
                    &mut panels.detail,
                    thumbs,
                    matches,
                    selection_key,
                    &mut actions,
                );
                let browser =
                    panels::browser::browser_ui(ui, state, &mut panels.browser, thumbs, matches, leads, &mut actions);
                panels.rects = PanelRects { sidebar: Some(sidebar), detail, browser: Some(browser) };
            }
            Status::Opening => {
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.centered_and_justified(|ui| ui.spinner());
                });
            }
            Status::Failed { .. } => panels::overlays::failure_ui(
                ui,
                state,
                &mut panels.password,
                &mut panels.remember_password,
                &mut actions,
            ),
        }
        panels::overlays::windows_ui(&ctx, state, &mut panels.export_dialog, &mut actions);
        if let Some(dialog) = &mut panels.review_dialog {
            panels::review::review_dialog_ui(&ctx, dialog, &mut actions);
        }
        if let Some(text) = &mut panels.link_prompt {
            panels::overlays::link_prompt_ui(&ctx, text, &mut actions);
        }
        if let Some(dialog) = &mut panels.rules_dialog {
            panels::rules::rules_dialog_ui(&ctx, dialog, state.may_change, &mut actions);
        }
        if let Some(text) = &mut panels.path_prompt {
            panels::overlays::path_prompt_ui(&ctx, text, &mut actions);
        }
        if let Some(ids) = &panels.confirm_trash {
            panels::overlays::confirm_trash_ui(&ctx, ids.len(), &mut actions);
        }
        let hovered_toast = panels::overlays::toasts_ui(&ctx, state, &mut actions);
        panels::overlays::drop_ui(&ctx, state, &mut actions);

        for action in actions {
            self.apply(&ctx, action);
        }
        let wanted = self.leads.take_wanted();
        if !wanted.is_empty() {
            self.send(Request::Leads(wanted));
        }
        self.review_tick(&ctx);
        self.retry_while_locked(&ctx);
        // A toast under the pointer waits: its clock starts again when the pointer leaves.
        if let Some(i) = hovered_toast
            && let Some(toast) = self.state.toasts.get_mut(i)
        {
            toast.shown_at = Instant::now();
        }
        self.state.toasts.retain(|t| !t.is_spent());
        if !self.state.toasts.is_empty() {
            ctx.request_repaint_after(Duration::from_millis(500));
        }
    }
}

impl eframe::App for ClippingsApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        platform::log_startup(self.is_idle(), self.state.results.len());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state.settings);
    }
}

/// Opens the window on the archive at `archive` and imports `files` into it. Returns when the
/// window is closed. `started` is when the process began, for the startup log.
pub fn run(archive: crate::archive::Place, files: Vec<PathBuf>, started: Instant) -> eframe::Result {
    platform::start_startup_log(started);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Clippings")
        .with_app_id("clippings")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    if let Some(icon) = platform::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions { viewport, renderer: eframe::Renderer::Glow, ..Default::default() };
    let closed = eframe::run_native(
        "Clippings",
        options,
        Box::new(move |cc| {
            let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
            let mut app = ClippingsApp::new(&cc.egui_ctx, archive, settings);
            app.import_when_ready(files);
            Ok(Box::new(app))
        }),
    );
    // The window is gone; a catalog file still being written for the next opening is finished.
    crate::ui::worker::wait_for_writers();
    closed
}
