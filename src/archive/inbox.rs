//! The inbox: what is new and not looked at yet. An import puts each new clipping in it;
//! someone marking it done takes it out (and the undo puts it back). Learning takes the
//! clippings out of it as examples of what the office tags and does not (`learning.rs`).

use crate::archive::Archive;
use crate::search::query::{Query, Sort};
use crate::vocab::Result;
use crate::vocab::model::ClippingId;

impl Archive {
    /// Takes clippings out of the inbox (`inbox` false) or puts them back; returns how many
    /// changed.
    pub fn set_inbox(&self, ids: &[ClippingId], inbox: bool) -> Result<usize> {
        let mut changed = Vec::new();
        for &id in ids {
            let mut clipping = self.get(id)?;
            if clipping.inbox != inbox {
                clipping.inbox = inbox;
                self.store.update_clipping(&clipping)?;
                changed.push(id);
            }
        }
        self.store.flush()?;
        self.index_changed(&changed)?;
        Ok(changed.len())
    }

    /// The clippings in the inbox (not in the trash), newest first. Reads only the index.
    pub fn inbox(&self) -> Result<Vec<ClippingId>> {
        self.search_ids(&Query { in_inbox: true, ..Query::default() }, Sort::Newest)
    }
}
