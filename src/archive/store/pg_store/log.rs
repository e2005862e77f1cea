//! The change log as one desktop reads it: what its derived copies lack (above their cursors),
//! the changes other desktops made, the server's word that one was committed, and a clipping's
//! history. The log's shape and the lock that orders it are in `schema.rs`.

use std::time::Duration;

use postgres::GenericClient;
use postgres::fallible_iterator::FallibleIterator;

use super::local::Cursor;
use super::{LogAbove, PgStore, id_of, ids_param, schema};
use crate::archive::store::ChangeSet;
use crate::vocab::{ClippingId, Result};

/// Logs a change to these clippings, last in its transaction (see `schema.rs`).
pub(super) fn log_change(
    tx: &mut impl GenericClient,
    ids: &[ClippingId],
    for_index: bool,
    what: &str,
) -> std::result::Result<u64, postgres::Error> {
    let row = tx.query_one("SELECT log_change($1, $2, $3)", &[&ids_param(ids), &for_index, &what])?;
    Ok(row.get::<_, i64>(0) as u64)
}

/// Waits for a notification on a listening connection; drains those that came with it.
fn wait_on(client: &mut postgres::Client, timeout: Duration) -> std::result::Result<bool, postgres::Error> {
    let mut notifications = client.notifications();
    let first = notifications.timeout_iter(timeout).next()?;
    if first.is_some() {
        // One wake for a burst.
        while notifications.iter().next()?.is_some() {}
    }
    Ok(first.is_some())
}

/// A change set from a row that starts `seq, what, n_clippings, by_role, at`.
fn change_set(row: &postgres::Row, here: bool, ids: Vec<ClippingId>) -> ChangeSet {
    ChangeSet {
        seq: row.get::<_, i64>(0) as u64,
        what: row.get(1),
        n_clippings: row.get::<_, i32>(2).max(0) as usize,
        by: row.get(3),
        here,
        at: row.get::<_, std::time::SystemTime>(4).into(),
        ids,
    }
}

impl PgStore {
    /// The log above a cursor: each clipping with its oldest and newest change numbers, and
    /// the newest number in the log, read in one snapshot.
    pub(super) fn log_above(&self, upto: u64, index_only: bool) -> Result<LogAbove> {
        self.server.with(|c| {
            let mut tx = c.build_transaction().isolation_level(postgres::IsolationLevel::RepeatableRead).read_only(true).start()?;
            let newest = tx.query_one("SELECT coalesce(max(seq), 0) FROM change_sets", &[])?.get::<_, i64>(0) as u64;
            let rows = tx.query(
                "SELECT clipping_id, min(seq), max(seq) FROM changes WHERE seq > $1 AND seq <= $2 AND (for_index OR NOT $3) \
                 GROUP BY clipping_id ORDER BY clipping_id",
                &[&(upto as i64), &(newest as i64), &index_only],
            )?;
            tx.commit()?;
            let above = rows
                .iter()
                .map(|r| (id_of(r.get(0)), r.get::<_, i64>(1) as u64, r.get::<_, i64>(2) as u64))
                .collect();
            Ok((above, newest))
        })
    }

    /// The clippings whose changes a copy lacks, with the newest change's number.
    pub(super) fn pending(&self, cursor: &Cursor, index_only: bool) -> Result<Vec<(ClippingId, u64)>> {
        let (above, _) = self.log_above(cursor.upto, index_only)?;
        Ok(above.into_iter().filter(|&(id, _, max)| !cursor.has(id, max)).map(|(id, _, max)| (id, max)).collect())
    }

    pub(super) fn clear(&self, done: &[(ClippingId, u64)], index: bool) -> Result<()> {
        let upto = {
            let mut local = self.local();
            let cursor = if index { &mut local.index } else { &mut local.catalog };
            cursor.clear(done);
            cursor.upto
        };
        let (above, newest) = self.log_above(upto, index)?;
        self.change_local(|local| {
            let cursor = if index { &mut local.index } else { &mut local.catalog };
            cursor.advance(&above, newest);
        })
    }

    /// Asks the log about these clippings only (an import asks after each group).
    pub(super) fn marks_of(&self, ids: &[ClippingId]) -> Result<Vec<(ClippingId, u64)>> {
        let cursor = self.local().index.clone();
        let id_list = ids_param(ids);
        let rows = self.server.with(|c| {
            c.query(
                "SELECT clipping_id, max(seq) FROM changes WHERE seq > $1 AND for_index AND clipping_id = ANY($2) \
                 GROUP BY clipping_id ORDER BY clipping_id",
                &[&(cursor.upto as i64), &id_list],
            )
        })?;
        Ok(rows
            .iter()
            .map(|r| (id_of(r.get(0)), r.get::<_, i64>(1) as u64))
            .filter(|&(id, seq)| !cursor.has(id, seq))
            .collect())
    }

    pub(super) fn log_since(&self, after: u64) -> Result<Vec<ChangeSet>> {
        let desktop = format!("clippings/{}", self.local().desktop);
        let rows = self.server.with(|c| {
            c.query(
                "SELECT s.seq, s.what, s.n_clippings, s.by_role, s.at, s.desktop = $2, \
                 array(SELECT clipping_id FROM changes ch WHERE ch.seq = s.seq ORDER BY clipping_id) \
                 FROM change_sets s WHERE s.seq > $1 ORDER BY s.seq LIMIT 10000",
                &[&(after as i64), &desktop],
            )
        })?;
        Ok(rows
            .iter()
            .map(|r| change_set(r, r.get(5), r.get::<_, Vec<i64>>(6).into_iter().map(id_of).collect()))
            .collect())
    }

    /// Waits on a connection of its own for the server's word that a change was committed.
    pub(super) fn wait_for_word(&self, timeout: Duration) -> Result<bool> {
        let mut guard = self.listener.lock().unwrap_or_else(|p| p.into_inner());
        if guard.as_ref().is_none_or(postgres::Client::is_closed) {
            let mut client = self.server.connect_alone()?;
            client.batch_execute(&format!("LISTEN {}", schema::CHANNEL)).map_err(|e| self.server.error(&e))?;
            *guard = Some(client);
        }
        let woken = match guard.as_mut() {
            Some(client) => wait_on(client, timeout),
            None => Ok(false),
        };
        woken.map_err(|e| {
            *guard = None;
            self.server.error(&e)
        })
    }

    pub(super) fn history_of(&self, id: ClippingId) -> Result<Vec<ChangeSet>> {
        let rows = self.server.with(|c| {
            c.query(
                "SELECT s.seq, s.what, s.n_clippings, s.by_role, s.at FROM changes ch JOIN change_sets s ON s.seq = ch.seq \
                 WHERE ch.clipping_id = $1 AND s.what <> 'mark' ORDER BY s.seq",
                &[&(id.0 as i64)],
            )
        })?;
        Ok(rows.iter().map(|r| change_set(r, false, vec![id])).collect())
    }
}
