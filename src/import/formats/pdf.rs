//! PDF articles: the text of every page (pdf-extract) and title, author and date from the
//! document's Info dictionary (lopdf). Encrypted and broken files get a clear error.

use chrono::NaiveDate;
use pdf_extract::Object;

use crate::archive::quiet;
use crate::import::ImportError;
use crate::import::formats::text::Document;

pub(crate) fn read_pdf(bytes: &[u8]) -> Result<Document, ImportError> {
    let doc =
        pdf_extract::Document::load_mem(bytes).map_err(|e| ImportError::BadText(format!("not a readable PDF: {e}")))?;
    if doc.is_encrypted() {
        return Err(ImportError::BadText("the PDF is encrypted: its text cannot be read".to_owned()));
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
    let pages = match extracted {
        Ok(Ok(pages)) => pages,
        Ok(Err(e)) => return Err(ImportError::BadText(format!("cannot read the PDF's text: {e}"))),
        Err(_) => {
            let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
            numbers.iter().map(|n| doc.extract_text(&[*n]).unwrap_or_default()).collect()
        }
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
    Ok(Document { title, author: field(b"Author"), published, body })
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
fn parse_pdf_date(s: &str) -> Option<NaiveDate> {
    let digits = s.trim().trim_start_matches("D:");
    NaiveDate::parse_from_str(digits.get(..8)?, "%Y%m%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_and_strings() {
        assert_eq!(parse_pdf_date("D:20240131120000+01'00'"), NaiveDate::from_ymd_opt(2024, 1, 31));
        assert_eq!(parse_pdf_date("garbage"), None);
        assert_eq!(decode_text_string(b"\xFE\xFF\x04\x1A\x04\x30"), "Ка");
        assert_eq!(decode_text_string(b"Caf\xE9"), "Café");
    }

    #[test]
    fn not_a_pdf() {
        assert!(matches!(read_pdf(b"%PDF-1.4 broken"), Err(ImportError::BadText(_))));
        assert!(matches!(read_pdf(b"hello"), Err(ImportError::BadText(_))));
    }
}
