//! Light or dark, remembered. The page follows the system until the reader
//! chooses; `index.html` applies a saved choice before the first paint, and
//! the button shows it once the app has adopted the page.

use leptos::prelude::*;

use folio_core::Text;

use crate::browser::{is_dark_theme, set_theme};
use crate::site::use_site;

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let dark = RwSignal::new(false);
    Effect::new(move || dark.set(is_dark_theme()));
    let toggle = move |_| {
        let next = !dark.get_untracked();
        set_theme(if next { "dark" } else { "light" });
        dark.set(next);
    };
    view! {
        <button type="button" class="theme-toggle" aria-pressed=move || dark.get().to_string() on:click=toggle>
            <span aria-hidden="true">{move || if dark.get() { "☾" } else { "☀" }}</span>
            <span class="visually-hidden">{use_site().text(Text::DarkTheme)}</span>
        </button>
    }
}
