//! Folio's reader app: the Leptos components of every page.
//!
//! Built with exactly one of three features: `ssr` (the folio command renders
//! each route to HTML), `hydrate` (the browser adopts that HTML), `csr`.

// The hydrating build nests view types deeper than the default limit allows.
#![recursion_limit = "256"]

#[cfg(any(
    all(feature = "ssr", feature = "hydrate"),
    all(feature = "ssr", feature = "csr"),
    all(feature = "hydrate", feature = "csr")
))]
compile_error!("folio-app: enable exactly one of the features `ssr`, `hydrate` and `csr`");

mod app;
mod components;
mod fetch;
mod format;
mod offline;
mod page_ready;
mod pages;
mod site;

/// Starts the app in the page.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
