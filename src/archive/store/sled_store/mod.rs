//! The sled database, the desktop's [`Store`]: the store of record for clippings, tags and the
//! relation between them. This is the only file that names sled. Large data (originals,
//! thumbnails) stays out of it.
//!
//! Trees:
//! - `meta`: schema version, the next clipping id, the import-in-progress marker, the
//!   archive's settings (`setting:<name>` -> JSON);
//! - `clippings`: id (u64 big-endian) -> JSON [`Clipping`];
//! - `hashes`: BLAKE3 hex -> id, for de-duplication;
//! - `tags`: tag key (`kind:folded value`) -> JSON [`Tag`];
//! - `tag_clippings`: tag key, 0, id -> empty; `clipping_tags`: id, tag key -> empty;
//! - `suggestions`: id -> JSON list of suggested tags, each open or dismissed;
//! - `index_pending`: id -> sequence number (u64 big-endian) of its latest change that the
//!   search index may not have yet. Every change marks its clippings before or together with
//!   the change itself, so a mark can be spare but never missing.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use sled::transaction::{ConflictableTransactionError, Transactional};

mod encoding;

use super::{Inserted, Signed, Store, signature_from_bytes};
use crate::vocab::{Clipping, ClippingId, Error, Result, Signature, StoredSuggestion, Tag, TagCount};
use encoding::{
    clear_marks, clipping_tag_key, db_err, decode, encode, id_from_key, id_key, marks_in, open_db, tag_clipping_key,
    tag_prefix, tx_err,
};

const SCHEMA_VERSION: u32 = 1;

const KEY_SCHEMA: &[u8] = b"schema_version";
const KEY_NEXT_ID: &[u8] = b"next_id";
const KEY_IMPORTING: &[u8] = b"import_in_progress";
/// The token of the catalog file that goes with this database (see `archive::catalog`).
const KEY_CATALOG_TOKEN: &[u8] = b"catalog_token";
/// The token of the signatures file (`Archive::story_groups`), while it holds every signature
/// this database had when it was written; replaced by one no file has when one of those changes.
const KEY_SIGNATURES_TOKEN: &[u8] = b"signatures_token";
/// The whole catalog file's mark ([`Store::mark_catalog_stale`]): the number of its latest
/// renewal, big-endian.
const KEY_CATALOG_STALE: &[u8] = b"catalog_stale";

pub(crate) struct SledStore {
    db: sled::Db,
    meta: sled::Tree,
    clippings: sled::Tree,
    hashes: sled::Tree,
    tags: sled::Tree,
    tag_clippings: sled::Tree,
    clipping_tags: sled::Tree,
    suggestions: sled::Tree,
    index_pending: sled::Tree,
    /// id -> sequence number of a change the catalog file (`archive::catalog`) may lack: marked
    /// with the index's marks, and when suggestions change.
    catalog_pending: sled::Tree,
    /// id -> the text's MinHash signature for reprints (`search::stories`), empty for a
    /// clipping that has none (a photo, a short text). Derived: one missing is computed again.
    signatures: sled::Tree,
    /// Held while clippings are tagged, untagged or deleted: a tag edit asks once whether its
    /// clippings are there, and none can go before it is done. Asking again inside each of
    /// its transactions read a million signatures through sled's small cache, evicting the
    /// pages the edit writes.
    relations: std::sync::Mutex<()>,
}

impl SledStore {
    /// A number kept in `meta` (big-endian), if it is there and whole.
    fn meta_u64(&self, key: &[u8]) -> Result<Option<u64>> {
        Ok(self.meta.get(key).map_err(db_err)?.and_then(|v| v.as_ref().try_into().ok().map(u64::from_be_bytes)))
    }

    pub(crate) fn open(path: &Path) -> Result<SledStore> {
        let db = open_db(path)?;
        let tree = |name: &str| db.open_tree(name).map_err(db_err);
        let store = SledStore {
            meta: tree("meta")?,
            clippings: tree("clippings")?,
            hashes: tree("hashes")?,
            tags: tree("tags")?,
            tag_clippings: tree("tag_clippings")?,
            clipping_tags: tree("clipping_tags")?,
            suggestions: tree("suggestions")?,
            index_pending: tree("index_pending")?,
            catalog_pending: tree("catalog_pending")?,
            signatures: tree("signatures")?,
            relations: std::sync::Mutex::new(()),
            db,
        };
        match store.meta.get(KEY_SCHEMA).map_err(db_err)? {
            None => {
                store.meta.insert(KEY_SCHEMA, &SCHEMA_VERSION.to_be_bytes()).map_err(db_err)?;
                store.flush()?;
            }
            Some(v) => {
                let found = v.as_ref().try_into().map(u32::from_be_bytes).unwrap_or(u32::MAX);
                if found > SCHEMA_VERSION {
                    return Err(Error::SchemaTooNew { path: path.to_owned(), found, known: SCHEMA_VERSION });
                }
            }
        }
        Ok(store)
    }

    fn tag_keys_of(&self, id: ClippingId) -> Result<Vec<String>> {
        let mut keys = Vec::new();
        for kv in self.clipping_tags.scan_prefix(id_key(id)) {
            let (k, _) = kv.map_err(db_err)?;
            if let Some(rest) = k.get(8..) {
                keys.push(String::from_utf8_lossy(rest).into_owned());
            }
        }
        Ok(keys)
    }

    /// A number larger than any handed out before, also after a restart.
    fn next_seq(&self) -> Result<u64> {
        self.db.generate_id().map_err(db_err)
    }

    /// Makes a change to these clippings, marked for the search index before and after it.
    /// Before: a process killed halfway leaves the mark. After: an index catch-up that read
    /// the record between the first mark and the change (and cleared that mark) cannot hide
    /// the change, as the second mark is newer.
    fn marked<T>(&self, ids: &[ClippingId], change: impl FnOnce() -> Result<T>) -> Result<T> {
        self.mark_index_pending(ids)?;
        let done = change()?;
        self.mark_index_pending(ids)?;
        Ok(done)
    }

    /// Marks for the index those of `ids` that wait for it (few, as a rule: an import's last
    /// batches), with a newer mark.
    fn mark_again_if_waiting(&self, ids: &[ClippingId]) -> Result<()> {
        if self.index_pending.is_empty() {
            return Ok(());
        }
        let asked: std::collections::HashSet<ClippingId> = ids.iter().copied().collect();
        let mut waiting = Vec::new();
        for kv in self.index_pending.iter() {
            let (k, _) = kv.map_err(db_err)?;
            if let Some(id) = id_from_key(&k).filter(|id| asked.contains(id)) {
                waiting.push(id);
            }
        }
        if waiting.is_empty() { Ok(()) } else { self.mark_index_pending(&waiting) }
    }

    /// Marks clippings as changed since the catalog file was written (their suggestions).
    fn mark_catalog_pending(&self, ids: &[ClippingId]) -> Result<()> {
        let seq = self.next_seq()?.to_be_bytes();
        put_marks(&self.catalog_pending, ids.iter().map(|&id| Ok(id_key(id).to_vec().into())), &seq)
    }
}

/// Writes a mark (`seq`) under each key, in batches of [`TAG_EDIT_CHUNK`]: sled holds a batch in
/// memory as it applies it, and a million marks in one took gigabytes. Marks need no atomicity:
/// each says only that a derived copy may lack that clipping's change.
fn put_marks(tree: &sled::Tree, keys: impl Iterator<Item = Result<sled::IVec>>, seq: &[u8]) -> Result<()> {
    let mut batch = sled::Batch::default();
    let mut n = 0;
    for key in keys {
        batch.insert(key?, seq);
        n += 1;
        if n == TAG_EDIT_CHUNK {
            tree.apply_batch(std::mem::take(&mut batch)).map_err(db_err)?;
            n = 0;
        }
    }
    tree.apply_batch(batch).map_err(db_err)
}

/// Inside a tag edit's transaction: renews the whole catalog's mark ([`Store::mark_catalog_stale`])
/// where it is set, and says whether it was, when no clipping needs a mark of its own.
fn renew_whole_mark(
    meta: &sled::transaction::TransactionalTree,
    seq: &[u8],
) -> std::result::Result<bool, ConflictableTransactionError<Error>> {
    let whole = meta.get(KEY_CATALOG_STALE)?.is_some();
    if whole {
        meta.insert(KEY_CATALOG_STALE, seq)?;
    }
    Ok(whole)
}

/// How many clippings one transaction of a tag edit takes. Sled keeps a transaction's reads
/// and writes in memory: a tag added to a million clippings in one held the window at 13 GB.
/// Each transaction keeps both directions of the relation in step, so an edit cut short by a
/// crash leaves some clippings tagged and the archive whole.
#[cfg(not(test))]
const TAG_EDIT_CHUNK: usize = 10_000;
/// Small under test, so that the store's contract crosses transactions.
#[cfg(test)]
const TAG_EDIT_CHUNK: usize = 3;

/// How many records a whole read decodes at a time ([`Store::clippings_in_chunks`]).
#[cfg(not(test))]
const READ_CHUNK: usize = 4096;
/// Small under test, so that the store's contract reads in several chunks.
#[cfg(test)]
const READ_CHUNK: usize = 3;

impl Store for SledStore {
    fn flush(&self) -> Result<()> {
        self.db.flush().map_err(db_err)?;
        Ok(())
    }

    fn set_import_in_progress(&self, on: bool) -> Result<()> {
        if on {
            self.meta.insert(KEY_IMPORTING, &[1]).map_err(db_err)?;
        } else {
            self.meta.remove(KEY_IMPORTING).map_err(db_err)?;
        }
        self.flush()
    }

    /// A setting kept with the archive, so a copied archive keeps it; `None` if never set.
    fn setting_json(&self, name: &str) -> Result<Option<Vec<u8>>> {
        Ok(self.meta.get(format!("setting:{name}").as_bytes()).map_err(db_err)?.map(|bytes| bytes.to_vec()))
    }

    fn set_setting_json(&self, name: &str, json: &[u8]) -> Result<()> {
        self.meta.insert(format!("setting:{name}").as_bytes(), json).map_err(db_err)?;
        self.flush()
    }

    fn import_in_progress(&self) -> Result<bool> {
        self.meta.contains_key(KEY_IMPORTING).map_err(db_err)
    }

    /// Inserts new clippings, giving each the next id, unless one with the same hash exists
    /// (their `id` fields are ignored); all in one transaction, so all are stored or none. A
    /// transaction writes sled's log twice whatever its size: an import stores its clippings a
    /// few hundred at a time (one at a time, that was two log writes per clipping).
    fn insert_clippings(&self, items: &[(&Clipping, &[Tag])]) -> Result<Vec<Inserted>> {
        let seq = self.next_seq()?;
        let trees = (
            &self.meta,
            &self.clippings,
            &self.hashes,
            &self.tags,
            &self.tag_clippings,
            &self.clipping_tags,
            &self.index_pending,
            &self.catalog_pending,
        );
        trees
            .transaction(|(meta, clippings, hashes, tag_tree, tag_clips, clip_tags, pending, catalog_pending)| {
                let mut next = meta
                    .get(KEY_NEXT_ID)?
                    .and_then(|v| v.as_ref().try_into().ok().map(u64::from_be_bytes))
                    .unwrap_or(1);
                let mut inserted = Vec::with_capacity(items.len());
                for &(clipping, tags) in items {
                    // A transaction reads its own writes: the same bytes twice in one call are
                    // a duplicate of the first.
                    if let Some(existing) = hashes.get(clipping.hash.as_bytes())? {
                        inserted.push(Inserted::Duplicate(id_from_key(&existing).unwrap_or(ClippingId(0))));
                        continue;
                    }
                    let id = ClippingId(next);
                    next += 1;
                    let mut record = clipping.clone();
                    record.id = id;
                    clippings.insert(&id_key(id), encode(&record))?;
                    hashes.insert(clipping.hash.as_bytes(), &id_key(id))?;
                    pending.insert(&id_key(id), &seq.to_be_bytes())?;
                    catalog_pending.insert(&id_key(id), &seq.to_be_bytes())?;
                    for tag in tags {
                        let key = tag.key();
                        if tag_tree.get(key.as_bytes())?.is_none() {
                            tag_tree.insert(key.as_bytes(), encode(tag))?;
                        }
                        tag_clips.insert(tag_clipping_key(&key, id), &[])?;
                        clip_tags.insert(clipping_tag_key(id, &key), &[])?;
                    }
                    inserted.push(Inserted::New(id, seq));
                }
                meta.insert(KEY_NEXT_ID, &next.to_be_bytes())?;
                Ok::<_, ConflictableTransactionError<Error>>(inserted)
            })
            .map_err(tx_err)
    }

    fn get(&self, id: ClippingId) -> Result<Option<Clipping>> {
        let key = id_key(id);
        match self.clippings.get(key).map_err(db_err)? {
            Some(bytes) => decode(&key, &bytes).map(Some),
            None => Ok(None),
        }
    }

    fn id_by_hash(&self, hash: &str) -> Result<Option<ClippingId>> {
        Ok(self.hashes.get(hash.as_bytes()).map_err(db_err)?.and_then(|v| id_from_key(&v)))
    }

    fn known_hashes(&self) -> Result<HashSet<String>> {
        let mut out = HashSet::new();
        for kv in self.hashes.iter() {
            let (k, _) = kv.map_err(db_err)?;
            out.insert(String::from_utf8_lossy(&k).into_owned());
        }
        Ok(out)
    }

    /// How many clippings there are. sled counts a tree by reading it whole: the hashes, which
    /// change with the clippings in the same transactions, are some 70 bytes a clipping where the
    /// records are kilobytes (100,000 clippings: 1.5 s and 160 MB of sled's cache for the
    /// records).
    fn n_clippings(&self) -> usize {
        self.hashes.len()
    }

    /// Every clipping, in id order.
    fn all_clippings(&self) -> Result<Vec<Clipping>> {
        let mut out = Vec::with_capacity(self.clippings.len());
        for kv in self.clippings.iter() {
            let (k, v) = kv.map_err(db_err)?;
            out.push(decode(&k, &v)?);
        }
        Ok(out)
    }

    /// The `n` clippings with the highest ids (the last imported), highest first.
    fn recent_clippings(&self, n: usize) -> Result<Vec<Clipping>> {
        let mut out = Vec::with_capacity(n);
        for kv in self.clippings.iter().rev().take(n) {
            let (k, v) = kv.map_err(db_err)?;
            out.push(decode(&k, &v)?);
        }
        Ok(out)
    }

    /// Every clipping, each passed through `shrink` as soon as it is read: the whole archive is
    /// never in memory at once.
    fn all_clippings_shrunk(&self, shrink: &(dyn Fn(&mut Clipping) + Sync)) -> Result<Vec<Clipping>> {
        let mut out = Vec::with_capacity(self.clippings.len());
        self.clippings_in_chunks(shrink, &mut |chunk| {
            out.extend(chunk);
            Ok(())
        })?;
        Ok(out)
    }

    fn clippings_in_chunks(
        &self,
        shrink: &(dyn Fn(&mut Clipping) + Sync),
        each: &mut dyn FnMut(Vec<Clipping>) -> Result<()>,
    ) -> Result<()> {
        use rayon::prelude::*;
        // Records are read in order and decoded on all cores, a few thousand at a time.
        let decode_all = |raw: &[(sled::IVec, sled::IVec)]| -> Result<Vec<Clipping>> {
            raw.par_iter()
                .map(|(k, v)| {
                    let mut clipping: Clipping = decode(k, v)?;
                    shrink(&mut clipping);
                    Ok(clipping)
                })
                .collect()
        };
        let mut raw = Vec::with_capacity(READ_CHUNK);
        for kv in self.clippings.iter() {
            raw.push(kv.map_err(db_err)?);
            if raw.len() == READ_CHUNK {
                each(decode_all(&raw)?)?;
                raw.clear();
            }
        }
        if !raw.is_empty() {
            each(decode_all(&raw)?)?;
        }
        Ok(())
    }

    /// Rewrites a clipping's record. The hash and id must not change.
    fn update_clipping(&self, clipping: &Clipping) -> Result<()> {
        let key = id_key(clipping.id);
        if !self.clippings.contains_key(key).map_err(db_err)? {
            return Err(Error::NoSuchClipping(clipping.id));
        }
        self.marked(&[clipping.id], || {
            self.clippings.insert(key, encode(clipping)).map_err(db_err)?;
            Ok(())
        })?;
        // The text may have changed: its signature is made again when next wanted. The
        // signatures file has the old one: it is set aside first, so that no crash leaves it
        // believed with the change made.
        self.invalidate_signatures_file()?;
        self.signatures.remove(key).map_err(db_err)?;
        Ok(())
    }

    /// Keeps a clipping's reprint signature (`None`: it has none).
    fn set_signature(&self, id: ClippingId, signature: Option<&Signature>) -> Result<()> {
        let bytes: Vec<u8> = signature.map(|s| s.0.iter().flat_map(|h| h.to_le_bytes()).collect()).unwrap_or_default();
        // A new clipping's is not in the signatures file, which is read with the ones that are
        // not; one that replaces another sets the file aside (first, as above).
        if self.signatures.contains_key(id_key(id)).map_err(db_err)? {
            self.invalidate_signatures_file()?;
        }
        self.signatures.insert(id_key(id), bytes).map_err(db_err)?;
        Ok(())
    }

    /// A clipping's kept signature: `None` if none is kept, `Some(None)` if it has none (a photo,
    /// a text too short).
    fn signature_of(&self, id: ClippingId) -> Result<Option<Option<Signature>>> {
        Ok(self.signatures.get(id_key(id)).map_err(db_err)?.map(|v| signature_from_bytes(&v)))
    }

    /// The token of the signatures file that goes with this database, if there is one (or the
    /// one that set a file aside).
    fn signatures_token(&self) -> Result<Option<u64>> {
        self.meta_u64(KEY_SIGNATURES_TOKEN)
    }

    /// Sets the signatures file aside: the token becomes one no file has, and a grouping that
    /// read the signatures before this cannot give its file the token (see
    /// [`Store::claim_signatures_token`]).
    fn invalidate_signatures_file(&self) -> Result<()> {
        self.meta.insert(KEY_SIGNATURES_TOKEN, &crate::archive::rand_token().to_be_bytes()).map(|_| ()).map_err(db_err)
    }

    /// Gives the signatures file just written its token, if the token is still `before`
    /// (as read before the signatures were): otherwise a signature changed meanwhile, and
    /// the file is not believed.
    fn claim_signatures_token(&self, before: Option<u64>, token: u64) -> Result<bool> {
        let before = before.map(u64::to_be_bytes);
        let swapped = self
            .meta
            .compare_and_swap(KEY_SIGNATURES_TOKEN, before.as_ref().map(|b| &b[..]), Some(&token.to_be_bytes()[..]))
            .map_err(db_err)?;
        Ok(swapped.is_ok())
    }

    /// Every signature kept, in the order of the clippings' ids, and the ids that have an entry
    /// (some have none: a photo, a text too short).
    fn signatures(&self) -> Result<(Signed, HashSet<ClippingId>)> {
        // Sized once: a list grown by doubling held twice its size while it was copied.
        let mut signed = Vec::with_capacity(self.n_clippings());
        let mut known = HashSet::new();
        for kv in self.signatures.iter() {
            let (k, v) = kv.map_err(db_err)?;
            let Some(id) = id_from_key(&k) else { continue };
            known.insert(id);
            if let Some(signature) = signature_from_bytes(&v) {
                signed.push((id, signature));
            }
        }
        Ok((signed, known))
    }

    /// Read straight off the tree, in the order of its keys (the ids, big-endian).
    fn each_signature(&self, each: &mut dyn FnMut(ClippingId, Option<Signature>) -> Result<()>) -> Result<()> {
        for kv in self.signatures.iter() {
            let (k, v) = kv.map_err(db_err)?;
            if let Some(id) = id_from_key(&k) {
                each(id, signature_from_bytes(&v))?;
            }
        }
        Ok(())
    }

    /// Every clipping's id.
    fn ids(&self) -> Result<Vec<ClippingId>> {
        // From the small `hashes` tree, which has one entry a clipping, changed with the records
        // in the same transactions: sled reads a tree's values with its keys, and the records
        // would be read whole (160 MB for 100,000 clippings) and kept in its cache.
        let mut ids: Vec<ClippingId> = self
            .hashes
            .iter()
            .values()
            .map(|v| v.map_err(db_err).map(|v| id_from_key(&v)))
            .filter_map(Result::transpose)
            .collect::<Result<_>>()?;
        ids.sort_unstable();
        Ok(ids)
    }

    /// Deletes a clipping's records for good: the record, its hash and its tag relations.
    /// The suggestions stored for a clipping, dismissed ones included.
    fn suggestions(&self, id: ClippingId) -> Result<Vec<StoredSuggestion>> {
        let key = id_key(id);
        match self.suggestions.get(key).map_err(db_err)? {
            Some(v) => decode(&key, &v),
            None => Ok(Vec::new()),
        }
    }

    fn set_suggestions(&self, id: ClippingId, suggestions: &[StoredSuggestion]) -> Result<()> {
        self.mark_catalog_pending(&[id])?;
        self.set_new_suggestions(id, suggestions)
    }

    /// Stores the suggestions of a clipping just inserted, which its insert marked already.
    fn set_new_suggestions(&self, id: ClippingId, suggestions: &[StoredSuggestion]) -> Result<()> {
        if suggestions.is_empty() {
            self.suggestions.remove(id_key(id)).map_err(db_err)?;
        } else {
            self.suggestions.insert(id_key(id), encode(&suggestions)).map_err(db_err)?;
        }
        Ok(())
    }

    fn delete_clipping(&self, id: ClippingId) -> Result<Option<Clipping>> {
        let _relations = self.relations.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(clipping) = self.get(id)? else { return Ok(None) };
        let tag_keys = self.tag_keys_of(id)?;
        self.suggestions.remove(id_key(id)).map_err(db_err)?;
        self.signatures.remove(id_key(id)).map_err(db_err)?;
        let trees = (&self.clippings, &self.hashes, &self.tag_clippings, &self.clipping_tags);
        self.marked(&[id], || {
            trees
                .transaction(|(clippings, hashes, tag_clips, clip_tags)| {
                    clippings.remove(&id_key(id))?;
                    hashes.remove(clipping.hash.as_bytes())?;
                    for key in &tag_keys {
                        tag_clips.remove(tag_clipping_key(key, id))?;
                        clip_tags.remove(clipping_tag_key(id, key))?;
                    }
                    Ok::<_, ConflictableTransactionError<Error>>(())
                })
                .map_err(tx_err)
        })?;
        Ok(Some(clipping))
    }

    fn tags_of(&self, id: ClippingId) -> Result<Vec<Tag>> {
        let mut tags = Vec::new();
        for key in self.tag_keys_of(id)? {
            if let Some(tag) = self.tag(&key)? {
                tags.push(tag);
            }
        }
        tags.sort_by_key(|t| (t.kind, t.name.to_lowercase()));
        Ok(tags)
    }

    fn tag(&self, key: &str) -> Result<Option<Tag>> {
        match self.tags.get(key.as_bytes()).map_err(db_err)? {
            Some(v) => decode(key.as_bytes(), &v).map(Some),
            None => Ok(None),
        }
    }

    /// The ids of the clippings that carry a tag, in id order.
    fn clippings_with(&self, tag_key: &str) -> Result<Vec<ClippingId>> {
        let mut ids = Vec::new();
        for kv in self.tag_clippings.scan_prefix(tag_prefix(tag_key)) {
            let (k, _) = kv.map_err(db_err)?;
            if let Some(id) = k.get(k.len().saturating_sub(8)..).and_then(id_from_key) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// Every tag with the number of clippings that carry it, by kind then name.
    fn all_tags(&self) -> Result<Vec<TagCount>> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for kv in self.tag_clippings.iter() {
            let (k, _) = kv.map_err(db_err)?;
            if let Some(tag_key) = k.get(..k.len().saturating_sub(9)) {
                *counts.entry(String::from_utf8_lossy(tag_key).into_owned()).or_default() += 1;
            }
        }
        let mut out = Vec::new();
        for kv in self.tags.iter() {
            let (k, v) = kv.map_err(db_err)?;
            let tag: Tag = decode(&k, &v)?;
            let n_clippings = counts.get(String::from_utf8_lossy(&k).as_ref()).copied().unwrap_or(0);
            out.push(TagCount { tag, n_clippings });
        }
        out.sort_by_key(|t| (t.tag.kind, t.tag.name.to_lowercase()));
        Ok(out)
    }

    /// The tags tree alone: counting reads every tag link (millions at a million clippings).
    fn known_tags(&self) -> Result<Vec<Tag>> {
        let mut out = Vec::new();
        for kv in self.tags.iter() {
            let (k, v) = kv.map_err(db_err)?;
            out.push(decode::<Tag>(&k, &v)?);
        }
        out.sort_by_key(|t| (t.kind, t.name.to_lowercase()));
        Ok(out)
    }

    /// One pass over the tag links, which are kept by tag key then id.
    fn tag_postings(&self) -> Result<Vec<(String, Vec<ClippingId>)>> {
        let mut out: Vec<(String, Vec<ClippingId>)> = Vec::new();
        for kv in self.tag_clippings.iter() {
            let (k, _) = kv.map_err(db_err)?;
            let split = k.len().saturating_sub(9);
            let (Some(key), Some(id)) = (k.get(..split), k.get(split + 1..).and_then(id_from_key)) else { continue };
            match out.last_mut() {
                Some((last, ids)) if last.as_bytes() == key => ids.push(id),
                _ => out.push((String::from_utf8_lossy(key).into_owned(), vec![id])),
            }
        }
        Ok(out)
    }

    /// Tags `ids` with `tag`, creating the tag if needed. Returns how many were newly tagged.
    /// Each chunk's transaction marks its clippings for the catalog file with its change, or
    /// renews the whole catalog's mark where that is set ([`Store::mark_catalog_stale`]). The
    /// search index needs no mark: its table of tags is changed directly and made from the
    /// database at each opening. But the clippings still waiting for the index are marked
    /// again: one just imported may be indexed from the record the import holds, without this
    /// tag.
    fn add_tag(&self, tag: &Tag, ids: &[ClippingId]) -> Result<usize> {
        let key = tag.key();
        let _relations = self.relations.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        // Every clipping is there before any is tagged: a missing one fails the whole edit.
        // Asked of the signatures first, which every clipping imported has (empty for one
        // without), as reading a million records for it paged them all into sled's memory
        // (gigabytes); an edited text's signature is gone until it is made again, so the record
        // is asked then.
        for &id in ids {
            let at = id_key(id);
            if !self.signatures.contains_key(at).map_err(db_err)? && !self.clippings.contains_key(at).map_err(db_err)? {
                return Err(Error::NoSuchClipping(id));
            }
        }
        let trees = (&self.tags, &self.tag_clippings, &self.clipping_tags, &self.catalog_pending, &self.meta);
        let mut n_new = 0;
        for chunk in ids.chunks(TAG_EDIT_CHUNK) {
            let seq = self.next_seq()?.to_be_bytes();
            n_new += trees
                .transaction(|(tag_tree, tag_clips, clip_tags, catalog, meta)| {
                    if tag_tree.get(key.as_bytes())?.is_none() {
                        tag_tree.insert(key.as_bytes(), encode(tag))?;
                    }
                    let whole = renew_whole_mark(meta, &seq)?;
                    let mut n_new = 0;
                    for &id in chunk {
                        if tag_clips.insert(tag_clipping_key(&key, id), &[])?.is_none() {
                            n_new += 1;
                        }
                        clip_tags.insert(clipping_tag_key(id, &key), &[])?;
                        if !whole {
                            catalog.insert(&id_key(id), &seq)?;
                        }
                    }
                    Ok::<_, ConflictableTransactionError<Error>>(n_new)
                })
                .map_err(tx_err)?;
        }
        self.mark_again_if_waiting(ids)?;
        Ok(n_new)
    }

    /// Removes a tag from `ids`, marked as [`Store::add_tag`] marks. Returns how many carried
    /// it. The tag itself stays known.
    fn remove_tag(&self, tag_key: &str, ids: &[ClippingId]) -> Result<usize> {
        let _relations = self.relations.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let trees = (&self.tag_clippings, &self.clipping_tags, &self.catalog_pending, &self.meta);
        let mut n_removed = 0;
        for chunk in ids.chunks(TAG_EDIT_CHUNK) {
            let seq = self.next_seq()?.to_be_bytes();
            n_removed += trees
                .transaction(|(tag_clips, clip_tags, catalog, meta)| {
                    let whole = renew_whole_mark(meta, &seq)?;
                    let mut n_removed = 0;
                    for &id in chunk {
                        if tag_clips.remove(tag_clipping_key(tag_key, id))?.is_some() {
                            n_removed += 1;
                        }
                        clip_tags.remove(clipping_tag_key(id, tag_key))?;
                        if !whole {
                            catalog.insert(&id_key(id), &seq)?;
                        }
                    }
                    Ok::<_, ConflictableTransactionError<Error>>(n_removed)
                })
                .map_err(tx_err)?;
        }
        self.mark_again_if_waiting(ids)?;
        Ok(n_removed)
    }

    /// Moves every clipping of tag `from` to tag `into` (created if needed) and forgets `from`.
    /// With the same key on both sides this rewrites the tag's record (a rename of case or date).
    fn merge_tags(&self, from_key: &str, into: &Tag) -> Result<usize> {
        let _relations = self.relations.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let ids = self.clippings_with(from_key)?;
        let into_key = into.key();
        let trees = (&self.tags, &self.tag_clippings, &self.clipping_tags);
        self.marked(&ids, || {
            trees
                .transaction(|(tag_tree, tag_clips, clip_tags)| {
                    for &id in &ids {
                        tag_clips.remove(tag_clipping_key(from_key, id))?;
                        clip_tags.remove(clipping_tag_key(id, from_key))?;
                    }
                    tag_tree.remove(from_key.as_bytes())?;
                    tag_tree.insert(into_key.as_bytes(), encode(into))?;
                    for &id in &ids {
                        tag_clips.insert(tag_clipping_key(&into_key, id), &[])?;
                        clip_tags.insert(clipping_tag_key(id, &into_key), &[])?;
                    }
                    Ok::<_, ConflictableTransactionError<Error>>(ids.len())
                })
                .map_err(tx_err)
        })
    }

    /// Marks clippings as changed since the search index last saw them.
    fn mark_index_pending(&self, ids: &[ClippingId]) -> Result<()> {
        let seq = self.next_seq()?.to_be_bytes();
        put_marks(&self.index_pending, ids.iter().map(|&id| Ok(id_key(id).to_vec().into())), &seq)?;
        put_marks(&self.catalog_pending, ids.iter().map(|&id| Ok(id_key(id).to_vec().into())), &seq)
    }

    /// The clippings changed since the catalog file was written, with their marks' numbers.
    fn catalog_pending(&self) -> Result<Vec<(ClippingId, u64)>> {
        marks_in(&self.catalog_pending)
    }

    /// Clears the marks of changes the catalog file now has; newer marks stay.
    fn clear_catalog_pending(&self, written: &[(ClippingId, u64)]) -> Result<()> {
        clear_marks(&self.catalog_pending, written)
    }

    fn mark_catalog_stale(&self) -> Result<()> {
        let seq = self.next_seq()?.to_be_bytes();
        self.meta.insert(KEY_CATALOG_STALE, &seq).map(drop).map_err(db_err)
    }

    fn catalog_stale(&self) -> Result<Option<u64>> {
        self.meta_u64(KEY_CATALOG_STALE)
    }

    fn clear_catalog_stale(&self, read: u64) -> Result<()> {
        let read = read.to_be_bytes();
        // A failed swap means a newer edit: its mark must stay, so the error is the answer.
        let _newer = self.meta.compare_and_swap(KEY_CATALOG_STALE, Some(&read[..]), None::<&[u8]>).map_err(db_err)?;
        Ok(())
    }

    /// The token of the catalog file written for this database, if one was.
    fn catalog_token(&self) -> Result<Option<u64>> {
        self.meta_u64(KEY_CATALOG_TOKEN)
    }

    fn set_catalog_token(&self, token: Option<u64>) -> Result<()> {
        match token {
            Some(token) => self.meta.insert(KEY_CATALOG_TOKEN, &token.to_be_bytes()).map(|_| ()),
            None => self.meta.remove(KEY_CATALOG_TOKEN).map(|_| ()),
        }
        .map_err(db_err)
    }

    /// Marks every clipping, for an index built from scratch.
    fn mark_all_index_pending(&self) -> Result<()> {
        let seq = self.next_seq()?.to_be_bytes();
        put_marks(&self.index_pending, self.clippings.iter().keys().map(|key| key.map_err(db_err)), &seq)
    }

    /// The clippings waiting for the index, with the sequence number of their mark, in id order.
    fn index_pending(&self) -> Result<Vec<(ClippingId, u64)>> {
        marks_in(&self.index_pending)
    }

    /// The marks of these clippings, for those that have one.
    fn index_marks_of(&self, ids: &[ClippingId]) -> Result<Vec<(ClippingId, u64)>> {
        let mut out = Vec::new();
        for &id in ids {
            if let Some(v) = self.index_pending.get(id_key(id)).map_err(db_err)? {
                out.push((id, v.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(u64::MAX)));
            }
        }
        Ok(out)
    }

    fn n_index_pending(&self) -> Result<usize> {
        Ok(self.index_pending.len())
    }

    /// Clears the marks of changes the index now has. A clipping changed again meanwhile has a
    /// newer mark, which stays.
    fn clear_index_pending(&self, indexed: &[(ClippingId, u64)]) -> Result<()> {
        clear_marks(&self.index_pending, indexed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::store::contract::store_contract;

    /// An empty sled store in a folder of its own, removed when the store is dropped.
    struct Fresh {
        store: SledStore,
        _dir: tempfile::TempDir,
    }

    impl std::ops::Deref for Fresh {
        type Target = dyn Store;
        fn deref(&self) -> &(dyn Store + 'static) {
            &self.store
        }
    }

    fn fresh() -> Option<Fresh> {
        let dir = tempfile::tempdir().unwrap();
        Some(Fresh { store: SledStore::open(&dir.path().join("db")).unwrap(), _dir: dir })
    }

    store_contract!(fresh);

    #[test]
    fn what_was_flushed_is_there_when_opened_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let clipping = Clipping { title: "Kept".to_owned(), hash: "ab12".to_owned(), ..Clipping::default() };
        {
            let store = SledStore::open(&path).unwrap();
            store.insert_clippings(&[(&clipping, &[])]).unwrap();
            store.flush().unwrap();
        }
        let store = SledStore::open(&path).unwrap();
        assert_eq!(store.id_by_hash("ab12").unwrap(), Some(ClippingId(1)));
        assert_eq!(store.get(ClippingId(1)).unwrap().map(|c| c.title), Some("Kept".to_owned()));
    }
}
