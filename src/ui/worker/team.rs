//! A team archive's changes from other desktops, seen in the window: a thread that waits for
//! the server's word of a commit (LISTEN/NOTIFY wakes it within a moment; every 30 s it asks
//! anyway), catches the search index up, has the changed clippings read again, and says in a
//! toast what arrived ("aigerim tagged 12 clippings"). When the server cannot be reached the
//! window says so and keeps showing what it has, and the thread tries again.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use super::{Outbox, Reply, Request, spawn_thread};
use crate::archive::{Archive, ChangeSet, Place};
use crate::keyring::Keyring;
use crate::t;

/// How long the thread waits for a notification before it asks the log anyway.
const POLL: Duration = Duration::from_secs(30);
/// How long it holds the archive while it waits for a notification.
const WAKE: Duration = Duration::from_secs(1);
/// How long it waits before trying an unreachable server again.
const RETRY: Duration = Duration::from_secs(5);

/// Opens the archive at its place. A team archive that wants a password is tried with the one
/// the system keyring keeps for it (one the server refuses is forgotten there); a password the
/// user typed and asked to keep is kept once it opened the archive.
pub(super) fn open(place: &Place, keep_password: bool, out: &Outbox) -> crate::archive::Result<Archive> {
    let opened = match Archive::open_place(place) {
        Err(crate::archive::Error::PasswordNeeded { refused: false, .. }) if place.password().is_none() => {
            with_kept_password(place)
        }
        other => other,
    };
    if opened.is_ok() && keep_password {
        let kept = match (Keyring::session(), place.password()) {
            (Some(keyring), Some(password)) => keyring.keep(&place.address(), &password),
            _ => Err(t!("keyring-none")),
        };
        if let Err(error) = kept {
            out.send(Reply::Failed {
                request: super::RequestKind::Refresh,
                message: t!("keyring-failed", error = error),
            });
        }
    }
    opened
}

/// Opens a team archive with the password the keyring keeps for it, if it keeps one.
fn with_kept_password(place: &Place) -> crate::archive::Result<Archive> {
    let asked = || Archive::open_place(place);
    let Some(keyring) = Keyring::session() else { return asked() };
    let Ok(Some(password)) = keyring.password(&place.address()) else { return asked() };
    match Archive::open_place(&place.with_password(&password)) {
        Err(e @ crate::archive::Error::PasswordNeeded { .. }) => {
            let _ = keyring.forget(&place.address());
            Err(e)
        }
        other => other,
    }
}

/// Starts watching a team archive (nothing to do for a folder).
pub(super) fn watch(archive: &Arc<Archive>, out: &Outbox) {
    if !archive.place().is_team() {
        return;
    }
    // Weak: the thread ends once the worker has let the archive go.
    let archive = Arc::downgrade(archive);
    let out = out.clone();
    let _ = spawn_thread("team-changes", move || run(&archive, &out));
}

fn run(archive: &std::sync::Weak<Archive>, out: &Outbox) {
    let mut last = archive.upgrade().and_then(|a| a.newest_change().ok()).unwrap_or(0);
    let mut unreachable = false;
    let mut failed = false;
    let mut asked_at = std::time::Instant::now();
    loop {
        let Some(archive) = archive.upgrade() else { return };
        // Waits a second at a time, letting go of the archive between, so that a window closed
        // (or an archive opened again) is not kept waiting for the poll.
        let woken = match archive.wait_for_change(WAKE) {
            Ok(false) if asked_at.elapsed() < POLL => continue,
            Ok(_) => {
                asked_at = std::time::Instant::now();
                archive.changes_since(last)
            }
            Err(e) => Err(e),
        };
        let changes = match woken {
            Ok(changes) => changes,
            // Unreachable: the banner says so until it answers again. Any other failure is
            // told once, and asked again later.
            Err(e) => {
                let unreachable_now = matches!(e, crate::archive::Error::Unreachable { .. });
                if unreachable_now && !unreachable {
                    out.send(Reply::TeamServer(Some(crate::ui::archive_error_text(&e))));
                } else if !unreachable_now && !failed {
                    let message = crate::ui::archive_error_text(&e);
                    out.send(Reply::Failed { request: super::RequestKind::Refresh, message });
                }
                unreachable |= unreachable_now;
                failed |= !unreachable_now;
                drop(archive);
                std::thread::sleep(if unreachable_now { RETRY } else { POLL });
                continue;
            }
        };
        failed = false;
        if unreachable {
            unreachable = false;
            out.send(Reply::TeamServer(None));
        }
        let Some(newest) = changes.last().map(|c| c.seq) else { continue };
        last = newest;
        let theirs: Vec<&ChangeSet> = changes.iter().filter(|c| !c.here && c.what != "mark").collect();
        let mut ids: Vec<_> = changes.iter().filter(|c| !c.here).flat_map(|c| c.ids.iter().copied()).collect();
        if ids.is_empty() {
            continue;
        }
        ids.sort_unstable();
        ids.dedup();
        // Indexed before the results are asked for again, so a search finds what came.
        let _ = archive.catch_up_index(&mut |_, _| {}, &AtomicBool::new(false));
        if out.to_worker.send(Request::Refresh(ids)).is_err() || out.to_worker.send(Request::RefreshTags).is_err() {
            return;
        }
        if let Some(message) = summary(&theirs) {
            out.send(Reply::Changed { message, undo: None });
        }
    }
}

/// What other desktops did, in the window's language: one phrase per role and kind of change.
fn summary(changes: &[&ChangeSet]) -> Option<String> {
    let mut phrases: Vec<(String, String, usize)> = Vec::new();
    for c in changes {
        match phrases.iter_mut().find(|(by, what, _)| *by == c.by && *what == c.what) {
            Some((_, _, n)) => *n += c.n_clippings,
            None => phrases.push((c.by.clone(), c.what.clone(), c.n_clippings)),
        }
    }
    let words: Vec<String> = phrases
        .iter()
        .map(|(by, what, n)| match what.as_str() {
            "import" => t!("team-imported", who = by.as_str(), n = *n),
            "tag" | "merge" => t!("team-tagged", who = by.as_str(), n = *n),
            "untag" => t!("team-untagged", who = by.as_str(), n = *n),
            "delete" => t!("team-deleted", who = by.as_str(), n = *n),
            _ => t!("team-edited", who = by.as_str(), n = *n),
        })
        .collect();
    (!words.is_empty()).then(|| words.join("; "))
}
