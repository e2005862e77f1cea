//! What the window shows: the state every panel reads. Only the app (`app/`) changes it, in
//! answer to an `Action` a panel recorded or a reply of the worker; panels get it as `&AppState`.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::archive::catalog::Entry;
use crate::archive::{ClippingId, Tag, TagCount};
use crate::export::{ExportReport, Layout};
use crate::i18n::Lang;
use crate::import::ImportReport;
use crate::search::query::{Query, Sort};
use crate::ui::worker::{Edit, SavedCount};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    Grid,
    List,
    /// Counts per period and group, as charts (`panels/coverage.rs`).
    Coverage,
}

/// What is remembered between runs (window size and panel widths eframe keeps itself). Read
/// through [`StoredSettings`], which also reads what earlier versions wrote.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(from = "StoredSettings")]
pub struct Settings {
    pub view: View,
    pub thumb_size_px: f32,
    pub last_export_dir: Option<PathBuf>,
    /// The export dialog's choices, as last made.
    pub export: ExportOptions,
    /// The order of results, unless a list column's header was clicked.
    pub order: Sort,
    /// The window's language as chosen in its menu; `None` follows the system's.
    pub language: Option<Lang>,
    /// The press review dialog's choices, as last made.
    pub review: ReviewSettings,
    /// Results show a story printed by several outlets once, with "also in".
    pub collapse_reprints: bool,
    /// The list's column widths as the user dragged them, by column (the title takes the rest).
    pub list_widths: std::collections::BTreeMap<SortColumn, f32>,
}

/// What the press review dialog remembers: its options as last made (the title and the period
/// are each review's own, and are set anew when the dialog opens), the format and the folder.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewSettings {
    pub options: crate::review::ReviewOptions,
    pub format: crate::review::Format,
    pub last_dir: Option<PathBuf>,
}

/// How an export is laid out: what the dialog asks, the settings remember and the worker is
/// asked for.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    pub layout: Layout,
    /// Country folders named in the window's language rather than in English.
    pub localized: bool,
    /// `coverage.csv` beside `clippings.csv`: the counts per month by country, topic, event,
    /// outlet and kind.
    pub coverage: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions { layout: Layout::Flat, localized: false, coverage: false }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            view: View::Grid,
            thumb_size_px: 160.0,
            last_export_dir: None,
            export: ExportOptions::default(),
            order: Sort::Relevance,
            language: None,
            review: ReviewSettings::default(),
            collapse_reprints: true,
            list_widths: Default::default(),
        }
    }
}

/// The settings as stored, in today's shape or in the one before the export's and the review's
/// options were types of their own (`export_layout`, `export_localized`, the review's choices
/// one by one): what an earlier version wrote is read, and written back in today's shape. Each
/// field has the shape it is written in (RON writes an `Option` as `Some(..)`, a value bare), and
/// a new shape left at its default gives way to the old one.
#[derive(Deserialize)]
#[serde(default)]
struct StoredSettings {
    view: View,
    thumb_size_px: f32,
    last_export_dir: Option<PathBuf>,
    export: ExportOptions,
    export_layout: Layout,
    export_localized: bool,
    order: Sort,
    language: Option<Lang>,
    review: StoredReview,
    collapse_reprints: bool,
    list_widths: std::collections::BTreeMap<SortColumn, f32>,
}

impl Default for StoredSettings {
    fn default() -> Self {
        let d = Settings::default();
        StoredSettings {
            view: d.view,
            thumb_size_px: d.thumb_size_px,
            last_export_dir: d.last_export_dir,
            export: d.export,
            export_layout: d.export.layout,
            export_localized: d.export.localized,
            order: d.order,
            language: d.language,
            review: StoredReview::default(),
            collapse_reprints: d.collapse_reprints,
            list_widths: d.list_widths,
        }
    }
}

#[derive(Deserialize)]
#[serde(default)]
struct StoredReview {
    options: crate::review::ReviewOptions,
    organisation: String,
    group_by: crate::review::GroupBy,
    words: Option<usize>,
    paper: crate::review::Paper,
    pictures: bool,
    format: crate::review::Format,
    last_dir: Option<PathBuf>,
}

impl Default for StoredReview {
    fn default() -> Self {
        let o = crate::review::ReviewOptions::default();
        StoredReview {
            organisation: o.organisation.clone(),
            group_by: o.group_by,
            words: o.words,
            paper: o.paper,
            pictures: o.pictures,
            options: o,
            format: crate::review::Format::default(),
            last_dir: None,
        }
    }
}

impl From<StoredSettings> for Settings {
    fn from(stored: StoredSettings) -> Settings {
        let export = if stored.export == ExportOptions::default() {
            ExportOptions { layout: stored.export_layout, localized: stored.export_localized, coverage: false }
        } else {
            stored.export
        };
        let r = stored.review;
        let options = if r.options == crate::review::ReviewOptions::default() {
            crate::review::ReviewOptions {
                organisation: r.organisation,
                group_by: r.group_by,
                words: r.words,
                paper: r.paper,
                pictures: r.pictures,
                ..r.options
            }
        } else {
            r.options
        };
        Settings {
            view: stored.view,
            thumb_size_px: stored.thumb_size_px,
            last_export_dir: stored.last_export_dir,
            export,
            order: stored.order,
            language: stored.language,
            review: ReviewSettings { options, format: r.format, last_dir: r.last_dir },
            collapse_reprints: stored.collapse_reprints,
            list_widths: stored.list_widths,
        }
    }
}

#[derive(Debug)]
pub enum Status {
    Opening,
    Ready { root: PathBuf },
    Failed { message: String, locked: bool, asks_password: bool },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

impl Toast {
    /// How long a toast stays: longer with a button to press, longer for an error to read.
    pub fn lifetime(&self) -> std::time::Duration {
        let seconds = match (&self.undo, self.is_error) {
            (Some(_), _) => 12,
            (None, true) => 10,
            (None, false) => 6,
        };
        std::time::Duration::from_secs(seconds)
    }

    /// Whether it has been shown its time.
    pub fn is_spent(&self) -> bool {
        self.shown_at.elapsed() >= self.lifetime()
    }
}

/// Everything the panels read. Changed only by the app.
pub struct AppState {
    pub status: Status,
    pub settings: Settings,
    /// The search box's text as last searched for.
    pub search_text: String,
    /// The sidebar's filters (tags, kind, when imported, the trash), on top of what is typed
    /// in the search box; its relative periods follow the clock ([`Query::on`]).
    pub filters: Query,
    /// The results shown, newest first unless sorted otherwise in the list.
    pub results: Arc<Vec<Arc<Entry>>>,
    /// For each result in a story, the story's clippings, itself among them (see
    /// [`AppState::reprints_of`]).
    pub reprints: Arc<crate::ui::worker::Stories>,
    /// What each card that shows a story once stands for besides itself: the story's other
    /// results. An action on a selected card acts on them too.
    pub folded: Arc<crate::archive::browse::Folded>,
    /// How many clippings the selection stands for, as last counted, with the results and the
    /// selection it was counted for.
    n_selected: std::cell::Cell<Option<((usize, u64), usize)>>,
    pub tag_counts: Vec<TagCount>,
    pub n_total: usize,
    pub n_trashed: usize,
    /// Clippings new and not looked at yet (the sidebar's "Inbox (N)").
    pub n_inbox: usize,
    /// The archive's setting: imports make the countries they suggest tags.
    pub accept_countries_on_import: bool,
    /// Every known tag, for completion.
    pub all_tags: Vec<Tag>,
    /// The saved searches with their counts.
    pub saved: Vec<SavedCount>,
    pub selection: Selection,
    /// Where the keyboard is in the results.
    pub cursor: Option<usize>,
    pub import: Option<ImportRun>,
    pub import_report: Option<ImportReport>,
    pub export: Option<ExportRun>,
    pub export_report: Option<ExportReport>,
    /// Photos and scans being read as text after an import.
    pub scans: Option<ExportRun>,
    /// What the last check of a mailbox came to, for the status line.
    pub mail: Option<crate::ui::worker::mail::MailStatus>,
    /// Said once a run: tesseract is missing, so pictures stay pictures.
    pub ocr_missing_said: bool,
    pub toasts: Vec<Toast>,
    /// A list column clicked for sorting, and whether ascending.
    pub sort: Option<(SortColumn, bool)>,
    /// Clippings indexed of those waiting, while the search index is built or caught up.
    pub indexing: Option<(usize, usize)>,
    /// What a tag edit of many clippings, running on its own thread, is doing.
    pub large_edit: Option<String>,
    /// Where the archive is, as shown in the status bar: its folder, or its server's address.
    pub archive_label: String,
    /// Why a team archive's server cannot be reached, while it cannot: the window shows what
    /// this desktop last saw.
    pub team_unreachable: Option<String>,
    /// False for a team archive's reader.
    pub may_change: bool,
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
            filters: Query::default(),
            results: Arc::new(Vec::new()),
            reprints: Arc::default(),
            folded: Arc::default(),
            n_selected: std::cell::Cell::new(None),
            tag_counts: Vec::new(),
            n_total: 0,
            accept_countries_on_import: false,
            n_trashed: 0,
            n_inbox: 0,
            all_tags: Vec::new(),
            saved: Vec::new(),
            selection: Selection::default(),
            cursor: None,
            import: None,
            import_report: None,
            export: None,
            scans: None,
            mail: None,
            ocr_missing_said: false,
            export_report: None,
            toasts: Vec::new(),
            sort: None,
            indexing: None,
            large_edit: None,
            archive_label: String::new(),
            team_unreachable: None,
            may_change: true,
        }
    }

    pub fn is_ready(&self) -> bool {
        matches!(self.status, Status::Ready { .. })
    }

    /// The selected clippings in the order shown, each card followed by the results folded
    /// into it (a story's other clippings, with one card a story): what an action on the
    /// selection acts on. Select all, then tag, reaches every clipping found, whether the
    /// stories were folded before or after the selection was made.
    pub fn selected_entries(&self) -> Vec<Arc<Entry>> {
        let mut out = Vec::with_capacity(self.selection.len());
        each_selected(&self.results, self.selected_or_all(), &self.folded, &self.reprints, &mut |e| {
            out.push(Arc::clone(e));
            true
        });
        out
    }

    /// The selection, or `None` when every card shown is selected: the selection is kept to
    /// the cards shown, so as many selected as shown is all of them, with no look-up each (a
    /// million of them took a tenth of a second).
    fn selected_or_all(&self) -> Option<&Selection> {
        (self.selection.len() < self.results.len()).then_some(&self.selection)
    }

    /// What a thread needs to go through the selected entries ([`SelectedParts::each`]): the
    /// results, the folding and the stories shared, the selection copied unless it is all.
    pub fn selected_parts(&self) -> SelectedParts {
        SelectedParts {
            results: Arc::clone(&self.results),
            selection: self.selected_or_all().cloned(),
            folded: Arc::clone(&self.folded),
            reprints: Arc::clone(&self.reprints),
        }
    }

    /// The ids of [`AppState::selected_entries`].
    pub fn selected_ids(&self) -> Vec<ClippingId> {
        self.selected_entries().iter().map(|e| e.id()).collect()
    }

    /// The results folded into the card of `id` (a story's other results, with one card a
    /// story), earliest first.
    pub fn folded_into(&self, id: ClippingId) -> impl Iterator<Item = &Arc<Entry>> {
        self.folded.into_card(id, &self.reprints)
    }

    /// Every result, each card followed by those folded into it: what the search found.
    pub fn result_ids(&self) -> Vec<ClippingId> {
        let mut out = Vec::with_capacity(self.results.len());
        for e in self.results.iter() {
            out.push(e.id());
            out.extend(self.folded_into(e.id()).map(|m| m.id()));
        }
        out
    }

    /// How many clippings the selection stands for (the status bar's count, drawn each frame:
    /// counted again only when the selection or the results change).
    pub fn n_selected(&self) -> usize {
        if self.folded.is_empty() {
            return self.selection.len();
        }
        let key = (Arc::as_ptr(&self.results) as usize, self.selection.generation());
        if let Some((k, n)) = self.n_selected.get()
            && k == key
        {
            return n;
        }
        let n = self.selection.iter().map(|&id| 1 + self.folded_into(id).count()).sum();
        self.n_selected.set(Some((key, n)));
        n
    }

    /// The selection if `id` is in it, else `id` alone with what its card stands for (what a
    /// card's menu acts on).
    pub fn selected_ids_or(&self, id: ClippingId) -> Vec<ClippingId> {
        if self.selection.contains(&id) {
            return self.selected_ids();
        }
        std::iter::once(id).chain(self.folded_into(id).map(|e| e.id())).collect()
    }

    /// How many thumbnails fit in a grid row of `width` points.
    pub fn grid_columns(&self, width: f32) -> usize {
        let cell = self.settings.thumb_size_px + 12.0;
        ((width / cell).floor() as usize).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// eframe's storage, holding what an earlier version of the window wrote.
    struct Stored(String);

    impl eframe::Storage for Stored {
        fn get_string(&self, _key: &str) -> Option<String> {
            Some(self.0.clone())
        }
        fn set_string(&mut self, _key: &str, value: String) {
            self.0 = value;
        }
        fn remove_string(&mut self, _key: &str) {
            self.0.clear();
        }
        fn flush(&mut self) {}
    }

    /// Settings written before the export's and the review's options were one type each are
    /// read into them, and what is written now is read back.
    #[test]
    fn settings_written_before_the_options_were_types_of_their_own_are_read() {
        let before = r#"(view:List,thumb_size_px:180.0,last_export_dir:Some("/home/aigerim/Для министра"),export_layout:country,export_localized:true,order:Newest,language:Some(Ru),review:(organisation:"Embassy of Kazakhstan",group_by:topic,words:Some(80),paper:letter,pictures:false,format:docx,last_dir:None),collapse_reprints:false)"#;
        let mut storage = Stored(before.to_owned());
        let read: Settings = eframe::get_value(&storage, eframe::APP_KEY).expect("the old settings are read");
        assert_eq!(read.view, View::List);
        assert_eq!(read.export, ExportOptions { layout: Layout::Country, localized: true, coverage: false });
        assert_eq!(read.last_export_dir, Some(PathBuf::from("/home/aigerim/Для министра")));
        assert_eq!(read.language, Some(Lang::Ru));
        let review = &read.review.options;
        assert_eq!(review.organisation, "Embassy of Kazakhstan");
        assert_eq!(review.group_by, crate::review::GroupBy::Topic);
        assert_eq!((review.words, review.paper, review.pictures), (Some(80), crate::review::Paper::Letter, false));
        assert_eq!(read.review.format, crate::review::Format::Docx);
        assert!(!read.collapse_reprints);
        eframe::set_value(&mut storage, eframe::APP_KEY, &read);
        let again: Settings = eframe::get_value(&storage, eframe::APP_KEY).expect("the new settings are read");
        assert_eq!(again.export, read.export);
        assert_eq!(again.review.options, read.review.options);
    }
}

/// The selected entries of [`AppState::selected_entries`], held apart from the state.
pub struct SelectedParts {
    results: Arc<Vec<Arc<Entry>>>,
    /// `None`: every card shown.
    selection: Option<Selection>,
    folded: Arc<crate::archive::browse::Folded>,
    reprints: Arc<crate::ui::worker::Stories>,
}

impl SelectedParts {
    /// Each selected entry, each card followed by those folded into it, until `f` says stop.
    pub fn each(&self, f: &mut dyn FnMut(&Arc<Entry>) -> bool) {
        each_selected(&self.results, self.selection.as_ref(), &self.folded, &self.reprints, f);
    }
}

/// Each selected entry (every card shown when `selection` is `None`), each card followed by
/// the results folded into it, until `f` says stop.
fn each_selected(
    results: &[Arc<Entry>],
    selection: Option<&Selection>,
    folded: &crate::archive::browse::Folded,
    reprints: &crate::ui::worker::Stories,
    f: &mut dyn FnMut(&Arc<Entry>) -> bool,
) {
    for e in results.iter().filter(|e| selection.is_none_or(|s| s.contains(&e.id()))) {
        if !f(e) {
            return;
        }
        for member in folded.into_card(e.id(), reprints) {
            if !f(member) {
                return;
            }
        }
    }
}

/// The selected clippings, with a number that changes whenever they may have: what is derived
/// from the selection (the bulk pane's summary) is made again when it does. Hashing a million
/// selected ids to tell took 25 ms a frame.
#[derive(Debug, Clone)]
pub struct Selection {
    ids: BTreeSet<ClippingId>,
    generation: u64,
}

/// Handed out once each, across every selection, so that a selection made anew never takes an
/// older one's number.
static GENERATIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_generation() -> u64 {
    GENERATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Selection {
    /// A number no other state of any selection has had.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Keeps those `keep` holds of; the number changes only if any was let go, so that what
    /// is derived from the selection is not made again after every search.
    pub fn retain(&mut self, keep: impl FnMut(&ClippingId) -> bool) {
        let before = self.ids.len();
        self.ids.retain(keep);
        if self.ids.len() != before {
            self.generation = next_generation();
        }
    }
}

impl Default for Selection {
    fn default() -> Selection {
        Selection { ids: BTreeSet::new(), generation: next_generation() }
    }
}

impl std::ops::Deref for Selection {
    type Target = BTreeSet<ClippingId>;

    fn deref(&self) -> &BTreeSet<ClippingId> {
        &self.ids
    }
}

/// Any change goes through here, and takes a new number.
impl std::ops::DerefMut for Selection {
    fn deref_mut(&mut self) -> &mut BTreeSet<ClippingId> {
        self.generation = next_generation();
        &mut self.ids
    }
}

impl FromIterator<ClippingId> for Selection {
    fn from_iter<I: IntoIterator<Item = ClippingId>>(iter: I) -> Selection {
        Selection { ids: iter.into_iter().collect(), generation: next_generation() }
    }
}
