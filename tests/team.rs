//! A press office's team archive as its people use it: the real binary, two desktops (two
//! cache folders) on one PostgreSQL server that the test starts (`common/pg.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/pg.rs"]
mod pg;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A desktop: a role's URL and its own cache folder.
struct Desktop {
    url: String,
    cache: tempfile::TempDir,
}

impl Desktop {
    fn new(url: String) -> Desktop {
        Desktop { url, cache: tempfile::tempdir().unwrap() }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_clippings"));
        c.arg("--archive").arg(&self.url).arg("--cache").arg(self.cache.path()).args(args);
        c.env_remove("CLIPPINGS_ARCHIVE").env_remove("CLIPPINGS_CACHE").env_remove("PGPASSWORD");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// Runs a command that must succeed; what it printed (the import's summary is on stderr).
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}{}", stdout(&out), stderr(&out));
        stdout(&out) + &stderr(&out)
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A team archive made by its admin, with an editor and a reader: the admin's, the
/// editor's and the reader's URLs, and the database's name.
struct Office {
    admin: String,
    editor: String,
    reader: String,
    second_editor: String,
}

fn office(pg: &pg::PgServer) -> Office {
    let (db, admin) = pg.database();
    let (editor, second, reader) = (format!("{db}_aigerim"), format!("{db}_marat"), format!("{db}_dana"));
    pg.login_role(&editor, "aigerim-pw");
    pg.login_role(&second, "marat-pw");
    pg.login_role(&reader, "dana-pw");
    let boss = Desktop::new(admin.clone());
    assert!(boss.ok(&["team", "init"]).contains("you are its admin"));
    assert!(boss.ok(&["team", "add", &editor, "--as", "editor"]).contains("is now an editor"));
    boss.ok(&["team", "add", &second, "--as", "editor"]);
    assert!(boss.ok(&["team", "add", &reader, "--as", "reader"]).contains("is now a reader"));
    let listed = boss.ok(&["team", "list"]);
    assert!(listed.contains(&editor) && listed.contains(&reader) && listed.contains("reader"), "{listed}");
    Office {
        editor: pg.url(&editor, "aigerim-pw", &db),
        second_editor: pg.url(&second, "marat-pw", &db),
        reader: pg.url(&reader, "dana-pw", &db),
        admin,
    }
}

#[test]
fn importing_on_one_desktop_and_finding_and_exporting_on_another() {
    let Some(pg) = pg::server() else { return };
    let office = office(pg);
    let inbox = tempfile::tempdir().unwrap();
    write(inbox.path(), "brussels.txt", PASTED_CLIPPING);
    write(inbox.path(), "forum.jpg", jpeg_with_exif(160, 90, Some(1), Some("2024:03:01 08:00:00")));
    write(inbox.path(), "port.jpg", unique_jpeg(7, 120, 80));
    let a = Desktop::new(office.editor.clone());
    let imported = a.ok(&["import", inbox.path().to_str().unwrap()]);
    assert!(imported.contains("3 imported"), "{imported}");

    let b = Desktop::new(office.reader.clone());
    let found = b.ok(&["list", "--query", "hydrogen"]);
    assert!(found.contains("Brussels talks"), "{found}");
    // The thumbnails came into b's cache with the records its index read.
    let n_thumbnails = walkdir::WalkDir::new(b.cache.path().join("thumbnails"))
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .count();
    assert_eq!(n_thumbnails, 2);
    let dest = tempfile::tempdir().unwrap();
    let exported = b.ok(&["export", "--query", "kind:photo", dest.path().join("out").to_str().unwrap()]);
    assert!(exported.contains("2 clippings exported"), "{exported}");
    let jpegs: Vec<_> = walkdir::WalkDir::new(dest.path().join("out"))
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "jpg"))
        .map(|e| std::fs::read(e.path()).unwrap())
        .collect();
    assert_eq!(jpegs.len(), 2);
    assert!(jpegs.contains(&unique_jpeg(7, 120, 80)), "the original's bytes, from the server");

    // Every original on the server is whole, read from another desktop.
    assert!(b.ok(&["check", "--hashes"]).contains("3 clippings checked, 0 problems"));
    // The reader is refused, with the reason.
    let refused = b.run(&["tag", "add", "country", "KZ", "--ids", "1"]);
    assert_eq!(refused.status.code(), Some(2));
    let said = stderr(&refused);
    assert!(said.contains("refused") && said.contains("a reader may find, read and export"), "{said}");
    // Importing again makes no duplicates, from either editor's desktop.
    let again = Desktop::new(office.second_editor.clone()).ok(&["import", inbox.path().to_str().unwrap()]);
    assert!(again.contains("0 imported, 3 duplicates"), "{again}");
    // A desktop archive's copy is a backup on the server, not here.
    let backup = a.run(&["backup", dest.path().join("copy").to_str().unwrap()]);
    assert!(stderr(&backup).contains("pg_dump"), "{}", stderr(&backup));
    let _ = office.admin;
}

#[test]
fn tags_added_at_once_from_two_desktops_are_all_kept() {
    let Some(pg) = pg::server() else { return };
    let office = office(pg);
    let inbox = tempfile::tempdir().unwrap();
    write(inbox.path(), "one.txt", "Corridor talks\n\nThe Middle Corridor was discussed in Astana.\n");
    write(inbox.path(), "two.txt", "Hydrogen forum\n\nGreen hydrogen projects were shown in Brussels.\n");
    let a = Desktop::new(office.editor.clone());
    a.ok(&["import", inbox.path().to_str().unwrap()]);
    let b = Desktop::new(office.second_editor.clone());
    let runs = |desk: &Desktop, name: &'static str| {
        let commands: Vec<Command> =
            (0..25).map(|i| desk.command(&["tag", "add", "topic", &format!("{name} {i}"), "--ids", "1,2"])).collect();
        std::thread::spawn(move || {
            for mut c in commands {
                let out = c.output().unwrap();
                assert!(out.status.success(), "{}", stderr(&out));
            }
        })
    };
    let started = Instant::now();
    let (on_a, on_b) = (runs(&a, "alpha"), runs(&b, "beta"));
    on_a.join().unwrap();
    on_b.join().unwrap();
    eprintln!("50 tag runs from two desktops in {:.1} s", started.elapsed().as_secs_f64());
    let tags = a.ok(&["tags", "--json"]);
    let topics: Vec<serde_json::Value> = tags
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|t| t["kind"] == "topic")
        .collect();
    assert_eq!(topics.len(), 50, "{tags}");
    assert!(topics.iter().all(|t| t["n_clippings"] == 2), "{tags}");
    // Each desktop finds what the other tagged.
    assert!(a.ok(&["list", "--query", "topic:\"beta 24\""]).contains("Hydrogen forum"));
    assert!(b.ok(&["list", "--query", "topic:\"alpha 3\""]).contains("Corridor talks"));
}

/// Enough for an import of several seconds.
const N_STORIES: u32 = 1500;

#[test]
fn an_import_killed_midway_leaves_an_archive_that_checks_clean() {
    let Some(pg) = pg::server() else { return };
    let office = office(pg);
    let inbox = tempfile::tempdir().unwrap();
    for i in 0..N_STORIES {
        write(
            inbox.path(),
            &format!("story{i}.txt"),
            format!("Story {i}\n\n{}", "Trade along the corridor. ".repeat(200)),
        );
        if i % 16 == 0 {
            write(inbox.path(), &format!("photo{i}.jpg"), unique_jpeg(i, 200, 150));
        }
    }
    let a = Desktop::new(office.editor.clone());
    let mut child = a
        .command(&["import", inbox.path().to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Killed once some of it is on the server.
    let b = Desktop::new(office.reader.clone());
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let listed = b.run(&["list"]);
        if !stdout(&listed).trim().is_empty() || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(child.try_wait().unwrap().is_none(), "the import was still running when it was killed");
    child.kill().unwrap();
    child.wait().unwrap();
    let n_before = stdout(&b.run(&["list"])).lines().count();
    assert!(n_before < N_STORIES as usize, "{n_before} of {N_STORIES} stories were in when it was killed");
    eprintln!("killed with {n_before} clippings in");
    let check = b.run(&["check"]);
    assert!(check.status.success(), "{}{}", stdout(&check), stderr(&check));
    // The killed desktop sweeps what it sent without records when it opens again, and its
    // import, run again, brings the rest.
    let again = a.ok(&["import", inbox.path().to_str().unwrap()]);
    assert!(again.contains("0 failed"), "{again}");
    let check = a.run(&["check"]);
    assert!(check.status.success(), "{}{}", stdout(&check), stderr(&check));
    let listed = b.ok(&["list"]);
    let n_stories = listed.lines().filter(|l| l.contains("Story ")).count();
    assert_eq!(n_stories, N_STORIES as usize, "{again}\n{}", listed.lines().take(5).collect::<Vec<_>>().join("\n"));
}

#[test]
fn a_desktop_archive_moves_in_once() {
    let Some(pg) = pg::server() else { return };
    let office = office(pg);
    let folder = tempfile::tempdir().unwrap();
    let archive = folder.path().join("archive");
    let inbox = tempfile::tempdir().unwrap();
    write(inbox.path(), "brussels.txt", PASTED_CLIPPING);
    write(inbox.path(), "forum.jpg", unique_jpeg(3, 160, 90));
    let desktop = |args: &[&str]| {
        let out =
            Command::new(env!("CARGO_BIN_EXE_clippings")).arg("--archive").arg(&archive).args(args).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    desktop(&["import", inbox.path().to_str().unwrap()]);
    desktop(&["tag", "add", "topic", "Middle Corridor", "--ids", "1"]);
    desktop(&["saved", "add", "Corridor", "topic:\"Middle Corridor\""]);
    let a = Desktop::new(office.editor.clone());
    let sent = a.ok(&["team", "upload", archive.to_str().unwrap()]);
    assert!(sent.contains("sent 2 new clippings and 3 files"), "{sent}");
    assert!(sent.contains("1 saved searches added"), "{sent}");
    let again = a.ok(&["team", "upload", archive.to_str().unwrap()]);
    assert!(again.contains("sent 0 new clippings") && again.contains("2 were there already"), "{again}");
    let b = Desktop::new(office.reader.clone());
    assert!(b.ok(&["list", "--saved", "Corridor"]).contains("Brussels talks"));
    let shown = b.ok(&["show", "1", "--json"]);
    assert!(shown.contains("Middle Corridor"), "{shown}");
    let _ = Path::new("");
}
