//! The full-text index: Tantivy, in the archive's `index/` folder. It is derived: the sled
//! database stays the store of record, and deleting the folder loses nothing (the archive
//! rebuilds it). Every change to a clipping or its tags marks the clipping in the database as
//! waiting for the index (`index_pending`, with the change's sequence number), before and after
//! the change, and indexes it before returning; [`Archive::sync_index`] works through a backlog.
//! Either re-indexes, commits, and only then clears the marks of the changes it indexed. A
//! process killed at any moment therefore leaves marks for whatever the index may lack, and the
//! next open catches up.
//!
//! Analysis: words are runs of letters and digits, lower-cased, ё read as е, diacritics folded
//! (café = cafe, Łódź = lodz). Every clipping's text is indexed folded (`all`, with positions,
//! for words, prefixes and phrases) and, for English, Russian, French, Dutch and German, also
//! stemmed by its language's Snowball stemmer. Chinese and Japanese are cut into overlapping
//! pairs of characters (`cjk.rs`), so a query finds them anywhere in a run. Kazakh has no
//! stemmer: a Cyrillic word of four letters or more also matches as a prefix in Kazakh
//! clippings, so "Қазақстан" finds "Қазақстанның".

use std::ops::{Bound, Range};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Local, NaiveDate};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, InvertedIndexRangeQuery, Occur, PhrasePrefixQuery,
    PhraseQuery, Query as TantivyQuery, RangeQuery, TermQuery,
};
use tantivy::schema::{FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::{DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, SegmentReader, TantivyDocument, Term};

use crate::archive::Archive;
use crate::archive::cjk::CjkBigrams;
use crate::archive::error::{Error, Result};
use crate::archive::model::{Clipping, ClippingId, Tag};
use crate::archive::query::{DateRange, Query, Sort, Text};

/// Bumped whenever the schema or the analysis changes: an index of another version is rebuilt.
pub const INDEX_VERSION: u32 = 4;
const VERSION_FILE: &str = "clippings-index-version";
/// Clippings re-indexed between two commits (and progress reports).
const BATCH: usize = 2000;
const WRITER_MEMORY_BYTES: usize = 96 * 1024 * 1024;

/// Languages with a Snowball stemmer, by ISO 639-1 code.
const STEMMED: [(&str, Language); 5] = [
    ("en", Language::English),
    ("ru", Language::Russian),
    ("fr", Language::French),
    ("nl", Language::Dutch),
    ("de", Language::German),
];

/// Kazakh letters that Russian does not have (і is left out: Ukrainian and Belarusian use it).
const KAZAKH_LETTERS: &str = "әғқңөұүһӘҒҚҢӨҰҮҺ";

/// How much of a text a snippet is looked for in.
const SNIPPET_SCAN_BYTES: usize = 32 * 1024;

/// Prefixes up to this many letters are indexed as terms of their own (`short_prefixes`).
const SHORT_PREFIX_CHARS: usize = 3;

/// The shortest Cyrillic word that also matches as a prefix in Kazakh clippings.
const KAZAKH_PREFIX_MIN_CHARS: usize = 4;

fn folded_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(CjkBigrams)
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Stems before folding: the stemmers know their language's accents (é, ä) and й.
fn stemmed_analyzer(language: Language) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(CjkBigrams)
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(Stemmer::new(language))
        .filter(AsciiFoldingFilter)
        .build()
}

/// ё and е are one letter to a reader of Russian; Tantivy's folding leaves Cyrillic alone. Both
/// are two bytes in UTF-8, so offsets into the result are offsets into the original.
fn fold_yo(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['ё', 'Ё']) { text.replace('ё', "е").replace('Ё', "Е").into() } else { text.into() }
}

/// A word of text with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    /// Byte range in the analyzed text.
    pub range: Range<usize>,
}

/// The analyzers the index uses, for code that needs to see text as the index does (the
/// highlighter, tests that check the index against a plain scan).
#[derive(Clone)]
pub struct Analyzers {
    folded: TextAnalyzer,
    stemmed: Vec<(&'static str, TextAnalyzer)>,
}

impl Default for Analyzers {
    fn default() -> Analyzers {
        Analyzers {
            folded: folded_analyzer(),
            stemmed: STEMMED.iter().map(|&(code, language)| (code, stemmed_analyzer(language))).collect(),
        }
    }
}

fn run(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
    let text = fold_yo(text);
    let mut stream = analyzer.token_stream(&text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push(Token { text: t.text.clone(), range: t.offset_from..t.offset_to });
    }
    out
}

impl Analyzers {
    /// The words of `text`, lower-cased and folded, as the index's `all` field holds them.
    pub fn folded(&mut self, text: &str) -> Vec<Token> {
        run(&mut self.folded, text)
    }

    /// The words of `text` stemmed for `language`; `None` when the language has no stemmer.
    pub fn stemmed(&mut self, language: &str, text: &str) -> Option<Vec<Token>> {
        let (_, analyzer) = self.stemmed.iter_mut().find(|(code, _)| *code == language)?;
        Some(run(analyzer, text))
    }

    fn stem_word(&mut self, language: &str, word: &str) -> Option<String> {
        let tokens = self.stemmed(language, word)?;
        match tokens.as_slice() {
            [one] => Some(one.text.clone()),
            _ => None,
        }
    }
}

/// Whether a Cyrillic word is long enough to be matched as a prefix in Kazakh clippings.
pub fn is_kazakh_prefix_word(folded_word: &str) -> bool {
    folded_word.chars().count() >= KAZAKH_PREFIX_MIN_CHARS && folded_word.chars().any(is_cyrillic)
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// The language of a text as an ISO 639-1 code where there is one (else ISO 639-3), or an
/// empty string when it cannot be told. Kazakh is told by its own letters (whatlang does not
/// know it); the rest by whatlang over the first few thousand characters.
pub fn detect_language(text: &str) -> String {
    let sample: String = text.chars().take(4000).collect();
    let (mut n_cyrillic, mut n_kazakh) = (0usize, 0usize);
    for c in sample.chars() {
        if is_cyrillic(c) {
            n_cyrillic += 1;
            if KAZAKH_LETTERS.contains(c) {
                n_kazakh += 1;
            }
        }
    }
    // In Kazakh text these letters are several in a hundred; in Russian text none.
    if n_cyrillic >= 20 && n_kazakh * 100 >= n_cyrillic {
        return "kk".to_owned();
    }
    let Some(info) = whatlang::detect(&sample) else { return String::new() };
    if !info.is_reliable() && sample.chars().count() > 200 {
        return String::new();
    }
    iso_639_1(info.lang().code()).to_owned()
}

fn iso_639_1(code3: &str) -> &str {
    match code3 {
        "eng" => "en",
        "rus" => "ru",
        "fra" => "fr",
        "nld" => "nl",
        "deu" => "de",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "ukr" => "uk",
        "bel" => "be",
        "pol" => "pl",
        "ces" => "cs",
        "tur" => "tr",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "ara" => "ar",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "no",
        "fin" => "fi",
        "ell" => "el",
        "hun" => "hu",
        "ron" => "ro",
        "uzb" => "uz",
        "azj" => "az",
        other => other,
    }
}

/// The language a clipping is indexed in: what its source declared (`en-GB` -> `en`), else what
/// its text reads as.
pub fn language_of(clipping: &Clipping) -> String {
    let declared = declared_language(clipping);
    if !declared.is_empty() {
        return declared;
    }
    detect_language(&[clipping.title.as_str(), &clipping.body, &clipping.caption].join("\n"))
}

/// The language stored with a clipping (`en-GB` -> `en`), without reading its text: imports
/// store one, clippings imported by older versions may have none.
pub fn declared_language(clipping: &Clipping) -> String {
    clipping.language.split(['-', '_']).next().unwrap_or_default().trim().to_lowercase()
}

/// The text fields a word may match in, in the order the index adds them.
pub fn searchable_fields(c: &Clipping) -> [&str; 8] {
    [&c.title, &c.body, &c.caption, &c.credit, &c.source, &c.author, &c.notes, &c.original_name]
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    kind: Field,
    lang: Field,
    trashed: Field,
    tag: Field,
    source: Field,
    title: Field,
    all: Field,
    /// The first one to three letters of every word in `all`: a short prefix as typed is one
    /// term here instead of thousands of words to expand.
    short_prefixes: Field,
    date: Field,
    imported: Field,
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
        // Fast as well: the tag counts of a result set are read from the column, not the docs.
        tag: b.add_text_field("tag", STRING | FAST),
        source: b.add_text_field("source", text("folded", IndexRecordOption::WithFreqsAndPositions)),
        title: b.add_text_field("title", text("folded", IndexRecordOption::WithFreqs)),
        all: b.add_text_field("all", text("folded", IndexRecordOption::WithFreqsAndPositions)),
        short_prefixes: b.add_text_field("short_prefixes", text("whitespace", IndexRecordOption::Basic)),
        date: b.add_i64_field("date", INDEXED | FAST),
        imported: b.add_i64_field("imported", INDEXED | FAST),
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

/// What the index holds of a clipping: the clipping with its tags, or `None` once it is deleted.
pub type Record = Option<(Clipping, Vec<Tag>)>;

/// The Tantivy index of an archive. Searching takes no lock; writing goes through one writer.
pub struct SearchIndex {
    dir: PathBuf,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("dir", &self.dir).finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Opens the index in `dir`. When it is missing, damaged or of another version, an empty
    /// one is made in its place and `true` returned: the caller must index everything, then
    /// call [`SearchIndex::mark_complete`]. The index is derived, so nothing is lost.
    pub fn open(dir: &Path) -> Result<(SearchIndex, bool)> {
        let version = std::fs::read_to_string(dir.join(VERSION_FILE)).ok();
        if version.as_deref().map(str::trim) == Some(INDEX_VERSION.to_string().as_str())
            && let Ok(index) = SearchIndex::open_existing(dir)
        {
            return Ok((index, false));
        }
        SearchIndex::create(dir).map(|index| (index, true))
    }

    fn open_existing(dir: &Path) -> Result<SearchIndex> {
        let err = |e: tantivy::TantivyError| Error::Index { path: dir.to_owned(), reason: e.to_string() };
        let index = Index::open_in_dir(dir).map_err(err)?;
        let (schema, fields) = schema();
        if index.schema() != schema {
            return Err(Error::Index { path: dir.to_owned(), reason: "built with another schema".to_owned() });
        }
        let opened = SearchIndex::start(dir, &index, fields)?;
        // Every segment must be readable, not just the list of them.
        for segment in opened.reader.searcher().segment_readers() {
            segment.fast_fields().u64("id").map_err(err)?;
        }
        Ok(opened)
    }

    fn create(dir: &Path) -> Result<SearchIndex> {
        match std::fs::remove_dir_all(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(dir, e)),
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, fields) = schema();
        let index = Index::create_in_dir(dir, schema)
            .map_err(|e| Error::Index { path: dir.to_owned(), reason: e.to_string() })?;
        SearchIndex::start(dir, &index, fields)
    }

    /// Registers the analyzers and starts the writer and the reader.
    fn start(dir: &Path, index: &Index, fields: Fields) -> Result<SearchIndex> {
        let err = |e: tantivy::TantivyError| Error::Index { path: dir.to_owned(), reason: e.to_string() };
        index.tokenizers().register("folded", folded_analyzer());
        for (code, language) in STEMMED {
            index.tokenizers().register(&format!("stem_{code}"), stemmed_analyzer(language));
        }
        let writer = index.writer(WRITER_MEMORY_BYTES).map_err(err)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(err)?;
        Ok(SearchIndex { dir: dir.to_owned(), reader, writer: Mutex::new(writer), fields })
    }

    /// Records that the index is of this version and holds (or has marks for) every clipping.
    pub fn mark_complete(&self) -> Result<()> {
        let path = self.dir.join(VERSION_FILE);
        std::fs::write(&path, INDEX_VERSION.to_string()).map_err(|e| Error::io(path, e))
    }

    fn err(&self, e: tantivy::TantivyError) -> Error {
        Error::Index { path: self.dir.clone(), reason: e.to_string() }
    }

    fn document(&self, c: &Clipping, tags: &[Tag], analyzers: &mut Analyzers) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.id, c.id.0);
        doc.add_text(f.kind, c.kind.as_str());
        let language = language_of(c);
        doc.add_text(f.lang, &language);
        doc.add_text(f.trashed, if c.trashed_at.is_some() { "yes" } else { "no" });
        for tag in tags {
            doc.add_text(f.tag, tag.key());
        }
        doc.add_text(f.source, fold_yo(&c.source));
        doc.add_text(f.title, fold_yo(&c.title));
        let mut words: Vec<String> = Vec::new();
        for text in searchable_fields(c).iter().filter(|t| !t.is_empty()) {
            doc.add_text(f.all, fold_yo(text));
            words.extend(analyzers.folded(text).into_iter().map(|t| t.text));
        }
        // Each different word's first one, two and three letters, without a string apiece.
        words.sort_unstable();
        words.dedup();
        let mut short_prefixes: Vec<&str> = Vec::with_capacity(words.len() * SHORT_PREFIX_CHARS);
        for word in &words {
            let ends = word.char_indices().map(|(i, _)| i).skip(1).chain([word.len()]);
            short_prefixes.extend(ends.take(SHORT_PREFIX_CHARS).filter_map(|end| word.get(..end)));
        }
        short_prefixes.sort_unstable();
        short_prefixes.dedup();
        doc.add_text(f.short_prefixes, short_prefixes.join(" "));
        if let Some((_, field)) = f.stemmed.iter().find(|(code, _)| *code == language) {
            for text in [&c.title, &c.body, &c.caption, &c.notes].iter().filter(|t| !t.is_empty()) {
                doc.add_text(*field, fold_yo(text));
            }
        }
        doc.add_i64(f.date, day_number(c.date()));
        doc.add_i64(f.imported, day_number(c.imported_at.with_timezone(&Local).date_naive()));
        doc
    }

    /// Replaces the clippings' documents (`None` for a clipping that no longer exists) and
    /// commits. Until the commit returns, nothing of it is visible or durable.
    pub fn replace(&self, clippings: &[(ClippingId, Record)]) -> Result<()> {
        use rayon::prelude::*;
        // Documents are made on all cores (language, short prefixes); Tantivy's own threads
        // then tokenize and write them.
        let docs: Vec<(ClippingId, Option<TantivyDocument>)> = clippings
            .par_iter()
            .map_init(Analyzers::default, |analyzers, (id, record)| {
                (*id, record.as_ref().map(|(clipping, tags)| self.document(clipping, tags, analyzers)))
            })
            .collect();
        let mut writer = self.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for (id, doc) in docs {
            writer.delete_term(Term::from_field_u64(self.fields.id, id.0));
            if let Some(doc) = doc {
                writer.add_document(doc).map_err(|e| self.err(e))?;
            }
        }
        writer.commit().map_err(|e| self.err(e))?;
        drop(writer);
        self.reader.reload().map_err(|e| self.err(e))
    }

    /// How many documents the index holds.
    pub fn n_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
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
        let Some(tantivy_query) = self.to_tantivy(query) else { return Ok(SearchResults::default()) };
        let searcher = self.reader.searcher();
        let scoring = sort == Sort::Relevance && query.has_text();
        let (mut hits, tag_counts) =
            searcher.search(&*tantivy_query, &AllHits { scoring, count_tags }).map_err(|e| self.err(e))?;
        match sort {
            // Scores are never negative, so their bits sort as they do; one integer key sorts
            // several times faster than a comparison of three fields.
            Sort::Relevance if scoring => hits.sort_unstable_by_key(|h| {
                std::cmp::Reverse((u128::from(h.score.max(0.0).to_bits()) << 96) | date_and_id(h))
            }),
            Sort::Oldest => hits.sort_unstable_by_key(date_and_id),
            _ => hits.sort_unstable_by_key(|h| std::cmp::Reverse(date_and_id(h))),
        }
        Ok(SearchResults { ids: hits.into_iter().map(|h| ClippingId(h.id)).collect(), tag_counts })
    }

    /// The query in Tantivy's terms; `None` when nothing can match (an unknown country).
    fn to_tantivy(&self, query: &Query) -> Option<Box<dyn TantivyQuery>> {
        let f = &self.fields;
        let mut analyzers = Analyzers::default();
        let filters: Vec<Box<dyn TantivyQuery>> =
            self.filters(query, &mut analyzers).into_iter().collect::<Option<Vec<_>>>()?;
        // Filters narrow the results without weighing in the ranking.
        let mut clauses: Vec<(Occur, Box<dyn TantivyQuery>)> = filters
            .into_iter()
            .map(|q| (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn TantivyQuery>))
            .collect();
        // The trash is small: leaving it out is cheaper than intersecting with everything else.
        let trashed = text_term(f.trashed, "yes");
        clauses.push(if query.in_trash {
            (Occur::Must, Box::new(ConstScoreQuery::new(trashed, 0.0)))
        } else {
            (Occur::MustNot, trashed)
        });
        if let Some(negated) = &query.excluded_filters {
            // A filter that can match nothing (an unknown country) leaves nothing out.
            clauses.extend(self.filters(negated, &mut analyzers).into_iter().flatten().map(|q| (Occur::MustNot, q)));
        }
        for clause in &query.clauses {
            let alternatives: Vec<Box<dyn TantivyQuery>> =
                clause.iter().filter_map(|text| self.text_query(text, &mut analyzers)).collect();
            match alternatives.len() {
                // Punctuation only ("-", "&"): nothing to look for.
                0 => {}
                1 => clauses.extend(alternatives.into_iter().map(|q| (Occur::Must, q))),
                _ => clauses.push((Occur::Must, Box::new(BooleanQuery::union(alternatives)))),
            }
        }
        for text in &query.excluded {
            if let Some(q) = self.text_query(text, &mut analyzers) {
                clauses.push((Occur::MustNot, q));
            }
        }
        // Exclusions alone match nothing in Tantivy: they need something to exclude from.
        if !clauses.iter().any(|(occur, _)| *occur == Occur::Must) {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0))));
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }

    /// The query's field filters (tags, kind, language, source, dates), one query each; `None`
    /// for one that nothing can meet.
    fn filters(&self, query: &Query, analyzers: &mut Analyzers) -> Vec<Option<Box<dyn TantivyQuery>>> {
        let f = &self.fields;
        let mut filters = Vec::new();
        for key in query.tag_keys() {
            filters.push(key.map(|key| text_term(f.tag, &key)));
        }
        if let Some(kind) = query.kind {
            filters.push(Some(text_term(f.kind, kind.as_str())));
        }
        for language in &query.languages {
            filters.push(Some(text_term(f.lang, language)));
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
                any.push(term(field, &stem));
            }
        }
        if prefix && folded.chars().count() <= SHORT_PREFIX_CHARS {
            // Scored alike, as the longer prefixes' expansion is.
            any.push(Box::new(ConstScoreQuery::new(text_term(f.short_prefixes, folded), 1.0)));
        } else if prefix {
            any.push(prefix_query(f.all, folded));
        } else if is_kazakh_prefix_word(folded) {
            let in_kazakh = term(f.lang, "kk");
            any.push(Box::new(BooleanQuery::intersection(vec![prefix_query(f.all, folded), in_kazakh])));
        }
        Box::new(BooleanQuery::union(any))
    }
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
    Box::new(RangeQuery::new(bound(range.from), bound(range.to)))
}

struct Hit {
    id: u64,
    score: Score,
    date: i64,
}

/// Date then id as one sortable integer (ids are unique, so no two hits tie).
fn date_and_id(h: &Hit) -> u128 {
    // Day numbers fit in 32 bits; flipping the sign bit makes the order of i32 that of u32.
    let day = i32::try_from(h.date).unwrap_or(if h.date < 0 { i32::MIN } else { i32::MAX });
    (u128::from(day.cast_unsigned() ^ 0x8000_0000) << 64) | u128::from(h.id)
}

/// What a search found: the clippings in order and, when asked, the tag counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    pub ids: Vec<ClippingId>,
    /// Tag keys (`kind:folded value`) with how many results carry them, unsorted.
    pub tag_counts: Vec<(String, usize)>,
}

/// Collects every matching document with its score and date (the window shows all results,
/// not a first page) and counts the tags of the results from the tag column.
struct AllHits {
    scoring: bool,
    count_tags: bool,
}

struct SegmentHits {
    ids: Column<u64>,
    dates: Column<i64>,
    tags: Option<StrColumn>,
    /// Results per tag, by the segment's term ordinal.
    n_per_tag: Vec<u32>,
    hits: Vec<Hit>,
}

impl Collector for AllHits {
    type Fruit = (Vec<Hit>, Vec<(String, usize)>);
    type Child = SegmentHits;

    fn for_segment(&self, _segment: u32, reader: &SegmentReader) -> tantivy::Result<SegmentHits> {
        let tags = if self.count_tags { reader.fast_fields().str("tag")? } else { None };
        let n_terms = tags.as_ref().map_or(0, |t| t.num_terms());
        Ok(SegmentHits {
            ids: reader.fast_fields().u64("id")?,
            dates: reader.fast_fields().i64("date")?,
            tags,
            n_per_tag: vec![0; n_terms],
            hits: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scoring
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut hits = Vec::new();
        let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (segment_hits, segment_counts) in fruits {
            hits.extend(segment_hits);
            for (key, n) in segment_counts {
                *counts.entry(key).or_default() += n;
            }
        }
        Ok((hits, counts.into_iter().collect()))
    }
}

impl SegmentCollector for SegmentHits {
    type Fruit = (Vec<Hit>, Vec<(String, usize)>);

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(id) = self.ids.first(doc) {
            self.hits.push(Hit { id, score, date: self.dates.first(doc).unwrap_or_default() });
        }
        if let Some(tags) = &self.tags {
            for ord in tags.term_ords(doc) {
                if let Some(n) = usize::try_from(ord).ok().and_then(|i| self.n_per_tag.get_mut(i)) {
                    *n += 1;
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut counts = Vec::new();
        if let Some(tags) = &self.tags {
            let mut key = String::new();
            for (ord, &n) in self.n_per_tag.iter().enumerate().filter(|(_, n)| **n > 0) {
                if tags.ord_to_str(ord as u64, &mut key).unwrap_or(false) {
                    counts.push((key.clone(), n as usize));
                }
            }
        }
        (self.hits, counts)
    }
}

/// Finds the words a query matched in a text, for highlighting and snippets. It applies the
/// index's own rules to one text at a time.
pub struct Highlighter {
    analyzers: Analyzers,
    /// Folded words of the query's clauses, each with whether it is matched as a prefix.
    words: Vec<(String, bool)>,
    /// The typed words, for stemming in the text's language.
    typed: Vec<String>,
}

/// A short passage of a text with the matched words marked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges in `text`.
    pub highlights: Vec<Range<usize>>,
}

impl Highlighter {
    pub fn new(query: &Query) -> Highlighter {
        let mut analyzers = Analyzers::default();
        let mut words = Vec::new();
        let mut typed = Vec::new();
        for text in query.clauses.iter().flatten() {
            let folded = analyzers.folded(&text.text);
            let n = folded.len();
            for (i, token) in folded.into_iter().enumerate() {
                let prefix = text.prefix && i + 1 == n;
                typed.push(text.text.get(token.range.clone()).unwrap_or(&token.text).to_owned());
                words.push((token.text, prefix));
            }
        }
        Highlighter { analyzers, words, typed }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Byte ranges of the words in `text` that the query matches, for a clipping in `language`.
    pub fn ranges(&mut self, text: &str, language: &str) -> Vec<Range<usize>> {
        if self.words.is_empty() {
            return Vec::new();
        }
        let Highlighter { analyzers, typed, .. } = self;
        let stems: Vec<Option<String>> = typed.iter().map(|w| analyzers.stem_word(language, w)).collect();
        let tokens = self.analyzers.folded(text);
        // One stemming pass over the whole text; both analyzers cut the same words, so the
        // stemmed words line up with the folded ones (checked by their place in the text).
        let stemmed = if stems.iter().any(Option::is_some) { self.analyzers.stemmed(language, text) } else { None };
        let mut out: Vec<Range<usize>> = Vec::new();
        for (i, token) in tokens.into_iter().enumerate() {
            let stem = stemmed.as_ref().and_then(|s| s.get(i)).filter(|s| s.range == token.range).map(|s| &s.text);
            let hit = self.words.iter().zip(&stems).any(|((word, prefix), word_stem)| {
                token.text == *word
                    || (*prefix || (language == "kk" && is_kazakh_prefix_word(word)))
                        && token.text.starts_with(word.as_str())
                    || word_stem.is_some() && word_stem.as_ref() == stem
            });
            if hit {
                // Pairs of Chinese or Japanese characters overlap: one mark for a run of them.
                match out.last_mut() {
                    Some(last) if token.range.start < last.end => last.end = last.end.max(token.range.end),
                    _ => out.push(token.range),
                }
            }
        }
        out
    }

    /// About `max_chars` of `text` where the most of the query's different words are, cut at
    /// word boundaries, with the matches marked; `None` when nothing in it matches.
    pub fn snippet(&mut self, text: &str, language: &str, max_chars: usize) -> Option<Snippet> {
        // A list row needs one passage: the beginning of a long text (a PDF's hundred pages)
        // is enough to look in, and keeps drawing a row of results quick.
        let end = text.char_indices().map(|(i, _)| i).find(|&i| i >= SNIPPET_SCAN_BYTES).unwrap_or(text.len());
        let text = text.get(..end).unwrap_or(text);
        let ranges = self.ranges(text, language);
        let first = best_window(text, &ranges, max_chars * 3 / 4)?;
        // Start a little before the first match, at a word boundary.
        let lead = max_chars / 4;
        let mut start = text.char_indices().rev().filter(|(i, _)| *i <= first).nth(lead).map_or(0, |(i, _)| i);
        if start > 0 {
            start = text.get(start..)?.find(char::is_whitespace).map_or(start, |k| start + k + 1).min(first);
        }
        let mut end = text.get(start..)?.char_indices().nth(max_chars).map_or(text.len(), |(i, _)| start + i);
        if end < text.len() {
            end = text.get(..end)?.rfind(char::is_whitespace).filter(|&k| k > first).unwrap_or(end);
        }
        let body = text.get(start..end)?;
        let mut snippet = String::new();
        let mut offset = 0;
        if start > 0 {
            snippet.push_str("… ");
            offset = snippet.len();
        }
        // Newlines would break a list row; a passage reads as one line.
        snippet.extend(body.chars().map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }));
        if end < text.len() {
            snippet.push_str(" …");
        }
        let highlights = ranges
            .into_iter()
            .filter(|r| r.start >= start && r.end <= end)
            .map(|r| r.start - start + offset..r.end - start + offset)
            .collect();
        Some(Snippet { text: snippet, highlights })
    }
}

/// Where the passage that shows the most different matched words (then the most matches)
/// begins: at one of the matches, the earliest among equals.
fn best_window(text: &str, ranges: &[Range<usize>], width_chars: usize) -> Option<usize> {
    // Long texts with many matches: the first few hundred are plenty to choose from.
    let candidates = ranges.get(..ranges.len().min(200))?;
    let mut best: Option<((usize, usize), usize)> = None;
    for (i, r) in candidates.iter().enumerate() {
        let end = text.get(r.start..)?.char_indices().nth(width_chars).map_or(text.len(), |(k, _)| r.start + k);
        let inside: Vec<&Range<usize>> = candidates[i..].iter().take_while(|m| m.end <= end).collect();
        let mut words: Vec<String> =
            inside.iter().filter_map(|m| text.get((*m).clone())).map(str::to_lowercase).collect();
        let n_matches = words.len();
        words.sort();
        words.dedup();
        let score = (words.len(), n_matches);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, r.start));
        }
    }
    best.map(|(_, start)| start)
}

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
        self.index.search(query, sort)
    }

    /// [`Archive::search_ids`] with how many of the results carry each tag (by tag key).
    pub fn search_with_tag_counts(&self, query: &Query, sort: Sort) -> Result<SearchResults> {
        self.index.search_with_tag_counts(query, sort)
    }

    /// How many clippings wait to be (re-)indexed.
    pub fn n_index_pending(&self) -> Result<usize> {
        self.store.n_index_pending()
    }

    /// Brings the index up to date with the database: re-indexes every clipping changed since
    /// it was last indexed, in batches, calling `progress(n_done, n_total)` after each commit.
    /// Returns how many were re-indexed. Safe to interrupt: what is not done stays marked.
    /// Changes made meanwhile index themselves between two batches.
    pub fn sync_index(&self, progress: &mut dyn FnMut(usize, usize), cancel: &AtomicBool) -> Result<usize> {
        let pending = self.store.index_pending()?;
        let n_total = pending.len();
        let mut n_done = 0;
        for batch in pending.chunks(BATCH) {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            self.index_marked(batch)?;
            n_done += batch.len();
            progress(n_done, n_total);
        }
        if n_done > 0 {
            self.store.flush()?;
        }
        Ok(n_done)
    }

    /// Indexes the change just made to these clippings, before the call that made it returns:
    /// a search right after it finds it. A backlog of other clippings is left to
    /// [`Archive::sync_index`].
    pub(crate) fn index_changed(&self, ids: &[ClippingId]) -> Result<()> {
        let marked = self.store.index_marks_of(ids)?;
        for batch in marked.chunks(BATCH) {
            self.index_marked(batch)?;
        }
        Ok(())
    }

    /// Re-indexes marked clippings as the database has them now, commits, then clears the marks
    /// that were indexed.
    fn index_marked(&self, marked: &[(ClippingId, u64)]) -> Result<()> {
        // One writer at a time, a batch at a time: an edit waits for one batch of a rebuild,
        // not for all of it.
        let _one_at_a_time = self.index_lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut records = Vec::with_capacity(marked.len());
        for &(id, _) in marked {
            let record = match self.store.get(id)? {
                Some(c) => Some((c, self.store.tags_of(id)?)),
                None => None,
            };
            records.push((id, record));
        }
        self.index.replace(&records)?;
        self.store.clear_index_pending(marked)
    }
}

/// Sorts by title, case- and accent-insensitively, keeping the current order among equals.
pub fn sort_by_title<T>(items: &mut [T], title: impl Fn(&T) -> &str) {
    items.sort_by_cached_key(|item| title_sort_key(title(item)));
}

/// A title's words folded as the index folds them, for sorting.
pub fn title_sort_key(title: &str) -> String {
    let mut analyzer = folded_analyzer();
    run(&mut analyzer, title).into_iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysis_folds_case_diacritics_and_yo() {
        let mut a = Analyzers::default();
        let words = |a: &mut Analyzers, s: &str| -> Vec<String> { a.folded(s).into_iter().map(|t| t.text).collect() };
        assert_eq!(words(&mut a, "Café in Łódź"), ["cafe", "in", "lodz"]);
        assert_eq!(words(&mut a, "Ёлка, ЕЛКА"), ["елка", "елка"]);
        assert_eq!(words(&mut a, "ҚАЗАҚСТАН"), ["қазақстан"]);
        assert_eq!(a.stem_word("ru", "Казахстана"), a.stem_word("ru", "казахстан"));
        assert_eq!(a.stem_word("en", "corridors"), Some("corridor".to_owned()));
    }

    #[test]
    fn detects_languages() {
        let check = |text: &str, expected: &str| assert_eq!(detect_language(text), expected, "{text}");
        check("The Middle Corridor links Europe and Asia through the Caspian Sea and the Caucasus.", "en");
        check("Средний коридор связывает Европу и Азию через Каспийское море и Кавказ.", "ru");
        check("Қазақстан Республикасының Президенті Бельгия Корольдігінің премьер-министрімен кездесті.", "kk");
        check("Le corridor médian relie l'Europe et l'Asie par la mer Caspienne et le Caucase.", "fr");
        check("De middelste corridor verbindt Europa en Azië via de Kaspische Zee en de Kaukasus.", "nl");
    }

    #[test]
    fn snippets_mark_the_matches() {
        let mut h = Highlighter::new(&Query::parse("corridor kaz"));
        let text = "Talks in Brussels.\nThe Middle Corridor runs through Kazakhstan and the Caspian.";
        let s = h.snippet(text, "en", 40).unwrap();
        let marked: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marked, ["Corridor", "Kazakhstan"], "{s:?}");
        assert!(!s.text.contains('\n'));
        assert!(Highlighter::new(&Query::parse("hydrogen")).snippet(text, "en", 40).is_none());
    }

    #[test]
    fn snippets_show_where_most_of_the_words_are() {
        let text = "Kazakhstan exports grain. Weather was mild all winter long across the plains of the north. \
                    Later, Kazakhstan signed a green hydrogen deal with Belgium.";
        let s = Highlighter::new(&Query::parse("kazakhstan hydrogen")).snippet(text, "en", 60).unwrap();
        let marked: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marked, ["Kazakhstan", "hydrogen"], "{s:?}");
    }

    #[test]
    fn title_sort_ignores_case_and_accents() {
        let mut titles = vec!["zebra", "Éclair", "apple", "banana", "eclair"];
        sort_by_title(&mut titles, |t| t);
        assert_eq!(titles, ["apple", "banana", "Éclair", "eclair", "zebra"]);
    }
}
