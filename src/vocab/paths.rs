//! Paths as a person reads them. On Windows the archive's and an export's folders are kept in
//! their verbatim form (`\\?\C:\…`, which lifts the 260-character limit); they are shown as
//! Explorer shows them (`C:\…`, `\\server\share\…`).

use std::path::Path;

/// `path` without the verbatim prefix Windows' canonical paths carry.
pub fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    if let Some(share) = text.strip_prefix(r"\\?\UNC\") {
        format!(r"\\{share}")
    } else if let Some(rest) = text.strip_prefix(r"\\?\").filter(|rest| rest.as_bytes().get(1) == Some(&b':')) {
        rest.to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_windows_paths_are_shown_as_explorer_shows_them() {
        assert_eq!(shown(Path::new(r"\\?\C:\Users\Айгерім\Clippings")), r"C:\Users\Айгерім\Clippings");
        assert_eq!(shown(Path::new(r"\\?\UNC\press-nas\archive")), r"\\press-nas\archive");
        // A verbatim path that is no drive (a volume GUID) stays as it is.
        assert_eq!(shown(Path::new(r"\\?\Volume{26a21bda}\x")), r"\\?\Volume{26a21bda}\x");
        assert_eq!(shown(Path::new("/home/press/Clippings")), "/home/press/Clippings");
    }
}
