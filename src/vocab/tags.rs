//! Turning what a person types into a tag: country names in any of our languages become the
//! ISO code; a shipped topic by any of its names is that topic; other topics and events are
//! free text, trimmed, unique case-insensitively.

use chrono::NaiveDate;

use crate::vocab::error::{Error, Result};
use crate::vocab::model::{Tag, TagKind};
use crate::vocab::{countries, topic_names};

/// The longest topic or event name we keep, in characters.
pub const MAX_TAG_CHARS: usize = 200;

/// Makes the tag that `value` names. Countries must be known to the ISO table. Topics and
/// events must hold a letter or a digit: a value of only dots, slashes or marks (`..`, `/`)
/// names nothing a person would file under, and is refused here, at the door, for every way a
/// tag comes in (typed, `tag add`, rename, a photo's keywords).
pub fn resolve(kind: TagKind, value: &str) -> Result<Tag> {
    let value = value.chars().map(|c| if c.is_control() { ' ' } else { c }).collect::<String>();
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        return Err(Error::EmptyTag);
    }
    if !value.chars().any(char::is_alphanumeric) {
        return Err(Error::MeaninglessTag(value));
    }
    let value = if value.chars().count() > MAX_TAG_CHARS { value.chars().take(MAX_TAG_CHARS).collect() } else { value };
    match kind {
        TagKind::Country => {
            let country = countries::lookup(&value).ok_or(Error::UnknownCountry(value))?;
            Ok(country_tag(country))
        }
        // A shipped topic by any of its names, in any of the window's languages, is that topic.
        TagKind::Topic if let Some(topic) = topic_names::topic_named(&value) => {
            Ok(Tag { kind, name: topic.to_owned(), value: topic.to_owned(), date: None, names: Default::default() })
        }
        TagKind::Topic | TagKind::Event => {
            Ok(Tag { kind, name: value.clone(), value, date: None, names: Default::default() })
        }
    }
}

pub(crate) fn country_tag(country: &countries::Country) -> Tag {
    Tag {
        kind: TagKind::Country,
        value: country.code.to_owned(),
        name: country.english.to_owned(),
        date: None,
        names: Default::default(),
    }
}

/// An event tag that carries the day the event took place.
pub fn event_with_date(name: &str, date: NaiveDate) -> Result<Tag> {
    let mut tag = resolve(TagKind::Event, name)?;
    tag.date = Some(date);
    Ok(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_names_resolve_to_one_tag() {
        let be = resolve(TagKind::Country, "BE").unwrap();
        for name in ["Belgium", "be", "Бельгия", " belgium "] {
            assert_eq!(resolve(TagKind::Country, name).unwrap(), be, "{name}");
        }
        assert_eq!(be.name, "Belgium");
        assert!(matches!(resolve(TagKind::Country, "Narnia"), Err(Error::UnknownCountry(_))));
    }

    #[test]
    fn topics_keep_case_but_share_a_key() {
        let a = resolve(TagKind::Topic, "Green  Energy").unwrap();
        let b = resolve(TagKind::Topic, "green energy").unwrap();
        assert_eq!(a.value, "Green Energy");
        assert_eq!(a.key(), b.key());
        assert!(matches!(resolve(TagKind::Event, "   "), Err(Error::EmptyTag)));
    }

    #[test]
    fn values_that_name_nothing_are_refused() {
        for value in ["..", "../..", "/", "/..", ".", "\\", " . / . ", "\u{202E}..", "—", "\t..\n"] {
            for kind in [TagKind::Topic, TagKind::Event] {
                assert!(matches!(resolve(kind, value), Err(Error::MeaninglessTag(_))), "{kind:?} {value:?}");
            }
        }
        // Punctuation inside a real name is kept as typed; export makes its own safe folder names.
        assert_eq!(resolve(TagKind::Topic, "Oil/Gas").unwrap().value, "Oil/Gas");
        assert_eq!(resolve(TagKind::Topic, "line\nbreak").unwrap().value, "line break");
        assert_eq!(resolve(TagKind::Topic, "C++").unwrap().value, "C++");
        assert_eq!(resolve(TagKind::Event, &"x".repeat(500)).unwrap().value.len(), MAX_TAG_CHARS);
    }
}
