//! A team archive's password kept in the system keyring when the user agrees, through the window
//! (egui_kittest): a real GNOME Keyring on a D-Bus session of the test's own, and a PostgreSQL
//! server the test starts (`common/pg.rs`). Its own test binary: it points this process's
//! session bus at the test's (an environment variable, set before any thread reads it).
#![allow(clippy::unwrap_used, clippy::expect_used)]
// One audited use: `std::env::set_var` on the test's first line, before any other thread runs.
#![allow(unsafe_code)]

mod common;
#[path = "common/pg.rs"]
mod pg;
#[path = "common/window.rs"]
mod window;

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use clippings::archive::Place;
use clippings::keyring::Keyring;
use clippings::ui::ClippingsApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use window::{open_in_english, step_until};

/// A D-Bus session with GNOME Keyring on it, unlocked; both end when this is dropped.
struct Session {
    bus: Child,
    address: String,
    _home: tempfile::TempDir,
}

impl Drop for Session {
    fn drop(&mut self) {
        // The keyring daemon ends when its bus does.
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}

/// Starts the session at `address` (a socket in `home`).
fn keyring_session(home: tempfile::TempDir, address: String) -> Option<Session> {
    let present = |program: &str| {
        Command::new("sh").args(["-c", &format!("command -v {program}")]).output().is_ok_and(|o| o.status.success())
    };
    if !present("dbus-daemon") || !present("gnome-keyring-daemon") {
        assert!(
            std::env::var("CI").is_err(),
            "CI has dbus-daemon and gnome-keyring-daemon (apt-get install dbus-daemon gnome-keyring)"
        );
        eprintln!(
            "skipped: the keyring test needs dbus-daemon and gnome-keyring (apt-get install dbus-daemon gnome-keyring)"
        );
        return None;
    }
    let socket = home.path().join("bus");
    let bus = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--nopidfile", &format!("--address={address}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !socket.exists() {
        assert!(Instant::now() < deadline, "the test's D-Bus did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let runtime = home.path().join("run");
    std::fs::create_dir_all(&runtime).unwrap();
    let mut daemon = Command::new("gnome-keyring-daemon")
        .args(["--unlock", "--components=secrets", "--daemonize"])
        .env("DBUS_SESSION_BUS_ADDRESS", &address)
        .env("HOME", home.path())
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("XDG_DATA_HOME", home.path().join("data"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    daemon.stdin.take().unwrap().write_all(b"keyring-test").unwrap();
    daemon.wait().unwrap();
    let session = Session { bus, address, _home: home };
    // Ready once the service answers on the bus.
    let deadline = Instant::now() + Duration::from_secs(20);
    while Keyring::at(&session.address).and_then(|k| k.password("probe")).is_err() {
        assert!(Instant::now() < deadline, "GNOME Keyring did not answer on the test's bus");
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(session)
}

/// Steps the window until a label holding `what` is shown.
fn step_until_shown(h: &mut Harness<'static, ClippingsApp>, what: &str) {
    step_until(h, Duration::from_secs(15), what, |h| h.query_by_label_contains(what).is_some());
}

#[test]
fn a_password_kept_in_the_keyring_opens_the_archive_next_time() {
    let home = tempfile::tempdir().unwrap();
    let address = format!("unix:path={}", home.path().join("bus").display());
    // SAFETY: the first thing this test binary's one test does: no other thread runs yet.
    unsafe { std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &address) };
    let Some(session) = keyring_session(home, address) else { return };
    let Some(pg) = pg::server() else { return };
    if std::env::var_os("PGPASSWORD").is_some() {
        eprintln!("skipped: PGPASSWORD is set, so no password is asked for");
        return;
    }
    let (db, owner) = pg.database();
    clippings::archive::team::init(&owner).unwrap();
    let role = format!("{db}_marat");
    pg.login_role(&role, "first secret");
    clippings::archive::team::add(&owner, &role, clippings::archive::team::TeamRole::Editor).unwrap();
    let caches = tempfile::tempdir().unwrap();
    let place =
        Place::Team { url: format!("postgres://{role}@127.0.0.1:{}/{db}", pg.port), cache: caches.path().join("a") };
    let keyring = Keyring::at(&session.address).unwrap();

    // Asked, typed, kept: the keyring has it once the archive opened.
    let mut h = open_in_english(place.clone());
    h.get_by_label_contains("wants the password of");
    h.get_by_label("Password").focus();
    h.step();
    h.get_by_label("Password").type_text("first secret");
    h.get_by_label("Keep it in the system keyring").click();
    h.step();
    h.get_by_label("Connect").click();
    step_until_shown(&mut h, "All clippings");
    assert_eq!(keyring.password(&place.address()).unwrap().as_deref(), Some("first secret"));
    drop(h);
    // The closed window's threads let go of the archive within a second.
    let closed = || std::thread::sleep(Duration::from_secs(2));
    closed();

    // Next time it opens without asking.
    let mut h = open_in_english(place.clone());
    step_until_shown(&mut h, "All clippings");
    drop(h);
    closed();

    // A password changed on the server: the kept one is refused and forgotten, and the window asks.
    pg.psql("postgres", &format!("ALTER ROLE {role} PASSWORD 'second secret'"));
    let mut h = open_in_english(place.clone());
    step_until_shown(&mut h, "refused the password of");
    assert_eq!(keyring.password(&place.address()).unwrap(), None, "the refused password is forgotten");
}
