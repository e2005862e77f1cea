//! A review laid out on pages: where every line, picture and rule goes. The PDF writer draws
//! these pages, and the window previews them.
//!
//! Coordinates are in points from the page's top-left corner; a text's `y` is its baseline.
//! Lines are broken between words (and between any two Chinese or Japanese letters), words
//! wider than a line between letters. The table of contents is laid out after the stories, so
//! it can give their pages.

use super::fonts::{FontSet, Shaper};
use super::{Review, Story};

/// A run of letters drawn in one face.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub face: usize,
    /// Bold text in a face that has no bold: drawn with a thin outline to look heavier.
    pub fake_bold: bool,
    /// Offset from the line's start, in points.
    pub dx: f32,
    pub glyphs: Vec<u16>,
    /// The letters the glyphs stand for, one glyph per letter.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A page of this document (0-based), at a height from the top.
    Page(usize, f32),
    Uri(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        gray: f32,
        width: f32,
        runs: Vec<Run>,
    },
    /// The picture of story `story` of section `section`.
    Picture {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        section: usize,
        story: usize,
    },
    Rule {
        x: f32,
        y: f32,
        w: f32,
        gray: f32,
    },
    /// A box filled with a colour: a chart's bar or a legend's swatch.
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        rgb: [u8; 3],
    },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        target: Target,
    },
}

impl Item {
    /// The text of a text item.
    pub fn text(&self) -> Option<String> {
        match self {
            Item::Text { runs, .. } => Some(runs.iter().map(|r| r.text.as_str()).collect()),
            _ => None,
        }
    }

    /// The item moved by `dx` and `dy` points.
    pub fn shifted(mut self, dx: f32, dy: f32) -> Item {
        match &mut self {
            Item::Text { x, y, .. }
            | Item::Picture { x, y, .. }
            | Item::Rule { x, y, .. }
            | Item::Fill { x, y, .. }
            | Item::Link { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
        }
        self
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// A bookmark of the PDF's outline.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub title: String,
    pub page: usize,
    pub y: f32,
    pub children: Vec<Mark>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    pub outline: Vec<Mark>,
}

pub(super) const MARGIN: f32 = 56.0;
pub(super) const TOP: f32 = 64.0;
pub(super) const BOTTOM: f32 = 60.0;

#[derive(Clone, Copy)]
pub(super) struct Style {
    pub size: f32,
    pub bold: bool,
    pub gray: f32,
    /// Line height as a multiple of the size.
    pub leading: f32,
    pub indent: f32,
}

pub(super) const TITLE: Style = Style { size: 26.0, bold: true, gray: 0.0, leading: 1.2, indent: 0.0 };
pub(super) const SECTION: Style = Style { size: 18.0, bold: true, gray: 0.0, leading: 1.25, indent: 0.0 };
pub(super) const HEADLINE: Style = Style { size: 13.5, bold: true, gray: 0.0, leading: 1.25, indent: 0.0 };
pub(super) const BODY: Style = Style { size: 10.5, bold: false, gray: 0.0, leading: 1.42, indent: 0.0 };
pub(super) const META: Style = Style { size: 9.0, bold: false, gray: 0.38, leading: 1.35, indent: 0.0 };
pub(super) const SMALL: Style = Style { size: 8.5, bold: false, gray: 0.45, leading: 1.35, indent: 0.0 };
const TOC_LINE: f32 = 15.0;

/// A line broken out of a text, measured.
pub(super) struct Line {
    pub text: String,
    pub width: f32,
}

pub(super) struct Flow<'s, 'f> {
    pub shaper: &'s mut Shaper<'f>,
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    pub y: f32,
}

impl Flow<'_, '_> {
    pub(super) fn text_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    pub(super) fn bottom(&self) -> f32 {
        self.height - BOTTOM
    }

    pub(super) fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    /// Starts a new page unless `needed` points are left on this one.
    pub(super) fn keep(&mut self, needed: f32) {
        if self.y + needed > self.bottom() && self.y > TOP {
            self.new_page();
        }
    }

    /// Breaks `text` into lines of at most `width` points.
    fn break_lines(&mut self, text: &str, style: Style, width: f32) -> Vec<Line> {
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut line_w = 0.0;
        let space_w = self.shaper.width(" ", style.size, style.bold);
        for (token, spaced) in tokens(text) {
            let token_w = self.shaper.width(token, style.size, style.bold);
            let gap = if spaced && !line.is_empty() { space_w } else { 0.0 };
            if line_w + gap + token_w <= width || line.is_empty() && token_w <= width {
                if gap > 0.0 {
                    line.push(' ');
                }
                line.push_str(token);
                line_w += gap + token_w;
                continue;
            }
            if !line.is_empty() {
                lines.push(Line { text: std::mem::take(&mut line), width: line_w });
                line_w = 0.0;
            }
            // A word wider than the line (a long address) is broken between letters.
            for c in token.chars() {
                let w = self.shaper.glyph(c, style.bold).advance_em * style.size;
                if line_w + w > width && !line.is_empty() {
                    lines.push(Line { text: std::mem::take(&mut line), width: line_w });
                    line_w = 0.0;
                }
                line.push(c);
                line_w += w;
            }
        }
        if !line.is_empty() {
            lines.push(Line { text: line, width: line_w });
        }
        lines
    }

    /// The line as runs of glyphs, one run per face.
    fn runs(&mut self, text: &str, bold: bool, size: f32) -> Vec<Run> {
        let (bold_face, fake) = self.shaper.body_face(true);
        let has_bold = !fake;
        let mut runs: Vec<Run> = Vec::new();
        let mut x = 0.0;
        for c in text.chars() {
            let g = self.shaper.glyph(c, bold);
            let fake_bold = bold && !(has_bold && g.face == bold_face);
            match runs.last_mut() {
                Some(run) if run.face == g.face && run.fake_bold == fake_bold => {
                    run.glyphs.push(g.id);
                    run.text.push(c);
                }
                _ => runs.push(Run { face: g.face, fake_bold, dx: x, glyphs: vec![g.id], text: c.to_string() }),
            }
            x += g.advance_em * size;
        }
        runs
    }

    pub(super) fn put_line(&mut self, x: f32, y: f32, line: &Line, style: Style) {
        let runs = self.runs(&line.text, style.bold, style.size);
        self.page().items.push(Item::Text { x, y, size: style.size, gray: style.gray, width: line.width, runs });
    }

    /// Sets a paragraph in the flow, breaking pages between lines. Returns where its first
    /// line went (page, top).
    pub(super) fn paragraph(&mut self, text: &str, style: Style) -> (usize, f32) {
        let x = MARGIN + style.indent;
        let lines = self.break_lines(text, style, self.text_width() - style.indent);
        let line_h = style.size * style.leading;
        let mut first = None;
        for line in &lines {
            if self.y + line_h > self.bottom() {
                self.new_page();
            }
            first.get_or_insert((self.pages.len().saturating_sub(1), self.y));
            let baseline = self.y + style.size;
            self.put_line(x, baseline, line, style);
            self.y += line_h;
        }
        first.unwrap_or((self.pages.len().saturating_sub(1), self.y))
    }

    pub(super) fn rule(&mut self, gray: f32) {
        let w = self.text_width();
        let y = self.y;
        self.page().items.push(Item::Rule { x: MARGIN, y, w, gray });
    }

    /// One line that must not wrap: cut with "…" to fit `width`.
    pub(super) fn fitted(&mut self, text: &str, style: Style, width: f32) -> Line {
        let full = self.shaper.width(text, style.size, style.bold);
        if full <= width {
            return Line { text: text.to_owned(), width: full };
        }
        let ellipsis = self.shaper.width("…", style.size, style.bold);
        let mut out = String::new();
        let mut w = 0.0;
        for c in text.chars() {
            let cw = self.shaper.glyph(c, style.bold).advance_em * style.size;
            if w + cw + ellipsis > width {
                break;
            }
            out.push(c);
            w += cw;
        }
        let out = out.trim_end().to_owned() + "…";
        let width = self.shaper.width(&out, style.size, style.bold);
        Line { text: out, width }
    }
}

/// Words of a text, each with whether a space came before it. Chinese and Japanese letters are
/// words of their own, with no space between.
fn tokens(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut spaced = false;
    for (i, c) in text.char_indices() {
        // Control characters (a pasted text's stray ones) are not drawn: they separate words.
        if (c.is_whitespace() && c != '\u{a0}') || c.is_control() {
            if let Some(s) = start.take() {
                out.push((&text[s..i], spaced));
            }
            spaced = true;
        } else if crate::search::cjk::is_cjk(c) {
            if let Some(s) = start.take() {
                out.push((&text[s..i], spaced));
                spaced = false;
            }
            out.push((&text[i..i + c.len_utf8()], spaced));
            spaced = false;
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((&text[s..], spaced));
    }
    out
}

/// Lays the review out on pages.
pub fn lay_out(review: &Review, fonts: &FontSet) -> Result<Document, super::ReviewError> {
    let mut shaper = Shaper::new(fonts).map_err(|e| super::ReviewError::Font(e.to_string()))?;
    let (width, height) = review.paper.size_pt();

    // The stories first, on pages numbered from 0; the cover and contents go before them.
    let mut flow = Flow { shaper: &mut shaper, width, height, pages: Vec::new(), y: TOP };
    let mut marks = Vec::new();
    for (si, section) in review.sections.iter().enumerate() {
        flow.new_page();
        let (page, y) = flow.paragraph(&section.heading, SECTION);
        flow.y += 4.0;
        flow.rule(0.2);
        flow.y += 16.0;
        let mut mark = Mark { title: section.heading.clone(), page, y, children: Vec::new() };
        for (ti, story) in section.stories.iter().enumerate() {
            let (page, y) = story_flow(&mut flow, story, si, ti, &review.labels);
            mark.children.push(Mark { title: story.headline.clone(), page, y, children: Vec::new() });
        }
        marks.push(mark);
    }
    let story_pages = flow.pages;

    // The contents: one line per section and per story, a fixed height each, so their pages
    // are known before their numbers are.
    let n_entries: usize = marks.iter().map(|m| 1 + m.children.len()).sum();
    let first_page_lines = ((height - BOTTOM - TOP - SECTION.size * 2.6) / TOC_LINE).floor().max(1.0) as usize;
    let page_lines = ((height - BOTTOM - TOP) / TOC_LINE).floor().max(1.0) as usize;
    let contents_pages =
        1 + (n_entries + usize::from(review.coverage.is_some())).saturating_sub(first_page_lines).div_ceil(page_lines);

    // The coverage page, after the contents.
    let mut coverage_mark = None;
    let mut coverage_pages = Vec::new();
    if let Some(chart) = &review.coverage {
        let mut flow = Flow { shaper: &mut shaper, width, height, pages: Vec::new(), y: TOP };
        flow.new_page();
        let (page, y) = flow.paragraph(&chart.heading, SECTION);
        flow.y += 4.0;
        flow.rule(0.2);
        flow.y += 16.0;
        super::chart::chart_flow(&mut flow, chart);
        coverage_mark =
            Some(Mark { title: chart.heading.clone(), page: 1 + contents_pages + page, y, children: Vec::new() });
        coverage_pages = flow.pages;
    }
    let offset = 1 + contents_pages + coverage_pages.len();
    let mut flow = Flow { shaper: &mut shaper, width, height, pages: Vec::new(), y: TOP };
    for mark in &mut marks {
        mark.page += offset;
        for child in &mut mark.children {
            child.page += offset;
        }
    }
    flow.new_page();
    flow.paragraph(&review.labels.contents, SECTION);
    flow.y += SECTION.size * 2.6 - SECTION.size * SECTION.leading;
    let number_w = flow.shaper.width("0000", BODY.size, false);
    if let Some(mark) = &coverage_mark {
        toc_entry(&mut flow, &mark.title, mark, true, number_w);
    }
    for (mark, section) in marks.iter().zip(&review.sections) {
        toc_entry(&mut flow, &mark.title, mark, true, number_w);
        for (child, story) in mark.children.iter().zip(&section.stories) {
            let title = match story.outlet.as_str() {
                "" => child.title.clone(),
                outlet => format!("{} — {outlet}", child.title),
            };
            toc_entry(&mut flow, &title, child, false, number_w);
        }
    }
    let mut contents = flow.pages;
    debug_assert_eq!(contents.len(), contents_pages);
    contents.resize(contents_pages, Page::default());

    // The cover.
    let mut flow = Flow { shaper: &mut shaper, width, height, pages: Vec::new(), y: height * 0.3 };
    flow.page();
    flow.paragraph(&review.title, TITLE);
    flow.y += 10.0;
    flow.rule(0.2);
    flow.y += 18.0;
    for (text, style) in [
        (&review.organisation, Style { size: 15.0, bold: false, gray: 0.1, leading: 1.35, indent: 0.0 }),
        (&review.period, Style { size: 13.0, bold: false, gray: 0.1, leading: 1.5, indent: 0.0 }),
        (&review.summary, Style { size: 10.5, gray: 0.35, ..BODY }),
        (&review.made, Style { size: 10.5, gray: 0.35, ..BODY }),
    ] {
        if !text.is_empty() {
            flow.paragraph(text, style);
            flow.y += 4.0;
        }
    }
    let cover = flow.pages;

    let mut pages: Vec<Page> = cover.into_iter().chain(contents).chain(coverage_pages).chain(story_pages).collect();
    marks.splice(0..0, coverage_mark);
    let n_pages = pages.len();
    for (i, page) in pages.iter_mut().enumerate().skip(1) {
        let mut flow = Flow { shaper: &mut shaper, width, height, pages: Vec::new(), y: 0.0 };
        let label =
            review.labels.page_of.replace("{page}", &(i + 1).to_string()).replace("{pages}", &n_pages.to_string());
        let footer = flow.fitted(&label, SMALL, width - 2.0 * MARGIN);
        flow.put_line((width - footer.width) / 2.0, height - BOTTOM / 2.0, &footer, SMALL);
        let header = flow.fitted(&review.title, SMALL, (width - 2.0 * MARGIN) * 0.7);
        flow.put_line(MARGIN, TOP / 2.0, &header, SMALL);
        page.items.extend(flow.pages.into_iter().flat_map(|p| p.items));
    }
    Ok(Document { width, height, pages, outline: marks })
}

/// One line of the contents: the title, dots, the page number; a link to the page.
fn toc_entry(flow: &mut Flow<'_, '_>, title: &str, mark: &Mark, section: bool, number_w: f32) {
    if flow.y + TOC_LINE > flow.bottom() {
        flow.new_page();
    }
    let style = if section {
        Style { size: 11.0, bold: true, gray: 0.0, leading: 1.0, indent: 0.0 }
    } else {
        Style { size: 9.5, bold: false, gray: 0.1, leading: 1.0, indent: 14.0 }
    };
    let x = MARGIN + style.indent;
    let number = (mark.page + 1).to_string();
    let text_w = flow.text_width() - style.indent - number_w - 8.0;
    let line = flow.fitted(title, style, text_w);
    let baseline = flow.y + style.size;
    flow.put_line(x, baseline, &line, style);
    let number_line = Line { width: flow.shaper.width(&number, style.size, style.bold), text: number };
    let nx = flow.width - MARGIN - number_line.width;
    flow.put_line(nx, baseline, &number_line, style);
    let y = flow.y;
    let w = flow.text_width() - style.indent;
    flow.page().items.push(Item::Link { x, y, w, h: TOC_LINE, target: Target::Page(mark.page, mark.y) });
    flow.y += TOC_LINE;
}

/// Sets one story; returns where its headline went.
fn story_flow(
    flow: &mut Flow<'_, '_>,
    story: &Story,
    section: usize,
    index: usize,
    labels: &super::Labels,
) -> (usize, f32) {
    // A photo takes the column's width (at most half the page's height); an article's lead
    // picture (a small thumbnail) is shown small. Sizes follow the shape, not the pixels, so a
    // preview made with thumbnails has the same pages.
    let picture_size = story.picture.as_ref().map(|picture| {
        let aspect = picture.width.max(1) as f32 / picture.height.max(1) as f32;
        let max_w = if story.kind == crate::archive::Kind::Photo { flow.text_width() } else { 160.0 };
        let max_h = (flow.height - TOP - BOTTOM) * 0.5;
        let w = max_w.min(max_h * aspect);
        (w, w / aspect)
    });
    // The headline stays with its picture and first lines.
    let picture_h = picture_size.map_or(0.0, |(_, h)| h + 10.0);
    flow.keep(HEADLINE.size * 2.5 + META.size * 3.0 + picture_h + BODY.size * BODY.leading * 3.0);
    let at = flow.paragraph(&story.headline, HEADLINE);
    flow.y += 3.0;
    let meta: Vec<&str> = [story.outlet.as_str(), story.date.as_str(), story.author.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !meta.is_empty() {
        flow.paragraph(&meta.join("  ·  "), META);
    }
    if !story.tags.is_empty() {
        flow.paragraph(&story.tags.join(" · "), SMALL);
    }
    flow.y += 6.0;
    if let Some((w, h)) = picture_size {
        flow.keep(h + 4.0);
        let (x, y) = (MARGIN, flow.y);
        flow.page().items.push(Item::Picture { x, y, w, h, section, story: index });
        flow.y += h + 6.0;
    }
    if !story.caption.is_empty() && story.kind == crate::archive::Kind::Photo {
        flow.paragraph(&story.caption, Style { gray: 0.15, ..META });
    }
    if !story.credit.is_empty() {
        flow.paragraph(&story.credit, SMALL);
    }
    if story.picture.is_some() || !story.credit.is_empty() {
        flow.y += 4.0;
    }
    for p in &story.paragraphs {
        flow.paragraph(p, BODY);
        flow.y += 3.5;
    }
    if let Some(also_in) = story.also_in(&labels.also_in) {
        flow.y += 2.0;
        flow.paragraph(&also_in, META);
    }
    if !story.link.is_empty() {
        let (page, y) = flow.paragraph(&format!("{}: {}", labels.source, story.link), SMALL);
        if page + 1 == flow.pages.len() {
            let w = flow.text_width();
            let h = flow.y - y;
            flow.page().items.push(Item::Link { x: MARGIN, y, w, h, target: Target::Uri(story.link.clone()) });
        }
    }
    flow.y += 10.0;
    if flow.y < flow.bottom() - 20.0 {
        flow.rule(0.82);
        flow.y += 14.0;
    } else {
        flow.new_page();
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_split_at_spaces_and_between_chinese_letters() {
        let words: Vec<(&str, bool)> = tokens("Astana  hosts\tthe 中国和 forum\u{7}now");
        assert_eq!(
            words,
            [
                ("Astana", false),
                ("hosts", true),
                ("the", true),
                ("中", true),
                ("国", false),
                ("和", false),
                ("forum", true),
                ("now", true)
            ]
        );
    }

    #[test]
    fn lines_fit_their_width_and_long_words_are_broken() {
        let fonts = FontSet::builtin();
        let mut shaper = Shaper::new(&fonts).unwrap_or_else(|e| panic!("{e}"));
        let mut flow = Flow { shaper: &mut shaper, width: 300.0, height: 400.0, pages: Vec::new(), y: TOP };
        let text = format!("{} https://example.com/{}", "Қазақстан мен Бельгия ".repeat(12), "a".repeat(200));
        let lines = flow.break_lines(&text, BODY, 150.0);
        assert!(lines.len() > 5);
        for line in &lines {
            assert!(line.width <= 150.0 + 0.01, "{} is {} wide", line.text, line.width);
        }
        // No letter lost or added: only the breaks differ.
        let letters = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(letters(&joined), letters(&text));
    }
}
