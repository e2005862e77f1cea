//! What one desktop keeps of a team archive beside its derived copies, in its cache folder
//! (`desktop.json`): how far its search index and its catalog file have read the change log,
//! the catalog file's token, and its own import-in-progress marker. Losing this file loses
//! nothing: the copies are made again from the log.
//!
//! A reader's place in the log is a cursor (every change up to it is in the copy) and the
//! changes above it that the copy already has, per clipping. Clearing moves the cursor up to
//! just before the oldest change still missing, so the set above it stays small.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::vocab::{ClippingId, Error, Result};

/// How far a derived copy has read the change log.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub(super) struct Cursor {
    /// Every change numbered up to this is in the copy.
    pub upto: u64,
    /// Clippings whose changes above `upto` are in the copy, up to this number.
    pub cleared: BTreeMap<u64, u64>,
}

impl Cursor {
    /// Whether the copy has this clipping's changes up to `seq`.
    pub fn has(&self, id: ClippingId, seq: u64) -> bool {
        seq <= self.upto || self.cleared.get(&id.0).is_some_and(|&c| c >= seq)
    }

    pub fn clear(&mut self, done: &[(ClippingId, u64)]) {
        for &(id, seq) in done {
            if seq > self.upto {
                let c = self.cleared.entry(id.0).or_insert(0);
                *c = (*c).max(seq);
            }
        }
    }

    /// Moves the cursor up, given the log above it (each clipping with its oldest and newest
    /// change numbers) and the newest number in the log when that was read.
    pub fn advance(&mut self, above: &[(ClippingId, u64, u64)], newest: u64) {
        let oldest_missing = above.iter().filter(|&&(id, _, max)| !self.has(id, max)).map(|&(_, min, _)| min).min();
        let upto = match oldest_missing {
            Some(min) => min.saturating_sub(1),
            None => newest,
        };
        if upto > self.upto {
            self.upto = upto;
            self.cleared.retain(|_, seq| *seq > upto);
        }
    }
}

/// The desktop's state, as kept in `desktop.json`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(super) struct Local {
    /// This desktop's name in the team archive: it marks the files it put, which only it sweeps.
    pub desktop: String,
    pub index: Cursor,
    pub catalog: Cursor,
    pub catalog_token: Option<u64>,
    pub import_in_progress: bool,
}

/// `desktop.json` in a cache folder.
pub(super) struct LocalFile {
    path: PathBuf,
}

impl LocalFile {
    pub fn new(cache: &Path) -> LocalFile {
        LocalFile { path: cache.join("desktop.json") }
    }

    /// The state kept, or a new one (with a new desktop name) if there is none or it is damaged:
    /// then the copies are made again.
    pub fn read(&self) -> Local {
        let kept: Option<Local> = std::fs::read(&self.path).ok().and_then(|b| serde_json::from_slice(&b).ok());
        kept.unwrap_or_else(|| Local { desktop: new_desktop_name(), ..Local::default() })
    }

    /// Writes the state whole: beside its place, then renamed into it.
    pub fn write(&self, local: &Local) -> Result<()> {
        let json = serde_json::to_vec(local)
            .map_err(|e| Error::Corrupt { key: "desktop.json".to_owned(), reason: e.to_string() })?;
        let temporary = self.path.with_extension("json.tmp");
        std::fs::write(&temporary, json)
            .and_then(|()| std::fs::rename(&temporary, &self.path))
            .map_err(|e| Error::io(&self.path, e))
    }
}

/// A name no other desktop has: the host's name and a random part.
fn new_desktop_name() -> String {
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "desktop".to_owned());
    format!("{host}-{:016x}", crate::archive::rand_token())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stops_before_the_oldest_change_still_missing() {
        let (a, b) = (ClippingId(1), ClippingId(2));
        let mut cursor = Cursor::default();
        cursor.clear(&[(a, 5), (b, 5)]);
        // b changed again at 7 after the read: the cursor stays before b's first change above it.
        cursor.advance(&[(a, 5, 5), (b, 5, 7)], 7);
        assert_eq!(cursor.upto, 4);
        assert!(cursor.has(a, 5) && !cursor.has(b, 7));
        cursor.clear(&[(b, 7)]);
        cursor.advance(&[(a, 5, 5), (b, 5, 7)], 7);
        assert_eq!((cursor.upto, cursor.cleared.len()), (7, 0), "all in: the cursor is at the newest");
        cursor.advance(&[], 3);
        assert_eq!(cursor.upto, 7, "a cursor never goes back");
    }

    #[test]
    fn a_missing_or_damaged_file_is_a_new_desktop() {
        let dir = tempfile::tempdir().unwrap();
        let file = LocalFile::new(dir.path());
        let first = file.read();
        assert!(!first.desktop.is_empty());
        let mut kept = first.clone();
        kept.index.upto = 42;
        file.write(&kept).unwrap();
        assert_eq!((file.read().desktop, file.read().index.upto), (first.desktop.clone(), 42));
        std::fs::write(dir.path().join("desktop.json"), b"{half").unwrap();
        assert_eq!(file.read().index.upto, 0);
    }
}
