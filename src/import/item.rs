//! What the pipeline reads besides files found on disk: items in memory (a page fetched by
//! its address, a part of an e-mail) with their origin, which the clipping keeps.

use std::fs;
use std::path::PathBuf;

use crate::vocab::model::Clipping;

/// Something to import that is no file of its own: a page fetched by its address, a part of
/// an e-mail. Read as a file of its name would be, then given what its origin says.
#[derive(Clone, Debug)]
pub struct Item {
    /// A file name whose extension says how to read it (`brussels-talks.html`).
    pub name: String,
    /// What the report calls it: the address, or the message and the attachment's name.
    pub label: String,
    pub bytes: Vec<u8>,
    pub origin: Origin,
}

/// Where an [`Item`] came from, kept with its clipping.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Origin {
    /// The address it was fetched from (or a message's `mid:` address), in its canonical form.
    pub url: Option<String>,
    /// Said in the clipping's notes (the message an attachment came with).
    pub note: Option<String>,
    /// Taken where the reading found none: a message's subject, sender and date.
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<chrono::NaiveDate>,
    /// Why the page at its address could not be fetched: the clipping holds what the alert
    /// said of it.
    pub not_fetched: Option<String>,
}

impl Origin {
    /// Gives a clipping what its origin knows: the address always, the rest where its own
    /// reading found nothing.
    pub(super) fn apply(&self, clipping: &mut Clipping) {
        if let Some(url) = &self.url {
            clipping.url = url.clone();
        }
        let fill = |field: &mut String, value: &Option<String>| {
            if let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty())
                && field.trim().is_empty()
            {
                *field = value.to_owned();
            }
        };
        // A page's title read from a fetched page is better than the file name it was given.
        let from_name = clipping.title == clipping.original_name
            || clipping.title == super::read::photo_title(&clipping.original_name);
        if self.title.is_some() && (from_name || clipping.title.trim().is_empty()) {
            clipping.title.clear();
        }
        fill(&mut clipping.title, &self.title);
        fill(&mut clipping.author, &self.author);
        if clipping.published.is_none() {
            clipping.published = self.published;
        }
        if let Some(note) = self.note.as_deref().filter(|n| !n.is_empty()) {
            clipping.notes =
                if clipping.notes.is_empty() { note.to_owned() } else { format!("{}\n{note}", clipping.notes) };
        }
        clipping.not_fetched = self.not_fetched.clone();
    }
}

/// One thing the pipeline reads: a file found on disk, or an item in memory.
pub(super) enum Input {
    File(PathBuf),
    Item(Box<Item>),
}

impl Input {
    pub(super) fn size(&self) -> u64 {
        match self {
            Input::File(path) => fs::metadata(path).map(|m| m.len()).unwrap_or(0),
            Input::Item(item) => item.bytes.len() as u64,
        }
    }

    pub(super) fn label(&self) -> PathBuf {
        match self {
            Input::File(path) => path.clone(),
            Input::Item(item) => PathBuf::from(&item.label),
        }
    }
}
