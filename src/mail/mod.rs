//! Mailboxes the archive fetches clippings from, as Paperless-ngx runs its mail rules: an IMAP
//! account and folder, filters on the sender and the subject, tags for what comes, and what
//! to do on the server after (mark read, move, or keep as it is). Each message is imported as
//! an `.eml` file would be (its text, its attachments, an alert's articles). A message is
//! never imported twice: the UIDs seen are kept by the folder's UIDVALIDITY, and a message
//! already archived is known by its Message-ID. The action on the server runs only once the
//! clippings are committed.

pub mod imap;

use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};

use crate::archive::edit::Edit;
use crate::archive::{Archive, ClippingId, Result};
use crate::import::{ImportProgress, ImportReport, Item, Origin, Outcome};
use crate::vocab::Tag;
use imap::{ImapError, Server, Session};

/// What to do with a message on the server once its clippings are committed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Then {
    /// Mark it read.
    #[default]
    Seen,
    /// Move it to this folder.
    Move(String),
    /// Leave it as it was.
    Keep,
}

impl std::str::FromStr for Then {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Then, String> {
        match s.trim() {
            "seen" => Ok(Then::Seen),
            "keep" => Ok(Then::Keep),
            other => match other.strip_prefix("move:").map(str::trim).filter(|f| !f.is_empty()) {
                Some(folder) => Ok(Then::Move(folder.to_owned())),
                None => Err(format!("{other:?}: write seen, keep or move:FOLDER")),
            },
        }
    }
}

impl std::fmt::Display for Then {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Then::Seen => f.write_str("seen"),
            Then::Keep => f.write_str("keep"),
            Then::Move(folder) => write!(f, "move:{folder}"),
        }
    }
}

/// A mailbox as the archive keeps it (the password is not kept here: the system keyring
/// holds it, or an environment variable names it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mailbox {
    pub name: String,
    /// `imaps://host[:port]` or `imap://host:port`.
    pub server: String,
    pub user: String,
    pub folder: String,
    /// Only messages whose sender holds this (any case).
    #[serde(default)]
    pub from: Option<String>,
    /// Only messages whose subject holds this (any case).
    #[serde(default)]
    pub subject: Option<String>,
    /// Tags given to every clipping that comes from it.
    #[serde(default)]
    pub tags: Vec<Tag>,
    #[serde(default)]
    pub then: Then,
    /// The environment variable that holds the password, for scripts; else the keyring.
    #[serde(default)]
    pub password_env: Option<String>,
}

impl Mailbox {
    /// The key its password is kept under in the system keyring.
    pub fn keyring_key(&self) -> String {
        format!("{}/{}?user={}", self.server.trim_end_matches('/'), self.folder, self.user)
    }

    /// Its password: from the variable it names, or the system keyring.
    pub fn password(&self) -> std::result::Result<String, MissingPassword> {
        if let Some(var) = &self.password_env {
            return std::env::var(var).map_err(|_| MissingPassword::Variable(var.clone()));
        }
        let keyring = crate::keyring::Keyring::session().ok_or(MissingPassword::NoKeyring)?;
        keyring.password(&self.keyring_key()).ok().flatten().ok_or(MissingPassword::NotKept)
    }

    fn wants(&self, message: &crate::import::formats::mail::Message) -> bool {
        let holds = |field: &str, pattern: &Option<String>| {
            pattern.as_ref().is_none_or(|p| field.to_lowercase().contains(&p.to_lowercase()))
        };
        holds(&message.sender, &self.from) && holds(&message.subject, &self.subject)
    }
}

/// Why a mailbox's password is not at hand.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MissingPassword {
    #[error("the variable {0} holds no password")]
    Variable(String),
    #[error("no system keyring answers: add the mailbox again with --password-env VAR")]
    NoKeyring,
    #[error("the keyring holds no password for it: add the mailbox again")]
    NotKept,
}

/// Where a mailbox's folder was read up to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Seen {
    uid_validity: u32,
    last_uid: u32,
}

/// What one fetch of a mailbox did.
#[derive(Debug, Default)]
pub struct MailReport {
    /// Messages looked at (new since the last fetch).
    pub n_messages: usize,
    /// Of those, the ones the filters passed.
    pub n_wanted: usize,
    /// The import of what they brought.
    pub import: ImportReport,
    /// Messages the action after was run on.
    pub n_done_on_server: usize,
}

const SETTING: &str = "mailboxes";

fn seen_setting(name: &str) -> String {
    format!("mailbox-seen:{name}")
}

/// The mailboxes this archive fetches from.
pub fn mailboxes(archive: &Archive) -> Result<Vec<Mailbox>> {
    Ok(archive.setting_of(SETTING)?.unwrap_or_default())
}

/// Adds a mailbox, or replaces the one of its name.
pub fn add_mailbox(archive: &Archive, mailbox: Mailbox) -> Result<()> {
    let mut all = mailboxes(archive)?;
    all.retain(|m| m.name != mailbox.name);
    all.push(mailbox);
    archive.set_setting_of(SETTING, &all)
}

/// Forgets a mailbox and how far it was read; false if there was none of that name.
pub fn remove_mailbox(archive: &Archive, name: &str) -> Result<bool> {
    let mut all = mailboxes(archive)?;
    let before = all.len();
    all.retain(|m| m.name != name);
    archive.set_setting_of(SETTING, &all)?;
    archive.set_setting_of(&seen_setting(name), &Seen::default())?;
    Ok(all.len() < before)
}

/// Why a mailbox could not be fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchMailError {
    #[error(transparent)]
    Server(#[from] ImapError),
    #[error(transparent)]
    Archive(#[from] crate::archive::Error),
}

/// Fetches what is new in a mailbox and imports it; runs the action after on the server for
/// the messages whose clippings are committed.
pub fn fetch_mailbox(
    archive: &Archive,
    mailbox: &Mailbox,
    password: &str,
    progress: &mut dyn FnMut(ImportProgress<'_>),
    cancel: &AtomicBool,
) -> std::result::Result<MailReport, FetchMailError> {
    let server = Server::parse(&mailbox.server)?;
    let mut session = Session::connect(&server, &mailbox.user, password)?;
    let selected = session.select(&mailbox.folder)?;
    let mut seen: Seen = archive.setting_of(&seen_setting(&mailbox.name))?.unwrap_or_default();
    if seen.uid_validity != selected.uid_validity {
        // The folder was made anew: its UIDs mean other messages. Read it all again; what
        // was archived is known by its Message-ID.
        seen = Seen { uid_validity: selected.uid_validity, last_uid: 0 };
    }
    let uids = session.uids_after(seen.last_uid)?;
    let mut report = MailReport { n_messages: uids.len(), ..MailReport::default() };
    let mut items = Vec::new();
    let mut wanted_uids = Vec::new();
    for &uid in &uids {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        let Some(bytes) = session.fetch(uid)? else { continue };
        seen.last_uid = seen.last_uid.max(uid);
        let wanted = crate::import::formats::mail::read_message(&bytes).map(|m| mailbox.wants(&m)).unwrap_or(true);
        if !wanted {
            continue;
        }
        wanted_uids.push(uid);
        items.push(Item {
            name: format!("{uid}.eml"),
            label: format!("{} › {uid}", mailbox.name),
            bytes,
            origin: Origin::default(),
        });
    }
    report.n_wanted = items.len();
    report.import = archive.import_items(items, progress, cancel)?;
    tag_what_came(archive, mailbox, &report.import)?;
    // Committed: the action on the server, for each message none of whose parts failed.
    let failed = |uid: u32| {
        let prefix = format!("{} › {uid}", mailbox.name);
        report.import.outcomes.iter().any(|o| {
            let label = o.path.to_string_lossy();
            (label == prefix || label.starts_with(&format!("{prefix} ")))
                && matches!(o.outcome, Outcome::Failed { .. } | Outcome::Cancelled)
        })
    };
    let done: Vec<u32> = wanted_uids.iter().copied().filter(|&uid| !failed(uid)).collect();
    match &mailbox.then {
        Then::Seen => session.mark_seen(&done)?,
        Then::Move(folder) => session.move_to(&done, folder)?,
        Then::Keep => {}
    }
    report.n_done_on_server = if mailbox.then == Then::Keep { 0 } else { done.len() };
    // Read up to here only once all of it is committed and done.
    archive.set_setting_of(&seen_setting(&mailbox.name), &seen)?;
    session.logout();
    Ok(report)
}

fn tag_what_came(archive: &Archive, mailbox: &Mailbox, import: &ImportReport) -> Result<()> {
    let ids: Vec<ClippingId> = import.imported_ids();
    if ids.is_empty() {
        return Ok(());
    }
    for tag in &mailbox.tags {
        archive.apply(Edit::AddTag { tag: tag.clone(), ids: ids.clone() })?;
    }
    Ok(())
}
