//! The Rules dialog (Import › Rules…): the rules with how many clippings each finds, and a
//! rule made as a search is typed, with its count as it is typed. A rule is a query and the
//! tags it gives; imports run every rule on what they bring.

use crate::archive::rules::Rule;
use crate::t;
use crate::ui::worker::{RulesReply, RulesRequest};
use crate::ui::{Action, RulesAction};
use crate::vocab::model::{Tag, TagKind};

/// The dialog's state while it is open.
#[derive(Default)]
pub struct RulesDialog {
    name: String,
    when: String,
    /// The tags to give, as typed: `topic:energy, country:KZ` (a bare name is a topic).
    tags: String,
    rules: Vec<(Rule, usize)>,
    /// The count the worker gave, for the query it was asked about.
    count: Option<(String, usize)>,
    /// The query last asked about, so each change asks once.
    asked: Option<String>,
    /// What saving or removing came to, or why the tags typed are not tags.
    message: Option<Result<String, String>>,
}

impl RulesDialog {
    /// Takes in the worker's answer.
    pub fn answered(&mut self, reply: RulesReply) {
        match reply {
            RulesReply::List(rules) => self.rules = rules,
            RulesReply::Count { when, n } => self.count = Some((when, n)),
            RulesReply::Done(done) => {
                if done.is_ok() {
                    (self.name, self.when, self.tags) = Default::default();
                }
                self.message = Some(done);
            }
        }
    }
}

/// The double quote a typed value may stand in (written so: the message check reads the
/// code's string literals between double quotes).
const QUOTE: char = '\u{22}';

/// The tags typed, each `kind:value` or a topic's name, comma-separated.
fn typed_tags(text: &str) -> Result<Vec<Tag>, String> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (kind, value) = match part.split_once(':') {
            Some((kind, value)) if kind.parse::<TagKind>().is_ok() => (kind.parse().unwrap_or(TagKind::Topic), value),
            _ => (TagKind::Topic, part),
        };
        let tag = crate::vocab::tags::resolve(kind, value.trim().trim_matches(QUOTE))
            .map_err(|e| crate::ui::archive_error_text(&e))?;
        out.push(tag);
    }
    Ok(out)
}

pub fn rules_dialog_ui(ctx: &egui::Context, dialog: &mut RulesDialog, may_change: bool, actions: &mut Vec<Action>) {
    if dialog.asked.as_deref() != Some(dialog.when.trim()) {
        dialog.asked = Some(dialog.when.trim().to_owned());
        actions.push(Action::Rules(RulesAction::Ask(RulesRequest::Count(dialog.when.trim().to_owned()))));
    }
    let modal = egui::Modal::new(egui::Id::unique("rules-dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(t!("rules-title"));
        ui.add(egui::Label::new(t!("rules-explained")).wrap());
        ui.add_space(6.0);
        if dialog.rules.is_empty() {
            ui.weak(t!("rules-none"));
        }
        for (rule, n) in &dialog.rules {
            ui.horizontal_wrapped(|ui| {
                let tags: Vec<String> = rule.add.iter().map(crate::ui::tag_label).collect();
                ui.strong(&rule.name);
                ui.label(t!("rules-line", when = rule.when.as_str(), tags = tags.join(", "), n = *n));
                ui.add_enabled_ui(may_change, |ui| {
                    if ui.small_button(t!("rules-apply")).on_hover_text(t!("rules-apply-hover", n = *n)).clicked() {
                        actions.push(Action::Rules(RulesAction::Ask(RulesRequest::Apply(rule.name.clone()))));
                    }
                    if ui.small_button(t!("rules-remove")).clicked() {
                        actions.push(Action::Rules(RulesAction::Ask(RulesRequest::Remove(rule.name.clone()))));
                    }
                });
            });
        }
        ui.separator();
        egui::Grid::new("rules-form").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
            let fields: [(String, &mut String, String); 3] = [
                (t!("rules-name"), &mut dialog.name, t!("rules-name-hint")),
                (t!("rules-when"), &mut dialog.when, t!("rules-when-hint")),
                (t!("rules-tags"), &mut dialog.tags, t!("rules-tags-hint")),
            ];
            for (label, value, hint) in fields {
                let label = ui.label(label);
                let field = egui::TextEdit::singleline(value).hint_text(hint).desired_width(380.0);
                ui.add(field).labelled_by(label.id);
                ui.end_row();
            }
        });
        let count = match &dialog.count {
            _ if dialog.when.trim().is_empty() => String::new(),
            Some((when, n)) if when == dialog.when.trim() => t!("rules-finds", n = *n),
            _ => t!("rules-counting"),
        };
        ui.weak(count);
        match &dialog.message {
            Some(Ok(done)) => {
                ui.label(done);
            }
            Some(Err(why)) => {
                ui.colored_label(ui.visuals().error_fg_color, why);
            }
            None => {}
        }
        ui.horizontal(|ui| {
            let ready = may_change && !dialog.name.trim().is_empty() && !dialog.when.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new(t!("rules-save"))).clicked() {
                match typed_tags(&dialog.tags) {
                    Ok(add) if !add.is_empty() => {
                        let (name, when) = (dialog.name.trim().to_owned(), dialog.when.trim().to_owned());
                        actions.push(Action::Rules(RulesAction::Ask(RulesRequest::Save { name, when, add })));
                    }
                    Ok(_) => dialog.message = Some(Err(t!("archive-error-incomplete-rule"))),
                    Err(why) => dialog.message = Some(Err(why)),
                }
            }
            if ui.button(t!("close")).clicked() {
                actions.push(Action::Rules(RulesAction::Close));
            }
        });
    });
    if modal.should_close() {
        actions.push(Action::Rules(RulesAction::Close));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_typed_as_kind_and_value_or_a_topic_name() {
        let tags = typed_tags("topic:энергетика, country:Казахстан, Middle Corridor, event:\"C5+1\"").unwrap();
        let keys: Vec<String> = tags.iter().map(Tag::key).collect();
        assert_eq!(keys, ["topic:energy", "country:kz", "topic:middle corridor", "event:c5+1"]);
        assert!(typed_tags("country:Atlantis").is_err());
        assert!(typed_tags(" , ").unwrap().is_empty());
    }
}
