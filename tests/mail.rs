//! E-mail files as a press office gets them: a story forwarded in windows-1251 with a PDF and a
//! photo, KOI8-R and HTML-only messages, and alerts whose articles are fetched from a loopback
//! server the test starts.

#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use base64::Engine;
use clippings::archive::{Archive, Clipping, Kind};
use clippings::import::{ImportReport, Outcome};
use common::http::PageServer;
use common::{pdf, unique_jpeg, write};

fn import(archive: &Archive, paths: &[PathBuf]) -> ImportReport {
    archive.import(paths, &mut |_| {}, &AtomicBool::new(false)).unwrap()
}

fn imported(archive: &Archive, report: &ImportReport) -> Vec<Clipping> {
    report
        .outcomes
        .iter()
        .filter_map(|o| match o.outcome {
            Outcome::Imported { id, .. } => Some(archive.get(id).unwrap()),
            _ => None,
        })
        .collect()
}

fn base64_lines(bytes: &[u8]) -> String {
    let text = base64::engine::general_purpose::STANDARD.encode(bytes);
    text.as_bytes().chunks(76).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("\r\n")
}

/// Quoted-printable of bytes in any charset, lines kept.
fn quoted_printable(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut line_len = 0;
    for &b in bytes {
        let piece = match b {
            b'\n' => {
                out.push_str("\r\n");
                line_len = 0;
                continue;
            }
            b'\r' => continue,
            b'=' => "=3D".to_owned(),
            33..=126 | b' ' => (b as char).to_string(),
            _ => format!("={b:02X}"),
        };
        if line_len + piece.len() > 72 {
            out.push_str("=\r\n");
            line_len = 0;
        }
        line_len += piece.len();
        out.push_str(&piece);
    }
    out
}

const FORWARDED: &str = "Коллеги, посмотрите статью и отчёт.\n\n-------- Пересылаемое сообщение --------\nОт: Редакция Казинформ <news@kazinform.kz>\nДата: Вторник, 5 марта 2024, 10:12 +06:00\nТема: Средний коридор\n\nКазахстан и Бельгия обсудили Средний коридор\n\nВ Брюсселе министры Казахстана и Бельгии обсудили развитие Транскаспийского международного транспортного маршрута. Стороны договорились встретиться на Астанинском международном форуме.\n";

fn forwarded_message(message_id: &str) -> Vec<u8> {
    let body = encoding_rs::WINDOWS_1251.encode(FORWARDED).0;
    let report =
        pdf("Middle Corridor report", "Ministry of Transport", "D:20240131120000Z", &["Cargo volumes doubled."]);
    let photo = unique_jpeg(11, 640, 480);
    format!(
        "Return-Path: <aigerim@mfa.kz>\r\nReceived: from mail.mfa.kz by mx.mfa.kz; Tue, 5 Mar 2024 11:00:02 +0600\r\n\
Message-ID: <{message_id}>\r\nDate: Tue, 5 Mar 2024 11:00:00 +0600\r\n\
From: =?windows-1251?B?{}?= <aigerim@mfa.kz>\r\nTo: press@mfa.kz\r\n\
Subject: =?windows-1251?Q?{}?=\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
--b1\r\nContent-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{}\r\n\
--b1\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\nContent-Disposition: attachment; filename=\"report.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n\
--b1\r\nContent-Type: image/jpeg; name=\"brussels.jpg\"\r\nContent-Disposition: attachment; filename=\"brussels.jpg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n\
--b1--\r\n",
        base64::engine::general_purpose::STANDARD.encode(encoding_rs::WINDOWS_1251.encode("Айгерим Сейтова").0),
        quoted_printable(&encoding_rs::WINDOWS_1251.encode("Пересл.: Средний коридор").0).replace(' ', "_"),
        quoted_printable(&body),
        base64_lines(&report),
        base64_lines(&photo),
    )
    .into_bytes()
}

/// A story forwarded in windows-1251 with a PDF and a photo gives three clippings; the same
/// message again, even in another file, gives none.
#[test]
fn a_forwarded_story_with_a_pdf_and_a_photo_gives_three_clippings_once() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let eml = write(&tmp.path().join("inbox"), "fwd.eml", forwarded_message("20240305.1@mfa.kz"));
    let report = import(&archive, std::slice::from_ref(&eml));
    let clippings = imported(&archive, &report);
    assert_eq!(clippings.len(), 3, "{report:#?}");
    let story = clippings.iter().find(|c| c.format == "eml").expect("the message's story");
    assert_eq!(story.title, "Казахстан и Бельгия обсудили Средний коридор");
    assert!(story.body.starts_with("В Брюсселе министры Казахстана и Бельгии"), "{}", story.body);
    assert_eq!(story.author, "Айгерим Сейтова");
    assert_eq!(story.source, "Редакция Казинформ", "the forwarded story's newsroom");
    assert_eq!(story.published, chrono::NaiveDate::from_ymd_opt(2024, 3, 5));
    assert_eq!(story.url, "mid:20240305.1@mfa.kz");
    let report_pdf = clippings.iter().find(|c| c.format == "pdf").expect("the PDF");
    assert_eq!(report_pdf.title, "Middle Corridor report");
    assert_eq!(report_pdf.notes, "Пересл.: Средний коридор — Айгерим Сейтова <aigerim@mfa.kz>, 2024-03-05");
    let photo = clippings.iter().find(|c| c.kind == Kind::Photo).expect("the photo");
    assert_eq!((photo.width_px, photo.original_name.as_str()), (Some(640), "brussels.jpg"));
    assert!(photo.notes.contains("Средний коридор"));

    let again = import(&archive, std::slice::from_ref(&eml));
    assert_eq!(again.n_imported(), 0, "{again:#?}");
    // Saved again by another mail program: other bytes, the same Message-ID.
    let mut resaved = forwarded_message("20240305.1@mfa.kz");
    resaved.splice(0..0, b"X-Mailer: Thunderbird\r\n".iter().copied());
    let other = write(&tmp.path().join("inbox2"), "saved again.eml", resaved);
    let again = import(&archive, &[other]);
    assert_eq!(again.n_imported(), 0, "{again:#?}");
    assert!(matches!(again.outcomes[0].outcome, Outcome::Duplicate { id, .. } if id == story.id));
    assert_eq!(archive.search_str("Транскаспийского").unwrap().len(), 1);
}

/// KOI8-R in base64, and a message with HTML alone.
#[test]
fn koi8_r_and_html_only_messages_are_read() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let text = "Министр иностранных дел Казахстана прибыл в Брюссель для переговоров о Среднем коридоре.\n";
    let koi8 = format!(
        "Message-ID: <k1@example.ru>\r\nDate: Wed, 6 Mar 2024 09:00:00 +0300\r\nFrom: Press <press@example.ru>\r\n\
Subject: =?koi8-r?B?{}?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
        base64::engine::general_purpose::STANDARD.encode(encoding_rs::KOI8_R.encode("Визит в Брюссель").0),
        base64_lines(&encoding_rs::KOI8_R.encode(text).0),
    );
    let html = "Message-ID: <h1@example.be>\r\nDate: Thu, 7 Mar 2024 08:00:00 +0100\r\nFrom: Le Soir <info@lesoir.be>\r\n\
Subject: =?utf-8?Q?Corridor_m=C3=A9dian?=\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
<html><body><p>Les ministres du Kazakhstan et de la Belgique ont discut=C3=A9 du corridor m=C3=A9dian =C3=A0 Bruxelles.</p></body></html>\r\n";
    let inbox = tmp.path().join("inbox");
    write(&inbox, "koi8.eml", koi8);
    write(&inbox, "html.eml", html);
    write(&inbox, "empty.eml", "Message-ID: <e1@example.be>\r\nFrom: a@example.be\r\nSubject: ok\r\n\r\nok\r\n");
    let report = import(&archive, &[inbox]);
    let empty = report.outcomes.iter().find(|o| o.path.ends_with("empty.eml")).expect("the empty message is named");
    assert_eq!(
        empty.to_string(),
        format!("skipped: the message holds no text and no attachment: {}", empty.path.display())
    );
    let mut clippings = imported(&archive, &report);
    clippings.sort_by(|a, b| a.title.cmp(&b.title));
    let titles: Vec<&str> = clippings.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Corridor médian", "Визит в Брюссель"], "{report:#?}");
    assert!(clippings[0].body.contains("discuté du corridor médian à Bruxelles"), "{}", clippings[0].body);
    assert!(clippings[1].body.starts_with("Министр иностранных дел Казахстана"), "{}", clippings[1].body);
    assert_eq!(clippings[1].language, "ru");
}

fn alert(server: &PageServer, paths: &[&str]) -> String {
    let wrap = |path: &str| {
        format!("https://www.google.com/url?rct=3Dj&amp;sa=3Dt&amp;url=3D{}&amp;ct=3Dga&amp;cd=3DCAE", server.url(path))
    };
    let mut items = String::new();
    for (i, path) in paths.iter().enumerate() {
        items.push_str(&format!(
            "<tr><td><a href=3D\"{}\">Middle Corridor news number {i} from Brussels</a><div>Ministers met in Brussels to discuss the corridor, story {i} of the day, with Kazakhstan.</div></td></tr>\r\n",
            wrap(path)
        ));
    }
    format!(
        "Message-ID: <alert-1@google.com>\r\nDate: Fri, 8 Mar 2024 07:00:00 +0000\r\nFrom: Google Alerts <googlealerts-noreply@google.com>\r\n\
Subject: Google Alert - Middle Corridor\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
<html><body><table>{items}</table>\r\n\
<a href=3D\"https://www.google.com/alerts/edit?source=3Dalertsmail&amp;s=3DAB2\">Edit this alert</a>\r\n\
<a href=3D\"https://www.google.com/alerts/remove?source=3Dalertsmail&amp;s=3DAB2\">Unsubscribe</a>\r\n\
<a href=3D\"https://www.google.com/alerts\">See more results</a></body></html>\r\n"
    )
}

/// An alert's five linked articles give five clippings: four fetched, one that cannot be
/// kept from the alert's snippet with its address, marked as not fetched. The alert and its
/// footer links are none.
#[test]
fn an_alerts_five_articles_give_five_clippings() {
    let server = PageServer::start();
    for i in 0..4 {
        server.page(
            &format!("/news/{i}"),
            &format!(
                "<html><head><title>Corridor story {i}</title><meta property=\"og:site_name\" content=\"Euractiv\"></head><body><article><h1>Corridor story {i}</h1>\
<p>Ministers from Kazakhstan and Belgium met in Brussels to discuss the Middle Corridor, story {i}.</p>\
<p>Cargo volumes on the route across the Caspian Sea doubled last year, officials said in Brussels.</p></article></body></html>"
            ),
        );
    }
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let eml = write(
        &tmp.path().join("inbox"),
        "alert.eml",
        alert(&server, &["/news/0", "/news/1", "/news/2", "/news/3", "/gone"]),
    );
    let report = import(&archive, std::slice::from_ref(&eml));
    let clippings = imported(&archive, &report);
    assert_eq!(clippings.len(), 5, "{report:#?}");
    let mut fetched: Vec<&str> =
        clippings.iter().filter(|c| c.not_fetched.is_none()).map(|c| c.title.as_str()).collect();
    fetched.sort();
    assert_eq!(fetched, ["Corridor story 0", "Corridor story 1", "Corridor story 2", "Corridor story 3"]);
    let kept = clippings.iter().find(|c| c.not_fetched.is_some()).expect("the one not fetched");
    assert_eq!(kept.title, "Middle Corridor news number 4 from Brussels");
    assert!(kept.body.contains("story 4 of the day"), "{}", kept.body);
    assert_eq!(kept.url, server.url("/gone"));
    assert_eq!(kept.not_fetched.as_deref(), Some("the server answered 404"));
    assert!(clippings.iter().all(|c| c.format != "eml"), "the alert itself is no clipping");
    assert_eq!(report.outcomes.len(), 5, "the footer's links (edit, unsubscribe, more results) are none: {report:#?}");
    // Once again: every article is known by its address, nothing is fetched.
    let hits = server.hits("/news/0");
    let again = import(&archive, std::slice::from_ref(&eml));
    assert_eq!(again.n_imported(), 0, "{again:#?}");
    assert_eq!(server.hits("/news/0"), hits);
}

#[path = "common/dovecot.rs"]
mod dovecot;

fn plain_message(id: &str, from: &str, subject: &str, text: &str) -> Vec<u8> {
    format!(
        "Message-ID: <{id}>\r\nDate: Mon, 11 Mar 2024 09:00:00 +0600\r\nFrom: {from}\r\nTo: press@mfa.kz\r\nSubject: {subject}\r\n\
MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{text}\r\n"
    )
    .into_bytes()
}

/// A mailbox on a real IMAP server the test starts: the wanted messages are imported with
/// the mailbox's tag and then moved on the server; the others stay as they were; a second
/// fetch brings nothing; the same message again is known by its Message-ID.
#[test]
fn a_mailbox_brings_what_its_rules_want_once_and_moves_it_after() {
    use clippings::mail::{self, Mailbox, Then};
    let Some(server) = dovecot::start("press", "s3cret \"quoted\"") else { return };
    server.deliver("press", "INBOX", "1-forward", &forwarded_message("20240305.1@mfa.kz"));
    server.deliver(
        "press",
        "INBOX",
        "2-spam",
        &plain_message(
            "s1@ads.example",
            "Deals <deals@ads.example>",
            "Buy now",
            "Cheap flights to Brussels and everywhere else, this week only.",
        ),
    );
    server.deliver(
        "press",
        "INBOX",
        "3-note",
        &plain_message(
            "n1@mfa.kz",
            "Dana <dana@mfa.kz>",
            "Briefing on the Caspian ports",
            "The ports of Aktau and Kuryk handled twice the cargo of last year, the ministry said.",
        ),
    );
    server.deliver(
        "press",
        "Archived",
        "0-old",
        &plain_message(
            "o1@mfa.kz",
            "Dana <dana@mfa.kz>",
            "Old",
            "An older message that was filed away long ago by the press office.",
        ),
    );
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let corridor = clippings::vocab::tags::resolve(clippings::archive::TagKind::Topic, "Middle Corridor").unwrap();
    let mailbox = Mailbox {
        name: "press".into(),
        server: server.url(),
        user: "press".into(),
        folder: "INBOX".into(),
        from: Some("MFA.KZ".into()),
        subject: None,
        tags: vec![corridor.clone()],
        then: Then::Move("Archived".into()),
        password_env: None,
    };
    mail::add_mailbox(&archive, mailbox.clone()).unwrap();
    assert_eq!(mail::mailboxes(&archive).unwrap(), std::slice::from_ref(&mailbox));
    let wrong = mail::fetch_mailbox(&archive, &mailbox, "wrong", &mut |_| {}, &AtomicBool::new(false));
    assert!(matches!(wrong, Err(mail::FetchMailError::Server(mail::imap::ImapError::Login))), "{wrong:?}");

    let password = "s3cret \"quoted\"";
    let report = mail::fetch_mailbox(&archive, &mailbox, password, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!((report.n_messages, report.n_wanted, report.n_done_on_server), (3, 2, 2), "{:#?}", report.import);
    let clippings = imported(&archive, &report.import);
    assert_eq!(clippings.len(), 4, "the story, its PDF and photo, and the note: {:#?}", report.import);
    for c in &clippings {
        let tags = archive.tags_of(c.id).unwrap();
        assert!(tags.iter().any(|t| t.key() == corridor.key()), "{}: {tags:?}", c.title);
    }
    assert!(clippings.iter().any(|c| c.title == "Briefing on the Caspian ports"));
    // On the server, once committed: the two wanted moved, the unwanted one left unread.
    assert_eq!(server.messages("press", "INBOX"), [("2-spam".to_owned(), false)]);
    let archived: Vec<String> = server.messages("press", "Archived").into_iter().map(|(n, _)| n).collect();
    assert_eq!(archived.len(), 3, "{archived:?}");

    // Nothing new: nothing fetched, nothing imported.
    let again = mail::fetch_mailbox(&archive, &mailbox, password, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!((again.n_messages, again.import.n_imported()), (0, 0));
    // The same message delivered again (a copy, another UID): known by its Message-ID; and a
    // mailbox that marks read leaves it in the folder, read.
    server.deliver("press", "INBOX", "4-again", &forwarded_message("20240305.1@mfa.kz"));
    let seen = Mailbox { then: Then::Seen, ..mailbox };
    let again = mail::fetch_mailbox(&archive, &seen, password, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!((again.n_messages, again.n_wanted, again.import.n_imported()), (1, 1, 0), "{:#?}", again.import);
    assert!(
        server.messages("press", "INBOX").contains(&("4-again".to_owned(), true)),
        "{:?}",
        server.messages("press", "INBOX")
    );
}

/// `clippings mail add`, `list`, `fetch` and `remove`, with the password in a variable.
#[test]
fn the_command_line_adds_fetches_and_removes_a_mailbox() {
    let Some(server) = dovecot::start("desk", "pw") else { return };
    server.deliver(
        "desk",
        "INBOX",
        "1",
        &plain_message(
            "c1@mfa.kz",
            "Dana <dana@mfa.kz>",
            "Caspian ports",
            "The ports of Aktau and Kuryk handled twice the cargo of last year, the ministry said.",
        ),
    );
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    let run = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_clippings"))
            .arg("--archive")
            .arg(&dir)
            .args(args)
            .env("DESK_PASSWORD", "pw")
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let url = server.url();
    let (code, _, err) = run(&[
        "mail",
        "add",
        "desk",
        "--server",
        &url,
        "--user",
        "desk",
        "--tag",
        "country:KZ",
        "--then",
        "keep",
        "--password-env",
        "DESK_PASSWORD",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let (_, list, _) = run(&["mail", "list"]);
    assert!(list.starts_with(&format!("desk\t{url}\tdesk\tINBOX\tthen keep\t+country:KZ")), "{list}");
    let (code, out, err) = run(&["mail", "fetch"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("imported 1 \"Caspian ports\""), "{out}");
    assert!(err.contains("desk: 1 new messages, 1 wanted; 1 imported"), "{err}");
    assert_eq!(server.messages("desk", "INBOX"), [("1".to_owned(), false)], "kept as it was");
    let (_, out, err) = run(&["mail", "fetch", "desk"]);
    assert!(out.is_empty() && err.contains("0 new messages"), "{out}{err}");
    let (code, _, err) = run(&["mail", "add", "bad", "--server", "https://x", "--user", "u", "--password-env", "X"]);
    assert_eq!(code, Some(2), "{err}");
    let (code, out, _) = run(&["mail", "remove", "desk"]);
    assert_eq!((code, out.trim()), (Some(0), "removed desk"));
    let (_, list, _) = run(&["mail", "list"]);
    assert!(list.is_empty());
}

#[path = "common/window.rs"]
mod window;

/// In the window: "Check mailboxes now" fetches the mailbox at once; what came is among the
/// results and the status line says how many and when.
#[test]
fn the_window_checks_the_mailboxes_and_says_what_came() {
    use clippings::archive::Place;
    use clippings::mail::{self, Mailbox, Then};
    use egui_kittest::kittest::Queryable as _;
    // The password is read from a variable the window's process has: the server is given
    // HOME's value (a test may not set variables of its own while threads run).
    let password = std::env::var("HOME").unwrap();
    let Some(server) = dovecot::start("office", &password) else { return };
    server.deliver(
        "office",
        "INBOX",
        "1",
        &plain_message(
            "w1@mfa.kz",
            "Dana <dana@mfa.kz>",
            "Caspian ports",
            "The ports of Aktau and Kuryk handled twice the cargo of last year, the ministry said.",
        ),
    );
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    {
        let archive = Archive::open(&dir).unwrap();
        let mailbox = Mailbox {
            name: "office".into(),
            server: server.url(),
            user: "office".into(),
            folder: "INBOX".into(),
            from: None,
            subject: None,
            tags: Vec::new(),
            then: Then::Seen,
            password_env: Some("HOME".into()),
        };
        mail::add_mailbox(&archive, mailbox).unwrap();
    }
    let mut h = window::open_in_english(Place::Folder(dir));
    assert!(h.state().state().results.is_empty());
    h.get_by_label("Import").click();
    h.run_steps(2);
    h.get_by_label("Check mailboxes now").click();
    window::step_until(&mut h, std::time::Duration::from_secs(20), "the mailbox checked", |h| {
        h.state().state().results.len() == 1
            && matches!(h.state().state().mail, Some(clippings::ui::worker::mail::MailStatus::Checked { .. }))
    });
    assert_eq!(h.state().state().results[0].card.title(), "Caspian ports");
    h.get_by_label_contains("Mailbox office: 1 new clipping at");
    assert_eq!(server.messages("office", "INBOX"), [("1".to_owned(), true)], "marked read once it was in");
}
