/* slatecard's service worker: the app works offline after one visit, and a
 * repeat visit needs no network for its files. Written into dist/ by
 * scripts/sw, which fills in the version (a hash of every file) and the app's
 * files. Each version has a cache of its own, filled whole before it takes
 * over (a failed download leaves the old one in charge) and switched to only
 * when no page uses the old one: a member never sees a mix of versions. */
'use strict';
const VERSION = '{{sc:version}}';
const CACHE = 'slatecard-' + VERSION;
/* The app's files, relative to this worker: fetched at install. */
const SHELL = {{sc:shell}};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)));
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

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const cached = await cache.match(request);
    if (cached) return cached;
    try {
      const response = await fetch(request);
      // Pages and files of this version, kept for the next visit.
      if (response.ok && response.type === 'basic') cache.put(request, response.clone());
      return response;
    } catch (error) {
      // Offline, a page not visited yet: the landing page, whose app reads
      // the address and shows the right election and region.
      if (request.mode === 'navigate') {
        const shell = await cache.match(new URL('./', self.registration.scope).href);
        if (shell) return shell;
      }
      throw error;
    }
  }));
});
