//! The router and the site frame; nothing else.

use leptos::either::EitherOf7;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;

use folio_core::routes::Route;
use folio_core::Text;

use crate::components::offline_status::{OfflineBanner, UpdatePrompt};
use crate::components::route_announcer::RouteAnnouncer;
use crate::components::site_frame::{SiteFooter, SiteHeader};
use crate::offline::provide_offline;
#[cfg(feature = "search")]
use crate::pages::search::SearchPage;
use crate::pages::{
    home::HomePage, not_found::NotFoundPage, page::PagePage, post::PostPage, tags::TagsPage,
    timeline::TimelinePage,
};
use crate::router::{provide_navigation, Address};
#[cfg(feature = "search")]
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

/// Which page component shows a route. Every list address (home, a tag, a
/// year, their pages) is the one list page, so moving between filters and
/// pages keeps it and updates only what changed.
#[derive(Clone, PartialEq)]
enum Screen {
    List,
    Post(String),
    Page(String),
    Tags,
    Timeline,
    Search,
    /// What any other address shows, `/404.html` included, so it is the
    /// same component tree wherever the host answers with it.
    NotFound,
}

impl Screen {
    fn of(route: Route) -> Screen {
        match route {
            route if route.is_list() => Screen::List,
            Route::Post(slug) => Screen::Post(slug),
            Route::Page(slug) => Screen::Page(slug),
            Route::TagIndex => Screen::Tags,
            Route::Timeline => Screen::Timeline,
            Route::Search => Screen::Search,
            _ => Screen::NotFound,
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
    #[cfg(feature = "search")]
    provide_search();
    // Back online: fetch again what failed while the network was gone (the
    // list, or a chunk of its cards: the list is fetched afresh with them).
    Effect::new(move |was_online: Option<bool>| {
        let online = offline.online.get();
        let failed = site.manifest.get_untracked().is_some_and(|m| m.is_err())
            || site.cards_error.get_untracked().is_some();
        if was_online == Some(false) && online && failed {
            site.load_manifest();
        }
        online
    });

    let screen = Memo::new(move |_| Screen::of(navigation.route.get()));
    let page = move || match screen.get() {
        Screen::List => EitherOf7::A(view! { <HomePage/> }),
        Screen::Post(slug) => EitherOf7::B(view! { <PostPage slug/> }),
        Screen::Page(slug) => EitherOf7::C(view! { <PagePage slug/> }),
        Screen::Tags => EitherOf7::D(view! { <TagsPage/> }),
        Screen::Timeline => EitherOf7::E(view! { <TimelinePage/> }),
        #[cfg(feature = "search")]
        Screen::Search => EitherOf7::F(view! { <SearchPage/> }),
        #[cfg(not(feature = "search"))]
        Screen::Search => EitherOf7::F(view! { <NotFoundPage/> }),
        Screen::NotFound => EitherOf7::G(view! { <NotFoundPage/> }),
    };
    view! {
        <div id="folio-app">
            <a class="skip-link" href="#main" on:click=skip_to_main>{site.text(Text::SkipToContent)}</a>
            <SiteHeader/>
            <OfflineBanner/>
            <UpdatePrompt/>
            <main id="main" tabindex="-1">{page}</main>
            <SiteFooter/>
            <RouteAnnouncer/>
        </div>
    }
}
