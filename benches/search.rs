//! Full-text search at 100,000 articles: the archive's Tantivy index against SQLite FTS5 on the
//! same texts, in the same run.
//!
//! The articles come from ../shared/corpus (Reuters-21578, BBC News, WMT news in Russian and
//! French, CoNLL-2002 Dutch), repeated with new ids until there are 100,000 (or the count given
//! as the first argument). Both engines index them (FTS5 with `unicode61 remove_diacritics 2`),
//! then answer the same 52 queries as a person types them: single words, prefixes of one to four
//! letters, two-word ANDs, phrases, a country filter with a word, Cyrillic words. Each answer is
//! the whole ranked result list, as the window shows it. Printed: indexing rate, latency per
//! query class (p50, p95, max) for both, and the ratios.
//!
//! `cargo bench --bench search [N_ARTICLES] [CORPUS_DIR]`
// A benchmark's set-up may panic: a failed set-up is a failed run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use clippings::archive::catalog::{Catalog, Entry, tag_counts};
use clippings::archive::language::detect_language;
use clippings::archive::{Clipping, ClippingId, Tag, TagKind, tags};
use clippings::search::highlight::Highlighter;
use clippings::search::query::{Query, Sort};
use clippings::search::{BulkPace, SearchIndex};

/// One text of the corpus, before it is repeated.
struct Article {
    title: String,
    body: String,
    language: String,
    countries: Vec<Tag>,
}

fn read_lossy(path: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
}

/// Title is the first non-empty line, the body the rest.
fn split_title(text: &str) -> (String, String) {
    let text = text.trim_start();
    let (title, body) = text.split_once('\n').unwrap_or((text, ""));
    (title.trim().to_owned(), body.trim().to_owned())
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walk(dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() { out.extend(walk(&path)) } else { out.push(path) }
    }
    out
}

fn load_corpus(corpus: &Path) -> Vec<Article> {
    let mut articles = Vec::new();
    // Reuters: country labels from its metadata become country tags.
    let mut places: HashMap<String, Vec<String>> = HashMap::new();
    for line in read_lossy(&corpus.join("reuters21578/metadata.jsonl")).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = v["file"].as_str().unwrap_or_default().to_owned();
        let labels = v["places"].as_array().map(|a| a.iter().filter_map(|p| p.as_str().map(str::to_owned)).collect());
        places.insert(file, labels.unwrap_or_default());
    }
    for path in files_in(&corpus.join("reuters21578/txt")) {
        let (title, body) = split_title(&read_lossy(&path));
        let key = format!("txt/{}", path.file_name().unwrap().to_string_lossy());
        // Reuters names some places twice (00759.txt names "uk" twice); a clipping carries a tag once.
        let mut countries: Vec<Tag> = Vec::new();
        for tag in places
            .get(&key)
            .into_iter()
            .flatten()
            .filter_map(|p| tags::resolve(TagKind::Country, &p.replace('-', " ")).ok())
        {
            if !countries.iter().any(|t| t.value == tag.value) {
                countries.push(tag);
            }
        }
        articles.push(Article { title, body, language: "en".into(), countries });
    }
    for (dir, language) in [
        ("bbc-news/bbc", "en"),
        ("wmt-news-docs/txt/ru", "ru"),
        ("wmt-news-docs/txt/fr", "fr"),
        ("conll2002-nl/txt", "nl"),
    ] {
        for path in files_in(&corpus.join(dir)) {
            let (title, body) = split_title(&read_lossy(&path));
            articles.push(Article { title, body, language: language.into(), countries: Vec::new() });
        }
    }
    articles
}

/// The same queries for both engines: ours as typed in the search box, FTS5's in its syntax.
fn queries() -> Vec<(&'static str, String, String)> {
    let mut q: Vec<(&'static str, String, String)> = Vec::new();
    for w in ["oil", "bank", "government", "market", "minister", "football", "election", "trade", "prices", "europe"] {
        q.push(("word", format!("{w} "), format!("{{title body}} : {w}")));
    }
    for w in ["kaza", "mini", "gove", "elec"] {
        for n in 1..=4 {
            let p = &w[..n];
            q.push(("prefix 1-4", p.to_owned(), format!("{{title body}} : {p}*")));
        }
    }
    for (a, b) in [
        ("oil", "prices"),
        ("central", "bank"),
        ("trade", "deficit"),
        ("interest", "rates"),
        ("prime", "minister"),
        ("world", "cup"),
        ("stock", "market"),
        ("mobile", "phone"),
    ] {
        q.push(("two words", format!("{a} {b} "), format!("{{title body}} : ({a} AND {b})")));
    }
    for p in ["central bank", "prime minister", "interest rates", "oil prices", "trade surplus", "world cup"] {
        q.push(("phrase", format!("\"{p}\""), format!("{{title body}} : \"{p}\"")));
    }
    for (code, w) in
        [("US", "oil"), ("GB", "bank"), ("JP", "trade"), ("AU", "wheat"), ("FR", "minister"), ("CA", "wheat")]
    {
        let tag = format!("c{}", code.to_lowercase());
        q.push(("country + word", format!("country:{code} {w} "), format!("tags : {tag} AND {{title body}} : {w}")));
    }
    for w in ["россии ", "президент ", "москва ", "правительство ", "росс", "путин "]
    {
        let fts = if w.ends_with(' ') { w.trim().to_owned() } else { format!("{w}*") };
        q.push(("cyrillic", w.to_owned(), format!("{{title body}} : {fts}")));
    }
    q
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

const RUNS_PER_QUERY: usize = 5;

/// One row of the latency table: ours, FTS5's, and how many times faster ours is at p95.
fn print_row(label: &str, ours: &mut [Duration], fts: &mut [Duration], tail: &str) {
    ours.sort();
    fts.sort();
    let figures = |d: &[Duration]| {
        format!("{:>8.2} {:>8.2} {:>8.2}", ms(percentile(d, 0.5)), ms(percentile(d, 0.95)), ms(*d.last().unwrap()))
    };
    let ratio = ms(percentile(fts, 0.95)) / ms(percentile(ours, 0.95));
    println!("{label:<16} {} | {} | {ratio:>6.1}x{tail}", figures(ours), figures(fts));
}

/// The latencies of one class of queries, and the hits of its last run of each query.
struct ClassTimes {
    class: &'static str,
    ours: Vec<Duration>,
    fts: Vec<Duration>,
    n_ours: usize,
    n_fts: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let n_articles: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let corpus = PathBuf::from(args.get(1).cloned().unwrap_or_else(|| "../shared/corpus".into()));
    if !corpus.join("reuters21578").is_dir() {
        println!("search bench: no corpus at {} (pass its path as the second argument)", corpus.display());
        return;
    }
    let originals = load_corpus(&corpus);
    println!("{} texts in the corpus, repeated to {n_articles} articles", originals.len());
    // Every repetition is a new clipping with its own id and date, as a busy archive has them.
    let first_day = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let clippings: Vec<(Clipping, Vec<Tag>)> = (0..n_articles)
        .map(|i| {
            let a = &originals[i % originals.len()];
            let clipping = Clipping {
                id: ClippingId(i as u64 + 1),
                title: a.title.clone(),
                body: a.body.clone(),
                language: a.language.clone(),
                published: first_day.checked_add_days(chrono::Days::new((i * 7 % 4000) as u64)),
                ..Clipping::default()
            };
            (clipping, a.countries.clone())
        })
        .collect();
    let n_bytes: usize = clippings.iter().map(|(c, _)| c.title.len() + c.body.len()).sum();
    println!("{:.0} MB of text", n_bytes as f64 / 1e6);
    let detected = Instant::now();
    let sample: Vec<String> = originals.iter().take(2000).map(|a| detect_language(&a.body)).collect();
    println!(
        "language detection: {:.0} µs per article ({} of 2000 Reuters read as English)",
        detected.elapsed().as_secs_f64() * 1e6 / 2000.0,
        sample.iter().filter(|l| *l == "en").count()
    );

    let tmp = tempfile::tempdir().unwrap();
    // Tantivy, as the archive catches up or rebuilds its index: 2,000 at a time, committed
    // at a catch-up's pace (every second for its first five, less often after).
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let (index, _) = SearchIndex::open(&tmp.path().join("index")).unwrap();
    let mut n_commits = 0;
    let pace = BulkPace::default();
    for batch in clippings.chunks(2000) {
        let records: Vec<_> = batch.iter().map(|(c, t)| (c.id, Some((c.clone(), t.clone())))).collect();
        n_commits += usize::from(index.write_in_bulk(&records, &pace).unwrap());
    }
    index.commit().unwrap();
    n_commits += 1;
    let tantivy_index_s = started.elapsed().as_secs_f64();
    let tantivy_cpu_s = cpu_seconds().zip(cpu_before).map(|(after, before)| after - before);
    assert_eq!(index.n_docs(), n_articles as u64);
    let segments_committed = n_segments(&tmp.path().join("index"));
    // The merges its commits started, finished: the whole of the indexing's work. Searches
    // below go on with what the last commit showed.
    index.close();
    let tantivy_merged_s = started.elapsed().as_secs_f64();
    let tantivy_merged_cpu_s = cpu_seconds().zip(cpu_before).map(|(after, before)| after - before);
    // How many segments there were at the last commit and after the merges: runs of this
    // bench differ in how many commits they make (three or four) and so in what is merged,
    // and their figures are told apart by it.
    println!(
        "indexing with its merges finished: tantivy {:.0} docs/s ({tantivy_merged_s:.1} s), {:.0} µs CPU per doc; \
         {segments_committed} segments at the last commit, {} after its merges",
        n_articles as f64 / tantivy_merged_s,
        tantivy_merged_cpu_s.unwrap_or(0.0) * 1e6 / n_articles as f64,
        n_segments(&tmp.path().join("index"))
    );

    // FTS5 in one transaction, its fastest way in; then again with prefix indexes of one to
    // three letters, the work our `short_prefixes` field does, in a database of its own.
    let (db, fts_index_s, fts_cpu_s) = fts5_indexed(&tmp.path().join("fts.sqlite"), &clippings, "");
    let (_, fts_prefix_s, fts_prefix_cpu_s) =
        fts5_indexed(&tmp.path().join("fts-prefix.sqlite"), &clippings, ", prefix = '1 2 3'");
    println!(
        "indexing: tantivy {:.0} docs/s ({tantivy_index_s:.1} s, {n_commits} commits), fts5 {:.0} docs/s ({fts_index_s:.1} s), fts5 with \
         prefixes of 1-3 letters {:.0} docs/s ({fts_prefix_s:.1} s)",
        n_articles as f64 / tantivy_index_s,
        n_articles as f64 / fts_index_s,
        n_articles as f64 / fts_prefix_s
    );
    // Wall time swings with whatever else the machine runs; CPU time per document less so.
    // Tantivy's merges that go on after its last commit are counted apart, above.
    if let (Some(tantivy), Some(fts), Some(fts_prefix)) = (tantivy_cpu_s, fts_cpu_s, fts_prefix_cpu_s) {
        let per_doc = |s: f64| s * 1e6 / n_articles as f64;
        println!(
            "indexing CPU: tantivy {:.0} µs per doc (all its threads), fts5 {:.0} µs per doc; ratio {:.2}; fts5 with \
             prefixes {:.0} µs per doc; ratio {:.2}",
            per_doc(tantivy),
            per_doc(fts),
            tantivy / fts,
            per_doc(fts_prefix),
            tantivy / fts_prefix
        );
    }

    let mut statement = db.prepare("SELECT rowid FROM fts WHERE fts MATCH ?1 ORDER BY rank").unwrap();
    let mut by_class: Vec<ClassTimes> = Vec::new();
    for (class, ours, fts) in queries() {
        let mut n_ours = 0;
        let mut n_fts = 0;
        let mut t_ours = Vec::new();
        let mut t_fts = Vec::new();
        for _ in 0..RUNS_PER_QUERY {
            let started = Instant::now();
            // As the search box does it: parse what was typed, then search.
            let ids = index.search(&Query::parse(&ours), Sort::Relevance).unwrap();
            t_ours.push(started.elapsed());
            n_ours = ids.len();
            let started = Instant::now();
            let ids: Vec<i64> = statement.query_map([&fts], |row| row.get(0)).unwrap().map(Result::unwrap).collect();
            t_fts.push(started.elapsed());
            n_fts = ids.len();
        }
        if std::env::var_os("BENCH_VERBOSE").is_some() {
            t_ours.sort();
            println!("{ours:?}: {n_ours} hits, median {:.2} ms (fts {n_fts} hits)", ms(t_ours[RUNS_PER_QUERY / 2]));
        }
        match by_class.iter_mut().find(|c| c.class == class) {
            Some(entry) => {
                entry.ours.extend(t_ours);
                entry.fts.extend(t_fts);
                entry.n_ours += n_ours;
                entry.n_fts += n_fts;
            }
            None => by_class.push(ClassTimes { class, ours: t_ours, fts: t_fts, n_ours, n_fts }),
        }
    }
    println!(
        "\n{} queries, each run {RUNS_PER_QUERY} times; latency in ms, whole ranked result lists",
        queries().len()
    );
    println!(
        "{:<16} {:>8} {:>8} {:>8} | {:>8} {:>8} {:>8} | {:>7} | {:>9} {:>9}",
        "class", "p50", "p95", "max", "fts p50", "fts p95", "fts max", "fts/ours", "hits", "fts hits"
    );
    let mut all_ours = Vec::new();
    let mut all_fts = Vec::new();
    for ClassTimes { class, mut ours, mut fts, n_ours, n_fts } in by_class {
        print_row(class, &mut ours, &mut fts, &format!(" | {n_ours:>9} {n_fts:>9}"));
        all_ours.extend(ours);
        all_fts.extend(fts);
    }
    print_row("all", &mut all_ours, &mut all_fts, "");

    // What the window's worker does per keystroke on top: the hits become catalog entries and
    // the sidebar's tag counts are made from them.
    let catalog = Catalog::from_entries(clippings.iter().map(|(c, t)| Entry::new(c.clone(), t.clone())).collect());
    let mut window = Vec::new();
    for (_, ours, _) in queries() {
        for _ in 0..RUNS_PER_QUERY {
            let started = Instant::now();
            let found = index.search_with_tag_counts(&Query::parse(&ours), Sort::Relevance).unwrap();
            let t1 = Instant::now();
            let entries = catalog.entries_of(&found.ids, Sort::Relevance);
            let t2 = Instant::now();
            let counts = catalog.tag_counts_of(&found.tag_counts);
            window.push(started.elapsed());
            if std::env::var_os("BENCH_VERBOSE").is_some() && found.ids.len() > 50_000 {
                println!("{ours:?} search {:?} entries {:?} counts {:?}", t1 - started, t2 - t1, t2.elapsed());
            }
            assert_eq!(entries.len(), found.ids.len());
            // The index's counts are the entries' own.
            assert_eq!(counts, tag_counts(&entries), "{ours:?}");
        }
    }
    window.sort();
    println!(
        "\nas the window's worker answers a keystroke (search, entries, tag counts): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        ms(percentile(&window, 0.5)),
        ms(percentile(&window, 0.95)),
        ms(*window.last().unwrap())
    );

    // What the window's UI thread does when results arrive: a passage for each row on screen.
    let by_id: HashMap<ClippingId, &Clipping> = clippings.iter().map(|(c, _)| (c.id, c)).collect();
    let mut screenful = Vec::new();
    for (_, ours, _) in queries() {
        let query = Query::parse(&ours);
        let ids = index.search(&query, Sort::Relevance).unwrap();
        let started = Instant::now();
        let mut highlighter = Highlighter::new(&query);
        for id in ids.iter().take(30) {
            let c = by_id[id];
            let _ = highlighter.snippet(&c.body, &c.language, 160);
        }
        screenful.push(started.elapsed());
    }
    screenful.sort();
    println!(
        "snippets for a screenful of 30 rows (UI thread): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        ms(percentile(&screenful, 0.5)),
        ms(percentile(&screenful, 0.95)),
        ms(*screenful.last().unwrap())
    );
}

/// How many segments the index in `dir` has, as its last commit lists them.
fn n_segments(dir: &Path) -> usize {
    let meta: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("meta.json")).unwrap()).unwrap();
    meta["segments"].as_array().map_or(0, Vec::len)
}

/// The articles indexed by FTS5 in a new database at `path`, in one transaction (its fastest
/// way in), with `options` after the tokenizer's: the database, the seconds and CPU seconds.
fn fts5_indexed(
    path: &Path,
    clippings: &[(Clipping, Vec<Tag>)],
    options: &str,
) -> (rusqlite::Connection, f64, Option<f64>) {
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let db = rusqlite::Connection::open(path).unwrap();
    db.execute_batch(&format!(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
         CREATE VIRTUAL TABLE fts USING fts5(title, body, tags, tokenize = 'unicode61 remove_diacritics 2'{options});"
    ))
    .unwrap();
    {
        let tx = db.unchecked_transaction().unwrap();
        let mut insert = tx.prepare("INSERT INTO fts(rowid, title, body, tags) VALUES (?1, ?2, ?3, ?4)").unwrap();
        for (c, t) in clippings {
            let tags: Vec<String> = t.iter().map(|t| format!("c{}", t.value.to_lowercase())).collect();
            insert.execute(rusqlite::params![c.id.0 as i64, c.title, c.body, tags.join(" ")]).unwrap();
        }
        drop(insert);
        tx.commit().unwrap();
    }
    let cpu = cpu_seconds().zip(cpu_before).map(|(after, before)| after - before);
    (db, started.elapsed().as_secs_f64(), cpu)
}

/// The process's CPU time so far (user and system, all threads), in seconds; Linux only.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    let ticks = |i: usize| fields.get(i)?.parse::<f64>().ok().map(|t| t / 100.0);
    Some(ticks(11)? + ticks(12)?)
}
