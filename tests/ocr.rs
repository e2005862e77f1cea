//! Scans read as text, with Debian's tesseract (`.ci/run` installs it with its language
//! packs). The tests make their own scans: text set in a system font on a page (the press
//! review's fonts and PDF writer), drawn at 200 dpi, then turned a little or a quarter,
//! speckled, saved as JPEG or put in a PDF as its only picture; and a "camera photo" of no
//! text. They check the text, the title, the photo-or-scan decision and the search hit.
// Helpers outside #[test] functions panic on purpose: a failed set-up is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use std::path::Path;
use std::sync::atomic::AtomicBool;

use clippings::archive::{Archive, ClippingId, Kind};
use clippings::import::Outcome;
use clippings::review::fonts::{FontSet, Shaper};
use clippings::review::layout::{Document, Item, Page, Run};
use common::write;
use image::GrayImage;

/// Whether tesseract with the Russian, Kazakh and French data is here. Without it the tests
/// say how to install it and pass unrun, except under CI, where that fails the run.
fn tesseract_here() -> bool {
    match clippings::ocr::Engine::find() {
        Ok(engine) if ["rus", "kaz", "fra", "eng", "osd"].iter().all(|l| engine.has(l)) => true,
        found => {
            let why = "tesseract with its rus, kaz, fra, eng and osd data is needed: sudo apt-get install \
                       tesseract-ocr tesseract-ocr-rus tesseract-ocr-kaz tesseract-ocr-fra";
            assert!(std::env::var_os("CI").is_none(), "{why} ({found:?})");
            eprintln!("skipped: {why}");
            false
        }
    }
}

/// A run of letters for the PDF writer, each drawn in the face that has it.
fn runs(shaper: &mut Shaper<'_>, text: &str, size: f32, bold: bool) -> (Vec<Run>, f32) {
    let mut runs: Vec<Run> = Vec::new();
    let mut x = 0.0;
    for c in text.chars() {
        let g = shaper.glyph(c, bold);
        match runs.last_mut() {
            Some(run) if run.face == g.face => {
                run.glyphs.push(g.id);
                run.text.push(c);
            }
            _ => runs.push(Run { face: g.face, fake_bold: false, dx: x, glyphs: vec![g.id], text: c.to_string() }),
        }
        x += g.advance_em * size;
    }
    (runs, x)
}

/// An A5 page with a headline in large bold type over one or two columns of text, as PDF.
fn printed_page(headline: &str, text: &str, columns: usize) -> Vec<u8> {
    let fonts = FontSet::system();
    let mut shaper = Shaper::new(&fonts).unwrap();
    let (width, height) = (420.0, 595.0);
    let mut items = Vec::new();
    let mut y = 70.0;
    let mut line = String::new();
    // The headline, broken to the page's width.
    let mut lines = Vec::new();
    for word in headline.split(' ') {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        if shaper.width(&candidate, 20.0, true) > width - 80.0 && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        } else {
            line = candidate;
        }
    }
    lines.push(line);
    for l in &lines {
        let (runs, w) = runs(&mut shaper, l, 20.0, true);
        items.push(Item::Text { x: 40.0, y, size: 20.0, gray: 0.0, width: w, runs });
        y += 26.0;
    }
    y += 14.0;
    let column_w = (width - 80.0 - 20.0 * (columns as f32 - 1.0)) / columns as f32;
    let words: Vec<&str> = text.split(' ').collect();
    let per_column = words.len().div_ceil(columns);
    for (c, chunk) in words.chunks(per_column).enumerate() {
        let x = 40.0 + c as f32 * (column_w + 20.0);
        let mut cy = y;
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in chunk {
            let candidate = if line.is_empty() { (*word).to_owned() } else { format!("{line} {word}") };
            if shaper.width(&candidate, 10.0, false) > column_w && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, (*word).to_owned()));
            } else {
                line = candidate;
            }
        }
        lines.push(line);
        for l in lines.iter().filter(|l| !l.is_empty()) {
            let (runs, w) = runs(&mut shaper, l, 10.0, false);
            items.push(Item::Text { x, y: cy, size: 10.0, gray: 0.0, width: w, runs });
            cy += 14.0;
        }
    }
    let doc = Document { width, height, pages: vec![Page { items }], outline: Vec::new() };
    clippings::review::pdf::write_document(&clippings::review::Review::default(), &doc, &fonts).unwrap()
}

/// The page drawn at 200 dpi, as a scanner or a phone would give it.
fn scanned(pdf: Vec<u8>) -> GrayImage {
    clippings::import::formats::pdf::page_pictures(pdf, 200.0, 1).remove(0)
}

/// Grey speckles, as a scanner's dust and a photo's grain: a fixed sequence, the same every run.
fn speckled(mut page: GrayImage) -> GrayImage {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for pixel in page.pixels_mut() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let noise = (seed % 41) as i16 - 20;
        pixel.0[0] = (i16::from(pixel.0[0]) + noise).clamp(0, 255) as u8;
    }
    page
}

fn jpeg(page: &GrayImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(page).unwrap();
    out
}

/// A PDF whose one page is a picture (a monitoring agency's scan): no text layer.
fn image_only_pdf(page: &GrayImage) -> Vec<u8> {
    use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref};
    let (w, h) = (page.width() as f32 * 72.0 / 200.0, page.height() as f32 * 72.0 / 200.0);
    let mut pdf = Pdf::new();
    let (catalog, tree, page_ref, image_ref, content_ref) =
        (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4), Ref::new(5));
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page_ref]).count(1);
    let mut p = pdf.page(page_ref);
    p.parent(tree).media_box(Rect::new(0.0, 0.0, w, h)).contents(content_ref);
    p.resources().x_objects().pair(Name(b"Im0"), image_ref);
    p.finish();
    let bytes = jpeg(page);
    let mut image = pdf.image_xobject(image_ref, &bytes);
    image.filter(Filter::DctDecode);
    image.width(page.width() as i32);
    image.height(page.height() as i32);
    image.color_space().device_gray();
    image.bits_per_component(8);
    image.finish();
    let mut content = pdf_writer::Content::new();
    content.save_state().transform([w, 0.0, 0.0, h, 0.0, 0.0]).x_object(Name(b"Im0")).restore_state();
    pdf.stream(content_ref, &content.finish());
    pdf.finish()
}

/// A picture of no text: sky, hills, a few trees, with grain.
fn landscape() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(1600, 1067, |x, y| {
        let hill = 600.0 + 120.0 * ((x as f32) / 240.0).sin();
        if (y as f32) < hill {
            image::Rgb([120, 170u8.saturating_sub((y / 8) as u8), 230])
        } else if (x / 90) % 7 == 3 && (y as f32) < hill + 160.0 {
            image::Rgb([30, 80, 30])
        } else {
            image::Rgb([70, 140, 60])
        }
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(&picture).unwrap();
    out
}

const RU_HEADLINE: &str = "Казахстан и Бельгия обсудили Средний коридор";
const RU_TEXT: &str = "Министры двух стран встретились в Брюсселе и обсудили перевозку грузов по Транскаспийскому \
    маршруту. Стороны договорились ускорить работу над цифровыми таможенными декларациями и увеличить \
    пропускную способность портов Актау и Курык. По словам участников, объём перевозок по маршруту за год \
    вырос вдвое, и в следующем году ожидается дальнейший рост. Отдельно обсуждались вопросы зелёного \
    водорода и совместных инвестиций в логистические терминалы.";
const KK_HEADLINE: &str = "Қазақстан мен Бельгия Орта дәлізді талқылады";
const KK_TEXT: &str = "Екі елдің министрлері Брюссельде кездесіп, Транскаспий бағыты бойынша жүк тасымалын \
    талқылады. Тараптар цифрлық кеден декларацияларын жеделдетуге және Ақтау мен Құрық порттарының өткізу \
    қабілетін арттыруға келісті. Қатысушылардың айтуынша, бағыт бойынша тасымал көлемі бір жылда екі есе \
    өсті, келесі жылы да өсім күтіледі.";
const FR_HEADLINE: &str = "La Belgique et le Kazakhstan renforcent leur coopération";
const FR_TEXT: &str = "Les ministres des deux pays se sont réunis à Bruxelles pour discuter du transport de \
    marchandises sur la route transcaspienne. Les parties ont convenu d'accélérer les déclarations douanières \
    numériques et d'augmenter la capacité des ports d'Aktaou et de Kouryk. Selon les participants, le volume \
    transporté a doublé en un an et une nouvelle croissance est attendue l'année prochaine.";

fn import(archive: &Archive, path: &Path) -> ClippingId {
    let report = archive.import(&[path.to_path_buf()], &mut |_| {}, &AtomicBool::new(false)).unwrap();
    match &report.outcomes[0].outcome {
        Outcome::Imported { id, .. } => *id,
        other => panic!("{}: {other:?}", path.display()),
    }
}

/// How many of `expected`'s words are among `read`'s, as a share.
fn word_recall(read: &str, expected: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let have = words(read);
    let want = words(expected);
    want.iter().filter(|w| have.contains(w)).count() as f64 / want.len().max(1) as f64
}

#[test]
fn scans_become_articles_with_their_headline_and_photos_stay_photos() {
    if !tesseract_here() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let inbox = tmp.path().join("in");
    // A Russian page, scanned straight, with dust.
    let ru = write(&inbox, "scan-ru.jpg", jpeg(&speckled(scanned(printed_page(RU_HEADLINE, RU_TEXT, 1)))));
    // A Kazakh page in two columns, photographed at a slant and lying on its side.
    let kk_page = clippings::ocr::prep::rotated(&scanned(printed_page(KK_HEADLINE, KK_TEXT, 2)), 2.5);
    let kk = write(&inbox, "IMG_2041.jpg", jpeg(&image::imageops::rotate90(&speckled(kk_page))));
    // A French page sent as an image-only PDF.
    let fr = write(&inbox, "agence.pdf", image_only_pdf(&scanned(printed_page(FR_HEADLINE, FR_TEXT, 1))));
    let photo = write(&inbox, "hills.jpg", landscape());
    let ids: Vec<ClippingId> = [&ru, &kk, &fr, &photo].iter().map(|p| import(&archive, p)).collect();
    // Imported at once, as pictures waiting to be read.
    assert_eq!(archive.scans_among(&ids, false), ids);
    assert!(archive.get(ids[2]).unwrap().is_scan());

    let seen = std::sync::Mutex::new(Vec::new());
    let report = archive
        .read_scans(&ids, None, &|_, done, total| seen.lock().unwrap().push((done, total)), &AtomicBool::new(false))
        .unwrap();
    assert_eq!(report.read, ids[..3].to_vec(), "{report:?}");
    assert_eq!(report.pictures, [ids[3]]);
    assert!(report.failed.is_empty() && !report.cancelled);
    assert_eq!(seen.lock().unwrap().last(), Some(&(4, 4)));

    for (id, headline, text, language, languages) in [
        (ids[0], RU_HEADLINE, RU_TEXT, "ru", "rus+kaz"),
        (ids[1], KK_HEADLINE, KK_TEXT, "kk", "kaz+rus"),
        (ids[2], FR_HEADLINE, FR_TEXT, "fr", "fra+eng+nld"),
    ] {
        let c = archive.get(id).unwrap();
        assert_eq!(c.kind, Kind::Article, "{}", c.original_name);
        assert_eq!(c.title, headline, "{}: the headline is the title", c.original_name);
        let recall = word_recall(&c.body, text);
        assert!(recall >= 0.95, "{}: {recall:.3} of the words read: {}", c.original_name, c.body);
        assert_eq!(c.language, language, "{}", c.original_name);
        let ocr = c.ocr.clone().unwrap();
        assert!(ocr.text && ocr.confidence > 70.0, "{ocr:?}");
        assert_eq!(ocr.languages, languages);
        // Still shown by its picture.
        assert!(c.is_scan(), "{}", c.original_name);
    }
    // The words keep where they stand on the picture as it was given: the Kazakh page lay on
    // its side, its top to the right, so its headline stands at the right edge, running down.
    let kk_words = archive.get(ids[1]).unwrap().ocr.unwrap().words;
    let [left, top, right, bottom] =
        kk_words.iter().find(|w| w.text == "Бельгия").expect("a word of the headline").bounds;
    assert!(left > 7_500 && right <= 10_000, "{left}..{right}");
    assert!(bottom - top > 2 * (right - left), "a word running down: {top}..{bottom} tall, {left}..{right} wide");
    let ru_words = archive.get(ids[0]).unwrap().ocr.unwrap().words;
    let headline_bottom = ru_words.iter().find(|w| w.text == "Казахстан").unwrap().bounds[3];
    let body_top = ru_words.iter().find(|w| w.text.starts_with("Курык")).unwrap().bounds[1];
    assert!(headline_bottom < 3_000 && body_top > headline_bottom, "{headline_bottom} {body_top}");
    // The landscape stays a photo, with no junk for text, and is not read again.
    let photo = archive.get(ids[3]).unwrap();
    assert_eq!(photo.kind, Kind::Photo);
    assert!(photo.body.is_empty());
    assert!(!photo.ocr.unwrap().text);
    assert!(archive.scans_among(&ids, false).is_empty());
    // The words read are found by search, and suggested from like any article's.
    for (word, id) in [("Курык", ids[0]), ("тасымалын", ids[1]), ("transcaspienne", ids[2])] {
        let found: Vec<ClippingId> = archive.search_str(word).unwrap().into_iter().map(|c| c.id).collect();
        assert_eq!(found, [id], "{word}");
    }
    let suggested = archive.suggestions(ids[0]).unwrap();
    assert!(suggested.iter().any(|s| s.tag.value == "BE"), "{suggested:?}");
}

#[test]
fn a_cancelled_reading_changes_nothing_and_the_command_line_reads_again() {
    if !tesseract_here() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    let inbox = tmp.path().join("in");
    let page = write(&inbox, "scan.jpg", jpeg(&scanned(printed_page(FR_HEADLINE, FR_TEXT, 2))));
    let id = {
        let archive = Archive::open(&dir).unwrap();
        let id = import(&archive, &page);
        let report = archive.read_scans(&[id], None, &|_, _, _| {}, &AtomicBool::new(true)).unwrap();
        assert!(report.cancelled && report.read.is_empty());
        let c = archive.get(id).unwrap();
        assert_eq!((c.kind, c.ocr.is_none()), (Kind::Photo, true));
        id
    };
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_clippings"))
            .arg("--archive")
            .arg(&dir)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["ocr", "--query", "", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let line: serde_json::Value = serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(line["id"], id.0);
    assert_eq!(line["title"], FR_HEADLINE);
    // Read already: nothing to do unless asked again, in the languages given.
    let again = run(&["ocr", "--ids", &id.0.to_string()]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("nothing to read"));
    // A title a person wrote stays when it is read again; the reading's own is given again.
    let out = run(&["ocr", "--ids", &id.0.to_string(), "--again", "--languages", "fra"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains(FR_HEADLINE), "{}", String::from_utf8_lossy(&out.stdout));
    {
        let archive = Archive::open(&dir).unwrap();
        let mut c = archive.get(id).unwrap();
        assert!(!c.body.starts_with(FR_HEADLINE), "the headline read again is the title, not text");
        c.title = "Coopération belgo-kazakhe".to_owned();
        archive.update(&c).unwrap();
    }
    let out = run(&["ocr", "--ids", &id.0.to_string(), "--again", "--languages", "fra"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Coopération belgo-kazakhe"));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("(fra, confidence"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Languages kept as the archive's: later readings use them.
    let out = run(&["ocr", "--ids", &id.0.to_string(), "--again", "--languages", "fra+eng", "--remember"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(Archive::open(&dir).unwrap().ocr_languages().unwrap(), ["fra", "eng"]);
    let out = run(&["ocr", "--ids", &id.0.to_string(), "--again"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("(fra+eng, confidence"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // A language tesseract does not have is said plainly.
    let out = run(&["ocr", "--ids", &id.0.to_string(), "--again", "--languages", "xyz"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("none of the languages"));
}

/// A file dropped on the window.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn the_window_reads_a_dropped_scan_while_it_shows_and_then_finds_its_words() {
    use egui_kittest::kittest::Queryable as _;
    if !tesseract_here() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let scan =
        write(&tmp.path().join("in"), "IMG_0042.jpg", jpeg(&speckled(scanned(printed_page(RU_HEADLINE, RU_TEXT, 2)))));
    let dir = tmp.path().join("archive");
    let settings = clippings::ui::Settings { language: Some(clippings::i18n::Lang::En), ..Default::default() };
    let mut h = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| clippings::ui::ClippingsApp::new(&cc.egui_ctx, dir, settings));
    window::settle(&mut h);
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(scan)));
    // While it is read, the status bar says so and can stop it.
    window::step_until(&mut h, std::time::Duration::from_secs(30), "the reading to start", |h| {
        h.query_by_label_contains("Reading text").is_some()
    });
    // (step_until settles: by now the reading is over.)
    assert!(h.state().state().scans.is_none());
    let results = &h.state().state().results;
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].card.kind, Kind::Article);
    assert_eq!(results[0].card.title(), RU_HEADLINE);
    h.get_by_label_contains("Read the text of 1 scan");
    // Its words are found, and the pane shows the text under the scan.
    h.get_by_label("Search").click();
    h.step();
    h.get_by_label("Search").type_text("Курык");
    window::settle(&mut h);
    assert_eq!(h.state().state().results.len(), 1);
    h.get_by_label(RU_HEADLINE).click();
    window::settle(&mut h);
    h.get_by_label_contains("портов Актау");
    // Read again from the card's menu: the status bar shows it, and the text stays.
    h.get_all_by_label(RU_HEADLINE).next().unwrap().click_secondary();
    window::settle(&mut h);
    h.get_by_label("Read the text (OCR)").click();
    window::step_until(&mut h, std::time::Duration::from_secs(30), "reading again", |h| {
        h.query_by_label_contains("Reading text").is_some()
    });
    // Its toast beside the first one's.
    assert_eq!(h.query_all_by_label_contains("Read the text of 1 scan").count(), 2);
    assert_eq!(h.state().state().results[0].card.title(), RU_HEADLINE);
}

/// A document of two pages: the first with its text, the second a scanned page (a picture).
fn document_with_a_scanned_page(scan: &GrayImage) -> Vec<u8> {
    use clippings::review::{Picture, Review, Section, Story};
    let fonts = FontSet::system();
    // The first page set in text; the second the scan, as the one story's picture.
    let mut shaper = Shaper::new(&fonts).unwrap();
    let (runs_a, w_a) = runs(&mut shaper, "Annual report of the embassy", 18.0, true);
    let mut items = vec![Item::Text { x: 40.0, y: 70.0, size: 18.0, gray: 0.0, width: w_a, runs: runs_a }];
    let mut y = 110.0;
    for line in FIRST_PAGE.split(". ") {
        let (runs_l, w_l) = runs(&mut shaper, line, 10.0, false);
        items.push(Item::Text { x: 40.0, y, size: 10.0, gray: 0.0, width: w_l, runs: runs_l });
        y += 14.0;
    }
    let (w, h) = (420.0, 595.0);
    let second = Page { items: vec![Item::Picture { x: 0.0, y: 0.0, w, h, section: 0, story: 0 }] };
    let doc = Document { width: w, height: h, pages: vec![Page { items }, second], outline: Vec::new() };
    let picture = Picture { jpeg: jpeg(scan), width: scan.width(), height: scan.height() };
    let story = Story { picture: Some(picture), ..Story::default() };
    let review = Review { sections: vec![Section { stories: vec![story], ..Section::default() }], ..Review::default() };
    clippings::review::pdf::write_document(&review, &doc, &fonts).unwrap()
}

const FIRST_PAGE: &str = "The embassy organised forty events this year. Trade between the two countries grew by a \
    fifth. A new direct flight opened in the spring";

#[test]
fn a_document_keeps_its_text_and_its_scanned_page_is_read_into_its_place() {
    if !tesseract_here() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let scan = speckled(scanned(printed_page(FR_HEADLINE, FR_TEXT, 1)));
    let pdf = write(&tmp.path().join("in"), "report.pdf", document_with_a_scanned_page(&scan));
    let id = import(&archive, &pdf);
    let c = archive.get(id).unwrap();
    assert_eq!(c.pages_without_text, [1], "the second page has no text of its own");
    assert!(c.body.contains("forty events") && !c.body.contains("transcaspienne"));
    assert!(c.awaits_ocr());
    let report = archive.read_scans(&[id], None, &|_, _, _| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(report.read, [id]);
    let c = archive.get(id).unwrap();
    // The first page's text as it was, then the scanned page's, in page order.
    let (first, second) = (c.body.find("forty events").unwrap(), c.body.find("transcaspienne").unwrap());
    assert!(first < second, "{}", c.body);
    assert_eq!(c.title, "Annual report of the embassy");
    assert!(!archive.get(id).unwrap().awaits_ocr());
    let found: Vec<ClippingId> = archive.search_str("transcaspienne").unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(found, [id]);
}
