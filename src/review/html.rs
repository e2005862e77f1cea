//! The review as one self-contained HTML file (pictures inlined), to send by e-mail or open in
//! a browser; it prints with a page per section. It is also well-formed XML (void elements
//! closed), so strict tools read it too.

use base64::Engine as _;

use super::chart::ChartImage;
use super::{Review, Story};

/// Escapes text for HTML content and attribute values: the page is also XML, so the same
/// escaping as the Word document's, control characters left out.
pub fn escape(s: &str) -> String {
    super::docx::xml_text(s)
}

/// Only web and mail addresses become links: a clipping's URL is data from a saved page.
fn safe_link(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        .then_some(url.trim())
}

const STYLE: &str = "\
body{font-family:'DejaVu Sans','Noto Sans',Arial,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#111;line-height:1.45}
header.cover{margin:3em 0 2em;border-bottom:2px solid #333;padding-bottom:1em}
header.cover h1{font-size:2em;margin:0 0 .3em}
.cover p{margin:.2em 0}.muted{color:#666}
nav ol{padding-left:1.2em}nav li{margin:.15em 0}nav ol ol{font-size:.92em}
section>h2{border-bottom:1px solid #333;padding-bottom:.2em;margin-top:2.2em}
article{border-bottom:1px solid #ddd;padding:.6em 0 1em}
article h3{margin:.3em 0 .2em;font-size:1.18em}
.meta{color:#555;font-size:.88em;margin:.1em 0}.tags{color:#777;font-size:.82em;margin:.1em 0 .5em}
figure{margin:.6em 0}figure img{max-width:100%;height:auto}figcaption{font-size:.88em;color:#333}
.credit{color:#777;font-size:.82em}.also{color:#555;font-size:.88em}.source{font-size:.82em;color:#666;word-break:break-all}
@media print{section{break-before:page}nav{break-after:page}article{break-inside:avoid-page}}
";

/// The review as one HTML page; `chart` is the coverage page's picture, when the review has one.
pub fn write(review: &Review, chart: Option<&ChartImage>) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<meta name=\"generator\" content=\"Clippings\" />\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(review.language),
        escape(&review.title)
    ));
    out.push_str(&format!("<header class=\"cover\">\n<h1>{}</h1>\n", escape(&review.title)));
    for (text, class) in
        [(&review.organisation, ""), (&review.period, ""), (&review.summary, "muted"), (&review.made, "muted")]
    {
        if !text.is_empty() {
            out.push_str(&format!("<p class=\"{class}\">{}</p>\n", escape(text)));
        }
    }
    out.push_str("</header>\n");

    out.push_str(&format!("<nav>\n<h2>{}</h2>\n<ol>\n", escape(&review.labels.contents)));
    let coverage = review.coverage.as_ref().zip(chart);
    if let Some((coverage, _)) = coverage {
        out.push_str(&format!("<li><a href=\"#coverage\">{}</a></li>\n", escape(&coverage.heading)));
    }
    for (si, section) in review.sections.iter().enumerate() {
        out.push_str(&format!("<li><a href=\"#s{si}\">{}</a>\n<ol>\n", escape(&section.heading)));
        for (ti, story) in section.stories.iter().enumerate() {
            let outlet =
                if story.outlet.is_empty() { String::new() } else { format!(" — {}", escape(&story.outlet)) };
            out.push_str(&format!("<li><a href=\"#s{si}-{ti}\">{}</a>{outlet}</li>\n", escape(&story.headline)));
        }
        out.push_str("</ol></li>\n");
    }
    out.push_str("</ol>\n</nav>\n");
    if let Some((coverage, image)) = coverage {
        let (w, h) = image.size_pt();
        out.push_str(&format!(
            "<section id=\"coverage\">\n<h2>{}</h2>\n<figure><img src=\"data:image/png;base64,{}\" width=\"{}\" height=\"{}\" alt=\"{}\" /></figure>\n</section>\n",
            escape(&coverage.heading),
            base64::engine::general_purpose::STANDARD.encode(&image.png),
            (w * 96.0 / 72.0).round(),
            (h * 96.0 / 72.0).round(),
            escape(&coverage.caption)
        ));
    }

    for (si, section) in review.sections.iter().enumerate() {
        out.push_str(&format!("<section id=\"s{si}\">\n<h2>{}</h2>\n", escape(&section.heading)));
        for (ti, story) in section.stories.iter().enumerate() {
            article(&mut out, review, story, &format!("s{si}-{ti}"));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn article(out: &mut String, review: &Review, story: &Story, id: &str) {
    out.push_str(&format!("<article id=\"{id}\">\n<h3>{}</h3>\n", escape(&story.headline)));
    let meta: Vec<String> =
        [&story.outlet, &story.date, &story.author].into_iter().filter(|s| !s.is_empty()).map(|s| escape(s)).collect();
    if !meta.is_empty() {
        out.push_str(&format!("<p class=\"meta\">{}</p>\n", meta.join(" · ")));
    }
    if !story.tags.is_empty() {
        out.push_str(&format!("<p class=\"tags\">{}</p>\n", escape(&story.tags.join(" · "))));
    }
    if let Some(picture) = &story.picture {
        let data = base64::engine::general_purpose::STANDARD.encode(&picture.jpeg);
        out.push_str(&format!(
            "<figure><img src=\"data:image/jpeg;base64,{data}\" width=\"{}\" height=\"{}\" alt=\"{}\" />",
            picture.width,
            picture.height,
            escape(if story.caption.is_empty() { &story.headline } else { &story.caption })
        ));
        if story.kind == crate::archive::Kind::Photo && !story.caption.is_empty() {
            out.push_str(&format!("<figcaption>{}</figcaption>", escape(&story.caption)));
        }
        out.push_str("</figure>\n");
    } else if story.kind == crate::archive::Kind::Photo && !story.caption.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", escape(&story.caption)));
    }
    if !story.credit.is_empty() {
        out.push_str(&format!("<p class=\"credit\">{}</p>\n", escape(&story.credit)));
    }
    for p in &story.paragraphs {
        out.push_str(&format!("<p>{}</p>\n", escape(p)));
    }
    if let Some(also_in) = story.also_in(&review.labels.also_in) {
        out.push_str(&format!("<p class=\"also\">{}</p>\n", escape(&also_in)));
    }
    if !story.link.is_empty() {
        let shown = escape(&story.link);
        let link = match safe_link(&story.link) {
            Some(url) => format!("<a href=\"{}\">{shown}</a>", escape(url)),
            None => shown,
        };
        out.push_str(&format!("<p class=\"source\">{}: {link}</p>\n", escape(&review.labels.source)));
    }
    out.push_str("</article>\n");
}
