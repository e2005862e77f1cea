//! Photos: format by content, decoding within limits, thumbnails (`media.rs`, with the DC-only
//! fast path for large JPEGs in `jpeg_dc.rs`) and what the photographer wrote (`meta.rs`: IPTC
//! and XMP, also from `.xmp` sidecars).

pub(crate) mod budget;
pub mod jpeg_dc;
pub mod media;
pub mod meta;
