//! Tantivy's Snowball stemmer with the stems it made kept: a word seen before is looked up, not
//! stemmed again. Stemming was the largest single cost of indexing (about a quarter of it on
//! the corpus), and a text's words repeat: the few thousand commonest make up most of any
//! language. The stems are the stemmer's own, so an index written with the cache and a query
//! read without it agree. Tantivy takes a new analyzer for each segment it writes: each starts
//! from the stems those before it made, shared when they were dropped.

use std::hash::Hasher;
use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHasher;
use tantivy::tokenizer::{Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

/// How many stems one analyzer keeps, and the analyzers of a language share; when full, it
/// starts again. A 2,000-article batch of news has about 40,000 different words; 64,000 stems
/// are about 3 MB.
const KEPT_STEMS: usize = 64_000;

/// An analyzer that made this many stems of its own shares them when it is dropped: those of a
/// segment, not of a query.
const SHARED_FROM: usize = 1_000;

/// Kept stems: open-addressed slots, each a word's hash and where its text is, over one buffer
/// of each word followed by its stem. Two buffers in all, so a language's shared stems are
/// copied in one go, and a lookup reads a slot and the text it points to (a `HashMap<String,
/// Option<String>>` read its control bytes, its slot and a buffer of its own for the word and
/// for the stem). A lookup is still about one read from memory; a smaller table of the words
/// met lately, which a core's cache would hold, found too few of a text's words to pay (tried
/// and measured, not kept).
#[derive(Clone, Default)]
struct Stems {
    slots: Vec<Slot>,
    text: String,
    len: usize,
}

/// One kept word: its hash (0 for an empty slot), where it is in [`Stems::text`], and its stem
/// right after it unless the word is its own stem.
#[derive(Clone, Copy, Default)]
struct Slot {
    hash: u64,
    at: u32,
    word_len: u8,
    stem_len: u8,
    changed: bool,
}

/// A word's hash as the slots keep it, never 0.
fn hash_of(word: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(word.as_bytes());
    hasher.finish().max(1)
}

/// Where a hash starts its search among `mask + 1` slots: its upper half, which a
/// multiplying hash mixes best.
fn first_slot(hash: u64, mask: usize) -> usize {
    usize::try_from(hash >> 32).unwrap_or_default() & mask
}

impl Stems {
    /// The kept stem of `word` (whose hash is `hash`): `Some(None)` if it is its own stem.
    fn get(&self, word: &str, hash: u64) -> Option<Option<&str>> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = first_slot(hash, mask);
        loop {
            let slot = self.slots.get(i)?;
            if slot.hash == 0 {
                return None;
            }
            if slot.hash == hash {
                let at = slot.at as usize;
                let word_end = at + usize::from(slot.word_len);
                if self.text.get(at..word_end) == Some(word) {
                    if !slot.changed {
                        return Some(None);
                    }
                    return Some(self.text.get(word_end..word_end + usize::from(slot.stem_len)));
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Keeps `word`'s stem (`None` if it is its own); one that is kept already is not looked
    /// for. A word or stem of more than 255 bytes is not kept.
    fn insert(&mut self, word: &str, hash: u64, stem: Option<&str>) {
        let (Ok(word_len), Ok(stem_len)) = (u8::try_from(word.len()), u8::try_from(stem.map_or(0, str::len))) else {
            return;
        };
        let Ok(at) = u32::try_from(self.text.len()) else { return };
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        self.text.push_str(word);
        self.text.push_str(stem.unwrap_or_default());
        self.place(Slot { hash, at, word_len, stem_len, changed: stem.is_some() });
        self.len += 1;
    }

    fn place(&mut self, slot: Slot) {
        let mask = self.slots.len().saturating_sub(1);
        let mut i = first_slot(slot.hash, mask);
        while let Some(taken) = self.slots.get_mut(i) {
            if taken.hash == 0 {
                *taken = slot;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// Twice the slots, at least 1,024, each kept word placed again.
    fn grow(&mut self) {
        let n = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); n]);
        for slot in old.into_iter().filter(|s| s.hash != 0) {
            self.place(slot);
        }
    }

    /// Every kept word with its stem (`None` if its own).
    fn entries(&self) -> impl Iterator<Item = (&str, u64, Option<&str>)> {
        self.slots.iter().filter(|s| s.hash != 0).filter_map(|s| {
            let at = s.at as usize;
            let word_end = at + usize::from(s.word_len);
            let word = self.text.get(at..word_end)?;
            let stem =
                if s.changed { Some(self.text.get(word_end..word_end + usize::from(s.stem_len))?) } else { None };
            Some((word, s.hash, stem))
        })
    }
}

/// The stems that the analyzers of each language shared ([`SHARED_FROM`]): an analyzer starts
/// from them. Tantivy takes a new analyzer for every segment it writes, and one that starts
/// empty stems again the words the segment before had stemmed: tens of thousands for each of
/// the segments a catch-up writes.
static SHARED: Mutex<Vec<(Language, Arc<Stems>)>> = Mutex::new(Vec::new());

fn shared(language: Language) -> Option<Arc<Stems>> {
    let shared = SHARED.lock().unwrap_or_else(PoisonError::into_inner);
    shared.iter().find(|(l, _)| *l == language).map(|(_, stems)| Arc::clone(stems))
}

/// Shares `own` with the stems shared already, or alone if both would be more than are kept.
fn share(language: Language, own: &Stems) {
    let merged = match shared(language).filter(|kept| kept.len + own.len <= KEPT_STEMS) {
        Some(kept) => {
            let mut merged = Stems::clone(&kept);
            for (word, hash, stem) in own.entries() {
                if merged.get(word, hash).is_none() {
                    merged.insert(word, hash, stem);
                }
            }
            merged
        }
        None => own.clone(),
    };
    let mut shared = SHARED.lock().unwrap_or_else(PoisonError::into_inner);
    match shared.iter_mut().find(|(l, _)| *l == language) {
        Some((_, stems)) => *stems = Arc::new(merged),
        None => shared.push((language, Arc::new(merged))),
    }
}

/// The token filter: stems lower-cased words as [`Stemmer`] does.
#[derive(Clone)]
pub(crate) struct CachedStemmer {
    language: Language,
    /// Whether a word that is its own stem is left out.
    changed_only: bool,
}

impl CachedStemmer {
    pub(crate) fn new(language: Language) -> CachedStemmer {
        CachedStemmer { language, changed_only: false }
    }

    /// Gives only the stems that differ from their word: what the index's stem fields hold. A
    /// word that is its own stem ("oil", "trade", "переговор") is in the `all` field already,
    /// as it is, and a query finds it there (`SearchIndex::word_query`). Half or more of a
    /// text's words are their own stem, and each cost the index a term it had twice.
    pub(crate) fn changed_only(language: Language) -> CachedStemmer {
        CachedStemmer { language, changed_only: true }
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter::new(tokenizer, self.language, self.changed_only)
    }
}

/// The word stemmed last and what came of it: the index's stem fields get a word's repeats
/// one after another (`words.rs`, `Order::Grouped`), and comparing with the word before is
/// quicker than looking the word up among tens of thousands (a cache miss, often two).
#[derive(Clone, Default)]
struct Last {
    word: String,
    /// Whether its stem differs from it, and the stem if so. Both buffers are reused.
    changed: bool,
    stem: String,
}

/// Each clone (Tantivy takes one per segment it writes, and one per query) starts from the
/// stems its language's analyzers shared, and keeps those it makes beside them; a clone that
/// made many shares them when dropped.
pub(crate) struct CachedStemmerFilter<T> {
    inner: T,
    language: Language,
    /// The stemmer on one word: the whole text as one token, stemmed.
    stemmer: TextAnalyzer,
    /// The shared stems it started from, and those it made since.
    shared: Option<Arc<Stems>>,
    own: Stems,
    changed_only: bool,
    last: Last,
}

impl<T> CachedStemmerFilter<T> {
    fn new(inner: T, language: Language, changed_only: bool) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner,
            language,
            stemmer: TextAnalyzer::builder(RawTokenizer::default()).filter(Stemmer::new(language)).build(),
            shared: shared(language),
            own: Stems::default(),
            changed_only,
            last: Last::default(),
        }
    }
}

impl<T: Clone> Clone for CachedStemmerFilter<T> {
    fn clone(&self) -> CachedStemmerFilter<T> {
        CachedStemmerFilter::new(self.inner.clone(), self.language, self.changed_only)
    }
}

impl<T> Drop for CachedStemmerFilter<T> {
    fn drop(&mut self) {
        if self.own.len >= SHARED_FROM {
            share(self.language, &self.own);
        }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: &mut self.stemmer,
            shared: self.shared.as_deref(),
            own: &mut self.own,
            changed_only: self.changed_only,
            last: &mut self.last,
        }
    }
}

pub(crate) struct CachedStemmerStream<'a, S> {
    tail: S,
    stemmer: &'a mut TextAnalyzer,
    shared: Option<&'a Stems>,
    own: &'a mut Stems,
    changed_only: bool,
    last: &'a mut Last,
}

impl<S: TokenStream> TokenStream for CachedStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let token = self.tail.token_mut();
            if token.text != self.last.word {
                let last = &mut *self.last;
                last.word.clear();
                last.word.push_str(&token.text);
                last.stem.clear();
                let hash = hash_of(&token.text);
                match self.shared.and_then(|s| s.get(&token.text, hash)).or_else(|| self.own.get(&token.text, hash)) {
                    Some(stem) => {
                        last.changed = stem.is_some();
                        last.stem.push_str(stem.unwrap_or_default());
                    }
                    None => {
                        let mut one = self.stemmer.token_stream(&token.text);
                        last.stem.push_str(if one.advance() { &one.token().text } else { &token.text });
                        last.changed = last.stem != token.text;
                        if self.own.len >= KEPT_STEMS {
                            *self.own = Stems::default();
                        }
                        self.own.insert(&token.text, hash, last.changed.then_some(last.stem.as_str()));
                    }
                }
            }
            if !self.last.changed {
                // Its own stem: the word stays as it is.
                if self.changed_only {
                    continue;
                }
                return true;
            }
            token.text.clear();
            token.text.push_str(&self.last.stem);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// A line in each stemmed language, with words that share a stem.
#[cfg(test)]
pub(crate) const SAMPLE_TEXTS: [(Language, &str); 5] = [
    (Language::English, "Corridors and corridor, running runs: the ministers met the minister"),
    (Language::Russian, "Казахстана Казахстан казахстанские переговоры переговорах в Брюсселе"),
    (Language::French, "Les négociations, la négociation à Bruxelles; des ministres"),
    (Language::Dutch, "De onderhandelingen over de corridors in Brussel"),
    (Language::German, "Die Verhandlungen über den Mittleren Korridor"),
];

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    use super::*;
    use crate::search::analysis::token_texts as words;

    #[test]
    fn kept_stems_are_the_stemmers_own_in_every_language_and_after_the_cache_fills() {
        for (language, text) in SAMPLE_TEXTS {
            let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(Stemmer::new(language))
                .build();
            let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(CachedStemmer::new(language))
                .build();
            let expected = words(&mut plain, text);
            // Twice: the second time every word is looked up.
            assert_eq!(words(&mut cached, text), expected, "{language:?}");
            assert_eq!(words(&mut cached, text), expected, "{language:?}, again");
        }
        // More words than it keeps: it starts again and stems as before.
        let many: String = (0..KEPT_STEMS + 10).map(|i| format!("word{i}s ")).collect();
        let mut cached =
            TextAnalyzer::builder(SimpleTokenizer::default()).filter(CachedStemmer::new(Language::English)).build();
        let got = words(&mut cached, &many);
        assert_eq!(got.len(), KEPT_STEMS + 10);
        assert_eq!(got.last().map(String::as_str), Some(format!("word{}", KEPT_STEMS + 9).as_str()));
        assert_eq!(words(&mut cached, "words"), ["word"]);
    }

    /// The kept stems are found again whatever their hashes: here all of them share one, and
    /// the table grows past its first slots.
    #[test]
    fn kept_stems_are_found_by_word_when_hashes_collide() {
        let mut stems = Stems::default();
        let words: Vec<String> = (0..3000).map(|i| format!("слово{i}")).collect();
        for (i, word) in words.iter().enumerate() {
            let stem = (i % 3 != 0).then(|| format!("стем{i}"));
            stems.insert(word, if i % 2 == 0 { 7 } else { hash_of(word) }, stem.as_deref());
        }
        assert_eq!(stems.len, 3000);
        for (i, word) in words.iter().enumerate() {
            let expected = (i % 3 != 0).then(|| format!("стем{i}"));
            let hash = if i % 2 == 0 { 7 } else { hash_of(word) };
            assert_eq!(stems.get(word, hash), Some(expected.as_deref()), "{word}");
        }
        assert_eq!(stems.get("слово", hash_of("слово")), None);
        assert_eq!(stems.get("слово3000", 7), None);
        // A word longer than a slot can say is stemmed each time, not kept.
        let long = "a".repeat(300);
        stems.insert(&long, hash_of(&long), None);
        assert_eq!(stems.get(&long, hash_of(&long)), None);
        assert_eq!(stems.entries().count(), 3000);
    }

    /// An analyzer that stemmed many words shares them when dropped; one made after starts
    /// from them and stems as the stemmer does.
    #[test]
    fn stems_made_by_one_analyzer_are_shared_with_the_next() {
        let language = Language::German;
        let text: String = (0..SHARED_FROM + 50).map(|i| format!("prüfwörtern{i}x verhandlungen{i}en ")).collect();
        let mut plain =
            TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(Stemmer::new(language)).build();
        let expected = words(&mut plain, &text);
        let mut first = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer::new(language))
            .build();
        assert_eq!(words(&mut first, &text), expected);
        let word = "verhandlungen7en";
        assert_eq!(shared(language).and_then(|s| s.get(word, hash_of(word)).map(|_| ())), None, "shared too soon");
        drop(first);
        let kept = shared(language).map(|s| s.get(word, hash_of(word)).map(|stem| stem.map(str::to_owned)));
        let stem = words(&mut plain, word).pop();
        assert_eq!(kept, Some(Some(stem.filter(|s| s != word))), "shared when dropped");
        let mut next = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer::new(language))
            .build();
        assert_eq!(words(&mut next, &text), expected, "from the shared stems");
        let mut changed = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer::changed_only(language))
            .build();
        let changed_expected: Vec<String> = text
            .split_whitespace()
            .zip(&expected)
            .filter(|(word, stem)| word != stem)
            .map(|(_, stem)| stem.clone())
            .collect();
        assert_eq!(words(&mut changed, &text), changed_expected, "only the changed, from the shared stems");
    }

    /// The index's stem fields get only the stems that differ from their words, the stemmer's
    /// own, in order; a word that is its own stem is left out, the first time and from the cache.
    #[test]
    fn only_changed_stems_are_given_to_the_index() {
        let texts = [
            (Language::English, "Oil corridors and the corridor, running runs", vec!["corridor", "run", "run"]),
            (Language::Russian, "переговор переговоры в Брюсселе", vec!["переговор", "брюссел"]),
        ];
        for (language, text, expected) in texts {
            let mut changed = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(CachedStemmer::changed_only(language))
                .build();
            assert_eq!(words(&mut changed, text), expected, "{language:?}");
            assert_eq!(words(&mut changed, text), expected, "{language:?}, again");
        }
    }
}
