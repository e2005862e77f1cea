//! The top bar: search box, grid or list, thumbnail size, import and export.

use egui::{Id, Key};

use crate::search::query::Sort;
use crate::ui::Action;
use crate::ui::state::{AppState, View};
use crate::ui::worker::Edit;

pub const SEARCH_ID: &str = "search-box";

/// The top bar's own state: the search box's text as typed.
#[derive(Default)]
pub struct TopBar {
    text: String,
    focus_requested: bool,
}

impl TopBar {
    pub fn set_text(&mut self, text: &str) {
        text.clone_into(&mut self.text);
    }

    /// Puts the keyboard in the search box on the next frame.
    pub fn request_focus(&mut self) {
        self.focus_requested = true;
    }
}

pub fn top_bar_ui(ui: &mut egui::Ui, app: &AppState, top_bar: &mut TopBar, actions: &mut Vec<Action>) {
    egui::Panel::top("top-bar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let ready = app.is_ready();
            // At 800 px and so the bar's controls have to share less room.
            let narrow = ui.available_width() < 1000.0;
            if narrow {
                ui.spacing_mut().slider_width = 70.0;
            }
            let label = ui.label("Search");
            let search_id = Id::unique(SEARCH_ID);
            let edit = egui::TextEdit::singleline(&mut top_bar.text)
                .id(search_id)
                .hint_text(if narrow {
                    "words, country:BE, date:2024"
                } else {
                    "words, \"a phrase\", a OR b, -exclude, country:BE, topic:energy, lang:ru, date:2024-01..2024-03"
                })
                .desired_width((ui.available_width() - 700.0).max(if narrow { 170.0 } else { 200.0 }));
            let response = ui.add_enabled(ready, edit).labelled_by(label.id);
            if std::mem::take(&mut top_bar.focus_requested) {
                response.request_focus();
            }
            if response.changed() {
                actions.push(Action::SetSearch(top_bar.text.clone()));
            }
            // The text field gives up focus on Escape itself; then Escape also clears it.
            if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
                actions.push(Action::ClearSearch);
                response.surrender_focus();
            }
            if !top_bar.text.is_empty() && ui.small_button("×").on_hover_text("Clear the search").clicked() {
                actions.push(Action::ClearSearch);
            }
            ui.add(egui::Label::new(egui::RichText::new("?").strong()).sense(egui::Sense::hover()))
                .on_hover_ui(search_help_ui);

            let mut order = app.settings.order;
            let order_label = ui.label("Order");
            egui::ComboBox::from_id_salt("order")
                .selected_text(order.label())
                .width(110.0)
                .show_ui(ui, |ui| {
                    for sort in Sort::ALL {
                        ui.selectable_value(&mut order, sort, sort.label());
                    }
                })
                .response
                .labelled_by(order_label.id)
                .on_hover_text("Order of the results");
            if app.settings.order != order {
                actions.push(Action::SetOrder(order));
            }

            ui.separator();
            let mut view = app.settings.view;
            ui.selectable_value(&mut view, View::Grid, "Grid").on_hover_text("Thumbnails");
            ui.selectable_value(&mut view, View::List, "List").on_hover_text("A table with columns");
            if view != app.settings.view {
                actions.push(Action::SetView(view));
            }
            if app.settings.view == View::Grid {
                let label = ui.label("Size");
                let mut size_px = app.settings.thumb_size_px;
                ui.add(egui::Slider::new(&mut size_px, 96.0..=256.0).show_value(false))
                    .labelled_by(label.id)
                    .on_hover_text("Thumbnail size");
                if size_px != app.settings.thumb_size_px {
                    actions.push(Action::SetThumbSize(size_px));
                }
            }

            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let exporting = app.export.is_some();
                let n = if app.selection.is_empty() { app.results.len() } else { app.selection.len() };
                let export = ui
                    .add_enabled(ready && !exporting && n > 0, egui::Button::new("Export…"))
                    .on_hover_text(format!("Copy {} with their metadata to a folder", crate::ui::n_clippings(n)));
                if export.clicked() {
                    actions.push(Action::OpenExport);
                }
                let importing = app.import.is_some();
                ui.add_enabled_ui(ready && !importing, |ui| {
                    ui.menu_button("Import", |ui| {
                        if ui.button("Files…").clicked() {
                            actions.push(Action::PickFiles);
                        }
                        if ui.button("Folder…").clicked() {
                            actions.push(Action::PickFolder);
                        }
                        ui.separator();
                        let mut accept = app.accept_countries_on_import;
                        let toggle = ui
                            .checkbox(&mut accept, "Tag the countries found")
                            .on_hover_text("Countries found in the text become tags at once, so country:BE finds them right after an import; otherwise they wait as suggestions for you to accept");
                        if toggle.changed() {
                            actions.push(Action::Edit(Edit::AcceptCountriesOnImport(accept)));
                        }
                    });
                });
            });
        });
        ui.add_space(4.0);
    });
}

/// What can be typed in the search box, with an example of each.
const SEARCH_HELP: &[(&str, &str)] = &[
    ("corridor kazakhstan", "both words, in any form (corridors, Kazakhstan's)"),
    ("kaz", "the word being typed also finds the words it begins"),
    ("\"middle corridor\"", "these words together, in this order"),
    ("belgium OR bruxelles", "either word"),
    ("-oil", "leave out clippings with this word"),
    ("country:BE", "a country tag, by code or name (Belgium, Бельгия)"),
    ("topic:energy", "a topic tag"),
    ("event:\"Astana International Forum\"", "an event tag"),
    ("-country:RU", "leave out clippings with this tag"),
    ("source:dknews", "the outlet"),
    ("kind:photo", "photos only (kind:article for articles)"),
    ("lang:ru", "clippings in this language"),
    ("date:2024-01..2024-03", "published (or taken) in these months; also date:2024"),
    ("imported:this-week", "also imported:today, imported:last-30-days"),
    ("in:trash", "search the trash"),
];

fn search_help_ui(ui: &mut egui::Ui) {
    ui.strong("Searching");
    egui::Grid::new("search-help").num_columns(2).spacing([16.0, 4.0]).show(ui, |ui| {
        for (example, meaning) in SEARCH_HELP {
            ui.monospace(*example);
            ui.label(*meaning);
            ui.end_row();
        }
    });
    ui.weak("Best match first; choose another order beside the box.");
}
