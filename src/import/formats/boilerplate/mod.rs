//! The parts of a saved page around its article. Most are not the article: sharing buttons,
//! lists of related stories, newsletter and cookie boxes, an author's biography, navigation,
//! photo captions and credits. [`remove_boxes`] takes them off the page before Readability
//! looks for the article, the way trafilatura prunes a page, so a box that sits inside the
//! article's container is not kept with the text. One part is the article's own: the lead under
//! the headline, which Readability often leaves out; [`lead`] finds it.
//!
//! Every rule is one a reader would name: an element's class or id says what it is ("share",
//! "related", "newsletter"...), its tag is a page's frame (`nav`, `aside`, `footer`) or a photo
//! with its caption (`figure`), or it is one short line pointing to another story ("Read more:",
//! "Читайте также:"). No rule may take the article itself: an element that holds the page's
//! headline, an `<article>` or `<main>`, half of the page's paragraphs or a large part of its
//! text is kept whatever its class says, and so is a short line that names the author.

use dom_query::{Document, NodeId, NodeRef};

mod words;

use words::*;

/// Elements that are the page's frame, not its text.
const FRAME_TAGS: &[&str] = &["nav", "aside", "footer", "menu", "dialog"];

/// Elements a box is made of: removing one of these never changes the page's layout around it.
const BOX_TAGS: &[&str] =
    &["div", "section", "aside", "ul", "ol", "li", "p", "span", "nav", "footer", "header", "figure"];

/// Removes the boxes around the article (see the module's doc).
pub(crate) fn remove_boxes(doc: &Document) {
    let body = doc.select("body");
    let Some(&body) = body.nodes().first() else { return };
    let page_text = text_len(&body);
    // A box may not hold this much of the page's text: the page's article is never taken.
    let limits = Limits { most: (page_text / 3).max(2_000), paragraphs: paragraph_len(&body) };
    // A ruby's reading aid (the furigana over Japanese kanji, in `<rt>`) is read with the
    // letters it glosses, not as text of its own: "子こども" would be found neither as "子ども"
    // nor at all.
    doc.select("rt, rp").remove();
    let mut doomed: Vec<NodeRef> = Vec::new();
    find_boxes(&body, &limits, &mut doomed);
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Collects the boxes below `node`, outermost first; the inside of a box is not looked at.
fn find_boxes<'a>(node: &NodeRef<'a>, limits: &Limits, doomed: &mut Vec<NodeRef<'a>>) {
    let children = node.element_children();
    let mut i = 0;
    while let Some(child) = children.get(i) {
        i += 1;
        // A heading over other stories ("Related stories", "Meistgelesen") goes with the lists
        // of links under it.
        if is_heading_of(child, RELATED_HEADINGS) {
            doomed.push(*child);
            while let Some(next) = children.get(i).filter(|n| is_link_list(n) && !holds_the_article(n, limits)) {
                doomed.push(*next);
                i += 1;
            }
            continue;
        }
        // The readers' comments ("Kommentare", "Leave a reply") go with what follows them, up
        // to the article if it comes after.
        if COMMENT_HEADING_TAGS.contains(&tag_of(child).as_str()) && is_heading_of(child, COMMENT_HEADINGS) {
            doomed.push(*child);
            while let Some(next) = children.get(i).filter(|n| !holds_the_article(n, limits)) {
                doomed.push(*next);
                i += 1;
            }
            continue;
        }
        let child = *child;
        let name = tag_of(&child);
        // A figure is a photo and its caption and credit; one with paragraphs of its own is a
        // slide of a gallery, which is text.
        let framed = FRAME_TAGS.contains(&name.as_str())
            || name == "figcaption"
            || (name == "figure" && !has_paragraphs(&child));
        let named = BOX_TAGS.contains(&name.as_str()) && names_a_box(&child);
        let biography = named && names_a_biography(&child);
        let other_stories = named && is_list_of_other_stories(&child);
        let read_more = READ_MORE_TAGS.contains(&name.as_str()) && is_read_more(&child);
        let credit = CREDIT_TAGS.contains(&name.as_str()) && (is_photo_credit(&child) || is_ad_label(&child));
        let boxed = framed || named || read_more || credit;
        if boxed && !holds_the_article(&child, limits)
            || biography && !holds_the_articles_frame(&child, limits)
            || other_stories && text_len(&child) <= limits.most
        {
            doomed.push(child);
        } else {
            find_boxes(&child, limits, doomed);
        }
    }
}

/// How much of the page a box may hold.
struct Limits {
    /// Text, in bytes: more is the article, or holds it.
    most: usize,
    /// The text of all the page's paragraphs: a box holds less than half of it.
    paragraphs: usize,
}

/// The names the element's class, id and `is` give it, lower case.
fn names_of(node: &NodeRef) -> Vec<String> {
    // `is` names a customised element ("flynt-form-newsletter") as a class would.
    ["class", "id", "is"]
        .into_iter()
        .filter_map(|attr| node.attr(attr))
        .flat_map(|value| value.split_whitespace().map(str::to_ascii_lowercase).collect::<Vec<_>>())
        .collect()
}

/// The element's tag name, lower case ("" for a node that has none).
fn tag_of(node: &NodeRef) -> String {
    node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default()
}

/// Whether the node is an element named `name`.
fn is(node: &NodeRef, name: &str) -> bool {
    node.node_name().is_some_and(|n| n.eq_ignore_ascii_case(name))
}

/// Whether the element's class or id says it is a box beside the article.
fn names_a_box(node: &NodeRef) -> bool {
    // A name of many words is a heading made into an anchor
    // ("sharing-with-a-single-developer"), not what the element is.
    let said: String =
        names_of(node).into_iter().filter(|n| n.split(['-', '_']).count() <= 4).map(|n| n + " ").collect();
    if said.is_empty() {
        return false;
    }
    // A container's name says so ("entry-content", "sidebar-layout", "paywall-container"):
    // what it holds is looked at, not it.
    if said.split([' ', '-', '_']).any(|w| CONTAINER_WORDS.iter().any(|c| w.contains(c))) {
        return false;
    }
    // "nav" only as a word's start: "navigation", "nav-links", but not "canvas".
    let nav = said.split([' ', '-', '_']).any(|w| w.starts_with("nav") || w == "menu");
    nav || BOX_WORDS.iter().chain(BIOGRAPHY_WORDS).any(|w| said.contains(w))
}

/// Whether the element is named as related stories and holds several `<article>`s (their
/// teasers), and no headline or main element: the page's own article is not among them, and
/// its teasers' paragraphs may outweigh a post of short lines.
fn is_list_of_other_stories(node: &NodeRef) -> bool {
    let below = Below::of(node);
    names_of(node).iter().any(|n| n.contains("related")) && below.articles >= 2 && !below.headline_or_main
}

/// What an element holds, for telling a story, a list of stories and the page's frame apart.
struct Below {
    /// `<article>` elements, the element itself included.
    articles: usize,
    /// An `<h1>` or `<main>`.
    headline_or_main: bool,
    /// An `<h2>` or `<h3>`.
    subheads: bool,
}

impl Below {
    fn of(node: &NodeRef) -> Below {
        let mut below = Below { articles: 0, headline_or_main: false, subheads: false };
        for d in node.descendants_it().chain([*node]).filter(NodeRef::is_element) {
            match tag_of(&d).as_str() {
                "article" => below.articles += 1,
                "main" | "h1" => below.headline_or_main = true,
                "h2" | "h3" => below.subheads = true,
                _ => {}
            }
        }
        below
    }
}

/// Whether the element's class or id says it is an author's biography.
fn names_a_biography(node: &NodeRef) -> bool {
    names_of(node).iter().any(|n| BIOGRAPHY_WORDS.iter().any(|w| n.contains(w)))
}

/// Whether removing the element would take the article: it holds the headline, an article or
/// main element, or more text than a box can.
fn holds_the_article(node: &NodeRef, limits: &Limits) -> bool {
    holds_the_articles_frame(node, limits) || paragraph_len(node) * 2 > limits.paragraphs
}

/// Whether the element holds the headline, an article or main element, the byline, or more
/// text than a box can.
fn holds_the_articles_frame(node: &NodeRef, limits: &Limits) -> bool {
    let name = tag_of(node);
    if matches!(name.as_str(), "article" | "main" | "h1" | "body") {
        return true;
    }
    if node
        .descendants_it()
        .filter(NodeRef::is_element)
        .any(|d| matches!(tag_of(&d).as_str(), "article" | "main" | "h1"))
    {
        return true;
    }
    let text = text_len(node);
    if text <= BYLINE && node.descendants_it().any(|d| names_the_author(&d)) {
        return true;
    }
    text > limits.most
}

/// The longest a line naming the article's author is; an author's biography is longer.
const BYLINE: usize = 160;

/// Whether the element marks the article's author, where Readability looks for the byline.
fn names_the_author(node: &NodeRef) -> bool {
    node.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || node.attr("itemprop").is_some_and(|i| i.to_ascii_lowercase().contains("author"))
        || node.attr("class").is_some_and(|c| c.to_ascii_lowercase().contains("byline"))
}

/// The length of the text in the paragraphs at or below the element.
fn paragraph_len(node: &NodeRef) -> usize {
    if is(node, "p") {
        return text_len(node);
    }
    node.descendants_it().filter(|d| is(d, "p")).map(|p| text_len(&p)).sum()
}

/// The length of the element's text, in bytes, without runs of white space.
fn text_len(node: &NodeRef) -> usize {
    node.text().split_whitespace().map(str::len).sum()
}

/// Elements that hold a line pointing to another story.
const READ_MORE_TAGS: &[&str] = &["p", "div", "li", "h2", "h3", "h4", "h5", "h6", "strong", "b"];

/// The longest such line: a sentence of the article that starts with the same words is longer.
const READ_MORE_LINE: usize = 250;

/// Whether the element is a short line that points to another story ("Read more: ...").
fn is_read_more(node: &NodeRef) -> bool {
    let text = node.text();
    let text = text.trim_start();
    text.len() <= READ_MORE_LINE && opens_with(text, READ_MORE)
}

/// Whether a line starts with one of `labels` (lower case), whatever its case.
fn opens_with(line: &str, labels: &[&str]) -> bool {
    let start: String = line.chars().take(40).collect::<String>().to_lowercase();
    labels.iter().any(|label| start.starts_with(label))
}

/// Elements a comments section's heading is: not a line inside a byline ("0 Kommentare" beside
/// the author's name links to them).
const COMMENT_HEADING_TAGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6", "div", "p", "header", "section"];

/// Whether the element is, all of it, one of these headings.
fn is_heading_of(node: &NodeRef, headings: &[&str]) -> bool {
    // A heading is a few elements at most (a link, a span); the text of larger ones is not read.
    if node.descendants_it().nth(8).is_some() {
        return false;
    }
    let text = node.text();
    if text.len() > 80 {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let heading = words.join(" ");
    let heading = heading.trim_end_matches([':', '.', '…', '»', '›', '>', '!', ' ']).to_lowercase();
    // A count before or after: "3 Kommentare", "Comments (12)".
    let counted = heading.trim_start_matches(|c: char| c.is_ascii_digit() || c == '(' || c == ')' || c == ' ');
    let counted = counted.trim_end_matches(|c: char| c.is_ascii_digit() || c == '(' || c == ')' || c == ' ');
    headings.contains(&heading.as_str()) || headings.contains(&counted)
}

/// Elements that hold a photo's credit line.
const CREDIT_TAGS: &[&str] = &["p", "div", "span", "small", "em", "i", "cite", "strong", "b"];

/// The longest credit line: a caption that tells more is the photo's, and a figure's caption
/// is taken with its figure.
const CREDIT_LINE: usize = 100;

/// Whether the element is a short line that credits a photo.
fn is_photo_credit(node: &NodeRef) -> bool {
    if node.descendants_it().nth(8).is_some() {
        return false;
    }
    let text = node.text();
    let text = text.trim_start();
    text.chars().count() <= CREDIT_LINE && opens_with(text, CREDIT_LABELS)
}

/// Whether the element is an advertisement's label: the word alone ("Anzeige", "- Anzeige -",
/// "Reklama") or opening a short line after a colon, comma, full stop or dash ("ANZEIGE - Heute
/// mal ausgehen?", "*Werbung. Dieser Beitrag enthält Werbung für ..."). A sentence that merely
/// starts with the word ("Werbung ist ...") is the article's.
fn is_ad_label(node: &NodeRef) -> bool {
    if node.descendants_it().nth(8).is_some() {
        return false;
    }
    let text = node.text();
    let line = text.trim_matches(|c: char| c.is_whitespace() || "-–—*|•·:[]()".contains(c));
    if line.chars().count() > CREDIT_LINE {
        return false;
    }
    let line = line.to_lowercase();
    AD_LABELS.iter().any(|label| {
        line.strip_prefix(label).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with([':', ',', '.']) || rest.trim_start().starts_with(['-', '–', '—', '|'])
        })
    })
}

/// Whether the element is a list of links: text, most of it the text of links.
fn is_link_list(node: &NodeRef) -> bool {
    let text = text_len(node);
    text > 0 && link_text_len(node) * 2 >= text
}

/// Whether a figure holds paragraphs of its own, beside its caption: a slide of a gallery.
fn has_paragraphs(figure: &NodeRef) -> bool {
    figure.descendants_it().any(|d| is(&d, "p") && !d.ancestors_it(None).any(|a| is(&a, "figcaption")))
}

/// The article's lead (standfirst, "chapo", "bajada"): the paragraph a page sets apart under
/// its headline, which Readability often leaves out as it is not in the body's container. It is
/// an element whose class or id says so, close below the headline, of prose, not links.
pub(crate) fn lead(doc: &Document) -> Option<String> {
    let body = doc.select("body");
    let body = *body.nodes().first()?;
    // Text read since the headline, in the page's order: a lead follows it closely.
    let mut since_headline: Option<usize> = None;
    let mut found = None;
    walk_for_lead(&body, &mut since_headline, &mut found);
    found
}

/// How far below the headline a lead may start, in bytes of text.
const LEAD_REACH: usize = 600;

fn walk_for_lead(node: &NodeRef, since_headline: &mut Option<usize>, found: &mut Option<String>) {
    for child in node.children_it(false) {
        if found.is_some() || since_headline.is_some_and(|read| read > LEAD_REACH) {
            return;
        }
        if child.is_text() {
            if let Some(read) = since_headline.as_mut() {
                *read += child.text().trim().len();
            }
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = tag_of(&child);
        if matches!(name.as_str(), "script" | "style" | "noscript" | "template") {
            continue;
        }
        if name == "h1" {
            *since_headline = Some(0);
            continue;
        }
        if since_headline.is_some() && names_a_lead(&child) {
            let text = child.text().split_whitespace().collect::<Vec<_>>().join(" ");
            let links = link_text_len(&child);
            if (LEAD_SHORTEST..=LEAD_LONGEST).contains(&text.len()) && links * 4 < text.len() {
                *found = Some(text);
                return;
            }
        }
        walk_for_lead(&child, since_headline, found);
    }
}

/// A lead is a sentence or a few: shorter is a kicker or a date, longer is the article.
const LEAD_SHORTEST: usize = 60;
const LEAD_LONGEST: usize = 1_200;

/// Whether the element's class or id names it the article's lead.
fn names_a_lead(node: &NodeRef) -> bool {
    let said: String = names_of(node).into_iter().map(|n| n + " ").collect();
    let words = || said.split([' ', '-', '_']).filter(|w| !w.is_empty());
    words().any(|w| matches!(w, "lead" | "dek" | "deck" | "sapo" | "chapo" | "intro" | "subline"))
        || [
            "standfirst",
            "excerpt",
            "summary",
            "abstract",
            "bajada",
            "entradilla",
            "description",
            "intro-text",
            "leadtext",
            "article-lead",
        ]
        .iter()
        .any(|w| said.contains(w))
}

/// The element the page itself names its article's body, for checking what Readability chose:
/// its markup, and the openings of its paragraphs; and the openings of the paragraphs of every
/// element named so (an `<article>` and the `articleBody` inside it).
pub(crate) struct MarkedBody {
    pub html: String,
    pub openings: Vec<String>,
    pub all_openings: Vec<Vec<String>>,
    /// Its text as a reader reads an article: its paragraphs, subheads, list items and
    /// quotes, a blank line apart (not its byline, buttons or headline).
    pub text: String,
}

/// The elements an article's text is made of.
const TEXT_TAGS: &[&str] = &["p", "h2", "h3", "h4", "li", "blockquote", "pre"];

/// How content systems name the element that holds an article's text (WordPress, Drupal,
/// schema.org, and the names newspapers' systems share).
const BODY_SELECTOR: &str = "article, [itemprop=articleBody], .entry-content, .post-content, .article-body, \
                             .article__body, .article-content, .articleBody, .story-body, .post-body, \
                             .entry-text, .field--name-body, .text-formatted";

/// The paragraphs of a marked body that count: long enough to be the article's sentences.
const BODY_PARAGRAPH: usize = 80;

/// The element of [`BODY_SELECTOR`] that holds the headline, or else the one with the most
/// paragraph text (not a list of the author's other stories beside the article), if it has at
/// least three paragraphs of sentences.
pub(crate) fn marked_body(doc: &Document) -> Option<MarkedBody> {
    let selection = doc.select(BODY_SELECTOR);
    let nodes = selection.nodes();
    let headed: Vec<&NodeRef> = nodes.iter().filter(|node| node.descendants_it().any(|d| is(&d, "h1"))).collect();
    // A page that runs on into the next stories, or a list of whole articles, holds several
    // stories, each with its heading. The page's is the innermost whose heading its title names.
    let headings: Vec<Option<String>> = nodes
        .iter()
        .map(|node| node.descendants_it().find(|d| ["h1", "h2", "h3"].iter().any(|h| is(d, h))).map(|h| words_of(&h)))
        .collect();
    let inside = |inner: &NodeRef, outer: &NodeRef| inner.ancestors_it(None).any(|a| a.id == outer.id);
    let title = super::html::clean(&doc.select("title").text());
    let named: Vec<&NodeRef> = nodes
        .iter()
        .zip(&headings)
        .filter(|(_, heading)| heading.as_ref().is_some_and(|h| h.len() >= 10 && title.contains(h.as_str())))
        .map(|(node, _)| node)
        .collect();
    let titled: Vec<&NodeRef> = named
        .iter()
        .copied()
        .filter(|node| !named.iter().any(|other| other.id != node.id && inside(other, node)))
        .collect();
    let best = match (titled.is_empty(), headed.is_empty()) {
        (false, _) => titled.iter().copied().max_by_key(|node| paragraph_len(node))?,
        (true, false) => headed.iter().copied().max_by_key(|node| paragraph_len(node))?,
        (true, true) => nodes.iter().max_by_key(|node| paragraph_len(node))?,
    };
    // Another story (neither inside this one nor around it) says nothing of where this one's
    // text is, nor do its paragraphs in an element around both.
    let related = |node: &NodeRef| node.id == best.id || inside(best, node) || inside(node, best);
    let other_stories: Vec<NodeId> = if titled.is_empty() {
        Vec::new()
    } else {
        nodes.iter().zip(&headings).filter(|(node, h)| h.is_some() && !related(node)).map(|(node, _)| node.id).collect()
    };
    let other_story = |node: &NodeRef| {
        !other_stories.is_empty()
            && (other_stories.contains(&node.id) || node.ancestors_it(None).any(|a| other_stories.contains(&a.id)))
    };
    let openings = |node: &NodeRef| -> Vec<String> {
        node.descendants_it()
            .filter(|d| is(d, "p") && !other_story(d))
            .map(|p| words_of(&p))
            .filter(|text| text.len() >= BODY_PARAGRAPH)
            .map(|text| text.chars().take(50).collect())
            .collect()
    };
    let all_openings = nodes
        .iter()
        .filter(|node| !other_story(node))
        .map(openings)
        .filter(|o: &Vec<String>| o.len() >= BODY_PARAGRAPHS)
        .collect();
    let best_openings = openings(best);
    let text = reading_text(best, false);
    (best_openings.len() >= BODY_PARAGRAPHS).then(|| MarkedBody {
        html: best.html().to_string(),
        openings: best_openings,
        all_openings,
        text: text.join("\n\n"),
    })
}

/// An article set in several sibling blocks of one name (a section per subhead, each
/// `<div class="headline-with-text">`), with what stands between them: the paragraphs,
/// subheads and list items, read as `MarkedBody::text` is, from the first such block to the
/// last.
pub(crate) struct BlockRun {
    /// The opening of each named block's first paragraph of sentences.
    pub openings: Vec<String>,
    pub text: String,
}

/// The runs of sibling blocks of one class that each hold a paragraph of sentences.
pub(crate) fn block_runs(doc: &Document) -> Vec<BlockRun> {
    let mut runs = Vec::new();
    let opening = |node: &NodeRef| {
        let paragraph =
            node.descendants_it().filter(|d| is(d, "p")).map(|p| words_of(&p)).find(|t| t.len() >= BODY_PARAGRAPH);
        paragraph
            .or_else(|| node.descendants_it().find(holds_own_text).map(|d| words_of(&d)))
            .map(|t| t.chars().take(50).collect::<String>())
    };
    for parent in doc.select("body, body *").nodes() {
        let children = parent.element_children();
        // The children by class, in the page's order; only a class two or more share is looked at.
        let mut by_class: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
        for (i, child) in children.iter().enumerate() {
            if let Some(class) = child.attr("class").filter(|c| !c.trim().is_empty()) {
                by_class.entry(class.to_string()).or_default().push(i);
            }
        }
        let mut groups: Vec<Vec<usize>> = by_class.into_values().filter(|members| members.len() >= 2).collect();
        groups.sort();
        for group in groups {
            let members: Vec<(usize, String)> = group
                .into_iter()
                .filter_map(|i| children.get(i).map(|c| (i, c)))
                .filter(|(_, c)| link_text_len(c) * 4 <= text_len(c))
                // Articles side by side, each under its heading, are stories, each whole: a page
                // that runs on into the next ones (`marked_body`). Without headings they are
                // the posts of a thread, read together.
                .filter(|(_, c)| {
                    let below = Below::of(c);
                    let story = below.articles > 0 && below.subheads;
                    !story && !below.headline_or_main
                })
                .filter_map(|(i, c)| opening(c).map(|o| (i, o)))
                .collect();
            let (Some((first, _)), Some((last, _))) = (members.first(), members.last()) else { continue };
            if members.len() < 2 {
                continue;
            }
            let text: Vec<String> =
                children.get(*first..=*last).unwrap_or_default().iter().flat_map(|c| reading_text(c, true)).collect();
            runs.push(BlockRun { openings: members.into_iter().map(|(_, o)| o).collect(), text: text.join("\n\n") });
        }
    }
    runs
}

/// An element's text as a reader reads an article: its paragraphs, subheads, list items and
/// quotes, the innermost (a list item made of paragraphs is read as its paragraphs), in order;
/// with `posts`, also the text a forum post sets in a `<div>`, its lines broken by `<br>`.
fn reading_text(node: &NodeRef, posts: bool) -> Vec<String> {
    let is_text = |node: &NodeRef| TEXT_TAGS.iter().any(|t| is(node, t));
    node.descendants_it()
        .filter(|d| {
            (is_text(d) && !d.descendants_it().any(|inner| is_text(&inner)))
                || (posts && holds_own_text(d) && !is_text(d) && !d.ancestors_it(None).any(|a| is_text(&a)))
        })
        .map(|d| words_of(&d))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Whether the element holds a paragraph's worth of text of its own, not in child elements
/// (a forum post's text in a `<div>`, its lines broken by `<br>`).
fn holds_own_text(node: &NodeRef) -> bool {
    node.is_element()
        && !is(node, "script")
        && !is(node, "style")
        && node.children().iter().filter(|c| c.is_text()).map(text_len).sum::<usize>() >= BODY_PARAGRAPH
}

/// An element's text in one line, as the page reader gives text: spaces single, no soft
/// hyphens.
fn words_of(node: &NodeRef) -> String {
    super::html::clean(&node.text())
}

/// A named body with fewer paragraphs than this is not enough to judge by.
const BODY_PARAGRAPHS: usize = 3;

fn link_text_len(node: &NodeRef) -> usize {
    node.descendants_it().filter(|d| is(d, "a")).map(|a| text_len(&a)).sum()
}

#[cfg(test)]
mod tests {
    use crate::import::formats::html::read_page;

    /// Paragraphs long enough for Readability to take them as an article.
    fn paragraphs(words: &[&str]) -> String {
        words.iter().map(|w| format!("<p>{}</p>\n", format!("{w} ").repeat(30))).collect()
    }

    /// Three paragraphs of a German story about talks in Brussels.
    fn brussels_story() -> String {
        paragraphs(&[
            "Die Verhandlungen in Brüssel gingen weiter,",
            "Die Delegationen sprachen über den Mittleren Korridor,",
            "Die Minister wollen sich im Herbst wieder treffen,",
        ])
    }

    #[test]
    fn headings_over_other_stories_and_comments_go_with_what_they_head() {
        let story = brussels_story();
        // Under the article, in its own container (no class names a box): a German heading
        // over a list of links, a Russian one over a block of links, a photo's credit, readers'
        // comments under their heading; and a subhead of the article's own that starts like a
        // heading over other stories ("Ähnliche Artikel im Vertrag ..."), over a paragraph.
        let page = format!(
            r##"<html><head><title>Gespräche in Brüssel</title></head><body>
            <div class="content">
              <h1>Gespräche in Brüssel</h1>
              {story}
              <h2>Ähnliche Artikel im Vertrag von 2015</h2>
              <p>{}</p>
              <h3><span>Mehr zum Thema:</span></h3>
              <ul><li><a href="/1">Ein älterer Bericht über die Bahn</a></li><li><a href="/2">Ein Interview</a></li></ul>
              <div class="x"><a href="/3">Noch ein Link zu einer anderen Geschichte</a></div>
              <p>Die Gespräche werden am Montag in Astana fortgesetzt, sagte die Sprecherin.</p>
              <p>Foto: Agentur / Jane Roe</p>
              <h2>Читайте также</h2>
              <div><a href="/4">Другая новость о погоде</a> <a href="/5">И ещё одна</a></div>
              <h3>3 Kommentare</h3>
              <div><p>Ein Leser schreibt, das sei gut so, und er begründet es ausführlich.</p></div>
              <p>Sie müssen sich einloggen, um zu kommentieren.</p>
            </div>
            </body></html>"##,
            "Wasserstoff aus Kasachstan soll über den Korridor nach Europa kommen, so die Kommission. ".repeat(3)
        );
        let article = read_page(&page).unwrap();
        for kept in [
            "Die Delegationen sprachen",
            "Ähnliche Artikel im Vertrag von 2015",
            "Wasserstoff aus Kasachstan",
            "am Montag in Astana fortgesetzt",
        ] {
            assert!(article.body.contains(kept), "lost {kept:?}: {}", article.body);
        }
        for dropped in [
            "Ein älterer Bericht",
            "Ein Interview",
            "Noch ein Link",
            "Другая новость",
            "Читайте также",
            "Agentur / Jane Roe",
            "Kommentare",
            "Ein Leser schreibt",
            "einloggen",
        ] {
            assert!(!article.body.contains(dropped), "kept {dropped:?}: {}", article.body);
        }
    }

    #[test]
    fn advertisement_labels_are_not_text() {
        let story = brussels_story();
        let page = format!(
            r##"<html><head><title>Gespräche</title></head><body><div class="content"><h1>Gespräche</h1>
            <p>- Anzeige -</p>{story}<div>ANZEIGE - Heute mal ausgehen? Wie wäre es mit:</div>
            <p>*Werbung. Dieser Beitrag enthält Werbung für eine Marke.</p><span>Reklama</span>
            <p>Werbung ist ein Thema, über das die Minister lange sprachen.</p></div></body></html>"##
        );
        let body = read_page(&page).unwrap().body;
        assert!(body.contains("Mittleren Korridor") && body.contains("Werbung ist ein Thema"), "{body}");
        for label in ["Anzeige", "ANZEIGE", "Werbung für eine Marke", "Reklama"] {
            assert!(!body.contains(label), "{label} in {body}");
        }
    }

    #[test]
    fn a_box_named_by_its_is_attribute_is_a_box() {
        let doc = dom_query::Document::from(
            r#"<div id="a" is="flynt-form-newsletter"><p>Ich willige ein.</p></div><div id="b" is="flynt-block-wysiwyg"><p>Text.</p></div>"#,
        );
        let named = |id: &str| doc.select(&format!("#{id}")).nodes().first().is_some_and(super::names_a_box);
        assert!(named("a") && !named("b"));
    }

    #[test]
    fn the_boxes_around_an_article_are_not_its_text() {
        let story = paragraphs(&[
            "Переговоры в Брюсселе продолжились,",
            "Делегации обсудили Средний коридор,",
            "Министры договорились встретиться снова,",
        ]);
        let page = format!(
            r##"<html><head><title>Talks in Brussels</title></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <div class="article-body">
              <h1>Talks in Brussels</h1>
              <div class="post-share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
              {story}
              <figure><img src="a.jpg"><figcaption>Photo: Agency Pool / Jane Roe</figcaption></figure>
              <p><strong>Читайте также:</strong> <a href="/other">Another story about something else</a></p>
              <div class="author-bio"><p>Jane Roe writes about the European Union for the paper since 2015.</p></div>
              <ul class="relatedPosts"><li><a href="/1">An older story of the same week</a></li></ul>
              <div id="newsletter-signup">Get our newsletter every morning</div>
            </div>
            <footer>© The Paper 2026, all rights reserved</footer>
            </body></html>"##
        );
        let article = read_page(&page).unwrap();
        for kept in
            ["Переговоры в Брюсселе продолжились", "Делегации обсудили Средний коридор", "Министры договорились"]
        {
            assert!(article.body.contains(kept), "lost {kept:?}: {}", article.body);
        }
        for dropped in [
            "Share on Facebook",
            "Agency Pool",
            "Another story about something else",
            "since 2015",
            "An older story",
            "newsletter every morning",
            "all rights reserved",
        ] {
            assert!(!article.body.contains(dropped), "kept {dropped:?}: {}", article.body);
        }
    }

    #[test]
    fn an_authors_life_story_longer_than_the_post_is_not_its_text() {
        // A post of short lines under its photos (no paragraphs), and the blogger's biography
        // in paragraphs: most of the page's paragraph text, and still not the post.
        let items: String = ["Kerzenhalter aus Messing, ein Geschenk für Gastgeber", "Buchstützen aus Marmor für das Regal im Flur", "Eine Decke aus Wolle für lange Winterabende"]
            .iter()
            .map(|item| format!("<div class=\"item\"><img src=\"a.jpg\"><h3>{item}</h3><div>Jetzt für 39 Euro bestellen und vor Weihnachten geliefert bekommen.</div></div>"))
            .collect();
        let biography = paragraphs(&["Ich bin Jessie, lebe in Berlin und schreibe hier seit 2012 über Mode,"]);
        let page = format!(
            r#"<html><head><title>Geschenke fürs Zuhause</title></head><body><article>
            <h1>Geschenke fürs Zuhause</h1><div class="entry-content">{items}</div>
            <div class="author-bio"><div class="author-description">{biography}</div></div>
            </article></body></html>"#
        );
        let article = read_page(&page).unwrap();
        assert!(article.body.contains("Buchstützen aus Marmor"), "{}", article.body);
        assert!(!article.body.contains("schreibe hier seit 2012"), "{}", article.body);
    }

    #[test]
    fn teasers_of_related_stories_are_not_the_text_of_a_post_of_short_lines() {
        let items: String =
            ["Earcuff aus Gold, von Zoeca", "Kreolen aus Silber, von Stella", "Ohrstecker mit Perle, von Jane"]
                .iter()
                .map(|item| format!("<section><img src=\"a.jpg\"><p>{item}</p></section>"))
                .collect();
        let teasers: String = (1..=3)
            .map(|i| {
                format!(
                    "<article class=\"post_teaser\"><h2>Sale der Woche {i}</h2><p>{}</p></article>",
                    "Unbedingt noch die schönsten Schnäppchen der Saison eintüten, bevor der Sommer vorbei ist. "
                        .repeat(3)
                )
            })
            .collect();
        let page = format!(
            r#"<html><head><title>Ohrringe für den Sommer</title></head><body><section class="single"><div class="wrap">
            <h1>Ohrringe für den Sommer</h1><div class="post-body">{items}</div>
            <div id="related_posts"><ul><li>{teasers}</li></ul></div></div></section></body></html>"#
        );
        let article = read_page(&page).unwrap();
        assert!(article.body.contains("Kreolen aus Silber"), "{}", article.body);
        assert!(!article.body.contains("Schnäppchen"), "{}", article.body);
    }

    #[test]
    fn what_a_reader_does_not_see_is_not_text() {
        // Furigana over kanji (`<rt>`, with `<rp>` brackets for browsers without ruby), and
        // soft hyphens, as an entity and as the character, that break long German words.
        let ruby = "<ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための法律ができました。";
        let german =
            "Schon im Mit&shy;tel&shy;al&shy;ter war der Wein das Aus\u{ad}hän\u{ad}ge\u{ad}schild der Region. ";
        let page = format!(
            "<html><body><h1>Nachrichten</h1><div class=\"article\"><p>{}</p><p>{}</p></div></body></html>",
            ruby.repeat(8),
            german.repeat(8)
        );
        let article = read_page(&page).unwrap();
        assert!(article.body.contains("子どもへの虐待をなくすための法律"), "{}", article.body);
        assert!(!article.body.contains("ぎゃくたい"), "{}", article.body);
        assert!(article.body.contains("Mittelalter war der Wein das Aushängeschild"), "{}", article.body);
        assert!(!article.body.contains('\u{ad}'), "{}", article.body);
    }

    #[test]
    fn the_body_a_page_names_is_its_article() {
        // An article in many small blocks, each paragraph in a box of its own, under its
        // headline in an `<article>`; beside it, a long list of other stories in one block,
        // which Readability's scores prefer.
        let sentences = [
            "Die Verhandlungen über den Mittleren Korridor gingen in Brüssel am Montag weiter.",
            "Kasachstan und die Europäische Union wollen die Häfen am Kaspischen Meer ausbauen.",
            "Beide Seiten sprachen nach dem Treffen von guten Fortschritten bei den Zöllen.",
            "Die Minister vereinbarten, sich im Frühjahr in Astana erneut zu treffen, hieß es.",
        ];
        let article: String = sentences
            .iter()
            .map(|s| format!(r#"<div class="paragraph"><div class="field"><p>{s}</p></div></div>"#))
            .collect();
        let others: String = (1..=12)
            .map(|i| format!("<p>Meldung {i}: Ein anderer Bericht des Tages, mit einem langen Satz über ein anderes Thema, das mit Brüssel nichts zu tun hat.</p>"))
            .collect();
        let page = format!(
            r#"<html><body><div class="layout"><article class="node"><h1>Gespräche in Brüssel</h1>{article}</article>
            <div class="feed">{others}</div></div></body></html>"#
        );
        let read = read_page(&page).unwrap();
        for s in sentences {
            assert!(read.body.contains(s), "lost {s:?}: {}", read.body);
        }
        assert!(!read.body.contains("Meldung 3"), "{}", read.body);
    }

    #[test]
    fn a_page_that_runs_on_into_the_next_stories_is_read_for_its_own() {
        // The page's story, short, then the next stories loaded under it, longer, each in an
        // <article> with its own headline and body, all in one <article> around them.
        let ours = [
            "Die Kapuziner segnen am Samstag wieder Autos, Motorräder, Lastwagen, Fahrräder und Busse.",
            "Die Segnung beginnt um sechs Uhr und dauert bis in den Abend, auf beiden Seiten der Allee.",
            "Es ist die zwanzigste Ausgabe, und jeder Fahrer bekommt einen Aufkleber und ein Bild dazu.",
        ];
        let story = |heading: &str, headline: &str, sentences: &[String]| {
            let text: String = sentences.iter().map(|s| format!("<p>{s}</p>")).collect();
            format!(
                r#"<article class="entry"><header><{heading}>{headline}</{heading}></header><div class="entry-text">{text}</div></article>"#
            )
        };
        let ours: Vec<String> = ours.iter().map(|s| (*s).to_owned()).collect();
        let next: Vec<String> = (1..=9)
            .map(|i| format!("Absatz {i} der nächsten Meldung: Der Generalstaatsanwalt traf seine Amtskollegin, und sie sprachen lange über die Zusammenarbeit der Justiz."))
            .collect();
        // Headlines in <h1>, all in one <article>; or a list of whole articles under the
        // site's <h1>, each headed by an <h2>.
        for (heading, around) in [("h1", "article"), ("h2", "div")] {
            let page = format!(
                r#"<html><head><title>Tageblatt | Segnung der Fahrzeuge am Samstag</title></head><body>
                <h1>Aktuelle Artikel</h1><{around} class="post">{}{}{}</{around}></body></html>"#,
                story(heading, "Segnung der Fahrzeuge am Samstag", &ours),
                story(heading, "Staatsanwälte treffen sich", &next),
                story(heading, "Noch eine Meldung", &next[..4]),
            );
            let read = read_page(&page).unwrap();
            for s in &ours {
                assert!(read.body.contains(s.as_str()), "{heading}: lost {s:?}: {}", read.body);
            }
            assert!(!read.body.contains("Generalstaatsanwalt"), "{heading}: {}", read.body);
        }
    }

    #[test]
    fn the_lead_under_the_headline_opens_the_text() {
        let story = paragraphs(&[
            "Die Verhandlungen in Brüssel gingen am Montag weiter,",
            "Beide Seiten sprachen von Fortschritten,",
        ]);
        let page = format!(
            r#"<html><head><title>Gespräche in Brüssel</title></head><body>
            <header><h1>Gespräche in Brüssel</h1>
              <div class="teaser-list"><a href="/1">Ein anderer Bericht über etwas anderes, das nichts mit Brüssel zu tun hat</a></div>
              <p class="article__lead">Kasachstan und die EU wollen den Mittleren Korridor ausbauen. Die Minister trafen sich zum dritten Mal.</p>
            </header>
            <div class="article-body">{story}</div>
            </body></html>"#
        );
        let article = read_page(&page).unwrap();
        assert!(article.body.starts_with("Kasachstan und die EU wollen"), "{}", article.body);
        assert!(article.body.contains("Die Verhandlungen in Brüssel"));
        assert!(!article.body.contains("Ein anderer Bericht"));
        // A lead the article already holds is not given twice.
        let lead = r#"<p class="article__lead">Kasachstan und die EU wollen den Mittleren Korridor ausbauen. Die Minister trafen sich zum dritten Mal.</p>"#;
        let inside = page
            .replace(lead, "")
            .replace(r#"<div class="article-body">"#, &format!(r#"<div class="article-body">{lead}"#));
        assert_ne!(inside, page);
        let article = read_page(&inside).unwrap();
        assert_eq!(article.body.matches("Kasachstan und die EU").count(), 1, "{}", article.body);
    }

    #[test]
    fn no_rule_takes_the_article_itself() {
        let story =
            paragraphs(&["Kazakhstan and the European Union met again,", "The Middle Corridor was the first subject,"]);
        let slide = paragraphs(&["A slide of the gallery tells its own part of the story,"]);
        let page = format!(
            r#"<html><head><title>Middle Corridor</title></head><body>
            <div id="socialicons-sticky">{story}
              <figure><img src="b.jpg"><p>{slide}</p></figure>
              <section id="sharing-the-corridor-with-central-asia">{more}</section>
            </div>
            <aside>By <a rel="author" href="/jane">Jane Roe</a>, 28 November 2026</aside>
            </body></html>"#,
            more = paragraphs(&["A section whose anchor is made of its heading stays,"]),
        );
        let article = read_page(&page).unwrap();
        for kept in [
            "Kazakhstan and the European Union",
            "The Middle Corridor was",
            "A slide of the gallery",
            "A section whose anchor",
        ] {
            assert!(article.body.contains(kept), "lost {kept:?}: {}", article.body);
        }
        assert_eq!(article.author, "Jane Roe");
    }
}
