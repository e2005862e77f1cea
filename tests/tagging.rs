//! Tagging that learns from the press office (#32): a topic of the office's own learned from
//! five Russian clippings and suggested for a sixth; a rule run at import; the inbox; a shipped
//! topic by its name in another language. Each test makes its own archive and texts.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::atomic::AtomicBool;

use clippings::archive::edit::{Done, Edit};
use clippings::archive::{Archive, ClippingId, TagKind, tags};
use clippings::import::Outcome;

/// Pastes a text as the window does; returns the new clipping.
fn paste(archive: &Archive, name: &str, text: &str) -> ClippingId {
    match archive.import_bytes(&format!("{name}.txt"), text.as_bytes().to_vec()).unwrap().outcome {
        Outcome::Imported { id, .. } => id,
        other => panic!("{name}: {other:?}"),
    }
}

const CORRIDOR: [&str; 5] = [
    "Грузы пошли через Каспий\n\nКонтейнерные поезда из Китая доставляют грузы в порт Актау, откуда паромы везут их в Баку. Транзит по Транскаспийскому маршруту вырос вдвое.",
    "Порт Актау расширяют\n\nНовый контейнерный терминал в порту Актау примет паромы из Баку. Транзитные грузы из Китая в Европу пойдут быстрее.",
    "Паромы на Каспии\n\nСудоходная компания заказала два парома для линии Актау — Баку. Контейнеры с транзитными грузами ждут в порту по неделе.",
    "Транзит через Казахстан\n\nОбъём транзитных контейнерных перевозок по Транскаспийскому маршруту превысил план. Поезда из Китая идут к порту Курык и Актау.",
    "Маршрут в обход\n\nЭкспедиторы переводят грузы на Транскаспийский маршрут: контейнер из Китая через Каспий и Баку доходит до Грузии за две недели.",
];

const OTHER: [&str; 6] = [
    "Премьера в театре\n\nВ столичном театре оперы и балета прошла премьера нового спектакля. Зрители аплодировали стоя.",
    "Погода на выходные\n\nСиноптики обещают дожди и похолодание в северных областях. В горах возможен снег.",
    "Футбольный сезон\n\nСборная провела товарищеский матч и уступила гостям. Тренер объявил состав на отборочный турнир.",
    "Выставка в музее\n\nМузей открыл выставку древних украшений из курганов. Экспозиция продлится до весны.",
    "Цены на хлеб\n\nПекарни подняли цены на хлеб из-за подорожания муки. Власти обещают проверить торговые сети.",
    "Новая школа\n\nВ микрорайоне открылась школа на тысячу учеников с бассейном и спортивным залом.",
];

#[test]
fn a_topic_of_the_office_is_learned_from_five_russian_clippings_and_suggested_for_a_sixth() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let corridor: Vec<ClippingId> =
        CORRIDOR.iter().enumerate().map(|(i, text)| paste(&archive, &format!("c{i}"), text)).collect();
    let others: Vec<ClippingId> =
        OTHER.iter().enumerate().map(|(i, text)| paste(&archive, &format!("o{i}"), text)).collect();
    let topic = tags::resolve(TagKind::Topic, "Средний коридор").unwrap();
    archive.apply(Edit::AddTag { tag: topic.clone(), ids: corridor[..4].to_vec() }).unwrap();
    let all: Vec<ClippingId> = corridor.iter().chain(&others).copied().collect();
    archive.apply(Edit::MarkDone(all)).unwrap();
    // Four clippings teach nothing: no suggestion for the topic on a new one.
    let text = "Паромная линия Актау — Баку\n\nНа линии между портом Актау и Баку появятся новые паромы для контейнеров с транзитными грузами из Китая.";
    let sixth = paste(&archive, "sixth", text);
    let suggested = |id| archive.suggestions(id).unwrap().into_iter().find(|s| s.tag.key() == topic.key());
    assert!(suggested(sixth).is_none());

    // The fifth: now it is learned, with no command, and offered with its evidence. The new
    // clipping does not name the topic: the suggestion comes from the words of the five.
    archive.apply(Edit::AddTag { tag: topic.clone(), ids: vec![corridor[4]] }).unwrap();
    let seventh = paste(&archive, "seventh", &text.replace("новые", "ещё два"));
    let found = suggested(seventh).expect("the learned topic is suggested");
    assert_eq!(found.note, "like 5 clippings tagged Средний коридор");
    assert!(!found.evidence.is_empty(), "{found:?}");
    let theatre = paste(&archive, "theatre", "Гастроли театра\n\nТеатр привёз в столицу два спектакля и балет.");
    assert!(suggested(theatre).is_none());
    // Clippings still in the inbox (the sixth and seventh) are not examples against it.
    assert!(archive.learned().unwrap().tags().any(|(t, n)| t.key() == topic.key() && n == 5));

    // Renamed: the old name is never offered again, the new one is.
    archive
        .apply(Edit::RenameTag {
            tag: topic.clone(), new_value: "Транскаспийский маршрут".into()
        })
        .unwrap();
    archive.apply(Edit::Suggest(vec![seventh])).unwrap();
    let now: Vec<String> = archive.suggestions(seventh).unwrap().into_iter().map(|s| s.tag.name).collect();
    assert!(now.contains(&"Транскаспийский маршрут".to_owned()), "{now:?}");
    assert!(!now.contains(&"Средний коридор".to_owned()), "{now:?}");
    // Taken off every clipping: forgotten at once.
    let renamed = tags::resolve(TagKind::Topic, "Транскаспийский маршрут").unwrap();
    archive.apply(Edit::RemoveTag { tag: renamed.clone(), ids: corridor.clone() }).unwrap();
    archive.apply(Edit::Suggest(vec![seventh])).unwrap();
    assert!(archive.suggestions(seventh).unwrap().iter().all(|s| s.tag.key() != renamed.key()));
}

#[test]
fn a_dismissed_suggestion_teaches_against_it() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let topic = tags::resolve(TagKind::Topic, "Средний коридор").unwrap();
    let ids: Vec<ClippingId> =
        CORRIDOR.iter().enumerate().map(|(i, text)| paste(&archive, &format!("c{i}"), text)).collect();
    archive.apply(Edit::AddTag { tag: topic.clone(), ids: ids.clone() }).unwrap();
    let others: Vec<ClippingId> =
        OTHER.iter().enumerate().map(|(i, text)| paste(&archive, &format!("o{i}"), text)).collect();
    // Nothing looked at yet but the five: nothing against the topic, so nothing learned.
    assert_eq!(archive.learned().unwrap().n_tags(), 0);
    archive.apply(Edit::MarkDone(others.clone())).unwrap();
    let before = archive.learned().unwrap();
    assert_eq!(before.n_tags(), 1);
    // A dismissal is learned again with.
    let ferry = paste(&archive, "ferry", "Паромы Актау\n\nПаромы из порта Актау в Баку везут контейнеры.");
    archive.dismiss_suggestion(ferry, &topic).unwrap();
    assert!(!std::sync::Arc::ptr_eq(&before, &archive.learned().unwrap()));
}

#[test]
fn a_rule_tags_at_import_and_the_inbox_holds_what_is_new() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let energy = tags::resolve(TagKind::Topic, "energy").unwrap();
    assert!(archive.add_rule("hydrogen", "", vec![energy.clone()]).is_err(), "a rule needs a query");
    archive.add_rule("hydrogen", "водород OR hydrogen", vec![energy.clone()]).unwrap();
    assert_eq!(archive.rules().unwrap().len(), 1);
    // Pasted, as the DKNews clipping is.
    let talks = paste(
        &archive,
        "dknews",
        "Kazakhstan and Belgium discuss green hydrogen\n\nBRUSSELS – The ambassador met the Belgian energy \
         minister to discuss green hydrogen and the Middle Corridor.",
    );
    let weather = paste(&archive, "weather", "Rain on Sunday\n\nForecasters expect rain.");
    let tags_of = |id| archive.tags_of(id).unwrap().into_iter().map(|t| t.key()).collect::<Vec<_>>();
    assert!(tags_of(talks).contains(&energy.key()), "{:?}", tags_of(talks));
    assert!(!tags_of(weather).contains(&energy.key()));
    // `topic:энергетика` is `topic:energy`.
    let found = |q: &str| archive.search_str(q).unwrap().into_iter().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(found("topic:энергетика"), [talks]);
    assert_eq!(found("topic:énergie"), [talks]);
    // An import of files runs the rules too.
    let folder = tmp.path().join("in");
    let path = common::write(&folder, "ru.txt", "Водород из ветра\n\nВ степи построят завод водорода.");
    let report = archive.import(&[path], &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let ru = report.imported_ids()[0];
    assert_eq!(report.rules, [("hydrogen".to_owned(), 1)]);
    assert!(tags_of(ru).contains(&energy.key()));

    // The inbox: all three are new; done takes them out, and the undo puts them back.
    assert_eq!(found("in:inbox").len(), 3);
    let applied = archive.apply(Edit::MarkDone(vec![talks, weather])).unwrap();
    assert_eq!(applied.done, Done::MarkedDone { n: 2 });
    assert_eq!(found("in:inbox"), [ru]);
    assert_eq!(found("-in:inbox topic:energy"), [talks]);
    archive.apply(applied.undo.unwrap()).unwrap();
    assert_eq!(found("in:inbox").len(), 3);

    // A rule run on what is archived already; removed, the tags it gave stay.
    archive.add_rule("rain", "rain", vec![tags::resolve(TagKind::Event, "Storm week").unwrap()]).unwrap();
    assert_eq!(archive.rule_matches("rain").unwrap(), 1);
    assert_eq!(archive.apply_rule("rain").unwrap(), 1);
    archive.remove_rule("rain").unwrap();
    assert!(archive.remove_rule("rain").is_err());
    assert_eq!(found("event:\"Storm week\""), [weather]);
}

#[test]
fn an_office_topic_is_named_in_another_language_and_found_by_that_name() {
    use clippings::i18n::{self, Lang};
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let ids: Vec<ClippingId> =
        CORRIDOR.iter().enumerate().map(|(i, text)| paste(&archive, &format!("c{i}"), text)).collect();
    let corridor = tags::resolve(TagKind::Topic, "Middle Corridor").unwrap();
    archive.apply(Edit::AddTag { tag: corridor.clone(), ids: ids.clone() }).unwrap();
    let bad = archive.apply(Edit::NameTag { tag: corridor.clone(), language: "russian".into(), name: "x".into() });
    assert!(bad.is_err());
    let named = archive
        .apply(Edit::NameTag {
            tag: corridor.clone(), language: "ru".into(), name: "Средний  коридор".into()
        })
        .unwrap();
    let found = |q: &str| archive.search_str(q).unwrap().len();
    assert_eq!(found("topic:\"Средний коридор\""), 5);
    assert_eq!(found("topic:\"средний коридор\" -topic:\"Middle Corridor\""), 0);
    let stored = archive.find_named_tag(TagKind::Topic, "Средний коридор").unwrap().unwrap();
    i18n::set_language(Lang::Ru);
    assert_eq!(i18n::tag_name(&stored), "Средний коридор");
    i18n::set_language(Lang::Kk);
    assert_eq!(i18n::tag_name(&stored), "Middle Corridor", "no Kazakh name given: as written");
    i18n::set_language(Lang::En);
    // Renamed, it keeps its names; the undo of the naming takes the name away.
    archive.apply(Edit::RenameTag { tag: corridor, new_value: "Trans-Caspian route".into() }).unwrap();
    assert_eq!(found("topic:\"Средний коридор\""), 5);
    let route = archive.find_tag(TagKind::Topic, "Trans-Caspian route").unwrap().unwrap();
    assert_eq!(route.names.get("ru").map(String::as_str), Some("Средний коридор"));
    let Some(Edit::NameTag { language, name, .. }) = named.undo else { panic!("an undo") };
    archive.apply(Edit::NameTag { tag: route, language, name }).unwrap();
    assert_eq!(found("topic:\"Средний коридор\""), 0);
}

/// Kazakh has no stemmer: its words are learned by their beginnings too, so a new clipping
/// whose words carry other endings than the examples' is still offered the topic.
#[test]
fn a_topic_is_learned_in_kazakh_from_word_beginnings() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(&tmp.path().join("archive")).unwrap();
    let corridor = [
        "Ақтау порты кеңейеді\n\nАқтау портында контейнерлер терминалы салынады. Каспий арқылы тасымалданатын жүктер көбейді.",
        "Транзит өсті\n\nҚытайдан Еуропаға баратын транзиттік жүктер Ақтау және Құрық порттары арқылы өтеді.",
        "Паромдар келді\n\nКаспий теңізіндегі паромдар Бакуге контейнерлерді жеткізеді. Порттағы жүктер кезегі азайды.",
        "Контейнер пойыздары\n\nҚытайдан шыққан контейнер пойыздары Ақтауға жетті, жүктер паромға тиелді.",
        "Транскаспий бағыты\n\nТранскаспий бағыты бойынша транзиттік тасымал жоспардан асты, Құрық порты жұмысын арттырды.",
    ];
    let other = [
        "Театр маусымы\n\nАстанадағы опера театры жаңа маусымды ашты. Көрермендер қол шапалақтады.",
        "Ауа райы\n\nСиноптиктер демалыс күндері жаңбыр мен салқын ауа райын болжайды.",
        "Футбол\n\nҰлттық құрама жолдастық кездесуде қонақтарға жеңілді.",
        "Мұражай көрмесі\n\nМұражай ежелгі қорғандардан табылған әшекейлер көрмесін ашты.",
        "Нан бағасы\n\nНаубайханалар ұн қымбаттағандықтан нан бағасын көтерді.",
        "Жаңа мектеп\n\nШағын ауданда мың оқушыға арналған мектеп ашылды.",
    ];
    let ids: Vec<ClippingId> = corridor.iter().enumerate().map(|(i, t)| paste(&archive, &format!("k{i}"), t)).collect();
    let others: Vec<ClippingId> = other.iter().enumerate().map(|(i, t)| paste(&archive, &format!("o{i}"), t)).collect();
    let topic = tags::resolve(TagKind::Topic, "Орта дәліз").unwrap();
    archive.apply(Edit::AddTag { tag: topic.clone(), ids: ids.clone() }).unwrap();
    archive.apply(Edit::MarkDone(ids.into_iter().chain(others).collect())).unwrap();
    // Other endings: "порттарынан", "контейнерлермен", "жүктерін", "паромдарға".
    let new = paste(
        &archive,
        "new",
        "Жаңа паромдар\n\nҚұрық порттарынан паромдарға контейнерлермен тиелген транзиттік жүктерін Бакуге жібереді.",
    );
    let c = archive.get(new).unwrap();
    assert_eq!(c.language, "kk");
    let found = archive.suggestions(new).unwrap().into_iter().find(|s| s.tag.key() == topic.key());
    assert!(found.is_some_and(|s| s.note == "like 5 clippings tagged Орта дәліз"));
}
