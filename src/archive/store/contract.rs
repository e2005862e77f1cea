//! What every [`Store`] must do, as one generic suite. A backend runs it whole with one line,
//! `store_contract!(fresh)`, where `fresh()` gives it an empty store of its own (or `None`,
//! having said why, where its server is not installed here): the sled store
//! runs it in `sled_store/mod.rs`, and a PostgreSQL store runs the same. The whole file is test
//! code: `store/mod.rs` declares it under #[cfg(test)].

use super::{Inserted, Store};
use crate::vocab::{Clipping, ClippingId, Error, Kind, Signature, StoredSuggestion, Suggestion, Tag, TagKind, tags};

/// Writes one `#[test]` for each clause of the contract, over stores made by `$fresh`.
macro_rules! store_contract {
    ($fresh:expr) => {
        $crate::archive::store::contract::store_contract!(@tests $fresh;
            inserts_give_ids_in_order_and_copies_are_duplicates,
            clippings_are_read_in_the_orders_promised,
            records_come_with_their_tags_in_the_order_asked,
            an_update_rewrites_the_record_and_drops_its_signature,
            tags_are_added_removed_and_merged_whole,
            a_tag_edit_of_many_clippings_is_whole_and_marked,
            suggestions_are_kept_and_replaced,
            what_is_derived_from_new_clippings_is_kept_in_one_go,
            a_deleted_clipping_leaves_nothing_behind,
            signatures_and_their_file_token,
            marks_are_cleared_only_when_no_newer_change_came,
            settings_markers_and_tokens_are_kept,
        );
    };
    (@tests $fresh:expr; $($clause:ident),* $(,)?) => {
        $(
            #[test]
            fn $clause() {
                // None: the backend cannot run here (its server is not installed), and said so.
                let Some(store) = $fresh() else { return };
                $crate::archive::store::contract::$clause(&*store);
            }
        )*
    };
}
pub(crate) use store_contract;

fn clipping(text: &str) -> Clipping {
    Clipping {
        title: text.to_owned(),
        body: format!("{text} — a story filed from {text}."),
        hash: blake3::hash(text.as_bytes()).to_hex().to_string(),
        kind: Kind::Article,
        ..Clipping::default()
    }
}

fn tag(kind: TagKind, value: &str) -> Tag {
    tags::resolve(kind, value).unwrap()
}

fn new_id(inserted: &Inserted) -> ClippingId {
    match inserted {
        Inserted::New(id, _) => *id,
        Inserted::Duplicate(id) => panic!("{id:?} was a duplicate"),
    }
}

/// Stores these clippings, one transaction, and gives back their ids.
fn stored(store: &dyn Store, titles: &[&str]) -> Vec<ClippingId> {
    let clippings: Vec<Clipping> = titles.iter().map(|t| clipping(t)).collect();
    let items: Vec<(&Clipping, &[Tag])> = clippings.iter().map(|c| (c, &[][..])).collect();
    store.insert_clippings(&items).unwrap().iter().map(new_id).collect()
}

fn titles(clippings: &[Clipping]) -> Vec<&str> {
    clippings.iter().map(|c| c.title.as_str()).collect()
}

fn signature(seed: u32) -> Signature {
    let mut hashes = [0u32; crate::vocab::N_HASHES];
    for (i, h) in hashes.iter_mut().enumerate() {
        *h = seed.wrapping_mul(2_654_435_761).wrapping_add(i as u32);
    }
    Signature(hashes)
}

pub(crate) fn inserts_give_ids_in_order_and_copies_are_duplicates(store: &dyn Store) {
    let (astana, brussels, almaty) = (clipping("Astana"), clipping("Brussels"), clipping("Almaty"));
    let kz = tag(TagKind::Country, "KZ");
    let first =
        store.insert_clippings(&[(&astana, &[]), (&brussels, std::slice::from_ref(&kz)), (&astana, &[])]).unwrap();
    let [Inserted::New(a, seq_a), Inserted::New(b, seq_b), Inserted::Duplicate(copy)] = first[..] else {
        panic!("{first:?}")
    };
    assert!(a < b && copy == a, "{first:?}");
    assert_eq!(seq_a, seq_b, "one insert is one change");
    let second = store.insert_clippings(&[(&almaty, &[]), (&brussels, &[])]).unwrap();
    let [Inserted::New(c, seq_c), Inserted::Duplicate(again)] = second[..] else { panic!("{second:?}") };
    assert!(c > b && again == b && seq_c > seq_a, "{second:?}");
    assert_eq!(store.get(b).unwrap().unwrap().title, "Brussels");
    assert_eq!(store.get(b).unwrap().unwrap().id, b, "the record carries its id");
    assert_eq!(store.get(ClippingId(c.0 + 100)).unwrap(), None);
    assert_eq!(store.id_by_hash(&almaty.hash).unwrap(), Some(c));
    assert_eq!(store.id_by_hash("0000").unwrap(), None);
    assert_eq!(store.n_clippings(), 3);
    assert_eq!(store.ids().unwrap(), [a, b, c]);
    assert_eq!(store.known_hashes().unwrap().len(), 3);
    assert!(store.known_hashes().unwrap().contains(&brussels.hash));
    assert_eq!(store.tags_of(b).unwrap(), std::slice::from_ref(&kz));
    assert_eq!(store.tags_of(a).unwrap(), []);
    assert_eq!(store.clippings_with(&kz.key()).unwrap(), [b]);
    let marked: Vec<ClippingId> = store.index_pending().unwrap().iter().map(|(id, _)| *id).collect();
    assert_eq!(marked, [a, b, c], "what is inserted is marked for the index");
    let for_catalog: Vec<ClippingId> = store.catalog_pending().unwrap().iter().map(|(id, _)| *id).collect();
    assert_eq!(for_catalog, [a, b, c], "and for the catalog");
}

pub(crate) fn clippings_are_read_in_the_orders_promised(store: &dyn Store) {
    let ids = stored(store, &["One", "Two", "Three", "Four"]);
    assert_eq!(titles(&store.all_clippings().unwrap()), ["One", "Two", "Three", "Four"]);
    assert_eq!(titles(&store.recent_clippings(2).unwrap()), ["Four", "Three"]);
    assert_eq!(titles(&store.recent_clippings(10).unwrap()).len(), 4);
    let shrunk = store.all_clippings_shrunk(&|c: &mut Clipping| c.body.truncate(3)).unwrap();
    assert_eq!(shrunk.iter().map(|c| c.body.as_str()).collect::<Vec<_>>(), ["One", "Two", "Thr", "Fou"]);
    assert_eq!(shrunk.iter().map(|c| c.id).collect::<Vec<_>>(), ids);
    let mut chunks: Vec<Vec<Clipping>> = Vec::new();
    store
        .clippings_in_chunks(&|c: &mut Clipping| c.body.truncate(3), &mut |chunk| {
            chunks.push(chunk);
            Ok(())
        })
        .unwrap();
    assert!(chunks.iter().all(|chunk| !chunk.is_empty()), "no empty chunk");
    assert_eq!(chunks.concat(), shrunk, "in chunks, the same clippings in the same order");
    // A chunk refused ends the reading with its error.
    let mut n_chunks = 0;
    let refused = store.clippings_in_chunks(&|_: &mut Clipping| {}, &mut |_| {
        n_chunks += 1;
        Err(crate::vocab::Error::Database("refused".into()))
    });
    assert!(refused.is_err());
    assert_eq!(n_chunks, 1);
}

pub(crate) fn records_come_with_their_tags_in_the_order_asked(store: &dyn Store) {
    let ids = stored(store, &["Talks", "Corridor", "Forum"]);
    let (kz, be) = (tag(TagKind::Country, "KZ"), tag(TagKind::Country, "BE"));
    store.add_tag(&kz, &ids[..2]).unwrap();
    store.add_tag(&be, &ids[1..2]).unwrap();
    let gone = ClippingId(ids[2].0 + 10);
    let read = store.records(&[ids[1], gone, ids[0], ids[2]]).unwrap();
    type Summary = (ClippingId, Option<(String, Vec<Tag>)>);
    let summary: Vec<Summary> = read.into_iter().map(|(id, r)| (id, r.map(|(c, t)| (c.title, t)))).collect();
    assert_eq!(
        summary,
        [
            (ids[1], Some(("Corridor".to_owned(), vec![be, kz.clone()]))),
            (gone, None),
            (ids[0], Some(("Talks".to_owned(), vec![kz]))),
            (ids[2], Some(("Forum".to_owned(), vec![]))),
        ]
    );
}

pub(crate) fn an_update_rewrites_the_record_and_drops_its_signature(store: &dyn Store) {
    let [id] = stored(store, &["Draft"])[..] else { panic!() };
    store.set_signature(id, Some(&signature(1))).unwrap();
    let before = store.index_marks_of(&[id]).unwrap();
    let mut edited = store.get(id).unwrap().unwrap();
    edited.title = "Final".to_owned();
    edited.notes = "checked with the embassy".to_owned();
    store.update_clipping(&edited).unwrap();
    let read = store.get(id).unwrap().unwrap();
    assert_eq!((read.title.as_str(), read.notes.as_str()), ("Final", "checked with the embassy"));
    assert_eq!(store.signature_of(id).unwrap(), None, "the text may have changed: its signature is made again");
    let after = store.index_marks_of(&[id]).unwrap();
    assert!(after[0].1 > before[0].1, "{before:?} -> {after:?}");
    let ghost = Clipping { id: ClippingId(id.0 + 50), ..edited };
    assert!(matches!(store.update_clipping(&ghost), Err(Error::NoSuchClipping(_))));
    assert_eq!(store.n_clippings(), 1, "an update of no clipping makes none");
}

pub(crate) fn tags_are_added_removed_and_merged_whole(store: &dyn Store) {
    let ids = stored(store, &["Forum", "Corridor", "Visa"]);
    let corridor = tag(TagKind::Topic, "Middle Corridor");
    assert_eq!(store.add_tag(&corridor, &ids[..2]).unwrap(), 2);
    assert_eq!(store.add_tag(&corridor, &ids).unwrap(), 1, "only the new ones count");
    let missing = ClippingId(ids[2].0 + 10);
    let visa = tag(TagKind::Topic, "visa regime");
    assert!(store.add_tag(&visa, &[ids[0], missing]).is_err(), "a tag for a missing clipping fails");
    assert_eq!(store.clippings_with(&visa.key()).unwrap(), [], "and tags none");
    assert_eq!(store.remove_tag(&corridor.key(), &ids[1..]).unwrap(), 2);
    assert_eq!(store.remove_tag(&corridor.key(), &ids[1..]).unwrap(), 0);
    assert_eq!(store.clippings_with(&corridor.key()).unwrap(), [ids[0]]);
    assert_eq!(store.tag(&corridor.key()).unwrap(), Some(corridor.clone()), "a tag stays known");
    let counts: Vec<(String, usize)> =
        store.all_tags().unwrap().iter().map(|t| (t.tag.name.clone(), t.n_clippings)).collect();
    assert!(counts.contains(&("Middle Corridor".to_owned(), 1)), "{counts:?}");
    let trans_caspian = tag(TagKind::Topic, "Trans-Caspian route");
    store.add_tag(&trans_caspian, &ids[1..]).unwrap();
    assert_eq!(store.merge_tags(&trans_caspian.key(), &corridor).unwrap(), 2);
    assert_eq!(store.clippings_with(&corridor.key()).unwrap(), ids);
    assert_eq!(store.tag(&trans_caspian.key()).unwrap(), None, "the merged tag is forgotten");
    assert_eq!(store.tags_of(ids[2]).unwrap(), [corridor]);
}

/// More clippings than a store takes in one transaction (the sled store's is three under test).
/// A tag edit is one for the catalog file; the index's table of tags takes it from the
/// archive, but the clippings still waiting for the index (an import's last) get a newer mark:
/// the import may index them from the records it holds, without the tag.
pub(crate) fn a_tag_edit_of_many_clippings_is_whole_and_marked(store: &dyn Store) {
    let titles: Vec<String> = (0..8).map(|i| format!("Wire story {i}")).collect();
    let ids = stored(store, &titles.iter().map(String::as_str).collect::<Vec<_>>());
    let waiting = store.index_marks_of(&ids[..2]).unwrap();
    assert_eq!(waiting.len(), 2);
    store.clear_index_pending(&store.index_marks_of(&ids[2..]).unwrap()).unwrap();
    store.clear_catalog_pending(&store.catalog_pending().unwrap()).unwrap();
    let energy = tag(TagKind::Topic, "energy");
    let missing = ClippingId(ids[7].0 + 10);
    let with_missing: Vec<ClippingId> = ids.iter().copied().chain([missing]).collect();
    assert!(store.add_tag(&energy, &with_missing).is_err(), "a missing clipping at the end fails the edit");
    assert_eq!(store.clippings_with(&energy.key()).unwrap(), [], "before any is tagged");
    assert_eq!(store.add_tag(&energy, &ids).unwrap(), 8);
    assert_eq!(store.clippings_with(&energy.key()).unwrap(), ids);
    assert!(ids.iter().all(|&id| store.tags_of(id).unwrap() == [energy.clone()]), "both directions in step");
    let marked: Vec<ClippingId> = store.catalog_pending().unwrap().iter().map(|(id, _)| *id).collect();
    assert_eq!(marked, ids, "every clipping is marked for the catalog");
    // What the search index's table of tags is made from, and the tags without their counts.
    let postings = store.tag_postings().unwrap();
    assert_eq!(postings.iter().find(|(key, _)| *key == energy.key()).map(|(_, ids)| ids.clone()), Some(ids.clone()));
    assert!(store.known_tags().unwrap().contains(&energy));
    let marked_again = store.index_marks_of(&ids[..2]).unwrap();
    for ((id, before), (again, after)) in waiting.iter().zip(&marked_again) {
        assert!(id == again && after > before, "{id:?} waited for the index and is marked anew");
    }
    assert_eq!(store.remove_tag(&energy.key(), &ids[1..]).unwrap(), 7);
    assert_eq!(store.clippings_with(&energy.key()).unwrap(), [ids[0]]);
    assert!(ids[1..].iter().all(|&id| store.tags_of(id).unwrap().is_empty()));

    // Ahead of an edit of most clippings the catalog file may be marked stale as a whole: each
    // step of the edit renews that mark rather than marking each clipping.
    store.clear_index_pending(&store.index_pending().unwrap()).unwrap();
    store.clear_catalog_pending(&store.catalog_pending().unwrap()).unwrap();
    store.mark_catalog_stale().unwrap();
    let before = store.catalog_stale().unwrap();
    let transport = tag(TagKind::Topic, "transport");
    assert_eq!(store.add_tag(&transport, &ids).unwrap(), 8);
    assert!(ids.iter().all(|&id| store.tags_of(id).unwrap().contains(&transport)));
    match before {
        Some(before) => {
            let after = store.catalog_stale().unwrap().expect("still marked");
            assert!(after > before, "renewed by the edit");
            assert_eq!(store.catalog_pending().unwrap(), [], "no clipping marked one by one");
            store.clear_catalog_stale(before).unwrap();
            assert_eq!(store.catalog_stale().unwrap(), Some(after), "a newer mark stays");
            assert_eq!(store.remove_tag(&transport.key(), &ids[..1]).unwrap(), 1);
            let newest = store.catalog_stale().unwrap().expect("still marked");
            assert!(newest > after, "renewed by taking a tag off too");
            store.clear_catalog_stale(newest).unwrap();
            assert_eq!(store.catalog_stale().unwrap(), None);
            assert_eq!(store.remove_tag(&transport.key(), &ids[1..2]).unwrap(), 1);
            assert_eq!(store.catalog_pending().unwrap().len(), 1, "without the mark, each clipping is marked");
        }
        // A store without the whole mark marks each clipping.
        None => assert_eq!(store.catalog_pending().unwrap().len(), 8),
    }
}

pub(crate) fn suggestions_are_kept_and_replaced(store: &dyn Store) {
    let [id] = stored(store, &["Talks"])[..] else { panic!() };
    assert_eq!(store.suggestions(id).unwrap(), []);
    let belgium = StoredSuggestion {
        suggestion: Suggestion::new(tag(TagKind::Country, "BE"), 0.9, vec!["Belgium".to_owned()]),
        dismissed: false,
    };
    store.set_new_suggestions(id, std::slice::from_ref(&belgium)).unwrap();
    assert_eq!(store.suggestions(id).unwrap(), std::slice::from_ref(&belgium));
    let before = store.catalog_pending().unwrap();
    store.clear_catalog_pending(&before).unwrap();
    let dismissed = StoredSuggestion { dismissed: true, ..belgium };
    store.set_suggestions(id, std::slice::from_ref(&dismissed)).unwrap();
    assert_eq!(store.suggestions(id).unwrap(), [dismissed]);
    assert_eq!(store.catalog_pending().unwrap().len(), 1, "a change of suggestions is one for the catalog");
    store.set_suggestions(id, &[]).unwrap();
    assert_eq!(store.suggestions(id).unwrap(), []);
}

pub(crate) fn what_is_derived_from_new_clippings_is_kept_in_one_go(store: &dyn Store) {
    let ids = stored(store, &["Wire", "Photo"]);
    let belgium = StoredSuggestion {
        suggestion: Suggestion::new(tag(TagKind::Country, "BE"), 0.9, vec!["Belgium".to_owned()]),
        dismissed: false,
    };
    let token = store.signatures_token().unwrap();
    store.set_new_derived(&[(ids[0], vec![belgium.clone()], Some(signature(5))), (ids[1], Vec::new(), None)]).unwrap();
    assert_eq!(store.suggestions(ids[0]).unwrap(), [belgium]);
    assert_eq!(store.suggestions(ids[1]).unwrap(), []);
    assert_eq!(store.signature_of(ids[0]).unwrap(), Some(Some(signature(5))));
    assert_eq!(store.signature_of(ids[1]).unwrap(), Some(None), "kept as having none");
    assert_eq!(store.signatures_token().unwrap(), token, "new signatures keep the signatures file believed");
}

pub(crate) fn a_deleted_clipping_leaves_nothing_behind(store: &dyn Store) {
    let ids = stored(store, &["Kept", "Gone"]);
    let gone = store.get(ids[1]).unwrap().unwrap();
    let kz = tag(TagKind::Country, "KZ");
    store.add_tag(&kz, &ids).unwrap();
    store.set_signature(ids[1], Some(&signature(2))).unwrap();
    let note = StoredSuggestion {
        suggestion: Suggestion { weak: true, ..Suggestion::new(tag(TagKind::Country, "NL"), 0.3, vec![]) },
        dismissed: false,
    };
    store.set_new_suggestions(ids[1], &[note]).unwrap();
    assert_eq!(store.delete_clipping(ids[1]).unwrap().map(|c| c.title), Some("Gone".to_owned()));
    assert_eq!(store.delete_clipping(ids[1]).unwrap(), None);
    assert_eq!(store.get(ids[1]).unwrap(), None);
    assert_eq!(store.id_by_hash(&gone.hash).unwrap(), None);
    assert_eq!(store.clippings_with(&kz.key()).unwrap(), [ids[0]]);
    assert_eq!(store.tags_of(ids[1]).unwrap(), []);
    assert_eq!(store.suggestions(ids[1]).unwrap(), []);
    assert_eq!(store.signature_of(ids[1]).unwrap(), None);
    assert_eq!((store.n_clippings(), store.ids().unwrap()), (1, vec![ids[0]]));
    assert!(store.index_pending().unwrap().iter().any(|(id, _)| *id == ids[1]), "the index must drop it");
    // The same bytes again are a new clipping, not a duplicate of the deleted one.
    let again = store.insert_clippings(&[(&gone, &[])]).unwrap();
    assert!(matches!(again[..], [Inserted::New(id, _)] if id > ids[1]), "{again:?}");
}

pub(crate) fn signatures_and_their_file_token(store: &dyn Store) {
    let ids = stored(store, &["Wire", "Photo", "Unread"]);
    store.set_signature(ids[0], Some(&signature(7))).unwrap();
    store.set_signature(ids[1], None).unwrap();
    assert_eq!(store.signature_of(ids[0]).unwrap(), Some(Some(signature(7))));
    assert_eq!(store.signature_of(ids[1]).unwrap(), Some(None), "kept as having none");
    assert_eq!(store.signature_of(ids[2]).unwrap(), None, "not kept");
    let (signed, known) = store.signatures().unwrap();
    assert_eq!(signed, [(ids[0], signature(7))]);
    assert_eq!(known.len(), 2);
    // The token: claimed only while it is the one read before.
    let before = store.signatures_token().unwrap();
    assert!(store.claim_signatures_token(before, 41).unwrap());
    assert_eq!(store.signatures_token().unwrap(), Some(41));
    assert!(!store.claim_signatures_token(before, 42).unwrap(), "41 is not what was read");
    // A new clipping's signature keeps the file believed; one replaced sets it aside.
    store.set_signature(ids[2], Some(&signature(8))).unwrap();
    assert_eq!(store.signatures_token().unwrap(), Some(41));
    store.set_signature(ids[0], Some(&signature(9))).unwrap();
    let set_aside = store.signatures_token().unwrap();
    assert_ne!(set_aside, Some(41));
    assert!(!store.claim_signatures_token(Some(41), 43).unwrap());
    store.invalidate_signatures_file().unwrap();
    assert_ne!(store.signatures_token().unwrap(), set_aside);
}

pub(crate) fn marks_are_cleared_only_when_no_newer_change_came(store: &dyn Store) {
    let ids = stored(store, &["North", "South"]);
    let read = store.index_pending().unwrap();
    assert_eq!(read.len(), 2);
    assert_eq!(store.n_index_pending().unwrap(), 2);
    // A change after the read: its newer mark survives the clearing of the old one.
    store.mark_index_pending(&ids[1..]).unwrap();
    store.clear_index_pending(&read).unwrap();
    let left = store.index_pending().unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].0, ids[1]);
    assert!(left[0].1 > read[1].1, "{read:?} -> {left:?}");
    assert_eq!(store.index_marks_of(&ids).unwrap(), left);
    store.clear_index_pending(&left).unwrap();
    assert_eq!(store.n_index_pending().unwrap(), 0);
    store.mark_all_index_pending().unwrap();
    assert_eq!(store.index_pending().unwrap().len(), 2, "every clipping, for an index made anew");
    // The catalog's marks are the same kind of thing, kept apart.
    let catalog = store.catalog_pending().unwrap();
    store.mark_index_pending(&ids[..1]).unwrap();
    store.clear_catalog_pending(&catalog).unwrap();
    assert_eq!(store.catalog_pending().unwrap().iter().map(|(id, _)| *id).collect::<Vec<_>>(), [ids[0]]);
}

pub(crate) fn settings_markers_and_tokens_are_kept(store: &dyn Store) {
    assert_eq!(store.setting::<Vec<String>>("saved").unwrap(), None);
    store.set_setting("saved", &vec!["Middle Corridor".to_owned(), "Бельгия".to_owned()]).unwrap();
    assert_eq!(
        store.setting::<Vec<String>>("saved").unwrap(),
        Some(vec!["Middle Corridor".to_owned(), "Бельгия".to_owned()])
    );
    store.set_setting_json("broken", b"{not json").unwrap();
    assert!(matches!(store.setting::<Vec<String>>("broken"), Err(Error::Corrupt { .. })));
    assert!(!store.import_in_progress().unwrap());
    store.set_import_in_progress(true).unwrap();
    assert!(store.import_in_progress().unwrap());
    store.set_import_in_progress(false).unwrap();
    assert!(!store.import_in_progress().unwrap());
    assert_eq!(store.catalog_token().unwrap(), None);
    store.set_catalog_token(Some(7)).unwrap();
    assert_eq!(store.catalog_token().unwrap(), Some(7));
    store.set_catalog_token(None).unwrap();
    assert_eq!(store.catalog_token().unwrap(), None);
    store.flush().unwrap();
}
