//! A text's words, cut once per thread for the index's analyses of it. A clipping's texts go
//! to three fields, each analyzed on its own (`all`, `short_prefixes`, its language's stems),
//! and cutting a text into lower-cased words was most of each analysis: about 13 of 23 µs
//! for the short prefixes of a BBC article. So the words of the texts a thread cut last are
//! kept, and a text seen again is handed out from them. Tantivy writes a document on one
//! thread, field after field, so its texts come back within a few calls.
//!
//! A text is looked up by its content, and its words are what the same cutting made of it:
//! what is handed out is what cutting it again would give, whichever field asks.
//!
//! The cutting is one pass over the text. It gives what Tantivy's `SimpleTokenizer`, the CJK
//! pairs (`cjk.rs`), `RemoveLongFilter::limit(64)` and `LowerCaser` gave one after another,
//! which the tests check, in about half the time: those four made a token each and copied it
//! two or three times. The cut also knows which words are the same, so that the fields that
//! need each different word once (`short_prefixes`) or each word's stem once
//! (`stemming.rs`) are handed them so.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::hash::Hasher;
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHasher};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::search::cjk;

/// How many texts a thread keeps the words of: a clipping has up to ten texts (title, body,
/// caption, notes, source...), and the fields that analyze them come one after another.
const KEPT_TEXTS: usize = 12;

/// Longer texts are cut each time they come: a thread would otherwise hold their copies.
const KEPT_TEXT_BYTES: usize = 64 * 1024;

/// Words of this many bytes or more are left out, as Tantivy's `RemoveLongFilter::limit(64)`
/// leaves them: a run of letters that long is a code or an address, not a word to search.
const LONGEST_WORD_BYTES: usize = 64;

/// The words: letters and digits, Chinese and Japanese cut into pairs (`cjk.rs`), none longer
/// than 64 bytes, lower-cased; handed out in the given [`Order`].
#[derive(Clone, Copy, Default)]
pub(crate) struct Words {
    order: Order,
}

/// In which order, and how often, a text's words are handed out.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(crate) enum Order {
    /// Every word, as they come in the text.
    #[default]
    Text,
    /// Each different word once, at its first place: for a field that keeps only which texts
    /// have a word.
    Distinct,
    /// Every word, each one's repeats right after it (in the order words first come): for a
    /// field that counts a word's repeats but keeps no places, whose filters can then reuse
    /// what they made of the word before.
    Grouped,
}

impl Words {
    pub(crate) fn in_order(order: Order) -> Words {
        Words { order }
    }
}

/// One text and its words.
#[derive(Default)]
pub(crate) struct Cut {
    text: String,
    /// The words one after another; each [`Word`] says where its own is.
    letters: String,
    words: Vec<Word>,
    /// Each different word's first place in `words`, in the order they come.
    firsts: Vec<u32>,
    /// While cutting: each different word, by its hash, with its first and last place.
    seen: FxHashMap<u64, (u32, u32)>,
}

struct Word {
    /// Where it is in `Cut::letters`.
    from: usize,
    to: usize,
    /// Where it is in the text, and its position among the words.
    offset_from: usize,
    offset_to: usize,
    position: usize,
    /// The place in `Cut::words` of the same word's next repeat, if any.
    next_same: Option<u32>,
}

thread_local! {
    /// The texts this thread cut last, the newest at the back.
    static KEPT: RefCell<VecDeque<Rc<Cut>>> = RefCell::new(VecDeque::with_capacity(KEPT_TEXTS));
}

/// Whether a character is part of a word: `char::is_alphanumeric`, as Tantivy's
/// `SimpleTokenizer` has it, told at once for ASCII and the Russian alphabet.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { matches!(c, '\u{410}'..='\u{44F}') || c.is_alphanumeric() }
}

/// The character that starts at byte `i` of `text` (where one starts).
fn char_at(text: &str, i: usize) -> char {
    text.get(i..).and_then(|rest| rest.chars().next()).unwrap_or('\0')
}

/// Writes `c` lower-cased, as `char::to_lowercase` has it, at once for the Russian alphabet,
/// whose letters the standard library finds in a table of all of Unicode's.
fn push_lowercase(out: &mut String, c: char) {
    match c {
        '\u{430}'..='\u{44F}' => out.push(c),
        // А-Я to а-я.
        '\u{410}'..='\u{42F}' => out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
        _ => out.extend(c.to_lowercase()),
    }
}

impl Cut {
    /// Cuts `text` into its words.
    fn cut(&mut self, text: &str) {
        self.text.clear();
        self.text.push_str(text);
        self.letters.clear();
        self.words.clear();
        self.firsts.clear();
        self.seen.clear();
        let bytes = text.as_bytes();
        let mut position = 0;
        let mut i = 0;
        // Bytes below 0x80 are ASCII letters, digits or neither, told without decoding; other
        // characters are decoded where they start.
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
            } else {
                let c = char_at(text, i);
                if !is_word_char(c) {
                    i += c.len_utf8();
                    continue;
                }
            }
            // A word starts here: read to its end, seeing whether it is all ASCII and whether
            // it may have CJK in it (a character at U+3040 or above).
            let from = i;
            let mut ascii = true;
            let mut maybe_cjk = false;
            while let Some(&b) = bytes.get(i) {
                if b < 0x80 {
                    if !b.is_ascii_alphanumeric() {
                        break;
                    }
                    i += 1;
                } else {
                    let c = char_at(text, i);
                    if !is_word_char(c) {
                        break;
                    }
                    ascii = false;
                    maybe_cjk |= u32::from(c) >= 0x3040;
                    i += c.len_utf8();
                }
            }
            self.word(text, from, i, ascii, maybe_cjk, &mut position);
        }
    }

    /// One run of letters and digits, `from..to` in the text: a word, or pairs of CJK.
    fn word(&mut self, text: &str, from: usize, to: usize, ascii: bool, maybe_cjk: bool, position: &mut usize) {
        let Some(run) = text.get(from..to) else { return };
        if maybe_cjk && cjk::has_cjk(run) {
            cjk::cut(run, |part_from, part_to| {
                let (part_from, part_to) = (from + part_from, from + part_to);
                let part_ascii = text.get(part_from..part_to).is_some_and(str::is_ascii);
                self.record(text, part_from, part_to, part_ascii, *position);
                *position += 1;
            });
        } else {
            self.record(text, from, to, ascii, *position);
            *position += 1;
        }
    }

    /// Keeps one word lower-cased, with what it is the same as.
    fn record(&mut self, text: &str, offset_from: usize, offset_to: usize, ascii: bool, position: usize) {
        let Some(original) = text.get(offset_from..offset_to).filter(|w| w.len() < LONGEST_WORD_BYTES) else {
            return;
        };
        let from = self.letters.len();
        if ascii {
            self.letters.push_str(original);
            if let Some(word) = self.letters.get_mut(from..) {
                word.make_ascii_lowercase();
            }
        } else {
            for c in original.chars() {
                push_lowercase(&mut self.letters, c);
            }
        }
        let to = self.letters.len();
        let place = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        let lowered = self.letters.get(from..to).unwrap_or_default();
        let mut hasher = FxHasher::default();
        hasher.write(lowered.as_bytes());
        let hash = hasher.finish();
        match self.seen.get_mut(&hash) {
            Some((first, last))
                if self.words.get(*first as usize).is_some_and(|w| self.letters.get(w.from..w.to) == Some(lowered)) =>
            {
                if let Some(previous) = self.words.get_mut(*last as usize) {
                    previous.next_same = Some(place);
                }
                *last = place;
            }
            // Another word with the same hash (seldom): this one stands alone.
            Some(_) => self.firsts.push(place),
            None => {
                self.seen.insert(hash, (place, place));
                self.firsts.push(place);
            }
        }
        self.words.push(Word { from, to, offset_from, offset_to, position, next_same: None });
    }
}

/// The kept words of `text`, if this thread cut it lately.
fn kept(text: &str) -> Option<Rc<Cut>> {
    KEPT.with_borrow(|kept| kept.iter().rev().find(|c| c.text == text).map(Rc::clone))
}

/// `text` cut, kept as the newest if it is neither empty nor too long; the oldest kept one's buffers are
/// reused if the room is needed and no stream still reads it.
fn cut_and_keep(text: &str) -> Rc<Cut> {
    let keeping = !text.is_empty() && text.len() <= KEPT_TEXT_BYTES;
    let oldest = KEPT.with_borrow_mut(|kept| if keeping && kept.len() >= KEPT_TEXTS { kept.pop_front() } else { None });
    let mut cut = oldest.and_then(|c| Rc::try_unwrap(c).ok()).unwrap_or_default();
    cut.cut(text);
    let cut = Rc::new(cut);
    if keeping {
        KEPT.with_borrow_mut(|kept| {
            if kept.len() >= KEPT_TEXTS {
                kept.pop_front();
            }
            kept.push_back(Rc::clone(&cut));
        });
    }
    cut
}

impl Tokenizer for Words {
    type TokenStream<'a> = WordStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream {
        let cut = kept(text).unwrap_or_else(|| cut_and_keep(text));
        WordStream { cut, order: self.order, next_first: 0, next: None, token: Token::default() }
    }
}

/// A text's words handed out from its cut.
pub(crate) struct WordStream {
    cut: Rc<Cut>,
    order: Order,
    /// The next different word to hand out, as its place in `Cut::firsts` (and, in text order,
    /// the next word's place in `Cut::words`).
    next_first: usize,
    /// In `Order::Grouped`, the next repeat of the word being handed out.
    next: Option<u32>,
    token: Token,
}

impl TokenStream for WordStream {
    fn advance(&mut self) -> bool {
        let cut = &self.cut;
        let place = match self.order {
            Order::Text => Some(self.next_first),
            Order::Distinct => cut.firsts.get(self.next_first).map(|&p| p as usize),
            Order::Grouped => match self.next.take() {
                Some(repeat) => {
                    let Some(word) = cut.words.get(repeat as usize) else { return false };
                    self.next = word.next_same;
                    return hand_out(&mut self.token, cut, word);
                }
                None => cut.firsts.get(self.next_first).map(|&p| p as usize),
            },
        };
        let Some(word) = place.and_then(|p| cut.words.get(p)) else { return false };
        self.next_first += 1;
        if self.order == Order::Grouped {
            self.next = word.next_same;
        }
        hand_out(&mut self.token, cut, word)
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

fn hand_out(token: &mut Token, cut: &Cut, word: &Word) -> bool {
    token.text.clear();
    token.text.push_str(cut.letters.get(word.from..word.to).unwrap_or_default());
    token.offset_from = word.offset_from;
    token.offset_to = word.offset_to;
    token.position = word.position;
    true
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};

    use super::*;
    use crate::search::cjk::CjkBigrams;

    /// Each token of a stream with where it is: its text, offsets and position.
    fn all_of(mut stream: impl TokenStream) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    /// What Tantivy's filters one after another made of a text, before the cutting here.
    fn tantivys(text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut chain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(CjkBigrams)
            .filter(RemoveLongFilter::limit(LONGEST_WORD_BYTES))
            .filter(LowerCaser)
            .build();
        all_of(chain.token_stream(text))
    }

    /// Texts of random pieces: ASCII, Russian and Kazakh in both cases, accents, letters whose
    /// lower case is longer (İ) or another script's (Σ, ß), CJK, digits, marks, long runs.
    fn random_texts(n: usize) -> Vec<String> {
        let pieces = [
            "Talks",
            "BRUSSELS",
            "in",
            " ",
            ", ",
            ".",
            "-",
            "'",
            "2024",
            "Переговоры",
            "ПРЕЗИДЕНТ",
            "ёЁ",
            "Қазақстан",
            "ҰЛТТЫҚ",
            "Ә",
            "іІ",
            "café",
            "ÉLYSÉE",
            "Łódź",
            "İstanbul",
            "ΣΟΦΊΑ",
            "Straße",
            "ẞ",
            "北京大学",
            "東京都の",
            "Ω",
            "e\u{301}",
            "\u{483}",
            "١٢٣",
            "½",
            "Ⅻ",
            "😀",
            "\u{ad}",
            "\n",
            "a",
            "Б",
            "x",
            "日",
            "ǅ",
            "ﬁ",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..n)
            .map(|i| {
                let mut text = String::new();
                for _ in 0..(next() % 40) {
                    let piece = pieces[(next() % pieces.len() as u64) as usize];
                    // Now and then a run of letters too long to be a word, or just short enough.
                    let times = if next() % 30 == 0 { 1 + next() % 40 } else { 1 };
                    for _ in 0..times {
                        text.push_str(piece);
                    }
                }
                if i % 50 == 0 {
                    text.push_str(&"ж".repeat(31 + i % 3));
                    text.push_str(&"q".repeat(62 + i % 4));
                }
                text
            })
            .collect()
    }

    /// The one pass gives what Tantivy's four filters gave: the same words, lower-cased, at
    /// the same places, the same ones left out for length.
    #[test]
    fn cutting_gives_what_tantivys_filters_gave() {
        let mut texts = random_texts(3000);
        texts.extend(
            [
                "Talks in Brussels: the Middle Corridor",
                "Переговоры в Брюсселе о Среднем коридоре",
                "北京大学 and Qazaqstan",
                "",
                "   ",
            ]
            .map(String::from),
        );
        let mut words = Words::default();
        for text in &texts {
            assert_eq!(all_of(words.token_stream(text)), tantivys(text), "{text:?}");
        }
    }

    /// The quick answers for ASCII and Russian are the standard library's, for every character.
    #[test]
    fn word_characters_and_lower_case_are_the_standard_librarys() {
        let mut ours = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            ours.clear();
            push_lowercase(&mut ours, c);
            assert_eq!(ours, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    /// Each order hands out the text's words: every one in the text's order, each different
    /// one once at its first place, or every one with its repeats after it.
    #[test]
    fn orders_hand_out_the_same_words() {
        let text = "the corridor and the talks on the Corridor: talks, the end";
        let in_text = all_of(Words::in_order(Order::Text).token_stream(text));
        let distinct = all_of(Words::in_order(Order::Distinct).token_stream(text));
        let grouped = all_of(Words::in_order(Order::Grouped).token_stream(text));
        let texts = |tokens: &[(String, usize, usize, usize)]| tokens.iter().map(|t| t.0.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&distinct), ["the", "corridor", "and", "talks", "on", "end"]);
        assert_eq!(
            texts(&grouped),
            ["the", "the", "the", "the", "corridor", "corridor", "and", "talks", "talks", "on", "end"]
        );
        // The same words with their own places, in another order.
        let mut sorted = grouped.clone();
        sorted.sort_by_key(|t| t.3);
        assert_eq!(sorted, in_text);
        assert!(distinct.iter().all(|t| in_text.contains(t)));
        // Thousands of different words, some repeated.
        let many: String = (0..6000).map(|i| format!("{} ", i % 5000)).collect();
        let mut randoms = random_texts(300);
        randoms.push(many);
        for random in randoms {
            let in_text = all_of(Words::in_order(Order::Text).token_stream(&random));
            let mut grouped = all_of(Words::in_order(Order::Grouped).token_stream(&random));
            let distinct = all_of(Words::in_order(Order::Distinct).token_stream(&random));
            grouped.sort_by_key(|t| t.3);
            assert_eq!(grouped, in_text, "{random:?}");
            let mut firsts: Vec<String> = Vec::new();
            for (word, ..) in &in_text {
                if !firsts.contains(word) {
                    firsts.push(word.clone());
                }
            }
            assert_eq!(texts(&distinct), firsts, "{random:?}");
        }
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
        let mut words = Words::default();
        for round in 0..3 {
            for text in texts.iter().chain(texts.iter().rev()) {
                assert_eq!(all_of(words.token_stream(text)), tantivys(text), "round {round}: {text}");
            }
            // Many other texts push these out.
            for i in 0..KEPT_TEXTS + 3 {
                let other = format!("other text {i}");
                assert_eq!(all_of(words.token_stream(&other)), tantivys(&other));
            }
        }
        // An empty text has nothing to keep, and pushes out none kept.
        assert_eq!(all_of(words.token_stream("")), []);
        assert!(KEPT.with_borrow(|kept| kept.iter().all(|c| !c.text.is_empty())));
        let long = "Corridor ".repeat(KEPT_TEXT_BYTES / 9 + 1);
        assert_eq!(all_of(words.token_stream(&long)), tantivys(&long));
        assert!(KEPT.with_borrow(|kept| kept.iter().all(|c| c.text != long)));
    }

    /// A stream reads its text's words to the end while other texts push it out, both the
    /// first time and again, from the words kept; while it reads, its cut is not reused.
    #[test]
    fn a_stream_reads_its_words_to_the_end() {
        let mut reading = Words::default();
        let mut others = Words::default();
        for time in ["first", "again"] {
            let kept_before = KEPT.with_borrow(|kept| kept.iter().any(|c| c.text == "one two three"));
            assert_eq!(kept_before, time == "again", "{time}");
            let mut stream = reading.token_stream("one two three");
            assert!(stream.advance());
            for i in 0..KEPT_TEXTS * 2 {
                let _ = all_of(others.token_stream(&format!("pushing out {i}")));
            }
            let mut rest = Vec::new();
            while stream.advance() {
                rest.push(stream.token().text.clone());
            }
            assert_eq!(rest, ["two", "three"], "{time}");
            drop(stream);
            if time == "first" {
                // Pushed out meanwhile: kept again by the next stream.
                let _ = all_of(reading.token_stream("one two three"));
            }
        }
    }
}
