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
        Ok(stories::group(&self.signatures()?))
    }

    /// Every article's signature, by id: from the signatures file and the database for what
    /// changed since, the file written again where it was missing or much has changed.
    pub(super) fn signatures(&self) -> Result<Signed> {
        // Read first: a signature changed from here on changes it, and this reading's file is
        // then not given the token.
        let token_before = self.store.signatures_token()?;
        let ids = self.store.ids()?;
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
        let path = self.signatures_file_path();
        let tmp = path.with_extension("bin.tmp");
        let token = crate::archive::rand_token();
        let with_signature: HashSet<ClippingId> = signed.iter().map(|(id, _)| *id).collect();
        let unsigned: Vec<ClippingId> = ids.iter().copied().filter(|id| !with_signature.contains(id)).collect();
        let written = (|| -> std::io::Result<()> {
            let mut out = BufWriter::new(std::fs::File::create(&tmp)?);
            out.write_all(MAGIC)?;
            for word in [token, signed.len() as u64, unsigned.len() as u64] {
                out.write_all(&word.to_le_bytes())?;
            }
            for (id, signature) in signed {
                out.write_all(&id.0.to_le_bytes())?;
                for h in signature.0 {
                    out.write_all(&h.to_le_bytes())?;
                }
            }
            for id in &unsigned {
                out.write_all(&id.0.to_le_bytes())?;
            }
            out.into_inner().map_err(std::io::IntoInnerError::into_error)?.sync_all()?;
            std::fs::rename(&tmp, &path)
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(crate::archive::Error::io(&path, e));
        }
        self.store.claim_signatures_token(token_before, token)?;
        self.store.flush()
    }
}
