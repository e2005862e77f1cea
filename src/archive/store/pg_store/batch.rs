//! Many rows in few statements: an import's records, tags, suggestions and signatures, and
//! the records an index catch-up reads, each group in one transaction (`unnest` of arrays), so
//! a group costs a few round trips to the server however large it is.

use std::collections::HashMap;

use super::log::log_change;
use super::{PgStore, decode, encode, id_of, ids_param};
use crate::archive::store::{Derived, Inserted, Records};
use crate::vocab::{Clipping, ClippingId, Result, Tag};

impl PgStore {
    /// Inserts new clippings in one transaction of a few statements, however many; a hash
    /// already there (also one committed by another desktop a moment ago) is a duplicate, as
    /// is the second of two with the same hash in one call.
    pub(super) fn insert_many(&self, items: &[(&Clipping, &[Tag])]) -> Result<Vec<Inserted>> {
        let hashes: Vec<String> = items.iter().map(|(c, _)| c.hash.clone()).collect();
        let records: Vec<String> = items.iter().map(|(c, _)| encode(c)).collect();
        self.server.with(|c| {
            let mut tx = c.transaction()?;
            // Ids are taken in the order given (ORDER BY the row's place), so they grow with it.
            let rows = tx.query(
                "INSERT INTO clippings (id, hash, record) \
                 SELECT id, hash, jsonb_set(jsonb_set(record::jsonb, '{id}', to_jsonb(id)), '{version}', '1') FROM ( \
                   SELECT nextval('clipping_ids') AS id, hash, record FROM ( \
                     SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS r(hash, record, place) ORDER BY place \
                   ) ordered \
                 ) numbered \
                 ON CONFLICT (hash) DO NOTHING RETURNING id, hash",
                &[&hashes, &records],
            )?;
            let mut new: HashMap<String, ClippingId> =
                rows.iter().map(|r| (r.get::<_, String>(1), id_of(r.get(0)))).collect();
            let missing: Vec<&String> = hashes.iter().filter(|h| !new.contains_key(*h)).collect();
            let existing: HashMap<String, ClippingId> = if missing.is_empty() {
                HashMap::new()
            } else {
                tx.query("SELECT hash, id FROM clippings WHERE hash = ANY($1)", &[&missing])?
                    .iter()
                    .map(|r| (r.get::<_, String>(0), id_of(r.get(1))))
                    .collect()
            };
            let mut inserted = Vec::with_capacity(items.len());
            let mut taken: HashMap<String, ClippingId> = HashMap::new();
            let (mut tag_keys, mut tag_records, mut pair_keys, mut pair_ids) = (vec![], vec![], vec![], vec![]);
            for (hash, (_, tags)) in hashes.iter().zip(items) {
                // The first with a hash is the new one; a second in the same call, a duplicate.
                match new.remove(hash) {
                    Some(id) => {
                        taken.insert(hash.clone(), id);
                        for tag in tags.iter() {
                            tag_keys.push(tag.key());
                            tag_records.push(encode(tag));
                            pair_keys.push(tag.key());
                            pair_ids.push(id.0 as i64);
                        }
                        inserted.push(Inserted::New(id, 0));
                    }
                    None => {
                        let id = match existing.get(hash).or_else(|| taken.get(hash)) {
                            Some(id) => *id,
                            None => id_of(tx.query_one("SELECT id FROM clippings WHERE hash = $1", &[hash])?.get(0)),
                        };
                        inserted.push(Inserted::Duplicate(id));
                    }
                }
            }
            if !tag_keys.is_empty() {
                tx.execute(
                    "INSERT INTO tags (key, record) SELECT k, r::jsonb FROM unnest($1::text[], $2::text[]) AS t(k, r) \
                     ON CONFLICT DO NOTHING",
                    &[&tag_keys, &tag_records],
                )?;
                tx.execute(
                    "INSERT INTO clipping_tags (tag_key, clipping_id) SELECT * FROM unnest($1::text[], $2::bigint[]) \
                     ON CONFLICT DO NOTHING",
                    &[&pair_keys, &pair_ids],
                )?;
            }
            let new_ids: Vec<ClippingId> = inserted
                .iter()
                .filter_map(|i| match i {
                    Inserted::New(id, _) => Some(*id),
                    Inserted::Duplicate(_) => None,
                })
                .collect();
            let seq = if new_ids.is_empty() { 0 } else { log_change(&mut tx, &new_ids, true, "import")? };
            tx.commit()?;
            for one in &mut inserted {
                if let Inserted::New(_, s) = one {
                    *s = seq;
                }
            }
            Ok(inserted)
        })
    }

    /// New clippings' suggestions and signatures in one transaction of two statements.
    pub(super) fn derive_many(&self, derived: &[Derived]) -> Result<()> {
        let mut suggested: (Vec<i64>, Vec<String>) = (Vec::new(), Vec::new());
        let mut signed: (Vec<i64>, Vec<Vec<u8>>) = (Vec::new(), Vec::new());
        for (id, suggestions, signature) in derived {
            if !suggestions.is_empty() {
                suggested.0.push(id.0 as i64);
                suggested.1.push(encode(suggestions));
            }
            signed.0.push(id.0 as i64);
            signed.1.push(
                signature.as_ref().map(|s| s.0.iter().flat_map(|h| h.to_le_bytes()).collect()).unwrap_or_default(),
            );
        }
        self.server.with(|c| {
            let mut tx = c.transaction()?;
            tx.execute(
                "INSERT INTO suggestions (clipping_id, list) SELECT i, l::jsonb FROM unnest($1::bigint[], $2::text[]) AS s(i, l) \
                 ON CONFLICT (clipping_id) DO UPDATE SET list = excluded.list",
                &[&suggested.0, &suggested.1],
            )?;
            tx.execute(
                "INSERT INTO signatures (clipping_id, hashes) SELECT * FROM unnest($1::bigint[], $2::bytea[]) \
                 ON CONFLICT (clipping_id) DO UPDATE SET hashes = excluded.hashes",
                &[&signed.0, &signed.1],
            )?;
            tx.commit()
        })
    }

    /// These clippings and their tags in two queries, however many.
    pub(super) fn records_many(&self, ids: &[ClippingId]) -> Result<Vec<Records>> {
        let id_list = ids_param(ids);
        let (clippings, tags) = self.server.with(|c| {
            let mut tx = c
                .build_transaction()
                .isolation_level(postgres::IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()?;
            let clippings = tx.query("SELECT id, record::text FROM clippings WHERE id = ANY($1)", &[&id_list])?;
            let tags = tx.query(
                "SELECT ct.clipping_id, t.key, t.record::text FROM clipping_tags ct JOIN tags t ON t.key = ct.tag_key \
                 WHERE ct.clipping_id = ANY($1)",
                &[&id_list],
            )?;
            tx.commit()?;
            Ok((clippings, tags))
        })?;
        let mut found: std::collections::HashMap<ClippingId, (Clipping, Vec<Tag>)> =
            HashMap::with_capacity(clippings.len());
        for r in &clippings {
            let id = id_of(r.get(0));
            found.insert(id, (decode(&format!("clipping {}", id.0), r.get(1))?, Vec::new()));
        }
        for r in &tags {
            if let Some((_, list)) = found.get_mut(&id_of(r.get(0))) {
                list.push(decode(r.get(1), r.get(2))?);
            }
        }
        Ok(ids
            .iter()
            .map(|id| {
                let record = found.remove(id).map(|(c, mut tags)| {
                    tags.sort_by_key(|t: &Tag| (t.kind, t.name.to_lowercase()));
                    (c, tags)
                });
                (*id, record)
            })
            .collect())
    }
}
