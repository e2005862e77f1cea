# Clippings: терезе хабарламалары қазақ тілінде.

## Top bar
search-label = Іздеу
search-hint-short = сөздер, country:BE, date:2024
search-hint = сөздер, "тіркес", a OR b, -алып тастау, country:BE, topic:energy, lang:kk, date:2024-01..2024-03
search-clear = Іздеуді тазарту
order-label = Реті
order-hover = Нәтижелердің реті
view-grid = Нобайлар
view-grid-hover = Кішірейтілген суреттер
view-list = Тізім
view-list-hover = Бағандары бар кесте
thumb-size-label = Өлшемі
thumb-size-hover = Нобай өлшемі
export-button = Экспорттау…
export-button-hover = { $n } материалды сипаттамасымен бірге бумаға көшіру
language-menu = Тіл
language-system = Жүйедегідей ({ $language })
import-menu = Импорттау
import-files = Файлдар…
import-folder = Бума…
import-tag-countries = Табылған елдерді тегтеу
import-tag-countries-hover = Мәтіннен табылған елдер бірден тегке айналады, сондықтан country:BE оларды импорттан кейін бірден табады; әйтпесе олар сіз қабылдағанша ұсыныс болып тұрады

## Search help
help-title = Қалай іздеу керек
help-words = екі сөз де, кез келген түрде (дәліздер, Қазақстанның)
help-prefix = терілген сөз осы сөзден басталатын сөздерді де табады
help-phrase = осы сөздер бірге және осы ретпен
help-or = сөздердің кез келгені
help-group = фотосуреттер немесе Қазақстан туралы материалдар, орыс тіліндегілерден басқа
help-not = осы сөзі бар материалдарды алып тастау
help-country = ел тегі, коды немесе атауы бойынша (Belgium, Бельгия)
help-topic = тақырып тегі
help-event = оқиға тегі
help-not-tag = осы тегі бар материалдарды алып тастау
help-source = басылым
help-kind = тек фотосуреттер (kind:article — тек мақалалар)
help-lang = осы тілдегі материалдар
help-date = осы айларда жарияланған (не түсірілген); сондай-ақ date:2024
help-imported = сондай-ақ imported:today, imported:last-30-days
help-trash = себеттен іздеу
help-order = Алдымен ең сәйкестері; басқа ретті іздеу жолының жанынан таңдаңыз.

## Kinds, orders, layouts
n-clippings = { $n ->
    [one] { $n } материал
   *[other] { $n } материал
}
sort-relevance = Сәйкестігі бойынша
sort-newest = Алдымен жаңалары
sort-oldest = Алдымен ескілері
sort-title = Атауы бойынша
layout-flat = Бір бума
layout-country = Әр елге бөлек бума
layout-topic = Әр тақырыпқа бөлек бума
layout-event = Әр оқиғаға бөлек бума
layout-month = Әр айға бөлек бума
tag-kind-country = ел
tag-kind-topic = тақырып
tag-kind-event = оқиға
tag-kind-countries = Елдер
tag-kind-topics = Тақырыптар
tag-kind-events = Оқиғалар
kind-article = Мақала
kind-photo = Фотосурет

## Sidebar
sidebar-library = Кітапхана
sidebar-all = Барлық материал ({ $n })
sidebar-articles = Мақалалар
sidebar-photos = Фотосуреттер
sidebar-imported-today = Бүгін қосылғандар
sidebar-imported-week = Осы аптада қосылғандар
sidebar-trash = Себет ({ $n })
sidebar-inbox = Кіріс ({ $n })
sidebar-inbox-hover = Әлі қаралмаған жаңа материалдар, тег ұсыныстарымен. Қарап шыққан соң белгілеп, D («Дайын») пернесін басыңыз.
sidebar-filter-tags = Тегтерді сүзу
sidebar-filter-tags-hint = тегті іздеу
sidebar-no-tags = бұл нәтижелерде жоқ
sidebar-no-match = сәйкестік жоқ

## Tags
tag-remove = «{ $name }» тегін алып тастау
tag-kind-label = Түрі
tag-add-label = Тег қосу
tag-add-hint = атауы, содан кейін Enter

## Browser
cancel = Бас тарту
close = Жабу
rules-title = Ережелер
rules-explained = Ереже — іздеу және ол қоятын тегтер. Әр импорт (файлдар, сілтемелер, пошта) әкелгеніне барлық ережені қолданады.
rules-none = Әзірге ереже жоқ.
rules-line = егер { $when } — { $tags } (қазір { $n } табады)
rules-apply = Қолдану
rules-apply-hover = Қазір табылған { $n } материалға тег қою (Ctrl+Z болдырмайды)
rules-remove = Жою
rules-name = Атауы
rules-name-hint = сутегі
rules-when = Қашан
rules-when-hint = іздеу: сутегі OR водород, keyword:күн …
rules-tags = Тегтер
rules-tags-hint = topic:энергетика, country:KZ, event:Астана форумы
rules-finds = Қазір { $n } материал табады
rules-counting = Санап жатыр…
rules-save = Ережені сақтау
rules-saved = «{ $name }» ережесі сақталды: импорт оны енді қолданады
rules-removed = «{ $name }» ережесі жойылды; қойылған тегтер қалады
trash-title = Себет
trash-explained = Материалды оның панелінен қалпына келтіруге болады; себет тазартылғанда оның файлдары да жойылады.
trash-delete-for-good = { $n } материалды біржола жою
trash-empty-button = Себетті тазарту…
trash-is-empty = Себет бос
trash-is-empty-explained = Жойылған материалдар себет тазартылғанша осында сақталады.
archive-empty = Мұрағат әзірге бос
archive-empty-explained = Мақалаларды ({ $articles }) және фотосуреттерді ({ $photos }) осында сүйреп әкеліңіз, «Импорттау» мәзірін пайдаланыңыз немесе мәтінді Ctrl+V арқылы қойыңыз.
no-match = Ештеңе табылмады
no-match-countries-suggested = Мәтіннен табылған елдер қабылданғанша ұсыныс болып қала береді: оларды материал панелінде немесе бірнеше материал үшін топтық панельде қабылдаңыз. «Импорттау › Табылған елдерді тегтеу» параметрі келесі импорттарда оларды бірден тегтейді.
no-match-sidebar-filters = Бүйір панелінде таңдалған сүзгілер де нәтижелерді тарылтады: оларды алып тастау үшін қайта басыңыз.
no-match-fewer-words = Азырақ сөзбен немесе сөздің басымен іздеп көріңіз.
column-title = Атауы
column-date = Күні
column-source = Басылым
column-countries = Елдер
column-kind = Түрі
column-topics = Тақырыптар
column-events = Оқиғалар
sorted-ascending = Өсу ретімен
sorted-descending = Кему ретімен
imported-on = қосылған күні { $date }

## Detail pane
not-a-date = «{ $date }» күн емес: 2024-06-01 түрінде жазыңыз
bulk-selected = { $n } материал таңдалды
bulk-counting = Таңдалғандар саналуда…
bulk-restore = { $n } материалды қалпына келтіру
bulk-tags-explained = Барлығына тег қосыңыз немесе барлығынан тегті алып тастаңыз.
bulk-accept-countries = Таңдалған { $n } материал үшін ұсынылған елдерді қабылдау
bulk-accept-topics = Таңдалған { $n } материал үшін ұсынылған тақырыптарды қабылдау
bulk-accept-events = Таңдалған { $n } материал үшін ұсынылған оқиғаларды қабылдау
bulk-suggest = Таңдалған { $n } материалға тег ұсыну
bulk-suggest-hover = Олардың мәтінін қайта оқу
bulk-more-tags = және тағы { $n }…
bulk-fewer-tags = Азырақ көрсету
bulk-review = Солардан шолу…
bulk-export = Оларды экспорттау…
move-to-trash = Себетке тастау
move-to-trash-hover = Жою (Ctrl+Z арқылы болдырмауға болады)
missing-cjk-font = Қытай, жапон және корей әріптері шаршы болып көрінеді: бұл компьютерде олардың қарпі жоқ. Қаріпті орнатыңыз (Debian не Ubuntu жүйесінде: sudo apt install fonts-noto-cjk) және Clippings бағдарламасын қайта іске қосыңыз.
missing-cjk-font-windows = Қытай, жапон және корей әріптері шаршы болып көрінеді: бұл компьютерде олардың қарпі жоқ. Тілді Параметрлер › Уақыт және тіл › Тіл және аймақ бөлімінде қосыңыз (Windows оның қаріптерін бірге орнатады), содан кейін Clippings бағдарламасын қайта іске қосыңыз.
restore-from-trash = Себеттен қалпына келтіру
field-title = Атауы
field-source = Басылым
field-source-hint = БАҚ
field-author = Авторы
field-date = Күні
field-date-hint = ЖЖЖЖ-АА-КК
field-notes = Ескертпелер
tags-title = Тегтер
no-tags-yet = әзірге тег жоқ
details-title = Толығырақ
fact-url = Веб-мекенжайы
fact-language = Тілі
fact-file = Файл
fact-format = Пішімі
fact-format-value = { $format } · { $kb } КБ
fact-pixels = Пиксельмен өлшемі
fact-taken = Түсірілген уақыты
fact-camera = Камера
fact-caption = Сурет жазуы
fact-credit = Фото авторы
fact-copyright = Авторлық құқық
fact-keywords = Кілт сөздер
inbox-done = Дайын (D)
inbox-done-hover = Қаралды: кірістен алу. Оның тегтері және жоқ тегтері ұсыныстарды үйретеді.
inbox-done-n = Дайын: кірістен { $n } материалды алу
fact-gps = GPS
fact-imported = Қосылған уақыты
left-out-of-text = Мәтінге кірмеді (сайт элементтері):
loading = жүктелуде…
photo-hover = Ctrl+дөңгелек — масштаб, сүйреу — жылжыту, екі рет басу — сыйдыру
suggested-title = Ұсынылғандар
suggest-again = Қайта ұсыну
suggest-again-hover = Елдерді, оқиғаларды және тақырыптарды табу үшін мәтінді қайта оқу
accept-all = Барлығын қабылдау
nothing-to-suggest = ұсыныс жоқ
accept-tag = «{ $name }» қабылдау
dismiss-tag = «{ $name }» қабылдамау
note-mentioned-once = бір рет аталған
note-mentioned-in-passing = жанама аталған
note-first-paragraph = бірінші абзацта
note-headline = тақырыпта
note-dateline = орны мен күні жолында
note-photo-place = түсірілген жері
note-like-tagged = «{ $name }» тегі бар { $n } материал сияқты
note-mentioned-times = { $n } рет аталған

## Status bar and windows
scans-read = Мәтін оқылды: { $n } скан, енді олар мақала.
scans-failed = Оқылмады: { $n } ({ $reason })
scans-unreadable = Фотосуреттер мен скандар сурет ретінде сақталды, мәтіні оқылмады: { $reason }
status-reading-scans = Мәтін оқылуда: { $done } / { $total }
status-reading-scans-hover = Басылған беттердің фотосуреттері мен скандары мәтін ретінде танылады (OCR), әр ядроға бір бет
status-reading-scans-cancel = Тоқтату: оқылғандары мәтінін сақтайды, қалғандары сурет болып қалады
detail-reading-text = Мәтін оқылуда…
status-importing = Импорттау: { $total } ішінен { $done }
status-exporting = Экспорттау: { $total } ішінен { $done }
status-cancel-export = Экспорттан бас тарту
status-indexing = Іздеу үшін индекстеу: { $total } ішінен { $done }
status-indexing-hover = Аяқталғанша іздеу тек индекстелгенді ғана табады
status-adding-tag = «{ $tag }» тегі ({ $kind }) { $n } материалға қосылуда…
status-removing-tag = «{ $tag }» тегі ({ $kind }) { $n } материалдан алынуда…
status-shown-of = { $n } материалдың { $shown }
status-cards = · карточкалар: { $n }
status-selected = · таңдалды: { $n }
open-locked = Бұл мұрағат қазір ашық
open-failed = Мұрағатты ашу мүмкін емес
open-locked-explained = Clippings бағдарламасының басқа терезесін жабыңыз: мұрағат босағанда бұл терезе өзі ашылады.
try-again = Қайталау
import-finished = Импорт аяқталды
import-count-imported = қосылды: { $n }
import-count-duplicates = қайталанатындар: { $n }
import-count-failed = қателер: { $n }
import-count-skipped = өткізілді: { $n }
import-count-restored = қалпына келтірілді: { $n }
import-count-cancelled = тоқтатылды: { $n }
import-nothing = импорттайтын ештеңе жоқ
import-skipped-because = өткізілді: { $reason }
import-duplicate-of = { $id } «{ $title }» материалының көшірмесі
import-restored = { $id } «{ $title }» материалының жетіспейтін файлдары қалпына келтірілді
import-cancelled = тоқтатылды
export-title = Материалдарды экспорттау
export-explained = { $n } материалды әрқайсысын .json сипаттама файлымен (фотоларды .xmp файлымен де), clippings.csv тізімін және браузерде қарауға арналған index.html бетін көшіру.
export-folder = Бума
export-choose = Таңдау…
export-folder-hint = қайда экспорттау
export-layout = Құрылымы
export-start = Экспорттау
export-finished = Экспорт аяқталды
export-summary = { $n } материал экспортталды: { $files } түпнұсқа .json сипаттама файлдарымен (фотолар .xmp файлдарымен де), clippings.csv тізімімен және index.html бетімен, { $dest } бумасында
export-was-cancelled = Экспорт аяқталмай тұрып тоқтатылды.
export-already-there = Бумада бұрыннан { $n } нысан бар еді: ештеңе қайта жазылған жоқ, жаңа файлдар басқа атаулармен сақталды.
export-failed-clipping = { $id } материал: { $reason }
open-folder = Буманы ашу
undo = Болдырмау
drop-wait = Импорт жүріп жатыр: аяқталуын күтіңіз
drop-to-import = { $n } нысанды импорттау үшін жіберіңіз

## Changes (toasts)
nothing-to-undo = Болдырмайтын ештеңе жоқ
paste-wait = Импорттың аяқталуын күтіп, қайта қойыңыз
pasted-name = Қойылған { $stamp }
dialog-import-title = Clippings бағдарламасына импорттау
dialog-filter-supported = Мақалалар мен фотосуреттер
dialog-filter-all = Барлық файлдар
dialog-export-title = Бумаға экспорттау
edit-failed = Әрекет орындалмады ({ $what }): { $error }
edit-what-add-tag = тег қосу
edit-what-remove-tag = тегті алып тастау
edit-what-rename-tag = тегтің атын өзгерту
edit-what-name-tag = тегке ат беру
edit-what-save = сақтау
edit-what-trash = себетке тастау
edit-what-restore = қалпына келтіру
edit-what-inbox = кірісті өзгерту
edit-what-empty-trash = себетті тазарту
edit-what-accept = ұсыныстарды қабылдау
edit-what-dismiss = ұсынысты қабылдамау
edit-what-suggest = тег ұсыну
edit-what-setting = параметрді өзгерту
edit-tag-added = «{ $tag }» тегі ({ $kind }) { $n } материалға қосылды
edit-tag-removed = «{ $tag }» тегі ({ $kind }) { $n } материалдан алынды
edit-tag-renamed = «{ $old }» тегінің ({ $kind }) аты «{ $new }» болып өзгерді
edit-tag-named = { $tag }: «{ $language }» тілінде «{ $name }»
edit-tag-unnamed = { $tag } тегінің «{ $language }» тіліндегі өз аты жоқ
tag-name-in = «{ $language }» тілінде атау…
tag-name-label = «{ $language }» тіліндегі аты
edit-saved = Сақталды: «{ $title }»
edit-trashed = { $n } материал себетке тасталды
edit-restored = { $n } материал қалпына келтірілді
edit-marked-done = { $n } материал кірістен алынды
edit-back-in-inbox = { $n } материал кіріске қайтарылды
edit-deleted = { $n } материал біржола жойылды
edit-accepted-tag = «{ $tag }» тегі ({ $kind }) қабылданды
edit-accepted-countries = Ұсынылған елдер қабылданды: { $n } тег қосылды
edit-accepted-topics = Ұсынылған тақырыптар қабылданды: { $n } тег қосылды
edit-accepted-events = Ұсынылған оқиғалар қабылданды: { $n } тег қосылды
edit-accepted-all = Ұсынылған тегтер қабылданды: { $n } тег қосылды
edit-suggested = Тексеруге { $n } ұсыныс
edit-setting-tag-countries = Импорт кезінде табылған елдер бірден тегтеледі
edit-setting-suggest-countries = Импорт кезінде елдер тек ұсынылады

## Worker errors (the details after the colon come from the archive, in English)
worker-cannot-start = Жұмыс ағынын іске қосу мүмкін болмады: { $error }
worker-internal-error = Ішкі қате әрекетті тоқтатты: { $error }
worker-index-backlog = Іздеу индексінің кезегін оқу мүмкін болмады: { $error }
worker-index-build = Іздеу индексін құру мүмкін болмады: { $error }
worker-index-start = Индекстеуді бастау мүмкін болмады: { $error }
worker-read-tags = Тегтерді оқу мүмкін болмады: { $error }
worker-search = Іздеу қатесі: { $error }
worker-read-archive = Мұрағатты оқу мүмкін болмады: { $error }
worker-reread-archive = Мұрағатты қайта оқу мүмкін болмады: { $error }
worker-pasted-image = Қойылған суретті оқу мүмкін болмады: { $error }
worker-paste = Қойылғанды импорттау мүмкін болмады: { $error }
worker-show-photo = Фотосуретті көрсету мүмкін болмады: { $error }
open-with-system-failed = { $path } ашу мүмкін болмады: { $error }
show-in-folder-failed = { $path } файлын өз қалтасында көрсету мүмкін болмады: { $error }
worker-original-missing = «{ $title }» түпнұсқасы архив сақтайтын жерде жоқ: { $path }
worker-import-stopped = Импорт тоқтады: { $error }
worker-import-start = Импортты бастау мүмкін болмады: { $error }
worker-export-failed = Экспорт қатесі: { $error }
worker-export-start = Экспортты бастау мүмкін болмады: { $error }

## Saved searches
saved-title = Сақталған іздеулер
saved-new = жаңа: { $n }
saved-rename = Атын өзгерту…
saved-move-up = Жоғары жылжыту
saved-move-down = Төмен жылжыту
saved-delete = Жою
saved-none = әзірге жоқ: іздеп, оны осында сақтаңыз
saved-save = Осы іздеуді сақтау…
saved-save-hover = Іздеу сөздерін, бүйір панеліндегі сүзгілерді және ретті атаумен сақтау
saved-name-label = Атауы
saved-name-hint = атауы, содан кейін Enter
edit-what-save-search = іздеуді сақтау
edit-what-remove-search = сақталған іздеуді жою
edit-what-rename-search = сақталған іздеудің атын өзгерту
edit-what-move-search = сақталған іздеуді жылжыту
edit-what-open-search = сақталған іздеуді ашу
edit-search-saved = «{ $name }» іздеуі сақталды
edit-search-removed = «{ $name }» сақталған іздеуі жойылды
edit-search-renamed = «{ $old }» атауы «{ $new }» болып өзгертілді
worker-read-saved = Сақталған іздеулерді оқу мүмкін болмады: { $error }

## Export folder names
export-localized = Ел бумаларын мына тілде атау: { $language }
export-no-country = Елсіз
export-no-topic = Тақырыпсыз
export-no-event = Оқиғасыз

## The press review document
review-default-title = Баспасөз шолуы
review-period = { $from } – { $to }
review-period-from = { $date } бастап
review-period-until = { $date } дейін
review-made-on = Құрастырылған күні: { $date }
review-summary = { $outlets } басылымнан { $stories } материал
review-summary-stories = { $stories } материал
review-contents = Мазмұны
review-also-in = Сондай-ақ
review-source = Дереккөз
review-page-of = { $pages } беттің { $page }-беті
review-photo-credit = Фото: { $credit }
review-no-country = Елі көрсетілмеген
review-no-topic = Тақырыбы жоқ
review-no-event = Оқиғасы жоқ
review-no-outlet = Басылымы белгісіз
review-no-date = Күні жоқ

## The press review dialog
review-button-short = Шолу…
review-button = Баспасөз шолуы…
review-button-hover = Баспасөз шолуын жасау (PDF, Word немесе веб-бет): { $n } материал
review-dialog-title = Баспасөз шолуы
review-of-saved = «{ $name }» сақталған іздеуі ({ $what })
review-scope-label = Неден
review-of-selection = Таңдалғандар ({ $what })
review-of-results = Барлық нәтиже ({ $what })
review-title-label = Тақырыбы
review-organisation-label = Ұйым
review-organisation-hint = Елшілік, министрлік, компания…
review-period-label = Кезең
review-date-hint = ЖЖЖЖ-АА-КК
review-date-invalid = Күнді былай жазыңыз: 2026-11-30
review-period-today = Бүгін
review-period-week = 7 күн
review-period-month = Осы ай
review-period-all = Барлығы
review-group-label = Бөлімдер
review-group-country = елдер бойынша
review-group-topic = тақырыптар бойынша
review-group-event = оқиғалар бойынша
review-group-outlet = басылымдар бойынша
review-group-day = күндер бойынша
review-order-hint = Бөлімдердің реті:
review-move-up = Жоғары
review-move-down = Төмен
review-text-label = Мәтін
review-text-full = Толық
review-text-words = Алғашқы сөздер:
review-text-cap = ең көбі
review-text-cap-words = сөз әр материалға
review-text-cut = Мәтін қысқартылды: { $total } сөздің { $shown } сөзі; толық мәтін мұрағатта сақталған.
review-paper-label = Қағаз
review-paper-letter = Letter
review-include-label = Қосу
review-pictures = Суреттер
review-coverage = Баспасөздегі жарияланымдар
review-coverage-per-day = Күндер бойынша материалдар, { $by } бойынша
review-coverage-per-week = Апталар бойынша материалдар, { $by } бойынша
review-coverage-per-month = Айлар бойынша материалдар, { $by } бойынша
review-coverage-total = { $clippings } материал
review-coverage-other = Басқалар
review-coverage-outlets = Ең көп жазған басылымдар
review-coverage-more-outlets = және тағы { $n } басылым
review-coverage-page = Жарияланымдар беті
review-coverage-page-hover = Мазмұннан кейін: күн, апта немесе ай бойынша материалдар диаграммасы және ең көп жазған басылымдар
review-format-label = Пішім
review-format-pdf = PDF
review-format-docx = Word (.docx)
review-format-html = Веб-бет (.html)
review-file-label = Сақтау
review-choose = Таңдау…
review-make = Шолу жасау
review-preview-hover = Шолудың беттері беттелген күйінде
review-preview-previous = Алдыңғы бет
review-preview-next = Келесі бет
review-preview-summary = { $pages } бет, { $stories } материал
review-making = Шолу жасалуда: { $total } ішінен { $done }
review-finished = Сақталды: { $name } ({ $stories } материал).
review-open = Ашу
review-show-folder = Қалтада көрсету
review-close = Жабу
review-cancelled = Шолу жасау тоқтатылды.
review-failed = Шолуды жасау мүмкін болмады: { $error }
dialog-review-title = Баспасөз шолуын сақтау

## Reprints
also-in = Сондай-ақ: { $list }
reprints-title = Қайта басылымдар ({ $n })
reprint-no-outlet = Басылымы белгісіз
sidebar-collapse-reprints = Бір сюжетке бір карточка
sidebar-collapse-reprints-hover = Бірнеше басылым қайта басқан материал бір рет, ең алғашқы нұсқасымен көрсетіледі; қалғандары соның астында тізіледі

# Why a file was not imported; what in a search is probably a mistake.
import-error-unsupported = бұл формат қолдау көрсетілмейді (мақалалар мен фотосуреттер импортталады)
import-error-unsupported-photo = { $format } фотосуреттеріне қолдау көрсетілмейді: алдымен оларды JPEG пішімінде сақтаңыз немесе экспорттаңыз
import-error-empty = бос файл
import-error-not-a-file = бұл кәдімгі файл емес (арна, құрылғы немесе сокет)
import-error-read = файлды оқу мүмкін болмады: { $error }
import-error-in-use = файл басқа бағдарламада ашық: оны сонда жауып, қайта импорттаңыз
import-error-bad-image = файл { $format } кескіні емес немесе зақымдалған: { $reason }
import-error-too-many-pixels = кескін өлшемі { $size } пиксель ({ $megapixels } Мп), шегі — { $limit } Мп
import-error-too-much-memory = кескінді ашу үшін { $needed } МБ жад қажет, шегі — { $limit } МБ
import-error-too-large = файл көлемі { $size } МБ, ал мұндай материал үшін шегі — { $limit } МБ
import-error-no-text = мәтіндік файлда мәтін жоқ
import-error-bad-text = мәтінді оқу мүмкін болмады: { $reason }
import-error-store = материалды сақтау мүмкін болмады: { $error }
import-error-decoder-panic = бұл файлды оқығанда декодер істен шықты
import-error-same-address = бұл мекенжай осы топта тағы бар
import-error-empty-message = хатта мәтін де, тіркеме де жоқ
fetch-error-not-an-address = «{ $text }» веб-мекенжай емес
fetch-error-scheme = { $scheme }: мекенжайлары жүктелмейді, тек http және https
fetch-error-connect-timeout = { $secs } с ішінде қосылу мүмкін болмады
fetch-error-timed-out = { $secs } с өтті, күту уақыты бітті
fetch-error-too-large = { $limit } МБ-тан үлкен
fetch-error-redirect-loop = қайта бағыттау шеңбер бойымен жүр
fetch-error-too-many-redirects = { $limit } қайта бағыттаудан көп
fetch-error-status = сервер { $status } деп жауап берді
fetch-error-host-not-found = { $host } атты сервер табылмады
fetch-error-tls = қорғалған байланыс орнамады: { $detail }
fetch-error-connection = байланыс орнамады: { $detail }
fetch-error-cancelled = тоқтатылды
import-check-mail = Поштаны қазір тексеру
import-check-mail-hover = Пошта жәшіктері `clippings mail add` командасымен қосылады; терезе ашық тұрғанда олар әр 5 минут сайын тексеріледі
import-rules = Ережелер…
import-rules-hover = Әр импортқа тег қоятын іздеулер: «сутегі» энергетика тақырыбын береді
import-links = Сілтемелер…
import-links-hover = Беттер, PDF және фотосуреттер мекенжайы бойынша; терезеге сілтеме қою да осыны істейді
link-prompt-title = Беттерді мекенжайы бойынша импорттау
link-prompt-explained = Мекенжайларды жолына біреуден енгізіңіз немесе қойыңыз (https://…). Әр бет, PDF немесе фотосурет жүктеліп, алынған күйінде сақталады және оқылады; оның мекенжайы да сақталады. Мұрағатта бар мекенжай қайта жүктелмейді.
link-prompt-import = Осы беттерді импорттау
link-prompt-not-an-address = «{ $text }» веб-мекенжай емес (http:// немесе https://).
status-mail-checking = Тексерілуде: пошта жәшігі { $name }…
status-mail-checked = Пошта жәшігі { $name }: { $n ->
    [0] жаңа ештеңе жоқ
   *[other] { $n } жаңа үзінді
}, { $time }
status-mail-failed = Пошта жәшігі { $name } тексерілмеді
mail-no-password = құпиясөз жоқ: жүйелік құпиясөз қоймасында жоқ немесе оның айнымалысы берілмеген
mail-error-address = «{ $text }» пошта серверінің мекенжайы емес: imaps://host немесе imap://host:port деп жазыңыз
mail-error-connect = { $server } серверіне қосылу мүмкін болмады: { $detail }
mail-error-login = сервер пайдаланушы атын немесе құпиясөзді қабылдамады
mail-error-no-folder = серверде «{ $name }» қалтасы жоқ
mail-error-refused = сервер жауабы: { $detail }
mail-error-io = байланыс орнамады: { $detail }
mail-error-protocol = сервердің жауабы түсініксіз: { $detail }
hint-unknown-country-near = «{ $value }» деген ел жоқ. «{ $name }» деп айтқыңыз келді ме?
hint-unknown-country = «{ $value }» деген ел жоқ: кодын (BE) немесе атауын жазыңыз.
hint-not-a-date = «{ $value }» — күн емес: date:2024, date:2024-03, date:2024-03-05 немесе date:2024-01..2024-03 деп жазыңыз.
hint-not-an-import-time = imported:{ $value } шарты түсініксіз: imported:today, this-week, last-30-days немесе күнді жазыңыз.
hint-not-a-kind = kind:{ $value } шарты түсініксіз: kind:photo немесе kind:article деп жазыңыз.
hint-not-a-filter = { $field }: сүзгі емес. { $nearest }:{ $value } деп айтқыңыз келді ме?
hint-unclosed = Жақша жабылмаған: ол сұраудың соңында жабылған деп саналады.
hint-never-both = Ешбір материал бір мезгілде { $first } және { $second } бола алмайды. Мүмкін, { $first } OR { $second } дегіңіз келді ме?

# Errors of the archive, as the window words them (ui::archive_error_text).
archive-error-locked = { $path } мұрағаты Clippings-тің басқа терезесінде немесе командасында ашық
archive-error-read-only = { $path } мұрағатына мұнда жазу мүмкін емес (диск не қалта тек оқуға арналған)
archive-error-open = { $path } мұрағатын ашу мүмкін болмады: { $reason }
archive-error-newer = мұрағатты Clippings-тің жаңарақ нұсқасы жазған: оны ашу үшін Clippings-ті жаңартыңыз
archive-error-damaged = мұрағаттың дерекқоры бүлінген ({ $detail }): «clippings check» іске қосыңыз немесе сақтық көшірмені қалпына келтіріңіз
archive-error-io = { $path }: { $reason }
archive-error-disk-full = диск толы: { $needed } МБ керек, { $free } МБ бос
archive-error-no-clipping = бұл материал мұрағатта енді жоқ
archive-error-unknown-country = белгісіз ел «{ $value }»
archive-error-empty-tag = тег бос
archive-error-meaningless-tag = «{ $value }» ішінде әріп те, сан да жоқ
archive-error-no-tag = «{ $value }» тегі жоқ
archive-error-no-saved-search = «{ $name }» сақталған іздеуі жоқ
archive-error-language-code = «{ $value }» тіл коды емес: екі-үш әріп, мысалы ru, kk немесе fr
archive-error-no-rule = «{ $name }» ережесі жоқ
archive-error-incomplete-rule = ережеге атау, бірдеңе табатын іздеу және қосылатын тег керек
archive-error-saved-search-exists = «{ $name }» деген сақталған іздеу бар
archive-error-saved-search-name = сақталған іздеудің аты болуы керек
archive-error-index = іздеу индексін қолдану мүмкін болмады ({ $reason }); ол қайта құрылады
archive-error-export-into-archive = экспорт қалтасы мұрағаттың ішінде: басқасын таңдаңыз
archive-error-unreachable = { $place } ортақ мұрағатына қосылу мүмкін емес ({ $reason }); бұл компьютер соңғы көргені көрсетіледі
archive-error-refused = ортақ мұрағат бас тартты: { $reason }
archive-error-team = ортақ мұрағат: { $detail }
archive-error-stale = { $who } осы уақытта бұл материалды өзгертті: жаңа нұсқасы көрсетілді, сіздің мәтініңіз қайта қолдану үшін сақталды
archive-error-password-needed = ортақ мұрағат { $who } пайдаланушысының құпиясөзін сұрайды
archive-error-password-refused = ортақ мұрағат { $who } пайдаланушысының құпиясөзін қабылдамады
open-password = Құпиясөз
open-connect = Қосылу
open-remember-password = Жүйелік кілттер қоймасында сақтау
keyring-failed = құпиясөзді жүйелік кілттер қоймасында сақтау мүмкін болмады: { $error }
keyring-none = бұл компьютерде жүйелік кілттер қоймасы жауап бермейді
read-only-reader = сіз бұл ортақ мұрағатты оқи аласыз, бірақ өзгерте алмайсыз: әкімші сізді редактор ете алады
read-only-unreachable = ортақ мұрағатқа қосылу мүмкін емес: қосылғанша ештеңені өзгертуге болмайды
status-read-only = тек оқу
confirm-trash-title = { $n } материалды себетке жылжыту керек пе?
confirm-trash-explained = Олар себет тазаланғанша сонда қалады, ал Ctrl+Z оларды қайтарады.
confirm-trash-yes = Себетке жылжыту ({ $n })
detail-nothing-selected = Ештеңе таңдалмаған
detail-how-to-select = Материалды осында көріп, өзгерту үшін оны басыңыз. Ctrl+басу немесе Shift+басу бірнешеуін, Ctrl+A барлық нәтижені таңдайды; содан кейін оларды бірге тегтеуге, шолуға қосуға немесе экспорттауға болады.
detail-nothing-to-select = Импортталған немесе табылған материалдар терезенің ортасында шығады: біреуін осында көру үшін басыңыз.
detail-stale-mine = Сіздің өзгерісіңіз сақталмады (бұл материалды біреу бұрын өзгертті):
detail-stale-apply = Менікін қайта қолдану
detail-stale-discard = Олардікін қалдыру
history-imported = импорттаған: { $who }, { $date }
history-tagged = тег қосқан: { $who }, { $date }
history-untagged = тегті алып тастаған: { $who }, { $date }
history-edited = өзгерткен: { $who }, { $date }
team-imported = { $who } { $n } материал импорттады
team-tagged = { $who } { $n } материалға тег қосты
team-untagged = { $who } { $n } материалдан тегті алып тастады
team-edited = { $who } { $n } материалды өзгертті
team-deleted = { $who } { $n } материалды біржола жойды
io-disk-full = диск толы
io-permission-denied = рұқсат жоқ
io-not-found = мұндай файл не қалта жоқ
io-in-use = файл басқа бағдарламада ашық

# A card's or a row's menu
menu-open-original = Түпнұсқаны ашу
menu-show-in-folder = Бумада көрсету
menu-copy-text = { $n ->
    [1] Мәтінді көшіру
   *[other] Мәтіндерді көшіру ({ $n })
}
menu-copy-references = { $n ->
    [1] Тақырыпты, басылымды және күнді көшіру
   *[other] Тақырыптарды, басылымдарды және күндерді көшіру ({ $n })
}
menu-tag = Тег қосу…
menu-review = Баспасөз шолуы…
menu-export = Экспорт…
menu-trash = { $n ->
    [1] Себетке
   *[other] Себетке ({ $n })
}
menu-restore = { $n ->
    [1] Қалпына келтіру
   *[other] Қалпына келтіру ({ $n })
}
copied-text = { $n ->
    [1] Мәтін көшірілді
   *[other] { $n } материалдың мәтіні көшірілді
}
copied-references = { $n ->
    [1] Тақырып көшірілді
   *[other] { $n } тақырып көшірілді
}

# Where no file dialog can be shown
path-prompt-title = Файл таңдау терезесі жоқ
path-prompt-explained = Clippings файл таңдау терезесін аша алмады: жұмыс үстелінің порталы (xdg-desktop-portal) немесе zenity керек (sudo apt install zenity). Әзірге импортталатын файлдардың немесе бумалардың жолын әр жолға біреуден енгізіңіз не қойыңыз, немесе оларды терезеге сүйреп әкеліңіз.
path-prompt-import = Осы жолдардан импорттау
path-prompt-missing = { $path } жолында ештеңе жоқ.
path-type-in-field = Файл таңдау терезесін көрсету мүмкін емес (zenity немесе xdg-desktop-portal орнатыңыз): жолды өріске енгізіңіз.
menu-copy-address = Веб-мекенжайды көшіру
menu-read-text = Мәтінді тану (OCR): { $n }
copied-address = Мекенжай көшірілді

# Why a text could not be read
text-problem-bom = байт реті белгісінен кейін { $format } кодтауы қате
text-problem-binary = мәтін емес, екілік деректер
text-problem-page = бетті оқу мүмкін емес ({ $detail })
text-problem-no-article = бетте мақала табылмады ({ $detail })
text-problem-document = құжат оқылмайды ({ $detail })
text-problem-missing-part = құжатта { $name } жоқ
text-problem-pdf-bomb = PDF мазмұны { $size } МБ-тан асып кетер еді (файл жадты толтыру үшін жасалған болуы мүмкін)
text-problem-pdf = PDF оқылмайды ({ $detail })
text-problem-pdf-text = PDF мәтінін оқу мүмкін емес ({ $detail })
text-problem-pdf-page = PDF-тің бірінші бетін салу мүмкін емес
text-problem-pdf-locked = PDF құпиясөзбен қорғалған: оның мәтінін оқу мүмкін емес
detail-locked = Құпиясөзбен қорғалған: PDF келген күйінде сақталды, бірақ оның мәтінін оқу немесе іздеу мүмкін емес. Оқу үшін түпнұсқаны құпиясөзімен ашыңыз.
detail-not-fetched = Жүктелмеді: бетті жүктеу мүмкін болмады, мұнда хабарламада ол туралы айтылғаны бар.

# The export's index.html
export-index-title = { $n } материал экспортталды
export-index-made = Clippings арқылы { $date } жасалды. Әр файлдың жанында ол туралы барлық мәлімет бар .json файлы жатыр (фотосуреттерде .xmp файлы да бар); clippings.csv файлында да сол тізім.
export-index-top-folder = Негізгі бумада
photo-enlarged = { $times } есе үлкейтілген: { $size } пиксель
outlet-unknown = басылым белгісіз

# The coverage view
view-coverage = Диаграмма
view-coverage-hover = Қамту: кезеңдер бойынша материалдар, елдер, тақырыптар, басылымдар бойынша…
coverage-by-label = Бойынша
coverage-per-label = кезең
coverage-by-country = елдер
coverage-by-topic = тақырыптар
coverage-by-event = оқиғалар
coverage-by-outlet = басылымдар
coverage-by-kind = түрлер
coverage-per-day = күн
coverage-per-week = апта
coverage-per-month = ай
coverage-dated-by-import = Өз күні жоқ материалдар ({ $n }) импортталған күні бойынша есептелді.
coverage-ungrouped = Ешбір топқа кірмеген материалдар ({ $by } бойынша): { $n }.
coverage-nothing = Бұл материалдардың ешқайсысында бұл белгі жоқ: { $by }.
coverage-top = Ең көп материал: { $by } бойынша
view-menu-hover = Нәтижелерді қалай көрсету: нобайлар, кесте немесе диаграммалар
export-coverage = Сондай-ақ coverage.csv: айлар бойынша саны
export-coverage-hover = clippings.csv жанында: әр айдағы материалдар саны елдер, тақырыптар, оқиғалар, басылымдар және түрлер бойынша
