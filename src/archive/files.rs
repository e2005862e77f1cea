//! The files an archive keeps by content hash: each clipping's original (with its format's
//! extension) and its thumbnail. [`FileStore`] is the boundary a second backend plugs into
//! (a team archive keeps them in its database, in chunks); [`FolderFiles`], the archive
//! folder's `originals/` and `thumbnails/`, is the desktop's. Its contract is a generic suite,
//! as the store's is.
//!
//! The import writes a group's files by their place ([`FileStore::path`]) and syncs them in one
//! pass before their records are stored: the folder's fast path, which a store without places
//! would take through [`FileStore::put`].

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::vocab::{Error, Result};

/// What a kept file is to its clipping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileRole {
    /// The file as imported, named by its hash and its format's extension.
    Original,
    /// The 256 px JPEG shown in the grid.
    Thumbnail,
}

/// A file found in the store: its role, the hash its name gives ("" for an unfinished write's
/// temporary file) and its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Kept {
    pub role: FileRole,
    pub hash: String,
    pub path: PathBuf,
}

/// Files by content hash. `format` is the original's extension (ignored for thumbnails).
pub(crate) trait FileStore: Send + Sync {
    /// Where the file is, or is to be, on this desktop.
    fn path(&self, role: FileRole, hash: &str, format: &str) -> PathBuf;
    /// Keeps `bytes` under the hash, whole or not at all, synced.
    fn put(&self, role: FileRole, hash: &str, format: &str, bytes: &[u8]) -> Result<()>;
    fn get(&self, role: FileRole, hash: &str, format: &str) -> Result<Vec<u8>>;
    fn exists(&self, role: FileRole, hash: &str, format: &str) -> bool;
    /// Removes the file; one that is not there is no error.
    fn remove(&self, role: FileRole, hash: &str, format: &str) -> Result<()>;
    /// Every file this store may sweep, in no order: a folder's all; a team archive's, those
    /// this desktop put (another desktop's import may be between its files and its records).
    fn list(&self) -> Result<Vec<Kept>>;
    /// Removes a file [`FileStore::list`] gave.
    fn remove_kept(&self, kept: &Kept) -> Result<()>;
    /// Makes files written straight to their places ([`FileStore::path`]) kept for good, all
    /// in one pass: synced to the disk, or sent to the server.
    fn keep_written(&self, written: &[&Path]) -> Result<()>;
    /// Whether the files are kept elsewhere, with copies in a cache at their places.
    fn is_remote(&self) -> bool {
        false
    }
    /// Brings a file to its place ([`FileStore::path`]) if it is kept elsewhere; whether it is
    /// there now.
    fn cache(&self, role: FileRole, hash: &str, format: &str) -> Result<bool> {
        Ok(self.path(role, hash, format).is_file())
    }
}

/// The archive folder's `originals/` and `thumbnails/`: a file named by its hash in one of 256
/// folders by the hash's first two digits (`ab/abcd….txt`). Archives made before 0.2 have two
/// levels (`ab/cd/abcd….txt`); their files stay where they are and are found there.
pub(crate) struct FolderFiles {
    root: PathBuf,
}

impl FolderFiles {
    pub(crate) fn new(root: &Path) -> FolderFiles {
        FolderFiles { root: root.to_path_buf() }
    }

    fn dir(&self, role: FileRole) -> PathBuf {
        self.root.join(match role {
            FileRole::Original => "originals",
            FileRole::Thumbnail => "thumbnails",
        })
    }
}

/// A file's name: the hash with the original's extension, or `.jpg` for a thumbnail.
fn file_name(role: FileRole, hash: &str, format: &str) -> String {
    match role {
        FileRole::Original => format!("{hash}.{format}"),
        FileRole::Thumbnail => format!("{hash}.jpg"),
    }
}

/// Where a file named by its content hash lives under `base`, in one level of folders or, for
/// an archive from before 0.2 that has it there, two.
fn hash_path(base: &Path, hash: &str, file_name: &str) -> PathBuf {
    let first = hash.get(..2).unwrap_or("00");
    let path = base.join(first).join(file_name);
    if path.exists() {
        return path;
    }
    let two_levels = base.join(first).join(hash.get(2..4).unwrap_or("00")).join(file_name);
    if two_levels.exists() { two_levels } else { path }
}

impl FileStore for FolderFiles {
    fn path(&self, role: FileRole, hash: &str, format: &str) -> PathBuf {
        hash_path(&self.dir(role), hash, &file_name(role, hash, format))
    }

    fn put(&self, role: FileRole, hash: &str, format: &str, bytes: &[u8]) -> Result<()> {
        let path = self.path(role, hash, format);
        let dir = path.parent().unwrap_or(&self.root);
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        // Written beside its place and renamed into it: a file is there whole or not at all.
        let temporary = dir.join(format!(".tmp-{}", file_name(role, hash, format)));
        let written = fs::File::create(&temporary).and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        });
        if let Err(e) = written.and_then(|()| fs::rename(&temporary, &path)) {
            let _ = fs::remove_file(&temporary);
            return Err(Error::io(&path, e));
        }
        Ok(())
    }

    fn get(&self, role: FileRole, hash: &str, format: &str) -> Result<Vec<u8>> {
        let path = self.path(role, hash, format);
        fs::read(&path).map_err(|e| Error::io(&path, e))
    }

    fn exists(&self, role: FileRole, hash: &str, format: &str) -> bool {
        self.path(role, hash, format).is_file()
    }

    fn remove(&self, role: FileRole, hash: &str, format: &str) -> Result<()> {
        let path = self.path(role, hash, format);
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::io(&path, e)),
        }
    }

    fn list(&self) -> Result<Vec<Kept>> {
        let mut kept = Vec::new();
        for role in [FileRole::Original, FileRole::Thumbnail] {
            for entry in walkdir::WalkDir::new(self.dir(role)).into_iter().filter_map(|e| e.ok()) {
                if !entry.file_type().is_file() {
                    continue;
                }
                let name = entry.file_name().to_string_lossy();
                let hash = if name.starts_with(".tmp-") { "" } else { name.split('.').next().unwrap_or_default() };
                kept.push(Kept { role, hash: hash.to_owned(), path: entry.into_path() });
            }
        }
        Ok(kept)
    }

    fn remove_kept(&self, kept: &Kept) -> Result<()> {
        match fs::remove_file(&kept.path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::io(&kept.path, e)),
        }
    }

    fn keep_written(&self, written: &[&Path]) -> Result<()> {
        sync_written(&self.root, written).map_err(|e| Error::io(&self.root, e))
    }
}

/// Where a file written at its place belongs: its role, hash and format, read back from the
/// path [`FileStore::path`] gave (`originals/ab/abcd….txt`, `thumbnails/ab/abcd….jpg`).
pub(crate) fn place_of(path: &Path) -> Option<(FileRole, String, String)> {
    let name = path.file_name()?.to_str()?;
    let (hash, format) = name.split_once('.')?;
    let role = path.ancestors().find_map(|a| match a.file_name()?.to_str()? {
        "originals" => Some(FileRole::Original),
        "thumbnails" => Some(FileRole::Thumbnail),
        _ => None,
    })?;
    let format = if role == FileRole::Thumbnail { "" } else { format };
    Some((role, hash.to_owned(), format.to_owned()))
}

/// Makes files written without waiting for the disk durable, with the folders that name them.
/// On Linux one `syncfs` of the archive's file system does it for all, in the kernel's order;
/// elsewhere each file and each of their folders is synced.
pub(crate) fn sync_written(root: &Path, written: &[&Path]) -> std::io::Result<()> {
    if written.is_empty() {
        return Ok(());
    }
    #[cfg(target_os = "linux")]
    {
        let dir = fs::File::open(root)?;
        rustix::fs::syncfs(&dir)?;
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = root;
        let mut dirs = std::collections::BTreeSet::new();
        for path in written {
            // Windows flushes a file only through a handle that may write it (a read-only one
            // is refused: "permission denied").
            fs::OpenOptions::new().read(true).write(cfg!(windows)).open(path)?.sync_all()?;
            if let Some(dir) = path.parent() {
                dirs.insert(dir.to_path_buf());
            }
        }
        for dir in dirs {
            // Folders cannot be opened for syncing everywhere (Windows); the files are.
            if let Ok(d) = fs::File::open(&dir) {
                let _ = d.sync_all();
            }
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod contract {
    //! What every [`FileStore`] must do, run by each backend on an empty store of its own.

    use super::*;

    pub(crate) fn files_are_kept_found_and_removed_by_hash(files: &dyn FileStore) {
        let (hash, other) = ("ab12cd34", "ff00ee11");
        assert!(!files.exists(FileRole::Original, hash, "pdf"));
        assert!(files.get(FileRole::Original, hash, "pdf").is_err(), "a file not kept cannot be read");
        files.put(FileRole::Original, hash, "pdf", b"%PDF-1.7 the talks in Brussels").unwrap();
        files.put(FileRole::Thumbnail, hash, "pdf", b"a small JPEG").unwrap();
        files.put(FileRole::Original, other, "txt", "Грузы по Среднему коридору".as_bytes()).unwrap();
        assert!(files.exists(FileRole::Original, hash, "pdf"));
        assert!(!files.exists(FileRole::Original, hash, "txt"), "the format is part of the name");
        assert_eq!(files.get(FileRole::Original, hash, "pdf").unwrap(), b"%PDF-1.7 the talks in Brussels");
        assert_eq!(files.get(FileRole::Thumbnail, hash, "").unwrap(), b"a small JPEG");
        // Put again, the file is replaced whole.
        files.put(FileRole::Original, other, "txt", b"v2").unwrap();
        assert_eq!(files.get(FileRole::Original, other, "txt").unwrap(), b"v2");
        let mut listed: Vec<(FileRole, String)> = files.list().unwrap().into_iter().map(|k| (k.role, k.hash)).collect();
        listed.sort_by_key(|(role, hash)| (*role == FileRole::Thumbnail, hash.clone()));
        assert_eq!(
            listed,
            [
                (FileRole::Original, hash.to_owned()),
                (FileRole::Original, other.to_owned()),
                (FileRole::Thumbnail, hash.to_owned())
            ]
        );
        files.remove(FileRole::Original, hash, "pdf").unwrap();
        files.remove(FileRole::Original, hash, "pdf").unwrap();
        assert!(!files.exists(FileRole::Original, hash, "pdf"));
        assert!(files.exists(FileRole::Thumbnail, hash, ""), "the thumbnail is another file");
        assert_eq!(files.list().unwrap().len(), 2);
        let kept = files.list().unwrap();
        for k in &kept {
            files.remove_kept(k).unwrap();
        }
        assert!(files.list().unwrap().is_empty() && !files.exists(FileRole::Thumbnail, hash, ""));
        // Written at its place, then kept in one pass.
        let place = files.path(FileRole::Original, other, "txt");
        fs::create_dir_all(place.parent().unwrap()).unwrap();
        fs::write(&place, "written at its place").unwrap();
        files.keep_written(&[place.as_path()]).unwrap();
        assert_eq!(files.get(FileRole::Original, other, "txt").unwrap(), b"written at its place");
        assert!(files.exists(FileRole::Original, other, "txt"));
    }

    #[test]
    fn a_place_tells_its_role_hash_and_format() {
        let files = FolderFiles::new(Path::new("/srv/archive"));
        let original = files.path(FileRole::Original, "ab12", "docx");
        assert_eq!(place_of(&original), Some((FileRole::Original, "ab12".to_owned(), "docx".to_owned())));
        let thumbnail = files.path(FileRole::Thumbnail, "cd34", "");
        assert_eq!(place_of(&thumbnail), Some((FileRole::Thumbnail, "cd34".to_owned(), String::new())));
        assert_eq!(place_of(Path::new("/srv/other/ab12.txt")), None);
    }

    #[test]
    fn the_folder_keeps_the_contract() {
        let tmp = tempfile::tempdir().unwrap();
        files_are_kept_found_and_removed_by_hash(&FolderFiles::new(tmp.path()));
    }

    #[test]
    fn the_folder_finds_files_where_archives_before_0_2_kept_them() {
        let tmp = tempfile::tempdir().unwrap();
        let files = FolderFiles::new(tmp.path());
        let old = tmp.path().join("originals/ab/12/ab12cd.txt");
        fs::create_dir_all(old.parent().unwrap()).unwrap();
        fs::write(&old, "kept by 0.1").unwrap();
        assert_eq!(files.path(FileRole::Original, "ab12cd", "txt"), old);
        assert_eq!(files.get(FileRole::Original, "ab12cd", "txt").unwrap(), b"kept by 0.1");
        assert_eq!(files.path(FileRole::Original, "ab34ef", "txt"), tmp.path().join("originals/ab/ab34ef.txt"));
    }
}
