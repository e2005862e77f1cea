//! The connection to a team archive's PostgreSQL server: the URL as libpq reads it (password
//! from the URL, `PGPASSWORD` or `~/.pgpass`), one client shared by the archive's threads and
//! made again when the server went away, and the server's errors in words a press officer can
//! act on. The schema the archive keeps there is in `schema.rs`.

use std::sync::Mutex;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{Client, Config};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::tls;

use crate::vocab::{Error, Result};

/// How long a connection may take before the server counts as unreachable: commands fail
/// within 15 s (two attempts).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(6);

/// A team archive's server and the client talking to it.
pub(crate) struct Server {
    config: Config,
    /// How the connection is encrypted (`sslmode`).
    tls: MakeRustlsConnect,
    /// Where the server is, for messages (`host:port/database`).
    place: String,
    client: Mutex<Option<Client>>,
}

/// Whether a text names a team archive rather than a folder.
pub fn is_team_url(text: &str) -> bool {
    text.starts_with("postgres://") || text.starts_with("postgresql://")
}

impl Server {
    /// Reads the URL (without connecting). The password, when the URL has none, is taken from
    /// `PGPASSWORD` or the user's `~/.pgpass`, as libpq does.
    pub(crate) fn new(url: &str) -> Result<Server> {
        let (url, tls) = tls::split_url(url)?;
        let connector = tls::connector(&tls)?;
        let mut config: Config =
            url.parse().map_err(|e| Error::Team(format!("cannot read the address {}: {e}", redact(&url))))?;
        config.connect_timeout(CONNECT_TIMEOUT);
        // A network that goes away under an open connection is noticed within seconds, not
        // the system's two hours: data unanswered for 10 s, or an idle link silent for 16 s.
        config.keepalives_idle(Duration::from_secs(10));
        config.keepalives_interval(Duration::from_secs(2));
        config.keepalives_retries(3);
        config.tcp_user_timeout(Duration::from_secs(10));
        config.application_name("clippings");
        let host = config
            .get_hosts()
            .first()
            .map(|h| match h {
                postgres::config::Host::Tcp(name) => name.clone(),
                #[cfg(unix)]
                postgres::config::Host::Unix(path) => path.display().to_string(),
            })
            .unwrap_or_else(|| "localhost".to_owned());
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let database = config.get_dbname().map(str::to_owned).unwrap_or_default();
        if config.get_user().is_none() {
            config.user(&whoami_user());
        }
        if config.get_password().is_none() {
            let user = config.get_user().unwrap_or_default().to_owned();
            if let Some(password) = password_from_env(&host, port, &database, &user) {
                config.password(password);
            }
        }
        Ok(Server { config, tls: connector, place: format!("{host}:{port}/{database}"), client: Mutex::new(None) })
    }

    /// As [`Server::new`], for a desktop: its connections carry its name (`clippings/<desktop>`),
    /// which the change log keeps with each change.
    pub(crate) fn for_desktop(url: &str, desktop: &str) -> Result<Server> {
        let mut server = Server::new(url)?;
        server.config.application_name(&format!("clippings/{desktop}"));
        Ok(server)
    }

    /// A connection of its own, apart from the shared one (to wait for notifications on).
    pub(crate) fn connect_alone(&self) -> Result<Client> {
        self.config.connect(self.tls.clone()).map_err(|e| self.error(&e))
    }

    /// `host:port/database`, for messages.
    pub(crate) fn place(&self) -> &str {
        &self.place
    }

    /// The role this archive connects as.
    pub(crate) fn role(&self) -> &str {
        self.config.get_user().unwrap_or_default()
    }

    /// Runs `work` on the client, connecting first if there is none or the last one broke. A
    /// failure to reach the server is tried once more with a new connection.
    pub(crate) fn with<T>(
        &self,
        mut work: impl FnMut(&mut Client) -> std::result::Result<T, postgres::Error>,
    ) -> Result<T> {
        let mut guard = self.client.lock().unwrap_or_else(|p| p.into_inner());
        for attempt in 0..2 {
            if guard.as_ref().is_none_or(Client::is_closed) {
                *guard = Some(self.config.connect(self.tls.clone()).map_err(|e| self.error(&e))?);
            }
            let Some(client) = guard.as_mut() else { continue };
            match work(client) {
                Ok(done) => return Ok(done),
                Err(e) if attempt == 0 && (client.is_closed() || is_connection_error(&e)) => {
                    *guard = None;
                }
                Err(e) => {
                    if client.is_closed() {
                        *guard = None;
                    }
                    return Err(self.error(&e));
                }
            }
        }
        Err(Error::Unreachable { place: self.place.clone(), reason: "the connection was lost".to_owned() })
    }

    /// The server's error in words: refused rights, an unreachable server, or what it said.
    pub(crate) fn error(&self, e: &postgres::Error) -> Error {
        if let Some(db) = e.as_db_error() {
            let code = db.code();
            if *code == SqlState::INSUFFICIENT_PRIVILEGE {
                return Error::Refused {
                    role: self.role().to_owned(),
                    reason: format!(
                        "{}: a reader may find, read and export but not change anything, and only an admin empties \
                         the trash or manages the team (an admin grants more with `clippings team add {} --as editor`)",
                        db.message(),
                        self.role()
                    ),
                };
            }
            if *code == SqlState::INVALID_PASSWORD {
                return Error::PasswordNeeded {
                    place: self.place.clone(),
                    role: self.role().to_owned(),
                    refused: true,
                };
            }
            if *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION {
                return Error::Refused { role: self.role().to_owned(), reason: db.message().to_owned() };
            }
            if *code == SqlState::INVALID_CATALOG_NAME {
                return Error::Team(format!("{}: {}", self.place, db.message()));
            }
            if code.code().starts_with("08") || code.code().starts_with("57P") {
                return Error::Unreachable { place: self.place.clone(), reason: db.message().to_owned() };
            }
            // The server's own words: not the damage of a desktop archive's database.
            return Error::Team(format!("{}: {}", self.place, db.message()));
        }
        let cause = std::error::Error::source(e).map(ToString::to_string).unwrap_or_default();
        if cause.contains("password missing") {
            return Error::PasswordNeeded { place: self.place.clone(), role: self.role().to_owned(), refused: false };
        }
        if is_connection_error(e) {
            return Error::Unreachable { place: self.place.clone(), reason: connection_reason(e) };
        }
        if cause.is_empty() {
            Error::Team(format!("{}: {e}", self.place))
        } else {
            Error::Team(format!("{}: {e}: {cause}", self.place))
        }
    }
}

/// Why a connection failed, in words: the common causes named, the rest as the system said.
fn connection_reason(e: &postgres::Error) -> String {
    let io = std::error::Error::source(e).and_then(|s| s.downcast_ref::<std::io::Error>());
    match io.map(std::io::Error::kind) {
        Some(std::io::ErrorKind::ConnectionRefused) => {
            "nothing answers there: the server is stopped or not listening".to_owned()
        }
        Some(std::io::ErrorKind::TimedOut) => format!("no answer within {} s", CONNECT_TIMEOUT.as_secs()),
        Some(std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::UnexpectedEof) => {
            "the server closed the connection (it may be restarting)".to_owned()
        }
        _ if e.is_closed() => "the server closed the connection (it may be restarting)".to_owned(),
        _ => std::error::Error::source(e).map_or_else(|| e.to_string(), |s| s.to_string()),
    }
}

/// Whether an error is the connection's (refused, reset, timed out, closed), not the query's.
fn is_connection_error(e: &postgres::Error) -> bool {
    if e.is_closed() {
        return true;
    }
    if let Some(db) = e.as_db_error() {
        return db.code().code().starts_with("08") || db.code().code().starts_with("57P");
    }
    // Everything else the driver reports without a server's code is the transport's: I/O,
    // a timeout, a connection closed in the middle of a message.
    let text = e.to_string();
    ["error connecting", "timed out", "connection closed", "error communicating", "unexpected EOF"]
        .iter()
        .any(|m| text.contains(m))
        || std::error::Error::source(e).is_some_and(|s| s.downcast_ref::<std::io::Error>().is_some())
}

/// A part of a URL with its `%XX` escapes read back.
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The URL with its password hidden, for messages.
pub(crate) fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let Some((userinfo, after)) = rest.split_once('@') else { return url.to_owned() };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{after}"),
        None => url.to_owned(),
    }
}

fn whoami_user() -> String {
    std::env::var("PGUSER")
        .or_else(|_| std::env::var("USER"))
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "postgres".to_owned())
}

/// The password for a connection from `PGPASSWORD`, then from `~/.pgpass` (or `PGPASSFILE`):
/// lines `host:port:database:user:password`, `*` matching anything, `\:` a colon.
fn password_from_env(host: &str, port: u16, database: &str, user: &str) -> Option<String> {
    if let Ok(password) = std::env::var("PGPASSWORD") {
        return Some(password);
    }
    let file = std::env::var_os("PGPASSFILE").map(std::path::PathBuf::from).or_else(|| {
        directories::BaseDirs::new().map(|d| {
            if cfg!(windows) {
                d.config_dir().join("postgresql").join("pgpass.conf")
            } else {
                d.home_dir().join(".pgpass")
            }
        })
    })?;
    let text = std::fs::read_to_string(file).ok()?;
    pgpass_lookup(&text, host, port, database, user)
}

/// The first `.pgpass` line that matches, as libpq reads it.
pub(crate) fn pgpass_lookup(text: &str, host: &str, port: u16, database: &str, user: &str) -> Option<String> {
    let port = port.to_string();
    let wanted = [host, port.as_str(), database, user];
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_pgpass(line);
        let [h, p, d, u, password] = &fields[..] else { continue };
        let matches = [h, p, d, u].iter().zip(wanted).all(|(field, want)| field.as_str() == "*" || field == &want);
        let local_host = (h == "localhost" || h == "*") && (host == "127.0.0.1" || host.starts_with('/'));
        let matches_local = local_host && [p, d, u].iter().zip(&wanted[1..]).all(|(f, w)| f.as_str() == "*" || f == w);
        if matches || matches_local {
            return Some(password.clone());
        }
    }
    None
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(field)) = (chars.next(), fields.last_mut()) {
                    field.push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(field) = fields.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pgpass_lines_match_as_libpq_reads_them() {
        let text = "# office server\n\
                    db.office.kz:5432:clippings:aigerim:s3cr\\:et\n\
                    *:*:*:reader:any\n\
                    localhost:5433:team:dana:local\n";
        assert_eq!(pgpass_lookup(text, "db.office.kz", 5432, "clippings", "aigerim").as_deref(), Some("s3cr:et"));
        assert_eq!(pgpass_lookup(text, "db.office.kz", 5433, "clippings", "aigerim"), None, "another port");
        assert_eq!(pgpass_lookup(text, "elsewhere", 1, "x", "reader").as_deref(), Some("any"));
        assert_eq!(pgpass_lookup(text, "127.0.0.1", 5433, "team", "dana").as_deref(), Some("local"));
    }

    #[test]
    fn urls_are_told_apart_and_their_passwords_hidden() {
        assert!(is_team_url("postgres://a@h/db") && is_team_url("postgresql://h/db"));
        assert!(!is_team_url("/home/aigerim/Clippings") && !is_team_url("postgres"));
        assert_eq!(redact("postgres://dana:hunter2@h:5432/db"), "postgres://dana:***@h:5432/db");
        assert_eq!(redact("postgres://dana@h/db"), "postgres://dana@h/db");
        let server = Server::new("postgres://dana:pw@db.office.kz:5433/press").unwrap();
        assert_eq!((server.place(), server.role()), ("db.office.kz:5433/press", "dana"));
        assert!(matches!(Server::new("postgres://h:notaport/db"), Err(Error::Team(_))));
    }
}
