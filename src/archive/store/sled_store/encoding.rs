//! How the sled store lays its data out in bytes: the keys of its trees, records as JSON,
//! sequence-number marks, and opening the database.

use std::path::Path;

use sled::transaction::TransactionError;

use crate::vocab::{ClippingId, Error, Result};

pub(super) fn db_err(e: sled::Error) -> Error {
    match e {
        sled::Error::Corruption { .. } => Error::Database(
            "the database is damaged and cannot be read; restore a backup (made with `clippings backup`) \
             or import the files again into a new archive"
                .to_owned(),
        ),
        sled::Error::Io(io)
            if io.kind() == std::io::ErrorKind::StorageFull || (cfg!(unix) && io.raw_os_error() == Some(28)) =>
        {
            Error::Database("the disk is full: free some space, then try again".to_owned())
        }
        sled::Error::Io(io) => Error::Database(io.to_string()),
        other => Error::Database(other.to_string()),
    }
}

pub(super) fn tx_err(e: TransactionError<Error>) -> Error {
    match e {
        TransactionError::Abort(e) => e,
        TransactionError::Storage(e) => db_err(e),
    }
}

pub(super) fn id_key(id: ClippingId) -> [u8; 8] {
    id.0.to_be_bytes()
}

pub(super) fn id_from_key(key: &[u8]) -> Option<ClippingId> {
    let bytes: [u8; 8] = key.get(..8)?.try_into().ok()?;
    Some(ClippingId(u64::from_be_bytes(bytes)))
}

pub(super) fn tag_clipping_key(tag_key: &str, id: ClippingId) -> Vec<u8> {
    let mut k = Vec::with_capacity(tag_key.len() + 9);
    k.extend_from_slice(tag_key.as_bytes());
    k.push(0);
    k.extend_from_slice(&id_key(id));
    k
}

pub(super) fn clipping_tag_key(id: ClippingId, tag_key: &str) -> Vec<u8> {
    let mut k = id_key(id).to_vec();
    k.extend_from_slice(tag_key.as_bytes());
    k
}

pub(super) fn tag_prefix(tag_key: &str) -> Vec<u8> {
    let mut k = tag_key.as_bytes().to_vec();
    k.push(0);
    k
}

pub(super) fn decode<T: serde::de::DeserializeOwned>(key: &[u8], bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes)
        .map_err(|e| Error::Corrupt { key: String::from_utf8_lossy(key).into_owned(), reason: e.to_string() })
}

pub(super) fn encode<T: serde::Serialize>(value: &T) -> Vec<u8> {
    // Serialising our own plain structs to JSON cannot fail: no maps with non-string keys.
    serde_json::to_vec(value).unwrap_or_default()
}

/// sled's page cache. Its default, 1 GB, filled up as the window read 100,000 clippings and
/// held 600 MB; the catalog keeps what browsing needs, and the rest is read when shown. 64 MB
/// still held 35-50 MB more than 16 MB after opening 100,000 (the ui_frames bench).
const CACHE_BYTES: u64 = 16 * 1024 * 1024;

/// Opens the sled database. Our own lock file already keeps other processes out, so a sled
/// lock that is still held belongs to an instance this process closed a moment ago, whose
/// background threads are letting go of it: wait for them rather than fail.
pub(super) fn open_db(path: &Path) -> Result<sled::Db> {
    remove_unfinished_snapshots(path);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        match sled::Config::new().path(path).cache_capacity(CACHE_BYTES).open() {
            Ok(db) => return Ok(db),
            // sled reports this as a plain I/O error with a message, not as WouldBlock.
            Err(sled::Error::Io(e))
                if e.to_string().contains("could not acquire lock") && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => return Err(db_err(e)),
        }
    }
}

/// A snapshot sled was writing when the process was killed or the disk filled stays behind as
/// `snap.<lsn>.generating`, and sled then refuses the whole database ("read corrupted data").
/// It is an unfinished temporary file: the finished snapshots and the log hold everything.
pub(super) fn remove_unfinished_snapshots(db_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(db_dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The marks of a tree of marks (`index_pending`, `catalog_pending`): each clipping with the
/// sequence number of its change, in id order.
pub(super) fn marks_in(tree: &sled::Tree) -> Result<Vec<(ClippingId, u64)>> {
    let mut out = Vec::new();
    for kv in tree.iter() {
        let (k, v) = kv.map_err(db_err)?;
        let seq = v.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(u64::MAX);
        if let Some(id) = id_from_key(&k) {
            out.push((id, seq));
        }
    }
    Ok(out)
}

/// Clears these marks where they are still the ones given: a clipping changed again meanwhile
/// has a newer mark, which stays.
pub(super) fn clear_marks(tree: &sled::Tree, done: &[(ClippingId, u64)]) -> Result<()> {
    for &(id, seq) in done {
        let seq = seq.to_be_bytes();
        // A failed swap means a newer change: its mark must stay, so the error is the answer.
        let _newer = tree.compare_and_swap(id_key(id), Some(&seq[..]), None::<&[u8]>).map_err(db_err)?;
    }
    Ok(())
}
