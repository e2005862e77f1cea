//! An in-memory view of the whole archive for browsing: every clipping with its tags, newest
//! first. The window keeps one on its worker thread, turns the search index's hits into entries
//! as the user types and updates it entry by entry after edits, instead of reading the database
//! for every keystroke. The database stays the store of record.

use std::collections::HashMap;
use std::sync::Arc;

use crate::archive::Archive;
use crate::archive::Result;
pub use crate::archive::card::Card;
use crate::search::analysis;
use crate::search::query::Sort;
use crate::vocab::model::{Clipping, ClippingId, Tag, TagCount, TagKind};

mod file;
pub use file::{CatalogSave, REWRITE_CATALOG_ABOVE};

/// What the catalog needs of a record read for it ([`Card::of`]): of its text only whether it
/// has one (a PDF without is a scan), none of its site furniture or its picture's words.
pub(super) fn drop_texts(clipping: &mut Clipping) {
    let has_text = !clipping.body.trim().is_empty();
    clipping.body = if has_text { String::from(".") } else { String::new() };
    clipping.boilerplate = String::new();
    if let Some(ocr) = &mut clipping.ocr {
        ocr.words = Vec::new();
    }
}

/// One clipping as the browser shows it: its card, and its whole record where that was read.
#[derive(Debug, Clone)]
pub struct Entry {
    pub card: Card,
    /// The whole clipping, where it was read: a search's first results (for their snippets), a
    /// command's. The catalog's entries have only their card.
    whole: Option<Box<Clipping>>,
    /// Its tags, shared with every entry that has the same ones ([`Catalog`] makes them one).
    tag_set: Arc<TagSet>,
}

/// A clipping's tags with what the browser shows of them. Most clippings share their tags with
/// many others (the same one or two countries): the catalog keeps each set once, where 100,000
/// copies held 60 MB.
#[derive(Debug, Default, PartialEq)]
struct TagSet {
    tags: Vec<Tag>,
    keys: Vec<String>,
    /// Countries as codes, topics and events as names, each comma-separated, for display.
    countries: String,
    topics: String,
    events: String,
}

impl TagSet {
    fn new(tags: Vec<Tag>) -> TagSet {
        let list = |kind: TagKind| {
            tags.iter()
                .filter(|t| t.kind == kind)
                .map(|t| if kind == TagKind::Country { t.value.as_str() } else { t.name.as_str() })
                .collect::<Vec<_>>()
                .join(", ")
        };
        TagSet {
            countries: list(TagKind::Country),
            topics: list(TagKind::Topic),
            events: list(TagKind::Event),
            keys: tags.iter().map(Tag::key).collect(),
            tags,
        }
    }
}

impl Entry {
    pub fn new(clipping: Clipping, tags: Vec<Tag>) -> Entry {
        Entry::with_suggested(clipping, tags, &[])
    }

    /// An entry whose clipping has open suggestions of these kinds, with the whole record.
    pub fn with_suggested(clipping: Clipping, tags: Vec<Tag>, suggested: &[TagKind]) -> Entry {
        let mut entry = Entry::of_card(Card::of(&clipping), tags, suggested);
        entry.whole = Some(Box::new(clipping));
        entry
    }

    /// An entry that keeps only the clipping's card (see [`Card`]): what the catalog holds of
    /// every clipping. The detail pane reads the whole clipping; the window fills in the whole
    /// record of a search's first results once the worker has read them, for their snippets.
    pub fn light(clipping: Clipping, tags: Vec<Tag>, suggested: &[TagKind]) -> Entry {
        Entry::of_card(Card::of(&clipping), tags, suggested)
    }

    fn of_card(mut card: Card, tags: Vec<Tag>, suggested: &[TagKind]) -> Entry {
        // The kinds of tag the clipping has open suggestions of, one bit each, in its card (the
        // bulk pane offers to accept them). The suggestions themselves, with their evidence,
        // are read when the pane shows the clipping: 100,000 clippings' would hold 60 MB.
        card.suggested = suggested.iter().fold(0, |bits, kind| bits | kind_bit(*kind));
        Entry { card, whole: None, tag_set: Arc::new(TagSet::new(tags)) }
    }

    /// This entry with the whole record of its clipping.
    pub fn completed(&self, clipping: Clipping) -> Entry {
        let mut card = Card::of(&clipping);
        card.suggested = self.card.suggested;
        Entry { card, whole: Some(Box::new(clipping)), ..self.clone() }
    }

    /// The whole clipping, where it was read (see [`Entry::whole`]).
    pub fn clipping(&self) -> Option<&Clipping> {
        self.whole.as_deref()
    }

    /// Whether the whole record is here, its text with it.
    pub fn is_complete(&self) -> bool {
        self.whole.is_some()
    }

    pub fn tags(&self) -> &[Tag] {
        &self.tag_set.tags
    }

    /// The countries' codes, comma-separated ("BE, KZ").
    pub fn countries(&self) -> &str {
        &self.tag_set.countries
    }

    /// The topics' names, comma-separated.
    pub fn topics(&self) -> &str {
        &self.tag_set.topics
    }

    /// The events' names, comma-separated.
    pub fn events(&self) -> &str {
        &self.tag_set.events
    }

    /// The kinds of tag the clipping has open suggestions of.
    pub fn suggested_kinds(&self) -> Vec<TagKind> {
        TagKind::ALL.into_iter().filter(|kind| self.card.suggested & kind_bit(*kind) != 0).collect()
    }

    pub fn id(&self) -> ClippingId {
        self.card.id
    }

    /// The clipping's stored language (`en-GB` -> `en`), for highlighting matches the index's
    /// way (detecting it here for clippings of older versions would slow down opening a large
    /// archive).
    pub fn language(&self) -> std::borrow::Cow<'_, str> {
        let stored = self.card.language();
        if stored.chars().all(|c| c.is_ascii_lowercase()) {
            return std::borrow::Cow::Borrowed(stored);
        }
        std::borrow::Cow::Owned(crate::vocab::language::declared(stored))
    }

    pub fn has_tag(&self, tag: &Tag) -> bool {
        let key = tag.key();
        self.tag_set.keys.contains(&key)
    }
}

/// Makes entries with the same tags share one [`TagSet`].
#[derive(Debug, Clone, Default)]
struct TagSets(HashMap<Vec<String>, Arc<TagSet>>);

impl TagSets {
    /// The set the catalog keeps for these tags: this one, unless it has one equal to it.
    fn shared(&mut self, set: TagSet) -> Arc<TagSet> {
        match self.0.get(&set.keys) {
            Some(shared) if **shared == set => Arc::clone(shared),
            _ => {
                let set = Arc::new(set);
                self.0.insert(set.keys.clone(), Arc::clone(&set));
                set
            }
        }
    }

    fn share(&mut self, entry: &mut Entry) {
        match self.0.get(&entry.tag_set.keys) {
            Some(shared) if **shared == *entry.tag_set => entry.tag_set = Arc::clone(shared),
            _ => {
                self.0.insert(entry.tag_set.keys.clone(), Arc::clone(&entry.tag_set));
            }
        }
    }
}

fn kind_bit(kind: TagKind) -> u8 {
    match kind {
        TagKind::Country => 1,
        TagKind::Topic => 2,
        TagKind::Event => 4,
    }
}

/// Every clipping, those in the trash too, newest first.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<Arc<Entry>>,
    /// The same entries at the index of their id (ids are small and dense): bulk edits look up
    /// every selected clipping, and each search every hit.
    by_id: Vec<Option<Arc<Entry>>>,
    /// Every tag the entries carry or carried, by key, for the index's tag counts.
    tags_by_key: HashMap<String, Tag>,
    tag_sets: TagSets,
    /// Counted when the entries change: every search asks, and counting a million took 10 ms.
    n_trashed: usize,
    n_inbox: usize,
}

/// Where an id lives in [`Catalog::by_id`] (and in the stories' places, `browse.rs`); `None`
/// for ids too large to be real.
pub(super) fn slot(id: ClippingId) -> Option<usize> {
    usize::try_from(id.0).ok().filter(|&i| i < u32::MAX as usize)
}

fn sort_newest_first(entries: &mut [Arc<Entry>]) {
    entries.sort_by_key(|e| std::cmp::Reverse((e.card.date(), e.card.id)));
}

impl Catalog {
    /// Builds a catalog from entries made elsewhere (tests, benchmarks).
    pub fn from_entries(entries: Vec<Entry>) -> Catalog {
        let mut tag_sets = TagSets::default();
        let mut entries: Vec<Arc<Entry>> = entries
            .into_iter()
            .map(|mut entry| {
                tag_sets.share(&mut entry);
                Arc::new(entry)
            })
            .collect();
        // The collection reuses the buffer of the entries themselves, which is 80 times the
        // size of their pointers: 66 MB kept for nothing at 100,000 clippings.
        entries.shrink_to_fit();
        sort_newest_first(&mut entries);
        let mut catalog = Catalog { tag_sets, ..Catalog::default() };
        for entry in &entries {
            catalog.learn_tags(entry);
            catalog.set_by_id(entry.id(), Some(Arc::clone(entry)));
        }
        catalog.entries = entries;
        catalog.count();
        catalog
    }

    fn count(&mut self) {
        self.n_trashed = self.entries.iter().filter(|e| e.card.is_trashed()).count();
        self.n_inbox = self.entries.iter().filter(|e| e.card.inbox() && !e.card.is_trashed()).count();
    }

    /// How many clippings there are, not counting the trash.
    pub fn len(&self) -> usize {
        self.entries.len() - self.n_trashed()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every clipping's id, those in the trash too, newest first.
    pub fn ids(&self) -> Vec<ClippingId> {
        self.entries.iter().map(|e| e.id()).collect()
    }

    pub fn n_trashed(&self) -> usize {
        self.n_trashed
    }

    /// The clippings in the inbox (new, not looked at yet), out of the trash.
    pub fn n_inbox(&self) -> usize {
        self.n_inbox
    }

    pub fn get(&self, id: ClippingId) -> Option<&Arc<Entry>> {
        self.by_id.get(slot(id)?)?.as_ref()
    }

    /// The entries not in the trash, newest first.
    pub fn in_archive(&self) -> Vec<Arc<Entry>> {
        self.entries.iter().filter(|e| !e.card.is_trashed()).cloned().collect()
    }

    /// The entries of these ids (from the search index), in that order, then sorted as asked
    /// when the index cannot ([`Sort::Title`]). Ids the catalog does not know yet are left out.
    pub fn entries_of(&self, ids: &[ClippingId], sort: Sort) -> Vec<Arc<Entry>> {
        let mut entries: Vec<Arc<Entry>> = ids.iter().filter_map(|&id| self.get(id).cloned()).collect();
        if sort == Sort::Title {
            // Keys made for this sort only: kept in every entry, they held 32 MB at a million.
            entries.sort_by_cached_key(|e| analysis::title_sort_key(e.card.title()));
        }
        entries
    }

    /// Which clippings carry each tag, by tag key, as the entries have them (those in the trash
    /// too, as the database's links): the index's table of tags ([`Archive::load_tags_from`]).
    /// The ids are gathered by shared set of tags, then handed to each of the set's tags.
    pub fn tag_postings(&self) -> Vec<(String, Vec<ClippingId>)> {
        let mut by_set: HashMap<*const TagSet, (&TagSet, Vec<ClippingId>)> = HashMap::new();
        for entry in self.entries.iter().filter(|e| !e.tag_set.keys.is_empty()) {
            by_set
                .entry(Arc::as_ptr(&entry.tag_set))
                .or_insert_with(|| (&entry.tag_set, Vec::new()))
                .1
                .push(entry.id());
        }
        let mut by_key: HashMap<&str, Vec<ClippingId>> = HashMap::new();
        for (set, ids) in by_set.values() {
            for key in &set.keys {
                by_key.entry(key.as_str()).or_default().extend_from_slice(ids);
            }
        }
        by_key.into_iter().map(|(key, ids)| (key.to_owned(), ids)).collect()
    }

    fn set_by_id(&mut self, id: ClippingId, entry: Option<Arc<Entry>>) {
        let Some(i) = slot(id) else { return };
        if i >= self.by_id.len() {
            self.by_id.resize(i + 1, None);
        }
        if let Some(s) = self.by_id.get_mut(i) {
            *s = entry;
        }
    }

    fn learn_tags(&mut self, entry: &Entry) {
        for (key, tag) in entry.tag_set.keys.iter().zip(entry.tags()) {
            if self.tags_by_key.get(key) != Some(tag) {
                self.tags_by_key.insert(key.clone(), tag.clone());
            }
        }
    }

    /// Gives these clippings a tag, or takes it off them, as an edit of their tags did, without
    /// reading their records again: a tag added to a million clippings read every record again
    /// (minutes), where only their tags changed. Each set of tags the clippings shared is made
    /// again once, not once per clipping. The open suggestions are read again (on all cores)
    /// only for the clippings that had some of the tag's kind, which the tag may have answered.
    pub fn retag(&mut self, archive: &Archive, tag: &Tag, added: bool, ids: &[ClippingId]) -> Result<()> {
        use rayon::prelude::*;
        let key = tag.key();
        let tag = self.tags_by_key.get(&key).cloned().unwrap_or_else(|| tag.clone());
        let asked = crate::search::tags::IdBits::of(&ids.iter().map(|id| id.0).collect::<Vec<_>>());
        // By the address of the set they had; the old set is kept so its address stays its own.
        let mut retagged: HashMap<*const TagSet, (Arc<TagSet>, Arc<TagSet>)> = HashMap::new();
        let mut changed: Vec<(usize, Arc<TagSet>)> = Vec::new();
        for (at, slot) in self.entries.iter().enumerate().filter(|(_, e)| asked.contains(e.id().0)) {
            let old = &slot.tag_set;
            let new = match retagged.get(&Arc::as_ptr(old)) {
                Some((_, new)) => Arc::clone(new),
                None => {
                    let mut tags: Vec<Tag> = old.tags.iter().filter(|t| t.key() != key).cloned().collect();
                    if added {
                        tags.push(tag.clone());
                        tags.sort_by_cached_key(|t| (t.kind, t.name.to_lowercase()));
                    }
                    let new = self.tag_sets.shared(TagSet::new(tags));
                    retagged.insert(Arc::as_ptr(old), (Arc::clone(old), Arc::clone(&new)));
                    new
                }
            };
            changed.push((at, new));
        }
        drop(retagged);
        let bit = kind_bit(tag.kind);
        let entries = &self.entries;
        let suggested = changed
            .par_iter()
            .map(|(at, set)| {
                let slot = &entries[*at];
                if slot.card.suggested & bit == 0 {
                    return Ok(slot.card.suggested);
                }
                let open = archive.open_suggestions(slot.id(), &set.tags)?;
                Ok(open.iter().fold(0, |bits, s| bits | kind_bit(s.tag.kind)))
            })
            .collect::<Result<Vec<u8>>>()?;
        for ((at, tag_set), suggested) in changed.into_iter().zip(suggested) {
            let slot = &self.entries[at];
            let mut card = slot.card.clone();
            card.suggested = suggested;
            let entry = Arc::new(Entry { card, whole: slot.whole.clone(), tag_set });
            self.set_by_id(entry.id(), Some(Arc::clone(&entry)));
            self.entries[at] = entry;
        }
        // The sets' other tags were carried before.
        if added && self.tags_by_key.get(&key) != Some(&tag) {
            self.tags_by_key.insert(key, tag);
        }
        Ok(())
    }

    /// The search index's tag counts (by key) as the sidebar shows them, by kind then name.
    pub fn tag_counts_of(&self, counts: &[(String, usize)]) -> Vec<TagCount> {
        let mut out: Vec<TagCount> = counts
            .iter()
            .filter_map(|(key, n)| Some(TagCount { tag: self.tags_by_key.get(key)?.clone(), n_clippings: *n }))
            .collect();
        out.sort_by_cached_key(|t| (t.tag.kind, t.tag.name.to_lowercase()));
        out
    }

    /// Re-reads these clippings from the archive: edited or trashed ones are replaced, deleted
    /// ones leave, new ones join.
    pub fn refresh(&mut self, archive: &Archive, ids: &[ClippingId]) -> Result<()> {
        // The index's catch-up asks for a search after each batch, with nothing to read again:
        // the entries are not sorted and counted again for it (a million, each batch).
        if ids.is_empty() {
            return Ok(());
        }
        let mut fresh: HashMap<ClippingId, Option<Entry>> = HashMap::new();
        for &id in ids {
            let entry = match archive.get(id) {
                Ok(c) => Some(archive.light_entry(c)?),
                Err(crate::archive::Error::NoSuchClipping(_)) => None,
                Err(e) => return Err(e),
            };
            fresh.insert(id, entry);
        }
        self.entries.retain(|e| !fresh.contains_key(&e.id()));
        for (id, entry) in fresh {
            match entry.map(|mut entry| {
                self.tag_sets.share(&mut entry);
                Arc::new(entry)
            }) {
                Some(entry) => {
                    self.learn_tags(&entry);
                    self.set_by_id(id, Some(Arc::clone(&entry)));
                    self.entries.push(entry);
                }
                None => {
                    self.set_by_id(id, None);
                }
            }
        }
        sort_newest_first(&mut self.entries);
        self.count();
        Ok(())
    }
}

/// How many of `entries` carry each tag, by kind then name; tags no entry carries are left out.
pub fn tag_counts(entries: &[Arc<Entry>]) -> Vec<TagCount> {
    // Keyed by the entries' own tag keys: no allocation per tag, which matters at 100,000.
    let mut counts: HashMap<&str, (&Tag, usize)> = HashMap::new();
    for entry in entries {
        for (key, tag) in entry.tag_set.keys.iter().zip(entry.tags()) {
            counts.entry(key.as_str()).or_insert((tag, 0)).1 += 1;
        }
    }
    let mut out: Vec<TagCount> =
        counts.into_values().map(|(tag, n_clippings)| TagCount { tag: tag.clone(), n_clippings }).collect();
    out.sort_by_cached_key(|t| (t.tag.kind, t.tag.name.to_lowercase()));
    out
}

impl Archive {
    /// A clipping as the catalog keeps it: its card, its tags and the kinds of its open
    /// suggestions.
    fn light_entry(&self, clipping: Clipping) -> Result<Entry> {
        let tags = self.tags_of(clipping.id)?;
        let suggested: Vec<TagKind> = self.open_suggestions(clipping.id, &tags)?.iter().map(|s| s.tag.kind).collect();
        Ok(Entry::light(clipping, tags, &suggested))
    }

    /// A clipping's entry with its whole text, or `None` if it is gone (the index may lag a
    /// delete by a moment).
    pub(crate) fn whole_entry(&self, id: ClippingId) -> Result<Option<Entry>> {
        let clipping = match self.get(id) {
            Ok(clipping) => clipping,
            Err(crate::archive::Error::NoSuchClipping(_)) => return Ok(None),
            Err(e) => return Err(e),
        };
        let tags = self.tags_of(id)?;
        let suggested: Vec<TagKind> = self.open_suggestions(id, &tags)?.iter().map(|s| s.tag.kind).collect();
        Ok(Some(Entry::with_suggested(clipping, tags, &suggested)))
    }

    /// The `n` clippings imported last, as a catalog: what the window shows first.
    pub fn recent_catalog(&self, n: usize) -> Result<Catalog> {
        let entries: Result<Vec<Entry>> =
            self.recent_clippings(n)?.into_iter().map(|clipping| self.light_entry(clipping)).collect();
        Ok(Catalog::from_entries(entries?))
    }

    /// Reads the whole archive into a [`Catalog`]: from the catalog file and the clippings
    /// changed since it was written, or without a file that goes with this database, from every
    /// record. The second part, when there is one, is what [`Archive::save_catalog`] writes for
    /// the next opening.
    pub fn catalog(&self) -> Result<(Catalog, Option<CatalogSave>)> {
        use rayon::prelude::*;
        // The marks are read first: a change made while the catalog is read leaves a newer mark,
        // which saving it does not clear.
        let marks = self.store.catalog_pending()?;
        let stale = self.store.catalog_stale()?;
        let read = self.next_catalog_read();
        // A file of which most has changed since (a million clippings imported into an empty
        // archive) is not read: reading each changed record by its id took 71 s at a million,
        // where reading them all in the database's order takes a third of that.
        let from_file = if stale.is_some() { None } else { self.read_catalog_file(marks.len()) };
        let used_file = from_file.is_some();
        let entries = match from_file {
            Some(mut entries) => {
                let changed: std::collections::HashSet<ClippingId> = marks.iter().map(|(id, _)| *id).collect();
                entries.retain(|e| !changed.contains(&e.id()));
                // On all cores: 780,000 clippings changed by a tag edit took 4 minutes one by one.
                let fresh = changed
                    .par_iter()
                    .map(|&id| self.store.get(id)?.map(|clipping| self.light_entry(clipping)).transpose())
                    .collect::<Result<Vec<Option<Entry>>>>()?;
                entries.extend(fresh.into_iter().flatten());
                entries
            }
            // Read on all cores: at 100,000 clippings, decoding the records is most of it. A
            // chunk at a time: the records of a million, even without their texts, held 632 MB
            // beside the entries made of them.
            None => {
                let mut entries = Vec::new();
                self.store.clippings_in_chunks(&drop_texts, &mut |chunk| {
                    let made = chunk.into_par_iter().map(|clipping| self.light_entry(clipping));
                    entries.extend(made.collect::<Result<Vec<Entry>>>()?);
                    Ok(())
                })?;
                entries
            }
        };
        let catalog = Catalog::from_entries(entries);
        let save = (!marks.is_empty() || !used_file).then(|| CatalogSave {
            entries: catalog.entries.clone(),
            marks,
            stale,
            read,
        });
        Ok((catalog, save))
    }

    /// After an import of many clippings: the catalog file written again when more than
    /// `limit` clippings changed since it was, so that the next opening reads it rather than
    /// every changed record (100,000 just imported: the whole catalog read in 1.1 s instead of
    /// 2.3 s). Returns whether it was written.
    /// When the catalog would be read from the records (most of it changed, or no file), the
    /// file is written from them without holding the catalog.
    pub fn keep_catalog_file(&self, limit: usize) -> Result<bool> {
        let n_changed = self.store.catalog_pending()?.len();
        let stale = self.store.catalog_stale()?.is_some();
        if n_changed <= limit && !stale {
            return Ok(false);
        }
        if stale || !self.catalog_file_is_usable(n_changed) {
            self.write_catalog_file_from_store()?;
            return Ok(true);
        }
        let (_, save) = self.catalog()?;
        let Some(save) = save else { return Ok(false) };
        self.save_catalog(save)?;
        Ok(true)
    }

    /// What [`Archive::save_catalog`] writes of a catalog that is the archive's as it is now,
    /// when more than `limit` clippings changed since the file was written.
    pub fn catalog_save_of(&self, catalog: &Catalog, limit: usize) -> Result<Option<CatalogSave>> {
        let marks = self.store.catalog_pending()?;
        let stale = self.store.catalog_stale()?;
        let read = self.next_catalog_read();
        Ok((marks.len() > limit || stale.is_some()).then(|| CatalogSave {
            entries: catalog.entries.clone(),
            marks,
            stale,
            read,
        }))
    }

    /// Before a tag edit of `n` clippings: when that is more than half of those the catalog
    /// file holds, which the next opening would then pass over anyway, the file is marked
    /// stale as a whole rather than each clipping in it ([`Store::mark_catalog_stale`]).
    pub(crate) fn before_tag_edit(&self, n: usize) -> Result<()> {
        if n == 0 || n <= self.catalog_file_len().unwrap_or(0) / 2 {
            return Ok(());
        }
        self.store.mark_catalog_stale()
    }
}
