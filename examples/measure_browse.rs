// Throwaway: where a keystroke's browse goes at a million (not committed).
#![allow(clippy::unwrap_used)]
use clippings::archive::Archive;
use clippings::archive::browse::{Browse, Browser};
use clippings::search::query::{Query, Sort};
use std::time::Instant;
fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let t = Instant::now();
    let archive = Archive::open(&dir).unwrap();
    println!("open {:.0} ms", ms(t));
    let t = Instant::now();
    let mut browser = Browser::open(&archive).unwrap();
    println!("catalog {:.0} ms", ms(t));
    let t = Instant::now();
    archive.load_tags().unwrap();
    println!("tags {:.0} ms", ms(t));
    let t = Instant::now();
    browser.set_stories(archive.story_groups().unwrap());
    println!("stories {:.0} ms", ms(t));
    let words = ["pipeline", "oil price", "trade talks"];
    for round in 0..3 {
        for w in words {
            for end in w.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let text = &w[..end];
                let query = Query::parse(text);
                let t = Instant::now();
                let n_ids = archive.search_ids(&query, Sort::Relevance).unwrap().len();
                let ids = ms(t);
                let t = Instant::now();
                let found = archive.search_with_tag_counts(&query, Sort::Relevance).unwrap();
                let with_counts = ms(t);
                drop(found);
                let mut b = Browse { query: query.clone(), sort: Sort::Relevance, one_per_story: true };
                let t = Instant::now();
                let r = browser.browse(&archive, &b).unwrap();
                let folded = ms(t);
                let n_cards = r.entries.len();
                let t = Instant::now();
                drop(r);
                let dropped = ms(t);
                let whole = 0.0;
                b.one_per_story = false;
                let t = Instant::now();
                let r = browser.browse(&archive, &b).unwrap();
                let flat = ms(t);
                drop(r);
                println!(
                    "r{round} {text:>12}: {n_ids:>7} ids {ids:6.1} | +counts {with_counts:6.1} | browse folded {folded:6.1} ({n_cards} cards, drop {dropped:.1}) | +100 texts {whole:6.1} | unfolded {flat:6.1}"
                );
            }
        }
    }
}
