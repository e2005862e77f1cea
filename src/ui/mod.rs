//! The eframe app over the archive. One file per panel; this one holds the app's state, the
//! frame loop and the actions a frame records and applies after drawing. The UI thread never
//! touches the file system: the worker (`worker.rs`) and the thumbnail loaders do.

mod browser;
mod detail;
mod overlays;
mod sidebar;
pub mod thumbs;
mod top_bar;
pub mod worker;

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use serde::{Deserialize, Serialize};

use crate::archive::catalog::Entry;
use crate::archive::search::Highlighter;
use crate::archive::{
    Clipping, ClippingId, ClippingWithTags, ExportReport, ImportReport, Kind, Layout, Query, Snippet, Sort, Tag,
    TagCount, TagKind,
};
use thumbs::ThumbCache;
use worker::{Reply, Request, Undo, WorkerHandle};

/// Thumbnail textures kept at once; each is at most 256x256 RGBA (256 KiB).
const THUMB_CACHE_CAPACITY: usize = 600;
const TOAST_DURATION: Duration = Duration::from_secs(6);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    Grid,
    List,
}

/// What is remembered between runs (window size and panel widths eframe keeps itself).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub view: View,
    pub thumb_size_px: f32,
    pub last_export_dir: Option<PathBuf>,
    pub export_layout: Layout,
    /// The order of results, unless a list column's header was clicked.
    pub order: Sort,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            view: View::Grid,
            thumb_size_px: 160.0,
            last_export_dir: None,
            export_layout: Layout::Flat,
            order: Sort::Relevance,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportedFilter {
    Today,
    ThisWeek,
}

/// The sidebar's filters, on top of what is typed in the search box.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// Show the trash instead of the archive.
    pub in_trash: bool,
    pub kind: Option<Kind>,
    pub imported: Option<ImportedFilter>,
    pub tags: Vec<Tag>,
}

#[derive(Debug)]
pub enum Status {
    Opening,
    Ready { root: PathBuf },
    Failed { message: String, locked: bool },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortColumn {
    Title,
    Source,
    Date,
    Kind,
    Countries,
    Topics,
    Events,
}

pub struct ImportRun {
    pub n_done: usize,
    pub n_files: usize,
    pub current: Option<PathBuf>,
    pub cancel: Arc<AtomicBool>,
}

pub struct ExportRun {
    pub n_done: usize,
    pub n_total: usize,
    pub cancel: Arc<AtomicBool>,
}

/// The export dialog's fields.
pub struct ExportDialog {
    pub ids: Vec<ClippingId>,
    pub dest: String,
    pub layout: Layout,
}

pub struct Toast {
    pub message: String,
    pub undo: Option<Undo>,
    pub shown_at: Instant,
    pub is_error: bool,
}

/// The detail pane's clipping with the fields being edited.
pub struct Detail {
    pub item: ClippingWithTags,
    pub title: String,
    pub source: String,
    pub author: String,
    pub date: String,
    pub notes: String,
    pub image: Option<egui::TextureHandle>,
    pub image_requested: bool,
    pub zoom: f32,
    pub pan: egui::Vec2,
}

impl Detail {
    fn new(item: ClippingWithTags) -> Detail {
        let c = &item.clipping;
        Detail {
            title: c.title.clone(),
            source: c.source.clone(),
            author: c.author.clone(),
            date: c.published.map(|d| d.to_string()).unwrap_or_default(),
            notes: c.notes.clone(),
            item,
            image: None,
            image_requested: false,
            zoom: 1.0,
            pan: egui::Vec2::ZERO,
        }
    }

    /// The clipping as edited, if the fields parse; `Err` says what is wrong.
    fn edited(&self) -> Result<Clipping, String> {
        let mut c = self.item.clipping.clone();
        c.title = self.title.trim().to_owned();
        c.source = self.source.trim().to_owned();
        c.author = self.author.trim().to_owned();
        c.notes = self.notes.clone();
        let date = self.date.trim();
        c.published = if date.is_empty() {
            None
        } else {
            Some(
                chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
                    .map_err(|_| format!("“{date}” is not a date: write it as 2024-06-01"))?,
            )
        };
        Ok(c)
    }
}

/// What the user asked for during a frame, applied after drawing.
#[derive(Debug, Clone)]
pub enum Action {
    Search,
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
    Restore(Vec<ClippingId>),
    EmptyTrash,
    ClearFilters,
    AddTag {
        tag: Tag,
        ids: Vec<ClippingId>,
    },
    RemoveTag {
        tag: Tag,
        ids: Vec<ClippingId>,
    },
    Save(Box<Clipping>),
    Trash,
    Undo,
    /// Undo one particular change (from its toast), wherever it is in the undo stack.
    UndoChange(Undo),
    Import(Vec<PathBuf>),
    PickFiles,
    PickFolder,
    CancelImport,
    OpenExport,
    PickExportFolder,
    StartExport,
    CancelExport,
    OpenFolder(PathBuf),
    Sort(SortColumn),
    Retry,
    AcceptSuggestions {
        ids: Vec<ClippingId>,
        kind: Option<TagKind>,
        only: Option<Tag>,
    },
    DismissSuggestion {
        id: ClippingId,
        tag: Tag,
    },
    Suggest(Vec<ClippingId>),
    PasteText(String),
    PasteImage(Arc<egui::ColorImage>),
    LoadImage(ClippingId, u32),
}

pub struct ClippingsApp {
    archive_dir: PathBuf,
    worker: WorkerHandle,
    pub status: Status,
    pub settings: Settings,
    pub search_text: String,
    pub filters: Filters,
    generation: u64,
    /// The results shown, newest first unless sorted otherwise in the list.
    pub results: Arc<Vec<Arc<Entry>>>,
    pub tag_counts: Vec<TagCount>,
    pub n_total: usize,
    pub n_trashed: usize,
    pub confirm_empty_trash: bool,
    pub all_tags: Vec<Tag>,
    pub selection: BTreeSet<ClippingId>,
    anchor: Option<usize>,
    pub cursor: Option<usize>,
    pub detail: Option<Detail>,
    pub thumbs: ThumbCache,
    pub import: Option<ImportRun>,
    pub import_report: Option<ImportReport>,
    /// Clippings to select once they appear in the results (after an import).
    select_when_shown: Vec<ClippingId>,
    pub export_dialog: Option<ExportDialog>,
    pub export: Option<ExportRun>,
    pub export_report: Option<ExportReport>,
    pub toasts: Vec<Toast>,
    undo_stack: Vec<Undo>,
    skip_next_undo: bool,
    pub sort: Option<(SortColumn, bool)>,
    pub focus_search: bool,
    scroll_to_cursor: bool,
    /// Columns of the grid as last drawn, for the arrow keys.
    grid_columns_cached: usize,
    /// Requests sent and not yet answered: the window is busy while this is not zero.
    in_flight: usize,
    picked: (std::sync::mpsc::Sender<Picked>, std::sync::mpsc::Receiver<Picked>),
    pub tag_kind_input: TagKind,
    pub tag_input: String,
    pub tag_filter_text: String,
    /// The bulk pane's summary and the (results, selection) it was computed for.
    summary: Option<((usize, u64), SelectionSummary)>,
    /// What the current search matched in the clippings shown, found as they are drawn.
    pub matches: Matches,
    /// Clippings indexed of those waiting, while the search index is built or caught up.
    pub indexing: Option<(usize, usize)>,
}

/// The words the current search matched, for highlighting: found once per clipping shown (on
/// the UI thread, as it is a few microseconds of CPU and no disk) and kept until the next search.
pub struct Matches {
    highlighter: Highlighter,
    snippets: HashMap<ClippingId, Option<Snippet>>,
    body: Option<(ClippingId, Vec<Range<usize>>)>,
}

/// How long a snippet in the list is, in characters.
const SNIPPET_CHARS: usize = 160;

impl Matches {
    pub fn new(query: &Query) -> Matches {
        Matches { highlighter: Highlighter::new(query), snippets: HashMap::new(), body: None }
    }

    /// Whether the search has words to highlight.
    pub fn is_active(&self) -> bool {
        !self.highlighter.is_empty()
    }

    /// A passage of the clipping's text around what matched, with the matches marked.
    pub fn snippet(&mut self, entry: &Entry) -> Option<&Snippet> {
        let highlighter = &mut self.highlighter;
        self.snippets
            .entry(entry.id())
            .or_insert_with(|| {
                let c = &entry.clipping;
                [&c.body, &c.caption, &c.notes, &c.author, &c.credit, &c.source, &c.original_name]
                    .into_iter()
                    .find_map(|text| highlighter.snippet(text, &entry.language, SNIPPET_CHARS))
            })
            .as_ref()
    }

    /// Where the search's words are in a clipping's text (its body, for the detail pane).
    pub fn ranges(&mut self, id: ClippingId, text: &str, language: &str) -> &[Range<usize>] {
        if self.body.as_ref().is_none_or(|(shown, _)| *shown != id) {
            self.body = Some((id, self.highlighter.ranges(text, language)));
        }
        self.body.as_ref().map_or(&[], |(_, ranges)| ranges.as_slice())
    }
}

/// Text with some byte ranges marked the way search results mark what matched.
pub fn highlighted(
    ui: &egui::Ui,
    text: &str,
    ranges: &[Range<usize>],
    style: egui::TextStyle,
    weak: bool,
) -> egui::text::LayoutJob {
    use egui::text::{LayoutJob, TextFormat};
    let font_id = style.resolve(ui.style());
    let visuals = ui.visuals();
    let color = if weak { visuals.weak_text_color() } else { visuals.text_color() };
    let plain = TextFormat { font_id: font_id.clone(), color, ..Default::default() };
    let marked = TextFormat {
        font_id,
        color: visuals.strong_text_color(),
        background: visuals.selection.bg_fill.gamma_multiply(0.6),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for r in ranges {
        let (Some(before), Some(word)) = (text.get(at..r.start), text.get(r.clone())) else { continue };
        job.append(before, 0.0, plain.clone());
        job.append(word, 0.0, marked.clone());
        at = r.end;
    }
    job.append(text.get(at..).unwrap_or_default(), 0.0, plain);
    job
}

/// The selection as the bulk pane sums it up.
#[derive(Debug, Default, Clone)]
pub struct SelectionSummary {
    /// The selected ids in the order shown.
    pub ids: Vec<ClippingId>,
    /// Each tag the selection carries, with how many of the selected carry it.
    pub tag_counts: Vec<(Tag, usize)>,
    /// The kinds of tag that some selected clipping has suggestions of.
    pub suggested_kinds: Vec<TagKind>,
}

/// The answer of a native file dialog, which runs on a thread of its own.
enum Picked {
    ImportPaths(Vec<PathBuf>),
    ExportFolder(PathBuf),
}

impl ClippingsApp {
    /// Starts the app on the archive in `archive_dir`; the worker opens it in the background.
    pub fn new(ctx: &egui::Context, archive_dir: PathBuf, settings: Settings) -> ClippingsApp {
        let worker = worker::spawn(archive_dir.clone(), ctx.clone());
        ClippingsApp {
            archive_dir,
            worker,
            status: Status::Opening,
            settings,
            search_text: String::new(),
            filters: Filters::default(),
            generation: 0,
            results: Arc::new(Vec::new()),
            tag_counts: Vec::new(),
            n_total: 0,
            n_trashed: 0,
            confirm_empty_trash: false,
            all_tags: Vec::new(),
            selection: BTreeSet::new(),
            anchor: None,
            cursor: None,
            detail: None,
            thumbs: ThumbCache::new(THUMB_CACHE_CAPACITY, ctx),
            import: None,
            import_report: None,
            select_when_shown: Vec::new(),
            export_dialog: None,
            export: None,
            export_report: None,
            toasts: Vec::new(),
            undo_stack: Vec::new(),
            skip_next_undo: false,
            sort: None,
            focus_search: false,
            scroll_to_cursor: false,
            grid_columns_cached: 1,
            in_flight: 0,
            picked: std::sync::mpsc::channel(),
            tag_kind_input: TagKind::Topic,
            tag_input: String::new(),
            tag_filter_text: String::new(),
            summary: None,
            matches: Matches::new(&Query::default()),
            indexing: None,
        }
    }

    /// The number of the newest search; a [`Reply::Results`] for another one is stale.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether the worker has answered everything asked of it and no import, export or
    /// indexing runs.
    pub fn is_idle(&self) -> bool {
        self.in_flight == 0
            && self.import.is_none()
            && self.export.is_none()
            && self.indexing.is_none()
            && !matches!(self.status, Status::Opening)
    }

    fn send(&mut self, request: Request) {
        self.in_flight += 1;
        self.worker.send(request);
    }

    /// The query the search box and the sidebar make together.
    pub fn query(&self) -> Query {
        let mut q = Query::parse(&self.search_text);
        q.tags.extend(self.filters.tags.iter().map(|t| (t.kind, t.value.clone())));
        if self.filters.kind.is_some() {
            q.kind = self.filters.kind;
        }
        q.in_trash |= self.filters.in_trash;
        match self.filters.imported {
            Some(ImportedFilter::Today) => q.imported = Query::parse("imported:today").imported,
            Some(ImportedFilter::ThisWeek) => q.imported = Query::parse("imported:this-week").imported,
            None => {}
        }
        q
    }

    fn search(&mut self) {
        self.generation += 1;
        let query = self.query();
        self.matches = Matches::new(&query);
        self.send(Request::Search { generation: self.generation, query, sort: self.settings.order });
    }

    /// The ids of the selected clippings in the order shown.
    pub fn selected_ids(&self) -> Vec<ClippingId> {
        self.results.iter().map(|e| e.id()).filter(|id| self.selection.contains(id)).collect()
    }

    /// What the bulk pane shows about the selection, computed again only when the selection
    /// or the results change: with 100,000 selected, summing them up every frame would freeze
    /// the window.
    pub fn selection_summary(&mut self) -> &SelectionSummary {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.selection.hash(&mut hasher);
        let key = (Arc::as_ptr(&self.results) as usize, hasher.finish());
        if self.summary.as_ref().is_none_or(|(k, _)| *k != key) {
            let mut summary = SelectionSummary::default();
            let mut counts: std::collections::HashMap<String, (Tag, usize)> = std::collections::HashMap::new();
            for entry in self.results.iter().filter(|e| self.selection.contains(&e.id())) {
                summary.ids.push(entry.id());
                for tag in &entry.tags {
                    counts.entry(tag.key()).or_insert_with(|| (tag.clone(), 0)).1 += 1;
                }
                for s in &entry.suggestions {
                    if !summary.suggested_kinds.contains(&s.tag.kind) {
                        summary.suggested_kinds.push(s.tag.kind);
                    }
                }
            }
            summary.tag_counts = counts.into_values().collect();
            summary.tag_counts.sort_by_key(|(t, _)| (t.kind, t.name.to_lowercase()));
            summary.suggested_kinds.sort();
            self.summary = Some((key, summary));
        }
        &self.summary.get_or_insert_with(|| (key, SelectionSummary::default())).1
    }

    /// The selection, or every result when nothing is selected (for export).
    fn selection_or_results(&self) -> Vec<ClippingId> {
        let selected = self.selected_ids();
        if selected.is_empty() { self.results.iter().map(|e| e.id()).collect() } else { selected }
    }

    fn toast(&mut self, message: String, undo: Option<Undo>, is_error: bool) {
        self.toasts.push(Toast { message, undo, shown_at: Instant::now(), is_error });
        if self.toasts.len() > 4 {
            self.toasts.remove(0);
        }
    }

    /// Takes in what the worker and the dialogs sent since the last frame.
    pub fn handle_replies(&mut self, ctx: &egui::Context) {
        while let Ok(reply) = self.worker.rx.try_recv() {
            self.handle_reply(ctx, reply);
        }
        while let Ok(picked) = self.picked.1.try_recv() {
            match picked {
                Picked::ImportPaths(paths) => self.apply(ctx, Action::Import(paths)),
                Picked::ExportFolder(dir) => {
                    if let Some(dialog) = &mut self.export_dialog {
                        dialog.dest = dir.display().to_string();
                    }
                }
            }
        }
    }

    pub fn handle_reply(&mut self, ctx: &egui::Context, reply: Reply) {
        match reply {
            Reply::Handled => self.in_flight = self.in_flight.saturating_sub(1),
            Reply::Opened { root, n_clippings, n_index_pending } => {
                self.indexing = (n_index_pending > 0).then_some((0, n_index_pending));
                self.thumbs.set_archive_root(&root);
                self.status = Status::Ready { root };
                self.n_total = n_clippings;
                self.search();
            }
            Reply::OpenFailed { message, locked } => self.status = Status::Failed { message, locked },
            Reply::Results { generation, entries, tag_counts, n_total, n_trashed } => {
                self.n_trashed = n_trashed;
                if generation != self.generation {
                    return;
                }
                self.results = entries;
                self.apply_sort();
                self.tag_counts = tag_counts;
                self.n_total = n_total;
                let shown: BTreeSet<ClippingId> = self.results.iter().map(|e| e.id()).collect();
                if !self.select_when_shown.is_empty() {
                    let wanted: Vec<ClippingId> =
                        self.select_when_shown.iter().copied().filter(|id| shown.contains(id)).collect();
                    if !wanted.is_empty() {
                        self.selection = wanted.into_iter().collect();
                        self.select_when_shown.retain(|id| !self.selection.contains(id));
                    }
                }
                self.selection.retain(|id| shown.contains(id));
                self.cursor = self.cursor.filter(|&c| c < self.results.len());
                self.sync_detail();
            }
            Reply::AllTags(tags) => self.all_tags = tags,
            Reply::Detail(item) => {
                let keep_image = self.detail.as_ref().filter(|d| d.item.clipping.id == item.clipping.id);
                let (image, requested) = keep_image.map_or((None, false), |d| (d.image.clone(), d.image_requested));
                let mut detail = Detail::new(*item);
                detail.image = image;
                detail.image_requested = requested;
                self.detail = Some(detail);
            }
            Reply::Image { id, image } => {
                if let Some(d) = self.detail.as_mut().filter(|d| d.item.clipping.id == id) {
                    d.image = Some(ctx.load_texture(format!("photo-{id}"), image, egui::TextureOptions::LINEAR));
                }
            }
            Reply::ImportStarted { n_files } => {
                if let Some(run) = &mut self.import {
                    run.n_files = n_files;
                }
            }
            Reply::ImportProgress { n_done, n_files, current } => {
                if let Some(run) = &mut self.import {
                    run.n_done = n_done;
                    run.n_files = n_files;
                    run.current = Some(current);
                }
            }
            Reply::ImportFinished(report) => {
                self.import = None;
                self.select_when_shown = report.imported_ids();
                self.import_report = Some(report);
                self.search();
            }
            Reply::Indexing { n_done, n_total } => self.indexing = Some((n_done, n_total)),
            Reply::IndexingFinished => self.indexing = None,
            Reply::ExportProgress { n_done, n_total } => {
                if let Some(run) = &mut self.export {
                    run.n_done = n_done;
                    run.n_total = n_total;
                }
            }
            Reply::ExportFinished(report) => {
                self.export = None;
                self.export_report = Some(report);
            }
            Reply::Changed { message, undo } => {
                let undo = if std::mem::take(&mut self.skip_next_undo) { None } else { undo };
                if let Some(u) = &undo {
                    self.undo_stack.push(u.clone());
                }
                self.toast(message, undo, false);
            }
            // Only the import's or the export's own failure ends it: a failed search or edit
            // meanwhile leaves them running.
            Reply::Failed(message) => self.toast(message, None, true),
            Reply::ImportFailed(message) => {
                self.import = None;
                self.toast(message, None, true);
            }
            Reply::ExportFailed(message) => {
                self.export = None;
                self.toast(message, None, true);
            }
        }
    }

    /// Loads the detail pane for a single selected clipping, or clears it.
    fn sync_detail(&mut self) {
        let single = if self.selection.len() == 1 { self.selection.first().copied() } else { None };
        match single {
            Some(id) if self.detail.as_ref().is_none_or(|d| d.item.clipping.id != id) => {
                // Show what the catalog has at once; the worker's fresh copy replaces it.
                if let Some(entry) = self.results.iter().find(|e| e.id() == id) {
                    let item = ClippingWithTags { clipping: entry.clipping.clone(), tags: entry.tags.clone() };
                    self.detail = Some(Detail::new(item));
                }
                self.send(Request::Load(id));
            }
            Some(_) => {}
            None => self.detail = None,
        }
    }

    fn apply_sort(&mut self) {
        let Some((column, ascending)) = self.sort else { return };
        let mut entries: Vec<Arc<Entry>> = self.results.as_ref().clone();
        let key = |e: &Arc<Entry>| -> String {
            match column {
                SortColumn::Title => e.clipping.title.to_lowercase(),
                SortColumn::Source => e.clipping.source.to_lowercase(),
                SortColumn::Date => e.clipping.date().to_string(),
                SortColumn::Kind => e.clipping.kind.to_string(),
                SortColumn::Countries => e.countries.clone(),
                SortColumn::Topics => e.topics.to_lowercase(),
                SortColumn::Events => e.events.to_lowercase(),
            }
        };
        entries.sort_by_cached_key(key);
        if !ascending {
            entries.reverse();
        }
        self.results = Arc::new(entries);
    }

    /// How many thumbnails fit in a grid row of `width` points.
    pub fn grid_columns(&self, width: f32) -> usize {
        let cell = self.settings.thumb_size_px + 12.0;
        ((width / cell).floor() as usize).max(1)
    }

    /// Applies an action recorded during the frame.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Search => self.search(),
            Action::Click { index, modifiers } => {
                let Some(id) = self.results.get(index).map(|e| e.id()) else { return };
                if modifiers.shift {
                    let from = self.anchor.unwrap_or(index);
                    let (lo, hi) = (from.min(index), from.max(index));
                    if !modifiers.command {
                        self.selection.clear();
                    }
                    for e in self.results.get(lo..=hi).unwrap_or_default() {
                        self.selection.insert(e.id());
                    }
                } else if modifiers.command {
                    if !self.selection.remove(&id) {
                        self.selection.insert(id);
                    }
                    self.anchor = Some(index);
                } else {
                    self.selection = BTreeSet::from([id]);
                    self.anchor = Some(index);
                }
                self.cursor = Some(index);
                self.sync_detail();
            }
            Action::SelectAll => {
                self.selection = self.results.iter().map(|e| e.id()).collect();
                self.sync_detail();
            }
            Action::ClearSelection => {
                self.selection.clear();
                self.sync_detail();
            }
            Action::Move { dx, dy } => {
                if self.results.is_empty() {
                    return;
                }
                let last = self.results.len() - 1;
                let next = match self.cursor {
                    None => 0,
                    Some(c) => {
                        let step = dx + dy;
                        c.saturating_add_signed(step).min(last)
                    }
                };
                self.apply(ctx, Action::Click { index: next, modifiers: Modifiers::NONE });
                self.scroll_to_cursor = true;
            }
            Action::OpenOriginal => {
                if let (Some(d), Status::Ready { root }) = (&self.detail, &self.status) {
                    let c = &d.item.clipping;
                    open_with_system(crate::archive::original_path_in(root, &c.hash, &c.format));
                }
            }
            Action::ToggleTag(tag) => {
                if let Some(i) = self.filters.tags.iter().position(|t| t.key() == tag.key()) {
                    self.filters.tags.remove(i);
                } else {
                    self.filters.tags.push(tag);
                }
                self.search();
            }
            Action::SetKind(kind) => {
                self.filters.kind = kind;
                self.search();
            }
            Action::SetImported(imported) => {
                self.filters.imported = imported;
                self.search();
            }
            Action::ShowTrash(on) => {
                self.filters = Filters { in_trash: on, ..Filters::default() };
                self.selection.clear();
                self.detail = None;
                self.search();
            }
            Action::Restore(ids) => {
                if !ids.is_empty() {
                    self.selection.clear();
                    self.detail = None;
                    self.send(Request::Restore(ids));
                }
            }
            Action::EmptyTrash => {
                self.confirm_empty_trash = false;
                self.selection.clear();
                self.detail = None;
                self.send(Request::EmptyTrash);
            }
            Action::ClearFilters => {
                self.filters = Filters::default();
                self.search();
            }
            Action::AddTag { tag, ids } => {
                if !ids.is_empty() {
                    self.send(Request::AddTag { tag, ids });
                }
            }
            Action::RemoveTag { tag, ids } => {
                if !ids.is_empty() {
                    self.send(Request::RemoveTag { tag, ids });
                }
            }
            Action::Save(clipping) => self.send(Request::Update(clipping)),
            Action::Trash => {
                let ids = self.selected_ids();
                if !ids.is_empty() && !self.filters.in_trash {
                    self.selection.clear();
                    self.detail = None;
                    self.send(Request::Trash(ids));
                }
            }
            Action::Undo => match self.undo_stack.pop() {
                Some(undo) => self.undo(undo),
                None => self.toast("Nothing to undo".into(), None, false),
            },
            Action::UndoChange(undo) => {
                if let Some(i) = self.undo_stack.iter().rposition(|u| *u == undo) {
                    self.undo_stack.remove(i);
                }
                self.undo(undo);
            }
            Action::Import(paths) => {
                if paths.is_empty() || self.import.is_some() || !matches!(self.status, Status::Ready { .. }) {
                    return;
                }
                let cancel = Arc::new(AtomicBool::new(false));
                self.import = Some(ImportRun { n_done: 0, n_files: 0, current: None, cancel: Arc::clone(&cancel) });
                self.import_report = None;
                self.send(Request::Import { paths, cancel });
            }
            Action::PasteText(_) | Action::PasteImage(_) => {
                if self.import.is_some() || !matches!(self.status, Status::Ready { .. }) {
                    self.toast("Wait for the import to finish, then paste again".into(), None, true);
                    return;
                }
                let stamp = chrono::Local::now().format("%Y-%m-%d %H-%M-%S");
                // A paste is an import of one item, with the same progress and report.
                self.import =
                    Some(ImportRun { n_done: 0, n_files: 1, current: None, cancel: Arc::new(AtomicBool::new(false)) });
                self.import_report = None;
                let request = match action {
                    Action::PasteText(text) => Request::ImportText { name: format!("Pasted {stamp}.txt"), text },
                    Action::PasteImage(image) => Request::ImportImage { name: format!("Pasted {stamp}.png"), image },
                    _ => return,
                };
                self.send(request);
            }
            Action::PickFiles | Action::PickFolder => {
                let folder = matches!(action, Action::PickFolder);
                let tx = self.picked.0.clone();
                let ctx = ctx.clone();
                spawn_dialog(move || {
                    let dialog = rfd::FileDialog::new().set_title("Import into Clippings");
                    let paths = if folder {
                        dialog.pick_folder().map(|p| vec![p]).unwrap_or_default()
                    } else {
                        dialog
                            .add_filter(
                                "Clippings",
                                &["txt", "md", "jpg", "jpeg", "png", "webp", "gif", "tif", "tiff", "bmp"],
                            )
                            .add_filter("All files", &["*"])
                            .pick_files()
                            .unwrap_or_default()
                    };
                    let _ = tx.send(Picked::ImportPaths(paths));
                    ctx.request_repaint();
                });
            }
            Action::CancelImport => {
                if let Some(run) = &self.import {
                    run.cancel.store(true, Ordering::Relaxed);
                }
            }
            Action::OpenExport => {
                let ids = self.selection_or_results();
                let dest = self.settings.last_export_dir.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
                self.export_report = None;
                self.export_dialog = Some(ExportDialog { ids, dest, layout: self.settings.export_layout });
            }
            Action::PickExportFolder => {
                let tx = self.picked.0.clone();
                let ctx = ctx.clone();
                let start = self.settings.last_export_dir.clone();
                spawn_dialog(move || {
                    let mut dialog = rfd::FileDialog::new().set_title("Export to folder");
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
                let Some(dialog) = self.export_dialog.take() else { return };
                let dest = PathBuf::from(dialog.dest.trim());
                self.settings.last_export_dir = Some(dest.clone());
                self.settings.export_layout = dialog.layout;
                let cancel = Arc::new(AtomicBool::new(false));
                self.export = Some(ExportRun { n_done: 0, n_total: dialog.ids.len(), cancel: Arc::clone(&cancel) });
                self.send(Request::Export { ids: dialog.ids, dest, layout: dialog.layout, cancel });
            }
            Action::CancelExport => {
                if let Some(run) = &self.export {
                    run.cancel.store(true, Ordering::Relaxed);
                }
            }
            Action::OpenFolder(dir) => open_with_system(dir),
            Action::Sort(column) => {
                self.sort = match self.sort {
                    Some((c, asc)) if c == column => Some((c, !asc)),
                    _ => Some((column, column != SortColumn::Date)),
                };
                self.apply_sort();
            }
            Action::AcceptSuggestions { ids, kind, only } => {
                self.send(Request::AcceptSuggestions { ids, kind, only });
            }
            Action::DismissSuggestion { id, tag } => self.send(Request::DismissSuggestion { id, tag }),
            Action::Suggest(ids) => self.send(Request::Suggest(ids)),
            Action::LoadImage(id, max_side_px) => self.send(Request::LoadImage { id, max_side_px }),
            Action::Retry => {
                self.status = Status::Opening;
                self.worker = worker::spawn(self.archive_dir.clone(), ctx.clone());
            }
        }
    }

    fn undo(&mut self, undo: Undo) {
        // The reverse change is not itself undoable: its toast would offer to redo.
        self.skip_next_undo = true;
        match undo {
            Undo::AddedTag { tag, ids } => self.send(Request::RemoveTag { tag, ids }),
            Undo::RemovedTag { tag, ids } => self.send(Request::AddTag { tag, ids }),
            Undo::Trashed(ids) => self.send(Request::Restore(ids)),
            Undo::Edited(before) => self.send(Request::Update(before)),
        }
    }

    /// Keyboard shortcuts that act on the whole window.
    fn shortcuts(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        // Keys belong to a text field while one has focus; a focused button or row does not
        // keep the arrows and Delete from the browser.
        let typing =
            ctx.memory(|m| m.focused()).is_some_and(|id| egui::text_edit::TextEditState::load(ctx, id).is_some());
        ctx.input_mut(|i| {
            if i.consume_key(Modifiers::COMMAND, Key::F) {
                self.focus_search = true;
            }
            if i.consume_key(Modifiers::COMMAND, Key::Z) && !typing {
                actions.push(Action::Undo);
            }
            if typing {
                return;
            }
            if i.consume_key(Modifiers::NONE, Key::Slash) {
                self.focus_search = true;
            }
            if i.consume_key(Modifiers::COMMAND, Key::A) {
                actions.push(Action::SelectAll);
            }
            let columns = if self.settings.view == View::Grid { self.grid_columns_cached } else { 1 };
            let moves = [
                (Key::ArrowLeft, -1, 0),
                (Key::ArrowRight, 1, 0),
                (Key::ArrowUp, 0, -(columns as isize)),
                (Key::ArrowDown, 0, columns as isize),
            ];
            for (key, dx, dy) in moves {
                if i.consume_key(Modifiers::NONE, key) {
                    actions.push(Action::Move { dx, dy });
                }
            }
            if i.consume_key(Modifiers::NONE, Key::Enter) {
                actions.push(Action::OpenOriginal);
            }
            if i.consume_key(Modifiers::NONE, Key::Delete) {
                actions.push(Action::Trash);
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                // Escape undoes the last narrowing: first the selection, then the search.
                if self.selection.is_empty() && !self.search_text.is_empty() {
                    self.search_text.clear();
                    actions.push(Action::Search);
                } else {
                    actions.push(Action::ClearSelection);
                }
            }
            // Pasted text becomes an article, a pasted image a photo.
            for event in &i.events {
                match event {
                    egui::Event::Paste(text) if !text.trim().is_empty() => {
                        actions.push(Action::PasteText(text.clone()));
                    }
                    egui::Event::PasteImage(image) => actions.push(Action::PasteImage(Arc::clone(image))),
                    _ => {}
                }
            }
        });
    }

    /// Draws the whole window. `eframe::App::ui` calls this; tests and benchmarks call it too.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.handle_replies(&ctx);
        self.thumbs.begin_frame(&ctx);
        let mut actions = Vec::new();
        self.shortcuts(&ctx, &mut actions);

        top_bar::top_bar_ui(ui, self, &mut actions);
        overlays::status_bar_ui(ui, self, &mut actions);
        match &self.status {
            Status::Ready { .. } => {
                sidebar::sidebar_ui(ui, self, &mut actions);
                detail::detail_panel_ui(ui, self, &mut actions);
                browser::browser_ui(ui, self, &mut actions);
            }
            Status::Opening => {
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.centered_and_justified(|ui| ui.spinner());
                });
            }
            Status::Failed { .. } => overlays::failure_ui(ui, self, &mut actions),
        }
        overlays::windows_ui(&ctx, self, &mut actions);
        overlays::toasts_ui(&ctx, self, &mut actions);
        overlays::drop_ui(&ctx, self, &mut actions);

        for action in actions {
            self.apply(&ctx, action);
        }
        self.toasts.retain(|t| t.shown_at.elapsed() < TOAST_DURATION);
        if !self.toasts.is_empty() {
            ctx.request_repaint_after(Duration::from_millis(500));
        }
    }
}

fn spawn_dialog(f: impl FnOnce() + Send + 'static) {
    // A dialog that cannot be shown simply never answers; the window goes on.
    let _ = std::thread::Builder::new().name("file-dialog".into()).spawn(f);
}

/// Opens a file or folder with the desktop's default application, off the UI thread.
fn open_with_system(path: PathBuf) {
    let _ = std::thread::Builder::new().name("open".into()).spawn(move || {
        let program = if cfg!(target_os = "macos") {
            "open"
        } else if cfg!(target_os = "windows") {
            "explorer"
        } else {
            "xdg-open"
        };
        let _ = std::process::Command::new(program).arg(&path).status();
    });
}

/// When the process started, for `CLIPPINGS_LOG_STARTUP=1`, which prints how long the first
/// frame and the first results took (the cold-start figures of the benchmark, measured on the
/// real window).
struct StartupLog {
    started: Instant,
    first_frame_done: bool,
}

static STARTUP: std::sync::Mutex<Option<StartupLog>> = std::sync::Mutex::new(None);

fn log_startup(app: &ClippingsApp) {
    let mut guard = STARTUP.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(log) = guard.as_mut() else { return };
    if !log.first_frame_done {
        log.first_frame_done = true;
        eprintln!("clippings: first frame after {} ms", log.started.elapsed().as_millis());
    }
    if app.is_idle() {
        eprintln!("clippings: {} clippings shown after {} ms", app.results.len(), log.started.elapsed().as_millis());
        *guard = None;
    }
}

impl eframe::App for ClippingsApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        log_startup(self);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

/// Opens the window on the archive in `archive_dir`. Returns when the window is closed.
/// `started` is when the process began, for the startup log.
pub fn run(archive_dir: PathBuf, started: Instant) -> eframe::Result {
    if std::env::var_os("CLIPPINGS_LOG_STARTUP").is_some() {
        *STARTUP.lock().unwrap_or_else(std::sync::PoisonError::into_inner) =
            Some(StartupLog { started, first_frame_done: false });
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Clippings")
            .with_app_id("clippings")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Clippings",
        options,
        Box::new(move |cc| {
            let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
            Ok(Box::new(ClippingsApp::new(&cc.egui_ctx, archive_dir, settings)))
        }),
    )
}
