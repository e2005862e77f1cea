//! Tag suggestions from a clipping's text: countries (`countries.rs`: names with their
//! inflections, adjectives and demonyms, capitals and big cities as weaker evidence, groups
//! such as Benelux), events (`events.rs`: noun phrases headed by Forum, Summit, форум, sommet
//! ...), topics (`topics.rs`: IPTC Media Topics top level, keywords in `assets/topic-keywords.tsv`)
//! and a photo's GPS position (`gps.rs`). Topics and events are also learned from the
//! archive's own tagging (`learned.rs`). Evidence is weighed by where it is (title over first
//! paragraph over body) and how often; what passes a threshold is suggested. This module only
//! reads text: the archive stores what it suggests (`archive/suggestions.rs`).

mod countries;
mod events;
mod gps;
pub mod learned;
mod topics;

pub use crate::vocab::model::Suggestion;
pub use countries::{COUNTRY_THRESHOLD, country_evidence, suggest_countries};
pub use events::suggest_events;
pub use gps::country_at;
pub use learned::Learned;
pub use topics::suggest_topics;

use crate::vocab::language;
use crate::vocab::model::Tag;

fn is_cyrillic(s: &str) -> bool {
    s.chars().any(language::is_cyrillic)
}

fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ё' | 'Ё' => out.push('е'),
            // Russian capitals, the common case, without the Unicode tables.
            'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            c if c.is_lowercase() || !c.is_alphabetic() => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether a character is part of a word: letters and digits, with a quick answer for Latin
/// and Cyrillic letters.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, 'А'..='я' | 'Ѐ'..='ҁ' | 'Ҋ'..='ԯ') || c.is_alphanumeric()
}

/// The stem of a Cyrillic word: without its final vowel or soft sign, at least four letters.
fn stem(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut end = chars.len();
    if end > 4 && "аеёиоуыэюяйьіұүә".contains(chars[end - 1]) {
        end -= 1;
    }
    chars[..end].iter().collect()
}

/// Russian and Ukrainian case and adjective endings: what a short stem may take.
const ENDINGS: &[&str] = &[
    "а", "у", "е", "ы", "и", "ю", "я", "ой", "ом", "ей", "ии", "ию", "ия", "ий", "ая", "ое", "ие", "ого", "ому", "ую",
    "их", "ым", "ыми", "ими", "ых", "ом", "им", // Ukrainian
    "ї", "і", "єю", "ією", "ою", "ів", "ам", "ами", "ах", "ія", "ію", "ії", "ій", "ої", "ім",
];

/// Kazakh suffixes a name takes whole ("Ресей" -> "Ресейде", "Италиядан", "АҚШ-тың"): case,
/// plural, possessive and the adjective of place (-лық, "ресейлік"), at most two in a row.
const KAZAKH_SUFFIXES: &[&str] = &[
    "да",
    "де",
    "та",
    "те",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "ға",
    "ге",
    "қа",
    "ке",
    "а",
    "е",
    "на",
    "не",
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "н",
    "ы",
    "і",
    "сы",
    "сі",
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "мен",
    "бен",
    "пен",
    "нда",
    "нде",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "ндағы",
    "ндегі",
    "лар",
    "лер",
    "дар",
    "дер",
    "тар",
    "тер",
    "ша",
    "ше",
    "ға",
    "ына",
    "іне",
    "ң",
    "ымен",
    "імен",
    "лық",
    "лік",
    "дық",
    "дік",
    "тық",
    "тік",
    // Possessive: "Қазақстанымыз" (our Kazakhstan), "Қазақстанымыздың".
    "ым",
    "ім",
    "м",
    "ың",
    "ің",
    "ымыз",
    "іміз",
    "мыз",
    "міз",
    "ыңыз",
    "іңіз",
    "ңыз",
    "ңіз",
];

/// Whether `extra`, what a word adds to a whole name, is one or two Kazakh suffixes (after a
/// hyphen for abbreviations: "АҚШ-та", "ЕО-ның").
fn is_kazakh_suffix(extra: &str) -> bool {
    let extra = extra.strip_prefix('-').unwrap_or(extra);
    if extra.is_empty() {
        return false;
    }
    KAZAKH_SUFFIXES.contains(&extra)
        || KAZAKH_SUFFIXES.iter().any(|a| extra.strip_prefix(a).is_some_and(|rest| KAZAKH_SUFFIXES.contains(&rest)))
}

/// Words of a text with where each starts and whether it is capitalised.
fn words(text: &str) -> Vec<(usize, String, bool)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = is_word_char(c) || (c == '-' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(&mut out, text, s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(&mut out, text, s, text.len());
    }
    out
}

/// The folded words of a name, as [`words`] reads them from a text.
fn words_of(name: &str) -> Vec<String> {
    words(name).into_iter().map(|(_, w, _)| w).collect()
}

fn push_word(out: &mut Vec<(usize, String, bool)>, text: &str, start: usize, end: usize) {
    let word = text.get(start..end).unwrap_or_default().trim_end_matches('-');
    if word.is_empty() {
        return;
    }
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    out.push((start, fold(word), capital));
}

/// How much a place in the text counts: the title three times, the first paragraph twice.
fn section_weight(offset: usize, title_len: usize, first_paragraph_end: usize) -> f32 {
    if offset < title_len {
        3.0
    } else if offset < first_paragraph_end {
        2.0
    } else {
        1.0
    }
}

/// Where a news dateline ends ("SALVADOR, Feb 26 -", "BRUSSELS (Reuters) -", "АСТАНА, 5 марта
/// -"): the place that opens a story is where it happened, as strong as a name.
fn dateline_end(body: &str) -> Option<usize> {
    let first_line = body.trim_start().lines().next()?;
    let dash = first_line.find(" - ").or_else(|| first_line.find(" – ")).or_else(|| first_line.find(" — "))?;
    let head = first_line.get(..dash)?;
    let place = head.split([',', '(']).next()?.trim();
    let shouting = place.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    // The place and its region ("GREENWICH, Conn."), not the date after them.
    let span = head.split(',').take(2).map(str::len).sum::<usize>() + 1;
    (dash <= 40 && !place.is_empty() && shouting).then(|| body.len() - body.trim_start().len() + span.min(head.len()))
}

/// A text as the suggesters read it: title, a blank line, body (dotted abbreviations
/// joined), where the first paragraph ends, and its folded words. Made once for all three.
pub(crate) struct Reading {
    pub(crate) text: String,
    pub(crate) title_len: usize,
    pub(crate) first_end: usize,
    pub(crate) words: Vec<(usize, String, bool)>,
}

impl Reading {
    pub(crate) fn new(title: &str, body: &str) -> Reading {
        let (text, title_len, first_end) = layout(title, body);
        let words = words(&text);
        Reading { text, title_len, first_end, words }
    }
}

/// Dotted abbreviations would fall apart into letters: "U.S." -> "USA", "N.Y." -> "NY".
const DOTTED: &[(&str, &str)] = &[
    ("U.S.", "USA"),
    ("U.K.", "UK"),
    ("N.Y.", "NY"),
    ("N.J.", "NJ"),
    ("D.C.", "DC"),
    ("N.C.", "NC"),
    ("S.C.", "SC"),
    ("N.H.", "NH"),
    ("N.M.", "NM"),
    ("N.D.", "ND"),
    ("S.D.", "SD"),
    ("R.I.", "RI"),
    ("W.Va.", "WVa"),
];

/// The body with [`DOTTED`] abbreviations joined, in one pass.
fn undotted(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find(|c: char| c.is_ascii_uppercase()) {
        let (before, here) = rest.split_at(at);
        out.push_str(before);
        match DOTTED.iter().find(|(dotted, _)| here.starts_with(dotted)) {
            Some((dotted, plain)) => {
                out.push_str(plain);
                rest = &here[dotted.len()..];
            }
            None => {
                out.push_str(&here[..1]);
                rest = &here[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text to read: title, a blank line, body; and where the first paragraph ends.
fn layout(title: &str, body: &str) -> (String, usize, usize) {
    let body = undotted(body);
    let text = format!("{title}\n\n{body}");
    let title_len = title.len() + 2;
    let body_start = title_len;
    let first_paragraph = body.trim_start().find("\n\n").map_or(body.len().min(400), |i| i.min(600));
    (text, title_len, body_start + first_paragraph)
}
/// Where the dateline is in the text that [`layout`] made.
fn dateline_in(text: &str, title_len: usize) -> Option<std::ops::Range<usize>> {
    let end = dateline_end(text.get(title_len..)?)?;
    Some(title_len..title_len + end)
}
/// All suggestions for a text: countries, events, topics.
pub fn suggest(title: &str, body: &str, known: &[Tag]) -> Vec<Suggestion> {
    let reading = Reading::new(title, body);
    let mut out = countries::countries_in(&reading);
    out.extend(events::events_in(&reading, known));
    out.extend(topics::topics_in(&reading, known));
    out
}
