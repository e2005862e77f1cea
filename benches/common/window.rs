//! What the benchmarks that run the window share (`#[path]`-included by `ui_frames` and
//! `million`): a frame as eframe draws one, headless; an archive opened by the window as a
//! person starts it; percentiles; the process's memory and a folder's size.

// Each benchmark uses its own part of this.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clippings::ui::{ClippingsApp, Settings};

pub fn input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        events,
        ..Default::default()
    }
}

/// Runs one frame and tessellates it, as eframe does before handing it to the GPU.
pub fn frame(ctx: &egui::Context, app: &mut ClippingsApp, events: Vec<egui::Event>) -> Duration {
    let start = Instant::now();
    let output = ctx.run_ui(input(events), |ui| app.show(ui));
    let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    start.elapsed()
}

/// A wheel step of `dy` points over the middle of the window.
pub fn wheel(dy: f32) -> Vec<egui::Event> {
    vec![
        egui::Event::PointerMoved(egui::pos2(640.0, 400.0)),
        egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, dy),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        },
    ]
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// A `/proc/.../status` line's value in kB.
pub fn status_kb(path: &str, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(path).ok()?;
    status.lines().find_map(|l| l.strip_prefix(key))?.trim().trim_end_matches("kB").trim().parse().ok()
}

/// This process's `/proc/self/status` value, in MB (NaN where there is none).
pub fn own_mb(key: &str) -> f64 {
    status_kb("/proc/self/status", key).map_or(f64::NAN, |kb| kb as f64 / 1024.0)
}

pub fn walk_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => walk_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// The window opened on an archive, and when it showed what.
pub struct Opened {
    pub ctx: egui::Context,
    pub app: ClippingsApp,
    pub first_frame: Duration,
    /// When the first results were drawn, and how many.
    pub first_results: (Duration, usize),
    /// When every clipping was listed and nothing was left to wait for.
    pub all: Duration,
}

/// Opens the window (headless) on an archive as the window's process starts, and draws frames
/// until every clipping is listed. With `CLIPPINGS_LOG_STARTUP=1` the worker's steps are
/// printed, as the window prints them.
pub fn open(dir: PathBuf) -> Opened {
    clippings::ui::tune_allocator();
    let ctx = egui::Context::default();
    let start = Instant::now();
    clippings::ui::start_startup_log(start);
    // Every clipping a card, so that the whole catalog's arrival shows as all of them listed.
    let settings = Settings { collapse_reprints: false, ..Settings::default() };
    let mut app = ClippingsApp::new(&ctx, dir, settings);
    frame(&ctx, &mut app, Vec::new());
    let first_frame = start.elapsed();
    let mut first_results = None;
    while !app.is_idle() || app.n_results() == 0 || app.n_results() < app.state().n_total - app.state().n_trashed {
        frame(&ctx, &mut app, Vec::new());
        clippings::ui::log_startup(app.is_idle(), app.n_results());
        if first_results.is_none() && app.n_results() > 0 {
            first_results = Some((start.elapsed(), app.n_results()));
        }
        std::thread::sleep(Duration::from_millis(2));
        assert!(start.elapsed() < Duration::from_secs(900), "the archive did not open");
    }
    let all = start.elapsed();
    let first_results = first_results.unwrap_or((all, app.n_results()));
    Opened { ctx, app, first_frame, first_results, all }
}

/// Writes `n` text files in folders of 1,000: the corpus's Reuters and BBC stories, each made
/// distinct by a line of its own, or short made-up ones without the corpus. Returns how many
/// corpus stories they were made of.
pub fn make_files(inbox: &Path, n: usize) -> usize {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut sources: Vec<PathBuf> = Vec::new();
    let mut dirs = vec![corpus.join("reuters21578/txt")];
    for topic in ["business", "entertainment", "politics", "sport", "tech"] {
        dirs.push(corpus.join("bbc-news/bbc").join(topic));
    }
    for dir in dirs {
        sources.extend(std::fs::read_dir(dir).into_iter().flatten().filter_map(|e| e.ok().map(|e| e.path())));
    }
    sources.sort();
    let texts: Vec<Vec<u8>> = sources.iter().filter_map(|p| std::fs::read(p).ok()).filter(|b| b.len() > 20).collect();
    for i in 0..n {
        let folder = inbox.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&folder).expect("write the benchmark's files");
        }
        let mut bytes = match texts.get(i % texts.len().max(1)) {
            Some(text) => text.clone(),
            None => format!("Clipping {i} on the Middle Corridor\nKazakhstan and the Benelux discuss transport.")
                .into_bytes(),
        };
        bytes.extend_from_slice(format!("\n\nCopy {i}.\n").as_bytes());
        std::fs::write(folder.join(format!("{i:06}.txt")), bytes).expect("write the benchmark's files");
    }
    texts.len()
}
