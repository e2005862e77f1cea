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
    /// How many of the first results of a text search get their whole text (the catalog
    /// keeps a lead of each), for snippets of where the words are.
    pub whole_texts: usize,
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
    story_of: Arc<HashMap<ClippingId, ClippingId>>,
    /// Each story's first article, to its clippings in the catalog.
    lists: Arc<HashMap<ClippingId, Arc<[Reprint]>>>,
}

impl Stories {
    /// The story of `id`, if it has reprints (a list holds two clippings or more).
    pub fn get(&self, id: &ClippingId) -> Option<&Arc<[Reprint]>> {
        self.lists.get(self.story_of.get(id)?)
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

/// A card that shows a story once, to the story's other results it stands for, in the order
/// they were found. Empty unless each story is shown once.
pub type Folded = HashMap<ClippingId, Vec<Arc<Entry>>>;

/// The catalog and the archive's stories: what browsing reads.
#[derive(Default)]
pub struct Browser {
    catalog: Catalog,
    /// Each article that has reprints, to its story's first article.
    story_of: Arc<HashMap<ClippingId, ClippingId>>,
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
    Made { lists: Arc<HashMap<ClippingId, Arc<[Reprint]>>>, stale: std::collections::HashSet<ClippingId> },
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
        self.story_of = Arc::new(story_of);
        self.stories_changed(None);
    }

    /// The clippings of these ids changed (all, with `None`): their stories' lists are made
    /// again at the next browse.
    fn stories_changed(&mut self, ids: Option<&[ClippingId]>) {
        let lists = self.stories.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
        let StoryLists::Made { stale, .. } = lists else { return };
        match ids {
            Some(ids) => stale.extend(ids.iter().filter_map(|id| self.story_of.get(id))),
            None => stale.clear(),
        }
        if ids.is_none() || stale.len() > STORIES_REMADE_ONE_BY_ONE {
            *lists = StoryLists::Unmade;
        }
    }

    /// The stories' lists, made for those not made yet or changed since.
    fn stories(&self) -> Stories {
        let mut made = self.stories.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let lists = match std::mem::take(&mut *made) {
            StoryLists::Unmade => Arc::new(self.members.keys().filter_map(|root| self.story_list(*root)).collect()),
            StoryLists::Made { mut lists, stale } => {
                if !stale.is_empty() {
                    let edited = Arc::make_mut(&mut lists);
                    for root in stale {
                        match self.story_list(root) {
                            Some((root, list)) => edited.insert(root, list),
                            None => edited.remove(&root),
                        };
                    }
                }
                lists
            }
        };
        *made = StoryLists::Made { lists: Arc::clone(&lists), stale: Default::default() };
        Stories { story_of: Arc::clone(&self.story_of), lists }
    }

    /// A story's clippings in the catalog, not in the trash, earliest first; none for a story
    /// with fewer than two.
    fn story_list(&self, root: ClippingId) -> Option<(ClippingId, Arc<[Reprint]>)> {
        let mut members: Vec<&Arc<Entry>> = self
            .members
            .get(&root)?
            .iter()
            .filter_map(|id| self.catalog.get(*id))
            .filter(|o| o.card.trashed_at.is_none())
            .collect();
        if members.len() < 2 {
            return None;
        }
        members.sort_by_key(|o| (o.card.date(), o.card.id));
        Some((root, members.into_iter().map(|o| Reprint(Arc::clone(o))).collect()))
    }

    /// The results of a browse, from the search index and the catalog.
    pub fn browse(&self, archive: &Archive, browse: &Browse) -> Result<Browsed> {
        let found = archive.search_with_tag_counts(&browse.query, browse.sort)?;
        let mut entries = self.catalog.entries_of(&found.ids, browse.sort);
        if browse.query.has_text() {
            let n = entries.len().min(browse.whole_texts);
            complete_texts(archive, &mut entries[..n]);
        }
        let tag_counts = self.catalog.tag_counts_of(&found.tag_counts);
        let (entries, folded, reprints) = self.with_reprints(entries, browse.one_per_story);
        Ok(Browsed { entries, reprints, folded, tag_counts })
    }

    /// The results with each story once (by its earliest clipping among them) when asked, what
    /// each such card stands for, and the stories' lists.
    fn with_reprints(&self, entries: Vec<Arc<Entry>>, one_per_story: bool) -> (Vec<Arc<Entry>>, Folded, Stories) {
        if self.story_of.is_empty() {
            return (entries, Folded::new(), Stories::default());
        }
        let mut folded = Folded::new();
        let entries = if one_per_story {
            let key = |e: &Entry| (e.card.date(), e.card.id);
            let mut first: HashMap<ClippingId, (chrono::NaiveDate, ClippingId)> = HashMap::new();
            for e in &entries {
                if let Some(root) = self.story_of.get(&e.id()) {
                    let k = key(e);
                    first.entry(*root).and_modify(|f| *f = (*f).min(k)).or_insert(k);
                }
            }
            let mut shown = Vec::with_capacity(first.len());
            for e in entries {
                match self.story_of.get(&e.id()).and_then(|root| first.get(root)) {
                    Some(&(_, head)) if head != e.id() => folded.entry(head).or_default().push(e),
                    _ => shown.push(e),
                }
            }
            shown
        } else {
            entries
        };
        (entries, folded, self.stories())
    }
}

/// Gives these entries their clippings' whole record (the catalog keeps only their cards).
fn complete_texts(archive: &Archive, entries: &mut [Arc<Entry>]) {
    for entry in entries.iter_mut().filter(|e| !e.is_complete()) {
        if let Ok(clipping) = archive.get(entry.id()) {
            *entry = Arc::new(entry.completed(clipping));
        }
    }
}
