//! The only network code: the manifest, cards, post bodies and the search
//! index, with typed errors.
//!
//! Pages never call it: they read what [`crate::site::Site`] holds, which the
//! folio command fills in up front when it prerenders, and the browser fills
//! in from here.

use std::fmt;
use std::future::Future;

use gloo_net::http::Request;

use folio_core::list::{Cards, ListError, ListIndex};
use folio_core::{Body, Catalogue, Manifest, PageMeta, PostMeta, Text, MANIFEST_VERSION};
use leptos::prelude::RwSignal;
#[cfg(not(feature = "ssr"))]
use leptos::prelude::Set;

/// What a fetch was for, so an error can name it in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched {
    ListOfPosts,
    Post(String),
    Page(String),
    #[cfg_attr(not(feature = "search"), allow(dead_code))]
    SearchIndex,
}

impl Fetched {
    fn name(&self, words: &dyn Catalogue) -> String {
        match self {
            Fetched::ListOfPosts => words.text(Text::ListOfPosts).to_owned(),
            Fetched::Post(title) => words.the_post(title),
            Fetched::Page(title) => words.the_page(title),
            Fetched::SearchIndex => words.text(Text::SearchIndex).to_owned(),
        }
    }
}

/// Why a fetch failed, worded for the reader by [`FetchError::message`].
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// No answer at all: offline, DNS, CORS.
    Network { what: Fetched, message: String },
    /// An answer other than 200.
    Status { what: Fetched, status: u16 },
    /// An answer that is not what Folio wrote.
    Malformed { what: Fetched, message: String },
    /// A manifest from a newer or older indexer.
    Version { found: u32 },
}

impl FetchError {
    /// The error as a sentence in the catalogue's language.
    pub fn message(&self, words: &dyn Catalogue) -> String {
        match self {
            FetchError::Network { what, message } => {
                words.fetch_network_error(&what.name(words), message)
            }
            FetchError::Status { what, status } => {
                words.fetch_status_error(&what.name(words), *status)
            }
            FetchError::Malformed { what, message } => {
                words.fetch_malformed_error(&what.name(words), message)
            }
            FetchError::Version { found } => words.manifest_version_error(*found, MANIFEST_VERSION),
        }
    }
}

impl FetchError {
    /// List data that does not fit its index: another deploy's, or damaged.
    pub fn list(error: ListError) -> FetchError {
        FetchError::Malformed {
            what: Fetched::ListOfPosts,
            message: error.to_string(),
        }
    }
}

/// In English, for logs.
impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&folio_core::i18n::English))
    }
}

async fn fetch_text(url: &str, what: Fetched) -> Result<String, FetchError> {
    send(Request::get(url), what).await
}

async fn respond(
    request: gloo_net::http::RequestBuilder,
    what: &Fetched,
) -> Result<gloo_net::http::Response, FetchError> {
    let response = request.send().await.map_err(|err| FetchError::Network {
        what: what.clone(),
        message: err.to_string(),
    })?;
    if !response.ok() {
        return Err(FetchError::Status {
            what: what.clone(),
            status: response.status(),
        });
    }
    Ok(response)
}

fn malformed(what: Fetched) -> impl Fn(gloo_net::Error) -> FetchError {
    move |err| FetchError::Malformed {
        what: what.clone(),
        message: err.to_string(),
    }
}

async fn send(
    request: gloo_net::http::RequestBuilder,
    what: Fetched,
) -> Result<String, FetchError> {
    let bytes = send_for_bytes(request, what.clone()).await?;
    // Folio writes only UTF-8: anything else is a damaged file, said so.
    String::from_utf8(bytes).map_err(|err| FetchError::Malformed {
        what,
        message: err.to_string(),
    })
}

/// Every response is read as bytes, text included: one way of reading
/// one, which is less WASM than a second for text.
async fn send_for_bytes(
    request: gloo_net::http::RequestBuilder,
    what: Fetched,
) -> Result<Vec<u8>, FetchError> {
    let response = respond(request, &what).await?;
    response.binary().await.map_err(malformed(what))
}

/// Runs `task` in the browser; the folio command never gets here.
pub fn spawn(task: impl Future<Output = ()> + 'static) {
    #[cfg(not(feature = "ssr"))]
    leptos::task::spawn_local(task);
    #[cfg(feature = "ssr")]
    drop(task);
}

/// Fetches a file search needs (the directory, a shard, a body for
/// excerpts) as bytes. Search has this one fetch, awaited in one place
/// ([`crate::search`]): each future awaited elsewhere is more WASM.
/// `revalidate` is for the directory, which names this deploy's shards.
#[cfg(feature = "search")]
pub async fn fetch_bytes(
    url: &str,
    revalidate: bool,
    what: Fetched,
) -> Result<Vec<u8>, FetchError> {
    let mut request = Request::get(url);
    if revalidate {
        request = request.cache(web_sys::RequestCache::NoCache);
    }
    send_for_bytes(request, what).await
}

/// Runs `load` in the browser and puts its result into `target`. The folio
/// command never gets here: it renders from the data it was given.
pub fn spawn_into<T: Send + Sync + 'static>(
    target: RwSignal<Option<Result<T, FetchError>>>,
    load: impl Future<Output = Result<T, FetchError>> + 'static,
) {
    #[cfg(not(feature = "ssr"))]
    leptos::task::spawn_local(async move { target.set(Some(load.await)) });
    #[cfg(feature = "ssr")]
    let _ = (target, load);
}

/// Fetches `manifest.json` (the list index) from the content base,
/// revalidated every time so a new deploy is seen at once. Gives the
/// manifest to browse with and the empty store its cards go into.
pub async fn fetch_manifest(content_base: &str) -> Result<(Manifest, Cards), FetchError> {
    let request =
        Request::get(&format!("{content_base}manifest.json")).cache(web_sys::RequestCache::NoCache);
    let text = send(request, Fetched::ListOfPosts).await?;
    let malformed = |err: serde_json::Error| FetchError::Malformed {
        what: Fetched::ListOfPosts,
        message: err.to_string(),
    };
    // Read the version alone first, so a manifest of another version is
    // reported as such rather than as a confusing missing field.
    let probe: VersionProbe = serde_json::from_str(&text).map_err(malformed)?;
    if probe.version != MANIFEST_VERSION {
        return Err(FetchError::Version {
            found: probe.version,
        });
    }
    let index: ListIndex = serde_json::from_str(&text).map_err(malformed)?;
    let (manifest, cards) = index.into_parts().map_err(FetchError::list)?;
    Ok((manifest, cards))
}

/// Fetches one chunk of cards; its URL carries its hash, so a cached copy
/// is never an outdated one.
pub async fn fetch_chunk(content_base: &str, url: &str) -> Result<Vec<PostMeta>, FetchError> {
    fetch_json(&format!("{content_base}{url}"), Fetched::ListOfPosts).await
}

/// Fetches every post's title (for the timeline), cache-keyed by its hash.
pub async fn fetch_titles(content_base: &str, url: &str) -> Result<Vec<String>, FetchError> {
    fetch_json(&format!("{content_base}{url}"), Fetched::ListOfPosts).await
}

/// Fetches, side by side, what the page at `route` shows and `cards` lacks
/// (the chunks of its posts' cards, or every title for the timeline), and
/// keeps it in `cards`.
#[cfg(feature = "hydrate")]
pub async fn fetch_shown_cards(
    content_base: &str,
    manifest: &Manifest,
    index: &folio_core::browse::BrowseIndex,
    cards: &mut Cards,
    route: &folio_core::routes::Route,
) -> Result<(), FetchError> {
    if folio_core::list::needs_titles(route) && cards.titles().is_none() {
        let titles = fetch_titles(content_base, &cards.titles_url()).await?;
        cards
            .insert_titles(manifest, titles)
            .map_err(FetchError::list)?;
    }
    let positions = folio_core::list::cards_shown(manifest, index, route, "");
    let wanted: Vec<(usize, String)> = cards
        .missing(&positions)
        .into_iter()
        .filter_map(|n| cards.chunk_url(n).map(|url| (n, url)))
        .collect();
    let fetched =
        futures::future::join_all(wanted.iter().map(|(_, url)| fetch_chunk(content_base, url)))
            .await;
    for ((n, _), chunk) in wanted.into_iter().zip(fetched) {
        cards
            .insert(manifest, n, chunk?)
            .map_err(FetchError::list)?;
    }
    Ok(())
}

#[derive(serde::Deserialize)]
struct VersionProbe {
    #[serde(default)]
    version: u32,
}

/// Fetches a post's [`Body`] from its own page, which `folio build` rendered
/// with the same pipeline and which carries the outline beside the HTML
/// (`folio_core::page_body`). The URL carries the content hash, so a cached
/// copy is never an outdated one.
pub async fn fetch_post_body(base: &str, post: &PostMeta) -> Result<Body, FetchError> {
    fetch_body(
        &folio_core::page_body::post_body_url(base, post),
        Fetched::Post(post.title.clone()),
    )
    .await
}

/// Fetches a standalone page's [`Body`], cache-keyed by its hash like a post's.
pub async fn fetch_page_body(base: &str, page: &PageMeta) -> Result<Body, FetchError> {
    let url = folio_core::page_body::page_body_url(base, page);
    fetch_body(&url, Fetched::Page(page.title.clone())).await
}

async fn fetch_body(url: &str, what: Fetched) -> Result<Body, FetchError> {
    let page = fetch_text(url, what.clone()).await?;
    folio_core::page_body::body_from_page(&page).ok_or(FetchError::Malformed {
        what,
        message: "the page holds no body data".to_owned(),
    })
}

/// Fetches `url` and reads it as the JSON Folio wrote there.
async fn fetch_json<T: serde::de::DeserializeOwned>(
    url: &str,
    what: Fetched,
) -> Result<T, FetchError> {
    let text = fetch_text(url, what.clone()).await?;
    serde_json::from_str(&text).map_err(|err| FetchError::Malformed {
        what,
        message: err.to_string(),
    })
}

/// Percent-encodes each segment of a site-relative path (Hangul file names).
pub fn encode_path(path: &str) -> String {
    let (path, query) = path
        .split_once('?')
        .map_or((path, None), |(p, q)| (p, Some(q)));
    let encoded: Vec<String> = path
        .split('/')
        .map(folio_core::routes::encode_component)
        .collect();
    match query {
        Some(query) => format!("{}?{query}", encoded.join("/")),
        None => encoded.join("/"),
    }
}
