//! Reprints: which articles are one story, by the signatures kept at import
//! (`search::stories`). They are derived data, like the search index: a clipping without one
//! (an archive from before, a text edited since) gets it made again when stories are wanted.
//!
//! The signatures are read from a file of their own (`signatures.bin`), written after they
//! were read from the database: sled reads a tree by materialising every value, and at
//! 100,000 clippings those 50 MB of small copies stayed with the process after the grouping,
//! where the file is read into one list that is given back whole. The database keeps the
//! file's token while every signature in the file is still the one it has; new clippings'
//! are read from the database beside it, deleted ones are left out by id.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

use crate::archive::store::{Signed, signature_from_bytes};
use crate::archive::{Archive, Result};
use crate::search::stories::{self, N_HASHES};
use crate::vocab::model::{Clipping, ClippingId, Kind};

const SIGNATURES_FILE: &str = "signatures.bin";
const MAGIC: &[u8; 8] = b"CLSIG\x01\0\0";
/// Signatures read from the database rather than the file, from which the file is written
/// again: a few after an import are read one by one, a large import's are not left to that.
const REWRITE_AFTER: usize = 1_000;

impl Archive {
    /// For each article that has reprints, the id of its story's first article (the lowest
    /// id); articles alone are left out.
    pub fn story_groups(&self) -> Result<HashMap<ClippingId, ClippingId>> {
        self.story_groups_of(self.store.ids()?)
    }

    /// The same, for these ids, every clipping's as the caller has them (the window's catalog):
    /// sled lists them by reading a whole tree, which it then keeps in memory (59 MB and 1.4 s
    /// at a million). A clipping added since is found at the next grouping; one deleted since
    /// is passed over.
    pub fn story_groups_of(&self, ids: Vec<ClippingId>) -> Result<HashMap<ClippingId, ClippingId>> {
        Ok(stories::group(&self.signatures(ids)?))
    }

    /// Every article's signature among these clippings, by id: from the signatures file and
    /// the database for what changed since, the file written again where it was missing or
    /// much has changed.
    pub(super) fn signatures(&self, mut ids: Vec<ClippingId>) -> Result<Signed> {
        ids.sort_unstable();
        // Read before the signatures: a signature changed from here on changes it, and this
        // reading's file is then not given the token.
        let token_before = self.store.signatures_token()?;
        let (mut signed, known, from_file) = match self.read_signatures_file() {
            Some((signed, known)) => (signed, known, true),
            None => {
                let (signed, known) = self.store.signatures()?;
                (signed, known, false)
            }
        };
        // Deleted since the file was written.
        if from_file {
            let current: HashSet<ClippingId> = ids.iter().copied().collect();
            signed.retain(|(id, _)| current.contains(id));
        }
        let mut n_from_db = 0;
        for &id in ids.iter().filter(|id| !known.contains(id)) {
            n_from_db += 1;
            let signature = match self.store.signature_of(id)? {
                Some(kept) => kept,
                None => {
                    let Some(c) = self.store.get(id)? else { continue };
                    self.make_signature(&c)
                }
            };
            signed.extend(signature.map(|s| (id, s)));
        }
        signed.sort_by_key(|(id, _)| *id);
        if !from_file || n_from_db >= REWRITE_AFTER {
            // Derived too: without the file, the next grouping reads the database again.
            let _ = self.write_signatures_file(&signed, &ids, token_before);
        }
        Ok(signed)
    }

    /// The stories among these clippings that have reprints, by the signatures kept at import
    /// (made now, and kept, for a clipping that has none), grouped as [`Archive::story_groups`]
    /// groups the whole archive: each story's clippings earliest first, the stories in the
    /// order of their first. Photos, trashed clippings and texts too short to compare are left
    /// out. For a selection (a press review, `clippings stories --query`), this reads only its
    /// own signatures.
    pub fn stories_among(&self, clippings: &[&Clipping]) -> Result<Vec<Vec<ClippingId>>> {
        let mut signed = Vec::with_capacity(clippings.len());
        for c in clippings.iter().filter(|c| c.kind == Kind::Article && c.trashed_at.is_none()) {
            let signature = match self.store.signature_of(c.id)? {
                Some(kept) => kept,
                // Made from the record's whole text: the clipping given may hold only a lead.
                None => self.store.get(c.id)?.and_then(|full| self.make_signature(&full)),
            };
            signed.extend(signature.map(|s| (c.id, s)));
        }
        let story_of = stories::group(&signed);
        let order: HashMap<ClippingId, (chrono::NaiveDate, ClippingId)> =
            clippings.iter().map(|c| (c.id, (c.date(), c.id))).collect();
        let mut groups: HashMap<ClippingId, Vec<ClippingId>> = HashMap::new();
        for (&id, &root) in &story_of {
            groups.entry(root).or_default().push(id);
        }
        let mut out: Vec<Vec<ClippingId>> = groups.into_values().collect();
        for story in &mut out {
            story.sort_by_key(|id| order.get(id).copied());
        }
        out.sort_by_key(|story| story.first().and_then(|id| order.get(id).copied()));
        Ok(out)
    }

    /// A clipping's signature made from its text, and kept (derived: one that cannot be kept
    /// is made again next time).
    pub(crate) fn make_signature(&self, c: &Clipping) -> Option<stories::Signature> {
        let signature = (c.kind == Kind::Article).then(|| stories::signature(&c.body)).flatten();
        let _ = self.store.set_signature(c.id, signature.as_ref());
        signature
    }

    fn signatures_file_path(&self) -> PathBuf {
        self.data_dir().join(SIGNATURES_FILE)
    }

    /// The signatures file's signatures and every id it accounts for (with a signature or
    /// without one), if it goes with this database and reads whole.
    fn read_signatures_file(&self) -> Option<(Signed, HashSet<ClippingId>)> {
        let token = self.store.signatures_token().ok()??;
        let file = std::fs::File::open(self.signatures_file_path()).ok()?;
        let size = file.metadata().ok()?.len();
        let mut r = BufReader::with_capacity(1 << 16, file);
        let mut header = [0u8; 32];
        r.read_exact(&mut header).ok()?;
        let word = |i: usize| header.get(i * 8..i * 8 + 8).and_then(|b| b.try_into().ok()).map(u64::from_le_bytes);
        if header.get(..8)? != MAGIC || word(1)? != token {
            return None;
        }
        let (n_signed, n_unsigned) = (usize::try_from(word(2)?).ok()?, usize::try_from(word(3)?).ok()?);
        let record = 8 + N_HASHES * 4;
        if size != 32 + (n_signed * record + n_unsigned * 8) as u64 {
            return None;
        }
        let mut signed = Vec::with_capacity(n_signed);
        let mut known = HashSet::with_capacity(n_signed + n_unsigned);
        let mut buf = vec![0u8; record];
        for _ in 0..n_signed {
            r.read_exact(&mut buf).ok()?;
            let id = ClippingId(u64::from_le_bytes(buf.get(..8)?.try_into().ok()?));
            known.insert(id);
            signed.push((id, signature_from_bytes(buf.get(8..)?)?));
        }
        let mut id = [0u8; 8];
        for _ in 0..n_unsigned {
            r.read_exact(&mut id).ok()?;
            known.insert(ClippingId(u64::from_le_bytes(id)));
        }
        Some((signed, known))
    }

    /// Writes the signatures file for these signatures, `ids` being every clipping's (those
    /// without a signature are written as such), then gives the database its token unless a
    /// signature changed since `token_before` was read.
    fn write_signatures_file(&self, signed: &Signed, ids: &[ClippingId], token_before: Option<u64>) -> Result<()> {
        let with_signature: HashSet<ClippingId> = signed.iter().map(|(id, _)| *id).collect();
        let path = self.signatures_file_path();
        let token = crate::archive::rand_token();
        let mut file = SignaturesFile::create(&path, token)?;
        for (id, signature) in signed {
            file.signed(*id, signature)?;
        }
        ids.iter().filter(|id| !with_signature.contains(id)).for_each(|&id| file.unsigned(id));
        file.finish()?;
        self.claim_signatures_token(token_before, token)
    }

    /// Writes the signatures file straight from the database, one signature at a time, for the
    /// close of a large import: [`Archive::signatures`] holds them all (470 MB at a million),
    /// with the import's own memory. A clipping without a kept signature gets it made, as there.
    pub(super) fn write_signatures_file_from_store(&self) -> Result<()> {
        let token_before = self.store.signatures_token()?;
        let ids = self.store.ids()?;
        let path = self.signatures_file_path();
        let token = crate::archive::rand_token();
        let mut file = SignaturesFile::create(&path, token)?;
        let mut next = 0;
        let made = |file: &mut SignaturesFile, id: ClippingId| -> Result<()> {
            match self.store.get(id)? {
                Some(c) => file.either(id, self.make_signature(&c).as_ref()),
                None => Ok(()),
            }
        };
        self.store.each_signature(&mut |id, signature| {
            // The ids before this entry have none kept (the entries and the ids both go up).
            while let Some(&missing) = ids.get(next).filter(|&&m| m < id) {
                next += 1;
                made(&mut file, missing)?;
            }
            // An entry of a clipping deleted since the ids were read is left out.
            if ids.get(next) == Some(&id) {
                next += 1;
                file.either(id, signature.as_ref())?;
            }
            Ok(())
        })?;
        for &missing in ids.get(next..).unwrap_or_default() {
            made(&mut file, missing)?;
        }
        file.finish()?;
        self.claim_signatures_token(token_before, token)
    }

    fn claim_signatures_token(&self, token_before: Option<u64>, token: u64) -> Result<()> {
        self.store.claim_signatures_token(token_before, token)?;
        self.store.flush()
    }
}

/// A signatures file being written: its signatures first, then the ids of the clippings that
/// have none; the header's counts are written last. It takes its place (by a rename) only
/// whole: dropped before [`SignaturesFile::finish`], it is removed.
struct SignaturesFile {
    path: PathBuf,
    tmp: PathBuf,
    out: Option<BufWriter<std::fs::File>>,
    n_signed: u64,
    unsigned: Vec<ClippingId>,
}

impl SignaturesFile {
    fn create(path: &std::path::Path, token: u64) -> Result<SignaturesFile> {
        let tmp = path.with_extension("bin.tmp");
        let mut file = SignaturesFile { path: path.to_owned(), tmp, out: None, n_signed: 0, unsigned: Vec::new() };
        let out = std::fs::File::create(&file.tmp).map_err(|e| file.error(e))?;
        let mut out = BufWriter::with_capacity(1 << 16, out);
        // The counts are written over when they are known.
        let header = [MAGIC[..].to_vec(), token.to_le_bytes().to_vec(), vec![0; 16]].concat();
        out.write_all(&header).map_err(|e| file.error(e))?;
        file.out = Some(out);
        Ok(file)
    }

    fn error(&self, e: std::io::Error) -> crate::archive::Error {
        crate::archive::Error::io(&self.path, e)
    }

    fn signed(&mut self, id: ClippingId, signature: &stories::Signature) -> Result<()> {
        let mut record = [0u8; 8 + N_HASHES * 4];
        let (head, hashes) = record.split_at_mut(8);
        head.copy_from_slice(&id.0.to_le_bytes());
        for (to, h) in hashes.chunks_exact_mut(4).zip(signature.0) {
            to.copy_from_slice(&h.to_le_bytes());
        }
        self.write(&record)?;
        self.n_signed += 1;
        Ok(())
    }

    fn unsigned(&mut self, id: ClippingId) {
        self.unsigned.push(id);
    }

    fn either(&mut self, id: ClippingId, signature: Option<&stories::Signature>) -> Result<()> {
        match signature {
            Some(s) => self.signed(id, s),
            None => {
                self.unsigned(id);
                Ok(())
            }
        }
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        let written = match &mut self.out {
            Some(out) => out.write_all(bytes),
            None => Err(std::io::Error::other("the signatures file is closed")),
        };
        written.map_err(|e| self.error(e))
    }

    /// The unsigned ids and the counts written, the file synced and put in its place.
    fn finish(mut self) -> Result<()> {
        let unsigned = std::mem::take(&mut self.unsigned);
        for id in &unsigned {
            self.write(&id.0.to_le_bytes())?;
        }
        let Some(out) = self.out.take() else {
            return Err(self.error(std::io::Error::other("the signatures file is closed")));
        };
        let (n_signed, n_unsigned) = (self.n_signed, unsigned.len() as u64);
        let done = (|| -> std::io::Result<()> {
            use std::io::{Seek, SeekFrom};
            let mut file = out.into_inner().map_err(std::io::IntoInnerError::into_error)?;
            file.seek(SeekFrom::Start(16))?;
            file.write_all(&[n_signed.to_le_bytes(), n_unsigned.to_le_bytes()].concat())?;
            file.sync_all()?;
            std::fs::rename(&self.tmp, &self.path)
        })();
        done.map_err(|e| self.error(e))
    }
}

impl Drop for SignaturesFile {
    fn drop(&mut self) {
        // Not finished (an error on the way): no half-written file is left behind. A finished
        // one was renamed, and there is nothing to remove.
        let _ = std::fs::remove_file(&self.tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::store::Inserted;

    const WIRE: &str = "Ministers of the Middle Corridor countries met in Astana on Tuesday to agree on new \
        rules for cargo crossing the Caspian Sea, with a single permit for trucks and trains, shared customs \
        checks at the ports of Aktau and Baku, and a joint fund for the ferries that carry containers from \
        China to Europe through Kazakhstan, Azerbaijan and Georgia, officials said after the talks ended.";
    const ELECTION: &str = "Parties in Belgium presented their programmes for the regions, the federal \
        parliament and Europe to voters in Brussels, Antwerp and Liège over a long weekend of debates and \
        rallies in the rain, while polls showed the centre losing ground to the flanks in every part of the \
        country, and the greens asked for a recount in two towns near the border with the Netherlands.";

    fn stored(archive: &Archive, title: &str, body: &str, kind: Kind) -> Clipping {
        let mut clipping = Clipping {
            title: title.to_owned(),
            body: body.to_owned(),
            hash: blake3::hash(title.as_bytes()).to_hex().to_string(),
            kind,
            format: "txt".to_owned(),
            ..Clipping::default()
        };
        let Ok(&[Inserted::New(id, _)]) = archive.store.insert_clippings(&[(&clipping, &[])]).as_deref() else {
            panic!("the clipping is stored");
        };
        clipping.id = id;
        clipping
    }

    /// The file written as the signatures are read holds what the one written from the list of
    /// them all holds, byte for byte after its token: signatures kept, one made where none
    /// was kept, a photo's "none", and nothing of a clipping deleted.
    #[test]
    fn the_signatures_file_written_one_signature_at_a_time_is_the_one_written_from_the_whole_list() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let archive = Archive::open(dir.path()).expect("archive");
        let a = stored(&archive, "Corridor rules agreed", WIRE, Kind::Article);
        let b = stored(&archive, "Caspian cargo", &format!("Read also: {WIRE}"), Kind::Article);
        let photo = stored(&archive, "Aktau port", "", Kind::Photo);
        let gone = stored(&archive, "Belgium votes", ELECTION, Kind::Article);
        for c in [&a, &b, &photo, &gone] {
            archive.make_signature(c);
        }
        // Stored without a signature, as by an import that was stopped: made by the writer.
        let unsigned_yet = stored(&archive, "Belgium goes to the polls", ELECTION, Kind::Article);
        assert_eq!(archive.store.signature_of(unsigned_yet.id).expect("read"), None);
        assert!(archive.store.delete_clipping(gone.id).expect("deleted").is_some());
        // Deleting takes the signature with it; one left behind must not be written.
        archive.store.set_signature(gone.id, Some(&stories::signature(ELECTION).expect("long enough"))).expect("kept");

        archive.write_signatures_file_from_store().expect("written");
        let streamed = std::fs::read(archive.signatures_file_path()).expect("the file");
        let (signed, known) = archive.read_signatures_file().expect("the file goes with the database");
        let ids: Vec<ClippingId> = signed.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, [a.id, b.id, unsigned_yet.id]);
        let mut known: Vec<ClippingId> = known.into_iter().collect();
        known.sort_unstable();
        assert_eq!(known, [a.id, b.id, photo.id, unsigned_yet.id]);
        assert!(archive.store.signature_of(unsigned_yet.id).expect("read").is_some(), "made, and kept");

        let (from_db, _) = archive.store.signatures().expect("read");
        let from_db: Signed = from_db.into_iter().filter(|(id, _)| *id != gone.id).collect();
        assert_eq!(signed, from_db);
        archive.write_signatures_file(&from_db, &archive.store.ids().expect("ids"), None).expect("written");
        let whole = std::fs::read(archive.signatures_file_path()).expect("the file");
        assert_eq!(streamed.len(), whole.len());
        assert_eq!(streamed.get(..8), whole.get(..8), "the magic");
        assert_eq!(streamed.get(16..), whole.get(16..), "all but the token");
        assert!(!archive.signatures_file_path().with_extension("bin.tmp").exists());

        let groups = stories::group(&signed);
        assert_eq!(groups.get(&b.id), Some(&a.id), "{groups:?}");
        assert_eq!(groups.get(&unsigned_yet.id), None);
    }
}
