//! The router and the site frame; nothing else.

use leptos::either::EitherOf7;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;

use folio_core::routes::Route;

use crate::components::offline_status::{OfflineBanner, UpdatePrompt};
use crate::components::route_announcer::RouteAnnouncer;
use crate::components::site_frame::{SiteFooter, SiteHeader};
use crate::offline::provide_offline;
use crate::pages::{
    home::HomePage, not_found::NotFoundPage, page::PagePage, post::PostPage, search::SearchPage,
    tags::TagsPage, timeline::TimelinePage,
};
use crate::router::{provide_navigation, Address};
use crate::search::provide_search;
use crate::site::{Site, StartState};

/// Moves focus into `<main>`; the router would otherwise treat `#main` as a navigation.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
    }
}

/// The whole app. The folio command renders it once per route; the browser
/// adopts that HTML, or renders it afresh where there is none.
#[component]
pub fn App(start: StartState) -> impl IntoView {
    provide_meta_context();
    let address = Address::new(&start.base, &start.pathname, &start.search);
    let site = Site::new(start);
    provide_context(site);
    if site.manifest.get_untracked().is_none() {
        site.load_manifest();
    }
    // Effects run once the page is adopted, never in the folio command.
    Effect::new(move || site.adopted());
    let navigation = provide_navigation(site.base, address);
    let offline = provide_offline();
    provide_search();
    // Back online: fetch again what failed while the network was gone.
    Effect::new(move |was_online: Option<bool>| {
        let online = offline.online.get();
        if was_online == Some(false)
            && online
            && site.manifest.get_untracked().is_some_and(|m| m.is_err())
        {
            site.load_manifest();
        }
        online
    });

    // The 404 page is what any other address shows, `/404.html` included, so
    // it is the same component tree wherever the host answers with it.
    let page = move || match navigation.route.get() {
        Route::Home | Route::Tag(_) | Route::Year(_) | Route::TagYear(..) => {
            EitherOf7::A(view! { <HomePage/> })
        }
        Route::Post(slug) => EitherOf7::B(view! { <PostPage slug/> }),
        Route::Page(slug) => EitherOf7::C(view! { <PagePage slug/> }),
        Route::TagIndex => EitherOf7::D(view! { <TagsPage/> }),
        Route::Timeline => EitherOf7::E(view! { <TimelinePage/> }),
        Route::Search => EitherOf7::F(view! { <SearchPage/> }),
        Route::NotFound => EitherOf7::G(view! { <NotFoundPage/> }),
    };
    view! {
        <div id="folio-app">
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
            <SiteHeader/>
            <OfflineBanner/>
            <UpdatePrompt/>
            <main id="main" tabindex="-1">{page}</main>
            <SiteFooter/>
            <RouteAnnouncer/>
        </div>
    }
}
