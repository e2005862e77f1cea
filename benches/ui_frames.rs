//! Frame cost of the window with 100,000 clippings: CPU time per frame (egui pass plus
//! tessellation, no GPU) while scrolling the grid and the list, median and p99; and cold start
//! on a real archive on disk: an archive of N_ARCHIVE (default 100,000) text clippings made from
//! the corpus's Reuters and BBC stories (or short made-up ones without the corpus) is opened by
//! a fresh process, which prints when its first frame and its first results were drawn, when
//! everything was loaded, and its resident memory then and after browsing (scrolling the grid,
//! a search typed, the list).
//!
//!     cargo bench --bench ui_frames [-- N_CLIPPINGS [N_ARCHIVE [ARCHIVE_DIR]]]
//!
//! With ARCHIVE_DIR, an archive made there by an earlier run is opened again rather than made.

// A benchmark that cannot set up its inputs has nothing to measure: it stops there.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use clippings::archive::catalog::{self, Catalog, Entry};
use clippings::archive::{Clipping, ClippingId, Kind, Tag, TagKind};
use clippings::ui::worker::Reply;
use clippings::ui::{ClippingsApp, Settings, View};

#[path = "common/window.rs"]
mod window;
use window::{frame, input, percentile, walk_size};

const FRAMES: usize = 600;
const COUNTRIES: &[(&str, &str)] =
    &[("BE", "Belgium"), ("KZ", "Kazakhstan"), ("NL", "Netherlands"), ("FR", "France"), ("DE", "Germany")];

fn synthetic(n: usize) -> Vec<Entry> {
    (0..n)
        .map(|i| {
            let kind = if i % 4 == 0 { Kind::Photo } else { Kind::Article };
            let day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new((i % 2000) as u64);
            let clipping = Clipping {
                id: ClippingId(i as u64 + 1),
                kind,
                title: format!("Clipping number {i}: talks on transport and energy cooperation"),
                source: ["DKNews.kz", "Le Soir", "De Tijd", "Reuters"][i % 4].to_owned(),
                published: Some(day),
                imported_at: Utc.timestamp_opt(1_700_000_000 + i as i64, 0).unwrap(),
                original_name: format!("{i}.txt"),
                hash: format!("{:064x}", i),
                byte_size: 4000,
                format: if kind == Kind::Photo { "jpg" } else { "txt" }.to_owned(),
                body: "The parties discussed promising areas of cooperation, the Middle Corridor and green hydrogen. "
                    .repeat(6),
                ..Clipping::default()
            };
            let (code, name) = COUNTRIES[i % COUNTRIES.len()];
            let tags = vec![
                Tag {
                    kind: TagKind::Country,
                    value: code.into(),
                    name: name.into(),
                    date: None,
                    names: Default::default(),
                },
                Tag {
                    kind: TagKind::Topic,
                    value: "transport".into(),
                    name: "transport".into(),
                    date: None,
                    names: Default::default(),
                },
            ];
            Entry::new(clipping, tags)
        })
        .collect()
}

fn wait_ready(ctx: &egui::Context, app: &mut ClippingsApp) {
    let start = Instant::now();
    while !app.is_idle() {
        frame(ctx, app, Vec::new());
        std::thread::sleep(Duration::from_millis(2));
        assert!(start.elapsed() < Duration::from_secs(600), "the archive did not open");
    }
}

fn scroll(ctx: &egui::Context, app: &mut ClippingsApp, view: View, n_entries: usize) -> Vec<Duration> {
    app.apply(ctx, clippings::ui::Action::SetView(view));
    let mut times = Vec::with_capacity(FRAMES);
    for i in 0..FRAMES {
        // Scroll down in big wheel steps, then back up: new rows come into view every frame.
        let dy = if i < FRAMES / 2 { -600.0 } else { 600.0 };
        let events = window::wheel(dy);
        times.push(frame(ctx, app, events));
    }
    let _ = n_entries;
    times.sort();
    times
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    if args.first().map(String::as_str) == Some("--open") {
        open_child(args.get(1).map(std::path::PathBuf::from).expect("an archive folder"));
        return;
    }
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let n_archive: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let tmp = tempfile::tempdir().expect("temporary folder");

    // Cold start on an empty archive: construction and the first frame.
    let ctx = egui::Context::default();
    let start = Instant::now();
    let mut app = ClippingsApp::new(&ctx, tmp.path().join("empty"), Settings::default());
    frame(&ctx, &mut app, Vec::new());
    let first_frame = start.elapsed();
    wait_ready(&ctx, &mut app);

    // Frames over 100,000 clippings: the results arrive as the worker would send them.
    let entries = Catalog::from_entries(synthetic(n)).in_archive();
    let tag_counts = catalog::tag_counts(&entries);
    app.handle_reply(
        &ctx,
        Reply::Results {
            generation: app.generation(),
            entries: Arc::new(entries.clone()),
            reprints: Arc::default(),
            folded: Arc::default(),
            tag_counts,
            n_total: n,
            n_trashed: 0,
            n_inbox: 0,
            texts: None,
        },
    );
    // A frame that draws nothing would be fast and meaningless: make sure the grid is there.
    // The frames right after the results arrive have once drawn only the window's frame here
    // (3,184 vertices, in one run of two, cause not found): frames are drawn until the grid is.
    let mut drawn = (0, 0);
    for _ in 0..200 {
        frame(&ctx, &mut app, Vec::new());
        let output = ctx.run_ui(input(Vec::new()), |ui| app.show(ui));
        let n_shapes = output.shapes.len();
        let n_vertices: usize = ctx
            .tessellate(output.shapes, output.pixels_per_point)
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        drawn = (n_shapes, n_vertices);
        if n_vertices > 10_000 {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let (n_shapes, n_vertices) = drawn;
    assert!(n_vertices > 10_000, "the grid drew only {n_vertices} vertices");
    println!(
        "ui frames: {n} clippings, {FRAMES} frames per view, 1280x800 points, CPU only (egui pass + tessellation)"
    );
    println!("  a still grid frame: {n_shapes} shapes, {n_vertices} vertices");
    let runs = [(View::Grid, false), (View::List, false), (View::Coverage, false), (View::Grid, true)];
    for (view, select_all) in runs {
        if select_all {
            // The bulk pane then sums up all 100,000 selected clippings.
            app.apply(&ctx, clippings::ui::Action::SelectAll);
        }
        let t = scroll(&ctx, &mut app, view, n);
        println!(
            "  {:<5} scrolling{}: median {:6.2} ms  p99 {:6.2} ms  max {:6.2} ms",
            format!("{view:?}"),
            if select_all { ", all selected" } else { "" },
            percentile(&t, 0.5).as_secs_f64() * 1e3,
            percentile(&t, 0.99).as_secs_f64() * 1e3,
            t.last().copied().unwrap_or_default().as_secs_f64() * 1e3
        );
    }
    app.apply(&ctx, clippings::ui::Action::ClearSelection);
    coverage_timings(&ctx, &mut app, &entries);
    frames_while_reading_scans(&ctx, &mut app, n, tmp.path());
    drop(app);

    println!("cold start, empty archive: first frame after {:.1} ms", first_frame.as_secs_f64() * 1e3);

    // Cold start on a real archive on disk, in a process of its own, so that its memory is the
    // window's alone.
    let dir = args.get(2).map(std::path::PathBuf::from).unwrap_or_else(|| tmp.path().join("archive"));
    if !dir.join("db").exists() {
        make_archive(&dir, &tmp.path().join("inbox"), n_archive);
    }
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .arg("--open")
        .arg(&dir)
        .status()
        .expect("start the opening process");
    assert!(status.success(), "the opening process failed");
}

/// Grid frames while scans are read as text beside the window: the corpus's scanned pages
/// (`ocr-dev`) read by `Archive::read_scans` on a thread, tesseract on every core (niced),
/// as after an import of scans. Skipped without tesseract or the corpus.
fn frames_while_reading_scans(ctx: &egui::Context, app: &mut ClippingsApp, n: usize, tmp: &std::path::Path) {
    let pages = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/ocr-dev");
    if clippings::ocr::Engine::find().is_err() || !pages.is_dir() {
        println!("  (frames while scans are read: skipped, no tesseract or no corpus)");
        return;
    }
    let archive = std::sync::Arc::new(clippings::archive::Archive::open(&tmp.join("scans")).unwrap());
    let report = archive.import(&[pages], &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let ids = archive.scans_among(&report.imported_ids(), false);
    let done = std::sync::Arc::new(AtomicBool::new(false));
    let reader = {
        let (archive, done) = (archive.clone(), done.clone());
        std::thread::spawn(move || {
            let read = archive.read_scans(&ids, None, &|_, _, _| {}, &AtomicBool::new(false));
            done.store(true, std::sync::atomic::Ordering::Relaxed);
            read.map(|r| r.read.len()).unwrap_or(0)
        })
    };
    // Grid frames as long as the reading goes on (at least one round).
    let mut times = Vec::new();
    while times.is_empty() || !done.load(std::sync::atomic::Ordering::Relaxed) {
        times.extend(scroll(ctx, app, View::Grid, n));
    }
    let n_read = reader.join().unwrap();
    times.sort();
    println!(
        "  Grid  scrolling while {n_read} scans are read: median {:6.2} ms  p99 {:6.2} ms  max {:6.2} ms ({} frames)",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
        times.len()
    );
}

/// The coverage view over new results, as a search brings them: the frame after each set of
/// results arrives counts them again and draws the chart. Timed for 20 sets (every clipping,
/// then every 2nd… 20th), beside SQLite counting the same clippings per month and country with
/// GROUP BY in the same run (an in-memory table, the query prepared, the rows read out).
fn coverage_timings(ctx: &egui::Context, app: &mut ClippingsApp, entries: &[Arc<Entry>]) {
    use clippings::archive::coverage::{self, GroupBy, Per};
    app.apply(ctx, clippings::ui::Action::SetView(View::Coverage));
    let mut drawn = Vec::new();
    let mut counted = Vec::new();
    let mut sqlite = Vec::new();
    let db = rusqlite::Connection::open_in_memory().unwrap();
    for step in 1..=20usize {
        let subset: Vec<Arc<Entry>> = entries.iter().step_by(step).cloned().collect();
        let n = subset.len();
        let tag_counts = catalog::tag_counts(&subset);
        app.handle_reply(
            ctx,
            Reply::Results {
                generation: app.generation(),
                entries: Arc::new(subset.clone()),
                reprints: Arc::default(),
                folded: Arc::default(),
                tag_counts,
                n_total: entries.len(),
                n_trashed: 0,
                n_inbox: 0,
                texts: None,
            },
        );
        drawn.push(frame(ctx, app, Vec::new()));

        let start = Instant::now();
        let ours =
            coverage::count(subset.iter().map(|e| (&e.card, e.tags())), GroupBy::Country, Per::Month, None, None);
        counted.push(start.elapsed());

        db.execute_batch("DROP TABLE IF EXISTS t; CREATE TABLE t (day TEXT, country TEXT);").unwrap();
        let tx = db.unchecked_transaction().unwrap();
        {
            let mut insert = tx.prepare("INSERT INTO t VALUES (?1, ?2)").unwrap();
            for e in &subset {
                for tag in e.tags().iter().filter(|t| t.kind == TagKind::Country) {
                    insert.execute((e.card.date().to_string(), tag.value.as_str())).unwrap();
                }
            }
        }
        tx.commit().unwrap();
        let start = Instant::now();
        let mut query =
            db.prepare_cached("SELECT substr(day, 1, 7) AS m, country, count(*) FROM t GROUP BY m, country").unwrap();
        let rows: Vec<(String, String, i64)> =
            query.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect();
        sqlite.push(start.elapsed());
        let total: i64 = rows.iter().map(|r| r.2).sum();
        assert_eq!(total as usize, ours.buckets.iter().map(|b| b.count).sum::<usize>(), "{n} clippings");
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let report = |name: &str, mut t: Vec<Duration>| {
        t.sort();
        println!(
            "  {name:<44} median {:6.2} ms  p95 {:6.2} ms  max {:6.2} ms",
            ms(percentile(&t, 0.5)),
            ms(percentile(&t, 0.95)),
            ms(*t.last().unwrap())
        );
        percentile(&t, 0.5)
    };
    println!("coverage view, 20 result sets of {} down to {} clippings:", entries.len(), entries.len() / 20);
    report("results to chart drawn (count + frame)", drawn);
    let ours = report("counting per month and country (ours)", counted);
    let theirs = report("the same with SQLite GROUP BY", sqlite);
    println!("  counting: SQLite's time / ours = {:.2}", theirs.as_secs_f64() / ours.as_secs_f64().max(1e-9));
}

/// Imports `n` text clippings into a new archive at `dir`: the corpus's Reuters and BBC stories
/// (each made distinct by a line of its own), or short made-up ones without the corpus. The
/// countries found are made tags on the way in, as a press office that files by country does
/// (Import › "Tag the countries found"): the catalog holds the tags, as it would.
fn make_archive(dir: &std::path::Path, inbox: &std::path::Path, n: usize) {
    let n_texts = window::make_files(inbox, n);
    let archive = clippings::archive::Archive::open(dir).unwrap();
    archive.set_accept_countries_on_import(true).unwrap();
    let start = Instant::now();
    let report = archive.import(&[inbox.to_owned()], &mut |_| {}, &AtomicBool::new(false)).unwrap();
    // As `clippings import` ends.
    archive.close_after_import(clippings::archive::catalog::REWRITE_CATALOG_ABOVE).unwrap();
    let size: u64 = walk_size(dir);
    println!(
        "  (made an archive of {} {} text clippings, tagged with their countries, in {:.0} s to open: {:.0} MB on \
         disk)",
        report.n_imported(),
        if n_texts == 0 { "made-up" } else { "Reuters and BBC" },
        start.elapsed().as_secs_f64(),
        size as f64 / 1e6
    );
    let _ = std::fs::remove_dir_all(inbox);
}

/// Resident memory now, at its peak, and the part of it that is files mapped in (the search
/// index's pages, which the kernel may drop at any time), in MB.
fn resident_parts_mb() -> (f64, f64, f64) {
    (window::own_mb("VmRSS:"), window::own_mb("VmHWM:"), window::own_mb("RssFile:"))
}

/// The opening process: the window (headless) on an archive, as a user starts it.
fn open_child(dir: std::path::PathBuf) {
    let window::Opened { ctx, mut app, first_frame, first_results: (first, n_first), all } = window::open(dir);
    let (rss_open, _, files_open) = resident_parts_mb();
    println!(
        "cold start, {} clippings on disk (a process of its own): first frame after {:.0} ms, first {} results \
         shown after {:.0} ms (goal <= 500 ms), all {} after {:.0} ms; resident {:.0} MB ({:.0} MB of it files \
         mapped in)",
        app.state().n_total,
        first_frame.as_secs_f64() * 1e3,
        n_first,
        first.as_secs_f64() * 1e3,
        app.n_results(),
        all.as_secs_f64() * 1e3,
        rss_open,
        files_open
    );
    // Browsing: scroll the grid, type a search, scroll the list.
    scroll(&ctx, &mut app, View::Grid, 0);
    for word in ["o", "oi", "oil"] {
        app.apply(&ctx, clippings::ui::Action::SetSearch(word.to_owned()));
        wait_ready(&ctx, &mut app);
    }
    let n_oil = app.n_results();
    scroll(&ctx, &mut app, View::List, 0);
    app.apply(&ctx, clippings::ui::Action::SetSearch(String::new()));
    wait_ready(&ctx, &mut app);
    let (rss, peak, files) = resident_parts_mb();
    println!(
        "  after browsing (grid scrolled, \"oil\" typed: {n_oil} hits, list scrolled): resident {rss:.0} MB \
         ({files:.0} MB of it files mapped in), peak {peak:.0} MB (goal <= 300 MB)"
    );
}
