//! A post's date: first as the prerendered page shows it, then in the
//! reader's own locale once the app has adopted the page.

use leptos::prelude::*;

use folio_core::LocalDate;

use crate::browser::reader_date;

/// `<time>` with the post's own calendar date, so it matches the timeline everywhere.
#[component]
pub fn PostDate(date: LocalDate) -> impl IntoView {
    let text = RwSignal::new(date.long());
    Effect::new(move || text.set(reader_date(date)));
    view! { <time datetime=date.iso()>{text}</time> }
}
