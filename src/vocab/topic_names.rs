//! The shipped topics' names in the window's languages (`assets/topic-names.tsv`): any of
//! them is the topic (`topic:энергетика` is `topic:energy`), and each language shows its own.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The languages of the table's columns, in order.
pub const LANGUAGES: [&str; 5] = ["en", "ru", "kk", "fr", "nl"];

struct Table {
    /// Each topic's value and its names, in [`LANGUAGES`]' order.
    topics: Vec<(&'static str, [&'static str; 5])>,
    /// Every name (lower case) to its topic's place in `topics`.
    by_name: HashMap<String, usize>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut table = Table { topics: Vec::new(), by_name: HashMap::new() };
    let rows = include_str!("../../assets/topic-names.tsv").lines().filter(|l| !l.starts_with('#') && !l.is_empty());
    for line in rows {
        let cells: Vec<&'static str> = line.split('\t').collect();
        let (Some(&value), Ok(names)) =
            (cells.first(), <[&'static str; 5]>::try_from(cells.get(1..6).unwrap_or_default()))
        else {
            continue;
        };
        let at = table.topics.len();
        table.topics.push((value, names));
        for name in std::iter::once(value).chain(names) {
            table.by_name.entry(name.to_lowercase()).or_insert(at);
        }
    }
    table
});

/// The shipped topic a name in any of the languages stands for ("Энергетика" -> "energy").
pub fn topic_named(name: &str) -> Option<&'static str> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    TABLE.by_name.get(&name).map(|&at| TABLE.topics[at].0)
}

/// A shipped topic's name in a language (`None` for a topic or a language not in the table).
pub fn name_in(value: &str, language: &str) -> Option<&'static str> {
    let column = LANGUAGES.iter().position(|l| *l == language)?;
    let value = value.to_lowercase();
    TABLE.topics.iter().find(|(v, _)| **v == value).map(|(_, names)| names[column])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_is_found_by_any_of_its_names_and_named_in_each_language() {
        assert_eq!(topic_named("Энергетика"), Some("energy"));
        assert_eq!(topic_named("énergie"), Some("energy"));
        assert_eq!(topic_named("денсаулық  сақтау"), Some("health"));
        assert_eq!(topic_named("Middle Corridor"), None);
        assert_eq!(name_in("energy", "ru"), Some("энергетика"));
        assert_eq!(name_in("Science and technology", "nl"), Some("wetenschap en technologie"));
        assert_eq!(name_in("energy", "de"), None);
        assert_eq!(TABLE.topics.len(), 13);
    }
}
