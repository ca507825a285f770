//! Site-wide state every page reads: where the site lives and its manifest.

use std::sync::Arc;

use leptos::prelude::*;

use folio_core::routes::normalize_base_path;
use folio_core::Manifest;

use crate::fetch::FetchError;

pub type ManifestResult = Result<Arc<Manifest>, FetchError>;

/// Provided once by [`crate::app::App`]; pages take it with [`use_site`].
#[derive(Clone, Copy)]
pub struct Site {
    /// The base path the page was served under, `/` or `/blog/`.
    pub base: StoredValue<String>,
    /// Where `manifest.json` and `content/` are fetched from: the base path, or
    /// another origin when the content lives in a bucket with CORS.
    pub content_base: StoredValue<String>,
    pub manifest: LocalResource<ManifestResult>,
}

pub fn use_site() -> Site {
    expect_context::<Site>()
}

/// The base path, read from the `<meta name="folio-base">` that `folio build`
/// fills in for every page, so one app bundle works at `/` and under any sub-path.
/// (A `<base href>` would do the same but breaks `#fragment` links.)
pub fn base_path_from_document() -> String {
    let content = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=folio-base]").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"));
    normalize_base_path(content.as_deref().unwrap_or("/"))
}

/// The content base from `<meta name="folio-content-base">`; the base path when absent.
pub fn content_base_from_document(base_path: &str) -> String {
    let content = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=folio-content-base]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|url| !url.is_empty() && !url.contains("__folio_"));
    match content {
        Some(url) if url.contains("://") => format!("{}/", url.trim_end_matches('/')),
        Some(path) => normalize_base_path(&path),
        None => base_path.to_owned(),
    }
}
