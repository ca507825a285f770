//! The app's side of search: the parts of the index fetched so far, kept for
//! the page's life so a query already answered downloads nothing again, and
//! the text of the bodies fetched for excerpts.
//!
//! What to show from them is decided by `folio_core::search`
//! ([`search_state`], [`search_results`]); this module only fetches and keeps.
//! A fetch that arrives after the reader has typed something else is still
//! kept (it is the same index), and what is shown is always computed from
//! the address's current query, so a stale answer can never be shown.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use folio_core::list::Cards;
use folio_core::search::{
    html_text, search_results, search_state, Query, SearchDirectory, SearchResult, SearchState,
    ShardSet,
};
use folio_core::PostMeta;

use crate::fetch::{
    fetch_post_body, fetch_search_directory, fetch_search_shard, spawn, FetchError, Fetched,
};
use crate::site::use_site;

type DirectoryResult = Result<Arc<SearchDirectory>, FetchError>;

/// Provided once by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct SearchIndex {
    /// `None` until fetched.
    directory: RwSignal<Option<DirectoryResult>>,
    shards: StoredValue<ShardSet>,
    /// The plain text of bodies fetched for excerpts, by source path.
    bodies: StoredValue<HashMap<String, String>>,
    /// What is being fetched: `d` (the directory), shard ids, body sources.
    pending: StoredValue<Vec<String>>,
    /// Shards whose last fetch failed, and why the last one did.
    failed: RwSignal<Vec<u32>>,
    last_error: RwSignal<Option<FetchError>>,
    /// Bumped whenever a shard or a body arrives.
    arrived: RwSignal<u32>,
}

pub fn provide_search() -> SearchIndex {
    let index = SearchIndex {
        directory: RwSignal::new(None),
        shards: StoredValue::new(ShardSet::default()),
        bodies: StoredValue::new(HashMap::new()),
        pending: StoredValue::new(Vec::new()),
        failed: RwSignal::new(Vec::new()),
        last_error: RwSignal::new(None),
        arrived: RwSignal::new(0),
    };
    provide_context(index);
    index
}

pub fn use_search() -> SearchIndex {
    expect_context::<SearchIndex>()
}

/// Marks `key` as being fetched; false when it already is.
fn start(pending: StoredValue<Vec<String>>, key: String) -> bool {
    pending
        .try_update_value(|p| {
            let new = !p.contains(&key);
            if new {
                p.push(key);
            }
            new
        })
        .unwrap_or(false)
}

/// Marks `key` as fetched (or failed).
fn finish(pending: StoredValue<Vec<String>>, key: &str) {
    pending.update_value(|p| p.retain(|k| k != key));
}

impl SearchIndex {
    /// Where searching `query` stands (reactive). A directory that failed to
    /// load counts as a missing shard.
    pub fn state(&self, query: &Query) -> SearchState {
        if query.is_empty() {
            return SearchState::Prompt;
        }
        self.arrived.track();
        match self.directory.get() {
            None => SearchState::Waiting,
            Some(Err(_)) => SearchState::Unavailable,
            Some(Ok(directory)) => self.failed.with(|failed| {
                self.shards
                    .with_value(|shards| search_state(query, &directory, shards, failed))
            }),
        }
    }

    /// Why the index could not be fetched, the last time it could not.
    pub fn error(&self) -> Option<FetchError> {
        self.last_error.get()
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
        match self.directory.get() {
            None => {
                if start(self.pending, "d".into()) {
                    let (directory, pending, last_error) =
                        (self.directory, self.pending, self.last_error);
                    spawn(async move {
                        let result = fetch_search_directory(&content_base).await;
                        if let Err(error) = &result {
                            last_error.set(Some(error.clone()));
                        }
                        finish(pending, "d");
                        directory.set(Some(result.map(Arc::new)));
                    });
                }
            }
            Some(Err(_)) => {}
            Some(Ok(directory)) => {
                let missing = self
                    .shards
                    .with_value(|shards| query.shards_missing(&directory, shards));
                let failed = self.failed.get_untracked();
                for id in missing.into_iter().filter(|id| !failed.contains(id)) {
                    if start(self.pending, id.to_string()) {
                        self.fetch_shard(directory.clone(), id, content_base.clone());
                    }
                }
            }
        }
    }

    fn fetch_shard(&self, directory: Arc<SearchDirectory>, id: u32, content_base: String) {
        let index = *self;
        spawn(async move {
            let result = fetch_search_shard(&content_base, &directory, id).await;
            let result = result.and_then(|bytes| {
                index
                    .shards
                    .try_update_value(|shards| shards.insert(id, &bytes))
                    .unwrap_or(Ok(()))
                    .map_err(|err| FetchError::Malformed {
                        what: Fetched::SearchIndex,
                        message: err.to_string(),
                    })
            });
            finish(index.pending, &id.to_string());
            match result {
                Ok(()) => index.failed.update(|failed| failed.retain(|f| *f != id)),
                Err(error) => {
                    index.last_error.set(Some(error));
                    index.failed.update(|failed| failed.push(id));
                }
            }
            index.arrived.update(|n| *n += 1);
        });
    }

    /// Forgets what failed, so the next [`SearchIndex::fetch_for`] tries again.
    pub fn retry(&self) {
        if matches!(self.directory.get_untracked(), Some(Err(_))) {
            self.directory.set(None);
        }
        self.last_error.set(None);
        self.failed.set(Vec::new());
    }

    /// Whether anything has failed that a retry could fetch.
    pub fn has_failed(&self) -> bool {
        !self.failed.with_untracked(Vec::is_empty)
            || matches!(self.directory.get_untracked(), Some(Err(_)))
    }

    /// Fetches the bodies of `posts` not fetched yet, for their excerpts. A
    /// body that cannot be fetched leaves the post's summary as its excerpt.
    pub fn fetch_bodies(&self, posts: Vec<PostMeta>) {
        let content_base = use_site().content_base.get_value();
        for post in posts {
            let known = self.bodies.with_value(|b| b.contains_key(&post.source));
            if known || !start(self.pending, post.source.clone()) {
                continue;
            }
            let (index, content_base) = (*self, content_base.clone());
            spawn(async move {
                let fetched = fetch_post_body(&content_base, &post).await;
                finish(index.pending, &post.source);
                if let Ok(body) = fetched {
                    let text = html_text(&body.html);
                    index.bodies.update_value(|b| {
                        b.insert(post.source.clone(), text);
                    });
                    index.arrived.update(|n| *n += 1);
                }
            });
        }
    }

    /// The results for `state`'s hits, with excerpts from the bodies fetched so far (reactive).
    pub fn results(&self, cards: &Cards, state: &SearchState, query: &Query) -> Vec<SearchResult> {
        let SearchState::Found(hits) = state else {
            return Vec::new();
        };
        self.arrived.track();
        self.bodies.with_value(|bodies| {
            search_results(
                |at| cards.get(at),
                hits,
                query,
                |post| bodies.get(&post.source).map(String::as_str),
            )
        })
    }
}
