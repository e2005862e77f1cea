//! The press review: a document made from clippings, to send or print.
//!
//! [`build`] reads the clippings into a [`Review`]: a cover, sections (by country, topic, event,
//! outlet or day, in the order asked), and in each its stories with headline, outlets, date,
//! author, tags, text or its first words, picture, caption and credit. Reprints of one wire
//! story are listed under it once. The review is then written as PDF (`pdf.rs`, laid out by
//! `layout.rs` in the fonts of `fonts.rs`), DOCX (`docx.rs`) or self-contained HTML (`html.rs`).
//! Its words are in the thread's language (`i18n`).

pub mod chart;
pub mod docx;
pub mod fonts;
pub mod html;
pub mod layout;
pub mod pdf;

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::archive::{Archive, Clipping, ClippingId, ClippingWithTags, Kind, TagKind};
use crate::i18n;
use crate::t;

/// How the stories are grouped into sections.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    #[default]
    Country,
    Topic,
    Event,
    Outlet,
    Day,
}

impl GroupBy {
    pub const ALL: [GroupBy; 5] = [GroupBy::Country, GroupBy::Topic, GroupBy::Event, GroupBy::Outlet, GroupBy::Day];

    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Country => "country",
            GroupBy::Topic => "topic",
            GroupBy::Event => "event",
            GroupBy::Outlet => "outlet",
            GroupBy::Day => "day",
        }
    }

    pub fn parse(s: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// The document's format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Pdf,
    Docx,
    Html,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Pdf, Format::Docx, Format::Html];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        let s = s.trim().to_ascii_lowercase();
        match s.as_str() {
            "htm" => Some(Format::Html),
            _ => Format::ALL.into_iter().find(|f| f.extension() == s),
        }
    }

    /// The format a file name asks for by its extension.
    pub fn of_path(path: &Path) -> Option<Format> {
        path.extension().and_then(|e| e.to_str()).and_then(Format::parse)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    pub fn parse(s: &str) -> Option<Paper> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" | "us-letter" => Some(Paper::Letter),
            _ => None,
        }
    }
}

/// How many words of a story the whole-text mode prints at most, unless told otherwise.
pub const DEFAULT_FULL_TEXT_WORDS: usize = 2000;

/// What the person asked for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewOptions {
    /// The cover's title; empty gives "Press review".
    pub title: String,
    pub organisation: String,
    /// Only clippings dated in this range (both ends included).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub group_by: GroupBy,
    /// Section keys (country codes, topic or event names, outlets, days as YYYY-MM-DD) in the
    /// order wanted; sections not named follow, the largest first (days in date order).
    pub section_order: Vec<String>,
    /// Only the first this many words of each text; `None` for the whole text.
    pub words: Option<usize>,
    /// With the whole text: at most this many words of each, with a note where one is cut
    /// (a long document, a script, would fill dozens of pages); `None` for no limit.
    pub full_text_words: Option<usize>,
    pub paper: Paper,
    /// Pictures of photos and articles' lead pictures.
    pub pictures: bool,
    /// A coverage page after the contents: the clippings per period and the top outlets.
    pub coverage: bool,
}

impl Default for ReviewOptions {
    fn default() -> Self {
        ReviewOptions {
            title: String::new(),
            organisation: String::new(),
            from: None,
            to: None,
            group_by: GroupBy::Country,
            section_order: Vec::new(),
            words: None,
            full_text_words: Some(DEFAULT_FULL_TEXT_WORDS),
            paper: Paper::A4,
            pictures: true,
            coverage: false,
        }
    }
}

/// A review, ready to be written in any format.
#[derive(Clone, Debug, Default)]
pub struct Review {
    pub title: String,
    pub organisation: String,
    /// The period as shown ("1 Mar 2024 – 7 Mar 2024"); empty when no range was asked.
    pub period: String,
    /// "Made on 30 Nov 2026".
    pub made: String,
    /// "12 stories from 7 outlets".
    pub summary: String,
    pub sections: Vec<Section>,
    pub paper: Paper,
    /// The language the review's words are in, for the documents' language tags.
    pub language: &'static str,
    /// Labels in that language.
    pub labels: Labels,
    /// The coverage page, when asked for.
    pub coverage: Option<chart::Chart>,
}

impl Review {
    pub fn n_stories(&self) -> usize {
        self.sections.iter().map(|s| s.stories.len()).sum()
    }

    pub fn stories(&self) -> impl Iterator<Item = &Story> {
        self.sections.iter().flat_map(|s| s.stories.iter())
    }
}

/// The words a document uses besides the clippings' own, in the review's language.
#[derive(Clone, Debug, Default)]
pub struct Labels {
    pub contents: String,
    pub also_in: String,
    pub source: String,
    /// "Page 3 of 12" with `{page}` and `{pages}` in place of the numbers.
    pub page_of: String,
}

#[derive(Clone, Debug, Default)]
pub struct Section {
    pub key: String,
    pub heading: String,
    pub stories: Vec<Story>,
}

#[derive(Clone, Debug, Default)]
pub struct Story {
    pub id: ClippingId,
    pub kind: Kind,
    pub headline: String,
    pub outlet: String,
    pub date: String,
    pub author: String,
    pub tags: Vec<String>,
    pub paragraphs: Vec<String>,
    pub picture: Option<Picture>,
    pub caption: String,
    /// "Photo: Reuters / Jane Doe".
    pub credit: String,
    pub link: String,
    pub reprints: Vec<Reprint>,
}

impl Story {
    /// "Also in: Kazinform (4 Nov 2026), Tengrinews (5 Nov 2026)", with `label` the words
    /// before the colon; `None` for a story printed once.
    pub fn also_in(&self, label: &str) -> Option<String> {
        if self.reprints.is_empty() {
            return None;
        }
        let named =
            crate::vocab::printings::named_once(self.reprints.iter().map(|r| crate::vocab::printings::Printing {
                outlet: &r.outlet,
                headline: &r.headline,
                date: &r.date,
            }));
        let list: Vec<String> = named.into_iter().map(|(text, _)| text).collect();
        Some(format!("{label}: {}", list.join(", ")))
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reprint {
    pub id: ClippingId,
    pub outlet: String,
    pub date: String,
    pub headline: String,
}

/// A picture as a baseline RGB JPEG.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("{0}")]
    Archive(#[from] crate::archive::Error),
    #[error("no clippings to put in the review (none selected, or none dated in the period)")]
    Empty,
    #[error("cancelled")]
    Cancelled,
    #[error("cannot write {path}: {}", write_reason(.source))]
    Write { path: std::path::PathBuf, source: std::io::Error },
    #[error("cannot read the fonts: {0}")]
    Font(String),
    #[error("cannot draw the coverage chart")]
    Chart,
}

/// The long side of a photo in the review, in pixels (up to half as much again where the
/// decoder gives that at once): about 190 dpi at the column's 16 cm.
const PICTURE_PX: u32 = 1200;

/// Pictures smaller than this on their long side are left out.
const MIN_PICTURE_PX: u32 = 48;

/// Which pictures a review is built with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pictures {
    /// Photos read from their originals at print size.
    Print,
    /// The archive's thumbnails: quick, for a preview. The pages come out the same, as a
    /// photo's place on the page depends on its shape, not its pixels.
    Thumbnails,
}

/// Builds the review of `ids` (trashed clippings and those outside the period are left out).
/// `progress` gets (done, total) as pictures are read.
pub fn build(
    archive: &Archive,
    ids: &[ClippingId],
    options: &ReviewOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
    cancel: &AtomicBool,
) -> Result<Review, ReviewError> {
    build_with(archive, ids, options, Pictures::Print, progress, cancel)
}

/// [`build`] with the pictures asked for.
pub fn build_with(
    archive: &Archive,
    ids: &[ClippingId],
    options: &ReviewOptions,
    pictures: Pictures,
    progress: &(dyn Fn(usize, usize) + Sync),
    cancel: &AtomicBool,
) -> Result<Review, ReviewError> {
    let mut clippings = Vec::with_capacity(ids.len());
    for &id in ids {
        if cancel.load(Ordering::Relaxed) {
            return Err(ReviewError::Cancelled);
        }
        let c = archive.get_with_tags(id)?;
        let date = c.clipping.date();
        let in_period = options.from.is_none_or(|from| date >= from) && options.to.is_none_or(|to| date <= to);
        if c.clipping.trashed_at.is_none() && in_period {
            clippings.push(c);
        }
    }
    if clippings.is_empty() {
        return Err(ReviewError::Empty);
    }
    clippings.sort_by_key(|c| (c.clipping.date(), c.clipping.id));

    // Reprints: each story keeps its earliest clipping; the others are listed under it.
    let plain: Vec<&Clipping> = clippings.iter().map(|c| &c.clipping).collect();
    let mut reprints_of: HashMap<ClippingId, Vec<ClippingId>> = HashMap::new();
    let mut is_reprint = std::collections::HashSet::new();
    for story in archive.stories_among(&plain)? {
        let mut members = story.into_iter();
        if let Some(first) = members.next() {
            let rest: Vec<ClippingId> = members.collect();
            is_reprint.extend(rest.iter().copied());
            reprints_of.insert(first, rest);
        }
    }
    let by_id: HashMap<ClippingId, &ClippingWithTags> = clippings.iter().map(|c| (c.clipping.id, c)).collect();
    let leads: Vec<&ClippingWithTags> = clippings.iter().filter(|c| !is_reprint.contains(&c.clipping.id)).collect();

    let done = std::sync::atomic::AtomicUsize::new(0);
    let total = leads.len();
    let lang = i18n::language();
    let stories: Vec<Option<Story>> = leads
        .par_iter()
        .map(|c| {
            // The pool's threads speak the review's language too.
            i18n::set_language(lang);
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let mut story = story_of(archive, c, options, pictures);
            story.reprints = reprints_of
                .get(&c.clipping.id)
                .into_iter()
                .flatten()
                .filter_map(|id| by_id.get(id))
                .map(|r| Reprint {
                    id: r.clipping.id,
                    outlet: r.clipping.source.clone(),
                    date: date_text(&r.clipping),
                    headline: r.clipping.title.clone(),
                })
                .collect();
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            Some(story)
        })
        .collect();
    if cancel.load(Ordering::Relaxed) {
        return Err(ReviewError::Cancelled);
    }
    let stories: Vec<(Story, &ClippingWithTags)> = stories.into_iter().flatten().zip(leads).collect();

    let n_outlets = {
        let mut outlets: Vec<String> =
            clippings.iter().map(|c| c.clipping.source.trim().to_lowercase()).filter(|s| !s.is_empty()).collect();
        outlets.sort();
        outlets.dedup();
        outlets.len()
    };
    let period = match (options.from, options.to) {
        (Some(from), Some(to)) if from == to => i18n::format_date(from, lang),
        (Some(from), Some(to)) => {
            t!("review-period", from = i18n::format_date(from, lang), to = i18n::format_date(to, lang))
        }
        (Some(from), None) => t!("review-period-from", date = i18n::format_date(from, lang)),
        (None, Some(to)) => t!("review-period-until", date = i18n::format_date(to, lang)),
        (None, None) => String::new(),
    };
    let n_stories = stories.len();
    Ok(Review {
        title: if options.title.trim().is_empty() {
            t!("review-default-title")
        } else {
            options.title.trim().to_owned()
        },
        organisation: options.organisation.trim().to_owned(),
        period,
        made: t!("review-made-on", date = i18n::format_date(chrono::Local::now().date_naive(), lang)),
        summary: if n_outlets == 0 {
            t!("review-summary-stories", stories = n_stories as i64)
        } else {
            t!("review-summary", stories = n_stories as i64, outlets = n_outlets as i64)
        },
        sections: sections(stories, options),
        coverage: if options.coverage {
            chart::chart_of(&clippings, options.group_by, options.from, options.to)
        } else {
            None
        },
        paper: options.paper,
        language: lang.code(),
        labels: Labels {
            contents: t!("review-contents"),
            also_in: t!("review-also-in"),
            source: t!("review-source"),
            page_of: t!("review-page-of", page = "{page}", pages = "{pages}"),
        },
    })
}

fn date_text(c: &Clipping) -> String {
    match c.published.or_else(|| c.captured_at.map(|t| t.date())) {
        Some(date) => i18n::format_date(date, i18n::language()),
        None => String::new(),
    }
}

fn tag_text(tag: &crate::archive::Tag) -> String {
    i18n::tag_name(tag)
}

fn story_of(archive: &Archive, c: &ClippingWithTags, options: &ReviewOptions, pictures: Pictures) -> Story {
    let clip = &c.clipping;
    let (mut paragraphs, cut) = text_of(&clip.body, options.words.or(options.full_text_words));
    // The whole text asked for and a long one cut: the page says so, and how much is left out.
    if cut && options.words.is_none() {
        let total = clip.body.split_whitespace().count();
        let shown = options.full_text_words.unwrap_or(total);
        let number = |n: usize| i18n::format_number(i64::try_from(n).unwrap_or(i64::MAX), i18n::language());
        let note = crate::t!("review-text-cut", shown = number(shown), total = number(total));
        paragraphs.push(format!("[{note}]"));
    }
    let picture = if !options.pictures {
        None
    } else if (clip.kind == Kind::Photo || clip.is_scan()) && pictures == Pictures::Print {
        picture_of_photo(archive, clip).or_else(|| thumbnail_of(archive, clip))
    } else if clip.kind == Kind::Photo || clip.is_scan() || (clip.has_thumbnail && clip.format != "pdf") {
        thumbnail_of(archive, clip)
    } else {
        None
    }
    // A picture of a few pixels (an icon, a test image) would be a speck on the page.
    .filter(|p| p.width.max(p.height) >= MIN_PICTURE_PX);
    let headline = match clip.title.trim() {
        "" if clip.kind == Kind::Photo => clip.caption.lines().next().unwrap_or_default().to_owned(),
        "" => clip.original_name.clone(),
        title => title.to_owned(),
    };
    Story {
        id: clip.id,
        kind: clip.kind,
        headline,
        outlet: clip.source.trim().to_owned(),
        date: date_text(clip),
        author: clip.author.trim().to_owned(),
        tags: c.tags.iter().map(tag_text).collect(),
        paragraphs,
        picture,
        caption: clip.caption.trim().to_owned(),
        credit: if clip.credit.trim().is_empty() {
            String::new()
        } else {
            t!("review-photo-credit", credit = clip.credit.trim())
        },
        link: clip.url.trim().to_owned(),
        reprints: Vec::new(),
    }
}

/// The text's paragraphs, cut after `words` words when asked; whether it was cut.
pub fn text_of(body: &str, words: Option<usize>) -> (Vec<String>, bool) {
    let paragraphs: Vec<String> =
        body.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect();
    let Some(limit) = words else { return (paragraphs, false) };
    let mut left = limit.max(1);
    let mut out = Vec::new();
    for p in paragraphs.iter() {
        let n = p.split(' ').count();
        if n <= left {
            out.push(p.clone());
            left -= n;
            if left == 0 {
                break;
            }
        } else {
            let head: Vec<&str> = p.split(' ').take(left).collect();
            out.push(format!("{} …", head.join(" ")));
            return (out, true);
        }
    }
    let cut = out.len() < paragraphs.len();
    if cut && let Some(last) = out.last_mut() {
        last.push_str(" …");
    }
    (out, cut)
}

/// A photo's (or a scanned page's) picture at print size, orientation applied.
fn picture_of_photo(archive: &Archive, clip: &Clipping) -> Option<Picture> {
    let path = archive.original_path(clip);
    let rgb = crate::import::photo::media::read_picture(&path, &clip.format, PICTURE_PX).ok()?;
    let jpeg = crate::import::photo::media::encode_thumbnail(&rgb).ok()?;
    Some(Picture { width: rgb.width(), height: rgb.height(), jpeg })
}

/// The thumbnail kept in the archive (a saved page's lead picture, or a photo whose original
/// cannot be read now).
fn thumbnail_of(archive: &Archive, clip: &Clipping) -> Option<Picture> {
    let jpeg = archive.thumbnail(&clip.hash).ok()?;
    let (width, height) = image::ImageReader::with_format(std::io::Cursor::new(&jpeg), image::ImageFormat::Jpeg)
        .into_dimensions()
        .ok()?;
    Some(Picture { jpeg, width, height })
}

/// Puts the stories into sections, in the order asked, each story once.
fn sections(stories: Vec<(Story, &ClippingWithTags)>, options: &ReviewOptions) -> Vec<Section> {
    let keys_of = |c: &ClippingWithTags| -> Vec<(String, String)> {
        let tagged = |kind: TagKind| -> Vec<(String, String)> {
            c.tags.iter().filter(|t| t.kind == kind).map(|t| (t.value.to_lowercase(), tag_text(t))).collect()
        };
        match options.group_by {
            GroupBy::Country => tagged(TagKind::Country),
            GroupBy::Topic => tagged(TagKind::Topic),
            GroupBy::Event => tagged(TagKind::Event),
            GroupBy::Outlet => match c.clipping.source.trim() {
                "" => Vec::new(),
                source => vec![(source.to_lowercase(), source.to_owned())],
            },
            GroupBy::Day => match c.clipping.published.or_else(|| c.clipping.captured_at.map(|t| t.date())) {
                Some(day) => vec![(day.to_string(), i18n::format_date(day, i18n::language()))],
                None => Vec::new(),
            },
        }
    };
    let keyed: Vec<(Story, Vec<(String, String)>)> = stories.into_iter().map(|(s, c)| (s, keys_of(c))).collect();

    // The order: the keys asked for first, then the rest by size (days by date), then "other".
    let mut count: HashMap<&str, (usize, &str)> = HashMap::new();
    for (_, keys) in &keyed {
        for (key, heading) in keys {
            count.entry(key.as_str()).or_insert((0, heading.as_str())).0 += 1;
        }
    }
    let asked: Vec<String> = options.section_order.iter().map(|k| k.trim().to_lowercase()).collect();
    let mut rest: Vec<(&str, usize, &str)> =
        count.iter().filter(|(k, _)| !asked.iter().any(|a| a == *k)).map(|(k, (n, h))| (*k, *n, *h)).collect();
    if options.group_by == GroupBy::Day {
        rest.sort_by(|a, b| a.0.cmp(b.0));
    } else {
        rest.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.2.to_lowercase().cmp(&b.2.to_lowercase())));
    }
    let order: Vec<String> = asked
        .iter()
        .filter(|a| count.contains_key(a.as_str()))
        .cloned()
        .chain(rest.iter().map(|r| r.0.to_owned()))
        .collect();
    let rank: HashMap<&str, usize> = order.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();

    let mut sections: Vec<Section> = order
        .iter()
        .map(|key| Section { key: key.clone(), heading: count[key.as_str()].1.to_owned(), stories: Vec::new() })
        .collect();
    let mut other = Section {
        key: String::new(),
        heading: match options.group_by {
            GroupBy::Country => t!("review-no-country"),
            GroupBy::Topic => t!("review-no-topic"),
            GroupBy::Event => t!("review-no-event"),
            GroupBy::Outlet => t!("review-no-outlet"),
            GroupBy::Day => t!("review-no-date"),
        },
        stories: Vec::new(),
    };
    for (story, keys) in keyed {
        match keys.iter().filter_map(|(k, _)| rank.get(k.as_str())).min() {
            Some(&i) => sections[i].stories.push(story),
            None => other.stories.push(story),
        }
    }
    sections.retain(|s| !s.stories.is_empty());
    if !other.stories.is_empty() {
        sections.push(other);
    }
    sections
}

/// Writes the review to `path` in `format`.
pub fn write(review: &Review, format: Format, path: &Path, fonts: &fonts::FontSet) -> Result<(), ReviewError> {
    let chart = || review.coverage.as_ref().map(|c| chart::png(review, c, fonts, chart::PNG_SCALE)).transpose();
    let bytes = match format {
        Format::Pdf => pdf::write(review, fonts)?,
        Format::Docx => docx::write(review, chart()?.as_ref()),
        Format::Html => html::write(review, chart()?.as_ref()).into_bytes(),
    };
    let error = |source| ReviewError::Write { path: path.to_owned(), source };
    // Written beside, then renamed: an old review of the same name stays whole until the new
    // one is.
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = crate::import::files::temp_path(dir, "review");
    if let Err(e) = std::fs::write(&tmp, &bytes).and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(error(held_open(path, e)));
    }
    Ok(())
}

/// Windows refuses to replace a file another program has open (last week's review, still open
/// in Word), and may say only "access denied": asked to write it, Windows tells which it is.
fn held_open(path: &Path, error: std::io::Error) -> std::io::Error {
    if cfg!(windows)
        && error.kind() == std::io::ErrorKind::PermissionDenied
        && path.is_file()
        && let Err(open) = std::fs::OpenOptions::new().append(true).open(path)
        && crate::vocab::is_in_use(&open)
    {
        return open;
    }
    error
}

fn write_reason(error: &std::io::Error) -> String {
    if crate::vocab::is_in_use(error) {
        "it is open in another program: close it there, then write the review again".to_owned()
    } else {
        error.to_string()
    }
}

#[cfg(test)]
mod tests;
