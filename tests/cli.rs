//! The command line as a person or a script uses it: the real binary on a temporary archive.
// Helpers outside #[test] functions panic on purpose: a failed set-up is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use clippings::archive::{Archive, ClippingId};
use common::*;

fn clippings(archive: &Path, args: &[&str]) -> Output {
    output_of(
        Command::new(env!("CARGO_BIN_EXE_clippings"))
            .arg("--archive")
            .arg(archive)
            .args(args)
            .env_remove("CLIPPINGS_ARCHIVE"),
    )
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn import_list_show_tag_export() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let inbox = tmp.path().join("inbox");
    write(&inbox, "brussels.txt", PASTED_CLIPPING);
    write(&inbox, "photo.jpg", jpeg_with_exif(120, 80, Some(1), Some("2024:03:01 08:00:00")));
    let a = archive.to_str().unwrap();

    let out = clippings(&archive, &["import", inbox.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Files are read in parallel: which one gets id 1 is not fixed. The output says.
    let printed = stdout(&out);
    let line = printed.lines().find(|l| l.contains("Brussels talks")).unwrap_or_default().to_owned();
    let id: String = line.trim_start_matches("imported ").chars().take_while(char::is_ascii_digit).collect();
    assert!(line.contains("\"Brussels talks: Kazakhstan and Benelux build bridges\""), "{printed}");
    assert!(!id.is_empty(), "{printed}");
    assert!(stderr(&out).contains("2 imported, 0 duplicates, 0 failed"), "{}", stderr(&out));

    let again = clippings(&archive, &["import", inbox.join("brussels.txt").to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(0));
    assert!(stdout(&again).starts_with(&format!("duplicate of {id} \"Brussels talks")), "{}", stdout(&again));

    let out = clippings(&archive, &["tag", "add", "country", "Бельгия", "--query", "benelux"]);
    assert_eq!(stdout(&out).trim(), "added country Belgium to 1 clipping (0 already had it)", "{}", stderr(&out));
    let out = clippings(&archive, &["tag", "add", "topic", "transport", "--ids", "1,2"]);
    assert_eq!(stdout(&out).trim(), "added topic transport to 2 clippings (0 already had it)");
    let photo_id = if id == "1" { "2" } else { "1" };
    let out = clippings(&archive, &["tag", "remove", "topic", "transport", "--ids", photo_id]);
    assert_eq!(stdout(&out).trim(), "removed topic transport from 1 clipping");

    let list = stdout(&clippings(&archive, &["list", "--query", "country:BE"]));
    assert_eq!(list.lines().count(), 1, "{list}");
    assert!(list.contains("Brussels talks") && list.contains("[BE]"), "{list}");
    // A query may start with a minus: everything but.
    let but = stdout(&clippings(&archive, &["list", "--query", "-country:BE"]));
    assert!(!but.contains("Brussels talks") && !but.trim().is_empty(), "{but}");

    // Words searched for: each clipping's line, then the passage with the words marked.
    let list = stdout(&clippings(&archive, &["list", "--query", "corridor hydro"]));
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 2, "{list}");
    assert!(lines[0].contains("Brussels talks"), "{list}");
    assert!(lines[1].contains("**Corridor** and green **hydrogen**"), "{list}");
    let ordered = |sort: &str| -> Vec<String> {
        let out = stdout(&clippings(&archive, &["list", "--sort", sort]));
        out.lines().map(|l| l.split_whitespace().next().unwrap_or_default().to_owned()).collect()
    };
    let newest = ordered("newest");
    assert_eq!(ordered("oldest"), newest.iter().rev().cloned().collect::<Vec<_>>());
    assert_eq!(clippings(&archive, &["list", "--sort", "sideways"]).status.code(), Some(2));

    let json = stdout(&clippings(&archive, &["list", "--json"]));
    let items: Vec<serde_json::Value> = json.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(items.len(), 2);
    let photo = items.iter().find(|i| i["kind"] == "photo").unwrap();
    assert_eq!(photo["width_px"], 120);
    assert_eq!(photo["published"], "2024-03-01");
    let article = items.iter().find(|i| i["kind"] == "article").unwrap();
    assert_eq!(article["tags"].as_array().unwrap().len(), 2);

    let show = stdout(&clippings(&archive, &["show", &id]));
    assert!(show.contains("title      Brussels talks") && show.contains("countries  BE"), "{show}");
    let tags = stdout(&clippings(&archive, &["tags"]));
    assert!(tags.contains("Belgium (BE)") && tags.contains("transport"), "{tags}");

    let dest = tmp.path().join("for the minister");
    let out = clippings(&archive, &["export", "--query", "", dest.to_str().unwrap(), "--layout", "country"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dest.join("Belgium/Brussels talks Kazakhstan and Benelux build bridges.txt").is_file());
    assert!(dest.join("No country/photo.jpg").is_file());
    assert!(dest.join("clippings.csv").is_file());
    let _ = a;
}

#[test]
fn suggestions_from_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let file = write(tmp.path(), "brussels.txt", PASTED_CLIPPING);
    clippings(&archive, &["import", file.to_str().unwrap()]);
    let out = clippings(&archive, &["suggest", "--ids", "1", "--accept", "country"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("country Kazakhstan") && text.contains("country Belgium"), "{text}");
    assert!(text.contains("accepted 4 suggested tags"), "{text}");
    let show = stdout(&clippings(&archive, &["show", "1"]));
    assert!(show.contains("countries  BE, KZ, LU, NL"), "{show}");
}

#[test]
fn exit_codes() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let bad = write(tmp.path(), "bad.jpg", "not a jpeg");
    let good = write(tmp.path(), "good.txt", "Fine\ntext");
    let out = clippings(&archive, &["import", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "some files failed");
    assert!(stdout(&out).contains("failed: not a valid JPEG image"), "{}", stdout(&out));
    assert!(stderr(&out).contains("1 imported, 0 duplicates, 1 failed"));

    let mistyped = clippings(&archive, &["frobnicate"]);
    assert_eq!(mistyped.status.code(), Some(2), "usage error");
    assert_eq!(
        stderr(&mistyped).trim(),
        "clippings: \"frobnicate\" is neither a command nor a file: `clippings --help` lists the commands"
    );
    let missing = clippings(&archive, &["show", "999"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(stderr(&missing).trim(), "clippings: no clipping with id 999");
    let unknown = clippings(&archive, &["tag", "add", "country", "Narnia", "--ids", "1"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown country \"Narnia\""));
    assert_eq!(clippings(&archive, &["tag", "add", "topic", "x"]).status.code(), Some(2), "needs --ids or --query");

    // The window without a display says what to do instead, not what winit was built from.
    // (Windows always has a display.)
    if cfg!(windows) {
        return;
    }
    let windowless = output_of(
        Command::new(env!("CARGO_BIN_EXE_clippings"))
            .arg("--archive")
            .arg(&archive)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY"),
    );
    assert_eq!(windowless.status.code(), Some(2));
    assert_eq!(
        stderr(&windowless).trim(),
        "clippings: no display: use the command line (clippings --help), or run Clippings on a desktop"
    );
}

/// While the window holds the archive, commands that only read work on a copy of what it had
/// saved; commands that change it are refused with the reason.
#[test]
fn while_the_archive_is_open_elsewhere_reading_works_and_changing_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    let file = write(tmp.path(), "in/brussels.txt", "Brussels talks\nKazakhstan and Benelux.");
    assert_eq!(clippings(&dir, &["import", file.to_str().unwrap()]).status.code(), Some(0));
    let held = Archive::open(&dir).unwrap();
    let listed = clippings(&dir, &["list", "--query", "benelux"]);
    assert_eq!(listed.status.code(), Some(0), "{}", stderr(&listed));
    assert!(stdout(&listed).contains("Brussels talks"), "{}", stdout(&listed));
    // This test's process holds it, as the window would: the note names it.
    assert_eq!(
        stderr(&listed).trim(),
        format!(
            "note: the archive is open in the window (process {}): this shows what it had saved when the \
             command started",
            std::process::id()
        )
    );
    // Held by a command, the note names the command (what the lock file says of its holder).
    let lock = dir.join("lock");
    let own = std::fs::read_to_string(&lock).unwrap();
    assert!(own.starts_with(&format!("{} ", std::process::id())), "{own:?}");
    std::fs::write(&lock, format!("4242 /usr/bin/clippings --archive {} import inbox\n", dir.display())).unwrap();
    let listed = clippings(&dir, &["list"]);
    assert!(stdout(&listed).contains("Brussels talks"), "{}", stdout(&listed));
    assert!(
        stderr(&listed).starts_with("note: the archive is in use by `clippings import` (process 4242):"),
        "{}",
        stderr(&listed)
    );
    assert_eq!(clippings(&dir, &["check"]).status.code(), Some(0));
    let out = clippings(&dir, &["tag", "add", "topic", "x", "--ids", "1"]);
    assert_eq!(out.status.code(), Some(2));
    let expected = format!("clippings: archive {} is open in another Clippings process", held.root().display());
    assert_eq!(stderr(&out).trim(), expected);
    drop(held);
    assert_eq!(clippings(&dir, &["tag", "add", "topic", "x", "--ids", "1"]).status.code(), Some(0));
    // No copy is left behind.
    let left: Vec<_> = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("clippings-snapshot-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Kills an import with SIGKILL after it has reported some files, then checks that the archive
/// opens and holds exactly what was reported imported: records, originals and thumbnails.
#[test]
fn a_killed_import_leaves_a_consistent_archive() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    let inbox = tmp.path().join("inbox");
    // Enough files that the import runs for several of its one-second groups on a fast
    // machine under load, so the kill comes while it is under way.
    let n_files = 1200;
    for i in 0..n_files {
        write(&inbox, &format!("photo-{i:04}.jpg"), unique_jpeg(i, 320, 240));
    }
    let mut child = spawn_of(
        Command::new(env!("CARGO_BIN_EXE_clippings"))
            .arg("--archive")
            .arg(&dir)
            .args(["import", "--json"])
            .arg(&inbox)
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    );
    let mut reported = Vec::new();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    while let Some(Ok(line)) = lines.next() {
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["status"], "imported", "{line}");
        reported.push(ClippingId(v["id"].as_u64().unwrap()));
        if reported.len() >= 40 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(reported.len() >= 40, "the import ended early: {reported:?}");

    let archive = Archive::open(&dir).unwrap();
    let all = archive.all_clippings().unwrap();
    assert!(all.len() < n_files as usize, "the kill came too late to test anything ({} imported)", all.len());
    for id in &reported {
        let c = archive.get(*id).unwrap();
        let bytes = std::fs::read(archive.original_path(&c)).unwrap();
        assert_eq!(blake3::hash(&bytes).to_hex().to_string(), c.hash);
        assert!(image::open(archive.thumbnail_path(&c.hash)).is_ok());
    }
    // Every file on disk belongs to a record and every record has its files.
    let files = |sub: &str| {
        walkdir::WalkDir::new(dir.join(sub)).into_iter().filter(|e| e.as_ref().unwrap().file_type().is_file()).count()
    };
    assert_eq!(files("originals"), all.len());
    assert_eq!(files("thumbnails"), all.len());

    // The rest imports on a second run, and the already imported are duplicates.
    drop(archive);
    let out = clippings(&dir, &["import", inbox.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{:?} {}", out.status, stderr(&out));
    let summary = stderr(&out);
    let expected = format!("{} imported, {} duplicates, 0 failed", n_files as usize - all.len(), all.len());
    assert!(summary.contains(&expected), "{summary} (expected {expected})");
}

/// A lost original or thumbnail is found by `check` and put back by importing the file again;
/// a backup opens as an archive with everything; a mistyped archive folder is not made.
#[test]
fn check_repair_by_reimport_and_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let inbox = tmp.path().join("inbox");
    let article = write(&inbox, "brussels.txt", "Brussels talks\nKazakhstan and Benelux.");
    let photo = write(&inbox, "harbour.jpg", unique_jpeg(3, 320, 240));
    assert_eq!(clippings(&archive, &["import", inbox.to_str().unwrap()]).status.code(), Some(0));
    let ok = clippings(&archive, &["check", "--hashes"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    assert!(stderr(&ok).contains("2 clippings checked, 0 problems"), "{}", stderr(&ok));

    let (original, thumbnail) = {
        let a = Archive::open(&archive).unwrap();
        let c = a.all_clippings().unwrap().into_iter().find(|c| c.original_name == "harbour.jpg").unwrap();
        (a.original_path(&c), a.thumbnail_path(&c.hash))
    };
    std::fs::remove_file(&original).unwrap();
    std::fs::remove_file(&thumbnail).unwrap();
    let broken = clippings(&archive, &["check"]);
    assert_eq!(broken.status.code(), Some(1));
    let found = stdout(&broken);
    assert!(found.contains("its original is missing") && found.contains("its thumbnail is missing"), "{found}");

    let again = clippings(&archive, &["import", photo.to_str().unwrap(), article.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(0));
    assert!(stdout(&again).contains("restored the missing files of"), "{}", stdout(&again));
    assert!(stderr(&again).contains("0 imported, 1 duplicates, 0 failed, 1 restored"), "{}", stderr(&again));
    assert!(original.is_file() && thumbnail.is_file());
    assert_eq!(clippings(&archive, &["check", "--hashes"]).status.code(), Some(0));

    let backup = tmp.path().join("backup");
    let out = clippings(&archive, &["backup", backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(clippings(&archive, &["backup", backup.to_str().unwrap()]).status.code(), Some(2), "not empty");
    let listed = stdout(&clippings(&backup, &["list"]));
    assert!(listed.contains("Brussels talks") && listed.contains("harbour"), "{listed}");
    assert_eq!(clippings(&backup, &["check", "--hashes"]).status.code(), Some(0));

    // A lost database is said as such, and no empty one is made over the originals.
    std::fs::remove_dir_all(backup.join("db")).unwrap();
    let lost = clippings(&backup, &["list"]);
    assert_eq!(lost.status.code(), Some(2));
    assert!(stderr(&lost).contains("holds 2 original files but no database"), "{}", stderr(&lost));
    assert_eq!(clippings(&backup, &["import", article.to_str().unwrap()]).status.code(), Some(2));
    assert!(!backup.join("db").exists());

    // A search that finds nothing says so on stderr, with what was probably meant.
    let none = clippings(&archive, &["list", "--query", "contry:BE"]);
    assert_eq!(none.status.code(), Some(0));
    assert_eq!(stdout(&none), "");
    assert_eq!(stderr(&none), "0 clippings match\nhint: contry: is not a filter: did you mean country:BE?\n");

    let typo = tmp.path().join("archiv");
    let out = clippings(&typo, &["list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no archive at"), "{}", stderr(&out));
    assert!(!typo.exists());
}

/// `clippings saved add|list|remove`, and `--saved NAME` where `--query` is taken.
#[test]
fn saved_searches_on_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let inbox = tmp.path().join("inbox");
    write(&inbox, "a.txt", "Hydrogen plant opens\nA green hydrogen plant near Astana.");
    write(&inbox, "b.txt", "Rail freight grows\nMore trains cross the steppe.");
    assert_eq!(clippings(&archive, &["import", inbox.to_str().unwrap()]).status.code(), Some(0));

    let out = clippings(&archive, &["saved", "add", "Energy", "hydrogen", "--sort", "newest"]);
    assert_eq!(stdout(&out).trim(), "saved \"Energy\": hydrogen", "{}", stderr(&out));
    let list = stdout(&clippings(&archive, &["saved", "list"]));
    assert_eq!(list.trim(), "Energy  (1 clipping)  hydrogen");
    let json = stdout(&clippings(&archive, &["saved", "list", "--json"]));
    let line: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!((line["n_clippings"].as_u64(), line["n_new"].as_u64()), (Some(1), Some(0)));

    let found = stdout(&clippings(&archive, &["list", "--saved", "energy"]));
    assert!(found.contains("Hydrogen plant opens") && !found.contains("Rail freight"), "{found}");
    let out = clippings(&archive, &["tag", "add", "topic", "energy", "--saved", "Energy"]);
    assert_eq!(stdout(&out).trim(), "added topic energy to 1 clipping (0 already had it)", "{}", stderr(&out));
    let dest = tmp.path().join("out");
    let out = clippings(&archive, &["export", "--saved", "Energy", dest.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dest.join("clippings.csv").is_file());

    let missing = clippings(&archive, &["list", "--saved", "Nope"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no saved search is called \"Nope\""), "{}", stderr(&missing));
    let both = clippings(&archive, &["list", "--saved", "Energy", "--query", "x"]);
    assert_eq!(both.status.code(), Some(2));

    assert_eq!(stdout(&clippings(&archive, &["saved", "remove", "energy"])).trim(), "removed saved search \"Energy\"");
    assert_eq!(stdout(&clippings(&archive, &["saved", "list"])).trim(), "");
}

/// `clippings stories` groups a wire story with its reprint (new headline, trimmed, boilerplate
/// around it), earliest first, and leaves a different story alone.
#[test]
fn reprints_are_grouped_as_one_story() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let inbox = tmp.path().join("inbox");
    let body = "Kazakhstan and Belgium agreed on Tuesday to expand cooperation on transport along the \
        Middle Corridor, the trade route that links China with Europe across the Caspian Sea.\n\n\
        The foreign ministers of both countries met in Brussels and discussed investment in ports, \
        rail freight and digital customs.\n\nOfficials said the volume of cargo on the route had \
        doubled in a year and that the port of Antwerp would work with the port of Aktau on a new \
        container service.\n\nA memorandum on the container service is to be signed in the autumn, \
        when a delegation from Astana visits Antwerp.";
    write(&inbox, "wire.txt", format!("Kazakhstan and Belgium expand transport ties\n\n{body}"));
    let trimmed = body.rsplit_once("\n\n").unwrap().0;
    write(
        &inbox,
        "reprint.txt",
        format!(
            "Middle Corridor: Astana and Brussels agree\n\nSubscribe to our channel.\n\n{trimmed}\n\nAll rights reserved."
        ),
    );
    write(
        &inbox,
        "other.txt",
        "Football team loses to Portugal\n\nThe national football team lost two to one to Portugal on \
         Saturday evening in a qualifying match played in front of thirty thousand spectators. The coach \
         said after the game that his players had created enough chances but lacked luck in front of the \
         goal, and that the next match in Cyprus would decide everything.",
    );
    assert_eq!(clippings(&archive, &["import", inbox.to_str().unwrap()]).status.code(), Some(0));
    let out = clippings(&archive, &["stories", "--json"]);
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1, "{}", stdout(&out));
    let titles: Vec<&str> =
        lines[0]["clippings"].as_array().unwrap().iter().map(|c| c["title"].as_str().unwrap()).collect();
    assert_eq!(titles.len(), 2);
    assert!(titles.iter().all(|t| !t.contains("Football")), "{titles:?}");
}

#[test]
fn a_press_review_is_written_in_the_format_its_name_asks_for() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let inbox = tmp.path().join("inbox");
    write(&inbox, "brussels.txt", PASTED_CLIPPING);
    write(&inbox, "astana.txt", "Астана: форум открылся\n\nДелегации из сорока стран прибыли в Астану.\n");
    let out = clippings(&archive, &["import", inbox.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let pdf = tmp.path().join("Обзор.pdf");
    let out = clippings(
        &archive,
        &["review", "--query", "", pdf.to_str().unwrap(), "--language", "ru", "--group-by", "outlet", "--words", "50"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with(&format!("wrote {} (2 stories in 2 sections", pdf.display())), "{}", stdout(&out));
    let text = pdf_extract::extract_text_from_mem(&std::fs::read(&pdf).unwrap()).unwrap();
    assert!(text.contains("Обзор прессы") && text.contains("Астана: форум открылся"), "{text}");
    assert!(text.contains("Издание не указано"), "{text}");

    let html = tmp.path().join("review.htm");
    let out = clippings(
        &archive,
        &["review", "--query", "benelux", html.to_str().unwrap(), "--title", "Benelux <week>", "--coverage"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<h1>Benelux &lt;week&gt;</h1>") && page.contains("Brussels talks"), "{page}");
    assert!(!page.contains("Астана"));
    // The coverage page asked for: its chart as a picture.
    assert!(page.contains("<h2>Coverage</h2>") && page.contains("data:image/png;base64,"), "{page}");

    // A name that says no format, and a period with nothing in it, are refused with a reason.
    let out = clippings(&archive, &["review", "--query", "", tmp.path().join("review.odt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(".pdf, .docx or .html"), "{}", stderr(&out));
    let out = clippings(&archive, &["review", "--query", "", "--to", "1990-01-01", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no clippings to put in the review"), "{}", stderr(&out));
}

/// A wire story printed by three outlets is one story: `stories` lists it once, earliest
/// first, among what a query finds; `list --one-per-story` shows it once with the others'
/// outlets; `tag rename` renames through the core's edit.
#[test]
fn reprints_are_one_story_on_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let wire = "Ministers of the Middle Corridor countries met in Astana on Tuesday to agree on new rules \
        for container traffic across the Caspian Sea. The agreement sets common tariffs, a single digital \
        declaration for cargo and joint inspections at the ports of Aktau, Kuryk, Baku and Alat. Officials \
        said the volume of freight on the route doubled last year and is expected to grow again as \
        shippers look for alternatives to the northern route between China and Europe.";
    let inbox = tmp.path().join("in");
    std::fs::create_dir_all(&inbox).unwrap();
    for (name, outlet, extra) in [
        ("1-wire.txt", "Kazinform", ""),
        ("2-reprint.txt", "DKNews.kz", " Subscribe to our channel for more news."),
        ("3-reprint.txt", "Trend", " All rights reserved."),
    ] {
        std::fs::write(inbox.join(name), format!("Caspian cargo rules agreed\n\n{wire}{extra}\n\n{outlet}")).unwrap();
    }
    std::fs::write(inbox.join("4-other.txt"), "Election campaign in Belgium\n\nParties in Brussels debate taxes.")
        .unwrap();
    assert_eq!(clippings(&archive, &["import", inbox.to_str().unwrap()]).status.code(), Some(0));
    let stories = stdout(&clippings(&archive, &["stories"]));
    let lines: Vec<&str> = stories.lines().collect();
    assert_eq!(lines.len(), 3, "{stories}");
    assert!(lines[0].trim_start().starts_with('1') && lines[1].starts_with("  also") && lines[2].starts_with("  also"));
    let json = stdout(&clippings(&archive, &["stories", "--json"]));
    assert_eq!(json.lines().count(), 1, "{json}");
    // Among what a query finds: the one reprint that says "reserved" is no story on its own.
    assert_eq!(stdout(&clippings(&archive, &["stories", "--query", "reserved"])), "");
    let listed = stdout(&clippings(&archive, &["list", "--one-per-story", "--sort", "oldest"]));
    assert_eq!(listed.lines().filter(|l| l.contains("Caspian cargo rules agreed")).count(), 1, "{listed}");
    assert!(listed.lines().any(|l| l.trim_start().starts_with("also in ") && l.contains(", ")), "{listed}");
    assert_eq!(stdout(&clippings(&archive, &["list"])).lines().filter(|l| l.contains("Caspian")).count(), 3);
    clippings(&archive, &["tag", "add", "topic", "Caspian shipping", "--query", "caspian"]);
    let renamed = clippings(&archive, &["tag", "rename", "topic", "Caspian shipping", "Middle Corridor"]);
    assert_eq!(stdout(&renamed).trim(), "renamed topic \"Caspian shipping\" to \"Middle Corridor\" on 3 clippings");
    let tags = stdout(&clippings(&archive, &["tags"]));
    assert!(tags.contains("Middle Corridor") && !tags.contains("Caspian shipping"), "{tags}");
}

/// `stats` counts what `list` finds: for every grouping and period, each bucket's count is the
/// number of clippings `list` gives for the bucket's filter and dates.
#[test]
fn stats_count_what_list_finds_for_every_grouping() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    {
        let archive = Archive::open(&dir).unwrap();
        let inbox = tmp.path().join("inbox");
        let outlets = ["Le Soir", "Kazinform", "Reuters", "Tengrinews"];
        let countries = ["BE", "KZ", "NL", "LU", "FR"];
        for i in 0..24 {
            write(
                &inbox,
                &format!("s{i:02}.txt"),
                format!("Story number {i} of the month\nTalks and trade, story {i}."),
            );
        }
        write(&inbox, "photo.jpg", unique_jpeg(7, 64, 48));
        let report = archive.import(&[inbox], &mut |_| {}, &std::sync::atomic::AtomicBool::new(false)).unwrap();
        assert_eq!(report.n_imported(), 25);
        for mut c in archive.all_clippings().unwrap() {
            if c.kind != clippings::archive::Kind::Article {
                continue;
            }
            let i: usize = c.original_name[1..3].parse().unwrap();
            c.source = outlets[i % outlets.len()].to_owned();
            c.published = chrono::NaiveDate::from_ymd_opt(2024, 1 + (i % 3) as u32, 1 + (i * 3 % 28) as u32);
            archive.update(&c).unwrap();
            let tag = |kind, value: &str| clippings::archive::tags::resolve(kind, value).unwrap();
            use clippings::archive::TagKind::*;
            archive.add_tag(&tag(Country, countries[i % countries.len()]), &[c.id]).unwrap();
            if i.is_multiple_of(2) {
                archive.add_tag(&tag(Country, "KZ"), &[c.id]).unwrap();
                archive.add_tag(&tag(Topic, "transport"), &[c.id]).unwrap();
            }
            if i.is_multiple_of(5) {
                archive.add_tag(&tag(Event, "Astana International Forum"), &[c.id]).unwrap();
            }
        }
    }
    let mut checked = 0;
    for (by, field) in
        [("country", "country"), ("topic", "topic"), ("event", "event"), ("outlet", "source"), ("kind", "kind")]
    {
        for per in ["day", "week", "month"] {
            let out = clippings(&dir, &["stats", "--by", by, "--per", per, "--json"]);
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            let buckets: Vec<serde_json::Value> =
                stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
            assert!(!buckets.is_empty(), "{by} per {per}");
            for b in &buckets {
                let start = chrono::NaiveDate::parse_from_str(b["period"].as_str().unwrap(), "%Y-%m-%d").unwrap();
                let end = match per {
                    "day" => start,
                    "week" => start + chrono::Duration::days(6),
                    _ => start.checked_add_months(chrono::Months::new(1)).unwrap().pred_opt().unwrap(),
                };
                let query = format!("{field}:\"{}\" date:{start}..{end}", b["group"].as_str().unwrap());
                let listed = clippings(&dir, &["list", "--query", &query, "--json"]);
                let n = stdout(&listed).lines().count();
                assert_eq!(b["count"].as_u64(), Some(n as u64), "{by} per {per}: {query}");
                checked += 1;
            }
        }
    }
    assert!(checked > 60, "only {checked} buckets");
    // CSV has a header, and the text says how many were dated by their import.
    let out = clippings(&dir, &["stats", "--by", "kind", "--csv"]);
    assert!(stdout(&out).starts_with("period,group,count\n"), "{}", stdout(&out));
    let out = clippings(&dir, &["stats", "--by", "kind", "--from", "2000-01-01"]);
    assert!(
        stderr(&out).contains("25 clippings counted, 1 of them dated by the day they were imported"),
        "{}",
        stderr(&out)
    );
}

/// `rules`, run by `import`; the inbox listed and emptied; a shipped topic by its Russian name.
#[test]
fn rules_tag_at_import_and_the_inbox_is_emptied_when_done() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let out = clippings(&archive, &["import", write(tmp.path(), "first.txt", "Weather\n\nRain.").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out =
        clippings(&archive, &["rules", "add", "energy", "--when", "hydrogen OR водород", "--add", "topic:energy"]);
    assert_eq!(stdout(&out).trim(), "rule \"energy\" kept; it finds 0 clippings now", "{}", stderr(&out));
    let bad = clippings(&archive, &["rules", "add", "x", "--when", "a", "--add", "topic"]);
    assert_eq!(bad.status.code(), Some(2), "a usage error");
    assert!(stderr(&bad).contains("KIND:VALUE"), "{}", stderr(&bad));

    let out = clippings(&archive, &["import", write(tmp.path(), "dknews.txt", PASTED_CLIPPING).to_str().unwrap()]);
    assert!(stderr(&out).contains("rule \"energy\" gave 1 tags"), "{}", stderr(&out));
    let found = clippings(&archive, &["list", "--query", "topic:энергетика"]);
    assert!(stdout(&found).contains("Brussels talks"), "{}", stdout(&found));
    let rules = clippings(&archive, &["rules", "list"]);
    assert_eq!(stdout(&rules).trim(), "energy: when hydrogen OR водород add topic:energy (1 clipping now)");

    let inbox = clippings(&archive, &["inbox", "list"]);
    assert_eq!(stdout(&inbox).lines().count(), 2, "{}", stdout(&inbox));
    assert!(stdout(&inbox).contains("Brussels talks"), "{}", stdout(&inbox));
    let done = clippings(&archive, &["inbox", "done", "--query", "in:inbox benelux"]);
    assert_eq!(stdout(&done).trim(), "1 clipping out of the inbox; 1 left in it", "{}", stderr(&done));
    let left = clippings(&archive, &["list", "--query", "in:inbox"]);
    assert!(!stdout(&left).contains("Brussels talks") && stdout(&left).contains("Weather"), "{}", stdout(&left));
    let out = clippings(&archive, &["rules", "remove", "energy"]);
    assert_eq!(stdout(&out).trim(), "rule \"energy\" removed");
    let gone = clippings(&archive, &["rules", "apply", "energy"]);
    assert_eq!(gone.status.code(), Some(2));
    assert!(stderr(&gone).contains("no rule is called \"energy\""), "{}", stderr(&gone));
}
