//! The only network code: the manifest, post bodies and the search index,
//! with typed errors.
//!
//! Pages never call it: they read what [`crate::site::Site`] holds, which the
//! folio command fills in up front when it prerenders, and the browser fills
//! in from here.

use std::fmt;
use std::future::Future;

use gloo_net::http::Request;

use folio_core::search::{SearchDirectory, DIRECTORY_PATH};
use folio_core::{Manifest, PageMeta, PostMeta, MANIFEST_VERSION};
use leptos::prelude::RwSignal;
#[cfg(not(feature = "ssr"))]
use leptos::prelude::Set;

/// Why a fetch failed, worded for the reader.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// No answer at all: offline, DNS, CORS.
    Network { what: String, message: String },
    /// An answer other than 200.
    Status { what: String, status: u16 },
    /// An answer that is not what Folio wrote.
    Malformed { what: String, message: String },
    /// A manifest from a newer or older indexer.
    Version { found: u32 },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network { what, message } => write!(f, "Could not load {what}: the network request failed ({message})."),
            FetchError::Status { what, status } => write!(f, "Could not load {what}: the server answered {status}."),
            FetchError::Malformed { what, message } => write!(f, "Could not read {what}: {message}."),
            FetchError::Version { found } => write!(
                f,
                "This site's index has version {found}, but this reader understands version {MANIFEST_VERSION}. Rebuild the site with the same Folio version."
            ),
        }
    }
}

async fn fetch_text(url: &str, what: &str) -> Result<String, FetchError> {
    send(Request::get(url), what).await
}

async fn respond(
    request: gloo_net::http::RequestBuilder,
    what: &str,
) -> Result<gloo_net::http::Response, FetchError> {
    let response = request.send().await.map_err(|err| FetchError::Network {
        what: what.to_owned(),
        message: err.to_string(),
    })?;
    if !response.ok() {
        return Err(FetchError::Status {
            what: what.to_owned(),
            status: response.status(),
        });
    }
    Ok(response)
}

fn malformed(what: &str) -> impl Fn(gloo_net::Error) -> FetchError + '_ {
    move |err| FetchError::Malformed {
        what: what.to_owned(),
        message: err.to_string(),
    }
}

async fn send(request: gloo_net::http::RequestBuilder, what: &str) -> Result<String, FetchError> {
    let response = respond(request, what).await?;
    response.text().await.map_err(malformed(what))
}

/// Runs `task` in the browser; the folio command never gets here.
pub fn spawn(task: impl Future<Output = ()> + 'static) {
    #[cfg(not(feature = "ssr"))]
    leptos::task::spawn_local(task);
    #[cfg(feature = "ssr")]
    drop(task);
}

/// Fetches the search index's directory, revalidated like the manifest,
/// since it names this deploy's shards.
pub async fn fetch_search_directory(
    content_base: &str,
    what: &str,
) -> Result<SearchDirectory, FetchError> {
    let request = Request::get(&format!("{content_base}{DIRECTORY_PATH}"))
        .cache(web_sys::RequestCache::NoCache);
    let text = send(request, what).await?;
    SearchDirectory::from_json(&text).map_err(|message| FetchError::Malformed {
        what: what.to_owned(),
        message,
    })
}

/// Fetches one shard of the search index; its URL carries the index's build,
/// so a cached copy is never an outdated one.
pub async fn fetch_search_shard(
    content_base: &str,
    directory: &SearchDirectory,
    id: u32,
    what: &str,
) -> Result<Vec<u8>, FetchError> {
    let url = format!("{content_base}{}", directory.shard_path(id));
    let response = respond(Request::get(&url), what).await?;
    response.binary().await.map_err(malformed(what))
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

/// Fetches `manifest.json` from the content base, revalidated every time so a
/// new deploy is seen at once; with it, the fingerprint of its text, to
/// compare with the one the prerendered page was built from.
pub async fn fetch_manifest(content_base: &str) -> Result<(Manifest, String), FetchError> {
    let what = "the list of posts";
    let request =
        Request::get(&format!("{content_base}manifest.json")).cache(web_sys::RequestCache::NoCache);
    let text = send(request, what).await?;
    let malformed = |err: serde_json::Error| FetchError::Malformed {
        what: what.into(),
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
    let manifest = serde_json::from_str(&text).map_err(malformed)?;
    Ok((manifest, folio_core::fingerprint::fingerprint(&text)))
}

#[derive(serde::Deserialize)]
struct VersionProbe {
    #[serde(default)]
    version: u32,
}

/// Fetches a post's body as HTML, rendered by `folio build` with the same
/// pipeline it prerenders pages with; its URL carries the content hash, so a
/// cached copy is never an outdated one.
pub async fn fetch_post_html(content_base: &str, post: &PostMeta) -> Result<String, FetchError> {
    let url = post_body_url(content_base, post);
    fetch_text(&url, &format!("the post “{}”", post.title)).await
}

/// Fetches a standalone page's body as HTML, cache-keyed by its hash like a post's.
pub async fn fetch_page_html(content_base: &str, page: &PageMeta) -> Result<String, FetchError> {
    let url = format!("{content_base}{}", encode_path(&page.html_url()));
    fetch_text(&url, &format!("the page “{}”", page.title)).await
}

/// Where a post's body is fetched from: `content_base` (a path on this site, or
/// another origin) and the body's hash-carrying path, percent-encoded.
pub fn post_body_url(content_base: &str, post: &PostMeta) -> String {
    format!("{content_base}{}", encode_path(&post.html_url()))
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
