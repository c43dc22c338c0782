/**
 * The offline cache (issue 7, "installable as a PWA with an offline cache"): once the app has been
 * opened online, it opens again with the network cut. Hand-written, no build step: Vite copies
 * public/ to the root of the build, next to index.html.
 *
 * What is kept: index.html, every asset it names, and every chunk those name in turn (the lazy chunks
 * of the Word writer, the import worker ..., and the library's index pack and the 64 shards of its
 * texts, which its client names), found by their hashed file names, so a feature first used offline
 * still loads. Navigations go to the network first, so a new build is picked up as soon as it is
 * served, and the cache is then refreshed to that build; assets (content-hashed, so immutable) come
 * from the cache first. The drafts themselves live in IndexedDB and never pass through here.
 */
const CACHE = 'resolution-drafter-app-v1';
const INDEX = './';
/**
 * Vite's output names, with an 8-character hash: "index-BjeKLYqe.js", "ExportDialog-CoAPR9V6.js",
 * "library-index-Bg4wTCC3.pack", "library-texts-07-3LGWL-5-.pack", "library-completion-D0xh3Ikq.json".
 */
const CHUNK = /[\w.-]+-[\w-]{8}\.(?:js|css|pack|json)(?![\w.-])/g;

/** Fetches the served build: index.html, then everything reachable from it. */
async function precache() {
  const cache = await caches.open(CACHE);
  const index = await fetch(INDEX, { cache: 'no-cache' });
  if (!index.ok) return;
  const html = await index.clone().text();
  const queue = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"?#]+)"/g)].map((m) => m[1]);
  const kept = new Set([new URL(INDEX, self.registration.scope).href]);
  // Whether every asset was fetched or found: a pass cut short (the network lost mid-way) deletes nothing.
  let complete = true;
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    const url = new URL(path, self.registration.scope).href;
    if (kept.has(url)) continue;
    let response = await fetch(url, { cache: 'no-cache' }).catch(() => undefined);
    if (response) {
      // A name that only looked like a chunk (a 404) is skipped; index.html's own assets never are.
      if (!response.ok) continue;
      await cache.put(url, response.clone());
    } else {
      // No network: what the cache already holds stays, and still names the chunks it loads.
      response = await cache.match(url, { ignoreVary: true });
      if (!response) {
        complete = false;
        continue;
      }
    }
    kept.add(url);
    if (/\.js$/.test(path))
      for (const [name] of (await response.text()).matchAll(CHUNK)) queue.push(`assets/${name}`);
  }
  await cache.put(INDEX, index);
  // What the previous build left behind.
  if (complete)
    for (const request of await cache.keys()) if (!kept.has(request.url)) await cache.delete(request);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          // Online: the build served now is the one to keep for next time.
          if (response.ok) event.waitUntil(precache().catch(() => undefined));
          return response;
        })
        .catch(async () => (await caches.match(INDEX, { ignoreVary: true })) ?? Response.error()),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { ignoreVary: true }).then(
      (cached) =>
        cached ??
        fetch(request).then(async (response) => {
          if (response.ok && new URL(request.url).pathname.includes('/assets/'))
            await (await caches.open(CACHE)).put(request, response.clone());
          return response;
        }),
    ),
  );
});
