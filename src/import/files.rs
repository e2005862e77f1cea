//! The import's file I/O: reading and hashing originals (in memory when small, else streamed),
//! writing archive files atomically (temporary name, fsync, rename), sidecars and whole files
//! with a size limit.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::ImportError;
use super::photo::media::Source;
use crate::archive::{Error, Result};

/// Files up to this size are read into memory once and hashed, decoded and copied from there;
/// larger ones are streamed from disk for each step.
const IN_MEMORY_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a file, hashing it on the way: into memory when small, else streamed.
pub(super) fn read_and_hash(path: &Path) -> std::io::Result<(Source, String, u64)> {
    let size = fs::metadata(path)?.len();
    if size <= IN_MEMORY_MAX_BYTES {
        let bytes = fs::read(path)?;
        let hash = blake3::hash(&bytes).to_hex().to_string();
        let n_bytes = bytes.len() as u64;
        return Ok((Source::Memory(bytes), hash, n_bytes));
    }
    let (hash, n_bytes) = hash_file(path)?;
    Ok((Source::File(path.to_path_buf()), hash, n_bytes))
}

/// Streams a file through BLAKE3.
pub(super) fn hash_file(path: &Path) -> std::io::Result<(String, u64)> {
    let mut hasher = blake3::Hasher::new();
    let mut file = File::open(path)?;
    let mut buf = vec![0u8; 256 * 1024];
    let mut n_bytes = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        n_bytes += n as u64;
        hasher.update(buf.get(..n).unwrap_or_default());
    }
    Ok((hasher.finalize().to_hex().to_string(), n_bytes))
}

static TMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// A name for a file being written, unique within this process; the sweep removes leftovers.
pub(crate) fn temp_path(dir: &Path, name: &str) -> PathBuf {
    let n = TMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".tmp-{}-{n}-{name}", std::process::id()))
}

/// Writes `dest` all at once: to a temporary file, synced, then renamed into place.
pub(super) fn write_atomically(dest: &Path, write: impl FnOnce(&mut File) -> std::io::Result<()>) -> Result<()> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let name = dest.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = temp_path(dir, name);
    let result = (|| {
        let mut file = File::create(&tmp)?;
        write(&mut file)?;
        file.sync_all()?;
        fs::rename(&tmp, dest)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io(dest, e));
    }
    Ok(())
}

/// The XMP sidecar of a photo: `photo.xmp` or `photo.jpg.xmp` beside it.
pub(super) fn read_sidecar(path: &Path) -> Option<Vec<u8>> {
    let mut with_ext = path.as_os_str().to_owned();
    with_ext.push(".xmp");
    [path.with_extension("xmp"), PathBuf::from(with_ext)]
        .iter()
        .find_map(|p| fs::metadata(p).ok().filter(|m| m.len() < 4 * 1024 * 1024).and_then(|_| fs::read(p).ok()))
}

/// The whole of a file that a reader needs at once, up to `max_bytes`.
pub(super) fn read_whole(source: &Source, max_bytes: u64) -> Result<std::borrow::Cow<'_, [u8]>, ImportError> {
    match source {
        Source::Memory(bytes) => Ok(std::borrow::Cow::Borrowed(bytes.as_slice())),
        Source::File(path) => {
            let size = fs::metadata(path).map_err(|e| ImportError::Read(e.to_string()))?.len();
            if size > max_bytes {
                return Err(ImportError::BadText(format!("{} MB is too large for a clipping", size >> 20)));
            }
            fs::read(path).map(std::borrow::Cow::Owned).map_err(|e| ImportError::Read(e.to_string()))
        }
    }
}
