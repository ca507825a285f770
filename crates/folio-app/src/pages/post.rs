//! One post: fetched as Markdown, rendered by the shared pipeline.

use std::sync::Arc;

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_meta::Title;

use folio_core::list::{post_neighbourhood, Neighbourhood};
use folio_core::routes::Route;
use folio_core::{Body, Manifest, PostMeta, Text};

use crate::components::load_error::LoadError;
use crate::components::local_date::PostDate;
use crate::components::manifest_view::{WithCards, WithManifest};
use crate::components::offline_status::SaveOffline;
use crate::components::post_enhancements::{
    copy_code_on_click, enhance_body, track_reading, ReadingProgress,
};
use crate::components::skeleton::ArticleSkeleton;
use crate::components::table_of_contents::{TableOfContents, MIN_HEADINGS};
use crate::components::tag_links::TagLinks;
use crate::fetch::{fetch_post_body, spawn_into, FetchError};
use crate::offline::{keep_read_post, refresh_saved, use_offline};
use crate::pages::not_found::NotFoundPage;
use crate::site::use_site;

#[component]
pub fn PostPage(slug: String) -> impl IntoView {
    let site = use_site();
    view! {
        <WithManifest render=move |manifest| {
            let index = site.browse_index(&manifest);
            match index.position(&slug) {
                Some(at) => {
                    let around = post_neighbourhood(&manifest, &index, at);
                    Either::Left(view! {
                        <WithCards
                            positions=around.positions()
                            render=move || view! { <Article around=around.clone() manifest=manifest.clone()/> }
                        />
                    })
                }
                None => Either::Right(view! { <NotFoundPage/> }),
            }
        }/>
    }
}

/// Back online after a failed fetch: try again by itself, a few times, since
/// the network may take a moment to really return.
fn retry_when_back_online(
    body: RwSignal<Option<Result<Body, FetchError>>>,
    load: impl Fn() + Clone + Send + Sync + 'static,
) {
    let offline = use_offline();
    let attempts = StoredValue::new(0u32);
    Effect::new(move || {
        let online = offline.online.get();
        let failed = body
            .get()
            .is_some_and(|result| matches!(result, Err(FetchError::Network { .. })));
        if online && failed && attempts.get_value() < 3 {
            attempts.update_value(|n| *n += 1);
            let load = load.clone();
            set_timeout(
                load,
                std::time::Duration::from_millis(500 * u64::from(attempts.get_value())),
            );
        }
        if body.get().is_some_and(|result| result.is_ok()) {
            attempts.set_value(0);
            refresh_saved(offline);
        }
    });
}

#[component]
fn Article(around: Neighbourhood, manifest: Arc<Manifest>) -> impl IntoView {
    let site = use_site();
    // Shown inside `WithCards`, so every card named here is at hand.
    let card_of = |at: usize| site.card(at).unwrap_or_else(|| manifest.posts[at].clone());
    let post = card_of(around.at);
    let base = site.base.get_value();
    let body = RwSignal::new(site.starting_body(&post.source).map(Ok));
    if site.is_adopting() {
        let (post, offline) = (post.clone(), use_offline());
        Effect::new(move || keep_read_post(offline, site.base.get_value(), post.clone()));
    }
    let load = {
        let post = post.clone();
        move || {
            let (post, base) = (post.clone(), site.base.get_value());
            spawn_into(body, async move { fetch_post_body(&base, &post).await });
        }
    };
    if body.get_untracked().is_none() {
        load();
    }
    let retry = {
        let load = load.clone();
        Callback::new(move |_| load())
    };
    retry_when_back_online(body, load);
    let article_ref = NodeRef::<leptos::html::Article>::new();
    let body_ref = NodeRef::<leptos::html::Div>::new();
    enhance_body(body_ref);
    // The outline comes with the body: the table of contents appears with it.
    let outline = Memo::new(move |_| {
        body.with(|body| match body {
            Some(Ok(body)) if body.outline.len() >= MIN_HEADINGS => body.outline.clone(),
            _ => Vec::new(),
        })
    });
    let (progress, active_section) = track_reading(article_ref, outline);
    let toc = move || {
        outline.with(|outline| {
            (!outline.is_empty()).then(|| {
                view! { <TableOfContents outline=outline.clone() active=active_section/> }
            })
        })
    };
    let layout_class = move || {
        if outline.with(Vec::is_empty) {
            "post-layout"
        } else {
            "post-layout has-toc"
        }
    };
    // Neighbours need only an address and a title: read in place, not cloned.
    let post_link = |at: usize| {
        let link = |p: &PostMeta| (Route::Post(p.slug.clone()).href(&base), p.title.clone());
        site.cards
            .with_untracked(|cards| cards.get(at).map(link))
            .unwrap_or_else(|| link(&manifest.posts[at]))
    };
    let newer = around.newer.map(post_link);
    let older = around.older.map(post_link);
    let related_links: Vec<(String, String)> =
        around.related.iter().map(|at| post_link(*at)).collect();

    view! {
        <Title text=format!("{} · {}", post.title, manifest.site.title)/>
        <article class="post" lang=post.lang.clone() node_ref=article_ref>
            <ReadingProgress progress/>
            <header class="post-header">
                <h1 class="post-title">{post.title.clone()}</h1>
                {post.subtitle.clone().map(|s| view! { <p class="post-subtitle">{s}</p> })}
                <p class="post-meta">
                    <PostDate date=post.local_date lang=post.lang_in(&manifest.site)/>
                    {post.author.clone().map(|a| view! { <span>{a}</span> })}
                    <span>{post.reading_time_in(post.lang_in(&manifest.site))}</span>
                </p>
                <TagLinks tags=post.tags.clone()/>
                <SaveOffline posts=Signal::stored(vec![post.clone()]) label=Text::SavePostOffline/>
            </header>
            <div class=layout_class>
                {toc}
                {move || match body.get() {
                    None => EitherOf3::A(view! { <ArticleSkeleton/> }),
                    Some(Ok(body)) => EitherOf3::B(view! {
                        <div class="post-body" node_ref=body_ref on:click=copy_code_on_click(site.words()) inner_html=body.html></div>
                    }),
                    Some(Err(error)) => EitherOf3::C(view! { <LoadError error retry whole_page=false/> }),
                }}
            </div>
            <nav class="post-nav" aria-label=site.text(Text::MorePosts)>
                {newer.map(|(href, title)| view! { <a class="post-nav-newer" href=href rel="prev"><span>{site.text(Text::Newer)}</span>{title}</a> })}
                {older.map(|(href, title)| view! { <a class="post-nav-older" href=href rel="next"><span>{site.text(Text::Older)}</span>{title}</a> })}
            </nav>
            {(!related_links.is_empty()).then(|| view! {
                <aside class="related" aria-labelledby="related-heading">
                    <h2 id="related-heading">{site.text(Text::RelatedPosts)}</h2>
                    <ul>
                        {related_links.into_iter().map(|(href, title)| view! { <li><a href=href>{title}</a></li> }).collect_view()}
                    </ul>
                </aside>
            })}
        </article>
    }
}
