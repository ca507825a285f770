//! What the reader sees of offline reading: a banner when the network is gone,
//! a prompt when a new version is deployed, save buttons and saved marks.

use leptos::either::EitherOf3;
use leptos::prelude::*;

use folio_core::PostMeta;

use crate::offline::{is_saved, reload_to_update, save_for_offline, use_offline};
use crate::site::use_site;

#[component]
pub fn OfflineBanner() -> impl IntoView {
    let offline = use_offline();
    view! {
        <Show when=move || !offline.online.get()>
            <p class="offline-banner" role="status">
                "You are offline. Posts saved for offline reading still open."
            </p>
        </Show>
    }
}

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let offline = use_offline();
    view! {
        <Show when=move || offline.update_available.get()>
            <div class="update-prompt" role="status">
                <span>"A new version of this blog is available."</span>
                <button type="button" class="button" on:click=move |_| reload_to_update()>"Reload"</button>
            </div>
        </Show>
    }
}

/// "Available offline" on a card.
#[component]
pub fn SavedMark(post: PostMeta) -> impl IntoView {
    let offline = use_offline();
    let base = use_site().content_base.get_value();
    view! {
        <Show when=move || is_saved(offline, &base, &post)>
            <span class="saved-mark">"Available offline"</span>
        </Show>
    }
}

/// Saves the given posts (all of a list, or one post) with a progress indicator.
#[component]
pub fn SaveOffline(posts: Vec<PostMeta>, label: &'static str) -> impl IntoView {
    let offline = use_offline();
    let base = use_site().content_base.get_value();
    let all_saved = {
        let (base, posts) = (base.clone(), posts.clone());
        move || posts.iter().all(|post| is_saved(offline, &base, post))
    };
    let save = move |_| save_for_offline(offline, base.clone(), posts.clone());
    view! {
        <div class="save-offline">
            {move || match (offline.saving.get(), all_saved()) {
                (Some((done, total)), _) => EitherOf3::A(view! {
                    <span class="save-progress">
                        <progress max=total value=done aria-label="Saving for offline reading"></progress>
                        {format!("Saving {done} of {total}…")}
                    </span>
                }),
                (None, true) => EitherOf3::B(view! { <span class="saved-mark">"Available offline"</span> }),
                (None, false) => EitherOf3::C(view! {
                    <button type="button" class="button button-quiet" on:click=save.clone() disabled=move || !offline.online.get()>
                        {label}
                    </button>
                }),
            }}
        </div>
    }
}
