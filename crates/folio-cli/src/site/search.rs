//! The search index under `search/`: a shard directory and range shards of
//! the posts' text (format: `folio_core::search`). Posts are referenced by
//! their position in the manifest's `posts`, so the index is written from the
//! same list, in the same order.

use folio_core::markdown::scan_markdown;
use folio_core::search::{IndexBuilder, SearchDoc, SearchFiles, DIRECTORY_PATH};
use unicode_normalization::UnicodeNormalization;

use crate::content::IndexedPost;

/// The index of `posts` (manifest order).
pub fn search_index(posts: &[IndexedPost]) -> SearchFiles {
    let mut builder = IndexBuilder::new();
    for post in posts {
        // Full NFC here, so the app only needs to compose what a keyboard types.
        let text: String = scan_markdown(&post.body).plain_text.nfc().collect();
        let title: String = post.meta.title.nfc().collect();
        let tags: Vec<String> = post.meta.tags.iter().map(|t| t.nfc().collect()).collect();
        builder.add(SearchDoc {
            title: &title,
            tags: &tags,
            text: &text,
        });
    }
    builder.build()
}

/// Every file of the index, as (site-relative path, bytes).
pub fn search_files(posts: &[IndexedPost]) -> Vec<(String, Vec<u8>)> {
    let index = search_index(posts);
    let mut files = vec![(
        DIRECTORY_PATH.to_owned(),
        index.directory_json().into_bytes(),
    )];
    files.extend(
        index
            .shards
            .into_iter()
            .enumerate()
            .map(|(id, bytes)| (format!("search/{id}.bin"), bytes)),
    );
    files
}
