//! A team archive's originals and thumbnails: in the database by content hash, in chunks of
//! 1 MiB (`file_heads`, `file_chunks`), so that one server and one `pg_dump` hold everything.
//! Each desktop keeps what it put or opened in its cache folder, laid out as a desktop
//! archive's folder is, so the window finds a cached file by its path.

use std::path::Path;
use std::sync::Arc;

use super::Server;
use crate::archive::files::{FileRole, FileStore, FolderFiles, Kept, place_of};
use crate::vocab::{Error, Result};

const CHUNK_BYTES: usize = 1024 * 1024;
/// How many bytes of files an import sends in one transaction.
const BATCH_BYTES: usize = 32 * 1024 * 1024;

/// The files of a team archive, cached in a folder.
pub(crate) struct PgFiles {
    server: Arc<Server>,
    cache: FolderFiles,
    /// This desktop's name: the files it puts carry it, and only it sweeps them.
    desktop: String,
}

fn role_number(role: FileRole) -> i16 {
    match role {
        FileRole::Original => 1,
        FileRole::Thumbnail => 2,
    }
}

fn role_of(n: i16) -> FileRole {
    if n == 2 { FileRole::Thumbnail } else { FileRole::Original }
}

impl PgFiles {
    pub(crate) fn new(server: Arc<Server>, cache: &Path, desktop: String) -> PgFiles {
        PgFiles { server, cache: FolderFiles::new(cache), desktop }
    }

    /// Sends a file to the server in one transaction. One already there under its hash is the
    /// same bytes (the hash is of them) and is left as it is, unless `replace`.
    fn upload(&self, role: FileRole, hash: &str, format: &str, bytes: &[u8], replace: bool) -> Result<()> {
        let role = role_number(role);
        self.server.with(|c| {
            let mut tx = c.transaction()?;
            if replace {
                tx.execute("DELETE FROM file_heads WHERE role = $1 AND hash = $2", &[&role, &hash])?;
            }
            let n = tx.execute(
                "INSERT INTO file_heads (role, hash, format, n_bytes, desktop) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (role, hash) DO NOTHING",
                &[&role, &hash, &format, &(bytes.len() as i64), &self.desktop],
            )?;
            if n == 1 {
                let insert = tx.prepare("INSERT INTO file_chunks (role, hash, chunk, data) VALUES ($1, $2, $3, $4)")?;
                for (i, chunk) in bytes.chunks(CHUNK_BYTES).enumerate() {
                    tx.execute(&insert, &[&role, &hash, &(i as i32), &chunk])?;
                }
            }
            tx.commit()
        })
    }

    /// Sends files in one transaction: their heads in one statement, the chunks of those the
    /// server did not have in another.
    fn upload_many(&self, files: &[(FileRole, String, String, Vec<u8>)]) -> Result<()> {
        if files.is_empty() {
            return Ok(());
        }
        let roles: Vec<i16> = files.iter().map(|f| role_number(f.0)).collect();
        let hashes: Vec<&str> = files.iter().map(|f| f.1.as_str()).collect();
        let formats: Vec<&str> = files.iter().map(|f| f.2.as_str()).collect();
        let sizes: Vec<i64> = files.iter().map(|f| f.3.len() as i64).collect();
        self.server.with(|c| {
            let mut tx = c.transaction()?;
            let sent: std::collections::HashSet<(i16, String)> = tx
                .query(
                    "INSERT INTO file_heads (role, hash, format, n_bytes, desktop) \
                     SELECT r, h, f, n, $5 FROM unnest($1::int2[], $2::text[], $3::text[], $4::int8[]) AS x(r, h, f, n) \
                     ON CONFLICT (role, hash) DO NOTHING RETURNING role, hash",
                    &[&roles, &hashes, &formats, &sizes, &self.desktop],
                )?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
            let (mut c_roles, mut c_hashes, mut c_numbers, mut c_data) = (vec![], vec![], vec![], vec![]);
            let mut done = std::collections::HashSet::new();
            for (role, hash, _, bytes) in files {
                let key = (role_number(*role), hash.clone());
                if !sent.contains(&key) || !done.insert(key) {
                    continue;
                }
                for (i, chunk) in bytes.chunks(CHUNK_BYTES).enumerate() {
                    c_roles.push(role_number(*role));
                    c_hashes.push(hash.as_str());
                    c_numbers.push(i as i32);
                    c_data.push(chunk);
                }
            }
            if !c_roles.is_empty() {
                tx.execute(
                    "INSERT INTO file_chunks (role, hash, chunk, data) \
                     SELECT * FROM unnest($1::int2[], $2::text[], $3::int4[], $4::bytea[])",
                    &[&c_roles, &c_hashes, &c_numbers, &c_data],
                )?;
            }
            tx.commit()
        })
    }

    fn download(&self, role: FileRole, hash: &str, format: &str) -> Result<Option<Vec<u8>>> {
        let n = role_number(role);
        self.server.with(|c| {
            let mut tx = c.build_transaction().read_only(true).start()?;
            let head = tx.query_opt(
                "SELECT n_bytes FROM file_heads WHERE role = $1 AND hash = $2 AND (role = 2 OR format = $3)",
                &[&n, &hash, &format],
            )?;
            let Some(head) = head else { return Ok(None) };
            let mut bytes = Vec::with_capacity(head.get::<_, i64>(0).max(0) as usize);
            for row in
                tx.query("SELECT data FROM file_chunks WHERE role = $1 AND hash = $2 ORDER BY chunk", &[&n, &hash])?
            {
                bytes.extend_from_slice(row.get::<_, &[u8]>(0));
            }
            tx.commit()?;
            Ok(Some(bytes))
        })
    }
}

impl FileStore for PgFiles {
    /// Where the file is cached on this desktop.
    fn path(&self, role: FileRole, hash: &str, format: &str) -> std::path::PathBuf {
        self.cache.path(role, hash, format)
    }

    fn is_remote(&self) -> bool {
        true
    }

    /// Brings a file into the cache if it is not there; false if the server has none.
    fn cache(&self, role: FileRole, hash: &str, format: &str) -> Result<bool> {
        if self.cache.exists(role, hash, format) {
            return Ok(true);
        }
        match self.download(role, hash, format)? {
            Some(bytes) => self.cache.put(role, hash, format, &bytes).map(|()| true),
            None => Ok(false),
        }
    }

    fn put(&self, role: FileRole, hash: &str, format: &str, bytes: &[u8]) -> Result<()> {
        self.upload(role, hash, format, bytes, true)?;
        self.cache.put(role, hash, format, bytes)
    }

    fn get(&self, role: FileRole, hash: &str, format: &str) -> Result<Vec<u8>> {
        if self.cache(role, hash, format)? {
            return self.cache.get(role, hash, format);
        }
        Err(Error::io(self.path(role, hash, format), std::io::ErrorKind::NotFound.into()))
    }

    fn exists(&self, role: FileRole, hash: &str, format: &str) -> bool {
        let n = role_number(role);
        self.server
            .with(|c| {
                c.query_opt(
                    "SELECT 1 FROM file_heads WHERE role = $1 AND hash = $2 AND (role = 2 OR format = $3)",
                    &[&n, &hash, &format],
                )
            })
            .is_ok_and(|row| row.is_some())
    }

    fn remove(&self, role: FileRole, hash: &str, format: &str) -> Result<()> {
        let n = role_number(role);
        self.server.with(|c| {
            c.execute(
                "DELETE FROM file_heads WHERE role = $1 AND hash = $2 AND (role = 2 OR format = $3)",
                &[&n, &hash, &format],
            )
        })?;
        self.cache.remove(role, hash, format)
    }

    fn list(&self) -> Result<Vec<Kept>> {
        let rows = self
            .server
            .with(|c| c.query("SELECT role, hash, format FROM file_heads WHERE desktop = $1", &[&self.desktop]))?;
        Ok(rows
            .iter()
            .map(|r| {
                let (role, hash, format): (FileRole, String, String) = (role_of(r.get(0)), r.get(1), r.get(2));
                let path = self.cache.path(role, &hash, &format);
                Kept { role, hash, path }
            })
            .collect())
    }

    fn remove_kept(&self, kept: &Kept) -> Result<()> {
        let n = role_number(kept.role);
        self.server.with(|c| c.execute("DELETE FROM file_heads WHERE role = $1 AND hash = $2", &[&n, &kept.hash]))?;
        self.cache.remove_kept(kept)
    }

    /// Sends the files an import wrote into the cache to the server: a few statements per
    /// 32 MB, each batch one transaction. A file the server has already is left as it is.
    fn keep_written(&self, written: &[&Path]) -> Result<()> {
        let mut batch: Vec<(FileRole, String, String, Vec<u8>)> = Vec::new();
        let mut n_bytes = 0;
        for path in written {
            let Some((role, hash, format)) = place_of(path) else { continue };
            let bytes = std::fs::read(path).map_err(|e| Error::io(*path, e))?;
            n_bytes += bytes.len();
            batch.push((role, hash, format, bytes));
            if n_bytes >= BATCH_BYTES {
                self.upload_many(&batch)?;
                batch.clear();
                n_bytes = 0;
            }
        }
        self.upload_many(&batch)
    }
}
