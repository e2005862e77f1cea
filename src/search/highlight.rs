//! Finding what a query matched in one text, for the list's snippets and the detail pane's
//! marks. It applies the index's own analysis (`analysis.rs`) to one text at a time.

use std::ops::Range;

use crate::search::analysis::{Analyzers, is_kazakh_prefix_word};
use crate::search::query::Query;

/// How much of a text a snippet is looked for in.
const SNIPPET_SCAN_BYTES: usize = 32 * 1024;

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
        for text in query.texts() {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
