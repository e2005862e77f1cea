//! The top bar: search box, grid or list, thumbnail size, import and export.

use egui::{Id, Key};

use crate::i18n::Lang;
use crate::search::query::Sort;
use crate::t;
use crate::ui::state::{AppState, View};
use crate::ui::worker::Edit;
use crate::ui::{Action, ExportAction, ImportAction, ReviewAction};

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
            // Three view buttons beside the rest need a wide window; below it, one menu.
            let compact_views = ui.available_width() < 1400.0;
            if narrow {
                ui.spacing_mut().slider_width = 70.0;
            }
            let label = ui.label(t!("search-label"));
            let search_id = Id::unique(SEARCH_ID);
            let clear_px = if top_bar.text.is_empty() { 0.0 } else { 24.0 };
            let edit = egui::TextEdit::singleline(&mut top_bar.text)
                .id(search_id)
                .hint_text(if narrow { t!("search-hint-short") } else { t!("search-hint") })
                // The clear button takes its room from the field: the bar never grows under the
                // buttons on its right (Kazakh's words filled 800 px).
                .desired_width((ui.available_width() - 900.0).max(if narrow { 120.0 } else { 200.0 }) - clear_px);
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
            if !top_bar.text.is_empty() && ui.small_button("×").on_hover_text(t!("search-clear")).clicked() {
                actions.push(Action::ClearSearch);
            }
            ui.add(egui::Label::new(egui::RichText::new("?").strong()).sense(egui::Sense::hover()))
                .on_hover_ui(search_help_ui);

            // A narrow window leaves out the words before the order and the size: their hover
            // texts still say what they are. (Russian and Kazakh words are long: with them, the
            // bar did not fit 800 px.)
            // One order, whichever control set it: a list column clicked shows here too.
            let order = app.settings.order;
            let order_label = (!narrow).then(|| ui.label(t!("order-label")));
            let shown = match app.sort {
                Some((column, ascending)) => crate::ui::panels::browser::column_sort_label(column, ascending),
                None => crate::ui::sort_label(order),
            };
            let combo = egui::ComboBox::from_id_salt("order")
                .selected_text(shown)
                .width(if narrow { 96.0 } else { 110.0 })
                .show_ui(ui, |ui| {
                    for sort in Sort::ALL {
                        let on = app.sort.is_none() && order == sort;
                        if ui.selectable_label(on, crate::ui::sort_label(sort)).clicked() && !on {
                            actions.push(Action::SetOrder(sort));
                        }
                    }
                })
                .response;
            match order_label {
                Some(label) => combo.labelled_by(label.id),
                None => combo,
            }
            .on_hover_text(t!("order-hover"));

            ui.separator();
            let mut view = app.settings.view;
            let views = [
                (View::Grid, t!("view-grid"), t!("view-grid-hover")),
                (View::List, t!("view-list"), t!("view-list-hover")),
                (View::Coverage, t!("view-coverage"), t!("view-coverage-hover")),
            ];
            if compact_views {
                // Three buttons do not fit beside the rest at 800 or 1280 px: one menu of them.
                let shown =
                    views.iter().find(|(v, ..)| *v == view).map(|(_, name, _)| name.clone()).unwrap_or_default();
                egui::ComboBox::from_id_salt("view")
                    .selected_text(shown)
                    .width(84.0)
                    .show_ui(ui, |ui| {
                        for (v, name, hover) in &views {
                            ui.selectable_value(&mut view, *v, name.as_str()).on_hover_text(hover.as_str());
                        }
                    })
                    .response
                    .on_hover_text(t!("view-menu-hover"));
            } else {
                for (v, name, hover) in &views {
                    ui.selectable_value(&mut view, *v, name.as_str()).on_hover_text(hover.as_str());
                }
            }
            if view != app.settings.view {
                actions.push(Action::SetView(view));
            }
            // The thumbnail size only where it leaves room for the buttons on the right.
            let right_px = right_buttons_px(ui, narrow);
            let size_px = ui.spacing().slider_width + ui.spacing().item_spacing.x * 2.0;
            if app.settings.view == View::Grid && ui.available_width() - right_px >= size_px {
                let label = (!narrow).then(|| ui.label(t!("thumb-size-label")));
                let mut size_px = app.settings.thumb_size_px;
                let slider = ui.add(egui::Slider::new(&mut size_px, 96.0..=256.0).show_value(false));
                match label {
                    Some(label) => slider.labelled_by(label.id),
                    None => slider,
                }
                .on_hover_text(t!("thumb-size-hover"));
                if size_px != app.settings.thumb_size_px {
                    actions.push(Action::SetThumbSize(size_px));
                }
            }

            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                right_buttons_ui(ui, app, narrow, actions);
            });
        });
        ui.add_space(4.0);
    });
}

/// The bar's right end, right to left: export, review, the language menu, import.
fn right_buttons_ui(ui: &mut egui::Ui, app: &AppState, narrow: bool, actions: &mut Vec<Action>) {
    let ready = app.is_ready();
    let exporting = app.export.is_some();
    let n = if app.selection.is_empty() { app.results.len() + app.folded.len() } else { app.n_selected() };
    let export = ui
        .add_enabled(ready && !exporting && n > 0, egui::Button::new(t!("export-button")))
        .on_hover_text(t!("export-button-hover", n = n));
    if export.clicked() {
        actions.push(Action::Export(ExportAction::Open));
    }
    let review = ui
        .add_enabled(
            ready && n > 0,
            egui::Button::new(if narrow { t!("review-button-short") } else { t!("review-button") }),
        )
        .on_hover_text(t!("review-button-hover", n = n));
    if review.clicked() {
        actions.push(Action::Review(ReviewAction::Open(None)));
    }
    language_menu_ui(ui, app.settings.language, narrow, actions);
    let importing = app.import.is_some();
    ui.add_enabled_ui(ready && !importing, |ui| {
        ui.menu_button(t!("import-menu"), |ui| {
            if ui.button(t!("import-files")).clicked() {
                actions.push(Action::Import(ImportAction::PickFiles));
            }
            if ui.button(t!("import-folder")).clicked() {
                actions.push(Action::Import(ImportAction::PickFolder));
            }
            if ui.button(t!("import-links")).on_hover_text(t!("import-links-hover")).clicked() {
                actions.push(Action::Import(ImportAction::OpenLinkPrompt));
            }
            if ui.button(t!("import-check-mail")).on_hover_text(t!("import-check-mail-hover")).clicked() {
                actions.push(Action::Import(ImportAction::CheckMail));
            }
            if ui.button(t!("import-rules")).on_hover_text(t!("import-rules-hover")).clicked() {
                actions.push(Action::Rules(crate::ui::RulesAction::Open));
            }
            ui.separator();
            let mut accept = app.accept_countries_on_import;
            let toggle =
                ui.checkbox(&mut accept, t!("import-tag-countries")).on_hover_text(t!("import-tag-countries-hover"));
            if toggle.changed() {
                actions.push(Action::Edit(Edit::AcceptCountriesOnImport(accept)));
            }
        });
    });
}

/// How wide the buttons on the bar's right are (import, language, export), in this language.
fn right_buttons_px(ui: &egui::Ui, narrow: bool) -> f32 {
    let language = if narrow { crate::i18n::language().code().to_uppercase() } else { t!("language-menu") };
    let font = egui::TextStyle::Button.resolve(ui.style());
    let review = if narrow { t!("review-button-short") } else { t!("review-button") };
    let texts = [t!("import-menu"), language, review, t!("export-button")];
    let text_px: f32 = texts
        .into_iter()
        .map(|text| ui.fonts_mut(|f| f.layout_no_wrap(text, font.clone(), egui::Color32::WHITE).size().x))
        .sum();
    let spacing = ui.spacing();
    text_px + 4.0 * (2.0 * spacing.button_padding.x + spacing.item_spacing.x) + 8.0
}

/// The language menu: each language under its own name; the choice is kept across starts. A
/// narrow window shows the language's code in place of the word.
fn language_menu_ui(ui: &mut egui::Ui, chosen: Option<Lang>, narrow: bool, actions: &mut Vec<Action>) {
    let title = if narrow { crate::i18n::language().code().to_uppercase() } else { t!("language-menu") };
    let menu = ui.menu_button(title, |ui| {
        // The system's language, followed when it changes (the setting stays unset).
        let system = t!("language-system", language = Lang::from_system().native_name());
        if ui.radio(chosen.is_none(), system).clicked() {
            actions.push(Action::SetLanguage(None));
            ui.close();
        }
        ui.separator();
        for lang in Lang::ALL {
            if ui.radio(chosen == Some(lang), lang.native_name()).clicked() {
                actions.push(Action::SetLanguage(Some(lang)));
                ui.close();
            }
        }
    });
    menu.response.on_hover_text(t!("language-menu"));
}

/// What can be typed in the search box, with an example of each.
fn search_help() -> [(&'static str, String); 16] {
    [
        ("corridor kazakhstan", t!("help-words")),
        ("kaz", t!("help-prefix")),
        ("\"middle corridor\"", t!("help-phrase")),
        ("belgium OR bruxelles", t!("help-or")),
        ("(kind:photo OR country:KZ) -lang:ru", t!("help-group")),
        ("-oil", t!("help-not")),
        ("country:BE", t!("help-country")),
        ("topic:energy", t!("help-topic")),
        ("event:\"Astana International Forum\"", t!("help-event")),
        ("-country:RU", t!("help-not-tag")),
        ("source:dknews", t!("help-source")),
        ("kind:photo", t!("help-kind")),
        ("lang:ru", t!("help-lang")),
        ("date:2024-01..2024-03", t!("help-date")),
        ("imported:this-week", t!("help-imported")),
        ("in:trash", t!("help-trash")),
    ]
}

fn search_help_ui(ui: &mut egui::Ui) {
    ui.strong(t!("help-title"));
    egui::Grid::new("search-help").num_columns(2).spacing([16.0, 4.0]).show(ui, |ui| {
        for (example, meaning) in search_help() {
            ui.monospace(example);
            ui.label(meaning);
            ui.end_row();
        }
    });
    ui.weak(t!("help-order"));
}
