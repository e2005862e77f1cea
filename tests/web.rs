//! Pages fetched by address from a loopback server the tests start: what comes back, and how
//! each hostile address ends in a plain error within its limit.

#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use clippings::vocab::address::AddressError;
use clippings::web::{FetchError, Fetcher, Limits};
use common::http::{Answer, PageServer};

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
