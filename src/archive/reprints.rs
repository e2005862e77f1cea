//! Reprints: which articles are one story, by the signatures kept at import
//! (`search::stories`). They are derived data, like the search index: a clipping without one
//! (an archive from before, a text edited since) gets it made again when stories are wanted.

use std::collections::{HashMap, HashSet};

use crate::archive::model::{ClippingId, Kind};
use crate::archive::{Archive, Result};
use crate::search::stories::{self, Signature};

impl Archive {
    /// For each article that has reprints, the id of its story's first article (the lowest
    /// id); articles alone are left out.
    pub fn story_groups(&self) -> Result<HashMap<ClippingId, ClippingId>> {
        // Kept in a list in the order of ids, not a map: at 100,000 clippings a map of
        // signatures beside the list made for grouping held 60 MB more while they were read.
        let kept = self.store.signatures()?;
        let mut signed: Vec<(ClippingId, Signature)> = Vec::with_capacity(kept.len());
        let known: HashSet<ClippingId> = kept.iter().map(|(id, _)| *id).collect();
        signed.extend(kept.into_iter().filter_map(|(id, s)| s.map(|s| (id, s))));
        for id in self.store.ids()?.into_iter().filter(|id| !known.contains(id)) {
            let Some(c) = self.store.get(id)? else { continue };
            let signature = (c.kind == Kind::Article).then(|| stories::signature(&c.body)).flatten();
            // Derived: a signature that cannot be kept is made again next time.
            let _ = self.store.set_signature(id, signature.as_ref());
            signed.extend(signature.map(|s| (id, s)));
        }
        signed.sort_by_key(|(id, _)| *id);
        Ok(stories::group(&signed))
    }
}
