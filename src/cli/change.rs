//! The commands that change the archive: `import`, `tag`, `suggest`. Tags change through the
//! core's edits ([`crate::archive::edit`]), as the window changes them.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use super::{TagAction, Target, n_clippings, progress_bar, target_ids};
use crate::archive::edit::{Done, Edit};
use crate::archive::{self, Archive, TagKind};
use crate::import::ImportProgress;

pub(super) fn tag(archive: &Archive, out: &mut impl Write, action: TagAction) -> anyhow::Result<ExitCode> {
    let edit = match action {
        TagAction::Add { kind, value, target } => {
            Edit::AddTag { tag: crate::vocab::tags::resolve(kind, &value)?, ids: target_ids(archive, &target)? }
        }
        TagAction::Remove { kind, value, target } => {
            Edit::RemoveTag { tag: crate::vocab::tags::resolve(kind, &value)?, ids: target_ids(archive, &target)? }
        }
        TagAction::Name { kind, value, language, name } => {
            let tag = archive
                .find_tag(kind, &value)?
                .or(archive.find_named_tag(kind, &value)?)
                .ok_or_else(|| archive::Error::NoSuchTag { kind: kind.as_str(), value: value.clone() })?;
            Edit::NameTag { tag, language, name }
        }
        TagAction::Rename { kind, old, new } => {
            let tag = archive
                .find_tag(kind, &old)?
                .ok_or_else(|| archive::Error::NoSuchTag { kind: kind.as_str(), value: old.clone() })?;
            Edit::RenameTag { tag, new_value: new }
        }
    };
    if let Some(line) = done_text(&archive.apply(edit)?.done) {
        writeln!(out, "{line}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// What the command line's edits (tags, accepted suggestions) did, in English, for scripts.
fn done_text(done: &Done) -> Option<String> {
    Some(match done {
        Done::TagAdded { tag, n, n_had } => {
            format!("added {} {} to {} ({n_had} already had it)", tag.kind, tag.name, n_clippings(*n))
        }
        Done::TagRemoved { tag, n } => format!("removed {} {} from {}", tag.kind, tag.name, n_clippings(*n)),
        Done::TagRenamed { from, to, n } => {
            format!("renamed {} {:?} to {:?} on {}", from.kind, from.name, to.name, n_clippings(*n))
        }
        Done::Accepted { n, .. } => format!("accepted {n} suggested tags"),
        Done::TagNamed { tag, language, name: Some(name) } => {
            format!("{} {} is {name:?} in {language}", tag.kind, tag.name)
        }
        Done::TagNamed { tag, language, name: None } => {
            format!("{} {} has no name of its own in {language}", tag.kind, tag.name)
        }
        // The command line makes no other edit (saved searches say their own words).
        _ => return None,
    })
}

pub(super) fn suggest(
    archive: &Archive,
    out: &mut impl Write,
    target: &Target,
    accept: Option<String>,
) -> anyhow::Result<ExitCode> {
    let ids = target_ids(archive, target)?;
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
        let list = if list.is_empty() { "-".to_owned() } else { list.join(", ") };
        writeln!(out, "{:>6}  {}: {list}", id, c.title)?;
    }
    if let Some(kind) = accept {
        let kind = if kind == "all" { None } else { Some(kind.parse::<TagKind>()?) };
        if let Some(line) = done_text(&archive.apply(Edit::AcceptSuggestions { ids, kind, only: None })?.done) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn import(archive: Archive, paths: &[PathBuf], json: bool, ocr: bool) -> anyhow::Result<ExitCode> {
    let bar = progress_bar(0, "importing");
    let cancel = AtomicBool::new(false);
    let (addresses, paths): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| crate::vocab::address::is_address_argument(p));
    let addresses: Vec<String> = addresses.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let paths: Vec<PathBuf> = paths.into_iter().cloned().collect();
    let n_files_before = std::cell::Cell::new(0);
    let mut on_event = |event: ImportProgress<'_>| match event {
        ImportProgress::Found { n_files } => bar.set_length((n_files_before.get() + n_files) as u64),
        ImportProgress::Done { n_done, outcome, .. } => {
            bar.set_position((n_files_before.get() + n_done) as u64);
            let line = if json { serde_json::to_string(outcome).unwrap_or_default() } else { outcome.to_string() };
            bar.suspend(|| println!("{line}"));
        }
    };
    let mut report = crate::import::ImportReport::default();
    if !addresses.is_empty() {
        report = archive.import_addresses(&addresses, &mut on_event, &cancel)?;
        n_files_before.set(report.outcomes.len());
    }
    if !paths.is_empty() {
        // Each outcome is printed as it comes and only counted after: a million files'
        // outcomes kept to the end held 180 MB.
        report.append(archive.import_counting_only(&paths, &mut on_event, &cancel)?);
    }
    bar.finish_and_clear();
    // The new photos and scans read as text, before what the window reads is made.
    let imported = report.imported_ids();
    let all_read = !ocr || super::scans::after_import(&archive, &imported, json);
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
    for (rule, n) in &report.rules {
        eprintln!("rule {rule:?} gave {n} tags");
    }
    let failed = !all_read || report.n_failed() > 0;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
