//! The vocabulary every subsystem speaks: clippings and their tags, countries, languages,
//! reprint signatures and the core's one error. It sits at the bottom of the crate and uses
//! nothing else of it: search, suggest, import and the archive name these types; none of them
//! is named here.

pub mod address;
pub mod countries;
mod error;
pub mod language;
pub mod model;
pub mod paths;
pub mod printings;
pub mod quiet;
pub mod signature;
pub mod tags;
pub mod topic_names;

pub use error::{Error, Result, is_in_use};
pub use model::{
    Clipping, ClippingId, ClippingWithTags, Kind, OcrRead, OcrWord, StoredSuggestion, Suggestion, Tag, TagCount,
    TagKind,
};
pub use signature::{N_HASHES, Signature};
