# Clippings: de berichten van het venster in het Nederlands.

## Top bar
search-label = Zoeken
search-hint-short = woorden, country:BE, date:2024
search-hint = woorden, "een zinsdeel", a OR b, -uitsluiten, country:BE, topic:energy, lang:nl, date:2024-01..2024-03
search-clear = Zoekopdracht wissen
order-label = Volgorde
order-hover = Volgorde van de resultaten
view-grid = Raster
view-grid-hover = Miniaturen
view-list = Lijst
view-list-hover = Een tabel met kolommen
thumb-size-label = Grootte
thumb-size-hover = Grootte van de miniaturen
export-button = Exporteren…
export-button-hover = { $n ->
    [one] { $n } knipsel met metagegevens naar een map kopiëren
   *[other] { $n } knipsels met metagegevens naar een map kopiëren
}
language-menu = Taal
language-system = Systeemtaal ({ $language })
import-menu = Importeren
import-files = Bestanden…
import-folder = Map…
import-tag-countries = Gevonden landen labelen
import-tag-countries-hover = Landen die in de tekst gevonden worden, worden meteen labels, zodat country:BE ze direct na het importeren vindt; anders blijven ze suggesties die u kunt accepteren

## Search help
help-title = Zoeken
help-words = beide woorden, in elke vorm (corridors, Kazakhstan's)
help-prefix = het woord dat u typt, vindt ook woorden die ermee beginnen
help-phrase = deze woorden samen, in deze volgorde
help-or = een van beide woorden
help-group = foto’s of knipsels over Kazachstan, niet in het Russisch
help-not = knipsels met dit woord weglaten
help-country = een landlabel, met code of naam (Belgium, België)
help-topic = een onderwerplabel
help-event = een gebeurtenislabel
help-not-tag = knipsels met dit label weglaten
help-source = het medium
help-kind = alleen foto's (kind:article voor artikelen)
help-lang = knipsels in deze taal
help-date = gepubliceerd (of genomen) in deze maanden; ook date:2024
help-imported = ook imported:today, imported:last-30-days
help-trash = in de prullenbak zoeken
help-order = Beste overeenkomst eerst; kies naast het zoekveld een andere volgorde.

## Kinds, orders, layouts
n-clippings = { $n ->
    [one] { $n } knipsel
   *[other] { $n } knipsels
}
sort-relevance = Beste overeenkomst
sort-newest = Nieuwste eerst
sort-oldest = Oudste eerst
sort-title = Titel
layout-flat = Eén map
layout-country = Een map per land
layout-topic = Een map per onderwerp
layout-event = Een map per gebeurtenis
layout-month = Een map per maand
tag-kind-country = land
tag-kind-topic = onderwerp
tag-kind-event = gebeurtenis
tag-kind-countries = Landen
tag-kind-topics = Onderwerpen
tag-kind-events = Gebeurtenissen
kind-article = Artikel
kind-photo = Foto

## Sidebar
sidebar-library = Bibliotheek
sidebar-all = Alle knipsels ({ $n })
sidebar-articles = Artikelen
sidebar-photos = Foto's
sidebar-imported-today = Vandaag geïmporteerd
sidebar-imported-week = Deze week geïmporteerd
sidebar-trash = Prullenbak ({ $n })
sidebar-inbox = Inbox ({ $n })
sidebar-inbox-hover = Nieuwe knipsels die nog niet bekeken zijn, met hun suggesties. Selecteer ze en druk op D (Klaar) als ze bekeken zijn.
sidebar-filter-tags = Labels filteren
sidebar-filter-tags-hint = labels filteren
sidebar-no-tags = geen in deze resultaten
sidebar-no-match = geen overeenkomst

## Tags
tag-remove = { $name } verwijderen
tag-kind-label = Soort
tag-add-label = Label toevoegen
tag-add-hint = naam, dan Enter

## Browser
cancel = Annuleren
close = Sluiten
rules-title = Regels
rules-explained = Een regel is een zoekopdracht en de labels die hij geeft. Elke import (bestanden, links, mailboxen) past elke regel toe op wat hij brengt.
rules-none = Nog geen regels.
rules-line = als { $when } — { $tags } (vindt er nu { $n })
rules-apply = Nu toepassen
rules-apply-hover = De { $n } knipsels die hij nu vindt labelen (Ctrl+Z maakt ongedaan)
rules-remove = Verwijderen
rules-name = Naam
rules-name-hint = waterstof
rules-when = Als
rules-when-hint = een zoekopdracht: waterstof OR hydrogen, keyword:sunset …
rules-tags = Labels
rules-tags-hint = topic:energie, country:KZ, event:Astana Forum
rules-finds = { $n ->
    [one] Vindt nu 1 knipsel
   *[other] Vindt nu { $n } knipsels
}
rules-counting = Tellen…
rules-save = Regel opslaan
rules-saved = Regel “{ $name }” opgeslagen: imports passen hem voortaan toe
rules-removed = Regel “{ $name }” verwijderd; de labels die hij gaf blijven
trash-title = Prullenbak
trash-explained = Zet een knipsel terug vanuit zijn paneel; de prullenbak legen verwijdert ook de bestanden.
trash-delete-for-good = { $n ->
    [one] { $n } knipsel definitief verwijderen
   *[other] { $n } knipsels definitief verwijderen
}
trash-empty-button = Prullenbak legen…
trash-is-empty = De prullenbak is leeg
trash-is-empty-explained = Verwijderde knipsels blijven hier tot de prullenbak geleegd wordt.
archive-empty = Uw archief is leeg
archive-empty-explained = Sleep artikelen ({ $articles }) en foto's ({ $photos }) hierheen, gebruik Importeren, of plak tekst met Ctrl+V.
no-match = Geen knipsels gevonden
no-match-countries-suggested = Landen die in de tekst gevonden worden, blijven suggesties tot u ze accepteert: in het paneel van een knipsel of, voor een selectie, in het groepspaneel. Importeren › "Gevonden landen labelen" labelt ze meteen bij de volgende imports.
no-match-sidebar-filters = De filters in de zijbalk beperken de resultaten ook: klik er opnieuw op om ze te wissen.
no-match-fewer-words = Probeer minder woorden, of het begin van een woord.
column-title = Titel
column-date = Datum
column-source = Medium
column-countries = Landen
column-kind = Soort
column-topics = Onderwerpen
column-events = Gebeurtenissen
sorted-ascending = Oplopend gesorteerd
sorted-descending = Aflopend gesorteerd
imported-on = geïmporteerd op { $date }

## Detail pane
not-a-date = "{ $date }" is geen datum: schrijf hem als 2024-06-01
bulk-selected = { $n ->
    [one] { $n } knipsel geselecteerd
   *[other] { $n } knipsels geselecteerd
}
bulk-counting = De selectie wordt geteld…
bulk-restore = { $n ->
    [one] { $n } knipsel terugzetten
   *[other] { $n } knipsels terugzetten
}
bulk-tags-explained = Voeg een label aan allemaal toe, of verwijder er een bij allemaal.
bulk-accept-countries = Voorgestelde landen voor deze { $n } accepteren
bulk-accept-topics = Voorgestelde onderwerpen voor deze { $n } accepteren
bulk-accept-events = Voorgestelde gebeurtenissen voor deze { $n } accepteren
bulk-suggest = Labels voorstellen voor deze { $n }
bulk-suggest-hover = Hun tekst opnieuw lezen
bulk-more-tags = en nog { $n }…
bulk-fewer-tags = Minder tonen
bulk-review = Persoverzicht hiervan…
bulk-export = Deze exporteren…
move-to-trash = Naar prullenbak
move-to-trash-hover = Verwijderen (ongedaan maken met Ctrl+Z)
missing-cjk-font = Chinese, Japanse of Koreaanse tekens verschijnen als vakjes: deze computer heeft er geen lettertype voor. Installeer er een (op Debian of Ubuntu: sudo apt install fonts-noto-cjk) en start Clippings opnieuw.
missing-cjk-font-windows = Chinese, Japanse of Koreaanse tekens verschijnen als vakjes: deze computer heeft er geen lettertype voor. Voeg de taal toe in Instellingen › Tijd en taal › Taal en regio (Windows installeert de lettertypen erbij) en start Clippings opnieuw.
restore-from-trash = Terugzetten uit de prullenbak
field-title = Titel
field-source = Medium
field-source-hint = krant, site
field-author = Auteur
field-date = Datum
field-date-hint = JJJJ-MM-DD
field-notes = Notities
tags-title = Labels
no-tags-yet = nog geen labels
details-title = Details
fact-url = Webadres
fact-language = Taal
fact-file = Bestand
fact-format = Formaat
fact-format-value = { $format } · { $kb } kB
fact-pixels = Pixels
fact-taken = Genomen op
fact-camera = Camera
fact-caption = Bijschrift
fact-credit = Fotograaf
fact-copyright = Auteursrecht
fact-keywords = Trefwoorden
inbox-done = Klaar (D)
inbox-done-hover = Bekeken: uit de inbox. Zijn labels, en de labels die het niet heeft, leren de suggesties.
inbox-done-n = Klaar: { $n ->
    [one] 1 knipsel
   *[other] { $n } knipsels
} uit de inbox
fact-gps = GPS
fact-imported = Geïmporteerd op
left-out-of-text = Buiten de tekst gelaten (onderdelen van de site):
loading = laden…
photo-hover = Ctrl+scrollen om te zoomen, slepen om te verschuiven, dubbelklikken om passend te maken
suggested-title = Voorgesteld
suggest-again = Opnieuw voorstellen
suggest-again-hover = De tekst opnieuw lezen op landen, gebeurtenissen en onderwerpen
accept-all = Alles accepteren
nothing-to-suggest = niets voor te stellen
accept-tag = { $name } accepteren
dismiss-tag = { $name } afwijzen
note-mentioned-once = één keer genoemd
note-mentioned-in-passing = terloops genoemd
note-first-paragraph = in de eerste alinea
note-headline = in de kop
note-dateline = in de plaats- en datumregel
note-photo-place = waar de foto genomen is
note-like-tagged = zoals { $n } knipsels met label “{ $name }”
note-mentioned-times = { $n ->
    [one] { $n } keer genoemd
   *[other] { $n } keer genoemd
}

## Status bar and windows
scans-read = { $n ->
    [one] Tekst gelezen van 1 scan: het is nu een artikel.
   *[other] Tekst gelezen van { $n } scans: het zijn nu artikelen.
}
scans-failed = { $n ->
    [one] 1 kon niet worden gelezen: { $reason }
   *[other] { $n } konden niet worden gelezen, de eerste: { $reason }
}
scans-unreadable = Foto’s en scans blijven afbeeldingen, hun tekst niet gelezen: { $reason }
status-reading-scans = Tekst lezen: { $done } van { $total }
status-reading-scans-hover = Foto’s en scans van gedrukte pagina’s worden als tekst gelezen (OCR), één pagina per kern
status-reading-scans-cancel = Stoppen: wat gelezen is houdt zijn tekst, de rest blijft afbeelding
detail-reading-text = Tekst lezen…
status-importing = Importeren: { $done } van { $total }
status-exporting = Exporteren: { $done } van { $total }
status-cancel-export = Export annuleren
status-indexing = Indexeren voor zoeken: { $done } van { $total }
status-indexing-hover = Tot dit klaar is, vindt zoeken alleen wat al geïndexeerd is
status-adding-tag = Label { $kind } { $tag } toevoegen aan { $n } knipsels…
status-removing-tag = Label { $kind } { $tag } verwijderen van { $n } knipsels…
status-shown-of = { $shown } van { $n ->
    [one] { $n } knipsel
   *[other] { $n } knipsels
}
status-cards = · { $n ->
    [one] 1 kaart
   *[other] { $n } kaarten
}
status-selected = · { $n } geselecteerd
open-locked = Dit archief is al geopend
open-failed = Het archief kan niet worden geopend
open-locked-explained = Sluit het andere venster van Clippings: dit venster opent vanzelf zodra het archief vrij is.
try-again = Opnieuw proberen
import-finished = Importeren voltooid
import-count-imported = { $n } geïmporteerd
import-count-duplicates = { $n ->
    [one] { $n } duplicaat
   *[other] { $n } duplicaten
}
import-count-failed = { $n } mislukt
import-count-skipped = { $n } overgeslagen
import-count-restored = { $n } hersteld
import-count-cancelled = { $n } geannuleerd
import-nothing = niets te importeren
import-skipped-because = overgeslagen: { $reason }
import-duplicate-of = duplicaat van { $id } "{ $title }"
import-restored = ontbrekende bestanden van { $id } "{ $title }" teruggezet
import-cancelled = geannuleerd
export-title = Knipsels exporteren
export-explained = { $n ->
    [one] { $n } knipsel kopiëren, met een .json-bestand (foto's ook met .xmp), een clippings.csv die het opsomt en een index.html om het in een browser te bekijken.
   *[other] { $n } knipsels kopiëren, elk met een .json-bestand (foto's ook met .xmp), een clippings.csv die ze opsomt en een index.html om ze in een browser te bekijken.
}
export-folder = Map
export-choose = Kiezen…
export-folder-hint = waarheen exporteren
export-layout = Indeling
export-start = Exporteren
export-finished = Exporteren voltooid
export-summary = { $n ->
    [one] { $n } knipsel geëxporteerd
   *[other] { $n } knipsels geëxporteerd
}: { $files } originelen met hun .json-bestanden (en .xmp voor foto's), clippings.csv en index.html, in { $dest }
export-was-cancelled = Het exporteren is voor het einde geannuleerd.
export-already-there = De map bevatte al { $n } items: niets is overschreven, nieuwe bestanden kregen andere namen.
export-failed-clipping = knipsel { $id }: { $reason }
open-folder = Map openen
undo = Ongedaan maken
drop-wait = Er loopt een import: wacht tot die klaar is
drop-to-import = { $n ->
    [one] Loslaten om { $n } item te importeren
   *[other] Loslaten om { $n } items te importeren
}

## Changes (toasts)
nothing-to-undo = Niets om ongedaan te maken
paste-wait = Wacht tot het importeren klaar is en plak dan opnieuw
pasted-name = Geplakt { $stamp }
dialog-import-title = Importeren in Clippings
dialog-filter-supported = Artikelen en foto's
dialog-filter-all = Alle bestanden
dialog-export-title = Exporteren naar map
edit-failed = Kan niet { $what }: { $error }
edit-what-add-tag = het label toevoegen
edit-what-remove-tag = het label verwijderen
edit-what-rename-tag = het label hernoemen
edit-what-name-tag = het label een naam geven
edit-what-save = opslaan
edit-what-trash = naar de prullenbak verplaatsen
edit-what-restore = terugzetten
edit-what-inbox = de inbox wijzigen
edit-what-empty-trash = de prullenbak legen
edit-what-accept = de suggesties accepteren
edit-what-dismiss = de suggestie afwijzen
edit-what-suggest = labels voorstellen
edit-what-setting = de instelling wijzigen
edit-tag-added = Label { $kind } { $tag } toegevoegd aan { $n ->
    [one] { $n } knipsel
   *[other] { $n } knipsels
}
edit-tag-removed = Label { $kind } { $tag } verwijderd van { $n ->
    [one] { $n } knipsel
   *[other] { $n } knipsels
}
edit-tag-renamed = Label { $kind } { $old } hernoemd naar { $new }
edit-tag-named = { $tag } heet “{ $name }” in het { $language }
edit-tag-unnamed = { $tag } heeft geen eigen naam meer in het { $language }
tag-name-in = Naam in het { $language }…
tag-name-label = Naam in het { $language }
edit-saved = "{ $title }" opgeslagen
edit-trashed = { $n ->
    [one] { $n } knipsel naar de prullenbak verplaatst
   *[other] { $n } knipsels naar de prullenbak verplaatst
}
edit-restored = { $n ->
    [one] { $n } knipsel teruggezet
   *[other] { $n } knipsels teruggezet
}
edit-marked-done = { $n ->
    [one] 1 knipsel
   *[other] { $n } knipsels
} uit de inbox
edit-back-in-inbox = { $n ->
    [one] 1 knipsel
   *[other] { $n } knipsels
} weer in de inbox
edit-deleted = { $n ->
    [one] { $n } knipsel definitief verwijderd
   *[other] { $n } knipsels definitief verwijderd
}
edit-accepted-tag = Label { $kind } { $tag } geaccepteerd
edit-accepted-countries = Voorgestelde landen geaccepteerd: { $n } labels toegevoegd
edit-accepted-topics = Voorgestelde onderwerpen geaccepteerd: { $n } labels toegevoegd
edit-accepted-events = Voorgestelde gebeurtenissen geaccepteerd: { $n } labels toegevoegd
edit-accepted-all = Voorgestelde labels geaccepteerd: { $n } toegevoegd
edit-suggested = { $n ->
    [one] { $n } suggestie om na te kijken
   *[other] { $n } suggesties om na te kijken
}
edit-setting-tag-countries = Imports labelen voortaan de gevonden landen
edit-setting-suggest-countries = Imports stellen landen voortaan alleen voor

## Worker errors (the details after the colon come from the archive, in English)
worker-cannot-start = Kan de werkthread niet starten: { $error }
worker-internal-error = Een interne fout heeft dit onderbroken: { $error }
worker-index-backlog = Kan de wachtrij van de zoekindex niet lezen: { $error }
worker-index-build = Kan de zoekindex niet opbouwen: { $error }
worker-index-start = Kan het indexeren niet starten: { $error }
worker-read-tags = Kan de labels niet lezen: { $error }
worker-search = Zoeken mislukt: { $error }
worker-read-archive = Kan het archief niet lezen: { $error }
worker-reread-archive = Kan het archief niet opnieuw lezen: { $error }
worker-pasted-image = Kan de geplakte afbeelding niet lezen: { $error }
worker-paste = Kan het geplakte niet importeren: { $error }
worker-show-photo = Kan de foto niet tonen: { $error }
open-with-system-failed = Kan { $path } niet openen: { $error }
show-in-folder-failed = Kan { $path } niet in zijn map tonen: { $error }
worker-original-missing = Het origineel van ‘{ $title }’ staat niet waar het archief het bewaart: { $path }
worker-import-stopped = Importeren gestopt: { $error }
worker-import-start = Kan het importeren niet starten: { $error }
worker-export-failed = Exporteren mislukt: { $error }
worker-export-start = Kan het exporteren niet starten: { $error }

## Saved searches
saved-title = Opgeslagen zoekopdrachten
saved-new = { $n } nieuw
saved-rename = Naam wijzigen…
saved-move-up = Omhoog
saved-move-down = Omlaag
saved-delete = Verwijderen
saved-none = nog geen: zoek, en sla de zoekopdracht hier op
saved-save = Deze zoekopdracht opslaan…
saved-save-hover = De woorden, de filters uit de zijbalk en de volgorde onder een naam bewaren
saved-name-label = Naam
saved-name-hint = naam, dan Enter
edit-what-save-search = de zoekopdracht opslaan
edit-what-remove-search = de opgeslagen zoekopdracht verwijderen
edit-what-rename-search = de naam van de opgeslagen zoekopdracht wijzigen
edit-what-move-search = de opgeslagen zoekopdracht verplaatsen
edit-what-open-search = de opgeslagen zoekopdracht openen
edit-search-saved = Zoekopdracht "{ $name }" opgeslagen
edit-search-removed = Opgeslagen zoekopdracht "{ $name }" verwijderd
edit-search-renamed = "{ $old }" hernoemd naar "{ $new }"
worker-read-saved = Kan de opgeslagen zoekopdrachten niet lezen: { $error }

## Export folder names
export-localized = Landmappen een naam geven in het { $language }
export-no-country = Geen land
export-no-topic = Geen onderwerp
export-no-event = Geen gebeurtenis

## The press review document
review-default-title = Persoverzicht
review-period = { $from } – { $to }
review-period-from = Vanaf { $date }
review-period-until = Tot en met { $date }
review-made-on = Gemaakt op { $date }
review-summary = { $stories ->
    [one] 1 artikel
   *[other] { $stories } artikelen
} uit { $outlets ->
    [one] 1 medium
   *[other] { $outlets } media
}
review-summary-stories = { $stories ->
    [one] 1 artikel
   *[other] { $stories } artikelen
}
review-contents = Inhoud
review-also-in = Ook in
review-source = Bron
review-page-of = Pagina { $page } van { $pages }
review-photo-credit = Foto: { $credit }
review-no-country = Geen land
review-no-topic = Geen onderwerp
review-no-event = Geen gebeurtenis
review-no-outlet = Medium onbekend
review-no-date = Zonder datum

## The press review dialog
review-button-short = Overzicht…
review-button = Persoverzicht…
review-button-hover = Een persoverzicht maken (PDF, Word of webpagina) van { $n ->
    [one] het knipsel
   *[other] deze { $n } knipsels
}
review-dialog-title = Persoverzicht
review-of-saved = De bewaarde zoekopdracht ‘{ $name }’ ({ $what })
review-scope-label = Van
review-of-selection = De selectie ({ $what })
review-of-results = Alle resultaten ({ $what })
review-title-label = Titel
review-organisation-label = Organisatie
review-organisation-hint = Ambassade, ministerie, bedrijf…
review-period-label = Periode
review-date-hint = JJJJ-MM-DD
review-date-invalid = Schrijf datums als 2026-11-30
review-period-today = Vandaag
review-period-week = 7 dagen
review-period-month = Deze maand
review-period-all = Alles
review-group-label = Secties per
review-group-country = land
review-group-topic = onderwerp
review-group-event = gebeurtenis
review-group-outlet = medium
review-group-day = dag
review-order-hint = Volgorde van de secties:
review-move-up = Omhoog
review-move-down = Omlaag
review-text-label = Tekst
review-text-full = Volledig
review-text-words = Eerste woorden:
review-text-cap = hooguit
review-text-cap-words = woorden per artikel
review-text-cut = De tekst is hier afgebroken na { $shown } van de { $total } woorden; de hele tekst staat in het archief.
review-paper-label = Papier
review-paper-letter = Letter (VS)
review-include-label = Opnemen
review-pictures = Afbeeldingen
review-coverage = Media-aandacht
review-coverage-per-day = Knipsels per dag, per { $by }
review-coverage-per-week = Knipsels per week, per { $by }
review-coverage-per-month = Knipsels per maand, per { $by }
review-coverage-total = { $clippings ->
    [one] 1 knipsel
   *[other] { $clippings } knipsels
}
review-coverage-other = Overig
review-coverage-outlets = Belangrijkste media
review-coverage-more-outlets = { $n ->
    [one] en nog 1 medium
   *[other] en nog { $n } media
}
review-coverage-page = Pagina media-aandacht
review-coverage-page-hover = Na de inhoud: een grafiek van de knipsels per dag, week of maand, en de media die het meest schreven
review-format-label = Formaat
review-format-pdf = PDF
review-format-docx = Word (.docx)
review-format-html = Webpagina (.html)
review-file-label = Opslaan als
review-choose = Kiezen…
review-make = Overzicht maken
review-preview-hover = De pagina's van het overzicht zoals ze opgemaakt worden
review-preview-previous = Vorige pagina
review-preview-next = Volgende pagina
review-preview-summary = { $pages ->
    [one] 1 pagina
   *[other] { $pages } pagina's
}, { $stories ->
    [one] 1 artikel
   *[other] { $stories } artikelen
}
review-making = Overzicht wordt gemaakt: { $done } van { $total }
review-finished = { $name } opgeslagen ({ $stories ->
    [one] 1 artikel
   *[other] { $stories } artikelen
}).
review-open = Openen
review-show-folder = Tonen in map
review-close = Sluiten
review-cancelled = Het persoverzicht is geannuleerd.
review-failed = Het persoverzicht kon niet gemaakt worden: { $error }
dialog-review-title = Het persoverzicht opslaan

## Reprints
also-in = Ook in: { $list }
reprints-title = Overgenomen door ({ $n })
reprint-no-outlet = Medium onbekend
sidebar-collapse-reprints = Eén kaart per verhaal
sidebar-collapse-reprints-hover = Een verhaal dat door meerdere media is overgenomen, staat er één keer, met het vroegste knipsel; de andere staan eronder

# Why a file was not imported; what in a search is probably a mistake.
import-error-unsupported = geen ondersteunde indeling (artikelen en foto's worden geïmporteerd)
import-error-unsupported-photo = { $format }-foto's worden niet ondersteund: sla ze eerst op of exporteer ze als JPEG
import-error-empty = leeg bestand
import-error-not-a-file = geen gewoon bestand (een pipe, een apparaat of een socket)
import-error-read = het bestand kan niet worden gelezen: { $error }
import-error-in-use = het bestand is geopend in een ander programma: sluit het daar en importeer het opnieuw
import-error-bad-image = geen geldige { $format }-afbeelding: { $reason }
import-error-too-many-pixels = de afbeelding is { $size } pixels ({ $megapixels } megapixel), boven de limiet van { $limit } megapixel
import-error-too-much-memory = het decoderen van de afbeelding zou { $needed } MB vergen, boven de limiet van { $limit } MB
import-error-too-large = het bestand is { $size } MB: een knipsel van deze soort mag hoogstens { $limit } MB zijn
import-error-no-text = het tekstbestand bevat geen tekst
import-error-bad-text = de tekst is onleesbaar: { $reason }
import-error-store = het knipsel kon niet worden opgeslagen: { $error }
import-error-decoder-panic = de decoder liep vast op dit bestand
import-error-same-address = hetzelfde adres nog eens in deze reeks
import-error-empty-message = het bericht bevat geen tekst en geen bijlage
fetch-error-not-an-address = “{ $text }” is geen webadres
fetch-error-scheme = { $scheme }:-adressen worden niet opgehaald, alleen http en https
fetch-error-connect-timeout = geen verbinding binnen { $secs } s
fetch-error-timed-out = na { $secs } s afgebroken
fetch-error-too-large = groter dan { $limit } MB
fetch-error-redirect-loop = doorverwijzingen in een kring
fetch-error-too-many-redirects = meer dan { $limit } doorverwijzingen
fetch-error-status = de server antwoordde { $status }
fetch-error-host-not-found = geen server bekend onder de naam { $host }
fetch-error-tls = de beveiligde verbinding mislukte: { $detail }
fetch-error-connection = de verbinding mislukte: { $detail }
fetch-error-cancelled = geannuleerd
import-check-mail = Postvakken nu controleren
import-check-mail-hover = Postvakken voeg je toe met `clippings mail add`; zolang het venster open is, worden ze elke 5 minuten gecontroleerd
import-rules = Regels…
import-rules-hover = Zoekopdrachten die labelen wat elke import brengt: “waterstof” geeft het onderwerp energie
import-links = Links…
import-links-hover = Pagina’s, pdf’s en foto’s op hun adres; een link in het venster plakken doet hetzelfde
link-prompt-title = Pagina’s importeren op hun adres
link-prompt-explained = Typ of plak de adressen, één per regel (https://…). Elke pagina, pdf of foto wordt gedownload, bewaard zoals ze binnenkwam en gelezen; haar adres wordt erbij bewaard. Een adres dat al in het archief staat, wordt niet opnieuw gedownload.
link-prompt-import = Deze pagina’s importeren
link-prompt-not-an-address = “{ $text }” is geen webadres (http:// of https://).
status-mail-checking = Postvak controleren: { $name }…
status-mail-checked = Postvak { $name }: { $n ->
    [0] niets nieuws
    [one] 1 nieuw knipsel
   *[other] { $n } nieuwe knipsels
} om { $time }
status-mail-failed = Postvak { $name } kon niet worden gecontroleerd
mail-no-password = geen wachtwoord: de sleutelbos van het systeem heeft er geen, of de variabele ervan is niet gezet
mail-error-address = “{ $text }” is geen adres van een mailserver: schrijf imaps://host of imap://host:poort
mail-error-connect = geen verbinding met { $server }: { $detail }
mail-error-login = de server weigerde de gebruikersnaam of het wachtwoord
mail-error-no-folder = de server heeft geen map “{ $name }”
mail-error-refused = de server antwoordde: { $detail }
mail-error-io = de verbinding mislukte: { $detail }
mail-error-protocol = het antwoord van de server werd niet begrepen: { $detail }
hint-unknown-country-near = Geen land heet "{ $value }": bedoelde u "{ $name }"?
hint-unknown-country = Geen land heet "{ $value }": gebruik een code (BE) of een naam.
hint-not-a-date = "{ $value }" is geen datum: schrijf date:2024, date:2024-03, date:2024-03-05 of date:2024-01..2024-03.
hint-not-an-import-time = imported:{ $value } wordt niet begrepen: schrijf imported:today, this-week, last-30-days of een datum.
hint-not-a-kind = kind:{ $value } wordt niet begrepen: schrijf kind:photo of kind:article.
hint-not-a-filter = { $field }: is geen filter: bedoelde u { $nearest }:{ $value }?
hint-unclosed = Een haakje is niet gesloten: het wordt gelezen alsof het aan het eind sluit.
hint-never-both = Geen knipsel is zowel { $first } als { $second }: bedoelde u { $first } OR { $second }?

# Errors of the archive, as the window words them (ui::archive_error_text).
archive-error-locked = het archief { $path } is open in een ander venster of commando van Clippings
archive-error-read-only = in het archief { $path } kan hier niet geschreven worden (alleen-lezen schijf of map)
archive-error-open = kan het archief { $path } niet openen: { $reason }
archive-error-newer = het archief is geschreven door een nieuwere Clippings: werk Clippings bij om het te openen
archive-error-damaged = de database van het archief is beschadigd ({ $detail }): voer “clippings check” uit of zet een back-up terug
archive-error-io = { $path }: { $reason }
archive-error-disk-full = de schijf is vol: { $needed } MB nodig, { $free } MB vrij
archive-error-no-clipping = het knipsel staat niet meer in het archief
archive-error-unknown-country = onbekend land “{ $value }”
archive-error-empty-tag = het label is leeg
archive-error-meaningless-tag = “{ $value }” bevat geen letter of cijfer
archive-error-no-tag = er is geen label “{ $value }”
archive-error-no-saved-search = er is geen opgeslagen zoekopdracht “{ $name }”
archive-error-language-code = “{ $value }” is geen taalcode: twee of drie letters, zoals ru, kk of fr
archive-error-no-rule = er is geen regel “{ $name }”
archive-error-incomplete-rule = een regel heeft een naam nodig, een zoekopdracht die iets vindt en een label om toe te voegen
archive-error-saved-search-exists = er heet al een opgeslagen zoekopdracht “{ $name }”
archive-error-saved-search-name = een opgeslagen zoekopdracht heeft een naam nodig
archive-error-index = de zoekindex is onbruikbaar ({ $reason }); hij wordt opnieuw opgebouwd
archive-error-export-into-archive = de exportmap ligt in het archief: kies een andere
archive-error-unreachable = het teamarchief op { $place } is niet bereikbaar ({ $reason }); u ziet wat deze computer het laatst zag
archive-error-refused = het teamarchief weigerde dit: { $reason }
archive-error-team = teamarchief: { $detail }
archive-error-stale = { $who } heeft dit knipsel intussen gewijzigd: die versie wordt getoond, en uw tekst is bewaard om opnieuw toe te passen
archive-error-password-needed = het teamarchief vraagt het wachtwoord van { $who }
archive-error-password-refused = het teamarchief weigerde het wachtwoord van { $who }
open-password = Wachtwoord
open-connect = Verbinden
open-remember-password = Bewaren in de sleutelbos van het systeem
keyring-failed = het wachtwoord kon niet in de sleutelbos van het systeem worden bewaard: { $error }
keyring-none = op deze computer antwoordt geen sleutelbos van het systeem
read-only-reader = u mag dit teamarchief lezen maar niet wijzigen: een beheerder kan u redacteur maken
read-only-unreachable = het teamarchief is niet bereikbaar: er kan niets gewijzigd worden tot het weer bereikbaar is
status-read-only = alleen lezen
confirm-trash-title = { $n } knipsels naar de prullenbak verplaatsen?
confirm-trash-explained = Ze blijven in de prullenbak tot die wordt geleegd, en Ctrl+Z haalt ze terug.
confirm-trash-yes = { $n } naar de prullenbak
detail-nothing-selected = Niets geselecteerd
detail-how-to-select = Klik op een knipsel om het hier te zien en te bewerken. Ctrl+klik of Shift+klik selecteert er meerdere, Ctrl+A alle resultaten; daarna kunt u ze samen taggen, in een persoverzicht opnemen of exporteren.
detail-nothing-to-select = De knipsels die u importeert of vindt, staan in het midden: klik op een knipsel om het hier te zien.
detail-stale-mine = Uw wijziging is niet bewaard (iemand wijzigde dit knipsel eerder):
detail-stale-apply = Mijn wijziging opnieuw toepassen
detail-stale-discard = Die van hen houden
history-imported = geïmporteerd door { $who }, { $date }
history-tagged = gelabeld door { $who }, { $date }
history-untagged = labels verwijderd door { $who }, { $date }
history-edited = bewerkt door { $who }, { $date }
team-imported = { $who } importeerde { $n ->
    [one] 1 knipsel
   *[other] { $n } knipsels
}
team-tagged = { $who } labelde { $n ->
    [one] 1 knipsel
   *[other] { $n } knipsels
}
team-untagged = { $who } haalde labels van { $n ->
    [one] 1 knipsel
   *[other] { $n } knipsels
}
team-edited = { $who } bewerkte { $n ->
    [one] 1 knipsel
   *[other] { $n } knipsels
}
team-deleted = { $who } verwijderde { $n ->
    [one] 1 knipsel
   *[other] { $n } knipsels
} definitief
io-disk-full = de schijf is vol
io-permission-denied = geen toegang
io-not-found = bestand of map bestaat niet
io-in-use = het bestand is geopend in een ander programma

# A card's or a row's menu
menu-open-original = Origineel openen
menu-show-in-folder = In map tonen
menu-copy-text = { $n ->
    [1] Tekst kopiëren
   *[other] Tekst van { $n } knipsels kopiëren
}
menu-copy-references = { $n ->
    [1] Kop, medium en datum kopiëren
   *[other] Koppen, media en data van { $n } knipsels kopiëren
}
menu-tag = Taggen…
menu-review = Persoverzicht…
menu-export = Exporteren…
menu-trash = { $n ->
    [1] Naar prullenbak
   *[other] { $n } naar prullenbak
}
menu-restore = { $n ->
    [1] Terugzetten
   *[other] { $n } terugzetten
}
copied-text = { $n ->
    [1] Tekst gekopieerd
   *[other] Tekst van { $n } knipsels gekopieerd
}
copied-references = { $n ->
    [1] Kop gekopieerd
   *[other] { $n } koppen gekopieerd
}

# Where no file dialog can be shown
path-prompt-title = Geen bestandskiezer op dit bureaublad
path-prompt-explained = Clippings kon geen venster tonen om bestanden te kiezen: daarvoor is het bureaubladportaal (xdg-desktop-portal) of zenity nodig (sudo apt install zenity). Typ of plak intussen de paden van bestanden of mappen om te importeren, één per regel, of sleep ze naar het venster.
path-prompt-import = Importeren van deze paden
path-prompt-missing = Op { $path } staat niets.
path-type-in-field = Op dit bureaublad kan geen bestandskiezer verschijnen (installeer zenity of xdg-desktop-portal): typ het pad in het veld.
menu-copy-address = Webadres kopiëren
menu-read-text = { $n ->
    [one] Tekst lezen (OCR)
   *[other] Tekst lezen van { $n } (OCR)
}
copied-address = Adres gekopieerd

# Why a text could not be read
text-problem-bom = ongeldige { $format } na de byte-volgordemarkering
text-problem-binary = binaire gegevens, geen tekst
text-problem-page = de pagina kan niet worden gelezen ({ $detail })
text-problem-no-article = geen artikel gevonden op de pagina ({ $detail })
text-problem-document = geen leesbaar document ({ $detail })
text-problem-missing-part = het document heeft geen { $name }
text-problem-pdf-bomb = de inhoud van de PDF zou uitpakken tot meer dan { $size } MB (mogelijk gemaakt om het geheugen uit te putten)
text-problem-pdf = geen leesbare PDF ({ $detail })
text-problem-pdf-text = de tekst van de PDF kan niet worden gelezen ({ $detail })
text-problem-pdf-page = de eerste pagina van de PDF kan niet worden getekend
text-problem-pdf-locked = de PDF is met een wachtwoord beveiligd: de tekst kan niet worden gelezen
detail-locked = Met een wachtwoord beveiligd: de PDF is bewaard zoals hij kwam, maar de tekst kan niet worden gelezen of doorzocht. Open het origineel met het wachtwoord om het te lezen.
detail-not-fetched = Niet opgehaald: de pagina kon niet worden gedownload, dit is wat de melding erover zei.

# The export's index.html
export-index-title = { $n ->
    [one] { $n } knipsel geëxporteerd
   *[other] { $n } knipsels geëxporteerd
}
export-index-made = Gemaakt met Clippings op { $date }. Naast elk bestand staat een .json-bestand met alles wat erover bekend is (bij foto’s ook een .xmp-bestand); clippings.csv bevat dezelfde lijst.
export-index-top-folder = In de hoofdmap
photo-enlarged = { $times }× vergroot: { $size } pixels
outlet-unknown = medium onbekend

# The coverage view
view-coverage = Grafiek
view-coverage-hover = Dekking: knipsels per periode, per land, onderwerp, medium…
coverage-by-label = Per
coverage-per-label = per
coverage-by-country = land
coverage-by-topic = onderwerp
coverage-by-event = gebeurtenis
coverage-by-outlet = medium
coverage-by-kind = soort
coverage-per-day = dag
coverage-per-week = week
coverage-per-month = maand
coverage-dated-by-import = { $n ->
    [one] 1 knipsel zonder eigen datum: geteld op de dag van import.
   *[other] { $n } knipsels zonder eigen datum: geteld op de dag van import.
}
coverage-ungrouped = { $n ->
    [one] 1 knipsel zonder { $by }: niet geteld.
   *[other] { $n } knipsels zonder { $by }: niet geteld.
}
coverage-nothing = Geen van deze knipsels heeft een { $by }.
coverage-top = De meeste knipsels per { $by }
view-menu-hover = Hoe de resultaten worden getoond: miniaturen, een tabel of grafieken
export-coverage = Ook coverage.csv: aantallen per maand
export-coverage-hover = Naast clippings.csv: hoeveel knipsels per maand per land, onderwerp, gebeurtenis, medium en soort
