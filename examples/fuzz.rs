//! A mutation fuzzer for every reader of the import and for the query language, on the stable
//! toolchain (no libFuzzer): inputs from `../shared/corpus` (and a few office files it makes),
//! mutated (bits flipped, bytes inserted, deleted, repeated, spliced from another input,
//! truncated), each read as the import reads it. A crash ends the process (and the run); a
//! decoder panic that the import caught is counted and saved (the file gets "the decoder
//! crashed" in its report, the import goes on); an input slower than the time budget is a
//! finding; one that hangs past the watchdog ends the run. Findings are written to
//! `fuzz-findings/` for reproduction.
//!
//!     cargo run --release --example fuzz -- ../shared/corpus [--seconds 60] [--seed 1]

// A fuzzer that cannot read its seeds has nothing to do: it stops there.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clippings::import::{ImportError, read_without_storing};
use clippings::search::query::Query;

/// An input slower than this is a finding.
const BUDGET: Duration = Duration::from_secs(5);
/// An input still running after this ends the run (a hang).
const WATCHDOG: Duration = Duration::from_secs(60);
/// Inputs larger than this are cut: the fuzzer looks for bugs, not for slow large files.
const MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;

/// An input: the name that picks its reader, and its bytes.
type Input = (String, Vec<u8>);

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// The seeds: (name with the extension that picks the reader, bytes).
fn seeds(corpus: &Path) -> Vec<Input> {
    let wanted = ["html", "htm", "txt", "md", "pdf", "jpg", "jpeg", "png", "webp", "gif", "tif", "tiff", "bmp", "xmp"];
    let mut out = Vec::new();
    let mut per_folder: std::collections::HashMap<PathBuf, usize> = std::collections::HashMap::new();
    for entry in walkdir::WalkDir::new(corpus).into_iter().filter_map(Result::ok).filter(|e| e.file_type().is_file()) {
        let path = entry.path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()).map(str::to_lowercase) else { continue };
        if !wanted.contains(&ext.as_str()) {
            continue;
        }
        // At most 60 seeds from one folder: the 14,000 Reuters stories are all alike.
        let n = per_folder.entry(path.parent().unwrap_or(corpus).to_path_buf()).or_default();
        *n += 1;
        if *n > 60 {
            continue;
        }
        let Ok(mut bytes) = std::fs::read(path) else { continue };
        bytes.truncate(MAX_INPUT_BYTES);
        // A sidecar is read with a photo: fuzz it as the XMP inside a JPEG would be, as text.
        let ext = if ext == "xmp" { "txt".to_owned() } else { ext };
        out.push((format!("seed.{ext}"), bytes));
    }
    out.extend(office_seeds());
    out
}

/// A .docx and an .odt, made here: the corpus has none.
fn office_seeds() -> Vec<Input> {
    let zip_of = |parts: &[(&str, &str)]| -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, text) in parts {
            writer.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            writer.write_all(text.as_bytes()).unwrap();
        }
        writer.finish().unwrap().into_inner()
    };
    let docx = zip_of(&[
        (
            "word/document.xml",
            "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Brussels talks</w:t></w:r></w:p><w:p><w:r><w:t>Kazakhstan &amp; Benelux</w:t></w:r></w:p></w:body></w:document>",
        ),
        (
            "docProps/core.xml",
            "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\"><dc:title>Talks</dc:title><dc:creator>A. Author</dc:creator></cp:coreProperties>",
        ),
    ]);
    let odt = zip_of(&[
        (
            "content.xml",
            "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\"><office:body><text:p>Астана форумы</text:p></office:body></office:document-content>",
        ),
        (
            "meta.xml",
            "<office:document-meta xmlns:office=\"o\" xmlns:dc=\"d\"><office:meta><dc:title>Форум</dc:title></office:meta></office:document-meta>",
        ),
    ]);
    vec![("seed.docx".to_owned(), docx), ("seed.odt".to_owned(), odt)]
}

fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(8) {
        let len = out.len();
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(len + 1);
                let b = [0u8, 0xFF, b'<', b'>', b'"', b'\n', 0x7F, 0x80][rng.below(8)];
                out.insert(i, b);
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(64));
                out.drain(i..i + n);
            }
            3 if len > 0 => {
                // Repeat a chunk: deep nesting, long runs.
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(32));
                let chunk = out[i..i + n].to_vec();
                for _ in 0..1 + rng.below(200) {
                    out.splice(i..i, chunk.iter().copied());
                }
            }
            4 if !other.is_empty() => {
                let i = rng.below(len + 1);
                let j = rng.below(other.len());
                let n = 1 + rng.below((other.len() - j).min(256));
                out.splice(i..i, other[j..j + n].iter().copied());
            }
            5 if len > 0 => out.truncate(rng.below(len)),
            _ if len > 0 => {
                // A number made interesting: lengths and counts in headers.
                let i = rng.below(len);
                out[i] = [0u8, 1, 0x7F, 0xFF, b'9'][rng.below(5)];
            }
            _ => {}
        }
        out.truncate(MAX_INPUT_BYTES);
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let corpus = args.next().map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared/corpus"));
    let mut seconds = 60u64;
    let mut seed = 1u64;
    while let Some(flag) = args.next() {
        let value = args.next().and_then(|v| v.parse().ok());
        match (flag.as_str(), value) {
            ("--seconds", Some(v)) => seconds = v,
            ("--seed", Some(v)) => seed = v,
            _ => panic!("usage: fuzz CORPUS [--seconds N] [--seed N]"),
        }
    }
    if !corpus.is_dir() {
        println!("fuzz skipped: no corpus at {}", corpus.display());
        return;
    }
    let seeds = seeds(&corpus);
    println!("fuzz: {} seeds from {}, {seconds} s, seed {seed}", seeds.len(), corpus.display());
    let findings = PathBuf::from("fuzz-findings");

    // The watchdog: an input that runs past WATCHDOG is a hang; it is saved and the run ends.
    let current: Arc<Mutex<Option<Input>>> = Arc::new(Mutex::new(None));
    let started_input = Arc::new(AtomicU64::new(u64::MAX));
    let clock = Instant::now();
    {
        let (current, started_input, findings) = (Arc::clone(&current), Arc::clone(&started_input), findings.clone());
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_secs(1));
                let since = started_input.load(Ordering::Relaxed);
                if since != u64::MAX && clock.elapsed().as_millis() as u64 - since > WATCHDOG.as_millis() as u64 {
                    if let Some((name, bytes)) = current.lock().unwrap().clone() {
                        std::fs::create_dir_all(&findings).unwrap();
                        std::fs::write(findings.join(format!("hang-{name}")), bytes).unwrap();
                        println!("HANG: {name} ran over {} s; saved in {}", WATCHDOG.as_secs(), findings.display());
                    }
                    std::process::exit(1);
                }
            }
        });
    }

    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut crashes, mut slow, mut ok, mut refused) = (0u64, 0u64, 0u64, 0u64, 0u64);
    let mut slowest = Duration::ZERO;
    let query_words =
        ["date:..", "imported:last-999999999999-days", "country:", "\"", "OR", "-", "kaz", "北京", "lang:"];
    while Instant::now() < deadline {
        let (name, input) = &seeds[rng.below(seeds.len())];
        let (_, other) = &seeds[rng.below(seeds.len())];
        let bytes = mutate(&mut rng, input, other);
        *current.lock().unwrap() = Some((name.clone(), bytes.clone()));
        started_input.store(clock.elapsed().as_millis() as u64, Ordering::Relaxed);
        let t = Instant::now();
        let result = read_without_storing(name, bytes.clone());
        let took = t.elapsed();
        // Queries too: bytes read as a query string, with words that once broke the parser.
        let query = format!("{} {}", String::from_utf8_lossy(&bytes[..bytes.len().min(64)]), query_words[rng.below(9)]);
        let _ = Query::parse(&query);
        started_input.store(u64::MAX, Ordering::Relaxed);
        runs += 1;
        slowest = slowest.max(took);
        match result {
            Ok(_) => ok += 1,
            Err(ImportError::DecoderPanic) => {
                crashes += 1;
                std::fs::create_dir_all(&findings).unwrap();
                std::fs::write(findings.join(format!("crash-{runs}-{name}")), &bytes).unwrap();
            }
            Err(_) => refused += 1,
        }
        if took > BUDGET {
            slow += 1;
            std::fs::create_dir_all(&findings).unwrap();
            std::fs::write(findings.join(format!("slow-{runs}-{name}")), &bytes).unwrap();
        }
    }
    println!(
        "fuzz: {runs} inputs in {seconds} s: {ok} read, {refused} refused with a reason, {crashes} decoder panics \
         caught, {slow} over {} s (slowest {:.2} s), 0 crashes, 0 hangs",
        BUDGET.as_secs(),
        slowest.as_secs_f64()
    );
    if crashes > 0 || slow > 0 {
        println!("findings are in {}", findings.display());
    }
    if slow > 0 {
        std::process::exit(1);
    }
}
