//! Light or dark, remembered. The page follows the system until the reader
//! chooses; `index.html` applies a saved choice before the first paint.

use leptos::prelude::*;

const STORAGE_KEY: &str = "folio-theme";

fn system_prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

fn current_is_dark() -> bool {
    match document()
        .document_element()
        .and_then(|root| root.get_attribute("data-theme"))
    {
        Some(theme) => theme == "dark",
        None => system_prefers_dark(),
    }
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let dark = RwSignal::new(current_is_dark());
    let toggle = move |_| {
        let next = !dark.get_untracked();
        let theme = if next { "dark" } else { "light" };
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme);
        }
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item(STORAGE_KEY, theme);
        }
        dark.set(next);
    };
    view! {
        <button type="button" class="theme-toggle" aria-pressed=move || dark.get().to_string() on:click=toggle>
            <span aria-hidden="true">{move || if dark.get() { "☾" } else { "☀" }}</span>
            <span class="visually-hidden">"Dark theme"</span>
        </button>
    }
}
