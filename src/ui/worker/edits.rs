//! Changes to the archive, as the worker makes them: each edit in one place, with the toast
//! that tells of it and the undo that takes it back.

use crate::archive::{Archive, ClippingId, Tag, TagKind};
use crate::t;
use crate::ui::worker::State;
use crate::ui::worker::messages::Edit;

/// What an edit did, for the replies that follow it.
pub(super) struct Applied {
    /// The clippings it changed, to re-read into the catalog.
    pub(super) changed: Vec<ClippingId>,
    /// For a toast; `None` for changes that show themselves (a dismissed suggestion).
    pub(super) message: Option<String>,
    /// The edit that takes this one back.
    pub(super) undo: Option<Edit>,
    /// Whether the set of known tags may have changed.
    pub(super) tags_changed: bool,
    /// Whether the detail pane should show the clipping afresh (its fields changed).
    pub(super) reload_detail: bool,
    /// Whether the saved searches changed.
    pub(super) saved_changed: bool,
}

impl Applied {
    fn new(changed: Vec<ClippingId>, message: String) -> Applied {
        Applied {
            changed,
            message: Some(message),
            undo: None,
            tags_changed: false,
            reload_detail: false,
            saved_changed: false,
        }
    }
}

/// Words a failed edit for a person: "cannot add the tag: ...". `what` is the message id of
/// the action.
fn failed(what: &'static str) -> impl Fn(crate::archive::Error) -> String {
    move |e| t!("edit-failed", what = crate::i18n::tr(what), error = e.to_string())
}

/// A tag edit narrowed, by the catalog, to the clippings it changes.
pub(super) enum TagEdit {
    Add(Tag, Vec<ClippingId>),
    Remove(Tag, Vec<ClippingId>),
}

impl TagEdit {
    /// The archive's part of the edit: it reads nothing of the worker's, so it may run on a
    /// thread of its own.
    pub(super) fn apply(self, archive: &Archive) -> Result<Applied, String> {
        match self {
            TagEdit::Add(tag, newly) => add_tag(archive, tag, newly),
            TagEdit::Remove(tag, had) => remove_tag(archive, tag, had),
        }
    }

    /// What the edit does, for the status bar while it runs.
    pub(super) fn describe(&self) -> String {
        use crate::ui::{tag_kind_label, tag_label};
        match self {
            TagEdit::Add(tag, ids) => {
                t!("status-adding-tag", kind = tag_kind_label(tag.kind), tag = tag_label(tag), n = ids.len())
            }
            TagEdit::Remove(tag, ids) => {
                t!("status-removing-tag", kind = tag_kind_label(tag.kind), tag = tag_label(tag), n = ids.len())
            }
        }
    }
}

/// A tag edit asked of more than `limit` clippings, narrowed to those that lack the tag (to
/// add it) or have it (to remove it), for a thread of its own; any other edit comes back as
/// it was, for [`apply_edit`].
pub(super) fn large_tag_edit(edit: Edit, state: &State, limit: usize) -> Result<TagEdit, Edit> {
    match edit {
        Edit::AddTag { tag, ids } if ids.len() > limit => {
            let newly = lacking(&tag, ids, state);
            Ok(TagEdit::Add(tag, newly))
        }
        Edit::RemoveTag { tag, ids } if ids.len() > limit => {
            let had = having(&tag, ids, state);
            Ok(TagEdit::Remove(tag, had))
        }
        other => Err(other),
    }
}

fn lacking(tag: &Tag, ids: Vec<ClippingId>, state: &State) -> Vec<ClippingId> {
    ids.into_iter().filter(|id| state.catalog.get(*id).is_none_or(|e| !e.has_tag(tag))).collect()
}

fn having(tag: &Tag, ids: Vec<ClippingId>, state: &State) -> Vec<ClippingId> {
    ids.into_iter().filter(|id| state.catalog.get(*id).is_some_and(|e| e.has_tag(tag))).collect()
}

fn add_tag(archive: &Archive, tag: Tag, newly: Vec<ClippingId>) -> Result<Applied, String> {
    let n = archive.add_tag(&tag, &newly).map_err(failed("edit-what-add-tag"))?;
    let message =
        t!("edit-tag-added", kind = crate::ui::tag_kind_label(tag.kind), tag = crate::ui::tag_label(&tag), n = n);
    let undo = Edit::RemoveTag { tag, ids: newly.clone() };
    Ok(Applied { undo: Some(undo), tags_changed: true, ..Applied::new(newly, message) })
}

fn remove_tag(archive: &Archive, tag: Tag, had: Vec<ClippingId>) -> Result<Applied, String> {
    let n = archive.remove_tag(&tag, &had).map_err(failed("edit-what-remove-tag"))?;
    let message =
        t!("edit-tag-removed", kind = crate::ui::tag_kind_label(tag.kind), tag = crate::ui::tag_label(&tag), n = n);
    let undo = Edit::AddTag { tag, ids: had.clone() };
    Ok(Applied { undo: Some(undo), ..Applied::new(had, message) })
}

/// Makes one change to the archive; `Err` says, for a person, what failed.
pub(super) fn apply_edit(edit: Edit, archive: &Archive, state: &State) -> Result<Applied, String> {
    Ok(match edit {
        Edit::AddTag { tag, ids } => {
            let newly = lacking(&tag, ids, state);
            add_tag(archive, tag, newly)?
        }
        Edit::RemoveTag { tag, ids } => {
            let had = having(&tag, ids, state);
            remove_tag(archive, tag, had)?
        }
        Edit::Update(clipping) => {
            let before = archive.get(clipping.id);
            archive.update(&clipping).map_err(failed("edit-what-save"))?;
            let undo = before.ok().map(|b| Edit::Update(Box::new(b)));
            let message = t!("edit-saved", title = clipping.title.as_str());
            Applied { undo, reload_detail: true, ..Applied::new(vec![clipping.id], message) }
        }
        Edit::Trash(ids) => {
            let n = archive.trash(&ids).map_err(failed("edit-what-trash"))?;
            let message = t!("edit-trashed", n = n);
            Applied { undo: Some(Edit::Restore(ids.clone())), ..Applied::new(ids, message) }
        }
        Edit::Restore(ids) => {
            let n = archive.restore(&ids).map_err(failed("edit-what-restore"))?;
            Applied::new(ids, t!("edit-restored", n = n))
        }
        Edit::EmptyTrash => {
            let deleted = archive.empty_trash().map_err(failed("edit-what-empty-trash"))?;
            let message = t!("edit-deleted", n = deleted.len());
            Applied { tags_changed: true, ..Applied::new(deleted, message) }
        }
        Edit::AcceptSuggestions { ids, kind, only } => {
            let n = archive.accept_suggestions(&ids, kind, only.as_ref()).map_err(failed("edit-what-accept"))?;
            let message = match (&only, kind) {
                (Some(tag), _) => {
                    t!("edit-accepted-tag", kind = crate::ui::tag_kind_label(tag.kind), tag = crate::ui::tag_label(tag))
                }
                (None, Some(TagKind::Country)) => t!("edit-accepted-countries", n = n),
                (None, Some(TagKind::Topic)) => t!("edit-accepted-topics", n = n),
                (None, Some(TagKind::Event)) => t!("edit-accepted-events", n = n),
                (None, None) => t!("edit-accepted-all", n = n),
            };
            Applied { tags_changed: true, ..Applied::new(ids, message) }
        }
        Edit::DismissSuggestion { id, tag } => {
            archive.dismiss_suggestion(id, &tag).map_err(failed("edit-what-dismiss"))?;
            Applied { message: None, ..Applied::new(vec![id], String::new()) }
        }
        Edit::Suggest(ids) => {
            let n = archive.refresh_suggestions(&ids).map_err(failed("edit-what-suggest"))?;
            Applied::new(ids, t!("edit-suggested", n = n))
        }
        Edit::AcceptCountriesOnImport(on) => {
            archive.set_accept_countries_on_import(on).map_err(failed("edit-what-setting"))?;
            let message = if on { t!("edit-setting-tag-countries") } else { t!("edit-setting-suggest-countries") };
            Applied { undo: Some(Edit::AcceptCountriesOnImport(!on)), ..Applied::new(Vec::new(), message) }
        }
        Edit::SaveSearch { name, query, sort } => {
            let before = archive.saved_search(&name).ok();
            let saved = archive.save_search(&name, &query, sort).map_err(failed("edit-what-save-search"))?;
            let undo = match before {
                Some(old) => Edit::SaveSearch { name: old.name, query: old.query, sort: old.sort },
                None => Edit::RemoveSavedSearch(saved.name.clone()),
            };
            let message = t!("edit-search-saved", name = saved.name.as_str());
            Applied { undo: Some(undo), saved_changed: true, ..Applied::new(Vec::new(), message) }
        }
        Edit::RemoveSavedSearch(name) => {
            let (at, saved) = archive.remove_saved_search(&name).map_err(failed("edit-what-remove-search"))?;
            let message = t!("edit-search-removed", name = saved.name.as_str());
            let undo = Edit::RestoreSavedSearch { at, saved };
            Applied { undo: Some(undo), saved_changed: true, ..Applied::new(Vec::new(), message) }
        }
        Edit::RestoreSavedSearch { at, saved } => {
            let message = t!("edit-search-saved", name = saved.name.as_str());
            let name = saved.name.clone();
            archive.restore_saved_search(at, saved).map_err(failed("edit-what-save-search"))?;
            let undo = Edit::RemoveSavedSearch(name);
            Applied { undo: Some(undo), saved_changed: true, ..Applied::new(Vec::new(), message) }
        }
        Edit::RenameSavedSearch { old, new } => {
            archive.rename_saved_search(&old, &new).map_err(failed("edit-what-rename-search"))?;
            let message = t!("edit-search-renamed", old = old.as_str(), new = new.trim());
            let undo = Edit::RenameSavedSearch { old: new.trim().to_owned(), new: old };
            Applied { undo: Some(undo), saved_changed: true, ..Applied::new(Vec::new(), message) }
        }
        Edit::MoveSavedSearch { name, to } => {
            archive.move_saved_search(&name, to).map_err(failed("edit-what-move-search"))?;
            Applied { message: None, saved_changed: true, ..Applied::new(Vec::new(), String::new()) }
        }
        Edit::SeenSavedSearch(name) => {
            archive.mark_saved_search_seen(&name).map_err(failed("edit-what-open-search"))?;
            Applied { message: None, saved_changed: true, ..Applied::new(Vec::new(), String::new()) }
        }
    })
}
