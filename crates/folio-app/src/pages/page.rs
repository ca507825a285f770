//! A standalone page ("about"): its title and body, without what a post has
//! around it (date, tags, neighbours).

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_meta::Title;

use folio_core::PageMeta;

use crate::components::load_error::LoadError;
use crate::components::manifest_view::WithManifest;
use crate::components::post_enhancements::copy_code_on_click;
use crate::components::skeleton::ArticleSkeleton;
use crate::fetch::{fetch_page_body, spawn_into};
use crate::pages::not_found::NotFoundPage;
use crate::site::use_site;

#[component]
pub fn PagePage(slug: String) -> impl IntoView {
    view! {
        <WithManifest render=move |manifest| {
            match manifest.pages.iter().find(|p| p.slug == slug).cloned() {
                Some(page) => Either::Left(view! { <PageArticle page site_title=manifest.site.title.clone()/> }),
                None => Either::Right(view! { <NotFoundPage/> }),
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
            let (page, base) = (page.clone(), site.base.get_value());
            spawn_into(body, async move { fetch_page_body(&base, &page).await });
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
                    None => EitherOf3::A(view! { <ArticleSkeleton/> }),
                    Some(Ok(body)) => EitherOf3::B(view! {
                        <div class="post-body" on:click=copy_code_on_click(site.words()) inner_html=body.html></div>
                    }),
                    Some(Err(error)) => EitherOf3::C(view! { <LoadError error retry whole_page=false/> }),
                }}
            </div>
        </article>
    }
}
