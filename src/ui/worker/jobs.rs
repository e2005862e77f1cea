//! The worker's long jobs, each on a thread of its own so that searching goes on meanwhile:
//! an import, an export, a press review or its preview. Each ends with exactly one reply:
//! finished, or failed.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::{Outbox, Reply, Request, RequestKind, ReviewPreview, ReviewSource, guarded, spawn_thread};
use crate::archive::{Archive, ClippingId, TagKind};
use crate::export::FolderNames;
use crate::import::{ImportProgress, Outcome};
use crate::t;

pub(super) enum ReviewJob {
    Preview(u64),
    Write { format: crate::review::Format, path: PathBuf },
}

/// Makes a press review (or its preview) on a thread of its own. A preview that is cancelled
/// (the dialog changed) ends silently; a review ends with one reply: finished, or failed.
pub(super) fn spawn_review(
    archive: Arc<Archive>,
    source: ReviewSource,
    options: crate::review::ReviewOptions,
    job: ReviewJob,
    cancel: Arc<AtomicBool>,
    out: &Outbox,
) {
    use crate::review::{self, ReviewError};
    let out2 = out.clone();
    let spawned = spawn_thread("review", move || {
        guarded(RequestKind::Review, &out2.clone(), || {
            let ids = match &source {
                ReviewSource::Ids(ids) => Ok(ids.clone()),
                ReviewSource::Query(q) => {
                    archive.search_str(q).map(|found| found.into_iter().map(|c| c.id).collect::<Vec<_>>())
                }
            };
            let result = ids.map_err(ReviewError::from).and_then(|ids| {
                let pictures = if matches!(job, ReviewJob::Preview(_)) {
                    review::Pictures::Thumbnails
                } else {
                    review::Pictures::Print
                };
                let progress = |n_done, n_total| {
                    if !matches!(job, ReviewJob::Preview(_)) {
                        out2.send(Reply::ReviewProgress { n_done, n_total });
                    }
                };
                let made = review::build_with(&archive, &ids, &options, pictures, &progress, &cancel)?;
                let fonts = review::fonts::FontSet::system();
                match &job {
                    ReviewJob::Preview(generation) => {
                        let document = review::layout::lay_out(&made, &fonts)?;
                        out2.send(Reply::ReviewPreview(Box::new(ReviewPreview {
                            generation: *generation,
                            width: document.width,
                            height: document.height,
                            n_pages: document.pages.len(),
                            pages: document.pages.into_iter().take(3).collect(),
                            n_stories: made.n_stories(),
                            sections: made
                                .sections
                                .iter()
                                .map(|s| (s.key.clone(), s.heading.clone(), s.stories.len()))
                                .collect(),
                        })));
                    }
                    ReviewJob::Write { format, path } => {
                        if cancel.load(std::sync::atomic::Ordering::Relaxed) {
                            return Err(ReviewError::Cancelled);
                        }
                        review::write(&made, *format, path, &fonts)?;
                        out2.send(Reply::ReviewFinished { path: path.clone(), n_stories: made.n_stories() });
                    }
                }
                Ok(())
            });
            match (result, &job) {
                (Ok(()), _) | (Err(ReviewError::Cancelled), ReviewJob::Preview(_)) => {}
                (Err(e), ReviewJob::Preview(generation)) => {
                    out2.send(Reply::ReviewPreviewFailed { generation: *generation, message: e.to_string() })
                }
                (Err(ReviewError::Cancelled), ReviewJob::Write { .. }) => {
                    out2.send(Reply::Failed { request: RequestKind::Review, message: t!("review-cancelled") })
                }
                (Err(e), ReviewJob::Write { .. }) => out2.send(Reply::Failed {
                    request: RequestKind::Review,
                    message: t!("review-failed", error = e.to_string()),
                }),
            }
        });
    });
    if let Err(e) = spawned {
        out.send(Reply::Failed { request: RequestKind::Review, message: t!("review-failed", error = e.to_string()) });
    }
}

/// Imports on a thread of its own; new clippings show up in the grid as it goes, a chunk at a
/// time. The import ends with exactly one reply: finished, or failed.
pub(super) fn spawn_import(
    archive: Arc<Archive>,
    paths: Vec<PathBuf>,
    addresses: Vec<String>,
    cancel: Arc<AtomicBool>,
    out: &Outbox,
) {
    let out2 = out.clone();
    let spawned = spawn_thread("import", move || {
        guarded(RequestKind::Import, &out2.clone(), || {
            let mut fresh = Vec::new();
            let import = |progress: &mut dyn FnMut(ImportProgress<'_>)| {
                if addresses.is_empty() {
                    archive.import(&paths, progress, &cancel)
                } else {
                    archive.import_addresses(&addresses, progress, &cancel)
                }
            };
            let result = import(&mut |event| match event {
                ImportProgress::Found { n_files } => out2.send(Reply::ImportStarted { n_files }),
                ImportProgress::Done { n_done, n_files, outcome } => {
                    if let Outcome::Imported { id, .. } = outcome.outcome {
                        fresh.push(id);
                    }
                    if fresh.len() >= 32 || n_done == n_files {
                        let _ = out2.to_worker.send(Request::Refresh(std::mem::take(&mut fresh)));
                    }
                    out2.send(Reply::ImportProgress { n_done, n_files, current: outcome.path.clone() });
                }
            });
            if !fresh.is_empty() {
                let _ = out2.to_worker.send(Request::Refresh(fresh));
            }
            let _ = out2.to_worker.send(Request::RefreshTags);
            match result {
                Ok(report) => {
                    let imported = report.imported_ids();
                    out2.send(Reply::ImportFinished(report));
                    read_scans(&archive, &imported, false, &out2);
                }
                Err(e) => out2.send(Reply::Failed {
                    request: RequestKind::Import,
                    message: t!("worker-import-stopped", error = crate::ui::archive_error_text(&e)),
                }),
            }
        });
    });
    if let Err(e) = spawned {
        out.send(Reply::Failed {
            request: RequestKind::Import,
            message: t!("worker-import-start", error = e.to_string()),
        });
    }
}

/// Photos and scans the person asked to read (again), on a thread of their own.
pub(super) fn spawn_read_scans(archive: Arc<Archive>, ids: Vec<ClippingId>, out: &Outbox) {
    let out2 = out.clone();
    let spawned = spawn_thread("ocr", move || {
        guarded(RequestKind::Import, &out2.clone(), || read_scans(&archive, &ids, true, &out2));
    });
    if let Err(e) = spawned {
        out.send(Reply::ScansFinished(Err(e.to_string())));
    }
}

/// After an import, on its thread: the new photos and scans read as text (with `again`, also
/// those read before), each shown again as it is read; the status bar shows the progress and
/// can cancel.
fn read_scans(archive: &Archive, candidates: &[ClippingId], again: bool, out: &Outbox) {
    let ids = archive.scans_among(candidates, again);
    if ids.is_empty() {
        return;
    }
    let cancel = Arc::new(AtomicBool::new(false));
    out.send(Reply::ScansStarted { n_total: ids.len(), cancel: cancel.clone() });
    let progress = |id: ClippingId, n_done: usize, n_total: usize| {
        let _ = out.to_worker.send(Request::Refresh(vec![id]));
        out.send(Reply::ScanProgress { id, n_done, n_total });
    };
    let result = archive.read_scans(&ids, None, &progress, &cancel);
    let _ = out.to_worker.send(Request::RefreshTags);
    out.send(Reply::ScansFinished(result.map_err(|e| e.to_string())));
}

/// Exports on a thread of its own; it ends with exactly one reply: finished, or failed.
pub(super) fn spawn_export(
    archive: Arc<Archive>,
    ids: Vec<ClippingId>,
    dest: PathBuf,
    options: crate::ui::state::ExportOptions,
    cancel: Arc<AtomicBool>,
    out: &Outbox,
) {
    let out2 = out.clone();
    let spawned = spawn_thread("export", move || {
        guarded(RequestKind::Export, &out2.clone(), || {
            // This thread speaks the window's language (see `spawn_thread`).
            let tag = |tag: &crate::archive::Tag| Some(crate::i18n::tag_name(tag));
            let none = |kind: TagKind| match kind {
                TagKind::Country => t!("export-no-country"),
                TagKind::Topic => t!("export-no-topic"),
                TagKind::Event => t!("export-no-event"),
            };
            let localized_names = FolderNames { tag: &tag, none: &none };
            let localized = options.localized && crate::i18n::language() != crate::i18n::Lang::En;
            let names = if localized { localized_names } else { FolderNames::english() };
            let result = archive.export_named(
                &ids,
                &dest,
                options.layout,
                &names,
                &mut |n_done, n_total| out2.send(Reply::ExportProgress { n_done, n_total }),
                &cancel,
            );
            // The counts beside the files, when asked; a failure there is the export's.
            let result = result.and_then(|report| {
                if options.coverage && !cancel.load(std::sync::atomic::Ordering::Relaxed) {
                    archive.write_coverage(&ids, &report.dest)?;
                }
                Ok(report)
            });
            match result {
                Ok(report) => out2.send(Reply::ExportFinished(report)),
                Err(e) => out2.send(Reply::Failed {
                    request: RequestKind::Export,
                    message: t!("worker-export-failed", error = crate::ui::archive_error_text(&e)),
                }),
            }
        });
    });
    if let Err(e) = spawned {
        out.send(Reply::Failed {
            request: RequestKind::Export,
            message: t!("worker-export-start", error = e.to_string()),
        });
    }
}

/// The clippings' text as a press officer pastes it into a mail or a note: the headline, the
/// outlet and date, then the text (a photo's caption and credit), one after the other.
pub(super) fn copy_text(archive: &Archive, ids: &[ClippingId], out: &Outbox) {
    let mut parts = Vec::new();
    for &id in ids {
        match archive.get(id) {
            Ok(c) => parts.push(clipping_as_text(&c)),
            Err(e) => {
                let message = crate::ui::archive_error_text(&e);
                return out.send(Reply::Failed { request: RequestKind::Load, message });
            }
        }
    }
    out.send(Reply::Clipboard { text: parts.join("\n\n――――\n\n"), n: parts.len() });
}

/// Where a clipping's original is on this desktop (a team archive's fetched from its server
/// first), or why it cannot be opened.
pub(super) fn find_original(archive: &Archive, id: ClippingId, in_folder: bool, out: &Outbox) {
    let clipping = match archive.get(id) {
        Ok(c) => c,
        Err(e) => {
            let message = crate::ui::archive_error_text(&e);
            return out.send(Reply::Failed { request: RequestKind::Load, message });
        }
    };
    let path = archive.original_path(&clipping);
    if path.is_file() {
        out.send(Reply::OriginalAt { path, in_folder });
    } else {
        let message = t!("worker-original-missing", title = clipping.title.as_str(), path = path.display().to_string());
        out.send(Reply::Failed { request: RequestKind::Load, message });
    }
}

fn clipping_as_text(c: &crate::archive::Clipping) -> String {
    let byline = crate::ui::byline(&c.source, c.published.or_else(|| c.captured_at.map(|t| t.date())));
    let mut text = c.title.trim().to_owned();
    if !byline.is_empty() {
        text.push('\n');
        text.push_str(&byline);
    }
    for part in [&c.body, &c.caption, &c.credit] {
        if !part.trim().is_empty() {
            text.push_str("\n\n");
            text.push_str(part.trim());
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    /// A clipping's original is found through its record (the catalog's card keeps no hash of
    /// an article): the very file imported; one gone from the archive's folder is said so.
    #[test]
    fn an_original_is_found_by_its_record_and_one_gone_is_said_so() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("archive");
        let talks = tmp.path().join("talks.txt");
        let text = "Переговоры в Брюсселе\n\nДелегация провела переговоры о Среднем коридоре.";
        std::fs::write(&talks, text).unwrap();
        let report = Archive::open(&dir).unwrap().import(&[talks], &mut |_| {}, &AtomicBool::new(false)).unwrap();
        let Some(Outcome::Imported { id, .. }) = report.outcomes.first().map(|o| o.outcome.clone()) else {
            panic!("imported: {report:?}")
        };
        let handle = super::super::spawn(dir.into(), egui::Context::default(), false);
        let next = |want: &dyn Fn(&Reply) -> bool| loop {
            let reply = handle.rx.recv_timeout(Duration::from_secs(30)).expect("the worker answers");
            if want(&reply) {
                return reply;
            }
        };
        next(&|r| matches!(r, Reply::Opened { .. }));
        for in_folder in [false, true] {
            handle.send(Request::Original { id, in_folder });
            let Reply::OriginalAt { path, in_folder: asked } = next(&|r| matches!(r, Reply::OriginalAt { .. })) else {
                unreachable!()
            };
            assert_eq!((std::fs::read_to_string(&path).unwrap().as_str(), asked), (text, in_folder));
            if in_folder {
                std::fs::remove_file(&path).unwrap();
            }
        }
        handle.send(Request::Original { id, in_folder: false });
        let failed = next(&|r| matches!(r, Reply::Failed { .. } | Reply::OriginalAt { .. }));
        let Reply::Failed { request: RequestKind::Load, message } = failed else { panic!("{failed:?}") };
        assert!(message.contains("Переговоры в Брюсселе"), "{message}");
    }
}
