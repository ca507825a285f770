//! Pieces pages are made of. They hold no logic worth testing on their own:
//! filtering, grouping and URL building live in `folio_core`.

pub mod load_error;
pub mod local_date;
pub mod manifest_view;
pub mod offline_status;
pub mod pagination;
pub mod post_card;
pub mod post_enhancements;
pub mod route_announcer;
#[cfg(feature = "search")]
pub mod search_box;
pub mod site_frame;
pub mod skeleton;
pub mod table_of_contents;
pub mod tag_links;
pub mod theme_toggle;
