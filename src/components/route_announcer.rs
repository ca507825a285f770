//! After a client-side navigation, screen readers hear the new page's title
//! and keyboard focus moves to its heading, as a full page load would do.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn RouteAnnouncer() -> impl IntoView {
    let location = use_location();
    let message = RwSignal::new(String::new());
    let first = StoredValue::new(true);
    Effect::new(move || {
        let _path = location.pathname.get();
        let _query = location.search.get();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        // Wait a frame so the new page (and its title) is in the document.
        request_animation_frame(move || {
            let document = document();
            message.set(document.title());
            if let Ok(Some(heading)) = document.query_selector("main h1") {
                let _ = heading.set_attribute("tabindex", "-1");
                if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading)
                {
                    let _ = heading.focus();
                }
            }
        });
    });
    view! { <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{message}</div> }
}
