//! Tags in the detail and bulk panes: chips with a × to remove, and the field that adds one,
//! with completions from known tags and country names in every language we have.

use egui::{Color32, CornerRadius, Stroke};

use crate::archive::{ClippingId, Tag, TagKind, countries, tags};
use crate::t;
use crate::ui::Action;
use crate::ui::state::AppState;
use crate::ui::worker::Edit;

/// The tag field's own state: the kind chosen and the text typed.
pub struct TagInput {
    kind: TagKind,
    text: String,
    /// Put the keyboard in the field on the next frame (the context menu's "Tag…").
    pub focus: bool,
}

impl Default for TagInput {
    fn default() -> Self {
        TagInput { kind: TagKind::Topic, text: String::new(), focus: false }
    }
}

/// Chips are framed groups, whose width a wrapping row cannot know before they are drawn: each
/// chip measures itself first, starts a new row when it would not fit, and cuts its text to the
/// pane's width. Returns the widest its label may be.
pub fn place_chip(ui: &mut egui::Ui, text: &egui::WidgetText, n_buttons: usize) -> f32 {
    const BUTTON_PX: f32 = 18.0;
    const FRAME_PX: f32 = 8.0 * 2.0 + 2.0;
    let buttons_px = n_buttons as f32 * BUTTON_PX;
    let row_px = ui.max_rect().width();
    let max_label_px = (row_px - buttons_px - FRAME_PX - 4.0).max(40.0);
    let galley = text.clone().into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, egui::TextStyle::Body);
    let chip_px = galley.size().x.min(max_label_px) + buttons_px + FRAME_PX;
    let at_row_start = ui.cursor().min.x <= ui.max_rect().min.x + 1.0;
    if !at_row_start && ui.available_size_before_wrap().x < chip_px {
        ui.end_row();
    }
    max_label_px
}

/// A tag as a chip with a ×; returns whether the × was clicked.
pub fn chip_ui(ui: &mut egui::Ui, tag: &Tag, count: Option<usize>) -> bool {
    let color = match tag.kind {
        TagKind::Country => Color32::from_rgb(52, 101, 164),
        TagKind::Topic => Color32::from_rgb(78, 154, 6),
        TagKind::Event => Color32::from_rgb(173, 127, 168),
    };
    let name = crate::ui::tag_label(tag);
    let text = match count {
        Some(n) => format!("{name} ({})", crate::ui::format_count(n)),
        None => name.clone(),
    };
    let hover = format!("{}: {text}", crate::ui::tag_kind_label(tag.kind));
    let mut removed = false;
    chip(
        ui,
        Some(color),
        color,
        text.into(),
        hover,
        &mut [("×", t!("tag-remove", name = name.as_str()), &mut removed)],
    );
    removed
}

/// A chip: a rounded frame holding a label cut to the pane and small buttons after it, each
/// `(text, accessible name, clicked)`. Placed by [`place_chip`], so rows of chips wrap.
pub fn chip(
    ui: &mut egui::Ui,
    fill: Option<Color32>,
    stroke: Color32,
    label: egui::WidgetText,
    hover: String,
    buttons: &mut [(&str, String, &mut bool)],
) {
    let max_label_px = place_chip(ui, &label, buttons.len());
    let frame = egui::Frame::new()
        .fill(fill.map_or(Color32::TRANSPARENT, |f| f.gamma_multiply(0.25)))
        .stroke(Stroke::new(1.0, stroke))
        .corner_radius(CornerRadius::same(10))
        .inner_margin(egui::Margin::symmetric(8, 2));
    frame.show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            ui.scope(|ui| {
                ui.set_max_width(max_label_px);
                ui.add(egui::Label::new(label).truncate()).on_hover_text(hover);
            });
            for (text, name, clicked) in buttons.iter_mut() {
                let button = ui.add(egui::Button::new(*text).frame(false).small()).on_hover_text(name.as_str());
                button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name.as_str()));
                **clicked = button.clicked();
            }
        });
    });
}

/// The kind selector and the tag field with suggestions from known tags and country names.
pub fn tag_input_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    input: &mut TagInput,
    actions: &mut Vec<Action>,
    ids: &[ClippingId],
) {
    let mut submit = None;
    // Wrapped: with long words (Russian, Kazakh) a narrow pane puts the field on a line of its
    // own rather than grow wider than the window gives it.
    ui.horizontal_wrapped(|ui| {
        let kind_label = ui.label(t!("tag-kind-label"));
        egui::ComboBox::from_id_salt("tag-kind")
            .selected_text(crate::ui::tag_kind_label(input.kind))
            .width(80.0)
            .show_ui(ui, |ui| {
                for kind in TagKind::ALL {
                    ui.selectable_value(&mut input.kind, kind, crate::ui::tag_kind_label(kind));
                }
            })
            .response
            .labelled_by(kind_label.id);
        let label = ui.label(t!("tag-add-label"));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut input.text)
                    .hint_text(t!("tag-add-hint"))
                    .desired_width(ui.available_width().max(140.0)),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut input.focus) {
            response.request_focus();
            response.scroll_to_me(Some(egui::Align::Center));
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            submit = Some(input.text.clone());
        }
    });
    let typed = input.text.trim().to_lowercase();
    if !typed.is_empty() && submit.is_none() {
        let suggestions = completions(app, input.kind, &typed);
        ui.horizontal_wrapped(|ui| {
            for (kind, value, shown) in suggestions {
                if ui.small_button(shown).clicked() {
                    input.kind = kind;
                    submit = Some(value);
                }
            }
        });
    }
    if let Some(value) = submit {
        match tags::resolve(input.kind, &value) {
            Ok(tag) => {
                actions.push(Action::Edit(Edit::AddTag { tag, ids: ids.to_vec() }));
                input.text.clear();
            }
            Err(e) => actions.push(Action::ShowError(crate::ui::archive_error_text(&e))),
        }
    }
}

/// Up to eight completions for what is typed: known tags first, then countries by any name.
fn completions(app: &AppState, kind: TagKind, typed: &str) -> Vec<(TagKind, String, String)> {
    let mut out: Vec<(TagKind, String, String)> = Vec::new();
    for tag in &app.all_tags {
        if tag.kind == kind && (tag.name.to_lowercase().contains(typed) || tag.value.to_lowercase() == typed) {
            out.push((tag.kind, tag.value.clone(), tag.name.clone()));
        }
    }
    if kind == TagKind::Country {
        for country in countries::all() {
            if out.iter().any(|(_, v, _)| v == country.code) {
                continue;
            }
            if let Some(name) = country.names().find(|n| n.to_lowercase().starts_with(typed)) {
                let known = crate::i18n::country_name(country.code).unwrap_or(country.english);
                let shown = if name == known { name.to_owned() } else { format!("{name} ({known})") };
                out.push((TagKind::Country, country.code.to_owned(), shown));
            }
        }
    }
    out.truncate(8);
    out
}
