//! A team archive whose server goes away while the office works, and comes back: its own test
//! binary, as it stops the server the test started (`common/pg.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/pg.rs"]
mod pg;

use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::*;

fn clippings(url: &str, cache: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clippings"))
        .arg("--archive")
        .arg(url)
        .arg("--cache")
        .arg(cache)
        .args(args)
        .env_remove("CLIPPINGS_ARCHIVE")
        .env_remove("PGPASSWORD")
        .output()
        .unwrap()
}

fn said(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

#[test]
fn a_stopped_server_is_said_soon_and_work_goes_on_once_it_is_back() {
    let Some(pg) = pg::server() else { return };
    let (_, url) = pg.database();
    let cache = tempfile::tempdir().unwrap();
    let inbox = tempfile::tempdir().unwrap();
    write(inbox.path(), "brussels.txt", PASTED_CLIPPING);
    assert!(clippings(&url, cache.path(), &["team", "init"]).status.success());
    let imported = clippings(&url, cache.path(), &["import", inbox.path().to_str().unwrap()]);
    assert!(imported.status.success(), "{}", said(&imported));

    pg.stop();
    for args in [&["list", "--query", "hydrogen"][..], &["tag", "add", "country", "BE", "--ids", "1"]] {
        let started = Instant::now();
        let out = clippings(&url, cache.path(), args);
        let took = started.elapsed();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", said(&out));
        assert!(said(&out).contains("cannot be reached"), "{args:?}: {}", said(&out));
        assert!(took < Duration::from_secs(15), "{args:?} took {took:?}");
        eprintln!("{args:?} with the server stopped: {:.2} s: {}", took.as_secs_f64(), said(&out).trim());
    }

    pg.start();
    let tagged = clippings(&url, cache.path(), &["tag", "add", "country", "BE", "--ids", "1"]);
    assert!(tagged.status.success(), "{}", said(&tagged));
    let found = clippings(&url, cache.path(), &["list", "--query", "country:BE hydrogen"]);
    assert!(said(&found).contains("Brussels talks"), "{}", said(&found));
}
