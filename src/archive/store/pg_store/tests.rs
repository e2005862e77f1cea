//! The team archive's store against a real PostgreSQL server that the tests start themselves
//! (`tests/common/pg.rs`): the same contract as the sled store's, the file store's contract,
//! and what only a shared server has to hold: numbers visible in commit order, and rights the
//! server enforces.

use std::sync::Arc;

use super::test_server::{PgServer, server};
use super::*;
use crate::archive::files::contract::files_are_kept_found_and_removed_by_hash;
use crate::archive::files::{FileRole, FileStore};
use crate::archive::store::contract::store_contract;
use crate::vocab::{Kind, TagKind, tags};

/// An empty team archive on the test server with this desktop's cache in a folder of its own.
struct Fresh {
    store: PgStore,
    _cache: tempfile::TempDir,
}

impl std::ops::Deref for Fresh {
    type Target = dyn Store;
    fn deref(&self) -> &(dyn Store + 'static) {
        &self.store
    }
}

/// A new database with a team archive in it, and the URL of its admin.
fn team_archive(pg: &PgServer) -> String {
    let (_, url) = pg.database();
    init(&Server::new(&url).unwrap()).unwrap();
    url
}

fn open(url: &str) -> Fresh {
    let cache = tempfile::tempdir().unwrap();
    let (store, _) = PgStore::open(url, cache.path()).unwrap();
    Fresh { store, _cache: cache }
}

fn fresh() -> Option<Fresh> {
    let pg = server()?;
    Some(open(&team_archive(pg)))
}

store_contract!(fresh);

fn clipping(title: &str) -> Clipping {
    Clipping {
        title: title.to_owned(),
        hash: blake3::hash(title.as_bytes()).to_hex().to_string(),
        kind: Kind::Article,
        ..Clipping::default()
    }
}

#[test]
fn the_files_keep_the_contract() {
    let Some(pg) = server() else { return };
    let url = team_archive(pg);
    let cache = tempfile::tempdir().unwrap();
    let files = PgFiles::new(Arc::new(Server::new(&url).unwrap()), cache.path(), "desk-a".to_owned());
    files_are_kept_found_and_removed_by_hash(&files);
}

#[test]
fn files_are_shared_and_each_desktop_sweeps_only_its_own() {
    let Some(pg) = server() else { return };
    let url = team_archive(pg);
    let (a_cache, b_cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let a = PgFiles::new(Arc::new(Server::new(&url).unwrap()), a_cache.path(), "desk-a".to_owned());
    let b = PgFiles::new(Arc::new(Server::new(&url).unwrap()), b_cache.path(), "desk-b".to_owned());
    // Three chunks and a bit: the chunks come back in order.
    let big: Vec<u8> = (0..3 * 1024 * 1024 + 77).map(|i| (i % 251) as u8).collect();
    a.put(FileRole::Original, "bead", "pdf", &big).unwrap();
    assert!(!b.path(FileRole::Original, "bead", "pdf").exists(), "not yet in b's cache");
    assert_eq!(b.get(FileRole::Original, "bead", "pdf").unwrap(), big);
    assert!(b.path(FileRole::Original, "bead", "pdf").exists(), "cached once opened");
    assert_eq!(a.list().unwrap().len(), 1);
    assert_eq!(b.list().unwrap().len(), 0, "b may not sweep what a put");
}

#[test]
fn numbers_become_visible_in_commit_order() {
    let Some(pg) = server() else { return };
    let url = team_archive(pg);
    let store = open(&url);
    let ids: Vec<ClippingId> = store
        .insert_clippings(&[(&clipping("Astana"), &[]), (&clipping("Brussels"), &[])])
        .unwrap()
        .iter()
        .map(|i| match i {
            Inserted::New(id, _) => *id,
            Inserted::Duplicate(id) => *id,
        })
        .collect();
    let seen = store.index_pending().unwrap();
    store.clear_index_pending(&seen).unwrap();
    // A slow change takes its number and holds its transaction open.
    let mut slow = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let mut tx = slow.transaction().unwrap();
    let slow_seq: i64 = tx.query_one("SELECT log_change($1, true, 'edit')", &[&vec![ids[0].0 as i64]]).unwrap().get(0);
    // A quick change meanwhile, from another thread: it must wait for the slow one's commit.
    let quick = {
        let url = url.clone();
        let id = ids[1];
        std::thread::spawn(move || {
            let other = open(&url);
            other.add_tag(&tags::resolve(TagKind::Country, "BE").unwrap(), &[id]).unwrap();
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(store.index_pending().unwrap().is_empty(), "nothing is visible before its commit");
    assert!(!quick.is_finished(), "the quick change waits for the number before it to commit");
    tx.commit().unwrap();
    quick.join().unwrap();
    let pending = store.index_pending().unwrap();
    let seqs: Vec<u64> = pending.iter().map(|(_, s)| *s).collect();
    assert_eq!(pending.len(), 2, "{pending:?}");
    assert_eq!(pending[0], (ids[0], slow_seq as u64), "the slow change is seen");
    assert!(seqs[1] > seqs[0], "and numbered before the quick one: {pending:?}");
}

#[test]
fn a_reader_cannot_write_and_is_told_why() {
    let Some(pg) = server() else { return };
    let (db, url) = pg.database();
    let admin = Server::new(&url).unwrap();
    init(&admin).unwrap();
    let reader = format!("{db}_dana");
    let editor = format!("{db}_aigerim");
    pg.login_role(&reader, "dana-pw");
    pg.login_role(&editor, "aigerim-pw");
    add_member(&admin, &reader, TeamRole::Reader).unwrap();
    add_member(&admin, &editor, TeamRole::Editor).unwrap();
    let listed: Vec<(String, TeamRole)> = members(&admin).unwrap().into_iter().map(|m| (m.role, m.access)).collect();
    assert!(listed.contains(&(reader.clone(), TeamRole::Reader)), "{listed:?}");
    assert!(listed.contains(&(editor.clone(), TeamRole::Editor)), "{listed:?}");

    let as_editor = open(&pg.url(&editor, "aigerim-pw", &db));
    let inserted = as_editor.insert_clippings(&[(&clipping("Middle Corridor"), &[])]).unwrap();
    let Inserted::New(id, _) = inserted[0] else { panic!() };
    assert!(matches!(as_editor.delete_clipping(id), Err(Error::Refused { .. })), "only an admin empties the trash");

    let as_reader = open(&pg.url(&reader, "dana-pw", &db));
    assert_eq!(as_reader.get(id).unwrap().map(|c| c.title), Some("Middle Corridor".to_owned()));
    let refused = as_reader.add_tag(&tags::resolve(TagKind::Country, "KZ").unwrap(), &[id]).unwrap_err();
    assert!(matches!(&refused, Error::Refused { role, .. } if *role == reader), "{refused:?}");
    assert!(
        refused.to_string().contains("permission denied") && refused.to_string().contains("a reader may"),
        "{refused}"
    );
    // Not by this program only: the server itself refuses.
    let by_psql = pg.psql_as(&reader, "dana-pw", &db, "DELETE FROM clipping_tags");
    assert!(by_psql.unwrap_err().contains("permission denied"));

    assert!(remove_member(&admin, &reader).unwrap());
    assert!(!members(&admin).unwrap().iter().any(|m| m.role == reader));
    assert!(matches!(as_reader.get(id), Err(Error::Refused { .. })), "a removed member reads nothing");
}

#[test]
fn init_refuses_a_database_that_holds_something_else() {
    let Some(pg) = server() else { return };
    let (db, url) = pg.database();
    pg.psql(&db, "CREATE TABLE invoices (n int)");
    let refused = init(&Server::new(&url).unwrap()).unwrap_err();
    assert!(refused.to_string().contains("1 tables of something else"), "{refused}");
    let url = team_archive(pg);
    let again = init(&Server::new(&url).unwrap()).unwrap_err();
    assert!(again.to_string().contains("holds a team archive already"), "{again}");
    let (_, empty) = pg.database();
    let cache = tempfile::tempdir().unwrap();
    let not_one = PgStore::open(&empty, cache.path()).err().unwrap();
    assert!(not_one.to_string().contains("team init"), "{not_one}");
}

#[test]
fn a_stopped_server_is_a_clear_error_soon() {
    let started = std::time::Instant::now();
    let cache = tempfile::tempdir().unwrap();
    let err = PgStore::open("postgres://dana:pw@127.0.0.1:1/press", cache.path()).err().unwrap();
    assert!(matches!(err, Error::Unreachable { .. }), "{err:?}");
    assert!(err.to_string().starts_with("the team archive at 127.0.0.1:1/press cannot be reached"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(15));
}

#[test]
fn other_desktops_changes_wake_a_listener_and_are_told_with_who_made_them() {
    let Some(pg) = server() else { return };
    let url = team_archive(pg);
    let (a, b) = (open(&url), open(&url));
    let start = b.newest_change().unwrap();
    let waiting = {
        let url = url.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            let a = open(&url);
            a.insert_clippings(&[(&clipping("Late news"), &[])]).unwrap();
        })
    };
    let started = std::time::Instant::now();
    assert!(b.wait_for_change(std::time::Duration::from_secs(10)).unwrap(), "woken by the commit");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    waiting.join().unwrap();
    let inserted = a.insert_clippings(&[(&clipping("Own news"), &[])]).unwrap();
    let Inserted::New(own, _) = inserted[0] else { panic!() };
    let changes = b.changes_since(start).unwrap();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!((changes[0].what.as_str(), changes[0].n_clippings, changes[0].here), ("import", 1, false));
    assert!(changes[0].by.ends_with("_owner"), "{changes:?}");
    let history = a.history(own).unwrap();
    assert_eq!(history.iter().map(|c| c.what.as_str()).collect::<Vec<_>>(), ["import"]);
    let mine = a.changes_since(start).unwrap();
    assert_eq!(mine.iter().map(|c| c.here).collect::<Vec<_>>(), [false, true], "a's own change is told as its own");
}

#[test]
fn connections_are_encrypted_and_the_server_checked_as_sslmode_asks() {
    let Some(pg) = server() else { return };
    let Some(ca) = pg.ca_file() else {
        assert!(std::env::var("CI").is_err(), "CI has openssl to make the test's certificates");
        return;
    };
    let (db, url) = pg.database();
    let encrypted = |url: &str| -> Result<bool> {
        Server::new(url)?
            .with(|c| c.query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[]).map(|r| r.get(0)))
    };
    let root = ca.display().to_string();
    assert!(encrypted(&format!("{url}?sslmode=verify-full&sslrootcert={root}")).unwrap(), "verify-full: encrypted");
    let by_name = url.replace("127.0.0.1", "localhost");
    assert!(encrypted(&format!("{by_name}?sslmode=verify-full&sslrootcert={root}")).unwrap());
    assert!(encrypted(&format!("{url}?sslmode=require")).unwrap(), "require: encrypted, not checked");
    assert!(encrypted(&url).unwrap(), "prefer (the default): encrypted where the server offers it");
    assert!(!encrypted(&format!("{url}?sslmode=disable")).unwrap());
    // A root that did not sign the server's certificate: refused, and said so.
    let other = tempfile::tempdir().unwrap();
    let made = std::process::Command::new("openssl")
        .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=Another root"])
        .args(["-keyout", "k.pem", "-out", "other.crt"])
        .current_dir(other.path())
        .output()
        .unwrap();
    assert!(made.status.success());
    let wrong = format!("{url}?sslmode=verify-full&sslrootcert={}", other.path().join("other.crt").display());
    let refused = encrypted(&wrong).unwrap_err();
    assert!(matches!(refused, Error::Unreachable { .. }), "{refused:?}");
    assert!(refused.to_string().to_lowercase().contains("certificate"), "{refused}");
    let _ = db;
}

#[test]
fn a_stale_edit_is_refused_with_the_newer_record_never_lost_silently() {
    let Some(pg) = server() else { return };
    let url = team_archive(pg);
    let (a, b) = (open(&url), open(&url));
    let Inserted::New(id, _) = a.insert_clippings(&[(&clipping("Draft title"), &[])]).unwrap()[0] else { panic!() };
    let seen_by_a = a.get(id).unwrap().unwrap();
    let seen_by_b = b.get(id).unwrap().unwrap();
    assert_eq!(seen_by_a.version, 1);
    a.update_clipping(&Clipping { title: "Talks in Brussels".to_owned(), ..seen_by_a }).unwrap();
    let stale = Clipping { notes: "called the embassy".to_owned(), ..seen_by_b.clone() };
    let Err(Error::Stale { newer, by, .. }) = b.update_clipping(&stale) else { panic!("a stale edit went through") };
    assert_eq!((newer.title.as_str(), newer.version), ("Talks in Brussels", 2));
    assert!(by.ends_with("_owner"), "{by}");
    assert_eq!(b.get(id).unwrap().unwrap().notes, "", "nothing of the stale edit was written");
    // Applied again on the newer version, both changes stand.
    b.update_clipping(&Clipping { notes: stale.notes, ..*newer }).unwrap();
    let now = a.get(id).unwrap().unwrap();
    assert_eq!((now.title.as_str(), now.notes.as_str(), now.version), ("Talks in Brussels", "called the embassy", 3));
}
