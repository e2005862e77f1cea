# Clippings: the window's messages in English. Every other locale has the same ids; a test
# fails on any id missing in one of them or used nowhere in the code.

## Top bar
search-label = Search
search-hint-short = words, country:BE, date:2024
search-hint = words, "a phrase", a OR b, -exclude, country:BE, topic:energy, lang:ru, date:2024-01..2024-03
search-clear = Clear the search
order-label = Order
order-hover = Order of the results
view-grid = Grid
view-grid-hover = Thumbnails
view-list = List
view-list-hover = A table with columns
thumb-size-label = Size
thumb-size-hover = Thumbnail size
export-button = Export…
export-button-hover = { $n ->
    [one] Copy 1 clipping with its metadata to a folder
   *[other] Copy { $n } clippings with their metadata to a folder
}
language-menu = Language
language-system = System ({ $language })
import-menu = Import
import-files = Files…
import-folder = Folder…
import-tag-countries = Tag the countries found
import-tag-countries-hover = Countries found in the text become tags at once, so country:BE finds them right after an import; otherwise they wait as suggestions for you to accept

## Search help
help-title = Searching
help-words = both words, in any form (corridors, Kazakhstan's)
help-prefix = the word being typed also finds the words it begins
help-phrase = these words together, in this order
help-or = either word
help-group = photos or Kazakh clippings, not in Russian
help-not = leave out clippings with this word
help-country = a country tag, by code or name (Belgium, Бельгия)
help-topic = a topic tag
help-event = an event tag
help-not-tag = leave out clippings with this tag
help-source = the outlet
help-kind = photos only (kind:article for articles)
help-lang = clippings in this language
help-date = published (or taken) in these months; also date:2024
help-imported = also imported:today, imported:last-30-days
help-trash = search the trash
help-order = Best match first; choose another order beside the box.

## Kinds, orders, layouts
n-clippings = { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
}
sort-relevance = Best match
sort-newest = Newest first
sort-oldest = Oldest first
sort-title = Title
layout-flat = One folder
layout-country = A folder per country
layout-topic = A folder per topic
layout-event = A folder per event
layout-month = A folder per month
tag-kind-country = country
tag-kind-topic = topic
tag-kind-event = event
tag-kind-countries = Countries
tag-kind-topics = Topics
tag-kind-events = Events
kind-article = Article
kind-photo = Photo

## Sidebar
sidebar-library = Library
sidebar-all = All clippings ({ $n })
sidebar-articles = Articles
sidebar-photos = Photos
sidebar-imported-today = Imported today
sidebar-imported-week = Imported this week
sidebar-trash = Trash ({ $n })
sidebar-inbox = Inbox ({ $n })
sidebar-inbox-hover = New clippings not looked at yet, with their suggestions. Select them and press D (Done) once looked at.
sidebar-filter-tags = Filter tags
sidebar-filter-tags-hint = filter tags
sidebar-no-tags = none in these results
sidebar-no-match = no match

## Tags
tag-remove = Remove { $name }
tag-kind-label = Kind
tag-add-label = Add tag
tag-add-hint = name, then Enter

## Browser
cancel = Cancel
close = Close
rules-title = Rules
rules-explained = A rule is a search and the tags it gives. Every import (files, links, mailboxes) runs every rule on what it brings.
rules-none = No rules yet.
rules-line = when { $when } — { $tags } ({ $n ->
    [one] finds 1 now
   *[other] finds { $n } now
})
rules-apply = Apply now
rules-apply-hover = Tag the { $n } clippings it finds now (Ctrl+Z undoes)
rules-remove = Remove
rules-name = Name
rules-name-hint = hydrogen
rules-when = When
rules-when-hint = a search: hydrogen OR водород, keyword:sunset …
rules-tags = Add tags
rules-tags-hint = topic:energy, country:KZ, event:Astana Forum
rules-finds = { $n ->
    [one] Finds 1 clipping now
   *[other] Finds { $n } clippings now
}
rules-counting = Counting…
rules-save = Save rule
rules-saved = Rule “{ $name }” saved: imports run it from now on
rules-removed = Rule “{ $name }” removed; the tags it gave stay
trash-title = Trash
trash-explained = Restore a clipping from its pane; emptying the trash deletes its files too.
trash-delete-for-good = { $n ->
    [one] Delete 1 clipping for good
   *[other] Delete { $n } clippings for good
}
trash-empty-button = Empty trash…
trash-is-empty = The trash is empty
trash-is-empty-explained = Deleted clippings stay here until the trash is emptied.
archive-empty = Your archive is empty
archive-empty-explained = Drop articles ({ $articles }) and photos ({ $photos }) here, or use Import, or paste text with Ctrl+V.
no-match = No clippings match
no-match-countries-suggested = Countries found in the text are suggestions until accepted: accept them in a clipping's pane or, for a selection, in the bulk pane. Import › "Tag the countries found" makes the next imports tag them at once.
no-match-sidebar-filters = The filters chosen in the sidebar narrow the results too: click them again to clear them.
no-match-fewer-words = Try fewer words, or the beginning of a word.
column-title = Title
column-date = Date
column-source = Source
column-countries = Countries
column-kind = Kind
column-topics = Topics
column-events = Events
sorted-ascending = Sorted ascending
sorted-descending = Sorted descending
imported-on = imported { $date }

## Detail pane
not-a-date = “{ $date }” is not a date: write it as 2024-06-01
bulk-selected = { $n ->
    [one] 1 clipping selected
   *[other] { $n } clippings selected
}
bulk-counting = Counting the selection…
bulk-restore = { $n ->
    [one] Restore 1 clipping
   *[other] Restore { $n } clippings
}
bulk-tags-explained = Add a tag to all of them, or remove one from all of them.
bulk-accept-countries = Accept suggested countries for these { $n }
bulk-accept-topics = Accept suggested topics for these { $n }
bulk-accept-events = Accept suggested events for these { $n }
bulk-suggest = Suggest tags for these { $n }
bulk-suggest-hover = Read their text again
bulk-more-tags = and { $n } more…
bulk-fewer-tags = Show fewer
bulk-review = Review these…
bulk-export = Export these…
move-to-trash = Move to trash
move-to-trash-hover = Delete (undo with Ctrl+Z)
missing-cjk-font = Chinese, Japanese or Korean letters show as boxes: this computer has no font for them. Install one (on Debian or Ubuntu: sudo apt install fonts-noto-cjk) and start Clippings again.
missing-cjk-font-windows = Chinese, Japanese or Korean letters show as boxes: this computer has no font for them. Add the language in Settings › Time & language › Language & region (Windows installs its fonts with it), then start Clippings again.
restore-from-trash = Restore from the trash
field-title = Title
field-source = Source
field-source-hint = outlet
field-author = Author
field-date = Date
field-date-hint = YYYY-MM-DD
field-notes = Notes
tags-title = Tags
no-tags-yet = no tags yet
details-title = Details
fact-url = Web address
fact-language = Language
fact-file = File
fact-format = Format
fact-format-value = { $format } · { $kb } KB
fact-pixels = Pixels
fact-taken = Taken
fact-camera = Camera
fact-caption = Caption
fact-credit = Credit
fact-copyright = Copyright
fact-keywords = Keywords
inbox-done = Done (D)
inbox-done-hover = Looked at: out of the inbox. Its tags, and the tags it lacks, teach the suggestions.
inbox-done-n = Done: { $n ->
    [one] 1 out of the inbox
   *[other] { $n } out of the inbox
}
fact-gps = GPS
fact-imported = Imported
left-out-of-text = Left out of the text (site furniture):
loading = loading…
photo-hover = Ctrl+scroll to zoom, drag to pan, double-click to fit
suggested-title = Suggested
suggest-again = Suggest again
suggest-again-hover = Read the text again for countries, events and topics
accept-all = Accept all
nothing-to-suggest = nothing to suggest
accept-tag = Accept { $name }
dismiss-tag = Dismiss { $name }
note-mentioned-once = mentioned once
note-mentioned-in-passing = mentioned in passing
note-first-paragraph = in the first paragraph
note-headline = in the headline
note-dateline = dateline
note-photo-place = where the photo was taken
note-like-tagged = like { $n } clippings tagged { $name }
note-mentioned-times = { $n ->
    [one] mentioned once
   *[other] mentioned { $n } times
}

## Status bar and windows
scans-read = { $n ->
    [one] Read the text of 1 scan: it is an article now.
   *[other] Read the text of { $n } scans: they are articles now.
}
scans-failed = { $n ->
    [one] 1 could not be read: { $reason }
   *[other] { $n } could not be read, the first: { $reason }
}
scans-unreadable = Photos and scans are kept as pictures, their text not read: { $reason }
status-reading-scans = Reading text: { $done } of { $total }
status-reading-scans-hover = Photos and scans of printed pages are read as text (OCR), one page a core
status-reading-scans-cancel = Stop reading: what was read keeps its text, the rest stay pictures
detail-reading-text = Reading the text…
status-importing = Importing { $done } of { $total }
status-exporting = Exporting { $done } of { $total }
status-cancel-export = Cancel export
status-indexing = Indexing for search: { $done } of { $total }
status-indexing-hover = Until it is done, searches find only what is indexed so far
status-adding-tag = Adding { $kind } { $tag } to { $n } clippings…
status-removing-tag = Removing { $kind } { $tag } from { $n } clippings…
status-shown-of = { $shown } of { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
}
status-cards = · { $n ->
    [one] 1 card
   *[other] { $n } cards
}
status-selected = · { $n } selected
open-locked = This archive is already open
open-failed = The archive cannot be opened
open-locked-explained = Close the other Clippings window: this one opens by itself as soon as the archive is free.
try-again = Try again
import-finished = Import finished
import-count-imported = { $n } imported
import-count-duplicates = { $n ->
    [one] 1 duplicate
   *[other] { $n } duplicates
}
import-count-failed = { $n } failed
import-count-skipped = { $n } skipped
import-count-restored = { $n } restored
import-count-cancelled = { $n } cancelled
import-nothing = nothing to import
import-skipped-because = skipped: { $reason }
import-duplicate-of = duplicate of { $id } “{ $title }”
import-restored = put back the missing files of { $id } “{ $title }”
import-cancelled = cancelled
export-title = Export clippings
export-explained = { $n ->
    [one] Copy 1 clipping, with a .json sidecar, and (photos also with .xmp), a clippings.csv listing it and an index.html to view it in a browser.
   *[other] Copy { $n } clippings, each with a .json sidecar, and (photos also with .xmp), a clippings.csv listing them and an index.html to view them in a browser.
}
export-folder = Folder
export-choose = Choose…
export-folder-hint = where to export
export-layout = Layout
export-start = Export
export-finished = Export finished
export-summary = { $n ->
    [one] 1 clipping exported
   *[other] { $n } clippings exported
}: { $files } originals with their .json sidecars (and .xmp for photos), clippings.csv and index.html, in { $dest }
export-was-cancelled = The export was cancelled before the end.
export-already-there = The folder already held { $n } items: none was overwritten, new names were given beside them.
export-failed-clipping = clipping { $id }: { $reason }
open-folder = Open folder
undo = Undo
drop-wait = An import is running: wait for it to finish
drop-to-import = { $n ->
    [one] Drop to import 1 item
   *[other] Drop to import { $n } items
}

## Changes (toasts)
nothing-to-undo = Nothing to undo
paste-wait = Wait for the import to finish, then paste again
pasted-name = Pasted { $stamp }
dialog-import-title = Import into Clippings
dialog-filter-supported = Articles and photos
dialog-filter-all = All files
dialog-export-title = Export to folder
edit-failed = cannot { $what }: { $error }
edit-what-add-tag = add the tag
edit-what-remove-tag = remove the tag
edit-what-rename-tag = rename the tag
edit-what-name-tag = name the tag
edit-what-save = save
edit-what-trash = move to the trash
edit-what-restore = restore
edit-what-inbox = change the inbox
edit-what-empty-trash = empty the trash
edit-what-accept = accept the suggestions
edit-what-dismiss = dismiss the suggestion
edit-what-suggest = suggest tags
edit-what-setting = change the setting
edit-tag-added = Added { $kind } { $tag } to { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
}
edit-tag-removed = Removed { $kind } { $tag } from { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
}
edit-tag-renamed = Renamed { $kind } { $old } to { $new }
edit-tag-named = { $tag } is “{ $name }” in { $language }
edit-tag-unnamed = { $tag } has no name of its own in { $language } any more
tag-name-in = Name in { $language }…
tag-name-label = Name in { $language }
edit-saved = Saved “{ $title }”
edit-trashed = Moved { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
} to the trash
edit-restored = Restored { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
}
edit-marked-done = { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
} out of the inbox
edit-back-in-inbox = { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
} back in the inbox
edit-deleted = Deleted { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
} for good
edit-accepted-tag = Accepted { $kind } { $tag }
edit-accepted-countries = Accepted suggested countries: { $n ->
    [one] 1 tag
   *[other] { $n } tags
} added
edit-accepted-topics = Accepted suggested topics: { $n ->
    [one] 1 tag
   *[other] { $n } tags
} added
edit-accepted-events = Accepted suggested events: { $n ->
    [one] 1 tag
   *[other] { $n } tags
} added
edit-accepted-all = Accepted suggested tags: { $n ->
    [one] 1 tag
   *[other] { $n } tags
} added
edit-suggested = { $n ->
    [one] 1 suggestion
   *[other] { $n } suggestions
} to review
edit-setting-tag-countries = Imports will tag the countries they find
edit-setting-suggest-countries = Imports will only suggest countries

## Worker errors (the details after the colon come from the archive, in English)
worker-cannot-start = cannot start the worker thread: { $error }
worker-internal-error = an internal error stopped this: { $error }
worker-index-backlog = cannot read the search index's backlog: { $error }
worker-index-build = cannot build the search index: { $error }
worker-index-start = cannot start indexing: { $error }
worker-read-tags = cannot read tags: { $error }
worker-search = cannot search: { $error }
worker-read-archive = cannot read the archive: { $error }
worker-reread-archive = cannot re-read the archive: { $error }
worker-pasted-image = cannot read the pasted image: { $error }
worker-paste = cannot import what was pasted: { $error }
worker-show-photo = cannot show the photo: { $error }
open-with-system-failed = cannot open { $path }: { $error }
show-in-folder-failed = cannot show { $path } in its folder: { $error }
worker-original-missing = the original of “{ $title }” is not where the archive keeps it: { $path }
worker-import-stopped = import stopped: { $error }
worker-import-start = cannot start the import: { $error }
worker-export-failed = export failed: { $error }
worker-export-start = cannot start the export: { $error }

## Saved searches
saved-title = Saved searches
saved-new = { $n } new
saved-rename = Rename…
saved-move-up = Move up
saved-move-down = Move down
saved-delete = Delete
saved-none = none yet: search, then save it here
saved-save = Save this search…
saved-save-hover = Keep the words, the filters chosen in the sidebar and the order under a name
saved-name-label = Name
saved-name-hint = name, then Enter
edit-what-save-search = save the search
edit-what-remove-search = delete the saved search
edit-what-rename-search = rename the saved search
edit-what-move-search = move the saved search
edit-what-open-search = open the saved search
edit-search-saved = Saved the search “{ $name }”
edit-search-removed = Deleted the saved search “{ $name }”
edit-search-renamed = Renamed “{ $old }” to “{ $new }”
worker-read-saved = cannot read the saved searches: { $error }

## Export folder names
export-localized = Name the country folders in { $language }
export-no-country = No country
export-no-topic = No topic
export-no-event = No event

## The press review document
review-default-title = Press review
review-period = { $from } – { $to }
review-period-from = From { $date }
review-period-until = Until { $date }
review-made-on = Made on { $date }
review-summary = { $stories ->
    [one] 1 story
   *[other] { $stories } stories
} from { $outlets ->
    [one] 1 outlet
   *[other] { $outlets } outlets
}
review-summary-stories = { $stories ->
    [one] 1 story
   *[other] { $stories } stories
}
review-contents = Contents
review-also-in = Also in
review-source = Source
review-page-of = Page { $page } of { $pages }
review-photo-credit = Photo: { $credit }
review-no-country = No country
review-no-topic = No topic
review-no-event = No event
review-no-outlet = Outlet unknown
review-no-date = Undated

## The press review dialog
review-button-short = Review…
review-button = Press review…
review-button-hover = Make a press review (PDF, Word or web page) of { $n ->
    [one] the clipping
   *[other] these { $n } clippings
}
review-dialog-title = Press review
review-of-saved = The saved search “{ $name }” ({ $what })
review-scope-label = Of
review-of-selection = The selection ({ $what })
review-of-results = All the results ({ $what })
review-title-label = Title
review-organisation-label = Organisation
review-organisation-hint = Embassy, ministry, company…
review-period-label = Period
review-date-hint = YYYY-MM-DD
review-date-invalid = Write dates as 2026-11-30
review-period-today = Today
review-period-week = 7 days
review-period-month = This month
review-period-all = All
review-group-label = Sections by
review-group-country = Country
review-group-topic = Topic
review-group-event = Event
review-group-outlet = Outlet
review-group-day = Day
review-order-hint = Order of the sections:
review-move-up = Move up
review-move-down = Move down
review-text-label = Text
review-text-full = Full text
review-text-words = First words:
review-text-cap = up to
review-text-cap-words = words a story
review-text-cut = The text is cut here after { $shown } of its { $total } words; the whole text is in the archive.
review-paper-label = Paper
review-paper-letter = Letter
review-include-label = Include
review-pictures = Pictures
review-coverage = Coverage
review-coverage-per-day = Clippings a day, by { $by }
review-coverage-per-week = Clippings a week, by { $by }
review-coverage-per-month = Clippings a month, by { $by }
review-coverage-total = { $clippings ->
    [one] 1 clipping
   *[other] { $clippings } clippings
}
review-coverage-other = Other
review-coverage-outlets = Top outlets
review-coverage-more-outlets = { $n ->
    [one] and 1 more outlet
   *[other] and { $n } more outlets
}
review-coverage-page = Coverage page
review-coverage-page-hover = After the contents: a chart of the clippings per day, week or month, and the outlets that wrote most
review-format-label = Format
review-format-pdf = PDF
review-format-docx = Word (.docx)
review-format-html = Web page (.html)
review-file-label = Save as
review-choose = Choose…
review-make = Make review
review-preview-hover = The review's pages as they will be laid out
review-preview-previous = Previous page
review-preview-next = Next page
review-preview-summary = { $pages ->
    [one] 1 page
   *[other] { $pages } pages
}, { $stories ->
    [one] 1 story
   *[other] { $stories } stories
}
review-making = Making the review: { $done } of { $total }
review-finished = Saved { $name } ({ $stories ->
    [one] 1 story
   *[other] { $stories } stories
}).
review-open = Open
review-show-folder = Show in folder
review-close = Close
review-cancelled = The press review was cancelled.
review-failed = The press review could not be made: { $error }
dialog-review-title = Save the press review

## Reprints
also-in = Also in: { $list }
reprints-title = Also printed by ({ $n })
reprint-no-outlet = Outlet not known
sidebar-collapse-reprints = One card per story
sidebar-collapse-reprints-hover = A story printed by several outlets is shown once, by its earliest clipping; the others are listed under it

# Why a file was not imported; what in a search is probably a mistake.
import-error-unsupported = not a clipping format (articles and photos are imported)
import-error-unsupported-photo = { $format } photos are not supported: save or export them as JPEG first
import-error-empty = empty file
import-error-not-a-file = not an ordinary file (a pipe, a device or a socket)
import-error-read = the file cannot be read: { $error }
import-error-in-use = the file is open in another program: close it there, then import it again
import-error-bad-image = not a valid { $format } image: { $reason }
import-error-too-many-pixels = the image is { $size } pixels ({ $megapixels } megapixels), over the limit of { $limit } megapixels
import-error-too-much-memory = the image would need { $needed } MB to decode, over the limit of { $limit } MB
import-error-too-large = the file is { $size } MB: a clipping of this kind may be at most { $limit } MB
import-error-no-text = the text file holds no text
import-error-bad-text = the text cannot be read: { $reason }
import-error-store = the clipping could not be stored: { $error }
import-error-decoder-panic = the decoder crashed on this file
import-error-same-address = the same address again in this batch
import-error-empty-message = the message holds no text and no attachment
fetch-error-not-an-address = “{ $text }” is not a web address
fetch-error-scheme = { $scheme }: addresses are not fetched, only http and https
fetch-error-connect-timeout = could not connect within { $secs } s
fetch-error-timed-out = timed out after { $secs } s
fetch-error-too-large = larger than { $limit } MB
fetch-error-redirect-loop = redirect loop
fetch-error-too-many-redirects = more than { $limit } redirects
fetch-error-status = the server answered { $status }
fetch-error-host-not-found = no server is known by the name { $host }
fetch-error-tls = the secure connection failed: { $detail }
fetch-error-connection = the connection failed: { $detail }
fetch-error-cancelled = cancelled
import-check-mail = Check mailboxes now
import-check-mail-hover = Mailboxes are added with `clippings mail add`; while the window is open they are checked every 5 minutes
import-rules = Rules…
import-rules-hover = Searches that tag what every import brings: “hydrogen” gives the topic energy
import-links = Links…
import-links-hover = Pages, PDFs and photos by their address; pasting a link on the window does the same
link-prompt-title = Import pages by their address
link-prompt-explained = Type or paste the addresses, one a line (https://…). Each page, PDF or photo is downloaded, kept as it was fetched and read; its address is kept with it. An address already in the archive is not downloaded again.
link-prompt-import = Import these pages
link-prompt-not-an-address = “{ $text }” is not a web address (http:// or https://).
status-mail-checking = Checking mailbox { $name }…
status-mail-checked = Mailbox { $name }: { $n ->
    [0] nothing new
    [one] 1 new clipping
   *[other] { $n } new clippings
} at { $time }
status-mail-failed = Mailbox { $name } could not be checked
mail-no-password = no password for it: the system keyring has none, or its variable is not set
mail-error-address = “{ $text }” is not a mail server’s address: write imaps://host or imap://host:port
mail-error-connect = could not connect to { $server }: { $detail }
mail-error-login = the server refused the user name or the password
mail-error-no-folder = the server has no folder “{ $name }”
mail-error-refused = the server answered: { $detail }
mail-error-io = the connection failed: { $detail }
mail-error-protocol = the server’s answer was not understood: { $detail }
hint-unknown-country-near = No country is called “{ $value }”: did you mean “{ $name }”?
hint-unknown-country = No country is called “{ $value }”: use a code (BE) or a name.
hint-not-a-date = “{ $value }” is not a date: write date:2024, date:2024-03, date:2024-03-05 or date:2024-01..2024-03.
hint-not-an-import-time = imported:{ $value } is not understood: write imported:today, this-week, last-30-days or a date.
hint-not-a-kind = kind:{ $value } is not understood: write kind:photo or kind:article.
hint-not-a-filter = { $field }: is not a filter: did you mean { $nearest }:{ $value }?
hint-unclosed = A parenthesis is not closed: it is read as closed at the end.
hint-never-both = No clipping is both { $first } and { $second }: did you mean { $first } OR { $second }?

# Errors of the archive, as the window words them (ui::archive_error_text).
archive-error-locked = the archive { $path } is open in another Clippings window or command
archive-error-read-only = the archive { $path } cannot be written here (a read-only disk or folder)
archive-error-open = cannot open the archive { $path }: { $reason }
archive-error-newer = the archive was written by a newer Clippings: update Clippings to open it
archive-error-damaged = the archive's database is damaged ({ $detail }): run “clippings check”, or restore a backup
archive-error-io = { $path }: { $reason }
archive-error-disk-full = the disk is full: { $needed } MB needed, { $free } MB free
archive-error-no-clipping = the clipping is no longer in the archive
archive-error-unknown-country = unknown country “{ $value }”
archive-error-empty-tag = the tag is empty
archive-error-meaningless-tag = “{ $value }” holds no letter or digit
archive-error-no-tag = there is no tag “{ $value }”
archive-error-no-saved-search = there is no saved search “{ $name }”
archive-error-language-code = “{ $value }” is not a language code: write two or three letters, such as ru, kk or fr
archive-error-no-rule = there is no rule “{ $name }”
archive-error-incomplete-rule = a rule needs a name, a search that finds something and a tag to add
archive-error-saved-search-exists = a saved search is already called “{ $name }”
archive-error-saved-search-name = a saved search needs a name
archive-error-index = the search index could not be used ({ $reason }); it is built again
archive-error-export-into-archive = the export folder is inside the archive: choose another
archive-error-unreachable = the team archive at { $place } cannot be reached ({ $reason }); showing what this desktop last saw
archive-error-refused = the team archive refused this: { $reason }
archive-error-team = team archive: { $detail }
archive-error-stale = { $who } changed this clipping meanwhile: their version is shown, and your text is kept to apply again
archive-error-password-needed = the team archive wants the password of { $who }
archive-error-password-refused = the team archive refused the password of { $who }
open-password = Password
open-connect = Connect
open-remember-password = Keep it in the system keyring
keyring-failed = the password could not be kept in the system keyring: { $error }
keyring-none = no system keyring answers on this desktop
read-only-reader = you may read this team archive but not change it: an admin can make you an editor
read-only-unreachable = the team archive cannot be reached: nothing can be changed until it can
status-read-only = read-only
confirm-trash-title = Move { $n } clippings to the trash?
confirm-trash-explained = They stay in the trash until it is emptied, and Ctrl+Z brings them back.
confirm-trash-yes = Move { $n } to the trash
detail-nothing-selected = Nothing selected
detail-how-to-select = Click a clipping to see it here and edit it. Ctrl+click or Shift+click selects several, Ctrl+A all the results; then tag, review or export them together.
detail-nothing-to-select = The clippings you import or find appear in the middle: click one to see it here.
detail-stale-mine = Your change, not saved (someone changed this clipping first):
detail-stale-apply = Apply mine again
detail-stale-discard = Keep theirs
history-imported = imported by { $who }, { $date }
history-tagged = tagged by { $who }, { $date }
history-untagged = tags taken off by { $who }, { $date }
history-edited = edited by { $who }, { $date }
team-imported = { $who } imported { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
}
team-tagged = { $who } tagged { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
}
team-untagged = { $who } took tags off { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
}
team-edited = { $who } edited { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
}
team-deleted = { $who } deleted { $n ->
    [one] 1 clipping
   *[other] { $n } clippings
} for good
io-disk-full = the disk is full
io-permission-denied = permission denied
io-not-found = no such file or folder
io-in-use = the file is open in another program

# A card's or a row's menu
menu-open-original = Open the original
menu-show-in-folder = Show in folder
menu-copy-text = { $n ->
    [1] Copy the text
   *[other] Copy the text of { $n }
}
menu-copy-references = { $n ->
    [1] Copy headline, outlet and date
   *[other] Copy headlines, outlets and dates of { $n }
}
menu-tag = Tag…
menu-review = Press review…
menu-export = Export…
menu-trash = { $n ->
    [1] Move to trash
   *[other] Move { $n } to trash
}
menu-restore = { $n ->
    [1] Restore
   *[other] Restore { $n }
}
copied-text = { $n ->
    [1] Text copied
   *[other] Text of { $n } clippings copied
}
copied-references = { $n ->
    [1] Headline copied
   *[other] { $n } headlines copied
}

# Where no file dialog can be shown
path-prompt-title = No file dialog on this desktop
path-prompt-explained = Clippings could not show a window to choose files: it needs the desktop portal (xdg-desktop-portal) or zenity (sudo apt install zenity). Meanwhile, type or paste the paths of files or folders to import, one a line, or drop them on the window.
path-prompt-import = Import from these paths
path-prompt-missing = Nothing is at { $path }.
path-type-in-field = No file dialog can be shown on this desktop (install zenity or xdg-desktop-portal): type the path in the field.
menu-copy-address = Copy the web address
menu-read-text = { $n ->
    [one] Read the text (OCR)
   *[other] Read the text of { $n } (OCR)
}
copied-address = Address copied

# Why a text could not be read
text-problem-bom = invalid { $format } after its byte-order mark
text-problem-binary = binary data, not text
text-problem-page = the page cannot be read ({ $detail })
text-problem-no-article = no article found in the page ({ $detail })
text-problem-document = not a readable document ({ $detail })
text-problem-missing-part = the document has no { $name }
text-problem-pdf-bomb = the PDF’s contents would expand to over { $size } MB (it may be built to exhaust memory)
text-problem-pdf = not a readable PDF ({ $detail })
text-problem-pdf-text = the PDF’s text cannot be read ({ $detail })
text-problem-pdf-page = the PDF’s first page cannot be drawn
text-problem-pdf-locked = the PDF is locked by a password: its text cannot be read
detail-locked = Locked by a password: the PDF is kept as it came, but its text cannot be read or searched. Open the original with its password to read it.
detail-not-fetched = Not fetched: the page could not be downloaded, this is what the alert said of it.

# The export's index.html
export-index-title = { $n ->
    [one] 1 clipping exported
   *[other] { $n } clippings exported
}
export-index-made = Made with Clippings on { $date }. Each file has a .json file beside it with all it is known by (photos an .xmp file too); clippings.csv lists the same.
export-index-top-folder = In the top folder
photo-enlarged = shown { $times }× enlarged: { $size } pixels
outlet-unknown = outlet not known

# The coverage view
view-coverage = Chart
view-coverage-hover = Coverage: clippings per period, by country, topic, outlet…
coverage-by-label = By
coverage-per-label = per
coverage-by-country = country
coverage-by-topic = topic
coverage-by-event = event
coverage-by-outlet = outlet
coverage-by-kind = kind
coverage-per-day = day
coverage-per-week = week
coverage-per-month = month
coverage-dated-by-import = { $n ->
    [one] 1 clipping has no date of its own: counted on the day it was imported.
   *[other] { $n } clippings have no date of their own: counted on the day they were imported.
}
coverage-ungrouped = { $n ->
    [one] 1 clipping has no { $by }: not counted.
   *[other] { $n } clippings have no { $by }: not counted.
}
coverage-nothing = None of these clippings has a { $by }.
coverage-top = Most clippings by { $by }
view-menu-hover = How the results are shown: thumbnails, a table, or charts
export-coverage = Also coverage.csv: counts per month
export-coverage-hover = Beside clippings.csv, how many clippings each month by country, topic, event, outlet and kind
