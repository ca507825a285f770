//! Placeholders shaped like what is loading, so nothing jumps when it arrives.

use leptos::prelude::*;

use folio_core::Text;

use crate::site::use_site;
#[component]
pub fn ListSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton-list" aria-busy="true" aria-label=use_site().text(Text::LoadingPosts)>
            {(0..4).map(|_| view! {
                <div class="skeleton-card">
                    <div class="skeleton-line skeleton-title"></div>
                    <div class="skeleton-line"></div>
                    <div class="skeleton-line skeleton-short"></div>
                </div>
            }).collect_view()}
        </div>
    }
}

#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton-article" aria-busy="true" aria-label=use_site().text(Text::LoadingPost)>
            {(0..8).map(|i| view! {
                <div class=if i % 3 == 2 { "skeleton-line skeleton-short" } else { "skeleton-line" }></div>
            }).collect_view()}
        </div>
    }
}
