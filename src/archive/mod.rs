//! The archive: one folder with the sled database (`db/`), the originals (`originals/`, named by
//! content hash) and the photo thumbnails (`thumbnails/`). Everything the window or the command
//! line can do goes through [`Archive`]. This module never imports egui, eframe or rfd.

pub mod browse;
pub mod card;
pub mod catalog;
pub mod check;
pub mod coverage;
pub(crate) mod disk;
pub mod edit;
pub mod files;
mod inbox;
mod indexing;
mod intake;
mod learning;
pub(crate) use intake::{Derived, Inserted};
pub mod place;
pub use place::Place;
pub mod reprints;
pub mod rules;
pub mod saved;
pub(crate) mod store;
pub(crate) mod suggestions;
mod tag_names;
pub mod team;

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize};
use std::sync::{Mutex, PoisonError, RwLock};

use chrono::Utc;

pub use crate::vocab::model::{
    Clipping, ClippingId, ClippingWithTags, Kind, StoredSuggestion, Suggestion, Tag, TagCount, TagKind,
};
pub use crate::vocab::{Error, Result, countries, language, tags};
pub use saved::SavedSearch;

use crate::search::SearchIndex;
use files::{FileRole, FileStore, FolderFiles};
pub use store::ChangeSet;
use store::Store;
use store::pg_store::{PgFiles, PgStore};
use store::sled_store::SledStore;

/// An open archive. Holds an exclusive lock on the folder for as long as it lives.
pub struct Archive {
    /// Where the archive is: its folder, or its server and this desktop's cache.
    place: Place,
    /// The folder its files are found in here: the archive folder, or the team archive's cache.
    root: PathBuf,
    /// Where the database, the index and the lock are: the archive folder itself, or for a
    /// snapshot (see [`Snapshot`]) a copy of them elsewhere.
    data: PathBuf,
    store: Box<dyn Store>,
    /// The originals and thumbnails, by content hash.
    files: Box<dyn FileStore>,
    /// The full-text index, derived from the store (see `search.rs`).
    index: RwLock<SearchIndex>,
    /// Imports run one at a time: they share the import-in-progress marker.
    import_lock: Mutex<()>,
    /// Index catch-ups run one at a time.
    index_lock: Mutex<()>,
    /// A change to more clippings than this leaves its indexing to [`Archive::sync_index`]
    /// (see [`Archive::defer_indexing_above`]).
    index_inline_limit: AtomicUsize,
    /// Whether a thread is catching the index up (see [`Archive::start_catching_up`]).
    catching_up: AtomicBool,
    /// Set as the window closes: the index's catching up stops after its batch
    /// ([`Archive::stop_background_indexing`]).
    indexing_stopped: AtomicBool,
    /// The catalog file is written by one thread at a time (they share its temporary file);
    /// this holds the number of the newest [`crate::archive::catalog::CatalogSave`] written, so
    /// that an older one that comes after it is not (see [`Archive::save_catalog`]).
    catalog_written: Mutex<u64>,
    /// Numbers [`crate::archive::catalog::CatalogSave`]s in the order their marks were read.
    catalog_reads: AtomicU64,
    /// What was learned from the tags (`learning.rs`), and the turn to learn it.
    learned: Mutex<learning::LearnedCache>,
    learning_lock: Mutex<()>,
    /// The tags the office named in other languages, read once (`tag_names.rs`).
    named_tags: Mutex<Option<std::sync::Arc<Vec<Tag>>>>,
    _lock: File,
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive").field("root", &self.root).finish_non_exhaustive()
    }
}

/// How many clippings waiting for the index [`Archive::open`] indexes before it returns.
const SMALL_INDEX_BACKLOG: usize = 500;

/// Where the archive lives when none is named: the platform's data folder for this computer
/// (`~/.local/share/Clippings` on Linux). On Windows that is `%LOCALAPPDATA%\Clippings\data`,
/// not the roaming `%APPDATA%`: an office's roaming profiles copy `%APPDATA%` to the server at
/// every sign-out, and an archive of gigabytes would make each one wait.
pub fn default_archive_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Clippings").map(|d| d.data_local_dir().to_path_buf())
}

/// Where the archive in `root` keeps the thumbnail of the clipping with this content hash.
pub fn thumbnail_path_in(root: &Path, hash: &str) -> PathBuf {
    FolderFiles::new(root).path(FileRole::Thumbnail, hash, "")
}

/// The temporary copy behind [`Archive::open_snapshot`]; removed when dropped.
#[derive(Debug)]
pub struct Snapshot(PathBuf);

impl Drop for Snapshot {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

impl Archive {
    /// Opens the archive in `root`, creating it if needed. Fails with [`Error::Locked`] when
    /// another process has it open. After an interrupted import it removes half-written files.
    /// A small backlog of the search index is caught up here; a whole index to build (new,
    /// deleted, or of an older version) is left to [`Archive::sync_index`], which reports
    /// progress: until then searches see what is indexed so far.
    pub fn open(root: &Path) -> Result<Archive> {
        let open_err = |error| Error::Open { path: root.to_owned(), error };
        fs::create_dir_all(root).map_err(open_err)?;
        let root = root.canonicalize().map_err(open_err)?;
        for dir in ["originals", "thumbnails"] {
            fs::create_dir_all(root.join(dir)).map_err(|error| Error::Open { path: root.join(dir), error })?;
        }
        let db = root.join("db");
        let files = Box::new(FolderFiles::new(&root));
        Archive::open_parts(Place::Folder(root.clone()), root.clone(), root, move || {
            Ok((Box::new(SledStore::open(&db)?) as Box<dyn Store>, files as Box<dyn FileStore>))
        })
    }

    /// Opens the archive at its place: a folder ([`Archive::open`]) or a team archive on a
    /// server, with this desktop's copies in its cache folder (made if needed). A team
    /// archive's server is asked before anything is opened here: one that cannot be reached
    /// is an error within 15 s.
    pub fn open_place(place: &Place) -> Result<Archive> {
        match place {
            Place::Folder(root) => Archive::open(root),
            Place::Team { url, cache } => {
                let cache = prepare_cache(cache)?;
                let place = Place::Team { url: url.clone(), cache: cache.clone() };
                Archive::open_parts(place, cache.clone(), cache.clone(), || team_parts(url, &cache, &cache))
            }
        }
    }

    /// Opens a copy of the archive's database and index, taken now, over its files, for a
    /// command that only reads: the archive may be open in the window (which holds the lock),
    /// or on a disk this user cannot write. What the copy shows is what had been saved when it
    /// was taken. The copy is removed when the returned [`Snapshot`] is dropped (after the
    /// archive). For a team archive the copy is of this desktop's index and cursors; the
    /// records are read from the server.
    pub fn open_snapshot(place: &Place) -> Result<(Snapshot, Archive)> {
        let root = place.root().canonicalize().map_err(|error| Error::Open { path: place.root().to_owned(), error })?;
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let copy = std::env::temp_dir().join(format!("clippings-snapshot-{}-{stamp}", std::process::id()));
        let snapshot = Snapshot(copy.clone());
        let parts: &[&str] = if place.is_team() { &["index", "desktop.json"] } else { &["db", "index"] };
        for part in parts {
            for entry in walkdir::WalkDir::new(root.join(part)).into_iter().filter_map(|e| e.ok()) {
                let Ok(relative) = entry.path().strip_prefix(&root) else { continue };
                let to = copy.join(relative);
                let copied = if entry.file_type().is_dir() {
                    fs::create_dir_all(&to)
                } else {
                    to.parent()
                        .map_or(Ok(()), fs::create_dir_all)
                        .and_then(|()| fs::copy(entry.path(), &to).map(|_| ()))
                };
                copied.map_err(|e| Error::io(&to, e))?;
            }
        }
        fs::create_dir_all(&copy).map_err(|e| Error::io(&copy, e))?;
        let archive = match place {
            Place::Folder(_) => {
                let (db, files) = (copy.join("db"), Box::new(FolderFiles::new(&root)));
                Archive::open_parts(Place::Folder(root.clone()), root.clone(), copy, move || {
                    Ok((Box::new(SledStore::open(&db)?) as Box<dyn Store>, files as Box<dyn FileStore>))
                })?
            }
            Place::Team { url, .. } => {
                let state = copy.clone();
                Archive::open_parts(place.clone(), root.clone(), copy, || team_parts(url, &state, &root))?
            }
        };
        Ok((snapshot, archive))
    }

    /// Opens an archive whose store and files `parts` opens, once this process holds the lock.
    fn open_parts(
        place: Place,
        root: PathBuf,
        data: PathBuf,
        parts: impl FnOnce() -> Result<(Box<dyn Store>, Box<dyn FileStore>)>,
    ) -> Result<Archive> {
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(data.join("lock"))
            .map_err(|error| Error::Open { path: root.clone(), error })?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Err(Error::Locked(root)),
            Err(fs::TryLockError::Error(error)) => return Err(Error::Open { path: root, error }),
        }
        // Who holds it, for the note of a command that finds it held; only a note, so a lock
        // file that cannot be written stops nothing.
        let _ = write_holder(&lock);
        let (store, files) = parts()?;
        let (index, fresh) = SearchIndex::open(&data.join("index"))?;
        if fresh {
            store.mark_all_index_pending()?;
            store.flush()?;
            index.mark_complete()?;
        }
        let index = RwLock::new(index);
        let is_snapshot = data != root;
        let archive = Archive {
            place,
            files,
            root,
            data,
            store,
            index,
            import_lock: Mutex::new(()),
            index_lock: Mutex::new(()),
            catalog_written: Mutex::new(0),
            catalog_reads: AtomicU64::new(0),
            index_inline_limit: AtomicUsize::new(usize::MAX),
            catching_up: AtomicBool::new(false),
            indexing_stopped: AtomicBool::new(false),
            learned: Mutex::default(),
            learning_lock: Mutex::new(()),
            named_tags: Mutex::new(None),
            _lock: lock,
        };
        // A snapshot never touches the archive's files: what an interrupted import left is
        // swept by the next real open.
        if !is_snapshot && archive.store.import_in_progress()? {
            archive.sweep_orphans()?;
            archive.store.set_import_in_progress(false)?;
        }
        if !is_snapshot {
            archive.remove_unfinished_catalog_files();
        }
        if archive.n_index_pending()? <= SMALL_INDEX_BACKLOG {
            match archive.sync_index(&mut |_, _| {}, &std::sync::atomic::AtomicBool::new(false)) {
                // On a full disk the catch-up waits: the archive opens for reading, and what is
                // marked is indexed once there is room.
                Err(e) if e.is_disk_full() => {}
                other => {
                    other?;
                }
            }
        }
        Ok(archive)
    }

    /// Where the archive is.
    pub fn place(&self) -> &Place {
        &self.place
    }

    /// The folder its files are found in on this desktop: the archive folder, or a team
    /// archive's cache.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Closes the archive after much was written (a large import) and opens it once more. sled
    /// reads back everything written since it last opened the database, and records where it
    /// got to, when it opens: done here, the window's next opening has nothing to read back
    /// (100,000 clippings imported: the database opened in 0.6 s, and in 30 ms once this ran).
    /// The window does this as it closes after a session that changed many clippings (a tag
    /// added to a million, then undone: its next opening read that back for 1.2 s).
    pub fn close_settled(self) -> Result<()> {
        let place = self.place.clone();
        drop(self);
        Archive::open_place(&place).map(drop)
    }

    /// Closes the archive after an import from the command line. When more than `limit`
    /// clippings came in, what the window reads as it opens is made first: the catalog file,
    /// the reprints' signatures file (else the window reads 100,000 signatures from the
    /// database, whose copies stay with it: 70 MB), and the database settled (closed and
    /// opened once more). Returns whether there was that to do. It is all for speed:
    /// an error leaves the archive whole, and the window makes the same at its next opening.
    pub fn close_after_import(self, limit: usize) -> Result<bool> {
        if !self.keep_catalog_file(limit)? {
            return Ok(false);
        }
        // The signatures file alone: grouping a million into stories (15 s) is the window's,
        // and the file is written as the signatures are read, not from a list of them all.
        self.write_signatures_file_from_store()?;
        self.close_settled()?;
        Ok(true)
    }

    /// Where the database, the index and the catalog file are (a copy's folder for a snapshot).
    pub(crate) fn data_dir(&self) -> &Path {
        &self.data
    }

    /// Where a clipping's original is on this desktop, to be read: a team archive's is brought
    /// into the cache first (where the server has it; the path is given either way).
    pub fn original_path(&self, clipping: &Clipping) -> PathBuf {
        let _ = self.files.cache(FileRole::Original, &clipping.hash, &clipping.format);
        self.original_place(clipping)
    }

    /// Where a clipping's original is, or is to be written, on this desktop.
    pub(crate) fn original_place(&self, clipping: &Clipping) -> PathBuf {
        self.files.path(FileRole::Original, &clipping.hash, &clipping.format)
    }

    /// Where the thumbnail of the clipping with this content hash is, or is to be written, on
    /// this desktop (photos and PDFs).
    pub fn thumbnail_path(&self, hash: &str) -> PathBuf {
        self.files.path(FileRole::Thumbnail, hash, "")
    }

    /// Brings the thumbnails of these clippings into a team archive's cache, where they are not
    /// yet, so the window finds them by their paths; nothing to do for a folder. Returns how
    /// many were brought.
    pub(crate) fn cache_thumbnails(&self, clippings: &[&Clipping]) -> Result<usize> {
        if !self.files.is_remote() {
            return Ok(0);
        }
        let mut n = 0;
        for c in clippings {
            let wanted = c.kind == Kind::Photo || c.has_thumbnail;
            if wanted && !self.thumbnail_path(&c.hash).exists() && self.files.cache(FileRole::Thumbnail, &c.hash, "")? {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Whether the archive has this file of a clipping's.
    pub fn has_file(&self, role: FileRole, clipping: &Clipping) -> bool {
        self.files.exists(role, &clipping.hash, &clipping.format)
    }

    /// The thumbnail kept for the clipping with this content hash.
    pub fn thumbnail(&self, hash: &str) -> Result<Vec<u8>> {
        self.files.get(FileRole::Thumbnail, hash, "")
    }

    /// Keeps a clipping's thumbnail (a picture drawn again for a clipping that lost its own).
    pub fn keep_thumbnail(&self, hash: &str, jpeg: &[u8]) -> Result<()> {
        self.files.put(FileRole::Thumbnail, hash, "", jpeg)
    }

    /// Whether the files are kept on a server, with copies in this desktop's cache.
    pub(crate) fn files_are_remote(&self) -> bool {
        self.files.is_remote()
    }

    /// Makes the files an import wrote at their places kept for good, in one pass.
    pub(crate) fn keep_written(&self, written: &[&Path]) -> Result<()> {
        self.files.keep_written(written)
    }

    /// Removes files that no record points to: leftovers of an import that was killed between
    /// writing a file and committing its record, and temporary files.
    pub fn sweep_orphans(&self) -> Result<usize> {
        let known = self.store.known_hashes()?;
        let mut n_removed = 0;
        for kept in self.files.list()? {
            if kept.hash.is_empty() || !known.contains(&kept.hash) {
                self.files.remove_kept(&kept)?;
                n_removed += 1;
            }
        }
        Ok(n_removed)
    }

    pub fn n_clippings(&self) -> usize {
        self.store.n_clippings()
    }

    pub fn get(&self, id: ClippingId) -> Result<Clipping> {
        self.store.get(id)?.ok_or(Error::NoSuchClipping(id))
    }

    pub fn get_with_tags(&self, id: ClippingId) -> Result<ClippingWithTags> {
        let clipping = self.get(id)?;
        self.with_tags(clipping)
    }

    pub fn with_tags(&self, clipping: Clipping) -> Result<ClippingWithTags> {
        let tags = self.store.tags_of(clipping.id)?;
        Ok(ClippingWithTags { clipping, tags })
    }

    pub fn tags_of(&self, id: ClippingId) -> Result<Vec<Tag>> {
        self.store.tags_of(id)
    }

    /// Every clipping not in the trash, in id order.
    pub fn all_clippings(&self) -> Result<Vec<Clipping>> {
        let mut all = self.store.all_clippings()?;
        all.retain(|c| c.trashed_at.is_none());
        Ok(all)
    }

    /// Every clipping, those in the trash too, in id order.
    pub fn all_clippings_and_trash(&self) -> Result<Vec<Clipping>> {
        self.store.all_clippings()
    }

    /// The `n` clippings imported last (the trash too), newest first.
    pub fn recent_clippings(&self, n: usize) -> Result<Vec<Clipping>> {
        self.store.recent_clippings(n)
    }

    /// [`Archive::all_clippings_and_trash`], each clipping passed through `shrink` as it is
    /// read (the window's catalog keeps a card of each, not its text).
    pub fn all_clippings_shrunk(&self, shrink: impl Fn(&mut Clipping) + Sync) -> Result<Vec<Clipping>> {
        self.store.all_clippings_shrunk(&shrink)
    }

    /// The ids of the clippings that carry a tag, in id order.
    pub fn clippings_with_tag(&self, tag: &Tag) -> Result<Vec<ClippingId>> {
        self.store.clippings_with(&tag.key())
    }

    /// Saves edited metadata (title, source, author, date, notes ...) of a clipping.
    pub fn update(&self, clipping: &Clipping) -> Result<()> {
        let stored = self.get(clipping.id)?;
        let mut updated = clipping.clone();
        // What identifies the original is not editable.
        updated.hash = stored.hash;
        updated.format = stored.format;
        updated.byte_size = stored.byte_size;
        self.store.update_clipping(&updated)?;
        self.store.flush()?;
        self.index_changed(&[updated.id])
    }

    /// Adds a tag to clippings. Returns how many did not have it yet.
    pub fn add_tag(&self, tag: &Tag, ids: &[ClippingId]) -> Result<usize> {
        let n = self.put_tag(tag, ids)?;
        self.store.flush()?;
        self.index_changed(ids)?;
        Ok(n)
    }

    /// Removes a tag from clippings. Returns how many had it.
    pub fn remove_tag(&self, tag: &Tag, ids: &[ClippingId]) -> Result<usize> {
        let n = {
            let _one_at_a_time = self.index_lock.lock().unwrap_or_else(PoisonError::into_inner);
            self.before_tag_edit(ids.len())?;
            let n = self.store.remove_tag(&tag.key(), ids)?;
            self.index.read().unwrap_or_else(PoisonError::into_inner).tag_removed(&tag.key(), ids);
            n
        };
        self.store.flush()?;
        self.index_changed(ids)?;
        Ok(n)
    }

    /// Tags clippings in the database and in the search index's table of tags, together,
    /// between two batches of indexing (a batch read before the change and written after it
    /// would take the tag off again). Returns how many did not have it yet. The caller flushes.
    pub(crate) fn put_tag(&self, tag: &Tag, ids: &[ClippingId]) -> Result<usize> {
        let _one_at_a_time = self.index_lock.lock().unwrap_or_else(PoisonError::into_inner);
        self.before_tag_edit(ids.len())?;
        let n = self.store.add_tag(tag, ids)?;
        self.index.read().unwrap_or_else(PoisonError::into_inner).tag_added(&tag.key(), ids);
        Ok(n)
    }

    /// Every known tag with its number of clippings (trashed ones included), by kind and name.
    pub fn tags(&self) -> Result<Vec<TagCount>> {
        // Counted from the index's table of tags once it is read, which holds the database's
        // links: counting them in the database reads every one.
        let counts = self.index.read().unwrap_or_else(PoisonError::into_inner).tag_link_counts();
        let Some(counts) = counts else { return self.store.all_tags() };
        Ok(self
            .store
            .known_tags()?
            .into_iter()
            .map(|tag| {
                let n_clippings = counts.get(&tag.key()).copied().unwrap_or(0);
                TagCount { tag, n_clippings }
            })
            .collect())
    }

    /// Finds a known tag by kind and value (for countries any name or code).
    pub fn find_tag(&self, kind: TagKind, value: &str) -> Result<Option<Tag>> {
        let Ok(wanted) = tags::resolve(kind, value) else { return Ok(None) };
        self.store.tag(&wanted.key())
    }

    /// Renames a topic or event; when a tag of the new name exists the two are merged.
    /// Returns how many clippings carry the renamed tag.
    pub fn rename_tag(&self, tag: &Tag, new_value: &str) -> Result<usize> {
        let (renamed, _) = self.rename_target(tag, new_value)?;
        self.merge_tags(tag, &renamed)
    }

    /// What renaming `tag` to `new_value` makes it: a new tag of that name (keeping the tag's
    /// date), or the tag of that name that exists already, which it merges into (`true`).
    pub(crate) fn rename_target(&self, tag: &Tag, new_value: &str) -> Result<(Tag, bool)> {
        let mut renamed = tags::resolve(tag.kind, new_value)?;
        renamed.date = tag.date;
        // Its names in other languages go with it.
        renamed.names = self.store.tag(&tag.key())?.map_or_else(|| tag.names.clone(), |stored| stored.names);
        match self.store.tag(&renamed.key())? {
            Some(existing) if existing.key() != tag.key() => Ok((existing, true)),
            _ => Ok((renamed, false)),
        }
    }

    /// Moves every clipping of `from` to `into` and forgets `from`.
    pub fn merge_tags(&self, from: &Tag, into: &Tag) -> Result<usize> {
        if self.store.tag(&from.key())?.is_none() {
            return Err(Error::NoSuchTag { kind: from.kind.as_str(), value: from.value.clone() });
        }
        let ids = self.store.clippings_with(&from.key())?;
        let n = self.store.merge_tags(&from.key(), into)?;
        self.store.flush()?;
        self.forget_named_tags();
        self.index_changed(&ids)?;
        Ok(n)
    }

    /// Moves clippings to the trash: hidden, but restorable with [`Archive::restore`].
    pub fn trash(&self, ids: &[ClippingId]) -> Result<usize> {
        self.set_trashed(ids, Some(Utc::now()))
    }

    pub fn restore(&self, ids: &[ClippingId]) -> Result<usize> {
        self.set_trashed(ids, None)
    }

    fn set_trashed(&self, ids: &[ClippingId], at: Option<chrono::DateTime<Utc>>) -> Result<usize> {
        let mut n = 0;
        for &id in ids {
            let mut clipping = self.get(id)?;
            if clipping.trashed_at.is_some() != at.is_some() {
                clipping.trashed_at = at;
                self.store.update_clipping(&clipping)?;
                n += 1;
            }
        }
        self.store.flush()?;
        self.index_changed(ids)?;
        Ok(n)
    }

    /// Deletes trashed clippings for good, with their original and thumbnail. Returns their ids.
    pub fn empty_trash(&self) -> Result<Vec<ClippingId>> {
        let mut deleted = Vec::new();
        for clipping in self.store.all_clippings()? {
            if clipping.trashed_at.is_none() {
                continue;
            }
            self.store.delete_clipping(clipping.id)?;
            self.store.flush()?;
            for role in [FileRole::Original, FileRole::Thumbnail] {
                self.files.remove(role, &clipping.hash, &clipping.format)?;
            }
            deleted.push(clipping.id);
        }
        self.index_changed(&deleted)?;
        Ok(deleted)
    }
}

/// A team archive's store, with this desktop's state in `state`, and its files cached in `cache`.
fn team_parts(url: &str, state: &Path, cache: &Path) -> Result<(Box<dyn Store>, Box<dyn FileStore>)> {
    let (store, server) = PgStore::open(url, state)?;
    let files = Box::new(PgFiles::new(server, cache, store.desktop()));
    Ok((Box::new(store), files))
}

/// A team archive's cache folder, made if needed, with its folders for cached files.
fn prepare_cache(cache: &Path) -> Result<PathBuf> {
    let open_err = |error| Error::Open { path: cache.to_owned(), error };
    fs::create_dir_all(cache).map_err(open_err)?;
    let cache = cache.canonicalize().map_err(open_err)?;
    for dir in ["originals", "thumbnails"] {
        fs::create_dir_all(cache.join(dir)).map_err(|error| Error::Open { path: cache.join(dir), error })?;
    }
    Ok(cache)
}

/// Writes this process into the lock file it holds: its id and its command line.
fn write_holder(mut lock: &File) -> std::io::Result<()> {
    use std::io::Write;
    let command_line: Vec<String> = std::env::args().collect();
    lock.set_len(0)?;
    writeln!(lock, "{} {}", std::process::id(), command_line.join(" "))
}

/// What the process that holds the archive in `root` wrote of itself ("1234 clippings --archive
/// … import …"), if the lock file says.
pub fn lock_holder(root: &Path) -> Option<String> {
    let text = fs::read_to_string(root.join("lock")).ok()?;
    let line = text.lines().next()?.trim();
    (!line.is_empty()).then(|| line.to_owned())
}

/// A token that differs from one writing to the next.
pub(crate) fn rand_token() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
    h.write_u32(std::process::id());
    h.finish()
}
