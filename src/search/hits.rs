//! A search's hits: every matching document collected (the window shows all results, not a
//! first page), then put in order. Most are sorted ([`order::in_order`]); when a search finds
//! much of the archive with one score (a letter typed, a tag chosen, everything by date), those
//! hits are marked in a bitmap and read off the index's documents in date order
//! ([`DocOrder`]): at a million hits, collected in 2-4 ms and ordered in 4-6 ms, where reading
//! each hit's id and date while collecting and sorting them took 60-70 ms.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, Searcher, SegmentReader};

use super::order::{self, DocOrder};
use crate::search::query::Sort;
use crate::vocab::model::ClippingId;

/// A hit with what orders it.
pub(super) struct Hit {
    pub id: u64,
    pub score: Score,
    pub date: i64,
}

/// The hits of one segment: their documents and, when scored, their scores (in the same order).
pub(super) struct Found {
    segment: u32,
    docs: Vec<DocId>,
    scores: Vec<Score>,
    ids: Column<u64>,
    dates: Column<i64>,
}

impl Found {
    fn hit(&self, doc: DocId, score: Score) -> Option<Hit> {
        Some(Hit { id: self.ids.first(doc)?, score, date: self.dates.first(doc).unwrap_or_default() })
    }

    fn score(&self, i: usize) -> Score {
        self.scores.get(i).copied().unwrap_or(0.0)
    }
}

/// How many hits a search found in all.
pub(super) fn count(found: &[Found]) -> usize {
    found.iter().map(|f| f.docs.len()).sum()
}

/// Collects every matching document, with its score when the order needs it.
pub(super) struct AllHits {
    pub scoring: bool,
}

impl Collector for AllHits {
    type Fruit = Vec<Found>;
    type Child = Found;

    fn for_segment(&self, segment: u32, reader: &SegmentReader) -> tantivy::Result<Found> {
        Ok(Found {
            segment,
            docs: Vec::new(),
            scores: Vec::new(),
            ids: reader.fast_fields().u64("id")?,
            dates: reader.fast_fields().i64("date")?,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scoring
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Found>>) -> tantivy::Result<Vec<Found>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for Found {
    type Fruit = Vec<Found>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.docs.push(doc);
        // Unscored, every hit would carry the same zero.
        if score != 0.0 || !self.scores.is_empty() {
            self.scores.resize(self.docs.len() - 1, 0.0);
            self.scores.push(score);
        }
    }

    fn harvest(self) -> Vec<Found> {
        vec![self]
    }
}

/// The hits' ids in the order asked for: best match, then date, then id (see
/// [`order::in_order`]). With `by_date`, the hits that share the most common score are read
/// off it rather than sorted, when they are at least `walk_from` (and an eighth of the index).
pub(super) fn in_order(found: Vec<Found>, sort: Sort, by_date: Option<&DocOrder>, walk_from: usize) -> Vec<ClippingId> {
    let Some(by_date) = by_date else { return order::in_order(hits(&found), sort) };
    let tied = most_common_score(&found);
    let n_tied: usize =
        found.iter().map(|f| (0..f.docs.len()).filter(|&i| score_bits(f.score(i)) == tied).count()).sum();
    if n_tied < walk_from.max(by_date.len() / 8) {
        return order::in_order(hits(&found), sort);
    }
    // One pass: the tied hits marked, better and worse matches kept aside to be sorted (few,
    // where the walk pays).
    let mut marked = by_date.bitmap();
    let (mut better, mut worse) = (Vec::new(), Vec::new());
    for f in &found {
        for (i, &doc) in f.docs.iter().enumerate() {
            let score = f.score(i);
            let bits = score_bits(score);
            if bits == tied {
                by_date.mark(&mut marked, f.segment, doc);
            } else {
                let aside = if bits > tied { &mut better } else { &mut worse };
                aside.extend(f.hit(doc, score));
            }
        }
    }
    drop(found);
    let mut ids = Vec::with_capacity(n_tied + better.len() + worse.len());
    ids.extend(order::in_order(better, sort));
    by_date.walk(&marked, sort == Sort::Oldest, &mut ids);
    ids.extend(order::in_order(worse, sort));
    ids
}

/// Every hit with its id and date.
fn hits(found: &[Found]) -> Vec<Hit> {
    let mut hits = Vec::with_capacity(count(found));
    for f in found {
        hits.extend(f.docs.iter().enumerate().filter_map(|(i, &doc)| f.hit(doc, f.score(i))));
    }
    hits
}

/// A score as the order compares it: scores are never negative, so their bits sort as they do.
pub(super) fn score_bits(score: Score) -> u32 {
    score.max(0.0).to_bits()
}

/// The score most of the first hits share: any score would order the hits rightly, the most
/// common one leaves the fewest to sort.
fn most_common_score(found: &[Found]) -> u32 {
    const SAMPLE: usize = 1024;
    let mut first: Vec<u32> = Vec::with_capacity(SAMPLE);
    for f in found {
        let n = (SAMPLE - first.len()).min(f.docs.len());
        first.extend((0..n).map(|i| score_bits(f.score(i))));
    }
    first.sort_unstable();
    let mut best = (0, score_bits(0.0));
    for run in first.chunk_by(|a, b| a == b) {
        if run.len() > best.0 {
            best = (run.len(), run[0]);
        }
    }
    best.1
}

/// The index's documents in date order, for the generation of the index they were read from.
/// A large index's are read on a thread of their own, so that the search that first wants
/// them is not held up: until they come, searches sort their hits. While the index changes
/// often (an import commits every few seconds), they are read again at most every
/// [`READ_AGAIN_AFTER`]: each reading of a million takes a tenth of a second of a core that
/// the import wants, for an order the next commit makes old.
pub(super) struct ByDate {
    state: Arc<Mutex<State>>,
    /// Up to this many documents, the order is read at once (a few milliseconds).
    read_at_once_up_to: u32,
}

#[derive(Default)]
struct State {
    reading: Reading,
    /// When the last reading on a thread of its own began.
    last_begun: Option<Instant>,
}

/// Where the reading of the order stands, by the generation of the index read.
#[derive(Default)]
enum Reading {
    #[default]
    NotYet,
    Under(u64),
    /// `None` where they cannot be ordered so (ids over 32 bits).
    Done(u64, Option<Arc<DocOrder>>),
}

const READ_AT_ONCE_UP_TO: u32 = 200_000;
const READ_AGAIN_AFTER: Duration = Duration::from_secs(5);

impl Default for ByDate {
    fn default() -> ByDate {
        ByDate { state: Arc::default(), read_at_once_up_to: READ_AT_ONCE_UP_TO }
    }
}

impl ByDate {
    /// The order as `searcher` sees the index, if it is read (or quick to read).
    pub(super) fn get(&self, searcher: &Searcher) -> Option<Arc<DocOrder>> {
        let generation = searcher.generation().generation_id();
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        match &state.reading {
            Reading::Done(of, order) if *of == generation => return order.clone(),
            Reading::Under(of) if *of == generation => return None,
            _ => {}
        }
        let n_docs: u32 = searcher.segment_readers().iter().map(SegmentReader::max_doc).sum();
        if n_docs <= self.read_at_once_up_to {
            let order = read_order(searcher).map(Arc::new);
            state.reading = Reading::Done(generation, order.clone());
            return order;
        }
        if state.last_begun.is_some_and(|begun| begun.elapsed() < READ_AGAIN_AFTER) {
            return None;
        }
        state.reading = Reading::Under(generation);
        state.last_begun = Some(Instant::now());
        let (searcher, shared) = (searcher.clone(), Arc::clone(&self.state));
        let spawned = std::thread::Builder::new().name("search-order".into()).spawn(move || {
            let order = read_order(&searcher).map(Arc::new);
            let mut state = shared.lock().unwrap_or_else(PoisonError::into_inner);
            // A newer generation asked meanwhile: this one is of no more use.
            if matches!(&state.reading, Reading::Under(of) if *of == generation) {
                state.reading = Reading::Done(generation, order);
            }
        });
        if spawned.is_err() {
            state.reading = Reading::Done(generation, None);
        }
        None
    }
}

/// Every live document of the index in date order; `None` where they cannot be so ordered.
fn read_order(searcher: &Searcher) -> Option<DocOrder> {
    let readers = searcher.segment_readers();
    let columns = readers
        .iter()
        .map(|r| Ok((r.fast_fields().u64("id")?, r.fast_fields().i64("date")?)))
        .collect::<tantivy::Result<Vec<_>>>()
        .ok()?;
    let sizes: Vec<u32> = readers.iter().map(SegmentReader::max_doc).collect();
    let docs = readers.iter().zip(&columns).zip(0u32..).flat_map(|((reader, (ids, dates)), segment)| {
        reader.doc_ids_alive().filter_map(move |doc| {
            let hit = Hit { id: ids.first(doc)?, score: 0.0, date: dates.first(doc).unwrap_or_default() };
            Some((segment, doc, hit))
        })
    });
    DocOrder::of(&sizes, docs)
}

#[cfg(test)]
mod tests {
    use super::super::SearchIndex;
    use crate::search::query::{Query, Sort};
    use crate::vocab::model::{Clipping, ClippingId};

    fn clipping(id: u64) -> Clipping {
        let words =
            ["trade talks in Brussels", "the treaty on transit", "oil prices", "a pipeline to the port", "t and tea"];
        let day =
            chrono::NaiveDate::from_ymd_opt(2024, 1, 1).and_then(|d| d.checked_add_days(chrono::Days::new(id % 37)));
        Clipping {
            id: ClippingId(id),
            title: words[(id % 5) as usize].to_owned(),
            body: format!("{} {id}", words[(id * 7 % 5) as usize]),
            // Some undated, many on one day: ties the id must break.
            published: day.filter(|_| !id.is_multiple_of(11)),
            ..Clipping::default()
        }
    }

    #[test]
    fn hits_read_off_the_documents_in_date_order_come_in_the_order_sorting_gives() {
        let dir = tempfile::tempdir().unwrap();
        let mut index = SearchIndex::create(dir.path()).unwrap();
        // Three segments, and clippings indexed again, which leaves deleted documents behind.
        for batch in [1..300, 300..600, 100..200] {
            let records: Vec<_> = batch.map(|id| (ClippingId(id), Some((clipping(id), Vec::new())))).collect();
            index.replace(&records).unwrap();
        }
        let order = index.by_date.get(&index.reader.searcher()).unwrap();
        assert_eq!(order.len(), 599, "every live document, once");
        for q in ["", "t", "tr", "trade talks", "oil OR pipeline", "kind:article"] {
            for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
                let query = Query::parse(q);
                index.walk_from = usize::MAX;
                let sorted = index.search(&query, sort).unwrap();
                index.walk_from = 1;
                let walked = index.search(&query, sort).unwrap();
                assert!(!sorted.is_empty(), "{q:?}");
                let first_apart = walked.iter().zip(&sorted).position(|(w, s)| w != s);
                assert!(walked == sorted, "{q:?} {sort:?}: apart from place {first_apart:?}");
            }
        }
    }

    #[test]
    fn a_large_index_reads_its_order_on_a_thread_and_not_again_at_every_commit() {
        let dir = tempfile::tempdir().unwrap();
        let mut index = SearchIndex::create(dir.path()).unwrap();
        // Every index counts as large here: its order is read on a thread of its own.
        index.by_date.read_at_once_up_to = 0;
        index.walk_from = 1;
        let records: Vec<_> = (1..400).map(|id| (ClippingId(id), Some((clipping(id), Vec::new())))).collect();
        index.replace(&records).unwrap();
        let everything = Query::parse("");
        let expected = index.search(&everything, Sort::Newest).unwrap();
        let start = std::time::Instant::now();
        while index.by_date.get(&index.reader.searcher()).is_none() {
            assert!(start.elapsed() < std::time::Duration::from_secs(30), "the order never came");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(index.search(&everything, Sort::Newest).unwrap(), expected, "read off the order");
        // A commit soon after: its order is not read again yet, and the hits are sorted meanwhile,
        // the new one among them.
        index.replace(&[(ClippingId(400), Some((clipping(400), Vec::new())))]).unwrap();
        let after_commit = index.search(&everything, Sort::Newest).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert!(index.by_date.get(&index.reader.searcher()).is_none(), "not read again so soon");
        index.walk_from = usize::MAX;
        let sorted = index.search(&everything, Sort::Newest).unwrap();
        assert_eq!(after_commit, sorted);
        assert_eq!(sorted.len(), expected.len() + 1);
    }
}
