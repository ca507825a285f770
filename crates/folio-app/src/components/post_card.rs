//! One post in a list.

use leptos::prelude::*;

use folio_core::routes::Route;
use folio_core::PostMeta;

use crate::components::local_date::PostDate;
use crate::components::offline_status::SavedMark;
use crate::components::tag_links::TagLinks;
use crate::fetch::encode_path;
use crate::rendered_once::{rendered_once, Part};
use crate::site::use_site;

/// The card of the post `slug` among a list's `posts`. The folio command
/// renders each card's markup once per build, so the post is copied out of
/// the list only then, not for each of the pages that show it.
#[component]
pub fn PostCard(slug: String, posts: Memo<Vec<PostMeta>>, base: String) -> impl IntoView {
    rendered_once(Part::Card(slug.clone()), move || {
        posts
            .with_untracked(|posts| posts.iter().find(|post| post.slug == slug).cloned())
            .map(|post| card(post, base))
    })
}

fn card(post: PostMeta, base: String) -> impl IntoView {
    let href = Route::Post(post.slug.clone()).href(&base);
    let lang = use_site().lang_of(&post);
    let cover = post.cover.clone().map(|cover| {
        let content_base = use_site().content_base.get_value();
        let src = if cover.contains("://") { cover } else { format!("{content_base}{}", encode_path(&cover)) };
        view! { <img class="post-card-cover" src=src alt="" loading="lazy" decoding="async" width="160" height="100"/> }
    });
    view! {
        <article class="post-card" lang=post.lang.clone()>
            {cover}
            <div class="post-card-text">
                <h2 class="post-card-title"><a href=href>{post.title.clone()}</a></h2>
                {post.subtitle.clone().map(|s| view! { <p class="post-card-subtitle">{s}</p> })}
                <p class="post-card-meta">
                    <PostDate date=post.local_date lang/>
                    {post.author.clone().map(|a| view! { <span class="post-card-author">{a}</span> })}
                    <span class="post-card-reading">{post.reading_time_in(lang)}</span>
                    <SavedMark post=post.clone()/>
                </p>
                <p class="post-card-summary">{post.summary.clone()}</p>
                <TagLinks tags=post.tags.clone()/>
            </div>
        </article>
    }
}
