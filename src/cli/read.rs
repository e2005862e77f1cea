//! The commands that only read: `list`, `show`, `stories`, `saved`, `tags`. They browse
//! through the core's [`Browser`], as the window does, and group reprints by the signatures
//! kept at import.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use super::{SavedAction, catch_up_index, count, n_clippings};
use crate::archive::browse::{Browse, Browser};
use crate::archive::{self, Archive, Clipping, ClippingId, ClippingWithTags, TagKind};
use crate::search::highlight::{Highlighter, Snippet};
use crate::search::query::{Query, Sort};

/// What `clippings list` was asked for.
pub(super) struct Listing {
    pub query: Option<String>,
    pub saved: Option<String>,
    pub sort: Option<Sort>,
    pub one_per_story: bool,
    pub json: bool,
}

pub(super) fn list(archive: &Archive, out: &mut impl Write, listing: Listing) -> anyhow::Result<ExitCode> {
    catch_up_index(archive)?;
    let saved = listing.saved.map(|name| archive.saved_search(&name)).transpose()?;
    let sort = listing.sort.or(saved.as_ref().map(|s| s.sort)).unwrap_or_default();
    let typed = saved.map(|s| s.query).or(listing.query).unwrap_or_default();
    let query = Query::parse(&typed);
    let mut browser = Browser::of(archive, &query)?;
    if listing.one_per_story {
        browser.set_stories(archive.story_groups()?);
    }
    let browse = Browse { query, sort, one_per_story: listing.one_per_story };
    let found = browser.browse(archive, &browse)?;
    if found.entries.is_empty() {
        // Said on stderr, so that a script reading stdout still gets nothing.
        eprintln!("0 clippings match");
        for hint in Query::hints(&typed) {
            eprintln!("hint: {hint}");
        }
    }
    let mut highlighter = Highlighter::new(&browse.query);
    let bold = std::io::stdout().is_terminal();
    for entry in &found.entries {
        // Each entry has its whole record (`Browser::of`); read again should one not.
        let clipping = match entry.clipping() {
            Some(whole) => whole.clone(),
            None => archive.get(entry.id())?,
        };
        let item = ClippingWithTags { clipping, tags: entry.tags().to_vec() };
        if listing.json {
            writeln!(out, "{}", serde_json::to_string(&item)?)?;
            continue;
        }
        let c = &item.clipping;
        let countries = item.tag_list(TagKind::Country);
        let source = if c.source.is_empty() { String::new() } else { format!(" — {}", c.source) };
        let countries = if countries.is_empty() { String::new() } else { format!(" [{countries}]") };
        writeln!(
            out,
            "{:>6}  {:<19}  {:<7}  {}{source}{countries}",
            c.id.to_string(),
            c.date_label(),
            c.kind,
            c.title
        )?;
        if !highlighter.is_empty() {
            let language = crate::vocab::language::language_of(c);
            let snippet =
                [&c.body, &c.caption, &c.notes].into_iter().find_map(|text| highlighter.snippet(text, &language, 100));
            if let Some(snippet) = snippet {
                writeln!(out, "        {}", marked(&snippet, bold))?;
            }
        }
        if let Some(story) = found.reprints.get(&c.id) {
            let others: Vec<String> = story
                .iter()
                .filter(|r| r.id() != c.id)
                .map(|r| if r.outlet().is_empty() { format!("#{}", r.id()) } else { r.outlet().to_owned() })
                .collect();
            writeln!(out, "        also in {}", others.join(", "))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn show(archive: &Archive, out: &mut impl Write, id: ClippingId, json: bool) -> anyhow::Result<ExitCode> {
    let item = archive.get_with_tags(id)?;
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&item)?)?;
    } else {
        write_details(out, archive, &item)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Stories printed by several outlets, among what a query finds (or all): each story's
/// clippings found, earliest first, grouped by the signatures kept at import.
pub(super) fn stories(
    archive: &Archive,
    out: &mut impl Write,
    query: Option<String>,
    saved: Option<String>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    catch_up_index(archive)?;
    let saved = saved.map(|name| archive.saved_search(&name)).transpose()?;
    let query = Query::parse(&saved.map(|s| s.query).or(query).unwrap_or_default());
    let browser = Browser::of(archive, &query)?;
    let found = browser.browse(archive, &Browse { query, sort: Sort::Oldest, ..Browse::default() })?;
    // Each entry has its whole record (`Browser::of`).
    let clippings: Vec<&Clipping> = found.entries.iter().filter_map(|e| e.clipping()).collect();
    let by_id: HashMap<ClippingId, &Clipping> = clippings.iter().map(|c| (c.id, *c)).collect();
    for story in archive.stories_among(&clippings)? {
        let story: Vec<&Clipping> = story.iter().filter_map(|id| by_id.get(id).copied()).collect();
        if json {
            let members: Vec<_> = story
                .iter()
                .map(|c| serde_json::json!({"id": c.id, "title": c.title, "source": c.source, "date": c.date()}))
                .collect();
            writeln!(out, "{}", serde_json::json!({ "clippings": members }))?;
            continue;
        }
        for (i, c) in story.iter().enumerate() {
            let lead = if i == 0 { "" } else { "  also " };
            let source = if c.source.is_empty() { "no outlet" } else { &c.source };
            writeln!(out, "{lead}{:>6}  {}  {}  {}", c.id.to_string(), c.date(), source, c.title)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn saved(archive: &Archive, out: &mut impl Write, action: SavedAction) -> anyhow::Result<ExitCode> {
    match action {
        SavedAction::List { json } => {
            catch_up_index(archive)?;
            let browser = Browser::open(archive)?;
            for saved in archive.saved_searches()? {
                let browse = Browse { query: Query::parse(&saved.query), sort: Sort::Newest, ..Browse::default() };
                let found = browser.browse(archive, &browse)?.entries;
                let n_new = found.iter().filter(|e| e.card.imported_at() > saved.seen_at).count();
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
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn tags(archive: &Archive, out: &mut impl Write, json: bool) -> anyhow::Result<ExitCode> {
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
    Ok(ExitCode::SUCCESS)
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

/// How `stats` prints.
pub(super) enum Format {
    Text,
    Json,
    Csv,
}

pub(super) struct StatsArgs {
    pub query: Option<String>,
    pub saved: Option<String>,
    pub by: crate::archive::coverage::GroupBy,
    pub per: crate::archive::coverage::Per,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    pub format: Format,
}

/// `stats`: what a query finds, counted per period and group, as the window's coverage view
/// counts it.
pub(super) fn stats(archive: &Archive, out: &mut impl Write, args: StatsArgs) -> anyhow::Result<ExitCode> {
    catch_up_index(archive)?;
    let saved = args.saved.map(|name| archive.saved_search(&name)).transpose()?;
    let query = Query::parse(&saved.map(|s| s.query).or(args.query).unwrap_or_default());
    let browser = Browser::of(archive, &query)?;
    let found = browser.browse(archive, &Browse { query, sort: Sort::Oldest, ..Browse::default() })?;
    let coverage = crate::archive::coverage::count(
        found.entries.iter().map(|e| (&e.card, e.tags())),
        args.by,
        args.per,
        args.from,
        args.to,
    );
    match args.format {
        Format::Json => {
            for b in &coverage.buckets {
                writeln!(out, "{}", serde_json::to_string(b)?)?;
            }
        }
        Format::Csv => {
            writeln!(out, "period,group,count")?;
            for b in &coverage.buckets {
                let group = if b.group.contains([',', '"']) {
                    format!("\"{}\"", b.group.replace('"', "\"\""))
                } else {
                    b.group.clone()
                };
                writeln!(out, "{},{group},{}", b.period, b.count)?;
            }
        }
        Format::Text => {
            for b in &coverage.buckets {
                writeln!(out, "{}  {:>6}  {}", b.period, b.count, b.group)?;
            }
            let dated = if coverage.n_dated_by_import > 0 {
                format!(", {} of them dated by the day they were imported", coverage.n_dated_by_import)
            } else {
                String::new()
            };
            let ungrouped = if coverage.n_ungrouped > 0 {
                format!("; {} in no group", coverage.n_ungrouped)
            } else {
                String::new()
            };
            eprintln!("{} counted{dated}{ungrouped}", count(coverage.n_clippings, "clipping", "clippings"));
        }
    }
    Ok(ExitCode::SUCCESS)
}
