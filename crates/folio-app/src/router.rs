//! Where the reader is, and moving elsewhere without loading a document.
//!
//! Folio has nine route shapes, all read by `folio_core::routes`, and every
//! link is a plain `<a href>`: the prerendered page works without the app, and
//! the app only turns clicks on links under the base path into history
//! entries. The address (path and query) is a signal pages derive from, so
//! the URL stays the one state of browsing.

use leptos::prelude::*;

use folio_core::routes::Route;

/// The address below the base path: `posts/walk/`, with its query `?year=2022`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    pub path: String,
    pub query: String,
}

impl Address {
    /// `pathname` and `search` as the browser (or the folio command) has them.
    pub fn new(base: &str, pathname: &str, search: &str) -> Address {
        let path = pathname
            .strip_prefix(base)
            .or_else(|| pathname.strip_prefix(base.trim_end_matches('/')))
            .unwrap_or("404.html");
        Address {
            path: path.to_owned(),
            query: search.trim_start_matches('?').to_owned(),
        }
    }

    pub fn route(&self) -> Route {
        Route::from_relative(&self.path)
    }
}

/// Provided once by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct Navigation {
    pub address: RwSignal<Address>,
    /// The route alone: pages re-render when it changes, not on every query change.
    pub route: Memo<Route>,
    #[cfg_attr(not(feature = "search"), allow(dead_code))]
    base: StoredValue<String>,
    /// The last change of address came from [`Navigation::show_quietly`].
    quiet: StoredValue<bool>,
}

impl Navigation {
    /// Shows `href` (under the base path) without loading a document, as a
    /// new history entry or, with `replace`, in place of the current one, and
    /// without the announcement and focus move of a navigation: the search
    /// box keeps its address in step with what is typed, and the reader goes
    /// on typing.
    #[cfg_attr(not(feature = "search"), allow(dead_code))]
    pub fn show_quietly(&self, href: &str, replace: bool) {
        #[cfg(not(feature = "ssr"))]
        {
            let history = window().history();
            let _ = history.and_then(|h| {
                let state = wasm_bindgen::JsValue::NULL;
                if replace {
                    h.replace_state_with_url(&state, "", Some(href))
                } else {
                    h.push_state_with_url(&state, "", Some(href))
                }
            });
            let next = browser::current(&self.base.get_value());
            if self.address.with_untracked(|now| *now != next) {
                self.quiet.set_value(true);
                self.address.set(next);
            }
        }
        #[cfg(feature = "ssr")]
        let _ = (href, replace, self.base, self.quiet);
    }

    /// Whether the last change of address was a quiet one; asking resets it.
    pub fn take_quiet(&self) -> bool {
        let quiet = self.quiet.get_value();
        self.quiet.set_value(false);
        quiet
    }
}

pub fn use_navigation() -> Navigation {
    expect_context::<Navigation>()
}

/// Starts at `address`; in the browser, after adoption, follows link clicks
/// and the back and forward buttons.
pub fn provide_navigation(base: StoredValue<String>, address: Address) -> Navigation {
    let address = RwSignal::new(address);
    let route = Memo::new(move |_| address.with(Address::route));
    let navigation = Navigation {
        address,
        route,
        base,
        quiet: StoredValue::new(false),
    };
    provide_context(navigation);
    #[cfg(not(feature = "ssr"))]
    Effect::new(move || browser::follow_links(base.get_value(), address));
    navigation
}

#[cfg(not(feature = "ssr"))]
mod browser {
    use leptos::ev;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use super::Address;

    /// Moves to the browser's current address. Following a `#fragment` also
    /// fires `popstate`; the address is the same then, and nothing re-renders.
    fn go_to_current(base: &str, address: RwSignal<Address>) {
        let next = current(base);
        if address.with_untracked(|now| *now != next) {
            address.set(next);
        }
    }

    pub fn current(base: &str) -> Address {
        let location = window().location();
        Address::new(
            base,
            &location.pathname().unwrap_or_default(),
            &location.search().unwrap_or_default(),
        )
    }

    pub fn follow_links(base: String, address: RwSignal<Address>) {
        let on_back = {
            let base = base.clone();
            window_event_listener(ev::popstate, move |_| go_to_current(&base, address))
        };
        let on_click = window_event_listener(ev::click, move |event| {
            if let Some(href) = internal_href(&event, &base) {
                event.prevent_default();
                let _ = window().history().and_then(|h| {
                    h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href))
                });
                go_to_current(&base, address);
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        });
        on_cleanup(move || {
            on_back.remove();
            on_click.remove();
        });
    }

    /// The href of a link this click should follow inside the app: a plain
    /// left click on a link to another page under the base path, on this
    /// origin, not to a new window, a download or an external file (feeds).
    fn internal_href(event: &ev::MouseEvent, base: &str) -> Option<String> {
        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.ctrl_key()
            || event.shift_key()
            || event.alt_key()
        {
            return None;
        }
        let link = event
            .target()?
            .dyn_into::<web_sys::Element>()
            .ok()?
            .closest("a[href]")
            .ok()??;
        let plain = |name: &str| {
            link.get_attribute(name)
                .is_none_or(|v| v.is_empty() || v == "_self")
        };
        if !plain("target")
            || link.has_attribute("download")
            || link
                .get_attribute("rel")
                .is_some_and(|rel| rel.contains("external"))
        {
            return None;
        }
        let location = window().location();
        let url = web_sys::Url::new_with_base(&link.get_attribute("href")?, &location.href().ok()?)
            .ok()?;
        let same_page = url.pathname() == location.pathname().ok()?
            && url.search() == location.search().ok()?;
        if url.origin() != location.origin().ok()?
            || !url.pathname().starts_with(base)
            || (same_page && !url.hash().is_empty())
        {
            return None;
        }
        // A file under the site (an attachment, `404.html`) is the host's to serve.
        if Address::new(base, &url.pathname(), "").route() == folio_core::routes::Route::NotFound {
            return None;
        }
        Some(format!("{}{}{}", url.pathname(), url.search(), url.hash()))
    }
}
