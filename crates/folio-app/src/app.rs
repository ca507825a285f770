//! The router and the site frame; nothing else.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::offline_status::{OfflineBanner, UpdatePrompt};
use crate::components::route_announcer::RouteAnnouncer;
use crate::components::site_frame::{SiteFooter, SiteHeader};
use crate::fetch::fetch_manifest;
use crate::offline::provide_offline;
use crate::page_ready::start_handoff;
use crate::pages::{
    home::HomePage, not_found::NotFoundPage, page::PagePage, post::PostPage, tags::TagsPage,
    timeline::TimelinePage,
};
use crate::site::{base_path_from_document, content_base_from_document, Site};

/// Moves focus into `<main>`; the router would otherwise treat `#main` as a navigation.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(start_handoff());
    let base = base_path_from_document();
    let router_base = base.trim_end_matches('/').to_owned();
    let content_base = StoredValue::new(content_base_from_document(&base));
    let base = StoredValue::new(base);
    let manifest = LocalResource::new(move || {
        let content_base = content_base.get_value();
        async move { fetch_manifest(&content_base).await.map(Arc::new) }
    });
    provide_context(Site {
        base,
        content_base,
        manifest,
    });
    let offline = provide_offline(&base.get_value());
    // Back online: fetch again what failed while the network was gone.
    Effect::new(move |was_online: Option<bool>| {
        let online = offline.online.get();
        if was_online == Some(false) && online && manifest.get().is_some_and(|m| m.is_err()) {
            manifest.refetch();
        }
        online
    });

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
                        <Route path=path!("/404.html") view=NotFoundPage/>
                    </Routes>
                </main>
                <SiteFooter/>
                <RouteAnnouncer/>
            </div>
        </Router>
    }
}
