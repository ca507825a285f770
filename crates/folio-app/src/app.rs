//! The router and the site frame; nothing else.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::offline_status::{OfflineBanner, UpdatePrompt};
use crate::components::route_announcer::RouteAnnouncer;
use crate::components::site_frame::{SiteFooter, SiteHeader};
use crate::offline::provide_offline;
use crate::pages::{
    home::HomePage, not_found::NotFoundPage, page::PagePage, post::PostPage, tags::TagsPage,
    timeline::TimelinePage,
};
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
    let router_base = start.base.trim_end_matches('/').to_owned();
    let site = Site::new(start);
    provide_context(site);
    if site.manifest.get_untracked().is_none() {
        site.load_manifest();
    }
    // Effects run once the page is adopted, never in the folio command.
    Effect::new(move || site.adopted());
    let offline = provide_offline();
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

    // The 404 page is the fallback, also at `/404.html`, so it is the same
    // component tree at every missing address the host answers with it.
    view! {
        <Router base=router_base>
            <div id="folio-app">
                <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
                <SiteHeader/>
                <OfflineBanner/>
                <UpdatePrompt/>
                <main id="main" tabindex="-1">
                    <Routes fallback=|| view! { <NotFoundPage/> }>
                        <Route path=path!("/") view=HomePage/>
                        <Route path=path!("/posts/:slug") view=PostPage/>
                        <Route path=path!("/pages/:slug") view=PagePage/>
                        <Route path=path!("/tags") view=TagsPage/>
                        <Route path=path!("/tags/:tag") view=HomePage/>
                        <Route path=path!("/years/:year") view=HomePage/>
                        <Route path=path!("/timeline") view=TimelinePage/>
                    </Routes>
                </main>
                <SiteFooter/>
                <RouteAnnouncer/>
            </div>
        </Router>
    }
}
