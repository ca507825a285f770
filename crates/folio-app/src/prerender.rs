//! Rendering a route to HTML, natively, for the folio command: the same
//! components the browser runs, given all their data up front.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use folio_core::browse::BrowseIndex;
use folio_core::list::Cards;
use folio_core::{Body, Manifest};

use crate::app::App;
pub use crate::pages::moved::Moved;
use crate::pages::moved::MovedPage;
pub use crate::rendered_once::RenderedParts;
use crate::site::StartState;

/// What one route's page shows.
pub struct RouteData {
    pub manifest: Arc<Manifest>,
    /// The manifest's posting lists, built once for all routes.
    pub browse: Arc<BrowseIndex>,
    /// Every post's card, chunked once for all routes.
    pub cards: Cards,
    /// Where the app fetches content from (the base path, or another origin).
    pub content_base: String,
    /// The address the page is rendered for, `/blog/posts/walk/`.
    pub path: String,
    /// The body of the post or page at `path`: (source path, body).
    pub body: Option<(String, Body)>,
    /// The parts rendered so far in this build, shared by all its routes.
    pub rendered_parts: Arc<RenderedParts>,
}

/// The app's markup for `route.path`, added to `page`: what goes into
/// `<div id="folio-root">`. The browser hydrates exactly this, so it must
/// not be changed on the way. Written straight into the page, which the
/// caller sizes, rather than into a buffer of its own that grows and is
/// then copied.
pub fn render_route(route: RouteData, page: &mut String) {
    use leptos::tachys::view::Position;
    let owner = Owner::new();
    owner.with(|| {
        provide_context(route.rendered_parts);
        let lang = route.manifest.site.interface_lang();
        let start = StartState {
            base: route.manifest.site.base_path.clone(),
            pathname: route.path,
            search: String::new(),
            content_base: route.content_base,
            manifest: Some(route.manifest),
            cards: route.cards,
            bodies: route.body.into_iter().collect::<HashMap<_, _>>(),
            adopting: false,
            lang,
            browse: Some(route.browse),
        };
        // What `to_html` does, into `page`.
        view! { <App start/> }.to_html_with_buf(
            page,
            &mut Position::FirstChild,
            true,
            false,
            vec![],
        );
    })
}

/// The whole document at an old address that sends the reader to `moved`.
pub fn render_moved(moved: Moved) -> String {
    Owner::new().with(|| view! { <MovedPage moved/> }.to_html())
}
