//! The app's side of search, as a stand-alone export so its size can be measured.

use folio_core::Manifest;

fn input(ptr: *const u8, len: usize) -> &'static str {
    // SAFETY: the caller passes a UTF-8 buffer it owns for the call's duration.
    unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr, len)) }
}

/// Baseline: what the app does anyway, parse the manifest and render a post.
#[no_mangle]
pub extern "C" fn manifest_posts(ptr: *const u8, len: usize) -> usize {
    let posts = serde_json::from_str::<Manifest>(input(ptr, len)).map_or(0, |m| m.posts.len());
    let options = folio_core::markdown::RenderOptions { post_dir_href: "/" };
    posts + folio_core::markdown::render_markdown(input(ptr, len), &options).html.len()
}

/// Full NFC, which the query path does without.
#[cfg(feature = "nfc")]
#[no_mangle]
pub extern "C" fn nfc(ptr: *const u8, len: usize) -> usize {
    use unicode_normalization::UnicodeNormalization;
    input(ptr, len).nfc().count()
}

/// The query path: directory, shards, query, ranking and an excerpt.
#[cfg(feature = "search")]
#[no_mangle]
pub extern "C" fn search(ptr: *const u8, len: usize, shard: *const u8, shard_len: usize) -> usize {
    use folio_core::search::{excerpt, highlight, search, Query, SearchDirectory, ShardSet};
    let Ok(directory) = SearchDirectory::from_json(input(ptr, len)) else {
        return 0;
    };
    let query = Query::parse(input(shard, 8));
    let mut shards = ShardSet::default();
    // SAFETY: as for `input`.
    let bytes = unsafe { std::slice::from_raw_parts(shard, shard_len) };
    for id in query.shards_needed(&directory) {
        let _ = shards.insert(id, bytes);
    }
    let hits = search(&directory, &shards, &query, 20).unwrap_or_default();
    let marks = highlight(&query, input(ptr, len)).len();
    let body = folio_core::markdown::scan_markdown(input(ptr, len)).plain_text;
    let text = excerpt(&query, &body, 160).map_or(0, |e| e.marks.len());
    hits.len() + marks + text
}
