//! The app's side of search: the parts of the index fetched so far, kept for
//! the page's life so a query already answered downloads nothing again, and
//! the text of the bodies fetched for excerpts.
//!
//! What to show from them is decided by `folio_core::search`
//! ([`search_state`], [`search_results`]); this module only fetches and keeps.
//! A fetch that arrives after the reader has typed something else is still
//! kept (it is the same index), and what is shown is always computed from
//! the address's current query, so a stale answer can never be shown.

use std::sync::Arc;

use leptos::prelude::*;

use folio_core::list::Cards;
use folio_core::search::{
    html_text, search_results, search_state, Query, SearchDirectory, SearchResult, SearchState,
    ShardSet, DIRECTORY_PATH,
};

use crate::fetch::{fetch_bytes, spawn, FetchError, Fetched};
use crate::site::use_site;

type DirectoryResult = Result<Arc<SearchDirectory>, FetchError>;

/// What one fetch of search brings.
enum Wanted {
    Directory,
    Shard(u32),
    /// A post's body, by source path, for excerpts.
    Body(String),
}

impl Wanted {
    /// The key [`SearchData::pending`] knows the fetch by.
    fn key(&self) -> String {
        match self {
            Wanted::Directory => "d".to_owned(),
            Wanted::Shard(id) => id.to_string(),
            Wanted::Body(source) => source.clone(),
        }
    }
}

/// Everything search has fetched, in one signal: one reactive type keeps the
/// feature's share of the WASM small.
#[derive(Default)]
struct SearchData {
    /// `None` until fetched.
    directory: Option<DirectoryResult>,
    shards: ShardSet,
    /// The plain text of bodies fetched for excerpts, as (source path,
    /// text): a few per query, so a list, which is less WASM than a map.
    bodies: Vec<(String, String)>,
    /// What is being fetched: `d` (the directory), shard ids, body sources.
    /// Changed without notifying: nothing shown depends on it.
    pending: Vec<String>,
    /// Shards whose last fetch failed, and why the last fetch of anything failed.
    failed: Vec<u32>,
    /// Bodies whose fetch failed: their posts show their summaries, and
    /// they are not fetched again until a retry (each fetch that ends
    /// reruns the search, which would otherwise ask for them again at once).
    failed_bodies: Vec<String>,
    last_error: Option<FetchError>,
}

impl SearchData {
    /// The text of the body of the post at `source`, when fetched.
    fn body(&self, source: &str) -> Option<&str> {
        self.bodies
            .iter()
            .find(|(at, _)| at == source)
            .map(|(_, text)| text.as_str())
    }

    /// Keeps what a fetch for `wanted` brought, or why it failed.
    fn keep(&mut self, wanted: Wanted, fetched: Result<Vec<u8>, FetchError>) {
        let malformed = |message: String| FetchError::Malformed {
            what: Fetched::SearchIndex,
            message,
        };
        match wanted {
            Wanted::Directory => {
                let directory = fetched.and_then(|bytes| {
                    let text =
                        String::from_utf8(bytes).map_err(|err| malformed(err.to_string()))?;
                    SearchDirectory::from_json(&text)
                        .map(Arc::new)
                        .map_err(malformed)
                });
                self.last_error = directory.as_ref().err().cloned();
                self.directory = Some(directory);
            }
            Wanted::Shard(id) => {
                let kept = fetched.and_then(|bytes| {
                    self.shards
                        .insert(id, &bytes)
                        .map_err(|err| malformed(err.to_string()))
                });
                self.failed.retain(|f| *f != id);
                if let Err(error) = kept {
                    self.last_error = Some(error);
                    self.failed.push(id);
                }
            }
            Wanted::Body(source) => {
                let body = fetched.ok().and_then(|bytes| {
                    folio_core::page_body::body_from_page(std::str::from_utf8(&bytes).ok()?)
                });
                match body {
                    Some(body) => self.bodies.push((source, html_text(&body.html))),
                    None => self.failed_bodies.push(source),
                }
            }
        }
    }
}

/// Provided once by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct SearchIndex {
    data: RwSignal<SearchData>,
    /// What the header's box last put into the address, to tell its own
    /// changes of the address from the back button's or a link's.
    pub typed: StoredValue<String>,
}

pub fn provide_search() -> SearchIndex {
    let index = SearchIndex {
        data: RwSignal::new(SearchData::default()),
        typed: StoredValue::new(String::new()),
    };
    provide_context(index);
    index
}

pub fn use_search() -> SearchIndex {
    expect_context::<SearchIndex>()
}

impl SearchIndex {
    /// Marks `key` as being fetched; false when it already is.
    fn start(&self, key: String) -> bool {
        self.data
            .try_update_untracked(|data| {
                let new = !data.pending.contains(&key);
                if new {
                    data.pending.push(key);
                }
                new
            })
            .unwrap_or(false)
    }

    /// Marks `key` as fetched (or failed), and keeps what arrived.
    fn finish(&self, key: &str, keep: impl FnOnce(&mut SearchData)) {
        self.data.update(|data| {
            data.pending.retain(|k| k != key);
            keep(data);
        });
    }

    /// Where searching `query` stands (reactive). A directory that failed to
    /// load counts as a missing shard.
    pub fn state(&self, query: &Query) -> SearchState {
        if query.is_empty() {
            return SearchState::Prompt;
        }
        self.data.with(|data| match &data.directory {
            None => SearchState::Waiting,
            Some(Err(_)) => SearchState::Unavailable,
            Some(Ok(directory)) => search_state(query, directory, &data.shards, &data.failed),
        })
    }

    /// Why the index could not be fetched, the last time it could not.
    pub fn error(&self) -> Option<FetchError> {
        self.data.with(|data| data.last_error.clone())
    }

    /// Fetches what searching `query` needs and is neither here nor being
    /// fetched: the directory, then the shards holding the query's tokens.
    /// Shards that failed are not fetched again until [`SearchIndex::retry`].
    pub fn fetch_for(&self, query: &Query) {
        if query.is_empty() {
            return;
        }
        let content_base = use_site().content_base.get_value();
        // Tracked: the shards can be chosen once the directory is here.
        let directory = self.data.with(|data| data.directory.clone());
        match directory {
            None => self.fetch(Wanted::Directory, format!("{content_base}{DIRECTORY_PATH}")),
            Some(Err(_)) => {}
            Some(Ok(directory)) => {
                let missing = self.data.with_untracked(|data| {
                    let mut missing = query.shards_missing(&directory, &data.shards);
                    missing.retain(|id| !data.failed.contains(id));
                    missing
                });
                for id in missing {
                    let url = format!("{content_base}{}", directory.shard_path(id));
                    self.fetch(Wanted::Shard(id), url);
                }
            }
        }
    }

    /// Fetches `url` for `wanted`, unless it is being fetched already, and
    /// keeps what arrives. Every fetch of search goes through here, so the
    /// WASM holds one future for them all.
    fn fetch(&self, wanted: Wanted, url: String) {
        let key = wanted.key();
        if !self.start(key.clone()) {
            return;
        }
        let index = *self;
        spawn(async move {
            let revalidate = matches!(wanted, Wanted::Directory);
            let fetched = fetch_bytes(&url, revalidate, Fetched::SearchIndex).await;
            index.finish(&key, |data| data.keep(wanted, fetched));
        });
    }

    /// Forgets what failed, so the next [`SearchIndex::fetch_for`] tries again.
    pub fn retry(&self) {
        self.data.update(|data| {
            if matches!(data.directory, Some(Err(_))) {
                data.directory = None;
            }
            data.last_error = None;
            data.failed.clear();
            data.failed_bodies.clear();
        });
    }

    /// Whether anything has failed that a retry could fetch (bodies too).
    pub fn has_failed(&self) -> bool {
        self.data.with_untracked(|data| {
            !data.failed.is_empty()
                || !data.failed_bodies.is_empty()
                || matches!(data.directory, Some(Err(_)))
        })
    }

    /// Fetches the bodies of the posts at `positions` not fetched yet, for
    /// their excerpts; those whose card is not here yet wait for it. A body
    /// that cannot be fetched leaves the post's summary as its excerpt.
    pub fn fetch_bodies(&self, cards: &Cards, positions: &[usize]) {
        let base = use_site().base.get_value();
        for &at in positions {
            let Some(post) = cards.get(at) else {
                continue;
            };
            let known = self.data.with_untracked(|data| {
                data.body(&post.source).is_some() || data.failed_bodies.contains(&post.source)
            });
            if !known {
                let url = folio_core::page_body::post_body_url(&base, post);
                self.fetch(Wanted::Body(post.source.clone()), url);
            }
        }
    }

    /// The results for `state`'s hits, with excerpts from the bodies fetched so far (reactive).
    pub fn results(&self, cards: &Cards, state: &SearchState, query: &Query) -> Vec<SearchResult> {
        let SearchState::Found(hits) = state else {
            return Vec::new();
        };
        self.data.with(|data| {
            search_results(
                |at| cards.get(at),
                hits,
                query,
                |post| data.body(&post.source),
            )
        })
    }
}
