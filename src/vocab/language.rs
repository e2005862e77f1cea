//! The language of a clipping: what its source declared, or what its text reads as (whatlang,
//! and Kazakh told apart by its own letters). Detected once on import and stored; search picks
//! its stemmer by it, suggestions and highlighting read it.

use crate::vocab::model::Clipping;

/// Kazakh letters that Russian does not have (і is left out: Ukrainian and Belarusian use it).
const KAZAKH_LETTERS: &str = "әғқңөұүһӘҒҚҢӨҰҮҺ";

const SAMPLE_CHARS: usize = 600;

/// Whether a character is in the Cyrillic block.
pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// The language of a text as an ISO 639-1 code where there is one (else ISO 639-3), or an
/// empty string when it cannot be told. Kazakh is told by its own letters (whatlang does not
/// know it); the rest by whatlang over the first 600 characters (some 100 words, where its
/// guesses no longer change; the time it takes grows with the sample).
pub fn detect_language(text: &str) -> String {
    let sample: String = text.chars().take(SAMPLE_CHARS).collect();
    let (mut n_cyrillic, mut n_kazakh) = (0usize, 0usize);
    for c in sample.chars() {
        if is_cyrillic(c) {
            n_cyrillic += 1;
            if KAZAKH_LETTERS.contains(c) {
                n_kazakh += 1;
            }
        }
    }
    // In Kazakh text these letters are several in a hundred; in Russian text none.
    if n_cyrillic >= 20 && n_kazakh * 100 >= n_cyrillic {
        return "kk".to_owned();
    }
    let Some(info) = whatlang::detect(&sample) else { return String::new() };
    if !info.is_reliable() && sample.chars().count() > 200 {
        return String::new();
    }
    iso_639_1(info.lang().code()).to_owned()
}

fn iso_639_1(code3: &str) -> &str {
    match code3 {
        "eng" => "en",
        "rus" => "ru",
        "fra" => "fr",
        "nld" => "nl",
        "deu" => "de",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "ukr" => "uk",
        "bel" => "be",
        "pol" => "pl",
        "ces" => "cs",
        "tur" => "tr",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "ara" => "ar",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "no",
        "fin" => "fi",
        "ell" => "el",
        "hun" => "hu",
        "ron" => "ro",
        "uzb" => "uz",
        "azj" => "az",
        other => other,
    }
}

/// The language a clipping is indexed in: what its source declared (`en-GB` -> `en`), else what
/// its text reads as.
pub fn language_of(clipping: &Clipping) -> String {
    let declared = declared_language(clipping);
    if !declared.is_empty() {
        return declared;
    }
    let body: String = clipping.body.chars().take(SAMPLE_CHARS).collect();
    detect_language(&[clipping.title.as_str(), &body, &clipping.caption].join("\n"))
}

/// The language stored with a clipping (`en-GB` -> `en`), without reading its text: imports
/// store one, clippings imported by older versions may have none.
pub fn declared_language(clipping: &Clipping) -> String {
    declared(&clipping.language)
}

/// A stored language tag's language (`en-GB` -> `en`).
pub fn declared(language: &str) -> String {
    language.split(['-', '_']).next().unwrap_or_default().trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_languages() {
        let check = |text: &str, expected: &str| assert_eq!(detect_language(text), expected, "{text}");
        check("The Middle Corridor links Europe and Asia through the Caspian Sea and the Caucasus.", "en");
        check("Средний коридор связывает Европу и Азию через Каспийское море и Кавказ.", "ru");
        check("Қазақстан Республикасының Президенті Бельгия Корольдігінің премьер-министрімен кездесті.", "kk");
        check("Le corridor médian relie l'Europe et l'Asie par la mer Caspienne et le Caucase.", "fr");
        check("De middelste corridor verbindt Europa en Azië via de Kaspische Zee en de Kaukasus.", "nl");
    }
}
