//! The worker's threads: each words its messages in the language of the thread that starts
//! it, and those writing a file the next opening reads are waited for when the window closes.

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
