//! A standalone page ("about"): its title and body, without what a post has
//! around it (date, tags, neighbours).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use folio_core::markdown::{render_markdown, RenderOptions};
use folio_core::routes::decode_component;
use folio_core::PageMeta;

use crate::components::load_error::LoadError;
use crate::components::manifest_view::WithManifest;
use crate::components::post_enhancements::copy_code_on_click;
use crate::components::skeleton::ArticleSkeleton;
use crate::fetch::fetch_page_body;
use crate::page_ready::mark_page_ready;
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
        <WithManifest ready_when_loaded=false render=move |manifest| {
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
    let body = {
        let page = page.clone();
        LocalResource::new(move || {
            let page = page.clone();
            let content_base = site.content_base.get_value();
            async move { fetch_page_body(&content_base, &page).await }
        })
    };
    let dir_href = format!("{}{}/", site.content_base.get_value(), page.source_dir());
    let retry = Callback::new(move |_| body.refetch());
    Effect::new(move || {
        if body.get().is_some() {
            mark_page_ready();
        }
    });
    view! {
        <Title text=format!("{} · {site_title}", page.title)/>
        <Meta name="description" content=page.summary.clone()/>
        <article class="post page" lang=page.lang.clone()>
            <header class="post-header">
                <h1 class="post-title">{page.title.clone()}</h1>
            </header>
            <div class="post-layout">
                <Suspense fallback=|| view! { <ArticleSkeleton/> }>
                    {move || body.get().map(|result| match result {
                        Ok(markdown) => {
                            let rendered = render_markdown(&markdown, &RenderOptions { post_dir_href: &dir_href });
                            view! {
                                <div class="post-body" on:click=copy_code_on_click inner_html=rendered.html></div>
                            }.into_any()
                        }
                        Err(error) => view! { <LoadError error retry whole_page=false/> }.into_any(),
                    })}
                </Suspense>
            </div>
        </article>
    }
}
