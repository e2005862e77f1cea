//! What an import tells: each file's outcome, the batch's report and its summary, and the
//! progress events as the batch goes.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::archive::ClippingId;
use crate::import::ImportError;

/// What happened to one file of a batch.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Outcome {
    Imported {
        id: ClippingId,
        title: String,
    },
    Duplicate {
        id: ClippingId,
        title: String,
    },
    /// Already archived, but its original or thumbnail had gone missing: put back.
    Restored {
        id: ClippingId,
        title: String,
    },
    Failed {
        reason: ImportError,
    },
    /// Not a clipping at all (a README, a spreadsheet, a .json): left alone, and no failure.
    Skipped {
        reason: ImportError,
    },
    /// The batch was cancelled before this file was looked at.
    Cancelled,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileOutcome {
    /// In JSON, a name that is not valid UTF-8 is written with U+FFFD in place of what is not.
    #[serde(serialize_with = "lossy_path")]
    pub path: PathBuf,
    #[serde(flatten)]
    pub outcome: Outcome,
}

fn lossy_path<S: serde::Serializer>(path: &Path, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&path.to_string_lossy())
}

/// A file name as it may be printed on a terminal: control characters (a newline in a name)
/// and the marks that reorder text (right-to-left overrides) are written as `\u{..}` escapes,
/// so that a name cannot forge or hide lines of the report.
pub fn printable_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        let reorders =
            matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}');
        if c.is_control() || reorders {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

impl std::fmt::Display for FileOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = printable_path(&self.path);
        match &self.outcome {
            Outcome::Imported { id, title } => write!(f, "imported {id} {title:?}: {path}"),
            Outcome::Duplicate { id, title } => write!(f, "duplicate of {id} {title:?}: {path}"),
            Outcome::Restored { id, title } => write!(f, "restored the missing files of {id} {title:?}: {path}"),
            Outcome::Failed { reason } => write!(f, "failed: {reason}: {path}"),
            Outcome::Skipped { reason } => write!(f, "skipped: {reason}: {path}"),
            Outcome::Cancelled => write!(f, "cancelled: {path}"),
        }
    }
}

/// The outcome of every file of a batch, in the order they were found.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ImportReport {
    pub outcomes: Vec<FileOutcome>,
    /// The rules that tagged what was imported, with how many tags each gave.
    #[serde(skip)]
    pub rules: crate::archive::rules::RulesApplied,
    /// Where the time went, for the benchmark.
    #[serde(skip)]
    pub phases: ImportPhases,
}

/// The wall time of an import's phases. Reading runs on all cores while the commits run on a
/// thread of their own, so the phases overlap: their sum is more than the whole.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct ImportPhases {
    /// Reading, hashing and copying the files, parsing them, telling their language, making
    /// suggestions and signatures (in parallel).
    pub read: std::time::Duration,
    /// Syncing the written files to disk, one pass a group.
    pub sync: std::time::Duration,
    /// Storing the records and flushing the database.
    pub db: std::time::Duration,
    /// Adding them to the search index and committing it.
    pub index: std::time::Duration,
}

impl ImportReport {
    fn count(&self, pred: impl Fn(&Outcome) -> bool) -> usize {
        self.outcomes.iter().filter(|o| pred(&o.outcome)).count()
    }
    pub fn n_imported(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Imported { .. }))
    }
    pub fn n_duplicates(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Duplicate { .. }))
    }
    pub fn n_failed(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Failed { .. }))
    }
    pub fn n_skipped(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Skipped { .. }))
    }
    pub fn n_restored(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Restored { .. }))
    }
    pub fn n_cancelled(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Cancelled))
    }
    /// The ids of the clippings this batch added.
    pub fn imported_ids(&self) -> Vec<ClippingId> {
        self.outcomes
            .iter()
            .filter_map(|o| match o.outcome {
                Outcome::Imported { id, .. } => Some(id),
                _ => None,
            })
            .collect()
    }
    pub fn summary(&self) -> String {
        let mut s =
            format!("{} imported, {} duplicates, {} failed", self.n_imported(), self.n_duplicates(), self.n_failed());
        if self.n_skipped() > 0 {
            s.push_str(&format!(", {} skipped", self.n_skipped()));
        }
        if self.n_restored() > 0 {
            s.push_str(&format!(", {} restored", self.n_restored()));
        }
        if self.n_cancelled() > 0 {
            s.push_str(&format!(", {} cancelled", self.n_cancelled()));
        }
        s
    }
}

/// What one folder gave to a batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FolderCount {
    pub folder: PathBuf,
    pub n_imported: usize,
    pub n_duplicates: usize,
    pub n_failed: usize,
    pub n_skipped: usize,
}

impl FolderCount {
    /// "5 imported, 2 duplicates": only the counts that are not zero.
    pub fn counts(&self) -> String {
        let parts = [
            (self.n_imported, "imported"),
            (self.n_duplicates, "duplicates"),
            (self.n_failed, "failed"),
            (self.n_skipped, "skipped"),
        ];
        let words: Vec<String> = parts.iter().filter(|(n, _)| *n > 0).map(|(n, w)| format!("{n} {w}")).collect();
        if words.is_empty() { "nothing to import".to_owned() } else { words.join(", ") }
    }
}

impl ImportReport {
    /// Where the files came from: each folder with its files' outcomes, in path order, so a
    /// report says what was taken from where ("inbox/photos: 3 imported, 2 skipped").
    pub fn by_folder(&self) -> Vec<FolderCount> {
        let mut folders: std::collections::BTreeMap<PathBuf, FolderCount> = std::collections::BTreeMap::new();
        for o in &self.outcomes {
            let folder = o.path.parent().map(Path::to_path_buf).unwrap_or_default();
            let entry =
                folders.entry(folder.clone()).or_insert_with(|| FolderCount { folder, ..FolderCount::default() });
            match o.outcome {
                Outcome::Imported { .. } => entry.n_imported += 1,
                Outcome::Duplicate { .. } | Outcome::Restored { .. } => entry.n_duplicates += 1,
                Outcome::Failed { .. } => entry.n_failed += 1,
                Outcome::Skipped { .. } => entry.n_skipped += 1,
                Outcome::Cancelled => {}
            }
        }
        folders.into_values().collect()
    }
}

/// Progress as the batch goes: first how many files were found, then each file's outcome.
#[derive(Debug)]
pub enum ImportProgress<'a> {
    Found { n_files: usize },
    Done { n_done: usize, n_files: usize, outcome: &'a FileOutcome },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_says_what_came_from_which_folder() {
        let outcome = |path: &str, outcome: Outcome| FileOutcome { path: PathBuf::from(path), outcome };
        let report = ImportReport {
            outcomes: vec![
                outcome("/in/photos/a.jpg", Outcome::Imported { id: ClippingId(1), title: String::new() }),
                outcome("/in/a.txt", Outcome::Imported { id: ClippingId(2), title: String::new() }),
                outcome("/in/photos/b.jpg", Outcome::Skipped { reason: ImportError::Unsupported }),
                outcome("/in/photos/c.jpg", Outcome::Duplicate { id: ClippingId(1), title: String::new() }),
            ],
            ..Default::default()
        };
        let folders: Vec<(String, String)> =
            report.by_folder().iter().map(|f| (f.folder.display().to_string(), f.counts())).collect();
        assert_eq!(
            folders,
            [("/in".into(), "1 imported".into()), ("/in/photos".into(), "1 imported, 1 duplicates, 1 skipped".into())]
        );
    }

    #[test]
    fn names_print_safely_in_text_and_json() {
        let outcome = |path: PathBuf| FileOutcome { path, outcome: Outcome::Cancelled };
        let forged = outcome(PathBuf::from("a\nimported 9 \"fake\": b\u{202E}txt.exe"));
        assert_eq!(forged.to_string(), "cancelled: a\\u{a}imported 9 \"fake\": b\\u{202e}txt.exe");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let latin1 = outcome(PathBuf::from(std::ffi::OsStr::from_bytes(b"caf\xe9.txt")));
            let json = serde_json::to_string(&latin1).unwrap();
            assert_eq!(json, "{\"path\":\"caf\u{fffd}.txt\",\"status\":\"cancelled\"}");
        }
    }
}
