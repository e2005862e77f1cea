//! A text's reprint signature: the minima of its word shingles under [`N_HASHES`] hash
//! functions (MinHash). Computed and compared in `search::stories`; kept by the archive.

/// Hash functions in a signature.
pub const N_HASHES: usize = 128;

/// A text's MinHash signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature(pub [u32; N_HASHES]);
