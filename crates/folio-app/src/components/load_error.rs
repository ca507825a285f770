//! A failed fetch: what failed, and a way to try again. Never a blank page.

use leptos::either::Either;
use leptos::prelude::*;

use folio_core::Text;

use crate::fetch::FetchError;
use crate::offline::use_offline;
use crate::site::use_site;

#[component]
pub fn LoadError(
    error: FetchError,
    retry: Callback<()>,
    /// True when the error is the whole page (its heading is the page's h1).
    #[prop(default = true)]
    whole_page: bool,
) -> impl IntoView {
    let (heading, message) = failure_words(&error);
    error_notice(heading, message, retry, whole_page)
}

/// The heading and message of a failed fetch, as [`LoadError`] words them.
pub fn failure_words(error: &FetchError) -> (&'static str, String) {
    let site = use_site();
    let offline = !use_offline().online.get_untracked();
    match (error, offline) {
        (FetchError::Network { .. }, true) => (
            site.text(Text::NotAvailableOffline),
            site.text(Text::OfflineNotSaved).to_owned(),
        ),
        _ => (
            site.text(Text::SomethingWentWrong),
            error.message(site.words()),
        ),
    }
}

/// What [`LoadError`] shows, for any failure with a heading and a message:
/// the search page's unavailable index is drawn by it too, so the app holds
/// one view of a failure.
pub fn error_notice(
    heading: &'static str,
    message: String,
    retry: Callback<()>,
    whole_page: bool,
) -> impl IntoView {
    let site = use_site();
    view! {
        <div class="load-error" role="alert">
            {if whole_page { Either::Left(view! { <h1>{heading}</h1> }) } else { Either::Right(view! { <h2>{heading}</h2> }) }}
            <p class="load-error-message">{message}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>{site.text(Text::TryAgain)}</button>
        </div>
    }
}
