//! Folio's browser app, built by Trunk: starts the app crate in the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    folio_app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("folio-web is the browser app: build it with `scripts/build-app.sh` (Trunk, wasm32)");
}
