//! Where an archive is: a folder on this desktop, or a team archive on a PostgreSQL server
//! (`postgres://user@host/database`) with this desktop's cache folder beside it, where its
//! search index, catalog file and cached files are.

use std::path::{Path, PathBuf};

use super::store::pg_store::{is_team_url, percent_decode, redact};

/// An archive's place, as `--archive` (or `CLIPPINGS_ARCHIVE`) names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Folder(PathBuf),
    Team { url: String, cache: PathBuf },
}

impl Place {
    /// The place `--archive` names, with the cache folder `--cache` names for a team archive
    /// (by default one of the platform's cache folder, one subfolder per archive and role).
    /// `None` where no archive is named and the platform has no data folder.
    pub fn from_args(archive: Option<&Path>, cache: Option<&Path>) -> Option<Place> {
        let Some(archive) = archive else { return super::default_archive_dir().map(Place::Folder) };
        match archive.to_str().filter(|text| is_team_url(text)) {
            Some(url) => {
                let cache = match cache {
                    Some(dir) => dir.to_path_buf(),
                    None => default_cache_dir(url)?,
                };
                Some(Place::Team { url: url.to_owned(), cache })
            }
            None => Some(Place::Folder(archive.to_path_buf())),
        }
    }

    /// The folder the archive's files are found in on this desktop: the archive folder, or the
    /// team archive's cache.
    pub fn root(&self) -> &Path {
        match self {
            Place::Folder(dir) => dir,
            Place::Team { cache, .. } => cache,
        }
    }

    /// The same team archive with this password (typed in the window), in place of any in its
    /// URL; a folder as it is.
    pub fn with_password(&self, password: &str) -> Place {
        let Place::Team { url, cache } = self else { return self.clone() };
        let Some((scheme, rest)) = url.split_once("://") else { return self.clone() };
        let Some((userinfo, host)) = rest.split_once('@') else { return self.clone() };
        let user = userinfo.split_once(':').map_or(userinfo, |(user, _)| user);
        let encoded: String = password
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
                other => format!("%{other:02X}"),
            })
            .collect();
        Place::Team { url: format!("{scheme}://{user}:{encoded}@{host}"), cache: cache.clone() }
    }

    /// A team archive's address without any password, which names it in the system keyring
    /// (`postgres://dana@db.office.kz:5432/press`); a folder's path.
    pub fn address(&self) -> String {
        match self {
            Place::Folder(dir) => dir.display().to_string(),
            Place::Team { url, .. } => redact(url).replacen(":***@", "@", 1),
        }
    }

    /// The password a team archive's URL carries, decoded (`None` for a folder, or none given).
    pub fn password(&self) -> Option<String> {
        let Place::Team { url, .. } = self else { return None };
        let (_, rest) = url.split_once("://")?;
        let (userinfo, _) = rest.split_once('@')?;
        let (_, encoded) = userinfo.split_once(':')?;
        Some(percent_decode(encoded))
    }

    pub fn is_team(&self) -> bool {
        matches!(self, Place::Team { .. })
    }
}

impl From<PathBuf> for Place {
    fn from(dir: PathBuf) -> Place {
        Place::Folder(dir)
    }
}

impl From<&Path> for Place {
    fn from(dir: &Path) -> Place {
        Place::Folder(dir.to_path_buf())
    }
}

impl std::fmt::Display for Place {
    /// The folder, or the server's address without its password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Folder(dir) => write!(f, "{}", crate::vocab::paths::shown(dir)),
            Place::Team { url, .. } => write!(f, "{}", redact(url)),
        }
    }
}

/// The platform's cache folder for a team archive: one subfolder per server, database and role.
pub fn default_cache_dir(url: &str) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "Clippings")?;
    let without_scheme = redact(url).split_once("://").map(|(_, rest)| rest.to_owned()).unwrap_or_default();
    let without_password = without_scheme.replace(":***@", "@");
    let name: String = without_password
        .split('?')
        .next()
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '_' })
        .collect();
    Some(dirs.cache_dir().join("team").join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_a_team_archive_with_a_cache_of_its_own() {
        let folder = Place::from_args(Some(Path::new("/home/dana/Clippings")), None).unwrap();
        assert_eq!(folder, Place::Folder("/home/dana/Clippings".into()));
        let url = "postgres://dana:secret@db.office.kz:5432/press";
        let team = Place::from_args(Some(Path::new(url)), Some(Path::new("/tmp/cache-a"))).unwrap();
        assert_eq!(team, Place::Team { url: url.to_owned(), cache: "/tmp/cache-a".into() });
        assert_eq!(team.root(), Path::new("/tmp/cache-a"));
        assert_eq!(team.to_string(), "postgres://dana:***@db.office.kz:5432/press", "no password shown");
        let cache = default_cache_dir(url).unwrap();
        assert!(cache.ends_with("team/dana_db.office.kz_5432_press"), "{}", cache.display());
        assert!(!cache.display().to_string().contains("secret"));
        let typed = team.with_password("p@ss:wörd");
        assert_eq!(
            typed,
            Place::Team {
                url: "postgres://dana:p%40ss%3Aw%C3%B6rd@db.office.kz:5432/press".to_owned(),
                cache: "/tmp/cache-a".into()
            }
        );
        assert_eq!(typed.with_password("x").to_string(), "postgres://dana:***@db.office.kz:5432/press");
        assert_eq!(typed.password().as_deref(), Some("p@ss:wörd"), "read back as typed");
        assert_eq!(typed.address(), "postgres://dana@db.office.kz:5432/press", "the keyring's name has no password");
        assert_eq!(Place::Team { url: "postgres://dana@h/db".into(), cache: "/c".into() }.password(), None);
    }
}
