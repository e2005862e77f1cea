//! The window (eframe/egui) over the archive. The UI thread never touches the file system: the
//! worker (`worker.rs`) and the thumbnail loaders (`thumbs.rs`) do.
//!
//! - `app/`: [`ClippingsApp`], the frame loop and the one place the window's state changes:
//!   actions the panels recorded (`actions.rs`), the worker's replies (`replies.rs`) and the
//!   keyboard (`shortcuts.rs`).
//! - `state.rs`: [`AppState`], what every panel reads.
//! - `panels/`: one file per panel; each reads the state, keeps its own, records actions.
//! - `matches.rs`: what the search matched in the clippings shown.
//! - `platform.rs`: file dialogs, opening files, the startup log.

mod app;
mod matches;
pub mod panels;
mod platform;
mod state;
pub mod thumbs;
pub mod worker;

pub use app::{Action, ClippingsApp, run};
pub use state::{AppState, Filters, ImportedFilter, Settings, SortColumn, Status, View};

/// "1 clipping", "5 clippings": English plurals until the window speaks other languages.
pub(crate) fn n_clippings(n: usize) -> String {
    if n == 1 { "1 clipping".to_owned() } else { format!("{n} clippings") }
}
