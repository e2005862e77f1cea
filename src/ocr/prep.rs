//! A page made ready for reading: grey, at a size tesseract reads well, turned upright and
//! straightened. The skew is found from the page's own lines: the angle (within ±5°) at which
//! the rows of dark pixels stand out most sharply from the gaps between them.

use image::{GrayImage, Luma, imageops};

/// The longest side a page is read at: an A4 page at 300 dpi is 3508 px; a larger picture
/// (a 24-megapixel phone photo) is brought down to this, which keeps a page's time in hand.
const MAX_SIDE: u32 = 4200;

/// Pictures whose long side is below this are enlarged twice: a phone's small picture or a
/// thumbnail-sized scan has letters too small to read.
const MIN_SIDE: u32 = 1600;

/// The largest skew looked for, in degrees, and the step.
const MAX_SKEW: f32 = 5.0;
const SKEW_STEP: f32 = 0.1;

/// The page at the size it is read at.
pub fn sized(page: GrayImage) -> GrayImage {
    let long = page.width().max(page.height());
    if long > MAX_SIDE {
        let scale = MAX_SIDE as f32 / long as f32;
        let (w, h) = ((page.width() as f32 * scale).round() as u32, (page.height() as f32 * scale).round() as u32);
        imageops::resize(&page, w.max(1), h.max(1), imageops::FilterType::Triangle)
    } else if (200..MIN_SIDE).contains(&long) {
        imageops::resize(&page, page.width() * 2, page.height() * 2, imageops::FilterType::CatmullRom)
    } else {
        page
    }
}

/// The page turned clockwise by `degrees` (0, 90, 180 or 270).
pub fn turned(page: GrayImage, degrees: u16) -> GrayImage {
    match degrees {
        90 => imageops::rotate90(&page),
        180 => imageops::rotate180(&page),
        270 => imageops::rotate270(&page),
        _ => page,
    }
}

/// The threshold between ink and paper (Otsu's: the one that best splits the histogram).
fn otsu(page: &GrayImage) -> u8 {
    let mut histogram = [0u64; 256];
    for p in page.pixels() {
        histogram[p.0[0] as usize] += 1;
    }
    let total: u64 = histogram.iter().sum();
    let sum_all: f64 = histogram.iter().enumerate().map(|(i, n)| i as f64 * *n as f64).sum();
    let (mut weight_dark, mut sum_dark, mut best, mut threshold) = (0u64, 0f64, 0f64, 128u8);
    for (i, n) in histogram.iter().enumerate() {
        weight_dark += n;
        if weight_dark == 0 {
            continue;
        }
        let weight_light = total - weight_dark;
        if weight_light == 0 {
            break;
        }
        sum_dark += i as f64 * *n as f64;
        let mean_dark = sum_dark / weight_dark as f64;
        let mean_light = (sum_all - sum_dark) / weight_light as f64;
        let between = weight_dark as f64 * weight_light as f64 * (mean_dark - mean_light).powi(2);
        if between > best {
            best = between;
            threshold = i as u8;
        }
    }
    threshold
}

/// The page's skew in degrees (positive: the lines climb to the right), within ±5°; 0 where
/// no angle stands out (a picture, a page of a few words).
pub fn skew(page: &GrayImage) -> f32 {
    // Measured on a copy about 1000 px wide: enough for lines of text, quick to turn.
    let scale = (1000.0 / page.width().max(1) as f32).min(1.0);
    let small = if scale < 1.0 {
        imageops::resize(
            page,
            ((page.width() as f32 * scale) as u32).max(1),
            ((page.height() as f32 * scale) as u32).max(1),
            imageops::FilterType::Triangle,
        )
    } else {
        page.clone()
    };
    let threshold = otsu(&small);
    let dark: Vec<(f32, f32)> =
        small.enumerate_pixels().filter(|(_, _, p)| p.0[0] < threshold).map(|(x, y, _)| (x as f32, y as f32)).collect();
    // Mostly ink or mostly paper: nothing to measure.
    let n_pixels = (small.width() * small.height()) as usize;
    if dark.len() < 500 || dark.len() > n_pixels / 2 {
        return 0.0;
    }
    let height = small.height() as f32;
    let width = small.width() as f32;
    let sharpness = |degrees: f32| -> f64 {
        // Each dark pixel falls in the row it would be in were the page turned by `degrees`.
        let tan = degrees.to_radians().tan();
        let offset = width * tan.abs();
        let n_rows = (height + 2.0 * offset) as usize + 2;
        let mut rows = vec![0u32; n_rows];
        for &(x, y) in &dark {
            let row = (y + x * tan + offset) as usize;
            if let Some(r) = rows.get_mut(row) {
                *r += 1;
            }
        }
        rows.windows(2).map(|w| (f64::from(w[1]) - f64::from(w[0])).powi(2)).sum()
    };
    let steps = (MAX_SKEW / SKEW_STEP).round() as i32;
    let (mut best_angle, mut best, mut level) = (0.0f32, 0.0f64, 0.0f64);
    for i in -steps..=steps {
        let angle = i as f32 * SKEW_STEP;
        let s = sharpness(angle);
        if i == 0 {
            level = s;
        }
        if s > best {
            best = s;
            best_angle = angle;
        }
    }
    // An angle that is hardly sharper than none is noise.
    if best < level * 1.02 { 0.0 } else { best_angle }
}

/// Whether a picture may be a page of text, from its look alone, before any reading: ink on
/// paper, in at least four rows of print (across, or down for a page on its side) in some
/// third of it. A photo of a meeting or a landscape has no such rows, and is not read.
pub fn may_hold_text(picture: &GrayImage) -> bool {
    let scale = (800.0 / picture.width().max(picture.height()).max(1) as f32).min(1.0);
    let small = imageops::resize(
        picture,
        ((picture.width() as f32 * scale) as u32).max(1),
        ((picture.height() as f32 * scale) as u32).max(1),
        imageops::FilterType::Triangle,
    );
    let threshold = otsu(&small);
    let n_pixels = (small.width() * small.height()).max(1) as f32;
    let n_dark = small.pixels().filter(|p| p.0[0] < threshold).count() as f32;
    if !(0.005..=0.4).contains(&(n_dark / n_pixels)) {
        return false;
    }
    // Paper is light: the light side of the threshold well above the middle grey.
    let light: Vec<u32> = small.pixels().filter(|p| p.0[0] >= threshold).map(|p| u32::from(p.0[0])).collect();
    if light.is_empty() || light.iter().sum::<u32>() / light.len() as u32 <= 140 {
        return false;
    }
    let angle = skew(&small).to_radians().tan();
    let turned = imageops::rotate90(&small);
    [(&small, angle), (&turned, 0.0)].iter().any(|(page, tan)| {
        (0..3).any(|third| {
            let (w, h) = (page.width(), page.height());
            let x0 = w * third / 3;
            let x1 = w * (third + 1) / 3;
            let mut rows = vec![0u32; h as usize + 1];
            for y in 0..h {
                for x in x0..x1 {
                    if page.get_pixel(x, y).0[0] < threshold {
                        let row = (y as f32 + (x - x0) as f32 * tan).clamp(0.0, h as f32) as usize;
                        rows[row] += 1;
                    }
                }
            }
            print_rows(&rows, x1 - x0) >= 4
        })
    })
}

/// How many rows of print a profile shows: runs of rows with ink (a line of letters, at
/// least two rows and at most a fifth of the page tall, dark enough at its densest) between
/// rows with next to none.
fn print_rows(rows: &[u32], width: u32) -> usize {
    let inked = (width / 40).max(2);
    let quiet = width / 200;
    let (mut lines, mut run, mut peak) = (0, 0usize, 0u32);
    for &n in rows {
        if n > quiet {
            run += 1;
            peak = peak.max(n);
        } else {
            if run >= 2 && run <= rows.len() / 5 && peak >= inked {
                lines += 1;
            }
            run = 0;
            peak = 0;
        }
    }
    lines
}

/// The page turned by `degrees` (counter-clockwise for positive), the corners filled with
/// paper white; bilinear, so letters keep their edges.
pub fn rotated(page: &GrayImage, degrees: f32) -> GrayImage {
    if degrees.abs() < 0.05 {
        return page.clone();
    }
    let (w, h) = (page.width() as f32, page.height() as f32);
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (w / 2.0, h / 2.0);
    let mut out = GrayImage::from_pixel(page.width(), page.height(), Luma([255]));
    for (x, y, pixel) in out.enumerate_pixels_mut() {
        // Where this pixel of the straightened page comes from on the skewed one.
        let (dx, dy) = (x as f32 - cx, y as f32 - cy);
        let sx = cos * dx + sin * dy + cx;
        let sy = -sin * dx + cos * dy + cy;
        if sx < 0.0 || sy < 0.0 || sx >= w - 1.0 || sy >= h - 1.0 {
            continue;
        }
        let (x0, y0) = (sx as u32, sy as u32);
        let (fx, fy) = (sx - x0 as f32, sy - y0 as f32);
        let p = |x: u32, y: u32| f32::from(page.get_pixel(x, y).0[0]);
        let top = p(x0, y0) * (1.0 - fx) + p(x0 + 1, y0) * fx;
        let bottom = p(x0, y0 + 1) * (1.0 - fx) + p(x0 + 1, y0 + 1) * fx;
        pixel.0[0] = (top * (1.0 - fy) + bottom * fy).round() as u8;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of dark bars standing for lines of text.
    fn lines_page() -> GrayImage {
        let mut page = GrayImage::from_pixel(1200, 900, Luma([250]));
        for line in 0..20u32 {
            let y0 = 60 + line * 38;
            for y in y0..y0 + 16 {
                for x in 100..1100u32 {
                    // Gaps between "words".
                    if (x / 37) % 5 != 4 {
                        page.put_pixel(x, y, Luma([20]));
                    }
                }
            }
        }
        page
    }

    #[test]
    fn a_skewed_page_is_measured_and_straightened() {
        let page = lines_page();
        assert!(skew(&page).abs() < 0.15, "{}", skew(&page));
        for angle in [-3.0f32, 1.5, 4.0] {
            let skewed = rotated(&page, angle);
            let found = skew(&skewed);
            assert!((found + angle).abs() <= 0.25, "turned by {angle}, found {found}");
            let straight = rotated(&skewed, found);
            assert!(skew(&straight).abs() <= 0.25);
        }
    }

    #[test]
    fn rows_of_print_are_told_from_pictures_before_reading() {
        let page = lines_page();
        assert!(may_hold_text(&page));
        assert!(may_hold_text(&imageops::rotate90(&page)), "a page on its side");
        assert!(may_hold_text(&rotated(&page, 4.0)), "a slanted page");
        assert!(!may_hold_text(&GrayImage::from_pixel(800, 600, Luma([250]))), "blank paper");
        // Sky over hills: light and dark, but in no rows.
        let landscape = GrayImage::from_fn(1200, 800, |x, y| {
            let hill = 450.0 + 80.0 * (x as f32 / 150.0).sin();
            Luma([if (y as f32) < hill { 200 - (y / 8) as u8 } else { 60 + ((x * 7 + y * 3) % 23) as u8 }])
        });
        assert!(!may_hold_text(&landscape));
    }

    #[test]
    fn a_blank_page_has_no_skew_and_sizes_are_kept_in_range() {
        assert_eq!(skew(&GrayImage::from_pixel(800, 600, Luma([255]))), 0.0);
        assert_eq!(sized(GrayImage::new(8000, 6000)).dimensions(), (4200, 3150));
        assert_eq!(sized(GrayImage::new(1000, 700)).dimensions(), (2000, 1400));
        assert_eq!(sized(GrayImage::new(2480, 3508)).dimensions(), (2480, 3508));
        assert_eq!(turned(GrayImage::new(30, 20), 90).dimensions(), (20, 30));
    }
}
