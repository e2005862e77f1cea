//! What the window asks of the desktop, each off the UI thread: native file dialogs, opening a
//! file or folder with its default application, and the startup log; and how the window's
//! process sets up the C library's allocator.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

/// Sets glibc's allocator up for a long-running window: the C libraries under it (Mesa,
/// fontconfig, tesseract) use it; the crate's own memory is mimalloc's (`lib.rs`). By default
/// every thread that finds the heap busy gets an arena of its own (up to eight per core), and
/// memory freed at the top of the heap is kept once the threshold for handing it back has grown
/// with the largest block freed: after 100,000 clippings were loaded and searched the window
/// held 306-307 MB, and with two arenas and memory handed back from 128 KiB up, 286-294 MB (the
/// ui_frames bench, same archive, same run, before mimalloc). Called first, before the window
/// starts its threads.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn tune_allocator() {
    // SAFETY: mallopt takes two integers and changes only the allocator's settings; no memory
    // is touched, and it is called before the window starts a thread.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 * 1024);
    }
}

/// Other allocators need nothing.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn tune_allocator() {}

/// Hands the memory freed since back to the system, after work that freed much of it (a large
/// edit, the whole catalog read, the reprints found) and when the window's worker has been idle
/// a moment. mimalloc, the crate's allocator (`lib.rs`), gives back what is freed only a second
/// later, and only when it is next called: an idle window kept it. At a million clippings, after
/// browsing, it held 523-551 MB of which 485-495 MB in use (a throwaway program, `mi_collect`
/// after each step: 0.4-1.6 ms after a search, 45 ms after the reprints were found). glibc's,
/// which the C libraries under the window use, returns only what is freed at the top of its
/// heaps unless trimmed. Called off the window's thread.
#[allow(unsafe_code)]
pub fn release_free_memory() {
    unsafe extern "C" {
        /// mimalloc's: frees what it holds freed and purges it now (`force`).
        fn mi_collect(force: bool);
    }
    // SAFETY: mi_collect and malloc_trim only give back memory that is free; nothing in use is
    // touched, and both take their own locks.
    unsafe {
        mi_collect(true);
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        libc::malloc_trim(0);
    }
}

/// Runs a native file dialog on a thread of its own: rfd's dialogs block their thread.
pub fn spawn_dialog(f: impl FnOnce() + Send + 'static) {
    let _ = std::thread::Builder::new().name("file-dialog".into()).spawn(f);
}

/// Whether a file dialog can be shown: on Linux, rfd asks the desktop portal, else zenity;
/// with neither it returns at once with nothing, as if the user had cancelled.
pub fn file_dialog_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let display = ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|v| std::env::var_os(v).is_some_and(|d| !d.is_empty()));
    display && (program_on_path("zenity") || portal_running())
}

/// Whether a program of that name is on the `PATH`.
pub fn program_on_path(name: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(name).is_file()))
}

#[cfg(target_os = "linux")]
fn portal_running() -> bool {
    let Ok(bus) = zbus::blocking::Connection::session() else { return false };
    let Ok(proxy) = zbus::blocking::fdo::DBusProxy::new(&bus) else { return false };
    let Ok(name) = zbus::names::BusName::try_from("org.freedesktop.portal.Desktop") else { return false };
    proxy.name_has_owner(name).unwrap_or(false)
}

#[cfg(not(target_os = "linux"))]
fn portal_running() -> bool {
    false
}

/// Starts `program` with `args`; a program that is not there is told as not installed.
fn start(program: &str, args: &[&std::ffi::OsStr]) -> std::io::Result<std::process::Child> {
    std::process::Command::new(program).args(args).spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => std::io::Error::new(e.kind(), format!("{program} is not installed")),
        _ => e,
    })
}

/// Opens a file or folder with the desktop's default application: the opener is started here
/// (a desktop without one, such as a Linux without `xdg-open`, is told as an error), and
/// waited for off the UI thread.
pub fn open_with_system(path: &std::path::Path) -> std::io::Result<()> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    let mut opener = start(program, &[path.as_os_str()])?;
    std::thread::Builder::new().name("open".into()).spawn(move || opener.wait()).map(drop)
}

/// Shows a file in the system's file manager, selected: through the desktop's FileManager1
/// service on Linux (Nautilus, Dolphin, Nemo, Caja answer it), else its folder opened; off the
/// UI thread, which `failed` tells when no program could be started.
pub fn show_in_folder(path: PathBuf, failed: impl FnOnce(std::io::Error) + Send + 'static) {
    let _ = std::thread::Builder::new().name("show-in-folder".into()).spawn(move || {
        let run = |program: &str, args: &[&std::ffi::OsStr]| start(program, args)?.wait().map(drop);
        let shown = if cfg!(target_os = "windows") {
            run("explorer", &[format!("/select,{}", path.display()).as_ref()])
        } else if cfg!(target_os = "macos") {
            run("open", &["-R".as_ref(), path.as_os_str()])
        } else {
            #[cfg(target_os = "linux")]
            if show_item_over_dbus(&path).is_ok() {
                return;
            }
            run("xdg-open", &[path.parent().unwrap_or(&path).as_os_str()])
        };
        if let Err(e) = shown {
            failed(e);
        }
    });
}

#[cfg(target_os = "linux")]
fn show_item_over_dbus(path: &std::path::Path) -> zbus::Result<()> {
    let bus = zbus::blocking::Connection::session()?;
    let uri = format!("file://{}", path.display());
    bus.call_method(
        Some("org.freedesktop.FileManager1"),
        "/org/freedesktop/FileManager1",
        Some("org.freedesktop.FileManager1"),
        "ShowItems",
        &(vec![uri.as_str()], ""),
    )?;
    Ok(())
}

/// When the process started, for `CLIPPINGS_LOG_STARTUP=1`, which prints how long the first
/// frame and the first results took (the cold-start figures of the benchmark, measured on the
/// real window).
struct StartupLog {
    started: Instant,
    first_frame_done: bool,
    results_shown: bool,
}

static STARTUP: Mutex<Option<StartupLog>> = Mutex::new(None);

/// How long since the process started, while the startup log runs.
pub fn since_start_ms() -> Option<u128> {
    STARTUP.lock().unwrap_or_else(PoisonError::into_inner).as_ref().map(|log| log.started.elapsed().as_millis())
}

/// Starts the startup log if `CLIPPINGS_LOG_STARTUP` is set.
pub fn start_startup_log(started: Instant) {
    if std::env::var_os("CLIPPINGS_LOG_STARTUP").is_some() {
        *STARTUP.lock().unwrap_or_else(PoisonError::into_inner) =
            Some(StartupLog { started, first_frame_done: false, results_shown: false });
    }
}

/// Called after each frame: prints the first frame's time, the time the first results were
/// drawn, then the time the window had nothing more to wait for.
pub fn log_startup(is_idle: bool, n_results: usize) {
    let mut guard = STARTUP.lock().unwrap_or_else(PoisonError::into_inner);
    let Some(log) = guard.as_mut() else { return };
    if !log.first_frame_done {
        log.first_frame_done = true;
        eprintln!("clippings: first frame after {} ms", log.started.elapsed().as_millis());
    }
    if n_results > 0 && !log.results_shown {
        log.results_shown = true;
        eprintln!("clippings: first {n_results} results drawn after {} ms", log.started.elapsed().as_millis());
    }
    if is_idle {
        eprintln!("clippings: {n_results} clippings shown after {} ms", log.started.elapsed().as_millis());
        *guard = None;
    }
}

/// The window's icon (the title bar, the task switcher), from the PNG the package installs.
pub fn window_icon() -> Option<egui::IconData> {
    let png = include_bytes!("../../assets/icons/clippings-128.png");
    let image = image::load_from_memory_with_format(png, image::ImageFormat::Png).ok()?.into_rgba8();
    let (width, height) = image.dimensions();
    Some(egui::IconData { rgba: image.into_raw(), width, height })
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    /// This process's own resident memory (heap, stacks), in MB.
    fn own_mb() -> usize {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let kb = status.lines().find_map(|l| l.strip_prefix("RssAnon:")).and_then(|v| v.split_whitespace().next());
        kb.and_then(|kb| kb.parse::<usize>().ok()).unwrap_or(0) / 1024
    }

    /// Set in the process the test below starts, which runs that one test alone.
    const ALONE: &str = "CLIPPINGS_TEST_MEMORY_ALONE";

    /// The figures are the whole process's: with other tests running beside it, they moved by
    /// more than the margin (on CI, 240 MB allocated showed as 196 MB more). So the test runs
    /// again in a process of its own, with only itself in it.
    #[test]
    fn memory_freed_is_given_back_at_once() {
        if std::env::var_os(ALONE).is_none() {
            let exe = std::env::current_exe().expect("the test binary");
            let name = "ui::platform::tests::memory_freed_is_given_back_at_once";
            let out = std::process::Command::new(exe)
                .args([name, "--exact", "--test-threads=1", "--nocapture"])
                .env(ALONE, "1")
                .output()
                .expect("the test binary runs");
            let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            assert!(out.status.success() && said.contains("1 passed"), "{said}");
            return;
        }
        let before = own_mb();
        // Small blocks, as a catalog's entries are: freed, they stay with the allocator.
        let blocks: Vec<Box<[u8; 160]>> = (0..1_500_000).map(|i| Box::new([i as u8; 160])).collect();
        let held = own_mb();
        assert!(held >= before + 200, "{before} MB, then {held} MB");
        drop(blocks);
        super::release_free_memory();
        let after = own_mb();
        assert!(after < held - 150, "{held} MB held, {after} MB after freeing 240 MB");
    }

    /// A program to open or show files that is not there is said to be not installed, by name.
    #[test]
    fn a_program_not_there_is_told_as_not_installed() {
        let missing = super::start("clippings-no-such-opener", &["file.txt".as_ref()]);
        let e = missing.expect_err("no such program");
        assert_eq!(
            (e.kind(), e.to_string()),
            (std::io::ErrorKind::NotFound, "clippings-no-such-opener is not installed".into())
        );
        assert!(super::start("true", &[]).is_ok_and(|mut child| child.wait().is_ok()));
    }
}
