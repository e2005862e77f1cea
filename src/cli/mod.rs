//! The command line: thin subcommands over [`crate::archive`], one function each: those that
//! read in `read.rs`, those that change the archive in `change.rs` (through the core's edits,
//! as the window makes them), those that write files in `files.rs`. Exit codes: 0 all good, 1
//! some files failed, 2 usage or archive error.

mod change;
mod files;
mod mail;
mod read;
mod scans;
mod tagging;
mod team;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};

use crate::archive::{self, Archive, ClippingId, TagKind};
use crate::export::Layout;
use crate::search::query::Sort;

#[derive(Debug, Parser)]
#[command(
    name = "clippings",
    version,
    about = "A desktop archive of press clippings",
    long_about = None
)]
pub struct Cli {
    /// The archive folder, or a team archive's server: postgres://user[:password]@host[:port]/database
    /// (the password may also come from PGPASSWORD or ~/.pgpass) [default: the platform's data folder]
    #[arg(long, global = true, env = "CLIPPINGS_ARCHIVE", value_name = "DIR|URL")]
    pub archive: Option<PathBuf>,

    /// Where this desktop keeps a team archive's search index and cached files [default: a
    /// folder of the platform's cache folder, one per archive]
    #[arg(long, global = true, env = "CLIPPINGS_CACHE", value_name = "DIR")]
    pub cache: Option<PathBuf>,

    /// Files and folders to import in the window (what "Open with Clippings" passes)
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import files, folders and pages by their address: articles (.txt, .md, .html, .pdf,
    /// .docx, .odt) and photos (.jpg, .png, .webp, .gif, .tif, .bmp); an http or https address
    /// is fetched and kept as fetched, with its address. Importing a file already archived puts
    /// back its original or thumbnail if they went missing; an address already archived is
    /// not fetched again
    Import {
        /// Files and folders to import (folders are read with everything inside them), and
        /// addresses (https://…)
        #[arg(required = true, value_name = "PATH|URL")]
        paths: Vec<PathBuf>,
        /// Print one JSON object per file instead of text
        #[arg(long)]
        json: bool,
        /// Keep photos and scans as pictures: do not read their text (OCR)
        #[arg(long)]
        no_ocr: bool,
    },
    /// Read the text of photos and scans of printed pages (OCR): those holding text become
    /// articles, with their headline as title; camera photos stay photos. Needs tesseract
    Ocr {
        #[command(flatten)]
        target: Target,
        /// Tesseract's languages to read in, e.g. rus+kaz+eng [default: the archive's, else
        /// rus+kaz+eng+fra+nld]; each page is read in those of its script
        #[arg(long, value_name = "LANGS")]
        languages: Option<String>,
        /// Read again those already read
        #[arg(long)]
        again: bool,
        /// Keep --languages as the archive's own: scans imported later are read in them too
        #[arg(long, requires = "languages")]
        remember: bool,
        /// Print one JSON object per clipping
        #[arg(long)]
        json: bool,
    },
    /// List clippings: best match first when words are searched for, else newest first
    List {
        /// Search: words (the last one also as a prefix), "phrases", a OR b, -word, country:BE,
        /// topic:X, event:X, kind:photo, source:X, lang:ru, date:2024-01..2024-03, imported:today
        #[arg(long, short, conflicts_with = "saved", allow_hyphen_values = true)]
        query: Option<String>,
        /// A saved search's query (and order, unless --sort is given)
        #[arg(long, value_name = "NAME")]
        saved: Option<String>,
        /// relevance, newest, oldest or title [default: relevance]
        #[arg(long)]
        sort: Option<Sort>,
        /// Each story once, by its earliest clipping found, with the other outlets found that
        /// printed it
        #[arg(long)]
        one_per_story: bool,
        /// Print one JSON object per clipping with all metadata and tags
        #[arg(long)]
        json: bool,
    },
    /// Stories printed by several outlets: groups of near-duplicate articles (a wire story
    /// reprinted with another headline, trimmed, with a site's boilerplate), earliest first
    Stories {
        /// Only among the clippings that match this query
        #[arg(long, short, conflicts_with = "saved", allow_hyphen_values = true)]
        query: Option<String>,
        /// Only among the clippings a saved search finds
        #[arg(long, value_name = "NAME")]
        saved: Option<String>,
        /// Print one JSON object per story
        #[arg(long)]
        json: bool,
    },
    /// Coverage: clippings counted per day, week or month, by country, topic, event, outlet or
    /// kind (a clipping with two countries counts once in each; dated as published, taken,
    /// else imported)
    Stats {
        /// Only the clippings that match this query
        #[arg(long, short, conflicts_with = "saved", allow_hyphen_values = true)]
        query: Option<String>,
        /// Only the clippings a saved search finds
        #[arg(long, value_name = "NAME")]
        saved: Option<String>,
        /// country, topic, event, outlet or kind
        #[arg(long, default_value = "country")]
        by: crate::archive::coverage::GroupBy,
        /// day, week or month
        #[arg(long, default_value = "month")]
        per: crate::archive::coverage::Per,
        /// Only clippings dated on or after this day (YYYY-MM-DD)
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Only clippings dated on or before this day (YYYY-MM-DD)
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        /// One JSON object a line: period (its first day), group, count
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// period,group,count with a header line
        #[arg(long)]
        csv: bool,
    },
    /// Saved searches: list them with their counts, save a query under a name, forget one
    Saved {
        #[command(subcommand)]
        action: SavedAction,
    },
    /// Show one clipping
    Show {
        /// The clipping's number, as `list` shows it
        id: ClippingId,
        /// Print the clipping with all metadata and tags as JSON
        #[arg(long)]
        json: bool,
    },
    /// The inbox: clippings new and not looked at yet, with their suggestions
    Inbox {
        #[command(subcommand)]
        action: tagging::InboxAction,
    },
    /// Rules: a query and the tags it gives, run on every import
    Rules {
        #[command(subcommand)]
        action: tagging::RulesAction,
    },
    /// Add, remove or rename tags
    Tag {
        #[command(subcommand)]
        action: TagAction,
    },
    /// List tags with their number of clippings
    Tags {
        /// Print one JSON object per tag
        #[arg(long)]
        json: bool,
    },
    /// Suggest tags from the clippings' text (countries, events, topics); --accept adds them
    Suggest {
        #[command(flatten)]
        target: Target,
        /// Accept the suggestions of this kind (country, topic, event) or all of them
        #[arg(long, value_name = "KIND|all")]
        accept: Option<String>,
    },
    /// Copy clippings to a folder with JSON sidecars (and XMP sidecars for photos), clippings.csv
    /// and index.html
    Export {
        #[command(flatten)]
        target: Target,
        /// The folder to export into (created if needed)
        dest: PathBuf,
        /// flat, country, topic, event or month
        #[arg(long, default_value = "flat")]
        layout: Layout,
        /// Also coverage.csv: the counts per month by country, topic, event, outlet and kind
        #[arg(long)]
        coverage: bool,
    },
    /// Make a press review (PDF, DOCX or HTML) of clippings: a cover, contents, and the stories
    /// in sections, each with headline, outlet, date, text and pictures; reprints of a story
    /// listed under it once
    Review {
        #[command(flatten)]
        target: Target,
        /// The file to write; its extension gives the format unless --format does
        out: PathBuf,
        #[command(flatten)]
        options: ReviewArgs,
    },
    /// Check the archive: every clipping's original and thumbnail, files no clipping names, and
    /// the search index against the database. Exit 1 if anything is wrong
    Check {
        /// Also read every original and compare its hash (slow on a large archive)
        #[arg(long)]
        hashes: bool,
        /// Build the search index again if it is out of step
        #[arg(long)]
        repair: bool,
        /// Print one JSON object per problem
        #[arg(long)]
        json: bool,
    },
    /// Copy the archive (database, originals, thumbnails) into a new folder. To restore, use the
    /// copy as the archive (`--archive DEST`, or copy it back to the archive's place): the
    /// search index is built again when it is first opened
    Backup {
        /// A new or empty folder
        dest: PathBuf,
    },
    /// A team archive on a PostgreSQL server (--archive postgres://…): make it, say who may
    /// do what, move a desktop archive into it
    Team {
        #[command(subcommand)]
        action: team::TeamAction,
    },
    /// Mailboxes clippings come from: a message's text, its attachments and an alert's
    /// articles are imported, each message once
    Mail {
        #[command(subcommand)]
        action: mail::MailAction,
    },
}

/// How a press review is made (`clippings review`).
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// pdf, docx or html
    #[arg(long)]
    pub format: Option<String>,
    /// Sections by country, topic, event, outlet or day
    #[arg(long, default_value = "country")]
    pub group_by: String,
    /// Sections to put first, in this order (country codes, topic or event names, outlets,
    /// days as YYYY-MM-DD), comma-separated
    #[arg(long, value_delimiter = ',')]
    pub sections: Vec<String>,
    /// The cover's title (default: "Press review" in the review's language)
    #[arg(long, default_value = "")]
    pub title: String,
    /// The organisation named on the cover
    #[arg(long, default_value = "")]
    pub organisation: String,
    /// Only clippings dated on or after this day (YYYY-MM-DD)
    #[arg(long)]
    pub from: Option<chrono::NaiveDate>,
    /// Only clippings dated on or before this day (YYYY-MM-DD)
    #[arg(long)]
    pub to: Option<chrono::NaiveDate>,
    /// Only the first N words of each text
    #[arg(long, value_name = "N")]
    pub words: Option<usize>,
    /// With the whole text, at most N words a story, with a note where one is cut (0: no limit)
    #[arg(long, value_name = "N", default_value_t = crate::review::DEFAULT_FULL_TEXT_WORDS)]
    pub full_text_words: usize,
    /// a4 or letter
    #[arg(long, default_value = "a4")]
    pub paper: String,
    /// Leave pictures out
    #[arg(long)]
    pub no_pictures: bool,
    /// A coverage page after the contents: the clippings per day, week or month, and the top outlets
    #[arg(long)]
    pub coverage: bool,
    /// The review's language: en, ru, kk, fr or nl
    #[arg(long, default_value = "en")]
    pub language: String,
}

#[derive(Debug, Subcommand)]
pub enum TagAction {
    /// Add a tag (country, topic or event) to clippings
    Add {
        /// country, topic or event
        kind: TagKind,
        /// The tag: a country by code or name (BE, Belgium, Бельгия), or a topic or event name
        value: String,
        #[command(flatten)]
        target: Target,
    },
    /// Remove a tag from clippings
    Remove {
        /// country, topic or event
        kind: TagKind,
        /// The tag to remove
        value: String,
        #[command(flatten)]
        target: Target,
    },
    /// Name a topic or event in another language (an empty NAME takes that name away): shown
    /// in a window or a press review in that language, and found by topic: in any of them
    Name {
        /// topic or event
        kind: TagKind,
        /// The tag, by any of its names
        value: String,
        /// The language's code: ru, kk, fr, nl, de …
        #[arg(long)]
        language: String,
        /// Its name in that language
        name: String,
    },
    /// Rename a topic or event; an existing tag of the new name is merged with it
    Rename {
        /// topic or event
        kind: TagKind,
        /// The tag's name now
        old: String,
        /// Its new name
        new: String,
    },
}

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct Target {
    /// Clipping ids, comma-separated or repeated
    #[arg(long, value_delimiter = ',')]
    pub ids: Vec<ClippingId>,
    /// Every clipping that matches this query
    #[arg(long, short, conflicts_with = "saved", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Every clipping that a saved search finds
    #[arg(long, value_name = "NAME")]
    pub saved: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SavedAction {
    /// The saved searches in their order, with how many clippings each finds and how many of
    /// them were imported since it was last opened in the window
    List {
        /// Print one JSON object per saved search
        #[arg(long)]
        json: bool,
    },
    /// Save QUERY under NAME; a saved search of that name gets the new query
    Add {
        name: String,
        query: String,
        /// relevance, newest, oldest or title
        #[arg(long, default_value = "relevance")]
        sort: Sort,
    },
    /// Forget a saved search
    Remove { name: String },
}

/// Runs a subcommand. `Ok(code)` carries 0 or 1; errors are the caller's to print (exit 2).
pub fn run(archive: Option<PathBuf>, cache: Option<PathBuf>, command: Command) -> anyhow::Result<ExitCode> {
    let place = archive::Place::from_args(archive.as_deref(), cache.as_deref())
        .context("no data folder on this system: pass --archive DIR")?;
    let out = &mut std::io::stdout().lock();
    if let Command::Team { action } = command {
        return team::run(&place, out, action);
    }
    if let archive::Place::Folder(dir) = &place {
        refuse_a_missing_archive(dir, &command)?;
    }
    let (_snapshot, archive) = open(&place, command.reads_only())?;
    match command {
        Command::Import { paths, json, no_ocr } => change::import(archive, &paths, json, !no_ocr),
        Command::Ocr { target, languages, again, remember, json } => {
            if remember && let Some(list) = scans::languages(languages.as_deref()) {
                archive.set_ocr_languages(&list)?;
                eprintln!("scans will be read in {} from now on", list.join("+"));
            }
            scans::ocr(&archive, out, &target, languages.as_deref(), again, json)
        }
        Command::List { query, saved, sort, one_per_story, json } => {
            let listing = read::Listing { query, saved, sort, one_per_story, json };
            read::list(&archive, out, listing)
        }
        Command::Show { id, json } => read::show(&archive, out, id, json),
        Command::Tag { action } => change::tag(&archive, out, action),
        Command::Inbox { action } => tagging::inbox(&archive, out, action),
        Command::Rules { action } => tagging::rules(&archive, out, action),
        Command::Stories { query, saved, json } => read::stories(&archive, out, query, saved, json),
        Command::Saved { action } => read::saved(&archive, out, action),
        Command::Stats { query, saved, by, per, from, to, json, csv } => {
            let format = if json {
                read::Format::Json
            } else if csv {
                read::Format::Csv
            } else {
                read::Format::Text
            };
            read::stats(&archive, out, read::StatsArgs { query, saved, by, per, from, to, format })
        }
        Command::Tags { json } => read::tags(&archive, out, json),
        Command::Suggest { target, accept } => change::suggest(&archive, out, &target, accept),
        Command::Review { target, out: path, options } => files::review(&archive, out, &target, &path, options),
        Command::Export { target, dest, layout, coverage } => {
            files::export(&archive, out, &target, &dest, layout, coverage)
        }
        Command::Check { hashes, repair, json } => files::check(&archive, out, hashes, repair, json),
        Command::Backup { dest } => files::backup(&archive, out, &dest),
        Command::Team { .. } => Ok(ExitCode::SUCCESS),
        Command::Mail { action } => mail::run(&archive, out, action),
    }
}

impl Command {
    /// Whether the command only reads: it can then work on a copy of the archive.
    fn reads_only(&self) -> bool {
        match self {
            Command::List { .. } | Command::Show { .. } | Command::Tags { .. } | Command::Export { .. } => true,
            Command::Saved { action } => matches!(action, SavedAction::List { .. }),
            Command::Stories { .. } | Command::Stats { .. } | Command::Review { .. } | Command::Backup { .. } => true,
            Command::Check { repair, .. } => !repair,
            Command::Mail { action } => matches!(action, mail::MailAction::List),
            Command::Inbox { action } => matches!(action, tagging::InboxAction::List { .. }),
            Command::Rules { action } => matches!(action, tagging::RulesAction::List { .. }),
            Command::Import { .. }
            | Command::Ocr { .. }
            | Command::Tag { .. }
            | Command::Suggest { .. }
            | Command::Team { .. } => false,
        }
    }
}

/// Only an import makes a new archive: a mistyped --archive should not make an empty one, and
/// a folder of originals without its database is not made into a new, empty archive.
fn refuse_a_missing_archive(dir: &Path, command: &Command) -> anyhow::Result<()> {
    if dir.join("db").is_dir() {
        return Ok(());
    }
    let n_originals = walkdir::WalkDir::new(dir.join("originals"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .count();
    if n_originals > 0 {
        // A lost database: a new empty one here would hide the files behind it.
        anyhow::bail!(
            "{} holds {n_originals} original files but no database: restore it from a backup, or make \
             the records again in a new archive: clippings --archive NEW import {}",
            dir.display(),
            dir.join("originals").display()
        );
    }
    // Clippings come in by an import, or from a mailbox added to a new archive.
    let brings_clippings =
        matches!(command, Command::Import { .. } | Command::Mail { action: mail::MailAction::Add { .. } });
    if !brings_clippings {
        anyhow::bail!("no archive at {}: import something into it first, or check --archive", dir.display());
    }
    Ok(())
}

/// Opens the archive. A command that only reads works on a copy of the database when another
/// process holds the archive (the window, or another command) or its disk cannot be written,
/// and says so, naming who holds it.
fn open(place: &archive::Place, reads_only: bool) -> anyhow::Result<(Option<archive::Snapshot>, Archive)> {
    match Archive::open_place(place) {
        Err(e) if reads_only && can_read_from_a_copy(&e) => {
            let (snapshot, archive) = Archive::open_snapshot(place)?;
            let why = match &e {
                archive::Error::Locked(_) => held_by(archive::lock_holder(place.root()).as_deref()),
                _ => "read-only".to_owned(),
            };
            eprintln!("note: the archive is {why}: this shows what it had saved when the command started");
            Ok((Some(snapshot), archive))
        }
        opened => Ok((None, opened?)),
    }
}

/// Who holds the archive, from what its lock file says of the process ("1234 clippings
/// import ..."): the window, or a command by its name.
fn held_by(holder: Option<&str>) -> String {
    let Some((pid, command_line)) = holder.and_then(|h| h.split_once(' ')) else {
        return "open in another Clippings process".to_owned();
    };
    let names = <Cli as clap::CommandFactory>::command();
    let subcommand =
        command_line.split_whitespace().find(|word| names.get_subcommands().any(|c| c.get_name() == *word));
    match subcommand {
        Some(name) => format!("in use by `clippings {name}` (process {pid})"),
        None => format!("open in the window (process {pid})"),
    }
}

/// Whether an open that failed can be read from a copy instead: another process holds the
/// archive, or its folder cannot be written.
fn can_read_from_a_copy(e: &archive::Error) -> bool {
    matches!(e, archive::Error::Locked(_)) || e.is_read_only()
}

/// Builds or catches up the search index before searching, with a progress bar when it is long.
fn catch_up_index(archive: &Archive) -> anyhow::Result<()> {
    let n_pending = archive.n_index_pending()?;
    if n_pending == 0 {
        return Ok(());
    }
    let bar = progress_bar(n_pending as u64, "indexing for search");
    archive.sync_index(&mut |n_done, _| bar.set_position(n_done as u64), &AtomicBool::new(false))?;
    bar.finish_and_clear();
    Ok(())
}

fn target_ids(archive: &Archive, target: &Target) -> anyhow::Result<Vec<ClippingId>> {
    let saved = target.saved.as_deref().map(|name| archive.saved_search(name)).transpose()?;
    match saved.map(|s| s.query).as_ref().or(target.query.as_ref()) {
        Some(q) => {
            catch_up_index(archive)?;
            Ok(archive.search_str(q)?.into_iter().map(|c| c.id).collect())
        }
        None => {
            for &id in &target.ids {
                archive.get(id)?;
            }
            Ok(target.ids.clone())
        }
    }
}

fn progress_bar(len: u64, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(Some(len), indicatif::ProgressDrawTarget::stderr());
    let style = indicatif::ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} {eta}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(what.to_owned());
    bar
}

/// "1 story", "5 stories".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

/// "1 clipping", "5 clippings": the command line speaks English, for scripts.
fn n_clippings(n: usize) -> String {
    if n == 1 { "1 clipping".to_owned() } else { format!("{n} clippings") }
}
