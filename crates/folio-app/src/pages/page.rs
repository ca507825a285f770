//! A standalone page ("about"): its title and body, without what a post has
//! around it (date, tags, neighbours).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use folio_core::routes::decode_component;
use folio_core::PageMeta;

use crate::components::load_error::LoadError;
use crate::components::manifest_view::WithManifest;
use crate::components::post_enhancements::copy_code_on_click;
use crate::components::skeleton::ArticleSkeleton;
use crate::fetch::{fetch_page_html, spawn_into};
use crate::pages::not_found::NotFoundPage;
use crate::site::use_site;

#[component]
pub fn PagePage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| {
        params
            .read()
            .get_str("slug")
            .map(decode_component)
            .unwrap_or_default()
    });
    view! {
        <WithManifest render=move |manifest| {
            let slug = slug.get();
            match manifest.pages.iter().find(|p| p.slug == slug).cloned() {
                Some(page) => view! { <PageArticle page site_title=manifest.site.title.clone()/> }.into_any(),
                None => view! { <NotFoundPage/> }.into_any(),
            }
        }/>
    }
}

#[component]
fn PageArticle(page: PageMeta, site_title: String) -> impl IntoView {
    let site = use_site();
    let body = RwSignal::new(site.starting_body(&page.source).map(Ok));
    let load = {
        let page = page.clone();
        move || {
            let (page, content_base) = (page.clone(), site.content_base.get_value());
            spawn_into(
                body,
                async move { fetch_page_html(&content_base, &page).await },
            );
        }
    };
    if body.get_untracked().is_none() {
        load();
    }
    let retry = Callback::new(move |_| load());
    view! {
        <Title text=format!("{} · {site_title}", page.title)/>
        <article class="post page" lang=page.lang.clone()>
            <header class="post-header">
                <h1 class="post-title">{page.title.clone()}</h1>
            </header>
            <div class="post-layout">
                {move || match body.get() {
                    None => view! { <ArticleSkeleton/> }.into_any(),
                    Some(Ok(html)) => view! {
                        <div class="post-body" on:click=copy_code_on_click inner_html=html></div>
                    }.into_any(),
                    Some(Err(error)) => view! { <LoadError error retry whole_page=false/> }.into_any(),
                }}
            </div>
        </article>
    }
}
