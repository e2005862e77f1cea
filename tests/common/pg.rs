//! A real PostgreSQL server for the team archive's tests, started by the tests themselves:
//! `initdb` into a temporary folder, a free loopback port, password logins over TCP, stopped
//! when the test process ends. One server serves a whole test binary; each test makes its own
//! database ([`PgServer::database`]). Included by the library's unit tests too (`#[path]`).
//!
//! The binaries come from Debian's `postgresql-15` under `/usr/lib/postgresql/*/bin`. Where
//! none is installed a test says how to install it and passes without running; under CI
//! (`CI=true`) that fails instead. PostgreSQL refuses to run as root: as root, the server runs
//! as the `postgres` user (`runuser`).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The superuser's password (the server listens on loopback only, for this process).
pub const SUPERUSER_PASSWORD: &str = "clippings-test-superuser";

/// A running test server.
pub struct PgServer {
    pub port: u16,
    pub bin: PathBuf,
    pub data: PathBuf,
    base: PathBuf,
    /// `runuser -u postgres --` when the tests run as root, nothing otherwise.
    as_user: Vec<String>,
    n_databases: AtomicUsize,
}

const INSTALL_HINT: &str = "the team archive's tests need PostgreSQL 15: \
    `apt-get install postgresql-15` (Debian 12), then run the tests again";

/// The server for this test process, started on first use; `None` (with a note on stderr)
/// where PostgreSQL is not installed and this is not CI.
pub fn server() -> Option<&'static PgServer> {
    static SERVER: OnceLock<Option<PgServer>> = OnceLock::new();
    SERVER
        .get_or_init(|| match find_bin() {
            Some(bin) => Some(start(bin)),
            None if std::env::var("CI").is_ok_and(|v| v == "true") => panic!("{INSTALL_HINT}"),
            None => {
                eprintln!("skipped: {INSTALL_HINT}");
                None
            }
        })
        .as_ref()
}

fn find_bin() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("postgres").is_file() && bin.join("initdb").is_file())
        .collect();
    found.sort();
    found.pop()
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A root and a server certificate signed by it, for 127.0.0.1 and localhost, made with the
/// `openssl` command; nothing where it is missing (the TLS test then says so).
fn make_certificates(base: &Path) {
    let openssl =
        |args: &[&str]| Command::new("openssl").args(args).current_dir(base).output().is_ok_and(|o| o.status.success());
    let made = openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=Clippings test root",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
    ]) && openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ]) && std::fs::write(base.join("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n").is_ok()
        && openssl(&[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            "san.ext",
            "-out",
            "server.crt",
        ]);
    if made {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(base.join("server.key"), std::fs::Permissions::from_mode(0o600));
    } else {
        let _ = std::fs::remove_file(base.join("ca.crt"));
        eprintln!("note: no `openssl` command: the test server takes no TLS connections");
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start(bin: PathBuf) -> PgServer {
    let as_user: Vec<String> = if is_root() {
        ["runuser", "-u", "postgres", "--"].iter().map(|s| s.to_string()).collect()
    } else {
        Vec::new()
    };
    let base = std::env::temp_dir().join(format!("clippings-pg-{}-{}", std::process::id(), free_port()));
    let data = base.join("data");
    std::fs::create_dir_all(&base).unwrap();
    let pwfile = base.join("pw");
    std::fs::write(&pwfile, SUPERUSER_PASSWORD).unwrap();
    if !as_user.is_empty() {
        let status = Command::new("chown").args(["-R", "postgres:postgres"]).arg(&base).status().unwrap();
        assert!(status.success(), "chown of {} to postgres failed", base.display());
    }
    let run = |program: &Path| {
        let mut c = Command::new(as_user.first().map(PathBuf::from).unwrap_or_else(|| program.to_owned()));
        if !as_user.is_empty() {
            c.args(&as_user[1..]).arg(program);
        }
        c
    };
    let out = run(&bin.join("initdb"))
        .args(["-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"])
        .arg(format!("--pwfile={}", pwfile.display()))
        .arg("-D")
        .arg(&data)
        .output()
        .unwrap();
    assert!(out.status.success(), "initdb failed: {}", String::from_utf8_lossy(&out.stderr));
    make_certificates(&base);
    if !as_user.is_empty() {
        let _ = Command::new("chown").args(["-R", "postgres:postgres"]).arg(&base).status();
    }
    let port = free_port();
    let pg = PgServer { port, bin, data, base: base.clone(), as_user, n_databases: AtomicUsize::new(0) };
    // The server goes when this process does: a watchdog stops it and removes its folder.
    let pg_ctl = pg.bin.join("pg_ctl");
    let watchdog = format!(
        // It outlives a Ctrl+C or a kill of the test's process group: it ignores them.
        "trap '' INT TERM HUP; while kill -0 {parent} 2>/dev/null; do sleep 1; done; \
         {as_user} '{pg_ctl}' -D '{data}' -m immediate stop; \
         rm -rf '{base}'",
        parent = std::process::id(),
        as_user = pg.as_user.join(" "),
        pg_ctl = pg_ctl.display(),
        data = pg.data.display(),
        base = base.display()
    );
    // Not waited for: it outlives this process on purpose.
    #[allow(clippy::zombie_processes)]
    Command::new("sh")
        .args(["-c", &watchdog])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    pg.start();
    pg
}

impl PgServer {
    /// The root that signed the server's certificate (for 127.0.0.1 and localhost), when
    /// `openssl` was there to make them; then the server takes TLS connections.
    pub fn ca_file(&self) -> Option<PathBuf> {
        let ca = self.base.join("ca.crt");
        ca.is_file().then_some(ca)
    }

    /// A URL for this role and password on this server.
    pub fn url(&self, role: &str, password: &str, database: &str) -> String {
        format!("postgres://{role}:{password}@127.0.0.1:{}/{database}", self.port)
    }

    /// The superuser's URL for a database.
    pub fn superuser_url(&self, database: &str) -> String {
        self.url("postgres", SUPERUSER_PASSWORD, database)
    }

    pub fn is_ready(&self) -> bool {
        Command::new(self.bin.join("pg_isready"))
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-q"])
            .status()
            .is_ok_and(|s| s.success())
    }

    /// Runs SQL as the superuser with `psql`; panics on an error.
    pub fn psql(&self, database: &str, sql: &str) -> String {
        self.psql_as("postgres", SUPERUSER_PASSWORD, database, sql).unwrap()
    }

    /// Runs SQL as a role with `psql`: its output, or what the server said.
    pub fn psql_as(&self, role: &str, password: &str, database: &str, sql: &str) -> Result<String, String> {
        let out = Command::new(self.bin.join("psql"))
            .args(["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", &self.port.to_string()])
            .args(["-U", role, "-d", database, "-c", sql])
            .env("PGPASSWORD", password)
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
        }
    }

    /// A new empty database, owned by a new login role with CREATEROLE (the office's admin);
    /// returns the database's name and the owner's URL.
    pub fn database(&self) -> (String, String) {
        let n = self.n_databases.fetch_add(1, Ordering::SeqCst);
        let name = format!("office{}_{n}", std::process::id());
        let owner = format!("{name}_owner");
        self.psql("postgres", &format!("CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD 'owner-secret'"));
        self.psql("postgres", &format!("CREATE DATABASE {name} OWNER {owner}"));
        let url = self.url(&owner, "owner-secret", &name);
        (name, url)
    }

    /// Makes a login role with a password (not yet a member of any team archive).
    pub fn login_role(&self, role: &str, password: &str) {
        self.psql("postgres", &format!("CREATE ROLE {role} LOGIN PASSWORD '{password}'"));
    }

    /// Starts the server (again), waiting until it takes connections.
    pub fn start(&self) {
        // Tests run without waiting for the disk; a benchmark (CLIPPINGS_TEST_PG_FSYNC=on)
        // measures a server that does, as a press office's would.
        let fsync = if std::env::var("CLIPPINGS_TEST_PG_FSYNC").is_ok_and(|v| v == "on") { "on" } else { "off" };
        let mut options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -c fsync={fsync} -c max_connections=200 -c shared_buffers=32MB \
             -c unix_socket_directories={}",
            self.port,
            self.base.display()
        );
        if self.ca_file().is_some() {
            let (cert, key) = (self.base.join("server.crt"), self.base.join("server.key"));
            options += &format!(" -c ssl=on -c ssl_cert_file={} -c ssl_key_file={}", cert.display(), key.display());
        }
        let out = self
            .command(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(&self.data)
            .arg("-l")
            .arg(self.base.join("log"))
            .args(["-o", &options, "-w", "-t", "60", "start"])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let log = std::fs::read_to_string(self.base.join("log")).unwrap_or_default();
        assert!(out.status.success(), "the test server did not start: {}{log}", String::from_utf8_lossy(&out.stderr));
        let deadline = Instant::now() + Duration::from_secs(60);
        while !self.is_ready() {
            assert!(Instant::now() < deadline, "the test server takes no connections: {log}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Stops the server (fast shutdown), for tests of a server that goes away.
    pub fn stop(&self) {
        let mut c = self.command(&self.bin.join("pg_ctl"));
        let status = c.arg("-D").arg(&self.data).args(["-m", "fast", "-w", "stop"]).status().unwrap();
        assert!(status.success(), "pg_ctl stop failed");
    }

    fn command(&self, program: &Path) -> Command {
        match self.as_user.split_first() {
            Some((first, rest)) => {
                let mut c = Command::new(first);
                c.args(rest).arg(program);
                c
            }
            None => Command::new(program),
        }
    }
}
