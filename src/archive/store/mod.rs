//! The store of record behind an archive: clippings, their tags, suggestions, settings, reprint
//! signatures and the marks of changes that the derived copies (the search index, the catalog
//! file, the signatures file) have yet to take in. [`Store`] is the boundary a second backend
//! plugs into; [`sled_store::SledStore`] is the desktop's. What any store must do is written
//! down once, as the generic suite in `contract.rs` that every implementation runs.
//!
//! Originals and thumbnails are not in the store: they are files named by their content hash
//! (`archive::files`).

#[cfg(test)]
pub(crate) mod contract;
pub(crate) mod pg_store;
pub(crate) mod sled_store;

use std::collections::HashSet;

use crate::vocab::{Clipping, ClippingId, Result, Signature, StoredSuggestion, Tag, TagCount};

/// What [`Store::insert_clippings`] did with a clipping.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Inserted {
    /// Stored under this id, marked for the search index with this change's sequence number.
    New(ClippingId, u64),
    /// Another clipping with the same content hash was there first.
    Duplicate(ClippingId),
}

/// A change as a team archive's log keeps it: one call that changed the archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeSet {
    pub seq: u64,
    /// What it was: `import`, `tag`, `untag`, `merge`, `edit`, `delete`, `suggest` or `mark`
    /// (a clipping marked to be indexed again).
    pub what: String,
    pub n_clippings: usize,
    /// The role that made it.
    pub by: String,
    /// Whether this desktop made it.
    pub here: bool,
    pub at: chrono::DateTime<chrono::Utc>,
    pub ids: Vec<ClippingId>,
}

/// A clipping with its tags, or `None` where it is not there (see [`Store::records`]).
pub(crate) type Records = (ClippingId, Option<(Clipping, Vec<Tag>)>);

/// What is derived from a new clipping's text: its suggestions and its reprint signature.
pub(crate) type Derived = (ClippingId, Vec<StoredSuggestion>, Option<Signature>);

/// Clippings with their reprint signatures, in id order.
pub(crate) type Signed = Vec<(ClippingId, Signature)>;

/// A signature as kept: its hashes, little-endian; anything else is none.
pub(crate) fn signature_from_bytes(bytes: &[u8]) -> Option<Signature> {
    let mut hashes = [0u32; crate::vocab::N_HASHES];
    if bytes.len() != hashes.len() * 4 {
        return None;
    }
    for (h, b) in hashes.iter_mut().zip(bytes.chunks_exact(4)) {
        *h = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    }
    Some(Signature(hashes))
}

/// The store of record. Each method is one change, whole or not at all; a change to
/// clippings marks them for the derived copies (the marks carry a sequence number that grows
/// with every change, so that a copy clears a mark only if no newer change came since).
/// Methods that read return what was committed before they were called.
pub(crate) trait Store: Send + Sync {
    /// Makes every change so far durable.
    fn flush(&self) -> Result<()>;

    /// Sets or clears the marker of an import under way: a store opened with it set had an
    /// import interrupted, whose files without records are swept.
    fn set_import_in_progress(&self, on: bool) -> Result<()>;
    fn import_in_progress(&self) -> Result<bool>;

    /// A setting kept with the archive as JSON; `None` if never set.
    fn setting_json(&self, name: &str) -> Result<Option<Vec<u8>>>;
    fn set_setting_json(&self, name: &str, json: &[u8]) -> Result<()>;

    /// Inserts new clippings with their tags, giving each the next id, unless one with the same
    /// hash exists (their `id` fields are ignored); all or none.
    fn insert_clippings(&self, items: &[(&Clipping, &[Tag])]) -> Result<Vec<Inserted>>;
    fn get(&self, id: ClippingId) -> Result<Option<Clipping>>;
    fn id_by_hash(&self, hash: &str) -> Result<Option<ClippingId>>;
    /// The content hashes of every clipping.
    fn known_hashes(&self) -> Result<HashSet<String>>;
    fn n_clippings(&self) -> usize;
    /// Every clipping, the trash too, in id order.
    fn all_clippings(&self) -> Result<Vec<Clipping>>;
    /// The `n` clippings with the highest ids, highest first.
    fn recent_clippings(&self, n: usize) -> Result<Vec<Clipping>>;
    /// Every clipping in id order, each passed through `shrink` as soon as it is read.
    fn all_clippings_shrunk(&self, shrink: &(dyn Fn(&mut Clipping) + Sync)) -> Result<Vec<Clipping>>;
    /// Every clipping in id order, shrunk as [`Store::all_clippings_shrunk`] does, handed to
    /// `each` in chunks as they are read, where the store can, so that they are never all held
    /// at once (a million records without their texts held 632 MB). By default, in one chunk.
    fn clippings_in_chunks(
        &self,
        shrink: &(dyn Fn(&mut Clipping) + Sync),
        each: &mut dyn FnMut(Vec<Clipping>) -> Result<()>,
    ) -> Result<()> {
        each(self.all_clippings_shrunk(shrink)?)
    }
    /// Rewrites a clipping's record (its id and hash stay); its kept signature is dropped.
    fn update_clipping(&self, clipping: &Clipping) -> Result<()>;
    /// Every clipping's id, in order.
    fn ids(&self) -> Result<Vec<ClippingId>>;
    /// Deletes a clipping's record, hash, tag relations, suggestions and signature for good.
    fn delete_clipping(&self, id: ClippingId) -> Result<Option<Clipping>>;

    /// Keeps a clipping's reprint signature (`None`: it has none).
    fn set_signature(&self, id: ClippingId, signature: Option<&Signature>) -> Result<()>;
    /// A clipping's kept signature: `None` if none is kept, `Some(None)` if it has none.
    fn signature_of(&self, id: ClippingId) -> Result<Option<Option<Signature>>>;
    /// Every signature kept, in id order, and the ids that have an entry.
    fn signatures(&self) -> Result<(Signed, HashSet<ClippingId>)>;
    /// Every signature kept, one at a time in the order of the clippings' ids (`None` for an
    /// entry that says the clipping has none), so that a file can be written from them without
    /// holding them all. `each` failing stops the reading with its error.
    fn each_signature(&self, each: &mut dyn FnMut(ClippingId, Option<Signature>) -> Result<()>) -> Result<()> {
        let (signed, known) = self.signatures()?;
        let mut known: Vec<ClippingId> = known.into_iter().collect();
        known.sort_unstable();
        let mut signed = signed.into_iter().peekable();
        for id in known {
            let signature = signed.next_if(|(s, _)| *s == id).map(|(_, s)| s);
            each(id, signature)?;
        }
        Ok(())
    }
    /// The token of the signatures file believed to hold every signature, if any.
    fn signatures_token(&self) -> Result<Option<u64>>;
    /// Sets the signatures file aside: its token becomes one no file has.
    fn invalidate_signatures_file(&self) -> Result<()>;
    /// Gives a signatures file its token if the token is still `before`; false otherwise.
    fn claim_signatures_token(&self, before: Option<u64>, token: u64) -> Result<bool>;

    /// The suggestions stored for a clipping, dismissed ones included.
    fn suggestions(&self, id: ClippingId) -> Result<Vec<StoredSuggestion>>;
    /// Replaces a clipping's suggestions, marking it for the catalog.
    fn set_suggestions(&self, id: ClippingId, suggestions: &[StoredSuggestion]) -> Result<()>;
    /// Stores the suggestions of a clipping just inserted, which its insert marked already.
    fn set_new_suggestions(&self, id: ClippingId, suggestions: &[StoredSuggestion]) -> Result<()>;
    /// Stores the suggestions and signatures of clippings just inserted, in one go where the
    /// store can.
    fn set_new_derived(&self, derived: &[Derived]) -> Result<()> {
        for (id, suggestions, signature) in derived {
            self.set_new_suggestions(*id, suggestions)?;
            self.set_signature(*id, signature.as_ref())?;
        }
        Ok(())
    }

    /// A clipping's tags, by kind then name.
    fn tags_of(&self, id: ClippingId) -> Result<Vec<Tag>>;
    /// These clippings with their tags, in the order given; `None` for one not there. A store
    /// on a server reads them in one go.
    fn records(&self, ids: &[ClippingId]) -> Result<Vec<Records>> {
        ids.iter().map(|&id| Ok((id, self.get(id)?.map(|c| self.tags_of(id).map(|t| (c, t))).transpose()?))).collect()
    }
    /// A known tag by its key.
    fn tag(&self, key: &str) -> Result<Option<Tag>>;
    /// The ids of the clippings that carry a tag, in id order.
    fn clippings_with(&self, tag_key: &str) -> Result<Vec<ClippingId>>;
    /// Every known tag with the number of clippings that carry it, by kind then name.
    fn all_tags(&self) -> Result<Vec<TagCount>>;
    /// Every known tag, by kind then name, without counting its clippings.
    fn known_tags(&self) -> Result<Vec<Tag>> {
        Ok(self.all_tags()?.into_iter().map(|t| t.tag).collect())
    }
    /// Every tag's key with the ids of the clippings that carry it (in id order), for the
    /// search index's table of tags. A tag on no clipping may be left out.
    fn tag_postings(&self) -> Result<Vec<(String, Vec<ClippingId>)>> {
        self.all_tags()?
            .into_iter()
            .filter(|t| t.n_clippings > 0)
            .map(|t| {
                let key = t.tag.key();
                self.clippings_with(&key).map(|ids| (key, ids))
            })
            .collect()
    }
    /// Tags `ids` (all of which must exist) with `tag`; returns how many were newly tagged.
    fn add_tag(&self, tag: &Tag, ids: &[ClippingId]) -> Result<usize>;
    /// Removes a tag from `ids`; returns how many carried it. The tag stays known.
    fn remove_tag(&self, tag_key: &str, ids: &[ClippingId]) -> Result<usize>;
    /// Moves every clipping of tag `from_key` to `into` and forgets `from_key`.
    fn merge_tags(&self, from_key: &str, into: &Tag) -> Result<usize>;

    /// Marks clippings as changed for the search index and the catalog file.
    fn mark_index_pending(&self, ids: &[ClippingId]) -> Result<()>;
    /// Marks every clipping for the search index (an index built from scratch).
    fn mark_all_index_pending(&self) -> Result<()>;
    /// The clippings waiting for the index with their marks' numbers, in id order.
    fn index_pending(&self) -> Result<Vec<(ClippingId, u64)>>;
    /// The index marks of these clippings, for those that have one.
    fn index_marks_of(&self, ids: &[ClippingId]) -> Result<Vec<(ClippingId, u64)>>;
    fn n_index_pending(&self) -> Result<usize>;
    /// Clears the index marks given where no newer change replaced them.
    fn clear_index_pending(&self, indexed: &[(ClippingId, u64)]) -> Result<()>;
    /// The clippings changed since the catalog file was written, with their marks' numbers.
    fn catalog_pending(&self) -> Result<Vec<(ClippingId, u64)>>;
    /// Clears the catalog marks given where no newer change replaced them.
    fn clear_catalog_pending(&self, written: &[(ClippingId, u64)]) -> Result<()>;
    /// Marks the catalog file as stale as a whole, ahead of an edit of most clippings: each
    /// step of [`Store::add_tag`] and [`Store::remove_tag`] then renews that mark, together
    /// with its change, instead of marking each clipping (a million marks written, then
    /// cleared, took 25 s). A store without such a mark (the team's) marks each clipping.
    fn mark_catalog_stale(&self) -> Result<()> {
        Ok(())
    }
    /// The number of the whole catalog's mark ([`Store::mark_catalog_stale`]), if it is set.
    fn catalog_stale(&self) -> Result<Option<u64>> {
        Ok(None)
    }
    /// Clears the whole catalog's mark, unless a newer one replaced the one read.
    fn clear_catalog_stale(&self, _read: u64) -> Result<()> {
        Ok(())
    }
    /// The token of the catalog file written for this store, if one was.
    fn catalog_token(&self) -> Result<Option<u64>>;
    fn set_catalog_token(&self, token: Option<u64>) -> Result<()>;

    /// Whether the role this store connects as may change it (a team archive's reader may not).
    fn may_change(&self) -> Result<bool> {
        Ok(true)
    }

    /// The changes logged after `after`, oldest first (at most 10,000): a team archive's, by
    /// every desktop. A desktop archive keeps no such log: none.
    fn changes_since(&self, _after: u64) -> Result<Vec<ChangeSet>> {
        Ok(Vec::new())
    }
    /// The newest change's number (0: none).
    fn newest_change(&self) -> Result<u64> {
        Ok(0)
    }
    /// Waits up to `timeout` for word of a change committed by anyone; false if none came. A
    /// store no one else changes has none to give: it waits the time out.
    fn wait_for_change(&self, timeout: std::time::Duration) -> Result<bool> {
        std::thread::sleep(timeout);
        Ok(false)
    }
    /// The changes made to a clipping, oldest first: who imported, tagged and edited it (none
    /// where the store keeps no log).
    fn history(&self, _id: ClippingId) -> Result<Vec<ChangeSet>> {
        Ok(Vec::new())
    }
}

impl dyn Store + '_ {
    /// A setting kept with the archive, so a copied archive keeps it; `None` if never set.
    pub(crate) fn setting<T: serde::de::DeserializeOwned>(&self, name: &str) -> Result<Option<T>> {
        let Some(json) = self.setting_json(name)? else { return Ok(None) };
        serde_json::from_slice(&json)
            .map(Some)
            .map_err(|e| crate::vocab::Error::Corrupt { key: format!("setting:{name}"), reason: e.to_string() })
    }

    pub(crate) fn set_setting<T: serde::Serialize>(&self, name: &str, value: &T) -> Result<()> {
        let json = serde_json::to_vec(value)
            .map_err(|e| crate::vocab::Error::Corrupt { key: format!("setting:{name}"), reason: e.to_string() })?;
        self.set_setting_json(name, &json)
    }
}
