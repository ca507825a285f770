//! What the reader sees of offline reading: a banner when the network is gone,
//! a prompt when a new version is deployed, save buttons and saved marks.

use leptos::either::EitherOf3;
use leptos::prelude::*;

use folio_core::{PostMeta, Text};

use crate::offline::{is_saved, reload_to_update, save_for_offline, use_offline};
use crate::site::use_site;

#[component]
pub fn OfflineBanner() -> impl IntoView {
    let offline = use_offline();
    let notice = use_site().text(Text::OfflineNotice);
    view! {
        <Show when=move || !offline.online.get()>
            <p class="offline-banner" role="status">{notice}</p>
        </Show>
    }
}

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let offline = use_offline();
    let site = use_site();
    let (notice, reload) = (site.text(Text::UpdateAvailable), site.text(Text::Reload));
    view! {
        <Show when=move || offline.update_available.get()>
            <div class="update-prompt" role="status">
                <span>{notice}</span>
                <button type="button" class="button" on:click=move |_| reload_to_update()>{reload}</button>
            </div>
        </Show>
    }
}

/// "Available offline" on a card.
#[component]
pub fn SavedMark(post: PostMeta) -> impl IntoView {
    let offline = use_offline();
    let site = use_site();
    let base = site.base.get_value();
    let saved = site.text(Text::AvailableOffline);
    view! {
        <Show when=move || is_saved(offline, &base, &post)>
            <span class="saved-mark">{saved}</span>
        </Show>
    }
}

/// Saves the given posts (all of a list, or one post) with a progress
/// indicator. They are read where they are, and copied only to be saved.
#[component]
pub fn SaveOffline(#[prop(into)] posts: Signal<Vec<PostMeta>>, label: Text) -> impl IntoView {
    let offline = use_offline();
    let site = use_site();
    let base = site.base.get_value();
    let content_base = site.content_base.get_value();
    let words = site.words();
    let all_saved = {
        let base = base.clone();
        move || posts.with(|posts| posts.iter().all(|post| is_saved(offline, &base, post)))
    };
    let save = move |_| {
        let bases = (base.clone(), content_base.clone());
        save_for_offline(offline, bases, posts.get_untracked())
    };
    view! {
        <div class="save-offline">
            {move || match (offline.saving.get(), all_saved()) {
                (Some((done, total)), _) => EitherOf3::A(view! {
                    <span class="save-progress">
                        <progress max=total value=done aria-label=words.text(Text::SavingOffline)></progress>
                        {words.saving_progress(done, total)}
                    </span>
                }),
                (None, true) => EitherOf3::B(view! { <span class="saved-mark">{words.text(Text::AvailableOffline)}</span> }),
                (None, false) => EitherOf3::C(view! {
                    <button type="button" class="button button-quiet" on:click=save.clone() disabled=move || !offline.online.get()>
                        {words.text(label)}
                    </button>
                }),
            }}
        </div>
    }
}
