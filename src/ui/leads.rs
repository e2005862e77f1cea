//! The first lines of the texts the cards on screen show. The catalog keeps no text (a million
//! leads would hold the window at 400 MB and more): a card drawn without its lead asks for it,
//! the worker reads the few asked for from the archive, and they are kept here, a bounded number.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use crate::vocab::model::ClippingId;

/// How many leads are kept: several screenfuls of the largest grid.
const CAPACITY: usize = 2_000;

#[derive(Default)]
pub struct Leads {
    texts: HashMap<ClippingId, Arc<str>>,
    /// The order they came in, the oldest first, to let go of when there are too many.
    order: VecDeque<ClippingId>,
    /// Asked for and not come yet.
    asked: HashSet<ClippingId>,
    /// Drawn without their lead this frame, not asked for yet.
    wanted: Vec<ClippingId>,
}

impl Leads {
    /// The lead of this clipping if it is here; else it is asked for at the end of the frame.
    pub fn get(&mut self, id: ClippingId) -> Option<Arc<str>> {
        if let Some(text) = self.texts.get(&id) {
            return Some(Arc::clone(text));
        }
        if !self.asked.contains(&id) && !self.wanted.contains(&id) {
            self.wanted.push(id);
        }
        None
    }

    /// The lead of this clipping if it is here, without asking for it.
    pub fn peek(&self, id: ClippingId) -> Option<Arc<str>> {
        self.texts.get(&id).cloned()
    }

    /// The leads to ask the worker for, now marked as asked.
    pub fn take_wanted(&mut self) -> Vec<ClippingId> {
        let wanted = std::mem::take(&mut self.wanted);
        self.asked.extend(wanted.iter().copied());
        wanted
    }

    /// Leads read by the worker (an empty one for a clipping that has no text or is gone).
    pub fn arrived(&mut self, leads: Vec<(ClippingId, String)>) {
        for (id, text) in leads {
            self.asked.remove(&id);
            if self.texts.insert(id, Arc::from(text)).is_none() {
                self.order.push_back(id);
            }
        }
        while self.order.len() > CAPACITY {
            if let Some(old) = self.order.pop_front() {
                self.texts.remove(&old);
            }
        }
    }

    /// Forgets what is kept (after a change, a text may have changed); cards ask again.
    pub fn clear(&mut self) {
        self.texts.clear();
        self.order.clear();
        self.wanted.clear();
    }

    /// How many leads are being read (for tests that wait for them).
    pub fn n_waiting(&self) -> usize {
        self.asked.len() + self.wanted.len()
    }
}

/// What a card shows of a text: its first 400 letters, its lines and spaces made one.
pub fn lead_of(body: &str) -> String {
    let cut = body.char_indices().nth(400).map_or(body, |(i, _)| &body[..i]);
    cut.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_is_asked_for_once_kept_when_it_comes_and_the_oldest_let_go() {
        let mut leads = Leads::default();
        assert!(leads.get(ClippingId(1)).is_none());
        assert!(leads.get(ClippingId(1)).is_none(), "drawn twice in a frame, asked for once");
        assert_eq!(leads.take_wanted(), vec![ClippingId(1)]);
        assert!(leads.get(ClippingId(1)).is_none());
        assert!(leads.take_wanted().is_empty(), "not asked again while it is on its way");
        assert_eq!(leads.n_waiting(), 1);
        leads.arrived(vec![(ClippingId(1), "Talks in Brussels".into())]);
        assert_eq!(leads.get(ClippingId(1)).as_deref(), Some("Talks in Brussels"));
        assert_eq!(leads.n_waiting(), 0);
        leads.arrived((2..=CAPACITY as u64 + 1).map(|i| (ClippingId(i), format!("text {i}"))).collect());
        assert!(leads.get(ClippingId(1)).is_none(), "the oldest is let go past the capacity");
        assert_eq!(
            leads.get(ClippingId(CAPACITY as u64 + 1)).as_deref(),
            Some(format!("text {}", CAPACITY + 1).as_str())
        );
    }

    #[test]
    fn a_lead_is_the_texts_start_with_its_lines_made_one() {
        assert_eq!(lead_of("Astana,\n\n  12 March —   talks"), "Astana, 12 March — talks");
        assert_eq!(lead_of(&"я".repeat(1000)).chars().count(), 400);
    }
}
