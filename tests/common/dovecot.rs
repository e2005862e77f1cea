//! A real IMAP server for the mailbox tests, started by the test itself: Debian's Dovecot
//! (`dovecot-imapd`) in the foreground with a configuration of its own in a temporary folder,
//! a free loopback port, plain logins, a maildir per user, stopped when the server is dropped.
//! As root, Dovecot drops to its own `dovecot` and `dovenull` users (the package makes them);
//! otherwise it runs as the test's user. Where Dovecot is not installed a test says how to
//! install it and passes without running; under CI (`CI=true`) that fails instead.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const INSTALL_HINT: &str =
    "the mailbox tests need Dovecot: `apt-get install dovecot-imapd` (Debian 12), then run the tests again";
const DOVECOT: &str = "/usr/sbin/dovecot";

pub struct Dovecot {
    pub port: u16,
    base: PathBuf,
    child: Child,
    /// The owner of the mail folders (Dovecot's user as root, the test's otherwise).
    owner: Option<(u32, u32)>,
    _dir: tempfile::TempDir,
}

/// A server with one user and password, or `None` (with a note) where Dovecot is missing.
pub fn start(user: &str, password: &str) -> Option<Dovecot> {
    if !Path::new(DOVECOT).is_file() {
        assert!(std::env::var("CI").map_or(true, |v| v != "true"), "{INSTALL_HINT}");
        eprintln!("skipped: {INSTALL_HINT}");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().to_path_buf();
    for sub in ["run", "state", "mail", "home"] {
        std::fs::create_dir_all(base.join(sub)).unwrap();
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let root = id("-u") == "0";
    let (internal, login, mail_user) = if root {
        ("dovecot".to_owned(), "dovenull".to_owned(), "dovecot".to_owned())
    } else {
        let me = id("-un");
        (me.clone(), me.clone(), me)
    };
    let owner = root.then(|| (id_of("-u", "dovecot"), id_of("-g", "dovecot")));
    let unprivileged = if root {
        String::new()
    } else {
        // Without root there is no chroot nor user to change to.
        "service imap-login {\n  chroot =\n}\nservice anvil {\n  chroot =\n}\n".to_owned()
    };
    let b = base.display();
    let config = format!(
        "base_dir = {b}/run\nstate_dir = {b}/state\nlog_path = {b}/dovecot.log\nprotocols = imap\nlisten = 127.0.0.1\n\
ssl = no\ndisable_plaintext_auth = no\nauth_mechanisms = plain login\nmail_location = maildir:{b}/mail/%u\n\
first_valid_uid = 1\nfirst_valid_gid = 1\ndefault_internal_user = {internal}\ndefault_login_user = {login}\n\
passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u {b}/passwd\n}}\n\
userdb {{\n  driver = static\n  args = uid={mail_user} gid={mail_group} home={b}/home/%u\n}}\n\
service imap-login {{\n  inet_listener imap {{\n    address = 127.0.0.1\n    port = {port}\n  }}\n  inet_listener imaps {{\n    port = 0\n  }}\n}}\n\
service stats {{\n  unix_listener stats-reader {{\n    mode = 0666\n  }}\n  unix_listener stats-writer {{\n    mode = 0666\n  }}\n}}\n{unprivileged}",
        mail_group = if root { "dovecot".to_owned() } else { id("-gn") },
    );
    std::fs::write(base.join("dovecot.conf"), config).unwrap();
    std::fs::write(base.join("passwd"), format!("{user}:{{PLAIN}}{password}\n")).unwrap();
    let server = Dovecot {
        port,
        child: Command::new(DOVECOT)
            .args(["-F", "-c"])
            .arg(base.join("dovecot.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dovecot starts"),
        owner,
        base: base.clone(),
        _dir: dir,
    };
    server.give_to_owner(&base.join("mail"));
    server.give_to_owner(&base.join("home"));
    if root {
        // The login process runs as dovenull and must reach the folder.
        let mut perms = std::fs::metadata(&base).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
        std::fs::set_permissions(&base, perms).unwrap();
    }
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(15), "dovecot did not start: {}", server.log());
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(server)
}

impl Dovecot {
    pub fn url(&self) -> String {
        format!("imap://127.0.0.1:{}", self.port)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.base.join("dovecot.log")).unwrap_or_default()
    }

    /// Delivers a message into a user's folder (INBOX, or another, made as needed), as the
    /// mail server's delivery would: a file in the maildir's `new/`.
    pub fn deliver(&self, user: &str, folder: &str, name: &str, message: &[u8]) {
        let root = self.base.join("mail").join(user);
        let dir = if folder == "INBOX" { root.clone() } else { root.join(format!(".{folder}")) };
        for sub in ["new", "cur", "tmp"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        let path = dir.join("new").join(format!("{name}.{}.clippings-test", std::process::id()));
        std::fs::write(&path, message).unwrap();
        self.give_to_owner(&self.base.join("mail"));
    }

    /// The names of the messages in a user's folder, and whether each was read (`S` in its
    /// maildir flags).
    pub fn messages(&self, user: &str, folder: &str) -> Vec<(String, bool)> {
        let root = self.base.join("mail").join(user);
        let dir = if folder == "INBOX" { root } else { root.join(format!(".{folder}")) };
        let mut found = Vec::new();
        for sub in ["new", "cur"] {
            for entry in std::fs::read_dir(dir.join(sub)).into_iter().flatten().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let seen = name.split_once(":2,").is_some_and(|(_, flags)| flags.contains('S'));
                found.push((name.split('.').next().unwrap_or_default().to_owned(), seen));
            }
        }
        found.sort();
        found
    }

    fn give_to_owner(&self, path: &Path) {
        let Some((uid, gid)) = self.owner else { return };
        for entry in walkdir::WalkDir::new(path).into_iter().flatten() {
            let _ = std::os::unix::fs::chown(entry.path(), Some(uid), Some(gid));
        }
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = Command::new(DOVECOT).arg("-c").arg(self.base.join("dovecot.conf")).arg("stop").status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn id(flag: &str) -> String {
    Command::new("id")
        .arg(flag)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

fn id_of(flag: &str, user: &str) -> u32 {
    Command::new("id")
        .args([flag, user])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().parse().unwrap_or(0))
        .unwrap_or(0)
}
