//! The whole texts of a search's first results, read on a thread of their own once the results
//! are sent. The catalog keeps a card of each clipping; a snippet of where the words are, deep
//! in a long article, needs its whole text. At a million clippings, reading the first 100
//! records took 1-7 ms with the database in the file cache and 17-80 ms without, which every
//! keystroke waited for before its results were shown.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

use super::messages::Reply;
use super::{Outbox, spawn_thread};
use crate::archive::Archive;
use crate::vocab::model::ClippingId;

/// How many of a search's first results get their whole text: more than a list shows at once.
pub(super) const WHOLE_TEXTS: usize = 100;

/// The clippings of one search's first results whose whole text is wanted, and the number
/// its results were sent with ([`Reply::Results`]'s `texts`).
pub(super) struct Wanted {
    pub ask: u64,
    pub ids: Vec<ClippingId>,
}

/// The thread and the number of the last ask: it ends when this is dropped (with the worker's
/// state), and lets go of the archive then.
pub(super) struct Texts {
    to_thread: Option<Sender<Wanted>>,
    asked: u64,
}

impl Texts {
    pub(super) fn start(archive: &Arc<Archive>, out: &Outbox) -> Texts {
        let (tx, rx) = std::sync::mpsc::channel();
        let (archive, thread_out) = (Arc::clone(archive), out.clone());
        let started = spawn_thread("texts", move || run(&archive, &rx, &thread_out)).is_ok();
        Texts { to_thread: started.then_some(tx), asked: 0 }
    }

    /// The number the next results are sent with.
    pub(super) fn next_ask(&mut self) -> u64 {
        self.asked += 1;
        self.asked
    }

    /// Has the texts of `ids` read and sent as [`Reply::WholeTexts`]: on the thread, or here
    /// if it is gone.
    pub(super) fn ask(&self, archive: &Archive, wanted: Wanted, out: &Outbox) {
        let wanted = match &self.to_thread {
            Some(tx) => match tx.send(wanted) {
                Ok(()) => return,
                Err(unsent) => unsent.0,
            },
            None => wanted,
        };
        answer(archive, wanted, out);
    }
}

fn run(archive: &Archive, wanted: &Receiver<Wanted>, out: &Outbox) {
    // Idle, it gives back the records it read, which the window's thread freed.
    while let Some(mut next) = super::threads::next_or_idle(wanted) {
        // Only the newest results' texts: those a later keystroke overtook are not read.
        while let Ok(newer) = wanted.try_recv() {
            next = newer;
        }
        answer(archive, next, out);
    }
}

/// Always answers, so that the window knows nothing is coming any more: a record not read (gone
/// since) is left out, and its card keeps its lead.
fn answer(archive: &Archive, Wanted { ask, ids }: Wanted, out: &Outbox) {
    let read = crate::vocab::quiet::catch_quietly(|| ids.iter().filter_map(|&id| archive.get(id).ok()).collect());
    out.send(Reply::WholeTexts { ask, clippings: read.unwrap_or_default() });
}
