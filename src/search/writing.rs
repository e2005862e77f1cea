//! Writing to the index: a clipping as a document, written and committed at once (a change,
//! an import's group) or in bulk and committed about once a second (a catch-up, a rebuild).

use std::sync::PoisonError;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use chrono::Local;
use rustc_hash::FxHashSet;
use tantivy::{TantivyDocument, Term};

use super::analysis::{fold_yo, searchable_fields};
use super::{Record, SearchIndex, day_number, keys};
use crate::vocab::language::language_of;
use crate::vocab::model::{Clipping, ClippingId};
use crate::vocab::{Error, Result};

/// How long a catch-up of many clippings writes between two commits
/// ([`SearchIndex::write_in_bulk`]): a second at first, as an import commits, so that the
/// first results show soon; then a fifth of the time the catch-up has run so far, up to
/// [`LONGEST_BULK_COMMIT`]. A commit makes segments of what came since the last, which the
/// index's merges then write again and again as they grow: a rebuild of a million clippings
/// that committed every second made some 200 segments and took 167-218 s of CPU, against
/// 150-156 s committing every ten seconds. Smaller segments are quicker to write, though: a
/// catch-up of a few seconds commits every second as before.
#[derive(Debug, Clone, Copy)]
pub struct BulkPace {
    started: Instant,
}

const FIRST_BULK_COMMIT: Duration = Duration::from_secs(1);
const LONGEST_BULK_COMMIT: Duration = Duration::from_secs(10);

/// A catch-up starting now.
impl Default for BulkPace {
    fn default() -> BulkPace {
        BulkPace::since(Instant::now())
    }
}

impl BulkPace {
    /// The pace of a catch-up that started at `started`.
    pub fn since(started: Instant) -> BulkPace {
        BulkPace { started }
    }

    /// How long after the last commit the next one is due.
    fn every(&self) -> Duration {
        (self.started.elapsed() / 5).clamp(FIRST_BULK_COMMIT, LONGEST_BULK_COMMIT)
    }
}

/// The ids written to an index made empty in this process ([`SearchIndex::create`]): such an
/// index holds documents of these and no others, so a clipping whose id is not among them
/// needs no delete of an older document. A rebuild writes every clipping once, and each
/// delete costs the commit a term looked up in every new segment, and a merge a pass.
#[derive(Debug, Default)]
pub(super) struct WrittenIds {
    /// Ids below [`WrittenIds::BITS_BELOW`], a bit each (a million is 128 KB).
    bits: Vec<u64>,
    others: FxHashSet<u64>,
}

impl WrittenIds {
    const BITS_BELOW: u64 = 1 << 26;

    /// Notes the id as written; whether it may have been written before.
    fn insert(&mut self, id: u64) -> bool {
        if id >= WrittenIds::BITS_BELOW {
            return !self.others.insert(id);
        }
        let Ok(at) = usize::try_from(id / 64) else { return true };
        if self.bits.len() <= at {
            self.bits.resize(at + 1, 0);
        }
        let Some(word) = self.bits.get_mut(at) else { return true };
        let bit = 1 << (id % 64);
        let before = *word & bit != 0;
        *word |= bit;
        before
    }
}

impl SearchIndex {
    fn document(&self, c: &Clipping) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.id, c.id.0);
        doc.add_text(f.kind, c.kind.as_str());
        let language = language_of(c);
        doc.add_text(f.lang, &language);
        doc.add_text(f.trashed, if c.trashed_at.is_some() { "yes" } else { "no" });
        if c.inbox {
            doc.add_text(f.inbox, "yes");
        }
        for keyword in &c.keywords {
            doc.add_text(f.keyword, keyword.trim().to_lowercase());
        }
        // Each text read for ё once: it goes to two or three fields.
        let texts = searchable_fields(c).map(fold_yo);
        let [title, body, caption, _, _, source, _, notes, _] = &texts;
        doc.add_text(f.source, source);
        doc.add_text(f.title, title);
        // A photo's keywords are found by their words too, as a caption's are.
        let keywords = c.keywords.join(", ");
        let keywords = fold_yo(&keywords);
        for text in texts.iter().chain([&keywords]).map(AsRef::as_ref).filter(|t| !t.is_empty()) {
            doc.add_text(f.all, text);
            doc.add_text(f.short_prefixes, text);
        }
        if let Some((_, field)) = f.stemmed.iter().find(|(code, _)| *code == language) {
            for text in [title, body, caption, notes].into_iter().filter(|t| !t.is_empty()) {
                doc.add_text(*field, text);
            }
        }
        doc.add_i64(f.date, day_number(c.date()));
        doc.add_i64(f.imported, day_number(c.imported_at.with_timezone(&Local).date_naive()));
        if !c.url.trim().is_empty() {
            doc.add_text(f.url, crate::vocab::address::canonical_text(&c.url));
        }
        doc
    }

    /// Replaces the clippings' documents (`None` for a clipping that no longer exists) and
    /// commits. Until the commit returns, nothing of it is visible or durable.
    pub fn replace(&self, clippings: &[(ClippingId, Record)]) -> Result<()> {
        self.guarded(|| {
            self.try_write(clippings)?;
            self.try_commit()
        })
    }

    /// Writes the clippings' documents as [`SearchIndex::replace`] does, and commits everything
    /// written so far once the catch-up's `pace` says so: a catch-up of many clippings, written
    /// a batch at a time. Returns whether it committed; until then, nothing written is visible
    /// or durable. [`SearchIndex::commit`] commits the rest.
    pub fn write_in_bulk(&self, clippings: &[(ClippingId, Record)], pace: &BulkPace) -> Result<bool> {
        self.guarded(|| {
            self.try_write(clippings)?;
            let due = self.last_commit.lock().unwrap_or_else(PoisonError::into_inner).elapsed() >= pace.every();
            if due {
                self.try_commit()?;
            }
            Ok(due)
        })
    }

    /// Commits what was written: it becomes visible to searches and durable.
    pub fn commit(&self) -> Result<()> {
        self.guarded(|| self.try_commit())
    }

    fn try_write(&self, clippings: &[(ClippingId, Record)]) -> Result<()> {
        // Counted first: a write that fails half way may have changed what a table read
        // elsewhere would have to hold.
        self.tag_changes.fetch_add(1, Ordering::SeqCst);
        // Tantivy's own threads tokenize and write the documents.
        let docs: Vec<(ClippingId, Option<TantivyDocument>)> = clippings
            .iter()
            .map(|(id, record)| (*id, record.as_ref().map(|(clipping, _)| self.document(clipping))))
            .collect();
        let mut guard = self.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(writer) = guard.as_mut() else {
            return Err(Error::Index { path: self.dir.clone(), reason: "the index is closing".to_owned() });
        };
        let mut written = self.written_ids.lock().unwrap_or_else(PoisonError::into_inner);
        for (id, doc) in docs {
            if written.as_mut().is_none_or(|written| written.insert(id.0)) {
                writer.delete_term(Term::from_field_u64(self.fields.id, id.0));
            }
            if let Some(doc) = doc {
                writer.add_document(doc).map_err(|e| self.err(e))?;
            }
        }
        drop(written);
        drop(guard);
        // Their tags go into the table now, under the archive's `index_lock` as a tag edit does:
        // taken in at a later commit, they would undo an edit made in between. The table only
        // narrows what a search finds, so a clipping not committed yet stays unfound.
        let tags = clippings.iter().map(|(id, record)| (*id, record.as_ref().map(|(_, tags)| keys(tags))));
        if let Some(table) = self.tags_mut().as_mut() {
            table.set(tags);
        }
        Ok(())
    }

    fn try_commit(&self) -> Result<()> {
        let mut guard = self.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(writer) = guard.as_mut() else {
            return Err(Error::Index { path: self.dir.clone(), reason: "the index is closing".to_owned() });
        };
        writer.commit().map_err(|e| self.err(e))?;
        *self.last_commit.lock().unwrap_or_else(PoisonError::into_inner) = std::time::Instant::now();
        drop(guard);
        self.reader.reload().map_err(|e| self.err(e))
    }
}
