//! Changes to the archive as a person asks for them, each with the change that takes it back.
//! The window's worker and the command line both make their changes here
//! ([`Archive::apply`]); what a change did comes back as data ([`Done`]) that each words in
//! its own way: the window in its language, the command line in English.

use crate::archive::{Archive, SavedSearch};
use crate::search::query::Sort;
use crate::vocab::{Clipping, ClippingId, Result, Tag, TagKind};

/// A change to the archive, as the user asked for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Tag these clippings; those that have the tag already are left as they are.
    AddTag {
        tag: Tag,
        ids: Vec<ClippingId>,
    },
    /// Take a tag off these clippings.
    RemoveTag {
        tag: Tag,
        ids: Vec<ClippingId>,
    },
    /// Rename a topic or event (or a country's tag, to another country); a tag of the new name
    /// that exists takes in the clippings of this one.
    RenameTag {
        tag: Tag,
        new_value: String,
    },
    /// Name a topic or event in a language (an empty name takes that name away).
    NameTag {
        tag: Tag,
        language: String,
        name: String,
    },
    /// Save a clipping's edited fields.
    Update(Box<Clipping>),
    Trash(Vec<ClippingId>),
    Restore(Vec<ClippingId>),
    /// Take these clippings out of the inbox: they were looked at.
    MarkDone(Vec<ClippingId>),
    /// Put them back in the inbox (the undo of [`Edit::MarkDone`]).
    BackToInbox(Vec<ClippingId>),
    /// Delete what is in the trash for good.
    EmptyTrash,
    /// Accept suggested tags: of one kind (all with `None`), or just `only`.
    AcceptSuggestions {
        ids: Vec<ClippingId>,
        kind: Option<TagKind>,
        only: Option<Tag>,
    },
    DismissSuggestion {
        id: ClippingId,
        tag: Tag,
    },
    /// Read these clippings' text again for suggestions.
    Suggest(Vec<ClippingId>),
    /// Whether imports make the countries they suggest tags at once (an archive setting).
    AcceptCountriesOnImport(bool),
    /// Keep a query under a name (a saved search of that name gets the new query).
    SaveSearch {
        name: String,
        query: String,
        sort: Sort,
    },
    RemoveSavedSearch(String),
    /// Put a removed saved search back where it was (the undo of a removal).
    RestoreSavedSearch {
        at: usize,
        saved: SavedSearch,
    },
    RenameSavedSearch {
        old: String,
        new: String,
    },
    MoveSavedSearch {
        name: String,
        to: usize,
    },
    /// A saved search was opened: what it finds now is no longer new.
    SeenSavedSearch(String),
}

/// What an edit did, as data for the words that tell of it.
#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    /// `n` clippings got the tag (the others asked of had it already).
    TagAdded {
        tag: Tag,
        n: usize,
        n_had: usize,
    },
    TagRemoved {
        tag: Tag,
        n: usize,
    },
    /// The tag `from` is now `to` on `n` clippings.
    TagRenamed {
        from: Tag,
        to: Tag,
        n: usize,
    },
    /// The tag is called `name` in `language` now (none: its name there was taken away).
    TagNamed {
        tag: Tag,
        language: String,
        name: Option<String>,
    },
    Saved {
        title: String,
    },
    Trashed {
        n: usize,
    },
    Restored {
        n: usize,
    },
    /// `n` clippings left the inbox.
    MarkedDone {
        n: usize,
    },
    /// `n` clippings are in the inbox again.
    BackInInbox {
        n: usize,
    },
    Deleted {
        n: usize,
    },
    /// `n` suggested tags accepted: of one kind (all with `None`), or just `only`.
    Accepted {
        kind: Option<TagKind>,
        only: Option<Tag>,
        n: usize,
    },
    Dismissed,
    Suggested {
        n: usize,
    },
    AcceptCountriesOnImport(bool),
    SearchSaved {
        name: String,
    },
    SearchRemoved {
        name: String,
    },
    SearchRenamed {
        old: String,
        new: String,
    },
    SearchMoved,
    SearchSeen,
}

/// What an edit changed and how to take it back.
#[derive(Debug, Clone)]
pub struct Applied {
    pub done: Done,
    /// The clippings it changed, to read again where they are shown.
    pub changed: Vec<ClippingId>,
    /// The edit that takes this one back, where there is one.
    pub undo: Option<Edit>,
    /// Whether the set of known tags may have changed.
    pub tags_changed: bool,
    /// Whether the saved searches changed.
    pub saved_changed: bool,
}

impl Applied {
    fn new(done: Done, changed: Vec<ClippingId>) -> Applied {
        Applied { done, changed, undo: None, tags_changed: false, saved_changed: false }
    }

    fn undone_by(self, undo: Edit) -> Applied {
        Applied { undo: Some(undo), ..self }
    }

    fn of_saved_searches(done: Done, undo: Option<Edit>) -> Applied {
        Applied { undo, saved_changed: true, ..Applied::new(done, Vec::new()) }
    }
}

impl Archive {
    /// Makes one change and gives back what it did with the edit that takes it back. A tag
    /// edit touches only the clippings it changes (those that lack the tag, to add it), so
    /// that its undo takes back no more than it did.
    pub fn apply(&self, edit: Edit) -> Result<Applied> {
        Ok(match edit {
            Edit::AddTag { tag, ids } => {
                let had = self.clippings_with_tag(&tag)?;
                let newly: Vec<ClippingId> = ids.iter().copied().filter(|id| had.binary_search(id).is_err()).collect();
                let n = self.add_tag(&tag, &newly)?;
                let done = Done::TagAdded { tag: tag.clone(), n, n_had: ids.len() - newly.len() };
                let applied = Applied { tags_changed: true, ..Applied::new(done, newly.clone()) };
                applied.undone_by(Edit::RemoveTag { tag, ids: newly })
            }
            Edit::RemoveTag { tag, ids } => {
                let had = self.clippings_with_tag(&tag)?;
                let having: Vec<ClippingId> = ids.into_iter().filter(|id| had.binary_search(id).is_ok()).collect();
                let n = self.remove_tag(&tag, &having)?;
                Applied::new(Done::TagRemoved { tag: tag.clone(), n }, having.clone())
                    .undone_by(Edit::AddTag { tag, ids: having })
            }
            Edit::RenameTag { tag, new_value } => self.apply_rename(&tag, &new_value)?,
            Edit::NameTag { tag, language, name } => {
                let before = self.name_tag(&tag, &language, &name)?;
                let ids = self.clippings_with_tag(&tag)?;
                let name = Some(name.trim().to_owned()).filter(|n| !n.is_empty());
                let done = Done::TagNamed { tag: tag.clone(), language: language.clone(), name };
                let undo = Edit::NameTag { tag, language, name: before.unwrap_or_default() };
                Applied { tags_changed: true, ..Applied::new(done, ids) }.undone_by(undo)
            }
            Edit::Update(clipping) => {
                let mut before = self.get(clipping.id)?;
                self.update(&clipping)?;
                // The undo is made from the version this edit left, not the one it replaced.
                before.version = self.get(clipping.id)?.version;
                Applied::new(Done::Saved { title: clipping.title.clone() }, vec![clipping.id])
                    .undone_by(Edit::Update(Box::new(before)))
            }
            Edit::Trash(ids) => {
                let n = self.trash(&ids)?;
                Applied::new(Done::Trashed { n }, ids.clone()).undone_by(Edit::Restore(ids))
            }
            Edit::Restore(ids) => {
                let n = self.restore(&ids)?;
                Applied::new(Done::Restored { n }, ids)
            }
            Edit::MarkDone(ids) => {
                let (n, changed) = self.set_inbox_undoably(&ids, false)?;
                Applied::new(Done::MarkedDone { n }, changed.clone()).undone_by(Edit::BackToInbox(changed))
            }
            Edit::BackToInbox(ids) => {
                let (n, changed) = self.set_inbox_undoably(&ids, true)?;
                Applied::new(Done::BackInInbox { n }, changed.clone()).undone_by(Edit::MarkDone(changed))
            }
            Edit::EmptyTrash => {
                let deleted = self.empty_trash()?;
                Applied { tags_changed: true, ..Applied::new(Done::Deleted { n: deleted.len() }, deleted) }
            }
            Edit::AcceptSuggestions { ids, kind, only } => {
                let n = self.accept_suggestions(&ids, kind, only.as_ref())?;
                Applied { tags_changed: true, ..Applied::new(Done::Accepted { kind, only, n }, ids) }
            }
            Edit::DismissSuggestion { id, tag } => {
                self.dismiss_suggestion(id, &tag)?;
                Applied::new(Done::Dismissed, vec![id])
            }
            Edit::Suggest(ids) => {
                let n = self.refresh_suggestions(&ids)?;
                Applied::new(Done::Suggested { n }, ids)
            }
            Edit::AcceptCountriesOnImport(on) => {
                self.set_accept_countries_on_import(on)?;
                Applied::new(Done::AcceptCountriesOnImport(on), Vec::new())
                    .undone_by(Edit::AcceptCountriesOnImport(!on))
            }
            Edit::SaveSearch { name, query, sort } => self.save_search_undoably(&name, &query, sort)?,
            Edit::RemoveSavedSearch(name) => self.remove_saved_search_undoably(&name)?,
            Edit::RestoreSavedSearch { at, saved } => self.restore_saved_search_undoably(at, saved)?,
            Edit::RenameSavedSearch { old, new } => self.rename_saved_search_undoably(old, &new)?,
            Edit::MoveSavedSearch { name, to } => {
                self.move_saved_search(&name, to)?;
                Applied::of_saved_searches(Done::SearchMoved, None)
            }
            Edit::SeenSavedSearch(name) => {
                self.mark_saved_search_seen(&name)?;
                Applied::of_saved_searches(Done::SearchSeen, None)
            }
        })
    }

    /// [`Archive::set_inbox`], with the clippings it changed (only those are put back).
    fn set_inbox_undoably(&self, ids: &[ClippingId], inbox: bool) -> Result<(usize, Vec<ClippingId>)> {
        let changed: Vec<ClippingId> =
            ids.iter().copied().filter(|&id| self.get(id).is_ok_and(|c| c.inbox != inbox)).collect();
        let n = self.set_inbox(&changed, inbox)?;
        Ok((n, changed))
    }

    fn apply_rename(&self, tag: &Tag, new_value: &str) -> Result<Applied> {
        let (to, merged) = self.rename_target(tag, new_value)?;
        let ids = self.clippings_with_tag(tag)?;
        let n = self.merge_tags(tag, &to)?;
        let applied = Applied {
            tags_changed: true,
            ..Applied::new(Done::TagRenamed { from: tag.clone(), to: to.clone(), n }, ids)
        };
        // A rename into a tag that existed mixed two sets of clippings: no undo can part them
        // without knowing which were which, so there is none.
        Ok(if merged {
            applied
        } else {
            let back = if tag.kind == TagKind::Country { tag.value.clone() } else { tag.name.clone() };
            applied.undone_by(Edit::RenameTag { tag: to, new_value: back })
        })
    }

    fn save_search_undoably(&self, name: &str, query: &str, sort: Sort) -> Result<Applied> {
        let before = self.saved_search(name).ok();
        let saved = self.save_search(name, query, sort)?;
        let undo = match before {
            Some(old) => Edit::SaveSearch { name: old.name, query: old.query, sort: old.sort },
            None => Edit::RemoveSavedSearch(saved.name.clone()),
        };
        Ok(Applied::of_saved_searches(Done::SearchSaved { name: saved.name }, Some(undo)))
    }

    fn remove_saved_search_undoably(&self, name: &str) -> Result<Applied> {
        let (at, saved) = self.remove_saved_search(name)?;
        let done = Done::SearchRemoved { name: saved.name.clone() };
        Ok(Applied::of_saved_searches(done, Some(Edit::RestoreSavedSearch { at, saved })))
    }

    fn restore_saved_search_undoably(&self, at: usize, saved: SavedSearch) -> Result<Applied> {
        let name = saved.name.clone();
        self.restore_saved_search(at, saved)?;
        Ok(Applied::of_saved_searches(Done::SearchSaved { name: name.clone() }, Some(Edit::RemoveSavedSearch(name))))
    }

    fn rename_saved_search_undoably(&self, old: String, new: &str) -> Result<Applied> {
        self.rename_saved_search(&old, new)?;
        let new = new.trim().to_owned();
        let undo = Edit::RenameSavedSearch { old: new.clone(), new: old.clone() };
        Ok(Applied::of_saved_searches(Done::SearchRenamed { old, new }, Some(undo)))
    }
}
