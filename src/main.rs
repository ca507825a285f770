//! Folio's reader app: Leptos, client-side rendered, built by Trunk.

mod app;
mod components;
mod fetch;
mod format;
mod offline;
mod page_ready;
mod pages;
mod site;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
