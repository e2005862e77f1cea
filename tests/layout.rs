//! The invariants of ARCHITECTURE.md that can be read off the source: the core never names the
//! GUI, and only the store names sled.
// A failed read of our own source is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

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
    for part in ["archive", "import", "search", "suggest"] {
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
fn only_the_store_names_sled() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let naming: Vec<String> =
        code_of(&src).into_iter().filter(|(_, code)| names(code, "sled")).map(|(path, _)| path).collect();
    assert_eq!(naming.len(), 1, "{naming:?}");
    assert!(naming[0].ends_with("archive/store.rs"), "{naming:?}");
}
