//! The `clippings` binary: with no subcommand it opens the window; with one, it runs the
//! command line. All the work is in the library.

use std::process::ExitCode;

use clap::Parser as _;
use clippings::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    let result = match args.command {
        Some(command) => cli::run(args.archive, command),
        None => {
            use clap::CommandFactory as _;
            let _ = Cli::command().print_help();
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("clippings: {e:#}");
            ExitCode::from(2)
        }
    }
}
