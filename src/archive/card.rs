//! What the browser keeps of a clipping: a card. A million of them stay in memory while the
//! window is open, so a card holds what a grid, a list, a sort and a snippet read, and no more:
//! its text fields in one allocation, without the body (the cards on screen have their lead read
//! when they are drawn). About 300 bytes where the record holds 1.3 KB and more.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::vocab::model::{Clipping, ClippingId, Kind};

/// How long a field a card keeps, in bytes: twelve of them stay within the 16-bit offsets. Only
/// a field of thousands of letters is cut.
const MAX_FIELD_BYTES: usize = 4096;

/// The text fields, in the order they are kept.
#[derive(Clone, Copy)]
enum Field {
    Title,
    Source,
    Author,
    OriginalName,
    Format,
    Language,
    Url,
    Hash,
    Caption,
    Credit,
    Copyright,
    Notes,
}

const N_FIELDS: usize = 12;

const HAS_THUMBNAIL: u8 = 1;
const INBOX: u8 = 2;
const LOCKED: u8 = 4;
const SCAN: u8 = 8;
const AWAITS_OCR: u8 = 16;
const READ_BY_OCR: u8 = 32;

/// A clipping as the browser shows it (see the module's note).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: ClippingId,
    pub kind: Kind,
    pub published: Option<NaiveDate>,
    /// The times, to the microsecond since 1970 ([`NONE`] for none): 8 bytes each where chrono
    /// takes 12, which keeps an entry within its allocator's size class (see the test
    /// `an_entry_stays_within_its_size_class`). Written as the record writes them.
    #[serde(rename = "captured_at", with = "micros::naive")]
    captured: i64,
    #[serde(rename = "imported_at", with = "micros::utc")]
    imported: i64,
    #[serde(rename = "trashed_at", with = "micros::utc_or_none")]
    trashed: i64,
    pub byte_size: u64,
    pub version: u64,
    flags: u8,
    /// The kinds of tag the clipping has open suggestions of, one bit each: the catalog's to
    /// say ([`crate::archive::catalog::Entry`]); a card made from a record has none.
    #[serde(skip)]
    pub(crate) suggested: u8,
    /// The text fields one after another; `ends` says where each ends. Of the content hash,
    /// only a picture's is kept (see [`Card::picture_hash`]).
    text: Box<str>,
    ends: [u16; N_FIELDS],
}

/// A card's time that is not there.
const NONE: i64 = i64::MIN;

/// The card's times in JSON as chrono writes them, in memory as microseconds since 1970
/// (chrono's whole range fits: ±262,000 years against i64's ±292,000).
mod micros {
    use chrono::{DateTime, NaiveDateTime, Utc};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub(super) fn of_utc(t: DateTime<Utc>) -> i64 {
        t.timestamp_micros()
    }

    pub(super) fn to_utc(m: i64) -> Option<DateTime<Utc>> {
        (m != super::NONE).then(|| DateTime::from_timestamp_micros(m)).flatten()
    }

    pub(super) fn of_naive(t: Option<NaiveDateTime>) -> i64 {
        t.map_or(super::NONE, |t| t.and_utc().timestamp_micros())
    }

    pub(super) fn to_naive(m: i64) -> Option<NaiveDateTime> {
        to_utc(m).map(|t| t.naive_utc())
    }

    pub(super) mod naive {
        use super::*;

        pub(in super::super) fn serialize<S: Serializer>(m: &i64, s: S) -> Result<S::Ok, S::Error> {
            to_naive(*m).serialize(s)
        }

        pub(in super::super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
            Option::<NaiveDateTime>::deserialize(d).map(of_naive)
        }
    }

    pub(super) mod utc {
        use super::*;

        pub(in super::super) fn serialize<S: Serializer>(m: &i64, s: S) -> Result<S::Ok, S::Error> {
            to_utc(*m).unwrap_or_default().serialize(s)
        }

        pub(in super::super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
            DateTime::<Utc>::deserialize(d).map(of_utc)
        }
    }

    pub(super) mod utc_or_none {
        use super::*;

        pub(in super::super) fn serialize<S: Serializer>(m: &i64, s: S) -> Result<S::Ok, S::Error> {
            to_utc(*m).serialize(s)
        }

        pub(in super::super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
            Option::<DateTime<Utc>>::deserialize(d).map(|t| t.map_or(super::super::NONE, of_utc))
        }
    }
}

impl Card {
    pub fn of(c: &Clipping) -> Card {
        let mut fields: [&str; N_FIELDS] = [
            &c.title,
            &c.source,
            &c.author,
            &c.original_name,
            &c.format,
            &c.language,
            &c.url,
            &c.hash,
            &c.caption,
            &c.credit,
            &c.copyright,
            &c.notes,
        ];
        // A picture's hash names its thumbnail, which the grid draws; what else needs a hash
        // (its original) reads the record. Kept for all, it made each of a million entries
        // an allocation of 160 bytes, not 128.
        if !(c.kind == Kind::Photo || c.has_thumbnail) {
            fields[Field::Hash as usize] = "";
        }
        let mut text = String::with_capacity(fields.iter().map(|f| f.len()).sum());
        let mut ends = [0u16; N_FIELDS];
        for (end, field) in ends.iter_mut().zip(fields) {
            let mut cut = field.len().min(MAX_FIELD_BYTES);
            while !field.is_char_boundary(cut) {
                cut -= 1;
            }
            text.push_str(&field[..cut]);
            *end = u16::try_from(text.len()).unwrap_or(u16::MAX);
        }
        let flag = |on: bool, bit: u8| if on { bit } else { 0 };
        Card {
            id: c.id,
            kind: c.kind,
            published: c.published,
            captured: micros::of_naive(c.captured_at),
            imported: micros::of_utc(c.imported_at),
            trashed: c.trashed_at.map_or(NONE, micros::of_utc),
            byte_size: c.byte_size,
            version: c.version,
            suggested: 0,
            flags: flag(c.has_thumbnail, HAS_THUMBNAIL)
                | flag(c.inbox, INBOX)
                | flag(c.locked, LOCKED)
                | flag(c.is_scan(), SCAN)
                | flag(c.awaits_ocr(), AWAITS_OCR)
                | flag(c.ocr.as_ref().is_some_and(|o| o.text), READ_BY_OCR),
            text: text.into_boxed_str(),
            ends,
        }
    }

    /// When the photo was taken, as its camera said (to the microsecond).
    pub fn captured_at(&self) -> Option<NaiveDateTime> {
        micros::to_naive(self.captured)
    }

    /// When it came into the archive (to the microsecond).
    pub fn imported_at(&self) -> DateTime<Utc> {
        micros::to_utc(self.imported).unwrap_or_default()
    }

    /// When it went to the trash, if it is there.
    pub fn trashed_at(&self) -> Option<DateTime<Utc>> {
        micros::to_utc(self.trashed)
    }

    pub fn is_trashed(&self) -> bool {
        self.trashed != NONE
    }

    fn field(&self, field: Field) -> &str {
        let i = field as usize;
        let start = if i == 0 { 0 } else { self.ends.get(i - 1).copied().unwrap_or(0) };
        let end = self.ends.get(i).copied().unwrap_or(0);
        self.text.get(usize::from(start)..usize::from(end)).unwrap_or_default()
    }

    pub fn title(&self) -> &str {
        self.field(Field::Title)
    }

    /// The outlet.
    pub fn source(&self) -> &str {
        self.field(Field::Source)
    }

    pub fn author(&self) -> &str {
        self.field(Field::Author)
    }

    pub fn original_name(&self) -> &str {
        self.field(Field::OriginalName)
    }

    pub fn format(&self) -> &str {
        self.field(Field::Format)
    }

    /// The stored language, as [`Clipping::language`].
    pub fn language(&self) -> &str {
        self.field(Field::Language)
    }

    pub fn url(&self) -> &str {
        self.field(Field::Url)
    }

    /// The content hash of a photo or an article with its picture (a scan, a page with its lead
    /// photo), which names its thumbnail; empty for other clippings (their record has it).
    pub fn picture_hash(&self) -> &str {
        self.field(Field::Hash)
    }

    pub fn caption(&self) -> &str {
        self.field(Field::Caption)
    }

    pub fn credit(&self) -> &str {
        self.field(Field::Credit)
    }

    pub fn copyright(&self) -> &str {
        self.field(Field::Copyright)
    }

    pub fn notes(&self) -> &str {
        self.field(Field::Notes)
    }

    pub fn has_thumbnail(&self) -> bool {
        self.flags & HAS_THUMBNAIL != 0
    }

    pub fn inbox(&self) -> bool {
        self.flags & INBOX != 0
    }

    pub fn locked(&self) -> bool {
        self.flags & LOCKED != 0
    }

    /// As [`Clipping::is_scan`].
    pub fn is_scan(&self) -> bool {
        self.flags & SCAN != 0
    }

    /// As [`Clipping::awaits_ocr`].
    pub fn awaits_ocr(&self) -> bool {
        self.flags & AWAITS_OCR != 0
    }

    /// Whether reading its picture (OCR) found printed text.
    pub fn read_by_ocr(&self) -> bool {
        self.flags & READ_BY_OCR != 0
    }

    /// A record with what the card knows of it, without its text, and without its hash unless
    /// it is a picture's: what a pane shows until the record itself is read.
    pub fn sketch(&self) -> Clipping {
        let mut clipping = Clipping {
            id: self.id,
            kind: self.kind,
            imported_at: self.imported_at(),
            original_name: self.original_name().to_owned(),
            hash: self.picture_hash().to_owned(),
            byte_size: self.byte_size,
            format: self.format().to_owned(),
            captured_at: self.captured_at(),
            url: self.url().to_owned(),
            language: self.language().to_owned(),
            has_thumbnail: self.has_thumbnail(),
            locked: self.locked(),
            ..Clipping::default()
        };
        self.edited_into(&mut clipping);
        clipping
    }

    /// Puts into a record what may have been edited since it was read, as the card has it:
    /// the fields a person edits, the inbox, the trash and the version.
    pub fn edited_into(&self, clipping: &mut Clipping) {
        clipping.title = self.title().to_owned();
        clipping.source = self.source().to_owned();
        clipping.author = self.author().to_owned();
        clipping.caption = self.caption().to_owned();
        clipping.credit = self.credit().to_owned();
        clipping.copyright = self.copyright().to_owned();
        clipping.notes = self.notes().to_owned();
        clipping.published = self.published;
        clipping.inbox = self.inbox();
        clipping.trashed_at = self.trashed_at();
        clipping.version = self.version;
    }

    /// As [`Clipping::date`].
    pub fn date(&self) -> NaiveDate {
        self.published
            .or_else(|| self.captured_at().map(|t| t.date()))
            .unwrap_or_else(|| self.imported_at().date_naive())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_keeps_each_field_and_what_the_record_says_of_itself() {
        let clipping = Clipping {
            id: ClippingId(7),
            kind: Kind::Article,
            title: "Переговоры в Брюсселе".into(),
            source: "DKNews.kz".into(),
            author: "А. Касымова".into(),
            original_name: "talks.txt".into(),
            format: "txt".into(),
            language: "ru".into(),
            url: "https://dknews.kz/talks".into(),
            hash: "ab".repeat(32),
            caption: "п".repeat(500),
            copyright: "© 2024 DKNews".into(),
            notes: "for the minister".into(),
            body: "The whole text, which a card does not keep.".into(),
            published: NaiveDate::from_ymd_opt(2024, 3, 12),
            inbox: true,
            ..Clipping::default()
        };
        let card = Card::of(&clipping);
        assert_eq!(card.title(), "Переговоры в Брюсселе");
        assert_eq!(card.source(), "DKNews.kz");
        assert_eq!(card.author(), "А. Касымова");
        assert_eq!(card.original_name(), "talks.txt");
        assert_eq!(card.format(), "txt");
        assert_eq!(card.language(), "ru");
        assert_eq!(card.url(), "https://dknews.kz/talks");
        assert_eq!(card.picture_hash(), "", "an article without its picture keeps no hash");
        assert_eq!(card.caption(), "п".repeat(500));
        assert_eq!(card.credit(), "");
        assert_eq!(card.copyright(), "© 2024 DKNews");
        assert_eq!(card.notes(), "for the minister");
        assert!(card.inbox() && !card.locked() && !card.has_thumbnail() && !card.is_scan());
        assert_eq!(card.date(), clipping.date());
        assert!(!card.text.contains("whole text"), "the body stays in the record");
        let sketch = card.sketch();
        assert_eq!(
            (sketch.title.as_str(), sketch.notes.as_str(), sketch.body.as_str()),
            (clipping.title.as_str(), "for the minister", "")
        );
        assert_eq!(Card::of(&sketch), card, "a sketch keeps all the card knows");
        let mut read_before = Clipping { title: "Old title".into(), body: "Its text.".into(), ..clipping.clone() };
        card.edited_into(&mut read_before);
        assert_eq!((read_before.title.as_str(), read_before.body.as_str()), (clipping.title.as_str(), "Its text."));
        let json = serde_json::to_string(&card).unwrap();
        assert_eq!(serde_json::from_str::<Card>(&json).unwrap(), card);
        assert!(!json.contains("abab"), "{json}");
    }

    /// An entry of the catalog is one of a million: 112 bytes, 128 with its `Arc`, which is an
    /// allocator's size class (the next is 160).
    #[test]
    fn an_entry_stays_within_its_size_class() {
        assert!(std::mem::size_of::<Card>() <= 96, "{}", std::mem::size_of::<Card>());
        assert!(std::mem::size_of::<crate::archive::catalog::Entry>() <= 112);
    }

    /// The times are kept to the microsecond, the trash's none as none, and written as chrono
    /// writes them, so that a catalog file written before reads the same.
    #[test]
    fn the_times_are_kept_to_the_microsecond_and_written_as_before() {
        let taken = NaiveDate::from_ymd_opt(1888, 2, 29).and_then(|d| d.and_hms_micro_opt(23, 59, 58, 123_456));
        let imported = DateTime::from_timestamp(1_733_000_000, 987_654_321).unwrap();
        let trashed = DateTime::from_timestamp(1_733_100_000, 0).unwrap();
        for trashed_at in [None, Some(trashed)] {
            let clipping = Clipping { captured_at: taken, imported_at: imported, trashed_at, ..Clipping::default() };
            let card = Card::of(&clipping);
            assert_eq!((card.captured_at(), card.trashed_at()), (taken, trashed_at));
            assert_eq!(card.is_trashed(), trashed_at.is_some());
            assert_eq!(card.imported_at(), DateTime::from_timestamp(1_733_000_000, 987_654_000).unwrap());
            let json = serde_json::to_string(&card).unwrap();
            assert!(json.contains(r#""captured_at":"1888-02-29T23:59:58.123456""#), "{json}");
            assert!(json.contains(r#""imported_at":"2024-11-30T20:53:20.987654Z""#), "{json}");
            assert_eq!(serde_json::from_str::<Card>(&json).unwrap(), card);
        }
        // A card as the catalog file had it, with chrono's own fields.
        let before = r#"{"id":3,"kind":"photo","published":null,"captured_at":null,
            "imported_at":"2024-11-30T20:53:20.987654321Z","trashed_at":"2024-12-02T00:40:00Z","byte_size":10,
            "version":2,"flags":0,"hash":null,"text":"Talks","ends":[5,5,5,5,5,5,5,5,5,5,5,5]}"#;
        let card: Card = serde_json::from_str(before).unwrap();
        assert_eq!((card.title(), card.captured_at(), card.trashed_at()), ("Talks", None, Some(trashed)));
        assert_eq!(card.imported_at().timestamp_subsec_micros(), 987_654);
    }

    /// A photo, and an article with its picture (a scan, a page with its lead photo), keep
    /// their hash as it came, for the thumbnail it names, and write and read it back the same;
    /// other clippings keep none.
    #[test]
    fn a_picture_keeps_its_hash_as_it_came_and_other_clippings_none() {
        let pictures = [
            Clipping { kind: Kind::Photo, ..Clipping::default() },
            Clipping { has_thumbnail: true, format: "pdf".into(), ..Clipping::default() },
        ];
        assert!(pictures[1].is_scan());
        for picture in pictures {
            for hash in ["ab".repeat(32), "AB".repeat(32), "not a hash".to_owned(), String::new()] {
                let card = Card::of(&Clipping { hash: hash.clone(), title: "Talks".into(), ..picture.clone() });
                assert_eq!((card.picture_hash(), card.title()), (hash.as_str(), "Talks"));
                let json = serde_json::to_string(&card).unwrap();
                let read = serde_json::from_str::<Card>(&json).unwrap();
                assert_eq!((read.picture_hash(), read.sketch().hash), (hash.as_str(), hash.clone()));
            }
        }
        let article = Card::of(&Clipping { hash: "ab".repeat(32), title: "Talks".into(), ..Clipping::default() });
        assert_eq!((article.picture_hash(), article.sketch().hash.as_str(), article.title()), ("", "", "Talks"));
    }

    #[test]
    fn a_title_of_thousands_of_letters_is_cut_at_a_letter_and_the_rest_stay_whole() {
        let clipping = Clipping {
            kind: Kind::Photo,
            title: "ж".repeat(40_000),
            source: "Le Soir".into(),
            hash: "cd".repeat(32),
            ..Clipping::default()
        };
        let card = Card::of(&clipping);
        assert!(card.title().len() <= MAX_FIELD_BYTES && card.title().len() > MAX_FIELD_BYTES - 2);
        assert!(card.title().chars().all(|c| c == 'ж'));
        assert_eq!(card.source(), "Le Soir");
        assert_eq!(card.picture_hash(), "cd".repeat(32));
    }
}
