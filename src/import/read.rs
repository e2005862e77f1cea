//! Reading one file's bytes into a clipping, whatever its format: text, saved page, PDF,
//! office document or photo with its metadata. Nothing here touches the archive.

use std::path::Path;

use chrono::Utc;

use super::files::{read_sidecar, read_whole};
use super::formats::{html, mail, office, pdf, text};
use super::photo::media::{self, Source};
use super::photo::meta as photo_meta;
use super::{FileKind, ImportError, MAX_DOCUMENT_BYTES, Prepared, TextProblem};
use crate::vocab::model::{Clipping, Kind, Tag, TagKind};
use crate::vocab::{quiet, tags};

/// [`prepare`], with a decoder's panic as that file's error.
pub(super) fn prepare_quietly(
    path: &Path,
    kind: FileKind,
    source: &Source,
    hash: &str,
    byte_size: u64,
) -> Result<Prepared, ImportError> {
    let original_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let sidecar = matches!(kind, FileKind::Photo(_)).then(|| read_sidecar(path)).flatten();
    let page_dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let mut prepared =
        quiet::catch_quietly(|| prepare(source, kind, hash, byte_size, &original_name, sidecar.as_deref(), page_dir))
            .map_err(|_| ImportError::DecoderPanic)??;
    normalize_text(&mut prepared.clipping);
    Ok(prepared)
}

/// Puts a clipping's words in the form the archive keeps and searches, whatever the format
/// ([`crate::search::analysis::normalized`]).
fn normalize_text(c: &mut Clipping) {
    for field in [&mut c.title, &mut c.body, &mut c.caption, &mut c.source, &mut c.author, &mut c.credit] {
        if let std::borrow::Cow::Owned(normalized) = crate::search::analysis::normalized(field) {
            *field = normalized;
        }
    }
}

fn prepare(
    source: &Source,
    kind: FileKind,
    hash: &str,
    byte_size: u64,
    original_name: &str,
    sidecar: Option<&[u8]>,
    page_dir: Option<&Path>,
) -> Result<Prepared, ImportError> {
    let mut clipping = Clipping {
        imported_at: Utc::now(),
        original_name: original_name.to_owned(),
        hash: hash.to_owned(),
        byte_size,
        // New: in the inbox until someone marks it done.
        inbox: true,
        ..Clipping::default()
    };
    match kind {
        FileKind::Article => {
            let article = text::parse_article(&text::decode(&read_whole(source, text::MAX_TEXT_BYTES)?)?)?;
            clipping.title = article.title;
            clipping.body = article.body;
            clipping.credit = article.credit;
            clipping.source = article.source;
            clipping.published = article.published.or_else(|| story_date(&clipping.body));
            clipping.boilerplate = article.boilerplate;
            clipping.format = extension_of(original_name);
            Ok(Prepared { clipping, thumbnail_jpeg: None, tags: Vec::new() })
        }
        FileKind::Mail => {
            let message = mail::read_message(&read_whole(source, MAX_DOCUMENT_BYTES)?)?;
            let Some((title, body)) = message.article else { return Err(ImportError::NoText) };
            // Read as a pasted clipping is: its date, outlet and credit where the text gives them.
            let article = text::parse_article(&format!("{title}\n\n{body}"))?;
            clipping.title = title;
            clipping.body = article.body;
            clipping.credit = article.credit;
            clipping.source =
                if article.source.is_empty() { message.forwarded_from.unwrap_or_default() } else { article.source };
            clipping.boilerplate = article.boilerplate;
            clipping.author = message.sender_name;
            clipping.published = article.published.or(message.date).or_else(|| story_date(&clipping.body));
            clipping.url = message.message_id.map(|id| format!("mid:{id}")).unwrap_or_default();
            clipping.format = "eml".to_owned();
            Ok(Prepared { clipping, thumbnail_jpeg: None, tags: Vec::new() })
        }
        FileKind::WebPage => {
            let page = html::read_page(&html::decode(&read_whole(source, text::MAX_PAGE_BYTES)?))?;
            clipping.title = page.title;
            clipping.author = page.author;
            clipping.source = page.site;
            clipping.language = page.language;
            clipping.url = page.url;
            clipping.body = page.body;
            clipping.published = page.published.or_else(|| story_date(&clipping.body));
            clipping.format = "html".to_owned();
            // The lead image, when the page was saved with it, becomes the article's thumbnail.
            let lead = page.image.as_deref().zip(page_dir).and_then(|(image, dir)| html::local_image(dir, image));
            let thumbnail_jpeg = lead.and_then(|path| {
                let ext = path.extension()?.to_str()?.to_lowercase();
                let photo = media::read_photo(&Source::File(path), media::format_for_extension(&ext)?).ok()?;
                media::encode_thumbnail(&photo.thumbnail).ok()
            });
            clipping.has_thumbnail = thumbnail_jpeg.is_some();
            Ok(Prepared { clipping, thumbnail_jpeg, tags: Vec::new() })
        }
        FileKind::Office { .. } | FileKind::Pdf => {
            let bytes = read_whole(source, MAX_DOCUMENT_BYTES)?;
            let (doc, format, picture) = match kind {
                FileKind::Office { odt: true } => (office::read_office(&bytes, true)?, "odt", None),
                FileKind::Office { odt: false } => (office::read_office(&bytes, false)?, "docx", None),
                _ => {
                    let (doc, picture) = read_pdf_clipping(bytes.into_owned(), &mut clipping, original_name)?;
                    (doc, "pdf", picture)
                }
            };
            let thumbnail_jpeg = picture.and_then(|picture| media::encode_thumbnail(&picture).ok());
            clipping.title = doc.title;
            clipping.author = doc.author;
            clipping.body = doc.body;
            clipping.published = doc.published.or_else(|| story_date(&clipping.body));
            clipping.format = format.to_owned();
            clipping.has_thumbnail = thumbnail_jpeg.is_some();
            Ok(Prepared { clipping, thumbnail_jpeg, tags: Vec::new() })
        }
        FileKind::Photo(claimed) => {
            let photo = media::read_photo(source, claimed)?;
            let meta = match source {
                Source::Memory(bytes) => photo_meta::read(bytes, sidecar),
                Source::File(_) => photo_meta::read(&[], sidecar),
            };
            clipping.kind = Kind::Photo;
            clipping.has_thumbnail = true;
            clipping.format = media::format_extension(photo.format).to_owned();
            clipping.title = photo_title(original_name);
            clipping.width_px = Some(photo.width_px);
            clipping.height_px = Some(photo.height_px);
            clipping.orientation = photo.exif.orientation;
            clipping.captured_at = photo.exif.captured_at;
            clipping.camera = photo.exif.camera;
            clipping.caption = photo.exif.caption;
            clipping.credit = photo.exif.credit;
            clipping.copyright = photo.exif.copyright;
            clipping.gps = photo.exif.gps;
            let tags = apply_photo_meta(&mut clipping, meta);
            let thumbnail_jpeg = media::encode_thumbnail(&photo.thumbnail)?;
            Ok(Prepared { clipping, thumbnail_jpeg: Some(thumbnail_jpeg), tags })
        }
    }
}

/// The date a story's first line gives (its dateline), when it is not in the future.
fn story_date(body: &str) -> Option<chrono::NaiveDate> {
    text::dateline(body).filter(|date| *date <= Utc::now().date_naive() + chrono::Days::new(1))
}

/// What the photographer wrote wins over what the camera wrote; the country and event become
/// tags, accepted as they come (the photographer's word, not a guess); keywords stay keywords,
/// and those that name a country or a topic are offered as tags (the import keeps a topic
/// only where the archive has it already).
fn apply_photo_meta(clipping: &mut Clipping, meta: photo_meta::PhotoMeta) -> Vec<Tag> {
    let set = |field: &mut String, value: String| {
        if !value.trim().is_empty() {
            *field = value;
        }
    };
    let title = if meta.headline.is_empty() { meta.title } else { meta.headline };
    set(&mut clipping.title, title);
    set(&mut clipping.caption, meta.caption);
    set(&mut clipping.author, meta.creator);
    set(&mut clipping.credit, meta.credit);
    set(&mut clipping.copyright, meta.copyright);
    set(&mut clipping.source, meta.source);
    // EXIF DateTimeOriginal, then IPTC/XMP DateCreated, then nothing.
    clipping.captured_at = clipping.captured_at.or(meta.created);
    clipping.published = clipping.captured_at.map(|t| t.date());
    for keyword in &meta.keywords {
        let keyword = keyword.trim();
        if !keyword.is_empty() && !clipping.keywords.iter().any(|k| k == keyword) {
            clipping.keywords.push(keyword.to_owned());
        }
    }
    let mut tags: Vec<Tag> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    // Agencies write lists in one keyword ("sunset, mountains, nature"); a keyword that names
    // a country ("USA", "U.S.", "United States of America") is that country; keywords that
    // differ only in case or punctuation ("Politics", "politics.") are one.
    for keyword in meta.keywords.iter().flat_map(|k| k.split([',', ';'])) {
        let folded: String = keyword
            .chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if folded.is_empty() || seen.contains(&folded) {
            continue;
        }
        // Two letters alone ("IT", "AI") are too often something else to be read as a code;
        // written with dots ("U.S.", "U.K.") they are the country.
        let could_be_country = folded.chars().count() >= 3 || keyword.contains('.');
        seen.push(folded);
        let as_country = could_be_country
            .then(|| {
                crate::vocab::countries::lookup(keyword.trim())
                    .or_else(|| crate::vocab::countries::lookup(&keyword.replace('.', "")))
            })
            .flatten()
            .map(tags::country_tag);
        if let Some(tag) = as_country.or_else(|| tags::resolve(TagKind::Topic, keyword).ok()) {
            tags.push(tag);
        }
    }
    let country = [&meta.country_code, &meta.country].into_iter().find_map(|c| tags::resolve(TagKind::Country, c).ok());
    tags.extend(country);
    if let Ok(event) = tags::resolve(TagKind::Event, &meta.event) {
        tags.push(event);
    }
    let mut unique: Vec<Tag> = Vec::new();
    for tag in tags {
        if !unique.iter().any(|t| t.key() == tag.key()) {
            unique.push(tag);
        }
    }
    unique
}

fn extension_of(name: &str) -> String {
    Path::new(name).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default()
}

/// A PDF's text and first page. A PDF locked by a password is kept, marked so, with its
/// name and (where that opens without the password) its first page; one its text reader
/// cannot parse, or with no text, is kept for its picture when it has one (a scan).
fn read_pdf_clipping(
    bytes: Vec<u8>,
    clipping: &mut Clipping,
    original_name: &str,
) -> Result<(text::Document, Option<image::RgbImage>), ImportError> {
    let read = pdf::read_pdf_pages(&bytes).map(|(doc, pages)| {
        clipping.pages_without_text = pdf::pages_without_text(&pages);
        doc
    });
    clipping.locked = matches!(read, Err(ImportError::BadText(TextProblem::PdfLocked)));
    let (doc, unreadable) = match read {
        Ok(doc) => (Some(doc), None),
        Err(ImportError::NoText) => (None, None),
        Err(_) if clipping.locked => (None, None),
        // One the text reader cannot parse (a damaged cross-reference table, which other
        // readers repair) may still be drawn: a scan is kept.
        Err(e @ ImportError::BadText(TextProblem::Pdf(_))) => (None, Some(e)),
        Err(e) => return Err(e),
    };
    // A PDF shows its first page in the grid.
    let picture = pdf::first_page_picture(bytes, media::THUMB_SIZE_PX);
    // A scanned page (pictures, no text) is kept for its picture, under its file's name; a
    // PDF with neither is not a clipping.
    let named = || text::Document {
        title: photo_title(original_name),
        author: String::new(),
        published: None,
        body: String::new(),
    };
    let scan = || picture.as_ref().filter(|p| !pdf::is_blank(p)).map(|_| named());
    let doc = match doc.or_else(scan) {
        Some(doc) => doc,
        None if clipping.locked => named(),
        None => return Err(unreadable.unwrap_or(ImportError::NoText)),
    };
    Ok((doc, picture))
}

/// A photo's title until someone edits it: the file name without extension. EXIF's
/// ImageDescription is no title: cameras fill it with "DCF 1.0" or "OLYMPUS DIGITAL CAMERA".
pub(crate) fn photo_title(original_name: &str) -> String {
    Path::new(original_name).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}
