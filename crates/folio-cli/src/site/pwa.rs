//! What makes the site an installable, offline-capable web app: the web app
//! manifest, an app-shell page, and the service worker with this deploy's
//! precache list.

use std::path::Path;

use serde_json::json;
use sha2::{Digest, Sha256};

use folio_core::Manifest;

use super::app_bundle::{AppBundle, BASE_PLACEHOLDER};

/// The line of `public/sw.js` that `folio build` replaces.
const PRECACHE_MARKER: &str =
    "const FOLIO_PRECACHE = { version: 'dev', base: '/', content: '/', files: [] }; // replaced by folio build";
pub const SHELL_PAGE: &str = "shell.html";
pub const WEB_MANIFEST: &str = "manifest.webmanifest";
/// Light theme background; the dark theme's colour is set per media query in each page.
const BACKGROUND: &str = "#fbfaf7";

#[derive(Debug, thiserror::Error)]
pub enum PwaError {
    #[error("the app bundle has no sw.js with the precache marker\n  fix: rebuild the app bundle (scripts/build-app.sh)")]
    MissingWorker,
}

/// The files a static host serves for the PWA, as (relative path, contents).
pub fn pwa_files(
    manifest: &Manifest,
    app: &AppBundle,
    manifest_json: &str,
    content_base: &str,
) -> Result<Vec<(String, Vec<u8>)>, PwaError> {
    let content_origin = super::csp::origin_of(content_base);
    let site = &manifest.site;
    let web_manifest = json!({
        "name": site.title,
        "short_name": short_name(&site.title),
        "description": site.description,
        "lang": site.lang,
        "start_url": site.base_path,
        "scope": site.base_path,
        "id": site.base_path,
        "display": "standalone",
        "background_color": BACKGROUND,
        "theme_color": BACKGROUND,
        "icons": [
            { "src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any" },
            { "src": "icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any" },
            { "src": "icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable" },
            { "src": "icons/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any" }
        ]
    });
    let web_manifest = serde_json::to_vec_pretty(&web_manifest).unwrap_or_default();
    let shell = super::pages::in_site_language(
        &app.index_html.replace(BASE_PLACEHOLDER, &site.base_path),
        site,
    );
    let shell = super::csp::with_content_security_policy(&shell, content_origin);

    // Everything of the app bundle but its template and the worker itself.
    let mut precache: Vec<String> = bundle_files(&app.dir)
        .into_iter()
        .filter(|file| file != "index.html" && file != "sw.js")
        .collect();
    precache.push(SHELL_PAGE.to_owned());
    precache.push(WEB_MANIFEST.to_owned());
    precache.sort();

    // A new version whenever the app or the content changes, so readers are offered the update.
    let mut hasher = Sha256::new();
    for file in &precache {
        hasher.update(file.as_bytes());
        if let Ok(bytes) = std::fs::read(app.dir.join(file)) {
            hasher.update(&bytes);
        }
    }
    hasher.update(manifest_json.as_bytes());
    hasher.update(&web_manifest);
    let version: String = hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect();

    let worker =
        std::fs::read_to_string(app.dir.join("sw.js")).map_err(|_| PwaError::MissingWorker)?;
    if !worker.contains(PRECACHE_MARKER) {
        return Err(PwaError::MissingWorker);
    }
    // `content`: where manifest and posts are fetched from, so the worker
    // caches them for offline reading even when they live on another origin.
    let precache_json = json!({
        "version": version,
        "base": site.base_path,
        "content": content_base,
        "files": precache
    });
    let worker = worker.replace(
        PRECACHE_MARKER,
        &format!("const FOLIO_PRECACHE = {precache_json};"),
    );

    Ok(vec![
        (WEB_MANIFEST.to_owned(), web_manifest),
        (SHELL_PAGE.to_owned(), shell.into_bytes()),
        ("sw.js".to_owned(), worker.into_bytes()),
    ])
}

/// Home-screen labels are cut at about 12 characters.
fn short_name(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    let mut name = String::new();
    for word in words {
        if name.chars().count() + word.chars().count() + 1 > 12 && !name.is_empty() {
            break;
        }
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(word);
    }
    name.chars().take(12).collect()
}

/// Every file of the app bundle, as `/`-separated paths relative to it.
pub(super) fn bundle_files(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| {
            let relative = entry.path().strip_prefix(dir).ok()?;
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            Some(parts.join("/"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_fit_a_home_screen() {
        assert_eq!(short_name("Folio 데모 블로그"), "Folio 데모 블로그");
        assert_eq!(short_name("A very long blog title"), "A very long");
        assert_eq!(short_name("Supercalifragilistic"), "Supercalifra");
    }
}
