//! The query language: words (ANDed; the last one, still being typed, is a prefix), "phrases",
//! `OR` between any two terms (words, phrases, filters, groups), `(parentheses)` to group, -exclusions
//! (also of a group), and filters: `country:BE` (or any country name), `topic:energy`,
//! `event:"..."`, `kind:photo`, `source:dknews`, `lang:ru`, `date:2024`, `date:2024-01..2024-03`,
//! `imported:today|this-week|last-30-days`, `in:trash`. `OR` binds its two neighbours, tighter
//! than the space between terms: `corridor Belgium OR France` is corridor AND (Belgium OR France).
//! Parsing never fails: what is not understood is searched as words, so a half-typed query still
//! matches what it can; [`Query::hints`] says what cannot mean what it says. Evaluation is the
//! search index's business (`search.rs`).

use chrono::{Local, NaiveDate};

pub use super::period::{DateRange, Relative};
use super::period::{parse_date_range, parse_relative};
use crate::vocab::model::{Kind, Tag, TagKind};
use crate::vocab::tags;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Text that must occur: every clause must match, a clause by any of its alternatives
    /// (`a OR b`).
    pub clauses: Vec<Vec<Text>>,
    /// Text that must not occur.
    pub excluded: Vec<Text>,
    pub tags: Vec<(TagKind, String)>,
    pub kind: Option<Kind>,
    pub sources: Vec<String>,
    /// Language codes (`lang:ru`), lower case.
    pub languages: Vec<String>,
    /// Addresses in their canonical form (`url:https://…`): the clippings published there.
    pub urls: Vec<String>,
    /// Inclusive range of the clipping's date (published, taken, else imported).
    pub date: Option<DateRange>,
    /// Inclusive range of the day it was imported, in local time.
    pub imported: Option<DateRange>,
    /// Search the trash instead of the archive (`in:trash`).
    pub in_trash: bool,
    /// Only what is new and not looked at yet (`in:inbox`).
    pub in_inbox: bool,
    /// A photo's keywords as its file gives them (`keyword:sunset`), case folded.
    pub keywords: Vec<String>,
    /// Filters typed with a minus (`-country:BE`): a clipping that meets any of them is left out.
    pub excluded_filters: Option<Box<Query>>,
    /// Groups that must each hold too: alternatives joined by `OR` where one is more than a word
    /// or a phrase (`kind:photo OR country:KZ`), and `(parenthesised)` queries.
    pub groups: Vec<Group>,
}

/// A part of a query that holds when any of its alternatives does (or, negated, when none does).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    pub alternatives: Vec<Query>,
    /// Typed as `-( … )`: a clipping that matches it is left out.
    pub negated: bool,
}

/// A word or a phrase of a query, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    /// Typed in quotes: its words must occur together, in order.
    pub quoted: bool,
    /// Still being typed (the query's last word): its last word is matched as a prefix.
    pub prefix: bool,
}

/// How results are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Sort {
    /// Best match first (BM25), newer first among equals; newest first when nothing is typed.
    #[default]
    Relevance,
    Newest,
    Oldest,
    Title,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Newest, Sort::Oldest, Sort::Title];
}

impl std::str::FromStr for Sort {
    type Err = String;
    fn from_str(s: &str) -> Result<Sort, String> {
        match s.trim().to_lowercase().as_str() {
            "relevance" | "best" => Ok(Sort::Relevance),
            "newest" | "date" => Ok(Sort::Newest),
            "oldest" => Ok(Sort::Oldest),
            "title" => Ok(Sort::Title),
            other => Err(format!("unknown sort order {other:?}: expected relevance, newest, oldest or title")),
        }
    }
}

/// A piece of a query between spaces; "quoted phrases" (also after `field:` or `-`) stay whole.
#[derive(Debug, PartialEq)]
struct Token {
    text: String,
    quoted: bool,
    /// The query ends inside this token's quotes, or right after its last character.
    open: bool,
    /// What the token is: a piece of text, or a parenthesis.
    mark: Mark,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Text,
    /// `(`, or `-(` when negated.
    Open {
        negated: bool,
    },
    Close,
}

fn tokenize(q: &str) -> Vec<Token> {
    let fresh = || Token { text: String::new(), quoted: false, open: false, mark: Mark::Text };
    let mut tokens = Vec::new();
    let mut current = fresh();
    let mut in_quotes = false;
    // Parentheses opened and not yet closed: a `)` with none open is a character of a word.
    let mut depth = 0usize;
    for ch in q.chars() {
        match ch {
            '"' | '“' | '”' | '«' | '»' => {
                in_quotes = !in_quotes;
                current.quoted = true;
            }
            c if c.is_whitespace() && !in_quotes => {
                if !current.text.is_empty() {
                    tokens.push(std::mem::replace(&mut current, fresh()));
                }
                current.quoted = false;
            }
            '(' if !in_quotes && !current.quoted && (current.text.is_empty() || current.text == "-") => {
                tokens.push(Token { mark: Mark::Open { negated: current.text == "-" }, ..fresh() });
                current = fresh();
                depth += 1;
            }
            ')' if !in_quotes && depth > 0 => {
                if !current.text.is_empty() {
                    tokens.push(std::mem::replace(&mut current, fresh()));
                }
                current = fresh();
                tokens.push(Token { mark: Mark::Close, ..fresh() });
                depth -= 1;
            }
            c => current.text.push(c),
        }
    }
    if !current.text.is_empty() {
        // A word typed up to the end, or a phrase whose closing quote is not typed yet.
        let ends_in_word =
            q.chars().last().is_some_and(|c| !c.is_whitespace() && !matches!(c, '"' | '“' | '”' | '«' | '»'));
        current.open = in_quotes || ends_in_word;
        tokens.push(current);
    }
    tokens
}

/// A query read into its shape: terms joined by spaces (all must hold), each a set of atoms
/// joined by `OR`.
type Sequence = Vec<Vec<Atom>>;

#[derive(Debug)]
enum Atom {
    Term(Token),
    Group { negated: bool, inner: Sequence, closed: bool },
}

/// Reads tokens into a [`Sequence`] up to a `)` (consumed) or the end. A dangling `OR`, as
/// while typing, joins nothing.
fn read_sequence(tokens: &mut std::iter::Peekable<std::vec::IntoIter<Token>>) -> (Sequence, bool) {
    let mut sequence: Sequence = Vec::new();
    let mut or_pending = false;
    while let Some(token) = tokens.next() {
        let atom = match token.mark {
            Mark::Close => return (sequence, true),
            Mark::Open { negated } => {
                let (inner, closed) = read_sequence(tokens);
                Atom::Group { negated, inner, closed }
            }
            Mark::Text if token.text == "OR" && !token.quoted => {
                or_pending = !sequence.is_empty();
                continue;
            }
            Mark::Text => Atom::Term(token),
        };
        match sequence.last_mut() {
            Some(term) if or_pending => term.push(atom),
            _ => sequence.push(vec![atom]),
        }
        or_pending = false;
    }
    (sequence, false)
}

/// A token that is a word or a phrase to look for: not an exclusion, not a filter.
fn plain_text(token: &Token, today: NaiveDate) -> Option<Text> {
    if token.text.strip_prefix('-').is_some_and(|w| !w.is_empty()) {
        return None;
    }
    if let Some((field, value)) = token.text.split_once(':').filter(|(_, v)| !v.is_empty())
        && Query::default().filter(field, value, today)
    {
        return None;
    }
    Some(Text { text: token.text.clone(), quoted: token.quoted, prefix: token.open })
}

/// Hints about a query's shape: a parenthesis left open, two filters that exclude each other.
fn hints_of_shape(sequence: &Sequence, hints: &mut Vec<QueryHint>) {
    // The single-valued filters of this level, typed as they were, with what they mean.
    let mut seen: Vec<(String, String, Query)> = Vec::new();
    for term in sequence {
        for atom in term {
            match atom {
                Atom::Group { inner, closed, .. } => {
                    if !closed && !hints.contains(&QueryHint::Unclosed) {
                        hints.push(QueryHint::Unclosed);
                    }
                    hints_of_shape(inner, hints);
                }
                Atom::Term(token) if term.len() == 1 => {
                    let Some((field, value)) = token.text.split_once(':') else { continue };
                    let field = field.to_lowercase();
                    let mut meant = Query::default();
                    if !matches!(field.as_str(), "kind" | "type" | "date" | "imported")
                        || !meant.filter(&field, value, Local::now().date_naive())
                    {
                        continue;
                    }
                    let clash = seen.iter().find(|(f, _, other)| {
                        f == &field
                            && match field.as_str() {
                                "date" => disjoint(other.date, meant.date),
                                "imported" => disjoint(other.imported, meant.imported),
                                _ => other.kind != meant.kind,
                            }
                    });
                    if let Some((_, first, _)) = clash {
                        hints.push(QueryHint::NeverBoth { first: first.clone(), second: token.text.clone() });
                    }
                    seen.push((field, token.text.clone(), meant));
                }
                Atom::Term(_) => {}
            }
        }
    }
}

/// Whether two date ranges share no day.
fn disjoint(a: Option<DateRange>, b: Option<DateRange>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return false };
    let before = |x: &DateRange, y: &DateRange| matches!((x.to, y.from), (Some(to), Some(from)) if to < from);
    before(&a, &b) || before(&b, &a)
}

fn read(q: &str) -> Sequence {
    let mut tokens = tokenize(q).into_iter().peekable();
    let mut sequence = Vec::new();
    loop {
        let (part, closed) = read_sequence(&mut tokens);
        sequence.extend(part);
        // A `)` the tokenizer let through closes nothing at the top: read on.
        if !closed {
            return sequence;
        }
    }
}

/// Something in a query that is probably a mistake ([`Query::hints`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryHint {
    /// `country:Belgum`, and the name nearest to it.
    UnknownCountry { value: String, nearest: Option<String> },
    /// `date:2024-13`.
    NotADate { value: String },
    /// `imported:yesteday`.
    NotAnImportTime { value: String },
    /// `kind:video`.
    NotAKind { value: String },
    /// `contry:BE`: the field nearest to it, and the value.
    NotAFilter { field: String, nearest: String, value: String },
    /// `(a OR b` : a parenthesis never closed (read as if it were closed at the end).
    Unclosed,
    /// `kind:photo kind:article`: two filters no clipping can meet together, as typed.
    NeverBoth { first: String, second: String },
}

impl std::fmt::Display for QueryHint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryHint::UnknownCountry { value, nearest: Some(name) } => {
                write!(f, "no country is called {value:?}: did you mean {name:?}?")
            }
            QueryHint::UnknownCountry { value, nearest: None } => {
                write!(f, "no country is called {value:?}: use a code (BE) or a name")
            }
            QueryHint::NotADate { value } => write!(
                f,
                "{value:?} is not a date: write date:2024, date:2024-03, date:2024-03-05 or date:2024-01..2024-03"
            ),
            QueryHint::NotAnImportTime { value } => {
                write!(f, "imported:{value} is not understood: write imported:today, this-week, last-30-days or a date")
            }
            QueryHint::NotAKind { value } => {
                write!(f, "kind:{value} is not understood: write kind:photo or kind:article")
            }
            QueryHint::NotAFilter { field, nearest, value } => {
                write!(f, "{field}: is not a filter: did you mean {nearest}:{value}?")
            }
            QueryHint::Unclosed => write!(f, "a parenthesis is not closed: it is read as closed at the end"),
            QueryHint::NeverBoth { first, second } => {
                write!(f, "no clipping is both {first} and {second}: did you mean {first} OR {second}?")
            }
        }
    }
}

/// The filters a query knows, for hints about misspelled ones.
const FIELDS: &[&str] =
    &["country", "topic", "event", "kind", "source", "lang", "date", "imported", "in", "url", "keyword"];

/// The candidate closest to `typed` in edit distance, if close enough to be what was meant
/// (at most a third of its letters, and never more than 3, differ).
fn nearest<'a>(typed: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let typed = typed.to_lowercase();
    let limit = (typed.chars().count() / 3).clamp(1, 3);
    candidates
        .map(|c| (edit_distance(&typed, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or_default();
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let (Some(&left), Some(&up)) = (row.get(j), row.get(j + 1)) else { break };
            let cost = if ca == *cb { diagonal } else { diagonal + 1 };
            diagonal = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = cost.min(left + 1).min(up + 1);
            }
        }
    }
    row.last().copied().unwrap_or_default()
}

impl Query {
    pub fn parse(q: &str) -> Query {
        Query::parse_on(q, Local::now().date_naive())
    }

    /// Parses with `today` as the day relative dates (`imported:today`) count from.
    pub fn parse_on(q: &str, today: NaiveDate) -> Query {
        // Searched as the archive keeps its text.
        let q = &*crate::search::analysis::normalized(q);
        let mut query = Query::lower(read(q), today);
        // Where to search is one choice for the whole query, wherever it was typed.
        query.in_trash = query.any_in_trash();
        query
    }

    fn any_in_trash(&self) -> bool {
        self.in_trash || self.groups.iter().flat_map(|g| &g.alternatives).any(Query::any_in_trash)
    }

    /// The query a [`Sequence`] means.
    fn lower(sequence: Sequence, today: NaiveDate) -> Query {
        let mut query = Query::default();
        for mut term in sequence {
            if term.len() == 1 {
                match term.pop() {
                    Some(Atom::Term(token)) => query.add_token(token, today),
                    Some(Atom::Group { negated, inner, .. }) => {
                        let inner = Query::lower(inner, today);
                        if inner != Query::default() {
                            query.groups.push(Group { alternatives: vec![inner], negated });
                        }
                    }
                    None => {}
                }
                continue;
            }
            // Words and phrases joined by OR stay one clause, ranked as one.
            let as_texts: Option<Vec<Text>> = term
                .iter()
                .map(|atom| match atom {
                    Atom::Term(token) => plain_text(token, today),
                    Atom::Group { .. } => None,
                })
                .collect();
            match as_texts {
                Some(texts) => query.clauses.push(texts),
                None => {
                    let alternatives = term.into_iter().map(|atom| Query::lower(vec![vec![atom]], today)).collect();
                    query.groups.push(Group { alternatives, negated: false });
                }
            }
        }
        query
    }

    /// Adds one word, phrase, exclusion or filter, all of which must hold.
    fn add_token(&mut self, token: Token, today: NaiveDate) {
        let text = |s: &str| Text { text: s.to_owned(), quoted: token.quoted, prefix: token.open };
        if let Some(word) = token.text.strip_prefix('-').filter(|w| !w.is_empty()) {
            let negated = self.excluded_filters.get_or_insert_default();
            let is_filter = word.split_once(':').filter(|(_, v)| !v.is_empty()).is_some_and(|(field, value)| {
                // `in:trash` is where to search, not something to leave out; `-in:inbox` is
                // what was looked at.
                (!field.eq_ignore_ascii_case("in") || value.eq_ignore_ascii_case("inbox"))
                    && negated.filter(field, value, today)
            });
            if !is_filter {
                self.excluded.push(Text { prefix: false, ..text(word) });
            }
            if self.excluded_filters.as_deref().is_some_and(|q| *q == Query::default()) {
                self.excluded_filters = None;
            }
            return;
        }
        if let Some((field, value)) = token.text.split_once(':').filter(|(_, v)| !v.is_empty()) {
            // A second kind or date must hold as well as the first: kept apart, not put in its place.
            if self.holds_one(field) {
                let mut apart = Query::default();
                if apart.filter(field, value, today) {
                    self.groups.push(Group { alternatives: vec![apart], negated: false });
                    return;
                }
            } else if self.filter(field, value, today) {
                return;
            }
        }
        self.clauses.push(vec![text(&token.text)]);
    }

    /// Whether `field` is one this query holds one value of, and has one already.
    fn holds_one(&self, field: &str) -> bool {
        match field.to_lowercase().as_str() {
            "kind" | "type" => self.kind.is_some(),
            "date" => self.date.is_some(),
            "imported" => self.imported.is_some(),
            _ => false,
        }
    }

    /// Every word and phrase the query looks for (not those it leaves out), in its groups too:
    /// what a result is ranked by and what its passage marks.
    pub fn texts(&self) -> Vec<&Text> {
        let mut texts: Vec<&Text> = self.clauses.iter().flatten().collect();
        for group in self.groups.iter().filter(|g| !g.negated) {
            texts.extend(group.alternatives.iter().flat_map(Query::texts));
        }
        texts
    }

    /// This query and `other` together: a clipping must meet both.
    #[must_use]
    pub fn and(mut self, mut other: Query) -> Query {
        // Where to search is one choice for the whole query: a group holding only that would
        // hold no condition, and match nothing.
        self.in_trash |= std::mem::take(&mut other.in_trash);
        if other != Query::default() {
            self.groups.push(Group { alternatives: vec![other], negated: false });
        }
        self
    }

    /// The query as it reads on `today`: its relative periods (`imported:today`) counted from
    /// that day, so that a query kept open past midnight follows the clock.
    #[must_use]
    pub fn on(mut self, today: NaiveDate) -> Query {
        for range in [&mut self.date, &mut self.imported].into_iter().flatten() {
            if let Some(relative) = range.relative {
                *range = relative.on(today);
            }
        }
        self.excluded_filters = self.excluded_filters.map(|q| Box::new(q.on(today)));
        for group in &mut self.groups {
            group.alternatives = std::mem::take(&mut group.alternatives).into_iter().map(|q| q.on(today)).collect();
        }
        self
    }

    /// Whether the query requires this tag (by its key: `country:Belgium` requires `BE`).
    pub fn has_tag(&self, tag: &Tag) -> bool {
        let key = tag.key();
        self.tag_keys().iter().any(|k| k.as_deref() == Some(&*key))
    }

    /// Requires the tag, or stops requiring it if it did.
    pub fn toggle_tag(&mut self, tag: &Tag) {
        let key = tag.key();
        let before = self.tags.len();
        self.tags.retain(|(kind, value)| tags::resolve(*kind, value).ok().map(|t| t.key()) != Some(key.clone()));
        if self.tags.len() == before {
            self.tags.push((tag.kind, tag.value.clone()));
        }
    }

    /// The tags the query requires, as tags (for a value no tag can have, as typed).
    pub fn required_tags(&self) -> Vec<Tag> {
        let tag_of = |(kind, value): &(TagKind, String)| {
            tags::resolve(*kind, value).unwrap_or_else(|_| Tag {
                kind: *kind,
                value: value.clone(),
                name: value.clone(),
                date: None,
                names: Default::default(),
            })
        };
        self.tags.iter().map(tag_of).collect()
    }

    /// Its filters (tags, kind, sources, languages, dates, the trash) as they would be typed:
    /// `country:"BE" kind:photo imported:today`. Words, exclusions and groups are not written.
    pub fn filters_text(&self) -> String {
        let quoted = |v: &str| format!("\"{}\"", v.replace('"', ""));
        let range = |r: &DateRange| match r.relative {
            Some(relative) => relative.as_text(),
            None => {
                let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
                if r.from == r.to { day(r.from) } else { format!("{}..{}", day(r.from), day(r.to)) }
            }
        };
        let mut parts: Vec<String> = self.tags.iter().map(|(k, v)| format!("{}:{}", k.as_str(), quoted(v))).collect();
        parts.extend(self.kind.map(|k| format!("kind:{}", k.as_str())));
        parts.extend(self.sources.iter().map(|s| format!("source:{}", quoted(s))));
        parts.extend(self.languages.iter().map(|l| format!("lang:{l}")));
        parts.extend(self.urls.iter().map(|u| format!("url:{}", quoted(u))));
        parts.extend(self.keywords.iter().map(|k| format!("keyword:{}", quoted(k))));
        parts.extend(self.date.as_ref().map(|r| format!("date:{}", range(r))));
        parts.extend(self.imported.as_ref().map(|r| format!("imported:{}", range(r))));
        if self.in_inbox {
            parts.push("in:inbox".to_owned());
        }
        if self.in_trash {
            parts.push("in:trash".to_owned());
        }
        parts.join(" ")
    }

    /// Applies a `field:value` filter; false when the field or the value is not understood.
    fn filter(&mut self, field: &str, value: &str, today: NaiveDate) -> bool {
        match field.to_lowercase().as_str() {
            "country" | "topic" | "event" => {
                let kind = field.parse().unwrap_or(TagKind::Topic);
                self.tags.push((kind, value.to_owned()));
                true
            }
            "kind" | "type" => {
                self.kind = match value.to_lowercase().as_str() {
                    "photo" | "photos" | "image" => Some(Kind::Photo),
                    "article" | "articles" | "text" => Some(Kind::Article),
                    _ => None,
                };
                self.kind.is_some()
            }
            "source" => {
                self.sources.push(value.to_owned());
                true
            }
            "lang" | "language" => {
                self.languages.push(value.to_lowercase());
                true
            }
            "url" => {
                self.urls.push(crate::vocab::address::canonical_text(value));
                true
            }
            "date" => {
                self.date = parse_date_range(value);
                self.date.is_some()
            }
            "in" if value.eq_ignore_ascii_case("trash") => {
                self.in_trash = true;
                true
            }
            "in" if value.eq_ignore_ascii_case("inbox") => {
                self.in_inbox = true;
                true
            }
            "keyword" | "keywords" => {
                self.keywords.push(value.trim().to_lowercase());
                !value.trim().is_empty()
            }
            "imported" => {
                self.imported = parse_relative(&value.to_lowercase(), today);
                self.imported.is_some()
            }
            _ => false,
        }
    }

    /// What in a query string is probably a mistake, with the nearest thing meant: a field
    /// name misspelled (`contry:BE`), a country no table knows (`country:Belgum`), a date that
    /// is none (`date:2024-13`). Empty when all is understood. Each says itself in English
    /// (`Display`, for the command line); the window words them in its language.
    pub fn hints(q: &str) -> Vec<QueryHint> {
        let mut hints = Vec::new();
        for token in tokenize(q) {
            let text = token.text.trim_start_matches('-');
            let Some((field, value)) = text.split_once(':').filter(|(f, v)| !f.is_empty() && !v.is_empty()) else {
                continue;
            };
            let value = value.to_owned();
            let field_lower = field.to_lowercase();
            match field_lower.as_str() {
                "country" if tags::resolve(TagKind::Country, &value).is_err() => {
                    let nearest = nearest(&value, crate::vocab::countries::all().iter().flat_map(|c| c.names()));
                    hints.push(QueryHint::UnknownCountry { value, nearest: nearest.map(str::to_owned) });
                }
                "date" if parse_date_range(&value).is_none() => hints.push(QueryHint::NotADate { value }),
                "imported" if parse_relative(&value.to_lowercase(), NaiveDate::MIN).is_none() => {
                    hints.push(QueryHint::NotAnImportTime { value });
                }
                "kind" | "type"
                    if !matches!(
                        value.to_lowercase().as_str(),
                        "photo" | "photos" | "image" | "article" | "articles" | "text"
                    ) =>
                {
                    hints.push(QueryHint::NotAKind { value });
                }
                "country" | "topic" | "event" | "kind" | "type" | "source" | "lang" | "language" | "date" | "in"
                | "url" | "imported" | "keyword" | "keywords" => {}
                _ => {
                    if let Some(known) = nearest(&field_lower, FIELDS.iter().copied()) {
                        hints.push(QueryHint::NotAFilter { field: field.to_owned(), nearest: known.to_owned(), value });
                    }
                }
            }
        }
        hints_of_shape(&read(q), &mut hints);
        hints
    }

    /// Whether the query has words or phrases to rank by.
    pub fn has_text(&self) -> bool {
        !self.texts().is_empty()
    }

    /// Whether it filters by a tag anywhere (in a group, or left out with a minus).
    pub fn has_tag_filters(&self) -> bool {
        !self.tags.is_empty()
            || self.excluded_filters.as_deref().is_some_and(Query::has_tag_filters)
            || self.groups.iter().flat_map(|g| &g.alternatives).any(Query::has_tag_filters)
    }

    /// Gives each topic or event filter the value `named` finds for what was typed (a name the
    /// office gave a tag in another language), everywhere in the query.
    pub fn map_tags(&mut self, named: &dyn Fn(TagKind, &str) -> Option<String>) {
        for (kind, value) in &mut self.tags {
            if *kind != TagKind::Country
                && let Some(found) = named(*kind, value)
            {
                *value = found;
            }
        }
        if let Some(excluded) = self.excluded_filters.as_deref_mut() {
            excluded.map_tags(named);
        }
        for alternative in self.groups.iter_mut().flat_map(|g| &mut g.alternatives) {
            alternative.map_tags(named);
        }
    }

    /// The tag keys the query requires; `None` for a value that names no possible tag (an
    /// unknown country), which no clipping can match.
    pub(crate) fn tag_keys(&self) -> Vec<Option<String>> {
        self.tags.iter().map(|(kind, value)| tags::resolve(*kind, value).ok().map(|t| t.key())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_name_what_was_probably_meant() {
        let hints = |q: &str| -> Vec<String> { Query::hints(q).iter().map(ToString::to_string).collect() };
        assert_eq!(hints("contry:BE oil"), ["contry: is not a filter: did you mean country:BE?"]);
        assert_eq!(hints("country:Belgum"), ["no country is called \"Belgum\": did you mean \"Belgium\"?"]);
        assert_eq!(hints("country:Бельгя"), ["no country is called \"Бельгя\": did you mean \"Бельгия\"?"]);
        assert!(hints("date:2024-13")[0].starts_with("\"2024-13\" is not a date"));
        assert!(hints("kind:video")[0].starts_with("kind:video is not understood"));
        for fine in [
            "country:BE corridor",
            "date:2024-01..2024-03",
            "\"a phrase\" OR b",
            "http://example.org",
            "imported:today",
            "keyword:three",
            "Keywords:Astana",
        ] {
            assert!(Query::hints(fine).is_empty(), "{fine}: {:?}", Query::hints(fine));
        }
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    fn word(s: &str) -> Text {
        Text { text: s.to_owned(), quoted: false, prefix: false }
    }

    fn phrase(s: &str) -> Text {
        Text { text: s.to_owned(), quoted: true, prefix: false }
    }

    #[test]
    fn parses_every_form() {
        let q = Query::parse(
            r#"Middle corridor -oil "green hydrogen" country:BE topic:energy event:"Astana International Forum" kind:photo source:DKNews lang:RU date:2024-01..2024-03"#,
        );
        assert_eq!(q.clauses, vec![vec![word("Middle")], vec![word("corridor")], vec![phrase("green hydrogen")]]);
        assert_eq!(q.excluded, vec![word("oil")]);
        assert_eq!(
            q.tags,
            vec![
                (TagKind::Country, "BE".to_owned()),
                (TagKind::Topic, "energy".to_owned()),
                (TagKind::Event, "Astana International Forum".to_owned())
            ]
        );
        assert_eq!(q.kind, Some(Kind::Photo));
        assert_eq!(q.sources, vec!["DKNews"]);
        assert_eq!(q.languages, vec!["ru"]);
        assert_eq!(q.date, Some(DateRange::between(d("2024-01-01"), d("2024-03-31"))));
    }

    #[test]
    fn or_joins_alternatives() {
        let q = Query::parse("corridor Belgium OR \"the Netherlands\" OR Бельгия -oil ");
        assert_eq!(
            q.clauses,
            vec![vec![word("corridor")], vec![word("Belgium"), phrase("the Netherlands"), word("Бельгия")]]
        );
        // A dangling OR, as while typing, changes nothing; a lower-case "or" is a word.
        assert_eq!(Query::parse("gold OR").clauses, vec![vec![Text { prefix: false, ..word("gold") }]]);
        assert_eq!(Query::parse("or ").clauses, vec![vec![word("or")]]);
    }

    #[test]
    fn or_joins_filters_and_groups() {
        let q = Query::parse("kind:photo OR country:KZ OR Kazakhstan corridor ");
        assert_eq!(q.clauses, vec![vec![word("corridor")]]);
        let [group] = q.groups.as_slice() else { panic!("{q:?}") };
        assert!(!group.negated);
        assert_eq!(group.alternatives.len(), 3);
        assert_eq!(group.alternatives[0].kind, Some(Kind::Photo));
        assert_eq!(group.alternatives[1].tags, vec![(TagKind::Country, "KZ".to_owned())]);
        assert_eq!(group.alternatives[2].clauses, vec![vec![word("Kazakhstan")]]);
        // Words still ranked through the group's words.
        assert!(q.has_text());
        assert_eq!(q.texts().len(), 2);

        let q = Query::parse("-(lang:ru OR oil) (a b) ");
        assert_eq!(q.groups.len(), 2);
        assert!(q.groups[0].negated && q.groups[0].alternatives.len() == 1);
        assert_eq!(q.groups[0].alternatives[0].groups[0].alternatives.len(), 2);
        assert_eq!(q.groups[1].alternatives[0].clauses, vec![vec![word("a")], vec![word("b")]]);
        // The negated group's words are not looked for.
        assert_eq!(q.texts().len(), 2);
        // A parenthesis inside a word or an address is a character.
        assert_eq!(Query::parse("Foo_(bar) x) ").clauses, vec![vec![word("Foo_(bar)")], vec![word("x)")]]);
        // `in:trash` anywhere searches the trash.
        assert!(Query::parse("(in:trash OR a)").in_trash);
        // An empty group is nothing.
        assert_eq!(Query::parse("() corridor "), Query::parse("corridor "));
    }

    #[test]
    fn hints_say_what_the_shape_cannot_mean() {
        let hints = |q: &str| -> Vec<String> { Query::hints(q).iter().map(ToString::to_string).collect() };
        assert_eq!(hints("(a OR b"), ["a parenthesis is not closed: it is read as closed at the end"]);
        assert_eq!(
            hints("kind:photo kind:article"),
            ["no clipping is both kind:photo and kind:article: did you mean kind:photo OR kind:article?"]
        );
        assert_eq!(hints("date:2023 date:2024").len(), 1);
        for fine in ["date:2024 date:2024-03", "kind:photo OR kind:article", "(kind:photo) OR (kind:article)", "(a b)"]
        {
            assert!(Query::hints(fine).is_empty(), "{fine}: {:?}", Query::hints(fine));
        }
    }

    #[test]
    fn the_word_being_typed_is_a_prefix() {
        let check = |q: &str, expected: Vec<Text>| {
            assert_eq!(Query::parse(q).clauses.concat(), expected, "{q}");
        };
        check("kaz", vec![Text { prefix: true, ..word("kaz") }]);
        check("kaz ", vec![word("kaz")]);
        check("middle corr", vec![word("middle"), Text { prefix: true, ..word("corr") }]);
        check("\"middle corr", vec![Text { prefix: true, ..phrase("middle corr") }]);
        check("\"middle corridor\"", vec![phrase("middle corridor")]);
        // Exclusions and filters are never prefixes.
        assert_eq!(Query::parse("-oil").excluded, vec![word("oil")]);
    }

    #[test]
    fn a_minus_before_a_filter_leaves_out_what_meets_it() {
        let q = Query::parse("corridor -country:BE -lang:ru -oil -in:trash");
        let negated = q.excluded_filters.unwrap();
        assert_eq!(negated.tags, vec![(TagKind::Country, "BE".to_owned())]);
        assert_eq!(negated.languages, vec!["ru"]);
        assert_eq!(q.excluded, vec![word("oil"), word("in:trash")]);
        assert!(!q.in_trash);
        assert_eq!(Query::parse("-oil").excluded_filters, None);
    }

    #[test]
    fn dates() {
        let check = |s: &str, from: &str, to: &str| {
            assert_eq!(parse_date_range(s), Some(DateRange::between(d(from), d(to))), "{s}");
        };
        check("2024", "2024-01-01", "2024-12-31");
        check("2024-02", "2024-02-01", "2024-02-29");
        check("2024-02-10", "2024-02-10", "2024-02-10");
        check("2023-12..2024-01-15", "2023-12-01", "2024-01-15");
        assert_eq!(parse_date_range("2024.."), Some(DateRange::between(d("2024-01-01"), None)));
        assert_eq!(parse_date_range("soon"), None);
    }

    #[test]
    fn a_kept_query_follows_the_clock_and_writes_its_filters_as_typed() {
        let friday = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let saturday = friday.succ_opt().unwrap();
        let q = Query::parse_on("country:Belgium kind:photo imported:today date:2024-01..2024-03 in:trash", friday);
        assert_eq!(q.imported.unwrap().from, Some(friday));
        // Kept open past midnight: today is the next day, the fixed dates stay.
        let later = q.clone().on(saturday);
        assert_eq!((later.imported.unwrap().from, later.imported.unwrap().to), (Some(saturday), Some(saturday)));
        assert_eq!(later.date, q.date);
        let text = q.filters_text();
        assert_eq!(text, "country:\"Belgium\" kind:photo date:2024-01-01..2024-03-31 imported:today in:trash");
        assert_eq!(Query::parse_on(&text, saturday), later);
        // Tags by their key, whatever name they were typed by.
        let mut q = Query::parse("country:Бельгия");
        let belgium = tags::resolve(TagKind::Country, "BE").unwrap();
        assert!(q.has_tag(&belgium));
        assert_eq!(q.required_tags(), vec![belgium.clone()]);
        q.toggle_tag(&belgium);
        assert!(q.tags.is_empty());
        q.toggle_tag(&belgium);
        assert_eq!(q.filters_text(), "country:\"BE\"");
    }

    #[test]
    fn relative_imported_dates() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(); // a Saturday
        let range = |s| parse_relative(s, today).unwrap();
        assert_eq!((range("today").from, range("today").to), (Some(today), Some(today)));
        assert_eq!(range("this-week").from, d("2026-11-23"));
        assert_eq!(range("last-30-days").from, d("2026-10-30"));
    }

    #[test]
    fn half_typed_queries_are_words() {
        let q = Query::parse("country: date:20 kaz -");
        let texts: Vec<String> = q.clauses.concat().into_iter().map(|t| t.text).collect();
        assert_eq!(texts, vec!["country:", "date:20", "kaz", "-"]);
        assert!(q.tags.is_empty() && q.date.is_none());
    }
}
