//! The right pane: the selected clipping (photo fitted, zoomable and pannable; or the article's
//! text), its fields for editing and its tags as chips; with several selected, tagging in bulk.

use super::bulk;
use super::tags::{TagInput, chip_ui, tag_input_ui};
use crate::archive::card::Card;
use crate::archive::{Clipping, ClippingId, ClippingWithTags, Kind, Suggestion, Tag};
use crate::t;
use crate::ui::Action;
use crate::ui::matches::{Matches, highlighted};
use crate::ui::state::AppState;
use crate::ui::thumbs::ThumbCache;
use crate::ui::worker::Edit;

const MAX_PHOTO_SIDE_PX: u32 = 2048;

/// The detail pane's own state: the clipping shown with its fields as being edited, the tag
/// being typed, and the bulk pane's summary of the selection.
#[derive(Default)]
pub struct DetailPane {
    shown: Option<Detail>,
    tag_input: TagInput,
    /// The summary of the selection, with the (results, selection) key it was made for.
    summary: bulk::SummaryCache,
    /// The bulk pane shows every tag of the selection, not the most carried only.
    all_chips: bool,
}

impl DetailPane {
    /// Puts the keyboard in the tag field on the next frame.
    pub fn focus_tag_field(&mut self) {
        self.tag_input.focus = true;
    }

    pub fn shown_id(&self) -> Option<ClippingId> {
        self.shown.as_ref().map(|d| d.item.clipping.id)
    }

    pub fn shown_clipping(&self) -> Option<&Clipping> {
        self.shown.as_ref().map(|d| &d.item.clipping)
    }

    /// The size of the picture loaded for the clipping shown (a photo, a scanned page).
    pub fn shown_picture_size(&self) -> Option<[usize; 2]> {
        self.shown.as_ref()?.image.as_ref().map(egui::TextureHandle::size)
    }

    /// Shows a clipping as the catalog has it, until the worker's fresh copy comes.
    pub fn show(&mut self, clipping: Clipping, tags: Vec<Tag>) {
        self.shown = Some(Detail::new(ClippingWithTags { clipping, tags }));
    }

    pub fn clear(&mut self) {
        self.shown = None;
    }

    /// Shows the clipping as the worker read it, keeping a photo already decoded.
    pub fn replace(&mut self, item: ClippingWithTags) {
        let kept = self.shown.take().filter(|d| d.item.clipping.id == item.clipping.id);
        let mut detail = Detail::new(item);
        if let Some(old) = kept {
            detail.conflict = old.conflict;
            detail.history = old.history;
            detail.image = old.image;
            detail.image_requested = old.image_requested;
            detail.zoom = old.zoom;
            detail.pan = old.pan;
            detail.suggestions = old.suggestions;
        }
        self.shown = Some(detail);
    }

    /// An edit of the shown clipping was refused because another desktop changed it since: the
    /// pane shows the newer record, and keeps the user's edit to apply again.
    pub fn stale(&mut self, mine: Clipping, newer: Clipping) {
        let Some(d) = self.shown.as_ref().filter(|d| d.item.clipping.id == mine.id) else { return };
        let tags = d.item.tags.clone();
        self.replace(ClippingWithTags { clipping: newer, tags });
        if let Some(d) = self.shown.as_mut() {
            d.conflict = Some(mine);
        }
    }

    /// Who imported, tagged and edited the shown clipping (a team archive's).
    pub fn set_history(&mut self, id: ClippingId, changes: Vec<crate::archive::ChangeSet>) {
        if let Some(d) = self.shown.as_mut().filter(|d| d.item.clipping.id == id) {
            d.history = changes;
        }
    }

    /// The shown clipping's open suggestions, as the worker read them.
    pub fn set_suggestions(&mut self, id: ClippingId, suggestions: Vec<Suggestion>) {
        if let Some(d) = self.shown.as_mut().filter(|d| d.item.clipping.id == id) {
            d.suggestions = Some(suggestions);
        }
    }

    /// Takes in a newer copy of the shown clipping (its tags changed, say): fields the user has
    /// not touched follow it, fields being edited stay as typed.
    pub fn update_from(&mut self, card: &Card, tags: &[Tag]) {
        let Some(d) = self.shown.as_mut().filter(|d| d.item.clipping.id == card.id) else { return };
        // The catalog keeps a card, with the fields the pane edits but not the text, which no
        // edit here changes: the pane keeps the record it read, with the card's fields.
        let mut clipping = d.item.clipping.clone();
        card.edited_into(&mut clipping);
        let mut fresh = Detail::new(ClippingWithTags { clipping, tags: tags.to_vec() });
        let before = Detail::new(d.item.clone());
        let mut clash = false;
        for (field, was, now) in [
            (&mut d.title, before.title, fresh.title),
            (&mut d.source, before.source, fresh.source),
            (&mut d.author, before.author, fresh.author),
            (&mut d.date, before.date, fresh.date),
            (&mut d.notes, before.notes, fresh.notes),
            (&mut d.caption, before.caption, fresh.caption),
            (&mut d.credit, before.credit, fresh.credit),
            (&mut d.copyright, before.copyright, fresh.copyright),
        ] {
            if *field == was {
                *field = now;
            } else if now != was {
                clash = true;
            }
        }
        // A field being edited that someone else changed too: the edit stays made from the
        // version it started on, so saving it is refused as stale and both are shown, rather
        // than theirs overwritten unseen.
        if clash {
            d.made_from.get_or_insert(d.item.clipping.version);
        }
        if let Some(version) = d.made_from {
            fresh.item.clipping.version = version;
        }
        d.item = fresh.item;
    }

    pub fn set_image(&mut self, id: ClippingId, texture: egui::TextureHandle) {
        if let Some(d) = self.shown.as_mut().filter(|d| d.item.clipping.id == id) {
            d.image = Some(texture);
        }
    }

    /// The photo could not be decoded: the thumbnail stays, and it is not asked for again.
    pub fn image_failed(&mut self) {
        if let Some(d) = self.shown.as_mut() {
            d.image_requested = true;
        }
    }
}

/// The detail pane's clipping with the fields being edited.
pub(super) struct Detail {
    pub item: ClippingWithTags,
    pub title: String,
    pub source: String,
    pub author: String,
    pub date: String,
    pub notes: String,
    /// A photo's agency fields (a scan's, an article's where it has them).
    pub caption: String,
    pub credit: String,
    pub copyright: String,
    pub image: Option<egui::TextureHandle>,
    pub image_requested: bool,
    pub zoom: f32,
    pub pan: egui::Vec2,
    /// A Chinese, Japanese or Korean letter of the clipping, to check the fonts can draw it.
    pub cjk_sample: Option<char>,
    pub shown_at: std::time::Instant,
    /// The open suggestions, once the worker has read them (`None` until then).
    pub suggestions: Option<Vec<Suggestion>>,
    /// The user's edit that another desktop's change overtook, kept to apply again.
    pub conflict: Option<Clipping>,
    /// The version the fields being edited started from, once someone else changed one of them
    /// meanwhile: saving is then refused as stale, and both are shown.
    pub made_from: Option<u64>,
    /// Who imported, tagged and edited it, oldest first (a team archive's; empty otherwise).
    pub history: Vec<crate::archive::ChangeSet>,
}

impl Detail {
    fn new(item: ClippingWithTags) -> Detail {
        let c = &item.clipping;
        let cjk_sample = cjk_sample(c);
        Detail {
            title: c.title.clone(),
            source: c.source.clone(),
            author: c.author.clone(),
            date: c.published.map(|d| d.to_string()).unwrap_or_default(),
            notes: c.notes.clone(),
            caption: c.caption.clone(),
            credit: c.credit.clone(),
            copyright: c.copyright.clone(),
            item,
            image: None,
            image_requested: false,
            zoom: 1.0,
            pan: egui::Vec2::ZERO,
            cjk_sample,
            shown_at: std::time::Instant::now(),
            suggestions: None,
            conflict: None,
            made_from: None,
            history: Vec::new(),
        }
    }

    /// The clipping as edited, if the fields parse; `Err` says what is wrong.
    fn edited(&self) -> Result<Clipping, String> {
        let mut c = self.item.clipping.clone();
        c.title = self.title.trim().to_owned();
        c.source = self.source.trim().to_owned();
        c.author = self.author.trim().to_owned();
        c.notes = self.notes.clone();
        c.caption = self.caption.trim().to_owned();
        c.credit = self.credit.trim().to_owned();
        c.copyright = self.copyright.trim().to_owned();
        let date = self.date.trim();
        c.published = if date.is_empty() {
            None
        } else {
            Some(chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| t!("not-a-date", date = date))?)
        };
        Ok(c)
    }
}

pub fn detail_panel_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    pane: &mut DetailPane,
    thumbs: &mut ThumbCache,
    matches: &mut Matches,
    selection_key: (usize, u64),
    actions: &mut Vec<Action>,
) -> Option<egui::Rect> {
    let window_px = ui.ctx().content_rect().width();
    let range = super::width_range(window_px, super::DETAIL_MIN_PX, super::DETAIL_MAX_SHARE);
    let default_px = (window_px * 0.3).clamp(super::DETAIL_MIN_PX, 380.0);
    let panel = egui::Panel::right("detail").resizable(true).default_size(default_px).size_range(range);
    let shown = panel.show(ui, |ui| {
        // Several selected: what can be done with them stays at the top, above what scrolls.
        let summary = (app.selection.len() > 1).then(|| {
            let summary = bulk::selection_summary(&mut pane.summary, app, selection_key, ui.ctx());
            match &summary {
                Some(summary) => bulk::bulk_header_ui(ui, app, summary, actions),
                None => bulk::counting_ui(ui),
            }
            summary
        });
        egui::ScrollArea::vertical().auto_shrink([false, false]).id_salt("detail-scroll").show(ui, |ui| {
            // Everything in the pane wraps or is cut to the pane: nothing may widen it. The
            // scroll bar floats over the pane's right edge when the pane scrolls: the fields
            // stop before it.
            let bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin;
            ui.set_max_width(ui.available_width() - bar);
            match summary {
                // The pane stays when nothing is selected, so the grid keeps its columns and
                // the card clicked stays under the pointer.
                _ if app.selection.is_empty() => bulk::nothing_selected_ui(ui, app),
                Some(Some(summary)) => {
                    // A team archive's reader sees what the selection carries, and no button
                    // to change it.
                    let (tag_input, all_chips) = (&mut pane.tag_input, &mut pane.all_chips);
                    ui.add_enabled_ui(app.may_change, |ui| {
                        bulk::bulk_tags_ui(ui, app, tag_input, all_chips, &summary, actions)
                    });
                }
                // Being counted: the heading says so.
                Some(None) => {}
                None => single_ui(ui, app, pane, thumbs, matches, actions),
            }
        });
    });
    Some(shown.response.rect)
}

/// The other outlets that printed the same story, earliest first.
/// The first Chinese, Japanese or Korean letter of a clipping's words, if it has any.
fn cjk_sample(c: &Clipping) -> Option<char> {
    let is_hangul = |ch: char| matches!(ch, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}');
    [&c.title, &c.caption, &c.body]
        .into_iter()
        .find_map(|text| text.chars().take(20_000).find(|&ch| crate::search::cjk::is_cjk(ch) || is_hangul(ch)))
}

/// egui's fonts have no Chinese, Japanese or Korean letters; eframe borrows them from the
/// system's fonts when a text needs them. Where the system has none, the letters are boxes:
/// say so, and how to get a font, rather than show boxes unexplained.
fn missing_font_ui(ui: &mut egui::Ui, detail: &Detail) {
    let Some(sample) = detail.cjk_sample else { return };
    // The system's fonts are looked up on a thread: give it a moment before judging.
    let wait = std::time::Duration::from_millis(1500);
    if detail.shown_at.elapsed() < wait {
        ui.ctx().request_repaint_after(wait);
        return;
    }
    let font = egui::FontId::proportional(14.0);
    if ui.ctx().fonts_mut(|f| f.has_glyph(&font, sample)) {
        return;
    }
    if add_cjk_font(ui.ctx()) {
        ui.spinner();
        return;
    }
    let missing = if cfg!(windows) { t!("missing-cjk-font-windows") } else { t!("missing-cjk-font") };
    ui.colored_label(ui.visuals().warn_fg_color, missing);
}

/// Reads the system's CJK font in (once) when a card's `sample` letter still has no glyph a
/// moment after it was first drawn (eframe's own look-up runs on a thread meanwhile).
pub(super) fn ensure_cjk_font(ctx: &egui::Context, sample: char) {
    static FIRST_MISSING: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    if ctx.fonts_mut(|f| f.has_glyph(&egui::FontId::proportional(13.5), sample)) {
        return;
    }
    let wait = std::time::Duration::from_millis(1500);
    let waited = FIRST_MISSING.get_or_init(std::time::Instant::now).elapsed();
    if waited < wait {
        ctx.request_repaint_after(wait - waited);
    } else {
        add_cjk_font(ctx);
    }
}

/// Where eframe's look-up found nothing (Windows' DirectWrite under Wine, a font folder it does
/// not list), the CJK font the press review would use is read from the system's font folders
/// and put behind egui's own: once per run, on a thread (the file is 10 to 20 MB). Whether it is
/// still being looked for.
fn add_cjk_font(ctx: &egui::Context) -> bool {
    use std::sync::atomic::{AtomicU8, Ordering};
    // 0: not tried, 1: being read, 2: done (added or none found).
    static STATE: AtomicU8 = AtomicU8::new(0);
    if STATE.compare_exchange(0, 1, Ordering::AcqRel, Ordering::Acquire).is_ok() {
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("cjk-font".into()).spawn(move || {
            let read = crate::review::fonts::system_cjk_font()
                .and_then(|(path, index)| std::fs::read(path).ok().map(|bytes| (bytes, index)));
            if let Some((bytes, index)) = read {
                let mut data = egui::FontData::from_owned(bytes);
                data.index = index;
                let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace].map(|family| {
                    egui::epaint::text::InsertFontFamily { family, priority: egui::epaint::text::FontPriority::Lowest }
                });
                ctx.add_font(egui::epaint::text::FontInsert::new("system-cjk", data, families.to_vec()));
            }
            STATE.store(2, Ordering::Release);
            ctx.request_repaint();
        });
        if spawned.is_err() {
            STATE.store(2, Ordering::Release);
        }
    }
    STATE.load(Ordering::Acquire) == 1
}

fn single_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    pane: &mut DetailPane,
    thumbs: &mut ThumbCache,
    matches: &mut Matches,
    actions: &mut Vec<Action>,
) {
    let Some(detail) = &mut pane.shown else {
        ui.spinner();
        return;
    };
    let id = detail.item.clipping.id;
    let kind = detail.item.clipping.kind;
    let is_scan = detail.item.clipping.is_scan();
    missing_font_ui(ui, detail);
    if detail.item.clipping.locked {
        ui.add(egui::Label::new(egui::RichText::new(t!("detail-locked")).color(ui.visuals().warn_fg_color)).wrap());
    }
    ui.add_space(6.0);
    if detail.item.clipping.trashed_at.is_some() && ui.button(t!("restore-from-trash")).clicked() {
        actions.push(Action::Edit(Edit::Restore(vec![id])));
    }
    // A scanned page has no text to show: its picture is what there is to read.
    if kind == Kind::Photo || is_scan {
        if detail.image.is_none() && !detail.image_requested {
            detail.image_requested = true;
            actions.push(Action::LoadImage(id, MAX_PHOTO_SIDE_PX));
        }
        let thumb = thumbs.get(&detail.item.clipping.hash);
        let texture = detail.image.clone().or(thumb);
        let marks = super::picture::scan_marks(&detail.item.clipping, matches);
        super::picture::photo_ui(ui, detail, texture, &marks);
        if app.scans.is_some() && detail.item.clipping.awaits_ocr() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t!("detail-reading-text"));
            });
        }
    } else {
        ui.label(egui::RichText::new(&detail.item.clipping.title).heading());
    }
    address_ui(ui, &detail.item.clipping);
    ui.add_space(6.0);

    let changed = fields_ui(ui, app, detail, kind == Kind::Photo || is_scan);
    if let Some(mine) = detail.conflict.clone() {
        conflict_ui(ui, detail, &mine, actions);
    }
    if changed {
        match detail.edited() {
            Ok(edited) if edited != detail.item.clipping => actions.push(Action::Edit(Edit::Update(Box::new(edited)))),
            Ok(_) => {}
            Err(message) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
        }
    }

    ui.add_space(8.0);
    ui.strong(t!("tags-title"));
    let tags_now = detail.item.tags.clone();
    ui.add_enabled_ui(app.may_change, |ui| {
        ui.horizontal_wrapped(|ui| {
            if tags_now.is_empty() {
                ui.weak(t!("no-tags-yet"));
            }
            for tag in tags_now {
                if chip_ui(ui, &tag, None) {
                    actions.push(Action::Edit(Edit::RemoveTag { tag, ids: vec![id] }));
                }
            }
        });
        tag_input_ui(ui, app, &mut pane.tag_input, actions, &[id]);
    });
    if let Some(suggestions) = pane.shown.as_ref().and_then(|d| d.suggestions.as_deref()) {
        ui.add_enabled_ui(app.may_change, |ui| suggestions_ui(ui, suggestions, actions, id));
    }
    if pane.shown.as_ref().is_some_and(|d| d.item.clipping.inbox) {
        let done = ui.add_enabled(app.may_change, egui::Button::new(t!("inbox-done")));
        if done.on_hover_text(t!("inbox-done-hover")).clicked() {
            actions.push(Action::MarkDone);
        }
    }
    super::reprints::reprints_ui(ui, app, id);

    let Some(detail) = &pane.shown else { return };
    let c = &detail.item.clipping;
    ui.add_space(8.0);
    history_ui(ui, &detail.history);
    facts_ui(ui, c);
    if c.kind == Kind::Article && !c.body.is_empty() {
        ui.add_space(8.0);
        ui.separator();
        let language = crate::vocab::language::declared_language(c);
        let ranges = matches.ranges(c.id, &c.body, &language);
        if ranges.is_empty() {
            ui.add(egui::Label::new(&c.body).selectable(true).wrap());
        } else {
            let job = highlighted(ui, &c.body, ranges, egui::TextStyle::Body, false);
            ui.add(egui::Label::new(job).selectable(true).wrap());
        }
    }
}

/// Where the clipping was published online, as a link to open in the browser; an article an
/// alert linked to that could not be fetched says so, and why.
fn address_ui(ui: &mut egui::Ui, c: &Clipping) {
    let url = c.url.trim();
    if url.starts_with("http://") || url.starts_with("https://") {
        // Long addresses are cut for the pane; the whole one is under the pointer.
        let shown: String =
            if url.chars().count() > 70 { url.chars().take(69).chain(['…']).collect() } else { url.to_owned() };
        ui.hyperlink_to(shown, url).on_hover_text(url);
    }
    if let Some(why) = &c.not_fetched {
        let text = egui::RichText::new(t!("detail-not-fetched")).color(ui.visuals().warn_fg_color);
        ui.add(egui::Label::new(text).wrap()).on_hover_text(why);
    }
}

/// What the file and the import tell of a clipping, folded away under "Details".
/// The fields to edit: title, outlet, author, date, a photo's agency fields, notes. True when
/// one lost the keyboard (the edit is then saved).
fn fields_ui(ui: &mut egui::Ui, app: &AppState, detail: &mut Detail, pictured: bool) -> bool {
    let mut changed = false;
    egui::Grid::new("fields").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
        for (name, value, hint) in [
            (t!("field-title"), &mut detail.title, String::new()),
            (t!("field-source"), &mut detail.source, t!("field-source-hint")),
            (t!("field-author"), &mut detail.author, String::new()),
            (t!("field-date"), &mut detail.date, t!("field-date-hint")),
        ] {
            let label = ui.label(name);
            // A team archive's reader reads the fields and changes none.
            let field = egui::TextEdit::singleline(value).hint_text(hint).desired_width(f32::INFINITY);
            let response = ui.add(field.interactive(app.may_change)).labelled_by(label.id);
            changed |= response.lost_focus();
            ui.end_row();
        }
        // A photo's (or a scan's) agency fields, to correct or fill in; an article's where
        // its file had them.
        let c = &detail.item.clipping;
        if pictured || !(c.caption.is_empty() && c.credit.is_empty() && c.copyright.is_empty()) {
            let label = ui.label(t!("fact-caption"));
            let caption = egui::TextEdit::multiline(&mut detail.caption).desired_rows(2).desired_width(f32::INFINITY);
            changed |= ui.add(caption.interactive(app.may_change)).labelled_by(label.id).lost_focus();
            ui.end_row();
            for (name, value) in
                [(t!("fact-credit"), &mut detail.credit), (t!("fact-copyright"), &mut detail.copyright)]
            {
                let label = ui.label(name);
                let field = egui::TextEdit::singleline(value).desired_width(f32::INFINITY);
                changed |= ui.add(field.interactive(app.may_change)).labelled_by(label.id).lost_focus();
                ui.end_row();
            }
        }
        // A photo's keywords as its file gave them: searched (`keyword:`), written back on
        // export, and tags only where they name a topic the archive has.
        if !c.keywords.is_empty() {
            ui.label(t!("fact-keywords"));
            ui.add(egui::Label::new(c.keywords.join(", ")).wrap());
            ui.end_row();
        }
        let label = ui.label(t!("field-notes"));
        let notes = egui::TextEdit::multiline(&mut detail.notes).desired_rows(2).desired_width(f32::INFINITY);
        let response = ui.add(notes.interactive(app.may_change)).labelled_by(label.id);
        changed |= response.lost_focus();
        ui.end_row();
    });
    changed
}

/// The user's edit that another desktop's overtook: what differs from the newer record, to
/// apply again over it or let go.
fn conflict_ui(ui: &mut egui::Ui, detail: &mut Detail, mine: &Clipping, actions: &mut Vec<Action>) {
    let newer = &detail.item.clipping;
    let date = |c: &Clipping| c.published.map(|d| d.to_string()).unwrap_or_default();
    let differing: Vec<(String, String)> = [
        (t!("field-title"), &mine.title, &newer.title),
        (t!("field-source"), &mine.source, &newer.source),
        (t!("field-author"), &mine.author, &newer.author),
        (t!("field-notes"), &mine.notes, &newer.notes),
        (t!("fact-caption"), &mine.caption, &newer.caption),
        (t!("fact-credit"), &mine.credit, &newer.credit),
        (t!("fact-copyright"), &mine.copyright, &newer.copyright),
    ]
    .into_iter()
    .filter(|(_, m, n)| m != n)
    .map(|(label, m, _)| (label, m.clone()))
    .chain((date(mine) != date(newer)).then(|| (t!("field-date"), date(mine))))
    .collect();
    let mut settled = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.colored_label(ui.visuals().warn_fg_color, t!("detail-stale-mine"));
        for (label, value) in &differing {
            ui.label(format!("{label}: {value}"));
        }
        ui.horizontal(|ui| {
            if ui.button(t!("detail-stale-apply")).clicked() {
                let merged = Clipping {
                    title: mine.title.clone(),
                    source: mine.source.clone(),
                    author: mine.author.clone(),
                    published: mine.published,
                    notes: mine.notes.clone(),
                    caption: mine.caption.clone(),
                    credit: mine.credit.clone(),
                    copyright: mine.copyright.clone(),
                    ..newer.clone()
                };
                actions.push(Action::Edit(Edit::Update(Box::new(merged))));
                settled = true;
            }
            if ui.button(t!("detail-stale-discard")).clicked() {
                settled = true;
            }
        });
    });
    if settled || differing.is_empty() {
        detail.conflict = None;
    }
}

/// Who imported, tagged and edited the clipping, one line each, oldest first.
fn history_ui(ui: &mut egui::Ui, changes: &[crate::archive::ChangeSet]) {
    for change in changes {
        let when = change.at.with_timezone(&chrono::Local);
        let date = format!("{} {}", crate::ui::date_text(when.date_naive()), when.format("%H:%M"));
        let what = match change.what.as_str() {
            "import" => t!("history-imported", who = change.by.as_str(), date = date),
            "tag" | "merge" => t!("history-tagged", who = change.by.as_str(), date = date),
            "untag" => t!("history-untagged", who = change.by.as_str(), date = date),
            _ => t!("history-edited", who = change.by.as_str(), date = date),
        };
        ui.weak(what);
    }
}

fn facts_ui(ui: &mut egui::Ui, c: &crate::archive::Clipping) {
    egui::CollapsingHeader::new(t!("details-title")).default_open(false).show(ui, |ui| {
        egui::Grid::new("facts").num_columns(2).show(ui, |ui| {
            let mut fact = |name: String, value: String| {
                if !value.is_empty() {
                    ui.weak(name);
                    ui.label(value);
                    ui.end_row();
                }
            };
            fact(t!("fact-url"), c.url.clone());
            fact(t!("fact-language"), crate::ui::language_name(&c.language));
            fact(t!("fact-file"), c.original_name.clone());
            fact(
                t!("fact-format"),
                t!("fact-format-value", format = c.format.as_str(), kb = c.byte_size.div_ceil(1024)),
            );
            if let (Some(w), Some(h)) = (c.width_px, c.height_px) {
                fact(t!("fact-pixels"), format!("{w} × {h}"));
            }
            fact(t!("fact-taken"), c.captured_at.map(|t| t.to_string()).unwrap_or_default());
            fact(t!("fact-camera"), c.camera.clone());
            if let Some(gps) = c.gps {
                fact(t!("fact-gps"), format!("{:.5}, {:.5}", gps.latitude_deg, gps.longitude_deg));
            }
            fact(t!("fact-imported"), c.imported_at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M").to_string());
        });
        if !c.boilerplate.is_empty() {
            ui.weak(t!("left-out-of-text"));
            ui.add(egui::Label::new(egui::RichText::new(&c.boilerplate).weak()).selectable(true).wrap());
        }
    });
}

/// The tags the text suggests, each with + to accept and × to dismiss.
fn suggestions_ui(ui: &mut egui::Ui, suggestions: &[Suggestion], actions: &mut Vec<Action>, id: ClippingId) {
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.strong(t!("suggested-title"));
        if ui.small_button(t!("suggest-again")).on_hover_text(t!("suggest-again-hover")).clicked() {
            actions.push(Action::Edit(Edit::Suggest(vec![id])));
        }
        if !suggestions.is_empty() && ui.small_button(t!("accept-all")).clicked() {
            actions.push(Action::Edit(Edit::AcceptSuggestions { ids: vec![id], kind: None, only: None }));
        }
    });
    if suggestions.is_empty() {
        ui.weak(t!("nothing-to-suggest"));
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for s in suggestions {
            let name = crate::ui::tag_label(&s.tag);
            // A passing mention is offered more quietly, and says so.
            let label = if s.is_weak() {
                egui::RichText::new(format!("{name}?")).italics().weak()
            } else {
                egui::RichText::new(&name).italics()
            };
            let note =
                if s.note.is_empty() { String::new() } else { format!(" ({})", crate::ui::suggestion_note(&s.note)) };
            let hover = format!("{} {name}: {}{note}", crate::ui::tag_kind_label(s.tag.kind), s.evidence.join(", "));
            let (mut accept, mut dismiss) = (false, false);
            super::tags::chip(
                ui,
                None,
                ui.visuals().weak_text_color(),
                label.into(),
                hover,
                &mut [
                    ("+", t!("accept-tag", name = name.as_str()), &mut accept),
                    ("×", t!("dismiss-tag", name = name.as_str()), &mut dismiss),
                ],
            );
            if accept {
                actions.push(Action::Edit(Edit::AcceptSuggestions {
                    ids: vec![id],
                    kind: None,
                    only: Some(s.tag.clone()),
                }));
            }
            if dismiss {
                actions.push(Action::Edit(Edit::DismissSuggestion { id, tag: s.tag.clone() }));
            }
        }
    });
}
