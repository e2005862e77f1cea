//! The fonts a press review is set in, and the width of its words.
//!
//! A review is read on paper and in any PDF reader, so its fonts are embedded. The body font is
//! the system's DejaVu, Noto or Liberation Sans when one is installed, on Windows Segoe UI,
//! Arial or Tahoma (they have a bold, and Latin, Cyrillic and Kazakh letters), else egui's own
//! Ubuntu, which is always there. Letters the body font lacks (Chinese, Japanese, Korean) are
//! taken from the system's CJK fonts (on Windows Microsoft YaHei, SimSun, Yu Gothic, Malgun).

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

/// Body fonts by preference: regular and bold file names (matched whatever their case, as
/// Windows names them either way).
const BODY_FONTS: &[(&str, &str)] = &[
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("FreeSans.ttf", "FreeSansBold.ttf"),
    // Windows: every version since Vista has the first two; Wine brings its own Tahoma.
    ("segoeui.ttf", "segoeuib.ttf"),
    ("arial.ttf", "arialbd.ttf"),
    ("tahoma.ttf", "tahomabd.ttf"),
];

/// Fonts for Chinese, Japanese and Korean, by preference (file name, face index).
const CJK_FONTS: &[(&str, u32)] = &[
    ("NotoSansCJK-Regular.ttc", 0),
    // Windows: Microsoft YaHei and SimSun (Chinese), Yu Gothic and MS Gothic (Japanese),
    // Malgun Gothic (Korean).
    ("msyh.ttc", 0),
    ("simsun.ttc", 0),
    ("YuGothR.ttc", 0),
    ("msgothic.ttc", 0),
    ("malgun.ttf", 0),
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
        FontSet::find_in(&font_dirs())
    }

    /// The best body and CJK fonts in these folders (and the folders under them).
    pub fn find_in(dirs: &[PathBuf]) -> FontSet {
        let found = font_files(dirs);
        let path = |name: &str| found.get(&name.to_lowercase());
        let by_name = |name: &str| path(name).and_then(|path| FontFile::load(path, 0));
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
        if let Some(cjk) = CJK_FONTS.iter().find_map(|(name, index)| path(name).and_then(|p| FontFile::load(p, *index)))
        {
            set.files.push(cjk);
            set.fallbacks.push(set.files.len() - 1);
        }
        set
    }
}

/// The system's first font for Chinese, Japanese and Korean: its file and face index.
pub fn system_cjk_font() -> Option<(PathBuf, u32)> {
    let found = font_files(&font_dirs());
    CJK_FONTS.iter().find_map(|(name, index)| found.get(&name.to_lowercase()).map(|path| (path.clone(), *index)))
}

/// The system's font folders: on Windows the system's (`%WINDIR%\Fonts`) and the user's own
/// (`%LOCALAPPDATA%\Microsoft\Windows\Fonts`, where Windows 10 installs a font for one user).
pub fn font_dirs() -> Vec<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if cfg!(windows) {
        let windows = var("WINDIR").or_else(|| var("SystemRoot")).unwrap_or_else(|| "C:\\Windows".into());
        let mut dirs = vec![windows.join("Fonts")];
        dirs.extend(var("LOCALAPPDATA").map(|d| d.join("Microsoft").join("Windows").join("Fonts")));
        return dirs;
    }
    let mut dirs: Vec<PathBuf> = vec!["/usr/share/fonts".into(), "/usr/local/share/fonts".into()];
    if let Some(home) = var("HOME") {
        dirs.push(home.join(".local/share/fonts"));
        dirs.push(home.join(".fonts"));
    }
    if cfg!(target_os = "macos") {
        dirs.push("/Library/Fonts".into());
        dirs.push("/System/Library/Fonts".into());
    }
    dirs
}

/// Font files in these folders, by file name in lower case.
fn font_files(dirs: &[PathBuf]) -> HashMap<String, PathBuf> {
    let mut found = HashMap::new();
    for dir in dirs {
        for entry in walkdir::WalkDir::new(dir).max_depth(4).into_iter().filter_map(Result::ok) {
            if entry.file_type().is_file() {
                let name = entry.file_name().to_string_lossy().to_lowercase();
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// The face that draws every letter of `text`, if one face draws them all.
    fn face_of(set: &FontSet, text: &str) -> Option<String> {
        let mut shaper = Shaper::new(set).unwrap();
        let faces: std::collections::BTreeSet<usize> = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .map(|c| {
                let g = shaper.glyph(c, false);
                if g.id == 0 { usize::MAX } else { g.face }
            })
            .collect();
        match faces.into_iter().collect::<Vec<_>>()[..] {
            [face] if face != usize::MAX => Some(set.files[face].name.clone()),
            _ => None,
        }
    }

    #[test]
    fn windows_font_names_are_found_whatever_their_case() {
        let dir = tempfile::tempdir().unwrap();
        // egui's Hack stands in for the fonts' bytes: the names are what is looked up.
        let nested = dir.path().join("Fonts");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(nested.join("ARIAL.TTF"), epaint_default_fonts::HACK_REGULAR).unwrap();
        std::fs::write(nested.join("arialbd.ttf"), epaint_default_fonts::HACK_REGULAR).unwrap();
        let set = FontSet::find_in(&[dir.path().to_path_buf()]);
        assert_eq!(set.bold, Some(1), "the bold face found beside the regular one");
        assert_eq!(set.files.len(), 3, "Arial, its bold and Ubuntu behind them");
        assert_eq!(set.fallbacks, vec![2]);
        let empty = tempfile::tempdir().unwrap();
        let set = FontSet::find_in(&[empty.path().to_path_buf()]);
        assert_eq!((set.files.len(), set.files[0].name.as_str()), (1, "Ubuntu-Light"));
    }

    /// On Windows (and under Wine, where `.ci/run` puts Wine's Tahoma and a CJK font into the
    /// prefix's Fonts folder), a review's body font comes from the system and draws Russian and
    /// Kazakh by itself; Chinese is drawn where the system has a CJK font.
    #[cfg(windows)]
    #[test]
    fn windows_system_fonts_draw_cyrillic_and_kazakh() {
        let dirs = font_dirs();
        assert!(dirs[0].ends_with("Fonts"), "{dirs:?}");
        let set = FontSet::find_in(&dirs);
        let body = set.files[set.regular].name.clone();
        assert_ne!(body, "Ubuntu-Light", "no body font in {dirs:?}");
        assert!(set.bold.is_some(), "{body} has no bold");
        assert_eq!(face_of(&set, "Переговоры в Брюсселе").as_deref(), Some(body.as_str()));
        assert_eq!(face_of(&set, "Қазақстан әңгіме ұлттық өнер үйі һәм ғылым").as_deref(), Some(body.as_str()));
        let found = font_files(&dirs);
        if CJK_FONTS.iter().any(|(name, _)| found.contains_key(&name.to_lowercase())) {
            assert!(face_of(&set, "中文新闻").is_some_and(|face| face != body), "Chinese not drawn");
        } else {
            eprintln!("no CJK font in {dirs:?}: Chinese not checked");
        }
    }

    #[test]
    fn kazakh_and_chinese_are_drawn_by_one_face_or_reported() {
        let set = FontSet::builtin();
        assert_eq!(face_of(&set, "Қазақстан әңгіме").as_deref(), Some("Ubuntu-Light"));
        assert_eq!(face_of(&set, "中文"), None, "Ubuntu has no Chinese");
    }
}
