//! Measures the grouping of reprints (`search::stories`) on real news: Reuters-21578 and BBC
//! stories from the corpus beside the repository, and reprints made from some of them as
//! outlets make them (a new headline, paragraphs dropped and moved, a site's boilerplate
//! around, typos). Prints the recall on the reprints, the pairs of distinct stories grouped
//! together, and what a signature costs beside an import.
//!
//!     cargo run --release --example reprints -- ../shared/corpus
// An evaluation, not library code: it stops on a corpus it cannot read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use clippings::search::stories::{self, Signature};

/// A small deterministic generator, so that every run makes the same reprints.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const BOILERPLATE: &[&str] = &[
    "Subscribe to our newsletter to get the day's top stories.",
    "Follow us on Facebook, Twitter and Telegram.",
    "All rights reserved. Reproduction only with a link to the source.",
    "Read also: the latest news from the region.",
    "Advertisement",
];

/// The paragraphs of a story: a blank line or an indented line (Reuters) starts one; the
/// lines of a paragraph are joined.
fn paragraphs_of(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let starts = line.trim().is_empty() || line.starts_with("  ");
        if starts && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if !line.trim().is_empty() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line.trim());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// A reprint as an outlet makes it.
fn reprint(text: &str, rng: &mut Lcg) -> String {
    let mut paragraphs = paragraphs_of(text);
    paragraphs.remove(0); // the headline: rewritten below
    // Paragraphs dropped from the end (trimmed to fit) and one from the middle.
    let keep = (paragraphs.len() * 2).div_ceil(3).max(1);
    paragraphs.truncate(keep);
    if paragraphs.len() > 3 {
        let i = 1 + rng.below(paragraphs.len() - 2);
        paragraphs.remove(i);
    }
    // Two paragraphs change places.
    if paragraphs.len() > 2 {
        let i = rng.below(paragraphs.len() - 1);
        paragraphs.swap(i, i + 1);
    }
    // Typos: two letters swapped in three words.
    for _ in 0..3 {
        if paragraphs.is_empty() {
            break;
        }
        let p = rng.below(paragraphs.len());
        let words: Vec<&str> = paragraphs[p].split(' ').collect();
        let w = rng.below(words.len());
        let mut word: Vec<char> = words[w].chars().collect();
        if word.len() > 3 {
            word.swap(1, 2);
        }
        let typo: String = word.into_iter().collect();
        let mut words: Vec<String> = words.iter().map(|s| (*s).to_owned()).collect();
        words[w] = typo;
        paragraphs[p] = words.join(" ");
    }
    let mut out = vec![format!("Breaking: {}", rng.next())];
    out.push(BOILERPLATE[rng.below(BOILERPLATE.len())].to_owned());
    out.extend(paragraphs);
    out.push(BOILERPLATE[rng.below(BOILERPLATE.len())].to_owned());
    out.push(BOILERPLATE[rng.below(BOILERPLATE.len())].to_owned());
    out.join("\n\n")
}

fn main() {
    let corpus = std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus".to_owned());
    let corpus = Path::new(&corpus);
    let mut texts: Vec<(String, String)> = Vec::new();
    for dir in ["reuters21578/txt", "bbc-news/bbc"] {
        for entry in walkdir::WalkDir::new(corpus.join(dir)).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.file_type().is_file()
                && entry.path().extension().is_some_and(|e| e == "txt")
                && let Ok(text) = std::fs::read_to_string(entry.path())
            {
                texts.push((entry.path().display().to_string(), text));
            }
        }
    }
    let started = Instant::now();
    let signatures: Vec<(usize, Signature)> =
        texts.iter().enumerate().filter_map(|(i, (_, t))| stories::signature(t).map(|s| (i, s))).collect();
    let per_signature = started.elapsed() / texts.len().max(1) as u32;
    let n_stories = signatures.len();
    println!(
        "{} texts read ({} long enough to compare); a signature takes {:.1} µs",
        texts.len(),
        n_stories,
        per_signature.as_secs_f64() * 1e6
    );

    // Reprints of every tenth story that has a signature.
    let mut rng = Lcg(2024);
    let mut all = signatures.clone();
    let mut original_of: HashMap<usize, usize> = HashMap::new();
    for &(i, _) in signatures.iter().step_by(10) {
        let made = reprint(&texts[i].1, &mut rng);
        if let Some(sig) = stories::signature(&made) {
            let key = texts.len() + original_of.len();
            original_of.insert(key, i);
            all.push((key, sig));
        }
    }
    let started = Instant::now();
    let story_of = stories::group(&all);
    let grouping = started.elapsed();

    for threshold in [0.15f32, 0.2, 0.25, 0.3] {
        let above = original_of
            .iter()
            .filter(|(r, o)| {
                let sig = |k: usize| &all.iter().find(|(key, _)| *key == k).unwrap().1;
                stories::similarity(sig(**r), sig(**o)) >= threshold
            })
            .count();
        println!("  similarity of a reprint to its original >= {threshold}: {above} of {}", original_of.len());
    }
    let found =
        original_of.iter().filter(|(r, o)| story_of.contains_key(*r) && story_of.get(*r) == story_of.get(*o)).count();
    let recall = found as f64 / original_of.len().max(1) as f64;
    println!("reprints made: {}; grouped with their original: {found} (recall {recall:.3})", original_of.len());

    // Pairs of corpus stories (no reprint among them) put in one group.
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (&k, &root) in &story_of {
        if k < texts.len() {
            members.entry(root).or_default().push(k);
        }
    }
    let grouped_pairs: usize = members.values().map(|m| m.len() * (m.len() - 1) / 2).sum();
    let all_pairs = n_stories * (n_stories - 1) / 2;
    println!(
        "distinct corpus stories grouped together: {grouped_pairs} pairs of {all_pairs} ({:.5}%); grouping {} texts took {:.2} s",
        100.0 * grouped_pairs as f64 / all_pairs.max(1) as f64,
        all.len(),
        grouping.as_secs_f64()
    );
    let mut sizes: Vec<usize> = members.values().map(Vec::len).collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    println!("  groups of corpus stories: {}; the largest hold {:?}", sizes.len(), &sizes[..sizes.len().min(8)]);
    for group in members.values().filter(|m| m.len() > 1).take(5) {
        let names: Vec<String> =
            group.iter().take(3).map(|&i| texts[i].0.rsplit('/').take(2).collect::<Vec<_>>().join("<")).collect();
        let sim = stories::similarity(
            &all.iter().find(|(k, _)| *k == group[0]).unwrap().1,
            &all.iter().find(|(k, _)| *k == group[1]).unwrap().1,
        );
        println!("  e.g. {} (similarity {sim:.2})", names.join(", "));
    }
}
