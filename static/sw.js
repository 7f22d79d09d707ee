/* slatecard's service worker: the app works offline after one visit, and a
 * repeat visit needs no network for the app's files. Written into dist/ by
 * site/src/sw.rs, which fills in the version (a hash of every file) and the app's
 * files.
 *
 * A corrected order must reach members on ballot day, so:
 * - pages, the elections' bundles of region pages (regions.html) and
 *   orders.json come from the network first, from the cache only when the
 *   network fails or is slow (offline, a bad signal): a reload shows the
 *   release now published;
 * - the app's other files are named by their content (site/src/hash_names.rs):
 *   from the cache first, as a new release's pages name new files;
 * - a new version takes over as soon as it has all its files (skipWaiting),
 *   without waiting for every tab to close. A page opened before it keeps
 *   what it has; start.js tells its member when the release changed the
 *   page's orders ("A corrected order is available"). */
'use strict';
const VERSION = '{{sc:version}}';
const CACHE = 'slatecard-' + VERSION;
/* The app's files, relative to this worker: fetched at install. */
const SHELL = {{sc:shell}};
/* How long a page may take from the network before the cached copy is
 * shown instead (start.js then still checks orders.json). */
const PATIENCE_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith('slatecard-') && key !== CACHE)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

/* What may change from one release to the next under the same address. */
function fresh(request, url) {
  return request.mode === 'navigate' || /\/(regions\.html|orders\.json)$/.test(url.pathname)
    || url.pathname.endsWith('/');
}

async function fromNetwork(cache, request) {
  const response = await fetch(request);
  // Pages and files of this version, kept for the next visit.
  if (response.ok && response.type === 'basic') cache.put(request, response.clone());
  return response;
}

/* Offline (or slow), a page not visited yet: the landing page, whose
 * postcode island shows the address's page from its election's bundle. */
async function fallback(cache, request) {
  const cached = await cache.match(request);
  if (cached) return cached;
  if (request.mode === 'navigate') {
    // A Welsh page's address is under cy/: the Welsh landing page, if this
    // device has it, else the English one.
    const welsh = new URL(request.url).href.startsWith(new URL('cy/', self.registration.scope).href);
    const shell = (welsh && await cache.match(new URL('cy/', self.registration.scope).href)) ||
      await cache.match(new URL('./', self.registration.scope).href);
    if (shell) return shell;
  }
  return null;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    if (fresh(request, url)) {
      const network = fromNetwork(cache, request);
      // The network's answer, unless it fails or takes longer than
      // PATIENCE_MS while a copy is cached (the cache is looked at only then).
      let timer;
      const slow = new Promise((resolve) => { timer = setTimeout(resolve, PATIENCE_MS); }).then(() => fallback(cache, request));
      try {
        const first = await Promise.race([network, slow]);
        if (first) return first;
        return await network;
      } catch (error) {
        const cached = await fallback(cache, request);
        if (cached) return cached;
        throw error;
      } finally {
        clearTimeout(timer);
      }
    }
    const cached = await cache.match(request);
    if (cached) return cached;
    try {
      return await fromNetwork(cache, request);
    } catch (error) {
      const page = await fallback(cache, request);
      if (page) return page;
      throw error;
    }
  }));
});
