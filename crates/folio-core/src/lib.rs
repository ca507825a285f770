//! Folio's shared core: the content model, the Markdown pipeline and the browsing logic.
//!
//! Nothing here does I/O, so the same code compiles natively (for the `folio` indexer
//! and for tests) and to WebAssembly (for the reader app). What the indexer computes
//! and stores in the manifest, the app reads back through these same types.

pub mod browse;
pub mod fingerprint;
pub mod i18n;
pub mod list;
pub mod markdown;
pub mod model;
pub mod page_body;
pub mod paging;
pub mod routes;
pub mod search;
pub mod text;

pub use i18n::{messages, Catalogue, Lang, Text};
pub use model::{
    Body, Heading, LocalDate, Manifest, PageMeta, PostMeta, SiteMeta, MANIFEST_VERSION,
};
