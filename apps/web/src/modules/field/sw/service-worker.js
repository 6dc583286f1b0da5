// The field PWA's service worker (docs/decisions/0017-field-pwa-service-worker.md). Built by apps/web/field-pwa.ts:
// the build writes the list of every built file and its hash into PRECACHE below, so a new build is a new worker.
// The app shell (every script, style, icon and index.html) is cached at install and served when the network is
// gone; GETs of the data the field pages read are answered from the network and their last copy kept for offline.
// Writes are never cached or replayed here: the page's offline queue owns them (encrypted, see offline-queue.ts).
/* global self, caches */
const PRECACHE = self.__FIELD_PRECACHE__;
const SHELL = `cg-shell-${PRECACHE.version}`;
const DATA = 'cg-data';
// The last answers kept for offline reading: who is signed in and the field pages' own data, nothing else.
const KEEP = [/^\/api\/auth\/me$/, /^\/api\/field\//];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE.files))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('cg-shell-') && k !== SHELL).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

const offlineJson = () =>
  new Response(JSON.stringify({ error: { code: 'OFFLINE', message: 'offline and nothing kept' } }), {
    status: 503,
    headers: { 'content-type': 'application/json' },
  });

async function networkFirstData(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(DATA);
      await cache.put(request, response.clone());
    }
    return response;
  } catch {
    return (await caches.match(request, { cacheName: DATA })) ?? offlineJson();
  }
}

async function shellPage(request) {
  try {
    return await fetch(request);
  } catch {
    return (await caches.match('/index.html', { cacheName: SHELL })) ?? Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (KEEP.some((re) => re.test(url.pathname))) event.respondWith(networkFirstData(request));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(shellPage(request));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: SHELL }).then((hit) => hit ?? fetch(request)));
});

// Sign-out: the page asks to forget the kept data (the shell stays: it holds nobody's data).
self.addEventListener('message', (event) => {
  if (event.data === 'field:wipe') event.waitUntil(caches.delete(DATA));
});
