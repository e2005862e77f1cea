//! Word processor documents: the text of `.docx` (Office Open XML) and `.odt` (OpenDocument),
//! paragraph by paragraph, with title, author and date from their document properties. Both
//! are zip files of XML; nothing else in them (macros, images) is read.

use std::io::{Cursor, Read};

use quick_xml::events::Event;

use crate::import::formats::text::Document;
use crate::import::formats::xml::append_xml_text;
use crate::import::{ImportError, TextProblem};

/// A part of the archive, at most 64 MB once inflated (a zip bomb stops there).
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let file = zip.by_name(name).ok()?;
    let mut text = String::new();
    file.take(64 * 1024 * 1024).read_to_string(&mut text).ok()?;
    Some(text)
}

/// Paragraph text from document XML: `paragraph` elements end a paragraph, `text` elements
/// hold words, `tab`/`space`/`line_break` elements stand for white space.
fn paragraphs(xml: &str, paragraph: &[&str], tab_or_space: &[&str], line_break: &[&str]) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut current = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event @ (Event::Text(_) | Event::GeneralRef(_))) => append_xml_text(&mut current, &event),
            Ok(Event::Empty(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if tab_or_space.contains(&name.as_str()) {
                    current.push(' ');
                } else if line_break.contains(&name.as_str()) {
                    current.push('\n');
                }
            }
            Ok(Event::End(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if paragraph.contains(&name.as_str()) {
                    let line = current.trim();
                    if !line.is_empty() {
                        if !out.is_empty() {
                            out.push_str("\n\n");
                        }
                        out.push_str(line);
                    }
                    current.clear();
                }
            }
            _ => {}
        }
    }
    out
}

/// The text of the first element with one of these names.
fn element(xml: &str, names: &[&str]) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut inside = false;
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => return String::new(),
            Ok(Event::Start(e)) if names.contains(&String::from_utf8_lossy(e.name().as_ref()).as_ref()) => {
                inside = true
            }
            Ok(Event::Text(t)) if inside => text.push_str(&t.xml10_content().unwrap_or_default()),
            Ok(Event::End(_)) if inside => return text.split_whitespace().collect::<Vec<_>>().join(" "),
            _ => {}
        }
    }
}

pub(crate) fn read_office(bytes: &[u8], odt: bool) -> Result<Document, ImportError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ImportError::BadText(TextProblem::Document(e.to_string())))?;
    let (body, meta) = if odt {
        let content =
            part(&mut zip, "content.xml").ok_or(ImportError::BadText(TextProblem::MissingPart("content.xml")))?;
        let body = paragraphs(&content, &["text:p", "text:h"], &["text:s", "text:tab"], &["text:line-break"]);
        (body, part(&mut zip, "meta.xml").unwrap_or_default())
    } else {
        let document = part(&mut zip, "word/document.xml")
            .ok_or(ImportError::BadText(TextProblem::MissingPart("word/document.xml")))?;
        let body = paragraphs(&document, &["w:p"], &["w:tab"], &["w:br", "w:cr"]);
        (body, part(&mut zip, "docProps/core.xml").unwrap_or_default())
    };
    let mut title = element(&meta, &["dc:title"]);
    if title.is_empty() {
        title = body.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default().chars().take(150).collect();
    }
    if title.is_empty() && body.is_empty() {
        return Err(ImportError::NoText);
    }
    let date = element(&meta, &["dcterms:created", "meta:creation-date"]);
    Ok(Document {
        title,
        author: element(&meta, &["dc:creator", "meta:initial-creator"]),
        published: crate::import::formats::html::parse_date_prefix(&date),
        body,
    })
}
