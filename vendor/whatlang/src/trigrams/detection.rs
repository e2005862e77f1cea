use hashbrown::HashMap;

use super::utils::{TrigramsWithPositions, get_trigrams_with_positions};
use super::{ARABIC_LANGS, CYRILLIC_LANGS, DEVANAGARI_LANGS, HEBREW_LANGS, LATIN_LANGS};
use super::LangProfileList;
use super::{MAX_TOTAL_DISTANCE, MAX_TRIGRAM_DISTANCE, Trigram};
use crate::Lang;
use crate::core::{FilterList, Info, InternalQuery, Text, calculate_confidence};
use crate::scripts::grouping::MultiLangScript;

#[derive(Debug)]
pub struct RawOutcome {
    pub trigrams_count: usize,
    #[allow(dead_code)]
    pub raw_distances: Vec<(Lang, u32)>,
    pub scores: Vec<(Lang, f64)>,
}

#[inline]
pub fn detect(iquery: &InternalQuery) -> Option<Info> {
    let raw_outcome = raw_detect(iquery);
    let RawOutcome {
        trigrams_count,
        scores,
        ..
    } = raw_outcome;

    let mut raw_scores_iter = scores.into_iter();

    let opt_lang_score1 = raw_scores_iter.next();
    let opt_lang_score2 = raw_scores_iter.next();

    // TODO: Logic is duplicated in alphabets. Consider refactoring
    opt_lang_score1.map(|(lang1, score1)| {
        let script = iquery.multi_lang_script.to_script();
        let confidence = if let Some((_, score2)) = opt_lang_score2 {
            calculate_confidence(score1, score2, trigrams_count)
        } else {
            1.0
        };
        Info::new(script, lang1, confidence)
    })
}

#[inline]
pub fn raw_detect(iquery: &InternalQuery) -> RawOutcome {
    let lang_profile_list = script_to_lang_profile_list(iquery.multi_lang_script);
    let turned = turned_profiles(iquery.multi_lang_script, lang_profile_list);
    calculate_scores_in_profiles(&iquery.text, iquery.filter_list, lang_profile_list, turned)
}

fn script_to_lang_profile_list(script: MultiLangScript) -> LangProfileList {
    use MultiLangScript as MLS;
    match script {
        MLS::Latin => LATIN_LANGS,
        MLS::Cyrillic => CYRILLIC_LANGS,
        MLS::Arabic => ARABIC_LANGS,
        MLS::Devanagari => DEVANAGARI_LANGS,
        MLS::Hebrew => HEBREW_LANGS,
    }
}

/// A script's language profiles turned around (Clippings' change, see vendor/README.md): for
/// each trigram, the languages whose profile has it (by their place in the profile list) and
/// its rank there. A text's distance to every language is then summed over the text's few
/// hundred trigrams, instead of looking up each of every language's 300 trigrams in the text.
struct TurnedProfiles {
    by_trigram: HashMap<Trigram, Vec<(u16, u16)>>,
}

fn turned_profiles(script: MultiLangScript, list: LangProfileList) -> &'static TurnedProfiles {
    use MultiLangScript as MLS;
    use std::sync::OnceLock;
    static TURNED: [OnceLock<TurnedProfiles>; 5] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match script {
        MLS::Latin => 0,
        MLS::Cyrillic => 1,
        MLS::Arabic => 2,
        MLS::Devanagari => 3,
        MLS::Hebrew => 4,
    };
    TURNED[slot].get_or_init(|| {
        let mut by_trigram: HashMap<Trigram, Vec<(u16, u16)>> = HashMap::new();
        for (place, &(_, profile)) in list.iter().enumerate() {
            for (rank, &trigram) in profile.iter().enumerate() {
                by_trigram.entry(trigram).or_default().push((place as u16, rank as u16));
            }
        }
        TurnedProfiles { by_trigram }
    })
}

#[inline]
fn calculate_scores_in_profiles(
    text: &Text,
    filter_list: &FilterList,
    lang_profile_list: LangProfileList,
    turned: &TurnedProfiles,
) -> RawOutcome {
    let mut lang_distances: Vec<(Lang, u32)> = vec![];

    let TrigramsWithPositions {
        trigram_positions, ..
    } = get_trigrams_with_positions(&text.lowercase());
    let unique_trigrams_count = trigram_positions.len();

    // For each language, what the trigrams its profile shares with the text take off the
    // distance of a text that has none of them.
    let mut shared = vec![0i64; lang_profile_list.len()];
    for (trigram, &n) in &trigram_positions {
        for &(place, rank) in turned.by_trigram.get(trigram).map_or(&[][..], Vec::as_slice) {
            shared[place as usize] +=
                i64::from(MAX_TRIGRAM_DISTANCE) - (i64::from(n) - i64::from(rank)).abs();
        }
    }

    for (&(lang, lang_trigrams), &shared) in lang_profile_list.iter().zip(&shared) {
        if !filter_list.is_allowed(lang) {
            continue;
        }
        let dist = calculate_distance(lang_trigrams.len(), shared, unique_trigrams_count);
        lang_distances.push(((lang), dist));
    }

    // Sort languages by distance
    lang_distances.sort_unstable_by_key(|(_, dist)| *dist);

    let max_dist = unique_trigrams_count as u32 * MAX_TRIGRAM_DISTANCE;

    let raw_scores = lang_distances
        .iter()
        .map(|&(lang, distance)| (lang, distance_to_raw_score(distance, max_dist)))
        .collect();

    RawOutcome {
        trigrams_count: unique_trigrams_count,
        scores: raw_scores,
        raw_distances: lang_distances,
    }
}

/// The distance upstream sums trigram by trigram (`reference_distance` in the tests): each of
/// the profile's trigrams found in the text is as far as its rank from the text's, and each
/// one not found `MAX_TRIGRAM_DISTANCE`; that is the profile's length times
/// `MAX_TRIGRAM_DISTANCE`, less what the shared trigrams take off.
#[inline]
fn calculate_distance(profile_len: usize, shared: i64, text_trigrams_count: usize) -> u32 {
    let mut total_dist = (profile_len as i64 * i64::from(MAX_TRIGRAM_DISTANCE) - shared) as u32;

    let count = text_trigrams_count as u32;

    if MAX_TRIGRAM_DISTANCE > count {
        let delta = MAX_TRIGRAM_DISTANCE - count;
        total_dist -= delta * MAX_TRIGRAM_DISTANCE;
    }

    total_dist.clamp(0, MAX_TOTAL_DISTANCE)
}

#[inline]
fn distance_to_raw_score(distance: u32, max_distance: u32) -> f64 {
    let similarity = max_distance - distance;
    similarity as f64 / max_distance as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trigrams::LangProfile;

    /// Upstream's distance, summed trigram by trigram.
    fn reference_distance(lang_trigrams: LangProfile, text_trigrams: &HashMap<Trigram, u32>) -> u32 {
        let mut total_dist = 0u32;
        for (i, &trigram) in lang_trigrams.iter().enumerate() {
            let dist = match text_trigrams.get(&trigram) {
                Some(&n) => (n as i32 - i as i32).unsigned_abs(),
                None => MAX_TRIGRAM_DISTANCE,
            };
            total_dist += dist;
        }
        let count = text_trigrams.len() as u32;
        if MAX_TRIGRAM_DISTANCE > count {
            let delta = MAX_TRIGRAM_DISTANCE - count;
            total_dist -= delta * MAX_TRIGRAM_DISTANCE;
        }
        total_dist.clamp(0, MAX_TOTAL_DISTANCE)
    }

    #[test]
    fn turned_profiles_give_upstreams_distances() {
        use MultiLangScript as MLS;
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut checked = 0;
        for script in [MLS::Latin, MLS::Cyrillic, MLS::Arabic, MLS::Devanagari, MLS::Hebrew] {
            let list = script_to_lang_profile_list(script);
            // Texts made of the script's own trigrams, of one language or mixed, short and long.
            for words in [1usize, 3, 10, 40, 120, 400] {
                for _ in 0..8 {
                    let mut text = String::new();
                    let one = next(list.len());
                    for _ in 0..words {
                        let profile = list[if next(3) == 0 { next(list.len()) } else { one }].1;
                        let top = profile.len().min(80 + next(300));
                        let Trigram(a, b, c) = profile[next(top)];
                        text.extend([a, b, c].into_iter().filter(|&c| c != ' '));
                        if next(2) == 0 {
                            text.push(' ');
                        }
                    }
                    let query = InternalQuery {
                        text: Text::new(&text),
                        filter_list: &FilterList::default(),
                        multi_lang_script: script,
                    };
                    let raw = raw_detect(&query);
                    let positions = get_trigrams_with_positions(&Text::new(&text).lowercase()).trigram_positions;
                    for &(lang, dist) in &raw.raw_distances {
                        let profile = list.iter().find(|(l, _)| *l == lang).unwrap().1;
                        assert_eq!(dist, reference_distance(profile, &positions), "{lang:?} in {text:?}");
                        checked += 1;
                    }
                    let mut sorted = raw.raw_distances.clone();
                    sorted.sort_by_key(|&(_, d)| d);
                    assert!(raw.raw_distances.iter().map(|x| x.1).eq(sorted.iter().map(|x| x.1)));
                }
            }
        }
        assert!(checked > 2000, "{checked}");
    }

    #[test]
    fn test_when_german_is_given() {
        let text = "Die Ordnung muss für immer in diesem Codebase bleiben";
        let iq = InternalQuery {
            text: Text::new(text),
            filter_list: &FilterList::default(),
            multi_lang_script: MultiLangScript::Latin,
        };
        let raw_outcome = raw_detect(&iq);

        assert_eq!(raw_outcome.trigrams_count, 50);

        let &(first_lang, first_score) = raw_outcome.scores.first().unwrap();
        let &(_last_lang, last_score) = raw_outcome.scores.last().unwrap();

        assert_eq!(first_lang, Lang::Deu);

        assert!(first_score >= 0.0);
        assert!(first_score <= 1.0);

        assert!(last_score >= 0.0);
        assert!(last_score <= 1.0);
    }
}
