//! One module per page, named for what a reader sees.

pub mod home;
/// Only the folio command writes these pages.
#[cfg(feature = "ssr")]
pub mod moved;
pub mod not_found;
pub mod page;
pub mod post;
#[cfg(feature = "search")]
pub mod search;
pub mod tags;
pub mod timeline;
