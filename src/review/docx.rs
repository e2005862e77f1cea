//! The review as a Word document (Office Open XML), to edit before sending: real heading
//! styles (so Word's and LibreOffice's table of contents and navigation work), a contents
//! field filled in ahead (Word updates its page numbers on opening), pictures inline, page
//! numbers in the footer.

use std::io::Write;

use super::chart::ChartImage;
use super::{Review, Story};

/// Text for an XML element or attribute: escaped, without the control characters XML 1.0
/// forbids (a pasted text can hold them, and Word refuses such a file).
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

const W_NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

const EMU_PER_PT: u64 = 12_700;

/// The document being written: its body, and the parts it refers to.
struct Doc {
    body: String,
    /// Relationships of document.xml beyond the fixed ones: (id, type, target, external).
    rels: Vec<(String, &'static str, String, bool)>,
    media: Vec<(String, Vec<u8>)>,
    next_bookmark: usize,
}

const REL_IMAGE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
const REL_LINK: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

impl Doc {
    fn para(&mut self, style: &str, text: &str) {
        self.body.push_str(&format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{}</w:p>\n", run(text)));
    }

    /// A heading with a bookmark the contents link to; returns the bookmark's name.
    fn heading(&mut self, style: &str, text: &str) -> String {
        self.next_bookmark += 1;
        let id = self.next_bookmark;
        let name = format!("_Toc{id:08}");
        self.body.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:bookmarkStart w:id=\"{id}\" w:name=\"{name}\"/>{}<w:bookmarkEnd w:id=\"{id}\"/></w:p>\n",
            run(text)
        ));
        name
    }

    fn picture(&mut self, story: &Story, text_width_pt: f32) {
        let Some(picture) = &story.picture else { return };
        // 150 dpi, never wider than the text or taller than half an A4 page.
        let (w, h) = (picture.width as f32 * 72.0 / 150.0, picture.height as f32 * 72.0 / 150.0);
        let scale = (text_width_pt / w).min(380.0 / h).min(1.0);
        let alt = if story.caption.is_empty() { &story.headline } else { &story.caption };
        self.image(&picture.jpeg, "jpeg", (w * scale, h * scale), alt);
    }

    /// A picture in a paragraph of its own, `size` points large.
    fn image(&mut self, bytes: &[u8], extension: &str, (w, h): (f32, f32), alt: &str) {
        let n = self.media.len() + 1;
        let rel = format!("rIdImg{n}");
        self.media.push((format!("image{n}.{extension}"), bytes.to_vec()));
        self.rels.push((rel.clone(), REL_IMAGE, format!("media/image{n}.{extension}"), false));
        let (cx, cy) = ((w as u64).max(1) * EMU_PER_PT, (h as u64).max(1) * EMU_PER_PT);
        let alt = xml_text(alt);
        self.body.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Picture\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"Picture {n}\" descr=\"{alt}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"image{n}.{extension}\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"{rel}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>\n"
        ));
    }

    fn link(&mut self, style: &str, label: &str, url: &str) {
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            self.para(style, &format!("{label}: {url}"));
            return;
        }
        let rel = format!("rIdLink{}", self.rels.len() + 1);
        self.rels.push((rel.clone(), REL_LINK, url.to_owned(), true));
        self.body.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{}<w:hyperlink r:id=\"{rel}\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:hyperlink></w:p>\n",
            run(&format!("{label}: ")),
            xml_text(url)
        ));
    }
}

fn run(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", xml_text(text))
}

/// The review as DOCX; `chart` is the coverage page's picture, when the review has one.
pub fn write(review: &Review, chart: Option<&ChartImage>) -> Vec<u8> {
    let (page_w_pt, _) = review.paper.size_pt();
    let margin_twips = 1134; // 2 cm
    let text_width_pt = page_w_pt - 2.0 * 56.7;
    let mut doc = Doc { body: String::new(), rels: Vec::new(), media: Vec::new(), next_bookmark: 0 };

    // The cover.
    doc.para("Title", &review.title);
    for (text, style) in [
        (&review.organisation, "Subtitle"),
        (&review.period, "Subtitle"),
        (&review.summary, "Meta"),
        (&review.made, "Meta"),
    ] {
        if !text.is_empty() {
            doc.para(style, text);
        }
    }

    // The sections first into their own buffer: the contents need their bookmarks.
    let mut contents: Vec<(u8, String, String)> = Vec::new();
    let cover = std::mem::take(&mut doc.body);
    if let (Some(coverage), Some(image)) = (&review.coverage, chart) {
        let mark = doc.heading("Heading1", &coverage.heading);
        contents.push((1, coverage.heading.clone(), mark));
        let (w, h) = image.size_pt();
        let fit = (text_width_pt / w).min(1.0);
        doc.image(&image.png, "png", (w * fit, h * fit), &coverage.caption);
    }
    for section in &review.sections {
        let mark = doc.heading("Heading1", &section.heading);
        contents.push((1, section.heading.clone(), mark));
        for story in &section.stories {
            let mark = doc.heading("Heading2", &story.headline);
            let entry = if story.outlet.is_empty() {
                story.headline.clone()
            } else {
                format!("{} — {}", story.headline, story.outlet)
            };
            contents.push((2, entry, mark));
            let meta: Vec<&str> = [story.outlet.as_str(), story.date.as_str(), story.author.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            if !meta.is_empty() {
                doc.para("Meta", &meta.join(" · "));
            }
            if !story.tags.is_empty() {
                doc.para("Tags", &story.tags.join(" · "));
            }
            doc.picture(story, text_width_pt);
            if story.kind == crate::archive::Kind::Photo && !story.caption.is_empty() {
                doc.para("Caption", &story.caption);
            }
            if !story.credit.is_empty() {
                doc.para("Tags", &story.credit);
            }
            for p in &story.paragraphs {
                doc.para("BodyText", p);
            }
            if let Some(also_in) = story.also_in(&review.labels.also_in) {
                doc.para("Meta", &also_in);
            }
            if !story.link.is_empty() {
                doc.link("Tags", &review.labels.source, &story.link);
            }
        }
    }
    let sections = std::mem::take(&mut doc.body);

    let toc = contents_field(&review.labels.contents, &contents);

    let (pg_w, pg_h) = match review.paper {
        super::Paper::A4 => (11906, 16838),
        super::Paper::Letter => (12240, 15840),
    };
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {W_NS}><w:body>\n{cover}{toc}{sections}<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"{pg_w}\" w:h=\"{pg_h}\"/><w:pgMar w:top=\"{margin_twips}\" w:right=\"{margin_twips}\" w:bottom=\"{margin_twips}\" w:left=\"{margin_twips}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>\n"
    );

    let mut rels = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\n<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\n<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\n",
    );
    for (id, kind, target, external) in &doc.rels {
        let mode = if *external { " TargetMode=\"External\"" } else { "" };
        rels.push_str(&format!("<Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{}\"{mode}/>\n", xml_text(target)));
    }
    rels.push_str("</Relationships>\n");

    let parts: Vec<(String, Vec<u8>)> = [
        ("[Content_Types].xml".to_owned(), CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels".to_owned(), ROOT_RELS.as_bytes().to_vec()),
        ("docProps/core.xml".to_owned(), core_properties(review).into_bytes()),
        ("word/document.xml".to_owned(), document.into_bytes()),
        ("word/_rels/document.xml.rels".to_owned(), rels.into_bytes()),
        ("word/styles.xml".to_owned(), styles(review.language).into_bytes()),
        ("word/settings.xml".to_owned(), SETTINGS.as_bytes().to_vec()),
        ("word/footer1.xml".to_owned(), footer(&review.labels.page_of).into_bytes()),
    ]
    .into_iter()
    .chain(doc.media.into_iter().map(|(name, bytes)| (format!("word/media/{name}"), bytes)))
    .collect();
    zip_parts(&parts)
}

/// The contents: a TOC field, filled in with links to the headings (level, text, bookmark);
/// Word adds the page numbers when it updates the field (it is asked to on opening).
fn contents_field(heading: &str, contents: &[(u8, String, String)]) -> String {
    let mut toc =
        format!("<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/><w:pageBreakBefore/></w:pPr>{}</w:p>\n", run(heading));
    for (i, (level, text, mark)) in contents.iter().enumerate() {
        let begin = if i == 0 {
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        } else {
            ""
        };
        let end = if i + 1 == contents.len() { "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" } else { "" };
        toc.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"TOC{level}\"/></w:pPr>{begin}<w:hyperlink w:anchor=\"{mark}\" w:history=\"1\">{}</w:hyperlink>{end}</w:p>\n",
            run(text)
        ));
    }
    toc
}

fn zip_parts(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        // JPEGs and PNGs are stored: deflating them gains nothing.
        let method = if name.ends_with(".jpeg") || name.ends_with(".png") {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        // Writing into memory cannot fail.
        let _ = zip.start_file(name.as_str(), options).and_then(|()| zip.write_all(bytes).map_err(Into::into));
    }
    zip.finish().map(std::io::Cursor::into_inner).unwrap_or_default()
}

fn core_properties(review: &Review) -> String {
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>{}</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{now}</dcterms:created></cp:coreProperties>\n",
        xml_text(&review.title),
        xml_text(if review.organisation.is_empty() { "Clippings" } else { &review.organisation }),
        xml_text(review.language)
    )
}

/// "Page {page} of {pages}" with the numbers as Word fields.
fn footer(page_of: &str) -> String {
    let field = |name: &str| {
        format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {name} </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    let mut runs = String::new();
    let mut rest = page_of;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else { break };
        runs.push_str(&run(&rest[..start]));
        match &rest[start + 1..start + len] {
            "page" => runs.push_str(&field("PAGE")),
            "pages" => runs.push_str(&field("NUMPAGES")),
            other => runs.push_str(&run(other)),
        }
        rest = &rest[start + len + 1..];
    }
    runs.push_str(&run(rest));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr {W_NS}><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>{runs}</w:p></w:ftr>\n"
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/><Default Extension=\"png\" ContentType=\"image/png\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/><Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>\n";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>\n";

const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"708\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>\n";

fn styles(language: &str) -> String {
    struct Para {
        id: &'static str,
        name: &'static str,
        /// In half-points.
        size: u32,
        bold: bool,
        color: &'static str,
        /// Space before and after, in twentieths of a point.
        before: u32,
        after: u32,
        outline: Option<u8>,
        page_break: bool,
    }
    const fn para(
        id: &'static str,
        name: &'static str,
        size: u32,
        bold: bool,
        color: &'static str,
        before: u32,
        after: u32,
    ) -> Para {
        Para { id, name, size, bold, color, before, after, outline: None, page_break: false }
    }
    let paragraph_styles = [
        para("Title", "Title", 52, true, "111111", 2400, 240),
        para("Subtitle", "Subtitle", 28, false, "333333", 0, 120),
        para("Meta", "Clipping details", 18, false, "555555", 0, 40),
        para("Tags", "Clipping tags", 17, false, "777777", 0, 80),
        Para { outline: Some(0), page_break: true, ..para("Heading1", "heading 1", 36, true, "111111", 0, 240) },
        Para { outline: Some(1), ..para("Heading2", "heading 2", 27, true, "111111", 360, 60) },
        para("TOCHeading", "TOC Heading", 36, true, "111111", 0, 240),
        para("TOC1", "toc 1", 22, true, "111111", 120, 20),
        para("TOC2", "toc 2", 19, false, "222222", 0, 20),
        para("Caption", "caption", 18, false, "222222", 0, 60),
        para("Picture", "Picture", 21, false, "111111", 60, 60),
        para("BodyText", "Body Text", 21, false, "111111", 0, 100),
        para("Footer", "footer", 17, false, "777777", 0, 0),
        para("Normal", "Normal", 21, false, "111111", 0, 100),
    ];
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"21\"/><w:lang w:val=\"{}\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"100\" w:line=\"288\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\n",
        xml_text(language)
    );
    for Para { id, name, size, bold, color, before, after, outline, page_break } in paragraph_styles {
        let default = if id == "Normal" { " w:default=\"1\"" } else { "" };
        let based = if id == "Normal" { "" } else { "<w:basedOn w:val=\"Normal\"/>" };
        let outline = outline.map(|l| format!("<w:outlineLvl w:val=\"{l}\"/>")).unwrap_or_default();
        let keep = if id.starts_with("Heading") { "<w:keepNext/>" } else { "" };
        let page_break = if page_break { "<w:pageBreakBefore/>" } else { "" };
        let indent = if id == "TOC2" { "<w:ind w:left=\"280\"/>" } else { "" };
        let bold = if bold { "<w:b/><w:bCs/>" } else { "" };
        out.push_str(&format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"{default}><w:name w:val=\"{name}\"/>{based}<w:qFormat/><w:pPr>{keep}{page_break}<w:spacing w:before=\"{before}\" w:after=\"{after}\"/>{indent}{outline}</w:pPr><w:rPr>{bold}<w:color w:val=\"{color}\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>\n"
        ));
    }
    out.push_str("<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"1F4E9A\"/><w:u w:val=\"single\"/></w:rPr></w:style>\n</w:styles>\n");
    out
}
