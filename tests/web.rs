//! Pages fetched by address from a loopback server the tests start: what comes back, and how
//! each hostile address ends in a plain error within its limit.

#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use clippings::archive::{Archive, Kind};
use clippings::import::{ImportReport, Outcome};
use clippings::search::query::{Query, Sort};
use clippings::vocab::address::AddressError;
use clippings::web::{FetchError, Fetcher, Limits};
use common::http::{Answer, PageServer};
use common::{pdf, unique_jpeg, write};

fn quick() -> Fetcher {
    Fetcher::new(Limits {
        connect: Duration::from_secs(2),
        total: Duration::from_secs(3),
        max_bytes: 1024 * 1024,
        max_redirects: 10,
    })
}

#[test]
fn the_defaults_are_the_ones_promised() {
    let limits = Limits::default();
    assert_eq!(limits.connect, Duration::from_secs(10));
    assert_eq!(limits.total, Duration::from_secs(30));
    assert_eq!(limits.max_bytes, 50 * 1024 * 1024);
    assert_eq!(limits.max_redirects, 10);
}

#[test]
fn a_page_comes_with_where_it_was_found_after_redirects_and_no_cookie_is_sent_back() {
    let server = PageServer::start();
    server.page("/article", "<html><title>Talks</title><body><p>Brussels.</p></body></html>");
    server.serve("/short", Answer::Redirect { status: 301, location: "/hop".into() });
    server.serve("/hop", Answer::Redirect { status: 302, location: server.url("/article") });
    let never = AtomicBool::new(false);
    let fetcher = quick();
    let page = fetcher.fetch(&server.url("/short"), &never).expect("fetched");
    assert_eq!(page.url.as_str(), server.url("/article"));
    assert_eq!(page.media_type.as_deref(), Some("text/html"));
    assert!(String::from_utf8_lossy(&page.bytes).contains("Brussels"));
    // Each answer set a cookie; none was sent back.
    let seen = server.headers_seen.lock().unwrap().clone();
    assert!(seen.iter().all(|(name, _)| name != "cookie"), "{seen:?}");
    let agent = seen.iter().find(|(name, _)| name == "user-agent").map(|(_, v)| v.clone()).unwrap_or_default();
    assert!(agent.starts_with("Clippings/"), "{agent}");
}

#[test]
fn each_hostile_address_ends_with_a_plain_error_within_its_limit() {
    let server = PageServer::start();
    server.serve("/silent", Answer::Silent);
    server.serve("/endless", Answer::Endless);
    server.serve("/drip", Answer::Drip);
    server.serve("/loop-a", Answer::Redirect { status: 302, location: "/loop-b".into() });
    server.serve("/loop-b", Answer::Redirect { status: 302, location: "/loop-a".into() });
    for i in 0..12 {
        server.serve(&format!("/chain/{i}"), Answer::Redirect { status: 302, location: format!("/chain/{}", i + 1) });
    }
    server.serve("/to-file", Answer::Redirect { status: 302, location: "file:///etc/passwd".into() });
    let never = AtomicBool::new(false);
    let fetcher = quick();
    let cases: Vec<(String, FetchError)> = vec![
        (server.url("/silent"), FetchError::TimedOut { secs: 3 }),
        (server.url("/drip"), FetchError::TimedOut { secs: 3 }),
        (server.url("/endless"), FetchError::TooLarge { limit_mb: 1 }),
        (server.url("/loop-a"), FetchError::RedirectLoop),
        (server.url("/chain/0"), FetchError::TooManyRedirects { limit: 10 }),
        (server.url("/missing"), FetchError::Status { status: 404 }),
        ("file:///etc/passwd".into(), FetchError::Address(AddressError::Scheme { scheme: "file".into() })),
        (server.url("/to-file"), FetchError::Address(AddressError::Scheme { scheme: "file".into() })),
    ];
    for (address, expected) in cases {
        let started = Instant::now();
        let got = fetcher.fetch(&address, &never);
        assert_eq!(got.as_ref().err(), Some(&expected), "{address}");
        assert!(started.elapsed() < Duration::from_secs(5), "{address} took {:?}", started.elapsed());
        println!("{address}: {expected} in {:.2} s", started.elapsed().as_secs_f64());
    }
    // A port nobody listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let got = fetcher.fetch(&format!("http://127.0.0.1:{closed}/"), &never);
    assert!(matches!(got, Err(FetchError::Connection(_))), "{got:?}");
}

#[test]
fn a_fetch_is_cancelled_between_reads() {
    let server = PageServer::start();
    server.serve("/drip", Answer::Drip);
    let cancel = std::sync::Arc::new(AtomicBool::new(false));
    let flag = cancel.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(700));
        flag.store(true, std::sync::atomic::Ordering::Relaxed);
    });
    let started = Instant::now();
    let got = Fetcher::default().fetch(&server.url("/drip"), &cancel);
    assert_eq!(got.err(), Some(FetchError::Cancelled));
    assert!(started.elapsed() < Duration::from_secs(3));
}

const PAGE: &str = r#"<html lang="en"><head><meta charset="utf-8"><title>Brussels talks on the Middle Corridor | Euractiv</title>
<meta property="og:site_name" content="Euractiv"><meta name="author" content="Jan Peeters">
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Brussels talks on the Middle Corridor</h1>
<p>Ministers from Kazakhstan and the Benelux met in Brussels to discuss the Middle Corridor, the trade route across the Caspian Sea.</p>
<p>Both sides agreed to meet again at the Astana International Forum in June, where transport and energy will be discussed.</p>
<p>Cargo volumes on the route doubled last year, and the ports of Aktau and Kuryk are being extended.</p></article>
<footer>© Euractiv</footer></body></html>"#;

fn import_addresses(archive: &Archive, addresses: &[String]) -> ImportReport {
    archive.import_addresses_with(&quick(), addresses, &mut |_| {}, &AtomicBool::new(false)).unwrap()
}

/// A page, a PDF and a photo by their addresses: each is the clipping its file would be, with
/// its address; the same address again, however written, is a duplicate fetched no more; a
/// hostile address in the batch is its own error and the rest goes on.
#[test]
fn clippings_by_address_keep_it_and_are_not_fetched_twice() {
    let server = PageServer::start();
    server.page("/2024/03/brussels-talks/", PAGE);
    server.serve("/short", Answer::Redirect { status: 301, location: "/2024/03/brussels-talks/".into() });
    server.serve(
        "/report",
        Answer::Ok {
            media_type: "application/pdf",
            body: pdf(
                "Middle Corridor report",
                "Ministry of Transport",
                "D:20240131120000Z",
                &["Cargo volumes doubled."],
            ),
        },
    );
    server.serve("/photo", Answer::Ok { media_type: "image/jpeg", body: unique_jpeg(7, 400, 300) });
    server.serve("/silent", Answer::Silent);
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let addresses = [
        server.url("/2024/03/brussels-talks/?utm_source=alert"),
        server.url("/report"),
        server.url("/photo"),
        server.url("/silent"),
        "file:///etc/passwd".to_owned(),
    ];
    let report = import_addresses(&archive, &addresses);
    assert_eq!(report.n_imported(), 3, "{report:#?}");
    let id_of = |address: &str| match report.outcomes.iter().find(|o| o.path == Path::new(address)).map(|o| &o.outcome)
    {
        Some(Outcome::Imported { id, .. }) => *id,
        other => panic!("{address}: {other:?}"),
    };
    let page = archive.get(id_of(&addresses[0])).unwrap();
    assert_eq!(page.title, "Brussels talks on the Middle Corridor");
    assert_eq!(page.source, "Euractiv");
    assert_eq!(page.published, chrono::NaiveDate::from_ymd_opt(2024, 3, 5));
    assert!(page.body.contains("ports of Aktau and Kuryk"), "{}", page.body);
    assert_eq!(page.url, server.url("/2024/03/brussels-talks"), "kept in its canonical form");
    assert_eq!(page.format, "html");
    let pdf_clipping = archive.get(id_of(&addresses[1])).unwrap();
    assert_eq!((pdf_clipping.kind, pdf_clipping.format.as_str()), (Kind::Article, "pdf"));
    assert_eq!(pdf_clipping.title, "Middle Corridor report");
    let photo = archive.get(id_of(&addresses[2])).unwrap();
    assert_eq!((photo.kind, photo.width_px), (Kind::Photo, Some(400)));
    assert_eq!(photo.url, server.url("/photo"));
    let failed: Vec<String> = report
        .outcomes
        .iter()
        .filter_map(|o| match &o.outcome {
            Outcome::Failed { reason } => Some(format!("{} {reason}", o.path.display())),
            _ => None,
        })
        .collect();
    assert_eq!(
        failed,
        [
            "file:///etc/passwd file: addresses are not fetched, only http and https".to_owned(),
            format!("{} timed out after 3 s", server.url("/silent")),
        ]
    );

    // Again, written otherwise, and through a redirect: nothing is fetched for the first two.
    let hits = server.hits("/2024/03/brussels-talks/");
    let again = [
        server.url("/2024/03/brussels-talks#comments").replace("http://", "HTTP://"),
        server.url("/2024/03/brussels-talks/?fbclid=abc"),
        server.url("/short"),
    ];
    let report = import_addresses(&archive, &again);
    assert_eq!(report.n_imported(), 0, "{report:#?}");
    for outcome in &report.outcomes {
        assert!(matches!(outcome.outcome, Outcome::Duplicate { id, .. } if id == page.id), "{outcome:?}");
    }
    assert_eq!(server.hits("/2024/03/brussels-talks/"), hits + 1, "only the redirect's target was fetched again");
    // The address is searchable.
    let found =
        archive.search_ids(&Query::parse(&format!("url:{}", server.url("/2024/03/brussels-talks/"))), Sort::Newest);
    assert_eq!(found.unwrap(), [page.id]);
    assert!(archive.check(false, &mut |_, _| {}).unwrap().problems.is_empty());
}

/// A page imported by address gives the same clipping as the same page saved and imported
/// as a file.
#[test]
fn a_page_by_address_reads_as_the_same_page_from_a_file() {
    let server = PageServer::start();
    server.page("/talks", PAGE);
    let tmp = tempfile::tempdir().unwrap();
    let by_address = Archive::open(&tmp.path().join("a")).unwrap();
    let report = import_addresses(&by_address, &[server.url("/talks")]);
    let Some(Outcome::Imported { id, .. }) = report.outcomes.first().map(|o| &o.outcome) else { panic!("{report:#?}") };
    let fetched = by_address.get(*id).unwrap();
    let from_file = Archive::open(&tmp.path().join("b")).unwrap();
    let file = write(&tmp.path().join("inbox"), "talks.html", PAGE);
    let report = from_file.import(&[file], &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let Some(Outcome::Imported { id, .. }) = report.outcomes.first().map(|o| &o.outcome) else { panic!("{report:#?}") };
    let saved = from_file.get(*id).unwrap();
    assert_eq!(
        (&fetched.title, &fetched.body, &fetched.source, &fetched.author, fetched.published, &fetched.hash),
        (&saved.title, &saved.body, &saved.source, &saved.author, saved.published, &saved.hash)
    );
}
