//! Scanned clippings read as text (OCR), with Debian's tesseract 5 as the engine.
//!
//! A page is made ready (`prep.rs`: grey, sized, turned upright by tesseract's orientation
//! detection, straightened by its own skew), its script found (tesseract's OSD), then read in
//! the languages of that script the archive reads (Cyrillic: Russian and Kazakh; Latin:
//! English, French, Dutch…: the user never names a file's language), and its words put back
//! in reading order with the headline apart (`layout.rs`). `engine.rs` runs the command.
//! Names only the vocabulary; the import (`import/scans.rs`) decides what to read and keeps
//! what was read.

pub mod engine;
pub mod layout;
pub mod prep;

use std::sync::atomic::AtomicBool;

use image::GrayImage;

pub use engine::{Engine, Osd, Word};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OcrError {
    #[error(
        "tesseract is not installed: install it to read scans (Debian, Ubuntu: sudo apt install tesseract-ocr \
         tesseract-ocr-rus tesseract-ocr-kaz tesseract-ocr-fra tesseract-ocr-nld; Windows: the UB Mannheim \
         installer)"
    )]
    NotInstalled,
    #[error("tesseract has none of the languages asked for ({0}): install their language packs")]
    NoLanguage(String),
    #[error("{0}")]
    Failed(String),
    #[error("cancelled")]
    Cancelled,
}

/// The languages the window offers, as tesseract names them: read when nothing else is set.
pub const DEFAULT_LANGUAGES: [&str; 5] = ["rus", "kaz", "eng", "fra", "nld"];

/// Tesseract's languages by script, the first of each the one its pages are read in first.
/// Kazakh is read with Russian beside it: tesseract's Kazakh lacks ё, щ and ъ.
const CYRILLIC: [&str; 6] = ["rus", "kaz", "ukr", "bel", "bul", "srp"];
const LATIN: [&str; 9] = ["eng", "fra", "nld", "deu", "spa", "ita", "por", "pol", "tur"];

/// The tesseract languages to read a page of `script` in: those wanted and installed, in
/// the script's order; for another script (or none found), every one wanted.
pub fn languages_for(script: Option<&str>, wanted: &[String], engine: &Engine) -> Result<String, OcrError> {
    let usable: Vec<&str> = wanted.iter().map(String::as_str).filter(|l| engine.has(l) && *l != "osd").collect();
    if usable.is_empty() {
        return Err(OcrError::NoLanguage(wanted.join(", ")));
    }
    fn of<'a>(order: &[&'a str], usable: &[&str]) -> Vec<&'a str> {
        order.iter().copied().filter(|l| usable.contains(l)).collect()
    }
    let of_script = |order: &[&'static str]| of(order, &usable);
    let chosen = match script {
        Some("Cyrillic") => of_script(&CYRILLIC),
        Some("Latin") => of_script(&LATIN),
        _ => Vec::new(),
    };
    let chosen = if chosen.is_empty() {
        // No script told, or one the archive does not read: everything wanted, Latin first.
        let mut all = of_script(&LATIN);
        all.extend(of_script(&CYRILLIC));
        all.extend(usable.iter().copied().filter(|l| !LATIN.contains(l) && !CYRILLIC.contains(l)));
        all
    } else {
        chosen
    };
    Ok(chosen.join("+"))
}

/// Tesseract's language for a language told from text (ISO 639-1).
fn tesseract_language(iso: &str) -> Option<&'static str> {
    Some(match iso {
        "ru" => "rus",
        "kk" => "kaz",
        "uk" => "ukr",
        "be" => "bel",
        "bg" => "bul",
        "sr" => "srp",
        "en" => "eng",
        "fr" => "fra",
        "nl" => "nld",
        "de" => "deu",
        "es" => "spa",
        "it" => "ita",
        "pt" => "por",
        "pl" => "pol",
        "tr" => "tur",
        _ => return None,
    })
}

/// The languages a page is read in again, its own first, when the text read in `languages`
/// is in another one tesseract has (of the same script: one the page was not read in at
/// all, Ukrainian read as Russian, is added). `None` when the first was right.
fn own_language_first(languages: &str, text: &str, engine: &Engine) -> Option<String> {
    let own = tesseract_language(&crate::vocab::language::detect_language(text))?;
    let list: Vec<&str> = languages.split('+').collect();
    if list.first() == Some(&own) || !engine.has(own) {
        return None;
    }
    let same_script = |l: &str| CYRILLIC.contains(&l) == CYRILLIC.contains(&own);
    if !list.iter().any(|l| same_script(l)) {
        return None;
    }
    Some(std::iter::once(own).chain(list.into_iter().filter(|l| *l != own)).collect::<Vec<_>>().join("+"))
}

/// A page read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageText {
    pub title: String,
    pub body: String,
    /// The words with their boxes, on the page as read (turned and straightened).
    pub words: Vec<Word>,
    /// The tesseract languages it was read in ("rus+kaz").
    pub languages: String,
    /// The page was turned clockwise by this many degrees, then straightened by `skew`.
    pub rotate: u16,
    pub skew: f32,
    /// The size of the page as read, in pixels.
    pub width: u32,
    pub height: u32,
    /// The size of the picture it was given (before sizing and turning), in pixels.
    pub given: (u32, u32),
}

impl PageText {
    /// Each word's box on the picture as given (before it was sized, turned and
    /// straightened), as fractions of its width and height: left, top, right, bottom. Sizing
    /// keeps the fractions; turning and straightening are undone.
    pub fn boxes_on_given(&self) -> Vec<(&Word, [f32; 4])> {
        // The page before it was turned: its size, as sized.
        let (tw, th) = (self.width as f32, self.height as f32);
        let (sw, sh) = if self.rotate % 180 == 90 { (th, tw) } else { (tw, th) };
        let (sin, cos) = self.skew.to_radians().sin_cos();
        let (cx, cy) = (tw / 2.0, th / 2.0);
        let back = |x: f32, y: f32| -> (f32, f32) {
            // Unstraightened: where `prep::rotated` took this point from.
            let (dx, dy) = (x - cx, y - cy);
            let (x, y) = (cos * dx + sin * dy + cx, -sin * dx + cos * dy + cy);
            // Unturned: `rotate90` put (x, y) of the sized page at (sh - 1 - y, x).
            let (x, y) = match self.rotate {
                90 => (y, sh - 1.0 - x),
                180 => (sw - 1.0 - x, sh - 1.0 - y),
                270 => (sw - 1.0 - y, x),
                _ => (x, y),
            };
            (x / sw, y / sh)
        };
        self.words
            .iter()
            .map(|w| {
                let corners = [
                    back(w.left as f32, w.top as f32),
                    back(w.right() as f32, w.top as f32),
                    back(w.left as f32, w.bottom() as f32),
                    back(w.right() as f32, w.bottom() as f32),
                ];
                let fold = |f: fn(f32, f32) -> f32, pick: fn(&(f32, f32)) -> f32| {
                    corners.iter().map(pick).fold(pick(&corners[0]), f).clamp(0.0, 1.0)
                };
                (
                    w,
                    [
                        fold(f32::min, |c| c.0),
                        fold(f32::min, |c| c.1),
                        fold(f32::max, |c| c.0),
                        fold(f32::max, |c| c.1),
                    ],
                )
            })
            .collect()
    }

    /// The mean confidence of its words, 0–100.
    pub fn confidence(&self) -> f32 {
        if self.words.is_empty() {
            return 0.0;
        }
        self.words.iter().map(|w| w.conf).sum::<f32>() / self.words.len() as f32
    }

    /// Whether the page holds printed text: enough words read with confidence. A camera
    /// photo of a meeting or a landscape gives a few doubtful "words" off its edges and
    /// patterns.
    pub fn is_text(&self) -> bool {
        let good = self
            .words
            .iter()
            .filter(|w| w.conf >= 60.0 && w.text.chars().filter(|c| c.is_alphabetic()).count() >= 3)
            .count();
        good >= 20 && good * 2 >= self.words.len() && self.confidence() >= 50.0
    }
}

/// Reads one page: turned upright, straightened, in the languages of its script among
/// `wanted` (tesseract's codes). `None` when tesseract finds too few letters to tell the
/// page's orientation, and `quick` is asked for: a picture, not a page of text, and not
/// worth a full reading.
pub fn read_page(
    engine: &Engine,
    page: GrayImage,
    wanted: &[String],
    quick: bool,
    cancel: &AtomicBool,
) -> Result<Option<PageText>, OcrError> {
    // A photo gets a look before any reading: no rows of print, no reading.
    if quick && !prep::may_hold_text(&page) {
        return Ok(None);
    }
    let given = page.dimensions();
    let page = prep::sized(page);
    let osd = engine.osd(&page, cancel)?;
    if osd.is_none() && quick {
        return Ok(None);
    }
    // Turned only when tesseract is sure: a confidence of a few points is a guess.
    let rotate = osd.as_ref().filter(|o| o.orientation_confidence >= 2.0).map_or(0, |o| o.rotate);
    let page = prep::turned(page, rotate);
    let skew = prep::skew(&page);
    let page = prep::rotated(&page, skew);
    let mut languages = languages_for(osd.as_ref().map(|o| o.script.as_str()), wanted, engine)?;
    let mut words = engine.words(&page, &languages, cancel)?;
    let mut read = layout::read(&words);
    // The page is read again with its own language first where that is another: read with
    // Russian first, Kazakh letters in large type come out as their Russian look-alikes
    // ("Қазақстан" as "Казакстан"), Ukrainian ones likewise; French accents fare better
    // with French first. Its language is told from the first reading.
    if let Some(own_first) = own_language_first(&languages, &format!("{} {}", read.title, read.body), engine) {
        words = engine.words(&page, &own_first, cancel)?;
        read = layout::read(&words);
        languages = own_first;
    }
    Ok(Some(PageText {
        title: read.title,
        body: read.body,
        words,
        languages,
        rotate,
        skew,
        width: page.width(),
        height: page.height(),
        given,
    }))
}
