//! The review as PDF: the pages of `layout.rs` drawn with pdf-writer, the fonts embedded as
//! subsets (only the glyphs used) with a map back to Unicode, so the text can be selected,
//! searched and copied. Pictures are JPEGs, embedded as they are. The outline (bookmarks)
//! lists the sections and their stories; the contents and sources are links.

use std::collections::HashMap;

use pdf_writer::types::{ActionType, AnnotationType, CidFontType, FontFlags, SystemInfo, TextRenderingMode};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::fonts::FontSet;
use super::layout::{Document, Item, Mark, Run, Target, lay_out};
use super::{Review, ReviewError};

/// Refs handed out in order.
struct Refs(i32);

impl Refs {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

/// One embedded face: its glyphs renumbered from 0 in the order used, with their letters.
struct Embedded {
    remapper: subsetter::GlyphRemapper,
    letters: HashMap<u16, char>,
    name: String,
    font_ref: Ref,
}

pub fn write(review: &Review, fonts: &FontSet) -> Result<Vec<u8>, ReviewError> {
    let doc = lay_out(review, fonts)?;
    write_document(review, &doc, fonts)
}

pub fn write_document(review: &Review, doc: &Document, fonts: &FontSet) -> Result<Vec<u8>, ReviewError> {
    let mut pdf = Pdf::new();
    let mut refs = Refs(0);
    let catalog = refs.next();
    let page_tree = refs.next();
    let info = refs.next();
    let outline_root = refs.next();
    let page_refs: Vec<Ref> = doc.pages.iter().map(|_| refs.next()).collect();

    // Only the faces that draw something are embedded (a CJK fallback often draws nothing).
    let mut used = vec![false; fonts.files.len()];
    for item in doc.pages.iter().flat_map(|p| &p.items) {
        if let Item::Text { runs, .. } = item {
            for run in runs {
                if let Some(u) = used.get_mut(run.face) {
                    *u = true;
                }
            }
        }
    }
    let mut embedded: Vec<Embedded> = (0..fonts.files.len())
        .map(|i| Embedded {
            remapper: subsetter::GlyphRemapper::new(),
            letters: HashMap::new(),
            name: format!("F{i}"),
            font_ref: refs.next(),
        })
        .collect();

    // Pictures, once each, by (section, story).
    let mut pictures: HashMap<(usize, usize), (Ref, String)> = HashMap::new();
    for page in &doc.pages {
        for item in &page.items {
            if let Item::Picture { section, story, .. } = item
                && !pictures.contains_key(&(*section, *story))
            {
                let name = format!("Im{}", pictures.len());
                pictures.insert((*section, *story), (refs.next(), name));
            }
        }
    }

    for (i, page) in doc.pages.iter().enumerate() {
        let content_ref = refs.next();
        let mut content = Content::new();
        let mut annotations = Vec::new();
        let flip = |y: f32| doc.height - y;
        for item in &page.items {
            match item {
                Item::Text { x, y, size, gray, runs, .. } => {
                    show_runs(&mut content, &mut embedded, runs, (*x, flip(*y)), *size, *gray);
                }
                Item::Picture { x, y, w, h, section, story } => {
                    if let Some((_, name)) = pictures.get(&(*section, *story)) {
                        content.save_state();
                        content.transform([*w, 0.0, 0.0, *h, *x, flip(y + h)]);
                        content.x_object(Name(name.as_bytes()));
                        content.restore_state();
                    }
                }
                Item::Rule { x, y, w, gray } => {
                    content.set_stroke_gray(*gray);
                    content.set_line_width(0.6);
                    content.move_to(*x, flip(*y));
                    content.line_to(x + w, flip(*y));
                    content.stroke();
                }
                Item::Fill { x, y, w, h, rgb } => {
                    let [r, g, b] = rgb.map(|c| f32::from(c) / 255.0);
                    content.set_fill_rgb(r, g, b);
                    content.rect(*x, flip(y + h), *w, *h);
                    content.fill_nonzero();
                }
                Item::Link { x, y, w, h, target } => {
                    let rect = Rect::new(*x, flip(y + h), x + w, flip(*y));
                    let annotation = write_link(&mut pdf, &mut refs, rect, target, &page_refs, doc.height);
                    annotations.push(annotation);
                }
            }
        }
        pdf.stream(content_ref, &deflate(&content.finish())).filter(Filter::FlateDecode);

        let mut p = pdf.page(page_refs[i]);
        p.parent(page_tree).media_box(Rect::new(0.0, 0.0, doc.width, doc.height)).contents(content_ref);
        if !annotations.is_empty() {
            p.annotations(annotations);
        }
        let mut resources = p.resources();
        let mut font_dict = resources.fonts();
        for (e, _) in embedded.iter().zip(&used).filter(|(_, used)| **used) {
            font_dict.pair(Name(e.name.as_bytes()), e.font_ref);
        }
        font_dict.finish();
        let mut x_objects = resources.x_objects();
        for (r, name) in pictures.values() {
            x_objects.pair(Name(name.as_bytes()), *r);
        }
        x_objects.finish();
        resources.finish();
        p.finish();
    }

    write_pictures(&mut pdf, review, &pictures);

    for ((e, file), _) in embedded.iter().zip(&fonts.files).zip(&used).filter(|(_, used)| **used) {
        write_font(&mut pdf, &mut refs, e, file)?;
    }

    pdf.pages(page_tree).kids(page_refs.iter().copied()).count(i32::try_from(page_refs.len()).unwrap_or(i32::MAX));
    write_outline(&mut pdf, &mut refs, outline_root, &doc.outline, &page_refs, doc.height);
    write_catalog(&mut pdf, review, doc, [catalog, page_tree, outline_root, info]);
    Ok(pdf.finish())
}

/// Shows a line's runs of text at `(x, y)` (from the page's bottom), each in its face,
/// remembering the glyphs each face draws for its subset.
fn show_runs(content: &mut Content, embedded: &mut [Embedded], runs: &[Run], (x, y): (f32, f32), size: f32, gray: f32) {
    content.set_fill_gray(gray);
    for run in runs {
        let last = embedded.len() - 1;
        let font = &mut embedded[run.face.min(last)];
        let mut encoded = Vec::with_capacity(run.glyphs.len() * 2);
        for (&gid, c) in run.glyphs.iter().zip(run.text.chars()) {
            let new = font.remapper.remap(gid);
            font.letters.entry(new).or_insert(c);
            encoded.extend_from_slice(&new.to_be_bytes());
        }
        content.begin_text();
        content.set_font(Name(font.name.as_bytes()), size);
        if run.fake_bold {
            content.set_text_rendering_mode(TextRenderingMode::FillStroke);
            content.set_line_width(size * 0.035);
            content.set_stroke_gray(gray);
        } else {
            content.set_text_rendering_mode(TextRenderingMode::Fill);
        }
        content.next_line(x + run.dx, y);
        content.show(Str(&encoded));
        content.end_text();
    }
}

/// A link's annotation: to a place on a page of the review, or to an address.
fn write_link(pdf: &mut Pdf, refs: &mut Refs, rect: Rect, target: &Target, page_refs: &[Ref], height: f32) -> Ref {
    let flip = |y: f32| height - y;
    let annotation = refs.next();
    let mut a = pdf.annotation(annotation);
    a.subtype(AnnotationType::Link).rect(rect).border(0.0, 0.0, 0.0, None);
    match target {
        Target::Page(p, top) => {
            if let Some(&page_ref) = page_refs.get(*p) {
                a.action().action_type(ActionType::GoTo).destination().page(page_ref).xyz(0.0, flip(*top) + 12.0, None);
            }
        }
        Target::Uri(uri) => {
            a.action().action_type(ActionType::Uri).uri(Str(uri.as_bytes()));
        }
    }
    a.finish();
    annotation
}

/// Each picture once, as the JPEG it is.
fn write_pictures(pdf: &mut Pdf, review: &Review, pictures: &HashMap<(usize, usize), (Ref, String)>) {
    for ((section, story), (r, _)) in pictures {
        if let Some(picture) =
            review.sections.get(*section).and_then(|s| s.stories.get(*story)).and_then(|s| s.picture.as_ref())
        {
            let mut image = pdf.image_xobject(*r, &picture.jpeg);
            image.filter(Filter::DctDecode);
            image.width(i32::try_from(picture.width).unwrap_or(1));
            image.height(i32::try_from(picture.height).unwrap_or(1));
            image.color_space().device_rgb();
            image.bits_per_component(8);
            image.finish();
        }
    }
}

/// The document's catalog (its pages, its outline open beside them, its language) and its
/// information (title, maker, the organisation as author).
fn write_catalog(pdf: &mut Pdf, review: &Review, doc: &Document, [catalog, page_tree, outline_root, info]: [Ref; 4]) {
    let mut catalog_writer = pdf.catalog(catalog);
    catalog_writer.pages(page_tree);
    if !doc.outline.is_empty() {
        catalog_writer.outlines(outline_root);
        catalog_writer.page_mode(pdf_writer::types::PageMode::UseOutlines);
    }
    catalog_writer.lang(TextStr(review.language));
    catalog_writer.finish();
    let mut info_writer = pdf.document_info(info);
    info_writer.title(TextStr(&review.title)).creator(TextStr("Clippings"));
    if !review.organisation.is_empty() {
        info_writer.author(TextStr(&review.organisation));
    }
    info_writer.finish();
}

fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

/// Writes one face as a Type 0 font with Identity-H encoding: its subset, widths, descriptor
/// and ToUnicode map.
fn write_font(pdf: &mut Pdf, refs: &mut Refs, e: &Embedded, file: &super::fonts::FontFile) -> Result<(), ReviewError> {
    let font_error = |what: &str| ReviewError::Font(format!("{}: {what}", file.name));
    let face = ttf_parser::Face::parse(&file.data, file.index).map_err(|err| font_error(&err.to_string()))?;
    let upem = f32::from(face.units_per_em().max(1));
    let to_pdf = |v: f32| v * 1000.0 / upem;
    let subset = subsetter::subset(&file.data, file.index, &e.remapper).map_err(|err| font_error(&err.to_string()))?;
    let subset_face = ttf_parser::Face::parse(&subset, 0).map_err(|err| font_error(&err.to_string()))?;
    let cff = subset_face.raw_face().table(ttf_parser::Tag::from_bytes(b"CFF "));
    let is_cff = cff.is_some();

    let cid_ref = refs.next();
    let descriptor_ref = refs.next();
    let cmap_ref = refs.next();
    let data_ref = refs.next();
    // A subset is named with six letters and a plus, by the PDF rules.
    let tag: String = {
        let gids: Vec<u8> = e.remapper.remapped_gids().flat_map(u16::to_be_bytes).collect();
        let hash = blake3::hash(&[file.name.as_bytes(), &gids].concat());
        hash.as_bytes()[..6].iter().map(|b| char::from(b'A' + b % 26)).collect()
    };
    let base_font = format!("{tag}+{}", file.name);
    let type0_name = if is_cff { format!("{base_font}-Identity-H") } else { base_font.clone() };
    const SYSTEM_INFO: SystemInfo<'static> =
        SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };

    pdf.type0_font(e.font_ref)
        .base_font(Name(type0_name.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_ref)
        .to_unicode(cmap_ref);

    let mut cid = pdf.cid_font(cid_ref);
    cid.subtype(if is_cff { CidFontType::Type0 } else { CidFontType::Type2 });
    cid.base_font(Name(base_font.as_bytes()));
    cid.system_info(SYSTEM_INFO);
    cid.font_descriptor(descriptor_ref);
    cid.default_width(0.0);
    if !is_cff {
        cid.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    let widths: Vec<f32> = e
        .remapper
        .remapped_gids()
        .map(|old| to_pdf(f32::from(face.glyph_hor_advance(ttf_parser::GlyphId(old)).unwrap_or(0))))
        .collect();
    cid.widths().consecutive(0, widths);
    cid.finish();

    let bbox = face.global_bounding_box();
    let mut flags = FontFlags::SYMBOLIC;
    flags.set(FontFlags::FIXED_PITCH, face.is_monospaced());
    flags.set(FontFlags::ITALIC, face.is_italic());
    let mut descriptor = pdf.font_descriptor(descriptor_ref);
    descriptor
        .name(Name(base_font.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(
            to_pdf(f32::from(bbox.x_min)),
            to_pdf(f32::from(bbox.y_min)),
            to_pdf(f32::from(bbox.x_max)),
            to_pdf(f32::from(bbox.y_max)),
        ))
        .italic_angle(face.italic_angle())
        .ascent(to_pdf(f32::from(face.ascender())))
        .descent(to_pdf(f32::from(face.descender())))
        .cap_height(to_pdf(f32::from(face.capital_height().unwrap_or(face.ascender()))))
        .stem_v(10.0 + 0.244 * (f32::from(face.weight().to_number()) - 50.0));
    if is_cff {
        descriptor.font_file3(data_ref);
    } else {
        descriptor.font_file2(data_ref);
    }
    descriptor.finish();

    let mut cmap = pdf_writer::types::UnicodeCmap::new(Name(b"Custom"), SYSTEM_INFO);
    for (&gid, &c) in &e.letters {
        cmap.pair(gid, c);
    }
    pdf.cmap(cmap_ref, &cmap.finish()).writing_mode(pdf_writer::writers::WMode::Horizontal);

    let program = cff.unwrap_or(&subset);
    let packed = deflate(program);
    let mut stream = pdf.stream(data_ref, &packed);
    stream.filter(Filter::FlateDecode);
    if is_cff {
        stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
    }
    stream.finish();
    Ok(())
}

/// The outline: each section, with its stories under it (closed).
fn write_outline(pdf: &mut Pdf, refs: &mut Refs, root: Ref, marks: &[Mark], pages: &[Ref], height: f32) {
    if marks.is_empty() {
        return;
    }
    let section_refs: Vec<Ref> = marks.iter().map(|_| refs.next()).collect();
    for (i, mark) in marks.iter().enumerate() {
        let child_refs: Vec<Ref> = mark.children.iter().map(|_| refs.next()).collect();
        let mut item = pdf.outline_item(section_refs[i]);
        item.title(TextStr(&mark.title)).parent(root);
        if i > 0 {
            item.prev(section_refs[i - 1]);
        }
        if let Some(next) = section_refs.get(i + 1) {
            item.next(*next);
        }
        if let (Some(first), Some(last)) = (child_refs.first(), child_refs.last()) {
            item.first(*first).last(*last).count(-i32::try_from(child_refs.len()).unwrap_or(i32::MAX));
        }
        if let Some(&page) = pages.get(mark.page) {
            item.dest().page(page).xyz(0.0, height - mark.y + 12.0, None);
        }
        item.finish();
        for (j, child) in mark.children.iter().enumerate() {
            let mut item = pdf.outline_item(child_refs[j]);
            item.title(TextStr(&child.title)).parent(section_refs[i]);
            if j > 0 {
                item.prev(child_refs[j - 1]);
            }
            if let Some(next) = child_refs.get(j + 1) {
                item.next(*next);
            }
            if let Some(&page) = pages.get(child.page) {
                item.dest().page(page).xyz(0.0, height - child.y + 12.0, None);
            }
            item.finish();
        }
    }
    let (Some(first), Some(last)) = (section_refs.first(), section_refs.last()) else { return };
    pdf.outline(root).first(*first).last(*last).count(i32::try_from(section_refs.len()).unwrap_or(i32::MAX));
}
