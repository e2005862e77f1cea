//! The embedded ISO 3166-1 table: alpha-2 codes with English, Russian and Kazakh names and the
//! other names people use. Generated from Debian's iso-codes by `scripts/gen-countries.py`.

use std::collections::HashMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../assets/countries.tsv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub code: &'static str,
    pub english: &'static str,
    pub russian: &'static str,
    pub kazakh: &'static str,
    /// Every other name: official, translated, everyday; and the alpha-3 code.
    pub aliases: Vec<&'static str>,
}

impl Country {
    /// All names of the country, the display names first.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        [self.english, self.russian, self.kazakh].into_iter().chain(self.aliases.iter().copied())
    }
}

struct Table {
    countries: Vec<Country>,
    by_name: HashMap<String, usize>,
}

static COUNTRIES: LazyLock<Table> = LazyLock::new(|| {
    let mut countries = Vec::new();
    for line in TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut cols = line.split('\t');
        let (Some(code), Some(english), Some(russian), Some(kazakh)) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let aliases = cols.next().map(|a| a.split('|').filter(|s| !s.is_empty()).collect());
        countries.push(Country { code, english, russian, kazakh, aliases: aliases.unwrap_or_default() });
    }
    let mut by_name = HashMap::new();
    for (i, c) in countries.iter().enumerate() {
        // Codes first so that no name can shadow them; then names, first writer wins.
        by_name.insert(fold(c.code), i);
    }
    for (i, c) in countries.iter().enumerate() {
        for name in c.names() {
            by_name.entry(fold(name)).or_insert(i);
        }
    }
    Table { countries, by_name }
});

/// Folds a name for lookup: lower case, `ё` as `е`, no leading "the", single spaces.
fn fold(name: &str) -> String {
    let lower = name.trim().to_lowercase().replace('ё', "е");
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds a country by code (alpha-2 or alpha-3) or by any of its names, case-insensitively.
pub fn lookup(name_or_code: &str) -> Option<&'static Country> {
    let table = &*COUNTRIES;
    table.by_name.get(&fold(name_or_code)).and_then(|&i| table.countries.get(i))
}

/// Every country, in table order (by English name as ISO lists them).
pub fn all() -> &'static [Country] {
    &COUNTRIES.countries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(lookup(input).map(|c| c.code), expected, "lookup({input:?})");
    }

    #[test]
    fn names_in_three_languages_and_codes() {
        check("Belgium", Some("BE"));
        check("BE", Some("BE"));
        check("be", Some("BE"));
        check("Бельгия", Some("BE"));
        check("Қазақстан", Some("KZ"));
        check("Казахстан", Some("KZ"));
        check("the Netherlands", Some("NL"));
        check("Russia", Some("RU"));
        check("KAZ", Some("KZ"));
        check("  united   states ", Some("US"));
        check("Atlantis", None);
        check("", None);
    }

    #[test]
    fn table_is_complete() {
        assert!(all().len() >= 249);
        for c in all() {
            assert_eq!(c.code.len(), 2, "{c:?}");
            assert!(!c.english.is_empty() && !c.russian.is_empty() && !c.kazakh.is_empty(), "{c:?}");
        }
    }
}
