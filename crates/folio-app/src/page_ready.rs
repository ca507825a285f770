//! Hands the page over from the prerendered HTML to the app without a flash.
//!
//! `folio build` puts each page's content in `#folio-static`, so it is readable
//! before the WASM loads. The app renders hidden beside it, and once the page
//! it shows has its content (or its error), the static copy is removed and the
//! app shown in the same frame. Both use the same markup and styles, so
//! nothing moves.

use leptos::prelude::*;

const STATIC_ID: &str = "folio-static";
const BOOTING_CLASS: &str = "folio-booting";

#[derive(Clone, Copy)]
pub struct PageReady(RwSignal<bool>);

/// Called once at start-up, before the app renders: hides the app while a static copy shows.
pub fn start_handoff() -> PageReady {
    let ready = RwSignal::new(false);
    let has_static = document().get_element_by_id(STATIC_ID).is_some();
    if let (true, Some(root)) = (has_static, document().document_element()) {
        let _ = root.class_list().add_1(BOOTING_CLASS);
    }
    Effect::new(move || {
        if ready.get() {
            if let Some(static_copy) = document().get_element_by_id(STATIC_ID) {
                static_copy.remove();
            }
            if let Some(root) = document().document_element() {
                let _ = root.class_list().remove_1(BOOTING_CLASS);
            }
        }
    });
    PageReady(ready)
}

/// Pages call this once what they show is complete.
pub fn mark_page_ready() {
    if let Some(PageReady(ready)) = use_context::<PageReady>() {
        if !ready.get_untracked() {
            ready.set(true);
        }
    }
}
