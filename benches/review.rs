//! A press review of 500 clippings: 450 articles (real news texts from `../shared/corpus` where
//! it is, else generated ones) and 50 photos (the corpus's camera photos and 6-megapixel JPEGs
//! made here), tagged with five countries. Times each format end to end (reading, pictures at
//! print size, layout, writing) and the PDF's parts. Goal: the PDF in <= 5 s.
//!
//!     cargo bench --bench review

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use clippings::archive::{Archive, ClippingId, TagKind, tags};
use clippings::review::{self, Format, ReviewOptions, fonts::FontSet};

const N_ARTICLES: usize = 450;
const N_PHOTOS: usize = 50;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// News texts from the corpus: BBC stories and WMT Russian and French documents.
fn corpus_texts() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["bbc-news", "wmt-news-docs/txt/ru", "wmt-news-docs/txt/fr"] {
        for entry in walkdir::WalkDir::new(corpus().join(dir)).sort_by_file_name().into_iter().flatten() {
            if entry.file_type().is_file()
                && entry.path().extension().is_some_and(|e| e == "txt")
                && let Ok(bytes) = std::fs::read(entry.path())
            {
                out.push((format!("{}.txt", out.len()), bytes));
            }
        }
    }
    // Every third from each source, for a mix of languages.
    out.into_iter().step_by(3).take(N_ARTICLES).collect()
}

fn generated_text(i: usize) -> Vec<u8> {
    const WORDS: &[&str] = &[
        "Kazakhstan",
        "Belgium",
        "minister",
        "talks",
        "corridor",
        "trade",
        "railway",
        "energy",
        "hydrogen",
        "investment",
        "agreement",
        "delegation",
        "forum",
        "cooperation",
        "transport",
        "cargo",
        "budget",
        "market",
        "exports",
        "visit",
    ];
    let mut state = i as u64 + 1;
    let mut text = format!("Article {i} on the Middle Corridor\n\n");
    for n in 0..600 {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        text.push_str(WORDS[(state >> 33) as usize % WORDS.len()]);
        text.push_str(if n % 80 == 79 { ".\n\n" } else { " " });
    }
    text.into_bytes()
}

fn photo(seed: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(3000, 2000, |x, y| {
        image::Rgb([((x / 7 + seed * 13) % 256) as u8, ((y / 5 + seed * 7) % 256) as u8, ((x + y + seed) % 256) as u8])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85).encode_image(&img).unwrap_or_default();
    jpeg
}

fn main() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("no temporary folder: {e}"));
    let inbox = tmp.path().join("in");
    std::fs::create_dir_all(&inbox).unwrap_or_default();
    let mut texts = corpus_texts();
    let from_corpus = texts.len();
    while texts.len() < N_ARTICLES {
        let i = texts.len();
        texts.push((format!("{i}.txt"), generated_text(i)));
    }
    for (name, bytes) in &texts {
        std::fs::write(inbox.join(name), bytes).unwrap_or_default();
    }
    let mut n_camera = 0;
    for entry in std::fs::read_dir(corpus().join("photos-camera")).into_iter().flatten().flatten() {
        if n_camera < N_PHOTOS && std::fs::copy(entry.path(), inbox.join(entry.file_name())).is_ok() {
            n_camera += 1;
        }
    }
    for i in n_camera..N_PHOTOS {
        std::fs::write(inbox.join(format!("photo-{i}.jpg")), photo(i as u32)).unwrap_or_default();
    }
    let archive = Archive::open(&tmp.path().join("archive")).unwrap_or_else(|e| panic!("{e}"));
    let report =
        archive.import(&[inbox], &mut |_| {}, &AtomicBool::new(false)).unwrap_or_else(|e| panic!("import failed: {e}"));
    let ids: Vec<ClippingId> = report.imported_ids();
    for (i, code) in ["KZ", "BE", "FR", "NL", "RU"].iter().enumerate() {
        let tag = tags::resolve(TagKind::Country, code).unwrap_or_else(|e| panic!("{e}"));
        let some: Vec<ClippingId> = ids.iter().copied().skip(i).step_by(5).collect();
        archive.add_tag(&tag, &some).unwrap_or_else(|e| panic!("{e}"));
    }
    println!(
        "a review of {} clippings: {} articles ({from_corpus} from the corpus), {} photos ({n_camera} camera photos from the corpus)",
        ids.len(),
        texts.len(),
        N_PHOTOS
    );

    let fonts = FontSet::system();
    let options = ReviewOptions { title: "Press review: Kazakhstan in the Benelux press".into(), ..Default::default() };
    let cancel = AtomicBool::new(false);
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap_or_default();
    let start = Instant::now();
    let without = ReviewOptions { pictures: false, ..options.clone() };
    let made = review::build(&archive, &ids, &without, &|_, _| {}, &cancel).unwrap_or_else(|e| panic!("{e}"));
    let path = out.join("review-without-pictures.pdf");
    review::write(&made, Format::Pdf, &path, &fonts).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "without pictures:  pdf {:.2} s (where the pictures' time goes: decoding, scaling, encoding)",
        start.elapsed().as_secs_f64()
    );
    for round in 1..=2 {
        for format in Format::ALL {
            let start = Instant::now();
            let made = review::build(&archive, &ids, &options, &|_, _| {}, &cancel).unwrap_or_else(|e| panic!("{e}"));
            let built = start.elapsed();
            let path = out.join(format!("review-{round}.{}", format.extension()));
            let (laid_out, pages) = if format == Format::Pdf {
                let t = Instant::now();
                let document = review::layout::lay_out(&made, &fonts).unwrap_or_else(|e| panic!("{e}"));
                (Some(t.elapsed()), document.pages.len())
            } else {
                (None, 0)
            };
            review::write(&made, format, &path, &fonts).unwrap_or_else(|e| panic!("{e}"));
            let total = start.elapsed();
            let size_mb = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
            let detail = match laid_out {
                Some(layout) => format!(
                    " ({} pages; reading and pictures {:.2} s, layout alone {:.2} s)",
                    pages,
                    built.as_secs_f64(),
                    layout.as_secs_f64()
                ),
                None => format!(" (reading and pictures {:.2} s)", built.as_secs_f64()),
            };
            let goal = if format == Format::Pdf { "; goal <= 5 s" } else { "" };
            println!(
                "round {round}: {:>4} {:.2} s, {size_mb:.1} MB, {} stories{detail}{goal}",
                format.extension(),
                total.as_secs_f64(),
                made.n_stories()
            );
        }
    }
}
