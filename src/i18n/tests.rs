use super::*;

/// Every message id of a Fluent file, in order.
fn ids(source: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("syntax errors: {errors:?}"),
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// Every string literal of the code that the window and its worker run.
fn code_literals() -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(root).into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
        let mut rest = text.as_str();
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            out.insert(after[..end].to_owned());
            rest = &after[end + 1..];
        }
    }
    out
}

#[test]
fn every_locale_has_every_message_and_each_is_used() {
    let english = ids(Lang::En.source());
    let mut seen = std::collections::HashSet::new();
    for id in &english {
        assert!(seen.insert(id), "en: {id} twice");
    }
    for lang in Lang::ALL {
        let theirs = ids(lang.source());
        let missing: Vec<_> = english.iter().filter(|id| !theirs.contains(id)).collect();
        let extra: Vec<_> = theirs.iter().filter(|id| !english.contains(id)).collect();
        assert!(missing.is_empty(), "{}: missing {missing:?}", lang.code());
        assert!(extra.is_empty(), "{}: not in English {extra:?}", lang.code());
    }
    let literals = code_literals();
    let unused: Vec<_> = english.iter().filter(|id| !literals.contains(*id)).collect();
    assert!(unused.is_empty(), "messages used nowhere in the code: {unused:?}");
}

#[test]
fn every_message_formats_in_every_locale_without_errors() {
    let mut args = FluentArgs::new();
    for name in [
        "n",
        "done",
        "total",
        "shown",
        "files",
        "kb",
        "stamp",
        "stories",
        "outlets",
        "page",
        "pages",
        "megapixels",
        "limit",
        "needed",
        "size",
        "free",
        "clippings",
        "secs",
        "status",
    ] {
        args.set(name, FluentValue::from(3));
    }
    for name in [
        "name", "title", "tag", "kind", "date", "reason", "id", "dest", "error", "what", "format", "articles",
        "photos", "old", "new", "language", "from", "to", "credit", "list", "value", "field", "nearest", "path",
        "detail", "place", "who", "first", "second", "shown", "times", "by", "text", "scheme", "host", "server",
        "time", "when", "tags",
    ] {
        args.set(name, FluentValue::from("x"));
    }
    for lang in Lang::ALL {
        let bundle = &BUNDLES.0[lang as usize];
        for id in ids(lang.source()) {
            let message = bundle.get_message(&id).unwrap_or_else(|| panic!("{}: {id} not loaded", lang.code()));
            let pattern = message.value().unwrap_or_else(|| panic!("{}: {id} has no value", lang.code()));
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{}: {id}: {errors:?}", lang.code());
            assert!(!text.trim().is_empty(), "{}: {id} is empty", lang.code());
        }
    }
}

#[test]
fn plurals_follow_each_language() {
    let say = |lang: Lang, n: usize| {
        set_language(lang);
        crate::t!("n-clippings", n = n)
    };
    assert_eq!(say(Lang::En, 1), "1 clipping");
    assert_eq!(say(Lang::En, 5), "5 clippings");
    assert_eq!(say(Lang::Ru, 1), "1 вырезка");
    assert_eq!(say(Lang::Ru, 2), "2 вырезки");
    assert_eq!(say(Lang::Ru, 5), "5 вырезок");
    assert_eq!(say(Lang::Ru, 21), "21 вырезка");
    assert_eq!(say(Lang::Ru, 12_345), "12\u{a0}345 вырезок");
    assert_eq!(say(Lang::Kk, 5), "5 материал");
    assert_eq!(say(Lang::Fr, 1), "1 coupure");
    assert_eq!(say(Lang::Fr, 2), "2 coupures");
    assert_eq!(say(Lang::Nl, 1_234), "1.234 knipsels");
    set_language(Lang::En);
}

#[test]
fn numbers_dates_and_country_names_in_each_language() {
    assert_eq!(format_number(12_345, Lang::En), "12,345");
    assert_eq!(format_number(1_234, Lang::Ru), "1234");
    assert_eq!(format_number(1_234_567, Lang::Fr), "1\u{a0}234\u{a0}567");
    assert_eq!(format_number(-12_345, Lang::Nl), "-12.345");
    let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 12).unwrap_or_default();
    assert_eq!(format_date(date, Lang::En), "12 Mar 2024");
    assert_eq!(format_date(date, Lang::Kk), "12.03.2024");
    assert_eq!(format_date(date, Lang::Fr), "12/03/2024");
    assert_eq!(format_month(date, Lang::En), "Mar 2024");
    assert_eq!(format_month(date, Lang::Ru), "март 2024");
    assert_eq!(format_month(date, Lang::Kk), "нау. 2024");
    assert_eq!(format_month(date, Lang::Nl), "mrt 2024");
    assert_eq!(format_day_month(date, Lang::En), "12 Mar");
    assert_eq!(format_day_month(date, Lang::Ru), "12.03");
    for (lang, name) in [
        (Lang::En, "Belgium"),
        (Lang::Ru, "Бельгия"),
        (Lang::Kk, "Бельгия"),
        (Lang::Fr, "Belgique"),
        (Lang::Nl, "België"),
    ] {
        set_language(lang);
        assert_eq!(country_name("BE"), Some(name), "{}", lang.code());
    }
    set_language(Lang::Kk);
    assert_eq!(country_name("DE"), Some("Германия"));
    set_language(Lang::En);
    assert_eq!(country_name("XX"), None);
}

#[test]
fn the_system_locale_picks_the_language() {
    assert_eq!(Lang::from_locale("ru_RU.UTF-8"), Some(Lang::Ru));
    assert_eq!(Lang::from_locale("kk-KZ"), Some(Lang::Kk));
    assert_eq!(Lang::from_locale("nl_BE@euro"), Some(Lang::Nl));
    assert_eq!(Lang::from_locale("fr"), Some(Lang::Fr));
    assert_eq!(Lang::from_locale("de_DE.UTF-8"), None);
    assert_eq!(Lang::from_locale("C"), None);
}
