//! E-mail files (`.eml`): what a press officer gets in the mail. A message's own text is an
//! article (a forwarded story read from under its forwarding header: its headline, else the
//! subject), each attachment a file of its own, and an alert (Google Alerts, Yandex and the
//! like) a list of links to fetch, each with what the alert says of it. Charsets, quoted-
//! printable, base64 and HTML-only messages are read by `mail-parser`.

use chrono::NaiveDate;
use mail_parser::{MessageParser, MimeHeaders};

use crate::import::{ImportError, TextProblem};
use crate::vocab::address;

/// A message as the import reads it.
#[derive(Debug, Default)]
pub struct Message {
    pub subject: String,
    /// Who sent it: "Name <address>", or the address alone.
    pub sender: String,
    pub sender_name: String,
    pub date: Option<NaiveDate>,
    /// `Message-ID`, without its angle brackets.
    pub message_id: Option<String>,
    /// The article the message holds: its headline (a forwarded story's, else the subject's)
    /// and its text; `None` when it holds no text of its own.
    pub article: Option<(String, String)>,
    /// Who sent the story forwarded (a newsroom's name: the outlet), where it says.
    pub forwarded_from: Option<String>,
    pub attachments: Vec<Attachment>,
    /// An alert's links to articles; empty for any other message.
    pub alert_links: Vec<AlertLink>,
}

#[derive(Debug)]
pub struct Attachment {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// An article an alert links to, with what the alert says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertLink {
    /// The article's own address (a redirector's wrapping taken off).
    pub url: String,
    pub title: String,
    pub snippet: String,
}

impl Message {
    pub fn is_alert(&self) -> bool {
        !self.alert_links.is_empty()
    }

    /// The `mid:` address (RFC 2392) a message is known by, for the duplicate check.
    pub fn address(&self) -> Option<String> {
        self.message_id.as_ref().map(|id| format!("mid:{id}"))
    }

    /// Said in the notes of what came with it: "Subject — Sender, 2024-03-05".
    pub fn note(&self) -> String {
        let date = self.date.map(|d| format!(", {d}")).unwrap_or_default();
        format!("{} — {}{date}", self.subject, self.sender)
    }
}

/// Senders whose messages are alerts whatever their shape.
const ALERT_SENDERS: &[&str] = &["googlealerts-noreply@google.com", "alerts-noreply@", "news-alerts@", "alerts@"];

pub fn read_message(bytes: &[u8]) -> Result<Message, ImportError> {
    let parsed = MessageParser::default()
        .parse(bytes)
        .filter(|m| m.headers().len() > 1)
        .ok_or(ImportError::BadText(TextProblem::Document("not an e-mail message".to_owned())))?;
    let from = parsed.from().and_then(|a| a.first());
    let sender_address = from.and_then(|a| a.address()).unwrap_or_default().to_owned();
    let sender_name = from.and_then(|a| a.name()).unwrap_or_default().trim().to_owned();
    let sender = match (sender_name.is_empty(), sender_address.is_empty()) {
        (false, false) => format!("{sender_name} <{sender_address}>"),
        (false, true) => sender_name.clone(),
        _ => sender_address.clone(),
    };
    let date =
        parsed.date().and_then(|d| NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day)));
    let subject = parsed.subject().unwrap_or_default().trim().to_owned();
    let mut message = Message {
        subject: subject.clone(),
        sender,
        sender_name,
        date,
        message_id: parsed
            .message_id()
            .map(|id| id.trim_matches(['<', '>', ' ']).to_owned())
            .filter(|id| !id.is_empty()),
        ..Message::default()
    };
    let html = parsed.body_html(0).map(|h| h.into_owned());
    let known_sender = ALERT_SENDERS.iter().any(|s| sender_address.to_ascii_lowercase().contains(s));
    if let Some(html) = &html {
        let links = alert_links(html);
        let wrapped = links.iter().filter(|(_, wrapped)| *wrapped).count();
        if known_sender || wrapped >= 2 {
            message.alert_links = links.into_iter().map(|(link, _)| link).collect();
        }
    }
    if message.is_alert() {
        return Ok(message);
    }
    let text = parsed.body_text(0).map(|t| t.into_owned()).unwrap_or_default();
    message.article = article_of(&text, &subject);
    message.forwarded_from = forwarded_sender(&text);
    for part in parsed.attachments() {
        if let Some(inner) = part.message() {
            // A message forwarded as an attachment: its own attachments are the files.
            for inner_part in inner.attachments() {
                message.attachments.extend(attachment_of(inner_part));
            }
            continue;
        }
        message.attachments.extend(attachment_of(part));
    }
    Ok(message)
}

fn attachment_of(part: &mail_parser::MessagePart<'_>) -> Option<Attachment> {
    // A picture the HTML shows in its text (a logo, a signature) is not a file sent.
    let attached = part.content_disposition().is_some_and(|d| d.ctype().eq_ignore_ascii_case("attachment"));
    if part.content_id().is_some() && !attached {
        return None;
    }
    let name = part.attachment_name()?.trim();
    let bytes = part.contents();
    (!name.is_empty() && !bytes.is_empty()).then(|| Attachment { name: name.to_owned(), bytes: bytes.to_vec() })
}

/// Lines that open a forwarded message, in the languages our users' mail speaks.
fn is_forward_marker(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let words = lower.trim_matches(|c: char| c == '-' || c == '_' || c.is_whitespace() || c == ':');
    let markers = [
        "forwarded message",
        "original message",
        "begin forwarded message",
        "пересылаемое сообщение",
        "пересланное сообщение",
        "перенаправленное сообщение",
        "исходное сообщение",
        "message transféré",
        "message d'origine",
        "doorgestuurd bericht",
        "oorspronkelijk bericht",
        "weitergeleitete nachricht",
        "қайта жіберілген хат",
        "жіберілген хабарлама",
    ];
    markers.contains(&words)
}

/// The header names of a forwarded message, as mail programs write them.
fn forwarded_header(line: &str) -> Option<(&'static str, &str)> {
    let (name, value) = line.split_once(':')?;
    let field = match name.trim().trim_start_matches('*').trim_end_matches('*').to_lowercase().as_str() {
        "from" | "от" | "от кого" | "de" | "van" | "von" | "кімнен" => "from",
        "date" | "sent" | "дата" | "отправлено" | "envoyé" | "datum" | "verzonden" | "gesendet" | "күні" => {
            "date"
        }
        "subject" | "тема" | "objet" | "onderwerp" | "betreff" | "тақырыбы" => "subject",
        "to" | "кому" | "à" | "aan" | "an" | "cc" | "копия" | "reply-to" | "кімге" => "other",
        _ => return None,
    };
    Some((field, value.trim()))
}

/// The article a message's text holds: under a forwarding header, the forwarded text with its
/// headline (its first short line) or its subject; else the message's text with its subject.
fn article_of(text: &str, subject: &str) -> Option<(String, String)> {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_start_matches('>').trim_end()).collect();
    let mut title = clean_subject(subject);
    let mut start = 0;
    if let Some(marker) = lines.iter().position(|l| is_forward_marker(l)) {
        start = marker + 1;
        while let Some(line) = lines.get(start) {
            match forwarded_header(line) {
                Some(("subject", value)) if !value.is_empty() => title = clean_subject(value),
                Some(_) => {}
                None if line.trim().is_empty() => {}
                None => break,
            }
            start += 1;
        }
        // The forwarded story's headline: its first line, when it is short and not a sentence
        // run on into the next.
        if let Some(first) = lines.get(start).map(|l| l.trim())
            && (8..=160).contains(&first.chars().count())
            && lines.get(start + 1).is_none_or(|next| next.trim().is_empty())
            && lines.iter().skip(start + 1).any(|l| !l.trim().is_empty())
        {
            title = first.to_owned();
            start += 1;
        }
    }
    let body = lines[start.min(lines.len())..].join("\n");
    let body = body.trim();
    if body.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return None;
    }
    Some((if title.is_empty() { body.lines().next().unwrap_or_default().to_owned() } else { title }, body.to_owned()))
}

/// The name in the `From:` line of a forwarded message's header ("Казинформ" of
/// "От: Казинформ <news@inform.kz>"); its address's domain where it gives no name.
fn forwarded_sender(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_start_matches('>').trim()).collect();
    let marker = lines.iter().position(|l| is_forward_marker(l))?;
    let value = lines[marker + 1..]
        .iter()
        .take_while(|l| forwarded_header(l).is_some() || l.is_empty())
        .find_map(|l| forwarded_header(l).filter(|(field, _)| *field == "from").map(|(_, v)| v))?;
    let name = value.split('<').next().unwrap_or_default().trim().trim_matches('"').trim();
    if !name.is_empty() && !name.contains('@') {
        return Some(name.to_owned());
    }
    let address = value.trim_matches(['<', '>', ' ']);
    address.rsplit_once('@').map(|(_, domain)| domain.trim_end_matches('>').to_owned())
}

/// A subject without the marks of replies and forwards ("Fwd:", "Fw:", "Пересл.:", "TR:").
fn clean_subject(subject: &str) -> String {
    let mut s = subject.trim();
    loop {
        let lower = s.to_lowercase();
        let prefix = ["fwd:", "fw:", "re:", "tr:", "wg:", "пересл.:", "пересл:", "fwd :", "отв:", "ответ:"]
            .iter()
            .find(|p| lower.starts_with(*p));
        match prefix {
            // The prefixes are ASCII or whole Cyrillic letters: the lower-case length is the length.
            Some(p) => s = s[s.char_indices().nth(p.chars().count()).map_or(s.len(), |(i, _)| i)..].trim_start(),
            None => return s.to_owned(),
        }
    }
}

/// Words of links that are the alert's own furniture, not articles.
const FOOTER_WORDS: &[&str] = &[
    "unsubscribe",
    "edit this alert",
    "edit alert",
    "manage",
    "settings",
    "see more results",
    "see all results",
    "flag as irrelevant",
    "feedback",
    "rss",
    "отписаться",
    "отменить подписку",
    "изменить",
    "настройки",
    "все результаты",
    "se désabonner",
    "désinscri",
    "afmelden",
    "uitschrijven",
    "жазылымнан бас тарту",
    "privacy",
    "help",
    "terms",
];

/// Every link of an alert's HTML that may be an article, with whether a redirector wrapped it.
fn alert_links(html: &str) -> Vec<(AlertLink, bool)> {
    let doc = dom_query::Document::from(html);
    let mut links: Vec<(AlertLink, bool)> = Vec::new();
    for a in doc.select("a[href]").nodes() {
        let Some(href) = a.attr("href") else { continue };
        let Ok(url) = address::parse(&href) else { continue };
        let target = address::unwrapped(&url);
        let wrapped = target != url;
        let title = squeeze(&a.text());
        let lower = title.to_lowercase();
        let host = target.host_str().unwrap_or_default().trim_start_matches("www.").to_owned();
        let own_host = ["google.", "yandex.", "ya.ru", "mention.com", "talkwalker.com", "meltwater.com"]
            .iter()
            .any(|h| host.starts_with(h) || host == h.trim_end_matches('.'));
        let footer = FOOTER_WORDS.iter().any(|w| lower.contains(w)) || target.path() == "/" || own_host;
        if footer || title.chars().count() < 10 {
            continue;
        }
        let canonical = address::canonical(&target);
        if links.iter().any(|(l, _)| address::canonical_text(&l.url) == canonical) {
            continue;
        }
        links.push((AlertLink { url: target.to_string(), snippet: snippet_near(a, &title), title }, wrapped));
    }
    links
}

/// What an alert says under a link: the text of the block around it, its title taken off.
fn snippet_near(link: &dom_query::NodeRef<'_>, title: &str) -> String {
    let mut node = link.parent();
    while let Some(n) = node {
        let text = squeeze(&n.text());
        if text.chars().count() > title.chars().count() + 30 {
            let rest = text.replacen(title, "", 1);
            return rest.trim().chars().take(600).collect();
        }
        node = n.parent();
    }
    String::new()
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forwarded_story_is_read_from_under_its_header() {
        let text = "Посмотрите, пожалуйста.\n\n-------- Пересылаемое сообщение --------\nОт: Редакция <news@kazinform.kz>\nДата: 5 марта 2024\nТема: Новости\n\nКазахстан и Бельгия обсудили Средний коридор\n\nВ Брюсселе министры обсудили развитие Транскаспийского маршрута.";
        let (title, body) = article_of(text, "Fwd: Новости").expect("an article");
        assert_eq!(title, "Казахстан и Бельгия обсудили Средний коридор");
        assert_eq!(body, "В Брюсселе министры обсудили развитие Транскаспийского маршрута.");
        assert_eq!(forwarded_sender(text).as_deref(), Some("Редакция"));
        assert_eq!(
            forwarded_sender("--- Forwarded message ---\nFrom: news@lesoir.be\n\nText").as_deref(),
            Some("lesoir.be")
        );
        // No headline line: the forwarded subject.
        let text = "---------- Forwarded message ---------\nFrom: A <a@b.c>\nSubject: Fw: Talks in Brussels\n\nMinisters from Kazakhstan and Belgium met in Brussels on Monday to discuss the corridor.";
        assert_eq!(article_of(text, "Fwd: x").expect("an article").0, "Talks in Brussels");
        assert_eq!(clean_subject("Fwd: RE: Пересл.: Итоги"), "Итоги");
        assert_eq!(article_of("ok", "Hi"), None, "a message with no text of its own");
    }
}
