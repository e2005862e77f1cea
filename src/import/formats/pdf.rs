//! PDF articles: the text of every page (pdf-extract), title, author and date from the
//! document's Info dictionary (lopdf), and the first page drawn as the thumbnail (hayro).
//! A PDF locked by a password, or one its text reader cannot parse, is kept with what can be
//! read of it (see `import/read.rs`).

use std::sync::Arc;

use chrono::NaiveDate;
use image::RgbImage;
use pdf_extract::Object;

use crate::import::formats::text::Document;
use crate::import::{ImportError, TextProblem};
use crate::vocab::quiet;

/// The most a PDF's compressed streams may expand to, all together. The PDF reader inflates
/// whole streams into memory, so a small file that inflates to gigabytes (a "bomb") would end
/// the process; it is measured first.
const MAX_INFLATED_BYTES: u64 = 512 * 1024 * 1024;

/// A PDF's text and metadata, with the text of each page (empty for a page with none: a
/// scanned page in a document).
pub(crate) fn read_pdf_pages(bytes: &[u8]) -> Result<(Document, Vec<String>), ImportError> {
    if let Err(n_bytes) = check_inflated_size(bytes, MAX_INFLATED_BYTES) {
        return Err(ImportError::BadText(TextProblem::PdfBomb(n_bytes >> 20)));
    }
    let doc =
        pdf_extract::Document::load_mem(bytes).map_err(|e| ImportError::BadText(TextProblem::Pdf(e.to_string())))?;
    // Most "encrypted" PDFs only restrict printing or copying, with an empty password to open
    // them: the reader opens those. One that asks for a password to open is locked.
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(ImportError::BadText(TextProblem::PdfLocked));
    }
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| match o {
            Object::Reference(id) => doc.get_object(*id).ok(),
            other => Some(other),
        })
        .and_then(|o| o.as_dict().ok());
    let field = |key: &[u8]| -> String {
        info.and_then(|d| d.get(key).ok())
            .and_then(|o| o.as_str().ok())
            .map(decode_text_string)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    // pdf-extract reads more fonts well, but panics on some it does not know; lopdf's own
    // extraction is then the fallback.
    let extracted = quiet::catch_quietly(|| pdf_extract::extract_text_from_mem_by_pages(bytes));
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    let by_lopdf = |n: u32| quiet::catch_quietly(|| doc.extract_text(&[n]).unwrap_or_default()).unwrap_or_default();
    let pages: Vec<String> = match extracted {
        // pdf-extract places a space wherever glyphs stand apart, which breaks words in PDFs
        // whose producer kerns inside them (Google Docs: "Exa mp le do cumen t"). lopdf joins
        // a line's strings as written, with the spaces the producer wrote: where its words look
        // like words and pdf-extract's do not, its page is taken.
        Ok(Ok(pages)) => pages
            .into_iter()
            .enumerate()
            .map(|(i, page)| match numbers.get(i) {
                Some(&n) => {
                    let other = by_lopdf(n);
                    if looks_whole(&other, &page) { other } else { page }
                }
                None => page,
            })
            .collect(),
        Ok(Err(e)) => return Err(ImportError::BadText(TextProblem::PdfText(e.to_string()))),
        Err(_) => numbers.iter().map(|n| by_lopdf(*n)).collect(),
    };
    let body = pages
        .iter()
        .map(|p| p.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut title = field(b"Title");
    if title.is_empty() {
        title = body.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default().chars().take(150).collect();
    }
    if title.is_empty() && body.is_empty() {
        return Err(ImportError::NoText);
    }
    let published = [field(b"CreationDate"), field(b"ModDate")].iter().find_map(|d| parse_pdf_date(d));
    Ok((Document { title, author: field(b"Author"), published, body }, pages))
}

/// The pages (0-based) that have next to no text, where others have some: scanned pages in a
/// document, to be read as text. Empty when every page has text, or none has.
pub(crate) fn pages_without_text(pages: &[String]) -> Vec<u32> {
    let letters = |p: &String| p.chars().filter(|c| c.is_alphanumeric()).count();
    let empty: Vec<u32> = pages.iter().enumerate().filter(|(_, p)| letters(p) < 20).map(|(i, _)| i as u32).collect();
    if empty.len() == pages.len() { Vec::new() } else { empty }
}

/// The first page drawn on white, `long_edge_px` on its long edge, or `None` when it cannot be
/// drawn. Call it only on a file `read_pdf_pages` took: that measured the streams first. A page the
/// renderer fails on costs the PDF its picture, never its text. The renderer keeps the bytes
/// (taken, not copied: a PDF may be hundreds of megabytes).
pub(crate) fn first_page_picture(bytes: Vec<u8>, long_edge_px: u32) -> Option<RgbImage> {
    quiet::catch_quietly(|| draw_first_page(bytes, long_edge_px)).ok().flatten()
}

fn draw_first_page(bytes: Vec<u8>, long_edge_px: u32) -> Option<RgbImage> {
    let pdf = hayro::hayro_syntax::Pdf::new(Arc::new(bytes)).ok()?;
    let page = pdf.pages().first()?;
    let (width, height) = page.render_dimensions();
    let long_edge = width.max(height);
    // A page a hundred times longer than wide would be drawn less than a pixel across.
    if !long_edge.is_finite() || width.min(height) * 100.0 < long_edge {
        return None;
    }
    // The renderer truncates the page's size in pixels: half a pixel more keeps the long edge
    // at `long_edge_px` where the division lands just under it.
    let scale = (long_edge_px as f32 + 0.5) / long_edge;
    let (w, h, rgba) = draw_page(page, &hayro::RenderCache::new(), scale);
    if w == 0 || h == 0 {
        return None;
    }
    let rgb = rgba.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    RgbImage::from_raw(w, h, rgb)
}

/// One page drawn on white at `scale` pixels a point: its width, height and RGBA bytes
/// (on an opaque background the premultiplied colours are the colours). Every drawing of a
/// PDF page goes through here: the thumbnail, the pages read as text, the review's chart.
pub(crate) fn draw_page<'a>(
    page: &'a hayro::hayro_syntax::page::Page<'a>,
    cache: &hayro::RenderCache<'a>,
    scale: f32,
) -> (u32, u32, Vec<u8>) {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{PixmapSettings, RenderSettings};

    let pixmap = hayro::render(
        page,
        cache,
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &PixmapSettings { x_scale: scale, y_scale: scale, bg_color: WHITE },
    );
    (u32::from(pixmap.width()), u32::from(pixmap.height()), pixmap.data_as_u8_slice().to_vec())
}

/// The pages of a scanned PDF drawn in grey at `dpi` (300 for reading their text), at most
/// `max_pages` of them; a page the renderer fails on is left out. Its long side is kept
/// within 6000 px whatever the page's size.
pub fn page_pictures(bytes: Vec<u8>, dpi: f32, max_pages: usize) -> Vec<image::GrayImage> {
    let drawn = quiet::catch_quietly(|| draw_pages(bytes, dpi, max_pages, &|_| true)).unwrap_or_default();
    drawn.into_iter().map(|(_, picture)| picture).collect()
}

/// The pages numbered in `which` (0-based) drawn as [`page_pictures`] draws them, with their
/// numbers; a page the renderer fails on is left out.
pub fn pictures_of_pages(bytes: Vec<u8>, dpi: f32, which: &[u32]) -> Vec<(u32, image::GrayImage)> {
    let pick = |i: usize| which.contains(&(i as u32));
    let last = which.iter().max().map_or(0, |m| *m as usize + 1);
    quiet::catch_quietly(|| draw_pages(bytes, dpi, last, &pick)).unwrap_or_default()
}

fn draw_pages(
    bytes: Vec<u8>,
    dpi: f32,
    max_pages: usize,
    pick: &dyn Fn(usize) -> bool,
) -> Vec<(u32, image::GrayImage)> {
    let Ok(pdf) = hayro::hayro_syntax::Pdf::new(Arc::new(bytes)) else { return Vec::new() };
    let cache = hayro::RenderCache::new();
    let mut out = Vec::new();
    for (i, page) in pdf.pages().iter().enumerate().take(max_pages) {
        if !pick(i) {
            continue;
        }
        let (width, height) = page.render_dimensions();
        let long_edge = width.max(height);
        if !long_edge.is_finite() || long_edge <= 0.0 || width.min(height) * 100.0 < long_edge {
            continue;
        }
        let (w, h, rgba) = draw_page(page, &cache, (dpi / 72.0).min(6000.0 / long_edge));
        // Grey by luma.
        let grey: Vec<u8> = rgba
            .chunks_exact(4)
            .map(|p| ((u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000) as u8)
            .collect();
        if let Some(picture) = image::GrayImage::from_raw(w, h, grey) {
            out.push((i as u32, picture));
        }
    }
    out
}

/// Whether a drawn page is blank: every pixel near white.
pub(crate) fn is_blank(picture: &RgbImage) -> bool {
    picture.as_raw().iter().all(|&c| c >= 0xF0)
}

/// A text's words (runs with a letter) and their mean length in letters.
fn word_shape(text: &str) -> (usize, f64) {
    let lengths: Vec<usize> =
        text.split_whitespace().map(|w| w.chars().filter(|c| c.is_alphabetic()).count()).filter(|&n| n > 0).collect();
    (lengths.len(), lengths.iter().sum::<usize>() as f64 / lengths.len().max(1) as f64)
}

/// Whether `other` reads `broken`'s page with whole words: the same letters (within a tenth)
/// in far fewer words, of the length words have (not run together).
fn looks_whole(other: &str, broken: &str) -> bool {
    let letters = |t: &str| t.chars().filter(|c| c.is_alphabetic()).count();
    let ((n_other, mean_other), (n_broken, _)) = (word_shape(other), word_shape(broken));
    let (l_other, l_broken) = (letters(other), letters(broken));
    n_broken >= 8
        && n_broken * 10 >= n_other * 13
        && (3.0..=12.0).contains(&mean_other)
        && l_other * 10 >= l_broken * 9
        && l_other * 10 <= l_broken * 11
}

/// A PDF text string: UTF-16BE or UTF-8 with a byte-order mark, else PDFDocEncoding (taken as
/// Latin-1, which it equals for letters).
fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(utf8).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// "D:20240131120000+01'00'" -> 2024-01-31.
/// Inflates every zlib stream of the file without keeping what comes out, and fails with the
/// count once the total passes `limit`.
fn check_inflated_size(bytes: &[u8], limit: u64) -> Result<(), u64> {
    use flate2::{Decompress, FlushDecompress, Status};
    let starts = memchr::memmem::Finder::new(b"stream");
    let ends = memchr::memmem::Finder::new(b"endstream");
    let mut buf = vec![0u8; 256 * 1024];
    let mut total = 0u64;
    let mut at = 0;
    while let Some(found) = bytes.get(at..).and_then(|rest| starts.find(rest)) {
        let keyword = at + found;
        at = keyword + b"stream".len();
        if keyword >= 3 && bytes.get(keyword - 3..keyword) == Some(b"end") {
            continue;
        }
        let mut start = at;
        for eol in [b'\r', b'\n'] {
            if bytes.get(start) == Some(&eol) {
                start += 1;
            }
        }
        let end = bytes.get(start..).and_then(|rest| ends.find(rest)).map_or(bytes.len(), |i| start + i);
        let data = bytes.get(start..end).unwrap_or_default();
        at = end;
        if data.first() != Some(&0x78) {
            continue; // not zlib: other filters are not inflated by the reader either
        }
        let mut inflater = Decompress::new(true);
        loop {
            let (in_before, out_before) = (inflater.total_in(), inflater.total_out());
            let input = data.get(usize::try_from(in_before).unwrap_or(usize::MAX)..).unwrap_or_default();
            let Ok(status) = inflater.decompress(input, &mut buf, FlushDecompress::None) else { break };
            total += inflater.total_out() - out_before;
            if total > limit {
                return Err(total);
            }
            let stuck = inflater.total_in() == in_before && inflater.total_out() == out_before;
            if status == Status::StreamEnd || stuck {
                break;
            }
        }
    }
    Ok(())
}

fn parse_pdf_date(s: &str) -> Option<NaiveDate> {
    let digits = s.trim().trim_start_matches("D:");
    NaiveDate::parse_from_str(digits.get(..8)?, "%Y%m%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file shaped like a PDF whose one stream holds `n_zeros` zero bytes, deflated.
    fn pdf_with_zeros(n_zeros: usize) -> Vec<u8> {
        use std::io::Write;
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let chunk = vec![0u8; 1 << 20];
        for _ in 0..n_zeros / chunk.len() {
            encoder.write_all(&chunk).unwrap();
        }
        encoder.write_all(&chunk[..n_zeros % chunk.len()]).unwrap();
        let data = encoder.finish().unwrap();
        let mut pdf = b"%PDF-1.4\n1 0 obj << /Length ".to_vec();
        pdf.extend_from_slice(format!("{} /Filter /FlateDecode >>\nstream\r\n", data.len()).as_bytes());
        pdf.extend_from_slice(&data);
        pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer << >>\n%%EOF\n");
        pdf
    }

    #[test]
    fn streams_are_measured_before_they_are_inflated() {
        let small = pdf_with_zeros(3 << 20);
        assert_eq!(check_inflated_size(&small, 4 << 20), Ok(()));
        assert!(check_inflated_size(&small, 2 << 20).is_err());
        // Truncated or garbled streams end the count, not the process.
        assert_eq!(check_inflated_size(&small[..small.len() / 2], 4 << 20), Ok(()));
        assert_eq!(check_inflated_size(b"stream\r\nx\x9c garbage endstream", 1), Ok(()));
        // A bomb: a few hundred kilobytes that would inflate past the limit.
        let bomb = pdf_with_zeros(usize::try_from(MAX_INFLATED_BYTES).unwrap() + (8 << 20));
        assert!(bomb.len() < 4 << 20, "{} bytes", bomb.len());
        let err = read_pdf_pages(&bomb).err().unwrap();
        assert!(err.to_string().contains("would expand to over 512 MB"), "{err}");
    }

    #[test]
    fn pdf_dates_and_strings() {
        assert_eq!(parse_pdf_date("D:20240131120000+01'00'"), NaiveDate::from_ymd_opt(2024, 1, 31));
        assert_eq!(parse_pdf_date("garbage"), None);
        assert_eq!(decode_text_string(b"\xFE\xFF\x04\x1A\x04\x30"), "Ка");
        assert_eq!(decode_text_string(b"Caf\xE9"), "Café");
    }

    #[test]
    fn words_broken_apart_are_told_from_whole_ones() {
        let broken = "Exa mp le do cumen t\n\nB ea utiful is b etter tha n  ugly.\nExp licit is b etter tha n  imp licit.\n\
                      Simp le is b etter tha n  co mp lex.";
        let whole = "Example document\nBeautiful is better than ugly.\nExplicit is better than implicit.\n\
                     Simple is better than complex.";
        assert!(looks_whole(whole, broken));
        assert!(!looks_whole(broken, whole));
        assert!(!looks_whole(whole, whole));
        // Words run together are no better; nor is a text that lost most of the letters.
        assert!(!looks_whole("Exampledocument Beautifulisbetterthanugly. Explicitisbetterthanimplicit.", broken));
        assert!(!looks_whole("Example document is here.", broken));
        // Another reading of the same words, as whole, is no reason to change.
        let russian = "Министр иностранных дел Казахстана и его коллега из Бельгии обсудили в Брюсселе \
                       вопросы транспорта и энергетики, а также Срединный коридор.";
        assert!(!looks_whole(&russian.replace(", ", ","), russian));
    }

    #[test]
    fn not_a_pdf() {
        assert!(matches!(read_pdf_pages(b"%PDF-1.4 broken"), Err(ImportError::BadText(_))));
        assert!(matches!(read_pdf_pages(b"hello"), Err(ImportError::BadText(_))));
    }
}
