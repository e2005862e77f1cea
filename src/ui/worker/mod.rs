//! The window's worker: a named thread that owns the archive and its in-memory catalog and
//! does everything that touches the disk. The UI sends [`Request`]s and drains [`Reply`]s each
//! frame; every reply is followed by a repaint request. Imports and exports run on threads of
//! their own so that searching stays quick while they work. Each request runs under a panic
//! guard: a panic becomes a [`Reply::Failed`] naming the request, and the worker lives on.

use std::panic::AssertUnwindSafe;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{Receiver, Sender};

mod done;
mod edits;
mod jobs;
pub mod mail;
mod messages;
mod opening;
mod tagging;
mod team;
mod texts;
mod threads;

use jobs::ReviewJob;

pub use messages::{
    Edit, EditOutcome, Pasted, Reply, Reprint, Request, RequestKind, ReviewPreview, ReviewSource, SavedCount, Stories,
};
use opening::{load_catalog, load_stories, read_index_ahead, take_tags};
pub use tagging::{RulesReply, RulesRequest};
pub use threads::wait_for_writers;
use threads::{spawn_named, spawn_thread, spawn_writer};

use crate::archive::browse::{Browse, Browser, Opening};
use crate::archive::catalog::{Catalog, REWRITE_CATALOG_ABOVE};
use crate::archive::{Archive, ClippingId};
use crate::import::ImportReport;
use crate::search::query::{Query, Sort};
use crate::t;

/// The UI's end of the worker.
pub struct WorkerHandle {
    tx: Sender<Request>,
    pub rx: Receiver<Reply>,
    /// The worker's thread, for [`wait_for_writers`] once it is told to stop.
    thread: Option<std::thread::JoinHandle<()>>,
}

impl WorkerHandle {
    pub fn send(&self, request: Request) {
        // The worker only stops when the window does; a failed send means it is gone already.
        let _ = self.tx.send(request);
    }
}

impl Drop for WorkerHandle {
    fn drop(&mut self) {
        let _ = self.tx.send(Request::Shutdown);
        // It stops once it has answered what came before, which may start a writer.
        if let Some(thread) = self.thread.take() {
            threads::wait_at_close(thread);
        }
    }
}

/// Starts the worker on the archive in `dir`. Opening happens on the worker, so the first frame
/// does not wait for the disk.
/// Starts the worker on the archive at `place`. `keep_password`: once the archive is open, keep
/// its password (in the place's URL) in the system keyring, as the user agreed.
pub fn spawn(place: crate::archive::Place, ctx: egui::Context, keep_password: bool) -> WorkerHandle {
    let (tx, requests) = std::sync::mpsc::channel();
    let (replies, rx) = std::sync::mpsc::channel();
    let out = Outbox { tx: replies, ctx, to_worker: tx.clone() };
    let spawned = spawn_named("archive-worker", move || run(&place, keep_password, &requests, &out));
    match spawned {
        Ok(thread) => WorkerHandle { tx, rx, thread: Some(thread) },
        Err(e) => {
            let (tx2, rx2) = std::sync::mpsc::channel();
            let _ = tx2.send(Reply::OpenFailed {
                message: t!("worker-cannot-start", error = e.to_string()),
                locked: false,
                asks_password: false,
            });
            WorkerHandle { tx, rx: rx2, thread: None }
        }
    }
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
    /// The catalog the window browses, with the archive's stories.
    browser: Browser,
    last_query: Option<(u64, Query, Sort)>,
    opened_at: std::time::Instant,
    /// Results show each story once, by its earliest clipping.
    collapse_reprints: bool,
    /// The clipping the detail pane last asked for: its suggestions are sent again when it
    /// changes.
    shown: Option<ClippingId>,
    /// Whether a large edit runs on a thread of its own; the edits asked for meanwhile.
    edit_running: bool,
    queued_edits: std::collections::VecDeque<(Edit, bool)>,
    /// Wakes the thread that checks the mailboxes.
    check_mail: std::sync::mpsc::Sender<()>,
    /// Whether a thread is learning from the tags (`tagging::learn_soon`).
    learning: Arc<AtomicBool>,
    /// How many clippings were imported or changed since the window opened: above
    /// [`SETTLE_ABOVE`], the database is settled as the window closes.
    n_changed: usize,
    /// Reads the whole texts of a search's first results after they are sent.
    texts: texts::Texts,
}

/// How many of the newest clippings the window shows before the whole catalog is read: a
/// screenful and more, at once, however large the archive.
const FIRST_SCREENFULS: usize = 300;

/// With `CLIPPINGS_LOG_STARTUP` set, says how long a step of opening took.
fn log_step(what: &str, since: std::time::Instant) {
    if std::env::var_os("CLIPPINGS_LOG_STARTUP").is_some() {
        let at = crate::ui::platform::since_start_ms().map(|ms| format!(", done at {ms} ms")).unwrap_or_default();
        eprintln!("clippings: {what} took {} ms{at}", since.elapsed().as_millis());
    }
}

fn run(place: &crate::archive::Place, keep_password: bool, requests: &Receiver<Request>, out: &Outbox) {
    let started = std::time::Instant::now();
    let archive = match team::open(place, keep_password, out) {
        Ok(a) => Arc::new(a),
        Err(e) => {
            let locked = matches!(e, crate::archive::Error::Locked(_));
            let asks_password = matches!(e, crate::archive::Error::PasswordNeeded { .. });
            out.send(Reply::OpenFailed { message: crate::ui::archive_error_text(&e), locked, asks_password });
            return;
        }
    };
    log_step("opening the archive", started);
    let started = std::time::Instant::now();
    let tags_seen = archive.tag_changes();
    let Opening { browser, read_the_rest: loading } = match Browser::opening(&archive, FIRST_SCREENFULS) {
        Ok(opening) => opening,
        Err(e) => {
            out.send(Reply::OpenFailed {
                message: crate::ui::archive_error_text(&e),
                locked: false,
                asks_password: false,
            });
            return;
        }
    };
    let n_index_pending = archive.n_index_pending().unwrap_or(0);
    let accept_countries_on_import = archive.accepts_countries_on_import().unwrap_or(false);
    log_step("reading the newest clippings", started);
    // The table of tags comes from the whole catalog, once it is read.
    if loading {
        load_catalog(&archive, out);
    } else {
        take_tags(&archive, browser.catalog(), tags_seen, &out.to_worker);
        read_index_ahead(&archive);
    }
    let n_clippings = if loading { browser.n_total() } else { browser.catalog().len() + browser.catalog().n_trashed() };
    out.send(Reply::Opened {
        root: archive.root().to_path_buf(),
        place: archive.place().to_string(),
        may_change: archive.may_change().unwrap_or(true),
        n_clippings,
        n_index_pending,
        accept_countries_on_import,
    });
    // An edit of many clippings at once (a tag added to a whole search) is indexed on a thread
    // of its own, so that searching goes on meanwhile.
    archive.defer_indexing_above(LARGE_EDIT);
    catch_up_index(&archive, out);
    team::watch(&archive, out);
    let (check_mail, check_now) = std::sync::mpsc::channel();
    mail::watch(&archive, out, check_now);
    let texts = texts::Texts::start(&archive, out);
    let mut state = State {
        archive,
        browser,
        last_query: None,
        opened_at: started,
        collapse_reprints: true,
        shown: None,
        edit_running: false,
        queued_edits: std::collections::VecDeque::new(),
        check_mail,
        learning: Arc::default(),
        n_changed: 0,
        texts,
    };
    // Every tag, for completion, and the reprints, by the catalog's ids: in a large archive,
    // once the whole catalog is read (`catalog_loaded`), so that the first results do not wait.
    if !loading {
        load_stories(&state.archive, state.browser.catalog().ids(), &out.to_worker);
        send_all_tags(&state, out);
        send_saved_searches(&state, out);
    }
    while let Some(request) = threads::next_or_idle(requests) {
        // While typing, only the newest search matters: skip the ones already overtaken.
        let request = match request {
            Request::Search { .. } => newest_search(request, requests, &mut state, out),
            other => other,
        };
        if matches!(request, Request::Shutdown) {
            break;
        }
        handle_and_answer(request, &mut state, out);
    }
    if state.n_changed > SETTLE_ABOVE {
        let archive = Arc::clone(&state.archive);
        drop(state);
        threads::settle_at_close(archive);
    }
}

/// After more clippings than this were imported or changed, the window settles the database
/// as it closes ([`Archive::close_settled`]), so that its next opening does not read them back.
const SETTLE_ABOVE: usize = 10_000;

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
            Request::Shutdown => return Request::Shutdown,
            other => handle_and_answer(other, state, out),
        }
    }
    search
}

/// Handles a request under a panic guard and, for those the UI sent, says that it is done,
/// after all its other replies: the UI counts requests in flight to know when the window is idle.
fn handle_and_answer(request: Request, state: &mut State, out: &Outbox) {
    let from_ui = !matches!(
        request,
        Request::Refresh(_)
            | Request::RefreshTags
            | Request::CatalogLoaded(_)
            | Request::StoriesLoaded(_)
            | Request::EditDone { .. }
            | Request::Shutdown
    );
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
        let what = crate::vocab::quiet::panic_message(panic.as_ref());
        out.send(Reply::Failed { request: kind, message: t!("worker-internal-error", error = what.to_string()) });
    }
}

/// A tag edit asked of more clippings than this (about a second of indexing here) is made on a
/// thread of its own, and returns before the index has it: the index catches up on its thread.
const LARGE_EDIT: usize = 2_000;

/// Makes a tag edit of many clippings on a thread of its own; it comes back as
/// [`Request::EditDone`].
fn spawn_large_edit(state: &mut State, edit: Edit, status: String, is_undo: bool, out: &Outbox) {
    let what = edits::what(&edit);
    state.edit_running = true;
    out.send(Reply::LargeEdit(Some(status)));
    let (editing, to_worker) = (Arc::clone(&state.archive), out.to_worker.clone());
    let spawned = spawn_thread("edit", move || {
        let started = std::time::Instant::now();
        // A panic is answered as an error: the edits waiting behind it go on.
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
            let applied = editing.apply(edit).map_err(|e| edits::failed(what, &e));
            log_step("a large edit, stored", started);
            applied
        }))
        .unwrap_or_else(|panic| {
            let what = crate::vocab::quiet::panic_message(panic.as_ref());
            Err(t!("worker-internal-error", error = what.to_string()))
        });
        let outcome = Box::new(EditOutcome(result));
        let _ = to_worker.send(Request::EditDone { outcome, is_undo });
    });
    if let Err(e) = spawned {
        state.edit_running = false;
        out.send(Reply::LargeEdit(None));
        let message = t!("worker-internal-error", error = e.to_string());
        out.send(Reply::Failed { request: RequestKind::Edit, message });
    }
}

/// Builds or catches up the search index on a thread of its own, so that the window can search
/// what is indexed so far meanwhile; results are shown again as batches land. One catch-up
/// runs at a time: a change made while it runs is taken up by it before it ends.
fn catch_up_index(archive: &Arc<Archive>, out: &Outbox) {
    match archive.n_index_pending() {
        Ok(0) => return,
        Ok(_) => {}
        Err(e) => {
            let message = t!("worker-index-backlog", error = crate::ui::archive_error_text(&e));
            return out.send(Reply::Failed { request: RequestKind::Refresh, message });
        }
    }
    let archive = Arc::clone(archive);
    let out2 = out.clone();
    let spawned = spawn_thread("index", move || {
        let mut seen = archive.index_generation();
        let progress = &mut |n_done, n_total| {
            out2.send(Reply::Indexing { n_done, n_total });
            // Searched again only when a commit gave searches more to find.
            let now = archive.index_generation();
            if now != seen {
                seen = now;
                let _ = out2.to_worker.send(Request::Refresh(Vec::new()));
            }
        };
        match archive.catch_up_index(progress, &AtomicBool::new(false)) {
            // Another thread is at it, and says when it is done.
            Ok(None) => return,
            Ok(Some(_)) => {}
            Err(e) => {
                let message = t!("worker-index-build", error = crate::ui::archive_error_text(&e));
                out2.send(Reply::Failed { request: RequestKind::Refresh, message });
            }
        }
        let _ = out2.to_worker.send(Request::Refresh(Vec::new()));
        out2.send(Reply::IndexingFinished);
    });
    if let Err(e) = spawned {
        out.send(Reply::Failed {
            request: RequestKind::Refresh,
            message: t!("worker-index-start", error = e.to_string()),
        });
    }
}

/// The clipping the pane shows, its open suggestions, and who imported, tagged and edited it
/// (a team archive's log; none otherwise).
fn load(archive: &Archive, id: ClippingId, out: &Outbox) {
    match archive.get_with_tags(id) {
        Ok(item) => {
            out.send(Reply::Detail(Box::new(item)));
            send_suggestions(archive, id, out);
            if let Ok(changes) = archive.history(id)
                && !changes.is_empty()
            {
                out.send(Reply::History { id, changes });
            }
        }
        Err(e) => out.send(Reply::Failed { request: RequestKind::Load, message: crate::ui::archive_error_text(&e) }),
    }
}

/// The saved searches with what each finds now and how much of it is new (imported after it
/// was last opened, as the catalog knows).
fn send_saved_searches(state: &State, out: &Outbox) {
    let saved = match state.archive.saved_searches() {
        Ok(saved) => saved,
        Err(e) => {
            let message = t!("worker-read-saved", error = crate::ui::archive_error_text(&e));
            return out.send(Reply::Failed { request: RequestKind::Refresh, message });
        }
    };
    let mut counts = Vec::with_capacity(saved.len());
    for search in saved {
        let ids = state.archive.search_ids(&Query::parse(&search.query), Sort::Newest).unwrap_or_default();
        let n_new = ids
            .iter()
            .filter(|id| state.browser.catalog().get(**id).is_some_and(|e| e.card.imported_at() > search.seen_at))
            .count();
        counts.push(SavedCount { n: ids.len(), n_new, search });
    }
    out.send(Reply::SavedSearches(counts));
}

fn send_all_tags(state: &State, out: &Outbox) {
    match state.archive.tags() {
        Ok(tags) => out.send(Reply::AllTags(tags.into_iter().map(|t| t.tag).collect())),
        Err(e) => out.send(Reply::Failed {
            request: RequestKind::Refresh,
            message: t!("worker-read-tags", error = crate::ui::archive_error_text(&e)),
        }),
    }
}

/// The open suggestions of the clipping the pane shows.
fn send_suggestions(archive: &Archive, id: ClippingId, out: &Outbox) {
    match archive.suggestions(id) {
        Ok(suggestions) => out.send(Reply::Suggestions { id, suggestions }),
        Err(e) => out.send(Reply::Failed { request: RequestKind::Load, message: crate::ui::archive_error_text(&e) }),
    }
}

fn search(state: &mut State, out: &Outbox) {
    let Some((generation, query, sort)) = &state.last_query else { return };
    let started = std::time::Instant::now();
    let browse = Browse { query: query.clone(), sort: *sort, one_per_story: state.collapse_reprints };
    let found = match state.browser.browse(&state.archive, &browse) {
        Ok(found) => found,
        Err(e) => {
            return out.send(Reply::Failed {
                request: RequestKind::Search,
                message: t!("worker-search", error = crate::ui::archive_error_text(&e)),
            });
        }
    };
    log_step("a search", started);
    // The first results' whole texts follow, read while these are shown.
    let wanted: Vec<ClippingId> = if query.has_text() {
        found.entries.iter().take(texts::WHOLE_TEXTS).filter(|e| !e.is_complete()).map(|e| e.id()).collect()
    } else {
        Vec::new()
    };
    let ask = (!wanted.is_empty()).then(|| state.texts.next_ask());
    let catalog = state.browser.catalog();
    out.send(Reply::Results {
        generation: *generation,
        entries: Arc::new(found.entries),
        reprints: Arc::new(found.reprints),
        folded: Arc::new(found.folded),
        tag_counts: found.tag_counts,
        // While the whole catalog is read, the archive's own count when it was opened (the
        // trash included).
        n_total: state.browser.n_total(),
        n_trashed: catalog.n_trashed(),
        n_inbox: catalog.n_inbox(),
        texts: ask,
    });
    if let Some(ask) = ask {
        state.texts.ask(&state.archive, texts::Wanted { ask, ids: wanted }, out);
    }
}

/// After a change: re-read the changed clippings, show the current search again.
/// After an import or a large edit: when many clippings changed since the catalog file was
/// written, it is written again from the worker's catalog, which has them all by now, on a
/// thread of its own, so that the next opening reads the file rather than every changed record.
fn keep_catalog(state: &State) {
    // While the whole catalog is still being read, or an edit is still being made, the
    // worker's catalog is not yet the archive's.
    if state.edit_running || state.browser.is_partial() {
        return;
    }
    let save = match state.archive.catalog_save_of(state.browser.catalog(), REWRITE_CATALOG_ABOVE) {
        Ok(Some(save)) => save,
        Ok(None) => return,
        Err(e) => return log_step(&format!("the catalog file was not written ({e})"), std::time::Instant::now()),
    };
    let archive = Arc::clone(&state.archive);
    let started = std::time::Instant::now();
    // Derived data: a failure only costs the next opening time.
    let _ = spawn_writer("catalog", move || match archive.save_catalog(save) {
        Ok(()) => log_step("writing the catalog file", started),
        Err(e) => log_step(&format!("the catalog file was not written ({e})"), started),
    });
}

/// The whole catalog has been read: it takes the place of the newest clippings', with what
/// changed meanwhile read again.
fn catalog_loaded(state: &mut State, catalog: Catalog, out: &Outbox) {
    log_step(&format!("reading all {} clippings (since opening)", catalog.len()), state.opened_at);
    if let Err(e) = state.browser.set_catalog(&state.archive, catalog) {
        out.send(Reply::Failed {
            request: RequestKind::Refresh,
            message: t!("worker-reread-archive", error = crate::ui::archive_error_text(&e)),
        });
    }
    // The reprints, by the whole catalog's ids (the changes made while it was read are in).
    load_stories(&state.archive, state.browser.catalog().ids(), &out.to_worker);
    search(state, out);
    send_all_tags(state, out);
    send_saved_searches(state, out);
}

fn refresh(state: &mut State, ids: &[ClippingId], out: &Outbox) {
    if let Err(e) = state.browser.refresh(&state.archive, ids) {
        out.send(Reply::Failed {
            request: RequestKind::Refresh,
            message: t!("worker-reread-archive", error = crate::ui::archive_error_text(&e)),
        });
    }
    // Who changed the clipping the pane shows, as a team archive's log now has it.
    if let Some(id) = state.shown.filter(|id| ids.contains(id))
        && let Ok(changes) = state.archive.history(id)
        && !changes.is_empty()
    {
        out.send(Reply::History { id, changes });
    }
    search(state, out);
}

fn import_pasted(state: &mut State, pasted: Pasted, out: &Outbox) {
    let (name, bytes) = match pasted {
        Pasted::Text { name, text } => (name, text.into_bytes()),
        Pasted::Image { name, image } => match encode_png(&image) {
            Ok(png) => (name, png),
            Err(e) => {
                let message = t!("worker-pasted-image", error = e.to_string());
                return out.send(Reply::Failed { request: RequestKind::Import, message });
            }
        },
    };
    match state.archive.import_bytes(&name, bytes) {
        Ok(outcome) => {
            let report = ImportReport::of(vec![outcome]);
            refresh(state, &report.imported_ids(), out);
            send_all_tags(state, out);
            send_saved_searches(state, out);
            out.send(Reply::ImportFinished(report));
        }
        Err(e) => {
            let message = t!("worker-paste", error = crate::ui::archive_error_text(&e));
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

fn handle(request: Request, state: &mut State, out: &Outbox) {
    let archive = Arc::clone(&state.archive);
    match request {
        Request::Search { generation, query, sort } => {
            state.last_query = Some((generation, query, sort));
            search(state, out);
        }
        Request::Refresh(ids) => {
            // An import's clippings, as they come.
            state.n_changed += ids.len();
            refresh(state, &ids, out);
        }
        Request::CatalogLoaded(catalog) => catalog_loaded(state, *catalog, out),
        Request::RefreshTags => {
            send_all_tags(state, out);
            send_saved_searches(state, out);
            // Sent when an import ends: what it brought may be in the inbox, then looked at.
            tagging::learn_soon(&state.archive, &state.learning);
            // Sent when an import ends: its articles may be reprints of others (while the whole
            // catalog is read, they are looked for once it arrives, with the import's).
            if !state.browser.is_partial() {
                load_stories(&state.archive, state.browser.catalog().ids(), &out.to_worker);
            }
            keep_catalog(state);
        }
        Request::StoriesLoaded(stories) => {
            let started = std::time::Instant::now();
            state.browser.set_stories(stories);
            log_step("taking the reprints in", started);
            search(state, out);
        }
        Request::SetCollapseReprints(on) => {
            state.collapse_reprints = on;
            search(state, out);
        }
        Request::Shutdown => {}
        Request::CheckMail => {
            let _ = state.check_mail.send(());
        }
        Request::Rules(request) => rules_request(state, request, out),
        Request::SetLanguage(lang) => crate::i18n::set_language(lang),
        Request::CopyText(ids) => jobs::copy_text(&archive, &ids, out),
        Request::Original { id, in_folder } => jobs::find_original(&archive, id, in_folder, out),
        Request::Load(id) => {
            state.shown = Some(id);
            load(&archive, id, out);
        }
        Request::Leads(ids) => send_leads(&archive, ids, out),
        Request::LoadImage { id, max_side_px } => {
            let loaded = archive.get(id).map_err(|e| e.to_string()).and_then(|c| {
                crate::ui::thumbs::decode_for_display(&archive.original_path(&c), c.orientation, max_side_px)
            });
            match loaded {
                Ok(image) => out.send(Reply::Image { id, image }),
                Err(e) => {
                    let message = t!("worker-show-photo", error = e.to_string());
                    out.send(Reply::Failed { request: RequestKind::Image, message });
                }
            }
        }
        Request::Import { paths, addresses, cancel } => jobs::spawn_import(archive, paths, addresses, cancel, out),
        Request::ReadScans(ids) => jobs::spawn_read_scans(archive, ids, out),
        Request::Paste(pasted) => import_pasted(state, pasted, out),
        Request::Edit { edit, is_undo } => {
            // Edits are made in order: one that comes while a large one runs waits for it.
            if state.edit_running {
                state.queued_edits.push_back((edit, is_undo));
                return;
            }
            // A tag edit of many clippings runs on a thread of its own: searches are answered
            // meanwhile, and the status bar tells of it.
            let what = edits::what(&edit);
            let Some(status) = edits::large_tag_edit(&edit, LARGE_EDIT) else {
                let mine = match &edit {
                    Edit::Update(c) => Some(c.clone()),
                    _ => None,
                };
                let result = archive.apply(edit);
                if let (Err(crate::archive::Error::Stale { newer, .. }), Some(mine)) = (&result, mine) {
                    let _ = out.to_worker.send(Request::Refresh(vec![newer.id]));
                    out.send(Reply::Stale { mine, newer: newer.clone() });
                }
                let result = result.map_err(|e| edits::failed(what, &e));
                return done::edit_done(state, result, is_undo, false, out);
            };
            spawn_large_edit(state, edit, status, is_undo, out);
        }
        Request::EditDone { outcome, is_undo } => {
            state.edit_running = false;
            let started = std::time::Instant::now();
            done::edit_done(state, outcome.0, is_undo, true, out);
            log_step("a large edit, shown", started);
            keep_catalog(state);
            // A large edit leaves hundreds of megabytes freed in the middle of the heap at a
            // million clippings, which the C library keeps unless asked.
            crate::ui::platform::release_free_memory();
            while !state.edit_running
                && let Some((edit, is_undo)) = state.queued_edits.pop_front()
            {
                handle(Request::Edit { edit, is_undo }, state, out);
            }
        }
        Request::Export { ids, dest, options, cancel } => {
            jobs::spawn_export(archive, ids, dest, options, cancel, out);
        }
        Request::ReviewPreview { generation, source, options, cancel } => {
            jobs::spawn_review(archive, source, options, ReviewJob::Preview(generation), cancel, out);
        }
        Request::Review { source, options, format, path, cancel } => {
            jobs::spawn_review(archive, source, options, ReviewJob::Write { format, path }, cancel, out);
        }
    }
}

/// Answers the Rules dialog; a rule run now is made as tag edits, each with its undo.
fn rules_request(state: &mut State, request: RulesRequest, out: &Outbox) {
    let archive = Arc::clone(&state.archive);
    for edit in tagging::rules(&archive, request, out) {
        handle(Request::Edit { edit, is_undo: false }, state, out);
    }
}

/// Answers an edit made: the catalog, tags, saved searches and detail pane read afresh, the
/// index caught up, and the toast with its undo.
/// The leads of the cards the window drew without them; one not read (a record gone, a damaged
/// one) leaves its card with its title.
fn send_leads(archive: &Archive, ids: Vec<ClippingId>, out: &Outbox) {
    let leads = ids
        .into_iter()
        .map(|id| (id, archive.get(id).map(|c| crate::ui::leads::lead_of(&c.body)).unwrap_or_default()))
        .collect();
    out.send(Reply::Leads(leads));
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;
    use std::time::Duration;

    use super::*;

    /// Waits for the first reply that `want` picks, failing after a while.
    fn wait_for<T>(handle: &WorkerHandle, mut want: impl FnMut(Reply) -> Option<T>) -> T {
        loop {
            let reply = handle.rx.recv_timeout(Duration::from_secs(30)).expect("the worker answers");
            if let Some(found) = want(reply) {
                return found;
            }
        }
    }

    /// A search with words is answered with its results, then with the whole records of the
    /// first of them for their snippets; a search without words, with its results alone.
    #[test]
    fn the_first_results_whole_texts_follow_them() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("archive");
        let inbox = tmp.path().join("inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        for i in 0..5 {
            // Long, and no two alike: reprints would show as one card.
            let filler: Vec<String> = (0..300).map(|j| format!("w{i}x{j}")).collect();
            let text = format!("Report {i}\n\n{}\n\nAt the end came the hydrogen valley {i}.", filler.join(" "));
            std::fs::write(inbox.join(format!("{i}.txt")), text).unwrap();
        }
        std::fs::write(inbox.join("other.txt"), "Other news\n\nNothing of the kind.").unwrap();
        Archive::open(&dir).unwrap().import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap();
        let handle = spawn(dir.into(), egui::Context::default(), false);
        wait_for(&handle, |r| matches!(r, Reply::Opened { .. }).then_some(()));
        let mut asks = Vec::new();
        for (generation, words) in [(1, "valley"), (2, ""), (3, "hydrogen")] {
            handle.send(Request::Search { generation, query: Query::parse(words), sort: Sort::Relevance });
            let (entries, texts) = wait_for(&handle, |r| match r {
                Reply::Results { generation: g, entries, texts, .. } if g == generation => Some((entries, texts)),
                _ => None,
            });
            // The results come without the texts: the catalog's cards.
            assert!(entries.iter().all(|e| !e.is_complete()), "{words:?}");
            let Some(ask) = texts else {
                assert_eq!((words, entries.len()), ("", 6), "only a search without words has no texts to follow");
                continue;
            };
            // The same search shown again meanwhile (the reprints found) asks again, and the
            // thread answers only the newest ask: the texts are those of the results they follow.
            let mut shown_by_ask = std::collections::HashMap::from([(ask, entries)]);
            let (ask, clippings) = wait_for(&handle, |r| match r {
                Reply::Results { generation: g, entries, texts: Some(a), .. } if g == generation => {
                    shown_by_ask.insert(a, entries);
                    None
                }
                Reply::WholeTexts { ask: a, clippings } if a >= ask => Some((a, clippings)),
                _ => None,
            });
            let mut ids: Vec<ClippingId> = clippings.iter().map(|c| c.id).collect();
            let mut shown: Vec<ClippingId> = shown_by_ask[&ask].iter().map(|e| e.id()).collect();
            ids.sort();
            shown.sort();
            assert_eq!((ids.len(), &ids), (5, &shown), "{words:?}");
            assert!(clippings.iter().all(|c| c.body.contains("hydrogen valley")));
            asks.push(ask);
        }
        assert!(asks[0] < asks[1], "each answer its own number: {asks:?}");
    }

    /// A large archive shows its newest clippings at once, then all of them; a change made
    /// while the rest is read is not lost.
    #[test]
    fn the_newest_clippings_come_first_then_all() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("archive");
        let n = FIRST_SCREENFULS + 40;
        let inbox = tmp.path().join("inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        for i in 0..n {
            std::fs::write(inbox.join(format!("{i:04}.txt")), format!("Story {i}\n\nText of story {i}.")).unwrap();
        }
        let first = {
            let archive = Archive::open(&dir).unwrap();
            let report = archive.import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap();
            assert_eq!(report.n_imported(), n);
            report.imported_ids()[0]
        };
        let handle = spawn(dir.into(), egui::Context::default(), false);
        let opened = wait_for(&handle, |r| match r {
            Reply::Opened { n_clippings, .. } => Some(n_clippings),
            _ => None,
        });
        assert_eq!(opened, n);
        let topic = crate::vocab::tags::resolve(crate::archive::TagKind::Topic, "energy").unwrap();
        handle.send(Request::Edit { edit: Edit::AddTag { tag: topic, ids: vec![first] }, is_undo: false });
        // Every story was imported at once, so newest first is the order of their ids, highest
        // first: the files were read in name order.
        let newest_first = |entries: &[std::sync::Arc<crate::archive::catalog::Entry>]| {
            let ids: Vec<u64> = entries.iter().map(|e| e.id().0).collect();
            ids.windows(2).all(|w| w[0] > w[1])
        };
        let mut sizes = Vec::new();
        for generation in 0..200 {
            handle.send(Request::Search { generation, query: Query::default(), sort: Sort::Newest });
            let entries = wait_for(&handle, |r| match r {
                Reply::Results { generation: g, entries, .. } if g == generation => Some(entries),
                _ => None,
            });
            assert!(newest_first(&entries), "answer {generation} is not newest first");
            if generation == 0 {
                // The first answer, before the whole catalog is read, holds the newest stories.
                let newest = entries.first().map(|e| e.card.title().to_owned());
                assert_eq!(newest.as_deref(), Some(format!("Story {}", n - 1).as_str()));
            }
            sizes.push(entries.len());
            if entries.len() == n {
                let tagged = entries.iter().find(|e| e.id() == first).unwrap();
                assert!(tagged.tags().iter().any(|t| t.name == "energy"), "the change made meanwhile is kept");
                assert_eq!(entries.last().map(|e| e.id()), Some(first), "the oldest comes last");
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never all {n} clippings: {sizes:?}");
    }

    /// A tag added to more clippings than an edit makes on the worker's thread is made on a
    /// thread of its own while searches are answered. The index's table of tags has it as
    /// soon as it is stored: a search finds them all, and no document is indexed again.
    #[test]
    fn a_large_edit_is_indexed_in_the_background_and_then_found() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("archive");
        let inbox = tmp.path().join("inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        let n = LARGE_EDIT + 100;
        for i in 0..n {
            std::fs::write(inbox.join(format!("{i:05}.txt")), format!("Story {i}\n\nText of story {i}.")).unwrap();
        }
        let ids = {
            let archive = Archive::open(&dir).unwrap();
            archive.import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap().imported_ids()
        };
        assert_eq!(ids.len(), n);
        let handle = spawn(dir.clone().into(), egui::Context::default(), false);
        wait_for(&handle, |r| matches!(r, Reply::Opened { .. }).then_some(()));
        // The whole catalog read (the newest come first), as a person would have it.
        for generation in 100.. {
            handle.send(Request::Search { generation, query: Query::default(), sort: Sort::Newest });
            let listed = wait_for(&handle, |r| match r {
                Reply::Results { generation: g, entries, .. } if g == generation => Some(entries.len()),
                _ => None,
            });
            // Each search is said done after its results.
            wait_for(&handle, |r| matches!(r, Reply::Handled).then_some(()));
            if listed == n {
                break;
            }
            assert!(generation < 1000, "never all {n} listed");
            std::thread::sleep(Duration::from_millis(20));
        }
        let topic = crate::vocab::tags::resolve(crate::archive::TagKind::Topic, "energy").unwrap();
        handle.send(Request::Edit { edit: Edit::AddTag { tag: topic.clone(), ids }, is_undo: false });
        // A search asked for while the edit is made is answered before the edit is done.
        handle.send(Request::Search { generation: 8, query: Query::default(), sort: Sort::Newest });
        // The edit is answered. The status bar tells what runs from its start until just before
        // its toast.
        let mut reindexed = 0;
        let (mut changed, mut searched) = (false, false);
        // The window counts its requests in flight by these: one for each request it sent.
        let mut handled = 0;
        let mut shown: Vec<Option<String>> = Vec::new();
        let mut edit_shown = false;
        while !(changed && handled == 2) {
            match handle.rx.recv_timeout(Duration::from_secs(60)).expect("the worker answers") {
                Reply::Results { generation: 8, entries, .. } => {
                    assert!(!changed, "the search waited for the edit");
                    if entries.iter().any(|e| e.has_tag(&topic)) {
                        // Showing the edit took seconds at a million: the status bar tells
                        // of it until then.
                        assert!(shown.last().is_some_and(Option::is_some), "the status went before the edit showed");
                        edit_shown = true;
                    } else {
                        searched = true;
                    }
                }
                Reply::LargeEdit(what) => {
                    assert!(!changed, "the status outlived the edit");
                    shown.push(what);
                }
                Reply::Changed { .. } => changed = true,
                Reply::Indexing { n_total, .. } => reindexed = reindexed.max(n_total),
                Reply::Handled => handled += 1,
                Reply::Failed { message, .. } => panic!("{message}"),
                _ => {}
            }
        }
        assert!(searched && edit_shown);
        let words = format!(
            "Adding topic energy to {} clippings…",
            crate::i18n::format_number(n as i64, crate::i18n::Lang::En)
        );
        assert_eq!(shown, [Some(words), None]);
        assert_eq!(reindexed, 0, "a tag indexes no text again");
        handle.send(Request::Search { generation: 9, query: Query::parse("topic:energy"), sort: Sort::Newest });
        let found = wait_for(&handle, |r| match r {
            Reply::Results { generation: 9, entries, .. } => Some(entries),
            _ => None,
        });
        assert_eq!(found.len(), n);
        // The entries were given the tag in the catalog (more than done::RETAG_ABOVE), not read again.
        assert!(found.iter().all(|e| e.has_tag(&topic) && e.topics() == "energy"));
        // The catalog file was written again after the edit: the next opening has nothing to
        // read from the records. Closing waits for the worker and the file it writes; the
        // archive opens once the other threads (learning) let go too.
        drop(handle);
        wait_for_writers();
        assert!(dir.join("catalog.jsonl").exists() && !dir.join("catalog.jsonl.tmp").exists(), "written whole");
        let reopened = (0..600)
            .find_map(|_| match Archive::open(&dir) {
                Ok(archive) => Some(archive),
                Err(_) => {
                    std::thread::sleep(Duration::from_millis(50));
                    None
                }
            })
            .expect("the worker lets go of the archive");
        let (catalog, save) = reopened.catalog().unwrap();
        assert!(save.is_none(), "the catalog file lacks changes");
        assert_eq!(catalog.len(), n);
        assert!(catalog.in_archive().iter().all(|e| e.tags() == [topic.clone()]), "the file has the tags");
    }

    #[test]
    fn a_decoder_panic_is_an_error_reply_and_the_worker_lives_on() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("archive");
        let photo = tmp.path().join("photo.png");
        image::RgbImage::from_pixel(40, 30, image::Rgb([200, 30, 30])).save(&photo).unwrap();
        let id = {
            let archive = Archive::open(&dir).unwrap();
            let report = archive.import(&[photo], &mut |_| {}, &AtomicBool::new(false)).unwrap();
            report.imported_ids()[0]
        };
        let handle = spawn(dir.into(), egui::Context::default(), false);
        wait_for(&handle, |r| matches!(r, Reply::Opened { .. }).then_some(()));

        crate::ui::thumbs::tests::PANIC_IN_NEXT_DECODE.store(true, Ordering::SeqCst);
        handle.send(Request::LoadImage { id, max_side_px: 256 });
        let (request, message) = wait_for(&handle, |r| match r {
            Reply::Failed { request, message } => Some((request, message)),
            Reply::Image { .. } => panic!("the injected panic did not happen"),
            _ => None,
        });
        assert_eq!(request, RequestKind::Image);
        assert!(message.contains("a decoder panic, injected by a test"), "{message}");

        // The same worker still searches and still decodes.
        handle.send(Request::Search { generation: 7, query: Query::default(), sort: Sort::Newest });
        let n = wait_for(&handle, |r| match r {
            Reply::Results { generation: 7, entries, .. } => Some(entries.len()),
            _ => None,
        });
        assert_eq!(n, 1);
        handle.send(Request::LoadImage { id, max_side_px: 256 });
        let size = wait_for(&handle, |r| match r {
            Reply::Image { image, .. } => Some(image.size),
            Reply::Failed { message, .. } => panic!("{message}"),
            _ => None,
        });
        assert_eq!(size, [40, 30]);
    }
}
