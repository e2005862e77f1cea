//! A cell of the grid: a photo's thumbnail or an article's card (its title, its first lines),
//! with its outlet and date below.

use std::sync::Arc;

use egui::{Align2, Color32, CornerRadius, FontId, Rect, Sense, Stroke, StrokeKind, Vec2, WidgetInfo};

use crate::archive::Kind;
use crate::archive::catalog::Entry;
use crate::t;
use crate::ui::leads::{Leads, lead_of};
use crate::ui::thumbs::ThumbCache;
use crate::ui::worker::Reprint;

/// What a grid cell shows.
pub(super) struct Cell<'a> {
    pub entry: &'a Entry,
    /// The other clippings of its story.
    pub reprints: Option<&'a [Reprint]>,
    /// An article card's first lines (`None` while they are read).
    pub lead: Option<Arc<str>>,
    pub selected: bool,
    pub has_cursor: bool,
}

/// The first lines an article's card shows: from its whole text where the entry has it, else
/// read when first drawn ([`Leads`]). Photos and articles with a picture show no lead.
pub(super) fn card_lead(entry: &Entry, leads: &mut Leads) -> Option<Arc<str>> {
    if entry.card.kind != Kind::Article || entry.card.has_thumbnail() {
        return None;
    }
    match entry.clipping() {
        Some(whole) => Some(Arc::from(lead_of(&whole.body))),
        None => leads.get(entry.id()),
    }
}

/// One grid cell: a photo's thumbnail or an article's card, with title and date below.
pub(super) fn cell_ui(ui: &mut egui::Ui, thumbs: &mut ThumbCache, shown: Cell<'_>, cell: Vec2) -> egui::Response {
    let Cell { entry, reprints, lead, selected, has_cursor } = shown;
    let c = &entry.card;
    let (rect, response) = ui.allocate_exact_size(cell, Sense::click());
    let response = match reprints {
        Some(reprints) => also_in_on_hover(response, reprints),
        None => response,
    };
    response.widget_info(|| WidgetInfo::selected(egui::Role::Button, true, selected, c.title()));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    if selected {
        painter.rect_filled(rect, CornerRadius::same(6), visuals.selection.bg_fill.gamma_multiply(0.6));
    } else if response.hovered() {
        painter.rect_filled(rect, CornerRadius::same(6), visuals.widgets.hovered.weak_bg_fill);
    }
    if has_cursor {
        painter.rect_stroke(
            rect.shrink(1.0),
            CornerRadius::same(6),
            Stroke::new(1.5, visuals.selection.stroke.color),
            StrokeKind::Inside,
        );
    }
    let image_rect = Rect::from_min_size(rect.min + Vec2::splat(4.0), Vec2::splat(cell.x - 8.0));
    // Photos, and articles saved with their lead image, show the picture; other articles a card.
    if c.kind == Kind::Photo || c.has_thumbnail() {
        match thumbs.get(c.picture_hash()) {
            Some(texture) => {
                let size = texture.size_vec2();
                let scale = (image_rect.width() / size.x).min(image_rect.height() / size.y);
                let fitted = Rect::from_center_size(image_rect.center(), size * scale);
                painter.image(
                    texture.id(),
                    fitted,
                    Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
                    Color32::WHITE,
                );
            }
            None => {
                painter.rect_filled(image_rect, CornerRadius::same(4), visuals.faint_bg_color);
            }
        }
    } else {
        article_card(&painter, image_rect, entry, lead.as_deref(), &visuals);
    }
    let title_pos = egui::pos2(rect.min.x + 6.0, image_rect.max.y + 4.0);
    // An article's card shows its title already; below it goes where and when it appeared.
    let caption = match c.kind {
        Kind::Photo => c.title().to_owned(),
        Kind::Article if c.has_thumbnail() => c.title().to_owned(),
        // No outlet known: the slot says so in the weak colour below, never the kind's name.
        Kind::Article if c.source().trim().is_empty() => String::new(),
        Kind::Article => c.source().to_owned(),
    };
    let caption = if caption.is_empty() { t!("outlet-unknown") } else { caption };
    let caption_color = if c.kind == Kind::Article && c.source().trim().is_empty() && !c.has_thumbnail() {
        visuals.weak_text_color()
    } else {
        visuals.text_color()
    };
    // A story printed by several outlets: "Reuters +3".
    let caption = match reprints {
        Some(reprints) => format!("{caption} +{}", reprints.len()),
        None => caption,
    };
    let caption = elide(&caption, ((cell.x - 12.0) / 6.5) as usize);
    painter.text(title_pos, Align2::LEFT_TOP, caption, FontId::proportional(12.5), caption_color);
    let meta = match (entry.countries(), c.kind) {
        (countries, _) if !countries.is_empty() => format!("{} · {countries}", crate::ui::date_label(c)),
        _ => crate::ui::date_label(c),
    };
    let meta = elide(&meta, ((cell.x - 12.0) / 6.0) as usize);
    painter.text(
        title_pos + Vec2::new(0.0, 17.0),
        Align2::LEFT_TOP,
        meta,
        FontId::proportional(11.0),
        visuals.weak_text_color(),
    );
    response
}

/// An article drawn as a card: title, source and date, the first lines of the text.
fn article_card(painter: &egui::Painter, rect: Rect, entry: &Entry, lead: Option<&str>, visuals: &egui::Visuals) {
    let c = &entry.card;
    painter.rect(
        rect,
        CornerRadius::same(4),
        visuals.extreme_bg_color,
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
        StrokeKind::Inside,
    );
    let inner = rect.shrink(8.0);
    let width = inner.width();
    if let Some(sample) = c.title().chars().find(|&ch| crate::search::cjk::is_cjk(ch)) {
        super::detail::ensure_cjk_font(painter.ctx(), sample);
    }
    let title = painter.layout(c.title().to_owned(), FontId::proportional(13.5), visuals.strong_text_color(), width);
    let title_rows = title.rows.len().min(3);
    let title_h = title.rows.get(..title_rows).map_or(0.0, |r| r.iter().map(|r| r.height()).sum());
    let title_clip =
        painter.with_clip_rect(Rect::from_min_size(inner.min, Vec2::new(width, title_h + 1.0)).intersect(inner));
    title_clip.galley(inner.min, title, visuals.strong_text_color());
    let y = inner.min.y + title_h + 6.0;
    let body =
        painter.layout(lead.unwrap_or_default().to_owned(), FontId::proportional(11.0), visuals.text_color(), width);
    let body_clip = painter.with_clip_rect(Rect::from_min_max(egui::pos2(inner.min.x, y), inner.max));
    body_clip.galley(egui::pos2(inner.min.x, y), body, visuals.text_color());
}

/// The story's other outlets ([`also_in`]) as `response`'s tooltip, named only while it is
/// hovered: a story's list is walked whole, and cards are drawn every frame.
pub(super) fn also_in_on_hover(response: egui::Response, reprints: &[Reprint]) -> egui::Response {
    response.on_hover_ui(|ui| {
        ui.label(also_in(reprints));
    })
}

/// "Also in: Kazinform ×2, Tengrinews (12 Mar 2024) …": the other outlets of a story, each once.
fn also_in(reprints: &[Reprint]) -> String {
    let dates: Vec<String> = reprints.iter().map(|r| r.date().map(crate::ui::date_text).unwrap_or_default()).collect();
    let named = crate::vocab::printings::named_once(
        reprints.iter().zip(&dates).map(|(r, date)| crate::vocab::printings::Printing {
            outlet: r.outlet(),
            headline: r.title(),
            date,
        }),
    );
    let shown = named.iter().take(8);
    let more: usize = named.iter().skip(8).map(|(_, n)| n).sum();
    let names: Vec<&str> = shown.map(|(text, _)| text.as_str()).collect();
    let list = if more > 0 { format!("{} +{more}", names.join(", ")) } else { names.join(", ") };
    t!("also-in", list = list)
}

/// Shortens text to `max_chars` characters with an ellipsis.
fn elide(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut s: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    s.push('…');
    s
}
