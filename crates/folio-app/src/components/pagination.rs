//! Numbered pages under a list: previous, the page numbers around this one,
//! next. Plain links (`rel="prev"`/`rel="next"`), so paging works without
//! JavaScript and the router handles them like any other link.

use leptos::either::Either;
use leptos::prelude::*;

use folio_core::paging::{PageLink, Paging};
use folio_core::Text;

use crate::site::use_site;

#[component]
pub fn Pagination(paging: Paging, href: impl Fn(usize) -> String + 'static) -> impl IntoView {
    let words = use_site().words();
    let previous = paging.previous().map(|n| {
        view! { <a class="pagination-previous" href=href(n) rel="prev">{words.text(Text::Previous)}</a> }
    });
    let next = paging.next().map(|n| {
        view! { <a class="pagination-next" href=href(n) rel="next">{words.text(Text::Next)}</a> }
    });
    let numbers = paging
        .links()
        .into_iter()
        .map(|link| match link {
            PageLink::Page(n) => {
                let current = (n == paging.page).then_some("page");
                Either::Left(view! {
                    <li><a href=href(n) aria-current=current aria-label=words.page_number(n)>{n}</a></li>
                })
            }
            PageLink::Gap => Either::Right(view! { <li class="pagination-gap" aria-hidden="true">"…"</li> }),
        })
        .collect_view();
    view! {
        <nav class="pagination" aria-label=words.text(Text::Pagination)>
            {previous}
            <ol>{numbers}</ol>
            {next}
        </nav>
    }
}
