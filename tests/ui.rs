//! The window as a person uses it, through egui_kittest: drop files, type a search, click the
//! sidebar, select several, tag in bulk, remove a chip, export, move with the keyboard, and the
//! message for an archive that another process holds. Each test runs the real app over a
//! temporary archive; the worker threads do the disk work as they do in the window.
// Helpers outside #[test] functions panic on purpose: a failed set-up is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use clippings::archive::Archive;
use clippings::i18n::Lang;
use clippings::search::query::{Relative, Sort};
use clippings::ui::worker::Reply;
use clippings::ui::{ClippingsApp, ExportOptions, Settings, View};
use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use window::settle;

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn harness(dir: &Path, settings: Settings) -> Harness<'static, ClippingsApp> {
    let dir = dir.to_path_buf();
    // English unless a test asks for another language, whatever the machine's locale.
    let settings = Settings { language: settings.language.or(Some(Lang::En)), ..settings };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| ClippingsApp::new(&cc.egui_ctx, dir, settings));
    settle(&mut h);
    h
}

/// An archive with three articles and a photo, made and closed before the window opens it.
fn seeded(tmp: &Path) -> PathBuf {
    window::seeded(tmp, 4)
}

/// Selects the clipping with this title and presses Delete.
fn trash(h: &mut Harness<'static, ClippingsApp>, title: &str) {
    h.get_by_label(title).click();
    settle(h);
    h.key_press(Key::Delete);
    settle(h);
}

/// Opens the trash, which holds one clipping, and empties it, confirming.
fn empty_the_trash_of_one(h: &mut Harness<'static, ClippingsApp>) {
    for label in ["Trash (1)", "Empty trash…", "Delete 1 clipping for good"] {
        h.get_by_label(label).click();
        settle(h);
    }
}

fn titles(h: &Harness<'static, ClippingsApp>) -> Vec<String> {
    h.state().state().results.iter().map(|e| e.card.title().to_owned()).collect()
}

#[test]
fn dropped_files_appear_in_the_grid_with_a_report() {
    let tmp = tempfile::tempdir().unwrap();
    let inbox = tmp.path().join("inbox");
    let article = write(&inbox, "story.txt", "Astana hosts a forum\nDelegations from forty countries.");
    let photo = write(&inbox, "photo.jpg", unique_jpeg(4, 300, 200));
    let broken = write(&inbox, "broken.jpg", b"not really a jpeg");
    let mut h = harness(&tmp.path().join("archive"), Settings::default());
    h.get_by_label_contains("Your archive is empty");

    h.input_mut().hovered_files.push(egui::HoveredFile { path: Some(article.clone()), mime: String::new() });
    h.input_mut().hovered_files.push(egui::HoveredFile { path: Some(photo.clone()), mime: String::new() });
    h.step();
    h.step();
    h.get_by_label("Drop to import 2 items");
    h.input_mut().hovered_files.clear();
    h.step();
    assert!(h.query_by_label("Drop to import 2 items").is_none());
    for path in [&article, &photo, &broken] {
        h.input_mut().dropped_files.push(Arc::new(Dropped(path.clone())));
    }
    h.step();
    settle(&mut h);

    h.get_by_label("Import finished");
    h.get_by_label("2 imported, 0 duplicates, 1 failed");
    h.get_by_label("not a valid JPEG image: the file does not start like a JPEG image");
    // The cells are labelled with the titles: the article's card and the photo's file name.
    h.get_by_label("Astana hosts a forum");
    h.get_by_label("photo");
    // The new clippings are selected.
    assert_eq!(h.state().state().selection.len(), 2);
    h.get_by_label("Close").click();
    settle(&mut h);
    assert!(h.query_by_label("Import finished").is_none());
}

#[test]
fn a_scanned_pdf_shows_its_page_where_an_article_shows_its_text() {
    let tmp = tempfile::tempdir().unwrap();
    let inbox = tmp.path().join("inbox");
    // A scan: a grey page, no text. A report: text on its page.
    let scan = write(
        &inbox,
        "Front page 12 March.pdf",
        pdf_with_content("", "", "", "Helvetica", "0.3 0.3 0.3 rg 0 0 612 792 re f"),
    );
    let report = write(&inbox, "report.pdf", pdf("Corridor report", "", "", &["Cargo volumes doubled at Aktau."]));
    let mut h = harness(&tmp.path().join("archive"), Settings::default());
    for path in [&scan, &report] {
        h.input_mut().dropped_files.push(Arc::new(Dropped(path.clone())));
    }
    h.step();
    settle(&mut h);
    h.get_by_label("2 imported, 0 duplicates, 0 failed");
    h.get_by_label("Close").click();
    settle(&mut h);

    h.get_by_label("Front page 12 March").click();
    settle(&mut h);
    // The page drawn at the pane's size (2,048 px on its long edge), not the 256 px thumbnail.
    assert_eq!(h.state().shown_picture_size(), Some([1582, 2048]));
    h.get_by_label("Corridor report").click();
    settle(&mut h);
    assert_eq!(h.state().shown_picture_size(), None);
    h.get_by_label("Cargo volumes doubled at Aktau.");
}

#[test]
fn typing_in_the_search_box_narrows_the_results() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let mut h = harness(&dir, Settings::default());
    assert_eq!(titles(&h).len(), 4);
    h.get_by_label("Search").click();
    h.step();
    // The word being typed matches as a prefix.
    h.get_by_label("Search").type_text("kazakh");
    settle(&mut h);
    let mut found = titles(&h);
    found.sort();
    assert_eq!(found, ["Brussels talks on the Middle Corridor", "Green hydrogen in Kazakhstan"]);
    h.get_by_label("Search").type_text("stan -hydrogen");
    settle(&mut h);
    assert_eq!(titles(&h), ["Brussels talks on the Middle Corridor"]);
    assert!(h.query_by_label("Election campaign in Belgium").is_none());
    h.get_by_label_contains("1 of 4 clippings");
    // Escape in the search box clears it.
    h.key_press(Key::Escape);
    settle(&mut h);
    assert_eq!(h.state().state().search_text, "");
    assert_eq!(titles(&h).len(), 4);
}

#[test]
fn the_list_shows_where_the_words_are_and_results_can_be_ordered() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let mut h = harness(&dir, Settings { view: View::List, ..Settings::default() });
    h.get_by_label("Search").click();
    h.step();
    h.get_by_label("Search").type_text("astan");
    settle(&mut h);
    assert_eq!(titles(&h), ["Green hydrogen in Kazakhstan"]);
    // The row's second line is the passage with the word, as the index matched it.
    h.get_by_label("An energy project near Astana.");
    let first = Arc::clone(&h.state().state().results[0]);
    let snippet = h.state_mut().snippet(&first).unwrap();
    assert_eq!(&snippet.text[snippet.highlights[0].clone()], "Astana");

    // Ordered by title instead of best match (the grid: the list has a Title column).
    h.get_by_label("×").click();
    settle(&mut h);
    // At 1280 px the views are one menu.
    h.get_by_value("List").click();
    h.step();
    h.step();
    h.get_by_label("Grid").click();
    settle(&mut h);
    assert_eq!(h.state().state().settings.view, View::Grid);
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Order").click();
    h.step();
    h.step();
    h.get_by_label("Title").click();
    settle(&mut h);
    assert_eq!(h.state().state().settings.order, Sort::Title);
    assert_eq!(
        titles(&h),
        ["Brussels talks on the Middle Corridor", "d", "Election campaign in Belgium", "Green hydrogen in Kazakhstan"]
    );
}

#[test]
fn clicking_a_sidebar_tag_filters_and_clicking_again_clears() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let mut h = harness(&dir, Settings::default());
    h.get_by_label("BE Belgium (2)").click();
    settle(&mut h);
    let mut found = titles(&h);
    found.sort();
    assert_eq!(found, ["Brussels talks on the Middle Corridor", "Election campaign in Belgium"]);
    // Counts follow the results: only one of the two Belgian clippings is also Kazakh.
    h.get_by_label("KZ Kazakhstan (1)").click();
    settle(&mut h);
    assert_eq!(titles(&h), ["Brussels talks on the Middle Corridor"]);
    h.get_by_label("BE Belgium (1)").click();
    h.step();
    settle(&mut h);
    h.get_by_label("KZ Kazakhstan (2)").click();
    settle(&mut h);
    assert_eq!(titles(&h).len(), 4);
    h.get_by_label("Photos").click();
    settle(&mut h);
    assert_eq!(titles(&h), ["d"]);
    // The sidebar's filters are a query: written out as typed for a saved search, the
    // import day kept relative ("today" stays today tomorrow).
    h.get_by_label("Imported today").click();
    settle(&mut h);
    assert_eq!(titles(&h), ["d"]);
    assert_eq!(h.state().query_text(), "kind:photo imported:today");
    let imported = h.state().state().filters.imported.unwrap();
    assert_eq!((imported.to, imported.relative), (Some(chrono::Local::now().date_naive()), Some(Relative::Today)));
}

#[test]
fn bulk_tagging_a_selection_then_removing_a_chip() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let mut h = harness(&dir, Settings { view: View::List, ..Settings::default() });
    h.get_by_label("Brussels talks on the Middle Corridor").click();
    settle(&mut h);
    h.get_by_label("Green hydrogen in Kazakhstan").click_modifiers(Modifiers::COMMAND);
    settle(&mut h);
    h.get_by_label("Election campaign in Belgium").click_modifiers(Modifiers::COMMAND);
    settle(&mut h);
    assert_eq!(h.state().state().selection.len(), 3);
    h.get_by_label("3 clippings selected");

    h.get_by_label("Add tag").click();
    h.step();
    h.get_by_label("Add tag").type_text("Energy");
    h.step();
    h.key_press(Key::Enter);
    settle(&mut h);
    h.get_by_label_contains("Added topic energy to 3 clippings");
    let tagged = h.state().state().results.iter().filter(|e| e.topics() == "energy").count();
    assert_eq!(tagged, 3);

    // One clipping alone: its chip's × removes the tag from it.
    h.get_by_label("Green hydrogen in Kazakhstan").click();
    settle(&mut h);
    h.get_by_label("Remove energy").click();
    settle(&mut h);
    h.get_by_label_contains("Removed topic energy from 1 clipping");
    let tagged = h.state().state().results.iter().filter(|e| e.topics() == "energy").count();
    assert_eq!(tagged, 2);

    // The newest toast's Undo puts it back.
    h.get_all_by_label("Undo").last().unwrap().click();
    settle(&mut h);
    let tagged = h.state().state().results.iter().filter(|e| e.topics() == "energy").count();
    assert_eq!(tagged, 3);
}

#[test]
fn exporting_a_selection_writes_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let dest = tmp.path().join("for the minister");
    let mut h = harness(&dir, Settings { view: View::List, ..Settings::default() });
    h.get_by_label("Brussels talks on the Middle Corridor").click();
    settle(&mut h);
    h.get_by_label("d").click_modifiers(Modifiers::COMMAND);
    settle(&mut h);
    h.get_by_label("Export…").click();
    settle(&mut h);
    h.get_by_label_contains("Copy 2 clippings");
    h.get_by_label("Folder").click();
    h.step();
    h.get_by_label("Folder").type_text(dest.to_str().unwrap());
    h.step();
    h.get_by_label("Export").click();
    settle(&mut h);
    h.get_by_label("Export finished");
    h.get_by_label("Open folder");
    let mut files: Vec<String> =
        std::fs::read_dir(&dest).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    files.sort();
    assert_eq!(
        files,
        [
            "Brussels talks on the Middle Corridor.json",
            "Brussels talks on the Middle Corridor.txt",
            "clippings.csv",
            "d.jpg",
            "d.json",
            "d.xmp",
            "index.html"
        ]
    );
    assert_eq!(h.state().state().settings.last_export_dir.as_deref(), Some(dest.as_path()));
}

#[test]
fn arrow_keys_move_the_selection_and_escape_clears_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let mut h = harness(&dir, Settings { view: View::List, ..Settings::default() });
    let order = titles(&h);
    h.key_press(Key::ArrowDown);
    settle(&mut h);
    let selected = |h: &Harness<'static, ClippingsApp>| -> Vec<String> {
        h.state()
            .state()
            .results
            .iter()
            .filter(|e| h.state().state().selection.contains(&e.id()))
            .map(|e| e.card.title().to_owned())
            .collect()
    };
    assert_eq!(selected(&h), [order[0].clone()]);
    h.key_press(Key::ArrowDown);
    h.key_press(Key::ArrowDown);
    settle(&mut h);
    assert_eq!(selected(&h), [order[2].clone()]);
    h.key_press(Key::ArrowUp);
    settle(&mut h);
    assert_eq!(selected(&h), [order[1].clone()]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    settle(&mut h);
    assert_eq!(selected(&h).len(), 4);
    // All selected: the bulk pane offers to tag them together.
    h.get_by_label("4 clippings selected");
    h.key_press(Key::End);
    settle(&mut h);
    assert_eq!(selected(&h), [order[3].clone()]);
    h.key_press(Key::Home);
    settle(&mut h);
    assert_eq!(selected(&h), [order[0].clone()]);
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(selected(&h).is_empty());
}

/// The window keeps only the lead of each text in memory; a search still shows where its words
/// are deep in a long article, and the pane shows the whole text, also after a tag is added.
#[test]
fn long_texts_are_whole_where_they_are_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    {
        let archive = Archive::open(&dir).unwrap();
        let filler = "The delegations met and talked about many other things. ".repeat(60);
        let text = format!("A long report from Brussels\n\n{filler}\n\nAt the end came the hydrogen valley of Atyrau.");
        let paths = [write(tmp.path(), "long.txt", text)];
        archive.import(&paths, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    }
    let mut h = harness(&dir, Settings { view: View::List, ..Settings::default() });
    h.get_by_label("Search").click();
    h.step();
    h.get_by_label("Search").type_text("valley");
    settle(&mut h);
    let first = Arc::clone(&h.state().state().results[0]);
    let snippet = h.state_mut().snippet(&first).unwrap();
    assert_eq!(&snippet.text[snippet.highlights[0].clone()], "valley");
    // The texts came after the results; texts not asked for with the results shown (an
    // overtaken search's) are not taken.
    let mut stale = first.clipping().cloned().unwrap();
    stale.body = "Another text altogether.".to_owned();
    let ctx = h.ctx.clone();
    h.state_mut().handle_reply(&ctx, Reply::WholeTexts { ask: 0, clippings: vec![stale] });
    assert!(h.state().is_idle());
    assert!(h.state().state().results[0].clipping().unwrap().body.ends_with("valley of Atyrau."));
    h.get_by_label("A long report from Brussels").click();
    settle(&mut h);
    // The pane's text, from its first words to its last (a row's snippet is a passage).
    let whole = |h: &Harness<'static, ClippingsApp>| {
        h.root()
            .query_all_by(|node| {
                let text = node.label().or_else(|| node.value()).unwrap_or_default();
                text.starts_with("The delegations met") && text.ends_with("valley of Atyrau.")
            })
            .count()
    };
    assert_eq!(whole(&h), 1);
    h.get_by_label("Add tag").click();
    h.get_by_label("Add tag").type_text("energy");
    h.key_press(Key::Enter);
    settle(&mut h);
    assert!(h.state().state().results[0].tags().iter().any(|t| t.name == "energy"), "the tag was added");
    assert_eq!(whole(&h), 1, "the pane lost the text after a tag was added");
}

/// After a click on a card, the arrows still move the selection: they do not walk the
/// keyboard focus into the detail pane's fields.
#[test]
fn arrows_after_a_click_move_the_selection_not_the_focus() {
    for view in [View::Grid, View::List] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = seeded(tmp.path());
        let mut h = harness(&dir, Settings { view, ..Settings::default() });
        let order = titles(&h);
        h.get_by_label(&order[0]).click();
        settle(&mut h);
        // A button with the keyboard focus (reached with Tab, say) does not take the arrows.
        h.get_by_label("Import").focus();
        settle(&mut h);
        assert!(h.ctx.memory(|m| m.focused()).is_some(), "the button has the focus");
        for key in [Key::ArrowDown, Key::ArrowRight, Key::ArrowDown] {
            h.key_press(key);
            settle(&mut h);
            let focused = h.ctx.memory(|m| m.focused());
            let typing = focused.is_some_and(|id| egui::text_edit::TextEditState::load(&h.ctx, id).is_some());
            assert!(!typing, "{view:?}: {key:?} moved the focus into a text field");
        }
        assert_eq!(h.state().state().selection.len(), 1, "{view:?}");
        assert!(
            !h.state().state().selection.contains(&h.state().state().results[0].id()),
            "{view:?}: the selection moved"
        );
    }
}

#[test]
fn delete_moves_to_the_trash_and_undo_restores() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let mut h = harness(&dir, Settings { view: View::List, ..Settings::default() });
    trash(&mut h, "Election campaign in Belgium");
    h.get_by_label_contains("Moved 1 clipping to the trash");
    assert_eq!(titles(&h).len(), 3);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(titles(&h).len(), 4);

    // Deleted again, it waits in the trash: restorable from there, or gone for good.
    trash(&mut h, "Election campaign in Belgium");
    h.get_by_label("Trash (1)").click();
    settle(&mut h);
    assert_eq!(titles(&h), ["Election campaign in Belgium"]);
    h.get_by_label("Election campaign in Belgium").click();
    settle(&mut h);
    h.get_by_label("Restore from the trash").click();
    settle(&mut h);
    h.get_by_label("The trash is empty");
    h.get_by_label("Trash (0)");

    h.get_by_label("All clippings (4)").click();
    settle(&mut h);
    trash(&mut h, "Election campaign in Belgium");
    empty_the_trash_of_one(&mut h);
    h.get_by_label_contains("Deleted 1 clipping for good");
    h.get_by_label("Trash (0)");
    h.get_by_label("All clippings (3)");
    let originals = walkdir::WalkDir::new(dir.join("originals"))
        .into_iter()
        .filter(|e| e.as_ref().unwrap().file_type().is_file())
        .count();
    assert_eq!(originals, 3);
}

#[test]
fn a_locked_archive_shows_a_clear_message() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    let held = Archive::open(&dir).unwrap();
    let mut h = harness(&dir, Settings::default());
    h.get_by_label("This archive is already open");
    h.get_by_label_contains("is open in another Clippings window or command");
    h.get_by_label_contains("opens by itself as soon as the archive is free");
    // Tried again every second meanwhile, the message stays, with no "Opening" between.
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(2500) {
        h.step();
        h.get_by_label("This archive is already open");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Once the other window (or command) lets go, this one opens by itself.
    drop(held);
    let start = Instant::now();
    while h.query_by_label_contains("Your archive is empty").is_none() {
        assert!(start.elapsed() < Duration::from_secs(10), "the window did not open by itself");
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    // Try again, for a person who would rather not wait, opens it at once.
    let other = tmp.path().join("other");
    let held = Archive::open(&other).unwrap();
    let mut h = harness(&other, Settings::default());
    h.get_by_label("This archive is already open");
    drop(held);
    h.get_by_label("Try again").click();
    settle(&mut h);
    h.get_by_label_contains("Your archive is empty");
}

#[test]
fn pasting_text_makes_an_article_and_pasting_an_image_a_photo() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = harness(&tmp.path().join("archive"), Settings::default());
    h.event(egui::Event::Paste("Astana hosts the forum\n\nDelegations arrived on Monday.".into()));
    settle(&mut h);
    h.get_by_label("1 imported, 0 duplicates, 0 failed");
    h.get_by_label("Close").click();
    settle(&mut h);
    let image = egui::ColorImage::new([40, 30], vec![egui::Color32::from_rgb(200, 30, 30); 40 * 30]);
    h.event(egui::Event::PasteImage(Arc::new(image)));
    settle(&mut h);
    let results = &h.state().state().results;
    assert_eq!(results.len(), 2);
    let article = results.iter().find(|e| e.card.kind == clippings::archive::Kind::Article).unwrap();
    assert_eq!(article.card.title(), "Astana hosts the forum");
    // The card drawn in the grid reads its first lines from the archive.
    assert_eq!(h.state().card_lead(article.id()).as_deref(), Some("Delegations arrived on Monday."));
    let photo = results.iter().find(|e| e.card.kind == clippings::archive::Kind::Photo).unwrap();
    assert!(photo.card.original_name().starts_with("Pasted ") && photo.card.format() == "png");
    let photo_id = photo.id();
    let index = h.state().state().results.iter().position(|e| e.id() == photo_id).unwrap();
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, clippings::ui::Action::Click { index, modifiers: egui::Modifiers::NONE });
    settle(&mut h);
    let shown = h.state().shown_clipping().unwrap();
    assert_eq!((shown.id, shown.width_px, shown.height_px), (photo_id, Some(40), Some(30)));
}

/// A link pasted into the window is a page to fetch: the page becomes a clipping with its
/// address, shown as a link in the pane; a link that cannot be fetched says why.
#[test]
fn a_pasted_link_is_fetched_and_keeps_its_address() {
    let server = common::http::PageServer::start();
    server.page(
        "/talks",
        "<html><head><title>Brussels talks | Euractiv</title><meta property=\"og:site_name\" content=\"Euractiv\"></head><body><article><h1>Brussels talks</h1>\
<p>Ministers from Kazakhstan and Belgium met in Brussels to discuss the Middle Corridor on Monday.</p>\
<p>They agreed to meet again at the Astana International Forum in June.</p></article></body></html>",
    );
    let tmp = tempfile::tempdir().unwrap();
    let mut h = harness(&tmp.path().join("archive"), Settings::default());
    h.event(egui::Event::Paste(format!(" {}\n", server.url("/talks?utm_source=telegram"))));
    settle(&mut h);
    h.get_by_label("1 imported, 0 duplicates, 0 failed");
    h.get_by_label("Close").click();
    settle(&mut h);
    let results = &h.state().state().results;
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].card.title(), "Brussels talks");
    assert_eq!(results[0].card.url(), server.url("/talks"));
    h.query_all_by_label("Brussels talks").next().unwrap().click();
    settle(&mut h);
    h.get_by_label(&server.url("/talks"));
    // Two links, one gone: the other is a duplicate, the gone one fails with its reason.
    h.event(egui::Event::Paste(format!("{}\n{}", server.url("/talks"), server.url("/gone"))));
    settle(&mut h);
    assert!(h.query_all_by_label_contains("1 failed").count() >= 1);
    h.get_by_label_contains("the server answered 404");
}

/// Import › Links… takes addresses typed or pasted a line each; a line that is no address
/// is said, and nothing is fetched until all are.
#[test]
fn links_typed_in_the_import_menu_are_fetched() {
    let server = common::http::PageServer::start();
    server.page(
        "/ports",
        "<html><head><title>Caspian ports | Kazinform</title><meta property=\"og:site_name\" content=\"Kazinform\"></head>\
<body><article><h1>Caspian ports</h1><p>The ports of Aktau and Kuryk handled twice the cargo of last year.</p>\
<p>The ministry expects the Middle Corridor to grow again next year.</p></article></body></html>",
    );
    let tmp = tempfile::tempdir().unwrap();
    let mut h = harness(&tmp.path().join("archive"), Settings::default());
    h.get_by_label("Import").click();
    h.run_steps(2);
    h.get_by_label("Links…").click();
    settle(&mut h);
    h.get_by_label("Import pages by their address");
    h.get_by_role(egui::accesskit::Role::MultilineTextInput)
        .type_text(&format!("{}\nports of Aktau", server.url("/ports")));
    h.run_steps(2);
    h.get_by_label("Import these pages").click();
    settle(&mut h);
    h.get_by_label_contains("“ports of Aktau” is not a web address");
    assert_eq!(server.hits("/ports"), 0, "nothing fetched while a line is wrong");
    // Still open with what was typed; the wrong line taken away.
    let field = h.get_by_role(egui::accesskit::Role::MultilineTextInput);
    field.focus();
    h.run_steps(1);
    for _ in 0.."\nports of Aktau".chars().count() {
        h.key_press(Key::Backspace);
    }
    h.run_steps(2);
    h.get_by_label("Import these pages").click();
    settle(&mut h);
    h.get_by_label("1 imported, 0 duplicates, 0 failed");
    assert!(h.query_by_label("Import pages by their address").is_none(), "the prompt closed");
    assert_eq!(h.state().state().results[0].card.title(), "Caspian ports");
}

#[test]
fn suggested_tags_are_accepted_with_one_click() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    {
        let archive = Archive::open(&dir).unwrap();
        let paths = [write(tmp.path(), "a.txt", PASTED_CLIPPING)];
        archive.import(&paths, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    }
    let mut h = harness(&dir, Settings { view: View::List, ..Settings::default() });
    h.get_by_label("Brussels talks: Kazakhstan and Benelux build bridges").click();
    settle(&mut h);
    h.get_by_label("Accept KZ Kazakhstan").click();
    settle(&mut h);
    h.get_by_label("Dismiss LU Luxembourg").click();
    settle(&mut h);
    let entry = &h.state().state().results[0];
    assert_eq!(entry.countries(), "KZ");
    // The pane shows the accepted tag as a chip at once, without selecting anything again, and
    // neither suggestion any more.
    h.get_by_label("Remove KZ Kazakhstan");
    assert!(h.query_by_label("no tags yet").is_none());
    assert!(h.query_by_label("Accept KZ Kazakhstan").is_none());
    assert!(h.query_by_label("Accept LU Luxembourg").is_none());
    assert!(h.query_by_label("Dismiss LU Luxembourg").is_none());
    // The other suggestions stay offered.
    h.get_by_label("Accept BE Belgium");
}

/// Undo takes back the change it names: a change still in flight when Ctrl+Z is pressed keeps
/// its own undo.
#[test]
fn undo_while_another_change_is_in_flight_keeps_both_undoable() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let mut h = harness(&dir, Settings { view: View::List, ..Settings::default() });
    trash(&mut h, "Election campaign in Belgium");
    // The clipping after it is selected: Delete goes on with it.
    let selected = h.state().state().selected_ids();
    assert_eq!(selected.len(), 1);
    let next = h.state().state().results.iter().find(|e| e.id() == selected[0]).unwrap().card.title().to_owned();
    // Both keys in one frame: the trash request is still unanswered when Undo is applied.
    h.key_press(Key::Delete);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    let now = titles(&h);
    assert!(now.contains(&"Election campaign in Belgium".to_owned()), "{now:?}");
    assert!(!now.contains(&next), "{now:?}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(titles(&h).len(), 4, "the second trash is undone too");
}

/// An undo that fails says so, and the next change can still be undone.
#[test]
fn a_failed_undo_leaves_the_next_change_undoable() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let mut h = harness(&dir, Settings { view: View::List, ..Settings::default() });
    trash(&mut h, "Election campaign in Belgium");
    // Deleted for good: its undo can no longer work.
    empty_the_trash_of_one(&mut h);
    h.get_by_label("All clippings (3)").click();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    h.get_by_label_contains("cannot restore");
    trash(&mut h, "Green hydrogen in Kazakhstan");
    assert_eq!(titles(&h).len(), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(titles(&h).len(), 3);
}

/// A paste whose import fails ends the import: the menu and drops work again.
#[test]
fn a_failed_paste_ends_its_import() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = harness(&tmp.path().join("archive"), Settings::default());
    // An image whose pixels do not fill its size cannot be stored.
    let broken = egui::ColorImage { size: [10, 10], source_size: egui::vec2(10.0, 10.0), pixels: vec![] };
    h.event(egui::Event::PasteImage(Arc::new(broken)));
    settle(&mut h);
    h.get_by_label_contains("cannot read the pasted image");
    assert!(h.state().state().import.is_none());
    h.event(egui::Event::Paste("Astana hosts the forum\n\nDelegations arrived on Monday.".into()));
    settle(&mut h);
    h.get_by_label("1 imported, 0 duplicates, 0 failed");
}

/// Escape closes the dialog on top and leaves the search behind it alone.
#[test]
fn escape_closes_the_export_dialog_first() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let mut h = harness(&dir, Settings::default());
    h.get_by_label("Search").click();
    h.get_by_label("Search").type_text("kazakhstan");
    settle(&mut h);
    h.key_press(Key::Tab);
    h.get_by_label("Export…").click();
    settle(&mut h);
    h.get_by_label("Export clippings");
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(h.query_by_label("Export clippings").is_none());
    assert_eq!(h.state().state().search_text, "kazakhstan");
}

/// The export dialog opens whole: its first frame has the folder picker, and it keeps its size.
#[test]
fn the_export_dialog_opens_at_its_final_size() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let mut h = harness(&dir, Settings::default());
    h.get_by_label("Export…").click();
    let mut rects = Vec::new();
    for _ in 0..5 {
        h.step();
        let choose = h.query_by_label("Choose…").map(|n| n.rect());
        let export = h.query_by_label("Export").map(|n| n.rect());
        rects.push((choose, export));
    }
    // The click's frame opens it and egui's invisible sizing pass follows; from the first
    // frame it is seen in, it is whole and stays put.
    let shown: Vec<_> = rects.iter().skip_while(|(c, e)| c.is_none() && e.is_none()).collect();
    assert!(shown.len() >= 2 && shown.iter().all(|(c, e)| c.is_some() && e.is_some()), "{rects:?}");
    assert!(shown.windows(2).all(|w| w[0] == w[1]), "the dialog moved or changed size: {rects:?}");
}

/// An empty result says what narrowed it, where it was set: a misspelled filter, a country that
/// is only suggested, the sidebar.
#[test]
fn an_empty_result_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    {
        let archive = Archive::open(&dir).unwrap();
        let paths = [write(tmp.path(), "a.txt", PASTED_CLIPPING)];
        archive.import(&paths, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    }
    let mut h = harness(&dir, Settings::default());
    h.get_by_label("Search").click();
    h.get_by_label("Search").type_text("country:LU");
    settle(&mut h);
    h.get_by_label("No clippings match");
    h.get_by_label_contains("Countries found in the text are suggestions until accepted");
    h.key_press(Key::Escape);
    settle(&mut h);
    h.get_by_label("Search").click();
    h.get_by_label("Search").type_text("contry:LU");
    settle(&mut h);
    h.get_by_label("contry: is not a filter: did you mean country:LU?");
}

/// Why a file was not imported and what in a search is a mistake are said in the window's
/// language, as the rest of it.
#[test]
fn import_errors_and_search_hints_speak_the_window_language() {
    for (lang, empty_file, raw_photo, broken_photo, hint) in [
        (
            Lang::Ru,
            "пустой файл",
            "фотографии Canon RAW не поддерживаются: сохраните или экспортируйте их в JPEG",
            "файл не является изображением JPEG или повреждён: the file does not start like a JPEG image",
            "contry: — не фильтр. Возможно, вы имели в виду country:LU?",
        ),
        (
            Lang::Kk,
            "бос файл",
            "Canon RAW фотосуреттеріне қолдау көрсетілмейді: алдымен оларды JPEG пішімінде сақтаңыз немесе экспорттаңыз",
            "файл JPEG кескіні емес немесе зақымдалған: the file does not start like a JPEG image",
            "contry: сүзгі емес. country:LU деп айтқыңыз келді ме?",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let inbox = tmp.path().join("inbox");
        let story = write(&inbox, "story.txt", "Астана принимает форум\nДелегации сорока стран.");
        let empty = write(&inbox, "empty.txt", b"");
        let broken = write(&inbox, "broken.jpg", b"not really a jpeg");
        let raw = write(&inbox, "photo.cr2", b"raw sensor data");
        let mut h = harness(&tmp.path().join("archive"), Settings { language: Some(lang), ..Settings::default() });
        for path in [&story, &empty, &broken, &raw] {
            h.input_mut().dropped_files.push(Arc::new(Dropped(path.clone())));
        }
        h.step();
        settle(&mut h);
        h.get_by_label(empty_file);
        h.get_by_label(raw_photo);
        h.get_by_label(broken_photo);
        h.key_press(Key::Escape);
        settle(&mut h);
        h.get_by_label(if lang == Lang::Ru { "Поиск" } else { "Іздеу" }).click();
        h.get_by_label(if lang == Lang::Ru { "Поиск" } else { "Іздеу" }).type_text("contry:LU");
        settle(&mut h);
        h.get_by_label(hint);
    }
}

/// The Import menu's setting makes the next imports tag the countries they find, and it is
/// kept in the archive.
#[test]
fn imports_can_tag_the_countries_they_find() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    drop(Archive::open(&dir).unwrap());
    let mut h = harness(&dir, Settings::default());
    h.get_by_label("Import").click();
    settle(&mut h);
    h.get_by_label("Tag the countries found").click();
    settle(&mut h);
    h.get_by_label("Imports will tag the countries they find");
    // Read beside the open window, as the command line does.
    let (_snapshot, archive) = Archive::open_snapshot(&clippings::archive::Place::Folder(dir.clone())).unwrap();
    assert!(archive.accepts_countries_on_import().unwrap());
}

/// The selection follows the results: what a search hides is no longer selected, and the
/// status bar and Export count what is shown.
#[test]
fn a_new_search_keeps_only_what_it_shows_selected() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let mut h = harness(&dir, Settings::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    settle(&mut h);
    h.get_by_label_contains("4 selected");
    h.get_by_label("Search").click();
    h.get_by_label("Search").type_text("hydrogen");
    settle(&mut h);
    assert_eq!(titles(&h), ["Green hydrogen in Kazakhstan"]);
    assert_eq!(h.state().state().selection.len(), 1);
    assert!(h.query_by_label_contains("4 selected").is_none());
    h.get_by_label_contains("1 selected");
}

/// The main flows in Russian and in Kazakh, found by their translated labels: the library, a
/// search, a selection tagged in bulk, the export dialog, the trash; country names in the
/// window's language; then the language changed from its menu, and kept in the settings.
#[test]
fn the_window_speaks_russian_and_kazakh() {
    struct Words {
        lang: Lang,
        all: &'static str,
        search: &'static str,
        selected: &'static str,
        add_tag: &'static str,
        added: &'static str,
        belgium: &'static str,
        export: &'static str,
        export_title: &'static str,
        cancel: &'static str,
        trash: &'static str,
        trashed: &'static str,
        menu: &'static str,
    }
    let languages = [
        Words {
            lang: Lang::Ru,
            all: "Все вырезки (4)",
            search: "Поиск",
            selected: "Выбрано 2 вырезки",
            add_tag: "Добавить метку",
            added: "Метка «энергетика» (тема) добавлена: 2 вырезки",
            belgium: "BE Бельгия (2)",
            export: "Экспорт…",
            export_title: "Экспорт вырезок",
            cancel: "Отмена",
            trash: "Корзина (0)",
            trashed: "В корзину: 1 вырезка",
            menu: "Язык",
        },
        Words {
            lang: Lang::Kk,
            all: "Барлық материал (4)",
            search: "Іздеу",
            selected: "2 материал таңдалды",
            add_tag: "Тег қосу",
            added: "«энергетика» тегі (тақырып) 2 материалға қосылды",
            belgium: "BE Бельгия (2)",
            export: "Экспорттау…",
            export_title: "Материалдарды экспорттау",
            cancel: "Бас тарту",
            trash: "Себет (0)",
            trashed: "1 материал себетке тасталды",
            menu: "Тіл",
        },
    ];
    for w in languages {
        let tmp = tempfile::tempdir().unwrap();
        let dir = seeded(tmp.path());
        let mut h = harness(&dir, Settings { view: View::List, language: Some(w.lang), ..Settings::default() });
        h.get_by_label(w.all);
        h.get_by_label(w.trash);
        h.get_by_label(w.belgium);

        h.get_by_label(w.search).click();
        h.step();
        h.get_by_label(w.search).type_text("kazakhstan");
        settle(&mut h);
        assert_eq!(h.state().state().results.len(), 2, "{:?}", w.lang);

        h.get_by_label("Brussels talks on the Middle Corridor").click();
        settle(&mut h);
        h.get_by_label("Green hydrogen in Kazakhstan").click_modifiers(Modifiers::COMMAND);
        settle(&mut h);
        h.get_by_label(w.selected);
        h.get_by_label(w.add_tag).click();
        h.step();
        h.get_by_label(w.add_tag).type_text("Энергетика");
        h.step();
        h.key_press(Key::Enter);
        settle(&mut h);
        h.get_by_label_contains(w.added);

        h.get_by_label(w.export).click();
        settle(&mut h);
        h.get_by_label(w.export_title);
        h.get_by_label(w.cancel).click();
        settle(&mut h);

        h.get_by_label("Green hydrogen in Kazakhstan").click();
        settle(&mut h);
        h.key_press(Key::Delete);
        settle(&mut h);
        h.get_by_label_contains(w.trashed);

        // Another language from the menu, at once and after a restart.
        h.get_by_label(w.menu).click();
        settle(&mut h);
        h.get_by_label("Français").click();
        settle(&mut h);
        h.get_by_label("Rechercher");
        h.get_by_label("BE Belgique (1)");
        assert_eq!(h.state().settings().language, Some(Lang::Fr));
    }
}

/// Files given on the command line (a file manager's "Open with Clippings") are imported once
/// the archive is open.
#[test]
fn files_given_at_start_are_imported() {
    let tmp = tempfile::tempdir().unwrap();
    let story = write(&tmp.path().join("inbox"), "story.txt", "Astana hosts a forum\nDelegations arrived.");
    let dir = tmp.path().join("archive");
    let mut h = Harness::builder().with_size([1280.0, 800.0]).build_eframe(move |cc| {
        let mut app =
            ClippingsApp::new(&cc.egui_ctx, dir, Settings { language: Some(Lang::En), ..Settings::default() });
        app.import_when_ready(vec![story]);
        app
    });
    settle(&mut h);
    h.get_by_label("Import finished");
    h.get_by_label("1 imported, 0 duplicates, 0 failed");
    assert_eq!(titles(&h), ["Astana hosts a forum"]);
}

/// A search saved from the sidebar shows what it finds; what is imported after it was opened
/// counts as new until it is opened again, which brings back its words and order.
#[test]
fn a_saved_search_counts_what_is_new() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let mut h = harness(&dir, Settings { view: View::List, ..Settings::default() });
    h.get_by_label("none yet: search, then save it here");
    h.get_by_label("Search").click();
    h.step();
    h.get_by_label("Search").type_text("kazakhstan");
    settle(&mut h);
    h.get_by_label("Save this search…").click();
    settle(&mut h);
    h.get_by_label("Name").type_text("Kazakhstan");
    h.step();
    h.key_press(Key::Enter);
    settle(&mut h);
    h.get_by_label_contains("Saved the search “Kazakhstan”");
    h.get_by_label("Kazakhstan (2)");

    // Something new that the search finds, imported as if dropped on the window.
    let story = write(&tmp.path().join("more"), "new.txt", "Kazakhstan opens a new port\nOn the Caspian.");
    h.input_mut().dropped_files.push(Arc::new(Dropped(story)));
    h.step();
    settle(&mut h);
    h.get_by_label("Close").click();
    settle(&mut h);
    h.get_by_label("Kazakhstan (3)");
    h.get_by_label("1 new");

    h.get_by_label("Search").click();
    h.step();
    h.get_by_label("Search").type_text(" caspian");
    settle(&mut h);
    assert_eq!(h.state().state().results.len(), 1);
    h.get_by_label("Kazakhstan (3)").click();
    settle(&mut h);
    assert_eq!(h.state().state().search_text, "kazakhstan");
    assert_eq!(h.state().state().results.len(), 3);
    assert!(h.query_by_label("1 new").is_none());
}

/// Exported in Russian with a folder per country, the folders can be named in Russian, and the
/// choice is remembered for the next export.
#[test]
fn country_folders_can_be_named_in_the_window_language() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let dest = tmp.path().join("для министра");
    let settings = Settings {
        view: View::List,
        language: Some(Lang::Ru),
        export: ExportOptions { layout: clippings::export::Layout::Country, localized: false, coverage: false },
        ..Settings::default()
    };
    let mut h = harness(&dir, settings);
    h.get_by_label("Экспорт…").click();
    settle(&mut h);
    h.get_by_label("Папка").click();
    h.step();
    h.get_by_label("Папка").type_text(dest.to_str().unwrap());
    h.step();
    h.get_by_label("Называть папки стран на языке: Русский").click();
    h.step();
    h.get_by_label("Экспортировать").click();
    settle(&mut h);
    h.get_by_label("Экспорт завершён");
    let mut folders: Vec<String> = std::fs::read_dir(&dest)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(folders, ["Без страны", "Бельгия", "Казахстан"]);
    assert!(h.state().settings().export.localized);
}

#[test]
fn a_press_review_is_made_from_the_results_with_a_preview_and_sections_in_the_order_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path());
    let out_dir = tmp.path().join("reviews");
    std::fs::create_dir_all(&out_dir).unwrap();
    let review = clippings::ui::ReviewSettings { last_dir: Some(out_dir.clone()), ..Default::default() };
    let mut h = harness(&dir, Settings { review, ..Settings::default() });
    h.get_by_label("Press review…").click();
    settle(&mut h);
    h.get_by_label("All the results (4 clippings)");
    // The preview has laid the review out: its size, and the sections found, to order.
    h.get_by_label_contains(", 4 stories");
    h.get_by_label("Belgium (2)");
    h.get_by_label("Kazakhstan (1)");
    h.get_by_label("No country (1)");
    // "No country" stays last: its arrows are off.
    let ups: Vec<bool> = h.get_all_by_label("Move up").map(|n| n.accesskit_node().is_disabled()).collect();
    assert_eq!(ups, [true, false, true]);
    // Belgium down: Kazakhstan comes first, and the story on both goes under it.
    h.get_all_by_label("Move down").next().unwrap().click();
    settle(&mut h);
    h.get_by_label("Kazakhstan (2)");
    h.get_by_label("Belgium (1)");
    for (field, text) in [("Title", "Morning review"), ("Organisation", "Embassy of Kazakhstan")] {
        h.get_by_label(field).focus();
        h.step();
        h.get_by_label(field).type_text(text);
        h.step();
    }
    settle(&mut h);
    h.get_by_label("Make review").click();
    settle(&mut h);
    h.get_by_label_contains("Saved Press review");
    h.get_by_label("Open");
    h.get_by_label("Show in folder");

    let made: Vec<PathBuf> = std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(made.len(), 1, "{made:?}");
    assert_eq!(made[0].extension().unwrap(), "pdf");
    let text = pdf_extract::extract_text_from_mem(&std::fs::read(&made[0]).unwrap()).unwrap();
    for words in ["Morning review", "Embassy of Kazakhstan", "Brussels talks on the Middle Corridor", "Green hydrogen"]
    {
        assert!(text.contains(words), "{words} not in {text}");
    }
    let kazakhstan = text.find("Kazakhstan\n").unwrap_or(usize::MAX);
    assert!(kazakhstan < text.find("Belgium").unwrap(), "{text}");
    // The choices that stay are remembered.
    let settings = &h.state().state().settings.review;
    assert_eq!(settings.options.organisation, "Embassy of Kazakhstan");
    assert_eq!(settings.last_dir.as_deref(), Some(out_dir.as_path()));
}

/// An archive of one story printed by three outlets (Reuters first) and one other clipping.
fn a_story_in_three_outlets(tmp: &Path) -> PathBuf {
    let dir = tmp.join("archive");
    {
        let archive = Archive::open(&dir).unwrap();
        let wire = "Ministers of the Middle Corridor countries met in Astana on Tuesday to agree on new rules for \
            container traffic across the Caspian Sea. The agreement sets common tariffs, a single digital \
            document for cargo and shorter border checks at Aktau and Baku. Officials said the route could \
            carry ten million tonnes a year by the end of the decade if the ports are modernised in time.";
        let inbox = tmp.join("in");
        write(&inbox, "reuters.txt", format!("Corridor ministers agree on Caspian rules\n\n{wire}"));
        write(
            &inbox,
            "kazinform.txt",
            format!("Astana: new rules for the Caspian route\n\n{wire} Subscribe to our channel."),
        );
        write(&inbox, "tengri.txt", format!("Caspian cargo to cross faster\n\nRead also: weather. {wire}"));
        write(&inbox, "other.txt", "Election campaign in Belgium\n\nParties present their programmes.");
        let report = archive.import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap();
        assert_eq!(report.n_imported(), 4);
        for (title, outlet, day) in [
            ("Corridor ministers agree on Caspian rules", "Reuters", 3),
            ("Astana: new rules for the Caspian route", "Kazinform", 4),
            ("Caspian cargo to cross faster", "Tengrinews", 5),
        ] {
            let id = archive.search_str(&format!("\"{title}\"")).unwrap()[0].id;
            let mut c = archive.get(id).unwrap();
            c.source = outlet.into();
            c.published = chrono::NaiveDate::from_ymd_opt(2026, 11, day);
            archive.update(&c).unwrap();
        }
    }
    dir
}

/// Steps the window until it shows `n` cards: the stories are found on a thread of their own.
fn until_cards(h: &mut Harness<'static, ClippingsApp>, n: usize) {
    for _ in 0..200 {
        if titles(h).len() == n {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        settle(h);
    }
}

#[test]
fn a_story_printed_by_three_outlets_is_one_card_with_its_reprints_listed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = a_story_in_three_outlets(tmp.path());
    let mut h = harness(&dir, Settings { view: View::Grid, ..Settings::default() });
    until_cards(&mut h, 2);
    let mut shown = titles(&h);
    shown.sort();
    assert_eq!(shown, ["Corridor ministers agree on Caspian rules", "Election campaign in Belgium"]);
    h.get_by_label("Corridor ministers agree on Caspian rules").click();
    settle(&mut h);
    h.get_by_label("Also printed by (2)");
    h.get_by_label("Kazinform");
    h.get_by_label("Tengrinews");

    // Every clipping again when asked.
    h.get_by_label("One card per story").click();
    settle(&mut h);
    assert_eq!(titles(&h).len(), 4);
    assert!(!h.state().state().settings.collapse_reprints);
}

#[test]
fn a_story_printed_by_forty_outlets_lists_its_reprints_in_a_box_that_draws_the_lines_in_sight() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    {
        let archive = Archive::open(&dir).unwrap();
        let wire = "Ministers of the Middle Corridor countries met in Astana on Tuesday to agree on new rules for \
            container traffic across the Caspian Sea. The agreement sets common tariffs, a single digital \
            document for cargo and shorter border checks at Aktau and Baku. Officials said the route could \
            carry ten million tonnes a year by the end of the decade if the ports are modernised in time.";
        let inbox = tmp.path().join("in");
        for i in 1..=40 {
            write(
                &inbox,
                &format!("outlet{i:02}.txt"),
                format!("Caspian rules, edition {i:02}\n\n{wire} Desk {i:02}."),
            );
        }
        let report = archive.import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap();
        assert_eq!(report.n_imported(), 40);
        for i in 1..=40u32 {
            let id = archive.search_str(&format!("\"edition {i:02}\"")).unwrap()[0].id;
            let mut c = archive.get(id).unwrap();
            c.source = format!("Outlet {i:02}");
            c.published = chrono::NaiveDate::from_ymd_opt(2026, 10, i % 28 + 1)
                .map(|d| d + chrono::Days::new(u64::from(i / 28) * 28));
            archive.update(&c).unwrap();
        }
    }
    let mut h = harness(&dir, Settings { view: View::Grid, ..Settings::default() });
    until_cards(&mut h, 1);
    assert_eq!(titles(&h).len(), 1, "one card for the story");
    h.get_by_label(&titles(&h)[0]).click();
    settle(&mut h);
    h.get_by_label("Also printed by (39)");
    // The earliest reprints are in sight; the latest are drawn only once scrolled to.
    h.get_by_label("Outlet 02");
    assert!(h.query_by_label("Outlet 40").is_none());
}

#[test]
fn a_selection_made_before_the_stories_fold_still_tags_every_reprint() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = a_story_in_three_outlets(tmp.path());
    let mut h = harness(&dir, Settings { view: View::List, collapse_reprints: false, ..Settings::default() });
    until_cards(&mut h, 4);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    settle(&mut h);
    assert_eq!(h.state().state().selection.len(), 4);

    // The stories fold into one card each: the selection keeps to the two cards shown, and
    // they stand for all four clippings.
    h.get_by_label("One card per story").click();
    settle(&mut h);
    until_cards(&mut h, 2);
    assert_eq!(h.state().state().selection.len(), 2);
    assert_eq!(h.state().state().selected_ids().len(), 4);
    h.get_by_label("4 clippings selected");
    // The status bar counts the clippings found, then the cards they are shown as.
    h.get_by_label("4 clippings");
    h.get_by_label("· 2 cards");
    h.get_by_label("Add tag").click();
    h.step();
    h.get_by_label("Add tag").type_text("Caspian route");
    h.step();
    h.key_press(Key::Enter);
    settle(&mut h);
    h.get_by_label_contains("to 4 clippings");

    // Each clipping again: the reprints carry the tag, as the card they were folded into.
    h.get_by_label("One card per story").click();
    settle(&mut h);
    until_cards(&mut h, 4);
    let tagged = h.state().state().results.iter().filter(|e| e.topics() == "Caspian route").count();
    assert_eq!(tagged, 4, "{:?}", h.state().state().results.iter().map(|e| e.topics()).collect::<Vec<_>>());

    // A card not selected, from its menu, reaches its reprints as well.
    h.get_by_label("One card per story").click();
    settle(&mut h);
    until_cards(&mut h, 2);
    h.get_by_label("Election campaign in Belgium").click();
    settle(&mut h);
    let card = h.state().state().results.iter().find(|e| e.card.title().starts_with("Corridor")).map(|e| e.id());
    let ids = h.state().state().selected_ids_or(card.unwrap());
    assert_eq!(ids.len(), 3);
}
