//! Reprints: which articles are one story, by the signatures kept at import
//! (`search::stories`). They are derived data, like the search index: a clipping without one
//! (an archive from before, a text edited since) gets it made again when stories are wanted.

use std::collections::HashMap;

use crate::archive::model::{ClippingId, Kind};
use crate::archive::{Archive, Result};
use crate::search::stories;

impl Archive {
    /// For each article that has reprints, the id of its story's first article (the lowest
    /// id); articles alone are left out.
    pub fn story_groups(&self) -> Result<HashMap<ClippingId, ClippingId>> {
        // Read straight into the list that is grouped, in the order of ids: at 100,000
        // clippings a map or a second list of signatures held 50-60 MB more while they were read.
        let (mut signed, known) = self.store.signatures()?;
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
