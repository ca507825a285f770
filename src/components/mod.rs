//! Pieces pages are made of. They hold no logic worth testing on their own:
//! filtering, grouping and URL building live in `folio_core`.

pub mod load_error;
pub mod manifest_view;
pub mod post_card;
pub mod site_frame;
pub mod skeleton;
