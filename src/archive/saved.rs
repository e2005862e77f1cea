//! Saved searches: a query kept under a name, in the order the user gave them, with when each
//! was last looked at ("3 new since"). They live in the archive's database (a setting), so a
//! copied or backed-up archive keeps them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::search::query::Sort;
use crate::vocab::{Error, Result};

const SETTING_SAVED: &str = "saved-searches";

/// A search kept under a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSearch {
    pub name: String,
    /// The query as typed, filters included (`country:BE "middle corridor"`).
    pub query: String,
    #[serde(default)]
    pub sort: Sort,
    /// When it was last opened: clippings imported after it are new.
    pub seen_at: DateTime<Utc>,
}

/// Names are matched without regard to case or surrounding spaces.
fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl Archive {
    /// The saved searches, in their order.
    pub fn saved_searches(&self) -> Result<Vec<SavedSearch>> {
        Ok(self.store.setting(SETTING_SAVED)?.unwrap_or_default())
    }

    /// The saved search of this name.
    pub fn saved_search(&self, name: &str) -> Result<SavedSearch> {
        self.saved_searches()?
            .into_iter()
            .find(|s| same_name(&s.name, name))
            .ok_or_else(|| Error::NoSuchSavedSearch(name.trim().to_owned()))
    }

    /// Saves `query` under `name`: a search of that name gets the new query and keeps its
    /// place; a new one goes last. Either counts as looked at now.
    pub fn save_search(&self, name: &str, query: &str, sort: Sort) -> Result<SavedSearch> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::EmptySavedSearchName);
        }
        let mut saved =
            SavedSearch { name: name.to_owned(), query: query.trim().to_owned(), sort, seen_at: Utc::now() };
        let mut all = self.saved_searches()?;
        match all.iter_mut().find(|s| same_name(&s.name, name)) {
            // The same search, asked for anew: it keeps its name as first written.
            Some(existing) => {
                saved.name = existing.name.clone();
                *existing = saved.clone();
            }
            None => all.push(saved.clone()),
        }
        self.store.set_setting(SETTING_SAVED, &all)?;
        Ok(saved)
    }

    /// Forgets a saved search; returns what it was, so that it can be put back.
    pub fn remove_saved_search(&self, name: &str) -> Result<(usize, SavedSearch)> {
        let mut all = self.saved_searches()?;
        let i = all
            .iter()
            .position(|s| same_name(&s.name, name))
            .ok_or_else(|| Error::NoSuchSavedSearch(name.trim().to_owned()))?;
        let removed = all.remove(i);
        self.store.set_setting(SETTING_SAVED, &all)?;
        Ok((i, removed))
    }

    /// Puts a saved search back at position `at` (or last), as it was.
    pub fn restore_saved_search(&self, at: usize, saved: SavedSearch) -> Result<()> {
        let mut all = self.saved_searches()?;
        all.retain(|s| !same_name(&s.name, &saved.name));
        all.insert(at.min(all.len()), saved);
        self.store.set_setting(SETTING_SAVED, &all)
    }

    /// Renames a saved search; the new name must not be another's.
    pub fn rename_saved_search(&self, old: &str, new: &str) -> Result<()> {
        let new = new.trim();
        if new.is_empty() {
            return Err(Error::EmptySavedSearchName);
        }
        let mut all = self.saved_searches()?;
        if !same_name(old, new) && all.iter().any(|s| same_name(&s.name, new)) {
            return Err(Error::SavedSearchExists(new.to_owned()));
        }
        let saved = all
            .iter_mut()
            .find(|s| same_name(&s.name, old))
            .ok_or_else(|| Error::NoSuchSavedSearch(old.trim().to_owned()))?;
        new.clone_into(&mut saved.name);
        self.store.set_setting(SETTING_SAVED, &all)
    }

    /// Moves a saved search to position `to` (0 is first; past the end is last).
    pub fn move_saved_search(&self, name: &str, to: usize) -> Result<()> {
        let (_, saved) = self.remove_saved_search(name)?;
        self.restore_saved_search(to, saved)
    }

    /// Records that a saved search was looked at now: what was imported so far is no longer new.
    pub fn mark_saved_search_seen(&self, name: &str) -> Result<()> {
        let mut all = self.saved_searches()?;
        let saved = all
            .iter_mut()
            .find(|s| same_name(&s.name, name))
            .ok_or_else(|| Error::NoSuchSavedSearch(name.trim().to_owned()))?;
        saved.seen_at = Utc::now();
        self.store.set_setting(SETTING_SAVED, &all)
    }
}
