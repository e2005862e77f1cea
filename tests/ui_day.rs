//! The window through a press officer's working day (#36): OR between filters, one order for the
//! list's headers and the top bar, a detail pane that holds still, the selection after Delete,
//! bulk actions within reach, the list at 800x600, dialogs that keep the keyboard, toasts that
//! go, the press review's scope, and typing that loses no key.
// Helpers outside #[test] functions panic on purpose: a failed set-up is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use std::path::Path;
use std::sync::atomic::AtomicBool;

use clippings::archive::{Archive, TagKind, tags};
use clippings::i18n::Lang;
use clippings::search::query::Sort;
use clippings::ui::{ClippingsApp, Settings, View};
use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use window::{seeded, seeded_with_saved, settle};

fn harness_at(dir: &Path, settings: Settings, size: [f32; 2]) -> Harness<'static, ClippingsApp> {
    let dir = dir.to_path_buf();
    let settings = Settings { language: settings.language.or(Some(Lang::En)), ..settings };
    let mut h =
        Harness::builder().with_size(size).build_eframe(move |cc| ClippingsApp::new(&cc.egui_ctx, dir, settings));
    settle(&mut h);
    h
}

fn harness(dir: &Path, settings: Settings) -> Harness<'static, ClippingsApp> {
    harness_at(dir, settings, [1280.0, 800.0])
}

fn titles(h: &Harness<'static, ClippingsApp>) -> Vec<String> {
    let mut found: Vec<String> = h.state().state().results.iter().map(|e| e.card.title().to_owned()).collect();
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

/// Tags `n` clippings with as many countries as there are, a few each: a bulk selection of
/// them carries dozens of country chips.
fn tag_many_countries(dir: &Path) {
    let archive = Archive::open(dir).unwrap();
    let ids: Vec<_> = archive.all_clippings().unwrap().into_iter().map(|c| c.id).collect();
    let codes = [
        "AT", "AU", "BR", "CA", "CH", "CN", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GE", "GR", "HU", "IE",
        "IN", "IT", "JP", "KG", "KR", "LT", "LV", "MN", "MX", "NL", "NO", "PL", "PT", "RO", "RU", "SE", "SK", "TJ",
        "TM", "TR", "UA", "US", "UZ", "ZA",
    ];
    for (i, code) in codes.iter().enumerate() {
        let tag = tags::resolve(TagKind::Country, code).unwrap();
        let some: Vec<_> = ids.iter().copied().skip(i).step_by(codes.len()).collect();
        archive.add_tag(&tag, &some).unwrap();
    }
}

#[test]
fn the_pane_holds_still_and_delete_moves_on_to_the_next() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = harness(&seeded(tmp.path(), 12), Settings::default());
    // Nothing selected: the pane is there, saying what to do.
    let pane = h.state().panel_rects().detail.expect("the pane is shown with nothing selected");
    h.get_by_label("Nothing selected");
    let columns = h.state().browser_columns();
    // Selecting a card keeps the grid's columns, and the card stays where it was clicked.
    let card = h.get_by_label("Note number 7 on grain exports").rect();
    h.get_by_label("Note number 7 on grain exports").click();
    settle(&mut h);
    assert_eq!(h.state().browser_columns(), columns);
    assert_eq!(h.state().panel_rects().detail, Some(pane));
    let card_now = h.get_all_by_label("Note number 7 on grain exports").map(|n| n.rect()).find(|r| *r == card);
    assert!(card_now.is_some(), "the clicked card moved");
    // Delete, Delete, Delete: each time the next one is selected and goes too.
    let before = h.state().state().results.len();
    for _ in 0..3 {
        assert_eq!(h.state().state().selection.len(), 1);
        h.key_press(egui::Key::Delete);
        settle(&mut h);
    }
    assert_eq!(h.state().state().results.len(), before - 3);
    assert_eq!(h.state().state().selection.len(), 1, "the next one is selected");
    // Escape clears the selection and the pane stays.
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    assert!(h.state().state().selection.is_empty());
    assert_eq!(h.state().panel_rects().detail, Some(pane));
}

#[test]
fn a_selection_with_few_tags_or_none_shows_them_all_with_nothing_folded() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path(), 8);
    let mut h = harness_at(&dir, Settings::default(), [1280.0, 800.0]);
    // Everything: two countries among them, nothing folded away.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    settle(&mut h);
    assert_eq!(h.state().state().selection.len(), 8);
    assert!(h.query_all_by_label_contains("BE Belgium").count() >= 2, "in the sidebar and the pane");
    assert!(h.query_by_label_contains("more…").is_none());
    // Untagged notes only: no tags, and no "and 0 more".
    search(&mut h, "grain");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    settle(&mut h);
    assert_eq!(h.state().state().selection.len(), 4);
    assert!(h.query_by_label_contains("more…").is_none());
}

#[test]
fn bulk_actions_are_in_reach_and_many_go_to_the_trash_only_when_confirmed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path(), 150);
    tag_many_countries(&dir);
    let mut h = harness_at(&dir, Settings::default(), [800.0, 600.0]);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    settle(&mut h);
    assert_eq!(h.state().state().selection.len(), 150);
    // The actions come first, inside the window; the long list of countries is folded.
    for label in ["Suggest tags for these 150", "Review these…", "Export these…", "Move to trash"] {
        let rect = h.get_by_label(label).rect();
        assert!(rect.bottom() < 600.0 && rect.right() <= 800.0, "{label} at {rect:?}");
    }
    h.get_by_label_contains("more…");
    // Trashing 150 asks first; cancelling keeps them all.
    h.get_by_label("Move to trash").click();
    settle(&mut h);
    h.get_by_label("Move 150 clippings to the trash?");
    h.key_press(egui::Key::Delete);
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert_eq!(h.state().state().results.len(), 150);
    // Delete asks too; confirming trashes them.
    h.key_press(egui::Key::Delete);
    settle(&mut h);
    h.get_by_label("Move 150 to the trash").click();
    settle(&mut h);
    assert_eq!(h.state().state().results.len(), 0);
}

#[test]
fn a_dialog_keeps_the_keyboard_and_holds_still() {
    let tmp = tempfile::tempdir().unwrap();
    // In Russian: there the country layout adds a line to the dialog.
    let mut h = harness(&seeded(tmp.path(), 4), Settings { language: Some(Lang::Ru), ..Settings::default() });
    h.get_by_label("Экспорт…").click();
    settle(&mut h);
    let dialog = h.get_by_label("Экспорт вырезок").rect();
    // "/" would put the keyboard in the search box: not while the dialog is open.
    h.key_press(egui::Key::Slash);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.step();
    h.step();
    assert!(!h.get_by_label("Поиск").is_focused());
    h.get_by_label("Папка").click();
    h.step();
    h.get_by_label("Папка").type_text("/tmp/out");
    settle(&mut h);
    assert_eq!(h.state().state().search_text, "");
    // Another layout makes the dialog taller, not moved.
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Структура").click();
    h.step();
    h.step();
    h.get_by_label("Папка для каждой страны").click();
    settle(&mut h);
    let now = h.get_by_label("Экспорт вырезок").rect();
    assert_eq!(now.top(), dialog.top(), "the dialog moved: {dialog:?} → {now:?}");
    // Escape closes it, and the keys are the browser's again.
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    assert!(h.query_by_label("Экспорт вырезок").is_none());
    h.key_press(egui::Key::Slash);
    h.step();
    h.step();
    assert!(h.get_by_label("Поиск").is_focused());
}

#[test]
fn toasts_go_in_their_time_and_an_undo_toast_goes_when_undone() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = harness(&seeded(tmp.path(), 4), Settings::default());
    // A plain message goes by itself after a few seconds.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    h.get_by_label("Nothing to undo");
    let shown = std::time::Instant::now();
    while h.query_by_label("Nothing to undo").is_some() {
        assert!(shown.elapsed() < std::time::Duration::from_secs(9), "the toast stayed");
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(shown.elapsed() >= std::time::Duration::from_secs(5), "gone too soon: {:?}", shown.elapsed());
    // A change's toast offers its undo; once undone (here by Ctrl+Z), the toast goes at once.
    h.get_by_label("Election campaign in Belgium").click();
    settle(&mut h);
    h.key_press(egui::Key::Delete);
    settle(&mut h);
    assert!(h.query_by_label("Undo").is_some(), "the toast offers an undo");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert!(h.query_by_label("Undo").is_none(), "a spent undo is still offered");
    assert_eq!(h.state().state().results.len(), 4);
}

#[test]
fn the_language_menu_goes_back_to_the_systems_language() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = harness(&seeded(tmp.path(), 4), Settings { language: Some(Lang::Ru), ..Settings::default() });
    h.get_by_label("Язык").click();
    h.step();
    h.step();
    h.get_by_label_contains("Как в системе").click();
    settle(&mut h);
    assert_eq!(h.state().state().settings.language, None, "the system's language is followed");
    assert_eq!(clippings::i18n::language(), Lang::from_system());
}

#[test]
fn the_list_at_800x600_shows_title_date_and_source_and_fits_the_room() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path(), 8);
    let mut h = harness_at(&dir, Settings { view: View::List, ..Settings::default() }, [800.0, 600.0]);
    for header in ["Title", "Date", "Source"] {
        let rect = h.get_by_label(header).rect();
        assert!(rect.right() <= 800.0, "{header} at {rect:?}");
    }
    // The date itself, short; an import date (no publication date here) is marked as such.
    let today = chrono::Local::now().date_naive();
    let short = clippings::i18n::format_date_short(today, Lang::En);
    assert_eq!(h.get_all_by_label(&short).count(), 7, "each article shows {short}");
    h.get_by_label("1 Mar 24");
    // The title takes the room the others leave, whatever was shown before.
    let title_px = |h: &Harness<'static, ClippingsApp>| h.get_by_label("Title").rect().width();
    let before = title_px(&h);
    search(&mut h, "kind:photo");
    h.get_by_label("×").click();
    settle(&mut h);
    assert!((title_px(&h) - before).abs() < 2.0, "the title column changed from {before} to {}", title_px(&h));
    // With the pane made wider, the columns fit the narrower room.
    let browser = h.state().panel_rects().browser.unwrap();
    for header in ["Title", "Date", "Source"] {
        let rect = h.get_by_label(header).rect();
        assert!(rect.right() <= browser.right() + 1.0, "{header} at {rect:?} beyond {browser:?}");
    }
}

/// What the last frames put on the clipboard, if anything.
fn copied(h: &mut Harness<'static, ClippingsApp>) -> Option<String> {
    for _ in 0..50 {
        h.step();
        let text = h.output().platform_output.commands.iter().find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        });
        if text.is_some() {
            return text;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    None
}

#[test]
fn a_card_has_a_menu_that_acts_on_it_or_on_the_selection() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = harness(&seeded(tmp.path(), 4), Settings::default());
    // A right click selects the card and opens its menu.
    h.get_by_label("Green hydrogen in Kazakhstan").click_secondary();
    settle(&mut h);
    assert_eq!(h.state().state().selection.len(), 1);
    for item in ["Open the original", "Show in folder", "Copy headline, outlet and date", "Tag…", "Move to trash"] {
        h.get_by_label(item);
    }
    // The whole text, read from the archive (the grid holds leads only).
    h.get_by_label("Copy the text").click();
    let text = copied(&mut h).expect("nothing copied");
    assert!(text.starts_with("Green hydrogen in Kazakhstan"), "{text}");
    assert!(text.contains("An energy project near Astana."), "{text}");
    settle(&mut h);
    // With two selected, the menu speaks of both, and trashes both.
    h.get_by_label("Election campaign in Belgium").click_modifiers(egui::Modifiers::COMMAND);
    settle(&mut h);
    h.get_all_by_label("Election campaign in Belgium").next().unwrap().click_secondary();
    settle(&mut h);
    h.get_by_label("Copy headlines, outlets and dates of 2").click();
    let references = copied(&mut h).expect("nothing copied");
    assert_eq!(references.lines().count(), 2, "{references}");
    settle(&mut h);
    h.get_all_by_label("Election campaign in Belgium").next().unwrap().click_secondary();
    settle(&mut h);
    h.get_by_label("Move 2 to trash").click();
    settle(&mut h);
    assert_eq!(h.state().state().results.len(), 2);
    // "Tag…" puts the keyboard in the pane's tag field.
    h.get_all_by_label("d").next().unwrap().click_secondary();
    settle(&mut h);
    h.get_by_label("Tag…").click();
    settle(&mut h);
    assert!(h.get_by_label("Add tag").is_focused());
}

#[test]
fn without_a_file_dialog_the_window_says_so_and_takes_a_typed_path() {
    // The tests run with no display: no portal, no zenity can show a dialog.
    let tmp = tempfile::tempdir().unwrap();
    let mut h = harness(&seeded(tmp.path(), 4), Settings::default());
    let inbox = tmp.path().join("typed in");
    write(&inbox, "e.txt", "Wheat harvest in Kostanay\nA record year for the region's farms.");
    h.get_by_label("Import").click();
    h.step();
    h.step();
    h.get_by_label("Files…").click();
    window::step_until(&mut h, std::time::Duration::from_secs(10), "the path prompt", |h| {
        h.query_by_label("No file dialog on this desktop").is_some()
    });
    // A path that is not there is told so; the prompt stays.
    h.get_by_role(egui::accesskit::Role::MultilineTextInput).type_text("/nowhere/at/all");
    h.step();
    h.get_by_label("Import from these paths").click();
    settle(&mut h);
    h.get_by_label_contains("Nothing is at /nowhere/at/all");
    // The folder's path, pasted as a file manager copies it, imports it.
    let field = h.get_by_role(egui::accesskit::Role::MultilineTextInput);
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role(egui::accesskit::Role::MultilineTextInput).type_text(&format!("file://{}", inbox.display()));
    h.step();
    h.get_by_label("Import from these paths").click();
    settle(&mut h);
    assert!(h.query_by_label("No file dialog on this desktop").is_none());
    window::step_until(&mut h, std::time::Duration::from_secs(20), "the import", |h| {
        h.state().state().results.iter().any(|e| e.card.title() == "Wheat harvest in Kostanay")
    });
}

#[test]
fn the_review_is_of_the_scope_chosen_with_each_count() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded_with_saved(tmp.path(), 12, Some(("Grain", "grain")));
    let mut h = harness(&dir, Settings::default());
    // The saved search opened: one card may be selected, the review is still of its results.
    h.get_by_label("Grain (8)").click();
    settle(&mut h);
    h.get_by_label("Note number 7 on grain exports").click();
    settle(&mut h);
    h.get_by_label("Press review…").click();
    settle(&mut h);
    let scope = |h: &Harness<'static, ClippingsApp>| {
        h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Of").value().unwrap_or_default()
    };
    assert_eq!(scope(&h), "All the results (8 clippings)");
    h.get_by_label_contains(", 8 stories");
    // The choices, each with its count; the preview follows the one chosen.
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Of").click();
    h.step();
    h.step();
    h.get_by_label("The selection (1 clipping)");
    h.get_by_label("The saved search “Grain” (8 clippings)");
    h.get_by_label("The selection (1 clipping)").click();
    settle(&mut h);
    assert_eq!(scope(&h), "The selection (1 clipping)");
    h.get_by_label_contains(", 1 story");
}

#[test]
fn no_keystroke_is_lost_in_the_review_title_with_150_clippings() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = harness(&seeded(tmp.path(), 150), Settings::default());
    h.get_by_label("Press review…").click();
    settle(&mut h);
    h.get_by_label("Title").click();
    h.step();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.step();
    // A letter a frame, as fast as a person types and faster, while previews are laid out.
    let typed = "Обзор прессы: Средний коридор, неделя 49";
    let mut slowest = std::time::Duration::ZERO;
    for letter in typed.chars() {
        h.get_by_label("Title").type_text(&letter.to_string());
        let frame = std::time::Instant::now();
        h.step();
        slowest = slowest.max(frame.elapsed());
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    settle(&mut h);
    assert_eq!(h.get_by_label("Title").value().as_deref(), Some(typed));
    eprintln!("slowest frame while typing: {slowest:?}");
    assert!(slowest < std::time::Duration::from_millis(500), "a frame took {slowest:?}");
}

#[test]
fn a_photos_agency_fields_are_edited_in_the_pane_and_a_tiny_one_is_not_lost_in_a_box() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path(), 4);
    {
        let archive = Archive::open(&dir).unwrap();
        let inbox = tmp.path().join("tiny");
        write(&inbox, "icon.png", png(8, 8, [200, 30, 30]));
        archive.import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap();
    }
    let mut h = harness(&dir, Settings::default());
    h.get_by_label("d").click();
    settle(&mut h);
    h.get_by_label("Credit").click();
    h.step();
    h.get_by_label("Credit").type_text("Akorda press service");
    h.step();
    h.get_by_label("Caption").click();
    h.step();
    h.get_by_label("Caption").type_text("Delegations at the forum");
    h.get_by_label("Title").click();
    settle(&mut h);
    let archive_photo = |h: &Harness<'static, ClippingsApp>| {
        h.state().state().results.iter().find(|e| e.card.title() == "d").map(|e| e.card.clone()).unwrap()
    };
    // Two saves, each read back into the results when the worker is done with it.
    window::step_until(&mut h, std::time::Duration::from_secs(10), "the credit and the caption saved", |h| {
        let photo = archive_photo(h);
        photo.credit() == "Akorda press service" && photo.caption() == "Delegations at the forum"
    });
    // An 8x8 picture: its frame is small, the picture shown enlarged, and said so.
    h.get_by_label("icon").click();
    settle(&mut h);
    h.get_by_label_contains("12× enlarged");
}

#[test]
fn the_pane_keeps_its_width_at_800x600_in_russian_and_kazakh() {
    for lang in [Lang::Ru, Lang::Kk] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = seeded(tmp.path(), 4);
        {
            let archive = Archive::open(&dir).unwrap();
            let inbox = tmp.path().join("long");
            write(
                &inbox,
                "long.txt",
                "Бывший американский дипломат назвал высказывания М. Помпео, направленные против Китая, \"примитивными и неэффективными\" Крайне провокационная речь государственного секретаря США Майкла Помпео в президентской библиотеке Ричарда Никсона, направленная на очернение Китая, является \"примитивной и неэффективной\". Об этом в пятницу заявил бывший помощник госсекретаря США.\nПосол и министр иностранных дел обсудили дипломатию, визит и переговоры; парламент и выборы, партия и президент, сообщает ТАСС.",
            );
            archive.import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap();
            let id = archive.all_clippings().unwrap().into_iter().find(|c| c.title.starts_with("Бывший")).unwrap().id;
            for code in ["CN", "US"] {
                archive.add_tag(&tags::resolve(TagKind::Country, code).unwrap(), &[id]).unwrap();
            }
        }
        let mut h = harness_at(&dir, Settings { language: Some(lang), ..Settings::default() }, [800.0, 600.0]);
        let before = h.state().panel_rects().detail.expect("the pane");
        let columns = h.state().browser_columns();
        let titles: Vec<String> = h.state().state().results.iter().map(|e| e.card.title().to_owned()).collect();
        let long = titles.iter().find(|t| t.starts_with("Бывший")).expect("the long clipping").clone();
        h.get_all_by_label(&long).next().unwrap_or_else(|| panic!("no card {long:?} among {titles:?}")).click();
        settle(&mut h);
        let after = h.state().panel_rects().detail.expect("the pane");
        assert!((after.width() - before.width()).abs() < 1.0, "{lang:?}: the pane went from {before:?} to {after:?}");
        assert_eq!(h.state().browser_columns(), columns, "{lang:?}");
    }
}

#[test]
fn the_coverage_view_counts_the_results_and_a_click_narrows_to_a_group() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h =
        harness_at(&seeded(tmp.path(), 8), Settings { view: View::Coverage, ..Settings::default() }, [1600.0, 1000.0]);
    // By country, per month: the top bars name each country with its count.
    h.get_by_label("Most clippings by country");
    h.get_by_label("BE Belgium");
    h.get_by_label("KZ Kazakhstan");
    // The three with a country have no date of their own: counted on the day of their import.
    h.get_by_label_contains("3 clippings have no date of their own");
    // A click on Belgium's bar narrows the search to it.
    h.get_by_label("BE Belgium").click();
    settle(&mut h);
    assert_eq!(h.state().state().search_text, "country:BE");
    assert_eq!(titles(&h), ["Brussels talks on the Middle Corridor", "Election campaign in Belgium"]);
    // By kind: articles and photos, what the results hold.
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "By").click();
    h.step();
    h.step();
    h.get_by_label("kind").click();
    settle(&mut h);
    h.get_by_label("Most clippings by kind");
    h.get_by_label("Article");
}

#[test]
fn the_export_dialog_can_add_the_coverage_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = harness(&seeded(tmp.path(), 4), Settings::default());
    let dest = tmp.path().join("for the minister");
    h.get_by_label("Export…").click();
    settle(&mut h);
    h.get_by_label("Folder").click();
    h.step();
    h.get_by_label("Folder").type_text(dest.to_str().unwrap());
    h.get_by_label("Also coverage.csv: counts per month").click();
    settle(&mut h);
    h.get_by_label("Export").click();
    window::step_until(&mut h, std::time::Duration::from_secs(20), "the export", |h| {
        h.state().state().export_report.is_some()
    });
    let csv = std::fs::read_to_string(dest.join("coverage.csv")).expect("coverage.csv beside the export");
    assert!(csv.starts_with("grouping,period,group,count"), "{csv}");
    assert!(csv.lines().any(|l| l.starts_with("country,") && l.ends_with(",BE,2")), "{csv}");
    assert!(dest.join("clippings.csv").exists());
}

/// The inbox and the rules as a press officer meets them (#32): "Inbox (N)" in the sidebar,
/// D takes the selected clipping out and selects the next, Ctrl+Z puts it back; Import ›
/// Rules… counts what a search finds as it is typed, keeps the rule, and runs it with an undo.
#[test]
fn the_inbox_empties_with_d_and_a_rule_is_made_in_its_dialog() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = seeded(tmp.path(), 6);
    let mut h = harness(&dir, Settings { view: View::List, ..Settings::default() });
    h.get_by_label("Inbox (6)").click();
    settle(&mut h);
    assert_eq!(titles(&h).len(), 6);
    h.get_by_label("Green hydrogen in Kazakhstan").click();
    settle(&mut h);
    h.key_press(egui::Key::D);
    settle(&mut h);
    h.get_by_label("Inbox (5)");
    assert_eq!(titles(&h).len(), 5, "it left the inbox's view");
    assert!(!titles(&h).contains(&"Green hydrogen in Kazakhstan".to_owned()));
    assert_eq!(h.state().state().selected_ids().len(), 1, "the next one is selected");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    h.get_by_label("Inbox (6)");

    h.get_by_label("Import").click();
    h.run_steps(2);
    h.get_by_label("Rules…").click();
    settle(&mut h);
    h.get_by_label("No rules yet.");
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "When").click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "When").type_text("hydrogen");
    settle(&mut h);
    h.get_by_label("Finds 1 clipping now");
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name").click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name").type_text("energy");
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Add tags").click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Add tags").type_text("topic:энергетика");
    h.run_steps(2);
    h.get_by_label("Save rule").click();
    settle(&mut h);
    h.get_by_label_contains("Rule “energy” saved");
    h.get_by_label_contains("when hydrogen — energy (finds 1 now)");
    h.get_by_label("Apply now").click();
    settle(&mut h);
    h.get_by_label_contains("Added topic energy to 1 clipping");
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    assert!(h.query_by_label("No rules yet.").is_none() && h.query_by_label("Save rule").is_none(), "closed");
    let archive_tags: Vec<String> =
        h.state().state().tag_counts.iter().filter(|t| t.tag.kind == TagKind::Topic).map(|t| t.tag.key()).collect();
    assert!(archive_tags.contains(&"topic:energy".to_owned()), "{archive_tags:?}");
}
