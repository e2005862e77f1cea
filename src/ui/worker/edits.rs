//! Changes to the archive, as the worker makes them: each edit in one place, with the toast
//! that tells of it and the undo that takes it back.

use crate::archive::{Archive, ClippingId};
use crate::ui::worker::State;
use crate::ui::worker::messages::Edit;

fn plural(n: usize, one: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {one}s") }
}

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
}

impl Applied {
    fn new(changed: Vec<ClippingId>, message: String) -> Applied {
        Applied { changed, message: Some(message), undo: None, tags_changed: false, reload_detail: false }
    }
}

/// Words a failed edit for a person: "cannot add the tag: ...".
fn failed(what: &'static str) -> impl Fn(crate::archive::Error) -> String {
    move |e| format!("cannot {what}: {e}")
}

/// Makes one change to the archive; `Err` says, for a person, what failed.
pub(super) fn apply_edit(edit: Edit, archive: &Archive, state: &State) -> Result<Applied, String> {
    Ok(match edit {
        Edit::AddTag { tag, ids } => {
            let newly: Vec<ClippingId> =
                ids.into_iter().filter(|id| state.catalog.get(*id).is_none_or(|e| !e.has_tag(&tag))).collect();
            let n = archive.add_tag(&tag, &newly).map_err(failed("add the tag"))?;
            let message = format!("Added {} {} to {}", tag.kind, tag.name, plural(n, "clipping"));
            let undo = Edit::RemoveTag { tag, ids: newly.clone() };
            Applied { undo: Some(undo), tags_changed: true, ..Applied::new(newly, message) }
        }
        Edit::RemoveTag { tag, ids } => {
            let had: Vec<ClippingId> =
                ids.into_iter().filter(|id| state.catalog.get(*id).is_some_and(|e| e.has_tag(&tag))).collect();
            let n = archive.remove_tag(&tag, &had).map_err(failed("remove the tag"))?;
            let message = format!("Removed {} {} from {}", tag.kind, tag.name, plural(n, "clipping"));
            let undo = Edit::AddTag { tag, ids: had.clone() };
            Applied { undo: Some(undo), ..Applied::new(had, message) }
        }
        Edit::Update(clipping) => {
            let before = archive.get(clipping.id);
            archive.update(&clipping).map_err(failed("save"))?;
            let undo = before.ok().map(|b| Edit::Update(Box::new(b)));
            let message = format!("Saved “{}”", clipping.title);
            Applied { undo, reload_detail: true, ..Applied::new(vec![clipping.id], message) }
        }
        Edit::Trash(ids) => {
            let n = archive.trash(&ids).map_err(failed("move to the trash"))?;
            let message = format!("Moved {} to the trash", plural(n, "clipping"));
            Applied { undo: Some(Edit::Restore(ids.clone())), ..Applied::new(ids, message) }
        }
        Edit::Restore(ids) => {
            let n = archive.restore(&ids).map_err(failed("restore"))?;
            Applied::new(ids, format!("Restored {}", plural(n, "clipping")))
        }
        Edit::EmptyTrash => {
            let deleted = archive.empty_trash().map_err(failed("empty the trash"))?;
            let message = format!("Deleted {} for good", plural(deleted.len(), "clipping"));
            Applied { tags_changed: true, ..Applied::new(deleted, message) }
        }
        Edit::AcceptSuggestions { ids, kind, only } => {
            let n = archive.accept_suggestions(&ids, kind, only.as_ref()).map_err(failed("accept the suggestions"))?;
            let what = only.map_or_else(
                || kind.map_or("suggested tags".to_owned(), |k| format!("suggested {}s", k.as_str())),
                |t| format!("{} {}", t.kind, t.name),
            );
            let message = format!("Accepted {what}: {} added", plural(n, "tag"));
            Applied { tags_changed: true, ..Applied::new(ids, message) }
        }
        Edit::DismissSuggestion { id, tag } => {
            archive.dismiss_suggestion(id, &tag).map_err(failed("dismiss the suggestion"))?;
            Applied { message: None, ..Applied::new(vec![id], String::new()) }
        }
        Edit::Suggest(ids) => {
            let n = archive.refresh_suggestions(&ids).map_err(failed("suggest tags"))?;
            Applied::new(ids, format!("{} to review", plural(n, "suggestion")))
        }
        Edit::AcceptCountriesOnImport(on) => {
            archive.set_accept_countries_on_import(on).map_err(failed("change the setting"))?;
            let message =
                if on { "Imports will tag the countries they find" } else { "Imports will only suggest countries" };
            Applied { undo: Some(Edit::AcceptCountriesOnImport(!on)), ..Applied::new(Vec::new(), message.to_owned()) }
        }
    })
}
