//! A text's words, cut once per thread for the index's analyses of it. A clipping's texts go
//! to three fields, each analyzed on its own (`all`, `short_prefixes`, its language's stems),
//! and cutting a text into lower-cased words was most of each analysis: about 13 of 23 µs
//! for the short prefixes of a BBC article. So the words of the texts a thread cut last are
//! kept, and a text seen again is handed out from them. Tantivy writes a document on one
//! thread, field after field, so its texts come back within a few calls.
//!
//! A text is looked up by its content, and its words are what the same cutting made of it:
//! what is handed out is what cutting it again would give, whichever field asks.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use tantivy::tokenizer::{
    BoxTokenStream, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

use crate::search::cjk::CjkBigrams;

/// How many texts a thread keeps the words of: a clipping has up to ten texts (title, body,
/// caption, notes, source...), and the fields that analyze them come one after another.
const KEPT_TEXTS: usize = 12;

/// Longer texts are cut each time they come: a thread would otherwise hold their copies.
const KEPT_TEXT_BYTES: usize = 64 * 1024;

/// The words: letters and digits, Chinese and Japanese cut into pairs (`cjk.rs`), none longer
/// than 64 bytes, lower-cased.
#[derive(Clone)]
pub(crate) struct Words {
    cutter: TextAnalyzer,
}

impl Default for Words {
    fn default() -> Words {
        let cutter = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(CjkBigrams)
            .filter(RemoveLongFilter::limit(64))
            .filter(LowerCaser)
            .build();
        Words { cutter }
    }
}

/// One text and its words.
#[derive(Default)]
pub(crate) struct Cut {
    text: String,
    /// The words one after another; each [`Word`] says where its own is.
    letters: String,
    words: Vec<Word>,
}

struct Word {
    /// Where it is in `Cut::letters`.
    from: usize,
    to: usize,
    /// Where it is in the text, and its position among the words.
    offset_from: usize,
    offset_to: usize,
    position: usize,
}

thread_local! {
    /// The texts this thread cut last, the newest at the back.
    static KEPT: RefCell<VecDeque<Rc<Cut>>> = RefCell::new(VecDeque::with_capacity(KEPT_TEXTS));
}

impl Cut {
    fn record(&mut self, token: &Token) {
        let from = self.letters.len();
        self.letters.push_str(&token.text);
        self.words.push(Word {
            from,
            to: self.letters.len(),
            offset_from: token.offset_from,
            offset_to: token.offset_to,
            position: token.position,
        });
    }
}

/// The kept words of `text`, if this thread cut it lately.
fn kept(text: &str) -> Option<Rc<Cut>> {
    KEPT.with_borrow(|kept| kept.iter().rev().find(|c| c.text == text).map(Rc::clone))
}

/// An empty cut for `text`: the oldest kept one's buffers if the room is needed and no stream
/// still reads it.
fn cut_for(text: &str) -> Cut {
    let oldest = KEPT.with_borrow_mut(|kept| if kept.len() >= KEPT_TEXTS { kept.pop_front() } else { None });
    let mut cut = oldest.and_then(|c| Rc::try_unwrap(c).ok()).unwrap_or_default();
    cut.text.clear();
    cut.text.push_str(text);
    cut.letters.clear();
    cut.words.clear();
    cut
}

/// Keeps a text's words, all of them cut, as the newest.
fn keep(cut: Cut) {
    KEPT.with_borrow_mut(|kept| {
        if kept.len() >= KEPT_TEXTS {
            kept.pop_front();
        }
        kept.push_back(Rc::new(cut));
    });
}

impl Tokenizer for Words {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        if text.is_empty() || text.len() > KEPT_TEXT_BYTES {
            return WordStream::Cutting(self.cutter.token_stream(text));
        }
        match kept(text) {
            Some(cut) => WordStream::Kept { cut, next: 0, token: Token::default() },
            None => WordStream::Recording { cut: Some(cut_for(text)), stream: self.cutter.token_stream(text) },
        }
    }
}

pub(crate) enum WordStream<'a> {
    /// A text cut lately: its words handed out again.
    Kept { cut: Rc<Cut>, next: usize, token: Token },
    /// A text cut now, its words kept as they come; the text is kept once its last word is.
    Recording { cut: Option<Cut>, stream: BoxTokenStream<'a> },
    /// An empty text, or one too long to keep.
    Cutting(BoxTokenStream<'a>),
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        match self {
            WordStream::Kept { cut, next, token } => {
                let Some(word) = cut.words.get(*next) else { return false };
                *next += 1;
                token.text.clear();
                token.text.push_str(cut.letters.get(word.from..word.to).unwrap_or_default());
                token.offset_from = word.offset_from;
                token.offset_to = word.offset_to;
                token.position = word.position;
                true
            }
            WordStream::Recording { cut, stream } => {
                if stream.advance() {
                    // Before the filters after this one change the token.
                    if let Some(cut) = cut.as_mut() {
                        cut.record(stream.token());
                    }
                    return true;
                }
                if let Some(cut) = cut.take() {
                    keep(cut);
                }
                false
            }
            WordStream::Cutting(stream) => stream.advance(),
        }
    }

    fn token(&self) -> &Token {
        match self {
            WordStream::Kept { token, .. } => token,
            WordStream::Recording { stream, .. } | WordStream::Cutting(stream) => stream.token(),
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self {
            WordStream::Kept { token, .. } => token,
            WordStream::Recording { stream, .. } | WordStream::Cutting(stream) => stream.token_mut(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each token of a stream with where it is: its text, offsets and position.
    fn all_of(mut stream: impl TokenStream) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    /// Kept or cut again, a text's words are the same, with their places, in any order of
    /// texts and after the kept ones have all been replaced; a long text is cut each time.
    #[test]
    fn kept_words_are_what_cutting_gives() {
        let texts = [
            "Talks in Brussels: the Middle Corridor",
            "Переговоры в Брюсселе о Среднем коридоре",
            "北京大学 and Qazaqstan",
            "",
            "Talks in Brussels: the Middle Corridor!",
        ];
        let plain = |text: &str| {
            let mut cutter = Words::default().cutter;
            all_of(cutter.token_stream(text))
        };
        let mut words = Words::default();
        for round in 0..3 {
            for text in texts.iter().chain(texts.iter().rev()) {
                assert_eq!(all_of(words.token_stream(text)), plain(text), "round {round}: {text}");
            }
            // Many other texts push these out.
            for i in 0..KEPT_TEXTS + 3 {
                let other = format!("other text {i}");
                assert_eq!(all_of(words.token_stream(&other)), plain(&other));
            }
        }
        let long = "Corridor ".repeat(KEPT_TEXT_BYTES / 9 + 1);
        assert_eq!(all_of(words.token_stream(&long)), plain(&long));
        assert!(KEPT.with_borrow(|kept| kept.iter().all(|c| c.text != long)));
    }

    /// A stream reads its text's words to the end while other texts push it out, both the
    /// first time, as the text is cut, and again, from the words kept.
    #[test]
    fn a_stream_reads_its_words_to_the_end() {
        let mut reading = Words::default();
        let mut others = Words::default();
        for time in ["first", "again"] {
            let mut stream = reading.token_stream("one two three");
            assert!(matches!(
                (time, &stream),
                ("first", WordStream::Recording { .. }) | ("again", WordStream::Kept { .. })
            ));
            assert!(stream.advance());
            for i in 0..KEPT_TEXTS * 2 {
                let _ = all_of(others.token_stream(&format!("pushing out {i}")));
            }
            let mut rest = Vec::new();
            while stream.advance() {
                rest.push(stream.token().text.clone());
            }
            assert_eq!(rest, ["two", "three"], "{time}");
            // Cut to its end, the text is kept, after those that came in the meantime; read
            // from its kept words, it was pushed out with them and stays out.
            drop(stream);
            let kept = KEPT.with_borrow(|kept| kept.iter().any(|c| c.text == "one two three"));
            assert_eq!(kept, time == "first", "{time}");
        }
    }
}
