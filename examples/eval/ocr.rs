//! Scanned pages read by the archive's OCR (`clippings::ocr`), beside the anchor: the
//! tesseract command told each page's right language, on the same page (a PDF's page drawn
//! at 300 dpi for both). For each page of `ocr-dev/` (truth.json: headline, body, a probe
//! word): the character error rate of headline and text in reading order, the word recall
//! (order-free), whether the probe word was read, whether the headline is the title, and the
//! time. Then the means, and the archive's search for each probe word after importing the
//! pages (`eval ../shared/corpus ocr`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use clippings::ocr::{self, Engine};

/// Edit distance between two strings, in characters.
pub fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + usize::from(ca != cb));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// (CER, word recall, probe read) of `read` against the page's truth.
fn score(read: &str, truth: &str, probe: &str) -> (f64, f64, bool) {
    let (hyp, reference) = (collapse(read), collapse(truth));
    let (h, r): (Vec<char>, Vec<char>) = (hyp.chars().collect(), reference.chars().collect());
    let cer = levenshtein(&h, &r) as f64 / r.len().max(1) as f64;
    let mut have: HashMap<String, usize> = HashMap::new();
    for w in words(&hyp) {
        *have.entry(w).or_default() += 1;
    }
    let wanted = words(&reference);
    let mut found = 0;
    for w in &wanted {
        if let Some(n) = have.get_mut(w).filter(|n| **n > 0) {
            *n -= 1;
            found += 1;
        }
    }
    (cer, found as f64 / wanted.len().max(1) as f64, words(&hyp).contains(&probe.to_lowercase()))
}

/// The pages of a file: a picture, or a PDF's pages drawn at 300 dpi.
fn pages_of(path: &Path) -> Vec<image::GrayImage> {
    let Ok(bytes) = std::fs::read(path) else { return Vec::new() };
    if path.extension().is_some_and(|e| e == "pdf") {
        clippings::import::formats::pdf::page_pictures(bytes, 300.0, 20)
    } else {
        image::load_from_memory(&bytes).map(|i| vec![i.to_luma8()]).unwrap_or_default()
    }
}

/// The tesseract command on a page, told its language.
fn anchor(page: &image::GrayImage, language: &str, tmp: &Path) -> String {
    let png = tmp.join("anchor.png");
    if page.save(&png).is_err() {
        return String::new();
    }
    let out = std::process::Command::new("tesseract")
        .arg(&png)
        .arg("stdout")
        .args(["-l", language, "--psm", "3"])
        .env("OMP_THREAD_LIMIT", "1")
        .output();
    out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default()
}

#[derive(Default)]
struct Sums {
    cer: f64,
    recall: f64,
    probes: usize,
    titles: usize,
    seconds: f64,
    n: usize,
}

impl Sums {
    fn add(&mut self, (cer, recall, probe): (f64, f64, bool), title: bool, seconds: f64) {
        self.cer += cer;
        self.recall += recall;
        self.probes += usize::from(probe);
        self.titles += usize::from(title);
        self.seconds += seconds;
        self.n += 1;
    }

    fn line(&self, name: &str) -> String {
        let n = self.n.max(1) as f64;
        format!(
            "{name:<8} CER {:.3}  word recall {:.3}  probes read {}/{}  headline as title {}/{}  {:.1} s a page",
            self.cer / n,
            self.recall / n,
            self.probes,
            self.n,
            self.titles,
            self.n,
            self.seconds / n
        )
    }
}

pub fn ocr(dir: &Path, tmp: &Path) {
    let Ok(truth) = std::fs::read_to_string(dir.join("truth.json")) else {
        println!("ocr: skipped, no {}", dir.join("truth.json").display());
        return;
    };
    let engine = match Engine::find() {
        Ok(engine) => engine,
        Err(e) => {
            println!("ocr: skipped: {e}");
            return;
        }
    };
    let truth: HashMap<String, serde_json::Value> = serde_json::from_str(&truth).unwrap_or_default();
    let mut names: Vec<&String> = truth.keys().collect();
    names.sort();
    let wanted: Vec<String> = ocr::DEFAULT_LANGUAGES.iter().map(|l| (*l).to_owned()).collect();
    let never = AtomicBool::new(false);
    let (mut ours, mut theirs) = (Sums::default(), Sums::default());
    println!(
        "ocr: {} pages of {}, ours (languages found per page) beside the tesseract command told the language",
        names.len(),
        dir.display()
    );
    for name in names {
        let t = &truth[name];
        let field = |k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        let (headline, body, probe, lang) = (field("headline"), field("body"), field("probe"), field("lang"));
        let reference = format!("{headline} {body}");
        let pages = pages_of(&dir.join(name));
        let start = Instant::now();
        let mut read = Vec::new();
        let mut title = String::new();
        let mut used = String::new();
        for page in &pages {
            match ocr::read_page(&engine, page.clone(), &wanted, false, &never) {
                Ok(Some(text)) => {
                    if title.is_empty() {
                        title = text.title.clone();
                    }
                    used = format!("{} {}° {:+.1}°", text.languages, text.rotate, text.skew);
                    read.push(format!("{} {}", text.title, text.body));
                }
                Ok(None) => {}
                Err(e) => println!("  {name}: {e}"),
            }
        }
        let ours_s = start.elapsed().as_secs_f64();
        let ours_score = score(&read.join(" "), &reference, &probe);
        // The title is the headline when it reads as it within a tenth of its letters.
        let (t, h): (Vec<char>, Vec<char>) =
            (collapse(&title).chars().collect(), collapse(&headline).chars().collect());
        let title_ok = !t.is_empty() && levenshtein(&t, &h) * 10 <= h.len();
        ours.add(ours_score, title_ok, ours_s);

        let language = match lang.as_str() {
            "ru" => "rus",
            "kk" => "kaz",
            "fr" => "fra",
            "uk" => "ukr",
            "nl" => "nld",
            "de" => "deu",
            _ => "eng",
        };
        let start = Instant::now();
        let anchor_text: Vec<String> = pages.iter().map(|p| anchor(p, language, tmp)).collect();
        let anchor_s = start.elapsed().as_secs_f64();
        let anchor_score = score(&anchor_text.join(" "), &reference, &probe);
        theirs.add(anchor_score, false, anchor_s);
        println!(
            "  {name:<24} ours CER {:.3} recall {:.3} probe {:<5} title {:<5} {ours_s:4.1} s [{used}] | anchor CER {:.3} recall {:.3} probe {:<5} {anchor_s:4.1} s",
            ours_score.0, ours_score.1, ours_score.2, title_ok, anchor_score.0, anchor_score.1, anchor_score.2
        );
    }
    println!("  {}", ours.line("ours"));
    println!("  {}", theirs.line("anchor"));
    searched(dir, tmp, &truth);
    looks(dir);
}

/// The pages imported into an archive and read as the window reads them, then each page's
/// probe word searched for: is its page found?
fn searched(dir: &Path, tmp: &Path, truth: &HashMap<String, serde_json::Value>) {
    let archive = match clippings::archive::Archive::open(&tmp.join("ocr-archive")) {
        Ok(archive) => archive,
        Err(e) => return println!("  search: skipped, {e}"),
    };
    let Ok(report) = archive.import(&[dir.to_path_buf()], &mut |_| {}, &AtomicBool::new(false)) else { return };
    let ids = archive.scans_among(&report.imported_ids(), false);
    if let Err(e) = archive.read_scans(&ids, None, &|_, _, _| {}, &AtomicBool::new(false)) {
        return println!("  search: skipped, {e}");
    }
    let (mut found, mut missed) = (0, Vec::new());
    for (name, t) in truth {
        let probe = t.get("probe").and_then(|v| v.as_str()).unwrap_or_default();
        let hits = archive.search_str(probe).unwrap_or_default();
        if hits.iter().any(|c| &c.original_name == name) {
            found += 1;
        } else {
            missed.push(format!("{name} ({probe})"));
        }
    }
    println!(
        "  search for each page's probe word finds its page: {found}/{}; missed: {}",
        truth.len(),
        missed.join(", ")
    );
}

/// The look before reading (`ocr::prep::may_hold_text`): the scanned pages should pass it, the
/// camera photos and EXIF samples of the corpus should not.
fn looks(dir: &Path) {
    let corpus = dir.parent().unwrap_or(dir);
    let pictures_in = |sub: &str| -> Vec<std::path::PathBuf> {
        walk(&corpus.join(sub))
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("jpg") || e.eq_ignore_ascii_case("png")))
            .collect()
    };
    let mut pages = 0;
    let mut n_pages = 0;
    for path in pictures_in("ocr-dev") {
        n_pages += 1;
        if image::open(&path).is_ok_and(|i| ocr::prep::may_hold_text(&i.to_luma8())) {
            pages += 1;
        } else {
            println!("    a page not seen as text: {}", path.display());
        }
    }
    let (mut photos, mut n_photos) = (0, 0);
    for path in pictures_in("photos-camera").into_iter().chain(pictures_in("photos-exif")) {
        let Ok(picture) = image::open(&path) else { continue };
        n_photos += 1;
        if ocr::prep::may_hold_text(&picture.to_luma8()) {
            println!("    a photo seen as text: {}", path.display());
        } else {
            photos += 1;
        }
    }
    println!(
        "  the look before reading: {pages}/{n_pages} scanned pages seen as text, {photos}/{n_photos} photos as pictures"
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() { out.extend(walk(&path)) } else { out.push(path) }
    }
    out
}
