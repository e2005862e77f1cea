//! Tag suggestions from a clipping's text: countries (names with their inflections, adjectives
//! and demonyms, capitals and big cities as weaker evidence, groups such as Benelux), events
//! (noun phrases headed by Forum, Summit, форум, sommet ...) and topics (IPTC Media Topics top
//! level, with keyword lists). Evidence is weighed by where it is (title over first paragraph
//! over body) and how often; what passes a threshold is suggested. The tables are
//! `assets/country-mentions.tsv` (generated, see `scripts/gen-mentions.py`) and the topic
//! keywords below.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::archive::countries;
use crate::archive::model::{Tag, TagKind};
use crate::archive::tags;

const MENTIONS: &str = include_str!("../../assets/country-mentions.tsv");

/// A tag the text suggests, with how strongly and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub tag: Tag,
    pub score: f32,
    /// The words that led to it, as they are written in the text.
    pub evidence: Vec<String>,
}

/// A suggestion as the archive keeps it: open until accepted (then it is a tag and leaves
/// the list) or dismissed (then it stays, marked, so that a new run does not offer it again).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredSuggestion {
    #[serde(flatten)]
    pub suggestion: Suggestion,
    #[serde(default)]
    pub dismissed: bool,
}

/// A country needs this much evidence: a name in the title, or in the first paragraph, or
/// mentioned twice in the body.
pub const COUNTRY_THRESHOLD: f32 = 1.6;
const TOPIC_THRESHOLD: f32 = 2.0;

#[derive(Clone, Copy, Debug, PartialEq)]
enum MentionKind {
    Name,
    Adjective,
    Capital,
    City,
    Town,
    Region,
    /// Counts only in a dateline (US state abbreviations: "Conn.", "Calif.").
    DatelineOnly,
}

impl MentionKind {
    fn weight(self) -> f32 {
        match self {
            MentionKind::Name => 1.0,
            MentionKind::Adjective => 0.8,
            MentionKind::Capital => 0.6,
            MentionKind::City => 0.4,
            MentionKind::Town => 0.25,
            MentionKind::Region => 0.5,
            MentionKind::DatelineOnly => 0.0,
        }
    }
}

struct Mention {
    code: &'static str,
    kind: MentionKind,
    /// Folded tokens; Cyrillic ones are stems, matched as prefixes.
    tokens: Vec<String>,
    /// Whether the text must write it with a capital (names of places in Latin script).
    needs_capital: bool,
}

struct Matcher {
    mentions: Vec<Mention>,
    /// First token (or stem) -> mentions that start with it.
    by_first: HashMap<String, Vec<usize>>,
}

fn is_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04ff}').contains(&c))
}

fn fold(s: &str) -> String {
    s.to_lowercase().replace('ё', "е")
}

/// The stem of a Cyrillic word: without its final vowel or soft sign, at least four letters.
fn stem(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut end = chars.len();
    if end > 4 && "аеёиоуыэюяйьіұүә".contains(chars[end - 1]) {
        end -= 1;
    }
    chars[..end].iter().collect()
}

/// Russian case and adjective endings: what a short stem may take.
const ENDINGS: &[&str] = &[
    "а", "у", "е", "ы", "и", "ю", "я", "ой", "ом", "ей", "ии", "ию", "ия", "ий", "ая", "ое", "ие", "ого", "ому", "ую",
    "их", "ым", "ыми", "ими", "ых", "ую", "ом",
];

/// Words of a text with where each starts and whether it is capitalised.
fn words(text: &str) -> Vec<(usize, String, bool)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || (c == '-' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(&mut out, text, s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(&mut out, text, s, text.len());
    }
    out
}

fn push_word(out: &mut Vec<(usize, String, bool)>, text: &str, start: usize, end: usize) {
    let word = text.get(start..end).unwrap_or_default().trim_end_matches('-');
    if word.is_empty() {
        return;
    }
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    out.push((start, fold(word), capital));
}

static MATCHER: LazyLock<Matcher> = LazyLock::new(|| {
    let mut mentions = Vec::new();
    for line in MENTIONS.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(code), Some(kind), Some(text)) = (cols.next(), cols.next(), cols.next()) else { continue };
        let kind = match kind {
            "name" => MentionKind::Name,
            "adjective" => MentionKind::Adjective,
            "capital" => MentionKind::Capital,
            "city" => MentionKind::City,
            "region" => MentionKind::Region,
            "dateline" => MentionKind::DatelineOnly,
            _ => MentionKind::Town,
        };
        let tokens: Vec<String> = words(text)
            .into_iter()
            .map(|(_, w, _)| if is_cyrillic(&w) && kind != MentionKind::Adjective { stem(&w) } else { w })
            .collect();
        if tokens.is_empty() {
            continue;
        }
        let needs_capital = kind != MentionKind::Adjective && !is_cyrillic(text);
        if kind == MentionKind::DatelineOnly && tokens.len() != 1 {
            continue;
        }
        mentions.push(Mention { code, kind, tokens, needs_capital });
    }
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if let Some(first) = m.tokens.first() {
            by_first.entry(first.clone()).or_default().push(i);
        }
    }
    Matcher { mentions, by_first }
});

/// Whether a text word is the mention token: equal, or for Cyrillic stems the word starts with
/// it and adds at most five letters (a case ending, a Kazakh suffix, an adjective ending).
fn token_matches(word: &str, token: &str) -> bool {
    if word == token {
        return true;
    }
    if !is_cyrillic(token) || !word.starts_with(token) {
        return false;
    }
    // A short stem ("Куб" of "Куба", "русск") takes only a case or adjective ending, or it
    // would match other words ("кубок"); a long one any suffix of up to five letters
    // (Kazakh "Қазақстанның", "Қазақстандағы").
    let extra = word.get(token.len()..).unwrap_or_default();
    if token.chars().count() < 6 { ENDINGS.contains(&extra) } else { extra.chars().count() <= 5 }
}

/// Keys under which a text word may find mentions: itself, and for Cyrillic words, its
/// prefixes down to four letters (the stems it may extend).
fn lookup_keys(word: &str) -> Vec<String> {
    if !is_cyrillic(word) {
        return vec![word.to_owned()];
    }
    let chars: Vec<char> = word.chars().collect();
    (chars.len().saturating_sub(5).max(4).min(chars.len())..=chars.len()).map(|n| chars[..n].iter().collect()).collect()
}

/// How much a place in the text counts: the title three times, the first paragraph twice.
fn section_weight(offset: usize, title_len: usize, first_paragraph_end: usize) -> f32 {
    if offset < title_len {
        3.0
    } else if offset < first_paragraph_end {
        2.0
    } else {
        1.0
    }
}

/// Where a news dateline ends ("SALVADOR, Feb 26 -", "BRUSSELS (Reuters) -", "АСТАНА, 5 марта
/// -"): the place that opens a story is where it happened, as strong as a name.
fn dateline_end(body: &str) -> Option<usize> {
    let first_line = body.trim_start().lines().next()?;
    let dash = first_line.find(" - ").or_else(|| first_line.find(" – ")).or_else(|| first_line.find(" — "))?;
    let head = first_line.get(..dash)?;
    let place = head.split([',', '(']).next()?.trim();
    let shouting = place.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    // The place and its region ("GREENWICH, Conn."), not the date after them.
    let span = head.split(',').take(2).map(str::len).sum::<usize>() + 1;
    (dash <= 40 && !place.is_empty() && shouting).then(|| body.len() - body.trim_start().len() + span.min(head.len()))
}

/// The text to read: title, a blank line, body; and where the first paragraph ends.
fn layout(title: &str, body: &str) -> (String, usize, usize) {
    // Dotted abbreviations would fall apart into letters: "U.S." -> "USA", "N.Y." -> "NY".
    let mut body = body.replace("U.S.", "USA").replace("U.K.", "UK");
    for (dotted, plain) in [
        ("N.Y.", "NY"),
        ("N.J.", "NJ"),
        ("D.C.", "DC"),
        ("N.C.", "NC"),
        ("S.C.", "SC"),
        ("N.H.", "NH"),
        ("N.M.", "NM"),
        ("N.D.", "ND"),
        ("S.D.", "SD"),
        ("R.I.", "RI"),
        ("W.Va.", "WVa"),
    ] {
        body = body.replace(dotted, plain);
    }
    let text = format!("{title}\n\n{body}");
    let title_len = title.len() + 2;
    let body_start = title_len;
    let first_paragraph = body.trim_start().find("\n\n").map_or(body.len().min(400), |i| i.min(600));
    (text, title_len, body_start + first_paragraph)
}

/// Where the dateline is in the text that [`layout`] made.
fn dateline_in(text: &str, title_len: usize) -> Option<std::ops::Range<usize>> {
    let end = dateline_end(text.get(title_len..)?)?;
    Some(title_len..title_len + end)
}

/// Country suggestions for a text, strongest first.
pub fn suggest_countries(title: &str, body: &str) -> Vec<Suggestion> {
    let mut all = country_evidence(title, body);
    all.retain(|s| s.score >= COUNTRY_THRESHOLD);
    all
}

/// Every country the text mentions, with its score, strongest first (no threshold).
pub fn country_evidence(title: &str, body: &str) -> Vec<Suggestion> {
    let (text, title_len, first_end) = layout(title, body);
    let dateline = dateline_in(&text, title_len);
    let words = words(&text);
    let matcher = &*MATCHER;
    let mut scores: HashMap<&'static str, (f32, Vec<String>)> = HashMap::new();
    let mut i = 0;
    while i < words.len() {
        let (offset, word, capital) = &words[i];
        // The longest mentions at this word win ("South Korea" over "Korea"); a group
        // ("Benelux") is several mentions of the same length.
        let mut best: Vec<&Mention> = Vec::new();
        let mut best_len = 0;
        let in_dateline = dateline.as_ref().is_some_and(|d| d.contains(offset));
        for key in lookup_keys(word) {
            for &m in matcher.by_first.get(&key).map(Vec::as_slice).unwrap_or_default() {
                let mention = &matcher.mentions[m];
                let n = mention.tokens.len();
                let dateline_only = mention.kind == MentionKind::DatelineOnly;
                if i + n > words.len()
                    || (mention.needs_capital && !capital && !in_dateline)
                    || dateline_only && !in_dateline
                {
                    continue;
                }
                let all = mention.tokens.iter().zip(&words[i..i + n]).all(|(t, (_, w, _))| token_matches(w, t));
                if !all || n < best_len {
                    continue;
                }
                if n > best_len {
                    best.clear();
                    best_len = n;
                }
                best.push(mention);
            }
        }
        if best.is_empty() {
            i += 1;
            continue;
        }
        let end = words.get(i + best_len - 1).map_or(text.len(), |(o, w, _)| o + w.len());
        let written = text.get(*offset..end).unwrap_or(word).to_owned();
        let section = section_weight(*offset, title_len, first_end);
        // One word counts once for a country, with its strongest kind.
        // The same words naming places in several countries ("London": England's capital and a
        // town in Ontario) mean the most important of them.
        let top = best.iter().map(|m| m.kind.weight()).fold(0.0f32, f32::max);
        best.retain(|m| m.kind.weight() >= top || in_dateline);
        let top_dateline = best.iter().map(|m| m.kind.weight()).fold(0.0f32, f32::max);
        best.retain(|m| !in_dateline || m.kind.weight() >= top_dateline);
        let mut counted: HashMap<&'static str, f32> = HashMap::new();
        for mention in best {
            let w = counted.entry(mention.code).or_default();
            let kind_weight = if in_dateline { 1.0 } else { mention.kind.weight() };
            *w = w.max(kind_weight);
        }
        for (code, weight) in counted {
            let entry = scores.entry(code).or_default();
            entry.0 += weight * section;
            if !entry.1.contains(&written) {
                entry.1.push(written.clone());
            }
        }
        i += best_len;
    }
    let mut out: Vec<Suggestion> = scores
        .into_iter()
        .filter_map(|(code, (score, evidence))| {
            let country = countries::lookup(code)?;
            Some(Suggestion { tag: tags::country_tag(country), score, evidence })
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.tag.value.cmp(&b.tag.value)));
    out
}

const EVENT_HEADS: &[&str] = &[
    "forum",
    "summit",
    "conference",
    "congress",
    "expo",
    "exhibition",
    "festival",
    "games",
    "assembly",
    "olympics",
    "форум",
    "форума",
    "форуме",
    "саммит",
    "саммита",
    "саммите",
    "конференция",
    "конференции",
    "конгресс",
    "конгресса",
    "фестиваль",
    "фестиваля",
    "ассамблея",
    "ассамблеи",
    "экспо",
    "forumu",
    "sammiti",
    "конференциясы",
    "sommet",
    "conférence",
    "congrès",
    "festival",
    "assemblée",
    "top",
    "topconferentie",
    "congres",
    "conferentie",
    "beurs",
];
const CONNECTORS: &[&str] =
    &["of", "for", "on", "and", "the", "de", "du", "des", "la", "le", "van", "voor", "en", "het"];

/// Event suggestions: known events named in the text first, then phrases headed by an event
/// word ("Astana International Forum", "Global Gateway Investors Forum", "sommet de l'OTAN").
pub fn suggest_events(title: &str, body: &str, known: &[Tag]) -> Vec<Suggestion> {
    let (text, title_len, first_end) = layout(title, body);
    let folded = fold(&text);
    let mut found: Vec<Suggestion> = Vec::new();
    let add = |name: String, offset: usize, found: &mut Vec<Suggestion>| {
        let weight = section_weight(offset, title_len, first_end);
        let Ok(tag) = known
            .iter()
            .find(|k| fold(&k.name) == fold(&name))
            .cloned()
            .map_or_else(|| tags::resolve(TagKind::Event, &name), Ok)
        else {
            return;
        };
        match found.iter_mut().find(|s| s.tag.key() == tag.key()) {
            Some(s) => s.score += weight,
            None => found.push(Suggestion { tag, score: weight, evidence: vec![name] }),
        }
    };
    for tag in known.iter().filter(|t| t.kind == TagKind::Event) {
        let name = fold(&tag.name);
        if name.chars().count() >= 4 {
            for (at, _) in folded.match_indices(&name) {
                add(tag.name.clone(), at, &mut found);
            }
        }
    }
    let words: Vec<(usize, &str)> = {
        let mut v = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            let inside = c.is_alphanumeric() || c == '-' || c == '\'';
            match (inside, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    v.push((s, text.get(s..i).unwrap_or_default()));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            v.push((s, text.get(s..).unwrap_or_default()));
        }
        v
    };
    // "OTAN", "2024", and French elisions: "l'OTAN", "d'Astana".
    let capital = |w: &str| {
        let w = w.strip_prefix("l'").or_else(|| w.strip_prefix("d'")).unwrap_or(w);
        w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    const ARTICLES: &[&str] = &["the", "a", "le", "la", "les", "un", "une", "de", "het", "een", "der", "die", "das"];
    for (i, (offset, word)) in words.iter().enumerate() {
        if !EVENT_HEADS.contains(&fold(word).as_str()) {
            continue;
        }
        // Capitalised words (and connectors between them) before the head; a Cyrillic head
        // may be lower case after capitalised and adjective words ("Астанинский международный форум").
        let mut start = i;
        let cyrillic = is_cyrillic(word);
        // Words on the same line and in the same sentence as the head.
        let joined = |a: usize, b: usize| {
            let (Some(&(ao, aw)), Some(&(bo, _))) = (words.get(a), words.get(b)) else { return false };
            !text.get(ao + aw.len()..bo).unwrap_or(".").contains(['\n', '.', ',', ';', ':', '(', ')', '"', '«', '»'])
        };
        const ADJECTIVE_ENDINGS: &[&str] = &["ый", "ий", "ой", "ая", "ое", "ого", "его", "ому", "ым", "ом", "ую", "ей"];
        while start > 0 && joined(start - 1, start) {
            let (_, prev) = words[start - 1];
            let fits = if cyrillic {
                ADJECTIVE_ENDINGS.iter().any(|e| fold(prev).ends_with(e))
            } else {
                capital(prev) || CONNECTORS.contains(&prev) && start >= 2 && capital(words[start - 2].1)
            };
            if !fits {
                break;
            }
            start -= 1;
        }
        // A sentence's first word may be an article: "Le Sommet", "The Forum".
        while start < i && ARTICLES.contains(&fold(words[start].1).as_str()) {
            start += 1;
        }
        // French and Dutch put the qualifier after: "Sommet de l'OTAN", "Forum économique".
        let mut end = i + 1;
        if start == i && !cyrillic {
            while end < words.len()
                && end < i + 4
                && joined(end - 1, end)
                && (capital(words[end].1) || CONNECTORS.contains(&words[end].1))
            {
                end += 1;
            }
            while end > i + 1 && CONNECTORS.contains(&words[end - 1].1) {
                end -= 1;
            }
        }
        // A year or an edition number after the head belongs to it.
        if joined(end - 1, end)
            && words.get(end).is_some_and(|(_, w)| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
        {
            end += 1;
        }
        let span = end - start;
        if span < 2 || (start < i && !capital(words[start].1)) {
            continue;
        }
        let (Some(&(from, _)), Some(&(last_at, last))) = (words.get(start), words.get(end - 1)) else { continue };
        let name =
            text.get(from..last_at + last.len()).unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ");
        add(name, *offset, &mut found);
    }
    found.sort_by(|a, b| b.score.total_cmp(&a.score));
    found
}

/// IPTC Media Topics (top level) with keywords in English, Russian, French, Dutch and German.
/// Russian words are stems. A topic needs two mentions, or one in the title.
const TOPICS: &[(&str, &[&str])] = &[
    (
        "politics",
        &[
            "election",
            "parliament",
            "minister",
            "government",
            "president",
            "выбор",
            "парламент",
            "министр",
            "правительств",
            "президент",
            "élection",
            "gouvernement",
            "verkiezing",
            "regering",
            "wahl",
            "regierung",
        ],
    ),
    (
        "economy",
        &[
            "economy",
            "economic",
            "investment",
            "trade",
            "gdp",
            "market",
            "inflation",
            "экономик",
            "инвестици",
            "торгов",
            "ввп",
            "économie",
            "investissement",
            "economie",
            "handel",
            "wirtschaft",
        ],
    ),
    (
        "energy",
        &[
            "energy",
            "oil",
            "gas",
            "hydrogen",
            "electricity",
            "renewable",
            "энерг",
            "нефт",
            "газ",
            "водород",
            "énergie",
            "pétrole",
            "hydrogène",
            "energie",
            "waterstof",
            "wasserstoff",
        ],
    ),
    (
        "environment",
        &[
            "climate",
            "environment",
            "emissions",
            "carbon",
            "климат",
            "экологи",
            "выброс",
            "углерод",
            "climat",
            "environnement",
            "klimaat",
            "milieu",
            "umwelt",
            "klima",
        ],
    ),
    (
        "transport",
        &[
            "transport",
            "corridor",
            "railway",
            "rail",
            "port",
            "logistics",
            "cargo",
            "freight",
            "транспорт",
            "коридор",
            "железн",
            "логистик",
            "груз",
            "ferroviaire",
            "vervoer",
            "spoor",
            "verkehr",
        ],
    ),
    (
        "security",
        &[
            "security",
            "defence",
            "defense",
            "military",
            "terrorism",
            "безопасност",
            "оборон",
            "военн",
            "терроризм",
            "sécurité",
            "défense",
            "veiligheid",
            "defensie",
            "sicherheit",
        ],
    ),
    (
        "health",
        &[
            "health",
            "hospital",
            "vaccine",
            "disease",
            "pandemic",
            "здравоохранени",
            "больниц",
            "вакцин",
            "santé",
            "gezondheid",
            "gesundheit",
        ],
    ),
    (
        "culture",
        &[
            "culture",
            "museum",
            "film",
            "music",
            "theatre",
            "культур",
            "музе",
            "кино",
            "музык",
            "театр",
            "musée",
            "cultuur",
            "kultur",
        ],
    ),
    (
        "sport",
        &[
            "sport",
            "football",
            "olympic",
            "championship",
            "спорт",
            "футбол",
            "олимпийск",
            "чемпионат",
            "championnat",
            "voetbal",
            "kampioenschap",
        ],
    ),
    (
        "science and technology",
        &[
            "technology",
            "digital",
            "research",
            "science",
            "innovation",
            "технологи",
            "цифров",
            "исследован",
            "наук",
            "инноваци",
            "technologie",
            "numérique",
            "recherche",
            "onderzoek",
            "forschung",
        ],
    ),
    (
        "education",
        &[
            "education",
            "university",
            "school",
            "students",
            "образовани",
            "университет",
            "школ",
            "студент",
            "éducation",
            "université",
            "onderwijs",
            "universiteit",
            "bildung",
        ],
    ),
    (
        "diplomacy",
        &[
            "ambassador",
            "diplomat",
            "embassy",
            "bilateral",
            "cooperation",
            "talks",
            "посол",
            "дипломат",
            "посольств",
            "двусторонн",
            "сотрудничеств",
            "переговор",
            "ambassadeur",
            "ambassade",
            "coopération",
            "diplomatie",
            "samenwerking",
            "zusammenarbeit",
            "botschafter",
        ],
    ),
    (
        "society",
        &[
            "society",
            "migration",
            "refugees",
            "social",
            "общество",
            "миграци",
            "беженц",
            "социальн",
            "société",
            "samenleving",
            "gesellschaft",
        ],
    ),
];

/// Topic suggestions: the user's own topics named in the text first, then the vocabulary.
pub fn suggest_topics(title: &str, body: &str, known: &[Tag]) -> Vec<Suggestion> {
    let (text, title_len, first_end) = layout(title, body);
    let words = words(&text);
    let mut found: Vec<Suggestion> = Vec::new();
    let mut score = |topic: Tag, offset: usize, word: &str| {
        let weight = if offset < title_len { 2.0 } else { 1.0 };
        let _ = first_end;
        match found.iter_mut().find(|s| s.tag.key() == topic.key()) {
            Some(s) => {
                s.score += weight;
                if !s.evidence.iter().any(|e| e == word) && s.evidence.len() < 5 {
                    s.evidence.push(word.to_owned());
                }
            }
            None => found.push(Suggestion { tag: topic, score: weight, evidence: vec![word.to_owned()] }),
        }
    };
    for (offset, word, _) in &words {
        for tag in known.iter().filter(|t| t.kind == TagKind::Topic) {
            if fold(&tag.name) == *word {
                score(tag.clone(), *offset, word);
            }
        }
        for (topic, keywords) in TOPICS {
            let hit = keywords.iter().any(|k| {
                if is_cyrillic(k) {
                    word.starts_with(k) && word.chars().count() <= k.chars().count() + 5
                } else {
                    word == k
                }
            });
            if hit && let Ok(tag) = tags::resolve(TagKind::Topic, topic) {
                let tag = known.iter().find(|k| k.key() == tag.key()).cloned().unwrap_or(tag);
                score(tag, *offset, word);
            }
        }
    }
    found.retain(|s| s.score >= TOPIC_THRESHOLD);
    found.sort_by(|a, b| b.score.total_cmp(&a.score));
    found
}

static BOUNDARIES: LazyLock<Option<country_boundaries::CountryBoundaries>> = LazyLock::new(|| {
    country_boundaries::CountryBoundaries::from_reader(country_boundaries::BOUNDARIES_ODBL_360X180).ok()
});

/// The country a photo was taken in, from its GPS position, offline (OpenStreetMap boundaries
/// by the country-boundaries crate, ODbL).
pub fn country_at(latitude_deg: f64, longitude_deg: f64) -> Option<Suggestion> {
    let boundaries = BOUNDARIES.as_ref()?;
    let position = country_boundaries::LatLon::new(latitude_deg, longitude_deg).ok()?;
    let ids = boundaries.ids(position);
    let code = ids.iter().find(|id| id.len() == 2)?;
    let country = countries::lookup(code)?;
    Some(Suggestion {
        tag: tags::country_tag(country),
        score: 3.0,
        evidence: vec![format!("GPS {latitude_deg:.5}, {longitude_deg:.5}")],
    })
}

/// All suggestions for a text: countries, events, topics.
pub fn suggest(title: &str, body: &str, known: &[Tag]) -> Vec<Suggestion> {
    let mut out = suggest_countries(title, body);
    out.extend(suggest_events(title, body, known));
    out.extend(suggest_topics(title, body, known));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(title: &str, body: &str) -> Vec<String> {
        let mut v: Vec<String> = suggest_countries(title, body).into_iter().map(|s| s.tag.value).collect();
        v.sort();
        v
    }

    #[test]
    fn countries_in_six_languages() {
        assert_eq!(codes("Brussels talks: Kazakhstan and Benelux", "The parties met."), ["BE", "KZ", "LU", "NL"]);
        assert_eq!(codes("Переговоры в Брюсселе", "Посол Казахстана встретился с министром Бельгии."), ["BE", "KZ"]);
        assert_eq!(codes("Қазақстанның сыртқы саясаты", "Елші Бельгиямен кездесті."), ["BE", "KZ"]);
        assert_eq!(codes("Le Kazakhstan et la Belgique", "Les ministres belges ont reçu la délégation."), ["BE", "KZ"]);
        assert_eq!(codes("Kazachstan en België", "De Belgische minister sprak in Brussel."), ["BE", "KZ"]);
        assert_eq!(codes("Kasachstan und Deutschland", "Die deutsche Delegation reiste an."), ["DE", "KZ"]);
        // A city alone, once, in the body is not enough; a demonym in the first paragraph is.
        assert_eq!(codes("Talks", "Officials met.\n\nLater, in Paris, they dined."), Vec::<String>::new());
        assert_eq!(codes("Talks", "Kazakh officials met."), ["KZ"]);
        // Lower-case words that are also place names are not places.
        assert_eq!(
            codes("Recipes", "Roast the turkey and serve it on fine china.\n\nMore turkey."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn photo_positions_to_countries() {
        let at = |lat, lon| country_at(lat, lon).map(|s| s.tag.value);
        assert_eq!(at(50.8467, 4.3525).as_deref(), Some("BE")); // Brussels
        assert_eq!(at(51.1282, 71.4304).as_deref(), Some("KZ")); // Astana
        assert_eq!(at(43.468, 11.88).as_deref(), Some("IT")); // Tuscany
        assert_eq!(at(30.0, -40.0), None); // the middle of the Atlantic
    }

    #[test]
    fn events_with_their_names() {
        let names = |title: &str, body: &str| -> Vec<String> {
            suggest_events(title, body, &[]).into_iter().map(|s| s.tag.name).collect()
        };
        assert_eq!(
            names("Talks", "He invited them to the Astana International Forum in June."),
            ["Astana International Forum"]
        );
        assert_eq!(
            names("Talks", "the results of the Global Gateway Investors Forum for EU-Central Asia"),
            ["Global Gateway Investors Forum"]
        );
        assert_eq!(
            names("Саммит", "Участники Астанинский международный форум 2024 обсудили."),
            ["Астанинский международный форум 2024"]
        );
        assert_eq!(names("Sommet", "Le Sommet de l'OTAN s'ouvre."), ["Sommet de l'OTAN"]);
        let known = [tags::resolve(TagKind::Event, "Middle Corridor Summit").unwrap()];
        assert_eq!(suggest_events("x", "the middle corridor summit opened", &known)[0].tag, known[0]);
    }

    #[test]
    fn topics_need_repeated_evidence() {
        let topics =
            |t: &str, b: &str| -> Vec<String> { suggest_topics(t, b, &[]).into_iter().map(|s| s.tag.value).collect() };
        assert_eq!(topics("Green hydrogen plans", "The energy ministry presented the plans."), ["energy"]);
        assert!(topics("Notes", "The minister spoke.").is_empty());
        let mine = [tags::resolve(TagKind::Topic, "Middle Corridor").unwrap()];
        assert!(suggest_topics("Corridor", "corridor", &mine).iter().any(|s| s.tag.value == "transport"));
    }
}
