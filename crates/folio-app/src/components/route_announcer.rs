//! After a client-side navigation, screen readers hear the new page's title
//! and keyboard focus moves to its heading, as a full page load would do.

use leptos::prelude::*;

use crate::router::use_navigation;
use wasm_bindgen::JsCast;

/// The new page renders a few frames after the URL changes; stop waiting after about a second.
const MAX_FRAMES: u32 = 60;

#[component]
pub fn RouteAnnouncer() -> impl IntoView {
    let navigation = use_navigation();
    let address = navigation.address;
    let message = RwSignal::new(String::new());
    let first = StoredValue::new(true);
    Effect::new(move || {
        address.track();
        // The search box updating the address as the reader types.
        if navigation.take_quiet() {
            return;
        }
        if first.get_value() {
            first.set_value(false);
            return;
        }
        announce_when_rendered(message, 0);
    });
    view! { <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{message}</div> }
}

/// Waits frame by frame until the new page has a heading and a title, then
/// focuses the heading and announces the title.
fn announce_when_rendered(message: RwSignal<String>, frame: u32) {
    request_animation_frame(move || {
        let document = document();
        let heading = document.query_selector("main h1").ok().flatten();
        let title = document.title();
        match heading {
            Some(heading) if !title.is_empty() => {
                message.set(title);
                let _ = heading.set_attribute("tabindex", "-1");
                if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                    let _ = heading.focus();
                }
            }
            _ if frame < MAX_FRAMES => announce_when_rendered(message, frame + 1),
            _ => {}
        }
    });
}
