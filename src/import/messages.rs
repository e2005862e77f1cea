//! E-mail files in an import: each message brings what it holds. Its own text is a clipping
//! (the `.eml` file is its original) and each attachment one more, noted as having come with
//! it; an alert is no clipping itself, but each article it links to is fetched and imported,
//! or kept from the alert's snippet, with its address, where it cannot be fetched. A message
//! imported before (by its `Message-ID`) brings nothing new.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use super::formats::mail::{self, Message};
use super::remote::{fetch_all, item_of};
use super::{FileKind, FileOutcome, ImportError, Input, Item, MAX_DOCUMENT_BYTES, Origin, Outcome};
use crate::archive::{Archive, Result};
use crate::vocab::address;
use crate::web::Fetcher;

impl Archive {
    /// The files to import with each e-mail among them replaced by what it brings; the
    /// outcomes of messages (and alert links) already imported.
    pub(super) fn open_messages(
        &self,
        inputs: Vec<Input>,
        fetcher: &Fetcher,
        cancel: &AtomicBool,
    ) -> Result<(Vec<Input>, Vec<FileOutcome>)> {
        let mut opened = Vec::new();
        let mut outcomes = Vec::new();
        for input in inputs {
            let name = match &input {
                Input::File(path) => path.clone(),
                Input::Item(item) => PathBuf::from(&item.name),
            };
            if !matches!(super::walk::classify(&name), Some(FileKind::Mail)) {
                opened.push(input);
                continue;
            }
            // A message file is read once, here: what it brings goes on as items in memory.
            // What cannot be read as a message is the pipeline's to report, as any bad file.
            let input = match input {
                Input::File(path) => match read_file(&path) {
                    Some(bytes) => Input::Item(Box::new(Item {
                        name: name.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                        label: path.display().to_string(),
                        bytes,
                        origin: Origin::default(),
                    })),
                    None => Input::File(path),
                },
                item => item,
            };
            let Some(message) = (match &input {
                Input::Item(item) => mail::read_message(&item.bytes).ok(),
                Input::File(_) => None,
            }) else {
                opened.push(input);
                continue;
            };
            let label = input.label();
            if let Some(known) = message.address().map(|a| self.known_address(&a)).transpose()?.flatten() {
                outcomes.push(FileOutcome { path: label, outcome: known });
                continue;
            }
            if message.is_alert() {
                self.open_alert(&label, &message, fetcher, cancel, &mut opened, &mut outcomes)?;
                continue;
            }
            let note = message.note();
            for attachment in &message.attachments {
                opened.push(Input::Item(Box::new(Item {
                    name: attachment.name.clone(),
                    label: format!("{} › {}", label.display(), attachment.name),
                    bytes: attachment.bytes.clone(),
                    origin: Origin { note: Some(note.clone()), published: message.date, ..Origin::default() },
                })));
            }
            if message.article.is_some() {
                opened.push(input);
            } else if message.attachments.is_empty() {
                // Nothing to keep: said, so that no file of the batch goes unmentioned.
                outcomes
                    .push(FileOutcome { path: label, outcome: Outcome::Skipped { reason: ImportError::EmptyMessage } });
            }
        }
        Ok((opened, outcomes))
    }

    /// An alert's articles: fetched, or kept from what the alert says of them.
    fn open_alert(
        &self,
        path: &Path,
        message: &Message,
        fetcher: &Fetcher,
        cancel: &AtomicBool,
        inputs: &mut Vec<Input>,
        outcomes: &mut Vec<FileOutcome>,
    ) -> Result<()> {
        let label = |url: &str| format!("{} › {url}", path.display());
        let mut to_fetch = Vec::new();
        for link in &message.alert_links {
            let canonical = address::canonical_text(&link.url);
            match self.known_address(&canonical)? {
                Some(known) => outcomes.push(FileOutcome { path: PathBuf::from(label(&link.url)), outcome: known }),
                None => to_fetch.push((link.url.clone(), canonical)),
            }
        }
        let fetched = fetch_all(fetcher, &to_fetch, cancel);
        for ((url, canonical), result) in to_fetch.into_iter().zip(fetched) {
            let Some(link) = message.alert_links.iter().find(|l| l.url == url) else { continue };
            let item = match result {
                Ok(page) => item_of(page, &label(&url), canonical),
                Err(e) => Item {
                    name: "alert.txt".to_owned(),
                    label: label(&url),
                    bytes: format!("{}\n\n{}\n", link.title, link.snippet).into_bytes(),
                    origin: Origin {
                        url: Some(canonical),
                        title: Some(link.title.clone()),
                        published: message.date,
                        not_fetched: Some(e.to_string()),
                        ..Origin::default()
                    },
                },
            };
            inputs.push(Input::Item(Box::new(item)));
        }
        Ok(())
    }
}

/// A message file's bytes, within the size a document may have; `None` where it cannot be read.
fn read_file(path: &Path) -> Option<Vec<u8>> {
    let (source, _, _) = super::files::read_and_hash(path).ok()?;
    super::files::read_whole(&source, MAX_DOCUMENT_BYTES).ok().map(std::borrow::Cow::into_owned)
}
