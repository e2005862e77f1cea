//! The team archive's [`Store`]: a PostgreSQL database that several desktops share. This
//! module and its children are the only code that names PostgreSQL.
//!
//! Each change is one transaction, ended by an entry in the change log (`schema.rs`); what a
//! desktop derives from the archive (its search index, its catalog file) catches up from the
//! log through the cursors it keeps in its cache folder (`local.rs`). The signatures' token is
//! the server's, so that a signature one desktop replaces sets every desktop's file aside.

mod batch;
mod files;
mod local;
mod log;
mod schema;
mod server;
mod team;
mod tls;

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use postgres::GenericClient;

pub(crate) use files::PgFiles;
use local::{Cursor, Local, LocalFile};
use log::log_change;
pub use schema::TeamRole;
pub use server::is_team_url;
pub(crate) use server::{Server, percent_decode, redact};
pub use team::Member;
pub(crate) use team::{add_member, init, members, remove_member};

use super::{ChangeSet, Inserted, Signed, Store, signature_from_bytes};
use crate::vocab::{Clipping, ClippingId, Error, Result, Signature, StoredSuggestion, Tag, TagCount};

/// The log above a cursor: each clipping with its oldest and newest change numbers there, and
/// the newest number in the log.
type LogAbove = (Vec<(ClippingId, u64, u64)>, u64);

/// A team archive as one desktop sees it.
pub(crate) struct PgStore {
    server: Arc<Server>,
    local: Mutex<Local>,
    local_file: LocalFile,
    /// A connection of its own that listens for other desktops' changes.
    listener: Mutex<Option<postgres::Client>>,
}

fn id_of(v: i64) -> ClippingId {
    ClippingId(v as u64)
}

fn ids_param(ids: &[ClippingId]) -> Vec<i64> {
    ids.iter().map(|id| id.0 as i64).collect()
}

fn decode<T: serde::de::DeserializeOwned>(what: &str, json: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|e| Error::Corrupt { key: what.to_owned(), reason: e.to_string() })
}

fn encode<T: serde::Serialize>(value: &T) -> String {
    // Our own plain structs serialise to JSON without fail: no maps with non-string keys.
    serde_json::to_string(value).unwrap_or_default()
}

/// A new token for the signatures file, set on the server.
fn invalidate_token(tx: &mut impl GenericClient) -> std::result::Result<(), postgres::Error> {
    let token = crate::archive::rand_token() as i64;
    tx.execute("UPDATE clippings_meta SET n = $1 WHERE key = 'signatures_token'", &[&token])?;
    Ok(())
}

impl PgStore {
    /// Opens the team archive at `url`, with this desktop's state in `cache`; the server, for
    /// its files. Fails with a clear message where the database holds no team archive or one of
    /// a newer version, and within 15 s where the server cannot be reached.
    pub(crate) fn open(url: &str, cache: &Path) -> Result<(PgStore, Arc<Server>)> {
        let local_file = LocalFile::new(cache);
        let local = local_file.read();
        let server = Arc::new(Server::for_desktop(url, &local.desktop)?);
        let found = server.with(|c| {
            let exists = c.query_one("SELECT to_regclass('clippings_meta') IS NOT NULL", &[])?.get::<_, bool>(0);
            if !exists {
                return Ok(None);
            }
            Ok(c.query_opt("SELECT n FROM clippings_meta WHERE key = 'schema_version'", &[])?
                .map(|r| r.get::<_, Option<i64>>(0)))
        })?;
        match found {
            None => {
                return Err(Error::Team(format!(
                    "{} holds no team archive: make one with `clippings --archive URL team init`",
                    server.place()
                )));
            }
            Some(Some(v)) if v > schema::SCHEMA_VERSION => {
                return Err(Error::SchemaTooNew {
                    path: server.place().into(),
                    found: v as u32,
                    known: schema::SCHEMA_VERSION as u32,
                });
            }
            Some(_) => {}
        }
        local_file.write(&local)?;
        let store =
            PgStore { server: Arc::clone(&server), local: Mutex::new(local), local_file, listener: Mutex::new(None) };
        Ok((store, server))
    }

    pub(crate) fn desktop(&self) -> String {
        self.local().desktop.clone()
    }

    fn local(&self) -> std::sync::MutexGuard<'_, Local> {
        self.local.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Changes this desktop's state and keeps it.
    fn change_local(&self, change: impl FnOnce(&mut Local)) -> Result<()> {
        let mut local = self.local();
        change(&mut local);
        self.local_file.write(&local)
    }

    fn read_clippings(&self, sql: &str, params: &[&(dyn postgres::types::ToSql + Sync)]) -> Result<Vec<Clipping>> {
        let rows = self.server.with(|c| c.query(sql, params))?;
        rows.iter().map(|r| decode(&format!("clipping {}", r.get::<_, i64>(0)), r.get(1))).collect()
    }
}

impl Store for PgStore {
    /// Every change is committed on the server when its call returns; this keeps the desktop's
    /// own state.
    fn flush(&self) -> Result<()> {
        let local = self.local().clone();
        self.local_file.write(&local)
    }

    fn set_import_in_progress(&self, on: bool) -> Result<()> {
        self.change_local(|l| l.import_in_progress = on)
    }

    fn import_in_progress(&self) -> Result<bool> {
        Ok(self.local().import_in_progress)
    }

    fn setting_json(&self, name: &str) -> Result<Option<Vec<u8>>> {
        let row = self.server.with(|c| c.query_opt("SELECT json FROM settings WHERE name = $1", &[&name]))?;
        Ok(row.map(|r| r.get(0)))
    }

    fn set_setting_json(&self, name: &str, json: &[u8]) -> Result<()> {
        self.server.with(|c| {
            c.execute(
                "INSERT INTO settings (name, json) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE \
                 SET json = excluded.json, changed_by = current_user, changed_at = now()",
                &[&name, &json],
            )
        })?;
        Ok(())
    }

    fn insert_clippings(&self, items: &[(&Clipping, &[Tag])]) -> Result<Vec<Inserted>> {
        self.insert_many(items)
    }

    fn get(&self, id: ClippingId) -> Result<Option<Clipping>> {
        Ok(self.read_clippings("SELECT id, record::text FROM clippings WHERE id = $1", &[&(id.0 as i64)])?.pop())
    }

    fn id_by_hash(&self, hash: &str) -> Result<Option<ClippingId>> {
        let row = self.server.with(|c| c.query_opt("SELECT id FROM clippings WHERE hash = $1", &[&hash]))?;
        Ok(row.map(|r| id_of(r.get(0))))
    }

    fn known_hashes(&self) -> Result<HashSet<String>> {
        let rows = self.server.with(|c| c.query("SELECT hash FROM clippings", &[]))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn n_clippings(&self) -> usize {
        self.server
            .with(|c| c.query_one("SELECT count(*) FROM clippings", &[]))
            .map_or(0, |r| r.get::<_, i64>(0) as usize)
    }

    fn all_clippings(&self) -> Result<Vec<Clipping>> {
        self.all_clippings_shrunk(&|_| {})
    }

    fn recent_clippings(&self, n: usize) -> Result<Vec<Clipping>> {
        self.read_clippings("SELECT id, record::text FROM clippings ORDER BY id DESC LIMIT $1", &[&(n as i64)])
    }

    /// Every clipping, read a few thousand at a time and decoded on all cores: the whole
    /// archive is never in memory as text.
    fn all_clippings_shrunk(&self, shrink: &(dyn Fn(&mut Clipping) + Sync)) -> Result<Vec<Clipping>> {
        use rayon::prelude::*;
        self.server
            .with(|c| {
                let mut tx = c
                    .build_transaction()
                    .isolation_level(postgres::IsolationLevel::RepeatableRead)
                    .read_only(true)
                    .start()?;
                let portal = tx.bind("SELECT id, record::text FROM clippings ORDER BY id", &[])?;
                let mut out: Vec<Result<Clipping>> = Vec::new();
                loop {
                    let rows = tx.query_portal(&portal, 4096)?;
                    if rows.is_empty() {
                        break;
                    }
                    let decoded: Vec<Result<Clipping>> = rows
                        .par_iter()
                        .map(|r| {
                            let mut clipping: Clipping = decode(&format!("clipping {}", r.get::<_, i64>(0)), r.get(1))?;
                            shrink(&mut clipping);
                            Ok(clipping)
                        })
                        .collect();
                    out.extend(decoded);
                }
                tx.commit()?;
                Ok(out)
            })?
            .into_iter()
            .collect()
    }

    /// Rewrites a clipping's record if it is still the version the edit was made from (a
    /// version of 0 knows none and is not checked); a newer one is an [`Error::Stale`] with it.
    fn update_clipping(&self, clipping: &Clipping) -> Result<()> {
        let record = encode(clipping);
        let (id, seen) = (clipping.id, clipping.version as i64);
        let outcome = self.server.with(|c| {
            let mut tx = c.transaction()?;
            let n = tx.execute(
                "UPDATE clippings SET record = jsonb_set($2::text::jsonb, '{version}', to_jsonb(version + 1)), \
                 version = version + 1, changed_by = current_user, changed_at = now() \
                 WHERE id = $1 AND ($3::bigint = 0 OR version = $3::bigint)",
                &[&(id.0 as i64), &record, &seen],
            )?;
            if n == 0 {
                let current =
                    tx.query_opt("SELECT record::text, changed_by FROM clippings WHERE id = $1", &[&(id.0 as i64)])?;
                return Ok(Err(current.map(|r| (r.get::<_, String>(0), r.get::<_, String>(1)))));
            }
            invalidate_token(&mut tx)?;
            tx.execute("DELETE FROM signatures WHERE clipping_id = $1", &[&(id.0 as i64)])?;
            log_change(&mut tx, &[id], true, "edit")?;
            tx.commit()?;
            Ok(Ok(()))
        })?;
        match outcome {
            Ok(()) => Ok(()),
            Err(None) => Err(Error::NoSuchClipping(id)),
            Err(Some((newer, by))) => {
                Err(Error::Stale { id, by, newer: Box::new(decode(&format!("clipping {}", id.0), &newer)?) })
            }
        }
    }

    fn ids(&self) -> Result<Vec<ClippingId>> {
        let rows = self.server.with(|c| c.query("SELECT id FROM clippings ORDER BY id", &[]))?;
        Ok(rows.iter().map(|r| id_of(r.get(0))).collect())
    }

    fn delete_clipping(&self, id: ClippingId) -> Result<Option<Clipping>> {
        let row = self.server.with(|c| {
            let mut tx = c.transaction()?;
            let row =
                tx.query_opt("DELETE FROM clippings WHERE id = $1 RETURNING id, record::text", &[&(id.0 as i64)])?;
            if row.is_some() {
                log_change(&mut tx, &[id], true, "delete")?;
            }
            tx.commit()?;
            Ok(row)
        })?;
        row.map(|r| decode(&format!("clipping {}", id.0), r.get(1))).transpose()
    }

    fn set_signature(&self, id: ClippingId, signature: Option<&Signature>) -> Result<()> {
        let bytes: Vec<u8> = signature.map(|s| s.0.iter().flat_map(|h| h.to_le_bytes()).collect()).unwrap_or_default();
        self.server.with(|c| {
            let mut tx = c.transaction()?;
            // A new clipping's signature is not in any signatures file; one replaced sets them aside.
            let replaced =
                tx.query_opt("SELECT 1 FROM signatures WHERE clipping_id = $1", &[&(id.0 as i64)])?.is_some();
            if replaced {
                invalidate_token(&mut tx)?;
            }
            tx.execute(
                "INSERT INTO signatures (clipping_id, hashes) VALUES ($1, $2) \
                 ON CONFLICT (clipping_id) DO UPDATE SET hashes = excluded.hashes",
                &[&(id.0 as i64), &bytes],
            )?;
            tx.commit()
        })
    }

    fn signature_of(&self, id: ClippingId) -> Result<Option<Option<Signature>>> {
        let row = self
            .server
            .with(|c| c.query_opt("SELECT hashes FROM signatures WHERE clipping_id = $1", &[&(id.0 as i64)]))?;
        Ok(row.map(|r| signature_from_bytes(r.get(0))))
    }

    fn signatures(&self) -> Result<(Signed, HashSet<ClippingId>)> {
        let rows =
            self.server.with(|c| c.query("SELECT clipping_id, hashes FROM signatures ORDER BY clipping_id", &[]))?;
        let mut signed = Vec::with_capacity(rows.len());
        let mut known = HashSet::with_capacity(rows.len());
        for r in &rows {
            let id = id_of(r.get(0));
            known.insert(id);
            if let Some(signature) = signature_from_bytes(r.get(1)) {
                signed.push((id, signature));
            }
        }
        Ok((signed, known))
    }

    fn signatures_token(&self) -> Result<Option<u64>> {
        let row =
            self.server.with(|c| c.query_opt("SELECT n FROM clippings_meta WHERE key = 'signatures_token'", &[]))?;
        Ok(row.and_then(|r| r.get::<_, Option<i64>>(0)).map(|n| n as u64))
    }

    fn invalidate_signatures_file(&self) -> Result<()> {
        self.server.with(invalidate_token)
    }

    fn claim_signatures_token(&self, before: Option<u64>, token: u64) -> Result<bool> {
        let before = before.map(|b| b as i64);
        let n = self.server.with(|c| {
            c.execute(
                "UPDATE clippings_meta SET n = $2 WHERE key = 'signatures_token' AND n IS NOT DISTINCT FROM $1",
                &[&before, &(token as i64)],
            )
        })?;
        Ok(n == 1)
    }

    fn suggestions(&self, id: ClippingId) -> Result<Vec<StoredSuggestion>> {
        let row = self
            .server
            .with(|c| c.query_opt("SELECT list::text FROM suggestions WHERE clipping_id = $1", &[&(id.0 as i64)]))?;
        row.map_or(Ok(Vec::new()), |r| decode(&format!("suggestions {}", id.0), r.get(0)))
    }

    fn set_suggestions(&self, id: ClippingId, suggestions: &[StoredSuggestion]) -> Result<()> {
        self.write_suggestions(id, suggestions, true)
    }

    fn set_new_suggestions(&self, id: ClippingId, suggestions: &[StoredSuggestion]) -> Result<()> {
        self.write_suggestions(id, suggestions, false)
    }

    fn set_new_derived(&self, derived: &[super::Derived]) -> Result<()> {
        self.derive_many(derived)
    }

    fn tags_of(&self, id: ClippingId) -> Result<Vec<Tag>> {
        let rows = self.server.with(|c| {
            c.query(
                "SELECT t.key, t.record::text FROM clipping_tags ct JOIN tags t ON t.key = ct.tag_key WHERE ct.clipping_id = $1",
                &[&(id.0 as i64)],
            )
        })?;
        let mut tags: Vec<Tag> = rows.iter().map(|r| decode(r.get(0), r.get(1))).collect::<Result<_>>()?;
        tags.sort_by_key(|t| (t.kind, t.name.to_lowercase()));
        Ok(tags)
    }

    fn records(&self, ids: &[ClippingId]) -> Result<Vec<super::Records>> {
        self.records_many(ids)
    }

    fn tag(&self, key: &str) -> Result<Option<Tag>> {
        let row = self.server.with(|c| c.query_opt("SELECT record::text FROM tags WHERE key = $1", &[&key]))?;
        row.map(|r| decode(key, r.get(0))).transpose()
    }

    fn clippings_with(&self, tag_key: &str) -> Result<Vec<ClippingId>> {
        let rows = self.server.with(|c| {
            c.query("SELECT clipping_id FROM clipping_tags WHERE tag_key = $1 ORDER BY clipping_id", &[&tag_key])
        })?;
        Ok(rows.iter().map(|r| id_of(r.get(0))).collect())
    }

    fn tag_postings(&self) -> Result<Vec<(String, Vec<ClippingId>)>> {
        let rows = self.server.with(|c| {
            c.query(
                "SELECT tag_key, array_agg(clipping_id ORDER BY clipping_id) FROM clipping_tags GROUP BY tag_key",
                &[],
            )
        })?;
        Ok(rows.iter().map(|r| (r.get(0), r.get::<_, Vec<i64>>(1).into_iter().map(id_of).collect())).collect())
    }

    fn all_tags(&self) -> Result<Vec<TagCount>> {
        let rows = self.server.with(|c| {
            c.query(
                "SELECT t.key, t.record::text, (SELECT count(*) FROM clipping_tags ct WHERE ct.tag_key = t.key) FROM tags t",
                &[],
            )
        })?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push(TagCount { tag: decode(r.get(0), r.get(1))?, n_clippings: r.get::<_, i64>(2) as usize });
        }
        out.sort_by_key(|t| (t.tag.kind, t.tag.name.to_lowercase()));
        Ok(out)
    }

    /// Tags are add-wins sets: an addition made at the same time as another desktop's is kept
    /// beside it, and counted only where this one made it.
    fn add_tag(&self, tag: &Tag, ids: &[ClippingId]) -> Result<usize> {
        let (key, record, id_list) = (tag.key(), encode(tag), ids_param(ids));
        let added = self.server.with(|c| {
            let mut tx = c.transaction()?;
            let existing: HashSet<i64> = tx
                .query("SELECT id FROM clippings WHERE id = ANY($1) FOR KEY SHARE", &[&id_list])?
                .iter()
                .map(|r| r.get(0))
                .collect();
            if let Some(missing) = id_list.iter().find(|id| !existing.contains(id)) {
                return Ok(Err(*missing));
            }
            tx.execute("INSERT INTO tags (key, record) VALUES ($1, $2::text::jsonb) ON CONFLICT DO NOTHING", &[&key, &record])?;
            let n = tx.execute(
                "INSERT INTO clipping_tags (tag_key, clipping_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING",
                &[&key, &id_list],
            )?;
            log_change(&mut tx, ids, true, "tag")?;
            tx.commit()?;
            Ok(Ok(n as usize))
        })?;
        added.map_err(|missing| Error::NoSuchClipping(id_of(missing)))
    }

    /// Removes only what is there: a removal takes away the tag it saw, never one another
    /// desktop adds at the same moment to other clippings.
    fn remove_tag(&self, tag_key: &str, ids: &[ClippingId]) -> Result<usize> {
        let id_list = ids_param(ids);
        self.server.with(|c| {
            let mut tx = c.transaction()?;
            let n = tx.execute(
                "DELETE FROM clipping_tags WHERE tag_key = $1 AND clipping_id = ANY($2)",
                &[&tag_key, &id_list],
            )?;
            log_change(&mut tx, ids, true, "untag")?;
            tx.commit()?;
            Ok(n as usize)
        })
    }

    fn merge_tags(&self, from_key: &str, into: &Tag) -> Result<usize> {
        let (into_key, record) = (into.key(), encode(into));
        self.server.with(|c| {
            let mut tx = c.transaction()?;
            let ids: Vec<ClippingId> = tx
                .query("SELECT clipping_id FROM clipping_tags WHERE tag_key = $1 FOR UPDATE", &[&from_key])?
                .iter()
                .map(|r| id_of(r.get(0)))
                .collect();
            tx.execute(
                "INSERT INTO tags (key, record) VALUES ($1, $2::text::jsonb) ON CONFLICT (key) DO UPDATE SET record = excluded.record",
                &[&into_key, &record],
            )?;
            if from_key != into_key {
                tx.execute(
                    "INSERT INTO clipping_tags (tag_key, clipping_id) SELECT $2, clipping_id FROM clipping_tags WHERE tag_key = $1 \
                     ON CONFLICT DO NOTHING",
                    &[&from_key, &into_key],
                )?;
                tx.execute("DELETE FROM tags WHERE key = $1", &[&from_key])?;
            }
            log_change(&mut tx, &ids, true, "merge")?;
            tx.commit()?;
            Ok(ids.len())
        })
    }

    fn mark_index_pending(&self, ids: &[ClippingId]) -> Result<()> {
        self.server.with(|c| {
            let mut tx = c.transaction()?;
            log_change(&mut tx, ids, true, "mark")?;
            tx.commit()
        })
    }

    /// An index made anew reads the whole log.
    fn mark_all_index_pending(&self) -> Result<()> {
        self.change_local(|l| l.index = Cursor::default())
    }

    fn index_pending(&self) -> Result<Vec<(ClippingId, u64)>> {
        let cursor = self.local().index.clone();
        self.pending(&cursor, true)
    }

    fn index_marks_of(&self, ids: &[ClippingId]) -> Result<Vec<(ClippingId, u64)>> {
        self.marks_of(ids)
    }

    fn n_index_pending(&self) -> Result<usize> {
        Ok(self.index_pending()?.len())
    }

    fn clear_index_pending(&self, indexed: &[(ClippingId, u64)]) -> Result<()> {
        self.clear(indexed, true)
    }

    fn catalog_pending(&self) -> Result<Vec<(ClippingId, u64)>> {
        let cursor = self.local().catalog.clone();
        self.pending(&cursor, false)
    }

    fn clear_catalog_pending(&self, written: &[(ClippingId, u64)]) -> Result<()> {
        self.clear(written, false)
    }

    fn catalog_token(&self) -> Result<Option<u64>> {
        Ok(self.local().catalog_token)
    }

    fn changes_since(&self, after: u64) -> Result<Vec<ChangeSet>> {
        self.log_since(after)
    }

    fn may_change(&self) -> Result<bool> {
        let row = self.server.with(|c| c.query_one("SELECT has_table_privilege('clippings', 'INSERT')", &[]))?;
        Ok(row.get(0))
    }

    fn newest_change(&self) -> Result<u64> {
        let row = self.server.with(|c| c.query_one("SELECT coalesce(max(seq), 0) FROM change_sets", &[]))?;
        Ok(row.get::<_, i64>(0) as u64)
    }

    fn wait_for_change(&self, timeout: Duration) -> Result<bool> {
        self.wait_for_word(timeout)
    }

    fn history(&self, id: ClippingId) -> Result<Vec<ChangeSet>> {
        self.history_of(id)
    }

    fn set_catalog_token(&self, token: Option<u64>) -> Result<()> {
        self.change_local(|l| l.catalog_token = token)
    }
}

impl PgStore {
    /// Replaces a clipping's suggestions; a change to those already stored is one for the
    /// catalog (a new clipping's insert logged it already).
    fn write_suggestions(&self, id: ClippingId, suggestions: &[StoredSuggestion], log: bool) -> Result<()> {
        let list = encode(&suggestions);
        self.server.with(|c| {
            let mut tx = c.transaction()?;
            if suggestions.is_empty() {
                tx.execute("DELETE FROM suggestions WHERE clipping_id = $1", &[&(id.0 as i64)])?;
            } else {
                tx.execute(
                    "INSERT INTO suggestions (clipping_id, list) VALUES ($1, $2::text::jsonb) \
                     ON CONFLICT (clipping_id) DO UPDATE SET list = excluded.list",
                    &[&(id.0 as i64), &list],
                )?;
            }
            if log {
                log_change(&mut tx, &[id], false, "suggest")?;
            }
            tx.commit()
        })
    }
}

// The test server is Debian's PostgreSQL, started as a Unix program: the Windows build's tests
// (under Wine) leave these out.
#[cfg(test)]
#[cfg(unix)]
#[path = "../../../../tests/common/pg.rs"]
mod test_server;
#[cfg(test)]
#[cfg(unix)]
mod tests;
