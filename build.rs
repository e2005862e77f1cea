//! On Windows, the programs carry their icon (Explorer, the taskbar, "Open with") and their
//! version (a file's Properties › Details): a resource script compiled by MinGW's windres and
//! linked into each program. Elsewhere this does nothing.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=packaging/windows/clippings.ico");
    println!("cargo:rerun-if-env-changed=WINDRES");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    if let Err(e) = windows_resources() {
        // A build without windres still works; its programs have Windows' default icon.
        println!("cargo:warning=the programs are built without their icon and version: {e}");
    }
}

fn windows_resources() -> Result<(), String> {
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let icon = manifest_dir.join("packaging").join("windows").join("clippings.ico");
    let version = std::env::var("CARGO_PKG_VERSION").map_err(|e| e.to_string())?;
    let mut numbers: Vec<u16> = version.split(['.', '-', '+']).map_while(|n| n.parse().ok()).collect();
    numbers.resize(4, 0);
    let numeric = numbers.iter().map(u16::to_string).collect::<Vec<_>>().join(",");
    let quoted = |s: &str| s.replace('\\', "\\\\").replace('"', "\"\"");
    let script = format!(
        r#"1 ICON "{icon}"
1 VERSIONINFO
FILEVERSION {numeric}
PRODUCTVERSION {numeric}
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904B0"
    BEGIN
      VALUE "CompanyName", "Clippings developers"
      VALUE "FileDescription", "Clippings, an archive of press clippings"
      VALUE "FileVersion", "{version}"
      VALUE "LegalCopyright", "MIT OR Apache-2.0"
      VALUE "ProductName", "Clippings"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
"#,
        icon = quoted(&icon.to_string_lossy()),
        version = quoted(&version),
    );
    let rc = out.join("clippings.rc");
    std::fs::write(&rc, script).map_err(|e| e.to_string())?;
    let object = out.join("clippings-resources.o");
    let windres = std::env::var("WINDRES")
        .unwrap_or_else(|_| if cfg!(windows) { "windres".to_owned() } else { "x86_64-w64-mingw32-windres".to_owned() });
    let status = Command::new(&windres)
        .arg("--input-format=rc")
        .arg("--output-format=coff")
        .arg("-i")
        .arg(&rc)
        .arg("-o")
        .arg(&object)
        .status()
        .map_err(|e| format!("{windres}: {e}"))?;
    if !status.success() {
        return Err(format!("{windres} failed ({status})"));
    }
    println!("cargo:rustc-link-arg-bins={}", object.display());
    Ok(())
}
