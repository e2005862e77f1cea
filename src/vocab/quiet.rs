//! Catching a decoder's panic without the noise: a panic on a bad file is that file's error in
//! the import report, not a message on the terminal. Panics anywhere else still print as usual.

use std::cell::Cell;
use std::panic::AssertUnwindSafe;
use std::sync::Once;

thread_local! {
    /// Set while this thread runs code whose panics are caught and reported.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

static HOOK: Once = Once::new();

/// What a caught panic said, for a message ("unknown cause" when it said nothing readable).
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".to_owned())
}

/// Runs `f`, catching a panic; the panic hook stays silent for it. The hook that was there
/// before (the default one, or the program's) still handles every other panic.
pub(crate) fn catch_quietly<R>(f: impl FnOnce() -> R) -> std::thread::Result<R> {
    install_quiet_hook(&HOOK);
    let was_quiet = QUIET.with(|q| q.replace(true));
    // The callers drop whatever `f` touched when it panics: nothing half-done is used again.
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was_quiet));
    result
}

/// Puts the hook that keeps quiet in front of the one there, once. Not from a thread that is
/// panicking: std refuses to change the hook there (a panic of its own, which in a value
/// dropped while unwinding aborts the process); a later call installs it.
fn install_quiet_hook(once: &Once) {
    if std::thread::panicking() {
        return;
    }
    once.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value dropped while its thread unwinds from a panic (an archive closing its index)
    /// may catch quietly before any hook was put in place: the thread ends with its own
    /// panic, and the process does not abort.
    #[test]
    fn the_hook_is_not_put_in_place_from_a_thread_that_is_panicking() {
        static NOT_YET: Once = Once::new();
        struct InstallsOnDrop;
        impl Drop for InstallsOnDrop {
            fn drop(&mut self) {
                install_quiet_hook(&NOT_YET);
            }
        }
        let joined = std::thread::spawn(|| {
            let _closing = InstallsOnDrop;
            panic!("the thread's own panic");
        })
        .join();
        let message = joined.err().map(|payload| panic_message(payload.as_ref()));
        assert_eq!(message.as_deref(), Some("the thread's own panic"));
        assert!(!NOT_YET.is_completed(), "left to a thread that is not panicking");
    }

    #[test]
    fn a_panic_is_caught_and_the_flag_restored() {
        let caught = catch_quietly(|| -> u32 { panic!("bad file") });
        assert!(caught.is_err());
        assert_eq!(catch_quietly(|| 7).ok(), Some(7));
        assert!(!QUIET.with(Cell::get));
    }
}
