//! A page, post, tag or year that does not exist.

use leptos::prelude::*;
use leptos_meta::Title;

use folio_core::routes::Route;
use folio_core::Text;

use crate::site::use_site;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let site = use_site();
    let base = site.base.get_value();
    view! {
        <Title text=site.text(Text::NotFound)/>
        <section class="not-found">
            <h1 class="page-heading">{site.text(Text::PageNotFound)}</h1>
            <p>{site.text(Text::NotFoundExplanation)}</p>
            <a class="button" href=Route::Home.href(&base)>{site.text(Text::BackToAllPosts)}</a>
        </section>
    }
}
