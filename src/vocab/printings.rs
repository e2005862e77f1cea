//! A story's other printings named in one line ("Also in: …"), as the window's cards and the
//! press review list them. A story reprinted by many outlets, or pasted many times without one,
//! would otherwise name the same headline again and again: each name comes once, with how many
//! printings it stands for.

use rustc_hash::FxHashMap;

/// One printing of a story: its outlet (empty if not known), its headline, and its date as
/// shown (empty if none).
#[derive(Debug, Clone, Copy)]
pub struct Printing<'a> {
    pub outlet: &'a str,
    pub headline: &'a str,
    pub date: &'a str,
}

/// Each outlet once (one not known by the printing's headline), in the order they first come:
/// "Kazinform (12 Mar 2024)" for one printing, "Kazinform ×3" for more; with how many printings
/// each stands for.
pub fn named_once<'a>(printings: impl IntoIterator<Item = Printing<'a>>) -> Vec<(String, usize)> {
    let mut named: Vec<(&str, &str, usize)> = Vec::new();
    let mut at: FxHashMap<&str, usize> = FxHashMap::default();
    for p in printings {
        let name = if p.outlet.trim().is_empty() { p.headline } else { p.outlet };
        match at.get(name) {
            Some(&i) => {
                if let Some(entry) = named.get_mut(i) {
                    entry.2 += 1;
                }
            }
            None => {
                at.insert(name, named.len());
                named.push((name, p.date, 1));
            }
        }
    }
    named
        .into_iter()
        .map(|(name, date, n)| {
            let text = match (n, date.is_empty()) {
                (1, true) => name.to_owned(),
                (1, false) => format!("{name} ({date})"),
                _ => format!("{name} ×{n}"),
            };
            (text, n)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printing<'a>(outlet: &'a str, headline: &'a str, date: &'a str) -> Printing<'a> {
        Printing { outlet, headline, date }
    }

    #[test]
    fn each_outlet_is_named_once_with_its_printings() {
        let printings = [
            printing("Kazinform", "Talks in Brussels", "12 Mar 2024"),
            printing("", "PIPELINE ATTACKED", "13 Mar 2024"),
            printing("Tengrinews", "Talks in Brussels", ""),
            printing("", "PIPELINE ATTACKED", "14 Mar 2024"),
            printing("Kazinform", "Talks in Brussels, again", "15 Mar 2024"),
            printing(" ", "PIPELINE ATTACKED", ""),
            printing("", "Another headline", ""),
        ];
        let named = named_once(printings);
        assert_eq!(
            named,
            [
                ("Kazinform ×2".to_owned(), 2),
                ("PIPELINE ATTACKED ×3".to_owned(), 3),
                ("Tengrinews".to_owned(), 1),
                ("Another headline".to_owned(), 1),
            ]
        );
        assert_eq!(
            named_once([printing("Liberation", "Le corridor", "5 janv. 2025")]),
            [("Liberation (5 janv. 2025)".to_owned(), 1)]
        );
        assert!(named_once([]).is_empty());
    }
}
