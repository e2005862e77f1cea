//! What the worker reads on threads of its own once the archive is open: the whole catalog,
//! the stories of reprints and the table of tags, each handed back as a request; and the search
//! index, read ahead.

use std::sync::Arc;
use std::sync::mpsc::Sender;

use super::messages::{Reply, Request, RequestKind};
use super::{Outbox, log_step, spawn_thread};
use crate::archive::Archive;
use crate::archive::catalog::Catalog;
use crate::t;
use crate::vocab::model::ClippingId;

/// Gives the index its table of tags from the whole catalog, read after `seen` changes of tags
/// ([`Archive::load_tags_from`]); if a tag changed since, reads it from the database on a
/// thread of its own ([`load_tags`]).
pub(super) fn take_tags(archive: &Arc<Archive>, catalog: &Catalog, seen: u64, to_worker: &Sender<Request>) {
    let started = std::time::Instant::now();
    if archive.load_tags_from(catalog, seen) {
        log_step("reading the tags", started);
    } else {
        load_tags(archive, to_worker);
    }
}

/// Reads the table of tags on a thread of its own (seconds at a million clippings), then has
/// the current search shown again with its tag counts, which it was answered without.
fn load_tags(archive: &Arc<Archive>, to_worker: &Sender<Request>) {
    let archive = Arc::clone(archive);
    let to_worker = to_worker.clone();
    let started = std::time::Instant::now();
    let _ = spawn_thread("tags", move || match archive.load_tags() {
        Ok(()) => {
            log_step("reading the tags", started);
            let _ = to_worker.send(Request::Refresh(Vec::new()));
        }
        // A search by a tag tries again, and says what failed.
        Err(e) => log_step(&format!("the tags were not read ({e})"), started),
    });
}

/// At most this much of the search index is read ahead: a million clippings' index reads
/// 440 MB; a larger one would take more of a desktop's file cache than it should.
const READ_AHEAD_BUDGET: u64 = 1 << 30;

/// Reads the search index's files ahead on a thread of its own, so that the first search of
/// each word does not wait on the disk (see `search::warm`). Holds only the files' names: the
/// archive closes whether or not it is done.
pub(super) fn read_index_ahead(archive: &Archive) {
    let files = archive.searched_files();
    let started = std::time::Instant::now();
    let _ = spawn_thread("read-ahead", move || {
        let n = crate::search::read_ahead(&files, READ_AHEAD_BUDGET);
        log_step(&format!("reading the index ahead ({} MB)", n >> 20), started);
    });
}

/// Finds the archive's reprints on a thread of its own, among these clippings (every one, from
/// a whole catalog: [`Archive::story_groups_of`]); they arrive as [`Request::StoriesLoaded`].
pub(super) fn load_stories(archive: &Arc<Archive>, ids: Vec<ClippingId>, to_worker: &Sender<Request>) {
    let archive = Arc::clone(archive);
    let to_worker = to_worker.clone();
    let started = std::time::Instant::now();
    // Derived data: without them the window shows every clipping, as before.
    let _ = spawn_thread("stories", move || {
        if let Ok(stories) = archive.story_groups_of(ids) {
            log_step(&format!("finding reprints ({} in stories)", stories.len()), started);
            let _ = to_worker.send(Request::StoriesLoaded(stories));
        }
        // Grouping a million signatures frees hundreds of megabytes.
        crate::ui::platform::release_free_memory();
    });
}

/// Reads the whole catalog on a thread of its own; it arrives as [`Request::CatalogLoaded`].
pub(super) fn load_catalog(archive: &Arc<Archive>, out: &Outbox) {
    let archive = Arc::clone(archive);
    let to_worker = out.to_worker.clone();
    let tx = out.tx.clone();
    let spawned = spawn_thread("catalog", move || {
        // Counted before the catalog is read: a tag changed while it is read makes its tags
        // no longer the database's (see `Archive::load_tags_from`).
        let seen = archive.tag_changes();
        match archive.catalog() {
            Ok((catalog, save)) => {
                // Before the catalog arrives, so that its search has the tags' counts.
                take_tags(&archive, &catalog, seen, &to_worker);
                let _ = to_worker.send(Request::CatalogLoaded(Box::new(catalog)));
                // Not before: the first results wait for the catalog, and both read the disk.
                read_index_ahead(&archive);
                // For the next opening; the catalog file is derived, so a failure only costs time.
                if let Some(save) = save
                    && let Err(e) = archive.save_catalog(save)
                {
                    log_step(&format!("the catalog file was not written ({e})"), std::time::Instant::now());
                }
                // Reading every record (or the file's lines) frees more than the catalog keeps.
                crate::ui::platform::release_free_memory();
            }
            Err(e) => {
                let _ = tx.send(Reply::Failed {
                    request: RequestKind::Refresh,
                    message: t!("worker-read-archive", error = crate::ui::archive_error_text(&e)),
                });
            }
        }
    });
    if let Err(e) = spawned {
        out.send(Reply::Failed {
            request: RequestKind::Refresh,
            message: t!("worker-read-archive", error = e.to_string()),
        });
    }
}
