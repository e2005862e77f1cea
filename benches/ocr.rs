//! Reading scans: N_PAGES (default 100) scanned pages made from ../shared/corpus/ocr-dev (its
//! pictures, and its PDFs' pages drawn at 300 dpi, each copy made distinct by a pixel of its
//! own), imported into a fresh archive and read as text by `Archive::read_scans` (one page a
//! core, tesseract with one thread each: orientation, skew, script, the page's languages,
//! layout, then the archive's record, signature, suggestions and index). In the same run, the
//! tesseract command reads the same pages told their language, two at a time (one a core,
//! `OMP_THREAD_LIMIT=1`), as a script over `xargs -P2` would. Printed: both times, pages per
//! minute, seconds per page per core, and the ratio.
//!
//!     cargo bench --bench ocr [-- N_PAGES [CORPUS_DIR]]

// A benchmark that cannot set up its inputs has nothing to measure: it stops there.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use clippings::archive::Archive;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let n_pages: usize = args.first().and_then(|n| n.parse().ok()).unwrap_or(100);
    let dir = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/ocr-dev"));
    let Ok(truth) = std::fs::read_to_string(dir.join("truth.json")) else {
        println!("ocr bench skipped: no {}", dir.join("truth.json").display());
        return;
    };
    if clippings::ocr::Engine::find().is_err() {
        println!("ocr bench skipped: tesseract is not installed");
        return;
    }
    let truth: HashMap<String, serde_json::Value> = serde_json::from_str(&truth).unwrap();
    let mut names: Vec<&String> = truth.keys().collect();
    names.sort();
    // The corpus's pages as pictures, with their languages.
    let mut pages: Vec<(image::GrayImage, &str)> = Vec::new();
    for name in names {
        let lang = match truth[name]["lang"].as_str().unwrap_or("en") {
            "ru" => "rus",
            "kk" => "kaz",
            "fr" => "fra",
            _ => "eng",
        };
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let drawn = if name.ends_with(".pdf") {
            clippings::import::formats::pdf::page_pictures(bytes, 300.0, 1)
        } else {
            vec![image::load_from_memory(&bytes).unwrap().to_luma8()]
        };
        pages.extend(drawn.into_iter().map(|p| (p, lang)));
    }
    let tmp = tempfile::tempdir().unwrap();
    let inbox = tmp.path().join("in");
    std::fs::create_dir_all(&inbox).unwrap();
    let mut files: Vec<(PathBuf, &str)> = Vec::new();
    for i in 0..n_pages {
        let (page, lang) = &pages[i % pages.len()];
        let mut page = page.clone();
        // A pixel of its own in a corner: every copy is a file of its own to the archive.
        let x = (i as u32) % page.width();
        page.put_pixel(x, 0, image::Luma([(i % 200) as u8]));
        let path = inbox.join(format!("page-{i:03}.png"));
        page.save(&path).unwrap();
        files.push((path, lang));
    }
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    println!("ocr: {n_pages} scanned pages made from {} pages of {}, {cores} cores", pages.len(), dir.display());

    // Ours: imported, then read.
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let report = archive.import(std::slice::from_ref(&inbox), &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let ids = archive.scans_among(&report.imported_ids(), false);
    assert_eq!(ids.len(), n_pages, "every page imported and waiting to be read");
    let start = Instant::now();
    let read = archive.read_scans(&ids, None, &|_, _, _| {}, &AtomicBool::new(false)).unwrap();
    let ours = start.elapsed().as_secs_f64();
    println!(
        "  ours:      {:6.1} s  ({} read as text, {} pictures, {} failed)  {:5.1} pages/min  {:4.2} s a page a core",
        ours,
        read.read.len(),
        read.pictures.len(),
        read.failed.len(),
        n_pages as f64 * 60.0 / ours,
        ours * cores as f64 / n_pages as f64
    );

    // The tesseract command, told each page's language, one page a core.
    let start = Instant::now();
    let queue = std::sync::Mutex::new(files.iter());
    std::thread::scope(|s| {
        for _ in 0..cores {
            s.spawn(|| {
                loop {
                    let Some((path, lang)) = queue.lock().unwrap().next() else { break };
                    let out = std::process::Command::new("tesseract")
                        .arg(path)
                        .arg("stdout")
                        .args(["-l", lang])
                        .env("OMP_THREAD_LIMIT", "1")
                        .output()
                        .unwrap();
                    assert!(out.status.success());
                }
            });
        }
    });
    let theirs = start.elapsed().as_secs_f64();
    println!(
        "  tesseract: {:6.1} s  (told the language; no turning, straightening or layout)  {:5.1} pages/min  {:4.2} s a page a core",
        theirs,
        n_pages as f64 * 60.0 / theirs,
        theirs * cores as f64 / n_pages as f64
    );
    println!("  ours / tesseract command: {:.2}x the time (goal: 100 pages on 2 cores within 240 s)", ours / theirs);
}
