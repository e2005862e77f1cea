//! Scans and photos of printed pages read as text (OCR), after their import: the clipping is
//! in the archive at once with its picture, and its text follows. A picture that holds
//! printed text becomes an article with that text (its headline the title, the picture still
//! its original and thumbnail), indexed, signed and suggested like any other; a camera photo
//! stays a photo, marked as read so it is not read again. A scanned PDF's pages are drawn at
//! 300 dpi and read one after the other. Pages are read one a core, tesseract with one
//! thread each (`ocr::engine`).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::archive::Archive;
use crate::ocr::{self, Engine, OcrError, PageText};
use crate::vocab::model::{Clipping, ClippingId, Kind, OcrRead, OcrWord};
use crate::vocab::{language, quiet};

/// Pages of a scanned PDF read at most: a longer document is a book, not a clipping.
const MAX_PDF_PAGES: usize = 40;

/// The longest side a picture is decoded at for reading (the page is sized again in `ocr`).
const DECODE_PX: u32 = 6000;

/// What reading a batch came to.
#[derive(Debug, Default, PartialEq)]
pub struct ScanReport {
    /// Clippings that held printed text and are articles now.
    pub read: Vec<ClippingId>,
    /// Clippings that are pictures, not text: they stay as they were.
    pub pictures: Vec<ClippingId>,
    /// Those that could not be read, and why (the others went on).
    pub failed: Vec<(ClippingId, String)>,
    pub cancelled: bool,
}

/// The languages scans are read in: the archive's setting, else the window's languages.
fn wanted_languages(archive: &Archive, asked: Option<&[String]>) -> Vec<String> {
    match asked.filter(|a| !a.is_empty()) {
        Some(asked) => asked.to_vec(),
        None => match archive.ocr_languages() {
            Ok(set) if !set.is_empty() => set,
            _ => ocr::DEFAULT_LANGUAGES.iter().map(|l| (*l).to_owned()).collect(),
        },
    }
}

impl Archive {
    /// Of these clippings, those whose pictures may hold text not read yet (see
    /// [`Clipping::awaits_ocr`]); with `again`, every photo and scan, read or not.
    pub fn scans_among(&self, ids: &[ClippingId], again: bool) -> Vec<ClippingId> {
        ids.iter()
            .copied()
            .filter(|id| {
                self.get(*id).is_ok_and(|c| {
                    c.awaits_ocr()
                        || (again
                            && c.trashed_at.is_none()
                            && (c.kind == Kind::Photo || c.is_scan() || !c.pages_without_text.is_empty()))
                })
            })
            .collect()
    }

    /// Reads the pictures of `ids` as text, one page a core, in `languages` (tesseract's
    /// codes; `None`: the archive's setting). `progress` gets (done, total) after each
    /// clipping. Fails only when tesseract cannot be used at all; a clipping that cannot be
    /// read is listed in the report and the others go on.
    pub fn read_scans(
        &self,
        ids: &[ClippingId],
        languages: Option<&[String]>,
        progress: &(dyn Fn(ClippingId, usize, usize) + Sync),
        cancel: &AtomicBool,
    ) -> Result<ScanReport, OcrError> {
        let engine = Engine::find()?;
        let wanted = wanted_languages(self, languages);
        // Said before any page is read: none of the languages is installed.
        ocr::languages_for(None, &wanted, &engine)?;
        let n_cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n_cores)
            .thread_name(|i| format!("ocr-{i}"))
            .build()
            .map_err(|e| OcrError::Failed(e.to_string()))?;
        let report = Mutex::new(ScanReport::default());
        let done = AtomicUsize::new(0);
        let total = ids.len();
        pool.install(|| {
            ids.par_iter().with_max_len(1).for_each(|&id| {
                if cancel.load(Ordering::Relaxed) {
                    return;
                }
                let outcome = self.read_one(id, &engine, &wanted, cancel);
                let mut report = report.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                match outcome {
                    Ok(true) => report.read.push(id),
                    Ok(false) => report.pictures.push(id),
                    Err(OcrError::Cancelled) => report.cancelled = true,
                    Err(e) => report.failed.push((id, e.to_string())),
                }
                drop(report);
                progress(id, done.fetch_add(1, Ordering::Relaxed) + 1, total);
            });
        });
        let mut report = report.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        report.cancelled |= cancel.load(Ordering::Relaxed);
        for list in [&mut report.read, &mut report.pictures] {
            list.sort();
        }
        report.failed.sort();
        Ok(report)
    }

    /// Reads one clipping's picture; whether it held text (and became an article).
    fn read_one(
        &self,
        id: ClippingId,
        engine: &Engine,
        wanted: &[String],
        cancel: &AtomicBool,
    ) -> Result<bool, OcrError> {
        let mut clipping = self.get(id).map_err(|e| OcrError::Failed(e.to_string()))?;
        if clipping.format == "pdf" && !clipping.pages_without_text.is_empty() {
            return self.read_scanned_pages(clipping, engine, wanted, cancel);
        }
        let pages = pictures_of(self, &clipping)?;
        // A photo gets the quick look first: a picture of no text is not read further.
        let quick = clipping.kind == Kind::Photo;
        let mut read: Vec<PageText> = Vec::new();
        for page in pages {
            if let Some(text) = ocr::read_page(engine, page, wanted, quick, cancel)? {
                read.push(text);
            }
        }
        let is_text = read.iter().any(PageText::is_text);
        let n_words: usize = read.iter().map(|p| p.words.len()).sum();
        let confidence = if n_words == 0 {
            0.0
        } else {
            read.iter().map(|p| p.confidence() * p.words.len() as f32).sum::<f32>() / n_words as f32
        };
        let languages = read.first().map(|p| p.languages.clone()).unwrap_or_default();
        let n_pages = read.len() as u32;
        // The first page's words where they stand on the picture shown (its first page).
        let words = match read.first() {
            Some(page) if is_text => page
                .boxes_on_given()
                .into_iter()
                .filter(|(w, _)| w.conf >= 50.0 && w.text.chars().any(char::is_alphanumeric))
                .map(|(w, b)| OcrWord { text: w.text.clone(), bounds: b.map(|f| (f * 10_000.0).round() as u16) })
                .collect(),
            _ => Vec::new(),
        };
        // A title an earlier reading gave is the reading's to give again.
        let title_read_before = clipping.ocr.as_ref().is_some_and(|o| !o.title.is_empty() && o.title == clipping.title);
        let mut ocr = OcrRead { text: is_text, languages, confidence, pages: n_pages, words, title: String::new() };
        if is_text && become_article(&mut clipping, &read, title_read_before) {
            ocr.title = clipping.title.clone();
        }
        clipping.ocr = Some(ocr);
        self.keep_read_text(&clipping).map_err(|e| OcrError::Failed(e.to_string()))?;
        Ok(is_text)
    }
}

impl Archive {
    /// A document's pages without text read into their place among the others: the pages
    /// with a text layer keep it. Whether any held text.
    fn read_scanned_pages(
        &self,
        mut clipping: Clipping,
        engine: &Engine,
        wanted: &[String],
        cancel: &AtomicBool,
    ) -> Result<bool, OcrError> {
        let bytes = std::fs::read(self.original_path(&clipping))
            .map_err(|e| OcrError::Failed(format!("cannot read the original: {e}")))?;
        let (_, mut pages) = crate::import::formats::pdf::read_pdf_pages(&bytes)
            .map_err(|e| OcrError::Failed(format!("the PDF's text cannot be read again: {e}")))?;
        let mut read: Vec<PageText> = Vec::new();
        let mut languages = String::new();
        for (number, picture) in
            crate::import::formats::pdf::pictures_of_pages(bytes, 300.0, &clipping.pages_without_text)
        {
            let Some(text) = ocr::read_page(engine, picture, wanted, false, cancel)? else { continue };
            if text.is_text()
                && let Some(page) = pages.get_mut(number as usize)
            {
                *page = [text.title.trim(), text.body.trim()]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n");
                languages = text.languages.clone();
            }
            read.push(text);
        }
        let is_text = read.iter().any(PageText::is_text);
        if is_text {
            let body = pages.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n");
            clipping.body = crate::search::analysis::normalized(&body).into_owned();
        }
        let n_words: usize = read.iter().map(|p| p.words.len()).sum();
        let confidence =
            read.iter().map(|p| p.confidence() * p.words.len() as f32).sum::<f32>() / n_words.max(1) as f32;
        clipping.ocr =
            Some(OcrRead { text: is_text, languages, confidence, pages: read.len() as u32, ..OcrRead::default() });
        self.keep_read_text(&clipping).map_err(|e| OcrError::Failed(e.to_string()))?;
        Ok(is_text)
    }
}

/// The clipping with the text read: an article, its headline the title (a title the person
/// gave, or a PDF's own, is kept), its pages' text the body, its language found. Returns
/// whether the title is the headline read.
fn become_article(clipping: &mut Clipping, read: &[PageText], title_read_before: bool) -> bool {
    let text_pages: Vec<&PageText> = read.iter().filter(|p| p.is_text()).collect();
    let mut paragraphs: Vec<String> = Vec::new();
    for page in &text_pages {
        paragraphs
            .extend([page.title.trim(), page.body.trim()].into_iter().filter(|t| !t.is_empty()).map(str::to_owned));
    }
    let mut body = paragraphs.join("\n");
    // A title made of the file's name gives way to the headline: the first page's largest
    // type, else its first line. One a person (or the picture's metadata) gave stays, and the
    // headline stays in the text.
    let named_by_file = title_read_before
        || clipping.title.trim().is_empty()
        || clipping.title == crate::import::read::photo_title(&clipping.original_name);
    if named_by_file {
        let headline = text_pages.first().map(|p| p.title.trim()).filter(|t| !t.is_empty());
        let headline = match headline {
            Some(headline) => headline.to_owned(),
            None => body.lines().next().unwrap_or_default().to_owned(),
        };
        if let Some(rest) = body.strip_prefix(&headline) {
            body = rest.trim_start().to_owned();
        }
        clipping.title = headline.chars().take(300).collect();
    }
    clipping.body = body;
    clipping.kind = Kind::Article;
    clipping.language = language::detect_language(&format!("{} {}", clipping.title, clipping.body));
    if let std::borrow::Cow::Owned(title) = crate::search::analysis::normalized(&clipping.title) {
        clipping.title = title;
    }
    if let std::borrow::Cow::Owned(body) = crate::search::analysis::normalized(&clipping.body) {
        clipping.body = body;
    }
    named_by_file
}

/// The pictures to read of a clipping: its picture, upright as its camera says; or a scanned
/// PDF's pages.
fn pictures_of(archive: &Archive, clipping: &Clipping) -> Result<Vec<image::GrayImage>, OcrError> {
    let path = archive.original_path(clipping);
    if clipping.format == "pdf" {
        let bytes = std::fs::read(&path).map_err(|e| OcrError::Failed(format!("cannot read the original: {e}")))?;
        let pages = crate::import::formats::pdf::page_pictures(bytes, 300.0, MAX_PDF_PAGES);
        if pages.is_empty() {
            return Err(OcrError::Failed("the PDF's pages cannot be drawn".to_owned()));
        }
        return Ok(pages);
    }
    let picture =
        quiet::catch_quietly(|| crate::import::photo::media::read_picture(&path, &clipping.format, DECODE_PX))
            .map_err(|_| OcrError::Failed("the picture's decoder failed".to_owned()))?
            .map_err(|e| OcrError::Failed(e.to_string()))?;
    Ok(vec![image::DynamicImage::ImageRgb8(picture).to_luma8()])
}
