//! The import's file I/O: reading and hashing originals (in memory when small, else streamed),
//! writing archive files atomically (temporary name, fsync, rename), sidecars and whole files
//! with a size limit.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::ImportError;
use super::photo::media::Source;
use crate::archive::{Error, Result};

/// What storing `n_bytes` of originals needs on disk: the copies, thumbnails and records
/// (a quarter more, generously), and the reserve.
pub(crate) fn bytes_needed(n_bytes: u64) -> u64 {
    n_bytes.saturating_add(n_bytes / 4).saturating_add(crate::archive::disk::RESERVE_BYTES)
}

/// Files up to this size are read into memory once and hashed, decoded and copied from there;
/// larger ones are streamed from disk for each step.
const IN_MEMORY_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The largest sidecar read with a photo.
const MAX_SIDECAR_BYTES: u64 = 4 * 1024 * 1024;

/// `O_NONBLOCK`: opening a named pipe with it returns at once instead of waiting for a writer.
#[cfg(target_os = "linux")]
const O_NONBLOCK: i32 = 0o4000;
#[cfg(target_os = "macos")]
const O_NONBLOCK: i32 = 0x4;

/// What a file that is not a regular file is, in words.
pub(crate) fn kind_of_special(file_type: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() { "a folder" } else { "not a regular file" }
}

/// Opens a file for reading if it is a regular file, with its size. A named pipe or a device,
/// whether named directly, behind a link or put in a file's place after the folder was read,
/// is refused at once: reading it could wait forever or never end.
pub(crate) fn open_regular(path: &Path) -> io::Result<(File, u64)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        let kind = kind_of_special(meta.file_type());
        return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("{kind}, not a file to import")));
    }
    Ok((file, meta.len()))
}

/// Reads a file, hashing it on the way: into memory when small, else streamed.
pub(super) fn read_and_hash(path: &Path) -> io::Result<(Source, String, u64)> {
    let (file, size) = open_regular(path)?;
    if size <= IN_MEMORY_MAX_BYTES {
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        file.take(IN_MEMORY_MAX_BYTES + 1).read_to_end(&mut bytes)?;
        // A file that grew past the limit since it was measured is streamed instead.
        if bytes.len() as u64 <= IN_MEMORY_MAX_BYTES {
            let hash = blake3::hash(&bytes).to_hex().to_string();
            let n_bytes = bytes.len() as u64;
            return Ok((Source::Memory(bytes), hash, n_bytes));
        }
    }
    let (hash, n_bytes) = hash_file(path)?;
    Ok((Source::File(path.to_path_buf()), hash, n_bytes))
}

/// Streams a file through BLAKE3.
pub(super) fn hash_file(path: &Path) -> io::Result<(String, u64)> {
    let mut hasher = blake3::Hasher::new();
    let (mut file, _) = open_regular(path)?;
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
pub(super) fn write_atomically(dest: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> Result<()> {
    write_renamed(dest, write, true)
}

/// Writes `dest` all at once, to a temporary file renamed into place, without waiting for the
/// disk: `Archive::keep_written` does that for a whole group of files in one pass. A crash before it
/// leaves `dest` whole or absent (the rename), but possibly not yet on the disk.
pub(super) fn write_unsynced(dest: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> Result<()> {
    write_renamed(dest, write, false)
}

/// `dest` is an original or a thumbnail, named by the hash of what it holds.
fn write_renamed(dest: &Path, write: impl FnOnce(&mut File) -> io::Result<()>, sync: bool) -> Result<()> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    let name = dest.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = temp_path(dir, name);
    // The folder is made the first time one of its files is written: asking first would cost
    // every file two calls to the kernel.
    let create = || match File::create(&tmp) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => fs::create_dir_all(dir).and_then(|()| File::create(&tmp)),
        created => created,
    };
    let result = (|| {
        let mut file = create()?;
        write(&mut file)?;
        if sync {
            file.sync_all()?;
        }
        fs::rename(&tmp, dest)
    })();
    match result {
        Ok(()) => Ok(()),
        // `dest` is named by its bytes' hash: two copies of one file in a batch write the same
        // file at once. Where one rename is refused because the other's file is there and open
        // (Windows does; Linux replaces it), the file is there whole, as it would have been.
        Err(_) if dest.is_file() => {
            let _ = fs::remove_file(&tmp);
            Ok(())
        }
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(Error::io(dest, e))
        }
    }
}

/// The XMP sidecar of a photo: `photo.xmp` or `photo.jpg.xmp` beside it.
pub(super) fn read_sidecar(path: &Path) -> Option<Vec<u8>> {
    let mut with_ext = path.as_os_str().to_owned();
    with_ext.push(".xmp");
    [path.with_extension("xmp"), PathBuf::from(with_ext)].iter().find_map(|p| {
        let (file, size) = open_regular(p).ok()?;
        let mut bytes = Vec::new();
        file.take(MAX_SIDECAR_BYTES + 1).read_to_end(&mut bytes).ok()?;
        (size <= MAX_SIDECAR_BYTES && bytes.len() as u64 <= MAX_SIDECAR_BYTES).then_some(bytes)
    })
}

/// Why a file over the size a clipping of its kind may have is refused.
fn too_large(size: u64, max_bytes: u64) -> ImportError {
    ImportError::TooLarge { size_mb: size.div_ceil(1 << 20), limit_mb: max_bytes >> 20 }
}

/// The whole of a file that a reader needs at once, up to `max_bytes`: larger ones are refused
/// before they are read, not cut (a clipping is never half of a file).
pub(super) fn read_whole(source: &Source, max_bytes: u64) -> Result<std::borrow::Cow<'_, [u8]>, ImportError> {
    match source {
        Source::Memory(bytes) if bytes.len() as u64 > max_bytes => Err(too_large(bytes.len() as u64, max_bytes)),
        Source::Memory(bytes) => Ok(std::borrow::Cow::Borrowed(bytes.as_slice())),
        Source::File(path) => {
            let (file, size) = open_regular(path).map_err(|e| ImportError::reading(&e))?;
            let too_large = |size: u64| too_large(size, max_bytes);
            if size > max_bytes {
                return Err(too_large(size));
            }
            let mut bytes = Vec::new();
            file.take(max_bytes + 1).read_to_end(&mut bytes).map_err(|e| ImportError::reading(&e))?;
            if bytes.len() as u64 > max_bytes {
                return Err(too_large(bytes.len() as u64));
            }
            Ok(std::borrow::Cow::Owned(bytes))
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    #[test]
    fn room_needed_counts_copies_thumbnails_and_the_reserve() {
        assert_eq!(super::bytes_needed(0), crate::archive::disk::RESERVE_BYTES);
        assert_eq!(super::bytes_needed(400), 500 + crate::archive::disk::RESERVE_BYTES);
        assert_eq!(super::bytes_needed(u64::MAX), u64::MAX);
    }
}
