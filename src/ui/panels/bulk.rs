//! The right pane with several clippings selected (their actions first, then their tags), or
//! none (what to do).

use std::sync::Arc;

use super::tags::{TagInput, chip_ui, tag_input_ui};
use crate::archive::catalog::{Entry, tag_counts};
use crate::archive::{ClippingId, Tag, TagKind};
use crate::t;
use crate::ui::Action;
use crate::ui::state::AppState;
use crate::ui::worker::Edit;

/// The selection as the bulk pane sums it up.
#[derive(Debug, Default, Clone)]
pub struct SelectionSummary {
    /// The selected ids in the order shown.
    pub ids: Vec<ClippingId>,
    /// Each tag the selection carries, with how many of the selected carry it.
    pub tag_counts: Vec<(Tag, usize)>,
    /// The kinds of tag that some selected clipping has suggestions of.
    pub suggested_kinds: Vec<TagKind>,
    /// How many of the selected are in the inbox.
    pub n_inbox: usize,
}

/// What the bulk pane shows about the selection, computed again only when the selection or the
/// results change (`key`): with 100,000 selected, summing them up every frame would freeze the
/// window.
pub(super) fn selection_summary(
    cache: &mut Option<((usize, u64), Arc<SelectionSummary>)>,
    app: &AppState,
    key: (usize, u64),
) -> Arc<SelectionSummary> {
    if let Some((k, summary)) = cache.as_ref()
        && *k == key
    {
        return Arc::clone(summary);
    }
    let mut summary = SelectionSummary::default();
    let selected: Vec<Arc<Entry>> = app.selected_entries();
    for entry in &selected {
        summary.ids.push(entry.id());
        summary.n_inbox += usize::from(entry.card.inbox());
        for kind in entry.suggested_kinds() {
            if !summary.suggested_kinds.contains(&kind) {
                summary.suggested_kinds.push(kind);
            }
        }
    }
    summary.tag_counts = tag_counts(&selected).into_iter().map(|t| (t.tag, t.n_clippings)).collect();
    summary.suggested_kinds.sort();
    let summary = Arc::new(summary);
    *cache = Some((key, Arc::clone(&summary)));
    summary
}

pub(super) fn nothing_selected_ui(ui: &mut egui::Ui, app: &AppState) {
    ui.add_space(6.0);
    ui.heading(t!("detail-nothing-selected"));
    ui.add_space(4.0);
    let key = if app.results.is_empty() { "detail-nothing-to-select" } else { "detail-how-to-select" };
    ui.add(egui::Label::new(egui::RichText::new(crate::i18n::tr(key)).weak()).wrap());
}

/// How many of the selection's tags show before "and N more".
const CHIPS_FOLDED: usize = 16;

/// The bulk pane's heading and its actions, first and always in view.
pub(super) fn bulk_header_ui(ui: &mut egui::Ui, app: &AppState, summary: &SelectionSummary, actions: &mut Vec<Action>) {
    let ids = &summary.ids;
    ui.add_space(6.0);
    ui.heading(t!("bulk-selected", n = ids.len()));
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if app.filters.in_trash {
            if ui.add_enabled(app.may_change, egui::Button::new(t!("bulk-restore", n = ids.len()))).clicked() {
                actions.push(Action::Edit(Edit::Restore(ids.clone())));
            }
            return;
        }
        ui.add_enabled_ui(app.may_change, |ui| {
            if summary.n_inbox > 0 {
                let done = ui.button(t!("inbox-done-n", n = summary.n_inbox)).on_hover_text(t!("inbox-done-hover"));
                if done.clicked() {
                    actions.push(Action::MarkDone);
                }
            }
            for kind in &summary.suggested_kinds {
                let label = match kind {
                    TagKind::Country => t!("bulk-accept-countries", n = ids.len()),
                    TagKind::Topic => t!("bulk-accept-topics", n = ids.len()),
                    TagKind::Event => t!("bulk-accept-events", n = ids.len()),
                };
                if ui.button(label).clicked() {
                    let edit = Edit::AcceptSuggestions { ids: ids.clone(), kind: Some(*kind), only: None };
                    actions.push(Action::Edit(edit));
                }
            }
            if ui.button(t!("bulk-suggest", n = ids.len())).on_hover_text(t!("bulk-suggest-hover")).clicked() {
                actions.push(Action::Edit(Edit::Suggest(ids.clone())));
            }
        });
        if ui.button(t!("bulk-review")).on_hover_text(t!("review-button-hover", n = ids.len())).clicked() {
            actions.push(Action::Review(crate::ui::app::ReviewAction::Open(None)));
        }
        if ui.button(t!("bulk-export")).on_hover_text(t!("export-button-hover", n = ids.len())).clicked() {
            actions.push(Action::Export(crate::ui::app::ExportAction::Open));
        }
        let trash = egui::Button::new(t!("move-to-trash"));
        if ui.add_enabled(app.may_change, trash).on_hover_text(t!("move-to-trash-hover")).clicked() {
            actions.push(Action::Trash);
        }
    });
    ui.add_space(4.0);
    ui.separator();
}

/// The bulk pane's tags: a field to add one to all, and the chips of those they carry (the
/// most carried first, a long list folded).
pub(super) fn bulk_tags_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    tag_input: &mut TagInput,
    all_chips: &mut bool,
    summary: &SelectionSummary,
    actions: &mut Vec<Action>,
) {
    if app.filters.in_trash {
        return;
    }
    let ids = &summary.ids;
    ui.label(t!("bulk-tags-explained"));
    tag_input_ui(ui, app, tag_input, actions, ids);
    ui.add_space(8.0);
    let mut tags = summary.tag_counts.clone();
    tags.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let n_more = tags.len().saturating_sub(CHIPS_FOLDED);
    let n_tags = tags.len();
    let shown = if *all_chips || n_more <= 2 { n_tags } else { CHIPS_FOLDED };
    ui.horizontal_wrapped(|ui| {
        for (tag, n) in tags.into_iter().take(shown) {
            if chip_ui(ui, &tag, Some(n)) {
                actions.push(Action::Edit(Edit::RemoveTag { tag, ids: ids.clone() }));
            }
        }
        // Only when some are folded away: a selection with no tags has nothing more to show.
        if shown < n_tags && ui.link(t!("bulk-more-tags", n = n_tags - shown)).clicked() {
            *all_chips = true;
        }
    });
    if *all_chips && n_more > 2 && ui.link(t!("bulk-fewer-tags")).clicked() {
        *all_chips = false;
    }
}
