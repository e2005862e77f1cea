//! A million clippings, end to end, each step in a process of its own as a user runs it:
//!
//! 1. N (default 1,000,000) text clippings are made from the corpus's Reuters and BBC stories
//!    (each made distinct by a line of its own; short made-up ones without the corpus) in
//!    folders of 1,000, and `clippings import` reads the folder: its rate for each tenth of the
//!    files (the last as fast as the first?) and its resident memory at its peak.
//! 2. The window (headless, the real `ClippingsApp` with its worker) opens the archive: its
//!    first results, its memory; then it is browsed as a person would: the grid scrolled
//!    (frame times), sent to the end; then, with one card a story as the window shows them, a
//!    search typed letter by letter (each keystroke to its results and tag counts), the list
//!    sorted by date and scrolled; its memory after; then every card selected and tagged (each
//!    with the clippings folded into it: all of them), and the tag taken off again by Undo.
//! 3. `clippings check`, `clippings backup`, and an export and a press review of 10,000 of the
//!    million (every 100th).
//!
//! Beside the figures, the goals of issue #33. The search index's indexing rate against
//! SQLite FTS5 is `cargo bench --bench search`.
//!
//!     cargo bench --bench million [-- N [WORK_DIR]]
//!
//! With WORK_DIR, an archive made there by an earlier run (WORK_DIR/archive) is used again.
//! `CLIPPINGS_BIN` names another build of `clippings` to run the command-line steps with.

// A benchmark that cannot set up its inputs has nothing to measure: it stops there.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clippings::archive::edit::Edit;
use clippings::archive::{Tag, TagKind};
use clippings::search::query::Sort;
use clippings::ui::{Action, ClippingsApp, View};

#[path = "common/window.rs"]
mod window;
use window::{frame, percentile, status_kb, walk_size};

/// The command line's program: this build's, or `CLIPPINGS_BIN` (another build to compare).
fn bin() -> PathBuf {
    std::env::var_os("CLIPPINGS_BIN").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_clippings")), PathBuf::from)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    if args.first().map(String::as_str) == Some("--open") {
        open_child(PathBuf::from(args.get(1).expect("an archive folder")));
        return;
    }
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let tmp = tempfile::tempdir().expect("temporary folder");
    let work = args.get(1).map(PathBuf::from).unwrap_or_else(|| tmp.path().to_owned());
    std::fs::create_dir_all(&work).expect("work folder");
    let archive = work.join("archive");
    println!("a million clippings: {n} text clippings, archive in {}", archive.display());

    if archive.join("db").exists() {
        println!("  (the archive made by an earlier run is used again)");
    } else {
        let inbox = work.join("inbox");
        let start = Instant::now();
        let n_texts = window::make_files(&inbox, n);
        println!(
            "  made {n} files from {} in {:.0} s",
            if n_texts == 0 { "made-up texts".to_owned() } else { format!("{n_texts} Reuters and BBC stories") },
            start.elapsed().as_secs_f64()
        );
        import(&archive, &inbox, n);
        let _ = std::fs::remove_dir_all(&inbox);
    }

    let status = Command::new(std::env::current_exe().unwrap())
        .arg("--open")
        .arg(&archive)
        .env("CLIPPINGS_LOG_STARTUP", "1")
        .status()
        .expect("start the opening process");
    assert!(status.success(), "the window's process failed");

    let (took, peak, _) = run_measured(Command::new(bin()).arg("--archive").arg(&archive).arg("check"), |_| {});
    println!("clippings check: {:.0} s (goal <= 300 s), peak resident {peak}", took.as_secs_f64());

    let backup = work.join("backup");
    let _ = std::fs::remove_dir_all(&backup);
    let (took, peak, lines) =
        run_measured(Command::new(bin()).arg("--archive").arg(&archive).arg("backup").arg(&backup), |_| {});
    println!(
        "clippings backup: {:.0} s, {:.0} MB written, peak resident {peak}{}",
        took.as_secs_f64(),
        walk_size(&backup) as f64 / 1e6,
        if lines > 0 { format!(", {lines} lines of progress") } else { String::new() }
    );
    let _ = std::fs::remove_dir_all(&backup);

    // 10,000 of the million: every 100th.
    let step = (n / 10_000).max(1);
    let ids: Vec<String> = (1..=n).step_by(step).map(|i| i.to_string()).collect();
    let ids = ids.join(",");
    let out = work.join("export");
    let _ = std::fs::remove_dir_all(&out);
    let (took, peak, _) = run_measured(
        Command::new(bin()).arg("--archive").arg(&archive).args(["export", "--ids", &ids]).arg(&out),
        |_| {},
    );
    println!("export of {} clippings: {:.1} s, peak resident {peak}", n.div_ceil(step), took.as_secs_f64());
    let _ = std::fs::remove_dir_all(&out);
    let pdf = work.join("review.pdf");
    let (took, peak, _) = run_measured(
        Command::new(bin()).arg("--archive").arg(&archive).args(["review", "--words", "60", "--ids", &ids]).arg(&pdf),
        |_| {},
    );
    println!(
        "press review of {} clippings (PDF, 60 words each): {:.1} s, {:.1} MB, peak resident {peak}",
        n.div_ceil(step),
        took.as_secs_f64(),
        std::fs::metadata(&pdf).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0)
    );
    let _ = std::fs::remove_file(&pdf);
}

/// `clippings import --json` of the folder: the rate of each tenth of the files, as the
/// outcomes are printed, and the process's peak resident memory.
fn import(archive: &Path, inbox: &Path, n: usize) {
    let tenth = (n / 10).max(1);
    let marks: Arc<Mutex<Vec<Instant>>> = Arc::default();
    let start = Instant::now();
    let (took, peak, n_lines) = {
        let marks = Arc::clone(&marks);
        run_measured(
            Command::new(bin()).arg("--archive").arg(archive).args(["import", "--json"]).arg(inbox),
            move |i| {
                if (i + 1) % tenth == 0 {
                    marks.lock().unwrap().push(Instant::now());
                }
            },
        )
    };
    println!(
        "clippings import of {n} files: {:.0} s, {:.0} clippings/s (goal >= 2,000/s), peak resident {peak} \
         (goal < 1,024 MB); {n_lines} outcomes",
        took.as_secs_f64(),
        n as f64 / took.as_secs_f64()
    );
    let marks = marks.lock().unwrap();
    let mut before = start;
    let rates: Vec<String> = marks
        .iter()
        .map(|&t| {
            let rate = tenth as f64 / t.duration_since(before).as_secs_f64().max(1e-9);
            before = t;
            format!("{rate:.0}")
        })
        .collect();
    println!("  clippings/s by tenth of the files: {}", rates.join(", "));
    if let Some(&last) = marks.last() {
        println!(
            "  after the last outcome, to the end (catalog written, closed): {:.1} s",
            (start + took - last).as_secs_f64()
        );
    }
}

/// Runs a command to its end, its stdout read line by line (`each` with the line's number),
/// its peak resident memory sampled from /proc. Returns the time, the peak in MB and the number
/// of lines.
fn run_measured(command: &mut Command, mut each: impl FnMut(usize)) -> (Duration, Peak, usize) {
    let start = Instant::now();
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("start clippings");
    let pid = child.id();
    let (peak_kb, own_kb) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak_kb, own_kb, done) = (Arc::clone(&peak_kb), Arc::clone(&own_kb), Arc::clone(&done));
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                let status = format!("/proc/{pid}/status");
                if let Some(kb) = status_kb(&status, "VmHWM:") {
                    peak_kb.fetch_max(kb, Ordering::Relaxed);
                }
                // The kernel keeps no peak of the process's own memory (not files mapped in):
                // sampled, it may miss a short one.
                if let Some(kb) = status_kb(&status, "RssAnon:") {
                    own_kb.fetch_max(kb, Ordering::Relaxed);
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        })
    };
    let stderr = child.stderr.take().unwrap();
    let errors = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let mut n_lines = 0;
    for line in std::io::BufReader::new(child.stdout.take().unwrap()).lines() {
        if line.is_err() {
            break;
        }
        each(n_lines);
        n_lines += 1;
    }
    let status = child.wait().expect("wait for clippings");
    let took = start.elapsed();
    done.store(true, Ordering::Relaxed);
    sampler.join().unwrap();
    let errors = errors.join().unwrap();
    assert!(status.success(), "{command:?} failed: {status}\n{}", tail(&errors));
    let mb = |kb: &AtomicU64| kb.load(Ordering::Relaxed) as f64 / 1024.0;
    (took, Peak { all: mb(&peak_kb), own: mb(&own_kb) }, n_lines)
}

/// A process's peak resident memory, and the most of its own (heap, stacks) seen, in MB.
#[derive(Clone, Copy)]
struct Peak {
    all: f64,
    own: f64,
}

impl std::fmt::Display for Peak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.0} MB (its own at most {:.0} MB)", self.all, self.own)
    }
}

fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}

/// Resident memory now and at its peak, in MB.
fn resident_mb() -> (f64, f64) {
    (window::own_mb("VmRSS:"), window::own_mb("VmHWM:"))
}

/// Resident memory of the process's own (heap, stacks) and of files mapped in (the search
/// index's pages, which the kernel may drop at any time), in MB.
fn resident_parts_mb() -> (f64, f64) {
    (window::own_mb("RssAnon:"), window::own_mb("RssFile:"))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Frames until the window has nothing to wait for; returns how long that took.
fn wait_ready(ctx: &egui::Context, app: &mut ClippingsApp) -> Duration {
    let start = Instant::now();
    loop {
        frame(ctx, app, Vec::new());
        if app.is_idle() && app.state().large_edit.is_none() {
            return start.elapsed();
        }
        std::thread::sleep(Duration::from_millis(1));
        assert!(start.elapsed() < Duration::from_secs(900), "the window did not finish");
    }
}

/// Wheel steps down then up, one a frame: new rows come into view every frame.
fn scroll(ctx: &egui::Context, app: &mut ClippingsApp, frames: usize) -> Vec<Duration> {
    let mut times = Vec::with_capacity(frames);
    for i in 0..frames {
        times.push(frame(ctx, app, window::wheel(if i < frames / 2 { -600.0 } else { 600.0 })));
    }
    times
}

fn report_frames(what: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "  {what}: {} frames, median {:.2} ms, p99 {:.2} ms (goal <= 8 ms), max {:.2} ms",
        times.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(times.last().copied().unwrap_or_default())
    );
}

/// The window's process: opens the archive, is browsed, tags everything and takes it back.
fn open_child(dir: PathBuf) {
    let window::Opened { ctx, mut app, first_frame, first_results: (first, n_first), all } = window::open(dir);
    let (rss, _) = resident_mb();
    let (anon, file) = resident_parts_mb();
    println!(
        "the window on {} clippings (a process of its own): first frame after {:.0} ms, first {n_first} results \
         after {:.0} ms (goal <= 500 ms), all {} after {:.1} s; resident {rss:.0} MB ({anon:.0} MB its own, {file:.0} MB files mapped in)",
        app.state().n_total,
        ms(first_frame),
        ms(first),
        app.n_results(),
        all.as_secs_f64()
    );

    // Browsing: the grid scrolled, sent to its end and scrolled there.
    app.apply(&ctx, Action::SetView(View::Grid));
    let mut frames = scroll(&ctx, &mut app, 300);
    app.apply(&ctx, Action::Move { dx: 0, dy: isize::MAX / 2 });
    frames.push(frame(&ctx, &mut app, Vec::new()));
    frames.extend(scroll(&ctx, &mut app, 300));
    report_frames("the grid scrolled, at the top and at the end", frames);

    // The reprints, found on a thread of their own: the search below is typed once they are
    // shown, as they are for the rest of a working day.
    let start = Instant::now();
    while app.state().reprints.is_empty() && start.elapsed() < Duration::from_secs(300) {
        frame(&ctx, &mut app, Vec::new());
        std::thread::sleep(Duration::from_millis(5));
    }
    println!(
        "  reprints shown {:.1} s after the scrolling{}",
        start.elapsed().as_secs_f64(),
        if app.state().reprints.is_empty() { " (none found)" } else { "" }
    );

    // From here on, one card a story, as the window shows them unless asked otherwise.
    let start = Instant::now();
    app.apply(&ctx, Action::SetCollapseReprints(true));
    let folded = wait_ready(&ctx, &mut app);
    println!(
        "  one card a story: {} cards of {} clippings in {:.0} ms",
        app.n_results(),
        app.state().n_total - app.state().n_trashed,
        ms(folded.max(start.elapsed()))
    );

    // A search typed letter by letter: each keystroke to its results and tag counts drawn.
    let mut keystrokes = Vec::new();
    let mut with_texts = Vec::new();
    let mut typed = Vec::new();
    let mut hits = Vec::new();
    for words in ["pipeline", "oil price", "минист", "trade talks"] {
        for end in words.char_indices().map(|(i, c)| i + c.len_utf8()) {
            // Only its address: holding the old results would keep them from being let go of
            // meanwhile, as they are in the window (an address used again only makes this wait
            // for the texts too).
            let before = Arc::as_ptr(&app.state().results);
            app.apply(&ctx, Action::SetSearch(words[..end].to_owned()));
            let start = Instant::now();
            // Shown: the results (with their tag counts) taken; then the first results' whole
            // texts, for their snippets, follow.
            while std::ptr::eq(before, Arc::as_ptr(&app.state().results)) && !app.is_idle() {
                frame(&ctx, &mut app, Vec::new());
                std::thread::sleep(Duration::from_millis(1));
                assert!(start.elapsed() < Duration::from_secs(900), "the window did not answer");
            }
            let shown = start.elapsed();
            wait_ready(&ctx, &mut app);
            keystrokes.push(shown);
            with_texts.push(start.elapsed());
            typed.push((shown, &words[..end]));
        }
        hits.push(format!("\"{words}\" {}", app.n_results()));
    }
    let n_keys = keystrokes.len();
    keystrokes.sort();
    with_texts.sort();
    typed.sort_by_key(|t| std::cmp::Reverse(t.0));
    let slowest: Vec<String> =
        typed.iter().take(4).map(|(took, text)| format!("\"{text}\" {:.0} ms", ms(*took))).collect();
    println!(
        "  a search typed letter by letter ({n_keys} keystrokes: {}): to results and tag counts, median {:.0} ms, \
         p95 {:.0} ms (goal <= 50 ms), max {:.0} ms; slowest {}",
        hits.join(", "),
        ms(percentile(&keystrokes, 0.5)),
        ms(percentile(&keystrokes, 0.95)),
        ms(keystrokes.last().copied().unwrap_or_default()),
        slowest.join(", ")
    );
    println!(
        "  the same with the first results' whole texts (for their snippets), read after the results are shown: \
         median {:.0} ms, p95 {:.0} ms, max {:.0} ms",
        ms(percentile(&with_texts, 0.5)),
        ms(percentile(&with_texts, 0.95)),
        ms(with_texts.last().copied().unwrap_or_default())
    );
    app.apply(&ctx, Action::SetSearch(String::new()));
    wait_ready(&ctx, &mut app);

    // The list, sorted by date (oldest first, then newest first), scrolled.
    app.apply(&ctx, Action::SetView(View::List));
    let mut sorted = Vec::new();
    for sort in [Sort::Oldest, Sort::Newest] {
        app.apply(&ctx, Action::SetOrder(sort));
        sorted.push(wait_ready(&ctx, &mut app));
    }
    report_frames("the list sorted by date and scrolled", scroll(&ctx, &mut app, 300));
    println!("  sorted by date: oldest first in {:.0} ms, newest first in {:.0} ms", ms(sorted[0]), ms(sorted[1]));
    let (rss, peak) = resident_mb();
    let (anon, file) = resident_parts_mb();
    println!(
        "  after browsing, at once: resident {rss:.0} MB ({anon:.0} MB its own, {file:.0} MB files mapped in), peak \
         {peak:.0} MB"
    );
    // What the window holds once it has nothing to do, as a person looks at it: the memory
    // its work freed is given back when the worker has been idle a moment.
    wait_ready(&ctx, &mut app);
    std::thread::sleep(Duration::from_secs(1));
    let (rss, _) = resident_mb();
    let (anon, file) = resident_parts_mb();
    println!(
        "  after browsing, the window idle for a second: resident {rss:.0} MB (goal <= 500 MB; {anon:.0} MB its own, \
         {file:.0} MB files mapped in)"
    );

    // Select all, then tag: the edit, then its undo, each to the end of its work.
    app.apply(&ctx, Action::SetView(View::Grid));
    app.apply(&ctx, Action::SelectAll);
    // What the bulk pane's tag goes to: each card selected, and the clippings folded into it.
    let n_cards = app.state().selection.len();
    let ids: Vec<_> = app.state().selected_ids();
    let n_ids = ids.len();
    // A topic no clipping has yet, whatever an earlier run left.
    let name =
        format!("Million {}", std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs());
    let tag = Tag { kind: TagKind::Topic, value: name.to_lowercase(), name, date: None, names: Default::default() };
    let value = tag.value.clone();
    let start = Instant::now();
    app.apply(&ctx, Action::Edit(Edit::AddTag { tag, ids }));
    let (stored, searchable, frames) = edit_until(&ctx, &mut app, start, |n| n > 0, &value);
    let told: Vec<String> = app.state().toasts.iter().map(|t| t.message.clone()).collect();
    let n_tagged = count_tag(&app, &value);
    for message in &told {
        println!("  told: {message}");
    }
    report_frames("frames while tagging", frames);
    println!(
        "  select all ({n_cards} cards, {n_ids} clippings) then tag: stored in {:.1} s, found by a search after {:.1} s (goal <= 60 s), \
         {n_tagged} tagged; resident {:.0} MB",
        stored.as_secs_f64(),
        searchable.as_secs_f64(),
        resident_mb().0
    );
    let start = Instant::now();
    app.apply(&ctx, Action::Undo);
    let (stored, searchable, _) = edit_until(&ctx, &mut app, start, |n| n == 0, &value);
    println!(
        "  undo: stored in {:.1} s, found by a search after {:.1} s, {} left tagged; resident {:.0} MB",
        stored.as_secs_f64(),
        searchable.as_secs_f64(),
        count_tag(&app, &value),
        resident_mb().0
    );
    let (rss, peak) = resident_mb();
    println!("  at the end: resident {rss:.0} MB, peak {peak:.0} MB");
    // And once the window has had nothing to do for a few seconds, as after a working day's
    // large edit.
    wait_ready(&ctx, &mut app);
    std::thread::sleep(Duration::from_secs(3));
    let (rss, _) = resident_mb();
    let (anon, file) = resident_parts_mb();
    println!(
        "  at the end, the window idle for three seconds: resident {rss:.0} MB ({anon:.0} MB its own, {file:.0} MB \
         files mapped in)"
    );
    // As the window's process does once closed: the catalog file the last edits asked for is
    // written, so that the next run opens from it.
    drop(app);
    clippings::ui::worker::wait_for_writers();
}

/// Draws frames while an edit runs: returns when it was stored (the window idle again and the
/// edit's toast shown, which offers its undo), when the search index had it too (`counted`
/// holds of the sidebar's count of the topic, and nothing is left to index), and the frames'
/// times.
fn edit_until(
    ctx: &egui::Context,
    app: &mut ClippingsApp,
    start: Instant,
    counted: impl Fn(usize) -> bool,
    value: &str,
) -> (Duration, Duration, Vec<Duration>) {
    let mut frames = Vec::new();
    let mut stored = None;
    let before: Vec<String> = app.state().toasts.iter().map(|t| t.message.clone()).collect();
    // Once shown, as a toast goes away on its own after a while.
    let mut told = false;
    loop {
        frames.push(frame(ctx, app, Vec::new()));
        told |= app.state().toasts.iter().any(|t| !before.contains(&t.message));
        let idle = app.is_idle() && app.state().large_edit.is_none() && told;
        if idle && stored.is_none() {
            stored = Some(start.elapsed());
        }
        let failed = app.state().toasts.iter().any(|t| t.is_error);
        if idle && (failed || app.state().indexing.is_none() && counted(count_tag(app, value))) {
            return (stored.unwrap_or_default(), start.elapsed(), frames);
        }
        std::thread::sleep(Duration::from_millis(5));
        assert!(start.elapsed() < Duration::from_secs(1800), "the edit did not end");
    }
}

/// How many clippings the sidebar counts with this topic.
fn count_tag(app: &ClippingsApp, value: &str) -> usize {
    app.state()
        .tag_counts
        .iter()
        .find(|t| t.tag.kind == TagKind::Topic && t.tag.value == value)
        .map_or(0, |t| t.n_clippings)
}
