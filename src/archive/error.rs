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

/// Why one file of an import batch was not imported. Kept apart from [`Error`] because these
/// are expected outcomes for bad input, shown in the import report, not failures of the archive.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize)]
pub enum ImportError {
    #[error("unsupported format")]
    Unsupported,
    #[error("{0} photos are not supported: save or export them as JPEG first")]
    UnsupportedPhoto(&'static str),
    #[error("empty file")]
    Empty,
    #[error("cannot read file: {0}")]
    Read(String),
    #[error("not a valid {format} image: {reason}")]
    BadImage { format: &'static str, reason: String },
    #[error("image is {width_px}x{height_px} ({megapixels} megapixels), over the limit of {limit} megapixels")]
    TooManyPixels { width_px: u32, height_px: u32, megapixels: u64, limit: u64 },
    #[error("image would need {needed_mb} MB to decode, over the limit of {limit_mb} MB")]
    TooMuchMemory { needed_mb: u64, limit_mb: u64 },
    #[error("text file holds no text")]
    NoText,
    #[error("text is not readable: {0}")]
    BadText(String),
    #[error("could not store the clipping: {0}")]
    Store(String),
    #[error("the decoder crashed on this file")]
    DecoderPanic,
}
