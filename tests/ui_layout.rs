//! The window's layout with data of real shapes and sizes, at the sizes people use: a press
//! photo with 35 keywords, an article with a 200-character title, a long unbroken web address,
//! a dozen suggested countries, Russian and Kazakh text. Every panel keeps a usable width,
//! nothing is drawn outside the window, and the pane shows what was just changed.
// Helpers outside #[test] functions panic on purpose: a failed set-up is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use clippings::archive::Archive;
use clippings::i18n::Lang;
use clippings::ui::{ClippingsApp, Settings, View};
use common::*;
use egui::Rect;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use window::settle;

const SIZES: [[f32; 2]; 3] = [[800.0, 600.0], [1280.0, 800.0], [1600.0, 1000.0]];

const LONG_TITLE: &str = "Kazakhstan, Belgium, the Netherlands and Luxembourg agree on a Middle Corridor \
    roadmap for freight, green hydrogen and digital connectivity at the Astana International Forum in Brussels";

const PHOTO_TITLE: &str = "Lincoln Memorial at dusk";

/// An archive with the real-shaped clippings, closed before the window opens it.
fn archive_of_real_shapes(tmp: &Path) -> PathBuf {
    let dir = tmp.join("archive");
    let inbox = tmp.join("inbox");
    let keywords: Vec<String> = (0..35).map(|i| format!("keyword number {i} of a press agency")).collect();
    let mut iptc: Vec<(u8, &str)> =
        vec![(105, PHOTO_TITLE), (120, "The memorial lit at dusk, seen from the reflecting pool")];
    iptc.extend(keywords.iter().map(|k| (25u8, k.as_str())));
    iptc.push((110, "Agency photographer / Press Agency"));
    write(&inbox, "press.jpg", with_segments(&unique_jpeg(5, 640, 480), &[(0xED, iptc_app13(&iptc))]));
    let countries = "Kazakhstan, Belgium, the Netherlands, Luxembourg, Germany, France, Italy, Spain, Poland, \
        Turkey, Georgia, Azerbaijan and China";
    let url = format!("https://example.org/{}", "a".repeat(300));
    write(
        &inbox,
        "long.txt",
        format!(
            "{LONG_TITLE}\n\nBRUSSELS - Ministers of {countries} met. {countries} signed.\n\n{url}\n\n{}",
            "Text. ".repeat(400)
        ),
    );
    write(
        &inbox,
        "ru.txt",
        "Переговоры в Брюсселе о Среднем коридоре\n\nМинистры Казахстана и Бельгии обсудили транспорт.",
    );
    write(&inbox, "kk.txt", "Қазақстан мен Бельгия Орта дәліз туралы келісті\n\nЕкі елдің министрлері кездесті.");
    let archive = Archive::open(&dir).unwrap();
    let report = archive.import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(report.n_imported(), 4, "{report:#?}");
    dir
}

fn harness(dir: &Path, size: [f32; 2], view: View) -> Harness<'static, ClippingsApp> {
    // The window of the step before lets go of the archive on its worker thread, a moment
    // after it is dropped.
    let start = Instant::now();
    while Archive::open(dir).is_err() {
        assert!(start.elapsed() < Duration::from_secs(30), "the archive stayed locked");
        std::thread::sleep(Duration::from_millis(20));
    }
    let dir = dir.to_path_buf();
    let settings = Settings { view, language: Some(Lang::En), ..Settings::default() };
    let mut h =
        Harness::builder().with_size(size).build_eframe(move |cc| ClippingsApp::new(&cc.egui_ctx, dir, settings));
    settle(&mut h);
    h
}

/// Every panel usable and inside the window; the browser between them keeps room.
fn assert_usable(h: &Harness<'static, ClippingsApp>, size: [f32; 2], what: &str) {
    let window = Rect::from_min_size(egui::Pos2::ZERO, size.into());
    if std::env::var_os("DEBUG_LAYOUT").is_some() {
        for node in h.root().query_all_by(|_| true) {
            if node.accesskit_node().bounding_box().is_none() {
                continue;
            }
            let r = node.rect();
            if r.width() > 900.0 || r.max.x > size[0] + 1.0 {
                eprintln!("WIDE {:?} {:?} {r:?}", node.accesskit_node().role(), node.accesskit_node().label());
            }
        }
    }
    let rects = h.state().panel_rects();
    let sidebar = rects.sidebar.expect("a sidebar");
    let detail = rects.detail.unwrap_or_else(|| panic!("{what} at {size:?}: no detail pane"));
    for (name, rect) in [("sidebar", sidebar), ("detail", detail)] {
        assert!(window.expand(0.5).contains_rect(rect), "{what} at {size:?}: {name} {rect:?} outside {window:?}");
    }
    assert!(sidebar.width() >= 150.0, "{what} at {size:?}: sidebar {}", sidebar.width());
    assert!(detail.width() >= 250.0, "{what} at {size:?}: detail pane {}", detail.width());
    let browser = detail.min.x - sidebar.max.x;
    assert!(browser >= 0.3 * size[0] - 40.0, "{what} at {size:?}: the browser has {browser} px");
    // Nothing a person can read or click runs off the window's left or right edge. (Below the
    // bottom edge is where a scrolled list goes on: that is scrolling, not overflow.)
    let root = h.root();
    let mut outside = Vec::new();
    for node in root.query_all_by(|_| true) {
        // Runs of text inside a text field scroll within the field: the field is what shows.
        if node.accesskit_node().bounding_box().is_none()
            || node.accesskit_node().role() == egui::accesskit::Role::TextRun
        {
            continue;
        }
        let r = node.rect();
        let sideways = r.min.x < window.min.x - 1.0 || r.max.x > window.max.x + 1.0;
        if r.is_positive() && sideways && r.intersects(window) {
            outside.push(format!(
                "{:?} {:?} {:?} {r:?}",
                node.accesskit_node().role(),
                node.accesskit_node().label(),
                node.accesskit_node().value()
            ));
        }
    }
    assert!(outside.is_empty(), "{what} at {size:?}: cut by the window edge: {outside:?}");
    assert_top_bar_fits(h, size, what);
    assert!(h.get_by_label("Search").rect().width() > 40.0, "{what} at {size:?}");
}

/// The top bar's controls do not run into each other, whatever the language's words.
fn assert_top_bar_fits(h: &Harness<'static, ClippingsApp>, size: [f32; 2], what: &str) {
    let controls: Vec<(String, Rect)> = h
        .root()
        .query_all_by(|_| true)
        .filter(|n| n.accesskit_node().bounding_box().is_some())
        .filter(|n| n.accesskit_node().role() != egui::accesskit::Role::TextRun)
        .map(|n| (format!("{:?} {:?}", n.accesskit_node().role(), n.accesskit_node().label()), n.rect()))
        .filter(|(_, r)| r.is_positive() && r.max.y < 34.0 && r.width() < 0.6 * size[0] && r.height() < 40.0)
        .collect();
    assert!(controls.len() >= 6, "{what} at {size:?}: the top bar has {controls:?}");
    for (i, (a, ra)) in controls.iter().enumerate() {
        for (b, rb) in &controls[i + 1..] {
            let overlap = ra.intersect(*rb);
            // A widget and its own parts (a text field and its hint) share their room.
            let nested = ra.expand(1.0).contains_rect(*rb) || rb.expand(1.0).contains_rect(*ra);
            assert!(
                nested || overlap.width() <= 1.0 || overlap.height() <= 1.0,
                "{what} at {size:?}: {a} {ra:?} runs into {b} {rb:?}"
            );
        }
    }
}

/// The top bar fits in every language of the window; from 1280 px on, the grid's thumbnail
/// size slider has its room in every one of them.
#[test]
fn the_top_bar_fits_in_every_language() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = archive_of_real_shapes(tmp.path());
    for lang in Lang::ALL {
        for (size, view) in [([800.0, 600.0], View::Grid), ([800.0, 600.0], View::List), ([1280.0, 800.0], View::Grid)]
        {
            while Archive::open(&dir).is_err() {
                std::thread::sleep(Duration::from_millis(20));
            }
            let d = dir.clone();
            let settings = Settings { view, language: Some(lang), ..Settings::default() };
            let mut h =
                Harness::builder().with_size(size).build_eframe(move |cc| ClippingsApp::new(&cc.egui_ctx, d, settings));
            settle(&mut h);
            let what = format!("{lang:?} {view:?}");
            assert_top_bar_fits(&h, size, &what);
            if size[0] >= 1280.0 {
                let sliders = h.root().query_all_by(|n| n.role() == egui::accesskit::Role::Slider);
                assert_eq!(sliders.count(), 1, "{what} at {size:?}: no thumbnail size slider");
            }
        }
    }
}

#[test]
fn panels_keep_their_room_with_real_data_at_three_sizes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = archive_of_real_shapes(tmp.path());
    for view in [View::Grid, View::List] {
        for size in SIZES {
            let mut h = harness(&dir, size, view);
            let photo = h.query_by_label(PHOTO_TITLE);
            photo.unwrap_or_else(|| panic!("{view:?} at {size:?}: no {PHOTO_TITLE:?} in the browser")).click();
            settle(&mut h);
            assert_usable(&h, size, &format!("{view:?}, the 35-keyword photo"));
            h.get_by_label_contains("Kazakhstan, Belgium, the Netherlands and Luxembourg agree").click();
            settle(&mut h);
            assert_usable(&h, size, &format!("{view:?}, the long article"));
        }
    }
}

/// Widths taken at a large size (or remembered from a larger screen) are clamped when the
/// window is smaller.
#[test]
fn widths_from_a_larger_window_are_clamped_to_a_smaller_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = archive_of_real_shapes(tmp.path());
    let mut h = harness(&dir, [1600.0, 1000.0], View::Grid);
    h.get_by_label(PHOTO_TITLE).click();
    settle(&mut h);
    assert_usable(&h, [1600.0, 1000.0], "large");
    h.set_size(egui::vec2(800.0, 600.0));
    settle(&mut h);
    assert_usable(&h, [800.0, 600.0], "after shrinking the window");
}

/// The same window rendered, at the three sizes, so that a layout that breaks shows as a diff
/// image: the grid with the press photo at 800x600, the list with the long article at 1280x800
/// and the list with the photo at 1600x1000.
#[cfg(feature = "snapshots")]
#[test]
fn snapshots_with_real_data_at_three_sizes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = archive_of_real_shapes(tmp.path());
    {
        // Dates of their own, so that no "imported <today>" changes the picture from day to day.
        let archive = Archive::open(&dir).unwrap();
        // By file name: ids follow the order the parallel import finished in.
        for mut c in archive.all_clippings().unwrap() {
            let day = ["press.jpg", "long.txt", "ru.txt", "kk.txt"].iter().position(|n| *n == c.original_name);
            c.published = chrono::NaiveDate::from_ymd_opt(2024, 3, 10 + day.unwrap() as u32);
            archive.update(&c).unwrap();
        }
    }
    let shots = [
        ([800.0, 600.0], View::Grid, PHOTO_TITLE, "real_800x600_grid_photo"),
        (
            [1280.0, 800.0],
            View::List,
            "Kazakhstan, Belgium, the Netherlands and Luxembourg agree",
            "real_1280x800_list_article",
        ),
        ([1600.0, 1000.0], View::List, PHOTO_TITLE, "real_1600x1000_list_photo"),
    ];
    let mut results = egui_kittest::SnapshotResults::new();
    for (size, view, select, name) in shots {
        while Archive::open(&dir).is_err() {
            std::thread::sleep(Duration::from_millis(20));
        }
        let d = dir.clone();
        let settings = Settings { view, language: Some(Lang::En), ..Settings::default() };
        let mut h = Harness::builder()
            .with_size(size)
            .wgpu()
            .build_eframe(move |cc| ClippingsApp::new(&cc.egui_ctx, d, settings));
        settle(&mut h);
        h.get_by_label_contains(select).click();
        window::settle_for_snapshot(&mut h);
        // The status bar names the temporary archive folder, which differs on every run.
        let root = h.get_by_label_contains(tmp.path().to_str().unwrap()).rect();
        h.mask(Rect::from_min_max(egui::pos2(size[0] / 2.0, root.min.y), egui::pos2(size[0], root.max.y)));
        // Under load, a glyph's edge can come out one or two pixels otherwise between runs
        // (seen: 1 or 2 failing pixels); a change of layout moves thousands.
        h.snapshot_options(name, &egui_kittest::SnapshotOptions::new().max_failed_pixels(16));
        results.extend_harness(&mut h);
    }
    results.unwrap();
}
