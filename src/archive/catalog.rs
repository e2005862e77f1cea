//! An in-memory view of the whole archive for browsing: every clipping with its tags, newest
//! first. The window keeps one on its worker thread, turns the search index's hits into entries
//! as the user types and updates it entry by entry after edits, instead of reading the database
//! for every keystroke. The database stays the store of record.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::archive::Archive;
use crate::archive::error::Result;
use crate::archive::model::{Clipping, ClippingId, Tag, TagCount, TagKind};
use crate::archive::query::Sort;
use crate::archive::search;
use crate::archive::suggest::Suggestion;

/// One clipping as the browser shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub clipping: Clipping,
    pub tags: Vec<Tag>,
    /// Open tag suggestions (see `suggest.rs`).
    pub suggestions: Vec<Suggestion>,
    /// Countries as codes, topics and events as names, each comma-separated, for display.
    pub countries: String,
    pub topics: String,
    pub events: String,
    /// The language the clipping is indexed in, for highlighting matches the index's way.
    pub language: String,
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
            language: search::language_of(&clipping),
            tag_keys: tags.iter().map(Tag::key).collect(),
            clipping,
            tags,
            suggestions,
        }
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
    /// The same entries by id: bulk edits look up every selected clipping.
    by_id: HashMap<ClippingId, Arc<Entry>>,
}

fn sort_newest_first(entries: &mut [Arc<Entry>]) {
    entries.sort_by_key(|e| std::cmp::Reverse((e.clipping.date(), e.clipping.id)));
}

impl Catalog {
    /// Builds a catalog from entries made elsewhere (tests, benchmarks).
    pub fn from_entries(entries: Vec<Entry>) -> Catalog {
        let mut entries: Vec<Arc<Entry>> = entries.into_iter().map(Arc::new).collect();
        sort_newest_first(&mut entries);
        let by_id = entries.iter().map(|e| (e.id(), Arc::clone(e))).collect();
        Catalog { entries, by_id }
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
        self.by_id.get(&id)
    }

    /// The entries not in the trash, newest first.
    pub fn in_archive(&self) -> Vec<Arc<Entry>> {
        self.entries.iter().filter(|e| e.clipping.trashed_at.is_none()).cloned().collect()
    }

    /// The entries of these ids (from the search index), in that order, then sorted as asked
    /// when the index cannot ([`Sort::Title`]). Ids the catalog does not know yet are left out.
    pub fn entries_of(&self, ids: &[ClippingId], sort: Sort) -> Vec<Arc<Entry>> {
        let mut entries: Vec<Arc<Entry>> = ids.iter().filter_map(|id| self.by_id.get(id).cloned()).collect();
        if sort == Sort::Title {
            search::sort_by_title(&mut entries, |e| &e.clipping.title);
        }
        entries
    }

    /// Re-reads these clippings from the archive: edited or trashed ones are replaced, deleted
    /// ones leave, new ones join.
    pub fn refresh(&mut self, archive: &Archive, ids: &[ClippingId]) -> Result<()> {
        let mut fresh: HashMap<ClippingId, Option<Entry>> = HashMap::new();
        for &id in ids {
            let entry = match archive.get(id) {
                Ok(c) => {
                    let tags = archive.tags_of(id)?;
                    let suggestions = archive.suggestions(id)?;
                    Some(Entry::with_suggestions(c, tags, suggestions))
                }
                Err(crate::archive::Error::NoSuchClipping(_)) => None,
                Err(e) => return Err(e),
            };
            fresh.insert(id, entry);
        }
        self.entries.retain(|e| !fresh.contains_key(&e.id()));
        for (id, entry) in fresh {
            match entry.map(Arc::new) {
                Some(entry) => {
                    self.by_id.insert(id, Arc::clone(&entry));
                    self.entries.push(entry);
                }
                None => {
                    self.by_id.remove(&id);
                }
            }
        }
        sort_newest_first(&mut self.entries);
        Ok(())
    }
}

/// How many of `entries` carry each tag, by kind then name; tags no entry carries are left out.
pub fn tag_counts(entries: &[Arc<Entry>]) -> Vec<TagCount> {
    let mut counts: BTreeMap<(TagKind, String), TagCount> = BTreeMap::new();
    for entry in entries {
        for tag in &entry.tags {
            counts
                .entry((tag.kind, tag.name.to_lowercase()))
                .or_insert_with(|| TagCount { tag: tag.clone(), n_clippings: 0 })
                .n_clippings += 1;
        }
    }
    counts.into_values().collect()
}

impl Archive {
    /// Reads the whole archive into a [`Catalog`].
    pub fn catalog(&self) -> Result<Catalog> {
        let clippings = self.all_clippings_and_trash()?;
        let mut entries = Vec::with_capacity(clippings.len());
        for clipping in clippings {
            let tags = self.tags_of(clipping.id)?;
            let suggestions = self.suggestions(clipping.id)?;
            entries.push(Entry::with_suggestions(clipping, tags, suggestions));
        }
        Ok(Catalog::from_entries(entries))
    }
}
