//! The window's worker: a named thread that owns the archive and its in-memory catalog and
//! does everything that touches the disk. The UI sends [`Request`]s and drains [`Reply`]s each
//! frame; every reply is followed by a repaint request. Imports and exports run on threads of
//! their own so that searching stays quick while they work. Each request runs under a panic
//! guard: a panic becomes a [`Reply::Failed`] naming the request, and the worker lives on.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{Receiver, Sender};

use crate::archive::{Archive, Clipping, ClippingId, ClippingWithTags, Tag, TagCount, TagKind};
use crate::export::{ExportReport, Layout};
use crate::import::{ImportProgress, ImportReport, Outcome};
use crate::search::catalog::{Catalog, Entry};
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
    /// A photo decoded for the detail pane, at most `max_side_px` on its long edge.
    LoadImage {
        id: ClippingId,
        max_side_px: u32,
    },
    Import {
        paths: Vec<PathBuf>,
        cancel: Arc<AtomicBool>,
    },
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
        layout: Layout,
        cancel: Arc<AtomicBool>,
    },
    /// Re-read these clippings into the catalog (sent by the import thread as it goes).
    Refresh(Vec<ClippingId>),
    RefreshTags,
}

/// What was pasted into the window.
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

/// A change to the archive, as the user asked for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    AddTag {
        tag: Tag,
        ids: Vec<ClippingId>,
    },
    RemoveTag {
        tag: Tag,
        ids: Vec<ClippingId>,
    },
    /// Save a clipping's edited fields.
    Update(Box<Clipping>),
    Trash(Vec<ClippingId>),
    Restore(Vec<ClippingId>),
    /// Delete what is in the trash for good.
    EmptyTrash,
    /// Accept suggested tags: of one kind (all with `None`), or just `only`.
    AcceptSuggestions {
        ids: Vec<ClippingId>,
        kind: Option<TagKind>,
        only: Option<Tag>,
    },
    DismissSuggestion {
        id: ClippingId,
        tag: Tag,
    },
    /// Read these clippings' text again for suggestions.
    Suggest(Vec<ClippingId>),
}

/// What can be undone, as the worker did it.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// Tags added to these clippings (only those that did not have it before).
    AddedTag {
        tag: Tag,
        ids: Vec<ClippingId>,
    },
    RemovedTag {
        tag: Tag,
        ids: Vec<ClippingId>,
    },
    Trashed(Vec<ClippingId>),
    Edited(Box<Clipping>),
}

impl Undo {
    /// The change that takes this one back.
    pub fn reverse(self) -> Edit {
        match self {
            Undo::AddedTag { tag, ids } => Edit::RemoveTag { tag, ids },
            Undo::RemovedTag { tag, ids } => Edit::AddTag { tag, ids },
            Undo::Trashed(ids) => Edit::Restore(ids),
            Undo::Edited(before) => Edit::Update(before),
        }
    }
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
    Refresh,
}

impl Request {
    pub fn kind(&self) -> RequestKind {
        match self {
            Request::Search { .. } => RequestKind::Search,
            Request::Load(_) => RequestKind::Load,
            Request::LoadImage { .. } => RequestKind::Image,
            Request::Import { .. } | Request::Paste(_) => RequestKind::Import,
            Request::Edit { .. } => RequestKind::Edit,
            Request::Export { .. } => RequestKind::Export,
            Request::Refresh(_) | Request::RefreshTags => RequestKind::Refresh,
        }
    }
}

/// What the worker tells the UI.
#[derive(Debug)]
pub enum Reply {
    Opened {
        root: PathBuf,
        n_clippings: usize,
        /// Clippings the search index has yet to take in; indexing follows at once.
        n_index_pending: usize,
    },
    OpenFailed {
        message: String,
        locked: bool,
    },
    Results {
        generation: u64,
        entries: Arc<Vec<Arc<Entry>>>,
        tag_counts: Vec<TagCount>,
        /// Clippings in the archive and in the trash, whatever the query.
        n_total: usize,
        n_trashed: usize,
    },
    /// Every known tag (for autocompletion), after any change to tags.
    AllTags(Vec<Tag>),
    Detail(Box<ClippingWithTags>),
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
    /// The search index is being built or caught up: so many of so many clippings done.
    Indexing {
        n_done: usize,
        n_total: usize,
    },
    IndexingFinished,
    ExportProgress {
        n_done: usize,
        n_total: usize,
    },
    ExportFinished(ExportReport),
    /// A change went through: the message for a toast and how to take it back.
    Changed {
        message: String,
        undo: Option<Undo>,
    },
    /// A request failed (or its handler panicked); the message says why.
    Failed {
        request: RequestKind,
        message: String,
    },
    /// A request from the UI has been dealt with (its other replies came before this one).
    Handled,
}

/// The UI's end of the worker.
pub struct WorkerHandle {
    tx: Sender<Request>,
    pub rx: Receiver<Reply>,
}

impl WorkerHandle {
    pub fn send(&self, request: Request) {
        // The worker only stops when the window does; a failed send means it is gone already.
        let _ = self.tx.send(request);
    }
}

/// Starts the worker on the archive in `dir`. Opening happens on the worker, so the first frame
/// does not wait for the disk.
pub fn spawn(dir: PathBuf, ctx: egui::Context) -> WorkerHandle {
    let (tx, requests) = std::sync::mpsc::channel();
    let (replies, rx) = std::sync::mpsc::channel();
    let out = Outbox { tx: replies, ctx, to_worker: tx.clone() };
    let spawned = std::thread::Builder::new().name("archive-worker".into()).spawn(move || run(&dir, &requests, &out));
    if let Err(e) = spawned {
        let (tx2, rx2) = std::sync::mpsc::channel();
        let _ = tx2.send(Reply::OpenFailed { message: format!("cannot start the worker thread: {e}"), locked: false });
        return WorkerHandle { tx, rx: rx2 };
    }
    WorkerHandle { tx, rx }
}

#[derive(Clone)]
struct Outbox {
    tx: Sender<Reply>,
    ctx: egui::Context,
    /// The worker's own inbox, for the import thread to ask for catalog refreshes.
    to_worker: Sender<Request>,
}

impl Outbox {
    fn send(&self, reply: Reply) {
        let _ = self.tx.send(reply);
        self.ctx.request_repaint();
    }
}

struct State {
    archive: Arc<Archive>,
    catalog: Catalog,
    last_query: Option<(u64, Query, Sort)>,
}

fn run(dir: &Path, requests: &Receiver<Request>, out: &Outbox) {
    let archive = match Archive::open(dir) {
        Ok(a) => Arc::new(a),
        Err(e) => {
            let locked = matches!(e, crate::archive::Error::Locked(_));
            out.send(Reply::OpenFailed { message: e.to_string(), locked });
            return;
        }
    };
    let catalog = match archive.catalog() {
        Ok(c) => c,
        Err(e) => {
            out.send(Reply::OpenFailed { message: e.to_string(), locked: false });
            return;
        }
    };
    let n_index_pending = archive.n_index_pending().unwrap_or(0);
    out.send(Reply::Opened { root: archive.root().to_path_buf(), n_clippings: catalog.len(), n_index_pending });
    catch_up_index(&archive, out);
    let mut state = State { archive, catalog, last_query: None };
    send_all_tags(&state, out);
    while let Ok(request) = requests.recv() {
        // While typing, only the newest search matters: skip the ones already overtaken.
        let request = match request {
            Request::Search { .. } => newest_search(request, requests, &mut state, out),
            other => other,
        };
        handle_and_answer(request, &mut state, out);
    }
}

/// Drains queued requests, keeping the last search; other requests found meanwhile are handled
/// in order. Returns the search to run.
fn newest_search(first: Request, requests: &Receiver<Request>, state: &mut State, out: &Outbox) -> Request {
    let mut search = first;
    while let Ok(next) = requests.try_recv() {
        match next {
            Request::Search { .. } => {
                search = next;
                out.send(Reply::Handled);
            }
            other => handle_and_answer(other, state, out),
        }
    }
    search
}

/// Handles a request under a panic guard and, for those the UI sent, says that it is done,
/// after all its other replies: the UI counts requests in flight to know when the window is idle.
fn handle_and_answer(request: Request, state: &mut State, out: &Outbox) {
    let from_ui = !matches!(request, Request::Refresh(_) | Request::RefreshTags);
    let kind = request.kind();
    guarded(kind, out, || handle(request, state, out));
    if from_ui {
        out.send(Reply::Handled);
    }
}

/// Runs `f`; a panic in it becomes a [`Reply::Failed`] for the request of `kind` instead of the
/// end of the thread. (The panic hook has printed it already.)
fn guarded(kind: RequestKind, out: &Outbox, f: impl FnOnce()) {
    if let Err(panic) = std::panic::catch_unwind(AssertUnwindSafe(f)) {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_owned());
        out.send(Reply::Failed { request: kind, message: format!("an internal error stopped this: {what}") });
    }
}

/// Builds or catches up the search index on a thread of its own, so that the window can search
/// what is indexed so far meanwhile; results are shown again as batches land.
fn catch_up_index(archive: &Arc<Archive>, out: &Outbox) {
    match archive.n_index_pending() {
        Ok(0) => return,
        Ok(_) => {}
        Err(e) => {
            let message = format!("cannot read the search index's backlog: {e}");
            return out.send(Reply::Failed { request: RequestKind::Refresh, message });
        }
    }
    let archive = Arc::clone(archive);
    let out2 = out.clone();
    let spawned = std::thread::Builder::new().name("index".into()).spawn(move || {
        let never = AtomicBool::new(false);
        let result = archive.sync_index(
            &mut |n_done, n_total| {
                out2.send(Reply::Indexing { n_done, n_total });
                let _ = out2.to_worker.send(Request::Refresh(Vec::new()));
            },
            &never,
        );
        if let Err(e) = result {
            let message = format!("cannot build the search index: {e}");
            out2.send(Reply::Failed { request: RequestKind::Refresh, message });
        }
        out2.send(Reply::IndexingFinished);
    });
    if let Err(e) = spawned {
        out.send(Reply::Failed { request: RequestKind::Refresh, message: format!("cannot start indexing: {e}") });
    }
}

fn send_all_tags(state: &State, out: &Outbox) {
    match state.archive.tags() {
        Ok(tags) => out.send(Reply::AllTags(tags.into_iter().map(|t| t.tag).collect())),
        Err(e) => out.send(Reply::Failed { request: RequestKind::Refresh, message: format!("cannot read tags: {e}") }),
    }
}

fn search(state: &State, out: &Outbox) {
    let Some((generation, query, sort)) = &state.last_query else { return };
    let (entries, tag_counts) = match state.archive.search_with_tag_counts(query, *sort) {
        Ok(found) => (state.catalog.entries_of(&found.ids, *sort), state.catalog.tag_counts_of(&found.tag_counts)),
        Err(e) => {
            return out.send(Reply::Failed { request: RequestKind::Search, message: format!("cannot search: {e}") });
        }
    };
    out.send(Reply::Results {
        generation: *generation,
        entries: Arc::new(entries),
        tag_counts,
        n_total: state.catalog.len(),
        n_trashed: state.catalog.n_trashed(),
    });
}

/// After a change: re-read the changed clippings, show the current search again.
fn refresh(state: &mut State, ids: &[ClippingId], out: &Outbox) {
    if let Err(e) = state.catalog.refresh(&state.archive, ids) {
        out.send(Reply::Failed { request: RequestKind::Refresh, message: format!("cannot re-read the archive: {e}") });
    }
    search(state, out);
}

fn import_pasted(state: &mut State, pasted: Pasted, out: &Outbox) {
    let (name, bytes) = match pasted {
        Pasted::Text { name, text } => (name, text.into_bytes()),
        Pasted::Image { name, image } => match encode_png(&image) {
            Ok(png) => (name, png),
            Err(e) => {
                let message = format!("cannot read the pasted image: {e}");
                return out.send(Reply::Failed { request: RequestKind::Import, message });
            }
        },
    };
    match state.archive.import_bytes(&name, bytes) {
        Ok(outcome) => {
            let report = ImportReport { outcomes: vec![outcome] };
            refresh(state, &report.imported_ids(), out);
            send_all_tags(state, out);
            out.send(Reply::ImportFinished(report));
        }
        Err(e) => {
            let message = format!("cannot import what was pasted: {e}");
            out.send(Reply::Failed { request: RequestKind::Import, message });
        }
    }
}

fn encode_png(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
    let buffer = image::RgbaImage::from_raw(
        u32::try_from(w).map_err(|e| e.to_string())?,
        u32::try_from(h).map_err(|e| e.to_string())?,
        rgba,
    )
    .ok_or("the image has the wrong number of pixels")?;
    let mut png = std::io::Cursor::new(Vec::new());
    buffer.write_to(&mut png, image::ImageFormat::Png).map_err(|e| e.to_string())?;
    Ok(png.into_inner())
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {one}s") }
}

fn handle(request: Request, state: &mut State, out: &Outbox) {
    let archive = Arc::clone(&state.archive);
    match request {
        Request::Search { generation, query, sort } => {
            state.last_query = Some((generation, query, sort));
            search(state, out);
        }
        Request::Refresh(ids) => refresh(state, &ids, out),
        Request::RefreshTags => send_all_tags(state, out),
        Request::Load(id) => match archive.get_with_tags(id) {
            Ok(item) => out.send(Reply::Detail(Box::new(item))),
            Err(e) => out.send(Reply::Failed { request: RequestKind::Load, message: e.to_string() }),
        },
        Request::LoadImage { id, max_side_px } => {
            let loaded = archive.get(id).map_err(|e| e.to_string()).and_then(|c| {
                crate::ui::thumbs::decode_for_display(&archive.original_path(&c), c.orientation, max_side_px)
            });
            match loaded {
                Ok(image) => out.send(Reply::Image { id, image }),
                Err(e) => {
                    let message = format!("cannot show the photo: {e}");
                    out.send(Reply::Failed { request: RequestKind::Image, message });
                }
            }
        }
        Request::Import { paths, cancel } => spawn_import(archive, paths, cancel, out),
        Request::Paste(pasted) => import_pasted(state, pasted, out),
        Request::Edit { edit, is_undo } => match apply_edit(edit, &archive, state) {
            Ok(applied) => {
                refresh(state, &applied.changed, out);
                if applied.tags_changed {
                    send_all_tags(state, out);
                }
                if applied.reload_detail
                    && let [id] = applied.changed.as_slice()
                    && let Ok(item) = archive.get_with_tags(*id)
                {
                    out.send(Reply::Detail(Box::new(item)));
                }
                if let Some(message) = applied.message {
                    let undo = if is_undo { None } else { applied.undo };
                    out.send(Reply::Changed { message, undo });
                }
            }
            Err(message) => out.send(Reply::Failed { request: RequestKind::Edit, message }),
        },
        Request::Export { ids, dest, layout, cancel } => spawn_export(archive, ids, dest, layout, cancel, out),
    }
}

/// What an edit did, for the replies that follow it.
struct Applied {
    /// The clippings it changed, to re-read into the catalog.
    changed: Vec<ClippingId>,
    /// For a toast; `None` for changes that show themselves (a dismissed suggestion).
    message: Option<String>,
    undo: Option<Undo>,
    /// Whether the set of known tags may have changed.
    tags_changed: bool,
    /// Whether the detail pane should show the clipping afresh (its fields changed).
    reload_detail: bool,
}

impl Applied {
    fn new(changed: Vec<ClippingId>, message: String) -> Applied {
        Applied { changed, message: Some(message), undo: None, tags_changed: false, reload_detail: false }
    }
}

/// Words a failed edit for a person: "cannot add the tag: ...".
fn failed(what: &'static str) -> impl Fn(crate::archive::Error) -> String {
    move |e| format!("cannot {what}: {e}")
}

/// Makes one change to the archive; `Err` says, for a person, what failed.
fn apply_edit(edit: Edit, archive: &Archive, state: &State) -> Result<Applied, String> {
    Ok(match edit {
        Edit::AddTag { tag, ids } => {
            let newly: Vec<ClippingId> =
                ids.into_iter().filter(|id| state.catalog.get(*id).is_none_or(|e| !e.has_tag(&tag))).collect();
            let n = archive.add_tag(&tag, &newly).map_err(failed("add the tag"))?;
            let message = format!("Added {} {} to {}", tag.kind, tag.name, plural(n, "clipping"));
            let undo = Undo::AddedTag { tag, ids: newly.clone() };
            Applied { undo: Some(undo), tags_changed: true, ..Applied::new(newly, message) }
        }
        Edit::RemoveTag { tag, ids } => {
            let had: Vec<ClippingId> =
                ids.into_iter().filter(|id| state.catalog.get(*id).is_some_and(|e| e.has_tag(&tag))).collect();
            let n = archive.remove_tag(&tag, &had).map_err(failed("remove the tag"))?;
            let message = format!("Removed {} {} from {}", tag.kind, tag.name, plural(n, "clipping"));
            let undo = Undo::RemovedTag { tag, ids: had.clone() };
            Applied { undo: Some(undo), ..Applied::new(had, message) }
        }
        Edit::Update(clipping) => {
            let before = archive.get(clipping.id);
            archive.update(&clipping).map_err(failed("save"))?;
            let undo = before.ok().map(|b| Undo::Edited(Box::new(b)));
            let message = format!("Saved “{}”", clipping.title);
            Applied { undo, reload_detail: true, ..Applied::new(vec![clipping.id], message) }
        }
        Edit::Trash(ids) => {
            let n = archive.trash(&ids).map_err(failed("move to the trash"))?;
            let message = format!("Moved {} to the trash", plural(n, "clipping"));
            Applied { undo: Some(Undo::Trashed(ids.clone())), ..Applied::new(ids, message) }
        }
        Edit::Restore(ids) => {
            let n = archive.restore(&ids).map_err(failed("restore"))?;
            Applied::new(ids, format!("Restored {}", plural(n, "clipping")))
        }
        Edit::EmptyTrash => {
            let deleted = archive.empty_trash().map_err(failed("empty the trash"))?;
            let message = format!("Deleted {} for good", plural(deleted.len(), "clipping"));
            Applied { tags_changed: true, ..Applied::new(deleted, message) }
        }
        Edit::AcceptSuggestions { ids, kind, only } => {
            let n = archive.accept_suggestions(&ids, kind, only.as_ref()).map_err(failed("accept the suggestions"))?;
            let what = only.map_or_else(
                || kind.map_or("suggested tags".to_owned(), |k| format!("suggested {}s", k.as_str())),
                |t| format!("{} {}", t.kind, t.name),
            );
            let message = format!("Accepted {what}: {} added", plural(n, "tag"));
            Applied { tags_changed: true, ..Applied::new(ids, message) }
        }
        Edit::DismissSuggestion { id, tag } => {
            archive.dismiss_suggestion(id, &tag).map_err(failed("dismiss the suggestion"))?;
            Applied { message: None, ..Applied::new(vec![id], String::new()) }
        }
        Edit::Suggest(ids) => {
            let n = archive.refresh_suggestions(&ids).map_err(failed("suggest tags"))?;
            Applied::new(ids, format!("{} to review", plural(n, "suggestion")))
        }
    })
}

/// Imports on a thread of its own; new clippings show up in the grid as it goes, a chunk at a
/// time. The import ends with exactly one reply: finished, or failed.
fn spawn_import(archive: Arc<Archive>, paths: Vec<PathBuf>, cancel: Arc<AtomicBool>, out: &Outbox) {
    let out2 = out.clone();
    let spawned = std::thread::Builder::new().name("import".into()).spawn(move || {
        guarded(RequestKind::Import, &out2.clone(), || {
            let mut fresh = Vec::new();
            let result = archive.import(
                &paths,
                &mut |event| match event {
                    ImportProgress::Found { n_files } => out2.send(Reply::ImportStarted { n_files }),
                    ImportProgress::Done { n_done, n_files, outcome } => {
                        if let Outcome::Imported { id, .. } = outcome.outcome {
                            fresh.push(id);
                        }
                        if fresh.len() >= 32 || n_done == n_files {
                            let _ = out2.to_worker.send(Request::Refresh(std::mem::take(&mut fresh)));
                        }
                        out2.send(Reply::ImportProgress { n_done, n_files, current: outcome.path.clone() });
                    }
                },
                &cancel,
            );
            if !fresh.is_empty() {
                let _ = out2.to_worker.send(Request::Refresh(fresh));
            }
            let _ = out2.to_worker.send(Request::RefreshTags);
            match result {
                Ok(report) => out2.send(Reply::ImportFinished(report)),
                Err(e) => {
                    out2.send(Reply::Failed { request: RequestKind::Import, message: format!("import stopped: {e}") })
                }
            }
        });
    });
    if let Err(e) = spawned {
        out.send(Reply::Failed { request: RequestKind::Import, message: format!("cannot start the import: {e}") });
    }
}

/// Exports on a thread of its own; it ends with exactly one reply: finished, or failed.
fn spawn_export(
    archive: Arc<Archive>,
    ids: Vec<ClippingId>,
    dest: PathBuf,
    layout: Layout,
    cancel: Arc<AtomicBool>,
    out: &Outbox,
) {
    let out2 = out.clone();
    let spawned = std::thread::Builder::new().name("export".into()).spawn(move || {
        guarded(RequestKind::Export, &out2.clone(), || {
            let result = archive.export(
                &ids,
                &dest,
                layout,
                &mut |n_done, n_total| out2.send(Reply::ExportProgress { n_done, n_total }),
                &cancel,
            );
            match result {
                Ok(report) => out2.send(Reply::ExportFinished(report)),
                Err(e) => {
                    out2.send(Reply::Failed { request: RequestKind::Export, message: format!("export failed: {e}") })
                }
            }
        });
    });
    if let Err(e) = spawned {
        out.send(Reply::Failed { request: RequestKind::Export, message: format!("cannot start the export: {e}") });
    }
}
