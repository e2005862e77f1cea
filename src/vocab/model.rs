//! The records the archive keeps: clippings, tags and their kinds. Plain data with serde; how
//! they are stored is `store.rs`'s business.

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

/// A clipping's number: small, stable, shown to the user and typed on the command line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClippingId(pub u64);

impl fmt::Display for ClippingId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for ClippingId {
    type Err = std::num::ParseIntError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim().trim_start_matches('#').parse().map(ClippingId)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Article,
    Photo,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Photo => "photo",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TagKind {
    Country,
    Topic,
    Event,
}

impl TagKind {
    pub const ALL: [TagKind; 3] = [TagKind::Country, TagKind::Topic, TagKind::Event];

    pub fn as_str(self) -> &'static str {
        match self {
            TagKind::Country => "country",
            TagKind::Topic => "topic",
            TagKind::Event => "event",
        }
    }

    /// The label of a group of such tags, as the sidebar shows it.
    pub fn plural_label(self) -> &'static str {
        match self {
            TagKind::Country => "Countries",
            TagKind::Topic => "Topics",
            TagKind::Event => "Events",
        }
    }
}

impl fmt::Display for TagKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for TagKind {
    type Err = crate::vocab::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "country" | "countries" => Ok(TagKind::Country),
            "topic" | "topics" => Ok(TagKind::Topic),
            "event" | "events" => Ok(TagKind::Event),
            _ => Err(crate::vocab::Error::UnknownTagKind(s.to_owned())),
        }
    }
}

/// A tag as the archive knows it. For countries `value` is the ISO 3166-1 alpha-2 code and
/// `name` the English name; for topics and events `value` is what the user typed first (its
/// case is kept) and tags are unique case-insensitively.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tag {
    pub kind: TagKind,
    pub value: String,
    /// The name to show: the English country name, or the value itself.
    pub name: String,
    /// When the event took place, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Its names in other languages, by language code ("ru" -> "Средний коридор"), as the
    /// office named it: shown in a window or a document in that language, and found by
    /// `topic:` in any of them.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub names: std::collections::BTreeMap<String, String>,
}

impl Tag {
    /// The key that makes a tag unique: kind plus case-folded value.
    pub fn key(&self) -> String {
        tag_key(self.kind, &self.value)
    }

    /// How a tag is shown: a country with its code ("BE Belgium"), others by name.
    pub fn label(&self) -> String {
        match self.kind {
            TagKind::Country => format!("{} {}", self.value, self.name),
            TagKind::Topic | TagKind::Event => self.name.clone(),
        }
    }
}

pub(crate) fn tag_key(kind: TagKind, value: &str) -> String {
    format!("{}:{}", kind.as_str(), value.trim().to_lowercase())
}

/// A tag with how many clippings carry it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TagCount {
    #[serde(flatten)]
    pub tag: Tag,
    pub n_clippings: usize,
}

/// A clipping record. `Default` gives an empty article with id 0, for filling in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Clipping {
    pub id: ClippingId,
    pub kind: Kind,
    pub title: String,
    /// The outlet: a newspaper, an agency, a site.
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub author: String,
    /// When the article appeared; for photos, the day it was taken.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    pub imported_at: DateTime<Utc>,
    /// The file name the original had when it was imported.
    pub original_name: String,
    /// BLAKE3 of the original's bytes, hex.
    pub hash: String,
    pub byte_size: u64,
    /// The original's format, lowercase: "jpeg", "png", "txt" ...
    pub format: String,
    /// The article's text, without its title.
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub caption: String,
    /// Who the picture is credited to (agency, photographer), as it is printed under it.
    #[serde(default)]
    pub credit: String,
    /// The copyright notice, which is not the credit: "© 2003 Marco Villanti".
    #[serde(default)]
    pub copyright: String,
    /// A photo's keywords as its file gives them (IPTC and XMP together), every distinct
    /// spelling once; the tags made of them fold case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub width_px: Option<u32>,
    #[serde(default)]
    pub height_px: Option<u32>,
    /// EXIF orientation (1-8) of the original; the thumbnail already has it applied.
    #[serde(default)]
    pub orientation: Option<u16>,
    /// EXIF capture time, local to the camera.
    #[serde(default)]
    pub captured_at: Option<NaiveDateTime>,
    #[serde(default)]
    pub camera: String,
    #[serde(default)]
    pub gps: Option<GpsPosition>,
    #[serde(default)]
    pub notes: String,
    /// Where the article was published online (a saved page's canonical URL).
    #[serde(default)]
    pub url: String,
    /// The text's language as a BCP 47 tag ("en", "ru"), when known.
    #[serde(default)]
    pub language: String,
    /// The site's furniture that came with a pasted article (registration notices, copyright
    /// lines, menu words, article numbers), kept apart from the body.
    #[serde(default)]
    pub boilerplate: String,
    /// Whether `thumbnails/` holds a picture for it: every photo; an article whose saved page
    /// had a local lead image.
    #[serde(default)]
    pub has_thumbnail: bool,
    /// Set when the clipping was moved to the trash; it is hidden from lists until restored.
    #[serde(default)]
    pub trashed_at: Option<DateTime<Utc>>,
    /// A team archive's count of the record's changes: an edit made from an older one is
    /// refused ([`crate::vocab::Error::Stale`]), never lost silently. 0 where none is kept
    /// (a desktop archive, which one process at a time changes).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub version: u64,
    /// A PDF locked by a password: kept as its file, with what could be read without it (its
    /// name, its first page where that is not locked too); its text cannot be searched.
    #[serde(default, skip_serializing_if = "is_false")]
    pub locked: bool,
    /// What reading its picture as text (OCR) found, once it was read: a scan or a photo of
    /// a printed page became an article; a picture stayed as it was. `None`: not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<OcrRead>,
    /// A PDF's pages (0-based) with next to no text where others have some: scanned pages in
    /// a document, whose text is read (OCR) into their place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages_without_text: Vec<u32>,
    /// Why the page at its `url` could not be fetched (an alert's article kept from what the
    /// alert said of it); `None` for everything fetched or read from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_fetched: Option<String>,
    /// New and not looked at yet: an import puts it in the inbox, and someone marking it done
    /// takes it out. Until then its missing tags teach nothing (see `suggest::learned`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub inbox: bool,
}

/// The outcome of reading a clipping's picture as text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OcrRead {
    /// Whether printed text was found (then the clipping is an article with that text).
    pub text: bool,
    /// The languages it was read in, as tesseract names them ("rus+kaz").
    #[serde(default)]
    pub languages: String,
    /// The mean confidence of its words, 0–100.
    #[serde(default)]
    pub confidence: f32,
    #[serde(default)]
    pub pages: u32,
    /// The title the reading gave it (its headline), so a later reading may give another; a
    /// title a person wrote stays.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The words read on its picture (the first page), where each stands on it: the detail
    /// pane marks those a search found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<OcrWord>,
}

/// A word read on a picture, and its box as ten-thousandths of the picture's width and
/// height: left, top, right, bottom (whatever size the picture is shown at).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OcrWord {
    #[serde(rename = "t")]
    pub text: String,
    #[serde(rename = "b")]
    pub bounds: [u16; 4],
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GpsPosition {
    pub latitude_deg: f64,
    pub longitude_deg: f64,
}

impl Clipping {
    /// The date a person would sort by: when it was published or taken, else when imported.
    /// The date to show beside a clipping: when it was published or taken, or, when neither is
    /// known, the import day marked as such ("imported 2026-11-28"), never passed off as the
    /// clipping's own date.
    pub fn date_label(&self) -> String {
        match self.published.or_else(|| self.captured_at.map(|t| t.date())) {
            Some(date) => date.to_string(),
            None => format!("imported {}", self.imported_at.date_naive()),
        }
    }

    pub fn date(&self) -> NaiveDate {
        self.published.or_else(|| self.captured_at.map(|t| t.date())).unwrap_or_else(|| self.imported_at.date_naive())
    }

    /// A scanned page: a PDF with no text, or a picture whose text was read (OCR), kept for
    /// its picture, which is shown as a photo's is.
    pub fn is_scan(&self) -> bool {
        self.kind == Kind::Article
            && self.has_thumbnail
            && (self.ocr.as_ref().is_some_and(|o| o.text) || (self.format == "pdf" && self.body.trim().is_empty()))
    }

    /// Whether its picture may hold text not read yet: a photo, a PDF with pictures and no
    /// text, or one with some pages of no text, never read as text.
    pub fn awaits_ocr(&self) -> bool {
        self.ocr.is_none()
            && self.trashed_at.is_none()
            && !self.locked
            && (self.kind == Kind::Photo
                || (self.format == "pdf"
                    && ((self.has_thumbnail && self.body.trim().is_empty()) || !self.pages_without_text.is_empty())))
    }
}

/// A clipping with its tags, for display and for `--json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClippingWithTags {
    #[serde(flatten)]
    pub clipping: Clipping,
    pub tags: Vec<Tag>,
}

impl ClippingWithTags {
    pub fn tags_of(&self, kind: TagKind) -> impl Iterator<Item = &Tag> {
        self.tags.iter().filter(move |t| t.kind == kind)
    }

    /// The tags of a kind as one comma-separated string of names (codes for countries).
    pub fn tag_list(&self, kind: TagKind) -> String {
        let names: Vec<&str> = self
            .tags_of(kind)
            .map(|t| if kind == TagKind::Country { t.value.as_str() } else { t.name.as_str() })
            .collect();
        names.join(", ")
    }
}

/// A tag the text suggests, with how strongly and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub tag: Tag,
    pub score: f32,
    /// The words that led to it, as they are written in the text.
    pub evidence: Vec<String>,
    /// Why, in a few words, where it says more than the words: "in the headline", "dateline",
    /// "mentioned once" (a weaker suggestion), "mentioned 4 times".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// It rests on a passing mention: offered more quietly, and never accepted for the user.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub weak: bool,
}

impl Suggestion {
    /// A suggestion with no note.
    pub fn new(tag: Tag, score: f32, evidence: Vec<String>) -> Suggestion {
        Suggestion { tag, score, evidence, note: String::new(), weak: false }
    }

    pub fn is_weak(&self) -> bool {
        self.weak
    }
}

/// A suggestion as the archive keeps it: open until accepted (then it is a tag and leaves
/// the list) or dismissed (then it stays, marked, so that a new run does not offer it again).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredSuggestion {
    #[serde(flatten)]
    pub suggestion: Suggestion,
    #[serde(default)]
    pub dismissed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clipping_without_its_own_date_shows_the_import_day_as_such() {
        let imported_at = DateTime::parse_from_rfc3339("2026-11-28T10:00:00Z").unwrap().with_timezone(&Utc);
        let mut c = Clipping { imported_at, ..Clipping::default() };
        assert_eq!(c.date_label(), "imported 2026-11-28");
        c.captured_at = NaiveDate::from_ymd_opt(2011, 12, 7).and_then(|d| d.and_hms_opt(9, 0, 0));
        assert_eq!(c.date_label(), "2011-12-07");
        c.published = NaiveDate::from_ymd_opt(2024, 2, 3);
        assert_eq!(c.date_label(), "2024-02-03");
    }
}
