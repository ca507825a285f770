//! Waits for the manifest: a skeleton while loading, an error with retry on
//! failure, and the page itself once it is there.

use std::sync::Arc;

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
    let retry = Callback::new(move |_| site.manifest.refetch());
    view! {
        <Suspense fallback=|| view! { <ListSkeleton/> }>
            {move || site.manifest.get().map(|result| match result {
                Ok(manifest) => render(manifest).into_any(),
                Err(error) => view! { <LoadError error retry/> }.into_any(),
            })}
        </Suspense>
    }
}
