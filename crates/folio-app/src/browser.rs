//! The one seam to the browser beyond the DOM the components render: the
//! window's size, the network state, the saved theme, the reader's locale.
//!
//! The folio command renders pages natively, where none of these exist, so
//! each answers here with what a prerendered page shows: online, light theme,
//! a narrow screen, an English date. Components start from those answers and
//! ask the browser only in effects, which run after the app has adopted the
//! page, so adoption never changes what is on screen.

/// The key `index.html`'s inline script reads before the first paint.
pub const THEME_STORAGE_KEY: &str = "folio-theme";

#[cfg(not(feature = "ssr"))]
mod imp {
    use folio_core::routes::normalize_base_path;
    use leptos::prelude::{document, window};
    use wasm_bindgen::JsCast;

    pub fn is_online() -> bool {
        window().navigator().on_line()
    }

    pub fn is_dark_theme() -> bool {
        match document()
            .document_element()
            .and_then(|root| root.get_attribute("data-theme"))
        {
            Some(theme) => theme == "dark",
            None => window()
                .match_media("(prefers-color-scheme: dark)")
                .ok()
                .flatten()
                .is_some_and(|query| query.matches()),
        }
    }

    pub fn set_theme(theme: &str) {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme);
        }
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item(super::THEME_STORAGE_KEY, theme);
        }
    }

    pub fn window_width() -> f64 {
        window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(0.0)
    }

    pub fn page_origin() -> String {
        window().location().origin().unwrap_or_default()
    }

    fn meta_content(name: &str) -> Option<String> {
        document()
            .query_selector(&format!("meta[name={name}]"))
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
    }

    /// The base path from `<meta name="folio-base">`, which `folio build` fills
    /// in for every page, so one bundle works at `/` and under any sub-path.
    /// (A `<base href>` would do the same but breaks `#fragment` links.)
    pub fn base_path() -> String {
        normalize_base_path(meta_content("folio-base").as_deref().unwrap_or("/"))
    }

    /// The content base from `<meta name="folio-content-base">`; the base path when absent.
    pub fn content_base(base_path: &str) -> String {
        match meta_content("folio-content-base")
            .filter(|url| !url.is_empty() && !url.contains("__folio_"))
        {
            Some(url) if url.contains("://") => format!("{}/", url.trim_end_matches('/')),
            Some(path) => normalize_base_path(&path),
            None => base_path.to_owned(),
        }
    }

    /// What the page was prerendered from: the fingerprint of the data it
    /// shows (`folio_core::list::page_fingerprint`) and the path it was
    /// rendered for; `None` on a page without prerendered content.
    pub fn prerendered_from() -> Option<(String, String)> {
        Some((meta_content("folio-data")?, meta_content("folio-route")?))
    }

    /// The address as the router sees it: path and query.
    pub fn current_path() -> (String, String) {
        let location = window().location();
        (
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default(),
        )
    }

    /// The interface language `folio build` wrote into `<html lang>`.
    pub fn page_lang() -> folio_core::Lang {
        document()
            .document_element()
            .and_then(|root| root.get_attribute("lang"))
            .map(|tag| folio_core::Lang::from_tag(&tag))
            .unwrap_or_default()
    }

    /// Resolves after the browser has painted the next frame. The prerendered
    /// page is readable as it is; reading a big manifest before that paint
    /// would hold the page's first paint back for nothing.
    pub async fn after_next_paint() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let after_paint = wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = window().set_timeout_with_callback(&resolve);
            });
            let _ = window().request_animation_frame(after_paint.unchecked_ref());
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// Tells the page (and its tests) how the app took over: `adopted` or `rendered`.
    pub fn mark_started(how: &str) {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-app", how);
        }
    }
}

#[cfg(feature = "ssr")]
mod imp {
    pub fn is_online() -> bool {
        true
    }
    pub fn is_dark_theme() -> bool {
        false
    }
    pub fn set_theme(_theme: &str) {}
    pub fn window_width() -> f64 {
        0.0
    }
    pub fn page_origin() -> String {
        String::new()
    }
}

pub use imp::*;

/// Wider than this, the table of contents sits beside the text and starts open.
pub const WIDE_SCREEN_PX: f64 = 1280.0;

pub fn is_wide_screen() -> bool {
    window_width() >= WIDE_SCREEN_PX
}
