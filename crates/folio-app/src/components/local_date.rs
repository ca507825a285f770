//! A post's date, in the page's language, the same text in the prerendered
//! page and in the app (no browser locale involved, so adoption changes nothing).

use leptos::prelude::*;

use folio_core::{Lang, LocalDate};

/// `<time>` with the post's own calendar date, so it matches the timeline everywhere.
#[component]
pub fn PostDate(date: LocalDate, lang: Lang) -> impl IntoView {
    view! { <time datetime=date.iso()>{date.long(lang)}</time> }
}
