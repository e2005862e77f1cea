//! Which files a batch holds: folders expanded (hidden entries, symlink loops, archive folders
//! and a saved page's `_files` folder skipped), each file classified by the table of formats,
//! and the sidecars that go with a photo recognised.

use std::fs;
use std::path::{Path, PathBuf};

use super::files::kind_of_special;
use super::formats::{self, Reader};
use super::photo::media;
use super::{FileKind, FileOutcome, ImportError, Outcome};

/// Photo formats people have but we cannot decode without a C library, by extension, with the
/// name the import report gives them.
const UNSUPPORTED_PHOTOS: &[(&str, &str)] = &[
    ("heic", "HEIC"),
    ("heif", "HEIF"),
    ("avif", "AVIF"),
    ("cr2", "Canon RAW"),
    ("cr3", "Canon RAW"),
    ("nef", "Nikon RAW"),
    ("arw", "Sony RAW"),
    ("orf", "Olympus RAW"),
    ("rw2", "Panasonic RAW"),
    ("raf", "Fujifilm RAW"),
];

/// Why a file that [`classify`] does not take is not imported.
pub(super) fn unsupported(path: &Path) -> ImportError {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
    match UNSUPPORTED_PHOTOS.iter().find(|(e, _)| *e == ext) {
        Some((_, name)) => ImportError::UnsupportedPhoto(name),
        None => ImportError::Unsupported,
    }
}

pub(super) fn classify(path: &Path) -> Option<FileKind> {
    let format = formats::format_of_extension(path.extension()?.to_str()?)?;
    Some(match format.reader {
        Reader::Text => FileKind::Article,
        Reader::WebPage => FileKind::WebPage,
        Reader::Pdf => FileKind::Pdf,
        Reader::Docx => FileKind::Office { odt: false },
        Reader::Odt => FileKind::Office { odt: true },
        Reader::Mail => FileKind::Mail,
        Reader::Photo(format) => FileKind::Photo(format),
    })
}

/// Whether a folder is the `<name>_files` folder that a browser's "Web page, complete" saves
/// beside `<name>.html`: its images and scripts belong to the page, not to the archive.
fn is_saved_page_assets(dir: &Path) -> bool {
    let Some(name) = dir.file_name().and_then(|n| n.to_str()) else { return false };
    let Some(stem) = name.strip_suffix("_files") else { return false };
    let parent = dir.parent().unwrap_or(Path::new("."));
    let mut web_pages = formats::FORMATS.iter().filter(|f| f.reader == Reader::WebPage);
    web_pages.any(|f| f.extensions.iter().any(|ext| parent.join(format!("{stem}.{ext}")).is_file()))
}

/// Whether a folder is a Clippings archive (this one or another): its files are hashed copies
/// and a database, nothing to import.
fn is_archive_dir(dir: &Path) -> bool {
    dir.join("lock").is_file() && dir.join("db").is_dir() && dir.join("originals").is_dir()
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Expands folders (recursively, skipping hidden entries, symlink loops and the archive's own
/// folder) into files. Paths that cannot be read become failed outcomes straight away.
pub(super) fn collect(paths: &[PathBuf], archive_root: &Path) -> (Vec<PathBuf>, Vec<FileOutcome>) {
    let inside_archive = |p: &Path| p.canonicalize().is_ok_and(|p| p.starts_with(archive_root)) || is_archive_dir(p);
    let mut files = Vec::new();
    let mut failed = Vec::new();
    for path in paths {
        let Ok(meta) = fs::metadata(path) else {
            let reason = fs::metadata(path).err().map_or_else(String::new, |e| e.to_string());
            failed.push(FileOutcome {
                path: path.clone(),
                outcome: Outcome::Failed { reason: ImportError::Read(reason) },
            });
            continue;
        };
        if inside_archive(path) {
            continue;
        }
        if meta.is_file() {
            files.push(path.clone());
            continue;
        }
        if !meta.is_dir() {
            let reason = ImportError::NotAFile(kind_of_special(meta.file_type()));
            failed.push(FileOutcome { path: path.clone(), outcome: Outcome::Failed { reason } });
            continue;
        }
        let walker = walkdir::WalkDir::new(path).follow_links(true).sort_by_file_name().into_iter().filter_entry(|e| {
            e.depth() == 0
                || !(is_hidden(e.file_name())
                    || e.file_type().is_dir() && (inside_archive(e.path()) || is_saved_page_assets(e.path())))
        });
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && !is_sidecar_of_a_photo(e.path()) && !is_export_index(e.path()) => {
                    files.push(e.into_path())
                }
                Ok(e) if !e.file_type().is_file() && !e.file_type().is_dir() => {
                    let reason = ImportError::NotAFile(kind_of_special(e.file_type()));
                    failed.push(FileOutcome { path: e.into_path(), outcome: Outcome::Failed { reason } });
                }
                Ok(_) => {}
                Err(e) if e.loop_ancestor().is_some() => {}
                Err(e) => {
                    let path = e.path().map_or_else(|| path.clone(), Path::to_path_buf);
                    let reason = e.io_error().map_or_else(|| ImportError::Read(e.to_string()), ImportError::reading);
                    failed.push(FileOutcome { path, outcome: Outcome::Failed { reason } });
                }
            }
        }
    }
    (files, failed)
}

/// Whether `path` is the `index.html` an export wrote beside its `clippings.csv`: a list, not
/// an article, when an exported folder is imported again.
fn is_export_index(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().to_lowercase()) else { return false };
    name.starts_with("index") && name.ends_with(".html") && path.with_file_name("clippings.csv").is_file()
}

/// Whether `path` is an XMP sidecar of a photo beside it, which its photo's import reads.
pub(super) fn is_sidecar_of_a_photo(path: &Path) -> bool {
    if !path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xmp")) {
        return false;
    }
    let stem = path.with_extension("");
    if stem.extension().is_some() && stem.is_file() {
        return true;
    }
    let Some(dir) = path.parent() else { return false };
    let Some(name) = stem.file_name().map(|n| n.to_string_lossy().into_owned()) else { return false };
    fs::read_dir(dir).into_iter().flatten().flatten().any(|e| {
        let p = e.path();
        p.file_stem().is_some_and(|s| s.to_string_lossy() == name)
            && p.extension()
                .and_then(|x| x.to_str())
                .and_then(|x| media::format_for_extension(&x.to_lowercase()))
                .is_some()
    })
}
