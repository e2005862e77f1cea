//! Plain-text articles: decoding the bytes (UTF-8 with or without BOM, UTF-16 with BOM, or a
//! legacy encoding guessed by chardetng) and splitting title from body.

use crate::archive::error::ImportError;

/// Text files larger than this are refused: no press clipping is 64 MB of text.
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

pub(crate) struct Article {
    pub title: String,
    pub body: String,
}

/// Decodes text bytes to a string, whatever their encoding.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or_default());
        if had_errors {
            return Err(ImportError::BadText(format!("invalid {} after its byte-order mark", encoding.name())));
        }
        return Ok(text.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    if bytes.contains(&0) {
        return Err(ImportError::BadText("binary data, not text".to_owned()));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, _, _) = encoding.decode(bytes);
    Ok(text.into_owned())
}

/// Splits an article: the title is the first non-empty line, the body the rest.
pub(crate) fn parse_article(text: &str) -> Result<Article, ImportError> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines = text.lines();
    let title = lines.by_ref().map(str::trim).find(|l| !l.is_empty()).ok_or(ImportError::NoText)?;
    // Markdown headings are titles too; the hashes are markup, not words.
    let title = title.trim_start_matches('#').trim().to_owned();
    let body = lines.collect::<Vec<_>>().join("\n").trim().to_owned();
    Ok(Article { title, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], title: &str, body: &str) {
        let article = parse_article(&decode(bytes).unwrap()).unwrap();
        assert_eq!((article.title.as_str(), article.body.as_str()), (title, body));
    }

    #[test]
    fn encodings_and_shapes() {
        check(b"Title\n\nBody one.\nBody two.\n", "Title", "Body one.\nBody two.");
        check(b"\xEF\xBB\xBFWith BOM\r\nbody", "With BOM", "body");
        check(b"\n\n   \n  Late title  \nx", "Late title", "x");
        check(b"# Markdown title\n\ntext", "Markdown title", "text");
        check(b"Only a title", "Only a title", "");
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Привет\nмир".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        check(&utf16, "Привет", "мир");
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251
            .encode("Переговоры в Брюсселе\nКазахстан и страны Бенилюкса обсудили сотрудничество.");
        check(&cp1251, "Переговоры в Брюсселе", "Казахстан и страны Бенилюкса обсудили сотрудничество.");
    }

    #[test]
    fn empty_and_binary() {
        assert!(matches!(parse_article("  \n\n "), Err(ImportError::NoText)));
        assert!(decode(b"\x00\x01\x02\xff\xfe\x00").is_err());
    }
}
