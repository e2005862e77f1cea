use super::*;

#[test]
fn a_text_is_cut_after_its_first_words() {
    let body = "One two three.\nFour five six seven.\n\nEight nine.";
    let (all, cut) = text_of(body, None);
    assert_eq!(all, ["One two three.", "Four five six seven.", "Eight nine."]);
    assert!(!cut);
    let (some, cut) = text_of(body, Some(5));
    assert_eq!(some, ["One two three.", "Four five …"]);
    assert!(cut);
    let (exact, cut) = text_of(body, Some(7));
    assert_eq!(exact, ["One two three.", "Four five six seven. …"]);
    assert!(cut);
    let (whole, cut) = text_of(body, Some(9));
    assert_eq!(whole.len(), 3);
    assert!(!cut);
}

#[test]
fn formats_and_groupings_are_read_from_their_names() {
    assert_eq!(Format::of_path(Path::new("/tmp/Review.PDF")), Some(Format::Pdf));
    assert_eq!(Format::of_path(Path::new("r.htm")), Some(Format::Html));
    assert_eq!(Format::of_path(Path::new("r.docx")), Some(Format::Docx));
    assert_eq!(Format::of_path(Path::new("r.odt")), None);
    assert_eq!(GroupBy::parse("Outlet"), Some(GroupBy::Outlet));
    assert_eq!(GroupBy::parse("week"), None);
    assert_eq!(Paper::parse("letter"), Some(Paper::Letter));
}
