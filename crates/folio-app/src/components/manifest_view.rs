//! Waits for the manifest: a skeleton while loading, an error with retry on
//! failure, and the page itself once it is there.

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
