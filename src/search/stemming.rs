//! Tantivy's Snowball stemmer with the stems it made kept: a word seen before is looked up, not
//! stemmed again. Stemming was the largest single cost of indexing (about a quarter of it on
//! the corpus), and a text's words repeat: the few thousand commonest make up most of any
//! language. The stems are the stemmer's own, so an index written with the cache and a query
//! read without it agree.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

/// How many stems one analyzer keeps; when full, it starts again. A 2,000-article batch of
/// news has about 40,000 different words; 64,000 stems are about 5 MB.
const KEPT_STEMS: usize = 64_000;

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
        CachedStemmerFilter {
            inner: tokenizer,
            stemmer: TextAnalyzer::builder(RawTokenizer::default()).filter(Stemmer::new(self.language)).build(),
            stems: FxHashMap::default(),
            changed_only: self.changed_only,
            last: Last::default(),
        }
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

/// Each clone (Tantivy takes one per segment it writes, and one per query) keeps its own stems.
#[derive(Clone)]
pub(crate) struct CachedStemmerFilter<T> {
    inner: T,
    /// The stemmer on one word: the whole text as one token, stemmed.
    stemmer: TextAnalyzer,
    /// Each word's stem, `None` where the word is its own.
    stems: FxHashMap<String, Option<String>>,
    changed_only: bool,
    last: Last,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: &mut self.stemmer,
            stems: &mut self.stems,
            changed_only: self.changed_only,
            last: &mut self.last,
        }
    }
}

pub(crate) struct CachedStemmerStream<'a, S> {
    tail: S,
    stemmer: &'a mut TextAnalyzer,
    stems: &'a mut FxHashMap<String, Option<String>>,
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
                match self.stems.get(&token.text) {
                    Some(stem) => {
                        last.changed = stem.is_some();
                        last.stem.push_str(stem.as_deref().unwrap_or_default());
                    }
                    None => {
                        let mut one = self.stemmer.token_stream(&token.text);
                        last.stem.push_str(if one.advance() { &one.token().text } else { &token.text });
                        last.changed = last.stem != token.text;
                        if self.stems.len() >= KEPT_STEMS {
                            self.stems.clear();
                        }
                        self.stems.insert(token.text.clone(), last.changed.then(|| last.stem.clone()));
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
