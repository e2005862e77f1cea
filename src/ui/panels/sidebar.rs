//! The left sidebar: what kind, when imported, and the tag browser (countries, topics, events)
//! with counts for the current results. Clicking a tag filters by it; clicking again clears.

use crate::archive::{Kind, TagKind};

use crate::search::query::Relative;
use crate::t;
use crate::ui::state::AppState;
use crate::ui::worker::Edit;
use crate::ui::{Action, FilterAction, ReviewAction};

/// The sidebar's own state: the text that narrows the tag browser, and the name being typed
/// for a saved search (new, or renamed).
#[derive(Default)]
pub struct Sidebar {
    tag_filter_text: String,
    /// The name for the search being saved, while it is typed.
    naming: Option<String>,
    /// A saved search being renamed: its name, and the new one as typed.
    renaming: Option<(String, String)>,
    /// Put the keyboard in the name field on the next frame.
    focus_name: bool,
    /// A topic or event being named in the window's language, and the name as typed.
    naming_tag: Option<(crate::archive::Tag, String)>,
}

/// Draws the sidebar; returns where it was drawn.
pub fn sidebar_ui(ui: &mut egui::Ui, app: &AppState, sidebar: &mut Sidebar, actions: &mut Vec<Action>) -> egui::Rect {
    let window_px = ui.ctx().content_rect().width();
    let range = super::width_range(window_px, super::SIDEBAR_MIN_PX, super::SIDEBAR_MAX_SHARE);
    // A small window gives the results the room: the sidebar starts at its least width there.
    let default_px = (window_px * 0.2).clamp(super::SIDEBAR_MIN_PX, 230.0);
    let panel = egui::Panel::left("sidebar").resizable(true).default_size(default_px).size_range(range);
    panel
        .show(ui, |ui| {
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                ui.add_space(6.0);
                ui.strong(t!("sidebar-library"));
                let f = &app.filters;
                let everything =
                    !f.in_trash && !f.in_inbox && f.kind.is_none() && f.imported.is_none() && f.tags.is_empty();
                if ui.selectable_label(everything, t!("sidebar-all", n = app.n_total)).clicked() {
                    actions.push(Action::Filter(FilterAction::Clear));
                }
                // What is new and not looked at yet; Done (D) takes the selection out of it.
                let inbox = ui.selectable_label(f.in_inbox, t!("sidebar-inbox", n = app.n_inbox));
                if inbox.on_hover_text(t!("sidebar-inbox-hover")).clicked() {
                    actions.push(Action::Filter(FilterAction::ShowInbox(!f.in_inbox)));
                }
                for (kind, label) in [(Kind::Article, t!("sidebar-articles")), (Kind::Photo, t!("sidebar-photos"))] {
                    let on = f.kind == Some(kind);
                    if ui.selectable_label(on, label).clicked() {
                        actions.push(Action::Filter(FilterAction::SetKind(if on { None } else { Some(kind) })));
                    }
                }
                for (when, label) in
                    [(Relative::Today, t!("sidebar-imported-today")), (Relative::ThisWeek, t!("sidebar-imported-week"))]
                {
                    let on = f.imported.and_then(|r| r.relative) == Some(when);
                    if ui.selectable_label(on, label).clicked() {
                        actions.push(Action::Filter(FilterAction::SetImported(if on { None } else { Some(when) })));
                    }
                }
                if ui.selectable_label(f.in_trash, t!("sidebar-trash", n = app.n_trashed)).clicked() {
                    actions.push(Action::Filter(FilterAction::ShowTrash(!f.in_trash)));
                }
                let mut collapse = app.settings.collapse_reprints;
                let toggle = ui
                    .checkbox(&mut collapse, t!("sidebar-collapse-reprints"))
                    .on_hover_text(t!("sidebar-collapse-reprints-hover"));
                if toggle.changed() {
                    actions.push(Action::SetCollapseReprints(collapse));
                }
                ui.add_space(8.0);
                saved_searches_ui(ui, app, sidebar, actions);
                ui.add_space(8.0);

                let label = ui.label(t!("sidebar-filter-tags"));
                ui.add(
                    egui::TextEdit::singleline(&mut sidebar.tag_filter_text)
                        .hint_text(t!("sidebar-filter-tags-hint"))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                let needle = sidebar.tag_filter_text.trim().to_lowercase();

                for kind in TagKind::ALL {
                    let tags: Vec<_> = app
                        .tag_counts
                        .iter()
                        .filter(|t| t.tag.kind == kind)
                        .filter(|t| {
                            needle.is_empty()
                                || t.tag.name.to_lowercase().contains(&needle)
                                || t.tag.value.to_lowercase().contains(&needle)
                                || crate::ui::tag_label(&t.tag).to_lowercase().contains(&needle)
                        })
                        .collect();
                    // Active filters stay visible even when no result carries them any more.
                    let active: Vec<_> = app.filters.required_tags().into_iter().filter(|t| t.kind == kind).collect();
                    let header =
                        format!("{} ({})", crate::ui::tag_kind_plural(kind), crate::ui::format_count(tags.len()));
                    egui::CollapsingHeader::new(header).id_salt(kind.as_str()).default_open(true).show(ui, |ui| {
                        if tags.is_empty() && active.is_empty() {
                            ui.weak(if needle.is_empty() { t!("sidebar-no-tags") } else { t!("sidebar-no-match") });
                        }
                        for t in &active {
                            if !tags.iter().any(|c| c.tag.key() == t.key())
                                && ui.selectable_label(true, format!("{} (0)", crate::ui::tag_label(t))).clicked()
                            {
                                actions.push(Action::Filter(FilterAction::ToggleTag(t.clone())));
                            }
                        }
                        let mut sorted = tags;
                        sorted.sort_by(|a, b| {
                            b.n_clippings.cmp(&a.n_clippings).then_with(|| a.tag.name.cmp(&b.tag.name))
                        });
                        for t in sorted {
                            let on = app.filters.has_tag(&t.tag);
                            let text = format!(
                                "{} ({})",
                                crate::ui::tag_label(&t.tag),
                                crate::ui::format_count(t.n_clippings)
                            );
                            let response = ui.selectable_label(on, text);
                            if response.clicked() {
                                actions.push(Action::Filter(FilterAction::ToggleTag(t.tag.clone())));
                            }
                            if kind != TagKind::Country && app.may_change {
                                tag_name_ui(ui, &t.tag, response, sidebar, actions);
                            }
                        }
                    });
                }
            });
        })
        .response
        .rect
}

/// The saved searches: each with what it finds and how much of that is new since it was last
/// opened; a click shows it; its context menu renames, moves or deletes it. Below them, the
/// current search (words, sidebar filters, order) can be saved under a name.
fn saved_searches_ui(ui: &mut egui::Ui, app: &AppState, sidebar: &mut Sidebar, actions: &mut Vec<Action>) {
    ui.strong(t!("saved-title"));
    let n_saved = app.saved.len();
    for (i, saved) in app.saved.iter().enumerate() {
        let name = &saved.search.name;
        if let Some((old, text)) = &mut sidebar.renaming
            && old == name
        {
            let (done, cancel) =
                name_field_ui(ui, text, &mut sidebar.focus_name, t!("saved-name-label"), &t!("saved-name-hint"));
            if done {
                actions.push(Action::Edit(Edit::RenameSavedSearch { old: old.clone(), new: text.clone() }));
            }
            if done || cancel {
                sidebar.renaming = None;
            }
            continue;
        }
        let response = ui
            .horizontal(|ui| {
                let response = ui
                    .selectable_label(false, format!("{name} ({})", crate::ui::format_count(saved.n)))
                    .on_hover_text(&saved.search.query);
                if saved.n_new > 0 {
                    let new = egui::RichText::new(t!("saved-new", n = saved.n_new)).small().strong();
                    ui.label(new.color(ui.visuals().warn_fg_color));
                }
                response
            })
            .inner;
        if response.clicked() {
            actions.push(Action::OpenSavedSearch(i));
        }
        response.context_menu(|ui| {
            if ui.button(t!("saved-rename")).clicked() {
                sidebar.renaming = Some((name.clone(), name.clone()));
                sidebar.focus_name = true;
                ui.close();
            }
            if i > 0 && ui.button(t!("saved-move-up")).clicked() {
                actions.push(Action::Edit(Edit::MoveSavedSearch { name: name.clone(), to: i - 1 }));
                ui.close();
            }
            if i + 1 < n_saved && ui.button(t!("saved-move-down")).clicked() {
                actions.push(Action::Edit(Edit::MoveSavedSearch { name: name.clone(), to: i + 1 }));
                ui.close();
            }
            if ui.button(t!("review-button")).clicked() {
                actions.push(Action::Review(ReviewAction::Open(Some(name.clone()))));
                ui.close();
            }
            if ui.button(t!("saved-delete")).clicked() {
                actions.push(Action::Edit(Edit::RemoveSavedSearch(name.clone())));
                ui.close();
            }
        });
    }
    if app.saved.is_empty() && sidebar.naming.is_none() {
        ui.weak(t!("saved-none"));
    }
    match &mut sidebar.naming {
        Some(text) => {
            let (done, cancel) =
                name_field_ui(ui, text, &mut sidebar.focus_name, t!("saved-name-label"), &t!("saved-name-hint"));
            if done && !text.trim().is_empty() {
                actions.push(Action::SaveSearch(text.trim().to_owned()));
            }
            if done || cancel {
                sidebar.naming = None;
            }
        }
        None => {
            let f = &app.filters;
            let something = !app.search_text.trim().is_empty() || f.kind.is_some() || !f.tags.is_empty();
            let button = ui.add_enabled(something, egui::Button::new(t!("saved-save")).small());
            if button.on_hover_text(t!("saved-save-hover")).clicked() {
                sidebar.naming = Some(String::new());
                sidebar.focus_name = true;
            }
        }
    }
}

/// A topic's or event's menu: its name in the window's language, given here (found then by
/// `topic:` in any language, shown in chips, exports and reviews in this one).
fn tag_name_ui(
    ui: &mut egui::Ui,
    tag: &crate::archive::Tag,
    response: egui::Response,
    sidebar: &mut Sidebar,
    actions: &mut Vec<Action>,
) {
    let lang = crate::i18n::language();
    response.context_menu(|ui| {
        if ui.button(t!("tag-name-in", language = lang.native_name())).clicked() {
            sidebar.naming_tag = Some((tag.clone(), crate::i18n::tag_name(tag)));
            sidebar.focus_name = true;
            ui.close();
        }
    });
    let Some((naming, text)) = sidebar.naming_tag.as_mut().filter(|(t, _)| t.key() == tag.key()) else { return };
    let label = t!("tag-name-label", language = lang.native_name());
    let (done, cancel) = name_field_ui(ui, text, &mut sidebar.focus_name, label, &naming.name);
    if done {
        let edit =
            Edit::NameTag { tag: naming.clone(), language: lang.code().to_owned(), name: text.trim().to_owned() };
        actions.push(Action::Edit(edit));
    }
    if done || cancel {
        sidebar.naming_tag = None;
    }
}

/// A field for a name (a saved search's, a tag's in this language); returns (Enter pressed,
/// given up with Escape or a click elsewhere).
fn name_field_ui(ui: &mut egui::Ui, text: &mut String, focus: &mut bool, label: String, hint: &str) -> (bool, bool) {
    let label = ui.label(label);
    let response =
        ui.add(egui::TextEdit::singleline(text).hint_text(hint).desired_width(f32::INFINITY)).labelled_by(label.id);
    if std::mem::take(focus) {
        response.request_focus();
    }
    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    (enter, response.lost_focus() && !enter)
}
