//! The window's language: messages from Fluent files (`locales/<code>.ftl`, embedded), with each
//! language's plural rules, numbers and dates in its own form, and country names in it.
//!
//! The language is per thread: the window's thread sets it every frame from the settings, and
//! the worker thread is told when it changes, so each formats its own messages. Tests running
//! side by side in one process can each use their own language. The command line stays in
//! English: scripts read it.

use std::cell::Cell;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// A language of the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Kk,
    Fr,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Ru, Lang::Kk, Lang::Fr, Lang::Nl];

    /// The language's code (ISO 639-1).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
            Lang::Fr => "fr",
            Lang::Nl => "nl",
        }
    }

    /// The language's name in itself, as the language menu lists it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Kk => "Қазақша",
            Lang::Fr => "Français",
            Lang::Nl => "Nederlands",
        }
    }

    /// The language of a locale name such as `ru_RU.UTF-8`, `kk-KZ` or `nl_BE`, if the window
    /// speaks it.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let code = locale.split(['_', '-', '.', '@']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The system's language (the first of its preferred locales the window speaks), else
    /// English.
    pub fn from_system() -> Lang {
        sys_locale::get_locales().find_map(|l| Lang::from_locale(&l)).unwrap_or_default()
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../locales/en.ftl"),
            Lang::Ru => include_str!("../../locales/ru.ftl"),
            Lang::Kk => include_str!("../../locales/kk.ftl"),
            Lang::Fr => include_str!("../../locales/fr.ftl"),
            Lang::Nl => include_str!("../../locales/nl.ftl"),
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Sets the language of this thread's messages.
pub fn set_language(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The language of this thread's messages.
pub fn language() -> Lang {
    CURRENT.with(Cell::get)
}

struct Bundles(Vec<FluentBundle<FluentResource>>);

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| {
    let bundles = Lang::ALL
        .into_iter()
        .map(|lang| {
            // A file with syntax errors still gives every message that parsed; the test of the
            // locales fails on the errors.
            let resource = FluentResource::try_new(lang.source().to_owned()).unwrap_or_else(|(partial, _)| partial);
            let id = lang.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No bidi isolation marks around arguments: every language here runs left to right,
            // and the window's fonts have no glyph for the marks.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(FORMATTERS[lang as usize]));
            let _ = bundle.add_resource(resource);
            bundle
        })
        .collect();
    Bundles(bundles)
});

type Formatter = fn(&FluentValue<'_>, &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String>;

/// Numbers in arguments are written as each language groups digits.
const FORMATTERS: [Formatter; 5] = [
    |v, _| number_arg(v, Lang::En),
    |v, _| number_arg(v, Lang::Ru),
    |v, _| number_arg(v, Lang::Kk),
    |v, _| number_arg(v, Lang::Fr),
    |v, _| number_arg(v, Lang::Nl),
];

fn number_arg(value: &FluentValue<'_>, lang: Lang) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 => {
            Some(format_number(n.value as i64, lang))
        }
        _ => None,
    }
}

/// A whole number with the language's digit groups: 12,345 (en), 12 345 (ru, kk, fr, with a
/// no-break space), 12.345 (nl). Numbers below 10,000 are not grouped in ru, kk and fr.
pub fn format_number(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = match lang {
        Lang::En => ",",
        Lang::Ru | Lang::Kk | Lang::Fr => "\u{a0}",
        Lang::Nl => ".",
    };
    let min_grouped = if matches!(lang, Lang::Ru | Lang::Kk | Lang::Fr) { 5 } else { 4 };
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    if digits.len() < min_grouped {
        out.push_str(&digits);
        return out;
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// A date as the language writes it: 12 Mar 2024 (en), 12.03.2024 (ru, kk), 12/03/2024 (fr),
/// 12-03-2024 (nl).
pub fn format_date(date: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => date.format("%-d %b %Y").to_string(),
        Lang::Ru | Lang::Kk => date.format("%d.%m.%Y").to_string(),
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::Nl => date.format("%d-%m-%Y").to_string(),
    }
}

/// A month as a chart's axis names it: `Mar 2024`, `март 2024`, `нау. 2024`, `mars 2024`,
/// `mrt 2024`.
pub fn format_month(date: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    const NAMES: [[&str; 12]; 5] = [
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        ["янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."],
        ["қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел."],
        ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
        ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    ];
    let row = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    let name = NAMES[row][date.month0() as usize];
    format!("{name} {}", date.year())
}

/// A day without its year, for a chart's axis: `5 Mar`, `05.03`, `05/03`, `05-03`.
pub fn format_day_month(date: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => date.format("%-d %b").to_string(),
        Lang::Ru | Lang::Kk => date.format("%d.%m").to_string(),
        Lang::Fr => date.format("%d/%m").to_string(),
        Lang::Nl => date.format("%d-%m").to_string(),
    }
}

/// A date in a few letters, for a list's column: `5 Mar 24`, `05.03.24`.
pub fn format_date_short(date: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => date.format("%-d %b %y").to_string(),
        Lang::Ru | Lang::Kk => date.format("%d.%m.%y").to_string(),
        Lang::Fr => date.format("%d/%m/%y").to_string(),
        Lang::Nl => date.format("%d-%m-%y").to_string(),
    }
}

/// A language's name in its own words, for a BCP 47 tag's first part ("no" → "norsk"): what
/// a reader of any language recognises her own by.
pub fn language_endonym(tag: &str) -> Option<&'static str> {
    let code = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    let name = match code.as_str() {
        "ar" => "العربية",
        "az" => "azərbaycan",
        "be" => "беларуская",
        "bg" => "български",
        "ca" => "català",
        "cs" => "čeština",
        "da" => "dansk",
        "de" => "Deutsch",
        "el" => "Ελληνικά",
        "en" => "English",
        "es" => "español",
        "et" => "eesti",
        "fa" => "فارسی",
        "fi" => "suomi",
        "fr" => "français",
        "he" => "עברית",
        "hi" => "हिन्दी",
        "hr" => "hrvatski",
        "hu" => "magyar",
        "hy" => "հայերեն",
        "it" => "italiano",
        "ja" => "日本語",
        "ka" => "ქართული",
        "kk" => "қазақ тілі",
        "ko" => "한국어",
        "ky" => "кыргызча",
        "lt" => "lietuvių",
        "lv" => "latviešu",
        "mn" => "монгол",
        "nb" | "no" => "norsk",
        "nl" => "Nederlands",
        "nn" => "nynorsk",
        "pl" => "polski",
        "pt" => "português",
        "ro" => "română",
        "ru" => "русский",
        "sk" => "slovenčina",
        "sl" => "slovenščina",
        "sr" => "српски",
        "sv" => "svenska",
        "tg" => "тоҷикӣ",
        "tk" => "türkmençe",
        "tr" => "Türkçe",
        "tt" => "татарча",
        "uk" => "українська",
        "uz" => "oʻzbekcha",
        "zh" => "中文",
        _ => return None,
    };
    Some(name)
}

/// The message `id` in this thread's language. A message missing there is taken from English;
/// a message missing everywhere shows its id (the locale test fails on both).
pub fn tr(id: &str) -> String {
    tr_args(id, None)
}

/// The message `id` with its arguments, in this thread's language.
pub fn tr_args(id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let bundles = &BUNDLES.0;
    let lang = language();
    for bundle in [&bundles[lang as usize], &bundles[Lang::En as usize]] {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, args, &mut errors).into_owned();
        }
    }
    id.to_owned()
}

/// `t!("id")` or `t!("id", n = 5, name = title)`: the message in this thread's language.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::tr($id)
    };
    ($id:literal, $($key:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $(args.set(stringify!($key), $crate::i18n::Arg::from($value).0);)+
        $crate::i18n::tr_args($id, Some(&args))
    }};
}

/// A message argument: numbers stay numbers (for plural rules), text is text.
pub struct Arg(pub FluentValue<'static>);

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg(FluentValue::from(n as f64))
            }
        }
    )*};
}
number_args!(usize, u64, u32, i64, i32);

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg(FluentValue::from(s))
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg(FluentValue::from(s.clone()))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg(FluentValue::from(s.to_owned()))
    }
}

/// How a tag is named in this thread's language: by the name the office gave it in that
/// language, else a country by its name, a shipped topic by its name in that language
/// (`assets/topic-names.tsv`), any other tag as it was written.
pub fn tag_name(tag: &crate::vocab::model::Tag) -> String {
    use crate::vocab::model::TagKind;
    if let Some(name) = tag.names.get(language().code()) {
        return name.clone();
    }
    match tag.kind {
        TagKind::Country => country_name(&tag.value).map_or_else(|| tag.name.clone(), str::to_owned),
        TagKind::Topic => crate::vocab::topic_names::name_in(&tag.value, language().code())
            .map_or_else(|| tag.name.clone(), str::to_owned),
        TagKind::Event => tag.name.clone(),
    }
}

/// The name of a country (by ISO code) in this thread's language, if the code is known.
pub fn country_name(code: &str) -> Option<&'static str> {
    let country = crate::vocab::countries::lookup(code)?;
    Some(match language() {
        Lang::En => country.english,
        Lang::Ru => country.russian,
        Lang::Kk => country.kazakh,
        Lang::Fr => other_name(country, 0),
        Lang::Nl => other_name(country, 1),
    })
}

/// The country's name from `assets/country-names.tsv` (column 0 French, 1 Dutch).
fn other_name(country: &crate::vocab::countries::Country, column: usize) -> &'static str {
    OTHER_NAMES.get(country.code).map_or(country.english, |names| names[column])
}

/// French and Dutch names by country code (looked up for every tag drawn, so by hash).
static OTHER_NAMES: LazyLock<std::collections::HashMap<&'static str, [&'static str; 2]>> = LazyLock::new(|| {
    include_str!("../../assets/country-names.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some((cols.next()?, [cols.next()?, cols.next()?]))
        })
        .collect()
});

#[cfg(test)]
mod tests;
