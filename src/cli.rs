//! The command line: thin subcommands over [`crate::archive`]. Exit codes: 0 all good, 1 some
//! files failed, 2 usage or archive error.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};

use crate::archive::{self, Archive, ClippingId, TagKind};
use crate::export::Layout;
use crate::import::{ImportProgress, Outcome};
use crate::search::highlight::{Highlighter, Snippet};
use crate::search::query::{Query, Sort};

#[derive(Debug, Parser)]
#[command(
    name = "clippings",
    version,
    about = "A desktop archive of press clippings",
    long_about = None
)]
pub struct Cli {
    /// The archive folder [default: the platform's data folder]
    #[arg(long, global = true, env = "CLIPPINGS_ARCHIVE", value_name = "DIR")]
    pub archive: Option<PathBuf>,

    /// Files and folders to import in the window (what "Open with Clippings" passes)
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import files and folders: articles (.txt, .md, .html, .pdf, .docx, .odt) and photos
    /// (.jpg, .png, .webp, .gif, .tif, .bmp). Importing a file already archived puts back its
    /// original or thumbnail if they went missing
    Import {
        /// Files and folders to import (folders are read with everything inside them)
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print one JSON object per file instead of text
        #[arg(long)]
        json: bool,
    },
    /// List clippings: best match first when words are searched for, else newest first
    List {
        /// Search: words (the last one also as a prefix), "phrases", a OR b, -word, country:BE,
        /// topic:X, event:X, kind:photo, source:X, lang:ru, date:2024-01..2024-03, imported:today
        #[arg(long, short, conflicts_with = "saved")]
        query: Option<String>,
        /// A saved search's query (and order, unless --sort is given)
        #[arg(long, value_name = "NAME")]
        saved: Option<String>,
        /// relevance, newest, oldest or title [default: relevance]
        #[arg(long)]
        sort: Option<Sort>,
        /// Print one JSON object per clipping with all metadata and tags
        #[arg(long)]
        json: bool,
    },
    /// Stories printed by several outlets: groups of near-duplicate articles (a wire story
    /// reprinted with another headline, trimmed, with a site's boilerplate), earliest first
    Stories {
        /// Only among the clippings that match this query
        #[arg(long, short, conflicts_with = "saved")]
        query: Option<String>,
        /// Only among the clippings a saved search finds
        #[arg(long, value_name = "NAME")]
        saved: Option<String>,
        /// Print one JSON object per story
        #[arg(long)]
        json: bool,
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
    },
    /// Make a press review (PDF, DOCX or HTML) of clippings: a cover, contents, and the stories
    /// in sections, each with headline, outlet, date, text and pictures; reprints of a story
    /// listed under it once
    Review {
        #[command(flatten)]
        target: Target,
        /// The file to write; its extension gives the format unless --format does
        out: PathBuf,
        /// pdf, docx or html
        #[arg(long)]
        format: Option<String>,
        /// Sections by country, topic, event, outlet or day
        #[arg(long, default_value = "country")]
        group_by: String,
        /// Sections to put first, in this order (country codes, topic or event names, outlets,
        /// days as YYYY-MM-DD), comma-separated
        #[arg(long, value_delimiter = ',')]
        sections: Vec<String>,
        /// The cover's title (default: "Press review" in the review's language)
        #[arg(long, default_value = "")]
        title: String,
        /// The organisation named on the cover
        #[arg(long, default_value = "")]
        organisation: String,
        /// Only clippings dated on or after this day (YYYY-MM-DD)
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Only clippings dated on or before this day (YYYY-MM-DD)
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        /// Only the first N words of each text
        #[arg(long, value_name = "N")]
        words: Option<usize>,
        /// a4 or letter
        #[arg(long, default_value = "a4")]
        paper: String,
        /// Leave pictures out
        #[arg(long)]
        no_pictures: bool,
        /// The review's language: en, ru, kk, fr or nl
        #[arg(long, default_value = "en")]
        language: String,
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
    #[arg(long, short, conflicts_with = "saved")]
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
pub fn run(archive_dir: Option<PathBuf>, command: Command) -> anyhow::Result<ExitCode> {
    let dir = match archive_dir {
        Some(dir) => dir,
        None => archive::default_archive_dir().context("no data folder on this system: pass --archive DIR")?,
    };
    // Only an import makes a new archive: a mistyped --archive should not make an empty one.
    if !dir.join("db").is_dir() {
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
        if !matches!(command, Command::Import { .. }) {
            anyhow::bail!("no archive at {}: import something into it first, or check --archive", dir.display());
        }
    }
    let reads_only = match &command {
        Command::List { .. } | Command::Show { .. } | Command::Tags { .. } | Command::Export { .. } => true,
        Command::Saved { action } => matches!(action, SavedAction::List { .. }),
        Command::Stories { .. } | Command::Review { .. } => true,
        Command::Backup { .. } => true,
        Command::Check { repair, .. } => !repair,
        Command::Import { .. } | Command::Tag { .. } | Command::Suggest { .. } => false,
    };
    // A command that only reads works on a copy of the database when the archive is open in
    // the window (which holds its lock) or on a disk this user cannot write.
    let (_snapshot, archive) = match Archive::open(&dir) {
        Err(e) if reads_only && can_read_from_a_copy(&e) => {
            let (snapshot, archive) = Archive::open_snapshot(&dir)?;
            let why = if matches!(e, archive::Error::Locked(_)) { "open in the window" } else { "read-only" };
            eprintln!("note: the archive is {why}: this shows what it had saved when the command started");
            (Some(snapshot), archive)
        }
        opened => (None, opened?),
    };
    let mut out = std::io::stdout().lock();
    match command {
        Command::Import { paths, json } => return import(archive, &paths, json),
        Command::List { query, saved, sort, json } => {
            catch_up_index(&archive)?;
            let saved = saved.map(|name| archive.saved_search(&name)).transpose()?;
            let sort = sort.or(saved.as_ref().map(|s| s.sort)).unwrap_or_default();
            let query = saved.map(|s| s.query).or(query);
            let typed = query.as_deref().unwrap_or("");
            let query = Query::parse(typed);
            let mut highlighter = Highlighter::new(&query);
            let bold = std::io::stdout().is_terminal();
            let found = archive.search(&query, sort)?;
            if found.is_empty() {
                // Said on stderr, so that a script reading stdout still gets nothing.
                eprintln!("0 clippings match");
                for hint in Query::hints(typed) {
                    eprintln!("hint: {hint}");
                }
            }
            for clipping in found {
                let snippet = if json || highlighter.is_empty() {
                    None
                } else {
                    let language = crate::vocab::language::language_of(&clipping);
                    [&clipping.body, &clipping.caption, &clipping.notes]
                        .into_iter()
                        .find_map(|text| highlighter.snippet(text, &language, 100))
                };
                let item = archive.with_tags(clipping)?;
                if json {
                    writeln!(out, "{}", serde_json::to_string(&item)?)?;
                } else {
                    let c = &item.clipping;
                    let countries = item.tag_list(TagKind::Country);
                    let source = if c.source.is_empty() { String::new() } else { format!(" — {}", c.source) };
                    let countries = if countries.is_empty() { String::new() } else { format!(" [{countries}]") };
                    writeln!(
                        out,
                        "{:>6}  {:<19}  {:<7}  {}{source}{countries}",
                        c.id,
                        c.date_label(),
                        c.kind,
                        c.title
                    )?;
                    if let Some(snippet) = snippet {
                        writeln!(out, "        {}", marked(&snippet, bold))?;
                    }
                }
            }
        }
        Command::Show { id, json } => {
            let item = archive.get_with_tags(id)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&item)?)?;
            } else {
                write_details(&mut out, &archive, &item)?;
            }
        }
        Command::Tag { action } => match action {
            TagAction::Add { kind, value, target } => {
                let tag = crate::vocab::tags::resolve(kind, &value)?;
                let ids = target_ids(&archive, &target)?;
                let n = archive.add_tag(&tag, &ids)?;
                writeln!(out, "added {kind} {} to {} ({} already had it)", tag.name, n_clippings(n), ids.len() - n)?;
            }
            TagAction::Remove { kind, value, target } => {
                let tag = crate::vocab::tags::resolve(kind, &value)?;
                let ids = target_ids(&archive, &target)?;
                let n = archive.remove_tag(&tag, &ids)?;
                writeln!(out, "removed {kind} {} from {}", tag.name, n_clippings(n))?;
            }
            TagAction::Rename { kind, old, new } => {
                let tag = archive
                    .find_tag(kind, &old)?
                    .ok_or_else(|| archive::Error::NoSuchTag { kind: kind.as_str(), value: old.clone() })?;
                let n = archive.rename_tag(&tag, &new)?;
                writeln!(out, "renamed {kind} {old:?} to {new:?} on {}", n_clippings(n))?;
            }
        },
        Command::Stories { query, saved, json } => {
            let saved = saved.map(|name| archive.saved_search(&name)).transpose()?;
            let clippings = match saved.map(|s| s.query).or(query) {
                Some(q) => {
                    catch_up_index(&archive)?;
                    archive.search(&Query::parse(&q), Sort::Oldest)?
                }
                None => archive.all_clippings()?,
            };
            for story in crate::search::stories::stories_of(clippings) {
                if json {
                    let members: Vec<_> = story
                        .iter()
                        .map(
                            |c| serde_json::json!({"id": c.id, "title": c.title, "source": c.source, "date": c.date()}),
                        )
                        .collect();
                    writeln!(out, "{}", serde_json::json!({ "clippings": members }))?;
                } else {
                    for (i, c) in story.iter().enumerate() {
                        let lead = if i == 0 { "" } else { "  also " };
                        let source = if c.source.is_empty() { "no outlet" } else { &c.source };
                        writeln!(out, "{lead}{:>6}  {}  {}  {}", c.id.to_string(), c.date(), source, c.title)?;
                    }
                }
            }
        }
        Command::Saved { action } => match action {
            SavedAction::List { json } => {
                catch_up_index(&archive)?;
                for saved in archive.saved_searches()? {
                    let found = archive.search(&Query::parse(&saved.query), Sort::Newest)?;
                    let n_new = found.iter().filter(|c| c.imported_at > saved.seen_at).count();
                    if json {
                        let line = serde_json::json!({
                            "name": saved.name, "query": saved.query, "sort": saved.sort,
                            "n_clippings": found.len(), "n_new": n_new, "seen_at": saved.seen_at,
                        });
                        writeln!(out, "{line}")?;
                    } else {
                        let new = if n_new > 0 { format!(", {n_new} new") } else { String::new() };
                        writeln!(out, "{}  ({}{new})  {}", saved.name, n_clippings(found.len()), saved.query)?;
                    }
                }
            }
            SavedAction::Add { name, query, sort } => {
                let saved = archive.save_search(&name, &query, sort)?;
                writeln!(out, "saved {:?}: {}", saved.name, saved.query)?;
            }
            SavedAction::Remove { name } => {
                let (_, removed) = archive.remove_saved_search(&name)?;
                writeln!(out, "removed saved search {:?}", removed.name)?;
            }
        },
        Command::Tags { json } => {
            for tc in archive.tags()? {
                if json {
                    writeln!(out, "{}", serde_json::to_string(&tc)?)?;
                } else {
                    let label = if tc.tag.kind == TagKind::Country {
                        format!("{} ({})", tc.tag.name, tc.tag.value)
                    } else {
                        tc.tag.name.clone()
                    };
                    writeln!(out, "{:<8} {:>6}  {label}", tc.tag.kind, tc.n_clippings)?;
                }
            }
        }
        Command::Suggest { target, accept } => {
            let ids = target_ids(&archive, &target)?;
            archive.refresh_suggestions(&ids)?;
            for &id in &ids {
                let c = archive.get(id)?;
                let list: Vec<String> = archive
                    .suggestions(id)?
                    .iter()
                    .map(|s| {
                        let note = if s.note.is_empty() { String::new() } else { format!(", {}", s.note) };
                        format!("{} {} ({:.1}{note})", s.tag.kind, s.tag.name, s.score)
                    })
                    .collect();
                writeln!(
                    out,
                    "{:>6}  {}: {}",
                    id,
                    c.title,
                    if list.is_empty() { "-".to_owned() } else { list.join(", ") }
                )?;
            }
            if let Some(kind) = accept {
                let kind = if kind == "all" { None } else { Some(kind.parse::<TagKind>()?) };
                let n = archive.accept_suggestions(&ids, kind, None)?;
                writeln!(out, "accepted {n} suggested tags")?;
            }
        }
        Command::Review {
            target,
            out: path,
            format,
            group_by,
            sections,
            title,
            organisation,
            from,
            to,
            words,
            paper,
            no_pictures,
            language,
        } => {
            let format = match format {
                Some(f) => crate::review::Format::parse(&f)
                    .with_context(|| format!("unknown format {f:?}: pdf, docx or html"))?,
                None => crate::review::Format::of_path(&path)
                    .context("name the file .pdf, .docx or .html, or give --format")?,
            };
            let options = crate::review::ReviewOptions {
                title,
                organisation,
                from,
                to,
                group_by: crate::review::GroupBy::parse(&group_by)
                    .with_context(|| format!("cannot group by {group_by:?}: country, topic, event, outlet or day"))?,
                section_order: sections,
                words,
                paper: crate::review::Paper::parse(&paper)
                    .with_context(|| format!("unknown paper {paper:?}: a4 or letter"))?,
                pictures: !no_pictures,
            };
            let lang = crate::i18n::Lang::from_locale(&language)
                .with_context(|| format!("unknown language {language:?}: en, ru, kk, fr or nl"))?;
            crate::i18n::set_language(lang);
            let ids = target_ids(&archive, &target)?;
            let bar = progress_bar(ids.len() as u64, "reading");
            let cancel = AtomicBool::new(false);
            let started = std::time::Instant::now();
            let review =
                crate::review::build(&archive, &ids, &options, &|done, _| bar.set_position(done as u64), &cancel)?;
            bar.finish_and_clear();
            crate::review::write(&review, format, &path, &crate::review::fonts::FontSet::system())?;
            writeln!(
                out,
                "wrote {} ({} in {}, {:.1} s)",
                path.display(),
                count(review.n_stories(), "story", "stories"),
                count(review.sections.len(), "section", "sections"),
                started.elapsed().as_secs_f64()
            )?;
        }
        Command::Export { target, dest, layout } => {
            let ids = target_ids(&archive, &target)?;
            let bar = progress_bar(ids.len() as u64, "exporting");
            let cancel = AtomicBool::new(false);
            let report = archive.export(&ids, &dest, layout, &mut |done, _| bar.set_position(done as u64), &cancel)?;
            bar.finish_and_clear();
            for (id, reason) in &report.failed {
                writeln!(out, "failed: {reason}: clipping {id}")?;
            }
            writeln!(out, "{} ({} failed)", report.summary(), report.failed.len())?;
            if !report.failed.is_empty() {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Check { hashes, repair, json } => {
            let bar = progress_bar(0, "checking");
            let mut report = archive.check(hashes, &mut |done, total| {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            })?;
            bar.finish_and_clear();
            if repair && report.problems.iter().any(|p| matches!(p, archive::check::Problem::IndexOutOfStep { .. })) {
                archive.rebuild_index()?;
                report.problems.retain(|p| !matches!(p, archive::check::Problem::IndexOutOfStep { .. }));
                writeln!(out, "built the search index again")?;
            }
            for problem in &report.problems {
                if json {
                    writeln!(out, "{}", serde_json::to_string(problem)?)?;
                } else {
                    writeln!(out, "{problem}")?;
                }
            }
            eprintln!("{} checked, {} problems", n_clippings(report.n_clippings), report.problems.len());
            if !report.problems.is_empty() {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Backup { dest } => {
            let bar = progress_bar(0, "copying");
            let n_files = archive.backup(&dest, &mut |done, total| {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            })?;
            bar.finish_and_clear();
            writeln!(out, "copied {n_files} files to {}", dest.display())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether an open that failed can be read from a copy instead: another process holds the
/// archive, or its folder cannot be written.
fn can_read_from_a_copy(e: &archive::Error) -> bool {
    match e {
        archive::Error::Locked(_) => true,
        archive::Error::Open { error, .. } => {
            matches!(error.kind(), std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied)
        }
        _ => false,
    }
}

/// A snippet with its matched words in bold on a terminal, between `**` elsewhere (as Markdown
/// would; «» are quotation marks in Russian and French text).
fn marked(snippet: &Snippet, bold: bool) -> String {
    let (open, close) = if bold { ("\x1b[1m", "\x1b[0m") } else { ("**", "**") };
    let mut out = String::new();
    let mut at = 0;
    for r in &snippet.highlights {
        let (Some(before), Some(word)) = (snippet.text.get(at..r.start), snippet.text.get(r.clone())) else { continue };
        out.push_str(before);
        out.push_str(open);
        out.push_str(word);
        out.push_str(close);
        at = r.end;
    }
    out.push_str(snippet.text.get(at..).unwrap_or_default());
    out
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

fn import(archive: Archive, paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let bar = progress_bar(0, "importing");
    let cancel = AtomicBool::new(false);
    let mut lines = Vec::new();
    let report = archive.import(
        paths,
        &mut |event| match event {
            ImportProgress::Found { n_files } => bar.set_length(n_files as u64),
            ImportProgress::Done { n_done, outcome, .. } => {
                bar.set_position(n_done as u64);
                let line = if json { serde_json::to_string(outcome).unwrap_or_default() } else { outcome.to_string() };
                bar.suspend(|| println!("{line}"));
                lines.push(());
            }
        },
        &cancel,
    )?;
    bar.finish_and_clear();
    // A large import leaves the window's next opening files to read rather than each new
    // record, and a database with nothing to read back.
    if let Err(e) = archive.close_after_import(crate::archive::catalog::REWRITE_CATALOG_ABOVE) {
        eprintln!("(what the window reads as it opens was not made ahead: {e})");
    }
    let folders = report.by_folder();
    if folders.len() > 1 {
        for f in &folders {
            eprintln!("  {}: {}", f.folder.display(), f.counts());
        }
    }
    eprintln!("{}", report.summary());
    let failed = report.outcomes.iter().any(|o| matches!(o.outcome, Outcome::Failed { .. }));
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn write_details(out: &mut impl Write, archive: &Archive, item: &archive::ClippingWithTags) -> anyhow::Result<()> {
    let c = &item.clipping;
    let mut field = |name: &str, value: &str| -> std::io::Result<()> {
        if value.is_empty() { Ok(()) } else { writeln!(out, "{name:<10} {value}") }
    };
    field("id", &c.id.to_string())?;
    field("kind", c.kind.as_str())?;
    field("title", &c.title)?;
    field("source", &c.source)?;
    field("author", &c.author)?;
    field("date", &c.published.map(|d| d.to_string()).unwrap_or_default())?;
    field("taken", &c.captured_at.map(|d| d.to_string()).unwrap_or_default())?;
    field("camera", &c.camera)?;
    if let (Some(w), Some(h)) = (c.width_px, c.height_px) {
        field("size", &format!("{w} x {h} px"))?;
    }
    if let Some(gps) = c.gps {
        field("gps", &format!("{:.6}, {:.6}", gps.latitude_deg, gps.longitude_deg))?;
    }
    field("caption", &c.caption)?;
    field("credit", &c.credit)?;
    field("copyright", &c.copyright)?;
    for kind in TagKind::ALL {
        field(kind.plural_label().to_lowercase().as_str(), &item.tag_list(kind))?;
    }
    field("url", &c.url)?;
    field("language", &c.language)?;
    field("imported", &c.imported_at.format("%Y-%m-%d %H:%M UTC").to_string())?;
    field("file", &format!("{} ({} bytes, {})", c.original_name, c.byte_size, c.format))?;
    field("stored", &archive.original_path(c).display().to_string())?;
    field("notes", &c.notes)?;
    if !c.body.is_empty() {
        writeln!(out, "\n{}", c.body)?;
    }
    Ok(())
}

/// "1 story", "5 stories".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

/// "1 clipping", "5 clippings": the command line speaks English, for scripts.
fn n_clippings(n: usize) -> String {
    if n == 1 { "1 clipping".to_owned() } else { format!("{n} clippings") }
}
