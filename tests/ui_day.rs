//! The window through a press officer's working day (#36): OR between filters, one order for the
//! list's headers and the top bar, a detail pane that holds still, the selection after Delete,
//! bulk actions within reach, the list at 800x600, dialogs that keep the keyboard, toasts that
//! go, the press review's scope, and typing that loses no key.
// Helpers outside #[test] functions panic on purpose: a failed set-up is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use clippings::archive::{Archive, TagKind, tags};
use clippings::i18n::Lang;
use clippings::search::query::Sort;
use clippings::ui::{ClippingsApp, Settings, View};
use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use window::settle;

fn harness_at(dir: &Path, settings: Settings, size: [f32; 2]) -> Harness<'static, ClippingsApp> {
    let dir = dir.to_path_buf();
    let settings = Settings { language: settings.language.or(Some(Lang::En)), ..settings };
    let mut h = Harness::builder().with_size(size).build_eframe(move |cc| ClippingsApp::new(&cc.egui_ctx, dir, settings));
    settle(&mut h);
    h
}

fn harness(dir: &Path, settings: Settings) -> Harness<'static, ClippingsApp> {
    harness_at(dir, settings, [1280.0, 800.0])
}

/// An archive of `n` articles (a few Belgian, a few Kazakh) and a photo, closed before the
/// window opens it.
fn seeded(tmp: &Path, n: usize) -> PathBuf {
    let dir = tmp.join("archive");
    let archive = Archive::open(&dir).unwrap();
    let inbox = tmp.join("seed");
    write(&inbox, "a.txt", "Brussels talks on the Middle Corridor\nKazakhstan and Benelux discuss transport.");
    write(&inbox, "b.txt", "Green hydrogen in Kazakhstan\nAn energy project near Astana.");
    write(&inbox, "c.txt", "Election campaign in Belgium\nParties present their programmes.");
    write(&inbox, "d.jpg", jpeg_with_exif(320, 200, None, Some("2024:03:01 10:00:00")));
    for i in 4..n {
        write(&inbox, &format!("n{i:03}.txt"), format!("Note number {i} on grain exports\nWheat and barley, story {i}."));
    }
    let report = archive.import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(report.n_imported(), n.max(4));
    let by_title = |t: &str| archive.search_str(&format!("\"{t}\"")).unwrap()[0].id;
    let be = tags::resolve(TagKind::Country, "Belgium").unwrap();
    archive.add_tag(&be, &[by_title("Brussels talks"), by_title("Election campaign")]).unwrap();
    let kz = tags::resolve(TagKind::Country, "Kazakhstan").unwrap();
    archive.add_tag(&kz, &[by_title("Brussels talks"), by_title("Green hydrogen")]).unwrap();
    dir
}

fn titles(h: &Harness<'static, ClippingsApp>) -> Vec<String> {
    let mut found: Vec<String> = h.state().state().results.iter().map(|e| e.clipping.title.clone()).collect();
    found.sort();
    found
}

fn search(h: &mut Harness<'static, ClippingsApp>, text: &str) {
    h.get_by_label("Search").click();
    h.step();
    h.get_by_label("Search").type_text(text);
    settle(h);
}

#[test]
fn or_joins_filters_in_the_search_box() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = harness(&seeded(tmp.path(), 4), Settings::default());
    search(&mut h, "kind:photo OR country:KZ OR country:BE");
    assert_eq!(
        titles(&h),
        ["Brussels talks on the Middle Corridor", "Election campaign in Belgium", "Green hydrogen in Kazakhstan", "d"]
    );
    h.get_by_label("×").click();
    settle(&mut h);
    search(&mut h, "(election OR hydrogen) -country:KZ");
    assert_eq!(titles(&h), ["Election campaign in Belgium"]);
    // A query that cannot mean what it says is told so under the results.
    h.get_by_label("×").click();
    settle(&mut h);
    search(&mut h, "kind:photo kind:article");
    assert!(titles(&h).is_empty());
    h.get_by_label_contains("No clipping is both kind:photo and kind:article");
}

#[test]
fn the_list_headers_and_the_top_bar_show_one_order() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = harness(&seeded(tmp.path(), 4), Settings { view: View::List, ..Settings::default() });
    let order = |h: &Harness<'static, ClippingsApp>| h.state().state().settings.order;
    // The date header sorts by the search's own order: the top bar says so.
    h.get_by_label("Date").click();
    settle(&mut h);
    assert_eq!(order(&h), Sort::Newest);
    h.get_by_value("Newest first");
    h.get_by_label("Date").click();
    settle(&mut h);
    assert_eq!(order(&h), Sort::Oldest);
    h.get_by_value("Oldest first");
    // Another column sorts what is shown, and the top bar names it.
    h.get_by_label("Source").click();
    settle(&mut h);
    h.get_by_value("Source: sorted ascending");
    assert!(h.query_by_value("Oldest first").is_none());
    // Choosing in the top bar takes over from the column.
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Order").click();
    h.step();
    h.step();
    h.get_by_label("Best match").click();
    settle(&mut h);
    assert_eq!(order(&h), Sort::Relevance);
    assert!(h.state().state().sort.is_none());
}
