//! The archive's side of tag suggestions: running the suggester (`suggest/`) over clippings
//! and keeping what it found per clipping, open, accepted (then a tag) or dismissed (never
//! offered again). The suggester only reads text; the store only keeps records.

use std::sync::Arc;

use crate::archive::Archive;
use crate::search::analysis::Analyzers;
use crate::suggest;
use crate::suggest::Learned;
use crate::vocab::Result;
use crate::vocab::model::{Clipping, ClippingId, Kind, StoredSuggestion, Suggestion, Tag, TagKind};

const SETTING_ACCEPT_COUNTRIES: &str = "accept_countries_on_import";

/// What suggestions are made with beside a clipping's text: the archive's own topics and
/// events, and what was learned from its tagging.
#[derive(Default)]
pub(crate) struct Known {
    pub(crate) tags: Vec<Tag>,
    pub(crate) learned: Option<Arc<Learned>>,
}

impl Archive {
    /// The open suggestions for a clipping (not dismissed, not already its tags).
    pub fn suggestions(&self, id: ClippingId) -> Result<Vec<Suggestion>> {
        let tags = self.store.tags_of(id)?;
        self.open_suggestions(id, &tags)
    }

    /// [`Archive::suggestions`] of a clipping whose tags were read already.
    pub(crate) fn open_suggestions(&self, id: ClippingId, tags: &[Tag]) -> Result<Vec<Suggestion>> {
        Ok(self
            .store
            .suggestions(id)?
            .into_iter()
            .filter(|s| !s.dismissed && !tags.iter().any(|t| t.key() == s.suggestion.tag.key()))
            .map(|s| s.suggestion)
            .collect())
    }

    /// Reads the clippings' text again and stores what it suggests, keeping what the user
    /// dismissed dismissed. Known topics and events are matched first. Returns how many open
    /// suggestions there are now.
    pub fn refresh_suggestions(&self, ids: &[ClippingId]) -> Result<usize> {
        let known = self.known_topics_and_events()?;
        let n_open = self.refresh_suggestions_with(ids, &known)?;
        self.store.flush()?;
        Ok(n_open)
    }

    /// The topics and events the archive has, and what it learned of them (learned first if
    /// that is not current). Learning is derived: where it fails, the text's own suggestions
    /// are made without it.
    pub(crate) fn known_topics_and_events(&self) -> Result<Known> {
        let tags = self.store.known_tags()?.into_iter().filter(|t| t.kind != TagKind::Country).collect();
        let learned = self.learned().ok().filter(|learned| learned.n_tags() > 0);
        Ok(Known { tags, learned })
    }

    pub(crate) fn refresh_suggestions_with(&self, ids: &[ClippingId], known: &Known) -> Result<usize> {
        let mut n_open = 0;
        for &id in ids {
            let c = self.get(id)?;
            let dismissed: Vec<String> = self
                .store
                .suggestions(id)?
                .into_iter()
                .filter(|s| s.dismissed)
                .map(|s| s.suggestion.tag.key())
                .collect();
            let tags = self.store.tags_of(id)?;
            let stored = suggestions_for(&c, &tags, &dismissed, known);
            n_open += stored.iter().filter(|s| !s.dismissed).count();
            self.store.set_suggestions(id, &stored)?;
        }
        Ok(n_open)
    }

    /// Makes suggested tags real: for each clipping, its open suggestions of `kind` (all kinds
    /// with `None`), or only `only` when given. Returns how many tags were added.
    pub fn accept_suggestions(&self, ids: &[ClippingId], kind: Option<TagKind>, only: Option<&Tag>) -> Result<usize> {
        let n = self.accept_open_suggestions(ids, kind, only)?;
        self.store.flush()?;
        self.index_changed(ids)?;
        Ok(n)
    }

    /// Whether an import makes the countries it suggests tags at once (off unless set). A press
    /// officer who searches `country:BE` right after an import expects the Belgian stories.
    pub fn accepts_countries_on_import(&self) -> Result<bool> {
        Ok(self.store.setting(SETTING_ACCEPT_COUNTRIES)?.unwrap_or(false))
    }

    pub fn set_accept_countries_on_import(&self, on: bool) -> Result<()> {
        self.store.set_setting(SETTING_ACCEPT_COUNTRIES, &on)
    }

    /// [`Archive::accept_suggestions`] without the flush and the indexing, which the caller does.
    pub(crate) fn accept_open_suggestions(
        &self,
        ids: &[ClippingId],
        kind: Option<TagKind>,
        only: Option<&Tag>,
    ) -> Result<usize> {
        let mut n = 0;
        for &id in ids {
            let mut stored = self.store.suggestions(id)?;
            let (take, keep): (Vec<_>, Vec<_>) = stored.drain(..).partition(|s| {
                !s.dismissed
                    && kind.is_none_or(|k| s.suggestion.tag.kind == k)
                    && only.is_none_or(|t| t.key() == s.suggestion.tag.key())
            });
            for s in &take {
                n += self.put_tag(&s.suggestion.tag, &[id])?;
            }
            self.store.set_suggestions(id, &keep)?;
        }
        Ok(n)
    }

    /// Dismisses a suggestion: it is not offered again for this clipping.
    pub fn dismiss_suggestion(&self, id: ClippingId, tag: &Tag) -> Result<()> {
        let mut stored = self.store.suggestions(id)?;
        for s in stored.iter_mut().filter(|s| s.suggestion.tag.key() == tag.key()) {
            s.dismissed = true;
        }
        self.store.set_suggestions(id, &stored)?;
        self.note_dismissal()?;
        self.store.flush()
    }
}

/// What the suggester finds in a clipping, less what are its tags already; those whose keys
/// are in `dismissed` stay, marked dismissed, so a new run does not offer them again. Known
/// topics and events are matched first; then what was learned adds its own.
pub(crate) fn suggestions_for(
    c: &Clipping,
    tags: &[Tag],
    dismissed: &[String],
    known: &Known,
) -> Vec<StoredSuggestion> {
    let text = [c.body.as_str(), c.caption.as_str()].join("\n\n");
    // A photo's title that is only its file name ("Info_1_Bit_Top", "DSC_0042") is nobody's
    // words: no event or country is read from it.
    let named_by_file = c.kind == Kind::Photo
        && std::path::Path::new(&c.original_name).file_stem().is_some_and(|stem| *stem == *c.title);
    let title = if named_by_file { "" } else { c.title.as_str() };
    let mut found = suggest::suggest(title, &text, &known.tags);
    if let Some(learned) = &known.learned {
        add_learned(&mut found, c, learned, &known.tags);
    }
    if let Some(here) = c.gps.and_then(|g| suggest::country_at(g.latitude_deg, g.longitude_deg)) {
        match found.iter_mut().find(|s| s.tag.key() == here.tag.key()) {
            Some(s) => {
                s.score += here.score;
                s.evidence.extend(here.evidence);
            }
            None => found.insert(0, here),
        }
    }
    let mut stored: Vec<StoredSuggestion> = found
        .into_iter()
        .filter(|s| !tags.iter().any(|t| t.key() == s.tag.key()))
        .map(|s| {
            let dismissed = dismissed.contains(&s.tag.key());
            StoredSuggestion { suggestion: s, dismissed }
        })
        .collect();
    stored.dedup_by_key(|s| s.suggestion.tag.key());
    stored
}

/// Adds what was learned to what the text suggested: a tag both found keeps the text's
/// words and takes the learned note ("like 23 clippings tagged …"). A tag gone since it was
/// learned (deleted, renamed) is not offered.
fn add_learned(found: &mut Vec<Suggestion>, c: &Clipping, learned: &Learned, known: &[Tag]) {
    let mut analyzers = Analyzers::default();
    let (text, tokens) = crate::archive::learning::words_of(c, &mut analyzers);
    let terms = tokens.iter().map(|t| (t.text.as_str(), text.get(t.range.clone()).unwrap_or(&t.text)));
    for s in learned.suggest(terms) {
        if !known.iter().any(|t| t.key() == s.tag.key()) {
            continue;
        }
        match found.iter_mut().find(|f| f.tag.key() == s.tag.key()) {
            Some(f) => {
                f.note = s.note;
                f.weak = false;
            }
            None => found.push(s),
        }
    }
}
