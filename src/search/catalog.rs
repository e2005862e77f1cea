//! An in-memory view of the whole archive for browsing: every clipping with its tags, newest
//! first. The window keeps one on its worker thread, turns the search index's hits into entries
//! as the user types and updates it entry by entry after edits, instead of reading the database
//! for every keystroke. The database stays the store of record.

use std::collections::HashMap;
use std::sync::Arc;

use crate::archive::Archive;
use crate::archive::Result;
use crate::archive::model::Suggestion;
use crate::archive::model::{Clipping, ClippingId, Tag, TagCount, TagKind};
use crate::search::analysis;
use crate::search::query::Sort;

/// How much of a clipping's text the catalog keeps: a card's lines and more.
const LEAD_CHARS: usize = 400;

/// Cuts a clipping's text to its lead and drops its site furniture.
fn keep_lead(clipping: &mut Clipping) {
    if let Some((cut, _)) = clipping.body.char_indices().nth(LEAD_CHARS) {
        clipping.body.truncate(cut);
        clipping.body.shrink_to_fit();
    }
    clipping.boilerplate = String::new();
}

/// One clipping as the browser shows it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub clipping: Clipping,
    pub tags: Vec<Tag>,
    /// Open tag suggestions (see `suggest.rs`).
    pub suggestions: Vec<Suggestion>,
    /// Countries as codes, topics and events as names, each comma-separated, for display.
    pub countries: String,
    pub topics: String,
    pub events: String,
    /// The clipping's stored language, for highlighting matches the index's way (detecting it
    /// here for clippings of older versions would slow down opening a large archive).
    pub language: String,
    /// Whether `clipping.body` is the whole text, or only its lead (see [`Entry::light`]).
    pub complete: bool,
    /// The title folded for sorting, made the first time the results are sorted by title.
    title_key: std::sync::OnceLock<String>,
    tag_keys: Vec<String>,
}

impl Entry {
    pub fn new(clipping: Clipping, tags: Vec<Tag>) -> Entry {
        Entry::with_suggestions(clipping, tags, Vec::new())
    }

    pub fn with_suggestions(clipping: Clipping, tags: Vec<Tag>, suggestions: Vec<Suggestion>) -> Entry {
        let list = |kind: TagKind| {
            tags.iter()
                .filter(|t| t.kind == kind)
                .map(|t| if kind == TagKind::Country { t.value.as_str() } else { t.name.as_str() })
                .collect::<Vec<_>>()
                .join(", ")
        };
        Entry {
            countries: list(TagKind::Country),
            topics: list(TagKind::Topic),
            events: list(TagKind::Event),
            language: crate::archive::language::declared_language(&clipping),
            complete: true,
            title_key: std::sync::OnceLock::new(),
            tag_keys: tags.iter().map(Tag::key).collect(),
            clipping,
            tags,
            suggestions,
        }
    }

    /// An entry that keeps only the lead of the clipping's text (what a card shows) and not
    /// its site furniture: 100,000 whole texts would hold the window at several hundred MB.
    /// The detail pane reads the whole clipping; the worker fills in the whole text of the
    /// first results of a search, for their snippets.
    pub fn light(mut clipping: Clipping, tags: Vec<Tag>, suggestions: Vec<Suggestion>) -> Entry {
        keep_lead(&mut clipping);
        let mut entry = Entry::with_suggestions(clipping, tags, suggestions);
        entry.complete = false;
        entry
    }

    /// This entry with the whole text of its clipping.
    pub fn completed(&self, clipping: Clipping) -> Entry {
        Entry { clipping, complete: true, ..self.clone() }
    }

    fn title_key(&self) -> &str {
        self.title_key.get_or_init(|| analysis::title_sort_key(&self.clipping.title))
    }

    pub fn id(&self) -> ClippingId {
        self.clipping.id
    }

    pub fn has_tag(&self, tag: &Tag) -> bool {
        let key = tag.key();
        self.tag_keys.contains(&key)
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
}

/// Where an id lives in [`Catalog::by_id`]; `None` for ids too large to be real.
fn slot(id: ClippingId) -> Option<usize> {
    usize::try_from(id.0).ok().filter(|&i| i < u32::MAX as usize)
}

fn sort_newest_first(entries: &mut [Arc<Entry>]) {
    entries.sort_by_key(|e| std::cmp::Reverse((e.clipping.date(), e.clipping.id)));
}

impl Catalog {
    /// Builds a catalog from entries made elsewhere (tests, benchmarks).
    pub fn from_entries(entries: Vec<Entry>) -> Catalog {
        let mut entries: Vec<Arc<Entry>> = entries.into_iter().map(Arc::new).collect();
        sort_newest_first(&mut entries);
        let mut catalog = Catalog { entries: Vec::new(), by_id: Vec::new(), tags_by_key: HashMap::new() };
        for entry in &entries {
            catalog.learn_tags(entry);
            catalog.set_by_id(entry.id(), Some(Arc::clone(entry)));
        }
        catalog.entries = entries;
        catalog
    }

    /// How many clippings there are, not counting the trash.
    pub fn len(&self) -> usize {
        self.entries.len() - self.n_trashed()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn n_trashed(&self) -> usize {
        self.entries.iter().filter(|e| e.clipping.trashed_at.is_some()).count()
    }

    pub fn get(&self, id: ClippingId) -> Option<&Arc<Entry>> {
        self.by_id.get(slot(id)?)?.as_ref()
    }

    /// The entries not in the trash, newest first.
    pub fn in_archive(&self) -> Vec<Arc<Entry>> {
        self.entries.iter().filter(|e| e.clipping.trashed_at.is_none()).cloned().collect()
    }

    /// The entries of these ids (from the search index), in that order, then sorted as asked
    /// when the index cannot ([`Sort::Title`]). Ids the catalog does not know yet are left out.
    pub fn entries_of(&self, ids: &[ClippingId], sort: Sort) -> Vec<Arc<Entry>> {
        let mut entries: Vec<Arc<Entry>> = ids.iter().filter_map(|&id| self.get(id).cloned()).collect();
        if sort == Sort::Title {
            entries.sort_by(|a, b| a.title_key().cmp(b.title_key()));
        }
        entries
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
        for (key, tag) in entry.tag_keys.iter().zip(&entry.tags) {
            if self.tags_by_key.get(key) != Some(tag) {
                self.tags_by_key.insert(key.clone(), tag.clone());
            }
        }
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
            match entry.map(Arc::new) {
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
        Ok(())
    }
}

/// How many of `entries` carry each tag, by kind then name; tags no entry carries are left out.
pub fn tag_counts(entries: &[Arc<Entry>]) -> Vec<TagCount> {
    // Keyed by the entries' own tag keys: no allocation per tag, which matters at 100,000.
    let mut counts: HashMap<&str, (&Tag, usize)> = HashMap::new();
    for entry in entries {
        for (key, tag) in entry.tag_keys.iter().zip(&entry.tags) {
            counts.entry(key.as_str()).or_insert((tag, 0)).1 += 1;
        }
    }
    let mut out: Vec<TagCount> =
        counts.into_values().map(|(tag, n_clippings)| TagCount { tag: tag.clone(), n_clippings }).collect();
    out.sort_by_cached_key(|t| (t.tag.kind, t.tag.name.to_lowercase()));
    out
}

impl Archive {
    /// A clipping as the catalog keeps it: its lead, its tags and its open suggestions.
    fn light_entry(&self, clipping: Clipping) -> Result<Entry> {
        let tags = self.tags_of(clipping.id)?;
        let suggestions = self.suggestions(clipping.id)?;
        Ok(Entry::light(clipping, tags, suggestions))
    }

    /// The `n` clippings imported last, as a catalog: what the window shows first.
    pub fn recent_catalog(&self, n: usize) -> Result<Catalog> {
        let entries: Result<Vec<Entry>> =
            self.recent_clippings(n)?.into_iter().map(|clipping| self.light_entry(clipping)).collect();
        Ok(Catalog::from_entries(entries?))
    }

    /// Reads the whole archive into a [`Catalog`].
    pub fn catalog(&self) -> Result<Catalog> {
        use rayon::prelude::*;
        // Read on all cores: at 100,000 clippings, decoding the records is most of opening.
        let entries: Result<Vec<Entry>> =
            self.all_clippings_shrunk(keep_lead)?.into_par_iter().map(|clipping| self.light_entry(clipping)).collect();
        Ok(Catalog::from_entries(entries?))
    }
}
