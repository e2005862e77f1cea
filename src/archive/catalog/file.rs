//! The catalog file (`catalog.jsonl`, beside the database): what an opening reads instead of
//! every record, written after large changes and at closing, and marked stale by changes made
//! since (see ARCHITECTURE's invariants).

use std::sync::Arc;

use super::{Card, Entry};
use crate::archive::{Archive, Result};
use crate::vocab::model::{ClippingId, Tag, TagKind};

impl Archive {
    /// How many clippings the catalog file holds, by its header.
    pub(super) fn catalog_file_len(&self) -> Option<usize> {
        use std::io::BufRead;
        let file = std::fs::File::open(self.catalog_file_path()).ok()?;
        let mut first = String::new();
        std::io::BufReader::new(file).read_line(&mut first).ok()?;
        serde_json::from_str::<CatalogHeader>(&first).ok().map(|header| header.n_entries)
    }

    /// Numbers a reading of the catalog's marks (see [`CatalogSave::read`]).
    pub(super) fn next_catalog_read(&self) -> u64 {
        self.catalog_reads.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1
    }

    fn catalog_file_path(&self) -> std::path::PathBuf {
        self.data_dir().join(CATALOG_FILE)
    }

    /// The entries of the catalog file, if there is one that goes with this database (its
    /// token is the database's), of which no more than half has `n_changed` since, and it
    /// reads whole.
    pub(super) fn read_catalog_file(&self, n_changed: usize) -> Option<Vec<Entry>> {
        use std::io::BufRead;

        use rayon::prelude::*;
        let token = self.store.catalog_token().ok()??;
        let file = std::fs::File::open(self.catalog_file_path()).ok()?;
        let mut lines = std::io::BufReader::new(file).lines();
        let header: CatalogHeader = serde_json::from_str(&lines.next()?.ok()?).ok()?;
        if header.version != CATALOG_VERSION || header.token != token || n_changed > header.n_entries / 2 {
            return None;
        }
        let parse = |chunk: &[String]| -> Option<Vec<Entry>> {
            chunk
                .par_iter()
                .map(|line| {
                    let e: FileEntry = serde_json::from_str(line).ok()?;
                    Some(Entry::of_card(e.card, e.tags, &e.suggested))
                })
                .collect()
        };
        let mut entries = Vec::with_capacity(header.n_entries);
        let mut chunk = Vec::with_capacity(4096);
        for line in lines {
            chunk.push(line.ok()?);
            if chunk.len() == 4096 {
                entries.extend(parse(&chunk)?);
                chunk.clear();
            }
        }
        entries.extend(parse(&chunk)?);
        (entries.len() == header.n_entries).then_some(entries)
    }

    /// Writes the catalog file, so that the next opening reads it instead of every record, and
    /// clears the marks of the changes it has. It is derived: a file that is missing, damaged or
    /// from another database is read from the records again.
    pub fn save_catalog(&self, save: CatalogSave) -> Result<()> {
        use std::io::Write;
        // One at a time, and never an older reading over a newer one: the opening's save,
        // delayed, would otherwise write the catalog as it was before an import whose marks a
        // newer save has cleared.
        let mut newest = self.catalog_written.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if save.read < *newest {
            return Ok(());
        }
        let path = self.catalog_file_path();
        let tmp = path.with_extension("jsonl.tmp");
        let token = crate::archive::rand_token();
        let written = (|| -> std::io::Result<()> {
            let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
            let header = CatalogHeader { version: CATALOG_VERSION, token, n_entries: save.entries.len() };
            serde_json::to_writer(&mut out, &header)?;
            out.write_all(b"\n")?;
            for e in &save.entries {
                let line = FileEntryRef { card: &e.card, tags: e.tags(), suggested: e.suggested_kinds() };
                serde_json::to_writer(&mut out, &line)?;
                out.write_all(b"\n")?;
            }
            out.into_inner().map_err(std::io::IntoInnerError::into_error)?.sync_all()?;
            std::fs::rename(&tmp, &path)
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(crate::archive::Error::io(&path, e));
        }
        *newest = save.read;
        self.store.set_catalog_token(Some(token))?;
        self.store.flush()?;
        self.store.clear_catalog_pending(&save.marks)?;
        if let Some(stale) = save.stale {
            self.store.clear_catalog_stale(stale)?;
        }
        // Flushed too: a process that ends right after (a window closed after a large edit)
        // would otherwise leave the marks, and its next opening would read every record again.
        self.store.flush()
    }
}

/// How many clippings may change (an import, a tag edit) before the catalog file is written
/// again at once rather than at the next opening, which would otherwise read each of them.
pub const REWRITE_CATALOG_ABOVE: usize = 2_000;

/// The catalog file, beside the database: a header line, then one line per clipping as the
/// catalog keeps it (its lead, its tags, the kinds of its open suggestions).
const CATALOG_FILE: &str = "catalog.jsonl";
/// 2: the kinds of the open suggestions rather than the suggestions. 3: cards rather than
/// records with a lead of their text.
const CATALOG_VERSION: u32 = 4;

#[derive(serde::Serialize, serde::Deserialize)]
struct CatalogHeader {
    version: u32,
    /// Also kept in the database: a file from another database (a restored backup) is not used.
    token: u64,
    n_entries: usize,
}

#[derive(serde::Deserialize)]
struct FileEntry {
    card: Card,
    tags: Vec<Tag>,
    #[serde(default)]
    suggested: Vec<TagKind>,
}

#[derive(serde::Serialize)]
struct FileEntryRef<'a> {
    card: &'a Card,
    tags: &'a [Tag],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggested: Vec<TagKind>,
}

/// What [`Archive::save_catalog`] writes: the entries as read, and the marks they account for.
pub struct CatalogSave {
    pub(super) entries: Vec<Arc<Entry>>,
    pub(super) marks: Vec<(ClippingId, u64)>,
    /// The whole catalog's mark as read with them, if it was set.
    pub(super) stale: Option<u64>,
    /// When its marks were read, in the archive's count of such readings.
    pub(super) read: u64,
}
