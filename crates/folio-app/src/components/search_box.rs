//! The header's search box: a plain GET form to the search page (which is
//! all it is without JavaScript), and with the app, results as one types.
//!
//! Typing puts the query into the address (`search/?q=…`) once the reader
//! pauses, so the search page, the back button and a shared link all read
//! the same thing; the search page shows the address's query in the box when
//! it changes by other means ([`show_in_search_box`]). `/` anywhere but in a
//! field focuses the box; ArrowDown moves into the results, ArrowUp and
//! Escape come back; Escape in the box clears it.
//!
//! The box is found by its id rather than kept in a node reference, and has
//! no effect of its own: both are less WASM.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use folio_core::i18n::Text;
use folio_core::routes::{search_href, Route};

use crate::router::use_navigation;
use crate::search::use_search;
use crate::site::use_site;

/// The box's id; results move focus back to it.
pub const SEARCH_BOX_ID: &str = "search-box";
/// How long typing must pause before the address (and so the results) follow.
const DEBOUNCE: Duration = Duration::from_millis(150);

#[component]
pub fn SearchBox() -> impl IntoView {
    let site = use_site();
    let navigation = use_navigation();
    // What the box last put into the address is `typed`, to tell its own
    // changes from the back button's or a link's.
    let typed = use_search().typed;
    let action = Route::Search.href(&site.base.get_value());
    // Each keystroke starts a new generation; a pause ends only the latest.
    let generation = StoredValue::new(0u32);
    let show = move |text: String| {
        generation.update_value(|g| *g = g.wrapping_add(1));
        typed.set_value(text.clone());
        let on_search_page = navigation.route.get_untracked() == Route::Search;
        if text.is_empty() && !on_search_page {
            return;
        }
        // The first keystroke elsewhere is a new history entry; the rest replace it.
        navigation.show_quietly(&search_href(&site.base.get_value(), &text), on_search_page);
    };
    let on_input = move |event: ev::Event| {
        let text = event_target_value(&event);
        generation.update_value(|g| *g = g.wrapping_add(1));
        let mine = generation.get_value();
        let route = navigation.route.get_untracked();
        set_timeout(
            move || {
                // Not if the reader has gone on to a result in the meantime.
                if generation.get_value() == mine && navigation.route.get_untracked() == route {
                    show(text);
                }
            },
            DEBOUNCE,
        );
    };
    let on_submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        if let Some(input) = search_box() {
            show(input.value());
        }
    };
    // One listener for every key search answers, less WASM than one per
    // element: ArrowDown and Escape in the box, the arrows and Escape in the
    // results, and `/` anywhere but in a field. Registered as the box is
    // made, in the browser only.
    #[cfg(not(feature = "ssr"))]
    {
        let keys = window_event_listener(ev::keydown, move |event| {
            let Some(target) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                return;
            };
            if event.is_composing() {
                return;
            }
            let key = event.key();
            let in_box = within(&target, "#search-box");
            match key.as_str() {
                "ArrowDown" if in_box => {
                    event.prevent_default();
                    let text = event_target_value(&event);
                    if typed.with_value(|typed| text != *typed) {
                        // Results for what is typed first, without waiting for the pause.
                        show(text);
                    } else if let Some(first) = result_links().into_iter().next() {
                        let _ = first.focus();
                    }
                }
                "Escape" if in_box => {
                    event.prevent_default();
                    event_target::<web_sys::HtmlInputElement>(&event).set_value("");
                    show(String::new());
                }
                "ArrowDown" | "ArrowUp" | "Escape" if within(&target, "#search-results") => {
                    event.prevent_default();
                    step_through_results(&key);
                }
                "/" if !(event.ctrl_key()
                    || event.meta_key()
                    || event.alt_key()
                    || is_typing_into(&target)) =>
                {
                    if let Some(input) = search_box() {
                        event.prevent_default();
                        let _ = input.focus();
                        input.select();
                    }
                }
                _ => {}
            }
        });
        on_cleanup(move || keys.remove());
    }
    view! {
        <form class="site-search" action=action method="get" role="search" on:submit=on_submit>
            <label class="visually-hidden" for=SEARCH_BOX_ID>{site.text(Text::Search)}</label>
            <input id=SEARCH_BOX_ID type="search" name="q" autocomplete="off"
                placeholder=site.text(Text::SearchPlaceholder) aria-keyshortcuts="/"
                on:input=on_input/>
        </form>
    }
}

/// The box, once it is in the document.
fn search_box() -> Option<web_sys::HtmlInputElement> {
    document()
        .get_element_by_id(SEARCH_BOX_ID)
        .map(|e| e.unchecked_into::<web_sys::HtmlInputElement>())
}

/// Shows the address's query `text` in the box, unless the box put it there
/// (the reader may have typed on since): the address changed by other means
/// (opened directly, back, forward, a link). The search page calls it.
pub fn show_in_search_box(typed: StoredValue<String>, text: &str) {
    if typed.with_value(|typed| text != typed) {
        typed.set_value(text.to_owned());
        if let Some(input) = search_box() {
            input.set_value(text);
        }
    }
}

/// Whether a key pressed on `element` is text being typed (a field, an
/// editable element). Asked of `closest`, as the other questions about
/// elements here are: each DOM property read is one more import in the WASM.
#[cfg_attr(feature = "ssr", allow(dead_code))]
fn is_typing_into(element: &web_sys::Element) -> bool {
    within(
        element,
        "input, textarea, select, [contenteditable]:not([contenteditable=false])",
    )
}

/// Whether `element` or one of its ancestors matches `selector`.
#[cfg_attr(feature = "ssr", allow(dead_code))]
fn within(element: &web_sys::Element, selector: &str) -> bool {
    element.closest(selector).ok().flatten().is_some()
}

/// The links of the results on screen, in order.
#[cfg_attr(feature = "ssr", allow(dead_code))]
fn result_links() -> Vec<web_sys::HtmlElement> {
    let Ok(list) = document().query_selector_all("#search-results .search-result-link") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// In the results, ArrowDown and ArrowUp move between them (up from the
/// first goes back to the box), Escape goes back to the box; Enter opens a
/// result, as on any link.
#[cfg_attr(feature = "ssr", allow(dead_code))]
fn step_through_results(key: &str) {
    let links = result_links();
    let at = focused_result(&links);
    let next = match (key, at) {
        ("ArrowDown", Some(i)) => Some((i + 1).min(links.len().saturating_sub(1))),
        ("ArrowDown", None) => Some(0),
        ("ArrowUp", Some(i)) if i > 0 => Some(i - 1),
        _ => None,
    };
    match next.and_then(|i| links.get(i)) {
        Some(link) => {
            let _ = link.focus();
        }
        None => {
            if let Some(input) = search_box() {
                let _ = input.focus();
            }
        }
    }
}

/// Which of `links` has focus (a link holds nothing focusable, and what
/// holds the links is not focusable itself).
#[cfg_attr(feature = "ssr", allow(dead_code))]
fn focused_result(links: &[web_sys::HtmlElement]) -> Option<usize> {
    links.iter().position(|link| within(link, ":focus"))
}

/// Called as the results are about to be replaced (the list is one piece of
/// HTML, so its links are new elements): a result that has focus keeps it,
/// moved to the result at its place in the new list once that is shown.
#[cfg(not(feature = "ssr"))]
pub fn keep_result_focus() {
    if let Some(at) = focused_result(&result_links()) {
        request_animation_frame(move || {
            let links = result_links();
            if let Some(link) = links.get(at).or(links.last()) {
                let _ = link.focus();
            }
        });
    }
}
