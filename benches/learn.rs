//! Suggestions learned from the office's own tagging, measured on Reuters-21578 (#32): the
//! stories of `lewissplit` TRAIN with topics, in date order, split in two: the first 70% are
//! imported and tagged with their topics through the same edit as `clippings tag add`, then
//! marked done; the rest are imported as new clippings, and their suggestions are judged
//! against their topics. Micro-F1 over the ten ModApte topics, beside scikit-learn's
//! LinearSVC and kNN on the same split in the same run (`benches/learn_reference.py`). Also:
//! how long learning takes, and suggestions for the held-out stories (goal: 2,700 in 5 s).
//!
//!     cargo bench --bench learn [-- CORPUS]

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use clippings::archive::edit::Edit;
use clippings::archive::{Archive, ClippingId, TagKind, tags};
use clippings::import::Outcome;

const TEN: [&str; 10] = ["earn", "acq", "money-fx", "grain", "crude", "trade", "interest", "ship", "wheat", "corn"];

struct Story {
    file: String,
    topics: Vec<String>,
}

fn stories(corpus: &Path) -> Vec<Story> {
    let Ok(meta) = std::fs::read_to_string(corpus.join("reuters21578/metadata.jsonl")) else { return Vec::new() };
    let mut out = Vec::new();
    for line in meta.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let topics: Vec<String> =
            v["topics"].as_array().into_iter().flatten().filter_map(|t| t.as_str().map(str::to_owned)).collect();
        if v["lewissplit"] == "TRAIN" && v["topics_attr"] == "YES" && !topics.is_empty() {
            let file = v["file"].as_str().unwrap_or_default().to_owned();
            out.push(Story { file, topics });
        }
    }
    out
}

/// Writes the stories' texts into `dir`, one file each (named as in the corpus).
fn write(corpus: &Path, stories: &[Story], dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let mut paths = Vec::new();
    for story in stories {
        let from = corpus.join("reuters21578").join(&story.file);
        let to = dir.join(Path::new(&story.file).file_name().unwrap());
        std::fs::copy(&from, &to).unwrap();
        paths.push(to);
    }
    paths
}

fn import(archive: &Archive, paths: &[PathBuf]) -> HashMap<String, ClippingId> {
    let report = archive.import(paths, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let mut ids = HashMap::new();
    for o in report.outcomes {
        if let Outcome::Imported { id, .. } | Outcome::Duplicate { id, .. } = o.outcome {
            ids.insert(o.path.file_name().unwrap().to_string_lossy().into_owned(), id);
        }
    }
    ids
}

/// Tags the stories as a press office would, with `tag add`: every topic of every story; then
/// marks them done (looked at).
fn tag_and_mark_done(archive: &Archive, stories: &[Story], ids: &HashMap<String, ClippingId>) {
    let mut by_topic: BTreeMap<&str, Vec<ClippingId>> = BTreeMap::new();
    for story in stories {
        let name = Path::new(&story.file).file_name().unwrap().to_string_lossy().into_owned();
        for topic in &story.topics {
            by_topic.entry(topic).or_default().extend(ids.get(&name));
        }
    }
    for (topic, tagged) in by_topic {
        let tag = tags::resolve(TagKind::Topic, topic).unwrap();
        archive.apply(Edit::AddTag { tag, ids: tagged }).unwrap();
    }
    archive.apply(Edit::MarkDone(ids.values().copied().collect())).unwrap();
}

fn main() {
    let corpus = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"), PathBuf::from);
    let all = stories(&corpus);
    if all.is_empty() {
        println!("learn bench skipped: no Reuters-21578 under {}", corpus.display());
        return;
    }
    let cut = all.len() * 7 / 10;
    let (learn, held) = all.split_at(cut);
    let tmp = tempfile::tempdir().unwrap();
    let learn_paths = write(&corpus, learn, &tmp.path().join("learn"));
    let held_paths = write(&corpus, held, &tmp.path().join("held"));
    let labels: BTreeMap<String, &Vec<String>> = all
        .iter()
        .map(|s| (Path::new(&s.file).file_name().unwrap().to_string_lossy().into_owned(), &s.topics))
        .collect();
    let labels_path = tmp.path().join("labels.json");
    std::fs::write(&labels_path, serde_json::to_string(&labels).unwrap()).unwrap();

    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let learn_ids = import(&archive, &learn_paths);
    tag_and_mark_done(&archive, learn, &learn_ids);
    let start = Instant::now();
    let learned = archive.learned().unwrap();
    let learn_s = start.elapsed().as_secs_f64();
    println!(
        "learned {} topics from {} tagged stories in {learn_s:.2} s (goal: 10,000 in <= 10 s)",
        learned.n_tags(),
        learn_ids.len()
    );

    let start = Instant::now();
    let held_ids = import(&archive, &held_paths);
    let import_s = start.elapsed().as_secs_f64();
    let ids: Vec<ClippingId> = held_ids.values().copied().collect();
    let start = Instant::now();
    archive.refresh_suggestions(&ids).unwrap();
    let suggest_s = start.elapsed().as_secs_f64();
    println!(
        "{} held-out stories: imported in {import_s:.2} s; their suggestions made again in {suggest_s:.2} s (goal: 2,700 in <= 5 s)",
        ids.len()
    );
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut per_topic: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for story in held {
        let name = Path::new(&story.file).file_name().unwrap().to_string_lossy().into_owned();
        let Some(&id) = held_ids.get(&name) else { continue };
        let suggested: Vec<String> = archive
            .suggestions(id)
            .unwrap()
            .into_iter()
            .filter(|s| s.tag.kind == TagKind::Topic)
            .map(|s| s.tag.value.to_lowercase())
            .collect();
        for topic in TEN {
            let gold = story.topics.iter().any(|t| t == topic);
            let got = suggested.iter().any(|t| t == topic);
            let counts = per_topic.entry(topic).or_default();
            match (gold, got) {
                (true, true) => (tp, counts.0) = (tp + 1, counts.0 + 1),
                (false, true) => (fp, counts.1) = (fp + 1, counts.1 + 1),
                (true, false) => (fn_, counts.2) = (fn_ + 1, counts.2 + 1),
                (false, false) => {}
            }
        }
    }
    let f1 = |tp: usize, fp: usize, fn_: usize| {
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fn_).max(1) as f64;
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    };
    let (p, r, micro) = f1(tp, fp, fn_);
    println!(
        "Clippings, learned suggestions: micro-F1 {micro:.3} (precision {p:.3}, recall {r:.3}) over the ten topics, {} held-out stories (goal >= 0.85)",
        held.len()
    );
    let each: Vec<String> =
        per_topic.iter().map(|(t, &(tp, fp, fn_))| format!("{t} {:.2}", f1(tp, fp, fn_).2)).collect();
    println!("  by topic: {}", each.join(", "));
    let reference = std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/learn_reference.py"))
        .args([tmp.path().join("learn"), tmp.path().join("held"), labels_path])
        .output();
    match reference {
        Ok(out) => print!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
        Err(e) => println!("reference: python3 could not run ({e})"),
    }

    // Learning from every story tagged: the held-out ones get their topics too.
    tag_and_mark_done(&archive, held, &held_ids);
    let start = Instant::now();
    let learned = archive.learned().unwrap();
    println!(
        "learned {} topics from all {} tagged stories in {:.2} s",
        learned.n_tags(),
        learn_ids.len() + held_ids.len(),
        start.elapsed().as_secs_f64()
    );
}
