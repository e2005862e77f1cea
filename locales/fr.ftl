# Clippings : les messages de la fenêtre en français.

## Top bar
search-label = Rechercher
search-hint-short = mots, country:BE, date:2024
search-hint = mots, "une expression", a OR b, -exclure, country:BE, topic:energy, lang:fr, date:2024-01..2024-03
search-clear = Effacer la recherche
order-label = Ordre
order-hover = Ordre des résultats
view-grid = Grille
view-grid-hover = Vignettes
view-list = Liste
view-list-hover = Un tableau en colonnes
thumb-size-label = Taille
thumb-size-hover = Taille des vignettes
export-button = Exporter…
export-button-hover = { $n ->
    [one] Copier { $n } coupure et ses métadonnées dans un dossier
   *[other] Copier { $n } coupures et leurs métadonnées dans un dossier
}
language-menu = Langue
language-system = Celle du système ({ $language })
import-menu = Importer
import-files = Fichiers…
import-folder = Dossier…
import-tag-countries = Étiqueter les pays trouvés
import-tag-countries-hover = Les pays trouvés dans le texte deviennent aussitôt des étiquettes : country:BE les trouve dès la fin de l'importation. Sinon, ils restent des suggestions à accepter.

## Search help
help-title = Rechercher
help-words = les deux mots, sous toutes leurs formes (corridors, Kazakhstan's)
help-prefix = le mot en cours de frappe trouve aussi les mots qui commencent ainsi
help-phrase = ces mots ensemble, dans cet ordre
help-or = l'un ou l'autre mot
help-group = photos ou coupures sur le Kazakhstan, sauf en russe
help-not = exclure les coupures contenant ce mot
help-country = une étiquette de pays, par code ou par nom (Belgium, Belgique)
help-topic = une étiquette de thème
help-event = une étiquette d'événement
help-not-tag = exclure les coupures portant cette étiquette
help-source = le média
help-kind = photos uniquement (kind:article pour les articles)
help-lang = les coupures dans cette langue
help-date = publiées (ou prises) pendant ces mois ; aussi date:2024
help-imported = aussi imported:today, imported:last-30-days
help-trash = chercher dans la corbeille
help-order = Les plus pertinentes d'abord ; choisissez un autre ordre à côté du champ.

## Kinds, orders, layouts
n-clippings = { $n ->
    [one] { $n } coupure
   *[other] { $n } coupures
}
sort-relevance = Pertinence
sort-newest = Plus récentes d'abord
sort-oldest = Plus anciennes d'abord
sort-title = Titre
layout-flat = Un seul dossier
layout-country = Un dossier par pays
layout-topic = Un dossier par thème
layout-event = Un dossier par événement
layout-month = Un dossier par mois
tag-kind-country = pays
tag-kind-topic = thème
tag-kind-event = événement
tag-kind-countries = Pays
tag-kind-topics = Thèmes
tag-kind-events = Événements
kind-article = Article
kind-photo = Photo

## Sidebar
sidebar-library = Bibliothèque
sidebar-all = Toutes les coupures ({ $n })
sidebar-articles = Articles
sidebar-photos = Photos
sidebar-imported-today = Importées aujourd'hui
sidebar-imported-week = Importées cette semaine
sidebar-trash = Corbeille ({ $n })
sidebar-inbox = À traiter ({ $n })
sidebar-inbox-hover = Les nouvelles coupures pas encore vues, avec leurs suggestions. Sélectionnez-les et appuyez sur D (Traité) une fois vues.
sidebar-filter-tags = Filtrer les étiquettes
sidebar-filter-tags-hint = filtrer les étiquettes
sidebar-no-tags = aucune dans ces résultats
sidebar-no-match = aucune correspondance

## Tags
tag-remove = Retirer { $name }
tag-kind-label = Type
tag-add-label = Ajouter une étiquette
tag-add-hint = nom, puis Entrée

## Browser
cancel = Annuler
close = Fermer
rules-title = Règles
rules-explained = Une règle est une recherche et les étiquettes qu’elle donne. Chaque import (fichiers, liens, boîtes mail) applique toutes les règles à ce qu’il apporte.
rules-none = Aucune règle pour l’instant.
rules-line = si { $when } — { $tags } ({ $n ->
    [one] en trouve 1
   *[other] en trouve { $n }
})
rules-apply = Appliquer
rules-apply-hover = Étiqueter les { $n } coupures trouvées maintenant (Ctrl+Z annule)
rules-remove = Supprimer
rules-name = Nom
rules-name-hint = hydrogène
rules-when = Quand
rules-when-hint = une recherche : hydrogène OR hydrogen, keyword:sunset …
rules-tags = Étiquettes
rules-tags-hint = topic:énergie, country:KZ, event:Forum d’Astana
rules-finds = { $n ->
    [one] Trouve 1 coupure
   *[other] Trouve { $n } coupures
}
rules-counting = Comptage…
rules-save = Enregistrer la règle
rules-saved = Règle « { $name } » enregistrée : les imports l’appliquent désormais
rules-removed = Règle « { $name } » supprimée ; ses étiquettes restent
trash-title = Corbeille
trash-explained = Restaurez une coupure depuis son volet ; vider la corbeille supprime aussi ses fichiers.
trash-delete-for-good = { $n ->
    [one] Supprimer définitivement { $n } coupure
   *[other] Supprimer définitivement { $n } coupures
}
trash-empty-button = Vider la corbeille…
trash-is-empty = La corbeille est vide
trash-is-empty-explained = Les coupures supprimées restent ici jusqu'à ce que la corbeille soit vidée.
archive-empty = Votre archive est vide
archive-empty-explained = Déposez ici des articles ({ $articles }) et des photos ({ $photos }), utilisez Importer, ou collez du texte avec Ctrl+V.
no-match = Aucune coupure ne correspond
no-match-countries-suggested = Les pays trouvés dans le texte restent des suggestions tant qu'ils ne sont pas acceptés : acceptez-les dans le volet d'une coupure ou, pour une sélection, dans le volet groupé. Importer › « Étiqueter les pays trouvés » les étiquette dès les prochaines importations.
no-match-sidebar-filters = Les filtres choisis dans le panneau latéral restreignent aussi les résultats : cliquez à nouveau dessus pour les retirer.
no-match-fewer-words = Essayez avec moins de mots, ou le début d'un mot.
column-title = Titre
column-date = Date
column-source = Média
column-countries = Pays
column-kind = Type
column-topics = Thèmes
column-events = Événements
sorted-ascending = Ordre croissant
sorted-descending = Ordre décroissant
imported-on = importée le { $date }

## Detail pane
not-a-date = « { $date } » n'est pas une date : écrivez-la sous la forme 2024-06-01
bulk-selected = { $n ->
    [one] { $n } coupure sélectionnée
   *[other] { $n } coupures sélectionnées
}
bulk-counting = Décompte de la sélection…
bulk-restore = { $n ->
    [one] Restaurer { $n } coupure
   *[other] Restaurer { $n } coupures
}
bulk-tags-explained = Ajoutez une étiquette à toutes, ou retirez-en une de toutes.
bulk-accept-countries = Accepter les pays suggérés pour ces { $n }
bulk-accept-topics = Accepter les thèmes suggérés pour ces { $n }
bulk-accept-events = Accepter les événements suggérés pour ces { $n }
bulk-suggest = Suggérer des étiquettes pour ces { $n }
bulk-suggest-hover = Relire leur texte
bulk-more-tags = et { $n } de plus…
bulk-fewer-tags = En montrer moins
bulk-review = Revue de ces coupures…
bulk-export = Exporter celles-ci…
move-to-trash = Mettre à la corbeille
move-to-trash-hover = Supprimer (annuler avec Ctrl+Z)
missing-cjk-font = Les caractères chinois, japonais ou coréens s'affichent en carrés : cet ordinateur n'a pas de police pour eux. Installez-en une (sous Debian ou Ubuntu : sudo apt install fonts-noto-cjk) puis relancez Clippings.
missing-cjk-font-windows = Les caractères chinois, japonais ou coréens s'affichent en carrés : cet ordinateur n'a pas de police pour eux. Ajoutez la langue dans Paramètres › Heure et langue › Langue et région (Windows installe ses polices avec elle), puis relancez Clippings.
restore-from-trash = Restaurer depuis la corbeille
field-title = Titre
field-source = Média
field-source-hint = journal, site
field-author = Auteur
field-date = Date
field-date-hint = AAAA-MM-JJ
field-notes = Notes
tags-title = Étiquettes
no-tags-yet = pas encore d'étiquette
details-title = Détails
fact-url = Adresse web
fact-language = Langue
fact-file = Fichier
fact-format = Format
fact-format-value = { $format } · { $kb } Ko
fact-pixels = Pixels
fact-taken = Prise le
fact-camera = Appareil
fact-caption = Légende
fact-credit = Crédit photo
fact-copyright = Droits d’auteur
fact-keywords = Mots-clés
inbox-done = Traité (D)
inbox-done-hover = Vu : sort de la liste à traiter. Ses étiquettes, et celles qu’il n’a pas, instruisent les suggestions.
inbox-done-n = Traité : { $n ->
    [one] 1 coupure sort
   *[other] { $n } coupures sortent
} de la liste à traiter
fact-gps = GPS
fact-imported = Importée le
left-out-of-text = Laissé hors du texte (éléments du site) :
loading = chargement…
photo-hover = Ctrl+molette pour zoomer, glisser pour déplacer, double-clic pour ajuster
suggested-title = Suggestions
suggest-again = Suggérer à nouveau
suggest-again-hover = Relire le texte pour trouver pays, événements et thèmes
accept-all = Tout accepter
nothing-to-suggest = aucune suggestion
accept-tag = Accepter { $name }
dismiss-tag = Écarter { $name }
note-mentioned-once = cité une fois
note-mentioned-in-passing = cité en passant
note-first-paragraph = dans le premier paragraphe
note-headline = dans le titre
note-dateline = dans la ligne de lieu et de date
note-photo-place = lieu de la prise de vue
note-like-tagged = comme { $n } coupures étiquetées « { $name } »
note-mentioned-times = { $n ->
    [one] cité { $n } fois
   *[other] cité { $n } fois
}

## Status bar and windows
scans-read = { $n ->
    [one] Texte lu sur 1 scan : c’est désormais un article.
   *[other] Texte lu sur { $n } scans : ce sont désormais des articles.
}
scans-failed = { $n ->
    [one] 1 n’a pas pu être lu : { $reason }
   *[other] { $n } n’ont pas pu être lus, le premier : { $reason }
}
scans-unreadable = Photos et scans gardés comme images, leur texte non lu : { $reason }
status-reading-scans = Lecture du texte : { $done } sur { $total }
status-reading-scans-hover = Les photos et scans de pages imprimées sont lus comme texte (OCR), une page par cœur
status-reading-scans-cancel = Arrêter : ce qui a été lu garde son texte, le reste reste en images
detail-reading-text = Lecture du texte…
status-importing = Importation : { $done } sur { $total }
status-exporting = Exportation : { $done } sur { $total }
status-cancel-export = Annuler l'exportation
status-indexing = Indexation pour la recherche : { $done } sur { $total }
status-indexing-hover = Jusqu'à la fin, la recherche ne trouve que ce qui est déjà indexé
status-adding-tag = Ajout de l'étiquette { $kind } { $tag } à { $n } coupures…
status-removing-tag = Retrait de l'étiquette { $kind } { $tag } de { $n } coupures…
status-shown-of = { $shown } sur { $n ->
    [one] { $n } coupure
   *[other] { $n } coupures
}
status-cards = · { $n ->
    [one] 1 carte
   *[other] { $n } cartes
}
status-selected = · { $n ->
    [one] { $n } sélectionnée
   *[other] { $n } sélectionnées
}
open-locked = Cette archive est déjà ouverte
open-failed = Impossible d'ouvrir l'archive
open-locked-explained = Fermez l'autre fenêtre de Clippings : celle-ci s'ouvrira d'elle-même dès que l'archive sera libre.
try-again = Réessayer
import-finished = Importation terminée
import-count-imported = { $n ->
    [one] { $n } importée
   *[other] { $n } importées
}
import-count-duplicates = { $n ->
    [one] { $n } doublon
   *[other] { $n } doublons
}
import-count-failed = { $n ->
    [one] { $n } échec
   *[other] { $n } échecs
}
import-count-skipped = { $n ->
    [one] { $n } ignorée
   *[other] { $n } ignorées
}
import-count-restored = { $n ->
    [one] { $n } restaurée
   *[other] { $n } restaurées
}
import-count-cancelled = { $n ->
    [one] { $n } annulée
   *[other] { $n } annulées
}
import-nothing = rien à importer
import-skipped-because = ignoré : { $reason }
import-duplicate-of = doublon de { $id } « { $title } »
import-restored = fichiers manquants de { $id } « { $title } » remis en place
import-cancelled = annulé
export-title = Exporter des coupures
export-explained = { $n ->
    [one] Copier { $n } coupure avec son fichier .json (et .xmp pour une photo), un clippings.csv qui la liste et un index.html pour la voir dans un navigateur.
   *[other] Copier { $n } coupures, chacune avec son fichier .json (et .xmp pour les photos), un clippings.csv qui les liste et un index.html pour les voir dans un navigateur.
}
export-folder = Dossier
export-choose = Choisir…
export-folder-hint = où exporter
export-layout = Rangement
export-start = Exporter
export-finished = Exportation terminée
export-summary = { $n ->
    [one] { $n } coupure exportée
   *[other] { $n } coupures exportées
} : { $files } originaux avec leurs fichiers .json (et .xmp pour les photos), clippings.csv et index.html, dans { $dest }
export-was-cancelled = L'exportation a été annulée avant la fin.
export-already-there = Le dossier contenait déjà { $n } éléments : rien n'a été écrasé, les nouveaux fichiers ont reçu d'autres noms.
export-failed-clipping = coupure { $id } : { $reason }
open-folder = Ouvrir le dossier
undo = Annuler
drop-wait = Une importation est en cours : attendez qu'elle se termine
drop-to-import = { $n ->
    [one] Déposez pour importer { $n } élément
   *[other] Déposez pour importer { $n } éléments
}

## Changes (toasts)
nothing-to-undo = Rien à annuler
paste-wait = Attendez la fin de l'importation, puis collez à nouveau
pasted-name = Collé le { $stamp }
dialog-import-title = Importer dans Clippings
dialog-filter-supported = Articles et photos
dialog-filter-all = Tous les fichiers
dialog-export-title = Exporter vers un dossier
edit-failed = Impossible de { $what } : { $error }
edit-what-add-tag = ajouter l'étiquette
edit-what-remove-tag = retirer l'étiquette
edit-what-rename-tag = renommer l’étiquette
edit-what-name-tag = nommer l’étiquette
edit-what-save = enregistrer
edit-what-trash = mettre à la corbeille
edit-what-restore = restaurer
edit-what-inbox = modifier la liste à traiter
edit-what-empty-trash = vider la corbeille
edit-what-accept = accepter les suggestions
edit-what-dismiss = écarter la suggestion
edit-what-suggest = suggérer des étiquettes
edit-what-setting = modifier le réglage
edit-tag-added = Étiquette { $kind } { $tag } ajoutée à { $n ->
    [one] { $n } coupure
   *[other] { $n } coupures
}
edit-tag-removed = Étiquette { $kind } { $tag } retirée de { $n ->
    [one] { $n } coupure
   *[other] { $n } coupures
}
edit-tag-renamed = Étiquette { $kind } { $old } renommée en { $new }
edit-tag-named = { $tag } s’appelle « { $name } » en { $language }
edit-tag-unnamed = { $tag } n’a plus de nom propre en { $language }
tag-name-in = Nommer en { $language }…
tag-name-label = Nom en { $language }
edit-saved = « { $title } » enregistré
edit-trashed = { $n ->
    [one] { $n } coupure mise à la corbeille
   *[other] { $n } coupures mises à la corbeille
}
edit-restored = { $n ->
    [one] { $n } coupure restaurée
   *[other] { $n } coupures restaurées
}
edit-marked-done = { $n ->
    [one] 1 coupure traitée
   *[other] { $n } coupures traitées
}
edit-back-in-inbox = { $n ->
    [one] 1 coupure de nouveau
   *[other] { $n } coupures de nouveau
} à traiter
edit-deleted = { $n ->
    [one] { $n } coupure supprimée définitivement
   *[other] { $n } coupures supprimées définitivement
}
edit-accepted-tag = Étiquette { $kind } { $tag } acceptée
edit-accepted-countries = Pays suggérés acceptés : { $n ->
    [one] { $n } étiquette ajoutée
   *[other] { $n } étiquettes ajoutées
}
edit-accepted-topics = Thèmes suggérés acceptés : { $n ->
    [one] { $n } étiquette ajoutée
   *[other] { $n } étiquettes ajoutées
}
edit-accepted-events = Événements suggérés acceptés : { $n ->
    [one] { $n } étiquette ajoutée
   *[other] { $n } étiquettes ajoutées
}
edit-accepted-all = Suggestions acceptées : { $n ->
    [one] { $n } étiquette ajoutée
   *[other] { $n } étiquettes ajoutées
}
edit-suggested = { $n ->
    [one] { $n } suggestion à examiner
   *[other] { $n } suggestions à examiner
}
edit-setting-tag-countries = Les importations étiquetteront les pays trouvés
edit-setting-suggest-countries = Les importations ne feront que suggérer les pays

## Worker errors (the details after the colon come from the archive, in English)
worker-cannot-start = Impossible de démarrer le processus de travail : { $error }
worker-internal-error = Une erreur interne a interrompu l'opération : { $error }
worker-index-backlog = Impossible de lire la file d'attente de l'index de recherche : { $error }
worker-index-build = Impossible de construire l'index de recherche : { $error }
worker-index-start = Impossible de lancer l'indexation : { $error }
worker-read-tags = Impossible de lire les étiquettes : { $error }
worker-search = Échec de la recherche : { $error }
worker-read-archive = Impossible de lire l'archive : { $error }
worker-reread-archive = Impossible de relire l'archive : { $error }
worker-pasted-image = Impossible de lire l'image collée : { $error }
worker-paste = Impossible d'importer ce qui a été collé : { $error }
worker-show-photo = Impossible d'afficher la photo : { $error }
open-with-system-failed = Impossible d'ouvrir { $path } : { $error }
show-in-folder-failed = Impossible de montrer { $path } dans son dossier : { $error }
worker-original-missing = L'original de « { $title } » n'est pas là où l'archive le garde : { $path }
worker-import-stopped = Importation interrompue : { $error }
worker-import-start = Impossible de lancer l'importation : { $error }
worker-export-failed = Échec de l'exportation : { $error }
worker-export-start = Impossible de lancer l'exportation : { $error }

## Saved searches
saved-title = Recherches enregistrées
saved-new = { $n ->
    [one] { $n } nouvelle
   *[other] { $n } nouvelles
}
saved-rename = Renommer…
saved-move-up = Monter
saved-move-down = Descendre
saved-delete = Supprimer
saved-none = aucune pour l'instant : lancez une recherche, puis enregistrez-la ici
saved-save = Enregistrer cette recherche…
saved-save-hover = Garder sous un nom les mots, les filtres du panneau latéral et l'ordre
saved-name-label = Nom
saved-name-hint = nom, puis Entrée
edit-what-save-search = enregistrer la recherche
edit-what-remove-search = supprimer la recherche enregistrée
edit-what-rename-search = renommer la recherche enregistrée
edit-what-move-search = déplacer la recherche enregistrée
edit-what-open-search = ouvrir la recherche enregistrée
edit-search-saved = Recherche « { $name } » enregistrée
edit-search-removed = Recherche enregistrée « { $name } » supprimée
edit-search-renamed = « { $old } » renommée en « { $new } »
worker-read-saved = Impossible de lire les recherches enregistrées : { $error }

## Export folder names
export-localized = Nommer les dossiers des pays en { $language }
export-no-country = Sans pays
export-no-topic = Sans thème
export-no-event = Sans événement

## The press review document
review-default-title = Revue de presse
review-period = Du { $from } au { $to }
review-period-from = À partir du { $date }
review-period-until = Jusqu’au { $date }
review-made-on = Établie le { $date }
review-summary = { $stories ->
    [one] { $stories } article
   *[other] { $stories } articles
} de { $outlets ->
    [one] { $outlets } média
   *[other] { $outlets } médias
}
review-summary-stories = { $stories ->
    [one] { $stories } article
   *[other] { $stories } articles
}
review-contents = Sommaire
review-also-in = Repris par
review-source = Source
review-page-of = Page { $page } sur { $pages }
review-photo-credit = Photo : { $credit }
review-no-country = Sans pays
review-no-topic = Sans thème
review-no-event = Sans événement
review-no-outlet = Média inconnu
review-no-date = Sans date

## The press review dialog
review-button-short = Revue…
review-button = Revue de presse…
review-button-hover = Faire une revue de presse (PDF, Word ou page web) { $n ->
    [one] de la coupure
   *[other] de ces { $n } coupures
}
review-dialog-title = Revue de presse
review-of-saved = La recherche enregistrée « { $name } » ({ $what })
review-scope-label = De
review-of-selection = La sélection ({ $what })
review-of-results = Tous les résultats ({ $what })
review-title-label = Titre
review-organisation-label = Organisation
review-organisation-hint = Ambassade, ministère, entreprise…
review-period-label = Période
review-date-hint = AAAA-MM-JJ
review-date-invalid = Écrivez les dates ainsi : 2026-11-30
review-period-today = Aujourd’hui
review-period-week = 7 jours
review-period-month = Ce mois-ci
review-period-all = Tout
review-group-label = Sections par
review-group-country = pays
review-group-topic = thème
review-group-event = événement
review-group-outlet = média
review-group-day = jour
review-order-hint = Ordre des sections :
review-move-up = Monter
review-move-down = Descendre
review-text-label = Texte
review-text-full = Intégral
review-text-words = Premiers mots :
review-text-cap = au plus
review-text-cap-words = mots par article
review-text-cut = Texte coupé ici après { $shown } de ses { $total } mots ; le texte entier est dans l’archive.
review-paper-label = Papier
review-paper-letter = Letter (US)
review-include-label = Inclure
review-pictures = Images
review-coverage = Couverture médiatique
review-coverage-per-day = Coupures par jour, par { $by }
review-coverage-per-week = Coupures par semaine, par { $by }
review-coverage-per-month = Coupures par mois, par { $by }
review-coverage-total = { $clippings ->
    [one] 1 coupure
   *[other] { $clippings } coupures
}
review-coverage-other = Autres
review-coverage-outlets = Principaux médias
review-coverage-more-outlets = { $n ->
    [one] et 1 autre média
   *[other] et { $n } autres médias
}
review-coverage-page = Page de couverture médiatique
review-coverage-page-hover = Après la table des matières : les coupures par jour, semaine ou mois, et les médias qui ont le plus écrit
review-format-label = Format
review-format-pdf = PDF
review-format-docx = Word (.docx)
review-format-html = Page web (.html)
review-file-label = Enregistrer sous
review-choose = Choisir…
review-make = Faire la revue
review-preview-hover = Les pages de la revue telles qu’elles seront mises en page
review-preview-previous = Page précédente
review-preview-next = Page suivante
review-preview-summary = { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}, { $stories ->
    [one] { $stories } article
   *[other] { $stories } articles
}
review-making = Revue en cours : { $done } sur { $total }
review-finished = { $name } enregistrée ({ $stories ->
    [one] { $stories } article
   *[other] { $stories } articles
}).
review-open = Ouvrir
review-show-folder = Afficher dans le dossier
review-close = Fermer
review-cancelled = La revue de presse a été annulée.
review-failed = La revue de presse n’a pas pu être faite : { $error }
dialog-review-title = Enregistrer la revue de presse

## Reprints
also-in = Repris par : { $list }
reprints-title = Reprises ({ $n })
reprint-no-outlet = Média inconnu
sidebar-collapse-reprints = Une carte par sujet
sidebar-collapse-reprints-hover = Un article repris par plusieurs médias n’apparaît qu’une fois, par sa première coupure ; les reprises sont listées avec lui

# Why a file was not imported; what in a search is probably a mistake.
import-error-unsupported = format non pris en charge (seuls les articles et les photos sont importés)
import-error-unsupported-photo = les photos { $format } ne sont pas prises en charge : enregistrez-les ou exportez-les d'abord en JPEG
import-error-empty = fichier vide
import-error-not-a-file = ce n'est pas un fichier ordinaire (tube, périphérique ou socket)
import-error-read = le fichier ne peut pas être lu : { $error }
import-error-in-use = le fichier est ouvert dans un autre programme : fermez-le, puis importez-le à nouveau
import-error-bad-image = image { $format } non valide : { $reason }
import-error-too-many-pixels = l'image fait { $size } pixels ({ $megapixels } mégapixels), au-delà de la limite de { $limit } mégapixels
import-error-too-much-memory = le décodage de l'image demanderait { $needed } Mo, au-delà de la limite de { $limit } Mo
import-error-too-large = le fichier fait { $size } Mo : une coupure de ce type ne peut dépasser { $limit } Mo
import-error-no-text = le fichier texte ne contient aucun texte
import-error-bad-text = le texte est illisible : { $reason }
import-error-store = la coupure n'a pas pu être enregistrée : { $error }
import-error-decoder-panic = le décodeur a planté sur ce fichier
import-error-same-address = la même adresse une seconde fois dans ce lot
import-error-empty-message = le message ne contient ni texte ni pièce jointe
fetch-error-not-an-address = « { $text } » n’est pas une adresse web
fetch-error-scheme = les adresses { $scheme }: ne sont pas téléchargées, seulement http et https
fetch-error-connect-timeout = connexion impossible en { $secs } s
fetch-error-timed-out = délai dépassé après { $secs } s
fetch-error-too-large = plus de { $limit } Mo
fetch-error-redirect-loop = boucle de redirections
fetch-error-too-many-redirects = plus de { $limit } redirections
fetch-error-status = le serveur a répondu { $status }
fetch-error-host-not-found = aucun serveur ne porte le nom { $host }
fetch-error-tls = la connexion sécurisée a échoué : { $detail }
fetch-error-connection = la connexion a échoué : { $detail }
fetch-error-cancelled = annulé
import-check-mail = Relever les boîtes aux lettres
import-check-mail-hover = Les boîtes s’ajoutent avec `clippings mail add` ; tant que la fenêtre est ouverte, elles sont relevées toutes les 5 minutes
import-rules = Règles…
import-rules-hover = Des recherches qui étiquettent ce qu’apporte chaque import : « hydrogène » donne le thème énergie
import-links = Liens…
import-links-hover = Pages, PDF et photos par leur adresse ; coller un lien sur la fenêtre fait de même
link-prompt-title = Importer des pages par leur adresse
link-prompt-explained = Saisissez ou collez les adresses, une par ligne (https://…). Chaque page, PDF ou photo est téléchargée, gardée telle quelle et lue ; son adresse est gardée avec elle. Une adresse déjà dans l’archive n’est pas téléchargée à nouveau.
link-prompt-import = Importer ces pages
link-prompt-not-an-address = « { $text } » n’est pas une adresse web (http:// ou https://).
status-mail-checking = Relève de la boîte { $name }…
status-mail-checked = Boîte { $name } : { $n ->
    [0] rien de nouveau
    [one] 1 nouvelle coupure
   *[other] { $n } nouvelles coupures
} à { $time }
status-mail-failed = Boîte { $name } n’a pas pu être relevée
mail-no-password = aucun mot de passe : le trousseau du système n’en a pas, ou sa variable n’est pas définie
mail-error-address = « { $text } » n’est pas l’adresse d’un serveur de messagerie : écrivez imaps://hôte ou imap://hôte:port
mail-error-connect = connexion impossible à { $server } : { $detail }
mail-error-login = le serveur a refusé le nom d’utilisateur ou le mot de passe
mail-error-no-folder = le serveur n’a pas de dossier « { $name } »
mail-error-refused = le serveur a répondu : { $detail }
mail-error-io = la connexion a échoué : { $detail }
mail-error-protocol = la réponse du serveur n’a pas été comprise : { $detail }
hint-unknown-country-near = Aucun pays ne s'appelle « { $value } » : vouliez-vous dire « { $name } » ?
hint-unknown-country = Aucun pays ne s'appelle « { $value } » : indiquez un code (BE) ou un nom.
hint-not-a-date = « { $value } » n'est pas une date : écrivez date:2024, date:2024-03, date:2024-03-05 ou date:2024-01..2024-03.
hint-not-an-import-time = imported:{ $value } n'est pas compris : écrivez imported:today, this-week, last-30-days ou une date.
hint-not-a-kind = kind:{ $value } n'est pas compris : écrivez kind:photo ou kind:article.
hint-not-a-filter = { $field }: n'est pas un filtre : vouliez-vous dire { $nearest }:{ $value } ?
hint-unclosed = Une parenthèse n’est pas fermée : elle est lue comme fermée à la fin.
hint-never-both = Aucune coupure n’est à la fois { $first } et { $second } : vouliez-vous dire { $first } OR { $second } ?

# Errors of the archive, as the window words them (ui::archive_error_text).
archive-error-locked = l’archive { $path } est ouverte dans une autre fenêtre ou commande de Clippings
archive-error-read-only = l’archive { $path } ne peut pas être modifiée ici (disque ou dossier en lecture seule)
archive-error-open = impossible d’ouvrir l’archive { $path } : { $reason }
archive-error-newer = l’archive a été écrite par une version plus récente de Clippings : mettez Clippings à jour pour l’ouvrir
archive-error-damaged = la base de données de l’archive est endommagée ({ $detail }) : lancez « clippings check » ou restaurez une sauvegarde
archive-error-io = { $path } : { $reason }
archive-error-disk-full = le disque est plein : { $needed } Mo nécessaires, { $free } Mo libres
archive-error-no-clipping = la coupure n’est plus dans l’archive
archive-error-unknown-country = pays inconnu « { $value } »
archive-error-empty-tag = l’étiquette est vide
archive-error-meaningless-tag = « { $value } » ne contient ni lettre ni chiffre
archive-error-no-tag = il n’y a pas d’étiquette « { $value } »
archive-error-no-saved-search = il n’y a pas de recherche enregistrée « { $name } »
archive-error-language-code = « { $value } » n’est pas un code de langue : deux ou trois lettres, comme ru, kk ou fr
archive-error-no-rule = il n’y a pas de règle « { $name } »
archive-error-incomplete-rule = une règle demande un nom, une recherche qui trouve quelque chose et une étiquette à ajouter
archive-error-saved-search-exists = une recherche enregistrée s’appelle déjà « { $name } »
archive-error-saved-search-name = une recherche enregistrée doit avoir un nom
archive-error-index = l’index de recherche est inutilisable ({ $reason }) ; il est reconstruit
archive-error-export-into-archive = le dossier d’export est dans l’archive : choisissez-en un autre
archive-error-unreachable = l’archive d’équipe sur { $place } est injoignable ({ $reason }) ; affichage de ce que ce poste a vu en dernier
archive-error-refused = l’archive d’équipe a refusé : { $reason }
archive-error-team = archive d’équipe : { $detail }
archive-error-stale = { $who } a modifié cette coupure entre-temps : sa version est affichée, et votre texte est gardé pour l’appliquer à nouveau
archive-error-password-needed = l’archive d’équipe demande le mot de passe de { $who }
archive-error-password-refused = l’archive d’équipe a refusé le mot de passe de { $who }
open-password = Mot de passe
open-connect = Se connecter
open-remember-password = Le garder dans le trousseau du système
keyring-failed = le mot de passe n’a pas pu être gardé dans le trousseau du système : { $error }
keyring-none = aucun trousseau du système ne répond sur ce poste
read-only-reader = vous pouvez lire cette archive d’équipe mais pas la modifier : un administrateur peut vous rendre éditeur
read-only-unreachable = l’archive d’équipe est injoignable : rien ne peut être modifié avant qu’elle ne le soit
status-read-only = lecture seule
confirm-trash-title = Mettre { $n } coupures à la corbeille ?
confirm-trash-explained = Elles restent dans la corbeille jusqu’à ce qu’elle soit vidée, et Ctrl+Z les ramène.
confirm-trash-yes = Mettre { $n } à la corbeille
detail-nothing-selected = Aucune sélection
detail-how-to-select = Cliquez sur une coupure pour la voir et la modifier ici. Ctrl+clic ou Maj+clic en sélectionne plusieurs, Ctrl+A tous les résultats ; vous pouvez ensuite les étiqueter, les mettre dans une revue ou les exporter ensemble.
detail-nothing-to-select = Les coupures importées ou trouvées apparaissent au centre : cliquez sur l’une d’elles pour la voir ici.
detail-stale-mine = Votre modification n’est pas enregistrée (quelqu’un a modifié cette coupure avant vous) :
detail-stale-apply = Appliquer la mienne à nouveau
detail-stale-discard = Garder la leur
history-imported = importée par { $who }, { $date }
history-tagged = étiquetée par { $who }, { $date }
history-untagged = étiquettes retirées par { $who }, { $date }
history-edited = modifiée par { $who }, { $date }
team-imported = { $who } a importé { $n ->
    [one] 1 coupure
   *[other] { $n } coupures
}
team-tagged = { $who } a étiqueté { $n ->
    [one] 1 coupure
   *[other] { $n } coupures
}
team-untagged = { $who } a retiré des étiquettes de { $n ->
    [one] 1 coupure
   *[other] { $n } coupures
}
team-edited = { $who } a modifié { $n ->
    [one] 1 coupure
   *[other] { $n } coupures
}
team-deleted = { $who } a supprimé définitivement { $n ->
    [one] 1 coupure
   *[other] { $n } coupures
}
io-disk-full = le disque est plein
io-permission-denied = accès refusé
io-not-found = fichier ou dossier introuvable
io-in-use = le fichier est ouvert dans un autre programme

# A card's or a row's menu
menu-open-original = Ouvrir l’original
menu-show-in-folder = Afficher dans le dossier
menu-copy-text = { $n ->
    [1] Copier le texte
   *[other] Copier le texte de { $n } coupures
}
menu-copy-references = { $n ->
    [1] Copier titre, média et date
   *[other] Copier titres, médias et dates de { $n } coupures
}
menu-tag = Étiqueter…
menu-review = Revue de presse…
menu-export = Exporter…
menu-trash = { $n ->
    [1] Mettre à la corbeille
   *[other] Mettre { $n } à la corbeille
}
menu-restore = { $n ->
    [1] Restaurer
   *[other] Restaurer { $n }
}
copied-text = { $n ->
    [1] Texte copié
   *[other] Texte de { $n } coupures copié
}
copied-references = { $n ->
    [1] Titre copié
   *[other] { $n } titres copiés
}

# Where no file dialog can be shown
path-prompt-title = Pas de sélecteur de fichiers sur ce bureau
path-prompt-explained = Clippings n’a pas pu afficher de fenêtre pour choisir des fichiers : il faut le portail du bureau (xdg-desktop-portal) ou zenity (sudo apt install zenity). En attendant, tapez ou collez les chemins des fichiers ou dossiers à importer, un par ligne, ou déposez-les sur la fenêtre.
path-prompt-import = Importer depuis ces chemins
path-prompt-missing = Rien ne se trouve à { $path }.
path-type-in-field = Aucun sélecteur de fichiers ne peut s’afficher sur ce bureau (installez zenity ou xdg-desktop-portal) : tapez le chemin dans le champ.
menu-copy-address = Copier l’adresse web
menu-read-text = { $n ->
    [one] Lire le texte (OCR)
   *[other] Lire le texte de { $n } (OCR)
}
copied-address = Adresse copiée

# Why a text could not be read
text-problem-bom = { $format } invalide après la marque d’ordre des octets
text-problem-binary = données binaires, pas du texte
text-problem-page = la page ne peut pas être lue ({ $detail })
text-problem-no-article = aucun article trouvé dans la page ({ $detail })
text-problem-document = document illisible ({ $detail })
text-problem-missing-part = le document n’a pas de { $name }
text-problem-pdf-bomb = le contenu du PDF dépasserait { $size } Mo une fois décompressé (il est peut-être fait pour épuiser la mémoire)
text-problem-pdf = PDF illisible ({ $detail })
text-problem-pdf-text = le texte du PDF ne peut pas être lu ({ $detail })
text-problem-pdf-page = la première page du PDF ne peut pas être dessinée
text-problem-pdf-locked = le PDF est protégé par un mot de passe : son texte ne peut pas être lu
detail-locked = Protégé par un mot de passe : le PDF est conservé tel quel, mais son texte ne peut être ni lu ni cherché. Ouvrez l’original avec son mot de passe pour le lire.
detail-not-fetched = Non téléchargé : la page n’a pas pu être récupérée, voici ce qu’en disait l’alerte.

# The export's index.html
export-index-title = { $n ->
    [one] { $n } coupure exportée
   *[other] { $n } coupures exportées
}
export-index-made = Fait avec Clippings le { $date }. Chaque fichier a à côté de lui un fichier .json avec tout ce que l’on sait de lui (les photos aussi un fichier .xmp) ; clippings.csv en donne la liste.
export-index-top-folder = Dans le dossier principal
photo-enlarged = agrandie { $times } fois : { $size } pixels
outlet-unknown = média inconnu

# The coverage view
view-coverage = Graphique
view-coverage-hover = Couverture : coupures par période, par pays, thème, média…
coverage-by-label = Par
coverage-per-label = par
coverage-by-country = pays
coverage-by-topic = thème
coverage-by-event = événement
coverage-by-outlet = média
coverage-by-kind = type
coverage-per-day = jour
coverage-per-week = semaine
coverage-per-month = mois
coverage-dated-by-import = { $n ->
    [one] 1 coupure sans date propre : comptée au jour de son import.
   *[other] { $n } coupures sans date propre : comptées au jour de leur import.
}
coverage-ungrouped = { $n ->
    [one] 1 coupure sans { $by } : non comptée.
   *[other] { $n } coupures sans { $by } : non comptées.
}
coverage-nothing = Aucune de ces coupures n’a de { $by }.
coverage-top = Le plus de coupures par { $by }
view-menu-hover = Comment montrer les résultats : vignettes, tableau ou graphiques
export-coverage = Aussi coverage.csv : décompte par mois
export-coverage-hover = À côté de clippings.csv, le nombre de coupures par mois, par pays, thème, événement, média et type
