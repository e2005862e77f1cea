//! The order of a search's hits, by sorting integer keys by their bytes (a least significant
//! digit radix sort). The window shows every result of a search in order: at a million
//! results, a comparison sort of their keys took 90-120 ms, most of a one-letter search.

use super::hits::{Hit, score_bits};
use crate::search::query::Sort;
use crate::vocab::model::ClippingId;

/// An unsigned integer sorted by its bytes, least significant first.
pub trait RadixKey: Copy + Ord {
    const BYTES: usize;
    fn byte(self, i: usize) -> u8;
}

impl RadixKey for u32 {
    const BYTES: usize = 4;
    fn byte(self, i: usize) -> u8 {
        (self >> (8 * i)) as u8
    }
}

impl RadixKey for u64 {
    const BYTES: usize = 8;
    fn byte(self, i: usize) -> u8 {
        (self >> (8 * i)) as u8
    }
}

impl RadixKey for u128 {
    const BYTES: usize = 16;
    fn byte(self, i: usize) -> u8 {
        (self >> (8 * i)) as u8
    }
}

/// Below this many keys a comparison sort is as fast, without the second buffer.
const RADIX_ABOVE: usize = 2048;

/// Sorts `keys` ascending. A byte that every key shares costs no pass: dates of a few decades
/// and ids of a million leave most of a key's bytes the same.
pub fn sort<K: RadixKey>(keys: &mut Vec<K>) {
    let n = keys.len();
    if n <= RADIX_ABOVE {
        keys.sort_unstable();
        return;
    }
    let mut counts = vec![[0usize; 256]; K::BYTES];
    for &k in keys.iter() {
        for (i, count) in counts.iter_mut().enumerate() {
            count[usize::from(k.byte(i))] += 1;
        }
    }
    let mut other = keys.clone();
    let (mut from, mut to) = (&mut *keys, &mut other);
    let mut in_other = false;
    for (i, count) in counts.iter().enumerate() {
        if count.contains(&n) {
            continue;
        }
        let mut next = [0usize; 256];
        let mut sum = 0;
        for (slot, &c) in next.iter_mut().zip(count.iter()) {
            *slot = sum;
            sum += c;
        }
        for &k in from.iter() {
            let digit = &mut next[usize::from(k.byte(i))];
            to[*digit] = k;
            *digit += 1;
        }
        std::mem::swap(&mut from, &mut to);
        in_other = !in_other;
    }
    if in_other {
        *keys = other;
    }
}

/// The hits' ids in the order asked for (by title: any, the catalog sorts them). Each hit
/// becomes one integer key, sorted by its bytes ([`sort`]): best match, then date, then id;
/// ids are unique, so no two keys tie. The key is as narrow as the hits allow, since each
/// byte more is a pass more: an archive's hits have a few thousand days and ids of a few
/// million, which fit 32 bits together once each day is numbered among the hits' days.
pub(super) fn in_order(hits: Vec<Hit>, sort: Sort) -> Vec<ClippingId> {
    let packed = Packing::of(&hits);
    let score = |h: &Hit| u64::from(score_bits(h.score));
    let narrow_ids = hits.iter().all(|h| h.id <= u64::from(u32::MAX));
    let mut ids = match (sort == Sort::Relevance, &packed) {
        (true, Some(p)) => sorted(hits, |h| (score(h) << 32) | p.key(h), |k| p.id(k)),
        (true, None) => sorted(hits, |h| (u128::from(score(h)) << 96) | date_and_id(h), |k| ClippingId(k as u64)),
        (false, Some(p)) => sorted(hits, |h| p.key(h) as u32, |k| p.id(u64::from(k))),
        (false, None) if narrow_ids => {
            sorted(hits, |h| (u64::from(day_key(h)) << 32) | h.id, |k| ClippingId(k & u64::from(u32::MAX)))
        }
        (false, None) => sorted(hits, date_and_id, |k| ClippingId(k as u64)),
    };
    if sort != Sort::Oldest {
        ids.reverse();
    }
    ids
}

fn sorted<K: RadixKey>(hits: Vec<Hit>, key: impl Fn(&Hit) -> K, id: impl Fn(K) -> ClippingId) -> Vec<ClippingId> {
    let mut keys: Vec<K> = hits.iter().map(key).collect();
    drop(hits);
    sort(&mut keys);
    keys.into_iter().map(id).collect()
}

/// Every live document of one generation of the index (what one searcher sees), oldest
/// first (by date, then id), each with its id and its bit in a bitmap of hits: a search that
/// finds much of the archive reads its hits off it in order ([`super::hits::in_order`]).
/// Made once a generation, 8 bytes a document.
pub(super) struct DocOrder {
    /// Where each segment's documents begin among the bits.
    bases: Vec<u32>,
    n_bits: usize,
    /// Each document's id (high 32 bits) and bit (low 32), oldest first.
    walk: Vec<u64>,
}

impl DocOrder {
    /// From each segment's size and its live documents (segment, document, hit); `None` where an
    /// id or the index is too large for 32 bits.
    pub(super) fn of(segment_sizes: &[u32], docs: impl Iterator<Item = (u32, u32, Hit)>) -> Option<DocOrder> {
        let mut bases = Vec::with_capacity(segment_sizes.len());
        let mut n_bits: u32 = 0;
        for &size in segment_sizes {
            bases.push(n_bits);
            n_bits = n_bits.checked_add(size)?;
        }
        let mut keys: Vec<u128> = Vec::new();
        for (segment, doc, hit) in docs {
            let id = u32::try_from(hit.id).ok()?;
            let bit = bases.get(segment as usize)?.checked_add(doc)?;
            keys.push((u128::from(day_key(&hit)) << 64) | (u128::from(id) << 32) | u128::from(bit));
        }
        sort(&mut keys);
        let walk = keys.into_iter().map(|k| k as u64).collect();
        Some(DocOrder { bases, n_bits: n_bits as usize, walk })
    }

    /// How many documents it orders.
    pub(super) fn len(&self) -> usize {
        self.walk.len()
    }

    /// A bitmap with no hit marked.
    pub(super) fn bitmap(&self) -> Vec<u64> {
        vec![0; self.n_bits.div_ceil(64)]
    }

    pub(super) fn mark(&self, bitmap: &mut [u64], segment: u32, doc: u32) {
        let Some(&base) = self.bases.get(segment as usize) else { return };
        let bit = (base + doc) as usize;
        if let Some(word) = bitmap.get_mut(bit / 64) {
            *word |= 1 << (bit % 64);
        }
    }

    /// The ids of the documents marked, newest first (by date, then id) or oldest first,
    /// added to `ids`.
    pub(super) fn walk(&self, bitmap: &[u64], oldest_first: bool, ids: &mut Vec<ClippingId>) {
        let mut visit = |&entry: &u64| {
            let bit = (entry & u64::from(u32::MAX)) as usize;
            if bitmap.get(bit / 64).is_some_and(|w| w & (1 << (bit % 64)) != 0) {
                ids.push(ClippingId(entry >> 32));
            }
        };
        if oldest_first {
            self.walk.iter().for_each(&mut visit);
        } else {
            self.walk.iter().rev().for_each(&mut visit);
        }
    }
}

/// Above this many days between the hits' first and last, their days are not numbered.
const DAYS_NUMBERED_UP_TO: u32 = 1 << 20;

/// A hit's day, numbered among the hits' days, and its id in the low 32 bits of one integer.
struct Packing {
    first_day: u32,
    /// For each day from the first, its number among the days the hits have.
    numbers: Vec<u32>,
    id_bits: u32,
}

impl Packing {
    /// `None` where the hits' days and ids do not fit 32 bits together.
    fn of(hits: &[Hit]) -> Option<Packing> {
        let (mut first_day, mut last_day, mut top_id) = (u32::MAX, 0, 0);
        for h in hits {
            let day = day_key(h);
            first_day = first_day.min(day);
            last_day = last_day.max(day);
            top_id = top_id.max(h.id);
        }
        let id_bits = u64::BITS - top_id.leading_zeros();
        let span = last_day.checked_sub(first_day)?;
        if span >= DAYS_NUMBERED_UP_TO || id_bits >= 32 {
            return None;
        }
        let mut numbers = vec![0u32; span as usize + 1];
        for h in hits {
            numbers[(day_key(h) - first_day) as usize] = 1;
        }
        let mut n_days = 0;
        for n in &mut numbers {
            let present = *n;
            *n = n_days;
            n_days += present;
        }
        let day_bits = u32::BITS - n_days.saturating_sub(1).leading_zeros();
        (id_bits + day_bits <= 32).then_some(Packing { first_day, numbers, id_bits })
    }

    fn key(&self, h: &Hit) -> u64 {
        let number = self.numbers.get((day_key(h) - self.first_day) as usize).copied().unwrap_or(0);
        (u64::from(number) << self.id_bits) | h.id
    }

    fn id(&self, key: u64) -> ClippingId {
        ClippingId(key & ((1 << self.id_bits) - 1))
    }
}

/// Date then id as one sortable integer.
fn date_and_id(h: &Hit) -> u128 {
    (u128::from(day_key(h)) << 64) | u128::from(h.id)
}

/// The hit's day as an unsigned integer in the order of days.
fn day_key(h: &Hit) -> u32 {
    // Day numbers fit in 32 bits; flipping the sign bit makes the order of i32 that of u32.
    let day = i32::try_from(h.date).unwrap_or(if h.date < 0 { i32::MIN } else { i32::MAX });
    day.cast_unsigned() ^ 0x8000_0000
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A xorshift generator: the tests need many keys, not good randomness.
    fn keys(n: usize, mut seed: u64, spread: u64) -> Vec<u64> {
        (0..n)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed % spread
            })
            .collect()
    }

    #[test]
    fn sorts_as_a_comparison_sort_does_whatever_the_keys() {
        for (n, spread) in [(0, 1), (5, 10), (3000, 7), (10_000, u64::MAX), (50_000, 1 << 20), (4096, 1)] {
            let mut radix = keys(n, 0x9e37_79b9_7f4a_7c15 ^ n as u64, spread);
            let mut expected = radix.clone();
            expected.sort_unstable();
            sort(&mut radix);
            assert_eq!(radix, expected, "{n} keys below {spread}");
        }
    }

    /// Hits with days `day_spread` apart at most and ids below `id_spread`, a few of them tied
    /// on score and day.
    fn hits(n: usize, day_spread: u64, id_spread: u64) -> Vec<Hit> {
        let days = keys(n, 3, day_spread);
        let scores = keys(n, 5, 7);
        let mut ids = keys(n, 13, id_spread);
        ids.sort_unstable();
        ids.dedup();
        ids.iter()
            .zip(days.iter().zip(&scores))
            .map(|(&id, (&day, &score))| Hit {
                id,
                score: score as f32 / 2.0,
                date: day as i64 - (day_spread / 2) as i64,
            })
            .collect()
    }

    /// The order by comparison: best match, then date, then id.
    fn compared(hits: &[Hit], sort: Sort) -> Vec<ClippingId> {
        let mut by: Vec<(f32, i64, u64)> = hits.iter().map(|h| (h.score, h.date, h.id)).collect();
        by.sort_by(|a, b| match sort {
            Sort::Relevance => b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)),
            Sort::Oldest => a.1.cmp(&b.1).then(a.2.cmp(&b.2)),
            _ => b.1.cmp(&a.1).then(b.2.cmp(&a.2)),
        });
        by.into_iter().map(|(_, _, id)| ClippingId(id)).collect()
    }

    #[test]
    fn hits_come_in_the_order_a_comparison_gives_whatever_their_days_and_ids() {
        // An archive's hits; days centuries apart; ids too large for 32 bits; a few hits.
        for (n, days, ids) in [(30_000, 4000, 1 << 20), (30_000, 1 << 30, 1 << 20), (30_000, 900, u64::MAX), (9, 3, 20)]
        {
            let hits = hits(n, days, ids);
            for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
                let again: Vec<Hit> = hits.iter().map(|h| Hit { ..*h }).collect();
                let ordered = in_order(again, sort);
                assert!(ordered == compared(&hits, sort), "{sort:?}, days {days}, ids {ids}: {:?}", &ordered[..9]);
            }
        }
    }

    #[test]
    fn sorts_wide_keys_that_differ_in_their_high_and_low_bytes() {
        let mut wide: Vec<u128> = keys(20_000, 7, u64::MAX)
            .into_iter()
            .zip(keys(20_000, 11, 1000))
            .map(|(low, high)| (u128::from(high) << 96) | u128::from(low % 5000))
            .collect();
        let mut expected = wide.clone();
        expected.sort_unstable();
        sort(&mut wide);
        assert_eq!(wide, expected);
    }
}
