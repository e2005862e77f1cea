//! The window (eframe/egui) over the archive. The UI thread never touches the file system: the
//! worker (`worker.rs`) and the thumbnail loaders (`thumbs.rs`) do.
//!
//! - `app/`: [`ClippingsApp`], the frame loop and the one place the window's state changes:
//!   actions the panels recorded (`actions.rs`), the worker's replies (`replies.rs`) and the
//!   keyboard (`shortcuts.rs`).
//! - `state.rs`: [`AppState`], what every panel reads.
//! - `panels/`: one file per panel; each reads the state, keeps its own, records actions.
//! - `matches.rs`: what the search matched in the clippings shown; `leads.rs`: the first lines
//!   of the texts of the cards on screen, read when they are drawn.
//! - `platform.rs`: file dialogs, opening files, the startup log, the allocator's settings.

mod app;
mod leads;
mod matches;
pub mod panels;
mod platform;
mod state;
pub mod thumbs;
pub mod worker;

pub use app::{Action, ClippingsApp, ExportAction, FilterAction, ImportAction, ReviewAction, RulesAction, run};
pub use platform::{log_startup, start_startup_log, tune_allocator};
pub use state::{AppState, ExportOptions, ReviewSettings, Settings, SortColumn, Status, View};

use crate::archive::{Kind, TagKind};
use crate::export::Layout;
use crate::search::query::Sort;
use crate::t;

/// "1 clipping", "5 clippings", "5 вырезок": a count with the language's plural.
pub(crate) fn n_clippings(n: usize) -> String {
    t!("n-clippings", n = n)
}

/// A count as the window's language writes numbers ("12,345", "12 345", "12.345").
pub fn format_count(n: usize) -> String {
    crate::i18n::format_number(i64::try_from(n).unwrap_or(i64::MAX), crate::i18n::language())
}

/// An order of results, as the window names it.
pub fn sort_label(sort: Sort) -> String {
    match sort {
        Sort::Relevance => t!("sort-relevance"),
        Sort::Newest => t!("sort-newest"),
        Sort::Oldest => t!("sort-oldest"),
        Sort::Title => t!("sort-title"),
    }
}

/// An export layout, as the window names it.
pub fn layout_label(layout: Layout) -> String {
    match layout {
        Layout::Flat => t!("layout-flat"),
        Layout::Country => t!("layout-country"),
        Layout::Topic => t!("layout-topic"),
        Layout::Event => t!("layout-event"),
        Layout::Month => t!("layout-month"),
    }
}

/// A kind of tag, one of them ("country").
pub fn tag_kind_label(kind: TagKind) -> String {
    match kind {
        TagKind::Country => t!("tag-kind-country"),
        TagKind::Topic => t!("tag-kind-topic"),
        TagKind::Event => t!("tag-kind-event"),
    }
}

/// A kind of tag, the group ("Countries").
pub fn tag_kind_plural(kind: TagKind) -> String {
    match kind {
        TagKind::Country => t!("tag-kind-countries"),
        TagKind::Topic => t!("tag-kind-topics"),
        TagKind::Event => t!("tag-kind-events"),
    }
}

/// A kind of clipping ("Article", "Photo").
pub fn kind_label(kind: Kind) -> String {
    match kind {
        Kind::Article => t!("kind-article"),
        Kind::Photo => t!("kind-photo"),
    }
}

/// A tag as the window shows it: a country with its code and its name in the window's
/// language ("BE Бельгия"), other tags by their own name.
pub fn tag_label(tag: &crate::archive::Tag) -> String {
    match tag.kind {
        TagKind::Country => format!("{} {}", tag.value, crate::i18n::tag_name(tag)),
        TagKind::Topic | TagKind::Event => crate::i18n::tag_name(tag),
    }
}

/// Opens the window on the archive given (or the platform's), importing `files` into it
/// first: what `clippings` with no subcommand does, and `clippings-window.exe` on Windows.
pub fn open_window(
    archive: Option<std::path::PathBuf>,
    cache: Option<std::path::PathBuf>,
    files: Vec<std::path::PathBuf>,
    started: std::time::Instant,
) -> anyhow::Result<()> {
    use anyhow::Context as _;
    tune_allocator();
    let place = crate::archive::Place::from_args(archive.as_deref(), cache.as_deref())
        .context("no data folder on this system: pass --archive DIR")?;
    // `clippings frobnicate`: a mistyped command, not a file to open in the window.
    let is_address = crate::vocab::address::is_address_argument;
    if let Some(first) = files.first().filter(|_| files.iter().all(|f| !f.exists() && !is_address(f))) {
        anyhow::bail!(
            "{:?} is neither a command nor a file: `clippings --help` lists the commands",
            first.to_string_lossy()
        );
    }
    let no_display = cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none();
    if no_display {
        anyhow::bail!("no display: use the command line (clippings --help), or run Clippings on a desktop");
    }
    run(place, files, started).map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// When a clipping appeared (published, or taken), else when it was imported, said so.
pub fn date_label(c: &crate::archive::card::Card) -> String {
    match c.published.or_else(|| c.captured_at().map(|t| t.date())) {
        Some(date) => date_text(date),
        None => t!("imported-on", date = date_text(c.imported_at().with_timezone(&chrono::Local).date_naive())),
    }
}

/// Why a tag was suggested ("mentioned once"), in the window's language.
pub fn suggestion_note(note: &str) -> String {
    match note {
        "mentioned once" => t!("note-mentioned-once"),
        "mentioned in passing" => t!("note-mentioned-in-passing"),
        "in the first paragraph" => t!("note-first-paragraph"),
        "in the headline" => t!("note-headline"),
        "dateline" => t!("note-dateline"),
        "where the photo was taken" => t!("note-photo-place"),
        _ => {
            if let Some(n) = note.strip_prefix("mentioned ").and_then(|n| n.strip_suffix(" times")) {
                return n.parse::<usize>().map_or_else(|_| note.to_owned(), |n| t!("note-mentioned-times", n = n));
            }
            // What was learned: "like 23 clippings tagged Middle Corridor".
            let learned = note.strip_prefix("like ").and_then(|rest| rest.split_once(" clippings tagged "));
            match learned.and_then(|(n, name)| Some((n.parse::<usize>().ok()?, name))) {
                Some((n, name)) => {
                    let code = crate::i18n::language().code();
                    let name = crate::vocab::topic_names::name_in(name, code).unwrap_or(name);
                    t!("note-like-tagged", n = n, name = name)
                }
                None => note.to_owned(),
            }
        }
    }
}

/// Why a file was not imported, in the window's language. What a decoder or the system said
/// in detail stays as they said it.
pub fn import_error_text(error: &crate::import::ImportError) -> String {
    use crate::import::ImportError as E;
    match error {
        E::Unsupported => t!("import-error-unsupported"),
        E::UnsupportedPhoto(format) => t!("import-error-unsupported-photo", format = *format),
        E::Empty => t!("import-error-empty"),
        E::NotAFile(_) => t!("import-error-not-a-file"),
        E::Read(error) => t!("import-error-read", error = error),
        E::InUse => t!("import-error-in-use"),
        E::BadImage { format, reason } => t!("import-error-bad-image", format = *format, reason = reason),
        E::TooManyPixels { width_px, height_px, megapixels, limit } => t!(
            "import-error-too-many-pixels",
            size = format!("{width_px}×{height_px}"),
            megapixels = *megapixels,
            limit = *limit
        ),
        E::TooMuchMemory { needed_mb, limit_mb } => {
            t!("import-error-too-much-memory", needed = *needed_mb, limit = *limit_mb)
        }
        E::TooLarge { size_mb, limit_mb } => t!("import-error-too-large", size = *size_mb, limit = *limit_mb),
        E::NoText => t!("import-error-no-text"),
        E::BadText(problem) => t!("import-error-bad-text", reason = text_problem_text(problem)),
        E::Store(error) => t!("import-error-store", error = error),
        E::DecoderPanic => t!("import-error-decoder-panic"),
        E::Fetch(error) => fetch_error_text(error),
        E::SameAddress => t!("import-error-same-address"),
        E::EmptyMessage => t!("import-error-empty-message"),
    }
}

/// Why a mailbox could not be read, in the window's language.
pub fn mail_error_text(error: &crate::mail::imap::ImapError) -> String {
    use crate::mail::imap::ImapError as E;
    match error {
        E::Address(text) => t!("mail-error-address", text = text),
        E::Connect { server, detail } => t!("mail-error-connect", server = server, detail = detail),
        E::Login => t!("mail-error-login"),
        E::NoFolder(folder) => t!("mail-error-no-folder", name = folder),
        E::Refused(detail) => t!("mail-error-refused", detail = detail),
        E::Io(detail) => t!("mail-error-io", detail = detail),
        E::Protocol(detail) => t!("mail-error-protocol", detail = detail),
    }
}

/// Why a page could not be fetched, in the window's language.
pub fn fetch_error_text(error: &crate::web::FetchError) -> String {
    use crate::vocab::address::AddressError as A;
    use crate::web::FetchError as F;
    match error {
        F::Address(A::NotAnAddress(text)) => t!("fetch-error-not-an-address", text = text),
        F::Address(A::Scheme { scheme }) => t!("fetch-error-scheme", scheme = scheme),
        F::ConnectTimeout { secs } => t!("fetch-error-connect-timeout", secs = *secs),
        F::TimedOut { secs } => t!("fetch-error-timed-out", secs = *secs),
        F::TooLarge { limit_mb } => t!("fetch-error-too-large", limit = *limit_mb),
        F::RedirectLoop => t!("fetch-error-redirect-loop"),
        F::TooManyRedirects { limit } => t!("fetch-error-too-many-redirects", limit = *limit),
        F::Status { status } => t!("fetch-error-status", status = u64::from(*status)),
        F::HostNotFound { host } => t!("fetch-error-host-not-found", host = host),
        F::Tls(detail) => t!("fetch-error-tls", detail = detail),
        F::Connection(detail) => t!("fetch-error-connection", detail = detail),
        F::Cancelled => t!("fetch-error-cancelled"),
    }
}

/// Why a text could not be read, in the window's language; a library's own words stay as said.
fn text_problem_text(problem: &crate::import::TextProblem) -> String {
    use crate::import::TextProblem as P;
    match problem {
        P::AfterByteOrderMark(encoding) => t!("text-problem-bom", format = *encoding),
        P::Binary => t!("text-problem-binary"),
        P::Page(detail) => t!("text-problem-page", detail = detail),
        P::NoArticle(detail) => t!("text-problem-no-article", detail = detail),
        P::Document(detail) => t!("text-problem-document", detail = detail),
        P::MissingPart(part) => t!("text-problem-missing-part", name = *part),
        P::PdfBomb(size) => t!("text-problem-pdf-bomb", size = *size),
        P::Pdf(detail) => t!("text-problem-pdf", detail = detail),
        P::PdfText(detail) => t!("text-problem-pdf-text", detail = detail),
        P::PdfPage => t!("text-problem-pdf-page"),
        P::PdfLocked => t!("text-problem-pdf-locked"),
    }
}

/// An error of the archive, in the window's language. What the system or a library said in
/// detail (an I/O reason, a damaged record) stays as they said it.
pub fn archive_error_text(error: &crate::archive::Error) -> String {
    use crate::archive::Error as E;
    let path_of = |p: &std::path::Path| p.display().to_string();
    match error {
        E::Locked(path) => t!("archive-error-locked", path = path_of(path)),
        E::Open { path, .. } if error.is_read_only() => t!("archive-error-read-only", path = path_of(path)),
        E::Open { path, error } => t!("archive-error-open", path = path_of(path), reason = io_error_text(error)),
        E::SchemaTooNew { .. } => t!("archive-error-newer"),
        E::Database(detail) => t!("archive-error-damaged", detail = detail),
        E::Corrupt { key, reason } => t!("archive-error-damaged", detail = format!("{key}: {reason}")),
        E::Io { path, error } => t!("archive-error-io", path = path_of(path), reason = io_error_text(error)),
        E::DiskFull { needed_mb, free_mb, .. } => t!("archive-error-disk-full", needed = *needed_mb, free = *free_mb),
        E::NoSuchClipping(_) => t!("archive-error-no-clipping"),
        E::UnknownCountry(value) => t!("archive-error-unknown-country", value = value),
        E::EmptyTag => t!("archive-error-empty-tag"),
        E::MeaninglessTag(value) => t!("archive-error-meaningless-tag", value = value),
        E::UnknownTagKind(value) | E::NoSuchTag { value, .. } => t!("archive-error-no-tag", value = value),
        E::NoSuchSavedSearch(name) => t!("archive-error-no-saved-search", name = name),
        E::NoSuchRule(name) => t!("archive-error-no-rule", name = name),
        E::BadLanguageCode(code) => t!("archive-error-language-code", value = code),
        E::IncompleteRule => t!("archive-error-incomplete-rule"),
        E::SavedSearchExists(name) => t!("archive-error-saved-search-exists", name = name),
        E::EmptySavedSearchName => t!("archive-error-saved-search-name"),
        E::Index { reason, .. } => t!("archive-error-index", reason = reason),
        E::ExportIntoArchive(_) => t!("archive-error-export-into-archive"),
        E::Unreachable { place, reason } => t!("archive-error-unreachable", place = place, reason = reason),
        E::Refused { reason, .. } => t!("archive-error-refused", reason = reason),
        E::Team(detail) => t!("archive-error-team", detail = detail),
        E::Stale { by, .. } => t!("archive-error-stale", who = by.as_str()),
        E::PasswordNeeded { role, refused: false, .. } => t!("archive-error-password-needed", who = role.as_str()),
        E::PasswordNeeded { role, refused: true, .. } => t!("archive-error-password-refused", who = role.as_str()),
    }
}

/// An I/O error's reason, in the window's language where it is a common one.
fn io_error_text(error: &std::io::Error) -> String {
    match error.kind() {
        _ if cfg!(unix) && error.raw_os_error() == Some(28) => t!("io-disk-full"),
        std::io::ErrorKind::StorageFull => t!("io-disk-full"),
        std::io::ErrorKind::PermissionDenied => t!("io-permission-denied"),
        std::io::ErrorKind::NotFound => t!("io-not-found"),
        _ if crate::vocab::is_in_use(error) => t!("io-in-use"),
        _ => error.to_string(),
    }
}

/// What in the search is probably a mistake, in the window's language.
pub fn query_hint_text(hint: &crate::search::query::QueryHint) -> String {
    use crate::search::query::QueryHint as H;
    match hint {
        H::UnknownCountry { value, nearest: Some(name) } => t!("hint-unknown-country-near", value = value, name = name),
        H::UnknownCountry { value, nearest: None } => t!("hint-unknown-country", value = value),
        H::NotADate { value } => t!("hint-not-a-date", value = value),
        H::NotAnImportTime { value } => t!("hint-not-an-import-time", value = value),
        H::NotAKind { value } => t!("hint-not-a-kind", value = value),
        H::NotAFilter { field, nearest, value } => {
            t!("hint-not-a-filter", field = field, nearest = nearest, value = value)
        }
        H::Unclosed => t!("hint-unclosed"),
        H::NeverBoth { first, second } => t!("hint-never-both", first = first, second = second),
    }
}

/// A clipping's language in words ("norsk (no)"), its tag as it is where no name is known.
pub fn language_name(tag: &str) -> String {
    match crate::i18n::language_endonym(tag) {
        Some(name) => format!("{name} ({tag})"),
        None => tag.to_owned(),
    }
}

/// Where and when a clipping appeared, for text copied out of the window: "Le Soir, 5 Mar
/// 2024" (either part alone where the other is unknown; empty where both are).
pub fn byline(source: &str, date: Option<chrono::NaiveDate>) -> String {
    let date = date.map(date_text).unwrap_or_default();
    [source.trim(), date.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
}

/// A date as the window's language writes it.
pub fn date_text(date: chrono::NaiveDate) -> String {
    crate::i18n::format_date(date, crate::i18n::language())
}
