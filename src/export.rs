//! Exporting a selection to a folder: copies of the originals named from their titles (safe on
//! Windows, macOS and Linux), a JSON sidecar beside each, an XMP sidecar beside each photo
//! (caption, credit, keywords, country, event, as digiKam, Lightroom and our own import read
//! them), `clippings.csv` listing them all and `index.html` showing them in a browser.
//! Nothing in the destination is ever overwritten and nothing is written outside it.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

use crate::archive::Archive;
use crate::archive::{Error, Result};
use crate::t;
use crate::vocab::model::{ClippingId, ClippingWithTags, Tag, TagKind};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// Every file in the destination folder itself.
    #[default]
    Flat,
    /// A folder per country (a clipping with two countries goes into both).
    Country,
    Topic,
    Event,
    /// A folder per year-month of the clipping's date.
    Month,
}

impl Layout {
    pub const ALL: [Layout; 5] = [Layout::Flat, Layout::Country, Layout::Topic, Layout::Event, Layout::Month];
}

impl ExportReport {
    /// What was written, counted apart: "45 clippings: 91 files and clippings.csv in ...".
    pub fn summary(&self) -> String {
        let cancelled = if self.cancelled { " (cancelled)" } else { "" };
        let clippings = if self.n_clippings == 1 { "1 clipping" } else { &format!("{} clippings", self.n_clippings) };
        let mut summary = format!(
            "{clippings} exported{cancelled}: {} originals, {} sidecars, clippings.csv and index.html in {}",
            self.files.len(),
            self.files.len(),
            crate::vocab::paths::shown(&self.dest)
        );
        if self.n_already_there > 0 {
            summary.push_str(&format!(
                " (the folder already held {} items: none was overwritten, new names were given beside them)",
                self.n_already_there
            ));
        }
        summary
    }
}

impl std::str::FromStr for Layout {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s.to_lowercase().as_str() {
            "flat" => Ok(Layout::Flat),
            "country" => Ok(Layout::Country),
            "topic" => Ok(Layout::Topic),
            "event" => Ok(Layout::Event),
            "month" => Ok(Layout::Month),
            _ => Err(format!("unknown layout {s:?}: expected flat, country, topic, event or month")),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ExportReport {
    pub dest: PathBuf,
    /// How many clippings were exported (a clipping in two folders counts once).
    pub n_clippings: usize,
    /// What the folder held before (nothing of it is overwritten: new names go beside).
    pub n_already_there: usize,
    /// The originals written, relative to `dest`; each has a `.json` sidecar beside it.
    pub files: Vec<PathBuf>,
    /// Clippings that could not be exported, with why.
    pub failed: Vec<(ClippingId, String)>,
    pub cancelled: bool,
}

/// Characters no file system of ours allows in a name, and the invisible ones that would make
/// a name lie about itself (bidirectional overrides).
fn is_forbidden(c: char) -> bool {
    matches!(c, '/' | '\\' | ':' | '*' | '?' | '\u{22}' | '<' | '>' | '|')
        || c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

pub const MAX_NAME_CHARS: usize = 120;

/// Makes a file name from a title: no separators or reserved characters, no reserved device
/// names, no leading dots, no trailing dots or spaces, at most `max_chars` characters. Never
/// empty: `fallback` stands in when nothing of the title is left (and is cleaned the same way).
pub fn sanitize_file_name(title: &str, max_chars: usize, fallback: &str) -> String {
    SafeName::new(title, max_chars, fallback).0
}

/// One path component that is safe to create inside the export folder: not empty, no
/// separator, not `.` or `..`, no reserved name. The only way to make one is [`SafeName::new`],
/// so every path export writes is built from cleaned parts (see [`path_under`]).
#[derive(Clone, Debug, PartialEq, Eq)]
struct SafeName(String);

impl SafeName {
    fn new(title: &str, max_chars: usize, fallback: &str) -> SafeName {
        let cleaned = clean_name(title, max_chars);
        let name = if cleaned.is_empty() { clean_name(fallback, max_chars) } else { cleaned };
        // A fallback that cleans to nothing too still may not leave an empty component.
        SafeName(if name.is_empty() { "clipping".to_owned() } else { name })
    }

    fn as_str(&self) -> &str {
        &self.0
    }

    /// `name.ext`, or `name (n).ext` from the second try on. Still safe: the name neither starts
    /// nor ends with a dot and the extension is cleaned like a name.
    fn numbered(&self, n: usize, ext: &str) -> SafeName {
        let ext = clean_name(ext, 16);
        let name = if n <= 1 { self.0.clone() } else { format!("{} ({n})", self.0) };
        SafeName(if ext.is_empty() { name } else { format!("{name}.{ext}") })
    }
}

fn clean_name(title: &str, max_chars: usize) -> String {
    let cleaned: String = title.chars().map(|c| if is_forbidden(c) { ' ' } else { c }).collect();
    let mut name = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    name = name.trim_start_matches(['.', ' ']).to_owned();
    if name.chars().count() > max_chars {
        name = name.chars().take(max_chars).collect();
    }
    name = name.trim_end_matches(['.', ' ']).to_owned();
    if name.is_empty() {
        return name;
    }
    let stem = name.split('.').next().unwrap_or_default().trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem)) {
        name.insert(0, '_');
    }
    name
}

/// The one place export turns names into a path: `dest` joined with cleaned components, each
/// checked to be a plain name, and the result checked to lie under `dest`. A folder that is
/// already there as a symbolic link (or whose real place is elsewhere) is refused before any
/// file is opened in it.
fn path_under(dest: &Path, parts: &[Option<&SafeName>]) -> io::Result<PathBuf> {
    let mut path = dest.to_path_buf();
    for part in parts.iter().flatten() {
        let mut components = Path::new(part.as_str()).components();
        let (Some(std::path::Component::Normal(name)), None) = (components.next(), components.next()) else {
            return Err(outside(dest, part.as_str()));
        };
        path.push(name);
    }
    if !path.starts_with(dest) {
        return Err(outside(dest, &path.to_string_lossy()));
    }
    Ok(path)
}

/// Makes the folder `dir` (under `dest`) and checks that what is there is a real folder whose
/// real place is under `dest`, not a link that leads out of it.
fn make_dir_under(dest: &Path, dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let is_link = fs::symlink_metadata(dir)?.file_type().is_symlink();
    if is_link || !dir.canonicalize()?.starts_with(dest) {
        return Err(outside(dest, &dir.to_string_lossy()));
    }
    Ok(())
}

fn outside(dest: &Path, what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        format!("refusing to write {what:?}: it would land outside the export folder {}", dest.display()),
    )
}

/// Creates `stem.ext` and `stem.json` as new files in the folder `folder` of `dest`, trying
/// "stem (2)", "stem (3)" ... until both names are free. Returns the two open files and their
/// paths.
fn create_unique(
    dest: &Path,
    folder: Option<&SafeName>,
    stem: &SafeName,
    ext: &str,
) -> io::Result<(File, PathBuf, File, PathBuf)> {
    for n in 1..10_000 {
        let file_path = path_under(dest, &[folder, Some(&stem.numbered(n, ext))])?;
        let json_path = path_under(dest, &[folder, Some(&stem.numbered(n, "json"))])?;
        // The name of a photo's XMP sidecar is kept free too.
        let xmp_path = path_under(dest, &[folder, Some(&stem.numbered(n, "xmp"))])?;
        if file_path.exists() || json_path.exists() || xmp_path.exists() {
            continue;
        }
        let file = match OpenOptions::new().write(true).create_new(true).open(&file_path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        match OpenOptions::new().write(true).create_new(true).open(&json_path) {
            Ok(json) => return Ok((file, file_path, json, json_path)),
            Err(e) => {
                let _ = fs::remove_file(&file_path);
                if e.kind() != io::ErrorKind::AlreadyExists {
                    return Err(e);
                }
            }
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "no free file name"))
}

impl Archive {
    /// Writes `coverage.csv` of these clippings into `dest`, beside an export: the counts per
    /// month by every grouping (`archive::coverage::csv`). A file of that name there already is
    /// kept: the new one is numbered. Returns where it went.
    pub fn write_coverage(&self, ids: &[ClippingId], dest: &Path) -> Result<PathBuf> {
        let mut items = Vec::with_capacity(ids.len());
        for &id in ids {
            items.push(self.get_with_tags(id)?);
        }
        let pairs: Vec<(&crate::vocab::model::Clipping, &[crate::vocab::model::Tag])> =
            items.iter().map(|i| (&i.clipping, i.tags.as_slice())).collect();
        write_beside(dest, "coverage", "csv", crate::archive::coverage::csv(&pairs).as_bytes())
    }
}

/// Writes a file named `stem.ext` into `dest` (numbered where one is there already): what goes
/// beside an export's own files (`coverage.csv`).
fn write_beside(dest: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<PathBuf> {
    let (mut file, path) =
        create_unique_single(dest, &SafeName::new(stem, 80, stem), ext).map_err(|e| Error::io(dest, e))?;
    file.write_all(bytes).map_err(|e| Error::io(&path, e))?;
    Ok(path)
}

fn create_unique_single(dest: &Path, stem: &SafeName, ext: &str) -> io::Result<(File, PathBuf)> {
    for n in 1..10_000 {
        let path = path_under(dest, &[Some(&stem.numbered(n, ext))])?;
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(f) => return Ok((f, path)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "no free file name"))
}

/// How the folders of a layout are named: by default, tags by their own names (countries in
/// English) and "No country", "No topic"... for clippings without one. The window passes the
/// names in its language when the user asks for them.
pub struct FolderNames<'a> {
    /// A tag's name in the wanted language (a country's, a shipped topic's), where it has one.
    pub tag: &'a dyn Fn(&Tag) -> Option<String>,
    /// The folder of the clippings without a tag of this kind.
    pub none: &'a dyn Fn(TagKind) -> String,
}

impl FolderNames<'_> {
    /// Tags by their own names, "No country" and so on.
    pub fn english() -> FolderNames<'static> {
        FolderNames {
            tag: &|_| None,
            none: &|kind| match kind {
                TagKind::Country => "No country".to_owned(),
                TagKind::Topic => "No topic".to_owned(),
                TagKind::Event => "No event".to_owned(),
            },
        }
    }
}

/// The folder (under the destination) a clipping goes into under a layout, once per folder;
/// `None` is the destination itself. A tag whose name cleans to nothing goes to the layout's
/// "No ..." folder, never to a raw value.
fn folders_for(item: &ClippingWithTags, layout: Layout, names: &FolderNames<'_>) -> Vec<Option<SafeName>> {
    let by_tag = |kind: TagKind| {
        let none = (names.none)(kind);
        let none = none.as_str();
        let mut folders: Vec<Option<SafeName>> = Vec::new();
        for tag in item.tags_of(kind) {
            let shown = (names.tag)(tag).unwrap_or_else(|| tag.name.clone());
            let name = Some(SafeName::new(&shown, 80, none));
            if !folders.contains(&name) {
                folders.push(name);
            }
        }
        if folders.is_empty() { vec![Some(SafeName::new(none, 80, none))] } else { folders }
    };
    match layout {
        Layout::Flat => vec![None],
        Layout::Country => by_tag(TagKind::Country),
        Layout::Topic => by_tag(TagKind::Topic),
        Layout::Event => by_tag(TagKind::Event),
        Layout::Month => vec![Some(SafeName::new(&item.clipping.date().format("%Y-%m").to_string(), 80, "No date"))],
    }
}

fn csv_field(s: &str) -> String {
    // Formula-looking cells are prefixed so that a spreadsheet shows them instead of running them.
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_owned() };
    if s.contains([',', '\u{22}', '\n', '\r']) { format!("\"{}\"", s.replace('\u{22}', "\"\"")) } else { s }
}

impl Archive {
    /// Exports clippings to `dest` (created if needed). A clipping that fails is reported and
    /// the rest go on. `progress` gets (done, total) after each clipping.
    pub fn export(
        &self,
        ids: &[ClippingId],
        dest: &Path,
        layout: Layout,
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> Result<ExportReport> {
        self.export_named(ids, dest, layout, &FolderNames::english(), progress, cancel)
    }

    /// [`Archive::export`] with the layout's folders named by `names`.
    pub fn export_named(
        &self,
        ids: &[ClippingId],
        dest: &Path,
        layout: Layout,
        names: &FolderNames<'_>,
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> Result<ExportReport> {
        fs::create_dir_all(dest).map_err(|e| Error::io(dest, e))?;
        let dest = dest.canonicalize().map_err(|e| Error::io(dest, e))?;
        if dest.starts_with(self.root()) {
            return Err(Error::ExportIntoArchive(dest));
        }
        let n_already_there = fs::read_dir(&dest).map(Iterator::count).unwrap_or(0);
        let mut report = ExportReport { dest: dest.clone(), n_already_there, ..Default::default() };
        let mut listed: Vec<(PathBuf, ClippingWithTags)> = Vec::new();
        // The publication date, the capture date and the import date apart: a clipping whose
        // date is unknown shows an empty cell, not the day it was imported.
        let mut csv = String::from(
            "\u{FEFF}file,title,source,author,published,taken,imported,kind,countries,topics,events,caption,credit,copyright,url\r\n",
        );
        for (i, &id) in ids.iter().enumerate() {
            if cancel.load(Ordering::Relaxed) {
                report.cancelled = true;
                break;
            }
            match self.export_one(id, &dest, layout, names) {
                Ok((item, written)) => {
                    report.n_clippings += 1;
                    let c = &item.clipping;
                    for rel in written {
                        let row = [
                            rel.to_string_lossy().replace('\\', "/"),
                            c.title.clone(),
                            c.source.clone(),
                            c.author.clone(),
                            c.published.map(|d| d.to_string()).unwrap_or_default(),
                            c.captured_at.map(|t| t.date().to_string()).unwrap_or_default(),
                            c.imported_at.date_naive().to_string(),
                            c.kind.to_string(),
                            item.tag_list(TagKind::Country),
                            item.tag_list(TagKind::Topic),
                            item.tag_list(TagKind::Event),
                            c.caption.clone(),
                            c.credit.clone(),
                            c.copyright.clone(),
                            c.url.clone(),
                        ];
                        let cells: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
                        csv.push_str(&cells.join(","));
                        csv.push_str("\r\n");
                        listed.push((rel.clone(), item.clone()));
                        report.files.push(rel);
                    }
                }
                Err(e) => report.failed.push((id, e.to_string())),
            }
            progress(i + 1, ids.len());
        }
        let (mut file, path) = create_unique_single(&dest, &SafeName::new("clippings", 80, "clippings"), "csv")
            .map_err(|e| Error::io(&dest, e))?;
        file.write_all(csv.as_bytes()).map_err(|e| Error::io(&path, e))?;
        let (mut file, path) = create_unique_single(&dest, &SafeName::new("index", 80, "index"), "html")
            .map_err(|e| Error::io(&dest, e))?;
        file.write_all(index_html(&listed).as_bytes()).map_err(|e| Error::io(&path, e))?;
        Ok(report)
    }

    fn export_one(
        &self,
        id: ClippingId,
        dest: &Path,
        layout: Layout,
        names: &FolderNames<'_>,
    ) -> Result<(ClippingWithTags, Vec<PathBuf>)> {
        let item = self.get_with_tags(id)?;
        let original = self.original_path(&item.clipping);
        let ext = item.clipping.format.clone();
        // Room for " (99)" and the extension within the name limit.
        let max_stem = MAX_NAME_CHARS.saturating_sub(ext.chars().count() + 6);
        let stem = SafeName::new(&item.clipping.title, max_stem, &format!("clipping {id}"));
        let mut written = Vec::new();
        for folder in folders_for(&item, layout, names) {
            let dir = path_under(dest, &[folder.as_ref()]).map_err(|e| Error::io(dest, e))?;
            make_dir_under(dest, &dir).map_err(|e| Error::io(&dir, e))?;
            let (mut file, file_path, mut json, json_path) =
                create_unique(dest, folder.as_ref(), &stem, &ext).map_err(|e| Error::io(&dir, e))?;
            let copied = File::open(&original).and_then(|mut src| io::copy(&mut src, &mut file));
            if let Err(e) = copied {
                drop((file, json));
                let _ = fs::remove_file(&file_path);
                let _ = fs::remove_file(&json_path);
                return Err(Error::io(original, e));
            }
            let sidecar = serde_json::to_vec_pretty(&item).unwrap_or_default();
            json.write_all(&sidecar).map_err(|e| Error::io(&json_path, e))?;
            if item.clipping.kind == crate::archive::Kind::Photo {
                let xmp_path = json_path.with_extension("xmp");
                let written = OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&xmp_path)
                    .and_then(|mut f| f.write_all(xmp_sidecar(&item).as_bytes()));
                written.map_err(|e| Error::io(&xmp_path, e))?;
            }
            let Ok(rel) = file_path.strip_prefix(dest).map(Path::to_path_buf) else {
                return Err(Error::io(&file_path, outside(dest, &file_path.to_string_lossy())));
            };
            written.push(rel);
        }
        Ok((item, written))
    }
}

/// A photo's XMP sidecar: what it says of the photo, in the properties digiKam, Lightroom and
/// the IPTC standard read (Dublin Core, Photoshop, IPTC Core and Extension, and the tag trees
/// of Lightroom and digiKam: "Countries|Belgium", "Topics/energy").
pub fn xmp_sidecar(item: &ClippingWithTags) -> String {
    use crate::review::docx::xml_text as x;
    let c = &item.clipping;
    let alt = |name: &str, value: &str| {
        if value.trim().is_empty() {
            String::new()
        } else {
            format!(
                "   <{name}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></{name}>\n",
                x(value.trim())
            )
        }
    };
    let list = |name: &str, kind: &str, values: &[String]| {
        if values.is_empty() {
            return String::new();
        }
        let items: String = values.iter().map(|v| format!("<rdf:li>{}</rdf:li>", x(v))).collect();
        format!("   <{name}><rdf:{kind}>{items}</rdf:{kind}></{name}>\n")
    };
    let simple = |name: &str, value: &str| {
        if value.trim().is_empty() { String::new() } else { format!("   <{name}>{}</{name}>\n", x(value.trim())) }
    };
    let names = |kind: TagKind| -> Vec<String> {
        item.tags_of(kind).map(|t| if kind == TagKind::Country { t.name.clone() } else { t.value.clone() }).collect()
    };
    let (countries, topics, events) = (names(TagKind::Country), names(TagKind::Topic), names(TagKind::Event));
    // The photo's own keywords as written, then what the tags add.
    let mut keywords: Vec<String> = c.keywords.clone();
    for tag in countries.iter().chain(&topics).chain(&events) {
        if !keywords.iter().any(|k| k.to_lowercase() == tag.to_lowercase()) {
            keywords.push(tag.clone());
        }
    }
    let tree = |sep: &str| -> Vec<String> {
        let branch =
            |root: &str, values: &[String]| values.iter().map(|v| format!("{root}{sep}{v}")).collect::<Vec<_>>();
        [branch("Countries", &countries), branch("Topics", &topics), branch("Events", &events)].concat()
    };
    let country_code = item.tags_of(TagKind::Country).next().map(|t| t.value.clone()).unwrap_or_default();
    let date = c.captured_at.map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()).or(c.published.map(|d| d.to_string()));
    let creators: Vec<String> = [c.author.trim()].into_iter().filter(|a| !a.is_empty()).map(str::to_owned).collect();
    let mut out = String::from(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"Clippings\">\n <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n  <rdf:Description rdf:about=\"\"\n    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n    xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\"\n    xmlns:Iptc4xmpCore=\"http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/\"\n    xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\"\n    xmlns:lr=\"http://ns.adobe.com/lightroom/1.0/\"\n    xmlns:digiKam=\"http://www.digikam.org/ns/1.0/\">\n",
    );
    out.push_str(&alt("dc:title", &c.title));
    out.push_str(&alt("dc:description", &c.caption));
    out.push_str(&list("dc:creator", "Seq", &creators));
    out.push_str(&alt("dc:rights", &c.copyright));
    out.push_str(&list("dc:subject", "Bag", &keywords));
    out.push_str(&simple("photoshop:Headline", &c.title));
    out.push_str(&simple("photoshop:Credit", &c.credit));
    out.push_str(&simple("photoshop:Source", &c.source));
    out.push_str(&simple("photoshop:DateCreated", date.as_deref().unwrap_or_default()));
    out.push_str(&simple("photoshop:Country", countries.first().map(String::as_str).unwrap_or_default()));
    out.push_str(&simple("Iptc4xmpCore:CountryCode", &country_code));
    out.push_str(&alt("Iptc4xmpExt:Event", events.first().map(String::as_str).unwrap_or_default()));
    out.push_str(&list("lr:hierarchicalSubject", "Bag", &tree("|")));
    out.push_str(&list("digiKam:TagsList", "Seq", &tree("/")));
    out.push_str("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n");
    out
}

/// A relative path as a link's address: each name percent-encoded, joined by slashes.
fn href(rel: &Path) -> String {
    let mut out = String::new();
    for (i, part) in rel.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for b in part.as_os_str().to_string_lossy().bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// `index.html`: what was exported, to open in a browser, in the language the export runs in:
/// a table per folder of the layout (one for a flat export), each photo shown. A clipping in
/// two folders is listed in both and counted once.
fn index_html(listed: &[(PathBuf, ClippingWithTags)]) -> String {
    use crate::review::html::escape as e;
    let mut folders: std::collections::BTreeMap<String, Vec<&(PathBuf, ClippingWithTags)>> = Default::default();
    for entry in listed {
        let folder = entry.0.parent().map(|p| p.to_string_lossy().replace('\\', "/")).unwrap_or_default();
        folders.entry(folder).or_default().push(entry);
    }
    let n_clippings = listed.iter().map(|(_, item)| item.clipping.id).collect::<std::collections::BTreeSet<_>>().len();
    let header = format!(
        "<thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>",
        e(&t!("column-title")),
        e(&t!("column-source")),
        e(&t!("column-date")),
        e(&t!("column-countries")),
        e(&t!("column-topics")),
        e(&t!("column-events")),
    );
    let mut sections = String::new();
    for (folder, entries) in &folders {
        if folders.len() > 1 || !folder.is_empty() {
            let name = if folder.is_empty() { t!("export-index-top-folder") } else { folder.clone() };
            let n = t!("n-clippings", n = entries.len());
            sections.push_str(&format!("<h2>{} <span class=\"n\">({})</span></h2>\n", e(&name), e(&n)));
        }
        sections.push_str(&format!("<table>\n{header}\n<tbody>\n"));
        for (rel, item) in entries {
            sections.push_str(&index_row(rel, item));
        }
        sections.push_str("</tbody>\n</table>\n");
    }
    let lang = crate::i18n::language();
    let title = t!("export-index-title", n = n_clippings);
    let made = t!("export-index-made", date = crate::i18n::format_date(chrono::Local::now().date_naive(), lang));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"generator\" content=\"Clippings\" />\n<title>{title}</title>\n<style>\nbody{{font-family:'DejaVu Sans','Noto Sans',Arial,sans-serif;margin:1.5em;color:#111}}\ntable{{border-collapse:collapse;width:100%;margin-bottom:1.5em}}th,td{{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top;font-size:.92em}}\nimg{{max-width:120px;max-height:90px}}.file{{color:#777;font-size:.85em}}h2 .n{{color:#777;font-weight:normal}}\n</style>\n</head>\n<body>\n<h1>{title}</h1>\n<p>{made}</p>\n{sections}</body>\n</html>\n",
        lang = lang.code(),
        title = e(&title),
        made = e(&made),
    )
}

/// One clipping's row of `index.html`.
fn index_row(rel: &Path, item: &ClippingWithTags) -> String {
    use crate::review::html::escape as e;
    let c = &item.clipping;
    let link = href(rel);
    let picture = if c.kind == crate::archive::Kind::Photo {
        format!("<a href=\"{link}\"><img src=\"{link}\" alt=\"\" loading=\"lazy\" /></a>")
    } else {
        String::new()
    };
    let title = if c.title.trim().is_empty() { c.original_name.as_str() } else { c.title.as_str() };
    let date = c
        .published
        .or(c.captured_at.map(|t| t.date()))
        .map(|d| crate::i18n::format_date(d, crate::i18n::language()))
        .unwrap_or_default();
    let details: Vec<String> =
        [&c.caption, &c.credit].into_iter().filter(|s| !s.trim().is_empty()).map(|s| e(s)).collect();
    let file = rel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    format!(
        "<tr><td>{picture}</td><td><a href=\"{link}\">{}</a><div class=\"file\">{}</div><div>{}</div></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        e(title),
        e(&file),
        details.join(" · "),
        e(&c.source),
        e(&date),
        e(&item.tag_list(TagKind::Country)),
        e(&item.tag_list(TagKind::Topic)),
        e(&item.tag_list(TagKind::Event)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(title: &str, expected: &str) {
        assert_eq!(sanitize_file_name(title, MAX_NAME_CHARS, "clipping 7"), expected, "{title:?}");
    }

    #[test]
    fn hostile_titles() {
        check("Brussels talks: Kazakhstan and Benelux", "Brussels talks Kazakhstan and Benelux");
        check("../../x", "x");
        check("..", "clipping 7");
        check("....", "clipping 7");
        check("CON", "_CON");
        check("nul.txt", "_nul.txt");
        check("a/b\\c*d?e\"f<g>h|i", "a b c d e f g h i");
        check("\u{202E}gpj.exe", "gpj.exe");
        check("tab\there\nnewline", "tab here newline");
        check("trailing dots...", "trailing dots");
        check(".hidden", "hidden");
        check("Қазақстан — Бельгия", "Қазақстан — Бельгия");
        let long = "ж".repeat(300);
        assert_eq!(sanitize_file_name(&long, MAX_NAME_CHARS, "x").chars().count(), MAX_NAME_CHARS);
    }

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
    }
}
