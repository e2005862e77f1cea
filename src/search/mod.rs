//! The full-text index: Tantivy, in the archive's `index/` folder. It is derived: the sled
//! database stays the store of record, and deleting the folder loses nothing (the archive
//! rebuilds it; see `archive/indexing.rs` for how it is kept in step). Fields: `all` (every text
//! field folded, with positions), `title` (boosted), `text_<lang>` (the stems that differ from
//! their words), `short_prefixes`, `source`, string fields for kind, language and trash, and
//! days as fast fields. Tags are not in the documents: which clippings carry each is held
//! beside them ([`tags::TagTable`]). A [`Query`] becomes a Tantivy boolean query; every hit is
//! collected and ranked by BM25 then date.

pub mod analysis;
pub mod cjk;
mod folding;
pub mod highlight;
mod hits;
mod order;
mod period;
pub mod query;
mod stemming;
pub mod stories;
pub mod tags;
mod typed;
mod warm;
mod words;
mod writing;
pub use warm::read_ahead;
pub use writing::BulkPace;

use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use chrono::NaiveDate;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, InvertedIndexRangeQuery, Occur, PhrasePrefixQuery,
    PhraseQuery, Query as TantivyQuery, RangeQuery, TermQuery,
};
use tantivy::schema::{FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Term};

use crate::search::query::{DateRange, Query, Sort, Text};
use crate::vocab::model::{Clipping, ClippingId, Tag};
use crate::vocab::quiet;
use crate::vocab::{Error, Result};
use analysis::{
    Analyzers, SHORT_PREFIX_CHARS, STEMMED, changed_stems_analyzer, folded_analyzer, is_kazakh_prefix_word,
    short_prefixes_analyzer,
};
use tags::{IdBits, TagTable};

/// Bumped whenever the schema or the analysis changes: an index of another version is rebuilt.
pub const INDEX_VERSION: u32 = 8;
const VERSION_FILE: &str = "clippings-index-version";
/// Clippings read and written to the index at a time; a change, an import's group, commits
/// after it.
pub(crate) const BATCH: usize = 2000;
const WRITER_MEMORY_BYTES: usize = 96 * 1024 * 1024;

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    kind: Field,
    lang: Field,
    trashed: Field,
    source: Field,
    title: Field,
    all: Field,
    /// The first one to three letters of every word in `all`: a short prefix as typed is one
    /// term here instead of thousands of words to expand.
    short_prefixes: Field,
    date: Field,
    imported: Field,
    /// The address it was published at, in its canonical form (`url:`, and the duplicate
    /// check of an address imported again).
    url: Field,
    /// "yes" while the clipping is in the inbox (`in:inbox`).
    inbox: Field,
    /// A photo's keywords, each whole and case folded (`keyword:`); their words are in `all`.
    keyword: Field,
    stemmed: [(&'static str, Field); 5],
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |tokenizer: &str, record: IndexRecordOption| {
        TextOptions::default()
            .set_indexing_options(TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(record))
    };
    let fields = Fields {
        id: b.add_u64_field("id", INDEXED | FAST),
        kind: b.add_text_field("kind", STRING),
        lang: b.add_text_field("lang", STRING),
        trashed: b.add_text_field("trashed", STRING),
        source: b.add_text_field("source", text("folded", IndexRecordOption::WithFreqsAndPositions)),
        title: b.add_text_field("title", text("folded", IndexRecordOption::WithFreqs)),
        all: b.add_text_field("all", text("folded", IndexRecordOption::WithFreqsAndPositions)),
        short_prefixes: b.add_text_field("short_prefixes", text("short_prefixes", IndexRecordOption::Basic)),
        date: b.add_i64_field("date", INDEXED | FAST),
        imported: b.add_i64_field("imported", INDEXED | FAST),
        url: b.add_text_field("url", STRING),
        inbox: b.add_text_field("inbox", STRING),
        keyword: b.add_text_field("keyword", STRING),
        stemmed: STEMMED.map(|(code, _)| {
            (
                code,
                b.add_text_field(&format!("text_{code}"), text(&format!("stem_{code}"), IndexRecordOption::WithFreqs)),
            )
        }),
    };
    (b.build(), fields)
}

fn day_number(d: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&d))
}

/// A Tantivy error for a person: a full disk said as such (Tantivy words its I/O errors with
/// Rust's debug formatting), anything else as Tantivy says it.
fn index_error(dir: &Path, e: &tantivy::TantivyError) -> Error {
    let text = e.to_string();
    let reason = if text.contains("os error 28") || text.contains("StorageFull") {
        "the disk is full: free some space; the index catches up then".to_owned()
    } else {
        text
    };
    Error::Index { path: dir.to_owned(), reason }
}

/// Where an index being started comes from.
enum Origin {
    /// Opened from its folder, with what earlier processes wrote.
    Opened,
    /// Made empty in this process.
    MadeEmpty,
}

/// What the index holds of a clipping: the clipping with its tags, or `None` once it is deleted.
pub type Record = Option<(Clipping, Vec<Tag>)>;

/// The Tantivy index of an archive. Searching takes no lock; writing goes through one writer.
pub struct SearchIndex {
    dir: PathBuf,
    reader: IndexReader,
    /// `None` only while it is dropped.
    writer: Mutex<Option<IndexWriter>>,
    fields: Fields,
    /// Which clippings carry each tag: not in the documents, so that a tag changes no text.
    /// In an index opened from its folder, `None` until the archive reads it from the database
    /// ([`SearchIndex::load_tags`]); until then changes to it are not kept, as the reading will
    /// find them. A new index starts with an empty one, which the records indexed fill.
    tags: RwLock<Option<TagTable>>,
    /// How many changes of tags the index was told of (records indexed, tags put on or taken
    /// off), read or not: a table made from elsewhere (the catalog) is current only if none
    /// came after it was read ([`SearchIndex::tag_changes`]).
    tag_changes: AtomicU64,
    /// The documents in date order, which searches that find much of the index read their
    /// hits off.
    by_date: hits::ByDate,
    /// From how many hits of one score a search reads them off [`SearchIndex::by_date`].
    walk_from: usize,
    /// When the writer last committed.
    last_commit: Mutex<std::time::Instant>,
    /// In an index made empty in this process, the ids written since; `None` in one opened
    /// from its folder, whose every write deletes the id's older document first.
    written_ids: Mutex<Option<writing::WrittenIds>>,
}

/// From this many hits, a search gives their set as well as their list.
const FOUND_AS_BITS_FROM: usize = 4096;

/// Below this many hits of one score, sorting them is as quick as reading them off the
/// documents in date order (and a small index needs no such order).
const WALK_FROM: usize = 50_000;

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("dir", &self.dir).finish_non_exhaustive()
    }
}

/// Dropping the index waits for its background merges: no thread of it reads or writes its
/// files once it is gone (the next open of the same folder, a backup, or a test that damages
/// the files on purpose would otherwise meet a merge still at work).
impl Drop for SearchIndex {
    fn drop(&mut self) {
        self.close();
    }
}

impl SearchIndex {
    /// Opens the index in `dir`. When it is missing, damaged or of another version, an empty
    /// one is made in its place and `true` returned: the caller must index everything, then
    /// call [`SearchIndex::mark_complete`]. The index is derived, so nothing is lost.
    pub fn open(dir: &Path) -> Result<(SearchIndex, bool)> {
        let version = std::fs::read_to_string(dir.join(VERSION_FILE)).ok();
        // A damaged index may fail to open or panic while opening: either way it is made anew.
        if version.as_deref().map(str::trim) == Some(INDEX_VERSION.to_string().as_str()) {
            match quiet::catch_quietly(|| SearchIndex::open_existing(dir)) {
                Ok(Ok(index)) => return Ok((index, false)),
                // A full disk is no damage: the index is kept for when there is room again.
                Ok(Err(e)) if e.is_disk_full() => return Err(e),
                _ => {}
            }
        }
        SearchIndex::create(dir).map(|index| (index, true))
    }

    fn open_existing(dir: &Path) -> Result<SearchIndex> {
        let err = |e: tantivy::TantivyError| index_error(dir, &e);
        let index = Index::open_in_dir(dir).map_err(err)?;
        let (schema, fields) = schema();
        if index.schema() != schema {
            return Err(Error::Index { path: dir.to_owned(), reason: "built with another schema".to_owned() });
        }
        let opened = SearchIndex::start(dir, &index, fields, Origin::Opened)?;
        // Every segment must be readable, not just the list of them.
        for segment in opened.reader.searcher().segment_readers() {
            segment.fast_fields().u64("id").map_err(err)?;
        }
        Ok(opened)
    }

    /// Stops the writer and waits for its merges and commits, so that nothing of this index
    /// writes to its folder any more. Searching still works; changing fails. Called before
    /// another index is made in the same folder: a writer left running (a merge, a commit's
    /// clean-up) would go on in the folder the new index now uses.
    pub fn close(&self) {
        let writer = self.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        if let Some(writer) = writer {
            let _ = quiet::catch_quietly(|| writer.wait_merging_threads());
        }
    }

    /// Makes an empty index in `dir`, in place of whatever was there.
    pub fn create(dir: &Path) -> Result<SearchIndex> {
        match std::fs::remove_dir_all(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(dir, e)),
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, fields) = schema();
        let index = Index::create_in_dir(dir, schema).map_err(|e| index_error(dir, &e))?;
        SearchIndex::start(dir, &index, fields, Origin::MadeEmpty)
    }

    /// Registers the analyzers and starts the writer and the reader.
    fn start(dir: &Path, index: &Index, fields: Fields, origin: Origin) -> Result<SearchIndex> {
        // An opened index's tags are the database's to say. A new one has no document yet:
        // each one indexed brings its tags, and none is there to be replaced but those
        // written since.
        let (tags, written_ids) = match origin {
            Origin::Opened => (None, None),
            Origin::MadeEmpty => (Some(TagTable::default()), Some(writing::WrittenIds::default())),
        };
        let err = |e: tantivy::TantivyError| index_error(dir, &e);
        index.tokenizers().register("folded", folded_analyzer());
        index.tokenizers().register("short_prefixes", short_prefixes_analyzer());
        for (code, language) in STEMMED {
            index.tokenizers().register(&format!("stem_{code}"), changed_stems_analyzer(language));
        }
        let writer = index.writer(WRITER_MEMORY_BYTES).map_err(err)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(err)?;
        Ok(SearchIndex {
            dir: dir.to_owned(),
            reader,
            writer: Mutex::new(Some(writer)),
            fields,
            tags: RwLock::new(tags),
            tag_changes: AtomicU64::new(0),
            by_date: hits::ByDate::default(),
            walk_from: WALK_FROM,
            last_commit: Mutex::new(std::time::Instant::now()),
            written_ids: Mutex::new(written_ids),
        })
    }

    /// Records that the index is of this version and holds (or has marks for) every clipping.
    pub fn mark_complete(&self) -> Result<()> {
        let path = self.dir.join(VERSION_FILE);
        std::fs::write(&path, INDEX_VERSION.to_string()).map_err(|e| Error::io(path, e))
    }

    fn err(&self, e: tantivy::TantivyError) -> Error {
        index_error(&self.dir, &e)
    }

    /// Runs `f`; a panic in it (Tantivy's, on damaged files) is an index error like the others.
    fn guarded<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        quiet::catch_quietly(f).unwrap_or_else(|panic| {
            let what = quiet::panic_message(panic.as_ref());
            Err(Error::Index { path: self.dir.clone(), reason: format!("the index is damaged ({what})") })
        })
    }

    fn tags_read(&self) -> std::sync::RwLockReadGuard<'_, Option<TagTable>> {
        self.tags.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn tags_mut(&self) -> std::sync::RwLockWriteGuard<'_, Option<TagTable>> {
        self.tags.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether the table of tags has been read from the database.
    pub fn has_tags(&self) -> bool {
        self.tags_read().is_some()
    }

    /// Takes which clippings carry each tag, as the database has them. The caller makes sure
    /// that no change to the tags is made between its reading and this.
    pub fn load_tags(&self, table: TagTable) {
        *self.tags_mut() = Some(table);
    }

    /// How many changes of tags the index was told of so far (see the field's note). Each is
    /// counted after the database has it.
    pub fn tag_changes(&self) -> u64 {
        self.tag_changes.load(Ordering::SeqCst)
    }

    /// How many clippings carry each tag (by key), once the table is read.
    pub fn tag_link_counts(&self) -> Option<std::collections::HashMap<String, usize>> {
        self.tags_read().as_ref().map(TagTable::counts_by_key)
    }

    /// The database put a tag on these clippings: searches find it at once, with no document
    /// written again.
    pub fn tag_added(&self, key: &str, ids: &[ClippingId]) {
        self.tag_changes.fetch_add(1, Ordering::SeqCst);
        if let Some(table) = self.tags_mut().as_mut() {
            table.add(key, ids);
        }
    }

    /// The database took a tag off these clippings.
    pub fn tag_removed(&self, key: &str, ids: &[ClippingId]) {
        self.tag_changes.fetch_add(1, Ordering::SeqCst);
        if let Some(table) = self.tags_mut().as_mut() {
            table.remove(key, ids);
        }
    }

    /// How many documents the index holds.
    pub fn n_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Which commit searches see: it changes with each commit, and only then.
    pub fn generation(&self) -> u64 {
        self.reader.searcher().generation().generation_id()
    }

    /// The clippings that match, in the order asked for. [`Sort::Title`] gives newest first:
    /// titles are not in the index, the caller sorts.
    pub fn search(&self, query: &Query, sort: Sort) -> Result<Vec<ClippingId>> {
        Ok(self.run(query, sort, false)?.ids)
    }

    /// [`SearchIndex::search`], and how many of the results carry each tag.
    pub fn search_with_tag_counts(&self, query: &Query, sort: Sort) -> Result<SearchResults> {
        self.run(query, sort, true)
    }

    fn run(&self, query: &Query, sort: Sort, count_tags: bool) -> Result<SearchResults> {
        self.guarded(|| self.try_run(query, sort, count_tags))
    }

    fn try_run(&self, query: &Query, sort: Sort, count_tags: bool) -> Result<SearchResults> {
        let Some(tantivy_query) = self.to_tantivy(query) else { return Ok(SearchResults::default()) };
        let searcher = self.reader.searcher();
        let scoring = sort == Sort::Relevance && query.has_text();
        let found = searcher.search(&*tantivy_query, &hits::AllHits { scoring }).map_err(|e| self.err(e))?;
        // Without words to weigh, the best match is the newest.
        let order = if sort == Sort::Relevance && !scoring { Sort::Newest } else { sort };
        let by_date = if hits::count(&found) >= self.walk_from { self.by_date.get(&searcher) } else { None };
        let ids = hits::in_order(found, order, by_date.as_deref(), self.walk_from);
        // Counting the tags and folding the stories each want the set of the hits, when many.
        let found = (ids.len() >= FOUND_AS_BITS_FROM).then(|| Arc::new(IdBits::of_ids(&ids)));
        let (tag_counts, tags_pending) = match (count_tags, self.tags_read().as_ref()) {
            (true, Some(table)) => (table.counts(&ids, found.as_deref()), false),
            (true, None) => (Vec::new(), true),
            (false, _) => (Vec::new(), false),
        };
        Ok(SearchResults { ids, tag_counts, tags_pending, found })
    }

    /// The query in Tantivy's terms; `None` when nothing can match (an unknown country).
    fn to_tantivy(&self, query: &Query) -> Option<Box<dyn TantivyQuery>> {
        let mut analyzers = Analyzers::default();
        let mut clauses = self.conditions(query, &mut analyzers)?;
        // The trash is small: leaving it out is cheaper than intersecting with everything else.
        let trashed = text_term(self.fields.trashed, "yes");
        clauses.push(if query.in_trash {
            (Occur::Must, Box::new(ConstScoreQuery::new(trashed, 0.0)))
        } else {
            (Occur::MustNot, trashed)
        });
        Some(all_of(clauses))
    }

    /// What a clipping must and must not match to meet a query (where it is searched aside);
    /// `None` when nothing can meet it.
    fn conditions(&self, query: &Query, analyzers: &mut Analyzers) -> Option<Vec<(Occur, Box<dyn TantivyQuery>)>> {
        let filters: Vec<Box<dyn TantivyQuery>> =
            self.filters(query, analyzers).into_iter().collect::<Option<Vec<_>>>()?;
        // Filters narrow the results without weighing in the ranking.
        let mut clauses: Vec<(Occur, Box<dyn TantivyQuery>)> = filters
            .into_iter()
            .map(|q| (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn TantivyQuery>))
            .collect();
        if let Some(negated) = &query.excluded_filters {
            // A filter that can match nothing (an unknown country) leaves nothing out.
            clauses.extend(self.filters(negated, analyzers).into_iter().flatten().map(|q| (Occur::MustNot, q)));
        }
        for clause in &query.clauses {
            let alternatives: Vec<Box<dyn TantivyQuery>> =
                clause.iter().filter_map(|text| self.text_query(text, analyzers)).collect();
            match alternatives.len() {
                // Punctuation only ("-", "&"): nothing to look for.
                0 => {}
                1 => clauses.extend(alternatives.into_iter().map(|q| (Occur::Must, q))),
                _ => clauses.push((Occur::Must, Box::new(BooleanQuery::union(alternatives)))),
            }
        }
        for text in &query.excluded {
            if let Some(q) = self.text_query(text, analyzers) {
                clauses.push((Occur::MustNot, q));
            }
        }
        for group in &query.groups {
            // An alternative that nothing can meet drops out; one that asks for nothing
            // (punctuation typed alone) is no alternative.
            let mut alternatives: Vec<Box<dyn TantivyQuery>> = group
                .alternatives
                .iter()
                .filter_map(|alternative| self.conditions(alternative, analyzers))
                .filter(|conditions| !conditions.is_empty())
                .map(all_of)
                .collect();
            let matcher: Box<dyn TantivyQuery> = match alternatives.len() {
                0 if group.negated => continue,
                0 => return None,
                1 => alternatives.pop()?,
                _ => Box::new(BooleanQuery::union(alternatives)),
            };
            clauses.push((if group.negated { Occur::MustNot } else { Occur::Must }, matcher));
        }
        Some(clauses)
    }

    /// The query's field filters (tags, kind, language, source, dates), one query each; `None`
    /// for one that nothing can meet.
    fn filters(&self, query: &Query, analyzers: &mut Analyzers) -> Vec<Option<Box<dyn TantivyQuery>>> {
        let f = &self.fields;
        let mut filters = Vec::new();
        for key in query.tag_keys() {
            filters.push(key.map(|key| match self.tags_read().as_ref() {
                Some(table) => table.filter(&key),
                None => Box::new(EmptyQuery),
            }));
        }
        if let Some(kind) = query.kind {
            filters.push(Some(text_term(f.kind, kind.as_str())));
        }
        for language in &query.languages {
            filters.push(Some(text_term(f.lang, language)));
        }
        for url in &query.urls {
            filters.push(Some(text_term(f.url, url)));
        }
        for keyword in &query.keywords {
            filters.push(Some(text_term(f.keyword, keyword)));
        }
        if query.in_inbox {
            filters.push(Some(text_term(f.inbox, "yes")));
        }
        for source in &query.sources {
            let words: Vec<String> = analyzers.folded(source).into_iter().map(|t| t.text).collect();
            filters.push((!words.is_empty()).then(|| phrase_query(f.source, &words, true)));
        }
        for (field, range) in [(f.date, query.date), (f.imported, query.imported)] {
            if let Some(range) = range {
                filters.push(Some(range_query(field, range)));
            }
        }
        filters
    }

    fn text_query(&self, text: &Text, analyzers: &mut Analyzers) -> Option<Box<dyn TantivyQuery>> {
        let words: Vec<String> = analyzers.folded(&text.text).into_iter().map(|t| t.text).collect();
        match words.as_slice() {
            [] => None,
            [word] => Some(self.word_query(word, &text.text, text.prefix, analyzers)),
            [complete @ .., last] if text.prefix && last.chars().count() <= SHORT_PREFIX_CHARS => {
                // A phrase's last word of a few letters could stand for more words than a
                // phrase query expands to: ask for the complete words in a row and the short
                // prefix anywhere, until one more letter is typed.
                Some(Box::new(BooleanQuery::intersection(vec![
                    phrase_query(self.fields.all, complete, false),
                    text_term(self.fields.short_prefixes, last),
                ])))
            }
            _ => Some(phrase_query(self.fields.all, &words, text.prefix)),
        }
    }

    /// One word: the folded word anywhere (twice the weight in the title), its stem in
    /// clippings of each stemmed language, and, being typed, any word it begins.
    fn word_query(&self, folded: &str, typed: &str, prefix: bool, analyzers: &mut Analyzers) -> Box<dyn TantivyQuery> {
        let f = &self.fields;
        let term = |field: Field, value: &str| -> Box<dyn TantivyQuery> {
            Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::WithFreqs))
        };
        let mut any: Vec<Box<dyn TantivyQuery>> =
            vec![term(f.all, folded), Box::new(BoostQuery::new(term(f.title, folded), 2.0))];
        for (code, field) in f.stemmed {
            if let Some(stem) = analyzers.stem_word(code, typed) {
                // A word that is its own stem is not in the stem field: the clippings of the
                // language with that very word (as `all` holds it) stand for it.
                if stem != folded {
                    let in_language = Box::new(ConstScoreQuery::new(text_term(f.lang, code), 0.0));
                    let own_stem = BooleanQuery::intersection(vec![term(f.all, &stem), in_language]);
                    any.push(Box::new(own_stem));
                }
                any.push(term(field, &stem));
            }
        }
        if prefix && folded.chars().count() <= SHORT_PREFIX_CHARS {
            // Scored alike, as the longer prefixes' expansion is; merged with the exact words
            // in a walk of its own (most clippings have a word a letter begins).
            let prefix = Term::from_field_text(f.short_prefixes, folded);
            return Box::new(typed::WordsOrPrefix::new(any, prefix, 1.0));
        } else if prefix {
            any.push(prefix_query(f.all, folded));
        } else if is_kazakh_prefix_word(folded) {
            let in_kazakh = term(f.lang, "kk");
            any.push(Box::new(BooleanQuery::intersection(vec![prefix_query(f.all, folded), in_kazakh])));
        }
        Box::new(BooleanQuery::union(any))
    }
}

/// A query that every `Must` clause and no `MustNot` one matches.
fn all_of(mut clauses: Vec<(Occur, Box<dyn TantivyQuery>)>) -> Box<dyn TantivyQuery> {
    // Exclusions alone match nothing in Tantivy: they need something to exclude from.
    if !clauses.iter().any(|(occur, _)| *occur == Occur::Must) {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0))));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Every word that begins with `prefix`, however many: a one-letter prefix as typed must find
/// all of them. Matches score alike; the ranking comes from the exact words beside it.
fn prefix_query(field: Field, prefix: &str) -> Box<dyn TantivyQuery> {
    // Terms compare as UTF-8 bytes: no character sorts after U+10FFFF.
    let last = format!("{prefix}\u{10FFFF}\u{10FFFF}");
    Box::new(InvertedIndexRangeQuery::new(
        Bound::Included(Term::from_field_text(field, prefix)),
        Bound::Included(Term::from_field_text(field, &last)),
    ))
}

/// How many words the last, unfinished word of a phrase may stand for.
const PHRASE_PREFIX_EXPANSIONS: u32 = 1000;

/// Words in a row; with `prefix`, the last one is matched as the beginning of a word.
fn phrase_query(field: Field, words: &[String], prefix: bool) -> Box<dyn TantivyQuery> {
    let mut terms: Vec<Term> = words.iter().map(|w| Term::from_field_text(field, w)).collect();
    match (terms.len(), prefix) {
        (0, _) => Box::new(EmptyQuery),
        (1, true) => prefix_query(field, words.first().map_or("", String::as_str)),
        (1, false) => match terms.pop() {
            Some(term) => Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
            None => Box::new(EmptyQuery),
        },
        (_, true) => {
            let mut q = PhrasePrefixQuery::new(terms);
            q.set_max_expansions(PHRASE_PREFIX_EXPANSIONS);
            Box::new(q)
        }
        (_, false) => Box::new(PhraseQuery::new(terms)),
    }
}

fn text_term(field: Field, value: &str) -> Box<dyn TantivyQuery> {
    Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
}

fn range_query(field: Field, range: DateRange) -> Box<dyn TantivyQuery> {
    let bound = |d: Option<NaiveDate>| match d {
        Some(d) => Bound::Included(Term::from_field_i64(field, day_number(d))),
        None => Bound::Unbounded,
    };
    if range.from.is_none() && range.to.is_none() {
        // The index's range query needs a bound; no bound at all is every day.
        return Box::new(AllQuery);
    }
    Box::new(RangeQuery::new(bound(range.from), bound(range.to)))
}

/// What a search found: the clippings in order and, when asked, the tag counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    pub ids: Vec<ClippingId>,
    /// Tag keys (`kind:folded value`) with how many results carry them, unsorted.
    pub tag_counts: Vec<(String, usize)>,
    /// The counts were asked for before the table of tags was read: they come with the next
    /// search.
    pub tags_pending: bool,
    /// The set of the ids found, where they are many.
    pub found: Option<Arc<IdBits>>,
}

/// The keys of tags.
fn keys(tags: &[Tag]) -> Vec<String> {
    tags.iter().map(Tag::key).collect()
}
