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
    pub manifest: LocalResource<ManifestResult>,
}

pub fn use_site() -> Site {
    expect_context::<Site>()
}

/// The base path, read from the `<base href>` that `folio build` writes into every
/// page, so one app bundle works at `/` and under any sub-path.
pub fn base_path_from_document() -> String {
    let base_uri = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    let path = base_uri
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_else(|| "/".to_owned());
    normalize_base_path(&path)
}
