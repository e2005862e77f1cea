//! The panels of the window, one per file. Each draws from the app's state (`&AppState`, read
//! only), keeps the state only it uses (what is being typed, where to scroll, the dialog being
//! filled in) and records what the user asks for as `Action`s, which the app applies after the
//! frame. No panel can change the app's state any other way.

pub mod browser;
pub mod detail;
pub mod overlays;
pub mod sidebar;
pub mod tags;
pub mod top_bar;

/// Each panel's own state.
#[derive(Default)]
pub struct Panels {
    pub top_bar: top_bar::TopBar,
    pub sidebar: sidebar::Sidebar,
    pub browser: browser::Browser,
    pub detail: detail::DetailPane,
    /// The export dialog, while it is open.
    pub export_dialog: Option<overlays::ExportDialog>,
}
