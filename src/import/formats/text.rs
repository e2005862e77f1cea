//! Plain-text articles: decoding the bytes (UTF-8 with or without BOM, UTF-16 with BOM, or a
//! legacy encoding guessed by chardetng), and reading a clipping in the shape people paste it
//! from a news site: headline, maybe an article number, a date and a photo credit line, the
//! body (whose first sentence often names the outlet: "..., DKNews.kz reports."), then the
//! site's furniture (registration notice, copyright, menu words), which is kept apart.

use chrono::NaiveDate;

use crate::import::{ImportError, TextProblem};

/// The largest text article: some 3,000 pages of prose. No press clipping comes near it, and
/// reading, indexing and suggesting on a larger text would hold an import for a minute.
pub const MAX_TEXT_BYTES: u64 = 8 * 1024 * 1024;
/// The largest saved page: pages carry markup, styles and inline images beside their text.
pub const MAX_PAGE_BYTES: u64 = 24 * 1024 * 1024;

#[derive(Debug, Default, PartialEq)]
pub(crate) struct Article {
    pub title: String,
    pub body: String,
    pub credit: String,
    pub source: String,
    pub published: Option<NaiveDate>,
    pub boilerplate: String,
}

/// Decodes text bytes to a string, whatever their encoding.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or_default());
        if had_errors {
            return Err(ImportError::BadText(TextProblem::AfterByteOrderMark(encoding.name())));
        }
        return Ok(text.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    if bytes.contains(&0) {
        return Err(ImportError::BadText(TextProblem::Binary));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, _, _) = encoding.decode(bytes);
    Ok(text.into_owned())
}

/// What a document reader (PDF, Word, OpenDocument) gives: its text and its properties.
pub(crate) struct Document {
    pub title: String,
    pub author: String,
    pub published: Option<NaiveDate>,
    pub body: String,
}

/// Reads an article: the title is the first non-empty line; the head lines after it that are
/// an article number, a date or a photo credit go to their fields; trailing site furniture
/// goes to `boilerplate`; the rest is the body.
pub(crate) fn parse_article(text: &str) -> Result<Article, ImportError> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines = text.lines();
    let title = lines.by_ref().map(str::trim).find(|l| !l.is_empty()).ok_or(ImportError::NoText)?;
    // Markdown headings are titles too; the hashes are markup, not words.
    let title = title.trim_start_matches('#').trim().to_owned();
    let mut rest: Vec<&str> = lines.collect();
    // A text pasted as one long line has no headline line: its first sentence is the title,
    // and the whole line stays the body.
    let (title, whole_line) =
        if title.chars().count() > 200 { (first_sentence(&title), Some(title)) } else { (title, None) };
    if let Some(line) = &whole_line {
        rest.insert(0, line.as_str());
    }
    let mut article = Article { title, ..Article::default() };
    let mut furniture = Vec::new();
    let mut tail = Vec::new();

    // The head: short lines before the first real paragraph.
    let mut i = 0;
    while i < rest.len() {
        let line = rest[i].trim();
        if line.is_empty() {
            i += 1;
            continue;
        }
        if is_article_number(line) {
            furniture.push(line.to_owned());
        } else if let Some(credit) = photo_credit(line) {
            article.credit = credit;
        } else if let Some(date) = parse_date(line).filter(|_| line.chars().count() <= 40) {
            article.published = Some(date);
        } else {
            break;
        }
        i += 1;
    }
    rest.drain(..i);

    // The tail: menu words, copyright and registration notices, from the end up.
    while let Some(last) = rest.last() {
        let line = last.trim();
        // Never the whole body: a short text is the article, whatever it looks like.
        let body_before = rest[..rest.len() - 1].iter().any(|l| !l.trim().is_empty() && !is_furniture(l.trim()));
        if line.is_empty() || body_before && is_furniture(line) {
            if !line.is_empty() {
                tail.push(line.to_owned());
            }
            rest.pop();
        } else {
            break;
        }
    }
    tail.reverse();
    furniture.extend(tail);
    let body = rest.join("\n").trim().to_owned();
    article.source = outlet_in(&body).unwrap_or_default();
    article.body = body;
    article.boilerplate = furniture.join("\n");
    Ok(article)
}

/// The first sentence of a long line, at most 150 characters (cut at a word, with "…").
fn first_sentence(line: &str) -> String {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    // A full stop after a lone capital is an initial ("М. Жуков"), not a sentence's end.
    let initial = |k: usize| {
        k >= 1
            && chars.get(k - 1).is_some_and(|(_, c)| c.is_uppercase())
            && (k == 1 || chars.get(k - 2).is_some_and(|(_, c)| !c.is_alphanumeric()))
    };
    let end = chars
        .iter()
        .enumerate()
        .find(|&(k, &(i, c))| matches!(c, '.' | '!' | '?') && i > 20 && !(c == '.' && initial(k)))
        .map(|(_, &(i, _))| i + 1);
    let sentence = end.and_then(|e| line.get(..e)).unwrap_or(line);
    if sentence.chars().count() <= 150 {
        return sentence.trim().to_owned();
    }
    let cut: String = sentence.chars().take(150).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end())
}

fn is_article_number(line: &str) -> bool {
    let digits = line.trim_start_matches(['#', '№', 'N', 'o', '.', ' ']);
    (3..=10).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
}

/// "Photo by: Gov", "Фото: Акорда", "Photo : AFP", "Foto: Belga" -> the credit.
fn photo_credit(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    const PREFIXES: &[&str] =
        &["photo by", "photo credit", "photos by", "photo", "фото", "фотография", "crédit photo", "foto", "beeld"];
    let prefix = PREFIXES.iter().find(|p| lower.starts_with(*p))?;
    let rest = line.get(prefix.len()..)?.trim_start();
    let value = rest.strip_prefix(':').or_else(|| rest.strip_prefix('-')).or_else(|| rest.strip_prefix('—'))?;
    let value = value.trim();
    (!value.is_empty() && value.chars().count() <= 80).then(|| value.to_owned())
}

/// Lines of a news site's page furniture: copyright and registration notices, menu words.
fn is_furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    const MARKERS: &[&str] = &[
        "©",
        "(c) ",
        "copyright",
        "all rights reserved",
        "все права защищены",
        "tous droits réservés",
        "alle rechten voorbehouden",
        "is registered with",
        "registration certificate",
        "зарегистрирован",
        "свидетельство о",
        "certificat d'enregistrement",
        "read also",
        "читайте также",
        "lire aussi",
        "lees ook",
        "subscribe to",
        "подписывайтесь",
        "abonnez-vous",
        "share this",
        "поделиться",
    ];
    if MARKERS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    // A word or two without a sentence's punctuation: a menu or a button.
    let words = line.split_whitespace().count();
    words <= 2 && line.chars().count() <= 24 && !line.ends_with(['.', '!', '?', '"', '»', ':'])
}

/// The outlet named in the first paragraph: "..., DKNews.kz reports.", "..., сообщает Kazinform.",
/// "..., rapporte Le Soir.", "..., meldt De Tijd."
fn outlet_in(body: &str) -> Option<String> {
    let first = body.split("\n\n").next()?.trim();
    let sentence_end = |s: &str| s.trim_end_matches(['.', '!', ' ']).to_owned();
    // "<outlet> reports" / "<outlet> writes" at the end of a sentence, after a comma.
    for verb in [" reports", " writes", " informs"] {
        for (pos, _) in first.match_indices(verb) {
            let before = first.get(..pos)?;
            let after = first.get(pos + verb.len()..)?;
            if !after.trim_start().is_empty() && !after.starts_with(['.', '!']) {
                continue;
            }
            let name = before.rsplit(',').next()?.trim();
            if looks_like_outlet(name, verb != " writes") {
                return Some(name.to_owned());
            }
        }
    }
    // "..., сообщает <outlet>." and its French and Dutch kin: the name follows the verb.
    for verb in ["сообщает ", "передает ", "пишет ", "rapporte ", "selon ", "meldt ", "schrijft ", "aldus "]
    {
        if let Some(pos) = first.find(verb) {
            // Up to the sentence's end: a full stop followed by a space or the end, not the
            // dot of a web address (DKNews.kz).
            let rest = first.get(pos + verb.len()..)?;
            let clause = rest.split([',', '\n']).next()?;
            let clause = clause.split(". ").next()?;
            let name = sentence_end(clause);
            let name = name.trim().trim_start_matches("корреспондент ").trim();
            let agency_verb = matches!(verb, "сообщает " | "передает " | "rapporte " | "meldt ");
            if looks_like_outlet(name, agency_verb) {
                return Some(name.to_owned());
            }
        }
    }
    None
}

/// Whether the words a reporting verb points at name an outlet rather than a person or a
/// phrase ("Жуков в соцсетях", "aldus Atkins"). A name of one to four words, each capitalised;
/// after a verb agencies are said with ("сообщает", "reports"), that is enough; after one
/// said of people too ("пишет", "writes", "selon", "aldus"), only a name an outlet has: an
/// acronym (ТАСС, RT) or a web address (DKNews.kz).
fn looks_like_outlet(name: &str, agency_verb: bool) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if !(1..=4).contains(&words.len()) || !words.iter().all(capitalised) {
        return false;
    }
    let acronym = |w: &&str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    };
    let address =
        |w: &&str| w.rsplit_once('.').is_some_and(|(site, tld)| !site.is_empty() && (2..=4).contains(&tld.len()));
    agency_verb || words.iter().any(acronym) || words.iter().any(address)
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("juni", 6),
    ("juli", 7),
    ("augustus", 8),
    ("oktober", 10),
    // German, where it differs.
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("dezember", 12),
    // Abbreviated, as bylines write them ("Jan 18, 2019", "09 Oct 2018", "3 déc. 2021"); a
    // point after one is dropped before the lookup.
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("okt", 10),
    ("dez", 12),
    ("janv", 1),
    ("févr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    ("mrt", 3),
    // Ukrainian, in the genitive as dates are written.
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
];

/// Kazakh month names; a date may carry a case ending ("12 наурызда", "наурыздағы").
const KAZAKH_MONTHS: &[(&str, u32)] = &[
    ("қаңтар", 1),
    ("ақпан", 2),
    ("наурыз", 3),
    ("сәуір", 4),
    ("мамыр", 5),
    ("маусым", 6),
    ("шілде", 7),
    ("тамыз", 8),
    ("қыркүйек", 9),
    ("қазан", 10),
    ("қараша", 11),
    ("желтоқсан", 12),
];

/// The case endings a Kazakh month takes in a date.
const KAZAKH_ENDINGS: &[&str] =
    &["", "да", "де", "та", "те", "дағы", "дегі", "тағы", "тегі", "ы", "і", "ның", "нің", "ғы"];

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if let Some((_, m)) = MONTHS.iter().find(|(name, _)| *name == word) {
        return Some(*m);
    }
    KAZAKH_MONTHS.iter().find_map(|(stem, m)| {
        let ending = word.strip_prefix(stem)?;
        KAZAKH_ENDINGS.contains(&ending).then_some(*m)
    })
}

/// Whether a date opens `text` ("21. April 2020, 10:00", "April 21, 2020", "2020-04-21").
pub(crate) fn starts_with_date(text: &str) -> bool {
    let Some(first) = text.split_whitespace().next() else { return false };
    let first = first.to_lowercase();
    (first.starts_with(|c: char| c.is_ascii_digit()) || month_number(first.trim_end_matches([',', '.'])).is_some())
        && parse_date(text).is_some()
}

/// A date written as 31.01.2024, 2024-01-31, 31 January 2024, January 31, 2024, 31 января 2024,
/// 31 janvier 2024, 31 januari 2024, 12 наурыз 2024 or 2024 жылғы 12 наурызда (a time after it
/// is ignored).
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    dates_in(text).next()
}

/// A date written with a two-digit year ("28.01.22") in this century, or the last when that
/// would be in the future; other years as written.
fn with_century(date: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    if !(0..100).contains(&date.year()) {
        return Some(date);
    }
    let this_century = date.with_year(2000 + date.year())?;
    if this_century <= chrono::Utc::now().date_naive() {
        Some(this_century)
    } else {
        date.with_year(1900 + date.year())
    }
}

/// Every date in `text`, in the shapes [`parse_date`] reads, in order.
pub(crate) fn dates_in(text: &str) -> impl Iterator<Item = NaiveDate> {
    let cleaned: String =
        text.to_lowercase().chars().map(|c| if matches!(c, ',' | '(' | ')' | '«' | '»') { ' ' } else { c }).collect();
    let words: Vec<String> = cleaned.split_whitespace().map(str::to_owned).collect();
    let number = |w: &str| w.trim_end_matches(['.', 'г']).parse::<u32>().ok();
    let year_of = |w: &str| number(w).filter(|y| (1000..=9999).contains(y));
    // A day may be written as an ordinal: "December 29th", "May 1st", "1er mai".
    let day_of = |w: &str| {
        number(w).or_else(|| {
            let digits = ["st", "nd", "rd", "th", "er"].iter().find_map(|end| w.strip_suffix(end))?;
            digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
        })
    };
    let mut found = Vec::new();
    for i in 0..words.len() {
        let w = words[i].as_str();
        for fmt in ["%d.%m.%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"] {
            let w = w.get(..10).unwrap_or(w);
            if let Ok(d) = NaiveDate::parse_from_str(w.trim_end_matches('.'), fmt) {
                found.extend(with_century(d));
                break;
            }
        }
        let Some(m) = month_number(w) else { continue };
        let at = |j: Option<usize>| j.and_then(|j| words.get(j)).map(String::as_str);
        let (before, after1, after2) =
            (at(i.checked_sub(1)).and_then(day_of), at(Some(i + 1)).and_then(day_of), at(Some(i + 2)).and_then(number));
        // Kazakh writes the year first: "2024 жылғы 12 наурыз", "2024 ж. 12 наурыз".
        let kazakh_year = at(i.checked_sub(2))
            .filter(|w| matches!(*w, "жылғы" | "жылы" | "ж."))
            .and(at(i.checked_sub(3)).and_then(year_of))
            .or_else(|| at(i.checked_sub(2)).and_then(year_of));
        // "31 January 2024" or "January 31, 2024".
        let (day, year) = match (before, after1, after2) {
            (Some(d), Some(y), _) if y > 31 => (d, y),
            (_, Some(d), Some(y)) if d <= 31 && y > 31 => (d, y),
            (Some(d), _, _) if kazakh_year.is_some() => (d, kazakh_year.unwrap_or_default()),
            _ => continue,
        };
        if let Some(date) = i32::try_from(year).ok().and_then(|y| NaiveDate::from_ymd_opt(y, m, day)) {
            found.push(date);
        }
    }
    found.into_iter()
}

/// The date a story gives at its start, when no head line held one: a dateline ("BRUSSELS,
/// 12 March 2024 (Reuters) -", "Астана, 12 наурыз 2024 ж. —") or the one date of the first
/// sentence ("Le 12 mars 2024, les ministres ..."). Dates deeper in the text are history the
/// story tells ("founded on September 5, 1944"), not its own date, so they are not read.
pub(crate) fn dateline(body: &str) -> Option<NaiveDate> {
    let first = body.trim_start().lines().next()?;
    // The dateline: the start of the first line, up to its dash.
    let head: String = first.chars().take(100).collect();
    if let Some(cut) = [" — ", " – ", " - ", " -- "].iter().filter_map(|dash| head.find(dash)).min()
        && let Some(date) = parse_date(&head[..cut])
    {
        return Some(date);
    }
    // The first sentence, when it holds exactly one date.
    let end = first
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && i > 40 && !first[..i].ends_with(|c: char| c.is_ascii_digit()))
        .map_or(first.len(), |(i, _)| i);
    let sentence = first.get(..end.min(400)).unwrap_or(first);
    let mut dates = dates_in(sentence);
    let date = dates.next()?;
    dates.next().is_none().then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], title: &str, body: &str) {
        let article = parse_article(&decode(bytes).unwrap()).unwrap();
        assert_eq!((article.title.as_str(), article.body.as_str()), (title, body));
    }

    /// The shape of a clipping pasted from a news site, in four languages.
    fn check_pasted(text: &str, expected: Article) {
        assert_eq!(parse_article(text).unwrap(), expected);
    }

    #[test]
    fn pasted_clippings() {
        check_pasted(
            "Brussels talks: Kazakhstan and Benelux build bridges\n\n222992\nPhoto by: Gov\n\n\
             Prospects for cooperation were discussed in Brussels, DKNews.kz reports.\n\n\
             The parties discussed the Middle Corridor.\n\n\
             DKNews International News Agency is registered with the Ministry of Culture. Registration certificate No. 10484-AA.\n\n\
             Theme\nAutoreload\nМИА «DKnews.kz» © 2006 -",
            Article {
                title: "Brussels talks: Kazakhstan and Benelux build bridges".into(),
                body: "Prospects for cooperation were discussed in Brussels, DKNews.kz reports.\n\nThe parties discussed the Middle Corridor.".into(),
                credit: "Gov".into(),
                source: "DKNews.kz".into(),
                published: None,
                boilerplate: "222992\nDKNews International News Agency is registered with the Ministry of Culture. Registration certificate No. 10484-AA.\nTheme\nAutoreload\nМИА «DKnews.kz» © 2006 -".into(),
            },
        );
        check_pasted(
            "Казахстан и Бельгия обсудили транспорт\n15 марта 2024, 10:30\nФото: Акорда\n\n\
             Стороны обсудили Средний коридор, сообщает Kazinform.\n\nВсе права защищены.",
            Article {
                title: "Казахстан и Бельгия обсудили транспорт".into(),
                body: "Стороны обсудили Средний коридор, сообщает Kazinform.".into(),
                credit: "Акорда".into(),
                source: "Kazinform".into(),
                published: NaiveDate::from_ymd_opt(2024, 3, 15),
                boilerplate: "Все права защищены.".into(),
            },
        );
        check_pasted(
            "Le Kazakhstan et la Belgique renforcent leurs liens\nPhoto : Belga\n12/04/2023\n\n\
             Les deux pays ont signé un accord sur l'énergie, rapporte Le Soir.\n\nLire aussi : notre dossier",
            Article {
                title: "Le Kazakhstan et la Belgique renforcent leurs liens".into(),
                body: "Les deux pays ont signé un accord sur l'énergie, rapporte Le Soir.".into(),
                credit: "Belga".into(),
                source: "Le Soir".into(),
                published: NaiveDate::from_ymd_opt(2023, 4, 12),
                boilerplate: "Lire aussi : notre dossier".into(),
            },
        );
        check_pasted(
            "Kazachstan en Benelux bouwen bruggen\nFoto: Belga\n\n\
             De ministers spraken in Brussel over vervoer, meldt De Tijd.\n\n© Mediahuis 2024",
            Article {
                title: "Kazachstan en Benelux bouwen bruggen".into(),
                body: "De ministers spraken in Brussel over vervoer, meldt De Tijd.".into(),
                credit: "Belga".into(),
                source: "De Tijd".into(),
                published: None,
                boilerplate: "© Mediahuis 2024".into(),
            },
        );
    }

    #[test]
    fn one_long_line_gets_its_first_sentence_as_title() {
        let line = "Во Вьетнаме в ДТП с автобусом погибли не менее 13 человек. ".to_owned()
            + &"Подробности уточняются. ".repeat(12);
        let a = parse_article(&line).unwrap();
        assert_eq!(a.title, "Во Вьетнаме в ДТП с автобусом погибли не менее 13 человек.");
        assert_eq!(a.body, line.trim());
    }

    #[test]
    fn dates_in_many_shapes() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_date("31.01.2024"), d(2024, 1, 31));
        assert_eq!(parse_date("2024-01-31T10:00"), d(2024, 1, 31));
        assert_eq!(parse_date("January 31, 2024"), d(2024, 1, 31));
        assert_eq!(parse_date("31 January 2024"), d(2024, 1, 31));
        assert_eq!(parse_date("31 января 2024 г."), d(2024, 1, 31));
        assert_eq!(parse_date("5 août 2023"), d(2023, 8, 5));
        assert_eq!(parse_date("5 augustus 2023"), d(2023, 8, 5));
        assert_eq!(parse_date("no date here"), None);
        // Days written as ordinals.
        assert_eq!(parse_date("December 29th 2019"), d(2019, 12, 29));
        assert_eq!(parse_date("March 1st, 2024"), d(2024, 3, 1));
        assert_eq!(parse_date("the 22nd May 2023"), d(2023, 5, 22));
        assert_eq!(parse_date("1er mai 2022"), d(2022, 5, 1));
        assert_eq!(parse_date("December 32nd 2019"), None);
        // A two-digit year is of this century, unless that is still to come.
        assert_eq!(parse_date("28.01.22 / 0 Kommentare"), d(2022, 1, 28));
        assert_eq!(parse_date("01.05.98"), d(1998, 5, 1));
    }

    #[test]
    fn kazakh_ukrainian_and_german_dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_date("12 наурыз 2024"), d(2024, 3, 12));
        assert_eq!(parse_date("2024 жылғы 12 наурызда"), d(2024, 3, 12));
        assert_eq!(parse_date("2023 ж. 5 қазан"), d(2023, 10, 5));
        assert_eq!(parse_date("12 березня 2024 року"), d(2024, 3, 12));
        assert_eq!(parse_date("3. März 2024"), d(2024, 3, 3));
        // A month name alone, or a city that is also a month, is no date.
        assert_eq!(parse_date("Қазан қаласында"), None);
        assert_eq!(parse_date("в марте"), None);
    }

    #[test]
    fn datelines_and_first_sentences() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(dateline("BRUSSELS, 12 March 2024 (Reuters) - Ministers met."), d(2024, 3, 12));
        assert_eq!(dateline("Астана, 12 наурыз 2024 ж. — Министрлер кездесті."), d(2024, 3, 12));
        assert_eq!(dateline("Le 12 mars 2024, les ministres se sont réunis à Bruxelles."), d(2024, 3, 12));
        assert_eq!(dateline("АСТАНА. 15 марта 2024 года. КАЗИНФОРМ – Стороны обсудили."), d(2024, 3, 15));
        // History told later in the story is not the story's date.
        assert_eq!(dateline("Ministers met in Brussels.\n\nThe union was founded on September 5, 1944."), None);
        // Two dates in the first sentence: which one is the story's is anyone's guess.
        assert_eq!(dateline("Between 1 May 2023 and 1 June 2024 exports grew by a tenth overall."), None);
        assert_eq!(dateline(""), None);
    }

    #[test]
    fn encodings_and_shapes() {
        check(b"Title\n\nBody one.\nBody two.\n", "Title", "Body one.\nBody two.");
        check(b"\xEF\xBB\xBFWith BOM\r\nbody", "With BOM", "body");
        check(b"\n\n   \n  Late title  \nx", "Late title", "x");
        check(b"# Markdown title\n\ntext", "Markdown title", "text");
        check(b"Only a title", "Only a title", "");
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Привет\nмир".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        check(&utf16, "Привет", "мир");
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251
            .encode("Переговоры в Брюсселе\nКазахстан и страны Бенилюкса обсудили сотрудничество.");
        check(&cp1251, "Переговоры в Брюсселе", "Казахстан и страны Бенилюкса обсудили сотрудничество.");
    }

    #[test]
    fn empty_and_binary() {
        assert!(matches!(parse_article("  \n\n "), Err(ImportError::NoText)));
        assert!(decode(b"\x00\x01\x02\xff\xfe\x00").is_err());
    }
}

#[cfg(test)]
mod outlet_tests {
    use super::*;

    #[test]
    fn an_outlet_is_named_by_an_agency_verb_or_looks_like_one() {
        assert_eq!(outlet_in("Цены выросли на треть, сообщает ТАСС."), Some("ТАСС".to_owned()));
        assert_eq!(outlet_in("Грузы пошли по коридору, пишет DKNews.kz."), Some("DKNews.kz".to_owned()));
        assert_eq!(outlet_in("Freight doubled, Interfax reports."), Some("Interfax".to_owned()));
        // People, and phrases, are not outlets.
        assert_eq!(outlet_in("Итоги подвели в понедельник, пишет Жуков в соцсетях."), None);
        assert_eq!(outlet_in("De prijzen stijgen, aldus Atkins."), None);
        assert_eq!(outlet_in("Les prix montent, selon Riquet."), None);
        assert_eq!(outlet_in("The talks went well, Smith writes."), None);
    }

    #[test]
    fn a_long_first_line_is_not_cut_at_an_initial() {
        let line = "Министр ответил на высказывания М. Жукова о транспортном коридоре через Каспий и напомнил о планах. Остальное потом.";
        assert!(first_sentence(line).contains("М. Жукова"), "{}", first_sentence(line));
        assert!(first_sentence(line).ends_with("о планах."), "{}", first_sentence(line));
    }
}
