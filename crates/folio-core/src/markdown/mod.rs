//! The one Markdown pipeline: the indexer renders prerendered pages and derives
//! summaries with it, and the browser renders posts with it, so the two never drift.

mod front_matter;
mod headings;
mod highlight;
mod render;
mod scan;

pub use front_matter::{split_front_matter, FrontMatterKind, SplitSource};
pub use headings::heading_id;
pub use highlight::highlight_code;
pub use render::{render_markdown, RenderOptions, RenderedPost};
pub use scan::{scan_markdown, ContentScan};

use pulldown_cmark::Options;

/// CommonMark plus the GitHub extensions posts are written with. Smart
/// punctuation stays off: it turns quotes inside Korean text into the wrong marks.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}
