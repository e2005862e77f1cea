//! Browsing: a query with its order and whether a story's reprints fold into one card goes
//! in; the results, the tags they carry and their stories come out. The window's worker and
//! the command line browse through this one [`Browser`]; reprints come from the signatures kept
//! at import ([`Archive::story_groups`]).

use std::collections::HashMap;
use std::sync::Arc;

use crate::archive::Archive;
use crate::archive::catalog::{Catalog, Entry};
use crate::search::query::{Query, Sort};
use crate::vocab::{ClippingId, Result, TagCount};

/// What to show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Browse {
    pub query: Query,
    pub sort: Sort,
    /// Each story once, by its earliest clipping among the results.
    pub one_per_story: bool,
}

/// A clipping of a story, as the cards that show the story list its reprints: its catalog
/// entry, shared, not copied (a search of 100,000 clippings in stories of 6 would copy half a
/// million titles and outlets).
#[derive(Debug, Clone)]
pub struct Reprint(pub Arc<Entry>);

impl Reprint {
    pub fn id(&self) -> ClippingId {
        self.0.id()
    }

    pub fn outlet(&self) -> &str {
        self.0.card.source()
    }

    pub fn date(&self) -> Option<chrono::NaiveDate> {
        self.0.card.published
    }

    pub fn title(&self) -> &str {
        self.0.card.title()
    }
}

/// The archive's stories as the cards that show them read them: for a clipping with reprints,
/// its story's clippings (itself among them), not in the trash, earliest first. Made once for
/// the whole catalog and kept until the clippings in it change, not for each search (at a
/// million, with 925,000 clippings in stories, each search spent 1.3 s making the lists again),
/// and shared with the window, which looks up the cards it draws.
#[derive(Debug, Clone, Default)]
pub struct Stories {
    story_of: Arc<StoryOf>,
    /// Each story's first article, to its clippings in the catalog.
    lists: Arc<HashMap<ClippingId, Arc<[Reprint]>>>,
}

impl Stories {
    /// The story of `id`, if it has reprints (a list holds two clippings or more).
    pub fn get(&self, id: &ClippingId) -> Option<&Arc<[Reprint]>> {
        self.lists.get(&self.story_of.get(*id)?)
    }

    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }
}

/// What a browse found.
#[derive(Debug, Clone, Default)]
pub struct Browsed {
    pub entries: Vec<Arc<Entry>>,
    /// The stories of the results, and of every clipping the browser holds.
    pub reprints: Stories,
    /// What each card stands for besides itself: with one card a story, the story's other
    /// results, folded into it.
    pub folded: Folded,
    /// How many of the results carry each tag.
    pub tag_counts: Vec<TagCount>,
}

/// What the cards that show a story once stand for: each, its story's other results. Kept as
/// the set of every result found, folded ones included, and read through the stories' lists:
/// at a million, a list of the folded results for each card took longer than the search.
#[derive(Default, Clone)]
pub struct Folded {
    /// Every result found; `None` when no result was folded into another's card.
    found: Option<Arc<crate::search::tags::IdBits>>,
    n_folded: usize,
}

impl Folded {
    /// The results folded into the card of `id`, earliest first.
    pub fn into_card<'a>(&'a self, id: ClippingId, stories: &'a Stories) -> impl Iterator<Item = &'a Arc<Entry>> {
        let found = self.found.as_ref();
        let list = found.and_then(|_| stories.get(&id)).map_or(&[][..], |l| &l[..]);
        list.iter().filter(move |r| r.id() != id && found.is_some_and(|f| f.contains(r.id().0))).map(|r| &r.0)
    }

    /// How many results are folded into cards, all together.
    pub fn len(&self) -> usize {
        self.n_folded
    }

    pub fn is_empty(&self) -> bool {
        self.n_folded == 0
    }
}

impl std::fmt::Debug for Folded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Folded({})", self.n_folded)
    }
}

/// The catalog and the archive's stories: what browsing reads.
#[derive(Default)]
pub struct Browser {
    catalog: Catalog,
    /// Each article that has reprints, to its story's first article.
    story_of: Arc<StoryOf>,
    /// Each story's first article, to the story's articles.
    members: HashMap<ClippingId, Vec<ClippingId>>,
    /// The stories' lists as the catalog now has them, made at the first browse that wants
    /// them; the stories whose clippings changed since are made again then.
    stories: std::sync::Mutex<StoryLists>,
    /// While only the newest clippings are in the catalog (see [`Browser::opening`]): the
    /// clippings changed since, read again into the whole catalog when it comes.
    changed_while_partial: Option<Vec<ClippingId>>,
    /// The archive's count while the catalog is partial.
    n_while_partial: usize,
}

/// The stories' lists made so far ([`Browser::stories`]).
#[derive(Default)]
enum StoryLists {
    /// None made yet, or all to be made again.
    #[default]
    Unmade,
    /// Made, but for the stories of these first articles, whose clippings changed.
    Made {
        lists: Arc<HashMap<ClippingId, Arc<[Reprint]>>>,
        places: Arc<Places>,
        stale: std::collections::HashSet<ClippingId>,
    },
}

/// Each article that has reprints, to its story's first article: by the article's id, where
/// ids are small (a map of a million held 36 MB, this 4 MB); by a map for the others.
#[derive(Debug, Default)]
struct StoryOf {
    by_slot: Vec<u32>,
    others: HashMap<ClippingId, ClippingId>,
    len: usize,
}

impl StoryOf {
    const NONE: u32 = u32::MAX;

    fn of(map: &HashMap<ClippingId, ClippingId>) -> StoryOf {
        // Made at its size: grown as the ids came, in no order, it held up to twice that.
        let bound = map.keys().filter_map(|&id| crate::archive::catalog::slot(id)).max().map_or(0, |m| m + 1);
        let mut story_of = StoryOf { len: map.len(), by_slot: vec![StoryOf::NONE; bound], ..StoryOf::default() };
        for (&id, &root) in map {
            match (crate::archive::catalog::slot(id), u32::try_from(root.0).ok().filter(|&r| r != StoryOf::NONE)) {
                (Some(slot), Some(root)) => {
                    if slot >= story_of.by_slot.len() {
                        story_of.by_slot.resize(slot + 1, StoryOf::NONE);
                    }
                    story_of.by_slot[slot] = root;
                }
                _ => {
                    story_of.others.insert(id, root);
                }
            }
        }
        story_of.others.shrink_to_fit();
        story_of
    }

    fn get(&self, id: ClippingId) -> Option<ClippingId> {
        let in_slot = crate::archive::catalog::slot(id).and_then(|slot| self.by_slot.get(slot));
        match in_slot {
            Some(&root) if root != StoryOf::NONE => Some(ClippingId(u64::from(root))),
            _ => self.others.get(&id).copied(),
        }
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Where each clipping of a list stands in its story, by its id: the story's first article
/// (high 32 bits) and its place in the list, earliest first (low 32). A search of a million
/// looks each result up here: hashing them into the stories took half a second.
#[derive(Default, Clone)]
struct Places(Vec<u64>);

impl Places {
    const NOWHERE: u64 = u64::MAX;

    /// Room for the places of these lists' clippings, made at once: grown list by list, it
    /// held up to twice what they need (10.8 MB for 8 MB at a million, heaptrack).
    fn for_lists<'a>(lists: impl Iterator<Item = &'a Arc<[Reprint]>>) -> Places {
        let bound = lists.flat_map(|list| list.iter()).filter_map(|r| crate::archive::catalog::slot(r.id())).max();
        Places(vec![Places::NOWHERE; bound.map_or(0, |m| m + 1)])
    }

    /// The story of `id` (its first article's number) and `id`'s place in it.
    fn of(&self, id: ClippingId) -> Option<(usize, u32)> {
        let &place = self.0.get(crate::archive::catalog::slot(id)?).filter(|&&p| p != Places::NOWHERE)?;
        Some(((place >> 32) as usize, place as u32))
    }

    /// Puts a story's list in (or takes it out, with `put` false).
    fn set(&mut self, root: ClippingId, list: &[Reprint], put: bool) {
        let Ok(story) = u32::try_from(root.0) else { return };
        for (i, r) in list.iter().enumerate() {
            let (Some(slot), Ok(i)) = (crate::archive::catalog::slot(r.id()), u32::try_from(i)) else { continue };
            if slot >= self.0.len() {
                self.0.resize(slot + 1, Places::NOWHERE);
            }
            self.0[slot] = if put { (u64::from(story) << 32) | u64::from(i) } else { Places::NOWHERE };
        }
    }
}

/// Above this many stories changed at once, all the lists are made again rather than each.
const STORIES_REMADE_ONE_BY_ONE: usize = 10_000;

/// How a window opens an archive for browsing ([`Browser::opening`]).
pub struct Opening {
    pub browser: Browser,
    /// The archive has more than the newest clippings read: read the whole catalog
    /// ([`Archive::catalog`], on a thread of its own) and hand it to [`Browser::set_catalog`].
    pub read_the_rest: bool,
}

impl Browser {
    pub fn new(catalog: Catalog) -> Browser {
        Browser { catalog, ..Browser::default() }
    }

    /// The newest `first` clippings, to show at once; the whole catalog follows where there
    /// are more. Until it does, the count is the search index's, which is at hand (sled would
    /// read a whole tree to count the records), and changes are remembered to be read again.
    pub fn opening(archive: &Archive, first: usize) -> Result<Opening> {
        let catalog = archive.recent_catalog(first)?;
        // Fewer than asked for means the archive has no more.
        let read_the_rest = catalog.len() + catalog.n_trashed() >= first;
        let mut browser = Browser::new(catalog);
        if read_the_rest {
            browser.changed_while_partial = Some(Vec::new());
            browser.n_while_partial = browser.count_while_partial(archive);
        }
        Ok(Opening { browser, read_the_rest })
    }

    fn count_while_partial(&self, archive: &Archive) -> usize {
        let indexed = archive.n_indexed().ok().and_then(|n| usize::try_from(n).ok()).unwrap_or(0);
        indexed.max(self.catalog.len() + self.catalog.n_trashed())
    }

    /// Whether only the newest clippings are read so far.
    pub fn is_partial(&self) -> bool {
        self.changed_while_partial.is_some()
    }

    /// How many clippings the archive holds outside the trash (while the catalog is partial,
    /// the trash included, as the index counts).
    pub fn n_total(&self) -> usize {
        if self.is_partial() { self.n_while_partial } else { self.catalog.len() }
    }

    /// The whole archive, for a command that browses once; its stories are read by
    /// [`Browser::set_stories`] where they are wanted.
    pub fn open(archive: &Archive) -> Result<Browser> {
        let (catalog, save) = archive.catalog()?;
        if let Some(save) = save {
            // The catalog file is derived: one not written only costs the next opening time.
            let _ = archive.save_catalog(save);
        }
        Ok(Browser::new(catalog))
    }

    /// What a query finds, for a command that browses it once: the catalog holds only those
    /// clippings, each with its whole text (a list of 100 from 100,000 reads 100 records, once,
    /// not the whole catalog).
    pub fn of(archive: &Archive, query: &Query) -> Result<Browser> {
        let mut entries = Vec::new();
        for id in archive.search_ids(query, Sort::Newest)? {
            entries.extend(archive.whole_entry(id)?);
        }
        Ok(Browser::new(Catalog::from_entries(entries)))
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Takes the whole catalog in place of the one browsed so far (the newest clippings'),
    /// with the clippings changed meanwhile read again.
    pub fn set_catalog(&mut self, archive: &Archive, catalog: Catalog) -> Result<()> {
        self.catalog = catalog;
        self.stories_changed(None);
        let changed = self.changed_while_partial.take().unwrap_or_default();
        self.catalog.refresh(archive, &changed)
    }

    /// Reads these clippings again into the catalog after a change.
    pub fn refresh(&mut self, archive: &Archive, ids: &[ClippingId]) -> Result<()> {
        if let Some(changed) = &mut self.changed_while_partial {
            changed.extend_from_slice(ids);
        }
        let result = self.catalog.refresh(archive, ids);
        self.stories_changed(Some(ids));
        if self.is_partial() {
            self.n_while_partial = self.count_while_partial(archive);
        }
        result
    }

    /// After a tag was added to these clippings or taken off them: their entries get it or
    /// lose it ([`Catalog::retag`]) rather than being read again, once the whole catalog is here.
    pub fn retag(&mut self, archive: &Archive, tag: &crate::vocab::Tag, added: bool, ids: &[ClippingId]) -> Result<()> {
        if self.is_partial() {
            return self.refresh(archive, ids);
        }
        // The lists would keep the entries as they were, tags and all, alive beside the new.
        self.stories_changed(Some(ids));
        self.catalog.retag(archive, tag, added, ids)
    }

    /// The archive's stories, as [`Archive::story_groups`] finds them.
    pub fn set_stories(&mut self, story_of: HashMap<ClippingId, ClippingId>) {
        self.members.clear();
        for (&id, &root) in &story_of {
            self.members.entry(root).or_default().push(id);
        }
        for list in self.members.values_mut() {
            list.shrink_to_fit();
        }
        self.story_of = Arc::new(StoryOf::of(&story_of));
        self.stories_changed(None);
    }

    /// The clippings of these ids changed (all, with `None`): their stories' lists are made
    /// again at the next browse.
    fn stories_changed(&mut self, ids: Option<&[ClippingId]>) {
        let lists = self.stories.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
        let StoryLists::Made { stale, .. } = lists else { return };
        match ids {
            Some(ids) => stale.extend(ids.iter().filter_map(|&id| self.story_of.get(id))),
            None => stale.clear(),
        }
        if ids.is_none() || stale.len() > STORIES_REMADE_ONE_BY_ONE {
            *lists = StoryLists::Unmade;
        }
    }

    /// The stories' lists, made for those not made yet or changed since, with where each of
    /// their clippings stands.
    fn stories(&self) -> (Stories, Arc<Places>) {
        let mut made = self.stories.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (lists, places) = match std::mem::take(&mut *made) {
            StoryLists::Unmade => {
                // On every core: at a million, the search the window runs when the reprints
                // come waited 0.45-0.76 s for these lists, and a keystroke with it.
                use rayon::prelude::*;
                let lists: HashMap<ClippingId, Arc<[Reprint]>> =
                    self.members.par_iter().filter_map(|(root, _)| self.story_list(*root)).collect();
                let mut places = Places::for_lists(lists.values());
                for (root, list) in &lists {
                    places.set(*root, list, true);
                }
                (Arc::new(lists), Arc::new(places))
            }
            StoryLists::Made { mut lists, mut places, stale } => {
                if !stale.is_empty() {
                    let edited = Arc::make_mut(&mut lists);
                    let placed = Arc::make_mut(&mut places);
                    for root in stale {
                        if let Some(old) = edited.remove(&root) {
                            placed.set(root, &old, false);
                        }
                        if let Some((root, list)) = self.story_list(root) {
                            placed.set(root, &list, true);
                            edited.insert(root, list);
                        }
                    }
                }
                (lists, places)
            }
        };
        *made = StoryLists::Made { lists: Arc::clone(&lists), places: Arc::clone(&places), stale: Default::default() };
        (Stories { story_of: Arc::clone(&self.story_of), lists }, places)
    }

    /// A story's clippings in the catalog, not in the trash, earliest first; none for a story
    /// with fewer than two.
    fn story_list(&self, root: ClippingId) -> Option<(ClippingId, Arc<[Reprint]>)> {
        let mut members: Vec<&Arc<Entry>> = self
            .members
            .get(&root)?
            .iter()
            .filter_map(|id| self.catalog.get(*id))
            .filter(|o| !o.card.is_trashed())
            .collect();
        if members.len() < 2 {
            return None;
        }
        members.sort_by_key(|o| (o.card.date(), o.card.id));
        Some((root, members.into_iter().map(|o| Reprint(Arc::clone(o))).collect()))
    }

    /// The results of a browse, from the search index and the catalog.
    pub fn browse(&self, archive: &Archive, browse: &Browse) -> Result<Browsed> {
        if let Some(first) = self.first_while_partial(archive, browse) {
            return Ok(first);
        }
        let found = archive.search_with_tag_counts(&browse.query, browse.sort)?;
        let tag_counts = self.catalog.tag_counts_of(&found.tag_counts);
        let (ids, folded, reprints) = self.fold(found.ids, found.found, browse.one_per_story);
        let entries = self.catalog.entries_of(&ids, browse.sort);
        Ok(Browsed { entries, reprints, folded, tag_counts })
    }

    /// While only the newest clippings are read, everything newest first (what a window opens
    /// on) is those clippings in the catalog's order, which is the index's: the index is not
    /// asked for every id, of which the catalog would show the few it has (at a million, a
    /// third of a second before the first cards, with the rest of the catalog read beside it).
    /// Once the tags' table is read, the index is asked, for the tags' counts.
    fn first_while_partial(&self, archive: &Archive, browse: &Browse) -> Option<Browsed> {
        let everything = browse.query == Query::default() && matches!(browse.sort, Sort::Newest | Sort::Relevance);
        if !self.is_partial() || !everything || archive.tags_loaded() {
            return None;
        }
        let ids: Vec<ClippingId> = self.catalog.in_archive().iter().map(|e| e.id()).collect();
        let (ids, folded, reprints) = self.fold(ids, None, browse.one_per_story);
        let entries = self.catalog.entries_of(&ids, browse.sort);
        Some(Browsed { entries, reprints, folded, tag_counts: Vec::new() })
    }

    /// The results with each story once, by its earliest clipping among them, when asked;
    /// what the cards stand for; and the stories' lists. Works on the ids and the stories'
    /// places alone: reading each result's entry (its date) and hashing it into its story took
    /// half a second at a million. `found`, where the search gave it, is the set of `ids`.
    fn fold(
        &self,
        ids: Vec<ClippingId>,
        found: Option<Arc<crate::search::tags::IdBits>>,
        one_per_story: bool,
    ) -> (Vec<ClippingId>, Folded, Stories) {
        if self.story_of.is_empty() {
            return (ids, Folded::default(), Stories::default());
        }
        let (stories, places) = self.stories();
        if !one_per_story {
            return (ids, Folded::default(), stories);
        }
        // Each story's earliest place among the results, by its first article's number.
        let mut earliest: Vec<u32> = Vec::new();
        for &id in &ids {
            if let Some((story, place)) = places.of(id) {
                if story >= earliest.len() {
                    earliest.resize(story + 1, u32::MAX);
                }
                earliest[story] = earliest[story].min(place);
            }
        }
        let shown: Vec<ClippingId> = ids
            .iter()
            .copied()
            .filter(|&id| places.of(id).is_none_or(|(story, place)| earliest.get(story) == Some(&place)))
            .collect();
        let n_folded = ids.len() - shown.len();
        let found =
            (n_folded > 0).then(|| found.unwrap_or_else(|| Arc::new(crate::search::tags::IdBits::of_ids(&ids))));
        (shown, Folded { found, n_folded }, stories)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_is_found_by_small_and_huge_ids_alike() {
        let pairs = [(2, 1), (1, 1), (5, 3), (3, 3), (u64::MAX - 1, 7), (9, u64::MAX)];
        let map: HashMap<ClippingId, ClippingId> = pairs.map(|(id, root)| (ClippingId(id), ClippingId(root))).into();
        let story_of = StoryOf::of(&map);
        for (&id, &root) in &map {
            assert_eq!(story_of.get(id), Some(root), "{id:?}");
        }
        for alone in [0, 4, 6, 1 << 40] {
            assert_eq!(story_of.get(ClippingId(alone)), None);
        }
        assert!(!story_of.is_empty());
        assert!(StoryOf::of(&HashMap::new()).is_empty());
    }
}
