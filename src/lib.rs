//! Clippings: a desktop archive of press clippings. The library holds everything; the binary
//! (`main.rs`) is glue. The folders are the subsystems, and their arrows go one way:
//!
//! - `archive`: the core: the [`archive::Archive`] (one folder: database, originals,
//!   thumbnails, search index), its records, tags and countries. Never imports the GUI.
//! - `import`: files and pasted items into clippings: the pipeline, the `formats` that read
//!   text, saved pages, PDFs and office files, and `photo` (decoding, thumbnails, metadata).
//! - `search`: the full-text index, the query language, highlighting, and the catalog the
//!   window browses.
//! - `suggest`: tag suggestions read from text and photo positions.
//! - `export`: a selection copied to a folder.
//! - `i18n`: the window's messages in English, Russian, Kazakh, French and Dutch (Fluent).
//! - `cli` and `ui`: the command line and the window, over the above.

/// mimalloc rather than the C library's allocator, for every binary of the crate. At a million
/// clippings glibc's took a third of all the window's CPU time (`_int_malloc` walking its bins
/// of fragments, perf) and kept gigabytes freed but not handed back (5.2 GB after a tag on
/// every clipping and its undo, with 929 MB in use). Built without transparent huge pages
/// (`Cargo.toml` says why).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod archive;
pub mod cli;
pub mod export;
pub mod i18n;
pub mod import;
pub mod keyring;
pub mod mail;
pub mod ocr;
pub mod review;
pub mod search;
pub mod suggest;
pub mod ui;
pub mod vocab;
pub mod web;
