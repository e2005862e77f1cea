//! `clippings team …`: a team archive on a PostgreSQL server made, its members managed, and a
//! desktop archive moved into it.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::Context as _;
use clap::Subcommand;

use super::progress_bar;
use crate::archive::team::{self, TeamRole};
use crate::archive::{Archive, Place};

#[derive(Debug, Subcommand)]
pub enum TeamAction {
    /// Make a team archive in an empty database; the role that connects becomes its admin
    Init,
    /// Give a PostgreSQL login role access (replacing what it had): reader (find, read,
    /// export), editor (also import, tag, edit, move to the trash) or admin (also empty the
    /// trash and manage the team)
    Add {
        role: String,
        #[arg(long = "as", value_name = "reader|editor|admin")]
        access: String,
    },
    /// Take a role's access away
    Remove { role: String },
    /// The roles with access
    List {
        /// Print one JSON object per member
        #[arg(long)]
        json: bool,
    },
    /// Copy a desktop archive (a folder) into the team archive: records, tags, suggestions,
    /// notes, saved searches, originals and thumbnails. Run again, it sends only what the team
    /// archive lacks (matched by content hash)
    Upload { dir: PathBuf },
}

pub(super) fn run(place: &Place, out: &mut impl Write, action: TeamAction) -> anyhow::Result<ExitCode> {
    let Place::Team { url, .. } = place else {
        anyhow::bail!("`team` works on a team archive: pass --archive postgres://user@host/database");
    };
    match action {
        TeamAction::Init => {
            team::init(url)?;
            writeln!(out, "made a team archive at {place}; you are its admin")?;
        }
        TeamAction::Add { role, access } => {
            let access = TeamRole::parse(&access)
                .with_context(|| format!("unknown access {access:?}: expected reader, editor or admin"))?;
            team::add(url, &role, access)?;
            writeln!(out, "{role} is now {} of {place}", with_article(access))?;
        }
        TeamAction::Remove { role } => {
            if team::remove(url, &role)? {
                writeln!(out, "{role} no longer has access to {place}")?;
            } else {
                writeln!(out, "{role} had no access to {place}")?;
            }
        }
        TeamAction::List { json } => {
            for member in team::members(url)? {
                if json {
                    let line = serde_json::json!({ "role": member.role, "access": member.access.name() });
                    writeln!(out, "{line}")?;
                } else {
                    writeln!(out, "{:<24} {}", member.role, member.access.name())?;
                }
            }
        }
        TeamAction::Upload { dir } => return upload(place, out, &dir),
    }
    Ok(ExitCode::SUCCESS)
}

fn with_article(access: TeamRole) -> String {
    match access {
        TeamRole::Admin => "an admin".to_owned(),
        TeamRole::Editor => "an editor".to_owned(),
        TeamRole::Reader => "a reader".to_owned(),
    }
}

fn upload(place: &Place, out: &mut impl Write, dir: &std::path::Path) -> anyhow::Result<ExitCode> {
    if !dir.join("db").is_dir() {
        anyhow::bail!("no desktop archive at {}: name the folder that holds its db/", dir.display());
    }
    let from = match Archive::open(dir) {
        Err(crate::archive::Error::Locked(_)) => {
            Archive::open_snapshot(&Place::Folder(dir.to_owned())).map(|(s, a)| {
                eprintln!(
                    "note: {} is open elsewhere: this sends what it had saved when the command started",
                    dir.display()
                );
                (Some(s), a)
            })?
        }
        opened => (None, opened?),
    };
    let (_snapshot, from) = from;
    let to = Archive::open_place(place)?;
    let bar = progress_bar(from.n_clippings() as u64, "sending");
    let done = team::upload(
        &from,
        &to,
        &mut |n, of| {
            bar.set_length(of as u64);
            bar.set_position(n as u64);
        },
        &AtomicBool::new(false),
    )?;
    bar.finish_and_clear();
    writeln!(
        out,
        "sent {} new clippings and {} files to {place}; {} were there already; {} saved searches added",
        done.n_new, done.n_files, done.n_there, done.n_saved_searches
    )?;
    if !done.missing_files.is_empty() {
        writeln!(out, "{} clippings had lost their original and went without it", done.missing_files.len())?;
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
