//! Saved web pages: the article body as Firefox's Reader View would show it (dom_smoothie, a
//! port of Mozilla's Readability), with title, author, site, date, language and canonical URL
//! from meta tags, JSON-LD and `<time>`. Nothing is fetched and no script runs: the page is
//! parsed as text.

use chrono::NaiveDate;

use crate::import::{ImportError, TextProblem};

mod dates;

pub(crate) use dates::parse_date_prefix;
use dates::*;

pub(crate) struct WebArticle {
    pub title: String,
    pub author: String,
    pub site: String,
    pub published: Option<NaiveDate>,
    pub language: String,
    pub url: String,
    pub body: String,
    /// The lead image as the page names it (a path relative to the page, or a URL).
    pub image: Option<String>,
}

/// How far into a page a `<meta charset>` is looked for (a web archive's toolbar may come first).
const CHARSET_SCAN_BYTES: usize = 8 * 1024;

/// Decodes a page's bytes: a byte-order mark; else UTF-8 when the bytes are valid UTF-8 (a page
/// saved as UTF-8 often keeps the declaration of the site's old encoding); else UTF-16 told by
/// its zero bytes; else the `<meta charset>` it declares; else a guess.
pub(crate) fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or_default()).0.into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes)
        && !text.contains('\0')
    {
        return text.to_owned();
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return encoding.decode_without_bom_handling(bytes).0.into_owned();
    }
    let head = String::from_utf8_lossy(bytes.get(..CHARSET_SCAN_BYTES).unwrap_or(bytes)).to_lowercase();
    let declared = head.find("charset=").and_then(|at| {
        let label: String = head
            .get(at + 8..)?
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        encoding_rs::Encoding::for_label(label.as_bytes())
    });
    // A page that declares UTF-16 but reached here has no BOM and no zero bytes: it is not.
    if let Some(encoding) = declared.filter(|e| *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE) {
        return encoding.decode_with_bom_removal(bytes).0.into_owned();
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true).decode(bytes).0.into_owned()
}

/// UTF-16 without a byte-order mark: markup is mostly ASCII, so every other byte is zero, the
/// odd ones for little-endian text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = bytes.get(..bytes.len().min(4096) & !1)?;
    if sample.len() < 16 {
        return None;
    }
    let zeros_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|b| **b == 0).count();
    let half = sample.len() / 2;
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= half * 7 && even * 10 <= half {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= half * 7 && odd * 10 <= half {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Elements nested deeper than this are not a page a person wrote: Readability's matching
/// grows with depth squared and the parser's recursion with depth, so such a page is read as
/// plain text instead.
const MAX_NESTING: usize = 400;

/// Elements whose end tag may be left out: the parser closes them itself, so they add no depth.
const SELF_CLOSING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb",
    "rt", "rp", "html", "head", "body", "!doctype", "!--",
];

/// How deep the page's elements nest, counting start and end tags (an estimate that errs high).
fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for tag in html.split('<').skip(1) {
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty()
            || SELF_CLOSING.contains(&name.as_str())
            || tag.split('>').next().is_some_and(|t| t.ends_with('/'))
        {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The text of markup with the tags taken out (scripts, styles and the title with their
/// content), for a page too deeply nested to parse. One pass over the page.
fn text_of_markup(html: &str) -> String {
    // ASCII lower-casing keeps every byte where it was, so offsets hold in both.
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len() / 2);
    let mut at = 0;
    while let Some(found) = lower.get(at..).and_then(|rest| rest.find('<')) {
        let open = at + found;
        out.push_str(html.get(at..open).unwrap_or_default());
        let tag = lower.get(open + 1..).unwrap_or_default();
        let skipped = ["script", "style", "title"].into_iter().find(|name| tag.starts_with(name));
        let end = match skipped {
            Some(name) => tag.find(&format!("</{name}")).map(|i| open + 1 + i),
            None => Some(open),
        };
        let Some(end) = end else { break };
        let Some(close) = lower.get(end..).and_then(|rest| rest.find('>')) else { break };
        if ["p", "br", "div", "/p", "/div", "h1", "h2", "h3", "li"]
            .iter()
            .any(|t| tag.starts_with(t) && tag.get(t.len()..).is_some_and(|r| r.starts_with(['>', ' ', '/'])))
        {
            out.push('\n');
        }
        at = end + close + 1;
    }
    out.push_str(html.get(at..).unwrap_or_default());
    out.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

/// Readability scores blocks; a page that names its article's body (an `<article>`, a
/// WordPress "entry-content") has said where the text is. When most of the paragraphs of each
/// body it names are not in what Readability chose, it chose another block (a news ticker, a
/// table, a sign-up form): the named body is read instead.
fn checked_against_named_body(
    body: String,
    marked: &super::boilerplate::MarkedBody,
    config: dom_smoothie::Config,
) -> String {
    let found = |openings: &[String], line: &str| openings.iter().filter(|o| line.contains(o.as_str())).count();
    let holds_most = |text: &str| found(&marked.openings, &clean(text)) * 3 >= marked.openings.len() * 2;
    // A named body may hold more than the article (a news list set inside it): a choice
    // that shares a few of its paragraphs is the article within it.
    let body_line = clean(&body);
    let misses = |openings: &Vec<String>| {
        let shared = found(openings, &body_line);
        shared * 3 < openings.len() && shared < BODY_PARAGRAPHS_SHARED
    };
    if !marked.all_openings.iter().all(misses) {
        return body;
    }
    // Readability on the named body cleans it; where it would again take a part of it (an
    // article in many blocks), the named body's own paragraphs are the article.
    let named =
        dom_smoothie::Readability::new(format!("<html><body>{}</body></html>", marked.html), None, Some(config))
            .and_then(|mut named| named.parse())
            .map(|named| tidy_text(&named.text_content));
    match named {
        Ok(named) if holds_most(&named) => named,
        _ => tidy_text(&marked.text),
    }
}

/// Readability's choice sharing this many paragraphs with a body the page names is taken to
/// be the article within it.
const BODY_PARAGRAPHS_SHARED: usize = 3;

/// Extracts the article of a saved page.
pub(crate) fn read_page(html: &str) -> Result<WebArticle, ImportError> {
    read_page_with(html, read_article)
}

/// [`read_page`] with the article reader given, so that a test can make it panic.
fn read_page_with(
    html: &str,
    read: impl Fn(&str) -> Result<WebArticle, ImportError>,
) -> Result<WebArticle, ImportError> {
    if nesting_depth(html) > MAX_NESTING {
        return Ok(plain_page(html));
    }
    // Readability (dom_smoothie 0.19) can panic on some pages (a string sliced inside a
    // multi-byte letter while it looks for video links): the page is then read as plain text
    // rather than lost.
    match crate::vocab::quiet::catch_quietly(|| read(html)) {
        Ok(Err(ImportError::BadText(_))) if has_noscript(html) => {
            // A page built by its scripts may hold its whole text in a <noscript> copy, which
            // a parser that runs scripts reads as a string: it is read as the page's markup.
            let unwrapped = without_noscript_tags(html);
            crate::vocab::quiet::catch_quietly(|| read(&unwrapped)).unwrap_or_else(|_| Ok(plain_page(html)))
        }
        Ok(read) => read,
        Err(_) => Ok(plain_page(html)),
    }
}

fn has_noscript(html: &str) -> bool {
    html.as_bytes().windows(9).any(|w| w.eq_ignore_ascii_case(b"<noscript"))
}

/// The page with its <noscript> elements made <div>s, so their markup is parsed as markup.
fn without_noscript_tags(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    while let Some(found) = lower.get(at..).and_then(|rest| rest.find("noscript")) {
        let name = at + found;
        let tag_start = lower.get(..name).is_some_and(|before| before.ends_with('<') || before.ends_with("</"));
        out.push_str(html.get(at..name).unwrap_or_default());
        out.push_str(if tag_start { "div" } else { html.get(name..name + 8).unwrap_or_default() });
        at = name + 8;
    }
    out.push_str(html.get(at..).unwrap_or_default());
    out
}

/// The article as Readability finds it.
fn read_article(html: &str) -> Result<WebArticle, ImportError> {
    let config = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    let doc = dom_query::Document::from(html);
    let stated = stated_body(&doc);
    super::boilerplate::remove_boxes(&doc);
    let lead = super::boilerplate::lead(&doc);
    let marked = super::boilerplate::marked_body(&doc);
    let runs = super::boilerplate::block_runs(&doc);
    let mut readability = dom_smoothie::Readability::with_document(doc, None, Some(config.clone()))
        .map_err(|e| ImportError::BadText(TextProblem::Page(e.to_string())))?;
    let metadata = readability.get_article_metadata(readability.parse_json_ld());
    let article = readability.parse().map_err(|e| ImportError::BadText(TextProblem::NoArticle(e.to_string())))?;
    let mut body = tidy_text(&article.text_content);
    if let Some(marked) = marked {
        body = checked_against_named_body(body, &marked, config);
    }
    body = with_its_sibling_blocks(body, &runs);
    body = without_closing_furniture(body);
    // A page that shows only the start of its article (the rest behind a subscription, or
    // drawn by a script) may state the whole text in its structured data.
    let summary = article.excerpt.as_deref().map(clean).filter(|e| e.len() >= 40);
    if let Some(stated) = stated.filter(|s| s.len() >= STATED_BODY_LEAST && s.len() >= 2 * body.len()) {
        // Its summary (the page's description), which the page shows over the text, opens it.
        body = match summary.filter(|summary| !clean(&stated).contains(opening(summary))) {
            Some(summary) => format!("{summary}\n\n{stated}"),
            None => stated,
        };
    } else if let Some(summary) = summary.filter(|s| s.len() > body.len() && !clean(&body).contains(opening(s))) {
        // A page that shows less than its own description (its text drawn by a script, a
        // notice to update the browser in its place) is read from what it says of itself.
        body = if body.is_empty() { summary } else { format!("{summary}\n\n{body}") };
    }
    // The lead Readability left out opens the text, as it opens the page.
    if let Some(lead) = lead.filter(|lead| !clean(&body).contains(opening(lead))) {
        body = format!("{lead}\n\n{body}");
    }
    let site = article.site_name.as_deref().map(clean).unwrap_or_default();
    let title = clean(&article.title);
    if title.is_empty() && body.is_empty() {
        return Err(ImportError::NoText);
    }
    let url = canonical_url(html)
        .or(metadata.url)
        .map(|u| u.trim().to_owned())
        .filter(|u| u.starts_with("http"))
        .unwrap_or_default();
    let published = page_date(html, article.published_time.as_deref(), &url, &title, &body);
    let title = without_site_name(&title, &site, &url);
    Ok(WebArticle {
        title: if title.is_empty() { first_line(&body) } else { title },
        author: article.byline.as_deref().map(author_of_byline).unwrap_or_default(),
        site,
        published,
        language: article.lang.as_deref().map(|l| l.trim().to_lowercase()).unwrap_or_default(),
        image: article.image.clone().filter(|i| !i.trim().is_empty()),
        url,
        body,
    })
}

/// The shortest text stated as the article's body that is taken over a page's shown text.
const STATED_BODY_LEAST: usize = 1_000;

/// The longest `articleBody` of the page's JSON-LD (schema.org), as text.
fn stated_body(doc: &dom_query::Document) -> Option<String> {
    fn longest(value: &serde_json::Value, best: &mut Option<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    match value {
                        serde_json::Value::String(text) if key == "articleBody" => {
                            if best.as_ref().is_none_or(|b| b.len() < text.len()) {
                                *best = Some(text.clone());
                            }
                        }
                        other => longest(other, best),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|item| longest(item, best)),
            _ => {}
        }
    }
    let mut best = None;
    for script in doc.select(r#"script[type="application/ld+json"]"#).nodes() {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(script.text().trim()) {
            longest(&value, &mut best);
        }
    }
    // Some sites state it with its markup; others a paragraph a line.
    let text = best?;
    let text = if text.contains("</") { text_of_markup(&text) } else { text };
    let paragraphs: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    Some(tidy_text(&paragraphs.join("\n\n"))).filter(|text| !text.is_empty())
}

/// A page read as plain text: its `<title>` and the text of its markup.
fn plain_page(html: &str) -> WebArticle {
    let lower = html.to_ascii_lowercase();
    let title = lower
        .find("<title")
        .and_then(|at| Some((at, lower.get(at..)?.find('>')? + at + 1)))
        .and_then(|(_, start)| Some((start, lower.get(start..)?.find("</title")? + start)))
        .and_then(|(start, end)| html.get(start..end))
        .map(clean)
        .unwrap_or_default();
    let body = tidy_text(&text_of_markup(html));
    let url = canonical_url(html).filter(|u| u.starts_with("http")).unwrap_or_default();
    WebArticle {
        // Found the way an article's is: a page Readability cannot read still has its tags.
        published: page_date(html, None, &url, &title, &body),
        title: if title.is_empty() { first_line(&body) } else { title },
        author: String::new(),
        site: String::new(),
        language: String::new(),
        url,
        body,
        image: None,
    }
}

/// The value of attribute `name` in the text of one tag (`<link rel="canonical" href="...">`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = tag.get(at..)?;
    let quote = rest.chars().next()?;
    if quote == '"' || quote == '\'' { rest.get(1..)?.split(quote).next() } else { rest.split([' ', '>', '/']).next() }
}

/// `<link rel="canonical">`, else `<meta property="og:url">`.
fn canonical_url(html: &str) -> Option<String> {
    let head = html.get(..html.to_ascii_lowercase().find("</head>").unwrap_or(html.len()))?;
    let tags = |prefix: &'static str| head.split('<').filter(move |t| t.to_ascii_lowercase().starts_with(prefix));
    let canonical = tags("link")
        .find(|t| attribute(t, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")))
        .and_then(|t| attribute(t, "href"));
    let og = || {
        tags("meta")
            .find(|t| attribute(t, "property").is_some_and(|p| p.eq_ignore_ascii_case("og:url")))
            .and_then(|t| attribute(t, "content"))
    };
    canonical.or_else(og).map(str::to_owned)
}

/// The author's name out of a byline as a page writes it: without the "By", "Von", "Par"
/// before it and the date after it ("VON MORITZ GATHMANN am 21. April 2020").
fn author_of_byline(byline: &str) -> String {
    // "von:Name" is two words; "http://" stays one.
    let spaced: String = byline
        .char_indices()
        .flat_map(|(i, c)| {
            let letter_next = byline[i + c.len_utf8()..].starts_with(char::is_alphabetic);
            std::iter::once(c).chain((c == ':' && letter_next).then_some(' '))
        })
        .collect();
    let byline = clean(&spaced);
    let byline = byline.trim_matches(|c: char| BYLINE_MARKS.contains(&c) || c.is_whitespace());
    let words: Vec<&str> = byline.split(' ').collect();
    // "By" opens the name, also after the date ("29. Juni 2017, 23:39 · von Tobi"); "di" leads
    // an Italian byline in lower case only: "Di Maio" is a name.
    let is_by = |w: &str| {
        let w = w.trim_end_matches(':');
        BY.contains(&w.to_lowercase().as_str()) && (w != "Di" && w != "DI")
    };
    let start = match words.iter().position(|w| is_by(w)) {
        Some(0) => 1,
        Some(at) if crate::import::formats::text::starts_with_date(&words[..at].join(" ")) => at + 1,
        _ => 0,
    };
    let words = &words[start.min(words.len())..];
    // Where a date starts, the name has ended; so has the word that leads to the date.
    let date_at = (1..words.len())
        .find(|&i| crate::import::formats::text::starts_with_date(&words[i..words.len().min(i + 4)].join(" ")));
    let mut end = date_at.unwrap_or(words.len());
    while date_at.is_some() && end > 1 && DATE_LEADS.contains(&words[end - 1].to_lowercase().trim_end_matches(',')) {
        end -= 1;
    }
    words[..end].join(" ").trim_matches(|c: char| BYLINE_MARKS.contains(&c) || c.is_whitespace()).to_owned()
}

/// The words that say "by" before a name.
const BY: [&str; 11] = ["by", "von", "par", "door", "por", "di", "av", "author", "autor", "автор", "text"];

/// Marks a byline puts between its parts.
const BYLINE_MARKS: [char; 7] = [',', '|', '-', '–', '•', '·', ':'];

/// Words between a byline's name and its date.
const DATE_LEADS: [&str; 12] = ["am", "on", "le", "el", "il", "op", "|", "-", "–", "•", "·", ""];

/// The first 60 letters of a text, enough to know it again.
fn opening(text: &str) -> &str {
    text.char_indices().nth(60).map_or(text, |(i, _)| &text[..i])
}

/// The text in one line, its spaces single; without soft hyphens, which a page puts inside
/// words for breaking lines ("Mit\u{ad}tel\u{ad}al\u{ad}ter") and no reader sees.
pub(super) fn clean(s: &str) -> String {
    let s = if s.contains('\u{ad}') { std::borrow::Cow::Owned(s.replace('\u{ad}', "")) } else { s.into() };
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_line(text: &str) -> String {
    text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default().chars().take(120).collect()
}

/// Readability takes one block; an article set in several sibling blocks of one name (a
/// section per subhead) is read whole when the block taken is one of them and holds the others'
/// openings not.
fn with_its_sibling_blocks(body: String, runs: &[super::boilerplate::BlockRun]) -> String {
    let line = clean(&body);
    let run = runs.iter().find(|run| run.openings.iter().filter(|o| line.contains(o.as_str())).count() == 1);
    match run {
        Some(run) if run.text.len() > body.len() => run.text.clone(),
        _ => body,
    }
}

/// A paragraph shorter than this, closing the text without ending as a sentence ends, is the
/// page's furniture rather than the article's.
const FURNITURE_CHARS: usize = 80;

/// The text without the short paragraphs after its last sentence: an article ends with one,
/// and what a page sets under it inside the article's block is its furniture: labels and
/// credits ("Quelle: dpa", "Publiziert: 03.04.2020, 12:35", "Von: Götz Warnke"), a call to
/// subscribe or donate, "Weiterführender Link", headlines of other stories, "Kommentare
/// insgesamt: 0". A text made only of short paragraphs (a list of dates, a gallery's captions)
/// is kept whole.
fn without_closing_furniture(body: String) -> String {
    let ends_as_sentence = |paragraph: &str| {
        paragraph.chars().next_back().is_some_and(|c| ".!?…\"'“”»«)’。！？」』".contains(c) || is_pictograph(c))
    };
    let paragraphs: Vec<&str> = body.split("\n\n").collect();
    let kept = paragraphs
        .iter()
        .rposition(|p| p.chars().count() >= FURNITURE_CHARS || ends_as_sentence(p))
        .map_or(paragraphs.len(), |last| last + 1);
    if kept == paragraphs.len() {
        return body;
    }
    paragraphs[..kept].join("\n\n")
}

/// A pictograph or other symbol (an emoji closing a blogger's sentence: "... gefällt mir 😉").
fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x1F300..=0x1FAFF)
}

/// Paragraphs separated by one blank line, lines trimmed, no runs of blank lines.
fn tidy_text(text: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(&clean(line));
    }
    out
}

/// The lead image as a local file beside the page, if it is one: a relative path (with %XX
/// escapes undone) that stays below the page's folder. Remote images are never fetched.
pub(crate) fn local_image(page_dir: &std::path::Path, image: &str) -> Option<std::path::PathBuf> {
    let image = image.trim();
    if image.contains("://") || image.starts_with("data:") || image.starts_with('/') || image.starts_with("//") {
        return None;
    }
    let mut decoded = Vec::new();
    let bytes = image.split(['?', '#']).next()?.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) =
                bytes.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok())
        {
            decoded.push(v);
            i += 3;
            continue;
        }
        decoded.push(bytes[i]);
        i += 1;
    }
    let relative = std::path::PathBuf::from(String::from_utf8(decoded).ok()?);
    if relative.components().any(|c| !matches!(c, std::path::Component::Normal(_) | std::path::Component::CurDir)) {
        return None;
    }
    let path = page_dir.join(relative);
    path.is_file().then_some(path)
}

/// The site's own name, cut off a title that carries it before or after a separator ("Ten
/// years on | Harper's Magazine", "Ein Bericht - reitschuster.de"): a part is the site's when
/// its letters are the site name's (`og:site_name`) or the address's host, or hold them.
fn without_site_name(title: &str, site: &str, url: &str) -> String {
    let letters =
        |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect() };
    let host = url.split("://").nth(1).and_then(|rest| rest.split(['/', '?', '#', ':']).next()).unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    // "harpers.org" names the site as "harpers"; "reitschuster.de" as itself or "reitschuster".
    let host_name = host.rsplit_once('.').map_or(host, |(name, _)| name);
    let names: Vec<String> =
        [letters(site), letters(host), letters(host_name)].into_iter().filter(|n| n.chars().count() >= 4).collect();
    let is_site = |part: &str| {
        let part = letters(part);
        !part.is_empty() && names.iter().any(|n| part == *n || (part.contains(n.as_str()) && part.len() <= n.len() * 3))
    };
    for separator in [" | ", " – ", " — ", " - ", " :: ", " // ", " · ", " » ", " « "] {
        let Some((first, rest)) = title.split_once(separator) else { continue };
        if let Some((head, last)) = title.rsplit_once(separator)
            && is_site(last)
            && letters(head).chars().count() >= 8
        {
            return head.trim().to_owned();
        }
        if is_site(first) && letters(rest).chars().count() >= 8 {
            return rest.trim().to_owned();
        }
    }
    title.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_name_is_cut_off_the_title() {
        let cut = without_site_name;
        assert_eq!(cut("Ten Years On | Harper's Magazine", "Harper's Magazine", ""), "Ten Years On");
        assert_eq!(
            cut("Ein Bericht aus Berlin - reitschuster.de", "", "https://reitschuster.de/post/x/"),
            "Ein Bericht aus Berlin"
        );
        assert_eq!(cut("The Astana Times — Talks in Brussels", "The Astana Times", ""), "Talks in Brussels");
        // The host without its domain: harpers.org names "Harper's".
        assert_eq!(cut("Letters from Europe | Harper's", "", "https://harpers.org/archive/"), "Letters from Europe");
        // A separator that parts the headline itself stays.
        assert_eq!(
            cut("Kazakhstan - Belgium: talks on transport", "DKNews", "https://dknews.kz/ru/x"),
            "Kazakhstan - Belgium: talks on transport"
        );
        assert_eq!(cut("DKNews", "DKNews", ""), "DKNews");
    }

    #[test]
    fn dates_in_the_tags_content_systems_write() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let page = |head: &str| format!("<html><head>{head}</head><body><p>Text</p></body></html>");
        let meta_date = |html: &str| meta_date(html).map(|meta| meta.date);
        assert_eq!(meta_date(&page(r#"<meta name="date" content="2012-05-31T10:00:00+02:00">"#)), d(2012, 5, 31));
        assert_eq!(meta_date(&page(r#"<meta name="DC.date.issued" content="2014-03-05">"#)), d(2014, 3, 5));
        assert_eq!(
            meta_date(r#"<body><span itemprop="datePublished" content="2019-12-16">16. Dezember</span></body>"#),
            d(2019, 12, 16)
        );
        // datePublished ranks above a plain "date".
        assert_eq!(
            meta_date(&page(
                r#"<meta name="date" content="2020-01-01"><meta itemprop="datePublished" content="2019-07-28">"#
            )),
            d(2019, 7, 28)
        );
        assert_eq!(meta_date(&page(r#"<meta name="description" content="2019-07-28">"#)), None);
    }

    #[test]
    fn dates_in_json_ld_and_by_the_headline() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let graph = r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished": "2019-09-17T14:54:31+02:00"}]}</script>"#;
        assert_eq!(json_date(graph), d(2019, 9, 17));
        let byline = r#"<body><nav>Home 01.01.2020</nav><h1 class="title">«Gute Löhne alleine reichen nicht»</h1>
            <i class="fas fa-clock"></i>&nbsp;<span class="_publishingdate">07.11.2023</span><p>Text</p></body>"#;
        assert_eq!(headline_date(byline), d(2023, 11, 7));
        assert_eq!(
            headline_date("<h1>Mandelplätzchen</h1><p>Posted on 8. Dezember 2012 by Kulinaria</p>"),
            d(2012, 12, 8)
        );
        assert_eq!(headline_date("<h1>No date here</h1><p>Only words.</p>"), None);
    }

    #[test]
    fn dates_in_elements_marked_as_dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(marked_date(r#"<h1>Mineral</h1><span class="date">27.01.2022</span>"#), d(2022, 1, 27));
        assert_eq!(
            marked_date(r#"<abbr class='published' title='2020-04-28T21:11:00+02:00'>21:11</abbr>"#),
            d(2020, 4, 28)
        );
        assert_eq!(
            marked_date(r#"<div class="submitted">Gespeichert von <span>rasos</span> am 24. Juli 2017 - 18:55</div>"#),
            d(2017, 7, 24)
        );
        assert_eq!(
            marked_date(r#"<h2 class='date-header'><span>Samstag, 5. Oktober 2013</span></h2>"#),
            d(2013, 10, 5)
        );
        // A class that says nothing of dates is no date; a last change is the page's date only
        // when it marks no other.
        assert_eq!(marked_date(r#"<span class="price">27.01.2022</span>"#), None);
        assert_eq!(marked_date(r#"<p class="updated">Stand 27.01.2022</p>"#), d(2022, 1, 27));
        assert_eq!(
            marked_date(r#"<p class="updated">Stand 27.01.2022</p><span class="post-date">09 Oct 2021</span>"#),
            d(2021, 10, 9)
        );
        assert!(!plausible(NaiveDate::from_ymd_opt(22, 9, 23).unwrap()));
        assert_eq!(time_element_date(r#"<time datetime="01-11-2023 10:29">1. November</time>"#), d(2023, 11, 1));
    }

    #[test]
    fn a_date_in_the_address() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(url_date("https://die-partei.net/luebeck/2012/05/31/das-ministerium/"), d(2012, 5, 31));
        assert_eq!(url_date("https://example.org/news/2019-08-02-simdjson.html"), d(2019, 8, 2));
        assert_eq!(url_date("https://example.org/2019/13/02/x"), None);
        assert_eq!(url_date("https://example.org/items/1234/56/78"), None);
        assert_eq!(url_date(""), None);
    }

    #[test]
    fn a_page_readability_panics_on_is_read_as_text() {
        // The shape the fuzzer found: a multi-byte letter just before a video site's name.
        let page = "<html><head><title>Videos</title></head><body><article><h1>Lorem</h1>\
                    <p>Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor.</p>\
                    <iframe src=\"€€youtube.com/embed/x\"></iframe><p>More text about the forum in Astana, \
                    long enough to be an article that Readability keeps for its reader.</p></article></body></html>";
        // Whether or not this version of Readability still panics on it, the page is read.
        let article = read_page(page).unwrap();
        assert!(article.body.contains("forum in Astana"), "{}", article.body);
        // And a reader that panics leaves the page read as plain text, titled by its <title>.
        let panicking = |_: &str| -> Result<WebArticle, ImportError> { panic!("sliced inside a letter") };
        let article = read_page_with(page, panicking).unwrap();
        assert_eq!(article.title, "Videos");
        assert!(article.body.contains("forum in Astana"), "{}", article.body);
        assert!(!article.body.contains("<iframe"), "{}", article.body);
    }

    #[test]
    fn deeply_nested_pages_are_read_as_text_in_bounded_time() {
        for (open, close, n) in [("<div>", "</div>", 20_000), ("<b>", "", 50_000), ("<span><i>", "</i></span>", 30_000)]
        {
            let page = format!(
                "<html><head><title>Deep page</title></head><body>{}Deep text &amp; more{}</body></html>",
                open.repeat(n),
                close.repeat(n)
            );
            let started = std::time::Instant::now();
            let article = read_page(&page).unwrap();
            assert_eq!(article.title, "Deep page");
            assert_eq!(article.body, "Deep text & more");
            assert!(started.elapsed() < std::time::Duration::from_secs(5), "{open}: {:?}", started.elapsed());
        }
        // An ordinary page with unclosed paragraphs and list items is not "deep".
        let ordinary = format!("<html><body><div><ul>{}</ul></div></body></html>", "<li><p>item".repeat(2000));
        assert!(nesting_depth(&ordinary) < 10);
    }

    #[test]
    fn encodings_valid_utf8_first_then_utf16_then_the_declaration() {
        // Valid UTF-8 wins over a declaration that says otherwise.
        let page = "<html><head><meta charset=\"gb2312\"></head><body>Қазақстан café 北京</body></html>";
        assert!(decode(page.as_bytes()).contains("Қазақстан café 北京"));
        // A declaration after a long toolbar is still found.
        let (gbk, _, _) = encoding_rs::GBK.encode("<p>北京欢迎你</p>");
        let mut late = format!("<html><head>{}<meta charset=\"gb2312\"></head><body>", "<!-- toolbar -->".repeat(200))
            .into_bytes();
        late.extend_from_slice(&gbk);
        assert!(decode(&late).contains("北京欢迎你"));
        // UTF-16 without a byte-order mark.
        let text = "<html><body>Brussels talks</body></html>";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le), text);
        assert_eq!(decode(&be), text);
    }

    const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Brussels talks: Kazakhstan and Benelux | The Astana Times</title>
<meta property="og:title" content="Brussels talks: Kazakhstan and Benelux build bridges">
<meta property="og:site_name" content="The Astana Times">
<meta property="og:url" content="https://astanatimes.com/2024/02/brussels-talks/">
<meta name="author" content="Aigerim Sarsenova">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Brussels talks: Kazakhstan and Benelux build bridges","datePublished":"2024-02-14T09:30:00+05:00",
 "author":{"@type":"Person","name":"Aigerim Sarsenova"}}</script>
<script>document.write("never run")</script>
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Brussels talks: Kazakhstan and Benelux build bridges</h1>
<p>Ambassador of Kazakhstan Margulan Baimukhan met with the Secretary General of the Benelux Union Frans Weekers in Brussels.</p>
<p>The parties discussed the Middle Corridor, green hydrogen and the priorities of Kazakhstan in the European direction, as well as the Enhanced Partnership and Cooperation Agreement.</p>
<p>At the end of the meeting, the Ambassador invited Frans Weekers to take part in the Astana International Forum, which will be held in June.</p>
</article><footer>Copyright 2024 The Astana Times. All rights reserved.</footer></body></html>"#;

    #[test]
    fn a_page_that_shows_only_the_start_of_its_article_is_read_from_what_it_states() {
        let paragraphs: Vec<String> = (1..=8)
            .map(|i| format!("Absatz {i}: Die Verhandlungen über den Mittleren Korridor gingen in Brüssel weiter, und die Minister sprachen lange über Zölle und Häfen."))
            .collect();
        let stated = serde_json::json!({
            "@context": "https://schema.org",
            "@graph": [{"@type": "NewsArticle", "headline": "Gespräche in Brüssel", "articleBody": paragraphs.join("\n")}]
        });
        let page = |stated: &serde_json::Value| {
            format!(
                r#"<html><head><title>Gespräche in Brüssel</title>
                <meta name="description" content="Kasachstan und die EU verhandeln weiter über den Mittleren Korridor und seine Häfen.">
                <script type="application/ld+json">{stated}</script></head><body><article><h1>Gespräche in Brüssel</h1>
                <p>Kasachstan und die EU verhandeln weiter über den Mittleren Korridor und seine Häfen.</p>
                <div class="offer"><p>Mit Digital-Abo weiterlesen</p><p>Jahresabo 99,00 EUR im ersten Jahr, danach 122,40 EUR</p></div>
                </article></body></html>"#
            )
        };
        let read = read_page(&page(&stated)).unwrap();
        // The summary the page shows, then the whole text, a paragraph at a time.
        assert!(read.body.starts_with("Kasachstan und die EU verhandeln"), "{}", read.body);
        assert!(read.body.contains(&format!("{}\n\n{}", paragraphs[0], paragraphs[1])), "{}", read.body);
        assert!(read.body.contains(&paragraphs[7]) && !read.body.contains("Jahresabo"), "{}", read.body);
        // What a page states that is not much more than it shows does not replace it.
        let short = serde_json::json!({"@type": "NewsArticle", "articleBody": paragraphs[..1].join("\n")});
        let read = read_page(&page(&short)).unwrap();
        assert!(!read.body.contains("Absatz 1"), "{}", read.body);
    }

    #[test]
    fn a_page_that_holds_its_text_in_a_noscript_copy_is_read_from_it() {
        let paragraph = "Sono almeno nove le femmine di orso marsicano che si sono riprodotte nel Parco Nazionale, \
            il valore più alto dei quattordici anni di monitoraggio con i Carabinieri Forestali.";
        let page = format!(
            r#"<html><head><title>Orso marsicano: un anno da record</title><script src="app.js"></script></head>
            <body><div id="app"></div><NOSCRIPT><div class="container"><h1>Orso marsicano: un anno da record</h1>
            <div id="testo"><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></div></div></noscript></body></html>"#
        );
        let read = read_page(&page).unwrap();
        assert!(
            read.body.starts_with("Sono almeno nove") && read.body.matches("Sono almeno").count() == 3,
            "{}",
            read.body
        );
        assert_eq!(without_noscript_tags("<NoScript>a</noscript> noscript"), "<div>a</div> noscript");
    }

    #[test]
    fn an_article_set_in_sibling_blocks_of_one_name_is_read_whole() {
        let section = |heading: &str, sentence: &str| {
            format!(
                r#"<div class="container-fluid headline-with-text"><div class="row"><h2>{heading}</h2></div>
                <div class="row"><div class="col"><p>{}</p></div></div></div>"#,
                sentence.repeat(3)
            )
        };
        let teaser = r#"<div class="container-fluid headline-with-text"><p><a href="/a">Eine andere Geschichte über Gas und Strom, die hier nur verlinkt ist und mit dem Artikel nichts zu tun hat.</a></p></div>"#;
        let sentences = [
            "Dimethylether wird heute aus Methanol oder direkt aus Synthesegas hergestellt. ",
            "Verbraucher in Deutschland können Dimethylether bereits dem Flüssiggas beimischen. ",
            "Die Aussicht, dass erneuerbarer Dimethylether bald in großen Mengen kommt, ist gut. ",
        ];
        let page = format!(
            r#"<html><head><title>Dimethylether</title></head><body><section class="head"><h1>Dimethylether</h1></section>
            {}<div class="note"><p>Heizwert: 28,8 MJ/kg</p></div>{}{}{teaser}<footer>Impressum</footer></body></html>"#,
            section("Herstellung", sentences[0]),
            section("Verwendung", sentences[1]),
            section("Aussicht", sentences[2]),
        );
        let runs = super::super::boilerplate::block_runs(&dom_query::Document::from(page.as_str()));
        // Readability took the middle section alone: the article is read from the first
        // section to the last, with the note between, and without the linked teaser.
        let taken = format!("Verwendung\n\n{}", sentences[1].repeat(3).trim());
        let body = with_its_sibling_blocks(taken.clone(), &runs);
        for part in ["aus Synthesegas hergestellt", "Heizwert", "dem Flüssiggas beimischen", "in großen Mengen kommt"]
        {
            assert!(body.contains(part), "lost {part:?}: {body}");
        }
        assert!(!body.contains("Eine andere Geschichte"), "{body}");
        // A choice that holds two of the sections already is Readability's own.
        let both = format!("{}\n\n{}", sentences[0].repeat(3).trim(), sentences[1].repeat(3).trim());
        assert_eq!(with_its_sibling_blocks(both.clone(), &runs), both);
    }

    #[test]
    fn a_page_that_shows_less_than_its_description_is_read_from_it() {
        let description = "Unabhängig von Größe und Stil kannst du dich glücklich schätzen, wenn du irgendwo in \
            deinem Haus einen runden Tisch hast. So nähst du die passende runde Tischdecke in sieben Schritten.";
        let page = format!(
            r#"<html><head><title>Eine runde Tischdecke in sieben Schritten</title>
            <meta name="description" content="{description}"></head><body><div id="app" data-props="{{}}">
            <p>Lade für ein besseres Erlebnis einen neueren Browser kostenfrei herunter.</p></div></body></html>"#
        );
        let read = read_page(&page).unwrap();
        assert!(read.body.starts_with("Unabhängig von Größe und Stil"), "{}", read.body);
        // A page that shows its text keeps it, its description not added.
        let shown =
            "Ein runder Tisch gibt jedem Raum eine weiche Note, vom Esszimmer bis zum Beistelltisch im Wohnzimmer. ";
        let page =
            page.replace("Lade für ein besseres Erlebnis einen neueren Browser kostenfrei herunter.", &shown.repeat(6));
        let read = read_page(&page).unwrap();
        assert!(read.body.starts_with("Ein runder Tisch") && !read.body.contains("Unabhängig"), "{}", read.body);
    }

    #[test]
    fn a_forum_thread_is_read_as_its_posts_and_stories_side_by_side_are_not() {
        let post = |user: &str, text: &str| {
            format!(
                r#"<article class="message message--post"><div class="user">{user}</div><ul><li>27. September 2018</li></ul>
                <div class="message-content"><article class="message-body"><div class="bbWrapper">{text}<br>
                Viele Grüße</div></article></div></article>"#
            )
        };
        let texts = [
            "Hallo, Pepe schläft nachts mit mir im Schlafzimmer auf seiner Fensterbankliege, und seit Tagen liegen dort schwarze Krümel.",
            "Hat er vielleicht Milben in den Ohren? Eine unserer ersten Katzen hatte einmal einen Befall, da kam auch so etwas heraus.",
            "Der Tierarzt hat ein Mittel gegen Flöhe mitgegeben, und heute Nacht war die Liege sauber, nicht ein Krümel mehr darauf.",
        ];
        let thread: String =
            ["Pepemaus", "yellowkitty", "Pepemaus"].iter().zip(&texts).map(|(u, t)| post(u, t)).collect();
        let page = format!(
            r#"<html><head><title>Jede Nacht Dreck aus dem Fell</title></head><body><h1>Jede Nacht Dreck aus dem Fell</h1>
            <div class="block-body">{thread}</div></body></html>"#
        );
        let runs = super::super::boilerplate::block_runs(&dom_query::Document::from(page.as_str()));
        let body = with_its_sibling_blocks(format!("{}\n\nViele Grüße", texts[1]), &runs);
        for text in texts {
            assert!(body.contains(text), "lost {text:?}: {body}");
        }
        // The same posts, each under its own heading, are stories side by side: one is read.
        let stories = thread.replace(r#"<div class="user">"#, r#"<h2>Eine Meldung</h2><div class="user">"#);
        let runs =
            super::super::boilerplate::block_runs(&dom_query::Document::from(page.replace(&thread, &stories).as_str()));
        let body = with_its_sibling_blocks(texts[1].to_owned(), &runs);
        assert_eq!(body, texts[1]);
    }

    #[test]
    fn what_a_page_sets_under_the_articles_last_sentence_is_not_the_article() {
        let page = |closing: &str| {
            format!(
                r#"<html><head><title>Переговоры в Брюсселе</title></head><body><article>
                <h1>Переговоры в Брюсселе</h1>
                <p>Казахстан и Европейский союз продолжили в Брюсселе переговоры о Среднем коридоре, портах на Каспии и тарифах на перевозку грузов.</p>
                <p>Министры договорились встретиться снова весной, когда будут готовы расчёты по портам Актау и Курык и по железной дороге через Грузию.</p>
                {closing}</article></body></html>"#
            )
        };
        // Labels, credits, a call to subscribe and the headline of another story, each a
        // short paragraph that is no sentence, after the last one.
        let furniture = "<p>Источник: Kazinform</p><p>Опубликовано: 14.02.2024, 12:35</p>            <p>Подпишитесь на наш Telegram-канал</p><p>Читайте также: Астана и Баку подписали меморандум</p>";
        let read = read_page(&page(furniture)).unwrap();
        assert!(read.body.ends_with("через Грузию."), "{}", read.body);
        // A short closing sentence, or one a blogger ends with an emoji, is the article's.
        for closing in ["<p>Переговоры продолжатся.</p>", "<p>Ждём весны 😉</p>", "<p>Министр: «Мы готовы»</p>"]
        {
            let read = read_page(&page(closing)).unwrap();
            let last = read.body.rsplit("\n\n").next().unwrap_or_default();
            assert!(closing.contains(last) && !last.is_empty(), "{closing}: {}", read.body);
        }
        // A text of short paragraphs only (a list of dates) is kept whole.
        let text = without_closing_furniture("Март: расчёты\n\nАпрель: встреча министров".to_owned());
        assert_eq!(text, "Март: расчёты\n\nАпрель: встреча министров");
    }

    #[test]
    fn a_news_page_with_json_ld() {
        let a = read_page(PAGE).unwrap();
        assert_eq!(a.title, "Brussels talks: Kazakhstan and Benelux build bridges");
        assert_eq!(a.author, "Aigerim Sarsenova");
        assert_eq!(a.site, "The Astana Times");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 2, 14));
        assert_eq!(a.language, "en");
        assert_eq!(a.url, "https://astanatimes.com/2024/02/brussels-talks/");
        assert!(a.body.contains("Margulan Baimukhan met with"), "{}", a.body);
        assert!(a.body.contains("Astana International Forum"));
        assert!(!a.body.contains("never run") && !a.body.contains("All rights reserved"), "{}", a.body);
    }

    #[test]
    fn lead_images_only_from_beside_the_page() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("Page_files")).unwrap();
        std::fs::write(dir.path().join("Page_files/a b.jpg"), b"x").unwrap();
        assert!(local_image(dir.path(), "Page_files/a%20b.jpg?v=2").is_some());
        assert!(local_image(dir.path(), "./Page_files/a b.jpg").is_some());
        for refused in [
            "https://example.com/a.jpg",
            "../secret.jpg",
            "/etc/passwd",
            "data:image/png;base64,AA",
            "Page_files/missing.jpg",
        ] {
            assert!(local_image(dir.path(), refused).is_none(), "{refused}");
        }
    }

    #[test]
    fn dates_from_meta_or_time() {
        let page = r#"<html><head><title>Un sommet à Bruxelles</title>
<meta property="article:published_time" content="2023-11-05T08:00:00Z"></head>
<body><article><p>Le sommet a réuni les ministres des affaires étrangères de plusieurs pays pour discuter du corridor médian et de l'énergie.</p>
<p>Les discussions se poursuivront lors du prochain forum, prévu au printemps à Astana, selon les organisateurs.</p></article></body></html>"#;
        assert_eq!(read_page(page).unwrap().published, NaiveDate::from_ymd_opt(2023, 11, 5));
        let page = r#"<html><head><title>Top in Brussel</title></head><body><article>
<p>Gepubliceerd op <time datetime="2022-06-30">30 juni 2022</time>.</p>
<p>De ministers van de Benelux spraken in Brussel over vervoer, energie en de samenwerking met Centraal-Azië, meldt de krant.</p>
<p>Volgend jaar volgt een nieuwe ontmoeting in Luxemburg, waar ook de handel aan bod komt.</p></article></body></html>"#;
        let a = read_page(page).unwrap();
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2022, 6, 30));
        assert_eq!(a.title, "Top in Brussel");
        // A theme's tags commented out, and a cache's stamp, are no dates of the page.
        let page = r#"<html><head><title>Caspian ferries</title>
<!-- <meta property="article:modified_time" content="2016-09-11T06:37:58+00:00" /> -->
</head><body><article><p>Posted <time class="entry-date">April 13, 2020</time></p>
<p>New ferries will cross the Caspian Sea between Aktau and Baku from the spring, the port authority said on Monday.</p>
<p>The ships carry containers and rail wagons for the Middle Corridor between China and Europe.</p></article>
<!-- Served from: example.org @ 2023-10-31 15:55:37 by W3 Total Cache --></body></html>"#;
        assert_eq!(read_page(page).unwrap().published, NaiveDate::from_ymd_opt(2020, 4, 13));
        assert_eq!(without_comments("a<!-- b -->c<!-- open"), "ac");
    }

    #[test]
    fn dates_a_page_shows_in_its_text() {
        // A <time> without `datetime`, read from its text.
        assert_eq!(
            time_element_date("<h1>Talks</h1><time class=\"head\">Published on August 19, 2019</time>"),
            NaiveDate::from_ymd_opt(2019, 8, 19)
        );
        assert_eq!(time_element_date("<timeline>2019-08-19</timeline>"), None);
        // A date under a label that says what it is, in the languages we read.
        let labelled = |body: &str| labelled_date(&shown_text(&format!("<html><body><p>{body}</p></body></html>")));
        assert_eq!(labelled("<li><span>Datum:</span>26. Januar 2022</li>"), NaiveDate::from_ymd_opt(2022, 1, 26));
        assert_eq!(labelled("Veröffentlicht am 16.08.2019<br/> Dauer: 1 Stunde"), NaiveDate::from_ymd_opt(2019, 8, 16));
        assert_eq!(labelled("Опубликовано 12.03.2024 в 10:15"), NaiveDate::from_ymd_opt(2024, 3, 12));
        assert_eq!(labelled("Publié le 3 mai 2022 à Bruxelles"), NaiveDate::from_ymd_opt(2022, 5, 3));
        // A label with no date after it is passed over; a date with no label is not taken.
        assert_eq!(labelled("Stand der Technik. Stand: 27.01.2022"), NaiveDate::from_ymd_opt(2022, 1, 27));
        assert_eq!(labelled("Die Sitzung vom 27.01.2022 war kurz."), None);
    }

    #[test]
    fn the_author_out_of_a_byline() {
        assert_eq!(author_of_byline("VON MORITZ GATHMANN am 21. April 2020"), "MORITZ GATHMANN");
        assert_eq!(author_of_byline("By Jane Roe, March 3, 2024"), "Jane Roe");
        assert_eq!(author_of_byline("Par  Sébastien Farcis | 12/03/2024"), "Sébastien Farcis");
        assert_eq!(author_of_byline("di Mario Rossi"), "Mario Rossi");
        // Names stay whole: a particle that is a name's, and no date to cut.
        assert_eq!(author_of_byline("Di Maio Luigi"), "Di Maio Luigi");
        assert_eq!(author_of_byline("Marcus Bensmann, Justus von Daniels"), "Marcus Bensmann, Justus von Daniels");
        assert_eq!(author_of_byline("Жанна Абенова"), "Жанна Абенова");
        assert_eq!(author_of_byline("29. Juni 2017, 23:39 · von Tobi"), "Tobi");
        assert_eq!(author_of_byline("von: Rasender Reporter"), "Rasender Reporter");
        assert_eq!(author_of_byline("| Klaus Quibeldey-Cirkel"), "Klaus Quibeldey-Cirkel");
        assert_eq!(author_of_byline("Amelie Siekmann,"), "Amelie Siekmann");
    }

    #[test]
    fn the_day_a_page_shows_its_reader() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let page = |head: &str, body: &str| format!("<html><head>{head}</head><body>{body}</body></html>");
        // A date that opens the article's text, when nothing in the markup gives one.
        let html = page("", "<div><p>01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr gestartet“</p></div>");
        assert_eq!(page_date(&html, None, "", "", "01.02.2022 „Der Arbeitsmarkt ist gut …"), day(2022, 2, 1));
        // A date deep in the text is a date the article speaks of: a labelled one is the page's.
        let late = format!("{} Am 03.03.2021 begann es.", "Ein langer Satz. ".repeat(20));
        let labelled = page("", &format!("<p>{late}</p><footer>Stand: 01.02.2022</footer>"));
        assert_eq!(page_date(&labelled, None, "", "", &late), day(2022, 2, 1));
        // The date under the headline is the one a reader sees: the page's last version, when
        // its markup still carries the first one's.
        let updated = page(
            r#"<meta property="article:published_time" content="2022-11-06T10:00:00Z">"#,
            "<h1>Wahl in Sachsen</h1><p>Aktualisiert am 9. November 2022</p><p>Text.</p>",
        );
        assert_eq!(page_date(&updated, None, "", "", "Text."), day(2022, 11, 9));
        // A UTC time stamp a day off the date the page shows elsewhere: the day shown is the
        // site's own.
        let stamped = page(
            r#"<meta property="article:published_time" content="2022-11-06T23:00:00Z">"#,
            "<p>Text.</p><footer>Stand: 07.11.2022</footer>",
        );
        assert_eq!(page_date(&stamped, None, "", "", "Text."), day(2022, 11, 7));
        // Further off, the markup is believed: the page shows some other day.
        let other = page(
            r#"<meta property="article:published_time" content="2022-11-06T10:00:00Z">"#,
            "<p>Text.</p><footer>Stand: 09.11.2022</footer>",
        );
        assert_eq!(page_date(&other, None, "", "", "Text."), day(2022, 11, 6));
        // A page that marks no date and labels none: the first date it shows, even in an
        // element of its own beside the headline.
        let alone =
            page("", r#"<div class="top"><span>News</span><span>3.11.2023</span></div><h2>Schuhe</h2><p>Text.</p>"#);
        assert_eq!(page_date(&alone, None, "", "", "Text."), day(2023, 11, 3));
        // The state a script page carries, under the names such states use.
        let state =
            page(r#"<script>window.__STATE__={"createdAt":"2022-01-31T15:58:43+01:00"}</script>"#, "<p>Text.</p>");
        assert_eq!(page_date(&state, None, "", "", "Text."), day(2022, 1, 31));
    }

    #[test]
    fn the_day_month_order_and_time_zone_a_page_means() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let page = |head: &str, body: &str| format!("<html><head>{head}</head><body>{body}</body></html>");
        // An American page's "11/08/23" under the headline is 8 November: its markup says so.
        let american = page(
            r#"<meta property="article:published_time" content="2023-11-08T22:19:12+00:00">"#,
            r#"<h1>LVMH and the Louvre</h1><time datetime="2023-11-08">11/08/23 5:19pm</time><p>Text.</p>"#,
        );
        assert_eq!(page_date(&american, None, "", "", "Text."), day(2023, 11, 8));
        // A slashed date in the markup that the page's text writes day-first.
        let swiss =
            page(r#"<meta name="date" content="11/01/2023 12:43:42">"#, "<p>Text.</p><p>Erstellt am: 01.11.2023</p>");
        assert_eq!(page_date(&swiss, None, "", "", "Text."), day(2023, 11, 1));
        // "05/03/2021" with nothing to say otherwise is read day-first, as before.
        let plain = page("", "<p>Text.</p><footer>Date: 05/03/2021</footer>");
        assert_eq!(page_date(&plain, None, "", "", "Text."), day(2021, 3, 5));
        // A stamp in the site's own time is its day: a date one day off in the text is an event.
        let local = page(
            r#"<meta property="article:published_time" content="2023-11-01T08:16:57+01:00">"#,
            "<p>Text.</p><footer>Stand: 31.10.2023</footer>",
        );
        assert_eq!(page_date(&local, None, "", "", "Text."), day(2023, 11, 1));
        // A page that marks only its last change, and labels its publication a day before.
        let changed = page(
            r#"<meta property="og:updated_time" content="2022-01-27T18:34:20+0100">"#,
            "<p>Text.</p><p>Erschienen am 26. Jan 2022</p>",
        );
        assert_eq!(page_date(&changed, None, "", "", "Text."), day(2022, 1, 26));
        // Nothing but the last change, labelled for the reader.
        let updated = page("", "<p>Text aus Science, 15. Januar 2021.</p><hr><p>Aktualisiert am 17.01.2021.</p>");
        assert_eq!(page_date(&updated, None, "", "", "Text."), day(2021, 1, 17));
        // The day in an address is two digits, not the start of a longer number.
        assert_eq!(url_date("https://example.org/Reden/2003/03/20030331_Rede.html"), None);
        assert_eq!(url_date("https://example.org/2003/03/31.html"), day(2003, 3, 31));
    }
}
