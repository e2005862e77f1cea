//! What the current search matched in the clippings shown, for the list's snippets and the
//! detail pane's marks, and how marked text is drawn.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::archive::ClippingId;
use crate::archive::catalog::Entry;
use crate::search::highlight::{Highlighter, Snippet};
use crate::search::query::Query;
use crate::ui::leads::Leads;

/// The words the current search matched, for highlighting: found once per clipping shown (on
/// the UI thread, as it is a few microseconds of CPU and no disk) and kept until the next search.
pub struct Matches {
    highlighter: Highlighter,
    snippets: HashMap<ClippingId, Option<Snippet>>,
    body: Option<(ClippingId, Vec<Range<usize>>)>,
}

/// How long a snippet in the list is, in characters.
const SNIPPET_CHARS: usize = 160;

impl Matches {
    pub fn new(query: &Query) -> Matches {
        Matches { highlighter: Highlighter::new(query), snippets: HashMap::new(), body: None }
    }

    /// Whether the search has words to highlight.
    pub fn is_active(&self) -> bool {
        !self.highlighter.is_empty()
    }

    /// A passage of the clipping's text around what matched, with the matches marked. The
    /// text is the whole one where the entry has it, else the lead the list reads for it
    /// ([`Leads`]); until that comes, the snippet waits (and is not kept).
    pub fn snippet(&mut self, entry: &Entry, leads: &mut Leads) -> Option<&Snippet> {
        let id = entry.id();
        if !self.snippets.contains_key(&id) {
            let body: Arc<str> = match entry.clipping() {
                Some(whole) => Arc::from(whole.body.as_str()),
                None => leads.get(id)?,
            };
            let c = &entry.card;
            let language = entry.language();
            let snippet = [&*body, c.caption(), c.notes(), c.author(), c.credit(), c.source(), c.original_name()]
                .into_iter()
                .find_map(|text| self.highlighter.snippet(text, &language, SNIPPET_CHARS));
            self.snippets.insert(id, snippet);
        }
        self.snippets.get(&id)?.as_ref()
    }

    /// Forgets the snippet made for a clipping, to be made again (from its whole text, come
    /// since).
    pub fn forget(&mut self, id: ClippingId) {
        self.snippets.remove(&id);
    }

    /// Where the search's words are in a clipping's text (its body, for the detail pane).
    pub fn ranges(&mut self, id: ClippingId, text: &str, language: &str) -> &[Range<usize>] {
        if self.body.as_ref().is_none_or(|(shown, _)| *shown != id) {
            self.body = Some((id, self.highlighter.ranges(text, language)));
        }
        self.body.as_ref().map_or(&[], |(_, ranges)| ranges.as_slice())
    }
}

/// Text with some byte ranges marked the way search results mark what matched.
pub fn highlighted(
    ui: &egui::Ui,
    text: &str,
    ranges: &[Range<usize>],
    style: egui::TextStyle,
    weak: bool,
) -> egui::text::LayoutJob {
    use egui::text::{LayoutJob, TextFormat};
    let font_id = style.resolve(ui.style());
    let visuals = ui.visuals();
    let color = if weak { visuals.weak_text_color() } else { visuals.text_color() };
    let plain = TextFormat { font_id: font_id.clone(), color, ..Default::default() };
    let marked = TextFormat {
        font_id,
        color: visuals.strong_text_color(),
        background: visuals.selection.bg_fill.gamma_multiply(0.6),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for r in ranges {
        let (Some(before), Some(word)) = (text.get(at..r.start), text.get(r.clone())) else { continue };
        job.append(before, 0.0, plain.clone());
        job.append(word, 0.0, marked.clone());
        at = r.end;
    }
    job.append(text.get(at..).unwrap_or_default(), 0.0, plain);
    job
}
