//! What the worker does once an edit is made: the index caught up, the catalog brought up to
//! date (entries retagged after a large tag edit, others read again), the tags, saved searches,
//! pane and toast told.

use std::sync::Arc;

use super::messages::{Reply, RequestKind};
use super::{
    Outbox, State, catch_up_index, edits, refresh, search, send_all_tags, send_saved_searches, send_suggestions,
    tagging,
};
use crate::archive::edit::{Applied, Done};
use crate::t;

/// A tag edit of more clippings than this retags their entries in the catalog rather than
/// reading them again ([`crate::archive::browse::Browser::retag`]); fewer are read again, which also takes up anything
/// else that changed in them.
pub(super) const RETAG_ABOVE: usize = 500;

/// Tells the window of an edit made (or failed): the results that show it, its toast with its
/// undo, the tags and saved searches counted again. A `large` one was made on a thread of its
/// own, and the status bar tells of it until its results show it.
pub(super) fn edit_done(state: &mut State, result: Result<Applied, String>, is_undo: bool, large: bool, out: &Outbox) {
    let archive = Arc::clone(&state.archive);
    match result {
        Ok(mut applied) => {
            state.n_changed += applied.changed.len();
            catch_up_index(&archive, out);
            match &applied.done {
                // Only tags changed: the entries are retagged, not read again.
                Done::TagAdded { tag, .. } | Done::TagRemoved { tag, .. } if applied.changed.len() > RETAG_ABOVE => {
                    let added = matches!(applied.done, Done::TagAdded { .. });
                    if let Err(e) = state.browser.retag(&archive, tag, added, &applied.changed) {
                        out.send(Reply::Failed {
                            request: RequestKind::Refresh,
                            message: t!("worker-reread-archive", error = crate::ui::archive_error_text(&e)),
                        });
                    }
                    search(state, out);
                }
                _ => refresh(state, &applied.changed, out),
            }
            // The status bar told of a large edit until its results show it (seconds at a
            // million); then it is told with its undo, as soon as they do: what follows (every
            // tag counted again, the saved searches' counts) took seconds more.
            if large {
                out.send(Reply::LargeEdit(None));
            }
            if let Some(message) = edits::message(&applied.done) {
                let undo = if is_undo { None } else { applied.undo.take() };
                out.send(Reply::Changed { message, undo });
            }
            if applied.tags_changed {
                send_all_tags(state, out);
            }
            // What was learned follows the tags and the inbox, ready before the next import.
            tagging::learn_soon(&archive, &state.learning);
            if applied.saved_changed || !applied.changed.is_empty() {
                send_saved_searches(state, out);
            }
            if matches!(applied.done, Done::Saved { .. })
                && let [id] = applied.changed.as_slice()
                && let Ok(item) = archive.get_with_tags(*id)
            {
                out.send(Reply::Detail(Box::new(item)));
            }
            if let Some(id) = state.shown.filter(|id| applied.changed.contains(id)) {
                send_suggestions(&archive, id, out);
            }
        }
        Err(message) => {
            if large {
                out.send(Reply::LargeEdit(None));
            }
            out.send(Reply::Failed { request: RequestKind::Edit, message });
        }
    }
}
