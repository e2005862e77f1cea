//! A saved page's date: from its meta tags, JSON-LD, `<time>` elements, elements marked as
//! dates, the line under its headline, its address or its text, in that order of trust, and
//! checked against the order of the dates the page shows.

use super::*;

/// The page's date: the one under its headline; else the first its markup gives
/// (`published_time` is what Readability found), moved to the day the page shows when that is
/// one day off; else the first it shows a reader, labelled, opening the text, in the title, or
/// anywhere.
pub(super) fn page_date(
    html: &str,
    published_time: Option<&str>,
    url: &str,
    title: &str,
    body: &str,
) -> Option<NaiveDate> {
    // Markup commented out ("<!-- <meta property="og:updated_time" ...> -->", a cache's
    // "served at") is no date of the page's.
    let html = &*without_comments(html);
    // The date a reader sees under the headline is the article's: a page that shows when it
    // was last brought up to date shows that one there, and its markup may still carry the
    // first version's.
    if let Some(date) = headline_date(html).filter(|date| plausible(*date)) {
        return Some(in_the_pages_order(date, html));
    }
    // The meta tags are read once, for the publication and, later, the last change.
    let meta = std::cell::OnceCell::new();
    let meta = || *meta.get_or_init(|| meta_date(html));
    // Then what the page says in its markup for machines...
    let marked: [&dyn Fn() -> Option<NaiveDate>; 6] = [
        &|| published_time.and_then(parse_date_prefix),
        &|| meta().filter(|meta| !meta.last_change).map(|meta| meta.date),
        &|| json_date(html),
        &|| time_element_date(html),
        &|| marked_date(html),
        &|| url_date(url),
    ];
    // ...and what else it shows a reader, read from the page's text made once.
    let page_text = std::cell::OnceCell::new();
    let page_text = || page_text.get_or_init(|| shown_text(html)).as_str();
    let shown: [&dyn Fn() -> Option<NaiveDate>; 3] =
        [&|| labelled_date(page_text()), &|| body_date(body), &|| crate::import::formats::text::parse_date(title)];
    let first = |sources: &[&dyn Fn() -> Option<NaiveDate>]| {
        sources.iter().find_map(|source| source().filter(|date| plausible(*date)))
    };
    // A page that marks only its last change: a publication date it labels for its reader
    // ("Erschienen am 26. Jan 2022") is before that, else the last change is its date.
    let last_change = || meta().filter(|meta| meta.last_change).map(|meta| meta.date);
    let Some(date) = first(&marked).or_else(|| {
        if labelled_date(page_text()).is_some() { None } else { last_change().filter(|date| plausible(*date)) }
    }) else {
        let date = first(&shown).or_else(|| first_shown_date(page_text()))?;
        return Some(in_the_pages_order(date, html));
    };
    // A time stamp in UTC ("2022-11-06T23:00Z") can fall on the day before or after the one
    // the page shows, in the site's own time: the day the reader sees is the day. A stamp
    // with the site's own offset ("2023-11-01T08:16+01:00") is that day already.
    let date = match first(&shown) {
        Some(shown) if (shown - date).num_days().abs() == 1 && !stamped_in_local_time(html, date) => shown,
        _ => date,
    };
    Some(in_the_pages_order(date, html))
}

/// A date written in numbers and slashes only ("11/08/2023") reads day-first or month-first.
/// When the page writes the other reading elsewhere in a form that is not ambiguous (ISO
/// "2023-11-08", or "08.11.2023", which is always day-first) and this one nowhere so, the
/// other is meant: an American page's "11/08/23" is 8 November.
pub(super) fn in_the_pages_order(date: NaiveDate, html: &str) -> NaiveDate {
    use chrono::Datelike;
    let (day, month) = (date.day(), date.month());
    let Some(other) = NaiveDate::from_ymd_opt(date.year(), day, month).filter(|_| day != month) else {
        return date;
    };
    let year = date.year();
    let slashed = [
        format!("{day:02}/{month:02}/{year}"),
        format!("{day}/{month}/{year}"),
        format!("{day:02}/{month:02}/{:02}", year % 100),
        format!("{day}/{month}/{:02}", year % 100),
    ];
    let plainly = |d: NaiveDate| {
        [d.format("%Y-%m-%d").to_string(), d.format("%d.%m.%Y").to_string()].iter().any(|s| html.contains(s.as_str()))
    };
    if slashed.iter().any(|s| html.contains(s.as_str())) && plainly(other) && !plainly(date) { other } else { date }
}

/// Whether the page's time stamps of `date` carry an offset other than UTC's
/// ("2023-11-01T08:16:57+01:00") and none is in UTC ("...Z", "+00:00"): then the date is the
/// site's own day, not UTC's.
pub(super) fn stamped_in_local_time(html: &str, date: NaiveDate) -> bool {
    let stamp = format!("{}T", date.format("%Y-%m-%d"));
    let (mut local, mut utc) = (false, false);
    for (at, _) in html.match_indices(stamp.as_str()).take(20) {
        let rest = html.get(at + stamp.len()..).unwrap_or_default();
        let zone = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
        if zone.starts_with('Z') || zone.starts_with("+00:00") || zone.starts_with("+0000") {
            utc = true;
        } else if zone.starts_with(['+', '-']) && zone.get(1..3).is_some_and(|h| h.bytes().all(|b| b.is_ascii_digit()))
        {
            local = true;
        }
    }
    local && !utc
}

/// The first date in the page's text, for a page that marks none: the date of a news item
/// standing alone above or below its headline, a blog post's footer.
pub(super) fn first_shown_date(page_text: &str) -> Option<NaiveDate> {
    crate::import::formats::text::dates_in(page_text).find(|d| plausible(*d))
}

/// The text of the page's body as a reader sees it, in one line; elements apart are words
/// apart ("<span>Artikel</span><span>3.11.2023</span>").
pub(super) fn shown_text(html: &str) -> String {
    let body = html.get(html.to_ascii_lowercase().find("<body").unwrap_or(0)..).unwrap_or(html);
    clean(&text_of_markup(&body.replace('<', " <")))
}

/// The text of at most `bytes` of markup from `start`, in one line, cut at `chars` letters.
pub(super) fn text_near(html: &str, start: usize, bytes: usize, chars: usize) -> Option<String> {
    let end = (start..=(start + bytes).min(html.len())).rev().find(|&i| html.is_char_boundary(i))?;
    Some(clean(&text_of_markup(html.get(start..end)?)).chars().take(chars).collect())
}

/// A date at the very start of the article's text ("01.02.2022 – Der Arbeitsmarkt ...").
pub(super) fn body_date(body: &str) -> Option<NaiveDate> {
    let start = body.char_indices().nth(BODY_DATE_REACH).map_or(body, |(i, _)| &body[..i]);
    crate::import::formats::text::parse_date(start)
}

/// How far into the article's text its date may be.
pub(super) const BODY_DATE_REACH: usize = 200;

/// A date the page's text gives under a label that says what it is, in the languages we read
/// ("Veröffentlicht am 16.08.2019", "Datum: 26. Januar 2022", "Published on August 19, 2019",
/// "Publié le 3 mai 2022", "Опубликовано 12.03.2024"): the first such label followed by a date.
pub(super) fn labelled_date(page_text: &str) -> Option<NaiveDate> {
    const LABELS: [&str; 24] = [
        "published on",
        "published:",
        "posted on",
        "first published",
        "date:",
        "veröffentlicht am",
        "veröffentlicht:",
        "erschienen am",
        "publiziert am",
        "erstellt am",
        "datum:",
        "stand:",
        "publié le",
        "mis en ligne le",
        "date de publication",
        "gepubliceerd op",
        "geplaatst op",
        "опубликовано",
        "дата публикации",
        "дата:",
        "жарияланды",
        "жарияланған",
        "publicado el",
        "pubblicato il",
    ];
    // The last change, which is the page's date when it labels no other.
    const UPDATED: [&str; 9] = [
        "last updated",
        "updated on",
        "aktualisiert am",
        "letzte aktualisierung",
        "mis à jour le",
        "bijgewerkt op",
        "обновлено",
        "жаңартылды",
        "actualizado el",
    ];
    let text = page_text.to_lowercase();
    let after = |labels: &[&str]| {
        // Where each label ends, in the order of the text.
        let mut ends: Vec<usize> =
            labels.iter().flat_map(|label| text.match_indices(label).take(3).map(|(at, l)| at + l.len())).collect();
        ends.sort_unstable();
        ends.into_iter().find_map(|end| {
            let after: String = text.get(end..)?.trim_start_matches([':', ' ']).chars().take(32).collect();
            crate::import::formats::text::parse_date(&after).filter(|d| plausible(*d))
        })
    };
    after(&LABELS).or_else(|| after(&UPDATED))
}

/// The page without its comments (`<!-- ... -->`); a comment left open runs to the end.
pub(super) fn without_comments(html: &str) -> std::borrow::Cow<'_, str> {
    if !html.contains("<!--") {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start + 4..].find("-->").map_or("", |end| &rest[start + 4 + end + 3..]);
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The date at the start of an ISO 8601 timestamp ("2024-01-31T10:00:00Z").
pub(crate) fn parse_date_prefix(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim().get(..10)?, "%Y-%m-%d").ok()
}

/// A publication date in the tags that content systems write and Readability does not read:
/// `<meta name="date">`, Dublin Core, Parse.ly, Sailthru, `itemprop="datePublished"`.
pub(super) fn meta_date(html: &str) -> Option<Dated> {
    /// Where the names of the last change start.
    const FIRST_CHANGE: usize = 16;
    const NAMES: [&str; 20] = [
        "datepublished",
        "date",
        "dc.date.issued",
        "dc.date",
        "dcterms.date",
        "dcterms.issued",
        "dc.date.created",
        "pubdate",
        "publishdate",
        "publish-date",
        "article.published",
        "parsely-pub-date",
        "sailthru.date",
        "og:published_time",
        "publication_date",
        "article:published_time",
        // Last, the last change, which is the publication when nothing else says.
        "dateupdate",
        "datemodified",
        "og:updated_time",
        "article:modified_time",
    ];
    let mut best: Option<(usize, NaiveDate)> = None;
    for tag in html.split('<').filter(|t| {
        let t = t.get(..5).unwrap_or(t).to_ascii_lowercase();
        t.starts_with("meta") || t.starts_with("time") || t.starts_with("span") || t.starts_with("div")
    }) {
        let key = ["name", "property", "itemprop"]
            .into_iter()
            .find_map(|a| attribute(tag, a))
            .map(|k| k.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let Some(rank) = NAMES.iter().position(|n| *n == key) else { continue };
        let value = attribute(tag, "content").or_else(|| attribute(tag, "datetime")).unwrap_or_default();
        let date = parse_date_prefix(value).or_else(|| crate::import::formats::text::parse_date(value));
        if let Some(date) = date
            && best.is_none_or(|(r, _)| rank < r)
        {
            best = Some((rank, date));
        }
    }
    best.map(|(rank, date)| Dated { date, last_change: rank >= FIRST_CHANGE })
}

/// A date from the page's markup, and whether the markup names it the last change.
#[derive(Clone, Copy)]
pub(super) struct Dated {
    pub(super) date: NaiveDate,
    last_change: bool,
}

/// `"datePublished"` in the page's JSON-LD, wherever it is nested (`@graph`, an array), or
/// the names a script's state gives it (`publishedDate`, `createdAt`).
pub(super) fn json_date(html: &str) -> Option<NaiveDate> {
    [
        "\"datePublished\"",
        "\"published_at\"",
        "\"publishedDate\"",
        "\"publishDate\"",
        "\"dateCreated\"",
        "\"createdAt\"",
    ]
    .into_iter()
    .find_map(|key| {
        let at = html.find(key)? + key.len();
        let rest = html.get(at..)?.trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
        parse_date_prefix(rest.get(..rest.find('"')?)?)
    })
}

/// A date a page marks as one: the first element whose class names a date ("date",
/// "entry-date", "published", "meta__date", "datum", "submitted"...), read from its `title` or
/// `datetime` attribute, or from the text that follows it ("<span class="date">27.01.2022",
/// "Gespeichert von rasos am 24. Juli 2017").
pub(super) fn marked_date(html: &str) -> Option<NaiveDate> {
    const MARKS: [&str; 8] = ["date", "publish", "datum", "submitted", "posted", "authored", "byline", "time"];
    let mut at: usize = 0;
    // The first date marked as an update, for a page that marks no other.
    let mut updated = None;
    for tag in html.split('<') {
        // Where this tag's '<' is.
        let start = at.saturating_sub(1);
        at += tag.len() + 1;
        let Some(class) = attribute(tag, "class") else { continue };
        let class = class.to_ascii_lowercase();
        if class.contains("update") {
            if updated.is_none() {
                updated = marked_here(html, tag, start);
            }
        } else if MARKS.iter().any(|m| class.contains(m))
            && let Some(date) = marked_here(html, tag, start)
        {
            return Some(date);
        }
    }
    updated
}

/// The date an element marked as one gives: its `title`, `datetime` or `content`, or the text
/// that follows its start (`start`, where its `<` is).
pub(super) fn marked_here(html: &str, tag: &str, start: usize) -> Option<NaiveDate> {
    let from_attribute = ["title", "datetime", "content"]
        .into_iter()
        .filter_map(|a| attribute(tag, a))
        .find_map(|v| parse_date_prefix(v).or_else(|| crate::import::formats::text::parse_date(v)));
    if let Some(date) = from_attribute.filter(|d| plausible(*d)) {
        return Some(date);
    }
    crate::import::formats::text::parse_date(&text_near(html, start, 600, 120)?).filter(|d| plausible(*d))
}

/// A publication date that can be one: from 1990 to tomorrow.
pub(super) fn plausible(date: NaiveDate) -> bool {
    chrono::Datelike::year(&date) >= 1990 && date <= chrono::Utc::now().date_naive() + chrono::Days::new(1)
}

/// The date printed by the headline, as a byline gives it ("07.11.2023", "31. Mai 2012",
/// "October 5, 2013"): the first date in the 300 letters of text after the first `<h1>`.
pub(super) fn headline_date(html: &str) -> Option<NaiveDate> {
    let lower = html.to_ascii_lowercase();
    let at = lower.find("<h1")?;
    crate::import::formats::text::parse_date(&text_near(html, at, 6000, 300)?)
}

/// A date in a page's address, as blogs and newspapers write it: /2012/05/31/ or /2012-05-31.
pub(super) fn url_date(url: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = url.split(['/', '-', '_']).collect();
    parts.windows(3).find_map(|w| {
        // The day is the part's first two digits, not of a longer number (".../2003/03/20030331_").
        let (y, m) = (w[0], w[1]);
        let d = w[2].get(..w[2].find(|c: char| !c.is_ascii_digit()).unwrap_or(w[2].len()))?;
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
            .filter(|date| (1990..=2100).contains(&chrono::Datelike::year(date)))
    })
}

/// The date of the page's first `<time>` elements, for pages without meta dates: its
/// `datetime`, or else its text ("<time class="timestamp">Published on August 19, 2019</time>").
pub(super) fn time_element_date(html: &str) -> Option<NaiveDate> {
    let elements = html.match_indices("<time").filter(|(at, _)| {
        html.get(at + 5..).and_then(|r| r.chars().next()).is_some_and(|c| c == '>' || c.is_whitespace())
    });
    elements.take(3).find_map(|(at, _)| {
        let rest = html.get(at..)?;
        let tag = rest.get(..rest.find('>')?)?;
        if let Some(value) = attribute(tag, "datetime") {
            return parse_date_prefix(value).or_else(|| crate::import::formats::text::parse_date(value));
        }
        let text = rest.get(tag.len() + 1..)?;
        let text = text.get(..text.find("</time")?)?;
        (text.len() <= 200).then(|| crate::import::formats::text::parse_date(&text_of_markup(text))).flatten()
    })
}
