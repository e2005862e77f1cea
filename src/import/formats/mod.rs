//! Readers of article files, each from bytes to a `text::Document` or an `ImportError`. They
//! know nothing of the archive: the pipeline (`import/mod.rs`) stores what they read. The
//! table of every format Clippings imports, [`FORMATS`], is here too: the pipeline, the
//! window's file dialog and its empty state all read it.

mod boilerplate;
pub mod html;
pub mod mail;
pub mod office;
pub mod pdf;
pub mod text;
pub mod xml;

use image::ImageFormat;

/// What reads a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// Plain text in any encoding.
    Text,
    /// A saved web page.
    WebPage,
    Pdf,
    Docx,
    Odt,
    /// An e-mail message (`.eml`): its text an article, its attachments files of their own.
    Mail,
    Photo(ImageFormat),
}

/// One format Clippings imports.
#[derive(Debug)]
pub struct Format {
    /// What a person calls it.
    pub name: &'static str,
    /// File extensions, lowercase, without the dot; the first is the usual one.
    pub extensions: &'static [&'static str],
    pub reader: Reader,
}

impl Format {
    pub fn is_photo(&self) -> bool {
        matches!(self.reader, Reader::Photo(_))
    }
}

/// Every format Clippings imports, articles first.
pub const FORMATS: &[Format] = &[
    Format { name: "Text", extensions: &["txt", "md", "markdown", "text"], reader: Reader::Text },
    Format { name: "Saved web page", extensions: &["html", "htm", "xhtml", "shtml"], reader: Reader::WebPage },
    Format { name: "PDF", extensions: &["pdf"], reader: Reader::Pdf },
    Format { name: "Word", extensions: &["docx"], reader: Reader::Docx },
    Format { name: "OpenDocument", extensions: &["odt"], reader: Reader::Odt },
    Format { name: "E-mail", extensions: &["eml"], reader: Reader::Mail },
    Format { name: "JPEG", extensions: &["jpg", "jpeg", "jpe", "jfif"], reader: Reader::Photo(ImageFormat::Jpeg) },
    Format { name: "PNG", extensions: &["png"], reader: Reader::Photo(ImageFormat::Png) },
    Format { name: "WebP", extensions: &["webp"], reader: Reader::Photo(ImageFormat::WebP) },
    Format { name: "GIF", extensions: &["gif"], reader: Reader::Photo(ImageFormat::Gif) },
    Format { name: "TIFF", extensions: &["tif", "tiff"], reader: Reader::Photo(ImageFormat::Tiff) },
    Format { name: "BMP", extensions: &["bmp"], reader: Reader::Photo(ImageFormat::Bmp) },
];

/// Files read together with a photo of the same name, never imported on their own.
pub const SIDECAR_EXTENSIONS: &[&str] = &["xmp"];

/// The format a file extension (any case, no dot) names.
pub fn format_of_extension(ext: &str) -> Option<&'static Format> {
    let ext = ext.to_lowercase();
    FORMATS.iter().find(|f| f.extensions.contains(&ext.as_str()))
}

/// Every extension a file dialog should offer: the formats and the sidecars.
pub fn dialog_extensions() -> Vec<&'static str> {
    FORMATS.iter().flat_map(|f| f.extensions.iter().copied()).chain(SIDECAR_EXTENSIONS.iter().copied()).collect()
}

/// The usual extensions of the article formats or of the photo formats: ".txt, .md, .html, ...".
pub fn extensions_summary(photos: bool) -> String {
    let exts: Vec<String> = FORMATS
        .iter()
        .filter(|f| f.is_photo() == photos)
        .flat_map(|f| f.extensions.iter().take(if f.reader == Reader::Text { 2 } else { 1 }))
        .map(|e| format!(".{e}"))
        .collect();
    exts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_extension_names_one_format() {
        let all = dialog_extensions();
        for ext in &all {
            let n = FORMATS.iter().filter(|f| f.extensions.contains(ext)).count();
            assert!(n == 1 || SIDECAR_EXTENSIONS.contains(ext), "{ext} is in {n} formats");
        }
        assert_eq!(format_of_extension("JPG").map(|f| f.name), Some("JPEG"));
        assert_eq!(format_of_extension("heic").map(|f| f.name), None);
        assert_eq!(extensions_summary(false), ".txt, .md, .html, .pdf, .docx, .odt, .eml");
        assert_eq!(extensions_summary(true), ".jpg, .png, .webp, .gif, .tif, .bmp");
    }
}
