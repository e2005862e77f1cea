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
    /// Windows: another program holds the file open without sharing it (a document open in
    /// Word, a download still being written).
    #[error("the file is open in another program: close it there, then import it again")]
    InUse,
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
    BadText(TextProblem),
    #[error("could not store the clipping: {0}")]
    Store(String),
    #[error("the decoder crashed on this file")]
    DecoderPanic,
    /// The page at an address could not be fetched.
    #[error("{0}")]
    Fetch(#[serde(serialize_with = "as_text")] crate::web::FetchError),
    /// An e-mail with neither text of its own nor attachments.
    #[error("the message holds no text and no attachment")]
    EmptyMessage,
    /// The same address twice in one batch: imported once.
    #[error("the same address again in this batch")]
    SameAddress,
}

impl ImportError {
    /// A file that could not be read, said as such.
    pub fn reading(error: &std::io::Error) -> ImportError {
        if crate::vocab::is_in_use(error) { ImportError::InUse } else { ImportError::Read(error.to_string()) }
    }
}

/// Why a text (a page, a document, a PDF) could not be read: data the window words in its
/// language; what a library said in detail stays as it said it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextProblem {
    #[error("invalid {0} after its byte-order mark")]
    AfterByteOrderMark(&'static str),
    #[error("binary data, not text")]
    Binary,
    #[error("cannot read the page: {0}")]
    Page(String),
    #[error("no article found in the page: {0}")]
    NoArticle(String),
    #[error("not a readable document: {0}")]
    Document(String),
    #[error("no {0}")]
    MissingPart(&'static str),
    #[error("the PDF's contents would expand to over {0} MB (it may be built to exhaust memory)")]
    PdfBomb(u64),
    #[error("not a readable PDF: {0}")]
    Pdf(String),
    #[error("cannot read the PDF's text: {0}")]
    PdfText(String),
    #[error("the PDF's first page cannot be drawn")]
    PdfPage,
    #[error("the PDF is locked by a password: its text cannot be read")]
    PdfLocked,
}

/// Written as its English sentence, as the command line's JSON reports always had it.
/// Written as it says itself.
fn as_text<T: std::fmt::Display, S: serde::Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

impl serde::Serialize for TextProblem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
