//! What the photographer and the agency wrote into a photo: IPTC IIM (JPEG APP13) and XMP (in
//! the file, or in a `.xmp` sidecar beside it). Headline, caption, creator, credit, source,
//! copyright, city, country, keywords and event (Iptc4xmpExt:Event). XMP wins over IPTC where
//! both say something.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use quick_xml::events::Event;

use crate::import::formats::xml::append_xml_text;

#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct PhotoMeta {
    pub headline: String,
    pub title: String,
    pub caption: String,
    pub creator: String,
    pub credit: String,
    pub source: String,
    pub copyright: String,
    pub city: String,
    pub country: String,
    pub country_code: String,
    pub keywords: Vec<String>,
    pub event: String,
    /// When the photo was taken, as IPTC/XMP DateCreated gives it (midnight when only the day
    /// is given). Never a modification date.
    pub created: Option<NaiveDateTime>,
}

impl PhotoMeta {
    /// Fills what `self` lacks from `other`.
    fn or(mut self, other: PhotoMeta) -> PhotoMeta {
        let fill = |a: &mut String, b: String| {
            if a.trim().is_empty() {
                *a = b;
            }
        };
        fill(&mut self.headline, other.headline);
        fill(&mut self.title, other.title);
        fill(&mut self.caption, other.caption);
        fill(&mut self.creator, other.creator);
        fill(&mut self.credit, other.credit);
        fill(&mut self.source, other.source);
        fill(&mut self.copyright, other.copyright);
        fill(&mut self.city, other.city);
        fill(&mut self.country, other.country);
        fill(&mut self.country_code, other.country_code);
        fill(&mut self.event, other.event);
        // XMP and IPTC keyword lists often differ: a value either has is kept.
        for keyword in other.keywords {
            if !self.keywords.contains(&keyword) {
                self.keywords.push(keyword);
            }
        }
        self.created = self.created.or(other.created);
        self
    }
}

/// Reads IPTC and XMP from a photo's bytes, and XMP from a sidecar if there is one.
pub(crate) fn read(bytes: &[u8], sidecar: Option<&[u8]>) -> PhotoMeta {
    let sidecar = sidecar.and_then(find_xmp).map(parse_xmp).unwrap_or_default();
    // In a JPEG, metadata lives in the segments before the image data: no need to search
    // megabytes of pixels for it. Other formats are searched whole.
    let segments = jpeg_segments(bytes);
    let searched = segments.as_ref().and_then(|(_, end)| bytes.get(..*end)).unwrap_or(bytes);
    let embedded = match find_xmp(searched) {
        Some(xmp) => parse_xmp(xmp),
        None => find_utf16_xmp(searched).map(|xmp| parse_xmp(xmp.as_bytes())).unwrap_or_default(),
    };
    let iptc = segments.and_then(|(segments, _)| iptc_block(&segments)).map(read_iptc).unwrap_or_default();
    sidecar.or(embedded).or(iptc)
}

/// The XMP packet inside a file, wherever the format keeps it uncompressed.
fn find_xmp(bytes: &[u8]) -> Option<&[u8]> {
    for (open, close) in [(&b"<x:xmpmeta"[..], &b"</x:xmpmeta>"[..]), (b"<rdf:RDF", b"</rdf:RDF>")] {
        if let Some(start) = find(bytes, open) {
            let end = find(bytes.get(start..)?, close)? + start + close.len();
            return bytes.get(start..end);
        }
    }
    None
}

/// An XMP packet written in UTF-16 (which the XMP specification allows), as UTF-8.
fn find_utf16_xmp(bytes: &[u8]) -> Option<String> {
    let utf16 = |s: &str, big_endian: bool| -> Vec<u8> {
        s.encode_utf16().flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
    };
    for big_endian in [true, false] {
        let (open, close) = (utf16("<x:xmpmeta", big_endian), utf16("</x:xmpmeta>", big_endian));
        let Some(start) = find(bytes, &open) else { continue };
        let end = find(bytes.get(start..)?, &close)? + start + close.len();
        let units: Vec<u16> = bytes
            .get(start..end)?
            .chunks_exact(2)
            .map(|c| if big_endian { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) })
            .collect();
        return Some(String::from_utf16_lossy(&units));
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// A JPEG marker segment: the marker byte and its payload.
type Segment<'a> = (u8, &'a [u8]);

/// The segments before a JPEG's image data, as (marker, payload), and the offset where they
/// end (the first scan). `None` when the bytes are not a JPEG or break before the first scan.
fn jpeg_segments(bytes: &[u8]) -> Option<(Vec<Segment<'_>>, usize)> {
    if bytes.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut segments = Vec::new();
    let mut pos = 2;
    loop {
        if *bytes.get(pos)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(pos + 1)?;
        if marker == 0xDA || marker == 0xD9 {
            return Some((segments, pos));
        }
        let len = usize::from(u16::from_be_bytes([*bytes.get(pos + 2)?, *bytes.get(pos + 3)?]));
        segments.push((marker, bytes.get(pos + 4..pos + 2 + len)?));
        pos += 2 + len;
    }
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads the properties we use from an XMP packet. A property may be an attribute of
/// `rdf:Description`, an element with text, or an element holding an `rdf:Alt`, `rdf:Bag` or
/// `rdf:Seq` of `rdf:li` items.
fn parse_xmp(xml: &[u8]) -> PhotoMeta {
    let mut values: Vec<(String, String)> = Vec::new();
    let mut reader = quick_xml::Reader::from_reader(xml);
    // The property element being read (a child of rdf:Description), and its text so far.
    let mut property: Option<String> = None;
    let mut text = String::new();
    let mut depth_in_property = 0usize;
    let attr_values = |e: &quick_xml::events::BytesStart<'_>, values: &mut Vec<(String, String)>| {
        for attr in e.attributes().flatten() {
            let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
            if key.starts_with("xmlns") || key.starts_with("rdf:") || key.starts_with("xml:") {
                continue;
            }
            if let Ok(v) = attr.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
                values.push((key, v.into_owned()));
            }
        }
    };
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Empty(e) if property.is_none() => attr_values(&e, &mut values),
            Event::Start(e) if property.is_none() => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "rdf:Description" {
                    attr_values(&e, &mut values);
                } else if !name.starts_with("rdf:") && !name.starts_with("x:") {
                    // Structured values (Iptc4xmpExt:LocationShown ...) carry attributes too.
                    attr_values(&e, &mut values);
                    property = Some(name);
                    text.clear();
                    depth_in_property = 0;
                }
            }
            Event::Start(_) => depth_in_property += 1,
            Event::Text(_) | Event::GeneralRef(_) if property.is_some() => append_xml_text(&mut text, &event),
            Event::End(e) => {
                let Some(name) = property.clone() else { continue };
                let end = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if end == "rdf:li" || depth_in_property == 0 {
                    let value = clean(&text);
                    if !value.is_empty() {
                        values.push((name, value));
                    }
                    text.clear();
                }
                if depth_in_property == 0 {
                    property = None;
                } else {
                    depth_in_property -= 1;
                }
            }
            _ => {}
        }
    }
    let first = |keys: &[&str]| -> String {
        keys.iter().find_map(|k| values.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())).unwrap_or_default()
    };
    let mut keywords: Vec<String> = values.iter().filter(|(n, _)| n == "dc:subject").map(|(_, v)| v.clone()).collect();
    keywords.dedup();
    PhotoMeta {
        headline: first(&["photoshop:Headline"]),
        title: first(&["dc:title"]),
        caption: first(&["dc:description"]),
        creator: first(&["dc:creator"]),
        credit: first(&["photoshop:Credit", "Iptc4xmpCore:CreditLine"]),
        source: first(&["photoshop:Source"]),
        copyright: first(&["dc:rights"]),
        city: first(&["photoshop:City", "Iptc4xmpExt:City"]),
        country: first(&["photoshop:Country", "Iptc4xmpCore:Country", "Iptc4xmpExt:CountryName"]),
        country_code: first(&["Iptc4xmpCore:CountryCode", "Iptc4xmpExt:CountryCode"]),
        keywords,
        event: first(&["Iptc4xmpExt:Event"]),
        created: parse_created(&first(&["photoshop:DateCreated", "Iptc4xmpExt:DateCreated"])),
    }
}

/// Reads IPTC IIM records (record 2) from the block that `iptc_block` finds.
fn read_iptc(iim: &[u8]) -> PhotoMeta {
    let mut records: Vec<(u8, String)> = Vec::new();
    let mut utf8 = false;
    let mut i = 0;
    while i + 5 <= iim.len() {
        if iim[i] != 0x1C {
            break;
        }
        let (record, dataset) = (iim[i + 1], iim[i + 2]);
        let len = usize::from(u16::from_be_bytes([iim[i + 3], iim[i + 4]]));
        if len & 0x8000 != 0 {
            break;
        }
        let Some(data) = iim.get(i + 5..i + 5 + len) else { break };
        if record == 1 && dataset == 90 {
            // ESC % G declares UTF-8.
            utf8 = data == b"\x1b%G";
        }
        if record == 2 {
            let text = match std::str::from_utf8(data) {
                Ok(s) => s.to_owned(),
                Err(_) if !utf8 => data.iter().map(|&b| char::from(b)).collect(),
                Err(_) => String::from_utf8_lossy(data).into_owned(),
            };
            records.push((dataset, clean(text.trim_matches('\0'))));
        }
        i += 5 + len;
    }
    let get = |id: u8| records.iter().find(|(d, _)| *d == id).map(|(_, v)| v.clone()).unwrap_or_default();
    let created = parse_created(&get(55)).map(|day| {
        // TimeCreated: HHMMSS with a zone after it; the time is kept as the photographer's clock.
        let time = get(60);
        time.get(..6).and_then(|t| NaiveTime::parse_from_str(t, "%H%M%S").ok()).map_or(day, |t| day.date().and_time(t))
    });
    PhotoMeta {
        headline: get(105),
        title: get(5),
        caption: get(120),
        creator: get(80),
        credit: get(110),
        source: get(115),
        copyright: get(116),
        city: get(90),
        country: get(101),
        country_code: get(100),
        keywords: records.iter().filter(|(d, _)| *d == 25).map(|(_, v)| v.clone()).filter(|v| !v.is_empty()).collect(),
        event: String::new(),
        created,
    }
}

/// A creation date as IPTC ("20030512") or XMP ("2003-05-12", "2003-05-12T14:30:05+02:00",
/// "2003-05-12T14:30") writes it; the zone is dropped, the photographer's clock kept.
fn parse_created(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    let (day, rest) = if text.len() >= 10 && text.as_bytes().get(4) == Some(&b'-') {
        (NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?, text.get(10..).unwrap_or_default())
    } else {
        (NaiveDate::parse_from_str(text.get(..8)?, "%Y%m%d").ok()?, "")
    };
    let time = rest.strip_prefix(['T', ' ']).and_then(|t| {
        let t = t.get(..8).filter(|t| t.as_bytes().get(5) == Some(&b':')).or_else(|| t.get(..5))?;
        NaiveTime::parse_from_str(t, "%H:%M:%S").or_else(|_| NaiveTime::parse_from_str(t, "%H:%M")).ok()
    });
    Some(day.and_time(time.unwrap_or_default()))
}

fn iptc_block<'a>(segments: &[Segment<'a>]) -> Option<&'a [u8]> {
    for &(marker, segment) in segments {
        let Some(resources) = segment.strip_prefix(b"Photoshop 3.0\0").filter(|_| marker == 0xED) else { continue };
        let mut i = 0;
        while i + 12 <= resources.len() {
            if resources.get(i..i + 4)? != b"8BIM" {
                break;
            }
            let id = u16::from_be_bytes([resources[i + 4], resources[i + 5]]);
            let name_len = usize::from(resources[i + 6]);
            // The Pascal-string name is padded to an even length, its length byte included.
            let j = i + 7 + name_len + usize::from((name_len + 1) % 2 == 1);
            let size = u32::from_be_bytes(resources.get(j..j + 4)?.try_into().ok()?) as usize;
            let data = resources.get(j + 4..j + 4 + size)?;
            if id == 0x0404 {
                return Some(data);
            }
            i = j + 4 + size + size % 2;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const XMP: &str = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
  xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
  photoshop:Headline="Foreign ministers meet in Astana" photoshop:Credit="Akorda press service"
  photoshop:City="Astana" Iptc4xmpCore:CountryCode="KZ">
 <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Ministers of Kazakhstan &amp; Belgium at the forum</rdf:li></rdf:Alt></dc:description>
 <dc:creator><rdf:Seq><rdf:li>Dana Abenova</rdf:li></rdf:Seq></dc:creator>
 <dc:subject><rdf:Bag><rdf:li>diplomacy</rdf:li><rdf:li>transport</rdf:li></rdf:Bag></dc:subject>
 <Iptc4xmpExt:Event><rdf:Alt><rdf:li xml:lang="x-default">Astana International Forum</rdf:li></rdf:Alt></Iptc4xmpExt:Event>
 <photoshop:Country>Kazakhstan</photoshop:Country>
 <photoshop:DateCreated>2024-06-13</photoshop:DateCreated>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#;

    #[test]
    fn xmp_properties_in_every_form() {
        let m = read(XMP.as_bytes(), None);
        assert_eq!(m.headline, "Foreign ministers meet in Astana");
        assert_eq!(m.caption, "Ministers of Kazakhstan & Belgium at the forum");
        assert_eq!(m.creator, "Dana Abenova");
        assert_eq!(m.credit, "Akorda press service");
        assert_eq!(m.keywords, ["diplomacy", "transport"]);
        assert_eq!(m.event, "Astana International Forum");
        assert_eq!((m.city.as_str(), m.country.as_str(), m.country_code.as_str()), ("Astana", "Kazakhstan", "KZ"));
        assert_eq!(m.created, NaiveDate::from_ymd_opt(2024, 6, 13).and_then(|d| d.and_hms_opt(0, 0, 0)));
    }

    #[test]
    fn xmp_in_utf16() {
        let packet: Vec<u8> = XMP.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let mut file = b"\xFF\xD8 some bytes ".to_vec();
        file.extend_from_slice(&packet);
        assert_eq!(read(&file, None).headline, "Foreign ministers meet in Astana");
    }

    #[test]
    fn creation_dates_with_and_without_time() {
        let at = |y, mo, d, h, mi, s| NaiveDate::from_ymd_opt(y, mo, d).and_then(|d| d.and_hms_opt(h, mi, s));
        assert_eq!(parse_created("2003-05-12T14:30:05+02:00"), at(2003, 5, 12, 14, 30, 5));
        assert_eq!(parse_created("2003-05-12T14:30"), at(2003, 5, 12, 14, 30, 0));
        assert_eq!(parse_created("2003-05-12"), at(2003, 5, 12, 0, 0, 0));
        assert_eq!(parse_created("20030512"), at(2003, 5, 12, 0, 0, 0));
        assert_eq!(parse_created("2003"), None);
        assert_eq!(parse_created("garbage!!"), None);
    }

    /// An IPTC block as Photoshop writes it in APP13: keywords, copyright, date and time.
    fn iptc_jpeg(records: &[(u8, &str)]) -> Vec<u8> {
        let mut iim = Vec::new();
        for (dataset, value) in records {
            iim.extend_from_slice(&[0x1C, 2, *dataset]);
            iim.extend_from_slice(&(value.len() as u16).to_be_bytes());
            iim.extend_from_slice(value.as_bytes());
        }
        let mut resource = b"Photoshop 3.0\08BIM\x04\x04\0\0".to_vec();
        resource.extend_from_slice(&(iim.len() as u32).to_be_bytes());
        resource.extend_from_slice(&iim);
        if iim.len() % 2 == 1 {
            resource.push(0);
        }
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xED];
        jpeg.extend_from_slice(&((resource.len() + 2) as u16).to_be_bytes());
        jpeg.extend_from_slice(&resource);
        jpeg.extend_from_slice(&[0xFF, 0xD9]);
        jpeg
    }

    #[test]
    fn iptc_and_xmp_keywords_are_merged_and_copyright_kept_apart() {
        let jpeg = iptc_jpeg(&[
            (25, "Politics"),
            (25, "cpstock"),
            (116, "(c) Marco Villanti"),
            (55, "20030512"),
            (60, "143005+0200"),
        ]);
        let sidecar = XMP.replace("<rdf:li>transport</rdf:li>", "<rdf:li>transport</rdf:li><rdf:li>politics</rdf:li>");
        let m = read(&jpeg, Some(sidecar.as_bytes()));
        assert_eq!(m.keywords, ["diplomacy", "transport", "politics", "Politics", "cpstock"]);
        assert_eq!(m.copyright, "(c) Marco Villanti");
        assert_eq!(m.credit, "Akorda press service");
        // The sidecar's day wins; IPTC alone gives its time too.
        assert_eq!(m.created, NaiveDate::from_ymd_opt(2024, 6, 13).and_then(|d| d.and_hms_opt(0, 0, 0)));
        let m = read(&jpeg, None);
        assert_eq!(m.created, NaiveDate::from_ymd_opt(2003, 5, 12).and_then(|d| d.and_hms_opt(14, 30, 5)));
        assert_eq!(m.credit, "");
    }

    #[test]
    fn no_metadata_is_empty_metadata() {
        assert_eq!(read(b"\xFF\xD8\xFF\xD9", None), PhotoMeta::default());
        assert_eq!(read(b"<x:xmpmeta broken", None), PhotoMeta::default());
    }
}
