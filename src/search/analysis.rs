//! How the index sees text, shared by indexing, querying and highlighting: words are runs of
//! letters and digits, lower-cased, ё read as е, diacritics folded (café = cafe, Łódź = lodz);
//! English, Russian, French, Dutch and German words are also stemmed by their language's
//! Snowball stemmer; Chinese and Japanese runs are cut into overlapping pairs (`cjk.rs`).
//! Kazakh has no stemmer: a Cyrillic word of four letters or more also matches as a prefix in
//! Kazakh clippings, so "Қазақстан" finds "Қазақстанның".

use std::ops::Range;

use tantivy::tokenizer::{
    Language, TextAnalyzer, TextAnalyzerBuilder, Token as TantivyToken, TokenFilter, TokenStream, Tokenizer,
};

use rustc_hash::FxHashSet;

use crate::search::folding::Folding;
use crate::search::stemming::CachedStemmer;
use crate::search::words::{Order, Words};
use crate::vocab::language::is_cyrillic;
use crate::vocab::model::Clipping;

/// Languages with a Snowball stemmer, by ISO 639-1 code.
pub(crate) const STEMMED: [(&str, Language); 5] = [
    ("en", Language::English),
    ("ru", Language::Russian),
    ("fr", Language::French),
    ("nl", Language::Dutch),
    ("de", Language::German),
];

/// Prefixes up to this many letters are indexed as terms of their own (`short_prefixes`).
pub(crate) const SHORT_PREFIX_CHARS: usize = 3;

/// The shortest Cyrillic word that also matches as a prefix in Kazakh clippings.
const KAZAKH_PREFIX_MIN_CHARS: usize = 4;

/// Words cut, lower-cased and folded: the `all` field's analysis, which others build on.
fn folded_words(order: Order) -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(Words::in_order(order)).filter(Folding)
}

pub(crate) fn folded_analyzer() -> TextAnalyzer {
    folded_words(Order::Text).build()
}

/// Each folded word's first one, two and three letters ("қазақстан" -> "қ", "қа", "қаз"), for
/// the `short_prefixes` field, each once per text: the field keeps only which clippings have a
/// prefix (no positions, no counts, and queries score it alike), so a repeat would only cost
/// the index a lookup. A text of 500 words has some 1,500 prefixes and a few hundred distinct.
/// Each different word comes once: a repeat's prefixes were all given with its first.
pub(crate) fn short_prefixes_analyzer() -> TextAnalyzer {
    folded_words(Order::Distinct).filter(ShortPrefixes).build()
}

/// Stems before folding: the stemmers know their language's accents (é, ä) and й. Each word's
/// stem is kept once made (`stemming.rs`).
pub(crate) fn stemmed_analyzer(language: Language) -> TextAnalyzer {
    stemmed_with(Order::Text, CachedStemmer::new(language))
}

/// The stems the index's stem fields hold: only those that differ from their word
/// ([`CachedStemmer::changed_only`]). The fields count a stem's repeats and keep no places, so
/// a word's repeats come right after it, and the stemmer hands each its stem again without
/// looking it up.
pub(crate) fn changed_stems_analyzer(language: Language) -> TextAnalyzer {
    stemmed_with(Order::Grouped, CachedStemmer::changed_only(language))
}

fn stemmed_with(order: Order, stemmer: CachedStemmer) -> TextAnalyzer {
    TextAnalyzer::builder(Words::in_order(order)).filter(stemmer).filter(Folding).build()
}

/// ё and е are one letter to a reader of Russian; Tantivy's folding leaves Cyrillic alone. Both
/// are two bytes in UTF-8, so offsets into the result are offsets into the original.
pub(crate) fn fold_yo(text: &str) -> std::borrow::Cow<'_, str> {
    // Two searches for a string, which run over the bytes many at a time, are six to seven
    // times quicker than one for either letter, which reads the text letter by letter (0.4
    // against 2.9 µs for 5 KB of English, 0.3 against 1.9 µs for 4 KB of Russian; a throwaway
    // program, not committed). The index calls this for every text of every clipping.
    if text.contains("ё") || text.contains("Ё") {
        text.replace('ё', "е").replace('Ё', "Е").into()
    } else {
        text.into()
    }
}

/// Text as the archive keeps and searches it: in Unicode's composed form (NFC), and without
/// soft hyphens. "é" is one letter typed on most keyboards and two ("e" and an accent) in text
/// pasted from a Mac or read from some PDFs and pages. A soft hyphen (U+00AD) is put inside
/// long words by pages and word processors to break lines and is never seen otherwise: left in,
/// "Mit\u{ad}tel\u{ad}al\u{ad}ter" is not "Mittelalter". Text already so (most) costs a scan and
/// no copy.
pub fn normalized(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    let text: std::borrow::Cow<'_, str> =
        if text.contains('\u{ad}') { text.replace('\u{ad}', "").into() } else { text.into() };
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect::<String>().into(),
    }
}

/// The token filter of [`short_prefixes_analyzer`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ShortPrefixes;

impl TokenFilter for ShortPrefixes {
    type Tokenizer<T: Tokenizer> = ShortPrefixesFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ShortPrefixesFilter<T> {
        ShortPrefixesFilter { inner: tokenizer, given: FxHashSet::default() }
    }
}

#[derive(Clone)]
pub(crate) struct ShortPrefixesFilter<T> {
    inner: T,
    /// The prefixes handed out of the current text, kept here to be cleared for the next.
    given: FxHashSet<u128>,
}

impl<T: Tokenizer> Tokenizer for ShortPrefixesFilter<T> {
    type TokenStream<'a> = ShortPrefixesStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.given.clear();
        ShortPrefixesStream {
            tail: self.inner.token_stream(text),
            current: TantivyToken::default(),
            ends: [0; SHORT_PREFIX_CHARS],
            n_ends: 0,
            next: 0,
            given: &mut self.given,
        }
    }
}

pub(crate) struct ShortPrefixesStream<'a, S> {
    tail: S,
    current: TantivyToken,
    /// Where the current word's prefixes end, in bytes, and how many of them are handed out.
    ends: [usize; SHORT_PREFIX_CHARS],
    n_ends: usize,
    next: usize,
    /// The prefixes handed out so far, each as its bytes and length in one number (three
    /// letters are at most 12 bytes).
    given: &'a mut FxHashSet<u128>,
}

// Three letters are at most 12 bytes in UTF-8: a prefix fits a key with its length.
const _: () = assert!(SHORT_PREFIX_CHARS * 4 <= 15);

/// A prefix of at most 15 bytes as one number: its bytes, then its length, so two prefixes
/// never share a key.
fn prefix_key(prefix: &[u8]) -> u128 {
    prefix.iter().fold(0u128, |key, &b| (key << 8) | u128::from(b)) << 8 | prefix.len() as u128
}

impl<S: TokenStream> TokenStream for ShortPrefixesStream<'_, S> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(&end) = self.ends.get(self.next).filter(|_| self.next < self.n_ends) {
                self.next += 1;
                let word = self.tail.token();
                self.current.text.clear();
                self.current.text.push_str(word.text.get(..end).unwrap_or_default());
                self.current.offset_from = word.offset_from;
                self.current.offset_to = word.offset_to;
                self.current.position = word.position;
                return true;
            }
            if !self.tail.advance() {
                return false;
            }
            let word = &self.tail.token().text;
            let ends = word.char_indices().map(|(i, _)| i).skip(1).chain([word.len()]).take(SHORT_PREFIX_CHARS);
            self.n_ends = 0;
            for (slot, end) in self.ends.iter_mut().zip(ends) {
                *slot = end;
                self.n_ends += 1;
            }
            // The longest first: a prefix given before had its shorter ones given with it, so
            // a beginning seen before in the text (most words) costs one lookup, not three.
            self.next = self.n_ends;
            while let Some(&end) = self.next.checked_sub(1).and_then(|last| self.ends.get(last)) {
                if !self.given.insert(prefix_key(word.as_bytes().get(..end).unwrap_or_default())) {
                    break;
                }
                self.next -= 1;
            }
        }
    }

    fn token(&self) -> &TantivyToken {
        &self.current
    }

    fn token_mut(&mut self) -> &mut TantivyToken {
        &mut self.current
    }
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

    pub(crate) fn stem_word(&mut self, language: &str, word: &str) -> Option<String> {
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

/// The text fields a word may match in, in the order the index adds them.
pub fn searchable_fields(c: &Clipping) -> [&str; 9] {
    [&c.title, &c.body, &c.caption, &c.credit, &c.copyright, &c.source, &c.author, &c.notes, &c.original_name]
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

/// The texts of the tokens an analyzer makes of `text`, for tests.
#[cfg(test)]
pub(crate) fn token_texts(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
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
    fn short_prefixes_are_each_words_first_letters_folded() {
        let got = token_texts(&mut short_prefixes_analyzer(), "Qazaqstan Қазақстан, an É 東京都");
        let expected = [
            "q", "qa", "qaz", "қ", "қа", "қаз", "a", "an", "e", // one letter, one prefix
            "東", "東京", "京", "京都", // the pairs a CJK run is cut into
        ];
        assert_eq!(got, expected);
    }

    #[test]
    fn short_prefixes_are_given_once_a_text() {
        let mut analyzer = short_prefixes_analyzer();
        let text = "Oil, OIL and oilfields; Ойл ойл; ab abc abd 東京 東京";
        let expected = ["o", "oi", "oil", "a", "an", "and", "о", "ой", "ойл", "ab", "abc", "abd", "東", "東京"];
        assert_eq!(token_texts(&mut analyzer, text), expected);
        // Another text starts afresh.
        assert_eq!(token_texts(&mut analyzer, "oil"), ["o", "oi", "oil"]);
    }

    /// The index's stem field gets each word's stem where it differs from the word, once for
    /// each time the word is there (the field counts them), as Tantivy's own stemmer and
    /// folding make them; only the order differs.
    #[test]
    fn index_stems_are_each_changed_words_stem_as_often_as_the_word() {
        use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, Stemmer};
        for (language, line) in crate::search::stemming::SAMPLE_TEXTS {
            // Each word twice, so that its repeat comes from what the stemmer made of it.
            let text = format!("{line}; {line}");
            let text = text.as_str();
            let mut words = TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).build();
            let raw = || TextAnalyzer::builder(tantivy::tokenizer::RawTokenizer::default());
            let mut stemmer = raw().filter(Stemmer::new(language)).build();
            let mut folding = raw().filter(AsciiFoldingFilter).build();
            let mut expected: Vec<String> = token_texts(&mut words, text)
                .into_iter()
                .filter_map(|word| {
                    let stem = token_texts(&mut stemmer, &word).pop()?;
                    (stem != word).then(|| token_texts(&mut folding, &stem).pop()).flatten()
                })
                .collect();
            expected.sort();
            let mut index = changed_stems_analyzer(language);
            for time in ["first", "again"] {
                let mut got = token_texts(&mut index, text);
                got.sort();
                assert_eq!(got, expected, "{language:?}, {time}");
            }
        }
    }

    #[test]
    fn title_sort_ignores_case_and_accents() {
        let mut titles = vec!["zebra", "Éclair", "apple", "banana", "eclair"];
        sort_by_title(&mut titles, |t| t);
        assert_eq!(titles, ["apple", "banana", "Éclair", "eclair", "zebra"]);
    }
}
