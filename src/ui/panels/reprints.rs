//! The detail pane's list of a story's reprints: the other outlets that printed the clipping
//! shown, earliest first.

use crate::archive::ClippingId;
use crate::t;
use crate::ui::state::AppState;
use crate::ui::worker::Reprint;

/// Up to this many reprints are listed in full; a story printed more often (a wire story in
/// hundreds of outlets) lists them a line each in a box that scrolls, drawing only the lines
/// in sight: laying out every one of thousands each frame held megabytes of text.
const REPRINTS_IN_FULL: usize = 12;

pub(super) fn reprints_ui(ui: &mut egui::Ui, app: &AppState, id: ClippingId) {
    let Some(reprints) = app.reprints_of(id) else { return };
    ui.add_space(8.0);
    ui.strong(t!("reprints-title", n = crate::ui::format_count(reprints.len())));
    if reprints.len() <= REPRINTS_IN_FULL {
        for r in &reprints {
            ui.horizontal_wrapped(|ui| row_ui(ui, r, egui::Label::new(r.title()).wrap()));
        }
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body);
    let rows_height = (row_height + ui.spacing().item_spacing.y) * REPRINTS_IN_FULL as f32;
    egui::ScrollArea::vertical()
        .id_salt(("reprints", id))
        .max_height(rows_height)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, reprints.len(), |ui, rows| {
            for r in &reprints[rows] {
                ui.horizontal(|ui| row_ui(ui, r, egui::Label::new(r.title()).truncate()));
            }
        });
}

/// One reprint: its outlet, its date and its title (wrapped or cut, as `title` is laid out).
fn row_ui(ui: &mut egui::Ui, r: &Reprint, title: egui::Label) {
    let outlet = if r.outlet().is_empty() { t!("reprint-no-outlet") } else { r.outlet().to_owned() };
    ui.label(egui::RichText::new(outlet).strong());
    if let Some(date) = r.date() {
        ui.weak(crate::ui::date_text(date));
    }
    ui.add(title);
}
