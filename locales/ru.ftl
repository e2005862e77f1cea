# Clippings: сообщения окна на русском языке.

## Top bar
search-label = Поиск
search-hint-short = слова, country:BE, date:2024
search-hint = слова, "фраза", a OR b, -исключить, country:BE, topic:energy, lang:ru, date:2024-01..2024-03
search-clear = Очистить поиск
order-label = Порядок
order-hover = Порядок результатов
view-grid = Плитка
view-grid-hover = Миниатюры
view-list = Список
view-list-hover = Таблица со столбцами
thumb-size-label = Размер
thumb-size-hover = Размер миниатюр
export-button = Экспорт…
export-button-hover = { $n ->
    [one] Скопировать { $n } вырезку с описанием в папку
    [few] Скопировать { $n } вырезки с описаниями в папку
   *[other] Скопировать { $n } вырезок с описаниями в папку
}
language-menu = Язык
language-system = Как в системе ({ $language })
import-menu = Импорт
import-files = Файлы…
import-folder = Папка…
import-tag-countries = Отмечать найденные страны
import-tag-countries-hover = Страны, найденные в тексте, сразу становятся метками, и country:BE находит материалы сразу после импорта; иначе они ждут вашего подтверждения как предложения

## Search help
help-title = Как искать
help-words = оба слова в любой форме (коридоры, Казахстана)
help-prefix = набираемое слово находит и слова, которые с него начинаются
help-phrase = эти слова вместе и в этом порядке
help-or = любое из слов
help-group = фотографии или материалы о Казахстане, кроме русскоязычных
help-not = исключить вырезки с этим словом
help-country = метка страны, по коду или названию (Belgium, Бельгия)
help-topic = метка темы
help-event = метка события
help-not-tag = исключить вырезки с этой меткой
help-source = издание
help-kind = только фотографии (kind:article — только статьи)
help-lang = вырезки на этом языке
help-date = опубликовано (или снято) в эти месяцы; также date:2024
help-imported = также imported:today, imported:last-30-days
help-trash = искать в корзине
help-order = Сначала лучшие совпадения; другой порядок можно выбрать рядом с полем поиска.

## Kinds, orders, layouts
n-clippings = { $n ->
    [one] { $n } вырезка
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
sort-relevance = По релевантности
sort-newest = Сначала новые
sort-oldest = Сначала старые
sort-title = По заголовку
layout-flat = Одна папка
layout-country = Папка для каждой страны
layout-topic = Папка для каждой темы
layout-event = Папка для каждого события
layout-month = Папка для каждого месяца
tag-kind-country = страна
tag-kind-topic = тема
tag-kind-event = событие
tag-kind-countries = Страны
tag-kind-topics = Темы
tag-kind-events = События
kind-article = Статья
kind-photo = Фото

## Sidebar
sidebar-library = Библиотека
sidebar-all = Все вырезки ({ $n })
sidebar-articles = Статьи
sidebar-photos = Фотографии
sidebar-imported-today = Добавлены сегодня
sidebar-imported-week = Добавлены на этой неделе
sidebar-trash = Корзина ({ $n })
sidebar-inbox = Входящие ({ $n })
sidebar-inbox-hover = Новые вырезки, которые ещё не просмотрены, с подсказками меток. Выделите их и нажмите D («Готово»), когда просмотрите.
sidebar-filter-tags = Фильтр меток
sidebar-filter-tags-hint = найти метку
sidebar-no-tags = нет в этих результатах
sidebar-no-match = ничего не найдено

## Tags
tag-remove = Убрать «{ $name }»
tag-kind-label = Тип
tag-add-label = Добавить метку
tag-add-hint = название и Enter

## Browser
cancel = Отмена
close = Закрыть
rules-title = Правила
rules-explained = Правило — это поиск и метки, которые он ставит. Каждый импорт (файлы, ссылки, почта) применяет все правила к тому, что принёс.
rules-none = Правил пока нет.
rules-line = если { $when } — { $tags } (сейчас находит { $n })
rules-apply = Применить
rules-apply-hover = Поставить метки { $n } найденным вырезкам (Ctrl+Z отменит)
rules-remove = Удалить
rules-name = Имя
rules-name-hint = водород
rules-when = Когда
rules-when-hint = поиск: водород OR hydrogen, keyword:закат …
rules-tags = Метки
rules-tags-hint = topic:энергетика, country:KZ, event:Астанинский форум
rules-finds = Сейчас находит { $n ->
    [one] { $n } вырезку
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
rules-counting = Считаю…
rules-save = Сохранить правило
rules-saved = Правило «{ $name }» сохранено: импорт применяет его с этого момента
rules-removed = Правило «{ $name }» удалено; поставленные метки остаются
trash-title = Корзина
trash-explained = Вырезку можно восстановить из её панели; при очистке корзины удаляются и её файлы.
trash-delete-for-good = { $n ->
    [one] Удалить { $n } вырезку навсегда
    [few] Удалить { $n } вырезки навсегда
   *[other] Удалить { $n } вырезок навсегда
}
trash-empty-button = Очистить корзину…
trash-is-empty = Корзина пуста
trash-is-empty-explained = Удалённые вырезки хранятся здесь, пока корзина не очищена.
archive-empty = Архив пока пуст
archive-empty-explained = Перетащите сюда статьи ({ $articles }) и фотографии ({ $photos }), воспользуйтесь меню «Импорт» или вставьте текст сочетанием Ctrl+V.
no-match = Ничего не найдено
no-match-countries-suggested = Страны, найденные в тексте, остаются предложениями, пока вы их не примете: в панели вырезки или, для нескольких вырезок, в групповой панели. Параметр «Импорт › Отмечать найденные страны» ставит метки сразу при следующих импортах.
no-match-sidebar-filters = Фильтры, выбранные на боковой панели, тоже сужают результаты: щёлкните по ним ещё раз, чтобы снять.
no-match-fewer-words = Попробуйте меньше слов или начало слова.
column-title = Заголовок
column-date = Дата
column-source = Издание
column-countries = Страны
column-kind = Тип
column-topics = Темы
column-events = События
sorted-ascending = По возрастанию
sorted-descending = По убыванию
imported-on = добавлено { $date }

## Detail pane
not-a-date = «{ $date }» — не дата: введите в виде 2024-06-01
bulk-selected = { $n ->
    [one] Выбрана { $n } вырезка
    [few] Выбрано { $n } вырезки
   *[other] Выбрано { $n } вырезок
}
bulk-counting = Подсчёт выбранного…
bulk-restore = { $n ->
    [one] Восстановить { $n } вырезку
    [few] Восстановить { $n } вырезки
   *[other] Восстановить { $n } вырезок
}
bulk-tags-explained = Добавьте метку всем выбранным или уберите её у всех.
bulk-accept-countries = Принять предложенные страны для выбранных ({ $n })
bulk-accept-topics = Принять предложенные темы для выбранных ({ $n })
bulk-accept-events = Принять предложенные события для выбранных ({ $n })
bulk-suggest = Предложить метки для выбранных ({ $n })
bulk-suggest-hover = Прочитать их текст заново
bulk-more-tags = и ещё { $n }…
bulk-fewer-tags = Показать меньше
bulk-review = Обзор из них…
bulk-export = Экспортировать их…
move-to-trash = В корзину
move-to-trash-hover = Удалить (отменить — Ctrl+Z)
missing-cjk-font = Китайские, японские и корейские символы показаны квадратами: на компьютере нет шрифта для них. Установите его (в Debian или Ubuntu: sudo apt install fonts-noto-cjk) и перезапустите Clippings.
missing-cjk-font-windows = Китайские, японские и корейские символы показаны квадратами: на компьютере нет шрифта для них. Добавьте язык в Параметры › Время и язык › Язык и регион (Windows установит его шрифты) и перезапустите Clippings.
restore-from-trash = Восстановить из корзины
field-title = Заголовок
field-source = Издание
field-source-hint = СМИ
field-author = Автор
field-date = Дата
field-date-hint = ГГГГ-ММ-ДД
field-notes = Заметки
tags-title = Метки
no-tags-yet = меток пока нет
details-title = Подробности
fact-url = Веб-адрес
fact-language = Язык
fact-file = Файл
fact-format = Формат
fact-format-value = { $format } · { $kb } КБ
fact-pixels = Размер в пикселях
fact-taken = Снято
fact-camera = Камера
fact-caption = Подпись
fact-credit = Автор снимка
fact-copyright = Авторские права
fact-keywords = Ключевые слова
inbox-done = Готово (D)
inbox-done-hover = Просмотрено: убрать из входящих. Её метки и метки, которых у неё нет, учат подсказки.
inbox-done-n = Готово: убрать из входящих { $n ->
    [one] { $n } вырезку
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
fact-gps = GPS
fact-imported = Добавлено
left-out-of-text = Не вошло в текст (элементы сайта):
loading = загрузка…
photo-hover = Ctrl+колесо — масштаб, перетаскивание — сдвиг, двойной щелчок — вписать
suggested-title = Предложено
suggest-again = Предложить заново
suggest-again-hover = Прочитать текст заново и найти страны, события и темы
accept-all = Принять все
nothing-to-suggest = предложений нет
accept-tag = Принять «{ $name }»
dismiss-tag = Отклонить «{ $name }»
note-mentioned-once = упомянута один раз
note-mentioned-in-passing = упомянута вскользь
note-first-paragraph = в первом абзаце
note-headline = в заголовке
note-dateline = в строке места и даты
note-photo-place = место съёмки
note-like-tagged = похоже на вырезки с меткой «{ $name }» ({ $n })
note-mentioned-times = { $n ->
    [one] упомянута { $n } раз
    [few] упомянута { $n } раза
   *[other] упомянута { $n } раз
}

## Status bar and windows
scans-read = { $n ->
    [one] Текст прочитан с { $n } скана: теперь это статья.
   *[other] Текст прочитан с { $n } сканов: теперь это статьи.
}
scans-failed = Не удалось прочитать: { $n } ({ $reason })
scans-unreadable = Фотографии и сканы сохранены как изображения, их текст не прочитан: { $reason }
status-reading-scans = Чтение текста: { $done } из { $total }
status-reading-scans-hover = Фотографии и сканы печатных страниц распознаются как текст (OCR), по странице на ядро
status-reading-scans-cancel = Остановить: прочитанное сохранит текст, остальное останется изображениями
detail-reading-text = Читаю текст…
status-importing = Импорт: { $done } из { $total }
status-exporting = Экспорт: { $done } из { $total }
status-cancel-export = Отменить экспорт
status-indexing = Индексация для поиска: { $done } из { $total }
status-indexing-hover = Пока она идёт, поиск находит только то, что уже проиндексировано
status-adding-tag = Метка «{ $tag }» ({ $kind }) добавляется к { $n ->
    [one] { $n } вырезке
   *[other] { $n } вырезкам
}…
status-removing-tag = Метка «{ $tag }» ({ $kind }) убирается с { $n ->
    [one] { $n } вырезки
   *[other] { $n } вырезок
}…
status-shown-of = { $shown } из { $n ->
    [one] { $n } вырезки
   *[other] { $n } вырезок
}
status-cards = · карточек: { $n }
status-selected = · выбрано: { $n }
open-locked = Этот архив уже открыт
open-failed = Не удаётся открыть архив
open-locked-explained = Закройте другое окно Clippings: это окно откроется само, как только архив освободится.
try-again = Повторить
import-finished = Импорт завершён
import-count-imported = добавлено: { $n }
import-count-duplicates = дубликатов: { $n }
import-count-failed = ошибок: { $n }
import-count-skipped = пропущено: { $n }
import-count-restored = восстановлено: { $n }
import-count-cancelled = отменено: { $n }
import-nothing = импортировать нечего
import-skipped-because = пропущен: { $reason }
import-duplicate-of = дубликат { $id } «{ $title }»
import-restored = восстановлены недостающие файлы { $id } «{ $title }»
import-cancelled = отменено
export-title = Экспорт вырезок
export-explained = { $n ->
    [one] Скопировать { $n } вырезку с файлом описания .json (у фото также .xmp), список clippings.csv и страницу index.html для просмотра в браузере.
    [few] Скопировать { $n } вырезки, каждую с файлом описания .json (у фото также .xmp), список clippings.csv и страницу index.html для просмотра в браузере.
   *[other] Скопировать { $n } вырезок, каждую с файлом описания .json (у фото также .xmp), список clippings.csv и страницу index.html для просмотра в браузере.
}
export-folder = Папка
export-choose = Выбрать…
export-folder-hint = куда экспортировать
export-layout = Структура
export-start = Экспортировать
export-finished = Экспорт завершён
export-summary = { $n ->
    [one] Экспортирована { $n } вырезка
    [few] Экспортировано { $n } вырезки
   *[other] Экспортировано { $n } вырезок
}: оригиналов — { $files }, с файлами описания .json (у фото также .xmp), списком clippings.csv и страницей index.html, в папку { $dest }
export-was-cancelled = Экспорт был отменён до завершения.
export-already-there = В папке уже было объектов: { $n }. Ничего не перезаписано, новые файлы получили другие имена.
export-failed-clipping = вырезка { $id }: { $reason }
open-folder = Открыть папку
undo = Отменить
drop-wait = Идёт импорт: дождитесь его завершения
drop-to-import = { $n ->
    [one] Отпустите, чтобы импортировать { $n } объект
    [few] Отпустите, чтобы импортировать { $n } объекта
   *[other] Отпустите, чтобы импортировать { $n } объектов
}

## Changes (toasts)
nothing-to-undo = Нечего отменять
paste-wait = Дождитесь окончания импорта и вставьте снова
pasted-name = Вставлено { $stamp }
dialog-import-title = Импорт в Clippings
dialog-filter-supported = Статьи и фотографии
dialog-filter-all = Все файлы
dialog-export-title = Экспорт в папку
edit-failed = Не удалось { $what }: { $error }
edit-what-add-tag = добавить метку
edit-what-remove-tag = убрать метку
edit-what-rename-tag = переименовать метку
edit-what-name-tag = назвать метку
edit-what-save = сохранить
edit-what-trash = переместить в корзину
edit-what-restore = восстановить
edit-what-inbox = изменить входящие
edit-what-empty-trash = очистить корзину
edit-what-accept = принять предложения
edit-what-dismiss = отклонить предложение
edit-what-suggest = предложить метки
edit-what-setting = изменить параметр
edit-tag-added = Метка «{ $tag }» ({ $kind }) добавлена: { $n ->
    [one] { $n } вырезка
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
edit-tag-removed = Метка «{ $tag }» ({ $kind }) убрана: { $n ->
    [one] { $n } вырезка
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
edit-tag-renamed = Метка «{ $old }» ({ $kind }) переименована в «{ $new }»
edit-tag-named = { $tag } на языке «{ $language }»: «{ $name }»
edit-tag-unnamed = У метки { $tag } больше нет своего имени на языке «{ $language }»
tag-name-in = Назвать на языке «{ $language }»…
tag-name-label = Имя на языке «{ $language }»
edit-saved = Сохранено: «{ $title }»
edit-trashed = В корзину: { $n ->
    [one] { $n } вырезка
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
edit-restored = Восстановлено: { $n ->
    [one] { $n } вырезка
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
edit-marked-done = Убрано из входящих: { $n ->
    [one] { $n } вырезка
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
edit-back-in-inbox = Снова во входящих: { $n ->
    [one] { $n } вырезка
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
edit-deleted = Удалено навсегда: { $n ->
    [one] { $n } вырезка
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
edit-accepted-tag = Принята метка «{ $tag }» ({ $kind })
edit-accepted-countries = Предложенные страны приняты, добавлено меток: { $n }
edit-accepted-topics = Предложенные темы приняты, добавлено меток: { $n }
edit-accepted-events = Предложенные события приняты, добавлено меток: { $n }
edit-accepted-all = Предложенные метки приняты, добавлено: { $n }
edit-suggested = Предложений для проверки: { $n }
edit-setting-tag-countries = При импорте найденные страны будут отмечаться сразу
edit-setting-suggest-countries = При импорте страны будут только предлагаться

## Worker errors (the details after the colon come from the archive, in English)
worker-cannot-start = Не удалось запустить рабочий поток: { $error }
worker-internal-error = Внутренняя ошибка прервала операцию: { $error }
worker-index-backlog = Не удалось прочитать очередь поискового индекса: { $error }
worker-index-build = Не удалось построить поисковый индекс: { $error }
worker-index-start = Не удалось начать индексацию: { $error }
worker-read-tags = Не удалось прочитать метки: { $error }
worker-search = Ошибка поиска: { $error }
worker-read-archive = Не удалось прочитать архив: { $error }
worker-reread-archive = Не удалось перечитать архив: { $error }
worker-pasted-image = Не удалось прочитать вставленное изображение: { $error }
worker-paste = Не удалось импортировать вставленное: { $error }
worker-show-photo = Не удалось показать фотографию: { $error }
open-with-system-failed = Не удалось открыть { $path }: { $error }
show-in-folder-failed = Не удалось показать { $path } в его папке: { $error }
worker-original-missing = Оригинала «{ $title }» нет там, где его хранит архив: { $path }
worker-import-stopped = Импорт остановлен: { $error }
worker-import-start = Не удалось начать импорт: { $error }
worker-export-failed = Ошибка экспорта: { $error }
worker-export-start = Не удалось начать экспорт: { $error }

## Saved searches
saved-title = Сохранённые поиски
saved-new = новых: { $n }
saved-rename = Переименовать…
saved-move-up = Переместить выше
saved-move-down = Переместить ниже
saved-delete = Удалить
saved-none = пока нет: выполните поиск и сохраните его здесь
saved-save = Сохранить этот поиск…
saved-save-hover = Сохранить под именем слова поиска, фильтры боковой панели и порядок
saved-name-label = Название
saved-name-hint = название и Enter
edit-what-save-search = сохранить поиск
edit-what-remove-search = удалить сохранённый поиск
edit-what-rename-search = переименовать сохранённый поиск
edit-what-move-search = переместить сохранённый поиск
edit-what-open-search = открыть сохранённый поиск
edit-search-saved = Поиск «{ $name }» сохранён
edit-search-removed = Сохранённый поиск «{ $name }» удалён
edit-search-renamed = «{ $old }» переименован в «{ $new }»
worker-read-saved = Не удалось прочитать сохранённые поиски: { $error }

## Export folder names
export-localized = Называть папки стран на языке: { $language }
export-no-country = Без страны
export-no-topic = Без темы
export-no-event = Без события

## The press review document
review-default-title = Обзор прессы
review-period = { $from } – { $to }
review-period-from = С { $date }
review-period-until = По { $date }
review-made-on = Составлен { $date }
review-summary = { $stories ->
    [one] { $stories } материал
    [few] { $stories } материала
   *[other] { $stories } материалов
} из { $outlets ->
    [one] { $outlets } издания
   *[other] { $outlets } изданий
}
review-summary-stories = { $stories ->
    [one] { $stories } материал
    [few] { $stories } материала
   *[other] { $stories } материалов
}
review-contents = Содержание
review-also-in = Также в
review-source = Источник
review-page-of = Страница { $page } из { $pages }
review-photo-credit = Фото: { $credit }
review-no-country = Без страны
review-no-topic = Без темы
review-no-event = Без события
review-no-outlet = Издание не указано
review-no-date = Без даты

## The press review dialog
review-button-short = Обзор…
review-button = Обзор прессы…
review-button-hover = Составить обзор прессы (PDF, Word или веб-страница): { $n ->
    [one] { $n } вырезка
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
review-dialog-title = Обзор прессы
review-of-saved = Сохранённый поиск «{ $name }» ({ $what })
review-scope-label = Из
review-of-selection = Выбранное ({ $what })
review-of-results = Все результаты ({ $what })
review-title-label = Заголовок
review-organisation-label = Организация
review-organisation-hint = Посольство, министерство, компания…
review-period-label = Период
review-date-hint = ГГГГ-ММ-ДД
review-date-invalid = Даты пишутся так: 2026-11-30
review-period-today = Сегодня
review-period-week = 7 дней
review-period-month = Этот месяц
review-period-all = Все
review-group-label = Разделы по
review-group-country = странам
review-group-topic = темам
review-group-event = событиям
review-group-outlet = изданиям
review-group-day = дням
review-order-hint = Порядок разделов:
review-move-up = Выше
review-move-down = Ниже
review-text-label = Текст
review-text-full = Полностью
review-text-words = Первые слова:
review-text-cap = не больше
review-text-cap-words = слов на материал
review-text-cut = Текст сокращён: { $shown } слов из { $total }; полный текст хранится в архиве.
review-paper-label = Бумага
review-paper-letter = Letter
review-include-label = Включить
review-pictures = Изображения
review-coverage = Освещение в прессе
review-coverage-per-day = Материалы по дням, по { $by }
review-coverage-per-week = Материалы по неделям, по { $by }
review-coverage-per-month = Материалы по месяцам, по { $by }
review-coverage-total = { $clippings ->
    [one] { $clippings } материал
    [few] { $clippings } материала
   *[other] { $clippings } материалов
}
review-coverage-other = Прочие
review-coverage-outlets = Больше всего публикаций
review-coverage-more-outlets = { $n ->
    [one] и ещё { $n } издание
    [few] и ещё { $n } издания
   *[other] и ещё { $n } изданий
}
review-coverage-page = Страница охвата
review-coverage-page-hover = После содержания: диаграмма материалов по дням, неделям или месяцам и издания, писавшие больше всего
review-format-label = Формат
review-format-pdf = PDF
review-format-docx = Word (.docx)
review-format-html = Веб-страница (.html)
review-file-label = Сохранить как
review-choose = Выбрать…
review-make = Составить обзор
review-preview-hover = Страницы обзора так, как они будут свёрстаны
review-preview-previous = Предыдущая страница
review-preview-next = Следующая страница
review-preview-summary = { $pages ->
    [one] { $pages } страница
    [few] { $pages } страницы
   *[other] { $pages } страниц
}, { $stories ->
    [one] { $stories } материал
    [few] { $stories } материала
   *[other] { $stories } материалов
}
review-making = Обзор составляется: { $done } из { $total }
review-finished = Сохранено: { $name } ({ $stories ->
    [one] { $stories } материал
    [few] { $stories } материала
   *[other] { $stories } материалов
}).
review-open = Открыть
review-show-folder = Показать в папке
review-close = Закрыть
review-cancelled = Составление обзора отменено.
review-failed = Не удалось составить обзор: { $error }
dialog-review-title = Сохранить обзор прессы

## Reprints
also-in = Также в: { $list }
reprints-title = Перепечатки ({ $n })
reprint-no-outlet = Издание не указано
sidebar-collapse-reprints = Одна карточка на сюжет
sidebar-collapse-reprints-hover = Материал, перепечатанный несколькими изданиями, показан один раз, по самой ранней вырезке; остальные перечислены в нём

# Why a file was not imported; what in a search is probably a mistake.
import-error-unsupported = формат не поддерживается (импортируются статьи и фотографии)
import-error-unsupported-photo = фотографии { $format } не поддерживаются: сохраните или экспортируйте их в JPEG
import-error-empty = пустой файл
import-error-not-a-file = это не обычный файл (канал, устройство или сокет)
import-error-read = не удалось прочитать файл: { $error }
import-error-in-use = файл открыт в другой программе: закройте его там и импортируйте снова
import-error-bad-image = файл не является изображением { $format } или повреждён: { $reason }
import-error-too-many-pixels = изображение размером { $size } пикселей ({ $megapixels } Мп) превышает предел в { $limit } Мп
import-error-too-much-memory = для открытия изображения нужно { $needed } МБ памяти, предел — { $limit } МБ
import-error-too-large = размер файла { $size } МБ, а для вырезки такого типа допускается не более { $limit } МБ
import-error-no-text = в текстовом файле нет текста
import-error-bad-text = не удалось прочитать текст: { $reason }
import-error-store = не удалось сохранить вырезку: { $error }
import-error-decoder-panic = сбой декодера при чтении этого файла
import-error-same-address = этот адрес уже есть в этой партии
import-error-empty-message = в письме нет ни текста, ни вложений
fetch-error-not-an-address = «{ $text }» — не веб-адрес
fetch-error-scheme = адреса { $scheme }: не загружаются, только http и https
fetch-error-connect-timeout = не удалось подключиться за { $secs } с
fetch-error-timed-out = время ожидания истекло через { $secs } с
fetch-error-too-large = больше { $limit } МБ
fetch-error-redirect-loop = переадресация по кругу
fetch-error-too-many-redirects = больше { $limit } переадресаций
fetch-error-status = сервер ответил { $status }
fetch-error-host-not-found = сервер с именем { $host } не найден
fetch-error-tls = защищённое соединение не установлено: { $detail }
fetch-error-connection = соединение не удалось: { $detail }
fetch-error-cancelled = отменено
import-check-mail = Проверить почту сейчас
import-check-mail-hover = Почтовые ящики добавляются командой `clippings mail add`; пока окно открыто, они проверяются каждые 5 минут
import-rules = Правила…
import-rules-hover = Поиски, которые ставят метки всему, что приносит импорт: «водород» даёт тему энергетика
import-links = Ссылки…
import-links-hover = Страницы, PDF и фотографии по их адресу; то же самое делает вставка ссылки в окно
link-prompt-title = Импорт страниц по адресу
link-prompt-explained = Введите или вставьте адреса, по одному в строке (https://…). Каждая страница, PDF или фотография скачивается, сохраняется в полученном виде и читается; её адрес сохраняется вместе с ней. Адрес, который уже есть в архиве, не скачивается снова.
link-prompt-import = Импортировать эти страницы
link-prompt-not-an-address = «{ $text }» — не веб-адрес (http:// или https://).
status-mail-checking = Проверка ящика { $name }…
status-mail-checked = Ящик { $name }: { $n ->
    [0] ничего нового
    [one] { $n } новая вырезка
    [few] { $n } новые вырезки
   *[other] { $n } новых вырезок
} в { $time }
status-mail-failed = Ящик { $name } проверить не удалось
mail-no-password = нет пароля: его нет в системном хранилище паролей или не задана его переменная
mail-error-address = «{ $text }» — не адрес почтового сервера: напишите imaps://host или imap://host:port
mail-error-connect = не удалось подключиться к { $server }: { $detail }
mail-error-login = сервер не принял имя пользователя или пароль
mail-error-no-folder = на сервере нет папки «{ $name }»
mail-error-refused = сервер ответил: { $detail }
mail-error-io = соединение не удалось: { $detail }
mail-error-protocol = ответ сервера не понят: { $detail }
hint-unknown-country-near = Страны «{ $value }» нет. Возможно, вы имели в виду «{ $name }»?
hint-unknown-country = Страны «{ $value }» нет: укажите код (BE) или название.
hint-not-a-date = «{ $value }» — не дата: пишите date:2024, date:2024-03, date:2024-03-05 или date:2024-01..2024-03.
hint-not-an-import-time = Условие imported:{ $value } не распознано: пишите imported:today, this-week, last-30-days или дату.
hint-not-a-kind = Условие kind:{ $value } не распознано: пишите kind:photo или kind:article.
hint-not-a-filter = { $field }: — не фильтр. Возможно, вы имели в виду { $nearest }:{ $value }?
hint-unclosed = Скобка не закрыта: она считается закрытой в конце запроса.
hint-never-both = Ни одна вырезка не бывает одновременно { $first } и { $second }. Возможно, вы имели в виду { $first } OR { $second }?

# Errors of the archive, as the window words them (ui::archive_error_text).
archive-error-locked = архив { $path } открыт в другом окне или команде Clippings
archive-error-read-only = в архив { $path } здесь нельзя записывать (диск или папка только для чтения)
archive-error-open = не удалось открыть архив { $path }: { $reason }
archive-error-newer = архив записан более новой версией Clippings: обновите Clippings, чтобы открыть его
archive-error-damaged = база данных архива повреждена ({ $detail }): запустите «clippings check» или восстановите резервную копию
archive-error-io = { $path }: { $reason }
archive-error-disk-full = диск заполнен: нужно { $needed } МБ, свободно { $free } МБ
archive-error-no-clipping = этой вырезки больше нет в архиве
archive-error-unknown-country = неизвестная страна «{ $value }»
archive-error-empty-tag = метка пуста
archive-error-meaningless-tag = в «{ $value }» нет ни букв, ни цифр
archive-error-no-tag = метки «{ $value }» нет
archive-error-no-saved-search = сохранённого поиска «{ $name }» нет
archive-error-language-code = «{ $value }» — не код языка: две или три буквы, например ru, kk или fr
archive-error-no-rule = правила «{ $name }» нет
archive-error-incomplete-rule = правилу нужны имя, поиск, который что-то находит, и метка
archive-error-saved-search-exists = сохранённый поиск «{ $name }» уже есть
archive-error-saved-search-name = у сохранённого поиска должно быть имя
archive-error-index = поисковый индекс недоступен ({ $reason }); он строится заново
archive-error-export-into-archive = папка экспорта находится внутри архива: выберите другую
archive-error-unreachable = общий архив на { $place } недоступен ({ $reason }); показано то, что этот компьютер видел последним
archive-error-refused = общий архив отказал: { $reason }
archive-error-team = общий архив: { $detail }
archive-error-stale = { $who } тем временем изменил(а) эту вырезку: показана новая версия, ваш текст сохранён, чтобы применить его снова
archive-error-password-needed = общий архив запрашивает пароль пользователя { $who }
archive-error-password-refused = общий архив не принял пароль пользователя { $who }
open-password = Пароль
open-connect = Подключиться
open-remember-password = Сохранить в системной связке ключей
keyring-failed = пароль не удалось сохранить в системной связке ключей: { $error }
keyring-none = системная связка ключей на этом компьютере не отвечает
read-only-reader = вы можете читать этот общий архив, но не изменять его: администратор может сделать вас редактором
read-only-unreachable = общий архив недоступен: изменения невозможны, пока он не станет доступен
status-read-only = только чтение
confirm-trash-title = Переместить в корзину вырезки ({ $n })?
confirm-trash-explained = Они останутся в корзине, пока её не очистят; Ctrl+Z вернёт их.
confirm-trash-yes = Переместить в корзину ({ $n })
detail-nothing-selected = Ничего не выбрано
detail-how-to-select = Щёлкните по вырезке, чтобы увидеть и изменить её здесь. Ctrl+щелчок или Shift+щелчок выбирает несколько, Ctrl+A — все результаты; затем их можно вместе пометить тегами, включить в обзор или экспортировать.
detail-nothing-to-select = Импортированные или найденные вырезки появляются в середине окна: щёлкните по одной, чтобы увидеть её здесь.
detail-stale-mine = Ваше изменение не сохранено (кто-то изменил эту вырезку раньше):
detail-stale-apply = Применить моё снова
detail-stale-discard = Оставить их версию
history-imported = импортировал(а) { $who }, { $date }
history-tagged = метки добавил(а) { $who }, { $date }
history-untagged = метки снял(а) { $who }, { $date }
history-edited = изменил(а) { $who }, { $date }
team-imported = { $who } импортировал(а) { $n ->
    [one] { $n } вырезку
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
team-tagged = { $who } добавил(а) метки к { $n ->
    [one] { $n } вырезке
   *[other] { $n } вырезкам
}
team-untagged = { $who } снял(а) метки с { $n ->
    [one] { $n } вырезки
   *[other] { $n } вырезок
}
team-edited = { $who } изменил(а) { $n ->
    [one] { $n } вырезку
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
team-deleted = { $who } удалил(а) насовсем { $n ->
    [one] { $n } вырезку
    [few] { $n } вырезки
   *[other] { $n } вырезок
}
io-disk-full = диск заполнен
io-permission-denied = нет доступа
io-not-found = нет такого файла или папки
io-in-use = файл открыт в другой программе

# A card's or a row's menu
menu-open-original = Открыть оригинал
menu-show-in-folder = Показать в папке
menu-copy-text = { $n ->
    [1] Копировать текст
   *[other] Копировать тексты ({ $n })
}
menu-copy-references = { $n ->
    [1] Копировать заголовок, издание и дату
   *[other] Копировать заголовки, издания и даты ({ $n })
}
menu-tag = Добавить тег…
menu-review = Обзор прессы…
menu-export = Экспорт…
menu-trash = { $n ->
    [1] В корзину
   *[other] В корзину ({ $n })
}
menu-restore = { $n ->
    [1] Восстановить
   *[other] Восстановить ({ $n })
}
copied-text = { $n ->
    [1] Текст скопирован
   *[other] Скопированы тексты вырезок: { $n }
}
copied-references = { $n ->
    [1] Заголовок скопирован
   *[other] Скопированы заголовки: { $n }
}

# Where no file dialog can be shown
path-prompt-title = Окно выбора файлов недоступно
path-prompt-explained = Clippings не удалось открыть окно выбора файлов: нужен портал рабочего стола (xdg-desktop-portal) или zenity (sudo apt install zenity). Пока можно ввести или вставить пути к файлам или папкам, по одному в строке, или перетащить их в окно.
path-prompt-import = Импортировать из этих путей
path-prompt-missing = По пути { $path } ничего нет.
path-type-in-field = Окно выбора файлов недоступно (установите zenity или xdg-desktop-portal): введите путь в поле.
menu-copy-address = Копировать веб-адрес
menu-read-text = Распознать текст (OCR): { $n }
copied-address = Адрес скопирован

# Why a text could not be read
text-problem-bom = неверная кодировка { $format } после метки порядка байтов
text-problem-binary = двоичные данные, а не текст
text-problem-page = страницу не удалось прочитать ({ $detail })
text-problem-no-article = на странице не найдена статья ({ $detail })
text-problem-document = документ не читается ({ $detail })
text-problem-missing-part = в документе нет { $name }
text-problem-pdf-bomb = содержимое PDF развернулось бы больше чем в { $size } МБ (файл, возможно, сделан, чтобы исчерпать память)
text-problem-pdf = PDF не читается ({ $detail })
text-problem-pdf-text = текст PDF не удалось прочитать ({ $detail })
text-problem-pdf-page = первую страницу PDF не удалось отрисовать
text-problem-pdf-locked = PDF защищён паролем: его текст прочитать нельзя
detail-locked = Защищён паролем: PDF сохранён как есть, но его текст нельзя прочитать или найти поиском. Откройте оригинал с паролем, чтобы прочитать его.
detail-not-fetched = Не загружено: страницу не удалось скачать, здесь то, что о ней было в оповещении.

# The export's index.html
export-index-title = { $n ->
    [one] Экспортирована { $n } вырезка
    [few] Экспортированы { $n } вырезки
   *[other] Экспортировано { $n } вырезок
}
export-index-made = Создано в Clippings { $date }. Рядом с каждым файлом лежит файл .json со всеми сведениями о нём (у фотографий ещё и .xmp); в clippings.csv тот же список.
export-index-top-folder = В основной папке
photo-enlarged = увеличено в { $times } раз: { $size } пикселей
outlet-unknown = издание не указано

# The coverage view
view-coverage = График
view-coverage-hover = Охват: вырезки по периодам, по странам, темам, изданиям…
coverage-by-label = По
coverage-per-label = за
coverage-by-country = странам
coverage-by-topic = темам
coverage-by-event = событиям
coverage-by-outlet = изданиям
coverage-by-kind = типам
coverage-per-day = день
coverage-per-week = неделю
coverage-per-month = месяц
coverage-dated-by-import = Вырезки без собственной даты ({ $n }) учтены по дню импорта.
coverage-ungrouped = Вырезки, не попавшие ни в одну группу по { $by }: { $n }.
coverage-nothing = Ни у одной из этих вырезок нет этого признака: { $by }.
coverage-top = Больше всего вырезок: по { $by }
view-menu-hover = Как показать результаты: миниатюры, таблица или графики
export-coverage = А также coverage.csv: число вырезок по месяцам
export-coverage-hover = Рядом с clippings.csv: сколько вырезок в каждом месяце по странам, темам, событиям, изданиям и типам
