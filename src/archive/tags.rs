//! Turning what a person types into a tag: country names in any of our languages become the
//! ISO code; topics and events are free text, trimmed, unique case-insensitively.

use chrono::NaiveDate;

use crate::archive::countries;
use crate::archive::error::{Error, Result};
use crate::archive::model::{Tag, TagKind};

/// Makes the tag that `value` names. Countries must be known to the ISO table.
pub fn resolve(kind: TagKind, value: &str) -> Result<Tag> {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        return Err(Error::EmptyTag);
    }
    match kind {
        TagKind::Country => {
            let country = countries::lookup(&value).ok_or(Error::UnknownCountry(value))?;
            Ok(country_tag(country))
        }
        TagKind::Topic | TagKind::Event => Ok(Tag { kind, name: value.clone(), value, date: None }),
    }
}

pub(crate) fn country_tag(country: &countries::Country) -> Tag {
    Tag { kind: TagKind::Country, value: country.code.to_owned(), name: country.english.to_owned(), date: None }
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
}
