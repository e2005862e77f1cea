//! Keyboard shortcuts that act on the whole window, and what a paste brings in.

use std::sync::Arc;

use egui::{Key, Modifiers};

use super::{Action, ClippingsApp, ExportAction, ImportAction, ReviewAction, RulesAction};
use crate::ui::state::View;

/// How many rows Page Up and Page Down move.
const PAGE_ROWS: isize = 10;

impl ClippingsApp {
    /// Records the actions of the keys pressed this frame.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        // Keys belong to a text field while one has focus; a focused button or row does not
        // keep the arrows and Delete from the browser.
        let typing =
            ctx.memory(|m| m.focused()).is_some_and(|id| egui::text_edit::TextEditState::load(ctx, id).is_some());
        let columns = if self.state.settings.view == View::Grid { self.panels.browser.grid_columns } else { 1 };
        let columns = columns.max(1) as isize;
        let mut moved = false;
        ctx.input_mut(|i| {
            // A dialog has the keyboard: Escape closes it, and no key reaches the browser or
            // the search box behind it.
            if self.panels.dialog_open() {
                if i.consume_key(Modifiers::NONE, Key::Escape) {
                    actions.push(if self.panels.rules_dialog.is_some() {
                        Action::Rules(RulesAction::Close)
                    } else if self.panels.link_prompt.is_some() {
                        Action::Import(ImportAction::CloseLinkPrompt)
                    } else if self.panels.path_prompt.is_some() {
                        Action::Import(ImportAction::ClosePathPrompt)
                    } else if self.panels.confirm_trash.is_some() {
                        Action::ConfirmTrash(false)
                    } else if self.panels.review_dialog.is_some() {
                        Action::Review(ReviewAction::CloseDialog)
                    } else {
                        Action::Export(ExportAction::CloseDialog)
                    });
                }
                return;
            }
            if i.consume_key(Modifiers::COMMAND, Key::F) {
                self.panels.top_bar.request_focus();
            }
            // Escape closes what is open on top first: a report, then the selection.
            if self.state.import_report.is_some() && i.consume_key(Modifiers::NONE, Key::Escape) {
                actions.push(Action::Import(ImportAction::CloseReport));
            }
            if self.state.export_report.is_some() && i.consume_key(Modifiers::NONE, Key::Escape) {
                actions.push(Action::Export(ExportAction::CloseReport));
            }
            if i.consume_key(Modifiers::COMMAND, Key::Z) && !typing {
                actions.push(Action::Undo);
            }
            if typing {
                return;
            }
            if i.consume_key(Modifiers::NONE, Key::Slash) {
                self.panels.top_bar.request_focus();
            }
            if i.consume_key(Modifiers::COMMAND, Key::A) {
                actions.push(Action::SelectAll);
            }
            let moves = [
                (Modifiers::NONE, Key::ArrowLeft, -1, 0),
                (Modifiers::NONE, Key::ArrowRight, 1, 0),
                (Modifiers::NONE, Key::ArrowUp, 0, -columns),
                (Modifiers::NONE, Key::ArrowDown, 0, columns),
                (Modifiers::NONE, Key::PageUp, 0, -columns * PAGE_ROWS),
                (Modifiers::NONE, Key::PageDown, 0, columns * PAGE_ROWS),
                (Modifiers::NONE, Key::Home, 0, isize::MIN / 2),
                (Modifiers::NONE, Key::End, 0, isize::MAX / 2),
                (Modifiers::COMMAND, Key::Home, 0, isize::MIN / 2),
                (Modifiers::COMMAND, Key::End, 0, isize::MAX / 2),
            ];
            for (modifiers, key, dx, dy) in moves {
                if i.consume_key(modifiers, key) {
                    actions.push(Action::Move { dx, dy });
                    moved = true;
                }
            }
            if i.consume_key(Modifiers::NONE, Key::Enter) {
                actions.push(Action::OpenOriginal);
            }
            if i.consume_key(Modifiers::NONE, Key::Delete) {
                actions.push(Action::Trash);
            }
            if i.consume_key(Modifiers::NONE, Key::D) {
                actions.push(Action::MarkDone);
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                // Escape undoes the last narrowing: first the selection, then the search.
                if self.state.selection.is_empty() && !self.state.search_text.is_empty() {
                    actions.push(Action::ClearSearch);
                } else {
                    actions.push(Action::ClearSelection);
                }
            }
            // Pasted text becomes an article, a pasted image a photo.
            for event in &i.events {
                match event {
                    egui::Event::Paste(text) if !text.trim().is_empty() => {
                        actions.push(Action::Import(ImportAction::PasteText(text.clone())));
                    }
                    egui::Event::PasteImage(image) => {
                        actions.push(Action::Import(ImportAction::PasteImage(Arc::clone(image))))
                    }
                    _ => {}
                }
            }
        });
        if moved {
            // The arrows were the browser's: egui must not also walk the keyboard focus from a
            // focused button into the detail pane's fields.
            ctx.memory_mut(|m| {
                m.move_focus(egui::FocusDirection::None);
                if let Some(id) = m.focused() {
                    m.surrender_focus(id);
                }
            });
        }
    }
}
