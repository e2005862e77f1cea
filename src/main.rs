//! The `clippings` binary: with no subcommand it opens the window; with one, it runs the
//! command line. All the work is in the library.

use std::process::ExitCode;

use clap::Parser as _;
use clippings::cli::{self, Cli};

fn open_window(
    archive: Option<std::path::PathBuf>,
    cache: Option<std::path::PathBuf>,
    files: Vec<std::path::PathBuf>,
    started: std::time::Instant,
) -> anyhow::Result<ExitCode> {
    use anyhow::Context as _;
    clippings::ui::tune_allocator();
    let place = clippings::archive::Place::from_args(archive.as_deref(), cache.as_deref())
        .context("no data folder on this system: pass --archive DIR")?;
    let no_display = cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none();
    if no_display {
        anyhow::bail!("no display: use the command line (clippings --help), or run Clippings on a desktop");
    }
    clippings::ui::run(place, files, started).map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = Cli::parse();
    let result = match args.command {
        Some(command) => cli::run(args.archive, args.cache, command),
        None => open_window(args.archive, args.cache, args.files, started),
    };
    match result {
        Ok(code) => code,
        // The reader of our output went away (`clippings list | head`): nothing to say.
        Err(e) if e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("clippings: {e:#}");
            ExitCode::from(2)
        }
    }
}
