//! Inputs the integration tests make for themselves: JPEGs with EXIF, PNGs, text clippings.
#![allow(dead_code, clippy::unwrap_used)]

pub mod http;

use std::path::{Path, PathBuf};

use image::{Rgb, RgbImage};

/// A JPEG whose left half is red and right half blue, with an EXIF block carrying the given
/// orientation and date (IFD0 `Orientation` and `DateTime`).
pub fn jpeg_with_exif(width: u32, height: u32, orientation: Option<u16>, datetime: Option<&str>) -> Vec<u8> {
    jpeg_with_exif_dates(width, height, orientation, datetime, None)
}

/// A JPEG whose EXIF has an orientation, a DateTimeOriginal (in the Exif sub-IFD, where cameras
/// write it) and a DateTime in IFD0 (the last edit, "ModifyDate" to exiftool).
pub fn jpeg_with_exif_dates(
    width: u32,
    height: u32,
    orientation: Option<u16>,
    taken: Option<&str>,
    modified: Option<&str>,
) -> Vec<u8> {
    let img =
        RgbImage::from_fn(width, height, |x, _| if x < width / 2 { Rgb([220, 20, 20]) } else { Rgb([20, 20, 220]) });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90).encode_image(&img).unwrap();
    let exif = exif_block(orientation, taken, modified);
    if exif.is_empty() {
        return jpeg;
    }
    let mut out = jpeg[..2].to_vec(); // SOI
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
    out.extend_from_slice(&exif);
    out.extend_from_slice(&jpeg[2..]);
    out
}

type IfdEntry = (u16, u16, u32, Vec<u8>);

fn ascii_entry(tag: u16, text: &str) -> IfdEntry {
    let mut v = text.as_bytes().to_vec();
    v.push(0);
    (tag, 2, u32::try_from(v.len()).unwrap(), v)
}

/// One IFD at `offset` in the TIFF block: its entries, then the values that do not fit in them.
fn ifd(entries: &[IfdEntry], offset: usize) -> Vec<u8> {
    let mut out = u16::try_from(entries.len()).unwrap().to_be_bytes().to_vec();
    let mut data_offset = offset + 2 + 12 * entries.len() + 4;
    let mut data = Vec::new();
    for (tag, typ, count, value) in entries {
        out.extend_from_slice(&tag.to_be_bytes());
        out.extend_from_slice(&typ.to_be_bytes());
        out.extend_from_slice(&count.to_be_bytes());
        if value.len() <= 4 {
            let mut v = value.clone();
            v.resize(4, 0);
            out.extend_from_slice(&v);
        } else {
            out.extend_from_slice(&u32::try_from(data_offset).unwrap().to_be_bytes());
            data.extend_from_slice(value);
            data_offset += value.len();
        }
    }
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(&data);
    out
}

fn exif_block(orientation: Option<u16>, taken: Option<&str>, modified: Option<&str>) -> Vec<u8> {
    let mut entries: Vec<IfdEntry> = Vec::new();
    if let Some(o) = orientation {
        let mut v = o.to_be_bytes().to_vec();
        v.extend_from_slice(&[0, 0]);
        entries.push((0x0112, 3, 1, v));
    }
    if let Some(dt) = modified {
        entries.push(ascii_entry(0x0132, dt));
    }
    if taken.is_some() {
        // The Exif sub-IFD's offset is filled in below, once IFD0's size is known.
        entries.push((0x8769, 4, 1, vec![0; 4]));
    }
    if entries.is_empty() {
        return Vec::new();
    }
    let mut ifd0 = ifd(&entries, 8);
    if let Some(dt) = taken {
        let sub_offset = 8 + ifd0.len();
        let last = entries.len() - 1;
        entries[last].3 = u32::try_from(sub_offset).unwrap().to_be_bytes().to_vec();
        ifd0 = ifd(&entries, 8);
        ifd0.extend_from_slice(&ifd(&[ascii_entry(0x9003, dt)], sub_offset));
    }
    let mut out = b"Exif\0\0MM\0*\0\0\0\x08".to_vec();
    out.extend_from_slice(&ifd0);
    out
}

/// A small PNG of one colour.
pub fn png(width: u32, height: u32, rgb: [u8; 3]) -> Vec<u8> {
    let img = RgbImage::from_pixel(width, height, Rgb(rgb));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A unique JPEG: its pixels encode `seed`, so every seed gives other bytes.
pub fn unique_jpeg(seed: u32, width: u32, height: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(width, height, |x, y| {
        Rgb([(seed % 251) as u8, ((seed / 251) % 251) as u8, ((x + y) % 256) as u8])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80).encode_image(&img).unwrap();
    jpeg
}

/// Replaces the dimensions in a JPEG's SOF0 header, leaving the rest as it was.
pub fn jpeg_claiming_size(width: u16, height: u16) -> Vec<u8> {
    let mut jpeg = unique_jpeg(1, 16, 16);
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    jpeg[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    jpeg
}

/// Replaces the dimensions in a PNG's IHDR and fixes its CRC.
pub fn png_claiming_size(width: u32, height: u32) -> Vec<u8> {
    let mut png = png(16, 16, [1, 2, 3]);
    png[16..20].copy_from_slice(&width.to_be_bytes());
    png[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    png
}

/// A PNG header claiming 16-bit RGBA pixels (8 bytes each) at the given size.
pub fn png16_claiming_size(width: u32, height: u32) -> Vec<u8> {
    let mut png = png_claiming_size(width, height);
    png[24] = 16; // bit depth
    png[25] = 6; // colour type: RGBA
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs a program to its end, as `Command::output` does, with `created`'s one retried failure.
pub fn output_of(command: &mut std::process::Command) -> std::process::Output {
    created(|| command.output())
}

/// Starts a program, as `Command::spawn` does, with `created`'s one retried failure.
pub fn spawn_of(command: &mut std::process::Command) -> std::process::Child {
    created(|| command.spawn())
}

/// Under Wine, process creation now and then fails with ERROR_INTERNAL_ERROR (1359) before the
/// program exists (seen once in CI, on a `clippings tag` after a hundred runs that went well).
/// That failure, and only that one, is tried again. A program that started and then failed is
/// returned as it ended.
fn created<T>(mut create: impl FnMut() -> std::io::Result<T>) -> T {
    const WINE_INTERNAL_ERROR: i32 = 1359;
    let mut tries = 0;
    loop {
        match create() {
            Err(e) if cfg!(windows) && e.raw_os_error() == Some(WINE_INTERNAL_ERROR) && tries < 4 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(250 * tries));
            }
            result => return result.unwrap(),
        }
    }
}

/// A clipping in the shape press officers paste: headline, article number, credit, body.
pub const PASTED_CLIPPING: &str = "Brussels talks: Kazakhstan and Benelux build bridges\n\n222992\nPhoto by: Gov\n\nProspects for cooperation were discussed in Brussels, DKNews.kz reports.\n\nThe parties discussed the Middle Corridor and green hydrogen.\n";

/// A one-page PDF with Helvetica text lines and an Info dictionary, assembled by hand with a
/// correct cross-reference table.
pub fn pdf(title: &str, author: &str, date: &str, lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 14 Tf 72 720 Td ");
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            content.push_str("0 -20 Td ");
        }
        content.push_str(&format!("({}) Tj ", line.replace('(', "\\(").replace(')', "\\)")));
    }
    content.push_str("ET");
    pdf_with_content(title, author, date, "Helvetica", &content)
}

/// A one-page PDF with this content stream, and this standard font as /F1.
pub fn pdf_with_content(title: &str, author: &str, date: &str, font: &str, content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_owned(),
        format!("<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Encoding /WinAnsiEncoding >>"),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        format!("<< /Title ({title}) /Author ({author}) /CreationDate ({date}) >>"),
    ];
    pdf_of(&objects, "/Info 6 0 R")
}

/// A PDF of these objects (numbered from 1, the first the catalog) with a correct
/// cross-reference table; `trailer` adds to the trailer's dictionary.
fn pdf_of(objects: &[String], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    let size = objects.len() + 1;
    out.extend_from_slice(
        format!("trailer\n<< /Size {size} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

/// Inserts APP segments (marker, payload) right after a JPEG's SOI.
pub fn with_segments(jpeg: &[u8], segments: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    for (marker, payload) in segments {
        out.extend_from_slice(&[0xFF, *marker]);
        out.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
        out.extend_from_slice(payload);
    }
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// An APP13 payload with IPTC IIM records (record 2), as Photoshop writes it.
pub fn iptc_app13(records: &[(u8, &str)]) -> Vec<u8> {
    let mut iim = vec![0x1C, 1, 90, 0, 3, 0x1B, b'%', b'G'];
    for (dataset, value) in records {
        iim.extend_from_slice(&[0x1C, 2, *dataset]);
        iim.extend_from_slice(&u16::try_from(value.len()).unwrap().to_be_bytes());
        iim.extend_from_slice(value.as_bytes());
    }
    let mut out = b"Photoshop 3.0\0".to_vec();
    out.extend_from_slice(b"8BIM\x04\x04\0\0");
    out.extend_from_slice(&u32::try_from(iim.len()).unwrap().to_be_bytes());
    out.extend_from_slice(&iim);
    if iim.len() % 2 == 1 {
        out.push(0);
    }
    out
}

/// An APP1 payload carrying an XMP packet.
pub fn xmp_app1(xmp: &str) -> Vec<u8> {
    let mut out = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    out.extend_from_slice(xmp.as_bytes());
    out
}

/// An XMP packet with the properties a news photo carries.
pub fn xmp_packet(headline: &str, caption: &str, keywords: &[&str], country_code: &str, event: &str) -> String {
    let items: String = keywords.iter().map(|k| format!("<rdf:li>{k}</rdf:li>")).collect();
    format!(
        r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
 xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
 photoshop:Headline="{headline}" Iptc4xmpCore:CountryCode="{country_code}">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{caption}</rdf:li></rdf:Alt></dc:description>
<dc:subject><rdf:Bag>{items}</rdf:Bag></dc:subject>
<Iptc4xmpExt:Event><rdf:Alt><rdf:li xml:lang="x-default">{event}</rdf:li></rdf:Alt></Iptc4xmpExt:Event>
</rdf:Description></rdf:RDF></x:xmpmeta>"#
    )
}

/// A zip file of (name, text) parts, stored uncompressed, as a word processor would write
/// (compressed) a .docx or .odt.
pub fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A one-page PDF that draws a dark rectangle (a scan's stand-in), with its cross-reference
/// table pointing at the wrong places: as some scanners write them, which readers repair.
pub fn pdf_with_damaged_xref() -> Vec<u8> {
    let good = pdf_with_content("", "", "", "Helvetica", "0.1 0.1 0.1 rg 72 72 400 600 re f");
    let text = String::from_utf8_lossy(&good).into_owned();
    let at = text.rfind("startxref\n").unwrap_or_default() + "startxref\n".len();
    let mut out = good[..at].to_vec();
    out.extend_from_slice(b"17\n%%EOF\n");
    // Every offset in the table off by a few bytes too.
    String::from_utf8_lossy(&out).replace(" 00000 n ", " 00003 n ").replacen("0000000009", "0000000031", 1).into_bytes()
}

/// A one-page PDF of text, encrypted with the standard handler for a user password this test
/// does not know (its /U entry matches no password): it cannot be opened without one.
pub fn pdf_locked_by_a_password() -> Vec<u8> {
    let hex = |seed: u8, n: usize| -> String {
        (0..n).map(|i| format!("{:02x}", seed.wrapping_add((i as u8).wrapping_mul(37)))).collect()
    };
    let content = "BT /F1 14 Tf 72 720 Td (Not for the press.) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        format!("<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P -4 >>", hex(3, 32), hex(11, 32)),
    ];
    let id = hex(5, 16);
    pdf_of(&objects, &format!("/Encrypt 6 0 R /ID [<{id}> <{id}>]"))
}
