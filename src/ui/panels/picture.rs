//! The picture in the detail pane: a photo or a scan, fitted to the pane (a tiny one enlarged a
//! whole number of times), zoomed with Ctrl+wheel and panned by dragging; on a scan whose text
//! was read, the words a search found are marked where they stand.

use egui::{Color32, CornerRadius, Rect, Sense, Vec2};

use super::detail::Detail;
use crate::archive::Clipping;
use crate::t;
use crate::ui::matches::Matches;

/// Where the words a search found stand on a scan: the boxes of its words read (OCR) that the
/// search marks in its text, as fractions of its picture.
pub(super) fn scan_marks(c: &Clipping, matches: &mut Matches) -> Vec<Rect> {
    let Some(ocr) = c.ocr.as_ref().filter(|o| !o.words.is_empty()) else { return Vec::new() };
    let language = crate::vocab::language::declared_language(c);
    let found: std::collections::HashSet<String> = matches
        .ranges(c.id, &c.body, &language)
        .iter()
        .filter_map(|r| c.body.get(r.clone()))
        .map(str::to_lowercase)
        .collect();
    if found.is_empty() {
        return Vec::new();
    }
    ocr.words
        .iter()
        .filter(|w| {
            let word = w.text.trim_matches(|ch: char| !ch.is_alphanumeric()).to_lowercase();
            !word.is_empty()
                && found.iter().any(|f| *f == word || (f.chars().count() >= 3 && word.starts_with(f.as_str())))
        })
        .map(|w| {
            let [l, t, r, b] = w.bounds.map(|v| f32::from(v) / 10_000.0);
            Rect::from_min_max(egui::pos2(l, t), egui::pos2(r, b))
        })
        .collect()
}

/// A photo fitted into the pane; the wheel (or pinch) zooms, dragging pans, double-click resets.
pub(super) fn photo_ui(ui: &mut egui::Ui, detail: &mut Detail, texture: Option<egui::TextureHandle>, marks: &[Rect]) {
    let width = ui.available_width();
    let most = (width * 0.75).clamp(160.0, 520.0);
    // The frame is as tall as the photo is shown (its own size at most): a small picture does
    // not sit in a large empty box. The size is known before the picture is loaded.
    let c = &detail.item.clipping;
    let natural = match (c.width_px, c.height_px, &texture) {
        (Some(w), Some(h), _) if w > 0 && h > 0 => Some(Vec2::new(w as f32, h as f32)),
        (_, _, Some(t)) => Some(t.size_vec2()),
        _ => None,
    };
    let enlarge = natural.map_or(1.0, |size| tiny_photo_scale(size.max_elem()));
    let height = natural.map_or(most, |size| {
        let fit = (width / size.x).min(most / size.y).min(1.0);
        (size.y * fit * enlarge).clamp(48.0, most)
    });
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click_and_drag());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, CornerRadius::same(4), ui.visuals().extreme_bg_color);
    let Some(texture) = texture else {
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            t!("loading"),
            egui::FontId::proportional(13.0),
            ui.visuals().weak_text_color(),
        );
        return;
    };
    // Ctrl+wheel or a pinch zooms; the plain wheel scrolls the pane, as everywhere else.
    if response.hovered() {
        let zoom = ui.input(egui::InputState::zoom_delta);
        if zoom != 1.0 {
            detail.zoom = (detail.zoom * zoom).clamp(1.0, 16.0);
        }
    }
    if response.dragged() {
        detail.pan += response.drag_delta();
    }
    if response.double_clicked() {
        detail.zoom = 1.0;
        detail.pan = Vec2::ZERO;
    }
    let size = natural.unwrap_or_else(|| texture.size_vec2());
    // A small photo is shown at its own size, not blown up to fill the pane; a tiny one (an
    // icon, a test image of a few pixels) a whole number of times larger, and says so.
    let fit = (rect.width() / size.x).min(rect.height() / size.y).min(enlarge);
    let shown = size * fit * detail.zoom;

    // Keep the photo over the frame: never pan past its edges.
    let max_pan = ((shown - rect.size()) / 2.0).max(Vec2::ZERO);
    detail.pan = detail.pan.clamp(-max_pan, max_pan);
    let image_rect = Rect::from_center_size(rect.center() + detail.pan, shown);
    painter.image(
        texture.id(),
        image_rect,
        Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
        Color32::WHITE,
    );
    // The words the search found, marked where they stand on the scan.
    for mark in marks {
        let at =
            Rect::from_min_max(image_rect.lerp_inside(mark.min.to_vec2()), image_rect.lerp_inside(mark.max.to_vec2()));
        painter.rect_filled(at.expand(1.5), CornerRadius::same(2), Color32::from_rgba_unmultiplied(255, 200, 0, 80));
        painter.rect_stroke(
            at.expand(1.5),
            CornerRadius::same(2),
            egui::Stroke::new(1.5, Color32::from_rgb(230, 160, 0)),
            egui::StrokeKind::Outside,
        );
    }
    response.on_hover_text(t!("photo-hover"));
    if enlarge > 1.0 {
        ui.weak(t!("photo-enlarged", times = enlarge as u32, size = format!("{} × {}", size.x, size.y)));
    }
}

/// How many times larger a photo whose long side is `long_px` is shown: a whole number that
/// brings a tiny one to about 96 pixels; 1 for anything of 48 pixels or more.
fn tiny_photo_scale(long_px: f32) -> f32 {
    if long_px >= 48.0 || long_px <= 0.0 { 1.0 } else { (96.0 / long_px).floor().max(1.0) }
}
