//! Topics a text is about: the user's own topics named in it, then the IPTC Media Topics (top
//! level) by keywords in English, Russian, Kazakh, French, Dutch and German, from
//! `assets/topic-keywords.tsv`. A topic needs two mentions, or one in the title.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{Reading, is_cyrillic, words_of};
use crate::vocab::model::{Suggestion, Tag, TagKind};
use crate::vocab::tags;

const TOPIC_THRESHOLD: f32 = 2.0;

const TOPIC_KEYWORDS: &str = include_str!("../../assets/topic-keywords.tsv");

/// The vocabulary, indexed: each keyword to the topics it names. Latin keywords match whole
/// words; Cyrillic ones are stems, matched by the word's beginnings.
struct Vocabulary {
    /// Each topic's tag, once.
    topics: Vec<Tag>,
    whole: HashMap<&'static str, Vec<usize>>,
    stems: HashMap<&'static str, Vec<usize>>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut vocabulary = Vocabulary { topics: Vec::new(), whole: HashMap::new(), stems: HashMap::new() };
    let rows = TOPIC_KEYWORDS.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty());
    for line in rows {
        let mut cells = line.split('\t');
        let Some(Ok(tag)) = cells.next().map(|topic| tags::resolve(TagKind::Topic, topic)) else { continue };
        let i = vocabulary.topics.len();
        vocabulary.topics.push(tag);
        for keyword in cells.filter(|k| !k.is_empty()) {
            let map = if is_cyrillic(keyword) { &mut vocabulary.stems } else { &mut vocabulary.whole };
            let topics = map.entry(keyword).or_default();
            if !topics.contains(&i) {
                topics.push(i);
            }
        }
    }
    vocabulary
});

impl Vocabulary {
    /// The topics a text word names: a Latin keyword it is, or a Cyrillic stem it begins with
    /// and adds at most five letters to.
    fn topics_of(&self, word: &str) -> Vec<usize> {
        if let Some(topics) = self.whole.get(word) {
            return topics.clone();
        }
        if !is_cyrillic(word) {
            // A plural: "elections", "élections", "verkiezingen", "Wahlen".
            return ["s", "es", "e", "n", "en"]
                .into_iter()
                .filter_map(|ending| word.strip_suffix(ending))
                .filter(|base| base.chars().count() >= 4)
                .find_map(|base| self.whole.get(base))
                .cloned()
                .unwrap_or_default();
        }
        let n_chars = word.chars().count();
        let mut found = Vec::new();
        for (n, (end, _)) in word.char_indices().chain(std::iter::once((word.len(), ' '))).enumerate() {
            if n == 0 || n + 5 < n_chars {
                continue;
            }
            for &topic in self.stems.get(&word[..end]).map(Vec::as_slice).unwrap_or_default() {
                if !found.contains(&topic) {
                    found.push(topic);
                }
            }
        }
        found
    }
}

/// Topic suggestions: the user's own topics named in the text first, then the vocabulary.
pub fn suggest_topics(title: &str, body: &str, known: &[Tag]) -> Vec<Suggestion> {
    topics_in(&Reading::new(title, body), known)
}

/// [`suggest_topics`] of a text read already.
pub(crate) fn topics_in(reading: &Reading, known: &[Tag]) -> Vec<Suggestion> {
    let Reading { text, title_len, words, .. } = reading;
    let title_len = *title_len;
    let mut found: Vec<Suggestion> = Vec::new();
    let mut score = |topic: &Tag, offset: usize, word: &str| {
        let weight = if offset < title_len { 2.0 } else { 1.0 };
        match found.iter_mut().find(|s| s.tag.kind == topic.kind && s.tag.value == topic.value) {
            Some(s) => {
                s.score += weight;
                if !s.evidence.iter().any(|e| e == word) && s.evidence.len() < 5 {
                    s.evidence.push(word.to_owned());
                }
            }
            None => found.push(Suggestion::new(topic.clone(), weight, vec![word.to_owned()])),
        }
    };
    // The user's topics as folded word sequences ("Middle Corridor" is two words of the text),
    // by their first word.
    let mut mine: HashMap<String, Vec<(&Tag, Vec<String>)>> = HashMap::new();
    for tag in known.iter().filter(|t| t.kind == TagKind::Topic) {
        let name = words_of(&tag.name);
        if let Some(first) = name.first() {
            mine.entry(first.clone()).or_default().push((tag, name));
        }
    }
    // The vocabulary's topics as the user has them, when the user has them.
    let vocabulary = &*VOCABULARY;
    let as_known: Vec<&Tag> =
        vocabulary.topics.iter().map(|t| known.iter().find(|k| k.key() == t.key()).unwrap_or(t)).collect();
    for (i, (offset, word, _)) in words.iter().enumerate() {
        for (tag, name) in mine.get(word).map(Vec::as_slice).unwrap_or_default() {
            let here = words.get(i..i + name.len()).unwrap_or_default();
            if here.len() == name.len() && here.iter().zip(name).all(|((_, w, _), n)| w == n) {
                let written = text.get(*offset..here.last().map_or(*offset, |(o, w, _)| o + w.len())).unwrap_or(word);
                score(tag, *offset, written);
            }
        }
        for topic in vocabulary.topics_of(word) {
            score(as_known[topic], *offset, word);
        }
    }
    found.retain(|s| s.score >= TOPIC_THRESHOLD);
    found.sort_by(|a, b| b.score.total_cmp(&a.score));
    found
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

    #[test]
    fn topics_in_kazakh_and_in_plurals() {
        let topics =
            |t: &str, b: &str| -> Vec<String> { suggest_topics(t, b, &[]).into_iter().map(|s| s.tag.value).collect() };
        // Kazakh stems with their endings, a consonant softened included (мектеп, мектебі).
        let kazakh = topics(
            "Теміржол дәлізі кеңейеді",
            "Қазақстан мен Бельгия көлік және логистика саласындағы ынтымақтастықты талқылады. \
             Екі елдің елшілері келіссөздер жүргізді.",
        );
        assert!(kazakh.contains(&"transport".to_owned()), "{kazakh:?}");
        assert!(kazakh.contains(&"diplomacy".to_owned()), "{kazakh:?}");
        assert_eq!(topics("Мектеп реформасы", "Мектебі жаңа білім бағдарламасын енгізді."), ["education"]);
        // Plurals of Latin keywords: French, Dutch, German, English.
        assert_eq!(topics("Les élections", "Les élections régionales ont eu lieu dimanche."), ["politics"]);
        assert_eq!(topics("Verkiezingen", "De verkiezingen van volgend jaar."), ["politics"]);
        assert_eq!(topics("Hospitals", "Two hospitals opened."), ["health"]);
        // A short word is not taken for a plural of another: "gas" stays "gas".
        assert_eq!(topics("Gas", "Gas prices rose."), ["energy"]);
    }
}
