//! A short word being typed: its exact forms, scored (the word, in the title, its stems), or
//! any word it begins (its short prefix, scored as a constant). It finds and scores what
//! Tantivy's union of the two finds and scores.
//!
//! Scored, the two are merged in a plain two-way walk over the prefix's postings, read
//! directly. Where another word narrows the search, the intersection seeks into that walk: at
//! a million clippings "oil p" took 7 ms, against 14 ms through Tantivy's union, which fills
//! its buffered window for every document the prefix has (930,000 for "p"). A letter typed
//! alone costs what it did (22-29 ms): that time is in collecting and ordering a million scored
//! hits. Unscored (newest first), Tantivy's own union is quicker, and is used.

use tantivy::postings::SegmentPostings;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EnableScoring, Explanation, Query, QueryClone, Scorer, TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

/// The documents any of the `words` queries matches, with the sum of their scores, and those
/// with the `prefix` term, which adds `prefix_score`: as Tantivy's union of the words and
/// `ConstScoreQuery(prefix)`, last.
#[derive(Debug)]
pub(super) struct WordsOrPrefix {
    words: Vec<Box<dyn Query>>,
    prefix: Term,
    prefix_score: Score,
}

impl Clone for WordsOrPrefix {
    fn clone(&self) -> WordsOrPrefix {
        WordsOrPrefix { words: self.words_again(), prefix: self.prefix.clone(), prefix_score: self.prefix_score }
    }
}

impl WordsOrPrefix {
    pub(super) fn new(words: Vec<Box<dyn Query>>, prefix: Term, prefix_score: Score) -> WordsOrPrefix {
        WordsOrPrefix { words, prefix, prefix_score }
    }

    fn words_again(&self) -> Vec<Box<dyn Query>> {
        self.words.iter().map(|q| q.box_clone()).collect()
    }
}

impl Query for WordsOrPrefix {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        if !enable_scoring.is_scoring_enabled() {
            // Unscored (newest first), Tantivy's union drains its buffered bitsets 64 documents
            // at a time: a letter's 1,000,000 hits took 9-10 ms that way, 14-17 ms walked here.
            let prefix = TermQuery::new(self.prefix.clone(), IndexRecordOption::Basic);
            let prefix = ConstScoreQuery::new(Box::new(prefix), self.prefix_score);
            let mut all = self.words_again();
            all.push(Box::new(prefix));
            return BooleanQuery::union(all).weight(enable_scoring);
        }
        Ok(Box::new(WordsOrPrefixWeight {
            words: BooleanQuery::union(self.words_again()).weight(enable_scoring)?,
            prefix: self.prefix.clone(),
            prefix_score: self.prefix_score,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for words in &self.words {
            words.query_terms(visitor);
        }
        visitor(&self.prefix, false);
    }
}

struct WordsOrPrefixWeight {
    words: Box<dyn Weight>,
    prefix: Term,
    prefix_score: Score,
}

impl Weight for WordsOrPrefixWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let words = self.words.scorer(reader, boost)?;
        let postings =
            reader.inverted_index(self.prefix.field())?.read_postings(&self.prefix, IndexRecordOption::Basic)?;
        Ok(match postings {
            None => words,
            Some(prefixed) => Box::new(WordsOrPrefixScorer::new(words, prefixed, boost * self.prefix_score)),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.doc() > doc || scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!("Document #({doc}) does not match")));
        }
        Ok(Explanation::new("the word's forms, or a word it begins", scorer.score()))
    }
}

struct WordsOrPrefixScorer {
    words: Box<dyn Scorer>,
    prefixed: SegmentPostings,
    prefix_score: Score,
    doc: DocId,
}

impl WordsOrPrefixScorer {
    fn new(words: Box<dyn Scorer>, prefixed: SegmentPostings, prefix_score: Score) -> WordsOrPrefixScorer {
        let doc = words.doc().min(prefixed.doc());
        WordsOrPrefixScorer { words, prefixed, prefix_score, doc }
    }
}

impl DocSet for WordsOrPrefixScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        let (mut words, mut prefixed) = (self.words.doc(), self.prefixed.doc());
        if words == self.doc {
            words = self.words.advance();
        }
        if prefixed == self.doc {
            prefixed = self.prefixed.advance();
        }
        self.doc = words.min(prefixed);
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let mut words = self.words.doc();
        if words < target {
            words = self.words.seek(target);
        }
        let mut prefixed = self.prefixed.doc();
        if prefixed < target {
            prefixed = self.prefixed.seek(target);
        }
        self.doc = words.min(prefixed);
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.words.size_hint().max(self.prefixed.size_hint())
    }
}

impl Scorer for WordsOrPrefixScorer {
    fn score(&mut self) -> Score {
        // Summed in the order Tantivy's union sums them, from zero: the words, then the prefix.
        let mut score = 0.0;
        if self.words.doc() == self.doc {
            score += self.words.score();
        }
        if self.prefixed.doc() == self.doc {
            score += self.prefix_score;
        }
        score
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Collector, SegmentCollector};
    use tantivy::query::{BoostQuery, Occur};
    use tantivy::schema::{Field, STRING, Schema, TEXT};
    use tantivy::{Index, TantivyDocument};

    use super::*;

    /// Every hit, with its score's bits.
    struct Every {
        scoring: bool,
    }

    struct SegmentHits(u32, Vec<(u32, DocId, u32)>);

    impl Collector for Every {
        type Fruit = Vec<(u32, DocId, u32)>;
        type Child = SegmentHits;

        fn for_segment(&self, segment: u32, _: &SegmentReader) -> tantivy::Result<SegmentHits> {
            Ok(SegmentHits(segment, Vec::new()))
        }

        fn requires_scoring(&self) -> bool {
            self.scoring
        }

        fn merge_fruits(&self, fruits: Vec<Vec<(u32, DocId, u32)>>) -> tantivy::Result<Self::Fruit> {
            Ok(fruits.concat())
        }
    }

    impl SegmentCollector for SegmentHits {
        type Fruit = Vec<(u32, DocId, u32)>;

        fn collect(&mut self, doc: DocId, score: Score) {
            self.1.push((self.0, doc, score.to_bits()));
        }

        fn harvest(self) -> Self::Fruit {
            self.1
        }
    }

    /// A made index: texts of words beginning with "p" or not, a few with "p" alone or in the
    /// title, in several segments, some deleted, some marked.
    fn made_index() -> (Index, Field, Field, Field, Field) {
        let mut schema = Schema::builder();
        let all = schema.add_text_field("all", TEXT);
        let title = schema.add_text_field("title", TEXT);
        let prefixes = schema.add_text_field("prefixes", STRING);
        let marked = schema.add_text_field("marked", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 20_000_000).unwrap();
        let words = ["p", "pa", "pipe", "oil", "port", "trade", "q", "p", "gas", "plan"];
        for i in 0..3_000u32 {
            let mut doc = TantivyDocument::new();
            let n = 1 + (i * 7 % 13) as usize;
            let text: Vec<&str> = (0..n).map(|k| words[(i as usize * 3 + k * 5) % words.len()]).collect();
            for word in &text {
                if let Some(first) = word.get(..1) {
                    doc.add_text(prefixes, first);
                }
            }
            doc.add_text(all, text.join(" "));
            if i % 17 == 0 {
                doc.add_text(title, "p report");
            }
            doc.add_text(marked, if i % 3 == 0 { "yes" } else { "no" });
            writer.add_document(doc).unwrap();
            if i % 1_000 == 999 {
                writer.commit().unwrap();
            }
        }
        writer.delete_term(Term::from_field_text(all, "gas"));
        writer.commit().unwrap();
        (index, all, title, prefixes, marked)
    }

    /// Scored or not, alone or beside other clauses, it finds the documents Tantivy's union
    /// finds, with the same scores to the bit.
    #[test]
    fn it_finds_and_scores_as_tantivys_union() {
        let (index, all, title, prefixes, marked) = made_index();
        let searcher = index.reader().unwrap().searcher();
        let term = |field: Field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs))
        };
        let words = || -> Vec<Box<dyn Query>> {
            vec![term(all, "p"), Box::new(BoostQuery::new(term(title, "p"), 2.0)), term(all, "pa")]
        };
        let prefix = Term::from_field_text(prefixes, "p");
        let tantivys: Box<dyn Query> = Box::new(BooleanQuery::union(
            words()
                .into_iter()
                .chain([Box::new(ConstScoreQuery::new(
                    Box::new(TermQuery::new(prefix.clone(), IndexRecordOption::Basic)),
                    1.0,
                )) as Box<dyn Query>])
                .collect(),
        ));
        let ours: Box<dyn Query> = Box::new(WordsOrPrefix::new(words(), prefix.clone(), 1.0));
        let beside = |q: Box<dyn Query>, occur: Occur| -> Box<dyn Query> {
            Box::new(BooleanQuery::new(vec![(Occur::Must, q), (occur, term(marked, "yes"))]))
        };
        for scoring in [true, false] {
            let run = |q: &dyn Query| searcher.search(q, &Every { scoring }).unwrap();
            let found = run(&*ours);
            assert!(found.len() > 1_000, "{} found", found.len());
            assert_eq!(found, run(&*tantivys));
            assert_eq!(run(&*beside(ours.box_clone(), Occur::Must)), run(&*beside(tantivys.box_clone(), Occur::Must)));
            assert_eq!(
                run(&*beside(ours.box_clone(), Occur::MustNot)),
                run(&*beside(tantivys.box_clone(), Occur::MustNot))
            );
        }
        // The scores differ: exact words above the prefix alone.
        let scores: std::collections::HashSet<u32> =
            searcher.search(&*ours, &Every { scoring: true }).unwrap().into_iter().map(|h| h.2).collect();
        assert!(scores.len() > 5 && scores.contains(&1.0f32.to_bits()), "{} scores", scores.len());

        // A prefix no document has: the words alone.
        let none = WordsOrPrefix::new(words(), Term::from_field_text(prefixes, "z"), 1.0);
        let words_alone = BooleanQuery::union(words());
        assert_eq!(
            searcher.search(&none, &Every { scoring: true }).unwrap(),
            searcher.search(&words_alone, &Every { scoring: true }).unwrap()
        );
        // It tells why a document matched.
        let segment = searcher.segment_reader(0);
        let weight = ours.weight(EnableScoring::enabled_from_searcher(&searcher)).unwrap();
        let first = found_first(&searcher, &*ours);
        assert!(weight.explain(segment, first).unwrap().value() > 0.0);
    }

    fn found_first(searcher: &tantivy::Searcher, q: &dyn Query) -> DocId {
        searcher.search(q, &Every { scoring: true }).unwrap().into_iter().find(|h| h.0 == 0).map(|h| h.1).unwrap()
    }
}
