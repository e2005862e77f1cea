//! Import throughput against a reference thumbnailer. Copies ../shared/corpus/photos-camera to
//! at least 100 distinct files (a trailing byte after each JPEG's end makes every copy unique),
//! imports them into a fresh archive (hash, copy, EXIF, 256 px thumbnail, database) and, in the
//! same run, has `vipsthumbnail` (Debian libvips-tools) make 256 px thumbnails of the same files.
//!
//! Then PDFs: the corpus's PDFs, four distinct copies of each, imported (text, Info, first page
//! drawn as the 256 px thumbnail, database), beside poppler doing the same work on the same
//! files (`pdftotext` for the text, `pdftoppm` for the first page at 256 px), when it is here.
//!
//! Then text articles: N_TEXTS (default 10,000) stories made from the corpus's Reuters and BBC
//! texts (each made distinct by a line of its own), imported end to end: hash, copy, parse,
//! language, suggestions, database and search index, committed as the import commits them.
//!
//!     cargo bench --bench import [-- CORPUS_DIR [N_FILES [N_TEXTS]]]

// A benchmark that cannot set up its inputs has nothing to measure: it stops there.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use clippings::archive::Archive;

const ROUNDS: usize = 3;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let corpus = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/photos-camera"));
    let n_files: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(120);
    let sources: Vec<PathBuf> = match std::fs::read_dir(&corpus) {
        Ok(dir) => {
            let mut v: Vec<PathBuf> = dir
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("jpg")))
                .collect();
            v.sort();
            v
        }
        Err(e) => {
            println!("import bench skipped: cannot read {}: {e}", corpus.display());
            return;
        }
    };
    if sources.is_empty() {
        println!("import bench skipped: no JPEGs in {}", corpus.display());
        return;
    }

    let work = tempfile::tempdir().expect("temporary folder");
    let inbox = work.path().join("inbox");
    std::fs::create_dir_all(&inbox).expect("inbox");
    let mut files = Vec::new();
    let mut n_bytes = 0u64;
    for i in 0..n_files {
        let src = &sources[i % sources.len()];
        let mut bytes = std::fs::read(src).expect("read corpus photo");
        bytes.extend_from_slice(&(i as u32).to_le_bytes());
        n_bytes += bytes.len() as u64;
        let dest = inbox.join(format!("{i:04}.jpg"));
        std::fs::write(&dest, bytes).expect("write copy");
        files.push(dest);
    }
    println!(
        "import bench: {} files ({:.1} MB) made from {} camera JPEGs in {}",
        files.len(),
        n_bytes as f64 / 1e6,
        sources.len(),
        corpus.display()
    );

    let vips = Command::new("vipsthumbnail").arg("--vips-version").output().is_ok();
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for round in 0..ROUNDS {
        let archive_dir = work.path().join(format!("archive-{round}"));
        let archive = Archive::open(&archive_dir).expect("open archive");
        let start = Instant::now();
        let report =
            archive.import(std::slice::from_ref(&inbox), &mut |_| {}, &AtomicBool::new(false)).expect("import");
        ours.push(start.elapsed());
        assert_eq!(report.n_imported(), files.len(), "{}", report.summary());
        drop(archive);
        std::fs::remove_dir_all(&archive_dir).ok();

        if vips {
            let out = work.path().join(format!("vips-{round}"));
            std::fs::create_dir_all(&out).expect("vips out");
            let start = Instant::now();
            // vipsthumbnail is single-threaded per file; give it both cores as we use both.
            let halves: Vec<&[PathBuf]> = files.chunks(files.len().div_ceil(2)).collect();
            let children: Vec<_> = halves
                .iter()
                .map(|half| {
                    Command::new("vipsthumbnail")
                        .args(["--size", "256", "-o"])
                        .arg(format!("{}/%s.jpg[Q=85]", out.display()))
                        .args(*half)
                        .spawn()
                        .expect("run vipsthumbnail")
                })
                .collect();
            for mut c in children {
                assert!(c.wait().expect("wait vipsthumbnail").success());
            }
            theirs.push(start.elapsed());
        }
    }
    let best = |v: &[Duration]| v.iter().min().copied().unwrap_or_default();
    let rate = |d: Duration| files.len() as f64 / d.as_secs_f64();
    let (o, t) = (best(&ours), best(&theirs));
    println!(
        "clippings import:  {:7.1} photos/s  (best of {ROUNDS}: {:.3} s; hash, copy, EXIF, thumbnail, db)",
        rate(o),
        o.as_secs_f64()
    );
    if vips {
        println!(
            "vipsthumbnail:     {:7.1} photos/s  (best of {ROUNDS}: {:.3} s; 2 processes, thumbnails only)",
            rate(t),
            t.as_secs_f64()
        );
        println!("ratio (clippings / vipsthumbnail throughput): {:.2}x", rate(o) / rate(t));
    } else {
        println!("vipsthumbnail not found (apt-get install libvips-tools): no reference figure");
    }
    pdfs(&corpus.join("../pdf"), work.path());
    let n_texts: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(10_000);
    texts(&corpus.join(".."), work.path(), n_texts);
}

/// Imports four distinct copies of every PDF under `corpus`, then has poppler read the same files.
fn pdfs(corpus: &Path, work: &Path) {
    let sources: Vec<PathBuf> = walkdir::WalkDir::new(corpus)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
        .collect();
    if sources.is_empty() {
        println!("PDF import bench skipped: no PDFs under {}", corpus.display());
        return;
    }
    let inbox = work.join("pdfs");
    std::fs::create_dir_all(&inbox).expect("PDF folder");
    let mut files = Vec::new();
    for copy in 0..4 {
        for (i, src) in sources.iter().enumerate() {
            let mut bytes = std::fs::read(src).expect("read corpus PDF");
            // A comment after the end: readers ignore it, and the copy has a hash of its own.
            bytes.extend_from_slice(format!("\n% copy {copy}\n").as_bytes());
            let dest = inbox.join(format!("{copy}-{i:03}.pdf"));
            std::fs::write(&dest, bytes).expect("write PDF copy");
            files.push(dest);
        }
    }
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    let poppler = Command::new("pdftoppm").arg("-v").output().is_ok();
    let mut n_imported = 0;
    let mut n_pictured = 0;
    for round in 0..ROUNDS {
        let archive_dir = work.join(format!("archive-pdfs-{round}"));
        let archive = Archive::open(&archive_dir).expect("open archive");
        let start = Instant::now();
        let report =
            archive.import(std::slice::from_ref(&inbox), &mut |_| {}, &AtomicBool::new(false)).expect("import");
        ours.push(start.elapsed());
        n_imported = report.n_imported();
        n_pictured = archive.all_clippings().expect("clippings").iter().filter(|c| c.has_thumbnail).count();
        drop(archive);
        std::fs::remove_dir_all(&archive_dir).ok();
        if poppler {
            let out = work.join(format!("poppler-{round}"));
            std::fs::create_dir_all(&out).expect("poppler out");
            let start = Instant::now();
            // One file at a time in each of two threads, as the import uses both cores.
            std::thread::scope(|scope| {
                for (half, chunk) in files.chunks(files.len().div_ceil(2)).enumerate() {
                    let out = &out;
                    scope.spawn(move || {
                        for (i, file) in chunk.iter().enumerate() {
                            let stem = out.join(format!("{half}-{i}"));
                            // Broken and encrypted files fail here as they fail in the import.
                            let _ = Command::new("pdftotext").arg(file).arg(stem.with_extension("txt")).output();
                            let _ = Command::new("pdftoppm")
                                .args(["-f", "1", "-l", "1", "-scale-to", "256", "-jpeg", "-singlefile"])
                                .arg(file)
                                .arg(&stem)
                                .output();
                        }
                    });
                }
            });
            theirs.push(start.elapsed());
        }
    }
    let best = |v: &[Duration]| v.iter().min().copied().unwrap_or_default();
    let rate = |d: Duration| files.len() as f64 / d.as_secs_f64();
    let (o, t) = (best(&ours), best(&theirs));
    println!(
        "clippings import:  {:7.1} PDFs/s  (best of {ROUNDS}: {:.3} s for {} files from {} in the corpus; \
         {n_imported} imported, {n_pictured} with their first page drawn; text, Info, thumbnail, db)",
        rate(o),
        o.as_secs_f64(),
        files.len(),
        sources.len()
    );
    if poppler {
        println!(
            "poppler:           {:7.1} PDFs/s  (best of {ROUNDS}: {:.3} s; pdftotext and pdftoppm -scale-to 256, \
             2 threads, a process each)",
            rate(t),
            t.as_secs_f64()
        );
        println!("ratio (clippings / poppler throughput): {:.2}x", rate(o) / rate(t));
    } else {
        println!("pdftoppm not found (apt-get install poppler-utils): no reference figure");
    }
}

/// Imports `n` text stories made from the corpus's Reuters and BBC texts; prints stories/s.
fn texts(corpus: &Path, work: &Path, n: usize) {
    let mut sources: Vec<PathBuf> = Vec::new();
    let reuters = corpus.join("reuters21578/txt");
    sources.extend(std::fs::read_dir(&reuters).into_iter().flatten().filter_map(|e| e.ok().map(|e| e.path())));
    for topic in ["business", "entertainment", "politics", "sport", "tech"] {
        let dir = corpus.join("bbc-news/bbc").join(topic);
        sources.extend(std::fs::read_dir(&dir).into_iter().flatten().filter_map(|e| e.ok().map(|e| e.path())));
    }
    sources.sort();
    let texts: Vec<Vec<u8>> = sources.iter().filter_map(|p| std::fs::read(p).ok()).filter(|b| b.len() > 20).collect();
    if texts.is_empty() {
        println!("text import bench skipped: no Reuters or BBC texts under {}", corpus.display());
        return;
    }
    let inbox = work.join("texts");
    let mut n_bytes = 0;
    for i in 0..n {
        let mut bytes = texts[i % texts.len()].clone();
        bytes.extend_from_slice(format!("\n\nCopy {i}.\n").as_bytes());
        n_bytes += bytes.len();
        let dir = inbox.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&dir).expect("text folder");
        std::fs::write(dir.join(format!("{i:06}.txt")), bytes).expect("write text");
    }
    let archive = Archive::open(&work.join("archive-texts")).expect("open archive");
    // The peak resident memory from here on: writing 5 to clear_refs resets it (Linux).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let cpu_before = cpu_seconds();
    let start = Instant::now();
    let report = archive.import(std::slice::from_ref(&inbox), &mut |_| {}, &AtomicBool::new(false)).expect("import");
    let took = start.elapsed();
    let cpu = cpu_seconds().zip(cpu_before).map(|((u1, s1), (u0, s0))| (u1 - u0, s1 - s0));
    assert_eq!(report.n_imported(), n, "{}", report.summary());
    println!(
        "clippings import:  {:7.0} text stories/s  ({n} stories, {:.0} MB, {:.2} s; hash, copy, parse, language, \
         suggestions, db, index; goal >= 2,000/s)",
        n as f64 / took.as_secs_f64(),
        n_bytes as f64 / 1e6,
        took.as_secs_f64()
    );
    let p = report.phases;
    let peak_mb = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| l.strip_prefix("VmHWM:").map(|v| v.trim().trim_end_matches("kB").trim().to_owned()))
        })
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or_else(|| "unknown".to_owned(), |kb| format!("{:.0} MB", kb / 1024.0));
    println!(
        "  phases (wall time; reading runs on all cores while a thread commits, so they overlap): \
         read, parse, language, suggestions {:.1} s; file sync {:.1} s; database {:.1} s; index {:.1} s. \
         Peak resident memory {peak_mb}",
        p.read.as_secs_f64(),
        p.sync.as_secs_f64(),
        p.db.as_secs_f64(),
        p.index.as_secs_f64()
    );
    let n_cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    if let Some((user, system)) = cpu {
        println!(
            "  CPU time: {user:.1} s user + {system:.1} s system = {:.0}% of {n_cores} cores over the import; \
             {:.2} ms of CPU per story",
            (user + system) / took.as_secs_f64() / n_cores as f64 * 100.0,
            (user + system) * 1000.0 / n as f64,
        );
    }
    // What finding reprints costs: the signatures made during the import (timed here alone, on
    // one thread, against the import's time on all cores), and grouping the stories, which the
    // window does after opening and after each import.
    let bodies: Vec<String> = (0..n).map(|i| String::from_utf8_lossy(&texts[i % texts.len()]).into_owned()).collect();
    let start = Instant::now();
    let n_signed = bodies.iter().filter(|b| clippings::search::stories::signature(b).is_some()).count();
    let signing = start.elapsed();
    let start = Instant::now();
    let stories = archive.story_groups().expect("stories");
    let grouping = start.elapsed();
    println!(
        "reprints: signatures of {n_signed} texts {:.2} s on one thread, {:.1}% of the import's time on {n_cores} cores \
         (goal <= 10%); grouping {n} clippings {:.2} s ({} in stories of two or more)",
        signing.as_secs_f64(),
        signing.as_secs_f64() / n_cores as f64 / took.as_secs_f64() * 100.0,
        grouping.as_secs_f64(),
        stories.len()
    );
}

/// This process's CPU time so far, user and system, in seconds (Linux: /proc/self/stat).
fn cpu_seconds() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    let ticks = |i: usize| fields.get(i)?.parse::<f64>().ok().map(|t| t / 100.0);
    Some((ticks(11)?, ticks(12)?))
}
