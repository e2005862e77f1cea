//! The `clippings` binary: with no subcommand it opens the window; with one, it runs the
//! command line. All the work is in the library.

use std::process::ExitCode;

use clap::Parser as _;
use clippings::cli::{self, Cli};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = Cli::parse();
    let result = match args.command {
        Some(command) => cli::run(args.archive, args.cache, command),
        None => clippings::ui::open_window(args.archive, args.cache, args.files, started).map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        // The reader of our output went away (`clippings list | head`): nothing to say.
        Err(e) if e.downcast_ref::<std::io::Error>().is_some_and(closed_pipe) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("clippings: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether writing failed because the reader went away: a broken pipe, or on Windows a pipe
/// being closed or no longer connected (errors 232 and 233, which std does not call broken).
fn closed_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe || (cfg!(windows) && matches!(e.raw_os_error(), Some(232 | 233)))
}
