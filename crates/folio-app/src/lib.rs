//! Folio's reader app: the Leptos components of every page.
//!
//! Built with exactly one of three features: `ssr` (the folio command renders
//! each route to HTML with [`render_route`]), `hydrate` (the browser adopts
//! that HTML, see [`start`]), or `csr` (the browser renders on its own).

// The hydrating build nests view types deeper than the default limit allows.
#![recursion_limit = "256"]

#[cfg(any(
    all(feature = "ssr", feature = "hydrate"),
    all(feature = "ssr", feature = "csr"),
    all(feature = "hydrate", feature = "csr")
))]
compile_error!("folio-app: enable exactly one of the features `ssr`, `hydrate` and `csr`");

mod app;
pub mod browser;
mod components;
mod fetch;
mod offline;
mod pages;
#[cfg(feature = "ssr")]
mod prerender;
mod rendered_once;
mod router;
#[cfg(feature = "search")]
mod search;
mod site;

#[cfg(feature = "ssr")]
pub use prerender::{render_moved, render_route, Moved, RenderedParts, RouteData};

/// The element every page has (`index.html`) and the app renders into. The
/// folio command writes a route's prerendered markup inside it.
pub const ROOT_ID: &str = "folio-root";

/// Starts the app in the page: adopts the prerendered markup when the page has
/// some and it was built from the manifest the site serves now, and renders
/// afresh otherwise (the offline shell, an old cached page after a new deploy,
/// an address the host answered with its 404 page).
#[cfg(not(feature = "ssr"))]
pub fn start() {
    use leptos::prelude::document;
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let base = browser::base_path();
    let (pathname, search) = browser::current_path();
    let start = site::StartState {
        pathname,
        search,
        content_base: browser::content_base(&base),
        base,
        lang: browser::page_lang(),
        ..Default::default()
    };
    let Some(root) = document()
        .get_element_by_id(ROOT_ID)
        .and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    #[cfg(feature = "hydrate")]
    if let (Some(prerendered), true) = (browser::prerendered_from(), root.has_child_nodes()) {
        wasm_bindgen_futures::spawn_local(adopt(root, start, prerendered));
        return;
    }
    render_afresh(root, start);
}

/// Fetches the manifest and the cards the page shows, then, when
/// they are what the page was rendered from, hydrates the page with them:
/// the first render matches the prerendered DOM, so every node stays where
/// and what it is.
#[cfg(feature = "hydrate")]
async fn adopt(
    root: web_sys::HtmlElement,
    mut start: site::StartState,
    (fingerprint, rendered_path): (String, String),
) {
    use std::sync::Arc;

    let same_address = start.search.is_empty() && same_path(&start.pathname, &rendered_path);
    browser::after_next_paint().await;
    let Ok((manifest, mut cards)) = fetch::fetch_manifest(&start.content_base).await else {
        // The app fetches again and shows why it failed, with a retry.
        return render_afresh(root, start);
    };
    let index = Arc::new(folio_core::browse::BrowseIndex::new(&manifest.posts));
    let route = router::Address::new(&start.base, &start.pathname, &start.search).route();
    // The page's cards (and a post's table of contents, from its body data)
    // as the folio command had them, and the same data the page was
    // rendered from; otherwise the page is rendered afresh (and shows why).
    let ready = match same_address {
        true => {
            fetch::fetch_shown_cards(&start.content_base, &manifest, &index, &mut cards, &route)
                .await
                .map(|()| cards.page_fingerprint(&manifest, &index, &route) == Some(fingerprint))
        }
        false => Ok(false),
    };
    let body = match ready {
        Ok(true) => starting_body(&manifest, &index, &cards, &route, &root),
        _ => Some(None),
    };
    start.manifest = Some(Arc::new(manifest));
    start.cards = cards;
    start.browse = Some(index);
    match (ready, body) {
        (Ok(true), Some(body)) => {
            start.bodies.extend(body);
            start.adopting = true;
            leptos::mount::hydrate_from(root, move || {
                leptos::view! { <app::App start/> }
            })
            .forget();
            browser::mark_started("adopted");
        }
        _ => render_afresh(root, start),
    }
}

/// The body of the post or page at the start address, if it is one, read
/// from the prerendered page itself (`folio_core::page_body`): adopting a
/// post fetches nothing more. `None` when the page holds no body data.
#[cfg(feature = "hydrate")]
fn starting_body(
    manifest: &folio_core::Manifest,
    index: &folio_core::browse::BrowseIndex,
    cards: &folio_core::list::Cards,
    route: &folio_core::routes::Route,
    root: &web_sys::HtmlElement,
) -> Option<Option<(String, folio_core::Body)>> {
    use folio_core::routes::Route;
    let source = match route {
        Route::Post(slug) => index
            .position(slug)
            .and_then(|at| cards.get(at))
            .map(|post| post.source.clone()),
        Route::Page(slug) => manifest
            .pages
            .iter()
            .find(|page| &page.slug == slug)
            .map(|page| page.source.clone()),
        _ => None,
    };
    let Some(source) = source else {
        return Some(None);
    };
    let element = root.query_selector(".post-body").ok().flatten()?;
    let body = folio_core::page_body::body_from_element(&element.inner_html())?;
    Some(Some((source, body)))
}

/// Whether the browser's path is the one the page was rendered for
/// (`/blog/` and `/blog/index.html` are; encodings may differ).
#[cfg(feature = "hydrate")]
fn same_path(current: &str, rendered: &str) -> bool {
    use folio_core::routes::decode_component;
    let normal = |path: &str| decode_component(path.strip_suffix("index.html").unwrap_or(path));
    normal(current) == normal(rendered)
}

/// A clean client render into the emptied root.
#[cfg(not(feature = "ssr"))]
fn render_afresh(root: web_sys::HtmlElement, start: site::StartState) {
    root.set_inner_html("");
    leptos::mount::mount_to(root, move || leptos::view! { <app::App start/> }).forget();
    browser::mark_started("rendered");
}
