//! The window's words for the core's edits ([`crate::archive::edit`]): the toast that tells
//! what an edit did, the status line while a large one runs, and what failed.

use crate::archive::edit::{Done, Edit};
use crate::t;
use crate::ui::{tag_kind_label, tag_label};
use crate::vocab::TagKind;

/// The message id that names what an edit does, for "cannot …: the reason" ([`failed`]).
pub(super) fn what(edit: &Edit) -> &'static str {
    match edit {
        Edit::AddTag { .. } => "edit-what-add-tag",
        Edit::RemoveTag { .. } => "edit-what-remove-tag",
        Edit::RenameTag { .. } => "edit-what-rename-tag",
        Edit::NameTag { .. } => "edit-what-name-tag",
        Edit::Update(_) => "edit-what-save",
        Edit::Trash(_) => "edit-what-trash",
        Edit::Restore(_) => "edit-what-restore",
        Edit::MarkDone(_) | Edit::BackToInbox(_) => "edit-what-inbox",
        Edit::EmptyTrash => "edit-what-empty-trash",
        Edit::AcceptSuggestions { .. } => "edit-what-accept",
        Edit::DismissSuggestion { .. } => "edit-what-dismiss",
        Edit::Suggest(_) => "edit-what-suggest",
        Edit::AcceptCountriesOnImport(_) => "edit-what-setting",
        Edit::SaveSearch { .. } | Edit::RestoreSavedSearch { .. } => "edit-what-save-search",
        Edit::RemoveSavedSearch(_) => "edit-what-remove-search",
        Edit::RenameSavedSearch { .. } => "edit-what-rename-search",
        Edit::MoveSavedSearch { .. } => "edit-what-move-search",
        Edit::SeenSavedSearch(_) => "edit-what-open-search",
    }
}

/// Words a failed edit for a person: "cannot add the tag: …"; `what` is [`what`] of the edit.
pub(super) fn failed(what: &'static str, error: &crate::archive::Error) -> String {
    t!("edit-failed", what = crate::i18n::tr(what), error = crate::ui::archive_error_text(error))
}

/// For a tag added to or removed from more than `limit` clippings, which is made on a thread of
/// its own, what it does, for the status bar while it runs; `None` for any other edit.
pub(super) fn large_tag_edit(edit: &Edit, limit: usize) -> Option<String> {
    match edit {
        Edit::AddTag { tag, ids } if ids.len() > limit => {
            Some(t!("status-adding-tag", kind = tag_kind_label(tag.kind), tag = tag_label(tag), n = ids.len()))
        }
        Edit::RemoveTag { tag, ids } if ids.len() > limit => {
            Some(t!("status-removing-tag", kind = tag_kind_label(tag.kind), tag = tag_label(tag), n = ids.len()))
        }
        _ => None,
    }
}

/// The toast for what an edit did; `None` for changes that show themselves (a dismissed
/// suggestion, a saved search moved or opened).
pub(super) fn message(done: &Done) -> Option<String> {
    Some(match done {
        Done::TagAdded { tag, n, .. } => {
            t!("edit-tag-added", kind = tag_kind_label(tag.kind), tag = tag_label(tag), n = *n)
        }
        Done::TagRemoved { tag, n } => {
            t!("edit-tag-removed", kind = tag_kind_label(tag.kind), tag = tag_label(tag), n = *n)
        }
        Done::TagRenamed { from, to, .. } => {
            t!("edit-tag-renamed", kind = tag_kind_label(from.kind), old = tag_label(from), new = tag_label(to))
        }
        Done::TagNamed { tag, language, name } => {
            let language = crate::i18n::language_endonym(language).unwrap_or(language.as_str());
            match name {
                Some(name) => t!("edit-tag-named", tag = tag.name.as_str(), language = language, name = name.as_str()),
                None => t!("edit-tag-unnamed", tag = tag.name.as_str(), language = language),
            }
        }
        Done::Saved { title } => t!("edit-saved", title = title.as_str()),
        Done::Trashed { n } => t!("edit-trashed", n = *n),
        Done::Restored { n } => t!("edit-restored", n = *n),
        Done::MarkedDone { n } => t!("edit-marked-done", n = *n),
        Done::BackInInbox { n } => t!("edit-back-in-inbox", n = *n),
        Done::Deleted { n } => t!("edit-deleted", n = *n),
        Done::Accepted { kind, only, n } => match (only, kind) {
            (Some(tag), _) => t!("edit-accepted-tag", kind = tag_kind_label(tag.kind), tag = tag_label(tag)),
            (None, Some(TagKind::Country)) => t!("edit-accepted-countries", n = *n),
            (None, Some(TagKind::Topic)) => t!("edit-accepted-topics", n = *n),
            (None, Some(TagKind::Event)) => t!("edit-accepted-events", n = *n),
            (None, None) => t!("edit-accepted-all", n = *n),
        },
        Done::Suggested { n } => t!("edit-suggested", n = *n),
        Done::AcceptCountriesOnImport(true) => t!("edit-setting-tag-countries"),
        Done::AcceptCountriesOnImport(false) => t!("edit-setting-suggest-countries"),
        Done::SearchSaved { name } => t!("edit-search-saved", name = name.as_str()),
        Done::SearchRemoved { name } => t!("edit-search-removed", name = name.as_str()),
        Done::SearchRenamed { old, new } => t!("edit-search-renamed", old = old.as_str(), new = new.as_str()),
        Done::Dismissed | Done::SearchMoved | Done::SearchSeen => return None,
    })
}
