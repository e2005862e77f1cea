//! Chinese and Japanese for the search index: they are written without spaces, so a run of their
//! characters would otherwise be one "word" that only the whole run finds. The index's words
//! (`words.rs`) cut such a run into overlapping pairs of characters (北京大学 -> 北京 京大 大学),
//! the usual way full-text engines index these scripts: a query cut the same way and searched
//! as a phrase finds the text wherever it occurs. Other words pass through unchanged.

/// Han ideographs and Japanese kana. Hangul is left out: Korean puts spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'      // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}'    // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}'    // CJK Unified Ideographs
        | '\u{F900}'..='\u{FAFF}'    // CJK Compatibility Ideographs
        | '\u{20000}'..='\u{2FA1F}') // Extensions B to F, Compatibility Supplement
}

/// Whether a text has a CJK character in it. Every one is at U+3040 or above, three or four
/// bytes in UTF-8 led by 0xE3 or more: text without such a byte (Latin, Cyrillic, Greek...) is
/// told at a glance.
pub(crate) fn has_cjk(text: &str) -> bool {
    text.bytes().any(|b| b >= 0xE3) && text.chars().any(is_cjk)
}

/// Cuts a word with CJK in it into its runs of CJK and other characters; CJK runs of two or
/// more become overlapping pairs. Gives each part's byte range in the word, in order.
pub(crate) fn cut(word: &str, mut part: impl FnMut(usize, usize)) {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let byte_at = |k: usize| chars.get(k).map_or(word.len(), |&(i, _)| i);
    let mut start = 0;
    while start < chars.len() {
        let cjk = chars.get(start).is_some_and(|&(_, c)| is_cjk(c));
        let end =
            (start..chars.len()).find(|&k| chars.get(k).is_some_and(|&(_, c)| is_cjk(c) != cjk)).unwrap_or(chars.len());
        if cjk && end - start > 1 {
            for k in start..end - 1 {
                part(byte_at(k), byte_at(k + 2));
            }
        } else {
            part(byte_at(start), byte_at(end));
        }
        start = end;
    }
}

/// The cutting as a token filter after Tantivy's `SimpleTokenizer`: how the index cut words
/// before `words.rs` did it in one pass, kept as what that pass is checked against.
#[cfg(test)]
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CjkBigrams;

#[cfg(test)]
mod filter {
    use std::collections::VecDeque;

    use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

    use super::{CjkBigrams, cut, has_cjk};

    impl TokenFilter for CjkBigrams {
        type Tokenizer<T: Tokenizer> = CjkBigramsFilter<T>;

        fn transform<T: Tokenizer>(self, tokenizer: T) -> CjkBigramsFilter<T> {
            CjkBigramsFilter { inner: tokenizer }
        }
    }

    #[derive(Clone)]
    pub(crate) struct CjkBigramsFilter<T> {
        inner: T,
    }

    impl<T: Tokenizer> Tokenizer for CjkBigramsFilter<T> {
        type TokenStream<'a> = CjkBigramsStream<T::TokenStream<'a>>;

        fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
            CjkBigramsStream {
                tail: self.inner.token_stream(text),
                parts: VecDeque::new(),
                current: Token::default(),
                passing: false,
                next_position: 0,
            }
        }
    }

    pub(crate) struct CjkBigramsStream<S> {
        tail: S,
        /// What the current input token was cut into, still to hand out.
        parts: VecDeque<Token>,
        current: Token,
        /// Whether the current token is the input's own, handed on as it is (no CJK in it): most
        /// tokens, which are then neither copied nor allocated.
        passing: bool,
        /// Positions are renumbered: a run of n characters becomes n - 1 tokens in a row.
        next_position: usize,
    }

    impl<S: TokenStream> TokenStream for CjkBigramsStream<S> {
        fn advance(&mut self) -> bool {
            loop {
                if let Some(mut token) = self.parts.pop_front() {
                    token.position = self.next_position;
                    self.next_position += 1;
                    self.current = token;
                    self.passing = false;
                    return true;
                }
                if !self.tail.advance() {
                    return false;
                }
                if !has_cjk(&self.tail.token().text) {
                    self.tail.token_mut().position = self.next_position;
                    self.next_position += 1;
                    self.passing = true;
                    return true;
                }
                let token = self.tail.token();
                let parts = &mut self.parts;
                cut(&token.text, |from, to| {
                    if let Some(text) = token.text.get(from..to) {
                        parts.push_back(Token {
                            offset_from: token.offset_from + from,
                            offset_to: token.offset_from + to,
                            position: 0,
                            text: text.to_owned(),
                            position_length: 1,
                        });
                    }
                });
            }
        }

        fn token(&self) -> &Token {
            if self.passing { self.tail.token() } else { &self.current }
        }

        fn token_mut(&mut self) -> &mut Token {
            if self.passing { self.tail.token_mut() } else { &mut self.current }
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{TokenStream, Tokenizer};

    use crate::search::words::Words;

    fn check(text: &str, expected: &[(&str, usize)]) {
        let mut stream = Words::default().token_stream(text);
        let mut got = Vec::new();
        while stream.advance() {
            let t = stream.token();
            assert_eq!(text[t.offset_from..t.offset_to].to_lowercase(), t.text, "offsets of {:?}", t.text);
            got.push((t.text.clone(), t.position));
        }
        let expected: Vec<(String, usize)> = expected.iter().map(|(t, p)| (t.to_string(), *p)).collect();
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn runs_become_overlapping_pairs_in_a_row() {
        check("北京大学", &[("北京", 0), ("京大", 1), ("大学", 2)]);
        check("在北京 talks", &[("在北", 0), ("北京", 1), ("talks", 2)]);
        check("東京都の2024年", &[("東京", 0), ("京都", 1), ("都の", 2), ("2024", 3), ("年", 4)]);
        check("Brussels talks", &[("brussels", 0), ("talks", 1)]);
        check("中", &[("中", 0)]);
    }
}
