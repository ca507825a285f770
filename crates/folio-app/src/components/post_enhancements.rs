//! What a rendered post body gains in the browser: a reading-progress bar, the
//! current section for the table of contents, copy buttons on code blocks, and
//! a tidy placeholder (the alt text) for an image that fails to load.

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use folio_core::{Catalogue, Heading, Text};

use crate::site::use_site;

/// How far below the top of the window a heading counts as the current section.
const SECTION_OFFSET_PX: f64 = 120.0;

/// Tracks scrolling over `article`: returns the reading progress (0 to 1) and
/// the id of the section being read.
pub fn track_reading(
    article: NodeRef<leptos::html::Article>,
    outline: Memo<Vec<Heading>>,
) -> (ReadSignal<f64>, ReadSignal<Option<String>>) {
    let (progress, set_progress) = signal(0.0);
    let (active, set_active) = signal(None::<String>);
    let update = move || {
        let Some(article) = article.get_untracked() else {
            return;
        };
        let rect = article.get_bounding_client_rect();
        let viewport = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(1.0);
        let scrollable = (rect.height() - viewport).max(1.0);
        set_progress.set((-rect.top() / scrollable).clamp(0.0, 1.0));
        let document = document();
        // At the very bottom, short last sections can never reach the top of the
        // window; then the last heading in view is the one being read.
        let at_bottom = rect.bottom() <= viewport + 2.0;
        let threshold = if at_bottom {
            viewport
        } else {
            SECTION_OFFSET_PX
        };
        let current = outline.with_untracked(|outline| {
            outline
                .iter()
                .rev()
                .find(|h| {
                    document
                        .get_element_by_id(&h.id)
                        .is_some_and(|el| el.get_bounding_client_rect().top() <= threshold)
                })
                .map(|h| h.id.clone())
        });
        if current != active.get_untracked() {
            set_active.set(current);
        }
    };
    // In an effect: it runs in the browser only, once the page is adopted.
    Effect::new(move || {
        let handle = window_event_listener(ev::scroll, move |_| update());
        on_cleanup(move || handle.remove());
    });
    (progress, active)
}

/// Whole percents only: formatting integers costs the WASM far less than floats.
#[component]
pub fn ReadingProgress(progress: ReadSignal<f64>) -> impl IntoView {
    let percent = move || (progress.get() * 100.0).round() as u32;
    view! {
        <div class="reading-progress" role="progressbar" aria-label=use_site().text(Text::ReadingProgress)
            aria-valuemin="0" aria-valuemax="100" aria-valuenow=percent>
            <span style:transform=move || {
                let percent = percent();
                if percent >= 100 { "scaleX(1)".to_owned() } else { format!("scaleX(0.{percent:02})") }
            }></span>
        </div>
    }
}

/// Wires copy buttons and image fallbacks into a rendered body.
pub fn enhance_body(body: NodeRef<Div>) {
    Effect::new(move || {
        let Some(body) = body.get() else { return };
        let element: &web_sys::Element = &body;
        mark_broken_images(element);
        // `error` does not bubble, so listen in the capture phase for images that fail later.
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            if let Some(image) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlImageElement>().ok())
            {
                mark_broken(&image);
            }
        });
        let _ = element.add_event_listener_with_callback_and_bool(
            "error",
            on_error.as_ref().unchecked_ref(),
            true,
        );
        // Freed by the JS garbage collector together with the element.
        let _: JsValue = on_error.into_js_value();
    });
}

fn mark_broken_images(root: &web_sys::Element) {
    let Ok(images) = root.query_selector_all(".post-image img") else {
        return;
    };
    for index in 0..images.length() {
        let image = images
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlImageElement>().ok());
        if let Some(image) = image.filter(|img| img.complete() && img.natural_width() == 0) {
            mark_broken(&image);
        }
    }
}

fn mark_broken(image: &web_sys::HtmlImageElement) {
    if let Ok(Some(frame)) = image.closest(".post-image") {
        let _ = frame.class_list().add_1("is-broken");
        let _ = frame.set_attribute("role", "img");
        let _ = frame.set_attribute("aria-label", &image.alt());
    }
}

/// Click handler for the body: copies a code block when its button is
/// pressed, and says how it went in the interface's words.
pub fn copy_code_on_click(words: &'static dyn Catalogue) -> impl Fn(ev::MouseEvent) + Clone {
    move |event| copy_code(event, words)
}

fn copy_code(event: ev::MouseEvent, words: &'static dyn Catalogue) {
    let Some(button) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".copy-code").ok().flatten())
    else {
        return;
    };
    let code = button
        .parent_element()
        .and_then(|block| block.query_selector("code").ok().flatten())
        .and_then(|code| code.text_content())
        .unwrap_or_default();
    let promise = window().navigator().clipboard().write_text(&code);
    leptos::task::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        let outcome = if copied {
            Text::Copied
        } else {
            Text::CopyFailed
        };
        button.set_text_content(Some(words.text(outcome)));
        set_timeout(
            move || button.set_text_content(Some(words.text(Text::Copy))),
            std::time::Duration::from_millis(2000),
        );
    });
}
