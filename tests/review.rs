//! The press review: a review of about thirty clippings (articles in English, Russian, Kazakh
//! and French, reprints of one wire story, photos with captions and credits) in each format,
//! read back: the PDF's text, the DOCX's parts, the HTML as XML.
// Helpers outside #[test] functions panic on purpose: a failed set-up is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use clippings::archive::{Archive, ClippingId, TagKind, tags};
use clippings::i18n::{Lang, set_language};
use clippings::import::Outcome;
use clippings::review::{self, GroupBy, ReviewOptions, fonts::FontSet};
use common::*;

const EN: &[&str] = &[
    "government",
    "minister",
    "talks",
    "corridor",
    "trade",
    "railway",
    "port",
    "energy",
    "hydrogen",
    "investment",
    "agreement",
    "delegation",
    "summit",
    "forum",
    "cooperation",
    "transport",
    "cargo",
    "border",
    "customs",
    "budget",
    "growth",
    "market",
    "exports",
    "grain",
    "oil",
    "pipeline",
    "visit",
    "embassy",
    "partners",
    "project",
    "financing",
    "bank",
    "loan",
    "digital",
    "network",
    "logistics",
    "terminal",
    "capacity",
    "container",
    "route",
];
const RU: &[&str] = &[
    "правительство",
    "министр",
    "переговоры",
    "коридор",
    "торговля",
    "железная",
    "дорога",
    "порт",
    "энергетика",
    "водород",
    "инвестиции",
    "соглашение",
    "делегация",
    "саммит",
    "форум",
    "сотрудничество",
    "транспорт",
    "груз",
    "граница",
    "таможня",
    "бюджет",
    "рост",
    "рынок",
    "экспорт",
    "зерно",
    "нефть",
    "трубопровод",
    "визит",
    "посольство",
    "партнёры",
    "проект",
    "финансирование",
    "банк",
    "кредит",
    "цифровой",
    "сеть",
    "логистика",
    "терминал",
    "мощность",
    "маршрут",
];
const KK: &[&str] = &[
    "үкімет",
    "министр",
    "келіссөз",
    "дәліз",
    "сауда",
    "теміржол",
    "порт",
    "энергетика",
    "сутегі",
    "инвестиция",
    "келісім",
    "делегация",
    "саммит",
    "форум",
    "ынтымақтастық",
    "көлік",
    "жүк",
    "шекара",
    "кеден",
    "бюджет",
    "өсім",
    "нарық",
    "экспорт",
    "астық",
    "мұнай",
    "құбыр",
    "сапар",
    "елшілік",
    "әріптестер",
    "жоба",
    "қаржыландыру",
    "банк",
    "несие",
    "цифрлық",
    "желі",
    "логистика",
    "терминал",
    "қуат",
    "жаңа",
    "һәм",
];
const FR: &[&str] = &[
    "gouvernement",
    "ministre",
    "négociations",
    "corridor",
    "commerce",
    "chemin",
    "fer",
    "port",
    "énergie",
    "hydrogène",
    "investissements",
    "accord",
    "délégation",
    "sommet",
    "forum",
    "coopération",
    "transport",
    "marchandises",
    "frontière",
    "douane",
    "budget",
    "croissance",
    "marché",
    "exportations",
    "céréales",
    "pétrole",
    "oléoduc",
    "visite",
    "ambassade",
    "partenaires",
    "projet",
    "financement",
    "banque",
    "prêt",
    "numérique",
    "réseau",
    "logistique",
    "terminal",
    "capacité",
    "itinéraire",
];

/// A text of `n` words drawn from `words` by a seeded generator: no two seeds share phrases.
fn text(words: &[&str], seed: u64, n: usize) -> String {
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut out = Vec::new();
    for i in 0..n {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let w = words[(state >> 33) as usize % words.len()];
        out.push(if i % 12 == 11 { format!("{w}.\n") } else { w.to_owned() });
    }
    out.join(" ")
}

struct Made {
    _tmp: tempfile::TempDir,
    archive: Archive,
    ids: Vec<ClippingId>,
    /// Headlines that must be stories of their own.
    headlines: Vec<String>,
    /// The wire story's id and its reprints' headlines.
    wire: ClippingId,
    reprint_headlines: Vec<String>,
}

fn import_one(archive: &Archive, path: &Path) -> ClippingId {
    let report = archive.import(&[path.to_path_buf()], &mut |_| {}, &AtomicBool::new(false)).unwrap();
    match &report.outcomes[0].outcome {
        Outcome::Imported { id, .. } => *id,
        other => panic!("{}: {other:?}", path.display()),
    }
}

/// Sets what the import could not know from a generated file.
fn describe(archive: &Archive, id: ClippingId, title: &str, source: &str, day: u32, author: &str, country: &str) {
    let mut c = archive.get(id).unwrap();
    c.title = title.to_owned();
    c.source = source.to_owned();
    c.author = author.to_owned();
    c.published = NaiveDate::from_ymd_opt(2026, 11, day);
    if !source.is_empty() {
        c.url = format!("https://{}.example/{id}", source.to_lowercase().replace(' ', "-"));
    }
    archive.update(&c).unwrap();
    let tag = tags::resolve(TagKind::Country, country).unwrap();
    archive.add_tag(&tag, &[id]).unwrap();
}

fn thirty_clippings() -> Made {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let mut ids = Vec::new();
    let mut headlines = Vec::new();
    let languages: [(&str, &[&str], &str, &[&str]); 4] = [
        ("en", EN, "Kazakhstan and Belgium sign a transport deal, round", &["The Brussels Times", "Euractiv"]),
        ("ru", RU, "Казахстан и Бельгия обсудили Средний коридор, выпуск", &["Казинформ", "Тенгриньюс"]),
        (
            "kk",
            KK,
            "Қазақстан мен Бельгия ынтымақтастығы: әріптестік өсуде, шығарылым",
            &["Egemen Qazaqstan", "Kazinform"],
        ),
        ("fr", FR, "Le Kazakhstan et la Belgique renforcent leur coopération, numéro", &["Le Soir", "La Libre"]),
    ];
    let countries = ["BE", "KZ", "FR", "RU", "NL", "KZ"];
    for (li, (code, words, headline, outlets)) in languages.iter().enumerate() {
        for i in 0..6 {
            let seed = (li * 100 + i) as u64;
            let path = write(
                tmp.path(),
                &format!("in/{code}-{i}.txt"),
                format!("{headline} {i}\n\n{}", text(words, seed, 160)),
            );
            let id = import_one(&archive, &path);
            let title = format!("{headline} {}", i + 1);
            describe(
                &archive,
                id,
                &title,
                outlets[i % 2],
                1 + (i as u32 + li as u32) % 20,
                "Aigerim Sadykova",
                countries[i],
            );
            headlines.push(title);
            ids.push(id);
        }
    }
    // One wire story and three reprints: new headlines, a paragraph dropped, boilerplate.
    let wire_text = text(EN, 9_999, 240);
    let path = write(tmp.path(), "in/wire.txt", format!("Astana hosts the Middle Corridor ministers\n\n{wire_text}"));
    let wire = import_one(&archive, &path);
    describe(&archive, wire, "Astana hosts the Middle Corridor ministers", "Reuters", 3, "", "KZ");
    headlines.push("Astana hosts the Middle Corridor ministers".to_owned());
    ids.push(wire);
    let mut reprint_headlines = Vec::new();
    for (i, outlet) in ["Kazinform", "Tengrinews", "Astana Times"].iter().enumerate() {
        let lines: Vec<&str> = wire_text.lines().collect();
        let trimmed: Vec<&str> = lines.iter().enumerate().filter(|(n, _)| *n != i + 2).map(|(_, l)| *l).collect();
        let body = format!("Subscribe to our channel\n{}\nAll rights reserved {outlet}", trimmed.join("\n"));
        let headline = format!("Ministers meet in Astana on the corridor ({outlet})");
        let path = write(tmp.path(), &format!("in/reprint-{i}.txt"), format!("{headline}\n\n{body}"));
        let id = import_one(&archive, &path);
        describe(&archive, id, &headline, outlet, 4 + i as u32, "", "KZ");
        reprint_headlines.push(headline);
        ids.push(id);
    }
    // Photos with caption and credit.
    for i in 0..4u32 {
        let xmp = xmp_packet(
            &format!("Delegations at the forum {i}"),
            &format!("Ministers of Kazakhstan and Belgium at the Astana forum, picture {i}"),
            &["forum", "Astana"],
            "KZ",
            "Astana International Forum",
        );
        let jpeg = with_segments(&unique_jpeg(1000 + i, 640, 427), &[(0xE1, xmp_app1(&xmp))]);
        let path = write(tmp.path(), &format!("in/photo-{i}.jpg"), jpeg);
        let id = import_one(&archive, &path);
        let mut c = archive.get(id).unwrap();
        c.credit = "Akorda press service".to_owned();
        c.title = format!("Delegations at the forum {i}");
        c.published = NaiveDate::from_ymd_opt(2026, 11, 10 + i);
        archive.update(&c).unwrap();
        headlines.push(c.title.clone());
        ids.push(id);
    }
    Made { _tmp: tmp, archive, ids, headlines, wire, reprint_headlines }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn options() -> ReviewOptions {
    ReviewOptions {
        title: "Press review: Kazakhstan in the Benelux press".to_owned(),
        organisation: "Embassy of Kazakhstan in Belgium".to_owned(),
        group_by: GroupBy::Country,
        section_order: vec!["BE".to_owned()],
        ..ReviewOptions::default()
    }
}

#[test]
fn a_review_of_thirty_clippings_is_grouped_with_reprints_under_their_story() {
    let made = thirty_clippings();
    assert_eq!(made.ids.len(), 32);
    set_language(Lang::En);
    let review = review::build(&made.archive, &made.ids, &options(), &|_, _| {}, &AtomicBool::new(false)).unwrap();
    // The asked section first, then the rest by size.
    assert_eq!(review.sections[0].heading, "Belgium");
    let order: Vec<&str> = review.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(order, ["Belgium", "Kazakhstan", "France", "Netherlands", "Russia"], "{order:?}");
    // Each clipping once: the reprints under the wire story, not as stories.
    assert_eq!(review.n_stories(), made.ids.len() - 3);
    let wire = review.stories().find(|s| s.id == made.wire).unwrap();
    let outlets: Vec<&str> = wire.reprints.iter().map(|r| r.outlet.as_str()).collect();
    assert_eq!(outlets, ["Kazinform", "Tengrinews", "Astana Times"]);
    for headline in &made.reprint_headlines {
        assert!(review.stories().all(|s| &s.headline != headline), "{headline} is a story of its own");
    }
    // Photos carry their picture, caption and credit.
    let photo = review.stories().find(|s| s.headline == "Delegations at the forum 2").unwrap();
    let picture = photo.picture.as_ref().unwrap();
    assert_eq!((picture.width, picture.height), (640, 427));
    assert_eq!(photo.credit, "Photo: Akorda press service");
    assert!(photo.caption.starts_with("Ministers of Kazakhstan"));

    // The first words only.
    let short = review::build(
        &made.archive,
        &made.ids,
        &ReviewOptions { words: Some(30), ..options() },
        &|_, _| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    let words: usize =
        short.stories().find(|s| s.id == made.wire).unwrap().paragraphs.iter().map(|p| p.split(' ').count()).sum();
    assert!((30..=32).contains(&words), "{words}");

    // A period: only what was published in it.
    let period = ReviewOptions {
        from: NaiveDate::from_ymd_opt(2026, 11, 10),
        to: NaiveDate::from_ymd_opt(2026, 11, 12),
        ..options()
    };
    let in_period = review::build(&made.archive, &made.ids, &period, &|_, _| {}, &AtomicBool::new(false)).unwrap();
    assert!(in_period.stories().all(|s| s.headline.starts_with("Delegations")), "{:?}", in_period.sections);
    assert_eq!(in_period.n_stories(), 3);
    assert_eq!(in_period.period, "10 Nov 2026 – 12 Nov 2026");

    let cancelled = AtomicBool::new(true);
    assert!(matches!(
        review::build(&made.archive, &made.ids, &options(), &|_, _| {}, &cancelled),
        Err(review::ReviewError::Cancelled)
    ));
}

#[test]
fn the_pdf_holds_every_headline_in_searchable_text_with_contents_and_page_numbers() {
    let made = thirty_clippings();
    set_language(Lang::Ru);
    let review = review::build(&made.archive, &made.ids, &options(), &|_, _| {}, &AtomicBool::new(false)).unwrap();
    let fonts = FontSet::builtin();
    let layout = review::layout::lay_out(&review, &fonts).unwrap();
    let bytes = review::pdf::write_document(&review, &layout, &fonts).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));

    let doc = pdf_extract::Document::load_mem(&bytes).unwrap();
    assert_eq!(doc.get_pages().len(), layout.pages.len());
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap();
    assert_eq!(pages.len(), layout.pages.len());
    let all = collapse(&pages.join(" "));
    for headline in &made.headlines {
        assert!(all.contains(&collapse(headline)), "{headline} not in the PDF's text");
    }
    // Cyrillic and the Kazakh letters come back as themselves.
    for letters in ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Казахстан и Бельгия", "Содержание"]
    {
        assert!(all.contains(letters), "{letters} lost");
    }
    // The cover, then the contents with every section and its page.
    assert!(collapse(&pages[0]).contains("Press review: Kazakhstan in the Benelux press"));
    let contents = collapse(&pages[1]);
    assert!(contents.starts_with("Обзор прессы") || contents.contains("Содержание"), "{contents}");
    for section in &review.sections {
        assert!(contents.contains(&section.heading), "{} not in the contents", section.heading);
    }
    let n = layout.pages.len();
    assert!(collapse(&pages[n - 1]).contains(&format!("Страница {n} из {n}")));
    // The contents' numbers are the pages the sections start on.
    for mark in &layout.outline {
        assert!(collapse(&pages[mark.page]).contains(&mark.title), "{} is not on page {}", mark.title, mark.page + 1);
    }
    // Reprints listed once, under their story.
    assert_eq!(all.matches("Также в: Kazinform").count(), 1, "{all}");
}

#[test]
fn the_docx_has_heading_styles_paragraphs_and_pictures() {
    use quick_xml::events::Event;
    let made = thirty_clippings();
    set_language(Lang::Kk);
    let review = review::build(&made.archive, &made.ids, &options(), &|_, _| {}, &AtomicBool::new(false)).unwrap();
    let bytes = review::docx::write(&review, None);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let document = read("word/document.xml");
    let styles = read("word/styles.xml");
    assert!(styles.contains("w:styleId=\"Heading1\"") && styles.contains("<w:outlineLvl w:val=\"0\"/>"));
    assert!(read("word/settings.xml").contains("updateFields"));
    assert!(read("[Content_Types].xml").contains("wordprocessingml.document.main+xml"));

    // Paragraphs by style, with their text.
    let mut reader = quick_xml::Reader::from_str(&document);
    let mut paragraphs: Vec<(String, String)> = Vec::new();
    let mut blips = 0;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"w:p" => paragraphs.push((String::new(), String::new())),
            Event::Empty(e) if e.name().as_ref() == b"w:pStyle" => {
                let style = e.try_get_attribute("w:val").unwrap().unwrap();
                let style = String::from_utf8(style.value.to_vec()).unwrap();
                paragraphs.last_mut().unwrap().0 = style;
            }
            Event::Empty(e) if e.name().as_ref() == b"a:blip" => blips += 1,
            Event::Text(t) => {
                if let Some(p) = paragraphs.last_mut() {
                    p.1.push_str(&t.decode().unwrap());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(p) = paragraphs.last_mut() {
                    p.1.push_str(&quick_xml::escape::unescape(&format!("&{};", r.decode().unwrap())).unwrap());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let with_style =
        |style: &str| paragraphs.iter().filter(|p| p.0 == style).map(|p| p.1.trim().to_owned()).collect::<Vec<_>>();
    assert_eq!(with_style("Heading1").len(), review.sections.len());
    let h2 = with_style("Heading2");
    assert_eq!(h2.len(), review.n_stories());
    for headline in &made.headlines {
        assert!(h2.contains(headline), "{headline} is not a heading: {h2:?}");
    }
    assert_eq!(with_style("Title"), ["Press review: Kazakhstan in the Benelux press"]);
    assert_eq!(with_style("TOC1").len(), review.sections.len());
    assert!(with_style("BodyText").iter().any(|p| p.contains("ынтымақтастық")));
    assert_eq!(blips, 4);
    let media = (0..zip.len()).filter(|&i| zip.by_index(i).unwrap().name().unwrap().starts_with("word/media/")).count();
    assert_eq!(media, 4);
}

#[test]
fn the_html_is_well_formed_and_holds_every_headline_and_picture() {
    use quick_xml::events::Event;
    let made = thirty_clippings();
    set_language(Lang::Fr);
    let review = review::build(&made.archive, &made.ids, &options(), &|_, _| {}, &AtomicBool::new(false)).unwrap();
    let html = review::html::write(&review, None);
    let mut reader = quick_xml::Reader::from_str(&html);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<String> = Vec::new();
    let mut texts: HashMap<String, Vec<String>> = HashMap::new();
    let mut images = 0;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => stack.push(String::from_utf8(e.name().as_ref().to_vec()).unwrap()),
            Event::End(_) => {
                stack.pop();
            }
            Event::Empty(e) if e.name().as_ref() == b"img" => {
                let src = e.try_get_attribute("src").unwrap().unwrap();
                assert!(src.value.starts_with(b"data:image/jpeg;base64,"));
                images += 1;
            }
            Event::Text(t) => {
                if let Some(top) = stack.last() {
                    texts.entry(top.clone()).or_default().push(t.decode().unwrap().into_owned());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    let h3 = &texts["h3"];
    for headline in &made.headlines {
        assert!(h3.contains(headline), "{headline} not a heading");
    }
    assert_eq!(images, 4);
    assert!(texts["h2"].contains(&"Sommaire".to_owned()));
    assert!(html.contains("<html lang=\"fr\">"));
}

/// The PDF's first three pages (the cover, the contents and the coverage page) rendered by poppler's `pdftoppm`,
/// against their snapshots. Behind the `snapshots` feature, as `.ci/run` installs poppler.
#[cfg(feature = "snapshots")]
#[test]
fn the_pdf_pages_render_as_their_snapshots() {
    let made = thirty_clippings();
    set_language(Lang::Kk);
    let with_coverage = ReviewOptions { coverage: true, ..options() };
    let mut review =
        review::build(&made.archive, &made.ids, &with_coverage, &|_, _| {}, &AtomicBool::new(false)).unwrap();
    // The day it was made, fixed so that the snapshot stays the same.
    review.made = "Made on 30.11.2026".to_owned();
    let fonts = FontSet::builtin();
    let bytes = review::pdf::write(&review, &fonts).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("review.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    // The cover, the contents and the coverage page.
    for page in [1, 2, 3] {
        let out = dir.path().join(format!("page-{page}"));
        let status = std::process::Command::new("pdftoppm")
            .args(["-r", "60", "-png", "-singlefile", "-f", &page.to_string(), "-l", &page.to_string()])
            .arg(&pdf)
            .arg(&out)
            .status()
            .expect("pdftoppm (poppler-utils) renders the PDF");
        assert!(status.success());
        let image = image::open(out.with_extension("png")).unwrap().to_rgba8();
        egui_kittest::image_snapshot(&image, format!("review_page_{page}"));
    }
}

#[test]
fn a_long_text_in_a_full_text_review_is_cut_with_a_note() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let inbox = tmp.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let long = inbox.join("script.txt");
    std::fs::write(&long, format!("A long lecture script\n{}", text(EN, 7, 5000))).unwrap();
    let short = inbox.join("short.txt");
    std::fs::write(&short, format!("A short note\n{}", text(EN, 8, 300))).unwrap();
    let ids = vec![import_one(&archive, &long), import_one(&archive, &short)];
    clippings::i18n::set_language(clippings::i18n::Lang::En);
    let build = |full_text_words| {
        let options = ReviewOptions { full_text_words, ..options() };
        review::build(&archive, &ids, &options, &|_, _| {}, &AtomicBool::new(false)).unwrap()
    };
    let words = |r: &review::Review, headline: &str| -> (usize, String) {
        let story = r.stories().find(|s| s.headline == headline).unwrap();
        (story.paragraphs.iter().map(|p| p.split_whitespace().count()).sum(), story.paragraphs.last().unwrap().clone())
    };
    let capped = build(Some(1000));
    let (n, last) = words(&capped, "A long lecture script");
    assert!((1000..1040).contains(&n), "{n} words");
    assert!(last.starts_with("[The text is cut here after 1,000 of its 5,000 words"), "{last}");
    // A text under the limit is whole and has no note.
    let (n, last) = words(&capped, "A short note");
    assert_eq!(n, 300);
    assert!(!last.starts_with('['), "{last}");
    // No limit: the whole text.
    let (n, _) = words(&build(None), "A long lecture script");
    assert_eq!(n, 5000);
}

#[test]
fn the_coverage_page_counts_what_the_core_counts_and_is_drawn_in_every_format() {
    use clippings::archive::coverage;
    use clippings::review::layout::Item;
    let made = thirty_clippings();
    set_language(Lang::Ru);
    let asked = ReviewOptions { coverage: true, ..options() };
    let review = review::build(&made.archive, &made.ids, &asked, &|_, _| {}, &AtomicBool::new(false)).unwrap();
    let chart = review.coverage.clone().expect("a coverage page");
    // Every clipping counted, reprints too (each is coverage in its outlet), as the core counts.
    let all: Vec<_> = made.ids.iter().map(|id| made.archive.get_with_tags(*id).unwrap()).collect();
    let core = coverage::count(
        all.iter().map(|c| (&c.clipping, &c.tags[..])),
        coverage::GroupBy::Country,
        coverage::Per::Day,
        None,
        None,
    );
    let charted: usize = chart.series.iter().flat_map(|s| &s.counts).sum();
    assert_eq!(charted, core.buckets.iter().map(|b| b.count).sum::<usize>());
    // Published from 1 to 13 November: a bar a day, the empty days too, labelled the Russian way.
    assert_eq!(chart.periods.len(), 13, "{:?}", chart.periods);
    assert_eq!(chart.periods[0], "01.11");
    assert_eq!(chart.series[0].label, "Казахстан");
    assert_eq!(chart.series[0].counts.iter().sum::<usize>(), core.totals()[0].1);
    assert!(chart.caption.starts_with("Материалы по дням, по странам"), "{}", chart.caption);
    let outlets = coverage::count(
        all.iter().map(|c| (&c.clipping, &c.tags[..])),
        coverage::GroupBy::Outlet,
        coverage::Per::Day,
        None,
        None,
    )
    .totals();
    assert_eq!(chart.outlets, outlets.iter().take(10).cloned().collect::<Vec<_>>());
    assert!(chart.more_outlets.is_empty() == (outlets.len() <= 10), "{}", chart.more_outlets);

    // The PDF: a page of its own after the contents, listed in them and in the outline, its
    // bars vector boxes (one a day and country counted, a swatch a group, a bar an outlet).
    let fonts = FontSet::builtin();
    let layout = review::layout::lay_out(&review, &fonts).unwrap();
    let bytes = review::pdf::write_document(&review, &layout, &fonts).unwrap();
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap();
    assert!(collapse(&pages[1]).contains("Освещение в прессе"), "{}", pages[1]);
    let page = collapse(&pages[2]);
    for words in ["Освещение в прессе", "Больше всего публикаций", "Reuters", "Казахстан", "01.11"]
    {
        assert!(page.contains(words), "{words} not on the coverage page: {page}");
    }
    assert_eq!(layout.outline[0].title, "Освещение в прессе");
    assert_eq!(layout.outline[0].page, 2);
    let fills = layout.pages[2].items.iter().filter(|i| matches!(i, Item::Fill { .. })).count();
    let cells: usize = chart.series.iter().map(|s| s.counts.iter().filter(|n| **n > 0).count()).sum();
    assert_eq!(fills, cells + chart.series.len() + chart.outlets.len());
    // The contents' numbers still point at the sections' pages.
    for mark in &layout.outline {
        assert!(collapse(&pages[mark.page]).contains(&mark.title), "{} is not on page {}", mark.title, mark.page + 1);
    }

    // DOCX and HTML: the same chart as a picture, listed in the contents.
    let image = review::chart::png(&review, &chart, &fonts, 2.0).unwrap();
    let decoded = image::load_from_memory(&image.png).unwrap().to_rgb8();
    assert_eq!((decoded.width(), decoded.height()), (image.width, image.height));
    let (w_pt, h_pt) = image.size_pt();
    assert!((400.0..500.0).contains(&w_pt) && (300.0..700.0).contains(&h_pt), "{w_pt} x {h_pt}");
    let first_colour = coverage::PALETTE[0];
    let painted = decoded.pixels().filter(|p| p.0.iter().zip(first_colour).all(|(a, b)| a.abs_diff(b) < 8)).count();
    assert!(painted > 1000, "{painted} pixels of the first group's colour");
    let docx = review::docx::write(&review, Some(&image));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let names: Vec<String> = (0..zip.len()).map(|i| zip.by_index(i).unwrap().name().unwrap().into_owned()).collect();
    assert!(names.iter().any(|n| n.starts_with("word/media/") && n.ends_with(".png")), "{names:?}");
    let mut document = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut document).unwrap();
    assert!(document.contains("Освещение в прессе"));
    let mut types = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("[Content_Types].xml").unwrap(), &mut types).unwrap();
    assert!(types.contains("image/png"));
    let html = review::html::write(&review, Some(&image));
    assert!(html.contains("<a href=\"#coverage\">Освещение в прессе</a>"));
    assert!(html.contains("src=\"data:image/png;base64,"));

    // A month asked for: a bar every day of it, the days without clippings too.
    let november = ReviewOptions {
        from: NaiveDate::from_ymd_opt(2026, 11, 1),
        to: NaiveDate::from_ymd_opt(2026, 11, 30),
        ..asked.clone()
    };
    let month = review::build(&made.archive, &made.ids, &november, &|_, _| {}, &AtomicBool::new(false)).unwrap();
    let month = month.coverage.unwrap();
    assert_eq!(month.periods.len(), 30);
    assert!(month.series.iter().all(|s| s.counts[29] == 0));

    // Without the page asked for, none.
    let plain = review::build(&made.archive, &made.ids, &options(), &|_, _| {}, &AtomicBool::new(false)).unwrap();
    assert!(plain.coverage.is_none());
}
