//! Why one file of an import batch was not imported. Kept apart from the archive's `Error`
//! because these are expected outcomes for bad input, shown in the import report, not failures
//! of the archive.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize)]
pub enum ImportError {
    #[error("not a clipping format (articles and photos are imported)")]
    Unsupported,
    #[error("{0} photos are not supported: save or export them as JPEG first")]
    UnsupportedPhoto(&'static str),
    #[error("empty file")]
    Empty,
    #[error("{0}, not a file to import")]
    NotAFile(&'static str),
    #[error("cannot read file: {0}")]
    Read(String),
    #[error("not a valid {format} image: {reason}")]
    BadImage { format: &'static str, reason: String },
    #[error("image is {width_px}x{height_px} ({megapixels} megapixels), over the limit of {limit} megapixels")]
    TooManyPixels { width_px: u32, height_px: u32, megapixels: u64, limit: u64 },
    #[error("image would need {needed_mb} MB to decode, over the limit of {limit_mb} MB")]
    TooMuchMemory { needed_mb: u64, limit_mb: u64 },
    #[error("the file is {size_mb} MB: a clipping of this kind may be at most {limit_mb} MB")]
    TooLarge { size_mb: u64, limit_mb: u64 },
    #[error("text file holds no text")]
    NoText,
    #[error("text is not readable: {0}")]
    BadText(String),
    #[error("could not store the clipping: {0}")]
    Store(String),
    #[error("the decoder crashed on this file")]
    DecoderPanic,
}
