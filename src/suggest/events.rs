//! Events a text names: the user's own events first, then noun phrases headed by an event word
//! ("Astana International Forum", "sommet de l'OTAN", "Астанинский международный форум").

use super::{Reading, fold, is_cyrillic, section_weight};
use crate::vocab::model::{Suggestion, Tag, TagKind};
use crate::vocab::tags;

const EVENT_HEADS: &[&str] = &[
    "forum",
    "summit",
    "conference",
    "congress",
    "expo",
    "exhibition",
    "festival",
    "games",
    "assembly",
    "olympics",
    "форум",
    "форума",
    "форуме",
    "саммит",
    "саммита",
    "саммите",
    "конференция",
    "конференции",
    "конгресс",
    "конгресса",
    "фестиваль",
    "фестиваля",
    "ассамблея",
    "ассамблеи",
    "экспо",
    "forumu",
    "sammiti",
    "конференциясы",
    "sommet",
    "conférence",
    "congrès",
    "festival",
    "assemblée",
    "top",
    "topconferentie",
    "congres",
    "conferentie",
    "beurs",
];
const CONNECTORS: &[&str] =
    &["of", "for", "on", "and", "the", "de", "du", "des", "la", "le", "van", "voor", "en", "het"];

const EVENT_TABLE: &str = include_str!("../../assets/event-names.tsv");

/// A word of an event's other name, as a text word matches it: the word itself, and for
/// Cyrillic words of four letters and more the stem that takes case endings and Kazakh
/// suffixes ("форум" of "форума", "форумында"; "астанинск" of "Астанинского").
struct AliasWord {
    whole: String,
    stem: Option<String>,
}

impl AliasWord {
    fn new(word: String) -> AliasWord {
        let n_chars = word.chars().count();
        let stem = (is_cyrillic(&word) && n_chars >= 4).then(|| {
            let cut = if ["ий", "ый", "ой", "ая", "ое"].iter().any(|e| word.ends_with(e)) {
                2
            } else if word.ends_with(|c: char| "аеиоуыэюяйьі".contains(c)) {
                1
            } else {
                0
            };
            word.chars().take(n_chars - cut).collect()
        });
        AliasWord { whole: word, stem }
    }

    /// Whether a text word is this word: the same, or its stem with at most five letters more.
    fn matches(&self, word: &str) -> bool {
        word == self.whole
            || self
                .stem
                .as_deref()
                .is_some_and(|stem| word.strip_prefix(stem).is_some_and(|extra| extra.chars().nth(5).is_none()))
    }

    /// The first letter a matching word starts with.
    fn first_char(&self) -> Option<char> {
        self.whole.chars().next()
    }
}

/// Each other name of an event, as words, with the name its tag takes; and the names by the
/// first letter of their first word, so that a text word is tried against few of them.
struct EventNames {
    names: Vec<(&'static str, Vec<AliasWord>)>,
    by_first_char: std::collections::HashMap<char, Vec<usize>>,
}

static EVENT_NAMES: std::sync::LazyLock<EventNames> = std::sync::LazyLock::new(|| {
    let mut names = Vec::new();
    for line in EVENT_TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut aliases = line.split('\t');
        let Some(name) = aliases.next() else { continue };
        for alias in std::iter::once(name).chain(aliases) {
            let words: Vec<AliasWord> = super::words_of(alias).into_iter().map(AliasWord::new).collect();
            if !words.is_empty() {
                names.push((name, words));
            }
        }
    }
    let mut by_first_char: std::collections::HashMap<char, Vec<usize>> = std::collections::HashMap::new();
    for (i, (_, words)) in names.iter().enumerate() {
        if let Some(c) = words.first().and_then(AliasWord::first_char) {
            by_first_char.entry(c).or_default().push(i);
        }
    }
    EventNames { names, by_first_char }
});

/// Whether a word, as written, is one of the event words ("Forum", "САММИТ", "sommet"), without
/// folding it into a new string.
fn is_event_head(word: &str) -> bool {
    /// The heads by their first letter, and the longest head's length.
    static HEADS: std::sync::LazyLock<(std::collections::HashMap<char, Vec<&str>>, usize)> =
        std::sync::LazyLock::new(|| {
            let mut by_first: std::collections::HashMap<char, Vec<&str>> = std::collections::HashMap::new();
            for head in EVENT_HEADS {
                if let Some(first) = head.chars().next() {
                    by_first.entry(first).or_default().push(head);
                }
            }
            (by_first, EVENT_HEADS.iter().map(|h| h.len()).max().unwrap_or(0))
        });
    let (by_first, longest) = &*HEADS;
    // A lower-case letter is at most one byte longer than its capital in the scripts we read:
    // a word more than twice the longest head's length is none of them.
    if word.len() > 2 * longest {
        return false;
    }
    let Some(first) = word.chars().next().and_then(|c| c.to_lowercase().next()) else { return false };
    by_first
        .get(&first)
        .is_some_and(|heads| heads.iter().any(|head| word.chars().flat_map(char::to_lowercase).eq(head.chars())))
}

/// Event suggestions: known events named in the text first, then phrases headed by an event
/// word ("Astana International Forum", "Global Gateway Investors Forum", "sommet de l'OTAN").
pub fn suggest_events(title: &str, body: &str, known: &[Tag]) -> Vec<Suggestion> {
    events_in(&Reading::new(title, body), known)
}

/// The text's words with their offsets, as an event's name is made of them: hyphens and
/// apostrophes stay inside a word ("Astana-2024", "l'OTAN").
fn event_words(text: &str) -> Vec<(usize, &str)> {
    let mut v = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = super::is_word_char(c) || c == '-' || c == '\'';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                v.push((s, text.get(s..i).unwrap_or_default()));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        v.push((s, text.get(s..).unwrap_or_default()));
    }
    v
}

/// The archive's own events named in the text, with where.
fn known_events_in(reading: &Reading, known: &[Tag]) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    let mut by_first: std::collections::HashMap<&str, Vec<(&Tag, Vec<String>)>> = std::collections::HashMap::new();
    let names: Vec<(&Tag, Vec<String>)> = known
        .iter()
        .filter(|t| t.kind == TagKind::Event && fold(&t.name).chars().count() >= 4)
        .map(|t| (t, super::words_of(&t.name)))
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for (tag, name) in &names {
        by_first.entry(name[0].as_str()).or_default().push((tag, name.clone()));
    }
    for (i, (offset, word, _)) in reading.words.iter().enumerate() {
        for (tag, name) in by_first.get(word.as_str()).map(Vec::as_slice).unwrap_or_default() {
            let here = reading.words.get(i..i + name.len()).unwrap_or_default();
            if here.len() == name.len() && here.iter().zip(name).all(|((_, w, _), n)| w == n) {
                found.push((tag.name.clone(), *offset));
            }
        }
    }
    found
}

/// [`suggest_events`] of a text read already.
pub(crate) fn events_in(reading: &Reading, known: &[Tag]) -> Vec<Suggestion> {
    let Reading { text, title_len, first_end, .. } = reading;
    let (title_len, first_end) = (*title_len, *first_end);
    let mut found: Vec<Suggestion> = Vec::new();
    let add = |name: String, offset: usize, found: &mut Vec<Suggestion>| {
        let weight = section_weight(offset, title_len, first_end);
        let Ok(tag) = known
            .iter()
            .find(|k| fold(&k.name) == fold(&name))
            .cloned()
            .map_or_else(|| tags::resolve(TagKind::Event, &name), Ok)
        else {
            return;
        };
        match found.iter_mut().find(|s| s.tag.key() == tag.key()) {
            Some(s) => s.score += weight,
            None => found.push(Suggestion::new(tag, weight, vec![name])),
        }
    };
    // Known events as word sequences, by their first word: one pass over the text, however
    // many events the archive knows.
    for (name, offset) in known_events_in(reading, known) {
        add(name, offset, &mut found);
    }
    // Events the table names in several languages: "Астана халықаралық форумы" is the Astana
    // International Forum, not an event of its own.
    let mut covered: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, (offset, _, _)) in reading.words.iter().enumerate() {
        let Some(first) = reading.words[i].1.chars().next() else { continue };
        for &n in EVENT_NAMES.by_first_char.get(&first).map(Vec::as_slice).unwrap_or_default() {
            let (name, alias) = &EVENT_NAMES.names[n];
            let here = reading.words.get(i..i + alias.len()).unwrap_or_default();
            if here.len() == alias.len() && here.iter().zip(alias).all(|((_, w, _), a)| a.matches(w)) {
                let end = here.last().map_or(*offset, |(o, w, _)| o + w.len());
                covered.push(*offset..end);
                add((*name).to_owned(), *offset, &mut found);
            }
        }
    }
    let words = event_words(text);
    // "OTAN", "2024", and French elisions: "l'OTAN", "d'Astana".
    let capital = |w: &str| {
        let w = w.strip_prefix("l'").or_else(|| w.strip_prefix("d'")).unwrap_or(w);
        w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    const ARTICLES: &[&str] = &["the", "a", "le", "la", "les", "un", "une", "de", "het", "een", "der", "die", "das"];
    for (i, (offset, word)) in words.iter().enumerate() {
        if !is_event_head(word) || covered.iter().any(|r| r.contains(offset)) {
            continue;
        }
        // Capitalised words (and connectors between them) before the head; a Cyrillic head
        // may be lower case after capitalised and adjective words ("Астанинский международный форум").
        let mut start = i;
        let cyrillic = is_cyrillic(word);
        // Words on the same line and in the same sentence as the head.
        let joined = |a: usize, b: usize| {
            let (Some(&(ao, aw)), Some(&(bo, _))) = (words.get(a), words.get(b)) else { return false };
            !text.get(ao + aw.len()..bo).unwrap_or(".").contains(['\n', '.', ',', ';', ':', '(', ')', '"', '«', '»'])
        };
        const ADJECTIVE_ENDINGS: &[&str] = &["ый", "ий", "ой", "ая", "ое", "ого", "его", "ому", "ым", "ом", "ую", "ей"];
        while start > 0 && joined(start - 1, start) {
            let (_, prev) = words[start - 1];
            let fits = if cyrillic {
                ADJECTIVE_ENDINGS.iter().any(|e| fold(prev).ends_with(e))
            } else {
                capital(prev) || CONNECTORS.contains(&prev) && start >= 2 && capital(words[start - 2].1)
            };
            if !fits {
                break;
            }
            start -= 1;
        }
        // A sentence's first word may be an article: "Le Sommet", "The Forum".
        while start < i && ARTICLES.contains(&fold(words[start].1).as_str()) {
            start += 1;
        }
        // French and Dutch put the qualifier after: "Sommet de l'OTAN", "Forum économique".
        let mut end = i + 1;
        if start == i && !cyrillic {
            while end < words.len()
                && end < i + 4
                && joined(end - 1, end)
                && (capital(words[end].1) || CONNECTORS.contains(&words[end].1))
            {
                end += 1;
            }
            while end > i + 1 && CONNECTORS.contains(&words[end - 1].1) {
                end -= 1;
            }
        }
        // A year or an edition number after the head belongs to it.
        if joined(end - 1, end)
            && words.get(end).is_some_and(|(_, w)| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
        {
            end += 1;
        }
        let span = end - start;
        if span < 2 || (start < i && !capital(words[start].1)) {
            continue;
        }
        let (Some(&(from, _)), Some(&(last_at, last))) = (words.get(start), words.get(end - 1)) else { continue };
        let name =
            text.get(from..last_at + last.len()).unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ");
        add(name, *offset, &mut found);
    }
    found.sort_by(|a, b| b.score.total_cmp(&a.score));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_with_their_names() {
        let names = |title: &str, body: &str| -> Vec<String> {
            suggest_events(title, body, &[]).into_iter().map(|s| s.tag.name).collect()
        };
        assert_eq!(
            names("Talks", "He invited them to the Astana International Forum in June."),
            ["Astana International Forum"]
        );
        assert_eq!(
            names("Talks", "the results of the Global Gateway Investors Forum for EU-Central Asia"),
            ["Global Gateway Investors Forum"]
        );
        // An event the table knows takes its one name, in whatever language it was written.
        assert_eq!(
            names("Саммит", "Участники Астанинский международный форум 2024 обсудили."),
            ["Astana International Forum"]
        );
        assert_eq!(names("Sommet", "Le Sommet de l'OTAN s'ouvre."), ["Sommet de l'OTAN"]);
        let known = [tags::resolve(TagKind::Event, "Middle Corridor Summit").unwrap()];
        assert_eq!(suggest_events("x", "the middle corridor summit opened", &known)[0].tag, known[0]);
    }

    #[test]
    fn one_event_under_its_names_in_several_languages() {
        let names =
            |t: &str, b: &str| -> Vec<String> { suggest_events(t, b, &[]).into_iter().map(|s| s.tag.name).collect() };
        let forum = ["Astana International Forum"];
        assert_eq!(names("Астана халықаралық форумы ашылды", "Форумға қонақтар келді."), forum);
        assert_eq!(names("Итоги Астанинского международного форума", "Делегации уехали."), forum);
        assert_eq!(names("Le Forum international d'Astana s'ouvre", "Les délégués arrivent."), forum);
        assert_eq!(names("Astana International Forum opens", "Delegates arrive."), forum);
    }
}
