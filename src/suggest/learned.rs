//! Topics and events learned from the press office's own tagging: one linear classifier a
//! tag (a support vector machine with the squared hinge loss, trained by dual coordinate
//! descent as LIBLINEAR does), on each clipping's words weighed by tf-idf. A tag is learned
//! once [`MIN_EXAMPLES`] clippings carry it. This module only sees words: the archive gives
//! them as its index analyses them (stems, Kazakh word beginnings) and says which tags each
//! clipping has, which it was offered and turned down, and whether it was looked at.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::vocab::model::{Suggestion, Tag};

/// A tag is learned once this many clippings carry it.
pub const MIN_EXAMPLES: usize = 5;

/// How much a misclassified example costs against a simple model (LIBLINEAR's `C`).
const COST: f32 = 1.0;

/// Passes over the examples at most; most tags settle in a handful.
const MAX_EPOCHS: usize = 40;

/// A word seen in fewer clippings than this says nothing learnable.
const MIN_DOCUMENT_FREQUENCY: u32 = 2;

/// A clipping as learning sees it.
#[derive(Clone, Debug, Default)]
pub struct Example {
    /// Its words as the index analyses them; the headline's may come twice.
    pub terms: Vec<String>,
    /// The learned tags it carries, as indexes into the tags given to [`Learned::train`].
    pub tags: Vec<usize>,
    /// Tags it was offered and the user turned down: it is an example against them.
    pub dismissed: Vec<usize>,
    /// Whether someone looked at it (it left the inbox): then each tag it lacks is one the
    /// user chose not to give it. A clipping still in the inbox teaches only the tags it has.
    pub reviewed: bool,
}

/// What was learned: a weight a word a tag, kept by word.
#[derive(Debug, Default)]
pub struct Learned {
    vocabulary: HashMap<String, u32>,
    idf: Vec<f32>,
    /// For each word, the tags it weighs for or against, and how much.
    weights: Vec<Vec<(u32, f32)>>,
    classes: Vec<Class>,
}

#[derive(Debug)]
struct Class {
    tag: Tag,
    n_examples: usize,
    bias: f32,
}

/// A clipping's words as a unit-length tf-idf vector over the vocabulary, by word number.
type Vector = Vec<(u32, f32)>;

impl Learned {
    /// Learns each tag of `tags` with at least [`MIN_EXAMPLES`] clippings for it and as many
    /// against it, from `examples`. Tags run in parallel.
    pub fn train(tags: &[Tag], examples: &[Example]) -> Learned {
        let mut document_frequency: HashMap<&str, u32> = HashMap::new();
        for example in examples {
            let mut seen: Vec<&str> = example.terms.iter().map(String::as_str).collect();
            seen.sort_unstable();
            seen.dedup();
            for term in seen {
                *document_frequency.entry(term).or_default() += 1;
            }
        }
        let mut terms: Vec<(&str, u32)> =
            document_frequency.into_iter().filter(|(_, n)| *n >= MIN_DOCUMENT_FREQUENCY).collect();
        terms.sort_unstable();
        let n_docs = examples.len() as f32;
        let idf = terms.iter().map(|(_, df)| ((n_docs + 1.0) / (*df as f32 + 1.0)).ln() + 1.0).collect();
        let vocabulary = terms.iter().enumerate().map(|(i, (term, _))| ((*term).to_owned(), i as u32)).collect();
        let mut learned = Learned { vocabulary, idf, weights: Vec::new(), classes: Vec::new() };
        let vectors: Vec<Vector> =
            examples.iter().map(|e| learned.vector(e.terms.iter().map(String::as_str))).collect();
        let trained: Vec<(usize, Vec<f32>, usize)> = (0..tags.len())
            .into_par_iter()
            .filter_map(|k| {
                let labelled = labels(examples, k);
                let n_for = labelled.iter().filter(|(_, y)| *y > 0.0).count();
                let n_against = labelled.len() - n_for;
                (n_for >= MIN_EXAMPLES && n_against >= MIN_EXAMPLES)
                    .then(|| (k, train_one(&vectors, &labelled, learned.idf.len()), n_for))
            })
            .collect();
        learned.weights = vec![Vec::new(); learned.idf.len()];
        for (k, w, n_examples) in trained {
            let class = learned.classes.len() as u32;
            let bias = w.last().copied().unwrap_or_default();
            for (j, &weight) in w.iter().take(learned.idf.len()).enumerate() {
                if weight.abs() > 1e-4 {
                    learned.weights[j].push((class, weight));
                }
            }
            learned.classes.push(Class { tag: tags[k].clone(), n_examples, bias });
        }
        learned
    }

    /// How many tags were learned.
    pub fn n_tags(&self) -> usize {
        self.classes.len()
    }

    /// The tags learned, with how many clippings each was learned from.
    pub fn tags(&self) -> impl Iterator<Item = (&Tag, usize)> {
        self.classes.iter().map(|c| (&c.tag, c.n_examples))
    }

    /// The learned tags a clipping's words call for, surest first. Each says how many
    /// clippings it was learned from and which of the words weighed most, as `written` gives
    /// them (a word as the text has it, for a term).
    pub fn suggest<'t>(&self, terms: impl Iterator<Item = (&'t str, &'t str)> + Clone) -> Vec<Suggestion> {
        let vector = self.vector(terms.clone().map(|(term, _)| term));
        let mut scores: Vec<f32> = self.classes.iter().map(|c| c.bias).collect();
        for &(j, x) in &vector {
            for &(class, w) in &self.weights[j as usize] {
                scores[class as usize] += w * x;
            }
        }
        let mut out = Vec::new();
        for (class, score) in scores.into_iter().enumerate().filter(|(_, s)| *s > 0.0) {
            let Class { tag, n_examples, .. } = &self.classes[class];
            let mut evidence: Vec<(f32, &str)> = Vec::new();
            for (term, written) in terms.clone() {
                let Some(&j) = self.vocabulary.get(term) else { continue };
                let Some(&(_, w)) = self.weights[j as usize].iter().find(|(c, _)| *c as usize == class) else {
                    continue;
                };
                if w > 0.0 && !evidence.iter().any(|(_, e)| e.eq_ignore_ascii_case(written)) {
                    evidence.push((w, written));
                }
            }
            evidence.sort_by(|a, b| b.0.total_cmp(&a.0));
            let mut suggestion =
                Suggestion::new(tag.clone(), score, evidence.iter().take(3).map(|(_, w)| (*w).to_owned()).collect());
            suggestion.note = format!("like {n_examples} clippings tagged {}", tag.name);
            out.push(suggestion);
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }

    /// Words as a unit-length vector: (1 + ln tf) × idf over the known words.
    fn vector<'t>(&self, terms: impl Iterator<Item = &'t str>) -> Vector {
        let mut counts: HashMap<u32, f32> = HashMap::new();
        for term in terms {
            if let Some(&j) = self.vocabulary.get(term) {
                *counts.entry(j).or_default() += 1.0;
            }
        }
        let mut vector: Vector =
            counts.into_iter().map(|(j, tf)| (j, (1.0 + tf.ln()) * self.idf[j as usize])).collect();
        vector.sort_unstable_by_key(|(j, _)| *j);
        let norm = vector.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, x) in &mut vector {
                *x /= norm;
            }
        }
        vector
    }
}

/// The examples for and against tag `k`: +1 for a clipping that has it; -1 for one that
/// was looked at without it, or was offered it and turned it down.
fn labels(examples: &[Example], k: usize) -> Vec<(usize, f32)> {
    examples
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            if e.tags.contains(&k) {
                Some((i, 1.0))
            } else if e.reviewed || e.dismissed.contains(&k) {
                Some((i, -1.0))
            } else {
                None
            }
        })
        .collect()
}

/// One tag's weights (the bias last) by dual coordinate descent on the squared hinge loss
/// (Hsieh et al., 2008), over unit-length vectors with a constant 1 for the bias.
fn train_one(vectors: &[Vector], labelled: &[(usize, f32)], dim: usize) -> Vec<f32> {
    let diagonal = 0.5 / COST;
    let mut w = vec![0.0f32; dim + 1];
    let mut alpha = vec![0.0f32; labelled.len()];
    let q: Vec<f32> =
        labelled.iter().map(|&(i, _)| vectors[i].iter().map(|(_, x)| x * x).sum::<f32>() + 1.0 + diagonal).collect();
    let mut order: Vec<usize> = (0..labelled.len()).collect();
    // A fixed seed: the same tags and clippings learn the same weights.
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    for _ in 0..MAX_EPOCHS {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let (mut highest, mut lowest) = (f32::NEG_INFINITY, f32::INFINITY);
        for &n in &order {
            let (i, y) = labelled[n];
            let x = &vectors[i];
            let wx = x.iter().map(|&(j, v)| w[j as usize] * v).sum::<f32>() + w[dim];
            let gradient = y * wx - 1.0 + diagonal * alpha[n];
            let projected = if alpha[n] == 0.0 { gradient.min(0.0) } else { gradient };
            highest = highest.max(projected);
            lowest = lowest.min(projected);
            if projected.abs() > 1e-12 {
                let before = alpha[n];
                alpha[n] = (before - gradient / q[n]).max(0.0);
                let step = (alpha[n] - before) * y;
                for &(j, v) in x {
                    w[j as usize] += step * v;
                }
                w[dim] += step;
            }
        }
        if highest - lowest < 0.1 {
            break;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::model::TagKind;
    use crate::vocab::tags;

    fn example(text: &str, tags: &[usize], reviewed: bool) -> Example {
        Example {
            terms: text.split_whitespace().map(str::to_owned).collect(),
            tags: tags.to_vec(),
            dismissed: Vec::new(),
            reviewed,
        }
    }

    #[test]
    fn a_tag_with_five_clippings_is_learned_and_suggested_with_its_evidence() {
        let corridor = tags::resolve(TagKind::Topic, "Middle Corridor").unwrap();
        let visa = tags::resolve(TagKind::Topic, "visa regime").unwrap();
        let mut examples = Vec::new();
        for i in 0..5 {
            examples.push(example(&format!("коридор груз каспий порт транзит {i}"), &[0], true));
            examples.push(example(&format!("виза режим граждан въезд {i}"), &[1], true));
            examples.push(example(&format!("театр премьера спектакль {i}"), &[], true));
        }
        let learned = Learned::train(&[corridor.clone(), visa.clone()], &examples);
        assert_eq!(learned.n_tags(), 2);
        let words = ["коридор", "транзит", "вагон"];
        let found = learned.suggest(words.iter().map(|w| (*w, *w)));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].tag, corridor);
        assert_eq!(found[0].note, "like 5 clippings tagged Middle Corridor");
        assert!(found[0].evidence.contains(&"коридор".to_owned()), "{:?}", found[0].evidence);
        let nothing = ["театр", "премьера"];
        assert!(learned.suggest(nothing.iter().map(|w| (*w, *w))).is_empty());
    }

    #[test]
    fn four_clippings_teach_nothing_and_the_inbox_is_no_example_against() {
        let tag = tags::resolve(TagKind::Event, "C5+1").unwrap();
        let mut examples: Vec<Example> = (0..4).map(|i| example(&format!("summit leaders {i}"), &[0], true)).collect();
        examples.extend((0..10).map(|i| example(&format!("weather rain {i}"), &[], true)));
        assert_eq!(Learned::train(std::slice::from_ref(&tag), &examples).n_tags(), 0);
        // A fifth for it, but nothing looked at against it: not learned either.
        examples.push(example("summit leaders 4", &[0], true));
        for e in examples.iter_mut().filter(|e| e.tags.is_empty()) {
            e.reviewed = false;
        }
        assert_eq!(Learned::train(std::slice::from_ref(&tag), &examples).n_tags(), 0);
        // A dismissal is an example against, in the inbox or not.
        for e in examples.iter_mut().filter(|e| e.tags.is_empty()).take(5) {
            e.dismissed = vec![0];
        }
        assert_eq!(Learned::train(std::slice::from_ref(&tag), &examples).n_tags(), 1);
    }
}
