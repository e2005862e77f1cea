//! The fonts a press review is set in, and the width of its words.
//!
//! A review is read on paper and in any PDF reader, so its fonts are embedded. The body font is
//! the system's DejaVu, Noto or Liberation Sans when one is installed (they have a bold, and
//! Latin, Cyrillic and Kazakh letters), else egui's own Ubuntu, which is always there. Letters
//! the body font lacks (Chinese, Japanese, Korean) are taken from the system's CJK fonts.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One font file (or one face of a collection).
#[derive(Clone)]
pub struct FontFile {
    pub data: Arc<Vec<u8>>,
    pub index: u32,
    /// The PostScript name, or the file name, for the PDF's font dictionary.
    pub name: String,
}

impl FontFile {
    fn load(path: &Path, index: u32) -> Option<FontFile> {
        let data = std::fs::read(path).ok()?;
        let face = ttf_parser::Face::parse(&data, index).ok()?;
        let name = postscript_name(&face).unwrap_or_else(|| {
            path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "Font".to_owned())
        });
        Some(FontFile { data: Arc::new(data), index, name })
    }

    fn builtin() -> FontFile {
        FontFile {
            data: Arc::new(epaint_default_fonts::UBUNTU_LIGHT.to_vec()),
            index: 0,
            name: "Ubuntu-Light".to_owned(),
        }
    }
}

fn postscript_name(face: &ttf_parser::Face<'_>) -> Option<String> {
    face.names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .map(|n| n.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect())
        .filter(|n: &String| !n.is_empty())
}

/// The fonts of one review: regular and bold body faces, and fallbacks tried in order.
#[derive(Clone)]
pub struct FontSet {
    /// Every face; `regular`, `bold` and `fallbacks` index into it.
    pub files: Vec<FontFile>,
    pub regular: usize,
    /// Without a bold face, bold text is the regular face drawn a little heavier.
    pub bold: Option<usize>,
    pub fallbacks: Vec<usize>,
}

/// Body fonts by preference: regular and bold file names.
const BODY_FONTS: &[(&str, &str)] = &[
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("FreeSans.ttf", "FreeSansBold.ttf"),
];

/// Fonts for Chinese, Japanese and Korean, by preference (file name, face index).
const CJK_FONTS: &[(&str, u32)] = &[
    ("NotoSansCJK-Regular.ttc", 0),
    ("NotoSansCJKsc-Regular.otf", 0),
    ("NotoSerifCJK-Regular.ttc", 0),
    ("wqy-microhei.ttc", 0),
    ("wqy-zenhei.ttc", 0),
    ("DroidSansFallbackFull.ttf", 0),
    ("uming.ttc", 0),
];

impl FontSet {
    /// egui's Ubuntu alone: the same on every machine (tests use it).
    pub fn builtin() -> FontSet {
        FontSet { files: vec![FontFile::builtin()], regular: 0, bold: None, fallbacks: Vec::new() }
    }

    /// The best body font the system has, with its bold, and the system's CJK fonts behind it;
    /// egui's Ubuntu where the system has no body font. Looked up once per run.
    pub fn system() -> FontSet {
        static SYSTEM: std::sync::OnceLock<FontSet> = std::sync::OnceLock::new();
        SYSTEM.get_or_init(FontSet::find_system).clone()
    }

    fn find_system() -> FontSet {
        let found = font_files();
        let by_name = |name: &str| found.get(name).and_then(|path| FontFile::load(path, 0));
        let mut set = FontSet::builtin();
        if let Some((regular, bold)) =
            BODY_FONTS.iter().find_map(|(regular, bold)| Some((by_name(regular)?, by_name(bold))))
        {
            set.files[0] = regular;
            if let Some(bold) = bold {
                set.files.push(bold);
                set.bold = Some(set.files.len() - 1);
            }
        }
        // Ubuntu stays behind a system body font, for letters it lacks.
        if set.files[0].name != "Ubuntu-Light" {
            set.files.push(FontFile::builtin());
            set.fallbacks.push(set.files.len() - 1);
        }
        if let Some(cjk) =
            CJK_FONTS.iter().find_map(|(name, index)| found.get(*name).and_then(|p| FontFile::load(p, *index)))
        {
            set.files.push(cjk);
            set.fallbacks.push(set.files.len() - 1);
        }
        set
    }
}

/// Font files in the usual folders, by file name.
fn font_files() -> HashMap<String, PathBuf> {
    let mut dirs: Vec<PathBuf> = vec!["/usr/share/fonts".into(), "/usr/local/share/fonts".into()];
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".local/share/fonts"));
        dirs.push(Path::new(&home).join(".fonts"));
    }
    if cfg!(target_os = "macos") {
        dirs.push("/Library/Fonts".into());
        dirs.push("/System/Library/Fonts".into());
    }
    if cfg!(windows) {
        dirs.push("C:\\Windows\\Fonts".into());
    }
    let mut found = HashMap::new();
    for dir in dirs {
        for entry in walkdir::WalkDir::new(dir).max_depth(4).into_iter().filter_map(Result::ok) {
            if entry.file_type().is_file() {
                let name = entry.file_name().to_string_lossy().into_owned();
                found.entry(name).or_insert_with(|| entry.into_path());
            }
        }
    }
    found
}

/// A letter as drawn: which face, which glyph, how wide (in ems).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glyph {
    pub face: usize,
    pub id: u16,
    pub advance_em: f32,
}

/// Measures text in a font set: which face draws each letter, and its width.
pub struct Shaper<'a> {
    set: &'a FontSet,
    faces: Vec<ttf_parser::Face<'a>>,
    cache: HashMap<(char, bool), Glyph>,
}

impl<'a> Shaper<'a> {
    pub fn new(set: &'a FontSet) -> Result<Shaper<'a>, ttf_parser::FaceParsingError> {
        let faces =
            set.files.iter().map(|f| ttf_parser::Face::parse(&f.data, f.index)).collect::<Result<Vec<_>, _>>()?;
        Ok(Shaper { set, faces, cache: HashMap::new() })
    }

    pub fn face(&self, i: usize) -> &ttf_parser::Face<'a> {
        &self.faces[i.min(self.faces.len() - 1)]
    }

    /// The face that draws `bold` text, and whether it must be made heavier by stroking.
    pub fn body_face(&self, bold: bool) -> (usize, bool) {
        match (bold, self.set.bold) {
            (true, Some(b)) if b < self.faces.len() => (b, false),
            (true, _) => (self.set.regular, true),
            (false, _) => (self.set.regular, false),
        }
    }

    /// The glyph for `c`: from the body face if it has one, else the first fallback that does,
    /// else the body face's "missing" glyph.
    pub fn glyph(&mut self, c: char, bold: bool) -> Glyph {
        if let Some(g) = self.cache.get(&(c, bold)) {
            return *g;
        }
        let (body, _) = self.body_face(bold);
        let c_drawn = if c == '\u{a0}' { ' ' } else { c };
        let order =
            std::iter::once(body).chain(std::iter::once(self.set.regular)).chain(self.set.fallbacks.iter().copied());
        let mut found = None;
        for face_i in order {
            if face_i >= self.faces.len() {
                continue;
            }
            if let Some(id) = self.faces[face_i].glyph_index(c_drawn) {
                found = Some((face_i, id));
                break;
            }
        }
        let (face_i, id) = found.unwrap_or((body, ttf_parser::GlyphId(0)));
        let face = &self.faces[face_i];
        let advance = face.glyph_hor_advance(id).unwrap_or(0);
        let g =
            Glyph { face: face_i, id: id.0, advance_em: f32::from(advance) / f32::from(face.units_per_em().max(1)) };
        self.cache.insert((c, bold), g);
        g
    }

    /// The width of `text` at `size` points.
    pub fn width(&mut self, text: &str, size: f32, bold: bool) -> f32 {
        text.chars().map(|c| self.glyph(c, bold).advance_em).sum::<f32>() * size
    }
}
