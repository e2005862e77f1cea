//! Where Windows differs from Linux in a way a press officer meets: files another program holds
//! open (a review still open in Word, a download being written), paths longer than Windows'
//! old 260 characters, the keyring as Credential Manager. Built and run on Windows only: `.ci/run`
//! runs them under Wine (`scripts/windows-tests.sh`); on Linux this file holds no test.
#![cfg(windows)]
// Helpers outside #[test] functions panic on purpose: a failed set-up is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs::{File, OpenOptions};
use std::os::windows::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use clippings::archive::Archive;
use clippings::import::{ImportError, ImportReport, Outcome};
use clippings::keyring::Keyring;
use clippings::review::{self, ReviewOptions, fonts::FontSet};
use clippings::search::query::{Query, Sort};
use common::*;

/// `FILE_SHARE_READ`: others may read the file, not write, rename or remove it (as Word holds a
/// document it has open).
const SHARE_READ: u32 = 1;

/// Opens `path` as another program would that shares it with no one (`share`: 0) or only with
/// readers.
fn hold_open(path: &Path, share: u32) -> File {
    OpenOptions::new().read(true).write(true).share_mode(share).open(path).unwrap()
}

fn import(archive: &Archive, paths: &[PathBuf]) -> ImportReport {
    archive.import(paths, &mut |_| {}, &AtomicBool::new(false)).unwrap()
}

fn outcome<'a>(report: &'a ImportReport, name: &str) -> &'a Outcome {
    &report.outcomes.iter().find(|o| o.path.file_name().unwrap() == name).unwrap().outcome
}

#[test]
fn a_file_open_in_another_program_fails_alone_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let inbox = tmp.path().join("inbox");
    let held = write(&inbox, "being written.txt", "Переговоры в Брюсселе\n\nКазахстан и Бельгия.\n");
    write(&inbox, "free.txt", PASTED_CLIPPING);
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();

    let handle = hold_open(&held, 0);
    let report = import(&archive, std::slice::from_ref(&inbox));
    assert!(matches!(outcome(&report, "free.txt"), Outcome::Imported { .. }), "{report:?}");
    match outcome(&report, "being written.txt") {
        Outcome::Failed { reason } => {
            assert_eq!(*reason, ImportError::InUse);
            assert!(reason.to_string().contains("open in another program"), "{reason}");
        }
        other => panic!("a file held open was {other:?}"),
    }
    assert_eq!(archive.search_ids(&Query::default(), Sort::default()).unwrap().len(), 1);

    // Closed there, it imports.
    drop(handle);
    let again = import(&archive, &[held]);
    assert!(matches!(outcome(&again, "being written.txt"), Outcome::Imported { .. }), "{again:?}");
    assert_eq!(archive.search_ids(&Query::default(), Sort::default()).unwrap().len(), 2);
}

#[test]
fn a_review_over_one_still_open_says_so_and_keeps_the_old_one() {
    let tmp = tempfile::tempdir().unwrap();
    let inbox = tmp.path().join("inbox");
    write(&inbox, "brussels.txt", PASTED_CLIPPING);
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    import(&archive, &[inbox]);
    let ids = archive.search_ids(&Query::default(), Sort::default()).unwrap();
    let options = ReviewOptions { title: "Morning review".to_owned(), ..ReviewOptions::default() };
    let made = review::build(&archive, &ids, &options, &|_, _| {}, &AtomicBool::new(false)).unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let path = out.join("review.docx");
    review::write(&made, review::Format::Docx, &path, &FontSet::builtin()).unwrap();
    let old = std::fs::read(&path).unwrap();

    let handle = hold_open(&path, SHARE_READ);
    let error = review::write(&made, review::Format::Html, &path, &FontSet::builtin()).unwrap_err();
    assert!(error.to_string().contains("open in another program"), "{error}");
    drop(handle);
    assert_eq!(std::fs::read(&path).unwrap(), old, "the old review is whole");
    let names: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, vec![std::ffi::OsString::from("review.docx")], "nothing left beside it");

    review::write(&made, review::Format::Html, &path, &FontSet::builtin()).unwrap();
    assert!(std::fs::read_to_string(&path).unwrap().contains("Morning review"));
}

#[test]
fn an_archive_deeper_than_260_characters_works() {
    let tmp = tempfile::tempdir().unwrap();
    let mut root = tmp.path().join("Мой архив");
    while root.as_os_str().len() < 300 {
        root = root.join("Пресс-служба посольства");
    }
    let inbox = root.join("входящие");
    write(&inbox, "статья.txt", "Переговоры в Брюсселе\n\nКазахстан и Бельгия обсудили Средний коридор.\n");
    let archive = Archive::open(&root.join("archive")).unwrap();
    let report = import(&archive, &[inbox]);
    assert!(matches!(outcome(&report, "статья.txt"), Outcome::Imported { .. }), "{report:?}");
    let query = Query::parse("коридор");
    assert_eq!(archive.search_ids(&query, Sort::default()).unwrap().len(), 1);
    drop(archive);
    // Opened again, as the next morning.
    let archive = Archive::open(&root.join("archive")).unwrap();
    assert_eq!(archive.search_ids(&query, Sort::default()).unwrap().len(), 1);
    let report = archive.check(true, &mut |_, _| {}).unwrap();
    assert_eq!((report.n_clippings, report.problems.len()), (1, 0), "{report:?}");
}

#[test]
fn a_password_is_kept_in_credential_manager() {
    let keyring = Keyring::session().expect("Credential Manager");
    let address = format!("postgresql://press@team.example:5432/clippings-{}", std::process::id());
    assert_eq!(keyring.password(&address).unwrap(), None);
    keyring.keep(&address, "пароль s3cret").unwrap();
    assert_eq!(keyring.password(&address).unwrap().as_deref(), Some("пароль s3cret"));
    keyring.keep(&address, "new one").unwrap();
    assert_eq!(keyring.password(&address).unwrap().as_deref(), Some("new one"), "replaced, not added");
    keyring.forget(&address).unwrap();
    assert_eq!(keyring.password(&address).unwrap(), None);
    keyring.forget(&address).unwrap();
}

#[test]
fn the_archive_is_kept_out_of_the_roaming_profile() {
    let dir = clippings::archive::default_archive_dir().unwrap();
    let local = PathBuf::from(std::env::var_os("LOCALAPPDATA").unwrap());
    assert!(dir.starts_with(&local), "{} is not under %LOCALAPPDATA% ({})", dir.display(), local.display());
    let roaming = PathBuf::from(std::env::var_os("APPDATA").unwrap());
    assert!(!dir.starts_with(&roaming), "{} roams", dir.display());
}
