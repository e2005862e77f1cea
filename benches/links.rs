//! Clippings by address: N pages (default 100; real pages from ../shared/corpus/trafilatura-dev
//! where it is, else pages made here) served by a loopback server this benchmark starts, and
//! imported by their addresses into a fresh archive, against the same pages imported as files
//! into another, alternately, three runs each. The goal: by address no slower than from files
//! plus one second (fetching overlaps nothing but itself: a few pages at a time, then the same
//! pipeline). For reference, in the same run, curl downloads the same addresses six at a time
//! (`xargs -P6`), as a script would. Printed: each median, the difference and the ratio.
//!
//!     cargo bench --bench links [-- N [CORPUS_DIR]]

// A benchmark that cannot set up its inputs has nothing to measure: it stops there.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "../tests/common/http.rs"]
mod http;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use clippings::archive::Archive;

fn pages(n: usize, corpus: &Path) -> Vec<(String, Vec<u8>)> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(corpus)
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "html")).collect())
        .unwrap_or_default();
    names.sort();
    if names.len() >= n {
        return names
            .iter()
            .take(n)
            .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap()))
            .collect();
    }
    println!("(no {}: pages made here)", corpus.display());
    (0..n)
        .map(|i| {
            let paragraphs: String = (0..12)
                .map(|p| format!("<p>Paragraph {p} of story {i}: ministers from Kazakhstan and Belgium met in Brussels to discuss the Middle Corridor, cargo across the Caspian Sea and the ports of Aktau and Kuryk.</p>"))
                .collect();
            let html = format!("<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1>{paragraphs}</article></body></html>");
            (format!("story-{i}.html"), html.into_bytes())
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let n: usize = args.first().and_then(|n| n.parse().ok()).unwrap_or(100);
    let corpus = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/trafilatura-dev/pages"));
    let pages = pages(n, &corpus);
    let server = http::PageServer::start();
    let tmp = tempfile::tempdir().unwrap();
    let inbox = tmp.path().join("in");
    let mut addresses = Vec::new();
    for (i, (name, bytes)) in pages.iter().enumerate() {
        std::fs::create_dir_all(&inbox).unwrap();
        std::fs::write(inbox.join(name), bytes).unwrap();
        let path = format!("/pages/{i}.html");
        server.serve(&path, http::Answer::Ok { media_type: "text/html", body: bytes.clone() });
        addresses.push(server.url(&path));
    }
    let never = AtomicBool::new(false);
    same_text_either_way(&pages, &inbox, &addresses, tmp.path());
    let (mut by_file, mut by_address, mut by_curl) = (Vec::new(), Vec::new(), Vec::new());
    let mut imported = (0, 0);
    for run in 0..3 {
        let archive = Archive::open(&tmp.path().join(format!("files-{run}"))).unwrap();
        let started = Instant::now();
        let report = archive.import(std::slice::from_ref(&inbox), &mut |_| {}, &never).unwrap();
        by_file.push(started.elapsed().as_secs_f64());
        imported.0 = report.n_imported();
        drop(archive);

        let archive = Archive::open(&tmp.path().join(format!("links-{run}"))).unwrap();
        let started = Instant::now();
        let report = archive.import_addresses(&addresses, &mut |_| {}, &never).unwrap();
        by_address.push(started.elapsed().as_secs_f64());
        imported.1 = report.n_imported();
        if run == 0 {
            for o in
                report.outcomes.iter().filter(|o| !matches!(o.outcome, clippings::import::Outcome::Imported { .. }))
            {
                println!("  by address, not imported: {o}");
            }
        }
        drop(archive);

        let out = tmp.path().join(format!("curl-{run}"));
        std::fs::create_dir_all(&out).unwrap();
        let started = Instant::now();
        let curl = std::process::Command::new("sh")
            .arg("-c")
            .arg("xargs -P6 -n1 curl -s --max-time 30 -O")
            .current_dir(&out)
            .stdin(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take().unwrap().write_all(addresses.join("\n").as_bytes())?;
                child.wait()
            });
        if curl.is_ok_and(|s| s.success()) {
            by_curl.push(started.elapsed().as_secs_f64());
        }
    }
    let (file, address) = (median(by_file), median(by_address));
    println!("{n} pages ({} imported from files, {} by address)", imported.0, imported.1);
    println!("  from files:   {file:.2} s (median of 3)");
    println!("  by address:   {address:.2} s (median of 3), {:+.2} s, ratio {:.2}", address - file, address / file);
    if !by_curl.is_empty() {
        println!("  curl alone:   {:.2} s (median of 3, downloads only, six at a time)", median(by_curl));
    }
    println!("  goal: by address <= from files + 1 s: {}", if address <= file + 1.0 { "met" } else { "NOT met" });
}

/// Whether each page reads the same by address as from its file: title, text, outlet, author
/// and date.
fn same_text_either_way(pages: &[(String, Vec<u8>)], inbox: &Path, addresses: &[String], tmp: &Path) {
    use clippings::import::Outcome;
    let never = AtomicBool::new(false);
    let files = Archive::open(&tmp.join("same-files")).unwrap();
    let links = Archive::open(&tmp.join("same-links")).unwrap();
    let from_files = files.import(&[inbox.to_path_buf()], &mut |_| {}, &never).unwrap();
    let by_links = links.import_addresses(addresses, &mut |_| {}, &never).unwrap();
    let read = |archive: &Archive, outcome: &Outcome| match outcome {
        Outcome::Imported { id, .. } | Outcome::Duplicate { id, .. } => {
            let c = archive.get(*id).ok()?;
            Some((c.title, c.body, c.source, c.author, c.published))
        }
        _ => None,
    };
    let mut same = 0;
    for (i, (name, _)) in pages.iter().enumerate() {
        let file =
            from_files.outcomes.iter().find(|o| o.path.file_name().is_some_and(|n| n.to_string_lossy() == *name));
        let link = by_links.outcomes.iter().find(|o| o.path.to_string_lossy() == addresses[i]);
        let (Some(file), Some(link)) = (file, link) else { continue };
        match (read(&files, &file.outcome), read(&links, &link.outcome)) {
            (Some(a), Some(b)) if a == b => same += 1,
            (a, b) => println!("  differs: {name}: {:?} / {:?}", a.map(|a| a.0), b.map(|b| b.0)),
        }
    }
    println!("{same} of {} pages read the same by address as from their files", pages.len());
}
