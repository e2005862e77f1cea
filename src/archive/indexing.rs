//! Keeping the search index in step with the database, and searching through the archive.
//! Every change to a clipping or its tags marks the clipping in the database as waiting for the
//! index (`index_pending`, with the change's sequence number), before and after the change,
//! and indexes it before returning; [`Archive::sync_index`] works through a backlog. Either
//! re-indexes, commits, and only then clears the marks of the changes it indexed. A process
//! killed at any moment therefore leaves marks for whatever the index may lack, and the next
//! open catches up.

use std::sync::PoisonError;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::archive::Archive;
use crate::archive::catalog::Catalog;
use crate::search::analysis::sort_by_title;
use crate::search::query::{Query, Sort};
use crate::search::tags::TagTable;
use crate::search::{BATCH, BulkPace, SearchIndex, SearchResults};
use crate::vocab::model::{Clipping, ClippingId, Tag};
use crate::vocab::{Error, Result};

/// How often a catch-up says how far it is.
const PROGRESS_EVERY: Duration = Duration::from_secs(1);

impl Archive {
    /// The clippings that match a query, in the order asked for.
    pub fn search(&self, query: &Query, sort: Sort) -> Result<Vec<Clipping>> {
        let ids = self.search_ids(query, sort)?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            match self.get(id) {
                Ok(c) => out.push(c),
                // The index may lag a delete by a moment; the database has the last word.
                Err(Error::NoSuchClipping(_)) => {}
                Err(e) => return Err(e),
            }
        }
        if sort == Sort::Title {
            sort_by_title(&mut out, |c| &c.title);
        }
        Ok(out)
    }

    /// The clippings that match a query string, best first; see [`Query::parse`].
    pub fn search_str(&self, query: &str) -> Result<Vec<Clipping>> {
        self.search(&Query::parse(query), Sort::Relevance)
    }

    /// The ids of the clippings that match, in the order asked for ([`Sort::Title`] gives
    /// newest first). Reads only the index.
    pub fn search_ids(&self, query: &Query, sort: Sort) -> Result<Vec<ClippingId>> {
        if asks_for_tags(query) {
            self.load_tags()?;
        }
        let named = self.with_named_tags(query)?;
        let query = named.as_ref().unwrap_or(query);
        self.with_index(|index| index.search(query, sort))
    }

    /// [`Archive::search_ids`] with how many of the results carry each tag (by tag key). Until
    /// the table of tags is read ([`Archive::load_tags`]), a search that names no tag is
    /// answered without them (`tags_pending`): the first results of a million clippings do not
    /// wait for their tags.
    pub fn search_with_tag_counts(&self, query: &Query, sort: Sort) -> Result<SearchResults> {
        if asks_for_tags(query) {
            self.load_tags()?;
        }
        let named = self.with_named_tags(query)?;
        let query = named.as_ref().unwrap_or(query);
        self.with_index(|index| index.search_with_tag_counts(query, sort))
    }

    /// The search index's files a search reads, for reading them ahead
    /// ([`crate::search::read_ahead`]) once the archive is open.
    pub fn searched_files(&self) -> Vec<std::path::PathBuf> {
        self.index.read().unwrap_or_else(PoisonError::into_inner).searched_files()
    }

    /// Whether the index's table of tags is read, so that searches count the tags.
    pub fn tags_loaded(&self) -> bool {
        self.index.read().unwrap_or_else(PoisonError::into_inner).has_tags()
    }

    /// Reads which clippings carry each tag into the index's table, once (a million tag links
    /// took 10-20 s from sled, so not before the first results are shown). A search by a tag
    /// calls it; a window calls it early on a thread of its own.
    pub fn load_tags(&self) -> Result<()> {
        if self.index.read().unwrap_or_else(PoisonError::into_inner).has_tags() {
            return Ok(());
        }
        // Tag edits and indexing change the table holding this lock: none can come between
        // reading the database and putting the table in place.
        let _one_at_a_time = self.index_lock.lock().unwrap_or_else(PoisonError::into_inner);
        let index = self.index.read().unwrap_or_else(PoisonError::into_inner);
        if !index.has_tags() {
            index.load_tags(TagTable::new(self.store.tag_postings()?));
        }
        Ok(())
    }

    /// How many changes of tags the index was told of so far: counted before reading a
    /// catalog whose tags [`Archive::load_tags_from`] may then take.
    pub fn tag_changes(&self) -> u64 {
        self.index.read().unwrap_or_else(PoisonError::into_inner).tag_changes()
    }

    /// Takes the table of tags from a catalog read after `seen` was counted
    /// ([`Archive::tag_changes`]), if no tag has changed since: the catalog holds every
    /// clipping's tags as the database has them, where reading them from sled took 11-17 s at
    /// a million clippings and left 150 MB in its cache. Returns whether the table is in
    /// place; when not, [`Archive::load_tags`] reads it from the database.
    pub fn load_tags_from(&self, catalog: &Catalog, seen: u64) -> bool {
        let _one_at_a_time = self.index_lock.lock().unwrap_or_else(PoisonError::into_inner);
        let index = self.index.read().unwrap_or_else(PoisonError::into_inner);
        if index.has_tags() {
            return true;
        }
        if index.tag_changes() != seen {
            return false;
        }
        index.load_tags(TagTable::new(catalog.tag_postings()));
        true
    }

    /// Runs `f` on the index. If the index fails (damaged files, a write that was cut short),
    /// it is made anew from the database and `f` runs once more: the index is derived, so no
    /// failure of it may stop the archive from working.
    fn with_index<T>(&self, f: impl Fn(&SearchIndex) -> Result<T>) -> Result<T> {
        let first = f(&self.index.read().unwrap_or_else(PoisonError::into_inner));
        match first {
            Err(e) if e.is_disk_full() => Err(e),
            Err(Error::Index { .. }) => {
                self.rebuild_index()?;
                self.load_tags()?;
                f(&self.index.read().unwrap_or_else(PoisonError::into_inner))
            }
            other => other,
        }
    }

    /// Puts an empty index in place of the current one (moved aside, then removed), marks
    /// every clipping for indexing and indexes them all. Used when the index has failed.
    pub fn rebuild_index(&self) -> Result<()> {
        let dir = self.data.join("index");
        {
            let mut index = self.index.write().unwrap_or_else(PoisonError::into_inner);
            index.close();
            let aside = self.data.join("index.damaged");
            let _ = std::fs::remove_dir_all(&aside);
            let moved = std::fs::rename(&dir, &aside).is_ok();
            *index = SearchIndex::create(&dir)?;
            if moved {
                let _ = std::fs::remove_dir_all(&aside);
            }
        }
        self.store.mark_all_index_pending()?;
        self.store.flush()?;
        self.index.read().unwrap_or_else(PoisonError::into_inner).mark_complete()?;
        let pending = self.store.index_pending()?;
        self.try_index_in_bulk(&pending, &mut |_, _| {}, &AtomicBool::new(false))?;
        self.store.flush()
    }

    /// How many clippings the search index holds.
    pub fn n_indexed(&self) -> Result<u64> {
        self.with_index(|index| Ok(index.n_docs()))
    }

    /// Which commit of the index searches see: it changes when they would find more or other
    /// clippings, and only then (a window searches again while a catch-up runs).
    pub fn index_generation(&self) -> u64 {
        self.index.read().unwrap_or_else(PoisonError::into_inner).generation()
    }

    /// How many clippings wait to be (re-)indexed.
    pub fn n_index_pending(&self) -> Result<usize> {
        self.store.n_index_pending()
    }

    /// Brings the index up to date with the database: re-indexes every clipping changed since
    /// it was last indexed, in batches, calling `progress(n_written, n_total)` about once a
    /// second ([`Archive::index_generation`] says when searches see more).
    /// Returns how many were re-indexed. Safe to interrupt: what is not done stays marked.
    /// Changes made meanwhile index themselves between two batches.
    pub fn sync_index(&self, progress: &mut dyn FnMut(usize, usize), cancel: &AtomicBool) -> Result<usize> {
        let pending = self.store.index_pending()?;
        let n_done = match self.try_index_in_bulk(&pending, progress, cancel) {
            // As for one change (`index_marked`): a full disk leaves the marks, a failing
            // index is made anew, with everything marked.
            Err(e) if e.is_disk_full() => return Err(e),
            Err(Error::Index { .. }) => {
                self.rebuild_index()?;
                pending.len()
            }
            other => other?,
        };
        if n_done > 0 {
            self.store.flush()?;
        }
        Ok(n_done)
    }

    /// Re-indexes marked clippings a batch at a time, committing at the pace of a long
    /// catch-up ([`BulkPace`]: after a second, then less and less often) rather than after each
    /// batch, and at the end or when stopped; after each commit it clears the marks of what it
    /// committed. It calls `progress(n_written, n_total)` about once a second and after the
    /// last commit: what is written and not committed yet is committed if it is stopped.
    /// Returns how many it indexed. One writer at a time, a batch at a time: an edit waits for
    /// one batch, not for all of it (and its commit takes this one's batches with it, their
    /// marks cleared at this one's next commit).
    fn try_index_in_bulk(
        &self,
        marked: &[(ClippingId, u64)],
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> Result<usize> {
        // `marked[n_committed..n_written]` is written and waits for a commit.
        let mut n_committed = 0;
        let mut n_written = 0;
        let pace = BulkPace::default();
        let mut last_progress = Instant::now();
        let cleared = |n_committed: &mut usize, n_written: usize| -> Result<()> {
            self.store.clear_index_pending(marked.get(*n_committed..n_written).unwrap_or_default())?;
            *n_committed = n_written;
            Ok(())
        };
        for batch in marked.chunks(BATCH) {
            if cancel.load(Ordering::Relaxed) || self.indexing_stopped.load(Ordering::Relaxed) {
                break;
            }
            let committed = {
                let _one_at_a_time = self.index_lock.lock().unwrap_or_else(PoisonError::into_inner);
                let records = self.records_to_index(batch)?;
                self.index.read().unwrap_or_else(PoisonError::into_inner).write_in_bulk(&records, &pace)?
            };
            n_written += batch.len();
            if committed {
                cleared(&mut n_committed, n_written)?;
            }
            if committed || last_progress.elapsed() >= PROGRESS_EVERY {
                progress(n_written, marked.len());
                last_progress = Instant::now();
            }
        }
        if n_committed < n_written {
            {
                let _one_at_a_time = self.index_lock.lock().unwrap_or_else(PoisonError::into_inner);
                self.index.read().unwrap_or_else(PoisonError::into_inner).commit()?;
            }
            cleared(&mut n_committed, n_written)?;
            progress(n_written, marked.len());
        }
        Ok(n_committed)
    }

    /// From now on, a change to more than `limit` clippings (a tag added to 100,000) returns
    /// once the database has it, and leaves its indexing to [`Archive::sync_index`]: its marks
    /// say what the index lacks. The window does this, and catches up on a thread of its own
    /// while it answers searches; the command line indexes every change before it returns.
    pub fn defer_indexing_above(&self, limit: usize) {
        self.index_inline_limit.store(limit, std::sync::atomic::Ordering::Relaxed);
    }

    /// Stops the index's catching up after the batch it is at, and any started later: the
    /// window calls this as it closes, so that the threads let go of the archive. The marks
    /// keep what is left for the next opening.
    pub fn stop_background_indexing(&self) {
        self.indexing_stopped.store(true, Ordering::Relaxed);
    }

    /// Catches the index up with every change it lacks ([`Archive::sync_index`]), unless
    /// another thread is at it already: then `None` at once, and that thread takes up the
    /// changes made meanwhile before it ends. A window calls it on a thread of its own after
    /// opening, after a large edit and when another desktop changed a team archive; searches
    /// go on meanwhile and find what is indexed so far. `Some(n)`: how many were indexed.
    pub fn catch_up_index(&self, progress: &mut dyn FnMut(usize, usize), cancel: &AtomicBool) -> Result<Option<usize>> {
        if !self.start_catching_up() {
            return Ok(None);
        }
        let mut n_indexed = 0;
        loop {
            let pass = self.sync_index(progress, cancel);
            self.stop_catching_up();
            let pass = pass?;
            if pass > 0 {
                // The changes may be another desktop's, naming or renaming a tag.
                self.forget_named_tags();
            }
            n_indexed += pass;
            // A change that came while the pass ran found the claim taken: take it up here,
            // unless another thread claimed it since.
            let stopped = cancel.load(Ordering::Relaxed) || self.indexing_stopped.load(Ordering::Relaxed);
            let more = !stopped && self.n_index_pending()? > 0;
            if !(more && self.start_catching_up()) {
                return Ok(Some(n_indexed));
            }
        }
    }

    /// Claims the catching up of the index: false when another thread has it.
    fn start_catching_up(&self) -> bool {
        !self.catching_up.swap(true, std::sync::atomic::Ordering::AcqRel)
    }

    fn stop_catching_up(&self) {
        self.catching_up.store(false, std::sync::atomic::Ordering::Release);
    }

    /// Indexes the change just made to these clippings, before the call that made it returns:
    /// a search right after it finds it. A backlog of other clippings is left to
    /// [`Archive::sync_index`].
    pub(crate) fn index_changed(&self, ids: &[ClippingId]) -> Result<()> {
        if ids.len() > self.index_inline_limit.load(std::sync::atomic::Ordering::Relaxed) {
            return Ok(());
        }
        let marked = self.store.index_marks_of(ids)?;
        for batch in marked.chunks(BATCH) {
            self.index_marked(batch)?;
        }
        Ok(())
    }

    /// Re-indexes marked clippings as the database has them now, commits, then clears the marks
    /// that were indexed. An index that fails is rebuilt.
    fn index_marked(&self, marked: &[(ClippingId, u64)]) -> Result<()> {
        match self.try_index_marked(marked) {
            // A full disk is no damage: the index stays, the marks stay, and the catch-up after
            // space is freed indexes what is missing. Building it again could not even start.
            Err(e) if e.is_disk_full() => Err(e),
            Err(Error::Index { .. }) => self.rebuild_index(),
            other => other,
        }
    }

    /// Indexes clippings just stored, from the records in hand rather than read back from the
    /// database: `(id, the sequence number its insert marked it with, clipping, tags)`. One
    /// changed since (a newer mark) is read from the database; one already indexed by its change
    /// (no mark) is left. Returns the marks of what it indexed, for the caller to clear with
    /// [`Archive::clear_index_marks`]: an import clears them on the thread that stores, as
    /// sled 0.34 can hang when two threads write a burst at once.
    pub(crate) fn index_fresh(
        &self,
        fresh: Vec<(ClippingId, u64, Clipping, Vec<Tag>)>,
    ) -> Result<Vec<(ClippingId, u64)>> {
        let mut fresh = fresh;
        let mut indexed = Vec::new();
        while !fresh.is_empty() {
            let rest = fresh.split_off(fresh.len().min(BATCH));
            let batch = std::mem::replace(&mut fresh, rest);
            let ids: Vec<ClippingId> = batch.iter().map(|(id, ..)| *id).collect();
            match self.try_index_fresh(batch) {
                Err(e) if e.is_disk_full() => return Err(e),
                // A failing index is made anew from the database, as for any change; the
                // batch's marks are still there for it.
                Err(Error::Index { .. }) => {
                    let marked = self.store.index_marks_of(&ids)?;
                    self.index_marked(&marked)?;
                }
                other => indexed.extend(other?),
            }
        }
        Ok(indexed)
    }

    /// Clears the marks of changes the index now has (see [`Archive::index_fresh`]).
    pub(crate) fn clear_index_marks(&self, indexed: &[(ClippingId, u64)]) -> Result<()> {
        self.store.clear_index_pending(indexed)
    }

    fn try_index_fresh(&self, batch: Vec<(ClippingId, u64, Clipping, Vec<Tag>)>) -> Result<Vec<(ClippingId, u64)>> {
        let _one_at_a_time = self.index_lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let ids: Vec<ClippingId> = batch.iter().map(|(id, ..)| *id).collect();
        let marks: std::collections::HashMap<ClippingId, u64> = self.store.index_marks_of(&ids)?.into_iter().collect();
        let mut records = Vec::with_capacity(batch.len());
        let mut indexed = Vec::with_capacity(batch.len());
        for (id, seq, clipping, tags) in batch {
            let Some(&mark) = marks.get(&id) else { continue };
            let record = if mark == seq {
                Some((clipping, tags))
            } else {
                // Changed since it was stored: as the database has it now.
                match self.store.get(id)? {
                    Some(c) => Some((c, self.store.tags_of(id)?)),
                    None => None,
                }
            };
            records.push((id, record));
            indexed.push((id, mark));
        }
        if !records.is_empty() {
            self.index.read().unwrap_or_else(PoisonError::into_inner).replace(&records)?;
        }
        Ok(indexed)
    }

    fn try_index_marked(&self, marked: &[(ClippingId, u64)]) -> Result<()> {
        // One writer at a time, a batch at a time: an edit waits for one batch of a rebuild,
        // not for all of it.
        let _one_at_a_time = self.index_lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let records = self.records_to_index(marked)?;
        self.index.read().unwrap_or_else(PoisonError::into_inner).replace(&records)?;
        self.store.clear_index_pending(marked)
    }

    /// The records of marked clippings as the database has them now.
    fn records_to_index(&self, marked: &[(ClippingId, u64)]) -> Result<Vec<(ClippingId, crate::search::Record)>> {
        let ids: Vec<ClippingId> = marked.iter().map(|(id, _)| *id).collect();
        let records = self.store.records(&ids)?;
        // A team archive's thumbnails come with its records: derived, so a failure leaves the
        // grid without them, not the index behind.
        let shown: Vec<&Clipping> = records.iter().filter_map(|(_, r)| r.as_ref().map(|(c, _)| c)).collect();
        let _ = self.cache_thumbnails(&shown);
        Ok(records)
    }
}

/// Whether a query names a tag anywhere, and so needs the table of tags to be answered.
fn asks_for_tags(query: &Query) -> bool {
    !query.tags.is_empty()
        || query.excluded_filters.as_deref().is_some_and(asks_for_tags)
        || query.groups.iter().any(|g| g.alternatives.iter().any(asks_for_tags))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::store::Inserted;
    use crate::vocab::model::{Kind, TagKind};
    use crate::vocab::tags;

    fn stored(archive: &Archive, title: &str) -> (ClippingId, u64, Clipping) {
        let mut clipping = Clipping {
            title: title.to_owned(),
            body: format!("{title}. Ministers met in Brussels to discuss the Middle Corridor."),
            hash: blake3::hash(title.as_bytes()).to_hex().to_string(),
            kind: Kind::Article,
            format: "txt".to_owned(),
            ..Clipping::default()
        };
        let inserted = archive.store.insert_clippings(&[(&clipping, &[])]);
        let Ok(&[Inserted::New(id, seq)]) = inserted.as_deref() else {
            panic!("the clipping is stored");
        };
        clipping.id = id;
        (id, seq, clipping)
    }

    /// What an import does with a stored group: index it, then clear the marks.
    fn index_fresh(archive: &Archive, fresh: Vec<(ClippingId, u64, Clipping, Vec<Tag>)>) {
        let indexed = archive.index_fresh(fresh).expect("indexed");
        archive.clear_index_marks(&indexed).expect("marks cleared");
    }

    fn found(archive: &Archive, query: &str) -> Vec<ClippingId> {
        archive.search_ids(&Query::parse(query), Sort::Relevance).unwrap_or_default()
    }

    /// An import indexes what it stored from the records in hand. A clipping tagged in the
    /// meantime must be found by its tag all the same, whether the tagging was indexed first
    /// or is still waiting.
    #[test]
    fn a_clipping_changed_between_storing_and_indexing_is_found_as_changed() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let archive = Archive::open(dir.path()).expect("archive");
        let energy = tags::resolve(TagKind::Topic, "Energy").expect("tag");

        // Tagged and indexed by the tagging before the import's indexer comes to it.
        let (first, seq, record) = stored(&archive, "Brussels talks");
        archive.add_tag(&energy, &[first]).expect("tagged");
        index_fresh(&archive, vec![(first, seq, record, Vec::new())]);
        assert_eq!(found(&archive, "topic:energy"), vec![first]);

        // Tagged in the database but not indexed yet: its newer mark is there.
        let (second, seq, record) = stored(&archive, "Caspian shipping");
        archive.store.add_tag(&energy, &[second]).expect("tagged");
        index_fresh(&archive, vec![(second, seq, record, Vec::new())]);
        let mut both = found(&archive, "topic:energy");
        both.sort();
        assert_eq!(both, vec![first, second]);
        assert_eq!(archive.n_index_pending().expect("marks"), 0, "every mark is cleared once indexed");

        // Not changed: indexed from the record in hand.
        let (third, seq, record) = stored(&archive, "Aktau port");
        index_fresh(&archive, vec![(third, seq, record, Vec::new())]);
        assert_eq!(found(&archive, "aktau"), vec![third]);
        assert_eq!(archive.n_index_pending().expect("marks"), 0);
    }

    /// A tag edit writes no document again: the index's table of tags has it at once, with
    /// the counts of a search and the clippings without it, and an archive opened again reads
    /// the table from the database.
    #[test]
    fn a_tag_is_found_at_once_without_indexing_and_again_after_reopening() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let energy = tags::resolve(TagKind::Topic, "Energy").expect("tag");
        let ids = {
            let archive = Archive::open(dir.path()).expect("archive");
            // A document written again would be left to a catch-up, and not be found below.
            archive.defer_indexing_above(0);
            let fresh: Vec<_> = (0..4)
                .map(|i| {
                    let (id, seq, clipping) = stored(&archive, &format!("Story {i}"));
                    (id, seq, clipping, Vec::new())
                })
                .collect();
            let ids: Vec<ClippingId> = fresh.iter().map(|(id, ..)| *id).collect();
            index_fresh(&archive, fresh);
            assert!(found(&archive, "topic:energy").is_empty());
            assert_eq!(archive.add_tag(&energy, &ids[..3]).expect("tagged"), 3);
            assert_eq!(archive.n_index_pending().expect("marks"), 0, "no document waits for the index");
            let mut tagged = found(&archive, "topic:energy");
            tagged.sort();
            assert_eq!(tagged, ids[..3]);
            archive.remove_tag(&energy, &ids[..1]).expect("untagged");
            let mut without = found(&archive, "story -topic:energy");
            without.sort();
            assert_eq!(without, [ids[0], ids[3]]);
            let results = archive.search_with_tag_counts(&Query::parse("story"), Sort::Newest).expect("search");
            assert_eq!(results.tag_counts, [(energy.key(), 2)]);
            ids
        };
        let archive = Archive::open(dir.path()).expect("opened again");
        let n_energy = |archive: &Archive| {
            archive.tags().expect("tags").iter().find(|t| t.tag.key() == energy.key()).map(|t| t.n_clippings)
        };
        assert_eq!(n_energy(&archive), Some(2), "counted by the database before the table is read");
        let first = archive.search_with_tag_counts(&Query::parse("story"), Sort::Newest).expect("search");
        assert!(first.tags_pending && first.tag_counts.is_empty(), "a search naming no tag waits for no table");
        assert_eq!(first.ids.len(), 4);
        let mut tagged = found(&archive, "topic:energy");
        tagged.sort();
        assert_eq!(tagged, ids[1..3]);
        let counted = archive.search_with_tag_counts(&Query::parse("story"), Sort::Newest).expect("search");
        assert!(!counted.tags_pending);
        assert_eq!(counted.tag_counts, [(energy.key(), 2)]);
        archive.remove_tag(&energy, &ids[1..2]).expect("untagged");
        assert_eq!(n_energy(&archive), Some(1), "counted by the table");
    }

    /// The table of tags taken from a catalog holds what the database holds, the trash too;
    /// one read before a tag changed is refused, and the database is read instead.
    #[test]
    fn the_table_of_tags_comes_from_a_catalog_read_before_any_tag_changed() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let energy = tags::resolve(TagKind::Topic, "Energy").expect("tag");
        let trade = tags::resolve(TagKind::Topic, "Trade").expect("tag");
        let ids = {
            let archive = Archive::open(dir.path()).expect("archive");
            let ids: Vec<ClippingId> = (0..5).map(|i| stored(&archive, &format!("Story {i}")).0).collect();
            archive.add_tag(&energy, &ids[..3]).expect("tagged");
            archive.add_tag(&trade, &ids[2..]).expect("tagged");
            archive.trash(&ids[4..]).expect("trashed");
            ids
        };
        let counts = |archive: &Archive| {
            let results = archive.search_with_tag_counts(&Query::parse("story"), Sort::Newest).expect("search");
            assert!(!results.tags_pending, "the table is in place");
            let mut counts = results.tag_counts;
            counts.sort();
            counts
        };

        let archive = Archive::open(dir.path()).expect("opened again");
        let seen = archive.tag_changes();
        let (catalog, _) = archive.catalog().expect("catalog");
        assert!(archive.load_tags_from(&catalog, seen));
        assert_eq!(counts(&archive), [(energy.key(), 3), (trade.key(), 2)]);
        let mut traded = found(&archive, "topic:trade in:trash");
        traded.extend(found(&archive, "topic:trade"));
        traded.sort();
        assert_eq!(traded, ids[2..], "the trash's tags are in the table too");
        // A table in place stays: the catalog is not taken again.
        assert!(archive.load_tags_from(&catalog, seen + 1));
        drop(archive);

        let archive = Archive::open(dir.path()).expect("opened again");
        let seen = archive.tag_changes();
        let (catalog, _) = archive.catalog().expect("catalog");
        archive.remove_tag(&energy, &ids[..1]).expect("untagged after the catalog was read");
        assert!(!archive.load_tags_from(&catalog, seen), "the catalog no longer holds the database's tags");
        archive.load_tags().expect("read from the database");
        assert_eq!(counts(&archive), [(energy.key(), 2), (trade.key(), 2)]);
    }

    /// A large edit leaves its indexing to whoever catches up; one thread at a time does, and
    /// it takes up a change that came while it ran.
    #[test]
    fn one_thread_catches_the_index_up_with_changes_made_meanwhile() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let archive = Archive::open(dir.path()).expect("archive");
        archive.defer_indexing_above(1);
        let ids: Vec<ClippingId> = (0..3).map(|i| stored(&archive, &format!("Story {i}")).0).collect();
        archive.trash(&ids).expect("trashed");
        assert_eq!(archive.n_index_pending().expect("marks"), 3);
        assert!(found(&archive, "in:trash").is_empty(), "left to the catching up");

        // Another thread holds the claim: this one leaves it to that one.
        assert!(archive.start_catching_up());
        assert_eq!(archive.catch_up_index(&mut |_, _| {}, &AtomicBool::new(false)).expect("no error"), None);
        archive.stop_catching_up();

        // A change made while the pass runs (here: at its first progress) is taken up too.
        let mut restored_meanwhile = false;
        let mut progress = |_, _| {
            if !std::mem::replace(&mut restored_meanwhile, true) {
                archive.restore(&ids[..2]).expect("restored meanwhile");
            }
        };
        let n = archive.catch_up_index(&mut progress, &AtomicBool::new(false)).expect("caught up");
        assert_eq!(n, Some(5), "three, then the two restored meanwhile");
        assert_eq!(archive.n_index_pending().expect("marks"), 0);
        assert_eq!(found(&archive, "in:trash"), [ids[2]]);
        assert_eq!(found(&archive, "story").len(), 2);
    }
}
