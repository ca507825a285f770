//! A failed fetch: what failed, and a way to try again. Never a blank page.

use leptos::either::Either;
use leptos::prelude::*;

use crate::fetch::FetchError;
use crate::offline::use_offline;

#[component]
pub fn LoadError(
    error: FetchError,
    retry: Callback<()>,
    /// True when the error is the whole page (its heading is the page's h1).
    #[prop(default = true)]
    whole_page: bool,
) -> impl IntoView {
    let offline = !use_offline().online.get_untracked();
    let (heading, message) = match (&error, offline) {
        (FetchError::Network { .. }, true) => (
            "Not available offline",
            "You are offline and this has not been saved for offline reading. It will load when you are back online.".to_owned(),
        ),
        _ => ("Something went wrong", error.to_string()),
    };
    view! {
        <div class="load-error" role="alert">
            {if whole_page { Either::Left(view! { <h1>{heading}</h1> }) } else { Either::Right(view! { <h2>{heading}</h2> }) }}
            <p class="load-error-message">{message}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>"Try again"</button>
        </div>
    }
}
