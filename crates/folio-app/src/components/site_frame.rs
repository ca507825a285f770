//! Header and footer around every page.

use leptos::prelude::*;

use folio_core::routes::Route;
use folio_core::Text;

#[cfg(feature = "search")]
use crate::components::search_box::SearchBox;
use crate::components::theme_toggle::ThemeToggle;
use crate::rendered_once::{rendered_once, Part};
use crate::site::use_site;

#[component]
pub fn SiteHeader() -> impl IntoView {
    rendered_once(Part::Header, header)
}

fn header() -> impl IntoView {
    let site = use_site();
    let base = site.base.get_value();
    let title = move || {
        site.manifest
            .get()
            .and_then(|result| result.ok())
            .map(|manifest| manifest.site.title.clone())
            .unwrap_or_else(|| "Folio".to_owned())
    };
    #[cfg(feature = "search")]
    let search_box = view! { <SearchBox/> };
    #[cfg(not(feature = "search"))]
    let search_box = ();
    view! {
        <header class="site-header">
            <a class="site-title" href=Route::Home.href(&base)>{title}</a>
            <nav aria-label=site.text(Text::MainNavigation)>
                <a href=Route::Home.href(&base)>{site.text(Text::Posts)}</a>
                <a href=Route::TagIndex.href(&base)>{site.text(Text::Tags)}</a>
                <a href=Route::Timeline.href(&base)>{site.text(Text::Timeline)}</a>
                <ThemeToggle/>
            </nav>
            {search_box}
        </header>
    }
}

/// Links to the site's standalone pages, then the feeds. Feed links are
/// `rel="external"` so the router lets the browser open the XML.
#[component]
pub fn SiteFooter() -> impl IntoView {
    rendered_once(Part::Footer, footer)
}

fn footer() -> impl IntoView {
    let site = use_site();
    let base = site.base.get_value();
    let pages = {
        let base = base.clone();
        move || {
            let manifest = site.manifest.get().and_then(|result| result.ok())?;
            (!manifest.pages.is_empty()).then(|| {
                let links = manifest
                    .pages
                    .iter()
                    .map(|page| {
                        let href = Route::Page(page.slug.clone()).href(&base);
                        view! { <a href=href>{page.title.clone()}</a> }
                    })
                    .collect_view();
                view! { <nav class="site-pages" aria-label=site.text(Text::PagesNavigation)>{links}</nav> }
            })
        }
    };
    view! {
        <footer class="site-footer">
            {pages}
            <p>
                <a href=format!("{base}feed.xml") rel="external">{site.text(Text::AtomFeed)}</a>
                " · "
                <a href=format!("{base}rss.xml") rel="external">{site.text(Text::RssFeed)}</a>
                " · "
                {site.text(Text::MadeWithFolio)}
            </p>
        </footer>
    }
}
