//! The search index under `search/`: a shard directory and range shards of
//! the posts' text (format: `folio_core::search`). Posts are referenced by
//! their position in the manifest's `posts`, so the index is written from the
//! same list, in the same order.

use folio_core::search::{DocTerms, IndexBuilder, SearchDoc, SearchFiles, DIRECTORY_PATH};
use folio_core::text::is_hangul_syllable;
use rayon::prelude::*;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use std::borrow::Cow;
use std::sync::Arc;

use crate::content::IndexedPost;

/// What the index reads of a post, owned: a first build makes the index
/// on a thread of its own while it prepares the pages.
pub struct SearchSource {
    title: String,
    tags: Vec<String>,
    text: Arc<str>,
}

/// What the index reads of each of `posts`, in the same order.
pub fn search_sources(posts: &[IndexedPost]) -> Vec<SearchSource> {
    posts
        .iter()
        .map(|post| SearchSource {
            title: post.meta.title.clone(),
            tags: post.meta.tags.clone(),
            text: post.text.clone(),
        })
        .collect()
}

/// The index of `posts` (manifest order). Each post's text is extracted
/// and tokenized on its own, on every core; only the merge is in order.
pub fn search_index(posts: &[SearchSource]) -> SearchFiles {
    let terms: Vec<DocTerms> = posts
        .par_iter()
        .map(|post| {
            // Full NFC here, so the app only needs to compose what a keyboard types.
            let text = nfc(&post.text);
            let title = nfc(&post.title);
            let tags: Vec<String> = post.tags.iter().map(|tag| nfc(tag).into_owned()).collect();
            DocTerms::of(SearchDoc {
                title: &title,
                tags: &tags,
                text: &text,
            })
        })
        .collect();
    let mut builder = IndexBuilder::new();
    for doc in terms {
        builder.add_terms(doc);
    }
    builder.build()
}

/// `text` in NFC. Nearly all text already is, and the quick check says so
/// without building a copy; text of only ASCII and precomposed Hangul
/// syllables (no jamo to compose with) is NFC without even looking them up.
fn nfc(text: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_ascii() || is_hangul_syllable(c);
    if text.chars().all(plain) {
        return Cow::Borrowed(text);
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// Every file of the index of `posts`, as (site-relative path, bytes).
pub fn search_files(posts: &[IndexedPost]) -> Vec<(String, Vec<u8>)> {
    search_files_of(&search_sources(posts))
}

/// [`search_files`] from what the index reads of each post.
pub fn search_files_of(posts: &[SearchSource]) -> Vec<(String, Vec<u8>)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_comes_out_in_nfc() {
        for text in [
            "plain ASCII",
            "서울에서 부산까지",
            "Cafe\u{301} 서울",
            "\u{1109}\u{1165}울",
            "한\u{11A8}",
        ] {
            let expected: String = text.nfc().collect();
            assert_eq!(nfc(text), expected, "{text:?}");
        }
    }
}
