//! Waits for the manifest: a skeleton while loading, an error with retry on
//! failure, and the page itself once it is there.

use std::sync::Arc;

use leptos::prelude::*;

use folio_core::Manifest;

use crate::components::load_error::LoadError;
use crate::components::skeleton::ListSkeleton;
use crate::page_ready::mark_page_ready;
use crate::site::use_site;

#[component]
pub fn WithManifest<F, V>(
    render: F,
    /// False for pages that are complete only after a further fetch (a post's body).
    #[prop(default = true)]
    ready_when_loaded: bool,
) -> impl IntoView
where
    F: Fn(Arc<Manifest>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let site = use_site();
    Effect::new(move || {
        if let Some(result) = site.manifest.get() {
            if ready_when_loaded || result.is_err() {
                mark_page_ready();
            }
        }
    });
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
