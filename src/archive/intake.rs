//! What an import asks of the archive while it runs (`import/`): the import's turn, its
//! marker, new records stored in transactions, and what is derived from them kept. The import
//! reads files and writes originals; it reaches the store only through these.

use std::sync::{MutexGuard, PoisonError};

use crate::archive::Archive;
pub(crate) use crate::archive::store::{Derived, Inserted};
use crate::vocab::{Clipping, ClippingId, Result, Tag};

/// The setting that names the languages scans are read in.
const SETTING_OCR_LANGUAGES: &str = "ocr_languages";

impl Archive {
    /// Imports run one at a time: they share the import-in-progress marker.
    pub(crate) fn import_turn(&self) -> MutexGuard<'_, ()> {
        self.import_lock.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Sets or clears the marker of an import under way: an archive opened with it set had an
    /// import interrupted, and sweeps the files that have no record.
    pub(crate) fn mark_import_in_progress(&self, on: bool) -> Result<()> {
        self.store.set_import_in_progress(on)
    }

    /// Stores new clippings with their tags in one transaction (see `Store::insert_clippings`).
    pub(crate) fn insert_clippings(&self, items: &[(&Clipping, &[Tag])]) -> Result<Vec<Inserted>> {
        self.store.insert_clippings(items)
    }

    /// Makes every change so far durable.
    pub(crate) fn flush(&self) -> Result<()> {
        self.store.flush()
    }

    /// Keeps new clippings' suggestions and reprint signatures, in one go. Both are derived: a
    /// failure to keep them fails no import.
    pub(crate) fn keep_derived(&self, derived: &[Derived]) {
        let _ = self.store.set_new_derived(derived);
    }

    /// Keeps the text read off a clipping's picture (OCR): the record, then what is derived
    /// from its text as for any article: the reprint signature, the suggestions (countries
    /// made tags at once where the archive says so), the search index.
    pub fn keep_read_text(&self, clipping: &Clipping) -> Result<()> {
        self.update(clipping)?;
        let _ = self.make_signature(clipping);
        self.refresh_suggestions(&[clipping.id])?;
        if self.accepts_countries_on_import()? {
            self.accept_suggestions(&[clipping.id], Some(crate::vocab::TagKind::Country), None)?;
        }
        Ok(())
    }

    /// The languages scans are read in, as tesseract names them ("rus", "kaz"…); empty when
    /// never set (then those of the window).
    pub fn ocr_languages(&self) -> Result<Vec<String>> {
        Ok(self.store.setting(SETTING_OCR_LANGUAGES)?.unwrap_or_default())
    }

    pub fn set_ocr_languages(&self, languages: &[String]) -> Result<()> {
        self.store.set_setting(SETTING_OCR_LANGUAGES, &languages)
    }

    /// A setting of an intake feature (the mailboxes, how far each was read), kept with the
    /// archive so that a copied archive keeps it; `None` if never set.
    pub(crate) fn setting_of<T: serde::de::DeserializeOwned>(&self, name: &str) -> Result<Option<T>> {
        self.store.setting(name)
    }

    pub(crate) fn set_setting_of<T: serde::Serialize>(&self, name: &str, value: &T) -> Result<()> {
        self.store.set_setting(name, value)
    }

    /// The clipping with these bytes, if the archive has it.
    pub(crate) fn id_by_hash(&self, hash: &str) -> Option<ClippingId> {
        self.store.id_by_hash(hash).ok().flatten()
    }

    /// A clipping's title, empty if it cannot be read.
    pub(crate) fn title_of(&self, id: ClippingId) -> String {
        self.store.get(id).ok().flatten().map(|c| c.title).unwrap_or_default()
    }
}
