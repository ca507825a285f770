//! A page, post, tag or year that does not exist.

use leptos::prelude::*;
use leptos_meta::Title;

use folio_core::routes::Route;

use crate::site::use_site;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let base = use_site().base.get_value();
    view! {
        <Title text="Not found"/>
        <section class="not-found">
            <h1 class="page-heading">"Page not found"</h1>
            <p>"There is nothing at this address. It may have moved, or the link may be mistyped."</p>
            <a class="button" href=Route::Home.href(&base)>"Back to all posts"</a>
        </section>
    }
}
