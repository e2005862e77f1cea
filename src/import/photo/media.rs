//! Reading photos: the format check, the size limits against decompression bombs, EXIF, and the
//! thumbnail (256 px on the long edge, EXIF orientation applied). JPEGs are decoded at reduced
//! scale (DCT scaling), which is most of the speed of a thumbnailer.

use std::io::{BufRead, BufReader, Read, Seek};

use chrono::{NaiveDate, NaiveDateTime};
use image::{DynamicImage, ImageFormat, ImageReader, RgbImage};

use crate::import::ImportError;
use crate::import::photo::budget::DECODES;
use crate::vocab::model::GpsPosition;

pub const THUMB_SIZE_PX: u32 = 256;
pub const MAX_MEGAPIXELS: u64 = 100;
pub const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// What a photo file told us.
pub(crate) struct PhotoInfo {
    pub format: ImageFormat,
    pub width_px: u32,
    pub height_px: u32,
    pub exif: ExifInfo,
    pub thumbnail: RgbImage,
}

#[derive(Default)]
pub(crate) struct ExifInfo {
    pub orientation: Option<u16>,
    pub captured_at: Option<NaiveDateTime>,
    pub camera: String,
    pub caption: String,
    /// EXIF Artist.
    pub credit: String,
    pub copyright: String,
    pub gps: Option<GpsPosition>,
}

/// The formats we take as photos, by file extension (lowercase, no dot).
pub(crate) fn format_for_extension(ext: &str) -> Option<ImageFormat> {
    match crate::import::formats::format_of_extension(ext)?.reader {
        crate::import::formats::Reader::Photo(format) => Some(format),
        _ => None,
    }
}

pub(crate) fn format_name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Jpeg => "JPEG",
        ImageFormat::Png => "PNG",
        ImageFormat::WebP => "WebP",
        ImageFormat::Gif => "GIF",
        ImageFormat::Tiff => "TIFF",
        ImageFormat::Bmp => "BMP",
        _ => "image",
    }
}

/// The extension the archive stores a format under.
pub(crate) fn format_extension(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Jpeg => "jpg",
        ImageFormat::Png => "png",
        ImageFormat::WebP => "webp",
        ImageFormat::Gif => "gif",
        ImageFormat::Tiff => "tif",
        ImageFormat::Bmp => "bmp",
        _ => "bin",
    }
}

fn bad(format: ImageFormat, reason: impl ToString) -> ImportError {
    ImportError::BadImage { format: format_name(format), reason: reason.to_string() }
}

/// Reads a photo: checks that its content is the image format it claims (or another one we
/// support), refuses bombs before decoding, reads EXIF and makes the thumbnail.
pub(crate) fn read_photo(source: &Source, claimed: ImageFormat) -> Result<PhotoInfo, ImportError> {
    match source {
        Source::Memory(bytes) => {
            read_photo_from(std::io::Cursor::new(bytes.as_slice()), Some(bytes), claimed, THUMB_SIZE_PX, 1.0)
        }
        Source::File(path) => {
            let (file, _) = crate::import::files::open_regular(path).map_err(|e| ImportError::reading(&e))?;
            read_photo_from(BufReader::new(file), None, claimed, THUMB_SIZE_PX, 1.0)
        }
    }
}

/// A photo in the archive at about `max_px` on its long side (up to half as much again, where
/// that spares resampling what the JPEG decoder gave at a reduced scale), turned upright: for
/// printing. A PDF (a scanned page) gives its first page drawn at `max_px`.
pub fn read_picture(path: &std::path::Path, format: &str, max_px: u32) -> Result<RgbImage, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| ImportError::reading(&e))?;
    if format == "pdf" {
        return crate::import::formats::pdf::first_page_picture(bytes, max_px)
            .ok_or(ImportError::BadText(crate::import::TextProblem::PdfPage));
    }
    let claimed = format_for_extension(format).unwrap_or(ImageFormat::Jpeg);
    let info = read_photo_from(std::io::Cursor::new(bytes.as_slice()), Some(&bytes), claimed, max_px, 1.5)?;
    Ok(info.thumbnail)
}

/// A file's bytes: read into memory when small enough, else left on disk to be streamed.
pub(crate) enum Source {
    Memory(Vec<u8>),
    File(std::path::PathBuf),
}

fn read_photo_from<R: BufRead + Seek>(
    mut reader: R,
    bytes: Option<&[u8]>,
    claimed: ImageFormat,
    max_px: u32,
    slack: f32,
) -> Result<PhotoInfo, ImportError> {
    let head = reader.fill_buf().map_err(|e| ImportError::reading(&e))?;
    if head.is_empty() {
        return Err(ImportError::Empty);
    }
    let format = match image::guess_format(head) {
        Ok(found) if format_extension(found) != "bin" => found,
        _ => return Err(bad(claimed, format!("the file does not start like a {} image", format_name(claimed)))),
    };
    let exif = read_exif(&mut reader);
    reader.rewind().map_err(|e| ImportError::reading(&e))?;

    let (width_px, height_px, image) = if format == ImageFormat::Jpeg {
        decode_jpeg_scaled(reader, bytes, max_px)?
    } else {
        decode_other(reader, format)?
    };
    let mut image = image;
    if let Some(o) =
        exif.orientation.and_then(|o| u8::try_from(o).ok()).and_then(image::metadata::Orientation::from_exif)
    {
        image.apply_orientation(o);
    }
    let thumbnail = to_fitted(image, max_px, slack);
    Ok(PhotoInfo { format, width_px, height_px, exif, thumbnail })
}

fn check_size(format: ImageFormat, width_px: u32, height_px: u32, bytes_per_pixel: u64) -> Result<(), ImportError> {
    if width_px == 0 || height_px == 0 {
        return Err(bad(format, "the image has no pixels"));
    }
    let pixels = u64::from(width_px) * u64::from(height_px);
    if pixels > MAX_MEGAPIXELS * 1_000_000 {
        return Err(ImportError::TooManyPixels {
            width_px,
            height_px,
            megapixels: pixels / 1_000_000,
            limit: MAX_MEGAPIXELS,
        });
    }
    let needed = pixels * bytes_per_pixel;
    if needed > MAX_DECODE_BYTES {
        return Err(ImportError::TooMuchMemory { needed_mb: needed >> 20, limit_mb: MAX_DECODE_BYTES >> 20 });
    }
    Ok(())
}

/// Decodes a JPEG at the smallest DCT scale (1/8, 1/4, 1/2, 1) that still gives at least the
/// thumbnail size, so a 12-megapixel photo costs about what a 0.2-megapixel one does. At 1/8
/// (any photo of 2048 px or more), the DC-only decoder of `jpeg_dc.rs` does it when it can.
fn decode_jpeg_scaled<R: Read>(
    reader: R,
    bytes: Option<&[u8]>,
    max_px: u32,
) -> Result<(u32, u32, DynamicImage), ImportError> {
    let f = ImageFormat::Jpeg;
    let mut decoder = jpeg_decoder::Decoder::new(reader);
    decoder.set_max_decoding_buffer_size(usize::try_from(MAX_DECODE_BYTES).unwrap_or(usize::MAX));
    decoder.read_info().map_err(|e| bad(f, e))?;
    let info = decoder.info().ok_or_else(|| bad(f, "no image header"))?;
    let (width_px, height_px) = (u32::from(info.width), u32::from(info.height));
    check_size(f, width_px, height_px, 4)?;
    let (want_w, want_h) = fit(width_px, height_px, max_px);
    if width_px.div_ceil(8) >= want_w && height_px.div_ceil(8) >= want_h && bytes.is_some() {
        let _reserved = DECODES.reserve(u64::from(width_px.div_ceil(8)) * u64::from(height_px.div_ceil(8)) * 4);
        if let Some(eighth) = bytes.and_then(crate::import::photo::jpeg_dc::decode_eighth) {
            return Ok((width_px, height_px, DynamicImage::ImageRgb8(eighth)));
        }
    }
    let (w, h) = decoder
        .scale(u16::try_from(want_w).unwrap_or(u16::MAX), u16::try_from(want_h).unwrap_or(u16::MAX))
        .map_err(|e| bad(f, e))?;
    // The pixels at the scale decoded, and as much again while they are converted.
    let _reserved = DECODES.reserve(u64::from(w) * u64::from(h) * 4 * 2);
    let pixels = decoder.decode().map_err(|e| bad(f, e))?;
    let (w, h) = (u32::from(w), u32::from(h));
    let image = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => RgbImage::from_raw(w, h, pixels).map(DynamicImage::ImageRgb8),
        jpeg_decoder::PixelFormat::L8 => image::GrayImage::from_raw(w, h, pixels).map(DynamicImage::ImageLuma8),
        jpeg_decoder::PixelFormat::L16 => {
            let wide = pixels.chunks_exact(2).map(|p| u16::from_be_bytes([p[0], p[1]])).collect();
            image::ImageBuffer::from_raw(w, h, wide).map(DynamicImage::ImageLuma16)
        }
        jpeg_decoder::PixelFormat::CMYK32 => {
            // Adobe writes inverted CMYK; jpeg-decoder hands it over as stored.
            let rgb = pixels
                .chunks_exact(4)
                .flat_map(|p| {
                    let k = u16::from(p[3]);
                    [p[0], p[1], p[2]].map(|c| u8::try_from(u16::from(c) * k / 255).unwrap_or(255))
                })
                .collect();
            RgbImage::from_raw(w, h, rgb).map(DynamicImage::ImageRgb8)
        }
    };
    let image = image.ok_or_else(|| bad(f, "decoded pixel data has the wrong size"))?;
    Ok((width_px, height_px, image))
}

fn decode_other<R: BufRead + Seek>(reader: R, format: ImageFormat) -> Result<(u32, u32, DynamicImage), ImportError> {
    use image::ImageDecoder;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut reader = ImageReader::with_format(reader, format);
    reader.limits(limits.clone());
    let mut decoder = reader.into_decoder().map_err(|e| image_error(format, e))?;
    let (w, h) = decoder.dimensions();
    let pixels = (u64::from(w) * u64::from(h)).max(1);
    check_size(format, w, h, (decoder.total_bytes() / pixels).max(1))?;
    let _reserved = DECODES.reserve(decoder.total_bytes());
    decoder.set_limits(limits).map_err(|e| image_error(format, e))?;
    let image = DynamicImage::from_decoder(decoder).map_err(|e| image_error(format, e))?;
    Ok((w, h, image))
}

fn image_error(format: ImageFormat, e: image::ImageError) -> ImportError {
    match e {
        image::ImageError::Limits(_) => {
            ImportError::TooMuchMemory { needed_mb: (MAX_DECODE_BYTES >> 20) + 1, limit_mb: MAX_DECODE_BYTES >> 20 }
        }
        image::ImageError::IoError(io) => bad(format, format!("file ends early or cannot be read ({io})")),
        other => bad(format, other),
    }
}

/// The size that fits `(w, h)` into a `max_px` square, keeping the aspect ratio.
pub(crate) fn fit(w: u32, h: u32, max_px: u32) -> (u32, u32) {
    let long = w.max(h).max(1);
    if long <= max_px {
        return (w.max(1), h.max(1));
    }
    let scale = |x: u32| ((u64::from(x) * u64::from(max_px) + u64::from(long) / 2) / u64::from(long)).max(1);
    (u32::try_from(scale(w)).unwrap_or(max_px), u32::try_from(scale(h)).unwrap_or(max_px))
}

/// The image fitted into a `max_px` square (left as it is up to `slack` times that), on white
/// where it was transparent.
fn to_fitted(image: DynamicImage, max_px: u32, slack: f32) -> RgbImage {
    let (w, h) = fit(image.width(), image.height(), max_px);
    let within_slack = image.width().max(image.height()) as f32 <= max_px as f32 * slack;
    let image = if (w, h) == (image.width(), image.height()) || within_slack {
        image
    } else {
        image.resize_exact(w, h, image::imageops::FilterType::Triangle)
    };
    if image.color().has_alpha() {
        // Transparent areas become white, as a viewer would show them on paper.
        let rgba = image.to_rgba8();
        let mut rgb = RgbImage::new(rgba.width(), rgba.height());
        for (dst, src) in rgb.pixels_mut().zip(rgba.pixels()) {
            let a = u16::from(src[3]);
            for c in 0..3 {
                dst[c] = u8::try_from((u16::from(src[c]) * a + 255 * (255 - a)) / 255).unwrap_or(255);
            }
        }
        rgb
    } else {
        image.to_rgb8()
    }
}

/// Encodes a thumbnail (or any picture) as JPEG.
pub fn encode_thumbnail(thumb: &RgbImage) -> Result<Vec<u8>, ImportError> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(thumb)
        .map_err(|e| ImportError::Store(format!("cannot encode thumbnail: {e}")))?;
    Ok(out)
}

/// Reads what EXIF the file has; a file without EXIF, or with broken EXIF, gives defaults.
fn read_exif<R: BufRead + Seek>(reader: &mut R) -> ExifInfo {
    // Damaged EXIF (a bad pointer in one directory) still gives what the other fields say.
    let parsed = exif::Reader::new()
        .continue_on_error(true)
        .read_from_container(reader)
        .or_else(|e| e.distill_partial_result(|_ignored| {}));
    let Ok(exif) = parsed else {
        return ExifInfo::default();
    };
    let field = |tag| exif.get_field(tag, exif::In::PRIMARY);
    let text = |tag| {
        field(tag)
            .and_then(|f| match &f.value {
                exif::Value::Ascii(parts) => {
                    parts.first().map(|p| String::from_utf8_lossy(p).trim_matches(['\0', ' ']).to_owned())
                }
                _ => None,
            })
            .unwrap_or_default()
    };
    let orientation = field(exif::Tag::Orientation)
        .and_then(|f| f.value.get_uint(0))
        .and_then(|o| u16::try_from(o).ok())
        .filter(|o| (1..=8).contains(o));
    // Only the moment the shutter opened: DateTime is the last edit and DateTimeDigitized a
    // scan's day. Without DateTimeOriginal, IPTC/XMP DateCreated is asked next.
    let captured_at = parse_exif_datetime(&text(exif::Tag::DateTimeOriginal));
    let (make, model) = (text(exif::Tag::Make), text(exif::Tag::Model));
    let camera = if model.to_lowercase().starts_with(&make.to_lowercase()) {
        model
    } else {
        format!("{make} {model}").trim().to_owned()
    };
    let credit = text(exif::Tag::Artist);
    let copyright = text(exif::Tag::Copyright);
    let gps = gps_coordinate(&exif, exif::Tag::GPSLatitude, exif::Tag::GPSLatitudeRef, 'S')
        .zip(gps_coordinate(&exif, exif::Tag::GPSLongitude, exif::Tag::GPSLongitudeRef, 'W'))
        .filter(|(lat, lon)| lat.abs() <= 90.0 && lon.abs() <= 180.0)
        .map(|(latitude_deg, longitude_deg)| GpsPosition { latitude_deg, longitude_deg });
    ExifInfo { orientation, captured_at, camera, caption: text(exif::Tag::ImageDescription), credit, copyright, gps }
}

fn gps_coordinate(exif: &exif::Exif, tag: exif::Tag, ref_tag: exif::Tag, negative: char) -> Option<f64> {
    let field = exif.get_field(tag, exif::In::PRIMARY)?;
    // The standard says RATIONAL; some phones write SRATIONAL.
    let parts: Vec<f64> = match &field.value {
        exif::Value::Rational(parts) => parts.iter().map(exif::Rational::to_f64).collect(),
        exif::Value::SRational(parts) => parts.iter().map(exif::SRational::to_f64).collect(),
        _ => return None,
    };
    let deg = *parts.first()?;
    let min = parts.get(1).copied().unwrap_or(0.0);
    let sec = parts.get(2).copied().unwrap_or(0.0);
    let value = deg + min / 60.0 + sec / 3600.0;
    if !value.is_finite() {
        return None;
    }
    let is_negative = exif
        .get_field(ref_tag, exif::In::PRIMARY)
        .is_some_and(|f| f.display_value().to_string().trim_matches('"').starts_with(negative));
    Some(if is_negative { -value } else { value })
}

/// Parses EXIF's "YYYY:MM:DD HH:MM:SS"; blank or zeroed dates give `None`.
pub(crate) fn parse_exif_datetime(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    let date = s.get(..10)?.replace(':', "-");
    let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok()?;
    let time = s.get(11..19).and_then(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M:%S").ok());
    Some(date.and_time(time.unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_aspect() {
        assert_eq!(fit(4000, 3000, 256), (256, 192));
        assert_eq!(fit(3000, 4000, 256), (192, 256));
        assert_eq!(fit(100, 50, 256), (100, 50));
        assert_eq!(fit(10000, 1, 256), (256, 1));
    }

    #[test]
    fn exif_dates() {
        assert_eq!(
            parse_exif_datetime("2024:01:31 12:34:56").map(|d| d.to_string()),
            Some("2024-01-31 12:34:56".into())
        );
        assert_eq!(parse_exif_datetime("0000:00:00 00:00:00"), None);
        assert_eq!(parse_exif_datetime("    :  :     :  :  "), None);
        assert_eq!(parse_exif_datetime("2024:01:31").map(|d| d.to_string()), Some("2024-01-31 00:00:00".into()));
    }
}
