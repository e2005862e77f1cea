//! Tantivy's ASCII folding (café = cafe, Łódź = lodz), with the words it would leave as they
//! are passed by unread. Its folding reads a word that is not all ASCII letter by letter, each
//! through a table of some 1,200 letters: every Russian and Kazakh word, which it never changes,
//! went through it, once for each of the three fields a text goes to. That was about a tenth
//! of the indexing threads' time on the corpus.
//!
//! The letters it folds are all in a few blocks of Unicode, and so begin with a few bytes in
//! UTF-8: a word with none of those bytes is handed on as it is, and any other is folded by
//! Tantivy's own filter. What comes out is, by construction, what Tantivy's folding gives.

use tantivy::tokenizer::{AsciiFoldingFilter, RawTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

/// Whether Tantivy's folding may change a word with this byte in it. The letters it folds are
/// in U+0080–U+02FF (lead bytes C2–CB in UTF-8), U+1D00–U+2EFF (E1, E2), U+A700–U+A7FF (EA)
/// and U+FB00–U+FFFF (EF); a test reads every letter of Unicode to hold this true. Cyrillic
/// (D0–D4) and Chinese and Japanese (E3–E9) have none of these bytes.
fn may_fold(byte: u8) -> bool {
    matches!(byte, 0xC2..=0xCB | 0xE1 | 0xE2 | 0xEA | 0xEF)
}

/// The token filter: folds words as [`AsciiFoldingFilter`] does.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Folding;

impl TokenFilter for Folding {
    type Tokenizer<T: Tokenizer> = FoldingFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FoldingFilter<T> {
        FoldingFilter {
            inner: tokenizer,
            folder: TextAnalyzer::builder(RawTokenizer::default()).filter(AsciiFoldingFilter).build(),
            scratch: String::new(),
        }
    }
}

#[derive(Clone)]
pub(crate) struct FoldingFilter<T> {
    inner: T,
    /// Tantivy's folding on one word: the whole text as one token, folded.
    folder: TextAnalyzer,
    /// The word being folded: the folder reads it while its result goes to the word's place.
    scratch: String,
}

impl<T: Tokenizer> Tokenizer for FoldingFilter<T> {
    type TokenStream<'a> = FoldingStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FoldingStream { tail: self.inner.token_stream(text), folder: &mut self.folder, scratch: &mut self.scratch }
    }
}

pub(crate) struct FoldingStream<'a, S> {
    tail: S,
    folder: &'a mut TextAnalyzer,
    scratch: &'a mut String,
}

impl<S: TokenStream> TokenStream for FoldingStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let word = &mut self.tail.token_mut().text;
        if !word.is_ascii() && word.bytes().any(may_fold) {
            self.scratch.clear();
            self.scratch.push_str(word);
            let mut stream = self.folder.token_stream(self.scratch);
            if stream.advance() {
                std::mem::swap(word, &mut stream.token_mut().text);
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::analysis::token_texts as words;
    use tantivy::tokenizer::WhitespaceTokenizer;

    #[test]
    fn letters_passed_by_are_letters_tantivy_leaves_alone() {
        // Every letter of Unicode whose UTF-8 bytes say "cannot fold", in one word: Tantivy's
        // folding must give it back unchanged.
        let passed: String = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| !c.encode_utf8(&mut [0; 4]).bytes().any(may_fold))
            .collect();
        assert!(passed.chars().count() > 1_000_000, "the test reads the letters it should");
        let mut tantivy = TextAnalyzer::builder(RawTokenizer::default()).filter(AsciiFoldingFilter).build();
        let folded = words(&mut tantivy, &passed);
        assert!(folded == [passed.clone()], "Tantivy folds a letter passed by");
    }

    #[test]
    fn folding_is_tantivys() {
        let mut ours = TextAnalyzer::builder(WhitespaceTokenizer::default()).filter(Folding).build();
        let mut tantivy = TextAnalyzer::builder(WhitespaceTokenizer::default()).filter(AsciiFoldingFilter).build();
        let text = "Café Łódź Qazaqstan Қазақстан Ёлка ﬁnance Ｔｏｋｙｏ 東京都 Ærø «Brexit» Ꜳ straße ½ ⓐ ᴀ";
        let got = words(&mut ours, text);
        assert_eq!(got, words(&mut tantivy, text));
        assert_eq!(got[..3], ["Cafe", "Lodz", "Qazaqstan"]);
        assert_eq!(got[3], "Қазақстан");
    }
}
