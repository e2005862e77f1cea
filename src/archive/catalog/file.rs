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
        use rayon::prelude::*;
        let (header, lines) = self.usable_catalog_file(n_changed)?;
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

    /// Removes what a catalog file's writing left when its process ended half way: the file
    /// being written and the spool (a million clippings' spool is some 350 MB). Called at
    /// opening, under the archive's lock, so nothing else writes them.
    pub(crate) fn remove_unfinished_catalog_files(&self) {
        let path = self.catalog_file_path();
        for unfinished in [path.with_extension("jsonl.tmp"), path.with_extension("jsonl.spool")] {
            let _ = std::fs::remove_file(unfinished);
        }
    }

    /// The catalog file's header and its lines after it, if the file goes with this database
    /// (its token is the database's), is of this version, and no more than half of it has
    /// `n_changed` since.
    fn usable_catalog_file(
        &self,
        n_changed: usize,
    ) -> Option<(CatalogHeader, std::io::Lines<std::io::BufReader<std::fs::File>>)> {
        use std::io::BufRead;
        let token = self.store.catalog_token().ok()??;
        let file = std::fs::File::open(self.catalog_file_path()).ok()?;
        let mut lines = std::io::BufReader::new(file).lines();
        let header: CatalogHeader = serde_json::from_str(&lines.next()?.ok()?).ok()?;
        let usable = header.version == CATALOG_VERSION && header.token == token && n_changed <= header.n_entries / 2;
        usable.then_some((header, lines))
    }

    /// Whether an opening with `n_changed` clippings changed since would read the catalog file
    /// (by its header), rather than every record.
    pub(super) fn catalog_file_is_usable(&self, n_changed: usize) -> bool {
        self.usable_catalog_file(n_changed).is_some()
    }

    /// Writes the catalog file, so that the next opening reads it instead of every record, and
    /// clears the marks of the changes it has. It is derived: a file that is missing, damaged or
    /// from another database is read from the records again.
    pub fn save_catalog(&self, save: CatalogSave) -> Result<()> {
        // One at a time, and never an older reading over a newer one: the opening's save,
        // delayed, would otherwise write the catalog as it was before an import whose marks a
        // newer save has cleared.
        let mut newest = self.catalog_written.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if save.read < *newest {
            return Ok(());
        }
        self.write_catalog_file(save.entries.len(), &save.marks, save.stale, &mut |out| {
            for e in &save.entries {
                write_line(out, e)?;
            }
            Ok(())
        })?;
        *newest = save.read;
        Ok(())
    }

    /// Writes the catalog file of `n_entries` lines, which `lines` writes after the header; then
    /// the database takes the file's token and forgets the marks it accounts for.
    fn write_catalog_file(
        &self,
        n_entries: usize,
        marks: &[(ClippingId, u64)],
        stale: Option<u64>,
        lines: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<()> {
        use std::io::Write;
        let path = self.catalog_file_path();
        let tmp = path.with_extension("jsonl.tmp");
        let token = crate::archive::rand_token();
        let written = (|| -> std::io::Result<()> {
            let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
            let header = CatalogHeader { version: CATALOG_VERSION, token, n_entries };
            serde_json::to_writer(&mut out, &header)?;
            out.write_all(b"\n")?;
            lines(&mut out)?;
            out.into_inner().map_err(std::io::IntoInnerError::into_error)?.sync_all()?;
            std::fs::rename(&tmp, &path)
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(crate::archive::Error::io(&path, e));
        }
        self.store.set_catalog_token(Some(token))?;
        self.store.flush()?;
        self.store.clear_catalog_pending(marks)?;
        if let Some(stale) = stale {
            self.store.clear_catalog_stale(stale)?;
        }
        // Flushed too: a process that ends right after (a window closed after a large edit)
        // would otherwise leave the marks, and its next opening would read every record again.
        self.store.flush()
    }

    /// Writes the catalog file from the records, a chunk at a time, without holding the
    /// catalog: each entry's line goes to a spool file beside it as it is made, with its date,
    /// id and place in the spool kept (24 bytes a clipping); then the lines are copied out of
    /// the spool newest first. After a million imported, the catalog made to be written held
    /// 450 MB on top of the import.
    pub(super) fn write_catalog_file_from_store(&self) -> Result<()> {
        use rayon::prelude::*;
        // Read before the records, as `catalog` reads them: a change made meanwhile leaves a
        // newer mark, which this does not clear.
        let marks = self.store.catalog_pending()?;
        let stale = self.store.catalog_stale()?;
        let read = self.next_catalog_read();
        let mut newest = self.catalog_written.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if read < *newest {
            return Ok(());
        }
        let spool_path = self.catalog_file_path().with_extension("jsonl.spool");
        let io = |e| crate::archive::Error::io(&spool_path, e);
        let mut spool = Spool::create(&spool_path).map_err(io)?;
        let mut places: Vec<LinePlace> = Vec::new();
        self.store.clippings_in_chunks(&super::drop_texts, &mut |chunk| {
            let lines = chunk
                .into_par_iter()
                .map(|clipping| {
                    let entry = self.light_entry(clipping)?;
                    let mut line = Vec::with_capacity(512);
                    write_line(&mut line, &entry).map_err(io)?;
                    Ok((entry.card.date(), entry.card.id, line))
                })
                .collect::<Result<Vec<_>>>()?;
            for (date, id, line) in lines {
                let at = spool.append(&line).map_err(io)?;
                places.push(LinePlace { date, id, at, len: line.len() });
            }
            Ok(())
        })?;
        // As `Catalog::from_entries` orders them.
        places.sort_unstable_by_key(|p| std::cmp::Reverse((p.date, p.id)));
        let mut lines = spool.reader().map_err(io)?;
        let mut buf = Vec::new();
        self.write_catalog_file(places.len(), &marks, stale, &mut |out| {
            use std::io::{Read, Seek};
            for place in &places {
                buf.resize(place.len, 0);
                lines.seek(std::io::SeekFrom::Start(place.at))?;
                lines.read_exact(&mut buf)?;
                out.write_all(&buf)?;
            }
            Ok(())
        })?;
        *newest = read;
        Ok(())
    }
}

/// One line of the catalog file, and its end.
fn write_line(out: &mut dyn std::io::Write, e: &Entry) -> std::io::Result<()> {
    let line = FileEntryRef { card: &e.card, tags: e.tags(), suggested: e.suggested_kinds() };
    serde_json::to_writer(&mut *out, &line)?;
    out.write_all(b"\n")
}

/// Where a clipping's line is in the spool, and what orders it in the file.
struct LinePlace {
    date: chrono::NaiveDate,
    id: ClippingId,
    at: u64,
    len: usize,
}

/// The catalog's lines in the order they were made, in a file removed when dropped.
struct Spool {
    out: std::io::BufWriter<std::fs::File>,
    end: u64,
    _removed: RemovedOnDrop,
}

impl Spool {
    fn create(path: &std::path::Path) -> std::io::Result<Spool> {
        let file = std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(true).open(path)?;
        Ok(Spool { out: std::io::BufWriter::new(file), end: 0, _removed: RemovedOnDrop(path.to_owned()) })
    }

    /// Writes the line at the end; returns where it starts.
    fn append(&mut self, line: &[u8]) -> std::io::Result<u64> {
        use std::io::Write;
        let at = self.end;
        self.out.write_all(line)?;
        self.end += line.len() as u64;
        Ok(at)
    }

    /// The file, written out, to read lines from by their places (the spool is removed when
    /// this is dropped).
    fn reader(&mut self) -> std::io::Result<&std::fs::File> {
        use std::io::Write;
        self.out.flush()?;
        Ok(self.out.get_ref())
    }
}

struct RemovedOnDrop(std::path::PathBuf);

impl Drop for RemovedOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// How many clippings may change (an import, a tag edit) before the catalog file is written
/// again at once rather than at the next opening, which would otherwise read each of them.
pub const REWRITE_CATALOG_ABOVE: usize = 2_000;

/// The catalog file, beside the database: a header line, then one line per clipping as the
/// catalog keeps it (its lead, its tags, the kinds of its open suggestions).
const CATALOG_FILE: &str = "catalog.jsonl";
/// 2: the kinds of the open suggestions rather than the suggestions. 3: cards rather than
/// records with a lead of their text. 4: a card's hash as its bytes, written in hex.
/// 5: only a picture's hash, in its card's text (the first opening after it reads every record).
const CATALOG_VERSION: u32 = 5;

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
