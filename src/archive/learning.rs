//! Learning from the press office's own tagging: the archive's side of `suggest::learned`.
//! What was learned is derived, like the index: kept in memory, learned again when the tags,
//! the inbox, the trash or a dismissal changed since (a fingerprint of them says so), and
//! learned from scratch by any process that has none. The words are the index's own
//! (`search::analysis`): stems for the languages with a stemmer, and for Kazakh, which has
//! none, each long word's beginning beside the word.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, PoisonError};

use rayon::prelude::*;

use crate::archive::Archive;
use crate::search::analysis::{Analyzers, Token};
use crate::search::query::{Query, Sort};
use crate::suggest::learned::{Example, Learned, MIN_EXAMPLES};
use crate::vocab::Result;
use crate::vocab::model::{Clipping, ClippingId, Tag, TagKind};

/// What was learned, with the fingerprint of the archive it was learned from.
#[derive(Default)]
pub(crate) struct LearnedCache {
    fingerprint: Option<u64>,
    learned: Arc<Learned>,
}

/// A dismissal counter kept with the archive: a dismissal teaches too.
const SETTING_DISMISSALS: &str = "learning_dismissals";

/// The text read of a long article: its first part says what it is about.
const MAX_CHARS: usize = 12_000;

/// Learning reads the clippings imported last, this many (the trash among them): how the office
/// tags now, and a bound on the memory it takes. Every clipping of a million, with a topic on
/// all of them, held the window at 19 GB and growing, the texts and their words all at once.
#[cfg(not(test))]
const LEARN_FROM: usize = 20_000;
/// Small under test, so that a test can pass the bound.
#[cfg(test)]
const LEARN_FROM: usize = 12;

/// A Kazakh word's beginning that stands for it (Kazakh adds its endings to the word whole).
const KAZAKH_STEM_CHARS: usize = 5;

impl Archive {
    /// What the archive has learned from its tags; learned again first when they (or the
    /// inbox, the trash, a dismissal) changed since it was last learned.
    pub fn learned(&self) -> Result<Arc<Learned>> {
        let fingerprint = self.learning_fingerprint()?;
        let cached = |cache: &LearnedCache| (cache.fingerprint == Some(fingerprint)).then(|| cache.learned.clone());
        if let Some(learned) = cached(&self.learned.lock().unwrap_or_else(PoisonError::into_inner)) {
            return Ok(learned);
        }
        // One learns at a time; who waited finds it learned.
        let _turn = self.learning_lock.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(learned) = cached(&self.learned.lock().unwrap_or_else(PoisonError::into_inner)) {
            return Ok(learned);
        }
        let learned = Arc::new(self.learn_now()?);
        *self.learned.lock().unwrap_or_else(PoisonError::into_inner) =
            LearnedCache { fingerprint: Some(fingerprint), learned: learned.clone() };
        Ok(learned)
    }

    /// Whether what was learned is of the archive as it is now (the window learns again in the
    /// background when not).
    pub fn learned_is_current(&self) -> Result<bool> {
        let fingerprint = self.learning_fingerprint()?;
        Ok(self.learned.lock().unwrap_or_else(PoisonError::into_inner).fingerprint == Some(fingerprint))
    }

    /// Counts a dismissal, so that what was learned is learned again with it.
    pub(crate) fn note_dismissal(&self) -> Result<()> {
        let n: u64 = self.store.setting(SETTING_DISMISSALS)?.unwrap_or(0);
        self.store.set_setting(SETTING_DISMISSALS, &(n + 1))
    }

    /// The topics and events with enough clippings, each clipping's words, and who has which.
    fn learn_now(&self) -> Result<Learned> {
        let mut tags: Vec<Tag> = Vec::new();
        let mut tags_of: HashMap<ClippingId, Vec<usize>> = HashMap::new();
        // Counted from the index's table of tags once it is read (`Archive::tags`): counting
        // in sled reads every tag link, millions at a million clippings, after each edit.
        for count in self.tags()? {
            if count.tag.kind == TagKind::Country || count.n_clippings < MIN_EXAMPLES {
                continue;
            }
            for id in self.store.clippings_with(&count.tag.key())? {
                tags_of.entry(id).or_default().push(tags.len());
            }
            tags.push(count.tag);
        }
        if tags.is_empty() {
            return Ok(Learned::default());
        }
        let keys: Vec<String> = tags.iter().map(Tag::key).collect();
        let clippings: Vec<Clipping> = self
            .store
            .recent_clippings(LEARN_FROM)?
            .into_iter()
            .filter(|c| c.trashed_at.is_none())
            .map(|mut c| {
                c.boilerplate.clear();
                c.ocr = None;
                c
            })
            .collect();
        let mut examples: Vec<Example> = Vec::with_capacity(clippings.len());
        for c in &clippings {
            let tags = tags_of.remove(&c.id).unwrap_or_default();
            let dismissed = self
                .store
                .suggestions(c.id)?
                .into_iter()
                .filter(|s| s.dismissed)
                .filter_map(|s| keys.iter().position(|k| *k == s.suggestion.tag.key()))
                .collect();
            examples.push(Example { terms: Vec::new(), tags, dismissed, reviewed: !c.inbox });
        }
        examples.par_iter_mut().zip(&clippings).for_each_init(Analyzers::default, |analyzers, (example, c)| {
            let (_, tokens) = words_of(c, analyzers);
            example.terms = tokens.into_iter().map(|t| t.text).collect();
        });
        Ok(Learned::train(&tags, &examples))
    }

    /// A fingerprint of what learning reads: the topics and events with their clippings, how
    /// many clippings there are, in the inbox and in the trash, and how many dismissals.
    fn learning_fingerprint(&self) -> Result<u64> {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        let mut counts: Vec<(String, usize)> = self
            .tags()?
            .into_iter()
            .filter(|c| c.tag.kind != TagKind::Country)
            .map(|c| (c.tag.key(), c.n_clippings))
            .collect();
        counts.sort_unstable();
        for (key, n) in &counts {
            (key, n).hash(&mut hasher);
            if *n >= MIN_EXAMPLES {
                self.store.clippings_with(key)?.hash(&mut hasher);
            }
        }
        // As the index counts them: sled counts by reading a whole tree (1.4 s at a million),
        // which it then keeps in memory (59 MB), and this is asked each time suggestions are made.
        self.n_indexed()?.hash(&mut hasher);
        let inbox = Query { in_inbox: true, ..Query::default() };
        self.search_ids(&inbox, Sort::Newest)?.hash(&mut hasher);
        let trash = Query { in_trash: true, ..Query::default() };
        self.search_ids(&trash, Sort::Newest)?.len().hash(&mut hasher);
        self.store.setting::<u64>(SETTING_DISMISSALS)?.hash(&mut hasher);
        Ok(hasher.finish())
    }
}

/// The text learning reads of a clipping (its title twice, as the headline says most; its
/// text, caption and a photo's keywords) and its words as the index analyses them.
pub(crate) fn words_of(c: &Clipping, analyzers: &mut Analyzers) -> (String, Vec<Token>) {
    let mut text = format!("{}\n{}\n{}\n{}\n{}", c.title, c.title, c.body, c.caption, c.keywords.join(", "));
    if text.len() > MAX_CHARS {
        let mut end = MAX_CHARS;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    let language = crate::vocab::language::language_of(c);
    let mut tokens = match analyzers.stemmed(&language, &text) {
        Some(tokens) => tokens,
        None => analyzers.folded(&text),
    };
    tokens.retain(|t| t.text.chars().any(char::is_alphabetic));
    if language == "kk" {
        let beginnings: Vec<Token> = tokens
            .iter()
            .filter(|t| t.text.chars().count() > KAZAKH_STEM_CHARS + 1)
            .map(|t| Token {
                text: format!("{}…", t.text.chars().take(KAZAKH_STEM_CHARS).collect::<String>()),
                range: t.range.clone(),
            })
            .collect();
        tokens.extend(beginnings);
    }
    (text, tokens)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::archive::edit::Edit;
    use crate::archive::tags;
    use crate::import::Outcome;

    fn paste(archive: &Archive, name: &str, text: &str) -> ClippingId {
        match archive.import_bytes(&format!("{name}.txt"), text.as_bytes().to_vec()).unwrap().outcome {
            Outcome::Imported { id, .. } => id,
            other => panic!("{name}: {other:?}"),
        }
    }

    /// Five clippings on the ferries to Baku, tagged, and `n_others` on other things, all looked
    /// at; the ferries first when `ferries_first`. Returns whether the topic was learned.
    fn learned_with(ferries_first: bool, n_others: usize) -> bool {
        let tmp = tempfile::tempdir().unwrap();
        let archive = Archive::open(&tmp.path().join("archive")).unwrap();
        let topic = tags::resolve(TagKind::Topic, "Средний коридор").unwrap();
        let ferries = |archive: &Archive| -> Vec<ClippingId> {
            (0..5)
                .map(|i| {
                    let text = format!(
                        "Паромы на Каспии {i}\n\nПаромы из порта Актау везут контейнеры в Баку, рейс {i}. \
                         Транзитные грузы из Китая идут по Транскаспийскому маршруту."
                    );
                    paste(archive, &format!("ferry{i}"), &text)
                })
                .collect()
        };
        let others = |archive: &Archive| -> Vec<ClippingId> {
            (0..n_others)
                .map(|i| {
                    let text = format!(
                        "Новости культуры {i}\n\nТеатр оперы и балета показал премьеру номер {i}. \
                         Зрители аплодировали стоя, музей открыл выставку."
                    );
                    paste(archive, &format!("other{i}"), &text)
                })
                .collect()
        };
        let (tagged, rest) = if ferries_first {
            let tagged = ferries(&archive);
            (tagged, others(&archive))
        } else {
            let rest = others(&archive);
            (ferries(&archive), rest)
        };
        archive.apply(Edit::AddTag { tag: topic.clone(), ids: tagged.clone() }).unwrap();
        archive.apply(Edit::MarkDone(tagged.into_iter().chain(rest).collect())).unwrap();
        archive.learned().unwrap().tags().any(|(t, _)| t.key() == topic.key())
    }

    /// A clipping added and looked at (out of the inbox again, untagged) changes what learning
    /// reads, the newest clippings: what was learned is no longer current.
    #[test]
    fn a_clipping_added_makes_what_was_learned_stale() {
        let tmp = tempfile::tempdir().unwrap();
        let archive = Archive::open(&tmp.path().join("archive")).unwrap();
        let first = paste(&archive, "first", "Паромы на Каспии\n\nПаромы из порта Актау везут контейнеры в Баку.");
        archive.apply(Edit::MarkDone(vec![first])).unwrap();
        archive.learned().unwrap();
        assert!(archive.learned_is_current().unwrap());
        let second = paste(&archive, "second", "Новости культуры\n\nТеатр оперы и балета показал премьеру.");
        archive.apply(Edit::MarkDone(vec![second])).unwrap();
        assert!(!archive.learned_is_current().unwrap());
        archive.learned().unwrap();
        assert!(archive.learned_is_current().unwrap());
    }

    /// Learning reads the newest [`LEARN_FROM`] clippings: a topic whose clippings are all
    /// older is not learned from them, the same topic among the newest is.
    #[test]
    fn learning_reads_the_clippings_imported_last() {
        assert!(learned_with(false, 7), "the five among the newest 12: learned");
        assert!(!learned_with(true, 12), "the five older than the newest 12: not learned");
    }
}
