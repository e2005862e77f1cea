//! What the window and its worker say to each other: requests, the edits among them, and replies.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::archive::catalog::{Catalog, Entry};
use crate::archive::{Clipping, ClippingId, ClippingWithTags, SavedSearch, Suggestion, Tag, TagCount};
use crate::export::ExportReport;
use crate::import::ImportReport;
use crate::search::query::{Query, Sort};

/// What the UI asks of the worker.
#[derive(Debug)]
pub enum Request {
    Search {
        generation: u64,
        query: Query,
        sort: Sort,
    },
    Load(ClippingId),
    /// The leads of these article cards, drawn without them (see `ui::leads`).
    Leads(Vec<ClippingId>),
    /// A photo decoded for the detail pane, at most `max_side_px` on its long edge.
    LoadImage {
        id: ClippingId,
        max_side_px: u32,
    },
    Import {
        paths: Vec<PathBuf>,
        /// Pages by their addresses, fetched and imported before the paths.
        addresses: Vec<String>,
        cancel: Arc<AtomicBool>,
    },
    /// Photos and scans read as text (again), on a thread of their own.
    ReadScans(Vec<ClippingId>),
    /// Something pasted, imported as one item.
    Paste(Pasted),
    /// A change to the archive. `is_undo` says it takes back an earlier change: its reply then
    /// offers no undo of its own.
    Edit {
        edit: Edit,
        is_undo: bool,
    },
    Export {
        ids: Vec<ClippingId>,
        dest: PathBuf,
        /// The layout; country folders named in the window's language when asked (and it is
        /// not English).
        options: crate::ui::state::ExportOptions,
        cancel: Arc<AtomicBool>,
    },
    /// Lays out a press review with thumbnails for the dialog's preview.
    ReviewPreview {
        generation: u64,
        source: ReviewSource,
        options: crate::review::ReviewOptions,
        cancel: Arc<AtomicBool>,
    },
    /// Makes a press review and writes it to `path`.
    Review {
        source: ReviewSource,
        options: crate::review::ReviewOptions,
        format: crate::review::Format,
        path: PathBuf,
        cancel: Arc<AtomicBool>,
    },
    /// Re-read these clippings into the catalog (sent by the import thread as it goes).
    Refresh(Vec<ClippingId>),
    /// The archive's reprints, found on a thread of their own: article -> its story's first.
    StoriesLoaded(std::collections::HashMap<ClippingId, ClippingId>),
    /// Whether results show each story once.
    SetCollapseReprints(bool),
    /// The whole catalog, read on a thread of its own after the newest clippings were shown.
    CatalogLoaded(Box<Catalog>),
    /// A large edit, made on a thread of its own, is done (or failed).
    EditDone {
        outcome: Box<EditOutcome>,
        is_undo: bool,
    },
    RefreshTags,
    /// The whole text of these clippings, for the clipboard (the catalog holds only leads).
    CopyText(Vec<ClippingId>),
    /// Where a clipping's original is, to open it or show it in its folder (the catalog's
    /// cards keep no hash but a picture's; a team archive's original is fetched first).
    Original {
        id: ClippingId,
        in_folder: bool,
    },
    /// The window's language changed: the worker words its messages in it from now on.
    SetLanguage(crate::i18n::Lang),
    /// The window is gone: let go of the archive. (The worker's own threads hold senders to
    /// its inbox, so the channel alone would never close.)
    Shutdown,
    /// Checks the archive's mailboxes now.
    CheckMail,
    /// What the Rules dialog asks.
    Rules(super::RulesRequest),
}

/// What was pasted into the window.
pub use crate::archive::browse::{Reprint, Stories};

/// What a press review is made of.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewSource {
    Ids(Vec<ClippingId>),
    /// What a query finds (a saved search's), found when the review is made.
    Query(String),
}

/// The first pages of a review as laid out, for the dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewPreview {
    pub generation: u64,
    pub width: f32,
    pub height: f32,
    pub pages: Vec<crate::review::layout::Page>,
    pub n_pages: usize,
    pub n_stories: usize,
    /// The sections in their order: key, heading, number of stories.
    pub sections: Vec<(String, String, usize)>,
}

#[derive(Debug)]
pub enum Pasted {
    Text {
        name: String,
        text: String,
    },
    /// Stored as a PNG photo.
    Image {
        name: String,
        image: Arc<egui::ColorImage>,
    },
}

pub use crate::archive::edit::Edit;

/// A saved search with how many clippings it finds now, and how many of them were imported
/// since it was last opened.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedCount {
    pub search: SavedSearch,
    pub n: usize,
    pub n_new: usize,
}

/// Which request a reply answers, where the UI must tell them apart: an import's or an export's
/// failure ends it; any other failure is only shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    Search,
    Load,
    Image,
    Import,
    Edit,
    Export,
    Review,
    Refresh,
}

impl Request {
    pub fn kind(&self) -> RequestKind {
        match self {
            Request::Search { .. } => RequestKind::Search,
            Request::Load(_) | Request::Leads(_) | Request::CopyText(_) | Request::Original { .. } => RequestKind::Load,
            Request::LoadImage { .. } => RequestKind::Image,
            Request::Import { .. } | Request::Paste(_) | Request::ReadScans(_) => RequestKind::Import,
            Request::Edit { .. } => RequestKind::Edit,
            Request::Export { .. } => RequestKind::Export,
            Request::ReviewPreview { .. } | Request::Review { .. } => RequestKind::Review,
            Request::Refresh(_)
            | Request::RefreshTags
            | Request::StoriesLoaded(_)
            | Request::SetCollapseReprints(_)
            | Request::CatalogLoaded(_)
            | Request::EditDone { .. }
            | Request::SetLanguage(_)
            | Request::CheckMail
            | Request::Rules(_)
            | Request::Shutdown => RequestKind::Refresh,
        }
    }
}

/// What a large edit made on its own thread did, for the worker to answer with.
pub struct EditOutcome(pub(super) Result<crate::archive::edit::Applied, String>);

impl std::fmt::Debug for EditOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EditOutcome").field("ok", &self.0.is_ok()).finish()
    }
}

/// What the worker tells the UI.
#[derive(Debug)]
pub enum Reply {
    /// What the check of a mailbox came to.
    Mail(super::mail::MailStatus),
    /// The Rules dialog's answer.
    Rules(super::RulesReply),
    /// Text to put on the clipboard: the clippings' text, and how many.
    Clipboard {
        text: String,
        n: usize,
    },
    /// A clipping's original, on this desktop, to open or show in its folder.
    OriginalAt {
        path: PathBuf,
        in_folder: bool,
    },
    Opened {
        root: PathBuf,
        /// Where the archive is, as shown: its folder, or its server's address.
        place: String,
        /// False for a team archive's reader: the window then changes nothing.
        may_change: bool,
        n_clippings: usize,
        /// Clippings the search index has yet to take in; indexing follows at once.
        n_index_pending: usize,
        /// The archive's setting: imports accept the countries they suggest.
        accept_countries_on_import: bool,
    },
    OpenFailed {
        message: String,
        locked: bool,
        /// A team archive's server wants a password: the window asks for it.
        asks_password: bool,
    },
    Results {
        generation: u64,
        entries: Arc<Vec<Arc<Entry>>>,
        /// For each result in a story, the story's clippings (itself among them): one list a
        /// story, shared by its clippings.
        reprints: Arc<Stories>,
        /// What each card that shows a story once stands for besides itself.
        folded: Arc<crate::archive::browse::Folded>,
        tag_counts: Vec<TagCount>,
        /// Clippings in the archive and in the trash, whatever the query.
        n_total: usize,
        n_trashed: usize,
        /// Clippings in the inbox, whatever the query.
        n_inbox: usize,
        /// For a search with words: the number of the [`Reply::WholeTexts`] that follows, with
        /// the first results' whole texts for their snippets.
        texts: Option<u64>,
    },
    /// The whole records of a search's first results ([`Reply::Results`]'s `texts`), those
    /// still there.
    WholeTexts {
        ask: u64,
        clippings: Vec<Clipping>,
    },
    /// Every known tag (for autocompletion), after any change to tags.
    AllTags(Vec<Tag>),
    /// The saved searches with their counts, after anything that may change them.
    SavedSearches(Vec<SavedCount>),
    Detail(Box<ClippingWithTags>),
    /// The leads asked for by [`Request::Leads`] (empty for a clipping gone or without text).
    Leads(Vec<(ClippingId, String)>),
    /// The open suggestions of the clipping the pane shows: after its [`Reply::Detail`], and
    /// again after any change to it.
    Suggestions {
        id: ClippingId,
        suggestions: Vec<Suggestion>,
    },
    Image {
        id: ClippingId,
        image: egui::ColorImage,
    },
    ImportStarted {
        n_files: usize,
    },
    ImportProgress {
        n_done: usize,
        n_files: usize,
        current: PathBuf,
    },
    ImportFinished(ImportReport),
    /// The photos and scans just imported are being read as text (OCR), `cancel` stops it.
    ScansStarted {
        n_total: usize,
        cancel: Arc<AtomicBool>,
    },
    /// Clipping `id` was read (it may be shown: its pane is loaded again).
    ScanProgress {
        id: ClippingId,
        n_done: usize,
        n_total: usize,
    },
    /// The reading ended: what it found, or why it could not read at all (tesseract missing).
    ScansFinished(Result<crate::import::scans::ScanReport, String>),
    /// The search index is being built or caught up: so many of so many clippings done.
    Indexing {
        n_done: usize,
        n_total: usize,
    },
    IndexingFinished,
    /// A tag edit of many clippings runs on its own thread: what it does, for the status bar
    /// while it runs; `None` once it has ended (its toast or failure follows).
    LargeEdit(Option<String>),
    ExportProgress {
        n_done: usize,
        n_total: usize,
    },
    ExportFinished(ExportReport),
    ReviewPreview(Box<ReviewPreview>),
    ReviewPreviewFailed {
        generation: u64,
        message: String,
    },
    ReviewProgress {
        n_done: usize,
        n_total: usize,
    },
    ReviewFinished {
        path: PathBuf,
        n_stories: usize,
    },
    /// A change went through: the message for a toast and the edit that takes it back.
    Changed {
        message: String,
        undo: Option<Edit>,
    },
    /// A request failed (or its handler panicked); the message says why.
    Failed {
        request: RequestKind,
        message: String,
    },
    /// An edit of a clipping was refused because another desktop changed it since: the user's
    /// edit and the newer record.
    Stale {
        mine: Box<Clipping>,
        newer: Box<Clipping>,
    },
    /// Who imported, tagged and edited a clipping of a team archive, oldest first.
    History {
        id: ClippingId,
        changes: Vec<crate::archive::ChangeSet>,
    },
    /// A team archive's server cannot be reached (why, in the window's language), or can again.
    TeamServer(Option<String>),
    /// A request from the UI has been dealt with (its other replies came before this one).
    Handled,
}
