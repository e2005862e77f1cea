//! What the window shows: the state every panel reads. Only the app (`app/`) changes it, in
//! answer to an `Action` a panel recorded or a reply of the worker; panels get it as `&AppState`.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::archive::catalog::Entry;
use crate::archive::{ClippingId, Kind, Tag, TagCount};
use crate::export::{ExportReport, Layout};
use crate::i18n::Lang;
use crate::import::ImportReport;
use crate::search::query::Sort;
use crate::ui::worker::{Edit, SavedCount};

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
    /// Country folders of an export named in the window's language.
    pub export_localized: bool,
    /// The order of results, unless a list column's header was clicked.
    pub order: Sort,
    /// The window's language as chosen in its menu; `None` follows the system's.
    pub language: Option<Lang>,
    /// The press review dialog's choices, as last made.
    pub review: ReviewSettings,
    /// Results show a story printed by several outlets once, with "also in".
    pub collapse_reprints: bool,
}

/// What the press review dialog remembers: the choices that stay from one morning to the next.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewSettings {
    pub organisation: String,
    pub group_by: crate::review::GroupBy,
    pub words: Option<usize>,
    pub paper: crate::review::Paper,
    pub pictures: bool,
    pub format: crate::review::Format,
    pub last_dir: Option<PathBuf>,
}

impl Default for ReviewSettings {
    fn default() -> Self {
        ReviewSettings {
            organisation: String::new(),
            group_by: crate::review::GroupBy::Country,
            words: None,
            paper: crate::review::Paper::A4,
            pictures: true,
            format: crate::review::Format::Pdf,
            last_dir: None,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            view: View::Grid,
            thumb_size_px: 160.0,
            last_export_dir: None,
            export_layout: Layout::Flat,
            export_localized: false,
            order: Sort::Relevance,
            language: None,
            review: ReviewSettings::default(),
            collapse_reprints: true,
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

pub struct Toast {
    pub message: String,
    /// The edit that takes back what the toast tells of.
    pub undo: Option<Edit>,
    pub shown_at: Instant,
    pub is_error: bool,
}

/// Everything the panels read. Changed only by the app.
pub struct AppState {
    pub status: Status,
    pub settings: Settings,
    /// The search box's text as last searched for.
    pub search_text: String,
    pub filters: Filters,
    /// The results shown, newest first unless sorted otherwise in the list.
    pub results: Arc<Vec<Arc<Entry>>>,
    /// For each result in a story, the story's clippings, itself among them (see
    /// [`AppState::reprints_of`]).
    pub reprints: Arc<crate::ui::worker::Stories>,
    pub tag_counts: Vec<TagCount>,
    pub n_total: usize,
    pub n_trashed: usize,
    /// The archive's setting: imports make the countries they suggest tags.
    pub accept_countries_on_import: bool,
    /// Every known tag, for completion.
    pub all_tags: Vec<Tag>,
    /// The saved searches with their counts.
    pub saved: Vec<SavedCount>,
    pub selection: BTreeSet<ClippingId>,
    /// Where the keyboard is in the results.
    pub cursor: Option<usize>,
    pub import: Option<ImportRun>,
    pub import_report: Option<ImportReport>,
    pub export: Option<ExportRun>,
    pub export_report: Option<ExportReport>,
    pub toasts: Vec<Toast>,
    /// A list column clicked for sorting, and whether ascending.
    pub sort: Option<(SortColumn, bool)>,
    /// Clippings indexed of those waiting, while the search index is built or caught up.
    pub indexing: Option<(usize, usize)>,
    /// What a tag edit of many clippings, running on its own thread, is doing.
    pub large_edit: Option<String>,
}

impl AppState {
    /// The other clippings of `id`'s story, earliest first, if it has reprints: made when a
    /// row is drawn, from the story's one list (a list for each result, made with every
    /// search, held 10 MB more at 100,000 clippings).
    pub fn reprints_of(&self, id: ClippingId) -> Option<Vec<crate::ui::worker::Reprint>> {
        let others: Vec<_> = self.reprints.get(&id)?.iter().filter(|r| r.id() != id).cloned().collect();
        (!others.is_empty()).then_some(others)
    }

    pub fn new(settings: Settings) -> AppState {
        AppState {
            status: Status::Opening,
            settings,
            search_text: String::new(),
            filters: Filters::default(),
            results: Arc::new(Vec::new()),
            reprints: Arc::default(),
            tag_counts: Vec::new(),
            n_total: 0,
            accept_countries_on_import: false,
            n_trashed: 0,
            all_tags: Vec::new(),
            saved: Vec::new(),
            selection: BTreeSet::new(),
            cursor: None,
            import: None,
            import_report: None,
            export: None,
            export_report: None,
            toasts: Vec::new(),
            sort: None,
            indexing: None,
            large_edit: None,
        }
    }

    pub fn is_ready(&self) -> bool {
        matches!(self.status, Status::Ready { .. })
    }

    /// The ids of the selected clippings in the order shown.
    pub fn selected_ids(&self) -> Vec<ClippingId> {
        self.results.iter().map(|e| e.id()).filter(|id| self.selection.contains(id)).collect()
    }

    /// How many thumbnails fit in a grid row of `width` points.
    pub fn grid_columns(&self, width: f32) -> usize {
        let cell = self.settings.thumb_size_px + 12.0;
        ((width / cell).floor() as usize).max(1)
    }
}
