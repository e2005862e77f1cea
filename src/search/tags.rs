//! Which clippings carry each tag, held in memory beside the Tantivy index rather than in its
//! documents. A tag put on a million clippings then changes a million numbers here, where in
//! the documents it would make each clipping's text be analysed and written again (minutes at
//! a million). The table is made from the database at each opening, so it needs no marks of
//! its own: the database has the last word. Searches filter by tag through the documents' `id`
//! column ([`TagTable::filter`]) and count the results' tags from the lists
//! ([`TagTable::counts`]).

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::DocId;
use tantivy::query::doc_predicate_query::{DocPredicateQuery, FunctionPredicate};
use tantivy::query::{EmptyQuery, Query as TantivyQuery};

use crate::vocab::model::ClippingId;

/// Each tag's clippings (by tag key), as ids in ascending order. A list is shared with the
/// searches that use it and copied only when it changes under one.
#[derive(Debug, Default, Clone)]
pub struct TagTable {
    by_key: HashMap<String, Arc<Vec<u64>>>,
}

impl TagTable {
    /// The table of `(tag key, its clippings)`, in any order.
    pub fn new(postings: Vec<(String, Vec<ClippingId>)>) -> TagTable {
        let mut table = TagTable::default();
        for (key, ids) in postings {
            table.add(&key, &ids);
        }
        table
    }

    /// How many tag-to-clipping links it holds.
    pub fn n_links(&self) -> usize {
        self.by_key.values().map(|ids| ids.len()).sum()
    }

    /// How many clippings carry each tag, by key.
    pub fn counts_by_key(&self) -> HashMap<String, usize> {
        self.by_key.iter().map(|(key, ids)| (key.clone(), ids.len())).collect()
    }

    /// The clippings carrying the tag, in id order.
    pub fn ids_of(&self, key: &str) -> Vec<ClippingId> {
        self.by_key.get(key).map(|ids| ids.iter().map(|&id| ClippingId(id)).collect()).unwrap_or_default()
    }

    /// Puts the tag on these clippings.
    pub fn add(&mut self, key: &str, ids: &[ClippingId]) {
        if ids.is_empty() {
            return;
        }
        let mut added: Vec<u64> = ids.iter().map(|id| id.0).collect();
        added.sort_unstable();
        added.dedup();
        let list = Arc::make_mut(self.by_key.entry(key.to_owned()).or_default());
        if list.last().is_none_or(|&last| last < added[0]) {
            list.extend(added);
        } else {
            *list = merged(list, &added);
        }
    }

    /// Takes the tag off these clippings.
    pub fn remove(&mut self, key: &str, ids: &[ClippingId]) {
        let Some(list) = self.by_key.get_mut(key) else { return };
        let mut gone: Vec<u64> = ids.iter().map(|id| id.0).collect();
        gone.sort_unstable();
        let kept: Vec<u64> = list.iter().copied().filter(|id| gone.binary_search(id).is_err()).collect();
        if kept.is_empty() {
            self.by_key.remove(key);
        } else if kept.len() != list.len() {
            *list = Arc::new(kept);
        }
    }

    /// Gives these clippings exactly these tags (keys), as the database has them now; `None`
    /// for a clipping that is gone, which then carries none.
    pub fn set(&mut self, records: impl IntoIterator<Item = (ClippingId, Option<Vec<String>>)>) {
        let mut changed: Vec<u64> = Vec::new();
        let mut now: HashMap<String, Vec<u64>> = HashMap::new();
        for (id, keys) in records {
            changed.push(id.0);
            for key in keys.into_iter().flatten() {
                now.entry(key).or_default().push(id.0);
            }
        }
        if changed.is_empty() {
            return;
        }
        changed.sort_unstable();
        changed.dedup();
        for ids in now.values_mut() {
            ids.sort_unstable();
        }
        // A tag loses those of the changed clippings it is no longer on: each changed one is
        // looked up in each list, so a batch costs its own size, not the table's.
        let mut emptied = Vec::new();
        for (key, list) in &mut self.by_key {
            let keep = now.get(key).map_or(&[][..], Vec::as_slice);
            let lost: Vec<u64> = changed
                .iter()
                .copied()
                .filter(|id| keep.binary_search(id).is_err() && list.binary_search(id).is_ok())
                .collect();
            if lost.is_empty() {
                continue;
            }
            let kept: Vec<u64> = list.iter().copied().filter(|id| lost.binary_search(id).is_err()).collect();
            if kept.is_empty() {
                emptied.push(key.clone());
            }
            *list = Arc::new(kept);
        }
        for key in emptied {
            self.by_key.remove(&key);
        }
        for (key, ids) in now {
            let ids: Vec<ClippingId> = ids.into_iter().map(ClippingId).collect();
            self.add(&key, &ids);
        }
    }

    /// A query for the clippings carrying the tag, read through each segment's `id` column. It
    /// holds the list as it is now: a change after the query is made does not reach it.
    pub fn filter(&self, key: &str) -> Box<dyn TantivyQuery> {
        let Some(list) = self.by_key.get(key) else { return Box::new(EmptyQuery) };
        let bits = Arc::new(IdBits::of(list));
        let predicate = FunctionPredicate::from(move |segment: &tantivy::SegmentReader| {
            let ids = segment.fast_fields().u64("id")?;
            let bits = Arc::clone(&bits);
            Ok(move |doc: DocId| ids.first(doc).is_some_and(|id| bits.contains(id)))
        });
        Box::new(DocPredicateQuery::from(predicate))
    }

    /// How many of these clippings (in any order) carry each tag, by tag key, for the tags
    /// that at least one carries. `found`, where the caller has it, is the set of `hits`.
    pub fn counts(&self, hits: &[ClippingId], found: Option<&IdBits>) -> Vec<(String, usize)> {
        if hits.is_empty() {
            return Vec::new();
        }
        let n_links = self.n_links();
        let mut out = Vec::new();
        // Few results: look each up in each list; many: mark them, then read every list once.
        if hits.len().saturating_mul(self.by_key.len()).saturating_mul(24) < n_links {
            for (key, list) in &self.by_key {
                let n = hits.iter().filter(|id| list.binary_search(&id.0).is_ok()).count();
                if n > 0 {
                    out.push((key.clone(), n));
                }
            }
        } else {
            let made;
            let bits = match found {
                Some(bits) => bits,
                None => {
                    made = IdBits::of_ids(hits);
                    &made
                }
            };
            for (key, list) in &self.by_key {
                let n = list.iter().filter(|&&id| bits.contains(id)).count();
                if n > 0 {
                    out.push((key.clone(), n));
                }
            }
        }
        out
    }
}

/// The merge of two ascending lists without repeats.
fn merged(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// A set of ids as one bit each, up to the largest: a million ids in 125 KB, looked up
/// without hashing. Ids far larger than there are ids (none the archive hands out) are kept in
/// a hash set instead, so that no id can ask for gigabytes of bits.
#[derive(Clone, PartialEq)]
pub enum IdBits {
    Bits(Vec<u64>),
    Sparse(std::collections::HashSet<u64>),
}

impl std::fmt::Debug for IdBits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IdBits::Bits(words) => write!(f, "IdBits({} words)", words.len()),
            IdBits::Sparse(set) => write!(f, "IdBits({} ids)", set.len()),
        }
    }
}

impl IdBits {
    pub fn of(ids: &[u64]) -> IdBits {
        IdBits::of_iter(ids.iter().copied(), ids.len())
    }

    /// The set of these clippings' ids.
    pub fn of_ids(ids: &[ClippingId]) -> IdBits {
        IdBits::of_iter(ids.iter().map(|id| id.0), ids.len())
    }

    fn of_iter(ids: impl Iterator<Item = u64> + Clone, n: usize) -> IdBits {
        let top = ids.clone().max().unwrap_or(0);
        let n_words = top / 64 + 1;
        if n_words > (n as u64).saturating_mul(4).saturating_add(1 << 16) {
            return IdBits::Sparse(ids.collect());
        }
        let mut words = vec![0u64; usize::try_from(n_words).unwrap_or(0)];
        for id in ids {
            if let Some(word) = usize::try_from(id / 64).ok().and_then(|w| words.get_mut(w)) {
                *word |= 1 << (id % 64);
            }
        }
        IdBits::Bits(words)
    }

    pub fn contains(&self, id: u64) -> bool {
        match self {
            IdBits::Bits(words) => usize::try_from(id / 64)
                .ok()
                .and_then(|w| words.get(w))
                .is_some_and(|word| word & (1 << (id % 64)) != 0),
            IdBits::Sparse(set) => set.contains(&id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: &[u64]) -> Vec<ClippingId> {
        n.iter().map(|&n| ClippingId(n)).collect()
    }

    fn table() -> TagTable {
        TagTable::new(vec![("country:kz".to_owned(), ids(&[5, 1, 3])), ("topic:transit".to_owned(), ids(&[3, 4]))])
    }

    fn sorted(mut counts: Vec<(String, usize)>) -> Vec<(String, usize)> {
        counts.sort();
        counts
    }

    #[test]
    fn tags_are_added_and_removed_in_id_order() {
        let mut t = table();
        t.add("country:kz", &ids(&[2, 3, 9]));
        assert_eq!(t.ids_of("country:kz"), ids(&[1, 2, 3, 5, 9]));
        t.add("topic:new", &ids(&[7]));
        assert_eq!(t.ids_of("topic:new"), ids(&[7]));
        t.remove("country:kz", &ids(&[1, 9, 100]));
        assert_eq!(t.ids_of("country:kz"), ids(&[2, 3, 5]));
        t.remove("topic:new", &ids(&[7]));
        assert_eq!(t.ids_of("topic:new"), Vec::new());
        assert_eq!(t.n_links(), 5);
    }

    #[test]
    fn a_changed_record_carries_exactly_its_tags_and_a_gone_one_none() {
        let mut t = table();
        // 3 loses transit and keeps kz; 4 is gone; 1 gains transit; 5 is not in the change.
        t.set([
            (ClippingId(3), Some(vec!["country:kz".to_owned()])),
            (ClippingId(4), None),
            (ClippingId(1), Some(vec!["country:kz".to_owned(), "topic:transit".to_owned()])),
        ]);
        assert_eq!(t.ids_of("country:kz"), ids(&[1, 3, 5]));
        assert_eq!(t.ids_of("topic:transit"), ids(&[1]));
        t.set([(ClippingId(1), Some(Vec::new()))]);
        assert_eq!(t.ids_of("topic:transit"), Vec::new());
        assert_eq!(t.ids_of("country:kz"), ids(&[3, 5]));
    }

    #[test]
    fn counts_are_the_same_for_few_results_and_for_many() {
        let mut t = TagTable::default();
        let all: Vec<ClippingId> = (1..=5000).map(ClippingId).collect();
        let even: Vec<ClippingId> = all.iter().copied().filter(|id| id.0 % 2 == 0).collect();
        t.add("topic:all", &all);
        t.add("topic:even", &even);
        t.add("topic:one", &ids(&[4999]));
        let few = ids(&[4, 7]);
        assert_eq!(sorted(t.counts(&few, None)), vec![("topic:all".to_owned(), 2), ("topic:even".to_owned(), 1)]);
        let many: Vec<ClippingId> = (1..=5000).rev().map(ClippingId).collect();
        let expected =
            vec![("topic:all".to_owned(), 5000), ("topic:even".to_owned(), 2500), ("topic:one".to_owned(), 1)];
        assert_eq!(sorted(t.counts(&many, None)), expected);
        assert_eq!(sorted(t.counts(&many, Some(&IdBits::of_ids(&many)))), expected);
        assert_eq!(t.counts(&[], None), Vec::new());
    }

    #[test]
    fn an_id_set_holds_small_and_huge_ids_alike() {
        for ids in [vec![3, 64, 65, 1000], vec![3, u64::MAX - 1, 1 << 40]] {
            let bits = IdBits::of(&ids);
            assert!(ids.iter().all(|&id| bits.contains(id)));
            assert!(![0, 4, 63, 66, 999, 1001, u64::MAX].iter().any(|&id| bits.contains(id)));
        }
        assert!(matches!(IdBits::of(&[u64::MAX - 1]), IdBits::Sparse(_)));
        assert!(!IdBits::of(&[]).contains(0));
    }
}
