//! Topics a text is about: the user's own topics named in it, then the IPTC Media Topics (top
//! level) by keywords in English, Russian, French, Dutch and German, from
//! `assets/topic-keywords.tsv`. A topic needs two mentions, or one in the title.

use std::sync::LazyLock;

use super::{is_cyrillic, layout, words};
use crate::archive::model::{Suggestion, Tag, TagKind};
use crate::archive::tags;

const TOPIC_THRESHOLD: f32 = 2.0;

const TOPIC_KEYWORDS: &str = include_str!("../../assets/topic-keywords.tsv");

/// Each topic with its keywords, as the table lists them.
static TOPICS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    TOPIC_KEYWORDS
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let mut cells = line.split('\t');
            let topic = cells.next()?;
            Some((topic, cells.filter(|k| !k.is_empty()).collect()))
        })
        .collect()
});

/// Topic suggestions: the user's own topics named in the text first, then the vocabulary.
pub fn suggest_topics(title: &str, body: &str, known: &[Tag]) -> Vec<Suggestion> {
    let (text, title_len, first_end) = layout(title, body);
    let words = words(&text);
    let mut found: Vec<Suggestion> = Vec::new();
    let mut score = |topic: Tag, offset: usize, word: &str| {
        let weight = if offset < title_len { 2.0 } else { 1.0 };
        let _ = first_end;
        match found.iter_mut().find(|s| s.tag.key() == topic.key()) {
            Some(s) => {
                s.score += weight;
                if !s.evidence.iter().any(|e| e == word) && s.evidence.len() < 5 {
                    s.evidence.push(word.to_owned());
                }
            }
            None => found.push(Suggestion { tag: topic, score: weight, evidence: vec![word.to_owned()] }),
        }
    };
    // The user's topics as folded word sequences: "Middle Corridor" is two words of the text.
    let mine: Vec<(&Tag, Vec<String>)> = known
        .iter()
        .filter(|t| t.kind == TagKind::Topic)
        .map(|t| (t, words_of(&t.name)))
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for (i, (offset, word, _)) in words.iter().enumerate() {
        for (tag, name) in &mine {
            let here = words.get(i..i + name.len()).unwrap_or_default();
            if here.len() == name.len() && here.iter().zip(name).all(|((_, w, _), n)| w == n) {
                let written = text.get(*offset..here.last().map_or(*offset, |(o, w, _)| o + w.len())).unwrap_or(word);
                score((*tag).clone(), *offset, written);
            }
        }
        for (topic, keywords) in TOPICS.iter() {
            let hit = keywords.iter().any(|k| {
                if is_cyrillic(k) {
                    word.starts_with(k) && word.chars().count() <= k.chars().count() + 5
                } else {
                    word == k
                }
            });
            if hit && let Ok(tag) = tags::resolve(TagKind::Topic, topic) {
                let tag = known.iter().find(|k| k.key() == tag.key()).cloned().unwrap_or(tag);
                score(tag, *offset, word);
            }
        }
    }
    found.retain(|s| s.score >= TOPIC_THRESHOLD);
    found.sort_by(|a, b| b.score.total_cmp(&a.score));
    found
}

/// The folded words of a name, as [`words`] reads them from a text.
fn words_of(name: &str) -> Vec<String> {
    words(name).into_iter().map(|(_, w, _)| w).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_need_repeated_evidence() {
        let topics =
            |t: &str, b: &str| -> Vec<String> { suggest_topics(t, b, &[]).into_iter().map(|s| s.tag.value).collect() };
        assert_eq!(topics("Green hydrogen plans", "The energy ministry presented the plans."), ["energy"]);
        assert!(topics("Notes", "The minister spoke.").is_empty());
        let mine = [tags::resolve(TagKind::Topic, "Middle Corridor").unwrap()];
        assert!(suggest_topics("Corridor", "corridor", &mine).iter().any(|s| s.tag.value == "transport"));
        // The user's own topic of two words is found as those two words, in any case.
        let found = suggest_topics("The Middle Corridor grows", "Freight on the middle corridor doubled.", &mine);
        let corridor = found.iter().find(|s| s.tag == mine[0]).expect("the user's topic is suggested");
        assert_eq!(corridor.evidence, ["Middle Corridor", "middle corridor"]);
        // One of its words alone is not the topic.
        let found = suggest_topics("Middle East", "A corridor of power.", &mine);
        assert!(found.iter().all(|s| s.tag != mine[0]), "{found:?}");
    }
}
