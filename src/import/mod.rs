//! The import pipeline: walk the given paths, then for each file hash it (streamed), skip it if
//! its bytes are already archived, read it (text or photo), find its suggested tags, and copy
//! the original and write the thumbnail under temporary names renamed into place. Files are
//! read in parallel chunks; the chunks of about a second make a group, committed together
//! (group commit): the files it wrote are synced to disk in one pass, then its records go
//! into the database, which is flushed, then into the search index, which commits. Only then
//! are the group's outcomes reported: whatever was reported imported is on disk, in the
//! database and findable, and a record never reaches the disk before its files.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

mod error;
pub(crate) mod files;
pub mod formats;
pub mod photo;

mod item;
mod messages;
pub(crate) mod read;
pub mod remote;
mod report;
pub mod scans;
mod walk;

pub use error::{ImportError, TextProblem};
use item::Input;
pub use item::{Item, Origin};
pub use report::{FileOutcome, FolderCount, ImportPhases, ImportProgress, ImportReport, Outcome};

use files::{read_and_hash, write_atomically, write_unsynced};
pub use photo::media::{MAX_DECODE_BYTES, THUMB_SIZE_PX};
use read::prepare_quietly;
use walk::{classify, collect, unsupported};

use crate::archive::Archive;
use crate::archive::Inserted;
use crate::archive::files::FileRole;
use crate::archive::suggestions::{Known, suggestions_for};
use crate::archive::{Error, Result};
use crate::vocab::model::{Clipping, ClippingId, Kind, StoredSuggestion, Tag, TagKind};
use crate::vocab::{language, quiet};
use photo::media::Source;

/// How many files go through the parallel stage between two looks at the clock and the cancel
/// flag.
const CHUNK_SIZE: usize = 64;

/// A group is committed when it is this old, or this large: a second's work, so progress
/// moves every second and a cancel or a kill costs at most that.
const GROUP_TIME: std::time::Duration = std::time::Duration::from_millis(1000);
const GROUP_FILES: usize = 8192;

/// How many records a group stores between two database flushes.
const FLUSH_EVERY: usize = 256;

/// PDFs and office documents are read whole; one larger than this is not a clipping.
const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Clone, Copy)]
enum FileKind {
    Article,
    WebPage,
    Pdf,
    Office { odt: bool },
    Mail,
    Photo(image::ImageFormat),
}

/// The threads an import runs on: twice as many as cores, because each file also waits for
/// its fsyncs, and a core should decode the next photo meanwhile. `None` if no thread could be
/// started, and then the global pool does the work.
fn import_pool() -> Option<rayon::ThreadPool> {
    let n_cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    rayon::ThreadPoolBuilder::new().num_threads(n_cores * 2).thread_name(|i| format!("import-{i}")).build().ok()
}

/// A file read, its files written (not yet synced), its records not yet in the database.
/// A clipping just stored, for the search index: its id, the sequence number its insert marked
/// it with, and its record and tags as stored.
type Fresh = (ClippingId, u64, Clipping, Vec<Tag>);

/// Adds the time since `since` to one of the import's phases.
fn add_phase(
    phases: &std::sync::Mutex<ImportPhases>,
    phase: fn(&mut ImportPhases) -> &mut std::time::Duration,
    since: std::time::Instant,
) {
    *phase(&mut phases.lock().unwrap_or_else(std::sync::PoisonError::into_inner)) += since.elapsed();
}

#[derive(Default)]
struct Staged {
    clipping: Clipping,
    tags: Vec<Tag>,
    suggestions: Vec<StoredSuggestion>,
    /// The text's signature for finding its reprints (derived, like the suggestions).
    signature: Option<crate::search::stories::Signature>,
    /// The files this import wrote for it, removed again if its records cannot be stored.
    written: Vec<PathBuf>,
}

/// What reading one file came to: an outcome already (a duplicate, a failure), or a clipping
/// waiting for its group's commit.
enum Step {
    Done(Outcome),
    Staged(Box<Staged>),
}

/// A file read and ready to store.
struct Prepared {
    clipping: Clipping,
    thumbnail_jpeg: Option<Vec<u8>>,
    /// Tags the file itself carries (a photo's IPTC/XMP keywords, country, event).
    tags: Vec<Tag>,
}

impl Archive {
    /// Imports files and folders. Never stops at a bad file: every file found gets an outcome.
    /// `progress` is called on the calling thread; `cancel` stops the batch between files.
    pub fn import(
        &self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(ImportProgress<'_>),
        cancel: &AtomicBool,
    ) -> Result<ImportReport> {
        self.import_inputs(paths, Vec::new(), ImportReport::default(), progress, cancel)
    }

    /// [`Archive::import`] for a caller that takes each outcome as it comes and needs only
    /// the counts after: the report keeps no outcome ([`ImportReport::counting_only`]).
    pub fn import_counting_only(
        &self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(ImportProgress<'_>),
        cancel: &AtomicBool,
    ) -> Result<ImportReport> {
        self.import_inputs(paths, Vec::new(), ImportReport::counting_only(), progress, cancel)
    }

    /// Imports items already in memory (pages fetched, parts of messages), as
    /// [`Archive::import`] imports files.
    pub fn import_items(
        &self,
        items: Vec<Item>,
        progress: &mut dyn FnMut(ImportProgress<'_>),
        cancel: &AtomicBool,
    ) -> Result<ImportReport> {
        self.import_inputs(&[], items, ImportReport::default(), progress, cancel)
    }

    fn import_inputs(
        &self,
        paths: &[PathBuf],
        items: Vec<Item>,
        mut report: ImportReport,
        progress: &mut dyn FnMut(ImportProgress<'_>),
        cancel: &AtomicBool,
    ) -> Result<ImportReport> {
        let _serial = self.import_turn();
        let (files, mut failed) = collect(paths, self.root());
        let files: Vec<Input> =
            files.into_iter().map(Input::File).chain(items.into_iter().map(|i| Input::Item(Box::new(i)))).collect();
        // E-mails bring their attachments and an alert's articles, fetched.
        let (files, known) = self.open_messages(files, &crate::web::Fetcher::default(), cancel)?;
        failed.extend(known);
        let n_files = files.len() + failed.len();
        progress(ImportProgress::Found { n_files });
        for outcome in failed {
            report.take(outcome, n_files, progress);
        }
        self.check_room(files.iter().map(Input::size).sum())?;
        self.mark_import_in_progress(true)?;
        let pool = import_pool();
        // Suggestions match the archive's own topics and events first; read them once.
        let known = self.known_topics_and_events()?;
        let accept_countries = self.accepts_countries_on_import()?;
        let phases = &std::sync::Mutex::new(ImportPhases::default());
        // Groups are committed on a thread of their own while the next group is read: the
        // reading threads do not wait for the disk, the committing one not for the reading.
        let result = std::thread::scope(|scope| -> Result<()> {
            // A group is stored on one thread and indexed on another, so the database takes the
            // next group while the index takes this one; each then waits for the other. Only
            // the storing thread writes to the database: it clears the marks of what the
            // indexing thread has indexed before it stores the next group, and at the end.
            let (to_commit, groups) = std::sync::mpsc::sync_channel::<Vec<(PathBuf, Step)>>(1);
            let (to_index, stored) = std::sync::mpsc::sync_channel::<(Vec<FileOutcome>, Vec<Fresh>)>(1);
            let (to_clear, indexed) = std::sync::mpsc::channel::<Vec<(ClippingId, u64)>>();
            let (committed, outcomes) = std::sync::mpsc::channel::<Result<Vec<FileOutcome>>>();
            let failed_store = committed.clone();
            let committer = std::thread::Builder::new().name("import-commit".into()).spawn_scoped(scope, move || {
                self.store_groups(groups, to_index, indexed, failed_store, accept_countries, phases);
            });
            let committer = committer.map_err(|e| Error::io(self.root(), e))?;
            let indexer = std::thread::Builder::new().name("import-index".into()).spawn_scoped(scope, move || {
                for (outcomes, fresh) in stored {
                    let _ = to_clear.send(self.index_group(fresh, phases));
                    if committed.send(Ok(outcomes)).is_err() {
                        break;
                    }
                }
            });
            let indexer = indexer.map_err(|e| Error::io(self.root(), e))?;
            let mut report_outcomes = |result: Result<Vec<FileOutcome>>, report: &mut ImportReport| -> Result<()> {
                for outcome in result? {
                    report.take(outcome, n_files, progress);
                }
                Ok(())
            };
            let mut group: Vec<(PathBuf, Step)> = Vec::new();
            let mut group_started = std::time::Instant::now();
            let mut stopped = Ok(());
            for chunk in files.chunks(CHUNK_SIZE) {
                // The disk may fill while the batch runs (this import, or anything else): stop
                // with what is done committed, before the database meets a full disk.
                if let Err(full) = self.check_room(0) {
                    stopped = Err(full);
                    break;
                }
                let read_chunk = || -> Vec<(PathBuf, Step)> {
                    chunk
                        .par_iter()
                        .map(|input| {
                            let step = if cancel.load(Ordering::Relaxed) {
                                Step::Done(Outcome::Cancelled)
                            } else {
                                self.stage_one(input, &known)
                            };
                            (input.label(), step)
                        })
                        .collect()
                };
                let started = std::time::Instant::now();
                group.extend(match &pool {
                    Some(pool) => pool.install(read_chunk),
                    None => read_chunk(),
                });
                phases.lock().unwrap_or_else(std::sync::PoisonError::into_inner).read += started.elapsed();
                if group.len() >= GROUP_FILES || group_started.elapsed() >= GROUP_TIME {
                    // Waits while the committer is still on the group before.
                    if to_commit.send(std::mem::take(&mut group)).is_err() {
                        break;
                    }
                    group_started = std::time::Instant::now();
                }
                while let Ok(result) = outcomes.try_recv() {
                    report_outcomes(result, &mut report)?;
                }
            }
            if !group.is_empty() {
                let _ = to_commit.send(group);
            }
            drop(to_commit);
            for result in outcomes {
                report_outcomes(result, &mut report)?;
            }
            let _ = committer.join();
            let _ = indexer.join();
            stopped
        });
        self.mark_import_in_progress(false)?;
        result?;
        self.finish_report(&mut report, phases);
        Ok(report)
    }

    /// The import's phases into its report, and the rules run on what it brought. What was
    /// imported is committed: a rule that fails here (the index failing) costs its tags, which
    /// `rules apply` gives again, not the report of the import.
    fn finish_report(&self, report: &mut ImportReport, phases: &std::sync::Mutex<ImportPhases>) {
        report.phases = *phases.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        report.rules = self.apply_rules_to(&report.imported_ids()).unwrap_or_default();
    }

    /// The storing thread's work: each group stored and handed on for indexing, the marks the
    /// indexing thread sends back cleared before the next group is stored, and at the end.
    fn store_groups(
        &self,
        groups: std::sync::mpsc::Receiver<Vec<(PathBuf, Step)>>,
        to_index: std::sync::mpsc::SyncSender<(Vec<FileOutcome>, Vec<Fresh>)>,
        indexed: std::sync::mpsc::Receiver<Vec<(ClippingId, u64)>>,
        failed_store: std::sync::mpsc::Sender<Result<Vec<FileOutcome>>>,
        accept_countries: bool,
        phases: &std::sync::Mutex<ImportPhases>,
    ) {
        let clear = |marks: Vec<(ClippingId, u64)>| {
            // Derived: a mark left makes the next catch-up index the clipping again.
            let _ = self.clear_index_marks(&marks);
        };
        for group in groups {
            indexed.try_iter().for_each(clear);
            match self.store_group(group, accept_countries, phases) {
                Ok(group) => {
                    if to_index.send(group).is_err() {
                        break;
                    }
                }
                Err(e) => {
                    let _ = failed_store.send(Err(e));
                    break;
                }
            }
        }
        // The indexing thread ends with its input; its last marks come until then.
        drop(to_index);
        indexed.iter().for_each(clear);
    }

    /// Fails with [`Error::DiskFull`] unless the archive's disk has room for `n_bytes` more of
    /// originals.
    fn check_room(&self, n_bytes: u64) -> Result<()> {
        crate::archive::disk::ensure_room(self.root(), files::bytes_needed(n_bytes))
    }

    /// Reads one file or item and writes its files, for the group's commit.
    fn stage_one(&self, input: &Input, known: &Known) -> Step {
        let staged = match input {
            Input::File(path) => classify(path).ok_or_else(|| unsupported(path)).and_then(|kind| {
                let (source, hash, byte_size) = read_and_hash(path).map_err(|e| ImportError::reading(&e))?;
                self.stage_source(path, kind, source, hash, byte_size, known, None)
            }),
            Input::Item(item) => {
                // A name alone, with no folder: nothing beside it is read (a page's pictures).
                let name = PathBuf::from(item.name.replace(['/', '\\'], "_"));
                classify(&name).ok_or_else(|| unsupported(&name)).and_then(|kind| {
                    let hash = blake3::hash(&item.bytes).to_hex().to_string();
                    let byte_size = item.bytes.len() as u64;
                    let source = Source::Memory(item.bytes.clone());
                    self.stage_source(&name, kind, source, hash, byte_size, known, Some(&item.origin))
                })
            }
        };
        match staged {
            Ok(step) => step,
            Err(reason @ ImportError::Unsupported) => Step::Done(Outcome::Skipped { reason }),
            Err(reason) => Step::Done(Outcome::Failed { reason }),
        }
    }

    /// Commits a group: [`Archive::store_group`], then indexes what it stored, and only then
    /// reports each file's outcome.
    fn commit_group(
        &self,
        group: Vec<(PathBuf, Step)>,
        accept_countries: bool,
        phases: &std::sync::Mutex<ImportPhases>,
    ) -> Result<Vec<FileOutcome>> {
        let (outcomes, fresh) = self.store_group(group, accept_countries, phases)?;
        let indexed = self.index_group(fresh, phases);
        // Derived: a mark left makes the next catch-up index the clipping again.
        let _ = self.clear_index_marks(&indexed);
        Ok(outcomes)
    }

    /// Stores a group: syncs the files it wrote in one pass, then stores its records and
    /// flushes the database. Returns each file's outcome, and the new clippings' records for
    /// [`Archive::index_group`]; an outcome is reported only after that.
    fn store_group(
        &self,
        group: Vec<(PathBuf, Step)>,
        accept_countries: bool,
        phases: &std::sync::Mutex<ImportPhases>,
    ) -> Result<(Vec<FileOutcome>, Vec<Fresh>)> {
        if group.is_empty() {
            return Ok((Vec::new(), Vec::new()));
        }
        let started = std::time::Instant::now();
        let written: Vec<&Path> = group
            .iter()
            .filter_map(|(_, step)| match step {
                Step::Staged(staged) => Some(staged.written.iter().map(PathBuf::as_path)),
                Step::Done(_) => None,
            })
            .flatten()
            .collect();
        let synced = self.keep_written(&written);
        add_phase(phases, |p| &mut p.sync, started);
        let started = std::time::Instant::now();
        let mut fresh = Vec::new();
        let mut outcomes: Vec<FileOutcome> = Vec::with_capacity(group.len());
        // The clippings to store, with where their outcomes go.
        let mut staged: Vec<(usize, Staged)> = Vec::new();
        for (path, step) in group {
            let outcome = match step {
                Step::Done(outcome) => outcome,
                Step::Staged(one) => match &synced {
                    Ok(()) => {
                        staged.push((outcomes.len(), self.with_accepted_countries(*one, accept_countries)));
                        Outcome::Cancelled
                    }
                    Err(e) => {
                        self.remove_unstored(&one.clipping.hash, &one.written);
                        Outcome::Failed { reason: ImportError::Store(e.to_string()) }
                    }
                },
            };
            outcomes.push(FileOutcome { path, outcome });
        }
        let mut chunks = staged.chunks_mut(FLUSH_EVERY).peekable();
        while let Some(chunk) = chunks.next() {
            let items: Vec<(&Clipping, &[Tag])> = chunk.iter().map(|(_, s)| (&s.clipping, s.tags.as_slice())).collect();
            let inserted = self.insert_clippings(&items);
            let mut derived = Vec::new();
            for (k, (at, one)) in chunk.iter_mut().enumerate() {
                let inserted = match &inserted {
                    Ok(all) => all.get(k).copied().ok_or("a clipping was not stored".to_owned()),
                    Err(e) => Err(e.to_string()),
                };
                let (outcome, record, kept) = self.stored_outcome(std::mem::take(one), inserted);
                fresh.extend(record);
                derived.extend(kept);
                if let Some(o) = outcomes.get_mut(*at) {
                    o.outcome = outcome;
                }
            }
            // Suggestions and signatures are derived data: a failure to keep them does not fail
            // the import. (The insert marked the new clippings for the catalog file already.)
            self.keep_derived(&derived);
            // sled 0.34 can deadlock when a long burst of writes outruns its log writers (all
            // its I/O threads then wait for the segment accountant, which waits for a file
            // truncation queued behind them): a flush every few hundred records keeps the
            // backlog short.
            if chunks.peek().is_some() {
                self.flush()?;
            }
        }
        // Nothing is reported imported before it is on disk.
        self.flush()?;
        add_phase(phases, |p| &mut p.db, started);
        Ok((outcomes, fresh))
    }

    /// Indexes a stored group's new clippings. Nothing is reported imported before it can be
    /// found either. The index is derived: should this fail, the clippings stay marked and the
    /// next catch-up indexes them, so the import goes on.
    /// Returns the marks to clear ([`Archive::clear_index_marks`]), none if it failed.
    fn index_group(&self, fresh: Vec<Fresh>, phases: &std::sync::Mutex<ImportPhases>) -> Vec<(ClippingId, u64)> {
        let started = std::time::Instant::now();
        let indexed = self.index_fresh(fresh).unwrap_or_default();
        add_phase(phases, |p| &mut p.index, started);
        indexed
    }

    /// A staged clipping with the countries it names clearly among its tags, when the import
    /// accepts them; a passing mention stays a suggestion, for the user to judge.
    fn with_accepted_countries(&self, mut staged: Staged, accept_countries: bool) -> Staged {
        if accept_countries {
            let tags = &mut staged.tags;
            staged.suggestions.retain(|s| {
                let country = s.suggestion.tag.kind == TagKind::Country && !s.suggestion.is_weak();
                if country {
                    tags.push(s.suggestion.tag.clone());
                }
                !country
            });
        }
        staged
    }

    /// What storing a staged clipping's records came to (its files being on disk), with its
    /// suggestions and signature kept. A new clipping comes back with its records for the
    /// search index.
    fn stored_outcome(
        &self,
        staged: Staged,
        inserted: Result<Inserted, String>,
    ) -> (Outcome, Option<Fresh>, Option<crate::archive::Derived>) {
        let Staged { mut clipping, tags, suggestions, signature, written } = staged;
        match inserted {
            Ok(Inserted::New(id, seq)) => {
                let outcome = Outcome::Imported { id, title: clipping.title.clone() };
                clipping.id = id;
                (outcome, Some((id, seq, clipping, tags)), Some((id, suggestions, signature)))
            }
            Ok(Inserted::Duplicate(id)) => {
                // The same bytes came twice in one group; the files are the other one's.
                let title = self.title_of(id);
                (Outcome::Duplicate { id, title }, None, None)
            }
            Err(reason) => {
                self.remove_unstored(&clipping.hash, &written);
                (Outcome::Failed { reason: ImportError::Store(reason) }, None, None)
            }
        }
    }

    /// Removes files written for a clipping whose records could not be stored, unless another
    /// clipping with the same bytes has them.
    fn remove_unstored(&self, hash: &str, written: &[PathBuf]) {
        if self.id_by_hash(hash).is_none() {
            for path in written {
                let _ = fs::remove_file(path);
            }
        }
    }

    /// Imports bytes that come from no file, such as pasted text: `name` (with an extension
    /// that says what they are, e.g. "Pasted 2024-06-01.txt") stands in for the file name.
    pub fn import_bytes(&self, name: &str, bytes: Vec<u8>) -> Result<FileOutcome> {
        let _serial = self.import_turn();
        let path = PathBuf::from(name);
        let Some(kind) = classify(&path) else {
            return Ok(FileOutcome { outcome: Outcome::Failed { reason: unsupported(&path) }, path });
        };
        self.check_room(bytes.len() as u64)?;
        self.mark_import_in_progress(true)?;
        let hash = blake3::hash(&bytes).to_hex().to_string();
        let byte_size = bytes.len() as u64;
        let known = self.known_topics_and_events()?;
        let step = match self.stage_source(&path, kind, Source::Memory(bytes), hash, byte_size, &known, None) {
            Ok(step) => step,
            Err(reason) => Step::Done(Outcome::Failed { reason }),
        };
        let accept_countries = self.accepts_countries_on_import()?;
        let committed = self.commit_group(
            vec![(path.clone(), step)],
            accept_countries,
            &std::sync::Mutex::new(ImportPhases::default()),
        );
        self.mark_import_in_progress(false)?;
        let outcome = committed?.pop().map_or(Outcome::Cancelled, |o| o.outcome);
        if let Outcome::Imported { id, .. } = &outcome {
            // As in an import of files: a rule that fails costs its tags, not the import.
            let _ = self.apply_rules_to(&[*id]);
        }
        Ok(FileOutcome { path, outcome })
    }

    /// Reads a file's bytes into a clipping and writes its original and thumbnail; a file
    /// already archived is a duplicate (whose lost files it puts back).
    #[allow(clippy::too_many_arguments)]
    fn stage_source(
        &self,
        path: &Path,
        kind: FileKind,
        source: Source,
        hash: String,
        byte_size: u64,
        known: &Known,
        origin: Option<&Origin>,
    ) -> Result<Step, ImportError> {
        if byte_size == 0 {
            return Err(ImportError::Empty);
        }
        if let Some(outcome) = self.duplicate_outcome(&hash) {
            return self.restore_missing_files(outcome, path, kind, &source, byte_size).map(Step::Done);
        }
        let mut prepared = prepare_quietly(path, kind, &source, &hash, byte_size)?;
        if let Some(origin) = origin {
            origin.apply(&mut prepared.clipping);
        }
        // A photo's keyword stays a keyword (searched, shown, written back on export); it is a
        // topic only where it names one the archive has already, by any of its names. Agencies'
        // keywords ("conceptual", "Keyword1ref2017.1") would otherwise flood the topics.
        prepared.tags.retain(|t| t.kind != TagKind::Topic || known.tags.iter().any(|k| k.key() == t.key()));
        // Stored, so that search stems by it and `lang:` filters by it; a page may declare it.
        // A photo with no caption has nothing in a language (its title is a file name).
        let wordless_photo = prepared.clipping.kind == Kind::Photo && prepared.clipping.caption.trim().is_empty();
        if prepared.clipping.language.is_empty() && !wordless_photo {
            prepared.clipping.language = language::language_of(&prepared.clipping);
        }
        // Suggestions are derived data: a suggester's panic costs the suggestions, not the file.
        let suggestions = quiet::catch_quietly(|| suggestions_for(&prepared.clipping, &prepared.tags, &[], known))
            .unwrap_or_default();
        let signature = (prepared.clipping.kind == Kind::Article)
            .then(|| crate::search::stories::signature(&prepared.clipping.body))
            .flatten();
        let Prepared { clipping, thumbnail_jpeg, tags } = prepared;
        let original = self.original_place(&clipping);
        let store_err = |e: Error| ImportError::Store(e.to_string());
        let mut written = Vec::new();
        if !original.exists() {
            write_unsynced(&original, |dest| copy_source(&source, dest)).map_err(store_err)?;
            written.push(original);
        } else if self.files_are_remote() {
            // A copy in a team archive's cache may be one a killed import never sent: it is
            // sent with the rest (the server keeps one it has as it is).
            written.push(original);
        }
        if let Some(jpeg) = &thumbnail_jpeg {
            let thumbnail = self.thumbnail_path(&clipping.hash);
            if let Err(e) = write_unsynced(&thumbnail, |dest| dest.write_all(jpeg)) {
                self.remove_unstored(&clipping.hash, &written);
                return Err(store_err(e));
            }
            written.push(thumbnail);
        }
        Ok(Step::Staged(Box::new(Staged { clipping, tags, suggestions, signature, written })))
    }

    /// A file already archived whose original or thumbnail has gone missing from the archive
    /// (deleted by hand, lost with a disk) puts them back: importing it again repairs. A PDF
    /// archived before PDFs had thumbnails gets its first page drawn the same way.
    fn restore_missing_files(
        &self,
        duplicate: Outcome,
        path: &Path,
        kind: FileKind,
        source: &Source,
        byte_size: u64,
    ) -> Result<Outcome, ImportError> {
        let Outcome::Duplicate { id, title } = duplicate else { return Ok(duplicate) };
        let Ok(existing) = self.get(id) else { return Ok(Outcome::Duplicate { id, title }) };
        let original = self.original_place(&existing);
        let wants_thumbnail = existing.kind == Kind::Photo || existing.has_thumbnail || existing.format == "pdf";
        let lost_original = !self.has_file(FileRole::Original, &existing);
        let lost_thumbnail = wants_thumbnail && !self.has_file(FileRole::Thumbnail, &existing);
        if !lost_original && !lost_thumbnail {
            return Ok(Outcome::Duplicate { id, title });
        }
        let store_err = |e: Error| ImportError::Store(e.to_string());
        if lost_original {
            write_atomically(&original, |dest| copy_source(source, dest)).map_err(store_err)?;
            self.keep_written(&[original.as_path()]).map_err(store_err)?;
        }
        let mut drawn = false;
        if lost_thumbnail
            && let Some(jpeg) = prepare_quietly(path, kind, source, &existing.hash, byte_size)?.thumbnail_jpeg
        {
            self.keep_thumbnail(&existing.hash, &jpeg).map_err(store_err)?;
            drawn = true;
            if !existing.has_thumbnail {
                self.update(&Clipping { has_thumbnail: true, ..existing }).map_err(store_err)?;
            }
        }
        Ok(if lost_original || drawn { Outcome::Restored { id, title } } else { Outcome::Duplicate { id, title } })
    }

    fn duplicate_outcome(&self, hash: &str) -> Option<Outcome> {
        let id = self.id_by_hash(hash)?;
        let title = self.title_of(id);
        Some(Outcome::Duplicate { id, title })
    }
}

/// Reads bytes as the import would read a file of this name, without storing anything: what a
/// fuzzer drives (`examples/fuzz.rs`). A decoder's panic is `ImportError::DecoderPanic`.
#[doc(hidden)]
pub fn read_without_storing(name: &str, bytes: Vec<u8>) -> Result<Clipping, ImportError> {
    let path = PathBuf::from(name);
    let kind = classify(&path).ok_or_else(|| unsupported(&path))?;
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let byte_size = bytes.len() as u64;
    prepare_quietly(&path, kind, &Source::Memory(bytes), &hash, byte_size).map(|p| p.clipping)
}

/// Writes a file's bytes (in memory, or streamed from disk) into `dest`.
fn copy_source(source: &Source, dest: &mut fs::File) -> std::io::Result<()> {
    match source {
        Source::Memory(bytes) => dest.write_all(bytes),
        Source::File(path) => std::io::copy(&mut files::open_regular(path)?.0, dest).map(|_| ()),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicBool;

    use crate::archive::disk::tests::FREE_BYTES;
    use crate::archive::{Archive, Error};

    #[test]
    fn a_full_disk_stops_the_import_before_it_starts_with_a_clear_error() {
        let tmp = tempfile::tempdir().unwrap();
        let archive = Archive::open(&tmp.path().join("archive")).unwrap();
        let inbox = tmp.path().join("inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        for i in 0..5 {
            std::fs::write(inbox.join(format!("{i}.txt")), format!("Story {i}\n{}", "text ".repeat(2000))).unwrap();
        }
        FREE_BYTES.set(Some(10 * 1024 * 1024));
        let err = archive.import(std::slice::from_ref(&inbox), &mut |_| {}, &AtomicBool::new(false)).unwrap_err();
        assert!(matches!(err, Error::DiskFull { needed_mb: 65, free_mb: 10, .. }), "{err:?}");
        assert!(err.to_string().starts_with("disk full: 65 MB needed, 10 MB free on "), "{err}");
        assert!(archive.all_clippings().unwrap().is_empty());
        let pasted = archive.import_bytes("Pasted.txt", b"Pasted story\nbody".to_vec());
        assert!(matches!(pasted, Err(Error::DiskFull { .. })));

        // Space freed: the same import goes through.
        FREE_BYTES.set(Some(1 << 40));
        let report = archive.import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap();
        assert_eq!(report.n_imported(), 5);
        FREE_BYTES.set(None);
    }
}
