//! The app's side of search, as a stand-alone export so its size can be measured.

use folio_core::Manifest;

fn input(ptr: *const u8, len: usize) -> &'static str {
    // SAFETY: the caller passes a UTF-8 buffer it owns for the call's duration.
    unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr, len)) }
}

/// Baseline: what the app does anyway, parse the manifest.
#[no_mangle]
pub extern "C" fn manifest_posts(ptr: *const u8, len: usize) -> usize {
    serde_json::from_str::<Manifest>(input(ptr, len)).map_or(0, |m| m.posts.len())
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
    let text = excerpt(&query, input(ptr, len), 160).map_or(0, |e| e.marks.len());
    hits.len() + marks + text
}
