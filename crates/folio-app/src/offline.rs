//! Reading offline: the service worker's registration and updates, the
//! network state, which posts are saved, and saving them.
//!
//! The worker itself is `public/sw.js`; this module is the app's side of it.
//! The few calls into the Service Worker and Cache Storage APIs are a small
//! JavaScript bridge: those APIs are promise- and event-heavy, and the bridge
//! costs fewer bytes than the equivalent `web-sys` bindings.
//!
//! Everything here starts as a prerendered page shows it (online, nothing
//! saved, no update) and asks the browser only in effects, after adoption.

use std::collections::HashSet;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use folio_core::PostMeta;

#[wasm_bindgen(inline_js = r#"
export function register_worker(url, scope, onUpdate) {
  if (!('serviceWorker' in navigator)) return;
  if (!navigator.serviceWorker.controller) {
    // First visit: what the page fetched before the worker ran (the list,
    // the post) is fetched again through it, so it is kept for offline use.
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      for (const entry of performance.getEntriesByType('resource')) {
        if (entry.initiatorType === 'fetch') fetch(entry.name).catch(() => {});
      }
    }, { once: true });
  }
  navigator.serviceWorker.register(url, { scope }).then((registration) => {
    const announce = () => { if (registration.waiting && navigator.serviceWorker.controller) onUpdate(); };
    announce();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker && worker.addEventListener('statechange', () => { if (worker.state === 'installed') announce(); });
    });
    // Look for a new deploy whenever the reader comes back to the tab.
    document.addEventListener('visibilitychange', () => { if (!document.hidden) registration.update().catch(() => {}); });
  }).catch(() => {});
}
export function activate_waiting_worker() {
  if (!('serviceWorker' in navigator)) { location.reload(); return; }
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
  navigator.serviceWorker.getRegistration().then((registration) => {
    if (registration && registration.waiting) registration.waiting.postMessage({ type: 'SKIP_WAITING' });
    else location.reload();
  });
}
export async function cached_urls(cacheName) {
  if (!('caches' in self)) return [];
  const cache = await caches.open(cacheName);
  return (await cache.keys()).map((request) => request.url);
}
export async function fetch_ok(url) {
  try { return (await fetch(url)).ok; } catch (e) { return false; }
}
"#)]
extern "C" {
    fn register_worker(url: &str, scope: &str, on_update: &js_sys::Function);
    fn activate_waiting_worker();
    fn cached_urls(cache_name: &str) -> js_sys::Promise;
    fn fetch_ok(url: &str) -> js_sys::Promise;
}

/// The cache `public/sw.js` keeps post bodies and images in.
const POSTS_CACHE: &str = "folio-posts";

/// Offline state shared by the frame, cards and the post page.
#[derive(Clone, Copy)]
pub struct Offline {
    pub online: ReadSignal<bool>,
    pub update_available: ReadSignal<bool>,
    /// Absolute URLs of saved bodies and images.
    pub saved: RwSignal<HashSet<String>>,
    /// `(done, total)` while saving.
    pub saving: RwSignal<Option<(usize, usize)>>,
    /// `https://example.com`, to make the absolute URLs the cache keys are.
    origin: StoredValue<String>,
}

pub fn use_offline() -> Offline {
    expect_context::<Offline>()
}

/// Registers the worker and starts following the network state; call once.
pub fn provide_offline() -> Offline {
    let (online, set_online) = signal(true);
    let (update_available, set_update_available) = signal(false);
    let offline = Offline {
        online,
        update_available,
        saved: RwSignal::new(HashSet::new()),
        saving: RwSignal::new(None),
        origin: StoredValue::new(String::new()),
    };
    let base = crate::site::use_site().base;
    Effect::new(move || {
        offline.origin.set_value(crate::browser::page_origin());
        set_online.set(crate::browser::is_online());
        let on = window_event_listener(leptos::ev::online, move |_| set_online.set(true));
        let off = window_event_listener(leptos::ev::offline, move |_| set_online.set(false));
        on_cleanup(move || {
            on.remove();
            off.remove();
        });
        let base = base.get_value();
        let on_update = Closure::<dyn Fn()>::new(move || set_update_available.set(true));
        register_worker(
            &format!("{base}sw.js"),
            &base,
            on_update.as_ref().unchecked_ref(),
        );
        on_update.forget(); // Lives as long as the page, like the worker registration.
        refresh_saved(offline);
    });
    provide_context(offline);
    offline
}

pub fn reload_to_update() {
    activate_waiting_worker();
}

/// Re-reads which bodies are in the cache.
pub fn refresh_saved(offline: Offline) {
    leptos::task::spawn_local(async move {
        let urls = JsFuture::from(cached_urls(POSTS_CACHE))
            .await
            .unwrap_or(JsValue::UNDEFINED);
        let urls: HashSet<String> = js_sys::Array::from(&urls)
            .iter()
            .filter_map(|url| url.as_string())
            .collect();
        offline.saved.set(urls);
    });
}

/// Absolute URL of a post's body (its page), as the worker caches it and the app fetches it.
fn body_href(offline: Offline, base: &str, post: &PostMeta) -> String {
    let url = folio_core::page_body::post_body_url(base, post);
    format!("{}{url}", offline.origin.get_value())
}

pub fn is_saved(offline: Offline, base: &str, post: &PostMeta) -> bool {
    offline.saved.with(|saved| {
        // Nothing saved (and always so in a prerendered page): no URL to build.
        !saved.is_empty() && saved.contains(&body_href(offline, base, post))
    })
}

/// Fetches each post's body (from the site at `base`) and images (from
/// `content_base`) through the worker, which caches them.
pub fn save_for_offline(
    offline: Offline,
    (base, content_base): (String, String),
    posts: Vec<PostMeta>,
) {
    if offline.saving.get_untracked().is_some() {
        return;
    }
    let total = posts.len();
    offline.saving.set(Some((0, total)));
    leptos::task::spawn_local(async move {
        for (done, post) in posts.iter().enumerate() {
            // The body data names the post's images; the worker keeps both.
            if let Ok(body) = crate::fetch::fetch_post_body(&base, post).await {
                for image in post_image_hrefs(&content_base, post, &body.images) {
                    let _ = JsFuture::from(fetch_ok(&image)).await;
                }
            }
            offline.saving.set(Some((done + 1, total)));
        }
        offline.saving.set(None);
        refresh_saved(offline);
    });
}

/// A post read from its prerendered page never fetched its body, which is what
/// the worker keeps for offline reading; fetch it now, after adoption, so a
/// post read is a post saved, however it was opened.
pub fn keep_read_post(offline: Offline, base: String, post: PostMeta) {
    leptos::task::spawn_local(async move {
        let _ = JsFuture::from(fetch_ok(&body_href(offline, &base, &post))).await;
        refresh_saved(offline);
    });
}

fn post_image_hrefs(base: &str, post: &PostMeta, images: &[String]) -> Vec<String> {
    let dir = format!("{base}{}/", post.source_dir());
    images
        .iter()
        .filter_map(|image| folio_core::routes::resolve_post_url(image, &dir))
        .filter(|href| href.starts_with('/'))
        .collect()
}
