//! A rendered snapshot of the main window with about twenty clippings, so that visual
//! regressions show up as a failed test with a diff image. Needs a GPU or Mesa's software
//! renderer, hence the `snapshots` feature (`.ci/run` installs Mesa and turns it on):
//!
//!     cargo test --features snapshots --test ui_snapshot
//!     UPDATE_SNAPSHOTS=1 cargo test --features snapshots --test ui_snapshot   # after a wanted change
#![cfg(feature = "snapshots")]
// Helpers outside #[test] functions panic on purpose: a failed set-up is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use clippings::archive::{Archive, Kind, TagKind, tags};
use clippings::i18n::Lang;
use clippings::ui::{ClippingsApp, Settings, View};
use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const HEADLINES: &[(&str, &str, &str)] = &[
    ("Brussels talks: Kazakhstan and Benelux build bridges", "DKNews.kz", "BE"),
    ("Middle Corridor cargo doubles in a year", "The Astana Times", "KZ"),
    ("Green hydrogen: a new partnership with the EU", "Euractiv", "KZ"),
    ("Ports of Antwerp and Aktau sign a memorandum", "De Tijd", "BE"),
    ("Astana International Forum opens its doors", "Kazinform", "KZ"),
    ("Trans-Caspian route draws European investors", "Financial Times", "GB"),
    ("Benelux ministers meet in Luxembourg", "Luxemburger Wort", "LU"),
    ("Rail freight from China crosses the steppe", "Reuters", "CN"),
    ("Critical raw materials: what Europe wants", "Le Soir", "BE"),
    ("Visa facilitation talks continue", "Tengrinews", "KZ"),
    ("A new flight connects Brussels and Almaty", "Brussels Times", "BE"),
    ("Caspian summit set for the autumn", "RFE/RL", "AZ"),
];

fn seed(dir: &Path, inbox: &Path) {
    let archive = Archive::open(dir).unwrap();
    for (i, (title, _, _)) in HEADLINES.iter().enumerate() {
        let body = format!(
            "{title}\n\nOfficials met on Tuesday to discuss transport, energy and trade between the two regions. \
             The talks covered the Middle Corridor, investment in ports and rail, and the next steps. {i}"
        );
        write(inbox, &format!("article-{i:02}.txt"), body);
    }
    for i in 0..8u32 {
        let (w, h) = if i % 3 == 0 { (200, 300) } else { (320, 200) };
        // Photos on even days, articles on odd ones: both kinds on the first screen, and no two
        // clippings share a date, so the order does not depend on import order.
        write(
            inbox,
            &format!("photo-{i:02}.jpg"),
            jpeg_with_exif(w + i * 8, h, None, Some(&format!("2024:06:{:02} 09:00:00", 2 + i * 2))),
        );
    }
    let report = archive.import(&[inbox.to_path_buf()], &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(report.n_imported(), HEADLINES.len() + 8);
    // Fixed dates and sources, so the picture does not change from day to day.
    for mut c in archive.all_clippings().unwrap() {
        if c.kind == Kind::Article {
            let i: usize = c.original_name[8..10].parse().unwrap();
            let (_, source, country) = HEADLINES[i];
            c.source = source.to_owned();
            c.published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1 + 2 * i as u32);
            archive.update(&c).unwrap();
            archive.add_tag(&tags::resolve(TagKind::Country, country).unwrap(), &[c.id]).unwrap();
            if i.is_multiple_of(2) {
                archive.add_tag(&tags::resolve(TagKind::Topic, "transport").unwrap(), &[c.id]).unwrap();
            }
        }
    }
}

#[test]
fn main_window() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    seed(&dir, &tmp.path().join("inbox"));
    let mut h = Harness::builder().with_size([1280.0, 800.0]).wgpu().build_eframe(move |cc| {
        ClippingsApp::new(&cc.egui_ctx, dir, Settings { language: Some(Lang::En), ..Settings::default() })
    });
    let start = Instant::now();
    while !(h.state().is_idle() && h.state().n_thumbnails_loaded() > 0 && h.state().n_thumbnails_waiting() == 0) {
        assert!(start.elapsed() < Duration::from_secs(30), "thumbnails did not load");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.get_by_label("Benelux ministers meet in Luxembourg").click();
    window::settle_for_snapshot(&mut h);
    // The status bar names the temporary archive folder, which differs on every run.
    // Its width varies with the random name, so the mask covers the bar's whole right half.
    let root = h.get_by_label_contains(tmp.path().to_str().unwrap()).rect();
    h.mask(egui::Rect::from_min_max(egui::pos2(640.0, root.min.y), egui::pos2(1280.0, root.max.y)));
    h.snapshot("main_window");
}

/// The window in Kazakh at 1280x800, with a Kazakh story selected: every letter of the Kazakh
/// alphabet beyond Russian's (ә ғ қ ң ө ұ ү һ і) in the labels and in the text.
#[test]
fn main_window_in_kazakh() {
    const TITLE: &str = "Ұлттық ғылым академиясы Әуезов пен Һәкім Абайдың өнеріне арналған үздік жаңа іс-шара өткізді";
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    let inbox = tmp.path().join("inbox");
    seed(&dir, &inbox);
    {
        let archive = Archive::open(&dir).unwrap();
        let kazakh = tmp.path().join("kazakh");
        write(&kazakh, "kk.txt", format!("{TITLE}\n\nАстана, 2024 жылғы 14 маусым. Іс-шараға ғалымдар қатысты."));
        let report = archive.import(&[kazakh], &mut |_| {}, &AtomicBool::new(false)).unwrap();
        assert_eq!(report.n_imported(), 1);
        let mut c = archive.search_str("Һәкім").unwrap().remove(0);
        c.source = "Egemen Qazaqstan".to_owned();
        c.published = chrono::NaiveDate::from_ymd_opt(2024, 6, 14);
        archive.update(&c).unwrap();
        archive.add_tag(&tags::resolve(TagKind::Country, "KZ").unwrap(), &[c.id]).unwrap();
    }
    let settings = Settings { language: Some(Lang::Kk), ..Settings::default() };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .wgpu()
        .build_eframe(move |cc| ClippingsApp::new(&cc.egui_ctx, dir, settings));
    let start = Instant::now();
    while !(h.state().is_idle() && h.state().n_thumbnails_loaded() > 0 && h.state().n_thumbnails_waiting() == 0) {
        assert!(start.elapsed() < Duration::from_secs(30), "thumbnails did not load");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.get_by_label("Барлық материал (21)");
    h.get_by_label(TITLE).click();
    window::settle_for_snapshot(&mut h);
    h.get_by_label("Ескертпелер");
    let root = h.get_by_label_contains(tmp.path().to_str().unwrap()).rect();
    h.mask(egui::Rect::from_min_max(egui::pos2(640.0, root.min.y), egui::pos2(1280.0, root.max.y)));
    h.snapshot("main_window_kazakh");
}

/// The coverage view in Russian at 1280x800: the articles spread over a quarter (a week
/// apart), the photos in June, per week and by country; the top bars under the chart.
#[test]
fn coverage_view_in_russian() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    seed(&dir, &tmp.path().join("inbox"));
    {
        let archive = Archive::open(&dir).unwrap();
        for mut c in archive.all_clippings().unwrap() {
            if c.kind == Kind::Article {
                let i: u64 = c.original_name[8..10].parse().unwrap();
                c.published = chrono::NaiveDate::from_ymd_opt(2024, 4, 1).map(|d| d + chrono::Days::new(i * 7));
                archive.update(&c).unwrap();
            }
        }
    }
    let settings = Settings { language: Some(Lang::Ru), view: View::Coverage, ..Settings::default() };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .wgpu()
        .build_eframe(move |cc| ClippingsApp::new(&cc.egui_ctx, dir, settings));
    window::settle(&mut h);
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "за").click();
    h.step();
    h.step();
    h.get_by_label("неделю").click();
    window::settle_for_snapshot(&mut h);
    h.get_by_label("Больше всего вырезок: по странам");
    let root = h.get_by_label_contains(tmp.path().to_str().unwrap()).rect();
    h.mask(egui::Rect::from_min_max(egui::pos2(640.0, root.min.y), egui::pos2(1280.0, root.max.y)));
    h.snapshot("coverage_view_russian");
}
