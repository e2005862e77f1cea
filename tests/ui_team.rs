//! The window on a team archive, through egui_kittest, with another desktop working on the same
//! server (a PostgreSQL 15 the test starts, `common/pg.rs`): what it imports shows up with a
//! toast, and an edit it overtook is kept to apply again.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/pg.rs"]
mod pg;
#[path = "common/window.rs"]
mod window;

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use clippings::archive::edit::Edit;
use clippings::archive::{Archive, Place};
use common::*;
use egui_kittest::kittest::Queryable as _;
use window::{open_in_english, settle, step_until};

#[test]
fn another_desktops_import_shows_and_an_overtaken_edit_is_kept() {
    let Some(pg) = pg::server() else { return };
    let (_, url) = pg.database();
    clippings::archive::team::init(&url).unwrap();
    let caches = tempfile::tempdir().unwrap();
    let other = Archive::open_place(&Place::Team { url: url.clone(), cache: caches.path().join("b") }).unwrap();
    let inbox = caches.path().join("inbox");
    write(&inbox, "brussels.txt", PASTED_CLIPPING);
    other.import(std::slice::from_ref(&inbox), &mut |_| {}, &AtomicBool::new(false)).unwrap();

    let place = Place::Team { url: url.clone(), cache: caches.path().join("a") };
    let mut h = open_in_english(place);
    h.get_by_label("Brussels talks: Kazakhstan and Benelux build bridges");

    // Another desktop imports: the window shows it within 2 s, and says who did.
    write(&inbox, "forum.txt", "Astana forum opens\n\nMinisters met in Astana to discuss the Middle Corridor.\n");
    let started = Instant::now();
    other.import(&[inbox.join("forum.txt")], &mut |_| {}, &AtomicBool::new(false)).unwrap();
    step_until(&mut h, Duration::from_secs(10), "the other desktop's import", |h| {
        h.query_by_label("Astana forum opens").is_some()
    });
    let took = started.elapsed();
    assert!(took < Duration::from_secs(2), "shown after {took:?}");
    h.query_by_label_contains("imported 1 clipping").expect("a toast says what arrived");

    // The window's user is writing a note when the other desktop changes the same note (and the
    // title): saving hers is refused as stale, and her text is kept to apply again.
    h.get_by_label("Brussels talks: Kazakhstan and Benelux build bridges").click();
    settle(&mut h);
    // The pane says who imported it.
    h.get_by_label_contains(&format!("imported by {}", url.split("://").nth(1).unwrap().split(':').next().unwrap()));
    h.get_by_label("Notes").focus();
    h.step();
    h.get_by_label("Notes").type_text("Called the embassy.");
    h.step();
    let id = other.search_str("Benelux").unwrap()[0].id;
    let mut theirs = other.get(id).unwrap();
    theirs.title = "Kazakhstan and Benelux: talks in Brussels".to_owned();
    theirs.notes = "Sent to the minister.".to_owned();
    other.apply(Edit::Update(Box::new(theirs))).unwrap();
    step_until(&mut h, Duration::from_secs(10), "the other desktop's edit", |h| {
        h.query_all_by_label("Kazakhstan and Benelux: talks in Brussels").next().is_some()
    });
    h.get_by_label("Title").focus();
    settle(&mut h);
    h.get_by_label_contains("Your change, not saved");
    // The pane's history has the other desktop's edit, read again when it arrived.
    h.get_by_label_contains("edited by");
    h.get_by_label("Notes: Called the embassy.");
    let kept = other.get(id).unwrap();
    assert_eq!(
        (kept.title.as_str(), kept.notes.as_str()),
        ("Kazakhstan and Benelux: talks in Brussels", "Sent to the minister."),
        "nothing of the stale edit was written"
    );
    h.get_by_label("Apply mine again").click();
    settle(&mut h);
    let both = other.get(id).unwrap();
    assert_eq!(
        (both.title.as_str(), both.notes.as_str()),
        ("Kazakhstan and Benelux: talks in Brussels", "Called the embassy."),
        "both changes stand"
    );
    assert!(h.query_by_label_contains("Your change, not saved").is_none());
}

#[test]
fn the_window_asks_for_a_password_and_says_when_it_is_wrong() {
    let Some(pg) = pg::server() else { return };
    if std::env::var_os("PGPASSWORD").is_some() {
        eprintln!("skipped: PGPASSWORD is set, so no password is asked for");
        return;
    }
    let (db, owner) = pg.database();
    clippings::archive::team::init(&owner).unwrap();
    let role = format!("{db}_aliya");
    pg.login_role(&role, "correct horse");
    clippings::archive::team::add(&owner, &role, clippings::archive::team::TeamRole::Reader).unwrap();
    let caches = tempfile::tempdir().unwrap();
    let boss = Archive::open_place(&Place::Team { url: owner.clone(), cache: caches.path().join("boss") }).unwrap();
    let inbox = caches.path().join("inbox");
    write(&inbox, "brussels.txt", PASTED_CLIPPING);
    boss.import(std::slice::from_ref(&inbox), &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let url = format!("postgres://{role}@127.0.0.1:{}/{db}", pg.port);
    let place = Place::Team { url, cache: caches.path().join("a") };
    let mut h = open_in_english(place);
    h.get_by_label_contains(&format!("the team archive wants the password of {role}"));
    for (typed, expect) in [("wrong", "refused the password"), ("correct horse", "All clippings")] {
        h.get_by_label("Password").focus();
        h.step();
        h.get_by_label("Password").type_text(typed);
        h.step();
        h.get_by_label("Connect").click();
        step_until(&mut h, Duration::from_secs(10), expect, |h| h.query_by_label_contains(expect).is_some());
    }
    // A reader: the window says so, and changes nothing.
    h.get_by_label_contains("read-only");
    h.get_by_label("Brussels talks: Kazakhstan and Benelux build bridges").click();
    settle(&mut h);
    // Its fields are shown, not editable; a change asked by key is refused with the reason.
    h.get_by_label("Notes").type_text("A reader's note.");
    h.step();
    h.key_press(egui::Key::Delete);
    settle(&mut h);
    assert!(h.query_all_by_label_contains("you may read this team archive but not change it").next().is_some());
    let id = boss.search_str("Benelux").unwrap()[0].id;
    let kept = boss.get(id).unwrap();
    assert_eq!((kept.notes.as_str(), kept.trashed_at), ("", None), "the reader changed nothing");
}
