//! The window under egui_kittest, for the UI tests: stepping until the worker has answered.

use std::time::{Duration, Instant};

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use clippings::archive::{Archive, Place, TagKind, tags};
use clippings::search::query::Sort;

use crate::common::{jpeg_with_exif, write};
use clippings::i18n::Lang;
use clippings::ui::{ClippingsApp, Settings};
use egui_kittest::Harness;

/// Steps the window until the worker has answered everything and the frame is stable.
#[allow(dead_code)] // The snapshot of the main window waits for its thumbnails instead.
pub fn settle(h: &mut Harness<'static, ClippingsApp>) {
    let start = Instant::now();
    loop {
        h.step();
        if h.state().is_idle() {
            for _ in 0..4 {
                h.step();
            }
            if h.state().is_idle() {
                return;
            }
        }
        assert!(start.elapsed() < Duration::from_secs(30), "the window did not settle");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Before a rendered snapshot: steps for half a second at least (photos decode on the worker,
/// textures arrive a frame later) and until the worker is idle, then until nothing moves.
#[allow(dead_code)] // Only the snapshot tests, behind their feature, call it.
pub fn settle_for_snapshot(h: &mut Harness<'static, ClippingsApp>) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(500) || !h.state().is_idle() {
        assert!(start.elapsed() < Duration::from_secs(30), "the window did not settle");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();
}

/// The window in English at 1280x800 on the archive at `place`, settled.
#[allow(dead_code)] // The team archive's window tests use it.
pub fn open_in_english(place: Place) -> Harness<'static, ClippingsApp> {
    let settings = Settings { language: Some(Lang::En), ..Settings::default() };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| ClippingsApp::new(&cc.egui_ctx, place, settings));
    settle(&mut h);
    h
}

/// Steps the window until `done` holds (what another thread or desktop makes happen), then
/// settles it; fails after `limit`, naming `what` it waited for.
#[allow(dead_code)] // The team archive's window tests use it.
pub fn step_until(
    h: &mut Harness<'static, ClippingsApp>,
    limit: Duration,
    what: &str,
    done: impl Fn(&Harness<'static, ClippingsApp>) -> bool,
) {
    let start = Instant::now();
    while !done(h) {
        assert!(start.elapsed() < limit, "{what} not within {limit:?}");
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    settle(h);
}

/// An archive of `n` articles (a few Belgian, a few Kazakh) and a photo, closed before the
/// window opens it.
#[allow(dead_code)] // Not every window test seeds an archive.
pub fn seeded(tmp: &Path, n: usize) -> PathBuf {
    seeded_with_saved(tmp, n, None)
}

/// As [`seeded`], with a saved search (name, query) when asked.
#[allow(dead_code)]
pub fn seeded_with_saved(tmp: &Path, n: usize, saved: Option<(&str, &str)>) -> PathBuf {
    let dir = tmp.join("archive");
    let archive = Archive::open(&dir).unwrap();
    let inbox = tmp.join("seed");
    write(&inbox, "a.txt", "Brussels talks on the Middle Corridor\nKazakhstan and Benelux discuss transport.");
    write(&inbox, "b.txt", "Green hydrogen in Kazakhstan\nAn energy project near Astana.");
    write(&inbox, "c.txt", "Election campaign in Belgium\nParties present their programmes.");
    write(&inbox, "d.jpg", jpeg_with_exif(320, 200, None, Some("2024:03:01 10:00:00")));
    for i in 4..n {
        write(
            &inbox,
            &format!("n{i:03}.txt"),
            format!("Note number {i} on grain exports\nWheat and barley, story {i}."),
        );
    }
    let report = archive.import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(report.n_imported(), n.max(4));
    let by_title = |t: &str| archive.search_str(&format!("\"{t}\"")).unwrap()[0].id;
    let be = tags::resolve(TagKind::Country, "Belgium").unwrap();
    archive.add_tag(&be, &[by_title("Brussels talks"), by_title("Election campaign")]).unwrap();
    let kz = tags::resolve(TagKind::Country, "Kazakhstan").unwrap();
    archive.add_tag(&kz, &[by_title("Brussels talks"), by_title("Green hydrogen")]).unwrap();
    if let Some((name, query)) = saved {
        archive.save_search(name, query, Sort::Relevance).unwrap();
    }
    dir
}
