//! The disk under the archive: how much room is free on it, and what is kept free.

use std::path::Path;

use crate::vocab::{Error, Result};

/// Free bytes for this user on the file system that holds `path` (an existing folder or
/// file); `None` where that cannot be told.
pub(crate) fn free_bytes(path: &Path) -> Option<u64> {
    #[cfg(test)]
    if let Some(free) = tests::FREE_BYTES.get() {
        return Some(free);
    }
    #[cfg(unix)]
    {
        let stats = rustix::fs::statvfs(path).ok()?;
        Some(stats.f_bavail.saturating_mul(stats.f_frsize))
    }
    #[cfg(windows)]
    {
        windows_free_bytes(path)
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = path;
        None
    }
}

/// [`free_bytes`] on Windows: `GetDiskFreeSpaceExW` of kernel32, which every Windows has, of a
/// folder on the disk (what is free to this user, quotas counted).
#[cfg(windows)]
#[allow(unsafe_code)]
fn windows_free_bytes(path: &Path) -> Option<u64> {
    use std::os::windows::ffi::OsStrExt;
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetDiskFreeSpaceExW(folder: *const u16, free_to_caller: *mut u64, total: *mut u64, free: *mut u64) -> i32;
    }
    let folder: Vec<u16> = path.as_os_str().encode_wide().chain(Some(0)).collect();
    let mut free_to_caller = 0u64;
    // SAFETY: `folder` ends in a NUL; the one out-pointer asked for is a live u64, and the
    // function takes null for the two not wanted.
    let answered = unsafe {
        GetDiskFreeSpaceExW(folder.as_ptr(), &mut free_to_caller, std::ptr::null_mut(), std::ptr::null_mut())
    };
    (answered != 0).then_some(free_to_caller)
}

/// Room kept free on the archive's disk: below it an import stops before the database meets a
/// full disk (a database write that fails half-way is what a full disk must never cause).
pub(crate) const RESERVE_BYTES: u64 = 64 * 1024 * 1024;

/// Fails with [`Error::DiskFull`] unless the disk that holds `path` has `needed` bytes free;
/// where the free space cannot be told, the write is tried.
pub(crate) fn ensure_room(path: &Path, needed: u64) -> Result<()> {
    let Some(free) = free_bytes(path) else { return Ok(()) };
    if free < needed {
        let mb = |n: u64| n.div_ceil(1024 * 1024);
        return Err(Error::DiskFull { path: path.to_path_buf(), needed_mb: mb(needed), free_mb: mb(free) });
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use std::cell::Cell;

    thread_local! {
        /// Stands in for the free space of the disk, on this thread, when set.
        pub(crate) static FREE_BYTES: Cell<Option<u64>> = const { Cell::new(None) };
    }

    /// Linux and Windows (the core's tests run under Wine too) tell a folder's free space.
    #[test]
    fn the_free_space_of_a_folder_is_told() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let free = super::free_bytes(dir.path());
        assert!(free.is_some_and(|n| n > 0), "{free:?}");
        assert_eq!(super::free_bytes(&dir.path().join("not there")), None);
    }
}
