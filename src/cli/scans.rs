//! `clippings ocr`, and the reading of scans that follows `clippings import`: pictures read as
//! text (`import::scans`), with a progress bar, one line a clipping.

use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use super::{Target, progress_bar, target_ids};
use crate::archive::{Archive, ClippingId};
use crate::ocr::OcrError;

/// Tesseract's languages from "rus+kaz" or "rus,kaz".
pub(super) fn languages(arg: Option<&str>) -> Option<Vec<String>> {
    let list: Vec<String> =
        arg?.split(['+', ',']).map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
    (!list.is_empty()).then_some(list)
}

/// Reads these clippings' pictures as text and says what became of each. `Ok(false)` when
/// some could not be read.
pub(super) fn read(
    archive: &Archive,
    out: &mut dyn Write,
    ids: &[ClippingId],
    languages: Option<&[String]>,
    json: bool,
) -> anyhow::Result<bool> {
    let bar = progress_bar(ids.len() as u64, "reading text");
    let cancel = AtomicBool::new(false);
    let report = archive.read_scans(ids, languages, &|_, done, _| bar.set_position(done as u64), &cancel);
    bar.finish_and_clear();
    let report = report?;
    for &id in &report.read {
        let c = archive.get(id)?;
        let ocr = c.ocr.clone().unwrap_or_default();
        let n_words = c.body.split_whitespace().count() + c.title.split_whitespace().count();
        if json {
            let line = serde_json::json!({"id": id, "text": true, "title": c.title, "words": n_words,
                "languages": ocr.languages, "confidence": ocr.confidence, "pages": ocr.pages});
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "read {id} {:?}: {n_words} words ({}, confidence {:.0})",
                c.title, ocr.languages, ocr.confidence
            )?;
        }
    }
    for &id in &report.pictures {
        if json {
            writeln!(out, "{}", serde_json::json!({"id": id, "text": false}))?;
        } else {
            writeln!(out, "picture {id}: no printed text, kept as it is")?;
        }
    }
    for (id, why) in &report.failed {
        if json {
            writeln!(out, "{}", serde_json::json!({"id": id, "error": why}))?;
        } else {
            writeln!(out, "failed {id}: {why}")?;
        }
    }
    eprintln!(
        "{} read as text, {} pictures, {} failed{}",
        report.read.len(),
        report.pictures.len(),
        report.failed.len(),
        if report.cancelled { ", cancelled" } else { "" }
    );
    Ok(report.failed.is_empty())
}

/// `clippings ocr`: the clippings named read (again, with `again`).
pub(super) fn ocr(
    archive: &Archive,
    out: &mut dyn Write,
    target: &Target,
    languages_arg: Option<&str>,
    again: bool,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let ids = archive.scans_among(&target_ids(archive, target)?, again);
    if ids.is_empty() {
        eprintln!(
            "nothing to read: no photo or scan among them{}",
            if again { "" } else { " that was not read already (--again reads those again)" }
        );
        return Ok(ExitCode::SUCCESS);
    }
    let languages = languages(languages_arg);
    match read(archive, out, &ids, languages.as_deref(), json) {
        Ok(true) => Ok(ExitCode::SUCCESS),
        Ok(false) => Ok(ExitCode::from(1)),
        Err(e) => match e.downcast_ref::<OcrError>() {
            Some(OcrError::NotInstalled | OcrError::NoLanguage(_)) => {
                eprintln!("{e}");
                Ok(ExitCode::from(2))
            }
            _ => Err(e),
        },
    }
}

/// After an import: the new photos and scans read. Without tesseract, they stay pictures,
/// and the reason is said once.
pub(super) fn after_import(archive: &Archive, imported: &[ClippingId], json: bool) -> bool {
    let ids = archive.scans_among(imported, false);
    if ids.is_empty() {
        return true;
    }
    let out = &mut std::io::stdout().lock();
    match read(archive, out, &ids, None, json) {
        Ok(all) => all,
        Err(e) => {
            eprintln!("{} photos and scans kept as pictures: {e}", ids.len());
            true
        }
    }
}
