//! Checking an archive and copying it: `clippings check` finds what is missing or wrong (an
//! original or a thumbnail gone, an original whose bytes changed, files that no record names,
//! a search index out of step), and `clippings backup` copies what cannot be made again.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::archive::Archive;
use crate::archive::files::FileRole;
use crate::vocab::model::{Clipping, ClippingId, Kind};
use crate::vocab::{Error, Result};

/// One thing wrong with an archive.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum Problem {
    /// The record's original is not in `originals/`.
    MissingOriginal {
        id: ClippingId,
        path: PathBuf,
    },
    /// The original's bytes are not those that were imported.
    ChangedOriginal {
        id: ClippingId,
        path: PathBuf,
    },
    MissingThumbnail {
        id: ClippingId,
        path: PathBuf,
    },
    /// Files in `originals/` that no record names (a lost database leaves them all so).
    UnknownOriginals {
        n_files: usize,
    },
    /// The search index holds another number of clippings than the database.
    IndexOutOfStep {
        in_index: u64,
        in_database: usize,
    },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::MissingOriginal { id, path } => write!(
                f,
                "clipping {id}: its original is missing ({}); import the file again to put it back",
                path.display()
            ),
            Problem::ChangedOriginal { id, path } => {
                write!(f, "clipping {id}: its original was changed on disk ({})", path.display())
            }
            Problem::MissingThumbnail { id, path } => write!(
                f,
                "clipping {id}: its thumbnail is missing ({}); import the file again to make it",
                path.display()
            ),
            Problem::UnknownOriginals { n_files } => write!(
                f,
                "{n_files} files in originals/ belong to no clipping: if the database was lost, import \
                 the originals folder's files from a copy of it, or restore a backup"
            ),
            Problem::IndexOutOfStep { in_index, in_database } => write!(
                f,
                "the search index holds {in_index} clippings, the database {in_database}: it is built again \
                 with `clippings check --repair`"
            ),
        }
    }
}

/// What `check` found.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CheckReport {
    pub n_clippings: usize,
    pub problems: Vec<Problem>,
}

impl Archive {
    /// Looks at every record's files, and at the search index beside the database. With
    /// `hashes`, every original is read and hashed again (slow on a large archive).
    /// `progress(n_done, n_total)` is called as records are checked.
    pub fn check(&self, hashes: bool, progress: &mut dyn FnMut(usize, usize)) -> Result<CheckReport> {
        // A chunk of records at a time, without their texts: a million records read whole
        // held 2.6 GB.
        let total = self.store.n_clippings();
        let mut report = CheckReport { n_clippings: 0, problems: Vec::new() };
        self.store.clippings_in_chunks(&super::catalog::drop_texts, &mut |chunk| {
            for c in &chunk {
                report.problems.extend(self.check_files(c, hashes));
                report.n_clippings += 1;
                progress(report.n_clippings, total.max(report.n_clippings));
            }
            Ok(())
        })?;
        let known = self.store.known_hashes()?;
        let n_unknown = self
            .files
            .list()?
            .iter()
            .filter(|k| k.role == FileRole::Original)
            .filter(|k| !k.hash.is_empty() && !known.contains(&k.hash))
            .count();
        if n_unknown > 0 {
            report.problems.push(Problem::UnknownOriginals { n_files: n_unknown });
        }
        self.sync_index(&mut |_, _| {}, &std::sync::atomic::AtomicBool::new(false))?;
        let in_index = self.n_indexed()?;
        if in_index != report.n_clippings as u64 {
            report.problems.push(Problem::IndexOutOfStep { in_index, in_database: report.n_clippings });
        }
        Ok(report)
    }

    /// What is wrong with a clipping's files: its original missing or changed (read and
    /// hashed again with `hashes`), its thumbnail missing.
    fn check_files(&self, c: &Clipping, hashes: bool) -> Vec<Problem> {
        let mut problems = Vec::new();
        // To hash it, a team archive's original is brought from the server first.
        let original = if hashes { self.original_path(c) } else { self.original_place(c) };
        if !self.has_file(FileRole::Original, c) {
            problems.push(Problem::MissingOriginal { id: c.id, path: original });
        } else if hashes && hash_of(&original).is_none_or(|h| h != c.hash) {
            problems.push(Problem::ChangedOriginal { id: c.id, path: original });
        }
        if (c.kind == Kind::Photo || c.has_thumbnail) && !self.has_file(FileRole::Thumbnail, c) {
            problems.push(Problem::MissingThumbnail { id: c.id, path: self.thumbnail_path(&c.hash) });
        }
        problems
    }

    /// Copies the archive into `dest` (a new or empty folder): the database and every original
    /// and thumbnail. The search index is left out: it is made again when the copy is opened.
    /// The copy is consistent while this process holds the archive (nobody else can write).
    /// Returns how many files were copied. One that fails (a full disk) removes what it copied.
    /// A copy cut short by a killed process stays half made; the copy's `check` tells.
    pub fn backup(&self, dest: &Path, progress: &mut dyn FnMut(usize, usize)) -> Result<usize> {
        if self.place().is_team() {
            return Err(Error::Team(
                "a team archive is backed up on its server: `pg_dump` of its database holds everything, \
                 originals and thumbnails included"
                    .to_owned(),
            ));
        }
        if dest.exists() && fs::read_dir(dest).map_err(|e| Error::io(dest, e))?.next().is_some() {
            return Err(Error::io(
                dest,
                std::io::Error::new(std::io::ErrorKind::AlreadyExists, "the backup folder is not empty"),
            ));
        }
        if dest.canonicalize().is_ok_and(|d| d.starts_with(self.root())) {
            return Err(Error::ExportIntoArchive(dest.to_path_buf()));
        }
        self.store.flush()?;
        let files = self.files_to_back_up();
        backup_room(dest, files.iter().map(|(_, size)| size).sum())?;
        let made = !dest.exists();
        let copied = self.copy_for_backup(&files, dest, progress);
        if copied.is_err() {
            // Half a copy must not pass for a backup: the folder is left as it was found.
            for dir in BACKED_UP {
                let _ = fs::remove_dir_all(dest.join(dir));
            }
            if made {
                let _ = fs::remove_dir(dest);
            }
        }
        copied
    }

    /// The files a backup copies, with their sizes.
    fn files_to_back_up(&self) -> Vec<(PathBuf, u64)> {
        BACKED_UP
            .iter()
            .flat_map(|dir| walkdir::WalkDir::new(self.root().join(dir)).into_iter().filter_map(|e| e.ok()))
            .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with(".tmp-"))
            .map(|e| {
                let size = e.metadata().map_or(0, |m| m.len());
                (e.into_path(), size)
            })
            .collect()
    }

    fn copy_for_backup(
        &self,
        files: &[(PathBuf, u64)],
        dest: &Path,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<usize> {
        for (i, (from, _)) in files.iter().enumerate() {
            let Ok(relative) = from.strip_prefix(self.root()) else { continue };
            let to = dest.join(relative);
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
            fs::copy(from, &to).map_err(|e| Error::io(&to, e))?;
            progress(i + 1, files.len());
        }
        // The copy's files reach the disk before it is called a backup.
        for dir in BACKED_UP {
            if let Ok(handle) = fs::File::open(dest.join(dir)) {
                let _ = handle.sync_all();
            }
        }
        Ok(files.len())
    }
}

/// Fails with [`Error::DiskFull`], before anything is written, unless the disk that is to hold
/// the backup in `dest` has room for `n_bytes` and the import's reserve (the backup may share
/// the archive's own disk). Where the free space cannot be told, the copy is tried; one that
/// fails half-way is removed.
fn backup_room(dest: &Path, n_bytes: u64) -> Result<()> {
    let on_disk = dest
        .ancestors()
        .map(|d| if d.as_os_str().is_empty() { Path::new(".") } else { d })
        .find(|d| d.exists())
        .unwrap_or(dest);
    super::disk::ensure_room(on_disk, n_bytes.saturating_add(super::disk::RESERVE_BYTES))
}

/// What a backup copies: the database, the originals and the thumbnails.
const BACKED_UP: [&str; 3] = ["db", "originals", "thumbnails"];

/// The BLAKE3 hash of a file, streamed; `None` if it cannot be read.
fn hash_of(path: &Path) -> Option<String> {
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(fs::File::open(path).ok()?).ok()?;
    Some(hasher.finalize().to_hex().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::store::Inserted;

    /// Records are read a few at a time (three in tests): every one is checked, in whichever
    /// chunk it comes, and the index is compared with all of them.
    #[test]
    fn a_check_read_a_chunk_at_a_time_finds_each_problem_in_every_chunk() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let archive = Archive::open(dir.path()).expect("archive");
        let mut ids = Vec::new();
        for i in 0..8 {
            let body = format!("Clipping number {i} on the Middle Corridor.");
            let clipping = Clipping {
                title: format!("Clipping {i}"),
                hash: blake3::hash(body.as_bytes()).to_hex().to_string(),
                body: body.clone(),
                kind: if i == 6 { Kind::Photo } else { Kind::Article },
                format: "txt".to_owned(),
                ..Clipping::default()
            };
            let Ok(&[Inserted::New(id, _)]) = archive.store.insert_clippings(&[(&clipping, &[])]).as_deref() else {
                panic!("stored");
            };
            let original = archive.original_place(&clipping);
            std::fs::create_dir_all(original.parent().expect("a folder")).expect("folder");
            // 1 and 7 (the first and the third chunk) have lost their originals; 4's changed.
            match i {
                1 | 7 => {}
                4 => std::fs::write(&original, "changed").expect("written"),
                _ => std::fs::write(&original, &body).expect("written"),
            }
            ids.push(id);
        }
        let mut told = Vec::new();
        let report = archive.check(true, &mut |done, total| told.push((done, total))).expect("checked");
        assert_eq!(report.n_clippings, 8);
        assert_eq!(told.last(), Some(&(8, 8)));
        let found: Vec<(&str, ClippingId)> = report
            .problems
            .iter()
            .filter_map(|p| match p {
                Problem::MissingOriginal { id, .. } => Some(("missing", *id)),
                Problem::ChangedOriginal { id, .. } => Some(("changed", *id)),
                Problem::MissingThumbnail { id, .. } => Some(("no thumbnail", *id)),
                _ => None,
            })
            .collect();
        assert_eq!(found, [("missing", ids[1]), ("changed", ids[4]), ("no thumbnail", ids[6]), ("missing", ids[7])]);
        // The records were indexed by the check itself: the index holds all eight.
        assert!(!report.problems.iter().any(|p| matches!(p, Problem::IndexOutOfStep { .. })), "{:?}", report.problems);
    }

    /// A backup that would not fit says so before it writes anything, with what it needs and
    /// what is free; with room, it copies everything.
    #[test]
    fn a_backup_too_large_for_its_disk_is_refused_before_it_writes() {
        use crate::archive::disk::tests::FREE_BYTES;
        let dir = tempfile::tempdir().expect("temporary folder");
        let archive = Archive::open(&dir.path().join("archive")).expect("archive");
        let text = dir.path().join("talks.txt");
        std::fs::write(&text, "Talks in Brussels\n\n".repeat(1000)).expect("written");
        archive.import(&[text], &mut |_| {}, &std::sync::atomic::AtomicBool::new(false)).expect("imported");
        let n_bytes: u64 = archive.files_to_back_up().iter().map(|(_, size)| size).sum();
        let dest = dir.path().join("usb").join("backup");
        // As much free as the files take, without the reserve: refused.
        FREE_BYTES.set(Some(n_bytes));
        let refused = archive.backup(&dest, &mut |_, _| panic!("nothing is copied"));
        let Err(Error::DiskFull { path, needed_mb, free_mb }) = refused else { panic!("{refused:?}") };
        assert_eq!((path.as_path(), free_mb), (dir.path(), n_bytes.div_ceil(1 << 20)));
        assert!(needed_mb > free_mb, "{needed_mb} {free_mb}");
        assert!(!dir.path().join("usb").exists());
        FREE_BYTES.set(Some(1 << 40));
        let copied = archive.backup(&dest, &mut |_, _| {});
        FREE_BYTES.set(None);
        assert_eq!(copied.expect("backed up"), archive.files_to_back_up().len());
    }
}
