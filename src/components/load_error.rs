//! A failed fetch: what failed, and a way to try again. Never a blank page.

use leptos::prelude::*;

use crate::fetch::FetchError;

#[component]
pub fn LoadError(error: FetchError, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <h1>"Something went wrong"</h1>
            <p class="load-error-message">{error.to_string()}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>"Try again"</button>
        </div>
    }
}
