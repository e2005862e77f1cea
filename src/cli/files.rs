//! The commands that write files: `review`, `export`, `check` (which reads every file),
//! `backup`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::Context as _;

use super::{ReviewArgs, Target, count, n_clippings, progress_bar, target_ids};
use crate::archive::{self, Archive};
use crate::export::Layout;
use crate::review::{self, Format, GroupBy, Paper, ReviewOptions};

pub(super) fn review(
    archive: &Archive,
    out: &mut impl Write,
    target: &Target,
    path: &Path,
    args: ReviewArgs,
) -> anyhow::Result<ExitCode> {
    let format = match &args.format {
        Some(f) => Format::parse(f).with_context(|| format!("unknown format {f:?}: pdf, docx or html"))?,
        None => Format::of_path(path).context("name the file .pdf, .docx or .html, or give --format")?,
    };
    let options = ReviewOptions {
        title: args.title,
        organisation: args.organisation,
        from: args.from,
        to: args.to,
        group_by: GroupBy::parse(&args.group_by)
            .with_context(|| format!("cannot group by {:?}: country, topic, event, outlet or day", args.group_by))?,
        section_order: args.sections,
        words: args.words,
        full_text_words: (args.full_text_words > 0).then_some(args.full_text_words),
        paper: Paper::parse(&args.paper).with_context(|| format!("unknown paper {:?}: a4 or letter", args.paper))?,
        pictures: !args.no_pictures,
        coverage: args.coverage,
    };
    let lang = crate::i18n::Lang::from_locale(&args.language)
        .with_context(|| format!("unknown language {:?}: en, ru, kk, fr or nl", args.language))?;
    crate::i18n::set_language(lang);
    let ids = target_ids(archive, target)?;
    let bar = progress_bar(ids.len() as u64, "reading");
    let cancel = AtomicBool::new(false);
    let started = std::time::Instant::now();
    let made = review::build(archive, &ids, &options, &|done, _| bar.set_position(done as u64), &cancel)?;
    bar.finish_and_clear();
    review::write(&made, format, path, &review::fonts::FontSet::system())?;
    writeln!(
        out,
        "wrote {} ({} in {}, {:.1} s)",
        path.display(),
        count(made.n_stories(), "story", "stories"),
        count(made.sections.len(), "section", "sections"),
        started.elapsed().as_secs_f64()
    )?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn export(
    archive: &Archive,
    out: &mut impl Write,
    target: &Target,
    dest: &Path,
    layout: Layout,
    coverage: bool,
) -> anyhow::Result<ExitCode> {
    let ids = target_ids(archive, target)?;
    let bar = progress_bar(ids.len() as u64, "exporting");
    let cancel = AtomicBool::new(false);
    let report = archive.export(&ids, dest, layout, &mut |done, _| bar.set_position(done as u64), &cancel)?;
    bar.finish_and_clear();
    for (id, reason) in &report.failed {
        writeln!(out, "failed: {reason}: clipping {id}")?;
    }
    writeln!(out, "{} ({} failed)", report.summary(), report.failed.len())?;
    if coverage {
        let path = archive.write_coverage(&ids, &report.dest)?;
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(if report.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub(super) fn check(
    archive: &Archive,
    out: &mut impl Write,
    hashes: bool,
    repair: bool,
    json: bool,
) -> anyhow::Result<ExitCode> {
    use archive::check::Problem;
    let bar = progress_bar(0, "checking");
    let mut report = archive.check(hashes, &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    if repair && report.problems.iter().any(|p| matches!(p, Problem::IndexOutOfStep { .. })) {
        archive.rebuild_index()?;
        report.problems.retain(|p| !matches!(p, Problem::IndexOutOfStep { .. }));
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
    Ok(if report.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub(super) fn backup(archive: &Archive, out: &mut impl Write, dest: &Path) -> anyhow::Result<ExitCode> {
    let bar = progress_bar(0, "copying");
    let n_files = archive.backup(dest, &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    writeln!(out, "copied {n_files} files to {}", dest.display())?;
    Ok(ExitCode::SUCCESS)
}
