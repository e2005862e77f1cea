//! The worker's threads: each words its messages in the language of the thread that starts
//! it, and those writing a file the next opening reads are waited for when the window closes;
//! those that wait for messages give back what their work freed once idle (`next_or_idle`).

/// The threads writing a file the next opening reads (the catalog file after a large edit or
/// an import): [`wait_for_writers`] waits for them before the process ends, so that a window
/// closed right after tagging a million clippings does not leave its next opening to read
/// every record again (a minute and two gigabytes).
static WRITERS: std::sync::Mutex<Vec<std::thread::JoinHandle<()>>> = std::sync::Mutex::new(Vec::new());

/// Waits for the files being written for the next opening, and for the workers told to stop
/// (which may start one as they finish); called once the window is closed.
pub fn wait_for_writers() {
    loop {
        let writers = std::mem::take(&mut *WRITERS.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        if writers.is_empty() {
            return;
        }
        for writer in writers {
            let _ = writer.join();
        }
    }
}

/// [`spawn_thread`] for a writer [`wait_for_writers`] waits for.
pub(super) fn spawn_writer(name: &str, f: impl FnOnce() + Send + 'static) -> std::io::Result<()> {
    let handle = spawn_named(name, f)?;
    let mut writers = WRITERS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    writers.retain(|w| !w.is_finished());
    writers.push(handle);
    Ok(())
}

/// Starts a thread that words its messages in the language of the thread that starts it.
pub(super) fn spawn_thread(name: &str, f: impl FnOnce() + Send + 'static) -> std::io::Result<()> {
    spawn_named(name, f).map(|_| ())
}

pub(super) fn spawn_named(
    name: &str,
    f: impl FnOnce() + Send + 'static,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    let lang = crate::i18n::language();
    std::thread::Builder::new().name(name.into()).spawn(move || {
        crate::i18n::set_language(lang);
        f();
    })
}

/// Keeps a worker told to stop for [`wait_for_writers`].
pub(super) fn wait_at_close(thread: std::thread::JoinHandle<()>) {
    WRITERS.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(thread);
}

/// How long a closing worker waits for the archive's other threads (a catalog file being
/// written, learning, the batch being indexed) to let go of it before settling the database.
const SETTLE_WAIT: std::time::Duration = std::time::Duration::from_secs(20);

/// Settles the database of a folder's archive after a session that changed much: sled reads
/// back at its next opening everything written since it last opened, and records where it got
/// to only then (a million clippings tagged and untagged: 1.2 s before the first results).
/// The worker does it as the window closes, once the window is gone, and the process waits for
/// it ([`wait_for_writers`]). The index stops catching up; its marks keep what is left. A thread
/// that keeps the archive longer than [`SETTLE_WAIT`] leaves it unsettled: that only costs
/// the next opening its second.
pub(super) fn settle_at_close(archive: std::sync::Arc<crate::archive::Archive>) {
    if archive.place().is_team() {
        return;
    }
    archive.stop_background_indexing();
    let started = std::time::Instant::now();
    let mut archive = archive;
    loop {
        match std::sync::Arc::try_unwrap(archive) {
            Ok(only) => {
                let settled = only.close_settled();
                let what = match settled {
                    Ok(()) => "settling the database at close".to_owned(),
                    Err(e) => format!("the database was not settled ({e})"),
                };
                return super::log_step(&what, started);
            }
            Err(shared) if started.elapsed() < SETTLE_WAIT => {
                archive = shared;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(_) => return super::log_step("the database was not settled (the archive was in use)", started),
        }
    }
}

/// How long a worker thread waits for its next message before it gives back the memory its work
/// freed (see `release_free_memory`): a pause in typing, not between two keystrokes.
const IDLE: std::time::Duration = std::time::Duration::from_millis(250);

/// The next message for a thread of the worker's, or none once its senders are gone. Idle a
/// moment after one: what its work freed is given back, not kept for the next (mimalloc keeps
/// it with the thread that allocated it, even when another freed it, until that one collects).
pub(super) fn next_or_idle<T>(messages: &std::sync::mpsc::Receiver<T>) -> Option<T> {
    let mut released = false;
    loop {
        match messages.recv_timeout(IDLE) {
            Ok(message) => return Some(message),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) if !released => {
                crate::ui::platform::release_free_memory();
                released = true;
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;
    use std::time::Duration;

    use crate::archive::Archive;

    /// Where sled's last snapshot got to: the log position in its file's name.
    fn snapshot_lsn(db: &std::path::Path) -> u64 {
        std::fs::read_dir(db)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().to_str()?.strip_prefix("snap.").map(str::to_owned))
            .filter_map(|hex| u64::from_str_radix(&hex, 16).ok())
            .max()
            .unwrap_or(0)
    }

    /// Settling waits for another thread to let go of the archive, then records where the
    /// database's log is: the next opening has nothing to read back, and nothing was lost.
    #[test]
    fn a_closing_worker_settles_the_database_once_the_archive_is_let_go() {
        let tmp = tempfile::tempdir().unwrap();
        let (dir, inbox) = (tmp.path().join("archive"), tmp.path().join("inbox"));
        std::fs::create_dir_all(&inbox).unwrap();
        for i in 0..50 {
            std::fs::write(inbox.join(format!("{i}.txt")), format!("Story {i}\n\nText of story {i}.")).unwrap();
        }
        let archive = Arc::new(Archive::open(&dir).unwrap());
        let at_opening = snapshot_lsn(&dir.join("db"));
        let report = archive.import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap();
        assert_eq!(report.n_imported(), 50);
        assert_eq!(snapshot_lsn(&dir.join("db")), at_opening, "sled records where it got to only as it opens");

        let held = Arc::clone(&archive);
        let holder = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            drop(held);
        });
        super::settle_at_close(archive);
        holder.join().unwrap();

        assert!(snapshot_lsn(&dir.join("db")) > at_opening, "settled past the import");
        let reopened = Archive::open(&dir).unwrap();
        assert_eq!(reopened.catalog().unwrap().0.len(), 50);
    }
}
