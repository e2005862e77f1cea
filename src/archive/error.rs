//! The core's one error type. Each variant carries the path or id it is about, so a message
//! can be shown to a person without more context.

use std::path::PathBuf;

use crate::archive::model::ClippingId;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("archive {} is open in another Clippings process", .0.display())]
    Locked(PathBuf),

    #[error("cannot open archive {}: {source}", .path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("archive database was written by a newer Clippings (schema {found}, this build knows {known}): {}", .path.display())]
    SchemaTooNew { path: PathBuf, found: u32, known: u32 },

    #[error("archive database error: {0}")]
    Database(String),

    #[error("archive record {key} is damaged: {reason}")]
    Corrupt { key: String, reason: String },

    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

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

    #[error("search index {}: {reason}", .path.display())]
    Index { path: PathBuf, reason: String },

    #[error("export destination {} is inside the archive", .0.display())]
    ExportIntoArchive(PathBuf),
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io { path: path.into(), source }
    }
}
