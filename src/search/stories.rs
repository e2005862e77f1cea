//! Stories and their reprints: the same wire story printed by several outlets (a new headline,
//! paragraphs trimmed or moved, a site's boilerplate around it, a typo fixed) is one story.
//! Found by MinHash over word shingles, with locality-sensitive hashing to find the candidates
//! (Broder 1997; Leskovec, Rajaraman and Ullman, "Mining of Massive Datasets", ch. 3).
//!
//! Each text gets a signature of [`N_HASHES`] minima of its 4-word shingles under as many hash
//! functions; two signatures agree in a share of places that estimates the texts' Jaccard
//! similarity. Signatures are cut into [`BANDS`] bands of [`ROWS`] rows: texts that agree on a
//! whole band are candidates, and candidates whose estimated similarity reaches
//! [`SAME_STORY`] are the same story. Stories are the connected groups.

use std::collections::HashMap;

pub use crate::vocab::{N_HASHES, Signature};

/// Bands of the signature for the candidate search, of `ROWS` hashes each.
pub const BANDS: usize = 64;
pub const ROWS: usize = N_HASHES / BANDS;
/// Words in a shingle.
const SHINGLE: usize = 4;
/// A text of fewer words is too short to tell a reprint from a story on the same subject.
const MIN_WORDS: usize = 40;
/// The estimated Jaccard similarity from which two texts are one story. Reprints made by
/// trimming half the paragraphs and adding boilerplate keep about 0.4; distinct stories on the
/// same subject stay under 0.1.
pub const SAME_STORY: f32 = 0.2;

/// A 64-bit mix (splitmix64's finaliser): cheap, and good enough for shingles.
#[inline]
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// One step of FNV-1a.
#[inline]
fn fnv(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of a word's lower-case UTF-8 bytes, as `str::to_lowercase` makes them.
fn word_hash(word: &str) -> u64 {
    word.to_lowercase().bytes().fold(FNV_OFFSET, fnv)
}

/// The hashes of a text's words (runs of letters and digits), each that of its lower case
/// ([`word_hash`]), made in one pass without making each word's lower case: ASCII byte by
/// byte, any other letter by its lower case, except a word with a capital sigma, whose lower
/// case depends on where it stands (a final ς), which only `str::to_lowercase` knows.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut words = Vec::with_capacity(text.len() / 6);
    let (mut start, mut h, mut sigma) = (None, FNV_OFFSET, false);
    let mut buf = [0u8; 4];
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                (start, h, sigma) = (Some(i), FNV_OFFSET, false);
            }
            if c.is_ascii() {
                h = fnv(h, c.to_ascii_lowercase() as u8);
            } else {
                sigma |= c == 'Σ';
                for l in c.to_lowercase() {
                    h = l.encode_utf8(&mut buf).bytes().fold(h, fnv);
                }
            }
        } else if let Some(s) = start.take() {
            words.push(if sigma { word_hash(text.get(s..i).unwrap_or_default()) } else { h });
        }
    }
    if let Some(s) = start {
        words.push(if sigma { word_hash(text.get(s..).unwrap_or_default()) } else { h });
    }
    words
}

/// The signature of a text, or `None` when it is too short to compare.
pub fn signature(text: &str) -> Option<Signature> {
    let words = word_hashes(text);
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut minima = [u32::MAX; N_HASHES];
    for window in words.windows(SHINGLE) {
        let shingle = window.iter().fold(0u64, |acc, &w| mix(acc ^ w));
        for (i, min) in minima.iter_mut().enumerate() {
            // The i-th hash function: the shingle mixed with the i-th seed.
            let h = (mix(shingle ^ SEEDS[i]) >> 32) as u32;
            if h < *min {
                *min = h;
            }
        }
    }
    Some(Signature(minima))
}

const SEEDS: [u64; N_HASHES] = {
    let mut seeds = [0u64; N_HASHES];
    let mut i = 0;
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    while i < N_HASHES {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        seeds[i] = z ^ (z >> 31);
        i += 1;
    }
    seeds
};

/// The estimated Jaccard similarity of two texts: the share of places their signatures agree.
pub fn similarity(a: &Signature, b: &Signature) -> f32 {
    let same = a.0.iter().zip(&b.0).filter(|(x, y)| x == y).count();
    same as f32 / N_HASHES as f32
}

/// Groups texts into stories. Returns, for each text that has a reprint, the key of its
/// group's first text (in the order given); texts alone are left out.
pub fn group<K: Copy + Eq + std::hash::Hash>(signatures: &[(K, Signature)]) -> HashMap<K, K> {
    let mut parent: Vec<usize> = (0..signatures.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Each band's keys with their texts, sorted so that a bucket is a run: one list for all
    // bands, where a map of buckets made a list per text per band.
    let mut keyed: Vec<(u64, usize)> = Vec::with_capacity(signatures.len());
    for band in 0..BANDS {
        keyed.clear();
        keyed.extend(signatures.iter().enumerate().map(|(i, (_, sig))| {
            let rows = &sig.0[band * ROWS..(band + 1) * ROWS];
            (rows.iter().fold(band as u64, |acc, &r| mix(acc ^ u64::from(r))), i)
        }));
        keyed.sort_unstable();
        for members in keyed.chunk_by(|a, b| a.0 == b.0).filter(|m| m.len() > 1) {
            // A bucket shared by very many texts is boilerplate, not a story: each is compared
            // with the first few only.
            for (n, &(_, i)) in members.iter().enumerate() {
                for &(_, j) in members.iter().take(n.min(32)) {
                    let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                    if ri != rj && similarity(&signatures[i].1, &signatures[j].1) >= SAME_STORY {
                        let (low, high) = if ri < rj { (ri, rj) } else { (rj, ri) };
                        parent[high] = low;
                    }
                }
            }
        }
    }
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    let roots: Vec<usize> = (0..signatures.len()).map(|i| root(&mut parent, i)).collect();
    for &r in &roots {
        *sizes.entry(r).or_default() += 1;
    }
    roots.iter().enumerate().filter(|(_, r)| sizes[r] > 1).map(|(i, &r)| (signatures[i].0, signatures[r].0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text's word hashes are those of its words' lower case as `str::to_lowercase` makes
    /// it: signatures kept in archives stay comparable with new ones.
    #[test]
    fn words_hash_as_their_lower_case_does() {
        let text = "Astana, КАЗАХСТАН: Қазақстанның ÉCONOMIE — İstanbul; ΟΔΥΣΣΕΥΣ Σ straße ǅemal 2024 x";
        let expected: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase().bytes().fold(FNV_OFFSET, fnv))
            .collect();
        assert_eq!(expected.len(), 11);
        assert_eq!(word_hashes(text), expected);
    }

    const STORY: &str = "Kazakhstan and Belgium agreed on Tuesday to expand cooperation on \
        transport along the Middle Corridor, the trade route that links China with Europe \
        across the Caspian Sea. The foreign ministers of both countries met in Brussels and \
        discussed investment in ports, rail freight and digital customs. Officials said the \
        volume of cargo on the route had doubled in a year and that the port of Antwerp would \
        work with the port of Aktau on a new container service. The ministers also spoke \
        about green hydrogen and critical raw materials, which the European Union wants to \
        buy from Central Asia. A memorandum on the container service is to be signed in the \
        autumn, when a delegation from Astana visits Antwerp.";

    const OTHER: &str = "The national football team lost two to one to Portugal on Saturday \
        evening in a qualifying match played in front of thirty thousand spectators. The \
        coach said after the game that his players had created enough chances but lacked \
        luck in front of the goal. Portugal scored twice in the first half, once from a \
        penalty and once from a corner, before the home side pulled one back shortly after \
        the break with a header. The team plays its next qualifier in Cyprus on Tuesday and \
        needs a win to keep its hopes of reaching the finals alive, the coach told \
        reporters at the stadium.";

    #[test]
    fn a_reprint_is_the_same_story_and_another_story_is_not() {
        let original = signature(STORY).unwrap();
        // A new headline, the last sentences dropped, boilerplate around it, a typo.
        let reprint = format!(
            "Kazakhstan, Belgium to boost Middle Corridor links\n\nSubscribe to our newsletter. {}\
             Read more news on our website. Share on Facebook.",
            STORY.replace("Antwerp would", "Antwerpp would").split(" A memorandum").next().unwrap()
        );
        let reprint = signature(&reprint).unwrap();
        let other = signature(OTHER).unwrap();
        assert!(similarity(&original, &reprint) >= SAME_STORY, "{}", similarity(&original, &reprint));
        assert!(similarity(&original, &other) < 0.05, "{}", similarity(&original, &other));
        let grouped = group(&[("a", original), ("b", other), ("c", reprint)]);
        assert_eq!(grouped.get("a"), Some(&"a"));
        assert_eq!(grouped.get("c"), Some(&"a"));
        assert_eq!(grouped.get("b"), None);
    }

    #[test]
    fn short_texts_have_no_signature() {
        assert!(signature("Astana hosts a forum. Delegations arrived on Monday.").is_none());
    }
}
