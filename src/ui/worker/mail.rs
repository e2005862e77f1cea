//! The archive's mailboxes, checked while the window is open: a thread that fetches each
//! mailbox a little after opening and then every few minutes (or at once, from the Import
//! menu), has what came read into the results, and says on the status line what it found.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use super::{Outbox, Reply, Request, spawn_thread};
use crate::archive::Archive;
use crate::mail::{self, FetchMailError, Mailbox};
use crate::t;

/// How long after opening the first check comes (the window's own reading first).
const FIRST: Duration = Duration::from_secs(20);
/// How often each mailbox is checked.
const EVERY: Duration = Duration::from_secs(5 * 60);

/// What the status line says of a mailbox.
#[derive(Clone, Debug, PartialEq)]
pub enum MailStatus {
    Checking { name: String },
    Checked { name: String, n_new: usize, at: chrono::DateTime<chrono::Local> },
    Failed { name: String, message: String },
}

/// Starts the thread; `check_now` wakes it.
pub(super) fn watch(archive: &Arc<Archive>, out: &Outbox, check_now: Receiver<()>) {
    // Weak: the thread ends once the worker has let the archive go.
    let archive = Arc::downgrade(archive);
    let out = out.clone();
    let _ = spawn_thread("mail", move || run(&archive, &out, &check_now));
}

fn run(archive: &Weak<Archive>, out: &Outbox, check_now: &Receiver<()>) {
    let mut next = Instant::now() + FIRST;
    loop {
        match check_now.recv_timeout(Duration::from_secs(1)) {
            Ok(()) => next = Instant::now(),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        if Instant::now() < next {
            continue;
        }
        let Some(archive) = archive.upgrade() else { return };
        let mailboxes = mail::mailboxes(&archive).unwrap_or_default();
        for mailbox in &mailboxes {
            check(&archive, mailbox, out);
        }
        next = Instant::now() + EVERY;
    }
}

fn check(archive: &Archive, mailbox: &Mailbox, out: &Outbox) {
    let name = mailbox.name.clone();
    let Ok(password) = mailbox.password() else {
        let message = t!("mail-no-password");
        return out.send(Reply::Mail(MailStatus::Failed { name, message }));
    };
    out.send(Reply::Mail(MailStatus::Checking { name: name.clone() }));
    let never = std::sync::atomic::AtomicBool::new(false);
    match mail::fetch_mailbox(archive, mailbox, &password, &mut |_| {}, &never) {
        Ok(report) => {
            let ids = report.import.imported_ids();
            if !ids.is_empty() {
                let _ = out.to_worker.send(Request::Refresh(ids.clone()));
                let _ = out.to_worker.send(Request::RefreshTags);
            }
            let at = chrono::Local::now();
            out.send(Reply::Mail(MailStatus::Checked { name, n_new: ids.len(), at }));
        }
        Err(e) => {
            let message = match &e {
                FetchMailError::Server(e) => crate::ui::mail_error_text(e),
                FetchMailError::Archive(e) => crate::ui::archive_error_text(e),
            };
            out.send(Reply::Mail(MailStatus::Failed { name, message }));
        }
    }
}
