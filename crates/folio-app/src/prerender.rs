//! Rendering a route to HTML, natively, for the folio command: the same
//! components the browser runs, given all their data up front.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::tachys::html::InertElement;

use folio_core::browse::BrowseIndex;
use folio_core::list::Cards;
use folio_core::{Body, Manifest};

use crate::app::App;
pub use crate::pages::moved::Moved;
use crate::pages::moved::MovedPage;
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
    /// The cards rendered so far in this build, shared by all its routes.
    pub rendered_cards: Arc<RenderedCards>,
}

/// Post cards rendered to HTML, by slug, for one build. A post is on many
/// list pages (the home pages, each of its tags, its year) and its card is
/// the same on each, so each card is rendered by [`crate::components::post_card::PostCard`]
/// once and its markup reused: at 10,000 posts, 70,000 cards become 10,000.
#[derive(Default)]
pub struct RenderedCards(Mutex<HashMap<String, Arc<str>>>);

impl RenderedCards {
    /// The markup of `slug`'s card, rendered by `render` the first time.
    pub(crate) fn card<V: RenderHtml>(
        &self,
        slug: &str,
        render: impl FnOnce() -> V,
    ) -> InertElement {
        let known = self.lock().get(slug).cloned();
        let html = known.unwrap_or_else(|| {
            let html: Arc<str> = render().to_html().into();
            self.lock().insert(slug.to_owned(), Arc::clone(&html));
            html
        });
        InertElement::new(html.to_string())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<str>>> {
        // A card is only ever inserted whole, so a panic elsewhere leaves nothing half-written.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The app's markup for `route.path`: what goes into `<div id="folio-root">`.
/// The browser hydrates exactly this, so it must not be changed on the way.
pub fn render_route(route: RouteData) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(route.rendered_cards);
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
        view! { <App start/> }.to_html()
    })
}

/// The whole document at an old address that sends the reader to `moved`.
pub fn render_moved(moved: Moved) -> String {
    Owner::new().with(|| view! { <MovedPage moved/> }.to_html())
}
