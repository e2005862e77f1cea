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
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was_quiet = QUIET.with(|q| q.replace(true));
    // The callers drop whatever `f` touched when it panics: nothing half-done is used again.
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was_quiet));
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_and_the_flag_restored() {
        let caught = catch_quietly(|| -> u32 { panic!("bad file") });
        assert!(caught.is_err());
        assert_eq!(catch_quietly(|| 7).ok(), Some(7));
        assert!(!QUIET.with(Cell::get));
    }
}
