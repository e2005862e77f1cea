//! The tesseract command: found on the system, asked which languages it has, and run on one
//! page at a time with one thread (`OMP_THREAD_LIMIT=1`: two OpenMP threads on two loaded
//! cores took a page from 3 s to over 79 s). The page goes in on stdin as a PGM, the words
//! come back as TSV with their boxes and confidence. A run that takes too long, or is
//! cancelled, is killed.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use image::GrayImage;

use super::OcrError;

/// A page given up on after this long (a page takes 1–5 s; a huge or pathological one more).
const PAGE_TIMEOUT: Duration = Duration::from_secs(120);

/// One word as tesseract read it, in the pixels of the page it was given.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub text: String,
    /// Confidence, 0–100.
    pub conf: f32,
    pub left: u32,
    pub top: u32,
    pub width: u32,
    pub height: u32,
    /// Tesseract's block, paragraph and line numbers.
    pub block: u32,
    pub par: u32,
    pub line: u32,
}

impl Word {
    pub fn right(&self) -> u32 {
        self.left + self.width
    }

    pub fn bottom(&self) -> u32 {
        self.top + self.height
    }
}

/// What tesseract's orientation and script detection found.
#[derive(Clone, Debug, PartialEq)]
pub struct Osd {
    /// Degrees to turn the page clockwise to set it upright: 0, 90, 180 or 270.
    pub rotate: u16,
    pub orientation_confidence: f32,
    /// "Cyrillic", "Latin", "Han"…
    pub script: String,
    pub script_confidence: f32,
}

/// Where tesseract may be, in order: `CLIPPINGS_TESSERACT` alone when set; else `tesseract` on
/// the PATH and, on Windows, where the UB Mannheim installer puts it: for all users under
/// Program Files (either), or for one user under `%LOCALAPPDATA%\Programs` or
/// `%LOCALAPPDATA%`.
fn candidates(var: impl Fn(&str) -> Option<std::ffi::OsString>, windows: bool) -> Vec<PathBuf> {
    if let Some(path) = var("CLIPPINGS_TESSERACT").filter(|p| !p.is_empty()) {
        return vec![PathBuf::from(path)];
    }
    let mut found = vec![PathBuf::from("tesseract")];
    if windows {
        let at = |base: &str, under: &[&str]| {
            var(base).filter(|d| !d.is_empty()).map(|dir| {
                let mut path = PathBuf::from(dir);
                path.extend(under);
                path.extend(["Tesseract-OCR", "tesseract.exe"]);
                path
            })
        };
        found.extend(at("ProgramFiles", &[]));
        found.extend(at("ProgramFiles(x86)", &[]));
        found.extend(at("LOCALAPPDATA", &["Programs"]));
        found.extend(at("LOCALAPPDATA", &[]));
    }
    found
}

/// The tesseract program and the languages it has.
#[derive(Clone, Debug)]
pub struct Engine {
    program: PathBuf,
    /// Installed language data ("rus", "kaz", "eng", "osd"…).
    pub languages: Vec<String>,
}

impl Engine {
    /// Finds tesseract: `CLIPPINGS_TESSERACT` when set, else `tesseract` on the PATH (and, on
    /// Windows, where its installer puts it).
    pub fn find() -> Result<Engine, OcrError> {
        for program in candidates(|name| std::env::var_os(name), cfg!(windows)) {
            let Ok(out) = Command::new(&program).arg("--list-langs").stdin(Stdio::null()).output() else { continue };
            if !out.status.success() {
                continue;
            }
            // The list goes to stdout in tesseract 5, to stderr in 4; its first line is a heading.
            let listed = format!("{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            let languages: Vec<String> = listed
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.contains(' ') && !l.ends_with(':'))
                .map(str::to_owned)
                .collect();
            return Ok(Engine { program, languages });
        }
        Err(OcrError::NotInstalled)
    }

    pub fn has(&self, language: &str) -> bool {
        self.languages.iter().any(|l| l == language)
    }

    /// Orientation and script of a page; `None` where tesseract finds too few letters to tell
    /// (a photo of a landscape, an empty page).
    pub fn osd(&self, page: &GrayImage, cancel: &AtomicBool) -> Result<Option<Osd>, OcrError> {
        if !self.has("osd") {
            return Ok(None);
        }
        let out = match self.run(page, &["--psm", "0", "-l", "osd"], cancel) {
            Ok(out) => out,
            // "Too few characters. Skipping this page": not an error of the page's.
            Err(OcrError::Failed(_)) => return Ok(None),
            Err(e) => return Err(e),
        };
        let field = |name: &str| {
            out.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().trim_start_matches(':').trim().to_owned())
        };
        let number = |name: &str| field(name).and_then(|v| v.parse::<f32>().ok());
        let (Some(rotate), Some(script)) = (number("Rotate"), field("Script")) else { return Ok(None) };
        Ok(Some(Osd {
            rotate: (rotate as u16) % 360,
            orientation_confidence: number("Orientation confidence").unwrap_or(0.0),
            script,
            script_confidence: number("Script confidence").unwrap_or(0.0),
        }))
    }

    /// The words of a page read in `languages` ("rus+kaz"), with automatic page segmentation.
    pub fn words(&self, page: &GrayImage, languages: &str, cancel: &AtomicBool) -> Result<Vec<Word>, OcrError> {
        let out = self.run(page, &["--psm", "3", "-l", languages, "tsv"], cancel)?;
        Ok(parse_tsv(&out))
    }

    /// Runs tesseract on a page given on stdin, with the page's resolution said (300 dpi: the
    /// pages are prepared at about that), and returns what it printed.
    fn run(&self, page: &GrayImage, args: &[&str], cancel: &AtomicBool) -> Result<String, OcrError> {
        // Below the window in the scheduler's eyes: reading runs beside a person's work.
        let nice = std::path::Path::new("/usr/bin/nice");
        let mut command = if cfg!(unix) && nice.exists() {
            let mut c = Command::new(nice);
            c.args(["-n", "10"]).arg(&self.program);
            c
        } else {
            Command::new(&self.program)
        };
        let mut child = command
            .args(["stdin", "stdout", "--dpi", "300"])
            .args(args)
            .env("OMP_THREAD_LIMIT", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| OcrError::Failed(format!("cannot start tesseract: {e}")))?;
        let mut pgm = format!("P5\n{} {}\n255\n", page.width(), page.height()).into_bytes();
        pgm.extend_from_slice(page.as_raw());
        // Fed and read on threads of their own, so that neither pipe fills while the other waits.
        let mut stdin = child.stdin.take();
        let feeder = std::thread::spawn(move || {
            if let Some(stdin) = stdin.as_mut() {
                let _ = stdin.write_all(&pgm);
            }
        });
        let reader = read_all(child.stdout.take());
        let err_reader = read_all(child.stderr.take());
        let start = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) => {}
                Err(e) => return Err(OcrError::Failed(e.to_string())),
            }
            if cancel.load(Ordering::Relaxed) || start.elapsed() > PAGE_TIMEOUT {
                let _ = child.kill();
                let _ = child.wait();
                let _ = (feeder.join(), reader.join(), err_reader.join());
                return Err(if cancel.load(Ordering::Relaxed) {
                    OcrError::Cancelled
                } else {
                    OcrError::Failed(format!("tesseract took over {} s on a page", PAGE_TIMEOUT.as_secs()))
                });
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let _ = feeder.join();
        let out = reader.join().unwrap_or_default();
        let err = err_reader.join().unwrap_or_default();
        if !status.success() {
            let err = String::from_utf8_lossy(&err);
            let last = err.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("no message");
            return Err(OcrError::Failed(format!("tesseract failed: {}", last.trim())));
        }
        // OSD prints to stdout, and a page with too few letters says so on stderr only.
        let text = String::from_utf8_lossy(&out).into_owned();
        if text.trim().is_empty() && args.contains(&"0") {
            return Err(OcrError::Failed(String::from_utf8_lossy(&err).into_owned()));
        }
        Ok(text)
    }
}

/// A pipe read to its end on a thread of its own.
fn read_all(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut out);
        }
        out
    })
}

/// Tesseract's TSV: a header, then one row per page, block, paragraph, line and word (level 5),
/// with the box and the confidence.
pub fn parse_tsv(tsv: &str) -> Vec<Word> {
    let mut words = Vec::new();
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 12 || cols[0] != "5" {
            continue;
        }
        let text = cols[11].trim();
        if text.is_empty() {
            continue;
        }
        let n = |i: usize| cols[i].trim().parse::<u32>().unwrap_or(0);
        words.push(Word {
            text: text.to_owned(),
            conf: cols[10].trim().parse().unwrap_or(0.0),
            left: n(6),
            top: n(7),
            width: n(8),
            height: n(9),
            block: n(2),
            par: n(3),
            line: n(4),
        });
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_rows_of_words_are_read_with_their_boxes() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n\
                   5\t1\t1\t1\t1\t1\t120\t200\t300\t48\t96.5\tАстана\n\
                   5\t1\t1\t1\t1\t2\t440\t200\t80\t48\t91\t \n\
                   5\t1\t2\t1\t3\t1\t120\t300\t100\t30\t88\tforum\n";
        let words = parse_tsv(tsv);
        assert_eq!(words.len(), 2);
        assert_eq!(words[0].text, "Астана");
        assert_eq!((words[0].left, words[0].right(), words[0].bottom()), (120, 420, 248));
        assert_eq!((words[1].block, words[1].line), (2, 3));
        assert!((words[0].conf - 96.5).abs() < 1e-3);
    }

    #[test]
    fn tesseract_is_looked_for_where_its_windows_installer_puts_it() {
        let windows_env = |name: &str| {
            let value = match name {
                "ProgramFiles" => r"C:\Program Files",
                "ProgramFiles(x86)" => r"C:\Program Files (x86)",
                "LOCALAPPDATA" => r"C:\Users\Айгерім\AppData\Local",
                _ => return None,
            };
            Some(std::ffi::OsString::from(value))
        };
        let exe = |dir: &str| PathBuf::from(dir).join("Tesseract-OCR").join("tesseract.exe");
        assert_eq!(
            candidates(windows_env, true),
            vec![
                PathBuf::from("tesseract"),
                exe(r"C:\Program Files"),
                exe(r"C:\Program Files (x86)"),
                PathBuf::from(r"C:\Users\Айгерім\AppData\Local")
                    .join("Programs")
                    .join("Tesseract-OCR")
                    .join("tesseract.exe"),
                exe(r"C:\Users\Айгерім\AppData\Local"),
            ]
        );
        // Linux: the PATH alone; a program named by CLIPPINGS_TESSERACT alone, anywhere.
        assert_eq!(candidates(windows_env, false), vec![PathBuf::from("tesseract")]);
        let named =
            |name: &str| (name == "CLIPPINGS_TESSERACT").then(|| std::ffi::OsString::from(r"D:\OCR\tesseract.exe"));
        assert_eq!(candidates(named, true), vec![PathBuf::from(r"D:\OCR\tesseract.exe")]);
        let empty = |name: &str| (name == "CLIPPINGS_TESSERACT").then(std::ffi::OsString::new);
        assert_eq!(candidates(empty, true), vec![PathBuf::from("tesseract")], "an empty setting is no setting");
    }
}
