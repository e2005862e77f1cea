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
    pub captured_at: Option<NaiveDateTime>,
    pub imported_at: DateTime<Utc>,
    pub trashed_at: Option<DateTime<Utc>>,
    pub byte_size: u64,
    pub version: u64,
    flags: u8,
    /// The content hash as its 32 bytes, where it is a BLAKE3 hash in lowercase hex (every
    /// clipping's): in the text it took 64 bytes of each card, some 32 MB of a million's
    /// memory once the card's own size is counted. Any other hash stays in the text.
    #[serde(with = "hex_hash")]
    hash: Option<[u8; 32]>,
    /// The text fields one after another; `ends` says where each ends.
    text: Box<str>,
    ends: [u16; N_FIELDS],
}

/// A hash as its bytes, where it is one in lowercase hex that reads back the same.
fn hash_bytes(hex: &str) -> Option<[u8; 32]> {
    let bytes = *blake3::Hash::from_hex(hex).ok()?.as_bytes();
    (blake3::Hash::from_bytes(bytes).to_hex().as_str() == hex).then_some(bytes)
}

/// The catalog file keeps a card's hash in hex, as the record does.
mod hex_hash {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub(super) fn serialize<S: Serializer>(hash: &Option<[u8; 32]>, s: S) -> Result<S::Ok, S::Error> {
        hash.map(|b| blake3::Hash::from_bytes(b).to_hex()).as_ref().map(|h| h.as_str()).serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[u8; 32]>, D::Error> {
        let hex: Option<std::borrow::Cow<'de, str>> = Option::deserialize(d)?;
        hex.map(|h| super::hash_bytes(&h).ok_or_else(|| serde::de::Error::custom("not a hash in hex"))).transpose()
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
        let hash = hash_bytes(&c.hash);
        if hash.is_some() {
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
            captured_at: c.captured_at,
            imported_at: c.imported_at,
            trashed_at: c.trashed_at,
            byte_size: c.byte_size,
            version: c.version,
            flags: flag(c.has_thumbnail, HAS_THUMBNAIL)
                | flag(c.inbox, INBOX)
                | flag(c.locked, LOCKED)
                | flag(c.is_scan(), SCAN)
                | flag(c.awaits_ocr(), AWAITS_OCR)
                | flag(c.ocr.as_ref().is_some_and(|o| o.text), READ_BY_OCR),
            hash,
            text: text.into_boxed_str(),
            ends,
        }
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

    /// The content hash, in hex as the record has it.
    pub fn hash(&self) -> std::borrow::Cow<'_, str> {
        match self.hash {
            Some(bytes) => blake3::Hash::from_bytes(bytes).to_hex().to_string().into(),
            None => self.field(Field::Hash).into(),
        }
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

    /// A record with what the card knows of it and no text: what a pane shows until the
    /// record itself is read.
    pub fn sketch(&self) -> Clipping {
        let mut clipping = Clipping {
            id: self.id,
            kind: self.kind,
            imported_at: self.imported_at,
            original_name: self.original_name().to_owned(),
            hash: self.hash().into_owned(),
            byte_size: self.byte_size,
            format: self.format().to_owned(),
            captured_at: self.captured_at,
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
        clipping.trashed_at = self.trashed_at;
        clipping.version = self.version;
    }

    /// As [`Clipping::date`].
    pub fn date(&self) -> NaiveDate {
        self.published.or_else(|| self.captured_at.map(|t| t.date())).unwrap_or_else(|| self.imported_at.date_naive())
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
        assert_eq!(card.hash(), "ab".repeat(32));
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
        // The hash is kept as its bytes, and written in hex as the record has it.
        assert!(!card.text.contains("abab") && json.contains(&"ab".repeat(32)), "{json}");
    }

    /// A hash that is not a BLAKE3 hash in lowercase hex (made elsewhere, upper case) is kept
    /// as it came, in the text, and read and written back the same.
    #[test]
    fn a_hash_that_is_not_lowercase_hex_is_kept_as_it_came() {
        for hash in ["AB".repeat(32), "not a hash".to_owned(), String::new(), "ab".repeat(31)] {
            let card = Card::of(&Clipping { hash: hash.clone(), title: "Talks".into(), ..Clipping::default() });
            assert_eq!(card.hash(), hash);
            assert_eq!(card.title(), "Talks");
            let json = serde_json::to_string(&card).unwrap();
            let read = serde_json::from_str::<Card>(&json).unwrap();
            assert_eq!((read.hash(), read.sketch().hash), (hash.clone().into(), hash));
        }
    }

    #[test]
    fn a_title_of_thousands_of_letters_is_cut_at_a_letter_and_the_rest_stay_whole() {
        let clipping = Clipping {
            title: "ж".repeat(40_000),
            source: "Le Soir".into(),
            hash: "cd".repeat(32),
            ..Clipping::default()
        };
        let card = Card::of(&clipping);
        assert!(card.title().len() <= MAX_FIELD_BYTES && card.title().len() > MAX_FIELD_BYTES - 2);
        assert!(card.title().chars().all(|c| c == 'ж'));
        assert_eq!(card.source(), "Le Soir");
        assert_eq!(card.hash(), "cd".repeat(32));
    }
}
