//! Reading the index ahead: after an opening, the files a search reads are read once into the
//! system's file cache, so that the first search of a word does not wait on the disk for each
//! page of its postings. At a million clippings, with the file cache emptied (a desktop's first
//! opening of the day), the first "p" took 173 ms to find its hits, and 56 ms with these files
//! read ahead (23 ms once everything is read); reading them (438 MB) took 0.7-0.9 s in the
//! window. Elasticsearch does the same on request (`index.store.preload`).

use std::io::Read;
use std::path::PathBuf;

use super::SearchIndex;

/// What a search reads, those read on every search first: the terms' dictionaries, the length
/// of each document's fields (for scoring), the fast fields (ids, dates), then the postings.
/// Not the positions (only phrases read them, and they are half the postings' size again), nor
/// the few stored fields.
const SEARCHED: [&str; 4] = ["term", "fieldnorm", "fast", "idx"];

impl SearchIndex {
    /// The files of the segments searched now that a search reads ([`SEARCHED`]), in that
    /// order.
    pub fn searched_files(&self) -> Vec<PathBuf> {
        let searcher = self.reader.searcher();
        let mut files = Vec::new();
        for extension in SEARCHED {
            for segment in searcher.segment_readers() {
                files.push(self.dir.join(format!("{}.{extension}", segment.segment_id().uuid_string())));
            }
        }
        files
    }
}

/// Reads `files` in order through a small buffer, which nothing keeps, up to `budget` bytes
/// in all, and gives how many were read. A file that is gone (merged into another meanwhile)
/// or unreadable is passed over: reading ahead only saves time.
pub fn read_ahead(files: &[PathBuf], budget: u64) -> u64 {
    let mut buffer = vec![0u8; 1 << 20];
    let mut total = 0u64;
    for path in files {
        let Ok(mut file) = std::fs::File::open(path) else { continue };
        while total < budget {
            let want = usize::try_from(budget - total).unwrap_or(usize::MAX).min(buffer.len());
            match file.read(&mut buffer[..want]) {
                Ok(0) | Err(_) => break,
                Ok(n) => total += n as u64,
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::model::{Clipping, ClippingId};

    #[test]
    fn it_reads_the_files_a_search_reads_up_to_its_budget() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::create(dir.path()).unwrap();
        // Two commits, each a segment or more.
        for batch in [1..150, 150..300] {
            let records: Vec<_> = batch
                .map(|id| {
                    let clipping = Clipping {
                        title: format!("Talks {id}"),
                        body: format!("oil and trade {id}"),
                        ..Clipping::default()
                    };
                    (ClippingId(id), Some((clipping, Vec::new())))
                })
                .collect();
            index.replace(&records).unwrap();
        }
        let files = index.searched_files();
        let n_segments = index.reader.searcher().segment_readers().len();
        assert!(n_segments >= 2);
        assert_eq!(files.len(), n_segments * SEARCHED.len());
        let extension = |p: &PathBuf| p.extension().and_then(|e| e.to_str()).unwrap_or_default().to_owned();
        // Each kind of file once a segment, the postings last, the positions not at all.
        let kinds: Vec<String> = files.iter().map(extension).collect();
        assert!(!files.is_empty());
        assert_eq!(kinds.last().map(String::as_str), Some("idx"));
        for kind in SEARCHED {
            assert!(kinds.iter().any(|k| k == kind), "no .{kind} file in {kinds:?}");
        }
        assert!(!kinds.iter().any(|k| k == "pos"));
        let size: u64 = files.iter().map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0)).sum();
        assert!(size > 0);
        assert_eq!(read_ahead(&files, u64::MAX), size);
        assert_eq!(read_ahead(&files, size / 2), size / 2);
        // A file merged away meanwhile is passed over.
        let mut with_gone = vec![files[0].with_extension("gone")];
        with_gone.extend(files.iter().cloned());
        assert_eq!(read_ahead(&with_gone, u64::MAX), size);
    }
}
