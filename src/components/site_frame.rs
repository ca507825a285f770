//! Header and footer around every page.

use leptos::prelude::*;

use folio_core::routes::Route;

use crate::components::theme_toggle::ThemeToggle;
use crate::site::use_site;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let base = site.base.get_value();
    let title = move || {
        site.manifest
            .get()
            .and_then(|result| result.ok())
            .map(|manifest| manifest.site.title.clone())
            .unwrap_or_else(|| "Folio".to_owned())
    };
    view! {
        <header class="site-header">
            <a class="site-title" href=Route::Home.href(&base)>{title}</a>
            <nav aria-label="Main">
                <a href=Route::Home.href(&base)>"Posts"</a>
                <a href=Route::TagIndex.href(&base)>"Tags"</a>
                <a href=Route::Timeline.href(&base)>"Timeline"</a>
                <ThemeToggle/>
            </nav>
        </header>
    }
}

/// Feed links are `rel="external"` so the router lets the browser open the XML.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let base = use_site().base.get_value();
    view! {
        <footer class="site-footer">
            <p>
                <a href=format!("{base}feed.xml") rel="external">"Atom feed"</a>
                " · "
                <a href=format!("{base}rss.xml") rel="external">"RSS feed"</a>
                " · Made with Folio"
            </p>
        </footer>
    }
}
