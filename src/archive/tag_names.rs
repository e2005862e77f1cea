//! A topic's or event's names in other languages, as the office gives them ("Middle
//! Corridor" is «Средний коридор» in Russian): kept in the tag's own record (`Tag::names`),
//! shown in a window or a document of that language (`i18n::tag_name`), and read in queries,
//! so that `topic:"Средний коридор"` finds what is tagged Middle Corridor.

use std::sync::{Arc, PoisonError};

use crate::archive::Archive;
use crate::search::query::Query;
use crate::vocab::model::{Tag, TagKind};
use crate::vocab::{Error, Result};

impl Archive {
    /// Names a tag in a language (an empty `name` takes that name away); returns the name it
    /// had there, for the undo.
    pub fn name_tag(&self, tag: &Tag, language: &str, name: &str) -> Result<Option<String>> {
        let language = language.trim().to_lowercase();
        if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_lowercase()) {
            return Err(Error::BadLanguageCode(language));
        }
        let key = tag.key();
        let mut stored = self
            .store
            .tag(&key)?
            .ok_or_else(|| Error::NoSuchTag { kind: tag.kind.as_str(), value: tag.value.clone() })?;
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let before = if name.is_empty() { stored.names.remove(&language) } else { stored.names.insert(language, name) };
        // The record of the same key, written again with its names: the clippings keep it.
        self.store.merge_tags(&key, &stored)?;
        self.store.flush()?;
        self.forget_named_tags();
        Ok(before)
    }

    /// The topic or event the office named so, in any language.
    pub fn find_named_tag(&self, kind: TagKind, name: &str) -> Result<Option<Tag>> {
        Ok(named_so(&self.named_tags()?, kind, name).cloned())
    }

    /// The query with each tag typed by a name the office gave it, in any language, read as
    /// that tag.
    pub(crate) fn with_named_tags(&self, query: &Query) -> Result<Option<Query>> {
        if !query.has_tag_filters() {
            return Ok(None);
        }
        let named = self.named_tags()?;
        if named.is_empty() {
            return Ok(None);
        }
        let mut query = query.clone();
        query.map_tags(&|kind: TagKind, value: &str| named_so(&named, kind, value).map(|t| t.value.clone()));
        Ok(Some(query))
    }

    fn named_tags(&self) -> Result<Arc<Vec<Tag>>> {
        let mut cache = self.named_tags.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(named) = cache.as_ref() {
            return Ok(Arc::clone(named));
        }
        let named: Vec<Tag> = self.store.known_tags()?.into_iter().filter(|t| !t.names.is_empty()).collect();
        let named = Arc::new(named);
        *cache = Some(Arc::clone(&named));
        Ok(named)
    }

    /// Another desktop or an edit may have named or renamed a tag: read them again.
    pub(crate) fn forget_named_tags(&self) {
        *self.named_tags.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

/// The tag among `named` called `name` in some language.
fn named_so<'t>(named: &'t [Tag], kind: TagKind, name: &str) -> Option<&'t Tag> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    named.iter().find(|t| t.kind == kind && t.names.values().any(|n| n.to_lowercase() == name))
}
