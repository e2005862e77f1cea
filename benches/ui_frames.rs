//! Frame cost of the window with 100,000 clippings: CPU time per frame (egui pass plus
//! tessellation, no GPU) while scrolling the grid and the list, median and p99; and cold start:
//! from creating the app to its first frame, and to the first results on a real archive.
//!
//!     cargo bench --bench ui_frames [-- N_CLIPPINGS [N_ARCHIVE]]

// A benchmark that cannot set up its inputs has nothing to measure: it stops there.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use clippings::archive::{Clipping, ClippingId, Kind, Tag, TagKind};
use clippings::search::catalog::{self, Catalog, Entry};
use clippings::ui::worker::Reply;
use clippings::ui::{ClippingsApp, Settings, View};

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
                Tag { kind: TagKind::Country, value: code.into(), name: name.into(), date: None },
                Tag { kind: TagKind::Topic, value: "transport".into(), name: "transport".into(), date: None },
            ];
            Entry::new(clipping, tags)
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        events,
        ..Default::default()
    }
}

/// Runs one frame and tessellates it, as eframe does before handing it to the GPU.
fn frame(ctx: &egui::Context, app: &mut ClippingsApp, events: Vec<egui::Event>) -> Duration {
    let start = Instant::now();
    let output = ctx.run_ui(input(events), |ui| app.show(ui));
    let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    start.elapsed()
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
        let events = vec![
            egui::Event::PointerMoved(egui::pos2(640.0, 400.0)),
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, dy),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: egui::Modifiers::NONE,
            },
        ];
        times.push(frame(ctx, app, events));
    }
    let _ = n_entries;
    times.sort();
    times
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let n_archive: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(20_000);
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
            entries: Arc::new(entries),
            reprints: Arc::default(),
            tag_counts,
            n_total: n,
            n_trashed: 0,
        },
    );
    for _ in 0..5 {
        frame(&ctx, &mut app, Vec::new());
    }
    // A frame that draws nothing would be fast and meaningless: make sure the grid is there.
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
    assert!(n_vertices > 10_000, "the grid drew only {n_vertices} vertices");
    println!(
        "ui frames: {n} clippings, {FRAMES} frames per view, 1280x800 points, CPU only (egui pass + tessellation)"
    );
    println!("  a still grid frame: {n_shapes} shapes, {n_vertices} vertices");
    let runs = [(View::Grid, false), (View::List, false), (View::Grid, true)];
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
    drop(app);

    // Cold start on a real archive of text clippings.
    let dir = tmp.path().join("archive");
    {
        let inbox = tmp.path().join("inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        for i in 0..n_archive {
            let text =
                format!("Clipping {i} on the Middle Corridor\nKazakhstan and the Benelux discuss transport. {i}");
            std::fs::write(inbox.join(format!("{i:06}.txt")), text).unwrap();
        }
        let archive = clippings::archive::Archive::open(&dir).unwrap();
        let start = Instant::now();
        let report = archive.import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap();
        println!(
            "  (made an archive of {} text clippings in {:.1} s to open)",
            report.n_imported(),
            start.elapsed().as_secs_f64()
        );
    }
    let ctx = egui::Context::default();
    let start = Instant::now();
    let mut app = ClippingsApp::new(&ctx, dir, Settings::default());
    frame(&ctx, &mut app, Vec::new());
    let first_frame_real = start.elapsed();
    wait_ready(&ctx, &mut app);
    let results = start.elapsed();
    println!("cold start, empty archive: first frame after {:.1} ms", first_frame.as_secs_f64() * 1e3);
    println!(
        "cold start, {n_archive} clippings: first frame after {:.1} ms, results shown after {:.0} ms",
        first_frame_real.as_secs_f64() * 1e3,
        results.as_secs_f64() * 1e3
    );
}
