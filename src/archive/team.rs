//! A team archive's setting up and its members (`clippings team …`), and moving a desktop
//! archive into one. Who may do what is the server's to enforce (see the PostgreSQL store's
//! `schema.rs`); this is the command line's way in.

use std::sync::atomic::{AtomicBool, Ordering};

use super::files::FileRole;
use super::store::Inserted;
use super::store::pg_store::{self, Server};
pub use super::store::pg_store::{Member, TeamRole};
use super::{Archive, ClippingId, Result, Tag};

/// Makes a team archive in the empty database the URL names; the role that connects becomes
/// its admin.
pub fn init(url: &str) -> Result<()> {
    pg_store::init(&Server::new(url)?)
}

/// Gives a login role access to the team archive, replacing what it had.
pub fn add(url: &str, role: &str, access: TeamRole) -> Result<()> {
    pg_store::add_member(&Server::new(url)?, role, access)
}

/// Takes a role's access away; false if it had none.
pub fn remove(url: &str, role: &str) -> Result<bool> {
    pg_store::remove_member(&Server::new(url)?, role)
}

/// Every role with access, by name.
pub fn members(url: &str) -> Result<Vec<Member>> {
    pg_store::members(&Server::new(url)?)
}

/// What [`upload`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Uploaded {
    /// Clippings the team archive did not have.
    pub n_new: usize,
    /// Clippings it had already (the same content hash).
    pub n_there: usize,
    /// Originals and thumbnails sent.
    pub n_files: usize,
    /// Saved searches it did not have (by name).
    pub n_saved_searches: usize,
    /// Files the desktop archive had lost: their clippings went without them.
    pub missing_files: Vec<ClippingId>,
}

/// How many clippings go to the server in one transaction.
const UPLOAD_BATCH: usize = 200;

/// Copies the archive `from` (a desktop's) into `to` (a team archive): records with their tags,
/// suggestions, notes and signatures, the trash too, then the originals and thumbnails, then
/// the saved searches. A clipping whose content hash the team archive has is left as it is
/// there, so running it again makes no duplicates. A clipping's files are sent before its
/// record, so no record points to a file the server lacks. `progress(done, of)` after each batch;
/// `cancel` stops between batches, with what was sent kept whole.
pub fn upload(
    from: &Archive,
    to: &Archive,
    progress: &mut dyn FnMut(usize, usize),
    cancel: &AtomicBool,
) -> Result<Uploaded> {
    let mut done = Uploaded::default();
    let all = from.store.all_clippings()?;
    let n_all = all.len();
    for (n_batch, batch) in all.chunks(UPLOAD_BATCH).enumerate() {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        let mut items: Vec<(&super::Clipping, Vec<Tag>)> = Vec::with_capacity(batch.len());
        for clipping in batch {
            if to.store.id_by_hash(&clipping.hash)?.is_some() {
                done.n_there += 1;
                continue;
            }
            let mut lost = false;
            for role in [FileRole::Original, FileRole::Thumbnail] {
                if !from.files.exists(role, &clipping.hash, &clipping.format) {
                    lost |= role == FileRole::Original;
                    continue;
                }
                let bytes = from.files.get(role, &clipping.hash, &clipping.format)?;
                to.files.put(role, &clipping.hash, &clipping.format, &bytes)?;
                done.n_files += 1;
            }
            if lost {
                done.missing_files.push(clipping.id);
            }
            items.push((clipping, from.store.tags_of(clipping.id)?));
        }
        let pairs: Vec<(&super::Clipping, &[Tag])> = items.iter().map(|(c, t)| (*c, t.as_slice())).collect();
        let inserted = to.store.insert_clippings(&pairs)?;
        for ((clipping, _), outcome) in items.iter().zip(inserted) {
            match outcome {
                Inserted::New(id, _) => {
                    done.n_new += 1;
                    to.store.set_new_suggestions(id, &from.store.suggestions(clipping.id)?)?;
                    if let Some(signature) = from.store.signature_of(clipping.id)? {
                        to.store.set_signature(id, signature.as_ref())?;
                    }
                }
                // Another desktop sent the same one a moment ago.
                Inserted::Duplicate(_) => done.n_there += 1,
            }
        }
        progress(((n_batch + 1) * UPLOAD_BATCH).min(n_all), n_all);
    }
    let theirs = to.saved_searches()?;
    for search in from.saved_searches()? {
        if !theirs.iter().any(|s| s.name.to_lowercase() == search.name.to_lowercase()) {
            to.save_search(&search.name, &search.query, search.sort)?;
            done.n_saved_searches += 1;
        }
    }
    Ok(done)
}

impl Archive {
    /// The changes a team archive's log holds after `after`, oldest first, by every desktop
    /// (each says whether this desktop made it). None for a desktop archive.
    pub fn changes_since(&self, after: u64) -> Result<Vec<super::ChangeSet>> {
        self.store.changes_since(after)
    }

    /// Whether this desktop may change the archive: false for a team archive's reader.
    pub fn may_change(&self) -> Result<bool> {
        self.store.may_change()
    }

    /// The newest change's number in a team archive's log (0 for a desktop archive).
    pub fn newest_change(&self) -> Result<u64> {
        self.store.newest_change()
    }

    /// Waits up to `timeout` for the server's word that someone committed a change; false if
    /// none came. An unreachable server is an error at once.
    pub fn wait_for_change(&self, timeout: std::time::Duration) -> Result<bool> {
        self.store.wait_for_change(timeout)
    }

    /// Who imported, tagged and edited a clipping, oldest first (a team archive's log; none for
    /// a desktop archive).
    pub fn history(&self, id: ClippingId) -> Result<Vec<super::ChangeSet>> {
        self.store.history(id)
    }
}
