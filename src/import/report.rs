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
    /// The outcomes told and not kept ([`ImportReport::counting_only`]): counted here, and
    /// in every count, list of ids and folder below.
    #[serde(skip)]
    passed_on: ImportTally,
    #[serde(skip)]
    count_only: bool,
}

/// Outcomes counted, not kept: what each kind and folder gave, and the ids imported.
#[derive(Clone, Debug, Default, PartialEq)]
struct ImportTally {
    n: usize,
    n_by_kind: [usize; 6],
    imported: Vec<ClippingId>,
    folders: std::collections::BTreeMap<PathBuf, FolderCount>,
}

impl ImportTally {
    fn add(&mut self, o: &FileOutcome) {
        self.n += 1;
        if let Some(n) = self.n_by_kind.get_mut(o.outcome.kind_index()) {
            *n += 1;
        }
        if let Outcome::Imported { id, .. } = o.outcome {
            self.imported.push(id);
        }
        count_in_folder(&mut self.folders, o);
    }

    fn append(&mut self, other: ImportTally) {
        self.n += other.n;
        for (n, more) in self.n_by_kind.iter_mut().zip(other.n_by_kind) {
            *n += more;
        }
        self.imported.extend(other.imported);
        for (folder, more) in other.folders {
            let entry = folder_entry(&mut self.folders, folder);
            entry.n_imported += more.n_imported;
            entry.n_duplicates += more.n_duplicates;
            entry.n_failed += more.n_failed;
            entry.n_skipped += more.n_skipped;
        }
    }
}

fn folder_entry(folders: &mut std::collections::BTreeMap<PathBuf, FolderCount>, folder: PathBuf) -> &mut FolderCount {
    folders.entry(folder.clone()).or_insert_with(|| FolderCount { folder, ..FolderCount::default() })
}

fn count_in_folder(folders: &mut std::collections::BTreeMap<PathBuf, FolderCount>, o: &FileOutcome) {
    let entry = folder_entry(folders, o.path.parent().map(Path::to_path_buf).unwrap_or_default());
    match o.outcome {
        Outcome::Imported { .. } => entry.n_imported += 1,
        Outcome::Duplicate { .. } | Outcome::Restored { .. } => entry.n_duplicates += 1,
        Outcome::Failed { .. } => entry.n_failed += 1,
        Outcome::Skipped { .. } => entry.n_skipped += 1,
        Outcome::Cancelled => {}
    }
}

const IMPORTED: usize = 0;
const DUPLICATE: usize = 1;
const RESTORED: usize = 2;
const FAILED: usize = 3;
const SKIPPED: usize = 4;
const CANCELLED: usize = 5;

impl Outcome {
    /// The outcome's kind as a number, by which a report counts them.
    fn kind_index(&self) -> usize {
        match self {
            Outcome::Imported { .. } => IMPORTED,
            Outcome::Duplicate { .. } => DUPLICATE,
            Outcome::Restored { .. } => RESTORED,
            Outcome::Failed { .. } => FAILED,
            Outcome::Skipped { .. } => SKIPPED,
            Outcome::Cancelled => CANCELLED,
        }
    }
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
    /// A report of these outcomes, kept.
    pub fn of(outcomes: Vec<FileOutcome>) -> ImportReport {
        ImportReport { outcomes, ..ImportReport::default() }
    }

    /// A report that counts its outcomes and does not keep them: the command line prints each
    /// as it comes, and a million files' outcomes held 180 MB to the end of the import.
    pub fn counting_only() -> ImportReport {
        ImportReport { count_only: true, ..ImportReport::default() }
    }

    /// Takes one outcome, after telling `progress` of it (with the number done so far).
    pub fn take(&mut self, outcome: FileOutcome, n_files: usize, progress: &mut dyn FnMut(ImportProgress<'_>)) {
        progress(ImportProgress::Done { n_done: self.len() + 1, n_files, outcome: &outcome });
        if self.count_only {
            self.passed_on.add(&outcome);
        } else {
            self.outcomes.push(outcome);
        }
    }

    /// Another report's outcomes, counts and rules after this one's.
    pub fn append(&mut self, other: ImportReport) {
        self.outcomes.extend(other.outcomes);
        self.passed_on.append(other.passed_on);
        self.rules.extend(other.rules);
        self.phases = other.phases;
    }

    /// How many outcomes, kept or only counted.
    pub fn len(&self) -> usize {
        self.outcomes.len() + self.passed_on.n
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many outcomes of one kind ([`Outcome::kind_index`]), kept or only counted.
    fn count(&self, kind: usize) -> usize {
        let kept = self.outcomes.iter().filter(|o| o.outcome.kind_index() == kind).count();
        kept + self.passed_on.n_by_kind.get(kind).copied().unwrap_or(0)
    }
    pub fn n_imported(&self) -> usize {
        self.count(IMPORTED)
    }
    pub fn n_duplicates(&self) -> usize {
        self.count(DUPLICATE)
    }
    pub fn n_restored(&self) -> usize {
        self.count(RESTORED)
    }
    pub fn n_failed(&self) -> usize {
        self.count(FAILED)
    }
    pub fn n_skipped(&self) -> usize {
        self.count(SKIPPED)
    }
    pub fn n_cancelled(&self) -> usize {
        self.count(CANCELLED)
    }
    /// The ids of the clippings this batch added.
    pub fn imported_ids(&self) -> Vec<ClippingId> {
        let kept = self.outcomes.iter().filter_map(|o| match o.outcome {
            Outcome::Imported { id, .. } => Some(id),
            _ => None,
        });
        // Kept first: a report that counts only is appended to one that keeps (the command
        // line's addresses, then its files).
        kept.chain(self.passed_on.imported.iter().copied()).collect()
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
        let mut folders = self.passed_on.folders.clone();
        for o in &self.outcomes {
            count_in_folder(&mut folders, o);
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

    /// A report that only counts tells each outcome as one that keeps them does, and gives the
    /// same counts, ids, folders and summary; two reports put together count both.
    #[test]
    fn a_report_that_only_counts_tells_and_counts_what_a_report_that_keeps_them_does() {
        let outcome = |path: &str, outcome: Outcome| FileOutcome { path: PathBuf::from(path), outcome };
        let imported = |id: u64| Outcome::Imported { id: ClippingId(id), title: format!("t{id}") };
        let outcomes = vec![
            outcome("/in/photos/a.jpg", imported(1)),
            outcome("/in/a.txt", imported(2)),
            outcome("/in/photos/b.jpg", Outcome::Skipped { reason: ImportError::Unsupported }),
            outcome("/in/photos/c.jpg", Outcome::Duplicate { id: ClippingId(1), title: String::new() }),
            outcome("/in/d.txt", Outcome::Restored { id: ClippingId(2), title: String::new() }),
            outcome("/in/e.txt", Outcome::Failed { reason: ImportError::Unsupported }),
            outcome("/in/f.txt", Outcome::Cancelled),
            outcome("/in/g.txt", imported(7)),
        ];
        let mut told = Vec::new();
        let mut counted = ImportReport::counting_only();
        for o in outcomes.clone() {
            counted.take(o, 8, &mut |p| {
                if let ImportProgress::Done { n_done, outcome, .. } = p {
                    told.push((n_done, outcome.path.clone()));
                }
            });
        }
        let kept = ImportReport::of(outcomes.clone());
        assert!(counted.outcomes.is_empty());
        assert_eq!(told, outcomes.iter().enumerate().map(|(i, o)| (i + 1, o.path.clone())).collect::<Vec<_>>());
        let figures = |r: &ImportReport| {
            (r.len(), r.imported_ids(), r.by_folder(), r.summary(), [r.n_restored(), r.n_cancelled(), r.n_skipped()])
        };
        assert_eq!(figures(&counted), figures(&kept));
        assert_eq!(counted.summary(), "3 imported, 1 duplicates, 1 failed, 1 skipped, 1 restored, 1 cancelled");

        let mut both = ImportReport::of(outcomes[..2].to_vec());
        both.append(counted);
        assert_eq!(both.len(), 10);
        assert_eq!(both.imported_ids(), [1, 2, 1, 2, 7].map(ClippingId));
        let photos = both.by_folder().into_iter().find(|f| f.folder == Path::new("/in/photos"));
        assert_eq!(photos.map(|f| f.counts()).as_deref(), Some("2 imported, 1 duplicates, 1 skipped"));
    }
}
