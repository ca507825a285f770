// Folio's service worker: the app shell precached, the manifest network-first,
// each post (its page, which carries its body) and chunk of cards cached once
// read (keyed by its content hash),
// what the first visit fetched before the worker ran (the page asks for it
// again once the worker controls it), the search index's
// shards once searched (so a search made before works offline), never an
// error response.
// The manifest, cards and images may live on another origin (`content_url`);
// they are cached the same way, so offline reading works there too.
//
// `folio build` replaces the FOLIO_PRECACHE line with this deploy's version,
// base path and file list, so every deploy is a new worker and old caches go.

/* global self, caches, fetch, Response, URL */
const FOLIO_PRECACHE = { version: 'dev', base: '/', content: '/', files: [] }; // replaced by folio build

const SHELL_CACHE = `folio-shell-${FOLIO_PRECACHE.version}`;
// Pages name this deploy's app files, so they go with the deploy.
const PAGES_CACHE = `folio-pages-${FOLIO_PRECACHE.version}`;
const DATA_CACHE = 'folio-data';
const POSTS_CACHE = 'folio-posts';
// Shards are this deploy's index: they go with the deploy, like its pages.
const SEARCH_CACHE = `folio-search-${FOLIO_PRECACHE.version}`;
const base = FOLIO_PRECACHE.base;
// Absolute URL of the folder holding manifest.json and content/.
const contentBase = new URL(FOLIO_PRECACHE.content || base, self.location.origin).href;

self.addEventListener('install', (event) => {
  // Wait for the reader to accept the update: nothing changes mid-read.
  event.waitUntil(Promise.all([
    caches.open(SHELL_CACHE).then((cache) => cache.addAll(FOLIO_PRECACHE.files.map((f) => base + f))),
    // The page fetched the list of posts before this worker could see it:
    // keep a copy now, or the first offline visit would have no list at all.
    caches.open(DATA_CACHE).then((cache) => cache.add(contentBase + 'manifest.json')).catch(() => {}),
  ]));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      const old = (name.startsWith('folio-shell-') && name !== SHELL_CACHE)
        || (name.startsWith('folio-pages') && name !== PAGES_CACHE)
        || (name.startsWith('folio-search-') && name !== SEARCH_CACHE);
      if (old) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const contentPath = request.url.startsWith(contentBase) ? url.href.slice(contentBase.length).split('?')[0] : null;
  if (contentPath === 'manifest.json' || contentPath === 'search/directory.json') {
    event.respondWith(networkFirst(request, DATA_CACHE));
    return;
  }
  if (contentPath !== null && contentPath.startsWith('search/')) {
    // Shards carry ?v=<build of the index>, like bodies their hash.
    event.respondWith(url.searchParams.has('v') ? cacheFirst(request, SEARCH_CACHE) : networkFirst(request, SEARCH_CACHE));
    return;
  }
  if (contentPath !== null && (contentPath.startsWith('content/') || contentPath.startsWith('list/'))) {
    // Chunks of cards carry ?v=<hash>: a cached copy is never an
    // outdated one, and only what was read is kept. Images
    // keep their names when replaced: fresh when online, saved copy offline.
    event.respondWith(url.searchParams.has('v') ? cacheFirst(request, POSTS_CACHE) : networkFirst(request, POSTS_CACHE));
    return;
  }
  if (url.origin !== self.location.origin || !url.pathname.startsWith(base)) return;
  if (request.mode !== 'navigate' && url.searchParams.has('v')) {
    // A post's or page's body, fetched by the app from its page as
    // `posts/x/?v=<hash>`: kept like the bodies above, once read.
    event.respondWith(cacheFirst(request, POSTS_CACHE));
    return;
  }

  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, PAGES_CACHE, () => caches.match(base + 'shell.html')));
  } else {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});

async function networkFirst(request, cacheName, fallback) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const hit = await caches.match(request, { ignoreSearch: cacheName === PAGES_CACHE });
    if (hit) return hit;
    const backup = fallback && (await fallback());
    if (backup) return backup;
    throw error;
  }
}

async function cacheFirst(request, cacheName) {
  // One key per resource however the URL was written (`x.md?v=1` and `x.md?v=1&`).
  const key = request.url.replace(/[?&]+$/, '');
  const cache = await caches.open(cacheName);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(key, response.clone());
  return response;
}
