//! Clippings by address: each page, PDF or photo is fetched (`web/`), kept as fetched as its
//! original, and read as the file it is; its address, in its canonical form, is kept with it.
//! An address the archive has already is a duplicate without a fetch; a page fetched whose
//! bytes it has is one by its hash. Fetching runs a few addresses at a time, on threads of
//! its own, and each failure is that address's outcome: the rest of the batch goes on.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{FileOutcome, ImportError, ImportProgress, ImportReport, Item, Origin, Outcome};
use crate::archive::{Archive, Result};
use crate::search::query::{Query, Sort};
use crate::vocab::address;
use crate::web::{FetchError, Fetched, Fetcher};

/// How many addresses are fetched at once: pages come from many servers, each slow in its
/// own way; a few at a time keeps one slow server from holding the rest.
const FETCHING_AT_ONCE: usize = 6;

/// How many addresses are fetched before their pages are imported, while the next are fetched.
const FETCH_BATCH: usize = 48;

type FetchResult = Result<Fetched, FetchError>;

impl Archive {
    /// Imports pages by their addresses with the standard limits ([`Fetcher::default`]).
    pub fn import_addresses(
        &self,
        addresses: &[String],
        progress: &mut dyn FnMut(ImportProgress<'_>),
        cancel: &AtomicBool,
    ) -> Result<ImportReport> {
        self.import_addresses_with(&Fetcher::default(), addresses, progress, cancel)
    }

    /// [`Archive::import_addresses`] with a fetcher of the caller's (tests give shorter limits).
    pub fn import_addresses_with(
        &self,
        fetcher: &Fetcher,
        addresses: &[String],
        progress: &mut dyn FnMut(ImportProgress<'_>),
        cancel: &AtomicBool,
    ) -> Result<ImportReport> {
        let n_files = addresses.len();
        progress(ImportProgress::Found { n_files });
        let mut report = ImportReport::default();
        let done = |outcome: FileOutcome, report: &mut ImportReport, progress: &mut dyn FnMut(ImportProgress<'_>)| {
            report.take(outcome, n_files, progress);
        };
        // What needs fetching: addresses not known already, each once.
        let mut to_fetch: Vec<(String, String)> = Vec::new();
        for text in addresses {
            let label = PathBuf::from(text.trim());
            let canonical = match address::parse(text) {
                Ok(url) => address::canonical(&url),
                Err(e) => {
                    let reason = ImportError::Fetch(FetchError::Address(e));
                    done(FileOutcome { path: label, outcome: Outcome::Failed { reason } }, &mut report, progress);
                    continue;
                }
            };
            if let Some(outcome) = self.known_address(&canonical)? {
                done(FileOutcome { path: label, outcome }, &mut report, progress);
            } else if to_fetch.iter().any(|(_, c)| *c == canonical) {
                let reason = ImportError::SameAddress;
                done(FileOutcome { path: label, outcome: Outcome::Skipped { reason } }, &mut report, progress);
            } else {
                to_fetch.push((text.trim().to_owned(), canonical));
            }
        }
        // Fetched a batch at a time on a thread of its own, each batch imported while the next
        // is fetched: the downloads overlap the reading.
        let (to_import, batches) = std::sync::mpsc::sync_channel::<Vec<(String, String, FetchResult)>>(1);
        std::thread::scope(|scope| -> Result<()> {
            let to_fetch = &to_fetch;
            scope.spawn(move || {
                for batch in to_fetch.chunks(FETCH_BATCH) {
                    let fetched = fetch_all(fetcher, batch, cancel);
                    let batch = batch.iter().cloned().zip(fetched).map(|((t, c), r)| (t, c, r)).collect();
                    if to_import.send(batch).is_err() {
                        return;
                    }
                }
            });
            for batch in batches {
                let mut items = Vec::new();
                for (text, canonical, result) in batch {
                    let label = PathBuf::from(&text);
                    match result {
                        Ok(page) => items.push(item_of(page, &text, canonical)),
                        Err(FetchError::Cancelled) => {
                            done(FileOutcome { path: label, outcome: Outcome::Cancelled }, &mut report, progress)
                        }
                        Err(e) => {
                            let reason = ImportError::Fetch(e);
                            done(
                                FileOutcome { path: label, outcome: Outcome::Failed { reason } },
                                &mut report,
                                progress,
                            )
                        }
                    }
                }
                let n_before = report.len();
                let imported = self.import_items(
                    items,
                    &mut |p| match p {
                        ImportProgress::Found { .. } => {}
                        ImportProgress::Done { n_done, outcome, .. } => {
                            progress(ImportProgress::Done { n_done: n_before + n_done, n_files, outcome })
                        }
                    },
                    cancel,
                )?;
                // Its rules' tags too: the pages' report is the batch's.
                report.append(imported);
            }
            Ok(())
        })?;
        Ok(report)
    }

    /// The clipping already published at this address (in the trash too), as a duplicate.
    pub(super) fn known_address(&self, canonical: &str) -> Result<Option<Outcome>> {
        for in_trash in [false, true] {
            let query = Query { urls: vec![canonical.to_owned()], in_trash, ..Query::default() };
            if let Some(&id) = self.search_ids(&query, Sort::Newest)?.first() {
                return Ok(Some(Outcome::Duplicate { id, title: self.title_of(id) }));
            }
        }
        Ok(None)
    }
}

/// Fetches the addresses a few at a time; the results in their order.
pub(super) fn fetch_all(
    fetcher: &Fetcher,
    addresses: &[(String, String)],
    cancel: &AtomicBool,
) -> Vec<Result<Fetched, FetchError>> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: std::sync::Mutex<Vec<Option<Result<Fetched, FetchError>>>> =
        std::sync::Mutex::new(vec![None; addresses.len()]);
    std::thread::scope(|scope| {
        for _ in 0..FETCHING_AT_ONCE.min(addresses.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((text, _)) = addresses.get(i) else { break };
                    let result = if cancel.load(Ordering::Relaxed) {
                        Err(FetchError::Cancelled)
                    } else {
                        crate::vocab::quiet::catch_quietly(|| fetcher.fetch(text, cancel))
                            .unwrap_or_else(|_| Err(FetchError::Connection("the download failed".to_owned())))
                    };
                    results.lock().unwrap_or_else(std::sync::PoisonError::into_inner)[i] = Some(result);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .into_iter()
        .map(|r| r.unwrap_or(Err(FetchError::Cancelled)))
        .collect()
}

/// A page as fetched, as an item to import: named so that its kind is read from the
/// server's media type, or else from its first bytes, or else from its address.
pub fn item_of(page: Fetched, asked: &str, canonical: String) -> Item {
    let extension = extension_of(page.media_type.as_deref(), &page.bytes, page.url.path());
    let stem = page
        .url
        .path_segments()
        .and_then(|mut s| s.rfind(|seg| !seg.is_empty()).map(str::to_owned))
        .map(|seg| seg.rsplit_once('.').map_or(seg.clone(), |(stem, _)| stem.to_owned()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| page.url.host_str().unwrap_or("page").to_owned());
    let stem: String = stem.chars().filter(|c| !matches!(c, '/' | '\\' | ':' | '%')).take(80).collect();
    Item {
        name: format!("{stem}.{extension}"),
        label: asked.to_owned(),
        bytes: page.bytes,
        origin: Origin { url: Some(canonical), ..Origin::default() },
    }
}

fn extension_of(media_type: Option<&str>, bytes: &[u8], path: &str) -> &'static str {
    let by_media = match media_type.unwrap_or_default() {
        "text/html" | "application/xhtml+xml" => Some("html"),
        "application/pdf" => Some("pdf"),
        "image/jpeg" | "image/jpg" => Some("jpg"),
        "image/png" => Some("png"),
        "image/webp" => Some("webp"),
        "image/gif" => Some("gif"),
        "image/tiff" => Some("tif"),
        "text/plain" => Some("txt"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => Some("docx"),
        "application/vnd.oasis.opendocument.text" => Some("odt"),
        _ => None,
    };
    let by_bytes = || {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
        if bytes.starts_with(b"%PDF") {
            Some("pdf")
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some("jpg")
        } else if bytes.starts_with(b"\x89PNG") {
            Some("png")
        } else if head.contains("<html") || head.contains("<!doctype html") {
            Some("html")
        } else {
            None
        }
    };
    let by_path = || {
        let lower = path.to_ascii_lowercase();
        super::formats::FORMATS
            .iter()
            .flat_map(|f| f.extensions.iter())
            .find(|ext| lower.ends_with(&format!(".{ext}")))
            .copied()
    };
    by_media.or_else(by_bytes).or_else(by_path).unwrap_or("html")
}
