//! `clippings-window`: the window alone, for Windows' Start menu and "Open with Clippings".
//! Built with the `window-exe` feature (`scripts/windows.sh`). On Windows it is a program
//! without a console (the console `clippings.exe` stays the command line), so what stops it
//! is said in a message box rather than on a console no one sees.

#![cfg_attr(windows, windows_subsystem = "windows")]

use clap::Parser as _;
use clippings::cli::Cli;

fn main() {
    let started = std::time::Instant::now();
    let args = match Cli::try_parse() {
        Ok(args) => args,
        Err(e) => return say(&e.to_string()),
    };
    if args.command.is_some() {
        return say("clippings-window opens the window; the command line is clippings.exe");
    }
    if let Err(e) = clippings::ui::open_window(args.archive, args.cache, args.files, started) {
        say(&format!("{e:#}"));
    }
}

/// Tells the person who started it why it stopped.
fn say(text: &str) {
    eprintln!("clippings: {text}");
    let _ = rfd::MessageDialog::new()
        .set_title("Clippings")
        .set_description(text)
        .set_level(rfd::MessageLevel::Error)
        .show();
}
