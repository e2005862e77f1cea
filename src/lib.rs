//! Clippings: a desktop archive of press clippings. The library holds everything; the binary
//! (`main.rs`) is glue. `archive` is the core and never imports the GUI; `cli` is the command
//! line over it; `ui` is the window over it.

pub mod archive;
pub mod cli;
pub mod ui;
