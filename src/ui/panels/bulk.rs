//! The right pane with several clippings selected (their actions first, then their tags), or
//! none (what to do).

use std::sync::Arc;

use super::tags::{TagInput, chip_ui, tag_input_ui};
use crate::archive::catalog::{Entry, tag_counts};
use crate::archive::{ClippingId, Tag, TagKind};
use crate::t;
use crate::ui::Action;
use crate::ui::state::{AppState, SelectedParts};
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

/// Selections of more cards than this are summed up on a thread of their own: every card of a
/// million clippings selected (each story's results folded in) took up to 0.9 s of the window's
/// thread each time the results changed (the million bench's frames while tagging).
const SUMMED_APART_ABOVE: usize = 5_000;

/// The bulk pane's summary of the selection, with the (results, selection) key it was made
/// for, and the one being made on a thread of its own.
#[derive(Default)]
pub struct SummaryCache {
    made: Option<((usize, u64), Arc<SelectionSummary>)>,
    making: Option<Making>,
}

struct Making {
    key: (usize, u64),
    summary: std::sync::mpsc::Receiver<SelectionSummary>,
    /// Set when the summary is no longer wanted: the thread stops.
    cancel: Arc<std::sync::atomic::AtomicBool>,
}

impl Drop for Making {
    fn drop(&mut self) {
        self.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// What the bulk pane shows about the selection, made again only when the selection or the
/// results change (`key`): with 100,000 selected, summing them up every frame would freeze the
/// window. A large selection is summed up on a thread: `None` until it is (the pane says it is
/// counting, and offers nothing to do with a selection it does not know yet).
pub(super) fn selection_summary(
    cache: &mut SummaryCache,
    app: &AppState,
    key: (usize, u64),
    ctx: &egui::Context,
) -> Option<Arc<SelectionSummary>> {
    if let Some((k, summary)) = cache.made.as_ref()
        && *k == key
    {
        return Some(Arc::clone(summary));
    }
    let mut apart = app.selection.len() > SUMMED_APART_ABOVE;
    if let Some(making) = cache.making.as_ref().filter(|m| m.key == key) {
        match making.summary.try_recv() {
            Ok(summary) => {
                let summary = Arc::new(summary);
                cache.made = Some((key, Arc::clone(&summary)));
                cache.making = None;
                return Some(summary);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => return None,
            // The thread ended without one (it panicked): summed up here instead.
            Err(std::sync::mpsc::TryRecvError::Disconnected) => apart = false,
        }
    }
    cache.making = None;
    if apart {
        let parts = app.selected_parts();
        let (tx, rx) = std::sync::mpsc::channel();
        let cancel = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("selection".into()).spawn(move || {
            if let Some(summary) = summarise(&parts, &stop) {
                let _ = tx.send(summary);
                ctx.request_repaint();
            }
        });
        if spawned.is_ok() {
            cache.making = Some(Making { key, summary: rx, cancel });
            return None;
        }
    }
    let summary = Arc::new(summarise(&app.selected_parts(), &std::sync::atomic::AtomicBool::new(false))?);
    cache.made = Some((key, Arc::clone(&summary)));
    Some(summary)
}

/// The summary of the selection, or `None` if `cancel` was set meanwhile.
fn summarise(parts: &SelectedParts, cancel: &std::sync::atomic::AtomicBool) -> Option<SelectionSummary> {
    let mut summary = SelectionSummary::default();
    let mut selected: Vec<Arc<Entry>> = Vec::new();
    let mut n_seen = 0usize;
    let mut cancelled = false;
    parts.each(&mut |entry| {
        n_seen += 1;
        if n_seen.is_multiple_of(4096) && cancel.load(std::sync::atomic::Ordering::Relaxed) {
            cancelled = true;
            return false;
        }
        summary.ids.push(entry.id());
        summary.n_inbox += usize::from(entry.card.inbox());
        for kind in entry.suggested_kinds() {
            if !summary.suggested_kinds.contains(&kind) {
                summary.suggested_kinds.push(kind);
            }
        }
        selected.push(Arc::clone(entry));
        true
    });
    if cancelled {
        return None;
    }
    summary.tag_counts = tag_counts(&selected).into_iter().map(|t| (t.tag, t.n_clippings)).collect();
    summary.suggested_kinds.sort();
    Some(summary)
}

/// The heading of the bulk pane while a large selection is summed up.
pub(super) fn counting_ui(ui: &mut egui::Ui) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.spinner();
        ui.heading(t!("bulk-counting"));
    });
    ui.add_space(4.0);
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
        // Every button in the one wrapped flow: buttons in a group of their own (to enable
        // them together) made each row as tall as the group, with wide gaps between rows.
        let may_change = app.may_change;
        if summary.n_inbox > 0 {
            let done = ui
                .add_enabled(may_change, egui::Button::new(t!("inbox-done-n", n = summary.n_inbox)))
                .on_hover_text(t!("inbox-done-hover"));
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
            if ui.add_enabled(may_change, egui::Button::new(label)).clicked() {
                let edit = Edit::AcceptSuggestions { ids: ids.clone(), kind: Some(*kind), only: None };
                actions.push(Action::Edit(edit));
            }
        }
        let suggest = ui
            .add_enabled(may_change, egui::Button::new(t!("bulk-suggest", n = ids.len())))
            .on_hover_text(t!("bulk-suggest-hover"));
        if suggest.clicked() {
            actions.push(Action::Edit(Edit::Suggest(ids.clone())));
        }
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

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicBool;

    use super::*;
    use crate::archive::tags;
    use crate::ui::state::Settings;
    use crate::vocab::model::Clipping;

    /// `n` clippings shown, every third in the inbox, every other one tagged Kazakhstan.
    fn shown(n: u64) -> AppState {
        let kz = tags::resolve(TagKind::Country, "Kazakhstan").unwrap_or_else(|e| panic!("{e}"));
        let entries = (1..=n)
            .map(|id| {
                let clipping = Clipping {
                    id: ClippingId(id),
                    title: format!("Talks {id}"),
                    inbox: id % 3 == 0,
                    ..Clipping::default()
                };
                let tags = if id % 2 == 0 { vec![kz.clone()] } else { Vec::new() };
                Arc::new(Entry::new(clipping, tags))
            })
            .collect();
        let mut app = AppState::new(Settings::default());
        app.results = Arc::new(entries);
        app
    }

    fn summed_apart(app: &AppState, cache: &mut SummaryCache, ctx: &egui::Context) -> Arc<SelectionSummary> {
        let key = (Arc::as_ptr(&app.results) as usize, app.selection.generation());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            if let Some(summary) = selection_summary(cache, app, key, ctx) {
                return summary;
            }
            assert!(std::time::Instant::now() < deadline, "the summary never came");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    /// A large selection is summed up off the window's thread: the pane has no summary at
    /// first (it says it is counting), then the one summing it up there gives.
    #[test]
    fn a_large_selection_is_summed_up_apart_as_a_small_one_is_here() {
        let ctx = egui::Context::default();
        let n = SUMMED_APART_ABOVE as u64 + 3000;
        let mut app = shown(n);
        // Every card, then all but the first 2,000.
        for from in [1, 2001] {
            app.selection = (from..=n).map(ClippingId).collect();
            let mut cache = SummaryCache::default();
            let key = (Arc::as_ptr(&app.results) as usize, app.selection.generation());
            assert!(selection_summary(&mut cache, &app, key, &ctx).is_none(), "counting at first");
            let summary = summed_apart(&app, &mut cache, &ctx);
            let n_selected = n - from + 1;
            assert_eq!(summary.ids.len() as u64, n_selected);
            assert_eq!(summary.ids.first(), Some(&ClippingId(from)));
            assert_eq!(summary.n_inbox as u64, (from..=n).filter(|id| id % 3 == 0).count() as u64);
            let kz: Vec<usize> = summary.tag_counts.iter().map(|(_, count)| *count).collect();
            assert_eq!(kz, vec![(from..=n).filter(|id| id % 2 == 0).count()]);
            // Asked again with the same key: the same summary, at once.
            assert!(Arc::ptr_eq(&summary, &selection_summary(&mut cache, &app, key, &ctx).unwrap()));
        }
        // A small selection is summed up here, at once, the same way.
        app.selection = (1..=10).map(ClippingId).collect();
        let key = (Arc::as_ptr(&app.results) as usize, app.selection.generation());
        let small = selection_summary(&mut SummaryCache::default(), &app, key, &ctx).expect("at once");
        assert_eq!((small.ids.len(), small.n_inbox), (10, 3));
    }

    /// A summary no longer wanted stops where it is.
    #[test]
    fn a_summary_no_longer_wanted_stops() {
        let mut app = shown(10_000);
        app.selection = (1..=10_000).map(ClippingId).collect();
        assert!(summarise(&app.selected_parts(), &AtomicBool::new(true)).is_none());
        assert_eq!(summarise(&app.selected_parts(), &AtomicBool::new(false)).map(|s| s.ids.len()), Some(10_000));
    }
}
