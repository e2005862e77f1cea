//! Words read off a page put back in reading order: the page is cut where a gap runs across
//! it (between the headline and the text, between paragraphs) or down it (between columns),
//! and again inside each piece, until the pieces are blocks of lines (recursive XY-cut). A
//! cut down the whole of a piece goes first, so that two columns are read one after the
//! other even where their paragraphs end at the same height. The headline is the largest type
//! at the top; words broken by a hyphen at a line's end are joined.

use super::engine::Word;

/// A page's text in reading order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Read {
    /// The headline: the largest type at the top, where the page has one.
    pub title: String,
    /// Paragraphs, one a line of the text.
    pub body: String,
}

/// How far down the page some words reach, in pixels.
#[derive(Clone, Copy, Debug)]
struct Bounds {
    top: u32,
    bottom: u32,
}

fn bounds(words: &[&Word]) -> Bounds {
    Bounds {
        top: words.iter().map(|w| w.top).min().unwrap_or(0),
        bottom: words.iter().map(|w| w.bottom()).max().unwrap_or(0),
    }
}

fn median(mut values: Vec<u32>) -> u32 {
    if values.is_empty() {
        return 0;
    }
    values.sort_unstable();
    values[values.len() / 2]
}

/// The widest gap along one axis that no word covers: (its start, its end), where one is at
/// least `min` wide. `span` gives a word's extent on the axis.
fn widest_gap(words: &[&Word], span: impl Fn(&Word) -> (u32, u32), min: u32) -> Option<(u32, u32)> {
    let mut spans: Vec<(u32, u32)> = words.iter().map(|w| span(w)).collect();
    spans.sort_unstable();
    let mut reach = spans.first()?.1;
    let mut best: Option<(u32, u32)> = None;
    for &(start, end) in &spans[1..] {
        if start > reach && start - reach >= min && best.is_none_or(|(a, b)| start - reach > b - a) {
            best = Some((reach, start));
        }
        reach = reach.max(end);
    }
    best
}

/// The page cut into blocks in reading order.
fn blocks<'w>(words: Vec<&'w Word>, letter: u32, out: &mut Vec<Vec<&'w Word>>) {
    if words.len() <= 1 {
        if !words.is_empty() {
            out.push(words);
        }
        return;
    }
    let b = bounds(&words);
    // Down the piece first (columns), where it is at least three lines tall: a gap of two
    // letters' height runs from its top to its bottom.
    if b.bottom - b.top >= letter * 4
        && let Some((_, at)) = widest_gap(&words, |w| (w.left, w.right()), letter * 2)
    {
        let (left, right): (Vec<&Word>, Vec<&Word>) = words.into_iter().partition(|w| w.right() <= at);
        blocks(left, letter, out);
        blocks(right, letter, out);
        return;
    }
    // Across: a gap of most of a line's height between two rows of words.
    if let Some((_, at)) = widest_gap(&words, |w| (w.top, w.bottom()), (letter * 2 / 3).max(1)) {
        let (top, bottom): (Vec<&Word>, Vec<&Word>) = words.into_iter().partition(|w| w.bottom() <= at);
        blocks(top, letter, out);
        blocks(bottom, letter, out);
        return;
    }
    out.push(words);
}

/// A block's lines: words whose middles are within half a letter of each other's line, left
/// to right.
fn lines(mut words: Vec<&Word>) -> Vec<Vec<&Word>> {
    words.sort_by_key(|w| (w.top + w.bottom()) / 2);
    let mut lines: Vec<Vec<&Word>> = Vec::new();
    for word in words {
        let middle = (word.top + word.bottom()) / 2;
        match lines.last_mut() {
            Some(line)
                if {
                    let b = bounds(line);
                    middle >= b.top && middle <= b.bottom
                } =>
            {
                line.push(word)
            }
            _ => lines.push(vec![word]),
        }
    }
    for line in &mut lines {
        line.sort_by_key(|w| w.left);
    }
    lines
}

/// A block's lines as one paragraph: a word broken by a hyphen at a line's end is joined when
/// the next line goes on in small letters ("сни-" "зил" → "снизил"); before a capital the
/// hyphen stays, with no space ("Алма-" "Ата" → "Алма-Ата").
fn paragraph(lines: &[Vec<&Word>]) -> String {
    let mut out = String::new();
    for line in lines {
        let text: Vec<&str> = line.iter().map(|w| w.text.as_str()).collect();
        let text = text.join(" ");
        let broken = out.ends_with(['-', '¬', '\u{ad}']) && out.chars().rev().nth(1).is_some_and(char::is_alphabetic);
        let next = text.chars().next();
        if broken && next.is_some_and(char::is_lowercase) {
            out.pop();
            out.push_str(&text);
        } else if broken && next.is_some_and(char::is_alphabetic) {
            // "Алма-" "Ата": a compound, its hyphen kept.
            out.push_str(&text);
        } else {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&text);
        }
    }
    out
}

/// The words of a page (tesseract's, on the straightened page) as its headline and text.
pub fn read(words: &[Word]) -> Read {
    // Junk that tesseract reads off specks and edges goes: words it doubts most, and marks
    // with no letter it is unsure of. A dash or a point it is sure of stays.
    let kept: Vec<&Word> = words
        .iter()
        .filter(|w| w.conf >= 10.0 && (w.conf >= 60.0 || w.text.chars().any(char::is_alphanumeric)))
        .collect();
    if kept.is_empty() {
        return Read::default();
    }
    let letter = median(kept.iter().map(|w| w.height).collect()).max(1);
    let mut pieces = Vec::new();
    blocks(kept, letter, &mut pieces);
    let blocks: Vec<(u32, Vec<Vec<&Word>>)> = pieces
        .into_iter()
        .map(|block| {
            let height = median(block.iter().map(|w| w.height).collect());
            (height, lines(block))
        })
        .collect();
    // The headline: the first blocks set in type clearly larger than the text's.
    let n_title = blocks.iter().take_while(|(height, _)| *height * 10 >= letter * 14).count();
    let title = blocks[..n_title].iter().map(|(_, lines)| paragraph(lines)).collect::<Vec<_>>().join(" ");
    let body = blocks[n_title..].iter().map(|(_, lines)| paragraph(lines)).collect::<Vec<_>>().join("\n");
    Read { title, body }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, left: u32, top: u32, height: u32) -> Word {
        let width = text.chars().count() as u32 * height / 2;
        Word { text: text.into(), conf: 90.0, left, top, width, height, block: 0, par: 0, line: 0 }
    }

    /// Words of a line of text starting at `left`, `top`.
    fn line(text: &str, left: u32, top: u32, height: u32) -> Vec<Word> {
        let mut x = left;
        text.split(' ')
            .map(|t| {
                let w = word(t, x, top, height);
                x += w.width + height / 3;
                w
            })
            .collect()
    }

    #[test]
    fn a_headline_above_two_columns_reads_headline_then_each_column_down() {
        let mut words = line("Ministers meet in Astana", 100, 100, 60);
        for (i, (left, right)) in
            [("first column one", "second column one"), ("first column two", "second column two")].iter().enumerate()
        {
            let top = 260 + i as u32 * 40;
            words.extend(line(left, 100, top, 30));
            words.extend(line(right, 700, top, 30));
        }
        words.extend(line("first column three", 100, 340, 30));
        words.extend(line("second column thr-", 700, 340, 30));
        words.extend(line("ee ends", 700, 380, 30));
        let read = read(&words);
        assert_eq!(read.title, "Ministers meet in Astana");
        assert_eq!(
            read.body,
            "first column one first column two first column three\nsecond column one second column two second \
             column three ends"
        );
    }

    #[test]
    fn hyphens_join_words_broken_at_a_line_end_only() {
        let words: Vec<Word> = [
            line("Банк России сни-", 100, 100, 30),
            line("зил ставку, Алма-", 100, 140, 30),
            line("Ата тоже", 100, 180, 30),
        ]
        .concat();
        assert_eq!(read(&words).body, "Банк России снизил ставку, Алма-Ата тоже");
    }
}
