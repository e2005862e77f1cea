//! The core's one error type. Each variant carries the path or id it is about, so a message
//! can be shown to a person without more context.

use std::path::PathBuf;

use crate::vocab::model::ClippingId;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("archive {} is open in another Clippings process", .0.display())]
    Locked(PathBuf),

    // The I/O error is part of the message and not also a `source`: printed as a chain it
    // would say the same thing twice ("...: Permission denied: Permission denied").
    #[error("cannot open archive {}: {}", .path.display(), io_reason(.error))]
    Open { path: PathBuf, error: std::io::Error },

    #[error("archive database was written by a newer Clippings (schema {found}, this build knows {known}): {}", .path.display())]
    SchemaTooNew { path: PathBuf, found: u32, known: u32 },

    #[error("archive database error: {0}")]
    Database(String),

    #[error("archive record {key} is damaged: {reason}")]
    Corrupt { key: String, reason: String },

    #[error("{}: {}", .path.display(), io_reason(.error))]
    Io { path: PathBuf, error: std::io::Error },

    #[error("no clipping with id {0}")]
    NoSuchClipping(ClippingId),

    #[error("unknown country {0:?}: use an ISO 3166 code or a name in English, Russian or Kazakh")]
    UnknownCountry(String),

    #[error("empty tag value")]
    EmptyTag,

    #[error("tag value {0:?} holds no letter or digit")]
    MeaninglessTag(String),

    #[error("unknown tag kind {0:?}: expected country, topic or event")]
    UnknownTagKind(String),

    #[error("no {kind} tag {value:?}")]
    NoSuchTag { kind: &'static str, value: String },

    #[error("no saved search is called {0:?}")]
    NoSuchSavedSearch(String),

    #[error("a saved search is already called {0:?}")]
    SavedSearchExists(String),

    #[error("a saved search needs a name")]
    EmptySavedSearchName,

    #[error("{0:?} is not a language code: write two or three letters, such as ru, kk or fr")]
    BadLanguageCode(String),

    #[error("no rule is called {0:?}")]
    NoSuchRule(String),

    #[error("a rule needs a name, a query that finds something and a tag to add")]
    IncompleteRule,

    #[error("search index {}: {reason}", .path.display())]
    Index { path: PathBuf, reason: String },

    #[error("disk full: {needed_mb} MB needed, {free_mb} MB free on {}", .path.display())]
    DiskFull { path: PathBuf, needed_mb: u64, free_mb: u64 },

    #[error("export destination {} is inside the archive", .0.display())]
    ExportIntoArchive(PathBuf),

    /// A team archive's server did not answer: stopped, restarted, or the network is down.
    #[error("the team archive at {place} cannot be reached: {reason}")]
    Unreachable { place: String, reason: String },

    /// The team archive's server refused this role what it asked.
    #[error("the team archive refused role {role:?}: {reason}")]
    Refused { role: String, reason: String },

    /// An edit made from a record another desktop has changed since: refused, with the newer
    /// record to show and the edit to apply again.
    #[error("clipping {id} was changed meanwhile by {by}: its newer version is shown; apply your change again")]
    Stale { id: ClippingId, by: String, newer: Box<crate::vocab::Clipping> },

    /// A team archive's server wants a password for the role that connects (none was given,
    /// or `refused`: the one given was wrong).
    #[error(
        "the team archive at {place} {} role {role:?} (give it in the address, PGPASSWORD or ~/.pgpass)",
        if *.refused { "refused the password of" } else { "needs the password of" }
    )]
    PasswordNeeded { place: String, role: String, refused: bool },

    /// A team archive that is not (yet) one, or an address that names none.
    #[error("team archive: {0}")]
    Team(String),
}

/// An I/O error as a person reads it: what went wrong, without Rust's debug formatting, and
/// a full disk said as such.
fn io_reason(error: &std::io::Error) -> String {
    if error.raw_os_error().is_none() {
        // Our own errors say what they mean already.
        return error.to_string();
    }
    match error.kind() {
        std::io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        std::io::ErrorKind::QuotaExceeded => "the disk quota is used up".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        _ if is_in_use(error) => "the file is open in another program".to_owned(),
        _ => error.to_string(),
    }
}

/// Whether another program holds the file open and does not share it: Windows refuses to
/// open, rename or remove such a file (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION). Unix
/// has no such refusal.
pub fn is_in_use(error: &std::io::Error) -> bool {
    cfg!(windows) && matches!(error.raw_os_error(), Some(32 | 33))
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io { path: path.into(), error: source }
    }

    /// Whether the archive could not be opened for writing: a read-only disk or folder. A
    /// command that only reads can then work on a copy.
    pub fn is_read_only(&self) -> bool {
        matches!(self, Error::Open { error, .. }
            if matches!(error.kind(), std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied))
    }

    /// Whether this is a full disk: ours, an I/O error's, or the search index's (Tantivy words
    /// its I/O errors as text). A full disk is no damage: nothing is rebuilt for it.
    pub fn is_disk_full(&self) -> bool {
        match self {
            Error::DiskFull { .. } => true,
            Error::Io { error, .. } | Error::Open { error, .. } => {
                error.kind() == std::io::ErrorKind::StorageFull || (cfg!(unix) && error.raw_os_error() == Some(28))
            }
            Error::Index { reason, .. } => {
                reason.starts_with("the disk is full")
                    || reason.contains("os error 28")
                    || reason.contains("No space left")
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_say_what_happened_once() {
        // EACCES and ENOSPC; ERROR_ACCESS_DENIED and ERROR_DISK_FULL.
        let (denied, full) = if cfg!(windows) { (5, 112) } else { (13, 28) };
        let denied = Error::io("/srv/x", std::io::Error::from_raw_os_error(denied));
        assert_eq!(denied.to_string(), "/srv/x: permission denied");
        assert!(std::error::Error::source(&denied).is_none(), "the reason is not repeated as a cause");
        let full = Error::io("/srv/x", std::io::Error::from_raw_os_error(full));
        assert_eq!(full.to_string(), "/srv/x: the disk is full");
        assert!(full.is_disk_full());
    }
}
