//! Full-text search from static files, for Korean and English posts.
//!
//! `folio build` writes the index with [`IndexBuilder`]; the app reads it
//! with [`SearchDirectory`], [`Shard`] and [`search`]. Both tokenize with
//! [`tokenize`], so what is indexed and what is looked up are the same tokens.
//!
//! # From the app
//!
//! 1. Fetch [`DIRECTORY_PATH`] once (revalidated, like the manifest) and
//!    parse it with [`SearchDirectory::from_json`]; keep a [`ShardSet`].
//! 2. On input, [`Query::parse`] the text; [`Query::shards_missing`] names the
//!    shards to fetch ([`SearchDirectory::shard_path`]); add each with
//!    [`ShardSet::insert`].
//! 3. [`search`] returns [`Hit`]s, best first, by position in the manifest's
//!    `posts`; it returns [`MissingShard`] if step 2 was skipped.
//! 4. Show titles with [`highlight`] and, for the results on screen, an
//!    [`excerpt`] of the body's plain text (the post's `summary` when the
//!    body is not fetched yet or nothing in it matches). Marks are byte
//!    ranges: render them as `<mark>` elements around text nodes.
//!    [`search_state`] and [`search_results`] do steps 3 and 4 for the
//!    search page, with the body's text from [`html_text`] of the rendered
//!    body the app fetches, and [`marked_html`] to render marks.
//!
//! # Format, version 2 ([`INDEX_VERSION`])
//!
//! Files under `search/` in the built site:
//!
//! - `search/directory.json`: [`SearchDirectory`] as JSON:
//!   `{"version":2,"posts":N,"lengths":"…","build":"<hash>","first":[…],"continued":[…]}`.
//!   `first[i]` is the first token of shard `i`; shards hold tokens in byte
//!   order, so shard `i` holds tokens from `first[i]` up to `first[i+1]`
//!   (included only when `i+1` is listed in `continued`, meaning a long
//!   posting list goes on in the next shard). `lengths` has one letter per
//!   post (URL-safe base64, 64 classes, eight per doubling): the post's
//!   weighted length relative to the average, which BM25 needs at query time.
//!   `build` changes whenever any shard does.
//! - `search/<i>.bin`, shard `i`, fetched as `search/<i>.bin?v=<build>`
//!   ([`SearchDirectory::shard_path`]); each at most [`SHARD_BYTES`]:
//!   ```text
//!   "FSI" version:u8 entries:varint
//!   entry: shared:varint suffix_len:varint suffix:bytes count:varint k:u8 bits
//!   bits: (gap:rice(k) tf:gamma)*count, then zero bits to the next byte
//!   ```
//!   Tokens are front-coded (bytes shared with the previous token of the
//!   shard). Posts are positions in the manifest's `posts` (newest first);
//!   the first gap is the first post, each next gap the posts skipped since
//!   the one before. `tf` is the weighted term frequency: an occurrence in
//!   the title counts 3, in a tag 2, in the body 1, so matches there outrank
//!   matches in the body. Bits fill each byte from its lowest bit
//!   (see `bits.rs`). The app scores BM25 exactly from `tf`, the token's
//!   number of posts and the post's length class: the index stores no scores.
//!
//! Excerpts are not in the index: the app makes them from the post's body
//! (plain text of its Markdown, [`crate::markdown::scan_markdown`]) with [`excerpt`].

mod bits;
mod builder;
pub mod corpus;
mod excerpt;
pub mod normalize;
mod query;
mod results;
mod shard;
pub mod tokenize;

pub use builder::{DocTerms, IndexBuilder, SearchDoc, SearchFiles};
pub use excerpt::{excerpt, highlight, Excerpt};
pub use query::{search, Hit, MissingShard, Query, QueryWord, Term};
pub use results::{
    html_text, marked_html, marked_parts, push_result_html, search_results, search_state,
    SearchResult, SearchState, EXCERPT_BODIES, EXCERPT_CHARS, RESULT_LIMIT,
};
pub use shard::{Entry, SearchDirectory, Shard, ShardError, ShardSet};

/// Bumped whenever the files' layout or meaning changes.
pub const INDEX_VERSION: u32 = 2;
/// Largest shard file, in bytes (uncompressed, so compressed is smaller too).
/// Bit-packed postings barely compress, so a shard is what a query pays for
/// each token it looks up: small shards keep a cold query small.
pub const SHARD_BYTES: usize = 8_000;
/// Where the directory is, relative to the site root.
pub const DIRECTORY_PATH: &str = "search/directory.json";

#[cfg(test)]
mod tests;
