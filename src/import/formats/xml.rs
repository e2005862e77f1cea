//! What the XML readers (office documents, XMP) share: text out of quick-xml events.

use quick_xml::events::Event;

/// Adds the text of a text or entity event to `out`; other events add nothing.
pub(crate) fn append_xml_text(out: &mut String, event: &Event<'_>) {
    match event {
        Event::Text(t) => out.push_str(&t.xml10_content().unwrap_or_default()),
        Event::GeneralRef(r) => {
            if let Ok(Some(c)) = r.resolve_char_ref() {
                out.push(c);
            } else if let Some(s) = r.decode().ok().and_then(|n| quick_xml::escape::resolve_predefined_entity(&n)) {
                out.push_str(s);
            }
        }
        _ => {}
    }
}
