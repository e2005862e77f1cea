//! The panels of the window, one per file. Each draws from the app's state (`&AppState`, read
//! only), keeps the state only it uses (what is being typed, where to scroll, the dialog being
//! filled in) and records what the user asks for as `Action`s, which the app applies after the
//! frame. No panel can change the app's state any other way.

pub mod browser;
pub mod bulk;
mod cell;
pub mod coverage;
pub mod detail;
pub mod overlays;
pub mod picture;
mod reprints;
pub mod review;
pub mod rules;
pub mod sidebar;
pub mod tags;
pub mod top_bar;

/// How much of the window's width each side panel may take at most, so that the browser between
/// them always keeps room (remembered widths from a larger window are clamped by these too).
pub const SIDEBAR_MAX_SHARE: f32 = 0.25;
pub const DETAIL_MAX_SHARE: f32 = 0.42;
pub const SIDEBAR_MIN_PX: f32 = 160.0;
pub const DETAIL_MIN_PX: f32 = 260.0;

/// Where the panels were drawn in the last frame, for tests and for the keyboard.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PanelRects {
    pub sidebar: Option<egui::Rect>,
    pub detail: Option<egui::Rect>,
    pub browser: Option<egui::Rect>,
}

/// A side panel's width range in a window `window_px` wide.
pub fn width_range(window_px: f32, min_px: f32, max_share: f32) -> egui::Rangef {
    egui::Rangef::new(min_px, (window_px * max_share).max(min_px))
}

/// Each panel's own state.
impl Panels {
    /// Whether a dialog is open: it has the keyboard, the browser's keys wait.
    pub fn dialog_open(&self) -> bool {
        self.export_dialog.is_some()
            || self.review_dialog.is_some()
            || self.confirm_trash.is_some()
            || self.path_prompt.is_some()
            || self.link_prompt.is_some()
            || self.rules_dialog.is_some()
    }
}

#[derive(Default)]
pub struct Panels {
    pub rects: PanelRects,
    pub top_bar: top_bar::TopBar,
    pub sidebar: sidebar::Sidebar,
    pub browser: browser::Browser,
    pub detail: detail::DetailPane,
    /// The export dialog, while it is open.
    pub export_dialog: Option<overlays::ExportDialog>,
    /// The press review dialog, while it is open.
    pub review_dialog: Option<review::ReviewDialog>,
    /// Where no file dialog can be shown: the paths to import, as they are typed.
    pub path_prompt: Option<String>,
    /// The addresses being typed in Import › Links…, while it is open.
    pub link_prompt: Option<String>,
    /// Import › Rules…, while it is open.
    pub rules_dialog: Option<rules::RulesDialog>,
    /// Clippings waiting for the user to confirm that they go to the trash (more than a few).
    pub confirm_trash: Option<Vec<crate::archive::ClippingId>>,
    /// A team archive's password as it is typed (used to connect; kept only in the system
    /// keyring, and only when `remember_password` is ticked).
    pub password: String,
    pub remember_password: bool,
}
