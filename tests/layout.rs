//! The invariants of ARCHITECTURE.md that can be read off the source: the subsystems' arrows
//! run one way, the vocabulary uses nothing else of the crate, search and suggest never name
//! the archive, the core never names the GUI, and only the sled store names sled.
// A failed read of our own source is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every `.rs` file under `dir`, with its code (comment lines left out).
fn code_of(dir: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let code: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
            (e.path().display().to_string(), code.join("\n"))
        })
        .collect()
}

fn names(code: &str, krate: &str) -> bool {
    [format!("{krate}::"), format!("use {krate}")].iter().any(|needle| code.contains(needle.as_str()))
}

#[test]
fn the_core_never_names_the_gui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut core = Vec::new();
    for part in ["archive", "import", "search", "suggest", "vocab"] {
        core.extend(code_of(&src.join(part)));
    }
    core.extend(code_of(&src).into_iter().filter(|(path, _)| path.ends_with("export.rs")));
    assert!(core.len() > 30, "{} files", core.len());
    for (path, code) in &core {
        for gui in ["egui", "eframe", "rfd"] {
            assert!(!names(code, gui), "{path} names {gui}");
        }
    }
}

#[test]
fn only_the_sled_store_names_sled() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let naming: Vec<String> =
        code_of(&src).into_iter().filter(|(_, code)| names(code, "sled")).map(|(path, _)| path).collect();
    assert_eq!(naming.len(), 2, "{naming:?}");
    assert!(naming.iter().all(|path| path.contains("archive/store/sled_store/")), "{naming:?}");
}

/// PostgreSQL is the team store's business; TLS is set up in two places only: the team
/// store's connections and the IMAP client's (web pages come through ureq, which keeps its own).
#[test]
fn only_the_postgresql_store_names_postgresql_and_tls() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for name in ["postgres", "tokio_postgres_rustls", "rustls"] {
        let naming: Vec<String> =
            code_of(&src).into_iter().filter(|(_, code)| names(code, name)).map(|(path, _)| path).collect();
        assert!(!naming.is_empty(), "{name} is named somewhere");
        let allowed = |path: &String| {
            path.contains("archive/store/pg_store/") || (name == "rustls" && path.ends_with("mail/imap.rs"))
        };
        assert!(naming.iter().all(allowed), "{name}: {naming:?}");
    }
}

/// The subsystems of `src/` (its folders and top-level files), each with those it names by a
/// `crate::…` path in its code before its tests.
fn arrows() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let unit_of = |path: &str| {
        let relative = Path::new(path).strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
        first.trim_end_matches(".rs").to_owned()
    };
    let units: BTreeSet<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    let mut arrows: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, code) in code_of(&src) {
        let from = unit_of(&path);
        let code = code.split("#[cfg(test)]").next().unwrap_or_default();
        arrows.entry(from.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            // `crate::` as a path's start, not the tail of another name (`my_crate::`).
            if code[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let name: String = code[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            if name != from && units.contains(&name) {
                arrows.entry(from.clone()).or_default().insert(name);
            }
        }
    }
    arrows
}

/// A cycle through `from`, as the subsystems on it, if there is one.
fn cycle_through(arrows: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_owned()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap();
        for next in arrows.get(last).into_iter().flatten() {
            if next == from {
                return Some(path.clone());
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn the_subsystems_arrows_run_one_way() {
    let arrows = arrows();
    assert!(arrows.len() >= 10, "{arrows:?}");
    // The check itself: a made-up arrow back up is found.
    let mut with_a_cycle = arrows.clone();
    with_a_cycle.get_mut("vocab").unwrap().insert("archive".to_owned());
    assert!(cycle_through(&with_a_cycle, "vocab").is_some());
    for unit in arrows.keys() {
        assert_eq!(cycle_through(&arrows, unit), None, "a cycle through {unit}");
    }
}

#[test]
fn the_vocabulary_is_the_bottom_and_search_and_suggest_never_name_the_archive() {
    let arrows = arrows();
    assert_eq!(arrows["vocab"], BTreeSet::new(), "the vocabulary names nothing else of the crate");
    for unit in ["search", "suggest"] {
        assert_eq!(arrows[unit], BTreeSet::from(["vocab".to_owned()]), "{unit} names only the vocabulary");
    }
    assert!(arrows["archive"].contains("search") && arrows["archive"].contains("suggest"));
}

/// The code of a file before its tests, as `shape.py` reads it: every line up to the first
/// `#[cfg(test)]`.
fn before_tests(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.split("#[cfg(test)]").next().unwrap_or_default().to_owned()
}

fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect()
}

#[test]
fn no_file_is_over_700_lines_of_code() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let long: Vec<String> = rust_files(&src)
        .iter()
        .map(|p| (p, before_tests(p).matches('\n').count()))
        .filter(|(_, n)| *n > 700)
        .map(|(p, n)| format!("{} ({n})", p.display()))
        .collect();
    assert!(long.is_empty(), "{long:?}");
}

/// Each function's length, from its `fn` line to the line its braces close on.
fn function_lengths(code: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_start();
        let line = line.strip_prefix("pub(crate) ").or_else(|| line.strip_prefix("pub(super) ")).unwrap_or(line);
        let line = line.strip_prefix("pub ").unwrap_or(line);
        let Some(rest) = line.strip_prefix("fn ") else {
            i += 1;
            continue;
        };
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let (mut depth, mut started, mut j) = (0i64, false, i);
        while j < lines.len() {
            depth += lines[j].matches('{').count() as i64 - lines[j].matches('}').count() as i64;
            started |= lines[j].contains('{');
            if (started && depth <= 0) || (!started && lines[j].trim_end().ends_with(';')) {
                break;
            }
            j += 1;
        }
        out.push((name, j - i + 1));
        i += 1;
    }
    out
}

#[test]
fn no_function_is_over_120_lines() {
    // The check itself: a function of 121 lines is found, one of 120 is not.
    let body = |n: usize| format!("fn f() {{\n{}}}\n", "    x();\n".repeat(n - 2));
    assert_eq!(function_lengths(&body(121)), [("f".to_owned(), 121)]);
    assert_eq!(function_lengths(&body(120)), [("f".to_owned(), 120)]);
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut long = Vec::new();
    for path in rust_files(&src) {
        for (name, n) in function_lengths(&before_tests(&path)) {
            if n > 120 {
                long.push(format!("{}: {name} ({n})", path.display()));
            }
        }
    }
    assert!(long.is_empty(), "{long:?}");
}

#[test]
fn only_the_archive_reaches_its_store() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let reaching: Vec<String> = code_of(&src)
        .into_iter()
        .filter(|(path, _)| !Path::new(path).starts_with(src.join("archive")))
        .filter(|(_, code)| code.contains("archive::store") || code.contains(".store."))
        .map(|(path, _)| path)
        .collect();
    assert!(reaching.is_empty(), "{reaching:?}");
}
