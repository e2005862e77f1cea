//! A small IMAP4rev1 client (RFC 3501), just what fetching clippings by mail needs: log in,
//! select a folder and read its UIDVALIDITY, list the UIDs after the last one seen, fetch a
//! message whole without marking it read, then mark it read or move it. `imaps://` is TLS
//! from the first byte (rustls, the system's roots, the host's name checked); `imap://` is
//! plain, for a server on this machine. Every read and write has a timeout.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

/// Where a mailbox's server is: `imaps://host[:993]` or `imap://host[:143]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Server {
    pub host: String,
    pub port: u16,
    pub tls: bool,
}

impl Server {
    pub fn parse(text: &str) -> Result<Server, ImapError> {
        let bad = || ImapError::Address(text.to_owned());
        let (tls, rest) = if let Some(rest) = text.strip_prefix("imaps://") {
            (true, rest)
        } else if let Some(rest) = text.strip_prefix("imap://") {
            (false, rest)
        } else {
            return Err(bad());
        };
        let rest = rest.trim_end_matches('/');
        let (host, port) = match rest.rsplit_once(':') {
            Some((host, port)) if !host.ends_with(']') || host.starts_with('[') => {
                (host, port.parse().map_err(|_| bad())?)
            }
            _ => (rest, if tls { 993 } else { 143 }),
        };
        if host.is_empty() || host.contains('/') {
            return Err(bad());
        }
        Ok(Server { host: host.trim_matches(['[', ']']).to_owned(), port, tls })
    }
}

impl std::fmt::Display for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}://{}:{}", if self.tls { "imaps" } else { "imap" }, self.host, self.port)
    }
}

/// What went wrong with a mail server: data a window words in its language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImapError {
    #[error("{0:?} is not a mail server's address: write imaps://host or imap://host:port")]
    Address(String),
    #[error("could not connect to {server}: {detail}")]
    Connect { server: String, detail: String },
    #[error("the server refused the user name or the password")]
    Login,
    #[error("the server has no folder {0:?}")]
    NoFolder(String),
    #[error("the server answered: {0}")]
    Refused(String),
    #[error("the connection failed: {0}")]
    Io(String),
    #[error("the server's answer was not understood: {0}")]
    Protocol(String),
}

trait Stream: Read + Write + Send {}
impl<T: Read + Write + Send> Stream for T {}

/// A logged-in session.
pub struct Session {
    stream: BufReader<Box<dyn Stream>>,
    next_tag: u32,
    capabilities: String,
}

/// A folder as selected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selected {
    pub uid_validity: u32,
    pub exists: u32,
}

const TIMEOUT: Duration = Duration::from_secs(30);

/// Messages larger than this are left on the server: no clipping is that large.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

impl Session {
    pub fn connect(server: &Server, user: &str, password: &str) -> Result<Session, ImapError> {
        let connect_error = |detail: String| ImapError::Connect { server: server.to_string(), detail };
        let address = (server.host.as_str(), server.port)
            .to_socket_addrs()
            .map_err(|e| connect_error(e.to_string()))?
            .next()
            .ok_or_else(|| connect_error("no address".to_owned()))?;
        let tcp =
            TcpStream::connect_timeout(&address, Duration::from_secs(10)).map_err(|e| connect_error(e.to_string()))?;
        tcp.set_read_timeout(Some(TIMEOUT)).map_err(|e| connect_error(e.to_string()))?;
        tcp.set_write_timeout(Some(TIMEOUT)).map_err(|e| connect_error(e.to_string()))?;
        let stream: Box<dyn Stream> =
            if server.tls { Box::new(tls_stream(&server.host, tcp).map_err(connect_error)?) } else { Box::new(tcp) };
        let mut session = Session { stream: BufReader::new(stream), next_tag: 1, capabilities: String::new() };
        let greeting = session.read_line()?;
        if !greeting.starts_with("* OK") && !greeting.starts_with("* PREAUTH") {
            return Err(ImapError::Refused(greeting));
        }
        let login = format!("LOGIN {} {}", quoted(user), quoted(password));
        let (lines, status) = session.command(&login)?;
        if !status.starts_with("OK") {
            return Err(ImapError::Login);
        }
        session.capabilities =
            lines.iter().map(|l| l.text.as_str()).chain([status.as_str()]).collect::<Vec<_>>().join(" ").to_uppercase();
        if !session.capabilities.contains("CAPABILITY") {
            let (lines, _) = session.command("CAPABILITY")?;
            session.capabilities = lines.iter().map(|l| l.text.to_uppercase()).collect::<Vec<_>>().join(" ");
        }
        Ok(session)
    }

    /// Selects a folder (read-write, so that flags can be set).
    pub fn select(&mut self, folder: &str) -> Result<Selected, ImapError> {
        let (lines, status) = self.command(&format!("SELECT {}", quoted(folder)))?;
        if !status.starts_with("OK") {
            return Err(ImapError::NoFolder(folder.to_owned()));
        }
        let mut selected = Selected { uid_validity: 0, exists: 0 };
        for line in &lines {
            let upper = line.text.to_uppercase();
            if let Some(rest) = upper.split("[UIDVALIDITY ").nth(1) {
                selected.uid_validity = number_at(rest).unwrap_or(0);
            }
            if let Some(n) = upper.strip_prefix("* ").and_then(|r| r.strip_suffix(" EXISTS")) {
                selected.exists = n.trim().parse().unwrap_or(0);
            }
        }
        Ok(selected)
    }

    /// The UIDs of the selected folder above `after`, in order.
    pub fn uids_after(&mut self, after: u32) -> Result<Vec<u32>, ImapError> {
        let (lines, status) = self.command(&format!("UID SEARCH UID {}:*", after.saturating_add(1)))?;
        if !status.starts_with("OK") {
            return Err(ImapError::Refused(status));
        }
        let mut uids: Vec<u32> = lines
            .iter()
            .filter_map(|l| l.text.strip_prefix("* SEARCH"))
            .flat_map(|rest| rest.split_whitespace().filter_map(|n| n.parse().ok()).collect::<Vec<u32>>())
            // `n:*` always holds the highest UID, even one below n.
            .filter(|&uid| uid > after)
            .collect();
        uids.sort_unstable();
        uids.dedup();
        Ok(uids)
    }

    /// A message whole, as the server keeps it, without marking it read.
    pub fn fetch(&mut self, uid: u32) -> Result<Option<Vec<u8>>, ImapError> {
        let (lines, status) = self.command(&format!("UID FETCH {uid} (RFC822.SIZE BODY.PEEK[])"))?;
        if !status.starts_with("OK") {
            return Err(ImapError::Refused(status));
        }
        Ok(lines.into_iter().find_map(|l| l.literal))
    }

    /// Marks messages read.
    pub fn mark_seen(&mut self, uids: &[u32]) -> Result<(), ImapError> {
        self.uid_command("STORE", uids, "+FLAGS.SILENT (\\Seen)")
    }

    /// Moves messages to another folder (MOVE where the server has it; else copy, delete and
    /// expunge those alone).
    pub fn move_to(&mut self, uids: &[u32], folder: &str) -> Result<(), ImapError> {
        if self.capabilities.contains("MOVE") {
            return self.uid_command("MOVE", uids, &quoted(folder));
        }
        self.uid_command("COPY", uids, &quoted(folder))?;
        self.uid_command("STORE", uids, "+FLAGS.SILENT (\\Deleted)")?;
        if self.capabilities.contains("UIDPLUS") {
            self.uid_command("EXPUNGE", uids, "")
        } else {
            self.command("EXPUNGE").map(|_| ())
        }
    }

    pub fn logout(mut self) {
        let _ = self.command("LOGOUT");
    }

    fn uid_command(&mut self, verb: &str, uids: &[u32], rest: &str) -> Result<(), ImapError> {
        if uids.is_empty() {
            return Ok(());
        }
        let set = uids.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
        let (_, status) = self.command(format!("UID {verb} {set} {rest}").trim_end())?;
        if status.starts_with("OK") { Ok(()) } else { Err(ImapError::Refused(status)) }
    }

    /// Sends a command; its untagged answers and its status ("OK …", "NO …", "BAD …").
    fn command(&mut self, command: &str) -> Result<(Vec<Line>, String), ImapError> {
        let tag = format!("c{}", self.next_tag);
        self.next_tag += 1;
        let stream = self.stream.get_mut();
        stream.write_all(format!("{tag} {command}\r\n").as_bytes()).map_err(io)?;
        stream.flush().map_err(io)?;
        let mut lines = Vec::new();
        loop {
            let mut line = Line { text: self.read_line()?, literal: None };
            if let Some(status) = line.text.strip_prefix(&format!("{tag} ")) {
                return Ok((lines, status.to_owned()));
            }
            // A literal: `{n}` ends the line, n bytes follow, then the rest of the line.
            if let Some(n) = literal_size(&line.text) {
                if n > MAX_MESSAGE_BYTES {
                    return Err(ImapError::Protocol(format!("a message of {n} bytes")));
                }
                let mut bytes = vec![0; n];
                self.stream.read_exact(&mut bytes).map_err(io)?;
                line.literal = Some(bytes);
                let rest = self.read_line()?;
                line.text.push_str(&rest);
            }
            lines.push(line);
        }
    }

    fn read_line(&mut self) -> Result<String, ImapError> {
        let mut bytes = Vec::new();
        let n = (&mut self.stream).take(1024 * 1024).read_until(b'\n', &mut bytes).map_err(io)?;
        if n == 0 {
            return Err(ImapError::Io("the server closed the connection".to_owned()));
        }
        Ok(String::from_utf8_lossy(&bytes).trim_end_matches(['\r', '\n']).to_owned())
    }
}

struct Line {
    text: String,
    literal: Option<Vec<u8>>,
}

fn io(e: std::io::Error) -> ImapError {
    ImapError::Io(e.to_string())
}

fn number_at(text: &str) -> Option<u32> {
    text.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

fn literal_size(line: &str) -> Option<usize> {
    let open = line.strip_suffix('}')?.rfind('{')?;
    line[open + 1..line.len() - 1].trim_end_matches('+').parse().ok()
}

/// A string as IMAP quotes it.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn tls_stream(host: &str, tcp: TcpStream) -> Result<rustls::StreamOwned<rustls::ClientConnection, TcpStream>, String> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls_native_certs::load_native_certs().certs {
        let _ = roots.add(cert);
    }
    // ring, as the team archive's connections use (see `pg_store/tls.rs`).
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let name = rustls::pki_types::ServerName::try_from(host.to_owned()).map_err(|e| e.to_string())?;
    let connection = rustls::ClientConnection::new(Arc::new(config), name).map_err(|e| e.to_string())?;
    Ok(rustls::StreamOwned::new(connection, tcp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_addresses() {
        assert_eq!(
            Server::parse("imaps://mail.mfa.kz").expect("an address"),
            Server { host: "mail.mfa.kz".into(), port: 993, tls: true }
        );
        assert_eq!(
            Server::parse("imap://127.0.0.1:14143/").expect("an address"),
            Server { host: "127.0.0.1".into(), port: 14143, tls: false }
        );
        assert!(Server::parse("https://mail.mfa.kz").is_err());
        assert!(Server::parse("imaps://").is_err());
        assert_eq!(literal_size("* 1 FETCH (UID 7 RFC822.SIZE 12 BODY[] {12}"), Some(12));
        assert_eq!(quoted(r#"pa"ss\word"#), r#""pa\"ss\\word""#);
    }
}
