//! The `folio` command's library: content indexing, site building, preview.
//!
//! The binary is only argument parsing and reporting; tests call these modules directly.

pub mod config;
pub mod content;
pub mod diagnostics;
pub mod normalize;
pub mod serve;
pub mod site;
