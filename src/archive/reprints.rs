//! Reprints: which articles are one story, by the signatures kept at import
//! (`search::stories`). They are derived data, like the search index: a clipping without one
//! (an archive from before, a text edited since) gets it made again when stories are wanted.

use std::collections::HashMap;

use crate::archive::model::{ClippingId, Kind};
use crate::archive::{Archive, Result};
use crate::search::stories::{self, Signature};

impl Archive {
    /// For each article that has reprints, the id of its story's first article (the lowest
    /// id); articles alone are left out.
    pub fn story_groups(&self) -> Result<HashMap<ClippingId, ClippingId>> {
        let mut kept = self.store.signatures()?;
        for id in self.store.ids()? {
            if kept.contains_key(&id) {
                continue;
            }
            let Some(c) = self.store.get(id)? else { continue };
            let signature = (c.kind == Kind::Article).then(|| stories::signature(&c.body)).flatten();
            // Derived: a signature that cannot be kept is made again next time.
            let _ = self.store.set_signature(id, signature.as_ref());
            kept.insert(id, signature);
        }
        let mut signed: Vec<(ClippingId, Signature)> =
            kept.into_iter().filter_map(|(id, s)| s.map(|s| (id, s))).collect();
        signed.sort_by_key(|(id, _)| *id);
        Ok(stories::group(&signed))
    }
}
