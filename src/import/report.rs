//! What an import tells: each file's outcome, the batch's report and its summary, and the
//! progress events as the batch goes.

use serde::Serialize;

use std::path::PathBuf;

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
    Failed {
        reason: ImportError,
    },
    /// The batch was cancelled before this file was looked at.
    Cancelled,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileOutcome {
    pub path: PathBuf,
    #[serde(flatten)]
    pub outcome: Outcome,
}

impl std::fmt::Display for FileOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display();
        match &self.outcome {
            Outcome::Imported { id, title } => write!(f, "imported {id} {title:?}: {path}"),
            Outcome::Duplicate { id, title } => write!(f, "duplicate of {id} {title:?}: {path}"),
            Outcome::Failed { reason } => write!(f, "failed: {reason}: {path}"),
            Outcome::Cancelled => write!(f, "cancelled: {path}"),
        }
    }
}

/// The outcome of every file of a batch, in the order they were found.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ImportReport {
    pub outcomes: Vec<FileOutcome>,
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
        if self.n_cancelled() > 0 {
            s.push_str(&format!(", {} cancelled", self.n_cancelled()));
        }
        s
    }
}

/// Progress as the batch goes: first how many files were found, then each file's outcome.
#[derive(Debug)]
pub enum ImportProgress<'a> {
    Found { n_files: usize },
    Done { n_done: usize, n_files: usize, outcome: &'a FileOutcome },
}
