//! Waits for the manifest, or for the cards a page names: a skeleton while
//! loading, an error with retry on failure, and the page itself once it is there.

use std::sync::Arc;

use leptos::either::EitherOf3;
use leptos::prelude::*;

use folio_core::Manifest;

use crate::components::load_error::LoadError;
use crate::components::skeleton::ListSkeleton;
use crate::site::use_site;

#[component]
pub fn WithManifest<F, V>(render: F) -> impl IntoView
where
    F: Fn(Arc<Manifest>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let site = use_site();
    let retry = Callback::new(move |_| site.load_manifest());
    move || match site.manifest.get() {
        None => EitherOf3::A(view! { <ListSkeleton/> }),
        Some(Ok(manifest)) => EitherOf3::B(render(manifest)),
        Some(Err(error)) => EitherOf3::C(view! { <LoadError error retry/> }),
    }
}

/// Draws `render` once the cards of the posts at `positions` are here,
/// fetching the chunks that hold them. The folio command has every card,
/// and an adopted page had its own fetched first, so both draw at once.
#[component]
pub fn WithCards<F, V>(positions: Vec<usize>, render: F) -> impl IntoView
where
    F: Fn() -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let site = use_site();
    site.ensure_cards(&positions);
    let ready = Memo::new(move |_| site.cards.with(|cards| cards.has_all(&positions)));
    let retry = Callback::new(move |_| site.load_manifest());
    move || match (ready.get(), site.cards_error.get()) {
        (true, _) => EitherOf3::A(render()),
        (false, None) => EitherOf3::B(view! { <ListSkeleton/> }),
        (false, Some(error)) => EitherOf3::C(view! { <LoadError error retry/> }),
    }
}

/// Draws `render` with every post's title, fetched once (the timeline's
/// data). The folio command has them all, and an adopted timeline had them
/// fetched first.
#[component]
pub fn WithTitles<F, V>(render: F) -> impl IntoView
where
    F: Fn(Arc<Vec<String>>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let site = use_site();
    site.ensure_titles();
    let titles = Memo::new(move |_| site.cards.with(|cards| cards.titles()));
    let retry = Callback::new(move |_| site.load_manifest());
    move || match (titles.get(), site.cards_error.get()) {
        (Some(titles), _) => EitherOf3::A(render(titles)),
        (None, None) => EitherOf3::B(view! { <ListSkeleton/> }),
        (None, Some(error)) => EitherOf3::C(view! { <LoadError error retry/> }),
    }
}
